//! `space-cjk-latin`: spacing between Chinese characters and half-width
//! digits or Latin letters follows one house style.

use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use super::guard::{is_alnum, is_inline_space, Guard};
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::rules::scan::{is_cjk_punct, is_han};
use crate::rules::{Context, Example, Rule, RuleDef};
use crate::span::Span;

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "space-cjk-latin",
    category: "punctuation",
    summary: "spacing between Chinese characters and digits or Latin letters follows the house style",
    source: "GB/T 15835-2011 and GB 3101-1993 §3.4 regulate only grouping spaces and the space \
             before a unit symbol; a space between Chinese and digits is a house style \
             (catalogue SPACE_STRAY, §9.1)",
    docs: DOCS,
    examples: &[
        Example::wrong(
            "2020 年，为全县 1767 名残疾人发放补贴资金 150.98 万元。",
            "spaces between Chinese characters and figures, pasted from another page",
        ),
        Example::right(
            "2020年，为全县1767名残疾人发放补贴资金150.98万元。",
            "",
        ),
        Example::right(
            "【概述】 2020年，登记宗教教职人员2 346人。",
            "the space after an entry title and a thin-space thousands separator are not between Chinese and a figure",
        ),
    ],
    defaults: include_str!("../../../rules/punctuation/space-cjk-latin.toml"),
    build,
};

const DOCS: &str = r#"Chinese publishing norms do not put a space between Chinese characters and
Arabic digits or Latin letters (`733户`, `GDP增长`); a space there is a web
copywriting convention, or an artefact of text pasted from a PDF (`733 户`).
A yearbook keeps one style throughout. This rule reports the places that
break the configured style, and fixes them safely (a space is removed or
added; no character changes).

## What it checks

A run of half-width digits and Latin letters (with the `.`, `,`, `%`, `:`,
`-` inside it: `150.98`, `PM2.5`, `89%`) is checked on each side that touches
a Chinese character (汉字), directly or across one or two spaces on the same
line.

## What it leaves alone

* Anything that is not a Han character on the other side: the space after an
  entry title (`【概述】 2020年`), after punctuation, at the start of a line,
  or around Markdown marks (`**2020** 年`, `# 2020年`).
* Spaces inside a figure (`2 346`, a thousands separator) and between a
  figure and a Latin unit symbol (`30 km`).
* The space after a section or caption number at the start of a line
  (`1.1 经济概况`, `表3 主要指标`).
* URLs, e-mail addresses, code and table rows; web addresses and paths
  with Chinese in them (`https://example.com/文件.html`, `wiki/网页#基於WebKit`)
  and template placeholders (`$1`, `%s`), which a space would break; a run
  joined to Chinese by a hyphen or a dot (`腾讯-ADR`, `阿里巴巴.US`); lines that align columns with
  tabs or runs of spaces; a table row pasted as text, a label and two or
  more figures set off by spaces (`机构数 751 810`, `指标 2022年 2023年`);
  runs of two or more spaces (alignment, never a slip: a fix there would
  merge two columns); the ideographic space `　`.
* Headings laid out with a space between the characters (`财 政 收 支 情 况`).
* An English phrase of three or more words beside Chinese: the English half
  of a bilingual heading or table label (`边境小额贸易 Frontier Petty Trade`).
* A caption number (`表 1 主要指标`, `表14—16 各类医院`) and the space
  after a run-in heading (`——基金收支 2010年，…`).

## Settings

* `spacing`: the house style.
  * `"none"` (default, the norm for yearbooks): no space between Chinese and
    digits or Latin letters; each space there is reported and removed.
  * `"space"`: one space between them (`733 户`); each place without one is
    reported and a space added.
  * `"consistent"`: whichever style the draft uses more often (no space on a
    tie); the places that use the other style are reported and changed.

## Where other linters differ

Compared in the `space` style with autocorrect's and zhlint's samples:

* They put spaces around a hyphen between Chinese words (`你好 - 世界`,
  `（腾讯） - 发布`). GB/T 15834-2011 §4.13 (连接号) sets the connector
  close, with no space; yblint adds none.
* They space Latin text inside code spans and Markdown marks; yblint never
  changes code, URLs or markup (a fix there would change what the code
  says).
* They capitalise brand names (`github` → `GitHub`); that is no norm of
  GB/T 15834 or 15835, and yblint has no such list.
* They want a space between a figure and a Latin unit symbol (`10 Gbps`).
  GB 3101-1993 §3.4 allows it, the catalogue (SPACE_STRAY) does not require
  it, and yblint leaves both forms alone.

"#;

