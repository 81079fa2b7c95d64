//! Correct published text that looks like a breakdown but is not one, or is
//! one that adds up: breakdown-sum must stay silent on every paragraph here.
//! Each test names the trap it guards: a figure that looks like a part of a
//! sum and is not.

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

#[test]
fn parts_that_name_something_narrower_than_the_total_are_not_exhaustive() {
    // 城市/农村 split only the 低保金, not all relief funds; 公办/民办 split
    // kindergartens, not all schools; 男/女 split full-time teachers only.
    assert_silent(
        "民政.txt",
        "全年发放城乡低保、特困供养、临时救助等各类救助资金2.14亿元，其中，城市低保金0.52亿元，农村低保金1.06亿元。全县有各级各类学校148所，其中，公办幼儿园41所，民办幼儿园25所。全县有教职工7215人，其中，男专任教师2236人，女专任教师4102人。",
    );
}

#[test]
fn year_on_year_changes_of_a_part_are_not_parts() {
    assert_silent(
        "金融.txt",
        "年末各项贷款余额286.52亿元，其中，住户贷款余额131.40亿元，同比多增5.86亿元；企（事）业单位贷款余额155.12亿元，同比少增1.93亿元。",
    );
}

#[test]
fn a_cap_or_threshold_is_not_a_part() {
    assert_silent(
        "就业.txt",
        "全年发放创业担保贷款1.48亿元，其中，个人创业担保贷款0.93亿元，单笔最高20万元；小微企业创业担保贷款0.55亿元，单笔最高300万元。",
    );
    assert_silent(
        "就业.txt",
        "全年发放创业担保贷款1.48亿元，其中，个人创业担保贷款0.93亿元，最高额度20万元；小微企业创业担保贷款0.55亿元，最高额度300万元。",
    );
    // Villages above 50万 are among those above 10万.
    assert_silent(
        "农业.txt",
        "全县有行政村212个，其中，村集体经济收入10万元以上的村187个，50万元以上的村41个。",
    );
}

#[test]
fn a_semicolon_after_another_statement_ends_the_list() {
    // 在册教职人员 is a new statement; the 38 处 after it is another count of
    // the same places, not a fifth part.
    assert_silent(
        "宗教.txt",
        "【概述】 2020 年，全市有宗教活动场所 38 处和 4 个固定处所，其中，佛教 21 处，道教 9 处，天主教 3 处，基督教 5 处，在册教职人员 412 名；登记开放场所 38 处；涉及 12 个乡镇。",
    );
}

#[test]
fn a_numbered_heading_after_a_line_without_a_stop_starts_a_new_paragraph() {
    assert_silent(
        "教育.txt",
        "全县有中小学校64所，其中，小学45所，初中19所\n\n二、学前教育\n\n全县有幼儿园58所，其中，公办幼儿园36所，民办幼儿园22所。",
    );
}

#[test]
fn an_unmatched_parenthesis_does_not_hide_the_rest_of_the_sentence() {
    let text = "全县有学校126所（含教学点，其中，小学82所，初中36所，高中22所。";
    assert_reports(
        "教育.txt",
        text,
        &[Expect {
            total: "126所",
            nth: 0,
            parts: &["82所", "36所", "22所"],
            message: "parts add up to 140 所, more than the total 126 所",
            notes: &[
                "82 + 36 + 22 = 140 所, 14 more than 126 所",
                "parts after 其中 are subsets of the total: together they cannot exceed it",
            ],
        }],
    );
}

#[test]
fn lists_set_out_with_semicolons_are_checked() {
    let text = "全县有学校64所，其中：小学45所；初中19所；高中6所。";
    assert_reports(
        "教育.txt",
        text,
        &[Expect {
            total: "64所",
            nth: 0,
            parts: &["45所", "19所", "6所"],
            message: "parts add up to 70 所, more than the total 64 所",
            notes: &[
                "45 + 19 + 6 = 70 所, 6 more than 64 所",
                "parts after 其中 are subsets of the total: together they cannot exceed it",
            ],
        }],
    );
}

