//! `time-out-of-record-year`: dates after the record year (记述年度) in the
//! body of a yearbook.

use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use super::prose::{exempt, is_digit, skip_spaces, value};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::scan::{char_at, Words};
use crate::rules::{Context, Example, Rule, RuleDef};
use crate::span::Span;
use crate::syntax::TokenKind;

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "time-out-of-record-year",
    category: "time",
    summary: "events after the record year (record_year) need a reason to be in the volume",
    source: "yearbook 记述时限 (上年度1月1日至12月31日内发生的事件; 内容时限1月1日至12月31日); \
             catalogue TIME_OUT_OF_RECORD_YEAR",
    docs: DOCS,
    examples: &[
        Example::wrong(
            "本卷记述时限为2023年1月1日至12月31日。\n\n【工业园区】 2024年3月，园区污水处理厂竣工投产。",
            "the volume states its record year, 2023",
        ),
        Example::right(
            "本卷记述时限为2023年1月1日至12月31日。\n\n【工业园区】 园区污水处理厂于2023年5月开工（2024年3月竣工投产）。",
            "continuity in parentheses",
        ),
        Example::right(
            "2024年3月，园区污水处理厂竣工投产。",
            "no record year: configured nowhere and stated nowhere, so nothing is checked",
        ),
    ],
    defaults: include_str!("../../../rules/time/time-out-of-record-year.toml"),
    build,
};

const DOCS: &str = r#"A yearbook volume records one year, its record year (记述年度): the 2024
volume of a county yearbook usually records 2023. An event dated after
31 December of the record year belongs to the next volume, unless the text
says why it is here.

## The record year

* `record_year` in yblint.toml (`[rules.time-out-of-record-year]`,
  `record_year = 2023`): the year every checked draft records.
* Without it, a line of the draft that states the time limit, with a word of
  `record_year_markers` and exactly one year (`本卷记述时限为2023年1月1日至12月
  31日`), gives it; two such lines that disagree give none.
* Otherwise the rule says nothing. It never guesses the record year from a
  title such as `2024年鉴` or `石渠年鉴（2024）`: volume numbers follow
  several conventions (the 2024 volume may record 2023 or 2024).

## What it checks

Dates and years (`2024年3月`, `2024年`) in running text whose years all come
after the record year.

## What it leaves alone

* Years before the record year: background (`始建于1958年`, `比2019年增长`) is
  legitimate.
* Spans that start in or before the record year (`2023—2024学年`,
  `2021—2025年`, `2023年12月至2024年1月`).
* Dates in parentheses (continuity: `（2024年3月竣工投产）`), in quotations and
  book titles (`《…2024年…》`).
* Clauses with a word of `exempt_words`: time limits (`截至2024年3月`), plans
  and deadlines (`计划2025年建成`, `2024年起实施`), editions (`2024年鉴`).
* Sections and entries named in `exempt_sections` (`特载`, `附录` …).

## Settings (`[rules.time-out-of-record-year]` in yblint.toml)

* `severity`: `"warning"` (default), `"error"`, `"info"` or `"off"`.
* `record_year`: the record year (not set by default).
* `record_year_markers`: words of a line that states the time limit.
* `exempt_words`: words that give a later date in their clause a reason.
* `exempt_sections`: words in a heading or entry title whose section or
  entry is not checked.
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    #[serde(default)]
    record_year: Option<u32>,
    #[serde(deserialize_with = "crate::config::words")]
    record_year_markers: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    exempt_words: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    exempt_sections: Vec<String>,
}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let s: Settings = crate::rules::settings(value)?;
    Ok(Box::new(RecordYear {
        record_year: s.record_year.map(u64::from),
        markers: Words::new(&s.record_year_markers),
        exempt_words: Words::new(&s.exempt_words),
        exempt: Words::new(&s.exempt_sections),
    }))
}

struct RecordYear {
    record_year: Option<u64>,
    markers: Words,
    exempt_words: Words,
    exempt: Words,
}

/// The four-digit years written in `s` (runs of exactly four digits).
fn years(s: &str) -> Vec<u64> {
    let mut out = Vec::new();
    let mut run = String::new();
    for c in s.chars().chain(std::iter::once(' ')) {
        if is_digit(c) {
            run.push(c);
        } else {
            if run.chars().count() == 4 {
                out.extend(value(&run));
            }
            run.clear();
        }
    }
    out
}

/// The record year a draft states on a line with one of `markers` (and one
/// year only), with the line; None when no line states it or lines disagree.
fn stated_record_year(text: &str, markers: &Words) -> Option<(u64, String)> {
    let mut found: Option<(u64, String)> = None;
    for line in text.lines() {
        if !markers.any_in(line) {
            continue;
        }
        let mut ys = years(line);
        ys.sort_unstable();
        ys.dedup();
        if ys.len() != 1 {
            return None;
        }
        match &found {
            Some((y, _)) if *y != ys[0] => return None,
            Some(_) => {}
            None => found = Some((ys[0], line.trim().to_string())),
        }
    }
    found
}

impl Rule for RecordYear {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let text = cx.text;
        let (record, origin) = match self.record_year {
            Some(y) => (y, "`record_year` in the configuration".to_string()),
            None => match stated_record_year(text, &self.markers) {
                Some((y, line)) => (y, format!("stated in the draft: {line}")),
                None => return,
            },
        };
        for para in &cx.draft.paragraphs {
            if exempt(cx, para, &self.exempt) {
                continue;
            }
            for sentence in &para.sentences {
                if self.markers.any_in(sentence.span.slice(text)) {
                    continue;
                }
                for clause in &sentence.clauses {
                    let clause_text = clause.span.slice(text);
                    if self.exempt_words.any_in(clause_text) {
                        continue;
                    }
                    for token in clause
                        .tokens
                        .iter()
                        .filter(|t| matches!(t.kind, TokenKind::Time))
                    {
                        let ys = years(token.span.slice(text));
                        if ys.is_empty() || ys.iter().any(|y| *y <= record) {
                            continue;
                        }
                        // Inside parentheses: continuity, a note.
                        let before = &text[sentence.span.start..token.span.start];
                        let open = before.matches(['（', '(']).count();
                        let close = before.matches(['）', ')']).count();
                        if open > close {
                            continue;
                        }
                        // An edition or a title: 2024年鉴, 2024年版.
                        let after = skip_spaces(text, token.span.end);
                        if char_at(text, after).is_some_and(|c| c == '鉴' || c == '版') {
                            continue;
                        }
                        let written = token.span.slice(text);
                        out.push(
                            DEF.diagnostic(
                                Severity::Warning,
                                Span::new(token.span.start, token.span.end),
                                format!("`{written}` is after the record year {record}"),
                            )
                            .with_primary_text("after the record year")
                            .with_note(format!(
                                "a volume records its record year; move this to the next volume, or say why it is here (截至…, continuity in parentheses); record year {record}: {origin}"
                            )),
                        );
                    }
                }
            }
        }
    }
}
