//! Parts restated item by item below a `其中：` (shape B7): a paragraph of
//! records (`累计实现工业增加值10.29亿元，…；实现主营业务收入27.17亿元…`), then
//! `其中：` and items each opening with a dash (`——机械制造企业…。累计实现工业
//! 增加值2.68亿元；…`) that state the same indicators for a part of the
//! whole. Each item's figure is a part of the figure of the records above
//! that has the very same label; the items need not cover the whole, so the
//! parts are checked as subsets (together within the total).

use std::collections::BTreeMap;

use super::breakdown::{can_be_part, can_be_total};
use super::{Breakdown, BreakdownKind, Doc};
use crate::quantity::Approx;
use crate::span::Span;

/// Marks that open an item of such a list.
const ITEM_MARKS: [&str; 3] = ["——", "－－", "--"];

/// Every breakdown stated item by item below a `其中：`.
pub(super) fn item_breakdowns(doc: &Doc<'_>) -> Vec<Breakdown> {
    let paragraphs = &doc.draft.paragraphs;
    let mut out = Vec::new();
    for (pi, para) in paragraphs.iter().enumerate() {
        let text = para.span.slice(doc.text).trim();
        let dash = |t: &str| ITEM_MARKS.iter().any(|m| t.trim_start().starts_with(m));
        let opener = ["其中：", "其中:"]
            .iter()
            .find_map(|w| text.strip_prefix(w));
        // `其中：` on a line of its own may stand alone, open the first
        // item's paragraph, or end the records' paragraph.
        let (parent, first, marker) = match opener {
            Some(rest) if pi > 0 && (rest.trim().is_empty() || dash(rest)) => {
                let first = if rest.trim().is_empty() { pi + 1 } else { pi };
                (pi - 1, first, para.span)
            }
            _ => match ["其中：", "其中:"].iter().find(|w| text.ends_with(**w)) {
                Some(w) => {
                    let end = para.span.start + para.span.slice(doc.text).trim_end().len();
                    (pi, pi + 1, Span::new(end - w.len(), end))
                }
                None => continue,
            },
        };
        // The items: the paragraphs from `first` that open with a dash.
        let items: Vec<usize> = (first..paragraphs.len())
            .take_while(|&k| {
                let t = paragraphs[k].span.slice(doc.text).trim_start();
                let t = t
                    .strip_prefix("其中：")
                    .or_else(|| t.strip_prefix("其中:"))
                    .unwrap_or(t);
                dash(t)
            })
            .collect();
        if items.len() < 2 {
            continue;
        }
        // The records above, by label: a label stated twice names no one
        // figure.
        let mut totals: BTreeMap<&str, Option<usize>> = BTreeMap::new();
        for t in doc.in_paragraph(parent) {
            let q = &doc.quantities[t];
            if q.span.start >= marker.start {
                break;
            }
            if can_be_total(doc, q) && q.approx == Approx::Exact {
                totals
                    .entry(label(&q.label_text))
                    .and_modify(|e| *e = None)
                    .or_insert(Some(t));
            }
        }
        let mut parts: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for &k in &items {
            let mut seen: BTreeMap<usize, usize> = BTreeMap::new();
            for i in doc.in_paragraph(k) {
                let q = &doc.quantities[i];
                let Some(&Some(t)) = totals.get(label(&q.label_text)) else {
                    continue;
                };
                if !can_be_part(&doc.quantities[t], q) || q.approx != Approx::Exact {
                    continue;
                }
                *seen.entry(t).or_default() += 1;
                parts.entry(t).or_default().push(i);
            }
            // An item that names an indicator twice is no record of it.
            for (t, n) in seen {
                if n > 1 {
                    parts.remove(&t);
                    totals.insert(label(&doc.quantities[t].label_text), None);
                }
            }
        }
        for (total, parts) in parts {
            if parts.len() >= 2 {
                out.push(Breakdown {
                    kind: BreakdownKind::Qizhong,
                    marker,
                    total,
                    parts,
                    cover: None,
                    overlapping: false,
                });
            }
        }
    }
    out
}

/// A figure's label without the marks that open its clause.
fn label(text: &str) -> &str {
    text.trim_start_matches(['，', ',', '；', ';', '。', '、'])
        .trim_end_matches(['为', '达'])
}
