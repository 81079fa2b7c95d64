//! Configuration: the built-in tables and rule settings (`rules/*.toml`,
//! embedded in the binary) merged with a user's `yblint.toml`.
//!
//! Loading is strict: an unknown key, an unknown rule or a value of the wrong
//! type is a [`ConfigError`] that carries the byte span of the offending text
//! in the TOML file, so it can be shown with the file's own lines.

mod discover;
mod overrides;
mod select;

pub use discover::{find_config, CONFIG_NAME};
pub use overrides::Overrides;
pub use select::{check_name as check_rule_name, Selection};

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::de::{Deserialize, DeserializeOwned, IntoDeserializer};
use toml::de::{DeTable, DeValue};
use toml::Spanned;

use crate::diagnostic::Severity;
use crate::quantity::{LabelWords, Unit, UnitTable};
use crate::relations::Partition;
use crate::rules::{registry, Rule, RuleDef};
use crate::span::Span;

/// `rules/units.toml`: built-in units and label words.
pub const UNITS_TOML: &str = include_str!("../../rules/units.toml");
/// `rules/partitions.toml`: built-in partitions.
pub const PARTITIONS_TOML: &str = include_str!("../../rules/partitions.toml");

/// Top-level keys a `yblint.toml` may have.
const TOP_KEYS: &[&str] = &[
    "rules",
    "unit",
    "partition",
    "labels",
    "formula",
    "formula_files",
    "overrides",
    "select",
    "ignore",
];

