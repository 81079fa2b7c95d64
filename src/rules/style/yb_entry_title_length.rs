//! `yb-entry-title-length`: entry titles (条目标题) are short.

use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Example, Rule, RuleDef};
use crate::span::Span;

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "yb-entry-title-length",
    category: "style",
    summary: "entry titles (【…】) are short: at most max_chars characters",
    source: "yearbook style sheets (条目标题一般不超过15字 / 16字 / 18字); catalogue YB_ENTRY_TITLE_LENGTH",
    docs: DOCS,
    examples: &[
        Example::wrong(
            "【全县深入开展农村人居环境整治三年行动集中攻坚月活动】 4月，全县开展集中攻坚。",
            "25 characters",
        ),
        Example::right("【农村人居环境整治攻坚】 4月，全县开展集中攻坚。", ""),
    ],
    defaults: include_str!("../../../rules/style/yb-entry-title-length.toml"),
    build,
};

const DOCS: &str = r#"An entry title (条目标题, the `【…】` that opens an entry) names its matter in
a few words: `【农村人居环境整治攻坚】`, not a sentence.

## What it checks

The characters between `【` and `】`, spaces not counted, against
`max_chars`. Quotation and book-title marks count as characters.

## What it leaves alone

Section headings (`◆…`, `## …`): their length is a matter of the book's
framework, not of this rule.

## Settings (`[rules.yb-entry-title-length]` in yblint.toml)

* `severity`: `"warning"` (default), `"error"`, `"info"` or `"off"`.
* `max_chars`: the longest title, in characters (18 by default; style sheets
  ask for 15, 16 or 18).
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    max_chars: usize,
}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let s: Settings = crate::rules::settings(value)?;
    Ok(Box::new(TitleLength { max: s.max_chars }))
}

struct TitleLength {
    max: usize,
}

impl Rule for TitleLength {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for para in &cx.draft.paragraphs {
            let Some(title) = para.title else {
                continue;
            };
            let inner = title
                .slice(cx.text)
                .trim_start_matches('【')
                .trim_end_matches('】');
            let n = inner
                .chars()
                .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
                .count();
            if n <= self.max {
                continue;
            }
            out.push(
                DEF.diagnostic(
                    Severity::Warning,
                    Span::new(title.start, title.end),
                    format!("entry title of {n} characters; the limit is {}", self.max),
                )
                .with_note("name the matter in a few words; details go into the entry text"),
            );
        }
    }
}
