//! The time rules as an editor meets them: two-digit years, relative time
//! words, dates after the record year, leading zeros, impossible dates,
//! 截止/截至 and decades without their century — each with the traps a
//! correct draft sets (quotations, 上年, date ranges, lunar dates, school
//! years) and the fixes applied.

mod common;

use common::{diags_of, Workspace};
use yblint::config::Config;
use yblint::diagnostic::Applicability;

/// (severity, text the primary span covers, message) of every finding of
/// `rule` when `yblint check --format json` reads `text` (with `config` as
/// the yblint.toml beside it).
fn findings_with(rule: &str, text: &str, config: Option<&str>) -> Vec<(String, String, String)> {
    let ws = Workspace::new();
    ws.write("稿件.txt", text);
    if let Some(c) = config {
        ws.write("yblint.toml", c);
    }
    let run = ws.check(&["--format", "json", "稿件.txt"]);
    assert!(
        run.code == 0 || run.code == 1,
        "exit {}: {}",
        run.code,
        run.stderr
    );
    diags_of(&run.json(), rule, text.as_bytes())
        .into_iter()
        .map(|d| {
            assert_eq!(d.category, "time");
            assert_eq!(d.primary, d.span, "the primary label marks the span");
            (d.severity, d.span.text, d.message)
        })
        .collect()
}

fn findings(rule: &str, text: &str) -> Vec<(String, String, String)> {
    findings_with(rule, text, None)
}

fn one(severity: &str, span: &str, message: &str) -> (String, String, String) {
    (severity.into(), span.into(), message.into())
}

fn silent(rule: &str, text: &str) {
    let found = findings(rule, text);
    assert!(
        found.is_empty(),
        "{rule} must be silent on {text:?}, got {found:#?}"
    );
}

/// The text after applying the fixes of `rule` (of the given kind) with the
/// built-in configuration.
fn fixed(rule: &str, text: &str, kind: Applicability) -> String {
    let config = Config::builtin().unwrap();
    let mut edits: Vec<_> = yblint::check_text(text, &config)
        .unwrap()
        .into_iter()
        .filter(|d| d.rule == rule)
        .filter_map(|d| d.fix)
        .filter(|f| f.applicability == kind)
        .flat_map(|f| f.edits)
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
    let mut out = text.to_string();
    for e in edits {
        out.replace_range(e.span.range(), &e.replacement);
    }
    out
}

// ---------------------------------------------------------------- time-year-abbrev

#[test]
fn year_abbrev_reports_two_digit_years_with_a_month() {
    assert_eq!(
        findings(
            "time-year-abbrev",
            "【县医院迁建】 县人民医院迁建工程于22年9月开工，23年6月主体封顶。\n"
        ),
        vec![
            one(
                "warning",
                "22年",
                "a year is written with two digits: `22年`"
            ),
            one(
                "warning",
                "23年",
                "a year is written with two digits: `23年`"
            ),
        ]
    );
}

#[test]
fn year_abbrev_reports_the_end_of_a_range_and_fixes_it() {
    let text = "2019年～22年，全县累计改造农村危房1260户；1998—02年的档案已移交县档案馆。\n";
    assert_eq!(
        findings("time-year-abbrev", text),
        vec![
            one(
                "warning",
                "22年",
                "the end of a range of years is written with two digits: `22年`"
            ),
            one(
                "warning",
                "02年",
                "the end of a range of years is written with two digits: `02年`"
            ),
        ]
    );
    assert_eq!(
        fixed("time-year-abbrev", text, Applicability::Unsafe),
        "2019年～2022年，全县累计改造农村危房1260户；1998—2002年的档案已移交县档案馆。\n"
    );
    assert_eq!(
        fixed("time-year-abbrev", text, Applicability::Safe),
        text,
        "no safe fix"
    );
}

#[test]
fn year_abbrev_reports_chinese_two_digit_years_but_not_approximations() {
    assert_eq!(
        findings(
            "time-year-abbrev",
            "九八年特大洪水后，县城防洪堤于〇二年建成。\n"
        ),
        vec![
            one(
                "warning",
                "九八年",
                "a year is written with two digits: `九八年`"
            ),
            one(
                "warning",
                "〇二年",
                "a year is written with two digits: `〇二年`"
            ),
        ]
    );
    silent(
        "time-year-abbrev",
        "改造工程历时三五年，七八年后才见成效，一九九八年建成的堤防仍在使用。\n",
    );
}

#[test]
fn year_abbrev_leaves_durations_and_full_years_alone() {
    silent(
        "time-year-abbrev",
        "县水文站已连续运行23年。被告人被判处有期徒刑3年6月。2023年6月，县城第二水厂建成，工期为期1年3月。\n",
    );
    silent(
        "time-year-abbrev",
        "2019～2022年，全县累计新建农村公路320千米。\n",
    );
    silent(
        "time-year-abbrev",
        "县志办整理出版《“23年6月”洪灾纪实》。\n",
    );
}

