//! Changes of a rate in percentage points: `由58.3%提高到60.1%，提高1.8个百分点`,
//! `增长6.8%，上年增长7.9%，增速回落1.1个百分点`, `城镇化率60.1%，上年为58.3%，
//! 比上年提高1.8个百分点`.
//!
//! As with growth statements ([`super::change`]), the figures must stand one
//! right after the other in one sentence, and the words before the points
//! must be nothing but a comparison, a rate noun (`增速`, `比重`) and a verb.

use rust_decimal::Decimal;

use super::change::{change_label, from_label, previous_label, sub_annual, to_label, ChangeWords};
use crate::quantity::{Approx, Bounds, Form, Interval, Quantity};
use crate::relations::Doc;

/// Word lists for percentage-point changes (the settings of
/// `percentage-points`).
#[derive(Debug, Clone, Default)]
pub struct PointWords {
    /// Verbs of a change in points (`up_verbs`, `down_verbs`: 提高, 回落),
    /// comparisons, to-verbs (提高到), previous-period and sub-annual words.
    pub change: ChangeWords,
    /// Verbs of a growth rate (增长, 下降): `增长6.8%，上年增长7.9%`.
    pub growth: ChangeWords,
    /// Rate nouns that may stand before the verb (增速, 比重).
    pub subjects: Vec<String>,
}

/// What the stated change is measured against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PointsBasis {
    /// `由a%提高到b%`: the starting and the reached rate.
    FromTo,
    /// `b%，上年为a%`: the current and the previous rate.
    CurrentPrevious,
}

/// A change stated in percentage points and the two rates it must equal
/// the difference of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PointChange {
    /// Index of the `个百分点` figure; `None` for a bare `由a%提高到b%`, whose
    /// verb alone is checked.
    pub stated: Option<usize>,
    /// The stated verb is a fall (回落, 下降).
    pub down: bool,
    /// The verb as written (提高).
    pub verb: &'static str,
    /// Index of the current (reached) rate.
    pub current: usize,
    /// The current rate is a fall (`下降2.1%` is −2.1).
    pub current_down: bool,
    /// Index of the previous (starting) rate.
    pub previous: usize,
    /// The previous rate is a fall.
    pub previous_down: bool,
    /// How the rates are stated.
    pub basis: PointsBasis,
    /// A figure is approximate: matched less surely.
    pub loose: bool,
}

/// The percentage-point changes of a draft, in source order.
pub fn point_changes(doc: &Doc<'_>, words: &PointWords) -> Vec<PointChange> {
    let qs = doc.quantities;
    let mut out = Vec::new();
    for (pi, para) in doc.draft.paragraphs.iter().enumerate() {
        for si in 0..para.sentences.len() {
            let seq: Vec<usize> = doc
                .in_sentence(pi, si)
                .filter(|&i| !qs[i].in_parens)
                .collect();
            for (j, &k) in seq.iter().enumerate() {
                if j < 1 {
                    continue;
                }
                let (a, b) = (seq[j - 1], j.checked_sub(2).map(|i| seq[i]));
                if is_points(&qs[k]) {
                    if let Some(b) = b {
                        if let Some(c) = read_points(qs, words, k, a, b) {
                            out.push(c);
                        }
                    }
                } else if let Some(c) = bare_from_to(qs, words, k, a, seq.get(j + 1)) {
                    out.push(c);
                }
            }
        }
    }
    out
}

fn is_points(q: &Quantity) -> bool {
    q.unit.as_ref().is_some_and(|u| u.name == "个百分点")
}

fn is_rate(q: &Quantity) -> bool {
    q.form == Form::Percent
}

/// `减少` or `下降` after an optional comparison and rate noun.
fn points_label(label: &str, words: &PointWords) -> Option<(bool, &'static str)> {
    let l = label.trim_start_matches(['、', '和', '及', '并', '且', '，', ',']);
    // Take off one rate noun, wherever it stands before the verb.
    for s in &words.subjects {
        if let Some(at) = l.find(s.as_str()) {
            let rest = format!("{}{}", &l[..at], &l[at + s.len()..]);
            if let Some(found) = change_label(&rest, &words.change) {
                return Some(found);
            }
        }
    }
    change_label(l, &words.change)
}

