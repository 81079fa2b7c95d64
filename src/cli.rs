//! The command line: `yblint check`, `yblint rules`, `yblint rule NAME`.
//!
//! Exit codes of `yblint check`: 0 when no diagnostic has error severity,
//! 1 when one has, 2 for usage, I/O or configuration errors (a file that
//! cannot be read is reported, the others are still checked, and the exit
//! code is 2). Diagnostics go to standard output, messages to standard error.

use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};
use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, termcolor};

use crate::config::{find_config, Config, ConfigError};
use crate::diagnostic::Severity;
use crate::render::{self, FileReport, Summary};
use crate::rules::{self, registry};
use crate::source::{self, SourceFile};

/// yblint: a linter for Chinese yearbook drafts.
#[derive(Debug, Parser)]
#[command(name = "yblint", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check drafts (files, folders walked for .txt and .md, or - for stdin).
    Check(CheckArgs),
    /// List every rule with its category, default severity and summary.
    Rules,
    /// Print a rule's documentation with examples.
    Rule {
        /// The rule's name, e.g. breakdown-sum.
        name: String,
    },
    /// Print the figures and breakdowns yblint reads in a draft (for
    /// understanding why a rule did or did not fire).
    #[command(hide = true)]
    Dump {
        /// The draft.
        path: PathBuf,
    },
}

/// Arguments of `yblint check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Files or folders to check; `-` reads standard input. Default: the current folder.
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Configuration file (default: yblint.toml in the checked folder or its parents).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// When to colour human output.
    #[arg(long, value_enum, default_value_t = ColorMode::Auto)]
    pub color: ColorMode,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// rustc-style diagnostics with the source lines.
    Human,
    /// One JSON document (see the README for its fields).
    Json,
}

/// Colour choice for human output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorMode {
    /// Colour when standard output is a terminal and NO_COLOR is not set.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// Runs yblint with the process arguments; returns the exit code.
pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    match cli.command {
        Command::Check(args) => check(&args),
        Command::Rules => list_rules(),
        Command::Rule { name } => show_rule(&name),
        Command::Dump { path } => dump(&path),
    }
}

fn dump(path: &Path) -> i32 {
    let src = match source::read_path(path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("yblint: error: {}: {e}", path.display());
            return 2;
        }
    };
    let config = match find_config(path)
        .map(|p| Config::from_file(&p))
        .unwrap_or_else(Config::builtin)
    {
        Ok(c) => c,
        Err(e) => return config_error(&e),
    };
    let text = &src.text;
    let Ok(draft) = crate::syntax::parse(text) else {
        return 2;
    };
    let qs = crate::quantity::extract(text, &draft, &config.tables.units, &config.tables.words);
    for (i, q) in qs.iter().enumerate() {
        println!(
            "q{i} {:?} {:?} value={} step={} unit={} role={:?} approx={:?} label={:?}{}{}",
            q.span.slice(text),
            q.location,
            q.value,
            q.step,
            q.display_unit,
            q.role,
            q.approx,
            q.label_text,
            if q.non_additive { " non-additive" } else { "" },
            if q.in_parens { " in-parens" } else { "" },
        );
    }
    let doc = crate::relations::Doc::new(text, &draft, &qs, &config.tables.partitions);
    let opts = crate::rules::breakdown_sum::builtin_options();
    for b in crate::relations::breakdowns(&doc, &opts) {
        println!(
            "breakdown {:?} total=q{} parts={:?} cover={:?} overlapping={}",
            b.kind, b.total, b.parts, b.cover, b.overlapping
        );
    }
    0
}

