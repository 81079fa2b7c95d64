//! Relations the figures of a table show by themselves: a column that is the
//! sum of a run of other columns in nearly every row (`总人口 = 男 + 女`
//! row after row), a row that is the sum of a run of other rows in nearly
//! every column, a share column (`构成`) that is one column over another or
//! over the total row, a growth column that is the change between two
//! columns.
//!
//! A relation is taken when it holds in at least four rows (three for shares
//! and growth, whose rounding intervals rarely meet by chance), in at least
//! three of them with two parts or more that are not zero, and fails in at
//! most one row in seven (or in a single row of five or more; of four or more
//! for shares and growth): the rows where it fails are what the table gets
//! wrong.

use rust_decimal::Decimal;

use super::grid::{Cell, Grid, Num};
use super::{holds, labelled, sum_fails, Basis, Check, TableRelation};

/// Row labels of figures whose growth is computed at comparable prices.
const COMPARABLE: &[&str] = &["生产总值", "增加值", "GDP", "工业总产值", "工业产值"];

/// Most columns (or rows) a sum may run over.
const MAX_RUN: usize = 12;
/// Widest table searched for sums (the search is cubic in the width).
const MAX_WIDTH: usize = 24;

/// The relations the figures of `g` show.
pub fn relations(g: &Grid) -> Vec<TableRelation> {
    let mut out = Vec::new();
    // Rows that say they are rates, shares or averages are no member of a
    // sum (they read as Text here). Column headers are not trusted for this:
    // in plain text they are placed by position only, and a column that is
    // no sum never shows one in most rows.
    let summable = |r: &super::Row, c: usize| {
        if labelled::not_additive_label(&r.label) {
            Cell::Text
        } else {
            g.cell_at(r, c)
        }
    };
    let amounts = g
        .unit
        .as_deref()
        .is_some_and(|u| u.contains(['万', '亿', '元', '千', '吨']));
    let by_rows: Vec<Vec<Cell>> = g
        .rows
        .iter()
        .map(|r| (0..g.width()).map(|c| summable(r, c)).collect())
        .collect();
    let all: Vec<Vec<Cell>> = g
        .rows
        .iter()
        .map(|r| (0..g.width()).map(|c| g.cell_at(r, c)).collect())
        .collect();
    for s in sums(&by_rows, amounts) {
        for i in &s.instances {
            let row = &g.rows[*i];
            out.push(relation(
                &by_rows[*i],
                &s,
                row.label.clone(),
                g.header(s.total).to_string(),
            ));
        }
    }
    let by_cols: Vec<Vec<Cell>> = (0..g.width())
        .map(|c| g.rows.iter().map(|r| summable(r, c)).collect())
        .collect();
    for s in sums(&by_cols, amounts) {
        for i in &s.instances {
            out.push(relation(
                &by_cols[*i],
                &s,
                g.rows[s.total].label.clone(),
                g.header(*i).to_string(),
            ));
        }
    }
    out.extend(structures(g));
    out.extend(shares(g, &all));
    out.extend(ratios(g, &all));
    out.extend(growths(g, &all));
    // Shares written as rows (`城镇化率` under `城镇人口` and `总人口`, one
    // column a year): the same search on the table turned on its side.
    let t = transposed(g);
    let t_all: Vec<Vec<Cell>> = t
        .rows
        .iter()
        .map(|r| (0..t.width()).map(|c| t.cell_at(r, c)).collect())
        .collect();
    for mut r in shares(&t, &t_all) {
        std::mem::swap(&mut r.row, &mut r.column);
        out.push(r);
    }
    out
}

/// The grid turned on its side: a row per column (labelled with its header),
/// a column per row.
fn transposed(g: &Grid) -> Grid {
    Grid {
        span: g.span,
        headers: g.rows.iter().map(|r| r.label.clone()).collect(),
        rows: (0..g.width())
            .map(|c| super::Row {
                label: g.header(c).to_string(),
                label_span: g.span,
                indent: 0,
                unit: String::new(),
                cells: g.rows.iter().map(|r| g.cell_at(r, c)).collect(),
            })
            .collect(),
        unit: g.unit.clone(),
        partial: g.partial,
    }
}

/// A sum found in the figures: position `total` = Σ positions `from..=to`.
struct Sum {
    total: usize,
    from: usize,
    to: usize,
    exact: bool,
    holds: usize,
    of: usize,
    /// The instances (rows, or columns) where it is stated.
    instances: Vec<usize>,
}

