//! Configuration as a user sees it: where `yblint.toml` is found,
//! `--config FILE`, severities, user units and partitions, settings lists,
//! and broken files pointed at with their own lines.

mod common;

use common::{diags_of, Run, Workspace};

/// 215 + 1161 = 1376 户, 10 short of 1386 户 (城市/农村 cover the whole).
const WRONG: &str = "全县有城乡低保对象1386户，其中，城市低保对象215户，农村低保对象1161户。\n";
const WRONG_MESSAGE: &str = "parts add up to 1376 户, but the total is 1386 户";

fn severities(r: &Run, text: &str) -> Vec<String> {
    diags_of(&r.json(), "breakdown-sum", text.as_bytes())
        .into_iter()
        .map(|d| d.severity)
        .collect()
}

// ---------------------------------------------------------------- finding yblint.toml

#[test]
fn config_in_the_files_folder_applies() {
    let ws = Workspace::new();
    ws.write("年鉴/民政.txt", WRONG);
    ws.write(
        "年鉴/yblint.toml",
        "[rules.breakdown-sum]\nseverity = \"warning\"\n",
    );
    let r = ws.check(&["--format", "json", "年鉴/民政.txt"]);
    assert_eq!(r.code, 0, "a warning does not fail the run: {r:?}");
    assert_eq!(severities(&r, WRONG), ["warning"]);
    let doc = r.json();
    assert_eq!(
        doc["summary"],
        serde_json::json!({"files": 1, "errors": 0, "warnings": 1, "infos": 0})
    );
    let d = &diags_of(&doc, "breakdown-sum", WRONG.as_bytes())[0];
    assert_eq!(d.message, WRONG_MESSAGE);
}

#[test]
fn config_in_a_parent_folder_applies() {
    let ws = Workspace::new();
    ws.write("年鉴/社会/民政/低保.txt", WRONG);
    ws.write(
        "年鉴/yblint.toml",
        "[rules.breakdown-sum]\nseverity = \"warning\"\n",
    );
    let r = ws.check(&["--format", "json", "年鉴/社会/民政/低保.txt"]);
    assert_eq!(r.code, 0, "{r:?}");
    assert_eq!(severities(&r, WRONG), ["warning"]);

    // The same when the folder is walked.
    let r = ws.check(&["--format", "json", "年鉴"]);
    assert_eq!(r.code, 0, "{r:?}");
    assert_eq!(severities(&r, WRONG), ["warning"]);
}

#[test]
fn nearest_config_wins() {
    let ws = Workspace::new();
    ws.write(
        "年鉴/yblint.toml",
        "[rules.breakdown-sum]\nseverity = \"off\"\n",
    );
    ws.write(
        "年鉴/民政/yblint.toml",
        "[rules.breakdown-sum]\nseverity = \"info\"\n",
    );
    ws.write("年鉴/民政/低保.txt", WRONG);
    ws.write("年鉴/卫生.txt", WRONG);
    let r = ws.check(&["--format", "json", "年鉴/民政/低保.txt"]);
    assert_eq!(r.code, 0, "{r:?}");
    assert_eq!(severities(&r, WRONG), ["info"]);
    let r = ws.check(&["--format", "json", "年鉴/卫生.txt"]);
    assert_eq!(r.code, 0, "{r:?}");
    assert_eq!(severities(&r, WRONG), Vec::<String>::new());
}

#[test]
fn without_config_the_default_severity_is_error() {
    let ws = Workspace::new();
    ws.write("民政.txt", WRONG);
    let r = ws.check(&["--format", "json", "民政.txt"]);
    assert_eq!(r.code, 1);
    assert_eq!(severities(&r, WRONG), ["error"]);
}

#[test]
fn config_flag_names_the_file() {
    let ws = Workspace::new();
    ws.write(
        "设置/宽松.toml",
        "[rules.breakdown-sum]\nseverity = \"info\"\n",
    );
    ws.write("年鉴/民政.txt", WRONG);
    // A discovered file is ignored when --config is given.
    ws.write(
        "年鉴/yblint.toml",
        "[rules.breakdown-sum]\nseverity = \"off\"\n",
    );
    let r = ws.check(&[
        "--format",
        "json",
        "--config",
        "设置/宽松.toml",
        "年鉴/民政.txt",
    ]);
    assert_eq!(r.code, 0, "{r:?}");
    assert_eq!(severities(&r, WRONG), ["info"]);
    assert_eq!(r.json()["summary"]["infos"], 1);
}

