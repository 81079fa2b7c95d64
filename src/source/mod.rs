//! Reading drafts: the bytes of a file or standard input into a
//! [`Document`], the same for every input kind.
//!
//! * Plain text (`.txt`, standard input, any other extension): UTF-8 with or
//!   without a byte-order mark, UTF-16LE/BE with one, or GB18030/GBK,
//!   detected ([`encoding`]); `--encoding NAME` overrides the detection.
//! * Markdown (`.md`, `.markdown`), in the same encodings: the prose only
//!   ([`markdown`]).
//! * Word (`.docx`): paragraphs, headings and tables ([`docx`]).
//! * Workbooks (`.xlsx`, `.xlsm`, `.xlsb`, `.xls`, `.ods`): every sheet's
//!   cells, in a text view yblint writes ([`xlsx`]); CSV (`.csv`), in the
//!   encodings of text drafts ([`csv`]). Both are laid out as prose and
//!   tables by [`sheet`], and their diagnostics name a cell (`Sheet1!C7`).
//!
//! A [`Document`] holds the text the rules read and the map back to the
//! source; see [`document`] for the three texts involved and how spans move
//! between them.
//!
//! # For `--fix`
//!
//! Run the rules on [`Document::text`] ([`crate::check_document`] does, and
//! returns diagnostics already moved into source coordinates with
//! [`Document::to_source`], a fix kept only when all its edits map exactly).
//! Apply the edits to [`Document::source_text`], then write
//! [`Document::encode`]`(&fixed)` back: the file's encoding, its byte-order
//! mark included (it is the first character of the source text). Refuse
//! `--fix` when [`Document::fixable`] is false (`.docx`, workbooks, CSV). For one span,
//! [`Document::fix_span`] gives the source span a fix may edit, `None` when
//! the span does not map to one contiguous stretch of the file (it crosses
//! Markdown markup or an entity).
//!
//! # For the language server
//!
//! [`from_text`]`(name, `[`kind_of`]`(path), buffer)` gives the document of
//! an editor's buffer, so that a `.md` file is read as Markdown there too;
//! [`crate::check_document`] returns diagnostics that index the buffer.
//!
//! Empty files, binary files and bytes the encoding does not define are
//! refused with a [`SourceError`] that names the problem; nothing panics.

pub mod csv;
pub mod document;
pub mod docx;
pub mod encoding;
pub mod markdown;
pub mod sheet;
pub mod xlsx;

use std::io::Read;
use std::path::Path;

pub use document::{
    Builder, Cell, Document, Kind, OffsetMap, ParagraphPlace, Row, Segment, SheetCell, Table,
};
pub use encoding::{EncodeError, RawOffsets};

/// The former name of [`Document`]: a draft read into memory.
pub type SourceFile = Document;

/// How to read drafts.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReadOptions {
    /// The encoding of `.txt`, `.md` and `.csv` files (`--encoding`); `None`
    /// detects it. Ignored for `.docx` and workbooks.
    pub encoding: Option<&'static encoding_rs::Encoding>,
}

/// Why a draft could not be read.
#[derive(Debug)]
pub enum SourceError {
    /// The file could not be opened or read.
    Io(std::io::Error),
    /// The file has no text (nothing but white space).
    Empty,
    /// The file holds NUL bytes and no UTF-16 byte-order mark: not a text file.
    Binary,
    /// The bytes are not valid in the encoding (detected or named).
    Undecodable {
        /// The encoding's name (`UTF-8`, `GB18030`, …).
        encoding: String,
        /// Byte offset of the first byte the encoding does not define.
        offset: usize,
    },
    /// Neither UTF-8 nor GB18030, and no byte-order mark: chardetng's guess
    /// is named so that the user can confirm it with `--encoding`.
    Unrecognised {
        /// The encoding chardetng guessed (`windows-1252`, `Big5`, …).
        guess: String,
        /// Byte offset of the first byte that is not UTF-8.
        offset: usize,
    },
    /// Not UTF-8, and the bytes read as well in two encodings (GB18030 and
    /// Big5): the detection is not confident, the user names the encoding.
    Ambiguous {
        /// The encodings the bytes may be in.
        candidates: &'static str,
        /// Byte offset of the first byte that is not UTF-8.
        offset: usize,
    },
    /// A `.docx` that cannot be read (damaged, encrypted, an old `.doc`).
    Docx(String),
    /// A workbook or CSV file that cannot be read (damaged, encrypted, not
    /// the format its extension says).
    Sheet(String),
}

