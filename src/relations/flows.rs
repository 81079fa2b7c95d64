//! Changes and flows that must add up (shape B8):
//!
//! - a level, the earlier level it is compared with and the change between
//!   them (`常住人口为746389人，与2010年的703428人相比，增加42961人`;
//!   `由163737公里增加到168071公里，净增4335公里`;
//!   `…为2.71人。比2010年的2.96人减少0.25人`): the level is the earlier
//!   level plus the increase, or minus the decrease;
//! - the changes, in percentage points, of the shares of every member of a
//!   partition or of age bands that cover every age
//!   (`第一产业下降0.3个百分点，第二产业下降0.5个百分点，第三产业上升0.8个百分点`):
//!   shares of one whole always add up to 100, so their changes net to zero;
//! - the changes of the parts of a breakdown that covers its total, each
//!   stated right after its part with the same comparison
//!   (`参保人数91548万人，比上年末增加2771万人。其中，职工…40293万人，比上年末
//!   增加2364万人；居民…51255万人，比上年末增加408万人`): they add up to the
//!   change of the total.
//!
//! Each is a [`Flow`]: signed terms that must add up to a stated figure.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

use super::label::{age_band, bands_cover};
use super::{Breakdown, BreakdownKind, Doc};
use crate::quantity::{Approx, Form, Quantity, Role};
use crate::span::Span;

/// Verbs of a rise, written right before a change (`增加42961人`).
const UP: &[&str] = &[
    "增加", "增长", "上升", "提高", "净增", "增多", "升高", "回升", "扩大",
];

/// Verbs of a fall (`减少30781人`).
const DOWN: &[&str] = &["减少", "下降", "降低", "净减", "减", "回落", "缩小", "下滑"];

/// Verbs that end the label of the level a `由…` statement reaches
/// (`由163737公里增加到168071公里`).
const TO_VERBS: &[&str] = &[
    "增加到",
    "增加至",
    "增至",
    "增长到",
    "增长至",
    "提高到",
    "提高至",
    "上升到",
    "上升至",
    "减少到",
    "减少至",
    "减至",
    "下降到",
    "下降至",
    "降低到",
    "降低至",
    "降至",
    "扩大到",
    "缩小到",
];

/// What a flow relation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlowKind {
    /// A level, the earlier level and the change between them.
    Level,
    /// Changes of the shares of a whole, in percentage points: they net to
    /// zero.
    Shares,
    /// Changes of the parts of a covering breakdown and of its total.
    Parts,
}

/// Signed figures that must add up to a stated one (or to zero).
#[derive(Debug, Clone)]
pub struct Flow {
    /// What relation this is.
    pub kind: FlowKind,
    /// The figure the terms must add up to; `None` for zero.
    pub stated: Option<usize>,
    /// The terms, each with its sign (`true` subtracts it).
    pub terms: Vec<(usize, bool)>,
    /// What the terms are, for messages (`常住人口`, `三次产业`).
    pub name: String,
}

/// The sign a change label gives its figure: `Some(true)` for a fall,
/// `Some(false)` for a rise, `None` when the label is no bare change (a
/// comparison and a verb at most: `比上年增加`, `相比，减少了`, `间净增`).
fn change_sign(label: &str) -> Option<bool> {
    let l = label.trim_end_matches('了');
    let verb = UP
        .iter()
        .map(|v| (v, false))
        .chain(DOWN.iter().map(|v| (v, true)))
        .filter(|(v, _)| l.ends_with(**v))
        .max_by_key(|(v, _)| v.len())?;
    let before = &l[..l.len() - verb.0.len()];
    (before.chars().count() <= 12).then_some(verb.1)
}

/// Every flow relation of the draft. `breakdowns` are its breakdowns (for
/// the changes of covering parts).
pub fn flows(doc: &Doc<'_>, breakdowns: &[Breakdown]) -> Vec<Flow> {
    let mut out = level_changes(doc);
    out.extend(share_changes(doc));
    out.extend(part_changes(doc, breakdowns));
    out
}

fn is_level(q: &Quantity) -> bool {
    q.form == Form::Amount && q.unit.is_some() && !q.in_parens && q.approx == Approx::Exact
}

