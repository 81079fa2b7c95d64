//! `punct-paragraph-end`: a paragraph of running text ends with an end mark
//! (。！？), not with `；`, `，` or nothing.

use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use super::guard::Guard;
use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rules::scan::{ends_sentence, is_closing_mark, is_han};
use crate::rules::{Context, Example, Rule, RuleDef};
use crate::span::Span;

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "punct-paragraph-end",
    category: "punctuation",
    summary: "a paragraph of running text ends with 。, not with ；, ， or no mark",
    source: "GB/T 15834-2011 §4.1 (句号 ends a declarative sentence) and §4.6 (分号 separates \
             clauses inside a sentence); yearbook style sheets (段末用句号)",
    docs: DOCS,
    examples: &[
        Example::wrong(
            "【普法宣传】 2020年，开展宣传教育208场次，覆盖群众1.2万人次，知晓率达92%；\n\n【寺庙管理】 全面推广财务公开制度。",
            "the paragraph ends with a semicolon",
        ),
        Example::wrong(
            "【道路建设】 2020年，新修通村公路30千米，完成投资1200万元\n\n【饮水工程】 新建集中供水点12处。",
            "the last sentence has no end mark",
        ),
        Example::right(
            "【普法宣传】 2020年，开展宣传教育208场次，知晓率达92%。",
            "",
        ),
        Example::right(
            "主要工作：\n（一）加强队伍建设；\n（二）完善工作制度；\n（三）落实监督责任。",
            "list items end with semicolons; the last ends with 。",
        ),
    ],
    defaults: include_str!("../../../rules/punctuation/punct-paragraph-end.toml"),
    build,
};

const DOCS: &str = r#"The last sentence of a paragraph ends with an end mark (。, or ！？ where the
meaning asks for them). A paragraph that ends with `；` was cut off from its
end, or its last clause was meant to close the sentence; one that ends with
`，` or with no mark at all is usually truncated.

## What it checks

The last sentence of each paragraph of running text (a paragraph with an
entry title, or with a clause mark or end mark in it):

* ends with `；`: reported; the fix puts `。` in its place (safe in an entry
  paragraph, one that opens with its title `【…】`; unsafe elsewhere);
* in an entry paragraph, ends with `，` or `、`: reported; the fix (unsafe:
  text may be missing) puts `。` in its place;
* in an entry paragraph, ends with a character, figure or closing mark and
  no end mark: reported; the fix (unsafe) adds `。`.

Outside entry paragraphs a missing end mark is not reported: Markdown list
items and fragments often have none.

## What it leaves alone

* Headings, entry titles alone, captions and lines without any clause mark
  (`石渠县民政局`, `2020年12月`, `表1 主要指标`).
* List items and numbered paragraphs (`（一）…；`, `1. …`, `一是…；`), and a
  paragraph followed by one: items of an enumeration end with `；` by
  design, and the line before a list introduces it.
* A paragraph ending with `：` (it introduces what follows), `……` or `——`.
* A page number left alone between paragraphs.
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let _: Settings = crate::rules::settings(value)?;
    Ok(Box::new(ParagraphEnd))
}

/// The `punct-paragraph-end` rule.
pub struct ParagraphEnd;

/// True when `s` opens with a list or ordinal mark: `一、`, `（一）`,
/// `(1)`, `1.`, `1、`, `1）`, `①`, `一是`, `第一，`, Markdown `- `/`* `/`+ `/`>`.
pub fn starts_item(s: &str) -> bool {
    let s = s.trim_start_matches([' ', '\t', '\u{3000}']);
    if s.starts_with(['>', '-', '*', '+', '•', '·']) {
        return true;
    }
    if s.chars().next().is_some_and(|c| {
        ('\u{2460}'..='\u{24FF}').contains(&c) || ('\u{2776}'..='\u{2793}').contains(&c)
    }) {
        return true;
    }
    const CN: &str = "零〇一二三四五六七八九十两";
    let digits = |t: &str| {
        t.len()
            - t.trim_start_matches(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c))
                .len()
    };
    let numeral = |t: &str| t.len() - t.trim_start_matches(|c| CN.contains(c)).len();
    let d = digits(s);
    if d > 0 {
        return s[d..].starts_with(['.', '、', '）', ')', '．']);
    }
    let n = numeral(s);
    if n > 0 {
        return s[n..].starts_with(['、', '是', '．', '.']);
    }
    if let Some(rest) = s.strip_prefix('第') {
        let n = numeral(rest);
        return n > 0 && rest[n..].starts_with(['，', '、']);
    }
    for open in ["（", "(", "〔"] {
        if let Some(rest) = s.strip_prefix(open) {
            let k = numeral(rest).max(digits(rest));
            return k > 0 && rest[k..].starts_with(['）', ')', '〕']);
        }
    }
    false
}

