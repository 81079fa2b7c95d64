//! `share` as a user sees it through `yblint check --format json`: shares
//! that agree with their part and base, shares that do not, the rounding
//! boundary on both sides, bounds, shares in words, and the traps that must
//! stay silent. The arithmetic in the comments was done by hand.

mod common;

use common::{diags_of, Diag, Workspace};

/// The `share` diagnostics of `text` (and checks the exit code agrees with
/// the severities).
fn share(text: &str) -> Vec<Diag> {
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
    diags_of(&doc, "share", text.as_bytes())
}

fn silent(text: &str) {
    let d = share(text);
    assert!(d.is_empty(), "expected no share diagnostic, got {d:#?}");
}

/// Exactly one share diagnostic: its severity, the stated share it points
/// at, its part and base labels, and its message.
fn one(text: &str, severity: &str, stated: &str, part: &str, base: &str, message: &str) -> Diag {
    let d = share(text);
    assert_eq!(d.len(), 1, "one share diagnostic expected, got {d:#?}");
    let d = d.into_iter().next().unwrap();
    assert_eq!(d.category, "arithmetic");
    assert_eq!(d.severity, severity);
    assert_eq!(d.span.text, stated);
    assert_eq!(d.primary_message, "stated share");
    assert_eq!(
        d.secondary,
        vec![
            (part.to_string(), "part".to_string()),
            (base.to_string(), "base".to_string())
        ]
    );
    assert_eq!(d.message, message);
    d
}

// ------------------------------------------------------------ 101, 102

/// 101 in other words: 3760 ÷ 4700 = 80.0%.
#[test]
fn case101_share_agrees_with_part_and_base() {
    silent("【医疗救助】 全年支出医疗救助资金4700万元，其中，住院救助资金3760万元，占全部医疗救助资金的80.0%。");
}

/// 102 in other words: 3760 ÷ 4700 = 80.0% (3759.5 ÷ 4700.5 = 79.981% to
/// 3760.5 ÷ 4699.5 = 80.019%), stated 86.0%; part and base in
/// the share's own sentence, so an error.
#[test]
fn case102_share_contradicts_part_and_base() {
    let d = one(
        "【医疗救助】 全年支出医疗救助资金4700万元，其中，住院救助资金3760万元，占全部医疗救助资金的86.0%。",
        "error",
        "86.0%",
        "3760万元",
        "4700万元",
        "share stated 86.0%, but 住院救助资金 3760万元 ÷ 全部医疗救助资金 4700万元 = 80.0%",
    );
    assert_eq!(
        d.notes,
        vec!["3760万元 ÷ 4700万元 × 100 lies in 79.981% to 80.019% (each figure ± half a unit of its last digit); 86.0% allows 85.95% to 86.05%".to_string()]
    );
}

/// A share of 亿元 and 万元 figures: the units convert (8600万元 ÷ 2.15亿元 = 40.0%).
#[test]
fn magnitudes_convert() {
    silent("全年完成固定资产投资2.15亿元，其中，民间投资8600万元，占全部投资的40.0%。");
    one(
        "全年完成固定资产投资2.15亿元，其中，民间投资8600万元，占全部投资的46.0%。",
        "error",
        "46.0%",
        "8600万元",
        "2.15亿元",
        "share stated 46.0%, but 民间投资 8600万元 ÷ 全部投资 2.15亿元 = 40.0%",
    );
}

// ------------------------------------------------------------ rounding

/// 6245 ÷ 10000 = 62.45%: exactly on the lower edge of what 62.5% allows
/// (62.45–62.55), so it is given the benefit of the doubt.
#[test]
fn rounding_boundary_just_inside() {
    silent("全县城乡居民养老保险参保人数10000人，其中，农村居民参保人数6245人，占全部参保人数的62.5%。");
}

/// 6244 ÷ 10000 = 62.44%: just below 62.45, outside what 62.5% allows.
#[test]
fn rounding_boundary_just_outside() {
    one(
        "全县城乡居民养老保险参保人数10000人，其中，农村居民参保人数6244人，占全部参保人数的62.5%。",
        "error",
        "62.5%",
        "6244人",
        "10000人",
        "share stated 62.5%, but 农村居民参保人数 6244人 ÷ 全部参保人数 10000人 = 62.4%",
    );
}

