//! Page-break artefacts, paragraph ends and spacing: the three findings a
//! draft pasted out of Word or a PDF carries most.

use yblint::diagnostic::Applicability;

use crate::helpers::*;

const BROKEN: &str = "punct-broken-sentence";
const END: &str = "punct-paragraph-end";
const SPACE: &str = "space-cjk-latin";

// ---- punct-broken-sentence ----

#[test]
fn a_blank_line_inside_a_word_is_reported_and_joined() {
    let text = "【养老服务】 2021年，全县有养老机构19家，其中，公办养老机构11家，民\n\n办养老机构8家，床位1260张。\n";
    reports(
        BROKEN,
        text,
        &[(
            "民",
            "sentence broken by a blank line (page-break artefact)",
        )],
    );
    let d = &diags(BROKEN, text)[0];
    assert_eq!(d.labels[1].span.slice(text), "办");
    assert_eq!(
        d.notes,
        vec!["`构11家，民` / `办养老机构8` are one sentence: the text before the break has no end mark"]
    );
    assert_eq!(applicability(BROKEN, text), vec![Some(Applicability::Safe)]);
    assert_eq!(
        fixed(BROKEN, text),
        "【养老服务】 2021年，全县有养老机构19家，其中，公办养老机构11家，民办养老机构8家，床位1260张。\n"
    );
}

#[test]
fn a_break_after_a_figure_keeps_the_figure() {
    let text = "【道路建设】 2021年，投入资金 2860 万元，为 26\n\n个行政村修建通村公路。\n";
    reports(
        BROKEN,
        text,
        &[("6", "sentence broken by a blank line (page-break artefact)")],
    );
    let after = fixed(BROKEN, text);
    assert_eq!(
        after,
        "【道路建设】 2021年，投入资金 2860 万元，为 26个行政村修建通村公路。\n"
    );
    assert_eq!(digits(&after), digits(text));
}

#[test]
fn a_marked_page_number_in_the_break_is_removed_safely() {
    let text =
        "【林业】 全年完成人工造林1.2万亩，封山育林\n\n— 58 —\n\n3.6万亩，森林覆盖率达41.5%。\n";
    reports(
        BROKEN,
        text,
        &[(
            "林",
            "sentence broken by the page number `— 58 —` (page-break artefact)",
        )],
    );
    assert_eq!(applicability(BROKEN, text), vec![Some(Applicability::Safe)]);
    assert_eq!(
        fixed(BROKEN, text),
        "【林业】 全年完成人工造林1.2万亩，封山育林3.6万亩，森林覆盖率达41.5%。\n"
    );
    let text = "【林业】 全年完成人工造林1.2万亩，封山\n第58页\n育林3.6万亩。";
    assert_eq!(
        fixed(BROKEN, text),
        "【林业】 全年完成人工造林1.2万亩，封山育林3.6万亩。"
    );
}

#[test]
fn a_bare_number_line_is_only_probably_a_page_number() {
    let text = "【林业】 全年完成人工造林1.2万亩，封山育林\n\n58\n\n新增苗圃3处。\n";
    reports(
        BROKEN,
        text,
        &[(
            "林",
            "sentence broken by `58` on a line of its own, most likely a page number (page-break artefact)",
        )],
    );
    assert_eq!(
        applicability(BROKEN, text),
        vec![Some(Applicability::Unsafe)]
    );
    // The safe fixes leave it: removing a figure would change the text's numbers.
    assert_eq!(fixed(BROKEN, text), text);
    assert_eq!(
        fixed_with(BROKEN, text, None, true),
        "【林业】 全年完成人工造林1.2万亩，封山育林新增苗圃3处。\n"
    );
}

/// No fix joins two figures: the split figure is reported, and joined by
/// hand after checking the source.
#[test]
fn a_figure_split_by_the_break_is_reported_without_a_fix() {
    let text = "【医疗救助】 全年救助困难群众1236人次，其中，城市困难群众18\n\n7人次，农村困难群众1049人次。\n";
    reports(
        BROKEN,
        text,
        &[(
            "18\n\n7",
            "figure split by a blank line (page-break artefact), read as 187",
        )],
    );
    assert_eq!(applicability(BROKEN, text), vec![None]);
    assert_eq!(fixed(BROKEN, text), text);
    assert_eq!(fixed_with(BROKEN, text, None, true), text);
}

#[test]
fn latin_words_across_a_break_keep_a_space() {
    let text = "【信息化】 全县建成政务服务平台，接入GIS\n\nplatform数据12类。";
    assert_eq!(
        fixed(BROKEN, text),
        "【信息化】 全县建成政务服务平台，接入GIS platform数据12类。"
    );
}

