//! Inline suppression markers: lines that switch rules off for the next line
//! or for a block of lines.
//!
//! ```text
//! <!-- yblint-disable-next-line RULE[, RULE] -->     Markdown (an HTML comment)
//! <!-- yblint-disable RULE -->  …  <!-- yblint-enable RULE -->
//! %% yblint-disable-next-line RULE                   plain text
//! %% yblint-disable RULE   …   %% yblint-enable RULE
//! ```
//!
//! Either form is understood in any file. A marker stands alone on its line;
//! without a rule name it concerns every rule; ` -- ` starts a free comment
//! (`%% yblint-disable-next-line breakdown-sum -- 口径不同`).
//!
//! Marker lines are not prose: [`Markers::mask`] turns them into spaces, so
//! that byte offsets stay those of the file. After a line of text, the line
//! break before the marker goes too (`A\nMARKER\nB` reads `A      \nB`):
//! the line after a marker continues the line before it, so a sentence or a
//! breakdown across a marker line is still one, and in Markdown the next line
//! is not indented into a code block. After a blank line, or at the start of
//! the file, the marker becomes a blank line. A finding is suppressed by the
//! line of its location (the start of its primary span).

use std::borrow::Cow;
use std::collections::BTreeSet;

use crate::diagnostic::Diagnostic;
use crate::span::Span;

/// A marker yblint could not use: an unknown rule or an unknown directive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkerProblem {
    /// 1-based line of the marker.
    pub line: usize,
    /// What is wrong (`unknown rule `breakdown-summ` in yblint-disable; did you mean …`).
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Directive {
    NextLine,
    Disable,
    Enable,
}

/// Rules switched off: every rule but `except`, or the rules in `rules`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct State {
    all: bool,
    except: BTreeSet<String>,
    rules: BTreeSet<String>,
}

impl State {
    fn off(&self, rule: &str) -> bool {
        (self.all && !self.except.contains(rule)) || self.rules.contains(rule)
    }

    fn apply(&mut self, d: Directive, names: &[String]) {
        match (d, names.is_empty()) {
            (Directive::Disable, true) => {
                self.all = true;
                self.except.clear();
            }
            (Directive::Enable, true) => *self = State::default(),
            (Directive::Disable, false) => {
                for n in names {
                    self.except.remove(n);
                    self.rules.insert(n.clone());
                }
            }
            (Directive::Enable, false) => {
                for n in names {
                    self.rules.remove(n);
                    if self.all {
                        self.except.insert(n.clone());
                    }
                }
            }
            (Directive::NextLine, _) => {}
        }
    }
}

/// The markers of one text.
#[derive(Debug, Clone, Default)]
pub struct Markers {
    /// Byte ranges of marker lines with their line breaks: never edited,
    /// and a finding that starts in one is dropped.
    masked: Vec<Span>,
    /// Byte ranges turned into spaces by [`Markers::mask`], in order.
    regions: Vec<Span>,
    /// (1-based line, state from that line on), at each block marker.
    blocks: Vec<(usize, State)>,
    /// (1-based line suppressed, rules; empty = all).
    next_lines: Vec<(usize, Vec<String>)>,
    /// Markers that could not be used.
    pub problems: Vec<MarkerProblem>,
}

