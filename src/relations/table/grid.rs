//! The grid of a table: rows with a label and cells in columns, read from a
//! Markdown or Word table ([`crate::source::Table`]) or from a plain-text
//! table (see [`super::text`]).

use rust_decimal::Decimal;

use crate::span::Span;

/// A number in a table cell: `1,400`, `56507.5`, `-3.4`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Num {
    /// Its exact value.
    pub value: Decimal,
    /// Digits after the decimal point as displayed (`3.40` → 2).
    pub scale: u32,
    /// The number in the checked text (its digits, without a `%` sign).
    pub span: Span,
    /// True when the cell writes a `%` (or `％`, `‰`) after the number
    /// (`98%`): a rate or share, whatever its decimals.
    pub percent: bool,
}

impl Num {
    /// Half a unit of the last displayed digit: what display rounding may
    /// have moved the value by (`3.4` → 0.05).
    pub fn half_ulp(&self) -> Decimal {
        Decimal::new(5, self.scale + 1)
    }

    /// The number as the table prints it (`8.40`, `-2.0`).
    pub fn shown(&self) -> String {
        shown(self.value, self.scale)
    }

    /// True when the number is written without decimals.
    pub fn is_integer(&self) -> bool {
        self.scale == 0
    }
}

/// One cell of a [`Grid`] row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// A number.
    Num(Num),
    /// An empty cell, or one that says there is no figure (`…`, `—`, `-`).
    Blank,
    /// Words (a unit column, an English name, a note).
    Text,
}

impl Cell {
    /// The number, when the cell holds one.
    pub fn num(&self) -> Option<&Num> {
        match self {
            Cell::Num(n) => Some(n),
            _ => None,
        }
    }
}

/// One row of a [`Grid`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The row's label without spaces (`总计` for `总    计`, `#婚姻`); for a
    /// row that starts with a year (`1991  8  3 …`), the year.
    pub label: String,
    /// Where the label stands (empty at the row's start when it has none).
    pub label_span: Span,
    /// Display columns of blank before the label in a plain-text table
    /// (deeper rows are indented more); 0 for other tables.
    pub indent: usize,
    /// The words of the row's other text cells (a unit column: `个`, `万元`).
    pub unit: String,
    /// The cells after the label, one per column.
    pub cells: Vec<Cell>,
}

/// A table as rows of cells in columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grid {
    /// The table in the checked text.
    pub span: Span,
    /// The header words of each column (all header lines above it), without
    /// spaces; empty when not known.
    pub headers: Vec<String>,
    /// The data rows, top to bottom.
    pub rows: Vec<Row>,
    /// The unit of the whole table (`万元` from `单位：万元`), if stated.
    pub unit: Option<String>,
    /// True when some rows were left out because their figures could not be
    /// put in columns: only relations the figures show are read then.
    pub partial: bool,
}

impl Grid {
    /// Number of columns (the widest row).
    pub fn width(&self) -> usize {
        self.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0)
    }

    /// The cell at a row and column (`Blank` beyond a short row).
    pub fn cell(&self, row: usize, col: usize) -> &Cell {
        self.rows[row].cells.get(col).unwrap_or(&Cell::Blank)
    }

    /// The cell of `row` at a column, cloned (`Blank` beyond a short row).
    pub fn cell_at(&self, row: &Row, col: usize) -> Cell {
        row.cells.get(col).cloned().unwrap_or(Cell::Blank)
    }

    /// The header words of a column, or `""`.
    pub fn header(&self, col: usize) -> &str {
        self.headers.get(col).map(String::as_str).unwrap_or("")
    }
}

/// `value` with `scale` decimals (`8.4`, 2 → `8.40`).
pub fn shown(value: Decimal, scale: u32) -> String {
    format!("{:.*}", scale as usize, value.round_dp(scale))
}

