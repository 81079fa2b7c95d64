//! Word drafts (`.docx`): the paragraphs, headings and tables of
//! `word/document.xml`, read with `zip` and `quick-xml`.
//!
//! * Every `w:p` is a paragraph, numbered from 1 in document order (body
//!   paragraphs and the paragraphs of table cells alike, empty ones
//!   included); the source text of the [`Document`] holds paragraph N on
//!   line N, so a diagnostic's line and column are its paragraph number and
//!   its character offset + 1, and the human output shows the paragraph as
//!   the snippet.
//! * Runs are joined: `754` in a bold run and `户` in a plain one read
//!   `754户`. A tab reads as a tab, a line or page break (`w:br`, `w:cr`) as
//!   a space.
//! * Headings by paragraph style: a style whose id or name is `HeadingN`,
//!   `heading N`, `标题 N` or `标题N` (or `Title`/`标题`, level 1), or whose
//!   `w:outlineLvl` is set, in the paragraph or its style.
//! * Each table cell is a block of its own (no sentence runs from one cell
//!   into the next); the cells' paragraphs are checked like the body's.
//! * Merged cells keep the figures in their grid columns: a cell spanning
//!   columns (`w:gridSpan`) stands in each when it holds no figure (a
//!   header names every column it covers); a first cell continuing the one
//!   above (`w:vMerge`) takes its label.
//! * Not prose: tracked deletions (`w:del`, `w:moveFrom`), field codes
//!   (`w:instrText`), comments (in `word/comments.xml`, never read),
//!   text boxes (`w:txbxContent`) and the fallback copies of
//!   `mc:AlternateContent`.
//!
//! A file that is not a zip, has no `word/document.xml`, or holds broken
//! XML is [`SourceError::Docx`]; so is a password-protected file (Word
//! encrypts it into an OLE compound file holding an `EncryptedPackage`
//! stream) and an old binary `.doc`.

use std::collections::HashMap;
use std::io::Read;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::document::{Builder, Cell, Document, Kind, ParagraphPlace, Row, Table};
use super::SourceError;
use crate::span::Span;

/// The most one part of a Word file (`word/document.xml`,
/// `word/styles.xml`) may unpack to, in bytes: far above any yearbook, far
/// below what a small zip bomb unpacks to.
pub const MAX_PART_BYTES: u64 = 64 << 20;

/// The most all the parts yblint reads of one Word file may unpack to
/// together, in bytes.
pub const MAX_TOTAL_BYTES: u64 = 256 << 20;

/// The most paragraphs a Word file may hold: a yearbook has tens of
/// thousands.
pub const MAX_PARAGRAPHS: usize = 2_000_000;

/// The signature of an OLE compound file (encrypted Office files, `.doc`).
const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Reads the bytes of a `.docx` file into a [`Document`].
///
/// Errors: [`SourceError::Docx`] with a message for the user (encrypted,
/// `.doc`, damaged zip, missing or broken `word/document.xml`, a part that
/// unpacks to more than [`MAX_PART_BYTES`], parts that unpack to more than
/// [`MAX_TOTAL_BYTES`] together, more than [`MAX_PARAGRAPHS`] paragraphs).
/// Each part is unpacked only up to its bound: a zip bomb stops early.
pub fn document(name: &str, bytes: &[u8]) -> Result<Document, SourceError> {
    let (paragraphs, merges) = read_paragraphs(bytes)?;
    Ok(assemble(name, paragraphs, &merges))
}

fn err(message: impl Into<String>) -> SourceError {
    SourceError::Docx(message.into())
}

/// Merged table cells, by (table, row, column) as in [`ParagraphPlace::Cell`]:
/// how many grid columns the cell spans (`w:gridSpan`), and whether it
/// continues the cell above it (`w:vMerge` without `restart`).
type Merges = HashMap<(usize, usize, usize), (usize, bool)>;

