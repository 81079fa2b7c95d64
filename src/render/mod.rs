//! Renderers: diagnostics as human-readable text (codespan-reporting) or as
//! one JSON document. Renderers never look at the draft beyond the spans they
//! are given.

pub mod human;
pub mod json;

use crate::diagnostic::{Diagnostic, Severity};
use crate::span::Span;

/// The diagnostics of one checked file, with the text their spans index.
#[derive(Debug, Clone)]
pub struct FileReport {
    /// The path as the user gave it (`<stdin>` for standard input).
    pub path: String,
    /// The text the spans index.
    pub text: String,
    /// Diagnostics sorted by position.
    pub diagnostics: Vec<Diagnostic>,
}

/// Counts of diagnostics by severity over all files.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Files checked.
    pub files: usize,
    /// Error diagnostics.
    pub errors: usize,
    /// Warning diagnostics.
    pub warnings: usize,
    /// Info diagnostics.
    pub infos: usize,
}

impl Summary {
    /// Counts the diagnostics of `reports`.
    pub fn of(reports: &[FileReport]) -> Summary {
        let mut s = Summary {
            files: reports.len(),
            ..Summary::default()
        };
        for d in reports.iter().flat_map(|r| &r.diagnostics) {
            match d.severity {
                Severity::Error => s.errors += 1,
                Severity::Warning => s.warnings += 1,
                Severity::Info => s.infos += 1,
                Severity::Off => {}
            }
        }
        s
    }
}

/// Line starts of a text, for turning byte offsets into 1-based lines and
/// character columns.
#[derive(Debug, Clone)]
pub struct LineIndex<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

/// A 1-based line and column; the column counts characters (not bytes, not
/// display cells).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column in characters.
    pub column: usize,
}

impl<'t> LineIndex<'t> {
    /// Indexes `text`; a line ends after `\n`.
    pub fn new(text: &'t str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { text, starts }
    }

    /// The position of byte `offset` (clamped to the text).
    pub fn position(&self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let before = &self.text[self.starts[line]..offset];
        // A byte-order mark is not a character an editor shows.
        let before = before.strip_prefix('\u{FEFF}').unwrap_or(before);
        let column = before.chars().count() + 1;
        Position {
            line: line + 1,
            column,
        }
    }

    /// Start and end positions of a span; the end is exclusive (the column
    /// after the last character).
    pub fn span(&self, span: Span) -> (Position, Position) {
        (self.position(span.start), self.position(span.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters() {
        let text = "第一行\n有754户，其中";
        let idx = LineIndex::new(text);
        let at = text.find("754").unwrap();
        assert_eq!(idx.position(at), Position { line: 2, column: 2 });
        assert_eq!(idx.position(0), Position { line: 1, column: 1 });
        assert_eq!(idx.position(text.len()).line, 2);
        let bom = "\u{FEFF}有754户";
        let at = bom.find("754").unwrap();
        assert_eq!(
            LineIndex::new(bom).position(at),
            Position { line: 1, column: 2 }
        );
    }
}
