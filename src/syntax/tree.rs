//! The typed parse tree of a draft.

use pest::iterators::Pair;
use pest::Parser as _;

use super::grammar::{DraftParser, Rule};
use crate::span::Span;

/// A parsed draft: its headings (sections) and paragraphs in source order.
#[derive(Debug, Clone, Default)]
pub struct Draft {
    /// Section headings (`◆…` lines, Markdown `#` headings).
    pub headings: Vec<Heading>,
    /// Paragraphs, in source order.
    pub paragraphs: Vec<Paragraph>,
}

/// A section heading: `◆民政事务` or `## 民政事务`.
#[derive(Debug, Clone)]
pub struct Heading {
    /// The whole heading line, without its line break.
    pub span: Span,
    /// 1 for `◆` and `#`, 2 for `##`, and so on.
    pub level: u8,
    /// The heading text after its mark.
    pub title: Span,
}

/// A paragraph: an optional entry title, then sentences.
#[derive(Debug, Clone)]
pub struct Paragraph {
    /// From the first character to the end of the last sentence.
    pub span: Span,
    /// The entry title `【…】` (brackets included) when the paragraph opens an entry (条目).
    pub title: Option<Span>,
    /// The sentences of the paragraph.
    pub sentences: Vec<Sentence>,
    /// Index into [`Draft::headings`] of the section the paragraph is in.
    pub section: Option<usize>,
    /// Index into [`Draft::paragraphs`] of the paragraph that opened the
    /// entry this paragraph belongs to (itself when it has a title).
    pub entry: Option<usize>,
}

/// A sentence, ended by 。！？ (its terminator), or by the end of the paragraph.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// The sentence, terminator included.
    pub span: Span,
    /// The clauses of the sentence, split at ，；：.
    pub clauses: Vec<Clause>,
    /// The terminator, when the sentence has one.
    pub terminator: Option<Span>,
}

/// A clause: the tokens between two clause marks (，；：).
#[derive(Debug, Clone)]
pub struct Clause {
    /// From the first to the last token (the mark excluded).
    pub span: Span,
    /// The tokens of the clause.
    pub tokens: Vec<Token>,
    /// The clause mark that ends the clause, if any.
    pub mark: Option<Span>,
}

/// One token of a sentence.
#[derive(Debug, Clone)]
pub struct Token {
    /// What the token is.
    pub kind: TokenKind,
    /// Where it is.
    pub span: Span,
}

/// The kinds of token the grammar recognises.
#[derive(Debug, Clone)]
pub enum TokenKind {
    /// A number with its magnitude, percent sign or inner approximation, a
    /// range or a ratio; the unit after it is not part of the token.
    Quantity(Box<QuantityShape>),
    /// `百分之三十`.
    PercentWord,
    /// A run of Chinese numerals (`三十六`, `两`); a quantity only with a unit.
    CnNumber,
    /// A year, month, day, or a span of them (`2016年至2020年底`, `3月5日`).
    Time,
    /// An ordinal (`第一`, `第3`).
    Ordinal,
    /// Text in quotation or book-title marks, marks included.
    Quoted,
    /// A run of Han characters.
    Han,
    /// A run of ASCII letters.
    Latin,
    /// Spaces inside a line.
    Space,
    /// A line break, or blank lines, inside a sentence (a page-break artefact).
    Break,
    /// Any other single character (punctuation, symbols).
    Other,
}

/// The shape of a quantity token.
#[derive(Debug, Clone)]
pub enum QuantityShape {
    /// One number: `754`, `1.3459万`, `9.5万余`, `89%`.
    Single(NumberShape),
    /// `0-17`, `5～10`, `3～5万`.
    Range(NumberShape, NumberShape),
    /// `105.2:100`, `6.0∶46.9∶47.1`.
    Ratio(Vec<NumberShape>),
}

/// One written number and what is attached to it inside the token.
#[derive(Debug, Clone)]
pub struct NumberShape {
    /// The whole number with its attachments.
    pub span: Span,
    /// The digits (with separators, decimal mark, or a page break inside).
    pub digits: Span,
    /// `%`, `％` or `‰`.
    pub percent: Option<Span>,
    /// `万`, `亿`, `万亿`, `千`, `百`.
    pub magnitude: Option<Span>,
    /// `余` or `多` written inside the number (`9.5万余`, `300多`).
    pub approx: Option<Span>,
}

/// An internal failure of the grammar; the grammar accepts every input, so
/// this is a bug in yblint, never a fault of the draft.
#[derive(Debug, Clone)]
pub struct ParseFailure {
    /// Byte offset where the grammar stopped.
    pub offset: usize,
}

