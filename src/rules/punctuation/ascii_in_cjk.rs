//! `punct-ascii-in-cjk`: half-width (ASCII) punctuation in Chinese text.

use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use super::guard::{inside, is_chinese_after, is_chinese_before, quoted_regions, Guard};
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::rules::scan::{char_at, char_before, is_han};
use crate::rules::{Context, Example, Rule, RuleDef};
use crate::span::Span;

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "punct-ascii-in-cjk",
    category: "punctuation",
    summary: "Chinese text uses full-width punctuation, not ASCII , . ; : ? ! ( )",
    source: "GB/T 15834-2011 §3, §4 (the marks of Chinese text are full-width); \
             catalogue PUNCT_ASCII_IN_CJK (中英文标点混用)",
    docs: DOCS,
    examples: &[
        Example::wrong(
            "全县共有中小学46所,其中高中3所.",
            "an ASCII comma and full stop in Chinese text",
        ),
        Example::wrong(
            "省州属、企(事业)单位8个。",
            "ASCII parentheses around Chinese text",
        ),
        Example::right(
            "全县共有中小学46所，其中高中3所，在校生1,260人，生师比为13.5:1。",
            "the comma of 1,260 and the colon of 13.5:1 are parts of figures",
        ),
        Example::right(
            "地区生产总值(GDP)增长4.1%，PM2.5年均浓度下降，上午10:30开幕。",
            "English abbreviations in parentheses, decimals and clock times",
        ),
    ],
    defaults: include_str!("../../../rules/punctuation/punct-ascii-in-cjk.toml"),
    build,
};

const DOCS: &str = r#"Chinese running text takes full-width punctuation: `，。；：？！（）`. A half-width
`,` `.` `;` `:` `?` `!` or a pair of `( )` next to Chinese characters is a
typing or conversion slip (中英文标点混用). The fix (safe) puts the
full-width mark in its place; it never touches a digit.

## What it checks

* `,` and `;` with a Chinese character (or a full-width bracket or quotation
  mark) on either side; `:` likewise, unless a digit stands on both sides.
* `.` `?` `!` right after a Chinese character or a closing full-width mark,
  when no Latin letter or digit follows (`高中3所.`); `.` after a percentage
  at the end of a line (`增长4.1%.`).
* A pair of `( )` on one line whose content contains Chinese characters
  (`企(事业)单位`): both are reported as one finding.

## What it leaves alone

* Figures: `1,200`, `3.5`, `10:30`, `1:2`, `PM2.5`, list numbers (`1.`, `(1)`, `(一)`).
* The dot of a compound unit after `/`: `元/人.月`, `元/(人.月)`.
* Latin text: `(GDP)`, `(Smith, 2019)`, `e.g.`, file names (`附表.xlsx`).
* URLs, e-mail addresses, Markdown syntax (`[文字](url)`, `![图](a.png)`, `<!-- -->`),
  code, tables, HTML entities (`&nbsp;`).
* Text inside `《》` and quotation marks, which keeps the marks of what it quotes.
* Formulas in parentheses (`=(本期-上期)/上期`).
* Parentheses on a short line without any Chinese point mark: a table cell,
  a column header or a caption (`生产总值(亿元)`, `表1 主要指标(万元)`).

## Where other linters differ

zhlint and autocorrect accept half-width parentheses and colons with
spaces around them in Chinese text (`中文 (中文) 中文`, `公告:(美股)`), and
prefer half-width brackets around Latin content (`key (string 或者
Symbol)`). In Chinese text GB/T 15834-2011 §3 and §4.9 (括号) use the
full-width forms `（）`, and §4.7 the full-width colon `：`, whatever the
brackets enclose; yblint reports the ASCII forms on purpose.

"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let _: Settings = crate::rules::settings(value)?;
    Ok(Box::new(AsciiInCjk))
}

/// The `punct-ascii-in-cjk` rule.
pub struct AsciiInCjk;

fn full_width(c: char) -> &'static str {
    match c {
        ',' => "，",
        '.' => "。",
        ';' => "；",
        ':' => "：",
        '?' => "？",
        '!' => "！",
        '(' => "（",
        _ => "）",
    }
}

/// True when the `;` at `at` ends an HTML entity (`&nbsp;`, `&#12288;`).
fn ends_entity(text: &str, at: usize) -> bool {
    let before = &text[..at];
    let name = before
        .bytes()
        .rev()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'#')
        .count();
    name > 0 && before[..before.len() - name].ends_with('&')
}

/// True when the `.` at `at` follows a percentage written right after
/// Chinese text and ends its line (`增长4.1%.`).
fn ends_percentage(text: &str, at: usize) -> bool {
    let before = &text[..at];
    if !before.ends_with(['%', '‰']) {
        return false;
    }
    let next = char_at(text, at + 1);
    if next.is_some_and(|c| c != '\n' && c != '\r') {
        return false;
    }
    let number = before
        .trim_end_matches(['%', '‰'])
        .trim_end_matches(|c: char| c.is_ascii_digit() || c == '.');
    number.chars().next_back().is_some_and(is_han)
}

