//! `average`: a per-capita figure or an average (`人均新收案件118.4件`,
//! `平均每个家庭户的人口为2.71人`, `年平均679.28万元`, `日均7181起`) must equal
//! the total it averages over the count, when the draft states both.

use rust_decimal::Decimal;
use serde::de::{Deserialize, IntoDeserializer};
use serde::Deserialize as DeriveDeserialize;
use toml::de::DeValue;
use toml::Spanned;

use crate::diagnostic::{Diagnostic, Severity};
use crate::quantity::number::{plain, round_half_away};
use crate::quantity::{Approx, Form, Interval, Quantity, Role};
use crate::rules::{Context, Example, Rule, RuleDef};

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "average",
    category: "arithmetic",
    summary: "an average or per-capita figure (人均, 平均每户, 年平均, 日均) must equal the total it names over the count",
    source: "statistical definitions of averages (平均数 = 总量 ÷ 单位数; 家庭户规模 = 家庭户人口 ÷ 家庭户户数, \
             census bulletins); data-accuracy requirements for yearbooks (资料真实准确)",
    docs: DOCS,
    examples: &[
        Example::wrong(
            "全镇有家庭户3120户，家庭户人口为8236人。平均每个家庭户的人口为2.86人。",
            "8236 ÷ 3120 is 2.64",
        ),
        Example::right(
            "全镇有家庭户3120户，家庭户人口为8236人。平均每个家庭户的人口为2.64人。",
            "",
        ),
        Example::wrong(
            "全院有员额法官45名，新收案件5130件，人均新收案件124.0件。",
            "5130 ÷ 45 is 114.0",
        ),
        Example::right(
            "全院有员额法官45名，新收案件5130件，人均新收案件114.0件。",
            "",
        ),
        Example::right(
            "全县城镇居民人均可支配收入34621元，农村居民人均可支配收入19880元。",
            "averages listed together: no total and count to divide",
        ),
        Example::right(
            "城市低保对象1.2万人，全年支出低保金6800万元，月人均补助水平450元。",
            "a monthly average over persons counted at one time: the months they were paid are not stated",
        ),
    ],
    defaults: include_str!("../../../rules/arithmetic/average.toml"),
    build,
};

const DOCS: &str = r#"An average must equal the total it averages over the count, when the
draft states both: `新收案件1488.9万件 … 12.6万名员额法官 … 人均新收案件118.4件`.

## What it checks

* `人均X` (`per_person`): the total of X over a count of persons; `月人均X`
  over a count of person-times (累计保障…人次: person-months), never over
  persons.
* `平均每(个)Y(的)X`, `每万人…`, `户均X` (`per_household`): the total over the
  count of Y (`家庭户`, `件`, `户`, `万人`).
* `年平均X` (`per_year`): a total over a span written as a figure of years
  (`1949～1985年的36年财政总收入24424万元，年平均679.28万元`), also for a total
  of the next sentence when the paragraph names one span only.
* `日均X` (`per_day`): a total of the whole year (`全年`) of a named year,
  over its days.
* A table row labelled `均值` (`平均`, `平均值`) is the mean of the table's other
  rows (totals, subsets and other means left out), in every column, within
  the rounding of the figures.

The total is a figure of the average's dimension (元 for 元, 件 for 件)
stated before it, whose label names X (`新收案件总数` for 人均新收案件); the
count a figure of the count's dimension. Both are looked up in the average's
sentence, then before it in its paragraph, where their labels must name
them; in the sentence, a figure that is the only one of its dimension there
is taken too (a warning). Parts of a breakdown of the total are not it, and
other averages (人均…, 平均…) are never a total. Each figure stands for the
interval its last digit allows; the average is reported only when its
interval and the quotient's do not meet. A finding is an error for the size
of family households and for spans of years written as figures, a warning
otherwise.

## What it leaves alone

* Averages without both figures, or with two totals or counts that
  disagree; approximate figures (`超过210件`); averages listed together.
* `月人均` over persons, `日均` without a whole named year, and averages of
  other kinds (`平均期望寿命`, `优良天平均为23天`).

## Settings (`[rules.average]` in yblint.toml)

* `severity`: `"error"` (default), `"warning"`, `"info"` or `"off"`.
* `per_person`, `per_household`, `per_year`, `per_day`: the words that open
  each kind of average, after the words of the area it is of (`全县人均`).

A list given in `yblint.toml` replaces the built-in list.
"#;

