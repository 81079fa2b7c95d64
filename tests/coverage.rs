//! `--coverage=all`: each relation a rule read, with its place, its
//! arithmetic and how it fared, in JSON (`summary.coverage.relations`) and
//! in the human list on standard error.

mod common;

use common::Workspace;
use serde_json::{json, Value};

/// Three breakdowns: one that holds, one reported (21 + 823 = 844, not
/// 860) and one left alone because its total is approximate.
const DRAFT: &str = "全县共有养老机构754户，其中城镇21户，农村733户。\n\
                     全县共有农户860户，其中城镇21户，农村823户。\n\
                     全市医院约40家，其中公立医院12家，民营医院20家。\n";

fn workspace() -> Workspace {
    let ws = Workspace::new();
    ws.write("民政.txt", DRAFT);
    ws
}

/// The text a JSON span covers.
fn text_of(span: &Value) -> &'static str {
    let (a, b) = (
        span["start"].as_u64().unwrap() as usize,
        span["end"].as_u64().unwrap() as usize,
    );
    &DRAFT[a..b]
}

#[test]
fn json_lists_each_relation_with_its_figures_and_verdict() {
    let ws = workspace();
    let run = ws.check(&["--coverage=all", "--format", "json", "民政.txt"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let coverage = run.json()["summary"]["coverage"].clone();
    // The counts are as plain --coverage gives them.
    assert_eq!(
        coverage["checked"],
        json!([{"relation": "breakdown: parts add up to the total", "count": 2}])
    );
    let relations = coverage["relations"].as_array().unwrap();
    assert_eq!(relations.len(), 3);
    let summary: Vec<(String, String, String, String, Vec<String>, String)> = relations
        .iter()
        .map(|r| {
            (
                r["kind"].as_str().unwrap().to_string(),
                r["rule"].as_str().unwrap().to_string(),
                r["computed"].as_str().unwrap().to_string(),
                format!("{} {}", r["verdict"], r["reason"]),
                r["parts"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|p| text_of(p).to_string())
                    .collect(),
                text_of(&r["total"]).to_string(),
            )
        })
        .collect();
    let row = |computed: &str, verdict: &str, parts: [&str; 2], total: &str| {
        (
            "breakdown-sum".to_string(),
            "breakdown-sum".to_string(),
            computed.to_string(),
            verdict.to_string(),
            parts.iter().map(|p| p.to_string()).collect::<Vec<_>>(),
            total.to_string(),
        )
    };
    assert_eq!(
        summary,
        vec![
            row(
                "21 + 733 = 754 户",
                "\"holds\" null",
                ["21户", "733户"],
                "754户"
            ),
            row(
                "21 + 823 = 844 户, total 860户",
                "\"reported\" null",
                ["21户", "823户"],
                "860户"
            ),
            row(
                "12 + 20 = 32 家, total 40家",
                "\"skipped\" \"the total is approximate (约, 左右)\"",
                ["12家", "20家"],
                "40家"
            ),
        ]
    );
    // Positions are given as diagnostics give them.
    assert_eq!(
        relations[1]["stated"],
        json!({"start": 87, "end": 93, "line": 2, "column": 7, "end_line": 2, "end_column": 11})
    );
    // Plain --coverage records no relation.
    let run = ws.check(&["--coverage", "--format", "json", "民政.txt"]);
    assert!(run.json()["summary"]["coverage"].get("relations").is_none());
}

#[test]
fn human_list_shows_place_arithmetic_and_verdict() {
    let ws = workspace();
    let run = ws.check(&["--coverage=all", "民政.txt"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.ends_with(
            "✓ 民政.txt:1:9 breakdown-sum 21 + 733 = 754 户\n\
             ✗ 民政.txt:2:7 breakdown-sum 21 + 823 = 844 户, total 860户 reported\n\
             – 民政.txt:3:6 breakdown-sum 12 + 20 = 32 家, total 40家 skipped: the total is approximate (约, 左右)\n"
        ),
        "{}",
        run.stderr
    );
    // Plain --coverage prints the counts only.
    let run = ws.check(&["--coverage", "民政.txt"]);
    assert!(!run.stderr.contains("✓"), "{}", run.stderr);
    assert!(
        run.stderr
            .ends_with("  skipped       1  breakdown: the total is approximate (约, 左右)\n"),
        "{}",
        run.stderr
    );
}
