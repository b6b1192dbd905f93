//! `POST /v1/ingest`: articles (coded here) or coded documents into the store, behind the token.

use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::Json;
use dyad_core::schema::{EventRecord, InputDoc};
use dyad_store::IngestDoc;
use serde_json::Value;

use crate::code::parse_articles;
use crate::limits::JsonBody;
use crate::store_api::store;
use crate::{ApiError, AppState};

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
