//! Shares: `A占B的p%`, `占B比重为p%`, `占比p%`, `比重p%`, with the part
//! (A) and the base (B) they are stated of.
//!
//! A share is read only where the text says plainly which figure is the
//! part and which the base:
//!
//! - the stated share is the first figure after `占` in its clause: a
//!   percentage (`72.2%`, `90%以上`, `百分之三十`) or a share in words
//!   (`三成`, `近一半`, `四分之一`, read here: the quantity layer does not
//!   read them);
//! - the part is the figure right before `占` in its clause, or the figure
//!   that ends the clause before it (clauses of changes in between, such as
//!   `比上年增长5.2%`, are passed over); or, when `占` follows a name
//!   (`农村低保资金占…`), the one figure stated under that name earlier;
//! - the base is named between `占` and the share (`全部低保资金`) and found
//!   under that name in the same sentence, or earlier in the paragraph or
//!   the entry; `占比`/`比重` without a name take the total of the breakdown
//!   (`其中`, `分别为`) the part belongs to;
//! - lists after `分别` are paired in order with the parts before them
//!   (`listed_shares`), and lists of items each with its share are read as
//!   shares of one base (`share_runs`); every share read, base found or
//!   not, is a [`ShareStatement`], from which the groups of shares of one
//!   unstated base and the sums of shares (`share_sum`) are read.
//!
//! Anything else is left alone: `占地`/`占用`, a base that is not stated
//! (`占全省的12%`), a base measured otherwise than the part (人数 against 金额),
//! changes of a share (`占比提高…`), other periods.

use rust_decimal::Decimal;

use super::label::{strip_generic, trim_tail};
use super::share_runs::ImpliedGroup;
use super::{Breakdown, BreakdownKind, Doc};
use crate::quantity::number::parse_chinese;
use crate::quantity::{Approx, Bounds, Form, LabelWords, Quantity, Role};
use crate::span::Span;

/// Word lists that steer how shares are read; the settings of the `share`
/// rule in `rules/arithmetic/share.toml`.
#[derive(Debug, Clone, Default)]
pub struct ShareOptions {
    /// Words right after `占` that make it another verb (`地` of 占地, `用`
    /// of 占用, `据`, `有`); `占地区…` is still a share.
    pub not_share: Vec<String>,
    /// Words that end the base's name before the share (`的比重`, `的`).
    pub base_suffixes: Vec<String>,
    /// Words that open a base's name without narrowing it (`全部`, `总`).
    pub base_prefixes: Vec<String>,
    /// Words in the text between `占` and the share that make it a share of
    /// another period (`上年`, `同期`).
    pub other_period: Vec<String>,
    /// Words in a candidate base's label, before the base's name, that make
    /// it narrower than the base (`其他`, `新增`).
    pub narrowing: Vec<String>,
    /// `[word, dimension]`: a base named with the word measures that
    /// dimension (`人数` → persons); a part of another dimension is not
    /// compared with it.
    pub measures: Vec<(String, String)>,
    /// Verbs that open a base written inline before `的p%` (`占`, `完成`,
    /// `为`): `完成年初预算6.2亿元的82.9%`, `为年度目标325亿元的33.6%`.
    pub inline_verbs: Vec<String>,
    /// Words in a lead total's label that say it is a whole (`共`, `总`,
    /// `合计`, `常住人口`): a bare `占p%` after it is read as a share of it
    /// however far the stated share is from it.
    pub lead_words: Vec<String>,
    /// Verbs that may end a base's label after its name (`完成`, `累计完成`,
    /// `实现`): `一般公共预算收入完成28583万元` is found as `一般公共预算收入`.
    pub label_verbs: Vec<String>,
    /// Nouns that may follow an inline base before `的` (`完成全年900万人目标的
    /// 77%`).
    pub inline_nouns: Vec<String>,
    /// Adverbs between a part and its `占` (`仅占`, `约占`).
    pub adverbs: Vec<String>,
}

/// A share as the draft states it.
#[derive(Debug, Clone)]
pub struct StatedShare {
    /// The share as written, approximation words included (`90%以上`, `近三成`).
    pub span: Span,
    /// The value in percent (`三成` → 30).
    pub value: Decimal,
    /// Decimals to show a computed share with.
    pub decimals: u32,
    /// The values the share allows, in percent.
    pub bounds: Bounds,
    /// Written in words (`三成`, `一半`, `四分之一`).
    pub in_words: bool,
}

/// A share with its part and base.
#[derive(Debug, Clone)]
pub struct Share {
    /// The stated share.
    pub stated: StatedShare,
    /// Index of the part (A) in [`Doc::quantities`].
    pub part: usize,
    /// Index of the base (B) in [`Doc::quantities`].
    pub base: usize,
    /// The part's name as the draft gives it (`农村低保资金`).
    pub part_name: String,
    /// The base's name as the draft gives it (`全部低保资金`).
    pub base_name: String,
    /// True when the part and the base are unambiguous in the share's own
    /// sentence (`A…，占B的p%` with B stated in the sentence); false when one
    /// of them was found loosely (by label in an earlier sentence, or the
    /// base taken from a breakdown because the share names none).
    pub sure: bool,
    /// Other figures the share may be of, when the words do not say: a bare
    /// `占p%` inside a nested `其中` may be of the parent group or of the
    /// whole (`60岁及以上人口18776人，…，其中65岁及以上人口13366人，占17.64%`
    /// is of the whole population). A share that fits one of them is right.
    pub other_bases: Vec<usize>,
    /// The share the base states of its own whole (`60岁及以上人口18776人，
    /// 占24.78%，其中…`), when the base was taken from a breakdown: a share
    /// of the part that fits that whole (part × 24.78% ÷ base) is right too.
    pub base_share: Option<usize>,
    /// The share names no base and belongs to no breakdown: the base is the
    /// lead total before it (see `lead_total`), and `other_bases` holds
    /// every other figure it could be of.
    pub lead: bool,
    /// One of a list after `分别` paired by position with the parts of a
    /// breakdown, whose total is the base.
    pub listed: bool,
    /// One of a run of sibling shares (`A a件，占p%；B b件，占q%`) whose base
    /// is the run's: how many of the run's shares fit it, of how many.
    pub sibling: Option<(usize, usize)>,
}

/// A share as the draft states it, with what its words say of its part
/// and its base, whether or not the base was found: the runs of sibling
/// shares (`A a件，占p%；B b件，占q%`) and the shares of one base are read
/// from these.
#[derive(Debug, Clone)]
pub struct ShareStatement {
    /// The stated share.
    pub stated: StatedShare,
    /// The byte where its marker (`占`, `比重`) starts.
    pub marker: usize,
    /// Paragraph, sentence and clause of the marker.
    pub paragraph: usize,
    /// See `paragraph`.
    pub sentence: usize,
    /// See `paragraph`.
    pub clause: usize,
    /// The part, when it is a stated figure.
    pub part: Option<usize>,
    /// The part is the figure right before the marker, or the one that ends
    /// an earlier clause of the sentence (not one found by its name).
    pub part_near: bool,
    /// The part's name.
    pub part_name: String,
    /// The words before the marker in its clause, generic words and
    /// adverbs taken off (`0—14岁人口`, `一类`), when no figure stands there.
    pub subject: String,
    /// The base's name, normalised (`全部低保资金` → `低保资金`); empty when
    /// the share names none (`占p%`, `占比`, `占总量的`).
    pub base_name: String,
    /// The base's name as written.
    pub shown_base: String,
    /// The marker is `占` (not `比重` alone).
    pub is_zhan: bool,
    /// Index of its share in the list [`shares`] returns, when its base was
    /// found.
    pub share: Option<usize>,
    /// One of a list after `分别` paired by position with the figures
    /// before it: the byte of its `分别`.
    pub list: Option<usize>,
    /// The base written inline for this share of a `分别` list.
    pub inline_base: Option<usize>,
    /// The parts of the other shares of its `分别` list.
    pub siblings: Vec<usize>,
}

/// Every share of the draft whose part and base are both stated.
/// `breakdowns` are the draft's breakdowns (for `占比` without a base).
pub fn shares(
    doc: &Doc<'_>,
    words: &LabelWords,
    opts: &ShareOptions,
    breakdowns: &[Breakdown],
) -> Vec<Share> {
    share_statements(doc, words, opts, breakdowns).shares
}

/// The shares of a draft as [`share_statements`] reads them.
#[derive(Debug, Clone, Default)]
pub struct ShareReading {
    /// Every share whose part and base are both stated.
    pub shares: Vec<Share>,
    /// Every share statement read, with the index of its share when it has
    /// one.
    pub statements: Vec<ShareStatement>,
    /// Shares of one base the draft does not state, whose implied bases
    /// must agree.
    pub implied: Vec<ImpliedGroup>,
}

