//! `dyad serve` over a real socket: the wrong requests get the right statuses,
//! and the server keeps serving after them.

mod server_common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use server_common::{request, Server};

fn error_code(r: &server_common::Resp) -> String {
    r.json()["error"]["code"].as_str().unwrap_or("").to_string()
}

/// Sends `body` from another thread (the server may answer before reading it all) and reads the status.
fn send_big(addr: std::net::SocketAddr, path: &str, body: Vec<u8>) -> u16 {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(60))).ok();
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let mut w = s.try_clone().expect("clone");
    let writer = std::thread::spawn(move || {
        let _ = w.write_all(head.as_bytes());
        let _ = w.write_all(&body);
    });
    let mut line = String::new();
    let _ = BufReader::new(&mut s).read_line(&mut line);
    let mut rest = Vec::new();
    let _ = s.read_to_end(&mut rest);
    drop(s);
    let _ = writer.join();
    line.split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0)
}

#[test]
fn wrong_requests_get_the_right_status() {
    let dir = server_common::artifacts("server-tests");
    let db = dir.join(format!("errors-{}.db", std::process::id()));
    let server = Server::start(
        &["--db", db.to_str().expect("path"), "--token", "right"],
        &[],
    );
    let a = server.addr;
    // Oversized body: 413, announced by Content-Length or not.
    let big = format!(
        r#"{{"id":"a","date":"2024-07-12","text":"{}"}}"#,
        "x".repeat(6 * 1024 * 1024)
    );
    assert_eq!(send_big(a, "/v1/code", big.into_bytes()), 413);
    // Malformed JSON: 400.
    let r = request(
        a,
        "POST",
        "/v1/code",
        &[("Content-Type", "application/json")],
        b"{\"id\": \"a\",",
    );
    assert_eq!((r.status, error_code(&r).as_str()), (400, "bad_json"));
    // Wrong token, no token: 401; right token: 200.
    let doc = br#"{"id":"t","date":"2024-07-12","text":"Russia and China held talks in Beijing on Thursday."}"#;
    for auth in [Some("Bearer wrong"), Some("Bearer "), None] {
        let mut h = vec![("Content-Type", "application/json")];
        if let Some(v) = auth {
            h.push(("Authorization", v));
        }
        let r = request(a, "POST", "/v1/ingest", &h, doc);
        assert_eq!(
            (r.status, error_code(&r).as_str()),
            (401, "unauthorized"),
            "{auth:?}"
        );
    }
    let r = request(
        a,
        "POST",
        "/v1/ingest",
        &[("Authorization", "Bearer right")],
        doc,
    );
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    // Path traversal on the static files: never a file from disk.
    for path in [
        "/assets/../Cargo.toml",
        "/assets/../../Cargo.toml",
        "/assets/..%2f..%2fCargo.toml",
        "/assets/%2e%2e/%2e%2e/Cargo.toml",
        "/assets/....//....//Cargo.toml",
        "/assets/..\\..\\Cargo.toml",
        "/assets/%00",
        "/../../../../etc/passwd",
        "/assets//etc/passwd",
    ] {
        let r = request(a, "GET", path, &[], b"");
        assert!(r.status == 404 || r.status == 400, "{path}: {}", r.status);
        let body = String::from_utf8_lossy(&r.body);
        assert!(
            !body.contains("[package]") && !body.contains("root:x"),
            "{path} leaked a file"
        );
    }
    // Still serving.
    let r = request(a, "GET", "/healthz", &[], b"");
    assert_eq!(r.status, 200);
    let r = request(a, "GET", "/assets/app.js", &[], b"");
    assert_eq!(r.status, 200);
    drop(server);
    for ext in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", db.display()));
    }
}

#[test]
fn writes_are_refused_without_a_token() {
    let dir = server_common::artifacts("server-tests");
    let db = dir.join(format!("notoken-{}.db", std::process::id()));
    let server = Server::start(&["--db", db.to_str().expect("path")], &[]);
    let doc = br#"{"id":"t","date":"2024-07-12","text":"Talks."}"#;
    let r = request(
        server.addr,
        "POST",
        "/v1/ingest",
        &[("Authorization", "Bearer anything")],
        doc,
    );
    assert_eq!(
        (r.status, error_code(&r).as_str()),
        (403, "writes_disabled")
    );
    drop(server);
    // DYAD_TOKEN works like --token.
    let server = Server::start(
        &["--db", db.to_str().expect("path")],
        &[("DYAD_TOKEN", "envtok")],
    );
    let r = request(
        server.addr,
        "POST",
        "/v1/ingest",
        &[("Authorization", "Bearer envtok")],
        doc,
    );
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    drop(server);
    for ext in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", db.display()));
    }
}
