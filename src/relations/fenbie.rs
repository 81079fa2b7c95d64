//! `分别为` lists: `A、B和C分别为x、y、z`, whose total is stated before.

use super::breakdown::{can_be_part, can_be_total, BreakdownOptions};
use super::label::{age_band, bands_cover, bands_overlap, common_suffix, strip_generic, trim_tail};
use super::{Breakdown, BreakdownKind, Cover, Doc};
use crate::span::Span;

/// Verbs that, after 分别, introduce the list of values.
const AFTER_FENBIE: &[&str] = &["为", "是", "达到", "达", "有"];

/// Every `分别为` list whose total can be found under the same head noun in
/// the same sentence or earlier in the paragraph.
pub(super) fn fenbie_lists(doc: &Doc<'_>, opts: &BreakdownOptions) -> Vec<Breakdown> {
    let mut out = Vec::new();
    for (pi, para) in doc.draft.paragraphs.iter().enumerate() {
        for (si, sentence) in para.sentences.iter().enumerate() {
            for (ci, clause) in sentence.clauses.iter().enumerate() {
                if let Some(b) = one_list(doc, opts, pi, si, ci, clause.span) {
                    out.push(b);
                }
            }
        }
    }
    out
}

fn one_list(
    doc: &Doc<'_>,
    opts: &BreakdownOptions,
    pi: usize,
    si: usize,
    ci: usize,
    span: Span,
) -> Option<Breakdown> {
    let raw = span.slice(doc.text);
    let at = raw.find("分别")?;
    let after = &raw[at + "分别".len()..];
    let verb = AFTER_FENBIE.iter().find(|v| after.starts_with(**v))?;
    let marker = Span::new(span.start + at, span.start + at + "分别".len() + verb.len());
    let values: Vec<usize> = doc
        .in_clause(pi, si, ci)
        .iter()
        .copied()
        .filter(|&i| doc.quantities[i].full_span.start >= marker.end)
        .collect();
    if values.len() < 2 {
        return None;
    }
    let first = &doc.quantities[values[0]];
    if !values.iter().all(|&i| {
        let q = &doc.quantities[i];
        can_be_part(first, q) && opts.ends_statement(q)
    }) {
        return None;
    }
    let categories: String = raw[..at].chars().filter(|c| !c.is_whitespace()).collect();
    let items = split_items(&categories);
    if items.len() != values.len() {
        return None;
    }
    let after = total_after(doc, pi, si, ci, &values);
    let stated = after
        .map(|t| (t, String::new()))
        .or_else(|| find_total(doc, pi, si, ci, first, &categories, &items));
    let (total, head, headless) = match stated {
        Some((t, h)) => (t, h, false),
        // 男性、女性分别为…: no head noun; only a partition can say what whole
        // the categories divide, and only one figure right before can be it.
        None => (
            sole_figure_before(doc, pi, si, ci, first)?,
            String::new(),
            true,
        ),
    };
    let names: Vec<&str> = items
        .iter()
        .map(|it| it.strip_suffix(head.as_str()).unwrap_or(it))
        .collect();
    let overlapping_words = names
        .iter()
        .any(|n| opts.overlap_words.iter().any(|w| n.contains(w.as_str())));
    // Age bands written as the categories.
    let bands: Vec<_> = doc
        .in_clause(pi, si, ci)
        .iter()
        .filter(|&&i| doc.quantities[i].full_span.end <= marker.start)
        .filter_map(|&i| age_band(&doc.quantities[i]))
        .collect();
    let total_label = &doc.quantities[total].label_text;
    let (cover, overlapping) = if bands.len() == items.len() {
        (
            bands_cover(&bands).then_some(Cover::AgeBands),
            bands_overlap(&bands),
        )
    } else {
        // Members of a partition never overlap, whatever words they use (男, 女).
        let cover = partition_cover(doc, total_label, doc.quantities[total].non_additive, &names);
        let overlapping = cover.is_none() && overlapping_words;
        (cover, overlapping)
    };
    let partition = matches!(cover, Some(Cover::Partition { .. }));
    if (doc.quantities[total].non_additive || headless) && !partition {
        return None;
    }
    if headless && !bare_members(doc, total_label, &names) {
        // 城镇、农村低保对象分别为…: the list names 低保对象, which no figure
        // before it names.
        return None;
    }
    Some(Breakdown {
        kind: BreakdownKind::Fenbie,
        marker,
        total,
        parts: values,
        // A total stated after the list as nothing but its sum (，合计…,
        // ，共…) covers it; 全县共有中小学生… may count more than the list.
        cover: match (overlapping, after) {
            (true, _) => None,
            (false, Some(t)) if is_bare_sum(&doc.quantities[t].label_text) => {
                cover.or(Some(Cover::Stated))
            }
            (false, _) => cover,
        },
        overlapping,
    })
}

