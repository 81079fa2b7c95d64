//! Units of rules/units.toml as a user meets them: 周岁 age bands, the
//! countable units (笔, 眼, 口, 架次, 棵, 标箱, 种, 块, 匹, 艘, 户次, 人日),
//! the SI symbols km, m, kg, t (and mm, m², m³ … so that m does not swallow
//! their first letter), and words that start with a unit's name (口径,
//! 人口, 种植) read as words.

mod common;

use common::{assert_reports, assert_silent, breakdown_sum, Expect};

const SUBSETS: &str = "parts after 其中 are subsets of the total: together they cannot exceed it";

// ---------------------------------------------------------------- 周岁

/// 10.2 + 31.5 + 10.0 = 51.7 万人, 0.6 short of 52.3 万人: bands in 周岁
/// cover every age as bands in 岁 do.
#[test]
fn age_bands_in_zhousui_cover_every_age() {
    let text =
        "全县户籍人口52.3万人，其中，0—17周岁10.2万人，18—59周岁31.5万人，60周岁及以上10.0万人。\n";
    assert_reports(
        "人口.txt",
        text,
        &[Expect {
            total: "52.3万人",
            nth: 0,
            parts: &["10.2万人", "31.5万人", "10.0万人"],
            message: "parts add up to 51.7 万人, but the total is 52.3 万人",
            notes: &["10.2 + 31.5 + 10.0 = 51.7 万人, 0.6 short of 52.3 万人 (the age bands cover every age)"],
        }],
    );
    assert_silent(
        "人口.txt",
        "全县户籍人口52.3万人，其中，0—17周岁10.2万人，18—59周岁31.5万人，60周岁及以上10.6万人。\n",
    );
}

// ---------------------------------------------------------------- countable units

/// Every new countable unit is read after a number: 36 + 30 = 66, 8 more
/// than 58, in that unit.
#[test]
fn countable_units_add_up_in_their_own_unit() {
    for unit in [
        "笔", "眼", "口", "架次", "棵", "标箱", "种", "块", "匹", "艘", "户次", "人日",
    ] {
        let text = format!("全县有各类项目58{unit}，其中，甲类36{unit}，乙类30{unit}。\n");
        let total = format!("58{unit}");
        let parts = [format!("36{unit}"), format!("30{unit}")];
        let message = format!("parts add up to 66 {unit}, more than the total 58 {unit}");
        let note = format!("36 + 30 = 66 {unit}, 8 more than 58 {unit}");
        assert_reports(
            "项目.txt",
            &text,
            &[Expect {
                total: &total,
                nth: 0,
                parts: &[&parts[0], &parts[1]],
                message: &message,
                notes: &[&note, SUBSETS],
            }],
        );
    }
}

/// Wells in 眼 with 口 in a label and 口径 in the sentence: 80 + 50 = 130,
/// 10 more than 120 眼.
#[test]
fn wells_with_kou_in_words_around_them() {
    let text = "按新口径统计，全县有水井120眼，其中，机井80眼，大口井50眼。\n";
    assert_reports(
        "水利.txt",
        text,
        &[Expect {
            total: "120眼",
            nth: 0,
            parts: &["80眼", "50眼"],
            message: "parts add up to 130 眼, more than the total 120 眼",
            notes: &["80 + 50 = 130 眼, 10 more than 120 眼", SUBSETS],
        }],
    );
}

/// 人口 after a figure in 万人 is 人 and a word, not 口: 5.2 + 6.5 = 11.7,
/// 0.3 short of 12.0 万人 (城镇/乡村 cover the whole).
#[test]
fn renkou_is_persons_not_kou() {
    let text = "全县总人口12.0万人口，其中，城镇人口5.2万人，乡村人口6.5万人。\n";
    assert_reports(
        "人口.txt",
        text,
        &[Expect {
            total: "12.0万人",
            nth: 0,
            parts: &["5.2万人", "6.5万人"],
            message: "parts add up to 11.7 万人, but the total is 12.0 万人",
            notes: &[
                "5.2 + 6.5 = 11.7 万人, 0.3 short of 12.0 万人 (parts 城镇/乡村 cover the whole)",
            ],
        }],
    );
}

/// 种植 is not 种 after a figure: 2210 + 1430 = 3640, 120 more than 3520 公顷.
#[test]
fn zhongzhi_is_a_word() {
    let text =
        "全县农作物种植面积3520公顷，其中，粮食作物种植面积2210公顷，经济作物种植面积1430公顷。\n";
    assert_reports(
        "农业.txt",
        text,
        &[Expect {
            total: "3520公顷",
            nth: 0,
            parts: &["2210公顷", "1430公顷"],
            message: "parts add up to 3640 公顷, more than the total 3520 公顷",
            notes: &["2210 + 1430 = 3640 公顷, 120 more than 3520 公顷", SUBSETS],
        }],
    );
}

/// 户次 (household visits) are not households and 人日 (person-days) are not
/// persons: such parts are never added up against a total in 户 or 人.
#[test]
fn visits_and_person_days_are_not_households_or_persons() {
    assert_silent(
        "民政.txt",
        "全年服务困难群众1200户，其中，城市800户次，农村500户次。\n",
    );
    assert_silent(
        "劳动.txt",
        "全年用工1200人，其中，技术工人800人日，普通工人500人日。\n",
    );
    // The same breakdowns in 户 and 人 are checked.
    let (diags, _) = breakdown_sum(
        "民政.txt",
        "全年服务困难群众1200户，其中，城市800户，农村500户。\n",
    );
    assert_eq!(diags.len(), 1, "{diags:#?}");
    let (diags, _) = breakdown_sum(
        "劳动.txt",
        "全年用工1200人，其中，技术工人800人，普通工人500人。\n",
    );
    assert_eq!(diags.len(), 1, "{diags:#?}");
}

