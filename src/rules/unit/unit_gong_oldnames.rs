//! `unit-gong-oldnames`: old "公" unit names (`公尺`, `公分`, `公升`, `公吨`).

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use super::after_number::{find, word_table};
use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rules::{Context, Example, Rule, RuleDef};

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "unit-gong-oldnames",
    category: "unit",
    summary: "old 公-unit names (公尺, 公分, 公升, 公吨) are not legal: only 公斤, 公里, 公顷 are",
    source: "法定计量单位 (1984 State Council order; GB 3100-1993); yearbook practice: of the 公-units only \
             公斤、公里、公顷 are legal; catalogue UNIT_GONG_OLDNAMES",
    docs: DOCS,
    examples: &[
        Example::wrong("沿河修建防护栏500公尺，安装储水罐容量2公升。", ""),
        Example::right("沿河修建防护栏500米，新修道路3.2公里，完成造林120公顷。", "公里 and 公顷 are legal"),
    ],
    defaults: include_str!("../../../rules/unit/unit-gong-oldnames.toml"),
    build,
};

const DOCS: &str = r#"Of the units named with 公, only 公斤, 公里 and 公顷 are legal units of
measurement; 公尺 (米), 公分 (厘米), 公升 (升), 公吨 (吨), 公厘 (毫米), 公两 and
公亩 are old names.

## What it checks

A number (Arabic or Chinese numerals, with 万/亿) followed by a word of
`old_names`.

## What it leaves alone

公斤, 公里, 公顷 and words after no number (`公分母`), and quoted text and
titles.

## Fix

A safe fix renames the unit when `replacements` gives the legal name of the
same unit (`500公尺` → `500米`); 公分 (centimetre, but also an old name of the
gram), 公两 and 公亩 get no fix.

## Settings

* `old_names`: the old unit names reported.
* `replacements`: old name → legal name of the same unit, for the fix.
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    #[serde(deserialize_with = "crate::config::words")]
    old_names: Vec<String>,
    #[serde(deserialize_with = "word_table")]
    replacements: BTreeMap<String, String>,
}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let s: Settings = crate::rules::settings(value)?;
    Ok(Box::new(GongOld { s }))
}

struct GongOld {
    s: Settings,
}

impl Rule for GongOld {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for found in find(cx, &self.s.old_names, &[], false) {
            let span = found.span();
            let written = span.slice(cx.text);
            let old = &found.word;
            let right = self.s.replacements.get(old);
            let message = match right {
                Some(r) => {
                    format!("`{written}`: {old} is an old unit name, not a legal one: write {r}")
                }
                None => format!("`{written}`: {old} is an old unit name, not a legal one"),
            };
            let mut d = DEF
                .diagnostic(Severity::Error, found.word_span, message)
                .with_note(
                    "of the 公-units only 公斤, 公里 and 公顷 are legal units of measurement",
                );
            if let Some(r) = right {
                d = d.with_fix(Fix::replace(
                    found.word_span,
                    r.clone(),
                    Applicability::Safe,
                    format!("rename {old} to {r}"),
                ));
            }
            out.push(d);
        }
    }
}
