//! Totals stated after their parts with 合计, 共计 or 总计 (shape B6).
//!
//! - `壮族1266人、土家族184人、…、京族2人，合计2237人`: a clause that is
//!   nothing but the sum word and a figure closes a list; its parts are the
//!   figures of its unit from the start of the list (the sentence, a ；, or
//!   a 其中) up to it. The total is stated as their sum: they must add up to
//!   it exactly (within rounding).
//! - `…；畲族8673人；壮族…，合计2237人。全县少数民族人口合计10908人。`: a
//!   figure named with a sum word that opens its sentence sums the figures
//!   of its unit in the sentence before, each list there counted by its own
//!   stated sum, leaving out the members of a partition its label names the
//!   partner of (汉族 for 少数民族) and a total that 其中 divides. That
//!   reading is weaker than a sum in one sentence: `breakdown-sum` reports
//!   it as a warning.

use super::breakdown::{can_be_part, can_be_total, BreakdownOptions};
use super::{Breakdown, BreakdownKind, Cover, Doc};
use crate::quantity::{Approx, Quantity};
use crate::span::Span;

/// The words that state a sum.
const SUM_WORDS: [&str; 3] = ["合计", "共计", "总计"];

/// Every total stated after its parts with a sum word.
pub(super) fn summed_breakdowns(
    doc: &Doc<'_>,
    opts: &BreakdownOptions,
    earlier: &[Breakdown],
) -> Vec<Breakdown> {
    let mut out: Vec<Breakdown> = Vec::new();
    for (pi, para) in doc.draft.paragraphs.iter().enumerate() {
        for (si, sentence) in para.sentences.iter().enumerate() {
            for (ci, clause) in sentence.clauses.iter().enumerate() {
                let figures = doc.in_clause(pi, si, ci);
                let &[first, ..] = figures else { continue };
                let (norm, start) = doc.clause_text(clause);
                let t = &doc.quantities[first];
                if !can_be_total(doc, t) || t.approx != Approx::Exact {
                    continue;
                }
                let label = t.label_text.trim_start_matches(['，', ',', '、']);
                let bare = SUM_WORDS.iter().any(|w| {
                    label
                        .strip_prefix(w)
                        .is_some_and(|r| matches!(r, "" | "为" | "达"))
                });
                if bare && ci > 0 && norm.starts_with(label) {
                    if let Some(b) = closing_sum(doc, opts, (pi, si, ci), first, start) {
                        out.push(b);
                    }
                    continue;
                }
                if ci > 0 && norm.starts_with(label) {
                    if let Some(b) = noun_sum(doc, opts, (pi, si, ci), first, start) {
                        out.push(b);
                        continue;
                    }
                }
                let named_sum = SUM_WORDS.iter().any(|w| label.contains(w));
                if named_sum && ci == 0 && si > 0 && figures[0] == first {
                    let known: Vec<Breakdown> = earlier.iter().chain(&out).cloned().collect();
                    if let Some(b) = sentence_sum(doc, opts, &known, (pi, si), first, start) {
                        out.push(b);
                    }
                }
            }
        }
    }
    out
}

/// `…，合计T`: the parts are the figures of T's unit from the start of the
/// list to T's clause.
fn closing_sum(
    doc: &Doc<'_>,
    opts: &BreakdownOptions,
    (pi, si, ci): (usize, usize, usize),
    total: usize,
    start: usize,
) -> Option<Breakdown> {
    let clauses = &doc.draft.paragraphs[pi].sentences[si].clauses;
    let t = &doc.quantities[total];
    let mut parts = Vec::new();
    for c in (0..ci).rev() {
        let (norm, _) = doc.clause_text(&clauses[c]);
        let ends_list = clauses[c]
            .mark
            .is_some_and(|m| matches!(m.slice(doc.text), "；" | ";" | "：" | ":"));
        if c + 1 < ci && ends_list {
            break;
        }
        let mut here: Vec<usize> = doc
            .in_clause(pi, si, c)
            .iter()
            .copied()
            .filter(|&i| doc.quantities[i].display_unit == t.display_unit)
            .collect();
        if here.iter().any(|&i| {
            let q = &doc.quantities[i];
            !can_be_part(t, q) || !opts.ends_statement(q) || q.approx != Approx::Exact
        }) {
            return None;
        }
        here.reverse();
        parts.extend(here);
        if norm.starts_with("其中") {
            break;
        }
    }
    parts.reverse();
    (parts.len() >= 2).then(|| Breakdown {
        kind: BreakdownKind::Summed,
        marker: Span::new(start, start),
        total,
        parts,
        cover: Some(Cover::Stated),
        overlapping: false,
    })
}

