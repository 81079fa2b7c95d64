//! `yblint lsp`: a Language Server over standard input and output.
//!
//! The server publishes yblint's diagnostics for every open `.txt` and `.md`
//! draft: when it is opened, after it changes (debounced: [`DEBOUNCE`] after
//! the last change), and when it is saved. It finds the project's
//! `yblint.toml` from the file's folder as `yblint check` does (overrides
//! included), reloads configurations when a `yblint.toml` is saved or the
//! client reports it changed, offers each diagnostic's safe fix as a quick
//! fix code action, and shows the rule's documentation on hover over a
//! diagnostic. Positions are in UTF-16 code units, as the protocol requires.
//!
//! Errors: a broken `yblint.toml` is shown to the user as a message, and the
//! drafts it governs get no diagnostics until it is fixed. A rule that fails
//! on a draft costs only its own findings: the others are published and the
//! internal error is shown once and logged (`window/logMessage`). A message
//! the server cannot read is answered with a JSON-RPC error
//! ([`transport`]), a request with invalid parameters with `-32602`, and a
//! request the server fails on with `-32603`; the server keeps serving.

mod convert;
pub mod position;
pub mod transport;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crossbeam_channel::{RecvTimeoutError, Sender};
use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{self as n, Notification as _};
use lsp_types::request::{self as r, Request as _};
use lsp_types::{
    CodeActionProviderCapability, HoverProviderCapability, InitializeParams, LogMessageParams,
    MessageType, PublishDiagnosticsParams, ServerCapabilities, ShowMessageParams,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, Uri,
};

use crate::config::{find_config, Config};
use crate::diagnostic::{Diagnostic, INTERNAL_ERROR};
use crate::source::Kind;

/// How long after the last change a draft is checked again.
pub const DEBOUNCE: Duration = Duration::from_millis(300);

/// A configuration file and the indices of the overrides applied.
type ConfigKey = (Option<PathBuf>, Vec<usize>);

/// One open draft.
struct Document {
    text: String,
    version: Option<i32>,
    /// Its diagnostics as last published (with their fixes), for code
    /// actions and hover.
    diagnostics: Vec<Diagnostic>,
    /// When to check it again after a change.
    due: Option<Instant>,
}

struct Server {
    sender: Sender<Message>,
    documents: HashMap<Uri, Document>,
    /// Loaded configurations by `yblint.toml` (None: the built-in one) and
    /// the overrides applied (none: the file's own settings); `Err` holds the
    /// message of a broken one, already shown to the user.
    configs: HashMap<ConfigKey, Result<Config, String>>,
    /// Internal errors already shown to the user (each is shown once, and
    /// logged every time).
    shown: HashSet<String>,
}

/// Runs the server until the client shuts it down; returns the exit code
/// (0 after a clean shutdown, 1 when the connection failed).
pub fn run() -> i32 {
    let (connection, io_threads) = transport::stdio();
    let code = match serve(&connection) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("yblint lsp: {e}");
            1
        }
    };
    drop(connection);
    if let Err(e) = io_threads.join() {
        eprintln!("yblint lsp: {e}");
        return 1;
    }
    code
}

fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::FULL),
                save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                ..Default::default()
            },
        )),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        ..Default::default()
    }
}

