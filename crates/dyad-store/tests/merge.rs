//! Ingest and merge, run against an in-memory and an on-disk store.

mod common;

use dyad_store::{Filter, IngestDoc, Page, PartyFilter};

fn talks_filter() -> Filter {
    Filter {
        dyad: Some(("BLR".into(), "PRK".into())),
        event_types: vec!["CONSULT".into()],
        ..Default::default()
    }
}

#[test]
fn repeated_reports_become_one_event() {
    for (kind, mut s, _dir) in common::stores() {
        let rep = s.ingest_batch(&common::docs(&common::talks())).unwrap();
        assert_eq!(rep.docs_new, 4, "{kind}");
        assert_eq!(
            rep.mentions_repeated, 1,
            "{kind}: the mirrored mutual record is one mention"
        );
        let evs = s.query(&talks_filter(), Page::default()).unwrap();
        let dates: Vec<&str> = evs.iter().map(|e| e.date.as_str()).collect();
        assert_eq!(
            dates,
            ["2024-07-11", "2024-07-18"],
            "{kind}: a week apart stays apart"
        );
        let t = &evs[0];
        assert_eq!(
            (t.num_mentions, t.num_articles, t.num_sources),
            (3, 2, 2),
            "{kind}"
        );
        assert_eq!(
            t.location.as_ref().map(|l| l.name.as_str()),
            Some("Pyongyang")
        );
        let a = t.actor.as_ref().unwrap();
        let r = t.recipient.as_ref().unwrap();
        assert_eq!(
            (a.country.as_deref(), r.country.as_deref()),
            (Some("BLR"), Some("PRK"))
        );
        assert_eq!(r.name.as_deref(), Some("Im Chon-il"));
        let m: Vec<(&str, usize, usize)> = t
            .mentions
            .iter()
            .map(|m| (m.doc_id.as_str(), m.sentence, m.trigger.start))
            .collect();
        assert_eq!(
            m,
            [("wire-1", 1, 13), ("wire-1", 2, 11), ("kcna-1", 0, 30)],
            "{kind}"
        );
        assert!(t.mentions[0]
            .evidence
            .contains("bilateral talks in Pyongyang"));
        let st = s.stats().unwrap();
        assert_eq!((st.docs, st.events, st.mentions), (4, 5, 8), "{kind}");
    }
}

#[test]
fn reingest_changes_nothing() {
    for (kind, mut s, _dir) in common::stores() {
        let docs = common::docs(&common::talks());
        s.ingest_batch(&docs).unwrap();
        let before = s.stats().unwrap();
        let rows = s.query(&Filter::default(), Page::default()).unwrap();
        let rep = s.ingest_batch(&docs).unwrap();
        assert_eq!(rep.docs_unchanged, 4, "{kind}");
        assert_eq!(rep.records, 0, "{kind}");
        assert_eq!(s.stats().unwrap(), before, "{kind}");
        assert_eq!(
            s.query(&Filter::default(), Page::default()).unwrap(),
            rows,
            "{kind}"
        );
    }
}

#[test]
fn changed_document_replaces_its_events() {
    for (kind, mut s, _dir) in common::stores() {
        let recs = common::talks();
        s.ingest_batch(&common::docs(&recs)).unwrap();
        // kcna-1 now only reports the agreement.
        let agree: Vec<_> = recs
            .iter()
            .filter(|r| r.doc_id == "kcna-1" && r.event_type == "AGREE")
            .cloned()
            .collect();
        let rep = s
            .ingest_batch(&[IngestDoc::from_coded("kcna-1", agree)])
            .unwrap();
        assert_eq!(rep.docs_replaced, 1, "{kind}");
        let t = &s.query(&talks_filter(), Page::default()).unwrap()[0];
        assert_eq!((t.num_mentions, t.num_articles), (2, 1), "{kind}");
        // The name came only from kcna-1's report... and from wire-1's, so it stays.
        assert_eq!(
            t.recipient.as_ref().unwrap().name.as_deref(),
            Some("Im Chon-il")
        );
        // Now wire-1 disappears entirely: its AID event goes, the talks keep no mention from it.
        s.ingest_batch(&[IngestDoc::from_coded("wire-1", vec![])])
            .unwrap();
        let st = s.stats().unwrap();
        assert_eq!((st.events, st.mentions), (3, 3), "{kind}");
        let aid = Filter {
            event_types: vec!["AID".into()],
            ..Default::default()
        };
        assert_eq!(s.count(&aid).unwrap(), 0, "{kind}");
        let agree = Filter {
            event_types: vec!["AGREE".into()],
            ..Default::default()
        };
        let a = &s.query(&agree, Page::default()).unwrap()[0];
        assert_eq!((a.num_mentions, a.num_articles), (1, 1), "{kind}");
        assert_eq!(a.mentions[0].doc_id, "kcna-1");
    }
}

