//! Reading drafts: bytes from a file or standard input into checked text.
//!
//! A draft must be UTF-8 text (a UTF-8 byte-order mark is allowed and kept,
//! so byte offsets index the file). Empty files, binary files and invalid
//! UTF-8 are refused with a [`SourceError`] that names the problem.

use std::io::Read;
use std::path::Path;

/// A draft read into memory.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as the user gave it, or `<stdin>`.
    pub name: String,
    /// The text; byte offsets into it are byte offsets into the file.
    pub text: String,
}

/// Why a draft could not be read.
#[derive(Debug)]
pub enum SourceError {
    /// The file could not be opened or read.
    Io(std::io::Error),
    /// The file has no text (nothing but white space).
    Empty,
    /// The file holds NUL bytes: not a text file.
    Binary,
    /// Not UTF-8; the offset of the first invalid byte.
    NotUtf8 {
        /// Byte offset of the first byte that is not UTF-8.
        offset: usize,
    },
}

impl std::fmt::Display for SourceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SourceError::Io(e) => write!(f, "cannot read: {e}"),
            SourceError::Empty => write!(f, "empty file: nothing to check"),
            SourceError::Binary => write!(f, "binary file (contains NUL bytes): not a draft"),
            SourceError::NotUtf8 { offset } => write!(
                f,
                "not UTF-8 text (invalid byte at offset {offset}); save the draft as UTF-8 (GBK drafts: iconv -f GB18030 -t UTF-8)"
            ),
        }
    }
}

impl std::error::Error for SourceError {}

/// Turns the bytes of a draft into text.
///
/// Errors: [`SourceError::Empty`], [`SourceError::Binary`],
/// [`SourceError::NotUtf8`].
pub fn decode(name: &str, bytes: Vec<u8>) -> Result<SourceFile, SourceError> {
    if bytes.contains(&0) {
        return Err(SourceError::Binary);
    }
    let text = String::from_utf8(bytes).map_err(|e| SourceError::NotUtf8 {
        offset: e.utf8_error().valid_up_to(),
    })?;
    if text.trim_start_matches('\u{FEFF}').trim().is_empty() {
        return Err(SourceError::Empty);
    }
    Ok(SourceFile {
        name: name.to_string(),
        text,
    })
}

/// Reads a draft from a file.
pub fn read_path(path: &Path) -> Result<SourceFile, SourceError> {
    let bytes = std::fs::read(path).map_err(SourceError::Io)?;
    decode(&path.display().to_string(), bytes)
}

/// Reads a draft from standard input, named `<stdin>`.
pub fn read_stdin() -> Result<SourceFile, SourceError> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(SourceError::Io)?;
    decode("<stdin>", bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_bad_input() {
        assert!(matches!(decode("a", vec![]), Err(SourceError::Empty)));
        assert!(matches!(
            decode("a", b" \n\n".to_vec()),
            Err(SourceError::Empty)
        ));
        assert!(matches!(
            decode("a", vec![b'a', 0, b'b']),
            Err(SourceError::Binary)
        ));
        // "户" in GBK is 0xBB 0xA7.
        assert!(matches!(
            decode("a", vec![b'7', b'5', 0xBB, 0xA7]),
            Err(SourceError::NotUtf8 { offset: 2 })
        ));
        let bom = decode("a", "\u{FEFF}有754户。".as_bytes().to_vec()).unwrap();
        assert!(bom.text.starts_with('\u{FEFF}'));
    }
}
