//! Changes of a rate in percentage points: `由58.3%提高到60.1%，提高1.8个百分点`,
//! `增长6.8%，上年增长7.9%，增速回落1.1个百分点`, `城镇化率60.1%，上年为58.3%，
//! 比上年提高1.8个百分点`.
//!
//! As with growth statements ([`super::change`]), the figures must stand one
//! right after the other in one sentence, and the words before the points
//! must be nothing but a comparison, a rate noun (`增速`, `比重`) and a verb.

use rust_decimal::Decimal;

use super::change::{change_label, from_label, previous_label, sub_annual, to_label, ChangeWords};
use crate::quantity::{Approx, Bounds, Form, Interval, Quantity};
use crate::relations::Doc;

/// Word lists for percentage-point changes (the settings of
/// `percentage-points`).
#[derive(Debug, Clone, Default)]
pub struct PointWords {
    /// Verbs of a change in points (`up_verbs`, `down_verbs`: 提高, 回落),
    /// comparisons, to-verbs (提高到), previous-period and sub-annual words.
    pub change: ChangeWords,
    /// Verbs of a growth rate (增长, 下降): `增长6.8%，上年增长7.9%`.
    pub growth: ChangeWords,
    /// Rate nouns that may stand before the verb (增速, 比重).
    pub subjects: Vec<String>,
}

/// What the stated change is measured against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PointsBasis {
    /// `由a%提高到b%`: the starting and the reached rate.
    FromTo,
    /// `b%，上年为a%`: the current and the previous rate.
    CurrentPrevious,
}

/// A change stated in percentage points and the two rates it must equal
/// the difference of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PointChange {
    /// Index of the `个百分点` figure; `None` for a bare `由a%提高到b%`, whose
    /// verb alone is checked.
    pub stated: Option<usize>,
    /// The stated verb is a fall (回落, 下降).
    pub down: bool,
    /// The verb as written (提高).
    pub verb: &'static str,
    /// Index of the current (reached) rate.
    pub current: usize,
    /// The current rate is a fall (`下降2.1%` is −2.1).
    pub current_down: bool,
    /// Index of the previous (starting) rate.
    pub previous: usize,
    /// The previous rate is a fall.
    pub previous_down: bool,
    /// How the rates are stated.
    pub basis: PointsBasis,
    /// A figure is approximate, or the reading is looser (a previous rate
    /// of another area, a comparison further back): matched less surely.
    pub loose: bool,
    /// For structures (`由5.7:49.3:45.0优化为6.6:45.8:47.6，第三产业占比提高了
    /// 2.6个百分点`): the index of the term the change is of; `current` and
    /// `previous` are then the two ratios.
    pub term: Option<usize>,
}

/// The percentage-point changes of a draft, in source order.
pub fn point_changes(doc: &Doc<'_>, words: &PointWords) -> Vec<PointChange> {
    let qs = doc.quantities;
    let mut out = Vec::new();
    for (pi, para) in doc.draft.paragraphs.iter().enumerate() {
        for si in 0..para.sentences.len() {
            let seq: Vec<usize> = doc
                .in_sentence(pi, si)
                .filter(|&i| !qs[i].in_parens)
                .collect();
            for (j, &k) in seq.iter().enumerate() {
                if j < 1 {
                    continue;
                }
                let (a, b) = (seq[j - 1], j.checked_sub(2).map(|i| seq[i]));
                if is_points(&qs[k]) {
                    if let Some(c) = b.and_then(|b| read_points(qs, words, k, a, b)) {
                        out.push(c);
                        continue;
                    }
                } else if let Some(c) = bare_from_to(qs, words, k, a, seq.get(j + 1)) {
                    out.push(c);
                    continue;
                }
                if let Some(c) = compared(doc, words, pi, si, k)
                    .or_else(|| structure_term(doc, words, pi, si, k))
                {
                    out.push(c);
                }
            }
        }
    }
    out
}

/// Words after which a figure in brackets is the previous period's
/// (`比上年（37.5%）增加0.5个百分点`).
const BRACKET_COMPARISONS: &[&str] = &["比上年", "较上年", "比去年", "较去年", "同比", "上年"];

