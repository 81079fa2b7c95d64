//! `rate-formula`: rates stated by name recomputed from the figures their
//! formula names (rules/formulas/*.toml, a user's [[formula]] tables).

mod common;

use common::{diags_of, Diag, Run, Workspace};

/// Checks `text` (as `name`, beside `files` written first) and returns the
/// `rate-formula` diagnostics and the run.
fn check_in(ws: &Workspace, name: &str, text: &str) -> (Vec<Diag>, Run) {
    ws.write(name, text);
    let run = ws.check(&["--format", "json", name]);
    assert!(
        run.code == 0 || run.code == 1,
        "exit code {}; stderr:\n{}",
        run.code,
        run.stderr
    );
    let diags = diags_of(&run.json(), "rate-formula", text.as_bytes());
    (diags, run)
}

fn check(text: &str) -> (Vec<Diag>, Run) {
    check_in(&Workspace::new(), "稿.txt", text)
}

fn silent(text: &str) {
    let (diags, _) = check(text);
    assert!(diags.is_empty(), "expected silence, got {diags:#?}");
}

/// The one diagnostic of `text`: its primary span covers `stated`.
fn one(text: &str, stated: &str) -> Diag {
    let (diags, run) = check(text);
    assert_eq!(diags.len(), 1, "one rate-formula diagnostic: {diags:#?}");
    let d = diags.into_iter().next().unwrap();
    assert_eq!(d.span.text, stated, "primary span");
    assert_eq!(d.primary, d.span);
    assert_eq!(d.category, "arithmetic");
    assert_eq!(run.code, i32::from(d.severity == "error"));
    d
}

