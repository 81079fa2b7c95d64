//! `structure-ratio` as a user sees it through `yblint check --format json`:
//! structure ratios that add up to 100 or do not, terms against their parts'
//! shares, sex ratios against the male and female counts, the rounding
//! boundary on both sides, and the traps that must stay silent. The
//! arithmetic in the comments was done by hand.

mod common;

use common::{diags_of, Diag, Workspace};

fn structure_ratio(text: &str) -> Vec<Diag> {
    let ws = Workspace::new();
    ws.write("稿.txt", text);
    let run = ws.check(&["--format", "json", "稿.txt"]);
    assert!(run.code == 0 || run.code == 1, "stderr: {}", run.stderr);
    let doc = run.json();
    let any_error = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["severity"] == "error");
    assert_eq!(run.code, i32::from(any_error));
    diags_of(&doc, "structure-ratio", text.as_bytes())
}

fn silent(text: &str) {
    let d = structure_ratio(text);
    assert!(
        d.is_empty(),
        "expected no structure-ratio diagnostic, got {d:#?}"
    );
}

/// Exactly one diagnostic: severity, the ratio it points at, its labels and message.
fn one(text: &str, severity: &str, ratio: &str, labels: &[(&str, &str)], message: &str) -> Diag {
    let d = structure_ratio(text);
    assert_eq!(d.len(), 1, "one diagnostic expected, got {d:#?}");
    let d = d.into_iter().next().unwrap();
    assert_eq!(d.category, "arithmetic");
    assert_eq!(d.severity, severity);
    assert_eq!(d.span.text, ratio);
    let labels: Vec<(String, String)> = labels
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(d.secondary, labels);
    assert_eq!(d.message, message);
    d
}

const GDP: &str = "全年地区生产总值48650万元，其中，第一产业增加值7250万元，第二产业增加值18120万元，第三产业增加值23280万元，";

// ------------------------------------------------------------ 103, 104

/// 103 in other words: 7250 ÷ 48650 = 14.9%, 18120 ÷ 48650 = 37.2%,
/// 23280 ÷ 48650 = 47.9%; 14.9 + 37.2 + 47.9 = 100.0.
#[test]
fn case103_structure_matches_its_parts() {
    silent(&format!("{GDP}三次产业结构为14.9:37.2:47.9。"));
}

/// 104 in other words: 14.9 + 37.2 + 49.7 = 101.8, and the third term should be 47.9.
#[test]
fn case104_structure_does_not_add_up() {
    let d = one(
        &format!("{GDP}三次产业结构为14.9:37.2:49.7。"),
        "error",
        "14.9:37.2:49.7",
        &[("23280万元", "part"), ("48650万元", "total")],
        "structure 14.9:37.2:49.7 adds up to 101.8, not 100",
    );
    assert_eq!(
        d.notes,
        vec![
            "14.9 + 37.2 + 49.7 = 101.8; with each term ± half a unit of its last digit the sum lies in 101.65 to 101.95, which leaves out 100".to_string(),
            "the third term 49.7 does not match its part: 第三产业增加值 23280万元 ÷ 地区生产总值 48650万元 = 47.9%".to_string(),
        ]
    );
}

/// Terms that add up to 100 but do not match their parts: 38.2 and 46.9
/// against 37.2 and 47.9.
#[test]
fn terms_swapped_between_parts() {
    one(
        &format!("{GDP}三次产业结构为14.9:38.2:46.9。"),
        "error",
        "14.9:38.2:46.9",
        &[
            ("18120万元", "part"),
            ("23280万元", "part"),
            ("48650万元", "total"),
        ],
        "structure 14.9:38.2:46.9: the second term 38.2 does not match its part: 第二产业增加值 18120万元 ÷ 地区生产总值 48650万元 = 37.2%",
    );
}

/// Parts in an earlier sentence of the paragraph: a warning.
#[test]
fn parts_in_an_earlier_sentence_are_a_warning() {
    let d = one(
        "全县地区生产总值4.87亿元，其中，第一产业增加值0.73亿元，第二产业增加值1.81亿元，第三产业增加值2.33亿元。三次产业结构为14.9:39.2:45.9。",
        "warning",
        "14.9:39.2:45.9",
        &[
            ("1.81亿元", "part"),
            ("2.33亿元", "part"),
            ("4.87亿元", "total"),
        ],
        "structure 14.9:39.2:45.9: the second term 39.2 does not match its part: 第二产业增加值 1.81亿元 ÷ 地区生产总值 4.87亿元 = 37.2%",
    );
    assert!(d.notes.last().unwrap().contains("earlier sentence"));
}

// ------------------------------------------------------------ the sum alone

/// No parts stated: only the sum is checked (18.4 + 35.2 + 47.1 = 100.7).
#[test]
fn sum_without_parts() {
    one(
        "全县三次产业结构为18.4:35.2:47.1。",
        "error",
        "18.4:35.2:47.1",
        &[],
        "structure 18.4:35.2:47.1 adds up to 100.7, not 100",
    );
    silent("全县三次产业结构为18.4:34.5:47.1。");
    silent("全县就业人员构成为22.6:30.1:47.3。");
}