/// Words comparing with another area's rate (`增速高于全市平均水平（1.7%）
/// 7.4个百分点`): up, and down.
const ABOVE: &[&str] = &["高于", "高出", "快于", "超过", "超出"];
const BELOW: &[&str] = &["低于", "慢于", "落后于", "落后"];

/// Rate nouns that stand for the verb of a change (`升幅23.6个百分点`).
const UP_NOUNS: &[&str] = &["升幅", "增幅", "涨幅", "提高幅度", "上升幅度"];
const DOWN_NOUNS: &[&str] = &["降幅", "减幅", "跌幅", "下降幅度"];

/// A figure written as a plain number (a sex ratio, an index: `104.80`).
fn is_plain(q: &Quantity) -> bool {
    q.form == Form::Amount && q.unit.is_none() && !q.in_parens
}

/// The direction a change label states, after a closing bracket or a
/// `相比` that ends the comparison before it (`）增加`, `相比下降了`), or a
/// rate noun for the verb (`、升幅`).
fn loose_points_label(label: &str, words: &PointWords) -> Option<(bool, &'static str)> {
    let l = label.trim_start_matches(['）', ')', '、', '，', ',']);
    let l = ["相比", "相较", "比较"]
        .iter()
        .find_map(|w| l.strip_prefix(w))
        .unwrap_or(l);
    let l = l.trim_start_matches(['，', ',']);
    if let Some(found) = points_label(l, words) {
        return Some(found);
    }
    if UP_NOUNS.contains(&l) {
        return Some((false, "提高"));
    }
    if DOWN_NOUNS.contains(&l) {
        return Some((true, "下降"));
    }
    None
}

/// The label of a figure compared with: a dated or census comparison
/// (`同比2018年上半年的`, `与2000年至2010年的年平均增长率`, `与第六次全国人口普查
/// 总人口性别比`, `比2010年第六次全国人口普查`). Returns the noun it names
/// after the comparison (`年平均增长率`, `总人口性别比`), maybe empty.
fn dated_comparison(label: &str) -> Option<String> {
    let l = label.trim_start_matches(['、', '，', ',', '并', '且']);
    let rest = ["同比", "与", "比", "较", "和"]
        .iter()
        .find_map(|w| l.strip_prefix(w))?;
    let has_year = rest.char_indices().any(|(i, c)| {
        c == '年'
            && rest[..i]
                .chars()
                .rev()
                .take_while(char::is_ascii_digit)
                .count()
                == 4
    });
    if !has_year && !rest.contains("普查") {
        return None;
    }
    // The noun after the period: after the last 的, or after 普查.
    let noun = match (rest.rfind('的'), rest.rfind("普查")) {
        (Some(i), _) => &rest[i + '的'.len_utf8()..],
        (None, Some(i)) => &rest[i + "普查".len()..],
        (None, None) => {
            // `2018年上半年`: what follows the last 年.
            let i = rest.rfind('年')?;
            &rest[i + '年'.len_utf8()..]
        }
    };
    let noun = noun.trim_end_matches(['为', '是']);
    let noun = ["上半年", "下半年", "同期", "年末", "年底", "末"]
        .iter()
        .find_map(|w| noun.strip_prefix(w))
        .unwrap_or(noun);
    Some(noun.to_string())
}

