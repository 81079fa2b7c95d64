//! Structure ratios (`三次产业结构为16.1:37.0:46.9`) and sex ratios
//! (`男女性别比为105.2:100`, `性别比105.2`), with the parts they are stated of.
//!
//! - A structure ratio is a ratio written after a structure word (`结构`,
//!   `构成`) or after the name of a known structure and a ratio word
//!   (`三次产业之比为`); its terms are percentages of one whole when they add
//!   up to between 50 and 150 (a proportion such as `1:2.3:2.9` is not).
//!   Its parts are the figures that name the members of the structure's
//!   partition (`第一产业增加值` …), one figure a member, and its whole is the
//!   total of the breakdown they are the parts of, or else their sum.
//! - A sex ratio is males per 100 females; its parts are the one figure for
//!   males and the one for females (`男性人口`, `女性人口`; `男婴`, `女婴`) of
//!   what the ratio names (`出生人口性别比` takes 男婴/女婴, not 男性人口).
//!
//! Parts are looked for in the ratio's sentence, then in the earlier
//! sentences of its paragraph; several candidates for a member give nothing.

use rust_decimal::Decimal;

use super::label::{strip_generic, trim_tail};
use super::partition::Partition;
use super::{Breakdown, Doc};
use crate::quantity::{Form, Quantity, Role};
use crate::span::Span;

/// A known structure: the words that name it before a ratio, the partition
/// of its parts, and what its parts measure when the ratio does not say.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StructureName {
    /// Words that name the structure (`三次产业`, `产业`).
    #[serde(deserialize_with = "crate::config::words")]
    pub words: Vec<String>,
    /// The partition whose members are its parts (`三次产业`).
    pub partition: String,
    /// What the parts measure when the ratio names nothing more
    /// (`增加值`: 三次产业结构 is the structure of value added).
    #[serde(deserialize_with = "crate::config::words")]
    pub measures: Vec<String>,
}

/// Word lists that steer how ratios are read; the settings of the
/// `structure-ratio` rule in `rules/arithmetic/structure-ratio.toml`.
#[derive(Debug, Clone, Default)]
pub struct RatioOptions {
    /// Words that make a ratio after them a structure (`结构`, `构成`).
    pub structure_words: Vec<String>,
    /// Words that make a ratio after a structure's name a structure
    /// (`之比`, `比例`).
    pub ratio_words: Vec<String>,
    /// Words that make a ratio after them a sex ratio (`性别比`).
    pub sex_ratio_words: Vec<String>,
    /// Words before a ratio that make it another period's (`上年`, `由`).
    pub other_period: Vec<String>,
    /// Known structures.
    pub structures: Vec<StructureName>,
    /// The name of the partition of males and females (`性别`).
    pub sex_partition: String,
}

/// One term of a stated ratio: its value and the step of its last digit
/// (zero for an exact reference term such as the `100` of `105.2:100`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    /// The value as written.
    pub value: Decimal,
    /// The step of its last digit; zero when exact.
    pub step: Decimal,
}

/// A structure ratio with its parts.
#[derive(Debug, Clone)]
pub struct Structure {
    /// Index of the ratio in [`Doc::quantities`].
    pub ratio: usize,
    /// Its terms.
    pub terms: Vec<Term>,
    /// The terms are percentages of one whole: they must add up to 100.
    pub percent: bool,
    /// The parts, one a term, in the terms' order, when stated.
    pub parts: Option<Vec<usize>>,
    /// The whole the parts are shares of, when stated (the breakdown total).
    pub total: Option<usize>,
    /// The parts stand in the ratio's own sentence.
    pub parts_sure: bool,
}

/// A sex ratio with its male and female counts.
#[derive(Debug, Clone)]
pub struct SexRatio {
    /// Where the ratio is written (`105.2:100`, `105.2`).
    pub span: Span,
    /// Index of the ratio in [`Doc::quantities`].
    pub ratio: usize,
    /// Males per 100 females as stated, and the bounds its digits allow.
    pub stated: Term,
    /// The reference term (100 or 1 females), exact.
    pub per: Decimal,
    /// Index of the male count.
    pub male: usize,
    /// Index of the female count.
    pub female: usize,
    /// Both counts stand in the ratio's own sentence.
    pub sure: bool,
}

