//! The documentation cannot drift from the code: every rule in the registry
//! is in the README's table with its category, default severity and summary,
//! and every setting of a rule in rules/default.toml is explained in the
//! rule's own documentation (`yblint rule NAME`).

use yblint::config::{Config, DEFAULT_TOML};
use yblint::rules::registry;

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
    let defaults: toml::Table = toml::from_str(DEFAULT_TOML).unwrap();
    let rules = defaults["rules"].as_table().unwrap();
    for rule in registry() {
        let settings = rules
            .get(rule.name)
            .and_then(|v| v.as_table())
            .unwrap_or_else(|| panic!("rules/default.toml has no [rules.{}]", rule.name));
        for key in settings.keys() {
            assert!(
                rule.docs.contains(&format!("`{key}`")),
                "`yblint rule {}` does not explain the setting `{key}`",
                rule.name
            );
        }
        assert!(rule
            .docs
            .starts_with(&format!("# {} ({})", rule.name, rule.category)));
    }
}
