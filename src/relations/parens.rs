//! Breakdowns in parentheses: a total followed by its parts in brackets.
//!
//! Shapes (full-width or ASCII brackets):
//!
//! - `卫生技术人员812人（执业医师301人，注册护士402人）`: a list right
//!   after the total;
//! - `设施农业设备482台（其中电动卷帘设备460台，热风炉22台）` and
//!   `小学98所（含教学点28所）`: a subset announced by 其中, 含, 包括; the
//!   brackets may stand after other statements of the same sentence
//!   (`产值102.3亿元，同比增长7.4%（可比价）（其中…）`).
//!
//! The parts are read as subsets: they cannot add up to more than the total,
//! and no list in brackets is taken to cover its total. A bracket that
//! restates the total in another unit (`141178万人（14.1178亿人）`), names
//! another period, or gives a plan or a target is not a breakdown.

use super::breakdown::{can_be_total, BreakdownOptions};
use super::{Breakdown, BreakdownKind, Doc};
use crate::quantity::{Form, Quantity, Role, Timing};
use crate::span::Span;

/// Words that open a bracket of subsets.
const SUBSET_MARKERS: [&str; 5] = ["其中", "包括", "包含", "含", "内含"];

/// Words in a part's label that make the bracket something other than a
/// breakdown of the figure before it: targets, plans, totals of another
/// scope, other periods.
const NOT_A_PART: [&str; 19] = [
    "计划", "目标", "任务", "预算", "总", "全省", "全市", "全国", "上年", "去年", "同期", "累计",
    "人次", "平均", "确定", "签约", "前", "原", "另",
];

/// Words that open a bracket of what the total leaves out (`（不含村卫生室
/// 281个）`, `（另有…）`): never its parts.
const EXCLUSIONS: [&str; 6] = ["不含", "不包括", "不包含", "未含", "另有", "除"];

/// Every breakdown in brackets of the draft.
pub(super) fn paren_breakdowns(doc: &Doc<'_>, opts: &BreakdownOptions) -> Vec<Breakdown> {
    let mut out = Vec::new();
    for (pi, para) in doc.draft.paragraphs.iter().enumerate() {
        for (si, sentence) in para.sentences.iter().enumerate() {
            let figures: Vec<usize> = doc.in_sentence(pi, si).collect();
            if figures.is_empty() {
                continue;
            }
            // A bracket that opens its sentence with 其中 (`…增加值54.39亿元。
            // （其中A区49.26亿元，B区1.13亿元）`) divides a figure of the
            // sentence before.
            let earlier: Vec<usize> = match si.checked_sub(1) {
                Some(prev) => doc
                    .in_sentence(pi, prev)
                    .chain(figures.iter().copied())
                    .collect(),
                None => figures.clone(),
            };
            for (open, close) in groups(doc.text, sentence.span) {
                let opens_sentence = doc.text[sentence.span.start..open]
                    .trim_end_matches(['（', '('])
                    .trim()
                    .is_empty();
                let pool = if opens_sentence { &earlier } else { &figures };
                if let Some(b) = read_group(doc, opts, pool, open, close) {
                    out.push(b);
                }
            }
        }
    }
    out
}

/// The outermost bracket pairs of a sentence: (end of the opening mark,
/// start of the closing mark).
fn groups(text: &str, sentence: Span) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, c) in sentence.slice(text).char_indices() {
        let at = sentence.start + i;
        match c {
            '（' | '(' => {
                if depth == 0 {
                    start = at + c.len_utf8();
                }
                depth += 1;
            }
            '）' | ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    out.push((start, at));
                }
            }
            _ => {}
        }
    }
    out
}

