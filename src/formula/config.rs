//! Loading formulas: the built-in files `rules/formulas/*.toml`, the
//! `[[formula]]` tables of a user's `yblint.toml` and the files its
//! `formula_files` names. Every mistake is a [`ConfigError`] with the span
//! of the offending text in its file (for a malformed expression, the
//! offending position inside the `value` string).

use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::de::{Deserialize, IntoDeserializer};
use toml::de::{DeTable, DeValue};
use toml::Spanned;

use super::{Expression, Formula, RateUnit, Scope};
use crate::config::ConfigError;
use crate::span::Span;

/// The built-in formula files: (path in the source tree, text).
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "rules/formulas/housing-fund.toml",
        include_str!("../../rules/formulas/housing-fund.toml"),
    ),
    (
        "rules/formulas/population.toml",
        include_str!("../../rules/formulas/population.toml"),
    ),
    (
        "rules/formulas/social-insurance.toml",
        include_str!("../../rules/formulas/social-insurance.toml"),
    ),
    (
        "rules/formulas/environment.toml",
        include_str!("../../rules/formulas/environment.toml"),
    ),
    (
        "rules/formulas/education.toml",
        include_str!("../../rules/formulas/education.toml"),
    ),
    (
        "rules/formulas/health.toml",
        include_str!("../../rules/formulas/health.toml"),
    ),
    (
        "rules/formulas/justice.toml",
        include_str!("../../rules/formulas/justice.toml"),
    ),
    (
        "rules/formulas/investment.toml",
        include_str!("../../rules/formulas/investment.toml"),
    ),
    (
        "rules/formulas/agriculture.toml",
        include_str!("../../rules/formulas/agriculture.toml"),
    ),
    (
        "rules/formulas/income.toml",
        include_str!("../../rules/formulas/income.toml"),
    ),
];

/// One `[[formula]]` table as written.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFormula {
    name: Spanned<String>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
    value: Spanned<String>,
    unit: Spanned<String>,
    scope: Spanned<String>,
    source: Spanned<String>,
    #[serde(default)]
    definitional: bool,
    #[serde(default, deserialize_with = "crate::config::words")]
    exclude: Vec<String>,
}

/// A file formulas are read from.
struct Origin<'a> {
    /// The path errors name (`<built-in>/rules/formulas/…` for a built-in).
    path: &'a Path,
    /// How diagnostics name the file.
    shown: &'a str,
    /// Its text.
    text: &'a str,
}

impl Origin<'_> {
    fn error(&self, span: Option<Range<usize>>, message: impl Into<String>) -> ConfigError {
        ConfigError {
            path: self.path.to_path_buf(),
            text: self.text.to_string(),
            span: span.map(|r| Span::new(r.start, r.end)),
            message: message.into(),
        }
    }

    fn de_error(&self, e: toml::de::Error) -> ConfigError {
        self.error(
            e.span(),
            crate::config::unknown_field_hint(e.message(), &[]),
        )
    }
}

/// The built-in formulas, in file order.
///
/// Errors: a malformed built-in file (a bug caught by the tests), named
/// `<built-in>/rules/formulas/…`.
pub fn builtin() -> Result<Vec<Formula>, ConfigError> {
    let mut out = Vec::new();
    for (name, text) in BUILTIN {
        let path = PathBuf::from(format!("<built-in>/{name}"));
        merge(&mut out, parse_file(&path, name, text)?);
    }
    Ok(out)
}

