//! Complementary pairs (shape B9): a figure for what was done and one for
//! what was not (`起诉257件，不起诉67件`; `批准逮捕10件，不批准逮捕3件`;
//! `立案205件，…，不予立案12件`) divide the figure before them that names
//! the same act (`审结审查起诉案件326件`, `受理审查逮捕案件13件`): together
//! they cannot exceed it. Other outcomes may exist (`附条件不起诉`,
//! `并案`), so the pair is never taken to cover its total.

use super::breakdown::{can_be_part, can_be_total, BreakdownOptions};
use super::label::{longest_common_run, trim_tail};
use super::{Breakdown, BreakdownKind, Doc};
use crate::quantity::{Approx, Quantity, Role};
use crate::span::Span;

/// Words that negate the act a label names.
const NEGATIONS: [&str; 4] = ["不予", "没有", "不", "未"];

/// Words that open a label without naming the act (`共起诉`, `决定不起诉`).
const OPENERS: [&str; 9] = [
    "其中",
    "经审查后",
    "经审查",
    "共计",
    "共",
    "决定",
    "依法",
    "对其",
    "均",
];

/// How many figures before the first of the pair are searched for the total.
const FIGURES_BACK: usize = 12;

/// The act a label names, without what only introduces it.
fn core(label: &str) -> &str {
    let mut l = label.trim_start_matches(['，', ',', '、', '；', ';', '。', '：', ':']);
    loop {
        let before = l;
        for w in OPENERS {
            l = l.strip_prefix(w).unwrap_or(l);
        }
        l = l.trim_start_matches(['，', ',']);
        if l == before {
            break;
        }
    }
    trim_tail(l)
}

/// The act a negated label names (`不起诉` → `起诉`), if it is one.
fn negated(label: &str) -> Option<&str> {
    let c = core(label);
    NEGATIONS
        .iter()
        .find_map(|n| c.strip_prefix(n))
        .filter(|act| act.chars().count() >= 2)
}

fn usable(q: &Quantity) -> bool {
    q.is_additive_level() && q.approx == Approx::Exact
}

/// Every complementary pair of the draft with the total it divides.
pub(super) fn complement_breakdowns(doc: &Doc<'_>, opts: &BreakdownOptions) -> Vec<Breakdown> {
    let qs = doc.quantities;
    let mut out = Vec::new();
    for (b, nq) in qs.iter().enumerate() {
        let Some(act) = negated(&nq.label_text) else {
            continue;
        };
        if !usable(nq) || !opts.ends_statement(nq) {
            continue;
        }
        // The positive figure: the nearest before it of its unit, in its
        // paragraph, whose act is the same (`起诉各类犯罪` for `起诉`).
        let same_unit = |i: usize| {
            qs[i].location.paragraph == nq.location.paragraph
                && qs[i].display_unit == nq.display_unit
        };
        let Some(a) = (b.saturating_sub(FIGURES_BACK)..b)
            .rev()
            .filter(|&i| same_unit(i))
            .find(|&i| core(&qs[i].label_text).starts_with(act))
        else {
            continue;
        };
        let pq = &qs[a];
        if !usable(pq) || !opts.ends_statement(pq) || negated(&pq.label_text).is_some() {
            continue;
        }
        // Nothing of the unit between them but the pair.
        if (a + 1..b).any(&same_unit) {
            continue;
        }
        // The total: the nearest figure before the positive one whose label
        // names the act (`审查起诉案件` for `起诉`, `审查逮捕案件` for `批准逮捕`).
        let Some(t) = (a.saturating_sub(FIGURES_BACK)..a)
            .rev()
            .filter(|&i| same_unit(i))
            .find(|&i| {
                let tq = &qs[i];
                tq.role == Role::Level
                    && negated(&tq.label_text).is_none()
                    && longest_common_run(core(&tq.label_text), act) >= 2
            })
        else {
            continue;
        };
        let tq = &qs[t];
        if !can_be_total(doc, tq)
            || tq.approx != Approx::Exact
            || !can_be_part(tq, pq)
            || !can_be_part(tq, nq)
        {
            continue;
        }
        out.push(Breakdown {
            kind: BreakdownKind::Listed,
            marker: Span::new(nq.label.start, nq.label.start),
            total: t,
            parts: vec![a, b],
            cover: None,
            overlapping: false,
        });
    }
    out
}
