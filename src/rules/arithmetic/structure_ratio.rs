//! `structure-ratio`: a structure ratio (`三次产业结构为a:b:c`) adds up to
//! 100 and matches its parts' shares; a sex ratio (`男女性别比为105.2:100`,
//! `性别比105.2`) matches the male and female counts.

use rust_decimal::Decimal;
use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use crate::diagnostic::{Diagnostic, Severity};
use crate::quantity::number::round_half_away;
use crate::quantity::{Bounds, Quantity};
use crate::relations::label_name;
use crate::relations::{
    sex_ratios, structures, RatioOptions, SexRatio, Structure, StructureName, Term,
};
use crate::rules::arithmetic::share::{disjoint, quotient_percent};
use crate::rules::{Context, Example, Rule, RuleDef};

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "structure-ratio",
    category: "arithmetic",
    summary: "a structure ratio (a:b:c) must add up to 100 and match its parts; a sex ratio must match the male and female counts",
    source: "shares of a whole must add up to 100% (分数之和不等于100% is a listed data-error type); \
             sex ratio = males ÷ females × 100; catalogue ids ARITH_SHARES_SUM_100 and ARITH_SHARE_VS_VALUES",
    docs: DOCS,
    examples: &[
        Example::wrong(
            "全县三次产业结构为18.4:35.2:47.1。",
            "18.4 + 35.2 + 47.1 = 100.7",
        ),
        Example::right("全县三次产业结构为18.4:34.5:47.1。", ""),
        Example::wrong(
            "全年出生人口2480人，其中，男婴1290人，女婴1190人，出生人口性别比为112.4:100。",
            "1290 ÷ 1190 × 100 = 108.4",
        ),
        Example::right(
            "全年出生人口2480人，其中，男婴1290人，女婴1190人，出生人口性别比为108.4:100。",
            "",
        ),
    ],
    defaults: include_str!("../../../rules/arithmetic/structure-ratio.toml"),
    build,
};

const DOCS: &str = r#"A structure ratio must add up to 100 and match the shares of its parts; a
sex ratio must match the male and female counts.

## What it checks

* Structure ratios: a ratio written after a structure word (`结构`, `构成`:
  `structure_words`), or after a known structure's name and a ratio word
  (`三次产业之比为`: `ratio_words`). When its terms are percentages (they add
  up to between 50 and 150), they must add up to 100 within rounding: each
  term stands for ± half a unit of its last digit, so `16.1:37.0:46.9` may add
  up to 99.85–100.15.
* The parts of a known structure (`structures`: `三次产业` with the members
  第一产业, 第二产业, 第三产业 of `rules/partitions.toml`): when one figure for
  each member is stated (`第一产业增加值98760万元` …) in the ratio's sentence,
  or else earlier in its paragraph, each term must match its part's share of
  the whole: the total of the breakdown the parts belong to (`地区生产总值`),
  or else the sum of the parts. The parts must measure what the ratio names
  (`三次产业从业人员结构` takes figures labelled 从业人员); when it names
  nothing, what the structure's `measures` say (`增加值`).
* Sex ratios: `男女性别比为105.62:100`, `出生人口性别比为109.4:100`, `性别比105.2`
  (`sex_ratio_words`) are males per 100 (or per 1) females; when one male and
  one female figure of what the ratio names are stated (`男性人口`/`女性人口`;
  `男婴`/`女婴` for 出生人口, by the `equivalents` of the partition named by
  `sex_partition`), the ratio must equal males ÷ females × 100 within the
  rounding of its last digit.

Findings about the sum are errors. Findings about parts are errors when the
parts stand in the ratio's own sentence, warnings when they were found in an
earlier sentence.

## What it leaves alone

* Proportions that are not percentages (`1:2.3:2.9`, `2.35:1`): not summed.
* A ratio of another period (`由17.2:36.5:46.3调整为…`: `other_period`): summed,
  but not compared with this year's parts.
* Parts that are ambiguous (two figures for one member), of different units,
  or of another measure than the ratio names; a sex ratio of one population
  (`出生人口`) against the counts of another (`男性人口`).
* A ratio in parentheses (`（女性为100）`).

## Settings (`[rules.structure-ratio]` in yblint.toml)

* `severity`: `"error"` (default), `"warning"`, `"info"` or `"off"`.
* `structure_words`, `ratio_words`, `sex_ratio_words`, `other_period`: the
  word lists described above.
* `sex_partition`: the name of the partition of males and females.
* `structures`: known structures, each `{ words = […], partition = "…",
  measures = […] }`.

