//! `rate-formula`: a rate stated by name (`逾期率8.25‰`) must follow from
//! the stated figures its formula names (`逾期金额 ÷ 贷款余额`).
//!
//! The formulas are data (`rules/formulas/*.toml`, a user's `[[formula]]`
//! tables), loaded by [`crate::formula::config`] into
//! [`Tables::formulas`](crate::config::Tables::formulas).

use std::collections::HashMap;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::de::{Deserialize, IntoDeserializer};
use serde::Deserialize as DeriveDeserialize;
use toml::de::DeValue;
use toml::Spanned;

use crate::diagnostic::{Diagnostic, Severity};
use crate::formula::{Dim, Formula, RateUnit, Scope};
use crate::quantity::number::round_half_away;
use crate::quantity::{Bounds, Form, Interval, Quantity, Role};
use crate::rules::{Context, Example, Rule, RuleDef};

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "rate-formula",
    category: "arithmetic",
    summary: "a named rate (个贷率, 逾期率, 城镇化率 …) must follow from the figures its formula names",
    source: "data-accuracy requirements for yearbooks (资料真实准确); the definitions \
             named by each formula (rules/formulas/*.toml); DESIGN §3 item 3; catalogue id \
             ARITH_NATURAL_GROWTH",
    docs: DOCS,
    examples: &[
        Example::wrong(
            "【住房公积金】 年末缴存余额4.80亿元，个人住房贷款余额3.02亿元，个贷率62.9%；逾期金额84万元，逾期率3.60‰。",
            "84万元 ÷ 3.02亿元 is 2.78‰",
        ),
        Example::right(
            "【住房公积金】 年末缴存余额4.80亿元，个人住房贷款余额3.02亿元，个贷率62.9%；逾期金额84万元，逾期率2.78‰。",
            "",
        ),
        Example::right(
            "【住房公积金】 2020年贷款余额3.02亿元，2019年贷款余额2.75亿元，缴存余额4.80亿元，个贷率62.9%。",
            "two loan balances that disagree: which one the rate uses is not written",
        ),
    ],
    defaults: include_str!("../../../rules/arithmetic/rate-formula.toml"),
    build,
};

const DOCS: &str = r#"A rate that a draft states by name must follow from the figures its
formula names, when the draft states them: `逾期率8.25‰` after `逾期金额245.95万元`
and `贷款余额27848.6万元` is reported, because 245.95 ÷ 27848.6 is 8.83‰.

The formulas are data, one file a domain: `rules/formulas/housing-fund.toml`
(个贷率, 逾期率), `population.toml` (自然增长率, 城镇化率),
`social-insurance.toml` (参保率, 政策范围内报销比例, 抚养比),
`environment.toml` (优良天数比例), `education.toml` (入学率, 上线率, 生师比),
`health.toml` (病床使用率 and the bed indicators of hospital tables),
`justice.toml` (结案率, 调解率, 不捕率, 不起诉率 …), `investment.toml`
(投资完成率, 履约率, 开工率), `agriculture.toml` (单位面积产量),
`income.toml` (城乡居民收入比); the list in use, with each formula's file,
follows this documentation. A user adds
or replaces formulas with `[[formula]]` tables in `yblint.toml` or in files
that its `formula_files` names; the README section "Formulas" describes the
format. A diagnostic names the file that defines its formula.

## What it checks

* The stated rate: a percentage or permille figure (a figure without a unit
  for a formula in `""`) whose label ends with the formula's `name` or one of
  its `aliases`, after the `link_words` at its end are taken off
  (`逾期率为8.25‰` names 逾期率). When the label ends with the names of two
  formulas, the longer name wins (婴儿死亡率 before 死亡率).
