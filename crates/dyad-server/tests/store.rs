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
        "/v1/events?cursor=50",
        "/v1/events?cursor=k19000",
        "/v1/events?cursor=k19000.x",
        "/v1/events?cursor=K1.2",
        "/v1/events?quad_class=0",
        "/v1/events?from=2024-02-30",
        "/v1/events?dyad=RUS",
        "/v1/events?bbox=1,2,3",
        "/v1/events?mentions=maybe",
        "/v1/aggregates?by=fortnight",
        "/v1/aggregates?group=planet",
        "/v1/aggregates?group=place,dyad",
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
    // Places: every located event is counted once, under its place's country
    // (`place`) or country and first-level division (`admin1`), at the mean
    // position of its events.
    let located: Vec<&serde_json::Value> =
        events.iter().filter(|e| !e["location"].is_null()).collect();
    let mut want: std::collections::BTreeMap<String, (u64, f64, f64)> = Default::default();
    for e in &located {
        let l = &e["location"];
        let c = want
            .entry(l["country"].as_str().unwrap_or("?").to_string())
            .or_default();
        c.0 += 1;
        c.1 += l["lat"].as_f64().unwrap();
        c.2 += l["lon"].as_f64().unwrap();
    }
    assert!(want.len() > 3, "{want:?}");
    for group in ["place", "admin1"] {
        let places = call(
            &app,
            "GET",
            &format!("/v1/aggregates?group={group}"),
            None,
            &[],
        )
        .await;
        let rows = places.json["rows"].as_array().cloned().unwrap_or_default();
        let sum: u64 = rows.iter().filter_map(|r| r["count"].as_u64()).sum();
        assert_eq!(sum as usize, located.len(), "{group}");
        let mut got: std::collections::BTreeMap<String, (u64, f64, f64)> = Default::default();
        for r in &rows {
            let key = r["key"].as_str().unwrap();
            let country = key.split('/').next().unwrap().to_string();
            let n = r["count"].as_u64().unwrap();
            let c = got.entry(country).or_default();
            c.0 += n;
            c.1 += r["lat"].as_f64().expect("lat") * n as f64;
            c.2 += r["lon"].as_f64().expect("lon") * n as f64;
        }
        assert_eq!(
            got.keys().collect::<Vec<_>>(),
            want.keys().collect::<Vec<_>>()
        );
        for (k, w) in &want {
            let g = got[k];
            assert_eq!(g.0, w.0, "{group} {k}");
            assert!((g.1 - w.1).abs() < 1e-6 * w.0 as f64, "{group} {k} lat");
            assert!((g.2 - w.2).abs() < 1e-6 * w.0 as f64, "{group} {k} lon");
        }
    }
    // By month too: the months of one place add up to its total.
    let monthly = call(
        &app,
        "GET",
        "/v1/aggregates?group=place&by=month",
        None,
        &[],
    )
    .await;
    let n: u64 = monthly.json["rows"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|r| r["key"] == "RUS")
        .filter_map(|r| r["count"].as_u64())
        .sum();
    assert_eq!(n, want["RUS"].0);
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

#[tokio::test]
async fn answers_follow_new_writes() {
    let (app, _db) = app_with_store("cache");
    let docs = common::synthetic_docs(30, 3);
    let count = |r: &common::Resp| -> u64 {
        r.json["rows"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|r| r["count"].as_u64())
            .sum()
    };
    let r = call(&app, "POST", "/v1/ingest", body(&docs[0]), &[AUTH]).await;
    assert_eq!(r.status.as_u16(), 200);
    let before = call(&app, "GET", "/v1/aggregates?by=year", None, &[]).await;
    let again = call(&app, "GET", "/v1/aggregates?by=year", None, &[]).await;
    assert_eq!(before.json, again.json);
    let rest = serde_json::Value::Array(docs[1..].to_vec());
    let r = call(&app, "POST", "/v1/ingest", body(&rest), &[AUTH]).await;
    let added = r.json["events_new"].as_u64().unwrap();
    assert!(added > 0);
    let after = call(&app, "GET", "/v1/aggregates?by=year", None, &[]).await;
    assert_eq!(count(&after), count(&before) + added);
    let actors = call(&app, "GET", "/v1/actors", None, &[]).await;
    let listed: u64 = actors.json["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|a| a["events"].as_u64())
        .sum();
    assert!(
        listed >= count(&after),
        "actors count both sides of every event"
    );
}

#[tokio::test]
async fn pages_do_not_shift_when_events_arrive() {
    let (app, _db) = app_with_store("keyset");
    let mut docs = common::synthetic_docs(40, 4);
    // The later documents are between two countries the first ones never
    // name, so they add events and never merge into (and re-date) shown ones.
    for d in &mut docs[30..] {
        for e in d["events"].as_array_mut().unwrap() {
            e["actor"]["country"] = "NOR".into();
            e["recipient"]["country"] = "SWE".into();
        }
    }
    let (first, later) = docs.split_at(30);
    let r = call(
        &app,
        "POST",
        "/v1/ingest",
        body(&serde_json::Value::Array(first.to_vec())),
        &[AUTH],
    )
    .await;
    assert_eq!(r.status.as_u16(), 200);
    let before = all_events(&app, "from=1900").await;
    assert!(before.len() > 40);
    // Read half of the pages, then ingest events, then read on.
    let mut seen: Vec<serde_json::Value> = Vec::new();
    let mut uri = "/v1/events?limit=10&mentions=false".to_string();
    for _ in 0..3 {
        let page = call(&app, "GET", &uri, None, &[]).await;
        seen.extend(page.json["items"].as_array().cloned().unwrap_or_default());
        let c = page.json["next_cursor"].as_str().expect("more pages");
        assert!(c.starts_with('k'), "{c}");
        uri = format!("/v1/events?limit=10&mentions=false&cursor={c}");
    }
    let r = call(
        &app,
        "POST",
        "/v1/ingest",
        body(&serde_json::Value::Array(later.to_vec())),
        &[AUTH],
    )
    .await;
    assert_eq!(r.status.as_u16(), 200);
    loop {
        let page = call(&app, "GET", &uri, None, &[]).await;
        seen.extend(page.json["items"].as_array().cloned().unwrap_or_default());
        match page.json["next_cursor"].as_str() {
            Some(c) => uri = format!("/v1/events?limit=10&mentions=false&cursor={c}"),
            None => break,
        }
    }
    let after = all_events(&app, "from=1900").await;
    let ids = |v: &[serde_json::Value]| {
        v.iter()
            .map(|e| e["id"].as_i64().unwrap())
            .collect::<Vec<_>>()
    };
    // No event twice, every event of the first ingest that was not merged away
    // is seen, and what was seen is the final list minus events filed before the cursor.
    let seen_ids = ids(&seen);
    let mut dedup = seen_ids.clone();
    dedup.sort();
    dedup.dedup();
    assert_eq!(dedup.len(), seen_ids.len(), "an event was listed twice");
    let shown: Vec<i64> = ids(&seen[..30]);
    let final_ids = ids(&after);
    let cut = final_ids
        .iter()
        .position(|i| *i == shown[29])
        .expect("cursor event still there");
    let mut expect: Vec<i64> = shown.clone();
    expect.extend(&final_ids[cut + 1..]);
    assert_eq!(seen_ids, expect);
    assert!(after.len() > before.len());
}
