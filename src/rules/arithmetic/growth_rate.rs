//! `growth-rate`: a stated growth rate must follow from the levels or the
//! increase stated with it.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::de::{Deserialize, IntoDeserializer};
use serde::Deserialize as DeriveDeserialize;
use toml::de::DeValue;
use toml::Spanned;

use crate::diagnostic::{Diagnostic, Severity};
use crate::quantity::number::{round_half_away, signed, signed_plain};
use crate::quantity::{Bounds, Quantity};
use crate::relations::change::{
    compared_period, growths, Basis, ChangeWords, Computed, ConstantPrice, Growth, Stated,
};
use crate::rules::scan::Words;
use crate::rules::{Context, Example, Rule, RuleDef};

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "growth-rate",
    category: "arithmetic",
    summary: "a growth rate (增长p%, 增长n倍) must follow from the two levels or the increase stated with it",
    source: "data-accuracy requirements for yearbooks (资料真实准确); catalogue ids \
             ARITH_GROWTH_VS_VALUES, ARITH_INCREMENT_VS_RATE, ARITH_MULTIPLE_VS_VALUES; \
             constant-price exemption (绝对额按现价计算，增长速度按不变价计算)",
    docs: DOCS,
    examples: &[
        Example::wrong(
            "一般公共预算收入3.45亿元，比上年增加0.42亿元，增长12.2%。",
            "0.42 ÷ (3.45 − 0.42) = 13.9%",
        ),
        Example::right(
            "一般公共预算收入3.45亿元，比上年增加0.42亿元，增长13.9%。",
            "",
        ),
        Example::right(
            "全年粮食总产量18.6万吨，上年为17.2万吨，比上年增长8.1%。",
            "(18.6 − 17.2) ÷ 17.2 = 8.1%",
        ),
        Example::right(
            "全年地区生产总值61.2亿元，上年为58.1亿元，按可比价格计算，比上年增长4.3%。",
            "growth at comparable prices is never recomputed from current-price values",
        ),
    ],
    defaults: include_str!("../../../rules/arithmetic/growth-rate.toml"),
    build,
};

const DOCS: &str = r#"A growth rate stated with the figures it comes from must follow from them.

## What it checks

Three shapes, each with its figures written one right after the other in
one sentence:

* the current level and the increase: `一般公共预算收入3.45亿元，比上年增加0.42亿元，
  增长13.9%` (previous = 3.45 − 0.42 = 3.03; rate = 0.42 ÷ 3.03); a decrease
  likewise (`减少…，下降…`: previous = current + decrease);
* the current and the previous level: `粮食总产量18.6万吨，上年为17.2万吨，比上年增长8.1%`;
* a starting and a reached level: `进出口总额由1.2亿元增至3.6亿元，增长2倍`.

The stated figure is a percentage (`增长8.1%`, `下降3.1%`), `增长n倍` (the
level is n + 1 times the previous: `增长2倍` is ×3) or a multiple
(`是上年的3倍`, `增加到3倍`: ×3). A `增长n倍` that matches ×n, or a multiple
that matches ×(n + 1), is a warning that the two wordings were confused.

Every figure stands for the interval its last digit allows (`12.2%` is
12.15%–12.25%, `3.45亿元` is 3.445亿–3.455亿), the rate is computed over
those intervals, and only a stated rate outside every value they allow is
reported. The diagnostic shows the computation in the draft's terms:
`growth stated 12.2%, but 增加0.42亿元 ÷ 上年 3.03亿元 (3.45亿元 − 0.42亿元) = 13.9%`.
An error when the figures are plain; a warning when one of them is
approximate (`余`, `多`, `以上`).

