//! `num-fullwidth-digits`: Arabic numerals are written with half-width
//! digits (`2023`, not `２０２３`); the fix rewrites them.

use serde::Deserialize;

use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rules::{Context, Example, Rule, RuleDef};
use crate::span::Span;

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "num-fullwidth-digits",
    category: "number",
    summary: "Arabic numerals use half-width digits (2023, not ２０２３)",
    source: "GB/T 15835-2011 §5.1.7 (阿拉伯数字使用半角形式); catalogue NUM_FULLWIDTH_DIGITS",
    docs: DOCS,
    examples: &[
        Example::wrong(
            "２０２３年实现地区生产总值１２．５亿元。",
            "full-width digits and a full-width decimal point",
        ),
        Example::right("2023年实现地区生产总值12.5亿元。", ""),
        Example::right(
            "全县有①号、②号两处水源地，第二批项目三十六个。",
            "circled numbers and Chinese numerals are not full-width digits",
        ),
    ],
    defaults: include_str!("../../../rules/number/num-fullwidth-digits.toml"),
    build,
};

const DOCS: &str = r#"Arabic numerals in Chinese text are half-width (GB/T 15835-2011 §5.1.7): a
number typed with full-width digits `０`–`９` (often pasted from a Word table or
an input method left in full-width mode) is reported, with the whole number
as the span.

## What it checks

* A run of digits with at least one full-width digit, or a number with a
  full-width decimal point between digits (`１２．５`, `12．5`).
* A full-width comma between digits is read as a thousands separator only
  when it is followed by exactly three digits (`１２，４５０人`).

## The fix

Each full-width digit becomes its half-width form, a full-width decimal
point inside the number `.`: `２０２３年…１２．５亿元` → `2023年…12.5亿元`. The
digits themselves never change. The fix is safe, except for a number with a
full-width comma inside (`１２，４５０`): that comma may also be a clause mark
between two figures, so the fix (`12,450`) is unsafe and applied only with
`--unsafe-fixes`.

## What it leaves alone

* Circled and parenthesised numbers (`①`, `⑴`), superscripts (`²`), Roman
  numerals (`Ⅱ`), Chinese numerals (`三十六`, `〇`): they are not full-width
  digits.
* A full-width `．` or `，` that is not between digits of one number: a
  full-width comma between two figures (`１２，３４`) is a clause mark, and
  only the digits on each side are fixed.
* Full-width letters and the percent sign `％` (other rules' business).

## Settings (`[rules.num-fullwidth-digits]` in yblint.toml)

* `severity`: `"warning"` (default), `"error"`, `"info"` or `"off"`.
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {}

fn build(value: toml::Spanned<toml::de::DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let Settings {} = crate::rules::settings(value)?;
    Ok(Box::new(FullwidthDigits))
}

struct FullwidthDigits;

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn is_full(c: char) -> bool {
    ('０'..='９').contains(&c) || c == '．' || c == '，'
}

/// The number of digits at the start of `s`.
fn digit_run(s: &str) -> usize {
    s.chars().take_while(|&c| is_digit(c)).count()
}

/// The byte length of the first `n` characters of `s`.
fn bytes_of(s: &str, n: usize) -> usize {
    s.char_indices().nth(n).map(|(i, _)| i).unwrap_or(s.len())
}

/// The end (byte offset) of the number that starts with a digit at `start`:
/// digits, thousands groups after `，`/`,` (exactly three digits each, the
/// first group at most three), and one decimal part after `．`/`.`.
fn number_end(text: &str, start: usize) -> usize {
    let first = digit_run(&text[start..]);
    let mut at = start + bytes_of(&text[start..], first);
    let mut group = first;
    // Thousands groups.
    while (1..=3).contains(&group) {
        let rest = &text[at..];
        let Some(sep) = rest.chars().next().filter(|&c| c == '，' || c == ',') else {
            break;
        };
        let after = &rest[sep.len_utf8()..];
        if digit_run(after) != 3 {
            break;
        }
        at += sep.len_utf8() + bytes_of(after, 3);
        group = 3;
    }
    // A decimal part.
    let rest = &text[at..];
    if let Some(dot) = rest.chars().next().filter(|&c| c == '．' || c == '.') {
        let after = &rest[dot.len_utf8()..];
        let n = digit_run(after);
        if n > 0 {
            at += dot.len_utf8() + bytes_of(after, n);
        }
    }
    at
}

fn half_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' => '.',
            '，' => ',',
            other => other,
        })
        .collect()
}

impl Rule for FullwidthDigits {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let text = cx.text;
        let mut at = 0;
        while at < text.len() {
            let Some(c) = text[at..].chars().next() else {
                break;
            };
            // Digits right after a digit belong to the number already passed.
            let starts = is_digit(c) && !text[..at].chars().next_back().is_some_and(is_digit);
            if !starts {
                at += c.len_utf8();
                continue;
            }
            let end = number_end(text, at);
            let written = &text[at..end];
            if written.chars().any(is_full) {
                let span = Span::new(at, end);
                let fixed = half_width(written);
                let applicability = if written.contains('，') {
                    Applicability::Unsafe
                } else {
                    Applicability::Safe
                };
                out.push(
                    DEF.diagnostic(
                        Severity::Warning,
                        span,
                        format!("full-width digits in `{written}`: write `{fixed}`"),
                    )
                    .with_primary_text("full-width")
                    .with_fix(Fix::replace(
                        span,
                        fixed.clone(),
                        applicability,
                        format!("write `{fixed}`"),
                    )),
                );
            }
            at = end.max(at + c.len_utf8());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, String, Applicability)> {
        let config = crate::config::Config::builtin().unwrap();
        crate::check_text(text, &config)
            .unwrap()
            .into_iter()
            .filter(|d| d.rule == DEF.name)
            .map(|d| {
                let f = d.fix.unwrap();
                (
                    d.span.slice(text).to_string(),
                    f.edits[0].replacement.clone(),
                    f.applicability,
                )
            })
            .collect()
    }

    #[test]
    fn numbers_and_their_marks() {
        use Applicability::*;
        assert_eq!(
            found("２０２３年实现产值１２．５亿元。"),
            vec![
                ("２０２３".into(), "2023".into(), Safe),
                ("１２．５".into(), "12.5".into(), Safe)
            ]
        );
        assert_eq!(
            found("接待游客１２，４５０人次。"),
            vec![("１２，４５０".into(), "12,450".into(), Unsafe)]
        );
        // A clause comma between two figures is not a separator.
        assert_eq!(
            found("分别增长１２，３４个。"),
            vec![
                ("１２".into(), "12".into(), Safe),
                ("３４".into(), "34".into(), Safe)
            ]
        );
        assert_eq!(
            found("增长12．5%。"),
            vec![("12．5".into(), "12.5".into(), Safe)]
        );
        assert_eq!(found("共1２个．"), vec![("1２".into(), "12".into(), Safe)]);
        assert!(found("①②⑴²Ⅱ三十六〇，12.5，1,234。").is_empty());
    }
}
