//! `punct-ellipsis-form`: the ellipsis is six dots in two characters, “……”.

use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use super::guard::{is_chinese_after, is_chinese_before, Guard};
use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rules::scan::{char_at, char_before};
use crate::rules::{Context, Example, Rule, RuleDef};
use crate::span::Span;

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "punct-ellipsis-form",
    category: "punctuation",
    summary: "an ellipsis is written …… (two “…”), not ..., 。。。 or a single …",
    source:
        "GB/T 15834-2011 §4.11 (省略号: six dots in two characters); catalogue PUNCT_ELLIPSIS_FORM",
    docs: DOCS,
    examples: &[
        Example::wrong("种植水稻、玉米、油菜...", "three ASCII full stops"),
        Example::wrong("种植水稻、玉米、油菜。。。", "three Chinese full stops"),
        Example::wrong("种植水稻、玉米、油菜…", "a single ellipsis character"),
        Example::right("种植水稻、玉米、油菜……", ""),
    ],
    defaults: include_str!("../../../rules/punctuation/punct-ellipsis-form.toml"),
    build,
};

const DOCS: &str = r#"The ellipsis (省略号) is six dots set as two characters: `……` (GB/T 15834-2011
§4.11). The fix (safe) puts `……` in place of the wrong form.

## What it checks

* Three or more ASCII full stops (`...`, `......`) next to Chinese text.
* Three or more Chinese full stops (`。。。`).
* A single `…`, or three or more in a row (`………`); four (`…………`) are right
  alone on a line, where they mark omitted paragraphs.
* Three or more middle dots (`···`, `・・・`) or a run of `⋯` next to Chinese
  text.

## What it leaves alone

* `...` in Latin text, code, URLs and paths (`../`).
* Two full stops (`。。`): `punct-duplicate` reports those.
* A single middle dot (`阿卜杜拉·买买提`, `3·15`).

## Where other linters differ

Web-copywriting linters leave `...` in Chinese text alone. GB/T
15834-2011 §4.11 gives the ellipsis as `……` (six dots in two character
cells); yblint reports `...` between Chinese characters on purpose.

"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let _: Settings = crate::rules::settings(value)?;
    Ok(Box::new(EllipsisForm))
}

/// The `punct-ellipsis-form` rule.
pub struct EllipsisForm;

/// Every maximal run of `c` in `text`: (span, length in characters).
fn runs_of(text: &str, c: char) -> Vec<(Span, usize)> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, usize, usize)> = None;
    for (i, ch) in text.char_indices() {
        if ch == c {
            cur = Some(match cur {
                Some((s, _, n)) => (s, i + ch.len_utf8(), n + 1),
                None => (i, i + ch.len_utf8(), 1),
            });
        } else if let Some((s, e, n)) = cur.take() {
            out.push((Span::new(s, e), n));
        }
    }
    if let Some((s, e, n)) = cur {
        out.push((Span::new(s, e), n));
    }
    out
}

/// True when the run at `span` stands alone on its line.
fn alone_on_line(text: &str, span: Span) -> bool {
    let before = &text[..span.start];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let after = &text[span.end..];
    let line_end = after.find('\n').unwrap_or(after.len());
    before[line_start..].trim().is_empty() && after[..line_end].trim().is_empty()
}

/// Chinese text on either side of `span`.
fn in_chinese(text: &str, span: Span) -> bool {
    char_before(text, span.start).is_some_and(is_chinese_before)
        || char_at(text, span.end).is_some_and(is_chinese_after)
}

/// The wrong ellipses of `text`: (span, what is written).
pub fn wrong_ellipses(text: &str, guard: &Guard) -> Vec<Span> {
    let mut found = Vec::new();
    for (span, n) in runs_of(text, '.') {
        if n >= 3
            && in_chinese(text, span)
            && char_at(text, span.end) != Some('/')
            && !guard.touches(span)
        {
            found.push(span);
        }
    }
    for (span, n) in runs_of(text, '。') {
        if n >= 3 && !guard.touches(span) {
            found.push(span);
        }
    }
    for (span, n) in runs_of(text, '…') {
        let right = n == 2 || n == 4 && alone_on_line(text, span);
        if !right && !guard.touches(span) {
            found.push(span);
        }
    }
    for dot in ['·', '・', '⋯', '･'] {
        for (span, n) in runs_of(text, dot) {
            if (n >= 3 || dot == '⋯') && in_chinese(text, span) && !guard.touches(span) {
                found.push(span);
            }
        }
    }
    found.sort();
    found
}

impl Rule for EllipsisForm {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let guard = Guard::new(cx.text);
        for span in wrong_ellipses(cx.text, &guard) {
            let written = span.slice(cx.text);
            out.push(
                DEF.diagnostic(
                    Severity::Warning,
                    span,
                    format!("ellipsis written as `{written}`"),
                )
                .with_note("the ellipsis is six dots in two characters: ……")
                .with_fix(Fix::replace(
                    span,
                    "……",
                    Applicability::Safe,
                    format!("replace `{written}` with `……`"),
                )),
            );
        }
    }
}
