//! `stat-pp-vs-percent`: a change of a rate or a share is stated in
//! 个百分点, not in % (`比重下降3%` → `比重下降3个百分点`).

use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::time::prose::{digits_before, skip_spaces_back};
use crate::rules::{Context, Example, Rule, RuleDef};
use crate::span::Span;
use crate::syntax::{Clause, QuantityShape, Token, TokenKind};

/// Registry entry.
pub const DEF: RuleDef = RuleDef {
    name: "stat-pp-vs-percent",
    category: "statistics",
    summary: "a change of a rate or share is in 个百分点, not % (比重下降3个百分点)",
    source: "National Bureau of Statistics usage (百分点: change of relative indicators in percent form); \
             catalogue STAT_PP_VS_PERCENT",
    docs: DOCS,
    examples: &[
        Example::wrong("第一产业比重比上年下降3%。", ""),
        Example::right("第一产业比重比上年下降3个百分点。", ""),
        Example::wrong("全县城乡居民医保参保率为96.5%，比上年提高1.2%。", "the rate is named in the clause before"),
        Example::right(
            "城镇化率由58.3%提高到60.1%，工作效率提高20%。",
            "提高到 names the new level; 效率 is not a percentage",
        ),
    ],
    defaults: include_str!("../../../rules/statistics/stat-pp-vs-percent.toml"),
    build,
};

const DOCS: &str = r#"A change of an indicator stated in percent form (a rate, a share, a growth
rate) is a difference of two percentages, stated in `个百分点`: `比重下降3个百分点`.
`比重下降3%` says the share fell by 3% of itself, which is rarely meant.

## What it checks

A figure in % right after a verb of `change_verbs` (`提高1.2%`), when the
subject of the verb is a rate: the text before the verb, a comparison of
`comparisons` (`比上年`, `同比`) aside, ends with a word of `rate_words` or a
word ending in `率` (not one of `not_rates`); or, when the clause has no
subject, the clause before it states a rate as a percentage
(`参保率为96.5%，比上年提高1.2%`).

## What it leaves alone

* A new level after `提高到`, `下降至`, `上升为` (the verb is not right before
  the figure).
* Words ending in `率` that are not percentages (`效率`, `频率`, `汇率` …: `not_rates`).
* Changes of absolute figures (`产量增长12%`), and 个百分点 in any case.
* The reverse mistake (`产量增加12个百分点`) is not checked.

A relative change of a rate (`死亡率下降3%`, a fall of 3% of its value) is
occasionally meant: hence a warning, not an error.

## Settings (`[rules.stat-pp-vs-percent]` in yblint.toml)

* `severity`: `"warning"` (default), `"error"`, `"info"` or `"off"`.
* `rate_words`: indicators in percent form besides the words ending in `率`.
* `not_rates`: words ending in `率` that are not percentages.
* `change_verbs`: verbs of change.
* `comparisons`: comparisons that may stand between the subject and the verb.
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    #[serde(deserialize_with = "crate::config::words")]
    rate_words: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    not_rates: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    change_verbs: Vec<String>,
    #[serde(deserialize_with = "crate::config::words")]
    comparisons: Vec<String>,
}

fn build(value: Spanned<DeValue<'_>>) -> Result<Box<dyn Rule>, toml::de::Error> {
    let s: Settings = crate::rules::settings(value)?;
    Ok(Box::new(PpVsPercent {
        rate_words: s.rate_words,
        not_rates: s.not_rates,
        verbs: s.change_verbs,
        comparisons: s.comparisons,
    }))
}

struct PpVsPercent {
    rate_words: Vec<String>,
    not_rates: Vec<String>,
    verbs: Vec<String>,
    comparisons: Vec<String>,
}

/// True for a single figure in percent (`3%`, `１２％`), not permille.
fn is_percent(text: &str, token: &Token) -> bool {
    match &token.kind {
        TokenKind::Quantity(q) => match q.as_ref() {
            QuantityShape::Single(n) => n
                .percent
                .is_some_and(|p| matches!(p.slice(text), "%" | "％")),
            _ => false,
        },
        _ => false,
    }
}

