//! `breakdown-sum` as a user sees it through `yblint check --format json`.
//!
//! One test (or a few) per shared case 001–027 in /work/shared/cases, each
//! re-expressed as a new draft sentence with the same structure and trap but
//! other topics and figures. The arithmetic in the comments was done by hand;
//! every expected message and note states it.

mod common;

use common::{assert_reports, assert_silent, breakdown_sum, locate, locate_end, Expect};

// ---------------------------------------------------------------- 001, 002

/// 001: one sentence, two breakdowns (户 and 人), both right.
/// 215 + 1171 = 1386 户; 352 + 2065 = 2417 人.
#[test]
fn case01_households_and_persons_both_add_up() {
    assert_silent(
        "低保.txt",
        "【最低生活保障】 2020年末，全县有城乡低保对象1386户2417人，其中，城市低保对象215户352人，农村低保对象1171户2065人，全年发放低保资金986.7302万元。",
    );
}

/// 002: two breakdowns in one sentence; only the 户 one is wrong.
/// 326 + 871 = 1197 户, 10 short of 1207 户 (城市/农村 is a partition);
/// 804 + 2314 = 3118 人 is right and must not be reported.
#[test]
fn case02_households_wrong_persons_right() {
    let text = "【临时救助】 2020年，全县实施城乡临时救助1207户3118人，其中，城市临时救助326户804人，农村临时救助871户2314人，支出临时救助资金241.56万元。";
    assert_reports(
        "临时救助.txt",
        text,
        &[Expect {
            total: "1207户",
            nth: 0,
            parts: &["326户", "871户"],
            message: "parts add up to 1197 户, but the total is 1207 户",
            notes: &["326 + 871 = 1197 户, 10 short of 1207 户 (parts 城市/农村 cover the whole)"],
        }],
    );
}

// ---------------------------------------------------------------- 003

/// 003: overlapping subsets after 其中 (女教师, 少数民族教师, 职称): they may
/// add up to more than the total (2870 + 1130 + 1985 = 5985 > 4260).
#[test]
fn case03_overlapping_subsets_are_not_added() {
    assert_silent(
        "教师.txt",
        "【教师队伍】 全县中小学专任教师4260人，其中女教师2870人，少数民族教师1130人，中级及以上职称教师1985人。",
    );
}

/// 003, the other side: an overlapping subset alone larger than its total is
/// still an error (4380 > 4260).
#[test]
fn case03_overlapping_subset_larger_than_total() {
    let text = "【教师队伍】 全县中小学专任教师4260人，其中女教师2870人，少数民族教师4380人。";
    assert_reports(
        "教师.txt",
        text,
        &[Expect {
            total: "4260人",
            nth: 0,
            parts: &["4380人"],
            message: "a part, 4380人, is more than its total 4260人",
            notes: &["4380人 > 4260人: a part of a breakdown cannot exceed its total"],
        }],
    );
}

// ---------------------------------------------------------------- 004, 005

/// 004: two partitions under one 其中 opening a sentence, each adding up.
/// 58140 + 69390 = 127530; 65020 + 62510 = 127530.
#[test]
fn case04_two_partitions_each_add_up() {
    assert_silent(
        "人口.txt",
        "年末全县常住人口为127530人。其中，城镇人口58140人，乡村人口69390人；男性人口65020人，女性人口62510人。",
    );
}

/// 005: the second partition (男/女, after ；) is wrong on its own:
/// 65020 + 62410 = 127430, 100 short of 127530. The first one is right.
#[test]
fn case05_second_partition_short() {
    let text = "年末全县常住人口为127530人。其中，城镇人口58140人，乡村人口69390人；男性人口65020人，女性人口62410人。";
    assert_reports(
        "人口.txt",
        text,
        &[Expect {
            total: "127530人",
            nth: 0,
            parts: &["65020人", "62410人"],
            message: "parts add up to 127430 人, but the total is 127530 人",
            notes: &[
                "65020 + 62410 = 127430 人, 100 short of 127530 人 (parts 男性/女性 cover the whole)",
            ],
        }],
    );
}

// ---------------------------------------------------------------- 006

/// 006: per-capita figures split by population never add up
/// (24510 + 11360 is not 16280, and must not be compared).
#[test]
fn case06_per_capita_by_population_is_not_added() {
    assert_silent(
        "消费.txt",
        "全年全体居民人均消费支出16280元，其中，城镇居民人均消费支出24510元，农村居民人均消费支出11360元。",
    );
}

