//! The language server's reader: any bytes as its standard input. Each
//! frame is a message or an error response (never a crash), and nothing
//! larger than the message limit is read.
#![no_main]

use libfuzzer_sys::fuzz_target;
use yblint::lsp::transport::{read_all, INVALID_REQUEST, PARSE_ERROR};

fuzz_target!(|data: &[u8]| {
    for read in read_all(data) {
        if let Err(answer) = read {
            let code = answer["error"]["code"].as_i64();
            assert!(
                code == Some(i64::from(PARSE_ERROR)) || code == Some(i64::from(INVALID_REQUEST)),
                "{answer}"
            );
        }
    }
});