A list given in `yblint.toml` replaces the built-in list.
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    #[serde(deserialize_with = "crate::config::words")]
    structure_words: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    ratio_words: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    sex_ratio_words: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    other_period: Vec<String>,
    sex_partition: String,
    structures: Vec<StructureName>,
}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let s: Settings = crate::rules::settings(value)?;
    Ok(Box::new(StructureRatio {
        opts: RatioOptions {
            structure_words: s.structure_words,
            ratio_words: s.ratio_words,
            sex_ratio_words: s.sex_ratio_words,
            other_period: s.other_period,
            structures: s.structures,
            sex_partition: s.sex_partition,
        },
    }))
}

/// The `structure-ratio` rule with its settings.
pub struct StructureRatio {
    opts: RatioOptions,
}

impl Rule for StructureRatio {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let any_ratio = cx
            .quantities
            .iter()
            .any(|q| matches!(q.form, crate::quantity::Form::Ratio(_)));
        if any_ratio {
            for s in structures(cx.doc, &self.opts, &cx.graph.breakdowns) {
                if let Some(d) = check_structure(cx, &s) {
                    out.push(d);
                }
            }
        }
        for s in sex_ratios(cx.doc, &self.opts) {
            if let Some(d) = check_sex(cx, &s) {
                out.push(d);
            }
        }
    }
}

fn bounds_of(t: &Term) -> Bounds {
    let half = t.step / Decimal::TWO;
    Bounds {
        lo: t.value.checked_sub(half),
        hi: t.value.checked_add(half),
    }
}

