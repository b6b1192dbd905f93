//! Keyset pages: walking a selection cursor by cursor gives exactly the offset pages.

mod common;

use dyad_store::{Cursor, Filter, IngestDoc, Page, Store};

/// Documents whose events share days (ties broken by id) and interleave two pairs.
fn docs() -> Vec<IngestDoc> {
    let base = common::talks();
    (0..40)
        .map(|d| {
            let recs = (0..5)
                .map(|k| {
                    let mut r = base[1].clone();
                    r.id = format!("p{d}:{k}:0");
                    r.doc_id = format!("p{d}");
                    r.sentence = k;
                    r.date = format!(
                        "2023-{:02}-{:02}",
                        1 + (d * 7 + k) % 12,
                        1 + 6 * ((d + 2 * k) % 4)
                    );
                    r.location = None;
                    if (d + k) % 3 == 0 {
                        r.recipient.as_mut().unwrap().country = Some("RUS".into());
                    }
                    r
                })
                .collect();
            IngestDoc::from_coded(format!("p{d}"), recs)
        })
        .collect()
}

#[test]
fn cursor_pages_equal_offset_pages() {
    for (name, mut s, _dir) in common::stores() {
        s.ingest_batch(&docs()).unwrap();
        for f in [
            Filter::default(),
            Filter {
                dyad: Some(("RUS".into(), "PRK".into())),
                ..Default::default()
            },
            Filter {
                from: Some("2023-04".into()),
                to: Some("2023-09-02".into()),
                ..Default::default()
            },
        ] {
            let all = s
                .query(
                    &f,
                    Page {
                        limit: 10_000,
                        offset: 0,
                        mentions: false,
                    },
                )
                .unwrap();
            assert!(all.len() > 15, "{name}: {} events is too few", all.len());
            for limit in [1, 7, 50] {
                let mut got = Vec::new();
                let mut after: Option<Cursor> = None;
                loop {
                    let page = s.query_after(&f, after, limit, false).unwrap();
                    assert!(page.items.len() <= limit);
                    got.extend(page.items);
                    match page.next {
                        Some(c) => {
                            // The cursor survives its text form.
                            after = Some(c.to_string().parse().unwrap());
                        }
                        None => break,
                    }
                }
                let ids = |v: &[dyad_store::EventRow]| v.iter().map(|e| e.id).collect::<Vec<_>>();
                assert_eq!(ids(&got), ids(&all), "{name} {f:?} limit {limit}");
            }
        }
        assert!("12".parse::<Cursor>().is_err() && "a.b".parse::<Cursor>().is_err());
    }
}

#[test]
fn mentions_come_with_cursor_pages() {
    let mut s = Store::open_in_memory().unwrap();
    s.ingest_batch(&common::docs(&common::talks())).unwrap();
    let page = s.query_after(&Filter::default(), None, 100, true).unwrap();
    let offset = s.query(&Filter::default(), Page::default()).unwrap();
    assert_eq!(page.items, offset);
    assert!(page.next.is_none());
}