* Each operand of the formula is the figure whose label ends with one of the
  operand's names (`个人住房贷款余额|贷款余额`; `住房公积金缴存余额` names
  `缴存余额`), looked up first in the rate's sentence, then its paragraph,
  then its entry, as far as the formula's `scope` allows. A label that only
  contains the name is used when no label ends with it. A figure whose label
  names two operands belongs to the longer name (`逾期贷款余额` is the
  overdue amount, not the loan balance).
* Operands are looked up first in the rate's own statement (from the last
  `；` before it to the next), and beyond its sentence only before it.
* Figures stated in two units (`起诉257件292人`) are read once by each unit:
  the rate is reported only when it follows from none of the readings; a
  qualifier after the name (`不起诉率(按人数)`, `（按件数）`) picks one. The
  parts of a breakdown whose total names the operand (`共不起诉70人，其中法定不
  起诉0人`) are not the operand, and among loose matches the longest name wins.
* A ratio `a:b` stated for a plain formula (`生师比24.0:1`) is a ÷ b.
* Tables: a row (or column) whose label ends with a formula's name
  (`病床使用率 %`, `单位面积产量（公斤/公顷）`) is checked in every column (or
  row) against the rows (or columns) its operands name, each named by one
  row only; a magnitude in a label's unit (`万床日`) scales its figures. A
  table whose rate follows in no column is read as another definition:
  silent.
* A formula whose unit is a measure (`"公斤/公顷"`) is checked where the rate
  and its operands carry units of the formula's dimension (table headers
  such as `总产量（万吨）`, `播种面积（千公顷）`).
* Every figure stands for the interval its displayed precision allows
  (`62.3%` for 62.25%–62.35%, `27848.6万元` for 27848.55万–27848.65万), the
  formula is computed over these intervals with exact decimals, and the rate
  is reported only when its interval and the computed one do not meet.
  `以上`, `近` and the like give a one-sided bound; `约` gives none (silent).

A contradiction is an error when the formula is `definitional` and every
operand was found in the rate's own sentence under a label that ends with its
name; otherwise it is a warning.

## What it leaves alone

* An operand with no figure, or with two or more figures in reach that
  disagree (two years' balances): which one the rate uses is not written.
* Figures in parentheses, changes (`比上年增加…`), other periods (`上年…`),
  and labels that carry two different years.
* Operands whose units do not fit the formula (a balance in 户 against one in
  万元), approximate operands (`约`, `余`), and signed labels (`亏损额`).
* Figures whose label, or the head of whose statement (the text from the
  sentence start or the last `；` to the first figure: `年末户籍人口` in
  `年末户籍人口35.6万人，其中城镇人口12.1万人；`), has a word of the formula's
  `exclude` list (`户籍` for 城镇化率, `婴儿` for the death rate in 自然增长率).
* 性别比 and structure ratios belong to `structure-ratio`; growth rates to
  `growth-rate`.

## Settings (`[rules.rate-formula]` in yblint.toml)

* `severity`: `"error"` (default), `"warning"`, `"info"` or `"off"`.
* `link_words`: words taken off the end of a label before it is matched with
  a name (`为`, `达到`, `计` in `逾期率为`, `参保率达到`, `逾期金额计`).

A list given in `yblint.toml` replaces the built-in list.
"#;

#[derive(DeriveDeserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    #[serde(deserialize_with = "crate::config::words")]
    link_words: Vec<String>,
}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let s = Settings::deserialize(value.into_deserializer())?;
    let mut link_words = s.link_words;
    // Longest first, so that 达到 goes before 达.
    link_words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    Ok(Box::new(RateFormula { link_words }))
}

/// The `rate-formula` rule with its settings.
pub struct RateFormula {
    link_words: Vec<String>,
}

/// A figure that may be an operand: which alternative name its label
/// carries, and whether the label ends with it.
#[derive(Debug, Clone, Copy)]
struct Match {
    /// Index of the quantity.
    q: usize,
    /// Index of the name among the operand's alternatives.
    alt: usize,
    /// The label ends with the name (a loose match only contains it).
    strict: bool,
    /// The length of the name matched: among loose matches, the longest
    /// name wins (`起诉各类犯罪` before `审查起诉案件` for `起诉各类犯罪|起诉`).
    len: usize,
}

