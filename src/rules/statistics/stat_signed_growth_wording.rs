//! `stat-signed-growth-wording`: the direction of a change is in its verb
//! (`下降3.5%`), not in a sign (`增长-3.5%`, `下降-2.1%`).

use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rules::scan::{char_at, Words};
use crate::rules::time::prose::{is_digit, pieces, skip_spaces};
use crate::rules::{Context, Example, Rule, RuleDef};
use crate::span::Span;

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "stat-signed-growth-wording",
    category: "statistics",
    summary: "the direction of a change is in the verb: 下降3.5%, not 增长-3.5% or 下降-2.1%",
    source: "statistical bulletin usage (负增长写作下降; negative rates only in table columns); \
             catalogue STAT_SIGNED_GROWTH_WORDING",
    docs: DOCS,
    examples: &[
        Example::wrong(
            "全年工业用电量同比增长-3.5%。",
            "a negative growth is a decrease",
        ),
        Example::right("全年工业用电量同比下降3.5%。", ""),
        Example::wrong(
            "全县商品房销售面积下降-2.1%。",
            "a double negative: it grew",
        ),
        Example::right(
            "全县商品房销售面积增长2-3%的区间内波动。",
            "a range, not a sign",
        ),
    ],
    defaults: include_str!("../../../rules/statistics/stat-signed-growth-wording.toml"),
    build,
};

const DOCS: &str = r#"In running text the direction of a change is stated by its verb:
`下降3.5%`, not `增长-3.5%`; `下降-2.1%` is a double negative and means a
growth of 2.1%. Signed rates belong in the growth columns of tables.

## What it checks

A verb of `pairs` (either side), an optional `了`, then a negative figure
(`-3.5%`, `－3.5%`, `−3.5%`, `负3.5%`). The fix (unsafe: check the figure)
writes the opposite verb and drops the sign: `增长-3.5%` → `下降3.5%`,
`下降-2.1%` → `增长2.1%`.

## What it leaves alone

* A dash between two figures (`2-3%`) and a figure with no sign.
* Quotations and book titles.

## Settings (`[rules.stat-signed-growth-wording]` in yblint.toml)

* `severity`: `"warning"` (default), `"error"`, `"info"` or `"off"`.
* `pairs`: verbs of change, each with its opposite: `[increase, decrease]`.
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    #[serde(deserialize_with = "crate::rules::time::prose::pairs")]
    pairs: Vec<(String, String)>,
}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let s: Settings = crate::rules::settings(value)?;
    let mut verbs: Vec<String> = Vec::new();
    for (up, down) in &s.pairs {
        verbs.push(up.clone());
        verbs.push(down.clone());
    }
    Ok(Box::new(SignedGrowth {
        verbs: Words::new(&verbs),
        pairs: s.pairs,
    }))
}

struct SignedGrowth {
    verbs: Words,
    pairs: Vec<(String, String)>,
}

impl SignedGrowth {
    /// The opposite of `verb` and whether `verb` is a decrease.
    fn opposite(&self, verb: &str) -> Option<(&str, bool)> {
        self.pairs.iter().find_map(|(up, down)| {
            if up == verb {
                Some((down.as_str(), false))
            } else if down == verb {
                Some((up.as_str(), true))
            } else {
                None
            }
        })
    }
}

impl Rule for SignedGrowth {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let text = cx.text;
        for piece in pieces(cx, &Words::new(&[])) {
            for (verb, word) in self.verbs.find_all(piece.span.slice(text)) {
                let verb = verb.shifted(piece.span.start);
                let mut at = skip_spaces(text, verb.end);
                let mut le = "";
                if char_at(text, at) == Some('了') {
                    le = "了";
                    at = skip_spaces(text, at + '了'.len_utf8());
                }
                let Some(sign) = char_at(text, at).filter(|c| matches!(c, '-' | '－' | '−' | '负'))
                else {
                    continue;
                };
                let num = at + sign.len_utf8();
                let mut end = num;
                while let Some(c) =
                    char_at(text, end).filter(|c| is_digit(*c) || matches!(c, '.' | '．'))
                {
                    end += c.len_utf8();
                }
                if end == num || !char_at(text, num).is_some_and(is_digit) || end > piece.span.end {
                    continue;
                }
                if let Some(p) = char_at(text, end).filter(|c| matches!(c, '%' | '％' | '‰')) {
                    end += p.len_utf8();
                }
                let Some((opposite, decrease)) = self.opposite(word) else {
                    continue;
                };
                let span = Span::new(verb.start, end);
                let figure = &text[num..end];
                let fixed = format!("{opposite}{le}{figure}");
                let message = if decrease {
                    format!(
                        "a double negative: `{}` is a growth of {figure}",
                        span.slice(text)
                    )
                } else {
                    format!("a negative growth in the text: `{}`", span.slice(text))
                };
                out.push(
                    DEF.diagnostic(Severity::Warning, span, message)
                        .with_label(Span::new(at, num), "sign")
                        .with_note(format!("state the direction in the verb: `{fixed}`"))
                        .with_fix(Fix::replace(
                            Span::new(verb.start, num),
                            format!("{opposite}{le}"),
                            Applicability::Unsafe,
                            format!("write `{fixed}`"),
                        )),
                );
            }
        }
    }
}
