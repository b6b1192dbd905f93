//! Store benchmark: ingest throughput and query latency over generated events.
//!
//! `DYAD_BENCH_EVENTS` (default 200000) records are generated: 10 per document,
//! 60 countries with Zipf-like weights, 16 event types. Documents arrive in
//! publication order over 2015-2024, as news does, and report events of the
//! publication day or up to 3 days before; one record in eight is a repeated
//! report of a recent event from another document (so merging is exercised). They are ingested in batches of 5,000
//! documents into a file in `DYAD_BENCH_DIR` (default: the temp dir), then the
//! analysts' questions are timed: a dyad-month series for the busiest pair, the
//! top 20 dyads of one year, a page of that pair's events with mentions, and a
//! text search.
//!
//! Run: `DYAD_BENCH_EVENTS=10000000 cargo bench -p dyad-store`. `DYAD_BENCH_DAYS`
//! (default 3650) sets how many days the news covers, `DYAD_BENCH_BATCH` the
//! documents per batch, `DYAD_BENCH_NO_CACHE` turns the merge cache off and
//! `DYAD_BENCH_FG_CHECKPOINT` leaves checkpoints to the writer, `DYAD_BENCH_SQL` runs SQL on
//! the new file first (settings such as FTS5's `automerge`), and
//! `DYAD_BENCH_JSONL=PATH` writes the records as coded JSONL for `dyad ingest --coded`.

use std::time::{Duration, Instant};

/// The allocator of the `dyad` binary, so the figures are what `dyad ingest` does.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use dyad_core::schema::{ActorRef, DateBasis, EventRecord, Location, TextSpan};
use dyad_store::{Bucket, Cursor, Filter, Group, IngestDoc, Page, Store};

const COUNTRIES: [&str; 60] = [
    "USA", "CHN", "RUS", "UKR", "ISR", "IRN", "GBR", "FRA", "DEU", "IND", "PAK", "PRK", "KOR",
    "JPN", "TUR", "SYR", "IRQ", "AFG", "SAU", "EGY", "BLR", "POL", "ITA", "ESP", "BRA", "MEX",
    "VEN", "COL", "NGA", "ETH", "SDN", "SOM", "KEN", "ZAF", "LBY", "YEM", "LBN", "JOR", "QAT",
    "ARE", "TWN", "PHL", "VNM", "IDN", "MYS", "AUS", "CAN", "ARG", "CHL", "PER", "CUB", "GEO",
    "ARM", "AZE", "KAZ", "UZB", "MMR", "THA", "BGD", "NPL",
];
const TYPES: [(&str, &str, u8, f64, bool); 16] = [
    ("CONSULT", "040", 1, 1.0, true),
    ("AGREE", "057", 1, 4.0, true),
    ("SUPPORT", "051", 1, 3.4, false),
    ("REQUEST", "020", 1, 3.0, false),
    ("COOPERATE", "060", 2, 6.0, true),
    ("AID", "070", 2, 7.0, false),
    ("YIELD", "080", 2, 5.0, false),
    ("ACCUSE", "112", 3, -2.0, false),
    ("REJECT", "120", 3, -4.0, false),
    ("THREATEN", "130", 3, -4.4, false),
    ("PROTEST", "140", 3, -6.5, false),
    ("SANCTION", "163", 3, -8.0, false),
    ("MOBILIZE", "150", 4, -7.2, false),
    ("COERCE", "170", 4, -7.0, false),
    ("ASSAULT", "180", 4, -9.0, false),
    ("RETREAT", "087", 2, 5.0, false),
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E3779B97F4A7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58476D1CE4E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D049BB133111EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// Zipf-like: index i with weight about 1/(i+1).
    fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        (((n as f64 + 1.0).powf(u) - 1.0) as usize).min(n - 1)
    }
}

fn actor(c: &str) -> ActorRef {
    ActorRef {
        text: c.to_string(),
        start: 0,
        end: 3,
        country: Some(c.to_string()),
        sector: Some("GOV".into()),
        name: None,
        role: None,
    }
}

