//! Lexicons: the data files under `data/`, compiled in, plus the user's own.
//!
//! Every file is a UTF-8 TSV with `#` comments; `docs/lexicons.md` describes
//! each format. [`Lexicons::builtin`] reads the copies compiled into the
//! binary; [`Lexicons::extend`] adds a user's file of the same format, whose
//! entries override built-in ones for the same phrase.
//!
//! Actor phrases are compiled into a [`PhraseTable`] keyed by normalised
//! tokens; event triggers into [`triggers::TriggerTable`].

mod actors;
mod phrases;
pub mod triggers;

pub use actors::{Atom, AtomKind, Office, Person};
pub use phrases::PhraseTable;

/// An error in a lexicon file: which file, which line, what is wrong.
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
#[error("{file}:{line}: {msg}")]
pub struct LexiconError {
    /// File name as given.
    pub file: String,
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub msg: String,
}

/// Every lexicon, compiled.
#[derive(Clone, Debug, Default)]
pub struct Lexicons {
    /// Actor phrases: countries, demonyms, capitals, seats, IGOs, groups, people, agents, titles.
    pub actors: PhraseTable,
    /// People and the offices they held.
    pub people: Vec<Person>,
    /// Event triggers.
    pub triggers: triggers::TriggerTable,
    /// Canonical country names by code, for display.
    pub country_names: std::collections::HashMap<String, String>,
    /// The built-in atom for "counterpart": an official whose country and rank come from coreference.
    pub counterpart: Atom,
}

impl Default for Atom {
    fn default() -> Atom {
        Atom {
            kind: AtomKind::Agent {
                sector: "GOV".into(),
                person: true,
                plural: false,
            },
            source: "builtin:counterpart".into(),
        }
    }
}

/// The files compiled into the binary: (name, contents).
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "countries.tsv",
        include_str!("../../../../data/actors/countries.tsv"),
    ),
    ("igos.tsv", include_str!("../../../../data/actors/igos.tsv")),
    (
        "groups.tsv",
        include_str!("../../../../data/actors/groups.tsv"),
    ),
    (
        "people.tsv",
        include_str!("../../../../data/actors/people.tsv"),
    ),
    (
        "agents.tsv",
        include_str!("../../../../data/actors/agents.tsv"),
    ),
    (
        "titles.tsv",
        include_str!("../../../../data/actors/titles.tsv"),
    ),
    (
        "cameo.tsv",
        include_str!("../../../../data/events/cameo.tsv"),
    ),
    (
        "triggers.tsv",
        include_str!("../../../../data/events/triggers.tsv"),
    ),
];

impl Lexicons {
    /// The built-in lexicons. They are tested to load without error.
    pub fn builtin() -> Lexicons {
        let mut lex = Lexicons::default();
        for (name, content) in BUILTIN {
            lex.load(name, content, false)
                .expect("built-in lexicons are valid (tested)");
        }
        lex.triggers.finish();
        lex
    }

    /// Adds a lexicon file; its kind is chosen by the file name's stem
    /// (`countries`, `igos`, `groups`, `people`, `agents`, `titles`, `cameo`,
    /// `triggers`, optionally with a suffix: `triggers-mine.tsv`).
    /// A user's entry replaces a built-in one for the same phrase; a sector of
    /// `-` removes the phrase; a person's rows replace all built-in rows of that
    /// name. Returns the number of entries read.
    pub fn extend(&mut self, name: &str, content: &str) -> Result<usize, LexiconError> {
        self.load(name, content, true)
    }

    fn load(&mut self, name: &str, content: &str, user: bool) -> Result<usize, LexiconError> {
        let base = name.rsplit('/').next().unwrap_or(name);
        let stem = base.split(['.', '-', '_']).next().unwrap_or("");
        let n = match stem {
            "countries" => actors::load_countries(self, name, content)?,
            "igos" => actors::load_orgs(self, name, content, true)?,
            "groups" => actors::load_orgs(self, name, content, false)?,
            "people" => actors::load_people(self, name, content, user)?,
            "agents" => actors::load_agents(self, name, content)?,
            "titles" => actors::load_titles(self, name, content)?,
            "cameo" => self.triggers.load_cameo(name, content)?,
            "triggers" => self.triggers.load(name, content)?,
            _ => {
                return Err(LexiconError {
                    file: name.into(),
                    line: 0,
                    msg: "unknown lexicon kind: name the file countries, igos, groups, people, agents, titles, cameo or triggers".into(),
                })
            }
        };
        self.triggers.finish();
        Ok(n)
    }
}

/// Iterates over the data lines of a TSV: (1-based line number, cells).
pub(crate) fn rows(content: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    content.lines().enumerate().filter_map(|(i, l)| {
        let l = l.trim_end_matches('\r');
        if l.trim().is_empty() || l.starts_with('#') {
            return None;
        }
        Some((i + 1, l.split('\t').map(str::trim).collect()))
    })
}

/// Splits a `|`-separated cell into its non-empty alternatives.
pub(crate) fn alts(cell: &str) -> impl Iterator<Item = &str> {
    cell.split('|').map(str::trim).filter(|s| !s.is_empty())
}

/// The PLOVER sectors dyad codes.
pub const SECTORS: &[&str] = &[
    "AGR", "BUS", "COP", "CRM", "CVL", "EDU", "ELI", "GOV", "HLH", "IGO", "JUD", "LAB", "LEG",
    "MED", "MIL", "NGO", "OPP", "PTY", "REB", "REF", "REL", "SPY",
];

/// PLOVER's non-state codes, valid wherever a country code is.
pub const NON_STATE: &[&str] = &["EUR", "IGO", "IMG", "ISM", "MNC", "NGO", "UNO"];

#[cfg(test)]
mod tests;
