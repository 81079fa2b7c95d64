//! Time expressions: years, dates, deictic words, the record year.

pub mod prose;
pub mod time_decade_century;
pub mod time_deictic;
pub mod time_impossible_date;
pub mod time_jiezhi_vs_jiezhi;
pub mod time_md_no_leading_zero;
pub mod time_out_of_record_year;
pub mod time_year_abbrev;

use super::RuleDef;

/// The rules of this category, in the order `yblint rules` lists them.
pub const RULES: &[RuleDef] = &[
    time_year_abbrev::DEF,
    time_deictic::DEF,
    time_out_of_record_year::DEF,
    time_md_no_leading_zero::DEF,
    time_impossible_date::DEF,
    time_jiezhi_vs_jiezhi::DEF,
    time_decade_century::DEF,
];
