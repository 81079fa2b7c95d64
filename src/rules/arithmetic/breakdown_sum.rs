//! `breakdown-sum`: the parts of a breakdown must not add up to more than
//! their total, and exhaustive parts must add up to it.

use rust_decimal::Decimal;
use serde::de::{Deserialize, IntoDeserializer};
use serde::Deserialize as DeriveDeserialize;
use toml::de::DeValue;
use toml::Spanned;

use crate::coverage::{Relation, Verdict};
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::quantity::number::{plain, round_half_away};
use crate::quantity::{Approx, Bounds, Quantity};
use crate::relations::flows::{Flow, FlowKind};
use crate::relations::{Breakdown, BreakdownKind, BreakdownOptions, Cover};
use crate::rules::{Context, Example, Rule, RuleDef};

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "breakdown-sum",
    category: "arithmetic",
    summary: "parts of a breakdown (其中, 分别为) must add up to their total",
    source: "data-accuracy requirements for yearbooks and gazetteers (资料真实准确; \
             分项与总项不符 is a listed data-error type); catalogue ids \
             ARITH_SUBSET_GT_TOTAL and ARITH_PARTS_VS_TOTAL",
    docs: DOCS,
    examples: &[
        Example::wrong(
            "有城乡特困人员754户，其中，城市特困人员21户，农村特困人员723户。",
            "the two parts cover 城乡 but leave 10 households out",
        ),
        Example::right(
            "有城乡特困人员754户，其中，城市特困人员21户，农村特困人员733户。",
            "",
        ),
        Example::wrong(
            "全县共有各级各类学校58所，其中，小学36所，初级中学14所，幼儿园19所。",
            "the parts exceed the total",
        ),
        Example::right(
            "全县共有各级各类学校58所，其中，小学36所，初级中学14所。",
            "a subset: primary and junior schools are not all schools",
        ),
    ],
    defaults: include_str!("../../../rules/arithmetic/breakdown-sum.toml"),
    build,
};

const DOCS: &str = r#"The parts of a breakdown must not add up to more than their total, and parts
that cover the whole of it must add up to it.

## What it checks

* `其中` breakdowns. The totals are the figures of the clause right before
  `其中`, one per unit: `754户756人` gives two totals. When `其中` opens a
  sentence, the total of a unit is the previous sentence's figure of that
  unit, if it states only one. When the sentence states two figures of a unit
  before `其中` (`学生320人，教师45人，其中，女生160人`), the parts must name the
  nearer one (share the last character of its label), or nothing is checked.
* The parts are the figures of the total's dimension after `其中`, up to the
  end of the sentence, a clause that starts a new statement (`共计…`, `全年…`,
  `审结…`), or a `；` clause about another subject. A part ends its statement:
  a figure inside a longer statement (`资助1360名困难群众参加医保`) is not a
  part, nor is another year's figure (`2019年为745户`). A nested `其中` after
  a part opens a breakdown of that part, which ends when a part of the outer
  partition follows (`第二产业…，其中工业…，第三产业…`). When the first parts
  already add up to the total, later parts that are not another partition
  are a new statement (`来信86件，来访279件，已办结352件` under `365件`),
  unless the list was announced by `其中：`.
* `分别为` lists: `小学、初中、高中在校学生分别为9820人、5640人和3290人`,
  whose total is stated under the same head noun in the same sentence or
  earlier in the paragraph, or after the list (`…，合计18650人`); a list of the
  members of a partition without a head noun (`男性、女性分别为…`) is checked
  against the one figure of its unit in the clause right before it (or in the
  previous sentence, when the list opens its sentence).
* Parts in brackets right after their total (`卫生技术人员812人（执业医师301人，
  注册护士402人）`), or announced in them by `其中`, `含`, `包括`
  (`小学98所（含教学点28所）`): subsets, which cannot add up to more than the
  total. A bracket that restates the total in another unit, names another
  period, a plan or a target is not a breakdown.
* An opener `X中，` that names its total: the figure in the opener itself
  (`受理的146件案件中，刑事案件…`) or the nearest figure before it, in its
  paragraph or the twelve before (a bulletin states a total in section 一 and divides it in later sections), whose label ends with X
  (`全县常住人口为75757人。…全县常住人口中，男性…；女性…`).
