//! Quantities: the figures a draft states, with exact decimal values, their
//! displayed precision, units, approximation and labels.
//!
//! [`extract`] walks a parsed [`Draft`](crate::syntax::Draft) and reads every
//! quantity token together with the unit written after it, the approximation
//! words around it (约, 近, 余, 以上 …) and the label written before it.

mod extract;
pub mod interval;
pub mod number;
pub mod units;

pub use extract::extract;
pub use interval::Interval;
pub use units::{LabelWords, Timing, Unit, UnitTable};

use crate::span::Span;
use rust_decimal::Decimal;

/// Where a quantity stands in the draft: indices into the parse tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    /// Index of the paragraph in [`Draft::paragraphs`](crate::syntax::Draft::paragraphs).
    pub paragraph: usize,
    /// Index of the sentence in its paragraph.
    pub sentence: usize,
    /// Index of the clause in its sentence.
    pub clause: usize,
}

/// How a figure is written.
#[derive(Debug, Clone, PartialEq)]
pub enum Form {
    /// An amount, usually with a unit: `754户`, `3.46亿元`.
    Amount,
    /// A percentage: `89%`, `百分之三十`; the value is in percent.
    Percent,
    /// A permille figure: `8.25‰`; the value is in permille.
    Permille,
    /// A ratio `a:b[:c]`; the value is the first term.
    Ratio(Vec<Decimal>),
    /// A range `lo～hi`; the value is `lo`.
    Range {
        /// Lower end, in base units.
        lo: Decimal,
        /// Upper end, in base units.
        hi: Decimal,
    },
}

/// Approximation stated with a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Approx {
    /// No approximation word: the figure is exact to its displayed precision.
    Exact,
    /// 约, 左右, 上下: a fuzzy value, no usable bound.
    About,
    /// 余, 多, 逾, 超过, 以上: the true value is at least the figure.
    AtLeast,
    /// 近, 不足, 不到, 以下: the true value is at most the figure.
    AtMost,
}

/// What the figure is in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The level of the thing it labels in the record year.
    Level,
    /// A change against another period (比上年增加120人).
    Change,
    /// The level of another period (上年为480户, 由480户).
    Previous,
}

/// Lower and upper bounds of the true value of a figure, in base units;
/// `None` where the text gives no bound.
///
/// A rounded figure stands for the values that round to it: `18.6` for
/// [18.55, 18.65]. Strictly, 18.65 rounds (四舍五入) to 18.7, but a source
/// may have rounded half to even or cut digits off, so yblint counts both
/// edges as allowed: a sum that reaches a total's rounding edge exactly is
/// given the benefit of the doubt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bounds {
    /// Lowest value the figure allows.
    pub lo: Option<Decimal>,
    /// Highest value the figure allows.
    pub hi: Option<Decimal>,
}

impl Bounds {
    /// The bounds of a sum: each end is known only when it is known for every
    /// term (and the sum can be computed exactly).
    pub fn sum<'a>(items: impl IntoIterator<Item = &'a Bounds>) -> Bounds {
        let mut lo = Some(Decimal::ZERO);
        let mut hi = Some(Decimal::ZERO);
        for b in items {
            lo = lo.zip(b.lo).and_then(|(a, b)| a.checked_add(b));
            hi = hi.zip(b.hi).and_then(|(a, b)| a.checked_add(b));
        }
        Bounds { lo, hi }
    }

    /// True when every value these bounds allow is above every value
    /// `other` allows.
    pub fn entirely_above(&self, other: &Bounds) -> bool {
        matches!((self.lo, other.hi), (Some(lo), Some(hi)) if lo > hi)
    }

    /// True when every value these bounds allow is below every value
    /// `other` allows.
    pub fn entirely_below(&self, other: &Bounds) -> bool {
        matches!((self.hi, other.lo), (Some(hi), Some(lo)) if hi < lo)
    }

    /// True when the two bounds allow a value in common.
    pub fn meets(&self, other: &Bounds) -> bool {
        !self.entirely_above(other) && !self.entirely_below(other)
    }

    /// `self ÷ base × 100` (a share in percent) over the values both allow,
    /// both positive; an end is open when an end it needs is, and the low
    /// end is 0 at worst.
    pub fn percent_of(&self, base: &Bounds) -> Bounds {
        let div = |x: Option<Decimal>, y: Option<Decimal>| {
            let (x, y) = (x?, y?);
            if y <= Decimal::ZERO {
                return None;
            }
            x.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(y)
        };
        Bounds {
            lo: div(self.lo, base.hi).or(Some(Decimal::ZERO)),
            hi: div(self.hi, base.lo),
        }
    }
}