/// A change in points of a rate against a rate compared with it that is not
/// right before it: in brackets (`占…的38.0%，比上年（37.5%）增加0.5个百分点`,
/// `增速高于全市平均水平（1.7%）7.4个百分点`), or named with a date or a census
/// (`为75.52%，同比2018年上半年的70.60%，上升4.92个百分点`, `性别比为104.80，
/// 与第六次全国人口普查总人口性别比106.75相比，下降1.95个百分点`). Also a plain
/// figure's change without a unit (`性别比为97.95，比2010年…98.24下降0.29`).
fn compared(
    doc: &Doc<'_>,
    words: &PointWords,
    pi: usize,
    si: usize,
    k: usize,
) -> Option<PointChange> {
    let qs = doc.quantities;
    let qk = &qs[k];
    let plain_change = is_plain(qk);
    if !(is_points(qk) || (plain_change && qk.role == super::super::quantity::Role::Change)) {
        return None;
    }
    // The figures of the sentence before the points, nearest first, within
    // a window (a sentence of many changes stays linear).
    let _ = (pi, si);
    let same = |i: usize| {
        qs[i].location.paragraph == qk.location.paragraph
            && qs[i].location.sentence == qk.location.sentence
    };
    let all: Vec<usize> = (k.saturating_sub(40)..=k).filter(|&i| same(i)).collect();
    let at = all.len() - 1;
    let p = *all.get(at.checked_sub(1)?)?;
    let qp = &qs[p];
    if qp.approx == Approx::About || qk.approx == Approx::About {
        return None;
    }
    // What the previous figure's label says.
    let mut down_from_label = None;
    let mut noun = String::new();
    let mut dated = false;
    if qp.in_parens {
        if !is_rate(qp) {
            return None;
        }
        let l = qp.label_text.trim_end_matches(['（', '(']);
        if l.len() == qp.label_text.len() {
            return None;
        }
        if BRACKET_COMPARISONS
            .iter()
            .any(|c| l == *c || l.ends_with(c))
        {
            // 比上年（37.5%）
        } else if let Some(w) = ABOVE.iter().chain(BELOW).find(|w| l.contains(*w)) {
            down_from_label = Some(BELOW.contains(w));
        } else {
            return None;
        }
    } else {
        noun = dated_comparison(&qp.label_text)?;
        dated = true;
    }
    // The figure compared: the rate before the previous one, of its form.
    let before = &all[..at - 1];
    let c = *before.iter().rev().find(|&&i| !qs[i].in_parens)?;
    let qc = &qs[c];
    let rates = is_rate(qc) && is_rate(qp);
    let plains = is_plain(qc) && qp.form == Form::Amount && qp.unit.is_none();
    if !plains && (!rates || plain_change) {
        return None;
    }
    if qc.approx == Approx::About || qc.role == super::super::quantity::Role::Previous {
        return None;
    }
    if !noun.is_empty() {
        // The same rate: its noun (the last three characters) in both labels.
        let tail: String = {
            let cs: Vec<char> = noun.chars().collect();
            cs[cs.len().saturating_sub(3)..].iter().collect()
        };
        if !qc.label_text.contains(&tail) {
            return None;
        }
    }
    let (down, verb) = match loose_points_label(&qk.label_text, words) {
        Some(found) => found,
        None if qk.label_text.trim_start_matches(['）', ')']).is_empty() => {
            let d = down_from_label?;
            (d, if d { "低于" } else { "高于" })
        }
        None => return None,
    };
    // A growth rate is compared with its sign (`同比增长9.1%`).
    let current_down = if rates {
        match ends_with_verb(&qc.label_text, &words.growth) {
            Some(d) => d,
            None if qc.role == super::super::quantity::Role::Change => return None,
            None => false,
        }
    } else {
        false
    };
    if !dated
        && sub_annual(&qc.label_text, &words.change) != sub_annual(&qp.label_text, &words.change)
    {
        return None;
    }
    let loose = down_from_label.is_some() || [qk, qp, qc].iter().any(|q| q.approx != Approx::Exact);
    Some(PointChange {
        stated: Some(k),
        down,
        verb,
        current: c,
        current_down,
        previous: p,
        previous_down: false,
        basis: PointsBasis::CurrentPrevious,
        loose,
        term: None,
    })
}

/// The term a structure change names (`第三产业占比提高了`, `其中第二产业增加值占
/// GDP的比重提高`): 0, 1 or 2.
fn structure_term_index(label: &str) -> Option<usize> {
    const TERMS: &[(&[&str], usize)] = &[
        (&["第一产业", "一产", "第一次产业"], 0),
        (&["第二产业", "二产"], 1),
        (&["第三产业", "三产"], 2),
    ];
    let found: Vec<usize> = TERMS
        .iter()
        .filter(|(names, _)| names.iter().any(|n| label.contains(n)))
        .map(|(_, i)| *i)
        .collect();
    (found.len() == 1).then(|| found[0])
}

