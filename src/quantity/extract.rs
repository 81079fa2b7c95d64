//! Reading the quantities of a parsed draft.

use rust_decimal::Decimal;

use super::number::{parse_arabic, parse_chinese, parse_chinese_figure};
use super::units::{LabelWords, UnitTable};
use super::{Approx, Form, Location, Quantity, Role};
use crate::span::Span;
use crate::syntax::{Clause, Draft, NumberShape, QuantityShape, Sentence, TokenKind};

/// Numbers of this size or more (before 万/亿) are not figures: no yearbook
/// states a quantity with thirteen integer digits.
const MAX_DIGITS_VALUE: i64 = 1_000_000_000_000;

/// Figures of this size or more in base units are not read (a number glued
/// to another, an identifier): the bound keeps every sum, difference and
/// rounding interval yblint computes far from the limits of exact decimals
/// (about 7.9 × 10²⁸), even over thousands of parts.
const MAX_BASE_VALUE: i64 = 1_000_000_000_000_000_000;

/// A figure's label keeps at most this many characters before it.
const LABEL_CHARS: usize = 48;

fn is_gap(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{3000}' | '\u{00A0}' | '\u{2009}' | '\u{202F}' | '\n' | '\r'
    )
}

/// Reads every quantity of `draft` (whose text is `text`), in source order.
///
/// Units come from `units`; label words from `words` decide which figures
/// are changes, previous-period levels or non-additive.
pub fn extract(text: &str, draft: &Draft, units: &UnitTable, words: &LabelWords) -> Vec<Quantity> {
    let mut out = Vec::new();
    let approx_before = words.approx_before();
    let approx_after = words.approx_after();
    let lexicon = Lexicon {
        units,
        words,
        approx_before: &approx_before,
        approx_after: &approx_after,
    };
    for (pi, para) in draft.paragraphs.iter().enumerate() {
        for (si, sentence) in para.sentences.iter().enumerate() {
            let mut parens = Parentheses::of(text, sentence);
            for (ci, clause) in sentence.clauses.iter().enumerate() {
                let location = Location {
                    paragraph: pi,
                    sentence: si,
                    clause: ci,
                };
                read_clause(text, clause, location, &mut parens, &lexicon, &mut out);
            }
        }
    }
    out
}

/// The matched parentheses of a sentence, asked about positions in
/// increasing order; an opening mark that is never closed encloses nothing
/// (a slip, not a parenthetical note).
struct Parentheses {
    /// (position, +1 for an opening, -1 for a closing), sorted.
    events: Vec<(usize, i32)>,
    next: usize,
    depth: i32,
}

impl Parentheses {
    fn of(text: &str, sentence: &Sentence) -> Self {
        let mut open: Vec<usize> = Vec::new();
        let mut events = Vec::new();
        for t in sentence.clauses.iter().flat_map(|c| &c.tokens) {
            if !matches!(t.kind, TokenKind::Other) {
                continue;
            }
            match t.span.slice(text) {
                "（" | "(" => open.push(t.span.end),
                "）" | ")" => {
                    if let Some(start) = open.pop() {
                        events.push((start, 1));
                        events.push((t.span.start, -1));
                    }
                }
                _ => {}
            }
        }
        events.sort_unstable();
        Parentheses {
            events,
            next: 0,
            depth: 0,
        }
    }

    /// True when `pos` lies inside parentheses; `pos` must not decrease
    /// from one call to the next.
    fn inside(&mut self, pos: usize) -> bool {
        while let Some(&(at, step)) = self.events.get(self.next) {
            if at > pos {
                break;
            }
            self.depth += step;
            self.next += 1;
        }
        self.depth > 0
    }
}

/// The tables the figure reader reads with: units, label words, and the
/// approximation words of the label words, longest first.
struct Lexicon<'a> {
    units: &'a UnitTable,
    words: &'a LabelWords,
    approx_before: &'a [(&'a str, Approx)],
    approx_after: &'a [(&'a str, Approx)],
}

struct Reader<'a> {
    text: &'a str,
    units: &'a UnitTable,
    words: &'a LabelWords,
    approx_before: &'a [(&'a str, Approx)],
    approx_after: &'a [(&'a str, Approx)],
}

