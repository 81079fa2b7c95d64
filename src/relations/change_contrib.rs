//! Contributions to growth: the contribution rates of the parts of a whole
//! (`三次产业对经济增长的贡献率分别为6.1%、38.4%和55.5%`), which add up to
//! 100%, and their pulls (`三次产业分别拉动经济增长0.3、1.6和2.4个百分点`),
//! which add up to the growth of the whole.
//!
//! Contributions are read only when the text says they cover the whole: a
//! word for the whole before a `分别` list (`三次产业`, `一二三产业`), or every
//! member named once (`第一产业…，第二产业…，第三产业…`).

use super::change::{sub_annual, ChangeWords};
use crate::quantity::{Approx, Form, Quantity};
use crate::relations::Doc;

/// Word lists for contributions (the settings of `contribution-sum`).
#[derive(Debug, Clone, Default)]
pub struct ContribWords {
    /// Words naming a contribution rate (贡献率).
    pub rate_words: Vec<String>,
    /// Words naming a pull in points (拉动).
    pub pull_words: Vec<String>,
    /// Words for a whole whose parts a `分别` list covers (三次产业).
    pub wholes: Vec<String>,
    /// The parts of the whole, each named once when stated one by one
    /// (第一产业, 第二产业, 第三产业).
    pub members: Vec<String>,
    /// Words naming the growth the pulls add up to (生产总值, 经济增长).
    pub total_words: Vec<String>,
    /// Growth verbs and comparisons of the total growth (`比上年增长4.3%`),
    /// and the sub-annual period words.
    pub growth: ChangeWords,
}

/// What the contributions add up to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Contribution rates: 100%.
    Hundred,
    /// Pulls: the growth of the whole, at this index; `down` for a fall.
    Growth {
        /// Index of the growth rate.
        total: usize,
        /// The growth is stated as a fall (下降).
        down: bool,
        /// It stands in the same sentence as the pulls.
        same_sentence: bool,
    },
}

/// Contributions that must add up to their target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contribution {
    /// Indices of the contributions, in order.
    pub parts: Vec<usize>,
    /// What they add up to.
    pub target: Target,
    /// Stated as one `分别` list in one clause.
    pub list: bool,
    /// A figure is approximate.
    pub loose: bool,
}

/// The contributions of a draft, in source order.
pub fn contributions(doc: &Doc<'_>, words: &ContribWords) -> Vec<Contribution> {
    let qs = doc.quantities;
    let mut out = Vec::new();
    for (pi, para) in doc.draft.paragraphs.iter().enumerate() {
        for (si, sentence) in para.sentences.iter().enumerate() {
            let st = sentence.span.slice(doc.text);
            let pulls = words.pull_words.iter().any(|w| st.contains(w.as_str()));
            let rates = words.rate_words.iter().any(|w| st.contains(w.as_str()));
            if !pulls && !rates {
                continue;
            }
            let seq: Vec<usize> = doc
                .in_sentence(pi, si)
                .filter(|&i| !qs[i].in_parens)
                .collect();
            let mut found = Vec::new();
            if rates {
                found.extend(list(doc, &seq, &words.rate_words, words, is_rate, is_rate));
                found.extend(one_by_one(qs, &seq, &words.rate_words, words, is_rate));
            }
            if pulls {
                let mut pull_sets =
                    list(doc, &seq, &words.pull_words, words, is_pull_item, is_points);
                pull_sets.extend(one_by_one(qs, &seq, &words.pull_words, words, is_points));
                for (parts, list) in pull_sets {
                    if let Some(target) = total_growth(doc, words, parts[0], sentence.span.start) {
                        out.push(make(qs, parts, target, list));
                    }
                }
            }
            for (parts, list) in found {
                out.push(make(qs, parts, Target::Hundred, list));
            }
        }
    }
    out
}

fn make(qs: &[Quantity], parts: Vec<usize>, target: Target, list: bool) -> Contribution {
    let mut loose = parts.iter().any(|&i| qs[i].approx != Approx::Exact);
    if let Target::Growth { total, .. } = target {
        loose |= qs[total].approx != Approx::Exact;
    }
    Contribution {
        parts,
        target,
        list,
        loose,
    }
}

fn is_rate(q: &Quantity) -> bool {
    q.form == Form::Percent
}

fn is_points(q: &Quantity) -> bool {
    q.unit.as_ref().is_some_and(|u| u.name == "个百分点")
}

/// An item of a pull list before the last (`0.3、1.6和2.4个百分点`): points,
/// or a bare number.
fn is_pull_item(q: &Quantity) -> bool {
    is_points(q) || (q.form == Form::Amount && q.unit.is_none())
}

/// True for a label that only joins list items (`、`, `和`).
fn joins(label: &str) -> bool {
    matches!(label, "、" | "和" | "及" | "与" | "以及" | "，" | ",")
}

