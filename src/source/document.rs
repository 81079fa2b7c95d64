//! The document every input kind becomes: the text the rules see, the
//! source it came from, and the map between them.
//!
//! Three texts are involved:
//!
//! * the **file's bytes**, in its encoding (UTF-8, UTF-16, GB18030) or a
//!   Word zip;
//! * the **source text** ([`Document::source_text`]): the file decoded into
//!   UTF-8 (a `.txt` or `.md` file as written, markup included), or for a
//!   `.docx` the text of its paragraphs, one paragraph a line, so that line
//!   N is paragraph N;
//! * the **checked text** ([`Document::text`]): what the parser and the
//!   rules read. For a `.txt` file it is the source text itself; for
//!   Markdown and Word it is the prose with the markup removed (emphasis
//!   markers, code, URLs, HTML, front matter), headings written `# title`,
//!   and each table cell a block of its own.
//!
//! [`OffsetMap`] maps checked-text offsets to source-text offsets;
//! [`Document::to_source`] moves a whole diagnostic into source
//! coordinates, which is what renderers, `--fix` and the language server
//! work in. [`super::encoding::RawOffsets`] goes one step further, to the
//! file's own bytes.

use encoding_rs::Encoding;

use crate::diagnostic::{Diagnostic, Edit, Fix};
use crate::span::Span;

/// What kind of input a document was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Plain text (`.txt`, standard input, any other extension).
    Text,
    /// Markdown (`.md`, `.markdown`).
    Markdown,
    /// A Word document (`.docx`).
    Docx,
    /// A workbook (`.xlsx`, `.xlsm`, `.xlsb`, `.xls`, `.ods`): its sheets'
    /// cells, read into a text view of their own (see [`super::sheet`]).
    Sheet,
    /// Comma-separated values (`.csv`): the file's text, its fields the
    /// cells of one sheet (see [`super::csv`]).
    Csv,
}

impl Kind {
    /// True for the kinds whose cells yblint reads out of a grid (a
    /// workbook, a CSV file): diagnostics name a cell (`Sheet1!C7`).
    pub fn is_sheet(self) -> bool {
        matches!(self, Kind::Sheet | Kind::Csv)
    }

    /// True when yblint may write fixes back into a file of this kind: plain
    /// text and Markdown, never Word, workbooks or CSV.
    pub fn fixable(self) -> bool {
        matches!(self, Kind::Text | Kind::Markdown)
    }
}

/// One stretch of the checked text and where it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    /// Bytes of the checked text.
    pub text: Span,
    /// Bytes of the source text it stands for.
    pub source: Span,
    /// True when the checked text is a copy of the source bytes (so any
    /// offset inside maps exactly); false for text yblint wrote itself (a
    /// heading mark, a placeholder for code, a decoded entity), which maps
    /// only to the whole of `source`.
    pub copied: bool,
}

/// The map from checked-text offsets to source-text offsets: segments in
/// increasing order, covering the checked text without gaps.
///
/// An empty map is the identity (a `.txt` file, checked as written).
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    segments: Vec<Segment>,
}

impl OffsetMap {
    /// The identity map.
    pub fn identity() -> Self {
        OffsetMap::default()
    }

    /// True for the identity map.
    pub fn is_identity(&self) -> bool {
        self.segments.is_empty()
    }

    /// The segments, in checked-text order.
    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// The segment holding checked-text byte `offset`: the one that starts
    /// at or before it, preferring, at a boundary, the segment that starts
    /// there (`at_end` false) or the one that ends there (`at_end` true).
    fn segment(&self, offset: usize, at_end: bool) -> Option<&Segment> {
        let i = if at_end {
            self.segments.partition_point(|s| s.text.end < offset)
        } else {
            self.segments.partition_point(|s| s.text.end <= offset)
        };
        self.segments.get(i).or_else(|| self.segments.last())
    }

    /// The source offset of checked-text `offset`, as the start of a span
    /// (`at_end` false) or its end (`at_end` true): inside a copied segment
    /// exactly, inside a written one at the start (or end) of what it stands
    /// for.
    pub fn offset(&self, offset: usize, at_end: bool) -> usize {
        match self.segment(offset, at_end) {
            None => offset,
            Some(s) if s.copied => {
                let into = offset.saturating_sub(s.text.start).min(s.source.len());
                s.source.start + into
            }
            Some(s) if at_end && offset > s.text.start => s.source.end,
            Some(s) if !at_end && offset >= s.text.end && s.text.end > s.text.start => s.source.end,
            Some(s) => s.source.start,
        }
    }

