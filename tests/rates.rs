//! Rates, averages, growth and percentage points as drafts state them
//! (issue 10, the T and PP shapes of the development corpus): for each
//! shape a sentence that states a wrong figure and its twin that states the
//! right one (or a trap that looks like the shape and is not one), silent.
//! Every sentence is written for these tests; the arithmetic is in the
//! comments.

use yblint::config::Config;
use yblint::diagnostic::{Diagnostic, Severity};

fn found(rule: &str, text: &str) -> Vec<Diagnostic> {
    let config = Config::builtin().unwrap();
    yblint::check_text(text, &config)
        .unwrap()
        .into_iter()
        .filter(|d| d.rule == rule)
        .collect()
}

/// `rule` says nothing about `text`.
fn silent(rule: &str, text: &str) {
    let f = found(rule, text);
    assert!(
        f.is_empty(),
        "{rule}: expected silence on {text:?}, got {f:#?}"
    );
}

/// `rule` reports `text` once, at the figure `primary`, with `severity`.
fn reports(rule: &str, text: &str, primary: &str, severity: Severity) -> Diagnostic {
    let f = found(rule, text);
    assert_eq!(
        f.len(),
        1,
        "{rule}: one finding expected on {text:?}: {f:#?}"
    );
    let d = f.into_iter().next().unwrap();
    assert_eq!(d.span.slice(text), primary, "primary span on {text:?}");
    assert_eq!(d.severity, severity, "severity on {text:?}: {}", d.message);
    d
}

// ---------------------------------------------------------------- T7

/// 8.4 千公顷 × 15 = 12.6 万亩.
#[test]
fn t7_area_restated_in_mu() {
    let d = reports(
        "unit-conversion",
        "全县粮食播种面积8.4千公顷（13.2万亩），比上年减少0.2千公顷（0.3万亩）。",
        "13.2万亩",
        Severity::Error,
    );
    assert!(d.message.contains("12.6万亩"), "{}", d.message);
    silent(
        "unit-conversion",
        "全县粮食播种面积8.4千公顷（12.6万亩），比上年减少0.2千公顷（0.3万亩）。",
    );
}

/// 1.5 万吨 = 3000 万斤; 6000 公斤/公顷 = 400 公斤/亩.
#[test]
fn t7_jin_and_yield_per_mu() {
    reports(
        "unit-conversion",
        "全县油料产量1.5万吨（3300万斤），平均单产6000公斤/公顷（400公斤/亩）。",
        "3300万",
        Severity::Error,
    );
    reports(
        "unit-conversion",
        "全县油料产量1.5万吨（3000万斤），平均单产6000公斤/公顷（420公斤/亩）。",
        "420公斤",
        Severity::Error,
    );
    silent(
        "unit-conversion",
        "全县油料产量1.5万吨（3000万斤），平均单产6000公斤/公顷（400公斤/亩）。",
    );
}

/// Brackets that state another figure, or another currency, are no conversion.
#[test]
fn t7_trap_other_figures_in_brackets() {
    silent(
        "unit-conversion",
        "年末常住人口52.3万人（户籍人口55.1万人）。",
    );
    silent("unit-conversion", "实际利用外资5000万元（约合700万美元）。");
    silent("unit-conversion", "全县有中小学48所（其中小学30所）。");
}

// ---------------------------------------------------------------- T1

/// 结案率 = 审结 ÷ 受理: 1180 ÷ 1250 = 94.4%.
#[test]
fn t1_court_closing_rate() {
    reports(
        "rate-formula",
        "全年共受理民事案件1250件，审结1180件，结案率96.4%。",
        "96.4%",
        Severity::Warning,
    );
    silent(
        "rate-formula",
        "全年共受理民事案件1250件，审结1180件，结案率94.4%。",
    );
}

/// A closing rate over newly received cases is no rate of the formula: it
/// counts the cases carried over (3147 closed of 3111 received).
#[test]
fn t1_trap_closing_rate_over_new_cases() {
    silent(
        "rate-formula",
        "全年新收行政案件3111件，审结3147件，结案率为96.1%。",
    );
}

