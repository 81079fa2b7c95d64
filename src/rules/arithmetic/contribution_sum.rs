//! `contribution-sum`: the contribution rates of the parts of a whole add up
//! to 100%, and their pulls to the growth of the whole, within rounding.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::de::{Deserialize, IntoDeserializer};
use serde::Deserialize as DeriveDeserialize;
use toml::de::DeValue;
use toml::Spanned;

use crate::diagnostic::{Diagnostic, Severity};
use crate::quantity::{Bounds, Quantity};
use crate::relations::change::ChangeWords;
use crate::relations::change_contrib::{contributions, ContribWords, Contribution, Target};
use crate::rules::{Context, Example, Rule, RuleDef};
use crate::span::Span;

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "contribution-sum",
    category: "arithmetic",
    summary: "contribution rates (贡献率) of a whole's parts add up to 100%, their pulls (拉动) to its growth",
    source: "NBS definitions of 贡献率 and 拉动 (the parts' contributions make up the growth of \
             the whole); catalogue id ARITH_CONTRIBUTION_SUM",
    docs: DOCS,
    examples: &[
        Example::wrong(
            "三次产业对经济增长的贡献率分别为6.1%、38.4%和57.2%。",
            "6.1 + 38.4 + 57.2 = 101.7",
        ),
        Example::right(
            "三次产业对经济增长的贡献率分别为6.1%、38.4%和55.5%。",
            "",
        ),
        Example::wrong(
            "全年地区生产总值增长4.3%。三次产业分别拉动经济增长0.3、1.6和2.9个百分点。",
            "0.3 + 1.6 + 2.9 = 4.8, not 4.3",
        ),
        Example::right(
            "全年地区生产总值增长4.3%。三次产业分别拉动经济增长0.3、1.6和2.4个百分点。",
            "",
        ),
    ],
    defaults: include_str!("../../../rules/arithmetic/contribution-sum.toml"),
    build,
};

const DOCS: &str = r#"The contribution rates of the parts of a whole add up to 100%, and their
pulls (拉动, in percentage points) add up to the growth of the whole.

## What it checks

* A `分别` list after a contribution word (`rate_words`: `贡献率`) or a pull
  word (`pull_words`: `拉动`), with a word for the whole before it in the
  sentence (`wholes`: `三次产业` …): `三次产业对经济增长的贡献率分别为6.1%、38.4%和
  55.5%`, `三次产业分别拉动经济增长0.3、1.6和2.4个百分点`.
* Contributions stated one by one in a sentence, when they name every member
  of the whole once (`members`: `第一产业…，第二产业…，第三产业…`).
* Contribution rates must add up to 100%. Pulls must add up to the growth
  of the whole: the nearest growth rate before them in the paragraph whose
  label, or the label of the figure right before it, names the whole
  (`total_words`: `地区生产总值…比上年增长4.3%`, `经济增长4.3%`), read with
  `up_verbs`, `down_verbs` and `comparisons`.
* Every figure stands for the interval its last digit allows: three rates
  with one decimal may add up to anything from 99.85 to 100.15 when their
  printed sum is 100.0; only a sum whose interval misses the target is
  reported. An error when the growth stands in the same sentence as the
  pulls (or for contribution rates); a warning when it was found in an
  earlier sentence, or a figure is approximate.

## What it leaves alone

* Lists that do not say they cover the whole (`工业和建筑业的贡献率分别为…`):
  the parts need not add up to 100%.
* Pulls without a growth of the whole in the paragraph, or with one of
  another kind of period (`sub_annual_words`: a quarter against a year), or
  a per-capita growth (`人均`).

## Settings (`[rules.contribution-sum]` in yblint.toml)

* `severity`: `"error"` (default), `"warning"`, `"info"` or `"off"`.
* `rate_words`, `pull_words`: words naming contribution rates and pulls.
* `wholes`: words for a whole a `分别` list covers.
* `members`: the parts of the whole, each named once when stated one by one.
* `total_words`: words naming the growth the pulls add up to.
* `up_verbs`, `down_verbs`, `comparisons`: how that growth is stated.
* `sub_annual_words`: periods shorter than a year.

A list given in `yblint.toml` replaces the built-in list.
"#;

#[derive(DeriveDeserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    #[serde(deserialize_with = "crate::config::words")]
    rate_words: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    pull_words: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    wholes: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    members: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    total_words: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    up_verbs: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    down_verbs: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    comparisons: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    sub_annual_words: Vec<String>,
}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let s = Settings::deserialize(value.into_deserializer())?;
    Ok(Box::new(ContributionSum {
        words: ContribWords {
            rate_words: s.rate_words,
            pull_words: s.pull_words,
            wholes: s.wholes,
            members: s.members,
            total_words: s.total_words,
            growth: ChangeWords {
                up_verbs: s.up_verbs,
                down_verbs: s.down_verbs,
                comparisons: s.comparisons,
                sub_annual_words: s.sub_annual_words,
                ..ChangeWords::default()
            },
        },
    }))
}

