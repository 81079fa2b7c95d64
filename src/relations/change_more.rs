//! Growth statements in the shapes [`super::change`] does not read with its
//! three-figure window: the previous level written inline with its year
//! (`比1999年的8.19亿元增长31.5%`, `较上年4.92‰下降了7.72%`), the previous
//! level of a census and the change since (`与2010年…的703428人相比，增加
//! 42961人，增长6.11%`), the increase before the level (`缴存单位增加1.83万家，
//! 达到14.05万家，同比增长14.98%`), the rate before its increase (`同比增长
//! 7.15%，增加32.63万人`), and an increase named by its noun whose level stands
//! in an earlier sentence (`人户分离人口增加231376431人，增长88.52%`).

use super::change::{
    change_label, comparison_class, is_amount, level_before, Basis, ChangeWords, Growth, Stated,
};
use crate::quantity::{Approx, Form, Quantity, Role};
use crate::relations::Doc;

/// A growth read at position `j` of a sentence's figures `seq` (in-bracket
/// figures left out but for growth rates), when the rate there is read by
/// none of the plain shapes.
pub(crate) fn read(doc: &Doc<'_>, words: &ChangeWords, seq: &[usize], j: usize) -> Option<Growth> {
    let qs = doc.quantities;
    let r = seq[j];
    let rate = &qs[r];
    if rate.form != Form::Percent || rate.approx == Approx::About {
        return None;
    }
    let (down, _) = rate_label(&rate.label_text, words)?;
    let a = seq[j - 1];
    // A span of years written as a figure (`十年间减少了…`) is no level.
    let b = seq[..j - 1]
        .iter()
        .rev()
        .find(|&&i| !qs[i].dimension().is_some_and(|d| d.starts_with("duration")))
        .copied();
    let growth = |basis: Basis, loose: bool| Growth {
        stated: r,
        form: Stated::Percent,
        down,
        basis,
        loose: loose || [r, a].iter().any(|&i| qs[i].approx != Approx::Exact),
    };
    let (qa, rate_cmp) = (&qs[a], comparison_class(&rate.label_text, words));
    if let Some(b) = b {
        let qb = &qs[b];
        // `X，比1999年的Y增长p%`, `X，较上年Y下降了p%`.
        if dated_previous(&qa.label_text, words)
            && qb.role == Role::Level
            && level_like(qa)
            && level_like(qb)
            && qa.form == qb.form
            && qa.dimension() == qb.dimension()
            && rate_cmp.is_none()
        {
            return Some(growth(
                Basis::Levels {
                    current: b,
                    previous: a,
                },
                qb.approx != Approx::Exact,
            ));
        }
        // `与2010年…的703428人相比，增加42961人，增长6.11%`.
        if let Some((inc_down, verb)) = bare_change(&qa.label_text, words) {
            if qa.role == Role::Change
                && is_amount(qa)
                && is_amount(qb)
                && qa.dimension() == qb.dimension()
                && (qb.role == Role::Previous || dated_previous(&qb.label_text, words))
                && census_or_dated(&qb.label_text)
                && inc_down == down
                && rate_cmp.is_none()
            {
                return Some(growth(
                    Basis::PreviousChange {
                        previous: b,
                        change: a,
                        down: inc_down,
                        verb,
                    },
                    qb.approx != Approx::Exact,
                ));
            }
        }
        // `缴存单位增加1.83万家，达到14.05万家，同比增长14.98%`.
        if qa.role == Role::Level
            && is_amount(qa)
            && is_amount(qb)
            && qa.dimension() == qb.dimension()
            && qb.role == Role::Change
            && reached_label(&qa.label_text)
        {
            if let Some((inc_down, verb)) = ends_with_verb(&qb.label_text, words) {
                if inc_down == down
                    && !words
                        .comparisons
                        .iter()
                        .any(|c| qb.label_text.contains(c.as_str()))
                {
                    return Some(growth(
                        Basis::Increment {
                            current: a,
                            change: b,
                            down: inc_down,
                            verb,
                        },
                        qb.approx != Approx::Exact,
                    ));
                }
            }
        }
    }
    // `X，同比增长7.15%，增加32.63万人`: the increase after the rate.
    if let Some(&n) = seq.get(j + 1) {
        let qn = &qs[n];
        let level = if qa.role == Role::Level && is_amount(qa) {
            Some(a)
        } else {
            level_before(qs, words, &seq[..j])
        };
        if let Some(l) = level {
            let ql = &qs[l];
            let inc = change_label(&qn.label_text, words)
                .or_else(|| noun_change_label(&qn.label_text, &ql.label_text, words));
            if let Some((inc_down, verb)) = inc {
                let inc_cmp = comparison_class(&qn.label_text, words);
                if (qn.role == Role::Change || qn.label_text.starts_with("新增"))
                    && is_amount(qn)
                    && ql.role == Role::Level
                    && ql.dimension() == qn.dimension()
                    && inc_down == down
                    && (inc_cmp.is_none() || rate_cmp.is_none() || inc_cmp == rate_cmp)
                    && !qn.in_parens
                {
                    return Some(Growth {
                        stated: r,
                        form: Stated::Percent,
                        down,
                        basis: Basis::Increment {
                            current: l,
                            change: n,
                            down: inc_down,
                            verb,
                        },
                        loose: [r, n, l].iter().any(|&i| qs[i].approx != Approx::Exact),
                    });
                }
            }
        }
    }
    // `人户分离人口增加231376431人，增长88.52%`: the level of the noun stated
    // earlier in the paragraph or the one before.
    if qa.role == Role::Change && is_amount(qa) && change_label(&qa.label_text, words).is_none() {
        let (inc_down, verb) = ends_with_verb(&qa.label_text, words)?;
        if inc_down != down {
            return None;
        }
        let noun = noun_before_verb(&qa.label_text, words)?;
        let l = level_named(doc, a, &noun)?;
        return Some(growth(
            Basis::Increment {
                current: l,
                change: a,
                down: inc_down,
                verb,
            },
            true,
        ));
    }
    None
}