/// Rounded inputs widen the computed share: 1.86亿 ÷ 2.95亿 lies in
/// 62.77%–63.33%, so 63.3% is fine and 63.4% is not.
#[test]
fn rounded_inputs_give_an_interval() {
    silent("全年一般公共预算支出2.95亿元，其中，民生支出1.86亿元，占全部支出的63.3%。");
    one(
        "全年一般公共预算支出2.95亿元，其中，民生支出1.86亿元，占全部支出的63.4%。",
        "error",
        "63.4%",
        "1.86亿元",
        "2.95亿元",
        "share stated 63.4%, but 民生支出 1.86亿元 ÷ 全部支出 2.95亿元 = 63.1%",
    );
}

// ------------------------------------------------------------ bounds and words

/// `以上` is a lower bound: 4210 ÷ 5830 = 72.2% is not 90% or more, but it is
/// 70% or more.
#[test]
fn at_least_bound() {
    one(
        "全年发放低保资金5830万元，其中，农村低保资金4210万元，占全部低保资金的90%以上。",
        "error",
        "90%以上",
        "4210万元",
        "5830万元",
        "share stated 90%以上, but 农村低保资金 4210万元 ÷ 全部低保资金 5830万元 = 72%",
    );
    silent("全年发放低保资金5830万元，其中，农村低保资金4210万元，占全部低保资金的70%以上。");
}

/// `近` is an upper bound: 450 ÷ 1250 = 36% is not "nearly 30%" (at most
/// 35% for a share in words), while 360 ÷ 1250 = 28.8% is.
#[test]
fn near_bound_in_words() {
    let d = one(
        "全县有养老机构床位1250张，其中，护理型床位450张，占床位总数的近三成。",
        "error",
        "近三成",
        "450张",
        "1250张",
        "share stated 近三成, but 护理型床位 450张 ÷ 床位总数 1250张 = 36%",
    );
    assert!(d.notes.iter().any(|n| n.contains("5 percentage points")));
    silent("全县有养老机构床位1250张，其中，护理型床位360张，占床位总数的近三成。");
}

/// `超过一半`, `逾六成`, `四分之一`: shares in words, read with 5 points either side.
#[test]
fn shares_in_words() {
    silent("全县有中小学校86所，其中，寄宿制学校47所，占学校总数的一半以上。");
    one(
        "全县有中小学校86所，其中，寄宿制学校37所，占学校总数的超过一半。",
        "error",
        "超过一半",
        "37所",
        "86所",
        "share stated 超过一半, but 寄宿制学校 37所 ÷ 学校总数 86所 = 43%",
    );
    silent("全县有中小学校86所，其中，寄宿制学校55所，占学校总数的逾六成。");
    silent("全县有中小学校80所，其中，寄宿制学校21所，占学校总数的四分之一。");
    one(
        "全县有中小学校80所，其中，寄宿制学校36所，占学校总数的四分之一。",
        "error",
        "四分之一",
        "36所",
        "80所",
        "share stated 四分之一, but 寄宿制学校 36所 ÷ 学校总数 80所 = 45%",
    );
}

// ------------------------------------------------------------ loose matches

/// The base stated in an earlier sentence, found by its name: a warning.
#[test]
fn base_in_earlier_sentence_is_a_warning() {
    let d = one(
        "【社会救助】 全县发放低保资金5830万元。农村低保资金4210万元，占全部低保资金的78.2%。",
        "warning",
        "78.2%",
        "4210万元",
        "5830万元",
        "share stated 78.2%, but 农村低保资金 4210万元 ÷ 全部低保资金 5830万元 = 72.2%",
    );
    assert!(d.notes[1].contains("found by its name in an earlier sentence"));
}

/// `占比` names no base: the total of the part's breakdown is taken, with a warning.
#[test]
fn unnamed_base_is_the_breakdown_total() {
    let d = one(
        "全年发放低保资金5830万元，其中，农村低保资金4210万元，占比78.2%。",
        "warning",
        "78.2%",
        "4210万元",
        "5830万元",
        "share stated 78.2%, but 农村低保资金 4210万元 ÷ 发放低保资金 5830万元 = 72.2%",
    );
    assert!(d.notes[1].contains("total of the breakdown"));
    silent("全年发放低保资金5830万元，其中，农村低保资金4210万元，占比72.2%。");
}

