//! Rules: one file a rule, and the registry that drives the CLI
//! (`yblint rules`, `yblint rule NAME`), configuration and checking.
//!
//! A rule reads the parsed draft, its quantities and relations from a
//! [`Context`] and pushes [`Diagnostic`]s; it never reads files or prints.

pub mod breakdown_sum;

use toml::de::DeValue;
use toml::Spanned;

use crate::config::Tables;
use crate::diagnostic::Diagnostic;
use crate::quantity::Quantity;
use crate::relations::Doc;
use crate::syntax::Draft;

/// Everything a rule may look at for one draft.
pub struct Context<'a> {
    /// The checked text.
    pub text: &'a str,
    /// Its parse tree.
    pub draft: &'a Draft,
    /// Its quantities in source order.
    pub quantities: &'a [Quantity],
    /// The draft indexed for relation extraction.
    pub doc: &'a Doc<'a>,
    /// Units, label words, partitions.
    pub tables: &'a Tables,
}

/// A check over one draft.
pub trait Rule: Send + Sync {
    /// Pushes the rule's findings; the severity a rule gives is the highest
    /// it is sure of, and configuration may lower it further.
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>);
}

/// Builds a rule from its merged settings (built-in keys overlaid with the
/// user's, `severity` removed); errors carry spans into the TOML.
pub type BuildFn = for<'i> fn(Spanned<DeValue<'i>>) -> Result<Box<dyn Rule>, toml::de::Error>;

/// A rule's registry entry.
pub struct RuleDef {
    /// Stable kebab-case name (`breakdown-sum`).
    pub name: &'static str,
    /// Category (`arithmetic`, `number`, `punctuation` …).
    pub category: &'static str,
    /// One-line summary for `yblint rules`.
    pub summary: &'static str,
    /// Full documentation for `yblint rule NAME`: what, why (norm and
    /// clause), settings, examples.
    pub docs: &'static str,
    /// Builds the rule from its settings.
    pub build: BuildFn,
}

static REGISTRY: &[RuleDef] = &[breakdown_sum::DEF];

/// Every rule yblint has, in a stable order.
pub fn registry() -> &'static [RuleDef] {
    REGISTRY
}

/// The rule called `name`.
pub fn find(name: &str) -> Option<&'static RuleDef> {
    REGISTRY.iter().find(|r| r.name == name)
}

/// The rule name closest to a misspelt one (edit distance at most 2).
pub fn did_you_mean(name: &str) -> Option<&'static str> {
    REGISTRY
        .iter()
        .map(|r| (edit_distance(name, r.name), r.name))
        .filter(|(d, _)| *d <= 2)
        .min()
        .map(|(_, n)| n)
}

pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}
