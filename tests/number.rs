//! Number-usage rules (GB/T 15835-2011) as an editor meets them: what each
//! reports on a draft, the exact text it points at and its message, and the
//! traps it must leave alone (units after 千, fixed expressions, quotations
//! and titles, telephone numbers, published forms such as `9.5万余人次`).

mod common;

use common::{diags_of, Diag, Workspace};
use yblint::config::Config;
use yblint::diagnostic::Applicability;

/// Checks `text` as a draft file and returns the diagnostics of `rule`.
fn findings(rule: &str, text: &str) -> Vec<Diag> {
    let ws = Workspace::new();
    ws.write("稿.txt", text);
    let run = ws.check(&["--format", "json", "稿.txt"]);
    assert!(run.code == 0 || run.code == 1, "stderr: {}", run.stderr);
    diags_of(&run.json(), rule, text.as_bytes())
}

/// (span text, message, severity) of each finding of `rule` on `text`.
fn seen(rule: &str, text: &str) -> Vec<(String, String, String)> {
    findings(rule, text)
        .into_iter()
        .map(|d| {
            assert_eq!(d.category, "number");
            (d.span.text, d.message, d.severity)
        })
        .collect()
}

fn one(span: &str, message: &str, severity: &str) -> Vec<(String, String, String)> {
    vec![(span.to_string(), message.to_string(), severity.to_string())]
}

fn silent(rule: &str, text: &str) {
    let got = seen(rule, text);
    assert!(
        got.is_empty(),
        "{rule} must stay silent on {text:?}; got {got:?}"
    );
}

/// The fixes of `rule` on `text`, applied one at a time: (replacement
/// text of the whole draft, applicability).
fn fixed(rule: &str, text: &str) -> Vec<(String, Applicability)> {
    let config = Config::builtin().unwrap();
    yblint::check_text(text, &config)
        .unwrap()
        .into_iter()
        .filter(|d| d.rule == rule)
        .filter_map(|d| d.fix)
        .map(|f| {
            let mut out = text.to_string();
            for e in f.edits.iter().rev() {
                out.replace_range(e.span.start..e.span.end, &e.replacement);
            }
            (out, f.applicability)
        })
        .collect()
}

// ---------------------------------------------------------------- 3千人

#[test]
fn qian_bai_after_digits_is_an_error_with_the_digits_written_out() {
    let text = "【招商引资】全年引进项目12个，完成投资3千万元，带动就业5百多人。\n";
    assert_eq!(
        seen("num-arabic-with-qian-bai", text),
        vec![
            (
                "3千万".into(),
                "Arabic digits joined with 千 in `3千万`: write `3000万`".into(),
                "error".into()
            ),
            (
                "5百".into(),
                "Arabic digits joined with 百 in `5百`: write `500`".into(),
                "error".into()
            ),
        ]
    );
    // Writing the digits out would change the digits of the text: no fix.
    assert!(fixed("num-arabic-with-qian-bai", text).is_empty());
}

#[test]
fn qian_as_an_si_prefix_or_in_percent_words_is_not_a_magnitude() {
    silent(
        "num-arabic-with-qian-bai",
        "新建光伏电站装机容量5千瓦，架设10千伏线路12千米，户均增收3千克粮食折价，占比提高2个百分点。\n",
    );
    silent(
        "num-arabic-with-qian-bai",
        "开展“3十”主题活动，印发《关于落实3千人培训计划的通知》。\n",
    );
}

#[test]
fn a_mixed_figure_is_reported() {
    let text = "项目总投资2亿3千万元。\n";
    assert_eq!(
        seen("num-arabic-with-qian-bai", text),
        one(
            "3千万",
            "Arabic digits joined with 千 in `3千万`: write `3000万`",
            "error"
        )
    );
    assert!(fixed("num-arabic-with-qian-bai", text).is_empty());
}

// ---------------------------------------------------------------- .85

#[test]
fn a_bare_decimal_mark_is_reported() {
    let text = "【植树造林】全年新增造林.85万亩，森林覆盖率达到48.6%。\n";
    assert_eq!(
        seen("num-decimal-leading-zero", text),
        one(
            ".85",
            "damaged figure `.85`: no digit before its decimal mark",
            "warning"
        )
    );
    // A digit may have been lost (1.85): no fix adds one.
    assert!(fixed("num-decimal-leading-zero", text).is_empty());
}

#[test]
fn versions_lists_and_full_stops_before_dates_are_not_bare_decimals() {
    silent(
        "num-decimal-leading-zero",
        "执行GB 18918标准No.2条款，参照Vol.3附录，访问www.sc.gov.cn/3.5查询，增长1.5%...5项完成.5月起实施。\n",
    );
}

// ---------------------------------------------------------------- 约…左右