// ---------------------------------------------------------------- SI symbols

/// 8200m + 5100m = 13.3 km, 0.8 more than 12.5 km.
#[test]
fn metres_convert_to_kilometres() {
    let text = "新建道路12.5km，其中，主干道8200m，次干道5100m。\n";
    assert_reports(
        "交通.txt",
        text,
        &[Expect {
            total: "12.5km",
            nth: 0,
            parts: &["8200m", "5100m"],
            message: "parts add up to 13.3 km, more than the total 12.5 km",
            notes: &["8200m + 5100m = 13.3 km, 0.8 more than 12.5 km", SUBSETS],
        }],
    );
}

/// 8200万kg + 45000t = 12.7 万吨, 0.2 more than 12.5 万吨.
#[test]
fn kilograms_and_tonnes_convert_to_wan_dun() {
    let text = "粮食总产量12.5万吨，其中，稻谷8200万kg，小麦45000t。\n";
    assert_reports(
        "农业.txt",
        text,
        &[Expect {
            total: "12.5万吨",
            nth: 0,
            parts: &["8200万kg", "45000t"],
            message: "parts add up to 12.7 万吨, more than the total 12.5 万吨",
            notes: &[
                "8200万kg + 45000t = 12.7 万吨, 0.2 more than 12.5 万吨",
                SUBSETS,
            ],
        }],
    );
    assert_silent(
        "农业.txt",
        "粮食总产量12.5万t，其中，稻谷8.2万t，小麦4.3万t。\n",
    );
}

/// 1234.5mm is read as millimetres, not as 1234.5 m followed by an m.
#[test]
fn millimetres_are_not_metres() {
    let text = "全年降水量1234.5mm，其中，汛期降水量1080.2mm，非汛期降水量164.3mm。\n";
    assert_reports(
        "气象.txt",
        text,
        &[Expect {
            total: "1234.5mm",
            nth: 0,
            parts: &["1080.2mm", "164.3mm"],
            message: "parts add up to 1244.5 mm, more than the total 1234.5 mm",
            notes: &[
                "1080.2 + 164.3 = 1244.5 mm, 10.0 more than 1234.5 mm",
                SUBSETS,
            ],
        }],
    );
}

/// m² and m2 are areas (and add up with 平方米), km² and km2 with 平方公里,
/// m³ and m3 volumes with 立方米: never lengths in m.
#[test]
fn square_and_cubic_metres_are_areas_and_volumes() {
    let text = "全市新建住宅12.0万平方米，其中，商品住房8.2万m2，保障性住房4.3万m²。\n";
    assert_reports(
        "住建.txt",
        text,
        &[Expect {
            total: "12.0万平方米",
            nth: 0,
            parts: &["8.2万m2", "4.3万m²"],
            message: "parts add up to 12.5 万平方米, more than the total 12.0 万平方米",
            notes: &[
                "8.2万m2 + 4.3万m² = 12.5 万平方米, 0.5 more than 12.0 万平方米",
                SUBSETS,
            ],
        }],
    );
    let text = "全县国土面积1250.5km²，其中，山地面积980.2平方公里，平原面积300.0km2。\n";
    assert_reports(
        "国土.txt",
        text,
        &[Expect {
            total: "1250.5km²",
            nth: 0,
            parts: &["980.2平方公里", "300.0km2"],
            message: "parts add up to 1280.2 km², more than the total 1250.5 km²",
            notes: &[
                "980.2平方公里 + 300.0km2 = 1280.2 km², 29.7 more than 1250.5 km²",
                SUBSETS,
            ],
        }],
    );
    let text = "全县水库蓄水量3.5亿m³，其中，大型水库2.1亿立方米，中小型水库1.6亿m3。\n";
    assert_reports(
        "水利.txt",
        text,
        &[Expect {
            total: "3.5亿m³",
            nth: 0,
            parts: &["2.1亿立方米", "1.6亿m3"],
            message: "parts add up to 3.7 亿m³, more than the total 3.5 亿m³",
            notes: &[
                "2.1亿立方米 + 1.6亿m3 = 3.7 亿m³, 0.2 more than 3.5 亿m³",
                SUBSETS,
            ],
        }],
    );
    // A length in m never counts as a part of an area.
    assert_silent(
        "住建.txt",
        "全市新建住宅12.0万m²，其中，商品住房8.2万m²，配套道路4300m。\n",
    );
}

/// A fixed term that opens with a numeral and a unit (`三次产业`,
/// `一次性`, `三级医院`) states no figure: the meeting count has three
/// figures, not four, and the part keeps its whole label.
#[test]
fn numeral_terms_are_not_figures() {
    let config = yblint::config::Config::builtin().unwrap();
    let text = "全年召开经济运行分析会12次，其中，三次产业专题会5次，其他会议7次。\n";
    let (found, coverage) = yblint::check_text_with_coverage(text, &config).unwrap();
    assert_eq!(coverage.figures, 3);
    assert!(found.iter().all(|d| d.rule != "breakdown-sum"), "{found:?}");
    let text = "全县有医院12家，其中，三级医院2家，一次性建成的乡镇卫生院10家。\n";
    let (_, coverage) = yblint::check_text_with_coverage(text, &config).unwrap();
    assert_eq!(coverage.figures, 3);
    // An ordinary count in 次 is still a figure.
    let text = "全年召开常务会议三次。\n";
    let (_, coverage) = yblint::check_text_with_coverage(text, &config).unwrap();
    assert_eq!(coverage.figures, 1);
}
