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

/// Synthetic coded documents (not coder output): `n` documents of `per_doc`
/// events between a few countries over 2020-2024, with places. For testing the
/// store endpoints' shapes and arithmetic independently of the coder.
pub fn synthetic_docs(n: usize, per_doc: usize) -> Vec<serde_json::Value> {
    const C: &[&str] = &["RUS", "UKR", "USA", "CHN", "PRK", "BLR", "IRN", "FRA"];
    const P: &[(&str, &str, f64, f64)] = &[
        ("Moscow", "RUS", 55.75, 37.62),
        ("Kyiv", "UKR", 50.45, 30.52),
        ("Washington", "USA", 38.9, -77.04),
        ("Beijing", "CHN", 39.9, 116.4),
        ("Pyongyang", "PRK", 39.03, 125.75),
        ("Minsk", "BLR", 53.9, 27.56),
        ("Tehran", "IRN", 35.7, 51.4),
        ("Paris", "FRA", 48.86, 2.35),
    ];
    const T: &[(&str, &str, u8, f64)] = &[
        ("CONSULT", "040", 1, 1.0),
        ("AGREE", "030", 1, 4.0),
        ("AID", "070", 2, 7.0),
        ("COOPERATE", "060", 2, 6.0),
        ("ACCUSE", "112", 3, -2.0),
        ("THREATEN", "138", 3, -7.0),
        ("ASSAULT", "180", 4, -9.0),
        ("FIGHT", "190", 4, -10.0),
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut rnd = move |k: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % k as u64) as usize
    };
    let actor = |c: &str, s: usize| {
        serde_json::json!({"text": c, "start": s, "end": s + 3,
        "country": c, "sector": "GOV", "name": null, "role": null})
    };
    (0..n)
        .map(|d| {
            let date = format!("{}-{:02}-{:02}", 2020 + rnd(5), 1 + rnd(12), 1 + rnd(28));
            let events: Vec<_> = (0..per_doc)
                .map(|k| {
                    let (a, mut b) = (rnd(C.len()), rnd(C.len()));
                    if a == b {
                        b = (b + 1) % C.len();
                    }
                    let (ty, cameo, quad, g) = T[rnd(T.len())];
                    let loc = (rnd(3) > 0).then(|| {
                        let (name, cc, lat, lon) = P[rnd(P.len())];
                        serde_json::json!({"text": name, "start": 20, "end": 20 + name.len(),
                            "name": name, "country": cc, "lat": lat, "lon": lon})
                    });
                    serde_json::json!({
                        "id": format!("syn{d}:{k}:0"), "doc_id": format!("syn{d}"), "sentence": k,
                        "event_type": ty, "mode": null, "context": [], "cameo": cameo, "quad_class": quad,
                        "goldstein": g, "actor": actor(C[a], 0), "recipient": actor(C[b], 8),
                        "mutual": ty == "CONSULT", "date": date, "date_basis": "publication",
                        "location": loc, "reported_by": null, "negated": false, "modality": "asserted",
                        "trigger": {"text": "met", "start": 4, "end": 7},
                        "evidence": format!("{} met {} in a synthetic sentence {k}.", C[a], C[b])
                    })
                })
                .collect();
            serde_json::json!({"id": format!("syn{d}"), "date": date, "source": "synthetic",
                "url": format!("https://example.org/{d}"), "events": events})
        })
        .collect()
}
