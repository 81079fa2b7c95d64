//! `punct-time-vs-ratio-sign`: clock times take the colon (`9:30`), ratios
//! the ratio sign (`105∶100`).

use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use super::guard::Guard;
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::rules::{Context, Example, Rule, RuleDef};
use crate::span::Span;
use crate::syntax::{QuantityShape, TokenKind};

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "punct-time-vs-ratio-sign",
    category: "punctuation",
    summary: "clock times take the colon (9:30), ratios the ratio sign (105∶100)",
    source: "GB/T 7408-2005 (extended time format 15:40) and GB/T 15835-2011 §4.1 / GB 3102.11 \
             (比号 ∶); catalogue PUNCT_TIME_VS_RATIO_SIGN",
    docs: DOCS,
    examples: &[
        Example::wrong("大会于上午9∶30开幕。", "a clock time with the ratio sign"),
        Example::wrong("全县户籍人口性别比为105.2:100。", "a ratio with a colon"),
        Example::right("大会于上午9:30开幕，全县户籍人口性别比为105.2∶100。", ""),
        Example::right(
            "双方以3:1获胜，编号2:15。",
            "neither a clock time nor a ratio by its words: left alone",
        ),
    ],
    defaults: include_str!("../../../rules/punctuation/punct-time-vs-ratio-sign.toml"),
    build,
};

const DOCS: &str = r#"A clock time is written with the colon `:` (`9:30`, GB/T 7408), a ratio with
the ratio sign `∶` (`105.2∶100`, `1∶50000`). The two look alike and are
swapped often. The fix (safe) changes only the sign; the digits stay.

## What it checks

Figures joined by `:`, `∶` or a full-width `：`:

* a clock time (hours 0–24, then two-digit minutes and seconds) after one of
  the `time_before` words (`上午`, `下午`, `于` …) or followed by one of the
  `time_after` words (`开幕`, `举行` …) or by a range to another time
  (`9:30—11:30`), written with `∶` or `：`;
* a ratio, after one of the `ratio_words` in its clause (`性别比`, `比例`,
  `结构` …), written with `:` or `：` (unless it is also clearly a clock time).

## What it leaves alone

Figures joined by a colon without words that say what they are (`3:1`,
`2:15`): scores, codes and verses are not reported.

## Settings

* `time_before`: words right before a clock time.
* `time_after`: words right after a clock time.
* `ratio_words`: words in the clause before a ratio.
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    #[serde(deserialize_with = "crate::config::words")]
    time_before: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    time_after: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    ratio_words: Vec<String>,
}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let s: Settings = crate::rules::settings(value)?;
    Ok(Box::new(TimeVsRatioSign {
        time_before: s.time_before,
        time_after: s.time_after,
        ratio_words: s.ratio_words,
    }))
}

/// The `punct-time-vs-ratio-sign` rule with its word lists.
pub struct TimeVsRatioSign {
    time_before: Vec<String>,
    time_after: Vec<String>,
    ratio_words: Vec<String>,
}

/// A clock time: `H:MM` or `H:MM:SS`, hours 0–24, minutes and seconds 00–59.
fn clock(terms: &[&str]) -> bool {
    let small = |t: &str, max: u32, exact2: bool| {
        let ok_len = if exact2 {
            t.len() == 2
        } else {
            (1..=2).contains(&t.len())
        };
        ok_len && t.bytes().all(|b| b.is_ascii_digit()) && t.parse::<u32>().is_ok_and(|v| v <= max)
    };
    (2..=3).contains(&terms.len())
        && small(terms[0], 24, false)
        && terms[1..].iter().all(|t| small(t, 59, true))
}

impl Rule for TimeVsRatioSign {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let text = cx.text;
        let guard = Guard::new(text);
        for p in &cx.draft.paragraphs {
            for s in &p.sentences {
                for c in &s.clauses {
                    for t in &c.tokens {
                        let TokenKind::Quantity(shape) = &t.kind else {
                            continue;
                        };
                        let QuantityShape::Ratio(numbers) = shape.as_ref() else {
                            continue;
                        };
                        if guard.touches(t.span) || numbers.len() < 2 {
                            continue;
                        }
                        let terms: Vec<&str> =
                            numbers.iter().map(|n| n.digits.slice(text)).collect();
                        let signs: Vec<Span> = numbers
                            .windows(2)
                            .map(|w| Span::new(w[0].digits.end, w[1].digits.start))
                            .collect();
                        let before = &text[c.span.start.min(t.span.start)..t.span.start];
                        let after = &text[t.span.end..];
                        let is_clock = clock(&terms) && self.time_context(before, after);
                        let is_ratio = self.ratio_words.iter().any(|w| before.contains(w.as_str()));
                        let written = t.span.slice(text);
                        let (wrong, want, message) = if is_clock {
                            (
                                signs
                                    .iter()
                                    .filter(|s| s.slice(text) != ":")
                                    .copied()
                                    .collect::<Vec<_>>(),
                                ":",
                                format!(
                                    "clock time `{written}` written with `{}`",
                                    signs[0].slice(text)
                                ),
                            )
                        } else if is_ratio {
                            (
                                signs
                                    .iter()
                                    .filter(|s| s.slice(text) != "∶")
                                    .copied()
                                    .collect(),
                                "∶",
                                format!(
                                    "ratio `{written}` written with `{}`",
                                    signs[0].slice(text)
                                ),
                            )
                        } else {
                            continue;
                        };
                        if wrong.is_empty() {
                            continue;
                        }
                        let note = if is_clock {
                            "a clock time takes the colon `:` (GB/T 7408); `∶` is the ratio sign"
                        } else {
                            "a ratio takes the ratio sign `∶`; `:` is the colon of clock times"
                        };
                        out.push(
                            DEF.diagnostic(Severity::Warning, t.span, message)
                                .with_note(note)
                                .with_fix(Fix {
                                    message: format!("write `{want}`"),
                                    applicability: Applicability::Safe,
                                    edits: wrong
                                        .into_iter()
                                        .map(|span| Edit {
                                            span,
                                            replacement: want.into(),
                                        })
                                        .collect(),
                                }),
                        );
                    }
                }
            }
        }
    }
}

impl TimeVsRatioSign {
    /// Words around a figure that make it a clock time.
    fn time_context(&self, before: &str, after: &str) -> bool {
        let before = before.trim_end();
        let after = after.trim_start();
        // The end of a range from another clock time: 9∶00—11∶30.
        let range_end = {
            let rest = before.trim_end_matches(['—', '-', '－', '～', '~', '至', '到']);
            rest.len() < before.len() && {
                let tail: &str = rest
                    .rsplit(|c: char| !(c.is_ascii_digit() || matches!(c, ':' | '∶' | '：')))
                    .next()
                    .unwrap_or("");
                let parts: Vec<&str> = tail.split([':', '∶', '：']).collect();
                clock(&parts)
            }
        };
        range_end
            || self
                .time_before
                .iter()
                .any(|w| before.ends_with(w.as_str()))
            || self
                .time_after
                .iter()
                .any(|w| after.starts_with(w.as_str()))
            || {
                // A range to another clock time: 9∶30—11∶30.
                let rest = after.trim_start_matches(['—', '-', '－', '～', '~', '至', '到']);
                rest.len() < after.len()
                    && rest
                        .split(|c: char| !(c.is_ascii_digit() || matches!(c, ':' | '∶' | '：')))
                        .next()
                        .is_some_and(|r| {
                            let parts: Vec<&str> = r.split([':', '∶', '：']).collect();
                            clock(&parts)
                        })
            }
    }
}
