//! The `yblint` command; see [`yblint::cli`].

fn main() {
    std::process::exit(yblint::cli::run());
}
