//! How the page's requests behave on a large store (ignored: it measures, it does not check speed).
//!
//! ```text
//! DYAD_SCALE_EVENTS=10000000 cargo test --release -p dyad-server --test scale -- --ignored --nocapture
//! ```
//! Builds (once, then reuses) `target/scale/events-N.db` with N synthetic coded
//! events (60 countries, 8 event types, 2005-2024, two thirds with a place in
//! one of 12 regions of the actor's or recipient's country),
//! then times every request the Explore view makes, through the real router.

mod common;

use std::path::PathBuf;
use std::time::Instant;

use dyad_core::schema::EventRecord;
use dyad_store::{IngestDoc, Store};

const COUNTRIES: &[&str] = &[
    "AFG", "ARG", "AUS", "BLR", "BRA", "CAN", "CHN", "COL", "CUB", "DEU", "EGY", "ESP", "ETH",
    "FRA", "GBR", "GRC", "IDN", "IND", "IRN", "IRQ", "ISR", "ITA", "JOR", "JPN", "KEN", "KOR",
    "LBN", "LBY", "MEX", "MLI", "MMR", "NGA", "NLD", "NOR", "PAK", "PER", "PHL", "POL", "PRK",
    "PSE", "QAT", "RUS", "SAU", "SDN", "SOM", "SRB", "SWE", "SYR", "THA", "TUR", "TWN", "UGA",
    "UKR", "USA", "VEN", "VNM", "YEM", "ZAF", "ZWE", "IGO",
];

fn template() -> EventRecord {
    serde_json::from_value(serde_json::json!({
        "id": "x", "doc_id": "x", "sentence": 0, "event_type": "CONSULT", "mode": null, "context": [],
        "cameo": "040", "quad_class": 1, "goldstein": 1.0,
        "actor": {"text": "A", "start": 0, "end": 3, "country": "RUS", "sector": "GOV", "name": null, "role": null},
        "recipient": {"text": "B", "start": 8, "end": 11, "country": "UKR", "sector": "GOV", "name": null, "role": null},
        "mutual": false, "date": "2020-01-01", "date_basis": "publication",
        "location": {"text": "P", "start": 20, "end": 21, "name": "P", "country": "RUS", "lat": 0.0, "lon": 0.0},
        "reported_by": null, "negated": false, "modality": "asserted",
        "trigger": {"text": "met", "start": 4, "end": 7}, "evidence": "A met B."
    }))
    .expect("template EventRecord")
}

