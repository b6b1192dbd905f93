//! The route table and the layers around it.

use std::time::Duration;

use axum::extract::DefaultBodyLimit;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{Json, Router};
use tower_http::catch_panic::CatchPanicLayer;

use crate::{assets, code, ingest, limits, openapi, store_api, ApiError, AppState, Config};

/// Every route of the API, as `(method, path)`: the OpenAPI test checks the spec against it.
pub const ROUTES: &[(&str, &str)] = &[
    ("get", "/healthz"),
    ("get", "/openapi.json"),
    ("post", "/v1/code"),
    ("post", "/v1/annotate"),
    ("post", "/v1/ingest"),
    ("get", "/v1/events"),
    ("get", "/v1/aggregates"),
    ("get", "/v1/actors"),
];

/// Builds the application: routes, limits, JSON errors.
pub fn app(state: AppState, config: &Config) -> Router {
    let timeout: Duration = config.timeout;
    Router::new()
        .route("/healthz", get(healthz))
        .route("/openapi.json", get(openapi::spec))
        .route("/v1/code", post(code::code))
        .route("/v1/annotate", post(code::annotate))
        .route("/v1/ingest", post(ingest::ingest))
        .route("/v1/events", get(store_api::events))
        .route("/v1/aggregates", get(store_api::aggregates))
        .route("/v1/actors", get(store_api::actors))
        .route("/", get(assets::index))
        .route("/assets/{*name}", get(assets::file))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(state)
        .layer(DefaultBodyLimit::max(config.body_limit))
        .layer(tower::limit::GlobalConcurrencyLimitLayer::new(
            config.concurrency.max(1),
        ))
        .layer(axum::middleware::from_fn_with_state(
            timeout,
            limits::timeout,
        ))
        .layer(CatchPanicLayer::custom(limits::panic_response))
}

async fn healthz() -> impl IntoResponse {
    Json(serde_json::json!({"status": "ok", "version": env!("CARGO_PKG_VERSION")}))
}

async fn not_found(uri: axum::http::Uri) -> ApiError {
    ApiError::not_found(format!("no route for {}", uri.path()))
}

async fn method_not_allowed() -> ApiError {
    ApiError::new(
        axum::http::StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "this method is not allowed on this path",
    )
}
