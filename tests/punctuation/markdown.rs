//! End to end through the binary: a Markdown draft with lists, tables,
//! links, code and comments, and a plain-text draft fixed with `--fix`.

#[path = "../common/mod.rs"]
mod common;

use common::Workspace;

/// (rule, text of the primary span in the file) of each punctuation or
/// spacing finding.
fn findings(ws: &Workspace, name: &str) -> Vec<(String, String)> {
    let run = ws.check(&["--format", "json", name]);
    let doc = run.json();
    let file = std::fs::read(ws.path().join(name)).expect("draft");
    doc["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| {
            let r = d["rule"].as_str().unwrap_or("");
            r.starts_with("punct-") || r.starts_with("space-")
        })
        .map(|d| {
            let s = d["span"]["start"].as_u64().unwrap() as usize;
            let e = d["span"]["end"].as_u64().unwrap() as usize;
            (
                d["rule"].as_str().unwrap().to_string(),
                String::from_utf8_lossy(&file[s..e]).to_string(),
            )
        })
        .collect()
}

#[test]
fn markdown_syntax_is_not_punctuation() {
    let ws = Workspace::new();
    ws.write(
        "经济.md",
        "---\ntitle: 2021年鉴\n---\n\n## 1.1 经济概况\n\n【地区生产总值】 2021年，全县实现地区生产总值(GDP)235.6亿元，增长4.1%。详见[统计公报](http://tjj.example.gov.cn/gb/2021.html)，或访问 www.example.gov.cn 。\n\n主要做法：\n\n- 加强领导，落实责任\n- 完善制度，强化监督\n\n1. 全县新建公路30千米，投资2亿元\n2. 改造危房35户，投资500万元\n\n| 指标 | 2020年 | 2021年 |\n|---|---:|---:|\n| 生产总值(亿元) | 226.3 | 235.6 |\n\n```\nrate = (a - b) / b; // 增长率\n```\n\n<!-- yblint-disable-next-line breakdown-sum -->\n【旅游】 全年接待游客1,260万人次，上午10:30开幕，比例为1∶2。\n",
    );
    assert_eq!(findings(&ws, "经济.md"), Vec::<(String, String)>::new());
}

#[test]
fn markdown_prose_is_checked_and_mapped_into_the_file() {
    let ws = Workspace::new();
    ws.write(
        "民政.md",
        "## 民政事务\n\n【低保】 全县有**城市低保对象** 239 户,发放资金218.86万元；\n\n【救助】 临时救助206人次。\n",
    );
    assert_eq!(
        findings(&ws, "民政.md"),
        vec![
            ("space-cjk-latin".to_string(), "象** 239 户".to_string()),
            ("punct-ascii-in-cjk".to_string(), ",".to_string()),
            ("punct-paragraph-end".to_string(), "；".to_string()),
        ]
    );
}

#[test]
fn fix_repairs_a_pasted_draft_without_changing_a_figure() {
    let ws = Workspace::new();
    let text = "◆社会救助\n\n【特困供养】 2021 年，全县有特困供养人员 612 户 630 人，其中，城市特困供养人员 38 户 38 人，农\n\n村特困供养人员 574 户 592 人，发放资金 402.16 万元；\n\n【临时救助】 全年临时救助 206 人次。\n";
    ws.write("救助.txt", text);
    let run = ws.check(&["--fix", "救助.txt"]);
    assert!(run.code == 0 || run.code == 1, "{}", run.stderr);
    let after = std::fs::read_to_string(ws.path().join("救助.txt")).unwrap();
    assert_eq!(
        after,
        "◆社会救助\n\n【特困供养】 2021年，全县有特困供养人员612户630人，其中，城市特困供养人员38户38人，农村特困供养人员574户592人，发放资金402.16万元。\n\n【临时救助】 全年临时救助206人次。\n"
    );
    let digits = |t: &str| t.chars().filter(char::is_ascii_digit).collect::<String>();
    assert_eq!(digits(&after), digits(text));
    assert!(
        findings(&ws, "救助.txt").is_empty(),
        "a fixed draft checks clean"
    );
}
