//! Keeps one failure from costing a whole run: a panic inside a rule, or
//! anywhere in the work on one file, is caught and reported as an internal
//! error of that rule or file (`internal error in rule time-year-abbrev: …;
//! please report it with this file`), and yblint goes on with the other
//! rules and files; `yblint check` then exits with code 2.
//!
//! A caught panic prints nothing by itself: the error line yblint prints
//! names the rule, the panic's message and where in yblint it happened.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::sync::{LazyLock, Once};

thread_local! {
    /// How many [`catch`] calls this thread is inside.
    static CATCHING: Cell<u32> = const { Cell::new(0) };
    /// Where the last caught panic of this thread happened.
    static LOCATION: RefCell<Option<String>> = const { RefCell::new(None) };
}

static HOOK: Once = Once::new();

/// Installs, once, a panic hook that stays quiet for the panics [`catch`]
/// catches (it records where they happened) and prints the others as Rust
/// does.
fn install_hook() {
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if CATCHING.with(Cell::get) > 0 {
                let at = info
                    .location()
                    .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()));
                LOCATION.with(|l| *l.borrow_mut() = at);
            } else {
                previous(info);
            }
        }));
    });
}

/// Runs `f`; a panic inside it comes back as `Err` with the panic's message
/// and where it happened (`index out of bounds … (src/source/docx.rs:120:9)`).
pub fn catch<R>(f: impl FnOnce() -> R) -> Result<R, String> {
    install_hook();
    CATCHING.with(|c| c.set(c.get() + 1));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    CATCHING.with(|c| c.set(c.get() - 1));
    result.map_err(|payload| {
        let message = one_line(&payload_message(payload.as_ref()));
        match LOCATION.with(|l| l.borrow_mut().take()) {
            Some(at) => format!("{message} ({at})"),
            None => message,
        }
    })
}

/// The text of a panic's payload.
fn payload_message(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "a panic without a message".to_string()
    }
}

/// The longest panic message shown, in characters.
const MAX_MESSAGE: usize = 200;

/// `message` on one line (line breaks and other control characters
/// escaped), cut after [`MAX_MESSAGE`] characters: a panic message may quote
/// a whole paragraph of the draft.
fn one_line(message: &str) -> String {
    let mut out = String::new();
    for (i, c) in message.chars().enumerate() {
        if i == MAX_MESSAGE {
            out.push('…');
            break;
        }
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// The message of an internal error in `rule` (see [`catch`]).
pub fn rule_error(rule: &str, panic: &str) -> String {
    format!("internal error in rule {rule}: {panic}; please report it with this file")
}

/// The message of an internal error outside the rules (reading or fixing a
/// file).
pub fn file_error(panic: &str) -> String {
    format!("internal error: {panic}; please report it with this file")
}

/// The rule named by the environment variable `YBLINT_TEST_PANIC_RULE`,
/// read once: the test suite makes that rule panic to prove that a failing
/// rule costs only its own findings. Not documented for users.
static TEST_PANIC_RULE: LazyLock<Option<String>> =
    LazyLock::new(|| std::env::var("YBLINT_TEST_PANIC_RULE").ok());

/// Panics when `rule` is the rule the test suite asked to fail (see
/// `YBLINT_TEST_PANIC_RULE`); does nothing otherwise.
pub fn test_panic(rule: &str) {
    if TEST_PANIC_RULE.as_deref() == Some(rule) {
        panic!("YBLINT_TEST_PANIC_RULE asked {rule} to fail");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_caught_panic_gives_its_message_and_place() {
        let e = catch(|| -> u8 { panic!("boom {}", 1) }).unwrap_err();
        assert!(e.starts_with("boom 1 (src/guard.rs:"), "{e}");
        assert_eq!(catch(|| 7), Ok(7));
        let long = catch(|| -> u8 { panic!("a\nb{}", "c".repeat(500)) }).unwrap_err();
        assert!(long.starts_with("a\\nbccc"), "{long}");
        assert!(long.contains("c… (src/guard.rs:"), "{long}");
    }
}
