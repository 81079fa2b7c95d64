//! The unit table (`rules/units.toml`) and the label words that change how a
//! figure counts (non-additive, change, previous period).

use rust_decimal::Decimal;
use serde::Deserialize;

/// One unit of measurement (计量单位), as declared in `rules/units.toml` or a
/// user's `[[unit]]` table.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// The unit as written after a number: `户`, `人次`, `千米`.
    pub name: String,
    /// What it measures; only quantities of one dimension add up
    /// (`persons`, `households`, `money`, `count:所`).
    pub dimension: String,
    /// Factor to the dimension's base unit (`千米` = 1000 × `米`); default 1.
    #[serde(default = "one")]
    pub factor: Decimal,
    /// Counted whole: an integer written without magnitude is exact.
    #[serde(default)]
    pub discrete: bool,
    /// False for units whose figures never add up (个百分点).
    #[serde(default = "yes")]
    pub additive: bool,
    /// Units with the same `mixes` name count the same kind of thing, and a
    /// draft may mix them in one list (`医疗机构64个，其中公立医疗机构34家`,
    /// `学校58所，…教学点12个`): a part in one may belong to a total in
    /// another. Empty for units that mix with no other.
    #[serde(default)]
    pub mixes: String,
}

impl Unit {
    /// True when figures in `self` and `other` may be parts of one another
    /// (the same dimension, or units a draft mixes for one kind of thing).
    pub fn mixes_with(&self, other: &Unit) -> bool {
        self.dimension == other.dimension || (!self.mixes.is_empty() && self.mixes == other.mixes)
    }
}

fn one() -> Decimal {
    Decimal::ONE
}

fn yes() -> bool {
    true
}

/// Words in labels that change how a figure counts; `[labels]` in
/// `rules/units.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabelWords {
    /// A label containing one of these makes the figure non-additive (人均, 率).
    #[serde(default, deserialize_with = "crate::config::words")]
    pub non_additive: Vec<String>,
    /// A label ending with one of these (before 为, 达 …) makes the figure
    /// non-additive (单笔最高, 最低工资标准).
    #[serde(default, deserialize_with = "crate::config::words")]
    pub non_additive_tail: Vec<String>,
    /// A label ending with one of these makes the figure a change (增加120人).
    #[serde(default, deserialize_with = "crate::config::words")]
    pub change: Vec<String>,
    /// A label containing one of these makes the figure another period's (上年).
    #[serde(default, deserialize_with = "crate::config::words")]
    pub previous: Vec<String>,
    /// Written right before a figure: a starting level (由480户).
    #[serde(default, deserialize_with = "crate::config::words")]
    pub previous_before: Vec<String>,
    /// Written right after a figure: the level compared with (`与2010年的
    /// 703428人相比`).
    #[serde(default, deserialize_with = "crate::config::words")]
    pub previous_after: Vec<String>,
    /// A label with one of these gives the figure a sign its digits do not
    /// show (亏损, 逆差, 净迁出).
    #[serde(default, deserialize_with = "crate::config::words")]
    pub signed: Vec<String>,
    /// A label with one of these is a stock (余额): a balance at a moment.
    #[serde(default, deserialize_with = "crate::config::words")]
    pub stock: Vec<String>,
    /// A label with one of these (and no stock word) is a flow (全年发放).
    #[serde(default, deserialize_with = "crate::config::words")]
    pub flow: Vec<String>,
    /// Fixed terms that open with a Chinese numeral and a unit but state no
    /// figure (`三次产业`, `一次性`, `二级医院`): a numeral that starts one of
    /// them is not read as a figure.
    #[serde(default, deserialize_with = "crate::config::words")]
    pub numeral_terms: Vec<String>,
    /// Written right before a figure: a fuzzy value (约, 大约, 大致).
    #[serde(default, deserialize_with = "crate::config::words")]
    pub about_before: Vec<String>,
    /// Written right before a figure: the true value is at most the figure (近, 不足, 不超过).
    #[serde(default, deserialize_with = "crate::config::words")]
    pub at_most_before: Vec<String>,
    /// Written right before a figure: the true value is at least the figure (逾, 超过, 不少于).
    #[serde(default, deserialize_with = "crate::config::words")]
    pub at_least_before: Vec<String>,
    /// Written right after a figure's unit: a fuzzy value (左右, 上下).
    #[serde(default, deserialize_with = "crate::config::words")]
    pub about_after: Vec<String>,
    /// Written right after a figure's unit: at most (以下, 以内).
    #[serde(default, deserialize_with = "crate::config::words")]
    pub at_most_after: Vec<String>,
    /// Written right after a figure's unit: at least (以上, 多).
    #[serde(default, deserialize_with = "crate::config::words")]
    pub at_least_after: Vec<String>,
}