    /// The source span a checked-text span stands for, as wide as needed
    /// to cover it (for showing a diagnostic).
    pub fn span(&self, span: Span) -> Span {
        if self.is_identity() {
            return span;
        }
        let start = self.offset(span.start, false);
        let end = self.offset(span.end, true).max(start);
        Span::new(start, end)
    }

    /// The source span holding exactly the bytes of a checked-text span, or
    /// `None` when they are not one contiguous copy of the source (the span
    /// crosses removed markup, as `754户` in `**754**户`, or covers text
    /// yblint wrote). An empty span maps when its position is inside or at
    /// the edge of a copied segment. This is the span a fix may edit.
    pub fn exact(&self, span: Span) -> Option<Span> {
        if self.is_identity() {
            return Some(span);
        }
        if span.is_empty() {
            let i = self.segments.partition_point(|s| s.text.end < span.start);
            return self.segments[i..]
                .iter()
                .take_while(|s| s.text.start <= span.start)
                .find(|s| s.copied)
                .map(|s| {
                    let at = s.source.start + (span.start - s.text.start);
                    Span::new(at, at)
                });
        }
        let mut i = self.segments.partition_point(|s| s.text.end <= span.start);
        let mut cur = *self.segments.get(i)?;
        if !cur.copied || cur.text.start > span.start {
            return None;
        }
        let start = cur.source.start + (span.start - cur.text.start);
        loop {
            if span.end <= cur.text.end {
                return Some(Span::new(
                    start,
                    cur.source.start + (span.end - cur.text.start),
                ));
            }
            i += 1;
            let next = *self.segments.get(i)?;
            if !next.copied || next.source.start != cur.source.end {
                return None;
            }
            cur = next;
        }
    }
}

/// Builds a checked text and its [`OffsetMap`] piece by piece.
#[derive(Debug, Default)]
pub struct Builder {
    text: String,
    segments: Vec<Segment>,
    cuts: Vec<usize>,
}

impl Builder {
    /// An empty builder.
    pub fn new() -> Self {
        Builder::default()
    }

    /// The checked text so far.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Appends `text`, a copy of the source bytes at `source`.
    pub fn copy(&mut self, text: &str, source: usize) {
        self.push(text, Span::new(source, source + text.len()), true);
    }

    /// Appends `text` that yblint writes itself, standing for the source
    /// span `source` (possibly empty).
    pub fn write(&mut self, text: &str, source: Span) {
        self.push(text, source, false);
    }

    fn push(&mut self, text: &str, source: Span, copied: bool) {
        if text.is_empty() {
            return;
        }
        let start = self.text.len();
        self.text.push_str(text);
        let seg = Segment {
            text: Span::new(start, self.text.len()),
            source,
            copied,
        };
        // Merge a copy that continues the previous copy.
        if let Some(last) = self.segments.last_mut() {
            if copied && last.copied && last.source.end == source.start {
                last.text.end = seg.text.end;
                last.source.end = source.end;
                return;
            }
        }
        self.segments.push(seg);
    }

    /// Ends the current line (if the text does not end with one) at source
    /// offset `source`.
    pub fn end_line(&mut self, source: usize) {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.write("\n", Span::new(source, source));
        }
    }

    /// Marks the current position (after ending the line) as the start of a
    /// block nothing before can run into: a sentence or a figure never
    /// continues across it.
    pub fn cut(&mut self, source: usize) {
        self.end_line(source);
        if !self.text.is_empty() {
            self.blank_line(source);
        }
        let at = self.text.len();
        if self.cuts.last() != Some(&at) {
            self.cuts.push(at);
        }
    }

    /// Appends a blank line (after ending the current one), unless the
    /// text already ends with one or is empty.
    pub fn blank_line(&mut self, source: usize) {
        self.end_line(source);
        if !self.text.is_empty() && !self.text.ends_with("\n\n") {
            self.write("\n", Span::new(source, source));
        }
    }

    /// The checked text, its map and its block cuts.
    pub fn finish(self) -> (String, OffsetMap, Vec<usize>) {
        (
            self.text,
            OffsetMap {
                segments: self.segments,
            },
            self.cuts,
        )
    }
}