/// The direction of a growth rate's label: a change label, or a rate noun
/// with 为 (`上升率为`).
fn rate_label(label: &str, words: &ChangeWords) -> Option<(bool, &'static str)> {
    change_label(label, words)
}

/// A figure that can be a level in a growth statement: an amount with a
/// unit, or a permille rate (`婴儿死亡率为4.54‰，较上年4.92‰下降了7.72%`).
fn level_like(q: &Quantity) -> bool {
    (is_amount(q) || q.form == Form::Permille) && !q.in_parens
}

/// A label that makes a figure the previous level with nothing else: `比1999年
/// 的`, `较2016年`, `较上年`, `比2010年第六次全国人口普查的`.
fn dated_previous(label: &str, words: &ChangeWords) -> bool {
    let l = label.trim_start_matches(['、', '，', ',']);
    let Some(rest) = ["比", "较", "与"].iter().find_map(|w| l.strip_prefix(w)) else {
        return false;
    };
    let rest = rest.strip_suffix('的').unwrap_or(rest);
    if words.previous_words.iter().any(|w| rest == w.as_str()) {
        return true;
    }
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() != 4 {
        return false;
    }
    let rest = &rest[4..];
    let Some(rest) = rest.strip_prefix('年') else {
        return false;
    };
    let rest = ["同期", "年末", "年底", "末", "底"]
        .iter()
        .find_map(|w| rest.strip_prefix(w))
        .unwrap_or(rest);
    rest.is_empty() || (rest.contains("普查") && rest.chars().count() <= 12)
}

/// A previous level named with a year or a census (`与2010年第六次全国人口普查的`).
fn census_or_dated(label: &str) -> bool {
    label.contains("普查") || label.chars().filter(char::is_ascii_digit).count() == 4
}

/// A change label, after what ends a comparison or a span of years before it
/// (`十年间减少了` read after the figure 十年 leaves `间减少了`).
fn bare_change(label: &str, words: &ChangeWords) -> Option<(bool, &'static str)> {
    let l = label.trim_start_matches(['、', '，', ',']);
    let l = ["年间", "年来", "间", "来"]
        .iter()
        .find_map(|w| l.strip_prefix(w))
        .unwrap_or(l);
    change_label(l, words)
}

/// The label of a level reached (`达到`, `达`, `增至`).
fn reached_label(label: &str) -> bool {
    let l = label.trim_start_matches(['、', '，', ',']);
    ["达到", "达", "增至", "增加到", "增长到", "为"]
        .iter()
        .any(|w| l == *w)
}

