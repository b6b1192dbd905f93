//! The web page in a real browser (Debian's Chromium via ChromeDriver).
//!
//! Screenshots go to `target/screenshots/`.

mod server_common;

use std::time::Duration;

use serde_json::json;
use server_common::webdriver::{available, Browser};
use server_common::{artifacts, seed_article, Server};

const WAIT: Duration = Duration::from_secs(60);

#[test]
fn code_view_shows_the_pyongyang_consult_and_its_evidence() {
    let Some(seed) = seed_article() else { return };
    if !available() {
        return;
    }
    let server = Server::start(&[], &[]);
    let b = Browser::start();
    b.goto(&format!("{}/", server.url()));
    b.wait_for("return document.querySelector('#code-form') !== null", WAIT);
    // The date input's typing format depends on the locale: set it as a user's picker would.
    b.js(
        "const d = document.getElementById('date'); d.value = arguments[0]; d.dispatchEvent(new Event('change'));",
        json!([seed["date"]]),
    );
    let text = seed["text"].as_str().expect("text");
    let area = b.find("#text");
    b.click(&area);
    b.type_text(&area, text);
    let typed = b.js("return document.getElementById('text').value", json!([]));
    assert_eq!(
        typed.as_str().map(|t| t.replace("\r\n", "\n")),
        Some(text.to_string())
    );
    b.click(&b.find("#code-btn"));
    b.wait_for(
        "return document.querySelectorAll('#events tbody tr').length > 0",
        WAIT,
    );
    // The text is highlighted by kind.
    let kinds = b.js(
        "return ['hl-actor','hl-time','hl-place','hl-trigger'].map(c => document.querySelectorAll('#doc .' + c).length)",
        json!([]),
    );
    eprintln!("highlighted spans (actor, time, place, trigger): {kinds}");
    let _ = b.screenshot(&artifacts("screenshots").join("code-view.png"));
    // The Pyongyang CONSULT row.
    let idx = b.js(
        "const rows = [...document.querySelectorAll('#events tbody tr[data-event-type=CONSULT]')];\
         const r = rows.find(r => r.textContent.includes('Pyongyang'));\
         return r ? Number(r.dataset.index) : -1;",
        json!([]),
    );
    assert!(
        idx.as_i64().is_some_and(|i| i >= 0),
        "no CONSULT row located in Pyongyang; status: {}",
        b.js(
            "return document.getElementById('code-status').textContent",
            json!([])
        )
    );
    b.click(&b.find(&format!("#events tbody tr[data-index=\"{idx}\"]")));
    let evidence = b.wait_for(
        "const s = [...document.querySelectorAll('#doc .ev-evidence')].map(e => e.textContent).join('');\
         return s.length ? s : null;",
        WAIT,
    );
    let evidence = evidence.as_str().unwrap_or("");
    assert!(
        evidence.contains("Pyongyang"),
        "highlighted evidence: {evidence:?}"
    );
    let focus = b.js(
        "return [...document.querySelectorAll('#doc .ev-focus')].map(e => e.textContent)",
        json!([]),
    );
    assert!(
        focus.as_array().is_some_and(|a| !a.is_empty()),
        "no trigger/actor focus: {focus}"
    );
    let selected = b.js(
        "return document.querySelector('#events tbody tr.selected').dataset.index",
        json!([]),
    );
    assert_eq!(selected.as_str(), Some(idx.to_string().as_str()));
    b.screenshot(&artifacts("screenshots").join("code-view-selected.png"))
        .expect("screenshot");
}

/// The VOA corpus as articles for `/v1/ingest` (its records say `published`, not `date`).
fn voa_articles() -> Option<Vec<serde_json::Value>> {
    let path = server_common::shared("corpora/voa/voa_stories.jsonl")?;
    let text = std::fs::read_to_string(path).expect("read VOA corpus");
    let docs = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("VOA line is JSON");
            json!({
                "id": format!("voa-{}", v["id"].as_str().unwrap_or("")),
                "date": v["published"].as_str().unwrap_or("").get(..10).unwrap_or(""),
                "text": v["text"], "title": v["title"], "url": v["url"], "source": "VOA",
            })
        })
        .collect();
    Some(docs)
}

#[test]
fn explore_view_charts_the_voa_corpus() {
    let Some(docs) = voa_articles() else { return };
    if !available() {
        return;
    }
    let dir = artifacts("server-tests");
    let db = dir.join(format!("explore-{}.db", std::process::id()));
    for ext in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", db.display()));
    }
    let server = Server::start(
        &["--db", db.to_str().expect("utf-8 path")],
        &[("DYAD_TOKEN", "t0ken")],
    );
    let body = serde_json::Value::Array(docs).to_string();
    let r = server_common::request(
        server.addr,
        "POST",
        "/v1/ingest",
        &[
            ("Authorization", "Bearer t0ken"),
            ("Content-Type", "application/json"),
        ],
        body.as_bytes(),
    );
    assert_eq!(
        r.status,
        200,
        "ingest: {}",
        String::from_utf8_lossy(&r.body)
    );
    eprintln!("ingest report: {}", r.json());
    assert!(r.json()["events_new"].as_u64().is_some_and(|n| n > 0));

    let b = Browser::start();
    b.set_window(1400, 1900);
    b.goto(&format!("{}/#explore", server.url()));
    b.wait_for(
        "return document.querySelectorAll('#chart svg rect.bar').length > 0",
        WAIT,
    );
    let pair = b.js("return [document.getElementById('actor-a').value, document.getElementById('actor-b').value]", json!([]));
    eprintln!("explore pair: {pair}");
    b.wait_for(
        "return document.querySelectorAll('#network svg line.edge').length > 0",
        WAIT,
    );
    b.wait_for(
        "return document.querySelectorAll('#map svg polyline').length > 100",
        WAIT,
    );
    let dots = b.js(
        "return document.querySelectorAll('#map svg circle.dot').length",
        json!([]),
    );
    assert!(
        dots.as_u64().is_some_and(|n| n > 0),
        "no event places on the map"
    );
    b.wait_for(
        "return document.querySelectorAll('#event-list li[data-event-id]').length > 0",
        WAIT,
    );
    let _ = b.screenshot(&artifacts("screenshots").join("explore-view.png"));
    // Click the busiest month: the list shows that month's events with their evidence.
    let month = b.js(
        "const bars = [...document.querySelectorAll('#chart svg .month-hit')];\
         const withData = bars.filter(h => !h.textContent.includes('no events'));\
         const m = withData[withData.length - 1]; m.dispatchEvent(new MouseEvent('click', {bubbles: true}));\
         return m.dataset.month;",
        json!([]),
    );
    let month = month.as_str().expect("a month with events").to_string();
    b.wait_for(
        &format!("return document.getElementById('list-title').textContent.includes('{month}') && document.querySelectorAll('#event-list li .evidence').length > 0"),
        WAIT,
    );
    let first = b.js(
        "return document.querySelector('#event-list li').textContent",
        json!([]),
    );
    eprintln!("first event of {month}: {first}");
    b.screenshot(&artifacts("screenshots").join("explore-month.png"))
        .expect("screenshot");
    drop(b);
    drop(server);
    for ext in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", db.display()));
    }
}
