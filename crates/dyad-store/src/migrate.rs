//! The on-disk schema and its versions.
//!
//! A dyad database carries `PRAGMA application_id` = [`APPLICATION_ID`] and
//! `PRAGMA user_version` = its schema version. On opening for writing, an
//! older version is migrated step by step inside one transaction; a newer
//! version, or a database some other program made, is refused with a message.
//! Each version's frozen fixture lives in `tests/compat/` and a test opens it.

use rusqlite::Connection;

/// "dyad" in ASCII: marks the file as a dyad database.
pub const APPLICATION_ID: i64 = 0x6479_6164;
/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = 4;

/// Version 1: documents, sentences (with a full-text index), events, mentions.
const V1: &str = r#"
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE docs(
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  date TEXT, source TEXT, title TEXT, url TEXT,
  fingerprint TEXT NOT NULL,
  n_records INTEGER NOT NULL,
  ingested_at TEXT NOT NULL
);
CREATE TABLE sentences(
  id INTEGER PRIMARY KEY,
  doc INTEGER NOT NULL,
  idx INTEGER NOT NULL,
  text TEXT NOT NULL,
  UNIQUE(doc, idx)
);
CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='id', detail='none');
CREATE TABLE events(
  id INTEGER PRIMARY KEY,
  event_type TEXT NOT NULL, cameo TEXT NOT NULL, quad_class INTEGER NOT NULL, goldstein REAL NOT NULL,
  mode TEXT, context TEXT NOT NULL,
  negated INTEGER NOT NULL, modality TEXT NOT NULL, mutual INTEGER NOT NULL,
  a_country TEXT, a_sector TEXT, a_name TEXT, a_role TEXT,
  r_country TEXT, r_sector TEXT, r_name TEXT, r_role TEXT,
  date TEXT NOT NULL, date_basis TEXT NOT NULL,
  day_lo INTEGER NOT NULL, day_hi INTEGER NOT NULL, day INTEGER NOT NULL, ym INTEGER NOT NULL,
  loc_name TEXT, loc_country TEXT, loc_admin1 TEXT, lat REAL, lon REAL,
  geonames_id INTEGER, feature_class TEXT,
  num_mentions INTEGER NOT NULL, num_sources INTEGER NOT NULL, num_articles INTEGER NOT NULL,
  is_root INTEGER NOT NULL
);
-- Matching (candidates of one type and pair in a narrow date window), and covering
-- for one pair's time series (the dyad-month question).
CREATE INDEX events_match ON events(a_country, r_country, event_type, day_lo, day_hi, day, ym, quad_class, goldstein, num_mentions);
-- The few events with wide dates (a month, a year), which a narrow window would miss.
CREATE INDEX events_wide ON events(a_country, r_country, event_type, day_lo) WHERE day_hi - day_lo > 7;
-- Covering for everything in a period (the top-dyads-of-a-year question).
CREATE INDEX events_day ON events(day, ym, a_country, r_country, event_type, quad_class, goldstein, num_mentions);
CREATE TABLE mentions(
  id INTEGER PRIMARY KEY,
  event INTEGER NOT NULL,
  doc INTEGER NOT NULL,
  sentence INTEGER NOT NULL,
  trig_start INTEGER NOT NULL,
  trig_end INTEGER NOT NULL,
  record TEXT NOT NULL,
  UNIQUE(event, doc, sentence, trig_start, trig_end)
);
CREATE INDEX mentions_doc ON mentions(doc);
"#;

