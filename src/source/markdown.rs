//! Markdown drafts (`.md`): the prose of a CommonMark document (with pipe
//! tables and front matter), read with pulldown-cmark's offset iterator so
//! that every piece of checked text maps back into the file.
//!
//! What the rules read:
//!
//! * paragraphs, block quotes and list items, without their markers:
//!   emphasis (`**754**户` reads `754户`), link brackets (the link text is
//!   kept), list and quote marks. List items follow one another line by
//!   line, so a breakdown set out as a list after `其中：` is one sentence
//!   (what follows the list starts a new block);
//! * headings, written `# title` (`##` for level 2 …): sections;
//! * each table cell, as a block of its own; the tables themselves are in
//!   [`Document::tables`](super::Document::tables) with their cells' spans.
//!
//! What they do not read: code blocks, inline code and autolinks (each
//! replaced by U+FFFC, OBJECT REPLACEMENT CHARACTER, so that no figure runs
//! across them), bare `http://`/`https://`/`www.` URLs in text (likewise),
//! link destinations and image text, HTML blocks and inline HTML (comments
//! included), and YAML (`---`) or TOML (`+++`) front matter. Text after a
//! code block, an HTML block, front matter, a rule, a list or a table
//! starts a new block: no sentence runs across them.
//!
//! An entity or a backslash escape (`&amp;`, `\*`) is text yblint writes
//! itself: a diagnostic on it covers the whole source construct and its
//! fix is dropped.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use super::document::{Builder, Cell, Document, Kind, Row, Table};
use super::encoding::Decoded;
use crate::span::Span;

/// Stands for text that is not prose (code, a URL).
pub const PLACEHOLDER: &str = "\u{FFFC}";

/// Reads a decoded Markdown file into a [`Document`].
pub fn document(name: &str, decoded: Decoded) -> Document {
    let source = decoded.text;
    let bom = if source.starts_with('\u{FEFF}') {
        '\u{FEFF}'.len_utf8()
    } else {
        0
    };
    let (builder, tables) = build(&source, bom);
    Document::built(
        name,
        Kind::Markdown,
        decoded.encoding,
        decoded.detected,
        decoded.raw_lines,
        source,
        builder,
        tables,
        Vec::new(),
    )
}

/// The state of the walk over pulldown-cmark's events.
struct Walk<'s> {
    source: &'s str,
    b: Builder,
    /// Inside something that is not prose (code block, HTML, front matter,
    /// image, autolink): how deep.
    skip: usize,
    /// For each open link: whether it is an autolink (skipped).
    links: Vec<bool>,
    /// Open lists.
    lists: usize,
    /// The next block must start a new block (after code, a table …).
    cut_next: bool,
    tables: Vec<Table>,
    cell_start: usize,
}

fn build(source: &str, bom: usize) -> (Builder, Vec<Table>) {
    let body = &source[bom..];
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut w = Walk {
        source,
        b: Builder::new(),
        skip: 0,
        links: Vec::new(),
        lists: 0,
        cut_next: false,
        tables: Vec::new(),
        cell_start: 0,
    };
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        let range = Span::new(range.start + bom, range.end + bom);
        w.event(event, range);
    }
    (w.b, w.tables)
}