impl std::fmt::Display for ParseFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "internal error: the draft grammar stopped at byte {} (this is a bug in yblint)",
            self.offset
        )
    }
}

impl std::error::Error for ParseFailure {}

/// Parses the text of a draft.
///
/// The text is cut before every line that opens an entry (`【`), a section
/// (`◆`, `#`) or a numbered heading or list item (`二、`, `（二）`, `- `,
/// `1. `, `>`): the grammar lets nothing continue across such a line (no
/// sentence, no number across a line break), so the pieces parse exactly as
/// the whole would, with a fraction of the memory.
///
/// Errors: only [`ParseFailure`], which means a bug in the grammar.
pub fn parse(text: &str) -> Result<Draft, ParseFailure> {
    parse_with_cuts(text, &[])
}

/// Parses the text of a draft cut, besides the cuts [`parse`] makes, at
/// each byte offset of `cuts` (character boundaries; out-of-range offsets
/// are ignored): the blocks of a structured source (a Markdown or Word
/// table cell, the text after a code block) that nothing before may run
/// into. See [`crate::source::Document::cuts`].
///
/// Errors: only [`ParseFailure`], which means a bug in the grammar.
pub fn parse_with_cuts(text: &str, cuts: &[usize]) -> Result<Draft, ParseFailure> {
    let mut draft = Draft::default();
    let mut section = None;
    let mut entry = None;
    let mut cuts_all = block_starts(text);
    cuts_all.extend(
        cuts.iter()
            .copied()
            .filter(|&c| c < text.len() && text.is_char_boundary(c)),
    );
    cuts_all.sort_unstable();
    cuts_all.dedup();
    let cuts = cuts_all;
    for (i, &start) in cuts.iter().enumerate() {
        let end = cuts.get(i + 1).copied().unwrap_or(text.len());
        let chunk = &text[start..end];
        let mut pairs = DraftParser::parse(Rule::draft, chunk).map_err(|e| ParseFailure {
            offset: start
                + match e.location {
                    pest::error::InputLocation::Pos(p) => p,
                    pest::error::InputLocation::Span((s, _)) => s,
                },
        })?;
        let root = pairs.next().expect("the draft rule always yields one pair");
        for block in root.into_inner() {
            match block.as_rule() {
                Rule::heading => {
                    let mut heading = build_heading(block);
                    heading.span = heading.span.shifted(start);
                    heading.title = heading.title.shifted(start);
                    draft.headings.push(heading);
                    section = Some(draft.headings.len() - 1);
                    entry = None;
                }
                Rule::paragraph => {
                    let mut para = build_paragraph(block);
                    if para.sentences.is_empty() && para.title.is_none() {
                        continue;
                    }
                    para.shift(start);
                    if para.title.is_some() {
                        entry = Some(draft.paragraphs.len());
                    }
                    para.section = section;
                    para.entry = entry;
                    draft.paragraphs.push(para);
                }
                _ => {}
            }
        }
    }
    Ok(draft)
}

/// Byte offsets where a block that nothing can run into begins: the start
/// of the text and every line that starts (after spaces) with `【`, `◆`, a
/// Markdown heading mark followed by a space, or a list mark.
fn block_starts(text: &str) -> Vec<usize> {
    let mut out = vec![0];
    for (i, _) in text.match_indices('\n') {
        let line = text[i + 1..].trim_start_matches([' ', '\t', '\u{3000}']);
        let hashes = line.len() - line.trim_start_matches('#').len();
        let heading = (1..=6).contains(&hashes)
            && line[hashes..].starts_with([' ', '\t', '\u{3000}', '\n', '\r']);
        if line.starts_with('【') || line.starts_with('◆') || heading || starts_list_mark(line) {
            out.push(i + 1);
        }
        if starts_list_mark(line) {
            // A numbered heading alone on its line and followed by a blank
            // line (`一、办理情况⏎⏎从诉求类型来看，…`): short, no figure, no
            // clause or end mark. What follows the blank line is a paragraph
            // of its own, not the rest of the heading's sentence.
            let end = line.find('\n').unwrap_or(line.len());
            let title = line[..end].trim_end();
            let plain = title.chars().count() <= 16
                && !title.chars().any(|c| {
                    c.is_ascii_digit()
                        || "，,；;：:。！？!?".contains(c)
                        || ('０'..='９').contains(&c)
                })
                && !["- ", "* ", "+ ", ">"].iter().any(|m| title.starts_with(m));
            if plain && end < line.len() {
                let next = i + 1 + (text[i + 1..].len() - line.len()) + end + 1;
                let rest = &text[next..];
                let blank = rest
                    .trim_start_matches([' ', '\t', '\u{3000}', '\r'])
                    .starts_with('\n');
                let body = rest.trim_start_matches([' ', '\t', '\u{3000}', '\n', '\r']);
                if blank && !body.is_empty() {
                    out.push(text.len() - body.len());
                }
            }
        }
    }
    out.dedup();
    out
}

