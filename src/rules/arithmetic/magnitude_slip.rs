//! `magnitude-slip`: a figure of a list printed without the magnitude word
//! its neighbours carry (`薯类产量5.62吨` among figures in 万吨), found when
//! the list adds up to the total stated before it only with the word put
//! back.

use rust_decimal::Decimal;
use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use crate::diagnostic::{Diagnostic, Severity};
use crate::quantity::{Approx, Bounds, Form, Quantity, Role};
use crate::rules::{Context, Example, Rule, RuleDef};

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "magnitude-slip",
    category: "arithmetic",
    summary: "a figure of a list printed without the magnitude word (万, 亿) its neighbours carry, \
              when the list adds up to its total only with the word put back",
    source: "GB/T 15835-2011 §4.1 (a figure and its unit as one written quantity); data-accuracy \
             requirements for yearbooks (资料真实准确)",
    docs: DOCS,
    examples: &[
        Example::wrong(
            "全县粮食总产量38.46万吨。稻谷产量10.25万吨；玉米产量15.36万吨；小麦产量4.18万吨；豆类产量3.05万吨；薯类产量5.62吨。",
            "the crops add up to 38.46万吨 only when 薯类 is 5.62万吨",
        ),
        Example::right(
            "全县粮食总产量38.46万吨。稻谷产量10.25万吨；玉米产量15.36万吨；小麦产量4.18万吨；豆类产量3.05万吨；薯类产量5.62万吨。",
            "",
        ),
        Example::right(
            "全县蔬菜总产量12.60万吨。番茄产量4.10万吨；黄瓜产量3.20万吨；白菜产量5.30万吨；食用菌产量8.50吨。",
            "as printed the list adds up: 食用菌 is a small crop, really in 吨",
        ),
    ],
    defaults: include_str!("../../../rules/arithmetic/magnitude-slip.toml"),
    build,
};

const DOCS: &str = r#"A figure printed without the magnitude word its neighbours carry, such as
`5.62吨` in a list of crops in 万吨, is 10 000 times smaller than the text
means. It is reported when the evidence is arithmetic, not only the look of
the list.

## What it checks

A sentence that lists figures of one kind, all but one printed in a unit
with a magnitude word (`万吨`, `亿元`, `千公顷`) and one printed in the bare
unit (`吨`, `元`, `公顷`), after a total of the same unit stated earlier in
its paragraph. The figure is reported when the list, with the magnitude
word put back, adds up to that total within rounding (each figure ± half a
unit of its last digit), and as printed does not.

## What it leaves alone

* Lists that add up to their total as printed: a small item really
  stated in a smaller unit (`食用菌产量8.50吨`) is left alone; so are lists
  that do not add up to a total stated before them either way.
* Approximate figures (`约`), changes and rates.

## Settings (`[rules.magnitude-slip]` in yblint.toml)

* `severity`: `"warning"` (default), `"error"`, `"info"` or `"off"`.
* `magnitudes`: the magnitude words and their factors, as
  `{ word, factor }`.
"#;

/// A magnitude word and its factor.
#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct Magnitude {
    word: String,
    factor: Decimal,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    magnitudes: Vec<Magnitude>,
}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let s: Settings = crate::rules::settings(value)?;
    Ok(Box::new(MagnitudeSlip {
        magnitudes: s.magnitudes,
    }))
}

/// The `magnitude-slip` rule with its magnitude words.
pub struct MagnitudeSlip {
    magnitudes: Vec<Magnitude>,
}

/// True for a figure that may be an item of a list or its total: an exact
/// amount stated as a level, with a unit.
fn listable(q: &Quantity) -> bool {
    q.form == Form::Amount
        && q.role == Role::Level
        && q.approx == Approx::Exact
        && q.unit.is_some()
        && !q.non_additive
}

impl MagnitudeSlip {
    /// The magnitude word `unit` carries before `bare`, with its factor.
    fn magnitude_of(&self, unit: &str, bare: &str) -> Option<&Magnitude> {
        let word = unit.strip_suffix(bare)?;
        self.magnitudes.iter().find(|m| m.word == word)
    }

