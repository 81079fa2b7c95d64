//! `unit-conversion`: a figure restated in other units in brackets
//! (`26703千公顷（40054万亩）`, `13872万吨（2774亿斤）`,
//! `5194.9公斤/公顷（346.3公斤/亩）`) must convert.

use rust_decimal::Decimal;
use serde::de::{Deserialize, IntoDeserializer};
use serde::Deserialize as DeriveDeserialize;
use toml::de::DeValue;
use toml::Spanned;

use crate::diagnostic::{Diagnostic, Severity};
use crate::quantity::number::{plain, round_half_away};
use crate::quantity::{Approx, Form, Quantity, Unit, UnitTable};
use crate::rules::{Context, Example, Rule, RuleDef};

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "unit-conversion",
    category: "arithmetic",
    summary: "a figure restated in other units in brackets (12.6千公顷（18.9万亩）) must convert",
    source: "GB 3100-1993 and the conversions of the legal units (1 公顷 = 15 亩, 1 公斤 = 2 斤); \
             data-accuracy requirements for yearbooks (资料真实准确)",
    docs: DOCS,
    examples: &[
        Example::wrong(
            "全县粮食播种面积12.6千公顷（19.6万亩），比上年减少0.4千公顷（0.6万亩）。",
            "12.6千公顷 is 18.9万亩",
        ),
        Example::right(
            "全县粮食播种面积12.6千公顷（18.9万亩），比上年减少0.4千公顷（0.6万亩）。",
            "",
        ),
        Example::wrong(
            "粮食总产量3.2万吨（6800万斤），单位面积产量5400公斤/公顷（360公斤/亩）。",
            "3.2万吨 is 6400万斤",
        ),
        Example::right(
            "粮食总产量3.2万吨（6400万斤），单位面积产量5400公斤/公顷（360公斤/亩）。",
            "",
        ),
        Example::right(
            "年末常住人口52.3万人（户籍人口55.1万人）。",
            "another figure in the brackets, not a conversion",
        ),
    ],
    defaults: include_str!("../../../rules/arithmetic/unit-conversion.toml"),
    build,
};

const DOCS: &str = r#"A figure that a draft restates in other units right after it, in brackets,
must convert: `26703千公顷（40054万亩）` is reported when the bracket says
anything but 40054.5万亩 within rounding.

## What it checks

* A figure followed at once by a bracket that opens with another figure of
  the same dimension and closes after its unit (`（…万亩）`, `(…亿人)`): areas
  (公顷, 亩, 平方公里), masses (吨, 公斤, and `斤` of the `extra_units`),
  lengths, persons, money in one currency, and units per unit
  (`公斤/公顷（…公斤/亩）`).
* Changes as well as levels: `比上年减少164千公顷（246万亩）`.
* Each figure stands for the interval its last digit allows (`246万亩` for
  245.5万–246.5万), and the conversion is reported only when the two
  intervals do not meet.

## What it leaves alone

* Brackets with words before the figure (`（户籍人口55.1万人）`, `（其中…）`,
  `（含…）`), figures of different dimensions (`（增长5.4%）`, `（7000万美元）`),
  units yblint does not know, and `约` figures.

## Settings (`[rules.unit-conversion]` in yblint.toml)

* `severity`: `"error"` (default), `"warning"`, `"info"` or `"off"`.
* `extra_units`: units read only inside such a conversion (`斤`, `担`), as
  `{ name, dimension, factor }` like the `[[unit]]` tables of
  `rules/units.toml`: the factor is to the base unit of the dimension.
"#;

#[derive(DeriveDeserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    extra_units: Vec<Unit>,
}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let s = Settings::deserialize(value.into_deserializer())?;
    Ok(Box::new(UnitConversion {
        extra: UnitTable::new(s.extra_units),
    }))
}

/// The `unit-conversion` rule with its settings.
pub struct UnitConversion {
    extra: UnitTable,
}

/// A figure read with the unit text after it: its bounds in base units of
/// its (possibly compound) dimension.
#[derive(Debug, Clone)]
struct Measured {
    lo: Decimal,
    hi: Decimal,
    /// Factor from the display unit to base units (`万亩` → 6 666 666.67 m²).
    display: Decimal,
    dim: String,
    /// The unit as written (`万亩`, `公斤/亩`, `亿斤`).
    unit: String,
    /// Bytes of unit text after the figure's span (`/公顷`, `斤`).
    tail: usize,
}

