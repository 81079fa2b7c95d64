//! `其中` breakdowns: a total, then the parts that follow `其中`, read clause
//! by clause up to the end of the statement.

use std::collections::BTreeMap;

use super::breakdown::{can_be_part, can_be_total, BreakdownOptions};
use super::groups::{groups, Part};
use super::label::{age_band, common_suffix, head_char, starts_with_any};
use super::{Breakdown, Doc};
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

/// Every `其中` breakdown of the draft.
pub(super) fn qizhong_breakdowns(doc: &Doc<'_>, opts: &BreakdownOptions) -> Vec<Breakdown> {
    let mut out = Vec::new();
    for (pi, para) in doc.draft.paragraphs.iter().enumerate() {
        for (si, sentence) in para.sentences.iter().enumerate() {
            let mut ci = 0;
            while ci < sentence.clauses.len() {
                let (norm, start) = doc.clause_text(&sentence.clauses[ci]);
                if norm.starts_with("其中") {
                    let marker = Span::new(start, start + "其中".len());
                    let (totals, rivals) = find_totals(doc, pi, si, ci);
                    if !totals.is_empty() {
                        let mut scan = Scan::new(doc, opts, pi, si, totals, marker);
                        scan.rivals = rivals;
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

/// The totals of a 其中 at clause `ci`: the figures of the nearest clause
/// before it (in the previous sentence when 其中 opens the sentence) that has
/// any, one per dimension; a dimension written twice there is ambiguous and
/// dropped. Also returns the rivals: figures of the same dimensions earlier in
/// that sentence, which the parts might belong to instead
/// (`学生320人，教师45人，其中，女生160人`).
fn find_totals(doc: &Doc<'_>, pi: usize, si: usize, ci: usize) -> (Vec<usize>, Vec<usize>) {
    let one_per_dimension = |eligible: Vec<usize>| -> Vec<usize> {
        let mut by_dim: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for i in eligible {
            let dim = doc.quantities[i].dimension().unwrap_or("");
            by_dim.entry(dim).or_default().push(i);
        }
        by_dim
            .into_values()
            .filter(|v| v.len() == 1)
            .map(|v| v[0])
            .collect()
    };
    if ci == 0 {
        // 其中 opens a sentence: it divides what the previous sentence states,
        // as long as that sentence states one figure of a dimension.
        if si == 0 {
            return (Vec::new(), Vec::new());
        }
        let eligible = doc
            .in_sentence(pi, si - 1)
            .filter(|&i| can_be_total(doc, &doc.quantities[i]))
            .collect();
        return (one_per_dimension(eligible), Vec::new());
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
        let totals = one_per_dimension(eligible);
        let rivals = (c.saturating_sub(CLAUSES_BACK)..c)
            .flat_map(|earlier| doc.in_clause(pi, s, earlier).iter().copied())
            .filter(|&i| can_be_total(doc, &doc.quantities[i]))
            .filter(|&i| {
                totals
                    .iter()
                    .any(|&t| doc.quantities[t].dimension() == doc.quantities[i].dimension())
            })
            .collect();
        return (totals, rivals);
    }
    (Vec::new(), Vec::new())
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
    has_rival && !to_total
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
    /// The breakdown opens with `其中：` (a list may follow item by item).
    colon_list: bool,
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
            colon_list: false,
        }
    }

    fn total_for(&self, q: &Quantity) -> Option<usize> {
        self.totals
            .iter()
            .copied()
            .find(|&t| can_be_part(&self.doc.quantities[t], q))
    }

    /// Runs from the 其中 clause `first` to the end of the breakdown; returns
    /// the breakdowns found and the clause to resume from.
    fn run(mut self, first: usize) -> (Vec<Breakdown>, usize) {
        let clauses = &self.doc.draft.paragraphs[self.pi].sentences[self.si].clauses;
        let (first_text, _) = self.doc.clause_text(&clauses[first]);
        self.colon_list = first_text == "其中"
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
                    let parallel = self
                        .first_part_text
                        .as_deref()
                        .is_some_and(|t| t.starts_with(verb));
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
        let Some(&first) = doc
            .in_clause(self.pi, self.si, k)
            .iter()
            .find(|&&i| self.total_for(&doc.quantities[i]).is_some())
        else {
            return false;
        };
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
            if here == first
                && previous.location.clause + 1 == k
                && previous.display_unit == q.display_unit
                && self.bare_figure(previous.location.clause) == Some(last.q)
            {
                return true;
            }
        }
        self.parts.iter().any(|p| {
            common_suffix(&doc.quantities[p.q].label_text, &q.label_text)
                .chars()
                .count()
                >= 2
        })
    }

    fn member(&self, total: usize, q: &Quantity) -> Option<(usize, usize, String)> {
        let total_label = &self.doc.quantities[total].label_text;
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
            let total_q = &doc.quantities[total];
            if years_differ(&total_q.label_text, &q.label_text) {
                // 2019年为745户: another year's figure, not a part.
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

    fn finish(self) -> Vec<Breakdown> {
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
            if parts_point_elsewhere(doc, total, &self.rivals, &parts) {
                continue;
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