// ---------------------------------------------------------------- 007

/// 007: 共计 ends the breakdown; the persons figure after it (1360名) is a new
/// statement, not a third part (210 + 1360 would exceed 1540).
#[test]
fn case07_gongji_ends_the_breakdown() {
    assert_silent(
        "低保.txt",
        "全县有农村低保对象860户1540人，其中，一类保障对象120户210人，共计发放低保资金612.4万元，资助1360名困难群众参加城乡居民医疗保险。",
    );
}

/// 007, without 共计: the clause after the part is still a new statement
/// (a new verb and a new subject, 困难群众), so 1360名 is not a part of the
/// 1540 低保对象.
#[test]

fn case07_new_statement_without_gongji_is_not_a_part() {
    assert_silent(
        "低保.txt",
        "全县有农村低保对象860户1540人，其中，一类保障对象120户210人，资助1360名困难群众参加城乡居民医疗保险。",
    );
}

// ---------------------------------------------------------------- 008, 009

/// 008: 亿元 and 万元 in one breakdown: 1.32亿 + 5400万 = 1.86亿;
/// and a 万元 breakdown: 3150 + 1450 = 4600.
#[test]
fn case08_wan_and_yi_convert_and_add_up() {
    assert_silent(
        "财政.txt",
        "【财政收入】 2020年，全县一般公共预算收入1.86亿元，其中，税收收入1.32亿元，非税收入5400万元。全年发放创业担保贷款4600万元，其中，个人创业贷款3150万元，小微企业贷款1450万元。",
    );
}

/// 009: 1.38亿 + 9640万 + 7250万 + 2.26亿 = 5.329亿, 0.209亿 more than 5.12亿.
#[test]
fn case09_wan_and_yi_parts_exceed() {
    let text = "全年一般公共预算支出5.12亿元，其中，教育支出1.38亿元，社会保障和就业支出9640万元，卫生健康支出7250万元，农林水支出2.26亿元。";
    assert_reports(
        "财政支出.txt",
        text,
        &[Expect {
            total: "5.12亿元",
            nth: 0,
            parts: &["1.38亿元", "9640万元", "7250万元", "2.26亿元"],
            message: "parts add up to 5.329 亿元, more than the total 5.12 亿元",
            notes: &[
                "1.38亿元 + 9640万元 + 7250万元 + 2.26亿元 = 5.329 亿元, 0.209 more than 5.12 亿元",
                "parts after 其中 are subsets of the total: together they cannot exceed it",
            ],
        }],
    );
}

// ---------------------------------------------------------------- 010: rounding

// 18.6亿元 stands for [18.55亿, 18.65亿]; 国内/入境 is a partition, so the
// parts must add up to it within the rounding of every figure. Messages show
// sums with the most decimals written among the figures, and the total as written.

/// 17.93 + 0.71 = 18.64, which rounds to 18.6: consistent.
#[test]
fn case10_sum_rounding_to_total_is_silent() {
    assert_silent(
        "旅游.txt",
        "全年实现旅游总收入18.6亿元，其中，国内旅游收入17.93亿元，入境旅游收入0.71亿元。",
    );
}

/// 17.84 + 0.70 = 18.54; the parts stand for at least 17.835 + 0.695 = 18.53
/// and less than 17.845 + 0.705 = 18.55, and 18.6 for at least 18.55: the
/// intervals still touch, so no error.
#[test]
fn case10_sum_below_total_within_rounding_is_silent() {
    assert_silent(
        "旅游.txt",
        "全年实现旅游总收入18.6亿元，其中，国内旅游收入17.84亿元，入境旅游收入0.70亿元。",
    );
}

/// 17.94 + 0.73 = 18.67: even the smallest values (17.935 + 0.725 = 18.66)
/// are above anything 18.6 can stand for.
#[test]
fn case10_sum_just_above_tolerance_is_an_error() {
    let text = "全年实现旅游总收入18.6亿元，其中，国内旅游收入17.94亿元，入境旅游收入0.73亿元。";
    assert_reports(
        "旅游.txt",
        text,
        &[Expect {
            total: "18.6亿元",
            nth: 0,
            parts: &["17.94亿元", "0.73亿元"],
            message: "parts add up to 18.67 亿元, more than the total 18.6 亿元",
            notes: &["17.94 + 0.73 = 18.67 亿元, 0.07 more than 18.6 亿元"],
        }],
    );
}

