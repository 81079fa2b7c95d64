//! `yblint rules` and `yblint rule NAME`: the rule list and each rule's
//! documentation, with the tables in use.

use std::path::Path;

use super::config_error;
use crate::config::{find_config, Config};
use crate::rules::{self, registry};

/// Prints every rule with its category, default severity and summary.
pub(super) fn list_rules() -> i32 {
    let config = match Config::builtin() {
        Ok(c) => c,
        Err(e) => return config_error(&e),
    };
    let width = registry().iter().map(|r| r.name.len()).max().unwrap_or(0);
    let mut out = String::new();
    for r in registry() {
        let sev = config.severity_of(r.name);
        out.push_str(&format!(
            "{:width$}  {:<12} {:<8} {}\n",
            r.name,
            r.category,
            sev.as_str(),
            r.summary,
        ));
    }
    print!("{out}");
    0
}

/// Prints the documentation of every rule, one after another (without the
/// tables of breakdown-sum: `yblint rule breakdown-sum` prints them).
pub(super) fn show_all_rules() -> i32 {
    let docs: Vec<String> = registry().iter().map(rules::documentation).collect();
    print!("{}", docs.join("\n"));
    0
}

/// Prints a rule's documentation; exit code 2 for an unknown rule.
pub(super) fn show_rule(name: &str) -> i32 {
    match rules::find(name) {
        Some(r) => {
            print!("{}", rules::documentation(r));
            if r.name != "breakdown-sum" && r.name != "rate-formula" {
                return 0;
            }
            // The tables that steer the rule, as configured for the current
            // folder, so that a user sees their own additions.
            let config = match find_config(Path::new("."))
                .map(|p| Config::from_file(&p))
                .unwrap_or_else(Config::builtin)
            {
                Ok(c) => c,
                Err(e) => return config_error(&e),
            };
            if r.name == "rate-formula" {
                print!("{}", formulas_section(&config));
            } else {
                print!("{}", tables_section(r, &config));
            }
            0
        }
        None => {
            let hint = rules::did_you_mean(name)
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_else(|| "; `yblint rules` lists the rules".into());
            eprintln!("yblint: error: unknown rule `{name}`{hint}");
            2
        }
    }
}

/// The `## Formulas in use` section printed after the documentation of
/// rate-formula: every formula loaded for the current folder, with the file
/// that defines it.
fn formulas_section(config: &Config) -> String {
    let mut out = String::from("\n## Formulas in use\n\n");
    out.push_str(
        "The formulas loaded for the current folder: the built-in `rules/formulas/*.toml`",
    );
    match &config.source {
        Some(p) => out.push_str(&format!(" with the additions of {}.\n", p.display())),
        None => out.push_str(" (no yblint.toml applies here).\n"),
    }
    out.push_str(
        "A finding is an error for a definitional formula, a warning otherwise.\n\n\
         | name | value | unit | scope | kind | file |\n|---|---|---|---|---|---|\n",
    );
    for f in &config.tables.formulas {
        let names: Vec<&str> = f.names().collect();
        let unit = match f.unit.name() {
            "" => "(plain)".to_string(),
            u => format!("`{u}`"),
        };
        let scope = match f.scope {
            crate::formula::Scope::Sentence => "sentence",
            crate::formula::Scope::Paragraph => "paragraph",
            crate::formula::Scope::Entry => "entry",
        };
        let kind = if f.definitional { "error" } else { "warning" };
        out.push_str(&format!(
            "| {} | `{}` | {unit} | {scope} | {kind} | `{}` |\n",
            names.join(", "),
            f.value.replace('|', "\\|"),
            f.file
        ));
    }
    out
}

/// The `## Built-in tables` section printed after the documentation of
/// breakdown-sum: the partitions and `[labels]` word lists of `config`, and
/// the rule's settings lists from its built-in settings (or from the user's
/// file, where it replaces one).
fn tables_section(rule: &rules::RuleDef, config: &Config) -> String {
    let mut out = String::from("\n## Built-in tables\n\n");
    out.push_str(
        "The tables that steer this rule, as loaded for the current folder: the\n\
         built-in `rules/partitions.toml`, `rules/units.toml` and `{}`\n",
    );
    let mut out = out.replace("{}", &rule.defaults_path());
    match &config.source {
        Some(p) => out.push_str(&format!("with the additions of {}.\n", p.display())),
        None => out.push_str("(no yblint.toml applies here).\n"),
    }
    out.push_str(&format!(
        "`[[partition]]` tables in yblint.toml add partitions, `[labels]` adds label\n\
         words, and a list in `[rules.{}]` replaces the built-in one.\n",
        rule.name
    ));

    out.push_str("\n### Partitions (`[[partition]]`)\n\n");
    for p in &config.tables.partitions {
        let members: Vec<String> = p.members.iter().map(|m| m.join("/")).collect();
        let only = if p.totals.is_empty() {
            String::new()
        } else {
            format!(" (only for totals named {})", p.totals.join("/"))
        };
        out.push_str(&format!("* {}{only}: {}\n", p.name, members.join(", ")));
    }

    let w = &config.tables.words;
    out.push_str("\n### Label words (`[labels]`)\n\n");
    for (key, list) in [
        ("non_additive", &w.non_additive),
        ("non_additive_tail", &w.non_additive_tail),
        ("signed", &w.signed),
        ("change", &w.change),
        ("previous", &w.previous),
        ("previous_before", &w.previous_before),
        ("previous_after", &w.previous_after),
        ("stock", &w.stock),
        ("flow", &w.flow),
        ("numeral_terms", &w.numeral_terms),
        ("about_before", &w.about_before),
        ("at_most_before", &w.at_most_before),
        ("at_least_before", &w.at_least_before),
        ("about_after", &w.about_after),
        ("at_most_after", &w.at_most_after),
        ("at_least_after", &w.at_least_after),
    ] {
        out.push_str(&format!("* {key}: {}\n", list.join(", ")));
    }

    out.push_str(&format!(
        "\n### Settings lists (`[rules.{}]`)\n\n",
        rule.name
    ));
    let user = config
        .source
        .as_ref()
        .and_then(|p| std::fs::read_to_string(p).ok())
        .and_then(|t| toml::from_str::<toml::Table>(&t).ok());
    let user_settings = user
        .as_ref()
        .and_then(|t| t.get("rules")?.get(rule.name)?.as_table());
    let defaults: Option<toml::Table> = toml::from_str(rule.defaults).ok();
    for (key, value) in defaults.iter().flatten() {
        let Some(list) = value.as_array() else {
            continue; // severity
        };
        let (list, mut note) = match user_settings.and_then(|t| t.get(key)?.as_array()) {
            Some(mine) => (mine, " (set in yblint.toml)"),
            None => (list, ""),
        };
        // A word, or a group of words (`opposites`, `nested`) as `a/b/c`.
        let item = |v: &toml::Value| match v {
            toml::Value::Array(group) => group
                .iter()
                .filter_map(|w| w.as_str())
                .collect::<Vec<_>>()
                .join("/"),
            other => other.as_str().unwrap_or_default().to_string(),
        };
        let mut words: Vec<String> = list.iter().map(item).collect();
        let extend = format!("extend_{key}");
        if let Some(more) = user_settings.and_then(|t| t.get(&extend)?.as_array()) {
            words.extend(more.iter().map(item));
            note = " (extended in yblint.toml)";
        }
        out.push_str(&format!("* {key}{note}: {}\n", words.join(", ")));
    }
    out
}
