//! `POST /v1/code` and `POST /v1/annotate`: articles in, records out.
//!
//! The body is one [`InputDoc`] object or an array of them. Every article is
//! validated with [`dyad_core::input::validate`] first; one bad article fails
//! the whole request with a 422 naming its index, so nothing is coded twice
//! when the client retries. Coding runs on the blocking pool, off the I/O
//! threads.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::Json;
use dyad_core::schema::{AnnotatedDoc, EventRecord, InputDoc};
use serde_json::Value;

use crate::limits::JsonBody;
use crate::{ApiError, AppState};

/// Articles read from a request body, and whether the body was a list.
pub struct Articles {
    /// The validated articles.
    pub docs: Vec<InputDoc>,
    /// The body was an array (answers are then arrays too).
    pub many: bool,
}

/// Reads one article or a list of articles from a JSON value, validating each.
pub fn parse_articles(v: Value) -> Result<Articles, ApiError> {
    let (items, many) = match v {
        Value::Array(items) => (items, true),
        obj @ Value::Object(_) => (vec![obj], false),
        _ => {
            return Err(ApiError::invalid_input(
                "expected an article object {id, date, text} or an array of them",
            ))
        }
    };
    let mut docs = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        let doc: InputDoc = serde_json::from_value(item)
            .map_err(|e| ApiError::invalid_input(format!("article {i}: {e}")))?;
        let id = doc.id.clone();
        let doc = dyad_core::input::validate(doc)
            .map_err(|e| ApiError::invalid_input(format!("article {i} ({id:?}): {e}")))?;
        docs.push(doc);
    }
    Ok(Articles { docs, many })
}

/// Runs `f` on the blocking pool; a panic inside becomes a 500.
pub async fn blocking<T, F>(f: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce() -> Result<T, ApiError> + Send + 'static,
{
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| ApiError::internal(format!("worker failed: {e}")))?
}

/// Runs CPU-bound `f` on the blocking pool once a core is free (see [`AppState::cpu`]).
pub async fn on_cpu<T, F>(state: &AppState, f: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce() -> Result<T, ApiError> + Send + 'static,
{
    let _permit = state
        .cpu
        .acquire()
        .await
        .map_err(|_| ApiError::internal("the coding pool is closed"))?;
    blocking(f).await
}

/// Codes every article; the events of all of them, in input order.
pub fn code_all(state: &AppState, docs: &[InputDoc]) -> Result<Vec<EventRecord>, ApiError> {
    let mut out = Vec::new();
    for (i, doc) in docs.iter().enumerate() {
        let events = state
            .coder
            .code(doc)
            .map_err(|e| ApiError::invalid_input(format!("article {i} ({:?}): {e}", doc.id)))?;
        out.extend(events);
    }
    Ok(out)
}

/// `POST /v1/code`: a JSON array of event records, as `dyad code` prints them (one per line there).
pub async fn code(
    State(state): State<AppState>,
    JsonBody(body): JsonBody,
) -> Result<Json<Vec<EventRecord>>, ApiError> {
    let articles = parse_articles(body)?;
    let st = state.clone();
    let events = on_cpu(&state, move || code_all(&st, &articles.docs)).await?;
    Ok(Json(events))
}

/// `POST /v1/annotate`: one annotated document for one article, an array for an array.
pub async fn annotate(
    State(state): State<AppState>,
    JsonBody(body): JsonBody,
) -> Result<Response, ApiError> {
    let articles = parse_articles(body)?;
    let many = articles.many;
    let st = state.clone();
    let docs: Vec<AnnotatedDoc> = on_cpu(&st, move || {
        articles
            .docs
            .iter()
            .enumerate()
            .map(|(i, d)| {
                state
                    .coder
                    .annotate(d)
                    .map_err(|e| ApiError::invalid_input(format!("article {i} ({:?}): {e}", d.id)))
            })
            .collect()
    })
    .await?;
    // Serialised straight from the records (not through `Value`, which would
    // reorder keys): the same bytes `dyad annotate` prints.
    let bytes = if many {
        serde_json::to_vec(&docs)
    } else {
        match docs.first() {
            Some(d) => serde_json::to_vec(d),
            None => Ok(b"null".to_vec()),
        }
    };
    let bytes = bytes.map_err(|e| ApiError::internal(format!("cannot serialise: {e}")))?;
    Ok((
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        bytes,
    )
        .into_response())
}
