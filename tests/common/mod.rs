//! Shared helpers for the integration tests: run the `yblint` binary on
//! drafts written to temporary folders and read what a user sees (exit code,
//! standard output, standard error, the JSON document).
//!
//! Every test file uses a different subset of these helpers.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// The `yblint` binary built by cargo for the integration tests, with colour
/// off and no inherited configuration hints.
pub fn yblint() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_yblint"));
    cmd.env("NO_COLOR", "1");
    cmd
}

/// What one run of `yblint` printed.
#[derive(Debug)]
pub struct Run {
    /// Exit code.
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

impl Run {
    /// Standard output parsed as the JSON document of `--format json`.
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not one JSON document ({e}):\n{}\nstderr:\n{}",
                self.stdout, self.stderr
            )
        })
    }

    /// The lines of standard error.
    pub fn stderr_lines(&self) -> Vec<&str> {
        self.stderr.lines().collect()
    }
}

/// Runs a prepared command and collects its output.
pub fn run(cmd: &mut Command) -> Run {
    let out = cmd.output().expect("yblint runs");
    Run {
        code: out.status.code().expect("yblint exits with a code"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// A temporary folder holding drafts (and configuration files).
pub struct Workspace {
    pub dir: TempDir,
}

impl Workspace {
    pub fn new() -> Self {
        Workspace {
            dir: tempfile::tempdir().expect("temporary folder"),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes `bytes` to `rel` (creating folders) and returns the full path.
    pub fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.dir.path().join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create folder");
        }
        std::fs::write(&path, bytes).expect("write file");
        path
    }

    /// `yblint` with the workspace as the current folder.
    pub fn cmd(&self) -> Command {
        let mut cmd = yblint();
        cmd.current_dir(self.dir.path());
        cmd
    }

    /// `yblint check ARGS…` run in the workspace.
    pub fn check(&self, args: &[&str]) -> Run {
        let mut cmd = self.cmd();
        cmd.arg("check").args(args);
        run(&mut cmd)
    }
}

/// A span of the JSON document, with the text it covers in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpanInfo {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    /// The bytes `start..end` of the file, as text.
    pub text: String,
}

fn field<'v>(v: &'v Value, key: &str) -> &'v Value {
    v.get(key)
        .unwrap_or_else(|| panic!("field `{key}` missing in {v}"))
}

fn num(v: &Value, key: &str) -> usize {
    field(v, key)
        .as_u64()
        .unwrap_or_else(|| panic!("`{key}` is not a number in {v}")) as usize
}

fn string(v: &Value, key: &str) -> String {
    field(v, key)
        .as_str()
        .unwrap_or_else(|| panic!("`{key}` is not a string in {v}"))
        .to_string()
}

/// Reads a JSON span and slices `file` (the file's bytes) with it.
pub fn span_info(span: &Value, file: &[u8]) -> SpanInfo {
    let start = num(span, "start");
    let end = num(span, "end");
    assert!(
        start <= end && end <= file.len(),
        "span {start}..{end} outside the file ({} bytes)",
        file.len()
    );
    let text = String::from_utf8(file[start..end].to_vec())
        .unwrap_or_else(|_| panic!("span {start}..{end} does not fall on character boundaries"));
    SpanInfo {
        start,
        end,
        line: num(span, "line"),
        column: num(span, "column"),
        end_line: num(span, "end_line"),
        end_column: num(span, "end_column"),
        text,
    }
}

/// One diagnostic of the JSON document, with its spans resolved against the
/// checked file.
#[derive(Debug, Clone)]
pub struct Diag {
    pub path: String,
    pub rule: String,
    pub category: String,
    pub severity: String,
    pub message: String,
    pub span: SpanInfo,
    /// The primary label's span (checked to be the only primary label).
    pub primary: SpanInfo,
    /// The primary label's message.
    pub primary_message: String,
    /// Secondary labels: (text covered, message), in document order.
    pub secondary: Vec<(String, String)>,
    /// The spans of the secondary labels, in the same order.
    pub secondary_spans: Vec<SpanInfo>,
    pub notes: Vec<String>,
}

/// Reads diagnostic `d` of a JSON document; `file` holds the bytes of the
/// file it is about.
pub fn diag(d: &Value, file: &[u8]) -> Diag {
    let span = span_info(field(d, "span"), file);
    let labels = field(d, "labels").as_array().expect("labels is an array");
    let primaries: Vec<&Value> = labels
        .iter()
        .filter(|l| field(l, "primary").as_bool().expect("primary is a bool"))
        .collect();
    assert_eq!(primaries.len(), 1, "exactly one primary label in {d}");
    let primary = span_info(field(primaries[0], "span"), file);
    let secondary_labels: Vec<&Value> = labels
        .iter()
        .filter(|l| !field(l, "primary").as_bool().unwrap())
        .collect();
    let secondary_spans: Vec<SpanInfo> = secondary_labels
        .iter()
        .map(|l| span_info(field(l, "span"), file))
        .collect();
    let secondary = secondary_labels
        .iter()
        .zip(&secondary_spans)
        .map(|(l, s)| (s.text.clone(), string(l, "message")))
        .collect();
    Diag {
        path: string(d, "path"),
        rule: string(d, "rule"),
        category: string(d, "category"),
        severity: string(d, "severity"),
        message: string(d, "message"),
        span,
        primary,
        primary_message: string(primaries[0], "message"),
        secondary,
        secondary_spans,
        notes: field(d, "notes")
            .as_array()
            .expect("notes is an array")
            .iter()
            .map(|n| n.as_str().expect("a note is a string").to_string())
            .collect(),
    }
}