/// A table read from the source (a Markdown pipe table, a Word table).
/// No rule reads tables yet; they are here so that later rules can.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    /// The whole table in the source text.
    pub source: Span,
    /// Rows in order; a Markdown table's header row first.
    pub rows: Vec<Row>,
}

/// One row of a [`Table`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Row {
    /// True for a header row (Markdown's first row).
    pub header: bool,
    /// The cells, left to right.
    pub cells: Vec<Cell>,
}

/// One cell of a [`Table`]: its text is a block of the checked text of its
/// own (a sentence never runs from one cell into the next).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cell {
    /// The cell's text in the checked text (markup removed).
    pub text: Span,
    /// The cell in the source text.
    pub source: Span,
}

/// Where a Word paragraph stands: in the body or in a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParagraphPlace {
    /// A paragraph of the body.
    Body,
    /// A heading of level 1–9 (by its style).
    Heading(u8),
    /// A paragraph in a table cell; table, row and column are 1-based, in
    /// document order (a nested table counts after the one holding it).
    Cell {
        /// Table number.
        table: usize,
        /// Row number.
        row: usize,
        /// Column number.
        column: usize,
    },
}

/// Where a cell of a workbook or CSV file stands in the source text, and
/// which cell it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetCell {
    /// The cell's text in the source text (a workbook's text view, or the
    /// CSV file with the field's quotes left out).
    pub source: Span,
    /// The sheet's name; `None` for a CSV file (one sheet, no name).
    pub sheet: Option<String>,
    /// 1-based row number, as the spreadsheet shows it.
    pub row: u32,
    /// 1-based column number (A is 1).
    pub column: u32,
}

impl SheetCell {
    /// The column's letters (`1` → `A`, `27` → `AA`).
    pub fn column_letters(column: u32) -> String {
        let mut n = column;
        let mut out = Vec::new();
        while n > 0 {
            let r = (n - 1) % 26;
            out.push(b'A' + r as u8);
            n = (n - 1) / 26;
        }
        out.reverse();
        String::from_utf8(out).unwrap_or_default()
    }

    /// The cell as a spreadsheet names it: `C7` in a CSV file,
    /// `Sheet1!C7` in a workbook, `'2024 年'!C7` for a sheet name that needs
    /// quotes.
    pub fn reference(&self) -> String {
        let cell = format!("{}{}", SheetCell::column_letters(self.column), self.row);
        match &self.sheet {
            None => cell,
            Some(name) if name.chars().all(|c| c.is_alphanumeric() || c == '_') => {
                format!("{name}!{cell}")
            }
            Some(name) => format!("'{}'!{cell}", name.replace('\'', "''")),
        }
    }
}

/// A document ready for the rules: see the module documentation.
#[derive(Debug, Clone)]
pub struct Document {
    /// The path as the user gave it, or `<stdin>`.
    pub name: String,
    /// What kind of input it was.
    pub kind: Kind,
    /// The file's encoding (UTF-8 for a `.docx`, whose XML is read as such).
    pub encoding: &'static Encoding,
    /// True when the encoding was detected, false when `--encoding` named it.
    pub encoding_detected: bool,
    /// Byte offsets in the file of each source-text line start, for
    /// [`super::encoding::RawOffsets`]; empty when source offsets are file
    /// offsets (UTF-8) or when there are no file bytes to point at (docx).
    pub raw_lines: Vec<usize>,
    /// The checked text: what the parser and the rules read.
    pub text: String,
    /// The source text, when it differs from the checked text.
    source: Option<String>,
    /// Checked-text offsets to source-text offsets.
    pub map: OffsetMap,
    /// Checked-text offsets where a block starts that nothing before runs
    /// into (table cells, text after a code block), in increasing order; the
    /// parser cuts the text there (see [`crate::syntax::parse_with_cuts`]).
    pub cuts: Vec<usize>,
    /// Tables, in source order.
    pub tables: Vec<Table>,
    /// For a `.docx`: where each paragraph stands, paragraph N (line N of
    /// the source text) at index N−1. Empty for other kinds.
    pub paragraphs: Vec<ParagraphPlace>,
    /// For a workbook or CSV file: its non-empty cells in source order.
    /// Empty for other kinds.
    pub cells: Vec<SheetCell>,
}

