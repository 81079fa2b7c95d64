//! Comma-separated values (`.csv`), read with the `csv` crate after the
//! file is decoded as any text draft is (UTF-8 with or without a
//! byte-order mark, GB18030/GBK, UTF-16 with a mark; `--encoding`).
//!
//! The file is one sheet without a name; its records are rows, its fields
//! cells ([`super::sheet`] says which rows are prose and which a table).
//! The source text is the file itself, so a diagnostic's line and column
//! are those of the file, and it names its cell too (`C7`). A field in
//! quotes is located inside them. A first line with tabs and no comma is
//! read as tab-separated.

use super::document::{Document, Kind};
use super::encoding::Decoded;
use super::sheet::{assemble, CellIn, SheetIn};
use super::SourceError;
use crate::span::Span;

/// Reads a decoded CSV file into a [`Document`].
///
/// Errors: [`SourceError::Sheet`] when the `csv` reader refuses a record.
pub fn document(name: &str, decoded: Decoded) -> Result<Document, SourceError> {
    let sheet = read(&decoded.text)?;
    let Decoded {
        text,
        encoding,
        detected,
        raw_lines,
    } = decoded;
    Ok(assemble(
        name,
        Kind::Csv,
        encoding,
        detected,
        raw_lines,
        text,
        &[sheet],
    ))
}

/// The cells of the CSV text `text` (a byte-order mark skipped).
fn read(text: &str) -> Result<SheetIn, SourceError> {
    let skip = if text.starts_with('\u{FEFF}') {
        '\u{FEFF}'.len_utf8()
    } else {
        0
    };
    let body = &text[skip..];
    let first = body.lines().next().unwrap_or("");
    let delimiter = if !first.contains(',') && first.contains('\t') {
        b'\t'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(body.as_bytes());
    let mut sheet = SheetIn::default();
    let mut record = csv::StringRecord::new();
    loop {
        let more = reader
            .read_record(&mut record)
            .map_err(|e| SourceError::Sheet(format!("not a readable CSV file: {e}")))?;
        if !more {
            break;
        }
        let Some(pos) = record.position() else {
            continue;
        };
        let row = pos.line() as u32;
        let start = skip + pos.byte() as usize;
        let mut at = Some(start);
        for (i, field) in record.iter().enumerate() {
            let (source, copied, next) = match at.and_then(|a| locate(text, a, field, delimiter)) {
                Some((span, copied, next)) => (span, copied, Some(next)),
                // Not where it should be: the field stands for its line.
                None => {
                    let end = text[start..].find('\n').map_or(text.len(), |n| start + n);
                    (Span::new(start, end), false, None)
                }
            };
            at = next;
            if field.trim().is_empty() {
                continue;
            }
            let text = field.replace(['\n', '\r'], " ");
            sheet.cells.push(CellIn {
                row,
                column: i as u32 + 1,
                copied: copied && text == field,
                text,
                source,
            });
        }
    }
    Ok(sheet)
}

/// Where the field `field` starting at byte `at` of `text` stands: its
/// span (inside the quotes of a quoted field), whether the span holds it
/// as written (no doubled quotes), and where the next field starts.
fn locate(text: &str, at: usize, field: &str, delimiter: u8) -> Option<(Span, bool, usize)> {
    let rest = text.get(at..)?;
    let bytes = rest.as_bytes();
    let (span, end) = if bytes.first() == Some(&b'"') {
        // The closing quote: one not doubled.
        let mut i = 1;
        loop {
            match bytes.get(i)? {
                b'"' if bytes.get(i + 1) == Some(&b'"') => i += 2,
                b'"' => break,
                _ => i += 1,
            }
        }
        (Span::new(at + 1, at + i), at + i + 1)
    } else {
        if !rest.starts_with(field) {
            return None;
        }
        (Span::new(at, at + field.len()), at + field.len())
    };
    let copied = text.get(span.range()) == Some(field);
    let next = if text.as_bytes().get(end) == Some(&delimiter) {
        end + 1
    } else {
        end
    };
    Some((span, copied, next))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_located_in_the_file_quotes_left_out() {
        let text = "\u{FEFF}项目,2024年\n合计,\"1,250\"\n\"说\"\"明\",3\n";
        let sheet = read(text).unwrap();
        let got: Vec<(u32, u32, &str, &str, bool)> = sheet
            .cells
            .iter()
            .map(|c| {
                (
                    c.row,
                    c.column,
                    c.text.as_str(),
                    c.source.slice(text),
                    c.copied,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (1, 1, "项目", "项目", true),
                (1, 2, "2024年", "2024年", true),
                (2, 1, "合计", "合计", true),
                (2, 2, "1,250", "1,250", true),
                (3, 1, "说\"明", "说\"\"明", false),
                (3, 2, "3", "3", true),
            ]
        );
    }
}
