//! The command line a ruff user expects (`--select`, `--ignore`,
//! `--stdin-filename`, `-q`, `-o`, `--fix-only`, `--exclude` …) and the
//! defects of a first hour with yblint: byte columns for Vim, Big5 not
//! guessed, `.doc`/`.wps` files named, one name for the `info` severity.

mod common;

use common::{run, Workspace};

/// 21 + 723 = 744 户, 10 short of 754 户.
const WRONG: &str = "有城乡特困人员754户，其中，城市特困人员21户，农村特困人员723户。\n";
const WRONG_MESSAGE: &str = "error[breakdown-sum] parts add up to 744 户, but the total is 754 户";
/// A full-width figure (fixable warning) in a breakdown that adds up.
const FULLWIDTH: &str = "有城乡特困人员７５４户，其中，城市特困人员21户，农村特困人员733户。\n";

fn stdin_check(ws: &Workspace, args: &[&str], input: &str) -> common::Run {
    let mut cmd = ws.cmd();
    cmd.arg("check")
        .args(args)
        .write_stdin(input.as_bytes().to_vec());
    run(&mut cmd)
}

// ---------------------------------------------------------------- section 3: defects

#[test]
fn vim_format_counts_columns_in_bytes_and_prints_no_count() {
    let ws = Workspace::new();
    ws.write("民政.txt", WRONG);
    let r = ws.check(&["--format", "vim", "民政.txt"]);
    assert_eq!(r.code, 1, "{r:?}");
    // 7 Han characters of 3 bytes before 754: byte column 22 (Vim's %c).
    assert_eq!(r.stdout, format!("民政.txt:1:22: {WRONG_MESSAGE}\n"));
    assert_eq!(
        r.stderr, "",
        "no closing count for a quickfix list to parse"
    );
    // The short format counts characters.
    let r = ws.check(&["--format", "short", "民政.txt"]);
    assert_eq!(r.stdout, format!("民政.txt:1:8: {WRONG_MESSAGE}\n"));
}

#[test]
fn big5_is_not_read_as_gbk_without_a_word() {
    let ws = Workspace::new();
    let text = "糧食總產量52.25萬噸。全縣有城鄉低保對象1386戶，其中，城市低保對象215戶，農村低保對象1161戶。\n";
    let (big5, _, _) = encoding_rs::BIG5.encode(text);
    ws.write("台灣.txt", &*big5);
    let r = ws.check(&["台灣.txt"]);
    assert_eq!(r.code, 2, "{r:?}");
    assert_eq!(r.stdout, "");
    let at = std::str::from_utf8(&big5).unwrap_err().valid_up_to();
    assert_eq!(
        r.stderr_lines()[0],
        format!("yblint: error: 台灣.txt: not UTF-8 text (invalid UTF-8 at byte {at}), and the encoding cannot be told for sure: it may be GB18030 (GBK) or Big5; name it with --encoding gbk or --encoding big5, or save the draft as UTF-8")
    );
    // Named, it is read and checked: 215 + 1161 = 1376, short of 1386.
    let r = ws.check(&["--encoding", "big5", "--format", "short", "台灣.txt"]);
    assert_eq!(r.code, 1, "{r:?}");
    assert!(r.stdout.contains("the total is 1386 户"), "{}", r.stdout);
    // GBK is still detected.
    let (gbk, _, _) = encoding_rs::GBK
        .encode("全县有城乡低保对象1386户，其中，城市低保对象215户，农村低保对象1161户。\n");
    ws.write("民政.txt", &*gbk);
    let r = ws.check(&["--format", "short", "民政.txt"]);
    assert_eq!(r.code, 1, "{r:?}");
    assert_eq!(
        r.stdout,
        "民政.txt:1:10: error[breakdown-sum] parts add up to 1376 户, but the total is 1386 户\n"
    );
}

