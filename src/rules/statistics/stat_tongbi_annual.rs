//! `stat-tongbi-annual`: `同比` for full-year figures, `比上年同期同比`
//! (redundant), `环比` against `上年同期` (contradictory).

use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::scan::Words;
use crate::rules::{Context, Example, Rule, RuleDef};
use crate::span::Span;
use crate::syntax::TokenKind;

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "stat-tongbi-annual",
    category: "statistics",
    summary: "同比 compares periods within a year: 比上年 for full years; not with 比上年同期; 环比 never with 上年同期",
    source: "statistical usage (同比 = compared with the same period of the previous year; \
             环比 = with the previous period); catalogue STAT_TONGBI_ANNUAL",
    docs: DOCS,
    examples: &[
        Example::wrong("全县粮食产量比上年同期同比增长3.1%。", "redundant: 同比 says 比上年同期"),
        Example::wrong("全年粮食产量同比增长3.1%。", "a full year: write 比上年 (information)"),
        Example::right("全年粮食产量比上年增长3.1%。", ""),
        Example::right(
            "1—6月，全县规模以上工业增加值同比增长6.2%。",
            "同比 for part of a year is right",
        ),
    ],
    defaults: include_str!("../../../rules/statistics/stat-tongbi-annual.toml"),
    build,
};

const DOCS: &str = r#"`同比` compares a period with the same period of the previous year (a month,
a quarter, the first half); for a whole year yearbooks write `比上年`.
`比上年同期同比增长` says the comparison twice, and `环比` (with the previous
period) cannot be `上年同期`.

## What it checks

* `同比` in a clause that already has a phrase of `comparisons`
  (`比上年同期同比增长`): a warning (redundant).
* `环比` in a clause with a phrase of `same_period` (`环比上年同期增长`): a
  warning (contradictory).
* `同比` in a sentence about a whole year — one with a word of `annual_words`
  (`全年`) or a year alone (`2023年，…`) before it, and no word of
  `period_words` anywhere in it: information only, since some publishers
  accept `同比` for annual data.

## What it leaves alone

* `同比` for months, quarters, half-years, holidays (`1—6月`, `一季度`,
  `春节期间`): the sentence has a word of `period_words` or a date with a month.
* Quotations and book titles.

## Settings (`[rules.stat-tongbi-annual]` in yblint.toml)

* `severity`: `"warning"` (default), `"error"`, `"info"` or `"off"`.
* `comparisons`: phrases that make `同比` redundant in their clause.
* `same_period`: phrases that contradict `环比` in their clause.
* `annual_words`: words that make a sentence about a whole year.
* `period_words`: words that make a sentence about part of a year.
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    #[serde(deserialize_with = "crate::config::words")]
    comparisons: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    same_period: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    annual_words: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    period_words: Vec<String>,
}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let s: Settings = crate::rules::settings(value)?;
    Ok(Box::new(Tongbi {
        comparisons: Words::new(&s.comparisons),
        same_period: Words::new(&s.same_period),
        annual: Words::new(&s.annual_words),
        period: Words::new(&s.period_words),
    }))
}

struct Tongbi {
    comparisons: Words,
    same_period: Words,
    annual: Words,
    period: Words,
}

/// A time token that is a year alone: `2023年`, `2023年度`.
fn bare_year(s: &str) -> bool {
    let s: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
        .collect();
    let digits = s
        .chars()
        .take_while(|c| crate::rules::time::prose::is_digit(*c))
        .count();
    digits == 4
        && matches!(
            &s[s.char_indices().nth(4).map_or(s.len(), |(i, _)| i)..],
            "年" | "年度"
        )
}

impl Rule for Tongbi {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let text = cx.text;
        for para in &cx.draft.paragraphs {
            for sentence in &para.sentences {
                let stext = sentence.span.slice(text);
                if !stext.contains("同比") && !stext.contains("环比") {
                    continue;
                }
                let mut annual_reported = false;
                for clause in &sentence.clauses {
                    for token in &clause.tokens {
                        if !matches!(token.kind, TokenKind::Han) {
                            continue;
                        }
                        let t = token.span.slice(text);
                        for (i, _) in t.match_indices("同比").chain(t.match_indices("环比")) {
                            let span = Span::new(
                                token.span.start + i,
                                token.span.start + i + "同比".len(),
                            );
                            let word = span.slice(text);
                            let clause_text = clause.span.slice(text);
                            if word == "环比" {
                                if let Some((s, p)) =
                                    self.same_period.find_all(clause_text).into_iter().next()
                                {
                                    out.push(
                                        DEF.diagnostic(
                                            Severity::Warning,
                                            span,
                                            format!("`环比` compares with the previous period, not with `{p}`"),
                                        )
                                        .with_label(s.shifted(clause.span.start), "same period of the previous year")
                                        .with_note("write `同比` (or `比上年同期`) for the same period of the previous year; `环比` for the period just before"),
                                    );
                                }
                                continue;
                            }
                            if let Some((s, p)) =
                                self.comparisons.find_all(clause_text).into_iter().next()
                            {
                                out.push(
                                    DEF.diagnostic(
                                        Severity::Warning,
                                        span,
                                        format!("`同比` repeats `{p}`"),
                                    )
                                    .with_label(s.shifted(clause.span.start), "already compares")
                                    .with_note(format!("write `{p}` or `同比`, not both")),
                                );
                                continue;
                            }
                            if annual_reported || self.period.any_in(stext) {
                                continue;
                            }
                            let before = &text[sentence.span.start..span.start];
                            let year_alone = sentence
                                .clauses
                                .iter()
                                .flat_map(|c| &c.tokens)
                                .filter(|t| t.span.end <= span.start)
                                .any(|t| {
                                    matches!(t.kind, TokenKind::Time)
                                        && bare_year(t.span.slice(text))
                                });
                            let month = sentence.clauses.iter().flat_map(|c| &c.tokens).any(|t| {
                                matches!(t.kind, TokenKind::Time) && !bare_year(t.span.slice(text))
                            });
                            if month || !(self.annual.any_in(before) || year_alone) {
                                continue;
                            }
                            annual_reported = true;
                            out.push(
                                DEF.diagnostic(
                                    Severity::Info,
                                    span,
                                    "`同比` for a whole year: write `比上年`",
                                )
                                .with_note("`同比` compares a period within the year (a month, a quarter) with the same period of the previous year"),
                            );
                        }
                    }
                }
            }
        }
    }
}