#[test]
fn a_statement_about_another_unit_between_parts_does_not_end_the_partition() {
    // 发放低保金… is about money; the 户 parts go on after it: 1412 + 4013 = 5425, 1000 short.
    let text = "全县有城乡低保对象6425户，其中，城市低保对象1412户，发放低保金2311.6万元；农村低保对象4013户，发放低保金4820.3万元。";
    assert_reports(
        "民政.txt",
        text,
        &[Expect {
            total: "6425户",
            nth: 0,
            parts: &["1412户", "4013户"],
            message: "parts add up to 5425 户, but the total is 6425 户",
            notes: &[
                "1412 + 4013 = 5425 户, 1000 short of 6425 户 (parts 城市/农村 cover the whole)",
            ],
        }],
    );
}

#[test]
fn chinese_numerals_are_figures() {
    let text = "全县有普通高中六所，其中，公办四所，民办三所。";
    assert_reports(
        "教育.txt",
        text,
        &[Expect {
            total: "六所",
            nth: 0,
            parts: &["四所", "三所"],
            message: "parts add up to 7 所, more than the total 6 所",
            notes: &["4 + 3 = 7 所, 1 more than 6 所"],
        }],
    );
}

#[test]
fn a_rounding_note_widens_the_tolerance_but_does_not_hide_a_real_gap() {
    // 27.46 + 24.93 = 52.39 against 52.36: 0.03 is beyond half-steps
    // (0.015): an error without a note, silent with a rounding note (whole
    // steps allow 0.03).
    let close = "全县户籍人口52.36万人，其中，城镇人口27.46万人，乡村人口24.93万人。";
    assert_reports(
        "人口.txt",
        close,
        &[Expect {
            total: "52.36万人",
            nth: 0,
            parts: &["27.46万人", "24.93万人"],
            message: "parts add up to 52.39 万人, more than the total 52.36 万人",
            notes: &["27.46 + 24.93 = 52.39 万人, 0.03 more than 52.36 万人"],
        }],
    );
    assert_silent(
        "人口.txt",
        &format!("{close}部分数据因四舍五入，分项之和与总数略有出入。"),
    );
    let text = "全县户籍人口52.36万人，其中，城镇人口31.84万人，乡村人口30.52万人。部分数据因四舍五入，分项之和与总数略有出入。";
    assert_reports(
        "人口.txt",
        text,
        &[Expect {
            total: "52.36万人",
            nth: 0,
            parts: &["31.84万人", "30.52万人"],
            message: "parts add up to 62.36 万人, more than the total 52.36 万人",
            notes: &[
                "31.84 + 30.52 = 62.36 万人, 10.00 more than 52.36 万人",
                "the paragraph notes independent rounding (四舍五入): each figure was allowed a whole step of its last digit",
            ],
        }],
    );
}

#[test]
fn fenbie_lists_with_the_total_after_or_without_a_head_noun() {
    let text = "全县小学、初中、高中在校学生分别为21356人、12480人和6532人，合计38368人。";
    assert_reports(
        "教育.txt",
        text,
        &[Expect {
            total: "38368人",
            nth: 0,
            parts: &["21356人", "12480人", "6532人"],
            message: "parts add up to 40368 人, more than the total 38368 人",
            notes: &["21356 + 12480 + 6532 = 40368 人, 2000 more than 38368 人"],
        }],
    );
    let text = "全县户籍人口52.36万人，男性、女性分别为26.93万人和24.43万人。";
    assert_reports(
        "人口.txt",
        text,
        &[Expect {
            total: "52.36万人",
            nth: 0,
            parts: &["26.93万人", "24.43万人"],
            message: "parts add up to 51.36 万人, but the total is 52.36 万人",
            notes: &["26.93 + 24.43 = 51.36 万人, 1.00 short of 52.36 万人 (parts 男性/女性 cover the whole)"],
        }],
    );
}

#[test]
fn yu_figures_have_an_upper_bound() {
    // 1200余人 is below 1300; a part of 1876 cannot belong to it.
    let text = "全县有网格员1200余人，其中，专职网格员360人，兼职网格员1876人。";
    assert_reports(
        "网格.txt",
        text,
        &[Expect {
            total: "1200余人",
            nth: 0,
            parts: &["1876人"],
            message: "a part, 1876人, is more than its total 1200余人",
            notes: &["1876人 > 1200余人: a part of a breakdown cannot exceed its total, even where parts overlap"],
        }],
    );
    // 300多人 allows up to 400: 160 + 236 = 396 is fine.
    assert_silent(
        "网格.txt",
        "全县有网格员300多人，其中，专职网格员160人，兼职网格员236人。",
    );
}

