//! Inputs that must never crash yblint: figures too large to compute with,
//! deeply repeated structures. Each run must end with exit code 0 or 1.

mod common;

use common::Workspace;

#[test]
fn enormous_figures_are_not_read_as_quantities() {
    for text in [
        "全年收入1000000000000000000000亿元。",
        "全年收入9999999999999999999万亿元。",
        "收入79228162514264337593543950335元，其中，税收收入1元，非税收入1元。",
        "全县12 345 678 901 234 567 890 123 456万人。",
        "收入999999999999999万亿平方千米，其中，甲999999999999999万亿平方千米，乙999999999999999万亿平方千米。",
    ] {
        let ws = Workspace::new();
        ws.write("大数.txt", text);
        let r = ws.check(&["--format", "json", "大数.txt"]);
        assert_eq!(r.code, 0, "{text}: {r:?}");
        assert_eq!(r.json()["summary"]["errors"], 0, "{text}");
    }
}

#[test]
fn a_sentence_of_many_qizhong_and_parts_is_checked_once() {
    let mut text = String::from("全县有学校86所");
    for _ in 0..5000 {
        text.push_str("，其中，小学52所");
    }
    text.push('。');
    let ws = Workspace::new();
    ws.write("长句.txt", &text);
    let r = ws.check(&["--format", "json", "长句.txt"]);
    assert!(r.code == 0 || r.code == 1, "{r:?}");
    r.json();
}
