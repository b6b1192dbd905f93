//! The store endpoints: `GET /v1/events`, `/v1/aggregates`, `/v1/actors`, `POST /v1/ingest`.
//!
//! Every answer is computed by SQLite (counts, sums, top-N) and every list is
//! a keyset page, so neither the size nor the cost of an answer grows with
//! the store. Aggregates the Explore page asks (whole months, a dyad or
//! nothing, `group=dyad|actor|place|admin1`) are answered by the store's
//! monthly roll-ups without reading `events`; the place groups carry the mean
//! latitude and longitude of their events, which is what the map draws.

use std::sync::Arc;

use axum::extract::{FromRequestParts, Query, State};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::Json;
use dyad_core::schema::{EventRecord, InputDoc};
use dyad_store::{Bucket, Cursor, Group, IngestDoc};
use serde_json::{json, Value};

use crate::code::{blocking, parse_articles};
use crate::limits::JsonBody;
use crate::params::Params;
use crate::pool::StorePool;
use crate::{ApiError, AppState};

fn store(state: &AppState) -> Result<Arc<StorePool>, ApiError> {
    state.store.clone().ok_or_else(ApiError::no_store)
}

fn params(q: Query<Vec<(String, String)>>) -> Params {
    Params(q.0)
}

/// `GET /v1/events`: one page of events, oldest first, with their reports.
///
/// Pages are keyset pages ([`dyad_store::Store::query_after`]): the cursor
/// names the last event shown, so page 50,000 costs what page 1 does, and
/// events ingested meanwhile never shift a page. The cursor is opaque to
/// clients (see [`encode_cursor`]).
pub async fn events(
    State(state): State<AppState>,
    q: Query<Vec<(String, String)>>,
) -> Result<Json<Value>, ApiError> {
    let p = params(q);
    p.check(&["limit", "cursor", "mentions"])?;
    let filter = p.filter()?;
    let limit = p.limit("limit", 50, 500)?;
    let after = p.get("cursor").map(decode_cursor).transpose()?;
    let mentions = p.flag("mentions", true)?;
    let pool = store(&state)?;
    let page =
        blocking(move || pool.read(|s| s.query_after(&filter, after, limit, mentions))).await?;
    let next = page.next.map(encode_cursor);
    Ok(Json(json!({"items": page.items, "next_cursor": next})))
}

/// The API's form of a keyset cursor: `k` then the store's `DAY.ID`.
///
/// The prefix keeps old offset cursors (plain numbers) from being taken for
/// keyset ones, and leaves room for another form later.
pub fn encode_cursor(c: Cursor) -> String {
    format!("k{c}")
}

/// Reads a cursor made by [`encode_cursor`]; anything else is a 400.
pub fn decode_cursor(s: &str) -> Result<Cursor, ApiError> {
    s.strip_prefix('k')
        .and_then(|rest| rest.parse::<Cursor>().ok())
        .ok_or_else(|| {
            ApiError::bad_query(format!(
                "bad cursor {s:?}: pass the next_cursor of the previous page"
            ))
        })
}

/// `GET /v1/aggregates`: counts, Goldstein mean and quad-class counts per period and/or group.
pub async fn aggregates(
    State(state): State<AppState>,
    q: Query<Vec<(String, String)>>,
) -> Result<Json<Value>, ApiError> {
    cached(&state, "aggregates", q.0, aggregate_answer).await
}

/// Answers from the cache when it can, else computes and remembers.
async fn cached<F, Fut>(
    state: &AppState,
    endpoint: &str,
    raw: Vec<(String, String)>,
    compute: F,
) -> Result<Json<Value>, ApiError>
where
    F: FnOnce(AppState, Params) -> Fut,
    Fut: std::future::Future<Output = Result<Value, ApiError>>,
{
    let pool = store(state)?;
    let key = crate::cache::key(endpoint, &raw);
    if let Some(v) = pool.cache.get(&key) {
        return Ok(Json((*v).clone()));
    }
    let at = pool.cache.generation();
    let v = compute(state.clone(), Params(raw)).await?;
    pool.cache.put(key, at, Arc::new(v.clone()));
    Ok(Json(v))
}

