//! Text encodings: detecting how a draft's bytes encode its characters,
//! decoding them, mapping offsets back to the file's own bytes, and
//! encoding fixed text back.
//!
//! Detection, in order (see [`decode_bytes`]):
//!
//! 1. a byte-order mark: UTF-8 (`EF BB BF`), UTF-16LE (`FF FE`), UTF-16BE
//!    (`FE FF`);
//! 2. valid UTF-8;
//! 3. otherwise chardetng's guess with the `cn` top-level-domain hint
//!    (without it, short GBK text is guessed as windows-1252): when it
//!    guesses GBK, the bytes are decoded as GB18030 (encoding_rs's GBK
//!    decoder is GB18030's, a superset); any other guess is refused with a
//!    message naming it, so that the user can confirm it with `--encoding`.
//!
//! Decoding is strict: a byte sequence that the encoding does not define
//! makes the file [`SourceError::Undecodable`](super::SourceError), never a
//! replacement character in the text yblint checks.
//!
//! The decoded text keeps a byte-order mark as U+FEFF (renderers do not
//! count it as a column), so that every character of the file is one
//! character of the text and offsets map back exactly.

use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE, UTF_8};

use super::SourceError;

/// A draft's bytes decoded into UTF-8 text.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The text; a byte-order mark is kept as its first character U+FEFF.
    pub text: String,
    /// How the file was encoded (GB18030 for a GBK file).
    pub encoding: &'static Encoding,
    /// True when the encoding was detected, false when `--encoding` named it.
    pub detected: bool,
    /// Byte offsets in the file where each line of `text` starts (one entry
    /// a line, the first 0); empty for UTF-8, whose offsets are the file's.
    pub raw_lines: Vec<usize>,
}

/// The encoding named `label` (a WHATWG label, case-insensitive: `gbk`,
/// `gb2312`, `gb18030`, `utf-8`, `utf-16le`, `utf-16be`, `big5`, …).
///
/// GBK and GB2312 are decoded as GB18030 (a superset; encoding_rs's GBK
/// decoder is GB18030's). `None` for a name no encoding has.
pub fn for_label(label: &str) -> Option<&'static Encoding> {
    let enc = Encoding::for_label(label.trim().as_bytes())?;
    Some(if enc == encoding_rs::GBK {
        GB18030
    } else {
        enc
    })
}

/// The name yblint reports for an encoding: `UTF-8`, `UTF-16LE`,
/// `UTF-16BE`, `GB18030` (which also reads GBK), or encoding_rs's name.
pub fn display_name(encoding: &'static Encoding) -> &'static str {
    if encoding == GB18030 || encoding == encoding_rs::GBK {
        "GB18030"
    } else {
        encoding.name()
    }
}

/// Decodes the bytes of a draft; `forced` is the encoding `--encoding`
/// named (its byte-order mark, if the file has one of that encoding, is
/// kept as U+FEFF).
///
/// Errors: [`SourceError::Binary`] (NUL bytes in a file without a UTF-16
/// byte-order mark), [`SourceError::Undecodable`] (a byte sequence the
/// encoding does not define, or a guess other than GBK),
/// [`SourceError::Empty`] is left to the caller.
pub fn decode_bytes(
    bytes: &[u8],
    forced: Option<&'static Encoding>,
) -> Result<Decoded, SourceError> {
    let bom = Encoding::for_bom(bytes).map(|(e, _)| e);
    let (encoding, detected) = match forced {
        Some(e) => (e, false),
        None => match bom {
            Some(e) => (e, true),
            None => {
                if bytes.contains(&0) {
                    return Err(SourceError::Binary);
                }
                if std::str::from_utf8(bytes).is_ok() {
                    (UTF_8, true)
                } else {
                    (guess(bytes)?, true)
                }
            }
        },
    };
    if encoding != UTF_16LE && encoding != UTF_16BE && bytes.contains(&0) {
        return Err(SourceError::Binary);
    }
    let text = strict_decode(bytes, encoding).map_err(|e| match e {
        // A guessed GB18030 that fails: the file is neither.
        SourceError::Undecodable { offset, .. } if detected && encoding == GB18030 => {
            SourceError::Undecodable {
                encoding: "UTF-8 or GB18030".into(),
                offset,
            }
        }
        e => e,
    })?;
    let raw_lines = if encoding == UTF_8 {
        Vec::new()
    } else {
        raw_line_starts(bytes, encoding)
    };
    Ok(Decoded {
        text,
        encoding,
        detected,
        raw_lines,
    })
}

/// chardetng's guess for bytes that are not UTF-8, with the Chinese hint.
fn guess(bytes: &[u8]) -> Result<&'static Encoding, SourceError> {
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    let guessed = det.guess(Some(b"cn"), chardetng::Utf8Detection::Deny);
    // The Chinese hint favours GBK; when the bytes read without it look
    // like Big5 (traditional script from Taiwan or Hong Kong), the guess is
    // not confident: say so rather than check mojibake.
    let unhinted = det.guess(None, chardetng::Utf8Detection::Deny);
    if (guessed == encoding_rs::GBK || guessed == GB18030) && unhinted == encoding_rs::BIG5 {
        Err(SourceError::Ambiguous {
            candidates: "GB18030 (GBK) or Big5",
            offset: first_invalid_utf8(bytes),
        })
    } else if guessed == encoding_rs::GBK || guessed == GB18030 {
        Ok(GB18030)
    } else {
        Err(SourceError::Unrecognised {
            guess: guessed.name().to_string(),
            offset: first_invalid_utf8(bytes),
        })
    }
}

