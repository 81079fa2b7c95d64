//! Named formulas (`[[formula]]` tables): a rate a draft states by name
//! (`逾期率`) and the expression over other stated figures it must equal
//! (`逾期金额 / 贷款余额`).
//!
//! Built-in formulas live in `rules/formulas/*.toml`, one file a domain;
//! users add theirs in `yblint.toml` (`[[formula]]`) or in files it names
//! (`formula_files`). [`config`] loads them with spans into the TOML;
//! [`expr`] parses the expression with the pest grammar
//! `grammar/formula.pest` and evaluates it over exact-decimal
//! [`Interval`](crate::quantity::Interval)s. The rule that checks them is
//! `rate-formula` (`src/rules/arithmetic/rate_formula.rs`).

pub mod config;
pub mod expr;

pub use expr::{Dim, Expression};

/// The unit a rate is stated in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RateUnit {
    /// `%`: the stated figure is a percentage.
    Percent,
    /// `‰`: the stated figure is a permille figure.
    Permille,
    /// `""`: a plain ratio, written without a unit.
    Plain,
    /// A measure with a unit of the expression's dimension (`"公斤/公顷"`,
    /// `"人/户"`): the stated figure is read in its own unit when it writes
    /// one in full (`5194.9公斤/公顷`), else in this one (`平均亩产1250公斤`
    /// under `"公斤/亩"`).
    Measure(String),
}

impl RateUnit {
    /// The unit named in a formula file (`"%"`, `"‰"`, `""`, or a unit such
    /// as `"公斤/公顷"`, written with Chinese characters); `None` for a name
    /// that cannot be a unit (`percent`, spaces, digits).
    pub fn from_name(name: &str) -> Option<RateUnit> {
        match name {
            "%" | "％" => Some(RateUnit::Percent),
            "‰" => Some(RateUnit::Permille),
            "" => Some(RateUnit::Plain),
            n if n.chars().any(|c| c >= '\u{2E80}')
                && n.chars().all(|c| !c.is_whitespace() && !c.is_ascii_digit())
                && n.chars().count() <= 12 =>
            {
                Some(RateUnit::Measure(n.to_string()))
            }
            _ => None,
        }
    }

    /// The unit as a formula file writes it.
    pub fn name(&self) -> &str {
        match self {
            RateUnit::Percent => "%",
            RateUnit::Permille => "‰",
            RateUnit::Plain => "",
            RateUnit::Measure(u) => u,
        }
    }
}

/// Where a formula's operands are looked up, from the stated rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Scope {
    /// The rate's sentence.
    Sentence,
    /// The rate's paragraph.
    Paragraph,
    /// The rate's entry (条目: the paragraph with the `【…】` title and the
    /// paragraphs after it up to the next title); the paragraph outside an entry.
    Entry,
}

impl Scope {
    /// The scope named in a formula file (`"sentence"`, `"paragraph"`, `"entry"`).
    pub fn from_name(name: &str) -> Option<Scope> {
        match name {
            "sentence" => Some(Scope::Sentence),
            "paragraph" => Some(Scope::Paragraph),
            "entry" => Some(Scope::Entry),
            _ => None,
        }
    }
}

/// One named formula.
#[derive(Debug, Clone, PartialEq)]
pub struct Formula {
    /// The name the stated rate's label ends with (`个贷率`).
    pub name: String,
    /// Other names of the same rate (`个人住房贷款率`).
    pub aliases: Vec<String>,
    /// The expression as written in the file.
    pub value: String,
    /// The parsed expression; it computes a plain ratio (0.623 for 62.3%).
    pub expression: Expression,
    /// The unit the rate is stated in.
    pub unit: RateUnit,
    /// Where operands are looked up.
    pub scope: Scope,
    /// Where the definition comes from (a statistical standard).
    pub source: String,
    /// A definition, not a convention: a contradiction is an error (a
    /// warning otherwise).
    pub definitional: bool,
    /// Words that, in a label, mean another quantity: such a figure is
    /// neither the stated rate nor an operand (`户籍` for 城镇化率).
    pub exclude: Vec<String>,
    /// The file that defines the formula, as diagnostics name it
    /// (`rules/formulas/housing-fund.toml`, `yblint.toml`).
    pub file: String,
}

impl Formula {
    /// Every name of the rate: [`Formula::name`] and its aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}