/// A change in points of one term of a structure restated in the same
/// sentence (`三次产业结构由上年的30.3∶27.0∶42.7调整为28.6∶28.3∶43.1，其中第二产业
/// 增加值占GDP的比重提高1.3个百分点`).
fn structure_term(
    doc: &Doc<'_>,
    words: &PointWords,
    pi: usize,
    si: usize,
    k: usize,
) -> Option<PointChange> {
    let qs = doc.quantities;
    let qk = &qs[k];
    if !is_points(qk) || qk.approx == Approx::About {
        return None;
    }
    let term = structure_term_index(&qk.label_text)?;
    // The verb: the label's end after the rate noun.
    let l = &qk.label_text;
    let (down, verb) = words
        .change
        .up_verbs
        .iter()
        .map(|v| (false, v))
        .chain(words.change.down_verbs.iter().map(|v| (true, v)))
        .filter(|(_, v)| l.trim_end_matches('了').ends_with(v.as_str()))
        .max_by_key(|(_, v)| v.len())
        .map(|(d, v)| (d, super::change::verb_name(v)))?;
    if !["占比", "比重", "比例"].iter().any(|w| l.contains(w)) {
        return None;
    }
    let _ = (pi, si);
    let ratios: Vec<usize> = (k.saturating_sub(20)..k)
        .filter(|&i| {
            qs[i].location.paragraph == qk.location.paragraph
                && qs[i].location.sentence == qk.location.sentence
                && matches!(&qs[i].form, Form::Ratio(t) if t.len() == 3)
        })
        .collect();
    let [prev, cur] = ratios[..] else {
        return None;
    };
    let w = &words.change;
    if !from_label(&qs[prev].label_text, w)
        && qs[prev].role != super::super::quantity::Role::Previous
    {
        return None;
    }
    let to = qs[cur].label_text.trim_end_matches('的');
    if ![
        "调整为",
        "优化为",
        "变为",
        "变化为",
        "转变为",
        "调整到",
        "提升为",
    ]
    .iter()
    .any(|v| to.ends_with(v))
    {
        return None;
    }
    Some(PointChange {
        stated: Some(k),
        down,
        verb,
        current: cur,
        current_down: false,
        previous: prev,
        previous_down: false,
        basis: PointsBasis::FromTo,
        loose: [qk, &qs[prev], &qs[cur]]
            .iter()
            .any(|q| q.approx != Approx::Exact),
        term: Some(term),
    })
}

fn is_points(q: &Quantity) -> bool {
    q.unit.as_ref().is_some_and(|u| u.name == "个百分点")
}

fn is_rate(q: &Quantity) -> bool {
    q.form == Form::Percent
}

/// `减少` or `下降` after an optional comparison and rate noun.
fn points_label(label: &str, words: &PointWords) -> Option<(bool, &'static str)> {
    let l = label.trim_start_matches(['、', '和', '及', '并', '且', '，', ',']);
    // Take off one rate noun, wherever it stands before the verb.
    for s in &words.subjects {
        if let Some(at) = l.find(s.as_str()) {
            let rest = format!("{}{}", &l[..at], &l[at + s.len()..]);
            if let Some(found) = change_label(&rest, &words.change) {
                return Some(found);
            }
        }
    }
    change_label(l, &words.change)
}

