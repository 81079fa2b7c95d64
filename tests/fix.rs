//! `yblint check --fix`, `--unsafe-fixes` and `--diff` as a user runs them:
//! what is written, what is printed, and what is left alone.

mod common;

use common::{run, yblint, Workspace};

/// A draft with full-width digits: two safe fixes (`２０２３`, `１２．５`) and
/// one unsafe one (`１２，４５０`, whose comma might be a clause mark).
const DRAFT: &str =
    "【经济概况】２０２３年，全县实现地区生产总值１２．５亿元，接待游客１２，４５０人次。\n";
const SAFE_FIXED: &str =
    "【经济概况】2023年，全县实现地区生产总值12.5亿元，接待游客１２，４５０人次。\n";
const ALL_FIXED: &str = "【经济概况】2023年，全县实现地区生产总值12.5亿元，接待游客12,450人次。\n";

fn digits(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '0'..='9' => Some(c),
            '０'..='９' => char::from_u32(c as u32 - 0xFF10 + 0x30),
            _ => None,
        })
        .collect()
}

fn read(ws: &Workspace, rel: &str) -> Vec<u8> {
    std::fs::read(ws.path().join(rel)).unwrap()
}

#[test]
fn fix_rewrites_the_safe_fixes_and_reports_what_remains() {
    let ws = Workspace::new();
    ws.write("概况.txt", DRAFT);
    let r = ws.check(&["--fix", "--format", "json", "概况.txt"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        String::from_utf8(read(&ws, "概况.txt")).unwrap(),
        SAFE_FIXED
    );
    assert!(
        r.stderr.contains("fixed 2 issues in 概况.txt"),
        "{}",
        r.stderr
    );
    // What remains is reported on the fixed text: the unsafe one.
    let doc = r.json();
    let diags = doc["diagnostics"].as_array().unwrap();
    assert_eq!(diags.len(), 1, "{doc}");
    assert_eq!(diags[0]["rule"], "num-fullwidth-digits");
    let (s, e) = (
        diags[0]["span"]["start"].as_u64().unwrap() as usize,
        diags[0]["span"]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&SAFE_FIXED[s..e], "１２，４５０");
    assert_eq!(digits(SAFE_FIXED), digits(DRAFT));

    // With --unsafe-fixes the rest goes too; the digits are the same.
    let r = ws.check(&["--fix", "--unsafe-fixes", "概况.txt"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(String::from_utf8(read(&ws, "概况.txt")).unwrap(), ALL_FIXED);
    assert!(
        r.stderr.contains("fixed 1 issue in 概况.txt"),
        "{}",
        r.stderr
    );
    assert_eq!(digits(ALL_FIXED), digits(DRAFT));
    // The fixed file checks clean for the rule.
    let r = ws.check(&["概况.txt"]);
    assert_eq!((r.code, r.stdout.as_str()), (0, ""), "{}", r.stderr);
}

#[test]
fn fixing_twice_changes_nothing() {
    let ws = Workspace::new();
    ws.write("a.txt", DRAFT);
    let first = ws.check(&["--fix", "a.txt"]);
    assert_eq!(first.code, 0);
    let after_first = read(&ws, "a.txt");
    let second = ws.check(&["--fix", "a.txt"]);
    assert_eq!(second.code, 0);
    assert_eq!(read(&ws, "a.txt"), after_first);
    assert!(!second.stderr.contains("fixed"), "{}", second.stderr);
    let diff = ws.check(&["--diff", "a.txt"]);
    assert_eq!((diff.code, diff.stdout.as_str()), (0, ""));
}

#[test]
fn diff_prints_a_unified_diff_and_writes_nothing() {
    let ws = Workspace::new();
    let text = "◆经济\n全县有企业36家。\n２０２３年实现产值１２．５亿元。\n其他略。\n";
    ws.write("b.txt", text);
    let r = ws.check(&["--diff", "b.txt"]);
    assert_eq!(r.code, 1, "a diff to apply exits 1; {}", r.stderr);
    assert_eq!(
        r.stdout,
        "--- a/b.txt\n+++ b/b.txt\n@@ -1,4 +1,4 @@\n ◆经济\n 全县有企业36家。\n-２０２３年实现产值１２．５亿元。\n+2023年实现产值12.5亿元。\n 其他略。\n"
    );
    assert!(
        r.stderr.contains("would fix 2 issues in b.txt"),
        "{}",
        r.stderr
    );
    assert_eq!(read(&ws, "b.txt"), text.as_bytes());
    // Nothing to fix: no diff, exit 0, whatever the other findings.
    ws.write(
        "c.txt",
        "有特困人员754户，其中，城市特困人员21户，农村特困人员723户。\n",
    );
    let r = ws.check(&["--diff", "c.txt"]);
    assert_eq!((r.code, r.stdout.as_str()), (0, ""), "{}", r.stderr);
}

#[test]
fn fix_keeps_permissions_crlf_and_bom() {
    use std::os::unix::fs::PermissionsExt;
    let ws = Workspace::new();
    let crlf = "第一行２０２３年。\r\n全县有学校１２所。\r\n";
    let p = ws.write("crlf.txt", crlf);
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o640)).unwrap();
    let bom = "\u{FEFF}全县有学校１２所。\n";
    ws.write("bom.txt", bom);
    let r = ws.check(&["--fix", "crlf.txt", "bom.txt"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        read(&ws, "crlf.txt"),
        "第一行2023年。\r\n全县有学校12所。\r\n".as_bytes()
    );
    let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    assert_eq!(
        read(&ws, "bom.txt"),
        "\u{FEFF}全县有学校12所。\n".as_bytes()
    );
    // No temporary file is left beside the drafts.
    let names: Vec<String> = std::fs::read_dir(ws.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

/// Makes a folder unwritable even for root (chattr +i) when chmod is not
/// enough; undoes it on drop.
struct ReadOnly(std::path::PathBuf, bool);

impl Drop for ReadOnly {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        if self.1 {
            let _ = std::process::Command::new("chattr")
                .arg("-i")
                .arg(&self.0)
                .status();
        }
        let _ = std::fs::set_permissions(&self.0, std::fs::Permissions::from_mode(0o755));
    }
}

#[test]
fn read_only_folder_is_an_error_and_the_file_is_unchanged() {
    use std::os::unix::fs::PermissionsExt;
    let ws = Workspace::new();
    let dir = ws.path().join("只读");
    std::fs::create_dir(&dir).unwrap();
    let p = dir.join("a.txt");
    std::fs::write(&p, DRAFT).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    let mut guard = ReadOnly(dir.clone(), false);
    if std::fs::write(dir.join("probe"), "x").is_ok() {
        // Running as root: chmod does not stop us.
        let _ = std::fs::remove_file(dir.join("probe"));
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        let ok = std::process::Command::new("chattr")
            .arg("+i")
            .arg(&dir)
            .status()
            .is_ok_and(|s| s.success());
        guard.1 = ok;
        assert!(
            std::fs::write(dir.join("probe"), "x").is_err(),
            "cannot make a read-only folder here"
        );
    }
    let r = ws.check(&["--fix", "只读/a.txt"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("yblint: error: 只读/a.txt: cannot write the fixed file:")
            && r.stderr.contains("file unchanged"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("fixed 2 issues"), "{}", r.stderr);
    // The findings of the unchanged file are still reported.
    assert_eq!(r.stdout.matches("warning[num-fullwidth-digits]").count(), 3);
    drop(guard);
    assert_eq!(std::fs::read(&p).unwrap(), DRAFT.as_bytes());
}

#[test]
fn stdin_fix_prints_the_fixed_text() {
    let mut cmd = yblint();
    cmd.args(["check", "--fix", "-"]).write_stdin(DRAFT);
    let r = run(&mut cmd);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, SAFE_FIXED);
    // The remaining finding goes to standard error with the summary.
    assert!(
        r.stderr
            .contains("warning[num-fullwidth-digits]: full-width digits in `１２，４５０`"),
        "{}",
        r.stderr
    );
}

#[test]
fn unsafe_fixes_needs_fix_or_diff() {
    let ws = Workspace::new();
    ws.write("a.txt", DRAFT);
    let r = ws.check(&["--unsafe-fixes", "a.txt"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("--unsafe-fixes"), "{}", r.stderr);
    assert_eq!(read(&ws, "a.txt"), DRAFT.as_bytes());
}

#[test]
fn json_and_human_show_the_fix() {
    let ws = Workspace::new();
    let text = "接待游客１２，４５０人次，增长２．５%。\n";
    ws.write("a.txt", text);
    let r = ws.check(&["--format", "json", "a.txt"]);
    let doc = r.json();
    let d = &doc["diagnostics"];
    assert_eq!(d.as_array().unwrap().len(), 2);
    let fix = &d[0]["fix"];
    assert_eq!(fix["message"], "write `12,450`");
    assert_eq!(fix["applicability"], "unsafe");
    let edit = &fix["edits"][0];
    let (s, e) = (
        edit["span"]["start"].as_u64().unwrap() as usize,
        edit["span"]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], "１２，４５０");
    assert_eq!(edit["span"]["column"], 5);
    assert_eq!(edit["replacement"], "12,450");
    assert_eq!(d[1]["fix"]["applicability"], "safe");
    // A diagnostic without a fix says so with null.
    ws.write(
        "b.txt",
        "有特困人员754户，其中，城市特困人员21户，农村特困人员723户。\n",
    );
    let r = ws.check(&["--format", "json", "b.txt"]);
    assert!(r.json()["diagnostics"][0]["fix"].is_null());

    let r = ws.check(&["a.txt"]);
    assert!(
        r.stdout
            .contains("= help: write `12,450` (unsafe fix: yblint check --fix --unsafe-fixes)"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("= help: write `2.5` (yblint check --fix)"),
        "{}",
        r.stdout
    );
}

#[test]
fn a_fixed_breakdown_keeps_its_figures() {
    // Full-width digits in a wrong breakdown: the fix changes their form,
    // never their value, and the arithmetic error is still there.
    let ws = Workspace::new();
    let text = "有城乡特困人员７５４户，其中，城市特困人员２１户，农村特困人员７２３户。\n";
    ws.write("a.txt", text);
    let r = ws.check(&["--fix", "a.txt"]);
    assert_eq!(r.code, 1, "the error remains: {}", r.stderr);
    let fixed = String::from_utf8(read(&ws, "a.txt")).unwrap();
    assert_eq!(
        fixed,
        "有城乡特困人员754户，其中，城市特困人员21户，农村特困人员723户。\n"
    );
    assert!(
        r.stdout
            .contains("error[breakdown-sum]: parts add up to 744 户, but the total is 754 户"),
        "{}",
        r.stdout
    );
    assert!(r.stderr.contains("fixed 3 issues in a.txt"));
}

/// The runs of digits of `s`: the figures as written.
fn figures(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_ascii_digit() && !('０'..='９').contains(&c))
        .filter(|r| !r.is_empty())
        .map(digits)
        .collect()
}

/// Figures of a table pasted as text, a blank line between them: no fix,
/// safe or unsafe, joins them (`487614251014.70`). They are cells, one a
/// line, not a figure split by a page break, so nothing is reported
/// (issue 15: `8.60` / `521.51` read as one figure was a false alarm).
#[test]
fn unsafe_fixes_never_join_two_figures() {
    let ws = Workspace::new();
    let draft = "产量48761\n\n42510\n\n14.70\n";
    ws.write("粮食.txt", draft);
    let r = ws.check(&["--fix", "--unsafe-fixes", "--format", "json", "粮食.txt"]);
    assert_eq!(r.code, 0, "{r:?}");
    assert_eq!(String::from_utf8(read(&ws, "粮食.txt")).unwrap(), draft);
    let found: Vec<(String, String)> = r.json()["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let rule = d["rule"].as_str().unwrap().to_string();
            (rule, d["message"].as_str().unwrap().to_string())
        })
        .collect();
    assert_eq!(found, Vec::<(String, String)>::new());

    // In an entry the other joins are made, and every figure stays itself.
    let draft = "【粮食生产】全县粮食播种面积、总产量、单产分别为\n\n48761\n\n42510\n\n14.70\n\n产量48761\n\n42510\n\n14.70\n";
    ws.write("粮食.txt", draft);
    let r = ws.check(&["--fix", "--unsafe-fixes", "粮食.txt"]);
    assert!(r.code == 0 || r.code == 1, "{r:?}");
    let after = String::from_utf8(read(&ws, "粮食.txt")).unwrap();
    assert_eq!(figures(&after), figures(draft), "{after}");
    assert_eq!(
        figures(draft),
        ["48761", "42510", "14", "70", "48761", "42510", "14", "70"]
    );
}
