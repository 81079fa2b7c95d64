//! Growth statements: a stated growth rate (`比上年增长8.1%`, `下降3.1%`,
//! `增长2倍`, `是上年的3倍`) together with the figures of the same statement
//! it can be recomputed from.
//!
//! Only three shapes are read, each with the figures written next to each
//! other in one sentence (no other figure between them):
//!
//! - `X 3.45亿元，比上年增加0.42亿元，增长13.9%`: the current level and the
//!   increase (previous = current − increase);
//! - `X 18.6万吨，上年为17.2万吨，比上年增长8.1%`: the current and the
//!   previous level;
//! - `X 由1.2亿元增加到3.6亿元，增长2倍`: the previous and the current level.
//!
//! The words between the figures must be nothing but a comparison
//! (`比上年`, `同比` …) and a verb: a rate whose label names anything else
//! (`人均…增长`, `年均增长`, `其中税收收入增长`) is about another measure and is
//! left alone. Growth at comparable (constant) prices is never read (see
//! [`ConstantPrice`]).

use rust_decimal::Decimal;

use crate::quantity::{Approx, Bounds, Form, Interval, Quantity, Role};
use crate::relations::Doc;
use crate::rules::scan::Words;

/// Word lists that steer how growth statements are read (the settings of
/// `growth-rate`).
#[derive(Debug, Clone, Default)]
pub struct ChangeWords {
    /// Verbs of a rise written right before a rate or an increase (增长, 增加).
    pub up_verbs: Vec<String>,
    /// Verbs of a fall (下降, 减少).
    pub down_verbs: Vec<String>,
    /// Comparisons allowed before the verb (比上年, 同比).
    pub comparisons: Vec<String>,
    /// Verbs that end the label of a current level after `由…` (增加到, 增至).
    pub to_verbs: Vec<String>,
    /// Words that make a label the previous period's level (上年, 去年).
    pub previous_words: Vec<String>,
    /// Words ending the label of a multiple before `的` (是, 为, 相当于).
    pub multiple_verbs: Vec<String>,
    /// Words naming a period shorter than a year (季度, 月, 上半年).
    pub sub_annual_words: Vec<String>,
}

/// When growth is at comparable prices and must not be recomputed from the
/// values a draft prints.
#[derive(Debug, Clone)]
pub struct ConstantPrice {
    /// Words saying a growth is at comparable prices or on a revised base
    /// (可比价, 不变价, 实际增长, 核实 …).
    pub words: Words,
    /// Indicators whose growth is always at comparable prices (生产总值,
    /// 增加值).
    pub indicators: Words,
    /// Words that make a comparable-price note general (增长速度, 增速, 均):
    /// such a note covers its paragraph, and a `注`/`说明` paragraph covers
    /// the whole draft.
    pub general: Words,
}

/// How a growth is stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stated {
    /// A percentage: `增长8.1%`, `下降3.1%`.
    Percent,
    /// `增长n倍`: the current level is (n + 1) times the previous.
    Times,
    /// `是上年的n倍`, `增加到n倍`: the current level is n times the previous.
    Multiple,
}

/// The figures a growth is recomputed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// The current and the previous level (`上年为…`, `由…增加到…`).
    Levels {
        /// Index of the current level.
        current: usize,
        /// Index of the previous level.
        previous: usize,
    },
    /// The current level and the change against the previous period
    /// (`比上年增加0.42亿元`): previous = current ∓ change.
    Increment {
        /// Index of the current level.
        current: usize,
        /// Index of the change.
        change: usize,
        /// The change is a decrease (`减少`).
        down: bool,
        /// The verb as written before the change (`增加`).
        verb: &'static str,
    },
    /// The previous level and the change since (`与2010年…的703428人相比，增加
    /// 42961人，增长6.11%`): growth = change ÷ previous.
    PreviousChange {
        /// Index of the previous level.
        previous: usize,
        /// Index of the change.
        change: usize,
        /// The change is a decrease.
        down: bool,
        /// The verb as written before the change.
        verb: &'static str,
    },
}