* A cut announced after its total by a short `按…分`, `分…看` or `从…看`
  clause (`按季节分，夏粮…，秋粮…`), read as a `其中` is.
* A line that opens with a new label after a complete figure (an
  infographic: `…占23.45%⏎北岗区298292人`) ends a breakdown unless it goes on
  with its parts; a line break inside a label (a page break, `农⏎·126·⏎村`)
  does not, and the page number is not part of the label.
* When one of several parts states the total's own value, the parts are
  overlapping cuts (`项目71个，其中省外61个、市外71个`): they are compared with
  the total one by one, not added up.
* Lists set out with `；` item by item (`其中：小学42所；初中18所`), figures in
  Chinese numerals (`公办四所`), and approximate figures as bounds: `1200余人`
  is 1200 to 1300, `300多人` 300 to 400, `约` gives no bound.

Parts that add up to more than their total are an error. Parts that add up to
less are an error only when they are exhaustive: they are the members of a
partition (`rules/partitions.toml`: 城市/农村, 男/女, 第一/第二/第三产业 …) or
age bands that cover every age.

## What it leaves alone

* Overlapping subsets (女生, 少数民族学生, 寄宿生; people enrolled in several
  insurance schemes; threshold classes such as `10万元以上的村` and
  `50万元以上的村`): such parts are never added up, only compared with the
  total one by one.
* A partition whose parts name something narrower than the total
  (`城市低保金`, `农村低保金` under `各类救助资金`) does not cover it.
* Non-additive figures: per-capita figures, averages, rates, shares, prices,
  indices (`人均`, `率` …), except components of a per-capita total listed as a
  partition (工资性收入 + 经营净收入 + 财产净收入 + 转移净收入).
* Changes (`增加120人`), other periods (`上年`, `由…`, another year), figures in
  parentheses, percentages and ratios.
* Stocks and flows: a balance (`余额`, `年末…`) is not made of the year's
  amounts (`全年发放`, `累计`), and the other way round.
* Signs the digits do not show (`亏损额`, `净迁出`, `逆差`: the `signed` label
  words): such breakdowns are not checked. Written negatives (`负92元`) are
  subtracted, and never give a one-part error.
* Rounding: every figure stands for the interval its last digit allows
  (`35.8亿元` is 35.75亿–35.85亿); a whole count of households or persons is
  exact. Approximate figures (`余`, `约`, `近`, `以上`) give only bounds.

## Settings (`[rules.breakdown-sum]` in yblint.toml)

* `severity`: `"error"` (default), `"warning"`, `"info"` or `"off"`.
* `end_words`: words that, at the start of a clause, end a breakdown.
* `new_cut_words`: words that start another cut of the same total (`在总计中`).
* `overlap_words`: words that mark overlapping subsets in part labels.
* `statement_verbs`: verbs that, at the start of a clause, begin a new
  statement rather than another part: one in the total's unit ends the
  breakdown (`审结1180件`), one in another unit is passed over
  (`发放低保金2311.6万元` between the 户 parts).
* `part_followers`: what may follow a part in its clause besides another
  figure (`、`, `和`, `占`, `增长` …); a figure followed by anything else is
  inside a new statement (`资助1360名困难群众参加医保`) and is not a part.
* `plan_words`: words of a plan, a budget or an estimate (`计划`, `概算`,
  `目标`): a figure so named is not a part of a total that is not
  (`完成投资77.57亿元。其中：…概算投资140.16亿元`).
* `opposites`: pairs of opposite words (`["存款", "贷款"]`): a figure that
  names one is not a part of a total that names the other
  (`存款余额11.2亿元，其中储蓄存款余额9.1亿元，贷款余额2.5亿元`).
* `nested`: categories that contain others, the broader word first
  (`["卫生技术人员", "执业医师", "注册护士" …]`): parts that name the broader
  one and one it contains overlap, and are compared with the total one by
  one.
* Notes change the check when they stand in the breakdown's own sentences,
  in the sentence right after them if it states no figure, or in a
  `注：`/`说明` paragraph right after the paragraph: `rounding_notes`
  (`因四舍五入…`) allow each figure a whole step of its last digit instead of
  half (a large gap is still an error); `gap_notes` (`含未列出的…`, `不含…`)
  allow parts to fall short of the total; `overlap_notes` (`重复计算`,
  `口径不同`) turn the check off.