fn relation(cells: &[Cell], s: &Sum, row: String, column: String) -> TableRelation {
    let total = cells[s.total]
        .num()
        .cloned()
        .expect("instances have a total");
    let parts: Vec<Num> = cells[s.from..=s.to]
        .iter()
        .filter_map(|c| c.num().cloned())
        .collect();
    TableRelation {
        check: Check::Sum {
            total,
            parts,
            subset: false,
        },
        basis: Basis::Figures {
            holds: s.holds,
            of: s.of,
        },
        exact: s.exact,
        row,
        column,
    }
}

/// Sums over the positions of `m` (instances × positions).
fn sums(m: &[Vec<Cell>], amounts: bool) -> Vec<Sum> {
    let width = m.iter().map(Vec::len).max().unwrap_or(0).min(MAX_WIDTH);
    let mut found = Vec::new();
    for t in 0..width {
        for a in 0..width {
            for b in a + 1..width.min(a + MAX_RUN) {
                if (a..=b).contains(&t) {
                    continue;
                }
                if let Some(s) = try_sum(m, t, a, b, amounts) {
                    found.push(s);
                }
            }
        }
    }
    found.sort_by_key(|s| (std::cmp::Reverse(s.holds), s.of - s.holds, s.to - s.from));
    let mut kept: Vec<Sum> = Vec::new();
    for s in found {
        let clash = kept.iter().any(|k| {
            let overlap = s.from <= k.to && k.from <= s.to;
            (k.total == s.total && overlap)
                || (k.from..=k.to).contains(&s.total) && (s.from..=s.to).contains(&k.total)
        });
        if !clash {
            kept.push(s);
        }
    }
    kept
}

fn try_sum(m: &[Vec<Cell>], t: usize, a: usize, b: usize, amounts: bool) -> Option<Sum> {
    let mut holds = 0;
    let mut strict = 0;
    let mut nontrivial = 0;
    let mut integers = true;
    let mut instances = Vec::new();
    let mut failing = 0;
    for (i, row) in m.iter().enumerate() {
        let Some(total) = row.get(t).and_then(Cell::num) else {
            continue;
        };
        let mut parts = Vec::new();
        let mut text = false;
        for c in a..=b {
            match row.get(c) {
                Some(Cell::Num(n)) => parts.push(n),
                Some(Cell::Text) => text = true,
                _ => {}
            }
        }
        if text || parts.is_empty() {
            continue;
        }
        let whole = total.is_integer() && parts.iter().all(|p| p.is_integer());
        integers &= whole;
        instances.push(i);
        // Whole numbers below 1000 are counts, never rounded, unless the
        // table is in a unit of amounts (万美元): they must add up exactly
        // (small counts meet a rounding slack by chance).
        let small = whole && !amounts && total.value.abs() < Decimal::from(1000);
        if sum_fails(total, &parts, false, small).is_none() {
            holds += 1;
            let sum: Decimal = parts.iter().map(|p| p.value).sum();
            strict += usize::from(sum == total.value);
            // A sum of small counts (2 = 1 + 1) proves nothing: the total
            // must be ten units of its last digit or more (10, 0.94).
            nontrivial += usize::from(
                parts.iter().filter(|p| !p.value.is_zero()).count() >= 2
                    && total.value.abs() >= Decimal::new(10, total.scale),
            );
        } else {
            failing += 1;
            if failing * 7 > m.len() + 7 {
                return None;
            }
        }
        if hopeless(instances.len(), holds) {
            return None;
        }
    }
    let of = instances.len();
    let ok = holds >= 4 && nontrivial >= 3 && few_fail(of - holds, of, 5);
    ok.then_some(Sum {
        total: t,
        from: a,
        to: b,
        exact: integers && strict == holds,
        holds,
        of,
        instances,
    })
}

/// True when a column's figures may be percentages (all between −`max` and
/// `max`, most with decimals, or all written with a `%` sign).
fn percent_like(g: &Grid, c: usize, max: Decimal) -> bool {
    let nums: Vec<&Num> = g
        .rows
        .iter()
        .filter_map(|r| r.cells.get(c)?.num())
        .collect();
    nums.len() >= 3
        && nums.iter().all(|n| n.value.abs() <= max)
        && (nums.iter().filter(|n| n.scale > 0).count() * 2 >= nums.len()
            || nums.iter().all(|n| n.percent))
}

/// Words that say a table (or a group of its rows) gives percentages of a
/// whole.
const PERCENT_WORDS: &[&str] = &["%", "％", "比例", "结构", "构成", "比重"];

