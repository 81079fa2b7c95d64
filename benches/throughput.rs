//! Throughput of `yblint::check_text` in MB/s: `cargo bench`.
//!
//! Two inputs: the project's example drafts (examples/*.txt, *.md) repeated
//! to about 8 MB, and one paragraph of 1 MB made of breakdowns and 分别为
//! lists (a pasted document without entry titles), which shows any cost that
//! grows faster than the length of a paragraph. The best of five runs is
//! reported for each.

use std::time::Instant;

fn main() {
    let mut unit = String::new();
    let mut names: Vec<_> = std::fs::read_dir("examples")
        .expect("run from the crate root")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "md"))
        .collect();
    names.sort();
    for p in names {
        unit.push_str(&std::fs::read_to_string(p).expect("example drafts are UTF-8"));
        unit.push_str("\n\n");
    }
    let mut text = String::new();
    while text.len() < 8_000_000 {
        text.push_str(&unit);
    }
    measure("example drafts", &text);

    let sentence = "全县共有中小学在校学生18650人，小学、初中、高中在校学生分别为9820人、5640人和3190人；有学校86所，其中，小学52所，初中18所。";
    let mut paragraph = String::new();
    while paragraph.len() < 1_000_000 {
        paragraph.push_str(sentence);
    }
    measure("one long paragraph", &paragraph);
}

fn measure(name: &str, text: &str) {
    let config = yblint::config::Config::builtin().expect("built-in configuration loads");
    let mut best = f64::MAX;
    let mut found = 0;
    for _ in 0..5 {
        let start = Instant::now();
        found = yblint::check_text(text, &config)
            .expect("grammar accepts every input")
            .len();
        best = best.min(start.elapsed().as_secs_f64());
    }
    let mb = text.len() as f64 / 1_000_000.0;
    println!(
        "{name}: {mb:.1} MB in {best:.3} s = {:.1} MB/s ({found} diagnostics)",
        mb / best
    );
}
