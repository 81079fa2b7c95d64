//! The language server's transport over standard input and output: messages
//! framed by a `Content-Length` header, as the protocol defines.
//!
//! The reader checks every frame before it reads a body: a header line
//! longer than [`MAX_HEADER_LINE`], a missing, negative or malformed
//! `Content-Length`, or one above [`MAX_MESSAGE`] is answered with a
//! JSON-RPC parse error (`-32700`, id `null`), nothing is allocated for the
//! announced body, and the reader skips ahead to the next `Content-Length`
//! header. A body that is not JSON gets `-32700`; JSON that is not a
//! JSON-RPC message gets `-32600` (invalid request). The server keeps
//! serving after each of them.

use std::io::{self, BufRead, Write};
use std::thread::{self, JoinHandle};

use lsp_server::{Connection, Message};
use serde_json::{json, Value};

/// The largest message body the server reads, in bytes (64 MiB).
pub const MAX_MESSAGE: usize = 64 << 20;

/// The longest header line the server reads, in bytes.
pub const MAX_HEADER_LINE: usize = 1024;

/// The JSON-RPC error code of a message that could not be parsed.
pub const PARSE_ERROR: i32 = -32700;

/// The JSON-RPC error code of JSON that is not a valid message.
pub const INVALID_REQUEST: i32 = -32600;

/// The threads that read standard input and write standard output.
pub struct IoThreads {
    reader: JoinHandle<()>,
    writer: JoinHandle<io::Result<()>>,
}

impl IoThreads {
    /// Waits for both threads to end (the writer ends when every sender of
    /// the connection is dropped); returns the writer's error, if any.
    pub fn join(self) -> io::Result<()> {
        let _ = self.reader.join();
        self.writer
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("the writer thread failed")))
    }
}

/// A connection over standard input and output.
pub fn stdio() -> (Connection, IoThreads) {
    let (writer_sender, writer_receiver) = crossbeam_channel::unbounded::<Message>();
    let writer = thread::spawn(move || {
        for message in writer_receiver {
            let stdout = io::stdout();
            let mut out = stdout.lock();
            message.write(&mut out)?;
        }
        Ok(())
    });
    let (reader_sender, reader_receiver) = crossbeam_channel::bounded::<Message>(0);
    let reader = thread::spawn(move || {
        let stdin = io::stdin();
        let mut frames = Frames::new(stdin.lock());
        while let Some(read) = frames.next_message() {
            match read {
                Ok(message) => {
                    let exit = matches!(&message, Message::Notification(n) if n.method == "exit");
                    if reader_sender.send(message).is_err() || exit {
                        break;
                    }
                }
                Err(answer) => reply(&answer),
            }
        }
    });
    let connection = Connection {
        sender: writer_sender,
        receiver: reader_receiver,
    };
    (connection, IoThreads { reader, writer })
}

/// Reads `input` as the server reads its standard input: each message, or
/// the error response the server answers a broken one with. For the tests
/// and the fuzz targets.
pub fn read_all(input: &[u8]) -> Vec<Result<Message, Value>> {
    let mut frames = Frames::new(input);
    std::iter::from_fn(|| frames.next_message()).collect()
}

/// A JSON-RPC error response.
fn error(id: Value, code: i32, message: String) -> Value {
    json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": message}})
}

/// Writes one framed message to standard output (whole, under the lock the
/// writer thread also takes).
fn reply(message: &Value) {
    let body = message.to_string();
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let _ = write!(out, "Content-Length: {}\r\n\r\n{body}", body.len()).and_then(|_| out.flush());
}

/// A message body read as JSON-RPC, or the error response to send.
fn parse(body: &[u8]) -> Result<Message, Value> {
    let value: Value = serde_json::from_slice(body)
        .map_err(|e| error(Value::Null, PARSE_ERROR, format!("parse error: {e}")))?;
    let id = value
        .get("id")
        .filter(|id| id.is_number() || id.is_string())
        .cloned()
        .unwrap_or(Value::Null);
    serde_json::from_value(value)
        .map_err(|e| error(id, INVALID_REQUEST, format!("invalid request: {e}")))
}

/// What the reader found next.
#[derive(Debug, PartialEq)]
enum Frame {
    /// A message body of the announced length.
    Body(Vec<u8>),
    /// A broken frame, and why.
    Bad(String),
    /// The end of the input.
    End,
}

/// Reads frames from `input`.
struct Frames<R> {
    input: R,
    /// After a broken frame: skip to the next `Content-Length` header.
    resync: bool,
}

/// What the reader looks for when it skips, in lower case: the start of
/// `Content-Length` and `Content-Type`.
const HEADER_START: &[u8] = b"content-";

