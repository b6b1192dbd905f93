//! A bounded load test of `dyad serve` on loopback (ignored by default: it measures, it does not check speed).
//!
//! ```text
//! cargo test --release -p dyad-cli --test server_load -- --ignored --nocapture
//! DYAD_LOAD_REQUESTS=10000 DYAD_LOAD_CONCURRENCY=32 (defaults)
//! ```
//! Sends the reference article to `POST /v1/code` from `concurrency` keep-alive
//! connections, and prints throughput, latency percentiles, errors, and the
//! server's RSS before, after a warm-up, and at the end. It fails on any error
//! (non-200 answer or broken connection), never on speed.

mod server_common;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use server_common::{connect, exchange, seed_article, Server};

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn pct(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// Runs `total` requests over `conc` connections; returns latencies and error count.
fn blast(
    server: &Server,
    body: &Arc<Vec<u8>>,
    total: usize,
    conc: usize,
) -> (Vec<Duration>, usize, Duration) {
    let next = Arc::new(AtomicUsize::new(0));
    let errors = Arc::new(AtomicUsize::new(0));
    let lat = Arc::new(Mutex::new(Vec::with_capacity(total)));
    let t0 = Instant::now();
    let threads: Vec<_> = (0..conc)
        .map(|_| {
            let (next, errors, lat, body) =
                (next.clone(), errors.clone(), lat.clone(), body.clone());
            let addr = server.addr;
            std::thread::spawn(move || {
                let host = addr.to_string();
                let mut conn = connect(addr);
                let mut mine = Vec::new();
                while next.fetch_add(1, Ordering::Relaxed) < total {
                    let t = Instant::now();
                    match exchange(
                        &mut conn,
                        &host,
                        "POST",
                        "/v1/code",
                        &[("Content-Type", "application/json")],
                        &body,
                    ) {
                        Ok(r) if r.status == 200 && r.body.first() == Some(&b'[') => {
                            mine.push(t.elapsed())
                        }
                        Ok(r) => {
                            eprintln!("error: {} {}", r.status, String::from_utf8_lossy(&r.body));
                            errors.fetch_add(1, Ordering::Relaxed);
                        }
                        Err(e) => {
                            eprintln!("error: {e}");
                            errors.fetch_add(1, Ordering::Relaxed);
                            conn = connect(addr);
                        }
                    }
                }
                lat.lock().expect("lock").extend(mine);
            })
        })
        .collect();
    for t in threads {
        t.join().expect("client thread");
    }
    let wall = t0.elapsed();
    let mut l = std::mem::take(&mut *lat.lock().expect("lock"));
    l.sort();
    (l, errors.load(Ordering::Relaxed), wall)
}

#[test]
#[ignore = "load test: run with --ignored --nocapture (release build)"]
fn load_post_code() {
    let Some(seed) = seed_article() else { return };
    let total = env_usize("DYAD_LOAD_REQUESTS", 10_000);
    let conc = env_usize("DYAD_LOAD_CONCURRENCY", 32);
    let server = Server::start(&[], &[]);
    let body = Arc::new(seed.to_string().into_bytes());
    let rss0 = server.rss_kb();
    let (_, warm_err, _) = blast(&server, &body, 500, conc);
    let rss1 = server.rss_kb();
    // The measured run, in four quarters, with the server's RSS after each.
    let (mut lat, mut errors, mut wall, mut rss) = (Vec::new(), 0, Duration::ZERO, Vec::new());
    for q in 0..4 {
        let n = total / 4 + usize::from(q < total % 4);
        let (l, e, w) = blast(&server, &body, n, conc);
        lat.extend(l);
        errors += e;
        wall += w;
        rss.push(server.rss_kb().unwrap_or(0));
    }
    lat.sort();
    let ok = lat.len();
    println!(
        "load: {total} POST /v1/code (reference article, {} bytes) at concurrency {conc}: {ok} ok, {errors} errors in {:.2} s",
        body.len(),
        wall.as_secs_f64()
    );
    println!(
        "load: throughput {:.0} req/s",
        ok as f64 / wall.as_secs_f64()
    );
    println!(
        "load: latency p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        pct(&lat, 0.50).as_secs_f64() * 1e3,
        pct(&lat, 0.90).as_secs_f64() * 1e3,
        pct(&lat, 0.99).as_secs_f64() * 1e3,
        lat.last().copied().unwrap_or_default().as_secs_f64() * 1e3
    );
    println!(
        "load: server RSS (kB) at start {}, after 500 warm-up requests {}, after each quarter of the run {rss:?}",
        rss0.unwrap_or(0),
        rss1.unwrap_or(0)
    );
    assert_eq!(errors + warm_err, 0, "requests failed");
    assert_eq!(ok, total);
}
