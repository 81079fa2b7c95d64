//! `time-md-no-leading-zero`: `2023年03月08日` → `2023年3月8日`.

use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use super::prose::{digit, digits_before, pieces, skip_spaces, skip_spaces_back};
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::rules::scan::{char_before, Words};
use crate::rules::{Context, Example, Rule, RuleDef};
use crate::span::Span;

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "time-md-no-leading-zero",
    category: "time",
    summary: "months and days in 年月日 dates carry no leading zero (3月8日, not 03月08日)",
    source: "GB/T 15835-2011 §4.1.1 and yearbook style sheets (月份、日期无虚位); \
             catalogue TIME_MD_NO_LEADING_ZERO",
    docs: DOCS,
    examples: &[
        Example::wrong("2023年03月08日，县妇联召开第十四次代表大会。", ""),
        Example::right("2023年3月8日，县妇联召开第十四次代表大会。", ""),
        Example::right(
            "表中日期按2023-03-08的格式填写，10月20日前报送。",
            "the all-numeric form keeps its zeros; 10月 and 20日 have none",
        ),
    ],
    defaults: include_str!("../../../rules/time/time-md-no-leading-zero.toml"),
    build,
};

const DOCS: &str = r#"In a date written with `年`, `月` and `日` the month and the day carry no
leading zero: `2023年3月8日`, not `2023年03月08日`. Leading zeros belong only
to the all-numeric form of tables and notes (`2023-03-08`).

## What it checks

A month or day of two digits whose first is `0` (`03月`, `08日`), written
with `月` or `日`. The fix removes the zeros; it is safe: it changes neither
the date nor anything else.

## What it leaves alone

* The all-numeric form (`2023-03-08`), which has no `月` or `日`.
* Numbers of three or more digits (`100日`), decimals, `第…`.
* Quotations and book titles, which reproduce a text as it was printed.
* `号` (`05号` is usually a document number, `〔2023〕05号`).

## Settings (`[rules.time-md-no-leading-zero]` in yblint.toml)

* `severity`: `"warning"` (default), `"error"`, `"info"` or `"off"`.
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let _: Settings = crate::rules::settings(value)?;
    Ok(Box::new(LeadingZero))
}

struct LeadingZero;

/// A month or day with a leading zero: the span from its digits to its
/// unit, and the zero.
struct Zero {
    span: Span,
    zero: Span,
    digits: Span,
    unit: char,
}

fn zero_at(text: &str, piece: Span, unit_at: usize, unit: char) -> Option<Zero> {
    let end = skip_spaces_back(text, unit_at);
    let (start, _) = digits_before(text, end)?;
    if start < piece.start {
        return None;
    }
    let mut chars = text[start..end].chars();
    let (first, second) = (chars.next()?, chars.next()?);
    if chars.next().is_some()
        || digit(first) != Some(0)
        || digit(second).filter(|d| *d != 0).is_none()
    {
        return None;
    }
    if char_before(text, start).is_some_and(|c| matches!(c, '.' | '．' | '第' | '-' | '/')) {
        return None;
    }
    Some(Zero {
        span: Span::new(start, unit_at + unit.len_utf8()),
        zero: Span::new(start, start + first.len_utf8()),
        digits: Span::new(start, end),
        unit,
    })
}

impl Rule for LeadingZero {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let text = cx.text;
        for piece in pieces(cx, &Words::new(&[])) {
            let mut found: Vec<Vec<Zero>> = Vec::new();
            for (i, c) in piece.span.slice(text).char_indices() {
                if c != '月' && c != '日' {
                    continue;
                }
                let Some(z) = zero_at(text, piece.span, piece.span.start + i, c) else {
                    continue;
                };
                // A day right after a month with a zero is one date.
                if let Some(last) = found.last_mut() {
                    let prev = last.last().expect("groups are never empty");
                    if z.unit == '日'
                        && prev.unit == '月'
                        && skip_spaces(text, prev.span.end) == z.span.start
                    {
                        last.push(z);
                        continue;
                    }
                }
                found.push(vec![z]);
            }
            for group in found {
                let span = Span::new(group[0].span.start, group[group.len() - 1].span.end);
                let written: Vec<&str> = group.iter().map(|z| z.digits.slice(text)).collect();
                let what = if group.len() == 2 {
                    "month and day"
                } else if group[0].unit == '月' {
                    "month"
                } else {
                    "day"
                };
                let mut fixed = span.slice(text).to_string();
                for z in group.iter().rev() {
                    fixed.replace_range(z.zero.start - span.start..z.zero.end - span.start, "");
                }
                let fix = Fix {
                    message: format!("write `{fixed}`"),
                    applicability: Applicability::Safe,
                    edits: group
                        .iter()
                        .map(|z| Edit {
                            span: z.zero,
                            replacement: String::new(),
                        })
                        .collect(),
                };
                out.push(
                    DEF.diagnostic(
                        Severity::Warning,
                        span,
                        format!(
                            "{what} written with a leading zero: `{}`",
                            written.join("`, `")
                        ),
                    )
                    .with_note(format!(
                        "write `{fixed}`: in a 年月日 date, months and days have no leading zero"
                    ))
                    .with_fix(fix),
                );
            }
        }
    }
}