#[test]
fn config_flag_with_a_missing_file_exits_2() {
    let ws = Workspace::new();
    ws.write("民政.txt", WRONG);
    let r = ws.check(&["--config", "没有.toml", "民政.txt"]);
    assert_eq!(r.code, 2, "{r:?}");
    assert_eq!(r.stdout, "");
    let lines = r.stderr_lines();
    assert_eq!(
        lines
            .iter()
            .filter(|l| l.starts_with("yblint: error: 没有.toml: "))
            .count(),
        1,
        "{lines:?}"
    );
}

// ---------------------------------------------------------------- severities

#[test]
fn warning_severity_in_human_output() {
    let ws = Workspace::new();
    ws.write("民政.txt", WRONG);
    ws.write(
        "yblint.toml",
        "[rules.breakdown-sum]\nseverity = \"warning\"\n",
    );
    let r = ws.check(&["民政.txt"]);
    assert_eq!(r.code, 0, "{r:?}");
    assert!(
        r.stdout
            .starts_with(&format!("warning[breakdown-sum]: {WRONG_MESSAGE}\n")),
        "{}",
        r.stdout
    );
    assert_eq!(r.stderr, "checked 1 file: 0 errors, 1 warning, 0 infos\n");
}

#[test]
fn severity_off_silences_the_rule() {
    let ws = Workspace::new();
    ws.write("民政.txt", WRONG);
    ws.write("yblint.toml", "[rules.breakdown-sum]\nseverity = \"off\"\n");
    let r = ws.check(&["--format", "json", "民政.txt"]);
    assert_eq!(r.code, 0, "{r:?}");
    let doc = r.json();
    assert_eq!(doc["diagnostics"], serde_json::json!([]));
    assert_eq!(
        doc["summary"],
        serde_json::json!({"files": 1, "errors": 0, "warnings": 0, "infos": 0})
    );
}

// ---------------------------------------------------------------- user tables

/// 224 + 118 = 342 尾, 16 more than 326 尾: yblint does not know 尾 until the
/// configuration declares it.
#[test]
fn user_unit_makes_a_breakdown_checkable() {
    let text = "全县投放鱼苗326尾，其中，鲢鱼224尾，鳙鱼118尾。\n";
    let ws = Workspace::new();
    ws.write("农业/鱼苗.txt", text);
    let r = ws.check(&["--format", "json", "农业/鱼苗.txt"]);
    assert_eq!(r.code, 0, "{r:?}");
    assert!(diags_of(&r.json(), "breakdown-sum", text.as_bytes()).is_empty());

    ws.write(
        "农业/yblint.toml",
        "[[unit]]\nname = \"尾\"\ndimension = \"count:尾\"\ndiscrete = true\n",
    );
    let r = ws.check(&["--format", "json", "农业/鱼苗.txt"]);
    assert_eq!(r.code, 1, "{r:?}");
    let diags = diags_of(&r.json(), "breakdown-sum", text.as_bytes());
    assert_eq!(diags.len(), 1, "{diags:#?}");
    common::assert_diag(
        text,
        &diags[0],
        &common::Expect {
            total: "326尾",
            nth: 0,
            parts: &["224尾", "118尾"],
            message: "parts add up to 342 尾, more than the total 326 尾",
            notes: &[
                "224 + 118 = 342 尾, 16 more than 326 尾",
                "parts after 其中 are subsets of the total: together they cannot exceed it",
            ],
        },
    );
}