/// 不捕率 = 不捕 ÷ (捕 + 不捕), by persons 50 ÷ 200 = 25.0%, by cases
/// 30 ÷ 150 = 20.0%: a rate that fits one reading is silent; (按件数) picks
/// the cases.
#[test]
fn t1_rates_of_records_in_two_units() {
    silent(
        "rate-formula",
        "经审查，批准逮捕120件150人，不批准逮捕30件50人，不捕率为25.0%。",
    );
    silent(
        "rate-formula",
        "经审查，批准逮捕120件150人，不批准逮捕30件50人，不捕率为20.0%。",
    );
    reports(
        "rate-formula",
        "经审查，批准逮捕120件150人，不批准逮捕30件50人，不捕率为22.0%。",
        "22.0%",
        Severity::Warning,
    );
    reports(
        "rate-formula",
        "经审查，批准逮捕120件150人，不批准逮捕30件50人，不捕率（按件数）为25.0%。",
        "25.0%",
        Severity::Warning,
    );
}

/// 约 ending 履约 and 签约 is no approximation: 11 ÷ 12 = 91.7%.
#[test]
fn t1_lvyue_is_exact() {
    reports(
        "rate-formula",
        "全年签约项目12个，现已履约11个，履约率95.7%。",
        "95.7%",
        Severity::Warning,
    );
    silent(
        "rate-formula",
        "全年签约项目12个，现已履约11个，履约率91.7%。",
    );
}

/// A rate row of a table against its operand rows, in every column:
/// 96.4 ÷ 120.5 = 80.0%, 101.6 ÷ 130.2 = 78.0%.
#[test]
fn t1_rate_rows_of_a_table() {
    let table = |last: &str| {
        format!(
            "| 指标 | 2019年 | 2020年 |\n|---|---|---|\n| 实际开放总床日数（万床日） | 120.5 | 130.2 |\n| 实际占用总床日数（万床日） | 96.4 | 101.6 |\n| 病床使用率（%） | 80.0 | {last} |\n"
        )
    };
    let config = Config::builtin().unwrap();
    let check = |text: &str| -> Vec<Diagnostic> {
        let doc =
            yblint::source::from_text("表.md", yblint::source::Kind::Markdown, text.to_string());
        yblint::check_document(&doc, &config)
            .unwrap()
            .into_iter()
            .filter(|d| d.rule == "rate-formula")
            .collect()
    };
    assert!(check(&table("78.0")).is_empty());
    let f = check(&table("75.0"));
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].severity, Severity::Error);
}

// ---------------------------------------------------------------- T2

/// Household size = family-household population ÷ family households:
/// 8236 ÷ 3120 = 2.64.
#[test]
fn t2_household_size() {
    reports(
        "average",
        "全镇有家庭户3120户，家庭户人口为8236人。平均每个家庭户的人口为2.86人。",
        "2.86人",
        Severity::Error,
    );
    silent(
        "average",
        "全镇有家庭户3120户，家庭户人口为8236人。平均每个家庭户的人口为2.64人。",
    );
}

/// 人均 over the persons of the sentence: 5130 ÷ 45 = 114.0.
#[test]
fn t2_per_person() {
    reports(
        "average",
        "全院有员额法官45名，新收案件5130件，人均新收案件124.0件。",
        "124.0件",
        Severity::Warning,
    );
    silent(
        "average",
        "全院有员额法官45名，新收案件5130件，人均新收案件114.0件。",
    );
}

/// 月人均 over person-times (person-months): 540万元 ÷ 12000人次 = 450元;
/// over persons counted once it says nothing (the months are not stated).
#[test]
fn t2_monthly_average() {
    reports(
        "average",
        "累计保障12000人次，支出低保金540万元，月人均补助480元。",
        "480元",
        Severity::Warning,
    );
    silent(
        "average",
        "累计保障12000人次，支出低保金540万元，月人均补助450元。",
    );
    silent(
        "average",
        "城市低保对象1.2万人，全年支出低保金6800万元，月人均补助水平450元。",
    );
    silent(
        "average",
        "全年支出救助资金652万元，救助23445人次，年人均救助水平328元。",
    );
}

