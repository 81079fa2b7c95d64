//! `其中` breakdowns: a total, then the parts that follow `其中`, read clause
//! by clause up to the end of the statement.

use std::collections::BTreeMap;

use super::breakdown::{can_be_part, can_be_total, BreakdownOptions};
use super::groups::{groups, Part};
use super::label::{
    age_band, common_suffix, head_char, longest_common_run, names_other, starts_with_any, trim_tail,
};
use super::{Breakdown, BreakdownKind, Doc};
use crate::quantity::{Approx, Quantity};
use crate::span::Span;

/// At most this many parts are read for one 其中: a longer run is a table
/// pasted as prose, not a sentence.
const MAX_PARTS: usize = 200;

/// A clause of a label and a figure, with a label this short at most, is a
/// list item (`初中18所`).
const BARE_LABEL_CHARS: usize = 12;

/// How many clauses before 其中 are searched for its total and its rivals.
const CLAUSES_BACK: usize = 30;

/// How many sentences before a 其中 that opens its sentence are searched for
/// the total of each dimension.
const SENTENCES_BACK: usize = 2;

/// Every `其中` breakdown of the draft.
pub(super) fn qizhong_breakdowns(doc: &Doc<'_>, opts: &BreakdownOptions) -> Vec<Breakdown> {
    let mut out = Vec::new();
    for (pi, para) in doc.draft.paragraphs.iter().enumerate() {
        for (si, sentence) in para.sentences.iter().enumerate() {
            if let Some(found) = semicolon_items(doc, opts, pi, si) {
                out.extend(found);
                continue;
            }
            let mut ci = 0;
            while ci < sentence.clauses.len() {
                let (norm, start) = doc.clause_text(&sentence.clauses[ci]);
                let marker_len = if norm.starts_with("其中") {
                    Some("其中".len())
                } else if doc.in_clause(pi, si, ci).is_empty() {
                    announces_cut(&norm).map(str::len)
                } else {
                    None
                };
                if marker_len.is_none() {
                    // A partition listed right after its total, or an `X中，`
                    // opener: (total, marker length, kind, first part clause).
                    let unmarked = listed_total(doc, pi, si, ci)
                        .map(|t| (t, 0, BreakdownKind::Listed, ci))
                        .or_else(|| {
                            colon_total(doc, pi, si, ci).map(|t| (t, 0, BreakdownKind::Colon, ci))
                        })
                        .or_else(|| {
                            opener_total(doc, pi, si, ci, &norm)
                                .map(|(t, first)| (t, norm.len(), BreakdownKind::Opener, first))
                        });
                    if let Some((total, len, kind, first)) = unmarked {
                        let marker = Span::new(start, start + len);
                        let mut scan = Scan::new(doc, opts, pi, si, vec![total], marker);
                        scan.kind = kind;
                        scan.colon_list = kind == BreakdownKind::Colon;
                        let (found, next) = scan.run(first);
                        out.extend(found);
                        ci = next.max(ci + 1);
                        continue;
                    }
                }
                if let Some(len) = marker_len {
                    let marker = Span::new(start, start + len);
                    let found = find_totals(doc, pi, si, ci, !norm.starts_with("其中"));
                    if !found.totals.is_empty() || !found.by_label.is_empty() {
                        let mut scan = Scan::new(doc, opts, pi, si, found.totals, marker);
                        scan.rivals = found.rivals;
                        scan.keyed = found.keyed;
                        scan.by_label = found.by_label;
                        if !norm.starts_with("其中") {
                            scan.kind = BreakdownKind::Announced;
                        }
                        let (found, next) = scan.run(ci);
                        out.extend(found);
                        ci = next.max(ci + 1);
                        continue;
                    }
                }
                ci += 1;
            }
        }
    }
    out
}

/// How many paragraphs before a cut announced with no total of its own
/// (`按受理来源分类。来访1580件，…`) are searched for the total it divides.
const CUT_PARAGRAPHS_BACK: usize = 4;

/// Cuts announced at the head of a paragraph (`从诉求类型来看，投诉类826件，…`,
/// `按受理来源分类。来访1580件，…；其他14件`) that found no total in their own
/// paragraph: another cut of the whole an earlier paragraph divides. The
/// total is the nearest figure before, up to [`CUT_PARAGRAPHS_BACK`]
/// paragraphs back, that is the total of a breakdown in `found` and a part
/// of none, of a unit the first part can belong to. Such a breakdown has
/// kind [`BreakdownKind::Distant`]: `breakdown-sum` reports it as a warning.
pub(super) fn far_cuts(
    doc: &Doc<'_>,
    opts: &BreakdownOptions,
    found: &[Breakdown],
) -> Vec<Breakdown> {
    let totals: std::collections::HashSet<usize> = found.iter().map(|b| b.total).collect();
    let parts: std::collections::HashSet<usize> =
        found.iter().flat_map(|b| b.parts.iter().copied()).collect();
    let mut out = Vec::new();
    for (pi, para) in doc.draft.paragraphs.iter().enumerate() {
        let Some(sentence) = para.sentences.first() else {
            continue;
        };
        let Some(clause) = sentence.clauses.first() else {
            continue;
        };
        let (norm, start) = doc.clause_text(clause);
        if !doc.in_clause(pi, 0, 0).is_empty() || announces_cut(&norm).is_none() {
            continue;
        }
        if found
            .iter()
            .any(|b| clause.span.start <= b.marker.start && b.marker.start < clause.span.end)
        {
            continue;
        }
        // The parts start after the announcement: in its sentence, or in
        // the next when it is a sentence of its own.
        let (si, ci) = if sentence.clauses.len() > 1 {
            (0, 1)
        } else if para.sentences.len() > 1 {
            (1, 0)
        } else {
            continue;
        };
        let Some(&first) = doc
            .in_sentence(pi, si)
            .find(|&i| doc.quantities[i].is_additive_level())
            .as_ref()
        else {
            continue;
        };
        let lowest = doc
            .in_paragraph(pi.saturating_sub(CUT_PARAGRAPHS_BACK))
            .start;
        let before = doc.in_paragraph(pi).start;
        let Some(total) = (lowest..before).rev().find(|&t| {
            totals.contains(&t)
                && !parts.contains(&t)
                && can_be_total(doc, &doc.quantities[t])
                && can_be_part(&doc.quantities[t], &doc.quantities[first])
        }) else {
            continue;
        };
        let marker = Span::new(start, start + norm.len());
        let mut scan = Scan::new(doc, opts, pi, si, vec![total], marker);
        scan.kind = BreakdownKind::Distant;
        let (b, _) = scan.run(ci);
        out.extend(b);
    }
    out
}

