//! Tables as yearbooks print them: whitespace-aligned rows pasted from a PDF,
//! Markdown pipe tables, one cell per line, Word tables. Each relation
//! (total rows, numbered items, subsets, sums the figures show, share and
//! growth columns) has a test that it is read and checked, and a silent twin
//! for the trap that looks like it. Tables are written for these tests; the
//! arithmetic is in the comments.

mod common;

use common::{diags_of, Diag, Workspace};

/// Runs `yblint check --format json` on `text` written as `name` and returns
/// every arithmetic diagnostic (rule, severity, message, spans).
fn arithmetic(name: &str, text: &str) -> Vec<Diag> {
    let bytes = text.as_bytes();
    let ws = Workspace::new();
    ws.write(name, bytes);
    let run = ws.check(&["--format", "json", name]);
    assert!(run.code == 0 || run.code == 1, "{run:?}");
    let doc = run.json();
    let mut out = Vec::new();
    for rule in [
        "table-sum",
        "table-share",
        "table-growth",
        "breakdown-sum",
        "share",
        "growth-rate",
    ] {
        out.extend(diags_of(&doc, rule, bytes));
    }
    out
}

/// Asserts exactly one diagnostic: its rule, severity, message, the text and
/// line of its primary span, and the texts of its secondary labels.
fn assert_one(
    diags: &[Diag],
    rule: &str,
    severity: &str,
    message: &str,
    primary: (&str, usize),
    labels: &[&str],
) {
    assert_eq!(diags.len(), 1, "one finding expected, got {diags:#?}");
    let d = &diags[0];
    assert_eq!(d.rule, rule);
    assert_eq!(d.severity, severity);
    assert_eq!(d.message, message);
    assert_eq!((d.primary.text.as_str(), d.primary.line), primary);
    let texts: Vec<&str> = d.secondary.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(texts, labels);
}

const CASES: &str = "表3  法院受理案件情况
单位：件
项  目          2023年     2024年
合  计            612        640
民事案件          401        415
刑事案件          137        150
行政案件           74         76
";

/// A 合计 row one off its members in a count unit (`单位：件`): 415 + 150 +
/// 76 = 641, not 640. Counts are exact: no rounding excuses one case.
#[test]
fn total_row_one_off_its_members_is_an_error() {
    let diags = arithmetic("案件.txt", CASES);
    assert_one(
        &diags,
        "table-sum",
        "error",
        "table row `合计`, column `2024年`: the members add up to 641, but the total is 640",
        ("640", 4),
        &["415", "150", "76"],
    );
    assert!(diags[0].notes.is_empty(), "{:?}", diags[0].notes);
}

/// The same table adding up: 401 + 137 + 74 = 612, 415 + 150 + 76 = 641.
#[test]
fn total_row_that_adds_up_is_silent() {
    assert!(arithmetic("案件.txt", &CASES.replace("640", "641")).is_empty());
}

/// Amounts in 万元 are rounded: 830 + 421 = 1251 against 1250 is within
/// the rounding of three figures (± 1.5); 830 + 441 = 1271 is not.
#[test]
fn rounded_amounts_allow_their_rounding_only() {
    let table = "单位：万元\n项  目        2024年\n合  计          1250\n工业收入         830\n农业收入         421\n";
    assert!(arithmetic("收入.txt", table).is_empty());
    let diags = arithmetic("收入.txt", &table.replace("421", "441"));
    assert_one(
        &diags,
        "table-sum",
        "error",
        "table row `合计`, column `2024年`: the members add up to 1271, but the total is 1250",
        ("1250", 3),
        &["830", "441"],
    );
    assert_eq!(
        diags[0].notes,
        ["each figure may be off by half a unit of its last digit through rounding; the difference is larger"]
    );
}

const POPULATION: &str = "年份    总人口    男性    女性
2019    41.26    20.95    20.31
2020    41.58    21.12    20.46
2021    41.77    21.20    20.57
2022    41.93    21.30    20.63
2023    42.15    21.41    20.84
";

/// No label says 总人口 = 男性 + 女性, but the figures show it in four rows
/// out of five; in 2023, 21.41 + 20.84 = 42.25, not 42.15: a warning.
#[test]
fn a_sum_the_figures_show_flags_the_row_that_breaks_it() {
    let diags = arithmetic("人口.txt", POPULATION);
    assert_one(
        &diags,
        "table-sum",
        "warning",
        "table row `2023`, column `总人口`: the members add up to 42.25, but the total is 42.15",
        ("42.15", 6),
        &["21.41", "20.84"],
    );
    assert_eq!(
        diags[0].notes[1],
        "no label states this relation: it holds in 4 of the 5 rows or columns where the table gives these figures"
    );
}

/// With 2023 corrected every row holds; with only three rows nothing is
/// learned, however wrong the last one is.
#[test]
fn sums_the_figures_show_need_enough_rows() {
    assert!(arithmetic("人口.txt", &POPULATION.replace("42.15", "42.25")).is_empty());
    let short: String = POPULATION.lines().take(3).collect::<Vec<_>>().join("\n")
        + "\n2021    43.77    21.20    20.57\n";
    assert!(arithmetic("人口.txt", &short).is_empty());
}

