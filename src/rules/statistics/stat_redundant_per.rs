//! `stat-redundant-per`: `年均每年`, `日均每天`, `人均每人`: the averaging
//! word already contains the period or the person.

use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rules::scan::Words;
use crate::rules::time::prose::{pieces, skip_spaces};
use crate::rules::{Context, Example, Rule, RuleDef};
use crate::span::Span;

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "stat-redundant-per",
    category: "statistics",
    summary: "no 每… after an averaging word that contains it (年均每年, 日均每天, 人均每人)",
    source:
        "statistical and editorial usage (语义重复: 年均 = 平均每年); catalogue STAT_REDUNDANT_PER",
    docs: DOCS,
    examples: &[
        Example::wrong("2019—2023年，全县游客接待量年均每年增长12%。", ""),
        Example::right("2019—2023年，全县游客接待量年均增长12%。", ""),
        Example::wrong("景区日均每天接待游客2000人次。", ""),
        Example::right(
            "全县人均每年献血量0.8次，平均每天接待2000人次。",
            "人均 with 每年 is per person per year; 平均每天 is one phrase",
        ),
    ],
    defaults: include_str!("../../../rules/statistics/stat-redundant-per.toml"),
    build,
};

const DOCS: &str = r#"An averaging word already says what it is averaged over: `年均` is `平均每年`,
`日均` is `平均每天`, `人均` is `平均每人`. `年均每年增长12%` says it twice; write
`年均增长12%` (or `平均每年增长12%`).

## What it checks

The two words of a pair of `pairs` written side by side (spaces aside):
`年均每年`, `日均每天`, `人均每人`, `时速每小时`. The fix (safe) drops the `每…`
phrase.

## What it leaves alone

* An averaging word with another period (`人均每年`: per person and year).
* `平均每天`, `平均每人`: one phrase, not a repetition.
* The two words apart (`人均收入每月…`): the sentence may mean two things.
* Quotations and book titles.

## Settings (`[rules.stat-redundant-per]` in yblint.toml)

* `severity`: `"warning"` (default), `"error"`, `"info"` or `"off"`.
* `pairs`: an averaging word and the `每…` phrase it contains: `[average, per]`.
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    #[serde(deserialize_with = "crate::rules::time::prose::pairs")]
    pairs: Vec<(String, String)>,
}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let s: Settings = crate::rules::settings(value)?;
    let mut averages: Vec<String> = s.pairs.iter().map(|(a, _)| a.clone()).collect();
    averages.sort();
    averages.dedup();
    Ok(Box::new(RedundantPer {
        averages: Words::new(&averages),
        pairs: s.pairs,
    }))
}

struct RedundantPer {
    averages: Words,
    pairs: Vec<(String, String)>,
}

impl Rule for RedundantPer {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let text = cx.text;
        for piece in pieces(cx, &Words::new(&[])) {
            for (avg, word) in self.averages.find_all(piece.span.slice(text)) {
                let avg = avg.shifted(piece.span.start);
                let next = skip_spaces(text, avg.end);
                let rest = &text[next..piece.span.end];
                let Some(per) = self
                    .pairs
                    .iter()
                    .filter(|(a, p)| a == word && rest.starts_with(p.as_str()))
                    .map(|(_, p)| p)
                    .max_by_key(|p| p.len())
                else {
                    continue;
                };
                let per_span = Span::new(next, next + per.len());
                let span = Span::new(avg.start, per_span.end);
                out.push(
                    DEF.diagnostic(
                        Severity::Warning,
                        span,
                        format!(
                            "`{word}` already means `{per}`: `{}` says it twice",
                            span.slice(text)
                        ),
                    )
                    .with_label(per_span, "redundant")
                    .with_note(format!("write `{word}` alone (or `平均{}`)", per))
                    .with_fix(Fix::replace(
                        Span::new(avg.end, per_span.end),
                        "",
                        Applicability::Safe,
                        format!("drop `{per}`"),
                    )),
                );
            }
        }
    }
}
