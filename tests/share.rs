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

/// Shares in a list (分别占…) are paired in order with the figures listed
/// before them, named by the words before their own `分别为`: here the
/// shares are swapped (1620 ÷ 5830 = 27.8%, 4210 ÷ 5830 = 72.2%).
#[test]
fn shares_in_a_list() {
    silent("全年发放低保资金5830万元，城市、农村低保资金分别为1620万元、4210万元，分别占全部低保资金的27.8%、72.2%。");
    let d = share("全年发放低保资金5830万元，城市、农村低保资金分别为1620万元、4210万元，分别占全部低保资金的72.2%、27.8%。");
    let messages: Vec<&str> = d.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "share stated 72.2%, but 城市低保资金 1620万元 ÷ 发放低保资金 5830万元 = 27.8%",
            "share stated 27.8%, but 农村低保资金 4210万元 ÷ 发放低保资金 5830万元 = 72.2%",
        ]
    );
    assert!(d.iter().all(|d| d.severity == "warning"));
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

// ------------------------------ lists of items each with its share (S1)

/// Items each with a bare share are shares of one base: here the figure
/// before the list that two of the three fit (70 ÷ 280 = 25.0%, 42 ÷ 280 =
/// 15.0%). 56 ÷ 280 = 20.0%, stated 17.9%: reported, though 56 ÷ 312 =
/// 17.9% would fit the other figure alone.
#[test]
fn items_of_a_list_are_shares_of_one_base() {
    let text = "全年共收到群众来信312件，经审核立案280件。按内容分，涉及社会保障的来信70件，占25.0%；涉及城乡建设的来信56件，占20.0%；涉及教育的来信42件，占15.0%。";
    silent(text);
    let d = one(
        &text.replace("占20.0%", "占17.9%"),
        "warning",
        "17.9%",
        "56件",
        "280件",
        "share stated 17.9%, but 涉及城乡建设的来信 56件 ÷ 经审核立案 280件 = 20.0%",
    );
    assert_eq!(
        d.notes.last().unwrap(),
        "the share names no base: it is one of a list of 3 shares, 2 of which are shares of 经审核立案 280件 (check that it is the figure meant)"
    );
}

/// The list's base may have a share of its own (`…8.6万人，占全省户籍人口的
/// 2.1%`), and one item may name it for all (`占立案总数的…`): 0.9 ÷ 8.6 =
/// 10.5%; 120 ÷ 400 = 30.0%.
#[test]
fn a_list_base_with_its_own_share_or_named_once() {
    let text = "全省现有持证残疾人8.6万人，占全省户籍人口的2.1%。按类别分，视力残疾1.2万人，占14.0%；听力残疾0.9万人，占10.5%；肢体残疾4.3万人，占50.0%。";
    silent(text);
    one(
        &text.replace("占10.5%", "占15.5%"),
        "warning",
        "15.5%",
        "0.9万人",
        "8.6万人",
        "share stated 15.5%, but 听力残疾 0.9万人 ÷ 现有持证残疾人 8.6万人 = 10.5%",
    );
    let text = "全县立案提案400件。经济类提案160件，占立案总数的40.0%；社会类提案120件，占30.0%；文化类提案80件，占20.0%。";
    silent(text);
    one(
        &text.replace("占30.0%", "占35.0%"),
        "warning",
        "35.0%",
        "120件",
        "400件",
        "share stated 35.0%, but 社会类提案 120件 ÷ 立案提案 400件 = 30.0%",
    );
}

/// Silent twins: an item opened by `其中` inside the list is of its parent
/// (12600 ÷ 18000 = 70.0%), not of the list's base; items with shares of
/// plans of their own (`占调整预算…`) are no list of one base; a share in
/// brackets and one after `仅` are read, and agree.
#[test]
fn list_traps_stay_silent() {
    silent("全县常住人口80000人。0-14岁人口为12000人，占15.0%；15-59岁人口为50000人，占62.5%；60岁及以上人口为18000人，占22.5%，其中65岁及以上人口为12600人，占70.0%。");
    silent("税务部门完成13866万元，占调整预算100.93%；财政部门完成14717万元，占调整预算110.14%。");
    silent("全年总诊疗量84.7亿人次，其中，医院38.8亿人次（占45.8%），基层医疗卫生机构42.5亿人次（占50.2%），其他医疗卫生机构3.4亿人次（占4.0%）。");
    silent("全年接报警情262万起，其中，指派民警到场处置警情100.4万起，仅占38.3%。");
}

