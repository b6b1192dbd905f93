//! Links between the events and mentions of one sentence: the act a judgement is about
//! ("condemned the Israeli strikes", "thanked Denmark for its aid", "lodged a protest over
//! X's visit"), the addressee of a reported act ("told them Hungary would veto ..."), and
//! the short frame that opens a sentence around a meeting noun ("In a phone call, ...").

use super::bounds::{is_report, prep_before, same_actor};
use super::words::DETS;
use super::{Event, Found, Sentence};
use crate::clause;
use crate::mentions::{Mention, MentionKind};

impl Sentence<'_> {
    /// The comma closing a short frame that opens the sentence around the noun `f`: "In a
    /// phone call, ...", "During the talks, ..." (a preposition, at most three plain words,
    /// the noun, a comma).
    pub(super) fn opening_frame(&self, f: &Found) -> Option<usize> {
        let toks = self.tokens;
        let start = f.tokens[0];
        let end = *f.tokens.last()? + 1;
        let plain = |t: &crate::text::Token| {
            !t.punct && !t.cap && !t.norm.ends_with("ed") && !t.norm.ends_with("ing")
        };
        let ok = start > self.first
            && start - self.first <= 4
            && matches!(toks[self.first].norm.as_str(), "in" | "during" | "at")
            && (self.first + 1..end).all(|i| plain(&toks[i]));
        (ok && end < self.last && toks[end].norm == ",").then_some(end)
    }

    /// "He told them Hungary would veto any aid package for Ukraine": the speaker's own act,
    /// reported to an addressee ("told/assured/informed them"), is addressed to it when the
    /// act has no recipient of its own (none, or only one after a preposition that is not
    /// the trigger's).
    pub(super) fn addressee(&self, ev: &Event) -> Option<Mention> {
        let toks = self.tokens;
        let t = ev.found.trigger;
        if t.norecip || ev.actors.is_empty() {
            return None;
        }
        let start = ev.found.tokens[0];
        let tv = (self.first..start).rev().find(|&i| {
            matches!(
                toks[i].norm.as_str(),
                "told" | "tells" | "tell" | "telling" | "assured" | "assures" | "informed"
            )
        })?;
        // Nothing but the addressee and "that" between the report verb and the act's clause.
        let addr = self.mentions.iter().find(|m| {
            m.first == tv + 1
                && m.kind != MentionKind::Adjective
                && !m.possessive
                // "told VOA", "told reporters": telling the press is no address.
                && m.sector.as_deref() != Some("MED")
                && (m.country.is_some() || m.kind == MentionKind::Pair)
        })?;
        if (addr.last..start).any(|i| toks[i].punct || is_report(&toks[i])) {
            return None;
        }
        let speaker = self.subject_opts(tv, self.first, true);
        let own_act = ev
            .actors
            .iter()
            .all(|a| speaker.iter().any(|s| same_actor(a, s)));
        let weak = ev.recipients.iter().all(|r| {
            prep_before(toks, self.first, r).is_some_and(|p| !t.rp.iter().any(|x| x == p))
                && !ev.actors.iter().any(|a| same_actor(a, r))
        });
        (own_act && weak).then(|| addr.clone())
    }

    /// The event noun in a reason phrase after the verb's object: "thanked Denmark *for its
    /// aid*", "criticised Israel *over its offensive*".
    pub(super) fn reason_act(&self, f: &Found, found: &[Found], a: usize) -> Option<usize> {
        let g = found.get(a + 1)?;
        if g.trigger.kind != 'N' {
            return None;
        }
        let mut i = *f.tokens.last()? + 1;
        let mut seen_object = false;
        while i < g.tokens[0] {
            let w = self.tokens[i].norm.as_str();
            if let Some(m) = self.mentions.iter().find(|m| m.first == i) {
                i = m.last;
                seen_object = true;
            } else if matches!(w, "for" | "over") && seen_object {
                i += 1;
                while i < g.tokens[0] {
                    let w = self.tokens[i].norm.as_str();
                    let modifier = self.mentions.iter().find(|m| {
                        m.first == i
                            && (m.possessive
                                || m.kind == MentionKind::Adjective
                                || m.kind == MentionKind::Pronoun)
                    });
                    if let Some(m) = modifier {
                        i = m.last;
                    } else if DETS.contains(&w)
                        || !self.tokens[i].punct && !self.tokens[i].cap && i + 3 > g.tokens[0]
                    {
                        i += 1;
                    } else {
                        return None;
                    }
                }
                return Some(a + 1);
            } else {
                return None;
            }
        }
        None
    }

    /// The event noun that is the direct object of the verb trigger `found[a]`: only
    /// determiners and the noun's own modifiers (demonyms, possessors) between them.
    pub(super) fn judged_act(&self, f: &Found, found: &[Found], a: usize) -> Option<usize> {
        let g = found.get(a + 1)?;
        if g.trigger.kind != 'N' {
            return None;
        }
        let mut i = *f.tokens.last()? + 1;
        // "lodged a protest over a Philippine official's visit": a pattern that holds its own
        // object ("lodge * protest") judges the act after "over / against / about".
        if f.trigger.pattern.contains(" * ")
            && i < g.tokens[0]
            && matches!(self.tokens[i].norm.as_str(), "over" | "against" | "about")
        {
            i += 1;
        }
        while i < g.tokens[0] {
            if let Some(m) = self.mentions.iter().find(|m| m.first == i) {
                if m.kind != MentionKind::Adjective && !m.possessive {
                    return None;
                }
                i = m.last;
            } else if DETS.contains(&self.tokens[i].norm.as_str()) || self.tokens[i].norm == "'s" {
                i += 1;
            } else {
                return None;
            }
        }
        Some(a + 1)
    }

    /// "In a phone call, Macron urged Netanyahu to halt the offensive": a meeting noun in a
    /// short frame that opens the sentence is between the parties of the main event after it;
    /// one inside the sentence ("told Trump in a phone call that") between those of the
    /// sentence's main event.
    pub(super) fn framed_meetings<'l>(
        &self,
        found: &[Found<'l>],
        out: &[Event<'l>],
    ) -> Vec<Event<'l>> {
        let toks = self.tokens;
        let mut framed = Vec::new();
        for f in found {
            if f.trigger.kind != 'N'
                || f.trigger.plover != "CONSULT"
                || out.iter().any(|e| e.found.head == f.head)
            {
                continue;
            }
            // "Putin told Trump in a phone call that ...": an indefinite frame inside the
            // sentence ("in / during a") is between the parties of the sentence's main event.
            let inline = {
                let s = f.tokens[0];
                let p1 = (s > self.first).then(|| toks[s - 1].norm.as_str());
                let p2 = (s > self.first + 1).then(|| toks[s - 2].norm.as_str());
                matches!(p1, Some("a" | "an")) && matches!(p2, Some("in" | "during"))
            };
            let opening = self.opening_frame(f);
            let main = match opening {
                Some(comma) => out.iter().find(|e| {
                    e.found.tokens[0] > comma && !e.actors.is_empty() && !e.recipients.is_empty()
                }),
                None if inline => out
                    .iter()
                    .find(|e| !e.actors.is_empty() && !e.recipients.is_empty()),
                None => None,
            };
            let Some(main) = main else {
                continue;
            };
            let bounds = clause::clause_bounds(toks, self.first, self.last, f.tokens[0]);
            let group = clause::verb_group(toks, self.first, f.tokens[0]);
            if let Some(ev) = self.finish(
                f,
                main.actors.clone(),
                main.recipients.clone(),
                f.trigger.mutual,
                false,
                // The call itself happened, whatever was said in it.
                if opening.is_some() {
                    main.modality
                } else {
                    crate::clause::Modality::Asserted
                },
                group,
                bounds,
                &[],
            ) {
                framed.push(ev);
            }
        }
        framed
    }
}
