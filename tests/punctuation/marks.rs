//! Marks of the wrong width or form: ASCII punctuation, straight quotes and
//! corner brackets, ellipses, dashes, doubled marks.

use yblint::diagnostic::Applicability;

use crate::helpers::*;

const ASCII: &str = "punct-ascii-in-cjk";
const QUOTE: &str = "punct-quote-form";
const ELLIPSIS: &str = "punct-ellipsis-form";
const DENG: &str = "punct-ellipsis-with-deng";
const DASH: &str = "punct-dash-form";
const DUP: &str = "punct-duplicate";

// ---- punct-ascii-in-cjk ----

#[test]
fn ascii_marks_in_chinese_text_are_reported_and_widened() {
    let text = "2021年,全县有普通高中4所;初级中学18所:其中九年一贯制学校5所.\n";
    reports(
        ASCII,
        text,
        &[
            (",", "ASCII `,` in Chinese text"),
            (";", "ASCII `;` in Chinese text"),
            (":", "ASCII `:` in Chinese text"),
            (".", "ASCII `.` in Chinese text"),
        ],
    );
    let after = fixed(ASCII, text);
    assert_eq!(
        after,
        "2021年，全县有普通高中4所；初级中学18所：其中九年一贯制学校5所。\n"
    );
    assert_eq!(digits(&after), digits(text));
    silent(ASCII, &after);
}

/// The dot of a compound unit after `/` (元/人.月: yuan per person-month)
/// is not a full stop; a full stop after the unit still is.
#[test]
fn the_dot_of_a_compound_unit_is_left_alone() {
    let text = "城镇职工医疗保险个人缴费标准为15元/人.月，困难群众救助标准提高到480元/(人.月)。\n";
    silent(ASCII, text);
    assert_eq!(fixed(ASCII, text), text);
    let text = "全县城乡低保标准提高到每人每月680元/人.\n";
    reports(ASCII, text, &[(".", "ASCII `.` in Chinese text")]);
}

#[test]
fn questions_exclamations_and_percentages() {
    let text = "如何让群众满意?全年增长4.1%.\n坚持人民至上!";
    reports(
        ASCII,
        text,
        &[
            ("?", "ASCII `?` in Chinese text"),
            (".", "ASCII `.` in Chinese text"),
            ("!", "ASCII `!` in Chinese text"),
        ],
    );
    assert_eq!(
        fixed(ASCII, text),
        "如何让群众满意？全年增长4.1%。\n坚持人民至上！"
    );
}

#[test]
fn ascii_parentheses_around_chinese_text() {
    let text = "省州属、企(事业)单位8个(含2个乡镇)。";
    reports(
        ASCII,
        text,
        &[
            ("(事业)", "ASCII parentheses around Chinese text"),
            ("(含2个乡镇)", "ASCII parentheses around Chinese text"),
        ],
    );
    assert_eq!(
        fixed(ASCII, text),
        "省州属、企（事业）单位8个（含2个乡镇）。"
    );
}

#[test]
fn ascii_marks_that_belong_to_figures_latin_text_and_markup() {
    // Decimals, thousands separators, clock times, ratios.
    silent(
        ASCII,
        "全县生产总值235.6亿元，常住人口1,260,500人，上午10:30开幕，男女比为1:2。",
    );
    // URLs, e-mail, Latin abbreviations, English in parentheses.
    silent(
        ASCII,
        "详见http://www.example.gov.cn/a.html?id=1,2，或发邮件至nj@example.gov.cn。",
    );
    // A comma after a URL, before Chinese text, is the sentence's: the URL stays.
    let text = "详见http://www.example.gov.cn/a.html,或来电咨询。";
    reports(ASCII, text, &[(",", "ASCII `,` in Chinese text")]);
    assert_eq!(
        fixed(ASCII, text),
        "详见http://www.example.gov.cn/a.html，或来电咨询。"
    );
    silent(
        ASCII,
        "PM2.5年均浓度下降，地区生产总值(GDP)增长，引自(Smith, 2019)。",
    );
    // List numbering, ordinals in parentheses, formulas, ranges.
    silent(
        ASCII,
        "1.加强组织领导\n(1)完善制度\n(一)落实责任\n增长率=(本期-上期)/上期\n气温3～5℃。",
    );
    // Table cells, column headers and captions with a unit in parentheses.
    silent(ASCII, "生产总值(亿元)\n\n表1 主要经济指标(万元)\n");
    // Quotations and book titles keep their marks.
    silent(
        ASCII,
        "印发《关于加强A,B类项目管理的通知(试行)》，口号是“实干,担当”。",
    );
    // Markdown: links, images, comments, code, tables; HTML entities; file names.
    silent(ASCII, "见[年鉴](https://a.cn/x.html)。![图](a.png)\n<!-- note: 草稿 -->\n`a,b` 见附表.xlsx。\n| 指标 | 值 |\n全&nbsp;县。");
}

// ---- punct-quote-form ----

