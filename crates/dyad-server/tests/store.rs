//! The store endpoints: tokens, filters, pagination, aggregates.

mod common;
use common::{app_with, app_with_store, call, TempDb};

const AUTH: (&str, &str) = ("authorization", "Bearer secret");

fn body(v: &serde_json::Value) -> Option<Vec<u8>> {
    Some(v.to_string().into_bytes())
}

#[tokio::test]
async fn writes_need_the_right_token() {
    let (app, _db) = app_with_store("auth");
    let doc =
        serde_json::json!({"id": "a", "date": "2024-07-12", "text": "Putin met Xi in Beijing."});
    for (headers, status, code) in [
        (vec![], 401, "unauthorized"),
        (vec![("authorization", "Bearer wrong")], 401, "unauthorized"),
        (vec![("authorization", "Bearer secre")], 401, "unauthorized"),
        (
            vec![("authorization", "Basic c2VjcmV0")],
            401,
            "unauthorized",
        ),
        (
            vec![("authorization", "Bearer secretX")],
            401,
            "unauthorized",
        ),
    ] {
        let r = call(&app, "POST", "/v1/ingest", body(&doc), &headers).await;
        assert_eq!(r.status.as_u16(), status, "{headers:?}");
        assert_eq!(r.json["error"]["code"], code);
    }
    let r = call(&app, "POST", "/v1/ingest", body(&doc), &[AUTH]).await;
    assert_eq!(
        r.status.as_u16(),
        200,
        "{}",
        String::from_utf8_lossy(&r.raw)
    );
    assert_eq!(r.json["docs_new"], 1);
    // Again: unchanged.
    let r = call(&app, "POST", "/v1/ingest", body(&doc), &[AUTH]).await;
    assert_eq!(r.json["docs_unchanged"], 1);
    // A server without a token refuses every write, whatever is sent.
    let db = TempDb::new("notoken");
    let app = app_with(dyad_server::Config {
        db: Some(db.0.clone()),
        ..Default::default()
    });
    for headers in [vec![], vec![AUTH]] {
        let r = call(&app, "POST", "/v1/ingest", body(&doc), &headers).await;
        assert_eq!(r.status.as_u16(), 403);
        assert_eq!(r.json["error"]["code"], "writes_disabled");
    }
    // Reads need no token.
    let r = call(&app, "GET", "/v1/events", None, &[]).await;
    assert_eq!(r.status.as_u16(), 200);
}

#[tokio::test]
async fn ingested_seed_article_is_queryable_and_paginated() {
    let Some(seed) = common::seed_article() else {
        return;
    };
    let (app, _db) = app_with_store("seed");
    let r = call(&app, "POST", "/v1/ingest", body(&seed), &[AUTH]).await;
    assert_eq!(r.status.as_u16(), 200);
    let coded = call(&app, "POST", "/v1/code", body(&seed), &[]).await;
    let n_records = coded.json.as_array().map_or(0, Vec::len);
    assert_eq!(r.json["records"], n_records);
    // Walk every page of one event at a time: each event once, in order.
    let all = call(&app, "GET", "/v1/events?limit=500", None, &[]).await;
    let total = all.json["items"].as_array().map_or(0, Vec::len);
    assert!(all.json["next_cursor"].is_null());
    let mut seen = Vec::new();
    let mut uri = "/v1/events?limit=1".to_string();
    loop {
        let page = call(&app, "GET", &uri, None, &[]).await;
        assert_eq!(page.status.as_u16(), 200);
        for it in page.json["items"].as_array().into_iter().flatten() {
            seen.push(it["id"].clone());
        }
        match page.json["next_cursor"].as_str() {
            Some(c) => uri = format!("/v1/events?limit=1&cursor={c}"),
            None => break,
        }
        assert!(seen.len() <= total, "pagination does not end");
    }
    let want: Vec<_> = all.json["items"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|i| i["id"].clone())
        .collect();
    assert_eq!(seen, want);
    // Aggregates add up to the events.
    let agg = call(&app, "GET", "/v1/aggregates?by=month", None, &[]).await;
    let sum: u64 = agg.json["rows"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| r["count"].as_u64())
        .sum();
    assert_eq!(sum as usize, total);
    for row in agg.json["rows"].as_array().into_iter().flatten() {
        let q: u64 = ["quad1", "quad2", "quad3", "quad4"]
            .iter()
            .filter_map(|k| row[k].as_u64())
            .sum();
        assert_eq!(Some(q), row["count"].as_u64());
    }
    // A filter narrows: no event of the article is between Chile and Peru.
    let none = call(&app, "GET", "/v1/events?dyad=CHL-PER", None, &[]).await;
    assert_eq!(none.json["items"], serde_json::json!([]));
}

