//! Named formulas in tables (for `rate-formula`): a row (or column) whose
//! label names a formula (`病床使用率 %`, `单位面积产量（公斤/公顷）`) must follow,
//! in every column (or row), from the rows (or columns) its operands name
//! (`实际占用总床日数 万床日`, `实际开放总床日数 万床日`).
//!
//! Labels carry their unit after the name (`万床日`, `%`, `（万吨）`): a
//! magnitude there (`万`) scales the figures, and for a formula whose unit is
//! a measure (`公斤/公顷`) the units of the rate and its operands must be
//! known and of the formula's dimension.

use rust_decimal::Decimal;

use crate::diagnostic::{Diagnostic, Severity};
use crate::formula::{Dim, Formula, RateUnit};
use crate::quantity::number::{plain, round_half_away};
use crate::quantity::{Interval, UnitTable};
use crate::relations::table::{Check, Grid, Num};
use crate::rules::Context;

/// A unit read from text (`万吨`, `千公顷`, `公斤/公顷`): its dimension and
/// the factor from it to the base units of that dimension.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ReadUnit {
    pub dim: Dim,
    pub factor: Decimal,
    /// Bytes of text it took.
    pub len: usize,
}

/// Magnitudes that may stand before a unit, longest first.
const MAGNITUDES: &[(&str, i64)] = &[
    ("千万", 10_000_000),
    ("百万", 1_000_000),
    ("十万", 100_000),
    ("亿", 100_000_000),
    ("万", 10_000),
    ("千", 1_000),
    ("百", 100),
];

/// One unit at the start of `text`, with an optional magnitude before it.
fn one_unit(units: &UnitTable, extra: &[&UnitTable], text: &str) -> Option<ReadUnit> {
    let find = |t: &str| {
        units
            .longest_prefix(t)
            .or_else(|| extra.iter().find_map(|x| x.longest_prefix(t)))
    };
    if let Some(u) = find(text) {
        return Some(ReadUnit {
            dim: Dim::of(&u.dimension),
            factor: u.factor,
            len: u.name.len(),
        });
    }
    let (m, f) = MAGNITUDES.iter().find(|(m, _)| text.starts_with(m))?;
    let u = find(&text[m.len()..])?;
    Some(ReadUnit {
        dim: Dim::of(&u.dimension),
        factor: u.factor.checked_mul(Decimal::from(*f))?,
        len: m.len() + u.name.len(),
    })
}

/// A unit, maybe per another (`公斤/公顷`), at the start of `text`.
pub(crate) fn read_unit(units: &UnitTable, extra: &[&UnitTable], text: &str) -> Option<ReadUnit> {
    let num = one_unit(units, extra, text)?;
    let rest = &text[num.len..];
    let Some(r) = rest.strip_prefix('/') else {
        return Some(num);
    };
    let den = one_unit(units, extra, r)?;
    if den.factor.is_zero() {
        return None;
    }
    Some(ReadUnit {
        dim: num.dim.per(&den.dim),
        factor: num.factor.checked_div(den.factor)?,
        len: num.len + 1 + den.len,
    })
}

/// A label split into its name and the unit written after it: `病床使用率%`
/// → (`病床使用率`, `%`), `实际开放总床日数万床日` → (`实际开放总床日数`, `万床日`),
/// `总产量（万吨）` → (`总产量`, `万吨`), `#出院病人数` → (`出院病人数`, ``).
fn split_label(label: &str) -> (String, String) {
    let l: String = label.chars().filter(|c| !c.is_whitespace()).collect();
    let l = l.trim_start_matches(['#', '＃']).to_string();
    if let Some(inner) = l.strip_suffix('）').or_else(|| l.strip_suffix(')')) {
        if let Some(open) = inner.rfind(['（', '(']) {
            let unit = inner[open..].trim_start_matches(['（', '(']).to_string();
            return (inner[..open].to_string(), unit);
        }
    }
    for pct in ['%', '％', '‰'] {
        if let Some(name) = l.strip_suffix(pct) {
            return (name.to_string(), pct.to_string());
        }
    }
    // A magnitude a few characters before the end starts the unit (`万床日`).
    let chars: Vec<(usize, char)> = l.char_indices().collect();
    let n = chars.len();
    for k in (n.saturating_sub(4)..n).rev() {
        let (at, c) = chars[k];
        if (c == '万' || c == '亿') && k > 1 {
            return (l[..at].to_string(), l[at..].to_string());
        }
    }
    (l, String::new())
}