// ---------------------------------------------------------------- time-deictic

#[test]
fn deictic_reports_relative_time_words() {
    let text = "【市场主体】 今年以来，全县新增市场主体2100户，较去年同期多300户。县市场监管局日前完成年报公示，目前全县有个体工商户1.2万户。\n";
    assert_eq!(
        findings("time-deictic", text),
        vec![
            one("warning", "今年", "relative time word `今年` in the record"),
            one("warning", "去年", "relative time word `去年` in the record"),
            one("warning", "日前", "relative time word `日前` in the record"),
            one("info", "目前", "relative time word `目前` in the record"),
        ]
    );
}

#[test]
fn deictic_reports_jinnianlai_as_the_catalogue_lists_it() {
    assert_eq!(
        findings(
            "time-deictic",
            "近年来，全县茶叶种植面积稳定在2万亩以上。\n"
        ),
        vec![one(
            "warning",
            "近年来",
            "relative time word `近年来` in the record"
        )]
    );
}

#[test]
fn deictic_leaves_standard_wording_quotations_and_dates_alone() {
    silent(
        "time-deictic",
        "全县粮食产量比上年增长3.2%，上年度结转资金全部使用，本年度新建高标准农田1.2万亩，当年全部验收。\n",
    );
    silent(
        "time-deictic",
        "县长在会上指出：“今年是全面建成小康社会的收官之年。”县政府印发《关于做好今年防汛工作的通知》。\n",
    );
    silent(
        "time-deictic",
        "各乡镇于3月5日前完成申报，春节日前走访慰问困难群众120户。离县城最近的村通了公交。\n",
    );
}

#[test]
fn deictic_is_silent_in_exempt_sections() {
    silent(
        "time-deictic",
        "◆特载\n\n## 县委书记在县委全会上的讲话\n\n今年以来，我们坚持稳中求进。\n",
    );
}

// ---------------------------------------------------------------- time-out-of-record-year

const RECORD_2023: &str = "[rules.time-out-of-record-year]\nrecord_year = 2023\n";

#[test]
fn out_of_record_year_reports_later_dates_with_a_configured_year() {
    let text = "【工业园区】 2024年3月，园区污水处理厂竣工投产。2023年，园区新入驻企业12家。\n";
    assert_eq!(
        findings_with("time-out-of-record-year", text, Some(RECORD_2023)),
        vec![one(
            "warning",
            "2024年3月",
            "`2024年3月` is after the record year 2023"
        )]
    );
}

#[test]
fn out_of_record_year_reads_the_year_a_draft_states() {
    let text = "本卷记述时限为2023年1月1日至2023年12月31日。\n\n◆交通\n\n【公路建设】 2024年1月，县城至乡镇公路全线通车。\n";
    assert_eq!(
        findings("time-out-of-record-year", text),
        vec![one(
            "warning",
            "2024年1月",
            "`2024年1月` is after the record year 2023"
        )]
    );
}

#[test]
fn out_of_record_year_is_silent_without_a_record_year() {
    // A title naming a year is no record year: volume numbers differ.
    silent(
        "time-out-of-record-year",
        "# 石渠年鉴（2024）\n\n【公路建设】 2024年1月，县城至乡镇公路全线通车。\n",
    );
    // Two statements that disagree give none.
    silent(
        "time-out-of-record-year",
        "本卷记述时限为2023年1月1日至12月31日。\n部分内容记述时限延至2024年。\n\n【公路建设】 2025年1月，公路全线通车。\n",
    );
}