fn read_clause(
    text: &str,
    clause: &Clause,
    location: Location,
    parens: &mut Parentheses,
    lexicon: &Lexicon<'_>,
    out: &mut Vec<Quantity>,
) {
    let words = lexicon.words;
    let reader = Reader {
        text,
        units: lexicon.units,
        words,
        approx_before: lexicon.approx_before,
        approx_after: lexicon.approx_after,
    };
    let first = out.len();
    let mut label_start = clause.span.start;
    let mut previous_label: Option<String> = None;
    let mut skip_until = 0usize;
    let mut breaks: Vec<Span> = clause
        .tokens
        .iter()
        .filter(|t| matches!(t.kind, TokenKind::Break))
        .map(|t| t.span)
        .collect();
    for token in &clause.tokens {
        if token.span.start < skip_until {
            continue;
        }
        let found = match &token.kind {
            TokenKind::Quantity(shape) => reader.arabic(token.span, shape),
            TokenKind::CnNumber => reader.chinese(token.span),
            TokenKind::PercentWord => reader.percent_word(token.span),
            _ => None,
        }
        .filter(|q| {
            let limit = Decimal::from(MAX_BASE_VALUE);
            q.value.abs() < limit && q.step < limit
        });
        let Some(mut q) = found else { continue };
        if let Some(note) = footnote_mark(text, &q) {
            // 常住人口[3]为75757人: a note's number is no figure, and the
            // label reads on across it.
            breaks.push(note);
            skip_until = note.end;
            continue;
        }
        reader.surroundings(&mut q, clause.span.start.max(label_start));
        let label = Span::new(label_start.min(q.full_span.start), q.full_span.start);
        // The words right before the figure name it; a label is kept to its
        // last LABEL_CHARS characters so that long runs of text cost nothing
        // more for every figure that follows them.
        let local: String = {
            // A page break inside the label (`农⏎·126·⏎村特困人员`) is not
            // part of it: its text, page number included, is left out.
            let raw = label.slice(text);
            let kept = |(i, c): &(usize, char)| {
                !is_gap(*c)
                    && !breaks
                        .iter()
                        .any(|b| (b.start..b.end).contains(&(label.start + i)))
            };
            let from = raw
                .char_indices()
                .rev()
                .filter(kept)
                .nth(LABEL_CHARS - 1)
                .map_or(0, |(i, _)| i);
            raw[from..]
                .char_indices()
                .map(|(i, c)| (from + i, c))
                .filter(kept)
                .map(|(_, c)| c)
                .collect()
        };
        q.role = reader.role(&local, label_start, q.full_span.start);
        q.label = label;
        q.label_text = if local.is_empty() {
            previous_label.clone().unwrap_or_default()
        } else {
            local
        };
        q.location = location;
        q.in_parens = parens.inside(q.span.start);
        let tail = q
            .label_text
            .trim_end_matches(['为', '是', '达', '约', '：', ':']);
        q.non_additive |= words
            .non_additive
            .iter()
            .any(|w| q.label_text.contains(w.as_str()))
            || words.non_additive_tail.iter().any(|w| {
                // In the last words of the label: 单笔最高, 最高额度, 最低工资标准.
                let keep = w.chars().count() + 2;
                let start = tail
                    .char_indices()
                    .rev()
                    .nth(keep - 1)
                    .map_or(0, |(i, _)| i);
                tail[start..].contains(w.as_str())
            });
        q.timing = words.timing(&q.label_text);
        q.sign_in_label = words
            .signed
            .iter()
            .any(|w| q.label_text.contains(w.as_str()));
        label_start = q.full_span.end;
        skip_until = q.full_span.end;
        previous_label = Some(q.label_text.clone());
        out.push(q);
    }
    // What follows each figure, up to the next figure or the clause end.
    let ends: Vec<usize> = out[first..]
        .iter()
        .skip(1)
        .map(|q| q.full_span.start)
        .chain(std::iter::once(clause.span.end))
        .collect();
    for (q, end) in out[first..].iter_mut().zip(ends) {
        let from = q.full_span.end.min(end);
        q.after = text[from..end].chars().filter(|c| !is_gap(*c)).collect();
        if q.role == Role::Level && compared_after(&text[from..clause.span.end], words) {
            // 与2010年的703428人相比: the level the record year is compared with.
            q.role = Role::Previous;
        }
    }
}

