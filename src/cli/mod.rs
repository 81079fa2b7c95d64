//! The command line: `yblint check`, `yblint rules`, `yblint rule NAME`.
//!
//! Exit codes of `yblint check`: 0 when no diagnostic has error severity,
//! 1 when one has, 2 for usage, I/O or configuration errors (a file that
//! cannot be read is reported, the others are still checked, and the exit
//! code is 2). Diagnostics go to standard output, messages to standard error.

mod check;
mod docs;
mod dump;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};
use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, termcolor};

use crate::config::ConfigError;

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
    /// Check drafts (files, folders walked for .txt, .md, .docx, workbooks and .csv, or - for stdin).
    Check(Box<CheckArgs>),
    /// List every rule with its category, default severity and summary.
    Rules,
    /// Print a rule's documentation with examples.
    Rule {
        /// The rule's name, e.g. breakdown-sum.
        #[arg(required_unless_present = "all", conflicts_with = "all")]
        name: Option<String>,
        /// Print the documentation of every rule.
        #[arg(long)]
        all: bool,
    },
    /// Run the language server over standard input and output (for editors).
    Lsp,
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
    #[arg(long, alias = "output-format", value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Write the diagnostics to this file instead of standard output.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output_file: Option<PathBuf>,
    /// Print the diagnostics and errors only: no closing count, no
    /// `fixed N issues` lines.
    #[arg(short, long)]
    pub quiet: bool,
    /// Run only these rules or categories (comma-separated; replaces
    /// `select` of yblint.toml).
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub select: Option<Vec<String>>,
    /// Run these rules or categories as well as the selected ones.
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub extend_select: Vec<String>,
    /// Do not run these rules or categories (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub ignore: Vec<String>,
    /// Standard input (`-`) is the file NAME: read as the kind its
    /// extension says, with its folder's yblint.toml and overrides.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<PathBuf>,
    /// Leave out files and folders that match these globs when walking
    /// folders (comma-separated; matched against each path and its names).
    #[arg(long, value_delimiter = ',', value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// More globs to leave out, added to --exclude.
    #[arg(long, value_delimiter = ',', value_name = "GLOB")]
    pub extend_exclude: Vec<String>,
    /// Apply the exclusions to files named on the command line too (for
    /// pre-commit, which names every file).
    #[arg(long)]
    pub force_exclude: bool,
    /// Print the files that would be checked, one a line, and exit.
    #[arg(long)]
    pub show_files: bool,
    /// Configuration file (default: yblint.toml in the checked folder or its parents).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// When to colour human output.
    #[arg(long, value_enum, default_value_t = ColorMode::Auto)]
    pub color: ColorMode,
    /// Apply the safe fixes to the files (atomically, keeping encoding,
    /// line endings and permissions), then report what remains. With `-`,
    /// print the fixed text to standard output instead.
    #[arg(long, conflicts_with = "diff")]
    pub fix: bool,
    /// With --fix or --diff: apply the unsafe fixes too.
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Print a unified diff of what --fix would change; write nothing.
    #[arg(long)]
    pub diff: bool,
    /// Apply the safe fixes and report nothing that remains; exit 0
    /// (implies --fix).
    #[arg(long, conflicts_with = "diff")]
    pub fix_only: bool,
    /// With --fix or --fix-only: exit 1 when a fix was applied, even if no
    /// error remains.
    #[arg(long)]
    pub exit_non_zero_on_fix: bool,
    /// Exit 0 even when errors are found (files that cannot be read or a
    /// broken configuration still exit 2).
    #[arg(long)]
    pub exit_zero: bool,
    /// Print the number of diagnostics of each rule instead of the
    /// diagnostics (human and short formats); the JSON document gains a
    /// `statistics` array.
    #[arg(long)]
    pub statistics: bool,
    /// Say what was verified: figures read, relations checked, and
    /// relations found but not checked with the reason (on standard error;
    /// with `--format json`, in `summary.coverage`). `--coverage=all` also
    /// lists each relation with its place and arithmetic (with `--format
    /// json`, in `summary.coverage.relations`).
    #[arg(long, value_enum, num_args = 0..=1, default_missing_value = "counts", require_equals = true, value_name = "WHAT")]
    pub coverage: Option<CoverageLevel>,
    /// Encoding of .txt and .md drafts (gbk, gb18030, utf-8, utf-16le, …); default: detected.
    #[arg(long, value_name = "NAME")]
    pub encoding: Option<String>,
    /// Report only the findings that are not recorded in this baseline file.
    #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
    pub baseline: Option<PathBuf>,
    /// Record today's findings in this baseline file (and print none).
    #[arg(long, value_name = "FILE", conflicts_with = "diff")]
    pub write_baseline: Option<PathBuf>,
}

