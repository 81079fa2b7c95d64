//! `punct-broken-sentence`: a sentence split by a blank line or a page
//! number (a page break pasted from Word or a PDF).

use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use super::guard::{is_chinese_after, is_inline_space, Guard};
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::rules::scan::{char_at, char_before, ends_sentence, is_closing_mark, is_han};
use crate::rules::{Context, Example, Rule, RuleDef};
use crate::span::Span;
use crate::syntax::{Paragraph, QuantityShape, TokenKind};

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "punct-broken-sentence",
    category: "punctuation",
    summary: "a sentence is split by a blank line or a page number (page-break artefact)",
    source: "editorial practice for text pasted from Word or PDF (版面转换残留); \
             the draft's paragraph structure (GB/T 15834-2011 §4.1: a sentence ends with its end mark)",
    docs: DOCS,
    examples: &[
        Example::wrong(
            "【低保】 2020年，全县有城市低保对象239户，农\n\n村低保对象1.3459万户。",
            "the page break left a blank line inside 农村",
        ),
        Example::wrong(
            "【救助】 全年临时救助206人次，发放救助\n\n·86·\n\n资金13.98万元。",
            "the page number ·86· and the blank lines around it are left over from the print layout",
        ),
        Example::right(
            "【低保】 2020年，全县有城市低保对象239户，农村低保对象1.3459万户。\n\n【救助】 全年临时救助206人次。",
            "",
        ),
        Example::right(
            "主要做法有：\n\n加强组织领导，落实工作责任。",
            "a colon introduces what follows; a blank line after it is layout",
        ),
    ],
    defaults: include_str!("../../../rules/punctuation/punct-broken-sentence.toml"),
    build,
};

const DOCS: &str = r#"A blank line (or a page number alone on its line, with blank lines around
it) in the middle of a sentence is what a page break leaves when a draft is
copied out of Word or a PDF: `…城市特困人员21户，农` / blank line / `村特困人员733户…`.
yblint already reads such a sentence as one (so a breakdown across the break
is checked); this rule reports the break so that it does not reach print,
and joins the two halves back.

## What it checks

A line break followed by a blank line, or by a page number left alone on its
line (`126`, `·126·`, `— 126 —`, `第126页`), between two parts of one
sentence: the text before the break has no end mark (。！？), the text after it
runs on as a sentence (it reaches a clause or end mark), and the paragraph before the break is
prose (it has an entry title, or a clause mark or end mark before the break).

The fix removes the line break, the blank lines and the page number, so
that `农` and `村` meet again; between two Latin words or figures it leaves
one space. It is safe when a marked page number (`·126·`, `第126页`) is
removed, or blank lines inside an entry paragraph (one that opens with its
title `【…】`); blank lines elsewhere may be a paragraph break whose end mark
is missing, so that fix is unsafe. A bare number on its own line (`126`) is
most likely a page number but could be a figure wrapped onto its own line,
so that fix is offered as unsafe. A figure split by the break (`18` / blank
line / `7`, read as 187) is reported without a fix: a digit may have been
lost at the break, and no fix of yblint joins two figures into one; check it
against the source and join it by hand.

## What it leaves alone

* A single line break without a blank line (hard-wrapped text, Markdown's
  soft line breaks).
* A break after `：` (it introduces a block) or after `；` (list items set
  out one a paragraph).
* A break before a heading, an entry title, a list item or a table row:
  those start a new block.
* Text with no end mark after the break (a caption, a title line).
* Code, tables, HTML comments.
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let _: Settings = crate::rules::settings(value)?;
    Ok(Box::new(BrokenSentence))
}

/// The `punct-broken-sentence` rule.
pub struct BrokenSentence;

/// What lies inside a page break (between the two halves of a sentence).
#[derive(Debug, Default)]
struct BreakContent {
    /// Blank lines inside the break.
    blank_lines: usize,
    /// A page number with marks (`·126·`, `第126页`): certainly a page number.
    marked_page: Option<String>,
    /// A bare number on its own line (`126`).
    bare_number: Option<String>,
}

