//! The `yblint` command line: exit codes, where output goes, which files a
//! run checks, unreadable input, the JSON document and the human output,
//! `yblint rules` and `yblint rule NAME`.

mod common;

use common::{diags_of, locate, run, yblint, Workspace};
use serde_json::Value;

/// 215 + 1161 = 1376 户, 10 short of 1386 户 (城市/农村 cover the whole).
const WRONG: &str = "全县有城乡低保对象1386户，其中，城市低保对象215户，农村低保对象1161户。\n";
const WRONG_NOTE: &str =
    "215 + 1161 = 1376 户, 10 short of 1386 户 (parts 城市/农村 cover the whole)";
const WRONG_MESSAGE: &str = "parts add up to 1376 户, but the total is 1386 户";
/// 215 + 1171 = 1386 户.
const RIGHT: &str = "全县有城乡低保对象1386户，其中，城市低保对象215户，农村低保对象1171户。\n";

fn paths(doc: &Value) -> Vec<String> {
    doc["diagnostics"]
        .as_array()
        .expect("diagnostics is an array")
        .iter()
        .map(|d| d["path"].as_str().expect("path is a string").to_string())
        .collect()
}

// ---------------------------------------------------------------- exit codes, streams

#[test]
fn clean_draft_exits_0_with_the_count_on_stderr() {
    let ws = Workspace::new();
    ws.write("民政.txt", RIGHT);
    let r = ws.check(&["民政.txt"]);
    assert_eq!(r.code, 0, "{r:?}");
    assert_eq!(r.stdout, "");
    assert_eq!(r.stderr, "checked 1 file: 0 errors, 0 warnings, 0 infos\n");
}

#[test]
fn error_exits_1_with_diagnostics_on_stdout_and_count_on_stderr() {
    let ws = Workspace::new();
    ws.write("民政.txt", WRONG);
    let r = ws.check(&["民政.txt"]);
    assert_eq!(r.code, 1, "{r:?}");
    assert_eq!(r.stderr, "checked 1 file: 1 error, 0 warnings, 0 infos\n");
    assert!(
        !r.stdout.contains("checked"),
        "the count goes to stderr only"
    );
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines[0], format!("error[breakdown-sum]: {WRONG_MESSAGE}"));
    assert_eq!(lines[1].trim(), "┌─ 民政.txt:1:10");
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("1 │ ") && l.ends_with(WRONG.trim_end())),
        "the source line is shown:\n{}",
        r.stdout
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("^^^^^^") && l.contains("-----")),
        "the total is underlined with ^ and the parts with -:\n{}",
        r.stdout
    );
    assert!(
        lines.iter().any(|l| l.trim() == format!("= {WRONG_NOTE}")),
        "the note line:\n{}",
        r.stdout
    );
}

#[test]
fn json_output_is_one_document_on_stdout() {
    let ws = Workspace::new();
    ws.write("民政.txt", WRONG);
    let r = ws.check(&["--format", "json", "民政.txt"]);
    assert_eq!(r.code, 1);
    let doc = r.json();
    assert_eq!(doc["summary"]["errors"], 1);
    assert!(
        !r.stderr.contains("error["),
        "diagnostics never go to stderr"
    );
}

/// README: the closing count goes to standard error whatever the format,
/// so that standard output holds only the JSON document.
#[test]
fn json_output_has_the_count_on_stderr() {
    let ws = Workspace::new();
    ws.write("a.txt", WRONG);
    ws.write("b.txt", RIGHT);
    let r = ws.check(&["--format", "json", "a.txt", "b.txt"]);
    assert_eq!(r.code, 1, "{r:?}");
    assert_eq!(r.stderr, "checked 2 files: 1 error, 0 warnings, 0 infos\n");
    assert!(!r.stdout.contains("checked"), "{}", r.stdout);
    assert_eq!(r.json()["summary"]["files"], 2);
}