/// Verbs a sum may name between 共 and its noun (`共发放补贴金`).
const SUM_VERBS: [&str; 10] = [
    "发放", "支付", "拨付", "投入", "完成", "支出", "兑现", "筹集", "募集", "下达",
];

/// `…补贴金额a元；…补贴金额b元，共发放补贴金T元`: a clause that opens with
/// 共 (共计, 合计, 总计), perhaps a verb, and a noun of two characters or
/// more sums the figures of T's unit before it in its sentence, when every
/// one of them names that noun. Weaker than a bare `合计T` closing a list:
/// kind [`BreakdownKind::SummedAfter`], reported as a warning.
fn noun_sum(
    doc: &Doc<'_>,
    opts: &BreakdownOptions,
    (pi, si, ci): (usize, usize, usize),
    total: usize,
    start: usize,
) -> Option<Breakdown> {
    let t = &doc.quantities[total];
    let label = t.label_text.trim_start_matches(['，', ',', '、']);
    let rest = ["共计", "合计", "总计", "共"]
        .iter()
        .find_map(|w| label.strip_prefix(w))?;
    let noun = SUM_VERBS
        .iter()
        .find_map(|v| rest.strip_prefix(v))
        .unwrap_or(rest)
        .trim_end_matches(['为', '达']);
    if noun.chars().count() < 2 {
        return None;
    }
    let mut parts = Vec::new();
    for c in 0..ci {
        for &i in doc.in_clause(pi, si, c) {
            let q = &doc.quantities[i];
            if q.display_unit != t.display_unit {
                continue;
            }
            if !q.label_text.contains(noun)
                || !can_be_part(t, q)
                || !opts.ends_statement(q)
                || q.approx != Approx::Exact
            {
                return None;
            }
            parts.push(i);
        }
    }
    (parts.len() >= 2).then(|| Breakdown {
        kind: BreakdownKind::SummedAfter,
        marker: Span::new(start, start),
        total,
        parts,
        cover: Some(Cover::Stated),
        overlapping: false,
    })
}

/// `X合计T` opening a sentence: the figures of T's unit in the sentence
/// before, each list there counted by its stated sum (a breakdown of
/// `found`), without a total 其中 divides there and without the figures
/// that name the partition partner of X.
fn sentence_sum(
    doc: &Doc<'_>,
    opts: &BreakdownOptions,
    found: &[Breakdown],
    (pi, si): (usize, usize),
    total: usize,
    start: usize,
) -> Option<Breakdown> {
    let t = &doc.quantities[total];
    let before: Vec<usize> = doc
        .in_sentence(pi, si - 1)
        .filter(|&i| doc.quantities[i].display_unit == t.display_unit)
        .collect();
    let summed: Vec<&Breakdown> = found
        .iter()
        .filter(|b| b.kind == BreakdownKind::Summed && before.contains(&b.total))
        .collect();
    let divided = |i: usize| {
        found.iter().any(|b| {
            b.total == i
                && b.kind != BreakdownKind::Summed
                && b.parts.iter().any(|p| before.contains(p))
        })
    };
    let mut parts = Vec::new();
    for &i in &before {
        let q: &Quantity = &doc.quantities[i];
        if summed.iter().any(|b| b.parts.contains(&i)) || divided(i) {
            continue;
        }
        if !can_be_part(t, q) || q.approx != Approx::Exact || !opts.ends_statement(q) {
            return None;
        }
        let partner = doc.partitions.iter().any(|p| {
            match (p.member_of(&t.label_text), p.member_of(&q.label_text)) {
                (Some(a), Some(b)) => a != b,
                _ => false,
            }
        });
        if partner {
            continue;
        }
        parts.push(i);
    }
    // The sentence before must be a list of the parts of what T names: the
    // parts name kinds of one thing, which a 其中 introduces there.
    let listed = doc.draft.paragraphs[pi].sentences[si - 1]
        .clauses
        .iter()
        .any(|c| doc.clause_text(c).0.starts_with("其中"));
    (listed && parts.len() >= 2).then(|| Breakdown {
        kind: BreakdownKind::SummedAfter,
        marker: Span::new(start, start),
        total,
        parts,
        cover: Some(Cover::Stated),
        overlapping: false,
    })
}
