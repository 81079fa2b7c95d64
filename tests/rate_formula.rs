//! `rate-formula`: rates stated by name recomputed from the figures their
//! formula names (rules/formulas/*.toml, a user's [[formula]] tables).

mod common;

use common::{diags_of, Diag, Run, Workspace};

/// Checks `text` (as `name`, beside `files` written first) and returns the
/// `rate-formula` diagnostics and the run.
fn check_in(ws: &Workspace, name: &str, text: &str) -> (Vec<Diag>, Run) {
    ws.write(name, text);
    let run = ws.check(&["--format", "json", name]);
    assert!(
        run.code == 0 || run.code == 1,
        "exit code {}; stderr:\n{}",
        run.code,
        run.stderr
    );
    let diags = diags_of(&run.json(), "rate-formula", text.as_bytes());
    (diags, run)
}

fn check(text: &str) -> (Vec<Diag>, Run) {
    check_in(&Workspace::new(), "稿.txt", text)
}

fn silent(text: &str) {
    let (diags, _) = check(text);
    assert!(diags.is_empty(), "expected silence, got {diags:#?}");
}

/// The one diagnostic of `text`: its primary span covers `stated`.
fn one(text: &str, stated: &str) -> Diag {
    let (diags, run) = check(text);
    assert_eq!(diags.len(), 1, "one rate-formula diagnostic: {diags:#?}");
    let d = diags.into_iter().next().unwrap();
    assert_eq!(d.span.text, stated, "primary span");
    assert_eq!(d.primary, d.span);
    assert_eq!(d.category, "arithmetic");
    assert_eq!(run.code, i32::from(d.severity == "error"));
    d
}