#[test]
fn usage_errors_exit_2() {
    let ws = Workspace::new();
    ws.write("民政.txt", RIGHT);
    let r = ws.check(&["--format", "xml", "民政.txt"]);
    assert_eq!(r.code, 2, "{r:?}");
    assert!(r.stderr.contains("xml"), "{}", r.stderr);
    assert_eq!(r.stdout, "");

    let r = run(yblint().arg("frobnicate"));
    assert_eq!(r.code, 2, "{r:?}");
}

#[test]
fn counts_are_summed_over_files_with_plurals() {
    let ws = Workspace::new();
    ws.write("a.txt", WRONG);
    ws.write("b.txt", WRONG);
    ws.write("c.txt", RIGHT);
    let r = ws.check(&["a.txt", "b.txt", "c.txt"]);
    assert_eq!(r.code, 1);
    assert_eq!(r.stderr, "checked 3 files: 2 errors, 0 warnings, 0 infos\n");
    assert_eq!(r.stdout.matches("error[breakdown-sum]").count(), 2);
    assert!(r.stdout.contains("┌─ a.txt:1:10"));
    assert!(r.stdout.contains("┌─ b.txt:1:10"));
}

// ---------------------------------------------------------------- what gets checked

#[test]
fn dash_reads_standard_input() {
    let r = run(yblint()
        .args(["check", "--format", "json", "-"])
        .write_stdin(WRONG));
    assert_eq!(r.code, 1, "{r:?}");
    let doc = r.json();
    assert_eq!(paths(&doc), ["<stdin>"]);
    let d = &diags_of(&doc, "breakdown-sum", WRONG.as_bytes())[0];
    assert_eq!(d.span.text, "1386户");
    assert_eq!(d.message, WRONG_MESSAGE);

    let r = run(yblint().args(["check", "-"]).write_stdin(WRONG));
    assert_eq!(r.code, 1);
    assert!(r.stdout.contains("┌─ <stdin>:1:10"), "{}", r.stdout);
}

#[test]
fn folder_is_walked_for_txt_and_md_only_honouring_gitignore() {
    let ws = Workspace::new();
    ws.write("年鉴/民政.txt", WRONG);
    ws.write("年鉴/卫生/医保.md", WRONG);
    ws.write("年鉴/统计.json", WRONG);
    ws.write("年鉴/说明.docx.bak", WRONG);
    ws.write("年鉴/旧稿/民政.txt", WRONG);
    ws.write("年鉴/草稿.txt", WRONG);
    ws.write("年鉴/.gitignore", "旧稿/\n草稿.txt\n");
    let r = ws.check(&["--format", "json", "年鉴"]);
    assert_eq!(r.code, 1, "{r:?}");
    let doc = r.json();
    let mut found = paths(&doc);
    found.sort();
    assert_eq!(found, ["年鉴/卫生/医保.md", "年鉴/民政.txt"]);
    assert_eq!(doc["summary"]["files"], 2);
}

#[test]
fn clean_folder_exits_0() {
    let ws = Workspace::new();
    ws.write("年鉴/民政.txt", RIGHT);
    ws.write("年鉴/统计.json", WRONG);
    let r = ws.check(&["年鉴"]);
    assert_eq!(r.code, 0, "{r:?}");
    assert_eq!(r.stderr, "checked 1 file: 0 errors, 0 warnings, 0 infos\n");
}

#[test]
fn folder_without_drafts_warns_and_exits_0() {
    let ws = Workspace::new();
    ws.write("年鉴/统计.json", WRONG);
    ws.write("年鉴/.hidden/民政.txt", WRONG);
    let r = ws.check(&["年鉴"]);
    assert_eq!(r.code, 0, "{r:?}");
    assert_eq!(r.stdout, "");
    assert_eq!(
        r.stderr,
        "yblint: warning: no .txt, .md, .docx, .xlsx, .xls, .ods or .csv drafts found under 年鉴\n\
         checked 0 files: 0 errors, 0 warnings, 0 infos\n"
    );
}

