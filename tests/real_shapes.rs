//! The shapes real drafts have and the editorial rules once misread
//! (issue 15): for each kind of false alarm, a draft with a real slip that
//! the rule still reports (rule, the text its span covers, line:column,
//! message and severity, as `yblint check` shows them) and its twin in the
//! correct published form that the rule leaves alone.

use std::path::Path;

use yblint::config::Config;
use yblint::diagnostic::{Diagnostic, Severity};

/// What a user sees of one finding: the text under the primary span, its
/// line and column (1-based, counting characters), message and severity.
#[derive(Debug, PartialEq, Eq)]
struct Seen {
    text: String,
    at: (usize, usize),
    message: String,
    severity: Severity,
}

fn seen_with(rule: &str, text: &str, toml: Option<&str>) -> Vec<Seen> {
    let config = match toml {
        Some(t) => Config::load(Some((Path::new("yblint.toml"), t))).expect("valid config"),
        None => Config::builtin().expect("built-in config"),
    };
    let diags: Vec<Diagnostic> = yblint::check_text(text, &config)
        .expect("checked")
        .into_iter()
        .filter(|d| d.rule == rule)
        .collect();
    diags
        .into_iter()
        .map(|d| {
            let before = &text[..d.span.start];
            let line = before.matches('\n').count() + 1;
            let line_start = before.rfind('\n').map_or(0, |i| i + 1);
            let column = before[line_start..].chars().count() + 1;
            Seen {
                text: d.span.slice(text).to_string(),
                at: (line, column),
                message: d.message,
                severity: d.severity,
            }
        })
        .collect()
}

fn seen(rule: &str, text: &str) -> Vec<Seen> {
    seen_with(rule, text, None)
}

fn one(text: &str, at: (usize, usize), message: &str, severity: Severity) -> Vec<Seen> {
    vec![Seen {
        text: text.into(),
        at,
        message: message.into(),
        severity,
    }]
}

#[track_caller]
fn silent(rule: &str, text: &str) {
    let got = seen(rule, text);
    assert!(
        got.is_empty(),
        "{rule} must stay silent on {text:?}; got {got:#?}"
    );
}

/// The draft after `yblint check --fix` with `toml` (safe fixes, repeated).
fn fixed(text: &str, toml: Option<&str>) -> String {
    let config = match toml {
        Some(t) => Config::load(Some((Path::new("yblint.toml"), t))).expect("valid config"),
        None => Config::builtin().expect("built-in config"),
    };
    yblint::fix::fix_text(text, yblint::fix::FixMode::Safe, |t| {
        yblint::check_text(t, &config)
    })
    .expect("fixed")
    .text
}

// ------------------------------------------------- num-arabic-with-qian-bai

#[test]
fn qian_as_a_numeral_is_reported_qian_in_a_statistical_unit_is_not() {
    assert_eq!(
        seen("num-arabic-with-qian-bai", "全镇新增城镇就业岗位3千个。\n"),
        one(
            "3千",
            (1, 11),
            "Arabic digits joined with 千 in `3千`: write `3000`",
            Severity::Error
        )
    );
    silent(
        "num-arabic-with-qian-bai",
        "全市油菜播种面积41.3千公顷，比上年增加0.8千公顷；禽蛋产量215千吨，家禽存栏860百羽。\n",
    );
    silent(
        "num-arabic-with-qian-bai",
        "全省小麥播種面積2036千公頃，減少12千hm²。\n",
    );
}

#[test]
fn a_statistical_unit_added_in_the_settings_is_a_unit() {
    let toml = "[rules.num-arabic-with-qian-bai]\nnot_magnitudes = [\"千瓦\", \"千标准煤\"]\n";
    let text = "全年综合能源消费量386千标准煤，比上年下降2.1%。\n";
    assert!(seen_with("num-arabic-with-qian-bai", text, Some(toml)).is_empty());
    assert_eq!(seen("num-arabic-with-qian-bai", text).len(), 1);
}

// ---------------------------------------------------- punct-broken-sentence

