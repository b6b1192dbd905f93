//! Every failure is a JSON error with the right status code.

mod common;
use common::{app, app_with, call};

fn check_error(r: &common::Resp, status: u16, code: &str) {
    assert_eq!(
        r.status.as_u16(),
        status,
        "body: {}",
        String::from_utf8_lossy(&r.raw)
    );
    assert_eq!(r.json["error"]["status"], status);
    assert_eq!(r.json["error"]["code"], code);
    assert!(r.json["error"]["message"]
        .as_str()
        .is_some_and(|m| !m.is_empty()));
}

#[tokio::test]
async fn oversized_body_is_413() {
    let app = app_with(dyad_server::Config {
        body_limit: 1000,
        ..Default::default()
    });
    let text = "a".repeat(2000);
    let body = serde_json::json!({"id": "x", "date": "2024-07-12", "text": text});
    let r = call(
        &app,
        "POST",
        "/v1/code",
        Some(body.to_string().into_bytes()),
        &[],
    )
    .await;
    check_error(&r, 413, "payload_too_large");
    // The default limit is 5 MB: 6 MB is refused, whatever the content type says.
    let big = vec![b' '; 6 * 1024 * 1024];
    let r = call(
        &common::app(),
        "POST",
        "/v1/annotate",
        Some(big),
        &[("content-type", "application/json")],
    )
    .await;
    check_error(&r, 413, "payload_too_large");
}

#[tokio::test]
async fn malformed_json_is_400() {
    let app = app();
    for body in [&b"{\"id\": "[..], b"not json", b"{\"id\":\"a\",\xff}", b""] {
        let r = call(&app, "POST", "/v1/code", Some(body.to_vec()), &[]).await;
        check_error(&r, 400, "bad_json");
    }
}

#[tokio::test]
async fn invalid_articles_are_422_and_name_the_article() {
    let app = app();
    let cases = [
        (r#"{"id":"a","text":"x"}"#, "date"),
        (r#"{"id":"a","date":"2024-13-40","text":"x"}"#, "bad date"),
        (r#"{"id":"a","date":"2024-07-12","text":"   "}"#, "text"),
        (
            r#"[{"id":"a","date":"2024-07-12","text":"ok."},{"id":"b","date":"x","text":"y"}]"#,
            "article 1",
        ),
        (r#"42"#, "expected an article"),
        (r#"{"id":5,"date":"2024-07-12","text":"x"}"#, "article 0"),
    ];
    for (body, needle) in cases {
        for path in ["/v1/code", "/v1/annotate"] {
            let r = call(&app, "POST", path, Some(body.as_bytes().to_vec()), &[]).await;
            check_error(&r, 422, "invalid_input");
            let msg = r.json["error"]["message"].as_str().unwrap_or("");
            assert!(msg.contains(needle), "{path} {body}: {msg}");
        }
    }
}

#[tokio::test]
async fn unknown_routes_and_methods() {
    let app = app();
    check_error(
        &call(&app, "GET", "/v2/nothing", None, &[]).await,
        404,
        "not_found",
    );
    check_error(
        &call(&app, "GET", "/v1/code", None, &[]).await,
        405,
        "method_not_allowed",
    );
    check_error(
        &call(&app, "DELETE", "/healthz", None, &[]).await,
        405,
        "method_not_allowed",
    );
}

#[tokio::test]
async fn path_traversal_on_static_files_is_404() {
    let app = app();
    let attempts = [
        "/assets/../Cargo.toml",
        "/assets/..%2f..%2fCargo.toml",
        "/assets/%2e%2e/%2e%2e/src/lib.rs",
        "/assets/../../../../etc/passwd",
        "/assets//etc/passwd",
        "/assets/..\\..\\Cargo.toml",
        "/assets/app.js/../../Cargo.toml",
        "/assets/",
        "/../Cargo.toml",
        "/assets/index.html%00.js",
    ];
    for uri in attempts {
        let r = call(&app, "GET", uri, None, &[]).await;
        assert!(
            r.status.as_u16() == 404 || r.status.as_u16() == 400,
            "{uri}: {} {}",
            r.status,
            String::from_utf8_lossy(&r.raw)
        );
        let body = String::from_utf8_lossy(&r.raw);
        assert!(
            !body.contains("[package]") && !body.contains("root:"),
            "{uri} leaked a file"
        );
    }
    // The real files are there.
    for uri in [
        "/",
        "/assets/app.js",
        "/assets/app.css",
        "/assets/world.json",
    ] {
        let r = call(&app, "GET", uri, None, &[]).await;
        assert_eq!(r.status.as_u16(), 200, "{uri}");
        assert!(r.headers.contains_key("content-security-policy"));
    }
}

#[tokio::test]
async fn no_panic_on_odd_bodies() {
    let app = app();
    let bodies: Vec<Vec<u8>> = vec![
        b"[]".to_vec(),
        b"[[]]".to_vec(),
        b"null".to_vec(),
        b"{}".to_vec(),
        "[".repeat(10_000).into_bytes(),
        br#"{"id":"\u0000","date":"2024-02-30","text":"x"}"#.to_vec(),
        format!(
            r#"{{"id":"a","date":"2024-07-12","text":"{}"}}"#,
            "\\ud800".repeat(3)
        )
        .into_bytes(),
        format!(
            r#"{{"id":"a","date":"2024-07-12","text":"{}"}}"#,
            "é€😀 ".repeat(5000)
        )
        .into_bytes(),
    ];
    for b in bodies {
        for path in ["/v1/code", "/v1/annotate"] {
            let r = call(&app, "POST", path, Some(b.clone()), &[]).await;
            let s = r.status.as_u16();
            assert!(s == 200 || s == 400 || s == 422, "{path}: {s}");
            assert!(r.json.is_object() || r.json.is_array(), "{path}: not JSON");
        }
    }
}