#[test]
fn empty_folder_beside_drafts_warns_and_the_drafts_are_checked() {
    let ws = Workspace::new();
    std::fs::create_dir_all(ws.path().join("空目录/子目录")).unwrap();
    ws.write("民政.txt", WRONG);
    let r = ws.check(&["--format", "json", "空目录", "民政.txt"]);
    assert_eq!(r.code, 1, "{r:?}");
    assert_eq!(
        r.stderr_lines(),
        [
            "yblint: warning: no .txt, .md, .docx, .xlsx, .xls, .ods or .csv drafts found under 空目录",
            "checked 1 file: 1 error, 0 warnings, 0 infos",
        ]
    );
    assert_eq!(paths(&r.json()), ["民政.txt"]);
}

#[test]
fn current_folder_without_drafts_warns() {
    let ws = Workspace::new();
    ws.write("说明.pdf", "x");
    let r = ws.check(&["--format", "json"]);
    assert_eq!(r.code, 0, "{r:?}");
    assert_eq!(
        r.stderr_lines(),
        [
            "yblint: warning: no .txt, .md, .docx, .xlsx, .xls, .ods or .csv drafts found under .",
            "checked 0 files: 0 errors, 0 warnings, 0 infos",
        ]
    );
    assert_eq!(r.json()["summary"]["files"], 0);
}

#[test]
fn no_path_checks_the_current_folder() {
    let ws = Workspace::new();
    ws.write("民政.txt", WRONG);
    ws.write("卫生/医保.md", RIGHT);
    ws.write("表格.json", WRONG);
    let r = ws.check(&["--format", "json"]);
    assert_eq!(r.code, 1, "{r:?}");
    let doc = r.json();
    assert_eq!(doc["summary"]["files"], 2);
    let found = paths(&doc);
    assert_eq!(found.len(), 1);
    assert!(found[0].ends_with("民政.txt"), "{found:?}");
}

// ---------------------------------------------------------------- unreadable input

/// Runs `yblint check --format json BAD good.txt` on a bad input and checks
/// the one-line error naming it, exit code 2, and that good.txt was still
/// checked and reported.
fn bad_input(name: &str, bytes: Option<&[u8]>, words: &[&str]) {
    let ws = Workspace::new();
    if let Some(b) = bytes {
        ws.write(name, b);
    }
    ws.write("good.txt", WRONG);
    let r = ws.check(&["--format", "json", name, "good.txt"]);
    assert_eq!(r.code, 2, "{r:?}");
    let lines = r.stderr_lines();
    let about: Vec<&&str> = lines.iter().filter(|l| l.contains(name)).collect();
    assert_eq!(about.len(), 1, "one line about {name}: {lines:?}");
    assert!(
        about[0].starts_with(&format!("yblint: error: {name}: ")),
        "{}",
        about[0]
    );
    for w in words {
        assert!(about[0].contains(w), "`{w}` in {}", about[0]);
    }
    let doc = r.json();
    assert_eq!(doc["summary"]["files"], 1, "only good.txt was checked");
    assert_eq!(paths(&doc), ["good.txt"]);
    assert_eq!(
        diags_of(&doc, "breakdown-sum", WRONG.as_bytes())[0].message,
        WRONG_MESSAGE
    );
}

#[test]
fn empty_file_is_refused_and_others_checked() {
    bad_input("空.txt", Some(b""), &["empty"]);
}

#[test]
fn whitespace_only_file_is_refused_and_others_checked() {
    bad_input("空白.txt", Some(" \n\t\n\u{3000}\n".as_bytes()), &["empty"]);
}