#[test]
fn a_blank_line_outside_an_entry_is_joined_only_by_an_unsafe_fix() {
    // A paragraph without its title may be a Markdown paragraph that lacks
    // its end mark: joining it to the next one is for an editor to confirm.
    let text = "全县有城市低保对象239户，农\n\n村低保对象1346户。\n";
    reports(
        BROKEN,
        text,
        &[(
            "农",
            "sentence broken by a blank line (page-break artefact)",
        )],
    );
    assert_eq!(
        applicability(BROKEN, text),
        vec![Some(Applicability::Unsafe)]
    );
    assert_eq!(fixed(BROKEN, text), text);
}

#[test]
fn layout_breaks_are_left_alone() {
    // Paragraphs, a colon introducing a block, list items, headings.
    silent(
        BROKEN,
        "【概述】 全县有学校46所。\n\n【教育】 全县有教师1200人。\n",
    );
    silent(BROKEN, "主要做法有：\n\n加强组织领导，落实工作责任。\n");
    silent(BROKEN, "一是加强组织领导；\n\n二是落实工作责任。\n");
    silent(BROKEN, "全年工作如下\n\n（一）加强组织领导。\n");
    silent(BROKEN, "◆民政事务\n\n【概述】 全县有低保对象480户。\n");
    // A single line break: hard-wrapped text or a Markdown soft break.
    silent(
        BROKEN,
        "【概述】 全县有城市低保对象239户，农村\n低保对象1346户。\n",
    );
    // A caption line before prose: no clause mark before the break.
    silent(BROKEN, "表1 主要指标\n\n全县生产总值增长4.1%。\n");
    // A table after a sentence without end mark.
    silent(
        BROKEN,
        "【概述】 主要指标见下表，单位万元\n\n| 指标 | 2021年 |\n|---|---|\n| 收入 | 5.6 |\n",
    );
}

// ---- punct-paragraph-end ----

#[test]
fn a_paragraph_ending_with_a_semicolon_is_reported_and_fixed() {
    let text = "【普法宣传】 2021年，开展法治宣传132场次，发放资料8000份，群众知晓率达93%；\n\n【矛盾调解】 调解纠纷216件。\n";
    reports(END, text, &[("；", "paragraph ends with a semicolon")]);
    assert_eq!(applicability(END, text), vec![Some(Applicability::Safe)]);
    let after = fixed(END, text);
    assert_eq!(
        after,
        "【普法宣传】 2021年，开展法治宣传132场次，发放资料8000份，群众知晓率达93%。\n\n【矛盾调解】 调解纠纷216件。\n"
    );
    // At the end of the file, and before a heading.
    reports(
        END,
        "【调解】 调解纠纷216件，成功率98%；",
        &[("；", "paragraph ends with a semicolon")],
    );
    reports(
        END,
        "【调解】 调解纠纷216件，成功率98%；\n◆司法行政\n",
        &[("；", "paragraph ends with a semicolon")],
    );
}

#[test]
fn a_paragraph_without_end_mark_or_ending_with_a_comma() {
    let text = "【道路建设】 2021年，新修通村公路30千米，完成投资1200万元\n\n【饮水工程】 新建集中供水点12处，\n\n【电网】 改造线路18千米。";
    reports(
        END,
        text,
        &[
            ("元", "paragraph ends without an end mark"),
            ("，", "paragraph ends with `，`"),
        ],
    );
    assert_eq!(
        applicability(END, text),
        vec![Some(Applicability::Unsafe), Some(Applicability::Unsafe)]
    );
    assert_eq!(fixed(END, text), text, "no safe fix: text may be missing");
    assert_eq!(
        fixed_with(END, text, None, true),
        "【道路建设】 2021年，新修通村公路30千米，完成投资1200万元。\n\n【饮水工程】 新建集中供水点12处。\n\n【电网】 改造线路18千米。"
    );
}

#[test]
fn outside_entries_only_a_closing_semicolon_is_reported() {
    // Markdown list items and fragments often end without a mark.
    silent(
        END,
        "全县完成投资5亿元，增长8%\n\n新建学校2所，改造校舍12处，\n\n下一段。",
    );
    let text = "加强组织领导，落实工作责任；\n完善工作制度，强化监督检查；\n\n◆民政事务\n";
    reports(END, text, &[("；", "paragraph ends with a semicolon")]);
    assert_eq!(applicability(END, text), vec![Some(Applicability::Unsafe)]);
}

