//! Parsing: the pest grammar (`grammar/draft.pest`) and the typed tree built
//! from it.
//!
//! [`parse`] turns the text of a draft into a [`Draft`]: headings (sections),
//! paragraphs with their entry titles, sentences, clauses and tokens, each with
//! its byte [`Span`](crate::span::Span).

mod grammar;
pub mod script;
mod tree;

pub use tree::{
    parse, parse_with_cuts, Clause, Draft, Heading, NumberShape, Paragraph, ParseFailure,
    QuantityShape, Sentence, Token, TokenKind,
};