#[test]
fn doc_and_wps_files_say_save_as_docx() {
    let ws = Workspace::new();
    ws.write("旧稿.doc", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0");
    ws.write("稿/民政.wps", b"\xD0\xCF\x11\xE0\0\0");
    ws.write("稿/教育.odt", b"PK\x03\x04");
    ws.write("稿/民政.txt", "全县有学校12所。\n");
    let r = ws.check(&["旧稿.doc"]);
    assert_eq!(r.code, 2, "{r:?}");
    assert_eq!(
        r.stderr_lines()[0],
        "yblint: error: 旧稿.doc: a Word 97-2003 (.doc) file, not .docx: save it as .docx (Word Document) and check that"
    );
    let r = ws.check(&["稿"]);
    assert_eq!(r.code, 0, "{r:?}");
    let lines = r.stderr_lines();
    assert!(lines.contains(&"yblint: warning: 稿/民政.wps: not checked: a WPS Office (.wps) file: save it as .docx (Word document) and check that"), "{lines:?}");
    assert!(lines.contains(&"yblint: warning: 稿/教育.odt: not checked: an OpenDocument (.odt) file: save it as .docx (Word document) and check that"), "{lines:?}");
    assert_eq!(
        lines.last(),
        Some(&"checked 1 file: 0 errors, 0 warnings, 0 infos")
    );
}

#[test]
fn the_info_severity_is_info_in_human_output_too() {
    let ws = Workspace::new();
    ws.write("农业.txt", "全县耕地面积35.6万亩。\n");
    let r = ws.check(&["农业.txt"]);
    assert_eq!(r.code, 0, "{r:?}");
    assert!(
        r.stdout
            .starts_with("info[unit-mu-needs-hectare]: `35.6万亩` gives an area in 亩 only"),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains("note["), "{}", r.stdout);
    let r = ws.check(&["--format", "short", "农业.txt"]);
    assert!(r
        .stdout
        .starts_with("农业.txt:1:7: info[unit-mu-needs-hectare]"));
}

// ---------------------------------------------------------------- section 2: flags

#[test]
fn select_ignore_and_extend_select_by_rule_or_category() {
    let ws = Workspace::new();
    ws.write("稿.txt", format!("{WRONG}全县有学校１２所。\n"));
    let rules = |args: &[&str]| -> Vec<String> {
        let mut a = vec!["--format", "short"];
        a.extend_from_slice(args);
        a.push("稿.txt");
        ws.check(&a)
            .stdout
            .lines()
            .map(|l| {
                l.split('[')
                    .nth(1)
                    .unwrap()
                    .split(']')
                    .next()
                    .unwrap()
                    .to_string()
            })
            .collect()
    };
    assert_eq!(rules(&[]), ["breakdown-sum", "num-fullwidth-digits"]);
    assert_eq!(rules(&["--select", "number"]), ["num-fullwidth-digits"]);
    assert_eq!(rules(&["--ignore", "arithmetic"]), ["num-fullwidth-digits"]);
    assert_eq!(
        rules(&["--ignore", "breakdown-sum,number"]),
        Vec::<String>::new()
    );
    assert_eq!(
        rules(&["--select", "number", "--extend-select", "breakdown-sum"]),
        ["breakdown-sum", "num-fullwidth-digits"]
    );
    let r = ws.check(&["--ignore", "breakdown-summ", "稿.txt"]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "yblint: error: unknown rule or category `breakdown-summ`; did you mean `breakdown-sum`?\n"
    );
    // In yblint.toml; --select replaces the file's select.
    ws.write(
        "yblint.toml",
        "select = [\"arithmetic\"]\nignore = [\"punctuation\"]\n",
    );
    assert_eq!(rules(&[]), ["breakdown-sum"]);
    assert_eq!(rules(&["--select", "number"]), ["num-fullwidth-digits"]);
    ws.write("yblint.toml", "ignore = [\"punctuatio\"]\n");
    let r = ws.check(&["稿.txt"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("invalid configuration: unknown rule or category `punctuatio`"),
        "{}",
        r.stderr
    );
}

#[test]
fn stdin_filename_reads_standard_input_as_that_kind_of_file() {
    let ws = Workspace::new();
    let draft = "有城乡特困人员**754**户，其中，城市特困人员21户，农村特困人员723户。\n";
    ws.write("稿.md", draft);
    assert_eq!(ws.check(&["稿.md"]).code, 1);
    let r = stdin_check(&ws, &["--format", "short", "-"], draft);
    assert_eq!((r.code, r.stdout.as_str()), (0, ""), "plain text: {r:?}");
    let r = stdin_check(
        &ws,
        &["--format", "short", "--stdin-filename", "年鉴/稿.md", "-"],
        draft,
    );
    assert_eq!(r.code, 1, "{r:?}");
    assert_eq!(r.stdout, format!("年鉴/稿.md:1:10: {WRONG_MESSAGE}\n"));
    // Its folder's yblint.toml applies.
    ws.write("年鉴/yblint.toml", "ignore = [\"breakdown-sum\"]\n");
    let r = stdin_check(&ws, &["--stdin-filename", "年鉴/稿.md", "-"], draft);
    assert_eq!(r.code, 0, "{r:?}");
}

#[test]
fn quiet_output_file_and_output_format() {
    let ws = Workspace::new();
    ws.write("民政.txt", WRONG);
    let r = ws.check(&["-q", "--output-format", "short", "民政.txt"]);
    assert_eq!(r.code, 1);
    assert_eq!(r.stdout, format!("民政.txt:1:8: {WRONG_MESSAGE}\n"));
    assert_eq!(r.stderr, "");
    let r = ws.check(&["-o", "report.txt", "--format", "short", "民政.txt"]);
    assert_eq!(r.code, 1);
    assert_eq!(r.stdout, "");
    assert_eq!(r.stderr, "checked 1 file: 1 error, 0 warnings, 0 infos\n");
    let written = std::fs::read_to_string(ws.path().join("report.txt")).unwrap();
    assert_eq!(written, format!("民政.txt:1:8: {WRONG_MESSAGE}\n"));
}

#[test]
fn fix_only_and_exit_non_zero_on_fix() {
    let ws = Workspace::new();
    ws.write("a.txt", FULLWIDTH);
    ws.write("b.txt", format!("{FULLWIDTH}{WRONG}"));
    let r = ws.check(&["--fix-only", "a.txt", "b.txt"]);
    assert_eq!(r.code, 0, "errors left are not reported: {r:?}");
    assert_eq!(r.stdout, "");
    assert_eq!(r.stderr, "fixed 1 issue in a.txt\nfixed 1 issue in b.txt\n");
    assert!(std::fs::read_to_string(ws.path().join("a.txt"))
        .unwrap()
        .contains("754户"));
    ws.write("a.txt", FULLWIDTH);
    let r = ws.check(&["--fix", "--exit-non-zero-on-fix", "a.txt"]);
    assert_eq!(r.code, 1, "a fix was applied: {r:?}");
    assert_eq!(
        r.stderr,
        "fixed 1 issue in a.txt\nchecked 1 file: 0 errors, 0 warnings, 0 infos\n"
    );
    let r = ws.check(&["--fix", "--exit-non-zero-on-fix", "a.txt"]);
    assert_eq!(r.code, 0, "nothing left to fix: {r:?}");
    let r = ws.check(&["--exit-non-zero-on-fix", "a.txt"]);
    assert_eq!(r.code, 2);
}

#[test]
fn exclude_force_exclude_and_show_files() {
    let ws = Workspace::new();
    ws.write("年鉴/民政.txt", WRONG);
    ws.write("年鉴/附录/表.md", WRONG);
    ws.write("年鉴/教育.md", WRONG);
    let r = ws.check(&["--show-files", "年鉴"]);
    assert_eq!(r.code, 0);
    assert_eq!(r.stdout, "年鉴/教育.md\n年鉴/民政.txt\n年鉴/附录/表.md\n");
    let r = ws.check(&["--show-files", "--exclude", "附录", "年鉴"]);
    assert_eq!(r.stdout, "年鉴/教育.md\n年鉴/民政.txt\n");
    let r = ws.check(&[
        "--show-files",
        "--exclude",
        "附录",
        "--extend-exclude",
        "*.md",
        "年鉴",
    ]);
    assert_eq!(r.stdout, "年鉴/民政.txt\n");
    // Named files are checked unless --force-exclude.
    let r = ws.check(&["--show-files", "--exclude", "*.md", "年鉴/教育.md"]);
    assert_eq!(r.stdout, "年鉴/教育.md\n");
    let r = ws.check(&["--exclude", "*.md", "--force-exclude", "年鉴/教育.md"]);
    assert_eq!((r.code, r.stdout.as_str()), (0, ""), "{r:?}");
    assert_eq!(r.stderr, "checked 0 files: 0 errors, 0 warnings, 0 infos\n");
    let r = ws.check(&["--exclude", "[", "年鉴"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .starts_with("yblint: error: invalid glob `[` in --exclude"),
        "{}",
        r.stderr
    );
}

#[test]
fn rule_all_prints_every_rule() {
    let ws = Workspace::new();
    let mut cmd = ws.cmd();
    cmd.args(["rule", "--all"]);
    let r = run(&mut cmd);
    assert_eq!(r.code, 0);
    let count = yblint::rules::registry().len();
    for def in yblint::rules::registry() {
        assert!(
            r.stdout
                .lines()
                .any(|l| l.starts_with("# ") && l.contains(def.name)),
            "{} missing",
            def.name
        );
    }
    assert!(count > 50);
    let mut cmd = ws.cmd();
    cmd.args(["rule"]);
    assert_eq!(run(&mut cmd).code, 2, "a name or --all");
}

#[test]
fn force_color_colours_output_that_is_not_a_terminal() {
    let ws = Workspace::new();
    ws.write("民政.txt", WRONG);
    let mut cmd = ws.cmd();
    cmd.env_remove("NO_COLOR")
        .env("FORCE_COLOR", "1")
        .args(["check", "民政.txt"]);
    assert!(run(&mut cmd).stdout.starts_with('\u{1b}'));
    let mut cmd = ws.cmd();
    cmd.env_remove("NO_COLOR")
        .env("CLICOLOR_FORCE", "1")
        .args(["check", "民政.txt"]);
    assert!(run(&mut cmd).stdout.starts_with('\u{1b}'));
    let mut cmd = ws.cmd();
    cmd.env_remove("NO_COLOR").args(["check", "民政.txt"]);
    assert!(run(&mut cmd).stdout.starts_with("error["));
    // NO_COLOR wins.
    let mut cmd = ws.cmd();
    cmd.env("FORCE_COLOR", "1").args(["check", "民政.txt"]);
    assert!(run(&mut cmd).stdout.starts_with("error["));
}

#[test]
fn configuration_errors_name_the_file_as_the_readme_does() {
    let ws = Workspace::new();
    ws.write(
        "yblint.toml",
        "[rules.breakdown-sum]\nseverty = \"warning\"\n",
    );
    ws.write("稿/民政.txt", WRONG);
    let r = ws.check(&["稿/民政.txt"]);
    assert_eq!(r.code, 2, "{r:?}");
    assert!(
        r.stderr_lines()
            .iter()
            .any(|l| l.trim() == "┌─ yblint.toml:2:1"),
        "a path relative to the current folder:\n{}",
        r.stderr
    );
}

#[test]
fn the_readme_and_example_workflow_give_working_steps() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    assert!(readme.contains("cargo install --path . --locked"));
    assert!(readme.contains("`pre-commit install`"));
    assert!(readme.contains("files: ^年鉴/"));
    assert!(
        readme.contains("--format\\ vim\\ %"),
        "the Vim recipe uses byte columns"
    );
    assert!(!readme.contains("rev: v0.1.0"), "no tag v0.1.0 exists");
    let workflow = std::fs::read_to_string(root.join("examples/github-workflow.yml")).unwrap();
    for needed in [
        "security-events: write",
        "actions: read",
        "contents: read",
        "!github.event.pull_request.head.repo.fork",
        "actions/cache@",
        "GitHub Advanced Security",
    ] {
        assert!(workflow.contains(needed), "the workflow lacks {needed}");
    }
}
