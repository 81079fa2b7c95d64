//! `unit-mu-needs-hectare`: areas in 亩 without their value in 公顷, as the
//! house policy asks (`policy = "off" | "first" | "every"`).

use rust_decimal::Decimal;
use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use crate::diagnostic::{Diagnostic, Severity};
use crate::quantity::number::{plain, round_half_away};
use crate::quantity::Quantity;
use crate::rules::{Context, Example, Rule, RuleDef};

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "unit-mu-needs-hectare",
    category: "unit",
    summary: "an area in 亩 gives its 公顷 value in parentheses, as the house policy asks (off, first, every)",
    source: "1990 land-area circular (km², hm², m² are the legal land units); yearbook practice: 亩 only \
             with 公顷 in parentheses, or as the 凡例 allows; catalogue UNIT_MU_NEEDS_HECTARE",
    docs: DOCS,
    examples: &[
        Example::wrong("全年流转土地1.2万亩。", ""),
        Example::right("全年流转土地800公顷（1.2万亩）。", ""),
        Example::right("全年流转土地1.2万亩（800公顷）。", ""),
    ],
    defaults: include_str!("../../../rules/unit/unit-mu-needs-hectare.toml"),
    build,
};

const DOCS: &str = r#"亩 is not a legal unit of measurement. Yearbook practice allows it with the
value in 公顷 beside it in parentheses (`800公顷（1.2万亩）` or
`1.2万亩（800公顷）`); many county yearbooks accept 亩 alone once their 凡例
says so. The norms conflict, so what to require is a house choice:

* `policy = "every"` (default): every area in 亩 needs its 公顷 value;
* `policy = "first"`: the first area in 亩 of each file needs it (the
  reader has seen the conversion once);
* `policy = "off"`: 亩 alone is accepted (the 凡例 allows it).

The default severity is `info`: the finding is a reminder of the house
policy, not an error.

## What it checks

A figure in 亩 (`300亩`, `1.2万亩`, `三百亩`) with no 公顷 figure in
parentheses right after it, and not itself in parentheses right after a 公顷
figure. The note gives the area in 公顷 (1 公顷 = 15 亩).

## What it leaves alone

亩 as part of a rate (`亩产`, `亩均`, `300元/亩`), figures in quoted text and
titles, and every area when `policy = "off"`.

## Settings

* `policy`: `"every"`, `"first"` or `"off"`, as above.
* `hectare_words`: how the 公顷 figure is written (`公顷`, `hm²`).
"#;

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
enum Policy {
    Off,
    First,
    Every,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    policy: Policy,
    #[serde(deserialize_with = "crate::config::words")]
    hectare_words: Vec<String>,
}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let s: Settings = crate::rules::settings(value)?;
    Ok(Box::new(Mu { s }))
}

struct Mu {
    s: Settings,
}

fn is_gap(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{3000}' | '\u{00A0}' | '\u{2009}' | '\u{202F}'
    )
}

/// At most this many bytes are searched for the paired figure.
const WINDOW: usize = 60;

fn window_start(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

impl Mu {
    fn has_hectare(&self, s: &str) -> bool {
        self.s.hectare_words.iter().any(|w| s.contains(w.as_str()))
    }

    /// A 公顷 figure in parentheses right after `q`, or `q` in parentheses
    /// right after a 公顷 figure.
    fn paired(&self, text: &str, q: &Quantity) -> bool {
        let after = text[q.full_span.end..].trim_start_matches(is_gap);
        if let Some(inner) = after.strip_prefix('（').or_else(|| after.strip_prefix('(')) {
            let close = inner.find(['）', ')']).unwrap_or(inner.len());
            if close <= WINDOW && self.has_hectare(&inner[..close]) {
                return true;
            }
        }
        let before = text[..q.full_span.start].trim_end_matches(is_gap);
        if let Some(outer) = before
            .strip_suffix('（')
            .or_else(|| before.strip_suffix('('))
        {
            let from = window_start(outer, outer.len().saturating_sub(WINDOW));
            let tail = outer[from..].trim_end_matches(is_gap);
            let tail = tail.trim_end_matches(['左', '右', '以', '上', '余', '多']);
            return self
                .s
                .hectare_words
                .iter()
                .any(|w| tail.ends_with(w.as_str()));
        }
        false
    }
}

impl Rule for Mu {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        if self.s.policy == Policy::Off {
            return;
        }
        for q in cx
            .quantities
            .iter()
            .filter(|q| q.unit.as_ref().is_some_and(|u| u.name == "亩"))
        {
            let paired = self.paired(cx.text, q);
            if !paired {
                let figure = q.span.slice(cx.text);
                let hectares = q.value.checked_div(Decimal::from(10_000)).map(|h| {
                    let dp = if h.abs() >= Decimal::from(100) { 0 } else { 2 };
                    plain(round_half_away(h, dp))
                });
                let mut d = DEF
                    .diagnostic(
                        Severity::Warning,
                        q.span,
                        format!("`{figure}` gives an area in 亩 only: add its value in 公顷 in parentheses"),
                    )
                    .with_note("亩 is not a legal unit; yearbooks give the 公顷 value beside it (1 公顷 = 15 亩)");
                if let Some(h) = hectares {
                    d = d.with_note(format!("{figure} is about {h} 公顷"));
                }
                out.push(d);
            }
            if self.s.policy == Policy::First {
                break;
            }
        }
    }
}