/// One migration step: SQL, or Rust where SQL cannot do the work.
enum Step {
    Sql(&'static str),
    Code(fn(&rusqlite::Transaction) -> rusqlite::Result<()>),
}

impl Step {
    fn run(&self, tx: &rusqlite::Transaction) -> rusqlite::Result<()> {
        match self {
            Step::Sql(s) => tx.execute_batch(s),
            Step::Code(f) => f(tx),
        }
    }
}

/// Migrations: entry `i` takes a database from version `i + 1` to `i + 2`.
const MIGRATIONS: &[Step] = &[
    Step::Sql(V2),
    Step::Sql(crate::schema_v3::V3),
    Step::Code(crate::schema_v4::migrate),
];

/// Version 2: a monthly roll-up per pair, type and quad class, kept by triggers,
/// so that time series and top-N questions need not scan millions of events.
const V2: &str = r#"
CREATE TABLE rollup(
  a_country TEXT NOT NULL, r_country TEXT NOT NULL, ym INTEGER NOT NULL,
  event_type TEXT NOT NULL, quad_class INTEGER NOT NULL,
  n INTEGER NOT NULL, gold REAL NOT NULL, mentions INTEGER NOT NULL,
  PRIMARY KEY(ym, a_country, r_country, event_type, quad_class)
) WITHOUT ROWID;
CREATE INDEX rollup_pair ON rollup(a_country, r_country, ym);
CREATE TRIGGER rollup_ins AFTER INSERT ON events BEGIN
  INSERT INTO rollup VALUES (coalesce(new.a_country, ''), coalesce(new.r_country, ''), new.ym, new.event_type,
    new.quad_class, 1, new.goldstein, new.num_mentions)
  ON CONFLICT DO UPDATE SET n = n + 1, gold = gold + excluded.gold, mentions = mentions + excluded.mentions;
END;
CREATE TRIGGER rollup_del AFTER DELETE ON events BEGIN
  UPDATE rollup SET n = n - 1, gold = gold - old.goldstein, mentions = mentions - old.num_mentions
  WHERE ym = old.ym AND a_country = coalesce(old.a_country, '') AND r_country = coalesce(old.r_country, '')
    AND event_type = old.event_type AND quad_class = old.quad_class;
END;
CREATE TRIGGER rollup_upd AFTER UPDATE OF a_country, r_country, ym, event_type, quad_class, goldstein, num_mentions ON events BEGIN
  UPDATE rollup SET n = n - 1, gold = gold - old.goldstein, mentions = mentions - old.num_mentions
  WHERE ym = old.ym AND a_country = coalesce(old.a_country, '') AND r_country = coalesce(old.r_country, '')
    AND event_type = old.event_type AND quad_class = old.quad_class;
  INSERT INTO rollup VALUES (coalesce(new.a_country, ''), coalesce(new.r_country, ''), new.ym, new.event_type,
    new.quad_class, 1, new.goldstein, new.num_mentions)
  ON CONFLICT DO UPDATE SET n = n + 1, gold = gold + excluded.gold, mentions = mentions + excluded.mentions;
END;
INSERT INTO rollup
  SELECT coalesce(a_country, ''), coalesce(r_country, ''), ym, event_type, quad_class, count(*), total(goldstein), total(num_mentions)
  FROM events GROUP BY 1, 2, 3, 4, 5;
"#;

/// What [`check`] found.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum State {
    /// An empty file: the schema must be created.
    Empty,
    /// A dyad database of this version.
    Current,
    /// A dyad database of an older version.
    Old(i64),
    /// A dyad database of a newer version.
    New(i64),
    /// Someone else's database.
    Foreign,
}

/// Reads the version marks without changing anything.
pub(crate) fn check(conn: &Connection) -> rusqlite::Result<State> {
    let app: i64 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    let ver: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if app == 0 && ver == 0 {
        let n: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
        return Ok(if n == 0 { State::Empty } else { State::Foreign });
    }
    if app != APPLICATION_ID {
        return Ok(State::Foreign);
    }
    Ok(match ver.cmp(&SCHEMA_VERSION) {
        std::cmp::Ordering::Equal => State::Current,
        std::cmp::Ordering::Less => State::Old(ver),
        std::cmp::Ordering::Greater => State::New(ver),
    })
}

/// Creates the current schema in an empty database.
pub(crate) fn create(conn: &mut Connection) -> rusqlite::Result<()> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    tx.execute_batch(V1)?;
    for m in MIGRATIONS {
        m.run(&tx)?;
    }
    stamp(&tx)?;
    tx.commit()
}

/// Migrates a database of version `from` to the current one, all or nothing.
pub(crate) fn migrate(conn: &mut Connection, from: i64) -> rusqlite::Result<()> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    for m in MIGRATIONS.iter().skip((from - 1).max(0) as usize) {
        m.run(&tx)?;
    }
    stamp(&tx)?;
    tx.commit()
}

fn stamp(tx: &rusqlite::Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(&format!(
        "PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {SCHEMA_VERSION};"
    ))?;
    tx.execute(
        "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?1)",
        [SCHEMA_VERSION.to_string()],
    )?;
    Ok(())
}