/// Markdown: rows after `其中：` are subsets of the row above; 城镇 and 乡村
/// are every member of a partition, so they must add up to the whole:
/// 20115 + 32095 = 52210, not 52310. 男性 + 女性 = 52310 holds.
#[test]
fn qizhong_rows_that_cover_a_partition_must_add_up() {
    let table = "| 指标 | 2024年 |\n|---|---|\n| 户籍总人口 | 52310 |\n| 其中：城镇 | 20115 |\n| 乡村 | 32095 |\n| 其中：男性 | 26720 |\n| 女性 | 25590 |\n";
    let diags = arithmetic("人口.md", table);
    assert_one(
        &diags,
        "table-sum",
        "error",
        "table row `户籍总人口`, column `2024年`: the members add up to 52210, but the total is 52310",
        ("52310", 3),
        &["20115", "32095"],
    );
    assert!(arithmetic("人口.md", &table.replace("20115", "20215")).is_empty());
}

/// `#` rows are subsets: 医院 and 乡镇卫生院 may leave out other kinds of
/// 卫生机构, but cannot hold more beds than all of them: 1480 + 720 = 2200 >
/// 2150. With 670 they stay within (2150 ≥ 2150): silent.
#[test]
fn subset_rows_must_stay_within_their_parent() {
    let table = "| 项目 | 机构数（个） | 床位数（张） |\n|---|---|---|\n| 卫生机构 | 58 | 2150 |\n| #医院 | 12 | 1480 |\n| #乡镇卫生院 | 15 | 720 |\n";
    let diags = arithmetic("卫生.md", table);
    assert_one(
        &diags,
        "table-sum",
        "error",
        "table row `卫生机构`, column `床位数（张）`: subset rows add up to 2200, more than their parent 2150",
        ("2150", 3),
        &["1480", "720"],
    );
    assert!(arithmetic("卫生.md", &table.replace("720", "670")).is_empty());
}

/// A heading row without figures that announces a cut (`一、分季节`) divides
/// the row above it: 夏粮 + 秋粮 = 36150, not 36250; the cut by kind
/// (21400 + 9850 + 5000 = 36250) holds.
#[test]
fn numbered_items_under_a_cut_heading_add_up_to_the_row_above() {
    let table = "| 指标 | 产量（吨） |\n|---|---|\n| 粮食总产量 | 36250 |\n| 一、分季节 | |\n| 1、夏粮 | 8120 |\n| 2、秋粮 | 28030 |\n| 二、分品种 | |\n| 1、稻谷 | 21400 |\n| 2、玉米 | 9850 |\n| 3、豆类 | 5000 |\n";
    let diags = arithmetic("粮食.md", table);
    assert_one(
        &diags,
        "table-sum",
        "error",
        "table row `粮食总产量`, column `产量（吨）`: the members add up to 36150, but the total is 36250",
        ("36250", 3),
        &["8120", "28030"],
    );
    assert!(arithmetic("粮食.md", &table.replace("8120", "8220")).is_empty());
}

/// Indented rows under a 总计 row, `#` rows deeper still: 总计 is the sum of
/// the rows at the first indent (300 + 180 + 120 = 600), the `#` rows only
/// stay within 婚姻家庭纠纷. A growth column (negative figures) is never
/// summed; the structure column (构成) is, its total being 100.
#[test]
fn indented_rows_and_structure_columns_in_plain_text() {
    let table = "项    目          件数     构成（%）   增长（%）
总    计           600      100.0        3.4
  婚姻家庭纠纷     300       50.0        5.1
    #婚  姻        120       20.0       -2.0
    #赡  养         90       15.0        8.8
  邻里纠纷         180       30.0        1.2
  其他纠纷         120       20.0       -0.5
";
    assert!(
        arithmetic("纠纷.txt", table).is_empty(),
        "{:#?}",
        arithmetic("纠纷.txt", table)
    );
    // 其他纠纷 130: the members now add up to 610, and 130 ÷ 600 is 21.7%,
    // not the 20.0% printed: both are reported.
    let wrong = table.replace("120       20.0       -0.5", "130       20.0       -0.5");
    let diags = arithmetic("纠纷.txt", &wrong);
    let found: Vec<(&str, &str, &str)> = diags
        .iter()
        .map(|d| (d.rule.as_str(), d.severity.as_str(), d.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (
                "table-sum",
                "error",
                "table row `总计`, column `件数`: the members add up to 610, but the total is 600"
            ),
            (
                "table-share",
                "warning",
                "table row `其他纠纷`, column `构成（%）`: share 20.0% does not match 130 ÷ 600 = 21.7%"
            ),
        ]
    );
}

/// A share column over the total row: 90 ÷ 400 = 22.5%, printed 27.5%.
/// The structure column then adds up to 105 as well: both are reported.
#[test]
fn share_column_over_the_total_row() {
    let table = "项  目          件数     构成（%）\n合  计           400      100.0\n婚姻家庭纠纷     120       30.0\n邻里纠纷         100       25.0\n合同纠纷          90       27.5\n其他纠纷          90       22.5\n";
    let diags = arithmetic("纠纷.txt", table);
    let share: Vec<Diag> = diags
        .iter()
        .filter(|d| d.rule == "table-share")
        .cloned()
        .collect();
    assert_one(
        &share,
        "table-share",
        "warning",
        "table row `合同纠纷`, column `构成（%）`: share 27.5% does not match 90 ÷ 400 = 22.5%",
        ("27.5", 5),
        &["90", "400"],
    );
    assert!(arithmetic("纠纷.txt", &table.replace("27.5", "22.5")).is_empty());
}

