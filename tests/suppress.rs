//! Inline suppression markers in plain text (`%% yblint-…`) and Markdown
//! (`<!-- yblint-… -->`), as a user writes them.

mod common;

use common::{diags_of, Workspace};
use serde_json::Value;

fn check(name: &str, text: &str) -> (Value, String, i32) {
    let ws = Workspace::new();
    ws.write(name, text);
    let r = ws.check(&["--format", "json", name]);
    assert!(r.code == 0 || r.code == 1, "{}", r.stderr);
    (r.json(), r.stderr.clone(), r.code)
}

/// (rule, text covered, line) of every diagnostic.
fn found(doc: &Value, text: &str) -> Vec<(String, String, usize)> {
    doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
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

fn f(rule: &str, text: &str, line: usize) -> (String, String, usize) {
    (rule.to_string(), text.to_string(), line)
}

#[test]
fn next_line_in_plain_text() {
    let text = "全县有学校１２所。\n%% yblint-disable-next-line num-fullwidth-digits\n全县有医院３所。\n全县有公园４个。\n";
    let (doc, stderr, _) = check("a.txt", text);
    assert_eq!(
        found(&doc, text),
        vec![
            f("num-fullwidth-digits", "１２", 1),
            f("num-fullwidth-digits", "４", 4)
        ]
    );
    assert!(!stderr.contains("warning: a.txt"), "{stderr}");
}

#[test]
fn next_line_in_markdown_names_several_rules() {
    let text = "## 民政\n\n<!-- yblint-disable-next-line breakdown-sum, num-fullwidth-digits -->\n有城乡特困人员754户，其中，城市特困人员２１户，农村特困人员723户。\n\n有低保对象480户，其中，城镇低保对象60户，农村低保对象410户。\n";
    let (doc, _, code) = check("民政.md", text);
    let diags = diags_of(&doc, "breakdown-sum", text.as_bytes());
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0].span.text, "480户");
    assert_eq!(diags[0].span.line, 6);
    assert_eq!(found(&doc, text).len(), 1);
    assert_eq!(code, 1);
}

#[test]
fn block_in_markdown_and_all_rules() {
    let text = "<!-- yblint-disable -->\n全县有学校１２所。\n有特困人员754户，其中，城市特困人员21户，农村特困人员723户。\n<!-- yblint-enable -->\n全县有医院３所。\n";
    let (doc, _, code) = check("a.md", text);
    assert_eq!(found(&doc, text), vec![f("num-fullwidth-digits", "３", 5)]);
    assert_eq!(code, 0);
}

#[test]
fn block_of_one_rule_in_plain_text() {
    let text = "%% yblint-disable num-fullwidth-digits -- 表格原样转录\n全县有学校１２所。\n有特困人员754户，其中，城市特困人员21户，农村特困人员723户。\n%% yblint-enable num-fullwidth-digits\n全县有医院３所。\n";
    let (doc, _, _) = check("a.txt", text);
    assert_eq!(
        found(&doc, text),
        vec![
            f("breakdown-sum", "754户", 3),
            f("num-fullwidth-digits", "３", 5)
        ]
    );
}

#[test]
fn all_rules_on_the_next_line() {
    let text = "%% yblint-disable-next-line\n有特困人员７５４户，其中，城市特困人员21户，农村特困人员723户。\n全县有医院３所。\n";
    let (doc, _, _) = check("a.txt", text);
    assert_eq!(found(&doc, text), vec![f("num-fullwidth-digits", "３", 3)]);
}

#[test]
fn a_marker_line_does_not_split_a_breakdown() {
    // The parts run on after the marker: 21 + 723 = 744 against 754 is one
    // breakdown, still an error; the marker only silences the digits.
    let text = "有城乡特困人员754户，其中，城市特困人员21户，\n%% yblint-disable-next-line num-fullwidth-digits\n农村特困人员７２３户。\n";
    let (doc, _, code) = check("a.txt", text);
    let diags = diags_of(&doc, "breakdown-sum", text.as_bytes());
    assert_eq!(diags.len(), 1, "{doc}");
    assert_eq!(
        diags[0].message,
        "parts add up to 744 户, but the total is 754 户"
    );
    assert_eq!(diags[0].secondary[1].0, "７２３户");
    assert_eq!(found(&doc, text).len(), 1);
    assert_eq!(code, 1);
    // The same in Markdown.
    let md = text.replace(
        "%% yblint-disable-next-line num-fullwidth-digits",
        "<!-- yblint-disable-next-line num-fullwidth-digits -->",
    );
    let (doc, _, _) = check("a.md", &md);
    assert_eq!(diags_of(&doc, "breakdown-sum", md.as_bytes()).len(), 1);
}

#[test]
fn a_marker_line_is_not_prose() {
    // Full-width digits in the marker's comment are no finding.
    let text = "%% yblint-disable-next-line breakdown-sum -- ２０２３年稿，待核\n有特困人员754户，其中，城市特困人员21户，农村特困人员723户。\n";
    let (doc, _, code) = check("a.txt", text);
    assert_eq!(found(&doc, text), vec![]);
    assert_eq!(code, 0);
}

#[test]
fn an_unknown_rule_is_reported_with_its_line() {
    let text =
        "全县有学校12所。\n%% yblint-disable-next-line num-fulwidth-digits\n全县有医院３所。\n";
    let (doc, stderr, _) = check("a.txt", text);
    assert!(
        stderr.contains("yblint: warning: a.txt:2: unknown rule `num-fulwidth-digits` in yblint-disable-next-line; did you mean `num-fullwidth-digits`?"),
        "{stderr}"
    );
    // The misspelt marker suppresses nothing.
    assert_eq!(found(&doc, text), vec![f("num-fullwidth-digits", "３", 3)]);
    let md = "<!-- yblint-disabel breakdown-sum -->\n全县有医院３所。\n";
    let (_, stderr, _) = check("b.md", md);
    assert!(
        stderr.contains("yblint: warning: b.md:1: unknown marker `yblint-disabel`"),
        "{stderr}"
    );
}

#[test]
fn fix_leaves_suppressed_findings_and_markers_alone() {
    let ws = Workspace::new();
    let text =
        "%% yblint-disable-next-line num-fullwidth-digits\n原表编号１２３。\n全县有医院３所。\n";
    ws.write("a.txt", text);
    let r = ws.check(&["--fix", "a.txt"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        std::fs::read_to_string(ws.path().join("a.txt")).unwrap(),
        "%% yblint-disable-next-line num-fullwidth-digits\n原表编号１２３。\n全县有医院3所。\n"
    );
}

#[test]
fn markdown_after_a_marker_is_still_prose() {
    // After a blank line, a marker must not turn the paragraph below it into
    // an indented code block: the breakdown is still checked.
    let text = "## 民政\n\n<!-- yblint-disable-next-line num-fullwidth-digits -->\n有城乡特困人员754户，其中，城市特困人员２１户，农村特困人员723户。\n";
    let (doc, _, code) = check("民政.md", text);
    assert_eq!(found(&doc, text), vec![f("breakdown-sum", "754户", 4)]);
    assert_eq!(code, 1);
}