fn serve(connection: &Connection) -> Result<(), Box<dyn std::error::Error>> {
    let caps = serde_json::to_value(capabilities())?;
    // Parameters the server cannot read leave it with the defaults: it
    // then registers no file watchers.
    let params: InitializeParams =
        serde_json::from_value(connection.initialize(caps)?).unwrap_or_default();
    let mut server = Server {
        sender: connection.sender.clone(),
        documents: HashMap::new(),
        configs: HashMap::new(),
        shown: HashSet::new(),
    };
    server.watch_config_files(&params);
    loop {
        let deadline = server.documents.values().filter_map(|d| d.due).min();
        let message = match deadline {
            Some(at) => match connection
                .receiver
                .recv_timeout(at.saturating_duration_since(Instant::now()))
            {
                Ok(m) => Some(m),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => return Ok(()),
            },
            None => match connection.receiver.recv() {
                Ok(m) => Some(m),
                Err(_) => return Ok(()),
            },
        };
        // A failure (panic) while handling one message is logged, and a
        // request that caused it is answered with an internal error.
        match message {
            None => {
                if let Err(panic) = crate::guard::catch(|| server.check_due()) {
                    server.internal_error(&crate::guard::file_error(&panic));
                }
            }
            Some(Message::Request(req)) => {
                if connection.handle_shutdown(&req)? {
                    return Ok(());
                }
                let id = req.id.clone();
                if let Err(panic) = crate::guard::catch(|| server.request(req)) {
                    let message = crate::guard::file_error(&panic);
                    server.internal_error(&message);
                    server.send(Message::Response(Response::new_err(
                        id,
                        lsp_server::ErrorCode::InternalError as i32,
                        message,
                    )));
                }
            }
            Some(Message::Notification(note)) => {
                if let Err(panic) = crate::guard::catch(|| server.notification(note)) {
                    server.internal_error(&crate::guard::file_error(&panic));
                }
            }
            Some(Message::Response(_)) => {}
        }
    }
}

/// Checks the text of an open draft as `yblint check` checks a file of that
/// kind (plain text, or Markdown or CSV by its extension); nothing for a
/// Word file or a workbook.
/// Returns the findings and the internal errors of the rules that failed
/// (or of the whole check).
fn lint(path: Option<&Path>, text: &str, config: &Config) -> (Vec<Diagnostic>, Vec<String>) {
    let kind = path.map(crate::source::kind_of).unwrap_or(Kind::Text);
    if kind == Kind::Docx || kind == Kind::Sheet {
        return (Vec::new(), Vec::new());
    }
    let name = path.map(|p| p.display().to_string()).unwrap_or_default();
    let checked = crate::guard::catch(|| {
        // The editor holds the text decoded, whatever the file's encoding:
        // the spans index the editor's text.
        let doc = crate::source::from_text(&name, kind, text.to_string());
        crate::suppress::check_source(&doc, text, config)
            .map(|(d, _)| d)
            .unwrap_or_default()
    });
    match checked {
        Ok(mut found) => {
            let mut errors = Vec::new();
            found.retain(|d| {
                if d.rule == INTERNAL_ERROR {
                    errors.push(d.message.clone());
                    false
                } else {
                    true
                }
            });
            (found, errors)
        }
        Err(panic) => (Vec::new(), vec![crate::guard::file_error(&panic)]),
    }
}

/// The file path of a `file:` URI (percent-decoded), if it is one.
pub fn uri_path(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    let rest = rest.strip_prefix("localhost").unwrap_or(rest);
    let decoded = percent_encoding::percent_decode_str(rest)
        .decode_utf8()
        .ok()?
        .into_owned();
    // `file:///C:/…` on Windows.
    let bytes = decoded.as_bytes();
    if bytes.len() > 2 && bytes[0] == b'/' && bytes[2] == b':' {
        return Some(PathBuf::from(&decoded[1..]));
    }
    Some(PathBuf::from(decoded))
}

impl Server {
    fn send(&self, message: Message) {
        // The client went away: the main loop ends on the closed channel.
        let _ = self.sender.send(message);
    }

    fn notify<N: n::Notification>(&self, params: N::Params) {
        self.send(Message::Notification(Notification::new(
            N::METHOD.to_string(),
            params,
        )));
    }

    fn respond(&self, id: RequestId, result: impl serde::Serialize) {
        self.send(Message::Response(Response::new_ok(id, result)));
    }

    /// Answers a request whose parameters could not be read.
    fn invalid_params(&self, id: RequestId, error: impl std::fmt::Display) {
        self.send(Message::Response(Response::new_err(
            id,
            lsp_server::ErrorCode::InvalidParams as i32,
            format!("invalid parameters: {error}"),
        )));
    }

    /// Logs an internal error, and shows it the first time.
    fn internal_error(&mut self, message: &str) {
        let message = format!("yblint: {message}");
        self.notify::<n::LogMessage>(LogMessageParams {
            typ: MessageType::ERROR,
            message: message.clone(),
        });
        if self.shown.insert(message.clone()) {
            self.notify::<n::ShowMessage>(ShowMessageParams {
                typ: MessageType::ERROR,
                message,
            });
        }
    }