fn first_invalid_utf8(bytes: &[u8]) -> usize {
    match std::str::from_utf8(bytes) {
        Ok(_) => bytes.len(),
        Err(e) => e.valid_up_to(),
    }
}

/// Decodes all of `bytes` with `encoding`, failing at the first malformed
/// sequence; a byte-order mark stays in the text as U+FEFF.
fn strict_decode(bytes: &[u8], encoding: &'static Encoding) -> Result<String, SourceError> {
    if encoding == UTF_8 {
        return String::from_utf8(bytes.to_vec()).map_err(|e| SourceError::Undecodable {
            encoding: "UTF-8".into(),
            offset: e.utf8_error().valid_up_to(),
        });
    }
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let cap = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len().saturating_mul(3));
    let mut out = String::with_capacity(cap);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut out, true);
    match result {
        encoding_rs::DecoderResult::InputEmpty => Ok(out),
        encoding_rs::DecoderResult::Malformed(len, after) => Err(SourceError::Undecodable {
            encoding: display_name(encoding).into(),
            offset: read.saturating_sub(len as usize + after as usize),
        }),
        // The buffer was sized for the worst case; a shortfall would be a
        // bug, reported as a failure to decode rather than a panic.
        encoding_rs::DecoderResult::OutputFull => Err(SourceError::Undecodable {
            encoding: display_name(encoding).into(),
            offset: read,
        }),
    }
}

/// Byte offsets in the file of each line start: after every encoded `\n`.
fn raw_line_starts(bytes: &[u8], encoding: &'static Encoding) -> Vec<usize> {
    let mut out = vec![0];
    if encoding == UTF_16LE || encoding == UTF_16BE {
        let nl: [u8; 2] = if encoding == UTF_16LE {
            [b'\n', 0]
        } else {
            [0, b'\n']
        };
        out.extend(
            bytes
                .chunks_exact(2)
                .enumerate()
                .filter(|(_, c)| *c == nl)
                .map(|(i, _)| 2 * i + 2),
        );
    } else {
        // GB18030 and the single-byte encodings: 0x0A is never part of a
        // multi-byte sequence.
        out.extend(
            bytes
                .iter()
                .enumerate()
                .filter(|(_, b)| **b == b'\n')
                .map(|(i, _)| i + 1),
        );
    }
    out
}

/// The byte offset of each line of `text` once encoded in `encoding` (see
/// [`Decoded::raw_lines`]); empty for UTF-8.
pub fn raw_lines_of(text: &str, encoding: &'static Encoding) -> Vec<usize> {
    if encoding == UTF_8 {
        return Vec::new();
    }
    let mut out = vec![0];
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        at += encoded_len(line, encoding);
        if line.ends_with('\n') {
            out.push(at);
        }
    }
    out
}

/// The number of bytes `text` takes in `encoding` (UTF-16 counted by hand:
/// encoding_rs does not encode to UTF-16).
pub fn encoded_len(text: &str, encoding: &'static Encoding) -> usize {
    if encoding == UTF_8 {
        text.len()
    } else if encoding == UTF_16LE || encoding == UTF_16BE {
        text.encode_utf16().count() * 2
    } else {
        encoding.encode(text).0.len()
    }
}

/// Why fixed text could not be written back in the file's encoding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncodeError {
    /// The encoding's name.
    pub encoding: &'static str,
    /// The first character the encoding cannot represent.
    pub character: char,
}

impl std::fmt::Display for EncodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} cannot encode {:?} (U+{:04X}); the file is left unchanged",
            self.encoding, self.character, self.character as u32
        )
    }
}

impl std::error::Error for EncodeError {}