fn build(path: &PathBuf, n: usize) {
    const TYPES: &[(&str, &str, u8, f64)] = &[
        ("CONSULT", "040", 1, 1.0),
        ("AGREE", "030", 1, 4.0),
        ("AID", "070", 2, 7.0),
        ("COOPERATE", "060", 2, 6.0),
        ("ACCUSE", "112", 3, -2.0),
        ("THREATEN", "138", 3, -7.0),
        ("ASSAULT", "180", 4, -9.0),
        ("FIGHT", "190", 4, -10.0),
    ];
    let mut store = Store::open(path).expect("open store");
    let t = template();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut rnd = move |k: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % k as u64) as usize
    };
    let per_doc = 10;
    let t0 = Instant::now();
    let mut made = 0;
    let mut d = 0;
    while made < n {
        let mut batch = Vec::new();
        for _ in 0..1000 {
            if made >= n {
                break;
            }
            let date = format!("{}-{:02}-{:02}", 2005 + rnd(20), 1 + rnd(12), 1 + rnd(28));
            let mut events = Vec::with_capacity(per_doc);
            for k in 0..per_doc.min(n - made) {
                let mut e = t.clone();
                let (a, b) = (rnd(COUNTRIES.len()), rnd(COUNTRIES.len()));
                let (ty, cameo, quad, g) = TYPES[rnd(TYPES.len())];
                e.id = format!("s{d}:{k}:0");
                e.doc_id = format!("s{d}");
                e.sentence = k;
                e.event_type = ty.into();
                e.cameo = cameo.into();
                e.quad_class = quad;
                e.goldstein = g;
                e.date = date.clone();
                if let Some(x) = e.actor.as_mut() {
                    x.country = Some(COUNTRIES[a].into());
                }
                if let Some(x) = e.recipient.as_mut() {
                    x.country = Some(COUNTRIES[(b + usize::from(a == b)) % COUNTRIES.len()].into());
                }
                if rnd(3) == 0 {
                    e.location = None;
                } else if let Some(l) = e.location.as_mut() {
                    // In the actor's or the recipient's country, in one of its
                    // 12 regions, one of 5 places per region.
                    let c = if rnd(2) == 0 { a } else { b };
                    let (r, p) = (rnd(12), rnd(5));
                    l.name = format!("Place {c}.{r}.{p}");
                    l.country = Some(COUNTRIES[c].into());
                    l.admin1 = Some(format!("Region {r}"));
                    l.lat = (c % 10) as f64 * 14.0 - 60.0 + r as f64 + p as f64 * 0.1;
                    l.lon = (c / 10) as f64 * 55.0 - 165.0 + r as f64 * 2.0 + p as f64 * 0.2;
                }
                e.evidence = format!(
                    "{} and {} event {k} of document {d}.",
                    COUNTRIES[a], COUNTRIES[b]
                );
                events.push(e);
            }
            made += events.len();
            let mut doc = IngestDoc::from_coded(format!("s{d}"), events);
            doc.date = Some(date);
            doc.source = Some(format!("outlet{}", rnd(50)));
            batch.push(doc);
            d += 1;
        }
        store.ingest_batch(&batch).expect("ingest");
        if made % 500_000 < per_doc * 1000 {
            eprintln!(
                "scale: {made} records in {:.0} s",
                t0.elapsed().as_secs_f64()
            );
        }
    }
    println!(
        "scale: built {made} records in {:.1} s",
        t0.elapsed().as_secs_f64()
    );
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "scale measurement: run with --ignored --nocapture (release build)"]
async fn explore_requests_on_a_large_store() {
    let n: usize = std::env::var("DYAD_SCALE_EVENTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/scale");
    std::fs::create_dir_all(&dir).expect("mkdir");
    let path = dir.join(format!("events-{n}.db"));
    if !path.exists() {
        build(&path, n);
    }
    let stats = Store::open_read_only(&path)
        .and_then(|s| s.stats())
        .expect("stats");
    println!(
        "scale: store {} : {stats:?}, {} MB",
        path.display(),
        std::fs::metadata(&path)
            .map(|m| m.len() / 1_000_000)
            .unwrap_or(0)
    );
    let app = common::app_with(dyad_server::Config {
        db: Some(path.clone()),
        ..Default::default()
    });
    // Deep cursors: the first page of a late period ends at an event years
    // into the list; passed to the query without that period, it asks for a
    // page millions of events deep (page ~9.9M for the whole store).
    let mut deep = Vec::new();
    for q in [
        "from=2024-12&limit=1&mentions=false",
        "dyad=RUS-UKR&from=2024-06&limit=1&mentions=false",
    ] {
        let r = common::call(&app, "GET", &format!("/v1/events?{q}"), None, &[]).await;
        let c = r.json["next_cursor"]
            .as_str()
            .expect("a next page")
            .to_string();
        deep.push(c);
    }
    let requests = [
        // The Explore view's first load.
        "/v1/aggregates?by=month".to_string(),
        "/v1/aggregates?group=actor&limit=300".to_string(),
        "/v1/aggregates?group=dyad&limit=40&from=2023-01-01&to=2024-12-31".to_string(),
        // Its refresh for a pair and a period (chart, network, map, list).
        "/v1/aggregates?by=month&dyad=RUS-UKR&from=2023-01-01&to=2024-12-31".to_string(),
        "/v1/aggregates?group=dyad&limit=40&from=2023-01-01&to=2024-12-31".to_string(),
        "/v1/aggregates?group=admin1&limit=2000&from=2023-01-01&to=2024-12-31".to_string(),
        "/v1/events?dyad=RUS-UKR&from=2023-01-01&to=2024-12-31&limit=20".to_string(),
        // A long period (the chart switches to years), a month's events, the whole store's places.
        "/v1/aggregates?by=month&dyad=RUS-UKR".to_string(),
        "/v1/aggregates?by=year&dyad=RUS-UKR".to_string(),
        "/v1/events?dyad=RUS-UKR&from=2024-03&to=2024-03&limit=20".to_string(),
        "/v1/aggregates?group=place&limit=2000".to_string(),
        "/v1/aggregates?group=admin1&limit=2000".to_string(),
        // Deep pages.
        format!("/v1/events?limit=20&cursor={}", deep[0]),
        format!("/v1/events?dyad=RUS-UKR&limit=20&cursor={}", deep[1]),
        // Not asked by the page, for the record.
        "/v1/actors?limit=100".to_string(),
        "/v1/aggregates?group=type&by=year".to_string(),
        "/v1/events?limit=20".to_string(),
        // Worst cases of a list: a rare pair (one type) and a pair with no events in the period.
        "/v1/events?dyad=RUS-UKR&event_type=FIGHT&from=2023-01-01&to=2024-12-31&limit=20"
            .to_string(),
        "/v1/events?dyad=CHL-PER&from=2023-01-01&to=2024-12-31&limit=20".to_string(),
    ];
    for uri in &requests {
        let uri = uri.as_str();
        let mut times = Vec::new();
        let mut size = 0;
        for _ in 0..4 {
            let t = Instant::now();
            let r = common::call(&app, "GET", uri, None, &[]).await;
            times.push(t.elapsed().as_secs_f64() * 1e3);
            assert_eq!(
                r.status.as_u16(),
                200,
                "{uri}: {}",
                String::from_utf8_lossy(&r.raw)
            );
            size = r.raw.len();
        }
        let cold = times[0];
        let mut warm = times[1..].to_vec();
        warm.sort_by(|a, b| a.total_cmp(b));
        println!("scale: first {cold:>9.1} ms, then {:>8.1} ms (median of 3), {size:>7} bytes  GET {uri}", warm[1]);
    }
}