#[test]
fn a_break_inside_an_entry_is_reported_headings_datelines_and_cells_are_not() {
    assert_eq!(
        seen(
            "punct-broken-sentence",
            "【医疗救助】 全年资助困难群众参加医保1.2万人，发放医疗救\n\n助资金386万元。\n"
        ),
        one(
            "救",
            (1, 30),
            "sentence broken by a blank line (page-break artefact)",
            Severity::Warning
        )
    );
    // A numbered heading whose title holds 、, then its first paragraph.
    silent(
        "punct-broken-sentence",
        "三、农业、林业和水利\n\n全年粮食播种面积52.6千公顷，比上年增长0.4%。\n",
    );
    // A dateline and a label line above the text.
    silent(
        "punct-broken-sentence",
        "2023年4月12日　县统计局\n\n全县规模以上工业增加值增长6.2%，增速比上年回落1.1个百分点。\n",
    );
    silent(
        "punct-broken-sentence",
        "发布时间：2023-04-12　来源：县统计局\n\n全县规模以上工业增加值增长6.2%，增速比上年回落1.1个百分点。\n",
    );
}

#[test]
fn a_table_with_one_cell_per_line_is_not_a_split_figure() {
    silent(
        "punct-broken-sentence",
        "表2　各镇人口增长率\n单位：%\n\n城关镇\n10.62\n2.91\n3.92\n东山镇\n1.93\n4.62\n3.41\n",
    );
    silent(
        "punct-broken-sentence",
        "  年份      合计    城镇    农村\n\n  2021      1250     830     420\n\n  2022      1302     871     431\n",
    );
}

// ---------------------------------------------------------- space-cjk-latin

#[test]
fn a_pasted_space_is_reported_aligned_and_bilingual_layout_is_not() {
    assert_eq!(
        seen("space-cjk-latin", "年末全县有卫生技术人员 2957人。\n"),
        one(
            "员 2957",
            (1, 11),
            "space between Chinese text and `2957`",
            Severity::Warning
        )
    );
    silent(
        "space-cjk-latin",
        "进出口贸易方式  Trade Modes of Import and Export\n",
    );
    silent("space-cjk-latin", "边境小额贸易 Frontier Petty Trade\n");
    silent("space-cjk-latin", "城关镇  12.5  13.1\n");
    silent("space-cjk-latin", "2021—2023 年 城 市 财 政 收 支 情 况\n");
    silent("space-cjk-latin", "表 3 主要农产品产量\n");
}

#[test]
fn the_fix_never_merges_table_columns() {
    let table = "指标名称  2022年  2023年\n学校数  46  45\n卫生院 Health Centers  12\n";
    assert_eq!(fixed(table, None), table);
    let spaced = "2021—2023 年 城 市 财 政 收 支 情 况\n";
    assert_eq!(
        fixed(
            spaced,
            Some("[rules.space-cjk-latin]\nspacing = \"space\"\n")
        ),
        spaced
    );
}

// ------------------------------------------------- num-decimal-leading-zero

#[test]
fn a_figure_broken_before_its_decimal_mark_is_named_so_at_warning() {
    assert_eq!(
        seen(
            "num-decimal-leading-zero",
            "全年实现营业收入38\n.60亿元，比上年增长2.1%。\n"
        ),
        one(
            "38\n.60",
            (1, 9),
            "figure split by a line break: `38.60` broken before its decimal mark",
            Severity::Warning
        )
    );
    assert_eq!(
        seen("num-decimal-leading-zero", "全年完成人工造林.62万亩。\n"),
        one(
            ".62",
            (1, 9),
            "damaged figure `.62`: no digit before its decimal mark",
            Severity::Warning
        )
    );
    // An ASCII full stop after a percentage, before a year.
    silent(
        "num-decimal-leading-zero",
        "全部提案办结率达100%.2022 年，共收到提案71件。\n",
    );
}

// ----------------------------------------------------------- yb-third-person

