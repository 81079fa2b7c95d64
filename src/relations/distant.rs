//! Partitions whose total stands in an earlier paragraph (shape B7): a
//! bulletin states its total in one section and divides it in later ones,
//! with no word that links them (`一、常住人口 全县常住人口为75757人。…
//! 二、户别人口 …家庭户人口为71733人，集体户人口为4024人。`).
//!
//! Only complete partitions are read so (every member of a known partition,
//! or age bands that cover every age, each once and in a row), and only
//! when no breakdown of the draft already holds their figures. The total is
//! the nearest figure before them, up to [`PARAGRAPHS_BACK`] paragraphs back,
//! that names what the parts name once their member words are taken out and
//! adds nothing but time, place and population basis to it (`全县常住人口`
//! for `家庭户人口`, `集体户人口`), and that is no member itself. Such a
//! breakdown is weaker evidence than a 其中: `breakdown-sum` reports it as a
//! warning.

use std::collections::HashSet;

use super::breakdown::{can_be_part, can_be_total};
use super::label::{age_band, bands_cover, trim_tail};
use super::{Breakdown, BreakdownKind, Cover, Doc};
use crate::quantity::{Approx, Quantity};
use crate::span::Span;

/// How many paragraphs before its parts a partition's total is looked for.
const PARAGRAPHS_BACK: usize = 12;

/// How many figures before the first part are looked at for the total.
const FIGURES_BACK: usize = 400;

/// Words that, written before what the parts name, restrict nothing: time,
/// place and population basis (`2021年末全县常住人口`, `总人口`).
const GENERIC: &[&str] = &[
    "常住", "户籍", "总", "年末", "年底", "全县", "全市", "全区", "全省", "全国", "全州", "全镇",
    "全乡", "全旗", "本县", "本市", "共有", "共", "有", "现有", "实现", "完成", "国内", "地区",
];

/// Words that may end a total's label after what it names (`人口总量为`).
const TOTAL_TAILS: &[&str] = &["总量", "总数", "总计", "合计"];

/// Partitions of the draft (and age bands) whose total stands before them,
/// as breakdowns of kind [`BreakdownKind::Distant`]. `found` are the
/// breakdowns read so far: figures already in one are left to it.
pub(super) fn distant_breakdowns(doc: &Doc<'_>, found: &[Breakdown]) -> Vec<Breakdown> {
    // Figures that are parts of a breakdown already have their total (a
    // figure divided by a 其中 of its own may still be a member here).
    let parts: HashSet<usize> = found.iter().flat_map(|b| b.parts.iter().copied()).collect();
    let mut out = Vec::new();
    for run in runs(doc, found) {
        if run.parts.iter().any(|p| parts.contains(p)) {
            continue;
        }
        if let Some(total) = total_before(doc, &run, &parts) {
            out.push(Breakdown {
                kind: BreakdownKind::Distant,
                marker: Span::new(
                    doc.quantities[run.parts[0]].span.start,
                    doc.quantities[run.parts[0]].span.start,
                ),
                total,
                parts: run.parts,
                cover: Some(run.cover),
                overlapping: false,
            });
        }
    }
    out
}

/// A complete partition stated in a row: its figures and what each names
/// once its member word is taken out.
struct Run {
    parts: Vec<usize>,
    rests: Vec<String>,
    cover: Cover,
}

/// The runs of one paragraph's figures that state every member of a
/// partition, or age bands covering every age, one after the other in one
/// unit (figures of other units may stand between them: `男性384491人，占
/// 51.17%；女性366898人`).
fn runs(doc: &Doc<'_>, found: &[Breakdown]) -> Vec<Run> {
    // A part of a member (`二产增加值21.62亿元，其中，工业增加值17.33亿元；
    // 三产…`) stands between members without breaking the run.
    let nested: HashSet<usize> = found
        .iter()
        .filter(|b| doc.quantities[b.total].is_additive_level())
        .flat_map(|b| b.parts.iter().copied())
        .collect();
    let mut out = Vec::new();
    for pi in 0..doc.draft.paragraphs.len() {
        let range = doc.in_paragraph(pi);
        let figures: Vec<usize> = range.clone().collect();
        for (k, &first) in figures.iter().enumerate() {
            let q = &doc.quantities[first];
            if !q.is_additive_level() {
                continue;
            }
            // The figures of q's unit from q on, in a row.
            let same: Vec<usize> = figures[k..]
                .iter()
                .copied()
                .filter(|&i| doc.quantities[i].display_unit == q.display_unit)
                .filter(|i| !nested.contains(i))
                .take(12)
                .collect();
            if let Some(run) = partition_run(doc, &same) {
                out.push(run);
            } else if let Some(run) = age_run(doc, &same) {
                out.push(run);
            }
        }
    }
    out
}

