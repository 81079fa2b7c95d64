//! `num-arabic-with-qian-bai`: Arabic digits joined with 十, 百 or 千
//! (`3千人`, `5百多户`).

use rust_decimal::Decimal;
use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use super::prose::{longest_prefix, Prose};
use crate::diagnostic::{Diagnostic, Severity};
use crate::quantity::number::{parse_arabic, plain};
use crate::rules::{Context, Example, Rule, RuleDef};
use crate::span::Span;
use crate::syntax::script::simplified;

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "num-arabic-with-qian-bai",
    category: "number",
    summary: "Arabic digits joined with 十/百/千 (3千人): write 3000人",
    source: "GB/T 15835-2011 §5.3 (Arabic digits combine with Chinese only through 万 and 亿); \
             catalogue NUM_ARABIC_WITH_QIAN_BAI",
    docs: DOCS,
    examples: &[
        Example::wrong("全年完成固定资产投资3千万元，带动就业5百多人。", ""),
        Example::right(
            "全年完成固定资产投资3000万元，带动就业500多人。",
            "digits, then 万 or 亿 only",
        ),
        Example::right(
            "新建光伏电站装机容量5千瓦，架设线路12千米。",
            "千瓦 and 千米 are units (SI prefix 千), not the magnitude 千",
        ),
        Example::right(
            "全县油料播种面积38.6千公顷，比上年增加1.2千公顷；禽蛋产量12千吨。",
            "千公顷 and 千吨 are the units of statistical tables and bulletins, not 千 as a numeral",
        ),
    ],
    defaults: include_str!("../../../rules/number/num-arabic-with-qian-bai.toml"),
    build,
};

const DOCS: &str = r#"Arabic digits may be joined with the magnitudes 万 and 亿 only (`3000万元`,
`2.3亿元`), never with 十, 百 or 千: `3千人` is written `3000人`, `5百多户`
`500多户`, `3千万元` `3000万元`.

## What it checks

An Arabic number (half- or full-width, spaces allowed before the character)
directly followed by 十, 百 or 千 in running text.

## What it leaves alone

* Units whose name starts with the SI prefix 千 or with 百/十 as a word:
  `5千瓦`, `12千米`, `3千克`, `10千伏`, `百分之`, `3个百分点` — the
  `not_magnitudes` list.
* The units of statistical tables and bulletins made of 千/百 and a unit:
  `26703千公顷`, `164千hm²`, `85千吨`, `120百羽` (per hundred birds). They
  are units in their own right (GB/T 15835-2011 §5.3 is about numerals,
  and a statistical unit such as 千公顷 is not a numeral), also in
  traditional script (`千公頃`). The list is `not_magnitudes`: add the
  units of your own tables there.
* Quoted text and titles (`“3十”活动`, `《…》`).

## Fix

None: writing the digits out changes the digits of the text, which no fix
does. The message gives the figure to write (`3千万元` → `3000万`); a mixed
figure (`2亿3千万元`) is better rewritten as a whole (`2.3亿元`).

## Settings

* `not_magnitudes`: words starting with 十, 百 or 千 that are not a
  magnitude after a number (units such as `千瓦`, `千米`, `千克`).
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    #[serde(deserialize_with = "crate::config::words")]
    not_magnitudes: Vec<String>,
}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let s: Settings = crate::rules::settings(value)?;
    Ok(Box::new(QianBai {
        not_magnitudes: s.not_magnitudes,
    }))
}

struct QianBai {
    not_magnitudes: Vec<String>,
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn is_number_char(c: char) -> bool {
    is_digit(c) || matches!(c, '.' | '．' | ',')
}

impl QianBai {
    /// Spans of `number 十/百/千 [万/亿]` in one sentence.
    fn find(&self, s: &str, base: usize) -> Vec<Span> {
        let mut out = Vec::new();
        let mut iter = s.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            if !is_digit(c) {
                continue;
            }
            let start = i;
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = iter.peek() {
                if !is_number_char(d) {
                    break;
                }
                end = j + d.len_utf8();
                iter.next();
            }
            let rest = &s[end..];
            let trimmed = rest.trim_start_matches([' ', '\u{2009}', '\u{00A0}']);
            let at = end + rest.len() - trimmed.len();
            let Some(m) = trimmed.chars().next().filter(|m| "十百千".contains(*m)) else {
                continue;
            };
            // Units are matched in simplified form, so that the traditional
            // spelling of a listed unit (`千公頃`) is a unit too.
            let simple = simplified(trimmed);
            if longest_prefix(&self.not_magnitudes, &simple).is_some() {
                continue;
            }
            let mut stop = at + m.len_utf8();
            if let Some(big) = s[stop..].chars().next().filter(|b| "万亿".contains(*b)) {
                stop += big.len_utf8();
            }
            out.push(Span::new(base + start, base + stop));
        }
        out
    }
}

impl Rule for QianBai {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let prose = Prose::new(cx.text, cx.draft);
        for span in prose.scan(|s, base| self.find(s, base)) {
            let written = span.slice(cx.text);
            let digits_end = written
                .char_indices()
                .find(|(_, c)| !is_number_char(*c))
                .map_or(written.len(), |(i, _)| i);
            let digits = written[..digits_end].trim_end();
            let tail = written[digits_end..].trim_start();
            let mut chars = tail.chars();
            let magnitude = chars.next().unwrap_or('千');
            let big: String = chars.collect();
            let factor = match magnitude {
                '十' => 10,
                '百' => 100,
                _ => 1000,
            };
            let value = parse_arabic(digits).and_then(|d| d.checked_mul(Decimal::from(factor)));
            let suggestion = value.map(|v| format!("{}{big}", plain(v)));
            let message = match &suggestion {
                Some(s) => {
                    format!("Arabic digits joined with {magnitude} in `{written}`: write `{s}`")
                }
                None => format!("Arabic digits joined with {magnitude} in `{written}`"),
            };
            out.push(
                DEF.diagnostic(Severity::Error, span, message)
                    .with_note("Arabic digits combine with Chinese numerals only through 万 and 亿 (GB/T 15835-2011 §5.3)"),
            );
        }
    }
}