/// 年平均 over a span of years written as a figure: 52.6亿 ÷ 10 = 5.26亿;
/// 日均 over the days of a named year: 365000 ÷ 365 = 1000.
#[test]
fn t2_per_year_and_per_day() {
    reports(
        "average",
        "2011～2020年的10年财政总收入52.6亿元，年平均5.62亿元。",
        "5.62亿元",
        Severity::Error,
    );
    silent(
        "average",
        "2011～2020年的10年财政总收入52.6亿元，年平均5.26亿元。",
    );
    reports(
        "average",
        "2022年，全市110全年共接报各类警情365000起，日均1100起。",
        "1100起",
        Severity::Warning,
    );
    silent(
        "average",
        "2022年，全市110全年共接报各类警情365000起，日均1000起。",
    );
}

/// A row labelled 均值 is the mean of the others: (30 + 34 + 32) ÷ 3 = 32,
/// (50 + 56 + 55) ÷ 3 = 53.67.
#[test]
fn t2_mean_row_of_a_table() {
    let table = |first: &str| {
        format!(
            "| 地区 | 细颗粒物 | 可吸入颗粒物 |\n|---|---|---|\n| 甲区 | 30 | 50 |\n| 乙区 | 34 | 56 |\n| 丙区 | 32 | 55 |\n| 均值 | {first} | 54 |\n"
        )
    };
    let config = Config::builtin().unwrap();
    let check = |text: &str| -> Vec<Diagnostic> {
        let doc =
            yblint::source::from_text("表.md", yblint::source::Kind::Markdown, text.to_string());
        yblint::check_document(&doc, &config)
            .unwrap()
            .into_iter()
            .filter(|d| d.rule == "average")
            .collect()
    };
    assert!(check(&table("32")).is_empty());
    assert_eq!(check(&table("36")).len(), 1);
}

// ---------------------------------------------------------------- PP

#[test]
fn pp_previous_rate_in_brackets() {
    reports(
        "percentage-points",
        "门诊药费占门诊费用的38.0%，比上年（37.5%）增加0.8个百分点。",
        "0.8个百分点",
        Severity::Error,
    );
    silent(
        "percentage-points",
        "门诊药费占门诊费用的38.0%，比上年（37.5%）增加0.5个百分点。",
    );
}

#[test]
fn pp_previous_rate_named_with_a_date_or_a_census() {
    reports(
        "percentage-points",
        "简易程序适用率为72.40%，同比2021年上半年的70.15%，上升2.52个百分点。",
        "2.52个百分点",
        Severity::Error,
    );
    silent(
        "percentage-points",
        "简易程序适用率为72.40%，同比2021年上半年的70.15%，上升2.25个百分点。",
    );
    reports(
        "percentage-points",
        "总人口性别比为104.80，与第六次全国人口普查总人口性别比106.75相比，下降2.95个百分点。",
        "2.95个百分点",
        Severity::Error,
    );
    silent(
        "percentage-points",
        "总人口性别比为104.80，与第六次全国人口普查总人口性别比106.75相比，下降1.95个百分点。",
    );
}

#[test]
fn pp_a_term_of_a_restated_structure() {
    reports(
        "percentage-points",
        "三次产业结构由上年的10.2:40.5:49.3调整为9.8:39.6:50.6，第三产业占比提高1.8个百分点。",
        "1.8个百分点",
        Severity::Error,
    );
    silent(
        "percentage-points",
        "三次产业结构由上年的10.2:40.5:49.3调整为9.8:39.6:50.6，第三产业占比提高1.3个百分点。",
    );
}

#[test]
fn pp_another_area_and_rate_nouns() {
    reports(
        "percentage-points",
        "全县用电量同比增长9.1%，增速高于全市平均水平（1.7%）8.4个百分点。",
        "8.4个百分点",
        Severity::Warning,
    );
    silent(
        "percentage-points",
        "全县用电量同比增长9.1%，增速高于全市平均水平（1.7%）7.4个百分点。",
    );
    reports(
        "percentage-points",
        "破案率从41.0%上升至64.6%，升幅26.3个百分点。",
        "26.3个百分点",
        Severity::Error,
    );
    silent(
        "percentage-points",
        "破案率从41.0%上升至64.6%，升幅23.6个百分点。",
    );
    // No previous rate: nothing to check.
    silent(
        "percentage-points",
        "调解成功率为96.0%，较去年同期提高8.7个百分点。",
    );
}

