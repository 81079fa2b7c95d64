//! `num-ling-vs-circle`: 零 and 〇 in Chinese numerals, and Arabic 0 or a
//! Latin O among them (`二0二三年`, `二零二三年`, `三千〇五十人`).

use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use super::prose::Prose;
use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rules::{Context, Example, Rule, RuleDef};
use crate::span::Span;

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "num-ling-vs-circle",
    category: "number",
    summary: "〇 in Chinese number strings and years, 零 in quantities; no Arabic 0 or Latin O among Chinese numerals",
    source: "GB/T 15835-2011 §5.2.5 (零 for quantities, 〇 for number strings); catalogue NUM_LING_VS_CIRCLE",
    docs: DOCS,
    examples: &[
        Example::wrong("学校始建于一九五0年。", "an Arabic 0 among Chinese numerals"),
        Example::wrong("二零二零年十月，新馆落成。", "零 in a year"),
        Example::wrong("全乡常住人口三千〇五十人。", "〇 in a quantity"),
        Example::right(
            "二〇二〇年十月，全乡常住人口三千零五十人。",
            "",
        ),
        Example::right("“十三五”期间，全县融入“一带一路”建设。", "fixed expressions"),
    ],
    defaults: include_str!("../../../rules/number/num-ling-vs-circle.toml"),
    build,
};

const DOCS: &str = r#"Chinese numerals write zero two ways: 零 in a quantity read with its place
values (`三千零五十人`), 〇 in a string of digits such as a year
(`二〇二〇年`). An Arabic `0` or a Latin `O` among Chinese numerals
(`一九五0年`, `二O二O年`) is a typing slip.

## What it checks

Runs of Chinese numerals (零〇一二三四五六七八九十百千万亿两) in running text:

* an Arabic 0 (half- or full-width) or a Latin O inside the run;
* 零 in a run of three or more digits without place values (十百千万亿);
* 〇 in a run with place values.

## What it leaves alone

Runs of one or two characters without a slip (`零增长`, `零零星星`), fixed
expressions (`十三五`, `一带一路`, `第一`), and quoted text and titles.

## Fix

A safe fix writes 零 for 〇 among numerals with place values; 〇 for 零 in a
digit string is a safe fix before 年 (a year) and an unsafe one elsewhere.
An Arabic 0 or Latin O gets no fix (replacing a digit is not a fix's to
do): the message says whether 〇 or 零 is meant.

This rule has no settings besides `severity`.
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let _: Settings = crate::rules::settings(value)?;
    Ok(Box::new(LingCircle))
}

struct LingCircle;

const NOTE: &str =
    "零 in quantities (三千零五十), 〇 in digit strings and years (二〇二〇年) (GB/T 15835-2011 §5.2.5)";

const NUMERALS: &str = "零〇一二三四五六七八九十百千万亿两";
const PLACES: &str = "十百千万亿";

fn is_slip(c: char) -> bool {
    matches!(c, '0' | '０' | 'O' | 'o' | 'Ｏ')
}

/// Runs of Chinese numerals (slips included), without slips at either end.
fn runs(s: &str, base: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let push = |from: usize, to: usize, out: &mut Vec<Span>| {
        let run = &s[from..to];
        let lead = run.len() - run.trim_start_matches(is_slip).len();
        let mut trimmed = run.trim_matches(is_slip);
        // A slip at the end stays when nothing numeric follows (`一九五0年`)
        // and at least two numerals stand before it.
        let next = s[to..].chars().next();
        let numeric_next = next.is_some_and(|c| c.is_ascii_alphanumeric() || ".．,".contains(c));
        if !numeric_next && trimmed.chars().count() >= 2 {
            let full = run[lead..].trim_end_matches(['o', 'O']);
            let slips = full.len() - full.trim_end_matches(is_slip).len();
            if slips > 0 && slips <= 3 {
                trimmed = full;
            }
        }
        if trimmed.chars().count() >= 2 {
            out.push(Span::new(
                base + from + lead,
                base + from + lead + trimmed.len(),
            ));
        }
    };
    for (i, c) in s.char_indices() {
        let member = NUMERALS.contains(c) || is_slip(c);
        match (member, start) {
            (true, None) => start = Some(i),
            (false, Some(from)) => {
                push(from, i, &mut out);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(from) = start {
        push(from, s.len(), &mut out);
    }
    out
}

impl Rule for LingCircle {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let prose = Prose::new(cx.text, cx.draft);
        for span in prose.scan(runs) {
            let run = span.slice(cx.text);
            let places = run.contains(|c| PLACES.contains(c));
            let year = cx.text[span.end..].starts_with('年');
            if run.contains(is_slip) {
                // Replacing an Arabic 0 changes a digit of the text: no fix.
                let zero = if places { "零" } else { "〇" };
                out.push(
                    DEF.diagnostic(
                        Severity::Error,
                        span,
                        format!("`{run}` mixes an Arabic 0 or a Latin O into Chinese numerals: write {zero}"),
                    )
                    .with_note(NOTE),
                );
                continue;
            }
            let (message, right, applicability) = if !places
                && run.contains('零')
                && run.chars().count() >= 3
            {
                (
                    format!("`{run}` is a string of digits: write 〇, not 零"),
                    run.replace('零', "〇"),
                    if year {
                        Applicability::Safe
                    } else {
                        Applicability::Unsafe
                    },
                )
            } else if places && run.contains('〇') {
                (
                    format!("`{run}` is a quantity read with its place values: write 零, not 〇"),
                    run.replace('〇', "零"),
                    Applicability::Safe,
                )
            } else {
                continue;
            };
            out.push(
                DEF.diagnostic(Severity::Error, span, message)
                    .with_note(NOTE)
                    .with_fix(Fix::replace(
                        span,
                        right.clone(),
                        applicability,
                        format!("write `{right}`"),
                    )),
            );
        }
    }
}
