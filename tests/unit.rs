//! Unit rules (legal units of measurement, GB 3100-1993) as an editor meets
//! them: what each reports, the exact text it points at and its message, and
//! the traps it must leave alone (公里/公斤/公顷, 两 as a numeral, 度 as a
//! temperature, model numbers, prices per kilogram, quotations).

mod common;

use common::{diags_of, Diag, Workspace};
use yblint::config::Config;
use yblint::diagnostic::Applicability;

fn findings_with(config: Option<&str>, rule: &str, text: &str) -> Vec<Diag> {
    let ws = Workspace::new();
    if let Some(c) = config {
        ws.write("yblint.toml", c);
    }
    ws.write("稿.txt", text);
    let run = ws.check(&["--format", "json", "稿.txt"]);
    assert!(run.code == 0 || run.code == 1, "stderr: {}", run.stderr);
    diags_of(&run.json(), rule, text.as_bytes())
}

/// (span text, message, severity) of each finding of `rule` on `text`.
fn seen(rule: &str, text: &str) -> Vec<(String, String, String)> {
    seen_with(None, rule, text)
}

fn seen_with(config: Option<&str>, rule: &str, text: &str) -> Vec<(String, String, String)> {
    findings_with(config, rule, text)
        .into_iter()
        .map(|d| {
            assert_eq!(d.category, "unit");
            (d.span.text, d.message, d.severity)
        })
        .collect()
}

fn row(span: &str, message: &str, severity: &str) -> (String, String, String) {
    (span.to_string(), message.to_string(), severity.to_string())
}

fn silent(rule: &str, text: &str) {
    let got = seen(rule, text);
    assert!(
        got.is_empty(),
        "{rule} must stay silent on {text:?}; got {got:?}"
    );
}

/// The fixes of `rule` on `text`: (the draft with the fix applied, applicability).
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

// ---------------------------------------------------------------- 斤, 里

#[test]
fn shizhi_units_after_a_number() {
    assert_eq!(
        seen(
            "unit-shizhi-nonlegal",
            "【粮食生产】全镇水稻平均亩产1350斤，新修灌溉渠道3里，收购玉米2万担。\n"
        ),
        vec![
            row(
                "1350斤",
                "`1350斤`: 斤 is a 市制 unit, not a legal unit of measurement: use 千克 (1斤 = 0.5千克)",
                "warning"
            ),
            row(
                "3里",
                "`3里`: 里 is a 市制 unit, not a legal unit of measurement: use 千米 (1里 = 0.5千米)",
                "warning"
            ),
            row(
                "2万担",
                "`2万担`: 担 is a 市制 unit, not a legal unit of measurement: use 千克 (1担 = 50千克)",
                "warning"
            ),
        ]
    );
    assert_eq!(
        seen("unit-shizhi-nonlegal", "户均储粮三百斤。\n"),
        vec![row(
            "三百斤",
            "`三百斤`: 斤 is a 市制 unit, not a legal unit of measurement: use 千克 (1斤 = 0.5千克)",
            "warning"
        )]
    );
}

#[test]
fn legal_units_numerals_place_names_and_quotations_are_not_shizhi() {
    silent(
        "unit-shizhi-nonlegal",
        "新修公路3.2公里，收购小麦120公斤，造林80公顷，两个村完成验收，一两天内办结，3人担任评委，全程12里程碑。\n",
    );
    silent(
        "unit-shizhi-nonlegal",
        "三里屯社区开展十里八乡文艺汇演，教师坚守三尺讲台，村民常说“一寸光阴一寸金”“种田三百斤”。\n",
    );
}

// ---------------------------------------------------------------- 公尺