/// True when a line opens with a numbered heading or list mark: `二、`,
/// `（二）`, `(二)`, or Markdown's `- `, `* `, `+ `, `1. `, `>` (the
/// grammar's `list_mark`).
fn starts_list_mark(line: &str) -> bool {
    if line.starts_with(['>']) || ["- ", "* ", "+ "].iter().any(|m| line.starts_with(m)) {
        return true;
    }
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if (1..=2).contains(&digits) && line[digits..].starts_with(". ") {
        return true;
    }
    const DIGITS: &str = "零〇一二三四五六七八九十百千万亿两";
    let numeral = |s: &str| s.len() - s.trim_start_matches(|c| DIGITS.contains(c)).len();
    let n = numeral(line);
    if n > 0 {
        return line[n..].starts_with('、');
    }
    for (open, close) in [("（", "）"), ("(", ")")] {
        if let Some(rest) = line.strip_prefix(open) {
            let n = numeral(rest);
            return n > 0 && rest[n..].starts_with(close);
        }
    }
    false
}

impl Paragraph {
    fn shift(&mut self, by: usize) {
        self.span = self.span.shifted(by);
        self.title = self.title.map(|t| t.shifted(by));
        for s in &mut self.sentences {
            s.span = s.span.shifted(by);
            s.terminator = s.terminator.map(|t| t.shifted(by));
            for c in &mut s.clauses {
                c.span = c.span.shifted(by);
                c.mark = c.mark.map(|m| m.shifted(by));
                for t in &mut c.tokens {
                    t.span = t.span.shifted(by);
                    if let TokenKind::Quantity(shape) = &mut t.kind {
                        match shape.as_mut() {
                            QuantityShape::Single(n) => n.shift(by),
                            QuantityShape::Range(a, b) => {
                                a.shift(by);
                                b.shift(by);
                            }
                            QuantityShape::Ratio(terms) => {
                                terms.iter_mut().for_each(|n| n.shift(by))
                            }
                        }
                    }
                }
            }
        }
    }
}

impl NumberShape {
    fn shift(&mut self, by: usize) {
        self.span = self.span.shifted(by);
        self.digits = self.digits.shifted(by);
        self.percent = self.percent.map(|s| s.shifted(by));
        self.magnitude = self.magnitude.map(|s| s.shifted(by));
        self.approx = self.approx.map(|s| s.shifted(by));
    }
}

fn build_heading(pair: Pair<'_, Rule>) -> Heading {
    let mut level = 1;
    let mut title = Span::default();
    let mut end = pair.as_span().start();
    for p in pair.clone().into_inner() {
        match p.as_rule() {
            Rule::heading_mark => {
                let mark = p.as_str();
                level = if mark.starts_with('#') {
                    mark.len() as u8
                } else {
                    1
                };
            }
            Rule::heading_text => {
                title = trim_span(p.as_str(), p.as_span().start());
                end = p.as_span().end();
            }
            _ => {}
        }
    }
    let start = pair.as_span().start();
    Heading {
        span: Span::new(start, end.max(start)),
        level,
        title,
    }
}

fn trim_span(s: &str, offset: usize) -> Span {
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    Span::new(offset + lead, offset + lead + trimmed.len())
}

fn build_paragraph(pair: Pair<'_, Rule>) -> Paragraph {
    let mut title = None;
    let mut sentences = Vec::new();
    for p in pair.into_inner() {
        match p.as_rule() {
            Rule::entry_title => title = Some(Span::from(p.as_span())),
            Rule::sentence => sentences.push(build_sentence(p)),
            _ => {}
        }
    }
    let start = title
        .map(|t| t.start)
        .or_else(|| sentences.first().map(|s| s.span.start))
        .unwrap_or(0);
    let end = sentences
        .last()
        .map(|s| s.span.end)
        .or(title.map(|t| t.end))
        .unwrap_or(start);
    Paragraph {
        span: Span::new(start, end),
        title,
        sentences,
        section: None,
        entry: None,
    }
}

