//! `yb-no-honorifics`: persons by name, without 同志, 先生, 女士.

use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rules::scan::{char_at, is_han, Words};
use crate::rules::time::prose::pieces;
use crate::rules::{Context, Example, Rule, RuleDef};
use crate::span::Span;

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "yb-no-honorifics",
    category: "style",
    summary: "persons by name without 同志, 先生, 女士 (县长王××出席)",
    source: "yearbook and gazetteer style sheets (人物直书其名, 不加“同志”“先生”等称谓); \
             catalogue YB_NO_HONORIFICS",
    docs: DOCS,
    examples: &[
        Example::wrong("县长王××同志出席并讲话。", ""),
        Example::right("县长王××出席并讲话。", ""),
        Example::right(
            "县委老干部局走访慰问离退休老同志86人，全体同志参加学习。",
            "老同志 and 全体同志 are not names with an honorific",
        ),
        Example::right(
            "全县党员干部紧密团结在以习近平同志为核心的党中央周围。",
            "official phrasing",
        ),
    ],
    defaults: include_str!("../../../rules/style/yb-no-honorifics.toml"),
    build,
};

const DOCS: &str = r#"A yearbook names persons plainly, with their post on first mention:
`县长王××出席并讲话`, not `县长王××同志出席并讲话`.

## What it checks

A word of `honorifics` (`同志`, `先生`, `女士`) right after a name: two or three
characters (Han, or `×`, `*`, `某` for names withheld) that start with a
surname of `surnames`. The fix (unsafe: read the sentence) drops the
honorific.

## What it leaves alone

* `老同志`, `女同志`, `全体同志`, `同志们`: no name before the honorific, or
  a plural address.
* Names that start with no listed surname (many minority names), and the
  phrases of `not_names`: words such as `许多同志`, and the leaders whose
  names official phrasing writes with `同志` (`以习近平同志为核心的党中央`).
* Quotations and book titles, and sections named in `exempt_sections`.

## Settings (`[rules.yb-no-honorifics]` in yblint.toml)

* `severity`: `"warning"` (default), `"error"`, `"info"` or `"off"`.
* `honorifics`: the honorifics reported after a name.
* `surnames`: surnames a name may start with.
* `not_names`: phrases that start with a surname but are not names.
* `exempt_sections`: words in a heading or entry title whose section or
  entry is not checked.
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    #[serde(deserialize_with = "crate::config::words")]
    honorifics: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    surnames: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    not_names: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    exempt_sections: Vec<String>,
}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let s: Settings = crate::rules::settings(value)?;
    Ok(Box::new(Honorifics {
        honorifics: Words::new(&s.honorifics),
        surnames: s.surnames,
        not_names: s.not_names,
        exempt: Words::new(&s.exempt_sections),
    }))
}

struct Honorifics {
    honorifics: Words,
    surnames: Vec<String>,
    not_names: Vec<String>,
    exempt: Words,
}

fn name_char(c: char) -> bool {
    is_han(c) || matches!(c, '×' | '╳' | '*' | '＊' | '某' | 'X' | 'Ｘ' | '○')
}

impl Honorifics {
    /// The name right before byte `end` of `piece`: two or three name
    /// characters starting with a surname.
    fn name_before(&self, text: &str, piece: Span, end: usize) -> Option<Span> {
        let before: Vec<(usize, char)> = text[piece.start..end]
            .char_indices()
            .rev()
            .take(3)
            .map(|(i, c)| (piece.start + i, c))
            .collect();
        for len in [3usize, 2] {
            let Some(&(start, _)) = before.get(len - 1) else {
                continue;
            };
            let name = &text[start..end];
            if !name.chars().all(name_char) {
                continue;
            }
            if self.not_names.iter().any(|n| name.starts_with(n.as_str())) {
                continue;
            }
            let surname = self
                .surnames
                .iter()
                .find(|s| name.starts_with(s.as_str()) && name.len() > s.len());
            if surname.is_some() {
                return Some(Span::new(start, end));
            }
        }
        None
    }
}

impl Rule for Honorifics {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let text = cx.text;
        for piece in pieces(cx, &self.exempt) {
            for (span, word) in self.honorifics.find_all(piece.span.slice(text)) {
                let span = span.shifted(piece.span.start);
                if char_at(text, span.end) == Some('们') {
                    continue;
                }
                let Some(name) = self.name_before(text, piece.span, span.start) else {
                    continue;
                };
                out.push(
                    DEF.diagnostic(
                        Severity::Warning,
                        span,
                        format!("honorific `{word}` after the name `{}`", name.slice(text)),
                    )
                    .with_label(name, "name")
                    .with_note("a yearbook names persons plainly, with their post on first mention")
                    .with_fix(Fix::replace(
                        span,
                        "",
                        Applicability::Unsafe,
                        format!("drop `{word}`"),
                    )),
                );
            }
        }
    }
}