impl std::fmt::Display for SourceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SourceError::Io(e) => write!(f, "cannot read: {e}"),
            SourceError::Empty => write!(f, "empty file: nothing to check"),
            SourceError::Binary => write!(f, "binary file (contains NUL bytes): not a draft"),
            SourceError::Undecodable { encoding, offset } => write!(
                f,
                "not {encoding} text (invalid byte at offset {offset}); save the draft as UTF-8, or name its encoding with --encoding"
            ),
            SourceError::Unrecognised { guess, offset } => write!(
                f,
                "not UTF-8 or GB18030 text (invalid UTF-8 at byte {offset}); it looks like {guess}: if it is, check it with --encoding {guess}"
            ),
            SourceError::Ambiguous { candidates, offset } => write!(
                f,
                "not UTF-8 text (invalid UTF-8 at byte {offset}), and the encoding cannot be told for sure: it may be {candidates}; name it with --encoding gbk or --encoding big5, or save the draft as UTF-8"
            ),
            SourceError::Docx(message) | SourceError::Sheet(message) => write!(f, "{message}"),
        }
    }
}

impl std::error::Error for SourceError {}

/// The kind of input a path names, by its extension: `.md`/`.markdown` is
/// Markdown, `.docx` Word, `.xlsx`/`.xlsm`/`.xlsb`/`.xls`/`.ods` a
/// workbook, `.csv` CSV, anything else plain text.
pub fn kind_of(path: &Path) -> Kind {
    match path
        .extension()
        .and_then(|x| x.to_str())
        .map(|x| x.to_ascii_lowercase())
        .as_deref()
    {
        Some("md") | Some("markdown") => Kind::Markdown,
        Some("docx") => Kind::Docx,
        Some(x) if SHEET_EXTENSIONS.contains(&x) => Kind::Sheet,
        Some("csv") => Kind::Csv,
        _ => Kind::Text,
    }
}

/// The extensions of workbooks yblint reads.
pub const SHEET_EXTENSIONS: &[&str] = &["xlsx", "xlsm", "xlsb", "xls", "ods"];

/// The extensions a folder is walked for: drafts of every kind yblint reads.
pub const WALKED_EXTENSIONS: &[&str] = &[
    "txt", "md", "docx", "xlsx", "xlsm", "xlsb", "xls", "ods", "csv",
];

/// Turns the bytes of a draft of `kind` into a [`Document`].
///
/// Errors: [`SourceError::Empty`], [`SourceError::Binary`],
/// [`SourceError::Undecodable`], [`SourceError::Unrecognised`],
/// [`SourceError::Docx`], [`SourceError::Sheet`]. A workbook's format is
/// that of `name`'s extension (`.xlsx` when it has none of
/// [`SHEET_EXTENSIONS`]).
pub fn load(
    name: &str,
    kind: Kind,
    bytes: &[u8],
    options: &ReadOptions,
) -> Result<Document, SourceError> {
    let doc = match kind {
        Kind::Docx => docx::document(name, bytes)?,
        Kind::Sheet => {
            let ext = Path::new(name)
                .extension()
                .and_then(|x| x.to_str())
                .map(|x| x.to_ascii_lowercase())
                .unwrap_or_default();
            xlsx::document(name, &ext, bytes)?
        }
        Kind::Text | Kind::Markdown | Kind::Csv => {
            let decoded = encoding::decode_bytes(bytes, options.encoding)?;
            if decoded
                .text
                .trim_start_matches('\u{FEFF}')
                .trim()
                .is_empty()
            {
                return Err(SourceError::Empty);
            }
            if kind == Kind::Markdown {
                markdown::document(name, decoded)
            } else if kind == Kind::Csv {
                csv::document(name, decoded)?
            } else {
                Document::plain(name, decoded)
            }
        }
    };
    if doc
        .source_text()
        .trim_start_matches('\u{FEFF}')
        .trim()
        .is_empty()
    {
        return Err(SourceError::Empty);
    }
    Ok(doc)
}

