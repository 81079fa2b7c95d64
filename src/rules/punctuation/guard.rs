//! What the punctuation and spacing rules must not touch, and the
//! character classes they share.
//!
//! A draft may carry text that is not Chinese prose even when it is pasted
//! into a yearbook: Markdown code and code fences, HTML comments and tags,
//! URLs and e-mail addresses, link targets, table rows, front matter,
//! thematic breaks and `%%` marker lines. [`Guard`] finds these regions once
//! per draft (in one pass over the text) so that a rule can ask whether a
//! byte offset lies in one of them. The regions are conservative: a rule
//! stays silent on anything inside them.

use crate::rules::scan::is_han;
use crate::span::Span;

/// The regions of a draft that are not prose, sorted and non-overlapping.
#[derive(Debug, Clone, Default)]
pub struct Guard {
    regions: Vec<Span>,
}

impl Guard {
    /// Finds the regions of `text` that are not prose (see the module docs).
    pub fn new(text: &str) -> Guard {
        let mut regions = Vec::new();
        let mut in_fence: Option<(usize, &str)> = None;
        let mut in_front_matter = text.starts_with("---\n") || text.starts_with("---\r\n");
        let mut in_comment: Option<usize> = None;
        let mut offset = 0;
        for (n, raw) in text.split_inclusive('\n').enumerate() {
            let start = offset;
            offset += raw.len();
            let line = raw.trim_end_matches(['\n', '\r']);
            let trimmed = line.trim_start_matches([' ', '\t']);
            let whole = Span::new(start, start + line.len());
            if let Some(open) = in_comment {
                if let Some(i) = line.find("-->") {
                    regions.push(Span::new(open, start + i + 3));
                    in_comment = None;
                    scan_line(text, Span::new(start + i + 3, whole.end), &mut regions);
                }
                continue;
            }
            if in_front_matter {
                regions.push(whole);
                if n > 0 && (line == "---" || line == "...") {
                    in_front_matter = false;
                }
                continue;
            }
            if let Some((_, fence)) = in_fence {
                regions.push(whole);
                if trimmed.starts_with(fence) && trimmed.trim_start_matches(fence).trim().is_empty()
                {
                    in_fence = None;
                }
                continue;
            }
            if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
                regions.push(whole);
                in_fence = Some((start, &trimmed[..3]));
                continue;
            }
            if is_non_prose_line(trimmed) {
                regions.push(whole);
                continue;
            }
            // An HTML comment that opens on this line and closes later.
            let mut scan_end = whole.end;
            if let Some(i) = unclosed_comment(line) {
                in_comment = Some(start + i);
                scan_end = start + i;
            }
            scan_line(text, Span::new(start, scan_end), &mut regions);
        }
        if let Some(open) = in_comment {
            regions.push(Span::new(open, text.len()));
        }
        regions.sort();
        let mut merged: Vec<Span> = Vec::with_capacity(regions.len());
        for r in regions {
            match merged.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => merged.push(r),
            }
        }
        Guard { regions: merged }
    }

    /// True when byte offset `at` lies in a region that is not prose.
    pub fn covers(&self, at: usize) -> bool {
        let i = self.regions.partition_point(|r| r.end <= at);
        self.regions.get(i).is_some_and(|r| r.start <= at)
    }

    /// True when any byte of `span` lies in a region that is not prose.
    pub fn touches(&self, span: Span) -> bool {
        let i = self.regions.partition_point(|r| r.end <= span.start);
        self.regions
            .get(i)
            .is_some_and(|r| r.start < span.end.max(span.start + 1))
    }
}

/// A line that is not prose as a whole: a table row (`| … |`), a thematic
/// break or setext underline (`---`, `***`, `===`), a link reference
/// definition (`[id]: http…`), a `%%` marker line.
fn is_non_prose_line(trimmed: &str) -> bool {
    if trimmed.starts_with('|') || trimmed.starts_with("%%") {
        return true;
    }
    if trimmed.len() >= 3
        && trimmed
            .chars()
            .all(|c| matches!(c, '-' | '=' | '*' | '_' | ' '))
    {
        return true;
    }
    if trimmed.starts_with('[') {
        if let Some(i) = trimmed.find("]:") {
            return !trimmed[..i].contains(']');
        }
    }
    // A row of a pipe table without the leading bar: `a | b | c`.
    trimmed.matches(" | ").count() >= 2
}

/// Where an HTML comment opens on `line` without closing on it.
fn unclosed_comment(line: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = line[from..].find("<!--") {
        let open = from + i;
        match line[open + 4..].find("-->") {
            Some(j) => from = open + 4 + j + 3,
            None => return Some(open),
        }
    }
    None
}