/// A list of a partition's members right after its total, with no word to
/// announce it (`有116名残疾人享受生活补贴，一级残疾人22名，二级残疾人62名…`;
/// `全州总人口378万人，汉族178.4万人，…少数民族…`): the total is the last
/// figure of the clause before, separated by `，`, of the unit of the first
/// part, when clause `ci` opens with a member of a partition that applies to
/// the total and the total itself names no member of it.
fn listed_total(doc: &Doc<'_>, pi: usize, si: usize, ci: usize) -> Option<usize> {
    if ci == 0 {
        return None;
    }
    let &first = doc.in_clause(pi, si, ci).first()?;
    let &total = doc.in_clause(pi, si, ci - 1).last()?;
    let (q, t) = (&doc.quantities[first], &doc.quantities[total]);
    let comma = doc
        .clause(pi, si, ci - 1)
        .mark
        .is_some_and(|m| matches!(m.slice(doc.text), "，" | ","));
    if !comma || !can_be_total(doc, t) || !can_be_part(t, q) {
        return None;
    }
    let opens_clause = doc.text[doc.clause(pi, si, ci).span.start..q.span.start]
        .chars()
        .filter(|c| !c.is_whitespace())
        .count()
        <= BARE_LABEL_CHARS;
    // The total is no item of a list itself: no figure of its unit ends the
    // clause before it (`…农民工32人，低保对象42人，妇女67人`).
    let in_a_list = ci >= 2
        && doc
            .in_clause(pi, si, ci - 2)
            .last()
            .is_some_and(|&r| doc.quantities[r].display_unit == t.display_unit);
    if in_a_list {
        return None;
    }
    // What the total counts may follow it (`116名残疾人享受生活补贴`).
    let named = t.named();
    let member = doc.partitions.iter().any(|p| {
        p.member_word(&q.label_text)
            .is_some_and(|(_, w)| w.chars().count() >= 2)
            && p.applies_to(&named)
            && p.member_of(&t.label_text).is_none()
            && !p.whole.iter().any(|w| q.label_text.contains(w.as_str()))
    });
    (opens_clause && member).then_some(total)
}

/// Labels of ；-items at most this long (`对民事审判程序中的违法行为监督`).
const ITEM_LABEL_CHARS: usize = 24;

/// A sentence that states a total and then its items set out with ；
/// (`民事检察案件9件，对民事判决监督3件；对审判程序违法监督2件；支持起诉4件。`):
/// the first clause is a label and one figure, ended by ，; every clause after
/// it holds one figure of the total's unit that ends its statement, the
/// items are separated by ；, and the sentence ends with the last item. The
/// items are parts of the total (kind [`BreakdownKind::Listed`]).
fn semicolon_items(
    doc: &Doc<'_>,
    opts: &BreakdownOptions,
    pi: usize,
    si: usize,
) -> Option<Vec<Breakdown>> {
    let clauses = &doc.draft.paragraphs[pi].sentences[si].clauses;
    if clauses.len() < 3 {
        return None;
    }
    let mark = |c: usize| clauses[c].mark.map(|m| m.slice(doc.text)).unwrap_or("");
    let &[total] = doc.in_clause(pi, si, 0) else {
        return None;
    };
    let t = &doc.quantities[total];
    if !matches!(mark(0), "，" | ",") || !can_be_total(doc, t) || !t.after.is_empty() {
        return None;
    }
    let last = clauses.len() - 1;
    // Parts announced by 其中 are read by the 其中 scan, which knows the
    // partitions their labels name (城市…；农村…).
    if (1..=last).any(|k| doc.clause_text(&clauses[k]).0.starts_with("其中")) {
        return None;
    }
    let mut items = Vec::new();
    // The items are records between ；: each opens with the one figure of
    // the total's unit it states, and may go on with figures of other units
    // (`一级重残人员936人，每人每月119元；`).
    let mut c = 1;
    while c <= last {
        let mut end = c;
        while end < last && !matches!(mark(end), "；" | ";") {
            end += 1;
        }
        let figures: Vec<usize> = (c..=end)
            .flat_map(|k| doc.in_clause(pi, si, k).iter().copied())
            .collect();
        let ours: Vec<usize> = figures
            .iter()
            .copied()
            .filter(|&i| doc.quantities[i].dimension() == t.dimension())
            .collect();
        let (&[i], Some(&first)) = (ours.as_slice(), figures.first()) else {
            return None;
        };
        // What else a record states is about its item (a per-head standard,
        // a share), not another amount (`公共图书馆1个，图书总藏量31.23万册`).
        let others_apart = figures.iter().all(|&f| {
            let o = &doc.quantities[f];
            f == i
                || (o.location.clause > doc.quantities[i].location.clause
                    && (o.non_additive || o.form == crate::quantity::Form::Percent))
        });
        c = end + 1;
        let q = &doc.quantities[i];
        let label = q.label_text.trim_start_matches(['，', ',', '；', ';']);
        if first != i
            || !others_apart
            || !can_be_part(t, q)
            || !opts.ends_statement(q)
            || label.chars().count() > ITEM_LABEL_CHARS
            || starts_with_any(label, &opts.statement_verbs).is_some()
            || opts.foreign_to(&t.label_text, &q.label_text)
        {
            return None;
        }
        items.push(Part {
            q: i,
            total,
            cut: 0,
            member: None,
            member_word: None,
            band: None,
            threshold: false,
        });
    }
    if items.len() < 2 || !(1..last).any(|k| matches!(mark(k), "；" | ";")) {
        return None;
    }
    let refs: Vec<&Part> = items.iter().collect();
    let (_, start) = doc.clause_text(&clauses[1]);
    let mut found = groups(
        doc,
        opts,
        Span::new(start, start),
        total,
        &refs,
        false,
        true,
    );
    for b in &mut found {
        b.kind = BreakdownKind::Listed;
    }
    Some(found)
}

/// A list announced by a colon right after its total (`共办理婚姻登记659对：
/// 结婚登记545对，离婚登记64对…`): the clause before `ci` ends with its
/// figure and `：`, and clause `ci` opens with a figure that can be a part
/// of it.
fn colon_total(doc: &Doc<'_>, pi: usize, si: usize, ci: usize) -> Option<usize> {
    let before = ci.checked_sub(1)?;
    let colon = doc
        .clause(pi, si, before)
        .mark
        .is_some_and(|m| matches!(m.slice(doc.text), "：" | ":"));
    let &total = doc.in_clause(pi, si, before).last()?;
    let &first = doc.in_clause(pi, si, ci).first()?;
    let (t, q) = (&doc.quantities[total], &doc.quantities[first]);
    (colon && t.after.is_empty() && can_be_total(doc, t) && can_be_part(t, q)).then_some(total)
}

/// How many paragraphs before an `X中，` opener are searched for the figure
/// it names: a bulletin states its total in section 一 and divides it in the
/// sections after, each a heading and a paragraph or two.
const OPENER_PARAGRAPHS_BACK: usize = 12;

/// How many figures before an `X中，` opener, in each of those paragraphs,
/// are searched for the figure it names.
const OPENER_FIGURES_BACK: usize = 200;