#[test]
fn binary_file_is_refused_and_others_checked() {
    bad_input(
        "图片.txt",
        Some(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        &["binary"],
    );
}

#[test]
fn undecodable_file_is_refused_and_others_checked() {
    // 全县有754户 in GBK, then 0xFF 0xFF: a byte of neither UTF-8 nor
    // GB18030 (GBK files themselves are read: tests/inputs.rs).
    bad_input(
        "旧稿.txt",
        Some(b"\xc8\xab\xcf\xd8\xd3\xd0754\xbb\xa7\xff\xff"),
        &["not UTF-8 or GB18030", "--encoding"],
    );
}

#[test]
fn missing_path_is_reported_and_others_checked() {
    bad_input("不存在.txt", None, &["no such file"]);
}

#[cfg(unix)]
#[test]
fn unreadable_file_is_reported_and_others_checked() {
    use std::os::unix::fs::PermissionsExt;
    let ws = Workspace::new();
    let locked = ws.write("锁定.txt", WRONG);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&locked).is_ok() {
        // Running as root (or with CAP_DAC_OVERRIDE): the file is readable
        // after all, so there is nothing to assert.
        eprintln!("skipped: a mode-000 file is readable by this user");
        return;
    }
    ws.write("good.txt", WRONG);
    let r = ws.check(&["--format", "json", "锁定.txt", "good.txt"]);
    assert_eq!(r.code, 2, "{r:?}");
    let lines = r.stderr_lines();
    let about: Vec<&&str> = lines.iter().filter(|l| l.contains("锁定.txt")).collect();
    assert_eq!(about.len(), 1, "{lines:?}");
    assert!(
        about[0].starts_with("yblint: error: 锁定.txt: "),
        "{}",
        about[0]
    );
    assert_eq!(paths(&r.json()), ["good.txt"]);
}

/// A folder inside a walked folder that cannot be read: one line naming it
/// once, with the operating system's reason; the rest is still checked.
#[cfg(unix)]
#[test]
fn unreadable_subfolder_is_named_once() {
    use std::os::unix::fs::PermissionsExt;
    let ws = Workspace::new();
    ws.write("稿/民政.txt", WRONG);
    ws.write("稿/锁定/卫生.txt", WRONG);
    let locked = ws.path().join("稿/锁定");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let readable = std::fs::read_dir(&locked).is_ok();
    let r = ws.check(&["--format", "json", "稿"]);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    if readable {
        // Running as root (or with CAP_DAC_READ_SEARCH): the folder is
        // readable after all, so there is nothing to assert.
        eprintln!("skipped: a mode-000 folder is readable by this user");
        return;
    }
    assert_eq!(r.code, 2, "{r:?}");
    assert_eq!(
        r.stderr_lines(),
        [
            "yblint: error: 稿/锁定: cannot read: Permission denied (os error 13)",
            "checked 1 file: 1 error, 0 warnings, 0 infos",
        ]
    );
    assert_eq!(paths(&r.json()), ["稿/民政.txt"]);
}

/// A named folder that cannot be read is an error, not an empty folder.
#[cfg(unix)]
#[test]
fn unreadable_folder_is_an_error_not_a_warning() {
    use std::os::unix::fs::PermissionsExt;
    let ws = Workspace::new();
    ws.write("锁定/民政.txt", WRONG);
    let locked = ws.path().join("锁定");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let readable = std::fs::read_dir(&locked).is_ok();
    let r = ws.check(&["锁定"]);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    if readable {
        eprintln!("skipped: a mode-000 folder is readable by this user");
        return;
    }
    assert_eq!(r.code, 2, "{r:?}");
    assert_eq!(
        r.stderr_lines(),
        [
            "yblint: error: 锁定: cannot read: Permission denied (os error 13)",
            "checked 0 files: 0 errors, 0 warnings, 0 infos",
        ]
    );
}

#[test]
fn every_bad_file_in_a_folder_gets_its_line() {
    let ws = Workspace::new();
    ws.write("稿/a-空.txt", "");
    ws.write("稿/b-二进制.md", b"ab\x00cd");
    ws.write("稿/c-gbk.txt", b"\xd3\xd0754\xbb\xa7\xff\xff");
    ws.write("稿/d-正文.txt", WRONG);
    let r = ws.check(&["--format", "json", "稿"]);
    assert_eq!(r.code, 2, "{r:?}");
    let lines = r.stderr_lines();
    for name in ["a-空.txt", "b-二进制.md", "c-gbk.txt"] {
        assert_eq!(
            lines
                .iter()
                .filter(|l| l.starts_with("yblint: error: ") && l.contains(name))
                .count(),
            1,
            "{name}: {lines:?}"
        );
    }
    let doc = r.json();
    assert_eq!(doc["summary"]["files"], 1);
    assert_eq!(doc["summary"]["errors"], 1);
}

