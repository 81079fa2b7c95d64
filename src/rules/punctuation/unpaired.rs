//! `punct-unpaired`: paired marks (“ ” ‘ ’ （ ） 《 》 【 】 〔 〕) pair within
//! a paragraph.

use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use super::guard::Guard;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::scan::{char_at, char_before};
use crate::rules::{Context, Example, Rule, RuleDef};
use crate::span::Span;

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "punct-unpaired",
    category: "punctuation",
    summary: "paired marks “” ‘’ （） 《》 【】 〔〕 open and close in one paragraph",
    source: "GB/T 15834-2011 §4.4, §4.5, §4.10 (引号, 括号, 书名号 come in pairs); \
             catalogue PUNCT_UNPAIRED (成对标点缺失)",
    docs: DOCS,
    examples: &[
        Example::wrong(
            "全县12个村获评“省级卫生村称号。",
            "the quotation is never closed",
        ),
        Example::wrong(
            "省州属、企（事业单位8个。",
            "the parenthesis is never closed",
        ),
        Example::right("全县12个村获评“省级卫生村”称号。", ""),
        Example::right(
            "主要措施：\n1）加强组织领导；\n2）落实工作责任。",
            "a list number closed by a bracket alone",
        ),
    ],
    defaults: include_str!("../../../rules/punctuation/punct-unpaired.toml"),
    build,
};

const DOCS: &str = r#"Quotation marks, brackets and title marks come in pairs. An opening mark that
is never closed in its paragraph, or a closing mark that was never opened,
usually means a lost character or a half-finished edit. There is no fix:
where the pair should close is for the editor to say.

## What it checks

Each kind of mark on its own (“ ”, ‘ ’, （ ）, 《 》, 【 】, 〔 〕), in each
paragraph (text between blank lines; yblint's paragraphs, so a page break
does not cut one): an opening mark left open at the end of the paragraph,
and a closing mark with no opening mark before it.

## What it leaves alone

* A quotation that runs over several paragraphs: each paragraph opens with
  “ and only the last closes it (GB/T 15834-2011 §4.4.3.6).
* A list number closed by a bracket alone (`1）`, `a）`, `一）`) at the start
  of a line.
* `’` between Latin letters (an apostrophe: `China’s`).
* ASCII quotes and brackets (`punct-quote-form` and `punct-ascii-in-cjk`
  report those), code, URLs, tables.
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let _: Settings = crate::rules::settings(value)?;
    Ok(Box::new(Unpaired))
}

/// The `punct-unpaired` rule.
pub struct Unpaired;

const PAIRS: [(char, char); 6] = [
    ('“', '”'),
    ('‘', '’'),
    ('（', '）'),
    ('《', '》'),
    ('【', '】'),
    ('〔', '〕'),
];

/// A list number closed by a bracket at the start of a line: `1）`, `a）`, `一）`.
fn list_number(text: &str, close: usize) -> bool {
    let before = &text[..close];
    let line = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    let line = line.trim_start_matches([' ', '\t', '\u{3000}']);
    !line.is_empty()
        && line.chars().count() <= 3
        && line.chars().all(|c| {
            c.is_ascii_alphanumeric()
                || ('０'..='９').contains(&c)
                || "零〇一二三四五六七八九十".contains(c)
        })
}

/// Paragraphs as text between blank lines, joined across the page breaks
/// the parse tree joins (a sentence that runs on across a blank line).
fn paragraphs(cx: &Context<'_>) -> Vec<Span> {
    let text = cx.text;
    let mut out: Vec<Span> = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while let Some(k) = text[i..].find('\n') {
        let nl = i + k;
        let rest = &text[nl + 1..];
        let line_end = rest.find('\n').map_or(text.len(), |j| nl + 1 + j);
        if text[nl + 1..line_end].trim().is_empty() {
            if start < nl {
                out.push(Span::new(start, nl));
            }
            start = line_end.min(text.len());
        }
        i = nl + 1;
    }
    if start < text.len() {
        out.push(Span::new(start, text.len()));
    }
    // A sentence of the parse tree that spans a blank line joins paragraphs.
    let mut joined: Vec<Span> = Vec::new();
    let sentences: Vec<Span> = cx
        .draft
        .paragraphs
        .iter()
        .flat_map(|p| p.sentences.iter().map(|s| s.span))
        .filter(|s| s.slice(text).contains("\n\n") || s.slice(text).contains("\n\r\n"))
        .collect();
    for p in out {
        if let Some(last) = joined.last_mut() {
            let bridged = sentences
                .iter()
                .any(|s| s.start < last.end && s.end > p.start);
            if bridged {
                last.end = p.end;
                continue;
            }
        }
        joined.push(p);
    }
    joined
}

impl Rule for Unpaired {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let text = cx.text;
        let guard = Guard::new(text);
        let paras = paragraphs(cx);
        for (pi, para) in paras.iter().enumerate() {
            let body = para.slice(text);
            for (open, close) in PAIRS {
                let mut stack: Vec<usize> = Vec::new();
                for (i, c) in body.char_indices() {
                    let at = para.start + i;
                    if (c != open && c != close) || guard.covers(at) {
                        continue;
                    }
                    if c == open {
                        stack.push(at);
                        continue;
                    }
                    if stack.pop().is_some() {
                        continue;
                    }
                    let apostrophe = c == '’'
                        && char_before(text, at).is_some_and(|c| c.is_ascii_alphabetic())
                        && char_at(text, at + c.len_utf8())
                            .is_some_and(|c| c.is_ascii_alphabetic());
                    if apostrophe || list_number(text, at) {
                        continue;
                    }
                    out.push(
                        DEF.diagnostic(
                            Severity::Warning,
                            Span::new(at, at + c.len_utf8()),
                            format!("`{c}` closes nothing: no `{open}` before it in the paragraph"),
                        )
                        .with_note(format!("`{open}` and `{close}` come in pairs")),
                    );
                }
                for at in stack {
                    // A quotation over several paragraphs: the next
                    // paragraph opens with “ again.
                    let continued = open == '“'
                        && paras
                            .get(pi + 1)
                            .is_some_and(|n| n.slice(text).trim_start().starts_with('“'));
                    if continued {
                        continue;
                    }
                    out.push(
                        DEF.diagnostic(
                            Severity::Warning,
                            Span::new(at, at + open.len_utf8()),
                            format!("`{open}` is not closed in its paragraph"),
                        )
                        .with_note(format!("`{open}` and `{close}` come in pairs")),
                    );
                }
            }
        }
    }
}