/// 17.84 + 0.69 = 18.53: even the largest values (< 17.845 + 0.695 = 18.54)
/// are below 18.55, the least 18.6 can stand for.
#[test]
fn case10_sum_just_below_tolerance_is_an_error() {
    let text = "全年实现旅游总收入18.6亿元，其中，国内旅游收入17.84亿元，入境旅游收入0.69亿元。";
    assert_reports(
        "旅游.txt",
        text,
        &[Expect {
            total: "18.6亿元",
            nth: 0,
            parts: &["17.84亿元", "0.69亿元"],
            message: "parts add up to 18.53 亿元, but the total is 18.6 亿元",
            notes: &["17.84 + 0.69 = 18.53 亿元, 0.07 short of 18.6 亿元 (parts 国内/入境 cover the whole)"],
        }],
    );
}

/// 17.94 + 0.72 = 18.66: the parts stand for at least 17.935 + 0.715 = 18.65,
/// exactly the top edge of 18.6 (18.55–18.65). Under strict 四舍五入 18.65
/// rounds to 18.7, but a source that rounds half to even, or cuts digits,
/// gives 18.6: at the very edge yblint gives the draft the benefit of the
/// doubt and stays silent (precision before recall).
#[test]
fn case10_sum_at_the_upper_rounding_edge_is_silent() {
    assert_silent(
        "旅游.txt",
        "全年实现旅游总收入18.6亿元，其中，国内旅游收入17.94亿元，入境旅游收入0.72亿元。",
    );
}

// ---------------------------------------------------------------- 011: page breaks, spaces

/// 011: a page break splits 426 (42 / blank line / 6), and the second part
/// has spaces around the number: 426 + 1759 = 2185 人次.
#[test]
fn case11_page_break_in_number_and_spaces_add_up() {
    assert_silent(
        "临时救助.txt",
        "【临时救助】 全年救助困难群众2185人次，其中，城市困难群众42\n\n6人次，农村困难群众 1759 人次，发放救助资金 132.08 万元。",
    );
}

/// A page break inside a number, with the sum wrong: 526 + 1759 = 2285,
/// 100 more than 2185. The note shows how the broken number was read.
#[test]
fn case11_page_break_in_number_shown_in_note() {
    let text = "【临时救助】 全年救助困难群众2185人次，其中，城市困难群众52\n\n6人次，农村困难群众 1759 人次，发放救助资金 132.08 万元。";
    assert_reports(
        "临时救助.txt",
        text,
        &[Expect {
            total: "2185人次",
            nth: 0,
            parts: &["52\n\n6人次", "1759 人次"],
            message: "parts add up to 2285 人次, more than the total 2185 人次",
            notes: &[
                "526 + 1759 = 2285 人次, 100 more than 2185 人次",
                "`52⏎⏎6人次` was read as 526 人次 across a line break (page-break artefact)",
            ],
        }],
    );
}

/// A page break between two characters of a word (农 / blank line / 村) does
/// not end the sentence: 426 + 1749 = 2175, 10 short of 2185, and the second
/// part is located on line 3.
#[test]
fn case11_page_break_in_sentence_still_one_breakdown() {
    let text = "【临时救助】 全年救助困难群众2185人次，其中，城市困难群众426人次，农\n\n村困难群众 1749 人次，发放救助资金 132.08 万元。";
    let (diags, run) = breakdown_sum("临时救助.txt", text);
    assert_eq!(run.code, 1);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    common::assert_diag(
        text,
        &diags[0],
        &Expect {
            total: "2185人次",
            nth: 0,
            parts: &["426人次", "1749 人次"],
            message: "parts add up to 2175 人次, but the total is 2185 人次",
            notes: &[
                "426 + 1749 = 2175 人次, 10 short of 2185 人次 (parts 城市/农村 cover the whole)",
            ],
        },
    );
    let second = &diags[0].secondary_spans[1];
    let (at, line, column) = locate(text, "1749 人次", 0);
    assert_eq!((second.start, second.line, second.column), (at, 3, 7));
    assert_eq!((line, column), (3, 7));
    assert_eq!(
        (second.end_line, second.end_column),
        locate_end(text, "1749 人次", 0)
    );
}

// ---------------------------------------------------------------- 012: age bands