#[test]
fn the_narrators_benxian_is_reported_a_definitions_is_not() {
    assert_eq!(
        seen(
            "yb-third-person",
            "按照统一部署，本县完成第七次人口普查登记工作。\n"
        ),
        one(
            "本县",
            (1, 8),
            "first-person `本县` in the narration",
            Severity::Warning
        )
    );
    silent(
        "yb-third-person",
        "注：常住人口指：居住在本乡镇街道且户口在本乡镇街道或户口待定的人；居住在本乡镇街道且离开户口登记地半年以上的人。\n",
    );
    silent(
        "yb-third-person",
        "流动人口是指离开户籍所在地、在本县居住半年以上的人口。\n",
    );
}

// --------------------------------------------------- punct-entry-title-inner

#[test]
fn a_comma_in_an_entry_title_is_reported_a_credit_is_not() {
    assert_eq!(
        seen(
            "punct-entry-title-inner",
            "【人居环境，整治】 全年改造农村户厕1200座。\n"
        ),
        one(
            "，",
            (1, 6),
            "`，` inside an entry title",
            Severity::Warning
        )
    );
    silent(
        "punct-entry-title-inner",
        "【人居环境整治】 全年改造农村户厕1200座。\n\n【编辑：郑晓】\n",
    );
}

// ------------------------------------------------------ unit-shizhi-nonlegal

#[test]
fn jin_alone_is_reported_jin_as_a_gloss_after_dun_is_not() {
    assert_eq!(
        seen("unit-shizhi-nonlegal", "全县粮食总产量4.32亿斤，比上年增长1.5%。\n"),
        one(
            "4.32亿斤",
            (1, 8),
            "`4.32亿斤`: 斤 is a 市制 unit, not a legal unit of measurement: use 千克 (1斤 = 0.5千克)",
            Severity::Warning
        )
    );
    silent(
        "unit-shizhi-nonlegal",
        "全县粮食总产量21.6万吨（4.32亿斤），比上年增加0.8万吨（1600万斤）。\n",
    );
    silent(
        "unit-shizhi-nonlegal",
        "全省夏糧總產量1386.4萬噸（277.3億斤）。\n",
    );
}

// ------------------------------------------------------ num-redundant-approx

#[test]
fn traditional_yue_with_yu_is_reported_yue_alone_is_not() {
    assert_eq!(
        seen("num-redundant-approx", "本屆展會共收到參展意見約60餘份。\n"),
        one(
            "約60餘份",
            (1, 12),
            "`約` and `餘` both mark `60餘份` as approximate: keep one",
            Severity::Warning
        )
    );
    silent("num-redundant-approx", "本屆展會共收到參展意見約60份。\n");
}

// -------------------------------------------------------------- space-stray

#[test]
fn stray_spaces_beside_marks_between_characters_and_before_percent() {
    let text = "全年接待游客126.5万人次 ，增长8.2 %；新建旅游厕所12座， 改造景区道 路6千米。\n";
    let got = seen("space-stray", text);
    let want = vec![
        Seen {
            text: " ".into(),
            at: (1, 15),
            message: "space before `，`".into(),
            severity: Severity::Warning,
        },
        Seen {
            text: " ".into(),
            at: (1, 22),
            message: "space between a figure and `%`".into(),
            severity: Severity::Warning,
        },
        Seen {
            text: " ".into(),
            at: (1, 35),
            message: "space after `，`".into(),
            severity: Severity::Warning,
        },
        Seen {
            text: " ".into(),
            at: (1, 41),
            message: "space between Chinese characters `道` and `路`".into(),
            severity: Severity::Warning,
        },
    ];
    assert_eq!(got, want);
    assert_eq!(
        fixed(text, None),
        "全年接待游客126.5万人次，增长8.2%；新建旅游厕所12座，改造景区道路6千米。\n"
    );
}

