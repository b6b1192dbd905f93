//! Schema version 3: compact mentions, roll-ups kept by the ingest code, slim indexes.
//!
//! Version 2 kept its monthly roll-up with triggers and stored each mention as
//! the full coded record in JSON (about 1 KB each). Both cost more than the
//! events themselves at millions of rows: every trigger opened a statement
//! journal, and the JSON doubled the database. Version 3:
//!
//! - stores a mention's codes and offsets as columns (`mentions`), the evidence
//!   once per sentence (`sentences`, as before);
//! - drops the triggers: `ingest` adds each batch's changes to the roll-ups in
//!   one pass at the end of the batch ([`crate::rollup::Deltas`]);
//! - adds three roll-ups: `actor_month_rollup` (month, actor country, type,
//!   quad class: whole-store series without scanning the per-pair `rollup`),
//!   `place_rollup` (month, place country and first-level division, type, quad
//!   class) and `actor_rollup` (country, sector, name);
//! - keeps two slim indexes on `events` instead of two wide covering ones:
//!   `events_pair` (32-day bucket of the window start, pair, type, window start:
//!   matching, and one pair's events through a list of buckets)
//!   and `events_day` (date order: pages of events), plus the small partial
//!   `events_wide`.
//!
//! Migrating a v2 database converts the mentions' JSON with SQLite's JSON
//! functions and fills the new roll-ups from `events`, all in one transaction.

/// From version 2 to version 3.
pub(crate) const V3: &str = r#"
DROP TRIGGER IF EXISTS rollup_ins;
DROP TRIGGER IF EXISTS rollup_del;
DROP TRIGGER IF EXISTS rollup_upd;
DROP INDEX IF EXISTS events_match;
DROP INDEX IF EXISTS events_day;
-- Time first (32-day buckets of day_lo), then pair and type: matching looks up one or
-- two buckets; news arriving in date order touches few pages of it (pair first, every
-- batch rewrote a page per pair and type: most of the ingest's writes at 10M events).
CREATE INDEX events_pair ON events(day_lo / 32, a_country, r_country, event_type, day_lo);
CREATE INDEX events_day ON events(day);
CREATE TABLE mentions_v3(
  id INTEGER PRIMARY KEY,
  event INTEGER NOT NULL, doc INTEGER NOT NULL, sentence INTEGER NOT NULL,
  rec_id TEXT NOT NULL, trig_text TEXT NOT NULL, trig_start INTEGER NOT NULL, trig_end INTEGER NOT NULL,
  event_type TEXT NOT NULL, cameo TEXT NOT NULL, quad_class INTEGER NOT NULL, goldstein REAL NOT NULL,
  mode TEXT, context TEXT, negated INTEGER NOT NULL, modality TEXT NOT NULL, mutual INTEGER NOT NULL,
  date TEXT NOT NULL, date_basis TEXT NOT NULL,
  a_text TEXT, a_start INTEGER, a_end INTEGER, a_country TEXT, a_sector TEXT, a_name TEXT, a_role TEXT,
  r_text TEXT, r_start INTEGER, r_end INTEGER, r_country TEXT, r_sector TEXT, r_name TEXT, r_role TEXT,
  l_text TEXT, l_start INTEGER, l_end INTEGER, l_name TEXT, l_country TEXT, l_admin1 TEXT,
  l_lat REAL, l_lon REAL, l_gid INTEGER, l_class TEXT
);
INSERT INTO mentions_v3 SELECT id, event, doc, sentence,
  coalesce(record->>'$.id', ''), coalesce(record->>'$.trigger.text', ''), trig_start, trig_end,
  coalesce(record->>'$.event_type', ''), coalesce(record->>'$.cameo', ''),
  coalesce(record->>'$.quad_class', 1), coalesce(record->>'$.goldstein', 0.0),
  record->>'$.mode',
  CASE WHEN json_array_length(record->'$.context') > 0 THEN record->>'$.context' END,
  coalesce(record->>'$.negated', 0), coalesce(record->>'$.modality', ''), coalesce(record->>'$.mutual', 0),
  coalesce(record->>'$.date', ''), coalesce(record->>'$.date_basis', 'text'),
  record->>'$.actor.text', record->>'$.actor.start', record->>'$.actor.end', record->>'$.actor.country',
  record->>'$.actor.sector', record->>'$.actor.name', record->>'$.actor.role',
  record->>'$.recipient.text', record->>'$.recipient.start', record->>'$.recipient.end',
  record->>'$.recipient.country', record->>'$.recipient.sector', record->>'$.recipient.name',
  record->>'$.recipient.role',
  record->>'$.location.text', record->>'$.location.start', record->>'$.location.end',
  record->>'$.location.name', record->>'$.location.country', record->>'$.location.admin1',
  record->>'$.location.lat', record->>'$.location.lon', record->>'$.location.geonames_id',
  record->>'$.location.feature_class'
FROM mentions;
DROP TABLE mentions;
-- v2's mentions_doc went with the table; a document's mentions are found through its
-- sentences, and the full-text search needs the sentence index anyway.
ALTER TABLE mentions_v3 RENAME TO mentions;
CREATE UNIQUE INDEX mentions_key ON mentions(event, doc, sentence, trig_start, trig_end);
CREATE INDEX mentions_sentence ON mentions(sentence);
CREATE TABLE place_rollup(
  ym INTEGER NOT NULL, country TEXT NOT NULL, admin1 TEXT NOT NULL,
  event_type TEXT NOT NULL, quad_class INTEGER NOT NULL,
  n INTEGER NOT NULL, gold REAL NOT NULL, mentions INTEGER NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
  PRIMARY KEY(ym, country, admin1, event_type, quad_class)
) WITHOUT ROWID;
INSERT INTO place_rollup
  SELECT ym, coalesce(loc_country, ''), coalesce(loc_admin1, ''), event_type, quad_class,
    count(*), total(goldstein), total(num_mentions), total(lat), total(lon)
  FROM events WHERE loc_name IS NOT NULL GROUP BY 1, 2, 3, 4, 5;
CREATE TABLE actor_month_rollup(
  ym INTEGER NOT NULL, a_country TEXT NOT NULL, event_type TEXT NOT NULL, quad_class INTEGER NOT NULL,
  n INTEGER NOT NULL, gold REAL NOT NULL, mentions INTEGER NOT NULL,
  PRIMARY KEY(ym, a_country, event_type, quad_class)
) WITHOUT ROWID;
INSERT INTO actor_month_rollup
  SELECT ym, a_country, event_type, quad_class, sum(n), total(gold), sum(mentions) FROM rollup GROUP BY 1, 2, 3, 4;
CREATE TABLE actor_rollup(
  country TEXT NOT NULL, sector TEXT NOT NULL, name TEXT NOT NULL,
  as_actor INTEGER NOT NULL, as_recipient INTEGER NOT NULL,
  PRIMARY KEY(country, sector, name)
) WITHOUT ROWID;
INSERT INTO actor_rollup
  SELECT country, sector, name, sum(a), sum(r) FROM (
    SELECT coalesce(a_country, '') AS country, coalesce(a_sector, '') AS sector, coalesce(a_name, '') AS name,
      1 AS a, 0 AS r FROM events
    UNION ALL
    SELECT coalesce(r_country, ''), coalesce(r_sector, ''), coalesce(r_name, ''), 0, 1 FROM events)
  WHERE country <> '' OR name <> ''
  GROUP BY 1, 2, 3;
"#;