/// Inline regions of one line (`span` of `text`): code spans, HTML comments
/// and tags, URLs, e-mail addresses, link targets, backslash escapes.
fn scan_line(text: &str, span: Span, out: &mut Vec<Span>) {
    let line = span.slice(text);
    let base = span.start;
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let rest = &line[i..];
        let b = bytes[i];
        if b == b'`' {
            let ticks = rest.len() - rest.trim_start_matches('`').len();
            let fence = &rest[..ticks];
            if let Some(j) = rest[ticks..].find(fence) {
                let end = i + ticks + j + ticks;
                out.push(Span::new(base + i, base + end));
                i = end;
                continue;
            }
            i += ticks;
            continue;
        }
        if rest.starts_with("<!--") {
            let end = rest.find("-->").map(|j| i + j + 3).unwrap_or(line.len());
            out.push(Span::new(base + i, base + end));
            i = end;
            continue;
        }
        if b == b'<' {
            let next = rest[1..].chars().next();
            if next.is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!') {
                if let Some(j) = rest.find('>') {
                    out.push(Span::new(base + i, base + i + j + 1));
                    i += j + 1;
                    continue;
                }
            }
        }
        if b == b'\\' && i + 1 < bytes.len() && bytes[i + 1].is_ascii_punctuation() {
            out.push(Span::new(base + i, base + i + 2));
            i += 2;
            continue;
        }
        if rest.starts_with("](") {
            let end = rest.find(')').map(|j| i + j + 1).unwrap_or(line.len());
            out.push(Span::new(base + i + 1, base + end));
            i = end;
            continue;
        }
        if starts_url(rest) && !prev_is_url_char(line, i) {
            let len = url_len(rest);
            out.push(Span::new(base + i, base + i + len));
            i += len.max(1);
            continue;
        }
        if b == b'@' {
            let before = line[..i]
                .bytes()
                .rev()
                .take_while(|c| c.is_ascii_alphanumeric() || b"._%+-".contains(c))
                .count();
            let after = rest[1..]
                .bytes()
                .take_while(|c| c.is_ascii_alphanumeric() || b".-".contains(c))
                .count();
            if before > 0 && after > 0 && rest[1..1 + after].contains('.') {
                out.push(Span::new(base + i - before, base + i + 1 + after));
                i += 1 + after;
                continue;
            }
        }
        i += rest.chars().next().map_or(1, char::len_utf8);
    }
}

fn starts_url(rest: &str) -> bool {
    let lower = |p: &str| {
        rest.len() >= p.len()
            && rest.is_char_boundary(p.len())
            && rest[..p.len()].eq_ignore_ascii_case(p)
    };
    lower("http://") || lower("https://") || lower("ftp://") || lower("www.")
}

fn prev_is_url_char(line: &str, i: usize) -> bool {
    line[..i]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_alphanumeric() || c == '/' || c == '.')
}

/// Length of a URL at the start of `rest`: ASCII characters that may occur
/// in a URL, without trailing sentence punctuation.
fn url_len(rest: &str) -> usize {
    let len = rest
        .bytes()
        .take_while(|b| b.is_ascii_graphic() && !b"<>\"`".contains(b))
        .count();
    let trimmed = rest[..len].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '\'']);
    trimmed.len()
}

/// Half-width letters and digits: what spacing rules put next to Chinese.
pub fn is_alnum(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

/// A character that belongs to Chinese running text on the left of a mark:
/// a Han character or a closing full-width mark (`）”’》】」』`).
pub fn is_chinese_before(c: char) -> bool {
    is_han(c) || matches!(c, '）' | '”' | '’' | '》' | '】' | '」' | '』' | '〕')
}

/// A character that belongs to Chinese running text on the right of a mark:
/// a Han character or an opening full-width mark (`（“‘《【「『`).
pub fn is_chinese_after(c: char) -> bool {
    is_han(c) || matches!(c, '（' | '“' | '‘' | '《' | '【' | '「' | '『' | '〔')
}

/// Spaces that can stand between words on one line (not line breaks, not
/// the ideographic space U+3000, which editors set on purpose).
pub fn is_inline_space(c: char) -> bool {
    matches!(c, ' ' | '\u{00A0}' | '\u{2009}' | '\u{202F}')
}

/// Regions inside 《…》 and “…”/‘…’ on one line: titles and quotations,
/// which keep the punctuation of what they quote.
pub fn quoted_regions(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Vec<(char, usize)> = Vec::new();
    for (i, c) in text.char_indices() {
        match c {
            '\n' => open.clear(),
            '《' | '“' | '「' | '『' => open.push((c, i)),
            '》' | '”' | '」' | '』' => {
                let want = match c {
                    '》' => '《',
                    '”' => '“',
                    '」' => '「',
                    _ => '『',
                };
                if let Some(k) = open.iter().rposition(|(o, _)| *o == want) {
                    let (_, at) = open[k];
                    open.truncate(k);
                    if open.is_empty() {
                        out.push(Span::new(at, i + c.len_utf8()));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// True when `at` is inside one of `regions` (sorted, non-overlapping).
pub fn inside(regions: &[Span], at: usize) -> bool {
    let i = regions.partition_point(|r| r.end <= at);
    regions.get(i).is_some_and(|r| r.start <= at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn covered(text: &str, needle: &str) -> bool {
        let at = text.find(needle).unwrap();
        Guard::new(text).covers(at)
    }

    #[test]
    fn code_urls_and_markdown_are_not_prose() {
        let t = "见`a,b`和http://x.gov.cn/a.html,及a.b@x.cn。\n| 指标 | 2020 |\n[文](http://a.cn)。<!-- yblint-disable x -->正文";
        assert!(covered(t, "a,b"));
        assert!(covered(t, "x.gov.cn"));
        assert!(!covered(t, ",及"));
        assert!(covered(t, "b@x"));
        assert!(covered(t, "指标"));
        assert!(covered(t, "http://a.cn)"));
        assert!(!covered(t, "文]"));
        assert!(covered(t, "disable"));
        assert!(!covered(t, "正文"));
    }

    #[test]
    fn fences_comments_and_front_matter() {
        let t = "---\ntitle: a\n---\n正文,甲\n```\nx,y\n```\n<!--\n多,行\n-->\n乙,丙";
        assert!(covered(t, "title"));
        assert!(!covered(t, ",甲"));
        assert!(covered(t, "x,y"));
        assert!(covered(t, "多,行"));
        assert!(!covered(t, ",丙"));
    }

    #[test]
    fn quoted_regions_nest() {
        let t = "印发《关于“十四五”的通知》，称“好”。";
        let r = quoted_regions(t);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].slice(t), "《关于“十四五”的通知》");
        assert!(inside(&r, t.find("十四五").unwrap()));
        assert!(!inside(&r, t.find("，").unwrap()));
    }
}