fn read_points(
    qs: &[Quantity],
    words: &PointWords,
    k: usize,
    a: usize,
    b: usize,
) -> Option<PointChange> {
    let (qa, qb) = (&qs[a], &qs[b]);
    if !is_rate(qa) || !is_rate(qb) {
        return None;
    }
    let (down, verb) = loose_points_label(&qs[k].label_text, words)?;
    let loose = [&qs[k], qa, qb].iter().any(|q| q.approx != Approx::Exact);
    let w = &words.change;
    if from_label(&qb.label_text, w) && to_label(&qa.label_text, w) {
        return Some(PointChange {
            stated: Some(k),
            down,
            verb,
            current: a,
            current_down: false,
            previous: b,
            previous_down: false,
            basis: PointsBasis::FromTo,
            loose,
            term: None,
        });
    }
    // b is the current rate, a the previous one.
    if sub_annual(&qa.label_text, w) != sub_annual(&qb.label_text, w) {
        return None;
    }
    let (current_down, previous_down) = if let Some(cd) =
        ends_with_verb(&qb.label_text, &words.growth)
    {
        // Growth rates: 增长6.8%，上年增长7.9%.
        let label = qa.label_text.trim_start_matches(['、', '，']);
        let pw = w
            .previous_words
            .iter()
            .filter(|p| label.starts_with(p.as_str()))
            .max_by_key(|p| p.len())?;
        let rest = &label[pw.len()..];
        let (pd, _) = change_label(rest, &words.growth)?;
        (cd, pd)
    } else {
        // Levels: 城镇化率60.1%，上年为58.3%.
        let changes =
            |l: &str| ends_with_verb(l, w).is_some() || ends_with_verb(l, &words.growth).is_some();
        if changes(&qb.label_text) || changes(&qa.label_text) || !previous_label(qa, qb, w) {
            return None;
        }
        (false, false)
    };
    Some(PointChange {
        stated: Some(k),
        down,
        verb,
        current: b,
        current_down,
        previous: a,
        previous_down,
        basis: PointsBasis::CurrentPrevious,
        loose,
        term: None,
    })
}

/// The direction of the verb a label ends with (`规模以上工业总产值增长` → up).
fn ends_with_verb(label: &str, words: &ChangeWords) -> Option<bool> {
    let l = label.trim_end_matches('了');
    if words.down_verbs.iter().any(|v| l.ends_with(v.as_str())) {
        Some(true)
    } else if words.up_verbs.iter().any(|v| l.ends_with(v.as_str())) {
        Some(false)
    } else {
        None
    }
}

/// `由58.3%提高到60.1%` with no points after it: only the verb is checked.
fn bare_from_to(
    qs: &[Quantity],
    words: &PointWords,
    k: usize,
    a: usize,
    next: Option<&usize>,
) -> Option<PointChange> {
    if next.is_some_and(|&n| is_points(&qs[n])) {
        return None;
    }
    let (to, from) = (&qs[k], &qs[a]);
    if !is_rate(to) || !is_rate(from) {
        return None;
    }
    let w = &words.change;
    if !from_label(&from.label_text, w) || !to_label(&to.label_text, w) {
        return None;
    }
    let l = to.label_text.trim_end_matches('的');
    let (down, verb) = w
        .up_verbs
        .iter()
        .map(|v| (false, v.as_str()))
        .chain(w.down_verbs.iter().map(|v| (true, v.as_str())))
        .find(|(_, v)| l.starts_with(v))
        .map(|(d, v)| (d, super::change::verb_name(v)))
        .or_else(|| match l.chars().next() {
            Some('降' | '减') => Some((true, "")),
            Some('增' | '升') => Some((false, "")),
            _ => None,
        })?;
    Some(PointChange {
        stated: None,
        down,
        verb,
        current: k,
        current_down: false,
        previous: a,
        previous_down: false,
        basis: PointsBasis::FromTo,
        loose: to.approx != Approx::Exact || from.approx != Approx::Exact,
        term: None,
    })
}

/// A rate's interval, signed: `下降2.1%` is [−2.15, −2.05].
fn signed_interval(q: &Quantity, down: bool) -> Option<Interval> {
    let i = Interval::of(q)?;
    Some(if down { Interval::new(-i.hi, -i.lo) } else { i })
}

/// The `n`th term of a ratio figure and its interval.
fn term_interval(q: &Quantity, n: usize) -> Option<(Decimal, Interval)> {
    let Form::Ratio(terms) = &q.form else {
        return None;
    };
    let v = *terms.get(n)?;
    if q.approx == Approx::About {
        return None;
    }
    let half = q.step / Decimal::TWO;
    Some((v, Interval::new(v - half, v + half)))
}

impl PointChange {
    /// The value of the current (or previous) rate as printed, with its sign.
    pub fn rate_value(&self, qs: &[Quantity], current: bool) -> Option<Decimal> {
        let (i, down) = if current {
            (self.current, self.current_down)
        } else {
            (self.previous, self.previous_down)
        };
        let v = match self.term {
            Some(n) => term_interval(&qs[i], n)?.0,
            None => qs[i].value,
        };
        Some(if down { -v } else { v })
    }

