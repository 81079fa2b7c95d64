//! Number usage (GB/T 15835-2011): Arabic and Chinese numerals, approximate
//! figures, ranges, grouping.

pub mod approx_marks;
pub mod num_approx_ji;
pub mod num_approx_with_decimal;
pub mod num_arabic_with_qian_bai;
pub mod num_bound_redundancy;
pub mod num_daxie_misuse;
pub mod num_decimal_leading_zero;
pub mod num_fullwidth_digits;
pub mod num_grouping_consistency;
pub mod num_ling_vs_circle;
pub mod num_range_unit_elision;
pub mod num_redundant_approx;
pub mod num_yu_position;
pub mod prose;

use super::RuleDef;

/// The rules of this category, in the order `yblint rules` lists them.
pub const RULES: &[RuleDef] = &[
    num_arabic_with_qian_bai::DEF,
    num_fullwidth_digits::DEF,
    num_decimal_leading_zero::DEF,
    num_redundant_approx::DEF,
    num_bound_redundancy::DEF,
    num_approx_with_decimal::DEF,
    num_yu_position::DEF,
    num_range_unit_elision::DEF,
    num_approx_ji::DEF,
    num_ling_vs_circle::DEF,
    num_grouping_consistency::DEF,
    num_daxie_misuse::DEF,
];