/// The paragraphs of the document: text and place; and its merged cells.
fn read_paragraphs(bytes: &[u8]) -> Result<(Vec<(String, ParagraphPlace)>, Merges), SourceError> {
    if bytes.starts_with(&OLE_MAGIC) {
        let name: Vec<u8> = "EncryptedPackage"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        return Err(if bytes.windows(name.len()).any(|w| w == name) {
            err("password-protected (encrypted) Word document: yblint cannot read it; save a copy without a password")
        } else {
            err("a Word 97-2003 (.doc) file, not .docx: save it as .docx (Word Document)")
        });
    }
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| err(format!("not a valid .docx file (damaged zip archive: {e})")))?;
    let mut budget = MAX_TOTAL_BYTES;
    let document = read_entry(&mut zip, "word/document.xml", &mut budget)?
        .ok_or_else(|| err("not a Word document: the archive has no word/document.xml"))?;
    let styles = match read_entry(&mut zip, "word/styles.xml", &mut budget) {
        Ok(Some(xml)) => heading_styles(&xml),
        Err(e @ SourceError::Docx(_)) if is_too_big(&e) => return Err(e),
        _ => HashMap::new(),
    };
    parse_merged(&document, &styles)
}

/// The message of a Word file that unpacks to more than `limit` bytes.
fn too_big(limit: u64, name: &str) -> SourceError {
    err(format!(
        "the Word file expands to more than {} MiB ({name}); yblint reads at most {} MiB a part and {} MiB in all",
        limit >> 20,
        MAX_PART_BYTES >> 20,
        MAX_TOTAL_BYTES >> 20
    ))
}

fn is_too_big(e: &SourceError) -> bool {
    matches!(e, SourceError::Docx(m) if m.starts_with("the Word file expands to more than"))
}

/// The text of one zip entry, `None` when the archive has no such entry.
/// It may unpack to at most [`MAX_PART_BYTES`] and what is left of
/// `budget`, which it uses up: the size the archive declares is checked
/// first, then the bytes unpacked, which stop one past the bound.
fn read_entry<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    name: &str,
    budget: &mut u64,
) -> Result<Option<String>, SourceError> {
    let entry = match zip.by_name(name) {
        Ok(e) => e,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(err(format!("cannot read {name}: {e}"))),
    };
    let limit = MAX_PART_BYTES.min(*budget);
    let bound = if limit < MAX_PART_BYTES {
        MAX_TOTAL_BYTES
    } else {
        MAX_PART_BYTES
    };
    if entry.size() > limit {
        return Err(too_big(bound, name));
    }
    let mut bytes = Vec::new();
    entry
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| err(format!("damaged {name}: {e}")))?;
    if bytes.len() as u64 > limit {
        return Err(too_big(bound, name));
    }
    *budget -= bytes.len() as u64;
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| err(format!("damaged {name}: not UTF-8 text")))
}

/// The level (1–9) of a heading style name or id: `Heading1`, `heading 1`,
/// `标题 1`, `标题1`, `Title`, `标题`.
pub fn heading_level(style: &str) -> Option<u8> {
    let s: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    if s == "title" || s == "标题" {
        return Some(1);
    }
    let rest = s
        .strip_prefix("heading")
        .or_else(|| s.strip_prefix("标题"))?;
    match rest.parse::<u8>() {
        Ok(n @ 1..=9) => Some(n),
        _ => None,
    }
}

fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.try_get_attribute(name).ok().flatten().map(|a| {
        a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map(|v| v.into_owned())
            .unwrap_or_default()
    })
}

/// Heading levels of the paragraph styles of `word/styles.xml`, by style
/// id, from the style's name, id or outline level. A broken styles part
/// gives what could be read.
fn heading_styles(xml: &str) -> HashMap<String, u8> {
    let mut out = HashMap::new();
    let mut reader = Reader::from_str(xml);
    let mut current: Option<String> = None;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => match e.name().as_ref() {
                "w:style" => {
                    current = attr(&e, "w:styleId");
                    if let Some(level) = current.as_deref().and_then(heading_level) {
                        out.insert(current.clone().unwrap_or_default(), level);
                    }
                }
                "w:name" => {
                    if let (Some(id), Some(level)) = (
                        &current,
                        attr(&e, "w:val").as_deref().and_then(heading_level),
                    ) {
                        out.insert(id.clone(), level);
                    }
                }
                "w:outlineLvl" => {
                    if let (Some(id), Some(Ok(n @ 0..=8))) =
                        (&current, attr(&e, "w:val").map(|v| v.parse::<u8>()))
                    {
                        out.entry(id.clone()).or_insert(n + 1);
                    }
                }
                _ => {}
            },
            Ok(Event::End(e)) if e.name().as_ref() == "w:style" => current = None,
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    out
}

/// Elements whose content is not prose.
const SKIPPED: &[&str] = &[
    "w:del",
    "w:moveFrom",
    "w:instrText",
    "w:delText",
    "w:delInstrText",
    "w:txbxContent",
    "mc:Fallback",
    "w:comment",
];

