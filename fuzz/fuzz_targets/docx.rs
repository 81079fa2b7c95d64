//! The Word reader: any bytes as a `.docx` file (a damaged one is an error,
//! never a crash), and the check of what it reads.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = yblint::source::docx::document("稿.docx", data) {
        common::check(&doc);
    }
});