/// One figure stated in a draft.
#[derive(Debug, Clone)]
pub struct Quantity {
    /// The figure as written, number through unit: `754户`, `1.3459万户`, `733 户`.
    pub span: Span,
    /// The figure with the approximation words around it (`约300人左右`).
    pub full_span: Span,
    /// Exact value in the base unit of its dimension (元 for money, 米 for
    /// length); percent for [`Form::Percent`]. Negative for `负92元`.
    pub value: Decimal,
    /// The step of the last displayed digit, in the same base unit
    /// (`1.3459万户` has step 1 户, `35.8亿元` step 10 000 000 元); zero when
    /// the figure is exact (an integer count of a discrete unit).
    pub step: Decimal,
    /// The unit written after the figure, if it is in the unit table.
    pub unit: Option<Unit>,
    /// The magnitude written before the unit: 1, 10⁴ (万), 10⁸ (亿) …
    pub magnitude: Decimal,
    /// The unit as the draft writes it, magnitude included: `万元`, `户`, `%`.
    pub display_unit: String,
    /// How the figure is written.
    pub form: Form,
    /// Approximation words with the figure.
    pub approx: Approx,
    /// Level, change or previous-period level.
    pub role: Role,
    /// Where the figure is.
    pub location: Location,
    /// The label: the text of the clause before the figure, from the clause
    /// start or the end of the previous figure.
    pub label: Span,
    /// The label without spaces and line breaks; for a figure written right
    /// after another (`754户756人`), the label of that figure.
    pub label_text: String,
    /// Written inside parentheses: an alternative or a note, not a statement.
    pub in_parens: bool,
    /// A line break (page-break artefact) lies inside or right after the number.
    pub across_break: bool,
    /// Written in Chinese numerals (`三十六所`).
    pub in_words: bool,
    /// The label marks the figure as non-additive (人均, 率 …), or its unit does.
    pub non_additive: bool,
    /// Stock, flow, or unknown, from its label.
    pub timing: Timing,
    /// The label gives the figure a sign its digits do not show (亏损额,
    /// 净迁出, 逆差); a written negative (负92元) is in `value` instead.
    pub sign_in_label: bool,
    /// Written with 余 or 多 (`9.5万余`, `1200余人`, `300多人`): the true value
    /// is above the figure and below the next step of its last nonzero digit
    /// (9.6万, 1300, 400).
    pub yu: bool,
    /// The text after the figure up to the next figure or the end of its
    /// clause, without spaces (`困难群众参加城乡居民医疗保险` in
    /// `资助1360名困难群众参加城乡居民医疗保险`).
    pub after: String,
}

impl Quantity {
    /// The dimension the figure measures, when it has a unit.
    pub fn dimension(&self) -> Option<&str> {
        self.unit.as_ref().map(|u| u.dimension.as_str())
    }

    /// What the figure counts: its label and the words after it, for a
    /// figure written before its noun (`有116名残疾人享受补贴` counts
    /// `有…残疾人享受补贴`). Partitions restricted to some totals are matched
    /// against this.
    pub fn named(&self) -> String {
        format!("{}{}", self.label_text, self.after)
    }

    /// True for a plain amount with a unit that can be a total or a part of
    /// a breakdown: not a percentage, ratio or range, not a change or another
    /// period's level, not in parentheses and not marked non-additive.
    pub fn is_additive_level(&self) -> bool {
        self.form == Form::Amount
            && self.unit.as_ref().is_some_and(|u| u.additive)
            && self.role == Role::Level
            && !self.in_parens
            && !self.non_additive
    }

    /// The range of true values the figure allows, from its displayed
    /// precision and approximation words.
    pub fn bounds(&self) -> Bounds {
        let half = self.step / Decimal::TWO;
        let lo = Some(self.value - half);
        let hi = Some(self.value + half);
        match self.approx {
            Approx::Exact => Bounds { lo, hi },
            Approx::About => Bounds { lo: None, hi: None },
            Approx::AtLeast if self.yu => Bounds {
                lo,
                hi: self.value.checked_add(self.next_step()),
            },
            Approx::AtLeast => Bounds { lo, hi: None },
            Approx::AtMost => Bounds { lo: None, hi },
        }
    }

    /// Like [`Quantity::bounds`], for figures a note says were rounded apart
    /// (因四舍五入…): a whole step of the last digit each way instead of
    /// half, and one unit of the last digit for a whole count.
    pub fn bounds_rounded_apart(&self) -> Bounds {
        let step = if self.step.is_zero() {
            self.display_factor()
        } else {
            self.step
        };
        let widened = Quantity {
            step: step * Decimal::TWO,
            ..self.clone()
        };
        widened.bounds()
    }

    /// One unit of the last nonzero digit as displayed, in base units
    /// (`1200余人` → 100 人, `9.5万余` → 0.1万).
    fn next_step(&self) -> Decimal {
        let factor = self.display_factor();
        let shown = (self.value / factor).abs().normalize();
        let mut unit = if shown.fract().is_zero() {
            Decimal::ONE
        } else {
            Decimal::new(1, shown.scale())
        };
        let mut whole = shown.trunc();
        while !whole.is_zero() && shown.fract().is_zero() && (whole % Decimal::TEN).is_zero() {
            whole /= Decimal::TEN;
            unit *= Decimal::TEN;
        }
        unit * factor
    }

    /// Factor from the display unit (`万元` → 10⁴).
    pub fn display_factor(&self) -> Decimal {
        self.magnitude * self.unit.as_ref().map(|u| u.factor).unwrap_or(Decimal::ONE)
    }

    /// The number of decimals shown in the display unit (`44695.70万元` → 2).
    pub fn display_decimals(&self) -> u32 {
        let step = self.step / self.display_factor();
        if step.is_zero() {
            0
        } else {
            step.normalize().scale()
        }
    }
}