fn written(cx: &Context<'_>, q: &Quantity) -> String {
    q.span
        .slice(cx.text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

fn show(v: Decimal, decimals: u32) -> String {
    let mut v = round_half_away(v, decimals);
    v.rescale(decimals);
    v.to_string()
}

/// A term's position in words for a note (`the third term`).
fn ordinal(i: usize) -> String {
    match i {
        0 => "first".into(),
        1 => "second".into(),
        2 => "third".into(),
        3 => "fourth".into(),
        n => format!("term {}", n + 1),
    }
}

fn check_structure(cx: &Context<'_>, s: &Structure) -> Option<Diagnostic> {
    let q = &cx.quantities[s.ratio];
    let stated = written(cx, q);
    let decimals = s.terms.iter().map(|t| t.value.scale()).max().unwrap_or(0);
    // The sum, each term ± half a unit of its last digit.
    let sum_bounds = Bounds::sum(&s.terms.iter().map(bounds_of).collect::<Vec<_>>());
    let hundred = Bounds {
        lo: Some(Decimal::ONE_HUNDRED),
        hi: Some(Decimal::ONE_HUNDRED),
    };
    let sum_wrong = s.percent && disjoint(&sum_bounds, &hundred);
    if s.percent {
        cx.coverage.checked("structure ratio: terms add up to 100");
    } else {
        cx.coverage.skipped(
            "structure ratio",
            "the terms are a proportion, not percentages",
        );
    }
    if s.parts.is_some() {
        cx.coverage
            .checked("structure ratio: terms match their parts");
    }
    let sum = s
        .terms
        .iter()
        .try_fold(Decimal::ZERO, |a, t| a.checked_add(t.value))?;
    // Each term against its part's share of the whole.
    let mut mismatches: Vec<(usize, String)> = Vec::new();
    let mut part_labels: Vec<&Quantity> = Vec::new();
    if let Some(parts) = &s.parts {
        let pq: Vec<&Quantity> = parts.iter().map(|&i| &cx.quantities[i]).collect();
        let (whole_b, whole_value, whole_name) = match s.total {
            Some(t) => {
                let tq = &cx.quantities[t];
                (
                    tq.bounds(),
                    tq.value,
                    format!("{} {}", label_name(&tq.label_text), written(cx, tq)),
                )
            }
            None => (
                Bounds::sum(&pq.iter().map(|p| p.bounds()).collect::<Vec<_>>()),
                pq.iter()
                    .try_fold(Decimal::ZERO, |a, p| a.checked_add(p.value))?,
                "the sum of the parts".to_string(),
            ),
        };
        for (i, (term, part)) in s.terms.iter().zip(&pq).enumerate() {
            let expected = quotient_percent(&part.bounds(), &whole_b);
            if disjoint(&bounds_of(term), &expected) {
                let exact = part
                    .value
                    .checked_mul(Decimal::ONE_HUNDRED)?
                    .checked_div(whole_value)?;
                mismatches.push((
                    i,
                    format!(
                        "the {} term {} does not match its part: {} {} ÷ {} = {}%",
                        ordinal(i),
                        term.value,
                        label_name(&part.label_text),
                        written(cx, part),
                        whole_name,
                        show(exact, term.value.scale())
                    ),
                ));
                part_labels.push(part);
            }
        }
        if !mismatches.is_empty() {
            if let Some(t) = s.total {
                part_labels.push(&cx.quantities[t]);
            }
        }
    }
    if !sum_wrong && mismatches.is_empty() {
        return None;
    }
    let (message, severity) = if sum_wrong {
        (
            format!(
                "structure {stated} adds up to {}, not 100",
                show(sum, decimals)
            ),
            Severity::Error,
        )
    } else {
        let sev = if s.parts_sure {
            Severity::Error
        } else {
            Severity::Warning
        };
        (format!("structure {stated}: {}", mismatches[0].1), sev)
    };
    let mut d = DEF
        .diagnostic(severity, q.span, message)
        .with_primary_text("stated structure");
    for p in &part_labels {
        let is_total = s.total.is_some_and(|t| std::ptr::eq(&cx.quantities[t], *p));
        d = d.with_label(p.span, if is_total { "total" } else { "part" });
    }
    if sum_wrong {
        let terms: Vec<String> = s.terms.iter().map(|t| t.value.to_string()).collect();
        d = d.with_note(format!(
            "{} = {}; with each term ± half a unit of its last digit the sum lies in {} to {}, which leaves out 100",
            terms.join(" + "),
            show(sum, decimals),
            sum_bounds.lo.map(|v| v.normalize().to_string()).unwrap_or_default(),
            sum_bounds.hi.map(|v| v.normalize().to_string()).unwrap_or_default(),
        ));
        for (_, m) in &mismatches {
            d = d.with_note(m.clone());
        }
    } else {
        for (_, m) in mismatches.iter().skip(1) {
            d = d.with_note(m.clone());
        }
    }
    if !mismatches.is_empty() && !s.parts_sure {
        d = d.with_note("the parts were found in an earlier sentence of the paragraph (check that they are the figures meant)");
    }
    Some(d)
}

fn check_sex(cx: &Context<'_>, s: &SexRatio) -> Option<Diagnostic> {
    let m = &cx.quantities[s.male];
    let f = &cx.quantities[s.female];
    let mut computed = quotient_percent(&m.bounds(), &f.bounds());
    let exact_pct = m
        .value
        .checked_mul(Decimal::ONE_HUNDRED)?
        .checked_div(f.value)?;
    // Males per `per` females: 100 ÷ per from a percentage.
    let scale = Decimal::ONE_HUNDRED.checked_div(s.per)?;
    computed.lo = computed.lo.and_then(|v| v.checked_div(scale));
    computed.hi = computed.hi.and_then(|v| v.checked_div(scale));
    let exact = exact_pct.checked_div(scale)?;
    let stated_b = bounds_of(&s.stated);
    cx.coverage.checked("sex ratio: males ÷ females");
    if !disjoint(&computed, &stated_b) {
        return None;
    }
    let decimals = s.stated.value.scale();
    let stated = s
        .span
        .slice(cx.text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>();
    let message = format!(
        "sex ratio stated {stated}, but {} {} ÷ {} {} × {} = {}",
        label_name(&m.label_text),
        written(cx, m),
        label_name(&f.label_text),
        written(cx, f),
        s.per,
        show(exact, decimals)
    );
    let severity = if s.sure {
        Severity::Error
    } else {
        Severity::Warning
    };
    let r = |v: Option<Decimal>| {
        v.map(|v| round_half_away(v, decimals + 2).normalize().to_string())
            .unwrap_or_default()
    };
    let mut d = DEF
        .diagnostic(severity, s.span, message)
        .with_primary_text("stated sex ratio")
        .with_label(m.span, "males")
        .with_label(f.span, "females")
        .with_note(format!(
            "males per {} females: {} ÷ {} × {} lies in {} to {} (each figure ± half a unit of its last digit); {} allows {} to {}",
            s.per,
            written(cx, m),
            written(cx, f),
            s.per,
            r(computed.lo),
            r(computed.hi),
            s.stated.value,
            r(stated_b.lo),
            r(stated_b.hi),
        ));
    if !s.sure {
        d = d.with_note("the counts were found in an earlier sentence of the paragraph (check that they are the figures meant)");
    }
    Some(d)
}