impl Basis {
    /// The change is a decrease stated as an amount (`减少30781人`).
    pub fn down_change(&self) -> bool {
        matches!(
            self,
            Basis::Increment { down: true, .. } | Basis::PreviousChange { down: true, .. }
        )
    }
}

/// A stated growth and the figures it must follow from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Growth {
    /// Index of the stated rate (or multiple) in [`Doc::quantities`].
    pub stated: usize,
    /// How it is stated.
    pub form: Stated,
    /// The verb states a fall (`下降3.1%`).
    pub down: bool,
    /// The figures it is recomputed from.
    pub basis: Basis,
    /// An operand or the rate is approximate (余, 多, 以上 …): the statement
    /// is matched less surely.
    pub loose: bool,
}

/// The growth statements of a draft, in source order, without those at
/// comparable prices.
pub fn growths(doc: &Doc<'_>, words: &ChangeWords, constant: &ConstantPrice) -> Vec<Growth> {
    let qs = doc.quantities;
    let whole_draft_exempt = doc.draft.paragraphs.iter().any(|p| {
        let t = p.span.slice(doc.text).trim_start();
        (t.starts_with('注') || t.starts_with("说明"))
            && p.sentences.iter().any(|s| {
                let st = s.span.slice(doc.text);
                constant.words.any_in(st) && constant.general.any_in(st)
            })
    });
    if whole_draft_exempt {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (pi, para) in doc.draft.paragraphs.iter().enumerate() {
        let paragraph_exempt = para.sentences.iter().any(|s| {
            let st = s.span.slice(doc.text);
            constant.words.any_in(st) && constant.general.any_in(st)
        });
        if paragraph_exempt {
            continue;
        }
        for (si, sentence) in para.sentences.iter().enumerate() {
            let st = sentence.span.slice(doc.text);
            if constant.words.any_in(st) || constant.indicators.any_in(st) {
                continue;
            }
            // Figures in brackets are notes, but for a growth rate right
            // after its increase (`比上年增加42.5万人（增长3.0%）`).
            let seq: Vec<usize> = doc
                .in_sentence(pi, si)
                .filter(|&i| !qs[i].in_parens || bracketed_rate(&qs[i], words))
                .collect();
            for (j, &r) in seq.iter().enumerate() {
                if j < 1 {
                    continue;
                }
                if j >= 2 {
                    if let Some(g) = read_growth(qs, words, r, seq[j - 1], seq[j - 2]) {
                        out.push(g);
                        continue;
                    }
                    if let Some(b) = level_before(qs, words, &seq[..j - 1]) {
                        // `X，为年初预算61.2%，比上年增加a，增长p%`, `X，环比增加a，
                        // 增长p%，同比增加b，增长q%`: the level stands further back.
                        if let Some(g) = read_growth(qs, words, r, seq[j - 1], b)
                            .filter(|g| matches!(g.basis, Basis::Increment { .. }))
                        {
                            out.push(g);
                            continue;
                        }
                    }
                }
                if let Some(g) = super::change_more::read(doc, words, &seq, j) {
                    out.push(g);
                }
            }
            for g in super::change_more::records(doc, words, &seq) {
                if !out.iter().any(|o| o.stated == g.stated) {
                    out.push(g);
                }
            }
        }
    }
    out
}

/// A growth stated at `r`, with `a` the figure right before it and `b` the
/// one before that.
fn read_growth(
    qs: &[Quantity],
    words: &ChangeWords,
    r: usize,
    a: usize,
    b: usize,
) -> Option<Growth> {
    let rate = &qs[r];
    // A rate that compares with a named year (`比2018年增长0.9%`) is read
    // only against an increase of the same comparison.
    let mut rate_cmp = None;
    let (form, down) = match rate.form {
        Form::Percent => match change_label(&rate.label_text, words) {
            Some((down, _)) => (Stated::Percent, down),
            None => {
                let (down, _, cmp) = dated_change_label(&rate.label_text, words)?;
                rate_cmp = Some(cmp);
                (Stated::Percent, down)
            }
        },
        Form::Amount if rate.unit.is_none() && rate.after.starts_with('倍') => {
            if let Some((down, _)) = change_label(&rate.label_text, words) {
                // 下降n倍 is a wording error of its own, not a growth.
                if down {
                    return None;
                }
                (Stated::Times, false)
            } else if multiple_label(&rate.label_text, words) {
                (Stated::Multiple, false)
            } else {
                return None;
            }
        }
        _ => return None,
    };
    let (qa, qb) = (&qs[a], &qs[b]);
    let basis = if let Some((inc_down, verb, inc_cmp)) = increment(qa, qb, words) {
        if inc_down != down || (form != Stated::Percent && inc_down) {
            return None;
        }
        if rate_cmp.is_some() && rate_cmp != inc_cmp {
            return None;
        }
        // `比年初增加…，同比增长…`: two different bases.
        let (rc, ic) = (
            comparison_class(&rate.label_text, words),
            comparison_class(&qa.label_text, words),
        );
        if rc.is_some() && ic.is_some() && rc != ic {
            return None;
        }
        Basis::Increment {
            current: b,
            change: a,
            down: inc_down,
            verb,
        }
    } else if rate_cmp.is_none()
        && comparison_class(&rate.label_text, words).is_none_or(|c| c == "year" || c == "start")
        && is_amount(qa)
        && is_amount(qb)
        && qa.dimension() == qb.dimension()
    {
        if qa.role == Role::Previous && qb.role == Role::Level && previous_label(qa, qb, words) {
            Basis::Levels {
                current: b,
                previous: a,
            }
        } else if qa.role == Role::Level
            && from_label(&qb.label_text, words)
            && to_label(&qa.label_text, words)
        {
            Basis::Levels {
                current: a,
                previous: b,
            }
        } else {
            return None;
        }
    } else {
        return None;
    };
    let operands = [rate, qa, qb];
    let loose = operands.iter().any(|q| q.approx != Approx::Exact);
    Some(Growth {
        stated: r,
        form,
        down,
        basis,
        loose,
    })
}

/// A growth rate in brackets right after the increase it goes with
/// (`（增长3.0%）`).
fn bracketed_rate(q: &Quantity, words: &ChangeWords) -> bool {
    q.form == Form::Percent
        && (q.label_text.starts_with('（') || q.label_text.starts_with('('))
        && change_label(&q.label_text, words).is_some()
}

/// A plain amount with a unit that can be a level in a growth statement.
pub(crate) fn is_amount(q: &Quantity) -> bool {
    q.form == Form::Amount && q.unit.is_some() && !q.sign_in_label && q.value >= Decimal::ZERO
}

/// `比上年增加0.42亿元` after a current level `cur` of the same dimension:
/// the direction, the verb, and the named year it compares with
/// (`比2018年增加` → `Some("2018")`), if any.
fn increment(
    inc: &Quantity,
    cur: &Quantity,
    words: &ChangeWords,
) -> Option<(bool, &'static str, Option<String>)> {
    if !is_amount(inc) || !is_amount(cur) || inc.role != Role::Change {
        return None;
    }
    if cur.role != Role::Level || inc.dimension() != cur.dimension() {
        return None;
    }
    if let Some((down, verb)) = change_label(&inc.label_text, words) {
        return Some((down, verb, None));
    }
    // `与去年同期相比案件增加了322件` after `受理各类案件3240件`.
    if let Some((down, verb)) =
        super::change_more::noun_change_label(&inc.label_text, &cur.label_text, words)
    {
        return Some((down, verb, None));
    }
    let (down, verb, year) = dated_change_label(&inc.label_text, words)?;
    Some((down, verb, Some(year)))
}

/// A change label that compares with a named year: `比2018年增加`,
/// `较2013年末增长`, `比2019年同期下降`. Returns the direction, the verb and
/// the year. Only growth statements read these: a rate and an increase
/// compare with the same year when the rate names none or the same one.
pub(crate) fn dated_change_label(
    label: &str,
    words: &ChangeWords,
) -> Option<(bool, &'static str, String)> {
    let l = label.trim_start_matches(['、', '和', '及', '并', '且', '，', ',']);
    let rest = l.strip_prefix('比').or_else(|| l.strip_prefix('较'))?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() != 4 {
        return None;
    }
    let rest = rest[4..].strip_prefix('年')?;
    let rest = ["同期", "年末", "末", "底"]
        .iter()
        .find_map(|w| rest.strip_prefix(w))
        .unwrap_or(rest);
    let (down, verb) = change_label(rest, words)?;
    Some((down, verb, digits))
}

/// Before position `end` of a sentence's figures (`seq[..end]`), the level a
/// growth stated later may be of, past what stands between: shares of it
/// (`为年初预算61.22%`, `完成年初预算数60999万元的40.4%`) and other changes of it
/// with their rates (`环比增加1.2万人次，增长0.5%，`). `None` when anything
/// else stands between.
pub(crate) fn level_before(qs: &[Quantity], words: &ChangeWords, seq: &[usize]) -> Option<usize> {
    let mut k = seq.len();
    let mut skipped = false;
    while k > 0 {
        k -= 1;
        let q = &qs[seq[k]];
        let pure_change = change_label(&q.label_text, words).is_some()
            || dated_change_label(&q.label_text, words).is_some();
        if q.form == Form::Percent && q.label_text == "的" && k > 0 {
            // An inline base before `的p%` goes with its share.
            let base = &qs[seq[k - 1]];
            if base.form == Form::Amount && is_share_label(&base.label_text) {
                k -= 1;
                skipped = true;
                continue;
            }
        }
        if q.form == Form::Percent && (pure_change || is_share_label(&q.label_text)) {
            skipped = true;
            continue;
        }
        if q.form == Form::Amount && q.role == Role::Change && pure_change {
            skipped = true;
            continue;
        }
        return (skipped && q.role == Role::Level && is_amount(q)).then_some(seq[k]);
    }
    None
}

/// What the comparison written before a change's verb compares with, as a
/// class: `year` (比上年, 同比, 比去年同期), `start` (比年初, 比上年末), `month`
/// (环比, 比上月), `census` (比第六次全国人口普查), or the named year
/// (`2018`); `None` when the label names no comparison.
pub(crate) fn comparison_class(label: &str, words: &ChangeWords) -> Option<String> {
    let l = label.trim_start_matches(['、', '和', '及', '并', '且', '，', ',']);
    let l = l.trim_end_matches('了');
    let verb = words
        .up_verbs
        .iter()
        .chain(&words.down_verbs)
        .filter(|v| l.ends_with(v.as_str()))
        .max_by_key(|v| v.len())?;
    let rest = &l[..l.len() - verb.len()];
    if rest.is_empty() {
        return None;
    }
    let digits: String = rest
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect();
    Some(if digits.len() == 4 {
        digits
    } else if rest.contains("环比") || rest.contains("上月") {
        "month".into()
    } else if rest.contains("年初") || rest.contains("上年末") {
        "start".into()
    } else if rest.contains("普查") {
        "census".into()
    } else {
        "year".into()
    })
}

/// The name of the period a change label compares with, for messages:
/// `上年` (比上年, 同比, or no comparison), `年初`, `上期` (环比), `普查时`, or
/// the named year (`2018年`).
pub fn compared_period(label: &str, words: &ChangeWords) -> String {
    match comparison_class(label, words).as_deref() {
        None | Some("year") => "上年".into(),
        Some("start") => "年初".into(),
        Some("month") => "上期".into(),
        Some("census") => "普查时".into(),
        Some(year) => format!("{year}年"),
    }
}

/// The label of a share or a plan's completion stated of a level
/// (`占全市`, `为年初预算`, `完成年度计划的`).
fn is_share_label(label: &str) -> bool {
    let l = label.trim_start_matches(['、', '和', '及', '并', '且', '，', ',']);
    ["占", "为", "完成", "达到", "相当于"]
        .iter()
        .any(|w| l.starts_with(w))
}

/// Reads a change label: an optional comparison and a verb, nothing else
/// (`比上年增长`, `、下降`, `增长了`). Returns the direction and the verb.
pub fn change_label(label: &str, words: &ChangeWords) -> Option<(bool, &'static str)> {
    let l = label.trim_start_matches(['、', '和', '及', '并', '且', '，', ',', '（', '(']);
    let l = l.trim_end_matches('了');
    let (verb, down) = words
        .up_verbs
        .iter()
        .map(|v| (v, false))
        .chain(words.down_verbs.iter().map(|v| (v, true)))
        .filter(|(v, _)| l.ends_with(v.as_str()))
        .max_by_key(|(v, _)| v.len())?;
    let rest = &l[..l.len() - verb.len()];
    let rest = rest.trim_end_matches('了');
    if !rest.is_empty() && !words.comparisons.iter().any(|c| c == rest) {
        return None;
    }
    Some((down, verb_name(verb)))
}

/// A verb as a static name for messages (the configured words are owned).
pub(crate) fn verb_name(verb: &str) -> &'static str {
    const KNOWN: &[&str] = &[
        "增长", "增加", "上升", "提高", "增收", "净增", "下降", "减少", "降低", "减收", "净减",
        "回落", "扩大", "缩小", "收窄", "加快", "放缓", "上涨", "回升", "升高", "下滑", "下跌",
    ];
    KNOWN.iter().find(|k| **k == verb).copied().unwrap_or("")
}

