//! The `yblint` command; see [`yblint::cli`].

fn main() {
    // Output piped into a command that stops reading (`yblint rule NAME |
    // head`) ends the process quietly, as other command-line tools do,
    // instead of failing on the closed pipe.
    #[cfg(unix)]
    // SAFETY: restoring the default action of one signal before any thread
    // is started has no preconditions.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    std::process::exit(yblint::cli::run());
}