/// An `X中，` opener at clause `ci` (`全县常住人口中，男性…；女性…`,
/// `受理的146件案件中，刑事案件…`): the total it names and the clause the
/// parts start at. The total is the one figure of the opener clause, right
/// before its last noun and 中; or, when the clause has no figure, the
/// nearest figure before it (in its paragraph, then up to twelve paragraphs
/// back) whose label names X (`全县常住人口为75757人`). Two such figures
/// with different values in the nearest paragraph that has one make the
/// opener ambiguous: no total.
fn opener_total(
    doc: &Doc<'_>,
    pi: usize,
    si: usize,
    ci: usize,
    norm: &str,
) -> Option<(usize, usize)> {
    let clauses = doc.draft.paragraphs[pi].sentences[si].clauses.len();
    let here = doc.in_clause(pi, si, ci);
    // A heading on the line before (`三、性别构成⏎全县常住人口中，`) is not
    // part of the opener.
    let last_line: String;
    let norm = if here.is_empty() {
        let raw = doc.clause(pi, si, ci).span.slice(doc.text);
        match raw.trim_end().rsplit_once('\n') {
            Some((_, line)) => {
                last_line = line.chars().filter(|c| !c.is_whitespace()).collect();
                if last_line.chars().count() >= 3 {
                    last_line.as_str()
                } else {
                    norm
                }
            }
            None => norm,
        }
    } else {
        norm
    };
    if let Some(rest) = norm.strip_prefix('在').filter(|_| !here.is_empty()) {
        // `在总人口中男性人口为278098人，…`: the opener inside the clause of
        // the first part.
        let end = rest.find('中')?;
        let name = opener_name(&rest[..end])?;
        let first = &doc.quantities[here[0]];
        let opener_end = doc.clause(pi, si, ci).span.start;
        if !first.label_text.starts_with(&format!("在{}", &rest[..end])) {
            return None;
        }
        return named_total(doc, pi, opener_end, name).map(|t| (t, ci));
    }
    if ci + 1 >= clauses || !norm.ends_with('中') || norm.starts_with("其中") {
        return None;
    }
    if let &[only] = here {
        let q = &doc.quantities[only];
        let noun = q.after.strip_suffix('中')?;
        let ok = can_be_total(doc, q)
            && (1..=6).contains(&noun.chars().count())
            && noun.chars().all(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c));
        return ok.then_some((only, ci + 1));
    }
    if !here.is_empty() {
        return None;
    }
    let name = opener_name(norm.strip_suffix('中')?)?;
    let clause_start = doc.clause(pi, si, ci).span.start;
    named_total(doc, pi, clause_start, name)
        .or_else(|| named_total(doc, pi, clause_start, counted(name)?))
        .map(|t| (t, ci))
}

/// Words an opener may add after what it counts (`民事案件收案总数中` counts
/// 民事案件): a count noun, a total word, or both.
const COUNT_TAILS: [&str; 10] = [
    "总数", "总量", "总额", "合计", "收案", "受案", "件数", "人数", "户数", "数量",
];

/// What an opener counts without the count nouns and total words after it
/// (`民事案件收案总数` → `民事案件`); `None` when none is there or fewer than
/// two characters are left.
fn counted(name: &str) -> Option<&str> {
    let mut s = name;
    while let Some(w) = COUNT_TAILS.iter().find(|w| s.ends_with(**w)) {
        s = &s[..s.len() - w.len()];
    }
    (s != name && s.chars().count() >= 2).then_some(s)
}

/// The nearest figure before `before` (in paragraph `pi`, then up to
/// [`OPENER_PARAGRAPHS_BACK`] paragraphs back) that can be a total and whose label names `name`; `None`
/// when there is none, or when the nearest paragraph that has one gives two
/// values.
fn named_total(doc: &Doc<'_>, pi: usize, before: usize, name: &str) -> Option<usize> {
    let clause_start = before;
    for p in (pi.saturating_sub(OPENER_PARAGRAPHS_BACK)..=pi).rev() {
        // The nearest figures only, so that a paragraph of many openers
        // stays linear.
        let range = doc.in_paragraph(p);
        let end = range.start
            + doc.quantities[range.clone()].partition_point(|q| q.span.end <= clause_start);
        let start = end.saturating_sub(OPENER_FIGURES_BACK).max(range.start);
        // Every figure that names X, before or after it (`约有12万常住人口`);
        // the nearest must be one that can be a total.
        let found: Vec<usize> = (start..end)
            .filter(|&i| {
                let q = &doc.quantities[i];
                names(&q.label_text, name)
                    || q.after.starts_with(name)
                    || names_with_noun(doc, range.clone(), i, name)
            })
            .collect();
        let Some(&last) = found.last() else {
            continue;
        };
        if !can_be_total(doc, &doc.quantities[last])
            || doc.quantities[last].approx != crate::quantity::Approx::Exact
        {
            return None;
        }
        let value = doc.quantities[last].value;
        if found.iter().any(|&i| doc.quantities[i].value != value) {
            return None;
        }
        return Some(last);
    }
    None
}

/// The noun an opener names, without the time and place before it
/// (`2021年末全市常住人口` → `常住人口`); `None` when fewer than two
/// characters are left or the opener is not a plain noun phrase.
fn opener_name(opener: &str) -> Option<&str> {
    let mut s = opener.strip_prefix('在').unwrap_or(opener);
    if let Some(at) = s.find("年末").or_else(|| s.find("年底")) {
        s = &s[at + "年末".len()..];
    } else if let Some(at) = s.find('年') {
        if s[..at].chars().all(|c| c.is_ascii_digit()) {
            s = &s[at + '年'.len_utf8()..];
        }
    }
    for place in [
        "全县", "全市", "全区", "全省", "全国", "全镇", "全乡", "全州", "全旗", "全盟", "本县",
        "本市",
    ] {
        if let Some(rest) = s.strip_prefix(place) {
            s = rest;
            break;
        }
    }
    let plain = s.chars().all(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c));
    (plain && (2..=10).contains(&s.chars().count())).then_some(s)
}

/// True when figure `i` names `name` with the paragraph's noun for what it
/// counts left out (`立案提案中，` names `经审查立案205件` after `共收到提案
/// 223件`): its label ends with all of `name` but its last one or two
/// characters, two at least, and those characters name another figure of
/// its unit in the paragraph (`range`).
fn names_with_noun(doc: &Doc<'_>, range: std::ops::Range<usize>, i: usize, name: &str) -> bool {
    let q = &doc.quantities[i];
    let label = q
        .label_text
        .trim_end_matches(['为', '是', '达', '有', '共', '：', ':']);
    let chars: Vec<char> = name.chars().collect();
    (1..=2).any(|n| {
        if chars.len() < n + 2 {
            return false;
        }
        let head: String = chars[..chars.len() - n].iter().collect();
        let noun: String = chars[chars.len() - n..].iter().collect();
        // 不予立案 does not name 立案提案.
        let negated = label.strip_suffix(head.as_str()).is_some_and(|b| {
            ["不", "不予", "未", "非", "无"]
                .iter()
                .any(|w| b.ends_with(w))
        });
        label.ends_with(&head)
            && !negated
            && range.clone().any(|j| {
                let o = &doc.quantities[j];
                j != i
                    && o.display_unit == q.display_unit
                    && (o.label_text.ends_with(&noun) || o.after.starts_with(&noun))
            })
    })
}

/// True when a figure's label ends by naming `name` (`全县常住人口为` names
/// 常住人口).
fn names(label: &str, name: &str) -> bool {
    let l = label.trim_end_matches(['为', '是', '达', '有', '共', '：', ':']);
    l.ends_with(name)
}