/// The factor a label's unit applies to its figures when the formula gives
/// them no unit of their own: the magnitude (`万床日` → 10⁴), a percentage
/// (`%` → 0.01).
fn magnitude(unit: &str) -> Decimal {
    match unit {
        "%" | "％" => Decimal::new(1, 2),
        "‰" => Decimal::new(1, 3),
        _ => MAGNITUDES
            .iter()
            .find(|(m, _)| unit.starts_with(m))
            .map_or(Decimal::ONE, |(_, f)| Decimal::from(*f)),
    }
}

/// How a label names one of a formula's operands: the index of the name
/// among the alternatives, its length, and whether the name ends the label.
fn names_operand(name_part: &str, names: &[String]) -> Option<(usize, usize, bool)> {
    names
        .iter()
        .enumerate()
        .filter_map(|(alt, n)| {
            if name_part.ends_with(n.as_str()) {
                Some((alt, n.len(), true))
            } else if name_part.contains(n.as_str()) {
                Some((alt, n.len(), false))
            } else {
                None
            }
        })
        .max_by_key(|&(_, len, strict)| (strict, len))
}

/// The items of a table in one orientation: their labels, and the cell of
/// item `i` for instance `j`.
struct Items<'g> {
    grid: &'g Grid,
    /// True when the items are the rows (the instances the columns).
    rows: bool,
}

impl<'g> Items<'g> {
    fn len(&self) -> usize {
        if self.rows {
            self.grid.rows.len()
        } else {
            self.grid.width()
        }
    }

    fn instances(&self) -> usize {
        if self.rows {
            self.grid.width()
        } else {
            self.grid.rows.len()
        }
    }

    fn label(&self, i: usize) -> String {
        if self.rows {
            let r = &self.grid.rows[i];
            format!("{}{}", r.label, r.unit)
        } else {
            self.grid.header(i).to_string()
        }
    }

    fn cell(&self, i: usize, j: usize) -> Option<&'g Num> {
        if self.rows {
            self.grid.cell(i, j).num()
        } else {
            self.grid.cell(j, i).num()
        }
    }

    fn instance_name(&self, j: usize) -> String {
        if self.rows {
            self.grid.header(j).to_string()
        } else {
            self.grid
                .rows
                .get(j)
                .map(|r| r.label.clone())
                .unwrap_or_default()
        }
    }
}

/// One item chosen for a formula: its index, its unit text and the name it
/// matched.
struct Pick {
    item: usize,
    unit: String,
    name: String,
    strict: bool,
}

/// Checks the formulas against every table of the draft.
pub(crate) fn check(
    cx: &Context<'_>,
    formulas: &[Formula],
    extra: &[&UnitTable],
    out: &mut Vec<Diagnostic>,
) {
    for grid in &cx.graph.tables.grids {
        for rows in [true, false] {
            let items = Items { grid, rows };
            check_items(cx, formulas, extra, &items, out);
        }
    }
}

