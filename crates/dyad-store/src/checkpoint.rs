//! Checkpoints on a thread of their own, so the writer never waits for them.
//!
//! In WAL mode every committed page is written twice: to the log at commit,
//! and later into the database file by a checkpoint. SQLite runs that
//! checkpoint inside the commit that crosses `wal_autocheckpoint`, so the
//! ingesting thread stops for the copy and its `fsync` (at 10 million events,
//! most of the gap between wall and CPU time). A [`Checkpointer`] holds a
//! second connection on a thread; after each commit the writer pokes it, and
//! it runs a `PASSIVE` checkpoint, which never blocks the writer or readers.
//! Once a checkpoint has copied the whole log and no reader needs it, the
//! writer's next transaction starts the log again from the top, so it stays
//! bounded. The writer's own automatic checkpoint is kept as a backstop at a
//! higher threshold ([`BACKSTOP_PAGES`]) in case the thread falls behind.

use std::sync::mpsc::{sync_channel, SyncSender};
use std::thread::JoinHandle;

use rusqlite::{Connection, OpenFlags};

use crate::error::{classify, Result};

/// The writer's own checkpoint threshold while a [`Checkpointer`] runs
/// (pages of the log; 1 GiB at 16 KiB pages).
pub(crate) const BACKSTOP_PAGES: u32 = 65536;

/// A thread that checkpoints the log when poked.
pub(crate) struct Checkpointer {
    poke: Option<SyncSender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Checkpointer {
    /// Opens a second connection on `path` and starts the thread.
    pub fn start(path: &str) -> Result<Checkpointer> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| classify(path, e))?;
        let (tx, rx) = sync_channel::<()>(1);
        let thread = std::thread::Builder::new()
            .name("dyad-checkpoint".into())
            .spawn(move || {
                while rx.recv().is_ok() {
                    // A failed checkpoint loses nothing (the pages stay in the log)
                    // and the next one, or the writer's backstop, tries again.
                    let _ = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()));
                }
            })
            .map_err(|e| crate::error::Error::CannotOpen {
                path: path.to_string(),
                detail: format!("cannot start the checkpoint thread: {e}"),
            })?;
        Ok(Checkpointer {
            poke: Some(tx),
            thread: Some(thread),
        })
    }

    /// Asks for a checkpoint (no-op when one is already pending).
    pub fn poke(&self) {
        if let Some(p) = &self.poke {
            let _ = p.try_send(());
        }
    }
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        self.poke.take();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