#[test]
fn the_first_part_of_a_nested_breakdown_cannot_exceed_its_total() {
    let text =
        "全县有专任教师5120人，其中，小学专任教师2846人，其中，女教师3105人，初中专任教师1620人。";
    assert_reports(
        "教育.txt",
        text,
        &[Expect {
            total: "2846人",
            nth: 0,
            parts: &["3105人"],
            message: "a part, 3105人, is more than its total 2846人",
            notes: &["3105人 > 2846人: a part of a breakdown cannot exceed its total, even where parts overlap"],
        }],
    );
}

#[test]
fn figures_in_mu_are_shown_as_written() {
    // 亩 converts to square metres with an inexact factor; the note must
    // still read in the draft's own unit and digits.
    let text = "全年粮食播种面积35.2万亩，其中，夏粮播种面积14.1万亩，秋粮播种面积22.3万亩。";
    assert_reports(
        "农业.txt",
        text,
        &[Expect {
            total: "35.2万亩",
            nth: 0,
            parts: &["14.1万亩", "22.3万亩"],
            message: "parts add up to 36.4 万亩, more than the total 35.2 万亩",
            notes: &["14.1 + 22.3 = 36.4 万亩, 1.2 more than 35.2 万亩"],
        }],
    );
}

#[test]
fn the_next_total_after_a_semicolon_is_not_a_part() {
    // Without 其中：, a bare clause after ； is the next total, not a part.
    for text in [
        "【学校】 全县有小学52所，其中，中心小学19所，村小33所；初中17所，其中，九年一贯制学校5所。",
        "【保险】 全年保险机构实现保费收入7.34亿元，其中，财产险保费收入2.61亿元，人身险保费收入4.73亿元；赔付支出2.48亿元，其中，财产险赔付1.37亿元，人身险赔付1.11亿元。",
        "【卫生人员】 全县有执业（助理）医师1342人，其中，执业医师1025人，执业助理医师317人；注册护士1618人。",
        "【行政区划】 全县辖乡镇十四个，其中，镇九个，乡五个；行政村二百一十六个，社区十一个。",
    ] {
        assert_silent("分号.txt", text);
    }
}

#[test]
fn the_totals_partner_in_a_partition_is_not_its_part() {
    assert_silent(
        "低保.txt",
        "全县有城市低保对象1342户，其中，重点保障对象326户；农村低保对象4105户，其中，重点保障对象1088户。",
    );
}

#[test]
fn per_capita_figures_split_by_population_are_never_added() {
    for text in [
        "【居民收入】 全县居民人均可支配收入27416元，比上年增长6.5%。城镇、农村分别为39108元和17654元。",
        "【居民收入】 全县居民人均可支配收入27416元，其中，城镇居民39108元，农村居民17654元。",
    ] {
        assert_silent("收入.txt", text);
    }
}

#[test]
fn a_list_after_a_restricting_clause_divides_the_restricted_group() {
    for text in [
        // 男性/女性 divide the elderly, not the whole population.
        "【老年人口】 全县户籍人口497216人，60岁以上老年人中，男性、女性分别为47352人和53418人。",
        // 城镇/农村 divide the 低保对象, not the population before them.
        "【低保】 年末全县户籍人口497216人。城镇、农村低保对象分别为1315人和4086人。",
        // 男性/女性 divide the rural population.
        "【人口】 全县户籍人口497216人，其中，城镇人口203518人，乡村人口293698人，乡村人口中，男性149875人，女性143823人。",
    ] {
        assert_silent("人口.txt", text);
    }
}

#[test]
fn a_bound_before_the_total_is_respected_and_the_present_is_not_the_year() {
    assert_silent(
        "人口.txt",
        "全县常住人口突破46万人，其中，城镇人口22.18万人，乡村人口24.35万人。",
    );
    assert_silent(
        "市场.txt",
        "全年新登记市场主体6015户，其中，企业1322户，个体工商户4693户，目前全县实有市场主体43862户。",
    );
}

#[test]
fn a_figure_that_names_a_listed_category_is_not_the_lists_total() {
    for text in [
        "全县高中在校学生6318人。小学、初中、高中在校学生分别为22104人、11582人和6318人。",
        "【人民调解】 全县有调委会362个，其中，行业性专业性调委会八个。村（居）调委会、乡镇调委会、行业性专业性调委会分别为336个、18个和8个。",
        "全县有各级各类学校88所，已知幼儿园26所，小学、初中、幼儿园分别为47所、15所和26所。",
    ] {
        assert_silent("分别为.txt", text);
    }
}