/// The previous share from the changes of part and base: 164 ÷ 210 = 78.10%
/// before, 160 ÷ 200 = 80.0% now: 1.9 points.
#[test]
fn pp_share_change_from_the_changes_of_part_and_base() {
    let right = "全县共有幼儿园200所，比上年减少10所。其中，普惠性幼儿园160所，比上年减少4所，占全县幼儿园的比例80.0%，比上年提高1.9个百分点。";
    silent("percentage-points", right);
    reports(
        "percentage-points",
        &right.replace("1.9个百分点", "4.3个百分点"),
        "4.3个百分点",
        Severity::Warning,
    );
}

// ---------------------------------------------------------------- T3, T4, T5

/// (10.77 − 8.19) ÷ 8.19 = 31.5%; (4.54 − 4.92) ÷ 4.92 = −7.72%.
#[test]
fn t5_previous_level_inline() {
    reports(
        "growth-rate",
        "全市财政总收入10.77亿元，比1999年的8.19亿元增长35.1%。",
        "35.1%",
        Severity::Error,
    );
    silent(
        "growth-rate",
        "全市财政总收入10.77亿元，比1999年的8.19亿元增长31.5%。",
    );
    reports(
        "growth-rate",
        "婴儿死亡率为4.54‰，较上年4.92‰下降了7.27%。",
        "7.27%",
        Severity::Error,
    );
    silent("growth-rate", "婴儿死亡率为4.54‰，较上年4.92‰下降了7.72%。");
}

/// A census level and the change since: 42961 ÷ 703428 = 6.11%; the annual
/// rate over ten years: 1.0611^(1/10) − 1 = 0.59%.
#[test]
fn t5_census_level_and_annual_rate() {
    let right = "全县常住人口为746389人，与2010年第六次全国人口普查的703428人相比，增加42961人，增长6.11%，年平均增长率为0.59%。";
    silent("growth-rate", right);
    reports(
        "growth-rate",
        &right.replace("增长6.11%", "增长6.41%"),
        "6.41%",
        Severity::Error,
    );
    reports(
        "growth-rate",
        &right.replace("0.59%", "0.65%"),
        "0.65%",
        Severity::Warning,
    );
}

/// The increase before the level: 1.83 ÷ (14.05 − 1.83) = 14.98%; the rate
/// before its increase: 32.63 ÷ (489.3 − 32.63) = 7.15%.
#[test]
fn t3_increase_and_rate_in_either_order() {
    silent(
        "growth-rate",
        "全市缴存单位增加1.83万家，达到14.05万家，同比增长14.98%；缴存职工达到489.3万人，同比增长7.15%，增加32.63万人。",
    );
    reports(
        "growth-rate",
        "全市缴存单位增加1.83万家，达到14.05万家，同比增长13.98%。",
        "13.98%",
        Severity::Error,
    );
    reports(
        "growth-rate",
        "全市缴存职工达到489.3万人，同比增长7.51%，增加32.63万人。",
        "7.51%",
        Severity::Error,
    );
}

/// A rate in brackets after its increase: 42.5 ÷ 1398.6 = 3.0%; a noun
/// between comparison and verb: 200 ÷ 2400 = 8.33%.
#[test]
fn t4_bracketed_rate_and_named_increase() {
    silent(
        "growth-rate",
        "卫生人员总数1441.1万人，比上年增加42.5万人（增长3.0%）。",
    );
    reports(
        "growth-rate",
        "卫生人员总数1441.1万人，比上年增加42.5万人（增长3.3%）。",
        "3.3%",
        Severity::Error,
    );
    silent(
        "growth-rate",
        "全年共受理各类案件2600件，与去年同期相比案件增加了200件，上升率为8.33%。",
    );
    reports(
        "growth-rate",
        "全年共受理各类案件2600件，与去年同期相比案件增加了200件，上升率为7.69%。",
        "7.69%",
        Severity::Error,
    );
}