A list given in `yblint.toml` replaces the built-in list; `extend_KEY`
(`extend_statement_verbs = ["新设"]`) adds to it instead. These words are
the lexicon every arithmetic rule reads breakdowns with (`share` and
`structure-ratio` too), even when `breakdown-sum` itself is `"off"`.

"#;

#[derive(DeriveDeserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    #[serde(deserialize_with = "crate::config::words")]
    end_words: Vec<String>,
    #[serde(default, deserialize_with = "crate::config::words")]
    extend_end_words: Vec<String>,
    #[serde(default, deserialize_with = "crate::config::words")]
    extend_new_cut_words: Vec<String>,
    #[serde(default, deserialize_with = "crate::config::words")]
    extend_overlap_words: Vec<String>,
    #[serde(default, deserialize_with = "crate::config::words")]
    extend_statement_verbs: Vec<String>,
    #[serde(default, deserialize_with = "crate::config::words")]
    extend_part_followers: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    new_cut_words: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    overlap_words: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    statement_verbs: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    part_followers: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    plan_words: Vec<String>,
    opposites: Vec<Vec<String>>,
    nested: Vec<Vec<String>>,
    #[serde(default, deserialize_with = "crate::config::words")]
    extend_plan_words: Vec<String>,
    #[serde(default)]
    extend_opposites: Vec<Vec<String>>,
    #[serde(default)]
    extend_nested: Vec<Vec<String>>,
    #[serde(deserialize_with = "crate::config::words")]
    rounding_notes: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    gap_notes: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    overlap_notes: Vec<String>,
}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    Ok(Box::new(from_settings(Settings::deserialize(
        value.into_deserializer(),
    )?)))
}

/// The words that decide how breakdowns are read (end words, statement
/// verbs, overlap words …), from this rule's merged settings: the one
/// lexicon every arithmetic rule, `yblint dump` and the coverage report read
/// breakdowns with ([`crate::relations::Graph`]). Each `extend_KEY` list is
/// added to `KEY`; `KEY` itself replaces the built-in list.
///
/// Errors: a setting of the wrong type, or an unknown key, with its span.
pub fn lexicon(value: Spanned<DeValue<'_>>) -> Result<BreakdownOptions, toml::de::Error> {
    Ok(options_of(Settings::deserialize(
        value.into_deserializer(),
    )?))
}

fn options_of(s: Settings) -> BreakdownOptions {
    let join = |mut base: Vec<String>, extra: Vec<String>| {
        base.extend(extra);
        base
    };
    BreakdownOptions {
        end_words: join(s.end_words, s.extend_end_words),
        new_cut_words: join(s.new_cut_words, s.extend_new_cut_words),
        overlap_words: join(s.overlap_words, s.extend_overlap_words),
        statement_verbs: join(s.statement_verbs, s.extend_statement_verbs),
        part_followers: join(s.part_followers, s.extend_part_followers),
        plan_words: join(s.plan_words, s.extend_plan_words),
        opposites: s.opposites.into_iter().chain(s.extend_opposites).collect(),
        nested: s.nested.into_iter().chain(s.extend_nested).collect(),
    }
}

fn from_settings(s: Settings) -> BreakdownSum {
    BreakdownSum {
        rounding_notes: s.rounding_notes,
        gap_notes: s.gap_notes,
        overlap_notes: s.overlap_notes,
    }
}

/// The `breakdown-sum` rule with its settings (the breakdown words are in
/// the lexicon the graph is built with; see [`lexicon`]).
pub struct BreakdownSum {
    rounding_notes: Vec<String>,
    gap_notes: Vec<String>,
    overlap_notes: Vec<String>,
}

/// What the notes of a paragraph say about its breakdowns.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Notes {
    /// Figures were rounded independently (因四舍五入…): each figure may be
    /// off by a whole step of its last digit, not half.
    rounding: bool,
    /// Items are not listed (含未列出的…): parts may fall short of a total.
    unlisted: bool,
    /// Figures overlap or use different definitions: nothing is checked.
    overlap: bool,
}

