//! SARIF 2.1.0 output, for GitHub code scanning and other SARIF viewers.
//!
//! One run with the tool's rules as metadata (id, summary, full
//! documentation as help, the norm each rule enforces, default level) and
//! one result a diagnostic: the primary span as the location, secondary
//! labels as related locations, notes appended to the message, and the
//! diagnostic's fix as a SARIF fix. Columns count Unicode code points
//! (`columnKind: unicodeCodePoints`), lines are 1-based, and byte offsets
//! index the file in its own encoding (GBK and UTF-16 files included); a
//! `.docx` has lines (its paragraphs) but no byte offsets and no fixes. The output validates against the official 2.1.0 schema
//! (tested with `tests/data/sarif-schema-2.1.0.json`).

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde_json::{json, Value};

use super::{FileReport, LineIndex};
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{documentation, registry};
use crate::source::RawOffsets;
use crate::span::Span;

/// Characters a path keeps unescaped in a URI: unreserved ones and `/`.
const PATH: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'/');

/// The URI of a path as given on the command line: forward slashes, every
/// other byte outside the unreserved set percent-encoded (`民政.txt` →
/// `%E6%B0%91%E6%94%BF.txt`).
pub fn uri(path: &str) -> String {
    utf8_percent_encode(&path.replace('\\', "/"), PATH).to_string()
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Off => "note",
    }
}

/// One file as the results see it: its lines, and its byte offsets in the
/// file's own encoding (none for a `.docx`, whose text has no bytes).
struct View<'a> {
    report: &'a FileReport,
    lines: LineIndex<'a>,
    raw: RawOffsets<'a>,
    bytes: bool,
}

impl<'a> View<'a> {
    fn new(report: &'a FileReport) -> View<'a> {
        View {
            report,
            lines: LineIndex::new(&report.text),
            raw: report.origin.raw_offsets(&report.text),
            bytes: !report.origin.synthetic,
        }
    }

    fn region(&self, span: Span) -> Value {
        let (a, b) = self.lines.span(span);
        let mut region = json!({
            "startLine": a.line,
            "startColumn": a.column,
            "endLine": b.line,
            "endColumn": b.column,
            "snippet": { "text": span.slice(&self.report.text) },
        });
        if self.bytes {
            let (start, end) = (self.raw.raw(span.start), self.raw.raw(span.end));
            region["byteOffset"] = json!(start);
            region["byteLength"] = json!(end - start);
        }
        region
    }

    fn location(&self, span: Span) -> Value {
        json!({
            "physicalLocation": {
                "artifactLocation": { "uri": uri(&self.report.path) },
                "region": self.region(span),
            }
        })
    }

    fn result(&self, d: &Diagnostic, index: Option<usize>) -> Value {
        let mut message = d.message.clone();
        for n in &d.notes {
            message.push('\n');
            message.push_str(n);
        }
        let related: Vec<Value> = d
            .labels
            .iter()
            .filter(|l| !l.primary)
            .enumerate()
            .map(|(i, l)| {
                let mut loc = self.location(l.span);
                loc["id"] = json!(i);
                let text = if l.message.is_empty() {
                    "related"
                } else {
                    l.message.as_str()
                };
                loc["message"] = json!({ "text": text });
                loc
            })
            .collect();
        let mut out = json!({
            "ruleId": d.rule,
            "level": level(d.severity),
            "message": { "text": message },
            "locations": [self.location(d.span)],
        });
        if let Some(i) = index {
            out["ruleIndex"] = json!(i);
        }
        if !related.is_empty() {
            out["relatedLocations"] = json!(related);
        }
        match &d.fix {
            Some(fix) if self.bytes => {
                let replacements: Vec<Value> = fix
                    .edits
                    .iter()
                    .map(|e| {
                        let (start, end) = (self.raw.raw(e.span.start), self.raw.raw(e.span.end));
                        json!({
                            "deletedRegion": { "byteOffset": start, "byteLength": end - start },
                            "insertedContent": { "text": e.replacement },
                        })
                    })
                    .collect();
                out["fixes"] = json!([{
                    "description": { "text": fix.message },
                    "artifactChanges": [{
                        "artifactLocation": { "uri": uri(&self.report.path) },
                        "replacements": replacements,
                    }],
                }]);
            }
            _ => {}
        }
        out
    }
}

/// Renders the reports as one SARIF 2.1.0 log (no trailing newline).
/// `config` gives each rule's default level in the metadata.
pub fn render(reports: &[FileReport], config: &Config) -> String {
    let rules: Vec<Value> = registry()
        .iter()
        .map(|def| {
            let doc = documentation(def);
            let configured = config.severity_of(def.name);
            let mut rule = json!({
                "id": def.name,
                "name": def.name,
                "shortDescription": { "text": def.summary },
                "fullDescription": { "text": format!("{} Source: {}", def.summary, def.source) },
                "help": { "text": doc, "markdown": doc },
                "properties": {
                    "category": def.category,
                    "source": def.source,
                    "tags": [def.category],
                },
            });
            rule["defaultConfiguration"] = if configured == Severity::Off {
                json!({ "enabled": false })
            } else {
                json!({ "level": level(configured) })
            };
            rule
        })
        .collect();
    let mut results = Vec::new();
    for r in reports {
        let view = View::new(r);
        for d in &r.diagnostics {
            let index = registry().iter().position(|def| def.name == d.rule);
            results.push(view.result(d, index));
        }
    }
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "yblint",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    serde_json::to_string_pretty(&log).expect("a JSON value always serialises")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(
            uri("年鉴/民政.txt"),
            "%E5%B9%B4%E9%89%B4/%E6%B0%91%E6%94%BF.txt"
        );
        assert_eq!(uri("a b\\c.md"), "a%20b/c.md");
    }
}
