//! Shares of the parts of one whole add up to 100 (within display
//! rounding): `第一产业增加值占地区生产总值的比重为23.8%，第二产业…24.6%，第三
//! 产业…51.6%`, `0—14岁人口占17.95%，15—59岁人口占63.35%，60岁及以上人口占
//! 18.70%`, `机电、农产品、针纺、轻工工艺等四大类产品…分别占出口总额的39.4%、
//! 14%、40.5%、6.1%`.
//!
//! Shares are summed only where the words say their parts do not overlap:
//! the members of one partition (`rules/partitions.toml`: 三次产业, 男/女,
//! 城镇/乡村, 税收/非税收入), age bands that do not overlap (a band inside
//! another, `65岁及以上` inside `60岁及以上`, is left out), or a list the
//! draft counts as so many kinds (`四大类`). They may add up to less than
//! 100 unless the parts are every member of the partition or bands that
//! cover every age; they never add up to more.
//!
//! Only shares stated in one sentence, of one base (named alike, or not
//! named), and naming their parts alike but for the member word
//! (`第一产业就业人员`, `第二产业就业人员`) are summed. A group whose every
//! share was checked against its part and base is left to that check.

use rust_decimal::Decimal;

use super::label::{age_band, bands_cover, bands_overlap, strip_generic, trim_tail};
use super::share::{name_of, ShareOptions, ShareReading, ShareStatement, StatedShare};
use super::Doc;
use crate::quantity::{Form, Role};

/// Shares of the parts of one whole, which must not add up to more than
/// 100, nor to less when `complete`.
#[derive(Debug, Clone)]
pub struct ShareSum {
    /// The shares, each with the part's name.
    pub members: Vec<(StatedShare, String)>,
    /// What makes the parts disjoint: the partition's name, `age bands`, or
    /// the count the draft gives (`四大类`).
    pub whole: String,
    /// The parts are the whole: every member of the partition, or bands
    /// that cover every age.
    pub complete: bool,
}

/// An age band: its first and last year (`None` for "and over").
type Band = (Decimal, Option<Decimal>);

/// The name a statement gives its part: the part figure's label, or the
/// words before its marker.
fn item_name(doc: &Doc<'_>, s: &ShareStatement) -> String {
    let name = match s.part {
        Some(p) if s.part_near => name_of(&doc.quantities[p]),
        _ if !s.subject.is_empty() => s.subject.clone(),
        Some(p) => name_of(&doc.quantities[p]),
        None => String::new(),
    };
    name.trim_start_matches(['、', '和', '及', '，', ',', '；', ';'])
        .to_string()
}

/// The age band written right before a statement's part (`0-14岁人口为10198
/// 人`), or right before its marker when it has no part figure (`0—14岁人口占
/// 17.95%`), with the words after the band.
fn band_of(doc: &Doc<'_>, s: &ShareStatement) -> Option<(Band, String)> {
    let clause = doc.in_clause(s.paragraph, s.sentence, s.clause);
    let until = match s.part {
        Some(p) if s.part_near => doc.quantities[p].full_span.start,
        _ => s.marker,
    };
    // The last figure before `until` in the part's (or marker's) clause.
    let (pl, pc) = match s.part {
        Some(p) if s.part_near => {
            let l = doc.quantities[p].location;
            (l.sentence, l.clause)
        }
        _ => (s.sentence, s.clause),
    };
    let figs: Vec<usize> = if (pl, pc) == (s.sentence, s.clause) {
        clause.to_vec()
    } else {
        doc.in_clause(s.paragraph, pl, pc).to_vec()
    };
    let &age = figs
        .iter()
        .rfind(|&&i| doc.quantities[i].full_span.end <= until)?;
    let q = &doc.quantities[age];
    let band = age_band(q)?;
    let after: String = doc.text[q.full_span.end..until]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    // Only a name may stand between the band and the part (`人口为`).
    if after.contains(['，', ',', '；', ';']) || after.chars().count() > 8 {
        return None;
    }
    Some((band, trim_tail(&after).trim_end_matches("占").to_string()))
}

