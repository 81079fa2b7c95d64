//! `yblint check`: collect the drafts, load their configuration, check them
//! and print the diagnostics.

use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use super::{config_error, display, plural, CheckArgs, ColorMode, Format};
use crate::baseline::Baseline;
use crate::config::{find_config, Config, Selection};
use crate::coverage::Coverage;
use crate::diagnostic::{Diagnostic, Severity, INTERNAL_ERROR};
use crate::fix::{self, FixMode};
use crate::render::{self, FileReport, Summary};
use crate::source::{self, Document};
use crate::suppress;

/// Files to check under the given paths, in a stable order. Folders are
/// walked for drafts of every kind yblint reads
/// ([`source::WALKED_EXTENSIONS`]: `.txt`, `.md`, `.docx`, workbooks, `.csv`;
/// not the `~$` lock files of Word and Excel),
/// honouring `.gitignore`; files named
/// directly are checked whatever their extension. A folder that holds no
/// draft (and could be read) gets a warning on standard error.
fn collect(
    paths: &[PathBuf],
    exclude: &Exclude,
    failures: &mut Vec<(String, String)>,
) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(p.clone());
        } else if p.is_dir() {
            if exclude.force && exclude.matches(p) {
                continue;
            }
            let mut unreadable = false;
            let mut walker = ignore::WalkBuilder::new(p);
            walker.require_git(false);
            if !exclude.is_empty() {
                let exclude = exclude.clone();
                walker.filter_entry(move |e| !exclude.matches(e.path()));
            }
            let mut found: Vec<PathBuf> = walker
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
                    let ext = f
                        .extension()
                        .and_then(|x| x.to_str())
                        .map(|x| x.to_ascii_lowercase())
                        .unwrap_or_default();
                    if let Some(why) = source::unsupported(&ext) {
                        eprintln!("yblint: warning: {}: not checked: {why}", f.display());
                    }
                    true
                })
                .filter(|f| {
                    f.extension()
                        .and_then(|x| x.to_str())
                        .is_some_and(|x| {
                            source::WALKED_EXTENSIONS.contains(&x.to_ascii_lowercase().as_str())
                        })
                        // The lock file of Word or Excel beside an open document.
                        && !f
                            .file_name()
                            .and_then(|n| n.to_str())
                            .is_some_and(|n| n.starts_with("~$"))
                })
                .collect();
            if found.is_empty() && !unreadable {
                eprintln!(
                    "yblint: warning: no .txt, .md, .docx, .xlsx, .xls, .ods or .csv drafts found under {}",
                    p.display()
                );
            }
            found.sort();
            out.extend(found);
        } else if p.exists() {
            if !(exclude.force && exclude.matches(p)) {
                out.push(p.clone());
            }
        } else {
            failures.push((p.display().to_string(), "no such file or folder".into()));
        }
    }
    out
}

/// The globs of `--exclude` and `--extend-exclude`.
#[derive(Clone, Default)]
struct Exclude {
    globs: globset::GlobSet,
    /// `--force-exclude`: files named on the command line too.
    force: bool,
}

impl Exclude {
    /// The exclusions of the command line; an error for a bad glob.
    fn new(args: &CheckArgs) -> Result<Exclude, String> {
        let mut set = globset::GlobSetBuilder::new();
        for g in args.exclude.iter().chain(&args.extend_exclude) {
            let glob = globset::GlobBuilder::new(g)
                .literal_separator(true)
                .build()
                .map_err(|e| format!("invalid glob `{g}` in --exclude: {}", e.kind()))?;
            set.add(glob);
        }
        Ok(Exclude {
            globs: set
                .build()
                .map_err(|e| format!("invalid --exclude globs: {e}"))?,
            force: args.force_exclude,
        })
    }

    fn is_empty(&self) -> bool {
        self.globs.is_empty()
    }

