//! yblint: a linter for Chinese yearbook drafts (年鉴、地方志、统计公报).
//!
//! The pipeline, one module a stage:
//!
//! 1. [`source`]: read a file (encoding; plain text, Markdown or Word) into
//!    the text the rules see and a map back to the file;
//! 2. [`syntax`]: parse the text with the pest grammar into sections,
//!    entries, paragraphs, sentences, clauses and tokens with byte spans;
//! 3. [`quantity`]: read the figures with exact decimal values, units,
//!    displayed precision and labels;
//! 4. [`relations`]: find breakdowns (其中, 分别为) and what makes them exhaustive;
//! 5. [`rules`]: check them and produce [`diagnostic::Diagnostic`]s;
//! 6. [`render`]: show the diagnostics as text or JSON.
//!
//! [`check_text`] runs stages 2–5 on one text with a [`config::Config`];
//! [`check_document`] runs them on a [`source::Document`] and maps the
//! diagnostics back into its source.

#![warn(missing_docs)]

pub mod baseline;
pub mod cli;
pub mod config;
pub mod coverage;
pub mod diagnostic;
pub mod fix;
pub mod formula;
pub mod guard;
pub mod lsp;
pub mod quantity;
pub mod relations;
pub mod render;
pub mod rules;
pub mod source;
pub mod span;
pub mod suppress;
pub mod syntax;
pub mod text;

use config::Config;
use diagnostic::Diagnostic;

/// Checks the text of one draft with every enabled rule.
///
/// Returns the diagnostics sorted by position, with each severity lowered
/// to at most the rule's configured severity. A rule that fails (panics)
/// costs only its own findings: it gives one diagnostic of the rule
/// [`diagnostic::INTERNAL_ERROR`] at the start of the text that names it.
///
/// Errors: [`syntax::ParseFailure`] only on a bug in the grammar.
pub fn check_text(text: &str, config: &Config) -> Result<Vec<Diagnostic>, syntax::ParseFailure> {
    check_text_with_coverage(text, config).map(|(d, _)| d)
}

/// Like [`check_text`], and also returns what the rules verified and what
/// they could not ([`coverage::Coverage`]).
///
/// Errors: [`syntax::ParseFailure`] only on a bug in the grammar.
pub fn check_text_with_coverage(
    text: &str,
    config: &Config,
) -> Result<(Vec<Diagnostic>, coverage::Coverage), syntax::ParseFailure> {
    check_cut_text(text, &[], &[], config)
}

/// Checks a [`source::Document`] (plain text, Markdown or Word) with every
/// enabled rule: the rules read its checked text, cut at its block cuts,
/// and the diagnostics come back moved into its source text
/// ([`source::Document::to_source`]: spans cover what they stood for, a fix
/// is kept only when every edit maps exactly), sorted by position.
///
/// Errors: [`syntax::ParseFailure`] only on a bug in the grammar.
pub fn check_document(
    doc: &source::Document,
    config: &Config,
) -> Result<Vec<Diagnostic>, syntax::ParseFailure> {
    check_document_with_coverage(doc, config).map(|(d, _)| d)
}

/// Like [`check_document`], and also returns the coverage of the check.
///
/// Errors: [`syntax::ParseFailure`] only on a bug in the grammar.
pub fn check_document_with_coverage(
    doc: &source::Document,
    config: &Config,
) -> Result<(Vec<Diagnostic>, coverage::Coverage), syntax::ParseFailure> {
    let (found, coverage) = check_cut_text(&doc.text, &doc.cuts, &doc.tables, config)?;
    let mut coverage = coverage;
    coverage.map_spans(|s| doc.source_span(s));
    let mut out: Vec<Diagnostic> = found.into_iter().map(|d| doc.to_source(d)).collect();
    out.sort_by_key(|d| (d.span.start, d.span.end, d.rule));
    out.dedup();
    Ok((out, coverage))
}

fn check_cut_text(
    text: &str,
    cuts: &[usize],
    tables: &[source::Table],
    config: &Config,
) -> Result<(Vec<Diagnostic>, coverage::Coverage), syntax::ParseFailure> {
    // Figures and relations are read from a simplified copy of a draft in
    // traditional script; it has the same byte offsets as `text`, which the
    // rules see.
    let read = syntax::script::simplified(text);
    let draft = syntax::parse_with_cuts(&read, cuts)?;
    let quantities = quantity::extract(&read, &draft, &config.tables.units, &config.tables.words);
    let prose = relations::partition::in_prose(&config.tables.partitions);
    let doc = relations::Doc::new(&read, &draft, &quantities, &prose);
    let graph = relations::Graph::build(
        &doc,
        &config.tables.breakdown,
        tables,
        &config.tables.partitions,
    );
    let coverage =
        coverage::Coverage::with_figures(quantities.len()).recording(config.relation_detail);
    let cx = rules::Context {
        graph: &graph,
        coverage: &coverage,
        text,
        draft: &draft,
        quantities: &quantities,
        doc: &doc,
        tables: &config.tables,
    };
    let mut out = Vec::new();
    for active in &config.rules {
        let start = out.len();
        let name = active.def.name;
        let run = guard::catch(|| {
            guard::test_panic(name);
            active.rule.check(&cx, &mut out);
        });
        if let Err(panic) = run {
            // What the rule pushed before it failed may be half-made.
            out.truncate(start);
            out.push(Diagnostic::new(
                diagnostic::INTERNAL_ERROR,
                "internal",
                diagnostic::Severity::Error,
                span::Span::new(0, 0),
                guard::rule_error(name, &panic),
            ));
            continue;
        }
        for d in &mut out[start..] {
            d.severity = d.severity.min(active.severity);
        }
    }
    out.sort_by_key(|d| (d.span.start, d.span.end, d.rule));
    out.dedup();
    Ok((out, coverage))
}