/// Reads the lines strictly inside a break (`\n` … `\n` … leading spaces).
fn content(brk: &str) -> BreakContent {
    let mut c = BreakContent::default();
    let lines: Vec<&str> = brk.split('\n').collect();
    // The first piece is what precedes the first newline (nothing or `\r`),
    // the last the leading spaces of the next line.
    if lines.len() < 3 {
        return c;
    }
    for line in &lines[1..lines.len() - 1] {
        let l = line.trim_matches(|ch: char| ch.is_whitespace() || ch == '\u{FEFF}');
        if l.is_empty() {
            c.blank_lines += 1;
        } else if l.chars().all(|ch| ch.is_ascii_digit()) {
            c.bare_number = Some(l.to_string());
        } else {
            c.marked_page = Some(l.to_string());
        }
    }
    c
}

/// The prose test: the paragraph has a title, or a clause or end mark
/// before `at`.
fn prose_before(cx: &Context<'_>, p: &Paragraph, at: usize) -> bool {
    p.title.is_some()
        || Span::new(p.span.start, at)
            .slice(cx.text)
            .contains(['，', '。', '；', '：', '！', '？', '、'])
}

/// The last non-space character before `at` on its line, and where the
/// trailing spaces before `at` begin.
fn before_break(text: &str, at: usize) -> (Option<char>, usize) {
    let mut k = at;
    while let Some(c) = char_before(text, k) {
        if is_inline_space(c) || c == '\t' || c == '\u{3000}' || c == '\r' {
            k -= c.len_utf8();
        } else {
            return (Some(c), k);
        }
    }
    (None, k)
}

fn joinable_after(c: char) -> bool {
    is_han(c) || c.is_ascii_alphanumeric() || ('０'..='９').contains(&c) || is_chinese_after(c)
}