/// The formulas of a formula file: a TOML file of `[[formula]]` tables.
/// `path` is the file errors name, `shown` the name diagnostics give it.
///
/// Errors: TOML syntax, a key other than `formula`, or a malformed formula.
pub fn parse_file(path: &Path, shown: &str, text: &str) -> Result<Vec<Formula>, ConfigError> {
    let origin = Origin { path, shown, text };
    // A file that is not TOML is named with the place and the parser's
    // message, never quoted: it may be any text.
    let table = DeTable::parse(text).map_err(|e| {
        let at = e.span().map_or(0, |s| s.start.min(text.len()));
        let before = crate::text::before(text, at);
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        ConfigError {
            path: path.to_path_buf(),
            text: String::new(),
            span: None,
            message: format!(
                "line {line}, column {column}: not valid TOML: {}",
                e.message().trim()
            ),
        }
    })?;
    let mut out = Vec::new();
    for (key, value) in table.get_ref().iter() {
        if key.get_ref().as_ref() != "formula" {
            return Err(origin.error(
                Some(key.span()),
                format!(
                    "unknown key `{}`; a formula file holds only `[[formula]]` tables",
                    key.get_ref()
                ),
            ));
        }
        merge(&mut out, formulas(&origin, value)?);
    }
    Ok(out)
}

/// Reads the key `key` (`formula` or `formula_files`) of the user's
/// `yblint.toml` at `path` (text `text`) and merges the formulas it gives
/// into `into`: a formula replaces an earlier one of the same name.
///
/// Errors: a malformed formula, a `formula_files` entry that is not a list
/// of strings, or a file it names that cannot be read (with the span of
/// its name in `yblint.toml`) or holds a malformed formula (with the span in
/// that file).
pub fn user_key(
    key: &str,
    value: &Spanned<DeValue<'_>>,
    path: &Path,
    text: &str,
    into: &mut Vec<Formula>,
) -> Result<(), ConfigError> {
    let shown = shown_path(path);
    let origin = Origin {
        path,
        shown: &shown,
        text,
    };
    if key == "formula" {
        merge(into, formulas(&origin, value)?);
        return Ok(());
    }
    let files = Vec::<Spanned<String>>::deserialize(value.clone().into_deserializer())
        .map_err(|e| origin.de_error(e))?;
    let dir = path.parent().unwrap_or(Path::new(""));
    for rel in files {
        let full = dir.join(rel.get_ref());
        let body = read_formula_file(dir, &full)
            .map_err(|message| origin.error(Some(rel.span()), message))?;
        merge(into, parse_file(&full, &shown_path(&full), &body)?);
    }
    Ok(())
}

/// The largest formula file yblint reads (1 MiB).
pub const MAX_FORMULA_FILE: u64 = 1 << 20;

/// The text of the formula file `full` named by the `yblint.toml` in the
/// folder `project`. It must be a regular file below that folder once
/// symbolic links are resolved (a configuration never makes yblint read a
/// file outside its own project, such as `/etc/passwd`), of at most
/// [`MAX_FORMULA_FILE`] bytes, in UTF-8.
///
/// Errors: the message for the user, which never quotes the file.
fn read_formula_file(project: &Path, full: &Path) -> Result<String, String> {
    use std::io::Read;
    let named = full.display();
    let cannot = |e: std::io::Error| format!("cannot read formula file `{named}`: {e}");
    let project = project
        .canonicalize()
        .or_else(|_| std::env::current_dir().and_then(|d| d.join(project).canonicalize()))
        .map_err(cannot)?;
    let real = full.canonicalize().map_err(cannot)?;
    if !real.starts_with(&project) {
        return Err(format!(
            "formula file `{named}` is outside the project: formula files must be below `{}`, the folder of this yblint.toml",
            project.display()
        ));
    }
    let meta = std::fs::metadata(&real).map_err(cannot)?;
    if !meta.is_file() {
        return Err(format!("formula file `{named}` is not a regular file"));
    }
    let too_big = || {
        format!(
            "formula file `{named}` is larger than {} MiB",
            MAX_FORMULA_FILE >> 20
        )
    };
    if meta.len() > MAX_FORMULA_FILE {
        return Err(too_big());
    }
    let mut bytes = Vec::new();
    std::fs::File::open(&real)
        .and_then(|f| f.take(MAX_FORMULA_FILE + 1).read_to_end(&mut bytes))
        .map_err(cannot)?;
    if bytes.len() as u64 > MAX_FORMULA_FILE {
        return Err(too_big());
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "formula file `{named}` is not UTF-8 text (byte {} is not)",
            e.utf8_error().valid_up_to()
        )
    })
}

