//! Short output: one line a diagnostic, for editors' problem matchers and
//! quickfix lists.
//!
//! ```text
//! 民政.txt:3:12: error[breakdown-sum] parts add up to 744户, not the stated 754户
//! ```
//!
//! Lines and columns are 1-based; columns count characters. A message that
//! spans lines is joined with spaces so that every diagnostic is one line.

use super::{FileReport, LineIndex};

/// Renders every diagnostic of `reports` as one line each.
pub fn render(reports: &[FileReport]) -> String {
    lines_with(reports, |lines, offset| lines.position(offset).column)
}

/// Renders every diagnostic of `reports` as one line each, as [`render`]
/// does but with the column counted in bytes of UTF-8, as Vim's quickfix
/// `%c` counts it (`--format vim`).
pub fn render_vim(reports: &[FileReport]) -> String {
    lines_with(reports, |lines, offset| lines.byte_column(offset))
}

/// One line a diagnostic, its column given by `column` (characters or
/// bytes) at the start of its span.
fn lines_with(reports: &[FileReport], column: impl Fn(&LineIndex<'_>, usize) -> usize) -> String {
    let mut out = String::new();
    for r in reports {
        let lines = LineIndex::new(&r.text);
        for d in &r.diagnostics {
            let at = lines.position(d.span.start);
            out.push_str(&format!(
                "{}:{}:{}: {}[{}] {}\n",
                r.path,
                at.line,
                column(&lines, d.span.start),
                d.severity.as_str(),
                d.rule,
                one_line(&d.message),
            ));
        }
    }
    out
}

/// `text` with every run of line breaks replaced by one space.
pub(crate) fn one_line(text: &str) -> String {
    text.split(['\r', '\n'])
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}
