//! Running one rule on a draft and applying its fixes.
#![allow(dead_code)]

use std::path::Path;

use yblint::config::Config;
use yblint::diagnostic::{Applicability, Diagnostic, Edit, Severity};

/// The diagnostics of `rule` on `text` with the built-in configuration.
pub fn diags(rule: &str, text: &str) -> Vec<Diagnostic> {
    diags_with(rule, text, None)
}

/// The diagnostics of `rule` on `text` with `yblint.toml` text `toml`.
pub fn diags_with(rule: &str, text: &str, toml: Option<&str>) -> Vec<Diagnostic> {
    let config = match toml {
        Some(t) => Config::load(Some((Path::new("yblint.toml"), t))).expect("valid config"),
        None => Config::builtin().expect("built-in config"),
    };
    yblint::check_text(text, &config)
        .expect("the grammar accepts every input")
        .into_iter()
        .filter(|d| d.rule == rule)
        .collect()
}

/// (text the primary span covers, message) of each finding of `rule`.
pub fn found(rule: &str, text: &str) -> Vec<(String, String)> {
    shown(text, &diags(rule, text))
}

/// (text the primary span covers, message) of each diagnostic.
pub fn shown(text: &str, diags: &[Diagnostic]) -> Vec<(String, String)> {
    diags
        .iter()
        .map(|d| (d.span.slice(text).to_string(), d.message.clone()))
        .collect()
}

/// Asserts that `rule` reports nothing on `text`.
#[track_caller]
pub fn silent(rule: &str, text: &str) {
    let f = found(rule, text);
    assert!(
        f.is_empty(),
        "{rule} should be silent on {text:?}, got {f:#?}"
    );
}

/// Asserts that `rule` reports exactly `expected` (span text, message).
#[track_caller]
pub fn reports(rule: &str, text: &str, expected: &[(&str, &str)]) {
    let got = found(rule, text);
    let want: Vec<(String, String)> = expected
        .iter()
        .map(|(s, m)| (s.to_string(), m.to_string()))
        .collect();
    assert_eq!(got, want, "findings of {rule} on {text:?}");
}

/// Applies `edits` (non-overlapping ones; of overlapping ones the first).
pub fn apply(text: &str, mut edits: Vec<Edit>) -> String {
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    let mut kept: Vec<Edit> = Vec::new();
    for e in edits {
        if kept.last().is_some_and(|k| e.span.start < k.span.end) {
            continue;
        }
        kept.push(e);
    }
    let mut out = text.to_string();
    for e in kept.iter().rev() {
        out.replace_range(e.span.range(), &e.replacement);
    }
    out
}

/// The text after applying the fixes of `rule` (safe ones, and unsafe ones
/// when `unsafe_too`) in passes until nothing changes, as `--fix` does.
pub fn fixed_with(rule: &str, text: &str, toml: Option<&str>, unsafe_too: bool) -> String {
    let mut cur = text.to_string();
    for _ in 0..8 {
        let edits: Vec<Edit> = diags_with(rule, &cur, toml)
            .into_iter()
            .filter_map(|d| d.fix)
            .filter(|f| unsafe_too || f.applicability == Applicability::Safe)
            .flat_map(|f| f.edits)
            .collect();
        if edits.is_empty() {
            return cur;
        }
        let next = apply(&cur, edits);
        if next == cur {
            return cur;
        }
        cur = next;
    }
    panic!("fixes of {rule} do not settle on {text:?}");
}

/// The text after the safe fixes of `rule`.
pub fn fixed(rule: &str, text: &str) -> String {
    fixed_with(rule, text, None, false)
}

/// The applicability of each finding's fix (None: no fix).
pub fn applicability(rule: &str, text: &str) -> Vec<Option<Applicability>> {
    diags(rule, text)
        .into_iter()
        .map(|d| d.fix.map(|f| f.applicability))
        .collect()
}

/// The severity of each finding.
pub fn severities(rule: &str, text: &str) -> Vec<Severity> {
    diags(rule, text).into_iter().map(|d| d.severity).collect()
}

/// The digits of `text`, in order: a fix must keep them all.
pub fn digits(text: &str) -> String {
    text.chars().filter(|c| c.is_ascii_digit()).collect()
}
