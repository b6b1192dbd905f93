//! The store's read endpoints: `GET /v1/events`, `/v1/aggregates`, `/v1/actors`
//! (`POST /v1/ingest` is in [`crate::ingest`], the start-up warm-up in [`crate::warm`]).
//!
//! Every answer is computed by SQLite (counts, sums, top-N) and every list is
//! a keyset page, so neither the size nor the cost of an answer grows with
//! the store. Aggregates the Explore page asks (whole months, a dyad or
//! nothing, `group=dyad|actor|place|admin1`) are answered by the store's
//! monthly roll-ups without reading `events`; the place groups carry the mean
//! latitude and longitude of their events, which is what the map draws.

use std::sync::Arc;

use axum::extract::{Query, State};
use axum::Json;
use dyad_store::{Bucket, Cursor, Group};
use serde_json::{json, Value};

use crate::code::blocking;
use crate::params::Params;
use crate::pool::StorePool;
use crate::{ApiError, AppState};

pub(crate) fn store(state: &AppState) -> Result<Arc<StorePool>, ApiError> {
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
pub(crate) async fn cached<F, Fut>(
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

pub(crate) async fn aggregate_answer(state: AppState, p: Params) -> Result<Value, ApiError> {
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
