//! `time-impossible-date`: Gregorian dates that do not exist (2月30日,
//! 4月31日, 2月29日 of a common year).

use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use super::prose::{digits_after, digits_before, skip_spaces, skip_spaces_back};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::scan::{char_at, char_before, Words};
use crate::rules::{Context, Example, Rule, RuleDef};
use crate::span::Span;

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "time-impossible-date",
    category: "time",
    summary: "dates must exist (no 2月30日, 4月31日, or 2月29日 in a common year)",
    source: "data-accuracy requirement of yearbooks (时间准确); catalogue TIME_IMPOSSIBLE_DATE",
    docs: DOCS,
    examples: &[
        Example::wrong(
            "2023年2月29日，县工业园区举行开工仪式。",
            "2023 is not a leap year",
        ),
        Example::right(
            "2024年2月29日，县工业园区举行开工仪式。",
            "2024 is a leap year",
        ),
        Example::wrong("6月31日，全县完成夏粮收购。", "June has 30 days"),
        Example::right(
            "农历二月三十日，村民举行传统庙会。",
            "Chinese-numeral (lunar) dates are not checked",
        ),
    ],
    defaults: include_str!("../../../rules/time/time-impossible-date.toml"),
    build,
};

const DOCS: &str = r#"A date must exist in the Gregorian calendar: no `2月30日`, no `4月31日`,
no `2月29日` in a year that is not a leap year, no `13月`, no `0日`. Such a
date is a typing error and must be checked against the source.

## What it checks

Dates in Arabic digits with `月` and `日` (or `号`): `2023年2月29日`,
`6月31日`, and both ends of a day range (`3月30—32日`). `2月29日` is checked
only when the year is known: written in the date, or the last year written
before it in the same sentence (`2023年…，2月29日…`).

## What it leaves alone

* Dates in Chinese numerals (`二〇二三年二月三十日`, `二月三十`): lunar dates and
  the dates of documents are written that way.
* Dates after a word of `lunar_words` in the same sentence (`农历2月30日`).
* `2月29日` with no year in its sentence.

## Settings (`[rules.time-impossible-date]` in yblint.toml)

* `severity`: `"error"` (default), `"warning"`, `"info"` or `"off"`.
* `lunar_words`: words that mark lunar dates.
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    #[serde(deserialize_with = "crate::config::words")]
    lunar_words: Vec<String>,
}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let s: Settings = crate::rules::settings(value)?;
    Ok(Box::new(ImpossibleDate {
        lunar: Words::new(&s.lunar_words),
    }))
}

struct ImpossibleDate {
    lunar: Words,
}

fn leap(year: u64) -> bool {
    // Remainders bound first: the crate builds on Rust 1.80 (no is_multiple_of).
    let (r4, r100, r400) = (year % 4, year % 100, year % 400);
    (r4 == 0 && r100 != 0) || r400 == 0
}

/// Days in `month` (1–12); February has 29 when the year is unknown.
fn days_in(month: u64, year: Option<u64>) -> u64 {
    match month {
        2 => match year {
            Some(y) if !leap(y) => 28,
            _ => 29,
        },
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The last four-digit year written with `年` in `text[from..to]`.
fn last_year(text: &str, from: usize, to: usize) -> Option<u64> {
    let hay = &text[from..to];
    hay.match_indices('年').rev().find_map(|(i, _)| {
        let end = skip_spaces_back(text, from + i);
        let (start, v) = digits_before(text, end)?;
        (start >= from && text[start..end].chars().count() == 4).then_some(v)
    })
}

impl ImpossibleDate {
    fn check_month(&self, cx: &Context<'_>, sentence: Span, yue: usize, out: &mut Vec<Diagnostic>) {
        let text = cx.text;
        let end = skip_spaces_back(text, yue);
        let Some((mstart, month)) = digits_before(text, end) else {
            return;
        };
        if mstart < sentence.start
            || text[mstart..end].chars().count() > 2
            || char_before(text, mstart).is_some_and(|c| matches!(c, '.' | '．' | '第' | '-' | '/'))
        {
            return;
        }
        // The day(s): D日, D—D日.
        let after = skip_spaces(text, yue + '月'.len_utf8());
        let Some((dend, day)) = digits_after(text, after) else {
            return;
        };
        let mut days = vec![(Span::new(after, dend), day)];
        let mut p = skip_spaces(text, dend);
        if let Some(mark) =
            char_at(text, p).filter(|c| matches!(c, '—' | '－' | '-' | '～' | '~' | '至' | '到'))
        {
            let q = skip_spaces(text, p + mark.len_utf8());
            if let Some((e2, d2)) = digits_after(text, q) {
                let r = skip_spaces(text, e2);
                if matches!(char_at(text, r), Some('日' | '号')) {
                    days.push((Span::new(q, e2), d2));
                    p = r;
                }
            }
        }
        if !matches!(char_at(text, p), Some('日' | '号')) {
            return;
        }
        let unit_end = p + '日'.len_utf8();
        if self.lunar.any_in(&text[sentence.start..mstart]) {
            return;
        }
        // The year: written in the date, or the last one before it in the sentence.
        let ybefore = skip_spaces_back(text, mstart);
        let own_year = if char_before(text, ybefore) == Some('年') {
            let yend = skip_spaces_back(text, ybefore - '年'.len_utf8());
            digits_before(text, yend)
                .filter(|(s, _)| text[*s..yend].chars().count() == 4 && *s >= sentence.start)
        } else {
            None
        };
        let start = own_year.map_or(mstart, |(s, _)| s);
        let year = own_year
            .map(|(_, v)| v)
            .or_else(|| last_year(text, sentence.start, mstart));
        let date = Span::new(start, unit_end);
        let written = date.slice(text);
        if !(1..=12).contains(&month) {
            out.push(
                DEF.diagnostic(
                    Severity::Error,
                    date,
                    format!("`{written}` does not exist: there is no month {month}"),
                )
                .with_label(Span::new(mstart, yue + '月'.len_utf8()), "month")
                .with_note("check the date against the source"),
            );
            return;
        }
        for (span, day) in days {
            let max = days_in(month, year);
            if day >= 1 && day <= max {
                continue;
            }
            let reason = if day == 0 {
                "there is no day 0".to_string()
            } else if month == 2 && day == 29 {
                format!(
                    "{} is not a leap year",
                    year.map_or(String::new(), |y| y.to_string())
                )
            } else {
                format!("month {month} has {max} days")
            };
            let mut d = DEF
                .diagnostic(
                    Severity::Error,
                    date,
                    format!("`{written}` does not exist: {reason}"),
                )
                .with_label(span, "day")
                .with_note("check the date against the source");
            if own_year.is_none() && month == 2 && day == 29 {
                d = d.with_note(format!(
                    "the year is {} as written earlier in the sentence",
                    year.unwrap_or_default()
                ));
            }
            out.push(d);
        }
    }
}

impl Rule for ImpossibleDate {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for para in &cx.draft.paragraphs {
            for sentence in &para.sentences {
                let s = sentence.span.slice(cx.text);
                for (i, _) in s.match_indices('月') {
                    self.check_month(cx, sentence.span, sentence.span.start + i, out);
                }
            }
        }
    }
}