/// The house style for spaces between Chinese and digits/Latin letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Spacing {
    /// No space (`733户`).
    None,
    /// One space (`733 户`).
    Space,
    /// Whichever the draft uses more.
    Consistent,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    spacing: Spacing,
}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let s: Settings = crate::rules::settings(value)?;
    Ok(Box::new(SpaceCjkLatin { spacing: s.spacing }))
}

/// The `space-cjk-latin` rule with its style.
pub struct SpaceCjkLatin {
    spacing: Spacing,
}

/// One side of a run of digits/Latin letters that touches a Han character.
#[derive(Debug, Clone, Copy)]
struct Side {
    /// The spaces between the run and the Han character (empty when tight).
    gap: Span,
    /// The Han character.
    han: Span,
}

/// A run of digits/Latin letters with its Chinese sides.
#[derive(Debug, Clone)]
struct Run {
    span: Span,
    left: Option<Side>,
    right: Option<Side>,
}

/// Characters of a run besides letters and digits (`150.98`, `89%`, `PM2.5`,
/// `10:30`, `0-17`, `1,200`).
fn run_char(c: char) -> bool {
    is_alnum(c) || matches!(c, '.' | ',' | '%' | '‰' | ':' | '-' | '+' | '/' | '_' | '&')
}

/// A line that aligns columns: a tab, a run of two or more spaces inside
/// it (alignment: a fix there would merge two columns), or a table row
/// pasted as text: a label and two or more figures, each set off
/// by spaces (`机构数 751 810`, `床位数（张） 2318 2406 —`).
fn tabular(line: &str) -> bool {
    let wide_gaps = line
        .split(|c: char| c != ' ')
        .filter(|gap| gap.len() >= 2)
        .count();
    line.contains('\t') || wide_gaps >= 1 || table_row(line)
}

/// A label followed by two or more cells that are figures, perhaps with a
/// unit of one or two characters (`2022年`, `751所`), or `—` for an empty
/// cell, separated by spaces.
fn table_row(line: &str) -> bool {
    let figure_char =
        |c: char| c.is_ascii_digit() || matches!(c, '.' | ',' | '%' | '‰' | '-' | '+');
    let cell = |t: &str| {
        if t.chars().all(|c| matches!(c, '—' | '－' | '-')) {
            return true;
        }
        let unit = t.chars().rev().take_while(|c| is_han(*c)).count();
        let figure: String = t.chars().take(t.chars().count() - unit).collect();
        unit <= 2
            && figure.starts_with(|c: char| c.is_ascii_digit())
            && figure.chars().all(figure_char)
    };
    let tokens: Vec<&str> = line
        .split([' ', '\u{3000}'])
        .filter(|t| !t.is_empty())
        .collect();
    let cells = tokens.iter().rev().take_while(|t| cell(t)).count();
    let label = &tokens[..tokens.len() - cells];
    cells >= 2
        && tokens[tokens.len() - cells..]
            .iter()
            .any(|t| t.chars().any(|c| c.is_ascii_digit()))
        && label.iter().any(|t| t.chars().any(is_han))
}

/// A line laid out with a space between Chinese characters (`财 政 收 支
/// 情 况`, a heading spaced out as printed): three or more such spaces.
pub fn spaced_out(line: &str) -> bool {
    let chars: Vec<char> = line.chars().collect();
    chars
        .windows(3)
        .filter(|w| is_han(w[0]) && is_inline_space(w[1]) && is_han(w[2]))
        .count()
        >= 3
}

/// True when the run `start..end` of `line` (byte offsets) is a word of an
/// English phrase of three or more words (`Frontier Petty Trade`,
/// `Industry Structure of GDP`).
fn latin_phrase(line: &str, start: usize, end: usize) -> bool {
    let is_word = |w: &str| {
        !w.is_empty()
            && w.chars()
                .all(|c| c.is_ascii_alphanumeric() || "'-&".contains(c))
    };
    // Only the words near the run are looked at: a long line without
    // spaces must not be scanned for each run (linear time).
    const NEAR: usize = 256;
    let mut lo = start.saturating_sub(NEAR);
    while !line.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut hi = (end + NEAR).min(line.len());
    while !line.is_char_boundary(hi) {
        hi += 1;
    }
    let mut left: Vec<&str> = line[lo..start].split(' ').collect();
    if lo > 0 {
        left.remove(0); // perhaps cut by the window
    }
    let before = left.iter().rev().skip(1).take_while(|w| is_word(w)).count();
    let mut right: Vec<&str> = line[end..hi].split(' ').collect();
    if hi < line.len() {
        right.pop(); // perhaps cut by the window
    }
    let after = right.iter().skip(1).take_while(|w| is_word(w)).count();
    let run = &line[start..end];
    run.starts_with(|c: char| c.is_ascii_alphabetic())
        && before + after >= 2
        && [before, after].iter().any(|n| *n > 0)
}