impl Rule for ParagraphEnd {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let text = cx.text;
        let guard = Guard::new(text);
        let paragraphs = &cx.draft.paragraphs;
        for (i, p) in paragraphs.iter().enumerate() {
            let Some(last) = p.sentences.last() else {
                continue;
            };
            if last.terminator.is_some() {
                continue;
            }
            let body = last.span.slice(text).trim_end();
            let Some(c) = body.chars().next_back() else {
                continue;
            };
            let end = last.span.start + body.len();
            let mark = Span::new(end - c.len_utf8(), end);
            if guard.touches(mark) || starts_item(p.span.slice(text)) {
                continue;
            }
            // The paragraph right after: a list it introduces, or more items.
            let next_start = paragraphs
                .get(i + 1)
                .map(|q| q.span.start)
                .into_iter()
                .chain(
                    cx.draft
                        .headings
                        .iter()
                        .map(|h| h.span.start)
                        .filter(|&s| s >= end),
                )
                .min();
            if let Some(q) = paragraphs.get(i + 1) {
                if Some(q.span.start) == next_start && starts_item(q.span.slice(text)) {
                    continue;
                }
            }
            let paragraph_text = Span::new(p.span.start, mark.start).slice(text);
            let prose = p.title.is_some_and(|t| t.end < mark.start)
                || paragraph_text.contains(['，', '。', '；', '：', '！', '？']);
            if !prose {
                continue;
            }
            // An entry paragraph (with its 【title】) is running text for
            // sure; other text may be a Markdown list item or a fragment,
            // where only a closing semicolon is reported, without a safe fix.
            let entry = p.title.is_some();
            let semicolon_fix = if entry {
                Applicability::Safe
            } else {
                Applicability::Unsafe
            };
            if !entry && !matches!(c, '；' | ';') {
                continue;
            }
            // `……金山银山。”`: the end mark stands inside the closing quote.
            if is_closing_mark(c) && ends_sentence(Span::new(p.span.start, mark.end).slice(text)) {
                continue;
            }
            let d = match c {
                '；' | ';' => DEF
                    .diagnostic(Severity::Warning, mark, "paragraph ends with a semicolon")
                    .with_primary_text("the paragraph ends here")
                    .with_note("a semicolon separates clauses inside a sentence; the last sentence of a paragraph ends with 。")
                    .with_fix(Fix::replace(mark, "。", semicolon_fix, "replace the semicolon with 。")),
                '，' | '、' | ',' => DEF
                    .diagnostic(
                        Severity::Warning,
                        mark,
                        format!("paragraph ends with `{c}`"),
                    )
                    .with_primary_text("the paragraph ends here")
                    .with_note("the last sentence of a paragraph ends with 。; check that no text is missing")
                    .with_fix(Fix::replace(mark, "。", Applicability::Unsafe, format!("replace `{c}` with 。"))),
                _ if is_han(c)
                    || c.is_ascii_alphanumeric()
                    || ('０'..='９').contains(&c)
                    || matches!(c, '%' | '％' | '‰' | '）' | ')' | '”' | '》' | '’') =>
                {
                    let at = Span::new(end, end);
                    DEF.diagnostic(
                        Severity::Warning,
                        mark,
                        "paragraph ends without an end mark",
                    )
                    .with_primary_text("the paragraph ends here")
                    .with_note("the last sentence of a paragraph ends with 。; check that no text is missing")
                    .with_fix(Fix::replace(at, "。", Applicability::Unsafe, "add 。"))
                }
                _ => continue,
            };
            out.push(d);
        }
    }
}