#[test]
fn old_gong_names_are_errors_with_a_safe_rename() {
    let text = "沿河修建防护栏500公尺，安装储水罐容量2公升，桩径30公分。\n";
    assert_eq!(
        seen("unit-gong-oldnames", text),
        vec![
            row(
                "公尺",
                "`500公尺`: 公尺 is an old unit name, not a legal one: write 米",
                "error"
            ),
            row(
                "公升",
                "`2公升`: 公升 is an old unit name, not a legal one: write 升",
                "error"
            ),
            row(
                "公分",
                "`30公分`: 公分 is an old unit name, not a legal one",
                "error"
            ),
        ]
    );
    let fixes = fixed("unit-gong-oldnames", text);
    assert_eq!(fixes.len(), 2, "公分 (centimetre or gram) gets no fix");
    assert!(fixes[0].0.contains("防护栏500米，"));
    assert!(fixes[1].0.contains("容量2升，"));
    assert!(fixes.iter().all(|(_, a)| *a == Applicability::Safe));
}

#[test]
fn gong_li_gong_jin_gong_qing_are_legal() {
    silent(
        "unit-gong-oldnames",
        "新修公路3.2公里，收购小麦120公斤，造林80公顷，求出公分母后计算。\n",
    );
}

// ---------------------------------------------------------------- 亩