/// A paragraph being read.
#[derive(Default)]
struct Para {
    text: String,
    style: Option<String>,
    outline: Option<u8>,
}

#[cfg(test)]
fn parse_document(
    xml: &str,
    styles: &HashMap<String, u8>,
) -> Result<Vec<(String, ParagraphPlace)>, SourceError> {
    Ok(parse_merged(xml, styles)?.0)
}

fn parse_merged(
    xml: &str,
    styles: &HashMap<String, u8>,
) -> Result<(Vec<(String, ParagraphPlace)>, Merges), SourceError> {
    let mut merges = Merges::new();
    let damaged = |e: quick_xml::Error| err(format!("damaged word/document.xml: {e}"));
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    let mut skip = 0usize;
    let mut para: Option<Para> = None;
    let mut in_text = false;
    let mut in_props = 0usize;
    // Open tables: (table number, row, column).
    let mut tables: Vec<(usize, usize, usize)> = Vec::new();
    let mut table_count = 0;
    loop {
        let event = reader.read_event().map_err(damaged)?;
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                let name = e.name();
                let name = name.as_ref();
                if SKIPPED.contains(&name) {
                    if !empty {
                        skip += 1;
                    }
                    continue;
                }
                if skip > 0 {
                    continue;
                }
                match name {
                    "w:p" if out.len() >= MAX_PARAGRAPHS => {
                        return Err(err(format!(
                            "the Word file holds more than {MAX_PARAGRAPHS} paragraphs"
                        )))
                    }
                    "w:p" if !empty => para = Some(Para::default()),
                    "w:p" => out.push((String::new(), place(&tables, None))),
                    "w:pPr" | "w:rPr" if !empty => in_props += 1,
                    "w:pStyle" => {
                        if let Some(p) = &mut para {
                            p.style = attr(e, "w:val");
                        }
                    }
                    "w:outlineLvl" => {
                        if let (Some(p), Some(Ok(n @ 0..=8))) =
                            (&mut para, attr(e, "w:val").map(|v| v.parse::<u8>()))
                        {
                            p.outline = Some(n + 1);
                        }
                    }
                    "w:t" if !empty => in_text = true,
                    "w:tab" if in_props == 0 => push(&mut para, "\t"),
                    "w:br" | "w:cr" if in_props == 0 => push(&mut para, " "),
                    "w:tbl" if !empty => {
                        table_count += 1;
                        tables.push((table_count, 0, 0));
                    }
                    "w:tr" if !empty => {
                        if let Some(t) = tables.last_mut() {
                            t.1 += 1;
                            t.2 = 0;
                        }
                    }
                    "w:tc" if !empty => {
                        if let Some(t) = tables.last_mut() {
                            // A cell outside a row opens row 1.
                            t.1 = t.1.max(1);
                            t.2 += 1;
                        }
                    }
                    "w:gridSpan" => {
                        if let (Some(&t), Some(Ok(n @ 2..=64))) =
                            (tables.last(), attr(e, "w:val").map(|v| v.parse::<usize>()))
                        {
                            merges.entry(t).or_insert((1, false)).0 = n;
                        }
                    }
                    "w:vMerge" => {
                        if let Some(&t) = tables.last() {
                            if attr(e, "w:val").is_none_or(|v| v == "continue") {
                                merges.entry(t).or_insert((1, false)).1 = true;
                            }
                        }
                    }
                    _ => {}
                }
            }
            Event::End(ref e) => {
                let name = e.name();
                let name = name.as_ref();
                if SKIPPED.contains(&name) {
                    skip = skip.saturating_sub(1);
                    continue;
                }
                if skip > 0 {
                    continue;
                }
                match name {
                    "w:p" => {
                        if let Some(p) = para.take() {
                            let level = p
                                .outline
                                .or_else(|| p.style.as_ref().and_then(|s| styles.get(s).copied()))
                                .or_else(|| p.style.as_deref().and_then(heading_level));
                            let text = p.text.replace(['\n', '\r'], " ");
                            out.push((text, place(&tables, level)));
                        }
                    }
                    "w:pPr" | "w:rPr" => in_props = in_props.saturating_sub(1),
                    "w:t" => in_text = false,
                    "w:tbl" => {
                        tables.pop();
                    }
                    _ => {}
                }
            }
            Event::Text(ref t) if in_text && skip == 0 => push(&mut para, &t.xml10_content()),
            Event::CData(ref t) if in_text && skip == 0 => push(&mut para, t),
            Event::GeneralRef(ref r) if in_text && skip == 0 => {
                let c = match r.resolve_char_ref().map_err(damaged)? {
                    Some(c) => Some(c),
                    None => match &**r {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => None,
                    },
                };
                if let Some(c) = c {
                    push(&mut para, c.encode_utf8(&mut [0; 4]));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok((out, merges))
}

fn push(para: &mut Option<Para>, s: &str) {
    if let Some(p) = para {
        p.text.push_str(s);
    }
}

/// Where a paragraph is. A cell outside a row (`<w:tbl><w:tc>` without
/// `<w:tr>`) is in row 1, and a paragraph of a table outside any cell in
/// column 1: rows and columns count from 1.
fn place(tables: &[(usize, usize, usize)], heading: Option<u8>) -> ParagraphPlace {
    match (tables.last(), heading) {
        (Some(&(table, row, column)), _) => ParagraphPlace::Cell {
            table,
            row: row.max(1),
            column: column.max(1),
        },
        (None, Some(level)) => ParagraphPlace::Heading(level),
        (None, None) => ParagraphPlace::Body,
    }
}

/// The document of the paragraphs: source text one paragraph a line;
/// checked text the same with headings marked `#` and a cut before each
/// table cell and after each table.
///
/// Merged cells keep the figures in their grid columns: a cell spanning
/// several columns (`w:gridSpan`) stands in each of them when it holds no
/// figure (a header names every column it covers), else it is followed by
/// empty cells; a label cell continuing the one above it (`w:vMerge`) takes
/// its text, so that it names the rows under it.
fn assemble(name: &str, paragraphs: Vec<(String, ParagraphPlace)>, merges: &Merges) -> Document {
    let mut source = String::new();
    let mut b = Builder::new();
    let mut tables: Vec<Table> = Vec::new();
    let mut places = Vec::with_capacity(paragraphs.len());
    let mut prev: Option<ParagraphPlace> = None;
    // The place of each cell pushed, table by table, in order.
    let mut keys: Vec<Vec<(usize, usize, usize)>> = Vec::new();
    for (text, place) in paragraphs {
        let at = source.len();
        match place {
            ParagraphPlace::Cell { table, row, column } => {
                let new_cell = prev != Some(place);
                if new_cell {
                    if keys.len() < table {
                        keys.resize(table, Vec::new());
                    }
                    keys[table - 1].push((table, row, column));
                    b.cut(at);
                    if tables.len() < table {
                        tables.resize(table, Table::default());
                        tables[table - 1].source = Span::new(at, at);
                    }
                    let t = &mut tables[table - 1];
                    while t.rows.len() < row {
                        t.rows.push(Row::default());
                    }
                    t.rows[row - 1].cells.push(Cell {
                        text: Span::new(b.text().len(), b.text().len()),
                        source: Span::new(at, at),
                    });
                }
            }
            _ => {
                if matches!(prev, Some(ParagraphPlace::Cell { .. })) {
                    b.cut(at);
                }
            }
        }
        if let ParagraphPlace::Heading(level) = place {
            b.end_line(at);
            b.write(
                &format!("{} ", "#".repeat(level as usize)),
                Span::new(at, at),
            );
        }
        b.copy(&text, at);
        source.push_str(&text);
        if let ParagraphPlace::Cell { table, row, .. } = place {
            let t = &mut tables[table - 1];
            t.source.end = source.len();
            if let Some(cell) = t.rows[row - 1].cells.last_mut() {
                cell.text.end = b.text().len();
                cell.source.end = source.len();
            }
        }
        source.push('\n');
        b.copy("\n", source.len() - 1);
        places.push(place);
        prev = Some(place);
    }
    if !merges.is_empty() {
        unmerge(&mut tables, &keys, merges, b.text());
    }
    Document::built(
        name,
        Kind::Docx,
        encoding_rs::UTF_8,
        true,
        Vec::new(),
        source,
        b,
        tables,
        places,
    )
}

/// Puts merged cells in their grid columns (see [`assemble`]); `keys`: the
/// place of each cell of each table in order, `text` the checked text.
fn unmerge(tables: &mut [Table], keys: &[Vec<(usize, usize, usize)>], merges: &Merges, text: &str) {
    for (t, keys) in tables.iter_mut().zip(keys) {
        let mut keys = keys.iter();
        let mut above: Option<Cell> = None;
        for row in &mut t.rows {
            let mut cells = Vec::with_capacity(row.cells.len());
            for (i, cell) in row.cells.iter().enumerate() {
                let (span, cont) = keys
                    .next()
                    .and_then(|k| merges.get(k))
                    .copied()
                    .unwrap_or((1, false));
                let own = text.get(cell.text.start..cell.text.end).unwrap_or("");
                let cell = match &above {
                    Some(a) if i == 0 && cont && own.trim().is_empty() => a.clone(),
                    _ => cell.clone(),
                };
                let shown = text.get(cell.text.start..cell.text.end).unwrap_or("");
                let figure = shown
                    .trim()
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_digit())
                    && shown
                        .trim()
                        .chars()
                        .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '%'));
                cells.push(cell.clone());
                for _ in 1..span {
                    cells.push(if figure || shown.trim().is_empty() {
                        Cell {
                            text: Span::new(cell.text.end, cell.text.end),
                            source: Span::new(cell.source.end, cell.source.end),
                        }
                    } else {
                        cell.clone()
                    });
                }
            }
            above = cells.first().cloned();
            row.cells = cells;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_styles_by_name() {
        assert_eq!(heading_level("Heading2"), Some(2));
        assert_eq!(heading_level("heading 1"), Some(1));
        assert_eq!(heading_level("标题 3"), Some(3));
        assert_eq!(heading_level("Normal"), None);
    }

    #[test]
    fn runs_join_and_deletions_vanish() {
        let xml = r#"<w:document xmlns:w="x"><w:body>
<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>民政</w:t></w:r></w:p>
<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>有754</w:t></w:r><w:del><w:r><w:delText>9</w:delText></w:r></w:del><w:r><w:instrText> PAGE 12 </w:instrText></w:r><w:r><w:t xml:space="preserve">户 &amp; </w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>城市</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>418户</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
</w:body></w:document>"#;
        let paras = parse_document(xml, &HashMap::new()).unwrap();
        let texts: Vec<&str> = paras.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["民政", "有754户 & ", "城市", "418户"]);
        assert_eq!(paras[0].1, ParagraphPlace::Heading(1));
        assert_eq!(
            paras[3].1,
            ParagraphPlace::Cell {
                table: 1,
                row: 1,
                column: 2
            }
        );
        let doc = assemble("a.docx", paras, &Merges::new());
        assert_eq!(doc.source_text(), "民政\n有754户 & \n城市\n418户\n");
        assert!(
            doc.text.starts_with("# 民政\n有754户 & \n"),
            "{:?}",
            doc.text
        );
        let cell = &doc.tables[0].rows[0].cells[1];
        assert_eq!(cell.text.slice(&doc.text), "418户");
        assert_eq!(cell.source.slice(doc.source_text()), "418户");
        let at = doc.source_text().find("418").unwrap();
        assert_eq!(doc.paragraph_at(at), Some((4, 0)));
    }

    #[test]
    fn merged_cells_stand_in_their_grid_columns() {
        let cell = |t: &str, props: &str| {
            format!("<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>")
        };
        let xml = format!(
            "<w:document><w:body><w:tbl><w:tr>{}{}{}</w:tr><w:tr>{}{}{}</w:tr><w:tr>{}{}{}{}</w:tr></w:tbl></w:body></w:document>",
            cell("项目", ""),
            cell("城镇", r#"<w:gridSpan w:val="2"/>"#),
            cell("乡村", ""),
            cell("户数", r#"<w:vMerge w:val="restart"/>"#),
            cell("120", r#"<w:gridSpan w:val="2"/>"#),
            cell("80", ""),
            cell("", "<w:vMerge/>"),
            cell("60", ""),
            cell("61", ""),
            cell("40", ""),
        );
        let (paras, merges) = parse_merged(&xml, &HashMap::new()).unwrap();
        let doc = assemble("a.docx", paras, &merges);
        let texts = |r: usize| -> Vec<&str> {
            doc.tables[0].rows[r]
                .cells
                .iter()
                .map(|c| c.text.slice(&doc.text))
                .collect()
        };
        // The header names both columns it spans; a merged figure stands
        // once, an empty cell after it; the continued label names its row.
        assert_eq!(texts(0), ["项目", "城镇", "城镇", "乡村"]);
        assert_eq!(texts(1), ["户数", "120", "", "80"]);
        assert_eq!(texts(2), ["户数", "60", "61", "40"]);
    }
}