/// The operand a formula uses: the figure, its name, and how sure the match is.
#[derive(Debug, Clone, Copy)]
struct Chosen {
    q: usize,
    alt: usize,
    strict: bool,
    tier: Scope,
}

impl RateFormula {
    /// The label without the link words at its end (`逾期率为` → `逾期率`).
    fn core<'l>(&self, label: &'l str) -> &'l str {
        let mut label = label;
        for _ in 0..4 {
            // A qualifier in brackets after the name (`不起诉率(按人数)为`).
            if let Some(open) = qualifier_start(label) {
                label = &label[..open];
                continue;
            }
            let Some(w) = self
                .link_words
                .iter()
                .find(|w| label.len() > w.len() && label.ends_with(w.as_str()))
            else {
                break;
            };
            label = &label[..label.len() - w.len()];
        }
        label
    }
}

impl Rule for RateFormula {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let formulas = &cx.tables.formulas;
        if formulas.is_empty() {
            return;
        }
        super::rate_formula_table::check(cx, formulas, &[], out);
        let labels: Vec<&str> = cx
            .quantities
            .iter()
            .map(|q| self.core(&q.label_text))
            .collect();
        let mut index: HashMap<usize, Vec<Vec<Match>>> = HashMap::new();
        for (si, q) in cx.quantities.iter().enumerate() {
            let Some((fi, name)) = formula_for(q, labels[si], formulas) else {
                continue;
            };
            let f = &formulas[fi];
            if !f.exclude.is_empty() {
                let head = statement_head(cx, si);
                if f.exclude.iter().any(|w| head.contains(w.as_str())) {
                    continue;
                }
            }
            let matches = index
                .entry(fi)
                .or_insert_with(|| operand_matches(f, cx, &labels));
            if let Some(d) = check_one(cx, f, name, si, matches) {
                out.push(d);
            }
        }
    }
}

/// Where a bracketed qualifier at the end of a label opens (`(按人数)` in
/// `不起诉率(按人数)`), when the label ends with one.
fn qualifier_start(label: &str) -> Option<usize> {
    let close = label.chars().last()?;
    let open = match close {
        ')' => '(',
        '）' => '（',
        _ => return None,
    };
    let at = label.rfind(open)?;
    (at > 0).then_some(at)
}

/// The dimension a rate's qualifier says its figures are counted in:
/// `(按人数)` → persons, `（按件数）` → `count:件`.
fn qualified_dimension(label: &str) -> Option<&'static str> {
    let mut l = label;
    loop {
        let trimmed = l.trim_end_matches(['为', '是', '达', '了']);
        let open = qualifier_start(trimmed)?;
        let q = &trimmed[open..];
        if q.contains("按人") {
            return Some("persons");
        }
        if q.contains("按件") {
            return Some("count:件");
        }
        l = &trimmed[..open];
    }
}

/// A statement of a figure in the record year: not a change, not another
/// period's level, not in parentheses.
fn is_statement(q: &Quantity) -> bool {
    q.role == Role::Level && !q.in_parens
}

/// The formula whose name the label of `q` ends with (the longest name when
/// several do), and that name.
fn formula_for<'f>(q: &Quantity, label: &str, formulas: &'f [Formula]) -> Option<(usize, &'f str)> {
    if !is_statement(q) {
        return None;
    }
    let is_rate = match &q.form {
        Form::Percent | Form::Permille => true,
        Form::Amount => q.unit.is_none(),
        // `生师比24.0:1`, `城乡居民收入比为1.82:1`: a plain ratio per a whole number.
        Form::Ratio(t) => t.len() == 2 && t[1] > Decimal::ZERO,
        _ => false,
    };
    if !is_rate {
        return None;
    }
    formulas
        .iter()
        .enumerate()
        .filter(|(_, f)| match f.unit {
            RateUnit::Percent | RateUnit::Permille => q.form != Form::Amount,
            RateUnit::Plain => matches!(q.form, Form::Amount | Form::Ratio(_)),
            RateUnit::Measure(_) => false,
        })
        .filter(|(_, f)| !f.exclude.iter().any(|w| q.label_text.contains(w.as_str())))
        .filter_map(|(i, f)| {
            f.names()
                .filter(|n| label.ends_with(n))
                .max_by_key(|n| n.len())
                .map(|n| (i, n))
        })
        .max_by_key(|(_, n)| n.len())
}

