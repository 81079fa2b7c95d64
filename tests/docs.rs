//! The documentation cannot drift from the code: every rule in the registry
//! is in the README's table with its category, default severity and summary,
//! every setting of a rule in its `rules/CATEGORY/NAME.toml` is explained in
//! the rule's own documentation (`yblint rule NAME`), and every example the
//! documentation shows behaves as it says.

use yblint::config::Config;
use yblint::rules::{documentation, registry};

#[test]
fn readme_lists_every_rule_as_the_registry_does() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let config = Config::builtin().unwrap();
    for rule in registry() {
        let row = readme
            .lines()
            .find(|l| l.starts_with(&format!("| `{}` |", rule.name)))
            .unwrap_or_else(|| panic!("README has no table row for {}", rule.name));
        let cells: Vec<String> = row
            .split('|')
            .map(|c| c.trim().replace('`', ""))
            .filter(|c| !c.is_empty())
            .collect();
        assert_eq!(
            cells,
            vec![
                rule.name.to_string(),
                rule.category.to_string(),
                config.severity_of(rule.name).as_str().to_string(),
                rule.summary.to_string(),
            ],
            "README row for {}",
            rule.name
        );
    }
}

#[test]
fn every_setting_is_documented_by_its_rule() {
    for rule in registry() {
        let settings: toml::Table = toml::from_str(rule.defaults)
            .unwrap_or_else(|e| panic!("{} is not valid TOML: {e}", rule.defaults_path()));
        assert!(
            settings.contains_key("severity"),
            "{} sets no severity",
            rule.defaults_path()
        );
        for key in settings.keys().filter(|k| *k != "severity") {
            assert!(
                rule.docs.contains(&format!("`{key}`")),
                "`yblint rule {}` does not explain the setting `{key}`",
                rule.name
            );
        }
        assert!(
            !rule.docs.trim_start().starts_with('#'),
            "{}: the heading is generated, the docs start with the body",
            rule.name
        );
        let doc = documentation(rule);
        assert!(doc.starts_with(&format!(
            "# {} ({})\n\n{}\n",
            rule.name, rule.category, rule.summary
        )));
        assert!(doc.contains(&format!("Source: {}", rule.source)));
        assert!(
            !rule.source.trim().is_empty(),
            "{} names no source",
            rule.name
        );
    }
}

/// The built-in settings embedded in the binary are the files in `rules/`,
/// one per rule, named by its category and name.
#[test]
fn built_in_settings_live_beside_the_rules() {
    for rule in registry() {
        let on_disk = std::fs::read_to_string(rule.defaults_path())
            .unwrap_or_else(|e| panic!("{}: {e}", rule.defaults_path()));
        assert_eq!(on_disk, rule.defaults, "{}", rule.defaults_path());
    }
}

/// Every example in a rule's documentation behaves as documented: the rule
/// reports a `Wrong` example and is silent on a `Right` one.
#[test]
fn every_documented_example_holds() {
    let config = Config::builtin().unwrap();
    for rule in registry() {
        assert!(
            rule.examples.iter().any(|e| e.wrong) && rule.examples.iter().any(|e| !e.wrong),
            "{} needs at least one wrong and one right example",
            rule.name
        );
        for ex in rule.examples {
            let found: Vec<_> = yblint::check_text(ex.text, &config)
                .unwrap()
                .into_iter()
                .filter(|d| d.rule == rule.name)
                .collect();
            if ex.wrong {
                assert!(
                    !found.is_empty(),
                    "{} does not report its example {:?}",
                    rule.name,
                    ex.text
                );
            } else {
                assert!(
                    found.is_empty(),
                    "{} reports its right example {:?}: {:?}",
                    rule.name,
                    ex.text,
                    found
                );
            }
        }
    }
}