impl BreakdownSum {
    /// What the sentences of a breakdown (from the total's to the last
    /// part's), the sentence after them when it states no figure, and a note
    /// paragraph (`注`, `说明`) right after the paragraph say about gaps
    /// between parts and totals.
    fn notes(&self, cx: &Context<'_>, pi: usize, sentences_of: (usize, usize)) -> Notes {
        let paragraphs = &cx.draft.paragraphs;
        let sentences = &paragraphs[pi].sentences;
        // The breakdown's own sentences (parenthetical notes) and the one
        // after them (部分数据因四舍五入…); another sentence's note is about
        // another figure.
        let (first, last) = sentences_of;
        let mut texts: Vec<&str> = sentences[first..=last]
            .iter()
            .map(|s| s.span.slice(cx.text))
            .collect();
        // The next sentence counts when it is a note of its own, with no
        // figure it could be about instead.
        if let Some(next) = sentences.get(last + 1) {
            let t = next.span.slice(cx.text);
            if !t
                .chars()
                .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
            {
                texts.push(t);
            }
        }
        if let Some(next) = paragraphs.get(pi + 1) {
            let t = next.span.slice(cx.text).trim_start();
            if t.starts_with('注') || t.starts_with("说明") {
                texts.push(t);
            }
        }
        let says = |words: &[String]| {
            texts
                .iter()
                .any(|t| words.iter().any(|w| t.contains(w.as_str())))
        };
        Notes {
            rounding: says(&self.rounding_notes),
            unlisted: says(&self.gap_notes),
            overlap: says(&self.overlap_notes),
        }
    }
}

impl Rule for BreakdownSum {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        // Notes are read only for breakdowns with a finding, once for each
        // run of sentences.
        let mut read: std::collections::HashMap<(usize, usize, usize), Notes> = Default::default();
        for b in &cx.graph.breakdowns {
            let skip = record(cx, b);
            let unnoted = |skip: Option<&'static str>| match skip {
                Some(why) => Verdict::Skipped(why.into()),
                None => Verdict::Holds,
            };
            if check_one(cx, b, Notes::default()).is_none() {
                if cx.coverage.detail() {
                    record_relation(cx, b, unnoted(skip));
                }
                continue;
            }
            // The notes are read in the paragraph of the parts, from the
            // total's sentence (or the paragraph's first, when the total
            // stands in an earlier paragraph) to the last part's.
            let total_at = cx.quantities[b.total].location;
            let (paragraph, last) = b
                .parts
                .iter()
                .map(|&i| cx.quantities[i].location)
                .map(|l| (l.paragraph, l.sentence))
                .max()
                .unwrap_or((total_at.paragraph, total_at.sentence));
            let first = if paragraph == total_at.paragraph {
                total_at.sentence.min(last)
            } else {
                0
            };
            let at = crate::quantity::Location {
                paragraph,
                sentence: first,
                clause: 0,
            };
            let said = *read
                .entry((at.paragraph, at.sentence, last))
                .or_insert_with(|| self.notes(cx, at.paragraph, (at.sentence, last)));
            let found = check_one(cx, b, said);
            if cx.coverage.detail() {
                let verdict = if found.is_some() {
                    Verdict::Reported
                } else if said.overlap {
                    Verdict::Skipped(
                        "a note says the figures overlap or differ in definition".into(),
                    )
                } else {
                    unnoted(skip)
                };
                record_relation(cx, b, verdict);
            }
            if let Some(d) = found {
                out.push(d);
            }
        }
        for f in &cx.graph.flows {
            cx.coverage.checked(match f.kind {
                FlowKind::Level => "change: level = earlier level ± change",
                FlowKind::Shares => "change: shares of a whole net to zero",
                FlowKind::Parts => "change: changes of the parts add up to the total's",
            });
            if let Some(d) = check_flow(cx, f) {
                out.push(d);
            }
        }
    }
}

/// A figure's value in its display unit, with the decimals it shows.
fn shown_value(q: &Quantity) -> Decimal {
    let mut v = q.value / q.display_factor();
    v.rescale(q.display_decimals());
    v
}

