//! Number usage (GB/T 15835-2011): Arabic and Chinese numerals, approximate
//! figures, ranges, grouping.

pub mod num_fullwidth_digits;

use super::RuleDef;

/// The rules of this category, in the order `yblint rules` lists them.
pub const RULES: &[RuleDef] = &[num_fullwidth_digits::DEF];