/// The clause announces a cut of the figure before it, as 其中 does: the
/// whole clause is `按…分`, `按…划分`, `分…看`, `分…来看` or `从…看`
/// (`按季节分，夏粮…，秋粮…`; `分产业看，第一产业…`). Returns the clause.
/// A clause that states a figure (`从全年看，粮食总产量…`) is no such
/// announcement: the caller passes only clauses without figures.
pub(super) fn announces_cut(norm: &str) -> Option<&str> {
    // What the cut is by (季节, 产业, 城乡, 项目): a short noun. A longer
    // phrase (`从调解纠纷案件数量来看`) introduces a topic, not a cut.
    let by = |prefix: char, suffixes: &[&str]| -> bool {
        let Some(rest) = norm.strip_prefix(prefix) else {
            return false;
        };
        suffixes.iter().any(|s| {
            rest.strip_suffix(s)
                .is_some_and(|inner| (1..=4).contains(&inner.chars().count()))
        })
    };
    let shaped = by('按', &["划分", "分类", "统计", "分"])
        || by('分', &["来看", "看"])
        || by('从', &["来看", "看"]);
    // `从总体看`, `从全年看` introduce a whole, not its parts.
    let whole = ["总体", "整体", "全年", "总的", "全局"]
        .iter()
        .any(|w| norm.contains(w));
    (shaped && !whole).then_some(norm)
}

/// What a total's label names, without the words that only introduce it
/// (`共退回补充侦查` → `退回补充侦查`, `重报` → `重报`); `None` when fewer than
/// two characters are left.
fn total_key(label: &str) -> Option<&str> {
    let mut l = label.trim_start_matches(['，', ',', '、', '；', ';']);
    for w in [
        "其中", "全年", "累计", "共计", "共有", "共", "全县", "全市", "全区",
    ] {
        l = l.strip_prefix(w).unwrap_or(l);
    }
    let l = l.trim_end_matches(['为', '是', '达', '有', '：', ':']);
    (l.chars().count() >= 2).then_some(l)
}

/// The totals a `其中` (or an announced cut) may divide.
#[derive(Default)]
struct Totals {
    /// One figure per dimension, or several each with a key of its own.
    totals: Vec<usize>,
    /// Earlier figures of the totals' dimensions in the same sentence.
    rivals: Vec<usize>,
    /// Totals named only by their key (see [`Scan::total_for`]).
    keyed: Vec<usize>,
    /// Figures of a dimension stated several times in the previous sentence
    /// (`工业增加值31.87亿元，…；实现主营业务收入43.68亿元…。其中：…`):
    /// a part goes to the one whose label shares the most with its own.
    by_label: Vec<usize>,
}

/// The totals of a 其中 at clause `ci`: the figures of the nearest clause
/// before it (in the previous sentence when 其中 opens the sentence) that has
/// any, one per dimension; a dimension written twice there is ambiguous and
/// dropped, unless 其中 opens the sentence: then its figures are totals by
/// label ([`Totals::by_label`]). When 其中 opens a sentence, a dimension the
/// previous sentence does not state is looked up one sentence further back
/// (`初中学校6.54万所。招生…万人，在校生…万人。其中普通初中6.39万所，招生…`).
/// Also returns the rivals: figures of the same dimensions earlier in
/// that sentence, which the parts might belong to instead
/// (`学生320人，教师45人，其中，女生160人`).
fn find_totals(doc: &Doc<'_>, pi: usize, si: usize, ci: usize, announced: bool) -> Totals {
    let by_dimension = |eligible: Vec<usize>| -> BTreeMap<&str, Vec<usize>> {
        let mut by_dim: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for i in eligible {
            let dim = doc.quantities[i].dimension().unwrap_or("");
            by_dim.entry(dim).or_default().push(i);
        }
        by_dim
    };
    // A dimension written twice is kept only when each figure has a key of
    // its own (`共退回补充侦查36件，重报35件`): parts then go to the total
    // their label names (`一次重报28件`).
    let distinct_keys = |v: &Vec<usize>| {
        let keys: Vec<Option<&str>> = v
            .iter()
            .map(|&i| total_key(&doc.quantities[i].label_text))
            .collect();
        v.len() == 1
            || (keys.iter().all(Option::is_some)
                && keys.iter().enumerate().all(|(a, ka)| {
                    keys[a + 1..].iter().all(|kb| {
                        let (x, y) = (ka.unwrap_or(""), kb.unwrap_or(""));
                        !x.contains(y) && !y.contains(x)
                    })
                }))
    };
    let one_per_dimension = |eligible: Vec<usize>| -> Vec<usize> {
        by_dimension(eligible)
            .into_values()
            .filter(|v| distinct_keys(v))
            .flatten()
            .collect()
    };
    if ci == 0 {
        // 其中 opens a sentence: it divides what the previous sentence states
        // (or, for a dimension that sentence does not state, the one before).
        let mut out = Totals::default();
        let mut seen: Vec<&str> = Vec::new();
        let mut back = 0;
        let mut looked = 0;
        while looked < SENTENCES_BACK {
            back += 1;
            let Some(s) = si.checked_sub(back) else {
                break;
            };
            // A cut announced by 按…分 divides the whole, not the subset a
            // 其中 sentence before it states (`零售总额38.03亿元。其中限额以上
            // …4.83亿元。按经营地统计，城镇…`).
            if announced
                && doc.draft.paragraphs[pi].sentences[s]
                    .clauses
                    .first()
                    .is_some_and(|c| doc.clause_text(c).0.starts_with("其中"))
            {
                continue;
            }
            looked += 1;
            let eligible: Vec<usize> = doc
                .in_sentence(pi, s)
                .filter(|&i| can_be_total(doc, &doc.quantities[i]))
                .collect();
            let dims = by_dimension(eligible);
            for (dim, v) in &dims {
                if seen.contains(dim) {
                    continue;
                }
                if distinct_keys(v) {
                    out.totals.extend(v);
                } else {
                    out.by_label.extend(v);
                }
            }
            seen.extend(dims.keys());
        }
        return out;
    }
    let s = si;
    for c in (ci.saturating_sub(CLAUSES_BACK)..ci).rev() {
        let eligible: Vec<usize> = doc
            .in_clause(pi, s, c)
            .iter()
            .copied()
            .filter(|&i| can_be_total(doc, &doc.quantities[i]))
            .collect();
        if eligible.is_empty() {
            continue;
        }
        let mut totals = one_per_dimension(eligible);
        let mut keyed: Vec<usize> = Vec::new();
        let mut new_units: Vec<usize> = Vec::new();
        let rivals = (c.saturating_sub(CLAUSES_BACK)..c)
            .flat_map(|earlier| doc.in_clause(pi, s, earlier).iter().copied())
            .filter(|&i| can_be_total(doc, &doc.quantities[i]))
            .filter(|&i| {
                totals
                    .iter()
                    .any(|&t| doc.quantities[t].dimension() == doc.quantities[i].dimension())
            })
            .collect();
        // A record before 其中 (`普通中学38所，在校学生2.95万人，其中…`): the
        // other units' totals stand in the earlier clauses of the same
        // statement (back to a ；).
        let clauses = &doc.draft.paragraphs[pi].sentences[s].clauses;
        for earlier in (c.saturating_sub(CLAUSES_BACK)..c).rev() {
            if clauses[earlier]
                .mark
                .is_some_and(|m| matches!(m.slice(doc.text), "；" | ";"))
            {
                break;
            }
            let (seen, new_dims): (Vec<usize>, Vec<usize>) = doc
                .in_clause(pi, s, earlier)
                .iter()
                .copied()
                .filter(|&i| can_be_total(doc, &doc.quantities[i]))
                .partition(|&i| {
                    totals
                        .iter()
                        .any(|&t| doc.quantities[t].dimension() == doc.quantities[i].dimension())
                });
            // A second figure of a unit already seen, under a key of its own
            // (`在校学生3.82万人，专任教师2416人，其中…`): a total for the parts
            // that name it.
            for i in seen {
                let key = total_key(&doc.quantities[i].label_text);
                let distinct = key.is_some_and(|k| {
                    totals.iter().chain(&keyed).all(|&t| {
                        total_key(&doc.quantities[t].label_text)
                            .is_some_and(|o| !o.contains(k) && !k.contains(o))
                    })
                });
                if distinct {
                    keyed.push(i);
                }
            }
            new_units.extend(new_dims);
        }
        // A unit stated twice in those clauses (`缴存人数3438人，封存112人，
        // 缴存单位95个，其中…`) gives a total only to the parts that name one.
        totals.extend(one_per_dimension(new_units));
        return Totals {
            totals,
            rivals,
            keyed,
            by_label: Vec::new(),
        };
    }
    Totals::default()
}

