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

/// What one check of one or more drafts verified. Rules record into it
/// through a shared reference (it is used by one thread at a time).
#[derive(Debug, Default)]
pub struct Coverage {
    /// Figures (numeric claims) read.
    pub figures: usize,
    checked: RefCell<BTreeMap<&'static str, usize>>,
    skipped: RefCell<BTreeMap<(&'static str, String), usize>>,
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
        serde_json::json!({"figures": self.figures, "checked": checked, "skipped": skipped})
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