#[derive(DeriveDeserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    #[serde(deserialize_with = "crate::config::words")]
    per_person: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    per_household: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    per_year: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    per_day: Vec<String>,
}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let s = Settings::deserialize(value.into_deserializer())?;
    Ok(Box::new(Average {
        per_person: s.per_person,
        per_household: s.per_household,
        per_year: s.per_year,
        per_day: s.per_day,
    }))
}

/// The `average` rule with its settings.
pub struct Average {
    per_person: Vec<String>,
    per_household: Vec<String>,
    per_year: Vec<String>,
    per_day: Vec<String>,
}

/// How far back (in figures) an average's total and count are looked for.
const WINDOW: usize = 200;

/// What an average is per.
#[derive(Debug, Clone, PartialEq)]
enum Per {
    /// Persons (人均), scaled (每万人 is per 10 000 persons).
    Persons { scale: Decimal, monthly: bool },
    /// Units of a dimension (每件: `count:件`; 户均: households).
    Dimension(String),
    /// Things a label names (每个家庭户: figures labelled …家庭户).
    Named(String),
    /// Years of a span stated as a figure.
    Year,
    /// Days of a named year.
    Day,
}

/// An average read from a label: what it is per, and the noun it averages
/// (`新收案件`, `人口`, maybe empty).
#[derive(Debug, Clone)]
struct Reading {
    per: Per,
    noun: String,
}

/// Units a `平均每Y` may name directly, with their dimensions.
const UNIT_WORDS: &[(&str, &str)] = &[
    ("户", "households"),
    ("件", "count:件"),
    ("人", "persons"),
    ("名", "persons"),
    ("起", "count:起"),
    ("宗", "count:宗"),
    ("所", "count:所"),
    ("家", "count:家"),
    ("个", "count:个"),
    ("项", "count:项"),
];

impl Average {
    fn read(&self, label: &str) -> Option<Reading> {
        let l = label.trim_end_matches(['为', '是', '达', '约']);
        let l = l.strip_suffix("达到").unwrap_or(l);
        let l = l.strip_suffix("水平").unwrap_or(l);
        let strip = |l: &str, w: &str| -> Option<String> {
            let at = l.find(w)?;
            Some(l[at + w.len()..].to_string())
        };
        // 月人均 before 人均.
        if let Some(noun) = strip(l, "月人均") {
            return Some(Reading {
                per: Per::Persons {
                    scale: Decimal::ONE,
                    monthly: true,
                },
                noun,
            });
        }
        for w in &self.per_person {
            if let Some(noun) = strip(l, w) {
                if l.contains("年人均") {
                    return None;
                }
                return Some(Reading {
                    per: Per::Persons {
                        scale: Decimal::ONE,
                        monthly: false,
                    },
                    noun,
                });
            }
        }
        for w in &self.per_household {
            if let Some(noun) = strip(l, w) {
                return Some(Reading {
                    per: Per::Dimension("households".into()),
                    noun,
                });
            }
        }
        for w in &self.per_year {
            if l.trim_start_matches(['、', '，']) == w.as_str() {
                return Some(Reading {
                    per: Per::Year,
                    noun: String::new(),
                });
            }
        }
        for w in &self.per_day {
            if let Some(noun) = l.trim_start_matches(['、', '，']).strip_prefix(w.as_str()) {
                return Some(Reading {
                    per: Per::Day,
                    noun: noun.to_string(),
                });
            }
        }
        // 平均每(个)Y(的)X, 每万人拥有X.
        let rest = strip(l, "平均每").or_else(|| {
            let r = strip(l, "每")?;
            (r.starts_with("万人") || r.starts_with("千人") || r.starts_with("十万人")).then_some(r)
        })?;
        let rest = rest.strip_prefix('个').unwrap_or(&rest).to_string();
        for (scale, w) in [(10_000i64, "万人"), (1_000, "千人"), (100_000, "十万人")] {
            if let Some(noun) = rest.strip_prefix(w) {
                let noun = noun.strip_prefix("拥有").unwrap_or(noun);
                return Some(Reading {
                    per: Per::Persons {
                        scale: Decimal::from(scale),
                        monthly: false,
                    },
                    noun: noun.trim_start_matches('的').to_string(),
                });
            }
        }
        // 平均每个家庭户的人口: a noun ending with a unit word, then 的.
        if let Some((y, noun)) = rest.split_once('的') {
            let last: String = y.chars().last().map(String::from).unwrap_or_default();
            if (2..=6).contains(&y.chars().count()) && UNIT_WORDS.iter().any(|(w, _)| *w == last) {
                return Some(Reading {
                    per: Per::Named(y.to_string()),
                    noun: noun.to_string(),
                });
            }
        }
        let first: String = rest.chars().take(1).collect();
        let (_, dim) = UNIT_WORDS.iter().find(|(w, _)| *w == first)?;
        Some(Reading {
            per: Per::Dimension(dim.to_string()),
            noun: rest[first.len()..].to_string(),
        })
    }
}