#[test]
fn bad_records_are_rejected_not_fatal() {
    let mut s = dyad_store::Store::open_in_memory().unwrap();
    let mut recs = common::talks();
    recs[0].date = "July 11".into();
    recs[4].quad_class = 9;
    let rep = s.ingest_batch(&common::docs(&recs)).unwrap();
    let ids: Vec<&str> = rep.rejected.iter().map(|r| r.record_id.as_str()).collect();
    assert_eq!(ids, ["wire-1:0:0", "wire-1:6:0"]);
    assert!(rep.rejected[0].reason.contains("bad date"));
    assert_eq!(
        s.stats().unwrap().events,
        4,
        "the AID event goes; AGREE survives through kcna-1"
    );
    let putin = Filter {
        actor: Some(PartyFilter {
            name: Some("putin".into()),
            ..Default::default()
        }),
        ..Default::default()
    };
    assert_eq!(s.count(&putin).unwrap(), 1);
}

#[test]
fn vague_dates_merge_then_narrow() {
    for (kind, mut s, _dir) in common::stores() {
        let base = common::talks()
            .into_iter()
            .find(|r| r.doc_id == "belta-1")
            .unwrap();
        let at = |doc: &str, date: &str| {
            let mut r = base.clone();
            r.doc_id = doc.into();
            r.id = format!("{doc}:0:0");
            r.date = date.into();
            r.location = None;
            IngestDoc::from_coded(doc, vec![r])
        };
        // "in July" first, then a precise report: one event, dated by the precise one.
        s.ingest_batch(&[at("m", "2024-07")]).unwrap();
        s.ingest_batch(&[at("d1", "2024-07-11")]).unwrap();
        let evs = s.query(&Filter::default(), Page::default()).unwrap();
        assert_eq!(evs.len(), 1, "{kind}");
        assert_eq!(
            (evs[0].date.as_str(), evs[0].num_mentions),
            ("2024-07-11", 2),
            "{kind}"
        );
        // Another meeting later that month is another event.
        s.ingest_batch(&[at("d2", "2024-07-25")]).unwrap();
        assert_eq!(s.count(&Filter::default()).unwrap(), 2, "{kind}");
        // Replacing the precise report widens the event back to the month.
        s.ingest_batch(&[IngestDoc::from_coded("d1", vec![])])
            .unwrap();
        let july = Filter {
            from: Some("2024-07-01".into()),
            to: Some("2024-07-01".into()),
            ..Default::default()
        };
        let e = &s.query(&july, Page::default()).unwrap()[0];
        assert_eq!((e.date.as_str(), e.num_mentions), ("2024-07", 1), "{kind}");
    }
}