#[test]
fn mu_without_hectares_is_a_reminder_by_default() {
    let got = findings_with(
        None,
        "unit-mu-needs-hectare",
        "全年流转土地1.2万亩，新增高标准农田3000亩。\n",
    );
    let rows: Vec<_> = got
        .iter()
        .map(|d| {
            (
                d.span.text.as_str(),
                d.message.as_str(),
                d.severity.as_str(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            (
                "1.2万亩",
                "`1.2万亩` gives an area in 亩 only: add its value in 公顷 in parentheses",
                "info"
            ),
            (
                "3000亩",
                "`3000亩` gives an area in 亩 only: add its value in 公顷 in parentheses",
                "info"
            ),
        ]
    );
    assert_eq!(got[0].notes[1], "1.2万亩 is about 800 公顷");
    assert_eq!(got[1].notes[1], "3000亩 is about 200 公顷");
}

#[test]
fn mu_with_hectares_beside_it_is_fine() {
    silent(
        "unit-mu-needs-hectare",
        "全年流转土地800公顷（1.2万亩），新增高标准农田3000亩（200公顷），亩产675千克，每亩补贴300元，补贴标准300元/亩。\n",
    );
}

#[test]
fn mu_policy_first_and_off() {
    let text = "全年流转土地800公顷（1.2万亩）。新增高标准农田3000亩。\n";
    assert!(seen_with(
        Some("[rules.unit-mu-needs-hectare]\npolicy = \"first\"\n"),
        "unit-mu-needs-hectare",
        text
    )
    .is_empty());
    let text = "新增高标准农田3000亩，改造中低产田1500亩。\n";
    assert_eq!(
        seen_with(
            Some("[rules.unit-mu-needs-hectare]\npolicy = \"first\"\nseverity = \"warning\"\n"),
            "unit-mu-needs-hectare",
            text
        ),
        vec![row(
            "3000亩",
            "`3000亩` gives an area in 亩 only: add its value in 公顷 in parentheses",
            "warning"
        )]
    );
    assert!(seen_with(
        Some("[rules.unit-mu-needs-hectare]\npolicy = \"off\"\n"),
        "unit-mu-needs-hectare",
        text
    )
    .is_empty());
}

#[test]
fn an_unknown_mu_policy_is_a_configuration_error() {
    let ws = Workspace::new();
    ws.write(
        "yblint.toml",
        "[rules.unit-mu-needs-hectare]\npolicy = \"sometimes\"\n",
    );
    ws.write("稿.txt", "新增高标准农田3000亩。\n");
    let run = ws.check(&["稿.txt"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("unknown variant `sometimes`"),
        "{}",
        run.stderr
    );
}

// ---------------------------------------------------------------- ppm, 马力, 度

#[test]
fn abolished_units_after_a_number() {
    assert_eq!(
        seen(
            "unit-abolished-symbols",
            "抽检蔬菜农药残留均低于0.5PPM，新购拖拉机功率120马力。\n"
        ),
        vec![
            row(
                "0.5PPM",
                "`0.5PPM`: ppm is an abolished unit: use 毫克/千克 (mg/kg) or 10⁻⁶",
                "warning"
            ),
            row(
                "120马力",
                "`120马力`: 马力 is an abolished unit: use 千瓦 (1马力 ≈ 0.735千瓦)",
                "warning"
            ),
        ]
    );
    let text = "全年全社会用电量3.2亿度，比上年增长5.1%。\n";
    assert_eq!(
        seen("unit-abolished-symbols", text),
        vec![row(
            "3.2亿度",
            "`3.2亿度`: 度 is not a unit of electricity: write 千瓦时",
            "warning"
        )]
    );
    let fixes = fixed("unit-abolished-symbols", text);
    assert_eq!(fixes.len(), 1);
    assert!(fixes[0].0.contains("用电量3.2亿千瓦时，"));
    assert_eq!(fixes[0].1, Applicability::Unsafe);
}

#[test]
fn du_as_temperature_or_angle_and_codes_are_left_alone() {
    silent(
        "unit-abolished-symbols",
        "用电高峰期最高气温达38度，坡度25度以上耕地退耕还林，采购XK-20cc型设备，检测5ccm样品。\n",
    );
}

// ---------------------------------------------------------------- KG, KW

#[test]
fn symbols_in_the_wrong_case() {
    let text = "每袋化肥50KG，新增装机容量2000KW，发电量500万KWH，建成厂房3.2万m2。\n";
    assert_eq!(
        seen("unit-symbol-case", text),
        vec![
            row(
                "KG",
                "`50KG`: the unit symbol is written `kg`, not `KG`",
                "warning"
            ),
            row(
                "KW",
                "`2000KW`: the unit symbol is written `kW`, not `KW`",
                "warning"
            ),
            row(
                "KWH",
                "`500万KWH`: the unit symbol is written `kW·h`, not `KWH`",
                "warning"
            ),
            row(
                "m2",
                "`3.2万m2`: the unit symbol is written `m²`, not `m2`",
                "warning"
            ),
        ]
    );
    let fixes = fixed("unit-symbol-case", text);
    assert_eq!(
        fixes.len(),
        3,
        "m2 → m² would drop a digit character: no fix"
    );
    assert!(fixes[0].0.contains("化肥50kg，"));
    assert!(fixes[1].0.contains("容量2000kW，"));
    assert!(fixes[2].0.contains("500万kW·h，"));
}

#[test]
fn model_numbers_and_right_symbols_are_left_alone() {
    silent(
        "unit-symbol-case",
        "采购XK20KW柴油机和50KW型发电机组，每袋50 kg，装机2000 kW，“3KG”品牌。\n",
    );
}

// ---------------------------------------------------------------- m³/秒

#[test]
fn names_and_symbols_mixed_in_one_unit() {
    assert_eq!(
        seen(
            "unit-name-symbol-mix",
            "汛期河道最大流量15m³/秒，城区道路限速60千米/h。\n"
        ),
        vec![
            row(
                "m³/秒",
                "`m³/秒` mixes a unit name and a unit symbol: write it in names (立方米/秒) or in symbols (m³/s)",
                "warning"
            ),
            row(
                "千米/h",
                "`千米/h` mixes a unit name and a unit symbol: write it in names (千米/小时) or in symbols (km/h)",
                "warning"
            ),
        ]
    );
}

#[test]
fn prices_per_kilogram_and_consistent_units_are_left_alone() {
    silent(
        "unit-name-symbol-mix",
        "最大流量15立方米/秒，限速60 km/h，蔬菜均价3.5元/kg，人口密度120人/km²，访问www.sc.gov.cn/m查询。\n",
    );
}