/// 012: four age bands that cover every age, in a 分别为 list whose total is
/// in the previous sentence: 14820 + 56930 + 6120 + 15490 = 93360,
/// 100 short of 93460.
#[test]
fn case12_age_bands_short() {
    let text = "年末全县常住人口为93460人。0-14岁、15-59岁、60-64岁、65岁及以上常住人口分别为14820人、56930人、6120人和15490人。";
    assert_reports(
        "人口.txt",
        text,
        &[Expect {
            total: "93460人",
            nth: 0,
            parts: &["14820人", "56930人", "6120人", "15490人"],
            message: "parts add up to 93360 人, but the total is 93460 人",
            notes: &["14820 + 56930 + 6120 + 15490 = 93360 人, 100 short of 93460 人 (the age bands cover every age)"],
        }],
    );
}

/// The same bands adding up: 14820 + 56930 + 6120 + 15590 = 93460.
#[test]
fn case12_age_bands_add_up() {
    assert_silent(
        "人口.txt",
        "年末全县常住人口为93460人。0-14岁、15-59岁、60-64岁、65岁及以上常住人口分别为14820人、56930人、6120人和15590人。",
    );
}

// ---------------------------------------------------------------- 013, 014

/// 013: parts of a non-exhaustive breakdown exceed the total:
/// 9 + 21 + 4 + 98 + 1 = 133 个, 7 more than 126.
#[test]
fn case13_subset_parts_exceed_total() {
    let text = "全县共有医疗卫生机构126个，其中，医院9个，乡镇卫生院21个，社区卫生服务中心4个，村卫生室98个，疾病预防控制中心1个。";
    assert_reports(
        "卫生.txt",
        text,
        &[Expect {
            total: "126个",
            nth: 0,
            parts: &["9个", "21个", "4个", "98个", "1个"],
            message: "parts add up to 133 个, more than the total 126 个",
            notes: &[
                "9 + 21 + 4 + 98 + 1 = 133 个, 7 more than 126 个",
                "parts after 其中 are subsets of the total: together they cannot exceed it",
            ],
        }],
    );
}

/// 014: two kinds of institution are not all of them: 9 + 21 < 126 is fine.
#[test]
fn case14_partial_subset_below_total_is_silent() {
    assert_silent(
        "卫生.txt",
        "全县共有医疗卫生机构126个，其中，医院9个，乡镇卫生院21个。",
    );
}

// ---------------------------------------------------------------- 015: approximations

/// 015: 3.2万余 is at least 3.2万 with no upper bound; 2万余 + 1.3万 (3.3万)
/// is above the figure as written but not above what 余 allows.
#[test]
fn case15_approximate_total_gives_only_a_lower_bound() {
    assert_silent(
        "政务服务.txt",
        "全年接待来访群众3.2万余人次，其中，咨询类业务2万余人次，办理类业务1.3万人次。",
    );
}

/// 近300个 is at most 300: 186 + 135 = 321 exceeds even that bound.
#[test]
fn case15_parts_exceed_an_upper_bound() {
    let text = "全县共有村卫生室近300个，其中，公办村卫生室186个，民办村卫生室135个。";
    assert_reports(
        "卫生.txt",
        text,
        &[Expect {
            total: "300个",
            nth: 0,
            parts: &["186个", "135个"],
            message: "parts add up to 321 个, more than the total 近300个 allows",
            notes: &[
                "186 + 135 = 321 个, 21 more than 300 个, the most that 近300个 can be",
                "approximate figures (余, 多, 约, 近, 以上, 以下) count only as bounds",
            ],
        }],
    );
}

// ---------------------------------------------------------------- 016, 017

/// 016: a nested 其中 (工业 inside 第二产业) is not a fourth part:
/// 126480 + 312750 + 396390 = 835620.
#[test]
fn case16_nested_qizhong_is_not_a_fourth_part() {
    assert_silent(
        "经济.txt",
        "全年地区生产总值835620万元，其中，第一产业增加值126480万元，第二产业增加值312750万元，其中工业增加值248310万元，第三产业增加值396390万元。",
    );
}

/// The nested part is checked against its own total: 工业 318400 is more
/// than 第二产业 312750 (by 5650); the outer breakdown adds up.
#[test]
fn case16_nested_part_exceeds_its_own_total() {
    let text = "全年地区生产总值835620万元，其中，第一产业增加值126480万元，第二产业增加值312750万元，其中工业增加值318400万元，第三产业增加值396390万元。";
    assert_reports(
        "经济.txt",
        text,
        &[Expect {
            total: "312750万元",
            nth: 0,
            parts: &["318400万元"],
            message: "a part, 318400万元, is more than its total 312750万元",
            notes: &["318400万元 > 312750万元: a part of a breakdown cannot exceed its total"],
        }],
    );
}