/// Checks a flow: its signed terms must add up to its stated figure (or to
/// zero) within rounding.
fn check_flow(cx: &Context<'_>, f: &Flow) -> Option<Diagnostic> {
    let qs = cx.quantities;
    if f.terms.iter().any(|(i, _)| qs[*i].sign_in_label)
        || f.stated.is_some_and(|s| qs[s].sign_in_label)
    {
        return None;
    }
    let signed = |i: usize, minus: bool| {
        let b = qs[i].bounds();
        if minus {
            Bounds {
                lo: b.hi.map(|v| -v),
                hi: b.lo.map(|v| -v),
            }
        } else {
            b
        }
    };
    let terms: Vec<Bounds> = f.terms.iter().map(|&(i, m)| signed(i, m)).collect();
    let sum = Bounds::sum(&terms);
    let target = match f.stated {
        Some(s) => qs[s].bounds(),
        None => Bounds {
            lo: Some(Decimal::ZERO),
            hi: Some(Decimal::ZERO),
        },
    };
    if !sum.entirely_above(&target) && !sum.entirely_below(&target) {
        return None;
    }
    let first = &qs[f.terms[0].0];
    let unit = &first.display_unit;
    let factor = first.display_factor();
    let decimals = f
        .terms
        .iter()
        .map(|&(i, _)| i)
        .chain(f.stated)
        .map(|i| qs[i].display_decimals())
        .max()
        .unwrap_or(0);
    let exact: Decimal = f
        .terms
        .iter()
        .map(|&(i, m)| if m { -qs[i].value } else { qs[i].value })
        .sum();
    let mut sum_shown = exact / factor;
    sum_shown = crate::quantity::number::round_half_away(sum_shown, decimals);
    sum_shown.rescale(decimals);
    let mut arithmetic = String::new();
    for (k, &(i, minus)) in f.terms.iter().enumerate() {
        let v = shown_value(&qs[i]);
        let same = qs[i].display_unit == *unit;
        let text = if same {
            v.abs().to_string()
        } else {
            format!("{}{}", v.abs(), qs[i].display_unit)
        };
        let negative = minus != v.is_sign_negative();
        match (k, negative) {
            (0, false) => arithmetic.push_str(&text),
            (0, true) => arithmetic.push_str(&format!("−{text}")),
            (_, false) => arithmetic.push_str(&format!(" + {text}")),
            (_, true) => arithmetic.push_str(&format!(" − {text}")),
        }
    }
    let (message, why) = match (f.kind, f.stated) {
        (FlowKind::Level, Some(s)) => (
            format!(
                "the level {} does not follow from the earlier level and the change: {arithmetic} = {sum_shown} {unit}",
                written(cx, &qs[s])
            ),
            "a level is the earlier level plus the increase, or minus the decrease, between them",
        ),
        (FlowKind::Parts, Some(s)) => (
            format!(
                "the changes of the parts add up to {sum_shown} {unit}, but the change of the total is {}",
                written(cx, &qs[s])
            ),
            "the parts cover their total, so their changes add up to its change",
        ),
        _ => (
            format!(
                "the shares of {} change by {arithmetic} = {sum_shown} {unit} in all; shares of one whole net to zero",
                f.name
            ),
            "shares of the members of a whole always add up to 100, so their changes add up to 0",
        ),
    };
    let notes = vec![
        match f.stated {
            Some(s) => format!(
                "{arithmetic} = {sum_shown} {unit}, not {}",
                written(cx, &qs[s])
            ),
            None => format!("{arithmetic} = {sum_shown} {unit}, not 0"),
        },
        why.to_string(),
    ];
    let primary = f.stated.unwrap_or(f.terms[0].0);
    let mut labels = vec![Label {
        span: qs[primary].span,
        message: if f.stated.is_some() {
            "stated"
        } else {
            "change"
        }
        .into(),
        primary: true,
    }];
    labels.extend(
        f.terms
            .iter()
            .filter(|(i, _)| *i != primary)
            .map(|&(i, _)| Label {
                span: qs[i].span,
                message: "term".into(),
                primary: false,
            }),
    );
    let severity = if f.kind == FlowKind::Shares {
        Severity::Warning
    } else {
        Severity::Error
    };
    Some(Diagnostic {
        rule: DEF.name,
        category: DEF.category,
        severity,
        message,
        span: qs[primary].span,
        labels,
        notes,
        fix: None,
    })
}