/// The head of the statement a figure belongs to: the text from the start
/// of its sentence, or the last `；` before it, to the first figure after
/// that (`年末户籍人口` for `城镇人口12.1万人` in
/// `年末户籍人口35.6万人，其中城镇人口12.1万人；…`).
fn statement_head<'t>(cx: &Context<'t>, qi: usize) -> &'t str {
    let qs = cx.quantities;
    let q = &qs[qi];
    let Some(sentence) = cx
        .draft
        .paragraphs
        .get(q.location.paragraph)
        .and_then(|p| p.sentences.get(q.location.sentence))
    else {
        return "";
    };
    // Within a window before the figure, so that a long sentence of rates
    // stays linear.
    let mut start = sentence.span.start.max(q.span.start.saturating_sub(600));
    while !cx.text.is_char_boundary(start) {
        start += 1;
    }
    let before = cx.text.get(start..q.span.start).unwrap_or("");
    let from = start + before.rfind('；').map_or(0, |i| i + '；'.len_utf8());
    let lo = qs[..qi].partition_point(|p| p.span.start < from);
    let first = if lo < qi {
        qs[lo].span.start
    } else {
        q.span.start
    };
    cx.text.get(from..first).unwrap_or("")
}

/// For each operand of `f`, the figures of the draft whose labels name it,
/// in source order. A figure whose label names several operands belongs to
/// the one with the longest name. A figure whose label, or the head of
/// whose statement, has a word of the formula's `exclude` list is none.
fn operand_matches(f: &Formula, cx: &Context<'_>, labels: &[&str]) -> Vec<Vec<Match>> {
    let qs = cx.quantities;
    let ops = &f.expression.operands;
    let mut out = vec![Vec::new(); ops.len()];
    for (qi, q) in qs.iter().enumerate() {
        if !is_statement(q) || matches!(q.form, Form::Ratio(_) | Form::Range { .. }) {
            continue;
        }
        if f.exclude.iter().any(|w| q.label_text.contains(w.as_str())) {
            continue;
        }
        let label = labels[qi];
        // The rate itself, stated again, is none of its operands.
        if f.names().any(|n| label.ends_with(n)) {
            continue;
        }
        if !ops
            .iter()
            .flat_map(|op| &op.names)
            .any(|n| label.contains(n.as_str()))
        {
            continue;
        }
        if !f.exclude.is_empty() {
            let head = statement_head(cx, qi);
            if f.exclude.iter().any(|w| head.contains(w.as_str())) {
                continue;
            }
        }
        // The best name of each operand: the longest, a strict match before a loose one.
        let best: Vec<Option<(usize, bool, usize)>> = ops
            .iter()
            .map(|op| {
                op.names
                    .iter()
                    .enumerate()
                    .filter_map(|(alt, n)| {
                        if label.ends_with(n.as_str()) {
                            Some((n.len(), true, alt))
                        } else if label.contains(n.as_str()) {
                            Some((n.len(), false, alt))
                        } else {
                            None
                        }
                    })
                    .max_by_key(|&(len, strict, _)| (strict, len))
            })
            .collect();
        let Some(top) = best.iter().flatten().map(|&(len, _, _)| len).max() else {
            continue;
        };
        for (j, b) in best.iter().enumerate() {
            if let Some((len, strict, alt)) = *b {
                if len == top {
                    out[j].push(Match {
                        q: qi,
                        alt,
                        strict,
                        len,
                    });
                }
            }
        }
    }
    // The parts of a breakdown whose total names the operand too, as well
    // as they do (`共不起诉70人，其中法定不起诉0人，…`), are not the operand. A
    // total that only contains the name (`审结审查起诉案件455人` for 起诉)
    // leaves a part that names the operand better (`起诉各类犯罪371人`).
    for list in &mut out {
        let copy = list.clone();
        let as_well =
            |total: &Match, part: &Match| (total.strict || !part.strict) && total.alt <= part.alt;
        list.retain(|m| {
            !cx.graph.breakdowns.iter().any(|b| {
                b.parts.contains(&m.q) && copy.iter().any(|t| t.q == b.total && as_well(t, m))
            })
        });
    }
    out
}