impl UnitConversion {
    /// Reads `q` with the unit text right after it (`斤` after `2774亿`,
    /// `/公顷` after `5194.9公斤`).
    fn measure(&self, cx: &Context<'_>, q: &Quantity) -> Option<Measured> {
        if q.form != Form::Amount || q.approx == Approx::About {
            return None;
        }
        let after = cx.doc.text.get(q.span.end..)?;
        let mut rest = after;
        let mut unit_text = q.display_unit.clone();
        let (mut dim, mut factor) = match &q.unit {
            Some(u) => (u.dimension.clone(), Decimal::ONE),
            None => {
                // A bare magnitude (`2774亿`) before a unit only conversions use.
                let u = self.extra.longest_prefix(rest)?;
                rest = &rest[u.name.len()..];
                unit_text.push_str(&u.name);
                (u.dimension.clone(), u.factor)
            }
        };
        if let Some(r) = rest.strip_prefix('/') {
            let u = cx
                .tables
                .units
                .longest_prefix(r)
                .or_else(|| self.extra.longest_prefix(r))?;
            if u.factor.is_zero() {
                return None;
            }
            rest = &r[u.name.len()..];
            unit_text.push('/');
            unit_text.push_str(&u.name);
            dim = format!("{dim}/{}", u.dimension);
            factor = factor.checked_div(u.factor)?;
        }
        let b = q.bounds();
        let lo = b.lo?.checked_mul(factor)?;
        let hi = b.hi?.checked_mul(factor)?;
        Some(Measured {
            lo,
            hi,
            display: q.display_factor().checked_mul(factor)?,
            dim,
            unit: unit_text,
            tail: after.len() - rest.len(),
        })
    }
}

impl Rule for UnitConversion {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let qs = cx.quantities;
        for i in 1..qs.len() {
            let (a, b) = (&qs[i - 1], &qs[i]);
            if a.in_parens || !b.in_parens || a.location.sentence != b.location.sentence {
                continue;
            }
            let Some(ma) = self.measure(cx, a) else {
                continue;
            };
            // Nothing but the bracket between the figure's unit and the
            // restated figure.
            let between: String = cx
                .doc
                .text
                .get(a.span.end + ma.tail..b.span.start)
                .unwrap_or("")
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            if between != "（" && between != "(" {
                continue;
            }
            let Some(mb) = self.measure(cx, b) else {
                continue;
            };
            if ma.dim != mb.dim {
                continue;
            }
            // The bracket closes after the restated figure's unit (or goes on
            // with a note after a comma).
            let close = cx
                .doc
                .text
                .get(b.span.end + mb.tail..)
                .unwrap_or("")
                .trim_start()
                .chars()
                .next();
            if !matches!(close, Some('）' | ')' | '，' | ',' | '；')) {
                continue;
            }
            cx.coverage.checked("unit conversion in brackets");
            if ma.lo <= mb.hi && mb.lo <= ma.hi {
                continue;
            }
            out.push(diagnostic(cx, a, b, &ma, &mb));
        }
    }
}

fn written(cx: &Context<'_>, q: &Quantity, m: &Measured) -> String {
    let number: String = q
        .span
        .slice(cx.text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let number = number.trim_end_matches(q.display_unit.as_str()).to_string();
    format!("{number}{}", m.unit)
}

fn diagnostic(
    cx: &Context<'_>,
    a: &Quantity,
    b: &Quantity,
    ma: &Measured,
    mb: &Measured,
) -> Diagnostic {
    let decimals = b.display_decimals();
    let conv = |v: Decimal| v.checked_div(mb.display).unwrap_or(v);
    let mid = (ma.lo + ma.hi) / Decimal::TWO;
    let shown = round_half_away(conv(mid), decimals + 1);
    let from = written(cx, a, ma);
    let to = written(cx, b, mb);
    let message = format!(
        "{from} is {}{}, but the brackets say {to}",
        plain(shown),
        mb.unit
    );
    let factor = ma.display.checked_div(mb.display).unwrap_or(Decimal::ONE);
    let one = format!(
        "1 {} = {} {}",
        ma.unit,
        plain(round_half_away(factor, 6)),
        mb.unit
    );
    let lo = round_half_away(conv(ma.lo), decimals + 2);
    let hi = round_half_away(conv(ma.hi), decimals + 2);
    let blo = round_half_away(conv(mb.lo), decimals + 2);
    let bhi = round_half_away(conv(mb.hi), decimals + 2);
    DEF.diagnostic(Severity::Error, b.span, message)
        .with_primary_text("restated figure")
        .with_label(a.span, "figure converted")
        .with_note(one)
        .with_note(format!(
            "with the rounding of each figure, {from} is {}–{}{}; {to} stands for {}–{}{}",
            plain(lo),
            plain(hi),
            mb.unit,
            plain(blo),
            plain(bhi),
            mb.unit
        ))
}