/// A configuration file that could not be used: where and why.
#[derive(Debug, Clone)]
pub struct ConfigError {
    /// The file (a built-in file is named `<built-in>/rules/…`).
    pub path: PathBuf,
    /// Its text, for rendering the span.
    pub text: String,
    /// The offending bytes, when known.
    pub span: Option<Span>,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

impl std::error::Error for ConfigError {}

/// The tables yblint reads drafts with.
#[derive(Debug, Clone, Default)]
pub struct Tables {
    /// Units of measurement.
    pub units: UnitTable,
    /// Label words (non-additive, change, previous period).
    pub words: LabelWords,
    /// Partitions that make breakdowns exhaustive.
    pub partitions: Vec<Partition>,
    /// Named formulas (`rules/formulas/*.toml`, `[[formula]]`, `formula_files`).
    pub formulas: Vec<crate::formula::Formula>,
    /// The breakdown words every rule reads breakdowns with: the settings of
    /// `[rules.breakdown-sum]` (`statement_verbs`, `end_words` … and their
    /// `extend_…` lists), whatever that rule's severity.
    pub breakdown: crate::relations::BreakdownOptions,
}

/// One enabled rule with its configured severity.
pub struct ActiveRule {
    /// The rule's registry entry.
    pub def: &'static RuleDef,
    /// Configured severity (never `Off`): the highest a finding can get.
    pub severity: Severity,
    /// The rule, built from its merged settings.
    pub rule: Box<dyn Rule>,
}

/// A loaded configuration: tables and enabled rules.
pub struct Config {
    /// Units, label words and partitions.
    pub tables: Tables,
    /// Enabled rules, in registry order.
    pub rules: Vec<ActiveRule>,
    /// The user file it was loaded from, if any.
    pub source: Option<PathBuf>,
    /// Per-path settings (`[[overrides]]`); see [`Config::with_overrides`].
    pub overrides: Overrides,
    /// Which rules run: the file's `select`/`ignore` with the command line's
    /// laid over them; `rules` holds only the rules it enables.
    pub selection: Selection,
    /// Whether the coverage records each relation with its place and
    /// arithmetic (`--coverage=all`); off by default, as it costs memory on
    /// large drafts.
    pub relation_detail: bool,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct UnitsFile {
    unit: Vec<Unit>,
    labels: LabelWords,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct PartitionsFile {
    partition: Vec<Partition>,
}

fn builtin_msg(name: &str, text: &str, message: String) -> ConfigError {
    ConfigError {
        path: PathBuf::from(format!("<built-in>/rules/{name}")),
        text: text.to_string(),
        span: None,
        message,
    }
}

/// The elements of an array of tables (`[[unit]]`, `[[partition]]`), each
/// with the span of its table in the file.
fn tables<T: DeserializeOwned>(
    value: &Spanned<DeValue<'_>>,
) -> Result<Vec<(T, std::ops::Range<usize>)>, toml::de::Error> {
    match value.get_ref() {
        DeValue::Array(items) => items
            .iter()
            .map(|item| {
                Ok((
                    T::deserialize(item.clone().into_deserializer())?,
                    item.span(),
                ))
            })
            .collect(),
        // Not an array: let serde say what is wrong with it.
        _ => Ok(Vec::<T>::deserialize(value.clone().into_deserializer())?
            .into_iter()
            .map(|t| (t, value.span()))
            .collect()),
    }
}

/// Why a unit cannot be used: an empty name would match after every number,
/// a factor of zero or less would turn every figure into nonsense.
fn check_unit(u: &Unit) -> Result<(), String> {
    if u.name.trim().is_empty() {
        return Err("a unit needs a name: `name` is empty".into());
    }
    if u.factor <= rust_decimal::Decimal::ZERO {
        return Err(format!(
            "unit `{}` has factor {}; a factor must be greater than 0",
            u.name, u.factor
        ));
    }
    Ok(())
}

/// Deserialises a word list, refusing an empty word: every label contains
/// it, so it would switch a rule off or on everywhere. Use with
/// `#[serde(deserialize_with = "crate::config::words")]`.
pub fn words<'de, D>(d: D) -> Result<Vec<String>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    let list = Vec::<String>::deserialize(d)?;
    if list.iter().any(|w| w.trim().is_empty()) {
        return Err(serde::de::Error::custom(
            "a word list has an empty word: every label contains it",
        ));
    }
    Ok(list)
}

/// Why a partition cannot be used: a single member, or a member with no
/// words, covers nothing; an empty word is contained in every label.
fn check_partition(p: &Partition) -> Result<(), String> {
    if p.members.len() < 2 || p.members.iter().any(|m| m.is_empty()) {
        return Err(format!(
            "partition `{}` needs at least two members, each with at least one word",
            p.name
        ));
    }
    if p.members.iter().flatten().any(|w| w.trim().is_empty()) {
        return Err(format!(
            "partition `{}` has an empty word: every label contains it",
            p.name
        ));
    }
    Ok(())
}

/// Rewrites serde's `unknown field `x`, expected one of …` so that the list
/// also names `extra` (keys taken out before deserialising, as `severity`)
/// and ends with "; did you mean `…`?" when a key is within edit distance 2.
/// Other messages are returned trimmed and unchanged.
pub(crate) fn unknown_field_hint(message: &str, extra: &[&str]) -> String {
    let message = message.trim();
    let Some(rest) = message.strip_prefix("unknown field `") else {
        return message.to_string();
    };
    let Some((field, expected)) = rest.split_once('`') else {
        return message.to_string();
    };
    let mut allowed: Vec<&str> = extra.to_vec();
    for (i, part) in expected.split('`').enumerate() {
        if i % 2 == 1 && !allowed.contains(&part) {
            allowed.push(part);
        }
    }
    let list = match allowed.as_slice() {
        [] => "there are no fields".to_string(),
        [one] => format!("expected `{one}`"),
        many => format!(
            "expected one of {}",
            many.iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    let hint = allowed
        .iter()
        .map(|k| (crate::rules::edit_distance(field, k), *k))
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| format!("; did you mean `{k}`?"))
        .unwrap_or_default();
    format!("unknown field `{field}`, {list}{hint}")
}

fn builtin_err(name: &str, text: &str, e: toml::de::Error) -> ConfigError {
    ConfigError {
        path: PathBuf::from(format!("<built-in>/rules/{name}")),
        text: text.to_string(),
        span: e.span().map(|r| Span::new(r.start, r.end)),
        message: e.message().to_string(),
    }
}

impl Config {
    /// The built-in configuration.
    pub fn builtin() -> Result<Config, ConfigError> {
        Config::load(None)
    }

    /// Loads the built-in configuration and merges the user file at `path`.
    ///
    /// Errors: the file cannot be read, is not TOML, or has an unknown key,
    /// an unknown rule or a value of the wrong type (with its span).
    pub fn from_file(path: &Path) -> Result<Config, ConfigError> {
        Config::from_file_with(path, &Selection::default())
    }

    /// As [`Config::from_file`], with the command line's choice of rules
    /// (`--select`, `--ignore` …) laid over the file's.
    pub fn from_file_with(path: &Path, cli: &Selection) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            path: path.to_path_buf(),
            text: String::new(),
            span: None,
            message: format!("cannot read configuration: {e}"),
        })?;
        Config::load_with(Some((path, &text)), cli)
    }

