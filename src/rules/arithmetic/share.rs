//! `share`: a stated share (`A占B的p%`, `占比p%`, `近三成`) must agree with
//! its part and base when both are stated.

use rust_decimal::Decimal;
use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use crate::diagnostic::{Diagnostic, Severity};
use crate::quantity::number::round_half_away;
use crate::quantity::{Bounds, Quantity};
use crate::relations::{share_statements, share_sums, ImpliedGroup, Share, ShareOptions, ShareSum};
use crate::rules::{Context, Example, Rule, RuleDef};
use crate::span::Span;

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "share",
    category: "arithmetic",
    summary: "a share (占…的p%, 占比, 比重, 三成) must equal part ÷ base when both are stated",
    source: "data-accuracy requirements for yearbooks and gazetteers (资料真实准确; \
             计算错误 is a listed data-error type); catalogue id ARITH_SHARE_VS_VALUES",
    docs: DOCS,
    examples: &[
        Example::wrong(
            "全年发放低保资金5830万元，其中，农村低保资金4210万元，占全部低保资金的78.2%。",
            "4210 ÷ 5830 = 72.2%",
        ),
        Example::right(
            "全年发放低保资金5830万元，其中，农村低保资金4210万元，占全部低保资金的72.2%。",
            "",
        ),
        Example::wrong(
            "全县有养老机构床位1250张，其中，护理型床位380张，占床位总数的四成以上。",
            "380 ÷ 1250 = 30.4%, less than 40%",
        ),
        Example::right(
            "全县耕地面积2.6万公顷，其中，高标准农田占全省的12%。",
            "the province's figure is not stated",
        ),
        Example::right(
            "项目占地120亩，占全镇建设用地的3.5%。",
            "占地 is not a share, and the base is not stated",
        ),
    ],
    defaults: include_str!("../../../rules/arithmetic/share.toml"),
    build,
};

const DOCS: &str = r#"A share must equal its part divided by its base when the draft states both.

## What it checks

* `A占B的p%`, `占B比重为p%`, `占B的比例为p%`: the part is the figure right
  before `占` (`农村低保资金4210万元，占…`; clauses of changes in between, such
  as `比上年增长5.2%`, are passed over), or the one figure stated earlier
  under the name written before `占` (`农村低保资金占…`). The base is the
  figure stated under the name written after `占` (`全部低保资金` is found as
  `全年发放低保资金5830万元`): in the same sentence, else earlier in the
  paragraph, else earlier in the entry.
* A base written inline before `的` (`完成年初预算5.40亿元的57.8%`,
  `占目标任务100公里的136.9%`, `为计划数8.6万头的101.2%`, `完成全年900万人
  目标的77%`, `完成市上全年任务（42.5亿元）的59.93%`): opened by one of
  `inline_verbs`, maybe followed by one of `inline_nouns`; the part is the
  figure right before the verb, or the one ending an earlier clause of the
  sentence (past changes and other inline shares of it). A base below the
  part is a plan over-fulfilled. A base written with a magnitude and no
  unit (`900万`) takes the part's unit.
* `占比p%`, `比重p%` with no base named: the base is the total of the
  breakdown (`其中`, `分别为`) the part belongs to.
* A bare `占p%` after a figure that belongs to no breakdown
  (`全年受理纠纷1260件。…婚姻家庭纠纷302件，占24.0%`): the base is the lead
  total, the nearest larger figure of the part's kind stated before it (in
  its entry, or the few paragraphs before it) that is not itself a part with
  a share or a part of a breakdown. Every other such figure counts as a
  reading too: the share is reported, as a warning, only when none fits.
  When the stated share implies a base more than three times off the lead
  and the lead's label names no whole (`lead_words`: `共`, `总`, `常住人口`),
  the share is taken for one of a whole the draft does not state.
* A list of items each with its share (`经济建设方面提案1613件，占立案总数的
  36.35%；政治建设方面提案437件，占9.85%；…`, `视力残疾35.6万人，占16.10%；
  听力残疾61.3万人，占27.73%；…`): the shares of one list are of one base,
  the one an item names, else the total of the breakdown items belong to,
  else the figure stated before the list that more than half of the shares
  fit (at least two). A share that does not fit it is reported, as a
  warning, even when some other figure of the draft would fit it alone. An
  item opened by `其中` inside the list starts a nested list whose shares may
  be of the item before it or of the whole: it is not read, and the list
  goes on after a `；` or a line break.
