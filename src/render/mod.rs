//! Renderers: diagnostics as human-readable text (codespan-reporting), one
//! JSON document, one line each (`short`), SARIF 2.1.0, GitHub Actions
//! workflow commands, or counts by rule (`statistics`). Renderers never look
//! at the draft beyond the spans they are given.

pub mod github;
pub mod human;
pub mod json;
pub mod sarif;
pub mod short;
pub mod statistics;

use crate::diagnostic::{Diagnostic, Severity};
use crate::source::{Document, Kind, ParagraphPlace, RawOffsets, SheetCell};
use crate::span::Span;

/// The diagnostics of one checked file, with the text their spans index.
#[derive(Debug, Clone)]
pub struct FileReport {
    /// The path as the user gave it (`<stdin>` for standard input).
    pub path: String,
    /// The text the spans index: the source text of the document (the
    /// decoded file; for a `.docx`, its paragraphs one a line).
    pub text: String,
    /// Diagnostics sorted by position, in source-text coordinates.
    pub diagnostics: Vec<Diagnostic>,
    /// Where the text came from: encoding, file offsets, Word paragraphs.
    pub origin: Origin,
}

impl FileReport {
    /// The report of `doc` with `diagnostics` in its source coordinates (as
    /// [`crate::check_document`] returns them).
    pub fn from_document(doc: Document, diagnostics: Vec<Diagnostic>) -> FileReport {
        let origin = Origin::of(&doc);
        FileReport {
            path: doc.name.clone(),
            text: doc.into_source_text(),
            diagnostics,
            origin,
        }
    }
}

/// What renderers need to know about where a report's text came from.
/// The default is a UTF-8 text file.
#[derive(Debug, Clone, Default)]
pub struct Origin {
    /// The encoding's name when it is not UTF-8 (`GB18030`, `UTF-16LE`,
    /// `UTF-16BE`), with `true` when it was detected (not named by
    /// `--encoding`).
    pub encoding: Option<(&'static str, bool)>,
    /// For a file not in UTF-8: its encoding and the byte offset in the file
    /// of each line of the text, to give offsets into the file's own bytes.
    pub raw_lines: Option<(&'static encoding_rs::Encoding, Vec<usize>)>,
    /// For a `.docx`: where each paragraph (line N of the text at N−1) stands.
    pub paragraphs: Option<Vec<ParagraphPlace>>,
    /// For a workbook or CSV file: its filled cells in text order.
    pub cells: Option<Vec<SheetCell>>,
    /// True when the text is one yblint wrote (a `.docx`'s paragraphs, a
    /// workbook's text view): it has no bytes of a file to point at.
    pub synthetic: bool,
}

impl Origin {
    /// The origin of a document.
    pub fn of(doc: &Document) -> Origin {
        Origin {
            encoding: doc.encoding_note().map(|n| (n, doc.encoding_detected)),
            raw_lines: (!doc.raw_lines.is_empty()).then(|| (doc.encoding, doc.raw_lines.clone())),
            paragraphs: (doc.kind == Kind::Docx).then(|| doc.paragraphs.clone()),
            cells: doc.kind.is_sheet().then(|| doc.cells.clone()),
            synthetic: matches!(doc.kind, Kind::Docx | Kind::Sheet),
        }
    }

    /// For a workbook or CSV file: the cell holding text offset `offset`.
    pub fn cell_at(&self, offset: usize) -> Option<&SheetCell> {
        crate::source::document::cell_at(self.cells.as_ref()?, offset)
    }

    /// For a workbook or CSV file: the cell a position stands in, as the
    /// spreadsheet names it after the file (`at 统计表.xlsx:Sheet1!C7`).
    pub fn cell_note(&self, path: &str, offset: usize) -> Option<String> {
        self.cell_at(offset)
            .map(|c| format!("at {path}:{}", c.reference()))
    }

    /// Byte offsets in the file for byte offsets of `text` (the same unless
    /// the file is not UTF-8).
    pub fn raw_offsets<'a>(&'a self, text: &'a str) -> RawOffsets<'a> {
        match &self.raw_lines {
            Some((encoding, lines)) => RawOffsets::new(text, encoding, lines),
            None => RawOffsets::new(text, encoding_rs::UTF_8, &[]),
        }
    }

    /// How the output names the encoding: `read as GB18030 (detected)`.
    pub fn encoding_note(&self) -> Option<String> {
        self.encoding.map(|(name, detected)| {
            format!(
                "read as {name} ({})",
                if detected { "detected" } else { "--encoding" }
            )
        })
    }

    /// For a `.docx`: where a position stands, in words (`paragraph 4,
    /// character 3, in table 1, row 2, column 2`).
    pub fn paragraph_note(&self, at: Position) -> Option<String> {
        let places = self.paragraphs.as_ref()?;
        let mut note = format!("paragraph {}, character {}", at.line, at.column);
        match places.get(at.line.wrapping_sub(1)) {
            Some(ParagraphPlace::Cell { table, row, column }) => {
                note.push_str(&format!(", in table {table}, row {row}, column {column}"))
            }
            Some(ParagraphPlace::Heading(_)) => note.push_str(", a heading"),
            _ => {}
        }
        Some(note)
    }
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
///
/// Positions asked for in increasing order (as diagnostics are sorted) cost
/// only the characters between them, so a long line is counted once.
#[derive(Debug, Clone)]
pub struct LineIndex<'t> {
    text: &'t str,
    starts: Vec<usize>,
    /// The last position computed: (offset, 0-based line, column).
    cursor: std::cell::Cell<(usize, usize, usize)>,
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
        LineIndex {
            text,
            starts,
            cursor: std::cell::Cell::new((0, 0, 1)),
        }
    }

    /// The position of byte `offset` (clamped to the text).
    pub fn position(&self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let (last, last_line, last_column) = self.cursor.get();
        let column = if last_line == line && self.starts[line] < last && last <= offset {
            last_column + self.text[last..offset].chars().count()
        } else {
            let before = &self.text[self.starts[line]..offset];
            // A byte-order mark is not a character an editor shows.
            let before = before.strip_prefix('\u{FEFF}').unwrap_or(before);
            before.chars().count() + 1
        };
        self.cursor.set((offset, line, column));
        Position {
            line: line + 1,
            column,
        }
    }

    /// The 1-based column of byte `offset` counted in bytes of UTF-8 (as
    /// Vim's `%c` counts them), a byte-order mark not counted.
    pub fn byte_column(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let before = &self.text[self.starts[line]..offset];
        let before = before.strip_prefix('\u{FEFF}').unwrap_or(before);
        before.len() + 1
    }

    /// The positions of many offsets at once, computed in one sweep over
    /// the text (in increasing order, whatever order they are given in).
    pub fn positions(
        &self,
        offsets: impl IntoIterator<Item = usize>,
    ) -> std::collections::HashMap<usize, Position> {
        let mut sorted: Vec<usize> = offsets.into_iter().collect();
        sorted.sort_unstable();
        sorted.dedup();
        sorted.into_iter().map(|o| (o, self.position(o))).collect()
    }

    /// The 1-based line of byte `offset` (clamped to the text).
    pub fn line(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        self.starts.partition_point(|&s| s <= offset)
    }

    /// The length in bytes of 1-based line `line`, line break included.
    pub fn line_bytes(&self, line: usize) -> usize {
        let start = self
            .starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(0);
        let end = self.starts.get(line).copied().unwrap_or(self.text.len());
        end - start
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
