//! Per-path settings: `[[overrides]]` tables in `yblint.toml`.
//!
//! ```toml
//! [[overrides]]
//! files = ["附录/**", "统计表/*.md"]   # globs, relative to the yblint.toml's folder
//! [overrides.rules.breakdown-sum]
//! severity = "warning"               # any setting of [rules.NAME]
//! ```
//!
//! Every override whose globs match a file applies to it, in the order of
//! the file: a later override wins over an earlier one, key by key, and all
//! of them over `[rules.NAME]`. Settings are validated when the file is
//! loaded, like `[rules.NAME]`, with the span of the offending text.

use std::ops::Range;
use std::path::{Path, PathBuf};

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use toml::de::{DeTable, DeValue};
use toml::Spanned;

use super::{build_rules, builtin_rule_err, ActiveRule, Config, ConfigError};
use crate::rules::registry;

/// The `[[overrides]]` of a configuration file.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// The folder globs are relative to (the configuration file's, made
    /// absolute).
    base: PathBuf,
    /// One glob set per override, in file order.
    globs: Vec<GlobSet>,
    /// The configuration file's path and text, read again to build the
    /// rules of a set of overrides.
    path: PathBuf,
    text: String,
}

/// An error at `span` of the user file.
pub(super) type ErrAt<'a> = &'a dyn Fn(Option<Range<usize>>, String) -> ConfigError;

/// The rule tables of `value` (`rules` of an override, or the top-level
/// `rules`), checked: known rule names, each a table.
fn rule_tables<'i>(
    value: &Spanned<DeValue<'i>>,
    err: ErrAt<'_>,
) -> Result<DeTable<'i>, ConfigError> {
    let DeValue::Table(t) = value.get_ref() else {
        return Err(err(
            Some(value.span()),
            "`rules` must be a table of rule names".into(),
        ));
    };
    for (key, v) in t.iter() {
        let name = key.get_ref().as_ref();
        if crate::rules::find(name).is_none() {
            let hint = crate::rules::did_you_mean(name)
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_else(|| "; `yblint rules` lists the rules".into());
            return Err(err(
                Some(key.span()),
                format!("unknown rule `{name}`{hint}"),
            ));
        }
        if !matches!(v.get_ref(), DeValue::Table(_)) {
            return Err(err(
                Some(v.span()),
                format!("`rules.{name}` must be a table"),
            ));
        }
    }
    Ok(t.clone())
}

/// `base` with the settings of `over` laid on top, rule by rule, key by key.
fn overlay<'i>(base: &mut DeTable<'i>, over: &DeTable<'i>) {
    for (name, settings) in over.iter() {
        let DeValue::Table(new) = settings.get_ref() else {
            continue;
        };
        let mut merged = match base.get(name.get_ref().as_ref()).map(|v| v.get_ref()) {
            Some(DeValue::Table(t)) => t.clone(),
            _ => DeTable::new(),
        };
        for (k, v) in new.iter() {
            merged.insert(k.clone(), v.clone());
        }
        base.insert(
            name.clone(),
            Spanned::new(settings.span(), DeValue::Table(merged)),
        );
    }
}

/// One `[[overrides]]` table: its globs (with their spans) and rules.
struct Parsed<'i> {
    files: Vec<(String, Range<usize>)>,
    rules: DeTable<'i>,
}

fn parse_one<'i>(item: &Spanned<DeValue<'i>>, err: ErrAt<'_>) -> Result<Parsed<'i>, ConfigError> {
    let DeValue::Table(t) = item.get_ref() else {
        return Err(err(
            Some(item.span()),
            "`overrides` must be an array of tables: [[overrides]]".into(),
        ));
    };
    let mut files = Vec::new();
    let mut rules = DeTable::new();
    let mut has_files = false;
    for (key, value) in t.iter() {
        match key.get_ref().as_ref() {
            "files" => {
                has_files = true;
                let DeValue::Array(list) = value.get_ref() else {
                    return Err(err(
                        Some(value.span()),
                        "`files` must be a list of globs: files = [\"附录/**\"]".into(),
                    ));
                };
                for g in list {
                    match g.get_ref() {
                        DeValue::String(s) if !s.trim().is_empty() => {
                            files.push((s.to_string(), g.span()))
                        }
                        _ => {
                            return Err(err(
                                Some(g.span()),
                                "a glob must be a non-empty string".into(),
                            ))
                        }
                    }
                }
            }
            "rules" => rules = rule_tables(value, err)?,
            other => {
                let hint = if crate::rules::edit_distance(other, "files") <= 2 {
                    "; did you mean `files`?"
                } else if crate::rules::edit_distance(other, "rules") <= 2 {
                    "; did you mean `rules`?"
                } else {
                    ""
                };
                return Err(err(
                    Some(key.span()),
                    format!(
                        "unknown key `{other}` in [[overrides]]; expected `files` or `rules`{hint}"
                    ),
                ));
            }
        }
    }
    if !has_files || files.is_empty() {
        return Err(err(
            Some(item.span()),
            "an [[overrides]] table needs `files`, a list of at least one glob".into(),
        ));
    }
    Ok(Parsed { files, rules })
}

