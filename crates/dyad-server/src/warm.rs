//! The warm-up: answers the Explore page's first questions before anyone asks.
//!
//! At start the server computes, on the store's roll-ups, what the page asks
//! when it opens and keeps the answers in the [`crate::cache::AnswerCache`]:
//! the cost of the few questions that read many roll-up rows (the top dyads of
//! a two-year period) is then paid once, before the first visitor.

use serde_json::Value;

use crate::store_api::{aggregate_answer, cached};
use crate::AppState;

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
