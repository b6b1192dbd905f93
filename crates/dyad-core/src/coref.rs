//! Coreference: pronouns, "his Belarusian counterpart", "the two sides".
//!
//! Resolution is greedy and left to right. A pronoun takes the most recent
//! compatible mention (person pronouns a person; "it" a state or organisation;
//! "they" a group). A counterpart takes its antecedent's rank and sector and its
//! own country. "The two sides" and plural pronouns after a two-party event
//! stand for that event's participants, which the event stage supplies.
//!
//! Generic agents with no country of their own ("police", "an opposition activist",
//! "the junta") take the country of the place the sentence names ("police in Lagos"),
//! else the country named last, else the first named after them; foreign agents
//! ("peacekeepers"), owned ones ("its aircraft") and weapons are left alone. See
//! `docs/coder.md`.

use crate::mentions::{Mention, MentionKind};
use crate::text::Token;

/// Modifiers that make an agent foreign to the place it acts in: "a regional peacekeeping force".
const NOT_LOCAL: &[&str] = &[
    "international",
    "internationally",
    "peacekeeping",
    "peacekeepers",
    "foreign",
    "multinational",
    "regional",
    "western",
    "allied",
    "allies",
    "u.n.",
    "un",
];

/// Prepositions that place an event: "police in Lagos", "a base near Kharkiv".
const LOCATIVE: &[&str] = &[
    "in",
    "near",
    "at",
    "outside",
    "across",
    "around",
    "inside",
    "throughout",
];

/// Weapons and craft: they belong to whoever was named last ("British aircraft using
/// missiles"), not to the place they strike.
pub(crate) const INSTRUMENTS: &[&str] = &[
    "missile",
    "missiles",
    "rocket",
    "rockets",
    "drone",
    "drones",
    "aircraft",
    "warplane",
    "warplanes",
    "jet",
    "jets",
    "shell",
    "shells",
    "bomb",
    "bombs",
    "tank",
    "tanks",
    "artillery",
    "warship",
    "warships",
    "vessel",
    "vessels",
    "boat",
    "boats",
    "weapons",
    "helicopter",
    "helicopters",
];

/// What earlier sentences left for coreference.
#[derive(Clone, Debug, Default)]
pub struct History {
    /// Resolved mentions so far, in text order.
    pub mentions: Vec<Mention>,
    /// The participants of the most recent two-party event.
    pub pair: Vec<Mention>,
    /// Where the previous sentence's mentions start in `mentions`.
    pub last_sentence: usize,
}

impl History {
    /// Adds a finished sentence's mentions.
    pub fn push_sentence(&mut self, ms: impl IntoIterator<Item = Mention>) {
        self.last_sentence = self.mentions.len();
        self.mentions.extend(ms);
    }
}

fn compatible(p: &Mention, a: &Mention) -> bool {
    if a.country.is_none() || a.kind == MentionKind::Adjective || a.kind == MentionKind::Pair {
        return false;
    }
    match p.kind {
        MentionKind::Counterpart => a.person,
        _ if p.person => a.person && !a.plural,
        _ if p.plural => a.plural || (!a.person && a.sector.is_some()),
        _ => !a.person && !a.plural,
    }
}

