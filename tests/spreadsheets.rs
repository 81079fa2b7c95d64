//! Spreadsheets and real Word files: an `.xlsx` written with
//! `rust_xlsxwriter`, CSV files in UTF-8 and GBK, a `.docx` written with
//! `docx-rs`. Each holds a yearbook table in the style of real drafts; a
//! wrong 合计 is reported with its rule, cell and message, its twin that
//! adds up is silent, and a damaged workbook is refused without costing the
//! other files of the run. The tables are written for these tests; the
//! arithmetic is in the comments.

mod common;

use common::{diags_of, Workspace};
use rust_xlsxwriter::{Formula, Workbook};
use serde_json::Value;

/// One cell to write: (row, column) 0-based as the writer counts, and a
/// string, a number, or a formula with its cached result.
enum W {
    S(&'static str),
    N(f64),
    F(&'static str, &'static str),
}

/// A 分乡镇 population table as a yearbook's 统计资料 prints it: a title, a
/// unit line, years as column headers, a 合计 row, two numbered groups of
/// townships (`一、城关片区`, a formula with its cached value), a 其中 row
/// under 城关镇 whose 2023 cell is empty (城区 was set up in 2024), a share
/// column in percent and a note.
///
/// 2023: 21000 + 12100 = 33100, 10840 + 8400 = 19240, 33100 + 19240 = 52340.
/// 2024: 21500 + 12260 = 33760, 10990 + 8260 = 19250, 33760 + 19250 = 53010.
/// Shares of 53010: 63.7, 40.6, 23.1, 36.3, 20.7, 15.6; 城区 15600 → 29.4.
fn population(total_2024: f64) -> Vec<(u32, u16, W)> {
    use W::*;
    let mut cells = vec![
        (0, 0, S("表2-1  2024年各乡镇户籍人口")),
        (1, 3, S("单位：人")),
        (2, 0, S("乡镇")),
        (2, 1, S("2023年")),
        (2, 2, S("2024年")),
        (2, 3, S("比重（%）")),
        (3, 0, S("合计")),
        (3, 1, N(52340.0)),
        (3, 2, N(total_2024)),
        (3, 3, N(100.0)),
        (4, 0, S("一、城关片区")),
        (4, 1, F("=B6+B8", "33100")),
        (4, 2, F("=C6+C8", "33760")),
        (4, 3, N(63.7)),
        (5, 0, S("城关镇")),
        (5, 1, N(21000.0)),
        (5, 2, N(21500.0)),
        (5, 3, N(40.6)),
        (6, 0, S("  其中：城区")),
        (6, 2, N(15600.0)),
        (6, 3, N(29.4)),
        (7, 0, S("东坪镇")),
        (7, 1, N(12100.0)),
        (7, 2, N(12260.0)),
        (7, 3, N(23.1)),
        (8, 0, S("二、山区片区")),
        (8, 1, F("=B10+B11", "19240")),
        (8, 2, F("=C10+C11", "19250")),
        (8, 3, N(36.3)),
        (9, 0, S("西岭乡")),
        (9, 1, N(10840.0)),
        (9, 2, N(10990.0)),
        (9, 3, N(20.7)),
        (10, 0, S("南山乡")),
        (10, 1, N(8400.0)),
        (10, 2, N(8260.0)),
        (10, 3, N(15.6)),
        (12, 0, S("注：户籍人口为公安部门年末数。")),
    ];
    cells.sort_by_key(|c| (c.0, c.1));
    cells
}

/// The bytes of an `.xlsx` with one sheet named `sheet` holding `cells`.
fn xlsx(sheet: &str, cells: &[(u32, u16, W)]) -> Vec<u8> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(sheet).unwrap();
    for (r, c, w) in cells {
        match w {
            W::S(s) => ws.write_string(*r, *c, *s).map(|_| ()),
            W::N(n) => ws.write_number(*r, *c, *n).map(|_| ()),
            W::F(f, v) => ws
                .write_formula(*r, *c, Formula::new(*f).set_result(*v))
                .map(|_| ()),
        }
        .unwrap();
    }
    book.save_to_buffer().unwrap()
}

