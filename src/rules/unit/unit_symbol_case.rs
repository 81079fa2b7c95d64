//! `unit-symbol-case`: unit symbols in the wrong case (`50KG`, `2000KW`,
//! `500万KWH`).

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use super::after_number::{in_code, word_table};
use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rules::number::prose::{latin_word, longest_prefix, written};
use crate::rules::{Context, Example, Rule, RuleDef};
use crate::span::Span;

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "unit-symbol-case",
    category: "unit",
    summary: "unit symbols have a fixed case: kg, km, kW, kW·h, m² (not KG, KM, KW, KWH, m2)",
    source: "GB 3100-1993, GB 3101-1993 (unit symbols and their case); catalogue UNIT_SYMBOL_CASE",
    docs: DOCS,
    examples: &[
        Example::wrong("每袋化肥50KG，新增装机容量2000KW。", ""),
        Example::right("每袋化肥50 kg，新增装机容量2000 kW。", ""),
        Example::right(
            "采购XK20KW型柴油发电机组2台。",
            "a model number, not a figure with a unit",
        ),
    ],
    defaults: include_str!("../../../rules/unit/unit-symbol-case.toml"),
    build,
};

const DOCS: &str = r#"A unit symbol has one spelling and its case is part of it: `kg`, `km`,
`kW`, `kW·h`, `m²`, `mL`. `KG`, `Kg`, `KM`, `KW`, `Kw`, `KWH`, `m2` are
wrong (`K` is kelvin, `M` mega, `W` watt).

## What it checks

A number followed by a Latin word (with a `2`/`3`/`²`/`³` after it) that is
a key of `symbols`, compared with its case.

## What it leaves alone

* Model numbers and codes: a number with a Latin letter or `-` right before
  it (`XK20KW`), or a symbol followed by a word of `model_words` (`型`, `号`,
  `系列`).
* Symbols in the right case, Chinese unit names, and quoted text and titles.

## Fix

A safe fix writes the symbol as `symbols` gives it (`50KG` → `50kg`): the
same unit, spelled right. `m2` → `m²` gets no fix (it would remove a digit
character, which no fix does).

## Settings

* `symbols`: wrong spelling → right one.
* `model_words`: words after a symbol that make the whole a model name.
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    #[serde(deserialize_with = "word_table")]
    symbols: BTreeMap<String, String>,
    #[serde(deserialize_with = "crate::config::words")]
    model_words: Vec<String>,
}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let s: Settings = crate::rules::settings(value)?;
    Ok(Box::new(SymbolCase { s }))
}

struct SymbolCase {
    s: Settings,
}

impl Rule for SymbolCase {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for w in written(cx.text, cx.draft) {
            if w.is_percent() || in_code(cx.text, &w) {
                continue;
            }
            let rest = &cx.text[w.unit_at..];
            let Some(word) = latin_word(rest) else {
                continue;
            };
            let Some(right) = self.s.symbols.get(word) else {
                continue;
            };
            if longest_prefix(&self.s.model_words, &rest[word.len()..]).is_some() {
                continue;
            }
            let unit = Span::new(w.unit_at, w.unit_at + word.len());
            let span = Span::new(w.span.start, unit.end);
            let written = span.slice(cx.text);
            let mut d = DEF
                .diagnostic(
                    Severity::Warning,
                    unit,
                    format!("`{written}`: the unit symbol is written `{right}`, not `{word}`"),
                )
                .with_note("the case of a unit symbol is part of it (GB 3101-1993)");
            // `m2` → `m²` drops a digit character: no fix changes digits.
            if !word.contains(|c: char| c.is_ascii_digit()) {
                d = d.with_fix(Fix::replace(
                    unit,
                    right.clone(),
                    Applicability::Safe,
                    format!("write `{right}`"),
                ));
            }
            out.push(d);
        }
    }
}
