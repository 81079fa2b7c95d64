//! `percentage-points`: a change stated in percentage points must equal the
//! difference of the two rates stated with it, in the stated direction.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::de::{Deserialize, IntoDeserializer};
use serde::Deserialize as DeriveDeserialize;
use toml::de::DeValue;
use toml::Spanned;

use crate::diagnostic::{Diagnostic, Severity};
use crate::quantity::number::{signed, signed_plain as plain};
use crate::quantity::Bounds;
use crate::quantity::Quantity;
use crate::relations::change::ChangeWords;
use crate::relations::change_points::{
    point_changes, share_changes, PointChange, PointWords, PointsBasis, ShareChange,
};
use crate::rules::{Context, Example, Rule, RuleDef};

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "percentage-points",
    category: "arithmetic",
    summary: "a change in percentage points (提高d个百分点) must equal the difference of the two stated rates",
    source: "NBS usage: 百分点 is the difference of two percentages; catalogue ids \
             ARITH_PP_VS_RATES and ARITH_SHARE_CHANGE_PP",
    docs: DOCS,
    examples: &[
        Example::wrong(
            "全县城镇化率由上年的58.3%提高到60.1%，提高2.8个百分点。",
            "60.1 − 58.3 = 1.8",
        ),
        Example::right(
            "全县城镇化率由上年的58.3%提高到60.1%，提高1.8个百分点。",
            "",
        ),
        Example::wrong(
            "规模以上工业总产值增长6.8%，上年增长7.9%，增速回落1.5个百分点。",
            "6.8 − 7.9 = −1.1",
        ),
        Example::right(
            "规模以上工业总产值增长6.8%，上年增长7.9%，增速回落1.1个百分点。",
            "",
        ),
    ],
    defaults: include_str!("../../../rules/arithmetic/percentage-points.toml"),
    build,
};

const DOCS: &str = r#"A change of a rate stated in percentage points must equal the difference of
the two rates stated with it, and go the way its verb says.

## What it checks

Three shapes, the figures one right after the other in one sentence:

* `城镇化率由上年的58.3%提高到60.1%，提高1.8个百分点`: the starting and the
  reached rate;
* `城镇化率60.1%，上年为58.3%，比上年提高1.8个百分点`: the current and the
  previous rate;
* `工业总产值增长6.8%，上年增长7.9%，增速回落1.1个百分点`: two growth rates,
  with their signs (`下降2.1%` is −2.1).

A `由a%提高到b%` with b below a (or `下降到` with b above a) is reported as
well, with or without a change in points after it.

Further shapes, where the previous rate is not right before the points:

* in brackets after the comparison: `占…的38.0%，比上年（37.5%）增加0.5个百分点`;
* named with a date or a census: `适用率为75.52%，同比2018年上半年的70.60%，
  上升4.92个百分点`, `年平均增长率为0.53%，与2000年至2010年的年平均增长率0.57%
  下降0.04个百分点` (the rate noun after the date must be in the current rate's
  label);
* plain ratios and indices (`性别比为104.80，与第六次全国人口普查…106.75相比，
  下降1.95个百分点`), and their change written without a unit (`比…98.24下降
  0.29`);
* another area's rate in brackets: `增速高于全市平均水平（1.7%）7.4个百分点`
  (`高于` up, `低于` down; a warning);
* a rate noun for the verb: `升幅23.6个百分点`, `降幅…`;
* one term of a structure restated in the sentence: `三次产业结构由上年的
  30.3∶27.0∶42.7调整为28.6∶28.3∶43.1，其中第二产业…比重提高1.3个百分点`.
