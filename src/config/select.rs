//! Which rules run: `select`/`ignore` in `yblint.toml` and `--select`,
//! `--extend-select`, `--ignore` on the command line, each a list of rule
//! names and categories (`breakdown-sum`, `punctuation`, `all`).
//!
//! A rule runs when its configured severity is not `off`, it is selected
//! (by `select`, everything when there is none, or by `extend-select`) and
//! not ignored. `--select` replaces the file's `select`; `--ignore` and
//! `--extend-select` add to the file's lists.

use crate::rules::{registry, RuleDef};

/// A choice of rules by name or category.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// The rules that run (`None`: all of them).
    pub select: Option<Vec<String>>,
    /// Rules added to `select`.
    pub extend_select: Vec<String>,
    /// Rules that do not run, whatever selects them.
    pub ignore: Vec<String>,
}

impl Selection {
    /// True when nothing is chosen: every rule runs.
    pub fn is_empty(&self) -> bool {
        self.select.is_none() && self.extend_select.is_empty() && self.ignore.is_empty()
    }

    /// The selection of the command line (`over`) laid over that of a
    /// configuration file (`self`).
    pub fn overlaid(&self, over: &Selection) -> Selection {
        Selection {
            select: over.select.clone().or_else(|| self.select.clone()),
            extend_select: [self.extend_select.clone(), over.extend_select.clone()].concat(),
            ignore: [self.ignore.clone(), over.ignore.clone()].concat(),
        }
    }

    /// Whether the rule `def` runs under this selection.
    pub fn enables(&self, def: &RuleDef) -> bool {
        let names = |list: &[String]| list.iter().any(|n| names_rule(n, def));
        let selected = self.select.as_deref().is_none_or(names) || names(&self.extend_select);
        selected && !names(&self.ignore)
    }
}

/// Whether `name` (a rule name, a category or `all`) names the rule `def`.
fn names_rule(name: &str, def: &RuleDef) -> bool {
    name == "all" || name == def.name || name == def.category
}

/// Checks that `name` is a rule name, a category or `all`; the error says
/// what it might have meant.
pub fn check_name(name: &str) -> Result<(), String> {
    if name == "all"
        || registry()
            .iter()
            .any(|r| r.name == name || r.category == name)
    {
        return Ok(());
    }
    let hint = crate::rules::did_you_mean(name)
        .map(|s| format!("; did you mean `{s}`?"))
        .unwrap_or_else(|| {
            let mut categories: Vec<&str> = registry().iter().map(|r| r.category).collect();
            categories.dedup();
            categories.sort_unstable();
            categories.dedup();
            format!(
                "; give a rule name (`yblint rules` lists them), a category ({}) or `all`",
                categories.join(", ")
            )
        });
    Err(format!("unknown rule or category `{name}`{hint}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selects_by_name_and_category() {
        let sum = crate::rules::find("breakdown-sum").unwrap();
        let dup = crate::rules::find("punct-duplicate").unwrap();
        let s = Selection {
            select: Some(vec!["punctuation".into()]),
            ..Selection::default()
        };
        assert!(!s.enables(sum) && s.enables(dup));
        let s = s.overlaid(&Selection {
            extend_select: vec!["breakdown-sum".into()],
            ignore: vec!["punct-duplicate".into()],
            ..Selection::default()
        });
        assert!(s.enables(sum) && !s.enables(dup));
        assert!(check_name("punctuation").is_ok());
        assert!(check_name("punctuaton").is_err());
    }
}