/// Words that mark a figure stated after a list as its total
/// (`…分别为21356人、12480人和6532人，合计38368人`).
const TOTAL_WORDS: &[&str] = &["合计", "共计", "总计", "共", "总数", "总量"];

/// True when a label says nothing but "in all" (`合计`, `共计为`, `共`).
fn is_bare_sum(label: &str) -> bool {
    let rest = label.trim_end_matches(['为', '是', '达']);
    TOTAL_WORDS.contains(&rest) || rest.is_empty()
}

/// A total stated after the list in the same sentence: the first figure of
/// the list's dimension after its values whose label says 合计, 共 ….
fn total_after(doc: &Doc<'_>, pi: usize, si: usize, ci: usize, values: &[usize]) -> Option<usize> {
    let last = *values.last()?;
    let first = &doc.quantities[values[0]];
    let clauses = doc.draft.paragraphs[pi].sentences[si].clauses.len();
    (ci..clauses)
        .flat_map(|c| doc.in_clause(pi, si, c).iter().copied())
        .filter(|&i| i > last)
        .find(|&i| doc.quantities[i].dimension() == first.dimension())
        .filter(|&i| {
            let q = &doc.quantities[i];
            can_be_total(doc, q) && says_in_all(&q.label_text)
        })
}

/// True when a label opens with a word for "in all" (`合计`, `共计`,
/// `共有…`, a bare `共`), after the place and time: not `公共厕所`, not
/// `共青团干部`.
fn says_in_all(label: &str) -> bool {
    let mut l = label;
    while let Some(p) = [
        "全县", "全市", "全区", "全镇", "全乡", "年末", "全年", "以上", "上述", "三者", "两者",
    ]
    .iter()
    .find(|p| l.starts_with(**p))
    {
        l = &l[p.len()..];
    }
    ["合计", "共计", "总计", "共有", "总数", "总量"]
        .iter()
        .any(|w| l.starts_with(w))
        || ["共", "共为", "共达", "共是"].contains(&l)
}

/// The total of a list without a head noun: the one figure of the list's
/// dimension in the clause right before it, or, when the list opens its
/// sentence, in the previous sentence. Nothing may stand between them
/// (`老年人中，男性、女性分别为…` divides 老年人, not the figure before).
fn sole_figure_before(
    doc: &Doc<'_>,
    pi: usize,
    si: usize,
    ci: usize,
    first: &crate::quantity::Quantity,
) -> Option<usize> {
    let candidates: Vec<usize> = if ci > 0 {
        doc.in_clause(pi, si, ci - 1).to_vec()
    } else if si > 0 {
        doc.in_sentence(pi, si - 1).collect()
    } else {
        Vec::new()
    };
    let mut found = candidates.into_iter().filter(|&i| {
        let q = &doc.quantities[i];
        q.dimension() == first.dimension() && can_be_total(doc, q)
    });
    let one = found.next()?;
    found.next().is_none().then_some(one)
}

/// True when every name of a list is a member word of a partition that
/// applies to the total and nothing else (`男性`, `城镇`), so that the list
/// itself names no narrower thing than its total.
fn bare_members(doc: &Doc<'_>, total_label: &str, names: &[&str]) -> bool {
    doc.partitions
        .iter()
        .filter(|p| p.applies_to(total_label))
        .any(|p| {
            names.iter().all(|n| {
                p.member_word(n)
                    .is_some_and(|(_, w)| strip_generic(n).trim_start_matches("其中") == w)
            })
        })
}

/// Splits `A、B和C…` into items; the last item splits at 和/与/以及/及
/// unless the word is part of 及以上/及以下.
fn split_items(categories: &str) -> Vec<String> {
    let mut items: Vec<String> = categories.split('、').map(str::to_string).collect();
    if let Some(last) = items.pop() {
        let mut split = None;
        for conj in ["以及", "和", "与", "及"] {
            for (pos, _) in last.match_indices(conj) {
                let rest = &last[pos + conj.len()..];
                if rest.starts_with("以上") || rest.starts_with("以下") || pos == 0 {
                    continue;
                }
                split = Some((pos, conj.len()));
                break;
            }
            if split.is_some() {
                break;
            }
        }
        match split {
            Some((pos, len)) => {
                items.push(last[..pos].to_string());
                items.push(last[pos + len..].to_string());
            }
            None => items.push(last),
        }
    }
    items.retain(|s| !s.is_empty());
    items
}