/// A change clause between the part and the share is passed over.
#[test]
fn growth_clause_between_part_and_share() {
    one(
        "全年发放低保资金5830万元，其中，农村低保资金4210万元，比上年增长5.2%，占全部低保资金的62.2%。",
        "error",
        "62.2%",
        "4210万元",
        "5830万元",
        "share stated 62.2%, but 农村低保资金 4210万元 ÷ 全部低保资金 5830万元 = 72.2%",
    );
}

/// A sibling part under a partition member (城市…) is not the base.
#[test]
fn sibling_is_not_the_base() {
    one(
        "全年发放低保资金5830万元，其中，城市低保资金1620万元，农村低保资金4210万元，占全部低保资金的62.2%。",
        "error",
        "62.2%",
        "4210万元",
        "5830万元",
        "share stated 62.2%, but 农村低保资金 4210万元 ÷ 全部低保资金 5830万元 = 72.2%",
    );
}

// ------------------------------------------------------------ traps

/// 占地 and 占用 are not shares; the base of 占全镇… is not stated.
#[test]
fn land_taken_is_not_a_share() {
    silent("项目占地120亩，占全镇建设用地的3.5%。");
    silent("新建厂房占用耕地35亩，占全镇耕地的0.5%。");
}

/// A base that names only a place (全省, 全市) is not stated.
#[test]
fn base_not_stated() {
    silent("全县粮食产量18.6万吨，其中，水稻产量9.2万吨，占全市的12%。");
    silent("全县粮食产量18.6万吨，其中，水稻产量9.2万吨，占全市比重为12.0%。");
}

/// A share of another measure than the amounts stated: 人数 against 户,
/// 人数 against 万元.
#[test]
fn other_measure() {
    silent("全县低保对象1820户3350人，其中，农村低保对象1460户，占全部低保人数的43.6%。");
    silent("全年发放低保资金5830万元，其中，农村低保资金4210万元，占全部低保人数的62.2%。");
}

/// A change of a share, in points or in percent.
#[test]
fn change_of_a_share() {
    silent("全年发放低保资金5830万元，其中，农村低保资金4210万元，占比提高1.2个百分点。");
    silent("全年发放低保资金5830万元，其中，农村低保资金4210万元，占比比上年提高1.2%。");
}

/// Shares in a list (分别占…) are not paired.
#[test]
fn shares_in_a_list() {
    silent("全年发放低保资金5830万元，城市、农村低保资金分别为1620万元、4210万元，分别占全部低保资金的72.2%、27.8%。");
}

/// The base is a subset's total: 2900 ÷ 6000 = 48.3% of 小学在校学生, not of
/// all 12000 students (24.2%).
#[test]
fn base_is_a_subset_total() {
    silent(
        "全县在校学生12000人，其中，小学在校学生6000人，其中，女生2900人，占小学在校学生的48.3%。",
    );
}

/// A rate in the clause before the share leaves the part unclear.
#[test]
fn rate_in_the_same_sentence() {
    silent("全年发放低保资金5830万元，其中，农村低保资金4210万元，资金到位率为98.5%，占全部低保资金的62.2%。");
}

/// An approximate amount (约) gives no bound.
#[test]
fn approximate_amount() {
    silent("全年发放低保资金5830万元，其中，农村低保资金约4210万元，占全部低保资金的62.2%。");
}

/// A share the draft says is of another year, and a base of another year.
#[test]
fn other_year() {
    silent("全年发放低保资金5830万元，其中，农村低保资金4210万元，占上年全部低保资金的80.1%。");
    silent("【社会救助】 2019年全县低保资金5000万元。2020年，农村低保资金4210万元，占全部低保资金的62.2%。");
}

/// Two different figures under the base's name: yblint cannot tell which.
#[test]
fn ambiguous_base() {
    silent(
        "全年发放低保资金5830万元，追加低保资金620万元。农村低保资金4210万元，占低保资金的62.2%。",
    );
}

