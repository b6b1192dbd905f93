//! `/openapi.json` matches the real handlers.
//!
//! Schema-driven: for every documented operation the test sends the spec's own
//! example request (and a malformed one for bodies), requires the status to be
//! documented, and checks the body against the documented schema with
//! additionalProperties closed, so an undocumented field fails. The documented
//! paths must equal the router's route table, and each route must be live.

mod common;
mod schema;

use common::{app, call};
use serde_json::Value;

fn spec() -> Value {
    serde_json::from_str(dyad_server::openapi::SPEC).expect("openapi.json is JSON")
}

fn operations(spec: &Value) -> Vec<(String, String, Value)> {
    let mut out = Vec::new();
    for (path, item) in spec["paths"].as_object().expect("paths") {
        for (method, op) in item.as_object().expect("path item") {
            out.push((method.clone(), path.clone(), op.clone()));
        }
    }
    out
}

fn check_response(spec: &Value, op: &Value, what: &str, r: &common::Resp) {
    let status = r.status.as_u16().to_string();
    let doc = &op["responses"][&status];
    assert!(
        doc.is_object(),
        "{what}: status {status} is not documented; body {}",
        String::from_utf8_lossy(&r.raw)
    );
    let Some(schema) = doc.pointer("/content/application~1json/schema") else {
        return;
    };
    let errs = schema::check(spec, schema, &r.json);
    assert!(
        errs.is_empty(),
        "{what}: response does not match the spec:\n{}",
        errs.join("\n")
    );
}

fn uri_with_example_params(path: &str, op: &Value) -> String {
    let mut q = Vec::new();
    for p in op["parameters"].as_array().into_iter().flatten() {
        if p["in"] == "query" {
            if let Some(ex) = p.get("example") {
                let v = ex
                    .as_str()
                    .map(str::to_string)
                    .unwrap_or_else(|| ex.to_string());
                q.push(format!("{}={}", p["name"].as_str().unwrap_or(""), v));
            }
        }
    }
    if q.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", q.join("&"))
    }
}

#[test]
fn spec_paths_equal_the_route_table() {
    let spec = spec();
    assert!(spec["openapi"]
        .as_str()
        .is_some_and(|v| v.starts_with("3.")));
    let mut documented: Vec<(String, String)> = operations(&spec)
        .into_iter()
        .map(|(m, p, _)| (m, p))
        .collect();
    let mut routed: Vec<(String, String)> = dyad_server::router::ROUTES
        .iter()
        .map(|(m, p)| (m.to_string(), p.to_string()))
        .collect();
    documented.sort();
    routed.sort();
    assert_eq!(documented, routed);
}

#[tokio::test]
async fn every_route_in_the_table_is_live() {
    let app = app();
    for (method, path) in dyad_server::router::ROUTES {
        let r = call(
            &app,
            &method.to_uppercase(),
            path,
            Some(b"{}".to_vec()),
            &[],
        )
        .await;
        let code = r.json["error"]["code"].as_str().unwrap_or("");
        assert!(
            code != "not_found" && code != "method_not_allowed",
            "{method} {path}: {code}"
        );
    }
}

#[tokio::test]
async fn examples_get_documented_answers() {
    let spec = spec();
    let (app, _db) = common::app_with_store("openapi");
    // Some data first, so the store answers are not all empty.
    if let Some(seed) = common::seed_article() {
        let r = call(
            &app,
            "POST",
            "/v1/ingest",
            Some(seed.to_string().into_bytes()),
            &[("authorization", "Bearer secret")],
        )
        .await;
        assert_eq!(
            r.status.as_u16(),
            200,
            "{}",
            String::from_utf8_lossy(&r.raw)
        );
    }
    for (method, path, op) in operations(&spec) {
        let uri = uri_with_example_params(&path, &op);
        let example = op
            .pointer("/requestBody/content/application~1json/example")
            .cloned();
        let body = example.as_ref().map(|e| e.to_string().into_bytes());
        let auth = [("authorization", "Bearer secret")];
        let r = call(&app, &method.to_uppercase(), &uri, body, &auth).await;
        assert!(
            r.status.is_success(),
            "{method} {uri}: example got {}: {}",
            r.status,
            String::from_utf8_lossy(&r.raw)
        );
        check_response(&spec, &op, &format!("{method} {uri}"), &r);
        if let Some(ex) = example {
            // The documented request schema accepts the example.
            let s = op
                .pointer("/requestBody/content/application~1json/schema")
                .expect("request schema");
            let errs = schema::check(&spec, s, &ex);
            assert!(
                errs.is_empty(),
                "{method} {path}: example does not match its schema: {errs:?}"
            );
            // A list of the example is accepted too, and malformed JSON is a documented 400.
            let list = Value::Array(vec![ex.clone(), ex]).to_string().into_bytes();
            let r = call(&app, &method.to_uppercase(), &uri, Some(list), &auth).await;
            check_response(&spec, &op, &format!("{method} {uri} (list)"), &r);
            let r = call(
                &app,
                &method.to_uppercase(),
                &uri,
                Some(b"{oops".to_vec()),
                &auth,
            )
            .await;
            assert_eq!(r.status.as_u16(), 400);
            check_response(&spec, &op, &format!("{method} {uri} (malformed)"), &r);
        }
    }
}

