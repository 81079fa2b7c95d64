//! `growth-rate`: stated growth rates against the levels or the increase
//! stated with them. Every draft sentence here is written for these tests;
//! the arithmetic in the comments was done by hand.

mod common;

use common::{diags_of, Workspace};
use yblint::config::Config;
use yblint::diagnostic::{Diagnostic, Severity};

fn growth(text: &str) -> Vec<Diagnostic> {
    let config = Config::builtin().unwrap();
    yblint::check_text(text, &config)
        .unwrap()
        .into_iter()
        .filter(|d| d.rule == "growth-rate")
        .collect()
}

fn silent(text: &str) {
    let found = growth(text);
    assert!(
        found.is_empty(),
        "expected silence on {text:?}, got {found:#?}"
    );
}

/// The one diagnostic on `text`, with its primary span text checked.
fn one(text: &str, primary: &str) -> Diagnostic {
    let found = growth(text);
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

/// The secondary labels as (text covered, message).
fn labels(text: &str, d: &Diagnostic) -> Vec<(String, String)> {
    d.labels
        .iter()
        .filter(|l| !l.primary)
        .map(|l| (l.span.slice(text).to_string(), l.message.clone()))
        .collect()
}

// ------------------------------------------------------------- case 105

/// 105: the current and previous level, and the increase, both right.
/// (86.4 − 79.5) ÷ 79.5 = 8.68% → 8.7%; 0.61 ÷ (5.27 − 0.61) = 13.09% → 13.1%.
#[test]
fn case105_levels_and_increment_that_agree() {
    silent("年末住户存款余额86.4亿元，上年末为79.5亿元，比上年末增长8.7%。全年税收收入5.27亿元，比上年增加0.61亿元，增长13.1%。");
}

/// 由…增至…: the starting and reached level. (2.48 − 2.15) ÷ 2.15 = 15.35%.
#[test]
fn from_and_to_levels_that_agree() {
    silent("全县快递业务收入由2.15亿元增至2.48亿元，增长15.3%。");
    silent("全县出生人口由上年的2950人减少到2860人，下降3.1%。");
}

// ------------------------------------------------------------- case 106

/// 106: the increase and the current level give 13.1%, the draft says 11.9%.
#[test]
fn case106_increment_contradicts_the_rate() {
    let text = "全年税收收入5.27亿元，比上年增加0.61亿元，增长11.9%。";
    let d = one(text, "11.9%");
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(
        d.message,
        "growth stated 11.9%, but 增加0.61亿元 ÷ 上年 4.66亿元 (5.27亿元 − 0.61亿元) = 13.1%"
    );
    assert_eq!(
        labels(text, &d),
        vec![
            ("5.27亿元".to_string(), "current level".to_string()),
            ("0.61亿元".to_string(), "increase".to_string()),
        ]
    );
    assert_eq!(
        d.notes,
        vec![
            "with the rounding of each figure the growth lies between 12.95% and 13.23%; 11.9% allows 11.85% to 11.95%"
                .to_string()
        ]
    );
}

/// The same finding as a user sees it through `yblint check --format json`:
/// exit code 1, the rule, the spans.
#[test]
fn case106_through_the_command_line() {
    let text = "【财政收入】 全年税收收入5.27亿元，比上年增加0.61亿元，增长11.9%。\n";
    let ws = Workspace::new();
    ws.write("财政.txt", text);
    let run = ws.check(&["--format", "json", "财政.txt"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let diags = diags_of(&run.json(), "growth-rate", text.as_bytes());
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0].span.text, "11.9%");
    assert_eq!(diags[0].primary_message, "stated growth");
    assert_eq!(diags[0].severity, "error");
    assert_eq!(
        diags[0].secondary,
        vec![
            ("5.27亿元".to_string(), "current level".to_string()),
            ("0.61亿元".to_string(), "increase".to_string()),
        ]
    );
}

/// Two levels that give 8.7%, stated as 9.7%.
#[test]
fn levels_contradict_the_rate() {
    let text = "年末住户存款余额86.4亿元，上年末为79.5亿元，比上年末增长9.7%。";
    let d = one(text, "9.7%");
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(
        d.message,
        "growth stated 9.7%, but (86.4亿元 − 79.5亿元) ÷ 79.5亿元 = 8.7%"
    );
    assert_eq!(
        labels(text, &d),
        vec![
            ("86.4亿元".to_string(), "current level".to_string()),
            ("79.5亿元".to_string(), "previous level".to_string()),
        ]
    );
}

/// A decrease: previous = 2860 + 90 = 2950; 90 ÷ 2950 = 3.05% → 3.1%.
#[test]
fn decrease_and_decline() {
    silent("全县出生人口2860人，比上年减少90人，下降3.1%。");
    let text = "全县出生人口2860人，比上年减少90人，下降3.3%。";
    let d = one(text, "3.3%");
    assert_eq!(
        d.message,
        "decline stated 3.3%, but 减少90人 ÷ 上年 2950人 (2860人 + 90人) = 3.1%"
    );
    assert_eq!(d.labels[0].message, "stated decline");
}

/// 下降 where the levels rose: the direction is wrong.
#[test]
fn wrong_direction() {
    let text = "全年粮食总产量18.6万吨，上年为17.2万吨，比上年下降8.1%。";
    let d = one(text, "8.1%");
    assert_eq!(
        d.message,
        "decline stated 8.1%, but (18.6万吨 − 17.2万吨) ÷ 17.2万吨 = 8.1%"
    );
    assert_eq!(
        d.notes[0],
        "the figures show a rise, but the text says it fell"
    );
}

// ------------------------------------------------------------- rounding

/// 0.61 ÷ (5.27 − 0.61) with each figure rounded lies in
/// [0.605 ÷ 4.67, 0.615 ÷ 4.65] = [12.955%, 13.226%]: 13.0% and 13.2% meet
/// it, 12.9% (up to 12.95%) and 13.3% (from 13.25%) do not.
#[test]
fn rounding_boundary_on_both_sides() {
    let at = |p: &str| format!("全年税收收入5.27亿元，比上年增加0.61亿元，增长{p}。");
    silent(&at("13.0%"));
    silent(&at("13.2%"));
    one(&at("12.9%"), "12.9%");
    one(&at("13.3%"), "13.3%");
}

/// A whole rate stands for ±0.5: 13% covers 12.5%–13.5%.
#[test]
fn rate_without_decimals() {
    silent("全年税收收入5.27亿元，比上年增加0.61亿元，增长13%。");
    let d = one("全年税收收入5.27亿元，比上年增加0.61亿元，增长15%。", "15%");
    assert!(d.message.ends_with("= 13.1%"), "{}", d.message);
}

// ------------------------------------------------------------- 倍

/// 增长n倍 is ×(n + 1); 是上年的n倍 is ×n. 3.6 ÷ 1.2 = 3.
#[test]
fn times_and_multiples() {
    silent("进出口总额由1.2亿元增至3.6亿元，增长了2倍。");
    silent("进出口总额由1.2亿元增至3.6亿元，是上年的3倍。");
    // 增长3倍 read as ×3: the wordings confused, a warning.
    let text = "进出口总额由1.2亿元增至3.6亿元，增长了3倍。";
    let d = one(text, "3倍");
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(
        d.message,
        "growth stated 增长3倍, but 3.6亿元 ÷ 1.2亿元 = ×3.0, i.e. 增长2.0倍"
    );
    assert_eq!(
        d.notes[0],
        "增长n倍 means n + 1 times the previous level: ×3.0 is 增长2.0倍, or 是上年的3.0倍"
    );
    // 是上年的2倍 for ×3: confused the other way.
    let d = one("进出口总额由1.2亿元增至3.6亿元，是上年的2倍。", "2倍");
    assert_eq!(d.severity, Severity::Warning);
    // ×5 is neither 增长2倍 nor ×2: an error.
    let d = one("进出口总额由1.2亿元增至6.0亿元，增长了2倍。", "2倍");
    assert_eq!(d.severity, Severity::Error);
}

// ------------------------------------------------------------- case 107

/// 107: growth at comparable prices is never recomputed, even when both
/// current-price levels are printed ((61.2 − 58.1) ÷ 58.1 = 5.3%, not 4.3%).
#[test]
fn case107_constant_price_growth_is_silent() {
    silent("全年地区生产总值61.2亿元，上年为58.1亿元，按可比价格计算，比上年增长4.3%。");
    // An indicator that is always at comparable prices, without the words.
    silent("全年第三产业增加值28.6亿元，上年为26.0亿元，比上年增长6.2%。");
    // Real growth of income.
    silent("城镇居民人均可支配收入3.86万元，上年为3.62万元，扣除价格因素，实际增长4.1%。");
    // A revised base.
    silent("社会消费品零售总额18.3亿元，上年核实数为17.9亿元，比上年增长6.0%。");
}

/// A general note covers its paragraph, and a 注 paragraph the whole draft.
#[test]
fn comparable_price_notes() {
    silent("本年度增长速度均按可比价格计算。规模以上工业总产值45.2亿元，上年为41.0亿元，比上年增长6.1%。");
    silent("规模以上工业总产值45.2亿元，上年为41.0亿元，比上年增长6.1%。\n\n注：文中增长速度按可比价格计算。\n");
    // Without a note the same sentence is checked: (45.2 − 41.0) ÷ 41.0 = 10.2%.
    one(
        "规模以上工业总产值45.2亿元，上年为41.0亿元，比上年增长6.1%。",
        "6.1%",
    );
}

// ------------------------------------------------------------- traps

/// A quarter is not compared with a year, nor a year with a quarter.
#[test]
fn quarter_against_year_is_silent() {
    silent("一季度完成固定资产投资3.2亿元，上年全年为12.1亿元，同比增长15.0%。");
    silent("全年完成固定资产投资12.6亿元，上年一季度为3.1亿元，同比增长9.0%。");
}

/// A rate of another measure: per-capita, average annual, a subset.
#[test]
fn growth_of_another_measure_is_silent() {
    silent("城镇居民人均可支配收入3.8万元，比上年增加0.2万元，人均消费支出增长7.5%。");
    silent("旅游收入由2018年的20.0亿元增至2023年的30.0亿元，年均增长8.4%。");
    silent("全年财政收入5.27亿元，比上年增加0.61亿元，其中税收收入增长3.0%。");
}

/// The previous level of another thing.
#[test]
fn previous_of_another_thing_is_silent() {
    silent("全县小麦产量5.2万吨，上年玉米产量为4.8万吨，比上年增长12.0%。");
}

/// 增长p% after another figure than the increase's level: visitors are not
/// income (0.8 ÷ 4.8 would be 16.7%).
#[test]
fn rate_after_another_figure_is_silent() {
    silent("实现旅游收入5.6亿元，比上年增加0.8亿元，接待游客120万人次，增长20.0%。");
}

/// Approximate figures: 约 gives no bound; 余 gives a wide one, and a rate
/// outside it is only a warning.
#[test]
fn approximate_figures() {
    silent("接待游客约120万人次，比上年增加约20万人次，增长5.0%。");
    // 120万余 is 120万–130万: 20 ÷ (130 − 20) … 20 ÷ (120 − 20), 17.6%–20.6%.
    silent("接待游客120万余人次，比上年增加20万人次，增长19.0%。");
    let d = one(
        "接待游客120万余人次，比上年增加20万人次，增长50.0%。",
        "50.0%",
    );
    assert_eq!(d.severity, Severity::Warning);
}

/// 增速回落 is a change of a rate in points, not a growth of the figures.
#[test]
fn slowdown_in_points_is_silent() {
    silent("规模以上工业总产值45.2亿元，比上年增加4.2亿元，增速回落1.1个百分点。");
}

/// Negative and zero previous levels give no rate.
#[test]
fn negative_or_zero_previous_is_silent() {
    silent("全县工业企业利润0.5亿元，上年为-0.2亿元，比上年增长350%。");
    silent("建成5G基站120个，比上年增加120个，增长100%。");
    silent("全年发生较大事故0起，比上年减少0起，下降0%。");
}

/// A comparison written as 比上年多 is a change, not a previous level.
#[test]
fn comparison_is_not_a_previous_level() {
    silent("全县有幼儿园32所，比上年多3所，增长50.0%。");
}

// ------------------------------------------------- growth wording (issue 10, T4)

/// `比2019年增加…，增长p%`: the rate compares with the year the increase
/// names. 850 ÷ (21560 − 850) = 4.10%; a conversion in brackets between the
/// figures is passed over.
#[test]
fn increase_against_a_named_year() {
    silent("全县粮食总产量21560吨（4312万斤），比2019年增加850吨（170万斤），增长4.1%。");
    let text = "全县粮食总产量21560吨（4312万斤），比2019年增加850吨（170万斤），增长6.1%。";
    let d = one(text, "6.1%");
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(
        d.message,
        "growth stated 6.1%, but 增加850吨 ÷ 2019年 20710吨 (21560吨 − 850吨) = 4.1%"
    );
}

/// Silent twin: the increase is against 2019 and the rate against the year
/// before; nothing says they share a base.
#[test]
fn increase_and_rate_against_different_periods_are_silent() {
    silent("全县粮食总产量21560吨，比2019年增加850吨，比上年增长6.1%。");
    silent("全县存款余额48.6亿元，比年初增加3.2亿元，同比增长11.5%。");
    silent("全县粮食总产量21560吨，上年为20710吨，比2018年增长6.1%。");
}

/// `比去年同期增加`, `减幅为`, `增幅为`: 0.25 ÷ 2.87 = 8.71%; 150 ÷ 2010 = 7.46%.
#[test]
fn same_period_last_year_and_rate_nouns() {
    silent("全市缴存单位3.12万家，比去年同期增加0.25万家，增长8.71%。");
    silent("全县出生人口1860人，同比减少150人，减幅为7.46%。");
    let text = "全县出生人口1860人，同比减少150人，减幅为9.46%。";
    let d = one(text, "9.46%");
    assert_eq!(
        d.message,
        "decline stated 9.46%, but 减少150人 ÷ 上年 2010人 (1860人 + 150人) = 7.46%"
    );
    let text = "全县迁入人口1210人，同比增加110人，增幅为12.0%。";
    let d = one(text, "12.0%");
    assert_eq!(
        d.message,
        "growth stated 12.0%, but 增加110人 ÷ 上年 1100人 (1210人 − 110人) = 10.0%"
    );
}

/// A share of the level, or another change with its rate, between the level
/// and the increase: 1.20 ÷ 255.10 = 0.47%, 10.40 ÷ 245.90 = 4.23%;
/// 0.61 ÷ 4.66 = 13.1%.
#[test]
fn level_further_back_past_shares_and_other_changes() {
    silent(
        "全县参保人次达256.30万人次，环比增加1.20万人次，增长0.5%，同比增加10.40万人次，增长4.2%。",
    );
    let text =
        "全县参保人次达256.30万人次，环比增加1.20万人次，增长0.5%，同比增加10.40万人次，增长6.2%。";
    let d = one(text, "6.2%");
    assert_eq!(
        d.message,
        "growth stated 6.2%, but 增加10.40万人次 ÷ 上年 245.90万人次 (256.30万人次 − 10.40万人次) = 4.2%"
    );
    silent("全年税收收入5.27亿元，为年初预算的62.3%，比上年增加0.61亿元，增长13.1%。");
    let text = "全年税收收入5.27亿元，完成年初预算8.46亿元的62.3%，比上年增加0.61亿元，增长15.1%。";
    let d = one(text, "15.1%");
    assert_eq!(
        labels(text, &d),
        vec![
            ("5.27亿元".to_string(), "current level".to_string()),
            ("0.61亿元".to_string(), "increase".to_string()),
        ]
    );
}

/// Silent twin: a level of another subject between stops the search (the
/// increase is of 乡村人口, whose level is not stated).
#[test]
fn level_of_another_subject_is_not_taken() {
    silent("全县城镇人口8.2万人，乡村人口增加0.3万人，增长9.9%。");
}
