//! `space-stray`: spaces that have no place in Chinese running text: beside
//! full-width punctuation (`全县 ，`), between two Chinese characters
//! (`全 县`), between a figure and `%`, `‰`, `°` or `℃` (`15 %`).

use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use super::guard::{is_alnum, is_inline_space, Guard};
use super::space_cjk_latin::{spaced_out, Spacing};
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::rules::scan::is_han;
use crate::rules::{Context, Example, Rule, RuleDef};
use crate::span::Span;

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "space-stray",
    category: "punctuation",
    summary: "no stray space beside full-width punctuation, between Chinese characters, or before % and °",
    source: "GB/T 15834-2011 §3 and §5.1 (a full-width mark takes its own character cell, \
             no space before or after it); GB 3101-1993 §3.4 (no space between a figure and \
             % or the plane-angle symbols °′″); catalogue SPACE_STRAY",
    docs: DOCS,
    examples: &[
        Example::wrong(
            "全年接待游客126.5万人次 ，增长8.2%。",
            "a space before a full-width comma",
        ),
        Example::wrong(
            "全县森林覆盖率达到 62.4 %，比上年提高0.6个百分点。",
            "a space between a figure and %",
        ),
        Example::wrong(
            "全年新建农村公路38千米，改造危 桥12座。",
            "a space between two Chinese characters in a sentence",
        ),
        Example::right("全年接待游客126.5万人次，增长8.2%。", ""),
        Example::right(
            "【概述】 全年新建农村公路38千米。",
            "the space after an entry title is yearbook layout",
        ),
        Example::right(
            "合 计    1250    1302\n城关镇    830    871\n",
            "names padded and columns aligned in a table",
        ),
        Example::right(
            "2021—2023 年 城 市 财 政 收 支 情 况",
            "a heading laid out with a space between its characters",
        ),
    ],
    defaults: include_str!("../../../rules/punctuation/space-stray.toml"),
    build,
};

const DOCS: &str = r#"A Chinese character and a full-width mark each fill a character cell, so no
space stands beside a full-width mark (GB/T 15834-2011 §3, §5.1), between
two Chinese characters, or between a figure and `%`, `‰`, `°`, `℃` (GB
3101-1993 §3.4 writes `15%` and `90°` with no space). Such a space is left
over from a PDF or a web page; it is safe to remove.

## What it checks

* A space before a full-width point mark or closing mark
  (`，。、；：？！）》”’」』`), or after a full-width point mark or opening
  mark (`，。、；：？！（《“‘「『`) when more text follows on the line.
* A single space between two Chinese characters, in a line of running
  text (one with `，`, `。` or `；`).
* A single space between a figure and `%`, `‰`, `％`, `°` or `℃`.
* Two or more spaces between Chinese text and a Latin word or figure in a
  line of running text (not an aligned table), after a clause mark of the
  line (not the gap after a label at its head): with `spacing = "none"`
  they are removed, with `"space"` one is kept.

## What it leaves alone

* Code, URLs, e-mail addresses, HTML and Markdown tables (the draft's
  non-prose regions), and quoted text keeps its spaces.
* Lines that align columns (a tab, or two runs of two or more spaces) and
  headings laid out with a space between the characters (`财 政 收 支`).
* A space between two Chinese characters in a line without `，。；` (a
  heading, a byline `文/林 远`, keywords set off by spaces, a table cell
  `合 计`), between a one- or two-character name padded to a width
  (`王 芳`), after a byline's `记者` (`（记者 林蕾）`), and the space that
  ends a lead-in before the first clause mark of its line (`本报讯 每年…`,
  `——覆盖范围 截至…`, a run-in heading).
* The space after an entry title (`【概述】 2020年`) and after a list or
  heading number at the start of a line (`一、 概况`, `（一） 2020年`), or
  of an item of a list run together on one line (`…两大类。 2、 可移动…`,
  where the line breaks, not the spaces, were lost).
* A space between two words inside parentheses with no clause mark: a
  credit (`（立案庭 黄维清）`).
* Lines without `，`, `。` or `；`: headings, captions, table cells.
* A space between a web address, a path or an e-mail address and the mark
  after it (`访问 www.example.gov.cn 。`): it keeps the address whole.
* The ideographic space `　` (set on purpose) and spaces at the start or
  end of a line (indentation).
* A single space between Chinese and a Latin word or figure: that is the
  house style of `space-cjk-latin`.

## Fix

Safe: the spaces are removed (or, between Chinese and Latin in the `space`
style, one is kept); no other character changes.

## Settings

* `spacing`: the house style for spaces between Chinese and digits or
  Latin letters, as for `space-cjk-latin` (`"none"`, `"space"`,
  `"consistent"`, which counts as `"none"` here): set both rules alike.

## Where other linters differ