    /// Builds a configuration from the built-ins and an optional user file
    /// given as (path, text).
    pub fn load(user: Option<(&Path, &str)>) -> Result<Config, ConfigError> {
        Config::load_with(user, &Selection::default())
    }

    /// As [`Config::load`], with the command line's choice of rules laid
    /// over the file's `select`/`ignore`.
    pub fn load_with(user: Option<(&Path, &str)>, cli: &Selection) -> Result<Config, ConfigError> {
        let units: UnitsFile =
            toml::from_str(UNITS_TOML).map_err(|e| builtin_err("units.toml", UNITS_TOML, e))?;
        let parts: PartitionsFile = toml::from_str(PARTITIONS_TOML)
            .map_err(|e| builtin_err("partitions.toml", PARTITIONS_TOML, e))?;
        for u in &units.unit {
            check_unit(u).map_err(|m| builtin_msg("units.toml", UNITS_TOML, m))?;
        }
        for p in &parts.partition {
            check_partition(p).map_err(|m| builtin_msg("partitions.toml", PARTITIONS_TOML, m))?;
        }
        let mut default_rules = DeTable::new();
        for def in registry() {
            let table = DeTable::parse(def.defaults).map_err(|e| ConfigError {
                path: PathBuf::from(format!("<built-in>/{}", def.defaults_path())),
                text: def.defaults.to_string(),
                span: e.span().map(|r| Span::new(r.start, r.end)),
                message: e.message().to_string(),
            })?;
            default_rules.insert(
                Spanned::new(0..0, def.name.into()),
                Spanned::new(0..0, DeValue::Table(table.into_inner())),
            );
        }

        let mut unit_list = units.unit;
        let mut words = units.labels;
        let mut partitions = parts.partition;
        let mut user_rules = DeTable::new();
        let mut formulas = crate::formula::config::builtin()?;
        let mut overrides = Overrides::default();
        let mut file_selection = Selection::default();

        let path = user.map(|(p, _)| p.to_path_buf());
        if let Some((path, text)) = user {
            let err = |span: Option<std::ops::Range<usize>>, message: String| ConfigError {
                path: path.to_path_buf(),
                text: text.to_string(),
                span: span.map(|r| Span::new(r.start, r.end)),
                message,
            };
            let de_err = |e: toml::de::Error| err(e.span(), unknown_field_hint(e.message(), &[]));
            let table = DeTable::parse(text).map_err(de_err)?;
            for (key, value) in table.get_ref().iter() {
                match key.get_ref().as_ref() {
                    "rules" => match value.get_ref() {
                        DeValue::Table(t) => user_rules = t.clone(),
                        _ => {
                            return Err(err(
                                Some(value.span()),
                                "`rules` must be a table of rule names".into(),
                            ))
                        }
                    },
                    "unit" => {
                        for (u, span) in tables::<Unit>(value).map_err(de_err)? {
                            check_unit(&u).map_err(|m| err(Some(span), m))?;
                            unit_list.push(u);
                        }
                    }
                    "partition" => {
                        for (p, span) in tables::<Partition>(value).map_err(de_err)? {
                            check_partition(&p).map_err(|m| err(Some(span), m))?;
                            partitions.retain(|q| q.name != p.name);
                            partitions.push(p);
                        }
                    }
                    "labels" => {
                        let extra = LabelWords::deserialize(value.clone().into_deserializer())
                            .map_err(de_err)?;
                        words.non_additive.extend(extra.non_additive);
                        words.non_additive_tail.extend(extra.non_additive_tail);
                        words.change.extend(extra.change);
                        words.previous.extend(extra.previous);
                        words.previous_before.extend(extra.previous_before);
                        words.previous_after.extend(extra.previous_after);
                        words.stock.extend(extra.stock);
                        words.signed.extend(extra.signed);
                        words.flow.extend(extra.flow);
                        words.numeral_terms.extend(extra.numeral_terms);
                        words.about_before.extend(extra.about_before);
                        words.at_most_before.extend(extra.at_most_before);
                        words.at_least_before.extend(extra.at_least_before);
                        words.about_after.extend(extra.about_after);
                        words.at_most_after.extend(extra.at_most_after);
                        words.at_least_after.extend(extra.at_least_after);
                    }
                    key @ ("formula" | "formula_files") => {
                        crate::formula::config::user_key(key, value, path, text, &mut formulas)?
                    }
                    "overrides" => overrides = Overrides::load(path, text, value, &err)?,
                    key @ ("select" | "ignore") => {
                        let must = || {
                            err(
                                Some(value.span()),
                                format!("`{key}` must be a list of rule names or categories"),
                            )
                        };
                        let DeValue::Array(items) = value.get_ref() else {
                            return Err(must());
                        };
                        let mut names = Vec::new();
                        for item in items {
                            let DeValue::String(n) = item.get_ref() else {
                                return Err(must());
                            };
                            select::check_name(n).map_err(|m| err(Some(item.span()), m))?;
                            names.push(n.to_string());
                        }
                        if key == "select" {
                            file_selection.select = Some(names);
                        } else {
                            file_selection.ignore = names;
                        }
                    }
                    other => {
                        return Err(err(
                            Some(key.span()),
                            format!(
                                "unknown key `{other}`; expected one of {}",
                                TOP_KEYS.join(", ")
                            ),
                        ))
                    }
                }
            }
            let known: BTreeSet<&str> = registry().iter().map(|r| r.name).collect();
            for (key, value) in user_rules.iter() {
                let name = key.get_ref().as_ref();
                if !known.contains(name) {
                    let hint = crate::rules::did_you_mean(name)
                        .map(|s| format!("; did you mean `{s}`?"))
                        .unwrap_or_else(|| "; `yblint rules` lists the rules".into());
                    return Err(err(
                        Some(key.span()),
                        format!("unknown rule `{name}`{hint}"),
                    ));
                }
                if !matches!(value.get_ref(), DeValue::Table(_)) {
                    return Err(err(
                        Some(value.span()),
                        format!("`rules.{name}` must be a table"),
                    ));
                }
            }
            // Build every rule now, so that errors point into the user file.
            build_rules(&default_rules, &user_rules).map_err(|e| {
                if e.from_user {
                    err(e.span, e.message)
                } else {
                    builtin_rule_err(e)
                }
            })?;
        }

        let (mut rules, breakdown) =
            build_rules(&default_rules, &user_rules).map_err(builtin_rule_err)?;
        let selection = file_selection.overlaid(cli);
        rules.retain(|r| selection.enables(r.def));
        Ok(Config {
            tables: Tables {
                units: UnitTable::new(unit_list),
                words,
                partitions,
                formulas,
                breakdown,
            },
            rules,
            source: path,
            overrides,
            selection,
            relation_detail: false,
        })
    }