fn gapless(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn is_amount(q: &Quantity) -> bool {
    q.form == Form::Amount
        && q.unit.as_ref().is_some_and(|u| u.additive)
        && q.role == Role::Level
        && !q.in_parens
        && !q.non_additive
        && !q.sign_in_label
        && q.value > Decimal::ZERO
}

/// The step of the last written digit of a term (`37.0` → 0.1).
fn step_of(d: Decimal) -> Decimal {
    Decimal::new(1, d.scale())
}

/// The text of the ratio's clause before it, without spaces.
fn before_in_clause(doc: &Doc<'_>, q: &Quantity) -> String {
    let l = q.location;
    let clause = doc.clause(l.paragraph, l.sentence, l.clause);
    gapless(&doc.text[clause.span.start..q.full_span.start.max(clause.span.start)])
}

/// Like [`before_in_clause`], at most `window` bytes back (on a character
/// boundary): what a word right before the figure needs, without reading a
/// whole table that is one clause once per figure.
fn near_before_in_clause(doc: &Doc<'_>, q: &Quantity, window: usize) -> String {
    let l = q.location;
    let clause = doc.clause(l.paragraph, l.sentence, l.clause);
    let end = q.full_span.start.max(clause.span.start);
    let mut start = end.saturating_sub(window).max(clause.span.start);
    while !doc.text.is_char_boundary(start) {
        start += 1;
    }
    gapless(&doc.text[start..end])
}

/// Like [`near_before_in_clause`], within the figure's sentence.
fn near_before_in_sentence(doc: &Doc<'_>, q: &Quantity, window: usize) -> String {
    let l = q.location;
    let sentence = &doc.draft.paragraphs[l.paragraph].sentences[l.sentence];
    let end = q.full_span.start.max(sentence.span.start);
    let mut start = end.saturating_sub(window).max(sentence.span.start);
    while !doc.text.is_char_boundary(start) {
        start += 1;
    }
    gapless(&doc.text[start..end])
}

/// The text without a note in brackets at its start (`（以女性为100，…）为` →
/// `为`).
fn strip_bracket_note(s: &str) -> &str {
    let Some(rest) = s.strip_prefix(['（', '(']) else {
        return s;
    };
    match rest.find(['）', ')']) {
        Some(at) => {
            let close = rest[at..].chars().next().map_or(1, char::len_utf8);
            &rest[at + close..]
        }
        None => s,
    }
}

/// Every structure ratio of the draft.
pub fn structures(doc: &Doc<'_>, opts: &RatioOptions, breakdowns: &[Breakdown]) -> Vec<Structure> {
    let mut out = Vec::new();
    for (qi, q) in doc.quantities.iter().enumerate() {
        let Form::Ratio(values) = &q.form else {
            continue;
        };
        if q.in_parens || values.len() < 2 {
            continue;
        }
        let pre = before_in_clause(doc, q);
        if opts
            .sex_ratio_words
            .iter()
            .any(|w| pre.contains(w.as_str()))
            || pre.contains("男女")
        {
            continue;
        }
        let named = named_structure(&pre, opts);
        let structure_word = opts
            .structure_words
            .iter()
            .any(|w| pre.contains(w.as_str()));
        let ratio_word = opts.ratio_words.iter().any(|w| pre.contains(w.as_str()));
        if !(structure_word || (ratio_word && named.is_some())) {
            continue;
        }
        let terms: Vec<Term> = values
            .iter()
            .map(|v| Term {
                value: *v,
                step: step_of(*v),
            })
            .collect();
        let sum = terms
            .iter()
            .try_fold(Decimal::ZERO, |a, t| a.checked_add(t.value));
        let percent = sum.is_some_and(|s| s >= Decimal::from(50) && s <= Decimal::from(150));
        let mut s = Structure {
            ratio: qi,
            terms,
            percent,
            parts: None,
            total: None,
            parts_sure: false,
        };
        let current = q.role == Role::Level
            && !opts.other_period.iter().any(|w| pre.contains(w.as_str()))
            && !has_year(&pre);
        if let (Some((def, qualifier)), true, true) = (named, current, percent) {
            if let Some((parts, sure)) = find_parts(doc, q, def, &qualifier, s.terms.len()) {
                s.total = whole_of(doc, breakdowns, &parts);
                s.parts = Some(parts);
                s.parts_sure = sure;
            }
        }
        out.push(s);
    }
    out
}

/// The known structure the text before a ratio names, with what it says
/// between the structure's name and the structure or ratio word
/// (`三次产业增加值结构为` → `增加值`).
fn named_structure<'o>(pre: &str, opts: &'o RatioOptions) -> Option<(&'o StructureName, String)> {
    let markers: Vec<&String> = opts
        .structure_words
        .iter()
        .chain(opts.ratio_words.iter())
        .collect();
    for def in &opts.structures {
        for w in &def.words {
            let Some(at) = pre.rfind(w.as_str()) else {
                continue;
            };
            let after = &pre[at + w.len()..];
            let Some(m) = markers.iter().filter_map(|m| after.find(m.as_str())).min() else {
                continue;
            };
            return Some((def, after[..m].to_string()));
        }
    }
    None
}