#[test]
fn two_approximation_words_on_one_figure() {
    assert_eq!(
        seen(
            "num-redundant-approx",
            "【义诊活动】活动期间约有300人左右参加义诊。\n"
        ),
        one(
            "约有300人左右",
            "`约` and `左右` both mark `300人` as approximate: keep one",
            "warning"
        )
    );
    assert_eq!(
        seen("num-redundant-approx", "全年接待游客近20余万人次。\n"),
        one(
            "近20余万人次",
            "`近` and `余` both mark `20余万人次` as approximate: keep one",
            "warning"
        )
    );
    assert_eq!(
        seen("num-redundant-approx", "预计全年增长5%～6%左右。\n"),
        one(
            "5%～6%左右",
            "the range `5%～6%` is already approximate: drop `左右`",
            "warning"
        )
    );
}

#[test]
fn words_ending_in_yue_or_jin_are_not_approximation_words() {
    silent(
        "num-redundant-approx",
        "通过集约利用土地，节约300万元左右；距县城附近300米左右新建停车场；签约300家左右。\n",
    );
    silent(
        "num-redundant-approx",
        "全年接待游客约300人，另有400人左右参观，2000余人报名。\n",
    );
}

// ---------------------------------------------------------------- 超过…以上

#[test]
fn a_bound_stated_twice_or_contradicted() {
    assert_eq!(
        seen(
            "num-bound-redundancy",
            "全年空气质量优良天数比例超过90%以上。\n"
        ),
        one(
            "超过90%以上",
            "`超过` and `以上` state the same bound of `90%` twice: keep one",
            "warning"
        )
    );
    assert_eq!(
        seen("num-bound-redundancy", "参加培训的农户不到300户左右。\n"),
        one(
            "不到300户左右",
            "`不到` and `左右` contradict each other about `300户`: keep one",
            "warning"
        )
    );
    assert_eq!(
        seen("num-bound-redundancy", "全年筛查至少1200余人次。\n"),
        one(
            "至少1200余人次",
            "`至少` and `余` state the same bound of `1200余人次` twice: keep one",
            "warning"
        )
    );
}

#[test]
fn a_single_bound_is_fine() {
    silent(
        "num-bound-redundancy",
        "全年至少完成了筛查1200余人次。优良天数比例超过90%，达标率达95%以上，高于全省平均水平2个百分点以上，不超过5%的项目不低于300个。\n",
    );
}

// ---------------------------------------------------------------- 13.6多万

#[test]
fn yu_or_duo_right_after_a_decimal() {
    assert_eq!(
        seen("num-approx-with-decimal", "全年接待游客13.6多万人次。\n"),
        one(
            "13.6多万",
            "`多` after the decimal in `13.6多万`: a decimal is exact to its last digit",
            "error"
        )
    );
    assert_eq!(
        seen("num-approx-with-decimal", "回收废旧农膜2.5余吨。\n"),
        one(
            "2.5余",
            "`余` after the decimal in `2.5余`: a decimal is exact to its last digit",
            "error"
        )
    );
}

#[test]
fn published_wan_yu_after_a_decimal_is_left_alone_by_default() {
    silent(
        "num-approx-with-decimal",
        "全年窗口接待群众9.5万余人次，追回违规费用1.6万余元，300余人参加，30余万元到位。\n",
    );
}

#[test]
fn after_magnitude_reports_wan_yu_after_a_decimal_when_the_house_asks() {
    let ws = Workspace::new();
    ws.write(
        "yblint.toml",
        "[rules.num-approx-with-decimal]\nafter_magnitude = true\n",
    );
    let text = "全年接待游客13.6万多人次。\n";
    ws.write("稿.txt", text);
    let run = ws.check(&["--format", "json", "稿.txt"]);
    let d = diags_of(&run.json(), "num-approx-with-decimal", text.as_bytes());
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].span.text, "13.6万多");
}

// ---------------------------------------------------------------- 1236余万

#[test]
fn yu_before_wan_after_a_number_not_ending_in_zero() {
    let text = "全年筹集各类帮扶资金1236余万元。\n";
    assert_eq!(
        seen("num-yu-position", text),
        one(
            "1236余万",
            "`余` before `万` in `1236余万`: write `1236万余`",
            "warning"
        )
    );
    let fixes = fixed("num-yu-position", text);
    assert_eq!(fixes.len(), 1);
    assert!(fixes[0].0.contains("资金1236万余元"));
    silent(
        "num-yu-position",
        "筹集资金30余万元，争取100多万元，另有1236万余元待拨，13.6多万人次。\n",
    );
}

// ---------------------------------------------------------------- 3～5万元

