//! `unit-shizhi-nonlegal`: 市制 units after a number (`1350斤`, `3里`).

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use super::after_number::{find, word_table};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Example, Rule, RuleDef};
use crate::syntax::script::simplified;

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "unit-shizhi-nonlegal",
    category: "unit",
    summary: "市制 units (斤, 两, 担, 尺, 寸, 丈, 里) are not legal units of measurement",
    source: "法定计量单位 (1984 State Council order: 市制 allowed until 1990; GB 3100-1993); \
             yearbook practice forbids 尺、寸、担、斤、两、钱; catalogue UNIT_SHIZHI_NONLEGAL",
    docs: DOCS,
    examples: &[
        Example::wrong("全镇水稻平均亩产1350斤。", ""),
        Example::wrong("新修灌溉渠道3里。", ""),
        Example::right(
            "全镇水稻平均亩产675千克，新修灌溉渠道1.5公里，两个村完成验收。",
            "公里 is legal; 两 before 个 is the numeral",
        ),
        Example::right(
            "全县粮食总产量21.6万吨（4.32亿斤），比上年增加0.8万吨（1600万斤）。",
            "斤 as a gloss in parentheses after the figure in 吨, as 亩 after 公顷",
        ),
    ],
    defaults: include_str!("../../../rules/unit/unit-shizhi-nonlegal.toml"),
    build,
};

const DOCS: &str = r#"The 市制 units (斤, 两, 钱, 担, 尺, 寸, 丈, 里) have not been legal units of
measurement since 1990; a yearbook states 千克, 米, 千米 (公斤, 公里).

## What it checks

An Arabic number (with 万/亿, spaces allowed) followed by a word of `units`;
a number in Chinese numerals (`三百斤`) only for the words of
`after_chinese_numerals`, because Chinese numerals with 里, 尺, 寸 are place
names and set phrases (`三里屯`, `十里八乡`, `三尺讲台`).

## What it leaves alone

* Legal units that share a character (`公里`, `公斤`), and words that start
  like a unit (`担任`, `里程`, `两项`: the `not_words` list).
* 两 as a numeral (`两个村`, `一两天`): it is read with the numeral, not as a
  unit after it.
* Quoted text and titles (proverbs and quotations).
* 亩, which has its own rule (`unit-mu-needs-hectare`).
* A 市制 figure given as a gloss: in parentheses right after the same
  quantity in a legal unit (`21.6万吨（4.32亿斤）`, as bulletins give grain
  output). The legal unit is stated, and the 斤 figure is there for the
  reader, as `800公顷（1.2万亩）` is accepted for 亩: a house policy, set
  by `gloss_after` (empty it to report glosses too).

## Settings

* `units`: 市制 unit → what to write instead (shown in the message).
* `after_chinese_numerals`: units also reported after Chinese numerals.
* `not_words`: words starting like a unit that are not one.
* `gloss_after`: legal units after whose figure a 市制 figure in
  parentheses is a gloss, left alone.
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    #[serde(deserialize_with = "word_table")]
    units: BTreeMap<String, String>,
    #[serde(deserialize_with = "crate::config::words")]
    after_chinese_numerals: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    not_words: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    gloss_after: Vec<String>,
}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let s: Settings = crate::rules::settings(value)?;
    let names = s.units.keys().cloned().collect();
    Ok(Box::new(Shizhi { s, names }))
}

struct Shizhi {
    s: Settings,
    names: Vec<String>,
}

impl Shizhi {
    /// True when the figure starting at `start` is in parentheses right
    /// after a figure in a legal unit of `gloss_after` (`13872万吨（2774亿斤）`):
    /// a gloss for readers, as `800公顷（1.2万亩）` is for 亩. Read in
    /// simplified form (`萬噸（…億斤）`).
    fn gloss(&self, text: &str, start: usize) -> bool {
        let mut from = start.saturating_sub(90);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let before = simplified(&text[from..start]);
        let before = before.trim_end_matches([' ', '\u{3000}']);
        let Some(outer) = before
            .strip_suffix('（')
            .or_else(|| before.strip_suffix('('))
        else {
            return false;
        };
        let outer = outer.trim_end_matches([' ', '\u{3000}', '左', '右', '以', '上', '余', '多']);
        self.s.gloss_after.iter().any(|unit| {
            outer.strip_suffix(unit.as_str()).is_some_and(|figure| {
                figure
                    .trim_end_matches(['万', '亿', ' '])
                    .ends_with(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c))
            })
        })
    }
}

impl Rule for Shizhi {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for found in find(cx, &self.names, &self.s.not_words, false) {
            if found.number.shape.is_none() && !self.s.after_chinese_numerals.contains(&found.word)
            {
                continue;
            }
            let span = found.span();
            if self.gloss(cx.text, span.start) {
                continue;
            }
            let written = span.slice(cx.text);
            let unit = &found.word;
            let advice = self.s.units.get(unit).cloned().unwrap_or_default();
            out.push(
                DEF.diagnostic(
                    Severity::Warning,
                    span,
                    format!("`{written}`: {unit} is a 市制 unit, not a legal unit of measurement: use {advice}"),
                )
                .with_note("市制 units have not been legal units of measurement since 1990"),
            );
        }
    }
}