impl PpVsPercent {
    /// The rate word `s` ends with, as a byte length from the end.
    fn rate_at_end(&self, s: &str) -> Option<usize> {
        if let Some(w) = self
            .rate_words
            .iter()
            .filter(|w| s.ends_with(w.as_str()))
            .max_by_key(|w| w.len())
        {
            return Some(w.len());
        }
        if s.ends_with('率') && !self.not_rates.iter().any(|w| s.ends_with(w.as_str())) {
            // The word: the Han characters before 率, at most three more.
            let n: usize = s
                .chars()
                .rev()
                .take(4)
                .take_while(|c| crate::rules::scan::is_han(*c))
                .map(char::len_utf8)
                .sum();
            return Some(n);
        }
        None
    }

    /// Strips comparisons (`比上年`, `同比`, `比2022年`) from the end of `s`.
    fn strip_comparisons<'s>(&self, s: &'s str) -> &'s str {
        let mut s = s.trim_end();
        loop {
            if let Some(c) = self.comparisons.iter().find(|c| s.ends_with(c.as_str())) {
                s = s[..s.len() - c.len()].trim_end();
                continue;
            }
            // 比2022年, 较2022年
            if let Some(rest) = s.strip_suffix('年') {
                let end = skip_spaces_back(rest, rest.len());
                if let Some((start, _)) = digits_before(rest, end) {
                    let head = rest[..start].trim_end();
                    if let Some(h) = head.strip_suffix('比').or_else(|| head.strip_suffix('较')) {
                        s = h.trim_end();
                        continue;
                    }
                }
            }
            return s;
        }
    }

    /// The span of the rate word a clause states as a percentage
    /// (`参保率为96.5%`), if any.
    fn stated_rate(&self, cx: &Context<'_>, clause: &Clause) -> Option<Span> {
        let i = clause.tokens.iter().rposition(|t| is_percent(cx.text, t))?;
        let head = &cx.text[clause.span.start..clause.tokens[i].span.start];
        let mut head = head.trim_end();
        for w in ["达到", "达", "为", "是", "至", "到"] {
            if let Some(h) = head.strip_suffix(w) {
                head = h.trim_end();
                break;
            }
        }
        let n = self.rate_at_end(head)?;
        let end = clause.span.start + head.len();
        Some(Span::new(end - n, end))
    }
}

impl Rule for PpVsPercent {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let text = cx.text;
        for para in &cx.draft.paragraphs {
            for sentence in &para.sentences {
                for (ci, clause) in sentence.clauses.iter().enumerate() {
                    for token in clause.tokens.iter().filter(|t| is_percent(text, t)) {
                        let mut before = text[clause.span.start..token.span.start].trim_end();
                        if let Some(b) = before.strip_suffix('了') {
                            before = b.trim_end();
                        }
                        let Some(verb) = self
                            .verbs
                            .iter()
                            .filter(|v| before.ends_with(v.as_str()))
                            .max_by_key(|v| v.len())
                        else {
                            continue;
                        };
                        let subject = self.strip_comparisons(&before[..before.len() - verb.len()]);
                        let rate = if subject.is_empty() {
                            // The rate stated in the clause before.
                            ci.checked_sub(1)
                                .and_then(|p| self.stated_rate(cx, &sentence.clauses[p]))
                        } else {
                            self.rate_at_end(subject).map(|n| {
                                let end = clause.span.start + subject.len();
                                Span::new(end - n, end)
                            })
                        };
                        let Some(rate) = rate else {
                            continue;
                        };
                        let figure = token.span.slice(text);
                        out.push(
                            DEF.diagnostic(
                                Severity::Warning,
                                token.span,
                                format!("a change of a rate or share given in %: `{verb}{figure}`"),
                            )
                            .with_label(rate, "a rate or share")
                            .with_note(format!(
                                "a change of a rate or share is a difference of percentages: write `{verb}{}个百分点`, unless a relative change is meant",
                                figure.trim_end_matches(['%', '％'])
                            )),
                        );
                    }
                }
            }
        }
    }
}