/// Every share of the draft whose part and base are both stated, every
/// share statement read, and the groups of shares of one unstated base.
pub fn share_statements(
    doc: &Doc<'_>,
    words: &LabelWords,
    opts: &ShareOptions,
    breakdowns: &[Breakdown],
) -> ShareReading {
    let mut out = Vec::new();
    let mut stmts: Vec<ShareStatement> = Vec::new();
    let mut take = |out: &mut Vec<Share>, stmt: Option<ShareStatement>| {
        let Some(mut stmt) = stmt else { return };
        if let Some(s) = resolve(doc, opts, breakdowns, &stmt) {
            stmt.share = Some(out.len());
            out.push(s);
        }
        stmts.push(stmt);
    };
    for (pi, para) in doc.draft.paragraphs.iter().enumerate() {
        for (si, sentence) in para.sentences.iter().enumerate() {
            let st = sentence.span.slice(doc.text);
            for (off, _) in st.match_indices("分别") {
                let (shares, listed) =
                    listed_shares(doc, opts, breakdowns, (pi, si), sentence.span.start + off);
                out.extend(shares);
                for stmt in listed {
                    take(&mut out, Some(stmt));
                }
            }
            for (ci, clause) in sentence.clauses.iter().enumerate() {
                let raw = clause.span.slice(doc.text);
                // `比重p%` with no `占`: a percentage whose label is 比重 alone.
                for &qi in doc.in_clause(pi, si, ci) {
                    let q = &doc.quantities[qi];
                    let bare = trim_tail(&q.label_text);
                    if q.form == Form::Percent && bare == "比重" && !raw.contains('占') {
                        let at = Loc { pi, si, ci };
                        take(
                            &mut out,
                            read_statement(doc, words, opts, at, q.label.start),
                        );
                    }
                }
                for &qi in doc.in_clause(pi, si, ci) {
                    if let Some(s) = inline_base_share(doc, opts, Loc { pi, si, ci }, qi) {
                        out.push(s);
                    }
                }
                for (off, _) in raw.match_indices('占') {
                    let at = clause.span.start + off;
                    let loc = Loc { pi, si, ci };
                    take(&mut out, read_statement(doc, words, opts, loc, at));
                }
                // `完成年度计划的37.5%`, a plan named, not written inline.
                for (off, _) in raw.match_indices("完成") {
                    let at = clause.span.start + off;
                    let loc = Loc { pi, si, ci };
                    take(&mut out, read_statement(doc, words, opts, loc, at));
                }
            }
        }
    }
    let implied = super::share_runs::apply(doc, opts, &mut out, &mut stmts);
    ShareReading {
        shares: out,
        statements: stmts,
        implied,
    }
}

#[derive(Debug, Clone, Copy)]
struct Loc {
    pi: usize,
    si: usize,
    ci: usize,
}

