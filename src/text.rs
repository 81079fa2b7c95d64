//! Byte offsets into text, safely: every helper here accepts any offset
//! (past the end, inside a character, a range whose start is after its end)
//! and answers as if the offset were moved to the nearest character
//! boundary inside the text, instead of panicking. Rules that move through
//! a draft by bytes use these, so that an unusual draft (an indented
//! paragraph, a character of four bytes) never stops a check.

/// The largest character boundary of `text` at or before `at` (`text.len()`
/// for an offset past the end).
pub fn floor(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The smallest character boundary of `text` at or after `at` (`text.len()`
/// for an offset past the end).
pub fn ceil(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// The text between byte offsets `start` and `end`, widened to whole
/// characters; empty when `start` is not before `end`.
pub fn slice(text: &str, start: usize, end: usize) -> &str {
    let (start, end) = (floor(text, start), ceil(text, end));
    if start >= end {
        ""
    } else {
        &text[start..end]
    }
}

/// The text before byte offset `at` (up to the character that holds it).
pub fn before(text: &str, at: usize) -> &str {
    &text[..floor(text, at)]
}

/// The text from byte offset `at` on (from the character that holds it).
pub fn after(text: &str, at: usize) -> &str {
    &text[floor(text, at)..]
}

/// The character that ends before byte offset `at`, if any.
pub fn char_before(text: &str, at: usize) -> Option<char> {
    before(text, at).chars().next_back()
}

/// The character at byte offset `at` (the one that holds it), if any.
pub fn char_at(text: &str, at: usize) -> Option<char> {
    after(text, at).chars().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_offset_is_answered() {
        let t = " 年末";
        assert_eq!(slice(t, 1, 4), "年");
        assert_eq!(slice(t, 2, 3), "年");
        assert_eq!(slice(t, 4, 1), "");
        assert_eq!(slice(t, 0, 100), t);
        assert_eq!(before(t, 2), " ");
        assert_eq!(after(t, 2), "年末");
        assert_eq!(char_before(t, 0), None);
        assert_eq!(char_before(t, 4), Some('年'));
        assert_eq!(char_at(t, 5), Some('末'));
        assert_eq!(char_at(t, 7), None);
        assert_eq!((floor(t, 3), ceil(t, 3)), (1, 4));
    }
}