/// Resolves the sentence's pronoun and counterpart mentions in place. Unresolved
/// ones keep `country: None`. Plural pronouns after a two-party event become [`MentionKind::Pair`].
/// A generic agent ("police", "an opposition activist") takes the country of the place the
/// sentence names ("in Lagos"), else the country named last, else the first named after it.
/// `tokens` are the document's tokens and `first` the sentence's first token.
pub fn resolve(sentence: &mut [Mention], history: &History, tokens: &[Token], first: usize) {
    resolve_pronouns(sentence, history);
    resolve_titles(sentence, history, tokens);
    // "President Laurent Gbagbo", "police", "students": an office or agent with no
    // country of its own belongs to the country last named.
    for i in 0..sentence.len() {
        // "the bloc", "the alliance": the international body named last, else the first one
        // named after it in the sentence ("The bloc's ministers agreed ..., EU diplomats said").
        if sentence[i].kind == MentionKind::Direct
            && sentence[i].country.is_none()
            && sentence[i].sector.as_deref() == Some("IGO")
            && sentence[i].name.is_none()
        {
            let body = |a: &&Mention| {
                a.name.is_some()
                    && a.kind != MentionKind::Adjective
                    && a.country
                        .as_deref()
                        .is_some_and(|c| matches!(c, "EUR" | "IGO" | "UNO"))
            };
            let found = sentence[..i]
                .iter()
                .rev()
                .chain(history.mentions.iter().rev())
                .find(body)
                .or_else(|| sentence[i + 1..].iter().find(body))
                .map(|a| (a.country.clone(), a.name.clone()));
            if let Some((country, name)) = found {
                sentence[i].country = country;
                sentence[i].name = name;
                sentence[i].rules.push("coref:international-body".into());
            }
            continue;
        }
        // "the bloc's leaders", "the ministry's officials": an unnamed agent right after a
        // possessive that has a country belongs to it.
        if i > 0
            && sentence[i].country.is_none()
            && sentence[i].kind == MentionKind::Direct
            && sentence[i - 1].possessive
            && sentence[i - 1].kind == MentionKind::Direct
            && (sentence[i - 1].last == sentence[i].first
                || sentence[i - 1].last + 1 == sentence[i].first
                    && tokens
                        .get(sentence[i - 1].last)
                        .is_some_and(|t| t.norm == "'s"))
            && sentence[i - 1].country.is_some()
            && sentence[i].name.is_none()
        {
            sentence[i].country = sentence[i - 1].country.clone();
            sentence[i].rules.push("coref:possessor".into());
            continue;
        }
        let m = &sentence[i];
        if m.kind != MentionKind::Direct
            || m.country.is_some()
            || m.possessive
            || m.name.is_some() && m.role.is_none()
        {
            continue;
        }
        let sector_ok = m.sector.as_deref().is_some_and(|s| {
            matches!(
                s,
                "GOV"
                    | "COP"
                    | "MIL"
                    | "JUD"
                    | "LEG"
                    | "OPP"
                    | "REB"
                    | "CVL"
                    | "EDU"
                    | "LAB"
                    | "AGR"
                    | "REF"
                    | "PTY"
                    | "HLH"
                    | "CRM"
                    | "REL"
                    | "MED"
                    | "BUS"
                    | "ELI"
            )
        });
        // Offices, groups and persons ("an opposition activist"), the forces of order
        // ("police", "the military") and definite political bodies; not singular
        // institutions used as modifiers ("missile industry", "social media").
        let forces = matches!(m.sector.as_deref(), Some("COP" | "MIL"));
        // "the junta", "the separatist group", "the ruling party": a definite political body.
        let body = matches!(
            m.sector.as_deref(),
            Some("GOV" | "REB" | "OPP" | "PTY" | "JUD" | "LEG")
        ) && ((m.first.saturating_sub(3).max(first)..=m.first)
            .any(|j| tokens.get(j).is_some_and(|t| t.norm == "the"))
            // "South Korea's unification ministry": owned by a possessive state.
            || sentence[..i].iter().any(|p| {
                p.possessive && p.kind == MentionKind::Direct && p.last <= m.first && p.last + 2 >= m.first
            }));
        // "opposition rallies", "opposition leaders": the opposition as a modifier is a
        // political body too.
        let opposition = m.sector.as_deref() == Some("OPP")
            && tokens.get(m.last).is_some_and(|t| {
                !t.punct
                    && !t.cap
                    && !crate::clause::PREPS.contains(&t.norm.as_str())
                    && !t.norm.ends_with("ed")
            });
        // "the country's largest private university": owned by the country in focus.
        let the_country = the_countrys(tokens, first, m.first);
        if !sector_ok
            || !(m.role.is_some()
                || m.plural
                || m.person
                || forces
                || body
                || opposition
                || the_country)
        {
            continue;
        }
        // "a regional peacekeeping force", "Western allies": not the local country's.
        let foreign = tokens
            .get(m.first..m.last)
            .is_some_and(|ts| ts.iter().any(|t| NOT_LOCAL.contains(&t.norm.as_str())));
        // "its aircraft", "their leaders": the possessive's antecedent decides, below.
        let owned = m.first > first
            && tokens.get(m.first - 1).is_some_and(|t| {
                matches!(t.norm.as_str(), "its" | "their" | "his" | "her" | "our")
            });
        if foreign || owned {
            continue;
        }
        let instrument = tokens
            .get(m.last.saturating_sub(1))
            .is_some_and(|t| INSTRUMENTS.contains(&t.norm.as_str()));
        // The place the sentence names ("police in Lagos"); else the country named last
        // before it; else the first named after it in the sentence.
        // A news outlet ("told VOA", "Reuters reported") is the reporter, not the story's
        // country.
        let state = |a: &&Mention| {
            a.kind != MentionKind::Pair
                && !(a.sector.as_deref() == Some("MED") && a.name.is_some())
                && a.country
                    .as_deref()
                    .is_some_and(|c| c.len() == 3 && !crate::lexicon::NON_STATE.contains(&c))
        };
        let place = sentence
            .iter()
            .filter(|_| !instrument)
            .filter(|a| {
                a.kind == MentionKind::Direct
                    && !a.person
                    && !a.possessive
                    && (a.name.is_none() || a.place_like)
                    && crate::events::prep_before(tokens, first, a)
                        .is_some_and(|p| LOCATIVE.contains(&p))
            })
            .find(state);
        // A weapon takes its user from its own sentence only: the country named last in
        // the story is as often the target or the reporter ("the U.S. military said").
        let earlier = if instrument {
            &[][..]
        } else {
            &history.mentions[..]
        };
        // "a U.S. MQ-9 Reaper drone": a demonym before the model name is the user.
        let maker = sentence[..i]
            .iter()
            .rev()
            .find(|a| {
                instrument
                    && a.kind == MentionKind::Adjective
                    && a.last < m.first
                    && m.first - a.last <= 3
                    && tokens[a.last..m.first]
                        .iter()
                        .all(|t| t.cap && !t.punct || t.norm.chars().any(|c| c.is_ascii_digit()))
            })
            .filter(state);
        let before = sentence[..i].iter().rev().chain(earlier.iter().rev());
        let focus = maker
            .or(place)
            .or_else(|| {
                before
                    .filter(|a| a.kind != MentionKind::Adjective)
                    .find(state)
            })
            .or_else(|| sentence[i + 1..].iter().find(state))
            .and_then(|a| a.country.clone());
        if let Some(c) = focus {
            sentence[i].country = Some(c);
            sentence[i].rules.push("coref:focus-country".into());
        }
    }
    // "its forces", "their leaders": a head after a possessive pronoun belongs to its antecedent.
    for i in 1..sentence.len() {
        let (before, rest) = sentence.split_at_mut(i);
        let p = &before[i - 1];
        let m = &mut rest[0];
        if p.kind == MentionKind::Pronoun
            && p.possessive
            && p.last == m.first
            && m.country.is_none()
            && p.country.is_some()
        {
            m.country = p.country.clone();
            if m.sector.is_none() {
                m.sector = p.sector.clone();
            }
        }
    }
}