impl Reader<'_> {
    fn blank(&self, span: Span, value: Decimal, form: Form) -> Quantity {
        Quantity {
            span,
            full_span: span,
            value,
            step: Decimal::ZERO,
            unit: None,
            magnitude: Decimal::ONE,
            display_unit: String::new(),
            form,
            approx: Approx::Exact,
            role: Role::Level,
            location: Location {
                paragraph: 0,
                sentence: 0,
                clause: 0,
            },
            label: Span::default(),
            label_text: String::new(),
            in_parens: false,
            across_break: false,
            in_words: false,
            non_additive: false,
            timing: super::Timing::Unknown,
            after: String::new(),
            yu: false,
            sign_in_label: false,
        }
    }

    fn arabic(&self, span: Span, shape: &QuantityShape) -> Option<Quantity> {
        match shape {
            QuantityShape::Single(n) => {
                let (value, scale_step, magnitude) = self.number(n)?;
                let form = match n.percent.map(|p| p.slice(self.text)) {
                    Some("‰") => Form::Permille,
                    Some(_) => Form::Percent,
                    None => Form::Amount,
                };
                let mut q = self.blank(span, value, form.clone());
                q.magnitude = magnitude;
                q.step = scale_step;
                q.across_break = n.digits.slice(self.text).contains('\n')
                    || self.text[n.digits.end..n.span.end].contains('\n');
                if n.approx.is_some() {
                    q.approx = Approx::AtLeast;
                    q.yu = true;
                }
                if form == Form::Amount {
                    self.attach_unit(&mut q, n.magnitude.map(|m| m.slice(self.text)))?;
                } else {
                    q.display_unit = n.percent.map(|p| p.slice(self.text)).unwrap_or("%").into();
                }
                Some(q)
            }
            QuantityShape::Range(a, b) => {
                let (lo, _, _) = self.number(a)?;
                let (hi, step, magnitude) = self.number(b)?;
                let mut q = self.blank(span, hi, Form::Amount);
                q.magnitude = magnitude;
                q.step = step;
                self.attach_unit(&mut q, b.magnitude.map(|m| m.slice(self.text)))?;
                let factor = q.unit.as_ref().map(|u| u.factor).unwrap_or(Decimal::ONE);
                let lo = lo.checked_mul(factor)?;
                q.form = Form::Range { lo, hi: q.value };
                q.value = lo;
                Some(q)
            }
            QuantityShape::Ratio(terms) => {
                let values: Option<Vec<Decimal>> = terms
                    .iter()
                    .map(|t| parse_arabic(t.digits.slice(self.text)))
                    .collect();
                let values = values?;
                let first = *values.first()?;
                let mut q = self.blank(span, first, Form::Ratio(values));
                q.step = step_of(first);
                Some(q)
            }
        }
    }

    /// Value (before the unit factor), its step and the magnitude. `None`
    /// for a number too long to be a figure (an identifier, a code, digits
    /// glued together), which yblint does not read as a quantity.
    fn number(&self, n: &NumberShape) -> Option<(Decimal, Decimal, Decimal)> {
        let digits = parse_arabic(n.digits.slice(self.text))?;
        if digits.abs() >= Decimal::from(MAX_DIGITS_VALUE) {
            return None;
        }
        let magnitude = match n.magnitude.map(|m| m.slice(self.text)) {
            Some("万") => Decimal::from(10_000),
            Some("亿") => Decimal::from(100_000_000),
            Some("万亿") => Decimal::from(1_000_000_000_000i64),
            Some("千万") => Decimal::from(10_000_000),
            Some("百万") => Decimal::from(1_000_000),
            Some("千") => Decimal::from(1_000),
            Some("百") => Decimal::from(100),
            _ => Decimal::ONE,
        };
        Some((
            digits.checked_mul(magnitude)?,
            step_of(digits).checked_mul(magnitude)?,
            magnitude,
        ))
    }

    /// A figure in Chinese numerals, with 余/多/几 after it and the unit
    /// right after those (`二十余名`, `十几所`, `四十五点三万人`).
    fn chinese(&self, span: Span) -> Option<Quantity> {
        let from = &self.text[span.start..];
        if self
            .words
            .numeral_terms
            .iter()
            .any(|t| from.starts_with(t.as_str()))
        {
            return None;
        }
        let figure = parse_chinese_figure(span.slice(self.text))?;
        let mut rest = &self.text[span.end..];
        let mut approx = Approx::Exact;
        let mut yu = false;
        if let Some(r) = rest.strip_prefix(['余', '多']) {
            (rest, approx, yu) = (r, Approx::AtLeast, true);
        } else if let Some(r) = rest.strip_prefix('几') {
            (rest, approx) = (r, Approx::About);
        }
        let unit = self.units.longest_prefix(rest)?.clone();
        let mut q = self.blank(span, figure.value.checked_mul(unit.factor)?, Form::Amount);
        q.in_words = true;
        q.approx = approx;
        q.yu = yu;
        let end = self.text.len() - rest.len() + unit.name.len();
        q.span = Span::new(span.start, end);
        q.full_span = q.span;
        q.magnitude = figure.magnitude;
        let magnitude_word = match figure.magnitude {
            m if m == Decimal::from(10_000) => "万",
            m if m == Decimal::from(100_000_000) => "亿",
            _ => "",
        };
        q.display_unit = format!("{magnitude_word}{}", unit.name);
        // A whole count of a discrete unit is exact; otherwise the last digit
        // written is a rounding step (四十五万人).
        q.step = if unit.discrete && figure.step == Decimal::ONE {
            Decimal::ZERO
        } else {
            figure.step.checked_mul(unit.factor)?
        };
        q.unit = Some(unit);
        Some(q)
    }

    fn percent_word(&self, span: Span) -> Option<Quantity> {
        let raw = span.slice(self.text);
        let (form, digits) = if let Some(d) = raw.strip_prefix("百分之") {
            (Form::Percent, d)
        } else {
            (Form::Permille, raw.strip_prefix("千分之")?)
        };
        // 百分之零点五 is 0.5%, written to one decimal like `0.5%`; 百分之三十
        // is a share in words.
        let (value, decimals) = match digits.split_once('点') {
            Some(_) => {
                let f = crate::quantity::number::parse_chinese_figure(digits)?;
                (f.value, Some(f.step))
            }
            None => (parse_chinese(digits)?, None),
        };
        let mut q = self.blank(span, value, form);
        match decimals {
            Some(step) => q.step = step,
            None => q.in_words = true,
        }
        q.display_unit = "%".into();
        Some(q)
    }

    /// Reads the unit written after the figure (spaces and line breaks
    /// between them are allowed) and extends the span over it. `None` when
    /// the value in base units is too large to compute with.
    fn attach_unit(&self, q: &mut Quantity, magnitude_word: Option<&str>) -> Option<()> {
        let mut pos = q.span.end;
        let mut crossed = false;
        for c in self.text[pos..].chars() {
            if !is_gap(c) {
                break;
            }
            crossed |= c == '\n';
            pos += c.len_utf8();
        }
        let unit = self.units.longest_prefix(&self.text[pos..]).cloned();
        let mag = magnitude_word.unwrap_or("");
        match unit {
            Some(u) => {
                q.span = Span::new(q.span.start, pos + u.name.len());
                q.across_break |= crossed;
                q.value = q.value.checked_mul(u.factor)?;
                q.step = q.step.checked_mul(u.factor)?;
                // A whole count of a discrete unit (754户) is exact.
                if u.discrete && q.magnitude == Decimal::ONE && q.step == u.factor {
                    q.step = Decimal::ZERO;
                }
                q.display_unit = format!("{mag}{}", u.name);
                q.non_additive |= !u.additive;
                q.unit = Some(u);
            }
            None => {
                // Trailing spaces are not part of a figure without a unit.
                let trimmed = q.span.slice(self.text).trim_end_matches(is_gap).len();
                q.span = Span::new(q.span.start, q.span.start + trimmed);
                q.display_unit = mag.into();
            }
        }
        q.full_span = q.span;
        Some(())
    }

    /// Approximation words and signs around the figure (`约` that ends a
    /// word, as in `现已履约16个` or `签约12个`, is none).
    fn surroundings(&self, q: &mut Quantity, clause_start: usize) {
        let before = self.text[clause_start..q.span.start].trim_end_matches(is_gap);
        let mut start = clause_start + before.len();
        if let Some((w, a)) = self
            .approx_before
            .iter()
            .find(|(w, _)| before.ends_with(w) && !inside_word(before, w))
        {
            start -= w.len();
            q.approx = merge(q.approx, *a);
        }
        let before = &self.text[clause_start..start];
        let negative = before.ends_with('负')
            || before
                .strip_suffix(['-', '−', '－'])
                .is_some_and(|b| !b.ends_with(|c: char| c.is_ascii_digit()));
        if negative && !matches!(q.form, Form::Range { .. }) {
            q.value = -q.value;
            start -= before.chars().next_back().map(char::len_utf8).unwrap_or(0);
        }
        let mut end = q.span.end;
        let after = &self.text[end..];
        let gap = after.len() - after.trim_start_matches(is_gap).len();
        let after = &after[gap..];
        if let Some((w, a)) = self.approx_after.iter().find(|(w, _)| after.starts_with(w)) {
            end += gap + w.len();
            q.approx = merge(q.approx, *a);
            q.yu |= *w == "多";
        } else if after.starts_with('余') && !after.starts_with("余额") {
            end += gap + '余'.len_utf8();
            q.approx = merge(q.approx, Approx::AtLeast);
            q.yu = true;
        }
        q.yu &= q.approx == Approx::AtLeast;
        q.full_span = Span::new(start.min(q.span.start), end);
    }

    fn role(&self, local: &str, label_start: usize, figure_start: usize) -> Role {
        let raw = self.text[label_start.min(figure_start)..figure_start].trim_end_matches(is_gap);
        if self
            .words
            .previous_before
            .iter()
            .any(|w| raw.ends_with(w.as_str()))
        {
            return Role::Previous;
        }
        let trimmed = local.trim_end_matches('了');
        if self
            .words
            .change
            .iter()
            .any(|w| trimmed.ends_with(w.as_str()))
        {
            return Role::Change;
        }
        if self
            .words
            .previous
            .iter()
            .any(|w| local.contains(w.as_str()))
        {
            return Role::Previous;
        }
        Role::Level
    }
}

