//! `num-approx-with-decimal`: 余 or 多 after a decimal (`13.6多万`,
//! `2.5余吨`).

use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use super::prose::written;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Example, Rule, RuleDef};

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "num-approx-with-decimal",
    category: "number",
    summary: "余/多 right after a decimal (13.6多万人次, 2.5余吨): a decimal is exact to its last digit",
    source: "editorial usage notes on 余 and 多 ('余万元'和'万余元'的区别); catalogue NUM_APPROX_WITH_DECIMAL",
    docs: DOCS,
    examples: &[
        Example::wrong("全年接待游客13.6多万人次。", ""),
        Example::wrong("全年回收废旧农膜2.5余吨。", ""),
        Example::right("全年接待游客13.6万人次。", ""),
        Example::right(
            "全年窗口接待群众9.5万余人次。",
            "余 after 万: more than 9.5万, as published yearbooks write it (see `after_magnitude`)",
        ),
    ],
    defaults: include_str!("../../../rules/number/num-approx-with-decimal.toml"),
    build,
};

const DOCS: &str = r#"余 and 多 say that a figure goes on beyond its last written digit; right after
a decimal, whose last digit is already given, they make no sense: `13.6多万`
and `2.5余吨` are written `13.6万` and `2.5吨` (or `13万多`, `2吨多`).

## What it checks

An Arabic number with decimals followed directly by 余 or 多 (before a
magnitude or a unit): `13.6多万人次`, `1.5余万元`, `2.5余吨`.

## What it leaves alone

`9.5万余人次`, `1.6万余元`: 余/多 after 万 or 亿, which many published
yearbooks write for "more than 9.5万". Some style sheets reject that form
too (the catalogue's `13.6万多人次`); set `after_magnitude = true` to report it.
Whole numbers (`300余人`, `30余万元`) and figures in quoted text and titles.

## Settings

* `after_magnitude`: also report 余/多 written after 万/亿 that follow a
  decimal (`13.6万多人次`, `2.45亿余元`); `false` by default.
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    after_magnitude: bool,
}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let s: Settings = crate::rules::settings(value)?;
    Ok(Box::new(ApproxDecimal {
        after_magnitude: s.after_magnitude,
    }))
}

struct ApproxDecimal {
    after_magnitude: bool,
}

impl Rule for ApproxDecimal {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for w in written(cx.text, cx.draft) {
            let Some(n) = w.last() else { continue };
            let Some(approx) = n.approx else { continue };
            let digits = n.digits.slice(cx.text);
            if !digits.contains(['.', '．']) {
                continue;
            }
            let after_mag = n.magnitude.is_some_and(|m| m.start < approx.start);
            if after_mag && !self.after_magnitude {
                continue;
            }
            let word = approx.slice(cx.text);
            let figure = n.span.slice(cx.text);
            out.push(
                DEF.diagnostic(
                    Severity::Error,
                    n.span,
                    format!("`{word}` after the decimal in `{figure}`: a decimal is exact to its last digit"),
                )
                .with_note(format!(
                    "drop `{word}`, or round the figure and keep `{word}` after a whole number"
                )),
            );
        }
    }
}
