//! `dyad query`: filter the event store, list events or aggregate them.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use anyhow::Context;
use dyad_store::export::{csv_field, csv_record, CSV_COLUMNS};
use dyad_store::{AggRow, BBox, Bucket, Cursor, EventRow, Filter, Group, Page, PartyFilter, Store};

/// The filters `dyad query` and `dyad export` share.
#[derive(clap::Args, Clone, Debug, Default)]
pub struct FilterArgs {
    /// Actor country (ISO alpha-3 or PLOVER code).
    #[arg(long)]
    pub actor: Option<String>,
    /// Actor sector (GOV, MIL, ...).
    #[arg(long)]
    pub actor_sector: Option<String>,
    /// Part of the actor's name.
    #[arg(long)]
    pub actor_name: Option<String>,
    /// Recipient country.
    #[arg(long)]
    pub recipient: Option<String>,
    /// Recipient sector.
    #[arg(long)]
    pub recipient_sector: Option<String>,
    /// Part of the recipient's name.
    #[arg(long)]
    pub recipient_name: Option<String>,
    /// A country on either side.
    #[arg(long)]
    pub party: Option<String>,
    /// A pair of countries, either direction: `BLR,PRK`.
    #[arg(long)]
    pub dyad: Option<String>,
    /// PLOVER event types (comma-separated).
    #[arg(long = "type", value_delimiter = ',')]
    pub event_type: Vec<String>,
    /// Quad classes 1-4 (comma-separated).
    #[arg(long, value_delimiter = ',')]
    pub quad: Vec<u8>,
    /// From this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long)]
    pub from: Option<String>,
    /// Up to this date, inclusive.
    #[arg(long)]
    pub to: Option<String>,
    /// Country of the event's place.
    #[arg(long)]
    pub location_country: Option<String>,
    /// Bounding box `min_lon,min_lat,max_lon,max_lat`.
    #[arg(long)]
    pub bbox: Option<String>,
    /// Words that must occur in an evidence sentence.
    #[arg(long)]
    pub text: Option<String>,
    /// Events mentioned in this document id.
    #[arg(long)]
    pub doc: Option<String>,
}

fn party(
    country: &Option<String>,
    sector: &Option<String>,
    name: &Option<String>,
) -> Option<PartyFilter> {
    (country.is_some() || sector.is_some() || name.is_some()).then(|| PartyFilter {
        country: country.clone(),
        sector: sector.clone(),
        name: name.clone(),
    })
}

impl FilterArgs {
    /// The store filter these flags describe.
    pub fn to_filter(&self) -> anyhow::Result<Filter> {
        let dyad = match &self.dyad {
            None => None,
            Some(d) => {
                let parts: Vec<&str> = d
                    .split([',', '-'])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .collect();
                anyhow::ensure!(
                    parts.len() == 2,
                    "--dyad needs two country codes, e.g. BLR,PRK (got {d:?})"
                );
                Some((parts[0].to_string(), parts[1].to_string()))
            }
        };
        let bbox = match &self.bbox {
            None => None,
            Some(b) => {
                let v: Vec<f64> = b
                    .split(',')
                    .map(|x| x.trim().parse::<f64>())
                    .collect::<Result<_, _>>()
                    .with_context(|| {
                        format!("--bbox {b:?}: expected min_lon,min_lat,max_lon,max_lat")
                    })?;
                anyhow::ensure!(v.len() == 4, "--bbox {b:?}: expected four numbers");
                Some(BBox {
                    min_lon: v[0],
                    min_lat: v[1],
                    max_lon: v[2],
                    max_lat: v[3],
                })
            }
        };
        Ok(Filter {
            actor: party(&self.actor, &self.actor_sector, &self.actor_name),
            recipient: party(
                &self.recipient,
                &self.recipient_sector,
                &self.recipient_name,
            ),
            party: self.party.as_ref().map(|c| PartyFilter::country(c)),
            dyad,
            event_types: self.event_type.clone(),
            quad_classes: self.quad.clone(),
            from: self.from.clone(),
            to: self.to.clone(),
            location_country: self.location_country.clone(),
            bbox,
            text: self.text.clone(),
            doc_id: self.doc.clone(),
        })
    }
}

/// Output format of `dyad query`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Aligned columns (the default on a terminal).
    Table,
    /// One JSON object per line (the default otherwise).
    Jsonl,
    /// Comma-separated, with a header.
    Csv,
}

/// Arguments of `dyad query`.
#[derive(clap::Args)]
pub struct Args {
    /// The database file.
    #[arg(long, default_value = "dyad.db")]
    pub db: PathBuf,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Aggregate by time bucket: day, week, month or year.
    #[arg(long)]
    pub by: Option<String>,
    /// Aggregate by key: dyad, actor, type, quad, place (the place's country) or admin1.
    #[arg(long)]
    pub group: Option<String>,
    /// Output format.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// At most this many events (default 100) or aggregate rows (default all).
    #[arg(long)]
    pub limit: Option<usize>,
    /// Skip this many events.
    #[arg(long, default_value_t = 0, conflicts_with = "after")]
    pub offset: usize,
    /// Start after this cursor (`DAY.ID`, printed on stderr after each page): deep pages stay fast.
    #[arg(long)]
    pub after: Option<String>,
    /// Leave out each event's mentions.
    #[arg(long)]
    pub no_mentions: bool,
}