/// A [`Document`] of `kind` from text already in memory (an editor's
/// buffer, for the language server): Markdown is read as Markdown, plain
/// text as it is, CSV as CSV (plain text if it cannot be read); a `.docx`
/// or a workbook has no text form and is read as plain text.
/// The encoding is UTF-8 (the buffer's own); an empty text gives an empty
/// document, not an error.
pub fn from_text(name: &str, kind: Kind, text: String) -> Document {
    let decoded = encoding::Decoded {
        text,
        encoding: encoding_rs::UTF_8,
        detected: true,
        raw_lines: Vec::new(),
    };
    match kind {
        Kind::Markdown => markdown::document(name, decoded),
        Kind::Csv => {
            let plain = decoded.clone();
            csv::document(name, decoded).unwrap_or_else(|_| Document::plain(name, plain))
        }
        Kind::Text | Kind::Docx | Kind::Sheet => Document::plain(name, decoded),
    }
}

/// Turns the bytes of a plain-text draft into a [`Document`], detecting
/// the encoding.
pub fn decode(name: &str, bytes: Vec<u8>) -> Result<Document, SourceError> {
    load(name, Kind::Text, &bytes, &ReadOptions::default())
}

/// Reads a draft from a file, its kind by extension, detecting the encoding.
pub fn read_path(path: &Path) -> Result<Document, SourceError> {
    read_path_with(path, &ReadOptions::default())
}

/// Why a file with extension `ext` (lower case, no dot) cannot be read:
/// a word processor's own format, to be saved as `.docx` first.
pub fn unsupported(ext: &str) -> Option<&'static str> {
    Some(match ext {
        "doc" | "dot" => {
            "a Word 97-2003 (.doc) file, not .docx: save it as .docx (Word Document) and check that"
        }
        "wps" | "wpt" => {
            "a WPS Office (.wps) file: save it as .docx (Word document) and check that"
        }
        "odt" => "an OpenDocument (.odt) file: save it as .docx (Word document) and check that",
        "rtf" => "a Rich Text (.rtf) file: save it as .docx (Word document) and check that",
        _ => return None,
    })
}

/// Reads a draft from a file, its kind by extension ([`kind_of`]).
pub fn read_path_with(path: &Path, options: &ReadOptions) -> Result<Document, SourceError> {
    let ext = path
        .extension()
        .and_then(|x| x.to_str())
        .map(|x| x.to_ascii_lowercase())
        .unwrap_or_default();
    if let Some(why) = unsupported(&ext) {
        return Err(SourceError::Docx(why.to_string()));
    }
    let bytes = std::fs::read(path).map_err(SourceError::Io)?;
    load(&path.display().to_string(), kind_of(path), &bytes, options)
}

/// Reads a plain-text draft from standard input, named `<stdin>`.
pub fn read_stdin() -> Result<Document, SourceError> {
    read_stdin_with(&ReadOptions::default())
}

/// Reads a plain-text draft from standard input, named `<stdin>`.
pub fn read_stdin_with(options: &ReadOptions) -> Result<Document, SourceError> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(SourceError::Io)?;
    load("<stdin>", Kind::Text, &bytes, options)
}

/// Reads standard input as the draft `name` (`--stdin-filename`): its kind
/// by `name`'s extension, and the name it is reported under.
pub fn read_stdin_as(name: &Path, options: &ReadOptions) -> Result<Document, SourceError> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(SourceError::Io)?;
    load(&name.display().to_string(), kind_of(name), &bytes, options)
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
        // 0xFF is a byte of neither UTF-8 nor GB18030.
        assert!(decode("a", vec![b'7', b'5', 0xBB, 0xA7, 0xFF, 0xFF]).is_err());
        let bom = decode("a", "\u{FEFF}有754户。".as_bytes().to_vec()).unwrap();
        assert!(bom.text.starts_with('\u{FEFF}'));
        // "户" in GBK is 0xBB 0xA7: read as GB18030.
        let gbk = decode("a", vec![b'7', b'5', 0xBB, 0xA7]).unwrap();
        assert_eq!(gbk.text, "75户");
        assert_eq!(gbk.encoding_note(), Some("GB18030"));
        let md = from_text("a.md", Kind::Markdown, "有**754**户".into());
        assert_eq!(
            (md.text.as_str(), md.source_text()),
            ("有754户\n", "有**754**户")
        );
        assert!(matches!(
            load(
                "a.docx",
                Kind::Docx,
                b"PK\x03\x04junk",
                &ReadOptions::default()
            ),
            Err(SourceError::Docx(_))
        ));
    }
}