impl Document {
    /// A plain-text document: the checked text is the decoded file.
    pub fn plain(name: &str, decoded: super::encoding::Decoded) -> Document {
        Document {
            name: name.to_string(),
            kind: Kind::Text,
            encoding: decoded.encoding,
            encoding_detected: decoded.detected,
            raw_lines: decoded.raw_lines,
            text: decoded.text,
            source: None,
            map: OffsetMap::identity(),
            cuts: Vec::new(),
            tables: Vec::new(),
            paragraphs: Vec::new(),
            cells: Vec::new(),
        }
    }

    /// A document whose checked text was built from `source` (Markdown,
    /// Word) by a [`Builder`].
    #[allow(clippy::too_many_arguments)]
    pub fn built(
        name: &str,
        kind: Kind,
        encoding: &'static Encoding,
        encoding_detected: bool,
        raw_lines: Vec<usize>,
        source: String,
        builder: Builder,
        tables: Vec<Table>,
        paragraphs: Vec<ParagraphPlace>,
    ) -> Document {
        let (text, map, cuts) = builder.finish();
        Document {
            name: name.to_string(),
            kind,
            encoding,
            encoding_detected,
            raw_lines,
            text,
            source: Some(source),
            map,
            cuts,
            tables,
            paragraphs,
            cells: Vec::new(),
        }
    }

    /// The document `source` (a new source text for the same file: the
    /// text after fixes, or with suppression markers masked) reads as: the
    /// same kind, name and encoding, read again. A `.docx` cannot be read
    /// again from its paragraphs: only a text of the same length (masked)
    /// is taken, through the same map; another is ignored.
    pub fn with_source_text(&self, source: String) -> Document {
        let decoded = |text: String| super::encoding::Decoded {
            raw_lines: super::encoding::raw_lines_of(&text, self.encoding),
            text,
            encoding: self.encoding,
            detected: self.encoding_detected,
        };
        let mut doc = match self.kind {
            Kind::Text => Document::plain(&self.name, decoded(source)),
            Kind::Markdown => super::markdown::document(&self.name, decoded(source)),
            Kind::Docx | Kind::Sheet | Kind::Csv => {
                let mut doc = self.clone();
                if source.len() == self.source_text().len() {
                    let mut text = String::with_capacity(self.text.len());
                    for seg in self.map.segments() {
                        if seg.copied {
                            text.push_str(source.get(seg.source.range()).unwrap_or_default());
                        } else {
                            text.push_str(seg.text.slice(&self.text));
                        }
                    }
                    if text.len() == self.text.len() {
                        doc.text = text;
                        doc.source = Some(source);
                    }
                }
                doc
            }
        };
        doc.encoding_detected = self.encoding_detected;
        doc
    }

    /// The source text: the decoded file (`.txt`, `.md`) or the paragraphs
    /// of a `.docx`, one a line. Diagnostics from [`Document::to_source`]
    /// index it.
    pub fn source_text(&self) -> &str {
        self.source.as_deref().unwrap_or(&self.text)
    }

    /// Moves it out: the source text.
    pub fn into_source_text(self) -> String {
        self.source.unwrap_or(self.text)
    }

