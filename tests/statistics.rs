//! The statistical-wording rules as an editor meets them: changes of rates
//! in % instead of 个百分点, decreases in multiples, signed growth, 年均每年,
//! and 同比 for whole years — each with the traps correct bulletins set
//! (提高到 a level, 效率, ranges, 平均每天, 同比 for months) and the fixes
//! applied.

mod common;

use common::{diags_of, Workspace};
use yblint::config::Config;
use yblint::diagnostic::Applicability;

/// (severity, text the primary span covers, message) of every finding of
/// `rule` when `yblint check --format json` reads `text`.
fn findings(rule: &str, text: &str) -> Vec<(String, String, String)> {
    let ws = Workspace::new();
    ws.write("统计.txt", text);
    let run = ws.check(&["--format", "json", "统计.txt"]);
    assert!(
        run.code == 0 || run.code == 1,
        "exit {}: {}",
        run.code,
        run.stderr
    );
    diags_of(&run.json(), rule, text.as_bytes())
        .into_iter()
        .map(|d| {
            assert_eq!(d.category, "statistics");
            assert_eq!(d.primary, d.span, "the primary label marks the span");
            (d.severity, d.span.text, d.message)
        })
        .collect()
}

/// The secondary labels (text, message) of the findings of `rule`.
fn labels(rule: &str, text: &str) -> Vec<Vec<(String, String)>> {
    let ws = Workspace::new();
    ws.write("统计.txt", text);
    let run = ws.check(&["--format", "json", "统计.txt"]);
    diags_of(&run.json(), rule, text.as_bytes())
        .into_iter()
        .map(|d| d.secondary)
        .collect()
}

fn one(severity: &str, span: &str, message: &str) -> (String, String, String) {
    (severity.into(), span.into(), message.into())
}

fn silent(rule: &str, text: &str) {
    let found = findings(rule, text);
    assert!(
        found.is_empty(),
        "{rule} must be silent on {text:?}, got {found:#?}"
    );
}

/// The text after applying the fixes of `rule` of the given kind.
fn fixed(rule: &str, text: &str, kind: Applicability) -> String {
    let config = Config::builtin().unwrap();
    let mut edits: Vec<_> = yblint::check_text(text, &config)
        .unwrap()
        .into_iter()
        .filter(|d| d.rule == rule)
        .filter_map(|d| d.fix)
        .filter(|f| f.applicability == kind)
        .flat_map(|f| f.edits)
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
    let mut out = text.to_string();
    for e in edits {
        out.replace_range(e.span.range(), &e.replacement);
    }
    out
}

// ---------------------------------------------------------------- stat-pp-vs-percent

#[test]
fn changes_of_rates_and_shares_in_percent_are_reported() {
    let text =
        "全县三次产业结构持续优化，第一产业比重比上年下降3%，规模以上工业增加值增速回落1.5%。\n";
    assert_eq!(
        findings("stat-pp-vs-percent", text),
        vec![
            one(
                "warning",
                "3%",
                "a change of a rate or share given in %: `下降3%`"
            ),
            one(
                "warning",
                "1.5%",
                "a change of a rate or share given in %: `回落1.5%`"
            ),
        ]
    );
    assert_eq!(
        labels("stat-pp-vs-percent", text),
        vec![
            vec![("比重".to_string(), "a rate or share".to_string())],
            vec![("增速".to_string(), "a rate or share".to_string())],
        ]
    );
}

#[test]
fn a_rate_stated_in_the_clause_before_is_the_subject() {
    assert_eq!(
        findings(
            "stat-pp-vs-percent",
            "全县城乡居民医保参保率为96.5%，比上年提高1.2%。\n"
        ),
        vec![one(
            "warning",
            "1.2%",
            "a change of a rate or share given in %: `提高1.2%`"
        )]
    );
}

#[test]
fn levels_absolute_changes_and_percentage_points_are_left_alone() {
    silent(
        "stat-pp-vs-percent",
        "年末常住人口城镇化率由上年的58.3%提高到60.1%，提高1.8个百分点。县工业企业劳动效率提高20%。\n",
    );
    silent(
        "stat-pp-vs-percent",
        "全年粮食产量18.6万吨，比上年增长8.1%；城镇居民人均可支配收入增长5.2%，比上年提高3%。\n",
    );
}

// ---------------------------------------------------------------- stat-decrease-by-times