/// How much `--coverage` says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CoverageLevel {
    /// Counts of relations checked and not checked (plain `--coverage`).
    Counts,
    /// The counts, and each relation with its place and arithmetic.
    All,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// rustc-style diagnostics with the source lines.
    Human,
    /// One JSON document (see the README for its fields).
    Json,
    /// One line a diagnostic: `path:line:col: severity[rule] message`;
    /// columns count characters.
    Short,
    /// As `short`, with columns in bytes (Vim's `%c`), and no closing count.
    Vim,
    /// SARIF 2.1.0, for GitHub code scanning.
    Sarif,
    /// GitHub Actions workflow commands (annotations on pull requests).
    Github,
}

/// Colour choice for human output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorMode {
    /// Colour when standard output is a terminal, or FORCE_COLOR or
    /// CLICOLOR_FORCE is set; never when NO_COLOR is set.
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
        Command::Check(args) => check::check(&args),
        Command::Rules => docs::list_rules(),
        Command::Rule { name, all } => match name {
            Some(name) if !all => docs::show_rule(&name),
            _ => docs::show_all_rules(),
        },
        Command::Dump { path } => dump::dump(&path),
        Command::Lsp => crate::lsp::run(),
    }
}

/// Renders a configuration error with the TOML lines it points into.
pub(super) fn config_error(e: &ConfigError) -> i32 {
    let mut stderr = termcolor::StandardStream::stderr(if std::io::stderr().is_terminal() {
        termcolor::ColorChoice::Auto
    } else {
        termcolor::ColorChoice::Never
    });
    match e.span {
        Some(span) if !e.text.is_empty() => {
            let file = SimpleFile::new(relative(&e.path), e.text.as_str());
            let d = cs::Diagnostic::error()
                .with_message(format!("invalid configuration: {}", e.message))
                .with_labels(vec![cs::Label::primary((), span.range())]);
            let _ = term::emit_to_write_style(&mut stderr, &term::Config::default(), &file, &d);
        }
        _ => {
            let _ = writeln!(
                stderr,
                "yblint: error: {}: {}",
                relative(&e.path),
                e.message
            );
        }
    }
    2
}

/// `path` relative to the current folder when it is below it (a found
/// `yblint.toml` is an absolute path), as the user would type it.
fn relative(path: &Path) -> String {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| {
            let cwd = std::fs::canonicalize(&cwd).unwrap_or(cwd);
            path.strip_prefix(&cwd)
                .ok()
                .map(|p| p.display().to_string())
        })
        .unwrap_or_else(|| path.display().to_string())
}

pub(super) fn display(p: &Path) -> String {
    if p.as_os_str() == "-" {
        "<stdin>".into()
    } else {
        p.display().to_string()
    }
}

pub(super) fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Whether `auto` colour is on: never with `NO_COLOR`; always with
/// `FORCE_COLOR` or `CLICOLOR_FORCE` (set to anything but `0` or empty);
/// otherwise when the output is a terminal.
pub(super) fn auto_color(terminal: bool) -> bool {
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty() && v != "0");
    if std::env::var_os("NO_COLOR").is_some() {
        false
    } else {
        set("FORCE_COLOR") || set("CLICOLOR_FORCE") || terminal
    }
}