fn gapless(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A figure that can be a part or a base: a plain positive level with an
/// additive unit, not a rate, not in parentheses.
pub(super) fn is_amount(q: &Quantity) -> bool {
    q.form == Form::Amount
        && q.unit.as_ref().is_some_and(|u| u.additive)
        && q.role == Role::Level
        && !q.in_parens
        && !q.non_additive
        && !q.sign_in_label
        && q.value > Decimal::ZERO
}

/// Reads the share whose marker (`占`, or `比重`) starts at byte `at`: what
/// the words say of its part and its base, whether or not the base is found.
fn read_statement(
    doc: &Doc<'_>,
    words: &LabelWords,
    opts: &ShareOptions,
    loc: Loc,
    at: usize,
) -> Option<ShareStatement> {
    let clause = doc.clause(loc.pi, loc.si, loc.ci);
    let text = doc.text;
    // `完成年度计划的37.5%`: a plan named after 完成 reads like a base
    // named after 占.
    let plan = text[at..].starts_with("完成");
    let is_zhan = text[at..].starts_with('占') || plan;
    let after_marker = if plan {
        at + "完成".len()
    } else if is_zhan {
        at + '占'.len_utf8()
    } else {
        at
    };
    let rest = &text[after_marker..clause.span.end];
    if is_zhan && !plan {
        let rest_gapless = gapless(rest);
        if !rest_gapless.starts_with("地区")
            && opts
                .not_share
                .iter()
                .any(|w| rest_gapless.starts_with(w.as_str()))
        {
            return None;
        }
    }
    // The stated share: the first figure after the marker, or a share in
    // words before it. A share in brackets right after its part
    // (`38.8亿人次（占45.8%）`) is read too.
    let next = doc
        .in_clause(loc.pi, loc.si, loc.ci)
        .iter()
        .copied()
        .find(|&i| doc.quantities[i].span.start >= after_marker);
    let limit = next.map_or(clause.span.end, |i| doc.quantities[i].full_span.start);
    let opens_bracket = gapless(&text[clause.span.start..at])
        .trim_end_matches(|c: char| opts.adverbs.iter().any(|a| a.contains(c)))
        .ends_with(['（', '(']);
    let stated = match word_share(text, after_marker, limit) {
        Some(w) => w,
        None => {
            let q = &doc.quantities[next?];
            if q.form != Form::Percent || !stated_role(q) || (q.in_parens && !opens_bracket) {
                return None;
            }
            let step = if q.step.is_zero() && q.in_words {
                Decimal::ONE
            } else {
                q.step
            };
            let mut bounds_q = q.clone();
            bounds_q.step = step;
            StatedShare {
                span: q.full_span,
                value: q.value,
                decimals: step.normalize().scale(),
                bounds: bounds_q.bounds(),
                in_words: q.in_words,
            }
        }
    };
    // What the marker says about the base.
    let phrase = gapless(&text[after_marker..stated.span.start.max(after_marker)]);
    let clause_before = gapless(&text[clause.span.start..at]);
    if phrase.contains("分别") || clause_before.contains("分别") {
        return None;
    }
    if opts
        .other_period
        .iter()
        .any(|w| phrase.contains(w.as_str()))
        || has_year(&phrase)
    {
        return None;
    }
    // A change of the share (`占比提高…`); a change named as a noun
    // (`占财政收入增收额的比重`, `占增量的`) is a base like any other.
    let changes = words.change.iter().any(|w| {
        phrase
            .match_indices(w.as_str())
            .any(|(i, _)| !phrase[i + w.len()..].starts_with(['额', '量', '数', '值', '部']))
    });
    if changes {
        return None;
    }
    // The base's name as written (占床位总数的 → 床位总数), then without the
    // words that say it is a whole (床位).
    let strip = |mut base: String, all: bool| {
        while let Some(s) =
            longest_suffix(&base, &opts.base_suffixes).filter(|s| all || !s.starts_with('总'))
        {
            base.truncate(base.len() - s.len());
            base = trim_tail(&base).to_string();
        }
        base
    };
    if phrase.ends_with(|c: char| c.is_ascii_alphabetic()) {
        // `占l8.4%`: a letter for a digit, the figure is damaged.
        return None;
    }
    let shown_base = strip(trim_tail(&phrase).to_string(), false);
    let base = strip(shown_base.clone(), true);
    // `占比`, `占比量`, `占总量的`: no base named.
    let unnamed = !is_zhan || base.is_empty() || base == "比" || base == "比量";
    let base_name = if unnamed {
        String::new()
    } else {
        normalize_base(&base, opts)
    };
    if !unnamed && base_name.chars().count() < 2 {
        // `占全市的12%`: the base is a place, not a figure.
        return None;
    }
    if plan
        && (unnamed
            || !phrase.ends_with('的')
            || !opts
                .inline_nouns
                .iter()
                .any(|n| base_name.contains(n.as_str())))
    {
        return None;
    }
    // The words before the marker without adverbs (`仅占`, `约占`) and a
    // bracket the share opens (`（占45.8%）`).
    let mut lead_in = clause_before.as_str();
    loop {
        let before = lead_in.len();
        lead_in = lead_in.trim_end_matches(['（', '(']);
        if let Some(a) = opts.adverbs.iter().find(|a| lead_in.ends_with(a.as_str())) {
            lead_in = &lead_in[..lead_in.len() - a.len()];
        }
        if lead_in.len() == before {
            break;
        }
    }
    // The part: the figure right before the marker in its clause, or the one
    // that ends an earlier clause of the sentence, or a figure named by the
    // words before 占.
    let before: Vec<usize> = doc
        .in_clause(loc.pi, loc.si, loc.ci)
        .iter()
        .copied()
        .filter(|&i| doc.quantities[i].full_span.end <= at)
        .collect();
    let mut stmt = ShareStatement {
        stated,
        marker: at,
        paragraph: loc.pi,
        sentence: loc.si,
        clause: loc.ci,
        part: None,
        part_near: false,
        part_name: String::new(),
        subject: String::new(),
        base_name,
        shown_base,
        is_zhan,
        share: None,
        list: None,
        inline_base: None,
        siblings: Vec::new(),
    };
    if let Some(&last) = before.last() {
        let q = &doc.quantities[last];
        let gap = gapless(&text[q.full_span.end..at]);
        let gap = gap.trim_end_matches(['（', '(']);
        let adverb_only = gap.is_empty() || opts.adverbs.iter().any(|a| a == gap);
        if adverb_only && is_amount(q) && own_label(doc, q) {
            stmt.part = Some(last);
            stmt.part_near = true;
            stmt.part_name = name_of(q);
        } else {
            // `0—14岁人口占17.95%`: a name with a figure in it.
            stmt.subject = strip_generic(lead_in).to_string();
        }
        return Some(stmt);
    }
    let subject = strip_generic(lead_in).to_string();
    if subject.is_empty() {
        if let Some(p) = figure_ending_earlier_clause(doc, loc) {
            stmt.part = Some(p);
            stmt.part_near = true;
            stmt.part_name = name_of(&doc.quantities[p]);
        }
        return Some(stmt);
    }
    stmt.subject = subject.clone();
    if unnamed && !is_zhan {
        // `第三产业比重…`: a name before 比重 with no figure.
        return Some(stmt);
    }
    let norm = normalize_base(&subject, opts);
    if norm.chars().count() >= 2 {
        // `累计完成工业产值16.9亿元，增长25%，工业产值占…`: the name of the
        // figure that ends an earlier clause, said again.
        let restated = figure_ending_earlier_clause(doc, loc).filter(|&p| {
            let label = without_notes(&doc.quantities[p].label_text);
            let mut chars = label.chars();
            label.ends_with(norm.chars().last().unwrap_or(' '))
                && norm.chars().all(|c| chars.any(|l| l == c))
        });
        let found = restated
            .or_else(|| by_name(doc, opts, loc, at, &norm, None, None))
            .or_else(|| {
                // `累计完成产值占…` after `累计完成工业总产值27.5亿元`: the name
                // with words left out, in the sentence only.
                by_loose_name(
                    doc,
                    opts,
                    loc,
                    at,
                    std::slice::from_ref(&norm),
                    LooseScope {
                        part: usize::MAX,
                        wide: false,
                        siblings: &[],
                    },
                )
            });
        if let Some(p) = found {
            stmt.part = Some(p);
            stmt.part_name = subject;
        }
    }
    Some(stmt)
}

/// The share of a statement whose part and base are both stated: the base
/// named after 占 found by its name, or the total of the part's breakdown,
/// or the lead total before a bare `占p%`.
fn resolve(
    doc: &Doc<'_>,
    opts: &ShareOptions,
    breakdowns: &[Breakdown],
    stmt: &ShareStatement,
) -> Option<Share> {
    let loc = Loc {
        pi: stmt.paragraph,
        si: stmt.sentence,
        ci: stmt.clause,
    };
    let at = stmt.marker;
    let part = stmt.part?;
    if stmt.list.is_some() {
        return resolve_listed(doc, opts, stmt, part);
    }
    let part_sure = stmt.part_near;
    let part_name = stmt.part_name.clone();
    let stated = stmt.stated.clone();
    let unnamed = stmt.base_name.is_empty();
    let a = &doc.quantities[part];
    let listed =
        doc.in_clause(a.location.paragraph, a.location.sentence, a.location.clause)[0] != part;
    if listed && a.label_text.starts_with(['、', '和', '及']) {
        // `Ⅱ类断面20个、Ⅲ类2个，占95.7%`: the share may be of the whole
        // list (22 of 23), not of its last item.
        return None;
    }
    let dim = a.dimension()?.to_string();
    let mut other_bases = Vec::new();
    let mut base_share = None;
    let (base_i, base_sure, base_name) = if unnamed {
        // The total of the breakdown the part belongs to. A cut announced
        // without 其中 (`按内容分，…`) or a partition whose total stands
        // paragraphs before names its total by guess: the share's own fit
        // decides among the figures before it instead.
        let totals: Vec<usize> = breakdowns
            .iter()
            .filter(|b| b.parts.contains(&part))
            .filter(|b| !matches!(b.kind, BreakdownKind::Announced | BreakdownKind::Distant))
            .map(|b| b.total)
            .collect();
        let Some(&first) = totals.first() else {
            if !stmt.is_zhan || a.in_parens {
                return None;
            }
            // `X人，占p%` with no breakdown around it: the lead total stated
            // before it, every other figure that could be the base kept as
            // another reading.
            let (lead, others) = lead_total(doc, opts, breakdowns, part, stated.value)?;
            return Some(Share {
                stated,
                part,
                base: lead,
                part_name,
                base_name: name_of(&doc.quantities[lead]),
                sure: false,
                other_bases: others,
                base_share: None,
                lead: true,
                listed: false,
                sibling: None,
            });
        };
        if totals
            .iter()
            .any(|&t| doc.quantities[t].value != doc.quantities[first].value)
        {
            return None;
        }
        let grand: Vec<usize> = breakdowns
            .iter()
            .filter(|b| b.parts.contains(&first))
            .map(|b| b.total)
            .collect();
        other_bases = grand;
        base_share = own_share(doc, first);
        (first, false, name_of(&doc.quantities[first]))
    } else {
        let norm = &stmt.base_name;
        if norm.chars().count() < 2 {
            return None; // 占全省的12%: the base is a place, not a figure.
        }
        if let Some((_, d)) = opts
            .measures
            .iter()
            .find(|(w, _)| stmt.shown_base.contains(w.as_str()))
        {
            if *d != dim {
                return None;
            }
        }
        let own_totals: Vec<usize> = breakdowns
            .iter()
            .filter(|b| b.parts.contains(&part))
            .map(|b| b.total)
            .collect();
        match by_name(doc, opts, loc, at, norm, Some(part), Some(&own_totals)) {
            Some(b) => {
                let same_sentence = {
                    let l = doc.quantities[b].location;
                    l.paragraph == loc.pi && l.sentence == loc.si
                };
                (b, same_sentence, stmt.shown_base.clone())
            }
            None => {
                // The total of the part's breakdown, when its label says what
                // the base's name says (`全年共支出城市低保资金674.3亿元，…，其中
                // 中央补助资金439.1亿元，占总支出的65.1%`; `归集…147.98亿元，其中
                // …，占归集额的77%`).
                let stem = norm.trim_end_matches(['额', '量', '数']);
                let named: Vec<usize> = own_totals
                    .iter()
                    .copied()
                    .filter(|&t| {
                        stem.chars().count() >= 2
                            && without_notes(&doc.quantities[t].label_text).contains(stem)
                    })
                    .collect();
                let t = match named.first() {
                    Some(&t) => {
                        if named
                            .iter()
                            .any(|&o| doc.quantities[o].value != doc.quantities[t].value)
                        {
                            return None;
                        }
                        t
                    }
                    None => {
                        // A label that writes the base's name with words in
                        // between (`规模企业产值` for `240户规模工业企业累计完成
                        // 工业产值`).
                        let shown = stmt.shown_base.trim_start_matches("同期");
                        let mut names = vec![shown.to_string(), norm.clone()];
                        names.dedup();
                        by_loose_name(
                            doc,
                            opts,
                            loc,
                            at,
                            &names,
                            LooseScope {
                                part,
                                wide: true,
                                siblings: &[],
                            },
                        )?
                    }
                };
                (t, false, stmt.shown_base.clone())
            }
        }
    };
    let b = &doc.quantities[base_i];
    // A plan may be fulfilled beyond 100%.
    let plan = doc.text[stmt.marker..].starts_with("完成");
    if b.dimension() != Some(dim.as_str()) || base_i == part || (b.value < a.value && !plan) {
        return None;
    }
    Some(Share {
        stated,
        part,
        base: base_i,
        part_name,
        base_name,
        sure: part_sure && base_sure,
        other_bases,
        base_share,
        lead: false,
        listed: false,
        sibling: None,
    })
}

/// The share of one pair of a `分别` list read without a breakdown: of its
/// inline base, or of the base its name finds.
fn resolve_listed(
    doc: &Doc<'_>,
    opts: &ShareOptions,
    stmt: &ShareStatement,
    part: usize,
) -> Option<Share> {
    let a = &doc.quantities[part];
    let base = match stmt.inline_base {
        Some(b) => b,
        None => {
            if stmt.base_name.chars().count() < 2 {
                return None;
            }
            let loc = Loc {
                pi: stmt.paragraph,
                si: stmt.sentence,
                ci: stmt.clause,
            };
            by_name(
                doc,
                opts,
                loc,
                stmt.marker,
                &stmt.base_name,
                Some(part),
                None,
            )
            .or_else(|| {
                let shown = stmt.shown_base.trim_start_matches("同期");
                let mut names = vec![shown.to_string(), stmt.base_name.clone()];
                names.dedup();
                by_loose_name(
                    doc,
                    opts,
                    loc,
                    stmt.marker,
                    &names,
                    LooseScope {
                        part,
                        wide: true,
                        siblings: &stmt.siblings,
                    },
                )
            })?
        }
    };
    let b = &doc.quantities[base];
    if b.dimension() != a.dimension() || base == part {
        return None;
    }
    if stmt.inline_base.is_none() && b.value < a.value {
        return None;
    }
    Some(Share {
        stated: stmt.stated.clone(),
        part,
        base,
        part_name: stmt.part_name.clone(),
        base_name: if stmt.inline_base.is_some() {
            stmt.shown_base.clone()
        } else {
            name_of(b)
        },
        sure: false,
        other_bases: Vec::new(),
        base_share: None,
        lead: false,
        listed: true,
        sibling: None,
    })
}

/// A percentage that can be a stated share: a level, or a figure read as
/// another period's only for `占同期…` (of the same period: `占同期全县规模
/// 企业产值总量的91.5%`).
fn stated_role(q: &Quantity) -> bool {
    match q.role {
        Role::Level => true,
        Role::Previous => {
            let l = &q.label_text;
            l.contains("占同期")
                && !["上年", "去年", "前年", "同比", "年初"]
                    .iter()
                    .any(|w| l.contains(w))
        }
        _ => false,
    }
}

/// A figure that can stand in a ratio of like amounts: a positive amount
/// with a unit, its sign not in its label (averages and per-capita figures
/// may be compared with each other: `为全省平均水平3.5万元的91.4%`).
fn is_ratio_operand(q: &Quantity) -> bool {
    q.form == Form::Amount
        && q.unit.is_some()
        && q.approx == Approx::Exact
        && !q.sign_in_label
        && q.value > Decimal::ZERO
}

/// A count written with a magnitude and no unit (`完成全年900万目标的63%`,
/// `年度计划(100万)`): an inline base of the part's unit.
fn is_bare_magnitude(q: &Quantity) -> bool {
    q.form == Form::Amount
        && q.unit.is_none()
        && q.magnitude > Decimal::ONE
        && q.approx == Approx::Exact
        && q.value > Decimal::ZERO
}

/// `p` is a percentage written right after a base inline (`完成年初预算数
/// 60999万元的40.4%`, `占目标任务数100公里的136.9%`, `为年度目标325亿元的
/// 33.6%`, `完成市上全年任务（42.5亿元）的59.94%`): the base is the figure
/// before `的`, opened by one of `inline_verbs`; the part is the figure right
/// before that verb, or the one that ends an earlier clause of the sentence
/// (past changes and other inline shares of the same part). A base below
/// the part is a plan over-fulfilled, not an error. Both stand in the
/// share's sentence, so a disagreement is an error.
fn inline_base_share(doc: &Doc<'_>, opts: &ShareOptions, loc: Loc, p: usize) -> Option<Share> {
    let text = doc.text;
    let q = &doc.quantities[p];
    if q.form != Form::Percent || q.role != Role::Level || q.in_parens {
        return None;
    }
    let (base_i, verb_at, shown_base) = inline_base(doc, opts, loc, p)?;
    let b = &doc.quantities[base_i];
    let clause = doc.clause(loc.pi, loc.si, loc.ci);
    let before: Vec<usize> = doc
        .in_clause(loc.pi, loc.si, loc.ci)
        .iter()
        .copied()
        .filter(|&i| doc.quantities[i].full_span.end <= verb_at)
        .collect();
    let part = if let Some(&last) = before.last() {
        let a = &doc.quantities[last];
        if !gapless(&text[a.full_span.end..verb_at]).is_empty() {
            return None;
        }
        last
    } else {
        if !gapless(&text[clause.span.start..verb_at]).is_empty() {
            return None;
        }
        part_before_inline_shares(doc, opts, loc)?
    };
    let a = &doc.quantities[part];
    if !is_ratio_operand(a)
        || a.role != Role::Level
        || a.in_parens
        || !own_label(doc, a)
        || a.dimension().is_none()
        || (a.dimension() != b.dimension() && !is_bare_magnitude(b))
    {
        return None;
    }
    let step = if q.step.is_zero() && q.in_words {
        Decimal::ONE
    } else {
        q.step
    };
    let mut bounds_q = q.clone();
    bounds_q.step = step;
    Some(Share {
        stated: StatedShare {
            span: q.full_span,
            value: q.value,
            decimals: step.normalize().scale(),
            bounds: bounds_q.bounds(),
            in_words: q.in_words,
        },
        part,
        base: base_i,
        part_name: name_of(a),
        base_name: shown_base,
        sure: true,
        other_bases: Vec::new(),
        base_share: None,
        lead: false,
        listed: false,
        sibling: None,
    })
}

/// The inline base of percentage `p` (see [`inline_base_share`]): its
/// index, the byte where its verb starts, and its name as written.
fn inline_base(
    doc: &Doc<'_>,
    opts: &ShareOptions,
    loc: Loc,
    p: usize,
) -> Option<(usize, usize, String)> {
    let text = doc.text;
    let q = &doc.quantities[p];
    let figs = doc.in_clause(loc.pi, loc.si, loc.ci);
    let k = figs.iter().position(|&i| i == p)?;
    let base_i = *figs.get(k.checked_sub(1)?)?;
    let b = &doc.quantities[base_i];
    let between = gapless(&text[b.span.end..q.full_span.start]);
    let between = between.trim_start_matches([')', '）']);
    let noun = between.strip_suffix('的')?;
    if !noun.is_empty() && !opts.inline_nouns.iter().any(|n| n == noun) {
        return None;
    }
    if !(is_ratio_operand(b) || is_bare_magnitude(b)) || b.role == Role::Change {
        return None;
    }
    // The words before the base, from the clause start or the figure before.
    let from = match k.checked_sub(2) {
        Some(j) => doc.quantities[figs[j]].full_span.end,
        None => doc.clause(loc.pi, loc.si, loc.ci).span.start,
    };
    let words = &text[from..b.full_span.start.max(from)];
    let verb = opts
        .inline_verbs
        .iter()
        .filter_map(|v| words.find(v.as_str()).map(|at| (at, v)))
        .min_by_key(|(at, v)| (*at, usize::MAX - v.len()))?;
    let verb_at = from + verb.0;
    let name = gapless(&text[verb_at + verb.1.len()..b.full_span.start]);
    let name = name.trim_end_matches(['(', '（']).to_string();
    if opts
        .not_share
        .iter()
        .any(|w| verb.1 == "占" && name.starts_with(w.as_str()) && !name.starts_with("地区"))
    {
        return None;
    }
    Some((base_i, verb_at, name))
}

/// The part of an inline share whose clause opens with its verb: the figure
/// that ends the nearest earlier clause of the sentence, past clauses that
/// state only changes and clauses that are inline shares themselves
/// (`累计完成投资109.2亿元，为年度目标325亿元的33.6%，占比一季度计划目标
/// 102.2亿元的106.8%`).
fn part_before_inline_shares(doc: &Doc<'_>, opts: &ShareOptions, loc: Loc) -> Option<usize> {
    for c in (0..loc.ci).rev() {
        let figs = doc.in_clause(loc.pi, loc.si, c);
        let last = *figs.last()?;
        let q = &doc.quantities[last];
        let here = Loc { ci: c, ..loc };
        let clause = doc.clause(loc.pi, loc.si, c);
        let opens_with_verb = opts
            .inline_verbs
            .iter()
            .any(|v| gapless(clause.span.slice(doc.text)).starts_with(v.as_str()));
        if opens_with_verb && inline_base(doc, opts, here, last).is_some() {
            continue;
        }
        if figs.iter().all(|&i| doc.quantities[i].role != Role::Level) {
            continue;
        }
        return (is_ratio_operand(q) && q.after.is_empty() && own_label(doc, q)).then_some(last);
    }
    None
}

/// Shares listed after `分别` (`其中住房公积金577.91亿元、补充住房公积金
/// 159.39亿元，分别占归集总额的78%和22%`, `第一、第二和第三产业增加值占生产
/// 总值的比重分别为39.5%、14.8%和45.7%`, `…，占比分别为82.0%、11.7%`): the
/// percentages right after the marker, paired in order with the parts of the
/// nearest breakdown stated before it (in the sentence or the one before),
/// whose total is the base. Only when the counts agree; the pairing is by
/// position, so a disagreement is a warning.
fn listed_shares(
    doc: &Doc<'_>,
    opts: &ShareOptions,
    breakdowns: &[Breakdown],
    (pi, si): (usize, usize),
    at: usize,
) -> (Vec<Share>, Vec<ShareStatement>) {
    let none = || (Vec::new(), Vec::new());
    let text = doc.text;
    let after = gapless(&text[at + "分别".len()..]);
    if !after.starts_with('占') && !after.starts_with('为') && !after.starts_with('是') {
        return none();
    }
    // `分别为` needs a share word before it (`比重分别为`, `占比分别为`).
    let before = gapless(&text[doc.draft.paragraphs[pi].sentences[si].span.start..at]);
    if !after.starts_with('占')
        && !["比重", "占比", "比例", "的"]
            .iter()
            .any(|w| before.ends_with(w))
    {
        return none();
    }
    // The percentages of the list, and the bases written inline before them
    // (`分别占年度目标（470亿元、106.5亿元、30亿元）的121.3%、185%、230%`).
    let sentence: Vec<usize> = doc.in_sentence(pi, si).collect();
    let mut stated = Vec::new();
    let mut inline: Vec<usize> = Vec::new();
    let mut last_end = at;
    for &i in &sentence {
        let q = &doc.quantities[i];
        if q.full_span.start < at {
            continue;
        }
        let gap = gapless(&text[last_end..q.full_span.start]);
        if stated.is_empty() && q.in_parens && is_ratio_operand(q) && q.role == Role::Level {
            if !inline.is_empty() && !["、", "，", ","].contains(&gap.as_str()) {
                break;
            }
            inline.push(i);
            last_end = q.full_span.end;
            continue;
        }
        let joined =
            stated.is_empty() || ["", "、", "和", "及", "与", ",", "，"].contains(&gap.as_str());
        if !joined {
            break;
        }
        if q.form != Form::Percent || !stated_role(q) || q.in_parens {
            break;
        }
        stated.push(i);
        last_end = q.full_span.end;
    }
    if stated.len() < 2 || (!inline.is_empty() && inline.len() != stated.len()) {
        return none();
    }
    let first_share = doc.quantities[stated[0]].full_span.start;
    let phrase = gapless(&text[at + "分别".len()..first_share]);
    if opts
        .other_period
        .iter()
        .any(|w| phrase.contains(w.as_str()))
    {
        return none();
    }
    let stated_share = |p: usize| {
        let q = &doc.quantities[p];
        let mut bounds_q = q.clone();
        if bounds_q.step.is_zero() && q.in_words {
            bounds_q.step = Decimal::ONE;
        }
        StatedShare {
            span: q.full_span,
            value: q.value,
            decimals: bounds_q.step.normalize().scale(),
            bounds: bounds_q.bounds(),
            in_words: q.in_words,
        }
    };
    // The nearest breakdown before the marker, in this sentence or the one before.
    let near = |b: &&Breakdown| {
        b.parts.iter().all(|&p| {
            let l = doc.quantities[p].location;
            doc.quantities[p].full_span.end <= at
                && l.paragraph == pi
                && (l.sentence == si || l.sentence + 1 == si)
        })
    };
    let bd = breakdowns
        .iter()
        .filter(near)
        .max_by_key(|b| b.parts.iter().max().copied());
    let Some(bd) =
        bd.filter(|b| inline.is_empty() && b.parts.len() == stated.len() && !b.overlapping)
    else {
        return (
            Vec::new(),
            list_statements(
                doc,
                opts,
                (pi, si),
                at,
                &phrase,
                &stated,
                &inline,
                &stated_share,
            ),
        );
    };
    // No other figure of the parts' kind between the parts and the list.
    let last_part = *bd.parts.iter().max().expect("parts");
    let dim = doc.quantities[last_part].dimension();
    if sentence
        .iter()
        .chain(
            doc.in_sentence(pi, si.saturating_sub(1))
                .collect::<Vec<_>>()
                .iter(),
        )
        .any(|&i| {
            let q = &doc.quantities[i];
            i > last_part && q.full_span.end <= at && q.form == Form::Amount && q.dimension() == dim
        })
    {
        return none();
    }
    let total = bd.total;
    let tq = &doc.quantities[total];
    if !is_amount(tq) {
        return none();
    }
    let shares = bd
        .parts
        .iter()
        .zip(&stated)
        .filter_map(|(&part, &p)| {
            let a = &doc.quantities[part];
            if !is_amount(a) || a.dimension() != tq.dimension() || a.value > tq.value {
                return None;
            }
            Some(Share {
                stated: stated_share(p),
                part,
                base: total,
                part_name: name_of(a)
                    .trim_start_matches(['、', '和', '及', '，', ','])
                    .to_string(),
                base_name: name_of(tq),
                sure: false,
                other_bases: Vec::new(),
                base_share: None,
                lead: false,
                listed: true,
                sibling: None,
            })
        })
        .collect();
    (shares, Vec::new())
}

/// A list after `分别` with no breakdown before it: the percentages are
/// paired in order with the figures listed right before the marker (as
/// many as there are percentages, of one kind, nothing of their kind
/// before them in the sentence but a larger total). Each pair is a
/// statement of the list (`list` set), with its inline base when the list
/// writes one for each, and the base's name (one for all, or one for each:
/// `分别占全县工业产值总量、新增产值总量的68.8%、70.9%`).
#[allow(clippy::too_many_arguments)]
fn list_statements(
    doc: &Doc<'_>,
    opts: &ShareOptions,
    (pi, si): (usize, usize),
    at: usize,
    phrase: &str,
    stated: &[usize],
    inline: &[usize],
    stated_share: &dyn Fn(usize) -> StatedShare,
) -> Vec<ShareStatement> {
    let text = doc.text;
    let k = stated.len();
    let before: Vec<usize> = doc
        .in_sentence(pi, si)
        .filter(|&i| doc.quantities[i].full_span.end <= at)
        .filter(|&i| {
            let q = &doc.quantities[i];
            q.role != Role::Change && q.form != Form::Percent && !q.in_parens
        })
        .collect();
    if before.len() < k {
        return Vec::new();
    }
    let parts = &before[before.len() - k..];
    let first = &doc.quantities[parts[0]];
    let dim = first.dimension();
    if parts.iter().any(|&p| {
        let q = &doc.quantities[p];
        !is_amount(q) || q.dimension() != dim || q.approx != Approx::Exact
    }) {
        return Vec::new();
    }
    if first.label_text.starts_with(['、', '和', '及']) {
        return Vec::new(); // the list goes on before the first part taken
    }
    let sum: Decimal = parts
        .iter()
        .map(|&p| doc.quantities[p].bounds().lo.unwrap_or_default())
        .sum();
    if let Some(&prev) = before.len().checked_sub(k + 1).map(|j| &before[j]) {
        let q = &doc.quantities[prev];
        if is_amount(q)
            && q.dimension() == dim
            && q.approx == Approx::Exact
            && q.bounds().hi.is_some_and(|h| h < sum)
        {
            // Another figure of the list's kind, not its total.
            return Vec::new();
        }
    }
    // The base's name, or one name for each share.
    let marker = phrase
        .trim_start_matches('占')
        .trim_start_matches("为")
        .trim_start_matches("是");
    let name_part = match marker.find(['（', '(']) {
        Some(i) => &marker[..i],
        None => marker,
    };
    // (as written, normalised)
    let mut names: Vec<(String, String)> = name_part
        .split('、')
        .map(|n| {
            let mut base = trim_tail(n).to_string();
            while let Some(s) = longest_suffix(&base, &opts.base_suffixes) {
                base.truncate(base.len() - s.len());
                base = trim_tail(&base).to_string();
            }
            if base.is_empty() || base == "比" || base == "比量" || !phrase.starts_with('占') {
                (String::new(), String::new())
            } else {
                let norm = normalize_base(&base, opts);
                (base, norm)
            }
        })
        .collect();
    if names.len() != 1 && names.len() != k {
        return Vec::new();
    }
    if names.len() == 1 {
        names = vec![names[0].clone(); k];
    }
    // `城市、农村低保资金分别为1620万元、4210万元`: the parts named before
    // their own `分别为`.
    let named_parts: Option<Vec<String>> = ["分别为", "分别是", "分别达", "分别"]
        .iter()
        .find_map(|w| first.label_text.strip_suffix(w))
        .and_then(|head| {
            let head = strip_generic(head.trim_start_matches(['，', ',']));
            let list: Vec<&str> = head.split(['、', '和', '及']).collect();
            let last = *list.last()?;
            // The noun the last item ends with is every item's (`城市、农村
            // 低保资金`): the items are the words before it.
            let n: Vec<String> = list
                .iter()
                .map(|w| {
                    let lead = w.chars().count();
                    let noun: String = last.chars().skip(lead).collect();
                    if lead < last.chars().count() {
                        format!("{w}{noun}")
                    } else {
                        w.to_string()
                    }
                })
                .collect();
            (n.len() == k && n.iter().all(|x| !x.is_empty())).then_some(n)
        });
    let loc = doc.quantities[stated[0]].location;
    parts
        .iter()
        .zip(stated)
        .enumerate()
        .map(|(i, (&part, &p))| ShareStatement {
            stated: stated_share(p),
            marker: at,
            paragraph: loc.paragraph,
            sentence: loc.sentence,
            clause: loc.clause,
            part: Some(part),
            part_near: true,
            part_name: match &named_parts {
                Some(n) => n[i].clone(),
                None => name_of(&doc.quantities[part])
                    .trim_start_matches(['、', '和', '及', '，', ','])
                    .to_string(),
            },
            subject: String::new(),
            base_name: names[i].1.clone(),
            shown_base: names[i].0.clone(),
            is_zhan: phrase.starts_with('占'),
            share: None,
            list: Some(at),
            inline_base: inline.get(i).copied(),
            siblings: parts.iter().copied().filter(|&p| p != part).collect(),
        })
        .filter(|s| !gapless(&text[..0]).is_empty() || s.part.is_some())
        .collect()
}

/// How far back the lead total of a bare `占p%` is looked for when the
/// paragraph opens no entry (an infographic's lines are paragraphs).
pub(super) const LEAD_PARAGRAPHS: usize = 6;

/// Where a lead total for the share of figure `a` is looked for: the first
/// paragraph (its entry's, or [`LEAD_PARAGRAPHS`] back), its section, and the
/// years its sentence names.
pub(super) fn lead_scope(doc: &Doc<'_>, a: &Quantity) -> (usize, Option<usize>, Vec<String>) {
    let pi = a.location.paragraph;
    let first_para = match doc.draft.paragraphs[pi].entry {
        Some(e) => e,
        None => pi.saturating_sub(LEAD_PARAGRAPHS),
    };
    let section = doc.draft.paragraphs[pi].section;
    let sentence_years = years(
        doc.draft.paragraphs[pi].sentences[a.location.sentence]
            .span
            .slice(doc.text),
    );
    (first_para, section, sentence_years)
}

/// How far (as a factor) the base a bare `占p%` implies may be from a lead
/// total whose label names no whole (`lead_words`) before the share is taken
/// for one of a base the draft does not state.
const LEAD_FACTOR: i64 = 3;

/// The lead total of a bare `占p%` whose part is `part` and that belongs to
/// no breakdown (`全年受理纠纷1260件，…；婚姻家庭纠纷302件，占24.0%`): the
/// nearest figure before the part, in its paragraph or earlier ones of its
/// entry (or the few paragraphs before it), that measures the same thing,
/// is larger than the part and is not itself the part of such a share.
/// Returns it with every other figure that could be the base: a share that
/// fits any of them is right. `None` when there is no such figure, or the
/// stated share is far from any share of it (the base is likely not stated:
/// `贫困人口1200人，占3.5%` of a population the draft does not give).
fn lead_total(
    doc: &Doc<'_>,
    opts: &ShareOptions,
    breakdowns: &[Breakdown],
    part: usize,
    stated: Decimal,
) -> Option<(usize, Vec<usize>)> {
    let a = &doc.quantities[part];
    let pi = a.location.paragraph;
    let (first_para, section, sentence_years) = lead_scope(doc, a);
    let candidates: Vec<usize> = (first_para..=pi)
        .filter(|&p| doc.draft.paragraphs[p].section == section)
        .flat_map(|p| doc.in_paragraph(p))
        .filter(|&i| i < part)
        .filter(|&i| {
            let q = &doc.quantities[i];
            let ys = years(&q.label_text);
            is_amount(q)
                && q.approx == Approx::Exact
                && q.dimension() == a.dimension()
                && q.value > a.value
                && (ys.is_empty() || ys.iter().all(|y| sentence_years.contains(y)))
                && !opts
                    .narrowing
                    .iter()
                    .any(|w| q.label_text.contains(w.as_str()))
        })
        .collect();
    let lead = *candidates.iter().rev().find(|&&i| {
        own_share(doc, i).is_none()
            && !followed_by_share(doc, i)
            && !breakdowns.iter().any(|b| b.parts.contains(&i))
    })?;
    // A breakdown of the lead in the part's sentence that leaves the part
    // out (`…，其中，A 36所，B 20所，新设19所，占30.0%` with 新设 a statement
    // verb): the breakdown reader says the part is not of the lead.
    let l_loc = doc.quantities[lead].location;
    if l_loc.paragraph == a.location.paragraph
        && l_loc.sentence == a.location.sentence
        && breakdowns.iter().any(|b| b.total == lead)
    {
        return None;
    }
    // The base the stated share implies must be of the lead's order.
    let implied = stated
        .checked_div(Decimal::ONE_HUNDRED)
        .and_then(|f| a.value.checked_div(f))?;
    let l = doc.quantities[lead].value;
    let factor = Decimal::from(LEAD_FACTOR);
    let named_total = opts
        .lead_words
        .iter()
        .any(|w| doc.quantities[lead].label_text.contains(w.as_str()));
    if !named_total && (implied > l * factor || implied * factor < l) {
        return None;
    }
    let others = candidates.into_iter().filter(|&i| i != lead).collect();
    Some((lead, others))
}

/// True when figure `i` is the part of a bare share (`…人，占24.0%`).
fn followed_by_share(doc: &Doc<'_>, i: usize) -> bool {
    let q = &doc.quantities[i];
    doc.quantities.get(i + 1).is_some_and(|n| {
        n.location.paragraph == q.location.paragraph
            && n.location.sentence == q.location.sentence
            && n.form == Form::Percent
            && gapless(&doc.text[q.full_span.end..n.full_span.start])
                .trim_start_matches(['，', ',', '（', '('])
                .starts_with('占')
    })
}

/// The percentage stated right after figure `i` as its share of a whole
/// (`18776人，占24.78%`): the next figure of the sentence, a percentage
/// labelled `占`.
fn own_share(doc: &Doc<'_>, i: usize) -> Option<usize> {
    let q = &doc.quantities[i];
    let next = doc.quantities.get(i + 1)?;
    let same_sentence = next.location.paragraph == q.location.paragraph
        && next.location.sentence == q.location.sentence;
    let label = next.label_text.trim_start_matches(['，', ',']);
    (same_sentence && next.form == crate::quantity::Form::Percent && label == "占").then_some(i + 1)
}

/// The figure that ends the nearest earlier clause of the sentence with a
/// level figure; clauses that state only changes or other periods
/// (`比上年增长5.2%`) are passed over, a clause without figures stops the
/// search.
fn figure_ending_earlier_clause(doc: &Doc<'_>, loc: Loc) -> Option<usize> {
    for c in (0..loc.ci).rev() {
        let figs = doc.in_clause(loc.pi, loc.si, c);
        let last = *figs.last()?;
        let q = &doc.quantities[last];
        if figs.iter().all(|&i| doc.quantities[i].role != Role::Level) {
            continue;
        }
        // `X，占调整预算100.9%，占收入的48.5%`: another share of the same part.
        let (ct, _) = doc.clause_text(doc.clause(loc.pi, loc.si, c));
        if ct.starts_with('占')
            && figs
                .iter()
                .all(|&i| doc.quantities[i].form == Form::Percent)
        {
            continue;
        }
        return (is_amount(q) && q.after.is_empty() && own_label(doc, q)).then_some(last);
    }
    None
}

/// True when the figure has words of its own before it: a figure written
/// right after another (`1.3459万户3.6175万人，占…`) leaves open which of the
/// two a share is of.
fn own_label(doc: &Doc<'_>, q: &Quantity) -> bool {
    !gapless(q.label.slice(doc.text)).is_empty()
}

/// The name a figure is stated under (`其中，农村低保资金` → `农村低保资金`).
pub(super) fn name_of(q: &Quantity) -> String {
    strip_generic(trim_tail(&q.label_text)).to_string()
}

/// A base's name without the words that do not narrow it: `全部低保资金` →
/// `低保资金`, `全县总人口` → `人口`.
fn normalize_base(base: &str, opts: &ShareOptions) -> String {
    let mut s = base;
    loop {
        let before = s.len();
        s = strip_generic(s);
        if let Some(p) = opts
            .base_prefixes
            .iter()
            .find(|p| s.starts_with(p.as_str()))
        {
            s = &s[p.len()..];
        }
        if s.len() == before {
            break;
        }
    }
    s.to_string()
}

/// The one figure stated under `name` before `at`: in the same sentence,
/// else earlier in the paragraph, else earlier in the entry. Figures of
/// the part's own breakdown totals are preferred; several figures of
/// different values under the name give nothing.
fn by_name(
    doc: &Doc<'_>,
    opts: &ShareOptions,
    loc: Loc,
    at: usize,
    name: &str,
    exclude: Option<usize>,
    preferred: Option<&[usize]>,
) -> Option<usize> {
    let part = exclude.map(|i| &doc.quantities[i]);
    let fits = |i: usize| -> bool {
        let q = &doc.quantities[i];
        if Some(i) == exclude || q.full_span.end > at || !is_amount(q) {
            return false;
        }
        if let Some(p) = part {
            if q.dimension() != p.dimension() {
                return false;
            }
        }
        // `0-17岁人口93193人`: the age band is read as a figure of its own,
        // and narrows the label after it.
        let after_age = i > 0 && {
            let prev = &doc.quantities[i - 1];
            prev.location == q.location
                && prev.unit.as_ref().is_some_and(|u| u.name == "岁")
                && gapless(&doc.text[prev.full_span.end..q.label.start.max(prev.full_span.end)])
                    .is_empty()
        };
        !after_age && label_names(doc, opts, &wide_label(doc, i), name)
    };
    let pick = |cands: Vec<usize>| -> Option<usize> {
        if cands.is_empty() {
            return None;
        }
        if let Some(pref) = preferred {
            let own: Vec<usize> = cands.iter().copied().filter(|c| pref.contains(c)).collect();
            if own.len() == 1 {
                return Some(own[0]);
            }
        }
        let v = doc.quantities[cands[0]].value;
        cands
            .iter()
            .all(|&c| doc.quantities[c].value == v)
            .then(|| *cands.last().expect("not empty"))
    };
    // The same sentence.
    let same: Vec<usize> = doc
        .in_sentence(loc.pi, loc.si)
        .filter(|&i| fits(i))
        .collect();
    if !same.is_empty() {
        return pick(same);
    }
    // Earlier sentences of the paragraph, then earlier paragraphs of the entry.
    let sentence_years = years(
        doc.draft.paragraphs[loc.pi].sentences[loc.si]
            .span
            .slice(doc.text),
    );
    // A figure labelled with a year the share's sentence does not name is
    // another year's, when the sentence names one (`2019年…占生产总值的`
    // against `2018年生产总值`); a sentence that names none is of the year
    // the draft speaks of.
    let other_year = |i: usize| {
        let ys = years(&doc.quantities[i].label_text);
        !ys.is_empty()
            && !sentence_years.is_empty()
            && ys.iter().any(|y| !sentence_years.contains(y))
    };
    let para: Vec<usize> = doc
        .in_paragraph(loc.pi)
        .filter(|&i| doc.quantities[i].location.sentence < loc.si && fits(i) && !other_year(i))
        .collect();
    if !para.is_empty() {
        return pick(para);
    }
    // Earlier paragraphs of the entry, or of the section when the draft
    // has no entries (a few paragraphs back).
    let section = doc.draft.paragraphs[loc.pi].section;
    let first = match doc.draft.paragraphs[loc.pi].entry {
        Some(e) => e,
        None => loc.pi.saturating_sub(LEAD_PARAGRAPHS),
    };
    let entry = doc.draft.paragraphs[loc.pi].entry;
    let earlier: Vec<usize> = (first..loc.pi)
        .filter(|&p| {
            let para = &doc.draft.paragraphs[p];
            para.entry == entry && para.section == section
        })
        .flat_map(|p| doc.in_paragraph(p))
        .filter(|&i| fits(i) && !other_year(i))
        .collect();
    pick(earlier)
}

/// The one figure whose label writes `name` with other words in between
/// (`规模企业产值` in `240户规模工业企业累计完成工业产值`): every character
/// of the name in order, and the label ending (its verbs taken off) with the
/// name's last two characters, its head noun. Names are tried in order; a
/// name of four characters or more only. In the sentence, else earlier in
/// the paragraph, else (when `wide`) in the few paragraphs before; several
/// figures of different values give nothing. `part` (or `usize::MAX`) is
/// the share's part, which the base must measure alike and not be.
/// Where [`by_loose_name`] looks, and what it leaves out.
struct LooseScope<'s> {
    /// The share's part (`usize::MAX` when looking for the part itself).
    part: usize,
    /// Looking for a base: earlier paragraphs too, and no item with a share
    /// of its own.
    wide: bool,
    /// The parts of the other shares of the part's list.
    siblings: &'s [usize],
}