* a share whose previous value follows from the changes stated with its
  part and its base: `全国共有幼儿园27.44万所，比上年减少14808所。其中，普惠性
  幼儿园23.64万所，比上年减少9301所，…，占全国幼儿园的比例86.16%，比上年提高
  1.2个百分点` (the base is the nearest earlier level whose label names the
  share's base, and only when part ÷ base gives the stated share): a warning.

Every rate stands for the interval its last digit allows (`58.3%` is
58.25–58.35), so the difference of two rates with one decimal may be off by
0.1 from the difference of the printed figures; only a stated change outside
every difference the rates allow is reported. The diagnostic shows the
computation: `change stated 提高2.8个百分点, but 60.1% − 58.3% = 1.8个百分点`.

## What it leaves alone

* Words before the points other than a comparison (`comparisons`), a rate
  noun (`subjects`: `增速`, `比重`) and a verb (`up_verbs`, `down_verbs`).
* Rates of different periods (`sub_annual_words`: a quarter against a year),
  a previous rate of another thing, rates not next to each other or in
  parentheses, `约` rates, permille rates, and a change in points without
  both rates.

## Settings (`[rules.percentage-points]` in yblint.toml)

* `severity`: `"error"` (default), `"warning"`, `"info"` or `"off"`.
* `up_verbs`, `down_verbs`: verbs of a rise and of a fall in points, also
  read at the start of a to-verb.
* `comparisons`: what may stand before the verb (`比上年`).
* `subjects`: rate nouns that may stand before the verb (`增速`, `比重`).
* `growth_up_verbs`, `growth_down_verbs`: verbs of growth rates
  (`增长6.8%，上年增长7.9%`), which are compared with their signs.
* `to_verbs`: verbs from a starting rate to the reached one (`提高到`).
* `previous_words`: words that make a rate the previous period's (`上年为`).
* `sub_annual_words`: periods shorter than a year.

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
    subjects: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    growth_up_verbs: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    growth_down_verbs: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    to_verbs: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    previous_words: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    sub_annual_words: Vec<String>,
}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let s = Settings::deserialize(value.into_deserializer())?;
    let change = ChangeWords {
        up_verbs: s.up_verbs,
        down_verbs: s.down_verbs,
        comparisons: s.comparisons,
        to_verbs: s.to_verbs,
        previous_words: s.previous_words,
        multiple_verbs: Vec::new(),
        sub_annual_words: s.sub_annual_words,
    };
    let growth = ChangeWords {
        up_verbs: s.growth_up_verbs,
        down_verbs: s.growth_down_verbs,
        ..change.clone()
    };
    Ok(Box::new(PercentagePoints {
        words: PointWords {
            change,
            growth,
            subjects: s.subjects,
        },
    }))
}

/// The `percentage-points` rule with its settings.
pub struct PercentagePoints {
    words: PointWords,
}

impl Rule for PercentagePoints {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let changes = point_changes(cx.doc, &self.words);
        for c in &changes {
            if let Some(d) = check_one(cx, c) {
                out.push(d);
            }
        }
        for c in share_changes(cx.doc, &self.words) {
            if changes.iter().any(|o| o.stated == Some(c.stated)) {
                continue;
            }
            if let Some(d) = check_share_change(cx, &c) {
                out.push(d);
            }
        }
    }
}

/// A share's change in points against the share its part and base had
/// before their stated changes.
fn check_share_change(cx: &Context<'_>, c: &ShareChange) -> Option<Diagnostic> {
    let qs = cx.quantities;
    let (now, before, diff) = c.computed(qs)?;
    cx.coverage
        .checked("change in percentage points of a share: the previous share from the changes");
    let b = qs[c.stated].bounds();
    let stated = if c.down {
        Bounds {
            lo: b.hi.map(|v| -v),
            hi: b.lo.map(|v| -v),
        }
    } else {
        b
    };
    if diff.meets_bounds(&stated) {
        return None;
    }
    let decimals = qs[c.stated].display_decimals().max(1);
    let shown = |v: Decimal| signed(v, decimals);
    let message = format!(
        "change stated {}{}, but the share was {}% before and is {}% now: {} points",
        c.verb,
        written(cx, &qs[c.stated]),
        shown(before.mid()),
        shown(now.mid()),
        shown(now.mid() - before.mid())
    );
    let mut d = DEF
        .diagnostic(Severity::Warning, qs[c.stated].span, message)
        .with_primary_text("stated change")
        .with_label(qs[c.share].span, "share")
        .with_label(qs[c.part].span, "part")
        .with_label(qs[c.part_change].span, "part's change")
        .with_label(qs[c.base].span, "base")
        .with_label(qs[c.base_change].span, "base's change");
    d = d.with_note(
        "the previous share is (part ∓ its change) ÷ (base ∓ its change), the base found by the noun the share names",
    );
    d.labels[1..].sort_by_key(|l| l.span.start);
    Some(d)
}