/// The quantities of one paragraph range, as a range of quantity indices.
fn quantity_range(
    qs: &[Quantity],
    from: (usize, usize),
    to: (usize, usize),
) -> std::ops::Range<usize> {
    let key = |q: &Quantity| (q.location.paragraph, q.location.sentence);
    qs.partition_point(|q| key(q) < from)..qs.partition_point(|q| key(q) < to)
}

/// The tiers of the search for operands, narrowest first: (scope, the
/// quantity indices within it).
fn tiers(cx: &Context<'_>, at: &Quantity, scope: Scope) -> Vec<(Scope, std::ops::Range<usize>)> {
    let (p, s) = (at.location.paragraph, at.location.sentence);
    let mut out = vec![(
        Scope::Sentence,
        quantity_range(cx.quantities, (p, s), (p, s + 1)),
    )];
    if scope >= Scope::Paragraph {
        out.push((
            Scope::Paragraph,
            quantity_range(cx.quantities, (p, 0), (p + 1, 0)),
        ));
    }
    if scope >= Scope::Entry {
        let paragraphs = &cx.draft.paragraphs;
        if let Some(e) = paragraphs.get(p).and_then(|para| para.entry) {
            let end = (e..paragraphs.len())
                .find(|&i| i > e && paragraphs[i].entry != Some(e))
                .unwrap_or(paragraphs.len());
            out.push((
                Scope::Entry,
                quantity_range(cx.quantities, (e, 0), (end, 0)),
            ));
        }
    }
    out
}

/// Two figures that state the same thing (the same figure repeated).
fn same_figure(a: &Quantity, b: &Quantity) -> bool {
    a.value == b.value
        && a.step == b.step
        && a.approx == b.approx
        && a.form == b.form
        && a.dimension() == b.dimension()
}

/// The figure operand `matches` stands for, searched from the rate at `si`:
/// strict matches before loose ones, the narrowest tier first. `None` when
/// there is none, or when the figures of the first tier that has any
/// disagree.
fn choose(
    qs: &[Quantity],
    matches: &[Match],
    si: usize,
    statement: &std::ops::Range<usize>,
    tiers: &[(Scope, std::ops::Range<usize>)],
) -> Option<Chosen> {
    // The rate's own statement (from the last `；` before it to the next)
    // first, a strict name before a loose one; then the tiers of its scope.
    for strict in [true, false] {
        if let Some(found) = pick(qs, matches, si, statement, strict, Scope::Sentence) {
            return found;
        }
    }
    for strict in [true, false] {
        for (tier, range) in tiers {
            // Beyond the rate's sentence, only figures stated before it.
            let range = if *tier == Scope::Sentence {
                range.clone()
            } else {
                range.start..range.end.min(si)
            };
            if let Some(found) = pick(qs, matches, si, &range, strict, *tier) {
                return found;
            }
        }
    }
    None
}