/// Every group of shares that must add up to 100 or less.
pub fn share_sums(doc: &Doc<'_>, opts: &ShareOptions, reading: &ShareReading) -> Vec<ShareSum> {
    let stmts = &reading.statements;
    let mut out = Vec::new();
    let mut k = 0;
    while k < stmts.len() {
        // The statements of one sentence.
        let (pi, si) = (stmts[k].paragraph, stmts[k].sentence);
        let mut end = k;
        while end < stmts.len() && (stmts[end].paragraph, stmts[end].sentence) == (pi, si) {
            end += 1;
        }
        let sentence: Vec<&ShareStatement> = stmts[k..end].iter().collect();
        k = end;
        out.extend(partition_sums(doc, opts, &sentence));
        out.extend(band_sums(doc, opts, &sentence));
    }
    out.extend(counted_lists(doc, reading));
    out
}

/// A base's name and a base's name that are the same: equal, or one the
/// other with a character dropped (`地区生总值` for `地区生产总值`), when the
/// longer has four characters or more.
fn same_base(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    let (l, s): (Vec<char>, Vec<char>) = (long.chars().collect(), short.chars().collect());
    if l.len() < 4 || l.len() != s.len() + 1 {
        return false;
    }
    (0..l.len()).any(|i| l[..i] == s[..i] && l[i + 1..] == s[i..])
}

/// A base each part has of its own (a plan, a budget: `占调整预算…`).
fn own_plan(opts: &ShareOptions, name: &str) -> bool {
    // `支出总预算` is the whole's, not each part's.
    !name.contains('总') && opts.inline_nouns.iter().any(|n| name.contains(n.as_str()))
}

/// True when a group is left to the checks of its shares one by one.
fn all_checked(group: &[&ShareStatement]) -> bool {
    group.iter().all(|s| s.share.is_some())
}

fn partition_sums(
    doc: &Doc<'_>,
    opts: &ShareOptions,
    sentence: &[&ShareStatement],
) -> Vec<ShareSum> {
    let mut out = Vec::new();
    for p in doc.partitions {
        // (member, base name, the name without the member word, statement)
        let mut found: Vec<(usize, String, String, &ShareStatement)> = Vec::new();
        for s in sentence {
            let name = item_name(doc, s);
            let Some((m, word)) = p.member_word(&name) else {
                continue;
            };
            if own_plan(opts, &s.shown_base) {
                continue;
            }
            let rest = strip_generic(trim_tail(&name.replacen(word, "", 1))).to_string();
            found.push((m, s.base_name.clone(), rest, s));
        }
        let mut used = vec![false; found.len()];
        for i in 0..found.len() {
            if used[i] {
                continue;
            }
            let group: Vec<usize> = (i..found.len())
                .filter(|&j| {
                    !used[j] && same_base(&found[j].1, &found[i].1) && found[j].2 == found[i].2
                })
                .collect();
            for &j in &group {
                used[j] = true;
            }
            let mut members: Vec<usize> = group.iter().map(|&j| found[j].0).collect();
            members.sort_unstable();
            let distinct = members.windows(2).all(|w| w[0] != w[1]);
            let stmts: Vec<&ShareStatement> = group.iter().map(|&j| found[j].3).collect();
            if group.len() < 2 || !distinct || all_checked(&stmts) {
                continue;
            }
            out.push(ShareSum {
                members: group
                    .iter()
                    .map(|&j| (found[j].3.stated.clone(), item_name(doc, found[j].3)))
                    .collect(),
                whole: p.name.clone(),
                complete: members.len() == p.members.len(),
            });
        }
    }
    out
}