fn read_group(
    doc: &Doc<'_>,
    opts: &BreakdownOptions,
    figures: &[usize],
    open: usize,
    close: usize,
) -> Option<Breakdown> {
    let text = doc.text;
    let inner_raw = &text[open..close];
    let inner: String = inner_raw.chars().filter(|c| !c.is_whitespace()).collect();
    if EXCLUSIONS.iter().any(|w| inner.starts_with(w)) {
        return None;
    }
    let marker = SUBSET_MARKERS.iter().find(|m| inner.starts_with(**m));
    let opening = open - text[..open].chars().next_back().map_or(0, char::len_utf8);
    // The host: the last figure before the bracket; without a marker, it must
    // stand right before the bracket. Figures are in source order: found by
    // binary search, so that a sentence of many brackets stays linear.
    let split = figures.partition_point(|&i| doc.quantities[i].full_span.end <= opening);
    let before = &figures[..split];
    let &last = before.last()?;
    // Right before the bracket, or before it and its noun (`39宗新开工项目
    // （已开工8宗）`: a short noun the figure is written before).
    let between = text[doc.quantities[last].full_span.end..opening].trim();
    let immediate = between.is_empty()
        || ((1..=6).contains(&between.chars().count())
            && between
                .chars()
                .all(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
            && doc.quantities[last].after.starts_with(between));
    let from = figures.partition_point(|&i| doc.quantities[i].span.start < open);
    let to = figures.partition_point(|&i| doc.quantities[i].span.start < close);
    let inside: Vec<usize> = figures[from..to.max(from)]
        .iter()
        .copied()
        .filter(|&i| doc.quantities[i].full_span.end <= close)
        .collect();
    if inside.is_empty() {
        return None;
    }
    let total = if immediate {
        last
    } else if marker.is_some() {
        // `（其中…）` after other statements: the nearest figure before it of
        // the parts' dimension.
        let dim = doc.quantities[inside[0]].dimension();
        *before.iter().rev().find(|&&i| {
            doc.quantities[i].dimension() == dim && doc.quantities[i].role == Role::Level
        })?
    } else {
        return None;
    };
    let total_q = &doc.quantities[total];
    if !can_be_total(doc, total_q) {
        return None;
    }
    let mut parts = Vec::new();
    let mut overlapping = false;
    for &i in &inside {
        let q = &doc.quantities[i];
        if q.dimension() != total_q.dimension() {
            continue;
        }
        let label = part_label(text, q, open);
        if label.is_empty() || !is_part(total_q, q, opts) {
            // `141178万人（14.1178亿人）`: the same figure restated; a figure
            // without a label, or not a level, ends the reading.
            return None;
        }
        if NOT_A_PART.iter().any(|w| label.contains(w))
            || opts.foreign_to(&total_q.label_text, &label)
            || names_a_year(&label)
        {
            // `（2022年为203个）`: another period's figure.
            return None;
        }
        overlapping |= opts
            .overlap_words
            .iter()
            .any(|w| label.contains(w.as_str()));
        parts.push(i);
    }
    if parts.is_empty() {
        return None;
    }
    // The members of one partition (`幼儿园58所（公办36所、民办20所）`,
    // `（男性412人、女性844人）`): never overlapping, and exhaustive when all
    // are there and each names what the total names.
    let mut cover = None;
    if let Some((p, words)) = partition_of(doc, total_q, &parts) {
        overlapping = false;
        let partition = &doc.partitions[p];
        let complete = words.len() == partition.members.len();
        let same_thing = parts.iter().zip(&words).all(|(&i, (_, w))| {
            let rest = doc.quantities[i].label_text.replacen(w.as_str(), "", 1);
            let rest = rest.trim_matches(['（', '(', '、', '，', ',', '；', ';', '：', ':']);
            super::groups::names_the_total(rest, &total_q.label_text, &partition.equivalents)
        });
        if complete && same_thing && marker.is_none() {
            cover = Some(super::Cover::Partition {
                name: partition.name.clone(),
                members: words.into_iter().map(|(_, w)| w).collect(),
            });
        }
    }
    let marker_span = match marker {
        Some(m) => {
            let lead = inner_raw.len() - inner_raw.trim_start().len();
            Span::new(open + lead, open + lead + m.len())
        }
        None => Span::new(opening, open),
    };
    Some(Breakdown {
        kind: BreakdownKind::Parens,
        marker: marker_span,
        total,
        parts,
        cover,
        overlapping,
    })
}

/// The partition every part names a different member of, with (member,
/// word) for each part in order.
fn partition_of(
    doc: &Doc<'_>,
    total: &Quantity,
    parts: &[usize],
) -> Option<(usize, Vec<(usize, String)>)> {
    let named = total.named();
    doc.partitions.iter().enumerate().find_map(|(pi, p)| {
        if !p.applies_to(&named) {
            return None;
        }
        let words: Vec<(usize, String)> = parts
            .iter()
            .map(|&i| {
                p.member_word(&doc.quantities[i].label_text)
                    .map(|(m, w)| (m, w.to_string()))
            })
            .collect::<Option<_>>()?;
        let mut members: Vec<usize> = words.iter().map(|(m, _)| *m).collect();
        members.sort_unstable();
        members.dedup();
        (parts.len() >= 2 && members.len() == parts.len()).then_some((pi, words))
    })
}

/// The words that name a figure inside the bracket, without spaces, the
/// subset marker and the list marks around them.
fn part_label(text: &str, q: &Quantity, open: usize) -> String {
    let from = q.label.start.max(open).min(q.full_span.start);
    let raw: String = text[from..q.full_span.start]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let mut l = raw.trim_start_matches(['，', ',', '、', '；', ';', '：', ':']);
    for m in SUBSET_MARKERS {
        if let Some(rest) = l.strip_prefix(m) {
            l = rest;
            break;
        }
    }
    l.trim_start_matches(['，', ',', '：', ':'])
        .trim_end_matches(['为', '是', '达', '：', ':'])
        .to_string()
}

/// A figure in the bracket that can be a part of `total`: a level of the
/// same dimension, additive, not a stock under a flow, at the end of its
/// statement.
fn is_part(total: &Quantity, q: &Quantity, opts: &BreakdownOptions) -> bool {
    let mixed = matches!(
        (total.timing, q.timing),
        (Timing::Stock, Timing::Flow) | (Timing::Flow, Timing::Stock)
    );
    q.form == Form::Amount
        && q.unit.as_ref().is_some_and(|u| u.additive)
        && q.role == Role::Level
        && !q.non_additive
        && !mixed
        && (opts.ends_statement(q) || q.after.starts_with(['）', ')']))
}

/// True when a label names a year (`2022年为`, `2020年`): a figure of another
/// period.
fn names_a_year(label: &str) -> bool {
    let chars: Vec<char> = label.chars().collect();
    chars
        .windows(5)
        .any(|w| w[..4].iter().all(char::is_ascii_digit) && w[4] == '年')
}
