//! The Markdown reader and the check of what it reads.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let doc = yblint::source::from_text("稿.md", yblint::source::Kind::Markdown, text);
    common::check(&doc);
});