/// The verb a label ends with and its direction (`缴存单位增加` → up).
fn ends_with_verb(label: &str, words: &ChangeWords) -> Option<(bool, &'static str)> {
    let l = label.trim_end_matches('了');
    words
        .up_verbs
        .iter()
        .map(|v| (v, false))
        .chain(words.down_verbs.iter().map(|v| (v, true)))
        .filter(|(v, _)| l.ends_with(v.as_str()))
        .max_by_key(|(v, _)| v.len())
        .map(|(v, d)| (d, super::change::verb_name(v)))
}

/// The noun before the verb of a change label (`人户分离人口增加` → `人户分离人口`),
/// without a comparison before it.
fn noun_before_verb(label: &str, words: &ChangeWords) -> Option<String> {
    let l = label.trim_end_matches('了');
    let verb = words
        .up_verbs
        .iter()
        .chain(&words.down_verbs)
        .filter(|v| l.ends_with(v.as_str()))
        .max_by_key(|v| v.len())?;
    let noun = &l[..l.len() - verb.len()];
    let noun = noun.trim_start_matches(['、', '，', ',', '；']);
    let noun = ["其中", "全国", "全市", "全县", "全省"]
        .iter()
        .find_map(|w| noun.strip_prefix(w))
        .unwrap_or(noun);
    let n = noun.chars().count();
    if !(2..=12).contains(&n) || words.comparisons.iter().any(|c| noun.contains(c.as_str())) {
        return None;
    }
    if noun.contains(|c: char| c.is_ascii_digit()) || noun.contains("比") || noun.contains("较") {
        return None;
    }
    Some(noun.to_string())
}

/// A label without footnote marks and link words (`市辖区内人户分离[7]人口为` →
/// `市辖区内人户分离人口`).
fn clean_label(label: &str) -> String {
    let mut out = String::new();
    let mut skip = false;
    for c in label.chars() {
        match c {
            '[' | '［' => skip = true,
            ']' | '］' => skip = false,
            _ if !skip => out.push(c),
            _ => {}
        }
    }
    let t = out.trim_end_matches(['为', '是', '达', '有', '共']);
    t.trim_start_matches(['、', '，', ',', '；']).to_string()
}

/// The one level stated earlier (this paragraph or the one before) whose
/// label ends with `noun`, of the change's dimension.
fn level_named(doc: &Doc<'_>, change: usize, noun: &str) -> Option<usize> {
    let qs = doc.quantities;
    let qc = &qs[change];
    let p = qc.location.paragraph;
    let from = doc.in_paragraph(p.saturating_sub(1)).start;
    let found: Vec<usize> = (from..change)
        .filter(|&i| {
            let q = &qs[i];
            q.role == Role::Level
                && is_amount(q)
                && !q.in_parens
                && q.dimension() == qc.dimension()
                && q.approx == Approx::Exact
                && clean_label(&q.label_text).ends_with(noun)
        })
        .collect();
    let first = *found.first()?;
    found
        .iter()
        .all(|&i| qs[i].value == qs[first].value)
        .then_some(*found.last()?)
}

/// A change label that names what changed, contained in the level's label
/// (`与去年同期相比案件增加了` after `受理各类案件3240件`, `新增产值` after
/// `累计完成工业总产值27.5亿元`).
pub(crate) fn noun_change_label(
    label: &str,
    level_label: &str,
    words: &ChangeWords,
) -> Option<(bool, &'static str)> {
    let l = label.trim_start_matches(['、', '，', ',']);
    // 新增产值: the verb first.
    if let Some(noun) = l.strip_prefix("新增") {
        let n = noun.chars().count();
        if (1..=6).contains(&n) && level_label.contains(noun) {
            return Some((false, "增加"));
        }
        return None;
    }
    let l = l.trim_end_matches('了');
    let verb = words
        .up_verbs
        .iter()
        .map(|v| (v, false))
        .chain(words.down_verbs.iter().map(|v| (v, true)))
        .filter(|(v, _)| l.ends_with(v.as_str()))
        .max_by_key(|(v, _)| v.len())?;
    let rest = &l[..l.len() - verb.0.len()];
    // An optional comparison, then the noun.
    let rest = words
        .comparisons
        .iter()
        .filter(|c| rest.starts_with(c.as_str()))
        .max_by_key(|c| c.len())
        .map_or(rest, |c| &rest[c.len()..]);
    let n = rest.chars().count();
    if !(1..=6).contains(&n) || !level_label.contains(rest) {
        return None;
    }
    Some((verb.1, super::change::verb_name(verb.0)))
}
