//! Tables in plain text, as pasted from a PDF or typed with spaces:
//!
//! * whitespace-aligned rows: a label, then figures separated by spaces
//!   (`总    计      5188646     5030619`), with blank cells where a row
//!   has no figure; columns are found from where the figures end (numbers are
//!   right-aligned), or from where they start;
//! * one cell per line, each ended by `|`: the header cells first, then each
//!   row's label (and unit) cells and its figures.
//!
//! A block needs three rows or more; prose lines never count as rows (a row
//! is a label and figures only, with no sentence punctuation).

use unicode_width::UnicodeWidthChar;

use super::grid::{cell_of, is_blank, parse_num, squeeze, years_only, Cell, Grid, Row};
use crate::span::Span;

/// One whitespace-separated piece of a line.
#[derive(Debug, Clone)]
struct Token<'a> {
    text: &'a str,
    span: Span,
    /// Display columns: first and one past the last.
    left: usize,
    right: usize,
}

/// A line of a whitespace table: label tokens, then value tokens.
#[derive(Debug)]
struct DataLine<'a> {
    label: Vec<Token<'a>>,
    values: Vec<Token<'a>>,
    indent: usize,
    /// A unit column between the label and the figures (`万人`, `亿元`).
    unit: Option<&'a str>,
}

fn tokens(line: &str, at: usize) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut col = 0;
    let mut start: Option<(usize, usize)> = None;
    for (i, c) in line.char_indices() {
        let blank = c == ' ' || c == '\t' || c == '\u{3000}';
        if blank {
            if let Some((b, l)) = start.take() {
                out.push(Token {
                    text: &line[b..i],
                    span: Span::new(at + b, at + i),
                    left: l,
                    right: col,
                });
            }
        } else if start.is_none() {
            start = Some((i, col));
        }
        col += match c {
            '\t' => 8 - col % 8,
            _ => c.width().unwrap_or(0),
        };
    }
    if let Some((b, l)) = start {
        out.push(Token {
            text: &line[b..],
            span: Span::new(at + b, at + line.len()),
            left: l,
            right: col,
        });
    }
    out
}

fn is_value(t: &str) -> bool {
    parse_num(t).is_some() || is_blank(t)
}

fn is_year(t: &str) -> bool {
    t.len() == 4 && matches!(parse_num(t), Some((v, 0)) if v >= 1900.into() && v <= 2100.into())
}