/// Whether "the country's" / "the nation's" stands before `start`, with at most three
/// lower-case modifiers between ("the country's largest private university").
fn the_countrys(tokens: &[Token], first: usize, start: usize) -> bool {
    let mut j = start;
    while j > first && start - j < 3 && {
        let t = &tokens[j - 1];
        !t.punct && !t.cap && t.norm != "'s"
    } {
        j -= 1;
    }
    j >= first + 3
        && tokens[j - 1].norm == "'s"
        && matches!(tokens[j - 2].norm.as_str(), "country" | "nation")
        && tokens[j - 3].norm == "the"
}

/// Office words that a definite description ("the minister", "the president") can head.
const OFFICES: &[&str] = &[
    "minister",
    "president",
    "premier",
    "chancellor",
    "secretary",
    "envoy",
    "ambassador",
    "leader",
    "king",
    "queen",
    "prince",
    "emir",
    "commander",
    "general",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "mayor",
    "governor",
    "senator",
    "diplomat",
];

/// "Germany's foreign minister Annalena Baerbock ... The minister also met ...": a definite
/// office with no country or name of its own is the last named person holding that office.
fn resolve_titles(sentence: &mut [Mention], history: &History, tokens: &[Token]) {
    for i in 0..sentence.len() {
        let m = &sentence[i];
        if m.kind != MentionKind::Direct
            || m.country.is_some()
            || m.name.is_some()
            || m.plural
            || m.last - m.first > 3
            || tokens.get(m.first).is_none_or(|t| t.norm != "the")
        {
            continue;
        }
        let head = tokens[m.last - 1].norm.as_str();
        if !OFFICES.contains(&head) {
            continue;
        }
        let holder = sentence[..i]
            .iter()
            .rev()
            .chain(history.mentions.iter().rev())
            .find(|a| {
                a.person
                    && a.name.is_some()
                    && a.country.is_some()
                    && a.role
                        .as_deref()
                        .is_some_and(|r| r.to_lowercase().split_whitespace().any(|w| w == head))
            })
            .cloned();
        if let Some(a) = holder {
            let m = &mut sentence[i];
            m.country = a.country;
            m.sector = a.sector.or(m.sector.take());
            m.name = a.name;
            m.role = a.role;
            m.person = true;
            m.rules.push("coref:office".into());
        }
    }
}

