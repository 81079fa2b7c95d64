//! Text helpers shared by the rules that read characters rather than
//! figures: character classes, neighbours of a position, and word-list
//! search.

use aho_corasick::{AhoCorasick, MatchKind};

use crate::span::Span;

/// A CJK ideograph (汉字), including the extension blocks and `〇`.
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3007}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}'
        | '\u{30000}'..='\u{323AF}')
}

/// Full-width punctuation of Chinese text (GB/T 15834-2011): `，。、；：？！“”‘’（）【】《》〈〉…—～·`.
pub fn is_cjk_punct(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '（'
            | '）'
            | '【'
            | '】'
            | '《'
            | '》'
            | '〈'
            | '〉'
            | '…'
            | '—'
            | '～'
            | '·'
            | '「'
            | '」'
            | '『'
            | '』'
            | '〔'
            | '〕'
    )
}

/// A character of Chinese running text: an ideograph or full-width
/// punctuation.
pub fn is_chinese(c: char) -> bool {
    is_han(c) || is_cjk_punct(c)
}

/// The character before byte offset `at`, if any (any offset: see
/// [`crate::text`]).
pub fn char_before(text: &str, at: usize) -> Option<char> {
    crate::text::char_before(text, at)
}

/// The character at byte offset `at`, if any (any offset: see
/// [`crate::text`]).
pub fn char_at(text: &str, at: usize) -> Option<char> {
    crate::text::char_at(text, at)
}

/// A closing quotation mark or bracket, which may follow a sentence's end
/// mark (`……金山银山。”`, GB/T 15834-2011 §4.1.3.1).
pub fn is_closing_mark(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '）' | ')' | '》' | '〉' | '」' | '』' | '】' | '〕' | '"' | '\''
    )
}

/// True when `before` (the text up to some point) ends a sentence: its
/// last mark, looking through closing quotation marks and brackets and
/// trailing spaces, is `。`, `！`, `？` or `…` (`他说：“……就是金山银山。”`).
pub fn ends_sentence(before: &str) -> bool {
    before
        .trim_end()
        .chars()
        .rev()
        .find(|c| !is_closing_mark(*c) && !c.is_whitespace())
        .is_some_and(|c| matches!(c, '。' | '！' | '？' | '…' | '!' | '?'))
}

/// A word list compiled for search: leftmost-longest matches, so that of
/// `公里` and `公里数` the longer wins.
#[derive(Debug, Clone)]
pub struct Words {
    words: Vec<String>,
    automaton: Option<AhoCorasick>,
}

impl Words {
    /// Compiles `words` (empty words are refused by the configuration
    /// loader; an empty list matches nothing).
    pub fn new(words: &[String]) -> Words {
        let automaton = if words.is_empty() {
            None
        } else {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(words)
                .ok()
        };
        Words {
            words: words.to_vec(),
            automaton,
        }
    }

    /// Every non-overlapping match in `text`, as (span, word), in order.
    pub fn find_all<'a>(&'a self, text: &str) -> Vec<(Span, &'a str)> {
        let Some(ac) = &self.automaton else {
            return Vec::new();
        };
        ac.find_iter(text)
            .map(|m| {
                (
                    Span::new(m.start(), m.end()),
                    self.words[m.pattern().as_usize()].as_str(),
                )
            })
            .collect()
    }

    /// True when `text` contains one of the words.
    pub fn any_in(&self, text: &str) -> bool {
        self.automaton.as_ref().is_some_and(|ac| ac.is_match(text))
    }

    /// The words, as configured.
    pub fn words(&self) -> &[String] {
        &self.words
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_and_neighbours() {
        assert!(is_han('县') && is_han('〇') && !is_han('A') && !is_han('，'));
        assert!(is_cjk_punct('，') && !is_cjk_punct(','));
        let t = "全县3个";
        assert_eq!(char_before(t, 6), Some('县'));
        assert_eq!(char_at(t, 6), Some('3'));
        assert_eq!(char_before(t, 0), None);
    }

    #[test]
    fn end_marks_behind_closing_quotes() {
        assert!(ends_sentence("指出：“绿水青山就是金山银山。”"));
        assert!(ends_sentence("（详见附表。）  "));
        assert!(!ends_sentence("要推进“五水共治”"));
        assert!(!ends_sentence("金山银山”"));
        assert!(!ends_sentence(""));
    }

    #[test]
    fn longest_word_wins() {
        let w = Words::new(&["公里".to_string(), "公里数".to_string()]);
        let found = w.find_all("行驶公里数12公里");
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].1, "公里数");
        assert_eq!(found[1].1, "公里");
        assert!(w.any_in("三公里") && !Words::new(&[]).any_in("公里"));
    }
}
