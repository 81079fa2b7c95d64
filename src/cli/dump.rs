//! `yblint dump FILE` (hidden): the figures, breakdowns, shares and tables
//! yblint reads in a draft, to see why a rule did or did not fire.

use std::path::Path;

use super::config_error;
use crate::config::{find_config, Config};
use crate::source;

/// Prints the figures and breakdowns of the draft at `path`; the exit code.
pub(super) fn dump(path: &Path) -> i32 {
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
    // Read as `yblint check` reads: from the simplified copy of the text.
    let read = crate::syntax::script::simplified(text);
    let Ok(draft) = crate::syntax::parse_with_cuts(&read, &src.cuts) else {
        return 2;
    };
    let qs = crate::quantity::extract(&read, &draft, &config.tables.units, &config.tables.words);
    for (i, q) in qs.iter().enumerate() {
        println!(
            "q{i} {:?} @{}..{} {:?} value={} step={} unit={} role={:?} approx={:?} timing={:?} label={:?} after={:?}{}{}",
            q.span.slice(text),
            q.span.start,
            q.span.end,
            q.location,
            q.value,
            q.step,
            q.display_unit,
            q.role,
            q.approx,
            q.timing,
            q.label_text,
            q.after,
            if q.non_additive { " non-additive" } else { "" },
            if q.in_parens { " in-parens" } else { "" },
        );
    }
    let prose = crate::relations::partition::in_prose(&config.tables.partitions);
    let doc = crate::relations::Doc::new(&read, &draft, &qs, &prose);
    let graph = crate::relations::Graph::build(
        &doc,
        &config.tables.breakdown,
        &src.tables,
        &config.tables.partitions,
    );
    for b in &graph.breakdowns {
        println!(
            "breakdown {:?} total=q{} parts={:?} cover={:?} overlapping={}",
            b.kind, b.total, b.parts, b.cover, b.overlapping
        );
    }
    let opts = crate::rules::arithmetic::share::builtin_options();
    let reading =
        crate::relations::share_statements(&doc, &config.tables.words, &opts, &graph.breakdowns);
    for s in &reading.statements {
        let share = s.share.map(|i| &reading.shares[i]);
        println!(
            "share {:?} part={} base_name={:?} base={}{}",
            s.stated.span.slice(text),
            s.part.map_or("-".into(), |p| format!("q{p}")),
            s.base_name,
            share.map_or("-".into(), |x| format!("q{}", x.base)),
            share.map_or(String::new(), |x| {
                let mut how = Vec::new();
                if x.sure {
                    how.push("sure");
                }
                if x.lead {
                    how.push("lead");
                }
                if x.listed {
                    how.push("listed");
                }
                if x.sibling.is_some() {
                    how.push("sibling");
                }
                format!(" ({})", how.join(", "))
            }),
        );
    }
    for g in &reading.implied {
        println!(
            "share-group of {:?}: {:?}",
            g.base_name,
            g.members
                .iter()
                .map(|(p, s, _)| format!("q{p} {}", s.slice(text)))
                .collect::<Vec<_>>()
        );
    }
    for g in crate::relations::share_sums(&doc, &opts, &reading) {
        println!(
            "share-sum {} complete={}: {:?}",
            g.whole,
            g.complete,
            g.members
                .iter()
                .map(|(s, n)| format!("{n} {}", s.span.slice(text)))
                .collect::<Vec<_>>()
        );
    }
    for (i, g) in graph.tables.grids.iter().enumerate() {
        println!(
            "table {i} at {}..{} unit={:?}",
            g.span.start, g.span.end, g.unit
        );
        println!("  headers {:?}", g.headers);
        for r in &g.rows {
            let cells: Vec<String> = r
                .cells
                .iter()
                .map(|c| match c {
                    crate::relations::table::Cell::Num(n) => n.value.to_string(),
                    crate::relations::table::Cell::Blank => "·".into(),
                    crate::relations::table::Cell::Text => "T".into(),
                })
                .collect();
            println!("  {:>3} {:<16} {}", r.indent, r.label, cells.join(" | "));
        }
    }
    for r in &graph.tables.relations {
        let ok = crate::relations::table::holds(&r.check, r.exact);
        println!(
            "table-relation {} {:?} exact={} row={:?} column={:?} {}",
            if ok { "holds" } else { "FAILS" },
            r.basis,
            r.exact,
            r.row,
            r.column,
            describe(&r.check)
        );
    }
    0
}

fn describe(c: &crate::relations::table::Check) -> String {
    use crate::relations::table::Check;
    match c {
        Check::Sum {
            total,
            parts,
            subset,
        } => format!(
            "{} {} {}",
            total.value,
            if *subset { ">=" } else { "=" },
            parts
                .iter()
                .map(|p| p.value.to_string())
                .collect::<Vec<_>>()
                .join(" + ")
        ),
        Check::Structure { parts } => format!(
            "100 = {}",
            parts
                .iter()
                .map(|p| p.value.to_string())
                .collect::<Vec<_>>()
                .join(" + ")
        ),
        Check::Share {
            share,
            part,
            base,
            per,
        } => {
            format!(
                "{}% = {} / {} (x {per})",
                share.value, part.value, base.value
            )
        }
        Check::Growth { growth, this, last } => {
            format!("{}% = {} vs {}", growth.value, this.value, last.value)
        }
    }
}