/// A share in brackets right after its part, and one after `仅`: 42.5 ÷ 84.7
/// = 50.2%, 100.4 ÷ 262 = 38.3%.
#[test]
fn shares_in_brackets_and_after_an_adverb() {
    one(
        "全年总诊疗量84.7亿人次，其中，医院38.8亿人次（占45.8%），基层医疗卫生机构42.5亿人次（占55.2%），其他医疗卫生机构3.4亿人次（占4.0%）。",
        "warning",
        "55.2%",
        "42.5亿人次",
        "84.7亿人次",
        "share stated 55.2%, but 基层医疗卫生机构 42.5亿人次 ÷ 诊疗量 84.7亿人次 = 50.2%",
    );
    one(
        "全年接报警情262万起，其中，指派民警到场处置警情100.4万起，仅占43.3%。",
        "warning",
        "43.3%",
        "100.4万起",
        "262万起",
        "share stated 43.3%, but 指派民警到场处置警情 100.4万起 ÷ 接报警情 262万起 = 38.3%",
    );
}

// ------------------------------------ shares of one unstated base (S4, S5)

/// Shares of one base the draft does not state imply the same base: 114.31
/// ÷ 77% ≈ 148.5亿元 and 33.67 ÷ 23% ≈ 146.4亿元 overlap within rounding;
/// 114.31 ÷ 82% is 138.55 to 140.26, 33.67 ÷ 23% is 143.26 to 149.67.
#[test]
fn shares_of_one_unstated_base_agree() {
    let text =
        "一季度住房公积金114.31亿元，占缴存额的77%；补充住房公积金33.67亿元，占缴存额的23%。";
    silent(text);
    let d = share(&text.replace("77%", "82%"));
    assert_eq!(d.len(), 1, "{d:#?}");
    let d = &d[0];
    assert_eq!(d.severity, "warning");
    assert_eq!(d.span.text, "23%");
    assert_eq!(
        d.message,
        "share stated 23%, but the other shares of 缴存额 listed with it imply another 缴存额: 33.67亿元 ÷ 23% is 143.255亿元 to 149.667亿元, theirs 138.552亿元 to 140.264亿元"
    );
    assert_eq!(
        d.secondary,
        vec![
            ("33.67亿元".to_string(), "part".to_string()),
            ("82%".to_string(), "share of the same base".to_string()),
            ("114.31亿元".to_string(), "its part".to_string()),
        ]
    );
}

/// A list after `分别` with no total before it: the shares of its parts
/// imply one base (589.4 ÷ 86.62% ≈ 680.4万件); 1.8 ÷ 2.26% is about 80万件.
#[test]
fn a_listed_share_of_an_unstated_base() {
    let text = "全年审结一审案件589.4万件，二审案件58.2万件，再审案件1.8万件，分别占审结案件总数的86.62%、8.55%、0.26%。";
    silent(text);
    let d = share(&text.replace("0.26%", "2.26%"));
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0].span.text, "2.26%");
    assert_eq!(
        d[0].message,
        "share stated 2.26%, but the other shares of 审结案件 listed with it imply another 审结案件: 1.8万件 ÷ 2.26% is 77.26万件 to 82.04万件, theirs 680.35万件 to 680.54万件"
    );
}

/// Bases written for each share of a `分别` list: 19.7 ÷ 10.65 = 185%.
#[test]
fn a_listed_share_with_its_own_inline_base() {
    let text = "全年完成交通投资83.6亿元，其中，国道57.02亿元、省道19.7亿元、农村公路6.9亿元，分别占年度目标（47亿元、10.65亿元、3亿元）的121.3%、185%、230%。";
    silent(text);
    one(
        &text.replace("185%", "175%"),
        "warning",
        "175%",
        "19.7亿元",
        "10.65亿元",
        "share stated 175%, but 省道 19.7亿元 ÷ 年度目标 10.65亿元 = 185%",
    );
}

// ------------------------------------------------ sums of shares (S6)

