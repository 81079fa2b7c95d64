//! Where the rules that read the wording of a draft look (time words,
//! statistical wording, yearbook style): the running text of its sentences,
//! outside quotations and book titles (`“…”`, `《…》`: a quoted speech or a
//! document title may say `我县` or `今年`), and outside sections whose
//! heading names an exempt part of the book (`特载`, `附录` …).
//!
//! Shared by the `time`, `statistics` and `style` rules.

use crate::rules::scan::{char_at, char_before, Words};
use crate::rules::Context;
use crate::span::Span;
use crate::syntax::{Paragraph, TokenKind};

/// A stretch of running text: part of one sentence with no quotation or
/// book title inside.
#[derive(Debug, Clone, Copy)]
pub struct Piece {
    /// Where it is.
    pub span: Span,
    /// Index of its paragraph in [`crate::syntax::Draft::paragraphs`].
    pub paragraph: usize,
    /// Index of its sentence in the paragraph.
    pub sentence: usize,
}

/// True when the paragraph lies in a section whose heading (or one of the
/// headings above it), or whose entry title, contains one of `exempt`.
pub fn exempt(cx: &Context<'_>, para: &Paragraph, exempt: &Words) -> bool {
    if let Some(i) = para.section {
        let mut level = u8::MAX;
        for j in (0..=i).rev() {
            let Some(h) = cx.draft.headings.get(j) else {
                continue;
            };
            if h.level < level {
                if exempt.any_in(h.title.slice(cx.text)) {
                    return true;
                }
                level = h.level;
            }
            if level <= 1 {
                break;
            }
        }
    }
    let title = para
        .entry
        .and_then(|e| cx.draft.paragraphs.get(e))
        .and_then(|p| p.title);
    title.is_some_and(|t| exempt.any_in(t.slice(cx.text)))
}

/// The running text of every sentence outside exempt sections, split at
/// quotations and book titles, in source order.
pub fn pieces(cx: &Context<'_>, exempt_sections: &Words) -> Vec<Piece> {
    let mut out = Vec::new();
    for (pi, para) in cx.draft.paragraphs.iter().enumerate() {
        if exempt(cx, para, exempt_sections) {
            continue;
        }
        for (si, sentence) in para.sentences.iter().enumerate() {
            let mut at = sentence.span.start;
            let quoted = sentence
                .clauses
                .iter()
                .flat_map(|c| &c.tokens)
                .filter(|t| matches!(t.kind, TokenKind::Quoted));
            for q in quoted {
                if q.span.start > at {
                    out.push(Piece {
                        span: Span::new(at, q.span.start),
                        paragraph: pi,
                        sentence: si,
                    });
                }
                at = at.max(q.span.end);
            }
            if sentence.span.end > at {
                out.push(Piece {
                    span: Span::new(at, sentence.span.end),
                    paragraph: pi,
                    sentence: si,
                });
            }
        }
    }
    out
}

/// The value of an Arabic digit, half- or full-width.
pub fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// True for an Arabic digit, half- or full-width.
pub fn is_digit(c: char) -> bool {
    digit(c).is_some()
}

/// True for a Chinese numeral character (`〇一二…十百千万两零`).
pub fn is_cn_numeral(c: char) -> bool {
    "〇零一二三四五六七八九十百千万两".contains(c)
}

/// The run of Arabic digits that ends at byte `end` of `text`: its start
/// and value (None when there is none, or it does not fit a `u64`).
pub fn digits_before(text: &str, end: usize) -> Option<(usize, u64)> {
    let mut start = end;
    while let Some(c) = char_before(text, start).filter(|c| is_digit(*c)) {
        start -= c.len_utf8();
    }
    (start < end).then(|| value(crate::text::slice(text, start, end)).map(|v| (start, v)))?
}