/// 017: the three industries are a partition:
/// 187240 + 351960 + 498630 = 1037830, 9000 short of 1046830.
#[test]
fn case17_three_industries_short() {
    let text = "2020年，全县实现地区生产总值1046830万元，其中，第一产业增加值187240万元，第二产业增加值351960万元，第三产业增加值498630万元。";
    assert_reports(
        "经济.txt",
        text,
        &[Expect {
            total: "1046830万元",
            nth: 0,
            parts: &["187240万元", "351960万元", "498630万元"],
            message: "parts add up to 1037830 万元, but the total is 1046830 万元",
            notes: &["187240 + 351960 + 498630 = 1037830 万元, 9000 short of 1046830 万元 (parts 第一产业/第二产业/第三产业 cover the whole)"],
        }],
    );
}

// ---------------------------------------------------------------- 018: thousands separators

/// 018: `12 460` (thin space U+2009) and `4 385` (space) are single numbers:
/// 4385 + 8075 = 12460.
#[test]
fn case18_thin_space_thousands_add_up() {
    assert_silent(
        "志愿服务.txt",
        "【志愿服务】 年末全县注册志愿者12\u{2009}460人，其中，城区志愿者4 385人，农村志愿者8\u{2009}075人。",
    );
}

/// The same with a wrong part: 4385 + 8175 = 12560, 100 more than 12460; the
/// spans cover the separators.
#[test]
fn case18_thin_space_thousands_wrong() {
    let text = "【志愿服务】 年末全县注册志愿者12\u{2009}460人，其中，城区志愿者4 385人，农村志愿者8\u{2009}175人。";
    assert_reports(
        "志愿服务.txt",
        text,
        &[Expect {
            total: "12\u{2009}460人",
            nth: 0,
            parts: &["4 385人", "8\u{2009}175人"],
            message: "parts add up to 12560 人, more than the total 12460 人",
            notes: &["4385 + 8175 = 12560 人, 100 more than 12460 人"],
        }],
    );
}

// ---------------------------------------------------------------- 019, 020: signed components

/// 019: per-capita income split by component adds up; 负67元 is −67:
/// 5326 + 6012 − 67 + 2574 = 13845.
#[test]
fn case19_signed_component_adds_up() {
    assert_silent(
        "收入.txt",
        "全年农村居民人均可支配收入13845元，其中，工资性收入5326元，经营净收入6012元，财产净收入负67元，转移净收入2574元。",
    );
}

/// 020: 5326 + 6012 − 67 + 2674 = 13945, 100 more than 13845.
#[test]
fn case20_signed_component_exceeds() {
    let text = "全年农村居民人均可支配收入13845元，其中，工资性收入5326元，经营净收入6012元，财产净收入负67元，转移净收入2674元。";
    assert_reports(
        "收入.txt",
        text,
        &[Expect {
            total: "13845元",
            nth: 0,
            parts: &["5326元", "6012元", "67元", "2674元"],
            message: "parts add up to 13945 元, more than the total 13845 元",
            notes: &["5326 + 6012 − 67 + 2674 = 13945 元, 100 more than 13845 元"],
        }],
    );
}

/// 020, the other side: 5326 + 6012 − 67 + 2474 = 13745, 100 short; the four
/// components are exhaustive.
#[test]
fn case20_signed_component_short() {
    let text = "全年农村居民人均可支配收入13845元，其中，工资性收入5326元，经营净收入6012元，财产净收入负67元，转移净收入2474元。";
    assert_reports(
        "收入.txt",
        text,
        &[Expect {
            total: "13845元",
            nth: 0,
            parts: &["5326元", "6012元", "67元", "2474元"],
            message: "parts add up to 13745 元, but the total is 13845 元",
            notes: &["5326 + 6012 − 67 + 2474 = 13745 元, 100 short of 13845 元 (parts 工资性收入/经营净收入/财产净收入/转移净收入 cover the whole)"],
        }],
    );
}

// ---------------------------------------------------------------- 021, 022, 023

