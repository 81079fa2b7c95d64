//! Interval arithmetic over exact decimals, for recomputing derived figures
//! (shares, rates, ratios, growth) from the figures a draft states.
//!
//! Every stated figure stands for the interval its displayed precision
//! allows ([`Quantity::bounds`]): `62.3%` for [62.25, 62.35]. A figure
//! computed from stated figures gets the interval its inputs allow, and a
//! stated derived figure contradicts its inputs only when the two intervals
//! do not meet. No floating point and no fixed epsilon is used anywhere.

use rust_decimal::Decimal;

use super::{Bounds, Quantity};

/// A closed interval `[lo, hi]` of exact decimals, `lo <= hi`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interval {
    /// Lowest value.
    pub lo: Decimal,
    /// Highest value.
    pub hi: Decimal,
}

impl Interval {
    /// The interval `[lo, hi]`; the ends are swapped when given the wrong
    /// way round.
    pub fn new(lo: Decimal, hi: Decimal) -> Interval {
        if lo <= hi {
            Interval { lo, hi }
        } else {
            Interval { lo: hi, hi: lo }
        }
    }

    /// A single exact value (a constant in a formula: `100`, `1000`).
    pub fn exact(v: Decimal) -> Interval {
        Interval { lo: v, hi: v }
    }

    /// The values a stated figure allows, in its base units (percent for a
    /// percentage, permille for a permille figure); `None` when the text gives
    /// no lower or no upper bound (`约`, `以上`).
    pub fn of(q: &Quantity) -> Option<Interval> {
        Interval::from_bounds(&q.bounds())
    }

    /// Both ends of `b`, when both are known.
    pub fn from_bounds(b: &Bounds) -> Option<Interval> {
        Some(Interval::new(b.lo?, b.hi?))
    }

    /// Sum; `None` on decimal overflow.
    pub fn plus(self, o: Interval) -> Option<Interval> {
        Some(Interval::new(
            self.lo.checked_add(o.lo)?,
            self.hi.checked_add(o.hi)?,
        ))
    }

    /// Difference; `None` on decimal overflow.
    pub fn minus(self, o: Interval) -> Option<Interval> {
        Some(Interval::new(
            self.lo.checked_sub(o.hi)?,
            self.hi.checked_sub(o.lo)?,
        ))
    }

    /// Product; `None` on decimal overflow.
    pub fn times(self, o: Interval) -> Option<Interval> {
        let c = [
            self.lo.checked_mul(o.lo)?,
            self.lo.checked_mul(o.hi)?,
            self.hi.checked_mul(o.lo)?,
            self.hi.checked_mul(o.hi)?,
        ];
        Some(Interval::new(
            c.iter().copied().min()?,
            c.iter().copied().max()?,
        ))
    }

    /// Quotient; `None` when the divisor's interval contains zero (the
    /// quotient is unbounded) or on overflow.
    pub fn over(self, o: Interval) -> Option<Interval> {
        if o.lo <= Decimal::ZERO && o.hi >= Decimal::ZERO {
            return None;
        }
        let c = [
            self.lo.checked_div(o.lo)?,
            self.lo.checked_div(o.hi)?,
            self.hi.checked_div(o.lo)?,
            self.hi.checked_div(o.hi)?,
        ];
        Some(Interval::new(
            c.iter().copied().min()?,
            c.iter().copied().max()?,
        ))
    }

    /// True when some value lies in both intervals.
    pub fn meets(&self, o: &Interval) -> bool {
        self.lo <= o.hi && o.lo <= self.hi
    }

    /// True when `v` lies in the interval.
    pub fn contains(&self, v: Decimal) -> bool {
        self.lo <= v && v <= self.hi
    }

    /// True when the interval meets the bounds `b` (an open end meets
    /// everything on its side).
    pub fn meets_bounds(&self, b: &Bounds) -> bool {
        b.lo.is_none_or(|lo| lo <= self.hi) && b.hi.is_none_or(|hi| self.lo <= hi)
    }

    /// The midpoint, for showing a computed value.
    pub fn mid(&self) -> Decimal {
        self.lo + (self.hi - self.lo) / Decimal::TWO
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn quotient_of_rounded_inputs() {
        // 1.86亿 / 2.95亿: [1.855, 1.865] / [2.945, 2.955]
        let a = Interval::new(d("1.855"), d("1.865"));
        let b = Interval::new(d("2.945"), d("2.955"));
        let q = a.over(b).unwrap().times(Interval::exact(d("100"))).unwrap();
        assert!(q.lo > d("62.77") && q.lo < d("62.78"), "{q:?}");
        assert!(q.hi > d("63.32") && q.hi < d("63.33"), "{q:?}");
        // 63.1% is within, 58.1% is not.
        assert!(q.meets(&Interval::new(d("63.05"), d("63.15"))));
        assert!(!q.meets(&Interval::new(d("58.05"), d("58.15"))));
    }

    #[test]
    fn divisor_around_zero_gives_nothing() {
        let a = Interval::exact(d("5"));
        assert!(a.over(Interval::new(d("-0.5"), d("0.5"))).is_none());
        assert!(a.over(Interval::exact(Decimal::ZERO)).is_none());
    }

    #[test]
    fn difference_and_bounds() {
        let a = Interval::new(d("10.25"), d("10.35"));
        let b = Interval::new(d("4.05"), d("4.15"));
        assert_eq!(a.minus(b).unwrap(), Interval::new(d("6.10"), d("6.30")));
        let open = Bounds {
            lo: Some(d("90")),
            hi: None,
        };
        assert!(Interval::new(d("89"), d("91")).meets_bounds(&open));
        assert!(!Interval::new(d("85"), d("89.9")).meets_bounds(&open));
        assert!(Interval::new(d("1"), d("2")).contains(d("1.5")));
        assert_eq!(Interval::new(d("1"), d("2")).mid(), d("1.5"));
    }

    #[test]
    fn overflow_is_none() {
        let big = Interval::exact(Decimal::MAX);
        assert!(big.plus(big).is_none());
        assert!(big.times(big).is_none());
    }
}
