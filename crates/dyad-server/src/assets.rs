//! The web page's files, compiled into the binary.
//!
//! Only the names in [`ASSETS`] are ever served: a request path is looked up
//! in that table, never joined to a directory, so `..`, encoded slashes and
//! absolute paths all end in a 404. The page's Content-Security-Policy allows
//! nothing but this server, so a stray CDN link would fail loudly in the
//! browser tests rather than quietly reach the network.

use axum::extract::Path;
use axum::http::header;
use axum::response::{IntoResponse, Response};

use crate::ApiError;

/// One embedded file.
#[derive(Debug)]
pub struct Asset {
    /// Its name under `/assets/`.
    pub name: &'static str,
    /// Its `Content-Type`.
    pub content_type: &'static str,
    /// Its bytes.
    pub body: &'static [u8],
}

/// Every file the page uses.
pub const ASSETS: &[Asset] = &[
    Asset {
        name: "index.html",
        content_type: "text/html; charset=utf-8",
        body: include_bytes!("../assets/index.html"),
    },
    Asset {
        name: "app.css",
        content_type: "text/css; charset=utf-8",
        body: include_bytes!("../assets/app.css"),
    },
    Asset {
        name: "app.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_bytes!("../assets/app.js"),
    },
    Asset {
        name: "explore.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_bytes!("../assets/explore.js"),
    },
    Asset {
        name: "world.json",
        content_type: "application/json",
        body: include_bytes!("../assets/world.json"),
    },
];

const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
                   img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

/// Finds an embedded file by exact name.
pub fn find(name: &str) -> Option<&'static Asset> {
    ASSETS.iter().find(|a| a.name == name)
}

fn respond(asset: &'static Asset) -> Response {
    (
        [
            (header::CONTENT_TYPE, asset.content_type),
            (header::CACHE_CONTROL, "no-cache"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            (header::CONTENT_SECURITY_POLICY, CSP),
        ],
        asset.body,
    )
        .into_response()
}

/// `GET /`: the page.
pub async fn index() -> Response {
    match find("index.html") {
        Some(a) => respond(a),
        None => ApiError::not_found("no page").into_response(),
    }
}

/// `GET /assets/{name}`: one embedded file, or a 404.
pub async fn file(Path(name): Path<String>) -> Response {
    match find(&name) {
        Some(a) => respond(a),
        None => ApiError::not_found(format!("no asset {name:?}")).into_response(),
    }
}