// ---------------------------------------------------------------- offsets and positions

#[test]
fn bom_file_is_checked_and_offsets_index_the_file() {
    let ws = Workspace::new();
    let mut bytes = b"\xef\xbb\xbf".to_vec();
    bytes.extend_from_slice(WRONG.as_bytes());
    ws.write("民政.txt", &bytes);
    let r = ws.check(&["--format", "json", "民政.txt"]);
    assert_eq!(r.code, 1, "{r:?}");
    let d = &diags_of(&r.json(), "breakdown-sum", &bytes)[0];
    // 3 bytes of BOM + 9 characters of 3 bytes each before the total.
    assert_eq!((d.span.start, d.span.end), (30, 37));
    assert_eq!(d.span.text, "1386户");
    assert_eq!(d.span.line, 1);
    assert_eq!(
        d.secondary
            .iter()
            .map(|(t, _)| t.as_str())
            .collect::<Vec<_>>(),
        ["215户", "1161户"]
    );
    assert_eq!(d.notes, [WRONG_NOTE]);
}

/// A byte-order mark is not a character an editor shows: 1386户 is the
/// 10th character of the line, as without the mark.
#[test]

fn bom_is_not_counted_as_a_column() {
    let ws = Workspace::new();
    let mut bytes = b"\xef\xbb\xbf".to_vec();
    bytes.extend_from_slice(WRONG.as_bytes());
    ws.write("民政.txt", &bytes);
    let r = ws.check(&["--format", "json", "民政.txt"]);
    let d = &diags_of(&r.json(), "breakdown-sum", &bytes)[0];
    assert_eq!((d.span.line, d.span.column), (1, 10));
    assert_eq!((d.span.end_line, d.span.end_column), (1, 15));
    let r = ws.check(&["民政.txt"]);
    assert!(r.stdout.contains("┌─ 民政.txt:1:10"), "{}", r.stdout);
}

#[test]
fn lines_and_columns_count_characters_across_lines() {
    // CRLF line ends; the breakdown is on line 3 after full-width text.
    let text = "◆社会救助\r\n【低保】\r\n（一）全县有城乡低保对象1386户，其中，城市低保对象215户，农村低保对象1161户。\r\n";
    let ws = Workspace::new();
    ws.write("民政.txt", text);
    let r = ws.check(&["--format", "json", "民政.txt"]);
    assert_eq!(r.code, 1, "{r:?}");
    let d = &diags_of(&r.json(), "breakdown-sum", text.as_bytes())[0];
    let (at, line, column) = locate(text, "1386户", 0);
    assert_eq!(
        (line, column),
        (3, 13),
        "hand count: （一）全县有城乡低保对象 is 12 characters"
    );
    assert_eq!(
        (d.span.start, d.span.end, d.span.line, d.span.column),
        (at, at + "1386户".len(), 3, 13)
    );
    // end_column is the column just after the last character: 13 + 5.
    assert_eq!((d.span.end_line, d.span.end_column), (3, 18));
    let last = &d.secondary_spans[1];
    assert_eq!(last.text, "1161户");
    assert_eq!((last.line, last.column, last.end_column), (3, 39, 44));
}

// ---------------------------------------------------------------- JSON document

