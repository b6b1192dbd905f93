//! The event layer: triggers, their codes, and who did what to whom.
//!
//! For each sentence: match trigger patterns; drop triggers absorbed by a
//! complement-taking verb ("agreed *to strengthen*") or by a means clause
//! ("*by hosting*"); find the actor (the nearest subject-like mention to the
//! left, skipping prepositional phrases, appositives and reporting clauses)
//! and the recipient (the pattern's preposition, else the first object-like
//! mention to the right); read negation and modality from the verb group;
//! recode intentions (a promise to cooperate is AGREE, to attack THREATEN).
//!
//! The layer is split by concern:
//! - `find`: trigger matching and part-of-speech filters;
//! - `sentence`: the per-sentence pipeline (absorption, participles, judgements);
//! - `event`: one trigger's actor and recipient (nouns, passives, actives);
//! - `roles`: subject and object search;
//! - `links`: judged acts, addressees and opening frames between a sentence's events;
//! - `implicit`: the unnamed authorities behind agentless arrests and releases;
//! - `recode`: type and modality recoding once roles are known;
//! - `bounds`: clause and object ends, prepositions, actor identity;
//! - `words`: the closed-class word lists the rules share.
//!
//! The rules themselves are listed, with examples, in `docs/coder.md`.

mod bounds;
mod event;
mod find;
mod implicit;
mod links;
mod recode;
mod roles;
mod sentence;
mod words;

pub use bounds::{domestic_target, is_report, prep_before, rival_groups, same_actor};
pub use find::triggers;

use crate::clause::Modality;
use crate::lexicon::triggers::Trigger;
use crate::mentions::{Mention, MentionKind};
use crate::text::Token;

/// A trigger found in a sentence, before roles.
#[derive(Clone, Debug)]
pub struct Found<'l> {
    /// The lexicon pattern.
    pub trigger: &'l Trigger,
    /// Token indexes it covers.
    pub tokens: Vec<usize>,
    /// The head token (the verb, or the noun).
    pub head: usize,
}

/// An event with roles, before dates, places and output.
#[derive(Clone, Debug)]
pub struct Event<'l> {
    /// The trigger.
    pub found: Found<'l>,
    /// PLOVER type after modality recoding.
    pub plover: String,
    /// CAMEO code after recoding.
    pub cameo: String,
    /// Goldstein score after recoding.
    pub goldstein: f64,
    /// Mode.
    pub mode: String,
    /// Contexts.
    pub context: Vec<String>,
    /// Actor mention(s): more than one for compound actors.
    pub actors: Vec<Mention>,
    /// Recipient mention(s).
    pub recipients: Vec<Mention>,
    /// Symmetric.
    pub mutual: bool,
    /// Negated.
    pub negated: bool,
    /// Modality.
    pub modality: Modality,
    /// Narrative simple past (may inherit the story's date).
    pub narrative: bool,
    /// Clause bounds, for dates and places.
    pub clause: (usize, usize),
}

/// The context for extracting one sentence's events.
pub struct Sentence<'a> {
    /// All tokens of the document.
    pub tokens: &'a [Token],
    /// First token of the sentence.
    pub first: usize,
    /// One past the last.
    pub last: usize,
    /// Resolved mentions in the sentence.
    pub mentions: &'a [Mention],
    /// Mentions that are reporters ("state media said"), by index into `mentions`.
    pub reporters: &'a [usize],
}

impl Sentence<'_> {
    pub(super) fn usable(&self, m: &Mention) -> bool {
        m.country.is_some() || m.kind == MentionKind::Pair
    }

    /// A possessive pronoun that only determines the next mention: "his counterpart".
    pub(super) fn determiner(&self, m: &Mention) -> bool {
        m.kind == MentionKind::Pronoun
            && m.possessive
            && self.mentions.iter().any(|o| o.first == m.last)
    }

    pub(super) fn between_is_verb(&self, a: usize, b: usize) -> bool {
        self.tokens[a..b]
            .iter()
            .any(|t| t.norm.ends_with("ed") || t.punct && t.norm != "'s")
    }
}