/// The built-in settings of every rule, as `build_rules` takes them.
fn defaults() -> Result<DeTable<'static>, ConfigError> {
    let mut out = DeTable::new();
    for def in registry() {
        let table = DeTable::parse(def.defaults).map_err(|e| ConfigError {
            path: PathBuf::from(format!("<built-in>/{}", def.defaults_path())),
            text: def.defaults.to_string(),
            span: e.span().map(|r| crate::span::Span::new(r.start, r.end)),
            message: e.message().to_string(),
        })?;
        out.insert(
            Spanned::new(0..0, def.name.into()),
            Spanned::new(0..0, DeValue::Table(table.into_inner())),
        );
    }
    Ok(out)
}

/// The enabled rules of the user file `text` with overrides `indices`
/// applied in order, and the breakdown words they give.
fn rules_for(
    text: &str,
    indices: &[usize],
    err: ErrAt<'_>,
) -> Result<(Vec<ActiveRule>, crate::relations::BreakdownOptions), ConfigError> {
    let table = DeTable::parse(text).map_err(|e| err(e.span(), e.message().to_string()))?;
    let table = table.into_inner();
    let mut rules = match table.get("rules") {
        Some(v) => rule_tables(v, err)?,
        None => DeTable::new(),
    };
    if let Some(DeValue::Array(items)) = table.get("overrides").map(|v| v.get_ref()) {
        for &i in indices {
            if let Some(item) = items.get(i) {
                overlay(&mut rules, &parse_one(item, err)?.rules);
            }
        }
    }
    build_rules(&defaults()?, &rules).map_err(|e| {
        if e.from_user {
            err(e.span, e.message)
        } else {
            builtin_rule_err(e)
        }
    })
}

impl Overrides {
    /// Reads the `overrides` value of the user file at `path` (text `text`),
    /// checking every glob and every override's settings (each laid over
    /// `[rules]` as it would be for a file it matches).
    ///
    /// Errors: a value of the wrong shape, an unknown key or rule, a bad
    /// glob or a bad setting, each with its span.
    pub(super) fn load(
        path: &Path,
        text: &str,
        value: &Spanned<DeValue<'_>>,
        err: ErrAt<'_>,
    ) -> Result<Overrides, ConfigError> {
        let DeValue::Array(items) = value.get_ref() else {
            return Err(err(
                Some(value.span()),
                "`overrides` must be an array of tables: [[overrides]]".into(),
            ));
        };
        let dir = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let base = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
        let mut globs = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let parsed = parse_one(item, err)?;
            let mut set = GlobSetBuilder::new();
            for (g, span) in &parsed.files {
                let glob = GlobBuilder::new(g.trim_start_matches("./"))
                    .literal_separator(true)
                    .build()
                    .map_err(|e| err(Some(span.clone()), format!("invalid glob: {}", e.kind())))?;
                set.add(glob);
            }
            globs.push(
                set.build()
                    .map_err(|e| err(Some(item.span()), format!("invalid glob: {e}")))?,
            );
            // Validate this override's settings now, against the file.
            rules_for(text, &[i], err)?;
        }
        Ok(Overrides {
            base,
            globs,
            path: path.to_path_buf(),
            text: text.to_string(),
        })
    }

    /// True when the configuration has no override.
    pub fn is_empty(&self) -> bool {
        self.globs.is_empty()
    }

    /// The overrides that apply to `file`, in file order (empty for a file
    /// outside the configuration's folder, and for standard input).
    pub fn matching(&self, file: &Path) -> Vec<usize> {
        if self.globs.is_empty() || file.as_os_str() == "-" {
            return Vec::new();
        }
        let absolute = std::fs::canonicalize(file).unwrap_or_else(|_| {
            std::env::current_dir()
                .map(|d| d.join(file))
                .unwrap_or_else(|_| file.to_path_buf())
        });
        let Ok(rel) = absolute.strip_prefix(&self.base) else {
            return Vec::new();
        };
        self.globs
            .iter()
            .enumerate()
            .filter(|(_, g)| g.is_match(rel))
            .map(|(i, _)| i)
            .collect()
    }
}

impl Config {
    /// This configuration with overrides `indices` (from
    /// [`Overrides::matching`]) applied; the tables are shared settings and
    /// are copied.
    ///
    /// Errors: only those [`Config::load`] already reported.
    pub fn with_overrides(&self, indices: &[usize]) -> Result<Config, ConfigError> {
        let o = &self.overrides;
        let err = |span: Option<Range<usize>>, message: String| ConfigError {
            path: o.path.clone(),
            text: o.text.clone(),
            span: span.map(|r| crate::span::Span::new(r.start, r.end)),
            message,
        };
        let (mut rules, breakdown) = rules_for(&o.text, indices, &err)?;
        rules.retain(|r| self.selection.enables(r.def));
        let mut tables = self.tables.clone();
        tables.breakdown = breakdown;
        Ok(Config {
            tables,
            rules,
            source: self.source.clone(),
            overrides: o.clone(),
            selection: self.selection.clone(),
            relation_detail: self.relation_detail,
        })
    }
}
