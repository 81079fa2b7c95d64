//! Arithmetic: figures that must agree with each other (breakdowns,
//! shares, rates, structure ratios, changes).

pub mod average;
pub mod breakdown_sum;
pub mod contribution_sum;
pub mod growth_rate;
pub mod magnitude_slip;
pub mod percentage_points;
pub mod rate_formula;
pub mod rate_formula_table;
pub mod share;
pub mod structure_ratio;
pub mod table_growth;
pub mod table_share;
pub mod table_sum;
pub mod unit_conversion;

use super::RuleDef;

/// The rules of this category, in the order `yblint rules` lists them.
pub const RULES: &[RuleDef] = &[
    breakdown_sum::DEF,
    share::DEF,
    structure_ratio::DEF,
    growth_rate::DEF,
    rate_formula::DEF,
    average::DEF,
    percentage_points::DEF,
    contribution_sum::DEF,
    unit_conversion::DEF,
    magnitude_slip::DEF,
    table_sum::DEF,
    table_share::DEF,
    table_growth::DEF,
];