* Shares of one base the draft does not state (`住房公积金114.31亿元，占
  归集额的77%；补充住房公积金33.67亿元，占归集额的23%` with no 归集额
  given): each part divided by its share is the base it implies, and the
  bases of one list, or of shares in one sentence that name their base
  alike, or of numbered items one a paragraph that name a long base alike
  (`（一）…，占支出总预算78.33%。（二）…`) when none states a total of its
  own, must overlap. Each share whose implied base leaves out the base
  most of them imply is reported, as a warning. A plan, budget or target
  (`inline_nouns`: `占调整预算100.93%`) is each part's own, not one base,
  unless it is the whole's (`支出总预算`).
* A plan named after `完成` (`完成投资7.7亿元，完成年度计划的11.4%`) is
  found like a base named after `占`, first in the share's part of its
  sentence after a `；`; it may be fulfilled beyond 100%.
* A list after `分别` (`其中A x、B y，分别占T的78%和22%`, `占比分别为22.3%、
  34.2%和43.5%`, `…增加值占生产总值的比重分别为…`): the percentages are
  paired in order with the parts of the nearest breakdown before the list
  (in its sentence or the one before), whose total is the base; without a
  breakdown, with as many figures of one kind listed right before `分别`
  (nothing of their kind before them in the sentence but a larger total).
  A base may be written for each (`分别占年度目标（470亿元、106.5亿元、30亿元）
  的121.3%、185%、230%`), or named for each (`分别占全县工业产值总量、新增
  产值总量的68.8%、70.9%`). Only when there are as many percentages as
  parts, and as a warning.
* Shares of the parts of one whole add up to 100% at most, within the
  rounding of each: members of one partition (`rules/partitions.toml`:
  `第一产业增加值占…23.8%，第二产业…，第三产业…`, 男/女, 城镇/乡村),
  age bands that do not overlap (a band inside another, `65岁及以上` inside
  `60岁及以上`, is left out), or a list the sentence counts as so many
  kinds (`四大类产品…分别占出口总额的…`). They add up to 100% when they are
  every member of the partition or bands that cover every age. Only shares
  of one sentence, of one base, whose parts are named alike but for the
  member word; as a warning, and only when not every share of the group
  was checked against its part and base.
