//! The Parquet dataset: `year=YYYY/month=MM/part-NNNNN.parquet`, zstd-compressed.
//!
//! An event files under the first day of its `date` (column `day`). Events stream out in date order, so each partition is written once, by
//! one writer, in row groups of [`BATCH_ROWS`]. The partition columns `year`
//! and `month` live in the directory names (hive style), not in the files, so
//! `read_parquet('dir/**/*.parquet', hive_partitioning = true)` restores them.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Float64Builder, Int32Builder, Int64Builder, StringBuilder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::WriterProperties;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::rows::EventRow;
use crate::{Filter, Store};

/// Rows per record batch (and row group).
pub const BATCH_ROWS: usize = 65_536;
/// Rows per file before a partition rolls over to its next part.
pub const FILE_ROWS: usize = 1_048_576;

/// What a Parquet export wrote.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParquetReport {
    /// Events written.
    pub rows: u64,
    /// Files written, in order.
    pub files: Vec<PathBuf>,
}

const STRINGS: [&str; 16] = [
    "date",
    "date_basis",
    "event_type",
    "cameo",
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
    "modality",
    "location_name",
];

fn schema() -> SchemaRef {
    let mut f = vec![
        Field::new("event_id", DataType::Int64, false),
        Field::new("day", DataType::Date32, false),
        Field::new("date_start", DataType::Date32, false),
        Field::new("date_end", DataType::Date32, false),
    ];
    f.extend(STRINGS.iter().map(|n| Field::new(*n, DataType::Utf8, true)));
    f.extend([
        Field::new("location_country", DataType::Utf8, true),
        Field::new("quad_class", DataType::Int32, false),
        Field::new("goldstein", DataType::Float64, false),
        Field::new("mutual", DataType::Boolean, false),
        Field::new("negated", DataType::Boolean, false),
        Field::new("lat", DataType::Float64, true),
        Field::new("lon", DataType::Float64, true),
        Field::new("geonames_id", DataType::Int64, true),
        Field::new("num_mentions", DataType::Int32, false),
        Field::new("num_sources", DataType::Int32, false),
        Field::new("num_articles", DataType::Int32, false),
    ]);
    Arc::new(Schema::new(f))
}

struct Columns {
    id: Int64Builder,
    day: Date32Builder,
    start: Date32Builder,
    end: Date32Builder,
    strings: Vec<StringBuilder>,
    loc_country: StringBuilder,
    quad: Int32Builder,
    goldstein: Float64Builder,
    mutual: BooleanBuilder,
    negated: BooleanBuilder,
    lat: Float64Builder,
    lon: Float64Builder,
    geonames: Int64Builder,
    counts: [Int32Builder; 3],
    len: usize,
}

impl Columns {
    fn new() -> Columns {
        Columns {
            id: Int64Builder::new(),
            day: Date32Builder::new(),
            start: Date32Builder::new(),
            end: Date32Builder::new(),
            strings: (0..STRINGS.len()).map(|_| StringBuilder::new()).collect(),
            loc_country: StringBuilder::new(),
            quad: Int32Builder::new(),
            goldstein: Float64Builder::new(),
            mutual: BooleanBuilder::new(),
            negated: BooleanBuilder::new(),
            lat: Float64Builder::new(),
            lon: Float64Builder::new(),
            geonames: Int64Builder::new(),
            counts: [
                Int32Builder::new(),
                Int32Builder::new(),
                Int32Builder::new(),
            ],
            len: 0,
        }
    }

    fn push(&mut self, e: &EventRow, days: [i32; 3]) {
        self.id.append_value(e.id);
        self.day.append_value(days[0]);
        self.start.append_value(days[1]);
        self.end.append_value(days[2]);
        let a = e.actor.clone().unwrap_or_default();
        let r = e.recipient.clone().unwrap_or_default();
        let l = e.location.as_ref();
        let vals: [Option<String>; 16] = [
            Some(e.date.clone()),
            Some(crate::sql::basis_str(e.date_basis).to_string()),
            Some(e.event_type.clone()),
            Some(e.cameo.clone()),
            e.mode.clone(),
            Some(e.context.join(";")),
            a.country,
            a.sector,
            a.name,
            a.role,
            r.country,
            r.sector,
            r.name,
            r.role,
            Some(e.modality.clone()),
            l.map(|l| l.name.clone()),
        ];
        for (b, v) in self.strings.iter_mut().zip(vals) {
            b.append_option(v);
        }
        self.loc_country
            .append_option(l.and_then(|l| l.country.clone()));
        self.quad.append_value(e.quad_class as i32);
        self.goldstein.append_value(e.goldstein);
        self.mutual.append_value(e.mutual);
        self.negated.append_value(e.negated);
        self.lat.append_option(l.map(|l| l.lat));
        self.lon.append_option(l.map(|l| l.lon));
        self.geonames
            .append_option(l.and_then(|l| l.geonames_id).map(|g| g as i64));
        for (b, v) in self
            .counts
            .iter_mut()
            .zip([e.num_mentions, e.num_sources, e.num_articles])
        {
            b.append_value(v as i32);
        }
        self.len += 1;
    }

