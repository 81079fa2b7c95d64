//! The unified diff `yblint check --diff` prints for a fixed draft.

use similar::TextDiff;

/// A unified diff (3 lines of context) from `old` to `new`, with headers
/// `--- a/PATH` and `+++ b/PATH` (a leading `./` dropped); empty when the
/// texts are equal.
pub fn unified(path: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    let path = path.strip_prefix("./").unwrap_or(path);
    let diff = TextDiff::from_lines(old, new);
    let mut out = diff
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string();
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_the_changed_line() {
        let d = unified(
            "a.txt",
            "一\n产值１２亿元。\n三\n",
            "一\n产值12亿元。\n三\n",
        );
        assert_eq!(
            d,
            "--- a/a.txt\n+++ b/a.txt\n@@ -1,3 +1,3 @@\n 一\n-产值１２亿元。\n+产值12亿元。\n 三\n"
        );
        assert_eq!(unified("a", "x", "x"), "");
        assert!(unified("./稿/a.txt", "x\n", "y\n").starts_with("--- a/稿/a.txt\n+++ b/稿/a.txt\n"));
    }
}