    /// The configured severity of a rule, `Off` when disabled or unknown.
    pub fn severity_of(&self, rule: &str) -> Severity {
        self.rules
            .iter()
            .find(|r| r.def.name == rule)
            .map(|r| r.severity)
            .unwrap_or(Severity::Off)
    }
}

/// An error in the settings of a rule.
struct RuleSettingsError {
    /// The rule whose settings are wrong.
    rule: &'static RuleDef,
    message: String,
    span: Option<std::ops::Range<usize>>,
    /// The offending value came from the user's file.
    from_user: bool,
}

fn builtin_rule_err(e: RuleSettingsError) -> ConfigError {
    ConfigError {
        path: PathBuf::from(format!("<built-in>/{}", e.rule.defaults_path())),
        text: e.rule.defaults.to_string(),
        span: e.span.map(|r| Span::new(r.start, r.end)),
        message: e.message,
    }
}

/// Builds the enabled rules from built-in settings overlaid with the user's.
///
/// Also returns the breakdown words of the merged `breakdown-sum` settings,
/// the lexicon the relation graph is read with (see [`Tables::breakdown`]).
fn build_rules<'i>(
    defaults: &DeTable<'i>,
    user: &DeTable<'i>,
) -> Result<(Vec<ActiveRule>, crate::relations::BreakdownOptions), RuleSettingsError> {
    let mut out = Vec::new();
    let mut lexicon = crate::relations::BreakdownOptions::default();
    for def in registry() {
        let mut merged = match defaults.get(def.name).map(|v| v.get_ref()) {
            Some(DeValue::Table(t)) => t.clone(),
            _ => DeTable::new(),
        };
        let user_table = match user.get(def.name).map(|v| v.get_ref()) {
            Some(DeValue::Table(t)) => Some(t),
            _ => None,
        };
        if let Some(t) = user_table {
            for (k, v) in t.iter() {
                merged.insert(k.clone(), v.clone());
            }
        }
        let from_user = |k: &str| user_table.is_some_and(|t| t.contains_key(k));
        let mut severity = Severity::Error;
        if let Some(v) = merged.remove("severity") {
            let named = match v.get_ref() {
                DeValue::String(s) => Severity::from_name(s),
                _ => None,
            };
            severity = named.ok_or_else(|| RuleSettingsError {
                rule: def,
                message: Severity::invalid_message(),
                span: Some(v.span()),
                from_user: from_user("severity"),
            })?;
        }
        let any_user = user_table.is_some();
        let value = Spanned::new(0..0, DeValue::Table(merged));
        if def.name == crate::rules::arithmetic::breakdown_sum::DEF.name {
            lexicon =
                crate::rules::arithmetic::breakdown_sum::lexicon(value.clone()).map_err(|e| {
                    RuleSettingsError {
                        rule: def,
                        message: unknown_field_hint(e.message(), &["severity"]),
                        span: e.span(),
                        from_user: any_user,
                    }
                })?;
        }
        let rule = (def.build)(value).map_err(|e| RuleSettingsError {
            rule: def,
            // `severity` was taken out above, but it is a setting all the same.
            message: unknown_field_hint(e.message(), &["severity"]),
            span: e.span(),
            from_user: any_user,
        })?;
        if severity != Severity::Off {
            out.push(ActiveRule {
                def,
                severity,
                rule,
            });
        }
    }
    Ok((out, lexicon))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtins_load() {
        let c = Config::builtin().unwrap();
        assert!(c.tables.units.get("户").is_some());
        assert!(c.tables.partitions.iter().any(|p| p.name == "城乡"));
        assert_eq!(c.severity_of("breakdown-sum"), Severity::Error);
    }

    #[test]
    fn unknown_field_hints() {
        assert_eq!(
            unknown_field_hint("unknown field `x`, there are no fields", &["severity"]),
            "unknown field `x`, expected `severity`"
        );
        assert_eq!(
            unknown_field_hint("unknown field `nme`, expected `name` or `members`\n", &[]),
            "unknown field `nme`, expected one of `name`, `members`; did you mean `name`?"
        );
        assert_eq!(
            unknown_field_hint(
                "invalid type: integer `3`, expected a sequence\n",
                &["severity"]
            ),
            "invalid type: integer `3`, expected a sequence"
        );
    }

    fn user(text: &str) -> Result<Config, ConfigError> {
        Config::load(Some((Path::new("yblint.toml"), text)))
    }

    #[test]
    fn user_severity_and_units() {
        let c = user("[rules.breakdown-sum]\nseverity = \"warning\"\n\n[[unit]]\nname = \"艘\"\ndimension = \"count:艘\"\ndiscrete = true\n").unwrap();
        assert_eq!(c.severity_of("breakdown-sum"), Severity::Warning);
        assert!(c.tables.units.get("艘").is_some());
        let off = user("[rules.breakdown-sum]\nseverity = \"off\"\n").unwrap();
        assert_eq!(off.severity_of("breakdown-sum"), Severity::Off);
    }

    #[test]
    fn errors_point_into_the_file() {
        let text = "[rules.breakdown-sum]\nseverty = \"warning\"\n";
        let e = user(text).err().unwrap();
        assert_eq!(e.span.unwrap().slice(text), "severty");

        let text = "[rules.breakdown-sum]\nseverity = \"loud\"\n";
        let e = user(text).err().unwrap();
        assert_eq!(e.span.unwrap().slice(text), "\"loud\"");

        let text = "[rules.breakdown-summ]\n";
        let e = user(text).err().unwrap();
        assert_eq!(e.span.unwrap().slice(text), "breakdown-summ");
        assert!(
            e.message.contains("did you mean `breakdown-sum`"),
            "{}",
            e.message
        );

        let text = "[rules.breakdown-sum]\nend_words = 3\n";
        let e = user(text).err().unwrap();
        assert_eq!(e.span.unwrap().slice(text), "3");

        let text = "colour = 1\n";
        let e = user(text).err().unwrap();
        assert_eq!(e.span.unwrap().slice(text), "colour");

        let text = "[rules\n";
        assert!(user(text).err().unwrap().span.is_some());
    }
}