/// A growth column: (8.40 − 8.00) ÷ 8.00 = 5.0%, printed 4.0%.
#[test]
fn growth_column_between_two_years() {
    let table = "指  标          2023年     2024年    增长（%）\n粮食产量        41.20      42.00       1.9\n油料产量         3.50       3.60       2.9\n蔬菜产量        60.00      63.00       5.0\n水果产量        12.00      12.60       5.0\n茶叶产量         8.00       8.40       4.0\n";
    let diags = arithmetic("产量.txt", table);
    assert_one(
        &diags,
        "table-growth",
        "warning",
        "table row `茶叶产量`, column `增长（%）`: growth 4.0% does not match 8.40 against 8.00 = 5.0%",
        ("4.0", 6),
        &["8.40", "8.00"],
    );
    assert!(arithmetic("产量.txt", &table.replace("4.0\n", "5.0\n")).is_empty());
}

/// One cell per line, each ended by `|`, as a web page pastes a table: the
/// header cells, then each row's label and figures. 540 + 720 = 1260, not
/// 1262 (the 2023 column adds up exactly, so whole numbers are exact here).
#[test]
fn one_cell_per_line_tables() {
    let table = "项 目 |\n2023年 |\n2024年 |\n合计 |\n1200 |\n1262 |\n城镇 |\n500 |\n540 |\n乡村 |\n700 |\n720 |\n";
    let diags = arithmetic("人口.txt", table);
    assert_one(
        &diags,
        "table-sum",
        "error",
        "table row `合计`, column `2024年`: the members add up to 1260, but the total is 1262",
        ("1262", 6),
        &["540", "720"],
    );
}

/// A Word table: the first row is its header, 合计 the sum of the others.
#[test]
fn word_tables_are_checked() {
    let cell = |t: &str| format!("<w:tc>{}</w:tc>", common::para(&[t]));
    let row = |cells: &[&str]| {
        format!(
            "<w:tr>{}</w:tr>",
            cells.iter().map(|c| cell(c)).collect::<String>()
        )
    };
    let body = format!(
        "{}<w:tbl>{}{}{}{}</w:tbl>",
        common::para(&["各乡镇耕地面积"]),
        row(&["乡镇", "耕地面积（亩）"]),
        row(&["合计", "15300"]),
        row(&["东坪镇", "8200"]),
        row(&["西岭乡", "7000"]),
    );
    let ws = Workspace::new();
    ws.write("耕地.docx", common::docx(&body));
    let run = ws.check(&["--format", "json", "耕地.docx"]);
    assert_eq!(run.code, 1, "{run:?}");
    let doc = run.json();
    let found: Vec<(&str, &str)> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["rule"].as_str().unwrap(), d["message"].as_str().unwrap()))
        .collect();
    assert_eq!(
        found,
        [(
            "table-sum",
            "table row `合计`, column `耕地面积（亩）`: the members add up to 15200, but the total is 15300"
        )]
    );
}

/// Traps: a year row as the header, `…` for no figure, a 人均 row and an
/// average column are not summed.
#[test]
fn headers_blanks_and_averages_are_not_summed() {
    let table = "项  目          2022      2023
合  计            96       104
城镇               …        60
乡村              40        44
人均（元）      1250      1310
";
    assert!(
        arithmetic("表.txt", table).is_empty(),
        "{:#?}",
        arithmetic("表.txt", table)
    );
}

/// A Markdown table as a statistical yearbook prints it: the years in a row
/// of their own, a `单位：` row, an English name column, cut headings without
/// figures (`按季节分`, `按品种分`) and items printed flat under their row
/// (`稻谷`, then `早稻`, `晚稻`), found because they add up to it in the other
/// years. Each cut adds up to 合计; 稻谷 is the sum of its items: in 2024,
/// 60.10 + 75.40 = 135.50, not 135.00.
#[test]
fn cut_headings_and_flat_items_in_a_yearbook_table() {
    let table = "\
| 8-3 粮食产量 | | | | |
|---|---|---|---|---|
| 单位：万吨 | | | | |
| 项 目 | item | 2022 | 2023 | 2024 |
| 合 计 | total | 300.00 | 310.20 | 305.60 |
| 按季节分 | by season | | | |
| 夏粮 | summer | 85.00 | 90.20 | 88.10 |
| 秋粮 | autumn | 215.00 | 220.00 | 217.50 |
| 按品种分 | by crop | | | |
| 稻谷 | rice | 130.00 | 140.30 | 135.00 |
| 早稻 | early rice | 60.00 | 62.10 | 60.10 |
| 晚稻 | late rice | 70.00 | 78.20 | 75.40 |
| 豆类 | beans | 20.00 | 20.40 | 19.80 |
| #大豆 | soybean | 15.00 | 15.10 | 14.70 |
| 杂豆 | other beans | 5.00 | 5.30 | 5.10 |
| 薯类 | tubers | 150.00 | 149.50 | 150.80 |
";
    let diags = arithmetic("粮食.md", table);
    assert_one(
        &diags,
        "table-sum",
        "error",
        "table row `稻谷`, column `2024`: the members add up to 135.50, but the total is 135.00",
        ("135.00", 10),
        &["60.10", "75.40"],
    );
    // 140.30 + 20.40 + 149.50 = 310.20 and 135.50 + 19.80 + 150.80 = 306.10:
    // with 稻谷 corrected to 135.50 the cut by crop is 0.50 over 305.60.
    let fixed = table.replace("| 135.00 |", "| 135.50 |");
    let diags = arithmetic("粮食.md", &fixed);
    assert_one(
        &diags,
        "table-sum",
        "error",
        "table row `合计`, column `2024`: the members add up to 306.10, but the total is 305.60",
        ("305.60", 5),
        &["135.50", "19.80", "150.80"],
    );
    assert!(arithmetic(
        "粮食.md",
        &fixed
            .replace("305.60", "306.10")
            .replace("217.50", "218.00")
    )
    .is_empty());
}

