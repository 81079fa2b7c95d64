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
use rust_decimal::Decimal;

use crate::quantity::{Approx, Form, Interval, Quantity, Role};
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
    ["达到", "达", "增至", "增加到", "增长到", "为"].contains(&l)
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
    let from = doc
        .in_paragraph(p.saturating_sub(1))
        .start
        .max(change.saturating_sub(300));
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

/// Growths of a record stated in two units with the previous record and
/// two rates (`受理各类审查逮捕案件97件134人，去年同期为197件375人，件数和人数
/// 分别同比下降50.76%、64.27%`, `…478件635人，去年同期为773件1350人，同比件数
/// 下降38.24%、人数下降53.14%`): each rate with the level of its unit, by
/// the word it names (件数, 人数) or else in order.
pub(crate) fn records(doc: &Doc<'_>, words: &ChangeWords, seq: &[usize]) -> Vec<Growth> {
    let qs = doc.quantities;
    let mut out = Vec::new();
    for w in seq.windows(6) {
        let [c1, c2, p1, p2, r1, r2] = *w else {
            continue;
        };
        let (qc1, qc2, qp1, qp2) = (&qs[c1], &qs[c2], &qs[p1], &qs[p2]);
        let pair = |a: &Quantity, b: &Quantity| {
            is_amount(a)
                && is_amount(b)
                && a.dimension() != b.dimension()
                && a.label_text == b.label_text
                && a.approx == Approx::Exact
                && b.approx == Approx::Exact
        };
        if !pair(qc1, qc2) || !pair(qp1, qp2) {
            continue;
        }
        if qc1.role != Role::Level
            || qc1.dimension() != qp1.dimension()
            || qc2.dimension() != qp2.dimension()
        {
            continue;
        }
        // The previous record: 去年同期为, 上年为.
        let pl = qp1.label_text.trim_start_matches(['、', '，', ',']);
        let pl = pl.strip_suffix('为').unwrap_or(pl);
        if !words.previous_words.iter().any(|w| pl == w.as_str()) {
            continue;
        }
        let (qr1, qr2) = (&qs[r1], &qs[r2]);
        if qr1.form != Form::Percent || qr2.form != Form::Percent {
            continue;
        }
        let Some((d1, h1)) = record_rate_label(&qr1.label_text, words) else {
            continue;
        };
        let Some((d2, h2)) = record_rate_label(&qr2.label_text, words) else {
            continue;
        };
        let Some(d1) = d1 else {
            continue;
        };
        let d2 = d2.unwrap_or(d1);
        // Which level each rate is of: the unit its label names, or in order.
        let dim_of = |h: Option<&str>, default: usize| -> Option<usize> {
            match h {
                Some(d) if qc1.dimension() == Some(d) => Some(0),
                Some(d) if qc2.dimension() == Some(d) => Some(1),
                Some(_) => None,
                None => Some(default),
            }
        };
        let (Some(i1), Some(i2)) = (dim_of(h1, 0), dim_of(h2, 1)) else {
            continue;
        };
        if i1 == i2 {
            continue;
        }
        let cur = [c1, c2];
        let prev = [p1, p2];
        for (r, down, i) in [(r1, d1, i1), (r2, d2, i2)] {
            out.push(Growth {
                stated: r,
                form: Stated::Percent,
                down,
                basis: Basis::Levels {
                    current: cur[i],
                    previous: prev[i],
                },
                loose: qs[r].approx != Approx::Exact,
            });
        }
    }
    out
}

