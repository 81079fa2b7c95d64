//! Coverage: what yblint verified in a draft and what it could not.
//!
//! Editors need to know what was not checked as much as what was wrong: a
//! clean report on a draft whose breakdowns could not be read is not a clean
//! draft. Rules record each relation they checked ([`Coverage::checked`])
//! and each one they found but had to leave alone, with the reason
//! ([`Coverage::skipped`]); `yblint check --coverage` prints the totals and
//! `--format json` always carries them in `summary.coverage`.

use std::cell::RefCell;
use std::collections::BTreeMap;

use crate::span::Span;

/// What one check of one or more drafts verified. Rules record into it
/// through a shared reference (it is used by one thread at a time).
#[derive(Debug, Default)]
pub struct Coverage {
    /// Figures (numeric claims) read.
    pub figures: usize,
    checked: RefCell<BTreeMap<&'static str, usize>>,
    skipped: RefCell<BTreeMap<(&'static str, String), usize>>,
    /// Whether each relation is recorded ([`Coverage::relation`]).
    detail: bool,
    /// The relations recorded in the draft being checked (spans index it).
    relations: RefCell<Vec<Relation>>,
    /// The relations of checked files, placed ([`Coverage::place`]).
    placed: Vec<Placed>,
}

/// How a relation fared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// The figures agree.
    Holds,
    /// The rule reported it.
    Reported,
    /// Found but not checked, for this reason.
    Skipped(String),
}

/// One relation a rule checked or left alone, with the figures it read and
/// the arithmetic it did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relation {
    /// Its kind (`breakdown-sum`, `share`).
    pub kind: &'static str,
    /// The rule that read it.
    pub rule: &'static str,
    /// The total (合计) or base.
    pub total: Option<Span>,
    /// The parts (分项).
    pub parts: Vec<Span>,
    /// The figure the arithmetic is compared with (for a breakdown, its
    /// total; for a share, the stated percentage).
    pub stated: Option<Span>,
    /// The arithmetic as the rule did it (`21 + 733 = 754 户`); may be empty
    /// for a relation not checked.
    pub computed: String,
    /// How it fared.
    pub verdict: Verdict,
}

/// A span with its positions, as diagnostics give them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct At {
    /// Byte offsets into the file.
    pub start: usize,
    /// End byte offset.
    pub end: usize,
    /// 1-based line.
    pub line: usize,
    /// 1-based column in characters.
    pub column: usize,
    /// Line of the end.
    pub end_line: usize,
    /// Column after the last character.
    pub end_column: usize,
}

impl At {
    fn json(&self) -> serde_json::Value {
        serde_json::json!({
            "start": self.start, "end": self.end, "line": self.line,
            "column": self.column, "end_line": self.end_line, "end_column": self.end_column,
        })
    }
}

/// A relation placed in its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    /// The file's path as the user gave it.
    pub path: String,
    /// The relation.
    pub relation: Relation,
    /// Where its total is.
    pub total: Option<At>,
    /// Where its parts are.
    pub parts: Vec<At>,
    /// Where its stated figure is.
    pub stated: Option<At>,
}

impl Placed {
    /// Where the relation is shown: its stated figure, else its total, else
    /// its first part.
    fn at(&self) -> Option<At> {
        self.stated.or(self.total).or(self.parts.first().copied())
    }
}

/// One line of a coverage report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Count {
    /// The relation (`breakdown (parts = total)`, `share`).
    pub relation: &'static str,
    /// Why it was not checked; empty for checked relations.
    pub reason: String,
    /// How many.
    pub count: usize,
}

impl Coverage {
    /// Empty counts for a draft with `figures` figures.
    pub fn with_figures(figures: usize) -> Coverage {
        Coverage {
            figures,
            ..Coverage::default()
        }
    }

    /// The same counts, recording each relation when `detail` is true.
    pub fn recording(mut self, detail: bool) -> Coverage {
        self.detail = detail;
        self
    }

    /// True when rules should record each relation ([`Coverage::relation`]).
    pub fn detail(&self) -> bool {
        self.detail
    }

