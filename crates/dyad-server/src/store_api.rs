//! The store endpoints: `GET /v1/events`, `/v1/aggregates`, `/v1/actors`, `POST /v1/ingest`.
//!
//! Every answer is computed by SQLite (counts, sums, top-N) and every list is
//! a page, so the size of an answer does not grow with the store. The one
//! exception is `group=place`, which the store does not aggregate yet: it
//! groups the first [`PLACE_SAMPLE`] located events of the selection here and
//! says so (`sampled_events`, `truncated`).

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{FromRequestParts, Query, State};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::Json;
use dyad_core::schema::{EventRecord, InputDoc};
use dyad_store::{BBox, Bucket, Group, IngestDoc, Page};
use serde::Serialize;
use serde_json::{json, Value};

use crate::code::{blocking, parse_articles};
use crate::limits::JsonBody;
use crate::params::Params;
use crate::pool::StorePool;
use crate::{ApiError, AppState};

/// Most located events grouped for `group=place`.
pub const PLACE_SAMPLE: usize = 20_000;

fn store(state: &AppState) -> Result<Arc<StorePool>, ApiError> {
    state.store.clone().ok_or_else(ApiError::no_store)
}

fn params(q: Query<Vec<(String, String)>>) -> Params {
    Params(q.0)
}

/// `GET /v1/events`: one page of events, oldest first, with their reports.
pub async fn events(
    State(state): State<AppState>,
    q: Query<Vec<(String, String)>>,
) -> Result<Json<Value>, ApiError> {
    let p = params(q);
    p.check(&["limit", "cursor", "mentions"])?;
    let filter = p.filter()?;
    let limit = p.limit("limit", 50, 500)?;
    let offset = match p.get("cursor") {
        None => 0,
        Some(c) => c
            .parse::<usize>()
            .map_err(|_| ApiError::bad_query(format!("bad cursor {c:?}")))?,
    };
    let mentions = p.flag("mentions", true)?;
    let pool = store(&state)?;
    let mut rows = blocking(move || {
        pool.read(|s| {
            s.query(
                &filter,
                Page {
                    limit: limit + 1,
                    offset,
                    mentions,
                },
            )
        })
    })
    .await?;
    let more = rows.len() > limit;
    rows.truncate(limit);
    let next = more.then(|| (offset + limit).to_string());
    Ok(Json(json!({"items": rows, "next_cursor": next})))
}

/// One cell of `group=place`.
#[derive(Serialize)]
struct PlaceRow {
    key: String,
    country: Option<String>,
    lat: f64,
    lon: f64,
    count: u64,
    goldstein_mean: f64,
    quad1: u64,
    quad2: u64,
    quad3: u64,
    quad4: u64,
}

/// `GET /v1/aggregates`: counts, Goldstein mean and quad-class counts per period and/or group.
pub async fn aggregates(
    State(state): State<AppState>,
    q: Query<Vec<(String, String)>>,
) -> Result<Json<Value>, ApiError> {
    let p = params(q);
    p.check(&["by", "group", "limit"])?;
    let mut filter = p.filter()?;
    let by: Option<Bucket> = match p.get("by") {
        None => None,
        Some(v) => Some(
            v.parse()
                .map_err(|e: dyad_store::Error| ApiError::bad_query(e.to_string()))?,
        ),
    };
    let limit = p.limit("limit", 1000, 10_000)?;
    let pool = store(&state)?;
    if p.get("group") == Some("place") {
        if by.is_some() {
            return Err(ApiError::bad_query(
                "group=place cannot be combined with by",
            ));
        }
        if filter.bbox.is_none() {
            filter.bbox = Some(BBox {
                min_lon: -180.0,
                min_lat: -90.0,
                max_lon: 180.0,
                max_lat: 90.0,
            });
        }
        let rows = blocking(move || {
            pool.read(|s| {
                s.query(
                    &filter,
                    Page {
                        limit: PLACE_SAMPLE + 1,
                        offset: 0,
                        mentions: false,
                    },
                )
            })
        })
        .await?;
        let truncated = rows.len() > PLACE_SAMPLE;
        let sampled = rows.len().min(PLACE_SAMPLE);
        let mut cells: HashMap<(String, i64, i64), PlaceRow> = HashMap::new();
        for ev in rows.into_iter().take(PLACE_SAMPLE) {
            let Some(place) = ev.location else { continue };
            let k = (
                place.name.clone(),
                (place.lat * 1e4) as i64,
                (place.lon * 1e4) as i64,
            );
            let c = cells.entry(k).or_insert_with(|| PlaceRow {
                key: place.name.clone(),
                country: place.country.clone(),
                lat: place.lat,
                lon: place.lon,
                count: 0,
                goldstein_mean: 0.0,
                quad1: 0,
                quad2: 0,
                quad3: 0,
                quad4: 0,
            });
            c.count += 1;
            c.goldstein_mean += ev.goldstein;
            match ev.quad_class {
                1 => c.quad1 += 1,
                2 => c.quad2 += 1,
                3 => c.quad3 += 1,
                _ => c.quad4 += 1,
            }
        }
        let mut out: Vec<PlaceRow> = cells.into_values().collect();
        for c in &mut out {
            c.goldstein_mean /= c.count.max(1) as f64;
        }
        out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
        out.truncate(limit);
        return Ok(Json(
            json!({"rows": out, "sampled_events": sampled, "truncated": truncated}),
        ));
    }
    let group: Option<Group> = match p.get("group") {
        None => None,
        Some(v) => Some(
            v.parse()
                .map_err(|e: dyad_store::Error| ApiError::bad_query(e.to_string()))?,
        ),
    };
    let rows =
        blocking(move || pool.read(|s| s.aggregate_top(&filter, by, group, Some(limit)))).await?;
    Ok(Json(json!({ "rows": rows })))
}

/// `GET /v1/actors`: the actors of the selected events, most active first.
pub async fn actors(
    State(state): State<AppState>,
    q: Query<Vec<(String, String)>>,
) -> Result<Json<Value>, ApiError> {
    let p = params(q);
    p.check(&["limit"])?;
    let filter = p.filter()?;
    let limit = p.limit("limit", 100, 1000)?;
    let pool = store(&state)?;
    let rows = blocking(move || pool.read(|s| s.actors(&filter, limit))).await?;
    Ok(Json(json!({ "items": rows })))
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
        pool.write(|s| s.ingest_batch(&docs))
    })
    .await?;
    serde_json::to_value(&report)
        .map(Json)
        .map_err(|e| ApiError::internal(format!("cannot serialise: {e}")))
}