/// The run `start..end` of `line` (byte offsets) belongs to a web address
/// or a path written with Chinese in it (`https://example.com/文件.html`,
/// `wiki/网页列表#基於WebKit`, `foo_01.htm#测试`), or to a placeholder of a
/// template (`$1`, `$阿里巴巴.US$`, `%s`): spaces there would break it.
fn address_or_code(line: &str, start: usize, end: usize) -> bool {
    let stop = |c: char| c.is_whitespace() || is_cjk_punct(c);
    let token_start = line[..start].rfind(stop).map_or(0, |i| {
        i + line[i..].chars().next().map_or(1, char::len_utf8)
    });
    let token_end = line[end..].find(stop).map_or(line.len(), |i| end + i);
    let token = &line[token_start..token_end];
    // A slash at the start of a path or between Latin and Chinese
    // (`/wiki/…`, `wiki/网页`), a `#` fragment after Latin or in a path
    // (`01.htm#测试`, `wiki/列表#基於WebKit`),
    // a scheme or `www.`: an address. `万桶/日` and `A/B` are not.
    let path_mark = token.char_indices().any(|(k, c)| {
        let prev = token[..k].chars().next_back();
        let next = token[k + c.len_utf8()..].chars().next();
        match c {
            '#' => {
                token.contains('/')
                    || prev.is_some_and(|p| p.is_ascii_alphanumeric() || "._-".contains(p))
            }
            '/' | '\\' => {
                let ascii = |c: char| c.is_ascii_alphanumeric() || "_-.".contains(c);
                prev.is_none()
                    || prev.is_some_and(|p| "_-".contains(p))
                    || next.is_some_and(|n| "_-".contains(n))
                    || (prev.is_some_and(ascii) && next.is_some_and(is_han))
                    || (prev.is_some_and(is_han) && next.is_some_and(ascii))
            }
            _ => false,
        }
    });
    let before = line[..start].chars().next_back();
    let after = line[end..].chars().next();
    token.contains("://")
        || token.starts_with("www.")
        || path_mark
        || before == Some('$')
        || after == Some('$')
        || line[start..end].starts_with('%')
}

