//! `punct-entry-title-inner`: no point marks inside an entry title.

use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Example, Rule, RuleDef};
use crate::span::Span;

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "punct-entry-title-inner",
    category: "style",
    summary: "entry titles (【…】) contain no point marks (，、；： …)",
    source: "yearbook style sheets (标题中间不用标点符号); catalogue PUNCT_ENTRY_TITLE_INNER",
    docs: DOCS,
    examples: &[
        Example::wrong("【乡村振兴，示范村建设】 全年建成示范村12个。", ""),
        Example::right("【乡村振兴示范村建设】 全年建成示范村12个。", ""),
        Example::right(
            "【“十四五”规划编制】 全年完成规划纲要编制。",
            "quotation marks are acceptable",
        ),
        Example::right(
            "【植树节】 全县义务植树12万株。\n\n【编辑：周宁】",
            "a credit in square brackets is not an entry title",
        ),
    ],
    defaults: include_str!("../../../rules/style/punct-entry-title-inner.toml"),
    build,
};

const DOCS: &str = r#"An entry title has no punctuation inside it: `【乡村振兴示范村建设】`, not
`【乡村振兴，示范村建设】`. Quotation and book-title marks around a name are
acceptable (`【“十四五”规划编制】`).

## What it checks

Every mark of `marks` between `【` and `】`, outside quotation and book-title
marks. No fix: whether the mark is dropped or the title rewritten is for the
editor to decide.

## What it leaves alone

* Marks inside `“…”`, `‘…’`, `《…》`, `「…」` (`【《条例》实施】`).
* Quotation and book-title marks, parentheses, dashes and the middle dot
  (not in `marks` by default).
* Credits in square brackets (`【编辑：李明】`, `【撰稿：…】`): a label of
  `credit_labels` and a colon make the bracket a credit line, not an entry
  title.

## Settings (`[rules.punct-entry-title-inner]` in yblint.toml)

* `severity`: `"warning"` (default), `"error"`, `"info"` or `"off"`.
* `marks`: the marks an entry title may not contain.
* `credit_labels`: labels that, followed by a colon, make `【…】` a credit.
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    #[serde(deserialize_with = "crate::config::words")]
    marks: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    credit_labels: Vec<String>,
}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let s: Settings = crate::rules::settings(value)?;
    Ok(Box::new(TitleInner {
        marks: s.marks,
        credit_labels: s.credit_labels,
    }))
}

struct TitleInner {
    marks: Vec<String>,
    credit_labels: Vec<String>,
}

impl TitleInner {
    /// True when the bracket text (`【编辑：李明】` without its brackets)
    /// is a credit: a label of `credit_labels` and a colon.
    fn credit(&self, inner: &str) -> bool {
        let inner = inner.trim_start_matches(['【', ' ', '\u{3000}']);
        self.credit_labels.iter().any(|l| {
            inner
                .strip_prefix(l.as_str())
                .is_some_and(|r| r.trim_start().starts_with(['：', ':']))
        })
    }
}

impl Rule for TitleInner {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for para in &cx.draft.paragraphs {
            let Some(title) = para.title else {
                continue;
            };
            let text = title.slice(cx.text);
            if self.credit(text) {
                continue;
            }
            let mut closing: Vec<char> = Vec::new();
            let mut at = 0;
            while at < text.len() {
                let rest = &text[at..];
                let c = rest.chars().next().unwrap_or(' ');
                if closing.last() == Some(&c) {
                    closing.pop();
                } else if let Some(close) = match c {
                    '“' => Some('”'),
                    '‘' => Some('’'),
                    '《' => Some('》'),
                    '「' => Some('」'),
                    '〈' => Some('〉'),
                    _ => None,
                } {
                    closing.push(close);
                } else if closing.is_empty() {
                    if let Some(m) = self.marks.iter().find(|m| rest.starts_with(m.as_str())) {
                        let span = Span::new(title.start + at, title.start + at + m.len());
                        out.push(
                            DEF.diagnostic(
                                Severity::Warning,
                                span,
                                format!("`{m}` inside an entry title"),
                            )
                            .with_label(title, "entry title")
                            .with_note(
                                "an entry title has no punctuation inside: join or shorten it",
                            ),
                        );
                        at += m.len();
                        continue;
                    }
                }
                at += c.len_utf8();
            }
        }
    }
}
