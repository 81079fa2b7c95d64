//! Relations in tables: a total row or column and its members, subset rows
//! (`#`, `其中：`) within their parent, share columns and growth columns.
//!
//! - [`grid`]: a table as rows and columns of cells, from Markdown and Word
//!   tables;
//! - `text`: tables in plain text (whitespace-aligned rows, one cell per
//!   line);
//! - `labelled`: what the row labels say (`合计`, `总计`, `全县`, numbered
//!   items `一、` `1、` `（1）`, subset marks `#` and `其中：`, indentation);
//! - `learned`: what the figures themselves show: a column (or row) that
//!   equals the sum of a run of others, a share column, a growth column, in
//!   nearly every row; the rows where it fails are reported.
//!
//! Display rounding is allowed for as in prose: each figure stands for ± half
//! a unit of its last digit, unless the table's relations hold exactly
//! everywhere else and its figures are whole numbers (counts: `件`, `人`).

pub mod grid;
mod labelled;
mod learned;
mod text;

use rust_decimal::Decimal;

pub use grid::{Cell, Grid, Num, Row};

use crate::span::Span;

/// Why a table relation is believed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Basis {
    /// The labels say it: a total row (`合计`), numbered items under their
    /// heading, subset rows under their parent.
    Labels,
    /// The figures show it: it holds in `holds` of the table's rows (or
    /// columns) and fails in the others.
    Figures {
        /// Rows (or columns) where it holds.
        holds: usize,
        /// Rows (or columns) where it is stated at all.
        of: usize,
    },
}

/// What a table relation says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Check {
    /// `total` = Σ `parts` (or Σ `parts` ≤ `total` for subsets).
    Sum {
        /// The total cell.
        total: Num,
        /// The parts' cells (a blank part counts as 0 and is left out).
        parts: Vec<Num>,
        /// True when the parts are a subset: their sum may be less.
        subset: bool,
    },
    /// The shares of a whole add up to 100 (a structure: `第一产业 6.2`,
    /// `第二产业 55.7`, `第三产业 38.1` under `三次产业比例`).
    Structure {
        /// The shares, top to bottom.
        parts: Vec<Num>,
    },
    /// `share` = `part` ÷ `base` × `per`: a share (`per` 100) or a ratio in
    /// other units (`单位面积产量` in 公斤/公顷 = 总产量 (万吨) ÷ 播种面积
    /// (千公顷) × 10000).
    Share {
        /// The share cell (a percentage), or the ratio.
        share: Num,
        /// The part (the numerator).
        part: Num,
        /// The whole (the denominator).
        base: Num,
        /// The factor: 100 for a percentage, a power of ten for a ratio
        /// whose units differ from its inputs'.
        per: Decimal,
    },
    /// `growth` = (`this` − `last`) ÷ `last` × 100.
    Growth {
        /// The growth cell (a percentage).
        growth: Num,
        /// This period's figure.
        this: Num,
        /// The earlier period's figure.
        last: Num,
    },
}

/// One relation between the cells of a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableRelation {
    /// What must hold.
    pub check: Check,
    /// Why it is believed.
    pub basis: Basis,
    /// True when the table's figures are exact counts: no rounding allowed.
    pub exact: bool,
    /// Where the relation stands: the row's label and the column's header
    /// (`总计`, `2000`), for messages.
    pub row: String,
    /// The column's header words, or `""`.
    pub column: String,
}

/// Every table of a draft with its relations.
#[derive(Debug, Clone, Default)]
pub struct Tables {
    /// The tables as grids.
    pub grids: Vec<Grid>,
    /// Their relations, in the order of the tables.
    pub relations: Vec<TableRelation>,
}

/// Reads the tables of a draft: those of its markup (`source`) and those in
/// its plain text, and the relations in each. `overlap` are the words of
/// attributes that overlap (`女`, `党员`, `职称`: the breakdown lexicon's
/// `overlap_words`): subset rows named with them are not added up.
pub fn read(
    text: &str,
    source: &[crate::source::Table],
    partitions: &[crate::relations::Partition],
    overlap: &[String],
) -> Tables {
    let mut grids = grid::from_source(text, source);
    let skip: Vec<Span> = grids.iter().map(|g| g.span).collect();
    grids.extend(text::grids(text, &skip));
    let mut relations = Vec::new();
    for g in &grids {
        let mut rels = if g.partial {
            Vec::new()
        } else {
            labelled::relations(g, partitions, overlap)
        };
        if listed_in_part(text, g.span) {
            // `注：本表只列出部分省份`: the rows under a total are some of
            // its members, no more.
            for r in &mut rels {
                if let Check::Sum { subset, .. } = &mut r.check {
                    *subset = true;
                }
            }
        }
        for r in learned::relations(g) {
            match rels.iter().position(|o| same_cells(o, &r)) {
                None => rels.push(r),
                // `其中` rows that the figures show to be the whole in nearly
                // every column are checked as a sum, short or over; a subset
                // over its parent stays the error its label makes it.
                Some(i) if completes(&rels[i], &r) && holds(&rels[i].check, rels[i].exact) => {
                    rels[i] = r;
                }
                Some(_) => {}
            }
        }
        relations.extend(rels);
    }
    Tables { grids, relations }
}

/// Words of a table's note (`注：…`, within three lines below it) saying
/// that it lists only some members of its totals.
const LISTED_IN_PART: &[&str] = &[
    "只列",
    "仅列",
    "列出部分",
    "选列",
    "未列出",
    "未全部列出",
    "未一一列出",
];