/// True when a one-character approximation word ends a longer word rather
/// than qualifying the figure: 履约16个, 签约8个, 节约 (约); 最近, 附近 (近).
fn inside_word(before: &str, word: &str) -> bool {
    let Some(stem) = before.strip_suffix(word) else {
        return false;
    };
    let Some(prev) = stem.chars().next_back() else {
        return false;
    };
    match word {
        "约" => "履签节违合预制公条契邀特缔解守践毁誓立集简赴续相婚隐".contains(prev),
        "近" => "最附邻靠临就贴亲".contains(prev),
        _ => false,
    }
}

/// The span of a footnote mark (`[3]`, `［4］`, `〔5〕`) when figure `q` is the
/// number inside one, written right after a word: a bare whole number with
/// no unit, the bracket before it and the closing one after it.
fn footnote_mark(text: &str, q: &Quantity) -> Option<Span> {
    if !q.display_unit.is_empty() || q.unit.is_some() || q.value.fract() != Decimal::ZERO {
        return None;
    }
    let before = text[..q.full_span.start].chars().rev();
    let mut before = before;
    let open = before.next()?;
    let word = before.next()?;
    let after = &text[q.full_span.end..];
    let close = after.chars().next()?;
    let pair = matches!((open, close), ('[', ']') | ('［', '］') | ('〔', '〕'));
    let cjk = ('\u{4E00}'..='\u{9FFF}').contains(&word);
    (pair && cjk && q.value < Decimal::from(100)).then(|| {
        Span::new(
            q.full_span.start - open.len_utf8(),
            q.full_span.end + close.len_utf8(),
        )
    })
}

fn merge(a: Approx, b: Approx) -> Approx {
    match (a, b) {
        (Approx::Exact, x) | (x, Approx::Exact) => x,
        (x, y) if x == y => x,
        _ => Approx::About,
    }
}

/// The step of the last displayed digit: `44695.70` → 0.01, `754` → 1.
fn step_of(d: Decimal) -> Decimal {
    Decimal::new(1, d.scale())
}

/// True when the text after a figure (to its clause end) opens with a word of
/// `previous_after` (`相比`), past a closing mark and a note in parentheses
/// (`133972万人（13.3972亿人）相比`).
fn compared_after(rest: &str, words: &LabelWords) -> bool {
    let mut rest = rest.trim_start_matches(|c: char| is_gap(c) || c == ')' || c == '）');
    if let Some(inner) = rest.strip_prefix(['(', '（']) {
        match inner.find([')', '）']) {
            Some(close) => {
                let after_close = &inner[close..];
                let mark = after_close.chars().next().map_or(0, char::len_utf8);
                rest = after_close[mark..].trim_start_matches(is_gap);
            }
            None => return false,
        }
    }
    words
        .previous_after
        .iter()
        .any(|w| rest.starts_with(w.as_str()))
}
