//! `num-decimal-leading-zero`: a decimal below 1 written without its
//! leading 0 (`.85万亩`).

use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use super::prose::Prose;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Example, Rule, RuleDef};
use crate::span::Span;

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "num-decimal-leading-zero",
    category: "number",
    summary: "a figure with nothing before its decimal mark (.85): a damaged figure, or one split by a line break",
    source: "GB/T 15835-2011 §5.1.2 (≈; GB/T 15835-1995 §8.2); catalogue NUM_DECIMAL_LEADING_ZERO",
    docs: DOCS,
    examples: &[
        Example::wrong("全年新增造林.85万亩，森林覆盖率提高0.6个百分点。", ""),
        Example::wrong(
            "全县一般公共预算收入12\n.46亿元，增长3.1%。",
            "a figure broken by a line break before its decimal mark",
        ),
        Example::right("全年新增造林0.85万亩，森林覆盖率提高0.6个百分点。", ""),
        Example::right(
            "执行《城镇污水处理厂污染物排放标准》，出水水质达到GB 18918 Vol.2要求。",
            "a dot after Latin letters or digits is not a bare decimal",
        ),
    ],
    defaults: include_str!("../../../rules/number/num-decimal-leading-zero.toml"),
    build,
};

const DOCS: &str = r#"A figure with nothing before its decimal mark (`.85万亩`) is a damaged
figure: on real drafts it is a digit lost in copying (`1.85` pasted as
`.85`), or a figure broken by a line break (`38` at the end of one line,
`.60` at the start of the next). A pure decimal keeps the 0 before its
decimal mark (`0.85万亩`, GB/T 15835-2011 §5.1.2), so the figure needs a
look either way; since which figure is right cannot be told from the text,
the finding is a warning, not an error.

The message says which of the two it is:

* `figure split by a line break: `38.60` broken before its decimal mark`
  when digits end the line before;
* `damaged figure `.85`: no digit before its decimal mark` otherwise.

## What it checks

A decimal mark (`.` or `．`) followed by a digit, in running text, where the
character before the mark is not a digit, a Latin letter, another dot, `/`,
`\` or `_`.

## What it leaves alone

* An ASCII full stop before a date (`完成.5月`, `100%.2004 年`): a
  punctuation slip, not a decimal; a `.` after `%` is one too.

Numbered items and versions (`1.2`, `No.5`, `Vol.2`), ellipses (`...5`),
file names and web addresses, and quoted text and titles.

## Fix

None: inserting the `0` adds a digit, which no fix does, and a digit may
have been lost instead (`1.85` → `.85`).

This rule has no settings besides `severity`.
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let _: Settings = crate::rules::settings(value)?;
    Ok(Box::new(LeadingZero))
}

struct LeadingZero;

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn find(s: &str, base: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let p = prev;
        prev = Some(c);
        if c != '.' && c != '．' {
            continue;
        }
        let blocked = p.is_some_and(|p| {
            is_digit(p)
                || p.is_ascii_alphabetic()
                || matches!(p, '.' | '．' | '/' | '\\' | '_' | '…' | '%' | '‰' | '％')
        });
        let Some(&(_, next)) = iter.peek() else {
            continue;
        };
        if blocked || !is_digit(next) {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = iter.peek() {
            if !is_digit(d) {
                break;
            }
            end = j + d.len_utf8();
            prev = Some(d);
            iter.next();
        }
        // `.5.3` or `.5a`: an identifier, not a number.
        let after = s[end..]
            .trim_start_matches([' ', '\u{3000}'])
            .chars()
            .next();
        // `.5月`: an ASCII full stop before a date, not a decimal.
        if after.is_some_and(|a| {
            a == '.' || a == '．' || a.is_ascii_alphabetic() || "年月日时号、".contains(a)
        }) {
            continue;
        }
        out.push(Span::new(base + i, base + end));
    }
    out
}

/// Where the digits of a figure end a line right before `at` (across the
/// line break and the spaces around it): the start of those digits.
fn split_before(text: &str, at: usize) -> Option<usize> {
    let head = text[..at].trim_end_matches([' ', '\t', '\u{3000}']);
    let head = head.strip_suffix('\n')?;
    let head = head.trim_end_matches(['\r', ' ', '\t', '\u{3000}']);
    let digits = head.len() - head.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    (digits > 0).then(|| head.len() - digits)
}

impl Rule for LeadingZero {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let prose = Prose::new(cx.text, cx.draft);
        for span in prose.scan(find) {
            let written = span.slice(cx.text);
            let digits = written.trim_start_matches(['.', '．']);
            if let Some(start) = split_before(cx.text, span.start) {
                // `38⏎.60`: one figure broken by a line break.
                let whole = Span::new(start, span.end);
                let joined: String = whole
                    .slice(cx.text)
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect();
                out.push(
                    DEF.diagnostic(
                        Severity::Warning,
                        whole,
                        format!("figure split by a line break: `{joined}` broken before its decimal mark"),
                    )
                    .with_primary_text("one figure")
                    .with_note(format!(
                        "join the lines if the source reads {joined} (yblint never joins two figures)"
                    )),
                );
                continue;
            }
            let right = format!("0.{digits}");
            out.push(
                DEF.diagnostic(
                    Severity::Warning,
                    span,
                    format!("damaged figure `{written}`: no digit before its decimal mark"),
                )
                .with_primary_text("digit missing")
                .with_note(format!(
                    "a digit was most likely lost in copying: check the figure against the source; \
                     if it is a pure decimal, write `{right}` (GB/T 15835-2011 §5.1.2 keeps the 0)"
                )),
            );
        }
    }
}
