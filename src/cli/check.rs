//! `yblint check`: collect the drafts, load their configuration, check them
//! and print the diagnostics.

use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use super::{config_error, display, plural, CheckArgs, ColorMode, Format};
use crate::config::{find_config, Config};
use crate::diagnostic::Severity;
use crate::render::{self, FileReport, Summary};
use crate::source::{self, SourceFile};

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

/// Runs `yblint check`; returns the exit code.
pub(super) fn check(args: &CheckArgs) -> i32 {
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
