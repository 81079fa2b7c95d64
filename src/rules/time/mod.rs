//! Time expressions: years, dates, deictic words, the record year.

use super::RuleDef;

/// The rules of this category, in the order `yblint rules` lists them.
pub const RULES: &[RuleDef] = &[];