/// The run of Arabic digits that starts at byte `start` of `text`: its end
/// and value.
pub fn digits_after(text: &str, start: usize) -> Option<(usize, u64)> {
    let mut end = start;
    while let Some(c) = char_at(text, end).filter(|c| is_digit(*c)) {
        end += c.len_utf8();
    }
    (end > start).then(|| value(crate::text::slice(text, start, end)).map(|v| (end, v)))?
}

/// The value of a run of Arabic digits (None on overflow or a non-digit).
pub fn value(digits: &str) -> Option<u64> {
    digits.chars().try_fold(0u64, |acc, c| {
        acc.checked_mul(10)?.checked_add(u64::from(digit(c)?))
    })
}

/// Byte offset after skipping spaces (half-, full-width, thin) from `at`.
pub fn skip_spaces(text: &str, mut at: usize) -> usize {
    while let Some(c) = char_at(text, at)
        .filter(|c| matches!(c, ' ' | '\u{3000}' | '\u{2009}' | '\u{202F}' | '\u{A0}'))
    {
        at += c.len_utf8();
    }
    at
}

/// Byte offset before the spaces that end at `at`.
pub fn skip_spaces_back(text: &str, mut at: usize) -> usize {
    while let Some(c) = char_before(text, at)
        .filter(|c| matches!(c, ' ' | '\u{3000}' | '\u{2009}' | '\u{202F}' | '\u{A0}'))
    {
        at -= c.len_utf8();
    }
    at
}

/// A word list with exceptions: a match of a word is dropped when a match
/// of an exception (a phrase that contains or overlaps it, `节日前` for
/// `日前`) covers part of it.
#[derive(Debug, Clone)]
pub struct Lexicon {
    words: Words,
    exceptions: Words,
}

impl Lexicon {
    /// Compiles `words` and their `exceptions`.
    pub fn new(words: &[String], exceptions: &[String]) -> Lexicon {
        Lexicon {
            words: Words::new(words),
            exceptions: Words::new(exceptions),
        }
    }

    /// The matches of the words in `span` of `text` (absolute spans), with
    /// those an exception overlaps left out.
    pub fn find<'a>(&'a self, text: &str, span: Span) -> Vec<(Span, &'a str)> {
        let hay = span.slice(text);
        let exceptions = self.exceptions.find_all(hay);
        self.words
            .find_all(hay)
            .into_iter()
            .filter(|(s, _)| {
                !exceptions
                    .iter()
                    .any(|(e, _)| e.start < s.end && s.start < e.end)
            })
            .map(|(s, w)| (s.shifted(span.start), w))
            .collect()
    }
}

/// Deserialises a list of word pairs (`[["增长", "下降"], …]`), refusing a
/// pair that is not two non-empty words. Use with
/// `#[serde(deserialize_with = "crate::rules::time::prose::pairs")]`.
pub fn pairs<'de, D>(d: D) -> Result<Vec<(String, String)>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    use serde::Deserialize;
    let list = Vec::<Vec<String>>::deserialize(d)?;
    list.into_iter()
        .map(|p| match <[String; 2]>::try_from(p) {
            Ok([a, b]) if !a.trim().is_empty() && !b.trim().is_empty() => Ok((a, b)),
            _ => Err(serde::de::Error::custom(
                "each pair must be two non-empty words: [\"增长\", \"下降\"]",
            )),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_and_values() {
        let t = "于2023年０３月";
        let year_end = t.find('年').unwrap();
        assert_eq!(digits_before(t, year_end), Some((3, 2023)));
        let m = t.find('０').unwrap();
        assert_eq!(digits_after(t, m), Some((m + 6, 3)));
        assert_eq!(digits_before(t, 3), None);
        assert_eq!(value("99999999999999999999999"), None);
    }

    #[test]
    fn exceptions_cover_words() {
        let lex = Lexicon::new(&["日前".into(), "今年".into()], &["节日前".into()]);
        let t = "春节日前，今年";
        let found = lex.find(t, Span::new(0, t.len()));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, "今年");
    }
}