/// A table of percentages (`单位：%`): the rows under a heading without
/// figures are shares of one whole. In 2024, 7.4 + 45.1 + 48.5 = 101.0, not
/// 100; the other years add up (within the rounding of three shares).
#[test]
fn structure_groups_add_up_to_100() {
    let table = "单位：%
项  目                      2022     2023     2024
一、三次产业结构
    第一产业                 8.1      7.8      7.4
    第二产业                46.0     45.6     45.1
    第三产业                45.9     46.6     48.5
二、轻重工业比例
    轻工业                  31.2     30.8     30.1
    重工业                  68.8     69.2     69.9
";
    let diags = arithmetic("比例.txt", table);
    assert_one(
        &diags,
        "table-sum",
        "warning",
        "table row `第一产业`, column `2024`: the shares of one whole add up to 101.0, not 100",
        ("7.4", 4),
        &["45.1", "48.5"],
    );
    assert!(arithmetic("比例.txt", &table.replace("48.5", "47.5")).is_empty());
}

/// Rates written as rows, one column a census year: 城镇化率 is 城镇人口 over
/// 总人口 in every year; in 2020, 286 ÷ 415 = 68.9%, printed 63.9%.
#[test]
fn rate_rows_under_their_figures() {
    let table = "项目                  1990    2000    2010    2020
总人口(万人)           300     341     369     415
城镇人口(万人)          64     143     211     286
乡村人口(万人)         236     198     158     129
城镇化率(%)           21.3    41.9    57.2    63.9
";
    let diags = arithmetic("普查.txt", table);
    assert_one(
        &diags,
        "table-share",
        "warning",
        "table row `城镇化率(%)`, column `2020`: share 63.9% does not match 286 ÷ 415 = 68.9%",
        ("63.9", 5),
        &["286", "415"],
    );
    assert!(arithmetic("普查.txt", &table.replace("63.9", "68.9")).is_empty());
}

/// Traps found by trying correct tables: a category that happens to equal
/// the two after it (100 = 50 + 50) is no parent of theirs while the rows as
/// printed add up (100 + 100 + 50 + 50 = 300); small counts in a township
/// table (2 = 1 + 1 here and there) show no sum; overlapping attributes
/// under 其中 (女性, 职称, 学历) are not added up; GDP grows at comparable
/// prices, not as its current-price figures do.
#[test]
fn coincidences_overlaps_and_comparable_prices_are_silent() {
    let equal_rows = "项  目          件数     构成（%）
合  计           300      100.0
婚姻家庭纠纷     100       33.3
邻里纠纷         100       33.3
损害赔偿纠纷      50       16.7
其他纠纷          50       16.7
";
    let small_counts = "单位：所
乡  镇        幼儿园    小学    初中    高中    教学点
城关镇            4        3       2       0        3
石桥镇            2        2       1       0        1
河口镇            2        1       1       0        1
青山乡            1        1       1       0        2
白水乡            2        2       1       1        0
柳林乡            1        1       0       0        2
";
    let overlapping = "单位：人
指  标                  2023年      2024年
卫生技术人员              3412        3527
  其中：女性              2306        2391
        中级及以上职称     986        1032
        本科及以上学历    1785        1903
";
    let comparable = "指  标                    2023年      2024年     比上年增长（%）
地区生产总值              285.64      301.27         5.6
一般公共预算收入          125436      131278         4.7
社会消费品零售总额        201540      212725         5.5
金融机构存款余额         2865410     3102775         8.3
";
    for (name, table) in [
        ("纠纷.txt", equal_rows),
        ("学校.txt", small_counts),
        ("卫生.txt", overlapping),
        ("指标.txt", comparable),
    ] {
        let diags = arithmetic(name, table);
        assert!(diags.is_empty(), "{name}: {diags:#?}");
    }
}

/// A table continued on the next page: a page number and running header,
/// `续表`, the column headers again, then the rest of the rows. 全县 is the
/// sum of all six townships (2,410 + … = 15,300), not of the first page.
#[test]
fn a_table_continued_after_a_page_break_is_one_table() {
    let table = "表6-3  各乡镇户籍人口
单位：人
乡  镇        户数      总人口
全  县         5100     15300
城关镇         1200      3610
石桥镇          800      2390

·58·                     某某县年鉴（2025）

续表
乡  镇        户数      总人口
河口镇          900      2700
青山乡         1100      3300
白水乡          600      1800
柳林乡          500      1500
";
    assert!(
        arithmetic("人口.txt", table).is_empty(),
        "{:#?}",
        arithmetic("人口.txt", table)
    );
    let diags = arithmetic("人口.txt", &table.replace("1500\n", "1600\n"));
    assert_one(
        &diags,
        "table-sum",
        "error",
        "table row `全县`, column `总人口`: the members add up to 15400, but the total is 15300",
        ("15300", 4),
        &["3610", "2390", "2700", "3300", "1800", "1600"],
    );
}