/// Structures: the rows of a group (between heading rows without figures)
/// that add up to 100 in every column but one (of three or more), in a table
/// of percentages (its unit, a header or the group's heading says so).
fn structures(g: &Grid) -> Vec<TableRelation> {
    let table_percent = g.unit.as_deref().is_some_and(|u| u.contains(['%', '％']))
        || g.headers.iter().any(|h| h.contains(['%', '％']));
    let mut out = Vec::new();
    let mut group: Vec<usize> = Vec::new();
    let mut heading: Option<usize> = None;
    let flush = |group: &mut Vec<usize>, heading: Option<usize>, out: &mut Vec<TableRelation>| {
        let named =
            heading.is_some_and(|h| PERCENT_WORDS.iter().any(|w| g.rows[h].label.contains(w)));
        if group.len() >= 2 && (table_percent || named) {
            out.extend(structure(g, group));
        }
        group.clear();
    };
    for (i, r) in g.rows.iter().enumerate() {
        if r.cells.iter().all(|c| c.num().is_none()) {
            flush(&mut group, heading, &mut out);
            heading = Some(i);
        } else if labelled::is_total_label(&r.label) {
            flush(&mut group, heading, &mut out);
            heading = None;
        } else {
            group.push(i);
        }
    }
    flush(&mut group, heading, &mut out);
    out
}

fn structure(g: &Grid, rows: &[usize]) -> Vec<TableRelation> {
    let mut rels = Vec::new();
    for c in 0..g.width() {
        let parts: Option<Vec<Num>> = rows.iter().map(|&r| g.cell(r, c).num().cloned()).collect();
        let Some(parts) = parts else {
            continue;
        };
        if parts
            .iter()
            .any(|p| p.value.is_sign_negative() || p.value > Decimal::ONE_HUNDRED)
        {
            return Vec::new();
        }
        rels.push(TableRelation {
            check: Check::Structure { parts },
            basis: Basis::Figures { holds: 0, of: 0 },
            exact: false,
            row: g.rows[rows[0]].label.clone(),
            column: g.header(c).to_string(),
        });
    }
    let of = rels.len();
    let ok = rels.iter().filter(|r| holds(&r.check, false)).count();
    if ok < 2 || !(ok == of || (of >= 3 && ok + 1 == of)) {
        return Vec::new();
    }
    for r in &mut rels {
        r.basis = Basis::Figures { holds: ok, of };
    }
    rels
}

/// Share columns: `s = x ÷ y × 100` in every row, or `s = x ÷ x(total row)
/// × 100`.
fn shares(g: &Grid, m: &[Vec<Cell>]) -> Vec<TableRelation> {
    let w = g.width().min(MAX_WIDTH);
    let labelled_total = g
        .rows
        .iter()
        .position(|r| labelled::is_total_label(&r.label));
    let mut out = Vec::new();
    for s in 0..w {
        // Shares, and ratios per hundred (性别比 106.4, 完成计划的112.5%).
        if !percent_like(g, s, Decimal::from(200)) {
            continue;
        }
        // The whole is the total row, or else the one row whose share is
        // 100 (`地区生产总值 … 100` above its industries).
        let total_row = labelled_total.or_else(|| {
            let hundred: Vec<usize> = (0..m.len())
                .filter(|&i| {
                    m[i].get(s)
                        .and_then(Cell::num)
                        .is_some_and(|n| n.value == Decimal::from(100))
                })
                .collect();
            (hundred.len() == 1).then(|| hundred[0])
        });
        let mut best: Option<Vec<TableRelation>> = None;
        for x in 0..w {
            if x == s {
                continue;
            }
            // With no total row, the base may be the column's sum (the rows
            // are the whole): a base without a place in the text.
            let column_sum = match total_row {
                Some(_) => None,
                None => {
                    let nums: Vec<&Num> = m.iter().filter_map(|r| r.get(x)?.num()).collect();
                    (nums.len() >= 3).then(|| Num {
                        value: nums.iter().map(|n| n.value).sum(),
                        scale: nums.iter().map(|n| n.scale).max().unwrap_or(0),
                        span: crate::span::Span::new(0, 0),
                        percent: false,
                    })
                }
            };
            for y in (0..w).map(Some).chain([None]) {
                if y == Some(s) || y == Some(x) {
                    continue;
                }
                let base_of = |i: usize| -> Option<Num> {
                    match y {
                        Some(y) => m[i].get(y)?.num().cloned(),
                        None => match total_row {
                            Some(t) => m[t].get(x)?.num().cloned(),
                            None => column_sum.clone(),
                        },
                    }
                };
                let found = candidate(g, s, |i| {
                    let row = &m[i];
                    let share = row.get(s).and_then(Cell::num)?;
                    let part = row.get(x).and_then(Cell::num)?;
                    let base = base_of(i)?;
                    if part.value == base.value && y.is_some() {
                        return None;
                    }
                    Some(Check::Share {
                        share: share.clone(),
                        part: part.clone(),
                        base,
                        per: Decimal::ONE_HUNDRED,
                    })
                });
                if let Some(rels) = found {
                    if best.as_ref().is_none_or(|b| b.len() < rels.len()) {
                        best = Some(rels);
                    }
                }
            }
        }
        out.extend(best.unwrap_or_default());
    }
    out
}

