//! Grouping the parts of a breakdown: consecutive members of one partition,
//! consecutive age bands, and the other parts; and whether a group covers
//! its total.

use rust_decimal::Decimal;

use super::breakdown::BreakdownOptions;
use super::label::{bands_cover, bands_overlap, common_suffix, strip_generic, trim_tail};
use super::{Breakdown, BreakdownKind, Cover, Doc};
use crate::quantity::Bounds;
use crate::span::Span;

/// One part as the scan found it.
#[derive(Debug, Clone)]
pub(super) struct Part {
    pub q: usize,
    pub total: usize,
    pub cut: usize,
    /// (partition, member) the label names.
    pub member: Option<(usize, usize)>,
    /// The word the label names the member with.
    pub member_word: Option<String>,
    /// Age band named before the figure in its clause.
    pub band: Option<(Decimal, Option<Decimal>)>,
    /// A threshold (`10万元以上的村`) named before the figure in its clause:
    /// threshold classes nest, so such parts may overlap.
    pub threshold: bool,
}

#[derive(PartialEq, Clone, Copy)]
enum GroupKind {
    Partition(usize),
    Age,
    Free,
}

/// Splits the parts of one cut under one total into groups (consecutive
/// members of one partition, consecutive age bands, consecutive other parts)
/// and makes one breakdown of each. `truncated` says that later parts were
/// lost (no group may then cover the total); `announced_list` that the parts
/// were announced as a list (`其中：`), so that none of them is a new
/// statement.
pub(super) fn groups(
    doc: &Doc<'_>,
    opts: &BreakdownOptions,
    marker: Span,
    total: usize,
    parts: &[&Part],
    truncated: bool,
    announced_list: bool,
) -> Vec<Breakdown> {
    let mut groups: Vec<(GroupKind, Vec<&Part>)> = Vec::new();
    for p in parts {
        let kind = match (p.band, p.member) {
            (Some(_), _) => GroupKind::Age,
            (None, Some((pi, _))) => GroupKind::Partition(pi),
            (None, None) => GroupKind::Free,
        };
        let joins = match groups.last() {
            Some((k, members)) if *k == kind => match kind {
                GroupKind::Partition(_) => !members.iter().any(|m| m.member == p.member),
                _ => true,
            },
            _ => false,
        };
        if joins {
            groups.last_mut().expect("checked above").1.push(p);
        } else {
            groups.push((kind, vec![p]));
        }
    }
    // Partition members between other parts are no cut of their own but
    // items of the list that happen to name a member (`…，城市管理类64件，
    // 农业农村类45件，卫健医保类137件…`): they join the parts around them.
    let mut k = 1;
    while k + 1 < groups.len() {
        let partition = matches!(groups[k].0, GroupKind::Partition(_));
        if partition && groups[k - 1].0 == GroupKind::Free && groups[k + 1].0 == GroupKind::Free {
            let (_, middle) = groups.remove(k);
            let (_, after) = groups.remove(k);
            groups[k - 1].1.extend(middle);
            groups[k - 1].1.extend(after);
        } else {
            k += 1;
        }
    }
    // When the first parts already add up to the total, the breakdown is
    // complete there: other parts after them are a new statement
    // (来信86件，来访279件，已办结352件 under 365件). Partitions and age bands
    // after that point are other cuts of the total and stay. A list announced
    // by 其中： is all parts, however its first items add up, unless those
    // items are one 、-list of their own clause and the rest comes in later
    // clauses (其中：壮族村寨20个、苗族村寨62个、瑶族村寨8个，杂居村寨455个).
    let one_clause = |end: usize| {
        let clause = |p: &Part| doc.quantities[p.q].location;
        end >= 2
            && parts[..end].iter().all(|p| clause(p) == clause(parts[0]))
            && parts
                .get(end)
                .is_some_and(|next| clause(next) != clause(parts[0]))
    };
    // An approximate total (`30余家`) allows too much for any prefix to be
    // complete: `其中种植类19家，养殖类15家，其他9家` is one list.
    let exact_total = doc.quantities[total].approx == crate::quantity::Approx::Exact;
    if let Some(end) = complete_prefix(doc, total, parts)
        .filter(|&end| exact_total && (!announced_list || one_clause(end)))
    {
        let cut_at = parts[end - 1].q;
        for (kind, members) in &mut groups {
            if *kind == GroupKind::Free {
                members.retain(|p| p.q <= cut_at);
            }
        }
        groups.retain(|(_, members)| !members.is_empty());
    }
    let any_free = groups.iter().any(|(k, _)| *k == GroupKind::Free);
    let total_label = &doc.quantities[total].label_text;
    groups
        .into_iter()
        .map(|(kind, members)| {
            let labels_overlap = || {
                members.iter().any(|p| {
                    let label = &doc.quantities[p.q].label_text;
                    opts.overlap_words
                        .iter()
                        .any(|w| label.contains(w.as_str()))
                })
            };
            let bands: Vec<_> = members.iter().filter_map(|p| p.band).collect();
            let (cover, overlapping) = match kind {
                GroupKind::Partition(pi) => {
                    let partition = &doc.partitions[pi];
                    let complete = (0..partition.members.len())
                        .all(|m| members.iter().any(|p| p.member == Some((pi, m))));
                    // Each part must name the same thing as the total once
                    // its member word is taken out: 城市低保金 does not divide
                    // 各类救助资金, 男专任教师 does not divide 教职工.
                    let same_thing = members.iter().all(|p| {
                        let label = &doc.quantities[p.q].label_text;
                        let rest = match &p.member_word {
                            Some(w) => label.replacen(w.as_str(), "", 1),
                            None => label.clone(),
                        };
                        names_the_total(&rest, total_label, &partition.equivalents)
                    });
                    let cover = (complete && same_thing).then(|| Cover::Partition {
                        name: partition.name.clone(),
                        members: members
                            .iter()
                            .filter_map(|p| p.member_word.clone())
                            .collect(),
                    });
                    (cover, false)
                }
                GroupKind::Age => {
                    let same_thing = members.iter().all(|p| {
                        names_the_total(&doc.quantities[p.q].label_text, total_label, &[])
                    });
                    let cover = (bands_cover(&bands) && same_thing).then_some(Cover::AgeBands);
                    (cover, bands_overlap(&bands))
                }
                GroupKind::Free => (None, labels_overlap()),
            };
            let overlapping = overlapping || members.iter().any(|p| p.threshold);
            Breakdown {
                kind: BreakdownKind::Qizhong,
                marker,
                total,
                parts: members.iter().map(|p| p.q).collect(),
                cover: if any_free || truncated || overlapping {
                    None
                } else {
                    cover
                },
                overlapping,
            }
        })
        .collect()
}

