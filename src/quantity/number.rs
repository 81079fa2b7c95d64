//! Reading written numbers: Arabic (half- and full-width, with separators)
//! and Chinese numerals; rounding half away from zero (四舍五入).

use rust_decimal::{Decimal, RoundingStrategy};
use std::str::FromStr;

/// Reads the digits of an Arabic number as written in a draft.
///
/// Accepts half- and full-width digits, a `.` or `．` decimal mark, and
/// thousands separators (`,`, space, thin space, no-break space) and line
/// breaks inside the number, which are dropped. The returned decimal keeps the
/// displayed decimals as its scale (`44695.70` has scale 2).
///
/// Returns `None` when nothing numeric is left.
pub fn parse_arabic(written: &str) -> Option<Decimal> {
    let mut s = String::with_capacity(written.len());
    for c in written.chars() {
        match c {
            '0'..='9' => s.push(c),
            '０'..='９' => s.push(char::from(b'0' + (c as u32 - '０' as u32) as u8)),
            '.' | '．' => s.push('.'),
            _ => {}
        }
    }
    if s.is_empty() || s == "." {
        return None;
    }
    Decimal::from_str(&s).ok()
}

/// Reads a Chinese numeral (`三十六`, `两`, `一百零五`, `一万二千`, `〇`) as an
/// integer. Returns `None` for text that is not a well-formed numeral.
pub fn parse_chinese(written: &str) -> Option<Decimal> {
    let mut total: i128 = 0; // completed 亿 and 万 sections
    let mut section: i128 = 0; // below 万
    let mut digit: Option<i128> = None;
    let mut any = false;
    for c in written.chars() {
        let d = match c {
            '零' | '〇' => Some(0),
            '一' => Some(1),
            '二' | '两' => Some(2),
            '三' => Some(3),
            '四' => Some(4),
            '五' => Some(5),
            '六' => Some(6),
            '七' => Some(7),
            '八' => Some(8),
            '九' => Some(9),
            _ => None,
        };
        if let Some(d) = d {
            digit = Some(d);
            any = true;
            continue;
        }
        let unit: i128 = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            '万' => 10_000,
            '亿' => 100_000_000,
            _ => return None,
        };
        any = true;
        if unit >= 10_000 {
            section = section.checked_add(digit.take().unwrap_or(0))?;
            if section == 0 && total == 0 {
                return None;
            }
            total = if unit == 100_000_000 {
                total.checked_add(section)?.checked_mul(unit)?
            } else {
                total.checked_add(section.checked_mul(unit)?)?
            };
            section = 0;
        } else {
            section = section.checked_add(digit.take().unwrap_or(1).checked_mul(unit)?)?;
        }
    }
    if !any {
        return None;
    }
    section = section.checked_add(digit.unwrap_or(0))?;
    // Far beyond any count; also keeps the value inside what Decimal holds.
    let value = total.checked_add(section)?;
    (value < 10i128.pow(20)).then(|| Decimal::from_i128_with_scale(value, 0))
}

/// A figure written in Chinese numerals: its value, the step of its last
/// digit, and the magnitude written at its end (`四十五点三万` is 453000 with
/// step 1000 and magnitude 10⁴).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChineseFigure {
    /// The value.
    pub value: Decimal,
    /// The step of the last digit written (exact figures such as `三十六`
    /// have step 1).
    pub step: Decimal,
    /// 1, 10⁴ (万) or 10⁸ (亿) when the figure ends with that magnitude.
    pub magnitude: Decimal,
}

/// Reads a figure in Chinese numerals for counting: `三十六`, `一百零五`,
/// `四十五万`, `四十五点三万`. `None` for what is not a count: a numeral
/// that opens with 百, 千, 万 or 亿 (`千方百计`), or one that elides its last
/// unit (`两万三`, `三百五`: 23000 or 20003?).
pub fn parse_chinese_figure(written: &str) -> Option<ChineseFigure> {
    if written.starts_with(['百', '千', '万', '亿']) {
        return None;
    }
    let (body, magnitude) = if let Some(b) = written.strip_suffix('亿') {
        (b, Decimal::from(100_000_000))
    } else if let Some(b) = written.strip_suffix('万') {
        (b, Decimal::from(10_000))
    } else {
        (written, Decimal::ONE)
    };
    let digit = |c: char| "〇零一二三四五六七八九".find(c).map(|_| c);
    let (int, frac) = match body.split_once('点') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let mut chars = int.chars().rev();
    if let (Some(last), Some(before)) = (chars.next(), chars.next()) {
        if digit(last).is_some() && "百千万亿".contains(before) {
            return None;
        }
    }
    let whole = parse_chinese(int)?;
    let mut value = whole;
    let mut step = Decimal::ONE;
    if let Some(frac) = frac {
        let mut scale = Decimal::ONE;
        for c in frac.chars() {
            let d = parse_chinese(&digit(c)?.to_string())?;
            scale /= Decimal::TEN;
            value += d * scale;
        }
        step = scale;
    }
    Some(ChineseFigure {
        value: value.checked_mul(magnitude)?,
        step: step * magnitude,
        magnitude,
    })
}

