//! Query-string parameters of the store endpoints, turned into a [`Filter`].
//!
//! Unknown parameters are a 400, so that a typo (`?actr=RUS`) never silently
//! widens a query to the whole store. Lists are comma-separated.

use dyad_store::{BBox, Filter, PartyFilter};

use crate::ApiError;

/// Parameters every store endpoint understands (the filter).
pub const FILTER_PARAMS: &[&str] = &[
    "actor",
    "recipient",
    "party",
    "dyad",
    "actor_sector",
    "recipient_sector",
    "actor_name",
    "recipient_name",
    "event_type",
    "quad_class",
    "from",
    "to",
    "location_country",
    "bbox",
    "text",
    "doc_id",
];

/// The raw parameters of one request.
pub struct Params(pub Vec<(String, String)>);

impl Params {
    /// Fails on any parameter that is neither a filter nor one of `extra`.
    pub fn check(&self, extra: &[&str]) -> Result<(), ApiError> {
        for (k, _) in &self.0 {
            if !FILTER_PARAMS.contains(&k.as_str()) && !extra.contains(&k.as_str()) {
                return Err(ApiError::bad_query(format!("unknown parameter {k:?}")));
            }
        }
        Ok(())
    }

    /// The value of `key`, trimmed; an empty value counts as absent.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    }

    /// An unsigned integer parameter, clamped to `1..=max`.
    pub fn limit(&self, key: &str, default: usize, max: usize) -> Result<usize, ApiError> {
        match self.get(key) {
            None => Ok(default),
            Some(v) => v.parse::<usize>().map(|n| n.clamp(1, max)).map_err(|_| {
                ApiError::bad_query(format!("{key} must be a positive integer, not {v:?}"))
            }),
        }
    }

    /// A boolean parameter (`true`/`false`/`1`/`0`).
    pub fn flag(&self, key: &str, default: bool) -> Result<bool, ApiError> {
        match self.get(key) {
            None => Ok(default),
            Some("true" | "1" | "yes") => Ok(true),
            Some("false" | "0" | "no") => Ok(false),
            Some(v) => Err(ApiError::bad_query(format!(
                "{key} must be true or false, not {v:?}"
            ))),
        }
    }

    /// Builds the store filter.
    // `..Filter::default()` keeps this compiling when the store adds a filter field.
    #[allow(clippy::needless_update)]
    pub fn filter(&self) -> Result<Filter, ApiError> {
        let side = |c: &str, s: &str, n: &str| -> Option<PartyFilter> {
            let p = PartyFilter {
                country: self.get(c).map(str::to_string),
                sector: self.get(s).map(str::to_string),
                name: self.get(n).map(str::to_string),
            };
            (p.country.is_some() || p.sector.is_some() || p.name.is_some()).then_some(p)
        };
        let list = |k: &str| -> Vec<String> {
            self.get(k)
                .map(|v| {
                    v.split(',')
                        .map(|s| s.trim().to_string())
                        .filter(|s| !s.is_empty())
                        .collect()
                })
                .unwrap_or_default()
        };
        let mut quad_classes = Vec::new();
        for q in list("quad_class") {
            match q.parse::<u8>() {
                Ok(n @ 1..=4) => quad_classes.push(n),
                _ => {
                    return Err(ApiError::bad_query(format!(
                        "quad_class must be 1-4, not {q:?}"
                    )))
                }
            }
        }
        let dyad = match self.get("dyad") {
            None => None,
            Some(v) => {
                let parts: Vec<&str> = v.split([',', '-']).map(str::trim).collect();
                match parts.as_slice() {
                    [a, b] if !a.is_empty() && !b.is_empty() => {
                        Some((a.to_string(), b.to_string()))
                    }
                    _ => {
                        return Err(ApiError::bad_query(format!(
                            "dyad must be two codes, e.g. RUS-UKR, not {v:?}"
                        )))
                    }
                }
            }
        };
        let bbox = match self.get("bbox") {
            None => None,
            Some(v) => {
                let n: Vec<f64> = v.split(',').filter_map(|s| s.trim().parse().ok()).collect();
                match n.as_slice() {
                    [a, b, c, d] => Some(BBox {
                        min_lon: *a,
                        min_lat: *b,
                        max_lon: *c,
                        max_lat: *d,
                    }),
                    _ => {
                        return Err(ApiError::bad_query(
                            "bbox must be min_lon,min_lat,max_lon,max_lat",
                        ))
                    }
                }
            }
        };
        Ok(Filter {
            actor: side("actor", "actor_sector", "actor_name"),
            recipient: side("recipient", "recipient_sector", "recipient_name"),
            party: self.get("party").map(PartyFilter::country),
            dyad,
            event_types: list("event_type"),
            quad_classes,
            from: self.get("from").map(str::to_string),
            to: self.get("to").map(str::to_string),
            location_country: self.get("location_country").map(str::to_string),
            bbox,
            text: self.get("text").map(str::to_string),
            doc_id: self.get("doc_id").map(str::to_string),
            ..Filter::default()
        })
    }
}