/// A figure's label without footnote marks and link words, with the label
/// before a footnote number (`全县共有家庭户[3]104717户` is labelled `全县共有家庭户`).
fn label_of(qs: &[Quantity], i: usize) -> String {
    let q = &qs[i];
    let mut l = q.label_text.clone();
    if (l.starts_with(']') || l.starts_with('］')) && i > 0 {
        let p = &qs[i - 1];
        if p.unit.is_none() && p.label_text.ends_with(['[', '［']) {
            l = format!(
                "{}{}",
                &p.label_text[..p.label_text.len() - 1],
                &l[1..].trim_start_matches(']')
            );
        }
    }
    let mut out = String::new();
    let mut skip = false;
    for c in l.chars() {
        match c {
            '[' | '［' => skip = true,
            ']' | '］' => skip = false,
            _ if !skip => out.push(c),
            _ => {}
        }
    }
    out.trim_end_matches(['为', '是', '达', '有', '共', '计'])
        .trim_start_matches(['、', '，', ',', '；'])
        .to_string()
}

/// True for a figure that can be a total or a count: a level of a unit,
/// exact, not an average, not in brackets.
fn candidate(q: &Quantity) -> bool {
    q.form == Form::Amount
        && q.unit.is_some()
        && q.role == Role::Level
        && q.approx == Approx::Exact
        && !q.in_parens
        && !q.non_additive
        && !q.label_text.contains('均')
        && q.value > Decimal::ZERO
}

/// How surely a figure was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Found {
    /// Its label names what is looked for.
    Named,
    /// The only figure of its dimension in the average's sentence.
    Only,
}

/// Labels of a table row (or column) that is the mean of the others.
const MEAN_LABELS: &[&str] = &["均值", "平均", "平均值", "平均数", "算术平均", "算术平均值"];

/// Labels of rows that are no item of a mean (totals, other means, subsets).
fn is_item_label(label: &str) -> bool {
    let l = label.trim_start_matches(['#', '＃']);
    !(MEAN_LABELS.contains(&l)
        || l.starts_with("其中")
        || [
            "合计", "总计", "小计", "全市", "全省", "全县", "全区", "全国",
        ]
        .iter()
        .any(|w| l.starts_with(w)))
}

/// A table row labelled as the mean (`均值`) must be the mean of the other
/// rows, in every column.
fn table_means(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    use crate::relations::table::Num;
    for grid in &cx.graph.tables.grids {
        for (ri, row) in grid.rows.iter().enumerate() {
            if !MEAN_LABELS.contains(&row.label.as_str()) {
                continue;
            }
            let items: Vec<usize> = (0..grid.rows.len())
                .filter(|&i| i != ri && is_item_label(&grid.rows[i].label))
                .collect();
            if items.len() < 2 {
                continue;
            }
            let mut failing = Vec::new();
            let mut held = 0;
            for c in 0..grid.width() {
                let Some(stated) = grid.cell(ri, c).num() else {
                    continue;
                };
                let Some(cells) = items
                    .iter()
                    .map(|&i| grid.cell(i, c).num())
                    .collect::<Option<Vec<&Num>>>()
                else {
                    continue;
                };
                let n = Decimal::from(cells.len() as i64);
                let sum: Decimal = cells.iter().map(|x| x.value).sum();
                let mean = sum / n;
                let h = cells.iter().map(|x| x.half_ulp()).max().unwrap_or_default();
                let (lo, hi) = (mean - h, mean + h);
                let (slo, shi) = (
                    stated.value - stated.half_ulp(),
                    stated.value + stated.half_ulp(),
                );
                cx.coverage.checked("mean row of a table");
                if slo <= hi && lo <= shi {
                    held += 1;
                } else {
                    failing.push((c, stated, mean, cells.len()));
                }
            }
            if held == 0 {
                continue;
            }
            for (c, stated, mean, n) in failing {
                let header = grid.header(c);
                let at = if header.is_empty() {
                    String::new()
                } else {
                    format!(" ({header})")
                };
                let message = format!(
                    "mean stated {}{at}, but the {n} rows above average {}",
                    stated.shown(),
                    plain(round_half_away(mean, stated.scale + 2))
                );
                out.push(
                    DEF.diagnostic(Severity::Error, stated.span, message)
                        .with_primary_text("stated mean")
                        .with_note(format!(
                            "the row `{}` is the mean of the table's other rows; it holds in {held} other columns",
                            grid.rows[ri].label
                        )),
                );
            }
        }
    }
}

