//! `num-bound-redundancy`: a bound stated twice or two bounds that clash
//! around one figure (`超过90%以上`, `不到300人左右`).

use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use super::approx_marks::{after, before};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Example, Rule, RuleDef};
use crate::span::Span;

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "num-bound-redundancy",
    category: "number",
    summary: "a bound stated twice (超过90%以上) or clashing with another word (不到300人左右)",
    source: "editorial usage notes on numbers (超过…以上, 至少…以上 are redundant; \
             不到…左右 contradictory); catalogue NUM_BOUND_REDUNDANCY",
    docs: DOCS,
    examples: &[
        Example::wrong("全年空气质量优良天数比例超过90%以上。", ""),
        Example::wrong(
            "参加培训的农户不到300户左右。",
            "an upper bound and a fuzzy value",
        ),
        Example::right("全年空气质量优良天数比例超过90%。", ""),
        Example::right("全年空气质量优良天数比例达90%以上。", ""),
    ],
    defaults: include_str!("../../../rules/number/num-bound-redundancy.toml"),
    build,
};

const DOCS: &str = r#"A bound is stated once: `超过90%` or `90%以上`, not `超过90%以上`;
`至少300人` or `300人以上`, not both. A bound and a fuzzy value clash:
`不到300人左右` says neither.

## What it checks

A figure with a bound word right before it (`lower_before`: `超过`, `至少`,
`逾`; `upper_before`: `不到`, `不足`, `最多`; a word of `links` may stand
between: `超过了`) and, after it, a word of `lower_after` (`以上`),
`upper_after` (`以下`, `以内`) or `fuzzy_after` (`左右`), or 余/多 written
with its digits (`300余人`, a lower bound).

## What it leaves alone

* A single bound (`超过90%`, `达90%以上`), and comparisons whose bound word
  does not stand right before the figure (`高于全省平均水平2个百分点`).
* `约…左右` and `近…余`: those are `num-redundant-approx`'s.
* Figures in quoted text and titles, which are not read as figures.
* Words ending like a bound word that are not one: `not_words` (empty by
  default).

## Settings

* `lower_before`, `upper_before`: bound words written before a figure.
* `lower_after`, `upper_after`, `fuzzy_after`: words written after a figure.
* `links`: words that may stand between a word before and the figure.
* `not_words`: words ending like a bound word that are not one.
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    #[serde(deserialize_with = "crate::config::words")]
    lower_before: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    upper_before: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    lower_after: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    upper_after: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    fuzzy_after: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    links: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    not_words: Vec<String>,
}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let s: Settings = crate::rules::settings(value)?;
    let before_words = [s.lower_before.clone(), s.upper_before.clone()].concat();
    let after_words = [
        s.lower_after.clone(),
        s.upper_after.clone(),
        s.fuzzy_after.clone(),
    ]
    .concat();
    Ok(Box::new(Bound {
        s,
        before_words,
        after_words,
    }))
}

struct Bound {
    s: Settings,
    before_words: Vec<String>,
    after_words: Vec<String>,
}

#[derive(PartialEq)]
enum Kind {
    Lower,
    Upper,
    Fuzzy,
}

impl Bound {
    fn kind_after(&self, word: &str) -> Kind {
        if word == "余" || word == "多" || self.s.lower_after.iter().any(|w| w == word) {
            Kind::Lower
        } else if self.s.upper_after.iter().any(|w| w == word) {
            Kind::Upper
        } else {
            Kind::Fuzzy
        }
    }
}

impl Rule for Bound {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for q in cx.quantities {
            let Some(b) = before(
                cx.text,
                q,
                &self.before_words,
                &self.s.links,
                &self.s.not_words,
            ) else {
                continue;
            };
            let Some(a) = after(cx.text, q, &self.after_words, true) else {
                continue;
            };
            let figure = q.span.slice(cx.text);
            let first = if self.s.lower_before.contains(&b.word) {
                Kind::Lower
            } else {
                Kind::Upper
            };
            let message = if first == self.kind_after(&a.word) {
                format!(
                    "`{}` and `{}` state the same bound of `{figure}` twice: keep one",
                    b.word, a.word
                )
            } else {
                format!(
                    "`{}` and `{}` contradict each other about `{figure}`: keep one",
                    b.word, a.word
                )
            };
            let span = Span::new(b.span.start, a.span.end.max(q.span.end));
            out.push(
                DEF.diagnostic(Severity::Error, span, message)
                    .with_note("a bound is stated once, before or after the figure"),
            );
        }
    }
}