fn build_sentence(pair: Pair<'_, Rule>) -> Sentence {
    let span = Span::from(pair.as_span());
    let mut clauses = Vec::new();
    let mut tokens: Vec<Token> = Vec::new();
    let mut terminator = None;
    for p in pair.into_inner() {
        match p.as_rule() {
            Rule::clause_mark => {
                clauses.push(make_clause(
                    std::mem::take(&mut tokens),
                    Some(p.as_span().into()),
                ));
            }
            Rule::terminator => terminator = Some(Span::from(p.as_span())),
            _ => tokens.push(build_token(p)),
        }
    }
    if !tokens.is_empty() || clauses.is_empty() {
        clauses.push(make_clause(tokens, None));
    }
    Sentence {
        span,
        clauses,
        terminator,
    }
}

fn make_clause(tokens: Vec<Token>, mark: Option<Span>) -> Clause {
    let start = tokens
        .first()
        .map(|t| t.span.start)
        .or(mark.map(|m| m.start))
        .unwrap_or(0);
    let end = tokens.last().map(|t| t.span.end).unwrap_or(start);
    Clause {
        span: Span::new(start, end),
        tokens,
        mark,
    }
}

fn build_token(pair: Pair<'_, Rule>) -> Token {
    let span = Span::from(pair.as_span());
    let kind = match pair.as_rule() {
        Rule::quantity => TokenKind::Quantity(Box::new(build_quantity(pair))),
        Rule::percent_word => TokenKind::PercentWord,
        Rule::cn_number => TokenKind::CnNumber,
        Rule::time_expr => TokenKind::Time,
        Rule::ordinal => TokenKind::Ordinal,
        Rule::quoted => TokenKind::Quoted,
        Rule::han => TokenKind::Han,
        Rule::latin => TokenKind::Latin,
        Rule::space => TokenKind::Space,
        Rule::brk => TokenKind::Break,
        _ => TokenKind::Other,
    };
    Token { kind, span }
}

fn build_quantity(pair: Pair<'_, Rule>) -> QuantityShape {
    let mut inner = pair.into_inner();
    let first = build_single(inner.next().expect("a quantity starts with a number"));
    match inner.next() {
        Some(rest) if rest.as_rule() == Rule::ratio_rest => {
            let mut terms = vec![NumberShape {
                span: first.digits,
                ..first
            }];
            terms.extend(
                rest.into_inner()
                    .filter(|p| p.as_rule() == Rule::number)
                    .map(|p| {
                        let s = Span::from(p.as_span());
                        NumberShape {
                            span: s,
                            digits: s,
                            percent: None,
                            magnitude: None,
                            approx: None,
                        }
                    }),
            );
            QuantityShape::Ratio(terms)
        }
        Some(rest) => {
            let second = rest
                .into_inner()
                .find(|p| p.as_rule() == Rule::single)
                .map(build_single)
                .expect("a range ends with a number");
            QuantityShape::Range(first, second)
        }
        None => QuantityShape::Single(first),
    }
}