/// 4870 + 750 = 5620, 10 short of 5630: an error only once 在岗/离岗 is known
/// to cover every employee.
#[test]
fn user_partition_makes_parts_exhaustive() {
    let text = "年末全县国有单位职工5630人，其中，在岗职工4870人，离岗职工750人。\n";
    let ws = Workspace::new();
    ws.write("劳动.txt", text);
    let r = ws.check(&["--format", "json", "劳动.txt"]);
    assert_eq!(r.code, 0, "{r:?}");
    assert!(diags_of(&r.json(), "breakdown-sum", text.as_bytes()).is_empty());

    ws.write(
        "yblint.toml",
        "[[partition]]\nname = \"在岗与离岗\"\nmembers = [[\"在岗\"], [\"离岗\"]]\n",
    );
    let r = ws.check(&["--format", "json", "劳动.txt"]);
    assert_eq!(r.code, 1, "{r:?}");
    let diags = diags_of(&r.json(), "breakdown-sum", text.as_bytes());
    assert_eq!(diags.len(), 1, "{diags:#?}");
    common::assert_diag(
        text,
        &diags[0],
        &common::Expect {
            total: "5630人",
            nth: 0,
            parts: &["4870人", "750人"],
            message: "parts add up to 5620 人, but the total is 5630 人",
            notes: &["4870 + 750 = 5620 人, 10 short of 5630 人 (parts 在岗/离岗 cover the whole)"],
        },
    );
}

/// Both at once, given with --config: 268 + 134 = 402 羽, 10 short of 412 羽.
#[test]
fn user_unit_and_partition_together() {
    let text = "全县饲养鸡412羽，其中，蛋鸡268羽，肉鸡134羽。\n";
    let ws = Workspace::new();
    ws.write("畜牧.txt", text);
    ws.write(
        "畜牧.toml",
        "[[unit]]\nname = \"羽\"\ndimension = \"count:羽\"\ndiscrete = true\n\n[[partition]]\nname = \"蛋鸡与肉鸡\"\nmembers = [[\"蛋鸡\"], [\"肉鸡\"]]\n",
    );
    let r = ws.check(&["--format", "json", "--config", "畜牧.toml", "畜牧.txt"]);
    assert_eq!(r.code, 1, "{r:?}");
    let diags = diags_of(&r.json(), "breakdown-sum", text.as_bytes());
    assert_eq!(diags.len(), 1, "{diags:#?}");
    common::assert_diag(
        text,
        &diags[0],
        &common::Expect {
            total: "412羽",
            nth: 0,
            parts: &["268羽", "134羽"],
            message: "parts add up to 402 羽, but the total is 412 羽",
            notes: &["268 + 134 = 402 羽, 10 short of 412 羽 (parts 蛋鸡/肉鸡 cover the whole)"],
        },
    );
}

/// A settings list replaces the built-in one: without 另有 among the end
/// words, the 另有 clause is read as a third part: 120 + 300 + 500 = 920, 60
/// more than 860.
#[test]
fn settings_list_replaces_the_built_in_one() {
    let text = "全县有农村低保对象860户，其中，一类保障对象120户，二类保障对象300户，另有其他保障对象500户。\n";
    let ws = Workspace::new();
    ws.write("低保.txt", text);
    let r = ws.check(&["--format", "json", "低保.txt"]);
    assert_eq!(r.code, 0, "{r:?}");

    ws.write("yblint.toml", "[rules.breakdown-sum]\nend_words = []\n");
    let r = ws.check(&["--format", "json", "低保.txt"]);
    assert_eq!(r.code, 1, "{r:?}");
    let diags = diags_of(&r.json(), "breakdown-sum", text.as_bytes());
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(
        diags[0].message,
        "parts add up to 920 户, more than the total 860 户"
    );
    assert_eq!(diags[0].span.text, "860户");
    assert_eq!(
        diags[0].notes[0],
        "120 + 300 + 500 = 920 户, 60 more than 860 户"
    );
}

// ---------------------------------------------------------------- broken configuration

/// What stderr shows of a broken configuration: the message line, the
/// `path:line:col` header, the TOML line and the caret under it.
struct Shown {
    message: String,
    header: String,
    source: String,
    /// Display columns before the first caret, and the number of carets.
    caret: (usize, usize),
}