/// Computes the questions the Explore page asks on its first load, so that it finds them ready.
///
/// The page asks the whole store's months, then the actors and, for its
/// default period, the top dyads (the network) and the places (the map). The
/// default period is computed here as `explore.js` computes it
/// ([`default_period`]); should the two drift apart, the page only loses the
/// head start.
pub async fn warm_up(state: AppState) {
    let ask = |q: String| {
        let raw: Vec<(String, String)> = q
            .split('&')
            .filter_map(|kv| kv.split_once('='))
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        cached(&state, "aggregates", raw, aggregate_answer)
    };
    let Ok(months) = ask("by=month".into()).await else {
        return;
    };
    let _ = ask("group=actor&limit=300".into()).await;
    if let Some((from, to)) = default_period(&months.0["rows"]) {
        for g in ["group=dyad&limit=40", "group=admin1&limit=2000"] {
            let _ = ask(format!("{g}&from={from}&to={to}")).await;
        }
    }
}

/// The Explore page's default period for the `by=month` rows of the whole store:
/// the 24 months up to the month by which 99% of the events have happened,
/// as `(YYYY-MM-01, last day of the month)`.
pub fn default_period(rows: &Value) -> Option<(String, String)> {
    let rows = rows.as_array()?;
    let count = |r: &Value| r["count"].as_u64().unwrap_or(0);
    let total: u64 = rows.iter().map(count).sum();
    let mut acc = 0;
    let end = rows.iter().find_map(|r| {
        acc += count(r);
        (acc as f64 >= 0.99 * total as f64).then(|| r["period"].as_str())?
    })?;
    let (y, m) = end.split_once('-')?;
    let (y, m): (i64, i64) = (y.parse().ok()?, m.parse().ok()?);
    let start = y * 12 + (m - 1) - 23;
    let days = match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    Some((
        format!(
            "{:04}-{:02}-01",
            start.div_euclid(12),
            start.rem_euclid(12) + 1
        ),
        format!("{end}-{days:02}"),
    ))
}

#[cfg(test)]
mod tests {
    use super::default_period;
    use serde_json::json;

    #[test]
    fn the_default_period_is_the_page_s() {
        let rows = json!([
            {"period": "2023-01", "count": 10},
            {"period": "2024-02", "count": 980},
            {"period": "2031-07", "count": 10}
        ]);
        assert_eq!(
            default_period(&rows),
            Some(("2022-03-01".into(), "2024-02-29".into()))
        );
        let one = json!([{"period": "2024-12", "count": 3}]);
        assert_eq!(
            default_period(&one),
            Some(("2023-01-01".into(), "2024-12-31".into()))
        );
        assert_eq!(default_period(&json!([])), None);
        assert_eq!(
            default_period(&json!([{"period": "bad", "count": 1}])),
            None
        );
    }
}

async fn aggregate_answer(state: AppState, p: Params) -> Result<Value, ApiError> {
    p.check(&["by", "group", "limit"])?;
    let filter = p.filter()?;
    let by: Option<Bucket> = match p.get("by") {
        None => None,
        Some(v) => Some(
            v.parse()
                .map_err(|e: dyad_store::Error| ApiError::bad_query(e.to_string()))?,
        ),
    };
    let limit = p.limit("limit", 1000, 10_000)?;
    let pool = store(&state)?;
    let group: Option<Group> = match p.get("group") {
        None => None,
        Some(v) => Some(
            v.parse()
                .map_err(|e: dyad_store::Error| ApiError::bad_query(e.to_string()))?,
        ),
    };
    let rows =
        blocking(move || pool.read(|s| s.aggregate_top(&filter, by, group, Some(limit)))).await?;
    Ok(json!({ "rows": rows }))
}

/// `GET /v1/actors`: the actors of the selected events, most active first.
pub async fn actors(
    State(state): State<AppState>,
    q: Query<Vec<(String, String)>>,
) -> Result<Json<Value>, ApiError> {
    cached(&state, "actors", q.0, actors_answer).await
}

