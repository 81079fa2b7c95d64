//! `table-growth`: a growth column of a table (`比上年增长%`, `增减%`) equals the
//! change between its row's two period figures.

use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use crate::diagnostic::{Diagnostic, Severity};
use crate::relations::table::{growth, holds, Check};
use crate::rules::arithmetic::table_sum::{basis_note, place};
use crate::rules::{Context, Example, Rule, RuleDef};

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "table-growth",
    category: "arithmetic",
    summary: "a growth column of a table must equal the change between its row's two period figures",
    source: "growth rate = (this period − last period) ÷ last period × 100 (增长速度); a rate that does not match its \
             figures is a listed data-error type",
    docs: DOCS,
    examples: &[
        Example::wrong(
            "指  标          2023年     2024年    增长（%）\n粮食产量        41.20      42.00       1.9\n油料产量         3.50       3.60       2.9\n蔬菜产量        60.00      63.00       5.0\n水果产量        12.00      12.60       5.0\n茶叶产量         8.00       8.40       4.0\n",
            "(8.40 − 8.00) ÷ 8.00 = 5.0%, not 4.0%; the other rows show the column is the growth from 2023 to 2024",
        ),
        Example::right(
            "指  标          2023年     2024年    增长（%）\n粮食产量        41.20      42.00       1.9\n油料产量         3.50       3.60       2.9\n蔬菜产量        60.00      63.00       5.0\n水果产量        12.00      12.60       5.0\n茶叶产量         8.00       8.40       5.0\n",
            "",
        ),
    ],
    defaults: include_str!("../../../rules/arithmetic/table-growth.toml"),
    build,
};

const DOCS: &str = r#"A growth column of a table must equal the change between its row's two
period figures.

## What it checks

A column of percentages that is, in nearly every row, the change from one
column to another (`2024年比2023年增长%` = (2024 − 2023) ÷ 2023 × 100): the rows
where it does not are reported. The relation is read from the figures
themselves: it must hold in three rows or more and fail in at most one in
seven (or in one row of four or more). Each figure stands for ± half a unit of its last digit.

## What it leaves alone

A column that is not such a change in most rows; rows with a blank cell or
an earlier figure of zero.
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let _: Settings = crate::rules::settings(value)?;
    Ok(Box::new(TableGrowth))
}

/// The `table-growth` rule.
pub struct TableGrowth;

impl Rule for TableGrowth {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for r in &cx.graph.tables.relations {
            let Check::Growth {
                growth: g,
                this,
                last,
            } = &r.check
            else {
                continue;
            };
            if holds(&r.check, r.exact) {
                continue;
            }
            let Some((lo, hi)) = growth(this, last) else {
                continue;
            };
            let mid = (lo + hi) / rust_decimal::Decimal::TWO;
            let shown_value = crate::relations::table::grid::shown(
                crate::quantity::number::round_half_away(mid, g.scale),
                g.scale,
            );
            let mut d = DEF
                .diagnostic(
                    Severity::Warning,
                    g.span,
                    format!(
                        "table {}: growth {}% does not match {} against {} = {}%",
                        place(r),
                        g.shown(),
                        this.shown(),
                        last.shown(),
                        shown_value
                    ),
                )
                .with_primary_text("growth")
                .with_label(this.span, "this period")
                .with_label(last.span, "earlier period");
            if let Some(n) = basis_note(r) {
                d = d.with_note(n);
            }
            out.push(d);
        }
    }
}
