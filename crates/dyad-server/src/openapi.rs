//! `GET /openapi.json`: the OpenAPI 3 description of this API.
//!
//! The spec is a hand-written JSON file compiled in. `tests/openapi.rs` keeps it
//! honest: every documented operation is exercised with its example and each
//! answer is validated against the documented schema, and every route of the
//! router is documented.

use axum::http::header;
use axum::response::IntoResponse;

/// The spec, as served.
pub const SPEC: &str = include_str!("../openapi.json");

/// `GET /openapi.json`.
pub async fn spec() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], SPEC)
}
