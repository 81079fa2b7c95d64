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
            section += digit.take().unwrap_or(0);
            if section == 0 && total == 0 {
                return None;
            }
            if unit == 100_000_000 {
                total = (total + section) * unit;
            } else {
                total += section * unit;
            }
            section = 0;
        } else {
            section += digit.take().unwrap_or(1) * unit;
        }
    }
    if !any {
        return None;
    }
    section += digit.unwrap_or(0);
    Some(Decimal::from_i128_with_scale(total + section, 0))
}

/// Rounds `value` to `decimals` places, half away from zero (四舍五入), as
/// yearbooks round; the only rounding helper yblint uses.
pub fn round_half_away(value: Decimal, decimals: u32) -> Decimal {
    value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero)
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
        assert_eq!(parse_chinese("一第"), None);
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
