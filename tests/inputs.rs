//! Inputs: drafts in GBK, UTF-16 and UTF-8 with a byte-order mark;
//! Markdown with code, URLs, comments, front matter and tables; Word
//! documents built here from their XML. Each diagnostic must point at the
//! right characters of the file, whatever it was.

mod common;

use common::{locate, locate_end, Workspace};
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

fn line_col(span: &Value) -> (u64, u64, u64, u64) {
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
