//! Human-readable output: rustc-style diagnostics rendered by
//! codespan-reporting, with labels under the figures they name.

use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor};

use super::{FileReport, LineIndex};
use crate::diagnostic::{Applicability, Diagnostic, Severity};

/// Source lines longer than this many bytes (about 2000 Han characters) are
/// not shown under a diagnostic; its location is given in a note instead.
const MAX_SHOWN_LINE_BYTES: usize = 6000;

/// At most this many secondary labels (parts) are drawn under the source.
const MAX_SECONDARY_LABELS: usize = 40;

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
    // A long row of parts is shown in part: the JSON output has every label.
    let shown: Vec<&crate::diagnostic::Label> = {
        let mut secondary = 0;
        d.labels
            .iter()
            .filter(|l| {
                secondary += usize::from(!l.primary);
                l.primary || secondary <= MAX_SECONDARY_LABELS
            })
            .collect()
    };
    let hidden = d.labels.len() - shown.len();
    // On each line only the last secondary label keeps its message: codespan
    // writes one message inline per line and draws the others below it,
    // which for a row of parts says `part` again and again.
    let line_of: Vec<usize> = shown.iter().map(|l| lines.line(l.span.start)).collect();
    let mut seen_lines = std::collections::HashSet::new();
    let mut keeps_message = vec![false; shown.len()];
    for i in (0..shown.len()).rev() {
        keeps_message[i] = shown[i].primary || seen_lines.insert(line_of[i]);
    }
    let labels = shown
        .iter()
        .zip(keeps_message)
        .map(|(l, keep)| {
            let style = if l.primary {
                cs::LabelStyle::Primary
            } else {
                cs::LabelStyle::Secondary
            };
            let range = l.span.start.saturating_sub(shift)..l.span.end.saturating_sub(shift);
            let message = if keep {
                l.message.clone()
            } else {
                String::new()
            };
            cs::Label::new(style, file, range).with_message(message)
        })
        .collect();
    let mut notes = d.notes.clone();
    if let Some(fix) = &d.fix {
        notes.push(match fix.applicability {
            Applicability::Safe => format!("help: {} (yblint check --fix)", fix.message),
            Applicability::Unsafe => format!(
                "help: {} (unsafe fix: yblint check --fix --unsafe-fixes)",
                fix.message
            ),
        });
    }
    if hidden > 0 {
        notes.push(format!(
            "{hidden} more labels are not shown here; --format json lists them all"
        ));
    }
    cs::Diagnostic::new(severity(d.severity))
        .with_code(d.rule)
        .with_message(d.message.clone())
        .with_labels(labels)
        .with_notes(notes)
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
    let mut out = String::new();
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
            let mut shown = to_codespan(id, &lines, d, shift);
            // Where the text came from: a Word paragraph, a spreadsheet's
            // cell, an encoding.
            shown
                .notes
                .extend(r.origin.paragraph_note(lines.position(d.span.start)));
            shown
                .notes
                .extend(r.origin.cell_note(&r.path, d.span.start));
            shown.notes.extend(r.origin.encoding_note());
            // A source line too long to read (a whole pasted chapter on one
            // line) is not printed again for every finding on it.
            let at = lines.position(d.span.start);
            if lines.line_bytes(at.line) > MAX_SHOWN_LINE_BYTES {
                shown.labels.clear();
                shown.notes.insert(
                    0,
                    format!(
                        "at {}:{}:{} (the line is too long to show)",
                        r.path, at.line, at.column
                    ),
                );
            }
            // Spans come from the text itself, so rendering cannot fail.
            if d.severity == Severity::Info {
                // codespan-reporting names this severity `note`; yblint
                // calls it `info` everywhere (configuration, JSON, count).
                let mut one = if color {
                    termcolor::Buffer::ansi()
                } else {
                    termcolor::Buffer::no_color()
                };
                let _ = term::emit_to_write_style(&mut one, &config, &files, &shown);
                let text = String::from_utf8_lossy(one.as_slice()).replacen("note[", "info[", 1);
                out.push_str(&String::from_utf8_lossy(buffer.as_slice()));
                buffer.clear();
                out.push_str(&text);
            } else {
                let _ = term::emit_to_write_style(&mut buffer, &config, &files, &shown);
            }
        }
    }
    out.push_str(&String::from_utf8_lossy(buffer.as_slice()));
    out
}