/// Reads a table cell as a number: digits with an optional sign, thousands
/// commas and decimals (`1,400`, `-3.4`, `−0.7`); `None` for anything else.
pub fn parse_num(s: &str) -> Option<(Decimal, u32)> {
    let s = s.trim();
    let (neg, body) = match s.chars().next()? {
        '-' | '−' | '－' => (true, &s[s.chars().next()?.len_utf8()..]),
        '+' | '＋' => (false, &s[s.chars().next()?.len_utf8()..]),
        _ => (false, s),
    };
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit() || b == b',') {
        return None;
    }
    if int.contains(',') {
        let groups: Vec<&str> = int.split(',').collect();
        let ok = !groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3);
        if !ok {
            return None;
        }
    }
    if let Some(f) = frac {
        if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
    }
    let digits: String = body.chars().filter(|c| *c != ',').collect();
    let mut v: Decimal = digits.parse().ok()?;
    if neg {
        v = -v;
    }
    Some((v, frac.map_or(0, |f| f.len() as u32)))
}

/// True for a cell that says there is no figure: empty, `…`, `—`, `-`, `/`.
pub fn is_blank(s: &str) -> bool {
    let s = s.trim();
    s.is_empty()
        || s.chars()
            .all(|c| matches!(c, '…' | '—' | '-' | '－' | '/' | '.' | '─'))
}

/// The cell a piece of text is, at `span` in the checked text.
pub fn cell_of(s: &str, span: Span) -> Cell {
    if is_blank(s) {
        return Cell::Blank;
    }
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    let (t, percent) = match t.strip_suffix(['%', '％', '‰']) {
        Some(digits) => (digits.trim_end(), true),
        None => (t, false),
    };
    match parse_num(t) {
        Some((value, scale)) => Cell::Num(Num {
            value,
            scale,
            span: Span::new(span.start + lead, span.start + lead + t.len()),
            percent,
        }),
        None => Cell::Text,
    }
}

/// True for a row whose figures are all years (`2002 | 2006 | 2007`): a
/// header row written among the data.
pub fn years_only(cells: &[Cell]) -> bool {
    let years: Vec<&Num> = cells.iter().filter_map(Cell::num).collect();
    years.len() >= 2
        && years.iter().all(|n| {
            n.scale == 0 && n.value >= Decimal::from(1900) && n.value <= Decimal::from(2100)
        })
}

/// True for the text of a unit cell (`个`, `万元`, `人次`, `%`): short, and no
/// Latin words (an English name column is no unit).
pub fn is_unit(s: &str) -> bool {
    !s.is_empty() && s.chars().count() <= 6 && !s.chars().any(|c| c.is_ascii_alphabetic())
}

/// A label without spaces (`合 计` → `合计`).
pub fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Grids of the Markdown and Word tables of a document: the first cell of a
/// row is its label, the other cells its columns; header rows give the
/// column headers.
pub fn from_source(text: &str, tables: &[crate::source::Table]) -> Vec<Grid> {
    let mut out = Vec::new();
    for t in tables {
        let mut headers: Vec<String> = Vec::new();
        let mut rows = Vec::new();
        let mut start = usize::MAX;
        let mut end = 0;
        let mut unit = None;
        for r in &t.rows {
            let Some(first) = r.cells.first() else {
                continue;
            };
            start = start.min(first.text.start);
            end = end.max(r.cells.last().map_or(0, |c| c.text.end));
            let texts: Vec<&str> = r
                .cells
                .iter()
                .map(|c| text.get(c.text.start..c.text.end).unwrap_or(""))
                .collect();
            let cells: Vec<Cell> = r.cells[1..]
                .iter()
                .zip(&texts[1..])
                .map(|(c, s)| cell_of(s, c.text))
                .collect();
            let numbers = cells.iter().filter(|c| c.num().is_some()).count();
            let label = squeeze(texts[0]);
            if let Some(u) = label
                .strip_prefix("单位")
                .map(|u| u.trim_start_matches([':', '：']))
            {
                if !u.is_empty() && numbers == 0 {
                    unit = Some(u.to_string());
                    continue;
                }
            }
            if r.header || (rows.is_empty() && numbers == 0) || years_only(&cells) {
                // A header row (or a second header line before any data).
                for (i, s) in texts[1..].iter().enumerate() {
                    if headers.len() <= i {
                        headers.resize(i + 1, String::new());
                    }
                    headers[i].push_str(&squeeze(s));
                }
                continue;
            }
            let unit = r.cells[1..]
                .iter()
                .zip(&texts[1..])
                .zip(&cells)
                .filter(|(_, c)| matches!(c, Cell::Text))
                .map(|((_, s), _)| squeeze(s))
                .filter(|s| is_unit(s))
                .collect::<Vec<_>>()
                .join(" ");
            rows.push(Row {
                label,
                label_span: first.text,
                indent: 0,
                unit,
                cells,
            });
        }
        realign(&mut rows);
        if rows.len() >= 2 {
            out.push(Grid {
                span: Span::new(start.min(end), end),
                headers,
                rows,
                unit,
                partial: false,
            });
        }
    }
    out
}