/// A rate column written with `%` in each cell (`办结率`), in a Markdown
/// table: 973 ÷ 983 = 98.98%, which rounds to 99%, printed 98% in the total
/// row; every other row is right (208 ÷ 212 = 98.1%, 34 ÷ 36 = 94.4% …).
#[test]
fn rate_cells_written_with_a_percent_sign() {
    let table = "| 承办单位 | 来信件数 | 办理中 | 已办结 | 办结率 |\n| --- | --- | --- | --- | --- |\n| 城关镇 | 212 | 4 | 208 | 98% |\n| 河口镇 | 127 | 1 | 126 | 99% |\n| 新集乡 | 114 | 1 | 113 | 99% |\n| 石桥乡 | 36 | 2 | 34 | 94% |\n| 柳林乡 | 27 | 1 | 26 | 96% |\n| 东岗乡 | 467 | 1 | 466 | 100% |\n| 合计 | 983 | 10 | 973 | 98% |\n";
    let diags = arithmetic("来信.md", table);
    assert_one(
        &diags,
        "table-share",
        "warning",
        "table row `合计`, column `办结率`: share 98% does not match 973 ÷ 983 = 99%",
        ("98", 9),
        &["973", "983"],
    );
    assert!(arithmetic("来信.md", &table.replace("| 973 | 98% |", "| 973 | 99% |")).is_empty());
    // The same table pasted into a plain-text draft reads the same.
    let diags = arithmetic("来信.txt", table);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(diags[0].primary.text, "98");
}

/// A table run together on one line, as a web page copies it: `|` between
/// cells, each indicator followed by its `其中：规模以上` row. A 其中 row
/// belongs to the indicator just above it, not to the first row: here the
/// sales of the large firms (105102) exceed the total sales (15899), a lost
/// digit. The other subset rows stay within their parents.
#[test]
fn a_table_run_together_on_one_line() {
    let text = "附：主要工业指标一览表。\n| 单位：万元 | 指标名称 | 本月 | 同比% | 累计 | 同比% | 工业总产值 | 30974 | 3.3 | 161857 | 16.2 | 其中：规模以上 | 20671 | -3.4 | 108697 | 18.7 | 销售产值 | 29973 | 3.4 | 15899 | 15.4 | 其中：规模以上 | 20003 | -1.7 | 105102 | 18.4 | 出口交货值 | 8834 | -1.7 | 45458 | 14.1 | 其中：规模以上 | 7820 | -7.1 | 41792 | 12.2 |\n";
    let diags = arithmetic("工业.txt", text);
    assert_one(
        &diags,
        "table-sum",
        "error",
        "table row `销售产值`, column `累计`: subset rows add up to 105102, more than their parent 15899",
        ("15899", 2),
        &["105102"],
    );
    assert!(arithmetic("工业.txt", &text.replace("| 15899 |", "| 158996 |")).is_empty());
}

/// A share column (`占比`) whose whole is the row printed as 100, not named
/// 合计: 2400 ÷ 12000 = 20.0%, printed 25.0%. A column of growth rates,
/// some negative, is no base for shares.
#[test]
fn share_column_over_the_row_printed_as_100() {
    let table = "行业 |\n增加值（万元） |\n增速（%） |\n占比（%） |\n|\n生产总值 |\n12000 |\n-2.1 |\n100 |\n|\n农业 |\n3000 |\n4.5 |\n25.0 |\n|\n工业 |\n4800 |\n-6.3 |\n40.0 |\n|\n建筑业 |\n2400 |\n-8.0 |\n25.0 |\n|\n服务业 |\n1800 |\n3.2 |\n15.0 |\n";
    let diags = arithmetic("增加值.txt", table);
    assert_one(
        &diags,
        "table-share",
        "warning",
        "table row `建筑业`, column `占比（%）`: share 25.0% does not match 2400 ÷ 12000 = 20.0%",
        ("25.0", 24),
        &["2400", "12000"],
    );
    assert!(arithmetic("增加值.txt", &table.replace("-8.0 |\n25.0", "-8.0 |\n20.0")).is_empty());
}

/// A table of indicators as a statistics bureau prints them: a category
/// written down the page one character a line, a serial number (`12`,
/// `12.1`), the indicator, a unit column, one column a quarter and a note
/// column. `12.1` and `12.2` are 其中 items of `12`: 2.41 + 0.07 = 2.48, but
/// the second quarter's items add up to 0.99, more than their parent 0.96.
#[test]
fn indicator_table_with_serials_units_and_notes() {
    let table =
        "          序号  指标                     单位     一季度   二季度   三季度   四季度   注
   养     11   参加养老保险人数          万人     52.36    52.91    53.40    53.87   期末数
          11.1 其中：参保农民工          万人     12.05    12.11    12.30    12.42   期末数
   老     12   养老保险基金征缴收入      亿元      2.48     0.96     1.85     2.73   从年初累计
          12.1 其中：个人缴费            亿元      2.41     0.94     1.80     2.66   从年初累计
   保
   险     12.2    补缴历年欠费           亿元      0.07     0.05     0.05     0.07   从年初累计
          13   养老保险基金支出          亿元      1.92     0.71     1.36     2.05   从年初累计
";
    let diags = arithmetic("社保.txt", table);
    assert_one(
        &diags,
        "table-sum",
        "error",
        "table row `养老保险基金征缴收入`, column `二季度`: subset rows add up to 0.99, more than their parent 0.96",
        ("0.96", 4),
        &["0.94", "0.05"],
    );
    assert!(arithmetic("社保.txt", &table.replace("0.94", "0.91")).is_empty());
}

