//! `num-approx-ji`: 几 joined with Arabic digits (`10几个`, `几10万元`).

use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use super::prose::{longest_prefix, Prose};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Example, Rule, RuleDef};
use crate::span::Span;

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "num-approx-ji",
    category: "number",
    summary: "an approximate number with 几 is written in Chinese numerals (10几个 → 十几个)",
    source: "GB/T 15835-2011 §4.2.2 (≈: 概数 with 几 in Chinese numerals); catalogue NUM_APPROX_JI",
    docs: DOCS,
    examples: &[
        Example::wrong("组织10几个行政村的党员参加培训。", ""),
        Example::wrong("每年投入几10万元维护村道。", ""),
        Example::right(
            "组织十几个行政村的党员参加培训，每年投入几十万元维护村道。",
            "",
        ),
        Example::right(
            "全年降水量1200毫米，几乎是常年的两倍。",
            "几乎 is a word, not the numeral 几",
        ),
    ],
    defaults: include_str!("../../../rules/number/num-approx-ji.toml"),
    build,
};

const DOCS: &str = r#"An approximate number formed with 几 is written in Chinese numerals:
`十几个`, `几十万元`, `二十几年`; never `10几个` or `几10万元`.

## What it checks

几 written right after or right before Arabic digits (half- or full-width),
in running text.

## What it leaves alone

Words that begin with 几 (`几乎`, `几何`, `几率`: the `not_words` list), and
quoted text and titles.

## Settings

* `not_words`: words beginning with 几 that are not the numeral.
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    #[serde(deserialize_with = "crate::config::words")]
    not_words: Vec<String>,
}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let s: Settings = crate::rules::settings(value)?;
    Ok(Box::new(ApproxJi {
        not_words: s.not_words,
    }))
}

struct ApproxJi {
    not_words: Vec<String>,
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

impl ApproxJi {
    fn find(&self, s: &str, base: usize) -> Vec<Span> {
        let mut out = Vec::new();
        for (i, _) in s.match_indices('几') {
            if longest_prefix(&self.not_words, &s[i..]).is_some() {
                continue;
            }
            let end_ji = i + '几'.len_utf8();
            let before = s[..i]
                .char_indices()
                .rev()
                .take_while(|(_, c)| is_digit(*c))
                .last()
                .map(|(j, _)| j);
            let after = s[end_ji..]
                .char_indices()
                .take_while(|(_, c)| is_digit(*c))
                .last()
                .map(|(j, c)| end_ji + j + c.len_utf8());
            match (before, after) {
                (Some(start), _) => out.push(Span::new(base + start, base + end_ji)),
                (None, Some(end)) => out.push(Span::new(base + i, base + end)),
                _ => {}
            }
        }
        out
    }
}

impl Rule for ApproxJi {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let prose = Prose::new(cx.text, cx.draft);
        for span in prose.scan(|s, base| self.find(s, base)) {
            let written = span.slice(cx.text);
            out.push(
                DEF.diagnostic(
                    Severity::Error,
                    span,
                    format!("`{written}` joins 几 with Arabic digits: write the approximate number in Chinese numerals"),
                )
                .with_note("概数 with 几 are written in Chinese numerals (十几个, 几十万元)"),
            );
        }
    }
}
