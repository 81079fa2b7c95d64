//! `num-redundant-approx`: one figure marked approximate twice
//! (`约300人左右`, `近300余人`, `5%～6%左右`).

use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use super::approx_marks::{after, before, Mark};
use crate::diagnostic::{Diagnostic, Severity};
use crate::quantity::Form;
use crate::rules::{Context, Example, Rule, RuleDef};
use crate::span::Span;
use crate::syntax::script::simplified;

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "num-redundant-approx",
    category: "number",
    summary: "one figure marked approximate twice (约300人左右): keep one approximation word",
    source: "概数应模糊一头 (editorial usage notes on approximate numbers); \
             catalogue NUM_REDUNDANT_APPROX",
    docs: DOCS,
    examples: &[
        Example::wrong("活动期间约有300人左右参加义诊。", ""),
        Example::wrong(
            "全年接待游客近20余万人次。",
            "近 (under) and 余 (over) contradict",
        ),
        Example::wrong(
            "本屆書展共收到參展申請約80餘份。",
            "traditional script: 約 is 约 and 餘 is 余",
        ),
        Example::right("活动期间约有300人参加义诊。", ""),
        Example::right(
            "通过集约利用土地，节约300万元左右。",
            "节约 (save) is not the approximation word 约",
        ),
    ],
    defaults: include_str!("../../../rules/number/num-redundant-approx.toml"),
    build,
};

const DOCS: &str = r#"A figure takes one approximation word: `约300人` or `300人左右`, not
`约300人左右`; `近300人` or `300余人`, not `近300余人`. A range is already
imprecise: `增长5%～6%`, not `5%～6%左右`.

## What it checks

A figure with a word of `before_words` right before it (`约`, `近`; a word
of `links` may stand between: `约有`, `约为`) and, after it, a word of
`after_words` (`左右`, `上下`) or 余/多 written with its digits (`300余人`,
`20余万`); and a range followed by a word of `after_words`.

## What it leaves alone

* Words that end with an approximation word but mean something else
  (`节约`, `签约`, `附近`, `最近`): the `not_words` list.
* Bounds such as `超过…以上`: those are `num-bound-redundancy`'s.
* Figures in quoted text and titles, which are not read as figures.

## Settings

* `before_words`: approximation words written before a figure.
* `after_words`: approximation words written after a figure.
* `links`: words that may stand between a word before and the figure
  (`有` in `约有`).
* `not_words`: words ending like an approximation word that are not one.
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    #[serde(deserialize_with = "crate::config::words")]
    before_words: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    after_words: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    links: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    not_words: Vec<String>,
}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let s: Settings = crate::rules::settings(value)?;
    Ok(Box::new(Redundant { s }))
}

struct Redundant {
    s: Settings,
}

impl Rule for Redundant {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let s = &self.s;
        // The words are matched in simplified form (`約60餘份` reads as
        // `约60余份`); the copy keeps every offset, and the message quotes
        // the words as written.
        let simple = simplified(cx.text);
        for q in cx.quantities {
            let figure = q.span.slice(cx.text);
            let b = before(&simple, q, &s.before_words, &s.links, &s.not_words).map(|m| Mark {
                word: m.span.slice(cx.text).to_string(),
                ..m
            });
            let is_range = matches!(q.form, Form::Range { .. });
            let a = after(&simple, q, &s.after_words, b.is_some()).map(|m| Mark {
                word: m.span.slice(cx.text).to_string(),
                ..m
            });
            let (message, start, end) = match (&b, &a) {
                (Some(b), Some(a)) => (
                    format!(
                        "`{}` and `{}` both mark `{figure}` as approximate: keep one",
                        b.word, a.word
                    ),
                    b.span.start,
                    a.span.end.max(q.span.end),
                ),
                (None, Some(a)) if is_range && a.span.start >= q.span.end => (
                    format!(
                        "the range `{figure}` is already approximate: drop `{}`",
                        a.word
                    ),
                    q.span.start,
                    a.span.end,
                ),
                _ => continue,
            };
            let span = Span::new(start, end);
            out.push(
                DEF.diagnostic(Severity::Error, span, message).with_note(
                    "an approximate number takes one approximation word (概数应模糊一头)",
                ),
            );
        }
    }
}
