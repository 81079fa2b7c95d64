//! `punct-quote-form`: Chinese horizontal text quotes with “ ” and ‘ ’.

use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use super::guard::{is_chinese_before, Guard};
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::rules::scan::{char_at, char_before, is_han};
use crate::rules::{Context, Example, Rule, RuleDef};
use crate::span::Span;

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "punct-quote-form",
    category: "punctuation",
    summary: "quotations in Chinese text use “ ” and ‘ ’, not straight quotes or 「」",
    source:
        "GB/T 15834-2011 §4.8 (引号: horizontal text uses “ ” and ‘ ’); catalogue PUNCT_QUOTE_FORM",
    docs: DOCS,
    examples: &[
        Example::wrong("全县12个村被评为\"省级文明村\"。", "straight ASCII quotes"),
        Example::wrong("全县12个村被评为「省级文明村」。", "corner brackets"),
        Example::right("全县12个村被评为“省级文明村”。", ""),
        Example::right(
            "屏幕尺寸为15.6\"，项目代号'A2'。",
            "an inch mark and quotes around Latin text",
        ),
    ],
    defaults: include_str!("../../../rules/punctuation/punct-quote-form.toml"),
    build,
};

const DOCS: &str = r#"Mainland horizontal text uses the curly quotation marks “ ” (and ‘ ’ inside
them). Straight ASCII quotes `"…"` `'…'` come from typing on an English
keyboard; corner brackets 「」『』 from Taiwan, Hong Kong or vertical
typesetting. The fix (safe) puts “ ” or ‘ ’ in their place; the quoted words
stay as they are.

## What it checks

* A pair of `"` on one line (an even number of them on the line) whose
  content contains Chinese characters, or which opens right after Chinese
  text.
* A pair of `'` on one line around Chinese text (not an apostrophe between
  Latin letters).
* 「 」 and 『 』, in pairs or alone: 「」 becomes “ ”, 『』 becomes ‘ ’.

## What it leaves alone

* Straight quotes around Latin text or figures (`'A2'`, `"Smart City"` after
  a Latin word), inch marks (`15.6"`), apostrophes (`China's`).
* A line with an odd number of `"`: which is the opening mark is not known.
* Code, URLs, HTML attributes, Markdown link titles, tables.

## Where other linters differ

Copywriting linters for web text (the Chinese copywriting guidelines,
zhlint) prefer the corner brackets `「」` `『』`, and leave straight quotes
alone. For mainland horizontal text GB/T 15834-2011 §4.8 gives `“ ”` and
`‘ ’` (corner-bracket forms are not among them; §5.2 gives `﹃﹄﹁﹂` for
vertical text only), so yblint reports `「…」` and `"…"` on purpose.

"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let _: Settings = crate::rules::settings(value)?;
    Ok(Box::new(QuoteForm))
}

/// The `punct-quote-form` rule.
pub struct QuoteForm;

fn pair(text: &str, open: usize, close: usize, marks: (&str, &str), message: String) -> Diagnostic {
    let c = text[close..].chars().next().map_or(1, char::len_utf8);
    let o = text[open..].chars().next().map_or(1, char::len_utf8);
    DEF.diagnostic(Severity::Warning, Span::new(open, close + c), message)
        .with_fix(Fix {
            message: format!("use `{}` and `{}`", marks.0, marks.1),
            applicability: Applicability::Safe,
            edits: vec![
                Edit {
                    span: Span::new(open, open + o),
                    replacement: marks.0.into(),
                },
                Edit {
                    span: Span::new(close, close + c),
                    replacement: marks.1.into(),
                },
            ],
        })
}

impl Rule for QuoteForm {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let text = cx.text;
        let guard = Guard::new(text);
        let mut offset = 0;
        for raw in text.split_inclusive('\n') {
            let base = offset;
            offset += raw.len();
            let marks = |m: char| -> Vec<usize> {
                raw.char_indices()
                    .filter(|&(i, c)| c == m && !guard.covers(base + i))
                    .map(|(i, _)| base + i)
                    .collect()
            };
            // Straight double quotes, paired in order on an even line.
            let doubles = marks('"');
            if doubles.len() % 2 == 0 {
                for p in doubles.chunks(2) {
                    let (o, c) = (p[0], p[1]);
                    let content = &text[o + 1..c];
                    let opens_after_chinese = char_before(text, o).is_some_and(is_chinese_before)
                        && !content.starts_with(' ');
                    if content.chars().any(is_han) || opens_after_chinese && !content.is_empty() {
                        out.push(pair(
                            text,
                            o,
                            c,
                            ("“", "”"),
                            "straight quotation marks in Chinese text".into(),
                        ));
                    }
                }
            }
            // Straight single quotes that are not apostrophes.
            let singles: Vec<usize> = marks('\'')
                .into_iter()
                .filter(|&i| {
                    let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
                    !(latin(char_before(text, i)) && latin(char_at(text, i + 1)))
                })
                .collect();
            if singles.len() % 2 == 0 {
                for p in singles.chunks(2) {
                    let (o, c) = (p[0], p[1]);
                    if text[o + 1..c].chars().any(is_han) {
                        out.push(pair(
                            text,
                            o,
                            c,
                            ("‘", "’"),
                            "straight quotation marks in Chinese text".into(),
                        ));
                    }
                }
            }
            // Corner brackets.
            for (open, close, wide) in [('「', '」', ("“", "”")), ('『', '』', ("‘", "’"))]
            {
                let mut stack: Vec<usize> = Vec::new();
                let mut lone: Vec<usize> = Vec::new();
                for (i, ch) in raw.char_indices() {
                    let at = base + i;
                    if guard.covers(at) {
                        continue;
                    }
                    if ch == open {
                        stack.push(at);
                    } else if ch == close {
                        match stack.pop() {
                            Some(o) => out.push(pair(
                                text,
                                o,
                                at,
                                wide,
                                format!("corner brackets `{open}{close}` as quotation marks"),
                            )),
                            None => lone.push(at),
                        }
                    }
                }
                lone.extend(stack);
                for at in lone {
                    let ch = char_at(text, at).unwrap_or(open);
                    let to = if ch == open { wide.0 } else { wide.1 };
                    let span = Span::new(at, at + ch.len_utf8());
                    out.push(
                        DEF.diagnostic(
                            Severity::Warning,
                            span,
                            format!("corner bracket `{ch}` as a quotation mark"),
                        )
                        .with_fix(Fix::replace(
                            span,
                            to,
                            Applicability::Safe,
                            format!("use `{to}`"),
                        )),
                    );
                }
            }
        }
    }
}