/// Shares of the three industries add up to 100%: 12.3 + 41.5 + 46.2.
#[test]
fn shares_of_a_partition_add_up_to_100() {
    let text = "全年第一产业增加值占地区生产总值的比重为12.3%，第二产业增加值占地区生产总值的比重为41.5%，第三产业增加值占地区生产总值的比重为46.2%。";
    silent(text);
    let d = share(&text.replace("41.5%", "46.5%"));
    assert_eq!(d.len(), 1, "{d:#?}");
    let d = &d[0];
    assert_eq!(d.severity, "warning");
    assert_eq!(d.span.text, "12.3%");
    assert_eq!(d.primary_message, "share");
    assert_eq!(
        d.message,
        "shares of 第一产业增加值、第二产业增加值、第三产业增加值 add up to 105%, more than 100%: 12.3% + 46.5% + 46.2%"
    );
    assert_eq!(
        d.secondary,
        vec![
            ("46.5%".to_string(), "share of the same whole".to_string()),
            ("46.2%".to_string(), "share of the same whole".to_string()),
        ]
    );
    assert_eq!(
        d.notes,
        vec!["the parts do not overlap (三次产业), so their shares of one whole add up to 100% at most; even at the low end of each share's rounding they add up to 104.85%".to_string()]
    );
    // Every member: they add up to 100%, not less.
    let d = share("全县户籍人口中，城镇人口占48.3%，乡村人口占41.7%。");
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(
        d[0].message,
        "shares of 城镇人口、乡村人口 add up to 90%, less than 100%: 48.3% + 41.7%"
    );
}

/// Age bands that cover every age add up to 100%; a band inside another
/// (`65岁及以上` in `60岁及以上`) is left out: 16.2 + 61.5 + 22.3 = 100.
#[test]
fn shares_of_age_bands_add_up_to_100() {
    let text = "全县常住人口中，0—14岁人口占16.2%，15—59岁人口占61.5%，60岁及以上人口占22.3%，其中65岁及以上人口占15.8%。";
    silent(text);
    let d = share(&text.replace("61.5%", "56.5%"));
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0].span.text, "16.2%");
    assert_eq!(
        d[0].message,
        "shares of 0—14岁人口、15—59岁人口、60岁及以上人口 add up to 95%, less than 100%: 16.2% + 56.5% + 22.3%"
    );
}

/// A list the sentence counts as so many kinds (`四大类`) adds up to 100% at
/// most; overlapping groups (党员, 妇女, 少数民族) are not summed.
#[test]
fn shares_of_a_counted_list_and_overlapping_groups() {
    let text = "从产品结构看，机电、纺织、轻工、农产品四大类产品出口分别增长12%、8%、5%、3%，分别占出口总额的42.1%、25.3%、21.4%、11.2%。";
    silent(text);
    let d = share(&text.replace("11.2%", "16.2%"));
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(
        d[0].message,
        "shares add up to 105%, more than 100%: 42.1% + 25.3% + 21.4% + 16.2%"
    );
    silent("全县户籍人口中，党员占8.3%，妇女占49.7%，少数民族占52.0%。");
}

// ------------------------------------------- how bases are named (S3, S4)

/// A base's label cut by a footnote mark (`（GDP）[2]完成`), a base named as
/// the breakdown's total says it (`占总支出的` after `共支出…资金`), and a base
/// named with words left out of its label (`规模企业产值`): 125964 ÷ 529757
/// = 23.8%, 439.1 ÷ 674.3 = 65.1%, 27.5 ÷ 30.2 = 91.1%.
#[test]
fn bases_named_otherwise_than_their_labels() {
    let t1 = "全年地区生产总值（GDP）[2]完成529757万元，比上年增长13.1%。其中第一产业增加值125964万元。第一产业增加值占地区生产总值的比重为23.8%。";
    silent(t1);
    one(
        &t1.replace("23.8%", "28.8%"),
        "warning",
        "28.8%",
        "125964万元",
        "529757万元",
        "share stated 28.8%, but 第一产业增加值 125964万元 ÷ 地区生产总值 529757万元 = 23.8%",
    );
    let t2 =
        "全年各级财政共支出城市低保资金674.3亿元，其中中央财政补助资金439.1亿元，占总支出的65.1%。";
    silent(t2);
    one(
        &t2.replace("65.1%", "70.1%"),
        "warning",
        "70.1%",
        "439.1亿元",
        "674.3亿元",
        "share stated 70.1%, but 中央财政补助资金 439.1亿元 ÷ 总支出 674.3亿元 = 65.1%",
    );
    let t3 = "一季度全县规模以上工业企业累计完成工业产值30.2亿元，增长46.5%。五大支柱行业累计完成工业总产值27.5亿元，增长39.6%，累计完成产值占同期全县规模企业产值总量的91.1%。";
    silent(t3);
    one(
        &t3.replace("91.1%", "95.1%"),
        "warning",
        "95.1%",
        "27.5亿元",
        "30.2亿元",
        "share stated 95.1%, but 累计完成产值 27.5亿元 ÷ 同期全县规模企业产值总量 30.2亿元 = 91.1%",
    );
}