/// The one figure of `candidates` whose label shares the longest run of
/// characters with the part's label, two characters at least
/// (`“10强”企业累计实现工业增加值` goes to `“10强50户”企业累计实现工业增加值`, not
/// to `实现主营业务收入`); `None` when two share as much.
fn most_alike(doc: &Doc<'_>, candidates: &[usize], q: &Quantity) -> Option<usize> {
    let part = trim_tail(q.label_text.trim_start_matches("其中"));
    let mut best: Option<(usize, usize)> = None; // (length, figure)
    let mut tie = false;
    for &c in candidates {
        let len = longest_common_run(trim_tail(&doc.quantities[c].label_text), part);
        match best {
            Some((b, _)) if len < b => {}
            Some((b, _)) if len == b => tie = true,
            _ => {
                best = Some((len, c));
                tie = false;
            }
        }
    }
    let (len, c) = best?;
    (len >= 2 && !tie).then_some(c)
}

/// True when the sentence states rival figures of the total's dimension
/// before it and no part shares the head character of the total's label
/// (`学生320人，教师45人，其中，女生160人`: 女生 is not a kind of 教师).
fn parts_point_elsewhere(doc: &Doc<'_>, total: usize, rivals: &[usize], parts: &[&Part]) -> bool {
    let q = |i: usize| &doc.quantities[i];
    let has_rival = rivals
        .iter()
        .any(|&r| q(r).dimension() == q(total).dimension());
    let total_head = head_char(&q(total).label_text);
    let to_total = total_head.is_some()
        && parts
            .iter()
            .any(|p| head_char(&q(p.q).label_text) == total_head);
    // Parts that name neither (`教职人员49人，其中和尚31人，喇嘛15人`, after
    // 信教群众52570人) go to the nearest figure.
    let to_rival = rivals.iter().any(|&r| {
        q(r).dimension() == q(total).dimension()
            && head_char(&q(r).label_text).is_some_and(|h| {
                parts
                    .iter()
                    .any(|p| head_char(&q(p.q).label_text) == Some(h))
            })
    });
    has_rival && !to_total && to_rival
}

/// The one rival figure of the total's unit whose label ends as every part's
/// label does (two characters at least), when the total's does not.
fn rival_named_by(doc: &Doc<'_>, total: usize, rivals: &[usize], parts: &[&Part]) -> Option<usize> {
    let q = |i: usize| &doc.quantities[i];
    let named = |r: usize| {
        parts.iter().all(|p| {
            common_suffix(&q(r).label_text, &q(p.q).label_text)
                .chars()
                .count()
                >= 2
        })
    };
    if named(total) {
        return None;
    }
    let found: Vec<usize> = rivals
        .iter()
        .copied()
        .filter(|&r| q(r).dimension() == q(total).dimension() && named(r))
        .collect();
    match found.as_slice() {
        [only] => Some(*only),
        _ => None,
    }
}

struct Nested {
    total: usize,
    parts: Vec<usize>,
    /// A later part returned to the outer partition, so every part read in
    /// between is known to be nested.
    resolved: bool,
}

struct Scan<'d, 'a> {
    doc: &'d Doc<'a>,
    opts: &'d BreakdownOptions,
    pi: usize,
    si: usize,
    totals: Vec<usize>,
    marker: Span,
    parts: Vec<Part>,
    cut: usize,
    nested: Option<Nested>,
    nested_done: Vec<Nested>,
    /// (cut, total) whose later parts were lost to an unresolved nested 其中.
    truncated: Vec<(usize, usize)>,
    /// Text of the clause of the first part, 其中 removed.
    first_part_text: Option<String>,
    /// Earlier figures of the totals' dimensions in the same sentence.
    rivals: Vec<usize>,
    /// More totals of units already among `totals`, each for the parts
    /// whose label names its key.
    keyed: Vec<usize>,
    /// Totals a part goes to by its label (see [`Totals::by_label`]).
    by_label: Vec<usize>,
    /// The breakdown opens with `其中：` (a list may follow item by item).
    colon_list: bool,
    /// How the breakdown is announced (其中, an `X中，` opener, `按…分`).
    kind: BreakdownKind,
    /// (part, figure inside it) read as `…，A…，A中B…`.
    inner: Vec<(usize, usize)>,
}

impl<'d, 'a> Scan<'d, 'a> {
    fn new(
        doc: &'d Doc<'a>,
        opts: &'d BreakdownOptions,
        pi: usize,
        si: usize,
        totals: Vec<usize>,
        marker: Span,
    ) -> Self {
        Scan {
            doc,
            opts,
            pi,
            si,
            totals,
            marker,
            parts: Vec::new(),
            cut: 0,
            nested: None,
            nested_done: Vec::new(),
            truncated: Vec::new(),
            first_part_text: None,
            rivals: Vec::new(),
            keyed: Vec::new(),
            by_label: Vec::new(),
            colon_list: false,
            kind: BreakdownKind::Qizhong,
            inner: Vec::new(),
        }
    }

    fn total_for(&self, q: &Quantity) -> Option<usize> {
        let doc = self.doc;
        let named_by_q = |t: usize| {
            total_key(&doc.quantities[t].label_text).is_some_and(|k| q.label_text.contains(k))
        };
        let keyed: Vec<usize> = self
            .keyed
            .iter()
            .copied()
            .filter(|&t| can_be_part(&doc.quantities[t], q) && named_by_q(t))
            .collect();
        if let [only] = keyed.as_slice() {
            // `在校学生1.57万人` under `在校学生3.82万人`, not `专任教师2416人`.
            if !self
                .totals
                .iter()
                .any(|&t| can_be_part(&doc.quantities[t], q) && named_by_q(t))
            {
                return Some(*only);
            }
        }
        let fits: Vec<usize> = self
            .totals
            .iter()
            .copied()
            .filter(|&t| can_be_part(&self.doc.quantities[t], q))
            .collect();
        match fits.as_slice() {
            [] => {
                let by_label: Vec<usize> = self
                    .by_label
                    .iter()
                    .copied()
                    .filter(|&t| can_be_part(&doc.quantities[t], q))
                    .collect();
                most_alike(doc, &by_label, q)
            }
            [only] => Some(*only),
            // Several totals of the unit: the one whose key the part's label
            // names, if exactly one; else the one whose label shares most
            // with the part's.
            many => {
                let named: Vec<usize> = many
                    .iter()
                    .copied()
                    .filter(|&t| {
                        total_key(&self.doc.quantities[t].label_text)
                            .is_some_and(|k| q.label_text.contains(k))
                    })
                    .collect();
                match named.as_slice() {
                    [one] => Some(*one),
                    [] if !self.by_label.is_empty() || self.keyed.is_empty() => {
                        most_alike(doc, many, q)
                    }
                    _ => None,
                }
            }
        }
    }

