//! What every target checks of a document it reads: the check ends, no rule
//! fails (a failing rule gives an `internal-error` diagnostic), and every
//! span lies inside the source text, on character boundaries.

use std::sync::LazyLock;

use yblint::config::Config;
use yblint::source::Document;

/// The built-in configuration, built once.
pub static CONFIG: LazyLock<Config> =
    LazyLock::new(|| Config::builtin().expect("the built-in configuration loads"));

/// Checks `doc` and asserts what every check must keep.
#[allow(dead_code)] // the `fix` target uses only the configuration
pub fn check(doc: &Document) {
    let found = yblint::check_document(doc, &CONFIG).expect("the grammar accepts every text");
    let text = doc.source_text();
    for d in &found {
        assert_ne!(
            d.rule,
            yblint::diagnostic::INTERNAL_ERROR,
            "a rule failed: {}",
            d.message
        );
        let s = d.span;
        assert!(
            s.start <= s.end
                && s.end <= text.len()
                && text.is_char_boundary(s.start)
                && text.is_char_boundary(s.end),
            "{}: span {}..{} outside the text or inside a character",
            d.rule,
            s.start,
            s.end
        );
    }
}