#[test]
fn paragraph_ends_that_are_right() {
    // Enumerations: items end with semicolons, the line before a list with nothing.
    silent(
        END,
        "主要措施：\n（一）加强队伍建设；\n（二）完善工作制度；\n（三）落实监督责任。\n",
    );
    silent(
        END,
        "2021年主要工作如下\n1. 完成危房改造35户；\n2. 新建公厕12座。\n",
    );
    silent(END, "一是加强组织领导；\n二是落实工作责任。\n");
    // Lines that are not running text: signatures, dates, captions, page numbers, titles.
    silent(
        END,
        "【概述】 全县有学校46所。\n\n石渠县教育局\n2021年12月\n",
    );
    silent(
        END,
        "表1 2021年主要经济指标\n\n【概述】 全县生产总值增长4.1%。\n",
    );
    silent(
        END,
        "【概述】 全县有学校46所。\n\n126\n\n【教育】 全县有教师1200人。\n",
    );
    silent(END, "【概述】\n\n全县有学校46所。\n");
    // A colon introduces what follows; an ellipsis or a question may end a paragraph.
    silent(END, "【概述】 全年完成以下工作：\n\n【教育】 新建学校2所。");
    silent(
        END,
        "【概述】 种植水稻、玉米、油菜……\n\n【教育】 新建学校2所。",
    );
    silent(END, "【概述】 如何让群众满意？\n\n【教育】 新建学校2所。");
    // Markdown: a heading and a comment are not paragraphs of text.
    silent(END, "## 民政事务\n\n<!-- yblint-disable-next-line punct-unpaired -->\n【低保】 全县有低保对象480户，共905人。\n");
}

// ---- space-cjk-latin ----

/// A table pasted as text keeps its columns: a label and two or more
/// figures set off by spaces is a row, not prose.
#[test]
fn table_rows_pasted_as_text_keep_their_gaps() {
    let text = "表2 2022—2023年全县卫生资源\n指标 2022年 2023年\n医疗卫生机构数 751 810\n床位数（张） 2318 2406\n卫生技术人员 3,126 3,402\n家庭病床 — 56\n";
    silent(SPACE, text);
    assert_eq!(fixed(SPACE, text), text);
    // A figure in a sentence is still one: no row of figures.
    reports(
        SPACE,
        "全县有医疗卫生机构 810个。\n",
        &[("构 810", "space between Chinese text and `810`")],
    );
}

#[test]
fn spaces_between_chinese_and_figures_are_reported_and_removed() {
    let text = "【社会救助】 2021 年，全县有农村低保对象 1346 户 2875 人，发放资金 1032.56 万元，保障率 100%。\n";
    reports(
        SPACE,
        text,
        &[
            ("2021 年", "space between Chinese text and `2021`"),
            ("象 1346 户", "space between Chinese text and `1346`"),
            ("户 2875 人", "space between Chinese text and `2875`"),
            ("金 1032.56 万", "space between Chinese text and `1032.56`"),
            ("率 100%", "space between Chinese text and `100%`"),
        ],
    );
    let d = &diags(SPACE, text)[0];
    assert_eq!(
        d.notes,
        vec!["house style (`spacing = \"none\"`): no space between Chinese characters and digits or Latin letters"]
    );
    let after = fixed(SPACE, text);
    assert_eq!(
        after,
        "【社会救助】 2021年，全县有农村低保对象1346户2875人，发放资金1032.56万元，保障率100%。\n"
    );
    assert_eq!(digits(&after), digits(text));
    assert!(
        diags(SPACE, &after).is_empty(),
        "a fixed draft checks clean"
    );
}

#[test]
fn latin_words_follow_the_same_style() {
    let text = "【信息化】 建成 GIS 平台，全县 PM2.5 年均浓度下降。";
    reports(
        SPACE,
        text,
        &[
            ("成 GIS 平", "space between Chinese text and `GIS`"),
            ("县 PM2.5 年", "space between Chinese text and `PM2.5`"),
        ],
    );
    assert_eq!(
        fixed(SPACE, text),
        "【信息化】 建成GIS平台，全县PM2.5年均浓度下降。"
    );
}

#[test]
fn spacing_traps_stay_silent() {
    // The space after an entry title, thousands grouping, a unit symbol, English in parentheses.
    silent(
        SPACE,
        "【宗教事务】 2021年，登记宗教教职人员2 346人，新修道路30 km。",
    );
    silent(
        SPACE,
        "【概述】 全县地区生产总值（GDP）增长4.1%，详见www.example.gov.cn 网站。",
    );
    silent(SPACE, "联系邮箱 office@example.gov.cn 。");
    silent(SPACE, "访问 https://www.example.gov.cn/nj/2021 查询。");
    // Markdown marks, code, tables, and a column-aligned plain-text table.
    silent(
        SPACE,
        "# 2021年\n\n- 2021年全县完成投资。\n\n**2021** 年度报告。\n\n`rate 3` 见代码。\n",
    );
    silent(SPACE, "| 指标 | 2021 年 |\n|---|---|\n| 投资 | 56 万元 |\n");
    silent(SPACE, "指标    2020 年    2021 年\n");
    silent(SPACE, "指标\t2020 年\t2021 年\n");
    // Section and caption numbers before their titles.
    silent(
        SPACE,
        "## 1.1 经济概况\n\n表3 主要农产品产量\n\n图12 全县行政区划\n",
    );
    // The ideographic space is set on purpose.
    silent(SPACE, "姓名　2021级");
}