    /// Whether `path` is excluded: a glob matches the path as given (with
    /// any leading `./` removed) or one of the names it is made of.
    fn matches(&self, path: &Path) -> bool {
        if self.globs.is_empty() {
            return false;
        }
        let path = path.strip_prefix(".").unwrap_or(path);
        self.globs.is_match(path)
            || path
                .components()
                .any(|c| self.globs.is_match(Path::new(c.as_os_str())))
    }
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

/// What `--fix` or `--diff` does to one file.
struct Fixing {
    /// `--quiet`: no `fixed N issues` line.
    quiet: bool,
    mode: FixMode,
    /// Write the files (`--fix`) or print a diff (`--diff`).
    write: bool,
}

/// What checking (and perhaps fixing) one file gave.
struct Checked {
    report: FileReport,
    /// The fixed text of standard input, to print.
    stdout_text: Option<String>,
    /// The unified diff (`--diff`).
    diff: String,
    /// What the check verified (of the fixed text, when fixed).
    coverage: Coverage,
    /// How many fixes were applied (or would be, with `--diff`).
    fixed: usize,
}

/// Checks one draft read as `src` with `config`; fixes it when `fixing`
/// says so (never a `.docx`, a workbook or a CSV file: refused with a
/// warning, checked as it is).
/// Errors (a write refused, a grammar bug) go to `failures`.
fn check_one(
    file: &Path,
    src: Document,
    config: &Config,
    fixing: Option<&Fixing>,
    want_coverage: bool,
    failures: &mut Vec<(String, String)>,
) -> Option<Checked> {
    let markers = suppress::Markers::scan(src.source_text());
    for p in &markers.problems {
        eprintln!("yblint: warning: {}:{}: {}", src.name, p.line, p.message);
    }
    let fixing = match fixing {
        Some(_) if !src.fixable() => {
            if src.kind == source::Kind::Docx {
                eprintln!(
                    "yblint: warning: {}: not fixed: yblint does not rewrite .docx files (fix it in Word)",
                    src.name
                );
            } else {
                eprintln!(
                    "yblint: warning: {}: not fixed: yblint does not rewrite workbooks or CSV files (fix it in the spreadsheet)",
                    src.name
                );
            }
            None
        }
        f => f,
    };
    let Some(fixing) = fixing else {
        return match suppress::check_source(&src, src.source_text(), config) {
            Ok((mut diagnostics, coverage)) => {
                take_internal_errors(&src.name, &mut diagnostics, failures);
                Some(Checked {
                    report: FileReport::from_document(src, diagnostics),
                    stdout_text: None,
                    diff: String::new(),
                    coverage,
                    fixed: 0,
                })
            }
            Err(e) => {
                failures.push((src.name, e.to_string()));
                None
            }
        };
    };
    let original = src.source_text().to_string();
    let lint = |t: &str| suppress::check_source(&src, t, config).map(|(d, _)| d);
    let mut outcome = match fix::fix_text(&original, fixing.mode, lint) {
        Ok(o) => o,
        Err(e) => {
            failures.push((src.name, e.to_string()));
            return None;
        }
    };
    take_internal_errors(&src.name, &mut outcome.diagnostics, failures);
    for r in &outcome.refused {
        if r.joins {
            eprintln!(
                "yblint: warning: {}: a fix of {} was not applied: it would join two figures into one or split one ({}); make it by hand if the source says so",
                src.name, r.rule, r.message
            );
        } else {
            eprintln!(
                "yblint: warning: {}: a fix of {} was not applied: it would change a digit ({}); please report this bug",
                src.name, r.rule, r.message
            );
        }
    }
    let fixed = fix::write::keep_line_endings(&original, outcome.text);
    let changed = fixed != original;
    let stdin = file.as_os_str() == "-" || src.name == "<stdin>";
    let n = outcome.applied;
    let name = src.name.clone();
    // The coverage of the text as it stands after fixing.
    let coverage = if want_coverage {
        suppress::check_source(&src, &fixed, config)
            .map(|(_, c)| c)
            .unwrap_or_default()
    } else {
        Coverage::default()
    };
    let fixed_report = |src: &Document, fixed: &str, diagnostics| {
        FileReport::from_document(src.with_source_text(fixed.to_string()), diagnostics)
    };
    if !fixing.write {
        let diff = fix::diff::unified(&name, &original, &fixed);
        if changed && !fixing.quiet {
            eprintln!("would fix {n} issue{} in {}", plural(n), name);
        }
        return Some(Checked {
            report: fixed_report(&src, &fixed, outcome.diagnostics),
            stdout_text: None,
            diff,
            coverage,
            fixed: if changed { n } else { 0 },
        });
    }
    let mut stdout_text = None;
    if stdin {
        stdout_text = Some(fixed.clone());
    } else if changed {
        let written = match (src.encode(&original), src.encode(&fixed)) {
            (Ok(before), Ok(after)) => fix::write::write_atomic(file, &before, &after),
            (_, Err(e)) | (Err(e), _) => Err(fix::write::WriteError::Unencodable {
                encoding: e.encoding.to_string(),
                character: e.character,
            }),
        };
        if let Err(e) = written {
            failures.push((name, e.to_string()));
            // The file is as it was: report what it holds.
            let (mut diagnostics, coverage) =
                suppress::check_source(&src, &original, config).unwrap_or_default();
            diagnostics.retain(|d| d.rule != INTERNAL_ERROR);
            return Some(Checked {
                report: FileReport::from_document(src, diagnostics),
                stdout_text: None,
                diff: String::new(),
                coverage,
                fixed: 0,
            });
        }
    }
    if changed && !fixing.quiet {
        eprintln!("fixed {n} issue{} in {}", plural(n), name);
    }
    Some(Checked {
        report: fixed_report(&src, &fixed, outcome.diagnostics),
        stdout_text,
        diff: String::new(),
        coverage,
        fixed: if changed { n } else { 0 },
    })
}

/// Loads the configuration file `path`; a failure (panic) while loading it
/// is an error of that file, as a broken configuration is.
fn load_config(path: &Path, selection: &Selection) -> Result<Config, crate::config::ConfigError> {
    crate::guard::catch(|| Config::from_file_with(path, selection)).unwrap_or_else(|panic| {
        Err(crate::config::ConfigError {
            path: path.to_path_buf(),
            text: String::new(),
            span: None,
            message: crate::guard::file_error(&panic),
        })
    })
}

/// Moves the internal errors of rules that failed on the file `name` out of
/// its findings into `failures`: each is one error line, and the run exits 2.
fn take_internal_errors(
    name: &str,
    diagnostics: &mut Vec<Diagnostic>,
    failures: &mut Vec<(String, String)>,
) {
    diagnostics.retain(|d| {
        if d.rule == INTERNAL_ERROR {
            failures.push((name.to_string(), d.message.clone()));
            false
        } else {
            true
        }
    });
}

/// Runs `yblint check`; returns the exit code.
pub(super) fn check(args: &CheckArgs) -> i32 {
    let selection = Selection {
        select: args.select.clone(),
        extend_select: args.extend_select.clone(),
        ignore: args.ignore.clone(),
    };
    for name in selection
        .select
        .iter()
        .flatten()
        .chain(&selection.extend_select)
        .chain(&selection.ignore)
    {
        if let Err(m) = crate::config::check_rule_name(name) {
            eprintln!("yblint: error: {m}");
            return 2;
        }
    }
    let exclude = match Exclude::new(args) {
        Ok(e) => e,
        Err(m) => {
            eprintln!("yblint: error: {m}");
            return 2;
        }
    };
    let fix = args.fix || args.fix_only;
    if args.unsafe_fixes && !(fix || args.diff) {
        eprintln!("yblint: error: --unsafe-fixes applies fixes only with --fix or --diff");
        return 2;
    }
    if args.exit_non_zero_on_fix && !fix {
        eprintln!("yblint: error: --exit-non-zero-on-fix applies only with --fix or --fix-only");
        return 2;
    }
    let fixing = (fix || args.diff).then_some(Fixing {
        quiet: args.quiet,
        mode: if args.unsafe_fixes {
            FixMode::Unsafe
        } else {
            FixMode::Safe
        },
        write: fix,
    });
    let baseline = match &args.baseline {
        Some(p) => match Baseline::load(p) {
            Ok(b) => Some(b),
            Err(e) => {
                eprintln!("yblint: error: {}: {e}", p.display());
                return 2;
            }
        },
        None => None,
    };
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let mut failures: Vec<(String, String)> = Vec::new();
    let options = match &args.encoding {
        None => source::ReadOptions::default(),
        Some(name) => match source::encoding::for_label(name) {
            Some(e) => source::ReadOptions { encoding: Some(e) },
            None => {
                eprintln!("yblint: error: unknown encoding `{name}` (try gbk, gb18030, utf-8, utf-16le, utf-16be)");
                return 2;
            }
        },
    };
    let files = collect(&paths, &exclude, &mut failures);
    if args.show_files {
        for (path, message) in &failures {
            eprintln!("yblint: error: {path}: {message}");
        }
        let mut out = String::new();
        for f in &files {
            out.push_str(&display(f));
            out.push('\n');
        }
        print!("{out}");
        return if failures.is_empty() { 0 } else { 2 };
    }
    if args.stdin_filename.is_some() && !files.iter().any(|f| f.as_os_str() == "-") {
        eprintln!("yblint: error: --stdin-filename names standard input: give `-` as the path");
        return 2;
    }
    // The fixed text of standard input goes to standard output: the
    // diagnostics go to standard error then.
    let stdin_fixed = fix && files.iter().any(|f| f.as_os_str() == "-");

    // `--coverage=all`: each relation is recorded with its place.
    let detail = args.coverage == Some(super::CoverageLevel::All);
    let fixed = match &args.config {
        Some(p) => match load_config(p, &selection) {
            Ok(mut c) => {
                c.relation_detail = detail;
                Some(c)
            }
            Err(e) => return config_error(&e),
        },
        None => None,
    };
    // Configurations by file found; `None` for one that is broken (reported
    // once; the files it governs are skipped and the run exits 2).
    let mut found: HashMap<Option<PathBuf>, Option<Config>> = HashMap::new();
    let mut broken_config = false;
    // Configurations with overrides applied, by (file, overrides).
    let mut derived: HashMap<(Option<PathBuf>, Vec<usize>), Option<Config>> = HashMap::new();

    let mut reports = Vec::new();
    let mut coverage = Coverage::default().recording(detail);
    let mut diffs = String::new();
    let mut stdout_texts = Vec::new();
    let mut fixes_applied = 0;
    for file in &files {
        let config = match &fixed {
            Some(c) => c,
            None => {
                let start = if file.as_os_str() == "-" {
                    args.stdin_filename.as_deref().unwrap_or(Path::new("."))
                } else {
                    file.as_path()
                };
                let key = find_config(start);
                let entry = found.entry(key.clone()).or_insert_with(|| {
                    let loaded = match &key {
                        Some(p) => load_config(p, &selection),
                        None => Config::load_with(None, &selection),
                    };
                    match loaded {
                        Ok(mut c) => {
                            c.relation_detail = detail;
                            Some(c)
                        }
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
        // Per-path settings: one configuration per set of matching overrides.
        let matched = match (&args.stdin_filename, file.as_os_str() == "-") {
            (Some(name), true) => config.overrides.matching(name),
            _ => config.overrides.matching(file),
        };
        let config = if matched.is_empty() {
            config
        } else {
            let key = (config.source.clone(), matched);
            let entry = derived.entry(key).or_insert_with_key(|(_, m)| {
                config
                    .with_overrides(m)
                    .map_err(|e| {
                        config_error(&e);
                    })
                    .ok()
            });
            match entry {
                Some(c) => &*c,
                None => {
                    broken_config = true;
                    failures.push((
                        display(file),
                        "not checked: its configuration is broken (see above)".into(),
                    ));
                    continue;
                }
            }
        };
        // A failure (panic) while reading or checking this file costs only
        // this file.
        let checked = crate::guard::catch(|| {
            let read = if file.as_os_str() == "-" {
                match &args.stdin_filename {
                    Some(name) => source::read_stdin_as(name, &options),
                    None => source::read_stdin_with(&options),
                }
            } else {
                source::read_path_with(file, &options)
            };
            let doc: Document = match read {
                Ok(s) => s,
                Err(e) => {
                    failures.push((display(file), e.to_string()));
                    return None;
                }
            };
            check_one(
                file,
                doc,
                config,
                fixing.as_ref(),
                args.coverage.is_some(),
                &mut failures,
            )
        });
        let checked = checked.unwrap_or_else(|panic| {
            failures.push((display(file), crate::guard::file_error(&panic)));
            None
        });
        if let Some(c) = checked {
            let mut c = c;
            c.coverage.place(&c.report);
            coverage.merge(&c.coverage);
            diffs.push_str(&c.diff);
            stdout_texts.extend(c.stdout_text);
            fixes_applied += c.fixed;
            reports.push(c.report);
        }
    }

    if let Some(file) = &args.write_baseline {
        let mut b = Baseline::new(file);
        b.record(&reports);
        if let Err(e) = std::fs::write(file, b.to_json()) {
            failures.push((
                file.display().to_string(),
                format!("cannot write the baseline: {e}"),
            ));
        } else {
            if !args.quiet {
                eprintln!(
                    "recorded {} finding{} in {}",
                    b.len(),
                    plural(b.len()),
                    file.display()
                );
            }
        }
        reports.iter_mut().for_each(|r| r.diagnostics.clear());
    }
    if let Some(b) = &baseline {
        let known = b.filter(&mut reports);
        if known > 0 && !args.quiet {
            eprintln!(
                "{known} finding{} recorded in the baseline not shown",
                plural(known)
            );
        }
    }
    for (path, message) in &failures {
        eprintln!("yblint: error: {path}: {message}");
    }
    let summary = Summary::of(&reports);
    let extras = render::json::Extras {
        statistics: args.statistics,
        coverage: args.coverage.is_some().then_some(&coverage),
    };
    let rendered = if args.diff {
        diffs.clone()
    } else if args.fix_only {
        String::new()
    } else {
        match args.format {
            Format::Json => format!("{}\n", render::json::render_with(&reports, &extras)),
            Format::Human | Format::Short if args.statistics => {
                render::statistics::render(&reports)
            }
            Format::Short => render::short::render(&reports),
            Format::Vim => render::short::render_vim(&reports),
            Format::Github => render::github::render(&reports),
            Format::Sarif => {
                let metadata = match &fixed {
                    Some(c) => Ok(c),
                    None => found.values().flatten().next().map(Ok).unwrap_or(Err(())),
                };
                let builtin;
                let config = match metadata {
                    Ok(c) => c,
                    Err(()) => match Config::builtin() {
                        Ok(c) => {
                            builtin = c;
                            &builtin
                        }
                        Err(e) => return config_error(&e),
                    },
                };
                format!("{}\n", render::sarif::render(&reports, config))
            }
            Format::Human => {
                let color = match args.color {
                    ColorMode::Always => true,
                    ColorMode::Never => false,
                    ColorMode::Auto => {
                        let terminal = if stdin_fixed {
                            std::io::stderr().is_terminal()
                        } else {
                            args.output_file.is_none() && std::io::stdout().is_terminal()
                        };
                        super::auto_color(terminal)
                    }
                };
                render::human::render(&reports, color)
            }
        }
    };
    let written = if let Some(out) = &args.output_file {
        if let Err(e) = std::fs::write(out, rendered.as_bytes()) {
            eprintln!("yblint: error: {}: cannot write: {e}", out.display());
            return 2;
        }
        let mut stdout = std::io::stdout().lock();
        stdout_texts
            .iter()
            .try_for_each(|t| stdout.write_all(t.as_bytes()))
            .and_then(|_| stdout.flush())
    } else if stdin_fixed {
        let mut stdout = std::io::stdout().lock();
        let mut ok = stdout_texts
            .iter()
            .try_for_each(|t| stdout.write_all(t.as_bytes()))
            .and_then(|_| stdout.flush());
        let mut stderr = std::io::stderr().lock();
        ok = ok.and(stderr.write_all(rendered.as_bytes()));
        ok
    } else {
        let mut stdout = std::io::stdout().lock();
        stdout
            .write_all(rendered.as_bytes())
            .and_then(|_| stdout.flush())
    };
    if written.is_err() {
        // Standard output closed (e.g. piped into `head`): nothing more to say.
        return 2;
    }
    let count = !args.quiet && !args.fix_only && args.format != Format::Vim;
    if count {
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
    }
    if args.coverage.is_some() && args.format != Format::Json {
        eprint!("{}", coverage.render());
        if args.coverage == Some(super::CoverageLevel::All) {
            eprint!("{}", coverage.render_relations());
        }
    }
    if !failures.is_empty() || broken_config {
        2
    } else if args.diff {
        i32::from(!diffs.is_empty())
    } else if args.exit_non_zero_on_fix && fixes_applied > 0 {
        1
    } else if args.fix_only || args.exit_zero {
        0
    } else {
        i32::from(any_error(&reports))
    }
}

fn any_error(reports: &[FileReport]) -> bool {
    reports
        .iter()
        .flat_map(|r| &r.diagnostics)
        .any(|d: &Diagnostic| d.severity == Severity::Error)
}