/// `L，与…的P相比，增加C`, `L，比…的P减少C`, `由P增加到L，净增C`, and
/// `L。比…的P减少C` (the comparison opening the next sentence).
fn level_changes(doc: &Doc<'_>) -> Vec<Flow> {
    let qs = doc.quantities;
    let mut out = Vec::new();
    for (pi, para) in doc.draft.paragraphs.iter().enumerate() {
        for si in 0..para.sentences.len() {
            let figures: Vec<usize> = doc.in_sentence(pi, si).collect();
            for (k, &c) in figures.iter().enumerate() {
                let change = &qs[c];
                if !is_level(change) || change.role != Role::Change {
                    continue;
                }
                let Some(down) = change_sign(&change.label_text) else {
                    continue;
                };
                // The figures of the change's dimension before it, nearest
                // first, in its sentence.
                let same =
                    |i: &usize| qs[*i].dimension() == change.dimension() && !qs[*i].in_parens;
                let before: Vec<usize> = figures[..k].iter().rev().copied().filter(same).collect();
                let Some(&p) = before.first() else {
                    continue;
                };
                let prev = &qs[p];
                if !is_level(prev) {
                    continue;
                }
                let from = prev.label_text.ends_with('由') || prev.label_text.ends_with('从');
                let compared = prev.role == Role::Previous
                    || prev.label_text.starts_with('比')
                    || prev.label_text.starts_with('较');
                let (current, previous) = if compared {
                    // L … P … C: the level before the comparison, in the
                    // sentence or, when the comparison opens it, the one
                    // before.
                    let level = match before.get(1) {
                        Some(&l) => Some(l),
                        None if figures.first() == Some(&p) && si > 0 => {
                            doc.in_sentence(pi, si - 1).filter(|i| same(i)).last()
                        }
                        None => None,
                    };
                    match level {
                        Some(l) => (l, p),
                        None => continue,
                    }
                } else if TO_VERBS.iter().any(|v| prev.label_text.ends_with(v)) {
                    // 由P增加到L，净增C: `prev` is the level reached.
                    match before.get(1) {
                        Some(&from_at)
                            if qs[from_at].label_text.ends_with('由')
                                || qs[from_at].label_text.ends_with('从') =>
                        {
                            (p, from_at)
                        }
                        _ => continue,
                    }
                } else {
                    let _ = from;
                    continue;
                };
                let cur = &qs[current];
                if !is_level(cur) || cur.role == Role::Change || cur.role == Role::Previous {
                    continue;
                }
                if !is_level(&qs[previous]) {
                    continue;
                }
                // current = previous ± change.
                let name = super::label::trim_tail(&cur.label_text).to_string();
                out.push(Flow {
                    kind: FlowKind::Level,
                    stated: Some(current),
                    terms: vec![(previous, false), (c, down)],
                    name,
                });
            }
        }
    }
    out
}

/// A share's member: (partition or usize::MAX for ages, member, age band).
type ShareMember = (
    usize,
    usize,
    Option<(rust_decimal::Decimal, Option<rust_decimal::Decimal>)>,
);

/// The member of a partition, or the age band, a percentage-point change
/// of a share names (`第一产业下降0.3个百分点`, `0-14岁人口的比重下降了2.10
/// 个百分点`): (partition or usize::MAX for ages, member).
fn share_member(doc: &Doc<'_>, i: usize) -> Option<ShareMember> {
    let q = &doc.quantities[i];
    let before = i
        .checked_sub(1)
        .map(|b| &doc.quantities[b])
        .filter(|b| b.location == q.location);
    if let Some(band) = before.and_then(age_band) {
        return Some((usize::MAX, 0, Some(band)));
    }
    let label = q
        .label_text
        .trim_start_matches(['，', ',', '、', '；', ';']);
    doc.partitions
        .iter()
        .enumerate()
        .find_map(|(p, part)| part.member_of(label).map(|m| (p, m, None)))
}

/// Changes in percentage points of the shares of a whole's members: every
/// member of a partition (or age bands covering every age), each once, one
/// after the other in a paragraph.
fn share_changes(doc: &Doc<'_>) -> Vec<Flow> {
    let qs = doc.quantities;
    let mut out = Vec::new();
    for pi in 0..doc.draft.paragraphs.len() {
        let points: Vec<usize> = doc
            .in_paragraph(pi)
            .filter(|&i| qs[i].display_unit == "个百分点" && qs[i].approx == Approx::Exact)
            .collect();
        let mut k = 0;
        while k < points.len() {
            let Some((p, _, _)) = share_member(doc, points[k]) else {
                k += 1;
                continue;
            };
            let mut terms = Vec::new();
            let mut seen: HashMap<usize, ()> = HashMap::new();
            let mut bands = Vec::new();
            let mut done = false;
            for &i in &points[k..] {
                let Some((p2, m, band)) = share_member(doc, i) else {
                    break;
                };
                let Some(down) = change_sign(&qs[i].label_text) else {
                    break;
                };
                if p2 != p || seen.insert(m, ()).is_some() && p != usize::MAX {
                    break;
                }
                terms.push((i, down));
                if p == usize::MAX {
                    bands.extend(band);
                    if bands.len() >= 2 && bands_cover(&bands) {
                        done = true;
                        break;
                    }
                } else if seen.len() == doc.partitions[p].members.len() {
                    done = true;
                    break;
                }
            }
            if done && terms.len() >= 2 {
                let name = if p == usize::MAX {
                    "年龄组".to_string()
                } else {
                    doc.partitions[p].name.clone()
                };
                k += terms.len();
                out.push(Flow {
                    kind: FlowKind::Shares,
                    stated: None,
                    terms,
                    name,
                });
            } else {
                k += 1;
            }
        }
    }
    out
}