/// A visitor count against a population the draft does not state.
#[test]
fn person_times_against_population() {
    silent("全年窗口接待群众8.6万余人次，占全县总人口85%以上。");
}

/// Two figures written together before 占 (户 and 人): which one the share
/// is of is not said.
#[test]
fn two_figures_before_the_share() {
    silent(
        "全县有低保对象1.60万户4.20万人，其中，农村低保对象1.35万户3.62万人，占全县低保对象的85%。",
    );
}

// ------------------------------------------- inline bases (issue 10, S2)

/// `完成年初预算X的p%`: the base is written inline before `的`; 3.12 ÷ 5.40 =
/// 57.8%.
#[test]
fn inline_base_after_a_verb() {
    silent("全年完成一般公共预算收入3.12亿元，完成年初预算5.40亿元的57.8%。");
    one(
        "全年完成一般公共预算收入3.12亿元，完成年初预算5.40亿元的62.8%。",
        "error",
        "62.8%",
        "3.12亿元",
        "5.40亿元",
        "share stated 62.8%, but 完成一般公共预算收入 3.12亿元 ÷ 年初预算 5.40亿元 = 57.8%",
    );
}

/// A plan over-fulfilled (`为计划数8.6万头的101.2%`: 8.70 ÷ 8.6 = 101.2%), a
/// base in brackets, a noun after the base, a bare magnitude as the base,
/// and a second inline share of the same part further on.
#[test]
fn inline_bases_as_drafts_write_them() {
    silent("全年出栏生猪8.70万头，为计划数8.6万头的101.2%。");
    silent("全县到位资金25.47亿元，完成市上全年任务（42.5亿元）的59.93%；完成县上全年任务（46.5亿元）的54.77%。");
    silent("全市城镇新增就业694万人，完成全年900万人目标的77%。");
    silent("全市城镇新增就业569万人，完成全年900万目标的63%。");
    silent("累计完成投资109.2亿元，为年度目标325亿元的33.6%，占一季度计划目标102.2亿元的106.8%。");
    one(
        "累计完成投资109.2亿元，为年度目标325亿元的33.6%，占一季度计划目标102.2亿元的116.8%。",
        "error",
        "116.8%",
        "109.2亿元",
        "102.2亿元",
        "share stated 116.8%, but 累计完成投资 109.2亿元 ÷ 一季度计划目标 102.2亿元 = 106.8%",
    );
    one(
        "全市城镇新增就业694万人，完成全年900万人目标的82%。",
        "error",
        "82%",
        "694万人",
        "900万人",
        "share stated 82%, but 城镇新增就业 694万人 ÷ 全年 900万人 = 77%",
    );
}

/// Silent twins: a base of another unit (户 against 人), a figure with its
/// own noun after it as the part (the share may be of the noun's count), a
/// subject between the part and the verb, display rounding (6 ÷ 10 allows
/// 52.4%–68.4%), and 占地 with a figure after it.
#[test]
fn inline_base_traps_stay_silent() {
    silent("全年新增就业694万人，完成全年900万户目标的90%。");
    silent("建成1个县级受理大厅，完成年度目标任务2个的80%。");
    silent("全县到位资金25.47亿元，省外资金完成全年任务28.8亿元的70.2%。");
    silent("已完成通村公路6公里，占目标任务10公里的67%。");
    silent("新建厂房1.2万平方米，占地面积3.6万平方米的40%。");
}

// ------------------------------------------ bare 占p% after a lead total (S1)

/// `受理1260件…；婚姻家庭纠纷302件，占24.0%`: no breakdown, the base is the
/// lead total. 302 ÷ 1260 = 23.97%, 415 ÷ 1260 = 32.94%; 415 ÷ 1218 =
/// 34.07% (调解成功) fits 37.9% no better: a warning, since the base is
/// found by position.
#[test]
fn bare_share_after_a_lead_total() {
    silent("全年共受理矛盾纠纷1260件，调解成功1218件。婚姻家庭纠纷302件，占24.0%；邻里纠纷415件，占32.9%。");
    let d = one(
        "全年共受理矛盾纠纷1260件，调解成功1218件。婚姻家庭纠纷302件，占24.0%；邻里纠纷415件，占37.9%。",
        "warning",
        "37.9%",
        "415件",
        "1218件",
        "share stated 37.9%, but 邻里纠纷 415件 ÷ 调解成功 1218件 = 34.1%",
    );
    assert_eq!(
        d.notes.last().unwrap(),
        "the share names no base: 调解成功 1218件 is the nearest larger figure of its kind stated before it; no other such figure before it (1) fits either (check that it is the figure meant)"
    );
}

