//! Punctuation and spacing rules: what each reports (rule, the text its span
//! covers, message), what it leaves alone (the traps the catalogue names),
//! and what its fix makes of the text.
//!
//! Drafts are checked through the library with the built-in configuration
//! (or a `yblint.toml` given as text); fixes are applied here, edit by edit,
//! the way `yblint check --fix` applies them.

mod helpers;
mod layout;
mod markdown;
mod marks;
mod structure;