/// Ratio columns in other units than their inputs': `单位面积产量`
/// (公斤/公顷) = 总产量 (万吨) ÷ 播种面积 (千公顷) × 10000, `人均` (元) =
/// 总额 (万元) ÷ 人数 × 10000. The factor is the power of ten (1/10000 to
/// 1000000, not 100: those are shares) that the first row shows; the ratio
/// must then hold, within rounding, in three rows or more whose ratio has
/// three significant digits or more.
fn ratios(g: &Grid, m: &[Vec<Cell>]) -> Vec<TableRelation> {
    let w = g.width().min(MAX_WIDTH);
    let num = |i: usize, c: usize| m[i].get(c).and_then(Cell::num);
    let significant = |n: &Num| n.value.abs() >= Decimal::new(100, n.scale);
    // Per ratio column: its two input columns and the relations.
    let mut found_per: Vec<(usize, [usize; 3], Vec<TableRelation>)> = Vec::new();
    for s in 0..w {
        let mut best: Option<([usize; 3], Vec<TableRelation>)> = None;
        for x in 0..w {
            for y in 0..w {
                if x == y || x == s || y == s {
                    continue;
                }
                // The factor the first two rows that state all three show
                // (either may be the row in error).
                let Some(per) = (0..m.len())
                    .filter_map(|i| {
                        let (r, a, b) = (num(i, s)?, num(i, x)?, num(i, y)?);
                        let usable =
                            significant(r) && a.value > Decimal::ZERO && b.value > Decimal::ZERO;
                        usable.then(|| r.value.checked_mul(b.value)?.checked_div(a.value))
                    })
                    .take(2)
                    .find_map(|f| power_of_ten(f?))
                else {
                    continue;
                };
                if per == Decimal::ONE_HUNDRED {
                    continue;
                }
                let found = candidate(g, s, |i| {
                    let r = num(i, s)?;
                    if !significant(r) {
                        return None;
                    }
                    Some(Check::Share {
                        share: r.clone(),
                        part: num(i, x)?.clone(),
                        base: num(i, y)?.clone(),
                        per,
                    })
                });
                if let Some(rels) = found {
                    if best.as_ref().is_none_or(|b| b.1.len() < rels.len()) {
                        let mut cols = [s, x, y];
                        cols.sort_unstable();
                        best = Some((cols, rels));
                    }
                }
            }
        }
        if let Some((cols, rels)) = best {
            found_per.push((s, cols, rels));
        }
    }
    // `面积 = 产量 ÷ 单产` holds as `单产 = 产量 ÷ 面积` does: of the columns
    // of one relation, the ratio is the one whose header says so (`/`,
    // `平均`, `人均`, `单位…`, `率`), else the rightmost.
    let says_ratio = |c: usize| {
        let h = g.header(c);
        ["/", "／", "平均", "人均", "单位", "率", "单产"]
            .iter()
            .any(|w| h.contains(w))
    };
    let mut out = Vec::new();
    for (s, cols, rels) in &found_per {
        let rivals: Vec<usize> = found_per
            .iter()
            .filter(|(_, c, _)| c == cols)
            .map(|(r, _, _)| *r)
            .collect();
        let chosen = rivals
            .iter()
            .copied()
            .filter(|&r| says_ratio(r))
            .max()
            .or_else(|| rivals.iter().copied().max());
        if chosen == Some(*s) {
            out.extend(rels.iter().cloned());
        }
    }
    out
}

/// The power of ten (10⁻⁴ to 10⁶) within 3% of `f`, if any.
fn power_of_ten(f: Decimal) -> Option<Decimal> {
    (-4i32..=6).find_map(|k| {
        let p = if k >= 0 {
            Decimal::from(10u64.pow(k as u32))
        } else {
            Decimal::new(1, k.unsigned_abs())
        };
        let near = (f - p).abs() <= p * Decimal::new(3, 2);
        near.then_some(p)
    })
}

