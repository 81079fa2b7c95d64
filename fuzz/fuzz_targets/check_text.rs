//! The check of a plain-text draft: any bytes, read as UTF-8 (invalid bytes
//! replaced).
#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let doc = yblint::source::from_text("稿.txt", yblint::source::Kind::Text, text);
    common::check(&doc);
});