/// Reads a line as a table row: a label (possibly empty) and one or more
/// figures after it, nothing else.
fn data_line(line: &str, at: usize) -> Option<DataLine<'_>> {
    if line.contains(['。', '，', '；', '|', '｜']) {
        return None;
    }
    // A colon only after 其中 (`其中：规模以上`); elsewhere it is prose.
    let colons = line.matches(['：', ':']).count();
    if colons > line.matches("其中：").count() + line.matches("其中:").count() {
        return None;
    }
    let toks = tokens(line, at);
    // The figures: the longest run of values (the last of equal runs). A
    // value before the label is the row's serial number (`68`, `70.1`); a
    // few words after the figures are a note column (`期末时点数`).
    let mut run: Option<(usize, usize)> = None;
    let mut k = 0;
    while k < toks.len() {
        if !is_value(toks[k].text) {
            k += 1;
            continue;
        }
        let from = k;
        while k < toks.len() && is_value(toks[k].text) {
            k += 1;
        }
        if run.is_none_or(|(a, b)| k - from >= b - a) {
            run = Some((from, k));
        }
    }
    let (first, end) = run?;
    let note = &toks[end..];
    let numbers_in_run = toks[first..end]
        .iter()
        .filter(|t| parse_num(t.text).is_some())
        .count();
    if !note.is_empty()
        && (numbers_in_run < 2
            || note.len() > 2
            || note
                .iter()
                .any(|t| t.text.chars().any(|c| c.is_ascii_digit() || c == '%')))
    {
        return None;
    }
    let (mut label, values) = toks[..end].split_at(first);
    if let Some(serial) = label
        .iter()
        .rposition(|t| parse_num(t.text).is_some())
        .filter(|&i| i + 1 < label.len())
    {
        // `工  70  工伤保险基金收入`: the serial and what stands before it
        // (a category written down the page, one character a line).
        label = &label[serial + 1..];
    }
    // A unit column: a short last word set well apart from a label of two
    // characters or more (`合    计` is one spaced-out label).
    let mut unit = None;
    if let [before @ .., name, u] = label {
        let named: usize = before
            .iter()
            .chain([name])
            .map(|t| t.text.chars().count())
            .sum();
        if named >= 2
            && u.left >= name.right + 4
            && u.text.chars().count() <= 4
            && !u.text.chars().any(|c| c.is_ascii_digit())
        {
            unit = Some(u.text);
            label = &label[..label.len() - 1];
        }
    }
    // ASCII `,` `;` between Chinese words is prose pasted from a web page;
    // after a Latin word (`Farming, Forestry`) it is an English name.
    let prose_mark = |t: &str| {
        t.char_indices().any(|(i, c)| {
            matches!(c, ',' | ';') && t[i + 1..].chars().next().is_some_and(|n| !n.is_ascii())
                || matches!(c, ',' | ';') && t[..i].chars().last().is_some_and(|p| !p.is_ascii())
        })
    };
    if label.iter().any(|t| prose_mark(t.text)) {
        return None;
    }
    let numbers = values
        .iter()
        .filter(|t| parse_num(t.text).is_some())
        .count();
    let gap = match (label.last(), values.first()) {
        (Some(l), Some(v)) => v.left.saturating_sub(l.right),
        _ => 0,
    };
    // One figure after a label is a row only when spaces set it apart.
    if numbers == 0 || (numbers == 1 && (label.is_empty() || gap < 2)) {
        return None;
    }
    let mut label = label.to_vec();
    let mut values = values.to_vec();
    if label.is_empty() && values.len() > 1 && is_year(values[0].text) {
        label.push(values.remove(0));
    }
    Some(DataLine {
        indent: label.first().or(values.first()).map_or(0, |t| t.left),
        label,
        values,
        unit,
    })
}

/// The plain-text tables of `text`, skipping what lies in `skip` (tables
/// read from the source's markup).
pub fn grids(text: &str, skip: &[Span]) -> Vec<Grid> {
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut at = 0;
    for l in text.split_inclusive('\n') {
        let body = l.trim_end_matches(['\n', '\r']);
        lines.push((at, body));
        at += l.len();
    }
    let mut out = Vec::new();
    out.extend(aligned(&lines, skip));
    out.extend(pipe_cells(&lines, skip));
    out
}

fn skipped(at: usize, skip: &[Span]) -> bool {
    skip.iter().any(|s| s.start <= at && at < s.end)
}

