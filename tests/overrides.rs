//! Per-path settings: `[[overrides]]` in yblint.toml, matched by globs
//! relative to the file's folder.

mod common;

use common::{diags_of, run, Workspace};

const WRONG: &str = "有城乡特困人员754户，其中，城市特困人员21户，农村特困人员723户。\n";

fn severities(ws: &Workspace, dir: &str, args: &[&str], text: &str) -> (Vec<String>, i32) {
    let mut cmd = ws.cmd();
    cmd.current_dir(ws.path().join(dir)).arg("check").args(args);
    let r = run(&mut cmd);
    assert!(r.code == 0 || r.code == 1, "{}", r.stderr);
    let sev = diags_of(&r.json(), "breakdown-sum", text.as_bytes())
        .into_iter()
        .map(|d| d.severity)
        .collect();
    (sev, r.code)
}

#[test]
fn a_severity_under_a_path_glob() {
    let ws = Workspace::new();
    ws.write(
        "yblint.toml",
        "[[overrides]]\nfiles = [\"附录/**\"]\n[overrides.rules.breakdown-sum]\nseverity = \"warning\"\n",
    );
    ws.write("附录/统计表/民政.txt", WRONG);
    ws.write("正文/民政.txt", WRONG);
    let (sev, code) = severities(
        &ws,
        ".",
        &["--format", "json", "附录/统计表/民政.txt"],
        WRONG,
    );
    assert_eq!((sev, code), (vec!["warning".to_string()], 0));
    let (sev, code) = severities(&ws, ".", &["--format", "json", "正文/民政.txt"], WRONG);
    assert_eq!((sev, code), (vec!["error".to_string()], 1));
    // Globs are relative to the yblint.toml's folder, not to where yblint runs.
    let (sev, _) = severities(&ws, "附录/统计表", &["--format", "json", "民政.txt"], WRONG);
    assert_eq!(sev, vec!["warning".to_string()]);
}

#[test]
fn later_overrides_win() {
    let ws = Workspace::new();
    ws.write(
        "yblint.toml",
        "[rules.breakdown-sum]\nseverity = \"error\"\n\n[[overrides]]\nfiles = [\"附录/**\"]\n[overrides.rules.breakdown-sum]\nseverity = \"warning\"\n\n[[overrides]]\nfiles = [\"附录/旧稿/*.txt\"]\n[overrides.rules.breakdown-sum]\nseverity = \"info\"\n",
    );
    ws.write("附录/旧稿/a.txt", WRONG);
    ws.write("附录/b.txt", WRONG);
    let (sev, _) = severities(&ws, ".", &["--format", "json", "附录/旧稿/a.txt"], WRONG);
    assert_eq!(sev, vec!["info".to_string()]);
    let (sev, _) = severities(&ws, ".", &["--format", "json", "附录/b.txt"], WRONG);
    assert_eq!(sev, vec!["warning".to_string()]);
    // `*` does not cross a folder.
    ws.write("附录/旧稿/更旧/c.txt", WRONG);
    let (sev, _) = severities(
        &ws,
        ".",
        &["--format", "json", "附录/旧稿/更旧/c.txt"],
        WRONG,
    );
    assert_eq!(sev, vec!["warning".to_string()]);
}

#[test]
fn a_word_list_under_a_path_glob() {
    // In the appendix, households registered in two places are counted in
    // both parts: a note with 两地登记 turns the check off there only.
    let text = "有城乡特困人员754户，其中，城市特困人员21户，农村特困人员745户。两地登记的困难户分别计入。\n";
    let ws = Workspace::new();
    ws.write(
        "yblint.toml",
        "[[overrides]]\nfiles = [\"附录/**\"]\n[overrides.rules.breakdown-sum]\noverlap_notes = [\"重复计算\", \"两地登记\"]\n",
    );
    ws.write("附录/民政.txt", text);
    ws.write("民政.txt", text);
    let (sev, code) = severities(&ws, ".", &["--format", "json", "附录/民政.txt"], text);
    assert_eq!((sev, code), (vec![], 0));
    let (sev, code) = severities(&ws, ".", &["--format", "json", "民政.txt"], text);
    assert_eq!((sev, code), (vec!["error".to_string()], 1));
    // Both files in one run: each gets its own settings.
    let (sev, code) = severities(&ws, ".", &["--format", "json", "."], text);
    assert_eq!((sev, code), (vec!["error".to_string()], 1));
}

#[test]
fn errors_in_overrides_point_into_the_file() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "[[overrides]]\nfiles = [\"附录/**\"]\n[overrides.rules.breakdown-sum]\nseverty = \"warning\"\n",
            "severty",
            "unknown field `severty`",
        ),
        (
            "[[overrides]]\nfiles = [\"附录/**\"]\n[overrides.rules.breakdown-sum]\nseverity = \"loud\"\n",
            "\"loud\"",
            "invalid severity",
        ),
        (
            "[[overrides]]\nfiles = [\"附录/**\"]\n[overrides.rules.breakdown-summ]\nseverity = \"info\"\n",
            "breakdown-summ",
            "unknown rule `breakdown-summ`; did you mean `breakdown-sum`?",
        ),
        (
            "[[overrides]]\nfiles = [\"附录/[\"]\n",
            "\"附录/[\"",
            "invalid glob",
        ),
        (
            "[[overrides]]\nfile = [\"附录/**\"]\n",
            "file",
            "unknown key `file` in [[overrides]]; expected `files` or `rules`; did you mean `files`?",
        ),
        (
            "[[overrides]]\n[overrides.rules.breakdown-sum]\nseverity = \"info\"\n",
            "",
            "needs `files`",
        ),
    ];
    for (toml, at, message) in cases {
        let ws = Workspace::new();
        ws.write("yblint.toml", toml);
        ws.write("附录/a.txt", WRONG);
        let r = ws.check(&["附录/a.txt"]);
        assert_eq!(r.code, 2, "{toml}\n{}", r.stderr);
        assert!(r.stderr.contains(message), "{toml}\n{}", r.stderr);
        assert!(r.stderr.contains("yblint.toml:"), "{}", r.stderr);
        if !at.is_empty() {
            let line = toml.lines().position(|l| l.contains(at)).unwrap() + 1;
            let col = toml.lines().nth(line - 1).unwrap().find(at).unwrap() + 1;
            assert!(
                r.stderr.contains(&format!("yblint.toml:{line}:{col}")),
                "{toml}\n{}",
                r.stderr
            );
        }
    }
}