/// A report form's outline: `一、`, `（一）`, `1.`, `（1）`, then `A`/`B` and
/// `I`/`II` items, a numbered subtotal (`2.乡小计`) that is an item like the
/// others, and `其中：（1）` items that are a part of their row. Here the
/// 农村 items (`I`, `II`) add up to 2650.3 + 41.2 = 2691.5, more than their
/// row `B 农村救助支出` 2680.5 (a digit slipped in 2691.5).
#[test]
fn report_form_outline_levels() {
    let table = "| 指标名称 | 单位 | 数量 |\n|---|---|---|\n| 一、综合 | | |\n| 乡镇级合计 | 个 | 212 |\n| 1.镇 | 个 | 98 |\n| 2.乡小计 | 个 | 81 |\n| 其中:民族乡 | 个 | 12 |\n| 3.街道 | 个 | 33 |\n| (一)救助支出 | 万元 | 4,107.9 |\n| (1)最低生活保障 | 万元 | 3,560.4 |\n| A 城市救助支出 | 万元 | 879.9 |\n| I 城市低保金 | 万元 | 861.0 |\n| II 城市临时补助 | 万元 | 18.9 |\n| B 农村救助支出 | 万元 | 2,680.5 |\n| I 农村低保金 | 万元 | 2,650.3 |\n| II 农村临时补助 | 万元 | 41.2 |\n| (2)临时救助 | 万元 | 547.5 |\n| 1.社会福利 | 万元 | 950.0 |\n| 其中:(1)儿童福利 | 万元 | 310.2 |\n| (2)老年人福利 | 万元 | 402.6 |\n";
    let diags = arithmetic("月报.md", table);
    assert_one(
        &diags,
        "table-sum",
        "error",
        "table row `B农村救助支出`, column `数量`: subset rows add up to 2691.5, more than their parent 2680.5",
        ("2,680.5", 14),
        &["2,650.3", "41.2"],
    );
    let right = table.replace("| 41.2 |", "| 30.2 |");
    assert!(arithmetic("月报.md", &right).is_empty());
    // 城市 + 农村 make the whole of (1): 879.9 + 2680.5 = 3560.4; a total
    // larger than its parts is an error too (short parts), where numbered
    // items alone ((1), (2) under (一)) are only a part of their row.
    let short = right.replace("| 4,107.9 |", "| 4,137.9 |");
    assert!(arithmetic("月报.md", &short).is_empty());
    let short = right.replace("| 3,560.4 |", "| 3,530.4 |");
    let diags = arithmetic("月报.md", &short);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(
        diags[0].message,
        "table row `(1)最低生活保障`, column `数量`: the members add up to 3560.4, but the total is 3530.4"
    );
    // The numbered items under 乡镇级合计 must add up: 98 + 81 + 33 = 212.
    let diags = arithmetic("月报.md", &right.replace("| 98 |", "| 97 |"));
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(
        diags[0].message,
        "table row `乡镇级合计`, column `数量`: the members add up to 211, but the total is 212"
    );
}

/// A table copied from a damaged page: the empty cells of some rows were
/// dropped and padded at the end, so their figures stand left of their
/// columns. The decimals of the full rows show where the figures belong:
/// 乙州's share is 63.70 for 117.32 ÷ 199.87 = 58.70%. The note says the
/// table lists only some of the regions: the 全区 row is no sum of them. A
/// row whose last figure is merely missing (丁州) is not moved.
#[test]
fn rows_of_a_damaged_copy_are_aligned_by_their_decimals() {
    let table = "| 地区 | 市数 | #地级市 | 县数 | 总人口 | #少数民族 | 比重(%) |\n|---|---|---|---|---|---|---|\n| 全区 | 40 | 21 | 320 | 9120.55 | 4010.20 | 43.97 |\n| 甲州 | 6 | 3 | 41 | 1205.10 | 526.10 | 43.66 |\n| 乙州 | 2 | 199.87 | 117.32 | 63.70 | | |\n| 丙州 | 5 | 2 | 33 | 980.44 | 372.31 | 37.97 |\n| 丁州 | 3 | 1 | 18 | 402.70 | 260.15 | |\n| 戊州 | 4 | 331.56 | 114.76 | 34.61 | | |\n\n注：本表只列出部分州。\n";
    let diags = arithmetic("人口.md", table);
    assert_one(
        &diags,
        "table-share",
        "warning",
        "table row `乙州`, column `比重(%)`: share 63.70% does not match 117.32 ÷ 199.87 = 58.70%",
        ("63.70", 5),
        &["117.32", "199.87"],
    );
    assert!(arithmetic("人口.md", &table.replace("63.70", "58.70")).is_empty());
    // Without the note, 全区 is read as the sum of the rows under it (丁州's
    // share filled in: a row short of its last figure leaves the sum
    // unread).
    let whole = table
        .replace("63.70", "58.70")
        .replace("260.15 | |", "260.15 | 64.60 |")
        .replace("注：本表只列出部分州。\n", "");
    let diags = arithmetic("人口.md", &whole);
    assert!(
        diags
            .iter()
            .any(|d| d.rule == "table-sum" && d.message.starts_with("table row `全区`")),
        "{diags:#?}"
    );
}