/// The label of a figure as its line writes it: a heading on a line before
/// (`性别构成⏎男性384491人`) is not part of it.
fn line_label(doc: &Doc<'_>, q: &Quantity) -> String {
    let raw = q.label.slice(doc.text);
    let line = raw.rsplit_once('\n').map_or(raw, |(_, l)| l);
    let line: String = without_notes(line)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let line = line.trim_start_matches(['，', ',', '；', ';', '、', '■', '●', '▲', '◆', '—']);
    line.strip_prefix("其中").unwrap_or(line).to_string()
}

/// Text without footnote marks (`常住人口[2]为` → `常住人口为`).
fn without_notes(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find(['[', '［', '〔']) {
        let after = &rest[open..];
        let opener = after.chars().next().unwrap_or('[');
        let inner = &after[opener.len_utf8()..];
        let digits = inner.len() - inner.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let close = inner[digits..].chars().next();
        if digits > 0 && matches!(close, Some(']' | '］' | '〕')) {
            out.push_str(&rest[..open]);
            let skip = open + opener.len_utf8() + digits + close.map_or(0, char::len_utf8);
            rest = &rest[skip..];
        } else {
            out.push_str(&rest[..open + opener.len_utf8()]);
            rest = &rest[open + opener.len_utf8()..];
        }
    }
    out.push_str(rest);
    out
}

/// The first members of a partition in `figures` (each once, all of them,
/// nothing else in between), starting at `figures[0]`.
fn partition_run(doc: &Doc<'_>, figures: &[usize]) -> Option<Run> {
    let first = &doc.quantities[*figures.first()?];
    let partition = doc
        .partitions
        .iter()
        .find(|p| p.member_of(&line_label(doc, first)).is_some())?;
    let mut seen = vec![false; partition.members.len()];
    let mut parts = Vec::new();
    let mut rests = Vec::new();
    let mut words = Vec::new();
    for &i in figures {
        let q = &doc.quantities[i];
        let label = line_label(doc, q);
        let (m, word) = partition.member_word(&label)?;
        if seen[m] || !q.is_additive_level() || q.approx != Approx::Exact {
            return None;
        }
        seen[m] = true;
        parts.push(i);
        rests.push(rest_of(&label.replacen(word, "", 1)));
        words.push(word.to_string());
        if seen.iter().all(|&s| s) {
            return Some(Run {
                parts,
                rests,
                cover: Cover::Partition {
                    name: partition.name.clone(),
                    members: words,
                },
            });
        }
    }
    None
}

/// The first figures of `figures` that each follow an age band in their
/// clause (`0-14岁115843人`, `60岁及以上127153人`), until the bands cover
/// every age.
fn age_run(doc: &Doc<'_>, figures: &[usize]) -> Option<Run> {
    let mut parts = Vec::new();
    let mut rests = Vec::new();
    let mut bands = Vec::new();
    for &i in figures {
        let q = &doc.quantities[i];
        let band = i
            .checked_sub(1)
            .map(|b| &doc.quantities[b])
            .filter(|b| b.location == q.location)
            .and_then(age_band)?;
        if !q.is_additive_level() || q.approx != Approx::Exact {
            return None;
        }
        parts.push(i);
        bands.push(band);
        let label = line_label(doc, q);
        rests.push(rest_of(&label));
        if bands.len() >= 2 && bands_cover(&bands) {
            return Some(Run {
                parts,
                rests,
                cover: Cover::AgeBands,
            });
        }
    }
    None
}

/// What a part names once its member word is out: its label without the
/// verbs that end it and the words that open it (`的人口为` → `人口`).
fn rest_of(label: &str) -> String {
    let l = trim_tail(label);
    let l = l.trim_start_matches(['的', '及', '以', '上', '下', '各']);
    let l = l.trim_start_matches("居住在");
    let mut l = trim_tail(l);
    for verb in ["实现", "完成", "累计"] {
        l = l.strip_prefix(verb).unwrap_or(l);
    }
    l.to_string()
}

