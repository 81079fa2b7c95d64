//! `percentage-points`: changes of a rate in points against the two rates
//! stated with them. Every draft sentence here is written for these tests.

mod common;

use common::{diags_of, Workspace};
use yblint::config::Config;
use yblint::diagnostic::{Diagnostic, Severity};

fn points(text: &str) -> Vec<Diagnostic> {
    let config = Config::builtin().unwrap();
    yblint::check_text(text, &config)
        .unwrap()
        .into_iter()
        .filter(|d| d.rule == "percentage-points")
        .collect()
}

fn silent(text: &str) {
    let found = points(text);
    assert!(
        found.is_empty(),
        "expected silence on {text:?}, got {found:#?}"
    );
}

fn one(text: &str, primary: &str) -> Diagnostic {
    let found = points(text);
    assert_eq!(
        found.len(),
        1,
        "one diagnostic expected on {text:?}: {found:#?}"
    );
    let d = found.into_iter().next().unwrap();
    assert_eq!(d.span.slice(text), primary, "primary span");
    assert_eq!(d.category, "arithmetic");
    d
}

fn labels(text: &str, d: &Diagnostic) -> Vec<(String, String)> {
    d.labels
        .iter()
        .filter(|l| !l.primary)
        .map(|l| (l.span.slice(text).to_string(), l.message.clone()))
        .collect()
}

// ------------------------------------------------------------- case 110

/// 110: 由a%提高到b%, and a change in points that is not b − a:
/// 49.2 − 47.6 = 1.6, not 2.6.
#[test]
fn case110_from_to_with_wrong_points() {
    let text = "全县户籍人口城镇化率由上年的47.6%提高到49.2%，提高2.6个百分点。";
    let d = one(text, "2.6个百分点");
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(
        d.message,
        "change stated 提高2.6个百分点, but 49.2% − 47.6% = 1.6个百分点"
    );
    assert_eq!(d.labels[0].message, "stated change");
    assert_eq!(
        labels(text, &d),
        vec![
            ("47.6%".to_string(), "starting rate".to_string()),
            ("49.2%".to_string(), "reached rate".to_string()),
        ]
    );
    assert_eq!(
        d.notes,
        vec![
            "with the rounding of each rate the difference lies between 1.5 and 1.7 points; 2.6个百分点 allows 2.55 to 2.65"
                .to_string()
        ]
    );
    silent("全县户籍人口城镇化率由上年的47.6%提高到49.2%，提高1.6个百分点。");
}

/// 110 through the command line: exit code 1 and the span in the JSON.
#[test]
fn case110_through_the_command_line() {
    let text = "【人口】 全县户籍人口城镇化率由上年的47.6%提高到49.2%，提高2.6个百分点。\n";
    let ws = Workspace::new();
    ws.write("人口.txt", text);
    let run = ws.check(&["--format", "json", "人口.txt"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let diags = diags_of(&run.json(), "percentage-points", text.as_bytes());
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0].span.text, "2.6个百分点");
    assert_eq!(diags[0].severity, "error");
}

// ------------------------------------------------------------- rounding

/// 49.2 − 47.6 with each rate rounded is 1.5 to 1.7: 1.5 and 1.7 are right,
/// 1.4 (up to 1.45) and 1.8 (from 1.75) are not.
#[test]
fn rounding_boundary_on_both_sides() {
    let at = |d: &str| format!("全县户籍人口城镇化率由上年的47.6%提高到49.2%，提高{d}个百分点。");
    silent(&at("1.5"));
    silent(&at("1.7"));
    one(&at("1.4"), "1.4个百分点");
    one(&at("1.8"), "1.8个百分点");
}

// ------------------------------------------------------------- growth rates

/// Two growth rates: 6.8 − 7.9 = −1.1 points.
#[test]
fn slowdown_of_growth() {
    silent("规模以上工业总产值增长6.8%，上年增长7.9%，增速回落1.1个百分点。");
    let text = "规模以上工业总产值增长6.8%，上年增长7.9%，增速回落1.5个百分点。";
    let d = one(text, "1.5个百分点");
    assert_eq!(
        d.message,
        "change stated 回落1.5个百分点, but 6.8% − 7.9% = −1.1个百分点"
    );
    assert_eq!(
        labels(text, &d),
        vec![
            ("6.8%".to_string(), "current rate".to_string()),
            ("7.9%".to_string(), "previous rate".to_string()),
        ]
    );
}

/// A previous decline counts with its sign: 3.2 − (−2.1) = 5.3.
#[test]
fn previous_decline_has_a_sign() {
    silent("社会消费品零售总额比上年增长3.2%，上年下降2.1%，增速提高5.3个百分点。");
    let d = one(
        "社会消费品零售总额比上年增长3.2%，上年下降2.1%，增速提高1.1个百分点。",
        "1.1个百分点",
    );
    assert_eq!(
        d.message,
        "change stated 提高1.1个百分点, but 3.2% − −2.1% = 5.3个百分点"
    );
}

/// A level rate and the previous year's: 52.4 − 50.9 = 1.5.
#[test]
fn current_and_previous_level() {
    silent("全县第三产业增加值占比为52.4%，上年为50.9%，比上年提高1.5个百分点。");
    one(
        "全县第三产业增加值占比为52.4%，上年为50.9%，比上年提高2.5个百分点。",
        "2.5个百分点",
    );
}

// ------------------------------------------------------------- direction

/// 提高 where the rate fell: 60.1 − 60.5 = −0.4.
#[test]
fn wrong_direction_of_the_points() {
    let text = "全县城镇化率60.1%，上年为60.5%，比上年提高0.4个百分点。";
    let d = one(text, "0.4个百分点");
    assert_eq!(
        d.message,
        "change stated 提高0.4个百分点, but 60.1% − 60.5% = −0.4个百分点"
    );
    assert_eq!(d.notes[0], "the rate fell, but the text says 提高");
}

/// 由a%提高到b% with b below a, no points stated.
#[test]
fn wrong_direction_of_the_to_verb() {
    let text = "全县城镇化率由上年的58.3%提高到56.1%。";
    let d = one(text, "56.1%");
    assert_eq!(d.message, "提高到56.1% stated, but 56.1% is below 58.3%");
    assert_eq!(
        labels(text, &d),
        vec![("58.3%".to_string(), "starting rate".to_string())]
    );
    silent("全县城镇化率由上年的58.3%提高到60.1%。");
    silent("全县城镇化率由上年的58.3%下降到56.1%。");
}

// ------------------------------------------------------------- traps

/// A quarter's growth against the previous year's: not compared.
#[test]
fn quarter_against_year_is_silent() {
    silent("一季度规模以上工业总产值增长8.2%，上年全年增长6.5%，增速加快2.7个百分点。");
}

/// A previous rate of another thing, points of a subset, points alone.
#[test]
fn unrelated_rates_are_silent() {
    silent("全县常住人口城镇化率60.1%，上年户籍人口城镇化率为45.3%，提高1.8个百分点。");
    silent("全县城镇化率60.1%，上年为58.3%，其中农村地区提高3.0个百分点。");
    silent("全县城镇化率60.1%，比上年提高2.0个百分点。");
}

/// Approximate rates give no bound.
#[test]
fn approximate_rates_are_silent() {
    silent("全县城镇化率约60%，上年为58.3%，比上年提高5.0个百分点。");
}