/// Whether a figure is a balance at a moment or an amount over a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Timing {
    /// A balance at a moment (余额, 年末…).
    Stock,
    /// An amount over a period (全年发放, 累计).
    Flow,
    /// The label does not say.
    Unknown,
}

impl LabelWords {
    /// The approximation words written before a figure, longest first (so
    /// that `不低于` is read before `低于`, `约为` before `约`).
    pub fn approx_before(&self) -> Vec<(&str, super::Approx)> {
        use super::Approx::{About, AtLeast, AtMost};
        longest_first(&[
            (&self.about_before, About),
            (&self.at_most_before, AtMost),
            (&self.at_least_before, AtLeast),
        ])
    }

    /// The approximation words written after a figure's unit, longest first.
    pub fn approx_after(&self) -> Vec<(&str, super::Approx)> {
        use super::Approx::{About, AtLeast, AtMost};
        longest_first(&[
            (&self.about_after, About),
            (&self.at_most_after, AtMost),
            (&self.at_least_after, AtLeast),
        ])
    }

    /// Stock, flow or unknown, from the words of a label.
    pub fn timing(&self, label: &str) -> Timing {
        if self.stock.iter().any(|w| label.contains(w.as_str())) {
            Timing::Stock
        } else if self.flow.iter().any(|w| label.contains(w.as_str())) {
            Timing::Flow
        } else {
            Timing::Unknown
        }
    }
}

/// All known units, searched longest name first.
#[derive(Debug, Clone, Default)]
pub struct UnitTable {
    units: Vec<Unit>,
}

impl UnitTable {
    /// Builds the table; a later unit with the same name replaces an earlier one.
    pub fn new(units: impl IntoIterator<Item = Unit>) -> Self {
        let mut table: Vec<Unit> = Vec::new();
        for u in units {
            if let Some(existing) = table.iter_mut().find(|e| e.name == u.name) {
                *existing = u;
            } else {
                table.push(u);
            }
        }
        table.sort_by_key(|u| std::cmp::Reverse(u.name.chars().count()));
        UnitTable { units: table }
    }

    /// The longest unit whose name starts `text`.
    pub fn longest_prefix(&self, text: &str) -> Option<&Unit> {
        self.units
            .iter()
            .find(|u| text.starts_with(u.name.as_str()))
    }

    /// The unit called `name`.
    pub fn get(&self, name: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.name == name)
    }
}

fn longest_first<'w>(lists: &[(&'w Vec<String>, super::Approx)]) -> Vec<(&'w str, super::Approx)> {
    let mut out: Vec<(&str, super::Approx)> = lists
        .iter()
        .flat_map(|(words, a)| words.iter().map(move |w| (w.as_str(), *a)))
        .collect();
    out.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(name: &str, dim: &str) -> Unit {
        Unit {
            name: name.into(),
            dimension: dim.into(),
            factor: Decimal::ONE,
            discrete: true,
            additive: true,
            mixes: String::new(),
        }
    }

    #[test]
    fn longest_name_wins() {
        let t = UnitTable::new([unit("人", "persons"), unit("人次", "person-times")]);
        assert_eq!(t.longest_prefix("人次，").unwrap().name, "人次");
        assert_eq!(t.longest_prefix("人，").unwrap().name, "人");
        assert!(t.longest_prefix("元").is_none());
    }

    #[test]
    fn later_unit_replaces_earlier() {
        let t = UnitTable::new([unit("个", "count:个"), unit("个", "things")]);
        assert_eq!(t.get("个").unwrap().dimension, "things");
    }
}
