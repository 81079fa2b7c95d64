//! Growth against a level that only a table of the draft states: `刑事类报警
//! 310起，…，较上月相比下降17.9%` with the previous month's figure in the row
//! `2015年7月` of a table whose rows are months and whose column is headed
//! `刑事类警情`.

use super::change::{change_label, comparison_class, ChangeWords};
use super::table::{Cell, Grid, Num};
use crate::quantity::{Approx, Form, Role};
use crate::relations::Doc;

/// A growth rate and the table cell of the previous period it is against.
#[derive(Debug, Clone)]
pub struct TableGrowth {
    /// Index of the stated rate.
    pub stated: usize,
    /// The rate states a fall.
    pub down: bool,
    /// Index of the current level.
    pub current: usize,
    /// The previous period's figure.
    pub previous: Num,
    /// The previous period's row (`2015年7月`) and the column's header.
    pub row: String,
    /// The column's header.
    pub column: String,
}

/// A row label that is a month: `2015年7月` → (2015, 7).
fn month_of(label: &str) -> Option<(i32, i32)> {
    let (y, rest) = label.split_once('年')?;
    let m = rest.strip_suffix('月')?;
    let y: i32 = y.parse().ok()?;
    let m: i32 = m.parse().ok()?;
    ((1900..=2100).contains(&y) && (1..=12).contains(&m)).then_some((y, m))
}

/// The length in characters of the longest run `a` and `b` share.
fn common_run(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut best = 0;
    for i in 0..a.len() {
        for j in 0..b.len() {
            let mut k = 0;
            while i + k < a.len() && j + k < b.len() && a[i + k] == b[j + k] {
                k += 1;
            }
            best = best.max(k);
        }
    }
    best
}

/// The previous period's cell of a table of months for a level labelled
/// `label`: the column whose header shares three characters or more with
/// the label (one column only), in the row of the month before the table's
/// last (`month`) or of the same month a year before (`year`). Only a row
/// with a figure in every headed column is read: a row with cells missing
/// cannot be put in columns.
fn previous_cell(grid: &Grid, label: &str, class: &str) -> Option<(Num, String, String)> {
    let months: Vec<(usize, (i32, i32))> = grid
        .rows
        .iter()
        .enumerate()
        .filter_map(|(i, r)| month_of(&r.label).map(|m| (i, m)))
        .collect();
    if months.len() < 2 || months.len() != grid.rows.len() {
        return None;
    }
    let &(_, (y, m)) = months.iter().max_by_key(|(_, ym)| *ym)?;
    let want = match class {
        "month" if m == 1 => (y - 1, 12),
        "month" => (y, m - 1),
        "year" => (y - 1, m),
        _ => return None,
    };
    let &(ri, _) = months.iter().find(|(_, ym)| *ym == want)?;
    let headers: Vec<&String> = grid.headers.iter().filter(|h| !h.is_empty()).collect();
    let row = &grid.rows[ri];
    if row.cells.len() != headers.len() || row.cells.iter().any(|c| !matches!(c, Cell::Num(_))) {
        return None;
    }
    let scored: Vec<(usize, usize)> = grid
        .headers
        .iter()
        .enumerate()
        .map(|(c, h)| (c, common_run(h, label)))
        .filter(|(_, n)| *n >= 3)
        .collect();
    let best = scored.iter().map(|(_, n)| *n).max()?;
    let top: Vec<usize> = scored
        .iter()
        .filter(|(_, n)| *n == best)
        .map(|(c, _)| *c)
        .collect();
    let [col] = top[..] else {
        return None;
    };
    let cell = row.cells.get(col)?.num()?.clone();
    Some((cell, row.label.clone(), grid.headers[col].clone()))
}

/// Growth rates against the previous month or year that only a table of
/// months states, for rates no growth statement reads (`done`).
pub fn table_growths(
    doc: &Doc<'_>,
    grids: &[Grid],
    words: &ChangeWords,
    done: &[usize],
) -> Vec<TableGrowth> {
    let qs = doc.quantities;
    let mut out = Vec::new();
    if grids.is_empty() {
        return out;
    }
    for (r, rate) in qs.iter().enumerate() {
        if rate.form != Form::Percent
            || rate.in_parens
            || done.contains(&r)
            || rate.approx != Approx::Exact
        {
            continue;
        }
        // 较上月相比下降: the comparison and the verb.
        let label = rate.label_text.replace("相比", "");
        let Some((down, _)) = change_label(&label, words) else {
            continue;
        };
        let Some(class) = comparison_class(&label, words) else {
            continue;
        };
        // The level: the nearest figure with a unit before the rate in its
        // sentence, past shares and other rates.
        let l = rate.location;
        let level = (r.saturating_sub(50)..r).rev().take_while(|&i| {
            let q = &qs[i];
            q.location.paragraph == l.paragraph && q.location.sentence == l.sentence
        });
        let mut current = None;
        for i in level {
            let q = &qs[i];
            if q.form == Form::Percent || q.unit.is_none() || q.in_parens {
                continue;
            }
            if q.form == Form::Amount && q.role == Role::Level && q.approx == Approx::Exact {
                current = Some(i);
            }
            break;
        }
        let Some(c) = current else {
            continue;
        };
        let found: Vec<(Num, String, String)> = grids
            .iter()
            .filter_map(|g| previous_cell(g, &qs[c].label_text, &class))
            .collect();
        let [(previous, row, column)] = &found[..] else {
            continue;
        };
        out.push(TableGrowth {
            stated: r,
            down,
            current: c,
            previous: previous.clone(),
            row: row.clone(),
            column: column.clone(),
        });
    }
    out
}