    /// The difference current − previous the rates allow, in points, and the
    /// difference of the printed figures.
    pub fn difference(&self, qs: &[Quantity]) -> Option<(Interval, Decimal)> {
        if let Some(n) = self.term {
            let (cv, c) = term_interval(&qs[self.current], n)?;
            let (pv, p) = term_interval(&qs[self.previous], n)?;
            return Some((c.minus(p)?, cv.checked_sub(pv)?));
        }
        let c = signed_interval(&qs[self.current], self.current_down)?;
        let p = signed_interval(&qs[self.previous], self.previous_down)?;
        let sign = |down: bool, v: Decimal| if down { -v } else { v };
        let value = sign(self.current_down, qs[self.current].value)
            .checked_sub(sign(self.previous_down, qs[self.previous].value))?;
        Some((c.minus(p)?, value))
    }

    /// The change the stated figure allows, signed (`回落1.1个百分点` is
    /// [−1.15, −1.05]); for a bare `由…提高到…`, any rise (or any fall).
    pub fn stated_bounds(&self, qs: &[Quantity]) -> Bounds {
        match self.stated {
            Some(s) => {
                let b = qs[s].bounds();
                if self.down {
                    Bounds {
                        lo: b.hi.map(|v| -v),
                        hi: b.lo.map(|v| -v),
                    }
                } else {
                    b
                }
            }
            None if self.down => Bounds {
                lo: None,
                hi: Some(Decimal::ZERO),
            },
            None => Bounds {
                lo: Some(Decimal::ZERO),
                hi: None,
            },
        }
    }
}

/// A change in points of a share whose previous value the draft lets one
/// compute: `普惠性幼儿园23.64万所，比上年减少9301所，…，占全国幼儿园的比例
/// 86.16%，比上年提高1.2个百分点` after `全国共有幼儿园27.44万所，比上年减少
/// 14808所`: the previous share is (23.64万 + 9301) ÷ (27.44万 + 14808).
#[derive(Debug, Clone, Copy)]
pub struct ShareChange {
    /// Index of the `个百分点` figure.
    pub stated: usize,
    /// The stated verb is a fall.
    pub down: bool,
    /// The verb as written.
    pub verb: &'static str,
    /// Index of the stated share.
    pub share: usize,
    /// The part and its change since the previous period (signed: a
    /// decrease is `true`).
    pub part: usize,
    /// Index of the part's change.
    pub part_change: usize,
    /// The part's change is a decrease.
    pub part_down: bool,
    /// The base and its change.
    pub base: usize,
    /// Index of the base's change.
    pub base_change: usize,
    /// The base's change is a decrease.
    pub base_down: bool,
}

/// The noun a share names its base by: `占全国幼儿园的比例` → `幼儿园`,
/// `占教师总数的比重` → `教师`.
fn share_base_noun(label: &str) -> Option<String> {
    let l = label.trim_start_matches(['、', '，', ',']);
    let at = l.find('占')?;
    let l = &l[at + '占'.len_utf8()..];
    let l = [
        "的比例",
        "的比重",
        "的比例为",
        "的比重为",
        "比重为",
        "比例为",
        "比重",
        "比例",
    ]
    .iter()
    .find_map(|w| l.strip_suffix(w))?;
    let l = ["全国", "全省", "全市", "全县", "全区", "全部"]
        .iter()
        .find_map(|w| l.strip_prefix(w))
        .unwrap_or(l);
    let l = ["总数", "总量", "总额", "总计", "合计"]
        .iter()
        .find_map(|w| l.strip_suffix(w))
        .unwrap_or(l);
    (l.chars().count() >= 2).then(|| l.to_string())
}

