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
//!
//! Added fields: `"encoding":"GB18030"` (or `UTF-16LE`, `UTF-16BE`) on the
//! diagnostics of a file not in UTF-8 (whose `start` and `end` are offsets
//! into the file's own bytes); for a `.docx`, `"paragraph":N` (1-based, the
//! same as `line`), `"offset":C` (0-based character offset in the
//! paragraph) and, in a table, `"cell":{"table":T,"row":R,"column":K}` on
//! each diagnostic, whose `start` and `end` index the text of the
//! paragraphs joined by line breaks (a `.docx` has no text bytes to index).
//! For a workbook or CSV file, `"cell":{"sheet":"Sheet1","row":7,"column":3,
//! "ref":"Sheet1!C7"}` (no `sheet` for CSV, whose `ref` is `C7`) names the
//! cell of the diagnostic's start; a workbook's `start`, `end`, `line` and
//! `column` index the text view yblint writes of it (a line a filled row,
//! cells separated by tabs), a CSV file's index the file.

use serde_json::{json, Value};

use std::collections::HashMap;

use super::{FileReport, LineIndex, Origin, Position, Summary};
use crate::coverage::Coverage;
use crate::diagnostic::{Applicability, Fix};
use crate::source::{ParagraphPlace, RawOffsets};
use crate::span::Span;

/// Version of the JSON document shape.
pub const VERSION: u32 = 1;

fn span_json(at: &HashMap<usize, Position>, raw: &RawOffsets<'_>, span: Span) -> Value {
    let (a, b) = (at[&span.start], at[&span.end]);
    json!({
        "start": raw.raw(span.start),
        "end": raw.raw(span.end),
        "line": a.line,
        "column": a.column,
        "end_line": b.line,
        "end_column": b.column,
    })
}

fn fix_json(at: &HashMap<usize, Position>, raw: &RawOffsets<'_>, fix: Option<&Fix>) -> Value {
    let Some(fix) = fix else {
        return Value::Null;
    };
    let edits: Vec<Value> = fix
        .edits
        .iter()
        .map(|e| json!({"span": span_json(at, raw, e.span), "replacement": e.replacement}))
        .collect();
    let applicability = match fix.applicability {
        Applicability::Safe => "safe",
        Applicability::Unsafe => "unsafe",
    };
    json!({"message": fix.message, "applicability": applicability, "edits": edits})
}

/// The fields that say where a diagnostic's text came from: `encoding`
/// for a file not in UTF-8; `paragraph`, `offset` and, in a table, `cell`
/// for a `.docx`.
fn add_origin(value: &mut Value, origin: &Origin, start: Position, offset: usize) {
    let Value::Object(map) = value else {
        return;
    };
    if let Some((name, _)) = origin.encoding {
        map.insert("encoding".into(), json!(name));
    }
    if let Some(places) = &origin.paragraphs {
        map.insert("paragraph".into(), json!(start.line));
        map.insert("offset".into(), json!(start.column - 1));
        if let Some(ParagraphPlace::Cell { table, row, column }) =
            places.get(start.line.wrapping_sub(1))
        {
            map.insert(
                "cell".into(),
                json!({"table": table, "row": row, "column": column}),
            );
        }
    }
    if let Some(cell) = origin.cell_at(offset) {
        let mut json = json!({"row": cell.row, "column": cell.column, "ref": cell.reference()});
        if let Some(sheet) = &cell.sheet {
            json["sheet"] = json!(sheet);
        }
        map.insert("cell".into(), json);
    }
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
        let raw = r.origin.raw_offsets(&r.text);
        for d in &r.diagnostics {
            let labels: Vec<Value> = d
                .labels
                .iter()
                .map(|l| {
                    json!({
                        "span": span_json(&at, &raw, l.span),
                        "message": l.message,
                        "primary": l.primary,
                    })
                })
                .collect();
            let mut value = json!({
                "path": r.path,
                "rule": d.rule,
                "category": d.category,
                "severity": d.severity.as_str(),
                "message": d.message,
                "span": span_json(&at, &raw, d.span),
                "labels": labels,
                "notes": d.notes,
                "fix": fix_json(&at, &raw, d.fix.as_ref()),
            });
            add_origin(&mut value, &r.origin, at[&d.span.start], d.span.start);
            diagnostics.push(value);
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
