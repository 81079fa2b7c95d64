//! The pest parser generated from `grammar/draft.pest`.

use pest_derive::Parser;

/// Parser for yearbook drafts; see `grammar/draft.pest` for the rules.
#[derive(Parser)]
#[grammar = "../grammar/draft.pest"]
pub(crate) struct DraftParser;
