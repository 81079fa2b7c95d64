//! The configuration loader: any text as a `yblint.toml` (a broken one is
//! an error, never a crash). The file lies in a folder that does not
//! exist, so that no formula file is read.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let path = std::path::Path::new("/nonexistent-yblint-fuzz/yblint.toml");
        let _ = yblint::config::Config::load(Some((path, text)));
    }
});