#[test]
fn straight_quotes_and_corner_brackets_become_curly() {
    let text = "全县12个村被评为\"省级文明村\",推行'一窗受理'，创建「平安乡镇」和『无诈社区』。";
    reports(
        QUOTE,
        text,
        &[
            ("\"省级文明村\"", "straight quotation marks in Chinese text"),
            ("'一窗受理'", "straight quotation marks in Chinese text"),
            ("「平安乡镇」", "corner brackets `「」` as quotation marks"),
            ("『无诈社区』", "corner brackets `『』` as quotation marks"),
        ],
    );
    assert_eq!(
        fixed(QUOTE, text),
        "全县12个村被评为“省级文明村”,推行‘一窗受理’，创建“平安乡镇”和‘无诈社区’。"
    );
    let lone = "群众称之为「连心桥。";
    reports(
        QUOTE,
        lone,
        &[("「", "corner bracket `「` as a quotation mark")],
    );
    assert_eq!(fixed(QUOTE, lone), "群众称之为“连心桥。");
}

#[test]
fn straight_quotes_that_are_not_chinese_quotations() {
    silent(QUOTE, "屏幕尺寸为15.6\"，编号'A2'。");
    silent(QUOTE, "The county's \"Smart City\" plan.");
    silent(QUOTE, "见<a href=\"http://a.cn\">网站</a>。`\"代码\"`");
    silent(QUOTE, "全县12个村被评为“省级文明村”。");
}

// ---- punct-ellipsis-form ----

#[test]
fn wrong_ellipses_are_reported_and_replaced() {
    let text = "种植水稻、玉米...\n养殖牛、羊。。。\n开展培训…\n修建道路………\n栽种核桃···";
    reports(
        ELLIPSIS,
        text,
        &[
            ("...", "ellipsis written as `...`"),
            ("。。。", "ellipsis written as `。。。`"),
            ("…", "ellipsis written as `…`"),
            ("………", "ellipsis written as `………`"),
            ("···", "ellipsis written as `···`"),
        ],
    );
    assert_eq!(
        fixed(ELLIPSIS, text),
        "种植水稻、玉米……\n养殖牛、羊……\n开展培训……\n修建道路……\n栽种核桃……"
    );
}

#[test]
fn right_ellipses_and_dots_that_are_not_ellipses() {
    silent(
        ELLIPSIS,
        "种植水稻、玉米……\n\n…………\n\n开展“3·15”活动，阿卜杜拉·买买提。",
    );
    silent(ELLIPSIS, "wait... see ../data and `a...b`.");
    silent(ELLIPSIS, "完成投资5.2亿元。。");
}

// ---- punct-ellipsis-with-deng ----

#[test]
fn an_ellipsis_beside_deng_is_removed() {
    let text = "种植水稻、玉米、油菜……等作物，养殖牛、羊等等……";
    reports(
        DENG,
        text,
        &[
            ("……等", "ellipsis `……` before 等"),
            ("等等……", "ellipsis `……` after 等等"),
        ],
    );
    assert_eq!(
        fixed(DENG, text),
        "种植水稻、玉米、油菜等作物，养殖牛、羊等等"
    );
    // A wrong form of the ellipsis counts too.
    reports(
        DENG,
        "种植水稻、玉米...等作物。",
        &[("...等", "ellipsis `...` before 等")],
    );
}

#[test]
fn words_that_begin_with_deng_are_not_the_particle() {
    silent(
        DENG,
        "评定分为一……等级，1+2+……等于多少，种植水稻、玉米等作物。",
    );
}

// ---- punct-dash-form ----

#[test]
fn hyphens_for_a_dash_are_replaced() {
    let text = "开展主题活动--“文明家庭”评选，推进两项工作－－整治与提升。";
    reports(
        DASH,
        text,
        &[
            ("--", "dash written as `--`"),
            ("－－", "dash written as `－－`"),
        ],
    );
    assert_eq!(
        fixed(DASH, text),
        "开展主题活动——“文明家庭”评选，推进两项工作——整治与提升。"
    );
}

#[test]
fn connectors_and_markdown_rules_are_not_dashes() {
    silent(
        DASH,
        "开通成都—重庆班线，3-5月完成，0--17岁，开展活动——评选。",
    );
    silent(
        DASH,
        "正文。\n\n---\n\n<!-- 注释 -->\n| 指标 | 值 |\n|---|---|\n",
    );
}

// ---- punct-duplicate ----

#[test]
fn doubled_marks_are_reported() {
    let text = "完成投资5.2亿元，，比上年增长8.1%。。新建学校2所、，改造校舍12处，。";
    reports(
        DUP,
        text,
        &[
            ("，，", "doubled `，`"),
            ("。。", "doubled `。`"),
            ("、，", "stacked marks `、，`"),
            ("，。", "stacked marks `，。`"),
        ],
    );
    assert_eq!(
        applicability(DUP, text),
        vec![
            Some(Applicability::Safe),
            Some(Applicability::Safe),
            Some(Applicability::Unsafe),
            Some(Applicability::Unsafe),
        ]
    );
    assert_eq!(
        fixed(DUP, text),
        "完成投资5.2亿元，比上年增长8.1%。新建学校2所、，改造校舍12处，。"
    );
    assert_eq!(
        fixed_with(DUP, text, None, true),
        "完成投资5.2亿元，比上年增长8.1%。新建学校2所，改造校舍12处。"
    );
}

#[test]
fn marks_that_may_stand_together() {
    silent(
        DUP,
        "这难道不是群众最关心的问题吗？！他说：“好。”随后，种植水稻、玉米……",
    );
    silent(DUP, "养殖牛、羊。。。");
}