fn shown(r: &Run, line_no: usize) -> Shown {
    let lines = r.stderr_lines();
    let message = lines
        .iter()
        .find(|l| l.starts_with("error: invalid configuration: "))
        .unwrap_or_else(|| panic!("no error line in:\n{}", r.stderr))
        .to_string();
    let header = lines
        .iter()
        .find(|l| l.trim_start().starts_with("┌─ "))
        .unwrap_or_else(|| panic!("no header in:\n{}", r.stderr))
        .trim()
        .to_string();
    let prefix = format!("{line_no} │ ");
    let at = lines
        .iter()
        .position(|l| l.starts_with(&prefix))
        .unwrap_or_else(|| panic!("line {line_no} not shown in:\n{}", r.stderr));
    let source = lines[at][prefix.len()..].to_string();
    let under = lines[at + 1];
    let bar = under.find('│').expect("caret line has a gutter");
    let marks = &under[bar + '│'.len_utf8()..];
    let marks = marks.strip_prefix(' ').unwrap_or(marks);
    let lead = marks.chars().take_while(|c| *c == ' ').count();
    let carets = marks.chars().skip(lead).take_while(|c| *c == '^').count();
    Shown {
        message,
        header,
        source,
        caret: (lead, carets),
    }
}

/// Writes `toml` as yblint.toml beside a wrong draft and checks it: exit 2,
/// nothing on stdout.
fn broken(toml: &str) -> Run {
    let ws = Workspace::new();
    ws.write("民政.txt", WRONG);
    ws.write("yblint.toml", toml);
    let r = ws.check(&["民政.txt"]);
    assert_eq!(r.code, 2, "{r:?}");
    assert_eq!(r.stdout, "", "no diagnostics under a broken configuration");
    r
}

#[test]
fn unknown_top_level_key() {
    // A top-level key must come before the first table.
    let r =
        broken("# 年鉴设置\ncolour = \"auto\"\n\n[rules.breakdown-sum]\nseverity = \"warning\"\n");
    let s = shown(&r, 2);
    assert_eq!(
        s.message,
        "error: invalid configuration: unknown key `colour`; expected one of rules, unit, partition, labels, formula, formula_files, overrides, select, ignore"
    );
    assert!(s.header.ends_with("yblint.toml:2:1"), "{}", s.header);
    assert_eq!(s.source, "colour = \"auto\"");
    assert_eq!(s.caret, (0, 6), "under `colour`");
}

#[test]
fn unknown_rule_with_did_you_mean() {
    let r = broken("[rules.breakdown-summ]\nseverity = \"warning\"\n");
    let s = shown(&r, 1);
    assert_eq!(
        s.message,
        "error: invalid configuration: unknown rule `breakdown-summ`; did you mean `breakdown-sum`?"
    );
    assert!(s.header.ends_with("yblint.toml:1:8"), "{}", s.header);
    assert_eq!(s.source, "[rules.breakdown-summ]");
    assert_eq!(s.caret, (7, 14), "under `breakdown-summ`");
}

#[test]
fn misspelt_setting_key() {
    let r = broken("[rules.breakdown-sum]\nseverty = \"warning\"\n");
    let s = shown(&r, 2);
    assert!(
        s.message
            .starts_with("error: invalid configuration: unknown field `severty`"),
        "{}",
        s.message
    );
    assert!(s.header.ends_with("yblint.toml:2:1"), "{}", s.header);
    assert_eq!(s.source, "severty = \"warning\"");
    assert_eq!(s.caret, (0, 7), "under `severty`");
}

#[test]
fn unknown_severity_value() {
    let r = broken("[rules.breakdown-sum]\nseverity = \"loud\"\n");
    let s = shown(&r, 2);
    assert_eq!(
        s.message,
        r#"error: invalid configuration: invalid severity: expected one of "error", "warning", "info", "off""#
    );
    assert!(s.header.ends_with("yblint.toml:2:12"), "{}", s.header);
    assert_eq!(s.source, "severity = \"loud\"");
    assert_eq!(s.caret, (11, 6), "under `\"loud\"`");
}

