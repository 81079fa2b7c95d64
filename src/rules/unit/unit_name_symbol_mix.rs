//! `unit-name-symbol-mix`: a compound unit mixing a Chinese unit name and
//! an international symbol (`m³/秒`, `千米/h`).

use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::number::prose::{latin_word, longest_prefix, longest_suffix, Prose};
use crate::rules::{Context, Example, Rule, RuleDef};
use crate::span::Span;

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "unit-name-symbol-mix",
    category: "unit",
    summary: "a compound unit is written all in names (立方米/秒) or all in symbols (m³/s), not mixed (m³/秒)",
    source: "GB 3101-1993 §3 (unit names and symbols are not mixed in one compound unit); \
             catalogue UNIT_NAME_SYMBOL_MIX",
    docs: DOCS,
    examples: &[
        Example::wrong("汛期河道最大流量15m³/秒。", ""),
        Example::wrong("城区道路限速60千米/h。", ""),
        Example::right("汛期河道最大流量15立方米/秒，城区道路限速60 km/h，蔬菜均价3.5元/kg。", "元 is not a unit of measurement"),
    ],
    defaults: include_str!("../../../rules/unit/unit-name-symbol-mix.toml"),
    build,
};

const DOCS: &str = r#"A compound unit is written in unit names (`立方米/秒`, `千米/时`) or in
unit symbols (`m³/s`, `km/h`), never half and half (`m³/秒`, `千米/h`).

## What it checks

A `/` (or `／`) with a unit name of `units` on one side and a unit symbol of
`units` on the other, right against it.

## What it leaves alone

Prices and counts per unit (`元/kg`, `人/km²`: 元 and 人 are not units of
measurement), names or symbols on both sides, Latin words that only end or
start with a symbol (`program/秒`), and quoted text and titles.

## Settings

* `units`: pairs `[name, symbol]` of the same unit; the message suggests
  the whole compound in names or in symbols from them.
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    units: Vec<(String, String)>,
}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let s: Settings = crate::rules::settings(value)?;
    if s.units
        .iter()
        .any(|(n, y)| n.trim().is_empty() || y.trim().is_empty())
    {
        return Err(serde::de::Error::custom(
            "a unit pair has an empty name or symbol",
        ));
    }
    let names = s.units.iter().map(|(n, _)| n.clone()).collect();
    Ok(Box::new(Mix { s, names }))
}

struct Mix {
    s: Settings,
    names: Vec<String>,
}

/// The Latin word (letters, then 2/3/²/³) that ends `s`, when nothing
/// alphanumeric stands before it.
fn latin_suffix(s: &str) -> Option<&str> {
    let body = s.trim_end_matches(['2', '3', '²', '³']);
    let letters = body.len()
        - body
            .trim_end_matches(|c: char| c.is_ascii_alphabetic())
            .len();
    if letters == 0 {
        return None;
    }
    let start = body.len() - letters;
    if s[..start]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
    {
        return None;
    }
    Some(&s[start..])
}

enum Side {
    Name(String),
    Symbol(String),
}

impl Mix {
    fn symbol(&self, word: &str) -> bool {
        self.s.units.iter().any(|(_, y)| y == word)
    }

    fn left(&self, s: &str) -> Option<(usize, Side)> {
        if let Some(l) = latin_suffix(s).filter(|l| self.symbol(l)) {
            return Some((l.len(), Side::Symbol(l.to_string())));
        }
        let n = longest_suffix(&self.names, s)?;
        Some((n.len(), Side::Name(n.to_string())))
    }

    fn right(&self, s: &str) -> Option<(usize, Side)> {
        if let Some(l) = latin_word(s).filter(|l| self.symbol(l)) {
            return Some((l.len(), Side::Symbol(l.to_string())));
        }
        let n = longest_prefix(&self.names, s)?;
        Some((n.len(), Side::Name(n.to_string())))
    }

    fn name_of(&self, side: &Side) -> String {
        match side {
            Side::Name(n) => n.clone(),
            Side::Symbol(y) => self
                .s
                .units
                .iter()
                .find(|(_, s)| s == y)
                .map_or_else(|| y.clone(), |(n, _)| n.clone()),
        }
    }

    fn symbol_of(&self, side: &Side) -> String {
        match side {
            Side::Symbol(y) => y.clone(),
            Side::Name(n) => self
                .s
                .units
                .iter()
                .find(|(m, _)| m == n)
                .map_or_else(|| n.clone(), |(_, y)| y.clone()),
        }
    }

    fn find(&self, s: &str, base: usize) -> Vec<(Span, String)> {
        let mut out = Vec::new();
        for (i, slash) in s.match_indices(['/', '／']) {
            let Some((ll, left)) = self.left(&s[..i]) else {
                continue;
            };
            let after = i + slash.len();
            let Some((rl, right)) = self.right(&s[after..]) else {
                continue;
            };
            let mixed = matches!(
                (&left, &right),
                (Side::Name(_), Side::Symbol(_)) | (Side::Symbol(_), Side::Name(_))
            );
            if !mixed {
                continue;
            }
            let names = format!("{}/{}", self.name_of(&left), self.name_of(&right));
            let symbols = format!("{}/{}", self.symbol_of(&left), self.symbol_of(&right));
            out.push((
                Span::new(base + i - ll, base + after + rl),
                format!("write it in names ({names}) or in symbols ({symbols})"),
            ));
        }
        out
    }
}

impl Rule for Mix {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let prose = Prose::new(cx.text, cx.draft);
        for s in prose.sentence_spans() {
            for (span, advice) in self.find(s.slice(cx.text), s.start) {
                if prose.is_quoted(span) {
                    continue;
                }
                let unit = span.slice(cx.text);
                out.push(
                    DEF.diagnostic(
                        Severity::Error,
                        span,
                        format!("`{unit}` mixes a unit name and a unit symbol: {advice}"),
                    )
                    .with_note(
                        "unit names and symbols are not mixed in one compound unit (GB 3101-1993)",
                    ),
                );
            }
        }
    }
}