fn by_loose_name(
    doc: &Doc<'_>,
    opts: &ShareOptions,
    loc: Loc,
    at: usize,
    names: &[String],
    scope: LooseScope<'_>,
) -> Option<usize> {
    let LooseScope {
        part,
        wide,
        siblings,
    } = scope;
    let dim = doc.quantities.get(part).and_then(|q| q.dimension());
    let fits = |i: usize, name: &str| -> bool {
        let q = &doc.quantities[i];
        if i == part
            || siblings.contains(&i)
            || q.full_span.end > at
            || !is_amount(q)
            || q.approx != Approx::Exact
        {
            return false;
        }
        // A base is no item with a share of its own (`A 160件，占40.0%`).
        if wide && followed_by_share(doc, i) {
            return false;
        }
        if dim.is_some() && q.dimension() != dim {
            return false;
        }
        let cleaned = without_notes(&wide_label(doc, i));
        let mut label = trim_tail(&cleaned);
        while let Some(t) = longest_suffix(label, &opts.label_verbs) {
            label = trim_tail(&label[..label.len() - t.len()]);
        }
        let c: Vec<char> = name.chars().collect();
        let head: String = c[c.len() - 2..].iter().collect();
        if !label.ends_with(&head) {
            return false;
        }
        let mut chars = label.chars();
        name.chars().all(|c| chars.any(|l| l == c))
    };
    let sentence_years = years(
        doc.draft.paragraphs[loc.pi].sentences[loc.si]
            .span
            .slice(doc.text),
    );
    let other_year = |i: usize| {
        let ys = years(&doc.quantities[i].label_text);
        !ys.is_empty()
            && !sentence_years.is_empty()
            && ys.iter().any(|y| !sentence_years.contains(y))
    };
    let section = doc.draft.paragraphs[loc.pi].section;
    let first = match doc.draft.paragraphs[loc.pi].entry {
        Some(e) => e,
        None => loc.pi.saturating_sub(LEAD_PARAGRAPHS),
    };
    let entry = doc.draft.paragraphs[loc.pi].entry;
    // The share's part of its sentence after a `；` first (`省重点项目…年度投资
    // 计划236.2亿元…，完成年度计划的37.5%；县重点项目…年度投资计划67.9亿元…`).
    let sentence_start = doc.draft.paragraphs[loc.pi].sentences[loc.si].span.start;
    let segment_start = doc.text[sentence_start..at]
        .rfind(['；', ';'])
        .map_or(sentence_start, |i| sentence_start + i);
    let mut scopes: Vec<Vec<usize>> = vec![
        doc.in_sentence(loc.pi, loc.si)
            .filter(|&i| doc.quantities[i].full_span.start >= segment_start)
            .collect(),
        doc.in_sentence(loc.pi, loc.si).collect(),
        doc.in_paragraph(loc.pi)
            .filter(|&i| doc.quantities[i].location.sentence < loc.si)
            .collect(),
    ];
    if wide {
        scopes.push(
            (first..loc.pi)
                .filter(|&p| {
                    let para = &doc.draft.paragraphs[p];
                    para.entry == entry && para.section == section
                })
                .flat_map(|p| doc.in_paragraph(p))
                .collect(),
        );
    } else {
        scopes.truncate(2);
    }
    for name in names.iter().filter(|n| n.chars().count() >= 4) {
        for scope in &scopes {
            let cands: Vec<usize> = scope
                .iter()
                .copied()
                .filter(|&i| fits(i, name) && !other_year(i))
                .collect();
            let Some(&last) = cands.last() else { continue };
            let v = doc.quantities[last].value;
            return cands
                .iter()
                .all(|&c| doc.quantities[c].value == v)
                .then_some(last);
        }
    }
    None
}