fn read_points(
    qs: &[Quantity],
    words: &PointWords,
    k: usize,
    a: usize,
    b: usize,
) -> Option<PointChange> {
    let (qa, qb) = (&qs[a], &qs[b]);
    if !is_rate(qa) || !is_rate(qb) {
        return None;
    }
    let (down, verb) = points_label(&qs[k].label_text, words)?;
    let loose = [&qs[k], qa, qb].iter().any(|q| q.approx != Approx::Exact);
    let w = &words.change;
    if from_label(&qb.label_text, w) && to_label(&qa.label_text, w) {
        return Some(PointChange {
            stated: Some(k),
            down,
            verb,
            current: a,
            current_down: false,
            previous: b,
            previous_down: false,
            basis: PointsBasis::FromTo,
            loose,
        });
    }
    // b is the current rate, a the previous one.
    if sub_annual(&qa.label_text, w) != sub_annual(&qb.label_text, w) {
        return None;
    }
    let (current_down, previous_down) = if let Some(cd) =
        ends_with_verb(&qb.label_text, &words.growth)
    {
        // Growth rates: 增长6.8%，上年增长7.9%.
        let label = qa.label_text.trim_start_matches(['、', '，']);
        let pw = w
            .previous_words
            .iter()
            .filter(|p| label.starts_with(p.as_str()))
            .max_by_key(|p| p.len())?;
        let rest = &label[pw.len()..];
        let (pd, _) = change_label(rest, &words.growth)?;
        (cd, pd)
    } else {
        // Levels: 城镇化率60.1%，上年为58.3%.
        let changes =
            |l: &str| ends_with_verb(l, w).is_some() || ends_with_verb(l, &words.growth).is_some();
        if changes(&qb.label_text) || changes(&qa.label_text) || !previous_label(qa, qb, w) {
            return None;
        }
        (false, false)
    };
    Some(PointChange {
        stated: Some(k),
        down,
        verb,
        current: b,
        current_down,
        previous: a,
        previous_down,
        basis: PointsBasis::CurrentPrevious,
        loose,
    })
}

/// The direction of the verb a label ends with (`规模以上工业总产值增长` → up).
fn ends_with_verb(label: &str, words: &ChangeWords) -> Option<bool> {
    let l = label.trim_end_matches('了');
    if words.down_verbs.iter().any(|v| l.ends_with(v.as_str())) {
        Some(true)
    } else if words.up_verbs.iter().any(|v| l.ends_with(v.as_str())) {
        Some(false)
    } else {
        None
    }
}

/// `由58.3%提高到60.1%` with no points after it: only the verb is checked.
fn bare_from_to(
    qs: &[Quantity],
    words: &PointWords,
    k: usize,
    a: usize,
    next: Option<&usize>,
) -> Option<PointChange> {
    if next.is_some_and(|&n| is_points(&qs[n])) {
        return None;
    }
    let (to, from) = (&qs[k], &qs[a]);
    if !is_rate(to) || !is_rate(from) {
        return None;
    }
    let w = &words.change;
    if !from_label(&from.label_text, w) || !to_label(&to.label_text, w) {
        return None;
    }
    let l = to.label_text.trim_end_matches('的');
    let (down, verb) = w
        .up_verbs
        .iter()
        .map(|v| (false, v.as_str()))
        .chain(w.down_verbs.iter().map(|v| (true, v.as_str())))
        .find(|(_, v)| l.starts_with(v))
        .map(|(d, v)| (d, super::change::verb_name(v)))
        .or_else(|| match l.chars().next() {
            Some('降' | '减') => Some((true, "")),
            Some('增' | '升') => Some((false, "")),
            _ => None,
        })?;
    Some(PointChange {
        stated: None,
        down,
        verb,
        current: k,
        current_down: false,
        previous: a,
        previous_down: false,
        basis: PointsBasis::FromTo,
        loose: to.approx != Approx::Exact || from.approx != Approx::Exact,
    })
}

/// A rate's interval, signed: `下降2.1%` is [−2.15, −2.05].
fn signed_interval(q: &Quantity, down: bool) -> Option<Interval> {
    let i = Interval::of(q)?;
    Some(if down { Interval::new(-i.hi, -i.lo) } else { i })
}

impl PointChange {
    /// The difference current − previous the rates allow, in points, and the
    /// difference of the printed figures.
    pub fn difference(&self, qs: &[Quantity]) -> Option<(Interval, Decimal)> {
        let c = signed_interval(&qs[self.current], self.current_down)?;
        let p = signed_interval(&qs[self.previous], self.previous_down)?;
        let sign = |down: bool, v: Decimal| if down { -v } else { v };
        let value = sign(self.current_down, qs[self.current].value)
            .checked_sub(sign(self.previous_down, qs[self.previous].value))?;
        Some((c.minus(p)?, value))
    }

    /// The change the stated figure allows, signed (`回落1.1个百分点` is
    /// [−1.15, −1.05]); for a bare `由…提高到…`, any rise (or any fall).
    pub fn stated_bounds(&self, qs: &[Quantity]) -> Bounds {
        match self.stated {
            Some(s) => {
                let b = qs[s].bounds();
                if self.down {
                    Bounds {
                        lo: b.hi.map(|v| -v),
                        hi: b.lo.map(|v| -v),
                    }
                } else {
                    b
                }
            }
            None if self.down => Bounds {
                lo: None,
                hi: Some(Decimal::ZERO),
            },
            None => Bounds {
                lo: Some(Decimal::ZERO),
                hi: None,
            },
        }
    }
}
