//! Writing a fixed draft back: in the file's own encoding and line endings,
//! atomically (a temporary file in the same folder, renamed over the draft),
//! with the draft's permissions; on any error the draft is left as it was.

use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Why a fixed draft was not written. The draft is unchanged in every case.
#[derive(Debug)]
pub enum WriteError {
    /// The draft or its folder could not be read or written (a read-only
    /// folder, a file that vanished).
    Io(std::io::Error),
    /// The draft changed on disk after yblint read it.
    Changed,
    /// The fixed text has a character the draft's encoding cannot hold.
    Unencodable {
        /// The encoding (`GBK`).
        encoding: String,
        /// The first character that cannot be written.
        character: char,
    },
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::Io(e) => write!(f, "cannot write the fixed file: {e}; file unchanged"),
            WriteError::Changed => write!(
                f,
                "the file changed on disk while it was being checked; file unchanged"
            ),
            WriteError::Unencodable {
                encoding,
                character,
            } => write!(
                f,
                "the fixed text cannot be written in {encoding} (`{character}` has no {encoding} form); file unchanged"
            ),
        }
    }
}

impl std::error::Error for WriteError {}

impl From<std::io::Error> for WriteError {
    fn from(e: std::io::Error) -> Self {
        WriteError::Io(e)
    }
}

/// True when every line break of `text` is `\r\n` (and there is one).
pub fn is_crlf(text: &str) -> bool {
    let lf = text.matches('\n').count();
    lf > 0 && text.matches("\r\n").count() == lf
}

/// `fixed` with the line breaks of `original`: when the original breaks its
/// lines with `\r\n` only, a bare `\n` a fix brought in becomes `\r\n`.
pub fn keep_line_endings(original: &str, fixed: String) -> String {
    if !is_crlf(original) || is_crlf(&fixed) || !fixed.contains('\n') {
        return fixed;
    }
    let mut out = String::with_capacity(fixed.len() + 16);
    let mut prev = '\0';
    for c in fixed.chars() {
        if c == '\n' && prev != '\r' {
            out.push('\r');
        }
        out.push(c);
        prev = c;
    }
    out
}

/// The file a write to `path` must replace: the target of a symbolic link,
/// so that the link stays a link.
fn target(path: &Path) -> std::io::Result<PathBuf> {
    let meta = std::fs::symlink_metadata(path)?;
    if meta.file_type().is_symlink() {
        std::fs::canonicalize(path)
    } else {
        Ok(path.to_path_buf())
    }
}

/// Replaces the file at `path`, whose content yblint read as `original`,
/// with `bytes`: written to a temporary file in the same folder, given the
/// file's permissions, and renamed over it.
///
/// Errors: [`WriteError::Io`] (folder not writable, file gone),
/// [`WriteError::Changed`] when the file no longer holds `original`. The
/// file is unchanged on every error.
pub fn write_atomic(path: &Path, original: &[u8], bytes: &[u8]) -> Result<(), WriteError> {
    let path = target(path)?;
    let meta = std::fs::metadata(&path)?;
    if std::fs::read(&path)? != original {
        return Err(WriteError::Changed);
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".yblint-fix-")
        .tempfile_in(&dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    std::fs::set_permissions(tmp.path(), meta.permissions())?;
    tmp.persist(&path).map_err(|e| WriteError::Io(e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_is_kept() {
        assert!(is_crlf("a\r\nb\r\n") && !is_crlf("a\r\nb\n") && !is_crlf("ab"));
        assert_eq!(
            keep_line_endings("a\r\nb\r\n", "a\r\nx\ny\r\n".into()),
            "a\r\nx\r\ny\r\n"
        );
        assert_eq!(keep_line_endings("a\nb\n", "a\nb\n".into()), "a\nb\n");
    }

    #[test]
    fn writes_atomically_and_refuses_a_changed_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "旧").unwrap();
        assert!(matches!(
            write_atomic(&p, "别的".as_bytes(), b"x"),
            Err(WriteError::Changed)
        ));
        write_atomic(&p, "旧".as_bytes(), "新".as_bytes()).unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "新");
        let gone = dir.path().join("gone.txt");
        assert!(matches!(
            write_atomic(&gone, b"", b"x"),
            Err(WriteError::Io(_))
        ));
        assert!(!gone.exists());
        // No temporary file is left behind.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
