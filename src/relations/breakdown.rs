//! Breakdowns: the options that steer how they are read, the entry point
//! that finds them all (`其中` in `qizhong.rs`, `分别为` in `fenbie.rs`), and
//! which figures may be a total or a part.

use super::{Breakdown, Doc};
use crate::quantity::{Form, Quantity, Role};

/// Word lists that steer breakdown extraction; the settings of the
/// `breakdown-sum` rule in `rules/arithmetic/breakdown-sum.toml`.
#[derive(Debug, Clone, Default)]
pub struct BreakdownOptions {
    /// A clause after 其中 that starts with one of these ends the breakdown.
    pub end_words: Vec<String>,
    /// A clause that starts with one of these starts another cut of the total.
    pub new_cut_words: Vec<String>,
    /// Part labels with one of these may overlap: they are not added up.
    pub overlap_words: Vec<String>,
    /// A clause that starts with one of these verbs is a new statement,
    /// unless the first part started with the same verb: it ends the
    /// breakdown when it states a figure in a total's unit, and is passed
    /// over otherwise.
    pub statement_verbs: Vec<String>,
    /// What may follow a part in its clause besides another figure.
    pub part_followers: Vec<String>,
    /// Words of a plan, a budget or an estimate (计划, 概算, 目标): a figure
    /// so named is not a part of a total that is not.
    pub plan_words: Vec<String>,
    /// Pairs of opposite words (存款/贷款, 收入/支出): a figure that names
    /// one of a pair is not a part of a total that names the other.
    pub opposites: Vec<Vec<String>>,
    /// Categories that contain others (`卫生技术人员` contains `执业医师`,
    /// `注册护士`): the first word of each list is the broader one; parts
    /// that name it and one of the others overlap.
    pub nested: Vec<Vec<String>>,
}

impl BreakdownOptions {
    /// True when `part_label` names a plan, a budget or the opposite of what
    /// `total_label` names: the figure is not a part of that total.
    pub fn foreign_to(&self, total_label: &str, part_label: &str) -> bool {
        let plan = |l: &str| self.plan_words.iter().any(|w| l.contains(w.as_str()));
        if plan(part_label) && !plan(total_label) {
            return true;
        }
        self.opposites.iter().any(|pair| {
            let has = |l: &str, w: &String| l.contains(w.as_str());
            matches!(pair.as_slice(), [a, b]
                if (has(total_label, a) && !has(total_label, b) && has(part_label, b) && !has(part_label, a))
                || (has(total_label, b) && !has(total_label, a) && has(part_label, a) && !has(part_label, b)))
        })
    }

    /// True when one label names a broader category and another one of the
    /// categories it contains (`卫生技术人员`, `执业医师`).
    pub fn nests(&self, labels: &[&str]) -> bool {
        self.nested.iter().any(|list| {
            let Some((broad, narrow)) = list.split_first() else {
                return false;
            };
            labels.iter().any(|l| l.contains(broad.as_str()))
                && labels.iter().any(|l| {
                    !l.contains(broad.as_str()) && narrow.iter().any(|n| l.contains(n.as_str()))
                })
        })
    }

    /// True when the figure ends its statement, as a part does: nothing but
    /// another figure, the clause end or a follower word comes after it.
    pub fn ends_statement(&self, q: &Quantity) -> bool {
        q.after.is_empty()
            || self
                .part_followers
                .iter()
                .any(|w| q.after.starts_with(w.as_str()))
    }
}

/// Every breakdown of the draft: `其中` breakdowns, then `分别为` lists.
pub fn breakdowns(doc: &Doc<'_>, opts: &BreakdownOptions) -> Vec<Breakdown> {
    let mut out = super::qizhong::qizhong_breakdowns(doc, opts);
    out.extend(super::fenbie::fenbie_lists(doc, opts));
    out.extend(super::parens::paren_breakdowns(doc, opts));
    out.extend(super::complement::complement_breakdowns(doc, opts));
    out.extend(super::item_records::item_breakdowns(doc));
    let mut summed = super::summed::summed_breakdowns(doc, opts, &out);
    out.append(&mut summed);
    let mut far = super::qizhong::far_cuts(doc, opts, &out);
    out.append(&mut far);
    let mut out = dedup(out);
    let distant = super::distant::distant_breakdowns(doc, &out);
    out.extend(distant);
    for b in &mut out {
        let labels: Vec<&str> = b
            .parts
            .iter()
            .map(|&p| doc.quantities[p].label_text.as_str())
            .collect();
        if part_equals_total(doc, b) || opts.nests(&labels) {
            b.overlapping = true;
            b.cover = None;
        }
    }
    out
}

/// True when one of several parts, after the first, states the total's own
/// value: the parts are not a division of the total but overlapping cuts of
/// it, the broader cut last (`履约项目71个，其中省外项目52个、市外项目71个`:
/// 市外 includes 省外). Each part is still checked against the total; they
/// are not added up. A first part as large as the total leaves nothing for
/// the parts after it (`公司36家，其中财产险公司36家，寿险公司18家`): the
/// parts are added up.
fn part_equals_total(doc: &Doc<'_>, b: &Breakdown) -> bool {
    let total = &doc.quantities[b.total];
    b.parts.len() >= 2
        && b.parts[1..].iter().any(|&p| {
            let q = &doc.quantities[p];
            q.value == total.value && q.step == total.step && q.approx == total.approx
        })
}

/// One breakdown per total and set of parts: a sentence may state the same
/// breakdown twice over (其中，A、B分别为…); the statement that shows the
/// parts to be exhaustive is kept.
fn dedup(found: Vec<Breakdown>) -> Vec<Breakdown> {
    let mut out: Vec<Breakdown> = Vec::new();
    let mut seen: std::collections::HashMap<(usize, Vec<usize>), usize> = Default::default();
    for b in found {
        let mut key = b.parts.clone();
        key.sort_unstable();
        match seen.get(&(b.total, key.clone())) {
            Some(&at) => {
                if out[at].cover.is_none() && b.cover.is_some() {
                    out[at] = b;
                }
            }
            None => {
                seen.insert((b.total, key), out.len());
                out.push(b);
            }
        }
    }
    out
}

/// A figure that can be the total of a breakdown: an additive level, or a
/// per-capita level that a component partition divides. A figure in Chinese
/// numerals (`五所`) counts only at the end of its clause, where it cannot be
/// part of a phrase (`三个代表`).
pub(super) fn can_be_total(doc: &Doc<'_>, q: &Quantity) -> bool {
    let level = q.form == Form::Amount
        && q.unit.as_ref().is_some_and(|u| u.additive)
        && q.role == Role::Level
        && !q.in_parens
        && (!q.in_words || q.after.is_empty());
    level
        && (!q.non_additive
            || doc
                .partitions
                .iter()
                .any(|p| !p.totals.is_empty() && p.applies_to(&q.label_text)))
}

/// A figure that can be a part of `total`: an additive level of the same
/// dimension (or of a unit the draft mixes with the total's, 个 and 家 for
/// institutions), and not a flow under a stock or a stock under a flow.
pub(super) fn can_be_part(total: &Quantity, q: &Quantity) -> bool {
    use crate::quantity::Timing::{Flow, Stock};
    let mixed = matches!((total.timing, q.timing), (Stock, Flow) | (Flow, Stock));
    let same_kind = match (&total.unit, &q.unit) {
        (Some(t), Some(u)) => t.mixes_with(u),
        _ => false,
    };
    q.is_additive_level() && same_kind && !mixed
}
