//! `yb-third-person`: a yearbook narrates in the third person (全县, not 我县).

use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::scan::{char_before, is_han, Words};
use crate::rules::time::prose::{pieces, Lexicon};
use crate::rules::{Context, Example, Rule, RuleDef};

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "yb-third-person",
    category: "style",
    summary: "third-person narration: no 我县, 本局, 我们 …; write 全县, the place or the agency",
    source: "gazetteer and yearbook style sheets (以第三人称记述, 不用“我县”“本局”“我们”); \
             catalogue YB_THIRD_PERSON",
    docs: DOCS,
    examples: &[
        Example::wrong("我县全年完成造林800公顷。", ""),
        Example::right("全县全年完成造林800公顷。", ""),
        Example::right(
            "县长在大会上说：“我县将继续推进造林绿化。”全县资本市场融资8.6亿元。",
            "a quotation keeps its words; 资本市场 is not 本市",
        ),
    ],
    defaults: include_str!("../../../rules/style/yb-third-person.toml"),
    build,
};

const DOCS: &str = r#"A yearbook narrates in the third person: `全县`, the name of the county, the
agency (`县财政局`), not `我县`, `本局` or `我们` copied from a department's
report.

## What it checks

* Every word of `words` (`我县`, `我局`, `我们` …) in running text.
* Every word of `guarded_words` (`本县`, `本局` …) at the start of a sentence
  or clause, after punctuation, or after a character of `guard_before`
  (`在本县`, `由本局`).

## What it leaves alone

* Quotations and book titles: a quoted speech or document says `我县`.
* Sections and entries named in `exempt_sections` (`特载`, `讲话` …).
* `本` ending another word (`资本市场`, `基本局面`, `样本区`): a `本…` form
  after any other character.
* `我国`: national usage, not in the list.
* Phrases of `exceptions`.

## Settings (`[rules.yb-third-person]` in yblint.toml)

* `severity`: `"warning"` (default), `"error"`, `"info"` or `"off"`.
* `words`: first-person forms reported anywhere.
* `guarded_words`: `本…` forms reported only where a word can start.
* `guard_before`: characters after which a `本…` form starts a word.
* `exceptions`: phrases that contain a form without being first person.
* `exempt_sections`: words in a heading or entry title whose section or
  entry is not checked.
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    #[serde(deserialize_with = "crate::config::words")]
    words: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    guarded_words: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    guard_before: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    exceptions: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    exempt_sections: Vec<String>,
}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let s: Settings = crate::rules::settings(value)?;
    let mut all = s.words.clone();
    all.extend(s.guarded_words.iter().cloned());
    Ok(Box::new(ThirdPerson {
        lexicon: Lexicon::new(&all, &s.exceptions),
        guarded: s.guarded_words,
        guard_before: s.guard_before,
        exempt: Words::new(&s.exempt_sections),
    }))
}

struct ThirdPerson {
    lexicon: Lexicon,
    guarded: Vec<String>,
    guard_before: Vec<String>,
    exempt: Words,
}

impl Rule for ThirdPerson {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let text = cx.text;
        for piece in pieces(cx, &self.exempt) {
            for (span, word) in self.lexicon.find(text, piece.span) {
                if self.guarded.iter().any(|g| g == word) {
                    let starts_word = match char_before(text, span.start) {
                        None => true,
                        Some(c) if !is_han(c) => true,
                        Some(_) => self
                            .guard_before
                            .iter()
                            .any(|g| text[..span.start].ends_with(g.as_str())),
                    };
                    if !starts_word {
                        continue;
                    }
                }
                out.push(
                    DEF.diagnostic(
                        Severity::Warning,
                        span,
                        format!("first-person `{word}` in the narration"),
                    )
                    .with_primary_text("first person")
                    .with_note("a yearbook narrates in the third person: write `全县`, the place or the agency by name"),
                );
            }
        }
    }
}