/// Rounds `value` to `decimals` places, half away from zero (四舍五入), as
/// yearbooks round; the only rounding helper yblint uses.
pub fn round_half_away(value: Decimal, decimals: u32) -> Decimal {
    value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero)
}

/// A value rounded (四舍五入) to `decimals` places and shown with exactly
/// that many, with `−` (U+2212) for a negative value (`−1.10`, `13.1`).
pub fn signed(v: Decimal, decimals: u32) -> String {
    let mut r = round_half_away(v, decimals);
    r.rescale(decimals);
    if r.is_sign_negative() && !r.is_zero() {
        format!("−{}", r.abs())
    } else {
        r.abs().to_string()
    }
}

/// A value in plain notation without trailing zeros, with `−` (U+2212) for
/// a negative value (`−1.1`, `13.1`), as the derived-figure messages show it.
pub fn signed_plain(v: Decimal) -> String {
    let n = v.normalize();
    if n.is_sign_negative() && !n.is_zero() {
        format!("−{}", n.abs())
    } else {
        n.abs().to_string()
    }
}

/// Writes a decimal without trailing zeros after the decimal mark
/// (`744.00` → `744`, `3.9660` → `3.966`).
pub fn plain(value: Decimal) -> String {
    value.normalize().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn arabic_forms() {
        assert_eq!(parse_arabic("44695.70").unwrap().to_string(), "44695.70");
        assert_eq!(parse_arabic("２０２０").unwrap(), d("2020"));
        assert_eq!(parse_arabic("1,234,567").unwrap(), d("1234567"));
        assert_eq!(parse_arabic("2 346").unwrap(), d("2346"));
        assert_eq!(parse_arabic("18\n\n7").unwrap(), d("187"));
        assert_eq!(parse_arabic("１２．５").unwrap(), d("12.5"));
        assert!(parse_arabic("，").is_none());
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(parse_chinese("三十六"), Some(d("36")));
        assert_eq!(parse_chinese("两"), Some(d("2")));
        assert_eq!(parse_chinese("一百零五"), Some(d("105")));
        assert_eq!(parse_chinese("十二"), Some(d("12")));
        assert_eq!(parse_chinese("一万二千"), Some(d("12000")));
        assert_eq!(parse_chinese("三亿五千万"), Some(d("350000000")));
        assert_eq!(parse_chinese("万"), None);
        assert_eq!(parse_chinese("一亿亿亿亿亿亿亿亿"), None);
        assert_eq!(parse_chinese("一第"), None);
    }

    #[test]
    fn chinese_figures() {
        let f = |s: &str| parse_chinese_figure(s).map(|c| (c.value, c.step, c.magnitude));
        assert_eq!(f("三十六"), Some((d("36"), d("1"), d("1"))));
        assert_eq!(
            f("四十五点三万"),
            Some((d("453000"), d("1000"), d("10000")))
        );
        assert_eq!(f("四十五万"), Some((d("450000"), d("10000"), d("10000"))));
        assert_eq!(f("一百零五"), Some((d("105"), d("1"), d("1"))));
        assert_eq!(f("千零五十四"), None);
        assert_eq!(f("两万三"), None);
        assert_eq!(f("三百五"), None);
        assert_eq!(f("十"), Some((d("10"), d("1"), d("1"))));
    }

    #[test]
    fn rounding_is_half_away_from_zero() {
        assert_eq!(round_half_away(d("2.785"), 2), d("2.79"));
        assert_eq!(round_half_away(d("-2.785"), 2), d("-2.79"));
        assert_eq!(round_half_away(d("35.79"), 1), d("35.8"));
        assert_eq!(round_half_away(d("62.25"), 1), d("62.3"));
    }

    #[test]
    fn plain_drops_trailing_zeros() {
        assert_eq!(plain(d("744.00")), "744");
        assert_eq!(plain(d("3.9660")), "3.966");
    }
}