/// True when a note below the table at `span` says it lists only some of
/// the members of its totals (`注：本表只列出部分省级单位`).
fn listed_in_part(text: &str, span: Span) -> bool {
    let after = text.get(span.end.min(text.len())..).unwrap_or("");
    after
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(3)
        .map(str::trim_start)
        .filter(|l| l.starts_with('注') || l.starts_with("说明"))
        .any(|l| LISTED_IN_PART.iter().any(|w| l.contains(w)))
}

/// True when `learned` is an equality over exactly the rows (or columns)
/// that `labelled` reads as a subset of the same total.
fn completes(labelled: &TableRelation, learned: &TableRelation) -> bool {
    match (&labelled.check, &learned.check) {
        (
            Check::Sum {
                parts: p1,
                subset: true,
                ..
            },
            Check::Sum {
                parts: p2,
                subset: false,
                ..
            },
        ) => p1.len() == p2.len() && p1.iter().all(|a| p2.iter().any(|b| a.span == b.span)),
        _ => false,
    }
}

/// True when two relations say the same of the same cells.
fn same_cells(a: &TableRelation, b: &TableRelation) -> bool {
    match (&a.check, &b.check) {
        (
            Check::Sum {
                total: t1,
                parts: p1,
                ..
            },
            Check::Sum {
                total: t2,
                parts: p2,
                ..
            },
        ) => {
            // The same total with the same parts, or with parts that share a
            // cell (one reading of the same members).
            t1.span == t2.span && p1.iter().any(|a| p2.iter().any(|b| a.span == b.span))
        }
        (Check::Share { share: s1, .. }, Check::Share { share: s2, .. }) => s1.span == s2.span,
        (Check::Growth { growth: g1, .. }, Check::Growth { growth: g2, .. }) => g1.span == g2.span,
        _ => false,
    }
}

/// How far a sum may be from its total through display rounding.
pub fn sum_slack(total: &Num, parts: &[&Num], exact: bool) -> Decimal {
    if exact {
        return Decimal::ZERO;
    }
    parts
        .iter()
        .map(|p| p.half_ulp())
        .fold(total.half_ulp(), |a, b| a + b)
}

/// The verdict on a [`Check::Sum`]: `None` when it holds, else the sum of
/// the parts.
pub fn sum_fails(total: &Num, parts: &[&Num], subset: bool, exact: bool) -> Option<Decimal> {
    let sum: Decimal = parts.iter().map(|p| p.value).sum();
    let slack = sum_slack(total, parts, exact);
    let over = sum - total.value > slack;
    let under = total.value - sum > slack;
    (over || (!subset && under)).then_some(sum)
}

/// The verdict on a [`Check::Structure`]: `None` when the shares add up to
/// 100 within their rounding, else their sum.
pub fn structure_sum(parts: &[Num]) -> Option<Decimal> {
    let sum: Decimal = parts.iter().map(|p| p.value).sum();
    let slack: Decimal = parts.iter().map(Num::half_ulp).sum();
    ((sum - Decimal::ONE_HUNDRED).abs() > slack).then_some(sum)
}

/// The interval `part ÷ base × 100` may take through display rounding, or
/// `None` when the base may be zero.
pub fn quotient(part: &Num, base: &Num) -> Option<(Decimal, Decimal)> {
    quotient_per(part, base, Decimal::ONE_HUNDRED)
}

/// The interval `part ÷ base × per` may take through display rounding, or
/// `None` when the base may be zero or the part negative.
pub fn quotient_per(part: &Num, base: &Num, per: Decimal) -> Option<(Decimal, Decimal)> {
    let (plo, phi) = (part.value - part.half_ulp(), part.value + part.half_ulp());
    let (blo, bhi) = (base.value - base.half_ulp(), base.value + base.half_ulp());
    if blo <= Decimal::ZERO || plo < Decimal::ZERO {
        return None;
    }
    let h = per;
    Some((plo.checked_mul(h)? / bhi, phi.checked_mul(h)? / blo))
}

/// The interval `(this − last) ÷ last × 100` may take, or `None` when the
/// earlier figure may be zero or negative.
pub fn growth(this: &Num, last: &Num) -> Option<(Decimal, Decimal)> {
    let (tlo, thi) = (this.value - this.half_ulp(), this.value + this.half_ulp());
    let (llo, lhi) = (last.value - last.half_ulp(), last.value + last.half_ulp());
    if llo <= Decimal::ZERO {
        return None;
    }
    let h = Decimal::ONE_HUNDRED;
    // (t − l) / l = t / l − 1: smallest with the smallest t and largest l.
    let lo = (tlo.checked_mul(h)? / lhi) - h;
    let hi = (thi.checked_mul(h)? / llo) - h;
    Some((lo, hi))
}

/// True when a stated percentage (± its rounding) meets the interval.
pub fn meets(stated: &Num, (lo, hi): (Decimal, Decimal)) -> bool {
    let slo = stated.value - stated.half_ulp();
    let shi = stated.value + stated.half_ulp();
    slo <= hi && lo <= shi
}

/// The verdict on any [`Check`]: true when it holds.
pub fn holds(check: &Check, exact: bool) -> bool {
    match check {
        Check::Sum {
            total,
            parts,
            subset,
        } => {
            let parts: Vec<&Num> = parts.iter().collect();
            sum_fails(total, &parts, *subset, exact).is_none()
        }
        Check::Structure { parts } => structure_sum(parts).is_none(),
        Check::Share {
            share,
            part,
            base,
            per,
        } => quotient_per(part, base, *per).is_none_or(|q| meets(share, q)),
        Check::Growth {
            growth: g,
            this,
            last,
        } => growth(this, last).is_none_or(|q| meets(g, q)),
    }
}
