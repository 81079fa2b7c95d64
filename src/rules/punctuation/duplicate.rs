//! `punct-duplicate`: no doubled or stacked point marks (，，  。。  ，。  、，).

use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use super::guard::Guard;
use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rules::{Context, Example, Rule, RuleDef};
use crate::span::Span;

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "punct-duplicate",
    category: "punctuation",
    summary: "no doubled or stacked point marks (，，  。。  ，。  、，)",
    source:
        "GB/T 15834-2011 §4.1–4.7 (one point mark at a pause); catalogue PUNCT_DUPLICATE (标点冗余)",
    docs: DOCS,
    examples: &[
        Example::wrong("完成投资5.2亿元，，比上年增长8.1%。", "a doubled comma"),
        Example::wrong("完成投资5.2亿元，。", "a comma before the full stop"),
        Example::right("完成投资5.2亿元，比上年增长8.1%。", ""),
        Example::right(
            "这难道不是群众最关心的问题吗？！种植水稻、玉米……",
            "？！ and the ellipsis are legitimate",
        ),
    ],
    defaults: include_str!("../../../rules/punctuation/punct-duplicate.toml"),
    build,
};

const DOCS: &str = r#"One pause takes one point mark. Two marks in a row (`，，`, `。。`, `，。`, `、，`,
`：，`, `；。` …) are a typing slip or what is left after an edit.

## What it checks

A run of two or more of `，、；：。` with nothing between them. When the marks
are all the same (`，，`), the fix (safe) keeps one. When they differ
(`，。`), the fix (unsafe, an editor should look) keeps the strongest
(。 over ； over ： over ， over 、).

## What it leaves alone

* `？！`, `！！`, `？？`: allowed for emphasis (GB/T 15834-2011 §4.2–4.3).
* Three or more `。` in a row: an ellipsis written wrongly, which
  `punct-ellipsis-form` reports.
* Marks separated by a quotation mark or bracket (`。”`, `”，`).

## Where other linters differ

The Chinese copywriting guidelines flag a doubled exclamation mark
(`战胜了对手！！`). yblint leaves a repeated `！` or `？！` alone: GB/T
15834-2011 §4.3 (叹号) allows marks repeated for a strong tone, and a
yearbook quotes such text rather than writes it.

"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let _: Settings = crate::rules::settings(value)?;
    Ok(Box::new(Duplicate))
}

/// The `punct-duplicate` rule.
pub struct Duplicate;

/// Strength of a point mark: the fix keeps the strongest of a run.
fn strength(c: char) -> u8 {
    match c {
        '。' => 5,
        '；' => 4,
        '：' => 3,
        '，' => 2,
        _ => 1,
    }
}

fn is_point(c: char) -> bool {
    matches!(c, '，' | '、' | '；' | '：' | '。')
}

impl Rule for Duplicate {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let text = cx.text;
        let guard = Guard::new(text);
        let mut run: Vec<(usize, char)> = Vec::new();
        let mut flush = |run: &mut Vec<(usize, char)>| {
            if run.len() >= 2 {
                let (start, _) = run[0];
                let (last, lc) = run[run.len() - 1];
                let span = Span::new(start, last + lc.len_utf8());
                let all_stops = run.iter().all(|(_, c)| *c == '。');
                let ellipsis = all_stops && run.len() >= 3;
                if !ellipsis && !guard.touches(span) {
                    let written = span.slice(text);
                    let same = run.iter().all(|(_, c)| *c == run[0].1);
                    let keep = run
                        .iter()
                        .map(|(_, c)| *c)
                        .max_by_key(|c| strength(*c))
                        .unwrap_or('，');
                    let (message, applicability) = if same {
                        (format!("doubled `{}`", run[0].1), Applicability::Safe)
                    } else {
                        (format!("stacked marks `{written}`"), Applicability::Unsafe)
                    };
                    out.push(
                        DEF.diagnostic(Severity::Warning, span, message)
                            .with_note("one pause takes one point mark")
                            .with_fix(Fix::replace(
                                span,
                                keep.to_string(),
                                applicability,
                                format!("keep one `{keep}`"),
                            )),
                    );
                }
            }
            run.clear();
        };
        for (i, c) in text.char_indices() {
            if is_point(c) {
                run.push((i, c));
            } else {
                flush(&mut run);
            }
        }
        flush(&mut run);
    }
}