/// The roll-up (used for whole-month questions) agrees with the events table after inserts, merges and replacements.
#[test]
fn rollup_agrees_with_events() {
    use dyad_store::{Bucket, Group};
    let mut s = dyad_store::Store::open_in_memory().unwrap();
    let recs = common::talks();
    let check = |s: &dyad_store::Store, step: &str| {
        for by in [None, Some(Bucket::Month), Some(Bucket::Year)] {
            for group in [
                None,
                Some(Group::Dyad),
                Some(Group::Actor),
                Some(Group::Type),
                Some(Group::Quad),
                Some(Group::Place),
                Some(Group::Admin1),
            ] {
                // Each filter is answered from a roll-up (pair, actor-month or place) when its
                // range is whole months, and from the events when it starts on the 2nd.
                for base in [
                    Filter::default(),
                    Filter {
                        dyad: Some(("BLR".into(), "PRK".into())),
                        ..Default::default()
                    },
                    Filter {
                        party: Some(dyad_store::PartyFilter::country("PRK")),
                        ..Default::default()
                    },
                    Filter {
                        location_country: Some("PRK".into()),
                        ..Default::default()
                    },
                ] {
                    let roll = Filter {
                        from: Some("2000-01".into()),
                        ..base.clone()
                    };
                    let scan = Filter {
                        from: Some("2000-01-02".into()),
                        ..base.clone()
                    };
                    let a = s.aggregate(&roll, by, group).unwrap();
                    let b = s.aggregate(&scan, by, group).unwrap();
                    let key = |r: &dyad_store::AggRow| {
                        (
                            r.period.clone(),
                            r.key.clone(),
                            r.count,
                            r.quad1,
                            r.quad2,
                            r.quad3,
                            r.quad4,
                            r.mentions,
                            (r.goldstein_sum * 1000.0).round() as i64,
                            r.lat.map(|v| (v * 1000.0).round() as i64),
                            r.lon.map(|v| (v * 1000.0).round() as i64),
                        )
                    };
                    assert_eq!(
                        a.iter().map(key).collect::<Vec<_>>(),
                        b.iter().map(key).collect::<Vec<_>>(),
                        "{step} {by:?} {group:?} {base:?}"
                    );
                }
            }
        }
        // The actor list: from the actor roll-up (no filter) and from the events (a filter
        // that selects everything).
        let everything = Filter {
            from: Some("1900".into()),
            ..Default::default()
        };
        assert_eq!(
            s.actors(&Filter::default(), 100).unwrap(),
            s.actors(&everything, 100).unwrap(),
            "{step} actors"
        );
    };
    s.ingest_batch(&common::docs(&recs)).unwrap();
    check(&s, "ingest");
    let agree: Vec<_> = recs
        .iter()
        .filter(|r| r.doc_id == "kcna-1" && r.event_type == "AGREE")
        .cloned()
        .collect();
    s.ingest_batch(&[IngestDoc::from_coded("kcna-1", agree)])
        .unwrap();
    check(&s, "replace");
    s.ingest_batch(&[IngestDoc::from_coded("wire-1", vec![])])
        .unwrap();
    check(&s, "delete");
}

/// Every day of a stretch crossing several 32-day buckets of the pair index: reports a day
/// apart merge, reports a week apart do not, whatever bucket each falls in.
#[test]
fn merging_across_index_buckets() {
    let base = common::talks()[1].clone();
    let day = |n: i64| {
        (chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + chrono::Duration::days(n))
            .format("%Y-%m-%d")
            .to_string()
    };
    let rec = |doc: &str, date: String, basis: dyad_core::schema::DateBasis| {
        let mut r = base.clone();
        r.id = format!("{doc}:1:0");
        r.doc_id = doc.to_string();
        r.date = date;
        r.date_basis = basis;
        r.location = None;
        IngestDoc::from_coded(doc, vec![r])
    };
    use dyad_core::schema::DateBasis::{Publication, Text};
    for d in 0..70i64 {
        for (gap, basis, merge) in [
            (1, Text, true),
            (-1, Text, true),
            (7, Text, false),
            (-7, Text, false),
            (3, Publication, true),
        ] {
            let mut s = dyad_store::Store::open_in_memory().unwrap();
            s.ingest_batch(&[rec("a", day(d), Text)]).unwrap();
            let r = s.ingest_batch(&[rec("b", day(d + gap), basis)]).unwrap();
            assert_eq!(
                r.events_merged == 1,
                merge,
                "day {} then {} ({basis:?})",
                day(d),
                day(d + gap)
            );
        }
        // A report dated only to the month finds the event wherever it lies in the month.
        let mut s = dyad_store::Store::open_in_memory().unwrap();
        s.ingest_batch(&[rec("a", day(d), Text)]).unwrap();
        let r = s
            .ingest_batch(&[rec("b", day(d)[..7].to_string(), Text)])
            .unwrap();
        assert_eq!(r.events_merged, 1, "{} then its month", day(d));
    }
}