* How bases are named: notes in brackets and footnote marks in a label
  (`地区生产总值（GDP）[2]完成…`) are not part of its name; a base named
  with words left out of the figure's label (`规模企业产值` for `240户规模
  工业企业累计完成工业产值`) is found when one figure fits; a base not found
  by its name is the total of the part's breakdown when that total's label
  contains the name (`全年共支出城市低保资金674.3亿元，…，其中中央补助资金
  439.1亿元，占总支出的65.1%`); a name said again before `占` is the figure
  that ends an earlier clause (`累计完成工业产值16.9亿元，增长25%，工业产值
  占…`); `占同期…` is of the same period. Adverbs before `占` (`仅占`,
  `约占`: `adverbs`) and a share in brackets right after its part
  (`38.8亿人次（占45.8%）`) are read.
* Shares in words: `三成`, `七成五`, `一半`, `半数`, `四分之一`. A share in words
  stands for 5 percentage points either side (`三成` is 25%–35%).
* Bounds are checked as bounds: `90%以上`, `超过一半` and `逾六成` only from
  below, `近三成` and `不到一半` only from above.

Every figure stands for the interval its last digit allows: `4210万元` is
4209.5万–4210.5万, `72.2%` is 72.15%–72.25%. The share computed from the
part and the base is the interval those allow, and yblint reports only
when it does not meet the stated share's interval.

A share whose part and base both stand in its own sentence is an error; one
whose part or base was found loosely (by its name in an earlier sentence, or
the base taken from a breakdown because the share names none) is a warning.

## What it leaves alone

* `占地`, `占用`, `占据`, `占有` … (`not_share`): not shares.
* A base that is not stated, or names only a place (`占全省的12%`,
  `占全市比重`).
* A base measured otherwise than the part (`占全部低保人数的…` after a figure
  in 万元, `户` against `人`: `measures`), and a base whose label is narrower
  than the name (`其他…`, `城市…`: `narrowing` and the partition members).
* Lists (`分别占…`) that do not pair one to one with the parts before them,
  changes of a share (`占比提高1.2个百分点`, `占比比上年
  提高…`), and shares of another period (`占上年…`, `占2019年…`:
  `other_period`).
* Approximate figures: `约4200万元` gives no bound, so nothing is reported.
* Several figures of different values under the base's name: nothing is
  reported, since yblint cannot tell which one is meant.

## Settings (`[rules.share]` in yblint.toml)

* `severity`: `"error"` (default), `"warning"`, `"info"` or `"off"`.
* `not_share`: words right after `占` that make it another verb (`地` of 占地).
* `base_suffixes`: words that end the base's name (`的比重`, `的`).
* `base_prefixes`: words that open the base's name without narrowing it
  (`全部`, `总`).
* `other_period`: words between `占` and the share that make it a share of
  another period.
* `narrowing`: words in a figure's label, before the base's name, that make
  it narrower than the base.
* `inline_verbs`: verbs that open a base written inline (`完成`, `为`, `占`).
* `inline_nouns`: nouns that may follow an inline base before `的` (`目标`).
* `lead_words`: words that make a lead total a whole (see above).
* `label_verbs`: verbs that may end a base's label after its name
  (`一般公共预算收入完成28583万元` is found as `一般公共预算收入`).
* `adverbs`: adverbs between a part and its `占` (`仅占`, `约占`).
* `measures`: `[word, dimension]` pairs; a base named with the word (`人数`)
  measures that dimension, and a part of another dimension is not compared
  with it.

A list given in `yblint.toml` replaces the built-in list.
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    #[serde(deserialize_with = "crate::config::words")]
    not_share: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    base_suffixes: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    base_prefixes: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    other_period: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    narrowing: Vec<String>,
    measures: Vec<(String, String)>,
    #[serde(deserialize_with = "crate::config::words")]
    inline_verbs: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    inline_nouns: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    lead_words: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    label_verbs: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    adverbs: Vec<String>,
}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    Ok(Box::new(ShareRule {
        opts: options(value)?,
    }))
}

/// The share options of merged settings.
fn options(value: Spanned<DeValue<'_>>) -> Result<ShareOptions, toml::de::Error> {
    let s: Settings = crate::rules::settings(value)?;
    if s.measures
        .iter()
        .any(|(w, d)| w.trim().is_empty() || d.trim().is_empty())
    {
        return Err(serde::de::Error::custom(
            "`measures` has an empty word or dimension",
        ));
    }
    Ok(ShareOptions {
        not_share: s.not_share,
        base_suffixes: s.base_suffixes,
        base_prefixes: s.base_prefixes,
        other_period: s.other_period,
        narrowing: s.narrowing,
        measures: s.measures,
        inline_verbs: s.inline_verbs,
        inline_nouns: s.inline_nouns,
        lead_words: s.lead_words,
        label_verbs: s.label_verbs,
        adverbs: s.adverbs,
    })
}

/// The built-in settings as share options (`yblint dump` reads shares with
/// them).
pub fn builtin_options() -> ShareOptions {
    let mut table = toml::de::DeTable::parse(DEF.defaults)
        .expect("the built-in settings of `share` parse")
        .into_inner();
    table.remove("severity");
    options(Spanned::new(0..0, DeValue::Table(table)))
        .expect("the built-in settings of `share` are valid")
}

/// The `share` rule with its settings.
pub struct ShareRule {
    opts: ShareOptions,
}

impl Rule for ShareRule {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        if !cx.text.contains('占') && !cx.text.contains("比重") && !cx.text.contains('的') {
            return;
        }
        let reading = share_statements(cx.doc, &cx.tables.words, &self.opts, &cx.graph.breakdowns);
        let mut reported = Vec::new();
        for s in &reading.shares {
            if let Some(d) = check_one(cx, s) {
                reported.push(d.span);
                out.push(d);
            }
        }
        // A share already reported against its part and base is not
        // reported again for its group.
        for g in &reading.implied {
            out.extend(check_implied(cx, g, &reported));
        }
        for g in share_sums(cx.doc, &self.opts, &reading) {
            if let Some(d) = check_sum(cx, &g).filter(|d| !reported.contains(&d.span)) {
                out.push(d);
            }
        }
    }
}

/// `a ÷ b × 100` over the bounds the figures allow (both positive); an end
/// is open when an end it needs is.
pub fn quotient_percent(a: &Bounds, b: &Bounds) -> Bounds {
    a.percent_of(b)
}

/// True when two bounds leave no value in common.
pub fn disjoint(x: &Bounds, y: &Bounds) -> bool {
    x.entirely_above(y) || x.entirely_below(y)
}

fn check_one(cx: &Context<'_>, s: &Share) -> Option<Diagnostic> {
    let a = &cx.quantities[s.part];
    let b = &cx.quantities[s.base];
    let computed = quotient_percent(&a.bounds(), &b.bounds());
    if computed.hi.is_none() {
        cx.coverage
            .skipped("share", "the part or the base is approximate (约, 左右)");
        return None;
    }
    cx.coverage.checked("share: part ÷ base");
    if !disjoint(&computed, &s.stated.bounds) {
        return None;
    }
    let fits_other = s.other_bases.iter().any(|&o| {
        let of_other = quotient_percent(&a.bounds(), &cx.quantities[o].bounds());
        of_other.hi.is_none() || !disjoint(&of_other, &s.stated.bounds)
    });
    let fits_implied_whole = s.base_share.is_some_and(|ps| {
        // part ÷ (base ÷ base's share) = part × base's share ÷ base.
        let p = cx.quantities[ps].bounds();
        let of_whole = Bounds {
            lo: a.bounds().lo.zip(p.lo).and_then(|(x, y)| x.checked_mul(y)),
            hi: a.bounds().hi.zip(p.hi).and_then(|(x, y)| x.checked_mul(y)),
        };
        let implied = quotient_percent(&of_whole, &b.bounds());
        let implied = Bounds {
            lo: implied.lo.map(|v| v / Decimal::ONE_HUNDRED),
            hi: implied.hi.map(|v| v / Decimal::ONE_HUNDRED),
        };
        implied.hi.is_none() || !disjoint(&implied, &s.stated.bounds)
    });
    if fits_other || fits_implied_whole {
        // A share inside a nested 其中 that fits the whole, not the group.
        return None;
    }
    let exact = a
        .value
        .checked_mul(Decimal::ONE_HUNDRED)?
        .checked_div(b.value)?;
    let mut shown = round_half_away(exact, s.stated.decimals);
    shown.rescale(s.stated.decimals);
    let stated = written(cx.text, s.stated.span);
    let message = format!(
        "share stated {stated}, but {} {} ÷ {} {} = {shown}%",
        s.part_name,
        written_q(cx, a),
        s.base_name,
        written_q(cx, b),
    );
    let severity = if s.sure {
        Severity::Error
    } else {
        Severity::Warning
    };
    let dec = s.stated.decimals + 2;
    let show = |v: Option<Decimal>| v.map(|v| format!("{}%", round_half_away(v, dec).normalize()));
    let range = |bd: &Bounds| match (show(bd.lo), show(bd.hi)) {
        (Some(lo), Some(hi)) => format!("{lo} to {hi}"),
        (Some(lo), None) => format!("{lo} or more"),
        (None, Some(hi)) => format!("at most {hi}"),
        (None, None) => "any value".into(),
    };
    let mut d = crate::rules::arithmetic::share::DEF
        .diagnostic(severity, s.stated.span, message)
        .with_primary_text("stated share")
        .with_label(a.span, "part")
        .with_label(b.span, "base")
        .with_note(format!(
            "{} ÷ {} × 100 lies in {} (each figure ± half a unit of its last digit); {stated} allows {}",
            written_q(cx, a),
            written_q(cx, b),
            range(&computed),
            range(&s.stated.bounds),
        ));
    if s.stated.in_words {
        d = d.with_note(
            "a share in words (三成, 一半, 四分之一) is read as 5 percentage points either side",
        );
    }
    if !s.sure {
        d = d.with_note(format!(
            "{} (check that it is the figure meant)",
            loose_reason(cx, s)
        ));
    }
    Some(d)
}

/// The base `part ÷ share` implies, over the bounds both allow.
fn implied_base(part: &Bounds, share: &Bounds) -> Bounds {
    let hundred = Decimal::ONE_HUNDRED;
    let div = |x: Option<Decimal>, y: Option<Decimal>| {
        let (x, y) = (x?, y?);
        if y <= Decimal::ZERO {
            return None;
        }
        x.checked_mul(hundred)?.checked_div(y)
    };
    Bounds {
        lo: div(part.lo, share.hi),
        hi: div(part.hi, share.lo),
    }
}

/// Shares of one base the draft does not state: the bases their parts and
/// shares imply must overlap. The member whose implied base meets none of
/// the others' common one is reported (the last, when two disagree).
fn check_implied(cx: &Context<'_>, g: &ImpliedGroup, reported: &[Span]) -> Vec<Diagnostic> {
    if g.members.len() < 2 {
        return Vec::new();
    }
    let bases: Vec<Bounds> = g
        .members
        .iter()
        .map(|(p, _, st)| implied_base(&cx.quantities[*p].bounds(), st))
        .collect();
    if bases.iter().any(|b| b.lo.is_none() || b.hi.is_none()) {
        cx.coverage
            .skipped("share", "a part of shares of one base is approximate");
        return Vec::new();
    }
    cx.coverage.checked("share: shares of one unstated base");
    // The base most members imply: a value inside the most implied bases
    // (an end of one of them). Members whose implied base leaves it out are
    // reported; with two that disagree, the second.
    let contains =
        |b: &Bounds, x: Decimal| b.lo.is_some_and(|l| l <= x) && b.hi.is_some_and(|h| x <= h);
    let points: Vec<Decimal> = bases.iter().flat_map(|b| [b.lo, b.hi]).flatten().collect();
    let count = |x: Decimal| bases.iter().filter(|b| contains(b, x)).count();
    let best = points.iter().map(|&x| count(x)).max().unwrap_or(0);
    if best == bases.len() {
        return Vec::new();
    }
    let Some(&x) = points.iter().find(|&&x| count(x) == best) else {
        return Vec::new();
    };
    let bad: Vec<usize> = (0..bases.len())
        .filter(|&i| !contains(&bases[i], x))
        .collect();
    let agree: Vec<usize> = (0..bases.len()).filter(|i| !bad.contains(i)).collect();
    let lo = agree.iter().filter_map(|&i| bases[i].lo).max();
    let hi = agree.iter().filter_map(|&i| bases[i].hi).min();
    let rest = Bounds { lo, hi };
    bad.into_iter()
        .filter(|&i| !reported.contains(&g.members[i].1))
        .map(|bad| implied_diagnostic(cx, g, bad, &bases, &rest))
        .collect()
}

/// The diagnostic of member `bad` of a group of shares of one unstated base
/// whose implied base does not meet `rest`, the others'.
fn implied_diagnostic(
    cx: &Context<'_>,
    g: &ImpliedGroup,
    bad: usize,
    bases: &[Bounds],
    rest: &Bounds,
) -> Diagnostic {
    let (part, span, stated) = &g.members[bad];
    let a = &cx.quantities[*part];
    let (of, base) = if g.base_name.is_empty() {
        (String::new(), "base".to_string())
    } else {
        (format!(" of {}", g.base_name), g.base_name.clone())
    };
    // In the part's unit as written (亿元, 万人), to one more decimal than
    // the part shows.
    let scale = a.magnitude * a.unit.as_ref().map_or(Decimal::ONE, |u| u.factor);
    let dp = a
        .step
        .checked_div(scale)
        .map_or(0, |s| s.normalize().scale())
        + 1;
    let show = |v: Option<Decimal>| {
        v.and_then(|v| v.checked_div(scale))
            .map(|v| {
                let mut r = round_half_away(v, dp);
                r.rescale(dp);
                format!("{r}{}", a.display_unit)
            })
            .unwrap_or_default()
    };
    let stated_text = written(cx.text, *span);
    let message = format!(
        "share stated {stated_text}, but the other shares{of} listed with it imply another {base}: {} ÷ {stated_text} is {} to {}, theirs {} to {}",
        written_q(cx, a),
        show(bases[bad].lo),
        show(bases[bad].hi),
        show(rest.lo),
        show(rest.hi),
    );
    let _ = stated;
    let mut d = crate::rules::arithmetic::share::DEF
        .diagnostic(Severity::Warning, *span, message)
        .with_primary_text("stated share")
        .with_label(a.span, "part");
    for (i, (p, sp, _)) in g.members.iter().enumerate() {
        if i != bad {
            d = d
                .with_label(*sp, "share of the same base")
                .with_label(cx.quantities[*p].span, "its part");
        }
    }
    d.with_note(format!(
        "the draft does not state the {base}; each part ÷ its share is the base it implies (each figure ± half a unit of its last digit), and shares of one base must imply the same one"
    ))
}

/// Shares of the parts of one whole: they add up to 100 at most, and to
/// 100 when the parts are the whole (within the rounding of each share).
fn check_sum(cx: &Context<'_>, g: &ShareSum) -> Option<Diagnostic> {
    let hundred = Decimal::ONE_HUNDRED;
    let lo: Decimal = g
        .members
        .iter()
        .map(|(s, _)| s.bounds.lo.unwrap_or(Decimal::ZERO))
        .sum();
    let hi: Option<Decimal> = g.members.iter().map(|(s, _)| s.bounds.hi).sum();
    cx.coverage
        .checked("share: shares of the parts of one whole");
    let over = lo > hundred;
    let under = g.complete && hi.is_some_and(|h| h < hundred);
    if !over && !under {
        return None;
    }
    let stated: Vec<String> = g
        .members
        .iter()
        .map(|(s, _)| written(cx.text, s.span))
        .collect();
    let total: Decimal = g.members.iter().map(|(s, _)| s.value).sum();
    let names: Vec<&str> = g
        .members
        .iter()
        .map(|(_, n)| n.as_str())
        .filter(|n| !n.is_empty())
        .collect();
    let parts = if names.len() == g.members.len() {
        format!(" of {}", names.join("、"))
    } else {
        String::new()
    };
    let (message, note) = if over {
        (
            format!(
                "shares{parts} add up to {}%, more than 100%: {}",
                total.normalize(),
                stated.join(" + ")
            ),
            format!(
                "the parts do not overlap ({}), so their shares of one whole add up to 100% at most; even at the low end of each share's rounding they add up to {}%",
                g.whole,
                lo.normalize()
            ),
        )
    } else {
        (
            format!(
                "shares{parts} add up to {}%, less than 100%: {}",
                total.normalize(),
                stated.join(" + ")
            ),
            format!(
                "the parts are the whole ({}), so their shares add up to 100%; even at the high end of each share's rounding they add up to {}%",
                g.whole,
                hi.unwrap_or_default().normalize()
            ),
        )
    };
    let first = &g.members[0].0;
    let mut d = crate::rules::arithmetic::share::DEF
        .diagnostic(Severity::Warning, first.span, message)
        .with_primary_text("share");
    for (s, _) in &g.members[1..] {
        d = d.with_label(s.span, "share of the same whole");
    }
    Some(d.with_note(note))
}

fn loose_reason(cx: &Context<'_>, s: &Share) -> String {
    let b = &cx.quantities[s.base];
    let a = &cx.quantities[s.part];
    let stated_at = s.stated.span.start;
    let sentence_of = |q: &Quantity| (q.location.paragraph, q.location.sentence);
    let share_sentence = cx
        .doc
        .draft
        .paragraphs
        .iter()
        .enumerate()
        .find_map(|(pi, p)| {
            p.sentences
                .iter()
                .position(|x| {
                    x.span.start <= stated_at && stated_at < x.span.end.max(x.span.start + 1)
                })
                .map(|si| (pi, si))
        });
    if let Some((fit, of)) = s.sibling {
        format!(
            "the share names no base: it is one of a list of {of} shares, {fit} of which are shares of {} {}",
            s.base_name,
            written_q(cx, b)
        )
    } else if s.listed {
        format!(
            "the share is one of a list after 分别, paired by position with the parts of the breakdown of {} {}",
            s.base_name,
            written_q(cx, b)
        )
    } else if s.lead {
        format!(
            "the share names no base: {} {} is the nearest larger figure of its kind stated before it; no other such figure before it ({}) fits either",
            s.base_name,
            written_q(cx, b),
            s.other_bases.len()
        )
    } else if Some(sentence_of(b)) != share_sentence {
        format!(
            "the base {} {} was found by its name in an earlier sentence",
            s.base_name,
            written_q(cx, b)
        )
    } else if Some(sentence_of(a)) != share_sentence {
        format!(
            "the part {} {} was found by its name in an earlier sentence",
            s.part_name,
            written_q(cx, a)
        )
    } else {
        format!(
            "the share names no base: {} {} is taken as the base because it is the total of the breakdown {} belongs to",
            s.base_name,
            written_q(cx, b),
            written_q(cx, a)
        )
    }
}

fn written(text: &str, span: crate::span::Span) -> String {
    span.slice(text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

fn written_q(cx: &Context<'_>, q: &Quantity) -> String {
    written(cx.text, q.span)
}
