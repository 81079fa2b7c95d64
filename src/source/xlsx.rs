//! Workbooks (`.xlsx`, `.xlsm`, `.xlsb`, `.xls`, `.ods`), read with
//! `calamine`: every sheet, in workbook order; a formula's cached value.
//!
//! A workbook has no text to point into, so yblint writes a **text view**
//! of it and that is the document's source text: each sheet's filled rows,
//! one a line, their cells separated by tabs (empty cells kept, so that
//! columns line up), a blank line between sheets. Line and column of a
//! diagnostic index that view; every diagnostic also names its cell
//! ([`SheetCell::reference`](super::SheetCell::reference), `Sheet1!C7`).
//!
//! Numbers read as the spreadsheet stores them: `1250`, `41.58`; a
//! computed value with float noise (`41.260000000000005`) is rounded to six
//! decimals. A share stored as a fraction under a `%` header (`0.235` shown
//! as `23.5%`) is read in percent when every figure of its column is a
//! fraction and one has three decimals or more. Merged cells read as their
//! top-left cell, where the spreadsheet keeps the value.
//!
//! A damaged, encrypted or unreadable workbook is [`SourceError::Sheet`].

use std::collections::HashSet;
use std::io::Cursor;

use calamine::{Data, Reader};

use super::document::{Document, Kind};
use super::sheet::{assemble, CellIn, SheetIn};
use super::SourceError;
use crate::span::Span;

/// The most a workbook may declare it unpacks to, in bytes (a zip bomb is
/// refused before it is read).
pub const MAX_UNPACKED_BYTES: u64 = 256 << 20;

/// The signature of an OLE compound file (`.xls`, encrypted workbooks).
const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

fn err(message: impl Into<String>) -> SourceError {
    SourceError::Sheet(message.into())
}

/// Reads the bytes of a workbook with extension `ext` (lower case) into a
/// [`Document`].
///
/// Errors: [`SourceError::Sheet`] for a password-protected workbook, a
/// damaged one, one that is not the format its extension says, and one
/// that unpacks to more than [`MAX_UNPACKED_BYTES`].
pub fn document(name: &str, ext: &str, bytes: &[u8]) -> Result<Document, SourceError> {
    let sheets = read_sheets(ext, bytes)?;
    let (view, sheets) = text_view(sheets);
    Ok(assemble(
        name,
        Kind::Sheet,
        encoding_rs::UTF_8,
        true,
        Vec::new(),
        view,
        &sheets,
    ))
}

/// A sheet as read: its name and its filled cells (1-based row, column).
type RawSheet = (String, Vec<(u32, u32, Data)>);

fn read_sheets(ext: &str, bytes: &[u8]) -> Result<Vec<RawSheet>, SourceError> {
    if bytes.starts_with(&OLE_MAGIC) {
        let encrypted: Vec<u8> = "EncryptedPackage"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        if bytes.windows(encrypted.len()).any(|w| w == encrypted) {
            return Err(err(
                "password-protected (encrypted) workbook: yblint cannot read it; save a copy without a password",
            ));
        }
    } else if bytes.starts_with(b"PK") {
        check_size(bytes)?;
    }
    let cursor = Cursor::new(bytes);
    let damaged = |e: calamine::Error| {
        let what = match ext {
            "xls" => "an Excel 97-2003 (.xls) workbook",
            "ods" => "an OpenDocument (.ods) spreadsheet",
            "xlsb" => "an Excel binary (.xlsb) workbook",
            _ => "an Excel (.xlsx) workbook",
        };
        err(format!(
            "not a readable workbook: not {what}, or damaged ({e})"
        ))
    };
    let mut book = match ext {
        "xls" => calamine::Sheets::Xls(
            calamine::open_workbook_from_rs(cursor)
                .map_err(|e| damaged(calamine::Error::Xls(e)))?,
        ),
        "ods" => calamine::Sheets::Ods(
            calamine::open_workbook_from_rs(cursor)
                .map_err(|e| damaged(calamine::Error::Ods(e)))?,
        ),
        "xlsb" => calamine::Sheets::Xlsb(
            calamine::open_workbook_from_rs(cursor)
                .map_err(|e| damaged(calamine::Error::Xlsb(e)))?,
        ),
        _ => calamine::Sheets::Xlsx(
            calamine::open_workbook_from_rs(cursor)
                .map_err(|e| damaged(calamine::Error::Xlsx(e)))?,
        ),
    };
    let mut out = Vec::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).map_err(damaged)?;
        let (top, left) = range.start().unwrap_or((0, 0));
        let cells = range
            .used_cells()
            .filter(|(_, _, d)| !matches!(d, Data::Empty))
            .map(|(r, c, d)| (top + r as u32 + 1, left + c as u32 + 1, d.clone()))
            .collect();
        out.push((name, cells));
    }
    Ok(out)
}

/// Refuses a zip whose entries declare more than [`MAX_UNPACKED_BYTES`].
fn check_size(bytes: &[u8]) -> Result<(), SourceError> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        // calamine says what is wrong with it.
        return Ok(());
    };
    let mut total = 0u64;
    for i in 0..zip.len() {
        if let Ok(entry) = zip.by_index_raw(i) {
            total = total.saturating_add(entry.size());
        }
    }
    if total > MAX_UNPACKED_BYTES {
        return Err(err(format!(
            "the workbook expands to more than {} MiB; yblint reads at most {} MiB",
            total >> 20,
            MAX_UNPACKED_BYTES >> 20
        )));
    }
    Ok(())
}