fn runs(text: &str, guard: &Guard) -> Vec<Run> {
    let mut out = Vec::new();
    let mut offset = 0;
    for raw in text.split_inclusive('\n') {
        let base = offset;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        if tabular(line.trim()) || spaced_out(line) {
            continue;
        }
        let chars: Vec<(usize, char)> = line.char_indices().collect();
        let mut i = 0;
        while i < chars.len() {
            if !run_char(chars[i].1) || (i > 0 && run_char(chars[i - 1].1)) {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < chars.len() && run_char(chars[j].1) {
                j += 1;
            }
            // Trailing sentence punctuation is not part of the run.
            let mut end = j;
            while end > i && matches!(chars[end - 1].1, '.' | ',' | ':' | '-' | '/') {
                end -= 1;
            }
            let start_b = base + chars[i].0;
            let end_b = base + chars.get(end).map_or(line.len(), |c| c.0);
            let has_alnum = chars[i..end].iter().any(|(_, c)| is_alnum(*c));
            if has_alnum
                && end > i
                && !guard.touches(Span::new(start_b, end_b))
                && !address_or_code(line, chars[i].0, chars.get(end).map_or(line.len(), |c| c.0))
            {
                // A run joined to Chinese by a hyphen, a dot or a sign
                // (`腾讯-ADR`, `阿里巴巴.US`, `%s`) has no side there.
                let left = side(&chars, i, base, line, false).filter(|_| is_alnum(chars[i].1));
                let mut right = side(&chars, end, base, line, true).filter(|_| {
                    let last = chars[end - 1].1;
                    is_alnum(last)
                        || last == '+'
                        || (matches!(last, '%' | '‰')
                            && end >= 2
                            && chars[end - 2].1.is_ascii_digit())
                });
                // A section or caption number before its title: `1.1 概况`,
                // `表3 主要指标`.
                let prefix = line[..chars[i].0].trim_matches(['#', '>', ' ', '\t', '\u{3000}']);
                let mut left = left;
                // A run-in heading (`——基金收支 2010年`) or a caption
                // numbered with a range (`表14—16 各类医院`) ends at its space.
                let run_in = prefix.starts_with("——")
                    && !prefix.contains(['，', '。', '；', '：', ',', ';', ':', ' ']);
                let caption = ["表", "图", "附表", "附图"].iter().any(|c| {
                    prefix.strip_prefix(c).is_some_and(|r| {
                        r.chars()
                            .all(|ch| ch.is_ascii_digit() || "—－-–.".contains(ch))
                    })
                });
                if run_in {
                    left = left.filter(|s| s.gap.is_empty());
                }
                if caption {
                    right = right.filter(|s| s.gap.is_empty());
                }
                if ["", "表", "图", "附表", "附图", "附件"].contains(&prefix) {
                    right = right.filter(|s| s.gap.is_empty());
                    if !prefix.is_empty() {
                        left = left.filter(|s| s.gap.is_empty());
                    }
                }
                // An English phrase beside Chinese (a bilingual heading or
                // table label: `边境小额贸易 Frontier Petty Trade`) is a
                // translation set off by its space, not a slip.
                if latin_phrase(line, chars[i].0, chars.get(j).map_or(line.len(), |c| c.0)) {
                    left = None;
                    right = None;
                }
                if left.is_some() || right.is_some() {
                    out.push(Run {
                        span: Span::new(start_b, end_b),
                        left,
                        right,
                    });
                }
            }
            i = j;
        }
    }
    out
}

/// The Han side of a run, looking left from char index `at` (exclusive) or
/// right from it (inclusive).
fn side(chars: &[(usize, char)], at: usize, base: usize, line: &str, right: bool) -> Option<Side> {
    let byte = |k: usize| base + chars.get(k).map_or(line.len(), |c| c.0);
    if right {
        let mut k = at;
        while k < chars.len() && is_inline_space(chars[k].1) {
            k += 1;
        }
        let spaces = k - at;
        if spaces >= 2 || k >= chars.len() || !is_han(chars[k].1) {
            return None;
        }
        Some(Side {
            gap: Span::new(byte(at), byte(k)),
            han: Span::new(byte(k), byte(k + 1)),
        })
    } else {
        let mut k = at;
        while k > 0 && is_inline_space(chars[k - 1].1) {
            k -= 1;
        }
        let spaces = at - k;
        if spaces >= 2 || k == 0 || !is_han(chars[k - 1].1) {
            return None;
        }
        Some(Side {
            gap: Span::new(byte(k), byte(at)),
            han: Span::new(byte(k - 1), byte(k)),
        })
    }
}

impl Rule for SpaceCjkLatin {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let guard = Guard::new(cx.text);
        let runs = runs(cx.text, &guard);
        let sides = || runs.iter().flat_map(|r| [r.left, r.right]).flatten();
        let spaced = sides().filter(|s| !s.gap.is_empty()).count();
        let tight = sides().filter(|s| s.gap.is_empty()).count();
        let want_space = match self.spacing {
            Spacing::None => false,
            Spacing::Space => true,
            Spacing::Consistent => spaced > tight,
        };
        for run in &runs {
            let bad: Vec<Side> = [run.left, run.right]
                .into_iter()
                .flatten()
                .filter(|s| s.gap.is_empty() == want_space)
                .collect();
            if bad.is_empty() {
                continue;
            }
            let start = bad
                .iter()
                .map(|s| s.han.start)
                .min()
                .unwrap_or(run.span.start);
            let end = bad.iter().map(|s| s.han.end).max().unwrap_or(run.span.end);
            let span = Span::new(start.min(run.span.start), end.max(run.span.end));
            let word = run.span.slice(cx.text);
            let (message, fix_message, edits) = if want_space {
                (
                    format!("no space between Chinese text and `{word}`"),
                    format!("put a space between Chinese text and `{word}`"),
                    bad.iter()
                        .map(|s| Edit {
                            span: s.gap,
                            replacement: " ".into(),
                        })
                        .collect::<Vec<_>>(),
                )
            } else {
                (
                    format!("space between Chinese text and `{word}`"),
                    format!("remove the space between Chinese text and `{word}`"),
                    bad.iter()
                        .map(|s| Edit {
                            span: s.gap,
                            replacement: String::new(),
                        })
                        .collect(),
                )
            };
            let note = match self.spacing {
                Spacing::None => "house style (`spacing = \"none\"`): no space between Chinese characters and digits or Latin letters".to_string(),
                Spacing::Space => "house style (`spacing = \"space\"`): one space between Chinese characters and digits or Latin letters".to_string(),
                Spacing::Consistent => format!(
                    "house style (`spacing = \"consistent\"`): this draft mostly puts {} ({} places without a space, {} with one)",
                    if want_space { "a space" } else { "no space" },
                    tight,
                    spaced
                ),
            };
            out.push(
                DEF.diagnostic(Severity::Warning, span, message)
                    .with_note(note)
                    .with_fix(Fix {
                        message: fix_message,
                        applicability: Applicability::Safe,
                        edits,
                    }),
            );
        }
    }
}