impl Walk<'_> {
    fn event(&mut self, event: Event<'_>, range: Span) {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag, range),
            Event::Text(t) if self.skip == 0 => self.text(&t, range),
            Event::Code(_) if self.skip == 0 => self.b.write(PLACEHOLDER, range),
            Event::SoftBreak if self.skip == 0 => {
                let src = range.slice(self.source);
                if src == "\n" || src == "\r\n" {
                    self.b.copy(src, range.start);
                } else {
                    self.b.write("\n", range);
                }
            }
            Event::HardBreak if self.skip == 0 => self.b.write("\n", range),
            Event::Rule => self.cut_next = true,
            // Inline HTML (comments included), footnote references, task
            // list marks, math: not prose.
            _ => {}
        }
    }

    /// Opens a block at source offset `at`: a cut when one is due, else a
    /// blank line before it (a new line only, inside a list).
    fn open(&mut self, at: usize) {
        if std::mem::take(&mut self.cut_next) {
            self.b.cut(at);
        } else if self.lists > 0 {
            self.b.end_line(at);
        } else {
            self.b.blank_line(at);
        }
    }

    fn start(&mut self, tag: Tag<'_>, range: Span) {
        match tag {
            Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::MetadataBlock(_) => {
                self.skip += 1;
                self.cut_next = true;
            }
            Tag::Image { .. } => self.skip += 1,
            Tag::Link { link_type, .. } => {
                let auto = matches!(link_type, LinkType::Autolink | LinkType::Email);
                if auto {
                    if self.skip == 0 {
                        self.b.write(PLACEHOLDER, range);
                    }
                    self.skip += 1;
                }
                self.links.push(auto);
            }
            _ if self.skip > 0 => {}
            Tag::Paragraph | Tag::BlockQuote(_) => self.open(range.start),
            Tag::Item => {
                if std::mem::take(&mut self.cut_next) {
                    self.b.cut(range.start);
                } else {
                    self.b.end_line(range.start);
                }
            }
            Tag::List(_) => self.lists += 1,
            Tag::Heading { level, .. } => {
                self.open(range.start);
                let marks = "#".repeat(level as usize);
                self.b
                    .write(&format!("{marks} "), Span::new(range.start, range.start));
            }
            Tag::Table(_) => {
                self.cut_next = true;
                self.open(range.start);
                self.tables.push(Table {
                    source: range,
                    rows: Vec::new(),
                });
            }
            Tag::TableHead | Tag::TableRow => {
                let header = matches!(tag, Tag::TableHead);
                if let Some(t) = self.tables.last_mut() {
                    t.rows.push(Row {
                        header,
                        cells: Vec::new(),
                    });
                }
            }
            Tag::TableCell => {
                self.b.cut(range.start);
                self.cell_start = self.b.text().len();
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd, range: Span) {
        match tag {
            TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::MetadataBlock(_) | TagEnd::Image => {
                self.skip = self.skip.saturating_sub(1);
            }
            TagEnd::Link if self.links.pop() == Some(true) => {
                self.skip = self.skip.saturating_sub(1);
            }
            _ if self.skip > 0 => {}
            TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item => self.b.end_line(range.end),
            TagEnd::List(_) => {
                self.lists = self.lists.saturating_sub(1);
                self.b.end_line(range.end);
                // What follows a list is no further item of it.
                if self.lists == 0 {
                    self.cut_next = true;
                }
            }
            TagEnd::TableCell => {
                let text = Span::new(self.cell_start, self.b.text().len());
                if let Some(row) = self.tables.last_mut().and_then(|t| t.rows.last_mut()) {
                    row.cells.push(Cell {
                        text,
                        source: range,
                    });
                }
                self.b.end_line(range.end);
            }
            TagEnd::Table => {
                self.b.end_line(range.end);
                self.cut_next = true;
            }
            _ => {}
        }
    }

    /// Text of a paragraph, heading or cell: copied when it is the source
    /// as written (bare URLs replaced), written otherwise (an entity, an
    /// escape).
    fn text(&mut self, t: &str, range: Span) {
        let src = range.slice(self.source);
        if src != t {
            self.b.write(t, range);
            return;
        }
        let mut at = 0;
        for url in urls(t) {
            self.b.copy(&t[at..url.start], range.start + at);
            self.b.write(PLACEHOLDER, url.shifted(range.start));
            at = url.end;
        }
        self.b.copy(&t[at..], range.start + at);
    }
}

/// Bare URLs in `text`: from `http://`, `https://` or `www.` to the first
/// character that is not printable ASCII (a Han character, a space, a
/// full-width mark), trailing ASCII punctuation excluded.
fn urls(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = ["http://", "https://", "www."]
        .iter()
        .filter_map(|p| text[from..].find(p).map(|i| i + from))
        .min()
    {
        let len = text[i..]
            .find(|c: char| !c.is_ascii_graphic())
            .unwrap_or(text.len() - i);
        let url = text[i..i + len].trim_end_matches(['.', ',', ';', ':', ')', '!', '?']);
        let end = i + url.len().max(1);
        out.push(Span::new(i, end));
        from = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn checked(md: &str) -> String {
        let decoded = Decoded {
            text: md.to_string(),
            encoding: encoding_rs::UTF_8,
            detected: true,
            raw_lines: Vec::new(),
        };
        document("a.md", decoded).text
    }

    #[test]
    fn prose_only() {
        let md = "---\ntitle: 2021年卷\n---\n\n## 民政\n\n有**754**户，`123`户，见<http://a.cn/12>和http://b.cn/3。\n\n```\n999户\n```\n\n<!-- 注 12户 -->\n";
        let t = checked(md);
        assert!(t.contains("## 民政\n"), "{t:?}");
        assert!(
            t.contains("有754户，\u{FFFC}户，见\u{FFFC}和\u{FFFC}。"),
            "{t:?}"
        );
        assert!(
            !t.contains("999") && !t.contains("12户") && !t.contains("title"),
            "{t:?}"
        );
    }

    #[test]
    fn lists_continue_and_cells_are_blocks() {
        let t = checked("其中：\n\n- 城市418户；\n- 农村2800户。\n\n| 项目 | 户数 |\n|---|---|\n| 城市 | 418户 |\n");
        assert!(
            t.starts_with("其中：\n城市418户；\n农村2800户。\n"),
            "{t:?}"
        );
        let decoded = Decoded {
            text: "| 项目 | 户数 |\n|---|---|\n| 城市 | 418户 |\n".into(),
            encoding: encoding_rs::UTF_8,
            detected: true,
            raw_lines: Vec::new(),
        };
        let doc = document("a.md", decoded);
        let table = &doc.tables[0];
        assert_eq!(table.rows.len(), 2);
        assert!(table.rows[0].header);
        let cell = &table.rows[1].cells[1];
        assert_eq!(cell.text.slice(&doc.text), "418户");
        assert_eq!(cell.source.slice(doc.source_text()).trim(), "418户");
    }
}