/// Whether `name` is a header name (letters, digits and `-`).
fn is_header_name(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

impl<R: BufRead> Frames<R> {
    fn new(input: R) -> Self {
        Frames {
            input,
            resync: false,
        }
    }

    /// The next message, or the error response to a broken one; `None` at
    /// the end of the input.
    fn next_message(&mut self) -> Option<Result<Message, Value>> {
        match self.next_frame() {
            Frame::End => None,
            Frame::Bad(reason) => Some(Err(error(Value::Null, PARSE_ERROR, reason))),
            Frame::Body(body) => Some(parse(&body)),
        }
    }

    /// The next frame.
    fn next_frame(&mut self) -> Frame {
        let mut length: Option<Result<usize, String>> = None;
        let mut headers = 0;
        // After a broken frame, the first header line starts at the next
        // `Content-`.
        let mut first = None;
        if std::mem::take(&mut self.resync) {
            if !self.skip_to_header() {
                return Frame::End;
            }
            first = Some(self.line().map(|rest| rest.map(|r| format!("Content-{r}"))));
        }
        loop {
            let line = match first.take().unwrap_or_else(|| self.line()) {
                None => return Frame::End,
                Some(Err(e)) => return self.bad(e),
                Some(Ok(line)) => line,
            };
            if line.is_empty() {
                if headers == 0 {
                    // Blank lines between messages.
                    continue;
                }
                break;
            }
            headers += 1;
            let Some((name, value)) = line
                .split_once(':')
                .filter(|(name, _)| is_header_name(name))
            else {
                return self.bad("a header line that is not `Name: value`".into());
            };
            if name.trim().eq_ignore_ascii_case("content-length") {
                length = Some(content_length(value));
            }
        }
        let length = match length {
            None => return self.bad("a message without a Content-Length header".into()),
            Some(Err(e)) => return self.bad(e),
            Some(Ok(n)) => n,
        };
        if length > MAX_MESSAGE {
            return self.bad(format!(
                "a message of {length} bytes is larger than the limit of {} MiB",
                MAX_MESSAGE >> 20
            ));
        }
        let mut body = vec![0; length];
        match self.input.read_exact(&mut body) {
            Ok(()) => Frame::Body(body),
            Err(_) => Frame::End,
        }
    }

    /// A broken frame: the next read skips to the next header.
    fn bad(&mut self, reason: String) -> Frame {
        self.resync = true;
        Frame::Bad(reason)
    }

    /// One header line without its line break; `None` at the end of the
    /// input; an error for a line longer than [`MAX_HEADER_LINE`] or not
    /// UTF-8 (the rest of such a line is left for the skip).
    fn line(&mut self) -> Option<Result<String, String>> {
        let mut line = Vec::new();
        loop {
            let buf = match self.input.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(_) => return None,
            };
            if buf.is_empty() {
                return None;
            }
            let (take, done) = match buf.iter().position(|&b| b == b'\n') {
                Some(i) => (i + 1, true),
                None => (buf.len(), false),
            };
            let take = take.min(MAX_HEADER_LINE + 2 - line.len());
            line.extend_from_slice(&buf[..take]);
            self.input.consume(take);
            if done && line.last() == Some(&b'\n') {
                break;
            }
            if line.len() > MAX_HEADER_LINE {
                return Some(Err(format!(
                    "a header line longer than {MAX_HEADER_LINE} bytes"
                )));
            }
        }
        while matches!(line.last(), Some(b'\n' | b'\r')) {
            line.pop();
        }
        Some(String::from_utf8(line).map_err(|_| "a header line that is not UTF-8".to_string()))
    }

    /// Skips to just after the next `Content-` (in any case: the start of
    /// the next frame's header); false at the end of the input.
    fn skip_to_header(&mut self) -> bool {
        let mut matched = 0;
        loop {
            let buf = match self.input.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(_) => return false,
            };
            if buf.is_empty() {
                return false;
            }
            let mut used = 0;
            for &b in buf {
                used += 1;
                if b.to_ascii_lowercase() == HEADER_START[matched] {
                    matched += 1;
                } else {
                    matched = usize::from(b.to_ascii_lowercase() == HEADER_START[0]);
                }
                if matched == HEADER_START.len() {
                    self.input.consume(used);
                    return true;
                }
            }
            self.input.consume(used);
        }
    }
}

/// The byte count of a `Content-Length` header's value: decimal digits only.
fn content_length(value: &str) -> Result<usize, String> {
    let value = value.trim();
    let shown: String = value.chars().take(24).collect();
    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("Content-Length `{shown}` is not a byte count"));
    }
    // Anything too long for usize is above the limit anyway.
    Ok(value.parse::<usize>().unwrap_or(usize::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(input: &str) -> Vec<Frame> {
        let mut f = Frames::new(input.as_bytes());
        let mut out = Vec::new();
        loop {
            match f.next_frame() {
                Frame::End => return out,
                frame => out.push(frame),
            }
        }
    }

    fn body(s: &str) -> Frame {
        Frame::Body(s.as_bytes().to_vec())
    }

    #[test]
    fn reads_messages_and_answers_broken_ones() {
        let read = read_all(
            b"Content-Length: 40\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":\"initialized\"}Content-Length: 3\r\n\r\n{x}",
        );
        assert_eq!(read.len(), 2);
        assert!(matches!(&read[0], Ok(Message::Notification(n)) if n.method == "initialized"));
        assert_eq!(read[1].as_ref().unwrap_err()["error"]["code"], PARSE_ERROR);
    }

    #[test]
    fn reads_frames_and_skips_broken_ones() {
        assert_eq!(
            frames("Content-Length: 2\r\n\r\n{}content-length: 3\r\nContent-Type: x\r\n\r\n[1]"),
            [body("{}"), body("[1]")]
        );
        let got = frames("Content-Length: -5\r\n\r\n{}Content-Length: 2\r\n\r\n{}");
        assert_eq!(
            got,
            [
                Frame::Bad("Content-Length `-5` is not a byte count".into()),
                body("{}")
            ]
        );
        let got = frames("Content-Type: x\r\n\r\n{}Content-Length: 2\r\n\r\n[]");
        assert_eq!(
            got,
            [
                Frame::Bad("a message without a Content-Length header".into()),
                body("[]")
            ]
        );
        let got = frames("Content-Length: 1099511627776\r\n\r\n{}Content-Length: 2\r\n\r\n[]");
        assert_eq!(
            got,
            [
                Frame::Bad(
                    "a message of 1099511627776 bytes is larger than the limit of 64 MiB".into()
                ),
                body("[]")
            ]
        );
        let long = format!("X{}\r\nContent-Length: 2\r\n\r\n[]", "a".repeat(5000));
        assert_eq!(
            frames(&long),
            [
                Frame::Bad("a header line longer than 1024 bytes".into()),
                body("[]")
            ]
        );
    }
}
