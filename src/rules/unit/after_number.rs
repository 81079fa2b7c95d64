//! Units written after a number, and word tables keyed by unit name.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::rules::number::prose::{written, Written};
use crate::rules::Context;
use crate::span::Span;

/// Deserialises a table of words (`斤 = "千克 (1斤 = 0.5千克)"`), refusing
/// an empty key. Use with `#[serde(deserialize_with = "…::word_table")]`.
pub fn word_table<'de, D>(d: D) -> Result<BTreeMap<String, String>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    let table = BTreeMap::<String, String>::deserialize(d)?;
    if table.keys().any(|k| k.trim().is_empty()) {
        return Err(serde::de::Error::custom(
            "a word table has an empty word: every text contains it",
        ));
    }
    Ok(table)
}

/// A word found right after a number.
pub struct UnitAfter<'a> {
    /// The number as the parse tree reads it.
    pub number: Written<'a>,
    /// The word, as written.
    pub word: String,
    /// Where the word is.
    pub word_span: Span,
}

impl UnitAfter<'_> {
    /// From the number through the word (`1350斤`).
    pub fn span(&self) -> Span {
        Span::new(self.number.span.start, self.word_span.end)
    }
}

/// Every number (not a percentage) followed by one of `words`, the longest
/// matching; a longer word of `not_words` there wins (`担任` is not `担`).
/// `arabic_only` leaves Chinese numerals out.
pub fn find<'a>(
    cx: &Context<'a>,
    words: &[String],
    not_words: &[String],
    arabic_only: bool,
) -> Vec<UnitAfter<'a>> {
    let mut out = Vec::new();
    for w in written(cx.text, cx.draft) {
        if w.is_percent() || (arabic_only && w.shape.is_none()) {
            continue;
        }
        let rest = &cx.text[w.unit_at..];
        let Some(word) = crate::rules::number::prose::longest_prefix(words, rest) else {
            continue;
        };
        if crate::rules::number::prose::longest_prefix(not_words, rest)
            .is_some_and(|n| n.len() >= word.len())
        {
            continue;
        }
        let word_span = Span::new(w.unit_at, w.unit_at + word.len());
        out.push(UnitAfter {
            word: word.to_string(),
            word_span,
            number: w,
        });
    }
    out
}

/// True when the number is part of a code: an ASCII letter or `-` right
/// before it (`G318`, `XK-20`).
pub fn in_code(text: &str, number: &Written<'_>) -> bool {
    crate::rules::scan::char_before(text, number.span.start)
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '-' || c == '_')
}
