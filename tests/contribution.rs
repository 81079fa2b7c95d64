//! `contribution-sum`: contribution rates add up to 100%, pulls to the
//! growth of the whole. Every draft sentence here is written for these tests.

use yblint::config::Config;
use yblint::diagnostic::{Diagnostic, Severity};

fn contrib(text: &str) -> Vec<Diagnostic> {
    let config = Config::builtin().unwrap();
    yblint::check_text(text, &config)
        .unwrap()
        .into_iter()
        .filter(|d| d.rule == "contribution-sum")
        .collect()
}

fn silent(text: &str) {
    let found = contrib(text);
    assert!(
        found.is_empty(),
        "expected silence on {text:?}, got {found:#?}"
    );
}

fn one(text: &str, primary: &str) -> Diagnostic {
    let found = contrib(text);
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

/// 5.8 + 41.3 + 52.9 = 100.0; 5.8 + 41.3 + 54.6 = 101.7.
#[test]
fn contribution_rates_add_up_to_100() {
    silent("全年三次产业对经济增长的贡献率分别为5.8%、41.3%和52.9%。");
    let text = "全年三次产业对经济增长的贡献率分别为5.8%、41.3%和54.6%。";
    let d = one(text, "5.8%、41.3%和54.6%");
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(d.message, "contribution rates add up to 101.7%, not 100%");
    assert_eq!(
        d.notes,
        vec![
            "5.8 + 41.3 + 54.6 = 101.7%".to_string(),
            "with the rounding of each figure the sum lies between 101.55 and 101.85".to_string(),
        ]
    );
}

/// Three rates with one decimal may be 0.15 off 100 in all: 99.9 and 100.1
/// are rounding, 99.8 (up to 99.95) and 100.2 (from 100.05) are not.
#[test]
fn rounding_boundary_on_both_sides() {
    let at = |last: &str| format!("全年三次产业对经济增长的贡献率分别为5.8%、41.3%和{last}%。");
    silent(&at("52.8")); // 99.9
    silent(&at("53.0")); // 100.1
    one(&at("52.7"), "5.8%、41.3%和52.7%"); // 99.8
    one(&at("53.1"), "5.8%、41.3%和53.1%"); // 100.2
}

/// Pulls against the growth stated in the sentence before: 0.4 + 1.8 + 2.1
/// = 4.3; 0.4 + 1.8 + 2.6 = 4.8.
#[test]
fn pulls_add_up_to_the_growth() {
    silent("全年地区生产总值比上年增长4.3%。三次产业分别拉动经济增长0.4、1.8和2.1个百分点。");
    let text = "全年地区生产总值比上年增长4.3%。三次产业分别拉动经济增长0.4、1.8和2.6个百分点。";
    let d = one(text, "0.4、1.8和2.6个百分点");
    // The growth stands in another sentence: matched less surely.
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(
        d.message,
        "pulls add up to 4.8个百分点, but the growth is 4.3%"
    );
    assert_eq!(d.notes[0], "0.4 + 1.8 + 2.6 = 4.8个百分点");
    assert!(d
        .labels
        .iter()
        .any(|l| l.message == "growth of the whole" && l.span.slice(text) == "4.3%"));
}

/// The growth in the same sentence: an error.
#[test]
fn pulls_with_the_growth_in_the_same_sentence() {
    let text = "全年地区生产总值61.2亿元，按可比价格计算，比上年增长4.3%，三次产业分别拉动经济增长0.4、1.8和2.6个百分点。";
    let d = one(text, "0.4、1.8和2.6个百分点");
    assert_eq!(d.severity, Severity::Error);
}

/// Pulls stated one by one, each member named once.
#[test]
fn pulls_one_by_one() {
    silent("全年经济增长4.3%，第一产业拉动经济增长0.4个百分点，第二产业拉动1.8个百分点，第三产业拉动2.1个百分点。");
    one(
        "全年经济增长4.3%，第一产业拉动经济增长0.4个百分点，第二产业拉动1.8个百分点，第三产业拉动1.1个百分点。",
        "0.4个百分点",
    );
}

/// Lists that do not cover the whole, members missing, no growth of the
/// whole, a quarter's growth: all silent.
#[test]
fn traps_are_silent() {
    silent("工业和建筑业对经济增长的贡献率分别为30.2%和8.1%。");
    silent("全年经济增长4.3%，第一产业拉动经济增长0.4个百分点，第二产业拉动1.8个百分点。");
    silent("三次产业分别拉动经济增长0.4、1.8和2.6个百分点。");
    silent("一季度地区生产总值增长6.3%。三次产业分别拉动全年经济增长0.4、1.8和2.6个百分点。");
    silent("全年人均地区生产总值增长4.0%。三次产业分别拉动经济增长0.4、1.8和2.6个百分点。");
}