/// True when a figure's label names `name` (already normalised): the label,
/// its generic words taken off, ends with the name, and what it adds before
/// the name does not narrow it (a partition member such as 城市 or 农村, or
/// a narrowing word such as 其他).
fn label_names(doc: &Doc<'_>, opts: &ShareOptions, label: &str, name: &str) -> bool {
    // `一般公共预算收入完成`, `财政总收入累计完成`: the verb that ends the label
    // is not part of the name.
    // Notes in brackets and footnote marks are not part of the name
    // (`地区生产总值（GDP）[2]完成`).
    let cleaned = without_notes(label);
    let mut label = trim_tail(&cleaned);
    while let Some(t) = longest_suffix(label, &opts.label_verbs) {
        label = trim_tail(&label[..label.len() - t.len()]);
    }
    let l = normalize_base(label, opts);
    let Some(extra) = l.strip_suffix(name) else {
        return false;
    };
    if extra.is_empty() {
        return true;
    }
    if opts.narrowing.iter().any(|w| extra.contains(w.as_str())) {
        return false;
    }
    // An age band or another figure in the name (`0-17岁人口` is not 人口).
    if extra.chars().any(|c| c.is_ascii_digit() || c == '岁') {
        return false;
    }
    !doc.partitions.iter().any(|p| {
        p.members
            .iter()
            .flatten()
            .any(|w| extra.contains(w.as_str()))
    })
}