    /// Asks the client to tell the server when a `yblint.toml` changes, if it
    /// can register file watchers.
    fn watch_config_files(&self, params: &InitializeParams) {
        let can = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|d| d.dynamic_registration)
            .unwrap_or(false);
        if !can {
            return;
        }
        let options = lsp_types::DidChangeWatchedFilesRegistrationOptions {
            watchers: vec![lsp_types::FileSystemWatcher {
                glob_pattern: lsp_types::GlobPattern::String("**/yblint.toml".into()),
                kind: None,
            }],
        };
        let registration = lsp_types::RegistrationParams {
            registrations: vec![lsp_types::Registration {
                id: "yblint-config".into(),
                method: n::DidChangeWatchedFiles::METHOD.into(),
                register_options: serde_json::to_value(options).ok(),
            }],
        };
        self.send(Message::Request(Request::new(
            RequestId::from("yblint-register-watchers".to_string()),
            r::RegisterCapability::METHOD.to_string(),
            registration,
        )));
    }

    fn load(&mut self, key: ConfigKey, load: impl FnOnce(&Self) -> Result<Config, String>) {
        if self.configs.contains_key(&key) {
            return;
        }
        let loaded = load(self);
        if let Err(message) = &loaded {
            self.notify::<n::ShowMessage>(ShowMessageParams {
                typ: MessageType::ERROR,
                message: format!("yblint: invalid configuration: {message}"),
            });
        }
        self.configs.insert(key, loaded);
    }

    /// Loads the configuration of the file at `path` (its `yblint.toml`, or
    /// the built-in one; with its matching overrides) and returns its key,
    /// or `None` when it is broken.
    fn config_for(&mut self, path: Option<&Path>) -> Option<ConfigKey> {
        let file = path.and_then(find_config);
        let base: ConfigKey = (file.clone(), Vec::new());
        self.load(base.clone(), |_| {
            match &file {
                Some(p) => Config::from_file(p),
                None => Config::builtin(),
            }
            .map_err(|e| e.to_string())
        });
        let matched = match (self.configs.get(&base)?, path) {
            (Ok(c), Some(path)) => c.overrides.matching(path),
            (Ok(_), None) => Vec::new(),
            (Err(_), _) => return None,
        };
        if matched.is_empty() {
            return Some(base);
        }
        let key: ConfigKey = (file, matched.clone());
        self.load(key.clone(), |server| match &server.configs[&base] {
            Ok(c) => c.with_overrides(&matched).map_err(|e| e.to_string()),
            Err(e) => Err(e.clone()),
        });
        self.configs.get(&key)?.as_ref().ok().map(|_| key)
    }

    /// Checks one open draft now and publishes its diagnostics.
    fn check(&mut self, uri: &Uri) {
        let path = uri_path(uri);
        let key = self.config_for(path.as_deref());
        let config = key.and_then(|k| self.configs.get(&k)?.as_ref().ok());
        let Some(doc) = self.documents.get_mut(uri) else {
            return;
        };
        doc.due = None;
        let (found, errors) = match config {
            Some(c) => lint(path.as_deref(), &doc.text, c),
            None => (Vec::new(), Vec::new()),
        };
        doc.diagnostics = found;
        let index = position::Utf16Index::new(&doc.text);
        let diagnostics = doc
            .diagnostics
            .iter()
            .map(|d| convert::diagnostic(uri, &index, d))
            .collect();
        let params = PublishDiagnosticsParams {
            uri: uri.clone(),
            diagnostics,
            version: doc.version,
        };
        self.notify::<n::PublishDiagnostics>(params);
        let name = path.map_or_else(|| uri.as_str().to_string(), |p| p.display().to_string());
        for e in errors {
            self.internal_error(&format!("{name}: {e}"));
        }
    }

    fn check_due(&mut self) {
        let now = Instant::now();
        let due: Vec<Uri> = self
            .documents
            .iter()
            .filter(|(_, d)| d.due.is_some_and(|t| t <= now))
            .map(|(u, _)| u.clone())
            .collect();
        for uri in due {
            self.check(&uri);
        }
    }

    fn reload(&mut self) {
        self.configs.clear();
        let open: Vec<Uri> = self.documents.keys().cloned().collect();
        for uri in open {
            self.check(&uri);
        }
    }

    fn notification(&mut self, note: Notification) {
        match note.method.as_str() {
            n::DidOpenTextDocument::METHOD => {
                let Ok(p) = note.extract::<lsp_types::DidOpenTextDocumentParams>(
                    n::DidOpenTextDocument::METHOD,
                ) else {
                    return;
                };
                let uri = p.text_document.uri;
                self.documents.insert(
                    uri.clone(),
                    Document {
                        text: p.text_document.text,
                        version: Some(p.text_document.version),
                        diagnostics: Vec::new(),
                        due: None,
                    },
                );
                self.check(&uri);
            }
            n::DidChangeTextDocument::METHOD => {
                let Ok(p) = note.extract::<lsp_types::DidChangeTextDocumentParams>(
                    n::DidChangeTextDocument::METHOD,
                ) else {
                    return;
                };
                let Some(doc) = self.documents.get_mut(&p.text_document.uri) else {
                    return;
                };
                for change in p.content_changes {
                    match change.range {
                        // Incremental change (some clients send them even
                        // when asked for full text).
                        Some(range) => {
                            let index = position::Utf16Index::new(&doc.text);
                            let start = index.offset(range.start);
                            let end = index.offset(range.end).max(start);
                            doc.text.replace_range(start..end, &change.text);
                        }
                        None => doc.text = change.text,
                    }
                }
                doc.version = Some(p.text_document.version);
                doc.due = Some(Instant::now() + DEBOUNCE);
            }
            n::DidSaveTextDocument::METHOD => {
                let Ok(p) = note.extract::<lsp_types::DidSaveTextDocumentParams>(
                    n::DidSaveTextDocument::METHOD,
                ) else {
                    return;
                };
                let is_config = uri_path(&p.text_document.uri).is_some_and(|path| {
                    path.file_name()
                        .is_some_and(|f| f == crate::config::CONFIG_NAME)
                });
                if is_config {
                    self.reload();
                } else if self.documents.contains_key(&p.text_document.uri) {
                    self.check(&p.text_document.uri);
                }
            }
            n::DidCloseTextDocument::METHOD => {
                let Ok(p) = note.extract::<lsp_types::DidCloseTextDocumentParams>(
                    n::DidCloseTextDocument::METHOD,
                ) else {
                    return;
                };
                self.documents.remove(&p.text_document.uri);
                self.notify::<n::PublishDiagnostics>(PublishDiagnosticsParams {
                    uri: p.text_document.uri,
                    diagnostics: Vec::new(),
                    version: None,
                });
            }
            n::DidChangeWatchedFiles::METHOD => self.reload(),
            _ => {}
        }
    }

    fn request(&mut self, req: Request) {
        match req.method.as_str() {
            r::CodeActionRequest::METHOD => {
                let id = req.id.clone();
                let (id, p) = match req
                    .extract::<lsp_types::CodeActionParams>(r::CodeActionRequest::METHOD)
                {
                    Ok(x) => x,
                    Err(e) => return self.invalid_params(id, e),
                };
                let actions = self
                    .documents
                    .get(&p.text_document.uri)
                    .map(|doc| convert::code_actions(&p.text_document.uri, doc_view(doc), p.range))
                    .unwrap_or_default();
                self.respond(id, actions);
            }
            r::HoverRequest::METHOD => {
                let id = req.id.clone();
                let (id, p) = match req.extract::<lsp_types::HoverParams>(r::HoverRequest::METHOD) {
                    Ok(x) => x,
                    Err(e) => return self.invalid_params(id, e),
                };
                let pos = p.text_document_position_params;
                let hover = self
                    .documents
                    .get(&pos.text_document.uri)
                    .and_then(|doc| convert::hover(doc_view(doc), pos.position));
                self.respond(id, hover);
            }
            _ => {
                self.send(Message::Response(Response::new_err(
                    req.id,
                    lsp_server::ErrorCode::MethodNotFound as i32,
                    format!("yblint does not handle {}", req.method),
                )));
            }
        }
    }
}

/// A document's text and diagnostics, for the conversions.
fn doc_view(doc: &Document) -> (&str, &[Diagnostic]) {
    (&doc.text, &doc.diagnostics)
}