/// The label of a multiple: `是上年的`, `为去年的`, `增加到`, `相当于上年的`.
fn multiple_label(label: &str, words: &ChangeWords) -> bool {
    let l = label.trim_start_matches(['、', '和', '及', '并', '，']);
    let l = l.strip_suffix('的').unwrap_or(l);
    let l = strip_period(l, words);
    let l = l.strip_suffix("原来").unwrap_or(l);
    words
        .multiple_verbs
        .iter()
        .chain(&words.to_verbs)
        .any(|v| l == v.as_str() || words.comparisons.iter().any(|c| l == format!("{c}{v}")))
}

/// Strips a trailing previous-period word or year (`上年`, `2019年`,
/// `2019年末`) from a label.
fn strip_period<'l>(l: &'l str, words: &ChangeWords) -> &'l str {
    if let Some(w) = words
        .previous_words
        .iter()
        .find(|w| l.ends_with(w.as_str()))
    {
        return &l[..l.len() - w.len()];
    }
    let y = l
        .strip_suffix("年末")
        .or_else(|| l.strip_suffix("年底"))
        .or_else(|| l.strip_suffix('年'));
    if let Some(y) = y {
        let digits = y.chars().rev().take_while(|c| c.is_ascii_digit()).count();
        if digits == 4 {
            return &y[..y.len() - 4];
        }
    }
    l
}

