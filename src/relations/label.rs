//! Helpers on labels: shared head nouns, age bands.

use rust_decimal::Decimal;

use crate::quantity::{Approx, Form, Quantity};

/// The longest common suffix of two labels, in characters (`中小学在校学生`
/// and `高中在校学生` share `在校学生`).
pub fn common_suffix(a: &str, b: &str) -> String {
    let mut out: Vec<char> = a
        .chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x)
        .collect();
    out.reverse();
    out.into_iter().collect()
}

/// The length, in characters, of the longest run of characters two labels
/// share (`“10强”企业累计实现工业增加值` and `“10强50户”企业累计实现工业增加值`
/// share `企业累计实现工业增加值`, 11).
pub fn longest_common_run(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut best = 0;
    let mut row = vec![0usize; b.len() + 1];
    for &x in &a {
        let mut prev = 0;
        for (j, &y) in b.iter().enumerate() {
            let here = row[j + 1];
            row[j + 1] = if x == y { prev + 1 } else { 0 };
            best = best.max(row[j + 1]);
            prev = here;
        }
    }
    best
}

/// True when a label names the rest of a list (`其他498万册`, `其中其它类`,
/// `、其他`): such an item closes the list.
pub fn names_other(label: &str) -> bool {
    let l = label.trim_start_matches(['，', ',', '、', '；', ';', ' ']);
    let l = l.strip_prefix("其中").unwrap_or(l);
    let l = l.trim_start_matches(['，', ',', '：', ':']);
    l.starts_with("其他") || l.starts_with("其它")
}

/// Words that end a label without naming anything (户籍人口为86420人).
const LABEL_TAIL: &[&str] = &[
    "达到", "共有", "共计", "合计", "总计", "为", "是", "达", "有", "共", "计", "约", "近",
];

/// The label without the verbs that end it (`全县户籍人口为` → `全县户籍人口`).
pub fn trim_tail(label: &str) -> &str {
    let mut label = label;
    while let Some(t) = LABEL_TAIL.iter().find(|t| label.ends_with(**t)) {
        label = &label[..label.len() - t.len()];
    }
    label
}

/// Words that open a label without restricting what it counts
/// (`年末全县户籍人口` counts the same people as `人口` in a list of
/// `男性、女性人口`: the time, the place and the population basis are not
/// restrictions).
const GENERIC_PREFIXES: &[&str] = &[
    "其中", "年末", "年底", "全年", "年内", "全县", "全市", "全区", "全州", "全省", "全镇", "全乡",
    "本县", "本市", "共有", "合计", "共", "有", "总", "户籍", "常住",
];

/// The label without the generic words it opens with (`年末全县户籍人口` →
/// `人口`).
pub fn strip_generic(label: &str) -> &str {
    let mut label = label;
    while let Some(p) = GENERIC_PREFIXES.iter().find(|p| label.starts_with(**p)) {
        label = &label[p.len()..];
    }
    label
}

/// The last character of the trimmed label: the head of its noun phrase in
/// most yearbook labels (`女生` → `生`, `教师` → `师`).
pub fn head_char(label: &str) -> Option<char> {
    trim_tail(label).chars().next_back()
}

/// The word of `words` that `text` starts with, if any.
pub fn starts_with_any<'w>(text: &str, words: &'w [String]) -> Option<&'w str> {
    words
        .iter()
        .find(|w| text.starts_with(w.as_str()))
        .map(String::as_str)
}

/// The ages an age figure names, as an inclusive interval `[lo, hi]` in
/// years, `hi = None` for "and over": `0-17岁` → [0, 17], `60岁及以上` →
/// [60, ∞), `18岁以下` → [0, 18].
pub fn age_band(q: &Quantity) -> Option<(Decimal, Option<Decimal>)> {
    if q.dimension() != Some("age") {
        return None;
    }
    match (&q.form, q.approx) {
        (Form::Range { lo, hi }, Approx::Exact) => Some((*lo, Some(*hi))),
        (Form::Amount, Approx::AtLeast) => Some((q.value, None)),
        (Form::Amount, Approx::AtMost) => Some((Decimal::ZERO, Some(q.value))),
        _ => None,
    }
}

/// True when the bands cover every age from 0 up without a gap and do not
/// overlap (a boundary year named by both neighbours, as in `18岁以下` and
/// `18-34岁`, is allowed).
pub fn bands_cover(bands: &[(Decimal, Option<Decimal>)]) -> bool {
    let mut sorted = bands.to_vec();
    sorted.sort_by_key(|b| b.0);
    let mut reach = Decimal::ZERO; // every age below `reach` is covered
    for (i, (lo, hi)) in sorted.iter().enumerate() {
        let joins = if i == 0 {
            lo.is_zero()
        } else {
            *lo == reach || *lo + Decimal::ONE == reach
        };
        if !joins {
            return false;
        }
        match hi {
            Some(h) => reach = *h + Decimal::ONE,
            None => return i + 1 == sorted.len(),
        }
    }
    false
}

/// True when two or more bands claim the same ages beyond a shared boundary
/// year (`60岁以上` and `65岁以上`).
pub fn bands_overlap(bands: &[(Decimal, Option<Decimal>)]) -> bool {
    let mut sorted = bands.to_vec();
    sorted.sort_by_key(|b| b.0);
    sorted.windows(2).any(|w| match w[0].1 {
        None => true,
        Some(h) => w[1].0 < h,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(n: i64) -> Decimal {
        Decimal::from(n)
    }

    #[test]
    fn suffix() {
        assert_eq!(
            common_suffix("全县中小学在校学生", "高中在校学生"),
            "在校学生"
        );
        assert_eq!(common_suffix("人口", "资金"), "");
    }

    #[test]
    fn bands() {
        let full = [
            (d(0), Some(d(17))),
            (d(18), Some(d(34))),
            (d(35), Some(d(59))),
            (d(60), None),
        ];
        assert!(bands_cover(&full));
        assert!(!bands_overlap(&full));
        let gap = [(d(0), Some(d(17))), (d(20), Some(d(59))), (d(60), None)];
        assert!(!bands_cover(&gap));
        let no_top = [(d(0), Some(d(17))), (d(18), Some(d(59)))];
        assert!(!bands_cover(&no_top));
        let shared_boundary = [(d(0), Some(d(18))), (d(18), Some(d(59))), (d(60), None)];
        assert!(bands_cover(&shared_boundary));
        assert!(bands_overlap(&[(d(60), None), (d(65), None)]));
    }
}