#[test]
fn wrong_type_of_a_list_setting() {
    // "共计" is 1 + 2 + 2 + 1 display columns wide.
    let r = broken("[rules.breakdown-sum]\nend_words = \"共计\"\n");
    let s = shown(&r, 2);
    assert!(s.message.contains("expected a sequence"), "{}", s.message);
    assert!(s.header.ends_with("yblint.toml:2:13"), "{}", s.header);
    assert_eq!(s.source, "end_words = \"共计\"");
    assert_eq!(s.caret, (12, 6), "under `\"共计\"`");
}

#[test]
fn wrong_type_in_a_user_unit() {
    let r = broken("[[unit]]\nname = \"艘\"\ndimension = \"count:艘\"\ndiscrete = \"yes\"\n");
    let s = shown(&r, 4);
    assert!(s.message.contains("expected a boolean"), "{}", s.message);
    assert!(s.header.ends_with("yblint.toml:4:12"), "{}", s.header);
    assert_eq!(s.source, "discrete = \"yes\"");
    assert_eq!(s.caret, (11, 5), "under `\"yes\"`");
}

#[test]
fn misspelt_key_in_a_user_partition() {
    let r = broken("[[partition]]\nname = \"在岗与离岗\"\nmember = [[\"在岗\"], [\"离岗\"]]\n");
    let s = shown(&r, 3);
    assert!(
        s.message.contains("unknown field `member`"),
        "{}",
        s.message
    );
    assert_eq!(s.source, "member = [[\"在岗\"], [\"离岗\"]]");
    assert_eq!(s.caret, (0, 6), "under `member`");
}

#[test]
fn toml_syntax_error() {
    let r = broken("[rules.breakdown-sum\nseverity = \"warning\"\n");
    let s = shown(&r, 1);
    assert!(s.message.contains("expected `]`"), "{}", s.message);
    assert!(s.header.ends_with("yblint.toml:1:21"), "{}", s.header);
    assert_eq!(s.source, "[rules.breakdown-sum");
    assert_eq!(s.caret, (20, 1), "just after `[rules.breakdown-sum`");
}

#[test]
fn broken_config_given_with_the_flag() {
    let ws = Workspace::new();
    ws.write("民政.txt", WRONG);
    ws.write("坏.toml", "[rules.breakdown-sum]\nseverity = \"loud\"\n");
    let r = ws.check(&["--config", "坏.toml", "民政.txt"]);
    assert_eq!(r.code, 2, "{r:?}");
    assert_eq!(r.stdout, "");
    let s = shown(&r, 2);
    assert_eq!(s.header, "┌─ 坏.toml:2:12");
    assert_eq!(s.caret, (11, 6));
}

/// README: a broken configuration exits 2, "the other files are still
/// checked". Files under another folder (with no configuration of their own)
/// are checked and reported, and a missing path named in the same run is
/// still reported.
#[test]

fn broken_config_in_one_folder_does_not_stop_the_others() {
    let ws = Workspace::new();
    ws.write("甲/yblint.toml", "colour = 1\n");
    ws.write("甲/民政.txt", WRONG);
    ws.write("乙/民政.txt", WRONG);
    let r = ws.check(&["--format", "json", "乙", "甲", "不存在.txt"]);
    assert_eq!(r.code, 2, "{r:?}");
    assert!(r.stderr.contains("unknown key `colour`"), "{}", r.stderr);
    assert!(
        r.stderr_lines()
            .iter()
            .any(|l| l.starts_with("yblint: error: 不存在.txt: ")),
        "{}",
        r.stderr
    );
    let doc = r.json();
    let d = &diags_of(&doc, "breakdown-sum", WRONG.as_bytes());
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].path, "乙/民政.txt");
    assert_eq!(d[0].message, WRONG_MESSAGE);
}

// ---------------------------------------------------------------- what a broken configuration says

/// The settings of breakdown-sum in rules/arithmetic/breakdown-sum.toml,
/// `severity` included.
fn setting_keys() -> Vec<String> {
    let defaults: toml::Table =
        toml::from_str(yblint::rules::find("breakdown-sum").unwrap().defaults).unwrap();
    let keys: Vec<String> = defaults.keys().cloned().collect();
    assert!(keys.iter().any(|k| k == "severity"));
    assert!(keys.iter().any(|k| k == "end_words"));
    keys
}