#[test]
fn json_document_shape() {
    let ws = Workspace::new();
    ws.write("a.txt", WRONG);
    ws.write("b.md", RIGHT);
    let r = ws.check(&["--format", "json", "a.txt", "b.md"]);
    assert_eq!(r.code, 1);
    let doc = r.json();
    let top = doc.as_object().expect("an object");
    for key in ["version", "summary", "diagnostics"] {
        assert!(top.contains_key(key), "top-level `{key}`");
    }
    assert_eq!(doc["version"], 1);
    assert_eq!(
        doc["summary"],
        serde_json::json!({"files": 2, "errors": 1, "warnings": 0, "infos": 0})
    );
    let diags = doc["diagnostics"].as_array().unwrap();
    assert_eq!(diags.len(), 1);
    let d = &diags[0];
    assert_eq!(d["path"], "a.txt");
    assert_eq!(d["rule"], "breakdown-sum");
    assert_eq!(d["category"], "arithmetic");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["message"], WRONG_MESSAGE);
    assert_eq!(d["notes"], serde_json::json!([WRONG_NOTE]));
    let span_keys = ["start", "end", "line", "column", "end_line", "end_column"];
    for key in span_keys {
        assert!(d["span"][key].is_u64(), "span.{key} is a number: {d}");
    }
    assert_eq!(
        d["span"],
        serde_json::json!({"start": 27, "end": 34, "line": 1, "column": 10, "end_line": 1, "end_column": 15})
    );
    let labels = d["labels"].as_array().unwrap();
    assert_eq!(labels.len(), 3);
    for l in labels {
        for key in span_keys {
            assert!(l["span"][key].is_u64(), "label span.{key}: {l}");
        }
        assert!(l["message"].is_string());
        assert!(l["primary"].is_boolean());
    }
    assert_eq!(labels[0]["span"], d["span"]);
    assert_eq!(labels[0]["message"], "total");
    assert_eq!(labels[0]["primary"], true);
    assert_eq!(
        labels[1],
        serde_json::json!({"span": {"start": 64, "end": 70, "line": 1, "column": 25, "end_line": 1, "end_column": 29}, "message": "part", "primary": false})
    );
    assert_eq!(
        labels[2],
        serde_json::json!({"span": {"start": 91, "end": 98, "line": 1, "column": 36, "end_line": 1, "end_column": 41}, "message": "part", "primary": false})
    );
}

#[test]
fn json_document_when_nothing_is_wrong() {
    let ws = Workspace::new();
    ws.write("b.md", RIGHT);
    let r = ws.check(&["--format", "json", "b.md"]);
    assert_eq!(r.code, 0);
    let doc = r.json();
    assert_eq!(doc["version"], 1);
    assert_eq!(
        doc["summary"],
        serde_json::json!({"files": 1, "errors": 0, "warnings": 0, "infos": 0})
    );
    assert_eq!(doc["diagnostics"], serde_json::json!([]));
}

// ---------------------------------------------------------------- rules, rule NAME

#[test]
fn rules_lists_breakdown_sum() {
    let r = run(yblint().arg("rules"));
    assert_eq!(r.code, 0, "{r:?}");
    let line = r
        .stdout
        .lines()
        .find(|l| l.starts_with("breakdown-sum "))
        .unwrap_or_else(|| panic!("no breakdown-sum line:\n{}", r.stdout));
    let words: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(&words[..3], ["breakdown-sum", "arithmetic", "error"]);
    assert!(
        line.ends_with("parts of a breakdown (其中, 分别为) must add up to their total"),
        "{line}"
    );
}

#[test]
fn rule_prints_the_documentation() {
    let r = run(yblint().args(["rule", "breakdown-sum"]));
    assert_eq!(r.code, 0, "{r:?}");
    assert!(
        r.stdout.starts_with("# breakdown-sum (arithmetic)\n"),
        "{}",
        r.stdout
    );
    for heading in [
        "## What it checks",
        "## What it leaves alone",
        "## Settings",
        "## Examples",
    ] {
        assert!(r.stdout.contains(heading), "`{heading}` in the docs");
    }
    assert!(r
        .stdout
        .contains("有城乡特困人员754户，其中，城市特困人员21户，农村特困人员723户。"));
}

/// The section `yblint rule breakdown-sum` ends with, from its heading on.
fn tables_of(stdout: &str) -> &str {
    let at = stdout
        .find("\n## Built-in tables\n")
        .unwrap_or_else(|| panic!("no `## Built-in tables` section:\n{stdout}"));
    &stdout[at + 1..]
}