fn list_rules() -> i32 {
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

fn show_rule(name: &str) -> i32 {
    match rules::find(name) {
        Some(r) => {
            print!("{}", r.docs);
            if r.name != "breakdown-sum" {
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
            print!("{}", tables_section(r, &config));
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

/// The `## Built-in tables` section printed after the documentation of
/// breakdown-sum: the partitions and `[labels]` word lists of `config`, and
/// the rule's settings lists from `rules/default.toml` (or from the user's
/// file, where it replaces one).
fn tables_section(rule: &rules::RuleDef, config: &Config) -> String {
    let mut out = String::from("\n## Built-in tables\n\n");
    out.push_str(
        "The tables that steer this rule, as loaded for the current folder: the\n\
         built-in `rules/partitions.toml`, `rules/units.toml` and `rules/default.toml`\n",
    );
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
        ("change", &w.change),
        ("previous", &w.previous),
        ("previous_before", &w.previous_before),
        ("stock", &w.stock),
        ("flow", &w.flow),
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
    let defaults: Option<toml::Table> = toml::from_str(crate::config::DEFAULT_TOML).ok();
    let default_settings = defaults
        .as_ref()
        .and_then(|t| t.get("rules")?.get(rule.name)?.as_table());
    for (key, value) in default_settings.into_iter().flatten() {
        let Some(list) = value.as_array() else {
            continue; // severity
        };
        let (list, note) = match user_settings.and_then(|t| t.get(key)?.as_array()) {
            Some(mine) => (mine, " (set in yblint.toml)"),
            None => (list, ""),
        };
        let words: Vec<&str> = list.iter().filter_map(|v| v.as_str()).collect();
        out.push_str(&format!("* {key}{note}: {}\n", words.join(", ")));
    }
    out
}

/// Renders a configuration error with the TOML lines it points into.
fn config_error(e: &ConfigError) -> i32 {
    let mut stderr = termcolor::StandardStream::stderr(if std::io::stderr().is_terminal() {
        termcolor::ColorChoice::Auto
    } else {
        termcolor::ColorChoice::Never
    });
    match e.span {
        Some(span) if !e.text.is_empty() => {
            let file = SimpleFile::new(e.path.display().to_string(), e.text.as_str());
            let d = cs::Diagnostic::error()
                .with_message(format!("invalid configuration: {}", e.message))
                .with_labels(vec![cs::Label::primary((), span.range())]);
            let _ = term::emit_to_write_style(&mut stderr, &term::Config::default(), &file, &d);
        }
        _ => {
            let _ = writeln!(stderr, "yblint: error: {e}");
        }
    }
    2
}

/// Files to check under the given paths, in a stable order. Folders are
/// walked for `.txt` and `.md` files, honouring `.gitignore`; files named
/// directly are checked whatever their extension. A folder that holds no
/// draft (and could be read) gets a warning on standard error.
fn collect(paths: &[PathBuf], failures: &mut Vec<(String, String)>) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(p.clone());
        } else if p.is_dir() {
            let mut unreadable = false;
            let mut found: Vec<PathBuf> = ignore::WalkBuilder::new(p)
                .require_git(false)
                .build()
                .filter_map(|e| match e {
                    Ok(e) => Some(e),
                    Err(err) => {
                        unreadable = true;
                        failures.push(walk_failure(&err, p));
                        None
                    }
                })
                .filter(|e| e.file_type().is_some_and(|t| t.is_file()))
                .map(|e| e.into_path())
                .filter(|f| {
                    f.extension()
                        .and_then(|x| x.to_str())
                        .is_some_and(|x| matches!(x.to_ascii_lowercase().as_str(), "txt" | "md"))
                })
                .collect();
            if found.is_empty() && !unreadable {
                eprintln!(
                    "yblint: warning: no .txt or .md drafts found under {}",
                    p.display()
                );
            }
            found.sort();
            out.extend(found);
        } else if p.exists() {
            out.push(p.clone());
        } else {
            failures.push((p.display().to_string(), "no such file or folder".into()));
        }
    }
    out
}

/// An error met while walking the folder `root`, as (path, message): the
/// path the walker could not read, named once, and the operating system's
/// reason (`cannot read: Permission denied (os error 13)`).
fn walk_failure(err: &ignore::Error, root: &Path) -> (String, String) {
    let mut path = root.to_path_buf();
    let mut err = err;
    loop {
        match err {
            ignore::Error::WithPath {
                path: p,
                err: inner,
            } => {
                path = p.clone();
                err = inner;
            }
            ignore::Error::WithDepth { err: inner, .. } => err = inner,
            _ => break,
        }
    }
    let message = match err {
        ignore::Error::Io(io) => format!("cannot read: {}", innermost_io(io)),
        other => other.to_string(),
    };
    (path.display().to_string(), message)
}

/// The deepest I/O error inside `e` (the walker wraps the operating
/// system's error in its own, which repeats the path).
fn innermost_io(e: &std::io::Error) -> &std::io::Error {
    let mut deepest = e;
    let mut next: Option<&(dyn std::error::Error + 'static)> = e
        .get_ref()
        .map(|inner| inner as &(dyn std::error::Error + 'static));
    while let Some(cur) = next {
        if let Some(io) = cur.downcast_ref::<std::io::Error>() {
            deepest = io;
        }
        next = cur.source();
    }
    deepest
}

fn check(args: &CheckArgs) -> i32 {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let mut failures: Vec<(String, String)> = Vec::new();
    let files = collect(&paths, &mut failures);

    let fixed = match &args.config {
        Some(p) => match Config::from_file(p) {
            Ok(c) => Some(c),
            Err(e) => return config_error(&e),
        },
        None => None,
    };
    // Configurations by file found; `None` for one that is broken (reported
    // once; the files it governs are skipped and the run exits 2).
    let mut found: HashMap<Option<PathBuf>, Option<Config>> = HashMap::new();
    let mut broken_config = false;

    let mut reports = Vec::new();
    for file in &files {
        let config = match &fixed {
            Some(c) => c,
            None => {
                let start = if file.as_os_str() == "-" {
                    Path::new(".")
                } else {
                    file.as_path()
                };
                let key = find_config(start);
                let entry = found.entry(key.clone()).or_insert_with(|| {
                    let loaded = match &key {
                        Some(p) => Config::from_file(p),
                        None => Config::builtin(),
                    };
                    match loaded {
                        Ok(c) => Some(c),
                        Err(e) => {
                            config_error(&e);
                            None
                        }
                    }
                });
                match entry {
                    Some(c) => c,
                    None => {
                        broken_config = true;
                        failures.push((
                            display(file),
                            "not checked: its configuration is broken (see above)".into(),
                        ));
                        continue;
                    }
                }
            }
        };
        let read = if file.as_os_str() == "-" {
            source::read_stdin()
        } else {
            source::read_path(file)
        };
        let src: SourceFile = match read {
            Ok(s) => s,
            Err(e) => {
                failures.push((display(file), e.to_string()));
                continue;
            }
        };
        match crate::check_text(&src.text, config) {
            Ok(diagnostics) => reports.push(FileReport {
                path: src.name,
                text: src.text,
                diagnostics,
            }),
            Err(e) => failures.push((src.name, e.to_string())),
        }
    }

    for (path, message) in &failures {
        eprintln!("yblint: error: {path}: {message}");
    }
    let summary = Summary::of(&reports);
    let mut stdout = std::io::stdout().lock();
    let written = match args.format {
        Format::Json => writeln!(stdout, "{}", render::json::render(&reports)),
        Format::Human => {
            let color = match args.color {
                ColorMode::Always => true,
                ColorMode::Never => false,
                ColorMode::Auto => {
                    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
                }
            };
            write!(stdout, "{}", render::human::render(&reports, color))
        }
    };
    if written.is_err() {
        // Standard output closed (e.g. piped into `head`): nothing more to say.
        return 2;
    }
    let _ = stdout.flush();
    eprintln!(
        "checked {} file{}: {} error{}, {} warning{}, {} info{}",
        summary.files,
        plural(summary.files),
        summary.errors,
        plural(summary.errors),
        summary.warnings,
        plural(summary.warnings),
        summary.infos,
        plural(summary.infos),
    );
    if !failures.is_empty() || broken_config {
        2
    } else if reports
        .iter()
        .flat_map(|r| &r.diagnostics)
        .any(|d| d.severity == Severity::Error)
    {
        1
    } else {
        0
    }
}

fn display(p: &Path) -> String {
    if p.as_os_str() == "-" {
        "<stdin>".into()
    } else {
        p.display().to_string()
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