/// Records in the coverage how far a breakdown can be checked; returns why
/// it is not checked, if it is not.
fn record(cx: &Context<'_>, b: &Breakdown) -> Option<&'static str> {
    const RELATION: &str = "breakdown";
    const SIGN: &str = "a sign the digits do not show (亏损, 净迁出, 逆差)";
    const ABOUT: &str = "the total is approximate (约, 左右)";
    let total = &cx.quantities[b.total];
    let parts = b.parts.iter().map(|&i| &cx.quantities[i]);
    if total.sign_in_label || parts.clone().any(|p| p.sign_in_label) {
        cx.coverage.skipped(RELATION, SIGN);
        return Some(SIGN);
    } else if total.approx == Approx::About {
        cx.coverage.skipped(RELATION, ABOUT);
        return Some(ABOUT);
    } else if b.overlapping || b.parts.len() == 1 {
        cx.coverage.checked("breakdown: each part within its total");
    } else if b.cover.is_some() {
        cx.coverage.checked("breakdown: parts add up to the total");
    } else {
        cx.coverage
            .checked("breakdown: parts within the total (they need not cover it)");
    }
    None
}

fn check_one(cx: &Context<'_>, b: &Breakdown, notes: Notes) -> Option<Diagnostic> {
    if notes.overlap {
        return None;
    }
    let total = &cx.quantities[b.total];
    let parts: Vec<&Quantity> = b.parts.iter().map(|&i| &cx.quantities[i]).collect();
    if total.sign_in_label || parts.iter().any(|p| p.sign_in_label) {
        // 亏损企业亏损额3.26亿元: which figures subtract is not written.
        return None;
    }
    let bounds_of = |q: &Quantity| {
        if notes.rounding {
            q.bounds_rounded_apart()
        } else {
            q.bounds()
        }
    };
    let tb = bounds_of(total);
    if b.overlapping || parts.len() == 1 {
        let negative = |q: &Quantity| q.value.is_sign_negative();
        if negative(total) || parts.iter().any(|p| negative(p)) {
            // With negative figures a part may well exceed a net total.
            return None;
        }
        // Each part alone must not exceed the total (overlapping subsets are
        // never added up).
        let over = parts.iter().find(|p| bounds_of(p).entirely_above(&tb))?;
        let why = if b.overlapping {
            "a part of a breakdown cannot exceed its total, even where parts overlap"
        } else {
            "a part of a breakdown cannot exceed its total"
        };
        return Some(diagnostic(
            cx,
            b,
            format!(
                "a part, {}, is more than its total {}",
                written(cx, over),
                written(cx, total)
            ),
            vec![format!(
                "{} > {}: {why}",
                written(cx, over),
                written(cx, total)
            )],
            &[over],
        ));
    }
    let bounds: Vec<Bounds> = parts.iter().map(|p| bounds_of(p)).collect();
    let sum = Bounds::sum(&bounds);
    let exceeds = sum.entirely_above(&tb);
    let short = b.cover.is_some() && !notes.unlisted && sum.entirely_below(&tb);
    if !exceeds && !short {
        return None;
    }
    let unit = &total.display_unit;
    let exact_sum = parts
        .iter()
        .try_fold(Decimal::ZERO, |acc, p| acc.checked_add(p.value))?;
    let shown = shower(&parts, total);
    let factor = total.display_factor();
    let sum_shown = shown(exact_sum);
    let relation = if exceeds { "more than" } else { "short of" };
    let (message, mut note) = if total.approx == Approx::Exact {
        let gap = shown((exact_sum - total.value).abs());
        let mut total_shown = total.value / factor;
        total_shown.rescale(total.display_decimals());
        let message = if exceeds {
            format!("parts add up to {sum_shown} {unit}, more than the total {total_shown} {unit}")
        } else {
            format!("parts add up to {sum_shown} {unit}, but the total is {total_shown} {unit}")
        };
        let note = format!(
            "{} = {sum_shown} {unit}, {gap} {relation} {total_shown} {unit}",
            operands(&parts, total)
        );
        (message, note)
    } else {
        // An approximate total (1200余人) is compared by the bound it allows.
        // As written, with its approximation words (近300个, 1200余人).
        let written_total: String = total
            .full_span
            .slice(cx.text)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let (bound, word) = if exceeds {
            (tb.hi?, "the most")
        } else {
            (tb.lo?, "the least")
        };
        let gap = shown((exact_sum - bound).abs());
        let bound_shown = shown(bound);
        let message = if exceeds {
            format!(
                "parts add up to {sum_shown} {unit}, more than the total {written_total} allows"
            )
        } else {
            format!(
                "parts add up to {sum_shown} {unit}, less than the total {written_total} allows"
            )
        };
        let note = format!(
            "{} = {sum_shown} {unit}, {gap} {relation} {bound_shown} {unit}, {word} that {written_total} can be",
            operands(&parts, total)
        );
        (message, note)
    };
    match &b.cover {
        Some(Cover::Partition { members, .. }) if short => {
            note.push_str(&format!(" (parts {} cover the whole)", members.join("/")))
        }
        Some(Cover::AgeBands) if short => note.push_str(" (the age bands cover every age)"),
        Some(Cover::Stated) if short => note.push_str(" (the total is stated as their sum)"),
        _ => {}
    }
    let mut notes_shown = vec![note];
    if notes.rounding {
        notes_shown.push(
            "the paragraph notes independent rounding (四舍五入): each figure was allowed a whole step of its last digit".into(),
        );
    }
    let mut notes = notes_shown;
    if parts
        .iter()
        .chain(std::iter::once(&total))
        .any(|q| q.approx != Approx::Exact)
    {
        notes.push("approximate figures (余, 多, 约, 近, 以上, 以下) count only as bounds".into());
    }
    if exceeds && !short && b.cover.is_none() {
        match b.kind {
            BreakdownKind::Qizhong => notes.push(
                "parts after 其中 are subsets of the total: together they cannot exceed it".into(),
            ),
            BreakdownKind::Parens => notes.push(
                "parts in brackets after a total are subsets of it: together they cannot exceed it"
                    .into(),
            ),
            BreakdownKind::Opener => notes.push(
                "parts named after `…中，` are subsets of the total: together they cannot exceed it"
                    .into(),
            ),
            BreakdownKind::Announced => notes.push(
                "parts of a cut announced by 按…分 or 分…看 are subsets of the total: together they cannot exceed it"
                    .into(),
            ),
            BreakdownKind::Colon => notes.push(
                "parts listed after a total and a colon are subsets of it: together they cannot exceed it"
                    .into(),
            ),
            BreakdownKind::Fenbie
            | BreakdownKind::Listed
            | BreakdownKind::Distant
            | BreakdownKind::Summed
            | BreakdownKind::SummedAfter => {}
        }
    }
    if b.kind == BreakdownKind::Distant {
        notes.push(
            "the total is the figure an earlier paragraph states for the whole these parts divide (no 其中 links them)"
                .into(),
        );
    }
    for q in parts.iter().chain(std::iter::once(&total)) {
        if q.across_break {
            notes.push(format!(
                "`{}` was read as {} {} across a line break (page-break artefact)",
                q.span.slice(cx.text).replace(['\n', '\r'], "⏎"),
                {
                    let mut v = q.value / q.display_factor();
                    v.rescale(q.display_decimals());
                    v
                },
                q.display_unit
            ));
        }
    }
    Some(diagnostic(cx, b, message, notes, &parts))
}

fn diagnostic(
    cx: &Context<'_>,
    b: &Breakdown,
    message: String,
    notes: Vec<String>,
    parts: &[&Quantity],
) -> Diagnostic {
    let total = &cx.quantities[b.total];
    let mut labels = vec![Label {
        span: total.span,
        message: "total".into(),
        primary: true,
    }];
    labels.extend(parts.iter().map(|p| Label {
        span: p.span,
        message: "part".into(),
        primary: false,
    }));
    // A total read from an earlier paragraph, with no word that links it to
    // its parts, is weaker evidence than a 其中: a warning.
    let severity = if matches!(b.kind, BreakdownKind::Distant | BreakdownKind::SummedAfter) {
        Severity::Warning
    } else {
        Severity::Error
    };
    Diagnostic {
        rule: DEF.name,
        category: DEF.category,
        severity,
        message,
        span: total.span,
        labels,
        notes,
        fix: None,
    }
}

/// How a breakdown's sums are shown: in the total's display unit, with as
/// many decimals as the figures themselves show.
fn shower<'q>(parts: &[&'q Quantity], total: &'q Quantity) -> impl Fn(Decimal) -> String + 'q {
    let factor = total.display_factor();
    let decimals = parts
        .iter()
        .chain(std::iter::once(&total))
        .filter(|q| q.display_unit == total.display_unit)
        .map(|q| q.display_decimals())
        .max()
        .unwrap_or(0);
    // Units with an inexact factor (亩 is 666.67 平方米) leave digits far
    // below anything written; four decimals more than the figures show is
    // plenty for 8210万元 + 2.04亿元 = 3.966亿元.
    move |v: Decimal| {
        let v = round_half_away(v / factor, decimals + 4).normalize();
        if v.scale() <= decimals {
            let mut v = v;
            v.rescale(decimals);
            v.to_string()
        } else {
            plain(v)
        }
    }
}

