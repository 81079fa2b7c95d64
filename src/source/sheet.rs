//! The cells of a sheet (a workbook's sheet, a CSV file) laid out as a
//! [`Document`]: the rows around a table (a title, a `注：` note) are prose,
//! the rest are the rows of a [`Table`] that the table relations check.
//!
//! * A row before any table with one filled cell is prose (a title); so is
//!   a row whose first filled cell starts a note (`注`, `说明`, `资料来源`,
//!   `数据来源`, `备注`), which also ends the table above it.
//! * The first row with two filled cells or more opens a table; a row with
//!   one filled cell after a blank row closes it (a new title), one right
//!   under a table row stays in it (a group label such as `其中：`).
//! * A unit cell (`单位：万元`) in the rows above a table becomes the
//!   table's first row, so that the table is read in its unit.
//! * Every filled cell is a block of the checked text of its own, copied
//!   from the source text (a field with doubled quotes is written as it
//!   reads, standing for the field); empty cells of a table row are empty
//!   cells of the [`Table`], so that columns stay in place.

use encoding_rs::Encoding;

use super::document::{Builder, Cell, Document, Kind, Row, SheetCell, Table};
use crate::span::Span;

/// One filled cell as read from a sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellIn {
    /// 1-based row number.
    pub row: u32,
    /// 1-based column number.
    pub column: u32,
    /// The cell's text as the checked text holds it.
    pub text: String,
    /// Where the text stands in the source text.
    pub source: Span,
    /// True when `text` is a copy of the source bytes at `source`.
    pub copied: bool,
}

/// The filled cells of one sheet, row by row, left to right.
#[derive(Debug, Clone, Default)]
pub struct SheetIn {
    /// The sheet's name (`None` for a CSV file).
    pub name: Option<String>,
    /// The filled cells in row-major order.
    pub cells: Vec<CellIn>,
}

/// Words that start a note below a table.
const NOTE_WORDS: &[&str] = &["注", "说明", "资料来源", "数据来源", "备注"];

fn squeezed(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// True for a unit cell: `单位：万元`, `单位:人`.
fn is_unit_cell(text: &str) -> bool {
    let s = squeezed(text);
    s.chars().count() <= 16
        && s.strip_prefix("单位")
            .is_some_and(|u| u.starts_with(['：', ':']) && u.chars().count() > 1)
}

/// What the rows of a sheet are.
enum Block<'a> {
    /// Cells read as prose, each a block.
    Prose(Vec<&'a CellIn>),
    /// A table: its unit cell, if one stood above it, and its rows.
    Table {
        unit: Option<&'a CellIn>,
        rows: Vec<Vec<&'a CellIn>>,
    },
}

/// Splits the rows of a sheet into prose and tables.
fn blocks(cells: &[CellIn]) -> Vec<Block<'_>> {
    let mut rows: Vec<Vec<&CellIn>> = Vec::new();
    for c in cells {
        match rows.last_mut() {
            Some(r) if r[0].row == c.row => r.push(c),
            _ => rows.push(vec![c]),
        }
    }
    let mut out: Vec<Block<'_>> = Vec::new();
    let mut open: Open<'_> = None;
    // A unit cell seen above the next table, with the row it stands in.
    let mut unit: Option<&CellIn> = None;
    let mut last_row = 0u32;
    for row in rows {
        let gap = row[0].row > last_row + 1;
        last_row = row[0].row;
        let note = NOTE_WORDS.iter().any(|w| row[0].text.trim().starts_with(w));
        if note {
            close(&mut open, &mut out);
            if let Some(u) = unit.take() {
                out.push(Block::Prose(vec![u]));
            }
            out.push(Block::Prose(row));
            continue;
        }
        if let Some((_, rows)) = &mut open {
            if row.len() == 1 && gap {
                close(&mut open, &mut out);
            } else {
                rows.push(row);
                continue;
            }
        }
        // Above a table: a unit cell waits for the table; the other cells
        // of its row are prose.
        let (units, rest): (Vec<&CellIn>, Vec<&CellIn>) =
            row.iter().partition(|c| is_unit_cell(&c.text));
        if units.is_empty() && row.len() >= 2 {
            open = Some((unit.take(), vec![row]));
            continue;
        }
        if let Some(u) = unit.take() {
            out.push(Block::Prose(vec![u]));
        }
        if !rest.is_empty() {
            out.push(Block::Prose(rest));
        }
        unit = units.last().copied();
        for u in units.iter().rev().skip(1).rev() {
            out.push(Block::Prose(vec![u]));
        }
    }
    close(&mut open, &mut out);
    if let Some(u) = unit {
        out.push(Block::Prose(vec![u]));
    }
    out
}

/// An open table, if any: its unit cell and rows.
type Open<'a> = Option<(Option<&'a CellIn>, Vec<Vec<&'a CellIn>>)>;

/// Closes the open table, if any, into `out`.
fn close<'a>(open: &mut Open<'a>, out: &mut Vec<Block<'a>>) {
    if let Some((unit, rows)) = open.take() {
        out.push(Block::Table { unit, rows });
    }
}