#[tokio::test]
async fn store_answers_match_the_spec() {
    let Some(seed) = common::seed_article() else {
        return;
    };
    let spec = spec();
    let (app, _db) = common::app_with_store("openapi-store");
    let auth = [("authorization", "Bearer secret")];
    let r = call(
        &app,
        "POST",
        "/v1/ingest",
        Some(seed.to_string().into_bytes()),
        &auth,
    )
    .await;
    check_response(&spec, &spec["paths"]["/v1/ingest"]["post"], "ingest", &r);
    // Coded documents too, so every event field is exercised whatever the coder finds.
    let docs = serde_json::Value::Array(common::synthetic_docs(40, 5));
    let s = spec
        .pointer("/paths/~1v1~1ingest/post/requestBody/content/application~1json/schema")
        .expect("ingest body schema");
    assert_eq!(schema::check(&spec, s, &docs), Vec::<String>::new());
    let r = call(
        &app,
        "POST",
        "/v1/ingest",
        Some(docs.to_string().into_bytes()),
        &auth,
    )
    .await;
    assert_eq!(
        r.status.as_u16(),
        200,
        "{}",
        String::from_utf8_lossy(&r.raw)
    );
    check_response(
        &spec,
        &spec["paths"]["/v1/ingest"]["post"],
        "ingest coded",
        &r,
    );
    assert!(
        r.json["events_new"].as_u64().is_some_and(|n| n > 0),
        "{}",
        r.json
    );
    let gets = [
        ("/v1/events", "/v1/events?limit=3"),
        ("/v1/events", "/v1/events?limit=2&mentions=false"),
        ("/v1/events", "/v1/events?party=PRK&from=2024&to=2024-12-31"),
        ("/v1/aggregates", "/v1/aggregates?by=month&dyad=PRK-BLR"),
        ("/v1/aggregates", "/v1/aggregates?group=dyad&limit=5"),
        ("/v1/aggregates", "/v1/aggregates?group=actor"),
        ("/v1/aggregates", "/v1/aggregates?group=place"),
        (
            "/v1/aggregates",
            "/v1/aggregates?group=admin1&by=month&limit=50",
        ),
        ("/v1/events", "/v1/events?cursor=12"),
        ("/v1/aggregates", "/v1/aggregates?by=year&group=type"),
        ("/v1/actors", "/v1/actors?limit=5"),
        ("/v1/aggregates", "/v1/aggregates?group=nonsense"),
        ("/v1/events", "/v1/events?quad_class=9"),
        ("/v1/events", "/v1/events?from=2024-13"),
        ("/v1/events", "/v1/events?actr=RUS"),
    ];
    for (path, uri) in gets {
        let r = call(&app, "GET", uri, None, &[]).await;
        check_response(&spec, &spec["paths"][path]["get"], uri, &r);
        if r.status.is_success() {
            let n = r.json["items"]
                .as_array()
                .or(r.json["rows"].as_array())
                .map_or(0, Vec::len);
            assert!(n > 0, "{uri}: empty answer checks nothing");
        }
    }
    // No store: a documented 503.
    let r = call(&common::app(), "GET", "/v1/events", None, &[]).await;
    assert_eq!(r.status.as_u16(), 503);
    check_response(&spec, &spec["paths"]["/v1/events"]["get"], "no store", &r);
}

#[tokio::test]
async fn the_reference_article_codes_to_the_documented_shape() {
    let Some(seed) = common::seed_article() else {
        return;
    };
    let spec = spec();
    let app = app();
    for (path, op) in [("/v1/code", "post"), ("/v1/annotate", "post")] {
        let r = call(&app, "POST", path, Some(seed.to_string().into_bytes()), &[]).await;
        assert_eq!(r.status.as_u16(), 200);
        check_response(&spec, &spec["paths"][path][op], path, &r);
    }
}

/// The checker itself: a real record passes, a drifted one fails.
#[test]
fn the_checker_catches_drift() {
    let spec = spec();
    let actor = serde_json::json!({"text": "Putin", "start": 0, "end": 5, "country": "RUS",
        "sector": "GOV", "name": "Vladimir Putin", "role": null});
    let raw = serde_json::json!({
        "id": "d:0:0", "doc_id": "d", "sentence": 0, "event_type": "CONSULT", "mode": null,
        "context": [], "cameo": "040", "quad_class": 1, "goldstein": 1.0, "actor": actor,
        "recipient": null, "mutual": true, "date": "2024-07-11", "date_basis": "text",
        "location": {"text": "Beijing", "start": 9, "end": 16, "name": "Beijing", "country": "CHN",
                     "lat": 39.9, "lon": 116.4},
        "reported_by": null, "negated": false, "modality": "asserted",
        "trigger": {"text": "met", "start": 6, "end": 9}, "evidence": "Putin met in Beijing."
    });
    // Round-trip through dyad-core's own type: this is what the handlers emit.
    let rec: dyad_core::schema::EventRecord =
        serde_json::from_value(raw).expect("a valid EventRecord");
    let good = serde_json::to_value(&rec).expect("serialise");
    let schema = serde_json::json!({"$ref": "#/components/schemas/EventRecord"});
    assert_eq!(schema::check(&spec, &schema, &good), Vec::<String>::new());
    let mut extra = good.clone();
    extra["surprise"] = 1.into();
    assert!(!schema::check(&spec, &schema, &extra).is_empty());
    let mut wrong = good.clone();
    wrong["quad_class"] = "1".into();
    assert!(!schema::check(&spec, &schema, &wrong).is_empty());
    let mut missing = good;
    missing.as_object_mut().unwrap().remove("trigger");
    assert!(!schema::check(&spec, &schema, &missing).is_empty());
}