/// The directive and rule names of a marker line, or `None` when the line is
/// no marker; `Err` for a line that looks like one but is not understood.
fn parse_marker(line: &str) -> Option<Result<(Directive, Vec<String>), String>> {
    let t = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    let inner = if let Some(rest) = t.strip_prefix("<!--") {
        rest.strip_suffix("-->")?.trim()
    } else {
        t.strip_prefix("%%")?.trim()
    };
    let body = inner.strip_prefix("yblint-")?;
    let body = body.split(" -- ").next().unwrap_or(body).trim();
    let (word, rest) = body.split_once(char::is_whitespace).unwrap_or((body, ""));
    let directive = match word {
        "disable-next-line" => Directive::NextLine,
        "disable" => Directive::Disable,
        "enable" => Directive::Enable,
        other => {
            return Some(Err(format!(
                "unknown marker `yblint-{other}`; expected yblint-disable-next-line, yblint-disable or yblint-enable"
            )))
        }
    };
    let names: Vec<String> = rest
        .split(|c: char| c == ',' || c == '，' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    for n in &names {
        if crate::rules::find(n).is_none() {
            let hint = crate::rules::did_you_mean(n)
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_else(|| "; `yblint rules` lists the rules".into());
            return Some(Err(format!("unknown rule `{n}` in yblint-{word}{hint}")));
        }
    }
    Some(Ok((directive, names)))
}

impl Markers {
    /// Finds the marker lines of `text`.
    pub fn scan(text: &str) -> Markers {
        let mut m = Markers::default();
        // Cheap exit for the common case.
        if !text.contains("yblint-") {
            return m;
        }
        let mut state = State::default();
        let mut pending_next: Option<Vec<String>> = None;
        let mut at = 0;
        for (i, raw) in text.split_inclusive('\n').enumerate() {
            let line_no = i + 1;
            let start = at;
            at += raw.len();
            match parse_marker(raw) {
                None => {
                    if let Some(names) = pending_next.take() {
                        m.next_lines.push((line_no, names));
                    }
                }
                Some(parsed) => {
                    m.masked.push(Span::new(start, at));
                    match parsed {
                        Err(message) => m.problems.push(MarkerProblem {
                            line: line_no,
                            message,
                        }),
                        Ok((Directive::NextLine, names)) => {
                            let merged = match pending_next.take() {
                                Some(prev) if prev.is_empty() || names.is_empty() => Vec::new(),
                                Some(mut prev) => {
                                    prev.extend(names);
                                    prev
                                }
                                None => names,
                            };
                            pending_next = Some(merged);
                        }
                        Ok((d, names)) => {
                            state.apply(d, &names);
                            m.blocks.push((line_no, state.clone()));
                        }
                    }
                }
            }
        }
        m.regions = regions(text, &m.masked);
        m
    }

    /// True when the text has no marker line.
    pub fn is_empty(&self) -> bool {
        self.masked.is_empty()
    }

    /// `text` with every marker line and its line break turned into spaces
    /// (same length, same offsets).
    pub fn mask<'t>(&self, text: &'t str) -> Cow<'t, str> {
        if self.masked.is_empty() {
            return Cow::Borrowed(text);
        }
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        for s in &self.regions {
            out.push_str(&text[at..s.start]);
            out.extend(std::iter::repeat_n(' ', s.len()));
            at = s.end;
        }
        out.push_str(&text[at..]);
        Cow::Owned(out)
    }

    /// True when a finding of `rule` on 1-based `line` is switched off.
    pub fn suppressed(&self, rule: &str, line: usize) -> bool {
        let block = self.blocks.partition_point(|(l, _)| *l <= line);
        if block > 0 && self.blocks[block - 1].1.off(rule) {
            return true;
        }
        self.next_lines
            .iter()
            .any(|(l, names)| *l == line && (names.is_empty() || names.iter().any(|n| n == rule)))
    }

    /// Removes from `diagnostics` (of `text`) the suppressed findings and
    /// those inside a marker line, and drops every fix that would edit a
    /// marker line.
    pub fn retain(&self, text: &str, diagnostics: &mut Vec<Diagnostic>) {
        if self.is_empty() {
            return;
        }
        let index = crate::render::LineIndex::new(text);
        let protected: Vec<Span> = self.masked.iter().chain(&self.regions).copied().collect();
        let inside = |s: Span| {
            protected
                .iter()
                .any(|m| m.start < s.end.max(s.start + 1) && s.start < m.end)
        };
        // An internal error is never suppressed: it says what was not checked.
        diagnostics.retain(|d| {
            d.rule == crate::diagnostic::INTERNAL_ERROR
                || !inside(d.span) && !self.suppressed(d.rule, index.line(d.span.start))
        });
        for d in diagnostics.iter_mut() {
            let touches = d.fix.as_ref().is_some_and(|f| {
                f.edits.iter().any(|e| {
                    protected.iter().any(|m| {
                        e.span.start < m.end && m.start < e.span.end
                            || (e.span.is_empty() && m.start < e.span.start && e.span.start < m.end)
                    })
                })
            });
            if touches {
                d.fix = None;
            }
        }
    }
}

/// The length of the line break that ends `s` (0, 1 or 2 bytes).
fn break_len(s: &[u8]) -> usize {
    if s.ends_with(b"\r\n") {
        2
    } else {
        usize::from(s.ends_with(b"\n"))
    }
}

/// The byte ranges [`Markers::mask`] blanks for marker lines `lines` (each
/// with its line break): the marker without its own line break, and also the
/// line break before it when the line before is text (after earlier
/// markers are blanked).
fn regions(text: &str, lines: &[Span]) -> Vec<Span> {
    let mut work = text.as_bytes().to_vec();
    let mut out = Vec::with_capacity(lines.len());
    for m in lines {
        let body_end = m.end - break_len(&work[m.start..m.end]);
        let before = &work[..m.start];
        let prev_break = break_len(before);
        let prev_end = before.len() - prev_break;
        let prev_start = before[..prev_end]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let prev_is_text = prev_break > 0
            && before[prev_start..prev_end]
                .iter()
                .any(|b| !b.is_ascii_whitespace());
        let start = if prev_is_text {
            m.start - prev_break
        } else {
            m.start
        };
        work[start..body_end].fill(b' ');
        out.push(Span::new(start, body_end));
    }
    out
}