/// A figure's label with what a footnote mark or a note in brackets cut
/// off before it: in `地区生产总值（GDP）[2]完成529757万元` the mark `2` is read
/// as a figure, and the label after it is only `]完成`.
fn wide_label(doc: &Doc<'_>, i: usize) -> String {
    let mut label = doc.quantities[i].label_text.clone();
    let mut j = i;
    while j > 0 {
        let prev = &doc.quantities[j - 1];
        if prev.location != doc.quantities[j].location {
            break;
        }
        let before = doc.text[..prev.span.start].trim_end();
        let after = doc.text[prev.span.end..].trim_start();
        let mark = before.ends_with(['[', '［']) && after.starts_with([']', '］']);
        if !mark && !prev.in_parens {
            break;
        }
        label = format!(
            "{}{}{}",
            prev.label_text,
            gapless(prev.span.slice(doc.text)),
            label
        );
        j -= 1;
    }
    label
}

/// A label without what it writes in brackets (`（GDP）`, `(含…)`) and
/// without footnote marks (`[2]`).
fn without_notes(label: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in label.chars() {
        match c {
            '（' | '(' | '[' | '［' | '【' => depth += 1,
            '）' | ')' | ']' | '］' | '】' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

fn longest_suffix<'w>(s: &str, words: &'w [String]) -> Option<&'w str> {
    words
        .iter()
        .filter(|w| s.ends_with(w.as_str()))
        .max_by_key(|w| w.len())
        .map(String::as_str)
}

/// The four-digit years (`2019年`) written in `s`.
pub(super) fn years(s: &str) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    for i in 0..chars.len() {
        if i + 4 < chars.len()
            && chars[i..i + 4].iter().all(|c| c.is_ascii_digit())
            && chars[i + 4] == '年'
            && (i == 0 || !chars[i - 1].is_ascii_digit())
        {
            out.push(chars[i..i + 4].iter().collect());
        }
    }
    out
}