async fn actors_answer(state: AppState, p: Params) -> Result<Value, ApiError> {
    p.check(&["limit"])?;
    let filter = p.filter()?;
    let limit = p.limit("limit", 100, 1000)?;
    let pool = store(&state)?;
    let rows = blocking(move || pool.read(|s| s.actors(&filter, limit))).await?;
    Ok(json!({ "items": rows }))
}

/// Admits a request to a write endpoint: a token is configured and the request bears it.
pub struct Writer;

impl FromRequestParts<AppState> for Writer {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Writer, ApiError> {
        let Some(token) = state.token.as_deref() else {
            return Err(ApiError::new(
                StatusCode::FORBIDDEN,
                "writes_disabled",
                "this server has no token, so it accepts no writes; start it with --token or DYAD_TOKEN",
            ));
        };
        let given = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| {
                v.strip_prefix("Bearer ")
                    .or_else(|| v.strip_prefix("bearer "))
            })
            .map(str::trim);
        match given {
            Some(g) if constant_time_eq(g.as_bytes(), token.as_bytes()) => Ok(Writer),
            Some(_) => Err(ApiError::new(
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                "wrong bearer token",
            )),
            None => Err(ApiError::new(
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                "this endpoint needs an `Authorization: Bearer <token>` header",
            )),
        }
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    let mut diff = a.len() ^ b.len();
    for (i, x) in a.iter().enumerate() {
        diff |= usize::from(x ^ b.get(i % b.len().max(1)).copied().unwrap_or(0));
    }
    diff == 0
}

/// A document whose events were coded elsewhere (`dyad code` output), as `/v1/ingest` takes it.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CodedDoc {
    id: String,
    events: Vec<EventRecord>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    url: Option<String>,
}

/// One item of an ingest body: an article to code, or a document already coded.
enum Item {
    Article(InputDoc),
    Coded(CodedDoc),
}

fn parse_items(body: Value) -> Result<Vec<Item>, ApiError> {
    let items = match body {
        Value::Array(items) => items,
        obj @ Value::Object(_) => vec![obj],
        _ => {
            return Err(ApiError::invalid_input(
                "expected an article or coded document, or an array of them",
            ))
        }
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        let coded = item.get("events").is_some() && item.get("text").is_none();
        if coded {
            let d: CodedDoc = serde_json::from_value(item)
                .map_err(|e| ApiError::invalid_input(format!("coded document {i}: {e}")))?;
            if d.id.trim().is_empty() {
                return Err(ApiError::invalid_input(format!(
                    "coded document {i}: empty id"
                )));
            }
            out.push(Item::Coded(d));
        } else {
            let mut one = parse_articles(item)?.docs;
            match one.pop() {
                Some(doc) => out.push(Item::Article(doc)),
                None => return Err(ApiError::invalid_input(format!("article {i}: empty"))),
            }
        }
    }
    Ok(out)
}

/// `POST /v1/ingest`: codes the articles (or takes coded documents) and writes them in one transaction.
pub async fn ingest(
    _w: Writer,
    State(state): State<AppState>,
    JsonBody(body): JsonBody,
) -> Result<Json<Value>, ApiError> {
    let pool = store(&state)?;
    let items = parse_items(body)?;
    let st = state.clone();
    let report = crate::code::on_cpu(&st, move || {
        let mut docs = Vec::with_capacity(items.len());
        for (i, item) in items.into_iter().enumerate() {
            docs.push(match item {
                Item::Article(d) => {
                    let events = state.coder.code(&d).map_err(|e| {
                        ApiError::invalid_input(format!("article {i} ({:?}): {e}", d.id))
                    })?;
                    IngestDoc::from_article(&d, events)
                }
                Item::Coded(c) => {
                    let mut doc = IngestDoc::from_coded(c.id, c.events);
                    doc.date = c.date;
                    doc.source = c.source;
                    doc.title = c.title;
                    doc.url = c.url;
                    doc
                }
            });
        }
        let report = pool.write(|s| s.ingest_batch(&docs));
        pool.cache.clear();
        report
    })
    .await?;
    serde_json::to_value(&report)
        .map(Json)
        .map_err(|e| ApiError::internal(format!("cannot serialise: {e}")))
}