#[test]
fn decreases_in_multiples_are_errors() {
    let text =
        "全县万元地区生产总值能耗下降了一倍，全年道路交通事故比上年少2倍，亡人事故降低1.5倍。\n";
    assert_eq!(
        findings("stat-decrease-by-times", text),
        vec![
            one(
                "error",
                "下降了一倍",
                "a decrease stated in multiples: `下降了一倍`"
            ),
            one("error", "少2倍", "a decrease stated in multiples: `少2倍`"),
            one(
                "error",
                "降低1.5倍",
                "a decrease stated in multiples: `降低1.5倍`"
            ),
        ]
    );
}

#[test]
fn increases_bounds_and_fractions_are_left_alone() {
    silent(
        "stat-decrease-by-times",
        "全县电商交易额增长2倍，至少是上年的3倍；能耗降至上年的一半，不低于2倍的增幅目标已完成，事故数少于上年的2倍。\n",
    );
    silent(
        "stat-decrease-by-times",
        "县图书馆购入《如何让成本下降一倍》等图书。\n",
    );
}

// ---------------------------------------------------------------- stat-signed-growth-wording

#[test]
fn signed_growth_is_reported_and_the_verb_fixed() {
    let text = "全年工业用电量同比增长-3.5%，商品房销售面积下降-2.1%，出口额增长负1.2%。\n";
    assert_eq!(
        findings("stat-signed-growth-wording", text),
        vec![
            one(
                "warning",
                "增长-3.5%",
                "a negative growth in the text: `增长-3.5%`"
            ),
            one(
                "warning",
                "下降-2.1%",
                "a double negative: `下降-2.1%` is a growth of 2.1%"
            ),
            one(
                "warning",
                "增长负1.2%",
                "a negative growth in the text: `增长负1.2%`"
            ),
        ]
    );
    assert_eq!(
        fixed("stat-signed-growth-wording", text, Applicability::Unsafe),
        "全年工业用电量同比下降3.5%，商品房销售面积增长2.1%，出口额下降1.2%。\n"
    );
    assert_eq!(
        fixed("stat-signed-growth-wording", text, Applicability::Safe),
        text
    );
}

#[test]
fn ranges_and_unsigned_changes_are_left_alone() {
    silent(
        "stat-signed-growth-wording",
        "全县居民消费价格上涨2-3%，工业用电量下降3.5%，增长率见表1-2。\n",
    );
}

// ---------------------------------------------------------------- stat-redundant-per

#[test]
fn redundant_per_is_reported_and_fixed_safely() {
    let text = "2019—2023年，全县游客接待量年均每年增长12%，景区日均每天接待游客2000人次。\n";
    assert_eq!(
        findings("stat-redundant-per", text),
        vec![
            one(
                "warning",
                "年均每年",
                "`年均` already means `每年`: `年均每年` says it twice"
            ),
            one(
                "warning",
                "日均每天",
                "`日均` already means `每天`: `日均每天` says it twice"
            ),
        ]
    );
    let after = fixed("stat-redundant-per", text, Applicability::Safe);
    assert_eq!(
        after,
        "2019—2023年，全县游客接待量年均增长12%，景区日均接待游客2000人次。\n"
    );
    assert!(findings("stat-redundant-per", &after).is_empty());
}

#[test]
fn other_periods_and_plain_averages_are_left_alone() {
    silent(
        "stat-redundant-per",
        "全县人均每年献血0.8次，景区平均每天接待游客2000人次，人均收入每月增加120元。\n",
    );
}

// ---------------------------------------------------------------- stat-tongbi-annual

#[test]
fn redundant_and_contradictory_tongbi_are_warnings() {
    let text = "全县粮食产量比上年同期同比增长3.1%。社会消费品零售总额环比上年同期增长2%。\n";
    assert_eq!(
        findings("stat-tongbi-annual", text),
        vec![
            one("warning", "同比", "`同比` repeats `比上年同期`"),
            one(
                "warning",
                "环比",
                "`环比` compares with the previous period, not with `上年同期`"
            ),
        ]
    );
}

#[test]
fn tongbi_for_a_whole_year_is_information() {
    let text = "全年粮食产量同比增长3.1%。2023年，全县地区生产总值同比增长5.2%。\n";
    assert_eq!(
        findings("stat-tongbi-annual", text),
        vec![
            one("info", "同比", "`同比` for a whole year: write `比上年`"),
            one("info", "同比", "`同比` for a whole year: write `比上年`"),
        ]
    );
}

#[test]
fn tongbi_for_months_quarters_and_holidays_is_left_alone() {
    silent(
        "stat-tongbi-annual",
        "1—6月，全县规模以上工业增加值同比增长6.2%。2023年一季度，全县财政收入同比增长4%。\
春节期间，全县接待游客同比增长18%。2023年12月，全县用电量同比增长3%。全年粮食产量比上年增长3.1%。\n",
    );
}