/// Rounding of the sum: 33.33 × 3 = 99.99 may be 100 (99.975–100.005);
/// 33.33 + 33.33 + 33.32 = 99.98 may not (99.965–99.995).
#[test]
fn sum_rounding_boundary() {
    silent("全县城乡结构为33.33:33.33:33.33。");
    one(
        "全县城乡结构为33.33:33.33:33.32。",
        "error",
        "33.33:33.33:33.32",
        &[],
        "structure 33.33:33.33:33.32 adds up to 99.98, not 100",
    );
}

/// Rounding of a term against its part: 7250 ÷ 48650 = 14.902%, which
/// 14.9 allows (14.85–14.95) and 15.0 does not (14.95–15.05); the sum
/// 15.0 + 37.2 + 47.8 = 100.0 is fine.
#[test]
fn term_rounding_boundary() {
    silent(&format!("{GDP}三次产业结构为14.9:37.2:47.9。"));
    one(
        &format!("{GDP}三次产业结构为15.0:37.2:47.8。"),
        "error",
        "15.0:37.2:47.8",
        &[
            ("7250万元", "part"),
            ("23280万元", "part"),
            ("48650万元", "total"),
        ],
        "structure 15.0:37.2:47.8: the first term 15.0 does not match its part: 第一产业增加值 7250万元 ÷ 地区生产总值 48650万元 = 14.9%",
    );
}

// ------------------------------------------------------------ traps

/// A previous structure (由…调整为…) is summed but not compared with parts.
#[test]
fn previous_structure() {
    silent(&format!(
        "{GDP}三次产业结构由16.2:36.5:47.3调整为14.9:37.2:47.9。"
    ));
}

/// Proportions are not percentages; a ratio of incomes is not a structure.
#[test]
fn proportions_are_not_summed() {
    silent("全县三次产业增加值之比为1:2.5:3.2。");
    silent("城乡居民人均可支配收入之比为2.35:1。");
}

/// An employment structure is not compared with value added.
#[test]
fn another_measure() {
    silent(&format!("{GDP}三次产业从业人员结构为31.5:24.0:44.5。"));
}

// ------------------------------------------------------------ sex ratio (111)

/// 111 in other words: 52310 ÷ 49870 × 100 = 104.89.
#[test]
fn case111_sex_ratio_matches_counts() {
    silent("年末全县户籍人口为102180人，其中，男性人口52310人，女性人口49870人，男女性别比为104.89:100（女性为100）。");
}

/// The same with a wrong ratio: an error, both counts labelled.
#[test]
fn sex_ratio_contradicts_counts() {
    let d = one(
        "年末全县户籍人口为102180人，其中，男性人口52310人，女性人口49870人，男女性别比为106.89:100（女性为100）。",
        "error",
        "106.89:100",
        &[("52310人", "males"), ("49870人", "females")],
        "sex ratio stated 106.89:100, but 男性人口 52310人 ÷ 女性人口 49870人 × 100 = 104.89",
    );
    assert_eq!(d.primary_message, "stated sex ratio");
}

/// `性别比105.7` with counts in 万人: 4.44万 ÷ 4.20万 lies in 105.47–105.96.
#[test]
fn bare_sex_ratio() {
    silent("年末全县常住人口8.64万人，其中，男性4.44万人，女性4.20万人，性别比105.7。");
    one(
        "年末全县常住人口8.64万人，其中，男性4.44万人，女性4.20万人，性别比108.7。",
        "error",
        "108.7",
        &[("4.44万人", "males"), ("4.20万人", "females")],
        "sex ratio stated 108.7, but 男性 4.44万人 ÷ 女性 4.20万人 × 100 = 105.7",
    );
}

/// A birth sex ratio takes 男婴/女婴 (1630 ÷ 1490 × 100 = 109.40).
#[test]
fn birth_sex_ratio() {
    silent("全年出生人口3120人，其中，男婴1630人，女婴1490人，出生人口性别比为109.4:100。");
    one(
        "全年出生人口3120人，其中，男婴1630人，女婴1490人，出生人口性别比为112.4:100。",
        "error",
        "112.4:100",
        &[("1630人", "males"), ("1490人", "females")],
        "sex ratio stated 112.4:100, but 男婴 1630人 ÷ 女婴 1490人 × 100 = 109.4",
    );
}

/// Rounding: 10305 ÷ 10000 × 100 = 103.05, on the edge of what 103.1
/// allows; 10304 gives 103.04, outside it.
#[test]
fn sex_ratio_rounding_boundary() {
    silent("年末全镇户籍人口20305人，其中，男性人口10305人，女性人口10000人，性别比为103.1。");
    one(
        "年末全镇户籍人口20304人，其中，男性人口10304人，女性人口10000人，性别比为103.1。",
        "error",
        "103.1",
        &[("10304人", "males"), ("10000人", "females")],
        "sex ratio stated 103.1, but 男性人口 10304人 ÷ 女性人口 10000人 × 100 = 103.0",
    );
}

/// A birth sex ratio is not compared with the whole population's counts.
#[test]
fn sex_ratio_of_another_population() {
    silent("年末全县户籍人口为102180人，其中，男性人口52310人，女性人口49870人，出生人口性别比为112.4:100。");
}

/// Two sets of male and female counts: yblint cannot tell which one.
#[test]
fn ambiguous_counts() {
    silent("全县在校学生8600人，其中，男生4500人，女生4100人；专任教师620人，其中，男教师250人，女教师370人，性别比为115.2。");
}
