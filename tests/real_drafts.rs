//! Breakdowns as real drafts write them: ASCII punctuation pasted from web
//! pages, traditional script, lists in brackets, lines of an infographic,
//! overlapping cuts, and levels compared with (`与…相比`). Each shape has a
//! test that it is read and a silent twin for the trap that looks like it.
//! Sentences are written for these tests; the arithmetic is in the comments.

mod common;

use common::{assert_reports, assert_silent, breakdown_sum, Expect, Workspace};

/// ASCII `,` between clauses reads as `，`: 58140 + 69290 = 127430, 100 short
/// of 127530 (城镇/乡村 is a partition), exactly as with full-width marks.
#[test]
fn ascii_commas_mark_clauses() {
    for text in [
        "年末全县常住人口为127530人。其中,城镇人口58140人,乡村人口69290人。",
        "年末全县常住人口为127530人。其中，城镇人口58140人，乡村人口69290人。",
    ] {
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
}

/// ASCII `,` inside a number still groups its digits: 1,250 + 3,460 = 4,710.
#[test]
fn ascii_comma_inside_a_number_groups_digits() {
    assert_silent(
        "就业.txt",
        "全年城镇新增就业4,710人,其中,失业人员再就业1,250人,就业困难人员就业3,460人。",
    );
}

/// Traditional script: 萬 is a magnitude, 戶/鄉 are read as 户/乡, and the
/// spans point into the original text. 5.81 + 6.84 = 12.65, 0.10 short of
/// 12.75 万人.
#[test]
fn traditional_script_is_read_with_spans_into_the_original() {
    assert_reports(
        "人口.txt",
        "年末全縣常住人口為12.75萬人，其中，城鎮人口5.81萬人，鄉村人口6.84萬人。",
        &[Expect {
            total: "12.75萬人",
            nth: 0,
            parts: &["5.81萬人", "6.84萬人"],
            message: "parts add up to 12.65 万人, but the total is 12.75 万人",
            notes: &["5.81 + 6.84 = 12.65 万人, 0.10 short of 12.75 万人 (parts 城镇/乡村 cover the whole)"],
        }],
    );
}

/// The same sentence in traditional script that adds up stays silent.
#[test]
fn traditional_script_that_adds_up_is_silent() {
    assert_silent(
        "人口.txt",
        "年末全縣常住人口為12.75萬人，其中，城鎮人口5.91萬人，鄉村人口6.84萬人。",
    );
}

/// A list in brackets right after its total: 301 + 402 + 159 = 862 > 812.
#[test]
fn list_in_brackets_cannot_exceed_its_total() {
    assert_reports(
        "卫生.txt",
        "全县有卫生技术人员812人（执业医师301人，注册护士402人，药剂人员159人），比上年增加21人。",
        &[Expect {
            total: "812人",
            nth: 0,
            parts: &["301人", "402人", "159人"],
            message: "parts add up to 862 人, more than the total 812 人",
            notes: &[
                "301 + 402 + 159 = 862 人, 50 more than 812 人",
                "parts in brackets after a total are subsets of it: together they cannot exceed it",
            ],
        }],
    );
}

/// `（其中…）` and ASCII brackets: 460 + 42 = 502 > 482 台.
#[test]
fn qizhong_in_brackets() {
    for text in [
        "设施农业设备482台（其中电动卷帘设备460台，热风炉42台），补贴资金74.98万元。",
        "设施农业设备482台(其中电动卷帘设备460台,热风炉42台),补贴资金74.98万元。",
    ] {
        assert_reports(
            "农机.txt",
            text,
            &[Expect {
                total: "482台",
                nth: 0,
                parts: &["460台", "42台"],
                message: "parts add up to 502 台, more than the total 482 台",
                notes: &[
                    "460 + 42 = 502 台, 20 more than 482 台",
                    "parts in brackets after a total are subsets of it: together they cannot exceed it",
                ],
            }],
        );
    }
}

/// `（含…）`: a one-part subset, 教学点 31 > 小学 28 所.
#[test]
fn subset_marked_han_in_brackets() {
    assert_reports(
        "教育.txt",
        "全县有小学28所（含教学点31所），在校生9120人。",
        &[Expect {
            total: "28所",
            nth: 0,
            parts: &["31所"],
            message: "a part, 31所, is more than its total 28所",
            notes: &["31所 > 28所: a part of a breakdown cannot exceed its total"],
        }],
    );
}

/// Brackets that are not breakdowns: the figure restated in another unit
/// (58620人 against 5.863万人 would be "more"), another period, a plan, and
/// a subset that fits.
#[test]
fn brackets_that_are_not_breakdowns_are_silent() {
    assert_silent(
        "综合.txt",
        "全县常住人口58620人（5.863万人），户籍人口61200人（上年为61980人）。全年完成投资8.6亿元（年度计划12亿元）。幼儿园68所（民办12所）。",
    );
}

/// A line that opens with a new label after a complete figure is the next
/// line of an infographic, not a part of the 其中 before it (30215 and 25110
/// are towns' populations, not 少数民族人口).
#[test]
fn a_new_line_after_a_figure_ends_the_list() {
    assert_silent(
        "速览.txt",
        "■全县少数民族人口为8620人,占12.40%,其中苗族人口为7915人,占11.39%\n分乡镇人口\n城关镇30215人,占43.47%\n河口镇25110人,占36.13%\n",
    );
}

/// A line break inside a label (a page break) does not end the list:
/// 21 + 723 = 744, 10 short of 754 户.
#[test]
fn a_page_break_inside_a_label_keeps_the_list() {
    assert_reports(
        "民政.txt",
        "有城乡特困人员754户，其中，城市特困人员21户，农\n\n·126·\n村特困人员723户。",
        &[Expect {
            total: "754户",
            nth: 0,
            parts: &["21户", "723户"],
            message: "parts add up to 744 户, but the total is 754 户",
            notes: &["21 + 723 = 744 户, 10 short of 754 户 (parts 城市/农村 cover the whole)"],
        }],
    );
}

/// A part equal to its total means overlapping cuts (市外 includes 省外):
/// 31 + 46 is not added up.
#[test]
fn a_part_equal_to_the_total_marks_overlapping_cuts() {
    assert_silent(
        "招商.txt",
        "截至6月底，全县共有签约项目46个，其中：省外项目31个、市外项目46个。",
    );
}

/// Overlapping cuts are still each within the total: 52 > 46.
#[test]
fn an_overlapping_cut_larger_than_the_total_is_reported() {
    let (diags, _) = breakdown_sum(
        "招商.txt",
        "截至6月底，全县共有签约项目46个，其中：省外项目31个、市外项目46个、境外项目52个。",
    );
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(
        diags[0].message,
        "a part, 52个, is more than its total 46个"
    );
}

/// `与…的55310人相比` is the level compared with, not this year's: the growth
/// 3310 ÷ 55310 = 5.98% is right and nothing is reported.
#[test]
fn the_level_compared_with_is_the_previous_level() {
    let ws = Workspace::new();
    ws.write(
        "人口.txt",
        "全县常住人口为58620人，与2010年第六次人口普查的55310人相比，增加3310人，增长5.98%。\n",
    );
    let run = ws.check(&["--format", "json", "人口.txt"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let doc = run.json();
    assert_eq!(doc["diagnostics"].as_array().unwrap().len(), 0, "{doc:#}");
}

/// B1: a cut announced by `按…分` in the next sentence divides the total
/// before it: 夏粮 4.1 + 秋粮 14.8 = 18.9 > 18.6 万吨.
#[test]
fn a_cut_announced_by_an_fen_divides_the_total_before_it() {
    assert_reports(
        "粮食.txt",
        "全年粮食总产量18.6万吨，比上年增长2.1%。按季节分，夏粮4.1万吨，秋粮14.8万吨。",
        &[Expect {
            total: "18.6万吨",
            nth: 0,
            parts: &["4.1万吨", "14.8万吨"],
            message: "parts add up to 18.9 万吨, more than the total 18.6 万吨",
            notes: &["4.1 + 14.8 = 18.9 万吨, 0.3 more than 18.6 万吨"],
        }],
    );
    assert_silent(
        "粮食.txt",
        "全年粮食总产量18.6万吨，比上年增长2.1%。按季节分，夏粮4.1万吨，秋粮14.5万吨。",
    );
}

/// `从…来看` with a long topic introduces a subject, not a cut of the figure
/// before it; a figure in the announcing clause makes it a statement.
#[test]
fn a_topic_introduced_by_cong_kan_is_not_a_cut() {
    assert_silent(
        "调解.txt",
        "全市调解纠纷1266宗。从调解纠纷案件数量来看，三类纠纷分别是劳动争议1123宗、损害赔偿1062宗。",
    );
}

/// B5: `X中，` names a total stated earlier in the paragraph or the one
/// before: 男性 40102 + 女性 36655 = 76757 > 75757 人.
#[test]
fn an_opener_names_a_total_stated_before() {
    let text = "年末全县常住人口为75757人，比上年减少312人。\n全县常住人口中，男性人口为40102人，占52.94%；女性人口为36655人，占47.06%。\n";
    assert_reports(
        "人口.txt",
        text,
        &[Expect {
            total: "75757人",
            nth: 0,
            parts: &["40102人", "36655人"],
            message: "parts add up to 76757 人, more than the total 75757 人",
            notes: &["40102 + 36655 = 76757 人, 1000 more than 75757 人"],
        }],
    );
    assert_silent("人口.txt", &text.replace("36655", "35655"));
}

/// B5 with the total inside the opener: 39 + 98 + 19 = 156 > 146 件.
#[test]
fn an_opener_with_its_own_total() {
    assert_reports(
        "法院.txt",
        "全年受理的146件案件中，刑事案件39件，民事案件98件，行政案件19件。",
        &[Expect {
            total: "146件",
            nth: 0,
            parts: &["39件", "98件", "19件"],
            message: "parts add up to 156 件, more than the total 146 件",
            notes: &[
                "39 + 98 + 19 = 156 件, 10 more than 146 件",
                "parts named after `…中，` are subsets of the total: together they cannot exceed it",
            ],
        }],
    );
}

/// Each opener takes the figure it names: 常住人口 and 户籍人口 are two
/// totals, and 41020 belongs to 户籍人口 (80210), not to 常住人口 (75757).
#[test]
fn openers_take_the_total_they_name() {
    assert_silent(
        "人口.txt",
        "全县常住人口为75757人，户籍人口为80210人。常住人口中，男性人口为40102人；户籍人口中，男性人口为41020人。",
    );
}

/// One lexicon for every rule: with 新设 added to the statement verbs,
/// `新设幼儿园19所` is a new statement, not a part, for breakdown-sum
/// (36 + 20 = 56 within 58, no error) and for share alike (no share of the
/// breakdown's total is read for it), even with breakdown-sum off. Built in,
/// both rules read it as a part: 36 + 20 + 19 = 75 > 58, and 19 ÷ 58 =
/// 32.76%, not 30.0%.
#[test]
fn a_lexicon_change_reaches_every_rule() {
    let text =
        "全县有幼儿园58所，其中，一级幼儿园36所，二级幼儿园20所，新设幼儿园19所，占30.0%。\n";
    let arithmetic = |config: Option<&str>| -> Vec<(String, String)> {
        let ws = Workspace::new();
        ws.write("教育.txt", text);
        if let Some(c) = config {
            ws.write("yblint.toml", c);
        }
        let doc = ws.check(&["--format", "json", "教育.txt"]).json();
        doc["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["category"] == "arithmetic")
            .map(|d| {
                (
                    d["rule"].as_str().unwrap().to_string(),
                    d["message"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let built_in = arithmetic(None);
    let rules: Vec<&str> = built_in.iter().map(|(r, _)| r.as_str()).collect();
    assert_eq!(rules, ["breakdown-sum", "share"], "{built_in:#?}");
    assert_eq!(
        built_in[0].1,
        "parts add up to 75 所, more than the total 58 所"
    );
    for config in [
        "[rules.breakdown-sum]\nextend_statement_verbs = [\"新设\"]\n",
        "[rules.breakdown-sum]\nseverity = \"off\"\nextend_statement_verbs = [\"新设\"]\n",
    ] {
        assert_eq!(arithmetic(Some(config)), [], "with {config}");
    }
}

/// `大致` is an approximation word of the figure reader: `大致58所` is no
/// exact total, and 36 + 25 = 61 stays within what it allows.
#[test]
fn an_approximate_total_is_only_a_bound() {
    assert_silent(
        "学校.txt",
        "全县有学校大致58所，其中，小学36所，初级中学25所。",
    );
}

/// An approximation word added under `[labels]` reaches the figure reader:
/// with `估计` one, `估计58所` is no exact total either.
#[test]
fn an_approximation_word_added_by_the_user_reaches_the_reader() {
    let text = "全县有学校估计58所，其中，小学36所，初级中学25所。\n";
    let (diags, _) = breakdown_sum("学校.txt", text);
    assert_eq!(diags.len(), 1, "built in, 估计 is no approximation word");
    let ws = Workspace::new();
    ws.write("学校.txt", text);
    ws.write("yblint.toml", "[labels]\nabout_before = [\"估计\"]\n");
    let doc = ws.check(&["--format", "json", "学校.txt"]).json();
    assert_eq!(doc["diagnostics"].as_array().unwrap().len(), 0, "{doc:#}");
}

/// The approximation words `num-redundant-approx` knows are all words the
/// figure reader takes as approximations: the two never disagree on what
/// makes a figure approximate.
#[test]
fn redundant_approx_words_are_reader_words() {
    let config = yblint::config::Config::builtin().unwrap();
    let w = &config.tables.words;
    let settings: toml::Table = toml::from_str(
        yblint::rules::find("num-redundant-approx")
            .unwrap()
            .defaults,
    )
    .unwrap();
    for (key, lists) in [
        (
            "before_words",
            vec![&w.about_before, &w.at_most_before, &w.at_least_before],
        ),
        (
            "after_words",
            vec![&w.about_after, &w.at_most_after, &w.at_least_after],
        ),
    ] {
        for word in settings[key].as_array().unwrap() {
            let word = word.as_str().unwrap();
            assert!(
                lists.iter().any(|l| l.iter().any(|x| x == word)),
                "`{word}` of num-redundant-approx {key} is not an approximation word of the reader"
            );
        }
    }
}

/// Diagnostics of one rule on a draft, as (severity, message).
fn findings(rule: &str, text: &str) -> Vec<(String, String)> {
    let ws = Workspace::new();
    ws.write("稿.txt", text);
    let doc = ws.check(&["--format", "json", "稿.txt"]).json();
    doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == rule)
        .map(|d| {
            (
                d["severity"].as_str().unwrap().to_string(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// A plan or an estimate (概算投资) is not a part of what was done (完成投资),
/// and the opposite quantity (贷款) is not a part of 存款; a part that is
/// (储蓄存款 12.1 > 11.2) is still checked.
#[test]
fn plans_and_opposites_are_not_parts() {
    assert_silent(
        "投资.txt",
        "1-12月份，全县重点工程完成投资7.57亿元，投资完成率122.6%。其中：省级6项，概算投资14.16亿元，当年计划投资1.9亿元。",
    );
    assert_silent(
        "金融.txt",
        "年末全镇金融机构各项存款余额11.2亿元，其中居民储蓄存款余额9.1亿元，贷款余额2.5亿元。",
    );
    let (diags, _) = breakdown_sum(
        "金融.txt",
        "年末全镇金融机构各项存款余额11.2亿元，其中居民储蓄存款余额12.1亿元，贷款余额2.5亿元。",
    );
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(
        diags[0].message,
        "a part, 12.1亿元, is more than its total 11.2亿元"
    );
}

/// A broader category and one it contains overlap (卫生技术人员 includes
/// 执业医师): 6978 + 2380 is not added up against 8331.
#[test]
fn nested_categories_overlap() {
    assert_silent(
        "卫生.txt",
        "年末全市共有卫生人员8331人，其中卫生技术人员6978人、执业（助理）医师2380人。",
    );
}

/// `A中B…` after part A is a part of A: 414.2 is inside 935.7, not a third
/// part of 1662.8 (705.4 + 935.7 = 1641.1 fits); when it exceeds A, A is its
/// total (1014.2 > 935.7).
#[test]
fn a_part_of_a_part_is_checked_against_that_part() {
    assert_silent(
        "金融.txt",
        "金融机构各项贷款余额1662.8亿元。其中，短期贷款705.4亿元；中长期贷款935.7亿元，中长期贷款中个人消费贷款414.2亿元。",
    );
    let (diags, _) = breakdown_sum(
        "金融.txt",
        "金融机构各项贷款余额1662.8亿元。其中，短期贷款705.4亿元；中长期贷款935.7亿元，中长期贷款中个人消费贷款1014.2亿元。",
    );
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(
        diags[0].message,
        "a part, 1014.2亿元, is more than its total 935.7亿元"
    );
    assert_eq!(diags[0].span.text, "935.7亿元");
}

/// A `其中：` list whose 、-joined items add up to the total exactly is
/// complete: 20 + 62 + 8 = 90; the figure of the next clause (杂居村寨455个)
/// is a new statement.
#[test]
fn a_complete_dun_list_ends_the_breakdown() {
    assert_silent(
        "民族.txt",
        "全县聚居的村寨有90个，其中：壮族聚居村寨20个、苗族聚居村寨62个、瑶族聚居村寨8个，各民族共同杂居村寨455个。",
    );
}

/// A contribution list of two industries does not cover the whole, even
/// when an earlier statement of the sentence names all three.
#[test]
fn contributions_of_some_industries_need_not_add_up() {
    assert_eq!(
        findings(
            "contribution-sum",
            "2004年一、二、三产业结构为15.7:51.3:33.0，第二、第三产业对经济增长的贡献率分别为60.4%和33.0%。\n"
        ),
        []
    );
}

/// A bare `占p%` inside a nested 其中 may be of the whole: 13366 ÷ 18776 =
/// 71.19%, but 13366 × 24.78% ÷ 18776 = 17.64% of the population the group's
/// own share is of. A share that fits neither (27.64%) is still reported.
#[test]
fn a_share_inside_a_nested_qizhong_may_be_of_the_whole() {
    let text = "全县常住人口75757人。全县常住人口中，0-14岁人口为10198人，占13.46%；15-59岁人口为46783人，占61.75%；60岁及以上人口为18776人，占24.78%，其中65岁及以上人口为13366人，占17.64%。\n";
    assert_eq!(findings("share", text), []);
    assert_eq!(
        findings("share", &text.replace("17.64%", "27.64%")),
        [(
            "warning".to_string(),
            "share stated 27.64%, but 人口 13366人 ÷ 人口 18776人 = 71.19%".to_string()
        )]
    );
}

/// B3 records: the totals of a record stand in the clauses before 其中
/// (38所 and 2.95万人), and records set out with ； go on while their short
/// labels end alike (高中/初中): 9 + 31 = 40 > 38 所.
#[test]
fn records_before_and_after_qizhong() {
    let text = "普通中学38所，在校学生2.95万人，其中高中9所，在校学生1.23万人；初中31所，在校学生1.72万人。小学48所，在校学生4.48万人。";
    let (diags, _) = breakdown_sum("教育.txt", text);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(
        diags[0].message,
        "parts add up to 40 所, more than the total 38 所"
    );
    assert_eq!(diags[0].span.text, "38所");
    assert_silent("教育.txt", &text.replace("初中31所", "初中29所"));
    // After ；, a short label that does not end as the first part's is the
    // next total, not a part (初中 is no kind of 小学).
    assert_silent(
        "教育.txt",
        "全县有小学46所，其中完全小学30所，教学点16所；初中15所，在校学生0.9万人。",
    );
}

/// Two totals of one unit before 其中, each named (`退回补充侦查`, `重报`):
/// each part goes to the total its label names; 一次重报 38 > 重报 35 件.
#[test]
fn parts_go_to_the_total_their_label_names() {
    let text = "上半年共退回补充侦查36件67人，重报35件68人。其中一次退回补充侦查30件54人，一次重报38件52人。";
    let (diags, _) = breakdown_sum("检察.txt", text);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(
        diags[0].message,
        "a part, 38件, is more than its total 35件"
    );
    assert_eq!(diags[0].span.text, "35件");
    assert_silent("检察.txt", &text.replace("一次重报38件", "一次重报28件"));
}

/// A daily average (日均7181起) is no total: the one total of 起 before 其中
/// is the year's 262098起; 51133 + 4369 fits within it.
#[test]
fn a_daily_average_is_no_total() {
    assert_silent(
        "警情.txt",
        "全年共接听处置各类警情262098起，日均718起。其中，交通类警情51133起，同比上升2.3%，刑事类警情4369起，同比下降38.9%。",
    );
}

/// The members of a partition listed right after their total, with no
/// word to announce them: 22 + 62 + 23 + 29 = 136 > 116 名. A list whose
/// "total" is itself an item of a list (…32人，42人，妇女67人) is left alone.
#[test]
fn a_partition_listed_right_after_its_total() {
    let text = "上半年，高新区有116名残疾人享受生活补贴，一级残疾人22名，二级残疾人62名，三级残疾人23名，四级残疾人29名，补贴金额47670元。";
    let (diags, _) = breakdown_sum("残联.txt", text);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(
        diags[0].message,
        "parts add up to 136 名, more than the total 116 名"
    );
    assert_silent("残联.txt", &text.replace("四级残疾人29名", "四级残疾人9名"));
    assert_silent(
        "法援.txt",
        "受援对象中，残疾人80人，未成年人54人，农民工32人，低保对象42人，妇女67人，老年人7人。",
    );
    assert_silent(
        "信箱.txt",
        "从热点分布来看，反映住房建设类540件，自然资源类81件，城市管理类64件，农业农村类45件。",
    );
}

/// An opener inside the clause of the first part (`在总人口中男性…`) names
/// its total as `总人口中，` does: 278098 + 265354 = 543452 > 533452 人.
#[test]
fn an_opener_inside_the_first_part_clause() {
    let text = "2022年末全县总户数为166094户，户籍总人口为533452人。在总人口中男性人口为278098人，占总人口的52.1%；女性人口为265354人。";
    let (diags, _) = breakdown_sum("人口.txt", text);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(
        diags[0].message,
        "parts add up to 543452 人, more than the total 533452 人"
    );
    assert_eq!(diags[0].span.text, "533452人");
}

/// Parts that name an earlier figure of the sentence (案件) rather than the
/// nearer one (结案) go to the earlier: 40148 + 4148 = 44296 > 43296 件.
#[test]
fn parts_go_to_the_earlier_figure_they_name() {
    let text = "全年共受理民事案件43296件，结案38180件，结案率88.18%，其中一审案件40148件，同比下降5.1%，二审案件4148件。";
    let (diags, _) = breakdown_sum("法院.txt", text);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(
        diags[0].message,
        "parts add up to 44296 件, more than the total 43296 件"
    );
    assert_eq!(diags[0].span.text, "43296件");
    assert_silent("法院.txt", &text.replace("4148件", "3148件"));
}

/// An opener whose total stands in an earlier paragraph, in a paragraph
/// that opens with a sentence without figures, is checked (it used to stop
/// breakdown-sum with an internal error): 140218 + 134198 = 274416, 900
/// short of 275316 (男/女 cover the whole).
#[test]
fn an_opener_with_its_total_in_an_earlier_paragraph() {
    let text =
        "年末全县常住人口为275316人。\n\n人口结构。全县常住人口中，男性140218人，女性134198人。\n";
    let ws = Workspace::new();
    ws.write("人口.txt", text);
    let run = ws.check(&["--format", "json", "人口.txt"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(!run.stderr.contains("internal error"), "{}", run.stderr);
    let (diags, _) = breakdown_sum("人口.txt", text);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(
        diags[0].message,
        "parts add up to 274416 人, but the total is 275316 人"
    );
    assert_eq!(diags[0].span.text, "275316人");
}

/// `在常住人口中，` as a clause of its own names its total too: 160327 +
/// 153131 = 313458 > 312458 人.
#[test]
fn an_opener_with_zai() {
    let (diags, _) = breakdown_sum(
        "人口.txt",
        "年末全县常住人口为312458人。在常住人口中，男性160327人，女性153131人。",
    );
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(
        diags[0].message,
        "parts add up to 313458 人, more than the total 312458 人"
    );
}

/// Records with two totals of one unit (在校学生 万人, 专任教师 人): each part
/// goes to the total it names; 12 + 52 = 64, 1.57 + 2.25 = 3.82 and
/// 842 + 1574 = 2416 all add up.
#[test]
fn records_with_two_totals_of_one_unit() {
    assert_silent(
        "教育.txt",
        "全县有小学64所，在校学生3.82万人，专任教师2416人，其中城区小学12所，在校学生1.57万人，专任教师842人；农村小学52所，在校学生2.25万人，专任教师1574人。",
    );
}

/// Brackets that hold another period, what the total leaves out, a plan or
/// another measure are not breakdowns.
#[test]
fn brackets_of_other_periods_exclusions_and_measures() {
    for text in [
        "全县共有行政村186个（2022年为203个），其中脱贫村42个。",
        "全县共有行政村186个（撤并前203个）。",
        "出生人口3126人（2022年3412人）。",
        "全县有医疗卫生机构75个（不含村卫生室281个）。",
        "全县有医疗卫生机构75个（另有村卫生室281个）。",
        "卫生技术人员1246人（不包括村医1326人）。",
        "全年完成投资86.4亿元（年初确定95亿元）。",
        "到位资金32.6亿元（签约资金58.4亿元）。",
    ] {
        assert_silent("稿.txt", text);
    }
}

/// The members of a partition in brackets cover their total: 36 + 20 = 56,
/// 2 short of 58 (公办/民办); 男/女 in brackets are not overlapping subsets.
#[test]
fn a_partition_in_brackets() {
    assert_reports(
        "教育.txt",
        "全县有幼儿园58所（公办36所、民办20所）。",
        &[Expect {
            total: "58所",
            nth: 0,
            parts: &["36所", "20所"],
            message: "parts add up to 56 所, but the total is 58 所",
            notes: &["36 + 20 = 56 所, 2 short of 58 所 (parts 公办/民办 cover the whole)"],
        }],
    );
    let (diags, _) = breakdown_sum("卫生.txt", "卫生技术人员1246人（男性412人、女性844人）。");
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(
        diags[0].message,
        "parts add up to 1256 人, more than the total 1246 人"
    );
}

/// With an approximate total (30余家, at most 40), no first items make the
/// list complete: 19 + 15 + 9 = 43 > 40.
#[test]
fn an_approximate_total_has_no_complete_prefix() {
    let (diags, _) = breakdown_sum(
        "合作社.txt",
        "全镇有农民专业合作社30余家，其中种植类19家，养殖类15家，其他9家。",
    );
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(
        diags[0].message,
        "parts add up to 43 家, more than the total 30余家 allows"
    );
}

/// A magnitude wrapped onto the next line (`3.46⏎亿元`, as a PDF page wraps
/// it) belongs to its number: 3.46 亿元 > 3.22 亿元.
#[test]
fn a_magnitude_on_the_next_line_belongs_to_its_number() {
    let text =
        "实现财政总收入3.22亿元，下降2.97%，其中地方财政收入3.46\n亿元，按可比口径增长15%。\n";
    let (diags, _) = breakdown_sum("财政.txt", text);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(
        diags[0].message,
        "a part, 3.46亿元, is more than its total 3.22亿元"
    );
    assert_silent("财政.txt", &text.replace("3.46\n", "2.06\n"));
}

/// A unit stated twice before a record's 其中 (缴存 3438人, 封存 112人) gives
/// a total only to parts that name one of them: 供养人数 3149 and 缴存人数
/// 289 are not parts of 封存 112人 (95 = 87 + 8 单位 is checked).
#[test]
fn a_unit_stated_twice_before_a_record_is_no_total() {
    let text = "全年住房公积金缴存人数3438人，封存112人，缴存单位95个，其中，财政供养单位87个，供养人数为3149人，企事业单位8个，缴存人数289人，每月缴存额1086.18万元。";
    assert_silent("公积金.txt", text);
    let (diags, _) = breakdown_sum(
        "公积金.txt",
        &text.replace("企事业单位8个", "企事业单位18个"),
    );
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(
        diags[0].message,
        "parts add up to 105 个, more than the total 95 个"
    );
}

/// The nearest figure an opener names is its total, the figure named after
/// its number too (`约有12万常住人口`): an approximate one checks nothing, and
/// an older paragraph's figure is not taken instead.
#[test]
fn an_opener_takes_the_nearest_figure_it_names() {
    assert_silent(
        "人口.txt",
        "全县常住人口58620人，比上年增加312人。\n\n全县约有12万常住人口。常住人口中，男性61240人，女性59870人。\n",
    );
}

/// A `其中：` list whose items each carry their share (`地租284.5万元，占18.7%；
/// 税捐…`) goes on past the shares: 284.5 + 1284.7 + 36.8 = 1606.0 >
/// 1523.3 万元.
#[test]
fn a_colon_list_goes_on_past_the_shares_of_its_items() {
    let text = "到1930年财政收入达1 523.3万元，比1919年增加1.73倍，其中：地租284.5万元，占总收入18.7%；税捐1 284.7万元，占73.4%；官业收入36.8万元，占2.4%。";
    let (diags, _) = breakdown_sum("财政.txt", text);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(
        diags[0].message,
        "parts add up to 1606.0 万元, more than the total 1523.3 万元"
    );
    assert_silent(
        "财政.txt",
        &text.replace("税捐1 284.7万元", "税捐1 184.7万元"),
    );
}
