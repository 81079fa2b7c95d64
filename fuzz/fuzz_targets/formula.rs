//! The formula parser: any text as a formula's `value`; what parses is
//! evaluated and written out.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(e) = yblint::formula::Expression::parse(text) {
            let _ = e.render(&|i| format!("x{i}"));
            let _ = e.dimension(&[]);
        }
    }
});
