//! Statistical wording: percentage points, multiples, growth wording.

use super::RuleDef;

/// The rules of this category, in the order `yblint rules` lists them.
pub const RULES: &[RuleDef] = &[];
