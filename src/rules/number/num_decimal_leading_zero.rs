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
    summary: "a decimal below 1 keeps its leading 0 (.85 → 0.85)",
    source: "GB/T 15835-2011 §5.1.2 (≈; GB/T 15835-1995 §8.2); catalogue NUM_DECIMAL_LEADING_ZERO",
    docs: DOCS,
    examples: &[
        Example::wrong("全年新增造林.85万亩，森林覆盖率提高0.6个百分点。", ""),
        Example::right("全年新增造林0.85万亩，森林覆盖率提高0.6个百分点。", ""),
        Example::right(
            "执行《城镇污水处理厂污染物排放标准》，出水水质达到GB 18918 Vol.2要求。",
            "a dot after Latin letters or digits is not a bare decimal",
        ),
    ],
    defaults: include_str!("../../../rules/number/num-decimal-leading-zero.toml"),
    build,
};

const DOCS: &str = r#"A pure decimal keeps the 0 before its decimal mark: `0.85万亩`, not
`.85万亩`. A bare decimal mark is also what a digit lost in copying looks
like (`1.85` pasted as `.85`), so the finding is worth a look either way.

## What it checks

A decimal mark (`.` or `．`) followed by a digit, in running text, where the
character before the mark is not a digit, a Latin letter, another dot, `/`,
`\` or `_`.

## What it leaves alone

* An ASCII full stop before a date (`完成.5月`): a punctuation slip, not a
  decimal.

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
                || matches!(p, '.' | '．' | '/' | '\\' | '_' | '…')
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
        let after = s[end..].chars().next();
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

impl Rule for LeadingZero {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let prose = Prose::new(cx.text, cx.draft);
        for span in prose.scan(find) {
            let written = span.slice(cx.text);
            let digits = written.trim_start_matches(['.', '．']);
            let right = format!("0.{digits}");
            out.push(
                DEF.diagnostic(
                    Severity::Error,
                    span,
                    format!("decimal `{written}` has no 0 before its decimal mark: write `{right}`"),
                )
                .with_note("a pure decimal keeps its leading 0 (GB/T 15835-2011 §5.1.2); check that no digit was lost"),
            );
        }
    }
}