#[test]
fn ownership_types_overlap() {
    assert_silent(
        "工业.txt",
        "全县规模以上工业企业131家，其中，国有控股企业9家，私营企业101家，外商投资企业12家，股份制企业16家。",
    );
}

#[test]
fn a_decimal_broken_across_lines_is_read_whole() {
    // 871.6 / 8 and 448.7 / 2 are 871.68 and 448.72: 448.72 + 422.96 = 871.68.
    assert_silent(
        "财政.txt",
        "全年一般公共预算收入871.6\n8亿元，其中，税收收入448.7\n\n2亿元，非税收入422.96亿元。",
    );
}

#[test]
fn ordinary_words_that_contain_cap_words_are_counted() {
    // 最低生活保障 (低保) and 高标准农田 are things counted, not caps.
    let text = "全县有最低生活保障对象5312人，其中，城市最低生活保障对象1298人，农村最低生活保障对象3914人。";
    assert_reports(
        "民政.txt",
        text,
        &[Expect {
            total: "5312人",
            nth: 0,
            parts: &["1298人", "3914人"],
            message: "parts add up to 5212 人, but the total is 5312 人",
            notes: &[
                "1298 + 3914 = 5212 人, 100 short of 5312 人 (parts 城市/农村 cover the whole)",
            ],
        }],
    );
}

#[test]
fn a_total_stated_as_the_sum_of_a_list_covers_it() {
    let text = "全县小学、初中、高中专任教师分别为1904人、1047人和512人，共计3473人。";
    assert_reports(
        "教育.txt",
        text,
        &[Expect {
            total: "3473人",
            nth: 0,
            parts: &["1904人", "1047人", "512人"],
            message: "parts add up to 3463 人, but the total is 3473 人",
            notes: &["1904 + 1047 + 512 = 3463 人, 10 short of 3473 人 (the total is stated as their sum)"],
        }],
    );
    // A total after the list that names more than the list does not cover it.
    assert_silent(
        "教育.txt",
        "全县小学、初中专任教师分别为1904人、1047人，全县共有中小学教职工3473人。",
    );
}

#[test]
fn imports_and_exports_divide_their_total() {
    let text = "全年进出口总额13.42亿元，其中，出口9.96亿元，进口3.46亿元。";
    assert_silent("外贸.txt", text);
    let text = "全年进出口总额13.42亿元，其中，出口9.86亿元，进口3.36亿元。";
    assert_reports(
        "外贸.txt",
        text,
        &[Expect {
            total: "13.42亿元",
            nth: 0,
            parts: &["9.86亿元", "3.36亿元"],
            message: "parts add up to 13.22 亿元, but the total is 13.42 亿元",
            notes: &["9.86 + 3.36 = 13.22 亿元, 0.20 short of 13.42 亿元 (parts 出口/进口 cover the whole)"],
        }],
    );
}

#[test]
fn a_note_in_another_sentence_does_not_silence_a_breakdown() {
    // The note is about expenditure; the population breakdown is still checked.
    let text = "全县户籍人口497216人，其中，男性253418人，女性242798人。全年一般公共预算支出38.6亿元（不含债务还本支出）。";
    assert_reports(
        "人口.txt",
        text,
        &[Expect {
            total: "497216人",
            nth: 0,
            parts: &["253418人", "242798人"],
            message: "parts add up to 496216 人, but the total is 497216 人",
            notes: &["253418 + 242798 = 496216 人, 1000 short of 497216 人 (parts 男性/女性 cover the whole)"],
        }],
    );
}

#[test]
fn an_approximate_total_is_compared_by_its_bound() {
    let text = "全县有养老机构30余家，其中，公办养老机构29家，民办养老机构15家。";
    assert_reports(
        "养老.txt",
        text,
        &[Expect {
            total: "30余家",
            nth: 0,
            parts: &["29家", "15家"],
            message: "parts add up to 44 家, more than the total 30余家 allows",
            notes: &[
                "29 + 15 = 44 家, 4 more than 40 家, the most that 30余家 can be",
                "approximate figures (余, 多, 约, 近, 以上, 以下) count only as bounds",
            ],
        }],
    );
}