/// `三次产业…分别为6.1%、38.4%和55.5%`: a run of figures in one clause
/// joined by `、`/`和`, the first after a keyword and `分别`, with a word for
/// the whole before the list in the sentence.
fn list(
    doc: &Doc<'_>,
    seq: &[usize],
    keywords: &[String],
    words: &ContribWords,
    item: fn(&Quantity) -> bool,
    last: fn(&Quantity) -> bool,
) -> Vec<(Vec<usize>, bool)> {
    let qs = doc.quantities;
    let mut out = Vec::new();
    let mut j = 0;
    while j < seq.len() {
        let first = &qs[seq[j]];
        let label = first.label_text.as_str();
        let keyed = label.contains("分别") && keywords.iter().any(|k| label.contains(k.as_str()));
        if !(keyed && item(first)) {
            j += 1;
            continue;
        }
        let mut run = vec![seq[j]];
        let mut k = j + 1;
        while let Some(&n) = seq.get(k) {
            let q = &qs[n];
            if q.location != first.location || !joins(&q.label_text) || !item(q) {
                break;
            }
            run.push(n);
            k += 1;
        }
        // The list ends on a figure of the kind (2.4个百分点), and a word for
        // the whole stands before it in its own clause: a whole named in an
        // earlier statement of the sentence (`一、二、三产业结构…，第二、第三
        // 产业…贡献率分别达…`) is not what the list covers.
        let Some(&end) = run.last() else { break };
        let loc = first.location;
        let clause = doc.clause(loc.paragraph, loc.sentence, loc.clause);
        let before = &doc.text[clause.span.start..first.span.start.max(clause.span.start)];
        if run.len() >= 2
            && last(&qs[end])
            && words.wholes.iter().any(|w| before.contains(w.as_str()))
        {
            out.push((run, true));
        }
        j = k;
    }
    out
}

/// `第一产业拉动经济增长0.3个百分点，第二产业拉动1.6个百分点，第三产业拉动2.4个百分点`:
/// figures of one kind whose labels name each member once, the first after
/// a keyword.
fn one_by_one(
    qs: &[Quantity],
    seq: &[usize],
    keywords: &[String],
    words: &ContribWords,
    kind: fn(&Quantity) -> bool,
) -> Vec<(Vec<usize>, bool)> {
    let member_of = |q: &Quantity| {
        let named: Vec<usize> = words
            .members
            .iter()
            .enumerate()
            .filter(|(_, m)| q.label_text.contains(m.as_str()))
            .map(|(i, _)| i)
            .collect();
        (named.len() == 1).then(|| named[0])
    };
    let mut out = Vec::new();
    let mut j = 0;
    while j < seq.len() {
        let first = &qs[seq[j]];
        let keyed = keywords
            .iter()
            .any(|k| first.label_text.contains(k.as_str()));
        let Some(m0) = member_of(first).filter(|_| keyed && kind(first)) else {
            j += 1;
            continue;
        };
        let mut seen = vec![m0];
        let mut run = vec![seq[j]];
        let mut k = j + 1;
        while let Some(&n) = seq.get(k) {
            let q = &qs[n];
            match member_of(q) {
                Some(m) if kind(q) && !seen.contains(&m) => {
                    seen.push(m);
                    run.push(n);
                }
                _ => break,
            }
            k += 1;
        }
        if seen.len() == words.members.len() && run.len() >= 2 {
            out.push((run, false));
        }
        j = k;
    }
    out
}

/// The direction of a growth label: a subject, an optional comparison and a
/// verb (`全年地区生产总值比上年增长` → up).
fn growth_verb(label: &str, words: &ChangeWords) -> Option<bool> {
    let l = label.trim_end_matches('了');
    if words.down_verbs.iter().any(|v| l.ends_with(v.as_str())) {
        Some(true)
    } else if words.up_verbs.iter().any(|v| l.ends_with(v.as_str())) {
        Some(false)
    } else {
        None
    }
}

/// The growth of the whole the pulls add up to: the nearest growth rate
/// before the first pull in its paragraph whose label, or the label of the
/// figure right before it, names the whole (`地区生产总值…比上年增长4.3%`), of
/// the same kind of period as the pulls' sentence.
fn total_growth(
    doc: &Doc<'_>,
    words: &ContribWords,
    first: usize,
    sentence_start: usize,
) -> Option<Target> {
    let qs = doc.quantities;
    let at = qs[first].location;
    let range = doc.in_paragraph(at.paragraph);
    let pull_sentence = &doc.draft.paragraphs[at.paragraph].sentences[at.sentence];
    let pull_text = pull_sentence.span.slice(doc.text);
    for i in (range.start..first).rev() {
        let q = &qs[i];
        if q.form != Form::Percent || q.in_parens {
            continue;
        }
        let Some(down) = growth_verb(&q.label_text, &words.growth) else {
            continue;
        };
        let before = i
            .checked_sub(1)
            .filter(|&b| b >= range.start && qs[b].location.sentence == q.location.sentence)
            .map(|b| qs[b].label_text.as_str())
            .unwrap_or("");
        let names = |l: &str| words.total_words.iter().any(|w| l.contains(w.as_str()));
        if !(names(&q.label_text) || names(before))
            || before.contains("人均")
            || q.label_text.contains("人均")
        {
            continue;
        }
        let periods = format!("{before}{}", q.label_text);
        if sub_annual(&periods, &words.growth) != sub_annual(pull_text, &words.growth) {
            return None;
        }
        return Some(Target::Growth {
            total: i,
            down,
            same_sentence: q.span.start >= sentence_start,
        });
    }
    None
}
