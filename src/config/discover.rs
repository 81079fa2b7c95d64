//! Finding a user's `yblint.toml`.

use std::path::{Path, PathBuf};

/// The name of the user configuration file.
pub const CONFIG_NAME: &str = "yblint.toml";

/// The `yblint.toml` in `start` or the nearest of its parents, if any.
/// `start` may be a file (its folder is searched first) or a folder.
pub fn find_config(start: &Path) -> Option<PathBuf> {
    let start = if start.is_file() || !start.exists() {
        start.parent().map(Path::to_path_buf).unwrap_or_default()
    } else {
        start.to_path_buf()
    };
    let start = if start.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        start
    };
    let start = std::fs::canonicalize(&start).unwrap_or(start);
    start
        .ancestors()
        .map(|dir| dir.join(CONFIG_NAME))
        .find(|candidate| candidate.is_file())
}