/// Encodes `text` (a whole decoded file, U+FEFF first when the file had a
/// byte-order mark) in `encoding`, for writing fixed text back.
///
/// UTF-8 is the text's own bytes; UTF-16LE/BE are written by hand
/// (encoding_rs only decodes them); GBK files are written as GB18030, which
/// encodes every character; any other encoding refuses a character it
/// cannot represent with [`EncodeError`] (never an HTML escape).
pub fn encode(text: &str, encoding: &'static Encoding) -> Result<Vec<u8>, EncodeError> {
    if encoding == UTF_8 {
        return Ok(text.as_bytes().to_vec());
    }
    if encoding == UTF_16LE || encoding == UTF_16BE {
        let le = encoding == UTF_16LE;
        return Ok(text
            .encode_utf16()
            .flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() })
            .collect());
    }
    let encoding = if encoding == encoding_rs::GBK {
        GB18030
    } else {
        encoding
    };
    let mut encoder = encoding.new_encoder();
    let cap = encoder
        .max_buffer_length_from_utf8_without_replacement(text.len())
        .unwrap_or(text.len().saturating_mul(4));
    let mut out = Vec::with_capacity(cap);
    let (result, read) = encoder.encode_from_utf8_to_vec_without_replacement(text, &mut out, true);
    match result {
        encoding_rs::EncoderResult::InputEmpty => Ok(out),
        encoding_rs::EncoderResult::Unmappable(c) => Err(EncodeError {
            encoding: display_name(encoding),
            character: c,
        }),
        encoding_rs::EncoderResult::OutputFull => Err(EncodeError {
            encoding: display_name(encoding),
            character: text[read..].chars().next().unwrap_or('\u{FFFD}'),
        }),
    }
}

/// Offsets in the file's own bytes for offsets into its decoded text.
///
/// Built once a file (it indexes the lines of the text); each lookup costs
/// a binary search and the encoding of the line up to the offset.
#[derive(Debug, Clone)]
pub struct RawOffsets<'a> {
    text: &'a str,
    encoding: &'static Encoding,
    raw_lines: &'a [usize],
    starts: Vec<usize>,
}

impl<'a> RawOffsets<'a> {
    /// Maps offsets of `text`, decoded from a file in `encoding` whose lines
    /// start at `raw_lines` (see [`Decoded::raw_lines`]; empty for UTF-8).
    pub fn new(text: &'a str, encoding: &'static Encoding, raw_lines: &'a [usize]) -> Self {
        let starts = if encoding == UTF_8 || raw_lines.is_empty() {
            Vec::new()
        } else {
            std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        };
        RawOffsets {
            text,
            encoding,
            raw_lines,
            starts,
        }
    }

    /// The byte offset in the file of byte `offset` of the decoded text
    /// (clamped to the text; a character boundary). Exact for files written
    /// by a standard encoder; a GB18030 file that spells a character in a
    /// non-canonical way (byte 0x80 for €) is off by the difference on that
    /// line.
    pub fn raw(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        if self.starts.is_empty() {
            return offset;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let raw_start = self.raw_lines.get(line).copied().unwrap_or(0);
        raw_start + encoded_len(&self.text[self.starts[line]..offset], self.encoding)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, le: bool) -> Vec<u8> {
        let mut out = if le {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for u in text.encode_utf16() {
            out.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        out
    }

    #[test]
    fn detects_boms_utf8_and_gbk() {
        let d = decode_bytes("\u{FEFF}有754户".as_bytes(), None).unwrap();
        assert_eq!((d.encoding, d.text.as_str()), (UTF_8, "\u{FEFF}有754户"));
        let d = decode_bytes(&utf16("第一行\n有754户", true), None).unwrap();
        assert_eq!(d.encoding, UTF_16LE);
        assert_eq!(d.text, "\u{FEFF}第一行\n有754户");
        assert_eq!(d.raw_lines, [0, 2 + 8]);
        let d = decode_bytes(&utf16("有754户", false), None).unwrap();
        assert_eq!((d.encoding, d.text.as_str()), (UTF_16BE, "\u{FEFF}有754户"));
        // 全县有754户。 in GBK.
        let gbk = b"\xc8\xab\xcf\xd8\xd3\xd0754\xbb\xa7\xa1\xa3";
        let d = decode_bytes(gbk, None).unwrap();
        assert_eq!((d.encoding, d.text.as_str()), (GB18030, "全县有754户。"));
        let raw = RawOffsets::new(&d.text, d.encoding, &d.raw_lines);
        assert_eq!(raw.raw(d.text.find('7').unwrap()), 6);
        assert_eq!(raw.raw(d.text.len()), gbk.len());
    }

    #[test]
    fn refuses_what_it_cannot_read() {
        assert!(matches!(
            decode_bytes(b"ab\x00cd", None),
            Err(SourceError::Binary)
        ));
        // 0xFF is no byte of GB18030.
        assert!(matches!(
            decode_bytes(b"\xd3\xd0754\xff\xff", Some(GB18030)),
            Err(SourceError::Undecodable { offset: 5, .. })
        ));
        assert!(for_label("gbk") == Some(GB18030));
        assert!(for_label("klingon").is_none());
    }

    #[test]
    fn encodes_back() {
        let text = "\u{FEFF}有754户";
        assert_eq!(encode(text, UTF_16LE).unwrap(), utf16("有754户", true));
        assert_eq!(encode("有754户", GB18030).unwrap(), b"\xd3\xd0754\xbb\xa7");
        let e = encode("有754户", encoding_rs::WINDOWS_1252).unwrap_err();
        assert_eq!(e.character, '有');
    }
}
