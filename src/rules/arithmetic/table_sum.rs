//! `table-sum`: in a table, a total row or column equals the sum of its
//! members, and subset rows stay within their parent.

use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use crate::diagnostic::{Diagnostic, Severity};
use crate::relations::table::{grid, structure_sum, sum_fails, Basis, Check, Num, TableRelation};
use crate::rules::{Context, Example, Rule, RuleDef};

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "table-sum",
    category: "arithmetic",
    summary: "a table's total row or column must equal the sum of its members; subset rows must stay within their parent",
    source: "a total (合计/总计) equals the sum of its items and an item marked # or 其中 is part of its parent \
             (统计表 conventions; 合计数与分项数之和不符 is a listed data-error type)",
    docs: DOCS,
    examples: &[
        Example::wrong(
            "表1  各类案件受理情况\n项  目        2023年    2024年\n合  计          146       152\n民事案件         98       101\n刑事案件         31        33\n行政案件         17        19\n",
            "101 + 33 + 19 = 153, not 152",
        ),
        Example::right(
            "表1  各类案件受理情况\n项  目        2023年    2024年\n合  计          146       153\n民事案件         98       101\n刑事案件         31        33\n行政案件         17        19\n",
            "",
        ),
        Example::wrong(
            "年份    总人口    男性    女性\n2019    41.26    20.95    20.31\n2020    41.58    21.12    20.46\n2021    41.77    21.20    20.57\n2022    41.93    21.30    20.63\n2023    42.15    21.41    20.84\n",
            "总人口 is 男性 + 女性 in every other row; in 2023 21.41 + 20.84 = 42.25",
        ),
    ],
    defaults: include_str!("../../../rules/arithmetic/table-sum.toml"),
    build,
};

const DOCS: &str = r#"A table's total row or column must equal the sum of its members, and
subset rows must stay within their parent.

## What it checks

Tables in Markdown (pipe tables), in Word files, and in plain text as pasted
from a PDF (whitespace-aligned rows with blank cells; one cell per line, each
ended by `|`):

* **Total rows.** A row labelled `合计`, `总计`, `小计`, `共计`, `总数`, or the
  whole area (`全县`, `全 市`, `total`) is the sum of the rows below it (or
  above it, when it is the last row) at the level below it: numbered rows
  (`一、` › `（一）` › `1、` › `（1）`) or, in plain text, the least indented
  rows. Subset rows and deeper rows are not added.
* **Numbered items.** A row followed by items numbered `1、2、3、` (or `一、`,
  `（一）`…) is their sum; a restart at 1 is another cut of the same row
  (`1、夏粮 2、早稻 3、秋粮`, then `1、谷物 2、豆类 3、薯类`).
* **Subsets.** Rows marked `#` or `其中：` (and the plain rows after a `其中：`
  row) must add up to no more than their parent; to exactly their parent when
  they name every member of a partition (`城镇`/`乡村`, `男`/`女`, `公立`/`民营`:
  `rules/partitions.toml`), cover every age, or end with `其他`.
* **Sums the figures show.** A column that equals the sum of a run of other
  columns in every row but a few (`总人口` = `男` + `女`, year after year), or a
  row that equals the sum of a run of rows in every column but a few: the
  rows (or columns) where it fails are reported as warnings, since no label
  states the sum. Such a sum must hold in four rows or more, in three of them
  with two parts that are not zero, and fail in at most one row in seven
  (or in one row of five or more).
* **Structures.** In a table of percentages (its unit line `单位：%`, a
  `%` header, or a group heading naming a `比例`, `结构`, `构成`, `比重`), the
  rows of a group (between headings without figures) are shares of one whole
  when they add up to 100 in every column but one (of three or more): the
  column where they do not is reported as a warning.

