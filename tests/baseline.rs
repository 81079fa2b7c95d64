//! Baselines: `--write-baseline FILE` records today's findings, `--baseline
//! FILE` reports only the new ones, whatever moved above them.

mod common;

use common::{run, Workspace};
use serde_json::Value;

const MINZHENG: &str = "◆民政事务\n有城乡特困人员754户，其中，城市特困人员21户，农村特困人员723户。\n全县有养老机构１２所。\n";
const JIAOYU: &str =
    "◆教育\n全县共有各级各类学校58所，其中，小学36所，初级中学14所，幼儿园19所。\n";

/// (rule, text covered, line) of each diagnostic of the JSON document, for
/// the file whose text is `text`.
fn found(doc: &Value, path: &str, text: &str) -> Vec<(String, String, usize)> {
    doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["path"] == path)
        .map(|d| {
            let s = d["span"]["start"].as_u64().unwrap() as usize;
            let e = d["span"]["end"].as_u64().unwrap() as usize;
            (
                d["rule"].as_str().unwrap().to_string(),
                text[s..e].to_string(),
                d["span"]["line"].as_u64().unwrap() as usize,
            )
        })
        .collect()
}

fn setup() -> Workspace {
    let ws = Workspace::new();
    ws.write("稿/民政.txt", MINZHENG);
    ws.write("稿/教育.txt", JIAOYU);
    let r = ws.check(&["--write-baseline", "yblint-baseline.json", "稿"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "");
    assert!(
        r.stderr
            .contains("recorded 3 findings in yblint-baseline.json"),
        "{}",
        r.stderr
    );
    ws
}

#[test]
fn the_file_records_path_rule_text_message_and_count() {
    let ws = setup();
    let doc: Value =
        serde_json::from_slice(&std::fs::read(ws.path().join("yblint-baseline.json")).unwrap())
            .unwrap();
    assert_eq!(doc["version"], 1);
    let f = doc["findings"].as_array().unwrap();
    assert_eq!(f.len(), 3);
    assert_eq!(
        f[0],
        serde_json::json!({"path": "稿/教育.txt", "rule": "breakdown-sum", "text": "58所",
            "message": "parts add up to 69 所, more than the total 58 所", "count": 1})
    );
    assert_eq!(f[1]["path"], "稿/民政.txt");
    assert_eq!(f[1]["text"], "754户");
    assert_eq!(
        f[2],
        serde_json::json!({"path": "稿/民政.txt", "rule": "num-fullwidth-digits", "text": "１２",
            "message": "full-width digits in `１２`: write `12`", "count": 1})
    );
}

#[test]
fn recorded_findings_stay_hidden_after_edits_above_them() {
    let ws = setup();
    let r = ws.check(&["--baseline", "yblint-baseline.json", "稿"]);
    assert_eq!((r.code, r.stdout.as_str()), (0, ""), "{}", r.stderr);
    assert!(
        r.stderr
            .contains("3 findings recorded in the baseline not shown"),
        "{}",
        r.stderr
    );
    // Lines added above move every finding down: still known.
    let edited = format!("【概述】2023年，全县民政工作稳步推进。\n\n{MINZHENG}");
    ws.write("稿/民政.txt", &edited);
    let r = ws.check(&[
        "--baseline",
        "yblint-baseline.json",
        "--format",
        "json",
        "稿",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.json()["diagnostics"].as_array().unwrap().len(), 0);
    // From another folder, with the baseline named relative to it.
    let mut cmd = ws.cmd();
    cmd.current_dir(ws.path().join("稿")).args([
        "check",
        "--baseline",
        "../yblint-baseline.json",
        "民政.txt",
    ]);
    let r = run(&mut cmd);
    assert_eq!((r.code, r.stdout.as_str()), (0, ""), "{}", r.stderr);
}

#[test]
fn a_new_finding_is_reported() {
    let ws = setup();
    // One more wrong breakdown, and the full-width 12 a second time.
    let edited = format!(
        "{MINZHENG}有低保对象480户，其中，城镇低保对象60户，农村低保对象410户。\n新建养老机构１２所。\n"
    );
    ws.write("稿/民政.txt", &edited);
    let r = ws.check(&[
        "--baseline",
        "yblint-baseline.json",
        "--format",
        "json",
        "稿",
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let doc = r.json();
    let minzheng = found(&doc, "稿/民政.txt", &edited);
    assert_eq!(
        minzheng,
        vec![
            ("breakdown-sum".to_string(), "480户".to_string(), 4),
            ("num-fullwidth-digits".to_string(), "１２".to_string(), 5),
        ]
    );
    assert_eq!(found(&doc, "稿/教育.txt", JIAOYU), vec![]);
    assert_eq!(doc["summary"]["errors"], 1);
    assert_eq!(doc["summary"]["warnings"], 1);
    // A fixed finding simply disappears; the baseline does not complain.
    ws.write(
        "稿/教育.txt",
        "◆教育\n全县共有各级各类学校69所，其中，小学36所，初级中学14所，幼儿园19所。\n",
    );
    let r = ws.check(&[
        "--baseline",
        "yblint-baseline.json",
        "--format",
        "json",
        "稿/教育.txt",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn a_missing_or_broken_baseline_is_an_error() {
    let ws = Workspace::new();
    ws.write("a.txt", MINZHENG);
    let r = ws.check(&["--baseline", "none.json", "a.txt"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("none.json: cannot read the baseline"),
        "{}",
        r.stderr
    );
    ws.write("bad.json", "[1,2]");
    let r = ws.check(&["--baseline", "bad.json", "a.txt"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("bad.json: not a yblint baseline"),
        "{}",
        r.stderr
    );
    assert_eq!(r.stdout, "");
}
