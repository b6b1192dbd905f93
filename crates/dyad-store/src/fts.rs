//! The full-text index of evidence sentences, written once at the end of each batch.
//!
//! `sentences_fts` is an FTS5 index with external content (`sentences`): it
//! stores no text of its own, so indexing a sentence, or removing one, takes the
//! sentence's text. A batch notes which documents' sentences it wrote or removed
//! ([`Fts`]), and [`Fts::apply`] brings the index up to date just before the
//! batch commits, in the same transaction.

use rusqlite::Transaction;
use rustc_hash::FxHashSet as HashSet;

use crate::mention;

/// Changes to the full-text index, held back until the end of the batch.
///
/// FTS5 flushes its pending terms to disk at every statement savepoint;
/// writing the index in the middle of a batch made many tiny segments and
/// merges (a quarter of ingest time). Applied last, the batch's terms are
/// flushed once, and the new sentences are indexed by statements that read them
/// back from `sentences`: one for the documents the batch created (their row
/// ids, and so their sentences' blocks, follow every older document's), and one
/// per older document it replaced.
#[derive(Default)]
pub(crate) struct Fts {
    /// The row of the first document the batch created.
    new_from: Option<i64>,
    /// Older documents the batch replaced.
    replaced: Vec<i64>,
    /// Documents whose current sentences the batch wrote, so are not indexed yet.
    written: HashSet<i64>,
    /// Sentences indexed before the batch that it removed: rowid and indexed text.
    pub deletes: Vec<(i64, String)>,
}

impl Fts {
    /// Notes a document row the batch created.
    pub fn created(&mut self, doc: i64) {
        self.new_from.get_or_insert(doc);
        self.written.insert(doc);
    }

    /// Whether document `doc`'s current sentences are in the index (they are
    /// unless this batch wrote them); notes that the batch rewrites them.
    pub fn replacing(&mut self, doc: i64) -> bool {
        let indexed = self.written.insert(doc);
        if indexed {
            self.replaced.push(doc);
        }
        indexed
    }

    pub fn apply(&self, tx: &Transaction) -> rusqlite::Result<()> {
        let mut del = tx.prepare_cached(
            "INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', ?1, ?2)",
        )?;
        for (id, text) in &self.deletes {
            del.execute(rusqlite::params![id, text])?;
        }
        let mut add = tx.prepare_cached(
            "INSERT INTO sentences_fts(rowid, text) SELECT id, text FROM sentences WHERE id BETWEEN ?1 AND ?2",
        )?;
        for &doc in &self.replaced {
            if let Some((lo, hi)) = mention::doc_block(doc) {
                add.execute([lo, hi])?;
            }
        }
        if let Some((lo, _)) = self.new_from.and_then(mention::doc_block) {
            add.execute([lo, i64::MAX])?;
        }
        Ok(())
    }
}