/// The bullet line of a section that starts with `* {key}`.
fn bullet<'a>(section: &'a str, key: &str) -> &'a str {
    section
        .lines()
        .find(|l| l.starts_with(&format!("* {key}:")) || l.starts_with(&format!("* {key} (")))
        .unwrap_or_else(|| panic!("no line for `{key}` in:\n{section}"))
}

/// The tables are generated from the loaded configuration: every built-in
/// partition with its members' words, the `[labels]` lists and the rule's
/// settings lists of rules/arithmetic/breakdown-sum.toml.
#[test]
fn rule_ends_with_the_built_in_tables() {
    let ws = Workspace::new();
    let mut cmd = ws.cmd();
    let r = run(cmd.args(["rule", "breakdown-sum"]));
    assert_eq!(r.code, 0, "{r:?}");
    assert_eq!(r.stderr, "");
    let section = tables_of(&r.stdout);
    assert!(
        section.contains("(no yblint.toml applies here)"),
        "{section}"
    );
    assert!(section.contains("`[[partition]]` tables in yblint.toml add partitions"));

    let config = yblint::config::Config::builtin().unwrap();
    let partitions = &section[section.find("### Partitions").unwrap()..];
    let partitions = &partitions[..partitions.find("\n### ").unwrap()];
    assert_eq!(
        partitions.lines().filter(|l| l.starts_with("* ")).count(),
        config.tables.partitions.len()
    );
    for p in &config.tables.partitions {
        let members: Vec<String> = p.members.iter().map(|m| m.join("/")).collect();
        let only = if p.totals.is_empty() {
            String::new()
        } else {
            format!(" (only for totals named {})", p.totals.join("/"))
        };
        assert_eq!(
            bullet(partitions, &p.name),
            format!("* {}{only}: {}", p.name, members.join(", "))
        );
    }
    assert_eq!(
        bullet(partitions, "城乡"),
        "* 城乡: 城市/城镇/城区, 农村/乡村"
    );
    assert!(bullet(partitions, "可支配收入构成")
        .starts_with("* 可支配收入构成 (only for totals named 可支配收入): 工资性收入/工资性, "));

    let words = &config.tables.words;
    for (key, list) in [
        ("non_additive", &words.non_additive),
        ("change", &words.change),
        ("previous", &words.previous),
        ("previous_before", &words.previous_before),
        ("previous_after", &words.previous_after),
        ("about_before", &words.about_before),
        ("at_least_before", &words.at_least_before),
        ("stock", &words.stock),
        ("flow", &words.flow),
    ] {
        assert_eq!(
            bullet(section, key),
            format!("* {key}: {}", list.join(", "))
        );
    }
    assert!(bullet(section, "non_additive").starts_with("* non_additive: 人均, 户均,"));

    let settings: toml::Table =
        toml::from_str(yblint::rules::find("breakdown-sum").unwrap().defaults).unwrap();
    let mut lists = 0;
    for (key, value) in &settings {
        let Some(list) = value.as_array() else {
            continue;
        };
        let list: Vec<String> = list
            .iter()
            .map(|v| match v.as_array() {
                Some(group) => group
                    .iter()
                    .map(|w| w.as_str().unwrap())
                    .collect::<Vec<_>>()
                    .join("/"),
                None => v.as_str().unwrap().to_string(),
            })
            .collect();
        assert_eq!(
            bullet(section, key),
            format!("* {key}: {}", list.join(", "))
        );
        lists += 1;
    }
    let settings_section = &section[section.find("### Settings lists").unwrap()..];
    assert_eq!(
        settings_section
            .lines()
            .filter(|l| l.starts_with("* "))
            .count(),
        lists,
        "one line a list setting:\n{settings_section}"
    );
    assert_eq!(
        lists,
        settings.len() - 1,
        "every setting but severity is a list"
    );
    assert!(bullet(section, "end_words").starts_with("* end_words: 共计, 合计, 总计"));
    assert!(!section.contains("* severity"));
}

