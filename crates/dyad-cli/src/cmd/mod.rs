//! One module per subcommand.

pub mod actor;
pub mod annotate;
pub mod bench;
pub mod code;
pub mod eval;
pub mod eval_geo;
pub mod eval_plover;
pub mod eval_timeml;
pub mod export;
pub mod ingest;
pub mod query;
pub mod serve;

/// Options that shape the coder: the user's lexicons and gazetteer additions.
#[derive(clap::Args, Clone, Debug, Default)]
pub struct CoderArgs {
    /// Extra lexicon files or directories (override the built-in entries).
    #[arg(long = "lexicon", value_name = "PATH")]
    pub lexicons: Vec<std::path::PathBuf>,
    /// Extra gazetteer entries: a TSV file `name lat lon country class.code population
    /// alternates admin1 geonameid` (docs/geo.md).
    #[arg(long = "places", value_name = "FILE")]
    pub places: Vec<std::path::PathBuf>,
    /// A GeoNames dump (`allCountries.txt`, `citiesNNN.txt` or a country file) whose places are
    /// added to the gazetteer; places already present take GeoNames' coordinates.
    #[arg(long = "geonames", value_name = "FILE")]
    pub geonames: Vec<std::path::PathBuf>,
}

impl CoderArgs {
    /// Builds the coder; a broken file is an error naming the file and line.
    pub fn coder(&self) -> anyhow::Result<dyad_core::Coder> {
        let lex = lexicons(&self.lexicons)?;
        if self.places.is_empty() && self.geonames.is_empty() {
            return Ok(dyad_core::Coder::with_lexicons(lex));
        }
        let mut gaz = dyad_geo::Gazetteer::builtin();
        let read = |f: &std::path::Path| {
            std::fs::read_to_string(f)
                .map_err(|e| anyhow::anyhow!("cannot read gazetteer file {}: {e}", f.display()))
        };
        for f in &self.places {
            let n = gaz
                .add_tsv(&read(f)?)
                .map_err(|e| anyhow::anyhow!("{}: {e}", f.display()))?;
            eprintln!("dyad: {n} places added from {}", f.display());
        }
        for f in &self.geonames {
            let n = gaz
                .add_geonames(&read(f)?)
                .map_err(|e| anyhow::anyhow!("{}: {e}", f.display()))?;
            eprintln!("dyad: {n} GeoNames places added from {}", f.display());
        }
        Ok(dyad_core::Coder::with_parts(lex, gaz))
    }
}

/// The built-in lexicons extended by the user's files (or every `*.tsv` in a directory).
fn lexicons(paths: &[std::path::PathBuf]) -> anyhow::Result<dyad_core::lexicon::Lexicons> {
    let mut lex = dyad_core::lexicon::Lexicons::builtin();
    for p in paths {
        let files: Vec<std::path::PathBuf> = if p.is_dir() {
            let mut v: Vec<_> = std::fs::read_dir(p)?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
                .collect();
            v.sort();
            v
        } else {
            vec![p.clone()]
        };
        for f in files {
            let content = std::fs::read_to_string(&f)
                .map_err(|e| anyhow::anyhow!("cannot read lexicon {}: {e}", f.display()))?;
            lex.extend(&f.display().to_string(), &content)?;
        }
    }
    Ok(lex)
}
