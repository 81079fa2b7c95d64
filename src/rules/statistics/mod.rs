//! Statistical wording: percentage points, multiples, growth wording.

pub mod stat_decrease_by_times;
pub mod stat_pp_vs_percent;
pub mod stat_redundant_per;
pub mod stat_signed_growth_wording;
pub mod stat_tongbi_annual;

use super::RuleDef;

/// The rules of this category, in the order `yblint rules` lists them.
pub const RULES: &[RuleDef] = &[
    stat_pp_vs_percent::DEF,
    stat_decrease_by_times::DEF,
    stat_signed_growth_wording::DEF,
    stat_redundant_per::DEF,
    stat_tongbi_annual::DEF,
];