/// Rows of a damaged copy whose empty cells were dropped and padded at the
/// end (`| 燕原 | 6 | 6 | 199.87 | 117.32 | 58.70 | | | | |` under nine
/// columns): when a row's figures match the decimals of the full rows'
/// columns only once moved to the right, they are moved, and the figures
/// left of the matching run, whose places are lost, become unknown (text).
fn realign(rows: &mut [Row]) {
    let width = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let full: Vec<&Row> = rows
        .iter()
        .filter(|r| r.cells.len() == width && r.cells.iter().all(|c| c.num().is_some()))
        .collect();
    if full.len() < 2 || width < 3 {
        return;
    }
    // Each column's decimals, when the full rows agree on them.
    let profile: Vec<Option<u32>> = (0..width)
        .map(|c| {
            let s = full[0].cells[c].num()?.scale;
            full.iter()
                .all(|r| r.cells[c].num().is_some_and(|n| n.scale == s))
                .then_some(s)
        })
        .collect();
    let fits = |cells: &[Cell], c: usize| match (cells[c].num(), profile[c]) {
        (Some(n), Some(s)) => n.scale == s,
        (Some(_), None) => true,
        (None, _) => true,
    };
    for r in rows.iter_mut() {
        let last = r.cells.iter().rposition(|c| c.num().is_some());
        let Some(last) = last else { continue };
        let shift = width - 1 - last;
        if shift == 0 || r.cells[last + 1..].iter().any(|c| *c != Cell::Blank) {
            continue;
        }
        let misfit = (0..r.cells.len()).filter(|&c| !fits(&r.cells, c)).count();
        let mut moved = vec![Cell::Blank; width];
        for (c, cell) in r.cells[..=last].iter().enumerate() {
            moved[c + shift] = cell.clone();
        }
        if misfit == 0 || (0..width).any(|c| !fits(&moved, c)) {
            continue;
        }
        // The run from the right whose decimals show where it stands.
        let sure = (0..width)
            .rev()
            .take_while(|&c| moved[c].num().is_some() && profile[c].is_some_and(|s| s > 0))
            .count();
        for cell in moved.iter_mut().take(width - sure) {
            if cell.num().is_some() {
                *cell = Cell::Text;
            }
        }
        r.cells = moved;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_tables_write_them() {
        assert_eq!(parse_num("1,400"), Some((Decimal::new(1400, 0), 0)));
        assert_eq!(parse_num("-3.40"), Some((Decimal::new(-340, 2), 2)));
        assert_eq!(parse_num("−0.7"), Some((Decimal::new(-7, 1), 1)));
        assert_eq!(parse_num("1,40"), None);
        assert_eq!(parse_num("12a"), None);
        assert_eq!(parse_num("3."), None);
        assert!(is_blank("…"));
        assert!(is_blank(" — "));
        assert!(!is_blank("0"));
    }
}
