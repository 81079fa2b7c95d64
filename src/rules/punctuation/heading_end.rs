//! `punct-heading-end`: headings and entry titles take no 。，；： at the end.

use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use super::guard::Guard;
use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rules::{Context, Example, Rule, RuleDef};
use crate::span::Span;

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "punct-heading-end",
    category: "punctuation",
    summary: "headings and entry titles 【…】 end without 。，；：",
    source: "GB/T 15834-2011 usage notes (标题末尾一般不用标点) and yearbook style sheets \
             (条目标题不加标点); catalogue PUNCT_HEADING_END",
    docs: DOCS,
    examples: &[
        Example::wrong(
            "【全县经济工作会议召开。】 12月18日，全县经济工作会议召开。",
            "a full stop inside the entry title",
        ),
        Example::wrong(
            "◆民政事务：\n\n【概述】 全县有低保对象480户。",
            "a heading ending with a colon",
        ),
        Example::right("◆民政事务\n\n【全县经济工作会议】 12月18日召开。", ""),
        Example::right(
            "【如何破解“办事难”？】 全县推行一窗受理。",
            "a question mark the meaning asks for",
        ),
    ],
    defaults: include_str!("../../../rules/punctuation/punct-heading-end.toml"),
    build,
};

const DOCS: &str = r#"A heading or an entry title stands on its own and ends without a point mark:
`【全县经济工作会议】`, not `【全县经济工作会议召开。】`; `◆民政事务`, not
`◆民政事务：`. The fix (safe) removes the mark.

## What it checks

The last character of a section heading (`◆…`, Markdown `#`) and of the
text inside an entry title `【…】`: `。`, `，`, `；`, `：`, `、` or their ASCII
forms.

## What it leaves alone

* `？` and `！` where the meaning asks for them, `……`, closing quotation
  marks and brackets.
* Captions and table titles (`表3 主要农产品产量`): a line that starts with
  `表` or `图` cannot be told from a sentence that does.
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let _: Settings = crate::rules::settings(value)?;
    Ok(Box::new(HeadingEnd))
}

/// The `punct-heading-end` rule.
pub struct HeadingEnd;

impl Rule for HeadingEnd {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let text = cx.text;
        let guard = Guard::new(text);
        let mut titles: Vec<(Span, &str)> = cx
            .draft
            .headings
            .iter()
            .map(|h| {
                let t = h.title.slice(text);
                let trimmed = t.trim_end_matches(['#', ' ', '\t']).trim_end();
                (
                    Span::new(h.title.start, h.title.start + trimmed.len()),
                    "heading",
                )
            })
            .collect();
        titles.extend(cx.draft.paragraphs.iter().filter_map(|p| {
            let t = p.title?;
            let open = '【'.len_utf8();
            let close = '】'.len_utf8();
            (t.len() >= open + close)
                .then(|| (Span::new(t.start + open, t.end - close), "entry title"))
        }));
        for (title, what) in titles {
            let Some(c) = title.slice(text).trim_end().chars().next_back() else {
                continue;
            };
            if !matches!(c, '。' | '，' | '；' | '：' | '、' | '.' | ',' | ';' | ':') {
                continue;
            }
            let end = title.start + title.slice(text).trim_end().len();
            let mark = Span::new(end - c.len_utf8(), end);
            if guard.touches(mark) {
                continue;
            }
            // `1.` of a numbered Markdown heading (`## 2.`) is not an end mark.
            if c == '.'
                && text[..mark.start]
                    .chars()
                    .next_back()
                    .is_some_and(|p| p.is_ascii_digit())
            {
                continue;
            }
            out.push(
                DEF.diagnostic(Severity::Warning, mark, format!("{what} ends with `{c}`"))
                    .with_note("headings and entry titles take no 。，；： at the end")
                    .with_fix(Fix::replace(
                        mark,
                        "",
                        Applicability::Safe,
                        format!("remove `{c}`"),
                    )),
            );
        }
    }
}