/// 021: one person is enrolled in several schemes: 9.72 + 3.05 + 2.64 + 11.26
/// = 26.67万 legitimately exceeds 15.38万 persons.
#[test]
fn case21_overlapping_schemes_are_not_added() {
    assert_silent(
        "社保.txt",
        "年末全县参加各类社会保险人数15.38万人，其中，参加城乡居民基本养老保险9.72万人，参加职工基本医疗保险3.05万人，参加工伤保险2.64万人，参加城乡居民基本医疗保险11.26万人。",
    );
}

/// 022: 1496 + 1351 = 2847; the sex ratio 110.7:100 after the parts is
/// neither a part nor a structure.
#[test]
fn case22_ratio_after_parts_is_not_a_part() {
    assert_silent(
        "出生.txt",
        "全年出生人口2847人，其中，男婴1496人，女婴1351人，出生人口性别比为110.7:100。",
    );
}

/// 023: 在总计中 starts another cut of the same total: 27.5 and
/// 31.2 + 22.6 are checked separately (27.5 + 31.2 + 22.6 = 81.3 > 68.4 is
/// not an error).
#[test]
fn case23_zai_zongji_zhong_starts_another_cut() {
    assert_silent(
        "投资.txt",
        "全年完成固定资产投资68.4亿元，其中，国有投资27.5亿元，在总计中，房地产开发投资31.2亿元，工业投资22.6亿元。",
    );
}

/// The second cut alone exceeds the total: 41.2 + 32.6 = 73.8, 5.4 more than
/// 68.4; only its own parts are shown.
#[test]
fn case23_second_cut_alone_exceeds() {
    let text = "全年完成固定资产投资68.4亿元，其中，国有投资27.5亿元，在总计中，房地产开发投资41.2亿元，工业投资32.6亿元。";
    assert_reports(
        "投资.txt",
        text,
        &[Expect {
            total: "68.4亿元",
            nth: 0,
            parts: &["41.2亿元", "32.6亿元"],
            message: "parts add up to 73.8 亿元, more than the total 68.4 亿元",
            notes: &[
                "41.2 + 32.6 = 73.8 亿元, 5.4 more than 68.4 亿元",
                "parts after 其中 are subsets of the total: together they cannot exceed it",
            ],
        }],
    );
}

// ---------------------------------------------------------------- 024: 分别为

/// 024: 分别为 with the total in the same sentence:
/// 2130 + 2245 + 2465 = 6840, 100 more than 6740.
#[test]
fn case24_fenbie_total_in_same_sentence() {
    let text =
        "全县共有幼儿园在园幼儿6740人，小班、中班、大班在园幼儿分别为2130人、2245人和2465人。";
    assert_reports(
        "学前教育.txt",
        text,
        &[Expect {
            total: "6740人",
            nth: 0,
            parts: &["2130人", "2245人", "2465人"],
            message: "parts add up to 6840 人, more than the total 6740 人",
            notes: &["2130 + 2245 + 2465 = 6840 人, 100 more than 6740 人"],
        }],
    );
}

/// 分别为 with the total in an earlier sentence under the same head noun
/// (专任教师): 1720 + 1105 + 702 = 3527, 47 more than 3480.
#[test]
fn case24_fenbie_total_in_earlier_sentence() {
    let text = "年末全县有专任教师3480人。小学、初中和高中专任教师分别为1720人、1105人和702人。";
    assert_reports(
        "教师.txt",
        text,
        &[Expect {
            total: "3480人",
            nth: 0,
            parts: &["1720人", "1105人", "702人"],
            message: "parts add up to 3527 人, more than the total 3480 人",
            notes: &["1720 + 1105 + 702 = 3527 人, 47 more than 3480 人"],
        }],
    );
}

/// The total of 专任教师 is 3480 (1720 + 1105 + 655 = 3480, right); the
/// figure in between, 新招聘教师126人, shares only the two-character head 教师
/// and is not the total of the list.
#[test]
fn case24_fenbie_total_is_not_a_nearer_figure_with_a_short_head() {
    assert_silent(
        "教师.txt",
        "年末全县有专任教师3480人。全年新招聘教师126人。小学、初中和高中专任教师分别为1720人、1105人和655人。",
    );
}

/// 男/女 in a 分别为 list are a partition: 27460 + 26510 = 53970, 100 more
/// than 53870.
#[test]

fn case24_fenbie_male_female_exceeds() {
    let text = "年末全县户籍人口53870人，男性、女性人口分别为27460人、26510人。";
    assert_reports(
        "人口.txt",
        text,
        &[Expect {
            total: "53870人",
            nth: 0,
            parts: &["27460人", "26510人"],
            message: "parts add up to 53970 人, more than the total 53870 人",
            notes: &["27460 + 26510 = 53970 人, 100 more than 53870 人"],
        }],
    );
}

