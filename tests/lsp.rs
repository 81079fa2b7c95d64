//! The language server, driven through standard input and output with real
//! JSON-RPC messages: initialize, didOpen, publishDiagnostics (positions in
//! UTF-16 units), codeAction, hover, didChange (debounced), a configuration
//! reload on didSave of yblint.toml, didClose, shutdown and exit.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::Duration;

use serde_json::{json, Value};

struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    next_id: i64,
}

fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(n) = line.strip_prefix("Content-Length: ") {
            length = n.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

impl Client {
    fn start(dir: &std::path::Path) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_yblint"))
            .arg("lsp")
            .current_dir(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("yblint lsp starts");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, incoming) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(m) = read_message(&mut reader) {
                if tx.send(m).is_err() {
                    break;
                }
            }
        });
        Client {
            child,
            stdin,
            incoming,
            next_id: 1,
        }
    }

    fn send(&mut self, message: Value) {
        let body = serde_json::to_string(&message).unwrap();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and returns its result, skipping other messages.
    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let m = self.next();
            if m["id"] == json!(id) && m.get("method").is_none() {
                assert!(m.get("error").is_none(), "{method} failed: {m}");
                return m["result"].clone();
            }
        }
    }

    fn next(&mut self) -> Value {
        self.incoming
            .recv_timeout(Duration::from_secs(20))
            .expect("the server answers within 20 s")
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Value {
        loop {
            let m = self.next();
            if m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri {
                return m["params"].clone();
            }
        }
    }
}

fn file_uri(path: &std::path::Path) -> String {
    let encoded: String = path
        .to_str()
        .unwrap()
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect();
    format!("file://{encoded}")
}

fn rules_of(published: &Value) -> Vec<String> {
    published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

/// 21 + 723 ≠ 754, after a character outside the BMP (two UTF-16 units),
/// and a figure in full-width digits on the second line.
const WRONG: &str = "𠀀全县有城乡特困人员754户，其中，城市特困人员21户，农村特困人员723户。\n全县共有学校５８所。\n";
const RIGHT: &str = "𠀀全县有城乡特困人员754户，其中，城市特困人员21户，农村特困人员733户。\n全县共有学校５８所。\n";

#[test]
fn a_session_from_initialize_to_exit() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("民政.txt");
    std::fs::write(&draft, WRONG).unwrap();
    let uri = file_uri(&draft);
    let mut client = Client::start(dir.path());

    let init = client.request(
        "initialize",
        json!({"processId": null, "rootUri": file_uri(dir.path()), "capabilities": {}}),
    );
    assert_eq!(init["capabilities"]["hoverProvider"], true);
    assert_eq!(init["capabilities"]["codeActionProvider"], true);
    client.notify("initialized", json!({}));

    // didOpen → diagnostics at once.
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": WRONG}}),
    );
    let published = client.diagnostics(&uri);
    assert_eq!(published["version"], 1);
    assert_eq!(
        rules_of(&published),
        vec!["breakdown-sum", "num-fullwidth-digits"]
    );
    let bs = &published["diagnostics"][0];
    // 𠀀 (2 units) + 全县有城乡特困人员 (9) = 11; 754户 is 4 units long.
    assert_eq!(
        bs["range"],
        json!({"start": {"line": 0, "character": 11}, "end": {"line": 0, "character": 15}})
    );
    assert_eq!(bs["severity"], 1);
    assert_eq!(bs["source"], "yblint");
    assert!(bs["message"]
        .as_str()
        .unwrap()
        .starts_with("parts add up to 744 户, but the total is 754 户"));
    let related = bs["relatedInformation"].as_array().unwrap();
    assert_eq!(related.len(), 2);
    // 723户 starts 35 units in: 𠀀 counts two.
    assert_eq!(related[1]["location"]["range"]["start"]["character"], 35);

    // The safe fix of the full-width digits is a quick fix.
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri},
               "range": {"start": {"line": 1, "character": 6}, "end": {"line": 1, "character": 6}},
               "context": {"diagnostics": []}}),
    );
    let actions = actions.as_array().unwrap();
    assert_eq!(actions.len(), 1, "{actions:?}");
    assert_eq!(actions[0]["kind"], "quickfix");
    let edits = &actions[0]["edit"]["changes"][&uri];
    assert_eq!(
        edits,
        &json!([{"range": {"start": {"line": 1, "character": 6}, "end": {"line": 1, "character": 8}},
                 "newText": "58"}])
    );
    // No fix where there is none.
    let none = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri},
               "range": {"start": {"line": 0, "character": 12}, "end": {"line": 0, "character": 12}},
               "context": {"diagnostics": []}}),
    );
    assert_eq!(none, json!([]));

    // Hover over the total shows the rule's documentation.
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 12}}),
    );
    assert_eq!(hover["contents"]["kind"], "markdown");
    assert!(hover["contents"]["value"]
        .as_str()
        .unwrap()
        .starts_with("# breakdown-sum (arithmetic)"));
    let nothing = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 3}}),
    );
    assert_eq!(nothing, Value::Null);

    // didChange: checked again after the debounce, for the new version.
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": RIGHT}]}),
    );
    let published = client.diagnostics(&uri);
    assert_eq!(published["version"], 2);
    assert_eq!(rules_of(&published), vec!["num-fullwidth-digits"]);

    // A yblint.toml written and saved: the configuration is reloaded.
    let config = dir.path().join("yblint.toml");
    std::fs::write(
        &config,
        "[rules.num-fullwidth-digits]\nseverity = \"off\"\n",
    )
    .unwrap();
    client.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": file_uri(&config)}}),
    );
    let published = client.diagnostics(&uri);
    assert_eq!(rules_of(&published), Vec::<String>::new());

    // didClose clears the diagnostics.
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    let published = client.diagnostics(&uri);
    assert_eq!(published["diagnostics"], json!([]));

    assert_eq!(client.request("shutdown", Value::Null), Value::Null);
    client.notify("exit", Value::Null);
    let status = client.child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
}

