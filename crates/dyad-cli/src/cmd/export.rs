//! `dyad export`: the store (or a filtered part) as JSONL, CSV, GDELT 2.0 rows or a Parquet dataset.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use dyad_store::Store;

use super::query::FilterArgs;

/// Export format.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One event per line, with its mentions.
    Jsonl,
    /// One flat row per event, with a header.
    Csv,
    /// GDELT 2.0 event table columns, tab-separated, no header.
    Gdelt,
    /// A directory partitioned `year=YYYY/month=MM/part-NNNNN.parquet`.
    Parquet,
}

/// Arguments of `dyad export`.
#[derive(clap::Args)]
pub struct Args {
    /// The database file.
    #[arg(long, default_value = "dyad.db")]
    pub db: PathBuf,
    /// Output format.
    #[arg(long, value_enum)]
    pub format: Format,
    /// Output file (`-` for stdout), or the dataset directory for parquet (missing or empty).
    #[arg(short = 'o', long = "output")]
    pub output: PathBuf,
    #[command(flatten)]
    pub filter: FilterArgs,
}

/// Runs `dyad export`.
pub fn run(args: Args) -> anyhow::Result<()> {
    let store = Store::open_read_only(&args.db)?;
    let filter = args.filter.to_filter()?;
    let out_name = args.output.display().to_string();
    if args.format == Format::Parquet {
        anyhow::ensure!(
            out_name != "-",
            "parquet export needs a directory, not stdout"
        );
        let rep = store.export_parquet(&filter, &args.output)?;
        eprintln!(
            "dyad: exported {} events to {} ({} files)",
            rep.rows,
            out_name,
            rep.files.len()
        );
        return Ok(());
    }
    let sink: Box<dyn Write> = if out_name == "-" {
        Box::new(std::io::stdout().lock())
    } else {
        Box::new(
            std::fs::File::create(&args.output)
                .with_context(|| format!("cannot create {out_name}"))?,
        )
    };
    let w = std::io::BufWriter::with_capacity(1 << 16, sink);
    let n = match args.format {
        Format::Csv => store.export_csv(&filter, w),
        Format::Gdelt => store.export_gdelt(&filter, w),
        Format::Jsonl | Format::Parquet => store.export_jsonl(&filter, w),
    }
    .map_err(|e| match e {
        // Keep the io::Error itself in the chain, so a closed pipe is a normal exit.
        dyad_store::Error::Io(io) => anyhow::Error::from(io),
        e => anyhow::Error::from(e),
    })?;
    eprintln!("dyad: exported {n} events to {out_name}");
    Ok(())
}