/// A yield column in other units than its inputs: 单产 (公斤/公顷) = 总产量
/// (万吨) ÷ 面积 (千公顷) × 10000. 玉米: 2310.5 ÷ 3960.2 × 10000 = 5834.3,
/// printed 5843.3 (two digits swapped). The same relation read for the area
/// column (面积 = 产量 ÷ 单产) is not reported twice.
#[test]
fn ratio_column_in_other_units() {
    let table = "| 作物 | 播种面积（千公顷） | 单产（公斤/公顷） | 总产量（万吨） |\n| --- | --- | --- | --- |\n| 粮食 | 11320.4 | 5452.1 | 6172.0 |\n| 稻谷 | 3010.6 | 6890.2 | 2074.3 |\n| 小麦 | 2415.8 | 5390.3 | 1302.2 |\n| 玉米 | 3960.2 | 5843.3 | 2310.5 |\n| 豆类 | 885.2 | 1794.4 | 158.8 |\n| 薯类 | 884.0 | 3767.0 | 333.0 |\n";
    let diags = arithmetic("粮食.md", table);
    assert_one(
        &diags,
        "table-share",
        "warning",
        "table row `玉米`, column `单产（公斤/公顷）`: ratio 5843.3 does not match 2310.5 ÷ 3960.2 × 10000 (the columns' units) = 5834.3",
        ("5843.3", 6),
        &["2310.5", "3960.2"],
    );
    assert!(arithmetic("粮食.md", &table.replace("5843.3", "5834.3")).is_empty());
}

/// A table copied with its spaces collapsed: one space between figures, and
/// a row whose last cells were blank (企业办机构) left with fewer figures.
/// Its figures keep their order from the first column, the header words too:
/// the 举办者 rows then add up to the total row in every column but the
/// last, where 公办机构 was printed 320 for 220.
#[test]
fn a_collapsed_copy_keeps_a_short_row_and_its_header_in_order() {
    let table = "表5  托育机构基本情况（2023年）\n\n        机构数（个） 班数（个） 在托幼儿数（人） 保育人员（人） 专职人员（人） 外聘机构（个） 外聘人数（人）\n        86 412 9120 1306 842 30 260\n按城乡分\n        52 270 6010 905 588 12 110\n        34 142 3110 401 254 18 150\n按举办者分\n  公办机构 28 150 3350 470 310 25 220\n  企业办机构 11 56 1270 190 120\n  民办机构 47 206 4500 646 412 5 40\n";
    assert!(arithmetic("托育.txt", table).is_empty());
    let diags = arithmetic("托育.txt", &table.replace("310 25 220", "310 25 320"));
    assert_one(
        &diags,
        "table-sum",
        "warning",
        "table column `外聘人数（人）`: the members add up to 360, but the total is 260",
        ("260", 4),
        &["320", "40"],
    );
}

const FIRMS: &str = "| 项目 | 2023年 | 2024年 |
|---|---|---|
| 合计 | 120 | 131 |
| 国有企业 | 20 | 22 |
| 其中：县属 | 12 | 13 |
| 集体企业 | 30 | 31 |
| 私营企业 | 70 | 77 |
";

/// A `其中：县属` row inside a flat list is a part of 国有企业 only: the 合计
/// sums the other rows, 22 + 31 + 77 = 130, not 131. The rows after the
/// `其中` row are no items of it: 13 + 31 = 44 is more than 22.
#[test]
fn total_over_a_list_with_a_qizhong_row_leaves_that_row_out() {
    let diags = arithmetic("企业.md", FIRMS);
    assert_one(
        &diags,
        "table-sum",
        "error",
        "table row `合计`, column `2024年`: the members add up to 130, but the total is 131",
        ("131", 3),
        &["22", "31", "77"],
    );
}

/// The same list adding up (20 + 30 + 70 = 120, 22 + 31 + 77 = 130): the
/// `其中` row is never added (130 + 13 = 143), so nothing is reported.
#[test]
fn total_over_a_list_with_a_qizhong_row_that_adds_up_is_silent() {
    assert!(arithmetic("企业.md", &FIRMS.replace("131", "130")).is_empty());
}

/// The same in a whitespace-aligned table, the `其中` row indented.
#[test]
fn qizhong_row_in_a_text_table_is_left_out_of_the_total() {
    let table = "单位：家
项  目          2023年     2024年
合  计            120        131
国有企业           20         22
  其中：县属       12         13
集体企业           30         31
私营企业           70         77
";
    let diags = arithmetic("企业.txt", table);
    assert_one(
        &diags,
        "table-sum",
        "error",
        "table row `合计`, column `2024年`: the members add up to 130, but the total is 131",
        ("131", 3),
        &["22", "31", "77"],
    );
    assert!(arithmetic("企业.txt", &table.replace("131", "130")).is_empty());
}

/// Under a bare `其中：` row, the rows that stay within 国有企业 (13 + 6 ≤ 22)
/// may be its items or members of the 合计: the 合计 is read in the way that
/// adds up (22 + 31 + 77 = 130), never with them added.
#[test]
fn rows_under_a_bare_qizhong_are_never_added_to_the_total() {
    let table = "| 项目 | 2023年 | 2024年 |
|---|---|---|
| 合计 | 120 | 130 |
| 国有企业 | 20 | 22 |
| 其中： |  |  |
| 县属 | 12 | 13 |
| 乡属 | 5 | 6 |
| 集体企业 | 30 | 31 |
| 私营企业 | 70 | 77 |
";
    assert!(arithmetic("企业.md", table).is_empty());
}

