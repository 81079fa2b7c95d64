//! `punct-ellipsis-with-deng`: an ellipsis already says “and so on”; it does
//! not stand beside 等 or 等等.

use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use super::ellipsis_form::wrong_ellipses;
use super::guard::Guard;
use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rules::scan::Words;
use crate::rules::{Context, Example, Rule, RuleDef};
use crate::span::Span;

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "punct-ellipsis-with-deng",
    category: "punctuation",
    summary: "an ellipsis and 等 (等等) say the same; use one of them",
    source: "GB/T 15834-2011 §4.11 and editorial practice (省略号与“等”“等等”不并用); \
             catalogue PUNCT_ELLIPSIS_WITH_DENG",
    docs: DOCS,
    examples: &[
        Example::wrong("种植水稻、玉米、油菜……等作物。", "ellipsis before 等"),
        Example::wrong("种植水稻、玉米、油菜等等……", "ellipsis after 等等"),
        Example::right("种植水稻、玉米、油菜等作物。", ""),
        Example::right("评定标准分为一……等级。", "等级 is a word, not 等"),
    ],
    defaults: include_str!("../../../rules/punctuation/punct-ellipsis-with-deng.toml"),
    build,
};

const DOCS: &str = r#"An ellipsis at the end of a list means “and so on”, as 等 does; one of them
is redundant (`油菜……等作物` → `油菜等作物`). The fix (safe) removes the
ellipsis and keeps 等.

## What it checks

An ellipsis in any form (`……`, `…`, `...`, `。。。`) right before 等, or
right after 等 or 等等.

## What it leaves alone

Words that begin with 等 (`等级`, `等于`, `等待` …): the setting `words`
lists them, so an office can add its own.

## Settings

* `words`: words starting with 等 that are not the particle 等.
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    #[serde(deserialize_with = "crate::config::words")]
    words: Vec<String>,
}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let s: Settings = crate::rules::settings(value)?;
    Ok(Box::new(EllipsisWithDeng {
        words: Words::new(&s.words),
    }))
}

/// The `punct-ellipsis-with-deng` rule with its list of 等 words.
pub struct EllipsisWithDeng {
    words: Words,
}

impl Rule for EllipsisWithDeng {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let text = cx.text;
        let guard = Guard::new(text);
        let mut ellipses = wrong_ellipses(text, &guard);
        // Right ones too: runs of exactly two (or four) “…”.
        let mut i = 0;
        while let Some(k) = text[i..].find('…') {
            let start = i + k;
            let len = text[start..].len() - text[start..].trim_start_matches('…').len();
            ellipses.push(Span::new(start, start + len));
            i = start + len;
        }
        ellipses.sort();
        ellipses.dedup();
        for e in ellipses {
            if guard.touches(e) {
                continue;
            }
            let after = &text[e.end..];
            let before = &text[..e.start];
            let deng_after = after.starts_with('等') && !self.is_word(after);
            let deng_before = before.ends_with('等');
            if !deng_after && !deng_before {
                continue;
            }
            let written = e.slice(text);
            let (span, message) = if deng_after {
                (
                    Span::new(e.start, e.end + '等'.len_utf8()),
                    format!("ellipsis `{written}` before 等"),
                )
            } else {
                let deng = if before.ends_with("等等") {
                    "等等"
                } else {
                    "等"
                };
                (
                    Span::new(e.start - deng.len(), e.end),
                    format!("ellipsis `{written}` after {deng}"),
                )
            };
            out.push(
                DEF.diagnostic(Severity::Warning, span, message)
                    .with_note("an ellipsis already means “and so on”: keep either it or 等")
                    .with_fix(Fix::replace(
                        e,
                        "",
                        Applicability::Safe,
                        format!("remove `{written}`"),
                    )),
            );
        }
    }
}

impl EllipsisWithDeng {
    /// True when `after` starts with a word that begins with 等.
    fn is_word(&self, after: &str) -> bool {
        let head: String = after.chars().take(4).collect();
        self.words
            .find_all(&head)
            .first()
            .is_some_and(|(s, _)| s.start == 0)
    }
}