/// Checks `text` as [`crate::check_text`] does, with its marker lines
/// masked and its suppressed findings removed; returns the diagnostics and
/// the markers (whose `problems` the caller reports).
///
/// Errors: [`crate::syntax::ParseFailure`] only on a bug in the grammar.
pub fn check(
    text: &str,
    config: &crate::config::Config,
) -> Result<(Vec<Diagnostic>, Markers), crate::syntax::ParseFailure> {
    check_with_coverage(text, config).map(|(d, m, _)| (d, m))
}

/// Like [`check`], and also returns the coverage of the check
/// ([`crate::coverage::Coverage`]).
///
/// Errors: [`crate::syntax::ParseFailure`] only on a bug in the grammar.
pub fn check_with_coverage(
    text: &str,
    config: &crate::config::Config,
) -> Result<(Vec<Diagnostic>, Markers, crate::coverage::Coverage), crate::syntax::ParseFailure> {
    let markers = Markers::scan(text);
    let masked = markers.mask(text);
    let (mut diagnostics, coverage) = crate::check_text_with_coverage(&masked, config)?;
    markers.retain(text, &mut diagnostics);
    Ok((diagnostics, markers, coverage))
}

/// Checks `text`, a source text of the file `doc` was read from (as read,
/// or as fixed), as [`check_with_coverage`] does: marker lines masked,
/// suppressed findings removed; the diagnostics index `text`. This is what
/// `yblint check` and `yblint lsp` run on every draft.
///
/// Errors: [`crate::syntax::ParseFailure`] only on a bug in the grammar.
pub fn check_source(
    doc: &crate::source::Document,
    text: &str,
    config: &crate::config::Config,
) -> Result<(Vec<Diagnostic>, crate::coverage::Coverage), crate::syntax::ParseFailure> {
    let markers = Markers::scan(text);
    let masked = markers.mask(text);
    let (mut diagnostics, coverage) = if masked == doc.source_text() {
        crate::check_document_with_coverage(doc, config)?
    } else {
        crate::check_document_with_coverage(&doc.with_source_text(masked.into_owned()), config)?
    };
    markers.retain(text, &mut diagnostics);
    Ok((diagnostics, coverage))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_markers() {
        assert_eq!(parse_marker("正文。"), None);
        assert_eq!(
            parse_marker("<!-- yblint-disable-next-line breakdown-sum -->\n"),
            Some(Ok((Directive::NextLine, vec!["breakdown-sum".into()])))
        );
        assert_eq!(
            parse_marker("  %% yblint-disable -- 表格转录"),
            Some(Ok((Directive::Disable, vec![])))
        );
        let e = parse_marker("%% yblint-enable breakdown-summ")
            .unwrap()
            .unwrap_err();
        assert!(e.contains("did you mean `breakdown-sum`"), "{e}");
        assert!(parse_marker("%% yblint-disabel").unwrap().is_err());
    }

    #[test]
    fn blocks_and_next_lines() {
        let text = "a\n%% yblint-disable\nb\n%% yblint-enable breakdown-sum\nc\n%% yblint-enable\nd\n%% yblint-disable-next-line num-fullwidth-digits\ne\nf\n";
        let m = Markers::scan(text);
        let off = |r: &str, l: usize| m.suppressed(r, l);
        assert!(!off("x", 1));
        assert!(off("x", 3) && off("breakdown-sum", 3));
        assert!(off("x", 5) && !off("breakdown-sum", 5));
        assert!(!off("x", 7));
        assert!(off("num-fullwidth-digits", 9) && !off("x", 9));
        assert!(!off("num-fullwidth-digits", 10));
        let masked = m.mask(text);
        assert_eq!(masked.len(), text.len());
        assert!(masked.starts_with(&format!("a{}\nb", " ".repeat("\n%% yblint-disable".len()))));
    }

    #[test]
    fn masks_keep_paragraphs_and_offsets() {
        // After text: the break before the marker goes, the line runs on.
        let text = "甲，\r\n%% yblint-disable\r\n%% yblint-enable\r\n乙。\r\n";
        let m = Markers::scan(text);
        let masked = m.mask(text);
        assert_eq!(masked.len(), text.len());
        assert_eq!(masked.lines().count(), 2);
        assert!(masked.starts_with("甲，  ") && masked.ends_with("\r\n乙。\r\n"));
        // At the start and after a blank line: a blank line, nothing indented.
        let text = "<!-- yblint-disable -->\n甲。\n\n<!-- yblint-enable -->\n乙。";
        let masked = Markers::scan(text).mask(text).into_owned();
        let lines: Vec<&str> = masked.lines().collect();
        assert_eq!(lines.len(), 5);
        assert!(lines[0].trim().is_empty() && lines[3].trim().is_empty());
        assert_eq!((lines[1], lines[4]), ("甲。", "乙。"));
    }
}
