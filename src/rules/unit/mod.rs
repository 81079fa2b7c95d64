//! Units of measurement: legal units and their symbols (GB 3100-1993,
//! GB/T 15835-2011 §4.3).

pub mod after_number;
pub mod unit_abolished_symbols;
pub mod unit_gong_oldnames;
pub mod unit_mu_needs_hectare;
pub mod unit_name_symbol_mix;
pub mod unit_shizhi_nonlegal;
pub mod unit_symbol_case;

use super::RuleDef;

/// The rules of this category, in the order `yblint rules` lists them.
pub const RULES: &[RuleDef] = &[
    unit_shizhi_nonlegal::DEF,
    unit_gong_oldnames::DEF,
    unit_mu_needs_hectare::DEF,
    unit_abolished_symbols::DEF,
    unit_symbol_case::DEF,
    unit_name_symbol_mix::DEF,
];