/// The arithmetic of a breakdown for the coverage list, with the values
/// and the rounding the rule uses: `21 + 733 = 754 户` when the sum is the
/// total as written, `21 + 723 = 744 户, total 754户` otherwise; for parts
/// that each need only stay within the total, `733户 ≤ 754户`.
fn arithmetic(cx: &Context<'_>, b: &Breakdown) -> String {
    let total = &cx.quantities[b.total];
    let parts: Vec<&Quantity> = b.parts.iter().map(|&i| &cx.quantities[i]).collect();
    if b.overlapping || parts.len() == 1 {
        let each: Vec<String> = parts.iter().map(|p| written(cx, p)).collect();
        return format!("{} ≤ {}", each.join(", "), written(cx, total));
    }
    let Some(exact_sum) = parts
        .iter()
        .try_fold(Decimal::ZERO, |acc, p| acc.checked_add(p.value))
    else {
        return String::new();
    };
    let sum_shown = shower(&parts, total)(exact_sum);
    let unit = &total.display_unit;
    let mut total_shown = total.value / total.display_factor();
    total_shown.rescale(total.display_decimals());
    let mut out = format!("{} = {sum_shown} {unit}", operands(&parts, total));
    if total.approx != Approx::Exact || total_shown.to_string() != sum_shown {
        out.push_str(&format!(", total {}", written(cx, total)));
    }
    out
}