/// Whitespace-aligned tables.
fn aligned(lines: &[(usize, &str)], skip: &[Span]) -> Vec<Grid> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let (at, l) = lines[i];
        if skipped(at, skip) || data_line(l, at).is_none() {
            i += 1;
            continue;
        }
        // Header lines: the non-blank lines just above, up to a blank line
        // after a title or six lines.
        let mut head = i;
        let mut unit = None;
        while head > 0 && i - head < 6 {
            let (_, h) = lines[head - 1];
            if h.trim().is_empty() && head < i && lines[head].1.trim().is_empty() {
                break;
            }
            // A row of figures above is another table; a row of years is
            // this one's header.
            let figures =
                data_line(h, 0).is_some_and(|d| !d.values.iter().all(|t| is_year(t.text)));
            if h.contains(['。', '，']) || figures {
                break;
            }
            if let Some(u) = unit_line(h) {
                unit = Some(u);
            }
            head -= 1;
        }
        let mut rows = Vec::new();
        let mut j = i;
        let mut blanks = 0;
        while j < lines.len() {
            let (at, l) = lines[j];
            if l.trim().is_empty() {
                blanks += 1;
                if blanks > 2 {
                    match continued(lines, j) {
                        Some(next) => {
                            j = next;
                            blanks = 0;
                            continue;
                        }
                        None => break,
                    }
                }
                j += 1;
                continue;
            }
            if data_line(l, at).is_none() && !(aside(l) && more_rows(lines, j + 1, skip)) {
                // A page footer and header, then `续表`: the table goes on.
                if let Some(next) = continued(lines, j) {
                    j = next;
                    blanks = 0;
                    continue;
                }
            }
            match data_line(l, at) {
                Some(d) if !skipped(at, skip) => rows.push(d),
                _ if aside(l) && more_rows(lines, j + 1, skip) => {
                    // A heading row without figures stays as a row of blank
                    // cells; a translation line is left out.
                    // One character alone is a category written down the
                    // page (`工` `伤` `保` `险`), no heading.
                    if l.trim_start().starts_with(|c: char| !c.is_ascii())
                        && l.trim().chars().count() > 1
                    {
                        rows.push(DataLine {
                            label: tokens(l, at),
                            values: Vec::new(),
                            indent: tokens(l, at).first().map_or(0, |t| t.left),
                            unit: None,
                        });
                    }
                }
                _ => break,
            }
            blanks = 0;
            j += 1;
        }
        // Heading rows at the end belong to no figure.
        while rows.last().is_some_and(|r| r.values.is_empty()) {
            rows.pop();
        }
        if rows.len() >= 3 {
            let header_tokens: Vec<Vec<Token<'_>>> = lines[head..i]
                .iter()
                .filter(|(_, h)| !squeeze(h).starts_with("续"))
                .map(|(a, h)| tokens(h, *a))
                .collect();
            if let Some(g) = grid_of(&rows, &header_tokens, unit) {
                out.push(g);
            }
        }
        i = j.max(i + 1);
    }
    out
}

/// A line inside a table that holds no figure: a translation of the row
/// above (`Total Population`), a heading row (`按性别分`), a row whose cells
/// are all empty.
fn aside(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty()
        && !t.contains(['。', '，', '；', '：', ':'])
        && !t.starts_with(['注', '资', '说'])
        && t.chars().count() <= 60
        && !tokens(line, 0).iter().any(|t| parse_num(t.text).is_some())
}

/// Where a table continued on the next page goes on: a line `续表` (or
/// `续上表`) within eight lines of `from`, past a page number or running
/// header, and the first row of figures within six lines after it (past the
/// repeated column headers).
fn continued(lines: &[(usize, &str)], from: usize) -> Option<usize> {
    let mark = (from..lines.len().min(from + 8)).find(|&k| {
        let t = squeeze(lines[k].1);
        t.starts_with("续表") || t.starts_with("续上表") || t.ends_with("续表")
    })?;
    (mark + 1..lines.len().min(mark + 7)).find(|&k| data_line(lines[k].1, lines[k].0).is_some())
}

/// True when a table row follows within three lines of `from`.
fn more_rows(lines: &[(usize, &str)], from: usize, skip: &[Span]) -> bool {
    lines
        .iter()
        .skip(from)
        .take(3)
        .any(|(at, l)| !skipped(*at, skip) && data_line(l, *at).is_some())
}

/// `单位：万元` (also `单位: 人`, `计量单位：…`): the table's unit.
fn unit_line(h: &str) -> Option<String> {
    let s = squeeze(h);
    let at = s.find("单位")?;
    let rest = &s[at + "单位".len()..];
    // `单位：万元` anywhere, or `单位 万元` opening the line; `计量单位` in
    // a row of column headers is no unit of the table.
    if !(rest.starts_with([':', '：']) || at == 0) {
        return None;
    }
    let rest = rest.trim_start_matches([':', '：']);
    let u: String = rest
        .chars()
        .take_while(|c| !matches!(c, '(' | '（'))
        .collect();
    (!u.is_empty()).then_some(u)
}