impl Rule for Average {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        table_means(cx, out);
        let qs = cx.quantities;
        for (ai, a) in qs.iter().enumerate() {
            if a.form != Form::Amount
                || a.in_parens
                || a.approx != Approx::Exact
                || a.role != Role::Level
                || a.unit.is_none()
            {
                continue;
            }
            let Some(reading) = self.read(&a.label_text) else {
                continue;
            };
            if let Some(d) = check_one(cx, ai, &reading) {
                out.push(d);
            }
        }
    }
}

/// The figures before `ai` in its sentence, then in its paragraph.
fn scopes(cx: &Context<'_>, ai: usize) -> (Vec<usize>, Vec<usize>) {
    let qs = cx.quantities;
    let a = &qs[ai];
    // Quantities are in source order: the sentence's figures before the
    // average are the run before it with its location, and the paragraph's
    // those before that; both within a window, so that a paragraph of many
    // averages stays linear.
    let from = ai.saturating_sub(WINDOW);
    let same_sentence = |i: usize| {
        let l = qs[i].location;
        l.paragraph == a.location.paragraph && l.sentence == a.location.sentence
    };
    let s0 = (from..ai)
        .rev()
        .take_while(|&i| same_sentence(i))
        .last()
        .unwrap_or(ai);
    let sentence: Vec<usize> = (s0..ai).collect();
    let paragraph: Vec<usize> = (from..s0)
        .filter(|&i| qs[i].location.paragraph == a.location.paragraph)
        .collect();
    (sentence, paragraph)
}

/// The parts of breakdowns whose total is among `found`.
fn without_parts(cx: &Context<'_>, found: Vec<usize>) -> Vec<usize> {
    let parts: Vec<usize> = cx
        .graph
        .breakdowns
        .iter()
        .filter(|b| found.contains(&b.total))
        .flat_map(|b| b.parts.iter().copied())
        .collect();
    found.into_iter().filter(|i| !parts.contains(i)).collect()
}

/// The one figure among `scope` that `fits` and whose label `names`; in the
/// sentence, else the only one that fits. `None` when none, or several that
/// disagree.
fn find(
    cx: &Context<'_>,
    sentence: &[usize],
    paragraph: &[usize],
    fits: &dyn Fn(&Quantity) -> bool,
    names: &dyn Fn(usize) -> bool,
) -> Option<(usize, Found)> {
    let qs = cx.quantities;
    let pick = |found: Vec<usize>| -> Option<Option<usize>> {
        let found = without_parts(cx, found);
        let first = *found.first()?;
        Some(
            found
                .iter()
                .all(|&i| qs[i].value == qs[first].value)
                .then(|| *found.last().unwrap_or(&first)),
        )
    };
    let fitting: Vec<usize> = sentence.iter().copied().filter(|&i| fits(&qs[i])).collect();
    // The average's own statement first (after the last `；` before it).
    let statement: Vec<usize> = match (sentence.first(), sentence.last()) {
        (Some(&first), Some(&last)) => {
            let text = cx.doc.text;
            let start = qs[first].span.start;
            let end = qs.get(last + 1).map_or(qs[last].span.end, |q| q.span.start);
            let from = text
                .get(start..end)
                .and_then(|t| t.rfind(['；', ';']))
                .map_or(start, |at| start + at);
            fitting
                .iter()
                .copied()
                .filter(|&i| qs[i].span.start >= from)
                .collect()
        }
        _ => Vec::new(),
    };
    let named: Vec<usize> = fitting.iter().copied().filter(|&i| names(i)).collect();
    if let Some(found) = pick(named) {
        return found.map(|i| (i, Found::Named));
    }
    let named: Vec<usize> = paragraph
        .iter()
        .copied()
        .filter(|&i| fits(&qs[i]) && names(i))
        .collect();
    if let Some(found) = pick(named) {
        return found.map(|i| (i, Found::Named));
    }
    let only = if statement.is_empty() {
        &fitting
    } else {
        &statement
    };
    let values: Vec<Decimal> = only.iter().map(|&i| qs[i].value).collect();
    match only.last() {
        Some(&i) if values.iter().all(|v| *v == values[0]) => Some((i, Found::Only)),
        _ => None,
    }
}

