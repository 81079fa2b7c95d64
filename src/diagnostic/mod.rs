//! Diagnostics as data: what a rule found, where, and why. Renderers turn
//! them into text, JSON and the other output formats; rules never print.

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// The rule name of an internal error: a rule that failed on a draft
/// (see [`crate::guard`]). `yblint check` reports it as an error of the file
/// (exit code 2) and the language server as a message, not as a finding.
pub const INTERNAL_ERROR: &str = "internal-error";

/// How serious a finding is. `Off` is a configured severity that disables a
/// rule; no diagnostic carries it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Disabled.
    Off,
    /// Worth a look; may well be correct.
    Info,
    /// Probably wrong.
    Warning,
    /// Wrong: the text contradicts itself or a norm. Makes `yblint check` exit 1.
    Error,
}

impl Severity {
    /// Every severity a configuration may name, most serious first.
    pub const ALL: [Severity; 4] = [
        Severity::Error,
        Severity::Warning,
        Severity::Info,
        Severity::Off,
    ];

    /// The severity called `name` in a configuration (`"warning"`), if any.
    pub fn from_name(name: &str) -> Option<Severity> {
        Severity::ALL.into_iter().find(|s| s.as_str() == name)
    }

    /// What a configuration is told when its severity is not one of
    /// [`Severity::ALL`]: `invalid severity: expected one of "error", …`.
    pub fn invalid_message() -> String {
        let names: Vec<String> = Severity::ALL
            .iter()
            .map(|s| format!("\"{}\"", s.as_str()))
            .collect();
        format!("invalid severity: expected one of {}", names.join(", "))
    }

    /// The lowercase name used in configuration and output (`error`).
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Off => "off",
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A span with a message, shown under the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// What it points at.
    pub span: Span,
    /// Short text shown beside the underline (`total`, `part`).
    pub message: String,
    /// The primary label marks the offending text itself.
    pub primary: bool,
}

/// Whether a fix may be applied without an editor looking at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// The correction is certain and changes no digit, unit or meaning
    /// (full-width digits, ellipsis form, a page-break artefact joined back):
    /// applied by `yblint check --fix`.
    Safe,
    /// Probably right but worth a look: applied only with `--unsafe-fixes`.
    Unsafe,
}

/// One replacement of source text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// The bytes replaced (empty for an insertion).
    pub span: Span,
    /// What replaces them.
    pub replacement: String,
}

/// A correction a rule offers for its finding: one or more edits applied
/// together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// What the fix does, shown to the user (`replace "…" with "……"`).
    pub message: String,
    /// Safe or unsafe.
    pub applicability: Applicability,
    /// The edits, non-overlapping, in source order.
    pub edits: Vec<Edit>,
}

impl Fix {
    /// A fix of one edit.
    pub fn replace(
        span: Span,
        replacement: impl Into<String>,
        applicability: Applicability,
        message: impl Into<String>,
    ) -> Fix {
        Fix {
            message: message.into(),
            applicability,
            edits: vec![Edit {
                span,
                replacement: replacement.into(),
            }],
        }
    }
}

/// One finding of one rule in one draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Rule name, kebab-case (`breakdown-sum`).
    pub rule: &'static str,
    /// Rule category (`arithmetic`).
    pub category: &'static str,
    /// Severity after configuration.
    pub severity: Severity,
    /// One-line message.
    pub message: String,
    /// The offending text.
    pub span: Span,
    /// Labels: the primary one on `span`, secondary ones on related text.
    pub labels: Vec<Label>,
    /// Notes shown after the source: the arithmetic, the reason.
    pub notes: Vec<String>,
    /// A correction, when the rule can offer one.
    pub fix: Option<Fix>,
}

impl Diagnostic {
    /// A finding at `span` with a primary label of the same span and no
    /// text; add labels, notes and a fix with the `with_*` methods.
    pub fn new(
        rule: &'static str,
        category: &'static str,
        severity: Severity,
        span: Span,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            rule,
            category,
            severity,
            message: message.into(),
            span,
            labels: vec![Label {
                span,
                message: String::new(),
                primary: true,
            }],
            notes: Vec::new(),
            fix: None,
        }
    }

    /// Sets the text of the primary label.
    pub fn with_primary_text(mut self, message: impl Into<String>) -> Diagnostic {
        if let Some(l) = self.labels.iter_mut().find(|l| l.primary) {
            l.message = message.into();
        }
        self
    }

    /// Adds a secondary label.
    pub fn with_label(mut self, span: Span, message: impl Into<String>) -> Diagnostic {
        self.labels.push(Label {
            span,
            message: message.into(),
            primary: false,
        });
        self
    }

    /// Adds a note shown after the source.
    pub fn with_note(mut self, note: impl Into<String>) -> Diagnostic {
        self.notes.push(note.into());
        self
    }

    /// Attaches a fix.
    pub fn with_fix(mut self, fix: Fix) -> Diagnostic {
        self.fix = Some(fix);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for s in Severity::ALL {
            assert_eq!(Severity::from_name(s.as_str()), Some(s));
        }
        assert_eq!(Severity::from_name("loud"), None);
        assert_eq!(Severity::from_name("Error"), None);
        assert_eq!(
            Severity::invalid_message(),
            r#"invalid severity: expected one of "error", "warning", "info", "off""#
        );
    }
}