/// The `contribution-sum` rule with its settings.
pub struct ContributionSum {
    words: ContribWords,
}

impl Rule for ContributionSum {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for c in contributions(cx.doc, &self.words) {
            if let Some(d) = check_one(cx, &c) {
                out.push(d);
            }
        }
    }
}

fn check_one(cx: &Context<'_>, c: &Contribution) -> Option<Diagnostic> {
    let qs = cx.quantities;
    cx.coverage.checked("contributions: their sum");
    let parts: Vec<&Quantity> = c.parts.iter().map(|&i| &qs[i]).collect();
    let bounds: Vec<Bounds> = parts.iter().map(|q| q.bounds()).collect();
    let sum = Bounds::sum(&bounds);
    let (target, target_text, unit) = match c.target {
        Target::Hundred => {
            let h = Some(Decimal::ONE_HUNDRED);
            (Bounds { lo: h, hi: h }, "100%".to_string(), "%")
        }
        Target::Growth { total, down, .. } => {
            let b = qs[total].bounds();
            let signed = if down {
                Bounds {
                    lo: b.hi.map(|v| -v),
                    hi: b.lo.map(|v| -v),
                }
            } else {
                b
            };
            let written = written(cx, &qs[total]);
            let text = if down {
                format!("a decline of {written}")
            } else {
                written
            };
            (signed, text, "个百分点")
        }
    };
    if !sum.entirely_above(&target) && !sum.entirely_below(&target) {
        return None;
    }
    let exact = parts
        .iter()
        .try_fold(Decimal::ZERO, |acc, q| acc.checked_add(q.value))?;
    let decimals = parts
        .iter()
        .map(|q| q.display_decimals())
        .max()
        .unwrap_or(0);
    let shown = |v: Decimal| {
        let mut r = crate::quantity::number::round_half_away(v, decimals);
        r.rescale(decimals);
        signed_text(r)
    };
    let terms: Vec<String> = parts.iter().map(|q| shown(q.value)).collect();
    let computation = format!("{} = {}{unit}", terms.join(" + "), shown(exact));
    let (message, what) = match c.target {
        Target::Hundred => (
            format!("contribution rates add up to {}%, not 100%", shown(exact)),
            "contribution rate",
        ),
        Target::Growth { .. } => (
            format!(
                "pulls add up to {}个百分点, but the growth is {target_text}",
                shown(exact)
            ),
            "pull",
        ),
    };
    let down = RoundingStrategy::ToNegativeInfinity;
    let up = RoundingStrategy::ToPositiveInfinity;
    let mut notes = vec![computation];
    if let (Some(lo), Some(hi)) = (sum.lo, sum.hi) {
        notes.push(format!(
            "with the rounding of each figure the sum lies between {} and {}",
            signed_text(lo.round_dp_with_strategy(decimals + 2, down).normalize()),
            signed_text(hi.round_dp_with_strategy(decimals + 2, up).normalize()),
        ));
    }
    let severity = match c.target {
        _ if c.loose => Severity::Warning,
        Target::Growth {
            same_sentence: false,
            ..
        } => Severity::Warning,
        _ => Severity::Error,
    };
    let first = parts.first()?.span;
    let last = parts.last()?.span;
    let span = if c.list {
        Span::new(first.start, last.end)
    } else {
        first
    };
    let mut d = DEF
        .diagnostic(severity, span, message)
        .with_primary_text(if c.list { "contributions" } else { what });
    let from = usize::from(!c.list);
    for q in &parts[from..] {
        d = d.with_label(q.span, what);
    }
    if let Target::Growth { total, .. } = c.target {
        d = d.with_label(qs[total].span, "growth of the whole");
    }
    if c.loose {
        notes.push("approximate figures (余, 多, 以上, 以下) count only as bounds".into());
    }
    for n in notes {
        d = d.with_note(n);
    }
    d.labels[1..].sort_by_key(|l| l.span.start);
    Some(d)
}

fn signed_text(v: Decimal) -> String {
    if v.is_sign_negative() && !v.is_zero() {
        format!("−{}", v.abs())
    } else {
        v.abs().to_string()
    }
}

/// The figure as written, spaces and line breaks removed.
fn written(cx: &Context<'_>, q: &Quantity) -> String {
    q.span
        .slice(cx.text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}