#[test]
fn spacing_space_and_consistent_styles() {
    let space = Some("[rules.space-cjk-latin]\nspacing = \"space\"\n");
    let text = "全县有低保对象1346户，建成GIS平台。";
    let got = shown(text, &diags_with(SPACE, text, space));
    assert_eq!(
        got,
        vec![
            (
                "象1346户".to_string(),
                "no space between Chinese text and `1346`".to_string()
            ),
            (
                "成GIS平".to_string(),
                "no space between Chinese text and `GIS`".to_string()
            ),
        ]
    );
    assert_eq!(
        fixed_with(SPACE, text, space, false),
        "全县有低保对象 1346 户，建成 GIS 平台。"
    );

    let consistent = Some("[rules.space-cjk-latin]\nspacing = \"consistent\"\n");
    // Mostly spaced: the tight one is the odd one out.
    let text = "全县有低保对象 1346 户 2875 人，特困人员 754 户，孤儿141人。";
    let got = shown(text, &diags_with(SPACE, text, consistent));
    assert_eq!(
        got,
        vec![(
            "儿141人".to_string(),
            "no space between Chinese text and `141`".to_string()
        )]
    );
    assert_eq!(
        diags_with(SPACE, text, consistent)[0].notes,
        vec!["house style (`spacing = \"consistent\"`): this draft mostly puts a space (2 places without a space, 6 with one)"]
    );
    // Mostly tight: the spaced one is reported; a tie counts as tight.
    let text = "全县有低保对象1346户2875人，孤儿 141 人。";
    let got = shown(text, &diags_with(SPACE, text, consistent));
    assert_eq!(
        got,
        vec![(
            "儿 141 人".to_string(),
            "space between Chinese text and `141`".to_string()
        )]
    );
    let text = "全县有低保对象1346户，孤儿 141 人。";
    assert_eq!(diags_with(SPACE, text, consistent).len(), 1);
    assert!(diags_with(SPACE, "全县有低保对象1346户。", consistent).is_empty());
}

#[test]
fn a_wrong_spacing_value_is_refused() {
    let err = yblint::config::Config::load(Some((
        std::path::Path::new("yblint.toml"),
        "[rules.space-cjk-latin]\nspacing = \"half\"\n",
    )))
    .err()
    .expect("refused");
    assert!(
        err.message.contains("unknown variant `half`"),
        "{}",
        err.message
    );
}

// ---- the three together on a pasted draft ----

#[test]
fn a_pasted_draft_is_repaired_without_changing_a_figure() {
    let text = "◆社会救助\n\n【特困供养】 2021 年，全县有特困供养人员 612 户 630 人，其中，城市特困供养人员 38 户 38 人，农\n\n村特困供养人员 574 户 592 人，发放资金 402.16 万元；\n\n【临时救助】 全年临时救助 206 人次。\n";
    let mut cur = text.to_string();
    for rule in [BROKEN, END, SPACE] {
        cur = fixed(rule, &cur);
    }
    assert_eq!(
        cur,
        "◆社会救助\n\n【特困供养】 2021年，全县有特困供养人员612户630人，其中，城市特困供养人员38户38人，农村特困供养人员574户592人，发放资金402.16万元。\n\n【临时救助】 全年临时救助206人次。\n"
    );
    assert_eq!(digits(&cur), digits(text));
    for rule in [BROKEN, END, SPACE] {
        silent(rule, &cur);
    }
}

/// A sentence whose end mark stands inside its closing quotation mark
/// (GB/T 15834-2011 §4.1.3.1) is ended: the blank line after it is a
/// paragraph break, not a page-break artefact, and the paragraph has its
/// end mark.
#[test]
fn an_end_mark_inside_a_closing_quote_ends_the_sentence() {
    let text = "【生态文明】 县委书记在全县大会上强调：“守住生态底线，就是守住发展的根本。”\n\n全年完成植树造林1.2万亩，森林覆盖率达62.5%。\n";
    silent(BROKEN, text);
    silent(END, text);
    // Without the end mark the quote does not end the paragraph.
    let open = "【生态文明】 县委书记在全县大会上提出要推进“五水共治”\n\n全年完成植树造林1.2万亩，森林覆盖率达62.5%。\n";
    assert_eq!(found(BROKEN, open).len(), 1);
}