/// Whether a label names a noun: one contains the other (`新收案件总数` and
/// `新收案件`, `场地总面积` and `体育场地面积` share `面积` … only by containment).
fn names_noun(label: &str, noun: &str) -> bool {
    let noun = noun.trim_start_matches("拥有");
    if noun.chars().count() < 2 {
        return false;
    }
    label.contains(noun) || (label.chars().count() >= 2 && noun.contains(label))
}

/// Days of a year.
fn days_in(year: i32) -> i64 {
    if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 {
        366
    } else {
        365
    }
}

/// The one 4-digit year a text names (`2018年`), when it names only one.
fn named_year(text: &str) -> Option<i32> {
    let mut years: Vec<i32> = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    for (k, c) in chars.iter().enumerate() {
        if *c != '年' || k < 4 {
            continue;
        }
        let d: String = chars[k - 4..k].iter().collect();
        if d.chars().all(|c| c.is_ascii_digit()) && (k < 5 || !chars[k - 5].is_ascii_digit()) {
            if let Ok(y) = d.parse() {
                if !years.contains(&y) {
                    years.push(y);
                }
            }
        }
    }
    (years.len() == 1).then(|| years[0])
}

fn check_one(cx: &Context<'_>, ai: usize, r: &Reading) -> Option<Diagnostic> {
    let qs = cx.quantities;
    let a = &qs[ai];
    let (sentence, paragraph) = scopes(cx, ai);
    let noun = r.noun.clone();
    // The total: of the average's dimension, named by its noun.
    let same_dim = |q: &Quantity| candidate(q) && q.dimension() == a.dimension();
    let total_named = |i: usize| {
        let l = label_of(qs, i);
        match &r.per {
            Per::Named(y) => {
                let noun = if noun.is_empty() {
                    String::new()
                } else {
                    format!("{y}{noun}")
                };
                !noun.is_empty() && l.contains(&noun)
            }
            Per::Year | Per::Day if noun.is_empty() => true,
            _ => names_noun(&l, &noun),
        }
    };
    let (n, n_found) = match &r.per {
        // A total per year or per day must be named as such below.
        Per::Year | Per::Day => {
            let found: Vec<usize> = sentence
                .iter()
                .copied()
                .filter(|&i| same_dim(&qs[i]))
                .collect();
            let i = *found.last()?;
            (i, Found::Named)
        }
        _ => find(cx, &sentence, &paragraph, &same_dim, &total_named)?,
    };
    let qn = &qs[n];
    // The count.
    let (d_value, d_at, d_found, per_words): (Interval, Option<usize>, Found, String) = match &r.per
    {
        Per::Persons { scale, monthly } => {
            let dim = if *monthly { "person-times" } else { "persons" };
            let fits = |q: &Quantity| candidate(q) && q.dimension() == Some(dim);
            let names = |i: usize| {
                let l = format!("{}{}", label_of(qs, i), qs[i].after);
                ["人口", "人数", "法官", "职工", "人员"]
                    .iter()
                    .any(|w| l.contains(w))
            };
            let (d, found) = find(cx, &sentence, &paragraph, &fits, &names)?;
            // Persons per persons (每千人口执业医师), or per a number of
            // persons: only over a population named as such.
            if (qn.dimension() == Some("persons") || *scale != Decimal::ONE)
                && !label_of(qs, d).contains("人口")
            {
                return None;
            }
            let v = Interval::of(&qs[d])?.over(Interval::exact(*scale))?;
            (
                v,
                Some(d),
                found,
                if *scale == Decimal::ONE {
                    "per person".into()
                } else {
                    format!("per {} persons", plain(*scale))
                },
            )
        }
        Per::Dimension(dim) => {
            let fits = |q: &Quantity| candidate(q) && q.dimension() == Some(dim.as_str());
            // `这128件民间借贷案件的总标的额达3365万元`: the count right before
            // the total.
            let right_before = n
                .checked_sub(1)
                .filter(|&p| sentence.contains(&p) && fits(&qs[p]));
            let (d, found) = match right_before {
                Some(p) => (p, Found::Named),
                None => find(cx, &sentence, &paragraph, &fits, &|_| false)?,
            };
            (
                Interval::of(&qs[d])?,
                Some(d),
                found,
                format!("per {}", qs[d].display_unit),
            )
        }
        Per::Named(y) => {
            let fits = |q: &Quantity| candidate(q) && q.dimension() != a.dimension();
            let names = |i: usize| label_of(qs, i).ends_with(y.as_str());
            let (d, found) = find(cx, &sentence, &paragraph, &fits, &names)?;
            if found != Found::Named {
                return None;
            }
            (Interval::of(&qs[d])?, Some(d), found, format!("per {y}"))
        }
        Per::Year => {
            // A span of years written as a figure right before the total
            // (`36年财政总收入`), or the paragraph's only span.
            let spans: Vec<usize> = cx
                .doc
                .in_paragraph(a.location.paragraph)
                .filter(|&i| {
                    i < ai
                        && qs[i].dimension() == Some("duration:year")
                        && qs[i].approx == Approx::Exact
                })
                .collect();
            let first = *spans.first()?;
            let years = spans
                .iter()
                .rev()
                .find(|&&i| i < n)
                .copied()
                .unwrap_or(first);
            if spans.iter().any(|&i| qs[i].value != qs[years].value)
                && !spans.iter().any(|&i| i + 1 == n)
            {
                return None;
            }
            let y = if spans.iter().any(|&i| i + 1 == n) {
                n - 1
            } else {
                years
            };
            if qs[y].value < Decimal::TWO {
                return None;
            }
            (
                Interval::exact(qs[y].value),
                Some(y),
                Found::Named,
                "per year".into(),
            )
        }
        Per::Day => {
            if !label_of(qs, n).contains("全年") {
                return None;
            }
            let p = a.location.paragraph;
            let sentence_text = cx.draft.paragraphs[p].sentences[a.location.sentence]
                .span
                .slice(cx.doc.text);
            let year = named_year(sentence_text)?;
            (
                Interval::exact(Decimal::from(days_in(year))),
                None,
                Found::Named,
                format!("per day of {year}"),
            )
        }
    };
    let total = Interval::of(qn)?;
    let computed = total.over(d_value)?;
    cx.coverage.checked("average: total ÷ count");
    // An average is rounded even when it is written in a unit counted whole
    // (`日均7181起` is 7180.5–7181.5).
    let step = if a.step.is_zero() {
        a.display_factor()
    } else {
        a.step
    };
    let half = step / Decimal::TWO;
    let stated = Interval::new(a.value - half, a.value + half);
    if computed.meets(&stated) {
        return None;
    }
    let decimals = a.display_decimals();
    let factor = a.display_factor();
    let shown = round_half_away(computed.mid() / factor, decimals);
    let written = |q: &Quantity| -> String {
        q.span
            .slice(cx.text)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect()
    };
    let count_text = match d_at {
        Some(d) => written(&qs[d]),
        None => plain(d_value.lo),
    };
    let message = format!(
        "average stated {}, but {} ÷ {} = {:.prec$}{} {per_words}",
        written(a),
        written(qn),
        count_text,
        shown,
        a.display_unit,
        prec = decimals as usize
    );
    let sure = n_found == Found::Named
        && d_found == Found::Named
        && matches!(r.per, Per::Named(_) | Per::Year);
    let severity = if sure {
        Severity::Error
    } else {
        Severity::Warning
    };
    let mut d = DEF
        .diagnostic(severity, a.span, message)
        .with_primary_text("stated average")
        .with_label(qn.span, "total");
    if let Some(di) = d_at {
        d = d.with_label(qs[di].span, "count");
    }
    let lo = round_half_away(computed.lo / factor, decimals + 2);
    let hi = round_half_away(computed.hi / factor, decimals + 2);
    d = d.with_note(format!(
        "with the rounding of each figure the average lies between {} and {}{}",
        plain(lo),
        plain(hi),
        a.display_unit
    ));
    if !sure {
        d = d.with_note(
            "the total or the count was found by its unit in the sentence, not by its name, so a warning",
        );
    }
    d.labels[1..].sort_by_key(|l| l.span.start);
    Some(d)
}