/// The diagnostics of one rule in a JSON document about one file.
pub fn diags_of(doc: &Value, rule: &str, file: &[u8]) -> Vec<Diag> {
    field(doc, "diagnostics")
        .as_array()
        .expect("diagnostics is an array")
        .iter()
        .map(|d| diag(d, file))
        .filter(|d| d.rule == rule)
        .collect()
}

/// Where `needle` first occurs in `text` after skipping `nth` earlier
/// occurrences: (byte offset, 1-based line, 1-based column in characters).
/// Computed here independently of yblint, from the text the test wrote.
pub fn locate(text: &str, needle: &str, nth: usize) -> (usize, usize, usize) {
    let at = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("`{needle}` (occurrence {nth}) not in the draft"))
        .0;
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let column = before[line_start..].chars().count() + 1;
    (at, line, column)
}

/// The (line, column) just after `needle`'s occurrence `nth`: what
/// `end_line`/`end_column` must be for a span covering it.
pub fn locate_end(text: &str, needle: &str, nth: usize) -> (usize, usize) {
    let (at, _, _) = locate(text, needle, nth);
    let end = at + needle.len();
    let before = &text[..end];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    (line, before[line_start..].chars().count() + 1)
}

/// Writes `text` as `name` in a fresh workspace, runs
/// `yblint check --format json` on it and returns its `breakdown-sum`
/// diagnostics (and the run, for exit-code checks).
pub fn breakdown_sum(name: &str, text: &str) -> (Vec<Diag>, Run) {
    let ws = Workspace::new();
    ws.write(name, text);
    let run = ws.check(&["--format", "json", name]);
    assert!(
        run.code == 0 || run.code == 1,
        "exit code {} for a readable draft; stderr:\n{}",
        run.code,
        run.stderr
    );
    let doc = run.json();
    let any_error = doc["diagnostics"]
        .as_array()
        .expect("diagnostics is an array")
        .iter()
        .any(|d| d["severity"] == "error");
    assert_eq!(
        run.code,
        i32::from(any_error),
        "exit code must be 1 exactly when a diagnostic is an error"
    );
    assert_eq!(doc["summary"]["files"], 1);
    let diags = diags_of(&doc, "breakdown-sum", text.as_bytes());
    (diags, run)
}

/// What a test expects of one `breakdown-sum` diagnostic.
pub struct Expect<'a> {
    /// Text of the primary span (the total), as written in the draft.
    pub total: &'a str,
    /// Which occurrence of `total` in the draft it is (0 = first).
    pub nth: usize,
    /// Texts of the secondary labels (the parts), in order.
    pub parts: &'a [&'a str],
    /// The exact message.
    pub message: &'a str,
    /// The exact notes, in order.
    pub notes: &'a [&'a str],
}

/// Asserts that `d` is the error `e` describes in `text`: rule, category,
/// severity, primary span (text, byte offsets, line and columns), labels,
/// message and notes.
pub fn assert_diag(text: &str, d: &Diag, e: &Expect<'_>) {
    assert_eq!(d.rule, "breakdown-sum");
    assert_eq!(d.category, "arithmetic");
    assert_eq!(d.severity, "error");
    assert_eq!(d.message, e.message);
    assert_eq!(d.span.text, e.total, "primary span text");
    let (at, line, column) = locate(text, e.total, e.nth);
    let (end_line, end_column) = locate_end(text, e.total, e.nth);
    assert_eq!(
        (d.span.start, d.span.end),
        (at, at + e.total.len()),
        "primary span offsets of `{}`",
        e.total
    );
    assert_eq!(
        (
            d.span.line,
            d.span.column,
            d.span.end_line,
            d.span.end_column
        ),
        (line, column, end_line, end_column),
        "primary span position of `{}`",
        e.total
    );
    assert_eq!(d.primary, d.span, "the primary label marks the total");
    assert_eq!(d.primary_message, "total");
    let parts: Vec<(String, String)> = e
        .parts
        .iter()
        .map(|p| (p.to_string(), "part".to_string()))
        .collect();
    assert_eq!(d.secondary, parts, "secondary labels");
    let notes: Vec<String> = e.notes.iter().map(|n| n.to_string()).collect();
    assert_eq!(d.notes, notes, "notes");
}

/// Checks `text` and asserts that breakdown-sum reports nothing.
pub fn assert_silent(name: &str, text: &str) {
    let (diags, _) = breakdown_sum(name, text);
    assert!(
        diags.is_empty(),
        "expected no breakdown-sum diagnostic, got {diags:#?}"
    );
}

/// Checks `text` and asserts that breakdown-sum reports exactly `expected`.
pub fn assert_reports(name: &str, text: &str, expected: &[Expect<'_>]) {
    let (diags, run) = breakdown_sum(name, text);
    assert_eq!(
        diags.len(),
        expected.len(),
        "number of breakdown-sum diagnostics; got {diags:#?}"
    );
    for (d, e) in diags.iter().zip(expected) {
        assert_diag(text, d, e);
    }
    assert_eq!(run.code, 1, "an error makes the exit code 1");
}

/// A Word paragraph of plain runs.
pub fn para(runs: &[&str]) -> String {
    let runs: String = runs
        .iter()
        .map(|t| format!(r#"<w:r><w:t xml:space="preserve">{t}</w:t></w:r>"#))
        .collect();
    format!("<w:p>{runs}</w:p>")
}

/// A .docx (deflated zip) with `body` as the body of word/document.xml and
/// a styles part in which style id `1` is named `heading 1`, as Chinese
/// Word writes it.
pub fn docx(body: &str) -> Vec<u8> {
    use std::io::Write;
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}<w:sectPr/></w:body></w:document>"#
    );
    let styles = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style></w:styles>"#;
    let content_types = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in [
        ("[Content_Types].xml", content_types),
        ("word/document.xml", document.as_str()),
        ("word/styles.xml", styles),
    ] {
        zip.start_file(name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}
