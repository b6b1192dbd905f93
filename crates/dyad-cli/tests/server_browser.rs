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
