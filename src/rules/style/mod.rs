//! Yearbook style: entry titles, third person, honorifics.

use super::RuleDef;

/// The rules of this category, in the order `yblint rules` lists them.
pub const RULES: &[RuleDef] = &[];