fn band_sums(doc: &Doc<'_>, opts: &ShareOptions, sentence: &[&ShareStatement]) -> Vec<ShareSum> {
    let mut found: Vec<(Band, String, &ShareStatement)> = Vec::new();
    for s in sentence {
        if let Some((band, rest)) = band_of(doc, s) {
            found.push((band, rest, s));
        }
    }
    if found.len() < 2 {
        return Vec::new();
    }
    // One base, one noun after the bands.
    if found.iter().any(|f| {
        !same_base(&f.2.base_name, &found[0].2.base_name)
            || f.1 != found[0].1
            || own_plan(opts, &f.2.shown_base)
    }) {
        return Vec::new();
    }
    // A band inside another (`65岁及以上` in `60岁及以上`) is a subset.
    let inside = |a: &Band, b: &Band| {
        a != b
            && a.0 >= b.0
            && match (a.1, b.1) {
                (_, None) => true,
                (Some(x), Some(y)) => x <= y,
                (None, Some(_)) => false,
            }
    };
    let kept: Vec<&(Band, String, &ShareStatement)> = found
        .iter()
        .filter(|f| !found.iter().any(|g| inside(&f.0, &g.0)))
        .collect();
    let bands: Vec<Band> = kept.iter().map(|f| f.0).collect();
    if kept.len() < 2 || bands_overlap(&bands) {
        return Vec::new();
    }
    let stmts: Vec<&ShareStatement> = kept.iter().map(|f| f.2).collect();
    if all_checked(&stmts) {
        return Vec::new();
    }
    vec![ShareSum {
        members: kept
            .iter()
            .map(|f| (f.2.stated.clone(), item_name(doc, f.2)))
            .collect(),
        whole: "age bands".into(),
        complete: bands_cover(&bands),
    }]
}

/// Chinese numerals for the count of kinds a list gives (`四大类`).
const COUNTS: &[(&str, usize)] = &[
    ("两", 2),
    ("二", 2),
    ("三", 3),
    ("四", 4),
    ("五", 5),
    ("六", 6),
    ("七", 7),
    ("八", 8),
    ("九", 9),
];

/// `A、B、C、D等四大类产品…分别占出口总额的a%、b%、c%、d%`: a list after
/// `分别占` with no part figures, in a sentence that counts its items as so
/// many kinds (`四大类`, `三类`), as many as the shares.
fn counted_lists(doc: &Doc<'_>, reading: &ShareReading) -> Vec<ShareSum> {
    let mut out = Vec::new();
    let text = doc.text;
    for (pi, para) in doc.draft.paragraphs.iter().enumerate() {
        for (si, sentence) in para.sentences.iter().enumerate() {
            let st = sentence.span.slice(text);
            for (off, _) in st.match_indices("分别占") {
                let at = sentence.span.start + off;
                if reading.statements.iter().any(|s| s.list == Some(at)) {
                    continue;
                }
                let mut stated: Vec<StatedShare> = Vec::new();
                let mut last_end = at + "分别占".len();
                let mut first = true;
                for i in doc.in_sentence(pi, si) {
                    let q = &doc.quantities[i];
                    if q.full_span.start < last_end {
                        continue;
                    }
                    let gap: String = text[last_end..q.full_span.start]
                        .chars()
                        .filter(|c| !c.is_whitespace())
                        .collect();
                    let joined = ["、", "和", "及", ",", "，"].contains(&gap.as_str());
                    if (!first && !joined)
                        || q.form != Form::Percent
                        || q.role != Role::Level
                        || q.in_parens
                    {
                        break;
                    }
                    if first && (gap.contains(['，', ',', '；', ';']) || gap.chars().count() > 12)
                    {
                        break;
                    }
                    first = false;
                    let mut b = q.clone();
                    if b.step.is_zero() && q.in_words {
                        b.step = Decimal::ONE;
                    }
                    stated.push(StatedShare {
                        span: q.full_span,
                        value: q.value,
                        decimals: b.step.normalize().scale(),
                        bounds: b.bounds(),
                        in_words: q.in_words,
                    });
                    last_end = q.full_span.end;
                }
                if stated.len() < 2 {
                    continue;
                }
                let before = &text[sentence.span.start..at];
                let counted = COUNTS.iter().find(|(w, n)| {
                    *n == stated.len()
                        && (before.contains(&format!("{w}大类"))
                            || before.contains(&format!("{w}类")))
                });
                let Some((w, _)) = counted else { continue };
                // No part figures: the list names its items only.
                if doc.in_sentence(pi, si).any(|i| {
                    let q = &doc.quantities[i];
                    q.full_span.end <= at && q.form == Form::Amount && q.role == Role::Level
                }) {
                    continue;
                }
                let whole = if before.contains(&format!("{w}大类")) {
                    format!("{w}大类")
                } else {
                    format!("{w}类")
                };
                out.push(ShareSum {
                    members: stated.into_iter().map(|s| (s, String::new())).collect(),
                    whole,
                    complete: false,
                });
            }
        }
    }
    out
}