/// True when the `.` at `at` joins the two halves of a compound unit after
/// a `/` (`元/人.月`, `元/(人.月)`): a multiplication dot, not a full stop.
fn in_compound_unit(text: &str, at: usize) -> bool {
    if !char_at(text, at + 1).is_some_and(is_han) {
        return false;
    }
    let before = crate::text::before(text, at);
    let unit: String = before.chars().rev().take_while(|c| is_han(*c)).collect();
    if !(1..=3).contains(&unit.chars().count()) {
        return false;
    }
    let rest = before[..before.len() - unit.len()].trim_end_matches(['(', '（']);
    rest.ends_with(['/', '／'])
}

fn is_operator(c: char) -> bool {
    matches!(
        c,
        '=' | '+' | '-' | '*' | '/' | '×' | '÷' | '^' | '<' | '>' | '＝' | '＋' | '－'
    )
}

impl Rule for AsciiInCjk {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let text = cx.text;
        let guard = Guard::new(text);
        let quoted = quoted_regions(text);
        let skip = |at: usize| guard.covers(at) || inside(&quoted, at);
        for (at, c) in text.char_indices() {
            if !matches!(c, ',' | '.' | ';' | ':' | '?' | '!') || skip(at) {
                continue;
            }
            let prev = char_before(text, at);
            let next = char_at(text, at + 1);
            let left = prev.is_some_and(is_chinese_before);
            let right = next.is_some_and(is_chinese_after);
            let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
            let alnum = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
            let report = match c {
                ',' => (left || right) && !(digit(prev) && digit(next)),
                ';' => (left || right) && !ends_entity(text, at),
                ':' => (left || right) && !(digit(prev) && digit(next)) && next != Some('/'),
                '?' => left,
                '!' => left && next != Some('['),
                _ => {
                    (left
                        && !alnum(next)
                        && next != Some('.')
                        && prev != Some('.')
                        && !in_compound_unit(text, at))
                        || ends_percentage(text, at)
                }
            };
            if !report {
                continue;
            }
            let span = Span::new(at, at + 1);
            let wide = full_width(c);
            out.push(
                DEF.diagnostic(
                    Severity::Warning,
                    span,
                    format!("ASCII `{c}` in Chinese text"),
                )
                .with_fix(Fix::replace(
                    span,
                    wide,
                    Applicability::Safe,
                    format!("replace `{c}` with `{wide}`"),
                )),
            );
        }
        parentheses(cx, &skip, out);
    }
}

/// A short line without any Chinese point mark: a table cell, a column
/// header or a caption (`生产总值(亿元)`), where units in half-width
/// parentheses are a common house style.
fn label_line(text: &str, at: usize) -> bool {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let line = text[start..end].trim();
    line.chars().count() <= 24 && !line.contains(['，', '。', '；', '：', '、', '！', '？'])
}

/// Pairs of ASCII parentheses on one line around Chinese text.
fn parentheses(cx: &Context<'_>, skip: &dyn Fn(usize) -> bool, out: &mut Vec<Diagnostic>) {
    let text = cx.text;
    let mut open: Option<usize> = None;
    for (at, c) in text.char_indices() {
        match c {
            '\n' => open = None,
            '(' if !skip(at) => open = Some(at),
            ')' if !skip(at) => {
                let Some(start) = open.take() else {
                    continue;
                };
                let content = &text[start + 1..at];
                let before = char_before(text, start);
                let after = char_at(text, at + 1);
                let ordinal = content
                    .chars()
                    .all(|c| c.is_ascii_digit() || "零〇一二三四五六七八九十百两".contains(c));
                let formula = content.chars().any(is_operator)
                    || before.is_some_and(is_operator)
                    || after.is_some_and(is_operator);
                if !content.chars().any(is_han)
                    || ordinal
                    || formula
                    || before == Some(']')
                    || label_line(text, start)
                {
                    continue;
                }
                let span = Span::new(start, at + 1);
                out.push(
                    DEF.diagnostic(
                        Severity::Warning,
                        span,
                        "ASCII parentheses around Chinese text",
                    )
                    .with_fix(Fix {
                        message: "replace `( )` with `（ ）`".into(),
                        applicability: Applicability::Safe,
                        edits: vec![
                            Edit {
                                span: Span::new(start, start + 1),
                                replacement: "（".into(),
                            },
                            Edit {
                                span: Span::new(at, at + 1),
                                replacement: "）".into(),
                            },
                        ],
                    }),
                );
            }
            _ => {}
        }
    }
}
