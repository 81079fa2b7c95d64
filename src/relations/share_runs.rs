//! Runs of sibling shares: `经济建设方面提案1613件，占立案总数的36.35%；政治建设
//! 方面提案437件，占9.85%；…`, `视力残疾35.6万人，占16.10%；听力残疾61.3万人，
//! 占27.73%；…`. The items of a list, each a figure with its share, are
//! shares of one base: the one the list names once (the first item's
//! `占立案总数的`), the total of the breakdown some of them belong to, or the
//! figure stated before the list that most of them fit. A share that does
//! not fit what its siblings fit is reported even when some other figure
//! of the draft would fit it alone.
//!
//! When no stated figure is the base, the shares of one base must still
//! agree with each other: each part divided by its share gives the base it
//! implies, and those must overlap (`住房公积金114.31亿元，占归集额的77%；补充
//! 住房公积金33.67亿元，占归集额的23%`: both imply about 147亿元).
//!
//! A list item opened by `其中` inside a list (`…，占24.78%，其中65岁及以上
//! 13366人，占17.64%；…`) starts a nested list whose shares may be of the
//! parent or of the whole: nested lists are not read; the outer list goes
//! on after a `；` or a line break.

use rust_decimal::Decimal;

use super::share::{is_amount, lead_scope, name_of, years, Share, ShareOptions, ShareStatement};
use super::Doc;
use crate::quantity::{Approx, Bounds};
use crate::span::Span;

/// Shares of one base that is not stated, whose implied bases must agree.
#[derive(Debug, Clone)]
pub struct ImpliedGroup {
    /// `(part, stated share)` of each member: the part's index in
    /// [`Doc::quantities`] and the share as stated.
    pub members: Vec<(usize, Span, Bounds)>,
    /// The base's name when the shares name one.
    pub base_name: String,
}