#[tokio::test]
async fn bad_parameters_are_400() {
    let (app, _db) = app_with_store("params");
    for uri in [
        "/v1/events?actr=RUS",
        "/v1/events?limit=abc",
        "/v1/events?cursor=-1",
        "/v1/events?quad_class=0",
        "/v1/events?from=2024-02-30",
        "/v1/events?dyad=RUS",
        "/v1/events?bbox=1,2,3",
        "/v1/events?mentions=maybe",
        "/v1/aggregates?by=fortnight",
        "/v1/aggregates?group=planet",
        "/v1/aggregates?by=month&group=place",
        "/v1/actors?limit=-5",
        "/v1/events?text=%20;;",
    ] {
        let r = call(&app, "GET", uri, None, &[]).await;
        assert_eq!(
            r.status.as_u16(),
            400,
            "{uri}: {}",
            String::from_utf8_lossy(&r.raw)
        );
        assert_eq!(r.json["error"]["code"], "bad_query", "{uri}");
    }
}

/// Pages through every event a query selects.
async fn all_events(app: &axum::Router, query: &str) -> Vec<serde_json::Value> {
    let mut out = Vec::new();
    let mut uri = format!("/v1/events?{query}&limit=37&mentions=false");
    loop {
        let page = call(app, "GET", &uri, None, &[]).await;
        assert_eq!(
            page.status.as_u16(),
            200,
            "{}",
            String::from_utf8_lossy(&page.raw)
        );
        out.extend(page.json["items"].as_array().cloned().unwrap_or_default());
        match page.json["next_cursor"].as_str() {
            Some(c) => uri = format!("/v1/events?{query}&limit=37&mentions=false&cursor={c}"),
            None => return out,
        }
    }
}

#[tokio::test]
async fn aggregates_agree_with_the_events_they_count() {
    let (app, _db) = app_with_store("agg");
    let docs = serde_json::Value::Array(common::synthetic_docs(60, 4));
    let r = call(&app, "POST", "/v1/ingest", body(&docs), &[AUTH]).await;
    assert_eq!(
        r.status.as_u16(),
        200,
        "{}",
        String::from_utf8_lossy(&r.raw)
    );
    let events = all_events(&app, "from=1900").await;
    assert_eq!(events.len() as u64, r.json["events_new"].as_u64().unwrap());
    // By month: counts add up, and each quad breakdown adds up to its count.
    let months = call(&app, "GET", "/v1/aggregates?by=month", None, &[]).await;
    let rows = months.json["rows"].as_array().cloned().unwrap_or_default();
    let total: u64 = rows.iter().filter_map(|r| r["count"].as_u64()).sum();
    assert_eq!(total as usize, events.len());
    // One dyad, both directions: the chart's numbers are the list's events.
    let series = call(
        &app,
        "GET",
        "/v1/aggregates?by=month&dyad=RUS-UKR",
        None,
        &[],
    )
    .await;
    let n: u64 = series.json["rows"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| r["count"].as_u64())
        .sum();
    let listed = all_events(&app, "dyad=RUS-UKR").await;
    assert_eq!(n as usize, listed.len());
    assert!(n > 0);
    for ev in &listed {
        let mut pair = [
            ev["actor"]["country"].as_str(),
            ev["recipient"]["country"].as_str(),
        ];
        pair.sort();
        assert_eq!(pair, [Some("RUS"), Some("UKR")]);
    }
    // Places: every located event is counted once.
    let located = events.iter().filter(|e| !e["location"].is_null()).count();
    let places = call(&app, "GET", "/v1/aggregates?group=place", None, &[]).await;
    let sum: u64 = places.json["rows"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| r["count"].as_u64())
        .sum();
    assert_eq!(sum as usize, located);
    assert_eq!(places.json["truncated"], false);
    // Top dyads come largest first and respect the limit.
    let top = call(&app, "GET", "/v1/aggregates?group=dyad&limit=5", None, &[]).await;
    let counts: Vec<u64> = top.json["rows"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| r["count"].as_u64())
        .collect();
    assert_eq!(counts.len(), 5);
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
}