#[test]
fn a_broken_configuration_is_shown_not_fatal() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("yblint.toml"), "[rules.breakdown-summ]\n").unwrap();
    let draft = dir.path().join("教育.txt");
    let uri = file_uri(&draft);
    let mut client = Client::start(dir.path());
    client.request(
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": {}}),
    );
    client.notify("initialized", json!({}));
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": WRONG}}),
    );
    // The user is told, and the draft gets no diagnostics.
    let shown = loop {
        let m = client.next();
        if m["method"] == "window/showMessage" {
            break m;
        }
    };
    assert_eq!(shown["params"]["type"], 1);
    let text = shown["params"]["message"].as_str().unwrap();
    assert!(text.contains("unknown rule `breakdown-summ`"), "{text}");
    assert_eq!(client.diagnostics(&uri)["diagnostics"], json!([]));
    assert_eq!(client.request("shutdown", Value::Null), Value::Null);
    client.notify("exit", Value::Null);
    assert_eq!(client.child.wait().unwrap().code(), Some(0));
}

/// A Markdown draft is read as `yblint check` reads one: a breakdown in a
/// code block is not prose, the one in the paragraph is checked, and the
/// range points into the editor's text.
#[test]
fn markdown_is_read_as_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("综述.md");
    let uri = file_uri(&draft);
    let text = "# 社会保障\n\n```\n全县有学校58所，其中，小学36所，初级中学14所，幼儿园19所。\n```\n\n有城乡特困人员**754**户，其中，城市特困人员21户，农村特困人员723户。\n";
    let mut client = Client::start(dir.path());
    client.request(
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": {}}),
    );
    client.notify("initialized", json!({}));
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
    );
    let published = client.diagnostics(&uri);
    let found: Vec<(String, Value)> = published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["range"]["start"].clone(),
            )
        })
        .collect();
    // 754 sits on line 6 (0-based) after 有城乡特困人员** (9 units).
    assert_eq!(
        found,
        vec![(
            "breakdown-sum".to_string(),
            json!({"line": 6, "character": 9})
        )]
    );
    assert_eq!(client.request("shutdown", Value::Null), Value::Null);
    client.notify("exit", Value::Null);
    assert_eq!(client.child.wait().unwrap().code(), Some(0));
}