/// Appends one cell's text to the checked text as a block of its own.
fn put(b: &mut Builder, c: &CellIn) -> Span {
    b.cut(c.source.start);
    let start = b.text().len();
    if c.copied {
        b.copy(&c.text, c.source.start);
    } else {
        b.write(&c.text, c.source);
    }
    Span::new(start, b.text().len())
}

/// The document of the sheets of a workbook or CSV file whose source text
/// is `source` (a CSV file's text, or a workbook's text view).
#[allow(clippy::too_many_arguments)]
pub fn assemble(
    name: &str,
    kind: Kind,
    encoding: &'static Encoding,
    detected: bool,
    raw_lines: Vec<usize>,
    source: String,
    sheets: &[SheetIn],
) -> Document {
    let mut b = Builder::new();
    let mut tables = Vec::new();
    let mut placed = Vec::new();
    for sheet in sheets {
        let place = |c: &CellIn| SheetCell {
            source: c.source,
            sheet: sheet.name.clone(),
            row: c.row,
            column: c.column,
        };
        for block in blocks(&sheet.cells) {
            match block {
                Block::Prose(cells) => {
                    for c in cells {
                        put(&mut b, c);
                        placed.push(place(c));
                    }
                }
                Block::Table { unit, rows } => {
                    let first = rows
                        .iter()
                        .flat_map(|r| r.iter().map(|c| c.column))
                        .min()
                        .unwrap_or(1);
                    let mut table = Table::default();
                    let mut span: Option<Span> = None;
                    let mut grow = |s: Span| {
                        span = Some(span.map_or(s, |t| Span::new(t.start.min(s.start), s.end)));
                    };
                    if let Some(u) = unit {
                        let text = put(&mut b, u);
                        placed.push(place(u));
                        grow(u.source);
                        table.rows.push(Row {
                            header: false,
                            cells: vec![Cell {
                                text,
                                source: u.source,
                            }],
                        });
                    }
                    for r in rows {
                        let mut row = Row::default();
                        let mut column = first;
                        for c in r {
                            while column < c.column {
                                // An empty cell between filled ones.
                                b.cut(c.source.start);
                                let at = b.text().len();
                                row.cells.push(Cell {
                                    text: Span::new(at, at),
                                    source: Span::new(c.source.start, c.source.start),
                                });
                                column += 1;
                            }
                            let text = put(&mut b, c);
                            placed.push(place(c));
                            grow(c.source);
                            row.cells.push(Cell {
                                text,
                                source: c.source,
                            });
                            column = c.column + 1;
                        }
                        table.rows.push(row);
                    }
                    table.source = span.unwrap_or_default();
                    tables.push(table);
                }
            }
        }
        b.cut(source.len());
    }
    let end = source.len();
    b.end_line(end);
    let mut doc = Document::built(
        name,
        kind,
        encoding,
        detected,
        raw_lines,
        source,
        b,
        tables,
        Vec::new(),
    );
    placed.sort_by_key(|c| c.source.start);
    doc.cells = placed;
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(rows: &[(u32, &[(u32, &str)])]) -> Vec<CellIn> {
        let mut out = Vec::new();
        let mut at = 0;
        for (row, cs) in rows {
            for (column, text) in cs.iter() {
                out.push(CellIn {
                    row: *row,
                    column: *column,
                    text: text.to_string(),
                    source: Span::new(at, at + text.len()),
                    copied: true,
                });
                at += text.len() + 1;
            }
        }
        out
    }

    fn shape(blocks: &[Block<'_>]) -> Vec<String> {
        blocks
            .iter()
            .map(|b| match b {
                Block::Prose(cs) => format!(
                    "prose {}",
                    cs.iter()
                        .map(|c| c.text.as_str())
                        .collect::<Vec<_>>()
                        .join("|")
                ),
                Block::Table { unit, rows } => format!(
                    "table {} {}",
                    unit.map_or("-", |u| u.text.as_str()),
                    rows.len()
                ),
            })
            .collect()
    }

    #[test]
    fn titles_units_and_notes_stand_around_the_table() {
        let cs = cells(&[
            (1, &[(1, "表2 分乡镇人口")]),
            (2, &[(4, "单位：人")]),
            (3, &[(2, "2023年"), (3, "2024年")]),
            (4, &[(1, "合计"), (2, "10"), (3, "12")]),
            (5, &[(1, "其中：")]),
            (6, &[(1, "东坪镇"), (2, "4"), (3, "5")]),
            (8, &[(1, "注：含流动人口。")]),
            (10, &[(1, "表3 其他")]),
        ]);
        assert_eq!(
            shape(&blocks(&cs)),
            [
                "prose 表2 分乡镇人口",
                "table 单位：人 4",
                "prose 注：含流动人口。",
                "prose 表3 其他"
            ]
        );
    }

    #[test]
    fn a_single_cell_after_a_gap_closes_the_table() {
        let cs = cells(&[
            (1, &[(1, "项目"), (2, "2024年")]),
            (2, &[(1, "合计"), (2, "3")]),
            (4, &[(1, "表4 下一张")]),
            (5, &[(1, "项目"), (2, "2024年")]),
        ]);
        assert_eq!(
            shape(&blocks(&cs)),
            ["table - 2", "prose 表4 下一张", "table - 1"]
        );
    }
}