    fn finish(&mut self, schema: &SchemaRef) -> Result<RecordBatch> {
        let mut cols: Vec<ArrayRef> = vec![
            Arc::new(self.id.finish()),
            Arc::new(self.day.finish()),
            Arc::new(self.start.finish()),
            Arc::new(self.end.finish()),
        ];
        cols.extend(
            self.strings
                .iter_mut()
                .map(|b| Arc::new(b.finish()) as ArrayRef),
        );
        cols.push(Arc::new(self.loc_country.finish()));
        cols.push(Arc::new(self.quad.finish()));
        cols.push(Arc::new(self.goldstein.finish()));
        cols.push(Arc::new(self.mutual.finish()));
        cols.push(Arc::new(self.negated.finish()));
        cols.push(Arc::new(self.lat.finish()));
        cols.push(Arc::new(self.lon.finish()));
        cols.push(Arc::new(self.geonames.finish()));
        cols.extend(
            self.counts
                .iter_mut()
                .map(|b| Arc::new(b.finish()) as ArrayRef),
        );
        self.len = 0;
        RecordBatch::try_new(schema.clone(), cols).map_err(|e| Error::Export(e.to_string()))
    }
}

struct Partition {
    key: (i32, u32),
    part: usize,
    rows_in_file: usize,
    writer: ArrowWriter<File>,
}

struct Dataset<'a> {
    dir: &'a Path,
    schema: SchemaRef,
    cols: Columns,
    open: Option<Partition>,
    report: ParquetReport,
}

impl Dataset<'_> {
    fn flush(&mut self) -> Result<()> {
        if self.cols.len == 0 {
            return Ok(());
        }
        let batch = self.cols.finish(&self.schema)?;
        if let Some(p) = &mut self.open {
            p.rows_in_file += batch.num_rows();
            p.writer
                .write(&batch)
                .map_err(|e| Error::Export(e.to_string()))?;
        }
        Ok(())
    }

    fn close(&mut self) -> Result<()> {
        self.flush()?;
        if let Some(p) = self.open.take() {
            p.writer.close().map_err(|e| Error::Export(e.to_string()))?;
        }
        Ok(())
    }

    fn open_file(&mut self, key: (i32, u32), part: usize) -> Result<()> {
        let dir = self
            .dir
            .join(format!("year={:04}", key.0))
            .join(format!("month={:02}", key.1));
        std::fs::create_dir_all(&dir)?;
        let path = dir.join(format!("part-{part:05}.parquet"));
        let file = File::create(&path)?;
        let props = WriterProperties::builder()
            .set_compression(Compression::ZSTD(ZstdLevel::default()))
            .set_max_row_group_row_count(Some(BATCH_ROWS))
            .build();
        let writer = ArrowWriter::try_new(file, self.schema.clone(), Some(props))
            .map_err(|e| Error::Export(e.to_string()))?;
        self.report.files.push(path);
        self.open = Some(Partition {
            key,
            part,
            rows_in_file: 0,
            writer,
        });
        Ok(())
    }

    fn push(&mut self, e: &EventRow) -> Result<()> {
        let (day, start, end) = match (
            crate::dates::interval(&e.date),
            crate::dates::interval(&e.date_start),
            crate::dates::interval(&e.date_end),
        ) {
            (Some(d), Some(s), Some(t)) => (d.0, s.0, t.0),
            _ => {
                return Err(Error::Export(format!(
                    "event {} has a bad date {:?}",
                    e.id, e.date_start
                )))
            }
        };
        let ym = crate::dates::year_month(day);
        let key = (ym / 100, (ym % 100) as u32);
        let (same, full) = match &self.open {
            Some(p) => (p.key == key, p.rows_in_file + self.cols.len >= FILE_ROWS),
            None => (false, false),
        };
        if !same || full {
            let next = if same {
                self.open.as_ref().map_or(0, |p| p.part + 1)
            } else {
                0
            };
            self.close()?;
            self.open_file(key, next)?;
        }
        self.cols.push(e, [day, start, end]);
        if self.cols.len >= BATCH_ROWS {
            self.flush()?;
        }
        self.report.rows += 1;
        Ok(())
    }
}

impl Store {
    /// Writes the selected events as a Parquet dataset under `dir`, which must be missing or empty.
    pub fn export_parquet(&self, filter: &Filter, dir: &Path) -> Result<ParquetReport> {
        if dir.exists() {
            let non_empty = std::fs::read_dir(dir)?.next().is_some();
            if non_empty || !dir.is_dir() {
                return Err(Error::Export(format!(
                    "{} exists and is not an empty directory; choose a new path or remove it",
                    dir.display()
                )));
            }
        }
        std::fs::create_dir_all(dir)?;
        let mut ds = Dataset {
            dir,
            schema: schema(),
            cols: Columns::new(),
            open: None,
            report: ParquetReport::default(),
        };
        self.for_each_event(filter, false, |e| ds.push(&e))?;
        ds.close()?;
        Ok(ds.report)
    }
}
