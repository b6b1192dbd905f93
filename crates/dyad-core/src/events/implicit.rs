//! Unnamed authorities: an asserted, agentless arrest, charge, sentence or deportation of
//! someone of a known state is the act of the authorities of the place the sentence names,
//! (or, for a deportation or expulsion, the place one is removed "from"), else of the
//! person's own state ("Zambia's opposition leader was arrested" is ZMB>ZMB); an
//! agentless release likewise, but only where a place is named.

use super::bounds::prep_before;
use super::{Found, Sentence};
use crate::mentions::{Mention, MentionKind};

impl Sentence<'_> {
    /// The unnamed authorities behind an agentless coercion: the government of the place the
    /// sentence names ("was arrested in Lebanon"), else (if `own_state`) of the recipient's own state. The
    /// mention spans the trigger, since the text names no actor.
    pub(super) fn implicit_authorities(
        &self,
        f: &Found,
        recipients: &[Mention],
        own_state: bool,
    ) -> Option<Mention> {
        let state = |m: &Mention| {
            m.country
                .as_deref()
                .filter(|c| c.len() == 3 && !crate::lexicon::NON_STATE.contains(c))
                .map(String::from)
        };
        let r = recipients.first()?;
        // Only for someone of a known state: "the 40 were deported" names no one.
        let own = state(r)?;
        // "was deported from Tanzania": the country one is removed from acts.
        let removal = matches!(
            f.trigger.pattern.split_whitespace().next(),
            Some("deport" | "expel")
        );
        let place = self.mentions.iter().find(|m| {
            m.kind == MentionKind::Direct
                && !m.person
                && !m.possessive
                && (m.name.is_none() || m.place_like)
                && !recipients.iter().any(|r| r.first == m.first)
                && prep_before(self.tokens, self.first, m).is_some_and(|p| {
                    matches!(p, "in" | "at" | "near" | "inside" | "outside")
                        || removal && p == "from"
                })
        });
        let country = match place.and_then(state) {
            Some(c) => c,
            None if own_state => own,
            None => return None,
        };
        // The evidence for the country: the place named ("in Lusaka"), else the trigger.
        let (s, e) = match place.filter(|p| state(p).is_some()) {
            Some(p) => (p.first, p.last),
            None => (f.tokens[0], *f.tokens.last()? + 1),
        };
        Some(Mention {
            span: crate::doc::Span::new(self.tokens[s].span.start, self.tokens[e - 1].span.end),
            first: s,
            last: e,
            kind: MentionKind::Direct,
            country: Some(country),
            sector: Some("GOV".into()),
            name: None,
            role: None,
            rank: None,
            plural: true,
            person: false,
            possessive: false,
            place_like: false,
            former: false,
            titled: false,
            group: usize::MAX,
            rules: vec!["implicit:authorities".into()],
        })
    }
}
