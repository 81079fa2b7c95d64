//! Inputs that must never crash yblint: figures too large to compute with,
//! deeply repeated structures. Each run must end with exit code 0 or 1.

mod common;

use common::Workspace;

#[test]
fn enormous_figures_are_not_read_as_quantities() {
    for text in [
        "全年收入1000000000000000000000亿元。",
        "全年收入9999999999999999999万亿元。",
        "收入79228162514264337593543950335元，其中，税收收入1元，非税收入1元。",
        "全县12 345 678 901 234 567 890 123 456万人。",
        "收入999999999999999万亿平方千米，其中，甲999999999999999万亿平方千米，乙999999999999999万亿平方千米。",
        "有一亿亿亿亿亿人。",
        "有百分之一亿亿亿亿亿的人。",
        "全省面积79228162514万亿平方千米，其中，城市1万亿平方千米，农村2万亿平方千米。",
        "全省面积负50000000000万亿平方千米，其中，城市39000000000万亿平方千米，农村39000000000万亿平方千米。",
    ] {
        let ws = Workspace::new();
        ws.write("大数.txt", text);
        let r = ws.check(&["--format", "json", "大数.txt"]);
        assert_eq!(r.code, 0, "{text}: {r:?}");
        assert_eq!(r.json()["summary"]["errors"], 0, "{text}");
    }
}

#[test]
fn a_full_width_minus_before_a_figure_is_read() {
    // －5 and −5 are negative figures; the characters before them are
    // several bytes long.
    for text in ["有－5户。", "温度−5度，有学生10人。"] {
        let ws = Workspace::new();
        ws.write("负数.txt", text);
        let r = ws.check(&["--format", "json", "负数.txt"]);
        assert_eq!(r.code, 0, "{text}: {r:?}");
    }
}

#[test]
fn a_sentence_of_many_qizhong_and_parts_is_checked_once() {
    let mut text = String::from("全县有学校86所");
    for _ in 0..5000 {
        text.push_str("，其中，小学52所");
    }
    text.push('。');
    let ws = Workspace::new();
    ws.write("长句.txt", &text);
    let r = ws.check(&["--format", "json", "长句.txt"]);
    assert!(r.code == 0 || r.code == 1, "{r:?}");
    r.json();
}

/// The rules and files of a run: the failing rule is told to panic through
/// the test-only variable `YBLINT_TEST_PANIC_RULE`, and `乙.txt` turns it off.
fn run_with_failing_rule(ws: &Workspace, args: &[&str]) -> common::Run {
    let mut cmd = ws.cmd();
    cmd.env("YBLINT_TEST_PANIC_RULE", "num-fullwidth-digits")
        .arg("check")
        .args(args);
    common::run(&mut cmd)
}

#[test]
fn a_rule_that_fails_on_one_file_costs_only_its_own_findings() {
    let ws = Workspace::new();
    ws.write(
        "yblint.toml",
        "[[overrides]]\nfiles = [\"稿/乙.txt\"]\n[overrides.rules.num-fullwidth-digits]\nseverity = \"off\"\n",
    );
    // 21 + 723 ≠ 754 in both; full-width digits in 甲 only.
    ws.write(
        "稿/甲.txt",
        "全县有城乡特困人员754户，其中，城市特困人员21户，农村特困人员723户。\n全县共有学校５８所。\n",
    );
    ws.write(
        "稿/乙.txt",
        "全县有城乡低保对象754户，其中，城市低保对象21户，农村低保对象723户。\n",
    );
    let r = run_with_failing_rule(&ws, &["--format", "json", "稿"]);
    assert_eq!(r.code, 2, "{r:?}");
    let found: Vec<(String, String)> = r.json()["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let path = d["path"].as_str().unwrap().replace('\\', "/");
            (path, d["rule"].as_str().unwrap().to_string())
        })
        .collect();
    assert_eq!(
        found,
        [
            ("稿/乙.txt".to_string(), "breakdown-sum".to_string()),
            ("稿/甲.txt".to_string(), "breakdown-sum".to_string())
        ]
    );
    let errors: Vec<&str> = r
        .stderr_lines()
        .into_iter()
        .filter(|l| l.starts_with("yblint: error:"))
        .collect();
    assert_eq!(errors.len(), 1, "{}", r.stderr);
    let line = errors[0];
    let prefix = format!(
        "yblint: error: {}: internal error in rule num-fullwidth-digits: YBLINT_TEST_PANIC_RULE asked num-fullwidth-digits to fail (src/",
        std::path::Path::new("稿").join("甲.txt").display()
    );
    assert!(line.starts_with(&prefix), "{line}");
    assert!(
        line.ends_with("); please report it with this file"),
        "{line}"
    );
    // No panic report of Rust's own.
    assert!(!r.stderr.contains("panicked at"), "{}", r.stderr);
    assert!(r
        .stderr
        .contains("checked 2 files: 2 errors, 0 warnings, 0 infos"));

    // The same with the human output: one line for the failure.
    let r = run_with_failing_rule(&ws, &["稿"]);
    assert_eq!(r.code, 2, "{r:?}");
    assert_eq!(
        r.stderr.matches("internal error").count(),
        1,
        "{}",
        r.stderr
    );

    // And while fixing: the other rules' fixes are still offered.
    let r = run_with_failing_rule(&ws, &["--diff", "稿"]);
    assert_eq!(r.code, 2, "{r:?}");
    assert_eq!(
        r.stderr.matches("internal error").count(),
        1,
        "{}",
        r.stderr
    );
}

/// An indented paragraph that starts with 年 (the spaces before it are not
/// part of the year): it used to stop the whole run.
#[test]
fn a_paragraph_indented_before_nian_is_checked() {
    for (text, found) in [
        (" 年\n", vec![]),
        (
            "  年末全县户籍人口52.36万人，比上年末减少0.41万人。\n",
            vec![],
        ),
        ("\u{3000}\u{3000}年末全县有各类学校86所。\n", vec![]),
        (
            "  23年6月，县人民医院新院区投入使用。\n",
            vec!["time-year-abbrev"],
        ),
    ] {
        let ws = Workspace::new();
        ws.write("人口.txt", text);
        let r = ws.check(&["--format", "json", "人口.txt"]);
        assert_eq!(r.code, 0, "{text:?}: {r:?}");
        let rules: Vec<String> = r.json()["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["rule"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(rules, found, "{text:?}");
        assert!(!r.stderr.contains("internal error"), "{}", r.stderr);
    }
}
