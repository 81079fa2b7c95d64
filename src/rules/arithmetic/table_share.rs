//! `table-share`: a share column of a table (`构成`, `比重`, `占…%`) equals its
//! row's figure over the total's.

use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use crate::diagnostic::{Diagnostic, Severity};
use crate::relations::table::{holds, quotient_per, Check};
use crate::rules::arithmetic::table_sum::{basis_note, place};
use crate::rules::{Context, Example, Rule, RuleDef};

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "table-share",
    category: "arithmetic",
    summary: "a share column of a table must equal each row's figure over its base",
    source: "share = part ÷ whole × 100 (比重、构成); a share that does not match its figures is a listed data-error type",
    docs: DOCS,
    examples: &[
        Example::wrong(
            "项  目          件数     构成（%）\n合  计           400      100.0\n婚姻家庭纠纷     120       30.0\n邻里纠纷         100       25.0\n合同纠纷          90       27.5\n其他纠纷          90       22.5\n",
            "90 ÷ 400 = 22.5%, not 27.5%",
        ),
        Example::right(
            "项  目          件数     构成（%）\n合  计           400      100.0\n婚姻家庭纠纷     120       30.0\n邻里纠纷         100       25.0\n合同纠纷          90       22.5\n其他纠纷          90       22.5\n",
            "",
        ),
    ],
    defaults: include_str!("../../../rules/arithmetic/table-share.toml"),
    build,
};

const DOCS: &str = r#"A share column of a table must equal each row's figure over its base.

## What it checks

A column of percentages that is, in nearly every row, one column of the row
over another (`人均…比重` = a ÷ b × 100), one column over the same column of
the total row (`构成（%）` = 件数 ÷ 合计件数 × 100), or, in a table without a
total row, one column over the sum of that column (`比重` of each township's
population): the rows where it does not are reported. The same holds for
a row of percentages under the rows it is computed from, one column a year
(`城镇化率(%)` = `城镇人口` ÷ `总人口` × 100), and for ratios per hundred up to
200 (`性别比` = 男 ÷ 女 × 100), and for ratio columns in other units than
their inputs', where a power of ten converts them (`单产（公斤/公顷）` =
`总产量（万吨）` ÷ `播种面积（千公顷）` × 10000; `人均（元）` = `总额（万元）` ÷
`人数` × 10000): of the three columns, the one whose header names a ratio
(`/`, `平均`, `人均`, `单位…`, `率`) is checked. The relation is read from the figures themselves: it must hold
in three rows or more and fail in at most one in seven (or in one row of
four or more). Each figure stands for
± half a unit of its last digit, so `22.5` fits any quotient from 22.45 to
22.55 that the rounded inputs allow.

## What it leaves alone

A column that is not such a share in most rows (it may be something else:
a rate, a growth, an index); rows with a blank cell.
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let _: Settings = crate::rules::settings(value)?;
    Ok(Box::new(TableShare))
}

/// The `table-share` rule.
pub struct TableShare;

impl Rule for TableShare {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for r in &cx.graph.tables.relations {
            let Check::Share {
                share,
                part,
                base,
                per,
            } = &r.check
            else {
                continue;
            };
            if holds(&r.check, r.exact) {
                continue;
            }
            let Some((lo, hi)) = quotient_per(part, base, *per) else {
                continue;
            };
            let mid = (lo + hi) / rust_decimal::Decimal::TWO;
            let shown_value = crate::relations::table::grid::shown(
                crate::quantity::number::round_half_away(mid, share.scale),
                share.scale,
            );
            // A base with no place in the text is the sum of the column.
            let of_sum = base.span.is_empty();
            let message = if *per == rust_decimal::Decimal::ONE_HUNDRED {
                format!(
                    "table {}: share {}% does not match {} ÷ {}{} = {}%",
                    place(r),
                    share.shown(),
                    part.shown(),
                    base.shown(),
                    if of_sum {
                        " (the sum of the column)"
                    } else {
                        ""
                    },
                    shown_value
                )
            } else {
                format!(
                    "table {}: ratio {} does not match {} ÷ {} × {} (the columns' units) = {}",
                    place(r),
                    share.shown(),
                    part.shown(),
                    base.shown(),
                    per.normalize(),
                    shown_value
                )
            };
            let mut d = DEF
                .diagnostic(Severity::Warning, share.span, message)
                .with_primary_text("share")
                .with_label(part.span, "part");
            if !of_sum {
                d = d.with_label(base.span, "base");
            }
            if let Some(n) = basis_note(r) {
                d = d.with_note(n);
            }
            out.push(d);
        }
    }
}
