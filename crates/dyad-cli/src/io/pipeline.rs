//! Parallel work over an ordered stream, with output kept in input order and
//! memory bounded.
//!
//! [`ordered_map`] runs three kinds of threads:
//! - one reader, which pulls records from the input and packs them into chunks
//!   (at most [`CHUNK_RECORDS`] records or [`CHUNK_BYTES`] bytes each);
//! - `threads` workers, which take chunks from a shared queue and map them;
//! - the calling thread, which puts finished chunks back in sequence and hands
//!   each result to the sink.
//!
//! A chunk may only be read once a token is free, and a token comes back when
//! its chunk has been written out. With `2 × threads + 2` tokens, at most that
//! many chunks exist at any time, whatever the order in which workers finish:
//! memory stays bounded even when one article is slow and others pile up.
//!
//! When the sink fails (a closed pipe, a full disk), the channels are dropped,
//! every thread sees it at its next send or receive and stops, and the error is
//! returned.

use std::collections::BTreeMap;
use std::sync::mpsc::sync_channel;
use std::sync::{Arc, Mutex};

/// Most records in one chunk.
pub const CHUNK_RECORDS: usize = 32;
/// A chunk is closed once its records weigh this many bytes.
pub const CHUNK_BYTES: usize = 1 << 20;

/// Maps `work` over `input` on `threads` threads and feeds the results to `sink`
/// in input order. `weight` sizes a record (its text bytes) for chunking.
///
/// With `threads <= 1` everything runs on the calling thread.
pub fn ordered_map<T, U, I, W, F, S>(
    input: I,
    threads: usize,
    weight: W,
    work: F,
    mut sink: S,
) -> anyhow::Result<()>
where
    T: Send,
    U: Send,
    I: Iterator<Item = T> + Send,
    W: Fn(&T) -> usize + Send,
    F: Fn(T) -> U + Sync,
    S: FnMut(U) -> anyhow::Result<()>,
{
    if threads <= 1 {
        for t in input {
            sink(work(t))?;
        }
        return Ok(());
    }
    let tokens = 2 * threads + 2;
    let (job_tx, job_rx) = sync_channel::<(usize, Vec<T>)>(threads);
    let job_rx = Arc::new(Mutex::new(job_rx));
    let (res_tx, res_rx) = sync_channel::<(usize, Vec<U>)>(tokens);
    let (tok_tx, tok_rx) = sync_channel::<()>(tokens);
    for _ in 0..tokens {
        tok_tx.send(())?;
    }
    std::thread::scope(|s| {
        s.spawn(move || {
            let mut seq = 0usize;
            let mut chunk = Vec::new();
            let mut bytes = 0usize;
            for t in input {
                bytes += weight(&t);
                chunk.push(t);
                if chunk.len() >= CHUNK_RECORDS || bytes >= CHUNK_BYTES {
                    if tok_rx.recv().is_err()
                        || job_tx.send((seq, std::mem::take(&mut chunk))).is_err()
                    {
                        return;
                    }
                    seq += 1;
                    bytes = 0;
                }
            }
            if !chunk.is_empty() && tok_rx.recv().is_ok() {
                let _ = job_tx.send((seq, chunk));
            }
        });
        for _ in 0..threads {
            let res_tx = res_tx.clone();
            let (job_rx, work) = (Arc::clone(&job_rx), &work);
            s.spawn(move || loop {
                let job = match job_rx.lock() {
                    Ok(rx) => rx.recv(),
                    Err(_) => return,
                };
                let Ok((seq, chunk)) = job else { return };
                let out: Vec<U> = chunk.into_iter().map(work).collect();
                if res_tx.send((seq, out)).is_err() {
                    return;
                }
            });
        }
        // Only the workers hold the job queue now: when they are gone, the reader's
        // next send fails and it stops too.
        drop(job_rx);
        drop(res_tx);
        let mut pending = BTreeMap::new();
        let mut next = 0usize;
        let mut result = Ok(());
        'outer: for (seq, out) in res_rx.iter() {
            pending.insert(seq, out);
            while let Some(out) = pending.remove(&next) {
                for u in out {
                    if let Err(e) = sink(u) {
                        result = Err(e);
                        break 'outer;
                    }
                }
                next += 1;
                let _ = tok_tx.send(());
            }
        }
        drop(res_rx);
        drop(tok_tx);
        result
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_input_order_on_many_threads() {
        for threads in [1, 2, 4, 7] {
            let mut got = Vec::new();
            let work = |i: usize| {
                if i % 13 == 5 {
                    std::thread::sleep(std::time::Duration::from_millis(1));
                }
                i * 2
            };
            ordered_map(
                0..2000usize,
                threads,
                |_| 1,
                work,
                |u| {
                    got.push(u);
                    Ok(())
                },
            )
            .unwrap();
            assert_eq!(
                got,
                (0..2000).map(|i| i * 2).collect::<Vec<_>>(),
                "threads={threads}"
            );
        }
    }

    #[test]
    fn stops_cleanly_when_the_sink_fails() {
        let mut n = 0;
        let r = ordered_map(
            0..1_000_000usize,
            4,
            |_| 1,
            |i| i,
            |_| {
                n += 1;
                if n == 100 {
                    anyhow::bail!("closed")
                }
                Ok(())
            },
        );
        assert!(r.is_err());
        assert_eq!(n, 100);
    }
}