/// The change figure right after a level in its sentence (`比上年减少9301所`),
/// of its dimension: its index and whether it is a decrease.
fn change_after(doc: &Doc<'_>, words: &PointWords, level: usize) -> Option<(usize, bool)> {
    let qs = doc.quantities;
    let q = &qs[level];
    let n = level + 1;
    let c = qs.get(n)?;
    if c.location.paragraph != q.location.paragraph
        || c.location.sentence != q.location.sentence
        || c.form != Form::Amount
        || c.dimension() != q.dimension()
        || c.approx != Approx::Exact
    {
        return None;
    }
    let (down, _) = change_label(&c.label_text, &words.growth)
        .or_else(|| change_label(&c.label_text, &words.change))?;
    Some((n, down))
}

/// The share changes in points of a draft (see [`ShareChange`]).
pub fn share_changes(doc: &Doc<'_>, words: &PointWords) -> Vec<ShareChange> {
    let qs = doc.quantities;
    let mut out = Vec::new();
    for (k, qk) in qs.iter().enumerate() {
        if !is_points(qk) || qk.approx != Approx::Exact || k == 0 {
            continue;
        }
        let Some((down, verb)) = points_label(&qk.label_text, words) else {
            continue;
        };
        let s = k - 1;
        let qs_ = &qs[s];
        if !is_rate(qs_) || qs_.in_parens || qs_.location.sentence != qk.location.sentence {
            continue;
        }
        let Some(noun) = share_base_noun(&qs_.label_text) else {
            continue;
        };
        // The part: the level before the share, past its changes.
        let (p, si) = (qk.location.paragraph, qk.location.sentence);
        let before: Vec<usize> = (s.saturating_sub(40)..s)
            .filter(|&i| qs[i].location.paragraph == p && qs[i].location.sentence == si)
            .collect();
        let Some(&part) = before.iter().rev().find(|&&i| {
            let q = &qs[i];
            q.form == Form::Amount && q.unit.is_some() && q.role == crate::quantity::Role::Level
        }) else {
            continue;
        };
        let Some((part_change, part_down)) = change_after(doc, words, part) else {
            continue;
        };
        // The base: the nearest level before the part in this paragraph or
        // the one before, of its dimension, whose label names the noun.
        let from = doc
            .in_paragraph(p.saturating_sub(1))
            .start
            .max(part.saturating_sub(200));
        let Some(base) = (from..part).rev().find(|&i| {
            let q = &qs[i];
            q.form == Form::Amount
                && q.dimension() == qs[part].dimension()
                && q.role == crate::quantity::Role::Level
                && !q.in_parens
                && q.approx == Approx::Exact
                && q.label_text.contains(noun.as_str())
        }) else {
            continue;
        };
        let Some((base_change, base_down)) = change_after(doc, words, base) else {
            continue;
        };
        out.push(ShareChange {
            stated: k,
            down,
            verb,
            share: s,
            part,
            part_change,
            part_down,
            base,
            base_change,
            base_down,
        });
    }
    out
}

impl ShareChange {
    /// The share now (part ÷ base, in percent), the share before ((part ∓
    /// change) ÷ (base ∓ change)), and the change in points they allow
    /// (also from the stated share); `None` when the base may be zero or
    /// the part ÷ base does not give the stated share (another base).
    pub fn computed(&self, qs: &[Quantity]) -> Option<(Interval, Interval, Interval)> {
        let h = Interval::exact(Decimal::ONE_HUNDRED);
        let p = Interval::of(&qs[self.part])?;
        let b = Interval::of(&qs[self.base])?;
        let dp = Interval::of(&qs[self.part_change])?;
        let db = Interval::of(&qs[self.base_change])?;
        let now = p.over(b)?.times(h)?;
        let stated = Interval::of(&qs[self.share])?;
        if !now.meets(&stated) {
            return None;
        }
        // The previous part and base: a decrease since means more before.
        let p0 = if self.part_down {
            p.plus(dp)?
        } else {
            p.minus(dp)?
        };
        let b0 = if self.base_down {
            b.plus(db)?
        } else {
            b.minus(db)?
        };
        if b0.lo <= Decimal::ZERO || p0.lo < Decimal::ZERO {
            return None;
        }
        let before = p0.over(b0)?.times(h)?;
        let d1 = now.minus(before)?;
        let d2 = stated.minus(before)?;
        let diff = Interval::new(d1.lo.min(d2.lo), d1.hi.max(d2.hi));
        Some((now, before, diff))
    }
}
