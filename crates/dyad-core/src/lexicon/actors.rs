//! Loaders for the actor lexicons, and the [`Atom`]s they compile to.

use chrono::NaiveDate;

use super::{alts, rows, LexiconError, Lexicons, NON_STATE, SECTORS};

/// One lexicon entry that a phrase in the text can match.
#[derive(Clone, Debug, PartialEq)]
pub struct Atom {
    /// What the phrase is.
    pub kind: AtomKind,
    /// The entry it came from, `file:line`, for tracing.
    pub source: String,
}

/// The kinds of actor phrase.
#[derive(Clone, Debug, PartialEq)]
pub enum AtomKind {
    /// A country's name ("Belarus", "the DPRK").
    Country {
        /// ISO alpha-3 code.
        code: String,
    },
    /// A demonym or adjective ("Belarusian"); `people` for plural people forms ("Belarusians").
    Demonym {
        /// ISO alpha-3 code.
        code: String,
        /// A plural people noun rather than an adjective.
        people: bool,
    },
    /// A capital used for its government ("Pyongyang said").
    Capital {
        /// ISO alpha-3 code.
        code: String,
    },
    /// Another seat of power ("the Kremlin", "the Pentagon").
    Seat {
        /// ISO alpha-3 code.
        code: String,
        /// Sector it stands for.
        sector: String,
    },
    /// An IGO, NGO, party or armed group.
    Org {
        /// Country or non-state code.
        code: String,
        /// Sector.
        sector: String,
        /// Canonical name.
        name: String,
    },
    /// A known person; index into [`Lexicons::people`].
    Person {
        /// Index into the people list.
        idx: usize,
    },
    /// A generic agent noun ("troops", "state media").
    Agent {
        /// Sector.
        sector: String,
        /// Names one person ("spokesman"), not a group.
        person: bool,
        /// Names several people ("gunmen", "police"): the lexicon's `plural` flag.
        plural: bool,
    },
    /// A title in front of a name ("Vice Foreign Minister").
    Title {
        /// Sector.
        sector: String,
        /// Normalised rank, for "his counterpart".
        rank: String,
    },
}

/// A known person and the offices they held.
#[derive(Clone, Debug, PartialEq)]
pub struct Person {
    /// Canonical name.
    pub name: String,
    /// Offices, in file order.
    pub offices: Vec<Office>,
}

/// An office held from `start` to `end`.
#[derive(Clone, Debug, PartialEq)]
pub struct Office {
    /// Country or non-state code.
    pub country: String,
    /// Sector while in office.
    pub sector: String,
    /// Title of the office.
    pub role: String,
    /// First day, if known.
    pub start: Option<NaiveDate>,
    /// Last day, if the office ended.
    pub end: Option<NaiveDate>,
}

impl Person {
    /// The office held on `date`; else the latest office that ended before it,
    /// with the sector turned to ELI (a former office holder).
    pub fn office_on(&self, date: NaiveDate) -> Option<Office> {
        let holds =
            |o: &&Office| o.start.is_none_or(|s| s <= date) && o.end.is_none_or(|e| date <= e);
        if let Some(o) = self.offices.iter().find(holds) {
            return Some(o.clone());
        }
        let former = self
            .offices
            .iter()
            .filter(|o| o.end.is_some_and(|e| e < date))
            .max_by_key(|o| o.end);
        if let Some(o) = former {
            let mut o = o.clone();
            o.sector = "ELI".into();
            return Some(o);
        }
        // Only future offices: the person is known, but not yet in office.
        self.offices.first().map(|o| Office {
            sector: "ELI".into(),
            ..o.clone()
        })
    }
}

fn err(file: &str, line: usize, msg: impl Into<String>) -> LexiconError {
    LexiconError {
        file: file.into(),
        line,
        msg: msg.into(),
    }
}

fn check_code(file: &str, line: usize, code: &str) -> Result<(), LexiconError> {
    let ok = (code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase()))
        || NON_STATE.contains(&code);
    if ok {
        Ok(())
    } else {
        Err(err(file, line, format!("bad country code {code:?}")))
    }
}

fn check_sector(file: &str, line: usize, s: &str) -> Result<(), LexiconError> {
    if SECTORS.contains(&s) {
        Ok(())
    } else {
        Err(err(file, line, format!("unknown sector {s:?}")))
    }
}

