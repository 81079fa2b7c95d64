//! `time-decade-century`: decades name their century (`20世纪80年代`, not
//! `80年代` or `上世纪80年代`).

use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use super::prose::{is_digit, pieces};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::scan::{char_before, Words};
use crate::rules::{Context, Example, Rule, RuleDef};
use crate::span::Span;

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "time-decade-century",
    category: "time",
    summary: "decades name their century (20世纪80年代, not 80年代 or 上世纪80年代)",
    source: "GB/T 15835-2011 §4.1.2 ≈ (20世纪80年代) and gazetteer style sheets (不用“上世纪”); \
             catalogue TIME_DECADE_CENTURY",
    docs: DOCS,
    examples: &[
        Example::wrong(
            "80年代建成的老旧小区纳入改造计划。",
            "the century is missing",
        ),
        Example::wrong("上世纪90年代，全县开始种植茶叶。", "colloquial 上世纪"),
        Example::right("20世纪80年代建成的老旧小区纳入改造计划。", ""),
        Example::right("20世纪七八十年代，县内兴修水库12座。", ""),
    ],
    defaults: include_str!("../../../rules/time/time-decade-century.toml"),
    build,
};

const DOCS: &str = r#"A decade names its century: `20世纪80年代`, not `80年代`; and the century is
named by its number, not by the colloquial `上世纪`.

## What it checks

* A two-digit decade (`80年代`) or a Chinese-numeral decade (`八十年代`,
  `七八十年代`) without `世纪` right before it.
* `上世纪` before a decade.

## What it leaves alone

* A four-digit decade (`1980年代`), which names its century.
* `年代` without a number (`年代久远`).
* Quotations and book titles (song and book titles: `《八十年代的新一辈》`).

## Settings (`[rules.time-decade-century]` in yblint.toml)

* `severity`: `"warning"` (default), `"error"`, `"info"` or `"off"`.
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let _: Settings = crate::rules::settings(value)?;
    Ok(Box::new(Decade))
}

struct Decade;

fn decade_char(c: char) -> bool {
    is_digit(c) || "〇零一二三四五六七八九十、".contains(c)
}

impl Rule for Decade {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let text = cx.text;
        for piece in pieces(cx, &Words::new(&[])) {
            for (i, _) in piece.span.slice(text).match_indices("年代") {
                let end = piece.span.start + i;
                let mut start = end;
                while let Some(c) = char_before(text, start).filter(|c| decade_char(*c)) {
                    if start <= piece.span.start {
                        break;
                    }
                    start -= c.len_utf8();
                }
                let run = &text[start..end];
                let arabic = run.chars().filter(|c| is_digit(*c)).count();
                let decade = if arabic > 0 {
                    arabic == 2 && run.chars().count() == 2 && run.ends_with(['0', '０'])
                } else {
                    run.ends_with('十') && run.chars().count() >= 2
                };
                if !decade {
                    continue;
                }
                let span = Span::new(start, end + "年代".len());
                let before = &text[piece.span.start..start];
                if before.ends_with("上世纪") {
                    let colloquial = Span::new(start - "上世纪".len(), start);
                    out.push(
                        DEF.diagnostic(
                            Severity::Warning,
                            Span::new(colloquial.start, span.end),
                            "colloquial `上世纪`: name the century",
                        )
                        .with_note(format!("write `20世纪{}`", span.slice(text))),
                    );
                } else if !before.ends_with("世纪") {
                    out.push(
                        DEF.diagnostic(
                            Severity::Warning,
                            span,
                            format!(
                                "the decade `{}` does not name its century",
                                span.slice(text)
                            ),
                        )
                        .with_note(format!(
                            "write `20世纪{}` (or the century meant)",
                            span.slice(text)
                        )),
                    );
                }
            }
        }
    }
}