/// The label of a starting level: ends with 由 or 从, maybe followed by a
/// period and 的 (`粮食产量由`, `由上年的`, `从2019年的`).
pub(crate) fn from_label(label: &str, words: &ChangeWords) -> bool {
    let l = label.strip_suffix('的').unwrap_or(label);
    let l = strip_period(l, words);
    l.ends_with('由') || l.ends_with('从')
}

/// The label of the level a `由…` statement reaches: a to-verb, maybe
/// followed by a year and 的 (`增加到`, `增至2020年的`).
pub(crate) fn to_label(label: &str, words: &ChangeWords) -> bool {
    let l = label.strip_suffix('的').unwrap_or(label);
    let l = strip_period(l, words);
    words.to_verbs.iter().any(|v| l == v.as_str())
}

/// True when `prev` (`上年为17.2万吨`) is the previous level of what `cur`
/// (`粮食总产量18.6万吨`) measures: its label names the previous period and
/// otherwise nothing, or only what `cur`'s label names; and both speak of
/// the same kind of period (not a quarter against a year).
pub(crate) fn previous_label(prev: &Quantity, cur: &Quantity, words: &ChangeWords) -> bool {
    let label = prev.label_text.as_str();
    // 比上年多20户 is a change, not a level.
    if words.comparisons.iter().any(|c| label.contains(c.as_str())) {
        return false;
    }
    let Some(w) = words
        .previous_words
        .iter()
        .filter(|w| label.contains(w.as_str()))
        .max_by_key(|w| w.len())
    else {
        return false;
    };
    if sub_annual(label, words) != sub_annual(&cur.label_text, words) {
        return false;
    }
    let mut rest = label.replacen(w.as_str(), "", 1);
    for filler in ["同期", "全年", "年末", "年底", "末", "的"] {
        rest = rest.replace(filler, "");
    }
    let rest = crate::relations::label::trim_tail(rest.trim_start_matches(['、', '，']));
    rest.is_empty() || cur.label_text.contains(rest)
}

