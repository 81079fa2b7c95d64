//! Relations between quantities: breakdowns (其中, 分别为) with their totals
//! and parts, and what makes parts exhaustive.
//!
//! Extraction errs on the side of silence: when a sentence does not say
//! plainly which figure is the total and which are its parts, no relation is
//! built, so no rule can report on it.
//!
//! - `breakdown.rs`: the options, the entry point [`breakdowns`], and which
//!   figures may be a total or a part;
//! - `qizhong.rs`: `其中` breakdowns, read clause by clause;
//! - `fenbie.rs`: `分别为` lists and their totals;
//! - `parens.rs`: parts in brackets after their total;
//! - `groups.rs`: grouping parts by partition or age band, and coverage;
//! - `label.rs`: helpers on labels (head nouns, age bands);
//! - [`change`]: growth statements (增长p%, 增长n倍) and their operands;
//! - [`change_points`]: changes of a rate in percentage points;
//! - [`change_contrib`]: contributions to growth (贡献率, 拉动);
//! - [`partition`]: the partitions of `rules/partitions.toml`.

mod breakdown;
pub mod change;
pub mod change_contrib;
pub mod change_more;
pub mod change_points;
pub mod change_table;
mod complement;
mod distant;
mod fenbie;
pub mod flows;
mod groups;
mod item_records;
mod label;
mod parens;
pub mod partition;
mod qizhong;
pub mod ratio;
pub mod share;
mod share_runs;
mod share_sum;
mod summed;
pub mod table;

pub use breakdown::{breakdowns, BreakdownOptions};
pub use partition::Partition;
pub use ratio::{
    label_name, sex_ratios, structures, RatioOptions, SexRatio, Structure, StructureName, Term,
};
pub use share::{
    share_statements, shares, Share, ShareOptions, ShareReading, ShareStatement, StatedShare,
};
pub use share_runs::ImpliedGroup;
pub use share_sum::{share_sums, ShareSum};

use std::collections::HashMap;

use crate::quantity::{Location, Quantity};
use crate::span::Span;
use crate::syntax::{Clause, Draft};

/// A draft with its quantities and the tables relations are read with.
pub struct Doc<'a> {
    /// The checked text.
    pub text: &'a str,
    /// Its parse tree.
    pub draft: &'a Draft,
    /// Its quantities in source order.
    pub quantities: &'a [Quantity],
    /// Known partitions.
    pub partitions: &'a [Partition],
    by_clause: HashMap<Location, Vec<usize>>,
}

impl<'a> Doc<'a> {
    /// Indexes the quantities of a parsed draft by clause.
    pub fn new(
        text: &'a str,
        draft: &'a Draft,
        quantities: &'a [Quantity],
        partitions: &'a [Partition],
    ) -> Self {
        let mut by_clause: HashMap<Location, Vec<usize>> = HashMap::new();
        for (i, q) in quantities.iter().enumerate() {
            by_clause.entry(q.location).or_default().push(i);
        }
        Doc {
            text,
            draft,
            quantities,
            partitions,
            by_clause,
        }
    }

    /// Indices of the quantities of one clause, in order.
    pub fn in_clause(&self, paragraph: usize, sentence: usize, clause: usize) -> &[usize] {
        self.by_clause
            .get(&Location {
                paragraph,
                sentence,
                clause,
            })
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Indices of the quantities of one sentence, in order.
    pub fn in_sentence(
        &self,
        paragraph: usize,
        sentence: usize,
    ) -> impl Iterator<Item = usize> + '_ {
        let clauses = self.draft.paragraphs[paragraph].sentences[sentence]
            .clauses
            .len();
        (0..clauses).flat_map(move |c| self.in_clause(paragraph, sentence, c).iter().copied())
    }

    /// Indices of the quantities of one paragraph (quantities are in source
    /// order, so they form one range).
    pub fn in_paragraph(&self, paragraph: usize) -> std::ops::Range<usize> {
        let start = self
            .quantities
            .partition_point(|q| q.location.paragraph < paragraph);
        let end = self
            .quantities
            .partition_point(|q| q.location.paragraph <= paragraph);
        start..end
    }

