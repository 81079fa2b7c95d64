//! Fixes: applying the corrections rules offer, in passes, with a guard that
//! no fix changes a digit; writing the fixed file back atomically in its own
//! encoding and line endings ([`write`]); and the unified diff that
//! `yblint check --diff` prints ([`diff`]).
//!
//! One pass takes the fixes of the current diagnostics (safe ones, or safe
//! and unsafe ones), drops every fix that overlaps one before it (in source
//! order: the later of two overlapping fixes waits for the next pass), drops
//! every fix that would change the figures of the text (a digit, or where one
//! figure's digits end and the next one's begin: no fix joins two figures
//! into one or splits one), and applies the rest.
//! [`fix_text`] repeats passes on the re-checked text until a pass changes
//! nothing, at most [`MAX_PASSES`] times.

pub mod diff;
pub mod write;

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix};

/// The most passes [`fix_text`] makes over one text.
pub const MAX_PASSES: usize = 10;

/// Which fixes to apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixMode {
    /// Only fixes marked [`Applicability::Safe`] (`--fix`).
    Safe,
    /// Safe and unsafe fixes (`--fix --unsafe-fixes`).
    Unsafe,
}

impl FixMode {
    /// True when a fix of this applicability is applied in this mode.
    pub fn allows(self, a: Applicability) -> bool {
        match self {
            FixMode::Safe => a == Applicability::Safe,
            FixMode::Unsafe => true,
        }
    }
}

/// A fix the engine would not apply because it changes the figures of the
/// text: a digit (a rule's bug: a fix never changes a number), or the runs
/// of digits (it would join two figures into one, or split one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    /// The rule that offered it.
    pub rule: &'static str,
    /// True when the fix keeps every digit but joins or splits figures
    /// (`48761` and `42510` on lines of their own made `4876142510`): a
    /// fix the user must make by hand if it is right, not a bug.
    pub joins: bool,
    /// Byte offset of its first edit in the text it was offered for.
    pub offset: usize,
    /// The fix's own message.
    pub message: String,
}

/// What fixing one text did.
#[derive(Debug, Clone)]
pub struct FixOutcome {
    /// The text after the last pass.
    pub text: String,
    /// How many fixes were applied, over all passes.
    pub applied: usize,
    /// Passes that changed the text.
    pub passes: usize,
    /// Fixes refused by the digit guard (each reported once).
    pub refused: Vec<Refused>,
    /// The diagnostics of the fixed text.
    pub diagnostics: Vec<Diagnostic>,
}

/// The ASCII digits of `text` in order, full-width digits (`０`–`９`) read as
/// their ASCII forms: what no fix may change.
pub fn digits(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '0'..='9' => Some(c),
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
            _ => None,
        })
        .collect()
}

/// The runs of digits of `text` in order (full-width digits read as ASCII):
/// the figures as written, which no fix may change, join or split.
pub fn numbers(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut in_run = false;
    for c in text.chars() {
        let d = match c {
            '0'..='9' => Some(c),
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
            _ => None,
        };
        match (d, in_run) {
            (Some(d), true) => {
                if let Some(last) = out.last_mut() {
                    last.push(d);
                }
            }
            (Some(d), false) => out.push(d.to_string()),
            (None, _) => {}
        }
        in_run = d.is_some();
    }
    out
}

/// True when the edits of `fix` are sorted, non-overlapping, inside `text`
/// and on character boundaries.
fn well_formed(text: &str, fix: &Fix) -> bool {
    let mut last = 0;
    for (i, e) in fix.edits.iter().enumerate() {
        if e.span.start > e.span.end
            || e.span.end > text.len()
            || !text.is_char_boundary(e.span.start)
            || !text.is_char_boundary(e.span.end)
            || (i > 0 && e.span.start < last)
        {
            return false;
        }
        last = e.span.end;
    }
    !fix.edits.is_empty()
}

/// True when two edits cannot both be applied: their spans overlap, an
/// insertion falls strictly inside a replacement, or two insertions fall at
/// the same place (their order would be a guess).
fn conflict(a: &Edit, b: &Edit) -> bool {
    (a.span.start < b.span.end && b.span.start < a.span.end)
        || (a.span.is_empty() && b.span.is_empty() && a.span.start == b.span.start)
}

/// True when applying `fix` keeps the digits of the text it edits.
fn keeps_digits(text: &str, fix: &Fix) -> bool {
    let before: String = fix
        .edits
        .iter()
        .map(|e| digits(crate::text::slice(text, e.span.start, e.span.end)))
        .collect();
    let after: String = fix.edits.iter().map(|e| digits(&e.replacement)).collect();
    before == after
}

