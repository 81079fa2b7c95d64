//! Baselines: today's findings recorded so that only new ones are reported
//! (`yblint check --write-baseline FILE`, then `--baseline FILE`).
//!
//! A finding is recorded by its file, rule, the text its location covers
//! (the primary span) and its message, with a count; not by line, so text
//! added or removed above it does not make it new. The file is JSON:
//!
//! ```json
//! {"version": 1,
//!  "findings": [
//!    {"path": "民政/特困.txt", "rule": "breakdown-sum", "text": "754户",
//!     "message": "parts add up to 744 户, but the total is 754 户", "count": 1}]}
//! ```
//!
//! Paths are relative to the baseline file's folder (with `/`), so that the
//! baseline works wherever yblint is run from; a file outside that folder is
//! recorded by the path it was given as, standard input as `<stdin>`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::render::FileReport;

/// Version of the baseline file format.
pub const VERSION: u32 = 1;

/// (path, rule, text, message): what identifies a finding in a baseline.
type Key = (String, String, String, String);

/// One recorded finding and how many times it occurred.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The file, relative to the baseline's folder.
    pub path: String,
    /// The rule.
    pub rule: String,
    /// The text of the finding's primary span.
    pub text: String,
    /// The finding's message.
    pub message: String,
    /// How many such findings the file had.
    pub count: usize,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    version: u32,
    findings: Vec<Entry>,
}

/// Recorded findings with their counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Baseline {
    counts: BTreeMap<Key, usize>,
    /// The folder paths are relative to (absolute).
    base: PathBuf,
}

fn absolute_dir(file: &Path) -> PathBuf {
    let dir = file
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf())
}

impl Baseline {
    /// An empty baseline for the file at `file` (which need not exist yet).
    pub fn new(file: &Path) -> Baseline {
        Baseline {
            counts: BTreeMap::new(),
            base: absolute_dir(file),
        }
    }

    /// Reads the baseline file at `file`.
    ///
    /// Errors: the file cannot be read or is not a baseline (the message
    /// says why).
    pub fn load(file: &Path) -> Result<Baseline, String> {
        let text =
            std::fs::read_to_string(file).map_err(|e| format!("cannot read the baseline: {e}"))?;
        let parsed: File =
            serde_json::from_str(&text).map_err(|e| format!("not a yblint baseline: {e}"))?;
        if parsed.version != VERSION {
            return Err(format!(
                "baseline version {} is not supported (expected {VERSION})",
                parsed.version
            ));
        }
        let mut b = Baseline::new(file);
        for e in parsed.findings {
            *b.counts
                .entry((e.path, e.rule, e.text, e.message))
                .or_default() += e.count;
        }
        Ok(b)
    }

    /// The path a report is recorded under.
    fn path_of(&self, report: &FileReport) -> String {
        let given = Path::new(&report.path);
        match std::fs::canonicalize(given) {
            Ok(abs) => match abs.strip_prefix(&self.base) {
                Ok(rel) => rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/"),
                Err(_) => report.path.clone(),
            },
            Err(_) => report.path.clone(),
        }
    }

    /// The keys of a report's diagnostics, in order.
    fn keys(&self, report: &FileReport) -> Vec<Key> {
        let path = self.path_of(report);
        report
            .diagnostics
            .iter()
            .map(|d| {
                let text = report
                    .text
                    .get(d.span.start..d.span.end)
                    .unwrap_or_default()
                    .to_string();
                (path.clone(), d.rule.to_string(), text, d.message.clone())
            })
            .collect()
    }

    /// Adds every finding of `reports`.
    pub fn record(&mut self, reports: &[FileReport]) {
        for r in reports {
            for k in self.keys(r) {
                *self.counts.entry(k).or_default() += 1;
            }
        }
    }

    /// The number of findings recorded.
    pub fn len(&self) -> usize {
        self.counts.values().sum()
    }

    /// True when no finding is recorded.
    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    /// The baseline file's text (sorted, one finding an entry).
    pub fn to_json(&self) -> String {
        let file = File {
            version: VERSION,
            findings: self
                .counts
                .iter()
                .map(|((path, rule, text, message), count)| Entry {
                    path: path.clone(),
                    rule: rule.clone(),
                    text: text.clone(),
                    message: message.clone(),
                    count: *count,
                })
                .collect(),
        };
        let mut out = serde_json::to_string_pretty(&file).unwrap_or_default();
        out.push('\n');
        out
    }

    /// Removes from `reports` the findings the baseline records: of the
    /// findings with one key, the first `count` in the file are removed and
    /// the rest kept. Returns how many were removed.
    pub fn filter(&self, reports: &mut [FileReport]) -> usize {
        let mut left = self.counts.clone();
        let mut removed = 0;
        for r in reports.iter_mut() {
            let keys = self.keys(r);
            let mut keep = keys.iter().map(|k| match left.get_mut(k) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    removed += 1;
                    false
                }
                _ => true,
            });
            r.diagnostics.retain(|_| keep.next().unwrap_or(true));
        }
        removed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Diagnostic, Severity};
    use crate::span::Span;

    fn report(text: &str, at: &[&str]) -> FileReport {
        FileReport {
            path: "<stdin>".into(),
            text: text.into(),
            diagnostics: at
                .iter()
                .map(|w| {
                    let s = text.find(w).unwrap();
                    Diagnostic::new("r", "c", Severity::Warning, Span::new(s, s + w.len()), "m")
                })
                .collect(),
            origin: Default::default(),
        }
    }

    #[test]
    fn counts_survive_a_round_trip_and_filter_by_count() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("b.json");
        let mut b = Baseline::new(&file);
        b.record(&[report("甲１乙１", &["１"])]);
        std::fs::write(&file, b.to_json()).unwrap();
        let loaded = Baseline::load(&file).unwrap();
        assert_eq!(loaded.len(), 1);
        // Two occurrences now: the first is known, the second is new.
        let mut now = vec![report("新行\n甲１乙１", &["１", "乙１"])];
        now[0].diagnostics[1].span = Span::new(now[0].text.rfind('１').unwrap(), now[0].text.len());
        assert_eq!(loaded.filter(&mut now), 1);
        assert_eq!(now[0].diagnostics.len(), 1);
        assert!(Baseline::load(&dir.path().join("none.json")).is_err());
        std::fs::write(&file, "{}").unwrap();
        assert!(Baseline::load(&file)
            .unwrap_err()
            .contains("not a yblint baseline"));
    }
}
