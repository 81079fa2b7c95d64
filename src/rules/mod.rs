//! Rules: one file a rule, one folder a category, and the registry that
//! drives the CLI (`yblint rules`, `yblint rule NAME`), configuration and
//! checking.
//!
//! A rule reads the parsed draft, its quantities and relations from a
//! [`Context`] and pushes [`Diagnostic`]s; it never reads files or prints.
//!
//! Each rule `src/rules/CATEGORY/NAME.rs` exports a [`RuleDef`] whose
//! built-in settings are the TOML file `rules/CATEGORY/NAME.toml` (embedded
//! with `include_str!`), and whose examples are run by the test suite, so
//! that the documentation `yblint rule NAME` prints cannot drift.

pub mod arithmetic;
pub mod number;
pub mod punctuation;
pub mod scan;
pub mod statistics;
pub mod style;
pub mod time;
pub mod unit;

use std::sync::LazyLock;

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
    /// The relations between its figures, read once for every rule.
    pub graph: &'a crate::relations::Graph,
    /// Units, label words, partitions.
    pub tables: &'a Tables,
    /// Where rules record the relations they checked and the ones they
    /// could not check, with the reason.
    pub coverage: &'a crate::coverage::Coverage,
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

/// One example in a rule's documentation, checked by the test suite: the
/// rule reports `text` when `wrong` is true and stays silent on it otherwise.
#[derive(Debug, Clone, Copy)]
pub struct Example {
    /// A sentence or paragraph in the style of a yearbook draft.
    pub text: &'static str,
    /// Whether the rule reports it.
    pub wrong: bool,
    /// Why (shown after `Wrong`/`Right` in the documentation); may be empty.
    pub note: &'static str,
}

impl Example {
    /// An example the rule reports.
    pub const fn wrong(text: &'static str, note: &'static str) -> Example {
        Example {
            text,
            wrong: true,
            note,
        }
    }

    /// An example the rule leaves alone.
    pub const fn right(text: &'static str, note: &'static str) -> Example {
        Example {
            text,
            wrong: false,
            note,
        }
    }
}

/// Deserialises a rule's settings (the built-in keys overlaid with the
/// user's, `severity` removed) into the rule's `Settings` struct; use it in a
/// rule's [`BuildFn`]. Errors carry the span of the offending value.
pub fn settings<S: serde::de::DeserializeOwned>(
    value: Spanned<DeValue<'_>>,
) -> Result<S, toml::de::Error> {
    use serde::de::IntoDeserializer;
    S::deserialize(value.into_deserializer())
}

/// A rule's registry entry.
#[derive(Clone, Copy)]
pub struct RuleDef {
    /// Stable kebab-case name (`breakdown-sum`).
    pub name: &'static str,
    /// Category (`arithmetic`, `number`, `punctuation` …).
    pub category: &'static str,
    /// One-line summary for `yblint rules`.
    pub summary: &'static str,
    /// The norm and clause the rule enforces (`GB/T 15835-2011 §4.2`), or
    /// the editorial requirement it rests on.
    pub source: &'static str,
    /// Documentation body (Markdown) for `yblint rule NAME`: what the rule
    /// checks, what it leaves alone, and every setting. [`documentation`]
    /// adds the heading, source, examples and default settings.
    pub docs: &'static str,
    /// Examples, run by the test suite and printed by `yblint rule NAME`.
    pub examples: &'static [Example],
    /// Built-in settings: the text of `rules/CATEGORY/NAME.toml`, keys at the
    /// top level (`severity` and the rule's own).
    pub defaults: &'static str,
    /// Builds the rule from its settings.
    pub build: BuildFn,
}

impl RuleDef {
    /// A finding of this rule at `span` (see [`Diagnostic::new`]).
    pub fn diagnostic(
        &self,
        severity: crate::diagnostic::Severity,
        span: crate::span::Span,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic::new(self.name, self.category, severity, span, message)
    }

    /// Where the built-in settings live in the source tree:
    /// `rules/CATEGORY/NAME.toml`.
    pub fn defaults_path(&self) -> String {
        format!("rules/{}/{}.toml", self.category, self.name)
    }
}

static REGISTRY: LazyLock<Vec<RuleDef>> = LazyLock::new(|| {
    [
        arithmetic::RULES,
        number::RULES,
        unit::RULES,
        punctuation::RULES,
        time::RULES,
        statistics::RULES,
        style::RULES,
    ]
    .concat()
});

/// Every rule yblint has, in a stable order (by category, then as each
/// category lists them).
pub fn registry() -> &'static [RuleDef] {
    &REGISTRY
}

/// The full documentation of a rule as `yblint rule NAME` prints it:
/// heading, summary, source, body, examples and built-in settings.
pub fn documentation(def: &RuleDef) -> String {
    let mut out = format!(
        "# {} ({})\n\n{}\n\nSource: {}\n\n{}",
        def.name,
        def.category,
        def.summary,
        def.source,
        def.docs.trim()
    );
    if !def.examples.is_empty() {
        out.push_str("\n\n## Examples\n");
        for ex in def.examples {
            let kind = if ex.wrong { "Wrong" } else { "Right" };
            let note = if ex.note.is_empty() {
                String::new()
            } else {
                format!(" ({})", ex.note)
            };
            out.push_str(&format!("\n{kind}{note}:\n\n    {}\n", ex.text));
        }
    }
    out.push_str(&format!(
        "\n## Built-in settings (`{}`)\n\nOverride any key under `[rules.{}]` in yblint.toml.\n\n```toml\n{}\n```\n",
        def.defaults_path(),
        def.name,
        def.defaults.trim()
    ));
    out
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