/// Records one breakdown with its verdict in the coverage list.
fn record_relation(cx: &Context<'_>, b: &Breakdown, verdict: Verdict) {
    cx.coverage.relation(Relation {
        kind: "breakdown-sum",
        rule: DEF.name,
        total: Some(cx.quantities[b.total].span),
        parts: b.parts.iter().map(|&i| cx.quantities[i].span).collect(),
        stated: Some(cx.quantities[b.total].span),
        computed: arithmetic(cx, b),
        verdict,
    });
}

/// The figure as written, spaces and line breaks removed (`733户`).
fn written(cx: &Context<'_>, q: &Quantity) -> String {
    q.span
        .slice(cx.text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// `21 + 723` when the parts share the total's unit; otherwise each with its
/// own (`8210万元 + 2.04亿元`). Negative parts are subtracted.
fn operands(parts: &[&Quantity], total: &Quantity) -> String {
    let same_unit = parts.iter().all(|p| p.display_unit == total.display_unit);
    let mut out = String::new();
    for (i, p) in parts.iter().enumerate() {
        let mut v = p.value / p.display_factor();
        v.rescale(p.display_decimals());
        let shown = if same_unit {
            v.abs().to_string()
        } else {
            format!("{}{}", v.abs(), p.display_unit)
        };
        match (i, v.is_sign_negative()) {
            (0, false) => out.push_str(&shown),
            (0, true) => out.push_str(&format!("−{shown}")),
            (_, false) => out.push_str(&format!(" + {shown}")),
            (_, true) => out.push_str(&format!(" − {shown}")),
        }
    }
    out
}