/// One figure a member of the structure's partition, in member order: in
/// the ratio's sentence (sure), else in the earlier sentences of its
/// paragraph (loose). The parts must measure what the ratio names: the
/// qualifier, or one of the structure's measures when it names nothing.
fn find_parts(
    doc: &Doc<'_>,
    ratio: &Quantity,
    def: &StructureName,
    qualifier: &str,
    n: usize,
) -> Option<(Vec<usize>, bool)> {
    let partition = doc.partitions.iter().find(|p| p.name == def.partition)?;
    if partition.members.len() != n {
        return None;
    }
    let measures: Vec<&str> = if qualifier.is_empty() {
        def.measures.iter().map(String::as_str).collect()
    } else {
        vec![qualifier]
    };
    let l = ratio.location;
    let fits = |i: usize, m: usize| {
        let q = &doc.quantities[i];
        q.full_span.end <= ratio.full_span.start
            && is_amount(q)
            && partition.member_of(&q.label_text) == Some(m)
            && measures.iter().any(|w| q.label_text.contains(w))
    };
    let same: Vec<usize> = doc.in_sentence(l.paragraph, l.sentence).collect();
    let earlier: Vec<usize> = doc
        .in_paragraph(l.paragraph)
        .filter(|&i| doc.quantities[i].location.sentence < l.sentence)
        .collect();
    for (scope, sure) in [(same, true), (earlier, false)] {
        let mut parts = Vec::new();
        for m in 0..n {
            let c: Vec<usize> = scope.iter().copied().filter(|&i| fits(i, m)).collect();
            if c.len() != 1 {
                break;
            }
            parts.push(c[0]);
        }
        if parts.len() == n {
            let dim = doc.quantities[parts[0]].dimension();
            if parts.iter().all(|&p| doc.quantities[p].dimension() == dim) {
                return Some((parts, sure));
            }
            return None;
        }
        if !parts.is_empty() {
            // Some members here and some missing: do not mix scopes.
            return None;
        }
    }
    None
}

/// The total of the breakdown whose parts are exactly `parts`.
fn whole_of(doc: &Doc<'_>, breakdowns: &[Breakdown], parts: &[usize]) -> Option<usize> {
    let mut want = parts.to_vec();
    want.sort_unstable();
    breakdowns
        .iter()
        .find(|b| {
            let mut have = b.parts.clone();
            have.sort_unstable();
            have == want
                && doc.quantities[b.total].dimension() == doc.quantities[parts[0]].dimension()
        })
        .map(|b| b.total)
}

