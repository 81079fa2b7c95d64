//! `time-year-abbrev`: years written with two digits (`23年6月`,
//! `2019年～22年`, `九八年`).

use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use crate::text::slice;

use super::prose::{digit, digits_before, is_digit, pieces, skip_spaces, skip_spaces_back};
use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rules::scan::{char_at, char_before, Words};
use crate::rules::{Context, Example, Rule, RuleDef};
use crate::span::Span;

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "time-year-abbrev",
    category: "time",
    summary: "years are written in full (2023年6月, not 23年6月; 2019～2022年, not 2019～22年)",
    source: "GB/T 15835-2011 §5.1.4 (年份不能简写) and §5.2.2 (Chinese-numeral years); \
             catalogue TIME_YEAR_ABBREV",
    docs: DOCS,
    examples: &[
        Example::wrong("该项目23年6月竣工。", "a year in two digits"),
        Example::right("该项目2023年6月竣工。", ""),
        Example::wrong(
            "2019年～22年，全县累计新建农村公路320千米。",
            "the end of a range in two digits",
        ),
        Example::right("2019～2022年，全县累计新建农村公路320千米。", ""),
        Example::wrong(
            "九八年洪水冲毁堤防12千米。",
            "a Chinese-numeral year in two digits",
        ),
        Example::right(
            "该站已运行23年，历时三五年完成改造。",
            "durations: no month follows 23年, and 三五年 is an approximate number",
        ),
    ],
    defaults: include_str!("../../../rules/time/time-year-abbrev.toml"),
    build,
};

const DOCS: &str = r#"A year is written with all four digits: `2023年`, never `23年`; a range
keeps both years in full (`2019～2022年` or `2019年～2022年`, not `2019～22年`).
A Chinese-numeral year is not shortened either (`一九九八年`, not `九八年`),
because two Chinese digits read as an approximate number (`七八年`).

## What it checks

* Two Arabic digits, then `年`, then a month (`23年6月`).
* A four-digit year, a range mark (`～`, `—`, `-`, `至`, `到`) and two digits
  with `年` (`2019年～22年`, `2019-22年`). The fix (unsafe) writes the end
  year in full, in the century that makes it follow the start year.
* Two Chinese digits before `年` that cannot be an approximate number: a pair
  with `〇`/`零` (`〇八年`), or a pair whose second digit is not greater than
  the first (`九八年`, `八五年`).

## What it leaves alone

* Two digits before `年` with no month after it: a duration (`运行23年`).
* `N年M月` within a few characters after a word of `duration_words`
  (`有期徒刑3年6月`).
* Ascending Chinese pairs (`三五年`, `七八年`): approximate numbers.
* Quotations and book titles, and sections named in `exempt_sections`.

## Settings (`[rules.time-year-abbrev]` in yblint.toml)

* `severity`: `"warning"` (default), `"error"`, `"info"` or `"off"`.
* `duration_words`: words that make a following `N年M月` a duration.
* `exempt_sections`: words in a heading or entry title whose section or
  entry is not checked.
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    #[serde(deserialize_with = "crate::config::words")]
    duration_words: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    exempt_sections: Vec<String>,
}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let s: Settings = crate::rules::settings(value)?;
    Ok(Box::new(YearAbbrev {
        durations: Words::new(&s.duration_words),
        exempt: Words::new(&s.exempt_sections),
    }))
}

struct YearAbbrev {
    durations: Words,
    exempt: Words,
}

const RANGE_MARKS: &[char] = &['～', '~', '〜', '—', '－', '-', '至', '到'];

fn cn_digit(c: char) -> Option<u32> {
    "〇一二三四五六七八九"
        .chars()
        .position(|d| d == c)
        .map(|p| p as u32)
        .or((c == '零').then_some(0))
}

