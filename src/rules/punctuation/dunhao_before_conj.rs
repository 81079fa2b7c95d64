//! `punct-dunhao-before-conj`: no 顿号 before the conjunction (和, 及, 与,
//! 以及, 或, 等) that closes a series.

use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use super::guard::Guard;
use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rules::scan::Words;
use crate::rules::{Context, Example, Rule, RuleDef};
use crate::span::Span;

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "punct-dunhao-before-conj",
    category: "punctuation",
    summary: "no 、 before the 和/及/与/以及/或/等 that closes a series",
    source: "GB/T 15834-2011 §4.5 (顿号) and usage notes (用了连词就不再用顿号); \
             catalogue PUNCT_DUNHAO_BEFORE_CONJ",
    docs: DOCS,
    examples: &[
        Example::wrong("发展教育、卫生、和文化事业。", "顿号 before 和"),
        Example::wrong("种植稻谷、玉米、等作物。", "顿号 before 等"),
        Example::right("发展教育、卫生和文化事业，种植稻谷、玉米等作物。", ""),
        Example::right(
            "坚持稳定、和谐、发展，推进城乡、与会代表……",
            "和谐 and 与会 are words, not conjunctions",
        ),
    ],
    defaults: include_str!("../../../rules/punctuation/punct-dunhao-before-conj.toml"),
    build,
};

const DOCS: &str = r#"A series joined by a conjunction takes no 顿号 before it: `教育、卫生和文化`,
not `教育、卫生、和文化`; `稻谷、玉米等作物`, not `稻谷、玉米、等作物`.

## What it checks

`、` followed directly by one of the `conjunctions`.

## What it leaves alone

Words that begin with a conjunction's character (`和谐`, `和平`, `与会`,
`及时`, `等级` …), listed in `words`. The fix removes the `、` and is
unsafe: a word missing from the list would be changed, so an editor looks
first.

## Settings

* `conjunctions`: the conjunctions that close a series.
* `words`: words that begin like a conjunction but are not one.
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    #[serde(deserialize_with = "crate::config::words")]
    conjunctions: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    words: Vec<String>,
}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let s: Settings = crate::rules::settings(value)?;
    let conjunctions = s.conjunctions.len();
    let mut all = s.conjunctions;
    all.extend(s.words);
    Ok(Box::new(DunhaoBeforeConj {
        words: Words::new(&all),
        conjunctions,
    }))
}

/// The `punct-dunhao-before-conj` rule: conjunctions first, then the words
/// that look like them, in one list (longest match wins).
pub struct DunhaoBeforeConj {
    words: Words,
    conjunctions: usize,
}

impl Rule for DunhaoBeforeConj {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let text = cx.text;
        let guard = Guard::new(text);
        let conjunctions = &self.words.words()[..self.conjunctions];
        for (at, _) in text.match_indices('、') {
            let after = at + '、'.len_utf8();
            let head_end = text[after..]
                .char_indices()
                .nth(4)
                .map_or(text.len(), |(i, _)| after + i);
            let head = &text[after..head_end];
            let Some((span, word)) = self.words.find_all(head).into_iter().next() else {
                continue;
            };
            if span.start != 0 || !conjunctions.iter().any(|c| c == word) || guard.covers(at) {
                continue;
            }
            let mark = Span::new(at, after);
            out.push(
                DEF.diagnostic(
                    Severity::Warning,
                    Span::new(at, after + word.len()),
                    format!("顿号 before `{word}`"),
                )
                .with_note(format!(
                    "`{word}` joins the last item of the series; no 、 before it"
                ))
                .with_fix(Fix::replace(
                    mark,
                    "",
                    Applicability::Unsafe,
                    "remove the 、",
                )),
            );
        }
    }
}