#[test]
fn out_of_record_year_leaves_reasons_ranges_and_background_alone() {
    let text = "【教育】 2023—2024学年，全县在校学生3.2万人。县实验小学始建于1958年。\
园区污水处理厂于2023年5月开工（2024年3月竣工投产）。截至2024年3月，已有8家企业入驻。\
全县计划2025年建成5G基站600座。《县志（2024年版）》出版。2024年起实施新的补助标准。\n";
    let found = findings_with("time-out-of-record-year", text, Some(RECORD_2023));
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn out_of_record_year_is_silent_in_the_appendix() {
    let text = "◆附录\n\n【大事记补遗】 2024年2月，县图书馆新馆开放。\n";
    assert!(findings_with("time-out-of-record-year", text, Some(RECORD_2023)).is_empty());
}

// ---------------------------------------------------------------- time-md-no-leading-zero

#[test]
fn leading_zeros_are_reported_and_fixed_safely() {
    let text = "2023年03月08日，县妇联召开第十四次代表大会；11月05日，大会闭幕。\n";
    assert_eq!(
        findings("time-md-no-leading-zero", text),
        vec![
            one(
                "warning",
                "03月08日",
                "month and day written with a leading zero: `03`, `08`"
            ),
            one("warning", "05日", "day written with a leading zero: `05`"),
        ]
    );
    let after = fixed("time-md-no-leading-zero", text, Applicability::Safe);
    assert_eq!(
        after,
        "2023年3月8日，县妇联召开第十四次代表大会；11月5日，大会闭幕。\n"
    );
    assert!(
        findings("time-md-no-leading-zero", &after).is_empty(),
        "fixed text checks clean"
    );
    assert_eq!(
        fixed("time-md-no-leading-zero", &after, Applicability::Safe),
        after,
        "fixing twice changes nothing"
    );
}

#[test]
fn leading_zeros_of_numeric_dates_and_numbers_are_left_alone() {
    silent(
        "time-md-no-leading-zero",
        "报表日期按2023-03-08的格式填写，10月20日前报送，全年运行300日，县政府〔2023〕05号文件。\n",
    );
    silent(
        "time-md-no-leading-zero",
        "县档案馆收藏《2023年03月08日会议纪要》。\n",
    );
}

// ---------------------------------------------------------------- time-impossible-date

#[test]
fn impossible_dates_are_errors() {
    let text = "2023年2月29日，县工业园区举行开工仪式。6月31日，全县完成夏粮收购。2023年，全县……，2月29日召开总结会。\n";
    assert_eq!(
        findings("time-impossible-date", text),
        vec![
            one(
                "error",
                "2023年2月29日",
                "`2023年2月29日` does not exist: 2023 is not a leap year"
            ),
            one(
                "error",
                "6月31日",
                "`6月31日` does not exist: month 6 has 30 days"
            ),
            one(
                "error",
                "2月29日",
                "`2月29日` does not exist: 2023 is not a leap year"
            ),
        ]
    );
    assert_eq!(
        findings(
            "time-impossible-date",
            "全县运动会于9月30—31日举行。13月5日召开会议。\n"
        ),
        vec![
            one(
                "error",
                "9月30—31日",
                "`9月30—31日` does not exist: month 9 has 30 days"
            ),
            one(
                "error",
                "13月5日",
                "`13月5日` does not exist: there is no month 13"
            ),
        ]
    );
}

#[test]
fn leap_days_lunar_and_chinese_numeral_dates_are_left_alone() {
    silent(
        "time-impossible-date",
        "2024年2月29日，县工业园区举行开工仪式。2000年2月29日建成的水库仍在使用。\n",
    );
    silent("time-impossible-date", "2月29日，县里召开春耕动员会。\n");
    silent(
        "time-impossible-date",
        "农历2月30日，村民举行传统庙会。县政府二〇二三年二月三十日印发的文件。3月30—31日举行比赛。\n",
    );
}

// ---------------------------------------------------------------- time-jiezhi-vs-jiezhi

#[test]
fn jiezhi_before_a_time_is_reported_with_an_unsafe_fix() {
    let text = "截止2023年底，全县共有家庭农场312家；截止目前，已有46家获评示范农场。\n";
    assert_eq!(
        findings("time-jiezhi-vs-jiezhi", text),
        vec![
            one(
                "warning",
                "截止",
                "`截止` before a point in time: write `截至`"
            ),
            one(
                "warning",
                "截止",
                "`截止` before a point in time: write `截至`"
            ),
        ]
    );
    assert_eq!(
        fixed("time-jiezhi-vs-jiezhi", text, Applicability::Unsafe),
        "截至2023年底，全县共有家庭农场312家；截至目前，已有46家获评示范农场。\n"
    );
}

#[test]
fn jiezhi_in_its_own_sense_is_left_alone() {
    silent(
        "time-jiezhi-vs-jiezhi",
        "报名于3月1日截止，截止日期前共受理申请860份。截止到2023年底，全县共有家庭农场312家。\n",
    );
    silent(
        "time-jiezhi-vs-jiezhi",
        "县政府转发《截止2023年底全县农场名录》。\n",
    );
}

// ---------------------------------------------------------------- time-decade-century

#[test]
fn decades_without_their_century_are_reported() {
    let text = "80年代建成的老旧小区纳入改造计划。上世纪90年代，全县开始种植茶叶。七八十年代兴修的水库12座。\n";
    assert_eq!(
        findings("time-decade-century", text),
        vec![
            one(
                "warning",
                "80年代",
                "the decade `80年代` does not name its century"
            ),
            one(
                "warning",
                "上世纪90年代",
                "colloquial `上世纪`: name the century"
            ),
            one(
                "warning",
                "七八十年代",
                "the decade `七八十年代` does not name its century"
            ),
        ]
    );
}

#[test]
fn decades_with_their_century_are_left_alone() {
    silent(
        "time-decade-century",
        "20世纪80年代建成的老旧小区纳入改造计划。20世纪七八十年代兴修水库12座。1980年代的档案年代久远。\n",
    );
    silent(
        "time-decade-century",
        "县文化馆排演歌舞《八十年代的新一辈》。\n",
    );
}
