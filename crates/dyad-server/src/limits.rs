//! Limits every request passes through, and the extractor that reads JSON bodies.
//!
//! The body limit itself is axum's `DefaultBodyLimit` (set in the router);
//! [`JsonBody`] turns its failure into a JSON 413 and a parse failure into a
//! JSON 400. [`timeout`] bounds each request's time, queueing behind the
//! concurrency limit included, and answers 503 when it runs out.

use std::time::Duration;

use axum::extract::{FromRequest, Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::{ApiError, AppState};

/// A request body parsed as JSON, with JSON errors for every way that can fail.
pub struct JsonBody(pub serde_json::Value);

impl FromRequest<AppState> for JsonBody {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &AppState) -> Result<JsonBody, ApiError> {
        let bytes = axum::body::Bytes::from_request(req, state)
            .await
            .map_err(|e| {
                if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                    ApiError::too_large(state.body_limit)
                } else {
                    ApiError::bad_json(format!("cannot read the request body: {e}"))
                }
            })?;
        if bytes.is_empty() {
            return Err(ApiError::bad_json("the request body is empty; send JSON"));
        }
        serde_json::from_slice(&bytes)
            .map(JsonBody)
            .map_err(|e| ApiError::bad_json(format!("malformed JSON: {e}")))
    }
}

/// Middleware: answers 503 `timeout` when the rest of the stack takes longer than `limit`.
pub async fn timeout(State(limit): State<Duration>, req: Request, next: Next) -> Response {
    match tokio::time::timeout(limit, next.run(req)).await {
        Ok(resp) => resp,
        Err(_) => ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "timeout",
            format!("the request took longer than {} ms", limit.as_millis()),
        )
        .into_response(),
    }
}

/// Turns a caught panic into a JSON 500 (the panic message is not echoed).
pub fn panic_response(_err: Box<dyn std::any::Any + Send + 'static>) -> Response {
    ApiError::internal("internal error while handling the request").into_response()
}
