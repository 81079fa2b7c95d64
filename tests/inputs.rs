//! Inputs: drafts in GBK, UTF-16 and UTF-8 with a byte-order mark;
//! Markdown with code, URLs, comments, front matter and tables; Word
//! documents built here from their XML. Each diagnostic must point at the
//! right characters of the file, whatever it was.

mod common;

use common::{docx, locate, locate_end, para, Workspace};
use encoding_rs::{Encoding, GBK, UTF_16BE, UTF_16LE};
use serde_json::Value;

/// A yearbook paragraph on three lines; on line 3, 215 + 1161 = 1376 户,
/// 10 short of 1386 户 (城市/农村 cover the whole).
const DRAFT: &str = "◆社会救助\n【城乡低保】\n2020年末，全县有城乡低保对象1386户，其中，城市低保对象215户，农村低保对象1161户。\n";
const MESSAGE: &str = "parts add up to 1376 户, but the total is 1386 户";

/// `text` in UTF-16 with its byte-order mark.
fn utf16(text: &str, le: bool) -> Vec<u8> {
    let mut out = if le {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for u in text.encode_utf16() {
        out.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
    }
    out
}

/// `text` in GBK (encoding_rs's encoder, independent of yblint's reading).
fn gbk(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = GBK.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}

/// The one diagnostic of a JSON document.
fn only(doc: &Value) -> &Value {
    let all = doc["diagnostics"].as_array().expect("diagnostics");
    assert_eq!(all.len(), 1, "{doc}");
    &all[0]
}

/// The file bytes a JSON span covers, decoded with `encoding`.
fn covered(span: &Value, file: &[u8], encoding: &'static Encoding) -> String {
    let (start, end) = (
        span["start"].as_u64().unwrap() as usize,
        span["end"].as_u64().unwrap() as usize,
    );
    assert!(
        start <= end && end <= file.len(),
        "{span} in {} bytes",
        file.len()
    );
    let (text, had_errors) = encoding.decode_without_bom_handling(&file[start..end]);
    assert!(!had_errors, "{span} cuts a character");
    text.into_owned()
}

/// Line, column, end line, end column.
type Position = (u64, u64, u64, u64);

fn line_col(span: &Value) -> Position {
    (
        span["line"].as_u64().unwrap(),
        span["column"].as_u64().unwrap(),
        span["end_line"].as_u64().unwrap(),
        span["end_column"].as_u64().unwrap(),
    )
}

/// Checks `bytes` as `name` in JSON and in human form; asserts the
/// diagnostic on DRAFT's line 3 covers 1386户 with parts 215户 and 1161户.
fn assert_draft_read(name: &str, bytes: &[u8], encoding: &'static Encoding, shown: Option<&str>) {
    let ws = Workspace::new();
    ws.write(name, bytes);
    let r = ws.check(&["--format", "json", name]);
    assert_eq!(r.code, 1, "{r:?}");
    let doc = r.json();
    let d = only(&doc);
    assert_eq!(d["rule"], "breakdown-sum");
    assert_eq!(d["message"], MESSAGE);
    assert_eq!(covered(&d["span"], bytes, encoding), "1386户");
    let (_, line, column) = locate(DRAFT, "1386户", 0);
    let (end_line, end_column) = locate_end(DRAFT, "1386户", 0);
    assert_eq!(
        line_col(&d["span"]),
        (
            line as u64,
            column as u64,
            end_line as u64,
            end_column as u64
        )
    );
    let parts: Vec<String> = d["labels"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["primary"] == false)
        .map(|l| covered(&l["span"], bytes, encoding))
        .collect();
    assert_eq!(parts, ["215户", "1161户"]);
    match shown {
        Some(enc) => assert_eq!(d["encoding"], enc, "{d}"),
        None => assert!(d.get("encoding").is_none(), "{d}"),
    }

    let r = ws.check(&[name]);
    assert_eq!(r.code, 1, "{r:?}");
    assert!(
        r.stdout.contains(&format!("┌─ {name}:{line}:{column}")),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains(
            "3 │ 2020年末，全县有城乡低保对象1386户，其中，城市低保对象215户，农村低保对象1161户。"
        ),
        "{}",
        r.stdout
    );
    match shown {
        Some(enc) => assert!(
            r.stdout.contains(&format!("= read as {enc} (detected)")),
            "{}",
            r.stdout
        ),
        None => assert!(!r.stdout.contains("read as"), "{}", r.stdout),
    }
}

// ---------------------------------------------------------------- encodings

#[test]
fn gbk_draft_is_detected_and_located() {
    let bytes = gbk(DRAFT);
    assert!(std::str::from_utf8(&bytes).is_err());
    assert_draft_read("旧稿.txt", &bytes, GBK, Some("GB18030"));
}

#[test]
fn utf16le_draft_with_bom_is_read() {
    assert_draft_read("民政.txt", &utf16(DRAFT, true), UTF_16LE, Some("UTF-16LE"));
}

#[test]
fn utf16be_draft_with_bom_is_read() {
    assert_draft_read("民政.txt", &utf16(DRAFT, false), UTF_16BE, Some("UTF-16BE"));
}

#[test]
fn utf8_bom_draft_is_read_and_not_labelled() {
    let mut bytes = b"\xef\xbb\xbf".to_vec();
    bytes.extend_from_slice(DRAFT.as_bytes());
    assert_draft_read("民政.txt", &bytes, encoding_rs::UTF_8, None);
}

#[test]
fn gbk_markdown_is_read_too() {
    let md =
        "## 社会救助\n\n有城乡低保对象**1386**户，其中，城市低保对象215户，农村低保对象1161户。\n";
    let bytes = gbk(md);
    let ws = Workspace::new();
    ws.write("民政.md", &bytes);
    let r = ws.check(&["--format", "json", "民政.md"]);
    assert_eq!(r.code, 1, "{r:?}");
    let doc = r.json();
    let d = only(&doc);
    assert_eq!(d["encoding"], "GB18030");
    // The total's label covers the figure, the emphasis closing it and the unit.
    let total = d["labels"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["primary"] == true)
        .unwrap();
    assert_eq!(covered(&total["span"], &bytes, GBK), "1386**户");
}

#[test]
fn encoding_option_overrides_detection() {
    let ws = Workspace::new();
    ws.write("旧稿.txt", gbk(DRAFT));
    let r = ws.check(&["--encoding", "gbk", "旧稿.txt"]);
    assert_eq!(r.code, 1, "{r:?}");
    assert!(
        r.stdout.contains("= read as GB18030 (--encoding)"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains(MESSAGE), "{}", r.stdout);

    // Named wrongly: UTF-8 bytes are no GBK text here, and a UTF-8 file
    // named as UTF-8 reads as usual.
    ws.write("新稿.txt", DRAFT);
    let r = ws.check(&["--encoding", "utf-8", "新稿.txt", "旧稿.txt"]);
    assert_eq!(r.code, 2, "{r:?}");
    assert!(
        r.stderr
            .contains("yblint: error: 旧稿.txt: not UTF-8 text (invalid byte at offset 0)"),
        "{}",
        r.stderr
    );
    assert!(r.stdout.contains("新稿.txt:3:"), "{}", r.stdout);

    let r = ws.check(&["--encoding", "klingon", "新稿.txt"]);
    assert_eq!(r.code, 2, "{r:?}");
    assert!(
        r.stderr
            .contains("yblint: error: unknown encoding `klingon`"),
        "{}",
        r.stderr
    );
}

#[test]
fn text_that_is_no_encoding_is_refused_not_guessed() {
    let ws = Workspace::new();
    // UTF-16 without a byte-order mark: NUL bytes, refused as binary.
    ws.write("无标记.txt", &utf16(DRAFT, true)[2..]);
    // Latin-1 accents, not Chinese: chardetng's guess is named.
    ws.write(
        "西文.txt",
        b"Caf\xe9 cr\xe8me br\xfbl\xe9e, 754 \xe9l\xe8ves.\n",
    );
    ws.write("正文.txt", DRAFT);
    let r = ws.check(&["无标记.txt", "西文.txt", "正文.txt"]);
    assert_eq!(r.code, 2, "{r:?}");
    let lines = r.stderr_lines();
    assert!(
        lines.contains(&"yblint: error: 无标记.txt: binary file (contains NUL bytes): not a draft"),
        "{lines:?}"
    );
    let latin = lines
        .iter()
        .find(|l| l.starts_with("yblint: error: 西文.txt: "))
        .expect("a line about 西文.txt");
    assert!(latin.contains("--encoding"), "{latin}");
    assert!(r.stdout.contains(MESSAGE), "{}", r.stdout);
}

// ---------------------------------------------------------------- Markdown

/// A wrong breakdown (20 + 40 = 60 户, 1 short of 61 户, 城市/农村 cover
/// the whole): reported wherever it is prose, and nowhere else.
const WRONG_61: &str = "全县有城乡低保对象61户，其中，城市低保对象20户，农村低保对象40户。";

/// A Markdown draft: front matter, an HTML comment, inline code, an
/// autolink, a fenced code block (each holding WRONG_61, not prose), a
/// breakdown whose total is in bold, one set out as a list, and a table
/// whose second row's cell holds a wrong breakdown.
fn markdown_draft() -> String {
    format!(
        "---\n摘要: {WRONG_61}\n---\n\n\
## 民政事务\n\n\
<!-- 审稿意见：{WRONG_61} -->\n\n\
【社会救助】 2020年末，全县有城乡特困人员**754**户，其中，城市特困人员31户，农村特困人员713户。\n\n\
录入格式：`{WRONG_61}`，参见<https://mz.example.cn/{WRONG_61}>。\n\n\
```text\n{WRONG_61}\n```\n\n\
【城乡低保】 全县有城乡低保对象1386户，其中：\n\n\
- 城市低保对象215户；\n\
- 农村低保对象1161户。\n\n\
全年发放低保资金4120.56万元。\n\n\
| 项目 | 情况 |\n\
|---|---|\n\
| 医疗救助 | 全年救助城乡困难群众1360人，其中，城市困难群众460人，农村困难群众890人。 |\n\
| 临时救助 | 412人次 |\n"
    )
}

#[test]
fn markdown_prose_is_checked_and_code_comments_urls_front_matter_are_not() {
    let md = markdown_draft();
    let ws = Workspace::new();
    ws.write("民政.md", &md);
    // Control: read as plain text, every copy of WRONG_61 is reported.
    ws.write("民政.txt", &md);
    let r = ws.check(&["--format", "json", "民政.txt"]);
    let as_text = r.json()["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["message"] == "parts add up to 60 户, but the total is 61 户")
        .count();
    assert_eq!(as_text, 5, "{}", r.stdout);

    let r = ws.check(&["--format", "json", "民政.md"]);
    assert_eq!(r.code, 1, "{r:?}");
    let doc = r.json();
    let diags = doc["diagnostics"].as_array().unwrap();
    let found: Vec<(String, String, Position)> = diags
        .iter()
        .map(|d| {
            (
                d["message"].as_str().unwrap().to_string(),
                covered(&d["span"], md.as_bytes(), encoding_rs::UTF_8),
                line_col(&d["span"]),
            )
        })
        .collect();
    let at = |needle: &str, text: &str| {
        let (_, l, c) = locate(&md, needle, 0);
        let (el, ec) = locate_end(&md, text, 0);
        (l as u64, c as u64, el as u64, ec as u64)
    };
    assert_eq!(
        found,
        [
            (
                "parts add up to 744 户, but the total is 754 户".to_string(),
                "754**户".to_string(),
                at("754**户", "754**户"),
            ),
            (
                "parts add up to 1376 户, but the total is 1386 户".to_string(),
                "1386户".to_string(),
                at("1386户", "1386户"),
            ),
            (
                "parts add up to 1350 人, but the total is 1360 人".to_string(),
                "1360人".to_string(),
                at("1360人", "1360人"),
            ),
        ]
    );
    // The list items are the parts, each label on its item's line.
    let parts: Vec<(String, u64)> = diags[1]["labels"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["primary"] == false)
        .map(|l| {
            (
                covered(&l["span"], md.as_bytes(), encoding_rs::UTF_8),
                l["span"]["line"].as_u64().unwrap(),
            )
        })
        .collect();
    let line_of = |s: &str| locate(&md, s, 0).1 as u64;
    assert_eq!(
        parts,
        [
            ("215户".to_string(), line_of("215户")),
            ("1161户".to_string(), line_of("1161户"))
        ]
    );

    // The human output shows the Markdown line as written.
    let r = ws.check(&["民政.md"]);
    let (_, line, column) = locate(&md, "754**户", 0);
    assert!(
        r.stdout.contains(&format!("┌─ 民政.md:{line}:{column}")),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("【社会救助】 2020年末，全县有城乡特困人员**754**户，其中，"),
        "{}",
        r.stdout
    );
}

/// The sentence after the list (城市 1764 + 农村 7000 = 8764) is another,
/// correct cut of the total: were its figures items of the list, the list
/// would add up to 14224 and be reported.
#[test]
fn markdown_cells_do_not_run_together_and_what_follows_a_list_is_no_item() {
    let md = "| 总数 | 城市 | 农村 |\n|---|---|---|\n| 全县有城乡低保对象61户，其中， | 城市低保对象20户， | 农村低保对象40户 |\n\n\
全县有残疾人8764人，其中：\n\n- 视力残疾1342人\n- 肢体残疾4118人\n\n城市残疾人1764人，农村残疾人7000人。\n";
    let ws = Workspace::new();
    ws.write("表.md", md);
    let r = ws.check(&["--format", "json", "表.md"]);
    assert_eq!(r.code, 0, "{r:?}");
    let doc = r.json();
    let sums: Vec<&Value> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "breakdown-sum")
        .collect();
    assert!(sums.is_empty(), "{sums:?}");
    // Control: the same cells run together as plain text are one sentence.
    ws.write(
        "表.txt",
        "全县有城乡低保对象61户，其中，\n\n城市低保对象20户，\n\n农村低保对象40户\n",
    );
    let r = ws.check(&["--format", "json", "表.txt"]);
    assert_eq!(r.code, 1, "{r:?}");
}

#[test]
fn markdown_tables_are_exposed_with_their_cells() {
    let md = markdown_draft();
    let doc = yblint::source::load(
        "民政.md",
        yblint::source::Kind::Markdown,
        md.as_bytes(),
        &yblint::source::ReadOptions::default(),
    )
    .expect("a Markdown draft");
    assert_eq!(doc.tables.len(), 1);
    let table = &doc.tables[0];
    let cells: Vec<Vec<&str>> = table
        .rows
        .iter()
        .map(|r| r.cells.iter().map(|c| c.text.slice(&doc.text)).collect())
        .collect();
    assert_eq!(
        cells,
        [
            vec!["项目", "情况"],
            vec![
                "医疗救助",
                "全年救助城乡困难群众1360人，其中，城市困难群众460人，农村困难群众890人。"
            ],
            vec!["临时救助", "412人次"],
        ]
    );
    assert!(table.rows[0].header && !table.rows[1].header);
    let cell = &table.rows[2].cells[1];
    assert_eq!(cell.source.slice(doc.source_text()).trim(), "412人次");
    assert!(table
        .source
        .slice(doc.source_text())
        .starts_with("| 项目 | 情况 |"));
    // Fixes may edit Markdown where the text is a plain copy of the file,
    // not across the emphasis of **754**户.
    let at = doc.text.find("754户").unwrap();
    let whole = yblint::span::Span::new(at, at + "754户".len());
    assert_eq!(doc.fix_span(whole), None);
    let digits = yblint::span::Span::new(at, at + 3);
    assert_eq!(
        doc.fix_span(digits).map(|s| s.slice(doc.source_text())),
        Some("754")
    );
    assert!(!doc.text.contains("摘要") && !doc.text.contains("审稿意见"));
}

// ---------------------------------------------------------------- Word

/// Paragraphs: 1 heading; 2 a breakdown whose total is in a bold run of
/// its own and whose part carries a tracked deletion and a field code;
/// 3 a deleted wrong breakdown; 4–7 a table (row 2, column 2 holds a wrong
/// breakdown); 8 after the table.
fn word_body() -> String {
    let heading =
        r#"<w:p><w:pPr><w:pStyle w:val="1"/></w:pPr><w:r><w:t>民政事务</w:t></w:r></w:p>"#;
    let breakdown = concat!(
        r#"<w:p><w:r><w:t>【城乡低保】2020年末，全县有城乡低保对象</w:t></w:r>"#,
        r#"<w:r><w:rPr><w:b/></w:rPr><w:t>1386</w:t></w:r>"#,
        r#"<w:r><w:t>户，其中，城市低保对象215户，农村低保对象11</w:t></w:r>"#,
        r#"<w:del w:id="1" w:author="审稿"><w:r><w:delText>9</w:delText></w:r></w:del>"#,
        r#"<w:r><w:t>61户。</w:t></w:r>"#,
        r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE 12户 </w:instrText></w:r>"#,
        r#"<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#,
    );
    let deleted = format!(
        r#"<w:p><w:del w:id="2" w:author="审稿"><w:r><w:delText>{WRONG_61}</w:delText></w:r></w:del></w:p>"#
    );
    let cell = |p: String| format!("<w:tc>{p}</w:tc>");
    let table = format!(
        "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>",
        cell(para(&["项目"])),
        cell(para(&["情况"])),
        cell(para(&["医疗救助"])),
        cell(para(&[
            "全年救助城乡困难群众",
            "1360",
            "人，其中，城市困难群众460人，农村困难群众890人。"
        ])),
    );
    let after = para(&["全年发放低保资金4120.56万元。"]);
    format!("{heading}{breakdown}{deleted}{table}{after}")
}

#[test]
fn docx_paragraph_and_table_cell_are_located() {
    let ws = Workspace::new();
    ws.write("民政.docx", docx(&word_body()));
    let r = ws.check(&["--format", "json", "民政.docx"]);
    assert_eq!(r.code, 1, "{r:?}");
    let doc = r.json();
    let diags = doc["diagnostics"].as_array().unwrap();
    let p2 = "【城乡低保】2020年末，全县有城乡低保对象1386户，其中，城市低保对象215户，农村低保对象1161户。";
    let p7 = "全年救助城乡困难群众1360人，其中，城市困难群众460人，农村困难群众890人。";
    let offset = |p: &str, needle: &str| p[..p.find(needle).unwrap()].chars().count() as u64;
    let found: Vec<(&str, u64, u64, &Value)> = diags
        .iter()
        .map(|d| {
            (
                d["message"].as_str().unwrap(),
                d["paragraph"].as_u64().unwrap(),
                d["offset"].as_u64().unwrap(),
                &d["cell"],
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                "parts add up to 1376 户, but the total is 1386 户",
                2,
                offset(p2, "1386户"),
                &Value::Null
            ),
            (
                "parts add up to 1350 人, but the total is 1360 人",
                7,
                offset(p7, "1360人"),
                &serde_json::json!({"table": 1, "row": 2, "column": 2})
            ),
        ]
    );
    assert_eq!(diags[0]["span"]["line"], 2);
    assert_eq!(diags[0]["span"]["column"], offset(p2, "1386户") + 1);
    assert!(diags[0].get("encoding").is_none());

    let r = ws.check(&["民政.docx"]);
    assert_eq!(r.code, 1, "{r:?}");
    let col = offset(p7, "1360人") + 1;
    for expected in [
        format!("┌─ 民政.docx:2:{}", offset(p2, "1386户") + 1),
        format!("2 │ {p2}"),
        format!("┌─ 民政.docx:7:{col}"),
        format!("7 │ {p7}"),
        format!("= paragraph 7, character {col}, in table 1, row 2, column 2"),
    ] {
        assert!(r.stdout.contains(&expected), "{expected}\n{}", r.stdout);
    }
}

#[test]
fn docx_headings_deletions_and_field_codes_are_not_prose() {
    let doc = yblint::source::load(
        "民政.docx",
        yblint::source::Kind::Docx,
        &docx(&word_body()),
        &yblint::source::ReadOptions::default(),
    )
    .expect("a Word draft");
    let lines: Vec<&str> = doc.source_text().lines().collect();
    assert_eq!(lines.len(), 8);
    assert_eq!(lines[0], "民政事务");
    assert!(lines[1].ends_with("农村低保对象1161户。"), "{}", lines[1]);
    assert_eq!(lines[2], "");
    assert!(!doc.text.contains("PAGE") && !doc.text.contains("61户，其中"));
    assert!(doc.text.starts_with("# 民政事务\n"), "{:?}", doc.text);
    assert_eq!(
        doc.paragraphs[0],
        yblint::source::ParagraphPlace::Heading(1)
    );
    let cell = &doc.tables[0].rows[1].cells[0];
    assert_eq!(cell.text.slice(&doc.text), "医疗救助");
    assert!(!doc.fixable());
}

#[test]
fn broken_and_encrypted_docx_are_refused_and_others_checked() {
    let ws = Workspace::new();
    // A zip cut short: the first half of a real .docx.
    let whole = docx(&word_body());
    ws.write("损坏.docx", &whole[..whole.len() / 2]);
    // A zip that is no Word document.
    let mut other = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    other
        .start_file("readme.txt", zip::write::SimpleFileOptions::default())
        .unwrap();
    ws.write("非文档.docx", other.finish().unwrap().into_inner());
    // Word's encryption: an OLE compound file with an EncryptedPackage stream.
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(1024, 0);
    ole.extend(
        "EncryptedPackage"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes()),
    );
    ole.resize(4096, 0);
    ws.write("加密.docx", &ole);
    ws.write("正文.txt", DRAFT);
    // Word's lock file beside an open document is not a draft.
    ws.write("~$民政.docx", b"\x04owner");
    let r = ws.check(&["."]);
    assert_eq!(r.code, 2, "{r:?}");
    let lines = r.stderr_lines();
    let about = |name: &str| -> String {
        let found: Vec<&&str> = lines.iter().filter(|l| l.contains(name)).collect();
        assert_eq!(found.len(), 1, "{name}: {lines:?}");
        found[0].to_string()
    };
    assert!(
        about("损坏.docx").contains("not a valid .docx file"),
        "{lines:?}"
    );
    assert!(
        about("非文档.docx").contains("not a Word document: the archive has no word/document.xml"),
        "{lines:?}"
    );
    assert!(
        about("加密.docx").contains("password-protected (encrypted) Word document"),
        "{lines:?}"
    );
    assert!(!r.stderr.contains("~$"), "{}", r.stderr);
    assert!(r.stdout.contains(MESSAGE), "{}", r.stdout);
    assert_eq!(
        lines.last(),
        Some(&"checked 1 file: 1 error, 0 warnings, 0 infos")
    );
}

// ---------------------------------------------------------------- robustness

/// Awkward Markdown never panics, and every span maps onto character
/// boundaries of the file.
#[test]
fn awkward_markdown_maps_inside_the_file() {
    let config = yblint::config::Config::builtin().expect("built-in configuration");
    let drafts = [
        "\u{FEFF}# 民政\r\n\r\n有城乡低保对象1386户，其中，城市低保对象215户，农村低保对象1161户。\r\n",
        "有&amp;城乡低保对象1386户，其中，城市低保对象215户\\*，农村低保对象1161户&#x3002;",
        "> - 全县有城乡低保对象61户，其中：\n>   1. 城市低保对象20户；\n>   2. 农村低保对象40户。\n",
        "- | a | b |\n  |---|---|\n  | 61户 | 其中，城市20户，农村40户。 |\n",
        "有**城乡低保对象61户，其中，城市<b>低保</b>对象20户，农村低保对象40户。",
        "---\n未结束的前言 61户\n",
        "```\n未结束的代码块 61户",
        "[全县有城乡低保对象61户][x]，其中，城市低保对象20户，农村低保对象40户。\n\n[x]: http://a.cn/1",
        "|",
        "\n\n\n**\n",
    ];
    for md in drafts {
        let Ok(doc) = yblint::source::load(
            "a.md",
            yblint::source::Kind::Markdown,
            md.as_bytes(),
            &yblint::source::ReadOptions::default(),
        ) else {
            continue;
        };
        let found = yblint::check_document(&doc, &config).expect("the grammar accepts every input");
        let src = doc.source_text();
        for d in &found {
            for s in std::iter::once(d.span).chain(d.labels.iter().map(|l| l.span)) {
                assert!(
                    s.start <= s.end && s.end <= src.len(),
                    "{s:?} outside {md:?}"
                );
                assert!(
                    src.is_char_boundary(s.start) && src.is_char_boundary(s.end),
                    "{md:?}"
                );
            }
        }
    }
}

/// A table cell outside a row (`<w:tbl><w:tc>` with no `<w:tr>`, as some
/// converters write) is read as a cell of row 1; a paragraph of a table
/// outside any cell as one of column 1.
#[test]
fn docx_table_cells_outside_rows_are_read() {
    let ws = Workspace::new();
    let cell = |text: &str| format!(r#"<w:tc><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"#);
    let body = format!(
        r#"<w:tbl>{}{}</w:tbl><w:tbl><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tbl>"#,
        cell("项目"),
        cell("全年救助城乡困难群众1360人，其中，城市困难群众460人，农村困难群众890人。"),
        "全年救助城乡困难群众1360人，其中，城市困难群众460人，农村困难群众890人。",
    );
    ws.write("救助.docx", docx(&body));
    let r = ws.check(&["--format", "json", "救助.docx"]);
    assert_eq!(r.code, 1, "{r:?}");
    let found: Vec<(u64, Value)> = r.json()["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["paragraph"].as_u64().unwrap(), d["cell"].clone()))
        .collect();
    assert_eq!(
        found,
        [
            (2, serde_json::json!({"table": 1, "row": 1, "column": 2})),
            (3, serde_json::json!({"table": 2, "row": 1, "column": 1})),
        ]
    );
}

/// A small Word file that unpacks to more than yblint reads (a zip bomb:
/// 65 MiB of one repeated character in a few hundred KiB) is refused with a
/// clear error before it is read to the end, and the other files are
/// checked.
#[test]
fn a_docx_that_expands_too_far_is_refused() {
    let ws = Workspace::new();
    let padding = "零".repeat((65 << 20) / 3);
    let bomb = docx(&format!("<w:p><w:r><w:t>{padding}</w:t></w:r></w:p>"));
    assert!(bomb.len() < 1 << 20, "{} bytes", bomb.len());
    ws.write("炸弹.docx", &bomb);
    ws.write("正文.txt", DRAFT);
    let r = ws.check(&["."]);
    assert_eq!(r.code, 2, "{r:?}");
    let lines = r.stderr_lines();
    assert!(
        lines.contains(&"yblint: error: ./炸弹.docx: the Word file expands to more than 64 MiB (word/document.xml); yblint reads at most 64 MiB a part and 256 MiB in all"),
        "{lines:?}"
    );
    assert!(r.stdout.contains(MESSAGE), "{}", r.stdout);
    assert_eq!(
        lines.last(),
        Some(&"checked 1 file: 1 error, 0 warnings, 0 infos")
    );
}