/// A number as the checked text writes it: an integer without decimals,
/// others as stored, float noise rounded off at six decimals.
fn number_text(v: f64) -> String {
    if !v.is_finite() {
        return v.to_string();
    }
    if v.fract() == 0.0 && v.abs() < 1e15 {
        return format!("{}", v as i64);
    }
    let shortest = format!("{v}");
    let decimals = shortest.split_once('.').map_or(0, |(_, f)| f.len());
    if decimals <= 6 {
        return shortest;
    }
    let rounded = format!("{v:.6}");
    rounded
        .trim_end_matches('0')
        .trim_end_matches('.')
        .to_string()
}

/// The text of a cell; `None` for an empty one.
fn cell_text(d: &Data, percent: bool) -> Option<String> {
    let text = match d {
        Data::Empty => return None,
        Data::Int(i) if percent => number_text(*i as f64 * 100.0),
        Data::Float(f) if percent => number_text(f * 100.0),
        Data::Float(f) => number_text(*f),
        other => other.to_string(),
    };
    // A cell's line breaks and tabs would break the view's rows.
    let text = text.replace(['\t', '\n', '\r'], " ");
    (!text.trim().is_empty()).then_some(text)
}

/// The cells of a sheet that are shares stored as fractions: under a
/// header with `%`, in a run of numbers that are all fractions (|v| ≤ 1),
/// one with three decimals or more. Returned as (row, column) pairs.
fn fraction_shares(cells: &[(u32, u32, Data)]) -> HashSet<(u32, u32)> {
    // Each column's cells, top to bottom (the cells come row by row).
    let mut columns: std::collections::BTreeMap<u32, Vec<(u32, &Data)>> = Default::default();
    for (row, col, d) in cells {
        columns.entry(*col).or_default().push((*row, d));
    }
    let mut out = HashSet::new();
    for (col, column) in columns {
        let mut header_percent = false;
        let mut run: Vec<(u32, f64)> = Vec::new();
        let mut flush = |run: &mut Vec<(u32, f64)>, percent: bool| {
            let fractions = run.iter().all(|(_, v)| v.abs() <= 1.0);
            let fine = run.iter().any(|(_, v)| {
                let s = format!("{v}");
                s.split_once('.').is_some_and(|(_, f)| f.len() >= 3)
            });
            if percent && fractions && fine {
                out.extend(run.iter().map(|(r, _)| (*r, col)));
            }
            run.clear();
        };
        for (row, d) in column {
            match d {
                Data::Float(f) => run.push((row, *f)),
                Data::Int(i) => run.push((row, *i as f64)),
                Data::String(s) if crate::relations::table::grid::is_blank(s) => {}
                Data::String(s) => {
                    flush(&mut run, header_percent);
                    header_percent = s.contains(['%', '％']);
                }
                _ => {}
            }
        }
        flush(&mut run, header_percent);
    }
    out
}

/// The text view of the sheets and their cells placed in it.
fn text_view(sheets: Vec<RawSheet>) -> (String, Vec<SheetIn>) {
    let mut view = String::new();
    let mut out = Vec::new();
    for (name, cells) in sheets {
        let shares = fraction_shares(&cells);
        let left = cells.iter().map(|c| c.1).min().unwrap_or(1);
        let mut sheet = SheetIn {
            name: Some(name),
            cells: Vec::new(),
        };
        let mut rows: Vec<(u32, Vec<(u32, String)>)> = Vec::new();
        let mut sorted = cells;
        sorted.sort_by_key(|c| (c.0, c.1));
        for (row, col, d) in &sorted {
            let Some(text) = cell_text(d, shares.contains(&(*row, *col))) else {
                continue;
            };
            match rows.last_mut() {
                Some((r, cs)) if r == row => cs.push((*col, text)),
                _ => rows.push((*row, vec![(*col, text)])),
            }
        }
        if rows.is_empty() {
            continue;
        }
        if !view.is_empty() {
            view.push('\n');
        }
        for (row, cs) in rows {
            let mut column = left;
            for (col, text) in cs {
                while column < col {
                    view.push('\t');
                    column += 1;
                }
                let at = view.len();
                view.push_str(&text);
                sheet.cells.push(CellIn {
                    row,
                    column: col,
                    source: Span::new(at, view.len()),
                    text,
                    copied: true,
                });
            }
            view.push('\n');
        }
        out.push(sheet);
    }
    (view, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_stored_without_float_noise() {
        assert_eq!(number_text(1250.0), "1250");
        assert_eq!(number_text(41.58), "41.58");
        assert_eq!(number_text(20.95 + 20.31), "41.26");
        assert_eq!(number_text(-3.4), "-3.4");
    }

    #[test]
    fn fractions_under_a_percent_header_read_as_percent() {
        let cells = vec![
            (1, 2, Data::String("比重（%）".into())),
            (2, 2, Data::Float(1.0)),
            (3, 2, Data::Float(0.235)),
            (4, 2, Data::Float(0.765)),
            (1, 3, Data::String("比重（%）".into())),
            (2, 3, Data::Float(100.0)),
            (3, 3, Data::Float(23.5)),
        ];
        let mut got: Vec<(u32, u32)> = fraction_shares(&cells).into_iter().collect();
        got.sort_unstable();
        assert_eq!(got, [(2, 2), (3, 2), (4, 2)]);
    }

    #[test]
    fn garbage_is_refused_not_panicked_on() {
        let e = document("a.xlsx", "xlsx", b"PK\x03\x04 not really").unwrap_err();
        assert!(e.to_string().starts_with("not a readable workbook"), "{e}");
        let e = document("a.xls", "xls", &[7u8; 300]).unwrap_err();
        assert!(e.to_string().contains(".xls"), "{e}");
    }
}