/// Every setting key is named in the message's list of expected keys.
fn lists_every_setting(message: &str) {
    let list = &message[message.find(", expected one of ").expect(message)..];
    let list = list.split("; did you mean").next().unwrap();
    for key in setting_keys() {
        assert!(list.contains(&format!("`{key}`")), "`{key}` in {message}");
    }
}

/// The allowed keys of a rule's settings name `severity` too, and a key
/// within edit distance 2 of one is suggested.
#[test]
fn misspelt_severity_lists_severity_and_suggests_it() {
    let r = broken("[rules.breakdown-sum]\nseverty = \"warning\"\n");
    let s = shown(&r, 2);
    assert!(
        s.message.starts_with(
            "error: invalid configuration: unknown field `severty`, expected one of `severity`, `end_words`, "
        ),
        "{}",
        s.message
    );
    assert!(
        s.message.ends_with("; did you mean `severity`?"),
        "{}",
        s.message
    );
    lists_every_setting(&s.message);
    assert!(s.header.ends_with("yblint.toml:2:1"), "{}", s.header);
    assert_eq!(s.caret, (0, 7), "under `severty`");
}

#[test]
fn misspelt_setting_list_is_suggested() {
    let r = broken("[rules.breakdown-sum]\nend_word = [\"共计\"]\n");
    let s = shown(&r, 2);
    assert!(
        s.message.starts_with(
            "error: invalid configuration: unknown field `end_word`, expected one of `severity`, "
        ),
        "{}",
        s.message
    );
    assert!(
        s.message.ends_with("; did you mean `end_words`?"),
        "{}",
        s.message
    );
    lists_every_setting(&s.message);
    assert_eq!(s.caret, (0, 8), "under `end_word`");
}

/// No allowed key is near `loudness`: the list, but no guess.
#[test]
fn unknown_setting_far_from_any_key_gets_no_suggestion() {
    let r = broken("[rules.breakdown-sum]\nloudness = 3\n");
    let s = shown(&r, 2);
    assert!(
        s.message.starts_with(
            "error: invalid configuration: unknown field `loudness`, expected one of `severity`, "
        ),
        "{}",
        s.message
    );
    assert!(s.message.ends_with('`'), "{}", s.message);
    assert!(!s.message.contains("did you mean"), "{}", s.message);
    lists_every_setting(&s.message);
}

#[test]
fn severity_of_the_wrong_type() {
    let r = broken("[rules.breakdown-sum]\nseverity = 3\n");
    let s = shown(&r, 2);
    assert_eq!(
        s.message,
        r#"error: invalid configuration: invalid severity: expected one of "error", "warning", "info", "off""#
    );
    assert!(s.header.ends_with("yblint.toml:2:12"), "{}", s.header);
    assert_eq!(s.source, "severity = 3");
    assert_eq!(s.caret, (11, 1), "under `3`");
}

#[test]
fn misspelt_key_in_a_user_unit_is_suggested() {
    let r = broken("[[unit]]\nname = \"羽\"\ndimensoin = \"count:羽\"\n");
    let s = shown(&r, 3);
    assert_eq!(
        s.message,
        "error: invalid configuration: unknown field `dimensoin`, expected one of `name`, \
         `dimension`, `factor`, `discrete`, `additive`, `mixes`; did you mean `dimension`?"
    );
    assert_eq!(s.caret, (0, 9), "under `dimensoin`");
}

/// A partition of one member covers nothing: the error points at the
/// partition's table.
#[test]
fn partition_with_one_member_is_refused() {
    let r =
        broken("# 劳动\n[[partition]]\nname = \"在岗与离岗\"\nmembers = [[\"在岗\", \"在职\"]]\n");
    let s = shown(&r, 2);
    assert_eq!(
        s.message,
        "error: invalid configuration: partition `在岗与离岗` needs at least two members, each with at least one word"
    );
    assert!(s.header.ends_with("yblint.toml:2:1"), "{}", s.header);
    assert_eq!(s.source, "[[partition]]");
    assert_eq!(s.caret, (0, 13), "under `[[partition]]`");
}