/// The sub-annual period words a label names, sorted.
pub(crate) fn sub_annual<'w>(label: &str, words: &'w ChangeWords) -> Vec<&'w str> {
    let mut found: Vec<&str> = words
        .sub_annual_words
        .iter()
        .filter(|w| label.contains(w.as_str()))
        .map(String::as_str)
        .collect();
    found.sort_unstable();
    found
}

/// The growth the figures allow, in percent (signed: a fall is negative),
/// and the exact value the figures as printed give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Computed {
    /// Every value the rounded figures allow.
    pub range: Interval,
    /// The value from the printed figures themselves.
    pub value: Decimal,
}

impl Growth {
    /// Recomputes the growth in percent from its basis; `None` when the
    /// figures give no bound (约, an unbounded approximation) or the previous
    /// level may be zero or negative.
    pub fn computed(&self, qs: &[Quantity]) -> Option<Computed> {
        let hundred = Decimal::ONE_HUNDRED;
        match self.basis {
            Basis::Levels { current, previous } => {
                let c = Interval::of(&qs[current])?;
                let p = Interval::of(&qs[previous])?;
                if p.lo <= Decimal::ZERO || c.lo < Decimal::ZERO {
                    return None;
                }
                // (c − p) ÷ p = c ÷ p − 1 rises with c and falls with p.
                let lo = c.lo.checked_div(p.hi)?.checked_sub(Decimal::ONE)?;
                let hi = c.hi.checked_div(p.lo)?.checked_sub(Decimal::ONE)?;
                let (cv, pv) = (qs[current].value, qs[previous].value);
                let value = cv.checked_sub(pv)?.checked_div(pv)?;
                Some(Computed {
                    range: Interval::new(lo.checked_mul(hundred)?, hi.checked_mul(hundred)?),
                    value: value.checked_mul(hundred)?,
                })
            }
            Basis::Increment {
                current,
                change,
                down,
                ..
            } => {
                let c = Interval::of(&qs[current])?;
                let d = Interval::of(&qs[change])?;
                if d.lo < Decimal::ZERO || c.lo < Decimal::ZERO {
                    return None;
                }
                let (cv, dv) = (qs[current].value, qs[change].value);
                let (lo, hi, value) = if down {
                    // d ÷ (c + d) rises with d and falls with c.
                    let lo = d.lo.checked_div(c.hi.checked_add(d.lo)?)?;
                    let hi = d.hi.checked_div(c.lo.checked_add(d.hi)?)?;
                    let v = dv.checked_div(cv.checked_add(dv)?)?;
                    (-hi, -lo, -v)
                } else {
                    // d ÷ (c − d) rises with d and falls with c; the
                    // previous level must be above zero.
                    if c.lo.checked_sub(d.hi)? <= Decimal::ZERO {
                        return None;
                    }
                    let lo = d.lo.checked_div(c.hi.checked_sub(d.lo)?)?;
                    let hi = d.hi.checked_div(c.lo.checked_sub(d.hi)?)?;
                    let v = dv.checked_div(cv.checked_sub(dv)?)?;
                    (lo, hi, v)
                };
                Some(Computed {
                    range: Interval::new(lo.checked_mul(hundred)?, hi.checked_mul(hundred)?),
                    value: value.checked_mul(hundred)?,
                })
            }
            Basis::PreviousChange {
                previous,
                change,
                down,
                ..
            } => {
                let p = Interval::of(&qs[previous])?;
                let d = Interval::of(&qs[change])?;
                if p.lo <= Decimal::ZERO || d.lo < Decimal::ZERO {
                    return None;
                }
                let lo = d.lo.checked_div(p.hi)?;
                let hi = d.hi.checked_div(p.lo)?;
                let v = qs[change].value.checked_div(qs[previous].value)?;
                let (lo, hi, v) = if down { (-hi, -lo, -v) } else { (lo, hi, v) };
                Some(Computed {
                    range: Interval::new(lo.checked_mul(hundred)?, hi.checked_mul(hundred)?),
                    value: v.checked_mul(hundred)?,
                })
            }
        }
    }