Each figure stands for ± half a unit of its last digit (`41.26` for 41.255 to
41.265), so a sum of rounded figures may be off by that much; whole numbers
in a count unit (`件`, `人`, `个`… in a unit column, a column header or the
table's `单位：` line), and sums the figures show to hold exactly in every
other row, must add up exactly.

## What it leaves alone

* Columns whose header says they are not counts or amounts (`增长`, `%`,
  `比重`, `率`, `平均`, `价格`, `指数`…), columns with negative figures, and a
  column whose total lies among its members (an average). A structure column
  (`构成`, `比重`) is summed when its total is 100.
* Rows whose label names a rate, an average or a share (`率`, `平均`, `人均`,
  `比重`), and rows in another unit than their total (a unit column).
* Empty cells and `…`, `—`: no figure (they count as 0 in a sum the figures
  show, where they are what blank cells mean).
* A year written first in a row (`1991  8  3  3`) is the row's label, not a
  figure.

Findings on sums the labels state are errors; on sums only the figures show,
warnings.
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let _: Settings = crate::rules::settings(value)?;
    Ok(Box::new(TableSum))
}

/// The `table-sum` rule.
pub struct TableSum;

impl Rule for TableSum {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for r in &cx.graph.tables.relations {
            if let Some(d) = check(r) {
                out.push(d);
            }
        }
    }
}

/// Where a table relation stands, for messages: `row 合计, column 2024年`.
pub fn place(r: &TableRelation) -> String {
    let mut s = String::new();
    if !r.row.is_empty() {
        s.push_str(&format!("row `{}`", r.row));
    }
    if !r.column.is_empty() {
        if !s.is_empty() {
            s.push_str(", ");
        }
        s.push_str(&format!("column `{}`", r.column));
    }
    if s.is_empty() {
        s.push_str("table");
    }
    s
}

/// How the relation was read, for notes.
pub fn basis_note(r: &TableRelation) -> Option<String> {
    match r.basis {
        Basis::Labels => None,
        Basis::Figures { holds, of } => Some(format!(
            "no label states this relation: it holds in {holds} of the {of} rows or columns where the table gives these figures"
        )),
    }
}

fn check(r: &TableRelation) -> Option<Diagnostic> {
    if let Check::Structure { parts } = &r.check {
        let sum = structure_sum(parts)?;
        let scale = parts.iter().map(|p| p.scale).max().unwrap_or(0);
        let (first, rest) = parts.split_first()?;
        let mut d = DEF
            .diagnostic(
                Severity::Warning,
                first.span,
                format!(
                    "table {}: the shares of one whole add up to {}, not 100",
                    place(r),
                    grid::shown(sum, scale)
                ),
            )
            .with_primary_text("share");
        for p in rest {
            d = d.with_label(p.span, "share");
        }
        d = d.with_note(
            "each share may be off by half a unit of its last digit through rounding; the difference is larger",
        );
        if let Some(n) = basis_note(r) {
            d = d.with_note(n);
        }
        return Some(d);
    }
    let Check::Sum {
        total,
        parts,
        subset,
    } = &r.check
    else {
        return None;
    };
    let refs: Vec<&Num> = parts.iter().collect();
    let sum = sum_fails(total, &refs, *subset, r.exact)?;
    let scale = parts.iter().map(|p| p.scale).max().unwrap_or(0);
    let severity = match r.basis {
        Basis::Labels => Severity::Error,
        Basis::Figures { .. } => Severity::Warning,
    };
    let message = if *subset {
        format!(
            "table {}: subset rows add up to {}, more than their parent {}",
            place(r),
            grid::shown(sum, scale),
            total.shown()
        )
    } else {
        format!(
            "table {}: the members add up to {}, but the total is {}",
            place(r),
            grid::shown(sum, scale),
            total.shown()
        )
    };
    let mut d = DEF
        .diagnostic(severity, total.span, message)
        .with_primary_text("total");
    for p in parts {
        d = d.with_label(p.span, "member");
    }
    if !r.exact {
        d = d.with_note(
            "each figure may be off by half a unit of its last digit through rounding; the difference is larger",
        );
    }
    if let Some(n) = basis_note(r) {
        d = d.with_note(n);
    }
    Some(d)
}