/// The second of two partitions is the broken one: the error points at it.
#[test]
fn partition_member_without_words_is_refused() {
    let r = broken(
        "[[partition]]\nname = \"城乡二\"\nmembers = [[\"城\"], [\"乡\"]]\n\n[[partition]]\nname = \"在岗与离岗\"\nmembers = [[\"在岗\"], []]\n",
    );
    let s = shown(&r, 5);
    assert_eq!(
        s.message,
        "error: invalid configuration: partition `在岗与离岗` needs at least two members, each with at least one word"
    );
    assert!(s.header.ends_with("yblint.toml:5:1"), "{}", s.header);
    assert_eq!(s.caret, (0, 13));
}

#[test]
fn partition_with_an_empty_word_is_refused() {
    let r =
        broken("[[partition]]\nname = \"在岗与离岗\"\nmembers = [[\"在岗\"], [\"离岗\", \"\"]]\n");
    let s = shown(&r, 1);
    assert_eq!(
        s.message,
        "error: invalid configuration: partition `在岗与离岗` has an empty word: every label contains it"
    );
    assert!(s.header.ends_with("yblint.toml:1:1"), "{}", s.header);
    assert_eq!(s.caret, (0, 13));
}

/// An inline partition table is pointed at as written.
#[test]
fn inline_partition_with_one_member_is_refused() {
    let r = broken("partition = [{ name = \"机动\", members = [[\"机动\"]] }]\n");
    let s = shown(&r, 1);
    assert_eq!(
        s.message,
        "error: invalid configuration: partition `机动` needs at least two members, each with at least one word"
    );
    assert!(s.header.ends_with("yblint.toml:1:14"), "{}", s.header);
}

#[test]
fn unit_with_an_empty_name_is_refused() {
    let r = broken("[[unit]]\nname = \"\"\ndimension = \"count:羽\"\n");
    let s = shown(&r, 1);
    assert_eq!(
        s.message,
        "error: invalid configuration: a unit needs a name: `name` is empty"
    );
    assert!(s.header.ends_with("yblint.toml:1:1"), "{}", s.header);
    assert_eq!(s.source, "[[unit]]");
    assert_eq!(s.caret, (0, 8), "under `[[unit]]`");
}

#[test]
fn unit_with_a_factor_of_zero_or_less_is_refused() {
    for (factor, shown_as) in [("\"0\"", "0"), ("\"-1000\"", "-1000")] {
        let r = broken(&format!(
            "[rules.breakdown-sum]\nseverity = \"warning\"\n\n[[unit]]\nname = \"公吨\"\ndimension = \"mass\"\nfactor = {factor}\n"
        ));
        let s = shown(&r, 4);
        assert_eq!(
            s.message,
            format!("error: invalid configuration: unit `公吨` has factor {shown_as}; a factor must be greater than 0")
        );
        assert!(s.header.ends_with("yblint.toml:4:1"), "{}", s.header);
        assert_eq!(s.caret, (0, 8));
    }
}

#[test]
fn an_empty_word_in_a_list_is_refused() {
    // An empty word is in every label: `change = [""]` would make every
    // figure a change and switch breakdown-sum off without a word.
    let r = broken("[labels]\nchange = [\"\"]\n");
    let s = shown(&r, 2);
    assert_eq!(
        s.message,
        "error: invalid configuration: a word list has an empty word: every label contains it"
    );
    assert!(s.header.ends_with("yblint.toml:2:10"), "{}", s.header);
    assert_eq!(s.source, "change = [\"\"]");
    assert_eq!(s.caret, (9, 4), "under `[\"\"]`");

    let r = broken("[rules.breakdown-sum]\nend_words = [\"共计\", \"\"]\n");
    let s = shown(&r, 2);
    assert!(
        s.message.ends_with("every label contains it"),
        "{}",
        s.message
    );
    assert!(s.header.ends_with("yblint.toml:2:13"), "{}", s.header);
}
