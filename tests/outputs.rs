//! The machine-readable outputs: `--format short`, `--format github`,
//! `--format sarif` (validated against the official SARIF 2.1.0 schema),
//! `--statistics` and `--exit-zero`.

mod common;

use common::Workspace;
use serde_json::Value;

/// A draft with one breakdown error on its second line: 21 + 723 ≠ 754.
const DRAFT: &str =
    "【社会救助】\n全县有城乡特困人员754户，其中，城市特困人员21户，农村特困人员723户。\n";

fn workspace() -> Workspace {
    let ws = Workspace::new();
    ws.write("民政.txt", DRAFT);
    ws
}

#[test]
fn short_is_one_line_a_diagnostic() {
    let ws = workspace();
    let run = ws.check(&["--format", "short", "民政.txt"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    // 754户 starts at the 10th character of line 2.
    assert_eq!(
        run.stdout,
        "民政.txt:2:10: error[breakdown-sum] parts add up to 744 户, but the total is 754 户\n"
    );
}

#[test]
fn github_commands_carry_the_span_and_escape_their_values() {
    let ws = Workspace::new();
    // A path with a comma and a colon must be escaped in the `file=` property.
    ws.write("甲,乙:丙.txt", DRAFT);
    let run = ws.check(&["--format", "github", "甲,乙:丙.txt"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "::error file=甲%2C乙%3A丙.txt,line=2,col=10,endLine=2,endColumn=14,\
         title=breakdown-sum (error)::parts add up to 744 户, but the total is 754 户\n"
    );
}

#[test]
fn github_message_escapes_percent_and_line_breaks() {
    assert_eq!(
        yblint::render::github::escape_data("占比78.2%\n第二行"),
        "占比78.2%25%0A第二行"
    );
    assert_eq!(
        yblint::render::github::escape_property("a,b:c"),
        "a%2Cb%3Ac"
    );
}

fn sarif(ws: &Workspace, args: &[&str]) -> Value {
    let mut all = vec!["--format", "sarif"];
    all.extend_from_slice(args);
    let run = ws.check(&all);
    assert!(run.code == 0 || run.code == 1, "{}", run.stderr);
    serde_json::from_str(&run.stdout).expect("SARIF output is JSON")
}

fn sarif_errors(log: &Value) -> Vec<String> {
    // The official schema (OASIS SARIF 2.1.0, as published) writes the
    // pattern of `language` (run and artifact) with a stray `]`, which the validator's
    // meta-schema check refuses as a regular expression; it is replaced by the
    // pattern the spec means (yblint never writes `language`). Everything
    // else is the schema as published, formats (uri, date-time) included.
    let text = std::fs::read_to_string("tests/data/sarif-schema-2.1.0.json").unwrap();
    let broken = r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#;
    assert!(text.contains(broken));
    let text = text.replace(broken, r#""^[a-zA-Z]{2}(-[a-zA-Z]{2})?$""#);
    let schema: Value = serde_json::from_str(&text).unwrap();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles");
    validator
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

fn assert_valid_sarif(log: &Value) {
    let errors = sarif_errors(log);
    assert!(
        errors.is_empty(),
        "SARIF log is not valid:\n{}",
        errors.join("\n")
    );
}

/// The validation is real: a log with a level SARIF does not know, or a
/// result without a message, is refused.
#[test]
fn the_schema_check_refuses_a_broken_log() {
    let ws = workspace();
    let mut log = sarif(&ws, &["民政.txt"]);
    assert_valid_sarif(&log);
    log["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!sarif_errors(&log).is_empty());
    let mut log = sarif(&ws, &["民政.txt"]);
    log["runs"][0]["results"][0]
        .as_object_mut()
        .unwrap()
        .remove("message");
    assert!(!sarif_errors(&log).is_empty());
}

#[test]
fn sarif_validates_against_the_schema_and_locates_the_finding() {
    let ws = workspace();
    let log = sarif(&ws, &["民政.txt"]);
    assert_valid_sarif(&log);

    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), yblint::rules::registry().len());
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 1);
    let r = &results[0];
    assert_eq!(r["ruleId"], "breakdown-sum");
    assert_eq!(r["level"], "error");
    let index = r["ruleIndex"].as_u64().unwrap() as usize;
    assert_eq!(rules[index]["id"], "breakdown-sum");
    assert!(rules[index]["help"]["text"]
        .as_str()
        .unwrap()
        .starts_with("# breakdown-sum (arithmetic)"));
    assert_eq!(rules[index]["defaultConfiguration"]["level"], "error");

    let loc = &r["locations"][0]["physicalLocation"];
    assert_eq!(loc["artifactLocation"]["uri"], "%E6%B0%91%E6%94%BF.txt");
    let region = &loc["region"];
    assert_eq!(region["startLine"], 2);
    assert_eq!(region["startColumn"], 10);
    assert_eq!(region["endColumn"], 14);
    assert_eq!(region["snippet"]["text"], "754户");
    let start = region["byteOffset"].as_u64().unwrap() as usize;
    let len = region["byteLength"].as_u64().unwrap() as usize;
    assert_eq!(&DRAFT[start..start + len], "754户");

    // The parts are related locations.
    let related: Vec<&str> = r["relatedLocations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            l["physicalLocation"]["region"]["snippet"]["text"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert_eq!(related, vec!["21户", "723户"]);
}

#[test]
fn sarif_without_findings_is_valid_and_says_a_disabled_rule_is_off() {
    let ws = Workspace::new();
    ws.write(
        "好.txt",
        "全县有城乡特困人员754户，其中，城市特困人员21户，农村特困人员733户。\n",
    );
    ws.write("yblint.toml", "[rules.breakdown-sum]\nseverity = \"off\"\n");
    let log = sarif(&ws, &["--config", "yblint.toml", "好.txt"]);
    assert_valid_sarif(&log);
    assert_eq!(log["runs"][0]["results"].as_array().unwrap().len(), 0);
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    let bs = rules.iter().find(|r| r["id"] == "breakdown-sum").unwrap();
    assert_eq!(bs["defaultConfiguration"]["enabled"], false);
}

#[test]
fn statistics_count_by_rule() {
    let ws = workspace();
    ws.write(
        "教育.txt",
        "全县共有学校58所，其中，小学36所，初级中学14所，幼儿园19所。\n",
    );
    let run = ws.check(&["--statistics", "."]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "     2  breakdown-sum  arithmetic   (2 errors)\n"
    );
    let run = ws.check(&["--statistics", "--format", "json", "."]);
    let doc = run.json();
    assert_eq!(doc["diagnostics"].as_array().unwrap().len(), 2);
    assert_eq!(
        doc["statistics"],
        serde_json::json!([{"rule": "breakdown-sum", "category": "arithmetic",
            "count": 2, "errors": 2, "warnings": 0, "infos": 0}])
    );
}

#[test]
fn exit_zero_reports_without_failing() {
    let ws = workspace();
    let run = ws.check(&["--exit-zero", "--format", "short", "民政.txt"]);
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout.lines().count(), 1);
    // A file that cannot be read still fails the run.
    let run = ws.check(&["--exit-zero", "没有这个文件.txt"]);
    assert_eq!(run.code, 2);
}

/// `--coverage` says what was verified and what was not, and why: here one
/// breakdown is checked and one is left alone because its total is
/// approximate.
#[test]
fn coverage_says_what_was_not_checked() {
    let ws = Workspace::new();
    ws.write(
        "社会.txt",
        "全县有城乡特困人员754户，其中，城市特困人员21户，农村特困人员733户。\
         全县有学校约58所，其中，小学36所，初级中学14所。\n",
    );
    let run = ws.check(&["--coverage", "--format", "json", "社会.txt"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.json()["summary"]["coverage"],
        serde_json::json!({
            "figures": 6,
            "checked": [{"relation": "breakdown: parts add up to the total", "count": 1}],
            "skipped": [{"relation": "breakdown", "reason": "the total is approximate (约, 左右)", "count": 1}],
        })
    );
    // Without --coverage the summary has no such field.
    let run = ws.check(&["--format", "json", "社会.txt"]);
    assert!(run.json()["summary"].get("coverage").is_none());
    // In the other formats it goes to standard error, after the count.
    let run = ws.check(&["--coverage", "社会.txt"]);
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr.ends_with(
            "coverage: 6 figures read; 1 relations checked, 1 not checked\n  \
         checked       1  breakdown: parts add up to the total\n  \
         skipped       1  breakdown: the total is approximate (约, 左右)\n"
        ),
        "{}",
        run.stderr
    );
}

/// For a GBK file, SARIF byte offsets index the file's own bytes (two
/// bytes a Han character), not the decoded text.
#[test]
fn sarif_byte_offsets_index_a_gbk_file() {
    let ws = Workspace::new();
    let (bytes, _, bad) = encoding_rs::GBK.encode(DRAFT);
    assert!(!bad);
    ws.write("旧稿.txt", &bytes);
    let log = sarif(&ws, &["旧稿.txt"]);
    assert_valid_sarif(&log);
    let region = &log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
    let (needle, _, _) = encoding_rs::GBK.encode("754户");
    let start = bytes
        .windows(needle.len())
        .position(|w| w == &needle[..])
        .unwrap();
    assert_eq!(region["byteOffset"], start);
    assert_eq!(region["byteLength"], needle.len());
    assert_eq!(region["snippet"]["text"], "754户");
    assert_eq!(region["startColumn"], 10);
}

/// The derived-figure rules record what they checked: a growth rate and a
/// named rate here, beside the breakdown.
#[test]
fn coverage_counts_derived_figures() {
    let ws = Workspace::new();
    ws.write(
        "财政.txt",
        "全县一般公共预算收入3.45亿元，比上年增加0.42亿元，增长13.9%。\
         年末住房公积金缴存余额2.95亿元，个人住房贷款余额1.86亿元，个贷率63.1%。\n",
    );
    let run = ws.check(&["--coverage", "--format", "json", "财政.txt"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let checked = run.json()["summary"]["coverage"]["checked"].clone();
    assert_eq!(
        checked,
        serde_json::json!([
            {"relation": "growth rate: increase ÷ previous level", "count": 1},
            {"relation": "named rate (formula)", "count": 1},
        ])
    );
}