fn check_one(cx: &Context<'_>, c: &PointChange) -> Option<Diagnostic> {
    let qs = cx.quantities;
    let Some((range, value)) = c.difference(qs) else {
        cx.coverage.skipped(
            "change in percentage points",
            "a rate is approximate (约, 以上)",
        );
        return None;
    };
    cx.coverage
        .checked("change in percentage points: difference of the two rates");
    let stated = c.stated_bounds(qs);
    if range.meets_bounds(&stated) {
        return None;
    }
    let (cur, prev) = (&qs[c.current], &qs[c.previous]);
    let decimals = cur.display_decimals().max(prev.display_decimals());
    let shown = |current: bool, q: &Quantity| {
        let v = c.rate_value(qs, current).unwrap_or(q.value);
        let unit = if q.form == crate::quantity::Form::Percent {
            "%"
        } else {
            ""
        };
        format!("{}{unit}", signed(v, decimals))
    };
    let unit = if c.stated.is_some_and(|s| qs[s].unit.is_some()) || c.stated.is_none() {
        "个百分点"
    } else {
        ""
    };
    let computation = format!(
        "{} − {} = {}{unit}",
        shown(true, cur),
        shown(false, prev),
        signed(value, decimals)
    );
    let severity = if c.loose {
        Severity::Warning
    } else {
        Severity::Error
    };
    let mut notes = Vec::new();
    let (span, message, primary) = match c.stated {
        Some(s) => {
            let stated_text = format!("{}{}", c.verb, written(cx, &qs[s]));
            let message = format!("change stated {stated_text}, but {computation}");
            if range.hi < Decimal::ZERO && !c.down {
                notes.push(format!("the rate fell, but the text says {}", c.verb));
            } else if range.lo > Decimal::ZERO && c.down {
                notes.push(format!("the rate rose, but the text says {}", c.verb));
            }
            let b = qs[s].bounds();
            let down = RoundingStrategy::ToNegativeInfinity;
            let up = RoundingStrategy::ToPositiveInfinity;
            let show = |v: Option<Decimal>| v.map(plain).unwrap_or_else(|| "…".into());
            notes.push(format!(
                "with the rounding of each rate the difference lies between {} and {} points; {} allows {} to {}",
                plain(range.lo.round_dp_with_strategy(decimals + 2, down)),
                plain(range.hi.round_dp_with_strategy(decimals + 2, up)),
                written(cx, &qs[s]),
                show(b.lo),
                show(b.hi),
            ));
            (qs[s].span, message, "stated change")
        }
        None => {
            let relation = if c.down { "above" } else { "below" };
            let message = format!(
                "{} stated, but {} is {relation} {}",
                to_words(cx, cur),
                written(cx, cur),
                written(cx, prev)
            );
            (cur.span, message, "reached rate")
        }
    };
    let mut d = DEF
        .diagnostic(severity, span, message)
        .with_primary_text(primary);
    let (cur_label, prev_label) = match c.basis {
        PointsBasis::FromTo => ("reached rate", "starting rate"),
        PointsBasis::CurrentPrevious => ("current rate", "previous rate"),
    };
    if c.stated.is_some() {
        d = d.with_label(cur.span, cur_label);
    }
    d = d.with_label(prev.span, prev_label);
    if c.loose {
        notes.push("approximate figures (余, 多, 以上, 以下) count only as bounds".into());
    }
    for n in notes {
        d = d.with_note(n);
    }
    d.labels[1..].sort_by_key(|l| l.span.start);
    Some(d)
}

/// The to-verb before the reached rate, as written (`提高到60.1%`).
fn to_words(cx: &Context<'_>, q: &Quantity) -> String {
    format!("{}{}", q.label_text.trim_end_matches('的'), written(cx, q))
}

/// The figure as written, spaces and line breaks removed.
fn written(cx: &Context<'_>, q: &Quantity) -> String {
    q.span
        .slice(cx.text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}