/// True when applying `fix` keeps the runs of digits: each edit is read with
/// the characters on either side of it, so that deleting the line breaks
/// between `48761` and `42510` (which keeps every digit) is seen to make
/// one figure of two.
fn keeps_numbers(text: &str, fix: &Fix) -> bool {
    let around = |e: &Edit, middle: &str| {
        let before = crate::text::char_before(text, e.span.start).map(String::from);
        let after = crate::text::char_at(text, e.span.end).map(String::from);
        numbers(&format!(
            "{}{middle}{}",
            before.unwrap_or_default(),
            after.unwrap_or_default()
        ))
    };
    fix.edits.iter().all(|e| {
        around(e, crate::text::slice(text, e.span.start, e.span.end)) == around(e, &e.replacement)
    })
}

/// The fixes one pass applies to `text`: those of `diagnostics` that `mode`
/// allows, well formed, keeping the digits (the others go to `refused`), and
/// not overlapping a fix before them in source order.
pub fn select<'d>(
    text: &str,
    diagnostics: &'d [Diagnostic],
    mode: FixMode,
    refused: &mut Vec<Refused>,
) -> Vec<&'d Fix> {
    let mut candidates: Vec<(&Diagnostic, &Fix)> = diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref().map(|f| (d, f)))
        .filter(|(_, f)| mode.allows(f.applicability) && well_formed(text, f))
        .collect();
    candidates.sort_by_key(|(_, f)| (f.edits[0].span.start, f.edits[0].span.end));
    let mut chosen: Vec<&Fix> = Vec::new();
    for (d, fix) in candidates {
        let digits_kept = keeps_digits(text, fix);
        if !digits_kept || !keeps_numbers(text, fix) {
            refused.push(Refused {
                rule: d.rule,
                joins: digits_kept,
                offset: fix.edits[0].span.start,
                message: fix.message.clone(),
            });
            continue;
        }
        let clashes = chosen.iter().any(|c| {
            c.edits
                .iter()
                .any(|a| fix.edits.iter().any(|b| conflict(a, b)))
        });
        if !clashes {
            chosen.push(fix);
        }
    }
    chosen
}

/// Applies non-conflicting, well-formed `fixes` to `text` (see [`select`]).
pub fn apply(text: &str, fixes: &[&Fix]) -> String {
    let mut edits: Vec<&Edit> = fixes.iter().flat_map(|f| &f.edits).collect();
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in edits {
        out.push_str(&text[at..e.span.start]);
        out.push_str(&e.replacement);
        at = e.span.end;
    }
    out.push_str(&text[at..]);
    out
}