    /// The encoding's name when it is not UTF-8 (`GB18030`, `UTF-16LE`,
    /// `UTF-16BE`), for outputs to mention; `None` for UTF-8 (with or
    /// without a byte-order mark) and for `.docx`.
    pub fn encoding_note(&self) -> Option<&'static str> {
        (self.encoding != encoding_rs::UTF_8).then(|| super::encoding::display_name(self.encoding))
    }

    /// The source span shown for a checked-text span (covering it).
    pub fn source_span(&self, span: Span) -> Span {
        self.map.span(span)
    }

    /// The source span a fix may edit for a checked-text span: `Some` only
    /// when the span's text is one contiguous copy of the source (always for
    /// `.txt`; for Markdown unless it crosses markup or an entity; never for
    /// `.docx`, which yblint does not rewrite).
    pub fn fix_span(&self, span: Span) -> Option<Span> {
        if !self.kind.fixable() {
            return None;
        }
        self.map.exact(span)
    }

    /// True when fixes can be written back into the file: plain text and
    /// Markdown, never a `.docx`, a workbook or a CSV file.
    pub fn fixable(&self) -> bool {
        self.kind.fixable()
    }

    /// Encodes a fixed source text (the whole of [`Document::source_text`]
    /// after edits) back into the file's encoding, byte-order mark included
    /// when the file had one. Refused for a character the encoding cannot
    /// represent, and for a `.docx`.
    pub fn encode(&self, source_text: &str) -> Result<Vec<u8>, super::encoding::EncodeError> {
        if !self.kind.fixable() {
            return Err(super::encoding::EncodeError {
                encoding: if self.kind == Kind::Docx {
                    "docx"
                } else {
                    "spreadsheet"
                },
                character: source_text.chars().next().unwrap_or(' '),
            });
        }
        super::encoding::encode(source_text, self.encoding)
    }

    /// A diagnostic of the checked text moved into source-text coordinates:
    /// its span and labels cover what they stood for, and its fix is kept
    /// only when every edit maps exactly ([`Document::fix_span`]).
    pub fn to_source(&self, d: Diagnostic) -> Diagnostic {
        if self.map.is_identity() {
            return d;
        }
        let mut d = d;
        d.span = self.source_span(d.span);
        for l in &mut d.labels {
            l.span = self.source_span(l.span);
        }
        d.fix = d.fix.and_then(|f| {
            let edits: Option<Vec<Edit>> = f
                .edits
                .iter()
                .map(|e| {
                    self.fix_span(e.span).map(|span| Edit {
                        span,
                        replacement: e.replacement.clone(),
                    })
                })
                .collect();
            edits.map(|edits| Fix { edits, ..f })
        });
        d
    }

    /// For a workbook or CSV file: the cell whose text holds source-text
    /// byte `offset` (or, past the end of a cell's text, the last cell
    /// starting at or before it); `None` for other kinds.
    pub fn cell_at(&self, offset: usize) -> Option<&SheetCell> {
        cell_at(&self.cells, offset)
    }

    /// For a `.docx`: the 1-based paragraph number and 0-based character
    /// offset in it of source-text byte `offset`; `None` for other kinds.
    pub fn paragraph_at(&self, offset: usize) -> Option<(usize, usize)> {
        if self.kind != Kind::Docx {
            return None;
        }
        let src = self.source_text();
        let mut offset = offset.min(src.len());
        while !src.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &src[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Some((
            before.matches('\n').count() + 1,
            before[line_start..].chars().count(),
        ))
    }
}

/// The cell of `cells` (in source order) holding source byte `offset`:
/// the last one starting at or before it.
pub fn cell_at(cells: &[SheetCell], offset: usize) -> Option<&SheetCell> {
    let i = cells.partition_point(|c| c.source.start <= offset);
    i.checked_sub(1).map(|i| &cells[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_named_as_spreadsheets_name_them() {
        let cell = |sheet: Option<&str>, row, column| SheetCell {
            source: Span::new(0, 0),
            sheet: sheet.map(str::to_string),
            row,
            column,
        };
        assert_eq!(cell(None, 7, 3).reference(), "C7");
        assert_eq!(cell(Some("Sheet1"), 7, 27).reference(), "Sheet1!AA7");
        assert_eq!(cell(Some("人口"), 1, 26).reference(), "人口!Z1");
        assert_eq!(cell(Some("2024 年"), 2, 1).reference(), "'2024 年'!A2");
        assert_eq!(cell(Some("O'Neil"), 2, 52).reference(), "'O''Neil'!AZ2");
    }

    #[test]
    fn maps_copies_exactly_and_written_text_coarsely() {
        // Source `有**754**户` checked as `有754户`.
        let src = "有**754**户";
        let mut b = Builder::new();
        b.copy("有", 0);
        b.copy("754", 5);
        b.copy("户", 10);
        let (text, map, _) = b.finish();
        assert_eq!(text, "有754户");
        let s = map.span(Span::new(3, 9));
        assert_eq!(s.slice(src), "754**户");
        assert_eq!(
            map.exact(Span::new(3, 6)).map(|s| s.slice(src)),
            Some("754")
        );
        assert_eq!(map.exact(Span::new(3, 9)), None);
        assert_eq!(map.exact(Span::new(6, 9)).map(|s| s.slice(src)), Some("户"));

        // A placeholder stands for the whole code span.
        let src = "有`x`户";
        let mut b = Builder::new();
        b.copy("有", 0);
        b.write("\u{FFFC}", Span::new(3, 6));
        b.copy("户", 6);
        let (_, map, _) = b.finish();
        assert_eq!(map.span(Span::new(3, 6)).slice(src), "`x`");
        assert_eq!(map.exact(Span::new(3, 6)), None);
        assert_eq!(map.span(Span::new(0, 9)).slice(src), src);
    }
}