fn labels(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

const FUND_FILE: &str = "rules/formulas/housing-fund.toml";

// ---------------------------------------------------------------- housing fund

#[test]
fn overdue_ratio_that_does_not_follow_is_an_error() {
    let text = "【住房公积金】 年末缴存余额4.80亿元，个人住房贷款余额3.02亿元，个贷率62.9%；逾期金额84万元，逾期率3.60‰。\n";
    let d = one(text, "3.60‰");
    assert_eq!(d.severity, "error");
    assert_eq!(
        d.message,
        format!("逾期率 stated 3.60‰; 逾期金额 84万元 ÷ 个人住房贷款余额 3.02亿元 = 2.78‰ ({FUND_FILE})")
    );
    assert_eq!(d.primary_message, "stated 逾期率");
    assert_eq!(
        d.secondary,
        labels(&[("84万元", "逾期金额"), ("3.02亿元", "个人住房贷款余额")])
    );
    assert_eq!(
        d.notes,
        vec![
            "逾期率 = 逾期金额 ÷ 个人住房贷款余额 (《全国住房公积金年度报告》指标解释：个人住房贷款逾期率)".to_string(),
            "the operands as written allow 2.7603‰ to 2.8027‰; 3.60‰ stands for 3.595‰ to 3.605‰".to_string(),
        ]
    );
    let (line, column) = (d.span.line, d.span.column);
    let (_, l, c) = common::locate(text, "3.60‰", 0);
    assert_eq!((line, column), (l, c));
}

#[test]
fn rates_that_follow_are_silent() {
    silent("【住房公积金】 年末缴存余额4.80亿元，个人住房贷款余额3.02亿元，个贷率62.9%；逾期金额84万元，逾期率2.78‰。\n");
}

/// Shared cases 108 and 109 in other words: the loan ratio is wrong, the
/// overdue ratio right, and the draft writes 贷款余额, 逾期金额计 and 逾期率为.
#[test]
fn loan_ratio_wrong_overdue_ratio_right() {
    let right = "【住房公积金】 截至年末，全市住房公积金缴存余额6.42亿元；贷款余额4.17亿元，个贷率65.0%；逾期金额计91万元，逾期率为2.18‰。\n";
    silent(right);
    let wrong = right.replace("个贷率65.0%", "个贷率56.0%");
    let d = one(&wrong, "56.0%");
    assert_eq!(d.severity, "error");
    assert_eq!(
        d.message,
        format!("个贷率 stated 56.0%; 贷款余额 4.17亿元 ÷ 缴存余额 6.42亿元 = 65.0% ({FUND_FILE})")
    );
    assert_eq!(
        d.secondary,
        labels(&[("4.17亿元", "贷款余额"), ("6.42亿元", "缴存余额")])
    );
}

/// 1.86亿 ÷ 2.95亿 allows 62.7749% to 63.3277%: 62.8% and 63.3% meet it,
/// 62.7% and 63.4% do not.
#[test]
fn rounding_boundary_on_both_sides() {
    let at = |rate: &str| {
        format!("【住房公积金】 年末缴存余额2.95亿元，个人住房贷款余额1.86亿元，个贷率{rate}。\n")
    };
    silent(&at("62.8%"));
    silent(&at("63.3%"));
    let low = one(&at("62.7%"), "62.7%");
    assert_eq!(
        low.notes[1],
        "the operands as written allow 62.774% to 63.328%; 62.7% stands for 62.65% to 62.75%"
    );
    let high = one(&at("63.4%"), "63.4%");
    assert!(
        high.message
            .ends_with("= 63.1% (rules/formulas/housing-fund.toml)"),
        "{}",
        high.message
    );
}

#[test]
fn overdue_balance_is_not_the_loan_balance() {
    // 逾期贷款余额 ends with 贷款余额 too: the longer name wins.
    let text = "【住房公积金】 年末个人住房贷款余额1.86亿元，逾期贷款余额62万元，逾期率3.33‰。\n";
    silent(text);
    let d = one(&text.replace("3.33‰", "3.83‰"), "3.83‰");
    assert_eq!(
        d.secondary,
        labels(&[("62万元", "逾期贷款余额"), ("1.86亿元", "个人住房贷款余额")])
    );
}

#[test]
fn ambiguous_operands_are_silent() {
    // Two loan balances that disagree: which one the ratio uses is not written.
    silent("【住房公积金】 年末缴存余额4.80亿元，贷款余额3.02亿元，上半年末贷款余额2.60亿元，个贷率50.0%。\n");
    // Two years in the labels.
    silent("【住房公积金】 2020年缴存余额4.80亿元，贷款余额3.02亿元，2019年个贷率50.0%。\n");
    // No deposit balance in the entry: the operand is in another entry.
    silent("【住房公积金缴存】 年末缴存余额4.80亿元。\n【住房公积金贷款】 年末贷款余额3.02亿元，个贷率50.0%。\n");
    // An approximate operand or rate gives no usable interval.
    silent("【住房公积金】 年末缴存余额约4.8亿元，贷款余额3.02亿元，个贷率50.0%。\n");
    silent("【住房公积金】 年末缴存余额4.80亿元，贷款余额3.02亿元，个贷率约50%。\n");
    // The same figure repeated is one figure.
    let d = one(
        "【住房公积金】 年末缴存余额4.80亿元，贷款余额3.02亿元。年末贷款余额3.02亿元。个贷率50.0%。\n",
        "50.0%",
    );
    assert_eq!(d.severity, "warning", "the operands are in other sentences");
}

#[test]
fn operands_outside_the_sentence_give_a_warning() {
    let text = "【住房公积金】 年末住房公积金缴存余额4.80亿元，比上年增长8.2%。\n\n年末个人住房贷款余额3.02亿元，个贷率52.9%。\n";
    let d = one(text, "52.9%");
    assert_eq!(d.severity, "warning");
    assert_eq!(
        d.notes[2],
        "matched loosely, so a warning: 缴存余额 4.80亿元 (found in another paragraph of the entry)"
    );
}

#[test]
fn the_change_of_a_balance_is_not_the_balance() {
    silent(
        "【住房公积金】 年末缴存余额4.80亿元，个人住房贷款余额比上年增加0.30亿元，个贷率52.9%。\n",
    );
}