/// Fixes `text` in passes: `check` gives the diagnostics of a text; each pass
/// applies the fixes [`select`] picks, until a pass changes nothing or
/// [`MAX_PASSES`] passes have run. The outcome holds the diagnostics of the
/// final text.
///
/// The digits of the result are those of `text` (checked once more over the
/// whole text: should a combination of fixes change them, nothing is
/// applied and the fixes of the first pass are reported as refused).
///
/// Errors: whatever `check` returns.
pub fn fix_text<E>(
    text: &str,
    mode: FixMode,
    mut check: impl FnMut(&str) -> Result<Vec<Diagnostic>, E>,
) -> Result<FixOutcome, E> {
    let mut current = text.to_string();
    let mut diagnostics = check(&current)?;
    let mut applied = 0;
    let mut passes = 0;
    let mut refused: Vec<Refused> = Vec::new();
    while passes < MAX_PASSES {
        let mut pass_refused = Vec::new();
        let fixes = select(&current, &diagnostics, mode, &mut pass_refused);
        for r in pass_refused {
            if !refused
                .iter()
                .any(|o| o.rule == r.rule && o.message == r.message)
            {
                refused.push(r);
            }
        }
        if fixes.is_empty() {
            break;
        }
        let mut next = apply(&current, &fixes);
        let mut count = fixes.len();
        if numbers(&next) != numbers(&current) {
            // Fixes that each keep the figures may join two together (each
            // deletes one of the line breaks between them): this pass
            // applies the first alone, and the next pass sees the others
            // in its text.
            next = apply(&current, &fixes[..1]);
            count = 1;
        }
        if next == current {
            break;
        }
        applied += count;
        passes += 1;
        current = next;
        diagnostics = check(&current)?;
    }
    if numbers(&current) != numbers(text) {
        // Cannot happen with fixes that each keep their figures; refuse all
        // the same rather than write a changed number.
        let first = check(text)?;
        let mut all = Vec::new();
        for d in &first {
            if let Some(f) = &d.fix {
                all.push(Refused {
                    rule: d.rule,
                    joins: false,
                    offset: f.edits.first().map(|e| e.span.start).unwrap_or(0),
                    message: f.message.clone(),
                });
            }
        }
        return Ok(FixOutcome {
            text: text.to_string(),
            applied: 0,
            passes: 0,
            refused: all,
            diagnostics: first,
        });
    }
    Ok(FixOutcome {
        text: current,
        applied,
        passes,
        refused,
        diagnostics,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;
    use crate::span::Span;

    fn diag(start: usize, end: usize, new: &str, a: Applicability) -> Diagnostic {
        Diagnostic::new("t", "c", Severity::Warning, Span::new(start, end), "m")
            .with_fix(Fix::replace(Span::new(start, end), new, a, "fix"))
    }

    #[test]
    fn digits_are_read_through_full_width() {
        assert_eq!(digits("２０２３年1２．5亿"), "2023125");
    }

    #[test]
    fn later_overlapping_fix_waits() {
        let text = "abcdef";
        let ds = vec![
            diag(1, 3, "X", Applicability::Safe),
            diag(2, 4, "Y", Applicability::Safe),
            diag(4, 5, "Z", Applicability::Safe),
            diag(5, 6, "W", Applicability::Unsafe),
        ];
        let mut refused = Vec::new();
        let fixes = select(text, &ds, FixMode::Safe, &mut refused);
        assert_eq!(apply(text, &fixes), "aXdZf");
        let fixes = select(text, &ds, FixMode::Unsafe, &mut refused);
        assert_eq!(apply(text, &fixes), "aXdZW");
        // Two insertions at one place conflict; an insertion at the start
        // of a replacement does not.
        let ds = vec![
            diag(1, 1, "X", Applicability::Safe),
            diag(1, 1, "Y", Applicability::Safe),
            diag(1, 2, "Z", Applicability::Safe),
        ];
        let fixes = select(text, &ds, FixMode::Safe, &mut refused);
        assert_eq!(apply(text, &fixes), "aXZcdef");
        assert!(refused.is_empty());
    }

    #[test]
    fn a_fix_that_changes_a_digit_is_refused() {
        let text = "增长3.5%";
        let at = text.find('3').unwrap();
        let ds = vec![diag(at, at + 3, "3.6", Applicability::Safe)];
        let mut refused = Vec::new();
        assert!(select(text, &ds, FixMode::Safe, &mut refused).is_empty());
        assert_eq!(refused.len(), 1);
        // Out of bounds or inside a character: dropped.
        let ds = vec![
            diag(1, 2, "x", Applicability::Safe),
            diag(0, 99, "", Applicability::Safe),
        ];
        assert!(select(text, &ds, FixMode::Safe, &mut refused).is_empty());
    }

    #[test]
    fn a_fix_that_joins_or_splits_figures_is_refused() {
        assert_eq!(
            numbers("产量48761\n\n４2510\n14.70"),
            ["48761", "42510", "14", "70"]
        );
        let text = "产量48761\n\n42510";
        let at = text.find('\n').unwrap();
        let ds = vec![diag(at, at + 2, "", Applicability::Unsafe)];
        let mut refused = Vec::new();
        assert!(select(text, &ds, FixMode::Unsafe, &mut refused).is_empty());
        assert_eq!(refused.len(), 1);
        assert!(refused[0].joins);
        // Two fixes that each delete one line break: one is applied, the
        // other then refused.
        let check = |t: &str| -> Result<Vec<Diagnostic>, ()> {
            Ok(t.match_indices('\n')
                .map(|(i, _)| diag(i, i + 1, "", Applicability::Safe))
                .collect())
        };
        let out = fix_text(text, FixMode::Safe, check).unwrap();
        assert_eq!(out.text, "产量48761\n42510");
        assert_eq!(out.refused.len(), 1);
        // Splitting a figure is refused too.
        let at = text.find('7').unwrap();
        let ds = vec![diag(at, at, " ", Applicability::Safe)];
        assert!(select(text, &ds, FixMode::Safe, &mut refused).is_empty());
    }

    #[test]
    fn passes_until_nothing_changes() {
        // Each pass turns the first "aa" into "a": "aaaa" needs three passes.
        let check = |t: &str| -> Result<Vec<Diagnostic>, ()> {
            Ok(t.find("aa")
                .map(|i| vec![diag(i, i + 2, "a", Applicability::Safe)])
                .unwrap_or_default())
        };
        let out = fix_text("xaaaa", FixMode::Safe, check).unwrap();
        assert_eq!(out.text, "xa");
        assert_eq!((out.applied, out.passes), (3, 3));
        assert!(out.diagnostics.is_empty());
        // A fix that never settles stops after MAX_PASSES.
        let flip = |t: &str| -> Result<Vec<Diagnostic>, ()> {
            let new = if t == "a" { "b" } else { "a" };
            Ok(vec![diag(0, 1, new, Applicability::Safe)])
        };
        let out = fix_text("a", FixMode::Safe, flip).unwrap();
        assert_eq!(out.passes, MAX_PASSES);
    }
}