/// Fresh events kept for repeated reports: about the last two weeks of news.
const RECENT: usize = 40_000;

/// A place for one event in three: a city of the actor's country (deterministic, so repeated reports agree).
fn place(a: usize, b: usize, t: usize, day: i64) -> Option<Location> {
    if !(day as usize + t + b).is_multiple_of(3) {
        return None;
    }
    let k = (a * 7 + b * 3 + t) % 5;
    Some(Location {
        text: format!("City{k}"),
        start: 0,
        end: 5,
        name: format!("City{k} of {}", COUNTRIES[a]),
        country: Some(COUNTRIES[a].into()),
        admin1: Some(format!("Province{k}")),
        lat: -60.0 + (a as f64) * 2.0 + k as f64 * 0.1,
        lon: -170.0 + (a as f64) * 5.0 + k as f64 * 0.1,
        geonames_id: Some((a * 10 + k) as u64),
        feature_class: Some("P".into()),
    })
}

fn make_record(
    rng: &mut Rng,
    doc: &str,
    sent: usize,
    fresh: bool,
    published: i64,
    prev: &mut Vec<(usize, usize, usize, i64)>,
) -> EventRecord {
    let (a, b, t, day) = if !fresh && !prev.is_empty() {
        prev[rng.below(prev.len())]
    } else {
        let a = rng.zipf(COUNTRIES.len());
        let mut b = rng.zipf(COUNTRIES.len());
        if b == a {
            b = (b + 1) % COUNTRIES.len();
        }
        let day = published - rng.below(4) as i64;
        let v = (a, b, rng.below(TYPES.len()), day);
        if prev.len() < RECENT {
            prev.push(v);
        } else {
            let i = rng.below(prev.len());
            prev[i] = v;
        }
        v
    };
    let (ty, cameo, quad, gold, mutual) = TYPES[t];
    let date = chrono::NaiveDate::from_num_days_from_ce_opt(719_163 + day as i32)
        .unwrap()
        .format("%Y-%m-%d")
        .to_string();
    EventRecord {
        id: format!("{doc}:{sent}:0"),
        doc_id: doc.to_string(),
        sentence: sent,
        event_type: ty.into(),
        mode: None,
        context: vec![],
        cameo: cameo.into(),
        quad_class: quad,
        goldstein: gold,
        actor: Some(actor(COUNTRIES[a])),
        recipient: Some(actor(COUNTRIES[b])),
        mutual,
        date,
        date_basis: DateBasis::Text,
        location: place(a, b, t, day),
        reported_by: None,
        negated: false,
        modality: "asserted".into(),
        trigger: TextSpan { text: ty.to_lowercase(), start: 4, end: 4 + ty.len() },
        rule: None,
        evidence: format!(
            "{} officials {} their {} counterparts on day {day} of the talks, sentence {sent} of {doc}.",
            COUNTRIES[a],
            ty.to_lowercase(),
            COUNTRIES[b]
        ),
    }
}

fn time<T>(label: &str, f: impl Fn() -> T, show: impl Fn(&T) -> String) {
    let mut best = Duration::MAX;
    let mut first = Duration::ZERO;
    let mut out = String::new();
    for i in 0..3 {
        let t = Instant::now();
        let v = f();
        let d = t.elapsed();
        if i == 0 {
            first = d;
            out = show(&v);
        }
        best = best.min(d);
    }
    println!(
        "  {label:<44} first {:>8.1} ms   best {:>8.1} ms   ({out})",
        ms(first),
        ms(best)
    );
}

