//! `punct-dash-form`: the Chinese dash (破折号) is “——”, two em dashes.

use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use super::guard::{is_chinese_after, is_chinese_before, Guard};
use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rules::scan::{char_at, char_before};
use crate::rules::{Context, Example, Rule, RuleDef};
use crate::span::Span;

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "punct-dash-form",
    category: "punctuation",
    summary: "the dash (破折号) is written ——, not -- or －－",
    source:
        "GB/T 15834-2011 §4.9 (破折号 ——) and §4.13 (连接号 -, —, ～); catalogue PUNCT_DASH_FORM",
    docs: DOCS,
    examples: &[
        Example::wrong("开展主题活动--“文明家庭”评选。", "two hyphens"),
        Example::wrong(
            "开展主题活动－－“文明家庭”评选。",
            "two full-width hyphen-minus signs",
        ),
        Example::right("开展主题活动——“文明家庭”评选。", ""),
        Example::right(
            "开通成都—重庆班线，3-5月完成。",
            "a single dash or hyphen is a connector",
        ),
    ],
    defaults: include_str!("../../../rules/punctuation/punct-dash-form.toml"),
    build,
};

const DOCS: &str = r#"The dash (破折号) of Chinese text is two em dashes, `——`. Two hyphens (`--`),
two full-width hyphen-minus signs (`－－`) or three em dashes stand in for it
when a draft is typed on an English keyboard or converted from another
format. The fix (safe) writes `——`.

## What it checks

Two or more `-`, two or more `－`, or three or more `—`, with Chinese text (a
Han character or a full-width bracket or quotation mark) on both sides.

## What it leaves alone

* A single `—` or `-`: the connector (一字线, 短横线) of `成都—重庆`, `3-5月`,
  which a program cannot tell from a dash typed short.
* Hyphens next to digits or Latin text, Markdown rules (`---`), table rows,
  HTML comments (`<!-- -->`), code.
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let _: Settings = crate::rules::settings(value)?;
    Ok(Box::new(DashForm))
}

/// The `punct-dash-form` rule.
pub struct DashForm;

impl Rule for DashForm {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let text = cx.text;
        let guard = Guard::new(text);
        let mut i = 0;
        while i < text.len() {
            let Some(c) = char_at(text, i) else { break };
            let min = match c {
                '-' | '－' => 2,
                '—' => 3,
                _ => {
                    i += c.len_utf8();
                    continue;
                }
            };
            let rest = &text[i..];
            let len = rest.len() - rest.trim_start_matches(c).len();
            let n = len / c.len_utf8();
            let span = Span::new(i, i + len);
            i += len;
            if n < min || guard.touches(span) {
                continue;
            }
            let chinese = char_before(text, span.start).is_some_and(is_chinese_before)
                && char_at(text, span.end).is_some_and(is_chinese_after);
            if !chinese {
                continue;
            }
            let written = span.slice(text);
            out.push(
                DEF.diagnostic(
                    Severity::Warning,
                    span,
                    format!("dash written as `{written}`"),
                )
                .with_note("the dash (破折号) of Chinese text is two em dashes: ——")
                .with_fix(Fix::replace(
                    span,
                    "——",
                    Applicability::Safe,
                    format!("replace `{written}` with `——`"),
                )),
            );
        }
    }
}