/// Growth columns: `g = (y − x) ÷ x × 100` in every row.
fn growths(g: &Grid, m: &[Vec<Cell>]) -> Vec<TableRelation> {
    let w = g.width().min(MAX_WIDTH);
    let mut out = Vec::new();
    for gc in 0..w {
        if !percent_like(g, gc, Decimal::new(10000, 0)) {
            continue;
        }
        let mut best: Option<Vec<TableRelation>> = None;
        for x in 0..w {
            for y in 0..w {
                if x == y || x == gc || y == gc {
                    continue;
                }
                let found = candidate(g, gc, |i| {
                    // A rate's change is in percentage points, not a growth.
                    let r = &g.rows[i];
                    if labelled::not_additive_label(&r.label) || r.unit.contains(['%', '％', '‰'])
                    {
                        return None;
                    }
                    // Value added and GDP grow at comparable prices, not as
                    // their current-price figures do.
                    if COMPARABLE.iter().any(|w| r.label.contains(w)) {
                        return None;
                    }
                    let row = &m[i];
                    Some(Check::Growth {
                        growth: row.get(gc).and_then(Cell::num)?.clone(),
                        last: row.get(x).and_then(Cell::num)?.clone(),
                        this: row.get(y).and_then(Cell::num)?.clone(),
                    })
                });
                if let Some(rels) = found {
                    if best.as_ref().is_none_or(|b| b.len() < rels.len()) {
                        best = Some(rels);
                    }
                }
            }
        }
        out.extend(best.unwrap_or_default());
    }
    out
}

/// A candidate relation of column `col`: the check `make` gives for each row
/// (`None` where the row does not state it), kept when it holds in three
/// rows or more and fails in few ([`accept`]); given up after [`PROBE`] rows
/// that show it does not hold.
fn candidate(
    g: &Grid,
    col: usize,
    make: impl Fn(usize) -> Option<Check>,
) -> Option<Vec<TableRelation>> {
    let mut rels = Vec::new();
    for i in 0..g.rows.len() {
        let Some(check) = make(i) else {
            continue;
        };
        // A row whose base may be zero or negative shows nothing.
        if !decidable(&check) {
            continue;
        }
        rels.push(TableRelation {
            check,
            basis: Basis::Figures { holds: 0, of: 0 },
            exact: false,
            row: g.rows[i].label.clone(),
            column: g.header(col).to_string(),
        });
        if rels.len() == PROBE && hopeless(PROBE, count_holds(&rels)) {
            return None;
        }
    }
    accept(&mut rels, 3).then_some(rels)
}

/// True when a share's or growth's interval can be computed (its base is
/// surely above zero; a share's part is not negative).
fn decidable(check: &Check) -> bool {
    match check {
        Check::Share {
            part, base, per, ..
        } => super::quotient_per(part, base, *per).is_some(),
        Check::Growth { this, last, .. } => super::growth(this, last).is_some(),
        _ => true,
    }
}

/// How many instances a candidate relation is tried on before it must show
/// that it holds in nearly all of them.
const PROBE: usize = 8;

/// True when a candidate tried on `tried` instances, holding in `holds`,
/// can be given up: after [`PROBE`] instances it must hold in all but two.
/// This keeps the search linear in the rows of a long table.
fn hopeless(tried: usize, holds: usize) -> bool {
    tried == PROBE && holds + 2 < PROBE
}

fn count_holds(rels: &[TableRelation]) -> usize {
    rels.iter().filter(|r| holds(&r.check, r.exact)).count()
}

/// True when `fails` of `of` instances is few enough: one in seven, a
/// single one when `of` is at least `small`, two of ten or more.
fn few_fail(fails: usize, of: usize, small: usize) -> bool {
    fails * 7 <= of || (fails == 1 && of >= small) || (fails == 2 && of >= 10)
}

/// Keeps a candidate relation when it holds in `min` instances or more and
/// fails in at most one in seven; sets the basis.
fn accept(rels: &mut [TableRelation], min: usize) -> bool {
    let of = rels.len();
    let ok = rels.iter().filter(|r| holds(&r.check, r.exact)).count();
    if ok < min || !few_fail(of - ok, of, min + 1) {
        return false;
    }
    for r in rels.iter_mut() {
        r.basis = Basis::Figures { holds: ok, of };
    }
    true
}