/// Adds `new` to `into`; a formula replaces one of the same name.
pub fn merge(into: &mut Vec<Formula>, new: Vec<Formula>) {
    for f in new {
        into.retain(|g| g.name != f.name);
        into.push(f);
    }
}

/// A path as diagnostics show it: relative to the current folder when it
/// lies below it.
fn shown_path(path: &Path) -> String {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf())
        .display()
        .to_string()
}

fn formulas(
    origin: &Origin<'_>,
    value: &Spanned<DeValue<'_>>,
) -> Result<Vec<Formula>, ConfigError> {
    let DeValue::Array(items) = value.get_ref() else {
        return Err(origin.error(
            Some(value.span()),
            "`formula` must be an array of tables: write each as `[[formula]]`",
        ));
    };
    items
        .iter()
        .map(|item| {
            let raw = RawFormula::deserialize(item.clone().into_deserializer())
                .map_err(|e| origin.de_error(e))?;
            check(origin, raw)
        })
        .collect()
}

fn check(origin: &Origin<'_>, raw: RawFormula) -> Result<Formula, ConfigError> {
    let name = raw.name.get_ref().trim().to_string();
    if name.is_empty() {
        return Err(origin.error(
            Some(raw.name.span()),
            "a formula needs a name: `name` is empty",
        ));
    }
    for alias in &raw.aliases {
        if alias.get_ref().trim().is_empty() {
            return Err(origin.error(
                Some(alias.span()),
                format!("formula `{name}` has an empty alias: every label ends with it"),
            ));
        }
    }
    let unit = RateUnit::from_name(raw.unit.get_ref()).ok_or_else(|| {
        origin.error(
            Some(raw.unit.span()),
            format!(
                "formula `{name}`: unknown unit `{}`; expected \"%\", \"‰\", \"\" (a plain ratio) or a unit such as \"公斤/公顷\"",
                raw.unit.get_ref()
            ),
        )
    })?;
    let scope = Scope::from_name(raw.scope.get_ref()).ok_or_else(|| {
        origin.error(
            Some(raw.scope.span()),
            format!(
                "formula `{name}`: unknown scope `{}`; expected \"sentence\", \"paragraph\" or \"entry\"",
                raw.scope.get_ref()
            ),
        )
    })?;
    if raw.source.get_ref().trim().is_empty() {
        return Err(origin.error(
            Some(raw.source.span()),
            format!("formula `{name}`: `source` is empty; name the standard that defines it"),
        ));
    }
    let value = raw.value.get_ref();
    let expression = Expression::parse(value).map_err(|e| {
        origin.error(
            Some(position_in_string(
                origin.text,
                raw.value.span(),
                value,
                e.offset,
            )),
            format!("formula `{name}`: {}", e.message),
        )
    })?;
    Ok(Formula {
        name,
        aliases: raw
            .aliases
            .iter()
            .map(|a| a.get_ref().trim().to_string())
            .collect(),
        value: value.clone(),
        expression,
        unit,
        scope,
        source: raw.source.get_ref().trim().to_string(),
        definitional: raw.definitional,
        exclude: raw.exclude,
        file: origin.shown.to_string(),
    })
}