    /// Runs from the 其中 clause `first` to the end of the breakdown; returns
    /// the breakdowns found and the clause to resume from.
    fn run(mut self, first: usize) -> (Vec<Breakdown>, usize) {
        let clauses = &self.doc.draft.paragraphs[self.pi].sentences[self.si].clauses;
        let (first_text, _) = self.doc.clause_text(&clauses[first]);
        self.colon_list |= first_text == "其中"
            && clauses[first]
                .mark
                .is_some_and(|m| matches!(m.slice(self.doc.text), "：" | ":"));
        let mut k = first;
        while k < clauses.len() {
            let (norm, _) = self.doc.clause_text(&clauses[k]);
            if k > first {
                if starts_with_any(&norm, &self.opts.end_words).is_some() {
                    break;
                }
                if norm.ends_with('中')
                    && !norm.starts_with("其中")
                    && starts_with_any(&norm, &self.opts.new_cut_words).is_none()
                    && self.doc.in_clause(self.pi, self.si, k).is_empty()
                {
                    // 乡村人口中，男性…: what follows divides another total.
                    break;
                }
                if let Some(verb) = starts_with_any(&norm, &self.opts.statement_verbs) {
                    // Parallel parts (each opens with the verb), or a part
                    // restating the verb of the total it belongs to
                    // (`完成投资96.4亿元。其中续建项目35宗，完成投资47.7亿元`).
                    let parallel = self
                        .first_part_text
                        .as_deref()
                        .is_some_and(|t| t.starts_with(verb))
                        || self.restates_total_verb(k, verb);
                    if !parallel {
                        if self.has_total_dimension(k) {
                            // 审结1180件: a new statement in the total's unit.
                            break;
                        }
                        // 发放低保金2156.3万元 between the parts of a 户
                        // breakdown: another statement, but not about the
                        // total; the parts may go on after it.
                        k += 1;
                        continue;
                    }
                }
                let after_semicolon = clauses[k - 1]
                    .mark
                    .is_some_and(|m| matches!(m.slice(self.doc.text), "；" | ";"));
                if norm.starts_with("其中") {
                    if !self.open_nested() {
                        break;
                    }
                } else if after_semicolon && !self.continues(k) {
                    break;
                }
                if starts_with_any(&norm, &self.opts.new_cut_words).is_some() {
                    self.close_nested(false);
                    self.cut += 1;
                }
            }
            if self.parts.len() >= MAX_PARTS {
                break;
            }
            if !self.read_clause(k) {
                break;
            }
            k += 1;
        }
        self.close_nested(false);
        (self.finish(), k)
    }

    /// True when the figures of clause `k` in a total's unit go to a total
    /// whose own label states `verb` and what follows it
    /// (`完成投资47.7亿元` under `完成投资96.4亿元`).
    fn restates_total_verb(&self, k: usize, verb: &str) -> bool {
        let doc = self.doc;
        let (norm, _) = doc.clause_text(doc.clause(self.pi, self.si, k));
        let stated = |t: usize| {
            let label = trim_tail(&doc.quantities[t].label_text);
            label.find(verb).is_some_and(|at| {
                let phrase = &label[at..];
                phrase.chars().count() > verb.chars().count() && norm.starts_with(phrase)
            })
        };
        let figures = doc.in_clause(self.pi, self.si, k);
        !figures.is_empty()
            && figures
                .iter()
                .all(|&i| self.total_for(&doc.quantities[i]).is_none_or(&stated))
            && figures
                .iter()
                .any(|&i| self.total_for(&doc.quantities[i]).is_some())
    }

    /// True when clause `k` states a figure of one of the totals' dimensions.
    fn has_total_dimension(&self, k: usize) -> bool {
        self.doc
            .in_clause(self.pi, self.si, k)
            .iter()
            .any(|&i| self.total_for(&self.doc.quantities[i]).is_some())
    }

    /// True when the total's label names a member of the part's partition
    /// other than the part's (the total is 城市…, the part 农村…).
    fn sibling_of_total(&self, total: usize, member: Option<(usize, usize)>) -> bool {
        let Some((p, m)) = member else {
            return false;
        };
        let total_label = &self.doc.quantities[total].label_text;
        let partition = &self.doc.partitions[p];
        !partition
            .whole
            .iter()
            .any(|w| total_label.contains(w.as_str()))
            && partition.member_of(total_label).is_some_and(|tm| tm != m)
    }

    /// The one figure of a clause that is nothing but a label and that figure
    /// (`初中18所`), if it is such a clause.
    fn bare_figure(&self, clause: usize) -> Option<usize> {
        let figures = self.doc.in_clause(self.pi, self.si, clause);
        let &[only] = figures else {
            return None;
        };
        let q = &self.doc.quantities[only];
        (q.after.is_empty() && q.label_text.chars().count() <= BARE_LABEL_CHARS).then_some(only)
    }

    /// True when figure `i` opens a new line: its label starts with a line
    /// break right after the figure before it in the same clause
    /// (`…23.45%⏎地区人口⏎北岗区298292人`). A line break inside a label
    /// (`农⏎·126·⏎村特困人员`) is a page break, not a new line.
    fn starts_line_after_figure(&self, i: usize) -> bool {
        let doc = self.doc;
        let q = &doc.quantities[i];
        let raw = q.label.slice(doc.text);
        let follows_figure = i > 0 && {
            let prev = &doc.quantities[i - 1];
            prev.location == q.location && prev.full_span.end <= q.label.start
        };
        follows_figure
            && raw
                .trim_start_matches([' ', '\t', '\u{3000}'])
                .starts_with(['\n', '\r'])
    }

    /// A nested 其中: the last part read becomes the total of a breakdown
    /// inside the breakdown. False when there is no such part.
    fn open_nested(&mut self) -> bool {
        self.close_nested(false);
        match self.parts.last() {
            Some(last) => {
                self.nested = Some(Nested {
                    total: last.q,
                    parts: Vec::new(),
                    resolved: false,
                });
                true
            }
            None => false,
        }
    }

    /// Ends a nested breakdown. Unless `resolved` (a later part returned to the
    /// outer partition), its extent is unknown: only its first part, which
    /// surely belongs to it, is checked (it cannot exceed its total), and the
    /// outer breakdown of its dimension can no longer be exhaustive.
    fn close_nested(&mut self, resolved: bool) {
        if let Some(mut n) = self.nested.take() {
            if !resolved {
                if let Some(t) = self.total_for(&self.doc.quantities[n.total]) {
                    self.truncated.push((self.cut, t));
                }
            }
            n.resolved = resolved;
            self.nested_done.push(n);
        }
    }