fn has_year(s: &str) -> bool {
    !years(s).is_empty()
}

/// Approximation words written before a share in words, longest first.
const WORD_PREFIX: &[(&str, Approx)] = &[
    ("不到", Approx::AtMost),
    ("不足", Approx::AtMost),
    ("将近", Approx::AtMost),
    ("接近", Approx::AtMost),
    ("超过", Approx::AtLeast),
    ("大约", Approx::About),
    ("近", Approx::AtMost),
    ("逾", Approx::AtLeast),
    ("超", Approx::AtLeast),
    ("过", Approx::AtLeast),
    ("约", Approx::About),
];

/// Approximation words written after a share in words.
const WORD_SUFFIX: &[(&str, Approx)] = &[
    ("以上", Approx::AtLeast),
    ("以下", Approx::AtMost),
    ("左右", Approx::About),
    ("多", Approx::AtLeast),
];

/// Half the width a share in words stands for, in percentage points: `三成`
/// is read as 25%–35%, `一半` as 45%–55%, `四分之一` as 20%–30%.
const WORD_HALF_WIDTH: i64 = 5;

/// A share in words (`三成`, `七成五`, `一半`, `半数`, `四分之一`) with its
/// approximation words, starting in `text[from..limit]` right after the
/// base's name; `None` when there is none.
fn word_share(text: &str, from: usize, limit: usize) -> Option<StatedShare> {
    let hay = &text[from..limit.max(from)];
    for (off, _) in hay.char_indices() {
        let s = &hay[off..];
        let Some((len, value)) = read_share_word(s) else {
            continue;
        };
        let start = from + off;
        let mut end = start + len;
        let mut approx = Approx::Exact;
        let mut span_start = start;
        let before = &text[from..start];
        if let Some((w, a)) = WORD_PREFIX.iter().find(|(w, _)| before.ends_with(w)) {
            approx = *a;
            span_start = start - w.len();
        }
        let tail = &text[end..];
        if let Some((w, a)) = WORD_SUFFIX.iter().find(|(w, _)| tail.starts_with(w)) {
            approx = if approx == Approx::Exact {
                *a
            } else {
                Approx::About
            };
            end += w.len();
        }
        let half = Decimal::from(WORD_HALF_WIDTH);
        let (lo, hi) = (Some(value - half), Some(value + half));
        let bounds = match approx {
            Approx::Exact => Bounds { lo, hi },
            Approx::About => Bounds { lo: None, hi: None },
            Approx::AtLeast => Bounds { lo, hi: None },
            Approx::AtMost => Bounds { lo: None, hi },
        };
        return Some(StatedShare {
            span: Span::new(span_start, end),
            value,
            decimals: 0,
            bounds,
            in_words: true,
        });
    }
    None
}

