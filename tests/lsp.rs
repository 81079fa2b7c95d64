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
        Client::start_with_env(dir, &[])
    }

    /// Starts the server with extra environment variables.
    fn start_with_env(dir: &std::path::Path, env: &[(&str, &str)]) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_yblint"))
            .arg("lsp")
            .envs(env.iter().copied())
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

    /// Sends bytes as they are (a frame of the client's own making).
    fn send_raw(&mut self, bytes: &[u8]) {
        self.stdin.write_all(bytes).unwrap();
        self.stdin.flush().unwrap();
    }

    /// Sends a request and returns the error it is answered with.
    fn request_error(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let m = self.next();
            if m["id"] == json!(id) && m.get("method").is_none() {
                assert!(m.get("result").is_none(), "{method} did not fail: {m}");
                return m["error"].clone();
            }
        }
    }

    /// The next message of the server that is not a notification.
    fn next_response(&mut self) -> Value {
        loop {
            let m = self.next();
            if m.get("method").is_none() {
                return m;
            }
        }
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

/// A rule that fails on the draft costs only its own findings: the others
/// are published, the user is told once (and the log told every time), and
/// the server keeps serving. The failing rule is chosen through the
/// test-only variable `YBLINT_TEST_PANIC_RULE`.
#[test]
fn a_failing_rule_is_reported_and_the_server_keeps_serving() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("民政.txt");
    let uri = file_uri(&draft);
    let mut client = Client::start_with_env(
        dir.path(),
        &[("YBLINT_TEST_PANIC_RULE", "num-fullwidth-digits")],
    );
    client.request(
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": {}}),
    );
    client.notify("initialized", json!({}));
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": WRONG}}),
    );
    let published = client.diagnostics(&uri);
    assert_eq!(rules_of(&published), vec!["breakdown-sum"]);
    let mut told = Vec::new();
    while told.len() < 2 {
        let m = client.next();
        if m["method"] == "window/logMessage" || m["method"] == "window/showMessage" {
            assert_eq!(m["params"]["type"], 1, "{m}");
            let text = m["params"]["message"].as_str().unwrap().to_string();
            assert!(
                text.contains("民政.txt: internal error in rule num-fullwidth-digits: YBLINT_TEST_PANIC_RULE asked num-fullwidth-digits to fail"),
                "{text}"
            );
            assert!(text.ends_with("please report it with this file"), "{text}");
            told.push(m["method"].as_str().unwrap().to_string());
        }
    }
    told.sort();
    assert_eq!(told, ["window/logMessage", "window/showMessage"]);
    // Still serving: the next version is checked.
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": RIGHT}]}),
    );
    let published = client.diagnostics(&uri);
    assert_eq!(published["version"], 2);
    assert_eq!(rules_of(&published), Vec::<String>::new());
    assert_eq!(client.request("shutdown", Value::Null), Value::Null);
    client.notify("exit", Value::Null);
    assert_eq!(client.child.wait().unwrap().code(), Some(0));
}

/// Frames and messages the server cannot read are answered with JSON-RPC
/// errors, nothing is allocated for a body announced as 1 TiB, and the
/// session goes on.
#[test]
fn broken_messages_are_answered_and_the_server_keeps_serving() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("民政.txt");
    let uri = file_uri(&draft);
    let mut client = Client::start(dir.path());
    // After a broken frame the server skips to the next `Content-` header:
    // the header-less message comes first.
    let broken: [(&[u8], i64, &str); 8] = [
        (
            b"{\"jsonrpc\": \"2.0\"}\r\n\r\n",
            -32700,
            "a header line that is not `Name: value`",
        ),
        (b"Content-Length: 5\r\n\r\n{oops", -32700, "parse error"),
        (
            b"Content-Length: -3\r\n\r\n{}",
            -32700,
            "Content-Length `-3` is not a byte count",
        ),
        (
            b"Content-Length: 1e3\r\n\r\n{}",
            -32700,
            "Content-Length `1e3` is not a byte count",
        ),
        (
            b"Content-Type: application/json\r\n\r\n{}",
            -32700,
            "a message without a Content-Length header",
        ),
        (
            b"Content-Length: 1099511627776\r\n\r\n{}",
            -32700,
            "a message of 1099511627776 bytes is larger than the limit of 64 MiB",
        ),
        (b"Content-Length: 2\r\n\r\n[]", -32600, "invalid request"),
        (
            b"Content-Length: 35\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":5}",
            -32600,
            "invalid request",
        ),
    ];
    for (bytes, code, message) in broken {
        client.send_raw(bytes);
        let answer = client.next_response();
        assert_eq!(answer["error"]["code"], code, "{answer}");
        let text = answer["error"]["message"].as_str().unwrap();
        assert!(text.starts_with(message), "{text}");
        let id = if message == "invalid request" && bytes.ends_with(b"5}") {
            json!(7)
        } else {
            Value::Null
        };
        assert_eq!(answer["id"], id, "{answer}");
    }
    let init = client.request(
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": {}}),
    );
    assert_eq!(init["capabilities"]["hoverProvider"], true);
    client.notify("initialized", json!({}));
    // Requests with parameters of the wrong shape: -32602.
    for method in ["textDocument/hover", "textDocument/codeAction"] {
        for params in [
            json!({"textDocument": 5}),
            json!(null),
            json!({"position": {"line": -1}}),
        ] {
            let error = client.request_error(method, params);
            assert_eq!(error["code"], -32602, "{method}: {error}");
        }
    }
    // A notification of the wrong shape is ignored; the session goes on.
    client.notify("textDocument/didOpen", json!({"textDocument": "民政.txt"}));
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": WRONG}}),
    );
    let published = client.diagnostics(&uri);
    assert_eq!(
        rules_of(&published),
        vec!["breakdown-sum", "num-fullwidth-digits"]
    );
    assert_eq!(client.request("shutdown", Value::Null), Value::Null);
    client.notify("exit", Value::Null);
    assert_eq!(client.child.wait().unwrap().code(), Some(0));
}
