//! In-process calls to the router: no sockets, exact status codes.
#![allow(dead_code)]

use std::path::PathBuf;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use tower::ServiceExt;

/// The router with a given configuration.
pub fn app_with(config: dyad_server::Config) -> axum::Router {
    let state = dyad_server::AppState::new(&config).expect("state");
    dyad_server::app(state, &config)
}

/// The router with defaults and a token.
pub fn app() -> axum::Router {
    app_with(dyad_server::Config {
        token: Some("secret".into()),
        ..Default::default()
    })
}

/// One response: status, headers, body parsed as JSON (Null when it is not JSON), raw body.
pub struct Resp {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub json: serde_json::Value,
    pub raw: Vec<u8>,
}

/// Sends one request.
pub async fn call(
    app: &axum::Router,
    method: &str,
    uri: &str,
    body: Option<Vec<u8>>,
    headers: &[(&str, &str)],
) -> Resp {
    let mut req = Request::builder().method(method).uri(uri);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let req = req
        .body(body.map(Body::from).unwrap_or_else(Body::empty))
        .expect("request");
    let resp = app.clone().oneshot(req).await.expect("infallible");
    let status = resp.status();
    let headers = resp.headers().clone();
    let raw = axum::body::to_bytes(resp.into_body(), usize::MAX)
        .await
        .expect("body")
        .to_vec();
    let json = serde_json::from_slice(&raw).unwrap_or(serde_json::Value::Null);
    Resp {
        status,
        headers,
        json,
        raw,
    }
}

/// `$DYAD_SHARED` or `<workspace>/../shared`; `None` (after printing why) when missing and not required.
pub fn shared(rel: &str) -> Option<PathBuf> {
    let root = std::env::var_os("DYAD_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    let p = root.join(rel);
    if p.exists() {
        return Some(p);
    }
    if std::env::var("DYAD_REQUIRE_SHARED").as_deref() == Ok("1") {
        panic!("{rel} not found at {}", p.display());
    }
    eprintln!("skipping: {rel} not found at {}", p.display());
    None
}

/// The reference article as a JSON body.
pub fn seed_article() -> Option<serde_json::Value> {
    let p = shared("examples/seed-article.jsonl")?;
    let line = std::fs::read_to_string(p).expect("read seed");
    Some(serde_json::from_str(line.lines().next().expect("a line")).expect("seed JSON"))
}

/// A database file in the temp dir, removed (with its WAL files) on drop.
pub struct TempDb(pub PathBuf);

impl TempDb {
    pub fn new(tag: &str) -> TempDb {
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let p =
            std::env::temp_dir().join(format!("dyad-server-{tag}-{}-{n}.db", std::process::id()));
        let db = TempDb(p);
        db.clean();
        db
    }
    fn clean(&self) {
        for ext in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{ext}", self.0.display()));
        }
    }
}

impl Drop for TempDb {
    fn drop(&mut self) {
        self.clean();
    }
}

/// The router with a fresh store and the token `secret`.
pub fn app_with_store(tag: &str) -> (axum::Router, TempDb) {
    let db = TempDb::new(tag);
    let app = app_with(dyad_server::Config {
        token: Some("secret".into()),
        db: Some(db.0.clone()),
        ..Default::default()
    });
    (app, db)
}