const SCHOOLS: &str = "| 乡镇 | 小学 | 初中 |
|---|---|---|
| 东关镇 | 12 | 3 |
| 西河镇 | 9 | 2 |
| 小计 | 21 | 5 |
| 南山乡 | 6 | 1 |
| 北坡乡 | 4 | 1 |
| 小计 | 10 | 2 |
| 合计 | 31 | 7 |
";

/// Groups that each end in a `小计`: the first 小计 sums the rows above it,
/// 3 + 3 = 6, not 5 (the 合计 over the 小计 rows, 5 + 2 = 7, holds).
#[test]
fn subtotal_after_its_group_is_checked() {
    let diags = arithmetic(
        "学校.md",
        &SCHOOLS.replace("| 西河镇 | 9 | 2 |", "| 西河镇 | 9 | 3 |"),
    );
    assert_one(
        &diags,
        "table-sum",
        "error",
        "table row `小计`, column `初中`: the members add up to 6, but the total is 5",
        ("5", 5),
        &["3", "3"],
    );
}

/// The 合计 after the groups sums the 小计 rows only (5 + 2 = 7, not 8), never
/// the members too (5 + 2 + 3 + 2 + 1 + 1 = 14).
#[test]
fn total_after_subtotals_sums_the_subtotals() {
    let diags = arithmetic(
        "学校.md",
        &SCHOOLS.replace("| 合计 | 31 | 7 |", "| 合计 | 31 | 8 |"),
    );
    assert_one(
        &diags,
        "table-sum",
        "error",
        "table row `合计`, column `初中`: the members add up to 7, but the total is 8",
        ("8", 9),
        &["5", "2"],
    );
}

/// The table adding up everywhere is silent: no 小计 is added twice.
#[test]
fn subtotals_and_total_that_add_up_are_silent() {
    assert!(arithmetic("学校.md", SCHOOLS).is_empty());
}

/// The same groups in a whitespace-aligned table, the 合计 first.
#[test]
fn subtotals_in_a_text_table_are_checked() {
    let table = "单位：所
乡  镇       小学     初中
合  计         31        8
东关镇         12        3
西河镇          9        2
小  计         21        5
南山乡          6        1
北坡乡          4        1
小  计         10        2
";
    let diags = arithmetic("学校.txt", table);
    assert_one(
        &diags,
        "table-sum",
        "error",
        "table row `合计`, column `初中`: the members add up to 7, but the total is 8",
        ("8", 3),
        &["5", "2"],
    );
    assert!(arithmetic("学校.txt", &table.replace("        8\n", "        7\n")).is_empty());
}

/// A Word table cell: `props` go in its `w:tcPr` (merges).
fn word_cell(text: &str, props: &str) -> String {
    format!(
        "<w:tc><w:tcPr>{props}</w:tcPr>{}</w:tc>",
        common::para(&[text])
    )
}

/// A Word table whose header cells are merged: `项目` spans the two header
/// rows (`w:vMerge`), each year spans its two columns (`w:gridSpan`). The
/// figures stay in their grid columns, under headers that name the year:
/// 2024年从业人员 is 820 + 580 = 1400. `total` is the 合计's figure there.
fn merged_word_table(total: &str) -> Vec<u8> {
    let span2 = r#"<w:gridSpan w:val="2"/>"#;
    let row = |cells: &[String]| format!("<w:tr>{}</w:tr>", cells.concat());
    let plain = |cells: &[&str]| row(&cells.iter().map(|c| word_cell(c, "")).collect::<Vec<_>>());
    let body = format!(
        "{}<w:tbl>{}{}{}{}{}</w:tbl>",
        common::para(&["各行业企业及从业人员"]),
        row(&[
            word_cell("项目", r#"<w:vMerge w:val="restart"/>"#),
            word_cell("2023年", span2),
            word_cell("2024年", span2),
        ]),
        row(&[
            word_cell("", "<w:vMerge/>"),
            word_cell("企业数", ""),
            word_cell("从业人员", ""),
            word_cell("企业数", ""),
            word_cell("从业人员", ""),
        ]),
        plain(&["合计", "52", "1300", "55", total]),
        plain(&["工业", "30", "760", "32", "820"]),
        plain(&["服务业", "22", "540", "23", "580"]),
    );
    common::docx(&body)
}

/// Runs yblint on a Word file and returns (rule, message, primary line,
/// that is paragraph number) of each diagnostic.
fn word_findings(name: &str, bytes: Vec<u8>) -> Vec<(String, String, u64)> {
    let ws = Workspace::new();
    ws.write(name, bytes);
    let run = ws.check(&["--format", "json", name]);
    assert!(run.code == 0 || run.code == 1, "{run:?}");
    let doc = run.json();
    doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["message"].as_str().unwrap().to_string(),
                d["span"]["line"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

/// The 合计 of 2024年从业人员 ten short of its members is reported in its
/// own column, named by both merged headers; the figure is paragraph 14 (one
/// title, then the cells: 5 + 5 + 3 before it). Without the merges read,
/// the header would be `从业人员` alone and the years' columns shifted.
#[test]
fn merged_header_cells_name_each_column_they_cover() {
    let found = word_findings("企业.docx", merged_word_table("1390"));
    assert_eq!(
        found,
        [(
            "table-sum".to_string(),
            "table row `合计`, column `2024年从业人员`: the members add up to 1400, but the total is 1390".to_string(),
            14
        )]
    );
}

/// The same table adding up is silent.
#[test]
fn merged_word_table_that_adds_up_is_silent() {
    assert_eq!(word_findings("企业.docx", merged_word_table("1400")), []);
}