fn cell<'a>(cols: &[&'a str], i: usize) -> &'a str {
    cols.get(i).copied().unwrap_or("")
}

fn src(file: &str, line: usize) -> String {
    format!("{file}:{line}")
}

/// `code  names  demonyms  capitals  seats`.
pub(super) fn load_countries(
    lex: &mut Lexicons,
    file: &str,
    content: &str,
) -> Result<usize, LexiconError> {
    let mut n = 0;
    for (line, cols) in rows(content) {
        let code = cell(&cols, 0).to_string();
        check_code(file, line, &code)?;
        let s = src(file, line);
        let atom = |kind| super::Atom {
            kind,
            source: s.clone(),
        };
        let names: Vec<&str> = alts(cell(&cols, 1)).collect();
        if let Some(first) = names.first() {
            lex.country_names.insert(code.clone(), first.to_string());
        }
        for name in &names {
            lex.actors
                .insert(name, atom(AtomKind::Country { code: code.clone() }), true);
        }
        let dems: Vec<&str> = alts(cell(&cols, 2)).collect();
        for d in &dems {
            let people = d.ends_with('s')
                && dems.iter().any(|o| o.len() < d.len() && d.starts_with(o))
                || d.ends_with("ers")
                || d.ends_with("ians");
            lex.actors.insert(
                d,
                atom(AtomKind::Demonym {
                    code: code.clone(),
                    people,
                }),
                true,
            );
        }
        for c in alts(cell(&cols, 3)) {
            lex.actors
                .insert(c, atom(AtomKind::Capital { code: code.clone() }), true);
        }
        for seat in alts(cell(&cols, 4)) {
            let (phrase, sector) = seat.rsplit_once(':').unwrap_or((seat, "GOV"));
            check_sector(file, line, sector)?;
            lex.actors.insert(
                phrase,
                atom(AtomKind::Seat {
                    code: code.clone(),
                    sector: sector.into(),
                }),
                true,
            );
        }
        n += 1;
    }
    Ok(n)
}

/// igos: `code  sector  name  aliases`; groups: `country  sector  name  aliases`.
pub(super) fn load_orgs(
    lex: &mut Lexicons,
    file: &str,
    content: &str,
    _igo: bool,
) -> Result<usize, LexiconError> {
    let mut n = 0;
    for (line, cols) in rows(content) {
        let code = cell(&cols, 0);
        check_code(file, line, code)?;
        let sector = cell(&cols, 1);
        if sector == "-" {
            for phrase in std::iter::once(cell(&cols, 2)).chain(alts(cell(&cols, 3))) {
                lex.actors.remove(phrase);
            }
            n += 1;
            continue;
        }
        if !sector.is_empty() {
            check_sector(file, line, sector)?;
        }
        let name = cell(&cols, 2);
        if name.is_empty() {
            return Err(err(file, line, "missing name"));
        }
        let kind = AtomKind::Org {
            code: code.into(),
            sector: sector.into(),
            name: name.into(),
        };
        for phrase in std::iter::once(name).chain(alts(cell(&cols, 3))) {
            lex.actors.insert(
                phrase,
                super::Atom {
                    kind: kind.clone(),
                    source: src(file, line),
                },
                true,
            );
        }
        n += 1;
    }
    Ok(n)
}

fn parse_partial_date(s: &str, end: bool) -> Option<NaiveDate> {
    let parts: Vec<&str> = s.split('-').collect();
    let y: i32 = parts.first()?.parse().ok()?;
    let m: u32 = match parts.get(1) {
        Some(m) => m.parse().ok()?,
        None => {
            if end {
                12
            } else {
                1
            }
        }
    };
    let d: u32 = match parts.get(2) {
        Some(d) => d.parse().ok()?,
        None if end => {
            let next = if m == 12 {
                NaiveDate::from_ymd_opt(y + 1, 1, 1)?
            } else {
                NaiveDate::from_ymd_opt(y, m + 1, 1)?
            };
            return next.pred_opt();
        }
        None => 1,
    };
    NaiveDate::from_ymd_opt(y, m, d)
}

