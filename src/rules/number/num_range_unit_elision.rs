//! `num-range-unit-elision`: a range that writes 万, 亿 or % on its upper
//! end only (`3～5万元`, `20～30%`).

use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use super::prose::written;
use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::quantity::number::parse_arabic;
use crate::rules::{Context, Example, Rule, RuleDef};
use crate::span::Span;
use crate::syntax::QuantityShape;

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "num-range-unit-elision",
    category: "number",
    summary: "a range keeps 万/亿/% on both ends (3～5万元 → 3万～5万元, 20～30% → 20%～30%)",
    source: "GB/T 15835-2011 §5.1.6 (≈: 9亿～16亿, not 9～16亿; 15%～30%, not 15～30%); \
             catalogue NUM_RANGE_UNIT_ELISION",
    docs: DOCS,
    examples: &[
        Example::wrong("对新建家庭农场给予一次性补助3～5万元。", ""),
        Example::wrong("合作社社员分红比例为20～30%。", ""),
        Example::right("对新建家庭农场给予一次性补助3万～5万元。", ""),
        Example::right(
            "全县0-17岁儿童9.6万人，每户补助800～1万元不等。",
            "no magnitude dropped: 800 is less than 1万",
        ),
    ],
    defaults: include_str!("../../../rules/number/num-range-unit-elision.toml"),
    build,
};

const DOCS: &str = r#"In a range, a magnitude (万, 亿) or a percent sign is written on both ends:
`3万～5万元`, `20%～30%`. Dropped from the first number it changes the value
that number reads as (`3～5万元` reads "3 yuan to 50 000 yuan"). An ordinary
unit may be dropped from the first number (`100～150千克`).

## What it checks

A range (`～`, `~`, `—`, `-`, `至`, `到`) whose upper end carries 万, 亿 or a
percent or permille sign and whose lower end carries none, when the lower
number is smaller than the upper one as written (`3～5万`).

## What it leaves alone

* Ranges with no magnitude (`0-17岁`, `100～150千克`).
* A lower end written in full units (`800～1万元`: 800 yuan to 10 000 yuan).
* Year and month spans (`2019—2022年`), quoted text and titles.

## Fix

An unsafe fix writes the magnitude or sign on the lower end too
(`3～5万元` → `3万～5万元`).

This rule has no settings besides `severity`.
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let _: Settings = crate::rules::settings(value)?;
    Ok(Box::new(RangeElision))
}

struct RangeElision;

impl Rule for RangeElision {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for w in written(cx.text, cx.draft) {
            let Some(QuantityShape::Range(a, b)) = w.shape else {
                continue;
            };
            if a.magnitude.is_some() || a.percent.is_some() || a.approx.is_some() {
                continue;
            }
            let Some(mark) = b.percent.or(b.magnitude) else {
                continue;
            };
            let mark_text = mark.slice(cx.text);
            if !matches!(mark_text, "万" | "亿" | "万亿" | "%" | "％" | "‰") {
                continue;
            }
            let (Some(lo), Some(hi)) = (
                parse_arabic(a.digits.slice(cx.text)),
                parse_arabic(b.digits.slice(cx.text)),
            ) else {
                continue;
            };
            if lo >= hi {
                continue;
            }
            let span = Span::new(a.span.start, b.span.end);
            let range = span.slice(cx.text);
            let lower = a.digits.slice(cx.text);
            let right = format!("{lower}{mark_text}{}", &cx.text[a.digits.end..b.span.end]);
            out.push(
                DEF.diagnostic(
                    Severity::Error,
                    span,
                    format!("the range `{range}` drops `{mark_text}` from its lower end: write `{right}`"),
                )
                .with_note(format!(
                    "without `{mark_text}`, `{lower}` reads as a number of its own"
                ))
                .with_fix(Fix::replace(
                    Span::new(a.digits.end, a.digits.end),
                    mark_text,
                    Applicability::Unsafe,
                    format!("write `{mark_text}` after `{lower}` too"),
                )),
            );
        }
    }
}