/// The total of a run: the nearest figure before its first part that can
/// be a total of its unit, names no member, is no figure of another
/// breakdown's parts, is of the same year, and names what the parts name
/// with nothing but generic words before it.
fn total_before(doc: &Doc<'_>, run: &Run, parts: &HashSet<usize>) -> Option<usize> {
    let first = run.parts[0];
    let q = &doc.quantities[first];
    let rest = run
        .rests
        .iter()
        .find(|r| !r.is_empty())
        .cloned()
        .unwrap_or_default();
    if run.rests.iter().any(|r| !r.is_empty() && *r != rest) {
        return None;
    }
    let lowest = doc
        .in_paragraph(q.location.paragraph.saturating_sub(PARAGRAPHS_BACK))
        .start;
    let start = first.saturating_sub(FIGURES_BACK).max(lowest);
    for c in (start..first).rev() {
        let t = &doc.quantities[c];
        // A nearer figure that names the whole but cannot be checked against
        // (`约有12万常住人口`) is the statement of the total the parts follow:
        // an older paragraph's figure is not taken instead.
        let names_whole = |label: &str| {
            whole_named(label, &rest) || whole_named_by(doc, label, &rest, &run.cover)
        };
        let after: String = t.after.chars().take_while(|c| !is_clause_end(*c)).collect();
        let unusable = t.display_unit != q.display_unit || t.approx != Approx::Exact;
        if unusable && !after.is_empty() && names_whole(&after) {
            return None;
        }
        if t.display_unit != q.display_unit
            || !can_be_total(doc, t)
            || !run
                .parts
                .iter()
                .all(|&p| can_be_part(t, &doc.quantities[p]))
            || t.approx != Approx::Exact
            || parts.contains(&c)
        {
            continue;
        }
        let label = line_label(doc, t);
        if names_member(doc, &label, &run.cover) {
            continue;
        }
        if whole_named(&label, &rest) || whole_named_by(doc, &label, &rest, &run.cover) {
            return Some(c);
        }
    }
    None
}

/// True for the marks that end a clause.
fn is_clause_end(c: char) -> bool {
    "，,；;。.！!？?：:".contains(c)
}

/// True when the label names a member of the run's partition.
fn names_member(doc: &Doc<'_>, label: &str, cover: &Cover) -> bool {
    match cover {
        Cover::Partition { name, .. } => doc
            .partitions
            .iter()
            .filter(|p| &p.name == name)
            .any(|p| p.member_of(label).is_some()),
        _ => false,
    }
}

/// True when the run's partition says what its whole is called: its parts
/// name a word its `equivalents` pair with the total's (`第一产业增加值` …
/// of `国内生产总值`), or they name nothing but the member and the total's
/// label has one of its `totals` words (`七类残疾人` for 视力残疾 …).
fn whole_named_by(doc: &Doc<'_>, label: &str, rest: &str, cover: &Cover) -> bool {
    let Cover::Partition { name, .. } = cover else {
        return false;
    };
    let Some(p) = doc.partitions.iter().find(|p| &p.name == name) else {
        return false;
    };
    if rest.is_empty() {
        return !p.totals.is_empty() && p.applies_to(label);
    }
    p.equivalents.iter().any(|pair| {
        matches!(pair.as_slice(), [part, whole]
            if rest == part.as_str() && whole_named(label, whole))
    })
}

/// True when a total's label names `rest` (what the parts name) with only
/// time, place and population basis before it: `全县常住人口为` and
/// `苍岭市常住人口总量为` name `人口`; `出生人口` does not.
fn whole_named(label: &str, rest: &str) -> bool {
    let mut t = trim_tail(label);
    for tail in TOTAL_TAILS {
        t = t.strip_suffix(tail).unwrap_or(t);
    }
    let t = trim_tail(t);
    let Some(mut before) = (if rest.is_empty() {
        Some(t)
    } else {
        t.strip_suffix(rest)
    }) else {
        return false;
    };
    if rest.is_empty() && !t.ends_with("人口") {
        return false;
    }
    if rest.is_empty() {
        before = &t[..t.len() - "人口".len()];
    }
    while let Some(w) = GENERIC.iter().find(|w| before.ends_with(**w)) {
        before = &before[..before.len() - w.len()];
    }
    match before.chars().next_back() {
        None => true,
        Some(c) => "县市区省国州旗镇乡年、：:■●▲◆".contains(c) || c.is_ascii_digit(),
    }
}
