//! `time-jiezhi-vs-jiezhi`: `截至` before a point in time, not `截止`.

use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use super::prose::{is_digit, pieces, skip_spaces};
use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rules::scan::{char_at, Words};
use crate::rules::{Context, Example, Rule, RuleDef};
use crate::span::Span;

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "time-jiezhi-vs-jiezhi",
    category: "time",
    summary: "截至 before a point in time (截至2023年底), 截止 after it (3月1日截止)",
    source: "《现代汉语词典》 and 公文 usage (截至 = up to a time; 截止 = to end); \
             catalogue TIME_JIEZHI_VS_JIEZHI",
    docs: DOCS,
    examples: &[
        Example::wrong("截止2023年底，全县共有家庭农场312家。", ""),
        Example::right("截至2023年底，全县共有家庭农场312家。", ""),
        Example::right(
            "报名于3月1日截止，截止日期前共受理申请860份。",
            "截止 after the time, and in 截止日期",
        ),
    ],
    defaults: include_str!("../../../rules/time/time-jiezhi-vs-jiezhi.toml"),
    build,
};

const DOCS: &str = r#"`截至` means "up to" and stands before a point in time: `截至2023年底，全县
共有…`, `截至目前`. `截止` means "to end" and stands after the time (`报名于3月1日
截止`) or in `截止日期`.

## What it checks

`截止` followed (spaces aside) by an Arabic digit or by a word of
`time_words` (`目前`, `年底`, `二〇` …). The fix (unsafe: look at the sentence)
writes `截至`.

## What it leaves alone

* `截止到`, `截止至` (the `到`/`至` supplies the "up to").
* `截止日期`, `截止时间`, `…截止。`: 截止 in its own sense.
* Quotations and book titles.

## Settings (`[rules.time-jiezhi-vs-jiezhi]` in yblint.toml)

* `severity`: `"warning"` (default), `"error"`, `"info"` or `"off"`.
* `time_words`: words that, right after `截止`, name the time it runs up to.
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    #[serde(deserialize_with = "crate::config::words")]
    time_words: Vec<String>,
}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let s: Settings = crate::rules::settings(value)?;
    Ok(Box::new(Jiezhi {
        time_words: s.time_words,
    }))
}

struct Jiezhi {
    time_words: Vec<String>,
}

impl Rule for Jiezhi {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let text = cx.text;
        for piece in pieces(cx, &Words::new(&[])) {
            for (i, _) in piece.span.slice(text).match_indices("截止") {
                let at = piece.span.start + i;
                let word = Span::new(at, at + "截止".len());
                let next = skip_spaces(text, word.end);
                if next >= piece.span.end {
                    continue;
                }
                let rest = &text[next..piece.span.end];
                let time = char_at(text, next).is_some_and(is_digit)
                    || self.time_words.iter().any(|w| rest.starts_with(w.as_str()));
                if !time {
                    continue;
                }
                out.push(
                    DEF.diagnostic(
                        Severity::Warning,
                        word,
                        "`截止` before a point in time: write `截至`",
                    )
                    .with_primary_text("截至 (up to) is meant")
                    .with_note("`截至` stands before the time (`截至2023年底`); `截止` after it (`3月1日截止`)")
                    .with_fix(Fix::replace(
                        word,
                        "截至",
                        Applicability::Unsafe,
                        "write `截至`",
                    )),
                );
            }
        }
    }
}