zhlint reports every space between two Chinese characters (`中 文`);
yblint only does so in a line of running text, since headings, table
cells and keyword lists are laid out with such spaces. It leaves alone a
space beside inline code in Markdown; a space beside a Markdown link
(`请 [点击这里](#) 进行订阅`, which the copywriting guidelines ask for) is
still reported, since the link text is read as plain text. GB/T 15834-2011 §3
and §5.1 are the reason the other spaces are reported: a full-width mark
fills its own cell, and no space stands beside it.

"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    spacing: Spacing,
}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let s: Settings = crate::rules::settings(value)?;
    Ok(Box::new(SpaceStray { spacing: s.spacing }))
}

/// The `space-stray` rule with its house style.
pub struct SpaceStray {
    spacing: Spacing,
}

/// Full-width marks that take no space before them.
fn no_space_before(c: char) -> bool {
    "，。、；：？！）》”’」』〉".contains(c)
}

/// Full-width marks that take no space after them.
fn no_space_after(c: char) -> bool {
    "，。、；：？！（《“‘「『〈".contains(c)
}

/// A line of running text: it has a clause or end mark.
fn prose(line: &str) -> bool {
    line.contains(['，', '。', '；'])
}

/// A line that aligns columns: a tab, or two runs of two or more spaces.
fn aligned(line: &str) -> bool {
    let line = line.trim_matches(|c: char| c.is_whitespace());
    line.contains('\t')
        || line
            .split(|c: char| !is_inline_space(c) && c != '\u{3000}')
            .filter(|gap| gap.chars().count() >= 2)
            .count()
            >= 2
}

/// The text before `at` on its line is a list or heading number
/// (`一、`, `（一）`, `1.`, `1、`) or an entry title (`【概述】`).
fn after_number_or_title(head: &str) -> bool {
    let h = head.trim_start_matches(|c: char| c.is_whitespace() || c == '#');
    if h.starts_with('【') && h.ends_with('】') {
        return true;
    }
    let h = h.trim_start_matches(['（', '(']);
    let body = h.trim_end_matches(['、', '）', ')', '.', '．']);
    !body.is_empty()
        && body.len() < h.len()
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || "一二三四五六七八九十百零〇".contains(c))
}

/// `head` ends with a list number set off from what precedes it, in a
/// list run together on one line (`…两大类。 2、`, `…共62处 12、`).
fn list_number_before(head: &str) -> bool {
    let Some(h) = head.strip_suffix(['、', '.', '．']) else {
        return false;
    };
    let body = h.trim_end_matches(|c: char| c.is_ascii_digit());
    body.len() < h.len()
        && (body.is_empty() || body.ends_with(|c: char| c.is_whitespace() || "。；".contains(c)))
}

/// `rest` opens with a list number (`2、`, `3.`): the space before it ends
/// the item before, in a list run together on one line.
fn list_number_after(rest: &str) -> bool {
    let body = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    body.len() < rest.len() && body.starts_with(['、', '.', '．'])
}

/// The space lies inside parentheses with no clause mark in them: a
/// credit (`（立案庭 黄维清）`, `（记者 韩冰）`).
fn in_credit(head: &str, rest: &str) -> bool {
    let Some(open) = head.rfind(['（', '(']) else {
        return false;
    };
    let inner_before = head[open..].trim_start_matches(['（', '(']);
    let Some(close) = rest.find(['）', ')']) else {
        return false;
    };
    let inner_after = &rest[..close];
    let marks = ['，', '。', '；', '：', '、', '）', ')'];
    !inner_before.contains(marks) && !inner_after.contains(marks)
}

/// The number of Han characters in a row from `i` going by `step` in
/// `chars`.
fn han_run(chars: &[(usize, char)], i: usize, left: bool) -> usize {
    if left {
        chars[..=i]
            .iter()
            .rev()
            .take_while(|(_, c)| is_han(*c))
            .count()
    } else {
        chars[i..].iter().take_while(|(_, c)| is_han(*c)).count()
    }
}

/// One stray space found: where, what to say, what to put instead.
struct Stray {
    gap: Span,
    message: String,
    replacement: &'static str,
}