fn resolve_pronouns(sentence: &mut [Mention], history: &History) {
    for i in 0..sentence.len() {
        let kind = sentence[i].kind;
        if !matches!(kind, MentionKind::Pronoun | MentionKind::Counterpart)
            || sentence[i]
                .rules
                .iter()
                .any(|r| r == crate::mentions::FIRST_PERSON)
        {
            continue;
        }
        if kind == MentionKind::Pronoun && sentence[i].plural && history.pair.len() >= 2 {
            // "They also agreed", "their talks": the two parties of the last event.
            let earlier_plural = sentence[..i]
                .iter()
                .any(|m| m.plural && m.country.is_some());
            if !earlier_plural {
                sentence[i].kind = MentionKind::Pair;
                continue;
            }
        }
        let p = sentence[i].clone();
        // "Putin met Xi in Beijing. He said ...": a pronoun that opens its sentence as
        // subject continues the previous sentence's subject (its first person mention).
        let subject = (i == 0 && kind == MentionKind::Pronoun && p.person && !p.possessive)
            .then(|| {
                history.mentions[history.last_sentence.min(history.mentions.len())..]
                    .iter()
                    .find(|a| a.person && !a.possessive)
                    .filter(|a| compatible(&p, a))
            })
            .flatten();
        let before = sentence[..i]
            .iter()
            .rev()
            .chain(history.mentions.iter().rev());
        // "the group": only a named non-state organisation.
        let org = p.rules.iter().any(|r| r == crate::mentions::ORG_ANAPHOR);
        let organisation = |a: &Mention| {
            a.name.is_some()
                && !a.person
                && (matches!(
                    a.sector.as_deref(),
                    Some("REB" | "OPP" | "PTY" | "NGO" | "CRM" | "REL" | "MED" | "BUS")
                ) || a
                    .country
                    .as_deref()
                    .is_some_and(|c| crate::lexicon::NON_STATE.contains(&c)))
        };
        let Some(a) = subject.filter(|_| !org).or_else(|| {
            before
                .filter(|a| {
                    if org {
                        organisation(a)
                    } else {
                        compatible(&p, a)
                    }
                })
                .find(|a| kind != MentionKind::Counterpart || a.country != p.country)
        }) else {
            continue;
        };
        let a = a.clone();
        let m = &mut sentence[i];
        m.sector = a.sector.clone();
        m.rank = a.rank.clone();
        m.rules.extend(a.rules.iter().cloned());
        if kind == MentionKind::Pronoun {
            m.country = a.country.clone();
            m.name = a.name.clone();
            m.role = a.role.clone();
            m.person = a.person;
        } else {
            m.role = a.role.clone();
        }
    }
}
