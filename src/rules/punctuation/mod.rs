//! Punctuation and spacing (GB/T 15834-2011) and house spacing style.

pub mod broken_sentence;
pub mod guard;
pub mod paragraph_end;
pub mod space_cjk_latin;

use super::RuleDef;

/// The rules of this category, in the order `yblint rules` lists them.
pub const RULES: &[RuleDef] = &[
    broken_sentence::DEF,
    paragraph_end::DEF,
    space_cjk_latin::DEF,
];
