//! Marks that depend on structure: pairs, series, headings, times and ratios.

use yblint::diagnostic::Applicability;

use crate::helpers::*;

const UNPAIRED: &str = "punct-unpaired";
const DUNHAO: &str = "punct-dunhao-before-conj";
const HEADING: &str = "punct-heading-end";
const SIGN: &str = "punct-time-vs-ratio-sign";

// ---- punct-unpaired ----

#[test]
fn unclosed_and_unopened_marks_are_reported() {
    let text = "【创建活动】 全县12个村获评“省级卫生村称号，省州属、企（事业单位8个。\n\n按照甘孜州管理办法》执行。\n";
    reports(
        UNPAIRED,
        text,
        &[
            ("“", "`“` is not closed in its paragraph"),
            ("（", "`（` is not closed in its paragraph"),
            (
                "》",
                "`》` closes nothing: no `《` before it in the paragraph",
            ),
        ],
    );
    assert_eq!(applicability(UNPAIRED, text), vec![None, None, None]);
}

#[test]
fn pairs_that_are_fine() {
    silent(
        UNPAIRED,
        "【“协议”管理】 按照“一条主线、五大体系”的“161”工作思路，落实《办法（试行）》，企（事业）单位8个。",
    );
    // A quotation over several paragraphs opens each and closes at the last.
    silent(
        UNPAIRED,
        "他说：“第一段话。\n\n“第二段话。\n\n“第三段话。”\n",
    );
    // A page break inside a quotation does not cut the paragraph.
    silent(
        UNPAIRED,
        "【概述】 开展“防包虫、灭\n\n病犬”宣传，共208场次。\n",
    );
    // List numbers closed by a bracket, apostrophes.
    silent(
        UNPAIRED,
        "主要措施：\n1）加强组织领导；\na）落实工作责任。\nthe county’s plan",
    );
    // Code and tables.
    silent(UNPAIRED, "`“` 见代码。\n| “指标 | 值 |\n");
}

// ---- punct-dunhao-before-conj ----

#[test]
fn a_dunhao_before_the_conjunction_is_reported() {
    let text = "发展教育、卫生、和文化事业，种植稻谷、玉米、等作物，引进资金、技术、以及人才。";
    reports(
        DUNHAO,
        text,
        &[
            ("、和", "顿号 before `和`"),
            ("、等", "顿号 before `等`"),
            ("、以及", "顿号 before `以及`"),
        ],
    );
    assert_eq!(
        applicability(DUNHAO, text),
        vec![Some(Applicability::Unsafe); 3]
    );
    assert_eq!(fixed(DUNHAO, text), text, "the fix is unsafe");
    assert_eq!(
        fixed_with(DUNHAO, text, None, true),
        "发展教育、卫生和文化事业，种植稻谷、玉米等作物，引进资金、技术以及人才。"
    );
}

#[test]
fn words_that_look_like_conjunctions() {
    silent(
        DUNHAO,
        "坚持稳定、和谐、发展，维护团结、和平，出席会议的委员、与会代表，做到及早发现、及时处置，分为一等、等级。",
    );
    // An office adds its own words (a list given replaces the built-in one).
    let extra = Some("[rules.punct-dunhao-before-conj]\nwords = [\"和合\"]\n");
    assert!(diags_with(DUNHAO, "推进共建、和合共生。", extra).is_empty());
    assert_eq!(diags(DUNHAO, "推进共建、和合共生。").len(), 1);
}

// ---- punct-heading-end ----

#[test]
fn marks_at_the_end_of_headings_and_titles() {
    let text = "◆民政事务：\n\n## 社会救助。\n\n【全县经济工作会议召开。】 12月18日，会议召开。\n";
    reports(
        HEADING,
        text,
        &[
            ("：", "heading ends with `：`"),
            ("。", "heading ends with `。`"),
            ("。", "entry title ends with `。`"),
        ],
    );
    assert_eq!(
        fixed(HEADING, text),
        "◆民政事务\n\n## 社会救助\n\n【全县经济工作会议召开】 12月18日，会议召开。\n"
    );
}

#[test]
fn headings_that_end_right() {
    silent(
        HEADING,
        "◆民政事务\n\n## 2.1 社会救助\n\n### 1.\n\n【如何破解“办事难”？】 推行一窗受理。\n\n【“协议”管理】 正文。\n\n表3 主要农产品产量。\n",
    );
}

// ---- punct-time-vs-ratio-sign ----

#[test]
fn clock_times_with_the_ratio_sign_and_ratios_with_a_colon() {
    let text = "大会于上午9∶30开幕，全县户籍人口性别比为105.2:100，三次产业结构为12.1：38.4：49.5，地图比例尺1:50000。";
    reports(
        SIGN,
        text,
        &[
            ("9∶30", "clock time `9∶30` written with `∶`"),
            ("105.2:100", "ratio `105.2:100` written with `:`"),
            (
                "12.1：38.4：49.5",
                "ratio `12.1：38.4：49.5` written with `：`",
            ),
            ("1:50000", "ratio `1:50000` written with `:`"),
        ],
    );
    let after = fixed(SIGN, text);
    assert_eq!(
        after,
        "大会于上午9:30开幕，全县户籍人口性别比为105.2∶100，三次产业结构为12.1∶38.4∶49.5，地图比例尺1∶50000。"
    );
    assert_eq!(digits(&after), digits(text));
    silent(SIGN, &after);
}

#[test]
fn time_ranges_and_times_after_a_verb() {
    let text = "办公时间为9∶00—11∶30，14∶30举行仪式。";
    reports(
        SIGN,
        text,
        &[
            ("9∶00", "clock time `9∶00` written with `∶`"),
            ("11∶30", "clock time `11∶30` written with `∶`"),
            ("14∶30", "clock time `14∶30` written with `∶`"),
        ],
    );
}

#[test]
fn colons_between_figures_without_telling_words() {
    // Right forms, and figures the words do not identify (scores, codes).
    silent(
        SIGN,
        "上午10:30开幕，男女比例为1∶2，双方以3:1获胜，编号2:15，比例尺1∶500。",
    );
    // A ratio word elsewhere in the sentence does not make a clock time a ratio.
    silent(SIGN, "产业结构持续优化，大会于上午10:30开幕。");
}