/// 其中 followed by a 分别为 list is one breakdown, reported once:
/// 12680 + 7450 + 4280 = 24410, 100 more than 24310.
#[test]

fn case24_qizhong_with_fenbie_reported_once() {
    let text = "全县共有中小学在校学生24310人，其中，小学、初中、高中在校学生分别为12680人、7450人和4280人。";
    let (diags, run) = breakdown_sum("学生.txt", text);
    assert_eq!(run.code, 1);
    assert_eq!(diags.len(), 1, "one finding, one diagnostic: {diags:#?}");
    let d = &diags[0];
    assert_eq!(
        d.message,
        "parts add up to 24410 人, more than the total 24310 人"
    );
    assert_eq!(d.span.text, "24310人");
    assert_eq!(
        d.secondary
            .iter()
            .map(|(t, _)| t.as_str())
            .collect::<Vec<_>>(),
        ["12680人", "7450人", "4280人"]
    );
    assert_eq!(
        d.notes[0],
        "12680 + 7450 + 4280 = 24410 人, 100 more than 24310 人"
    );
}

// ---------------------------------------------------------------- 025, 026

/// 025: changes after the parts are not parts: 5.08 + 10.29 = 15.37 万吨
/// (adding 0.12 and 0.34 万吨 would exceed it); growth percentages likewise
/// (1.71 + 0.93 = 2.64 万吨).
#[test]
fn case25_changes_after_parts_are_not_parts() {
    assert_silent(
        "农业.txt",
        "全年粮食总产量15.37万吨，比上年增加0.46万吨。其中，夏粮产量5.08万吨，增加0.12万吨；秋粮产量10.29万吨，增加0.34万吨。\n全年油料总产量2.64万吨，比上年增长3.5%。其中，花生产量1.71万吨，增长4.2%；油菜籽产量0.93万吨，增长2.1%。\n",
    );
}

/// 026: 人次 are not 人: 287 + 196 人次 is not compared with 412 人.
#[test]
fn case26_person_times_are_not_persons() {
    assert_silent(
        "救助管理.txt",
        "全年救助流浪乞讨人员412人，其中，站内救助287人次，护送返乡196人次。",
    );
}

// ---------------------------------------------------------------- 027: Markdown

/// 027: a Markdown heading, a blank line and an entry; 96 + 952 = 1048 户 is
/// right, 98 + 1005 = 1103 人 is 10 more than 1093. The total is on line 3.
#[test]
fn case27_markdown_heading_and_entry() {
    let text = "## 社会事务\n\n【特困人员救助供养】 2021年，全县有城乡特困人员1048户1093人，其中，城市特困人员96户98人，农村特困人员952户1005人。全年发放救助供养资金1362.45万元。\n";
    let (diags, run) = breakdown_sum("民政.md", text);
    assert_eq!(run.code, 1);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    common::assert_diag(
        text,
        &diags[0],
        &Expect {
            total: "1093人",
            nth: 0,
            parts: &["98人", "1005人"],
            message: "parts add up to 1103 人, more than the total 1093 人",
            notes: &["98 + 1005 = 1103 人, 10 more than 1093 人"],
        },
    );
    let s = &diags[0].span;
    assert_eq!(
        (s.start, s.end, s.line, s.column, s.end_line, s.end_column),
        (92, 99, 3, 32, 3, 37)
    );
    assert_eq!(diags[0].path, "民政.md");
}

// ---------------------------------------------------------------- partition names

/// The note names the partition's members as the draft writes them
/// (城镇/乡村), not as the built-in table lists them first (城市/农村):
/// 58140 + 69290 = 127430, 100 short of 127530.
#[test]

fn partition_members_named_as_written() {
    let text = "年末全县常住人口为127530人。其中，城镇人口58140人，乡村人口69290人。";
    assert_reports(
        "人口.txt",
        text,
        &[Expect {
            total: "127530人",
            nth: 0,
            parts: &["58140人", "69290人"],
            message: "parts add up to 127430 人, but the total is 127530 人",
            notes: &["58140 + 69290 = 127430 人, 100 short of 127530 人 (parts 城镇/乡村 cover the whole)"],
        }],
    );
}

