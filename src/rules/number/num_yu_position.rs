//! `num-yu-position`: 余/多 written before 万/亿 after a number whose last
//! digit is not 0 (`1236余万元` for `1236万余元`).

use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use super::prose::written;
use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rules::{Context, Example, Rule, RuleDef};
use crate::span::Span;

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "num-yu-position",
    category: "number",
    summary: "余/多 before 万/亿 after a number not ending in 0 (1236余万元): write 1236万余元",
    source: "editorial usage notes ('余万元'和'万余元'的区别); catalogue NUM_YU_POSITION",
    docs: DOCS,
    examples: &[
        Example::wrong("全年筹集各类帮扶资金1236余万元。", ""),
        Example::right("全年筹集各类帮扶资金1236万余元。", ""),
        Example::right(
            "全年筹集各类帮扶资金30余万元。",
            "30余万: between 30万 and 40万, the digit of 万 is 0",
        ),
    ],
    defaults: include_str!("../../../rules/number/num-yu-position.toml"),
    build,
};

const DOCS: &str = r#"`30余万元` is "30万 and some 万 more": 余 stands for the digit of 万, so
the number before it ends in 0. After a number that gives the digit of 万
itself (`1236余万元`), 余 can only mean less than one 万: write `1236万余元`.
The same holds for 多 and for 亿.

## What it checks

A whole Arabic number whose last digit is not 0, followed by 余 or 多 and
then 万 or 亿 (`1236余万元`, `35多亿元`).

## What it leaves alone

Numbers ending in 0 (`30余万元`, `100多万`), 余 after 万 (`1236万余元`),
decimals (`13.6多万`, which `num-approx-with-decimal` reports), and figures
in quoted text and titles.

## Fix

An unsafe fix moves 余/多 after the magnitude (`1236余万元` → `1236万余元`).

This rule has no settings besides `severity`.
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let _: Settings = crate::rules::settings(value)?;
    Ok(Box::new(YuPosition))
}

struct YuPosition;

impl Rule for YuPosition {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for w in written(cx.text, cx.draft) {
            let Some(n) = w.last() else { continue };
            let (Some(approx), Some(mag)) = (n.approx, n.magnitude) else {
                continue;
            };
            if approx.start > mag.start {
                continue;
            }
            let digits = n.digits.slice(cx.text);
            if digits.contains(['.', '．']) {
                continue;
            }
            let last = digits
                .chars()
                .rev()
                .find(|c| c.is_ascii_digit() || ('０'..='９').contains(c));
            if !matches!(last, Some(c) if c != '0' && c != '０') {
                continue;
            }
            let word = approx.slice(cx.text);
            let magnitude = mag.slice(cx.text);
            if magnitude != "万" && magnitude != "亿" {
                continue;
            }
            let span = Span::new(n.digits.start, mag.end);
            let figure = span.slice(cx.text);
            let right = format!(
                "{}{magnitude}{word}",
                &cx.text[n.digits.start..approx.start]
            );
            out.push(
                DEF.diagnostic(
                    Severity::Warning,
                    span,
                    format!("`{word}` before `{magnitude}` in `{figure}`: write `{right}`"),
                )
                .with_note(format!(
                    "{word} before {magnitude} stands for the digit of {magnitude}, which `{}` already gives",
                    &cx.text[n.digits.start..approx.start]
                ))
                .with_fix(Fix::replace(
                    span,
                    right.clone(),
                    Applicability::Unsafe,
                    format!("move `{word}` after `{magnitude}`"),
                )),
            );
        }
    }
}