/// Columns of the rows, from the display column where each figure ends
/// (right-aligned) or starts. When neither gives one figure per column in
/// every row, the rows with the most figures keep them in order, rows with
/// at least half as many, one space apart, keep theirs from the first
/// column on, the others
/// are left out (`None`), and the second value is true.
fn columns(rows: &[DataLine<'_>]) -> Option<(Vec<Option<Vec<usize>>>, bool)> {
    let n = rows.iter().map(|r| r.values.len()).max()?;
    let by_order = |keep: &dyn Fn(&DataLine<'_>) -> bool| -> Vec<Option<Vec<usize>>> {
        rows.iter()
            .map(|r| keep(r).then(|| (0..r.values.len()).collect()))
            .collect()
    };
    if rows
        .iter()
        .all(|r| r.values.len() == n || r.values.is_empty())
    {
        return Some((by_order(&|_| true), false));
    }
    for edge in [|t: &Token<'_>| t.right, |t: &Token<'_>| t.left] {
        let mut edges: Vec<usize> = rows
            .iter()
            .flat_map(|r| r.values.iter().map(edge))
            .collect();
        edges.sort_unstable();
        edges.dedup();
        // Edges within one display column of each other are one column.
        let mut clusters: Vec<(usize, usize)> = Vec::new();
        for e in edges {
            match clusters.last_mut() {
                Some(c) if e <= c.1 + 1 => c.1 = e,
                _ => clusters.push((e, e)),
            }
        }
        let mut ok = true;
        let mut cols = Vec::new();
        for r in rows {
            let mut used = vec![false; clusters.len()];
            let mut row = Vec::new();
            for t in &r.values {
                let e = edge(t);
                let c = clusters.iter().position(|c| c.0 <= e && e <= c.1)?;
                ok &= !used[c];
                used[c] = true;
                row.push(c);
            }
            cols.push(Some(row));
        }
        if ok && clusters.len() <= n + n / 2 + 1 {
            return Some((cols, false));
        }
    }
    // A row with fewer figures, one space apart, keeps them from the first
    // column on (a copy that collapsed the blanks of its last cells:
    // `其他部门办 14 110 3493`); rows aligned by wide spaces are left out:
    // a sum learned from the table holds with it only where it stands so.
    Some((
        by_order(&|r| {
            let collapsed = r.values.windows(2).all(|w| w[1].left == w[0].right + 1);
            r.values.len() == n || (collapsed && r.values.len() >= 3 && r.values.len() * 2 >= n)
        }),
        true,
    ))
}

fn grid_of(
    rows: &[DataLine<'_>],
    header_lines: &[Vec<Token<'_>>],
    unit: Option<String>,
) -> Option<Grid> {
    let (cols, partial) = columns(rows)?;
    let width = cols.iter().flatten().flatten().max()? + 1;
    // Each column's display extent, for the headers.
    let mut extent = vec![(usize::MAX, 0usize); width];
    let mut out_rows = Vec::new();
    let mut year_headers: Vec<(usize, String)> = Vec::new();
    for (r, cs) in rows.iter().zip(&cols) {
        let Some(cs) = cs else {
            continue;
        };
        let mut cells = vec![Cell::Blank; width];
        for (t, &c) in r.values.iter().zip(cs) {
            cells[c] = cell_of(t.text, t.span);
            extent[c].0 = extent[c].0.min(t.left);
            extent[c].1 = extent[c].1.max(t.right);
        }
        if years_only(&cells) {
            // A header row of years among the rows (`项目  1999  2000`).
            for (c, cell) in cells.iter().enumerate() {
                if let Some(n) = cell.num() {
                    year_headers.push((c, n.value.to_string()));
                }
            }
            continue;
        }
        let label_span = match (r.label.first(), r.label.last()) {
            (Some(a), Some(b)) => Span::new(a.span.start, b.span.end),
            _ => r
                .values
                .first()
                .map_or(Span::new(0, 0), |t| Span::new(t.span.start, t.span.start)),
        };
        out_rows.push(Row {
            label: r.label.iter().map(|t| t.text).collect::<String>(),
            label_span,
            indent: r.indent,
            unit: r.unit.unwrap_or_default().to_string(),
            cells,
        });
    }
    let mut headers = vec![String::new(); width];
    let header: Vec<&Token<'_>> = header_lines.iter().flatten().collect();
    let mut placed: Vec<Option<usize>> = Vec::new();
    for line in header_lines {
        let mut here = Vec::new();
        for t in line {
            // The column the header word overlaps whose middle is nearest
            // its own (wide Chinese headers overhang narrow figures).
            let mid = t.left + t.right;
            here.push(
                extent
                    .iter()
                    .enumerate()
                    .filter(|(_, &(l, r))| t.left <= r + 2 && l <= t.right + 2)
                    .min_by_key(|(_, &(l, r))| (l + r).abs_diff(mid))
                    .map(|(c, _)| c),
            );
        }
        // A line of one word a column, some placed on the same column or on
        // none: a copy that collapsed the spaces (`机构数 班数 …` over `86
        // 412 …`) keeps them in order.
        let clash = (0..width).any(|c| here.iter().filter(|p| **p == Some(c)).count() > 1);
        let collapsed = line.windows(2).all(|w| w[1].left == w[0].right + 1);
        if width >= 3
            && line.len() == width
            && collapsed
            && (clash || here.iter().any(Option::is_none))
        {
            here = (0..width).map(Some).collect();
        }
        placed.extend(here);
    }
    for (t, c) in header.iter().zip(&placed) {
        if let Some(c) = c {
            headers[*c].push_str(t.text);
        }
    }
    for (c, y) in year_headers {
        headers[c].push_str(&y);
    }
    let start = out_rows.first()?.label_span.start;
    let end = rows.last()?.values.last().map_or(start, |t| t.span.end);
    Some(Grid {
        span: Span::new(start, end.max(start)),
        headers,
        rows: out_rows,
        unit,
        partial,
    })
}

/// A cell of a one-cell-per-line table.
struct PipeCell {
    text: String,
    span: Span,
    cell: Cell,
}

/// Tables whose cells are separated by `|` as text pasted from a web page
/// or a PDF gives them: one cell per line, each ended by `|`; a row per line
/// (`| 城区 | 212 | 208 |`, a Markdown table in a plain-text file); or a
/// whole table run together on a line or two (`工业总产值 | 309748 | 3.3 |
/// 其中:规模以上 | 206713 | …`). A cell may run over a line break; a line of
/// `---` only separates a Markdown header.
fn pipe_cells(lines: &[(usize, &str)], skip: &[Span]) -> Vec<Grid> {
    let has_pipe = |l: &str| l.contains(['|', '｜']);
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let mut cells: Vec<PipeCell> = Vec::new();
        let mut j = i;
        // A cell's text not yet closed by a `|`: where it starts, and its
        // first line's end.
        let mut pending: Option<(usize, usize)> = None;
        while j < lines.len() {
            let (at, l) = lines[j];
            let t = l.trim_end();
            if skipped(at, skip) {
                break;
            }
            if !has_pipe(t) {
                let next_has = lines.get(j + 1).is_some_and(|(_, n)| has_pipe(n));
                if pending.is_none() && !t.trim().is_empty() && !cells.is_empty() && next_has {
                    pending = Some((at, at + t.len()));
                    j += 1;
                    continue;
                }
                break;
            }
            let pieces: Vec<(usize, &str)> = pieces(t);
            if pieces.iter().all(|(_, p)| is_rule(p)) {
                // A Markdown header rule (`| --- | :---: |`).
                j += 1;
                continue;
            }
            let last = pieces.len() - 1;
            for (k, &(off, piece)) in pieces.iter().enumerate() {
                let begin = at + off;
                let raw = piece.trim();
                let lead = piece.len() - piece.trim_start().len();
                let own = Span::new(begin + lead, begin + lead + raw.len());
                if k == 0 {
                    if let Some((from, to)) = pending.take() {
                        // A cell begun on an earlier line: this piece closes
                        // it (a label broken over lines), or, when empty or
                        // a figure, the earlier text was a cell of its own.
                        let figure = !matches!(cell_of(raw, own), Cell::Text);
                        let end = if raw.is_empty() || figure {
                            to
                        } else {
                            own.end
                        };
                        let text = squeeze(&text_between(lines, from, end));
                        cells.push(PipeCell {
                            cell: cell_of(&text, Span::new(from, end)),
                            text,
                            span: Span::new(from, end),
                        });
                        if !figure {
                            continue;
                        }
                    }
                    if raw.is_empty() {
                        continue;
                    }
                }
                if k == last && k > 0 {
                    // After the line's last `|`: a cell that the next line
                    // may close.
                    if !raw.is_empty() {
                        pending = Some((own.start, own.end));
                    }
                    continue;
                }
                cells.push(PipeCell {
                    text: squeeze(raw),
                    span: own,
                    cell: cell_of(raw, own),
                });
            }
            j += 1;
        }
        if cells.len() >= 8 {
            if let Some(g) = pipe_grid(&cells) {
                out.push(g);
            }
        }
        i = j.max(i + 1);
    }
    out
}

/// The pieces of a line between `|` marks, each with its byte offset in the
/// line: `a | b |` gives `a `, ` b `, `` (the last piece is what follows the
/// last mark).
fn pieces(line: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut from = 0;
    for (i, c) in line.char_indices() {
        if c == '|' || c == '｜' {
            out.push((from, &line[from..i]));
            from = i + c.len_utf8();
        }
    }
    out.push((from, &line[from..]));
    out
}

/// True for a piece of a Markdown header rule (`---`, `:--:`) or an empty
/// piece.
fn is_rule(p: &str) -> bool {
    p.trim().chars().all(|c| matches!(c, '-' | ':'))
}

fn text_between(lines: &[(usize, &str)], start: usize, end: usize) -> String {
    lines
        .iter()
        .filter(|(a, l)| *a + l.len() >= start && *a <= end)
        .map(|(a, l)| {
            let s = start.saturating_sub(*a).min(l.len());
            let e = (end - a).min(l.len());
            l.get(s..e).unwrap_or("")
        })
        .collect::<Vec<_>>()
        .join("")
}

fn pipe_grid(cells: &[PipeCell]) -> Option<Grid> {
    // Runs of text cells and of figure cells, alternating.
    let mut runs: Vec<(bool, usize, usize)> = Vec::new(); // (figures, from, to)
    for (k, c) in cells.iter().enumerate() {
        let fig = !matches!(c.cell, Cell::Text);
        match runs.last_mut() {
            Some(r) if r.0 == fig => r.2 = k + 1,
            _ => runs.push((fig, k, k + 1)),
        }
    }
    // The usual number of figures a row has, and of text cells before them.
    let fig_runs: Vec<usize> = runs.iter().filter(|r| r.0).map(|r| r.2 - r.1).collect();
    let k = mode(&fig_runs)?;
    let text_runs: Vec<usize> = runs
        .iter()
        .skip(1)
        .filter(|r| !r.0)
        .map(|r| r.2 - r.1)
        .collect();
    let m = mode(&text_runs).unwrap_or(1).max(1);
    let mut rows = Vec::new();
    let mut headers = vec![String::new(); k];
    let mut first = true;
    for w in runs.windows(2) {
        let (t, f) = (w[0], w[1]);
        if t.0 || !f.0 || f.2 - f.1 != k {
            continue;
        }
        let label_from = if t.2 - t.1 > m { t.2 - m } else { t.1 };
        if first {
            // The header cells: the last k before the first row's label
            // name its figure columns.
            let head = &cells[..label_from];
            for (c, h) in head.iter().rev().take(k).enumerate() {
                headers[k - 1 - c] = h.text.clone();
            }
            first = false;
        }
        let label = &cells[label_from];
        rows.push(Row {
            label: label.text.clone(),
            label_span: label.span,
            indent: 0,
            unit: cells[label_from + 1..t.2]
                .iter()
                .map(|c| c.text.as_str())
                .filter(|s| super::grid::is_unit(s))
                .collect::<Vec<_>>()
                .join(" "),
            cells: cells[f.1..f.2].iter().map(|c| c.cell.clone()).collect(),
        });
    }
    if rows.len() < 3 {
        return None;
    }
    let start = rows[0].label_span.start;
    let end = cells.last()?.span.end;
    Some(Grid {
        span: Span::new(start, end.max(start)),
        headers,
        rows,
        unit: None,
        partial: false,
    })
}

fn mode(xs: &[usize]) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for &x in xs {
        let n = xs.iter().filter(|&&y| y == x).count();
        if best.is_none_or(|(bn, bx)| n > bn || (n == bn && x > bx)) {
            best = Some((n, x));
        }
    }
    best.map(|b| b.1)
}
