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
        "有一亿亿亿亿亿人。",
        "有百分之一亿亿亿亿亿的人。",
        "全省面积79228162514万亿平方千米，其中，城市1万亿平方千米，农村2万亿平方千米。",
        "全省面积负50000000000万亿平方千米，其中，城市39000000000万亿平方千米，农村39000000000万亿平方千米。",
    ] {
        let ws = Workspace::new();
        ws.write("大数.txt", text);
        let r = ws.check(&["--format", "json", "大数.txt"]);
        assert_eq!(r.code, 0, "{text}: {r:?}");
        assert_eq!(r.json()["summary"]["errors"], 0, "{text}");
    }
}

#[test]
fn a_full_width_minus_before_a_figure_is_read() {
    // －5 and −5 are negative figures; the characters before them are
    // several bytes long.
    for text in ["有－5户。", "温度−5度，有学生10人。"] {
        let ws = Workspace::new();
        ws.write("负数.txt", text);
        let r = ws.check(&["--format", "json", "负数.txt"]);
        assert_eq!(r.code, 0, "{text}: {r:?}");
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