/// The figure of `matches` within `range` (quantity indices): `None` when
/// there is none, `Some(None)` when the figures there disagree.
fn pick(
    qs: &[Quantity],
    matches: &[Match],
    si: usize,
    range: &std::ops::Range<usize>,
    strict: bool,
    tier: Scope,
) -> Option<Option<Chosen>> {
    let lo = matches.partition_point(|m| m.q < range.start);
    let hi = matches.partition_point(|m| m.q < range.end);
    let found: Vec<&Match> = matches[lo..hi]
        .iter()
        .filter(|m| m.strict == strict && m.q != si)
        .collect();
    let longest = found.iter().map(|m| m.len).max()?;
    let found: Vec<&Match> = found.into_iter().filter(|m| m.len == longest).collect();
    let first = found.first()?;
    if found.len() > 8 || found.iter().any(|m| !same_figure(&qs[m.q], &qs[first.q])) {
        return Some(None);
    }
    let nearest = found.iter().min_by_key(|m| m.q.abs_diff(si))?;
    Some(Some(Chosen {
        q: nearest.q,
        alt: nearest.alt,
        strict,
        tier,
    }))
}

/// The quantities of the statement a figure belongs to: from the last `；`
/// before it in its sentence to the next one.
fn statement_range(cx: &Context<'_>, qi: usize) -> std::ops::Range<usize> {
    let qs = cx.quantities;
    let q = &qs[qi];
    let Some(sentence) = cx
        .draft
        .paragraphs
        .get(q.location.paragraph)
        .and_then(|p| p.sentences.get(q.location.sentence))
    else {
        return qi..qi + 1;
    };
    // Within windows around the figure, so that a long sentence of rates
    // stays linear; quantities are in source order: two binary searches.
    let text = cx.doc.text;
    let mut start = sentence.span.start.max(q.span.start.saturating_sub(600));
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let mut end = sentence.span.end.min(q.span.end + 600);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = text.get(start..q.span.start).unwrap_or("");
    let from = start + before.rfind(['；', ';']).map_or(0, |i| i + 1);
    let after = text.get(q.span.end..end).unwrap_or("");
    let to = after.find(['；', ';']).map_or(end, |i| q.span.end + i);
    let lo = qs.partition_point(|p| p.span.start < from);
    let hi = qs.partition_point(|p| p.span.start < to);
    lo.min(qi)..hi.max(qi + 1)
}

/// The dimensions operands of one reading may be counted in: `None` (any),
/// then each dimension of the figures that match an operand, or only the
/// one a qualifier names (`(按人数)`).
fn reading_dims(qs: &[Quantity], matches: &[&[Match]], hint: Option<&str>) -> Vec<Option<String>> {
    if let Some(h) = hint {
        return vec![Some(h.to_string())];
    }
    let mut out: Vec<Option<String>> = vec![None];
    for m in matches.iter().flat_map(|ms| ms.iter()) {
        if let Some(d) = qs[m.q].dimension() {
            if !out.iter().any(|o| o.as_deref() == Some(d)) {
                out.push(Some(d.to_string()));
            }
        }
    }
    out
}

/// The years a label names (`2019年贷款余额` → 2019).
fn years(label: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for (i, _) in label.match_indices('年') {
        let digits = label[..i]
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_ascii_digit())
            .last()
            .map_or(i, |(j, _)| j);
        if i - digits == 4 {
            out.push(&label[digits..i]);
        }
    }
    out
}

/// The value of a figure as a plain number (62.3% → 0.623) and its dimension.
fn operand_value(q: &Quantity) -> Option<(Interval, Dim)> {
    if q.sign_in_label {
        return None;
    }
    let v = Interval::of(q)?;
    match q.form {
        Form::Percent => Some((v.over(Interval::exact(Decimal::ONE_HUNDRED))?, Dim::none())),
        Form::Permille => Some((v.over(Interval::exact(Decimal::ONE_THOUSAND))?, Dim::none())),
        Form::Amount => Some((v, q.dimension().map_or_else(Dim::none, Dim::of))),
        _ => None,
    }
}