    /// Checks `i`, the one figure of its sentence's list of `others` (the
    /// figures of its dimension) printed in another unit.
    fn check_one(&self, cx: &Context<'_>, i: usize, others: &[usize]) -> Option<Diagnostic> {
        let q = &cx.quantities[i];
        let loc = q.location;
        if others.len() < 2 || q.display_unit.is_empty() {
            return None;
        }
        let first = &cx.quantities[others[0]];
        let m = self.magnitude_of(&first.display_unit, &q.display_unit)?;
        if others
            .iter()
            .any(|&k| cx.quantities[k].display_unit != first.display_unit)
        {
            return None;
        }
        let bounds: Vec<Bounds> = others.iter().map(|&k| cx.quantities[k].bounds()).collect();
        let qb = q.bounds();
        let scaled = Bounds {
            lo: qb.lo.map(|v| v * m.factor),
            hi: qb.hi.map(|v| v * m.factor),
        };
        let with_word = Bounds::sum(bounds.iter().chain([&scaled]));
        let as_printed = Bounds::sum(bounds.iter().chain([&qb]));
        let meets = |a: &Bounds, b: &Bounds| !a.entirely_above(b) && !a.entirely_below(b);
        // The total: the nearest figure before the list in its paragraph,
        // in the neighbours' unit, that the list adds up to with the word.
        let list_start = others[0].min(i);
        let total = cx
            .doc
            .in_paragraph(loc.paragraph)
            .filter(|&t| t < list_start)
            .rev()
            .find(|&t| {
                let tq = &cx.quantities[t];
                listable(tq)
                    && tq.display_unit == first.display_unit
                    && meets(&with_word, &tq.bounds())
            })?;
        let tq = &cx.quantities[total];
        if meets(&as_printed, &tq.bounds()) {
            return None;
        }
        // The number and the unit as printed (`8.10`, `億元`).
        let split = |x: &Quantity| {
            let shown = x.span.slice(cx.text);
            let at = shown
                .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | ',' | ' ')))
                .unwrap_or(shown.len());
            (
                shown[..at].trim().to_string(),
                shown[at..].trim().to_string(),
            )
        };
        let number = |x: &Quantity| split(x).0;
        let (_, printed_unit) = split(q);
        let (_, their_unit) = split(first);
        let word = their_unit
            .strip_suffix(printed_unit.as_str())
            .unwrap_or(&m.word)
            .to_string();
        let items: Vec<String> = others
            .iter()
            .map(|&k| number(&cx.quantities[k]))
            .chain([number(q)])
            .collect();
        let message = format!(
            "{} is printed in {}, its neighbours in {}: with {} put back the list adds up to {}",
            q.span.slice(cx.text),
            printed_unit,
            their_unit,
            word,
            tq.span.slice(cx.text),
        );
        let mut d = DEF
            .diagnostic(Severity::Warning, q.span, message)
            .with_primary_text("printed without its magnitude word")
            .with_label(tq.span, "total");
        for &k in others {
            d = d.with_label(cx.quantities[k].span, "item");
        }
        Some(d.with_note(format!(
            "{} = {} {}, as the total says, only when {} is {}{}",
            items.join(" + "),
            number(tq),
            their_unit,
            q.span.slice(cx.text),
            number(q),
            their_unit,
        )))
    }
}

impl Rule for MagnitudeSlip {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for (pi, para) in cx.draft.paragraphs.iter().enumerate() {
            for si in 0..para.sentences.len() {
                let figures: Vec<usize> = cx
                    .doc
                    .in_sentence(pi, si)
                    .filter(|&k| listable(&cx.quantities[k]))
                    .collect();
                let mut by_dimension: std::collections::BTreeMap<&str, Vec<usize>> =
                    Default::default();
                for &k in &figures {
                    if let Some(d) = cx.quantities[k].dimension() {
                        by_dimension.entry(d).or_default().push(k);
                    }
                }
                for items in by_dimension.values() {
                    // The one figure whose unit differs from its neighbours'.
                    let mut units: std::collections::HashMap<&str, usize> = Default::default();
                    for &k in items {
                        *units
                            .entry(cx.quantities[k].display_unit.as_str())
                            .or_default() += 1;
                    }
                    if units.len() != 2 {
                        continue;
                    }
                    let odd: Vec<usize> = items
                        .iter()
                        .copied()
                        .filter(|&k| units[cx.quantities[k].display_unit.as_str()] == 1)
                        .take(2)
                        .collect();
                    let &[i] = odd.as_slice() else {
                        continue;
                    };
                    let others: Vec<usize> = items.iter().copied().filter(|&k| k != i).collect();
                    if let Some(d) = self.check_one(cx, i, &others) {
                        out.push(d);
                    }
                }
            }
        }
    }
}