fn check_items(
    cx: &Context<'_>,
    formulas: &[Formula],
    extra: &[&UnitTable],
    items: &Items<'_>,
    out: &mut Vec<Diagnostic>,
) {
    let labels: Vec<(String, String)> = (0..items.len())
        .map(|i| split_label(&items.label(i)))
        .collect();
    // A table names a handful of rates; a table of hundreds of rows named
    // by formulas is not checked row by row (each search is linear).
    let mut rates_checked = 0usize;
    for (ri, (name_part, unit)) in labels.iter().enumerate() {
        if rates_checked >= 50 {
            break;
        }
        // The formula the item names (the longest name when several do).
        let Some((f, fname)) = formulas
            .iter()
            .filter(|f| !f.exclude.iter().any(|w| name_part.contains(w.as_str())))
            .filter_map(|f| {
                f.names()
                    .filter(|n| name_part.ends_with(n))
                    .max_by_key(|n| n.len())
                    .map(|n| (f, n))
            })
            .max_by_key(|(_, n)| n.len())
        else {
            continue;
        };
        let fits = match &f.unit {
            RateUnit::Percent => unit == "%" || unit == "％",
            RateUnit::Permille => unit == "‰",
            RateUnit::Plain => unit.is_empty(),
            RateUnit::Measure(_) => !unit.is_empty(),
        };
        if !fits {
            continue;
        }
        rates_checked += 1;
        let Some(picks) = operands(f, &labels, ri) else {
            cx.coverage.skipped(
                "named rate in a table (formula)",
                "an operand is not a row or column of the table, or two are",
            );
            continue;
        };
        check_formula(cx, f, fname, extra, items, ri, unit, &picks, out);
    }
}

/// For each operand of `f`, the one item that names it (strict names before
/// loose ones); `None` when an operand has none or two.
fn operands(f: &Formula, labels: &[(String, String)], rate: usize) -> Option<Vec<Pick>> {
    let ops = &f.expression.operands;
    let mut picks = Vec::new();
    for (oi, op) in ops.iter().enumerate() {
        let mut found: Vec<(usize, usize, usize, bool)> = Vec::new();
        for (i, (name_part, _)) in labels.iter().enumerate() {
            if i == rate || f.exclude.iter().any(|w| name_part.contains(w.as_str())) {
                continue;
            }
            let Some((alt, len, strict)) = names_operand(name_part, &op.names) else {
                continue;
            };
            // A label that names another operand with a longer name is that one's.
            let longer = ops.iter().enumerate().any(|(oj, o)| {
                oj != oi && names_operand(name_part, &o.names).is_some_and(|(_, l, _)| l > len)
            });
            if !longer {
                found.push((i, alt, len, strict));
            }
        }
        let best = found
            .iter()
            .map(|&(_, _, len, strict)| (strict, len))
            .max()?;
        let top: Vec<_> = found
            .iter()
            .filter(|&&(_, _, len, strict)| (strict, len) == best)
            .collect();
        if top.len() != 1 {
            return None;
        }
        let (i, alt, _, strict) = *top[0];
        picks.push(Pick {
            item: i,
            unit: labels[i].1.clone(),
            name: op.names[alt].clone(),
            strict,
        });
    }
    Some(picks)
}

fn interval(n: &Num, factor: Decimal) -> Option<Interval> {
    let h = n.half_ulp();
    Some(Interval::new(
        (n.value - h).checked_mul(factor)?,
        (n.value + h).checked_mul(factor)?,
    ))
}

