//! Human-readable output: rustc-style diagnostics rendered by
//! codespan-reporting, with labels under the figures they name.

use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor};

use super::{FileReport, LineIndex};
use crate::diagnostic::{Diagnostic, Severity};

fn severity(s: Severity) -> cs::Severity {
    match s {
        Severity::Error => cs::Severity::Error,
        Severity::Warning => cs::Severity::Warning,
        Severity::Info | Severity::Off => cs::Severity::Note,
    }
}

/// Converts a diagnostic to codespan-reporting's form for file `file`, whose
/// lines are `lines`; `shift` bytes are taken off every span (a byte-order mark
/// not shown).
pub fn to_codespan(
    file: usize,
    lines: &LineIndex<'_>,
    d: &Diagnostic,
    shift: usize,
) -> cs::Diagnostic<usize> {
    // On each line only the last secondary label keeps its message: codespan
    // writes one message inline per line and draws the others below it,
    // which for a row of parts says `part` again and again.
    let line_of = |offset: usize| lines.position(offset).line;
    let last_on_line = |i: usize| {
        let line = line_of(d.labels[i].span.start);
        !d.labels[i + 1..]
            .iter()
            .any(|l| !l.primary && line_of(l.span.start) == line)
    };
    let labels = d
        .labels
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let style = if l.primary {
                cs::LabelStyle::Primary
            } else {
                cs::LabelStyle::Secondary
            };
            let range = l.span.start.saturating_sub(shift)..l.span.end.saturating_sub(shift);
            let message = if l.primary || last_on_line(i) {
                l.message.clone()
            } else {
                String::new()
            };
            cs::Label::new(style, file, range).with_message(message)
        })
        .collect();
    cs::Diagnostic::new(severity(d.severity))
        .with_code(d.rule)
        .with_message(d.message.clone())
        .with_labels(labels)
        .with_notes(d.notes.clone())
}

/// Renders every diagnostic of every report; ANSI colours when `color`.
pub fn render(reports: &[FileReport], color: bool) -> String {
    let mut files = SimpleFiles::new();
    let mut buffer = if color {
        termcolor::Buffer::ansi()
    } else {
        termcolor::Buffer::no_color()
    };
    let config = term::Config::default();
    for r in reports {
        // A byte-order mark is no character of the draft: drop it so that
        // columns match what an editor shows.
        let (text, shift) = match r.text.strip_prefix('\u{FEFF}') {
            Some(rest) => (rest.to_string(), '\u{FEFF}'.len_utf8()),
            None => (r.text.clone(), 0),
        };
        let id = files.add(r.path.clone(), text);
        let lines = LineIndex::new(&r.text);
        for d in &r.diagnostics {
            // Spans come from the text itself, so rendering cannot fail.
            let _ = term::emit_to_write_style(
                &mut buffer,
                &config,
                &files,
                &to_codespan(id, &lines, d, shift),
            );
        }
    }
    String::from_utf8_lossy(buffer.as_slice()).into_owned()
}
