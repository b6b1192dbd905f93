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

/// A coder with the built-in lexicons extended by the user's files (or every
/// `*.tsv` in a directory); a broken file is an error naming file and line.
pub fn coder(paths: &[std::path::PathBuf]) -> anyhow::Result<dyad_core::Coder> {
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
    Ok(dyad_core::Coder::with_lexicons(lex))
}
