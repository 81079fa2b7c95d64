//! What the number and unit rules read: the running text of a draft
//! without what it quotes, and the written numbers with the text right
//! after them.
//!
//! Text in quotation marks or book-title marks (`“十三五”规划`,
//! `《…管理办法》`) is cited wording or a name: the number and unit rules
//! leave it alone, as they leave entry titles and headings.

use crate::span::Span;
use crate::syntax::{Draft, NumberShape, QuantityShape, Sentence, TokenKind};

/// The sentences of a draft and the quoted or titled text inside them.
pub struct Prose<'a> {
    text: &'a str,
    draft: &'a Draft,
    /// Spans of quoted tokens, sorted.
    quoted: Vec<Span>,
}

impl<'a> Prose<'a> {
    /// Collects the quoted spans of `draft` (whose text is `text`).
    pub fn new(text: &'a str, draft: &'a Draft) -> Self {
        let mut quoted: Vec<Span> = sentences(draft)
            .flat_map(|s| s.clauses.iter().flat_map(|c| &c.tokens))
            .filter(|t| matches!(t.kind, TokenKind::Quoted))
            .map(|t| t.span)
            .collect();
        quoted.sort_unstable();
        Prose {
            text,
            draft,
            quoted,
        }
    }

    /// True when `span` overlaps quoted or titled text.
    pub fn is_quoted(&self, span: Span) -> bool {
        let i = self.quoted.partition_point(|q| q.end <= span.start);
        self.quoted.get(i).is_some_and(|q| q.start < span.end)
    }

    /// Every sentence span of the draft, in order.
    pub fn sentence_spans(&self) -> impl Iterator<Item = Span> + 'a {
        sentences(self.draft).map(|s| s.span)
    }

    /// Every match of `find` in the running text: `find` is called on each
    /// sentence (its text and its start offset) and returns spans in the
    /// whole text; those overlapping quoted text are dropped.
    pub fn scan<F>(&self, mut find: F) -> Vec<Span>
    where
        F: FnMut(&'a str, usize) -> Vec<Span>,
    {
        let text = self.text;
        let mut out = Vec::new();
        for s in self.sentence_spans() {
            for m in find(s.slice(text), s.start) {
                if !self.is_quoted(m) {
                    out.push(m);
                }
            }
        }
        out
    }
}

/// Every sentence of a draft, in order.
pub fn sentences(draft: &Draft) -> impl Iterator<Item = &Sentence> {
    draft.paragraphs.iter().flat_map(|p| &p.sentences)
}

/// A number written in the running text, as the parse tree reads it.
#[derive(Debug, Clone)]
pub struct Written<'a> {
    /// The number token: digits with magnitude, percent sign, inner 余/多;
    /// a range or a ratio; or a run of Chinese numerals.
    pub span: Span,
    /// The shape of an Arabic number token; `None` for Chinese numerals.
    pub shape: Option<&'a QuantityShape>,
    /// Where the unit would start: after the token, spaces, and (for
    /// Chinese numerals) a 余, 多 or 几.
    pub unit_at: usize,
    /// The clause the number is in.
    pub clause: Span,
}

impl Written<'_> {
    /// The last number of the token (the upper end of a range).
    pub fn last(&self) -> Option<&NumberShape> {
        match self.shape? {
            QuantityShape::Single(n) => Some(n),
            QuantityShape::Range(_, b) => Some(b),
            QuantityShape::Ratio(_) => None,
        }
    }

    /// True for an Arabic number with a percent sign.
    pub fn is_percent(&self) -> bool {
        self.last().is_some_and(|n| n.percent.is_some())
    }
}

fn is_gap(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{3000}' | '\u{00A0}' | '\u{2009}' | '\u{202F}'
    )
}

/// Every Arabic number token and every run of Chinese numerals that reads
/// as a figure (`三十六`, not `千方百计`), in source order.
pub fn written<'a>(text: &str, draft: &'a Draft) -> Vec<Written<'a>> {
    let mut out = Vec::new();
    for sentence in sentences(draft) {
        for clause in &sentence.clauses {
            for t in &clause.tokens {
                let (shape, chinese) = match &t.kind {
                    TokenKind::Quantity(shape) => (Some(shape.as_ref()), false),
                    TokenKind::CnNumber => {
                        if crate::quantity::number::parse_chinese_figure(t.span.slice(text))
                            .is_none()
                        {
                            continue;
                        }
                        (None, true)
                    }
                    _ => continue,
                };
                let mut at = t.span.end;
                let rest = &text[at..];
                let rest_trim = rest.trim_start_matches(is_gap);
                at += rest.len() - rest_trim.len();
                if chinese {
                    if let Some(c) = rest_trim.chars().next().filter(|c| "余多几".contains(*c)) {
                        at += c.len_utf8();
                    }
                }
                out.push(Written {
                    span: t.span,
                    shape,
                    unit_at: at.min(clause.span.end.max(t.span.end)),
                    clause: clause.span,
                });
            }
        }
    }
    out
}

/// The longest of `words` that `s` starts with.
pub fn longest_prefix<'w>(words: &'w [String], s: &str) -> Option<&'w str> {
    words
        .iter()
        .filter(|w| s.starts_with(w.as_str()))
        .max_by_key(|w| w.len())
        .map(String::as_str)
}

/// The longest of `words` that `s` ends with.
pub fn longest_suffix<'w>(words: &'w [String], s: &str) -> Option<&'w str> {
    words
        .iter()
        .filter(|w| s.ends_with(w.as_str()))
        .max_by_key(|w| w.len())
        .map(String::as_str)
}

/// The run of ASCII letters at the start of `s`, with a `²`, `³`, `2` or
/// `3` right after it (`m²`, `m2`), when nothing alphanumeric follows.
pub fn latin_word(s: &str) -> Option<&str> {
    let letters = s.len()
        - s.trim_start_matches(|c: char| c.is_ascii_alphabetic())
            .len();
    if letters == 0 {
        return None;
    }
    let mut end = letters;
    if let Some(c) = s[end..].chars().next().filter(|c| "²³23".contains(*c)) {
        end += c.len_utf8();
    }
    let next = s[end..].chars().next();
    if next.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') {
        return None;
    }
    Some(&s[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_text_is_skipped() {
        let text = "实施“十三五”规划，投资3千万元。";
        let draft = crate::syntax::parse(text).unwrap();
        let prose = Prose::new(text, &draft);
        let at = text.find("十三五").unwrap();
        assert!(prose.is_quoted(Span::new(at, at + 3)));
        let at = text.find("3千").unwrap();
        assert!(!prose.is_quoted(Span::new(at, at + 1)));
    }

    #[test]
    fn written_numbers_and_their_units() {
        let text = "产粮3万斤，修路三十余里，千方百计。";
        let draft = crate::syntax::parse(text).unwrap();
        let w = written(text, &draft);
        let units: Vec<&str> = w.iter().map(|w| &text[w.unit_at..]).collect();
        assert_eq!(w.len(), 2);
        assert!(units[0].starts_with("斤"));
        assert!(units[1].starts_with("里"));
    }

    #[test]
    fn words_at_the_edges() {
        let w = vec!["公里".to_string(), "里".to_string()];
        assert_eq!(longest_prefix(&w, "里程"), Some("里"));
        assert_eq!(longest_suffix(&w, "三公里"), Some("公里"));
        assert_eq!(latin_word("KW，"), Some("KW"));
        assert_eq!(latin_word("m2的"), Some("m2"));
        assert_eq!(latin_word("KW3A型"), None);
        assert_eq!(latin_word("，"), None);
    }
}
