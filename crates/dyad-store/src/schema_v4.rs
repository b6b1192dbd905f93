//! Schema version 4: rows numbered by document, mention codes as one blob, a leaner search index.
//!
//! At 10 million records, version 3 spent most of its ingest time inside SQLite
//! writing index entries nobody needed on the write path. Version 4:
//!
//! - numbers a document's sentences and mentions inside its own block of rowids
//!   (`doc << 24` on, [`crate::mention::DOC_SHIFT`]). A document's rows are one
//!   rowid range, so `UNIQUE(doc, idx)` on `sentences` and the `mentions_sentence`
//!   index go: finding, deleting or searching a document's rows is a range scan;
//! - stores a mention's codes as one blob ([`crate::mention`]) beside the columns
//!   joins use (event, doc, sentence), instead of 42 columns; repeated mentions are
//!   caught in memory while the document is written (a document is always written
//!   whole, in one batch), so the wide unique `mentions_key` becomes `mentions_event`
//!   on the event alone;
//! - rebuilds the full-text index with `columnsize=0`: nothing ranks results, so
//!   FTS5 need not store each sentence's token count; and with `automerge` 16
//!   (FTS5's default is 4): each batch adds one segment to the index, and merging
//!   them four at a time rewrote every posting once per level, ever larger merges
//!   that slowed ingest from about 3 million records on (10M records: 47,500
//!   records/s with 4, 52,200 with 16, text searches as fast).
//!
//! The migration renumbers sentences, rewrites each mention's columns as a blob
//! (in Rust: SQL cannot write the format), rebuilds the search index, and runs in
//! the same transaction as every other step.

use rusqlite::{params, Row, Transaction};

use dyad_core::schema::{ActorRef, EventRecord, Location, TextSpan};

use crate::mention::{self, DOC_SHIFT, PER_DOC};

/// The tables of version 4, created beside version 3's before the data moves.
const CREATE: &str = r#"
CREATE TEMP TABLE sentence_ids(old INTEGER PRIMARY KEY, new INTEGER NOT NULL);
INSERT INTO temp.sentence_ids
  SELECT id, (doc << 24) + row_number() OVER (PARTITION BY doc ORDER BY idx) - 1 FROM sentences;
CREATE TABLE sentences_v4(
  id INTEGER PRIMARY KEY,
  doc INTEGER NOT NULL,
  idx INTEGER NOT NULL,
  text TEXT NOT NULL
);
INSERT INTO sentences_v4 SELECT n.new, s.doc, s.idx, s.text
  FROM sentences s JOIN temp.sentence_ids n ON n.old = s.id ORDER BY n.new;
CREATE TABLE mentions_v4(
  id INTEGER PRIMARY KEY,
  event INTEGER NOT NULL,
  doc INTEGER NOT NULL,
  sentence INTEGER NOT NULL,
  codes BLOB NOT NULL
);
"#;

/// Swaps version 4's tables in and rebuilds the search index.
const SWAP: &str = r#"
DROP TABLE sentences_fts;
DROP TABLE mentions;
DROP TABLE sentences;
DROP TABLE temp.sentence_ids;
ALTER TABLE sentences_v4 RENAME TO sentences;
ALTER TABLE mentions_v4 RENAME TO mentions;
CREATE INDEX mentions_event ON mentions(event);
CREATE VIRTUAL TABLE sentences_fts USING fts5(
  text, content='sentences', content_rowid='id', detail='none', columnsize=0);
INSERT INTO sentences_fts(sentences_fts, rank) VALUES ('automerge', 16);
INSERT INTO sentences_fts(sentences_fts) VALUES ('rebuild');
"#;

/// From version 3 to version 4.
pub(crate) fn migrate(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(CREATE)?;
    let sql = format!(
        "SELECT m.doc, m.event, n.new, d.key, s.idx, {V3_COLS} FROM mentions m \
         JOIN docs d ON d.id = m.doc JOIN sentences s ON s.id = m.sentence \
         JOIN temp.sentence_ids n ON n.old = m.sentence ORDER BY m.doc, m.id"
    );
    let mut read = tx.prepare(&sql)?;
    let mut write = tx.prepare(
        "INSERT INTO mentions_v4(id, event, doc, sentence, codes) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut rows = read.query([])?;
    let (mut doc, mut next) = (-1i64, 0i64);
    let mut blob = Vec::with_capacity(512);
    while let Some(r) = rows.next()? {
        let d: i64 = r.get(0)?;
        if d != doc {
            (doc, next) = (d, 0);
        }
        let Some((first, _)) = mention::doc_block(d).filter(|_| next <= PER_DOC) else {
            return Err(rusqlite::Error::ToSqlConversionFailure(
                format!("document row {d} has too many mentions for schema v4").into(),
            ));
        };
        let rec = v3_record(r, 3)?;
        blob.clear();
        mention::encode(&rec, &mut blob);
        write.execute(params![
            first + next,
            r.get::<_, i64>(1)?,
            d,
            r.get::<_, i64>(2)?,
            blob
        ])?;
        next += 1;
    }
    drop(rows);
    drop((read, write));
    // A mention without its document or sentence would be left behind by the joins above:
    // refuse rather than drop it silently.
    let count = |t: &str| {
        tx.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| {
            r.get::<_, i64>(0)
        })
    };
    let (before, after) = (count("mentions")?, count("mentions_v4")?);
    if before != after {
        return Err(rusqlite::Error::ToSqlConversionFailure(
            format!(
                "{} of {before} mentions have no document or sentence; the store is damaged, so it was not migrated",
                before - after
            )
            .into(),
        ));
    }
    tx.execute_batch(SWAP)
}