The increase and the rate may compare with a named year (`比2018年增加594万吨，
增长0.9%`: the rate takes the increase's year when it names none), and
the level may stand further back, past a share of it (`为年初预算的61.2%`,
`完成年初预算6.1亿元的40.4%`) or another change with its rate (`环比增加1.2万
人次，增长0.5%，同比增加10.4万人次，增长4.2%`). Rate nouns count as verbs
(`减幅为16.8%`, `升幅19.5%`, `上升率为10.11%`).

Other shapes of real drafts are read as well:

* the previous level inline with its year or period: `比1999年的8.19亿元增长
  31.5%`, `较2016年568万人次增长29.4%`, a rate's previous level `较上年4.92‰下降
  了7.72%`;
* a census level and the change since: `与2010年第六次全国人口普查的703428人
  相比，增加42961人，增长6.11%` (the rate is change ÷ previous);
* the increase before the level (`缴存单位增加1.83万家，达到14.05万家，同比增长
  14.98%`), the rate before its increase (`同比增长7.15%，增加32.63万人`,
  `增长39.6%，新增产值7.8亿元`), the rate in brackets after its increase
  (`比上年增加42.5万人（增长3.0%）`), a noun between the comparison and the
  verb when the level names it (`受理各类案件3240件，与去年同期相比案件增加了
  322件`);
* an increase named by its noun whose level stands earlier in the paragraph
  or the one before (`流动人口为375816759人。…流动人口增加154390107人，增长
  69.73%`): a warning;
* a record in two units with the previous record and a pair of rates
  (`受理案件97件134人，去年同期为197件375人，件数和人数分别同比下降50.76%、
  64.27%`; `同比件数下降a%、人数下降b%`): each rate with the level of its
  unit;
* an average annual rate (`年平均增长率为0.59%`, `年均增长率`, `年平均下降率`)
  against the growth over its span compounded, `(1 + g)^(1/n) − 1`: the span
  from `十年间`, `10年零4个月间`, or a census and the next one (ten years): a
  warning.

## What it leaves alone

* Growth at comparable (constant) prices: a sentence with one of
  `constant_price_words` (`按可比价格计算`, `实际增长`, `核实`) or naming one of
  `constant_price_indicators` (`地区生产总值`, `增加值`); a paragraph with a
  general note (`增长速度按可比价格计算`: a note with one of
  `general_note_words`), and the whole draft when such a note stands in a
  `注`/`说明` paragraph. Such growth is computed at constant prices and
  cannot be recomputed from the current-price levels the draft prints.
* A rate whose label names anything but a comparison (`comparisons`:
  `比上年`, `同比` …) and a verb (`up_verbs`, `down_verbs`): `人均…增长`,
  `年均增长`, `其中税收收入增长` are about another measure than the figures
  before them.
* A previous level that names another thing than the current one, or
  another kind of period (`sub_annual_words`: a quarter against a year), and
  a change written as a comparison (`比上年多20户`).
* An increase and a rate that compare with different periods (`比年初增加…，
  同比增长…`, `比2019年增加…，比上年增长…`, `环比` against `同比`).
* Figures not next to each other, in other sentences, in parentheses,
  without a unit, of different dimensions, negative, or with a sign in their
  label (`亏损额`); a previous level that may be zero; `约` figures (no
  bound).

## Settings (`[rules.growth-rate]` in yblint.toml)

* `severity`: `"error"` (default), `"warning"`, `"info"` or `"off"`.
* `up_verbs`, `down_verbs`: verbs of a rise and of a fall written right
  before a rate or an increase.
* `comparisons`: what may stand before the verb (`比上年`, `同比`, `比年初`).
* `to_verbs`: verbs from a starting level to the current one (`增至`, `增加到`).
* `previous_words`: words that make a figure the previous period's level
  (`上年为`).
* `multiple_verbs`: verbs before `的` that state a multiple (`是上年的3倍`).
* `sub_annual_words`: periods shorter than a year (`季度`, `月`).
* `constant_price_words`, `constant_price_indicators`, `general_note_words`:
  the comparable-price exemption described above.

A list given in `yblint.toml` replaces the built-in list.
"#;

#[derive(DeriveDeserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    #[serde(deserialize_with = "crate::config::words")]
    up_verbs: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    down_verbs: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    comparisons: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    to_verbs: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    previous_words: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    multiple_verbs: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    sub_annual_words: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    constant_price_words: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    constant_price_indicators: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    general_note_words: Vec<String>,
}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let s = Settings::deserialize(value.into_deserializer())?;
    Ok(Box::new(GrowthRate {
        words: ChangeWords {
            up_verbs: s.up_verbs,
            down_verbs: s.down_verbs,
            comparisons: s.comparisons,
            to_verbs: s.to_verbs,
            previous_words: s.previous_words,
            multiple_verbs: s.multiple_verbs,
            sub_annual_words: s.sub_annual_words,
        },
        constant: ConstantPrice {
            words: Words::new(&s.constant_price_words),
            indicators: Words::new(&s.constant_price_indicators),
            general: Words::new(&s.general_note_words),
        },
    }))
}

/// The `growth-rate` rule with its settings.
pub struct GrowthRate {
    words: ChangeWords,
    constant: ConstantPrice,
}

impl Rule for GrowthRate {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let all = growths(cx.doc, &self.words, &self.constant);
        for g in &all {
            if let Some(d) = check_one(cx, g, &self.words) {
                out.push(d);
            }
        }
        let annuals = crate::relations::change_more::annuals(cx.doc, &self.words, &all);
        for a in &annuals {
            if let Some(d) = check_annual(cx, a) {
                out.push(d);
            }
        }
        let mut done: Vec<usize> = all.iter().map(|g| g.stated).collect();
        done.extend(annuals.iter().map(|a| a.stated));
        for (r, gi) in crate::relations::change_more::restated(cx.doc, &self.words, &all) {
            if done.contains(&r) {
                continue;
            }
            done.push(r);
            if let Some(d) = check_restated(cx, r, &all[gi], &self.words) {
                out.push(d);
            }
        }
        let grids = &cx.graph.tables.grids;
        for t in crate::relations::change_table::table_growths(cx.doc, grids, &self.words, &done) {
            if let Some(d) = check_table_growth(cx, &t) {
                out.push(d);
            }
        }
    }
}

/// A rate stated before the statement that recomputes it (a lead sentence,
/// a heading): it must give the same growth.
fn check_restated(
    cx: &Context<'_>,
    r: usize,
    g: &Growth,
    words: &ChangeWords,
) -> Option<Diagnostic> {
    let qs = cx.quantities;
    let computed = g.computed(qs)?;
    let b = qs[r].bounds();
    let stated = if g.down {
        Bounds {
            lo: b.hi.map(|v| -v),
            hi: b.lo.map(|v| -v),
        }
    } else {
        b
    };
    cx.coverage
        .checked("growth rate restated before its statement");
    if computed.range.meets_bounds(&stated) {
        return None;
    }
    let decimals = qs[r].display_decimals().max(1);
    let (_, mut notes) = describe(cx, g, &computed, false, words);
    notes.insert(
        0,
        format!(
            "the same growth is stated again with its figures: {}",
            written(cx, &qs[g.stated])
        ),
    );
    let word = if g.down { "decline" } else { "growth" };
    let message = format!(
        "{word} stated {}, but the figures it sums up give {}%",
        written(cx, &qs[r]),
        signed(computed.value.abs(), decimals)
    );
    let mut d = DEF
        .diagnostic(Severity::Warning, qs[r].span, message)
        .with_primary_text(format!("stated {word}"))
        .with_label(qs[g.stated].span, "the growth stated with its figures");
    for n in notes {
        d = d.with_note(n);
    }
    Some(d)
}

/// A growth against the previous period's figure in a table of months.
fn check_table_growth(
    cx: &Context<'_>,
    t: &crate::relations::change_table::TableGrowth,
) -> Option<Diagnostic> {
    let qs = cx.quantities;
    let (rate, cur) = (&qs[t.stated], &qs[t.current]);
    let c = crate::quantity::Interval::of(cur)?;
    // A whole count in the table of a level counted whole is exact.
    let half = if cur.step.is_zero() && t.previous.scale == 0 {
        Decimal::ZERO
    } else {
        t.previous.half_ulp()
    };
    let (plo, phi) = (t.previous.value - half, t.previous.value + half);
    if plo <= Decimal::ZERO {
        return None;
    }
    let h = Decimal::ONE_HUNDRED;
    let lo = (c.lo.checked_mul(h)? / phi) - h;
    let hi = (c.hi.checked_mul(h)? / plo) - h;
    cx.coverage
        .checked("growth rate against a table's previous period");
    let b = rate.bounds();
    let (slo, shi) = if t.down {
        (b.hi.map(|v| -v), b.lo.map(|v| -v))
    } else {
        (b.lo, b.hi)
    };
    let (slo, shi) = (slo?, shi?);
    if slo <= hi && lo <= shi {
        return None;
    }
    let decimals = rate.display_decimals().max(1);
    let value = (cur.value.checked_mul(h)? / t.previous.value) - h;
    let word = if t.down { "decline" } else { "growth" };
    let message = format!(
        "{word} stated {}, but ({} − {}) ÷ {} = {}% ({} in the table, column {})",
        written(cx, rate),
        written(cx, cur),
        t.previous.shown(),
        t.previous.shown(),
        signed(value, decimals),
        t.row,
        t.column
    );
    Some(
        DEF.diagnostic(Severity::Warning, rate.span, message)
            .with_primary_text(format!("stated {word}"))
            .with_label(cur.span, "current level")
            .with_label(t.previous.span, "previous period in the table")
            .with_note(format!(
                "the previous level is the table's row {} under {}, found by the column's name",
                t.row, t.column
            )),
    )
}

/// `(1 + total)^(1 / years) − 1` in percent, for a total in percent.
fn compound(total: Decimal, years: Decimal) -> Option<f64> {
    use rust_decimal::prelude::ToPrimitive;
    let t = 1.0 + total.to_f64()? / 100.0;
    let n = years.to_f64()?;
    if t <= 0.0 || n <= 0.0 {
        return None;
    }
    Some((t.powf(1.0 / n) - 1.0) * 100.0)
}

/// An average annual rate against the growth over its span.
fn check_annual(cx: &Context<'_>, a: &crate::relations::change_more::Annual) -> Option<Diagnostic> {
    use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
    let qs = cx.quantities;
    let lo = compound(a.total.lo, a.years)?;
    let hi = compound(a.total.hi, a.years)?;
    cx.coverage
        .checked("average annual rate: the growth over its span compounded");
    let eps = 1e-9;
    if lo - eps <= a.rate.hi.to_f64()? && a.rate.lo.to_f64()? <= hi + eps {
        return None;
    }
    let rate = &qs[a.stated];
    let decimals = rate.display_decimals().max(1);
    let mid = compound((a.total.lo + a.total.hi) / Decimal::TWO, a.years)?;
    let shown = signed(Decimal::from_f64(mid)?, decimals);
    let total = signed((a.total.lo + a.total.hi) / Decimal::TWO, decimals);
    let years = crate::quantity::number::plain(a.years.round_dp(2));
    let message = format!(
        "average annual rate stated {}, but {total}% over {years} years is {shown}% a year",
        written(cx, rate)
    );
    let d = DEF
        .diagnostic(Severity::Warning, rate.span, message)
        .with_primary_text("stated annual rate")
        .with_label(qs[a.total_at].span, "growth over the span")
        .with_note(format!(
            "an average annual rate compounds: (1 + growth)^(1/years) − 1; the span is {} ({years} years)",
            a.span_words
        ))
        .with_note(format!(
            "with the rounding of each figure the annual rate lies between {:.3}% and {:.3}%",
            lo, hi
        ));
    Some(d)
}

fn check_one(cx: &Context<'_>, g: &Growth, words: &ChangeWords) -> Option<Diagnostic> {
    let qs = cx.quantities;
    let Some(computed) = g.computed(qs) else {
        cx.coverage.skipped(
            "growth rate",
            "the previous level cannot be derived (approximate or non-positive figures)",
        );
        return None;
    };
    cx.coverage
        .checked("growth rate: increase ÷ previous level");
    let stated = g.stated_percent(qs);
    if computed.range.meets_bounds(&stated) {
        return None;
    }
    let rate = &qs[g.stated];
    // 增长n倍 read as ×n, or 是…的n倍 read as ×(n + 1): the wordings confused.
    let confused = match g.form {
        Stated::Times => {
            let as_multiple = shift(&stated, -100);
            computed.range.meets_bounds(&as_multiple)
        }
        Stated::Multiple => computed.range.meets_bounds(&shift(&stated, 100)),
        Stated::Percent => false,
    };
    let severity = if g.loose || confused {
        Severity::Warning
    } else {
        Severity::Error
    };
    let (message, mut notes) = describe(cx, g, &computed, confused, words);
    notes.push(range_note(cx, g, &computed, &stated));
    let what = match (g.form, g.down) {
        (Stated::Percent, true) => "stated decline",
        (Stated::Percent, false) => "stated growth",
        _ => "stated multiple",
    };
    // 增长2倍: the primary span takes in 倍.
    let span = if g.form != Stated::Percent && cx.text[rate.span.end..].starts_with('倍') {
        crate::span::Span::new(rate.span.start, rate.span.end + '倍'.len_utf8())
    } else {
        rate.span
    };
    let mut d = DEF
        .diagnostic(severity, span, message)
        .with_primary_text(what);
    match g.basis {
        Basis::Levels { current, previous } => {
            d = d
                .with_label(qs[current].span, "current level")
                .with_label(qs[previous].span, "previous level");
        }
        Basis::Increment {
            current,
            change,
            down,
            ..
        } => {
            d = d
                .with_label(qs[current].span, "current level")
                .with_label(qs[change].span, if down { "decrease" } else { "increase" });
        }
        Basis::PreviousChange {
            previous,
            change,
            down,
            ..
        } => {
            d = d
                .with_label(qs[previous].span, "previous level")
                .with_label(qs[change].span, if down { "decrease" } else { "increase" });
        }
    }
    if g.loose {
        notes.push("approximate figures (余, 多, 以上, 以下) count only as bounds".into());
    }
    for n in notes {
        d = d.with_note(n);
    }
    // Labels in source order after the primary one.
    d.labels[1..].sort_by_key(|l| l.span.start);
    Some(d)
}

/// Bounds moved by `by` percent (×n read as 增长n倍 is 100 percent less).
fn shift(b: &Bounds, by: i64) -> Bounds {
    let by = Decimal::from(by);
    Bounds {
        lo: b.lo.and_then(|v| v.checked_add(by)),
        hi: b.hi.and_then(|v| v.checked_add(by)),
    }
}

/// The message and the first notes: the computation in the draft's terms.
fn describe(
    cx: &Context<'_>,
    g: &Growth,
    computed: &Computed,
    confused: bool,
    words: &ChangeWords,
) -> (String, Vec<String>) {
    let qs = cx.quantities;
    let rate = &qs[g.stated];
    let stated_text = written(cx, rate);
    let stated_text = stated_text.as_str();
    let decimals = rate.display_decimals().max(1);
    let computation = match g.basis {
        Basis::Increment {
            current,
            change,
            down,
            verb,
        } => {
            let (c, d) = (&qs[current], &qs[change]);
            let prev_value = if down {
                c.value.checked_add(d.value)
            } else {
                c.value.checked_sub(d.value)
            };
            let prev = prev_value
                .map(|v| in_unit_of(c, v, &[c, d]))
                .unwrap_or_default();
            let sign = if down { "+" } else { "−" };
            format!(
                "{verb}{} ÷ {} {prev} ({} {sign} {})",
                written(cx, d),
                compared_period(&d.label_text, words),
                written(cx, c),
                written(cx, d)
            )
        }
        Basis::PreviousChange {
            previous,
            change,
            verb,
            ..
        } => {
            let (p, d) = (&qs[previous], &qs[change]);
            format!("{verb}{} ÷ {}", written(cx, d), written(cx, p))
        }
        Basis::Levels { current, previous } => {
            let (c, p) = (&qs[current], &qs[previous]);
            match g.form {
                Stated::Percent => format!(
                    "({} − {}) ÷ {}",
                    written(cx, c),
                    written(cx, p),
                    written(cx, p)
                ),
                _ => format!("{} ÷ {}", written(cx, c), written(cx, p)),
            }
        }
    };
    let mut notes = Vec::new();
    let message = match g.form {
        Stated::Percent => {
            let word = if g.down { "decline" } else { "growth" };
            let shown = signed(computed.value, decimals);
            let magnitude_growth = match g.basis {
                // The increment form states the magnitude; show it unsigned.
                Basis::Increment { .. } | Basis::PreviousChange { .. } => {
                    signed(computed.value.abs(), decimals)
                }
                Basis::Levels { .. } => shown.clone(),
            };
            if computed.range.hi < Decimal::ZERO && !g.down {
                notes.push("the figures show a fall, but the text says it grew".into());
            } else if computed.range.lo > Decimal::ZERO && g.down {
                notes.push("the figures show a rise, but the text says it fell".into());
            }
            format!("{word} stated {stated_text}, but {computation} = {magnitude_growth}%")
        }
        Stated::Times | Stated::Multiple => {
            let hundred = Decimal::ONE_HUNDRED;
            let multiple = computed.value / hundred + Decimal::ONE;
            let m = plain_round(multiple, decimals);
            let t = plain_round(multiple - Decimal::ONE, decimals);
            if g.form == Stated::Times {
                if confused {
                    notes.push(format!(
                        "增长n倍 means n + 1 times the previous level: ×{m} is 增长{t}倍, or 是上年的{m}倍"
                    ));
                }
                format!(
                    "growth stated 增长{stated_text}倍, but {computation} = ×{m}, i.e. 增长{t}倍"
                )
            } else {
                if confused {
                    notes.push(format!(
                        "是…的n倍 means n times the previous level; 增长n倍 would be n + 1 times: ×{m} is 是上年的{m}倍, or 增长{t}倍"
                    ));
                }
                format!("multiple stated {stated_text}倍, but {computation} = ×{m}")
            }
        }
    };
    (message, notes)
}

/// What the rounded figures allow, and what the stated figure stands for.
fn range_note(cx: &Context<'_>, g: &Growth, computed: &Computed, stated: &Bounds) -> String {
    let rate = &cx.quantities[g.stated];
    let decimals = rate.display_decimals().max(1) + 1;
    let down = RoundingStrategy::ToNegativeInfinity;
    let up = RoundingStrategy::ToPositiveInfinity;
    let mut lo = computed.range.lo.round_dp_with_strategy(decimals, down);
    let mut hi = computed.range.hi.round_dp_with_strategy(decimals, up);
    if g.basis.down_change() {
        (lo, hi) = (-hi, -lo);
    }
    let show = |v: Option<Decimal>| match v {
        Some(v) => format!("{}%", signed_plain(v)),
        None => "…".into(),
    };
    let stated_range = match g.basis {
        _ if g.basis.down_change() => {
            format!(
                "{} to {}",
                show(stated.hi.map(|v| -v)),
                show(stated.lo.map(|v| -v))
            )
        }
        _ => format!("{} to {}", show(stated.lo), show(stated.hi)),
    };
    format!(
        "with the rounding of each figure the growth lies between {}% and {}%; {} allows {stated_range}",
        signed_plain(lo),
        signed_plain(hi),
        written(cx, rate),
    )
}

fn plain_round(v: Decimal, decimals: u32) -> String {
    signed(v, decimals)
}

/// `value` (base units) shown in `q`'s display unit, with as many decimals
/// as the figures of `with` show in that unit (`3.03亿元`).
fn in_unit_of(q: &Quantity, value: Decimal, with: &[&Quantity]) -> String {
    let factor = q.display_factor();
    let decimals = with
        .iter()
        .map(|o| {
            if o.step.is_zero() {
                0
            } else {
                (o.step / factor).normalize().scale()
            }
        })
        .max()
        .unwrap_or(0);
    let mut v = round_half_away(value / factor, decimals);
    v.rescale(decimals);
    format!("{v}{}", q.display_unit)
}

/// The figure as written, spaces and line breaks removed (`3.45亿元`).
fn written(cx: &Context<'_>, q: &Quantity) -> String {
    q.span
        .slice(cx.text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}