/// Silent twins: a name with words left out that two figures fit (审结案件
/// in 审结一审案件 and in the parts' own list) finds nothing; a share of
/// another period.
#[test]
fn loose_names_that_do_not_decide_stay_silent() {
    silent("全年审结一审案件589.4万件，二审案件58.2万件，再审案件1.8万件，分别占审结案件总数的86.62%、8.55%、0.26%。");
    silent("全县规模工业企业累计完成工业产值30.2亿元，规模以上企业完成工业产值26.0亿元。五大支柱行业完成产值24.5亿元，占上年同期全县规模企业产值总量的95.0%。");
}

/// Numbered items one a paragraph, each with its share of one long-named
/// base the draft does not state (850088.3 ÷ 78.33% ≈ 1085265元, 116433.12 ÷
/// 10.73% ≈ 1085118元, 43897.73 ÷ 4.05% ≈ 1083895元, all within rounding);
/// 850088.3 ÷ 83.33% is about 1020146元. Items that each state a total of
/// their own are not of one base.
#[test]
fn numbered_items_of_one_unstated_base() {
    let text = "（一）教育支出850088.3元，占支出总预算78.33%。\n（二）社会保障和就业支出116433.12元，占支出总预算10.73%。\n（三）卫生健康支出43897.73元，占支出总预算4.05%。\n";
    silent(text);
    let d = share(&text.replace("78.33%", "83.33%"));
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0].span.text, "83.33%");
    assert_eq!(
        d[0].message,
        "share stated 83.33%, but the other shares of 支出总预算 listed with it imply another 支出总预算: 850088.3元 ÷ 83.33% is 1020085.50元 to 1020208.04元, theirs 1084612.16元 to 1085234.49元"
    );
    silent("（一）城市低保。全年共支出城市低保资金674.3亿元，其中中央补助资金439.1亿元，占总支出的65.1%。\n（二）农村低保。全年共支出农村低保资金718.0亿元，其中中央补助资金431.4亿元，占总支出的60.1%。\n");
}

/// A plan named after 完成 (`完成年度计划的37.5%`) is found like a base named
/// after 占, in the share's part of its sentence after a `；` first: 7.7 ÷
/// 67.9 = 11.3%. A plan may be over-fulfilled (11.7 ÷ 10 = 117%), and 完成
/// with no share after it is no share.
#[test]
fn a_plan_named_after_wancheng() {
    let text = "列入省重点项目36个，年度投资计划236.2亿元，完成投资88.6亿元，完成年度计划的37.5%；县重点项目55个，年度投资计划67.9亿元，完成投资7.7亿元，完成年度计划的11.4%。";
    silent(text);
    one(
        &text.replace("11.4%", "16.4%"),
        "warning",
        "16.4%",
        "7.7亿元",
        "67.9亿元",
        "share stated 16.4%, but 完成投资 7.7亿元 ÷ 年度计划 67.9亿元 = 11.3%",
    );
    silent("年度就业计划10万人。全年新增城镇就业11.7万人，完成年度计划的117%。");
    silent("全年新增城镇就业11.7万人，完成全年目标任务。");
}

/// A share written in Chinese numerals with a decimal (`百分之零点五`) is
/// 0.5%, to one decimal like `0.5%`: 2 ÷ 200 = 1.0% does not fit it, 1 ÷ 200
/// does.
#[test]
fn a_share_in_chinese_numerals_with_a_decimal() {
    let text = "全县共有规模以上企业200家，其中外资企业1家，占百分之零点五。";
    silent(text);
    one(
        &text.replace("外资企业1家", "外资企业2家"),
        "warning",
        "百分之零点五",
        "2家",
        "200家",
        "share stated 百分之零点五, but 外资企业 2家 ÷ 规模以上企业 200家 = 1.0%",
    );
}
