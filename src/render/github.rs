//! GitHub Actions output: one workflow command a diagnostic, which GitHub
//! shows as an annotation on the line of the pull request's diff.
//!
//! ```text
//! ::error file=民政.txt,line=3,col=12,endLine=3,endColumn=16,title=breakdown-sum::parts add up to …
//! ```
//!
//! Severities map to `error`, `warning` and `notice`. Values are escaped as
//! the workflow-command syntax requires: `%`, CR and LF everywhere, and also
//! `:` and `,` in properties.

use super::{FileReport, LineIndex};
use crate::diagnostic::Severity;

/// Escapes the message of a workflow command.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value of a workflow command (`file=…`, `title=…`).
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// Renders every diagnostic of `reports` as a workflow command.
pub fn render(reports: &[FileReport]) -> String {
    let mut out = String::new();
    for r in reports {
        let lines = LineIndex::new(&r.text);
        for d in &r.diagnostics {
            let (a, b) = lines.span(d.span);
            let command = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info | Severity::Off => "notice",
            };
            out.push_str(&format!(
                "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                escape_property(&r.path),
                a.line,
                a.column,
                b.line,
                b.column,
                escape_property(&format!("{} ({})", d.rule, d.severity.as_str())),
                escape_data(&d.message),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(escape_data("50%\r\nok"), "50%25%0D%0Aok");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