#[allow(clippy::too_many_arguments)]
fn check_formula(
    cx: &Context<'_>,
    f: &Formula,
    fname: &str,
    extra: &[&UnitTable],
    items: &Items<'_>,
    rate: usize,
    rate_unit: &str,
    picks: &[Pick],
    out: &mut Vec<Diagnostic>,
) {
    let units = &cx.tables.units;
    // The factors the figures are read with, and for a measure the factor of
    // the rate (its unit to base units).
    let (factors, rate_factor): (Vec<Decimal>, Decimal) = match &f.unit {
        RateUnit::Measure(_) => {
            let read = |t: &str| read_unit(units, extra, t).filter(|u| u.len == t.len());
            let Some(r) = read(rate_unit) else {
                return;
            };
            let Some(ops) = picks
                .iter()
                .map(|p| read(&p.unit))
                .collect::<Option<Vec<_>>>()
            else {
                return;
            };
            let dims: Vec<Dim> = ops.iter().map(|u| u.dim.clone()).collect();
            if f.expression.dimension(&dims).as_ref() != Some(&r.dim) {
                return;
            }
            (ops.iter().map(|u| u.factor).collect(), r.factor)
        }
        _ => (
            picks.iter().map(|p| magnitude(&p.unit)).collect(),
            magnitude(rate_unit),
        ),
    };
    // Share cells another table rule checks already.
    let covered = |n: &Num| {
        cx.graph.tables.relations.iter().any(|r| match &r.check {
            Check::Share { share, .. } | Check::Growth { growth: share, .. } => {
                share.span == n.span
            }
            _ => false,
        })
    };
    let mut failing = Vec::new();
    let mut held = 0usize;
    for j in 0..items.instances() {
        let Some(stated) = items.cell(rate, j) else {
            continue;
        };
        let Some(cells) = picks
            .iter()
            .map(|p| items.cell(p.item, j))
            .collect::<Option<Vec<&Num>>>()
        else {
            continue;
        };
        let Some(values) = cells
            .iter()
            .zip(&factors)
            .map(|(n, f)| interval(n, *f))
            .collect::<Option<Vec<Interval>>>()
        else {
            continue;
        };
        let Some(computed) = f.expression.eval(&values) else {
            continue;
        };
        let Some(s) = interval(stated, rate_factor) else {
            continue;
        };
        cx.coverage.checked("named rate in a table (formula)");
        if computed.meets(&s) {
            held += 1;
            continue;
        }
        if !covered(stated) {
            failing.push((j, stated, cells, computed));
        }
    }
    // A table whose rates never follow from the rows named is read wrong
    // (other definitions, other units): say nothing.
    if held == 0 {
        return;
    }
    for (j, stated, cells, computed) in failing {
        let shown_v = computed
            .mid()
            .checked_div(rate_factor)
            .unwrap_or(computed.mid());
        let shown = round_half_away(shown_v, stated.scale);
        let sum = f
            .expression
            .render(&|i| format!("{} {}", picks[i].name, cells[i].shown()));
        let unit = if matches!(f.unit, RateUnit::Plain) {
            String::new()
        } else {
            rate_unit.to_string()
        };
        let at = items.instance_name(j);
        let at = if at.is_empty() {
            String::new()
        } else {
            format!(" ({at})")
        };
        let message = format!(
            "{fname} stated {}{unit}{at}; {sum} = {}{unit} ({})",
            stated.shown(),
            plain(shown),
            f.file
        );
        let strict = picks.iter().all(|p| p.strict);
        let severity = if f.definitional && strict {
            Severity::Error
        } else {
            Severity::Warning
        };
        let lo = computed.lo.checked_div(rate_factor).unwrap_or(computed.lo);
        let hi = computed.hi.checked_div(rate_factor).unwrap_or(computed.hi);
        let mut d = super::rate_formula::DEF
            .diagnostic(severity, stated.span, message)
            .with_primary_text(format!("stated {fname}"));
        for (p, c) in picks.iter().zip(&cells) {
            d = d.with_label(c.span, p.name.clone());
        }
        d = d
            .with_note(format!(
                "{fname} = {} ({})",
                f.expression.render(&|i| picks[i].name.clone()),
                f.source
            ))
            .with_note(format!(
                "the table's figures as printed allow {}{unit} to {}{unit}; it holds in {held} other {} of the table",
                plain(round_half_away(lo, stated.scale + 2)),
                plain(round_half_away(hi, stated.scale + 2)),
                if items.rows { "columns" } else { "rows" }
            ));
        d.labels[1..].sort_by_key(|l| l.span.start);
        out.push(d);
    }
}