/// The bounds of a stated rate; for a ratio `a:b`, of a ÷ b.
fn stated_bounds(q: &Quantity) -> Bounds {
    match &q.form {
        Form::Ratio(t) if t.len() == 2 && t[1] > Decimal::ZERO => {
            let half = q.step / Decimal::TWO;
            Bounds {
                lo: (t[0] - half).checked_div(t[1]),
                hi: (t[0] + half).checked_div(t[1]),
            }
        }
        _ => q.bounds(),
    }
}

/// The factor from a plain ratio to the unit the rate is stated in, and
/// that unit as written.
fn scale_of(q: &Quantity) -> (Decimal, &'static str) {
    match q.form {
        Form::Percent => (Decimal::ONE_HUNDRED, "%"),
        Form::Permille => (Decimal::ONE_THOUSAND, "‰"),
        _ => (Decimal::ONE, ""),
    }
}

/// A figure as the draft writes it, without spaces and line breaks.
fn written(cx: &Context<'_>, q: &Quantity) -> String {
    q.span
        .slice(cx.text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

fn check_one(
    cx: &Context<'_>,
    f: &Formula,
    name: &str,
    si: usize,
    matches: &[Vec<Match>],
) -> Option<Diagnostic> {
    let qs = cx.quantities;
    let stated = &qs[si];
    let tiers = tiers(cx, stated, f.scope);
    let statement = statement_range(cx, si);
    // One reading for the figures as they come, and one for each unit they
    // are counted in (`起诉257件292人`: by cases or by persons).
    let hint = qualified_dimension(&stated.label_text);
    // Only the matches within reach of the rate: its widest tier, and no
    // more than a few hundred figures either way.
    let lo = tiers
        .iter()
        .map(|(_, r)| r.start)
        .chain([statement.start])
        .min()
        .unwrap_or(si)
        .max(si.saturating_sub(300));
    let hi = tiers
        .iter()
        .map(|(_, r)| r.end)
        .chain([statement.end])
        .max()
        .unwrap_or(si + 1)
        .min(si + 300);
    let near: Vec<&[Match]> = matches
        .iter()
        .map(|ms| {
            let a = ms.partition_point(|m| m.q < lo);
            let b = ms.partition_point(|m| m.q < hi);
            &ms[a..b.max(a)]
        })
        .collect();
    let mut readings: Vec<Vec<Chosen>> = Vec::new();
    for dim in reading_dims(qs, &near, hint) {
        let filtered: Vec<Vec<Match>> = near
            .iter()
            .map(|ms| {
                ms.iter()
                    .filter(|m| {
                        let q = &qs[m.q];
                        dim.is_none() || q.form != Form::Amount || q.dimension() == dim.as_deref()
                    })
                    .copied()
                    .collect()
            })
            .collect();
        let Some(chosen) = filtered
            .iter()
            .map(|m| choose(qs, m, si, &statement, &tiers))
            .collect::<Option<Vec<Chosen>>>()
        else {
            continue;
        };
        if !readings
            .iter()
            .any(|r| r.iter().zip(&chosen).all(|(a, b)| a.q == b.q))
        {
            readings.push(chosen);
        }
    }
    if readings.is_empty() {
        cx.coverage.skipped(
            "named rate (formula)",
            "an operand is not stated in scope, or stated twice with different values",
        );
        return None;
    }
    let (scale, unit) = scale_of(stated);
    let bounds = stated_bounds(stated);
    let mut failing: Vec<(Vec<Chosen>, Interval)> = Vec::new();
    for chosen in readings {
        // Two different years among the labels: figures of different periods.
        let mut ys = years(&stated.label_text);
        for c in &chosen {
            ys.extend(years(&qs[c.q].label_text));
        }
        ys.sort_unstable();
        ys.dedup();
        if ys.len() > 1 {
            cx.coverage
                .skipped("named rate (formula)", "its figures are of different years");
            continue;
        }
        let Some(operands) = chosen
            .iter()
            .map(|c| operand_value(&qs[c.q]))
            .collect::<Option<Vec<_>>>()
        else {
            continue;
        };
        let (values, dims): (Vec<Interval>, Vec<Dim>) = operands.into_iter().unzip();
        if !f.expression.dimension(&dims).is_some_and(|d| d.is_none()) {
            continue;
        }
        let Some(computed) = f
            .expression
            .eval(&values)
            .and_then(|v| v.times(Interval::exact(scale)))
        else {
            continue;
        };
        cx.coverage.checked("named rate (formula)");
        if computed.meets_bounds(&bounds) {
            return None;
        }
        failing.push((chosen, computed));
    }
    let several = failing.len() > 1;
    let (chosen, computed) = failing.into_iter().next()?;

    let alt_name = |i: usize| -> &str {
        let c = &chosen[i];
        &f.expression.operands[i].names[c.alt]
    };
    let decimals = stated.display_decimals();
    let shown = round_half_away(computed.mid(), decimals);
    let stated_text = written(cx, stated);
    let sum = f
        .expression
        .render(&|i| format!("{} {}", alt_name(i), written(cx, &qs[chosen[i].q])));
    let message = format!(
        "{name} stated {stated_text}; {sum} = {shown:.prec$}{unit} ({file})",
        prec = decimals as usize,
        file = f.file
    );
    let loose: Vec<String> = chosen
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.strict || c.tier != Scope::Sentence)
        .map(|(i, c)| {
            let q = &qs[c.q];
            let why = if !c.strict {
                format!("its label `{}` only contains the name", q.label_text)
            } else if c.tier == Scope::Paragraph {
                "found in another sentence".to_string()
            } else {
                "found in another paragraph of the entry".to_string()
            };
            format!("{} {} ({why})", alt_name(i), written(cx, q))
        })
        .collect();
    let severity = if f.definitional && loose.is_empty() && !several {
        Severity::Error
    } else {
        Severity::Warning
    };
    let digits = decimals + 2;
    let down = |v: Decimal| v.round_dp_with_strategy(digits, RoundingStrategy::ToNegativeInfinity);
    let up = |v: Decimal| v.round_dp_with_strategy(digits, RoundingStrategy::ToPositiveInfinity);
    let mut notes = vec![
        format!(
            "{name} = {} ({})",
            f.expression.render(&|i| alt_name(i).to_string()),
            f.source
        ),
        format!(
            "the operands as written allow {}{unit} to {}{unit}; {stated_text} stands for {}",
            down(computed.lo),
            up(computed.hi),
            bounds_text(&bounds, unit)
        ),
    ];
    if several {
        notes.push(
            "its figures are stated in more than one unit (件 and 人); the rate follows from none of them"
                .to_string(),
        );
    }
    if !loose.is_empty() {
        notes.push(format!(
            "matched loosely, so a warning: {}",
            loose.join("; ")
        ));
    }
    let mut d = DEF
        .diagnostic(severity, stated.span, message)
        .with_primary_text(format!("stated {name}"));
    for (i, c) in chosen.iter().enumerate() {
        d = d.with_label(qs[c.q].span, alt_name(i).to_string());
    }
    for n in notes {
        d = d.with_note(n);
    }
    Some(d)
}

fn bounds_text(b: &Bounds, unit: &str) -> String {
    let p = |v: Decimal| crate::quantity::number::plain(v);
    match (b.lo, b.hi) {
        (Some(lo), Some(hi)) => format!("{}{unit} to {}{unit}", p(lo), p(hi)),
        (Some(lo), None) => format!("at least {}{unit}", p(lo)),
        (None, Some(hi)) => format!("at most {}{unit}", p(hi)),
        (None, None) => "any value".to_string(),
    }
}