    /// Records one relation (only when [`Coverage::detail`]).
    pub fn relation(&self, r: Relation) {
        if self.detail {
            self.relations.borrow_mut().push(r);
        }
    }

    /// The relations recorded and not yet placed.
    pub fn relations(&self) -> Vec<Relation> {
        self.relations.borrow().clone()
    }

    /// Moves the spans of the recorded relations (into a document's source
    /// text).
    pub fn map_spans(&mut self, map: impl Fn(Span) -> Span) {
        for r in self.relations.get_mut() {
            r.total = r.total.map(&map);
            r.stated = r.stated.map(&map);
            r.parts.iter_mut().for_each(|p| *p = map(*p));
        }
    }

    /// Places the recorded relations in the file of `report` (whose text
    /// their spans index), in source order.
    pub fn place(&mut self, report: &crate::render::FileReport) {
        let relations = std::mem::take(self.relations.get_mut());
        if relations.is_empty() {
            return;
        }
        let spans = |r: &Relation| -> Vec<Span> {
            r.total
                .iter()
                .chain(&r.parts)
                .chain(&r.stated)
                .copied()
                .collect()
        };
        let at = crate::render::LineIndex::new(&report.text).positions(
            relations
                .iter()
                .flat_map(spans)
                .flat_map(|s| [s.start, s.end]),
        );
        let raw = report.origin.raw_offsets(&report.text);
        let place = |s: Span| {
            let (a, b) = (at[&s.start], at[&s.end]);
            At {
                start: raw.raw(s.start),
                end: raw.raw(s.end),
                line: a.line,
                column: a.column,
                end_line: b.line,
                end_column: b.column,
            }
        };
        let mut placed: Vec<Placed> = relations
            .into_iter()
            .map(|r| Placed {
                path: report.path.clone(),
                total: r.total.map(place),
                parts: r.parts.iter().map(|&s| place(s)).collect(),
                stated: r.stated.map(place),
                relation: r,
            })
            .collect();
        placed.sort_by_key(|p| (p.at().map(|a| a.start), p.relation.rule));
        self.placed.extend(placed);
    }

    /// The relations placed so far, file by file in source order.
    pub fn placed(&self) -> &[Placed] {
        &self.placed
    }

    /// The list `--coverage=all` prints: one line a relation,
    /// `✓ 民政.txt:3:12 breakdown-sum 21 + 733 = 754 户`, `✗ … reported`,
    /// `– … skipped: REASON`.
    pub fn render_relations(&self) -> String {
        let mut out = String::new();
        for p in &self.placed {
            let r = &p.relation;
            let place = match p.at() {
                Some(a) => format!("{}:{}:{}", p.path, a.line, a.column),
                None => p.path.clone(),
            };
            let line = match &r.verdict {
                Verdict::Holds => format!("✓ {place} {} {}", r.kind, r.computed),
                Verdict::Reported => format!("✗ {place} {} {} reported", r.kind, r.computed),
                Verdict::Skipped(why) if r.computed.is_empty() => {
                    format!("– {place} {} skipped: {why}", r.kind)
                }
                Verdict::Skipped(why) => {
                    format!("– {place} {} {} skipped: {why}", r.kind, r.computed)
                }
            };
            out.push_str(&line);
            out.push('\n');
        }
        out
    }

    /// A relation of kind `relation` was checked.
    pub fn checked(&self, relation: &'static str) {
        *self.checked.borrow_mut().entry(relation).or_insert(0) += 1;
    }

    /// A relation of kind `relation` was found but not checked, for `reason`
    /// (`the total is approximate (约)`).
    pub fn skipped(&self, relation: &'static str, reason: impl Into<String>) {
        *self
            .skipped
            .borrow_mut()
            .entry((relation, reason.into()))
            .or_insert(0) += 1;
    }

    /// Adds the counts of `other` (another file) to these.
    pub fn merge(&mut self, other: &Coverage) {
        self.figures += other.figures;
        self.placed.extend(other.placed.iter().cloned());
        for (k, v) in other.checked.borrow().iter() {
            *self.checked.get_mut().entry(k).or_insert(0) += v;
        }
        for (k, v) in other.skipped.borrow().iter() {
            *self.skipped.get_mut().entry(k.clone()).or_insert(0) += v;
        }
    }