/// Silent twins: a share that fits one of the two leads (415 ÷ 1218 =
/// 34.1%), a share of a whole the draft does not state (1200 ÷ 3.5% is
/// about 34000, far from 8600 户… of another kind anyway, and from 5600人),
/// and a lead of another unit.
#[test]
fn bare_share_traps_stay_silent() {
    silent("全年共受理矛盾纠纷1260件，调解成功1218件。邻里纠纷415件，占34.1%。");
    silent("全镇有低保对象5600人。建档立卡贫困人口1200人，占3.5%。");
    silent("全县有养老机构32所，床位2860张。其中护理型床位占40.2%。");
    silent("全年受理案件1260件。涉及当事人2400人，占19.8%。");
}

// ------------------------------------------------------- 分别占 lists (S5)

/// `其中A x、B y，分别占T的p和q`: the shares paired with the parts in order.
/// 67.39 ÷ 86.40 = 78.0%, 19.01 ÷ 86.40 = 22.0%; 1260 ÷ 3680 = 34.24%.
#[test]
fn listed_shares_pair_with_the_parts_in_order() {
    silent("全年归集住房公积金和补充住房公积金86.40亿元，其中住房公积金67.39亿元、补充住房公积金19.01亿元，分别占归集总额的78%和22%。");
    silent("年末全县公路里程3680公里，其中，县道820公里，乡道1260公里，村道1600公里，占比分别为22.3%、34.2%和43.5%。");
    one(
        "年末全县公路里程3680公里，其中，县道820公里，乡道1260公里，村道1600公里，占比分别为22.3%、39.2%和43.5%。",
        "warning",
        "39.2%",
        "1260公里",
        "3680公里",
        "share stated 39.2%, but 乡道 1260公里 ÷ 公路里程 3680公里 = 34.2%",
    );
}

/// Silent twins: fewer shares than parts (which goes with which is not
/// said), and shares of another period.
#[test]
fn listed_shares_that_cannot_be_paired_stay_silent() {
    silent("年末全县公路里程3680公里，其中，县道820公里，乡道1260公里，村道1600公里，占比分别为22.3%和39.2%。");
    silent("年末全县公路里程3680公里，其中，县道820公里，乡道1260公里，村道1600公里，分别占上年的21.0%、35.0%和41.0%。");
}

// ---------------------------------- how bases and parts are found (S1, S3)

/// A second share of the same part after a first (`占调整预算100.9%，占…的
/// 48.5%`), and a base whose label ends in a verb (`收入完成`): 13866 ÷
/// 28583 = 48.51%.
#[test]
fn second_share_of_a_part_and_a_base_label_ending_in_a_verb() {
    silent("全县一般公共预算收入完成28583万元。税务部门征收13866万元，占调整预算100.93%，占一般公共预算收入的48.51%。");
    let d = share("全县一般公共预算收入完成28583万元。税务部门征收13866万元，占调整预算100.93%，占一般公共预算收入的53.51%。");
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0].span.text, "53.51%");
    assert_eq!(
        d[0].secondary,
        vec![
            ("13866万元".to_string(), "part".to_string()),
            ("28583万元".to_string(), "base".to_string())
        ]
    );
}

/// An age band before a label narrows it: `0-17岁人口93193人` is no base
/// named `总人口`; 112382 ÷ 533452 = 21.07%.
#[test]
fn an_age_band_label_is_not_the_whole() {
    silent("全县户籍总人口为533452人。0-17岁人口93193人，占总人口的17.5%；18-34岁人口112382人，占总人口的21.1%。");
    let d = share("全县户籍总人口为533452人。0-17岁人口93193人，占总人口的17.5%；18-34岁人口112382人，占总人口的26.1%。");
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0].span.text, "26.1%");
    assert_eq!(d[0].severity, "warning");
}