/// The number of first parts, two at least, that add up to the total within
/// rounding, when that is fewer than all the parts. A first part alone as
/// large as the total ends nothing: the parts after it are too many.
fn complete_prefix(doc: &Doc<'_>, total: usize, parts: &[&Part]) -> Option<usize> {
    let total_bounds = doc.quantities[total].bounds();
    total_bounds.lo?;
    total_bounds.hi?;
    let mut sum = Bounds {
        lo: Some(rust_decimal::Decimal::ZERO),
        hi: Some(rust_decimal::Decimal::ZERO),
    };
    for (k, p) in parts.iter().enumerate().take(parts.len().saturating_sub(1)) {
        sum = Bounds::sum(&[sum, doc.quantities[p.q].bounds()]);
        if k >= 1
            && sum.lo.is_some()
            && sum.hi.is_some()
            && !sum.entirely_above(&total_bounds)
            && !sum.entirely_below(&total_bounds)
        {
            return Some(k + 1);
        }
    }
    None
}

/// True when a part's label, its member word (城市, 男) or age band taken
/// out, names what the total's label names: nothing is left (`城市` under
/// `城乡低保对象`), the total's label contains what is left (`特困供养人员`
/// in `城乡特困供养人员`), the two end alike and what the part adds is
/// written in the total's label too (`旅游收入` for `旅游总收入`), or a
/// partition's equivalents say so (`增加值` parts of a `生产总值`).
pub(super) fn names_the_total(rest: &str, total_label: &str, equivalents: &[Vec<String>]) -> bool {
    let rest = strip_generic(trim_tail(rest.trim_start_matches("其中")));
    let rest = rest.trim_start_matches('的');
    let total = strip_generic(trim_tail(total_label));
    if rest.is_empty() || total.contains(rest) {
        return true;
    }
    if equivalents
        .iter()
        .any(|pair| pair.len() == 2 && rest == pair[0] && total.contains(pair[1].as_str()))
    {
        return true;
    }
    let head = common_suffix(rest, total);
    head.chars().count() >= 2
        && rest[..rest.len() - head.len()]
            .chars()
            .all(|c| total.contains(c))
}