fn labels(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

const FUND_FILE: &str = "rules/formulas/housing-fund.toml";

// ---------------------------------------------------------------- housing fund

#[test]
fn overdue_ratio_that_does_not_follow_is_an_error() {
    let text = "【住房公积金】 年末缴存余额4.80亿元，个人住房贷款余额3.02亿元，个贷率62.9%；逾期金额84万元，逾期率3.60‰。\n";
    let d = one(text, "3.60‰");
    assert_eq!(d.severity, "error");
    assert_eq!(
        d.message,
        format!("逾期率 stated 3.60‰; 逾期金额 84万元 ÷ 个人住房贷款余额 3.02亿元 = 2.78‰ ({FUND_FILE})")
    );
    assert_eq!(d.primary_message, "stated 逾期率");
    assert_eq!(
        d.secondary,
        labels(&[("84万元", "逾期金额"), ("3.02亿元", "个人住房贷款余额")])
    );
    assert_eq!(
        d.notes,
        vec![
            "逾期率 = 逾期金额 ÷ 个人住房贷款余额 (《全国住房公积金年度报告》指标解释：个人住房贷款逾期率)".to_string(),
            "the operands as written allow 2.7603‰ to 2.8027‰; 3.60‰ stands for 3.595‰ to 3.605‰".to_string(),
        ]
    );
    let (line, column) = (d.span.line, d.span.column);
    let (_, l, c) = common::locate(text, "3.60‰", 0);
    assert_eq!((line, column), (l, c));
}

#[test]
fn rates_that_follow_are_silent() {
    silent("【住房公积金】 年末缴存余额4.80亿元，个人住房贷款余额3.02亿元，个贷率62.9%；逾期金额84万元，逾期率2.78‰。\n");
}

/// Shared cases 108 and 109 in other words: the loan ratio is wrong, the
/// overdue ratio right, and the draft writes 贷款余额, 逾期金额计 and 逾期率为.
#[test]
fn loan_ratio_wrong_overdue_ratio_right() {
    let right = "【住房公积金】 截至年末，全市住房公积金缴存余额6.42亿元；贷款余额4.17亿元，个贷率65.0%；逾期金额计91万元，逾期率为2.18‰。\n";
    silent(right);
    let wrong = right.replace("个贷率65.0%", "个贷率56.0%");
    let d = one(&wrong, "56.0%");
    assert_eq!(d.severity, "error");
    assert_eq!(
        d.message,
        format!("个贷率 stated 56.0%; 贷款余额 4.17亿元 ÷ 缴存余额 6.42亿元 = 65.0% ({FUND_FILE})")
    );
    assert_eq!(
        d.secondary,
        labels(&[("4.17亿元", "贷款余额"), ("6.42亿元", "缴存余额")])
    );
}

/// 1.86亿 ÷ 2.95亿 allows 62.7749% to 63.3277%: 62.8% and 63.3% meet it,
/// 62.7% and 63.4% do not.
#[test]
fn rounding_boundary_on_both_sides() {
    let at = |rate: &str| {
        format!("【住房公积金】 年末缴存余额2.95亿元，个人住房贷款余额1.86亿元，个贷率{rate}。\n")
    };
    silent(&at("62.8%"));
    silent(&at("63.3%"));
    let low = one(&at("62.7%"), "62.7%");
    assert_eq!(
        low.notes[1],
        "the operands as written allow 62.774% to 63.328%; 62.7% stands for 62.65% to 62.75%"
    );
    let high = one(&at("63.4%"), "63.4%");
    assert!(
        high.message
            .ends_with("= 63.1% (rules/formulas/housing-fund.toml)"),
        "{}",
        high.message
    );
}

#[test]
fn overdue_balance_is_not_the_loan_balance() {
    // 逾期贷款余额 ends with 贷款余额 too: the longer name wins.
    let text = "【住房公积金】 年末个人住房贷款余额1.86亿元，逾期贷款余额62万元，逾期率3.33‰。\n";
    silent(text);
    let d = one(&text.replace("3.33‰", "3.83‰"), "3.83‰");
    assert_eq!(
        d.secondary,
        labels(&[("62万元", "逾期贷款余额"), ("1.86亿元", "个人住房贷款余额")])
    );
}

#[test]
fn ambiguous_operands_are_silent() {
    // Two loan balances that disagree: which one the ratio uses is not written.
    silent("【住房公积金】 年末缴存余额4.80亿元，贷款余额3.02亿元，上半年末贷款余额2.60亿元，个贷率50.0%。\n");
    // Two years in the labels.
    silent("【住房公积金】 2020年缴存余额4.80亿元，贷款余额3.02亿元，2019年个贷率50.0%。\n");
    // No deposit balance in the entry: the operand is in another entry.
    silent("【住房公积金缴存】 年末缴存余额4.80亿元。\n【住房公积金贷款】 年末贷款余额3.02亿元，个贷率50.0%。\n");
    // An approximate operand or rate gives no usable interval.
    silent("【住房公积金】 年末缴存余额约4.8亿元，贷款余额3.02亿元，个贷率50.0%。\n");
    silent("【住房公积金】 年末缴存余额4.80亿元，贷款余额3.02亿元，个贷率约50%。\n");
    // The same figure repeated is one figure.
    let d = one(
        "【住房公积金】 年末缴存余额4.80亿元，贷款余额3.02亿元。年末贷款余额3.02亿元。个贷率50.0%。\n",
        "50.0%",
    );
    assert_eq!(d.severity, "warning", "the operands are in other sentences");
}

#[test]
fn operands_outside_the_sentence_give_a_warning() {
    let text = "【住房公积金】 年末住房公积金缴存余额4.80亿元，比上年增长8.2%。\n\n年末个人住房贷款余额3.02亿元，个贷率52.9%。\n";
    let d = one(text, "52.9%");
    assert_eq!(d.severity, "warning");
    assert_eq!(
        d.notes[2],
        "matched loosely, so a warning: 缴存余额 4.80亿元 (found in another paragraph of the entry)"
    );
}

#[test]
fn the_change_of_a_balance_is_not_the_balance() {
    silent(
        "【住房公积金】 年末缴存余额4.80亿元，个人住房贷款余额比上年增加0.30亿元，个贷率52.9%。\n",
    );
}

// ---------------------------------------------------------------- population

const POP_FILE: &str = "rules/formulas/population.toml";

#[test]
fn natural_growth_rate_is_births_minus_deaths() {
    let right = "【人口】 全年出生人口2416人，人口出生率8.62‰；死亡人口2004人，人口死亡率7.15‰；人口自然增长率为1.47‰。\n";
    silent(right);
    let wrong = right.replace("1.47‰", "1.74‰");
    let d = one(&wrong, "1.74‰");
    assert_eq!(d.severity, "error");
    assert_eq!(
        d.message,
        format!("自然增长率 stated 1.74‰; 出生率 8.62‰ − 死亡率 7.15‰ = 1.47‰ ({POP_FILE})")
    );
    assert_eq!(
        d.secondary,
        labels(&[("8.62‰", "出生率"), ("7.15‰", "死亡率")])
    );
    // 8.62 − 7.15 allows 1.46 to 1.48: the neighbours of 1.47 pass, one
    // step further does not.
    silent(&right.replace("1.47‰", "1.48‰"));
    silent(&right.replace("1.47‰", "1.46‰"));
    one(&right.replace("1.47‰", "1.49‰"), "1.49‰");
    one(&right.replace("1.47‰", "1.45‰"), "1.45‰");
}

#[test]
fn infant_mortality_is_not_the_death_rate() {
    // 婴儿死亡率 ends with 死亡率, but the formula excludes 婴儿: the death
    // rate is the only operand, and the natural growth rate follows from it.
    silent("【人口】 人口出生率8.62‰，死亡率7.15‰，婴儿死亡率3.20‰，人口自然增长率1.47‰。\n");
    // Without the death rate nothing is checked.
    silent("【人口】 人口出生率8.62‰，婴儿死亡率3.20‰，人口自然增长率1.47‰。\n");
}

#[test]
fn urbanisation_rate() {
    let right = "【人口】 年末常住人口31.2万人，其中城镇常住人口14.6万人，乡村常住人口16.6万人，常住人口城镇化率46.8%。\n";
    silent(right);
    let d = one(&right.replace("46.8%", "48.6%"), "48.6%");
    assert_eq!(d.severity, "error");
    assert_eq!(
        d.message,
        format!("常住人口城镇化率 stated 48.6%; 城镇常住人口 14.6万人 ÷ 常住人口 31.2万人 = 46.8% ({POP_FILE})")
    );
    assert_eq!(
        d.secondary,
        labels(&[("14.6万人", "城镇常住人口"), ("31.2万人", "常住人口")])
    );
    // 户籍人口城镇化率 has another base.
    silent("【人口】 年末常住人口31.2万人，城镇常住人口14.6万人，户籍人口城镇化率38.5%。\n");
}

// ---------------------------------------------------------------- social insurance

/// 9635 ÷ 10000 is 96.35% exactly, the edge between 96.3% and 96.4%: both
/// are given the benefit of the doubt; 96.2% and 96.5% are not.
#[test]
fn insurance_rate_at_the_rounding_edge() {
    let at = |rate: &str| {
        format!("【医疗保障】 全年城乡居民医保应参保人数10000人，参保人数9635人，参保率{rate}。\n")
    };
    silent(&at("96.3%"));
    silent(&at("96.4%"));
    let d = one(&at("96.2%"), "96.2%");
    assert_eq!(
        d.message,
        "参保率 stated 96.2%; 参保人数 9635人 ÷ 应参保人数 10000人 = 96.4% (rules/formulas/social-insurance.toml)"
    );
    assert_eq!(d.severity, "error");
    one(&at("96.5%"), "96.5%");
}

#[test]
fn insurance_rate_without_the_insured_base_is_silent() {
    // Only the insured are stated: the base of 89% is not written.
    silent("【医疗保障】 2020年，全县城乡居民参保人数8.42万人，参保率89%，其中，低保对象3120人，参保率100%。\n");
    // The base in another sentence: 参保率 reads only its own sentence.
    silent("【医疗保障】 全县应参保人数9.2万人。城乡居民参保人数8.42万人，参保率89%。\n");
}

// ---------------------------------------------------------------- health, education

#[test]
fn hospital_delivery_and_infant_mortality() {
    let right = "【妇幼保健】 全年活产婴儿2860人，其中住院分娩活产数2851人，住院分娩率99.7%；婴儿死亡12人，婴儿死亡率4.20‰。\n";
    silent(right);
    let d = one(&right.replace("4.20‰", "4.02‰"), "4.02‰");
    assert_eq!(
        d.message,
        "婴儿死亡率 stated 4.02‰; 婴儿死亡 12人 ÷ 活产婴儿 2860人 = 4.20‰ (rules/formulas/health.toml)"
    );
    let d = one(&right.replace("99.7%", "97.9%"), "97.9%");
    assert_eq!(
        d.secondary,
        labels(&[("2851人", "住院分娩活产数"), ("2860人", "活产婴儿")])
    );
}

#[test]
fn education_rates_warn() {
    let right = "【高考】 全县参加高考考生1856人，本科上线1203人，本科上线率64.8%。\n";
    silent(right);
    let d = one(&right.replace("64.8%", "68.4%"), "68.4%");
    assert_eq!(d.severity, "warning", "not a definition: a warning");
    assert_eq!(
        d.message,
        "本科上线率 stated 68.4%; 本科上线 1203人 ÷ 高考考生 1856人 = 64.8% (rules/formulas/education.toml)"
    );
}

// ---------------------------------------------------------------- user formulas

const IRRIGATION: &str = "[[formula]]\nname = \"有效灌溉率\"\nvalue = \"有效灌溉面积 / 耕地面积\"\nunit = \"%\"\nscope = \"sentence\"\nsource = \"本书凡例\"\ndefinitional = true\n";

const FIELDS: &str = "【农田水利】 全县耕地面积52.3万亩，有效灌溉面积31.6万亩，有效灌溉率63.6%。\n";

#[test]
fn a_formula_in_yblint_toml() {
    let ws = Workspace::new();
    ws.write("yblint.toml", IRRIGATION);
    // 31.6 ÷ 52.3 = 60.4%.
    let (diags, run) = check_in(&ws, "水利.txt", FIELDS);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    let d = &diags[0];
    assert_eq!(d.span.text, "63.6%");
    assert_eq!(d.severity, "error");
    assert_eq!(
        d.message,
        "有效灌溉率 stated 63.6%; 有效灌溉面积 31.6万亩 ÷ 耕地面积 52.3万亩 = 60.4% (yblint.toml)"
    );
    assert_eq!(
        d.notes[0],
        "有效灌溉率 = 有效灌溉面积 ÷ 耕地面积 (本书凡例)"
    );
    assert_eq!(run.code, 1);
    let (diags, _) = check_in(&ws, "水利.txt", &FIELDS.replace("63.6%", "60.4%"));
    assert!(diags.is_empty(), "{diags:#?}");
    // Without the yblint.toml the formula is unknown.
    let (diags, _) = check(FIELDS);
    assert!(diags.is_empty(), "{diags:#?}");
}

#[test]
fn a_user_formula_replaces_the_built_in_one_of_its_name() {
    let ws = Workspace::new();
    ws.write(
        "yblint.toml",
        "[[formula]]\nname = \"个贷率\"\nvalue = \"贷款余额 / 缴存余额\"\nunit = \"%\"\nscope = \"sentence\"\nsource = \"本馆口径\"\n",
    );
    let text = "【住房公积金】 年末缴存余额4.80亿元，贷款余额3.02亿元，个贷率52.9%。\n";
    let (diags, _) = check_in(&ws, "稿.txt", text);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(diags[0].severity, "warning", "not marked definitional");
    assert!(
        diags[0].message.ends_with("= 62.9% (yblint.toml)"),
        "{}",
        diags[0].message
    );
}

#[test]
fn formula_files_named_by_yblint_toml() {
    let ws = Workspace::new();
    ws.write("yblint.toml", "formula_files = [\"formulas/水利.toml\"]\n");
    ws.write("formulas/水利.toml", IRRIGATION);
    let (diags, _) = check_in(&ws, "稿/水利.txt", FIELDS);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert!(
        diags[0].message.ends_with("= 60.4% (formulas/水利.toml)"),
        "{}",
        diags[0].message
    );
}

/// What a configuration error shows: the message line, the `file:line:col`
/// header, and the caret line's (leading columns, carets).
fn config_error(run: &Run) -> (String, String, (usize, usize)) {
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(run.stdout, "");
    let lines = run.stderr_lines();
    let message = lines
        .iter()
        .find(|l| l.starts_with("error: "))
        .unwrap_or_else(|| panic!("no error in {}", run.stderr))
        .to_string();
    let header = lines
        .iter()
        .find(|l| l.trim_start().starts_with("┌─ "))
        .unwrap_or_else(|| panic!("no header in {}", run.stderr))
        .trim()
        .to_string();
    let caret_line = lines
        .iter()
        .find(|l| l.contains('^'))
        .unwrap_or_else(|| panic!("no caret in {}", run.stderr));
    let marks = &caret_line[caret_line.find('│').unwrap() + '│'.len_utf8() + 1..];
    let lead = marks.chars().take_while(|c| *c == ' ').count();
    let carets = marks.chars().skip(lead).take_while(|c| *c == '^').count();
    (message, header, (lead, carets))
}

#[test]
fn a_syntax_error_in_a_formula_file_points_into_it() {
    let ws = Workspace::new();
    ws.write("yblint.toml", "formula_files = [\"formulas/水利.toml\"]\n");
    ws.write(
        "formulas/水利.toml",
        IRRIGATION.replace("有效灌溉面积 / 耕地面积", "有效灌溉面积 / / 耕地面积"),
    );
    ws.write("稿.txt", FIELDS);
    let run = ws.check(&["稿.txt"]);
    let (message, header, caret) = config_error(&run);
    assert_eq!(
        message,
        "error: invalid configuration: formula `有效灌溉率`: expected a label, a number or `(`, found `/`"
    );
    // Line 3 is `value = "有效灌溉面积 / / 耕地面积"`; the second `/` is its
    // 19th character and 25th display column (Han characters are wide).
    assert!(header.ends_with("formulas/水利.toml:3:19"), "{header}");
    assert_eq!(caret, (24, 1));
    assert!(run
        .stderr
        .contains("3 │ value = \"有效灌溉面积 / / 耕地面积\""));
}

#[test]
fn malformed_formulas_in_yblint_toml() {
    let broken = |toml: &str| {
        let ws = Workspace::new();
        ws.write("yblint.toml", toml);
        ws.write("稿.txt", FIELDS);
        config_error(&ws.check(&["稿.txt"]))
    };
    let (message, header, caret) = broken(&IRRIGATION.replace("\"%\"", "\"percent\""));
    assert_eq!(
        message,
        "error: invalid configuration: formula `有效灌溉率`: unknown unit `percent`; expected \"%\", \"‰\", \"\" (a plain ratio) or a unit such as \"公斤/公顷\""
    );
    assert!(header.ends_with("yblint.toml:4:8"), "{header}");
    assert_eq!(caret, (7, 9));
    let (message, header, _) = broken(&IRRIGATION.replace("scope = \"sentence\"\n", ""));
    assert!(message.contains("missing field `scope`"), "{message}");
    assert!(header.contains("yblint.toml:"), "{header}");
    let (message, _, caret) =
        broken(&IRRIGATION.replace("有效灌溉面积 / 耕地面积", "(有效灌溉面积 / 耕地面积"));
    assert_eq!(
        message,
        "error: invalid configuration: formula `有效灌溉率`: expected an operator (+ − × ÷), `|` between names, `)` or the end of the formula, found the end of the formula"
    );
    // The closing quote of the value.
    assert_eq!(caret, (9 + 1 + 12 + 3 + 8, 1));
    let (message, _, _) = broken("formula_files = [\"没有.toml\"]\n");
    assert!(
        message.starts_with("error: invalid configuration: cannot read formula file `"),
        "{message}"
    );
}

/// A value of 4,000 nested parentheses used to overflow the stack and
/// abort the run: nesting is bounded, and the error points at the first
/// parenthesis too deep.
#[test]
fn deeply_nested_parentheses_are_a_configuration_error() {
    let ws = Workspace::new();
    let value = format!(
        "{}有效灌溉面积{} / 耕地面积",
        "(".repeat(4000),
        ")".repeat(4000)
    );
    ws.write(
        "yblint.toml",
        IRRIGATION.replace("有效灌溉面积 / 耕地面积", &value),
    );
    ws.write("稿.txt", FIELDS);
    let run = ws.check(&["稿.txt"]);
    assert_eq!(run.code, 2, "{run:?}");
    let (message, header, _) = config_error(&run);
    assert_eq!(
        message,
        "error: invalid configuration: formula `有效灌溉率`: parentheses nested more than 64 deep"
    );
    // `value = "` and 64 parentheses come before it.
    assert!(header.ends_with("yblint.toml:3:74"), "{header}");
}

#[test]
fn built_in_formula_files_are_named_as_built_in() {
    use std::path::Path;
    let e = yblint::formula::config::parse_file(
        Path::new("<built-in>/rules/formulas/x.toml"),
        "rules/formulas/x.toml",
        "[[formula]]\nname = \"\"\nvalue = \"甲 / 乙\"\nunit = \"%\"\nscope = \"entry\"\nsource = \"s\"\n",
    )
    .unwrap_err();
    assert_eq!(e.path, Path::new("<built-in>/rules/formulas/x.toml"));
    assert_eq!(e.span.unwrap().slice(&e.text), "\"\"");
    assert_eq!(e.message, "a formula needs a name: `name` is empty");
}

/// 城镇人口 under 户籍人口 is the registered population's: not the operand.
#[test]
fn excluded_words_in_the_head_of_a_statement() {
    silent("【人口】 年末户籍人口35.6万人，其中城镇人口12.1万人；年末常住人口31.2万人，城镇化率46.8%。\n");
    silent(
        "【人口】 年末常住人口31.2万人，城镇常住人口14.6万人；户籍人口35.6万人，城镇化率38.5%。\n",
    );
    // The same sentence with the resident figures reported.
    one(
        "【人口】 年末户籍人口35.6万人；年末常住人口31.2万人，其中城镇人口14.6万人，城镇化率48.6%。\n",
        "48.6%",
    );
}

/// Runs `yblint check` with a `yblint.toml` naming `file` in
/// `formula_files`; returns the run.
fn with_formula_file(ws: &Workspace, file: &str) -> Run {
    ws.write(
        "项目/yblint.toml",
        format!("formula_files = [{}]\n", serde_json::json!(file)),
    );
    ws.write("项目/稿.txt", FIELDS);
    ws.check(&["项目/稿.txt"])
}

/// A configuration never makes yblint read, or print, a file outside its
/// own project: not by an absolute path, not by `..`, not through a
/// symbolic link.
#[test]
fn formula_files_outside_the_project_are_refused_unread() {
    let ws = Workspace::new();
    ws.write("外部/水利.toml", IRRIGATION);
    let mut cases = vec![
        ("/etc/passwd".to_string(), "/etc/passwd".to_string()),
        (
            "../外部/水利.toml".to_string(),
            "../外部/水利.toml".to_string(),
        ),
        ("/dev/zero".to_string(), "/dev/zero".to_string()),
    ];
    #[cfg(unix)]
    {
        std::fs::create_dir_all(ws.path().join("项目/formulas")).unwrap();
        std::os::unix::fs::symlink("/etc/passwd", ws.path().join("项目/formulas/口令.toml"))
            .unwrap();
        cases.push((
            "formulas/口令.toml".to_string(),
            "formulas/口令.toml".to_string(),
        ));
    }
    for (file, named) in cases {
        let run = with_formula_file(&ws, &file);
        assert_eq!(run.code, 2, "{file}: {run:?}");
        let (message, _, _) = config_error(&run);
        assert!(
            message.starts_with("error: invalid configuration: formula file `"),
            "{file}: {message}"
        );
        assert!(message.contains(&named), "{file}: {message}");
        assert!(
            message.contains("` is outside the project: formula files must be below `"),
            "{file}: {message}"
        );
        assert!(!run.stderr.contains("root:"), "{file}: {}", run.stderr);
        assert!(!run.stdout.contains("root:"), "{file}: {}", run.stdout);
    }
}

/// Inside the project: only regular files (a named pipe would block the
/// run, a device never ends), at most 1 MiB, and a file that is not TOML is
/// named with the place of the error, never quoted.
#[test]
fn formula_files_must_be_small_regular_toml_files() {
    let ws = Workspace::new();
    ws.write("项目/formulas/大.toml", "# 说明\n".repeat(200_000));
    ws.write("项目/formulas/笔记.toml", "机密 内部资料\n不得外传\n");
    std::fs::create_dir_all(ws.path().join("项目/formulas/目录.toml")).unwrap();
    let mut cases = vec![
        ("formulas/大.toml", "` is larger than 1 MiB"),
        ("formulas/目录.toml", "` is not a regular file"),
    ];
    #[cfg(unix)]
    {
        let fifo = ws.path().join("项目/formulas/管道.toml");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .map(|s| s.success())
            .unwrap_or(false);
        if made {
            cases.push(("formulas/管道.toml", "` is not a regular file"));
        }
    }
    for (file, says) in cases {
        let started = std::time::Instant::now();
        let run = with_formula_file(&ws, file);
        assert!(
            started.elapsed() < std::time::Duration::from_secs(10),
            "{file}"
        );
        assert_eq!(run.code, 2, "{file}: {run:?}");
        let (message, _, _) = config_error(&run);
        assert!(
            message.starts_with("error: invalid configuration: formula file `"),
            "{file}: {message}"
        );
        assert!(message.ends_with(&format!("{file}{says}")), "{message}");
    }
    let run = with_formula_file(&ws, "formulas/笔记.toml");
    assert_eq!(run.code, 2, "{run:?}");
    let line = run
        .stderr_lines()
        .into_iter()
        .find(|l| l.starts_with("yblint: error:"))
        .unwrap_or_else(|| panic!("{}", run.stderr))
        .to_string();
    assert!(
        line.starts_with("yblint: error: ")
            && line.contains("笔记.toml: line 1, column 4: not valid TOML: "),
        "{line}"
    );
    assert!(!run.stderr.contains("机密"), "{}", run.stderr);
    assert!(!run.stderr.contains("不得外传"), "{}", run.stderr);
}

/// A total that only contains an operand's name (`审查起诉案件455人` for
/// 起诉) does not hide its part that names the operand better: 84 ÷ (371 +
/// 84) = 18.46%, though 371 and 84 are read as parts of 455.
#[test]
fn a_part_naming_the_operand_better_than_its_total_is_the_operand() {
    let text = "2023年，某县人民检察院共审结各类审查起诉案件410件455人。共起诉各类犯罪330件371人。共不起诉80件84人，其中犯罪情节轻微不起诉78人，证据不足不起诉6人，不起诉率（按人数）为18.46%。";
    silent(text);
    let d = one(&text.replace("18.46%", "17.46%"), "17.46%");
    assert_eq!(
        d.message,
        "不起诉率 stated 17.46%; 不起诉 84人 ÷ (起诉各类犯罪 371人 + 不起诉 84人) = 18.46% (rules/formulas/justice.toml)"
    );
}

/// Air quality (优良天数比例 = 优良天数 ÷ 有效监测天数, an error: the norm
/// defines it), medical insurance (政策范围内报销比例) and pensions (抚养比,
/// written `a:1`), each silent when it follows from its figures.
#[test]
fn air_quality_reimbursement_and_dependency_ratio() {
    let text = "2023年，县城区空气质量有效监测天数为362天，优良天数为338天，优良天数比例为93.4%。全县城乡居民医保政策范围内医疗费用2.46亿元，政策范围内基金支付1.72亿元，政策范围内报销比例为69.9%。全县企业职工基本养老保险在职参保人数8.28万人，离退休人员4.0万人，抚养比为2.07∶1。";
    silent(text);
    let d = one(&text.replace("93.4%", "91.4%"), "91.4%");
    assert_eq!(d.severity, "error");
    assert_eq!(
        d.message,
        "优良天数比例 stated 91.4%; 优良天数 338天 ÷ 有效监测天数 362天 = 93.4% (rules/formulas/environment.toml)"
    );
    let d = one(&text.replace("69.9%", "64.9%"), "64.9%");
    assert_eq!(d.severity, "warning");
    assert_eq!(
        d.message,
        "政策范围内报销比例 stated 64.9%; 政策范围内基金支付 1.72亿元 ÷ 政策范围内医疗费用 2.46亿元 = 69.9% (rules/formulas/social-insurance.toml)"
    );
    let d = one(&text.replace("2.07∶1", "2.27∶1"), "2.27∶1");
    assert_eq!(
        d.message,
        "抚养比 stated 2.27∶1; 在职参保人数 8.28万人 ÷ 离退休人员 4.0万人 = 2.07 (rules/formulas/social-insurance.toml)"
    );
}