fn build_single(pair: Pair<'_, Rule>) -> NumberShape {
    let span = Span::from(pair.as_span());
    let mut shape = NumberShape {
        span,
        digits: span,
        percent: None,
        magnitude: None,
        approx: None,
    };
    for p in pair.into_inner() {
        let s = Span::from(p.as_span());
        match p.as_rule() {
            Rule::number => shape.digits = s,
            Rule::percent => shape.percent = Some(s),
            Rule::magnitude => shape.magnitude = Some(s),
            Rule::approx_in => shape.approx = Some(s),
            _ => {}
        }
    }
    shape
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, &'static str)> {
        let d = parse(text).unwrap();
        let mut out = Vec::new();
        for p in &d.paragraphs {
            for s in &p.sentences {
                for c in &s.clauses {
                    for t in &c.tokens {
                        let k = match t.kind {
                            TokenKind::Quantity(_) => "q",
                            TokenKind::Time => "time",
                            TokenKind::Ordinal => "ord",
                            TokenKind::Quoted => "quoted",
                            TokenKind::CnNumber => "cn",
                            TokenKind::Break => "brk",
                            _ => continue,
                        };
                        out.push((t.span.slice(text).to_string(), k));
                    }
                }
            }
        }
        out
    }

    #[test]
    fn years_dates_and_ordinals_are_not_quantities() {
        let k = kinds("2016年至2020年底共完成55户，第一产业增长3%，“五二三”活动于3月5日启动。");
        assert_eq!(
            k,
            vec![
                ("2016年至2020年底".into(), "time"),
                ("55".into(), "q"),
                ("第一".into(), "ord"),
                ("3%".into(), "q"),
                ("“五二三”".into(), "quoted"),
                ("3月5日".into(), "time"),
            ]
        );
    }

    #[test]
    fn spaced_year_is_a_year() {
        let k = kinds("2020 年，投入 104.6 万元。");
        assert_eq!(
            k,
            vec![("2020 年".into(), "time"), ("104.6 万".into(), "q")]
        );
    }

    #[test]
    fn page_break_inside_a_sentence_does_not_end_it() {
        let text = "有特困人员754户，其中，城市21户，农\n\n村733户。\n\n【下一条】 正文。";
        let d = parse(text).unwrap();
        assert_eq!(d.paragraphs.len(), 2);
        assert_eq!(d.paragraphs[0].sentences.len(), 1);
        assert_eq!(d.paragraphs[0].sentences[0].clauses.len(), 4);
        assert_eq!(d.paragraphs[1].title.unwrap().slice(text), "【下一条】");
    }

    #[test]
    fn paragraph_ending_with_semicolon_stops_before_an_entry() {
        let text = "知晓率达 92%；\n\n【寺庙管理】 全面推广。";
        let d = parse(text).unwrap();
        assert_eq!(d.paragraphs.len(), 2);
        assert!(d.paragraphs[0].sentences[0].terminator.is_none());
    }

    #[test]
    fn thousands_separators_and_page_broken_numbers() {
        assert_eq!(kinds("登记2 346人，1,234,567元。")[0].0, "2 346");
        assert_eq!(kinds("登记2 346人，1,234,567元。")[1].0, "1,234,567");
        assert_eq!(kinds("城市18\n\n7人次。")[0], ("18\n\n7".into(), "q"));
        assert_eq!(kinds("收入871.6\n8亿元。")[0], ("871.6\n8亿".into(), "q"));
        assert_eq!(
            kinds("收入871\n\n.68亿元。")[0],
            ("871\n\n.68亿".into(), "q")
        );
        assert_eq!(
            kinds("收入871.\r\n68亿元。")[0],
            ("871.\r\n68亿".into(), "q")
        );
        // A list item on the next line is not the rest of the number.
        assert_eq!(kinds("共18\n1. 小学5所。")[0], ("18".into(), "q"));
    }

    #[test]
    fn ranges_ratios_and_magnitudes() {
        let k = kinds("0-17岁，109.4:100，9.5万余人次，1.3459万户，３０％。");
        let texts: Vec<_> = k.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            vec!["0-17", "109.4:100", "9.5万余", "1.3459万", "３０％"]
        );
    }

    #[test]
    fn headings_open_sections() {
        let text = "◆民政事务\n\n## 医疗\n【概述】 正文。";
        let d = parse(text).unwrap();
        assert_eq!(d.headings.len(), 2);
        assert_eq!(d.headings[1].level, 2);
        assert_eq!(d.headings[1].title.slice(text), "医疗");
        assert_eq!(d.paragraphs[0].section, Some(1));
    }

    #[test]
    fn a_numbered_heading_starts_a_paragraph_after_a_line_without_stop() {
        let text =
            "全县有学校60所，其中，小学42所\n\n二、学前教育\n\n（三）卫生\n全县有幼儿园58所。";
        let d = parse(text).unwrap();
        let firsts: Vec<&str> = d
            .paragraphs
            .iter()
            .map(|p| p.sentences[0].span.slice(text))
            .collect();
        assert_eq!(
            firsts,
            vec![
                "全县有学校60所，其中，小学42所",
                "二、学前教育",
                "（三）卫生\n全县有幼儿园58所。"
            ]
        );
        assert_eq!(block_starts(text).len(), 3);
    }

    #[test]
    fn blocks_start_at_entries_and_headings() {
        let text = "甲。\n【乙】丙\n◆丁\n## 戊\n#己\n  【庚】";
        let starts = block_starts(text);
        let lines: Vec<&str> = starts.iter().map(|&s| &text[s..]).collect();
        assert_eq!(starts.len(), 5, "{lines:?}");
        assert!(lines[4].starts_with("  【庚】"));
    }

    #[test]
    fn accepts_arbitrary_text() {
        for t in [
            "",
            "\n\n",
            "】】【【",
            "###",
            "a\r\nb",
            "\u{0}\u{1}",
            "。。。",
            "1,2,3",
            "2020年代",
        ] {
            parse(t).unwrap();
        }
    }
}