    /// The growth in percent the stated figure allows (signed), as bounds;
    /// `None` ends where the figure gives none (`以上`).
    pub fn stated_percent(&self, qs: &[Quantity]) -> Bounds {
        let b = qs[self.stated].bounds();
        let hundred = Decimal::ONE_HUNDRED;
        let map = |v: Option<Decimal>, f: &dyn Fn(Decimal) -> Option<Decimal>| v.and_then(f);
        match self.form {
            Stated::Percent if self.down => Bounds {
                lo: b.hi.map(|v| -v),
                hi: b.lo.map(|v| -v),
            },
            Stated::Percent => b,
            Stated::Times => Bounds {
                lo: map(b.lo, &|v| v.checked_mul(hundred)),
                hi: map(b.hi, &|v| v.checked_mul(hundred)),
            },
            Stated::Multiple => Bounds {
                lo: map(b.lo, &|v| v.checked_sub(Decimal::ONE)?.checked_mul(hundred)),
                hi: map(b.hi, &|v| v.checked_sub(Decimal::ONE)?.checked_mul(hundred)),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words() -> ChangeWords {
        let w = |l: &[&str]| l.iter().map(|s| s.to_string()).collect();
        ChangeWords {
            up_verbs: w(&["增长", "增加", "提高"]),
            down_verbs: w(&["下降", "减少"]),
            comparisons: w(&["比上年", "同比"]),
            to_verbs: w(&["增加到", "增至"]),
            previous_words: w(&["上年", "去年"]),
            multiple_verbs: w(&["是", "为"]),
            sub_annual_words: w(&["季度", "月"]),
        }
    }

    #[test]
    fn change_labels() {
        let w = words();
        assert_eq!(change_label("比上年增长", &w), Some((false, "增长")));
        assert_eq!(change_label("、下降", &w), Some((true, "下降")));
        assert_eq!(change_label("增长了", &w), Some((false, "增长")));
        assert_eq!(change_label("年均增长", &w), None);
        assert_eq!(change_label("其中税收收入增长", &w), None);
    }

    #[test]
    fn from_to_and_multiple_labels() {
        let w = words();
        assert!(from_label("粮食产量由", &w));
        assert!(from_label("粮食产量由2019年的", &w));
        assert!(from_label("由上年的", &w));
        assert!(!from_label("粮食产量", &w));
        assert!(to_label("增至", &w));
        assert!(to_label("增加到2020年的", &w));
        assert!(!to_label("其中", &w));
        assert!(multiple_label("是上年的", &w));
        assert!(multiple_label("增至原来的", &w));
        assert!(!multiple_label("人均", &w));
    }
}
