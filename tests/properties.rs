//! Properties that hold for every input: the grammar accepts any text,
//! checking never panics, and every span yblint reports lies on character
//! boundaries inside the text.

use proptest::prelude::*;
use yblint::config::Config;

/// Pieces of yearbook prose, figures, units and punctuation, glued at random.
fn draft_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("全县有城乡低保对象".to_string()),
        Just("其中，".to_string()),
        Just("城市".to_string()),
        Just("农村".to_string()),
        Just("男性".to_string()),
        Just("女性".to_string()),
        Just("分别为".to_string()),
        Just("、".to_string()),
        Just("，".to_string()),
        Just("；".to_string()),
        Just("。".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("【条目】".to_string()),
        Just("◆类目\n".to_string()),
        Just("## 分目\n".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("（".to_string()),
        Just("）".to_string()),
        Just("0-17岁".to_string()),
        Just("60岁及以上".to_string()),
        Just("2020年".to_string()),
        Just("第一产业".to_string()),
        Just("约".to_string()),
        Just("余".to_string()),
        Just("负".to_string()),
        Just("比上年增长".to_string()),
        Just("万".to_string()),
        Just("亿元".to_string()),
        Just("户".to_string()),
        Just("人".to_string()),
        Just("人次".to_string()),
        Just("%".to_string()),
        Just(":".to_string()),
        Just("～".to_string()),
        Just(" ".to_string()),
        Just("\u{FEFF}".to_string()),
        Just("三十六".to_string()),
        Just("－".to_string()),
        Just("−".to_string()),
        Just("亿亿亿".to_string()),
        Just("万亿平方千米".to_string()),
        Just("百分之".to_string()),
        Just("点".to_string()),
        Just("·".to_string()),
        Just("- ".to_string()),
        (0u32..100_000).prop_map(|n| n.to_string()),
        (0u32..10_000, 0u32..100).prop_map(|(a, b)| format!("{a}.{b}")),
        "[０-９]{1,4}",
        any::<char>().prop_map(|c| c.to_string()),
    ]
}

fn draft() -> impl Strategy<Value = String> {
    prop::collection::vec(draft_piece(), 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn checking_any_text_never_fails_and_spans_are_sound(text in draft()) {
        let config = Config::builtin().unwrap();
        let diagnostics = yblint::check_text(&text, &config).expect("the grammar accepts every input");
        for d in &diagnostics {
            let spans = std::iter::once(d.span).chain(d.labels.iter().map(|l| l.span));
            for s in spans {
                prop_assert!(s.start <= s.end && s.end <= text.len());
                prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            }
            prop_assert_eq!(d.labels.iter().filter(|l| l.primary).count(), 1);
        }
    }

    #[test]
    fn arbitrary_unicode_parses(text in "\\PC{0,200}") {
        let draft = yblint::syntax::parse(&text).expect("the grammar accepts every input");
        for p in &draft.paragraphs {
            prop_assert!(p.span.end <= text.len());
            for s in &p.sentences {
                for c in &s.clauses {
                    for t in &c.tokens {
                        prop_assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
                    }
                }
            }
        }
    }

    /// Any urban/rural split that adds up, in households and persons, is silent.
    #[test]
    fn consistent_breakdowns_are_silent(
        urban in 0u32..5000, rural in 0u32..50000, households in 1u32..9,
    ) {
        let total = urban + rural;
        let text = format!(
            "全县有城乡低保对象{}户{total}人，其中，城市低保对象{households}户{urban}人，农村低保对象{}户{rural}人。",
            households * 2, households,
        );
        let config = Config::builtin().unwrap();
        prop_assert!(yblint::check_text(&text, &config).unwrap().is_empty(), "{}", text);
    }

    /// Any urban/rural split that falls short of its total is reported with
    /// the right arithmetic.
    #[test]
    fn a_partition_that_misses_its_total_is_reported(
        urban in 0u32..5000, rural in 0u32..50000, gap in 1u32..500,
    ) {
        let total = urban + rural + gap;
        let text = format!("全县有城乡低保对象{total}人，其中，城市低保对象{urban}人，农村低保对象{rural}人。");
        let config = Config::builtin().unwrap();
        let found = yblint::check_text(&text, &config).unwrap();
        prop_assert_eq!(found.len(), 1, "{}", text);
        let expected = format!("{urban} + {rural} = {} 人, {gap} short of {total} 人 (parts 城市/农村 cover the whole)", urban + rural);
        prop_assert_eq!(&found[0].notes[0], &expected);
    }
}