#[test]
fn layout_spaces_are_not_stray() {
    // An entry title, a list number, a lead-in, a byline, a padded name.
    silent(
        "space-stray",
        "【概述】 全年接待游客126.5万人次，增长8.2%。\n",
    );
    silent(
        "space-stray",
        "（一） 全年接待游客126.5万人次，增长8.2%。\n",
    );
    silent(
        "space-stray",
        "本报讯 全年接待游客126.5万人次，增长8.2%。\n",
    );
    silent(
        "space-stray",
        "（记者 韩冰）全年接待游客126.5万人次，增长8.2%。\n",
    );
    silent("space-stray", "委员：王 芳、李 明、赵 强。\n");
    // Table cells, aligned columns, a spaced-out heading, keywords.
    silent("space-stray", "合 计\n1250\n城关镇\n830\n");
    silent("space-stray", "合 计    1250 ，  1302\n");
    silent("space-stray", "2021—2023 年 城 市 财 政 收 支 情 况\n");
    silent("space-stray", "关键词：旅游 厕所 景区\n");
    // A web address set off from the full stop.
    silent("space-stray", "详情请访问 www.example.gov.cn 。\n");
}

#[test]
fn two_spaces_before_latin_in_prose_follow_the_house_style() {
    let text = "全县建成5G基站312个，接入  GIS平台数据12类。\n";
    assert_eq!(
        seen("space-stray", text),
        one(
            "  ",
            (1, 16),
            "2 spaces between Chinese text and `GIS`",
            Severity::Warning
        )
    );
    assert_eq!(
        fixed(text, None),
        "全县建成5G基站312个，接入GIS平台数据12类。\n"
    );
    let space =
        "[rules.space-cjk-latin]\nspacing = \"space\"\n[rules.space-stray]\nspacing = \"space\"\n";
    assert_eq!(
        fixed(text, Some(space)),
        "全县建成 5G 基站 312 个，接入 GIS 平台数据 12 类。\n"
    );
}

#[test]
fn in_space_style_the_fix_keeps_addresses_and_hyphen_joins_whole() {
    let space = "[rules.space-cjk-latin]\nspacing = \"space\"\n";
    for text in [
        "详见https://tjj.example.gov.cn/公报/2023年.html\n",
        "参见wiki/统计年鉴#第3章\n",
        "模板中的%s和$1由系统填入\n",
        "县农商行-ATM-自助网点\n",
    ] {
        assert!(
            seen_with("space-cjk-latin", text, Some(space)).is_empty(),
            "space style must leave {text:?} alone"
        );
        assert_eq!(fixed(text, Some(space)), text);
    }
    assert_eq!(
        seen_with("space-cjk-latin", "全县建成5G基站。\n", Some(space)),
        one(
            "成5G基",
            (1, 4),
            "no space between Chinese text and `5G`",
            Severity::Warning
        )
    );
}

#[test]
fn a_figure_split_inside_a_sentence_is_still_reported() {
    assert_eq!(
        seen(
            "punct-broken-sentence",
            "【城乡低保】 全县有城市低保对象2\n\n39户，农村低保对象1346户。\n"
        ),
        one(
            "2\n\n39",
            (1, 17),
            "figure split by a blank line (page-break artefact), read as 239",
            Severity::Warning
        )
    );
}

#[test]
fn run_in_headings_and_range_captions_keep_their_space() {
    silent(
        "space-cjk-latin",
        "——基金收支 2023年，全县医保基金收入3.2亿元。\n",
    );
    silent("space-cjk-latin", "表14—16 各类医院基本情况\n");
    assert_eq!(
        seen("space-cjk-latin", "——基金收支 全年收入 3.2亿元。\n"),
        one(
            "入 3.2",
            (1, 11),
            "space between Chinese text and `3.2`",
            Severity::Warning
        )
    );
}

// -------------------------------------------------------- punct-ascii-in-cjk

#[test]
fn an_ascii_comma_is_widened_the_dot_of_a_per_person_month_unit_is_not() {
    assert_eq!(
        seen(
            "punct-ascii-in-cjk",
            "全镇养老服务补贴标准为每人120元,覆盖老人1360名。\n"
        ),
        one(",", (1, 18), "ASCII `,` in Chinese text", Severity::Warning)
    );
    let text = "全镇养老服务补贴标准为120元/人.月，覆盖老人1360名。\n";
    silent("punct-ascii-in-cjk", text);
    assert_eq!(fixed(text, None), text);
}