/// The label of a rate in a record's pair of rates: its direction (`None`
/// for a bare `、` that takes the first's) and the unit it names (`件数` →
/// `count:件`, `人数` → `persons`).
fn record_rate_label(
    label: &str,
    words: &ChangeWords,
) -> Option<(Option<bool>, Option<&'static str>)> {
    let l = label.trim_start_matches(['、', '，', ',']);
    let hint = match (l.contains("件数"), l.contains("人数")) {
        (true, false) => Some("count:件"),
        (false, true) => Some("persons"),
        _ => None,
    };
    let mut rest = l.to_string();
    for w in [
        "件数和人数",
        "件数、人数",
        "件数",
        "人数",
        "分别",
        "同比",
        "均",
        "和",
    ] {
        rest = rest.replace(w, "");
    }
    if rest.is_empty() {
        return Some((None, hint));
    }
    let (down, _) = change_label(&rest, words)?;
    Some((Some(down), hint))
}

/// An average annual rate over several years (`年平均增长率为0.59%`,
/// `年均增长率为1.51%`, `年平均下降率为0.15%`) and the growth over the whole
/// span it must compound to.
#[derive(Debug, Clone)]
pub struct Annual {
    /// Index of the stated annual rate.
    pub stated: usize,
    /// Its value in percent with the sign its words give (`年平均下降率为0.15%`
    /// is −0.15), as an interval.
    pub rate: Interval,
    /// The growth over the span, in percent, signed: what the figures give,
    /// or the stated total rate.
    pub total: Interval,
    /// The figure the total comes from (the stated total rate).
    pub total_at: usize,
    /// Years of the span (`10年零4个月` is 10.33…).
    pub years: Decimal,
    /// How the span is known, for messages (`十年间`, `第六次 to 第七次人口普查`).
    pub span_words: String,
}

/// Words of an average annual rise and fall before the rate.
const ANNUAL_UP: &[&str] = &[
    "年平均增长率为",
    "年平均增长率",
    "年均增长率为",
    "年均增长率",
    "年平均增长",
    "年均增长",
    "年均递增",
    "年平均递增",
];
const ANNUAL_DOWN: &[&str] = &[
    "年平均下降率为",
    "年平均下降率",
    "年均下降率为",
    "年平均下降",
    "年均下降",
    "年平均减少",
    "年均减少",
    "年均递减",
];

/// The average annual rates of a draft with the growth over their span.
/// `growths` are the draft's growth statements (the total growth is taken
/// from them when one is stated in the rate's sentence).
pub fn annuals(doc: &Doc<'_>, words: &ChangeWords, growths: &[Growth]) -> Vec<Annual> {
    let qs = doc.quantities;
    let mut out = Vec::new();
    // The span each sentence names, read once a sentence.
    let mut spans: std::collections::HashMap<(usize, usize), Option<(Decimal, String)>> =
        std::collections::HashMap::new();
    for (i, q) in qs.iter().enumerate() {
        if q.form != Form::Percent || q.in_parens || q.approx == Approx::About {
            continue;
        }
        let l = q.label_text.trim_start_matches(['、', '，', ',']);
        let down = if ANNUAL_UP.contains(&l) {
            false
        } else if ANNUAL_DOWN.contains(&l) {
            true
        } else {
            continue;
        };
        let Some(b) = Interval::of(q) else {
            continue;
        };
        let rate = if down { Interval::new(-b.hi, -b.lo) } else { b };
        let (p, s) = (q.location.paragraph, q.location.sentence);
        let same: Vec<usize> = (i.saturating_sub(100)..i)
            .filter(|&k| qs[k].location.paragraph == p && qs[k].location.sentence == s)
            .collect();
        // The total growth: a growth statement of the sentence, or else the
        // nearest rate before with a verb.
        let first = growths.partition_point(|g| g.stated < i.saturating_sub(100));
        let total = growths[first..]
            .iter()
            .take_while(|g| g.stated < i)
            .filter(|g| g.form == Stated::Percent && same.contains(&g.stated))
            .max_by_key(|g| g.stated)
            .and_then(|g| Some((g.computed(qs)?.range, g.stated)));
        let total = total.or_else(|| {
            let k = *same.iter().rev().find(|&&k| {
                let t = &qs[k];
                t.form == Form::Percent
                    && !t.in_parens
                    && !t.label_text.contains('均')
                    && ends_with_verb(&t.label_text, words).is_some()
            })?;
            let (d, _) = ends_with_verb(&qs[k].label_text, words)?;
            let b = Interval::of(&qs[k])?;
            Some((if d { Interval::new(-b.hi, -b.lo) } else { b }, k))
        });
        let Some((total, total_at)) = total else {
            continue;
        };
        let Some((years, span_words)) = spans
            .entry((p, s))
            .or_insert_with(|| {
                span_years(doc.draft.paragraphs[p].sentences[s].span.slice(doc.text))
            })
            .clone()
        else {
            continue;
        };
        out.push(Annual {
            stated: i,
            rate,
            total,
            total_at,
            years,
            span_words,
        });
    }
    out
}

