//! `num-grouping-consistency`: long numbers grouped one way in a draft
//! (千分撇 `12,450`, 千分空 `12 450`, or not at all `12450`).

use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use super::prose::written;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Example, Rule, RuleDef};
use crate::span::Span;
use crate::syntax::QuantityShape;

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "num-grouping-consistency",
    category: "number",
    summary:
        "long numbers grouped one way in a draft: 千分撇 (12,450), 千分空 (12 450) or none (12450)",
    source: "GB/T 15835-2011 §5.1.1 (≈: 千分撇 or 千分空; up to four digits may stay ungrouped); \
             catalogue NUM_GROUPING_CONSISTENCY",
    docs: DOCS,
    examples: &[
        Example::wrong(
            "全县户籍人口312450人，其中城镇人口128,360人。",
            "one figure ungrouped, the other with a comma",
        ),
        Example::right(
            "全县户籍人口312450人，其中城镇人口128360人。咨询电话08368622211。",
            "one style; a telephone number is not a figure",
        ),
    ],
    defaults: include_str!("../../../rules/number/num-grouping-consistency.toml"),
    build,
};

const DOCS: &str = r#"GB/T 15835-2011 lets long numbers be grouped by three digits with a comma
(千分撇, `12,450`) or a thin space (千分空, `12 450`), or, in general
publications, not at all (`12450`); numbers of up to four digits may always
stay ungrouped. Which is a house choice; mixing them in one draft is not.

## What it checks

The figures of one file (a number with a unit from the unit table, a
magnitude 万/亿, or a percent sign): those grouped with a comma, those
grouped with a space, and those of five or more integer digits left
ungrouped. When a file uses more than one style, the figures written in a
style other than its most used one (the first used, on a tie) are reported,
with the first figure of the usual style as a label.

## What it leaves alone

Years, dates, telephone numbers, postcodes and codes (no unit: not
figures), numbers of up to four digits left ungrouped, a number broken by a
page break, and quoted text and titles. Consistency across a whole book
needs a book-level index and is not checked.

This rule has no settings besides `severity`.
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let _: Settings = crate::rules::settings(value)?;
    Ok(Box::new(Grouping))
}

struct Grouping;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Comma,
    Space,
    Ungrouped,
}

impl Style {
    fn describe(self) -> &'static str {
        match self {
            Style::Comma => "groups its digits with commas (千分撇)",
            Style::Space => "groups its digits with spaces (千分空)",
            Style::Ungrouped => "leaves its digits ungrouped",
        }
    }

    fn usual(self) -> &'static str {
        match self {
            Style::Comma => "with commas (千分撇)",
            Style::Space => "with spaces (千分空)",
            Style::Ungrouped => "ungrouped",
        }
    }
}

fn style(digits: &str) -> Option<Style> {
    if digits.contains(['\n', '\r']) {
        return None;
    }
    let int = digits.split(['.', '．']).next().unwrap_or("");
    if int.contains(',') {
        Some(Style::Comma)
    } else if int.contains([' ', '\u{2009}', '\u{202F}', '\u{00A0}']) {
        Some(Style::Space)
    } else if int
        .chars()
        .filter(|c| c.is_ascii_digit() || ('０'..='９').contains(c))
        .count()
        >= 5
    {
        Some(Style::Ungrouped)
    } else {
        None
    }
}

impl Rule for Grouping {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let mut found: Vec<(Style, Span)> = Vec::new();
        for w in written(cx.text, cx.draft) {
            let Some(QuantityShape::Single(n)) = w.shape else {
                continue;
            };
            let unit = cx.tables.units.longest_prefix(&cx.text[w.unit_at..]);
            if n.magnitude.is_none() && n.percent.is_none() && unit.is_none() {
                continue;
            }
            let Some(s) = style(n.digits.slice(cx.text)) else {
                continue;
            };
            let end = match (n.magnitude, n.percent, unit) {
                (_, _, Some(u)) if n.percent.is_none() => w.unit_at + u.name.len(),
                _ => n.span.end,
            };
            found.push((s, Span::new(n.digits.start, end)));
        }
        let styles = [Style::Comma, Style::Space, Style::Ungrouped];
        let count = |s: Style| found.iter().filter(|(f, _)| *f == s).count();
        let used = styles.iter().filter(|s| count(**s) > 0).count();
        if used < 2 {
            return;
        }
        let first_index = |s: Style| {
            found
                .iter()
                .position(|(f, _)| *f == s)
                .unwrap_or(usize::MAX)
        };
        let Some(usual) = styles
            .iter()
            .copied()
            .max_by_key(|s| (count(*s), std::cmp::Reverse(first_index(*s))))
        else {
            return;
        };
        let Some(&(_, example)) = found.iter().find(|(f, _)| *f == usual) else {
            return;
        };
        let total = found.len();
        for &(s, span) in found.iter().filter(|(f, _)| *f != usual) {
            out.push(
                DEF.diagnostic(
                    Severity::Warning,
                    span,
                    format!(
                        "`{}` {}, but this draft writes {} of its {total} long figures {}",
                        span.slice(cx.text),
                        s.describe(),
                        count(usual),
                        usual.usual()
                    ),
                )
                .with_label(example, "the draft's usual style")
                .with_note("group long numbers one way throughout (GB/T 15835-2011 §5.1.1)"),
            );
        }
    }
}