impl Rule for BrokenSentence {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let guard = Guard::new(cx.text);
        for p in &cx.draft.paragraphs {
            for s in &p.sentences {
                for t in s.clauses.iter().flat_map(|c| &c.tokens) {
                    match &t.kind {
                        TokenKind::Break => {
                            if let Some(d) = self.at_break(cx, &guard, p, s.span, t.span) {
                                out.push(d);
                            }
                        }
                        TokenKind::Quantity(shape) => {
                            let numbers: Vec<_> = match shape.as_ref() {
                                QuantityShape::Single(n) => vec![n],
                                QuantityShape::Range(a, b) => vec![a, b],
                                QuantityShape::Ratio(ns) => ns.iter().collect(),
                            };
                            for n in numbers {
                                if let Some(d) = split_figure(cx, &guard, n.digits) {
                                    out.push(d);
                                }
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
    }
}

impl BrokenSentence {
    fn at_break(
        &self,
        cx: &Context<'_>,
        guard: &Guard,
        p: &Paragraph,
        sentence: Span,
        brk: Span,
    ) -> Option<Diagnostic> {
        let text = cx.text;
        let inside = content(brk.slice(text));
        if inside.blank_lines == 0 && inside.marked_page.is_none() && inside.bare_number.is_none() {
            return None;
        }
        let (prev, cut_start) = before_break(text, brk.start);
        let prev = prev?;
        let next = char_at(text, brk.end)?;
        if matches!(prev, '：' | ':' | '；' | ';' | '。' | '！' | '？') || !joinable_after(next)
        {
            return None;
        }
        // An end mark inside a closing quotation mark ends the sentence too
        // (`……金山银山。”`).
        if is_closing_mark(prev) && ends_sentence(&text[..cut_start]) {
            return None;
        }
        if !prose_before(cx, p, brk.start) || guard.touches(brk) || guard.covers(brk.end) {
            return None;
        }
        if !prose_line(text, p, cut_start, brk.end) {
            return None;
        }
        // The text after the break runs on as a sentence: it reaches an end
        // mark or at least a clause mark.
        let rest = Span::new(brk.end, sentence.end).slice(text);
        if !rest.contains(['，', '；', '。', '！', '？']) {
            return None;
        }
        let first = Span::new(cut_start - prev.len_utf8(), cut_start);
        let second = Span::new(brk.end, brk.end + next.len_utf8());
        let replacement = if prev.is_ascii_alphanumeric() && next.is_ascii_alphanumeric() {
            " "
        } else {
            ""
        };
        let (message, applicability, fix_message) = if let Some(page) = &inside.marked_page {
            (
                format!("sentence broken by the page number `{page}` (page-break artefact)"),
                Applicability::Safe,
                format!("remove the page number `{page}` and join the lines"),
            )
        } else if let Some(page) = &inside.bare_number {
            (
                format!("sentence broken by `{page}` on a line of its own, most likely a page number (page-break artefact)"),
                Applicability::Unsafe,
                format!("remove `{page}` and join the lines (check that it is a page number, not a figure)"),
            )
        } else {
            // In an entry paragraph (【title】 …) the blank line is surely a
            // page break; elsewhere (a Markdown paragraph that lacks its end
            // mark) joining is only probably right.
            let applicability = if p.title.is_some() {
                Applicability::Safe
            } else {
                Applicability::Unsafe
            };
            (
                "sentence broken by a blank line (page-break artefact)".to_string(),
                applicability,
                "join the lines".to_string(),
            )
        };
        Some(
            DEF.diagnostic(Severity::Warning, first, message)
                .with_primary_text("the sentence breaks off here")
                .with_label(second, "and runs on here")
                .with_note(format!(
                    "`{}` / `{}` are one sentence: the text before the break has no end mark",
                    tail(text, first.end),
                    head(text, second.start)
                ))
                .with_fix(Fix {
                    message: fix_message,
                    applicability,
                    edits: vec![Edit {
                        span: Span::new(cut_start, brk.end),
                        replacement: replacement.into(),
                    }],
                }),
        )
    }
}

/// The line of `text` around offset `at` (without its line break).
fn line_at(text: &str, at: usize) -> &str {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find(['\n', '\r']).map_or(text.len(), |i| at + i);
    &text[start..end]
}

/// A line that aligns columns: a tab, or two runs of two or more spaces
/// after its indentation (`60岁及以上      184342      17.2`).
fn tabular(line: &str) -> bool {
    let line = line.trim_matches(|c: char| c.is_whitespace());
    line.contains('\t')
        || line
            .split(|c: char| c != ' ' && c != '\u{3000}')
            .filter(|gap| gap.chars().count() >= 2)
            .count()
            >= 2
}

/// A heading, caption, dateline or label line: `一、综合`, `（三）教育`,
/// `第二章 …`, `表1 …`, `单位：人`, `2021年6月4日 …`,
/// `发布时间：2022-01-21　来源：…`, `编辑：…`.
fn heading_line(line: &str) -> bool {
    let l = line.trim_start_matches(|c: char| c.is_whitespace());
    let ordinal = l
        .trim_start_matches(['（', '('])
        .trim_start_matches(|c: char| "一二三四五六七八九十百零〇".contains(c));
    let numbered = ordinal.len() < l.trim_start_matches(['（', '(']).len()
        && ordinal.starts_with(['、', '）', ')']);
    let caption = ["表", "图", "附表", "附图", "第"].iter().any(|p| {
        l.strip_prefix(p).is_some_and(|r| {
            r.starts_with(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
        })
    });
    let labels = [
        "单位：",
        "单位:",
        "时间：",
        "时间:",
        "日期：",
        "来源：",
        "来源:",
        "作者：",
        "编辑：",
        "编辑:",
        "记者",
        "关键词",
        "關鍵詞",
        "索引号",
        "發布",
        "发布",
        "來源",
    ];
    // A dateline: a date first and no clause mark (`2021年6月4日 …`,
    // `2019/8/30　…`).
    let year = l.len() - l.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let dateline = year == 4
        && l[4..].starts_with(['年', '-', '/', '.'])
        && !l.contains(['，', ',', '；', '。']);
    numbered || caption || dateline || labels.iter().any(|w| l.contains(w))
}

/// The line before a break is prose that can run on: it has Chinese text,
/// is not a heading, caption, label or table row, and is not a line standing
/// alone as its own block that reads as a headline or a subheading (short,
/// no clause mark), unless the paragraph is an entry (`【…】`). Neither is the line after it a table row.
fn prose_line(text: &str, p: &Paragraph, cut: usize, next: usize) -> bool {
    let before = line_at(text, cut);
    let after = line_at(text, next);
    if !before.chars().any(is_han) || tabular(before) || tabular(after) || heading_line(before) {
        return false;
    }
    let line_start = text[..cut].rfind('\n').map_or(0, |i| i + 1);
    let head = text[..line_start].trim_end_matches(['\n', '\r', ' ', '\t']);
    let alone = head.is_empty() || text[head.len()..line_start].matches('\n').count() >= 2;
    // A short line alone in its block, without a clause mark, is a
    // headline or a subheading.
    let headline = !before.contains(['，', '；', ',', ';']) && before.trim().chars().count() <= 40;
    !(alone && p.title.is_none() && headline)
}

/// Up to six characters of the line that ends at `end`.
fn tail(text: &str, end: usize) -> &str {
    let line_start = text[..end].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[line_start..end];
    let skip = line.chars().count().saturating_sub(6);
    let at = line.char_indices().nth(skip).map_or(0, |(i, _)| i);
    &line[at..]
}

/// Up to six characters of the line that starts at `start`.
fn head(text: &str, start: usize) -> &str {
    let line = &text[start..];
    let line = &line[..line.find(['\n', '\r']).unwrap_or(line.len())];
    let end = line.char_indices().nth(6).map_or(line.len(), |(i, _)| i);
    &line[..end]
}

/// A figure whose digits a blank line splits (`18` / blank line / `7`).
fn split_figure(cx: &Context<'_>, guard: &Guard, digits: Span) -> Option<Diagnostic> {
    let written = digits.slice(cx.text);
    if written.matches('\n').count() < 2 || guard.touches(digits) {
        return None;
    }
    // A blank line inside the figure, not cells one a line (`10.62⏎2.91⏎3.92`).
    let pieces: Vec<&str> = written.split('\n').collect();
    if !pieces[1..pieces.len() - 1]
        .iter()
        .all(|l| l.trim().is_empty())
    {
        return None;
    }
    // In a sentence: a character of the text right before the figure
    // (`对象2⏎⏎39户`), not a page reference (`P. 336`), a column or a
    // section number (`12-19`, `13—8`) after it.
    let text = cx.text;
    let before = char_before(text, digits.start);
    let after = char_at(text, digits.end);
    if before.is_none_or(|c| c.is_whitespace() || c.is_ascii_punctuation())
        || after.is_none_or(|c| c.is_whitespace() || "-—–~～".contains(c))
        || tabular(line_at(text, digits.start))
        || tabular(line_at(text, digits.end))
        || heading_line(line_at(text, digits.start))
    {
        return None;
    }
    let joined: String = written.chars().filter(|c| !c.is_whitespace()).collect();
    Some(
        DEF.diagnostic(
            Severity::Warning,
            digits,
            format!("figure split by a blank line (page-break artefact), read as {joined}"),
        )
        .with_note(format!(
            "a digit may have been lost at the break: check the figure against the source, and if it reads {joined}, join the lines by hand (yblint never joins two figures)"
        )),
    )
}
