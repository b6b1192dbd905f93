//! Subjects and objects: the nearest subject-like mention to the left of a verb (skipping
//! prepositional phrases, appositives and reporters), the subject a coordinated verb
//! shares, and the most object-like mention to its right (the pattern's own preposition
//! first, then a bare object, then other prepositions), with the rules that keep places,
//! modifiers and the actor itself out of the recipient slot.

use super::bounds::{is_report, prep_before, rival_groups, same_actor};
use super::words::non_state;
use super::Sentence;
use crate::mentions::{Mention, MentionKind};

impl Sentence<'_> {
    /// The subject of the verb at `head`: the nearest suitable mention to its left.
    pub(super) fn subject(&self, head: usize, from: usize) -> Vec<Mention> {
        self.subject_opts(head, from, false)
    }

    pub(super) fn subject_opts(
        &self,
        head: usize,
        from: usize,
        allow_reporters: bool,
    ) -> Vec<Mention> {
        let mut best: Option<&Mention> = None;
        for (k, m) in self.mentions.iter().enumerate() {
            if m.last > head || m.first < from || (!allow_reporters && self.reporters.contains(&k))
            {
                continue;
            }
            if m.kind == MentionKind::Adjective || !self.usable(m) {
                continue;
            }
            if m.possessive && m.kind != MentionKind::Pronoun {
                continue;
            }
            if m.kind == MentionKind::Pronoun && m.possessive {
                continue;
            }
            // A preposition before it, unless it opens the clause: "after a jet shot down".
            if prep_before(self.tokens, from.max(self.first), m).is_some() {
                continue;
            }
            // A mention followed by a report verb is a reporter ("X said Y ...").
            // (Unless that verb is the trigger's own: "the president declared a state of emergency".)
            if !allow_reporters
                && m.last < self.last
                && m.last != head
                && is_report(&self.tokens[m.last])
            {
                continue;
            }
            // Prefer the leftmost mention of the nearest group: "North Korea and Belarus".
            match best {
                Some(b) if b.last > m.last => {}
                _ => best = Some(m),
            }
        }
        let Some(mut b) = best else { return vec![] };
        // "Pakistan, a key U.S. ally, has refused": the subject is the head before an
        // appositive between commas, not a name inside it.
        if let Some(c) = (from.max(self.first)..b.first)
            .rev()
            .find(|&i| self.tokens[i].norm == ",")
        {
            let closed = (b.last..head).any(|i| self.tokens[i].norm == ",");
            let np = (c + 1..b.first).all(|i| !self.tokens[i].punct && !is_report(&self.tokens[i]));
            if let Some(h) = self.mentions.iter().find(|m| {
                m.last == c
                    && m.kind != MentionKind::Adjective
                    && !m.possessive
                    && self.usable(m)
                    && prep_before(self.tokens, from.max(self.first), m).is_none()
            }) {
                if closed && np && matches!(self.tokens[c + 1].norm.as_str(), "a" | "an" | "the") {
                    b = h;
                }
            }
        }
        // "Kallas, who visited Kyiv last week, called on ...": a relative clause that closed
        // with a comma right before the verb group holds no subject; the mention before it does.
        if let Some(z) = (b.last..head).rev().find(|&i| self.tokens[i].norm == ",") {
            let verb_next = (z + 1..head).all(|i| !self.tokens[i].punct);
            let opened = (self.first..b.first).rev().find(|&c| {
                self.tokens[c].norm == ","
                    && self.tokens.get(c + 1).is_some_and(|t| {
                        matches!(t.norm.as_str(), "who" | "which" | "whom" | "whose")
                    })
            });
            if let Some(c) =
                opened.filter(|&c| verb_next && !(c + 1..z).any(|i| self.tokens[i].norm == ","))
            {
                if let Some(h) = self.mentions.iter().enumerate().find(|(k, m)| {
                    m.last == c
                        && m.kind != MentionKind::Adjective
                        && !m.possessive
                        && !self.reporters.contains(k)
                        && self.usable(m)
                        && prep_before(self.tokens, self.first, m).is_none()
                }) {
                    b = h.1;
                }
            }
        }
        let group: Vec<Mention> = self
            .mentions
            .iter()
            .filter(|m| m.group == b.group && self.usable(m))
            .cloned()
            .collect();
        if group.is_empty() {
            vec![b.clone()]
        } else {
            group
        }
    }

    /// The first subject-like mention in `from..to` and its coordinated group: the subject
    /// that a later coordinated verb shares ("X met Y and pledged").
    pub(super) fn leading_subject(&self, from: usize, to: usize) -> Vec<Mention> {
        let lead = self.mentions.iter().enumerate().find(|(k, m)| {
            m.first >= from
                && m.last <= to
                && !self.reporters.contains(k)
                && m.kind != MentionKind::Adjective
                && self.usable(m)
                && !m.possessive
                && prep_before(self.tokens, from.max(self.first), m).is_none()
        });
        let Some((_, b)) = lead else { return vec![] };
        // Only when a verb follows it: "the talks between X and Y ended and ..." has no subject here.
        if b.last >= to {
            return vec![];
        }
        self.mentions
            .iter()
            .filter(|m| m.group == b.group && self.usable(m))
            .cloned()
            .collect()
    }

    /// Mentions to the right of `from` up to `to`, with a score for how object-like each is.
    pub(super) fn objects(
        &self,
        from: usize,
        to: usize,
        rp: &[String],
        actors: &[Mention],
    ) -> Vec<Mention> {
        self.objects_opts(from, to, rp, actors, false, false)
    }

    /// `places_in`: a place after "in" may be the target ("shelled towns in Idlib"), as for force;
    /// `rivals`: an unnamed group of the actor's own country and sector may be the target of
    /// force or coercion ("soldiers arrested several officers").
    pub(super) fn objects_opts(
        &self,
        from: usize,
        to: usize,
        rp: &[String],
        actors: &[Mention],
        places_in: bool,
        rivals: bool,
    ) -> Vec<Mention> {
        let mut best: Option<(u8, &Mention)> = None;
        for (k, m) in self.mentions.iter().enumerate() {
            if m.first < from
                || m.last > to
                || self.reporters.contains(&k)
                || !self.usable(m)
                || self.determiner(m)
            {
                continue;
            }
            // A state acting on its own people ("Belarus freed prisoners") or insurgents on their
            // own country ("militants ambushed a convoy in Burkina Faso") is a domestic event,
            // not the actor twice.
            let domestic = |a: &Mention| {
                a.sector.is_none() && m.sector.as_deref().is_some_and(non_state)
                    // "declared a state of emergency in Lima": a capital after "in" is the place.
                    // "soldiers ... arrested several officers": force on another, unnamed group
                    // of the same country and sector.
                    || rivals && rival_groups(a, m)
                    || places_in
                        && m.kind == MentionKind::Direct
                        && (m.place_like || m.sector.is_none())
                        && prep_before(self.tokens, self.first, m) == Some("in")
                    || places_in
                        && m.sector.is_none()
                        && a.sector.as_deref().is_some_and(non_state)
                        && prep_before(self.tokens, self.first, m) == Some("in")
            };
            if actors.iter().any(|a| same_actor(a, m) && !domestic(a)) {
                continue;
            }
            // "struck Ukrainian ports and Romania summoned ...": a name after "and" followed by
            // a finite verb of its own is the next clause's subject, not an object.
            if m.first > from
                && self.tokens[m.first - 1].norm == "and"
                && m.kind == MentionKind::Direct
                && self.tokens.get(m.last).is_some_and(|t| {
                    !t.cap
                        && (t.norm.ends_with("ed")
                            && self.tokens.get(m.last + 1).is_none_or(|n| n.norm != "by")
                            || crate::lexicon::triggers::irregular_past(&t.norm)
                            || matches!(
                                t.norm.as_str(),
                                "has" | "have" | "had" | "was" | "were" | "will"
                            ))
                })
            {
                continue;
            }
            // "proposed military talks": an agent the story's country was lent to, right before
            // an event noun, only modifies it.
            if m.rules.iter().any(|r| r == "coref:focus-country")
                && self.tokens.get(m.last).is_some_and(|t| {
                    matches!(
                        t.norm.as_str(),
                        "talks"
                            | "negotiations"
                            | "cooperation"
                            | "ties"
                            | "relations"
                            | "exercises"
                            | "drills"
                            | "aid"
                            | "assistance"
                            | "support"
                            | "operation"
                            | "operations"
                            | "offensive"
                    )
                })
            {
                continue;
            }
            // "on the Thai border": a frontier named by its neighbour is a place.
            if m.kind == MentionKind::Adjective
                && self.tokens.get(m.last).is_some_and(|t| {
                    matches!(t.norm.as_str(), "border" | "borders" | "frontier" | "side")
                })
                && matches!(
                    prep_before(self.tokens, self.first, m),
                    Some("on" | "along" | "near" | "at" | "across" | "from")
                )
            {
                continue;
            }
            let prep = prep_before(self.tokens, self.first, m);
            let gazetteer_only = m.rules.iter().all(|r| r == "gazetteer");
            if gazetteer_only
                && !places_in
                && !prep.is_some_and(|p| rp.iter().any(|r| r == p))
                && matches!(
                    prep,
                    Some("in" | "at" | "near" | "from" | "outside" | "across" | "inside" | "along")
                )
            {
                continue;
            }
            // "changes to the Wye River land-for-security deal": a place inside a longer
            // name names no party (force events keep it: "shelled Kharkiv Oblast").
            if gazetteer_only
                && !places_in
                && self.tokens.get(m.last).is_some_and(|t| t.cap && !t.punct)
            {
                continue;
            }
            let mut score = match prep {
                Some(p) if rp.iter().any(|r| r == p) => 5,
                None => 4,
                // "a proposal by Guyana": the author of what the event is about.
                Some("by") => 3,
                Some(
                    "against" | "on" | "with" | "to" | "at" | "toward" | "towards" | "upon"
                    | "into",
                ) => 3,
                Some("of" | "from" | "between") => 2,
                Some(_) => 1,
            };
            // "an Indian proposal", "by Pakistani fire": an adjective stands for its country only weakly,
            // unless it follows the pattern's own preposition.
            if m.kind == MentionKind::Adjective && score < 5 {
                score = score.min(2);
            }
            if best.is_none_or(|(s, _)| score > s) {
                best = Some((score, m));
            }
        }
        let Some((_, b)) = best else { return vec![] };
        // "declared a state of emergency in Lima": the capital as a place, not its government.
        if places_in
            && b.kind == MentionKind::Direct
            && (b.place_like || b.sector.is_none())
            && prep_before(self.tokens, self.first, b) == Some("in")
            && actors.iter().any(|a| same_actor(a, b))
        {
            let mut place = b.clone();
            place.sector = None;
            place.place_like = true;
            return vec![place];
        }
        let group: Vec<Mention> = self
            .mentions
            .iter()
            .filter(|m| {
                m.group == b.group
                    && self.usable(m)
                    && m.first >= from
                    && !actors.iter().any(|a| same_actor(a, m))
            })
            .cloned()
            .collect();
        if group.is_empty() {
            vec![b.clone()]
        } else {
            group
        }
    }
}