/// A user's yblint.toml (found from the current folder) shows: its
/// partitions and label words are added, its settings lists replace the
/// built-in ones.
#[test]
fn rule_tables_show_the_users_additions() {
    let ws = Workspace::new();
    ws.write(
        "年鉴/yblint.toml",
        "[[partition]]\nname = \"在岗与离岗\"\nmembers = [[\"在岗\", \"在职\"], [\"离岗\"]]\n\n\
         [labels]\nnon_additive = [\"户均值\"]\nflow = [\"全月\"]\n\n\
         [rules.breakdown-sum]\nend_words = [\"共计\", \"合计\"]\n",
    );
    std::fs::create_dir_all(ws.path().join("年鉴/劳动")).unwrap();
    let mut cmd = ws.cmd();
    cmd.current_dir(ws.path().join("年鉴/劳动"));
    let r = run(cmd.args(["rule", "breakdown-sum"]));
    assert_eq!(r.code, 0, "{r:?}");
    let section = tables_of(&r.stdout);
    let file = std::fs::canonicalize(ws.path().join("年鉴/yblint.toml")).unwrap();
    assert!(
        section.contains(&format!("with the additions of {}.", file.display())),
        "{section}"
    );
    assert_eq!(
        bullet(section, "在岗与离岗"),
        "* 在岗与离岗: 在岗/在职, 离岗"
    );
    assert!(bullet(section, "城乡").starts_with("* 城乡: "));
    assert!(
        bullet(section, "non_additive").ends_with(", 户均值"),
        "{}",
        bullet(section, "non_additive")
    );
    assert!(bullet(section, "flow").ends_with(", 全月"));
    assert_eq!(
        bullet(section, "end_words"),
        "* end_words (set in yblint.toml): 共计, 合计"
    );
    // A list the user did not set is the built-in one.
    let defaults: toml::Table =
        toml::from_str(yblint::rules::find("breakdown-sum").unwrap().defaults).unwrap();
    let gap_notes: Vec<&str> = defaults["gap_notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(
        bullet(section, "gap_notes"),
        format!("* gap_notes: {}", gap_notes.join(", "))
    );
}

/// A broken yblint.toml: the documentation is printed, the tables are not,
/// the configuration error is shown and the exit code is 2.
#[test]
fn rule_with_a_broken_config_exits_2() {
    let ws = Workspace::new();
    ws.write(
        "yblint.toml",
        "[rules.breakdown-sum]\nseverity = \"loud\"\n",
    );
    let mut cmd = ws.cmd();
    let r = run(cmd.args(["rule", "breakdown-sum"]));
    assert_eq!(r.code, 2, "{r:?}");
    assert!(r.stdout.starts_with("# breakdown-sum (arithmetic)\n"));
    assert!(!r.stdout.contains("## Built-in tables"), "{}", r.stdout);
    assert!(
        r.stderr.starts_with(
            "error: invalid configuration: invalid severity: expected one of \"error\", \"warning\", \"info\", \"off\"\n"
        ),
        "{}",
        r.stderr
    );
}

/// `--help` and the package description say what yblint does today.
#[test]
fn help_says_what_yblint_does() {
    let r = run(yblint().arg("--help"));
    assert_eq!(r.code, 0, "{r:?}");
    assert_eq!(
        r.stdout.lines().next(),
        Some("A linter for Chinese yearbook drafts: finds figures that do not add up")
    );
    assert_eq!(
        env!("CARGO_PKG_DESCRIPTION"),
        "A linter for Chinese yearbook drafts: finds figures that do not add up"
    );
    assert!(!r.stdout.contains("typography"), "{}", r.stdout);
}

#[test]
fn unknown_rule_exits_2() {
    let r = run(yblint().args(["rule", "nope"]));
    assert_eq!(r.code, 2, "{r:?}");
    assert_eq!(r.stdout, "");
    assert_eq!(
        r.stderr.trim_end(),
        "yblint: error: unknown rule `nope`; `yblint rules` lists the rules"
    );

    let r = run(yblint().args(["rule", "breakdown-summ"]));
    assert_eq!(r.code, 2, "{r:?}");
    assert!(
        r.stderr.contains("did you mean `breakdown-sum`?"),
        "{}",
        r.stderr
    );
}