/// Runs `dyad query`.
pub fn run(args: Args) -> anyhow::Result<()> {
    let store = Store::open_read_only(&args.db)?;
    let filter = args.filter.to_filter()?;
    let format = args.format.unwrap_or(if std::io::stdout().is_terminal() {
        Format::Table
    } else {
        Format::Jsonl
    });
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    if args.by.is_some() || args.group.is_some() {
        let by: Option<Bucket> = args.by.as_deref().map(str::parse).transpose()?;
        let group: Option<Group> = args.group.as_deref().map(str::parse).transpose()?;
        let rows = store.aggregate_top(&filter, by, group, args.limit)?;
        write_aggregates(&mut out, &rows, format)?;
        out.flush()?;
        eprintln!(
            "dyad: {} aggregate rows over {} events",
            rows.len(),
            rows.iter().map(|r| r.count).sum::<u64>()
        );
        return Ok(());
    }
    let limit = args.limit.unwrap_or(100);
    let (events, next) = match &args.after {
        Some(c) => {
            let cursor: Cursor = c.parse()?;
            let page = store.query_after(&filter, Some(cursor), limit, !args.no_mentions)?;
            (page.items, page.next)
        }
        None => {
            let page = Page {
                limit,
                offset: args.offset,
                mentions: !args.no_mentions,
            };
            let events = store.query(&filter, page)?;
            let next = events.last().map(Cursor::of);
            (events, next)
        }
    };
    write_events(&mut out, &events, format)?;
    out.flush()?;
    let total = store.count(&filter)?;
    eprintln!("dyad: {} events shown of {} matching", events.len(), total);
    if let Some(c) = next.filter(|_| events.len() == limit) {
        eprintln!("dyad: next page: --after {c}");
    }
    Ok(())
}

fn write_events(out: &mut impl Write, events: &[EventRow], format: Format) -> anyhow::Result<()> {
    match format {
        Format::Jsonl => {
            for e in events {
                serde_json::to_writer(&mut *out, e)?;
                writeln!(out)?;
            }
        }
        Format::Csv => {
            writeln!(out, "{}", CSV_COLUMNS.join(","))?;
            for e in events {
                writeln!(out, "{}", csv_record(e))?;
            }
        }
        Format::Table => {
            writeln!(
                out,
                "{:>8}  {:<10}  {:<10}  {:>1}  {:>5}  {:<28}  {:<28}  {:<16}  {:>4} {:>4} {:>4}",
                "id",
                "date",
                "type",
                "q",
                "gold",
                "actor",
                "recipient",
                "place",
                "ment",
                "art",
                "src"
            )?;
            for e in events {
                let p = |p: &Option<dyad_store::Party>| {
                    p.as_ref()
                        .map(|p| {
                            let mut s = p.country.clone().unwrap_or_else(|| "?".into());
                            if let Some(x) = &p.sector {
                                s.push_str(&format!(" {x}"));
                            }
                            if let Some(x) = &p.name {
                                s.push_str(&format!(" {x}"));
                            }
                            s
                        })
                        .unwrap_or_else(|| "-".into())
                };
                let arrow = if e.mutual { "<>" } else { "" };
                writeln!(
                    out,
                    "{:>8}  {:<10}  {:<10}  {:>1}  {:>5.1}  {:<28}  {:<28}  {:<16}  {:>4} {:>4} {:>4}",
                    e.id,
                    e.date,
                    format!("{}{}", e.event_type, arrow),
                    e.quad_class,
                    e.goldstein,
                    cut(&p(&e.actor), 28),
                    cut(&p(&e.recipient), 28),
                    cut(e.location.as_ref().map_or("-", |l| l.name.as_str()), 16),
                    e.num_mentions,
                    e.num_articles,
                    e.num_sources
                )?;
                for m in &e.mentions {
                    writeln!(
                        out,
                        "{:>10}{} s{} [{}..{}] {:?}: {}",
                        "",
                        m.doc_id,
                        m.sentence,
                        m.trigger.start,
                        m.trigger.end,
                        m.trigger.text,
                        cut(&m.evidence, 100)
                    )?;
                }
            }
        }
    }
    Ok(())
}

fn cut(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

fn write_aggregates(out: &mut impl Write, rows: &[AggRow], format: Format) -> anyhow::Result<()> {
    match format {
        Format::Jsonl => {
            for r in rows {
                serde_json::to_writer(&mut *out, r)?;
                writeln!(out)?;
            }
        }
        Format::Csv => {
            writeln!(
                out,
                "period,key,count,goldstein_sum,goldstein_mean,quad1,quad2,quad3,quad4,mentions"
            )?;
            for r in rows {
                writeln!(
                    out,
                    "{},{},{},{},{},{},{},{},{},{}",
                    csv_field(r.period.as_deref().unwrap_or("")),
                    csv_field(r.key.as_deref().unwrap_or("")),
                    r.count,
                    r.goldstein_sum,
                    r.goldstein_mean,
                    r.quad1,
                    r.quad2,
                    r.quad3,
                    r.quad4,
                    r.mentions
                )?;
            }
        }
        Format::Table => {
            writeln!(
                out,
                "{:<10}  {:<12}  {:>8}  {:>9}  {:>6}  {:>7} {:>7} {:>7} {:>7}  {:>8}",
                "period", "key", "count", "gold_sum", "mean", "q1", "q2", "q3", "q4", "mentions"
            )?;
            for r in rows {
                writeln!(
                    out,
                    "{:<10}  {:<12}  {:>8}  {:>9.1}  {:>6.2}  {:>7} {:>7} {:>7} {:>7}  {:>8}",
                    r.period.as_deref().unwrap_or("-"),
                    r.key.as_deref().unwrap_or("-"),
                    r.count,
                    r.goldstein_sum,
                    r.goldstein_mean,
                    r.quad1,
                    r.quad2,
                    r.quad3,
                    r.quad4,
                    r.mentions
                )?;
            }
        }
    }
    Ok(())
}