fn gapless(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The runs of sibling statements: indices into `stmts`, each run of two or
/// more, in order; nested runs (opened by `其中` inside a list) left out.
fn runs(doc: &Doc<'_>, opts: &ShareOptions, stmts: &[ShareStatement]) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut current: Vec<usize> = Vec::new();
    // The run a nested one interrupted, and whether we are in a nested run.
    let mut outer: Option<Vec<usize>> = None;
    let flush = |run: &mut Vec<usize>, out: &mut Vec<Vec<usize>>| {
        if run.len() >= 2 {
            out.push(std::mem::take(run));
        } else {
            run.clear();
        }
    };
    // The pairs of a `分别` list are one run, when they are of one base.
    let mut lists: Vec<(usize, Vec<usize>)> = Vec::new();
    for (k, s) in stmts.iter().enumerate() {
        if let Some(id) = s.list {
            match lists.iter_mut().find(|(i, _)| *i == id) {
                Some((_, v)) => v.push(k),
                None => lists.push((id, vec![k])),
            }
        }
    }
    for (_, run) in lists {
        let one_base = run.iter().all(|&k| {
            stmts[k].inline_base.is_none() && stmts[k].base_name == stmts[run[0]].base_name
        });
        if one_base && run.len() >= 2 && !own_plan(opts, &stmts[run[0]].shown_base) {
            out.push(run);
        }
    }
    let mut prev: Option<usize> = None;
    for (k, s) in stmts.iter().enumerate() {
        if s.list.is_some() {
            continue;
        }
        let Some(part) = s
            .part
            .filter(|_| s.part_near && !own_plan(opts, &s.shown_base))
        else {
            // A share with no part of its own ends every run.
            if outer.is_some() {
                current.clear();
                if let Some(mut o) = outer.take() {
                    flush(&mut o, &mut out);
                }
            } else {
                flush(&mut current, &mut out);
            }
            prev = None;
            continue;
        };
        let q = &doc.quantities[part];
        let label = q
            .label_text
            .trim_start_matches(['，', ',', '；', ';', '。']);
        // `其中` between the share before and this part opens a nested list
        // (`…，占24.78%，其中65岁及以上人口为13366人`).
        let nested_opener = match prev {
            Some(p) => {
                let from = stmts[p].stated.span.end;
                gapless(&doc.text[from..q.full_span.start.max(from)]).contains("其中")
            }
            None => false,
        };
        let continues = prev.is_some_and(|p| {
            let ps: &ShareStatement = &stmts[p];
            let pq = &doc.quantities[ps.part.expect("run members have parts")];
            ps.paragraph == s.paragraph
                && ps.sentence == s.sentence
                && pq.dimension() == q.dimension()
                && part > ps.part.expect("part")
                && q.full_span.start >= ps.stated.span.end
                && !label.starts_with(['、', '和', '及'])
                && (ps.base_name.is_empty()
                    || s.base_name.is_empty()
                    || ps.base_name == s.base_name)
        });
        if let Some(p) = prev.filter(|_| continues) {
            if stmts[p].part == s.part {
                // A second share of the same part (`占调整预算p%，占收入的q%`).
                continue;
            }
            let gap =
                &doc.text[stmts[p].stated.span.end..q.label.start.max(stmts[p].stated.span.end)];
            if nested_opener {
                // A nested list: the outer run waits.
                if outer.is_none() {
                    outer = Some(std::mem::take(&mut current));
                } else {
                    current.clear();
                }
                current.push(k);
                prev = Some(k);
                continue;
            }
            if outer.is_some() {
                if gap.contains(['；', ';', '\n']) {
                    // Back to the outer list.
                    current = outer.take().expect("outer");
                    let ok = current.last().is_some_and(|&l| {
                        let ls = &stmts[l];
                        ls.base_name.is_empty()
                            || s.base_name.is_empty()
                            || ls.base_name == s.base_name
                    });
                    if !ok {
                        flush(&mut current, &mut out);
                    }
                    current.push(k);
                } else {
                    current.push(k);
                }
                prev = Some(k);
                continue;
            }
            current.push(k);
        } else {
            if outer.is_some() {
                current.clear();
                if let Some(mut o) = outer.take() {
                    flush(&mut o, &mut out);
                }
            } else {
                flush(&mut current, &mut out);
            }
            current.push(k);
        }
        prev = Some(k);
    }
    if outer.is_some() {
        if let Some(mut o) = outer.take() {
            flush(&mut o, &mut out);
        }
    } else {
        flush(&mut current, &mut out);
    }
    out
}

/// True when the paragraph of a statement states, before its part, a
/// larger figure of the part's kind: a total of its own (`全年共支出城市低保
/// 资金674.3亿元，…，其中中央补助资金439.1亿元，占总支出的65.1%`).
fn local_total(doc: &Doc<'_>, s: &ShareStatement) -> bool {
    let Some(p) = s.part else { return false };
    let a = &doc.quantities[p];
    doc.in_paragraph(s.paragraph).any(|i| {
        let q = &doc.quantities[i];
        i < p && is_amount(q) && q.dimension() == a.dimension() && q.value > a.value
    })
}

/// A base each part has of its own: a plan, a budget, a target
/// (`占调整预算100.93%`, `为年度目标的…`): shares of it are not of one base.
fn own_plan(opts: &ShareOptions, name: &str) -> bool {
    // `支出总预算` is the whole's, not each part's.
    !name.contains('总') && opts.inline_nouns.iter().any(|n| name.contains(n.as_str()))
}

/// `part ÷ base × 100` meets the stated share's interval.
pub(super) fn fits(doc: &Doc<'_>, part: usize, base: usize, stated: &Bounds) -> bool {
    let a = doc.quantities[part].bounds();
    let b = doc.quantities[base].bounds();
    a.percent_of(&b).meets(stated)
}

/// The base a run's shares are of, when the draft states it: the base its
/// resolved members agree on, else (when no member names a base) the
/// figure stated before the run that most members fit, more than half of
/// them and two at least.
fn run_base(
    doc: &Doc<'_>,
    opts: &ShareOptions,
    stmts: &[ShareStatement],
    shares: &[Share],
    run: &[usize],
) -> Option<usize> {
    let resolved: Vec<&Share> = run
        .iter()
        .filter_map(|&k| stmts[k].share.map(|i| &shares[i]))
        .filter(|s| !s.lead)
        .collect();
    if let Some(first) = resolved.first() {
        return resolved
            .iter()
            .all(|s| doc.quantities[s.base].value == doc.quantities[first.base].value)
            .then_some(first.base);
    }
    if run.iter().any(|&k| !stmts[k].base_name.is_empty()) {
        // The list names its base but it was not found.
        return None;
    }
    let parts: Vec<usize> = run.iter().filter_map(|&k| stmts[k].part).collect();
    let first = *parts.first()?;
    let a = &doc.quantities[first];
    let max_part = parts
        .iter()
        .map(|&p| doc.quantities[p].value)
        .max()
        .unwrap_or_default();
    let sum: Decimal = parts.iter().map(|&p| doc.quantities[p].value).sum();
    let pi = a.location.paragraph;
    let (first_para, section, sentence_years) = lead_scope(doc, a);
    let candidates: Vec<usize> = (first_para..=pi)
        .filter(|&p| doc.draft.paragraphs[p].section == section)
        .flat_map(|p| doc.in_paragraph(p))
        .filter(|&i| i < first)
        .filter(|&i| {
            let q = &doc.quantities[i];
            let ys = years(&q.label_text);
            let b = q.bounds();
            is_amount(q)
                && q.approx == Approx::Exact
                && q.dimension() == a.dimension()
                && q.value > max_part
                && b.hi.is_none_or(|h| h >= sum)
                && (ys.is_empty() || ys.iter().all(|y| sentence_years.contains(y)))
                && !opts
                    .narrowing
                    .iter()
                    .any(|w| q.label_text.contains(w.as_str()))
        })
        .collect();
    let members: Vec<(usize, &Bounds)> = run
        .iter()
        .filter_map(|&k| stmts[k].part.map(|p| (p, &stmts[k].stated.bounds)))
        .collect();
    let score = |c: usize| {
        members
            .iter()
            .filter(|(p, st)| fits(doc, *p, c, st))
            .count()
    };
    let best = candidates.iter().map(|&c| score(c)).max()?;
    if best < 2 || best * 2 <= members.len() {
        return None;
    }
    let winners: Vec<usize> = candidates
        .iter()
        .copied()
        .filter(|&c| score(c) == best)
        .collect();
    let v = doc.quantities[*winners.last()?].value;
    if winners.iter().any(|&w| doc.quantities[w].value != v) {
        return None;
    }
    winners.last().copied()
}

/// Reads the runs of sibling shares: members whose base was not found, or
/// was only guessed as a lead total, get the base of their run (a share
/// with `sibling` set); runs and shares of one named base that is not
/// stated give groups whose implied bases must agree.
pub(super) fn apply(
    doc: &Doc<'_>,
    opts: &ShareOptions,
    shares: &mut Vec<Share>,
    stmts: &mut [ShareStatement],
) -> Vec<ImpliedGroup> {
    let mut implied = Vec::new();
    let mut grouped: Vec<bool> = vec![false; stmts.len()];
    for run in runs(doc, opts, stmts) {
        match run_base(doc, opts, stmts, shares, &run) {
            Some(base) => {
                let fitting = run
                    .iter()
                    .filter(|&&k| {
                        stmts[k]
                            .part
                            .is_some_and(|p| fits(doc, p, base, &stmts[k].stated.bounds))
                    })
                    .count();
                for &k in &run {
                    let s = &stmts[k];
                    let Some(part) = s.part else { continue };
                    let firm = s.share.is_some_and(|i| !shares[i].lead);
                    if firm || part == base {
                        continue;
                    }
                    // A part larger than the base its siblings fit is
                    // reported too (`男性14.46亿人，占全国总人口的51.24%`
                    // of 14.12亿人).
                    let b = &doc.quantities[base];
                    let share = Share {
                        stated: s.stated.clone(),
                        part,
                        base,
                        part_name: name_of(&doc.quantities[part]),
                        base_name: name_of(b),
                        sure: false,
                        other_bases: Vec::new(),
                        base_share: None,
                        lead: false,
                        listed: false,
                        sibling: Some((fitting, run.len())),
                    };
                    match s.share {
                        Some(i) => shares[i] = share,
                        None => {
                            stmts[k].share = Some(shares.len());
                            shares.push(share);
                        }
                    }
                }
            }
            None => {
                let members: Vec<(usize, Span, Bounds)> = run
                    .iter()
                    .filter_map(|&k| {
                        let s = &stmts[k];
                        s.part.map(|p| (p, s.stated.span, s.stated.bounds))
                    })
                    .collect();
                for &k in &run {
                    grouped[k] = true;
                }
                let base_name = run
                    .iter()
                    .map(|&k| stmts[k].base_name.clone())
                    .find(|n| !n.is_empty())
                    .unwrap_or_default();
                implied.push(ImpliedGroup { members, base_name });
            }
        }
    }
    // Shares of one base named alike in a sentence, none found.
    let mut seen: Vec<bool> = vec![false; stmts.len()];
    for k in 0..stmts.len() {
        let s = &stmts[k];
        if seen[k]
            || grouped[k]
            || s.share.is_some()
            || s.base_name.chars().count() < 2
            || own_plan(opts, &s.shown_base)
        {
            continue;
        }
        let Some(p) = s.part else { continue };
        let dim = doc.quantities[p].dimension();
        let mut members = vec![(p, s.stated.span, s.stated.bounds)];
        // Sentences of one paragraph too (`（一）…，占支出总预算78.33%。（二）…，
        // 占支出总预算10.73%。`), when the name is a long one and no sentence
        // of theirs states a total of its own before the part.
        // Numbered items one a paragraph alike (`（一）…。（二）…。`), paragraph
        // after paragraph.
        let across = s.base_name.chars().count() >= 4 && !local_total(doc, s);
        let mut last_para = s.paragraph;
        for j in k + 1..stmts.len() {
            let t = &stmts[j];
            // Paragraphs between them hold no figures (`其中：`).
            let gap_has_figures =
                (last_para + 1..t.paragraph).any(|q| !doc.in_paragraph(q).is_empty());
            if gap_has_figures || (t.paragraph != s.paragraph && !across) {
                break;
            }
            if (t.sentence != s.sentence || t.paragraph != s.paragraph)
                && (!across || local_total(doc, t))
            {
                continue;
            }
            if grouped[j] || t.share.is_some() || t.base_name != s.base_name {
                continue;
            }
            let Some(tp) = t.part else { continue };
            if doc.quantities[tp].dimension() != dim || members.iter().any(|m| m.0 == tp) {
                continue;
            }
            seen[j] = true;
            last_para = t.paragraph;
            members.push((tp, t.stated.span, t.stated.bounds));
        }
        if members.len() >= 2 {
            implied.push(ImpliedGroup {
                members,
                base_name: s.base_name.clone(),
            });
        }
    }
    implied
}
