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
        Example::right(
            "户籍人口是指户口登记在本乡镇街道的人口，不论其是否外出。",
            "in a definition 本乡镇 is the township in question",
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
* A `本…` form in a definition (`常住人口指：居住在本乡镇街道…`, `…是指在本县
  …`): the sentence, up to the form, holds a word of `definition_marks`.
  There `本乡镇` means the township in question, not the narrator.
* Phrases of `exceptions`.

## Settings (`[rules.yb-third-person]` in yblint.toml)

* `severity`: `"warning"` (default), `"error"`, `"info"` or `"off"`.
* `words`: first-person forms reported anywhere.
* `guarded_words`: `本…` forms reported only where a word can start.
* `guard_before`: characters after which a `本…` form starts a word.
* `exceptions`: phrases that contain a form without being first person.
* `definition_marks`: words that make a sentence a definition (`指：`,
  `是指`); `本…` forms after them in the sentence are left alone.
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
    #[serde(deserialize_with = "crate::config::words")]
    definition_marks: Vec<String>,
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
        definition_marks: s.definition_marks,
    }))
}

struct ThirdPerson {
    lexicon: Lexicon,
    guarded: Vec<String>,
    guard_before: Vec<String>,
    exempt: Words,
    definition_marks: Vec<String>,
}

impl ThirdPerson {
    /// True when the sentence up to `at` defines a term (`常住人口指：在本镇
    /// 居住…`, `…是指`): there `本镇` means "the town in question", a
    /// relative reference of the definition, not the narrator's voice.
    fn in_definition(&self, text: &str, at: usize) -> bool {
        let head = &text[..at];
        let from = head.rfind(['。', '！', '？', '\n']).map_or(0, |i| {
            i + head[i..].chars().next().map_or(1, char::len_utf8)
        });
        let sentence = &head[from..];
        self.definition_marks
            .iter()
            .any(|m| sentence.contains(m.as_str()))
    }
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
                    if !starts_word || self.in_definition(text, span.start) {
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