/// The change stated right after a figure, in its clause or the next one
/// of its sentence, before any other figure of its dimension: (the change,
/// it is a fall, the comparison it names).
fn change_after(doc: &Doc<'_>, i: usize) -> Option<(usize, bool, String)> {
    let qs = doc.quantities;
    let q = &qs[i];
    let next = qs[i + 1..]
        .iter()
        .enumerate()
        .map(|(k, n)| (i + 1 + k, n))
        .filter(|(_, n)| n.location.paragraph == q.location.paragraph)
        .filter(|(_, n)| n.location.sentence == q.location.sentence)
        .find(|(_, n)| n.dimension() == q.dimension() && !n.in_parens)?;
    let (c, change) = next;
    if change.role != Role::Change
        || change.location.clause > q.location.clause + 1
        || !is_level(change)
    {
        return None;
    }
    let down = change_sign(&change.label_text)?;
    let l = change.label_text.trim_end_matches('了');
    let verb_len = UP
        .iter()
        .chain(DOWN)
        .filter(|v| l.ends_with(**v))
        .map(|v| v.len())
        .max()
        .unwrap_or(0);
    let comparison = l[..l.len() - verb_len]
        .trim_start_matches(['，', ',', '、'])
        .to_string();
    Some((c, down, comparison))
}

/// The changes of the parts of a breakdown whose parts cover its total (by
/// a partition, or by adding up to it as printed), when the total and every
/// part have one stated with the same comparison.
fn part_changes(doc: &Doc<'_>, breakdowns: &[Breakdown]) -> Vec<Flow> {
    let qs = doc.quantities;
    let mut out = Vec::new();
    // The groups one statement's parts were split into (a partition's
    // members, other parts) make one list here.
    // Indexed by (total, marker, kind) so that the grouping stays linear in
    // the number of breakdowns of a whole book.
    let mut lists: Vec<Breakdown> = Vec::new();
    let mut list_at: HashMap<(usize, Span, BreakdownKind), usize> = HashMap::new();
    for b in breakdowns {
        match list_at.entry((b.total, b.marker, b.kind)) {
            Entry::Occupied(at) => {
                let l = &mut lists[*at.get()];
                l.parts.extend(&b.parts);
                l.cover = None;
                l.overlapping |= b.overlapping;
            }
            Entry::Vacant(slot) => {
                slot.insert(lists.len());
                lists.push(Breakdown {
                    cover: None,
                    ..b.clone()
                });
            }
        }
    }
    let mut seen_totals = HashSet::new();
    for b in breakdowns.iter().chain(&lists) {
        if seen_totals.contains(&b.total) {
            continue;
        }
        if b.parts.len() < 2 {
            continue;
        }
        let covers = (b.cover.is_some() && !b.overlapping) || adds_up(doc, b);
        if !covers {
            continue;
        }
        let Some((tc, tdown, tcmp)) = change_after(doc, b.total) else {
            continue;
        };
        let mut terms = Vec::new();
        for &p in &b.parts {
            match change_after(doc, p) {
                Some((c, down, cmp)) if cmp == tcmp && c != tc => terms.push((c, down != tdown)),
                _ => {
                    terms.clear();
                    break;
                }
            }
        }
        if terms.len() == b.parts.len() {
            seen_totals.insert(b.total);
            out.push(Flow {
                kind: FlowKind::Parts,
                stated: Some(tc),
                terms,
                name: super::label::trim_tail(&qs[b.total].label_text).to_string(),
            });
        }
    }
    out
}

/// True when the parts as printed add up to the total within rounding (and
/// are all exact): they are then all of it.
fn adds_up(doc: &Doc<'_>, b: &Breakdown) -> bool {
    let t = &doc.quantities[b.total];
    let parts: Vec<&Quantity> = b.parts.iter().map(|&p| &doc.quantities[p]).collect();
    if t.approx != Approx::Exact || parts.iter().any(|p| p.approx != Approx::Exact) {
        return false;
    }
    let sum = crate::quantity::Bounds::sum(&parts.iter().map(|p| p.bounds()).collect::<Vec<_>>());
    let tb = t.bounds();
    sum.lo.is_some() && sum.hi.is_some() && !sum.entirely_above(&tb) && !sum.entirely_below(&tb)
}
