//! `--statistics`: the number of diagnostics of each rule, most frequent
//! first, instead of the diagnostics themselves.
//!
//! ```text
//!    12  breakdown-sum        arithmetic  (12 errors)
//! ```

use std::collections::BTreeMap;

use super::FileReport;
use crate::diagnostic::Severity;

/// The diagnostics of one rule over all files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleCount {
    /// Rule name.
    pub rule: &'static str,
    /// Rule category.
    pub category: &'static str,
    /// All its diagnostics.
    pub count: usize,
    /// Of which errors.
    pub errors: usize,
    /// Of which warnings.
    pub warnings: usize,
    /// Of which infos.
    pub infos: usize,
}

/// Counts by rule, most frequent first, then by name.
pub fn count(reports: &[FileReport]) -> Vec<RuleCount> {
    let mut by_rule: BTreeMap<&'static str, RuleCount> = BTreeMap::new();
    for d in reports.iter().flat_map(|r| &r.diagnostics) {
        let c = by_rule.entry(d.rule).or_insert(RuleCount {
            rule: d.rule,
            category: d.category,
            count: 0,
            errors: 0,
            warnings: 0,
            infos: 0,
        });
        c.count += 1;
        match d.severity {
            Severity::Error => c.errors += 1,
            Severity::Warning => c.warnings += 1,
            Severity::Info | Severity::Off => c.infos += 1,
        }
    }
    let mut rows: Vec<RuleCount> = by_rule.into_values().collect();
    rows.sort_by(|a, b| b.count.cmp(&a.count).then(a.rule.cmp(b.rule)));
    rows
}

/// The table: count, rule, category and the split by severity.
pub fn render(reports: &[FileReport]) -> String {
    let rows = count(reports);
    let width = rows.iter().map(|r| r.rule.len()).max().unwrap_or(0);
    let mut out = String::new();
    for r in rows {
        let mut split = Vec::new();
        for (n, what) in [
            (r.errors, "error"),
            (r.warnings, "warning"),
            (r.infos, "info"),
        ] {
            if n > 0 {
                split.push(format!("{n} {what}{}", if n == 1 { "" } else { "s" }));
            }
        }
        out.push_str(&format!(
            "{:>6}  {:width$}  {:<12} ({})\n",
            r.count,
            r.rule,
            r.category,
            split.join(", ")
        ));
    }
    out
}
