//! The approximation words written around one figure: a word before it
//! (`约`, `超过`, possibly with a linking word: `约有`, `超过了`) and a word
//! after it (`左右`, `以上`), or 余/多 written inside it (`300余人`).

use crate::quantity::Quantity;
use crate::span::Span;

use super::prose::{longest_prefix, longest_suffix};

/// A word found around a figure.
#[derive(Debug, Clone)]
pub struct Mark {
    /// Where it is.
    pub span: Span,
    /// The word as written (`约`, `左右`, `余`).
    pub word: String,
}

fn is_gap(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{3000}' | '\u{00A0}' | '\u{2009}' | '\u{202F}' | '\n' | '\r'
    )
}

/// The word of `before` written right before figure `q` (at most one word
/// of `links` between them), unless the text there ends with a longer word
/// of `not_words` (`节约` is not `约`).
pub fn before(
    text: &str,
    q: &Quantity,
    before: &[String],
    links: &[String],
    not_words: &[String],
) -> Option<Mark> {
    let start = q.label.start.min(q.span.start);
    let mut head = text[start..q.span.start].trim_end_matches(is_gap);
    // A sign written before the figure (负, -) is part of it.
    head = head.strip_suffix('负').unwrap_or(head);
    let find = |h: &str| -> Option<(usize, String)> {
        let word = longest_suffix(before, h)?;
        if longest_suffix(not_words, h).is_some_and(|n| n.len() > word.len()) {
            return None;
        }
        Some((start + h.len() - word.len(), word.to_string()))
    };
    let found = find(head).or_else(|| {
        let link = longest_suffix(links, head)?;
        let h = head[..head.len() - link.len()].trim_end_matches(is_gap);
        find(h)
    })?;
    Some(Mark {
        span: Span::new(found.0, found.0 + found.1.len()),
        word: found.1,
    })
}

/// The word of `after` written right after figure `q` (spaces allowed), or
/// 余/多 written inside it when `inner` is true.
pub fn after(text: &str, q: &Quantity, after: &[String], inner: bool) -> Option<Mark> {
    if inner {
        let written = q.span.slice(text);
        if let Some((i, c)) = written
            .char_indices()
            .find(|(_, c)| *c == '余' || *c == '多')
        {
            let at = q.span.start + i;
            return Some(Mark {
                span: Span::new(at, at + c.len_utf8()),
                word: c.to_string(),
            });
        }
    }
    let rest = &text[q.span.end..];
    let trimmed = rest.trim_start_matches(|c| is_gap(c) && c != '\n');
    let word = longest_prefix(after, trimmed)?;
    let at = q.span.end + rest.len() - trimmed.len();
    Some(Mark {
        span: Span::new(at, at + word.len()),
        word: word.to_string(),
    })
}
