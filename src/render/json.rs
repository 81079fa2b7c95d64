//! JSON output: one document for all files.
//!
//! ```text
//! {"version":1,
//!  "summary":{"files":N,"errors":N,"warnings":N,"infos":N},
//!  "diagnostics":[{"path":"…","rule":"breakdown-sum","category":"arithmetic",
//!    "severity":"error|warning|info","message":"…",
//!    "span":{"start":BYTE,"end":BYTE,"line":L,"column":C,"end_line":L,"end_column":C},
//!    "labels":[{"span":{…},"message":"…","primary":true}],
//!    "notes":["…"],
//!    "fix":null | {"message":"…","applicability":"safe|unsafe",
//!           "edits":[{"span":{…},"replacement":"…"}]}}]}
//! ```
//!
//! Byte offsets index the file; lines and columns are 1-based, columns count
//! characters, and `end_column` is the column after the last character.
//! Fields may be added in later versions; these are never renamed.

use serde_json::{json, Value};

use std::collections::HashMap;

use super::{FileReport, LineIndex, Position, Summary};
use crate::coverage::Coverage;
use crate::diagnostic::{Applicability, Fix};
use crate::span::Span;

/// Version of the JSON document shape.
pub const VERSION: u32 = 1;

fn span_json(at: &HashMap<usize, Position>, span: Span) -> Value {
    let (a, b) = (at[&span.start], at[&span.end]);
    json!({
        "start": span.start,
        "end": span.end,
        "line": a.line,
        "column": a.column,
        "end_line": b.line,
        "end_column": b.column,
    })
}

fn fix_json(at: &HashMap<usize, Position>, fix: Option<&Fix>) -> Value {
    let Some(fix) = fix else {
        return Value::Null;
    };
    let edits: Vec<Value> = fix
        .edits
        .iter()
        .map(|e| json!({"span": span_json(at, e.span), "replacement": e.replacement}))
        .collect();
    let applicability = match fix.applicability {
        Applicability::Safe => "safe",
        Applicability::Unsafe => "unsafe",
    };
    json!({"message": fix.message, "applicability": applicability, "edits": edits})
}

/// Renders the reports as one JSON document (no trailing newline).
pub fn render(reports: &[FileReport]) -> String {
    serde_json::to_string(&document(reports)).expect("a JSON value always serialises")
}

/// What `--statistics` and `--coverage` add to the document.
#[derive(Debug, Default, Clone, Copy)]
pub struct Extras<'a> {
    /// Add a `statistics` array: one object a rule that reported,
    /// `{"rule","category","count","errors","warnings","infos"}`, most
    /// frequent first.
    pub statistics: bool,
    /// Add `summary.coverage`: `{"figures":N,"checked":[{"relation","count"}],
    /// "skipped":[{"relation","reason","count"}]}`.
    pub coverage: Option<&'a Coverage>,
}

/// Like [`render`], with the [`Extras`] asked for.
pub fn render_with(reports: &[FileReport], extras: &Extras<'_>) -> String {
    let mut doc = document(reports);
    if extras.statistics {
        let rows: Vec<Value> = super::statistics::count(reports)
            .into_iter()
            .map(|r| {
                json!({
                    "rule": r.rule,
                    "category": r.category,
                    "count": r.count,
                    "errors": r.errors,
                    "warnings": r.warnings,
                    "infos": r.infos,
                })
            })
            .collect();
        doc["statistics"] = json!(rows);
    }
    if let Some(c) = extras.coverage {
        doc["summary"]["coverage"] = c.to_json();
    }
    serde_json::to_string(&doc).expect("a JSON value always serialises")
}

fn document(reports: &[FileReport]) -> Value {
    let summary = Summary::of(reports);
    let mut diagnostics = Vec::new();
    for r in reports {
        // Every position of the file in one sweep: a long line is counted once.
        let at = LineIndex::new(&r.text).positions(r.diagnostics.iter().flat_map(|d| {
            std::iter::once(d.span)
                .chain(d.labels.iter().map(|l| l.span))
                .chain(d.fix.iter().flat_map(|f| f.edits.iter().map(|e| e.span)))
                .flat_map(|s| [s.start, s.end])
        }));
        for d in &r.diagnostics {
            let labels: Vec<Value> = d
                .labels
                .iter()
                .map(|l| {
                    json!({
                        "span": span_json(&at, l.span),
                        "message": l.message,
                        "primary": l.primary,
                    })
                })
                .collect();
            diagnostics.push(json!({
                "path": r.path,
                "rule": d.rule,
                "category": d.category,
                "severity": d.severity.as_str(),
                "message": d.message,
                "span": span_json(&at, d.span),
                "labels": labels,
                "notes": d.notes,
                "fix": fix_json(&at, d.fix.as_ref()),
            }));
        }
    }
    json!({
        "version": VERSION,
        "summary": {
            "files": summary.files,
            "errors": summary.errors,
            "warnings": summary.warnings,
            "infos": summary.infos,
        },
        "diagnostics": diagnostics,
    })
}
