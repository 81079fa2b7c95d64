//! Positions as the Language Server Protocol counts them: 0-based lines and
//! UTF-16 code units within the line (a character outside the Basic
//! Multilingual Plane, such as `𠀀`, counts two).

use lsp_types::{Position, Range};

use crate::span::Span;

/// Line starts of a text, for converting byte offsets to LSP positions and
/// back.
#[derive(Debug, Clone)]
pub struct Utf16Index<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> Utf16Index<'t> {
    /// Indexes `text`; a line ends after `\n`.
    pub fn new(text: &'t str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Utf16Index { text, starts }
    }

    /// The position of byte `offset` (clamped to the text and moved back to
    /// a character boundary).
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let character: usize = self.text[self.starts[line]..offset]
            .chars()
            .map(char::len_utf16)
            .sum();
        Position::new(line as u32, character as u32)
    }

    /// The range of a span.
    pub fn range(&self, span: Span) -> Range {
        Range::new(self.position(span.start), self.position(span.end))
    }

    /// The byte offset of an LSP position: a line past the end gives the end
    /// of the text, a character past the end of its line the line's end.
    pub fn offset(&self, p: Position) -> usize {
        let Some(&start) = self.starts.get(p.line as usize) else {
            return self.text.len();
        };
        let end = self
            .starts
            .get(p.line as usize + 1)
            .copied()
            .unwrap_or(self.text.len());
        let mut units = 0u32;
        for (i, c) in self.text[start..end].char_indices() {
            if units >= p.character || c == '\n' {
                return start + i;
            }
            units += c.len_utf16() as u32;
        }
        end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_utf16_units() {
        // `𠀀` is outside the BMP: two UTF-16 units, four bytes.
        let text = "第一行\n𠀀县有754户";
        let idx = Utf16Index::new(text);
        let at = text.find("754").unwrap();
        assert_eq!(idx.position(at), Position::new(1, 4));
        assert_eq!(idx.offset(Position::new(1, 4)), at);
        assert_eq!(idx.position(0), Position::new(0, 0));
        assert_eq!(idx.offset(Position::new(9, 0)), text.len());
        // Past the end of line 0: its end, before the line break.
        assert_eq!(idx.offset(Position::new(0, 99)), "第一行".len());
    }
}
