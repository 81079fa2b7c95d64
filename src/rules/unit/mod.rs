//! Units of measurement: legal units and their symbols (GB 3100-1993,
//! GB/T 15835-2011 §4.3).

use super::RuleDef;

/// The rules of this category, in the order `yblint rules` lists them.
pub const RULES: &[RuleDef] = &[];
