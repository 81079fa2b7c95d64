//! `unit-abolished-symbols`: abolished units and abbreviations after a
//! number (`0.5ppm`, `120马力`, `3.2亿度` of electricity).

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
    name: "unit-abolished-symbols",
    category: "unit",
    summary: "abolished units and abbreviations (ppm, 马力, 大卡, cc; 度 for electricity → 千瓦时)",
    source: "GB 3100-1993 (法定计量单位; ppm, rpm, kgf, kcal, 马力 abolished); catalogue UNIT_ABOLISHED_SYMBOLS",
    docs: DOCS,
    examples: &[
        Example::wrong("抽检蔬菜农药残留均低于0.5ppm。", ""),
        Example::wrong("全年全社会用电量3.2亿度。", "度 for electricity"),
        Example::right(
            "全年全社会用电量3.2亿千瓦时，年平均气温16.8度，坡度25度以上耕地退耕。",
            "度 as a temperature or an angle is another rule's matter",
        ),
    ],
    defaults: include_str!("../../../rules/unit/unit-abolished-symbols.toml"),
    build,
};

const DOCS: &str = r#"Units and abbreviations abolished with the legal units of measurement:
`ppm`/`ppb` (write 毫克/千克, 10⁻⁶), `rpm` (转/分), `kgf`, `kcal`/`大卡`
(千焦), `马力` (千瓦), `cc` (毫升); and `度` for electricity, which is
`千瓦时` (1 度 = 1 千瓦时).

## What it checks

* A number followed by a word of `symbols` (Latin words compared without
  regard to case, as a whole word: `0.5ppm`, `0.5 PPM`, `120马力`).
* A number followed by 度 when the words before it in the clause name
  electricity (`electricity_words`: `用电`, `发电量`, `电量` …) and none of
  `not_electricity_words` (`气温`, `坡度` …).

## What it leaves alone

Numbers inside codes (`XK-20cc`), Latin words that only start with a symbol
(`5ccm`), 度 as a temperature, angle or degree (another sense of the word),
and quoted text and titles. `M` for mol/L is not checked: it is too often a
size or a model.

## Fix

An unsafe fix renames 度 to 千瓦时 in an electricity clause (the same unit);
the others need a conversion and get no fix.

## Settings

* `symbols`: abolished unit → what to write instead.
* `electricity_words`: words that make 度 a unit of electricity.
* `not_electricity_words`: words that make 度 a temperature, angle or degree.
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    #[serde(deserialize_with = "word_table")]
    symbols: BTreeMap<String, String>,
    #[serde(deserialize_with = "crate::config::words")]
    electricity_words: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    not_electricity_words: Vec<String>,
}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let s: Settings = crate::rules::settings(value)?;
    let chinese = s
        .symbols
        .keys()
        .filter(|k| !k.is_ascii())
        .cloned()
        .collect();
    Ok(Box::new(Abolished { s, chinese }))
}

struct Abolished {
    s: Settings,
    chinese: Vec<String>,
}

impl Rule for Abolished {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for w in written(cx.text, cx.draft) {
            if w.is_percent() || in_code(cx.text, &w) {
                continue;
            }
            let rest = &cx.text[w.unit_at..];
            let latin = latin_word(rest).and_then(|l| {
                self.s
                    .symbols
                    .iter()
                    .find(|(k, _)| k.is_ascii() && k.eq_ignore_ascii_case(l))
                    .map(|(k, v)| (l.len(), k.clone(), v.clone()))
            });
            let chinese = longest_prefix(&self.chinese, rest).and_then(|c| {
                self.s
                    .symbols
                    .get(c)
                    .map(|v| (c.len(), c.to_string(), v.clone()))
            });
            let found = latin.or(chinese);
            if let Some((len, key, advice)) = found {
                let span = Span::new(w.span.start, w.unit_at + len);
                let written = span.slice(cx.text);
                out.push(
                    DEF.diagnostic(
                        Severity::Warning,
                        span,
                        format!("`{written}`: {key} is an abolished unit: use {advice}"),
                    )
                    .with_note("abolished with the adoption of the legal units of measurement (GB 3100-1993)"),
                );
                continue;
            }
            if !rest.starts_with('度') {
                continue;
            }
            let label = &cx.text[w.clause.start.min(w.span.start)..w.span.start];
            let electric = self
                .s
                .electricity_words
                .iter()
                .any(|e| label.contains(e.as_str()));
            let other = self
                .s
                .not_electricity_words
                .iter()
                .any(|e| label.contains(e.as_str()));
            if !electric || other {
                continue;
            }
            let unit = Span::new(w.unit_at, w.unit_at + '度'.len_utf8());
            let span = Span::new(w.span.start, unit.end);
            let written = span.slice(cx.text);
            out.push(
                DEF.diagnostic(
                    Severity::Warning,
                    span,
                    format!("`{written}`: 度 is not a unit of electricity: write 千瓦时"),
                )
                .with_note("1 度 = 1 千瓦时 (kW·h)")
                .with_fix(Fix::replace(
                    unit,
                    "千瓦时",
                    Applicability::Unsafe,
                    "rename 度 to 千瓦时",
                )),
            );
        }
    }
}
