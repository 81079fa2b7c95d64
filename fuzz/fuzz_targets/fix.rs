//! `--fix --unsafe-fixes` on a plain-text draft: no panic, the figures of
//! the text (its runs of digits) are kept, and fixing the fixed text again
//! changes nothing when the first run settled.
#![no_main]

use libfuzzer_sys::fuzz_target;
use yblint::fix::{fix_text, numbers, FixMode, MAX_PASSES};

mod common;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let lint = |t: &str| yblint::check_text(t, &common::CONFIG);
    let Ok(out) = fix_text(&text, FixMode::Unsafe, lint) else {
        return;
    };
    assert_eq!(numbers(&out.text), numbers(&text), "a fix changed a figure");
    if out.passes < MAX_PASSES {
        let again = fix_text(&out.text, FixMode::Unsafe, lint).expect("the fixed text is checked");
        assert_eq!(again.text, out.text, "fixing the fixed text changed it");
    }
});