/// A record in two units with its previous record and a pair of rates:
/// (90 − 100) ÷ 100 = −10.00%, (120 − 150) ÷ 150 = −20.00%.
#[test]
fn t5_records_with_a_pair_of_rates() {
    silent(
        "growth-rate",
        "共受理审查逮捕案件90件120人，去年同期为100件150人，件数和人数分别同比下降10.00%、20.00%。",
    );
    reports(
        "growth-rate",
        "共受理审查逮捕案件90件120人，去年同期为100件150人，件数和人数分别同比下降10.00%、25.00%。",
        "25.00%",
        Severity::Error,
    );
}

/// The level of the noun stated in an earlier sentence:
/// 231376431 ÷ (492762506 − 231376431) = 88.52%.
#[test]
fn t3_level_in_an_earlier_sentence() {
    let right =
        "全国人户分离人口为492762506人。与2010年相比，人户分离人口增加231376431人，增长88.52%。";
    silent("growth-rate", right);
    reports(
        "growth-rate",
        &right.replace("88.52%", "85.52%"),
        "85.52%",
        Severity::Warning,
    );
}

/// A lead sentence that sums up a growth stated with its figures below:
/// 2005.0 ÷ (17255.8 + 2005.0) = 10.41%.
#[test]
fn t3_rate_summed_up_before_its_statement() {
    let right = "与2013年末相比，2018年末第二产业从业人员下降10.4%。2018年末，第二产业的从业人员为17255.8万人，减少2005.0万人，下降10.4%。";
    silent("growth-rate", right);
    reports(
        "growth-rate",
        &right.replacen("下降10.4%", "下降12.4%", 1),
        "12.4%",
        Severity::Warning,
    );
}

/// The previous month in a table of months: 360 ÷ 400 − 1 = −10.0%.
#[test]
fn t5_previous_month_in_a_table() {
    let text = |rate: &str| {
        format!(
            "| 月份 | 刑事类警情 | 治安类警情 |\n|---|---|---|\n| 2021年5月 | 400 | 900 |\n| 2021年6月 | 360 | 810 |\n\n6月份，全市共接刑事类报警360起，较上月相比下降{rate}。\n"
        )
    };
    let config = Config::builtin().unwrap();
    let check = |text: &str| -> Vec<Diagnostic> {
        let doc =
            yblint::source::from_text("月报.md", yblint::source::Kind::Markdown, text.to_string());
        yblint::check_document(&doc, &config)
            .unwrap()
            .into_iter()
            .filter(|d| d.rule == "growth-rate")
            .collect()
    };
    assert!(check(&text("10.0%")).is_empty());
    let f = check(&text("12.0%"));
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].severity, Severity::Warning);
}

// ---------------------------------------------------------------- T6

/// 52000 ÷ 48000 × 100 = 108.33.
#[test]
fn t6_sex_ratio_with_a_note_in_brackets() {
    let right = "全县常住人口中，男性为52000人，女性为48000人，性别比（以女性为100，男性对女性的比例）为108.33。";
    silent("structure-ratio", right);
    reports(
        "structure-ratio",
        &right.replace("108.33", "110.33"),
        "110.33",
        Severity::Error,
    );
}

#[test]
fn t6_structures_and_ratios_per_one() {
    silent("structure-ratio", "全县三次产业比重为10.5:40.2:49.3。");
    assert_eq!(
        found("structure-ratio", "全县三次产业比重为10.5:40.2:50.3。").len(),
        1
    );
    // 46349 ÷ 25444 = 1.82.
    let right =
        "城镇居民人均可支配收入46349元，农村居民人均可支配收入25444元，城乡居民收入比为1.82:1。";
    silent("rate-formula", right);
    reports(
        "rate-formula",
        &right.replace("1.82:1", "1.92:1"),
        "1.92:1",
        Severity::Error,
    );
}