    /// After ；, the breakdown goes on only when the next clause names a
    /// partition member or shares a head noun with a part already read.
    fn continues(&self, k: usize) -> bool {
        let doc = self.doc;
        // A part named 其他… closes the list (`…，其他498万册；外文书刊…`):
        // what follows the ； is another cut or statement.
        if self
            .parts
            .last()
            .is_some_and(|p| names_other(&doc.quantities[p.q].label_text))
        {
            return false;
        }
        let Some(&first) = doc
            .in_clause(self.pi, self.si, k)
            .iter()
            .find(|&&i| self.total_for(&doc.quantities[i]).is_some())
        else {
            return false;
        };
        self.continues_with(first, k)
    }

    /// True when figure `first` of clause `k` goes on with the parts read so
    /// far: its label names a partition member, it is the next item of a
    /// `其中：` list, or it shares a head noun with a part.
    fn continues_with(&self, first: usize, k: usize) -> bool {
        let doc = self.doc;
        let q = &doc.quantities[first];
        if doc
            .partitions
            .iter()
            .any(|p| p.member_of(&q.label_text).is_some())
        {
            return true;
        }
        // A list announced by 其中： and set out item after item with ；
        // (其中：小学42所；初中18所). Without the colon, a bare clause after ；
        // is as likely the next total (小学46所，其中…；初中15所).
        if let (true, Some(here), Some(last)) =
            (self.colon_list, self.bare_figure(k), self.parts.last())
        {
            let previous = &doc.quantities[last.q];
            // Only the share of the item may stand between two items
            // (`其中：地租284.5万元，占18.7%；税捐1184.7万元，占73.4%`).
            let only_shares_between = (previous.location.clause + 1..k).all(|c| {
                doc.in_clause(self.pi, self.si, c)
                    .iter()
                    .all(|&i| doc.quantities[i].form == crate::quantity::Form::Percent)
            });
            if here == first
                && previous.location.clause < k
                && only_shares_between
                && previous.display_unit == q.display_unit
                && self.bare_figure(previous.location.clause) == Some(last.q)
            {
                return true;
            }
        }
        if self.parts.iter().any(|p| {
            common_suffix(
                trim_tail(&doc.quantities[p.q].label_text),
                trim_tail(&q.label_text),
            )
            .chars()
            .count()
                >= 2
        }) {
            return true;
        }
        // Parallel statements, each part naming its own total (`其中：A企业
        // 实现工业增加值26.41亿元，…；实现主营业务收入26.81亿元，…`).
        if let (Some(t), Some(last)) = (self.total_for(q), self.parts.last()) {
            let several = self.totals.len() + self.by_label.len() > 1;
            let named = total_key(&doc.quantities[t].label_text)
                .is_some_and(|key| q.label_text.contains(key))
                || self.by_label.contains(&t);
            if several && named && t != last.total {
                return true;
            }
        }
        // A list of short items set out with ； under a total the sentence
        // states no rival of (`学校共221所，其中小学98所；初级中学24所；完全
        // 中学1所`): each item is a part, unless a 其中 after it makes it the
        // next total (`小学46所，其中公办40所；初中15所，其中…`).
        if self.items_list(first, k) {
            return true;
        }
        // Records set out with ； (`其中高中9所，学生1.23万人；初中29所，学生
        // 1.72万人`): a short label of the first part's unit that ends as the
        // first part's does (高中/初中).
        let short = |l: &str| (1..=4).contains(&l.chars().count());
        self.parts.first().is_some_and(|p| {
            let first = &doc.quantities[p.q];
            let first_label = first.label_text.trim_start_matches("其中");
            first.display_unit == q.display_unit
                && short(first_label)
                && short(&q.label_text)
                && !common_suffix(first_label, &q.label_text).is_empty()
        })
    }

    /// True when clause `k`, whose first part-like figure is `first`, is the
    /// next item of a list set out with ；: the total has no rival of its
    /// unit earlier in the sentence, the clause and the last part's clause
    /// hold nothing but short labels and figures of that unit, and the
    /// clause after `k` does not open with 其中.
    fn items_list(&self, first: usize, k: usize) -> bool {
        let doc = self.doc;
        let q = &doc.quantities[first];
        let Some(total) = self.total_for(q) else {
            return false;
        };
        let t = &doc.quantities[total];
        let rival = self
            .rivals
            .iter()
            .any(|&r| doc.quantities[r].dimension() == t.dimension());
        let Some(last) = self.parts.last() else {
            return false;
        };
        let previous = &doc.quantities[last.q];
        let items_only = |clause: usize| {
            let figures = doc.in_clause(self.pi, self.si, clause);
            !figures.is_empty()
                && figures.iter().all(|&i| {
                    let f = &doc.quantities[i];
                    if f.in_parens || (f.in_words && !f.after.is_empty()) {
                        // 小学98所（含教学点28所）: a note on the item;
                        // 九年一贯制学校: a name, not a figure.
                        return true;
                    }
                    let label = f.label_text.trim_start_matches(['、', '，', ',']);
                    (f.display_unit == t.display_unit || f.dimension() == Some("age"))
                        && self.opts.ends_statement(f)
                        && label.chars().count() <= BARE_LABEL_CHARS
                })
        };
        let clauses = &doc.draft.paragraphs[self.pi].sentences[self.si].clauses;
        let semicolon = |c: usize| {
            clauses[c]
                .mark
                .is_some_and(|m| matches!(m.slice(doc.text), "；" | ";"))
        };
        // The item stands alone: a ； or the end of the sentence after it, or
        // another item (not a remark on it such as 比上年增长…, nor a 其中
        // that makes it a total).
        let shares_after = |c: usize| {
            let figures = doc.in_clause(self.pi, self.si, c);
            !figures.is_empty()
                && figures
                    .iter()
                    .all(|&i| doc.quantities[i].form == crate::quantity::Form::Percent)
        };
        let alone = k + 1 == clauses.len()
            || semicolon(k)
            || items_only(k + 1)
            || (shares_after(k + 1) && (k + 2 == clauses.len() || semicolon(k + 1)));
        let closed = names_other(&doc.quantities[last.q].label_text);
        // Only the item's shares may stand between it and the ； (`投诉类826
        // 件，占总量的52.84%；咨询类211件`).
        let only_shares_between = (previous.location.clause + 1..k).all(|c| {
            doc.in_clause(self.pi, self.si, c)
                .iter()
                .all(|&i| doc.quantities[i].form == crate::quantity::Form::Percent)
        });
        !rival
            && !closed
            && previous.display_unit == q.display_unit
            && previous.location.clause < k
            && semicolon(k - 1)
            && only_shares_between
            && items_only(k)
            && items_only(previous.location.clause)
            && alone
            && !self.opts.foreign_to(&t.label_text, &q.label_text)
    }

    fn member(&self, total: usize, q: &Quantity) -> Option<(usize, usize, String)> {
        // What the total counts may follow it (`116名残疾人享受…`).
        let t = &self.doc.quantities[total];
        let total_label = &t.named();
        let mut found = self
            .doc
            .partitions
            .iter()
            .enumerate()
            .filter(|(_, p)| p.applies_to(total_label))
            .filter_map(|(pi, p)| {
                p.member_word(&q.label_text)
                    .map(|(m, w)| (pi, m, w.to_string()))
            });
        let first = found.next()?;
        found.next().is_none().then_some(first)
    }