    /// The clause at a location.
    pub fn clause(&self, paragraph: usize, sentence: usize, clause: usize) -> &'a Clause {
        &self.draft.paragraphs[paragraph].sentences[sentence].clauses[clause]
    }

    /// The clause's text without spaces and line breaks, and the byte offset
    /// of its first visible character.
    pub fn clause_text(&self, clause: &Clause) -> (String, usize) {
        let raw = clause.span.slice(self.text);
        let lead = raw.len() - raw.trim_start().len();
        (
            raw.chars().filter(|c| !c.is_whitespace()).collect(),
            clause.span.start + lead,
        )
    }
}

/// The relations between the figures of one draft, read once and shared by
/// every rule, `yblint dump` and the coverage report: today its breakdowns
/// (其中, 分别为, brackets, `X中，` openers, `按…分` cuts), each with its total,
/// its parts and why they are exhaustive or not.
#[derive(Debug, Clone, Default)]
pub struct Graph {
    /// Every breakdown of the draft, read with the lexicon's breakdown words.
    pub breakdowns: Vec<Breakdown>,
    /// Changes and flows that must add up: a level and the earlier level
    /// with the change between them, changes of the shares of a whole,
    /// changes of covering parts (see [`flows`]).
    pub flows: Vec<flows::Flow>,
    /// The tables of the draft (Markdown, Word and plain-text tables) with
    /// their totals, subsets, share and growth columns.
    pub tables: table::Tables,
}

impl Graph {
    /// Reads the relations of a draft with the breakdown words of the
    /// configuration (`[rules.breakdown-sum]`, see
    /// [`crate::rules::arithmetic::breakdown_sum::lexicon`]).
    /// `tables` are the tables of the document's markup (Markdown, Word);
    /// tables in plain text are found in the text.
    /// `partitions` are all partitions, those read only in tables too.
    pub fn build(
        doc: &Doc<'_>,
        words: &BreakdownOptions,
        tables: &[crate::source::Table],
        partitions: &[Partition],
    ) -> Graph {
        let breakdowns = breakdowns(doc, words);
        let flows = flows::flows(doc, &breakdowns);
        Graph {
            breakdowns,
            flows,
            tables: table::read(doc.text, tables, partitions, &words.overlap_words),
        }
    }
}

/// Why the parts of a breakdown make up the whole of its total.
#[derive(Debug, Clone, PartialEq)]
pub enum Cover {
    /// The parts are the members of a partition.
    Partition {
        /// The partition's name (`城乡`).
        name: String,
        /// Its members as the parts name them (`城市`, `农村`).
        members: Vec<String>,
    },
    /// Age bands that cover every age (0-17岁 … 60岁及以上).
    AgeBands,
    /// The total is stated as the sum of the list (`…，合计38368人`).
    Stated,
}

/// How a breakdown is stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BreakdownKind {
    /// `总数…，其中，A…，B…`.
    Qizhong,
    /// `A、B和C分别为x、y、z` with the total stated earlier.
    Fenbie,
    /// `总数（A x，B y）`, `总数（其中A x）`, `总数（含A x）`.
    Parens,
    /// `X中，A…，B…`: an opener that names the total (`全县常住人口中，`,
    /// `受理的146件案件中，`).
    Opener,
    /// `按…分，A…，B…`, `分…看`, `从…看`: a cut announced after the total.
    Announced,
    /// `总数x，A a，B b`: the members of a partition listed right after their
    /// total, with no word to announce them.
    Listed,
    /// `总数x：A a，B b`: a list announced by a colon right after its total.
    Colon,
    /// `A a、B b，合计T`: a total stated after its parts as their sum.
    Summed,
    /// `…。X合计T`: a total named with a sum word that opens its sentence,
    /// summing the figures of the sentence before (reported as a warning).
    SummedAfter,
    /// A complete partition whose total stands in an earlier paragraph, with
    /// no word that links them (`一、常住人口 全县常住人口为75757人。二、户别
    /// 人口 …家庭户人口为71733人，集体户人口为4024人。`): weaker evidence than
    /// a 其中, reported as a warning.
    Distant,
}

/// A total and parts that the text says belong to it.
#[derive(Debug, Clone)]
pub struct Breakdown {
    /// 其中 or 分别为.
    pub kind: BreakdownKind,
    /// The marker word in the text.
    pub marker: Span,
    /// Index of the total in [`Doc::quantities`].
    pub total: usize,
    /// Indices of the parts, all of the total's dimension.
    pub parts: Vec<usize>,
    /// Set when the parts are exhaustive, with the reason.
    pub cover: Option<Cover>,
    /// The parts may overlap (女生, 少数民族学生, 寄宿生): they are not added up.
    pub overlapping: bool,
}
