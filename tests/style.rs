//! The yearbook-style rules as an editor meets them: long entry titles,
//! punctuation inside titles, first-person narration and honorifics — with
//! the traps correct drafts set (quoted speeches, 特载, 资本市场, 我国,
//! 老同志, official phrasing) and the fixes applied.

mod common;

use common::{diags_of, Workspace};
use yblint::config::Config;
use yblint::diagnostic::Applicability;

/// (severity, text the primary span covers, message) of every finding of
/// `rule` when `yblint check --format json` reads `text` (with `config` as
/// the yblint.toml beside it).
fn findings_with(rule: &str, text: &str, config: Option<&str>) -> Vec<(String, String, String)> {
    let ws = Workspace::new();
    ws.write("条目.txt", text);
    if let Some(c) = config {
        ws.write("yblint.toml", c);
    }
    let run = ws.check(&["--format", "json", "条目.txt"]);
    assert!(
        run.code == 0 || run.code == 1,
        "exit {}: {}",
        run.code,
        run.stderr
    );
    diags_of(&run.json(), rule, text.as_bytes())
        .into_iter()
        .map(|d| {
            assert_eq!(d.category, "style");
            assert_eq!(d.primary, d.span, "the primary label marks the span");
            (d.severity, d.span.text, d.message)
        })
        .collect()
}

fn findings(rule: &str, text: &str) -> Vec<(String, String, String)> {
    findings_with(rule, text, None)
}

fn one(severity: &str, span: &str, message: &str) -> (String, String, String) {
    (severity.into(), span.into(), message.into())
}

fn silent(rule: &str, text: &str) {
    let found = findings(rule, text);
    assert!(
        found.is_empty(),
        "{rule} must be silent on {text:?}, got {found:#?}"
    );
}

/// The text after applying the fixes of `rule` of the given kind.
fn fixed(rule: &str, text: &str, kind: Applicability) -> String {
    let config = Config::builtin().unwrap();
    let mut edits: Vec<_> = yblint::check_text(text, &config)
        .unwrap()
        .into_iter()
        .filter(|d| d.rule == rule)
        .filter_map(|d| d.fix)
        .filter(|f| f.applicability == kind)
        .flat_map(|f| f.edits)
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
    let mut out = text.to_string();
    for e in edits {
        out.replace_range(e.span.range(), &e.replacement);
    }
    out
}

// ---------------------------------------------------------------- yb-entry-title-length

const LONG: &str = "◆农业农村\n\n【全县深入开展农村人居环境整治三年行动集中攻坚月活动】 4月，全县开展集中攻坚，清理村庄垃圾1.2万吨。\n\n【农村人居环境整治】 全年改造农村户厕3200座。\n";

#[test]
fn long_entry_titles_are_reported() {
    assert_eq!(
        findings("yb-entry-title-length", LONG),
        vec![one(
            "warning",
            "【全县深入开展农村人居环境整治三年行动集中攻坚月活动】",
            "entry title of 25 characters; the limit is 18"
        )]
    );
}

#[test]
fn the_title_limit_is_configurable() {
    // 【农村人居环境整治】 has 8 characters: at the limit of 8, over the limit of 7.
    let eight = "[rules.yb-entry-title-length]\nmax_chars = 8\n";
    assert_eq!(
        findings_with("yb-entry-title-length", LONG, Some(eight)),
        vec![one(
            "warning",
            "【全县深入开展农村人居环境整治三年行动集中攻坚月活动】",
            "entry title of 25 characters; the limit is 8"
        )]
    );
    let seven = "[rules.yb-entry-title-length]\nmax_chars = 7\n";
    assert_eq!(
        findings_with("yb-entry-title-length", LONG, Some(seven))[1],
        one(
            "warning",
            "【农村人居环境整治】",
            "entry title of 8 characters; the limit is 7"
        )
    );
}

#[test]
fn headings_and_short_titles_are_left_alone() {
    silent(
        "yb-entry-title-length",
        "◆全县深入开展农村人居环境整治三年行动集中攻坚月活动情况\n\n【“十四五”规划编制】 全年完成规划纲要编制。\n",
    );
}

// ---------------------------------------------------------------- punct-entry-title-inner

#[test]
fn punctuation_inside_titles_is_reported() {
    let text =
        "【乡村振兴，示范村建设】 全年建成示范村12个。\n\n【养老、医疗保险】 全年参保8.6万人。\n";
    assert_eq!(
        findings("punct-entry-title-inner", text),
        vec![
            one("warning", "，", "`，` inside an entry title"),
            one("warning", "、", "`、` inside an entry title"),
        ]
    );
}

#[test]
fn quotation_and_book_title_marks_in_titles_are_left_alone() {
    silent(
        "punct-entry-title-inner",
        "【“十四五”规划编制】 全年完成规划纲要编制。\n\n【《县志（1986—2020）》出版】 全年出版县志。\n\n【“放管服、优营商”改革】 全年取消审批事项12项。\n",
    );
}

// ---------------------------------------------------------------- yb-third-person

#[test]
fn first_person_narration_is_reported() {
    let text = "【造林绿化】 我县全年完成造林800公顷，在本县新建苗圃3处。本局组织义务植树活动12场。我们将继续推进国土绿化。\n";
    assert_eq!(
        findings("yb-third-person", text),
        vec![
            one("warning", "我县", "first-person `我县` in the narration"),
            one("warning", "本县", "first-person `本县` in the narration"),
            one("warning", "本局", "first-person `本局` in the narration"),
            one("warning", "我们", "first-person `我们` in the narration"),
        ]
    );
}

#[test]
fn quotations_special_sections_and_words_ending_in_ben_are_left_alone() {
    silent(
        "yb-third-person",
        "县长在大会上说：“我县将继续推进造林绿化。”县政府印发《我县林长制实施方案》。\
全县资本市场融资8.6亿元，成本市价比下降，基本局面稳定。我国北方防护林工程延伸至县境。\n",
    );
    silent(
        "yb-third-person",
        "◆特载\n\n## 县长在县人代会上的政府工作报告\n\n过去一年，我县经济运行稳中向好，我们坚持稳中求进。\n",
    );
}

// ---------------------------------------------------------------- yb-no-honorifics

#[test]
fn honorifics_after_names_are_reported_with_an_unsafe_fix() {
    let text = "县长王××同志出席并讲话，县政协主席李明先生、县妇联主席张某女士参加。\n";
    assert_eq!(
        findings("yb-no-honorifics", text),
        vec![
            one("warning", "同志", "honorific `同志` after the name `王××`"),
            one("warning", "先生", "honorific `先生` after the name `李明`"),
            one("warning", "女士", "honorific `女士` after the name `张某`"),
        ]
    );
    assert_eq!(
        fixed("yb-no-honorifics", text, Applicability::Unsafe),
        "县长王××出席并讲话，县政协主席李明、县妇联主席张某参加。\n"
    );
}

#[test]
fn honorifics_without_a_name_and_official_phrasing_are_left_alone() {
    silent(
        "yb-no-honorifics",
        "县委老干部局走访慰问离退休老同志86人，全体同志参加学习，许多同志踊跃发言，女同志占42%。\n",
    );
    silent(
        "yb-no-honorifics",
        "全县党员干部紧密团结在以习近平同志为核心的党中央周围，纪念毛泽东同志诞辰130周年。同志们积极参加。\n",
    );
    silent(
        "yb-no-honorifics",
        "县领导在会上说：“感谢王××同志的付出。”\n",
    );
}