#[test]
fn chinese_numerals_with_yu_and_decimals_are_read() {
    // 二百余个 is below 300: 190 + 150 = 340 exceeds it.
    let text = "全县有登记社会组织二百余个，其中，社会团体一百九十个，基金会等其他组织一百五十个。";
    assert_reports(
        "社会组织.txt",
        text,
        &[Expect {
            total: "二百余个",
            nth: 0,
            parts: &["一百九十个", "一百五十个"],
            message: "parts add up to 340 个, more than the total 二百余个 allows",
            notes: &[
                "190 + 150 = 340 个, 40 more than 300 个, the most that 二百余个 can be",
                "approximate figures (余, 多, 约, 近, 以上, 以下) count only as bounds",
                "parts after 其中 are subsets of the total: together they cannot exceed it",
            ],
        }],
    );
    assert_silent(
        "人口.txt",
        "常住人口四十六点二万人，其中，城镇人口二十一点八万人，乡村人口二十四点四万人。",
    );
}

#[test]
fn a_result_after_a_complete_breakdown_is_not_a_part() {
    // The first parts already add up to the total: what follows is a new
    // statement, whatever verb or adverb opens it.
    for text in [
        "【信访】 全年共受理群众信访事项384件，其中，来信97件，来访287件，已办结371件，办结率为96.6%。",
        "【高考】 全县参加普通高考考生2914人，其中，物理类1846人，历史类1068人，录取2703人，录取率为92.8%。",
        "【医院】 年末有职工702人，其中，在编职工331人，编外聘用人员371人；卫生技术人员598人，其中，执业医师192人，注册护士291人。",
        "【财政】 全年一般公共预算收入12.48亿元，其中，税收收入8.61亿元，非税收入3.87亿元，一般公共预算支出37.25亿元。",
        "【交通】 全乡有公路192.4公里，其中，国道55.2公里，县乡道38.9公里，村道98.3公里，乡政府驻地海拔4150米。",
    ] {
        assert_silent("结果.txt", text);
    }
}

#[test]
fn a_page_number_left_by_a_page_break_is_not_read_as_digits() {
    assert_silent(
        "低保.txt",
        "全县有城乡低保对象5796户，其中，城市低保对象1302户，农村低保对象\n\n126\n\n4494户。",
    );
    assert_silent(
        "低保.txt",
        "全县有城乡低保对象5796户，其中，城市低保对象1302户，农村低保对象\n·126·\n4494户。",
    );
    // A bare page number on a line of its own, before a line that opens
    // with the figure it interrupted.
    assert_silent(
        "林业.txt",
        "全年完成造林面积2.41万亩，其中，人工造林1.29万亩，封山育林\n12\n1.12万亩。",
    );
}

#[test]
fn markdown_list_items_start_their_own_paragraphs() {
    // Without a full stop after the list, the next paragraph must not be
    // read as one more item of it.
    assert_silent(
        "残联.md",
        "年末全县有残疾人8764人，其中：\n\n- 视力残疾1342人\n- 肢体残疾4118人\n\n60岁及以上老年人18930人。\n",
    );
}

#[test]
fn losses_and_net_flows_are_not_added_as_written() {
    for text in [
        "全年规模以上工业企业实现利润总额12.84亿元，其中，盈利企业实现利润15.97亿元，亏损企业亏损额3.13亿元。",
        "全年规模以上工业企业实现利润总额12.84亿元，其中，国有控股企业利润总额15.97亿元，私营企业利润总额-3.13亿元。",
        "全年规模以上工业企业实现利润总额-3.71亿元，其中，国有控股企业利润总额-5.92亿元，私营企业利润总额2.21亿元。",
        "全年全县户籍人口机械变动为净迁出1312人，其中，城关镇净迁入372人，其他乡镇净迁出1684人。",
    ] {
        assert_silent("利润.txt", text);
    }
}

#[test]
fn a_later_figure_that_merely_contains_gong_is_not_a_lists_total() {
    for text in [
        "全县城市、农村公厕分别为31座、52座，新建公共厕所20座。",
        "全县男、女团员分别为312人、508人，共青团干部21人。",
    ] {
        assert_silent("分别为.txt", text);
    }
}

#[test]
fn a_number_wrapped_onto_a_line_of_its_own_is_a_figure_not_a_page_number() {
    // 45 between two lines of text is the number of teachers; with a blank
    // line beside it, 126 would be a page number.
    assert_silent(
        "教育.txt",
        "全县有学生32人，教师\n45\n人，其中，女教师30人，男教师15人。",
    );
    assert_silent(
        "低保.txt",
        "全县有城乡低保对象5796户，其中，城市低保对象1302户，农村低保对象\n\n126\n4494户。",
    );
}
