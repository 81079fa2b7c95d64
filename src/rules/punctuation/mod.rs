//! Punctuation and spacing (GB/T 15834-2011) and house spacing style.

pub mod ascii_in_cjk;
pub mod broken_sentence;
pub mod dash_form;
pub mod dunhao_before_conj;
pub mod duplicate;
pub mod ellipsis_form;
pub mod ellipsis_with_deng;
pub mod guard;
pub mod heading_end;
pub mod paragraph_end;
pub mod quote_form;
pub mod space_cjk_latin;
pub mod space_stray;
pub mod time_vs_ratio_sign;
pub mod unpaired;

use super::RuleDef;

/// The rules of this category, in the order `yblint rules` lists them.
pub const RULES: &[RuleDef] = &[
    ascii_in_cjk::DEF,
    unpaired::DEF,
    duplicate::DEF,
    ellipsis_form::DEF,
    ellipsis_with_deng::DEF,
    dash_form::DEF,
    dunhao_before_conj::DEF,
    heading_end::DEF,
    quote_form::DEF,
    time_vs_ratio_sign::DEF,
    broken_sentence::DEF,
    paragraph_end::DEF,
    space_cjk_latin::DEF,
    space_stray::DEF,
];
