//! `stat-decrease-by-times`: a decrease is never stated in multiples
//! (`下降一倍` would mean down to nothing).

use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::scan::{char_at, Words};
use crate::rules::time::prose::{is_digit, pieces, skip_spaces, Lexicon};
use crate::rules::{Context, Example, Rule, RuleDef};
use crate::span::Span;

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "stat-decrease-by-times",
    category: "statistics",
    summary:
        "a decrease is not stated in multiples (下降一倍, 少2倍): use a fraction or a percentage",
    source: "GB/T 15835-2011 and statistical usage (倍数只用于增加, 减少用分数或百分数); \
             catalogue STAT_DECREASE_BY_TIMES",
    docs: DOCS,
    examples: &[
        Example::wrong(
            "全县单位地区生产总值能耗下降了一倍。",
            "down by one time its value is zero",
        ),
        Example::right("全县单位地区生产总值能耗下降50%。", ""),
        Example::wrong("全年道路交通事故比上年少2倍。", ""),
        Example::right(
            "全县粮食产量至少增长2倍，降至上年的一半。",
            "至少 is not a decrease, and 一半 is a fraction",
        ),
    ],
    defaults: include_str!("../../../rules/statistics/stat-decrease-by-times.toml"),
    build,
};

const DOCS: &str = r#"`倍` states increases only: a quantity that `下降了一倍` has fallen to zero,
and `少2倍` means nothing. A decrease is stated as a fraction or a percentage:
`下降50%`, `减少一半`, `减少三分之二（66.7%）`.

## What it checks

A word of `decrease_words` (`下降`, `减少`, `降低`, `少` …), an optional `了`,
then a number (Arabic or Chinese: `一`, `2`, `1.5`, `两`, `几`) and `倍`.

## What it leaves alone

* Phrases of `exceptions` (`至少2倍` "at least twice", `低于2倍`, `降至…`).
* Multiples of increases (`增长2倍`) and fractions (`下降一半`).
* Quotations and book titles.

## Settings (`[rules.stat-decrease-by-times]` in yblint.toml)

* `severity`: `"error"` (default), `"warning"`, `"info"` or `"off"`.
* `decrease_words`: words of decrease.
* `exceptions`: phrases that contain a decrease word without a decrease.
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    #[serde(deserialize_with = "crate::config::words")]
    decrease_words: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    exceptions: Vec<String>,
}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let s: Settings = crate::rules::settings(value)?;
    Ok(Box::new(DecreaseByTimes {
        words: Lexicon::new(&s.decrease_words, &s.exceptions),
    }))
}

struct DecreaseByTimes {
    words: Lexicon,
}

fn numeral(c: char) -> bool {
    is_digit(c) || c == '.' || c == '．' || "一二两三四五六七八九十百几数半".contains(c)
}

impl Rule for DecreaseByTimes {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let text = cx.text;
        for piece in pieces(cx, &Words::new(&[])) {
            for (word, w) in self.words.find(text, piece.span) {
                let mut at = skip_spaces(text, word.end);
                if char_at(text, at) == Some('了') {
                    at = skip_spaces(text, at + '了'.len_utf8());
                }
                let num_start = at;
                while let Some(c) = char_at(text, at).filter(|c| numeral(*c)) {
                    at += c.len_utf8();
                }
                if at == num_start {
                    continue;
                }
                let num_end = at;
                let at = skip_spaces(text, at);
                if char_at(text, at) != Some('倍') || at >= piece.span.end {
                    continue;
                }
                let span = Span::new(word.start, at + '倍'.len_utf8());
                out.push(
                    DEF.diagnostic(
                        Severity::Error,
                        span,
                        format!("a decrease stated in multiples: `{}`", span.slice(text)),
                    )
                    .with_label(Span::new(num_start, at + '倍'.len_utf8()), format!("{w} by a multiple"))
                    .with_note(format!(
                        "`倍` states increases only; a quantity that falls by `{}倍` would be at or below zero: state the decrease as a fraction or a percentage (`下降50%`, `减少一半`)",
                        &text[num_start..num_end]
                    )),
                );
            }
        }
    }
}