/// Reads a share word at the start of `s`: (bytes read, percent).
fn read_share_word(s: &str) -> Option<(usize, Decimal)> {
    for w in ["一半", "半数"] {
        if s.starts_with(w) {
            return Some((w.len(), Decimal::from(50)));
        }
    }
    let digit = |c: char| "一二三四五六七八九两".contains(c);
    let run: String = s.chars().take_while(|&c| digit(c) || c == '十').collect();
    if run.is_empty() {
        return None;
    }
    let after = &s[run.len()..];
    if let Some(r) = after.strip_prefix("成") {
        // 三成, 七成五: one digit of tenths, maybe one of hundredths.
        if run.chars().count() != 1 || run == "十" {
            return None;
        }
        let tenths = parse_chinese(&run)?;
        let mut len = run.len() + "成".len();
        let mut value = tenths * Decimal::TEN;
        if let Some(c) = r.chars().next().filter(|&c| digit(c)) {
            value += parse_chinese(&c.to_string())?;
            len += c.len_utf8();
        }
        return Some((len, value));
    }
    if let Some(r) = after.strip_prefix("分之") {
        let denominator = parse_chinese(&run)?;
        let num: String = r.chars().take_while(|&c| digit(c) || c == '十').collect();
        let numerator = parse_chinese(&num)?;
        if denominator.is_zero() || numerator > denominator {
            return None;
        }
        let value = (numerator * Decimal::ONE_HUNDRED).checked_div(denominator)?;
        return Some((run.len() + "分之".len() + num.len(), value.round_dp(1)));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn share_words() {
        assert_eq!(read_share_word("三成以上"), Some((6, Decimal::from(30))));
        assert_eq!(read_share_word("七成五"), Some((9, Decimal::from(75))));
        assert_eq!(read_share_word("一半"), Some((6, Decimal::from(50))));
        assert_eq!(read_share_word("四分之一"), Some((12, Decimal::from(25))));
        assert_eq!(
            read_share_word("三分之一").map(|x| x.1),
            Some("33.3".parse().unwrap())
        );
        assert_eq!(read_share_word("十成"), None);
        assert_eq!(read_share_word("成为"), None);
        assert_eq!(read_share_word("三分之五"), None);
    }

    #[test]
    fn years_in_text() {
        assert_eq!(years("占2019年全县的"), vec!["2019".to_string()]);
        assert!(years("占全县12345年").is_empty());
    }
}
