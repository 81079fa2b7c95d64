//! `num-daxie-misuse`: 大写数字 (壹贰叁…) in running text.

use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use super::prose::Prose;
use crate::diagnostic::{Diagnostic, Severity};
use crate::quantity::number::parse_chinese;
use crate::rules::{Context, Example, Rule, RuleDef};
use crate::span::Span;

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "num-daxie-misuse",
    category: "number",
    summary: "大写数字 (贰佰万元) belong in financial and legal documents, not in running text",
    source: "GB/T 15835-2011 §5.2.4 (大写数字 for legal documents and financial instruments); \
             catalogue NUM_DAXIE_MISUSE",
    docs: DOCS,
    examples: &[
        Example::wrong("县财政拨付救灾资金贰佰万元。", ""),
        Example::right("县财政拨付救灾资金200万元。", ""),
        Example::right(
            "新入伍青年陆续抵达部队，收拾行装的家长来自大陆各地。",
            "入伍, 陆续, 收拾, 大陆 are words, not numerals",
        ),
    ],
    defaults: include_str!("../../../rules/number/num-daxie-misuse.toml"),
    build,
};

const DOCS: &str = r#"大写数字 (壹贰叁肆伍陆柒捌玖拾佰仟) guard figures against alteration in
financial instruments and legal documents; a yearbook's running text writes
figures in Arabic digits: `拨付救灾资金200万元`, not `贰佰万元`.

## What it checks

A run of 大写 numerals (with 零, 〇, 万, 亿 among them) in running text that
has at least two numeral characters, or one followed by 元 or 圆
(`贰佰万元`, `伍万`, `叁元`).

## What it leaves alone

Words written with the same characters (`队伍`, `入伍`, `陆续`, `大陆`,
`收拾`, `放肆`: the `not_words` list), a single character in a name
(`伍家村`), and quoted text and titles (a cited receipt or contract).

## Settings

* `not_words`: words containing 大写 characters that are not numerals.
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    #[serde(deserialize_with = "crate::config::words")]
    not_words: Vec<String>,
}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let s: Settings = crate::rules::settings(value)?;
    Ok(Box::new(Daxie {
        not_words: crate::rules::scan::Words::new(&s.not_words),
    }))
}

struct Daxie {
    not_words: crate::rules::scan::Words,
}

const DAXIE: &str = "壹贰叁肆伍陆柒捌玖拾佰仟";
const SHARED: &str = "零〇万亿";

/// The ordinary numeral for a 大写 one.
fn lower(c: char) -> char {
    match c {
        '壹' => '一',
        '贰' => '二',
        '叁' => '三',
        '肆' => '四',
        '伍' => '五',
        '陆' => '六',
        '柒' => '七',
        '捌' => '八',
        '玖' => '九',
        '拾' => '十',
        '佰' => '百',
        '仟' => '千',
        other => other,
    }
}

impl Daxie {
    fn find(&self, s: &str, base: usize) -> Vec<Span> {
        let masked: Vec<crate::span::Span> = self
            .not_words
            .find_all(s)
            .into_iter()
            .map(|(sp, _)| sp)
            .collect();
        let in_word = |i: usize| masked.iter().any(|m| m.start <= i && i < m.end);
        let mut out = Vec::new();
        let mut run: Option<(usize, usize, usize)> = None; // start, end, 大写 count
        let close = |run: &mut Option<(usize, usize, usize)>, out: &mut Vec<Span>| {
            if let Some((start, end, count)) = run.take() {
                let next = s[end..].chars().next();
                let followed = next.is_some_and(|c| c == '元' || c == '圆');
                let chars = s[start..end].chars().count();
                if count >= 1 && (chars >= 2 || followed) {
                    out.push(Span::new(base + start, base + end));
                }
            }
        };
        for (i, c) in s.char_indices() {
            let daxie = DAXIE.contains(c) && !in_word(i);
            let shared = SHARED.contains(c);
            match (&mut run, daxie, shared) {
                (Some((_, end, count)), true, _) => {
                    *end = i + c.len_utf8();
                    *count += 1;
                }
                (Some((_, end, _)), false, true) => *end = i + c.len_utf8(),
                (None, true, _) => run = Some((i, i + c.len_utf8(), 1)),
                (None, false, _) => {}
                (Some(_), false, false) => close(&mut run, &mut out),
            }
        }
        close(&mut run, &mut out);
        out
    }
}

impl Rule for Daxie {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let prose = Prose::new(cx.text, cx.draft);
        for span in prose.scan(|s, base| self.find(s, base)) {
            let run = span.slice(cx.text);
            let ordinary: String = run.chars().map(lower).collect();
            let (body, magnitude) = match ordinary.strip_suffix(['万', '亿']) {
                Some(b) => (b, &ordinary[b.len()..]),
                None => (ordinary.as_str(), ""),
            };
            let value = parse_chinese(body).map(|v| format!("{v}{magnitude}"));
            let message = match value {
                Some(v) => format!("`{run}` is written in 大写数字: write {v} in Arabic digits"),
                None => {
                    format!("`{run}` is written in 大写数字: write the figure in Arabic digits")
                }
            };
            out.push(
                DEF.diagnostic(Severity::Warning, span, message)
                    .with_note("大写数字 belong in financial instruments and legal documents (GB/T 15835-2011 §5.2.4)"),
            );
        }
    }
}
