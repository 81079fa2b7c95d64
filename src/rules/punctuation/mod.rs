//! Punctuation and spacing (GB/T 15834-2011) and house spacing style.

use super::RuleDef;

/// The rules of this category, in the order `yblint rules` lists them.
pub const RULES: &[RuleDef] = &[];