/// User plus system CPU time of this process (Linux `/proc/self/stat`; 0 elsewhere).
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    let after = stat.rsplit(')').next().unwrap_or("");
    let f: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let n: usize = std::env::var("DYAD_BENCH_EVENTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200_000);
    let dir = std::env::var("DYAD_BENCH_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|_| std::env::temp_dir());
    let path = dir.join(format!("dyad-bench-{n}.db"));
    for ext in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", path.display()));
    }
    let mut store = Store::open(&path).expect("open bench db");
    if let Ok(p) = std::env::var("DYAD_BENCH_PRAGMAS") {
        store.run_pragmas(&p).expect("pragmas");
        println!("pragmas: {p}");
    }
    if let Ok(sql) = std::env::var("DYAD_BENCH_SQL") {
        // Settings kept in the file (such as FTS5's), written by a second connection.
        rusqlite::Connection::open(&path)
            .and_then(|c| c.execute_batch(&sql))
            .expect("DYAD_BENCH_SQL");
        println!("sql: {sql}");
    }
    if std::env::var("DYAD_BENCH_FG_CHECKPOINT").is_ok() {
        println!("checkpoints in the writer");
    } else {
        store.checkpoint_in_background().expect("checkpoint thread");
    }
    if std::env::var("DYAD_BENCH_NO_CACHE").is_ok() {
        store.set_merge_cache(false);
        println!("merge cache off");
    }
    let mut rng = Rng(42);
    let mut prev = Vec::new();
    // Documents per batch: 5,000 (50,000 records, the most `dyad ingest` puts in one transaction).
    let per_batch: usize = std::env::var("DYAD_BENCH_BATCH")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5000);
    let per_doc = 10usize;
    // Days the news covers (default ten years). Fewer days give a small run the
    // density of a big one: 1,000,000 records over 365 days is 10M's 2,740 a day.
    let span_days: usize = std::env::var("DYAD_BENCH_DAYS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3650);
    // `DYAD_BENCH_JSONL=PATH` also writes the generated records as coded JSONL, so
    // that `dyad ingest --coded PATH` can be timed on the same stream.
    let mut dump = std::env::var("DYAD_BENCH_JSONL")
        .ok()
        .map(|p| std::io::BufWriter::new(std::fs::File::create(p).expect("create JSONL dump")));
    let mut ingest = Duration::ZERO;
    let mut cpu = 0.0;
    let mut written = 0usize;
    let mut merged = 0usize;
    let mut d = 0usize;
    println!("dyad-store bench: {n} records into {}", path.display());
    while written < n {
        let mut docs = Vec::with_capacity(per_batch);
        for _ in 0..per_batch {
            if written + docs.len() * per_doc >= n {
                break;
            }
            let id = format!("doc-{d}");
            // Publication days run through 2015-01-04 .. 2024-12-31 in order, as news arrives.
            let published = 16439 + (d * per_doc * span_days / n.max(1)) as i64;
            d += 1;
            let recs: Vec<EventRecord> = (0..per_doc)
                .map(|s| {
                    let fresh = rng.below(8) != 0 || s == 0;
                    make_record(&mut rng, &id, s, fresh, published, &mut prev)
                })
                .collect();
            docs.push(IngestDoc::from_coded(id, recs));
        }
        if docs.is_empty() {
            break;
        }
        if let Some(out) = dump.as_mut() {
            use std::io::Write;
            for r in docs.iter().flat_map(|d| &d.events) {
                serde_json::to_writer(&mut *out, r).expect("write JSONL");
                out.write_all(b"\n").expect("write JSONL");
            }
        }
        let t = Instant::now();
        let c = cpu_seconds();
        let rep = store.ingest_batch(&docs).expect("ingest");
        ingest += t.elapsed();
        cpu += cpu_seconds() - c;
        written += rep.records;
        merged += rep.events_merged;
        if written % 1_000_000 < per_batch * per_doc {
            eprintln!(
                "  ... {written} records, {:.0} records/s",
                written as f64 / ingest.as_secs_f64()
            );
        }
    }
    let st = store.stats().unwrap();
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!(
        "ingest: {written} records ({merged} merged) -> {} events, {} mentions in {:.1} s = {:.0} records/s \
         (CPU {:.1} s = {:.0} records/CPU-s); db {:.0} MiB",
        st.events,
        st.mentions,
        ingest.as_secs_f64(),
        written as f64 / ingest.as_secs_f64(),
        cpu,
        written as f64 / cpu.max(1e-9),
        size as f64 / (1 << 20) as f64
    );
    drop(store);
    let store = Store::open_read_only(&path).unwrap();
    println!("queries over {} events:", st.events);
    let pair = Filter {
        dyad: Some(("USA".into(), "CHN".into())),
        ..Default::default()
    };
    time(
        "dyad-month series USA,CHN (all years)",
        || store.aggregate(&pair, Some(Bucket::Month), None).unwrap(),
        |r| {
            format!(
                "{} months, {} events",
                r.len(),
                r.iter().map(|x| x.count).sum::<u64>()
            )
        },
    );
    let pair_since = Filter {
        from: Some("2022".into()),
        ..pair.clone()
    };
    time(
        "dyad-month series USA,CHN since 2022",
        || {
            store
                .aggregate(&pair_since, Some(Bucket::Month), None)
                .unwrap()
        },
        |r| format!("{} months", r.len()),
    );
    let year = Filter {
        from: Some("2020".into()),
        to: Some("2020".into()),
        ..Default::default()
    };
    time(
        "top 20 dyads in 2020",
        || {
            store
                .aggregate_top(&year, None, Some(Group::Dyad), Some(20))
                .unwrap()
        },
        |r| {
            format!(
                "top {} with {} events",
                r.first().and_then(|x| x.key.clone()).unwrap_or_default(),
                r.first().map_or(0, |x| x.count)
            )
        },
    );
    time(
        "quad-class series by year (all events)",
        || {
            store
                .aggregate(&Filter::default(), Some(Bucket::Year), Some(Group::Quad))
                .unwrap()
        },
        |r| format!("{} rows", r.len()),
    );
    time(
        "whole store by month",
        || {
            store
                .aggregate(&Filter::default(), Some(Bucket::Month), None)
                .unwrap()
        },
        |r| format!("{} months", r.len()),
    );
    time(
        "whole store, top 300 actor countries",
        || {
            store
                .aggregate_top(&Filter::default(), None, Some(Group::Actor), Some(300))
                .unwrap()
        },
        |r| format!("{} rows", r.len()),
    );
    time(
        "whole store by place country",
        || {
            store
                .aggregate(&Filter::default(), None, Some(Group::Place))
                .unwrap()
        },
        |r| format!("{} places", r.len()),
    );
    time(
        "places (admin1) in 2020",
        || store.aggregate(&year, None, Some(Group::Admin1)).unwrap(),
        |r| format!("{} places", r.len()),
    );
    time(
        "actor list, top 100 (whole store)",
        || store.actors(&Filter::default(), 100).unwrap(),
        |r| format!("{} actors", r.len()),
    );
    time(
        "actor list, top 100 of USA,CHN since 2022",
        || store.actors(&pair_since, 100).unwrap(),
        |r| format!("{} actors", r.len()),
    );
    let middle = Cursor {
        day: 16436 + 1826,
        id: 0,
    };
    time(
        "page of 100 events after a cursor mid-store",
        || {
            store
                .query_after(&Filter::default(), Some(middle), 100, true)
                .unwrap()
        },
        |p| format!("{} events", p.items.len()),
    );
    time(
        "page of 100 events at offset events/2",
        || {
            store
                .query(
                    &Filter::default(),
                    Page {
                        limit: 100,
                        offset: st.events as usize / 2,
                        mentions: true,
                    },
                )
                .unwrap()
        },
        |r| format!("{} events", r.len()),
    );
    time(
        "page of 100 USA,CHN events with mentions",
        || store.query(&pair_since, Page::default()).unwrap(),
        |r| format!("{} events", r.len()),
    );
    let text = Filter {
        text: Some("PRK counterparts".into()),
        from: Some("2024-06".into()),
        to: Some("2024-06".into()),
        ..Default::default()
    };
    time(
        "text search, one month (a word in every sentence)",
        || store.count(&text).unwrap(),
        |c| format!("{c} events"),
    );
    let rare = Filter {
        text: Some("PRK 19875".into()),
        from: Some("2024-06".into()),
        to: Some("2024-06".into()),
        ..Default::default()
    };
    time(
        "text search, one month (rarer words)",
        || store.count(&rare).unwrap(),
        |c| format!("{c} events"),
    );
}