/// The bytes of the TOML file at byte `offset` of a string value whose
/// source is `span`: the character there, or the closing quote when the
/// offset is the end of the value. The whole value when the string is
/// written with escapes or on several lines, where offsets do not carry over.
fn position_in_string(text: &str, span: Range<usize>, value: &str, offset: usize) -> Range<usize> {
    let Some(raw) = text.get(span.clone()) else {
        return span;
    };
    let simple = (raw.starts_with('"') && !raw.starts_with("\"\"\""))
        || (raw.starts_with('\'') && !raw.starts_with("'''"));
    if !simple || raw.len() < 2 || raw.get(1..raw.len() - 1) != Some(value) {
        return span;
    }
    let at = span.start + 1 + offset.min(value.len());
    let len = value
        .get(offset..)
        .and_then(|rest| rest.chars().next())
        .map_or(1, char::len_utf8);
    at..at + len
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Result<Vec<Formula>, ConfigError> {
        parse_file(Path::new("f.toml"), "f.toml", text)
    }

    const GOOD: &str = "[[formula]]\nname = \"个贷率\"\nvalue = \"贷款余额 / 缴存余额\"\nunit = \"%\"\nscope = \"entry\"\nsource = \"口径\"\n";

    #[test]
    fn builtins_load() {
        let all = builtin().unwrap();
        assert!(all.iter().any(|f| f.name == "逾期率"));
        assert!(all
            .iter()
            .all(|f| f.file.starts_with("rules/formulas/") && !f.source.is_empty()));
    }

    #[test]
    fn a_good_formula() {
        let f = &load(GOOD).unwrap()[0];
        assert_eq!(f.name, "个贷率");
        assert_eq!(f.unit, RateUnit::Percent);
        assert_eq!(f.scope, Scope::Entry);
        assert!(!f.definitional);
        assert_eq!(f.file, "f.toml");
    }

    #[test]
    fn errors_point_into_the_value() {
        let text = GOOD.replace("贷款余额 / 缴存余额", "贷款余额 / / 缴存余额");
        let e = load(&text).unwrap_err();
        let span = e.span.unwrap();
        assert_eq!(span.slice(&text), "/");
        assert_eq!(span.start, text.find("/ /").unwrap() + 2);
        assert_eq!(
            e.message,
            "formula `个贷率`: expected a label, a number or `(`, found `/`"
        );
        // Too early an end: the closing quote.
        let text = GOOD.replace("贷款余额 / 缴存余额", "贷款余额 /");
        let e = load(&text).unwrap_err();
        let span = e.span.unwrap();
        assert_eq!(span.slice(&text), "\"");
        assert_eq!(span.start, text.find("/\"").unwrap() + 1);
        // Escapes: the whole value.
        let text = GOOD.replace("贷款余额 / 缴存余额", "贷款余额 \\u002F\\u002F 缴存余额");
        let e = load(&text).unwrap_err();
        assert!(e.span.unwrap().slice(&text).starts_with("\"贷款余额 \\u"));
    }

    #[test]
    fn other_errors() {
        let text = GOOD.replace("unit = \"%\"", "unit = \"percent\"");
        let e = load(&text).unwrap_err();
        assert_eq!(e.span.unwrap().slice(&text), "\"percent\"");
        let text = GOOD.replace("\"entry\"", "\"book\"");
        let e = load(&text).unwrap_err();
        assert_eq!(e.span.unwrap().slice(&text), "\"book\"");
        let text = GOOD.replace("name = \"个贷率\"", "name = \" \"");
        let e = load(&text).unwrap_err();
        assert_eq!(e.span.unwrap().slice(&text), "\" \"");
        let text = GOOD.replace("scope = \"entry\"\n", "");
        let e = load(&text).unwrap_err();
        assert!(e.message.contains("missing field `scope`"), "{}", e.message);
        assert!(e.span.is_some());
        let text = GOOD.replace("scope", "scop");
        let e = load(&text).unwrap_err();
        assert!(e.message.contains("did you mean `scope`"), "{}", e.message);
        let e = load("formula = 3\n").unwrap_err();
        assert!(e.message.contains("array of tables"));
        let e = load("[rules]\n").unwrap_err();
        assert!(e.message.contains("only `[[formula]]`"));
    }
}