/// `name  aliases  country  sector  role  start  end`.
pub(super) fn load_people(
    lex: &mut Lexicons,
    file: &str,
    content: &str,
    user: bool,
) -> Result<usize, LexiconError> {
    let mut n = 0;
    let mut replaced: Vec<String> = Vec::new();
    for (line, cols) in rows(content) {
        let name = cell(&cols, 0);
        let country = cell(&cols, 2);
        check_code(file, line, country)?;
        let sector = cell(&cols, 3);
        check_sector(file, line, sector)?;
        let date = |i: usize, end: bool| -> Result<Option<NaiveDate>, LexiconError> {
            let s = cell(&cols, i);
            if s.is_empty() {
                return Ok(None);
            }
            parse_partial_date(s, end)
                .map(Some)
                .ok_or_else(|| err(file, line, format!("bad date {s:?}")))
        };
        let office = Office {
            country: country.into(),
            sector: sector.into(),
            role: cell(&cols, 4).into(),
            start: date(5, false)?,
            end: date(6, true)?,
        };
        let idx = match lex.people.iter().position(|p| p.name == name) {
            Some(i) => {
                if user && !replaced.iter().any(|r| r == name) {
                    lex.people[i].offices.clear();
                    replaced.push(name.to_string());
                }
                i
            }
            None => {
                lex.people.push(Person {
                    name: name.into(),
                    offices: vec![],
                });
                lex.people.len() - 1
            }
        };
        lex.people[idx].offices.push(office);
        for phrase in std::iter::once(name).chain(alts(cell(&cols, 1))) {
            let exists = lex
                .actors
                .lookup(phrase)
                .iter()
                .any(|a| a.kind == AtomKind::Person { idx });
            if !exists {
                lex.actors.insert(
                    phrase,
                    super::Atom {
                        kind: AtomKind::Person { idx },
                        source: src(file, line),
                    },
                    false,
                );
            }
        }
        n += 1;
    }
    Ok(n)
}

/// A user's `-` sector removes the row's phrases; returns whether it did.
fn removal(lex: &mut Lexicons, sector: &str, phrases: &str) -> bool {
    if sector != "-" {
        return false;
    }
    for phrase in alts(phrases) {
        lex.actors.remove(&phrase.to_lowercase());
    }
    true
}

/// `phrase  sector  flags`.
pub(super) fn load_agents(
    lex: &mut Lexicons,
    file: &str,
    content: &str,
) -> Result<usize, LexiconError> {
    let mut n = 0;
    for (line, cols) in rows(content) {
        let sector = cell(&cols, 1);
        if removal(lex, sector, cell(&cols, 0)) {
            n += 1;
            continue;
        }
        check_sector(file, line, sector)?;
        let person = cell(&cols, 2).split(',').any(|f| f.trim() == "person");
        let plural = cell(&cols, 2).split(',').any(|f| f.trim() == "plural");
        for phrase in alts(cell(&cols, 0)) {
            let kind = AtomKind::Agent {
                sector: sector.into(),
                person,
                plural,
            };
            lex.actors.insert(
                &phrase.to_lowercase(),
                super::Atom {
                    kind,
                    source: src(file, line),
                },
                true,
            );
        }
        n += 1;
    }
    Ok(n)
}

/// `title  sector  rank`.
pub(super) fn load_titles(
    lex: &mut Lexicons,
    file: &str,
    content: &str,
) -> Result<usize, LexiconError> {
    let mut n = 0;
    for (line, cols) in rows(content) {
        let sector = cell(&cols, 1);
        if removal(lex, sector, cell(&cols, 0)) {
            n += 1;
            continue;
        }
        check_sector(file, line, sector)?;
        let rank = cell(&cols, 2);
        for phrase in alts(cell(&cols, 0)) {
            let kind = AtomKind::Title {
                sector: sector.into(),
                rank: rank.into(),
            };
            let lower = phrase.to_lowercase();
            // "vice foreign ministers": plurals of titles head group mentions.
            let plural = if lower.ends_with('s') || lower.ends_with('.') {
                None
            } else if lower.ends_with("y") && !lower.ends_with("ey") {
                Some(format!("{}ies", &lower[..lower.len() - 1]))
            } else {
                Some(format!("{lower}s"))
            };
            lex.actors.insert(
                &lower,
                super::Atom {
                    kind: kind.clone(),
                    source: src(file, line),
                },
                true,
            );
            if let Some(p) = plural {
                if lex.actors.lookup(&p).is_empty() {
                    lex.actors.insert(
                        &p,
                        super::Atom {
                            kind,
                            source: src(file, line),
                        },
                        false,
                    );
                }
            }
        }
        n += 1;
    }
    Ok(n)
}
