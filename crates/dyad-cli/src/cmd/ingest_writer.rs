//! The writer thread of `dyad ingest`: the store is written while the next batch is read.
//!
//! Parsing JSON, fingerprinting and (for articles) coding run on the calling
//! thread(s); this thread only runs [`Store::ingest_batch`]. Batches travel
//! through a channel of one slot, so at most one batch waits while another is
//! written, and their reports come back in order. A failed batch stops the
//! thread; its error surfaces at the next [`Writer::send`] or at
//! [`Writer::finish`]. Each batch is still one transaction, so a killed
//! process keeps every batch committed before it.

use std::sync::mpsc::{channel, sync_channel, Receiver, SyncSender};
use std::thread::JoinHandle;

use dyad_store::{BatchReport, IngestDoc, Store};

/// A store being written on its own thread.
pub struct Writer {
    batches: Option<SyncSender<Vec<IngestDoc>>>,
    reports: Receiver<dyad_store::Result<BatchReport>>,
    thread: Option<JoinHandle<Store>>,
}

impl Writer {
    /// Moves `store` to a new writer thread.
    pub fn start(mut store: Store) -> anyhow::Result<Writer> {
        let (batches, todo) = sync_channel::<Vec<IngestDoc>>(1);
        let (done, reports) = channel();
        let thread = std::thread::Builder::new()
            .name("dyad-store-writer".into())
            .spawn(move || {
                for batch in todo {
                    let r = store.ingest_batch(&batch);
                    let failed = r.is_err();
                    if done.send(r).is_err() || failed {
                        break;
                    }
                }
                store
            })?;
        Ok(Writer {
            batches: Some(batches),
            reports,
            thread: Some(thread),
        })
    }

    /// Queues a batch (waits while another batch is queued); returns the reports
    /// of batches finished meanwhile, in order.
    pub fn send(&mut self, batch: Vec<IngestDoc>) -> anyhow::Result<Vec<BatchReport>> {
        let sent = match &self.batches {
            Some(tx) => tx.send(batch).is_ok(),
            None => false,
        };
        let mut out = Vec::new();
        while let Ok(r) = self.reports.try_recv() {
            out.push(r?);
        }
        if !sent {
            // The thread stopped: its last report is the error.
            for r in self.reports.iter() {
                r?;
            }
            anyhow::bail!("the store writer stopped");
        }
        Ok(out)
    }

    /// Waits for every queued batch; returns their reports and the store.
    pub fn finish(&mut self) -> anyhow::Result<(Vec<BatchReport>, Store)> {
        drop(self.batches.take());
        let mut out = Vec::new();
        for r in self.reports.iter() {
            out.push(r?);
        }
        let store = self
            .thread
            .take()
            .ok_or_else(|| anyhow::anyhow!("store writer already finished"))?
            .join()
            .map_err(|_| anyhow::anyhow!("the store writer panicked"))?;
        Ok((out, store))
    }
}