/// A total stated after its parts with 共, a verb and the noun they name
/// (`补贴金额…；…补贴金额…，共发放补贴金…`): 29400 + 38900 = 68300 元, not
/// 67400 元, reported as a warning (a 共 clause is weaker evidence than a
/// 合计 that closes a list). Figures of other units in between (名, 人次)
/// are no parts; a figure of the unit that does not name the noun leaves
/// the sum unread.
#[test]
fn a_total_after_its_parts_named_with_gong_and_their_noun() {
    let text = "2023年上半年，全镇有98名老人享受高龄津贴，补贴金额29400元；76名老人享受护理补贴，补贴金额38000元，共有174人次享受两项补贴，共发放补贴金67400元。";
    assert_silent("补贴.txt", text);
    let wrong = text.replace("38000元", "38900元");
    let (diags, run) = breakdown_sum("补贴.txt", &wrong);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    let d = &diags[0];
    assert_eq!(d.severity, "warning");
    assert_eq!(d.span.text, "67400元");
    assert_eq!(
        d.message,
        "parts add up to 68300 元, more than the total 67400 元"
    );
    let parts: Vec<&str> = d.secondary.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(parts, ["29400元", "38900元"]);
    assert_eq!(
        d.notes,
        ["29400 + 38900 = 68300 元, 900 more than 67400 元"]
    );
    assert_eq!(run.code, 0, "a warning alone keeps the exit code 0");
    // A figure of the unit that names another noun: no sum is read.
    assert_silent(
        "补贴.txt",
        &wrong.replace("，共有174人次", "，配套经费5000元，共有174人次"),
    );
}

/// Records restated item by item below `其中：` (each item a paragraph
/// opening with ——): each item's 工业增加值 is a part of the one above.
/// 3.15 + 9.01 = 12.16 > 8.42 亿元. A record of another period in an item
/// (`上年完成税金`) is no part of 实现税金.
#[test]
fn records_restated_by_dashed_items_below_qizhong() {
    let text = "1.纺织服装行业保持增长。累计实现工业增加值8.42亿元，同比增长5.1%；实现主营业务收入21.30亿元，同比增长3.2%；实现税金0.96亿元，同比增长8.8%。\n其中：\n——棉纺企业稳中有升。累计实现工业增加值3.15亿元，同比增长4.0%；实现主营业务收入8.60亿元，同比增长2.1%；实现税金3120万元，同比增长6.2%。\n——服装企业增长较快。累计实现工业增加值4.01亿元，同比增长7.3%；实现主营业务收入9.85亿元，同比增长5.0%；上年完成税金4100万元；实现税金4380万元，同比增长6.8%。\n";
    assert_silent("工业.txt", text);
    assert_reports(
        "工业.txt",
        &text.replace("4.01亿元", "9.01亿元"),
        &[Expect {
            total: "8.42亿元",
            nth: 0,
            parts: &["3.15亿元", "9.01亿元"],
            message: "parts add up to 12.16 亿元, more than the total 8.42 亿元",
            notes: &[
                "3.15 + 9.01 = 12.16 亿元, 3.74 more than 8.42 亿元",
                "parts after 其中 are subsets of the total: together they cannot exceed it",
            ],
        }],
    );
    // 实现税金 0.96亿元 against 3120 + 4380 = 7500 万元: within it; with
    // 上年完成税金 read as a part it would not be.
    assert_silent(
        "工业.txt",
        &text.replace("上年完成税金4100万元", "上年完成税金9100万元"),
    );
}

/// An opener that names what it counts with a count noun and a total word
/// after it (`民事案件收案总数中，`) takes the figure of 民事案件 as its total:
/// 214 + 701 = 915 > 802 件.
#[test]
fn an_opener_with_a_count_noun_takes_what_it_counts() {
    let text = "全年共受理各类案件1236件，其中民事案件802件（同比增长12.5%），刑事案件96件（同比下降3.0%），执行案件338件。民事案件收案总数中，婚姻家庭案件214件（同比增长5.2%），合同纠纷案件401件。";
    assert_silent("法院.txt", text);
    assert_reports(
        "法院.txt",
        &text.replace("401件", "701件"),
        &[Expect {
            total: "802件",
            nth: 0,
            parts: &["214件", "701件"],
            message: "parts add up to 915 件, more than the total 802 件",
            notes: &[
                "214 + 701 = 915 件, 113 more than 802 件",
                "parts named after `…中，` are subsets of the total: together they cannot exceed it",
            ],
        }],
    );
}
