//! Yearbook style: entry titles, third person, honorifics.

pub mod punct_entry_title_inner;
pub mod yb_entry_title_length;
pub mod yb_no_honorifics;
pub mod yb_third_person;

use super::RuleDef;

/// The rules of this category, in the order `yblint rules` lists them.
pub const RULES: &[RuleDef] = &[
    yb_entry_title_length::DEF,
    punct_entry_title_inner::DEF,
    yb_third_person::DEF,
    yb_no_honorifics::DEF,
];
