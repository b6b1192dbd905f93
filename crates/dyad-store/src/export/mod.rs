//! Exports: the whole store, or a filtered part, as JSONL, CSV, GDELT 2.0
//! event rows, or a Parquet dataset partitioned by year and month.
//!
//! JSONL carries everything, mentions included. CSV is one flat row per event
//! ([`CSV_COLUMNS`]). The GDELT writer fills the 61 columns of the GDELT 2.0
//! event table that have a counterpart in dyad and leaves the others empty
//! ([`gdelt`] lists which). The Parquet dataset (`year=YYYY/month=MM/part-NNNNN.parquet`)
//! is the hand-over to DuckDB, Spark or Polars when one machine is not enough.

use std::io::Write;

use crate::error::Result;
use crate::rows::EventRow;
use crate::{Filter, Store};

pub mod gdelt;
#[cfg(feature = "parquet")]
mod parquet;

#[cfg(feature = "parquet")]
pub use self::parquet::ParquetReport;

/// The columns of a CSV export, in order.
pub const CSV_COLUMNS: &[&str] = &[
    "id",
    "date",
    "date_start",
    "date_end",
    "date_basis",
    "event_type",
    "cameo",
    "quad_class",
    "goldstein",
    "mode",
    "context",
    "actor_country",
    "actor_sector",
    "actor_name",
    "actor_role",
    "recipient_country",
    "recipient_sector",
    "recipient_name",
    "recipient_role",
    "mutual",
    "negated",
    "modality",
    "location_name",
    "location_country",
    "location_admin1",
    "lat",
    "lon",
    "geonames_id",
    "num_mentions",
    "num_sources",
    "num_articles",
];

/// Quotes one CSV field when it needs quoting (RFC 4180).
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// One event as a CSV line (no line end), in [`CSV_COLUMNS`] order.
pub fn csv_record(e: &EventRow) -> String {
    let o = |s: &Option<String>| s.clone().unwrap_or_default();
    let a = e.actor.clone().unwrap_or_default();
    let r = e.recipient.clone().unwrap_or_default();
    let l = e.location.as_ref();
    let basis = crate::sql::basis_str(e.date_basis);
    let fields: Vec<String> = vec![
        e.id.to_string(),
        e.date.clone(),
        e.date_start.clone(),
        e.date_end.clone(),
        basis.to_string(),
        e.event_type.clone(),
        e.cameo.clone(),
        e.quad_class.to_string(),
        e.goldstein.to_string(),
        o(&e.mode),
        e.context.join(";"),
        o(&a.country),
        o(&a.sector),
        o(&a.name),
        o(&a.role),
        o(&r.country),
        o(&r.sector),
        o(&r.name),
        o(&r.role),
        e.mutual.to_string(),
        e.negated.to_string(),
        e.modality.clone(),
        l.map(|l| l.name.clone()).unwrap_or_default(),
        l.and_then(|l| l.country.clone()).unwrap_or_default(),
        l.and_then(|l| l.admin1.clone()).unwrap_or_default(),
        l.map(|l| l.lat.to_string()).unwrap_or_default(),
        l.map(|l| l.lon.to_string()).unwrap_or_default(),
        l.and_then(|l| l.geonames_id)
            .map(|g| g.to_string())
            .unwrap_or_default(),
        e.num_mentions.to_string(),
        e.num_sources.to_string(),
        e.num_articles.to_string(),
    ];
    fields
        .iter()
        .map(|f| csv_field(f))
        .collect::<Vec<_>>()
        .join(",")
}

impl Store {
    /// One JSON object per line per event, with its mentions. Returns the number of events.
    pub fn export_jsonl(&self, filter: &Filter, mut w: impl Write) -> Result<u64> {
        let n = self.for_each_event(filter, true, |e| {
            serde_json::to_writer(&mut w, &e).map_err(std::io::Error::from)?;
            w.write_all(b"\n")?;
            Ok(())
        })?;
        w.flush()?;
        Ok(n)
    }

    /// A header line and one line per event. Returns the number of events.
    pub fn export_csv(&self, filter: &Filter, mut w: impl Write) -> Result<u64> {
        writeln!(w, "{}", CSV_COLUMNS.join(","))?;
        let n = self.for_each_event(filter, false, |e| {
            writeln!(w, "{}", csv_record(&e))?;
            Ok(())
        })?;
        w.flush()?;
        Ok(n)
    }

    /// GDELT 2.0 event table rows: tab-separated, no header. Returns the number of events.
    pub fn export_gdelt(&self, filter: &Filter, mut w: impl Write) -> Result<u64> {
        let n = self.for_each_event(filter, true, |e| {
            let cols = gdelt::row(&e);
            writeln!(w, "{}", cols.join("\t"))?;
            Ok(())
        })?;
        w.flush()?;
        Ok(n)
    }
}