/// The diagnostics of a JSON document as (rule, severity, message, cell
/// reference, line, column).
fn found(doc: &Value) -> Vec<(String, String, String, String, u64, u64)> {
    doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["severity"].as_str().unwrap().to_string(),
                d["message"].as_str().unwrap().to_string(),
                d["cell"]["ref"].as_str().unwrap_or("").to_string(),
                d["span"]["line"].as_u64().unwrap(),
                d["span"]["column"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// A 合计 one off its members in a workbook: 33760 + 19250 = 53010, not
/// 53000 (the townships are not added to their group's row a second time,
/// and the 其中 row is not added at all). Reported at the
/// 合计 cell, named `人口!C4`, in the JSON and the human outputs.
#[test]
fn xlsx_total_one_off_is_reported_at_its_cell() {
    let ws = Workspace::new();
    ws.write("人口.xlsx", xlsx("人口", &population(53000.0)));
    let run = ws.check(&["--format", "json", "人口.xlsx"]);
    assert_eq!(run.code, 1, "{run:?}");
    let doc = run.json();
    // The text view: row 4 is line 4, `合计\t52340\t53000`.
    assert_eq!(
        found(&doc),
        [(
            "table-sum".to_string(),
            "error".to_string(),
            "table row `合计`, column `2024年`: the members add up to 53010, but the total is 53000"
                .to_string(),
            "人口!C4".to_string(),
            4,
            10,
        )]
    );
    let d = &doc["diagnostics"][0];
    assert_eq!(
        d["cell"],
        serde_json::json!({"sheet": "人口", "row": 4, "column": 3, "ref": "人口!C4"})
    );
    let human = ws.check(&["人口.xlsx"]);
    assert_eq!(human.code, 1);
    // Tabs of the text view are shown as spaces; the note names the cell.
    assert_eq!(
        human.stdout,
        "error[table-sum]: table row `合计`, column `2024年`: the members add up to 53010, but the total is 53000
  ┌─ 人口.xlsx:4:10
  │
4 │ 合计    52340   53000   100
  │                 ^^^^^ total
5 │ 一、城关片区    33100   33760   63.7
  │                         ----- member
  ·
9 │ 二、山区片区    19240   19250   36.3
  │                         ----- member
  │
  = at 人口.xlsx:人口!C4

"
    );
}

/// The same workbook adding up: nothing to say, and `--fix` leaves the file
/// as it was, saying that it does not rewrite workbooks.
#[test]
fn xlsx_that_adds_up_is_silent_and_never_rewritten() {
    let ws = Workspace::new();
    let bytes = xlsx("人口", &population(53010.0));
    let path = ws.write("人口.xlsx", &bytes);
    let run = ws.check(&["--format", "json", "人口.xlsx"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(found(&run.json()), []);
    let fix = ws.check(&["--fix", "人口.xlsx"]);
    assert_eq!(fix.code, 0, "{fix:?}");
    assert!(
        fix.stderr.contains(
            "人口.xlsx: not fixed: yblint does not rewrite workbooks or CSV files (fix it in the spreadsheet)"
        ),
        "{}",
        fix.stderr
    );
    assert_eq!(std::fs::read(path).unwrap(), bytes);
}

/// A share stored as a fraction under `比重（%）` (Excel shows 0.406 as
/// 40.6%) is read in percent: the twin is silent, and a share off by a
/// point (0.416 for 40.6) is reported at its cell.
#[test]
fn xlsx_shares_stored_as_fractions_are_read_in_percent() {
    let fractions = |wrong: bool| -> Vec<(u32, u16, W)> {
        population(53010.0)
            .into_iter()
            .map(|(r, c, w)| match (c, w) {
                (3, W::N(n)) if wrong && r == 5 => (r, c, W::N(n / 100.0 + 0.01)),
                (3, W::N(n)) => (r, c, W::N(n / 100.0)),
                (_, w) => (r, c, w),
            })
            .collect()
    };
    let ws = Workspace::new();
    ws.write("对.xlsx", xlsx("Sheet1", &fractions(false)));
    ws.write("错.xlsx", xlsx("Sheet1", &fractions(true)));
    let ok = ws.check(&["--format", "json", "对.xlsx"]);
    assert_eq!(found(&ok.json()), [], "{ok:?}");
    let bad = ws.check(&["--format", "json", "错.xlsx"]);
    let got = found(&bad.json());
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(
        (got[0].0.as_str(), got[0].3.as_str()),
        ("table-share", "Sheet1!D6")
    );
}

/// Every sheet of a workbook is read: the first adds up, the second (whose
/// name needs quotes) has the wrong 合计, named `'2024 年'!C4`; its line is
/// that of the text view, where the second sheet follows the first after a
/// blank line (its 12 filled rows, the blank, then row 4 on line 17).
#[test]
fn every_sheet_is_read_and_named() {
    let mut book = Workbook::new();
    for (name, total) in [("2023年", 53010.0), ("2024 年", 53000.0)] {
        let ws = book.add_worksheet();
        ws.set_name(name).unwrap();
        for (r, c, w) in population(total) {
            match w {
                W::S(s) => ws.write_string(r, c, s).map(|_| ()),
                W::N(n) => ws.write_number(r, c, n).map(|_| ()),
                W::F(f, v) => ws
                    .write_formula(r, c, Formula::new(f).set_result(v))
                    .map(|_| ()),
            }
            .unwrap();
        }
    }
    let ws = Workspace::new();
    ws.write("两年.xlsx", book.save_to_buffer().unwrap());
    let run = ws.check(&["--format", "json", "两年.xlsx"]);
    let got = found(&run.json());
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(
        (got[0].0.as_str(), got[0].3.as_str(), got[0].4),
        ("table-sum", "'2024 年'!C4", 17)
    );
}

/// A password-protected workbook (an OLE file holding an
/// `EncryptedPackage` stream) is refused with a message that says so.
#[test]
fn encrypted_xlsx_is_refused_and_says_why() {
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(512, 0);
    ole.extend(
        "EncryptedPackage"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes()),
    );
    ole.resize(2048, 0);
    let ws = Workspace::new();
    ws.write("加密.xlsx", &ole);
    let run = ws.check(&["加密.xlsx"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr.contains(
            "加密.xlsx: password-protected (encrypted) workbook: yblint cannot read it; save a copy without a password"
        ),
        "{}",
        run.stderr
    );
}

/// A population table as CSV, as Excel saves it (`1,250` in quotes when
/// it has a thousands comma): each group of townships closed by its 小计,
/// the 其中 row's 2023 cell empty. Group 2: 10990 + 8260 = 19250.
fn population_csv(subtotal_2024: &str) -> String {
    format!(
        "表2-1  2024年各乡镇户籍人口,,,\n,,,单位：人\n乡镇,2023年,2024年,比重（%）\n合计,\"52,340\",\"53,010\",100.0\n城关镇,\"21,000\",\"21,500\",40.6\n  其中：城区,,\"15,600\",29.4\n东坪镇,\"12,100\",\"12,260\",23.1\n小计,\"33,100\",\"33,760\",63.7\n西岭乡,\"10,840\",\"10,990\",20.7\n南山乡,\"8,400\",\"8,260\",15.6\n小计,\"19,240\",\"{subtotal_2024}\",36.3\n,,,\n注：户籍人口为公安部门年末数。,,,\n"
    )
}

/// A CSV file in UTF-8 with a byte-order mark (as Excel writes it): a 小计
/// ten over its group (19260 for 19250) is located in the file itself,
/// line 11, inside its quotes.
#[test]
fn csv_in_utf8_is_located_in_the_file() {
    let text = format!("\u{FEFF}{}", population_csv("19,260"));
    let ws = Workspace::new();
    ws.write("人口.csv", &text);
    let run = ws.check(&["--format", "json", "人口.csv"]);
    assert_eq!(run.code, 1, "{run:?}");
    let doc = run.json();
    let diags = diags_of(&doc, "table-sum", text.as_bytes());
    assert_eq!(diags.len(), 1, "{diags:#?}");
    let d = &diags[0];
    assert_eq!(
        d.message,
        "table row `小计`, column `2024年`: the members add up to 19250, but the total is 19260"
    );
    assert_eq!((d.primary.text.as_str(), d.primary.line), ("19,260", 11));
    let members: Vec<&str> = d.secondary.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(members, ["10,990", "8,260"]);
    assert_eq!(
        doc["diagnostics"][0]["cell"],
        serde_json::json!({"row": 11, "column": 3, "ref": "C11"})
    );
    ws.write("对.csv", format!("\u{FEFF}{}", population_csv("19,250")));
    let ok = ws.check(&["对.csv"]);
    assert_eq!(ok.code, 0, "{ok:?}");
}

/// The same CSV in GBK (as a Chinese Windows saves it): read as GB18030,
/// the span given in the file's own bytes.
#[test]
fn csv_in_gbk_is_decoded_and_located_in_its_bytes() {
    let text = population_csv("19,260");
    let (bytes, _, bad) = encoding_rs::GBK.encode(&text);
    assert!(!bad);
    let ws = Workspace::new();
    ws.write("人口.csv", &bytes);
    let run = ws.check(&["--format", "json", "人口.csv"]);
    assert_eq!(run.code, 1, "{run:?}");
    let doc = run.json();
    let d = &doc["diagnostics"][0];
    assert_eq!(d["rule"], "table-sum");
    assert_eq!(d["encoding"], "GB18030");
    assert_eq!(d["cell"]["ref"], "C11");
    let (start, end) = (
        d["span"]["start"].as_u64().unwrap() as usize,
        d["span"]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&bytes[start..end], b"19,260");
    let twin = population_csv("19,250");
    let (ok, _, _) = encoding_rs::GBK.encode(&twin);
    ws.write("对.csv", &ok);
    assert_eq!(ws.check(&["对.csv"]).code, 0);
}

/// A damaged workbook (random bytes named `.xlsx`) is refused with a clear
/// message and exit code 2; the other files of the folder are still
/// checked, a folder walk picks up `.xlsx` and `.csv`, and Excel's `~$`
/// lock file is left alone.
#[test]
fn damaged_xlsx_is_refused_and_the_others_checked() {
    let ws = Workspace::new();
    let mut noise = Vec::new();
    let mut x: u32 = 2463534242;
    for _ in 0..2000 {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        noise.push(x as u8);
    }
    ws.write("稿/损坏.xlsx", &noise);
    ws.write("稿/~$人口.xlsx", b"\x04owner");
    ws.write("稿/人口.xlsx", xlsx("人口", &population(53000.0)));
    ws.write("稿/人口.csv", population_csv("19,260"));
    let run = ws.check(&["--format", "json", "稿"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr.contains(
            "损坏.xlsx: not a readable workbook: not an Excel (.xlsx) workbook, or damaged"
        ),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("~$"), "{}", run.stderr);
    let doc = run.json();
    let mut paths: Vec<(&str, &str)> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap(),
                d["cell"]["ref"].as_str().unwrap(),
            )
        })
        .collect();
    paths.sort();
    assert_eq!(paths, [("稿/人口.csv", "C11"), ("稿/人口.xlsx", "人口!C4")]);
}

/// A Word file written with `docx-rs`: a title paragraph, the table with a
/// wrong 合计 (8200 + 7000 = 15200, not 15300), located in its paragraph
/// and cell; the twin that adds up is silent.
#[test]
fn docx_written_by_a_word_library_has_its_table_checked() {
    use docx_rs::{Docx, Paragraph, Run, Table, TableCell, TableRow};
    let make = |total: &str| {
        let cell = |t: &str| {
            TableCell::new().add_paragraph(Paragraph::new().add_run(Run::new().add_text(t)))
        };
        let row = |cells: &[&str]| TableRow::new(cells.iter().map(|c| cell(c)).collect());
        let mut out = std::io::Cursor::new(Vec::new());
        Docx::new()
            .add_paragraph(Paragraph::new().add_run(Run::new().add_text("各乡镇耕地面积")))
            .add_table(Table::new(vec![
                row(&["乡镇", "耕地面积（亩）"]),
                row(&["合计", total]),
                row(&["东坪镇", "8200"]),
                row(&["西岭乡", "7000"]),
            ]))
            .build()
            .pack(&mut out)
            .unwrap();
        out.into_inner()
    };
    let ws = Workspace::new();
    ws.write("耕地.docx", make("15300"));
    let run = ws.check(&["--format", "json", "耕地.docx"]);
    assert_eq!(run.code, 1, "{run:?}");
    let doc = run.json();
    let d = &doc["diagnostics"][0];
    assert_eq!(doc["diagnostics"].as_array().unwrap().len(), 1, "{doc}");
    assert_eq!(d["rule"], "table-sum");
    assert_eq!(
        d["message"],
        "table row `合计`, column `耕地面积（亩）`: the members add up to 15200, but the total is 15300"
    );
    assert_eq!(
        d["cell"],
        serde_json::json!({"table": 1, "row": 2, "column": 2})
    );
    ws.write("对.docx", make("15200"));
    assert_eq!(ws.check(&["对.docx"]).code, 0);
}

/// A real workbook cut short at several places is refused with the
/// damaged-workbook message, never an internal error.
#[test]
fn truncated_xlsx_is_refused_not_crashed_on() {
    let whole = xlsx("人口", &population(53010.0));
    let ws = Workspace::new();
    for cut in [8, whole.len() / 3, whole.len() / 2, whole.len() - 30] {
        ws.write("截断.xlsx", &whole[..cut]);
        let run = ws.check(&["截断.xlsx"]);
        assert_eq!(run.code, 2, "cut at {cut}: {run:?}");
        assert!(
            run.stderr.contains("截断.xlsx: not a readable workbook"),
            "cut at {cut}: {}",
            run.stderr
        );
        assert!(!run.stderr.contains("internal error"), "{}", run.stderr);
    }
}