// The SQL of [`CREATE`] numbers sentences with `doc << 24`.
const _: () = assert!(DOC_SHIFT == 24);

/// Version 3's mention columns, after the document key and the sentence index.
const V3_COLS: &str =
    "m.rec_id, m.trig_text, m.trig_start, m.trig_end, \
     m.event_type, m.cameo, m.quad_class, m.goldstein, m.mode, m.context, m.negated, m.modality, m.mutual, m.date, m.date_basis, \
     m.a_text, m.a_start, m.a_end, m.a_country, m.a_sector, m.a_name, m.a_role, \
     m.r_text, m.r_start, m.r_end, m.r_country, m.r_sector, m.r_name, m.r_role, \
     m.l_text, m.l_start, m.l_end, m.l_name, m.l_country, m.l_admin1, m.l_lat, m.l_lon, m.l_gid, m.l_class";

fn usize_at(row: &Row, i: usize) -> rusqlite::Result<usize> {
    Ok(row.get::<_, Option<i64>>(i)?.unwrap_or(0).max(0) as usize)
}

fn actor_at(row: &Row, i: usize) -> rusqlite::Result<Option<ActorRef>> {
    let Some(t) = row.get::<_, Option<String>>(i)? else {
        return Ok(None);
    };
    Ok(Some(ActorRef {
        text: t,
        start: usize_at(row, i + 1)?,
        end: usize_at(row, i + 2)?,
        country: row.get(i + 3)?,
        sector: row.get(i + 4)?,
        name: row.get(i + 5)?,
        role: row.get(i + 6)?,
    }))
}

/// A version 3 mention row: the document key at `i`, the sentence index at `i + 1`, then [`V3_COLS`].
fn v3_record(row: &Row, i: usize) -> rusqlite::Result<EventRecord> {
    let c = i + 2;
    let context: Option<String> = row.get(c + 9)?;
    let basis: String = row.get(c + 14)?;
    let location = match row.get::<_, Option<String>>(c + 29)? {
        None => None,
        Some(t) => Some(Location {
            text: t,
            start: usize_at(row, c + 30)?,
            end: usize_at(row, c + 31)?,
            name: row.get::<_, Option<String>>(c + 32)?.unwrap_or_default(),
            country: row.get(c + 33)?,
            admin1: row.get(c + 34)?,
            lat: row.get::<_, Option<f64>>(c + 35)?.unwrap_or(0.0),
            lon: row.get::<_, Option<f64>>(c + 36)?.unwrap_or(0.0),
            geonames_id: row.get::<_, Option<i64>>(c + 37)?.map(|g| g.max(0) as u64),
            feature_class: row.get(c + 38)?,
        }),
    };
    Ok(EventRecord {
        id: row.get(c)?,
        doc_id: row.get(i)?,
        sentence: usize_at(row, i + 1)?,
        event_type: row.get(c + 4)?,
        mode: row.get(c + 8)?,
        context: context
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or_default(),
        cameo: row.get(c + 5)?,
        quad_class: row.get::<_, i64>(c + 6)?.clamp(0, 255) as u8,
        goldstein: row.get(c + 7)?,
        actor: actor_at(row, c + 15)?,
        recipient: actor_at(row, c + 22)?,
        mutual: row.get::<_, i64>(c + 12)? != 0,
        date: row.get(c + 13)?,
        date_basis: crate::sql::parse_basis(&basis),
        location,
        reported_by: None,
        negated: row.get::<_, i64>(c + 10)? != 0,
        modality: row.get(c + 11)?,
        trigger: TextSpan {
            text: row.get(c + 1)?,
            start: usize_at(row, c + 2)?,
            end: usize_at(row, c + 3)?,
        },
        rule: None,
        evidence: String::new(),
    })
}
