//! `time-deictic`: relative time words (今年, 去年, 近日 …) in the record.

use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use super::prose::{is_cn_numeral, is_digit, pieces, Lexicon};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::scan::{char_before, Words};
use crate::rules::{Context, Example, Rule, RuleDef};

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "time-deictic",
    category: "time",
    summary: "no relative time words (今年, 去年, 近日 …) in the record: name the year or month",
    source: "yearbook and gazetteer style sheets (记述时间要具体, 不用今年、去年、近日等相对时间词); \
             catalogue TIME_DEICTIC",
    docs: DOCS,
    examples: &[
        Example::wrong(
            "今年以来，全县新增市场主体2100户。",
            "copied from a department's report: the reader of the yearbook does not know which year",
        ),
        Example::right("2023年，全县新增市场主体2100户。", ""),
        Example::right(
            "全县粮食产量比上年增长3.2%，本年度新建高标准农田1.2万亩。",
            "上年 and 本年度 are standard statistical wording",
        ),
        Example::right(
            "县长在会上指出：“今年是全面建成小康社会的收官之年。”",
            "a quotation is left as it was said",
        ),
    ],
    defaults: include_str!("../../../rules/time/time-deictic.toml"),
    build,
};

const DOCS: &str = r#"A yearbook is read years after it was written: `今年`, `去年`, `近日` or
`上月` copied from a department's report do not say when. Write the year or
month (`2023年`, `6月`), or the yearbook's own relative words `当年`, `全年`,
`年内`.

## What it checks

Every word of `words` in the running text of the draft is reported as a
warning; every word of `info_words` (`目前`, `当前` …, which often describe a
standing fact: `目前全县有…`) as information.

## What it leaves alone

* `上年`, `上年度`, `本年度`, `当年`, `全年`, `年内`: the standard wording of
  statistics and yearbooks (they are not in the lists).
* Quotations and book titles (`“今年是…”`, `《…今年…》`): quoted words are
  left as they were said or printed.
* Sections whose heading, or entries whose title, contain a word of
  `exempt_sections` (`特载`, `附录` …), where speeches and documents are
  reproduced as they were.
* Phrases of `exceptions` that contain a word without meaning it (`节日前`,
  `除去年…`, `最近的` in the sense of nearest), and a word right after a
  digit or a Chinese numeral (`5日前` is "before the 5th").

## Settings (`[rules.time-deictic]` in yblint.toml)

* `severity`: `"warning"` (default), `"info"`, `"error"` or `"off"`.
* `words`: relative time words reported as warnings.
* `info_words`: relative words reported as information only.
* `exceptions`: phrases that contain a word without being it.
* `exempt_sections`: words in a heading or entry title whose section or
  entry is not checked.

A list given in `yblint.toml` replaces the built-in list.
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    #[serde(deserialize_with = "crate::config::words")]
    words: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    info_words: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    exceptions: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    exempt_sections: Vec<String>,
}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let s: Settings = crate::rules::settings(value)?;
    let mut all = s.words.clone();
    all.extend(s.info_words.iter().cloned());
    Ok(Box::new(Deictic {
        lexicon: Lexicon::new(&all, &s.exceptions),
        info: s.info_words,
        exempt: Words::new(&s.exempt_sections),
    }))
}

/// The `time-deictic` rule with its settings.
struct Deictic {
    lexicon: Lexicon,
    info: Vec<String>,
    exempt: Words,
}

impl Rule for Deictic {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for piece in pieces(cx, &self.exempt) {
            for (span, word) in self.lexicon.find(cx.text, piece.span) {
                if char_before(cx.text, span.start).is_some_and(|c| is_digit(c) || is_cn_numeral(c))
                {
                    continue;
                }
                let info = self.info.iter().any(|w| w == word);
                let severity = if info {
                    Severity::Info
                } else {
                    Severity::Warning
                };
                let message = format!("relative time word `{word}` in the record");
                let note = if info {
                    "if it describes the state at the end of the record year, write `年末` or the date (`截至2023年底`)"
                } else {
                    "write the year or month (`2023年`, `6月`), or `当年`, `全年`, `年内`"
                };
                out.push(
                    DEF.diagnostic(severity, span, message)
                        .with_primary_text("relative to when the draft was written")
                        .with_note(note),
                );
            }
        }
    }
}