/// The years a sentence says its comparison spans: `十年间`, `10年零4个月间`,
/// or a census and the next one (`与2010年第六次全国人口普查相比`: ten years).
fn span_years(text: &str) -> Option<(Decimal, String)> {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    for marker in ["年间", "年来", "个月间", "个月来"] {
        if let Some(at) = t.find(marker) {
            let head = &t[..at + marker.len()];
            if let Some(found) = written_span(head) {
                return Some(found);
            }
        }
    }
    const CENSUS: &[(&str, i64)] = &[
        ("第三次", 1982),
        ("第四次", 1990),
        ("第五次", 2000),
        ("第六次", 2010),
        ("第七次", 2020),
    ];
    let (k, year) = CENSUS
        .iter()
        .enumerate()
        .find(|(_, (w, _))| {
            t.contains(&format!("{w}全国人口普查")) || t.contains(&format!("{w}人口普查"))
        })
        .map(|(k, (_, y))| (k, *y))?;
    let (name, next) = CENSUS.get(k + 1)?;
    Some((
        Decimal::from(next - year),
        format!("{} to {name}人口普查", CENSUS[k].0),
    ))
}

/// `十年间`, `10年零4个月间` at the end of `head`: the years.
fn written_span(head: &str) -> Option<(Decimal, String)> {
    let head = head.trim_end_matches("间").trim_end_matches("来");
    let (years_part, months) = match head.strip_suffix("个月") {
        Some(h) => {
            let digits: String = h.chars().rev().take_while(char::is_ascii_digit).collect();
            let m: i64 = digits.chars().rev().collect::<String>().parse().ok()?;
            let h = &h[..h.len() - digits.len()];
            (h.strip_suffix('零').or_else(|| h.strip_suffix('又'))?, m)
        }
        None => (head, 0),
    };
    let y = years_part.strip_suffix('年')?;
    let digits: String = y.chars().rev().take_while(char::is_ascii_digit).collect();
    let years: i64 = if !digits.is_empty() {
        digits.chars().rev().collect::<String>().parse().ok()?
    } else {
        let words: String = y
            .chars()
            .rev()
            .take_while(|c| "一二三四五六七八九十".contains(*c))
            .collect();
        let words: String = words.chars().rev().collect();
        crate::quantity::number::parse_chinese(&words)?
            .try_into()
            .ok()?
    };
    if !(2..=100).contains(&years) {
        return None;
    }
    let written: String = format!(
        "{years}年{}",
        if months > 0 {
            format!("零{months}个月")
        } else {
            String::new()
        }
    );
    Some((
        Decimal::from(years) + Decimal::from(months) / Decimal::from(12),
        written,
    ))
}