/// How many figures before a list are searched for its total: a yearbook
/// paragraph states its total within a few sentences ([`SENTENCES_BACK`]),
/// and the bounds keep a pathological paragraph of thousands of lists linear.
const LOOKBACK: usize = 100;

/// How many sentences before a list are searched for its total.
const SENTENCES_BACK: usize = 5;

/// The total of a list: an earlier figure of the paragraph whose label names
/// the same thing as the list, that is, ends with the list's head noun (the
/// suffix it shares with the last item) and restricts it by nothing but
/// generic words or the listed categories themselves (`中小学在校学生` for
/// `小学、初中、高中在校学生`, but not `老年人口` for age bands of
/// `户籍人口`). The longest head wins, then the nearest figure. A
/// two-character head counts only in the same or the previous sentence, and
/// only the [`LOOKBACK`] figures of the [`SENTENCES_BACK`] sentences before
/// the list are searched.
fn find_total(
    doc: &Doc<'_>,
    pi: usize,
    si: usize,
    ci: usize,
    first: &crate::quantity::Quantity,
    categories: &str,
    items: &[String],
) -> Option<(usize, String)> {
    let last_item = items.last()?.as_str();
    // The figures of the paragraph before the list's clause, nearest first.
    let range = doc.in_paragraph(pi);
    let before = range.start
        + doc.quantities[range.clone()]
            .partition_point(|q| (q.location.sentence, q.location.clause) < (si, ci));
    let candidates = (range.start..before)
        .rev()
        .map(|i| (i, &doc.quantities[i]))
        .take_while(|(_, q)| q.location.sentence + SENTENCES_BACK >= si)
        .take(LOOKBACK);
    let mut best: Option<(usize, String)> = None;
    for (i, q) in candidates {
        if !can_be_total(doc, q) || q.dimension() != first.dimension() {
            continue;
        }
        let label = strip_generic(trim_tail(&q.label_text));
        let head = common_suffix(label, last_item);
        let n = head.chars().count();
        let near = q.location.sentence + 1 >= si;
        if n < 2 || (n == 2 && !near) {
            continue;
        }
        let restriction = &label[..label.len() - head.len()];
        if !restriction.chars().all(|c| categories.contains(c)) {
            continue;
        }
        // A figure that names one of the listed categories is one of them,
        // not their total (高中在校学生6066人 before 小学、初中、高中在校学生…).
        let names_an_item = head == last_item
            || (!restriction.is_empty()
                && items
                    .iter()
                    .any(|it| it.strip_suffix(head.as_str()).unwrap_or(it) == restriction));
        if names_an_item {
            continue;
        }
        if best.as_ref().is_none_or(|(_, h)| h.chars().count() < n) {
            best = Some((i, head));
        }
    }
    best
}

/// The partition the list's names make up, if any; a per-capita total
/// (`non_additive`) is covered only by its components, never by population.
fn partition_cover(
    doc: &Doc<'_>,
    total_label: &str,
    non_additive: bool,
    names: &[&str],
) -> Option<Cover> {
    doc.partitions
        .iter()
        .filter(|p| p.applies_to(total_label) && (!non_additive || !p.totals.is_empty()))
        .find_map(|p| {
            let found: Option<Vec<(usize, &str)>> =
                names.iter().map(|n| p.member_word(n)).collect();
            let found = found?;
            let named: Vec<String> = found.iter().map(|(_, w)| w.to_string()).collect();
            let mut members: Vec<usize> = found.iter().map(|(m, _)| *m).collect();
            members.sort_unstable();
            members.dedup();
            (members.len() == names.len() && members.len() == p.members.len()).then(|| {
                Cover::Partition {
                    name: p.name.clone(),
                    members: named,
                }
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items() {
        assert_eq!(
            split_items("小学、初中和高中在校学生"),
            vec!["小学", "初中", "高中在校学生"]
        );
        assert_eq!(
            split_items("0-17岁、18-34岁、35-59岁、60岁及以上户籍人口"),
            vec!["0-17岁", "18-34岁", "35-59岁", "60岁及以上户籍人口"]
        );
    }
}
