//! Correct published text that looks like a breakdown but is not one, or is
//! one that adds up: breakdown-sum must stay silent on every paragraph here.
//! Each test names the trap (DESIGN §4) it guards.

mod common;

use common::{assert_reports, assert_silent, Expect};

#[test]
fn a_change_before_qizhong_is_not_the_total() {
    // 比上年减少4所 is a change; the total is 86所 (52 + 18 < 86: a subset).
    assert_silent(
        "教育.txt",
        "2020年，全县有各级各类学校86所，比上年减少4所，其中，小学52所，初中18所。",
    );
}

#[test]
fn a_new_statement_verb_ends_the_parts() {
    // 撤并学校6所 and 审结1180件 are new statements, not parts.
    assert_silent(
        "教育.txt",
        "全县有各级各类学校86所，其中，小学52所，初中18所，高中12所，撤并学校6所。全年共受理各类案件1260件，其中，民事案件860件，刑事案件230件，行政案件170件，审结1180件。",
    );
}

#[test]
fn another_years_figure_is_not_a_part() {
    assert_silent(
        "民政.txt",
        "全县有特困供养对象754户，其中，城市21户，农村733户，2019年为745户。",
    );
}

#[test]
fn parts_that_name_an_earlier_figure_are_not_checked_against_a_later_one() {
    // 女生/男生 divide the 320 students, not the 45 teachers.
    assert_silent(
        "教育.txt",
        "全县有学生320人，教师45人，其中，女生160人，男生160人。",
    );
}

#[test]
fn qizhong_after_a_sentence_of_several_figures_of_one_unit() {
    // The previous sentence states 5.62万人 and 4120人: which one 1.38万人 of
    // children divides is not said, so persons are not checked; schools are.
    assert_silent(
        "教育.txt",
        "年末全县共有各级各类学校128所，在校学生5.62万人，专任教师4120人。其中，幼儿园46所，在园幼儿1.38万人；小学58所，在校学生2.46万人。",
    );
}

#[test]
fn a_flow_is_not_part_of_a_stock() {
    // The year's new loans (a flow) can exceed the balance (a stock).
    assert_silent(
        "公积金.txt",
        "年末住房公积金个人住房贷款余额2.78亿元，其中发放个人住房贷款3.2亿元。",
    );
}

#[test]
fn a_note_on_rounding_explains_the_gap() {
    assert_silent(
        "民政.txt",
        "全县有城乡低保对象2860户，其中，城市低保对象460户，农村低保对象2390户（因四舍五入及统计口径调整，分项之和与合计略有出入）。",
    );
}

#[test]
fn a_figure_inside_a_new_statement_is_not_a_part() {
    assert_silent(
        "民政.txt",
        "全县有农村低保对象1540人，其中，一类保障对象210人，为1360名困难群众代缴城乡居民医疗保险。",
    );
}

#[test]
fn per_thousand_figures_are_not_parts() {
    assert_silent(
        "卫生.txt",
        "全县共有卫生技术人员2860人，其中，执业（助理）医师1120人，注册护士1050人，每千人口拥有执业医师2.6人。",
    );
}

#[test]
fn correct_paragraphs_across_domains_are_silent() {
    for (name, text) in [
        ("人口.txt", "年末全县户籍人口31.25万人，比上年增加0.32万人。其中，城镇人口12.46万人，乡村人口18.79万人。"),
        ("财政.txt", "全年一般公共预算收入5.62亿元，增长8.3%，其中，税收收入3.91亿元，增长6.2%；非税收入1.71亿元，增长13.1%。"),
        ("卫生.txt", "全县有医疗卫生机构312个，其中，医院12个，乡镇卫生院28个，村卫生室265个，其他机构7个；卫生技术人员2860人，其中，执业（助理）医师1120人，注册护士1050人。"),
        ("农业.txt", "全年粮食播种面积45.6万亩，其中，夏粮18.2万亩，秋粮27.4万亩；粮食总产量16.8万吨，其中，夏粮6.1万吨，秋粮10.7万吨。"),
        ("交通.txt", "年末公路总里程3260公里，其中，高速公路86千米，国道210公里，省道386公里，县道620公里，乡道1958公里。"),
        ("旅游.txt", "全年接待游客520.6万人次，其中，国内游客518.3万人次，入境游客2.3万人次；实现旅游总收入48.6亿元。"),
        ("林业.txt", "全年完成造林1.2万亩，其中，人工造林0.8万亩（含退耕还林0.3万亩），封山育林0.4万亩。"),
        ("人口.txt", "2020年末，全县户籍总人口为52.36万人，其中，男性26.81万人，女性25.55万人；城镇人口19.42万人，乡村人口32.94万人。"),
        ("交通.txt", "年末全县公路总里程4126.5公里，其中，高速公路112.6公里，一级公路86.4公里，二级公路326.8公里，三级公路612.3公里，四级公路2988.4公里。"),
    ] {
        assert_silent(name, text);
    }
}

#[test]
fn the_same_structures_with_a_wrong_figure_are_reported() {
    // 男性 + 女性 = 52.46万, 0.10万 above 52.36万: the rounding of four
    // two-decimal figures allows 0.02万 at most.
    let text = "2020年末，全县户籍总人口为52.36万人，其中，男性26.91万人，女性25.55万人；城镇人口19.42万人，乡村人口32.94万人。";
    assert_reports(
        "人口.txt",
        text,
        &[Expect {
            total: "52.36万人",
            nth: 0,
            parts: &["26.91万人", "25.55万人"],
            message: "parts add up to 52.46 万人, more than the total 52.36 万人",
            notes: &["26.91 + 25.55 = 52.46 万人, 0.10 more than 52.36 万人"],
        }],
    );
}