/// A growth rate stated of a noun before the statement it sums up
/// (`与2013年末相比，2018年末第二产业从业人员下降10.4%` in a lead sentence,
/// `1.基本养老保险参保人数同比增长4.9%` as a heading) and the growth statement
/// of the same noun after it that recomputes it: the index of the rate and
/// of that growth in `growths`.
pub fn restated(doc: &Doc<'_>, words: &ChangeWords, growths: &[Growth]) -> Vec<(usize, usize)> {
    let qs = doc.quantities;
    let mut out = Vec::new();
    for (r, q) in qs.iter().enumerate() {
        if q.form != Form::Percent
            || q.in_parens
            || q.approx != Approx::Exact
            || growths.iter().any(|g| g.stated == r)
        {
            continue;
        }
        let Some((down, _)) = ends_with_verb(&q.label_text, words) else {
            continue;
        };
        let Some((noun, cmp)) = restated_noun(&q.label_text, words) else {
            continue;
        };
        let p = q.location.paragraph;
        // Growths are in source order: those within reach after the rate.
        let first = growths.partition_point(|g| g.stated <= r);
        let found: Vec<usize> = growths[first..]
            .iter()
            .take_while(|g| g.stated <= r + 300)
            .enumerate()
            .map(|(i, g)| (first + i, g))
            .filter(|(_, g)| {
                let gq = &qs[g.stated];
                g.stated > r
                    && g.form == Stated::Percent
                    && g.down == down
                    && gq.location.paragraph <= p + 1
            })
            .filter(|(_, g)| {
                let current = match g.basis {
                    Basis::Levels { current, .. } | Basis::Increment { current, .. } => current,
                    Basis::PreviousChange { .. } => return false,
                };
                let l = clean_label(&qs[current].label_text).replace('的', "");
                let l = strip_year(&l);
                let related = (l.chars().count() >= 4 && noun.contains(l))
                    || (noun.chars().count() >= 4 && l.contains(noun.as_str()));
                // The growth's comparison: its rate's, or its increase's
                // (`环比增加8.85万人，增长0.7%` is against the month before).
                let g_cmp = comparison_class(&qs[g.stated].label_text, words).or(match g.basis {
                    Basis::Increment { change, .. } => {
                        comparison_class(&qs[change].label_text, words)
                    }
                    _ => None,
                });
                related && (cmp.is_none() || g_cmp.is_none() || cmp == g_cmp)
            })
            .map(|(i, _)| i)
            .collect();
        if let [g] = found[..] {
            out.push((r, g));
        }
    }
    out
}

/// `2018年末`, `2018年` at the start of a label taken off.
fn strip_year(l: &str) -> &str {
    let digits = l.chars().take_while(char::is_ascii_digit).count();
    if digits != 4 {
        return l;
    }
    let rest = &l[4..];
    ["年末", "年底", "年"]
        .iter()
        .find_map(|w| rest.strip_prefix(w))
        .unwrap_or(l)
}

/// The noun of a rate stated by itself (`.基本养老保险参保人数同比增长` →
/// `基本养老保险参保人数`, comparison `year`), without heading numbers and a
/// leading year.
fn restated_noun(label: &str, words: &ChangeWords) -> Option<(String, Option<String>)> {
    let l = label.trim_end_matches('了');
    let verb = words
        .up_verbs
        .iter()
        .chain(&words.down_verbs)
        .filter(|v| l.ends_with(v.as_str()))
        .max_by_key(|v| v.len())?;
    let rest = &l[..l.len() - verb.len()];
    let cmp_word = words
        .comparisons
        .iter()
        .filter(|c| rest.ends_with(c.as_str()))
        .max_by_key(|c| c.len());
    let (noun, cmp) = match cmp_word {
        Some(c) => (
            &rest[..rest.len() - c.len()],
            comparison_class(&format!("{c}{verb}"), words),
        ),
        None => (rest, None),
    };
    let noun = noun.trim_start_matches(|c: char| {
        c.is_ascii_digit() || matches!(c, '.' | '、' | '，' | ',' | '．')
    });
    let noun = strip_year(noun);
    let n = noun.chars().count();
    if !(4..=16).contains(&n) || noun.contains(['比', '较', '占', '%']) {
        return None;
    }
    Some((noun.to_string(), cmp))
}