#[test]
fn a_range_dropping_wan_or_percent_from_its_lower_end() {
    let text = "对新建家庭农场给予一次性补助3～5万元，社员分红比例为20～30%。\n";
    assert_eq!(
        seen("num-range-unit-elision", text),
        vec![
            (
                "3～5万".into(),
                "the range `3～5万` drops `万` from its lower end: write `3万～5万`".into(),
                "error".into()
            ),
            (
                "20～30%".into(),
                "the range `20～30%` drops `%` from its lower end: write `20%～30%`".into(),
                "error".into()
            ),
        ]
    );
    let fixes = fixed("num-range-unit-elision", text);
    assert!(fixes[0].0.contains("补助3万～5万元"));
    assert!(fixes[1].0.contains("为20%～30%"));
}

#[test]
fn ranges_without_a_dropped_magnitude() {
    silent(
        "num-range-unit-elision",
        "全县0-17岁儿童9.6万人，每户补助800～1万元，单株产量100～150千克，2019—2022年持续投入，补助3万～5万元。\n",
    );
}

// ---------------------------------------------------------------- 10几个

#[test]
fn ji_with_arabic_digits() {
    assert_eq!(
        seen(
            "num-approx-ji",
            "组织10几个行政村的党员参加培训，每年投入几10万元。\n"
        ),
        vec![
            (
                "10几".into(),
                "`10几` joins 几 with Arabic digits: write the approximate number in Chinese numerals".into(),
                "error".into()
            ),
            (
                "几10".into(),
                "`几10` joins 几 with Arabic digits: write the approximate number in Chinese numerals".into(),
                "error".into()
            ),
        ]
    );
    silent(
        "num-approx-ji",
        "组织十几个行政村，投入几十万元，降水量1200毫米几乎是常年两倍，20个几何图形。\n",
    );
}

// ---------------------------------------------------------------- 零 / 〇

#[test]
fn zero_in_chinese_numerals() {
    let text = "学校始建于一九五0年，二零二零年十月迁址，现有学生三千〇五十人。\n";
    assert_eq!(
        seen("num-ling-vs-circle", text),
        vec![
            (
                "一九五0".into(),
                "`一九五0` mixes an Arabic 0 or a Latin O into Chinese numerals: write 〇".into(),
                "error".into()
            ),
            (
                "二零二零".into(),
                "`二零二零` is a string of digits: write 〇, not 零".into(),
                "error".into()
            ),
            (
                "三千〇五十".into(),
                "`三千〇五十` is a quantity read with its place values: write 零, not 〇".into(),
                "error".into()
            ),
        ]
    );
    // The Arabic 0 gets no fix (a digit); 零 and 〇 are swapped safely.
    let fixes = fixed("num-ling-vs-circle", text);
    assert_eq!(fixes.len(), 2);
    assert!(fixes[0].0.contains("二〇二〇年十月"));
    assert!(fixes[1].0.contains("三千零五十人"));
    assert!(fixes.iter().all(|(_, a)| *a == Applicability::Safe));
}

#[test]
fn fixed_expressions_and_correct_zeros_are_left_alone() {
    silent(
        "num-ling-vs-circle",
        "二〇二〇年，“十三五”规划圆满收官，全县融入一带一路建设，第一次实现零增长，人口三千零五十人，投资10万元。\n",
    );
}

// ---------------------------------------------------------------- 千分撇

#[test]
fn mixed_grouping_in_one_draft() {
    let text = "全县户籍人口312450人，其中城镇人口128,360人，乡村人口184090人。\n";
    let got = findings("num-grouping-consistency", text);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].span.text, "128,360人");
    assert_eq!(
        got[0].message,
        "`128,360人` groups its digits with commas (千分撇), but this draft writes 2 of its 3 long figures ungrouped"
    );
    assert_eq!(
        got[0].secondary,
        vec![(
            "312450人".to_string(),
            "the draft's usual style".to_string()
        )]
    );
    assert_eq!(got[0].severity, "warning");
}

#[test]
fn phone_numbers_years_and_short_numbers_do_not_count() {
    silent(
        "num-grouping-consistency",
        "2020年，全县户籍人口312,450人，投资1,234万元。咨询电话08368622211，邮编626400，共3580户。\n",
    );
}

// ---------------------------------------------------------------- 贰佰万元

#[test]
fn daxie_numerals_in_running_text() {
    assert_eq!(
        seen("num-daxie-misuse", "县财政拨付救灾资金贰佰万元。\n"),
        one(
            "贰佰万",
            "`贰佰万` is written in 大写数字: write 200万 in Arabic digits",
            "warning"
        )
    );
    silent(
        "num-daxie-misuse",
        "新入伍青年陆续抵达部队，收拾行装的家长来自大陆各地，伍家村村民拾金不昧。收到《捐赠收据（人民币贰佰万元）》。\n",
    );
}