/// Every sex ratio of the draft whose male and female counts are stated.
pub fn sex_ratios(doc: &Doc<'_>, opts: &RatioOptions) -> Vec<SexRatio> {
    let Some(partition) = doc.partitions.iter().find(|p| p.name == opts.sex_partition) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (qi, q) in doc.quantities.iter().enumerate() {
        if q.in_parens || q.role != Role::Level {
            continue;
        }
        // The ratio word stands right before the figure, its qualifier
        // right before the word (出生人口性别比为).
        let mut pre = near_before_in_clause(doc, q, 240);
        // A note in brackets between the word and the figure, cut by a
        // comma inside it (`性别比（以女性为100，男性对女性的比例）为104.33`):
        // the clause before the note's end.
        if pre.contains(['）', ')']) && !pre.contains(['（', '(']) {
            pre = near_before_in_sentence(doc, q, 240);
        }
        let Some((word_at, word)) = opts
            .sex_ratio_words
            .iter()
            .filter_map(|w| pre.rfind(w.as_str()).map(|at| (at, w)))
            .max_by_key(|(at, _)| *at)
        else {
            continue;
        };
        // Nothing but 为/是/达, and a note in brackets, between the word and
        // the figure.
        let between = &pre[word_at + word.len()..];
        let between = strip_bracket_note(between);
        if !trim_tail(between).is_empty() {
            continue;
        }
        let (stated, per, reversed) = match &q.form {
            Form::Ratio(v) if v.len() == 2 => {
                // Males per 100 (or per 1) females; another whole number
                // there is a slip the check shows (107.8:107).
                let per = v[1];
                if per.normalize().scale() != 0 || per < Decimal::ONE || per > Decimal::from(1000) {
                    continue;
                }
                let reversed = pre[..word_at].ends_with("女男");
                (
                    Term {
                        value: v[0],
                        step: step_of(v[0]),
                    },
                    per,
                    reversed,
                )
            }
            Form::Amount if q.unit.is_none() => (
                Term {
                    value: q.value,
                    step: q.step,
                },
                Decimal::ONE_HUNDRED,
                false,
            ),
            _ => continue,
        };
        if reversed {
            continue;
        }
        // What the ratio is of: 出生人口 in 出生人口性别比; 男女 is not a qualifier.
        let head = &pre[..word_at];
        let head = head
            .rfind(['，', '；', ',', ';', '：', ':'])
            .map_or(head, |at| {
                let c = head[at..].chars().next().map_or(1, char::len_utf8);
                &head[at + c..]
            });
        let qualifier =
            strip_generic(head.trim_end_matches("男女").trim_end_matches("的")).to_string();
        let qualifier = qualifier.trim_start_matches("其中").to_string();
        if let Some((male, female, sure)) = sex_parts(doc, partition, q, &qualifier) {
            out.push(SexRatio {
                span: q.span,
                ratio: qi,
                stated,
                per,
                male,
                female,
                sure,
            });
        }
    }
    out
}

/// The one male and the one female figure of what the ratio names.
fn sex_parts(
    doc: &Doc<'_>,
    partition: &Partition,
    ratio: &Quantity,
    qualifier: &str,
) -> Option<(usize, usize, bool)> {
    let names = |label: &str| -> bool {
        if qualifier.is_empty() || label.contains(qualifier) {
            return true;
        }
        partition.equivalents.iter().any(|pair| {
            matches!(pair.as_slice(), [part, whole]
                if label.contains(part.as_str()) && qualifier.contains(whole.as_str()))
        })
    };
    let rest = |label: &str| -> Option<String> {
        let (_, word) = partition.member_word(label)?;
        let without = label.replacen(word, "", 1);
        Some(strip_generic(trim_tail(&without)).to_string())
    };
    let l = ratio.location;
    let fits = |i: usize, m: usize| {
        let q = &doc.quantities[i];
        q.full_span.end <= ratio.full_span.start
            && is_amount(q)
            && partition.member_of(&q.label_text) == Some(m)
            && names(&q.label_text)
    };
    let same: Vec<usize> = doc.in_sentence(l.paragraph, l.sentence).collect();
    let earlier: Vec<usize> = doc
        .in_paragraph(l.paragraph)
        .filter(|&i| doc.quantities[i].location.sentence < l.sentence)
        .collect();
    for (scope, sure) in [(same, true), (earlier, false)] {
        let males: Vec<usize> = scope.iter().copied().filter(|&i| fits(i, 0)).collect();
        let females: Vec<usize> = scope.iter().copied().filter(|&i| fits(i, 1)).collect();
        match (males.as_slice(), females.as_slice()) {
            ([m], [f]) => {
                let (qm, qf) = (&doc.quantities[*m], &doc.quantities[*f]);
                if qm.dimension() != qf.dimension() || rest(&qm.label_text) != rest(&qf.label_text)
                {
                    return None;
                }
                return Some((*m, *f, sure));
            }
            ([], []) => continue,
            _ => return None,
        }
    }
    None
}

fn has_year(s: &str) -> bool {
    let chars: Vec<char> = s.chars().collect();
    chars
        .windows(5)
        .any(|w| w[..4].iter().all(|c| c.is_ascii_digit()) && w[4] == '年')
}

/// The name a figure is stated under, without the words that open or end a
/// label (`其中，第一产业增加值` → `第一产业增加值`, `户籍人口为` → `户籍人口`).
pub fn label_name(label: &str) -> String {
    strip_generic(trim_tail(label)).to_string()
}