    /// Checked relations by kind, in name order.
    pub fn checked_counts(&self) -> Vec<Count> {
        self.checked
            .borrow()
            .iter()
            .map(|(r, n)| Count {
                relation: r,
                reason: String::new(),
                count: *n,
            })
            .collect()
    }

    /// Relations not checked, by kind and reason, most frequent first.
    pub fn skipped_counts(&self) -> Vec<Count> {
        let mut v: Vec<Count> = self
            .skipped
            .borrow()
            .iter()
            .map(|((r, why), n)| Count {
                relation: r,
                reason: why.clone(),
                count: *n,
            })
            .collect();
        v.sort_by(|a, b| b.count.cmp(&a.count).then(a.relation.cmp(b.relation)));
        v
    }

    /// The report `--coverage` prints.
    pub fn render(&self) -> String {
        let checked = self.checked_counts();
        let skipped = self.skipped_counts();
        let total_checked: usize = checked.iter().map(|c| c.count).sum();
        let total_skipped: usize = skipped.iter().map(|c| c.count).sum();
        let mut out = format!(
            "coverage: {} figures read; {} relations checked, {} not checked\n",
            self.figures, total_checked, total_skipped
        );
        for c in &checked {
            out.push_str(&format!("  checked  {:>6}  {}\n", c.count, c.relation));
        }
        for c in &skipped {
            out.push_str(&format!(
                "  skipped  {:>6}  {}: {}\n",
                c.count, c.relation, c.reason
            ));
        }
        out
    }

    /// The counts as JSON: `{"figures":N,"checked":[{"relation","count"}],
    /// "skipped":[{"relation","reason","count"}]}`.
    pub fn to_json(&self) -> serde_json::Value {
        let checked: Vec<serde_json::Value> = self
            .checked_counts()
            .into_iter()
            .map(|c| serde_json::json!({"relation": c.relation, "count": c.count}))
            .collect();
        let skipped: Vec<serde_json::Value> = self
            .skipped_counts()
            .into_iter()
            .map(|c| serde_json::json!({"relation": c.relation, "reason": c.reason, "count": c.count}))
            .collect();
        let mut doc =
            serde_json::json!({"figures": self.figures, "checked": checked, "skipped": skipped});
        if self.detail || !self.placed.is_empty() {
            let relations: Vec<serde_json::Value> = self
                .placed
                .iter()
                .map(|p| {
                    let r = &p.relation;
                    let mut v = serde_json::json!({
                        "path": p.path,
                        "kind": r.kind,
                        "rule": r.rule,
                        "total": p.total.map(|a| a.json()),
                        "parts": p.parts.iter().map(At::json).collect::<Vec<_>>(),
                        "stated": p.stated.map(|a| a.json()),
                        "computed": r.computed,
                    });
                    match &r.verdict {
                        Verdict::Holds => v["verdict"] = "holds".into(),
                        Verdict::Reported => v["verdict"] = "reported".into(),
                        Verdict::Skipped(why) => {
                            v["verdict"] = "skipped".into();
                            v["reason"] = why.as_str().into();
                        }
                    }
                    v
                })
                .collect();
            doc["relations"] = relations.into();
        }
        doc
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_merges() {
        let a = Coverage {
            figures: 3,
            ..Coverage::default()
        };
        a.checked("share");
        a.skipped("share", "the base is not stated");
        a.skipped("share", "the base is not stated");
        let mut total = Coverage::default();
        total.merge(&a);
        total.merge(&a);
        assert_eq!(total.figures, 6);
        assert_eq!(total.checked_counts()[0].count, 2);
        assert_eq!(total.skipped_counts()[0].count, 4);
        assert_eq!(
            total.render(),
            "coverage: 6 figures read; 2 relations checked, 4 not checked\n  \
             checked       2  share\n  skipped       4  share: the base is not stated\n"
        );
    }
}