impl YearAbbrev {
    fn check_at(&self, cx: &Context<'_>, piece: Span, nian: usize, out: &mut Vec<Diagnostic>) {
        let text = cx.text;
        // Spaces before 年 at the start of the piece (an indented
        // paragraph) are not part of it.
        let end = skip_spaces_back(text, nian).max(piece.start);
        // Arabic digits before 年.
        if let Some((start, value)) = digits_before(text, end) {
            if start < piece.start || slice(text, start, end).chars().count() != 2 {
                return;
            }
            let year_span = Span::new(start, nian + '年'.len_utf8());
            if char_before(text, start).is_some_and(|c| c == '.' || c == '．' || c == '第') {
                return;
            }
            // A range whose end year lost its century: 2019年～22年.
            let before = skip_spaces_back(text, start);
            if let Some(mark) = char_before(text, before).filter(|c| RANGE_MARKS.contains(c)) {
                let mut p = skip_spaces_back(text, before - mark.len_utf8());
                if char_before(text, p) == Some('年') {
                    p = skip_spaces_back(text, p - '年'.len_utf8());
                }
                if let Some((s, first)) = digits_before(text, p) {
                    if text[s..p].chars().count() == 4 && s >= piece.start {
                        let century = first / 100 * 100;
                        let mut full = century + value;
                        if full < first {
                            full += 100;
                        }
                        let replacement = format!("{full}年");
                        out.push(
                            DEF.diagnostic(
                                Severity::Warning,
                                year_span,
                                format!(
                                    "the end of a range of years is written with two digits: `{}`",
                                    year_span.slice(text)
                                ),
                            )
                            .with_label(Span::new(s, p), "start year")
                            .with_note(format!("write the year in full: `{replacement}`"))
                            .with_fix(Fix::replace(
                                year_span,
                                replacement.clone(),
                                Applicability::Unsafe,
                                format!("write `{replacement}`"),
                            )),
                        );
                        return;
                    }
                }
            }
            // 23年6月: a month must follow.
            let after = skip_spaces(text, nian + '年'.len_utf8());
            let mut m = after;
            let mut n = 0;
            while let Some(c) = char_at(text, m).filter(|c| is_digit(*c)) {
                m += c.len_utf8();
                n += 1;
            }
            let m = skip_spaces(text, m);
            if !(1..=2).contains(&n) || char_at(text, m) != Some('月') {
                return;
            }
            let window_start = slice(text, piece.start, start)
                .char_indices()
                .rev()
                .nth(7)
                .map_or(piece.start, |(i, _)| piece.start + i);
            if self.durations.any_in(slice(text, window_start, start)) {
                return;
            }
            out.push(
                DEF.diagnostic(
                    Severity::Warning,
                    year_span,
                    format!(
                        "a year is written with two digits: `{}`",
                        year_span.slice(text)
                    ),
                )
                .with_primary_text("year")
                .with_note("write the year with all four digits (`2023年`, not `23年`)"),
            );
            return;
        }
        // Chinese digits before 年: 九八年, 〇八年.
        let mut chars = slice(text, piece.start, end).chars().rev();
        let (Some(b), Some(a)) = (chars.next(), chars.next()) else {
            return;
        };
        let (Some(db), Some(da)) = (cn_digit(b), cn_digit(a)) else {
            return;
        };
        let start = end - b.len_utf8() - a.len_utf8();
        if char_before(text, start).is_some_and(|c| {
            cn_digit(c).is_some() || "十百千万两第".contains(c) || digit(c).is_some()
        }) {
            return;
        }
        if char_at(text, nian + '年'.len_utf8()).is_some_and(|c| c == '代' || c == '级') {
            return;
        }
        let zero = a == '〇' || a == '零' || b == '〇' || b == '零';
        if !(zero || db <= da) {
            return;
        }
        let year_span = Span::new(start, nian + '年'.len_utf8());
        out.push(
            DEF.diagnostic(
                Severity::Warning,
                year_span,
                format!("a year is written with two digits: `{}`", year_span.slice(text)),
            )
            .with_primary_text("year")
            .with_note("write the year in full (`一九九八年` or `1998年`): two Chinese digits read as an approximate number"),
        );
    }
}

impl Rule for YearAbbrev {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for piece in pieces(cx, &self.exempt) {
            let s = piece.span.slice(cx.text);
            for (i, _) in s.match_indices('年') {
                self.check_at(cx, piece.span, piece.span.start + i, out);
            }
        }
    }
}