    /// Reads the parts of clause `k`; false when the clause shows that the
    /// breakdown is over.
    fn read_clause(&mut self, k: usize) -> bool {
        let doc = self.doc;
        let mut band = None;
        let mut threshold = false;
        for &i in doc.in_clause(self.pi, self.si, k) {
            let q = &doc.quantities[i];
            if let Some(b) = age_band(q) {
                band = Some(b);
                continue;
            }
            let Some(total) = self.total_for(q) else {
                threshold |= matches!(q.approx, Approx::AtLeast | Approx::AtMost);
                continue;
            };
            if !self.opts.ends_statement(q) {
                // 资助1360名困难群众参加…: a figure inside a new statement.
                continue;
            }
            if !self.parts.is_empty()
                && self.starts_line_after_figure(i)
                && !self.continues_with(i, k)
            {
                // `…，占23.45%⏎北岗区298292人`: a line that opens with a new
                // label after a complete figure is the next line of a list or
                // an infographic, not a part, unless it goes on with the parts.
                return false;
            }
            let total_q = &doc.quantities[total];
            if years_differ(&total_q.label_text, &q.label_text) {
                // 2019年为745户: another year's figure, not a part.
                continue;
            }
            if self.opts.foreign_to(&total_q.label_text, &q.label_text) {
                // 概算投资140.16亿元 under 完成投资77.57亿元; 贷款余额 under
                // 存款余额: a plan or the opposite quantity, not a part.
                continue;
            }
            if let Some(outer) = self.inside_earlier_part(q) {
                // 中长期贷款935.7亿元，中长期贷款中个人消费贷款414.2亿元: a
                // part of a part, not a third part.
                self.inner.push((outer, i));
                continue;
            }
            let (member, member_word) = match self.member(total, q) {
                Some((p, m, w)) => (Some((p, m)), Some(w)),
                None => (None, None),
            };
            let by_components = member.is_some_and(|(p, _)| !doc.partitions[p].totals.is_empty());
            if total_q.non_additive && !by_components {
                // A per-capita total only adds up by its components, never
                // by population (城镇居民38462元 under 全县人均26852元).
                continue;
            }
            if self.sibling_of_total(total, member) {
                // 城市低保对象1268户，…；农村低保对象3968户: the total's
                // partner in a partition, not its part; the breakdown is over.
                return false;
            }
            if let Some(nested_total) = self.nested.as_ref().map(|n| n.total) {
                if doc.quantities[nested_total].dimension() == q.dimension() {
                    let outer = self.outer_partition(total);
                    if outer.is_some() && member.map(|m| m.0) == outer {
                        self.close_nested(true);
                    } else {
                        if let Some(n) = self.nested.as_mut() {
                            n.parts.push(i);
                        }
                        band = None;
                        continue;
                    }
                }
            }
            if self.parts.len() >= MAX_PARTS {
                return false;
            }
            if self.first_part_text.is_none() {
                let (norm, _) = doc.clause_text(doc.clause(self.pi, self.si, k));
                let norm = norm.strip_prefix("其中").unwrap_or(&norm);
                self.first_part_text = Some(norm.to_string());
            }
            self.parts.push(Part {
                q: i,
                total,
                cut: self.cut,
                member,
                member_word,
                band: band.take(),
                threshold: std::mem::take(&mut threshold),
            });
        }
        true
    }

    /// The part already read that the figure's label says it is inside
    /// (`中长期贷款中个人消费贷款` after `中长期贷款935.7亿元`).
    fn inside_earlier_part(&self, q: &Quantity) -> Option<usize> {
        self.parts.iter().map(|p| p.q).find(|&p| {
            let name = self.doc.quantities[p]
                .label_text
                .trim_start_matches("其中")
                .trim_end_matches(['为', '是', '达', '有', '：', ':']);
            name.chars().count() >= 2 && q.label_text.contains(&format!("{name}中"))
        })
    }

    /// The partition every part of the current cut under `total` names, if
    /// they all name one.
    fn outer_partition(&self, total: usize) -> Option<usize> {
        let mut it = self
            .parts
            .iter()
            .filter(|p| p.total == total && p.cut == self.cut)
            .map(|p| p.member.map(|m| m.0));
        let first = it.next()??;
        it.all(|m| m == Some(first)).then_some(first)
    }

    fn finish(mut self) -> Vec<Breakdown> {
        let kind = self.kind;
        let marker = self.marker;
        let inner = std::mem::take(&mut self.inner);
        let mut out = self.finish_groups();
        // Each figure inside a part is a one-part subset of that part.
        out.extend(inner.into_iter().map(|(outer, q)| Breakdown {
            kind,
            marker,
            total: outer,
            parts: vec![q],
            cover: None,
            overlapping: false,
        }));
        for b in &mut out {
            b.kind = kind;
        }
        out
    }

    fn finish_groups(self) -> Vec<Breakdown> {
        let mut out = Vec::new();
        let doc = self.doc;
        let mut keys: Vec<(usize, usize)> = self.parts.iter().map(|p| (p.cut, p.total)).collect();
        keys.sort();
        keys.dedup();
        for (cut, total) in keys {
            let parts: Vec<&Part> = self
                .parts
                .iter()
                .filter(|p| p.cut == cut && p.total == total)
                .collect();
            let truncated = self.truncated.contains(&(cut, total));
            let mut total = total;
            if parts_point_elsewhere(doc, total, &self.rivals, &parts) {
                // `共受理民事案件43296件，结案38180件，…，其中一审案件40148件`:
                // the parts name the earlier figure (案件), not the nearer one.
                match rival_named_by(doc, total, &self.rivals, &parts) {
                    Some(r) => total = r,
                    None => continue,
                }
            }
            out.extend(groups(
                doc,
                self.opts,
                self.marker,
                total,
                &parts,
                truncated,
                self.colon_list,
            ));
        }
        for n in self.nested_done {
            if n.parts.is_empty() {
                continue;
            }
            let known = if n.resolved {
                &n.parts[..]
            } else {
                &n.parts[..1]
            };
            let parts: Vec<Part> = known
                .iter()
                .map(|&q| Part {
                    q,
                    total: n.total,
                    cut: 0,
                    member: None,
                    member_word: None,
                    band: None,
                    threshold: false,
                })
                .collect();
            let refs: Vec<&Part> = parts.iter().collect();
            out.extend(groups(
                doc,
                self.opts,
                self.marker,
                n.total,
                &refs,
                true,
                false,
            ));
        }
        out
    }
}

/// Years written in a label (`2019年为` → ["2019"]).
fn years(label: &str) -> Vec<&str> {
    let bytes = label.as_bytes();
    let mut out = Vec::new();
    for (i, _) in label.match_indices('年') {
        if i >= 4 && bytes[i - 4..i].iter().all(u8::is_ascii_digit) {
            out.push(&label[i - 4..i]);
        }
    }
    out
}

/// True when the part's label names a year the total's label does not.
fn years_differ(total_label: &str, part_label: &str) -> bool {
    let total_years = years(total_label);
    years(part_label).iter().any(|y| !total_years.contains(y))
}
