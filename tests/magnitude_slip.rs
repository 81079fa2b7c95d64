//! `magnitude-slip`: a figure of a list printed without the magnitude word
//! its neighbours carry, found by the total the list adds up to only with
//! the word put back.

mod common;

use common::{diags_of, Diag, Workspace};

fn findings(text: &str) -> Vec<Diag> {
    let ws = Workspace::new();
    ws.write("农业.txt", text);
    let run = ws.check(&["--format", "json", "农业.txt"]);
    assert!(run.code == 0 || run.code == 1, "stderr: {}", run.stderr);
    diags_of(&run.json(), "magnitude-slip", text.as_bytes())
}

const CROPS: &str = "全年全县粮食总产量38.46万吨，比上年增长1.2%。其中，夏粮产量6.12万吨，秋粮产量32.34万吨。稻谷产量10.25万吨，增长2.1%；玉米产量15.36万吨，增长3.0%；小麦产量4.18万吨，下降5.2%；豆类产量3.05万吨，增长4.4%；薯类产量5.62吨，增长1.8%。";

/// 10.25 + 15.36 + 4.18 + 3.05 + 5.62 = 38.46 万吨 only when 薯类 is in 万吨.
#[test]
fn a_crop_printed_in_tonnes_among_crops_in_ten_thousand_tonnes() {
    let d = findings(CROPS);
    assert_eq!(d.len(), 1, "{d:#?}");
    let d = &d[0];
    assert_eq!(d.severity, "warning");
    assert_eq!(d.category, "arithmetic");
    assert_eq!(d.span.text, "5.62吨");
    assert_eq!(
        d.message,
        "5.62吨 is printed in 吨, its neighbours in 万吨: with 万 put back the list adds up to 38.46万吨"
    );
    assert_eq!(
        d.secondary[0],
        ("38.46万吨".to_string(), "total".to_string())
    );
    assert_eq!(d.secondary.len(), 5);
    assert_eq!(
        d.notes,
        ["10.25 + 15.36 + 4.18 + 3.05 + 5.62 = 38.46 万吨, as the total says, only when 5.62吨 is 5.62万吨"]
    );
}

/// The same list printed right is silent, and so is one whose small item
/// really is in 吨: with 万 put back it would not add up either.
#[test]
fn a_list_in_one_unit_or_a_small_item_is_silent() {
    assert!(findings(&CROPS.replace("5.62吨", "5.62万吨")).is_empty());
    let small = "全县蔬菜总产量12.60万吨。番茄产量4.10万吨；黄瓜产量3.20万吨；白菜产量5.30万吨；食用菌产量8.50吨。";
    assert!(findings(small).is_empty(), "{:#?}", findings(small));
}

/// Traditional script (萬噸) and money (億元/元) read the same way.
#[test]
fn traditional_script_and_money() {
    let text =
        "全年全市一般公共預算收入12.40億元。稅收收入8.10億元；非稅收入3.20億元；轉移性收入1.10元。";
    let d = findings(text);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0].span.text, "1.10元");
    assert_eq!(
        d[0].message,
        "1.10元 is printed in 元, its neighbours in 億元: with 億 put back the list adds up to 12.40億元"
    );
}