impl SpaceStray {
    fn line(&self, line: &str, base: usize, guard: &Guard, out: &mut Vec<Stray>) {
        // Only lines of running text: a heading, a caption or a table cell
        // (a Markdown cell is a line of its own here) keeps its layout.
        if !prose(line) || aligned(line) || spaced_out(line) || line.trim_start().starts_with('|') {
            return;
        }
        let chars: Vec<(usize, char)> = line.char_indices().collect();
        let mut i = 0;
        while i < chars.len() {
            if !is_inline_space(chars[i].1) {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < chars.len() && is_inline_space(chars[j].1) {
                j += 1;
            }
            let (start, end) = (i, j);
            i = j;
            // Indentation and trailing spaces are layout.
            if start == 0 || end == chars.len() {
                continue;
            }
            let (l, r) = (chars[start - 1].1, chars[end].1);
            let gap = Span::new(base + chars[start].0, base + chars[end].0);
            // U+FFFC stands for code or a URL in a Markdown draft.
            if l == '\u{FFFC}'
                || r == '\u{FFFC}'
                || guard.touches(Span::new(gap.start - l.len_utf8(), gap.end + r.len_utf8()))
            {
                continue;
            }
            let n = end - start;
            let head = &line[..chars[start].0];
            // A space that sets a web address, a path or an e-mail address
            // off from the mark after it keeps the address whole
            // (`访问 www.example.gov.cn 。`).
            let word_before = head
                .rsplit(|c: char| c.is_whitespace())
                .next()
                .unwrap_or("");
            let address = word_before.contains("://")
                || word_before.starts_with("www.")
                || word_before.contains(['@', '/', '\\']);
            // Runs of two or more spaces beside a mark are layout, or
            // markup the draft's reading left out (a Markdown link).
            let stray = if n > 1 && (no_space_before(r) || no_space_after(l)) {
                None
            } else if no_space_before(r) && !address {
                Some((format!("space before `{r}`"), ""))
            } else if no_space_after(l)
                && !after_number_or_title(head)
                && !list_number_before(head)
                && (l != '。' || !list_number_after(&line[chars[end].0..]))
            {
                Some((format!("space after `{l}`"), ""))
            } else if is_han(l) && is_han(r) && n == 1 && prose(line) {
                // A padded name (`王 芳`, `李 建国`) is layout; so is the
                // space that ends a lead-in before any clause mark of the
                // line (`本报讯 每年…`, `——覆盖范围 截至…`, a run-in
                // heading) and the one after a byline's `记者`.
                let name = han_run(&chars, start - 1, true) + han_run(&chars, end, false) <= 3;
                let lead_in = !head.contains(['，', '。', '；', '：', '！', '？', ',', ';', ':']);
                let byline = ["记者", "記者", "通讯员", "通訊員", "摄影", "攝影"]
                    .iter()
                    .any(|w| head.ends_with(w))
                    || in_credit(head, &line[chars[end].0..]);
                (!name && !lead_in && !byline).then(|| {
                    (
                        format!("space between Chinese characters `{l}` and `{r}`"),
                        "",
                    )
                })
            } else if (l.is_ascii_digit() || ('０'..='９').contains(&l))
                && "%‰％°℃".contains(r)
                && n == 1
            {
                Some((format!("space between a figure and `{r}`"), ""))
            } else if n >= 2
                && prose(line)
                // After a label or item mark at the head of the line
                // (`B2  其中…`, `1  概况`) the gap is layout.
                && head.contains(['，', '。', '；', '：', ',', ';'])
                && ((is_han(l) && is_alnum(r)) || (is_alnum(l) && is_han(r)))
            {
                let keep = if self.spacing == Spacing::Space {
                    " "
                } else {
                    ""
                };
                let word: String = if is_han(l) {
                    chars[end..]
                        .iter()
                        .map(|c| c.1)
                        .take_while(|c| is_alnum(*c))
                        .collect()
                } else {
                    let mut w: Vec<char> = chars[..start]
                        .iter()
                        .rev()
                        .map(|c| c.1)
                        .take_while(|c| is_alnum(*c))
                        .collect();
                    w.reverse();
                    w.into_iter().collect()
                };
                Some((
                    format!("{n} spaces between Chinese text and `{word}`"),
                    keep,
                ))
            } else {
                None
            };
            if let Some((message, replacement)) = stray {
                out.push(Stray {
                    gap,
                    message,
                    replacement,
                });
            }
        }
    }
}

impl Rule for SpaceStray {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let guard = Guard::new(cx.text);
        let quoted = super::guard::quoted_regions(cx.text);
        let mut found = Vec::new();
        let mut offset = 0;
        for raw in cx.text.split_inclusive('\n') {
            let line = raw.trim_end_matches(['\n', '\r']);
            self.line(line, offset, &guard, &mut found);
            offset += raw.len();
        }
        for s in found {
            if super::guard::inside(&quoted, s.gap.start) {
                continue;
            }
            let fix_message = if s.replacement.is_empty() {
                "remove the space".to_string()
            } else {
                "keep one space".to_string()
            };
            out.push(
                DEF.diagnostic(Severity::Warning, s.gap, s.message)
                    .with_primary_text("stray space")
                    .with_fix(Fix {
                        message: fix_message,
                        applicability: Applicability::Safe,
                        edits: vec![Edit {
                            span: s.gap,
                            replacement: s.replacement.into(),
                        }],
                    }),
            );
        }
    }
}
