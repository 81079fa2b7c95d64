//! yblint's diagnostics, fixes and rule documentation in the protocol's
//! terms.

use std::collections::HashMap;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, DiagnosticRelatedInformation,
    DiagnosticSeverity, Hover, HoverContents, Location, MarkupContent, MarkupKind, NumberOrString,
    Position, Range, TextEdit, Uri, WorkspaceEdit,
};

use super::position::Utf16Index;
use crate::diagnostic::{Applicability, Diagnostic, Severity};

/// A yblint diagnostic as an LSP diagnostic: the rule as `code`, notes
/// appended to the message, secondary labels as related information.
pub fn diagnostic(uri: &Uri, index: &Utf16Index<'_>, d: &Diagnostic) -> lsp_types::Diagnostic {
    let mut message = d.message.clone();
    for note in &d.notes {
        message.push('\n');
        message.push_str(note);
    }
    let related: Vec<DiagnosticRelatedInformation> = d
        .labels
        .iter()
        .filter(|l| !l.primary)
        .map(|l| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), index.range(l.span)),
            message: if l.message.is_empty() {
                "related".into()
            } else {
                l.message.clone()
            },
        })
        .collect();
    lsp_types::Diagnostic {
        range: index.range(d.span),
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
            Severity::Info | Severity::Off => DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(d.rule.to_string())),
        source: Some("yblint".into()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        ..Default::default()
    }
}

fn overlaps(a: Range, b: Range) -> bool {
    let key = |p: Position| (p.line, p.character);
    key(a.start) <= key(b.end) && key(b.start) <= key(a.end)
}

/// Quick fixes for the diagnostics whose range meets `range`: one code
/// action a safe fix.
pub fn code_actions(
    uri: &Uri,
    (text, diagnostics): (&str, &[Diagnostic]),
    range: Range,
) -> Vec<CodeActionOrCommand> {
    let index = Utf16Index::new(text);
    diagnostics
        .iter()
        .filter(|d| overlaps(index.range(d.span), range))
        .filter_map(|d| {
            let fix = d.fix.as_ref()?;
            if fix.applicability != Applicability::Safe {
                return None;
            }
            let edits: Vec<TextEdit> = fix
                .edits
                .iter()
                .map(|e| TextEdit::new(index.range(e.span), e.replacement.clone()))
                .collect();
            Some(CodeActionOrCommand::CodeAction(CodeAction {
                title: format!("{} ({})", fix.message, d.rule),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![diagnostic(uri, &index, d)]),
                edit: Some(WorkspaceEdit {
                    changes: Some(HashMap::from([(uri.clone(), edits)])),
                    ..Default::default()
                }),
                is_preferred: Some(true),
                ..Default::default()
            }))
        })
        .collect()
}

/// The documentation of the rules whose diagnostics cover `at`, as Markdown.
pub fn hover((text, diagnostics): (&str, &[Diagnostic]), at: Position) -> Option<Hover> {
    let index = Utf16Index::new(text);
    let offset = index.offset(at);
    let mut rules: Vec<&str> = diagnostics
        .iter()
        .filter(|d| d.span.start <= offset && offset <= d.span.end)
        .map(|d| d.rule)
        .collect();
    rules.dedup();
    let docs: Vec<String> = rules
        .iter()
        .filter_map(|name| crate::rules::find(name))
        .map(crate::rules::documentation)
        .collect();
    if docs.is_empty() {
        return None;
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: docs.join("\n---\n\n"),
        }),
        range: None,
    })
}
