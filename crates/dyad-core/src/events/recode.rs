//! Recoding an event once its roles are known: intentions take the type of what is
//! intended (a promise to attack is THREATEN), verbs that adopt their complement take its
//! code, future and conditional acts become promises or threats, negated futures refusals;
//! civilians who damage property riot, a government's protest is a complaint, joint drills
//! are cooperation; and the narrative-past flag the dates rely on.

use super::bounds::{complement_end, prep_before, same_actor};
use super::words::context_from_words;
use super::{Event, Found, Sentence};
use crate::clause::{self, Modality};
use crate::mentions::{Mention, MentionKind};
use crate::text::Token;

impl Sentence<'_> {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn finish<'l>(
        &self,
        f: &Found<'l>,
        actors: Vec<Mention>,
        recipients: Vec<Mention>,
        mutual: bool,
        negated: bool,
        modality: Modality,
        group: std::ops::Range<usize>,
        clause: (usize, usize),
        later: &[Found<'l>],
    ) -> Option<Event<'l>> {
        let t = f.trigger;
        let toks = self.tokens;
        let mut mutual = mutual;
        let mut recipients = recipients;
        let mut plover = t.plover.clone();
        let mut cameo = t.cameo.clone();
        let mut goldstein = t.goldstein;
        let mut mode = t.mode.clone();
        let mut context = t.context.clone();
        let mut modality = modality;
        let end = *f.tokens.last().unwrap() + 1;
        // An intention takes its type from what is intended.
        if t.intent {
            modality = Modality::Future;
            let comp_end = complement_end(toks, end - 1, self.last);
            // "vowed to continue the offensive": look through verbs that only adopt their complement.
            if let Some(g) = later
                .iter()
                .filter(|g| !g.trigger.adopt)
                .find(|g| g.tokens[0] < comp_end)
            {
                let q = crate::codes::quad_class(&g.trigger.plover);
                // "pledged to send peacekeeping troops to Gaza": a promise of help.
                let helping = g.trigger.plover == "MOBILIZE"
                    && (helping_purpose(toks, g.tokens[0], self.last)
                        || (g.tokens[0]..comp_end.min(self.last))
                            .any(|i| toks[i].norm.starts_with("peacekeep")));
                if helping {
                    context = vec!["military".into()];
                } else if q >= 3 {
                    plover = "THREATEN".into();
                    cameo = "130".into();
                    goldstein = -4.4;
                    mode = String::new();
                } else if g.trigger.plover != "AGREE" {
                    context = g.trigger.context.clone();
                }
            }
        }
        // "ordered the expulsion", "decided to suspend": the complement's own event, by this actor.
        // "the court ordered Israel to allow aid": an order to someone else is a demand of them.
        let order_to_other = toks[f.head].norm.starts_with("order")
            && recipients.iter().any(|r| {
                toks.get(r.last).is_some_and(|x| x.norm == "to")
                    && !actors.iter().any(|a| same_actor(a, r))
                    && !matches!(r.sector.as_deref(), Some("MIL" | "COP"))
            });
        if t.adopt && !order_to_other {
            let comp_end = complement_end(toks, end - 1, self.last);
            // "vowed to continue the offensive": look through verbs that only adopt their complement.
            if let Some(g) = later
                .iter()
                .filter(|g| !g.trigger.adopt)
                .find(|g| g.tokens[0] < comp_end)
            {
                plover = g.trigger.plover.clone();
                cameo = g.trigger.cameo.clone();
                goldstein = g.trigger.goldstein;
                mode = g.trigger.mode.clone();
                context = g.trigger.context.clone();
                // "the government and the rebels resumed negotiations": with each other.
                if g.trigger.mutual {
                    mutual = true;
                    if actors.len() >= 2 {
                        recipients.clear();
                    }
                }
            } else if t.weak && recipients.is_empty() || t.cameo == "030" {
                // "continued crashing", "decided": nothing adopted, and the verb codes nothing itself.
                return None;
            }
        }
        // "agreed to extend its sanctions": a decision to coerce is the coercion.
        if t.plover == "AGREE" && t.comp && !t.intent && !t.adopt {
            let comp_end = complement_end(toks, end - 1, self.last);
            if let Some(g) = later
                .iter()
                .filter(|g| !g.trigger.adopt)
                .find(|g| g.tokens[0] < comp_end)
                .filter(|g| matches!(g.trigger.plover.as_str(), "SANCTION" | "COERCE"))
            {
                plover = g.trigger.plover.clone();
                cameo = g.trigger.cameo.clone();
                goldstein = g.trigger.goldstein;
                mode = g.trigger.mode.clone();
                context = g.trigger.context.clone();
                mutual = false;
            }
        }
        if t.plover == "AGREE"
            && (toks[f.head].norm.starts_with("propos") || toks[f.head].norm.starts_with("offer"))
        {
            modality = Modality::Proposed;
        }
        // "held joint naval drills": drills held jointly are military cooperation (before the
        // modality recoding: "will hold joint drills" is a promise, not a threat).
        if plover == "MOBILIZE"
            && f.tokens[0] < end
            && (f.tokens[0]..end).any(|i| toks[i].norm == "joint")
        {
            plover = "COOPERATE".into();
            cameo = "062".into();
            goldstein = 7.4;
            mode = String::new();
            context = vec!["military".into()];
            mutual = true;
        }
        // Future and conditional events: intentions and threats.
        let conditional = toks[end.min(self.last)..self.last]
            .iter()
            .any(|x| x.norm == "unless");
        if matches!(modality, Modality::Future | Modality::Hypothetical) && !t.intent {
            let q = crate::codes::quad_class(&plover);
            // "would recognise a Palestinian state unless Israel agreed to a ceasefire": a
            // future act on a condition is an ultimatum to the condition's subject.
            if conditional && (q == 2 || q == 4 || q == 1 && plover != "AGREE" && !negated) {
                mutual = false;
                plover = "THREATEN".into();
                cameo = "130".into();
                goldstein = -4.4;
                mode = String::new();
                if let Some(m) = self.condition_subject(end, &actors) {
                    recipients = vec![m];
                }
            } else if negated && (q <= 2 || plover == "SANCTION") {
                // "would not negotiate with protesters": a refusal is one-way; so is "would
                // never impose sanctions on Russia", no threat.
                mutual = false;
                plover = "REJECT".into();
                cameo = "120".into();
                goldstein = -4.0;
                mode = String::new();
            } else if plover == "MOBILIZE" && helping_purpose(toks, end, self.last) {
                // "will deploy police officers to Haiti to fight gangs", "would send troops to
                // protect the government": a promise of military help, not a threat.
                mutual = false;
                plover = "AGREE".into();
                cameo = "033".into();
                goldstein = 5.2;
                mode = String::new();
                context = vec!["military".into()];
            } else if q == 4 {
                mutual = false;
                cameo = if plover == "ASSAULT" {
                    "138".into()
                } else {
                    "130".into()
                };
                plover = "THREATEN".into();
                goldstein = -4.4;
                mode = String::new();
            } else if q <= 2
                && plover != "AGREE"
                && (modality == Modality::Future
                    // "would send instructors if Kyiv asked": a conditional promise.
                    || conditional_promise(toks, group.clone()))
            {
                cameo = match plover.as_str() {
                    "CONSULT" => "036",
                    "AID" => "033",
                    "COOPERATE" => "031",
                    "SUPPORT" => "032",
                    _ => "030",
                }
                .into();
                plover = "AGREE".into();
                goldstein = 4.0;
                mode = String::new();
            }
        }
        // "Protesters set fire to parliament", "students occupied buildings": civilians who
        // damage or occupy property riot or protest, they do not coerce.
        // "protesters stormed parliament": storming by civilians is a riot too.
        let stormed = plover == "ASSAULT" && toks[f.head].norm.starts_with("storm");
        if (plover == "COERCE" && matches!(cameo.as_str(), "171" | "192") || stormed)
            && !actors.is_empty()
            && actors.iter().all(|a| {
                // The head noun, before a place attached to it ("Protesters in Nairobi").
                let head_end = (a.first + 1..a.last)
                    .find(|&i| matches!(toks[i].norm.as_str(), "in" | "of" | "from"))
                    .unwrap_or(a.last);
                let head = toks[head_end.saturating_sub(1)].norm.as_str();
                let protesters = matches!(
                    head,
                    "protesters"
                        | "protestors"
                        | "demonstrators"
                        | "rioters"
                        | "crowd"
                        | "crowds"
                        | "mob"
                        | "mobs"
                        | "activists"
                        | "students"
                        | "workers"
                        | "farmers"
                        | "strikers"
                        | "residents"
                        | "villagers"
                        | "youths"
                        | "locals"
                        | "mourners"
                );
                (protesters || matches!(a.sector.as_deref(), Some("EDU" | "LAB" | "OPP")))
                    && a.role.is_none()
                    && a.name.is_none()
            })
        {
            let riot = cameo == "171" || stormed;
            plover = "PROTEST".into();
            cameo = if riot { "145" } else { "144" }.into();
            goldstein = -7.5;
            mode = if riot { "riot" } else { "obstruct" }.into();
            context = vec![];
        }
        // "the foreign ministry protested", "a protest from Tokyo", "Japan protested to China":
        // a government's or a state's protest is an official complaint.
        if plover == "PROTEST"
            && !actors.is_empty()
            && actors.iter().all(|a| {
                a.kind == MentionKind::Direct
                    && !a.person
                    && !a.plural
                    && (a.name.is_none() || a.place_like)
                    // "Tokyo", "the foreign ministry": a government, not a people or a
                    // region; "Japan protested to China": a state addressing another.
                    && (a.sector.as_deref() == Some("GOV")
                        || a.sector.is_none()
                            && recipients.iter().any(|r| {
                                r.country.is_some()
                                    && matches!(
                                        prep_before(toks, self.first, r),
                                        Some("to" | "with")
                                    )
                            }))
                    && a.country
                        .as_deref()
                        .is_some_and(|c| c.len() == 3 && !crate::lexicon::NON_STATE.contains(&c))
            })
        {
            plover = "ACCUSE".into();
            cameo = "114".into();
            goldstein = -2.0;
            mode = "allege".into();
            context = vec!["diplomatic".into()];
        }
        // "declared a state of emergency": with no place named, over the actor's own country.
        if cameo.starts_with("172") && recipients.is_empty() {
            if let Some(a) = actors.first().filter(|a| a.kind == MentionKind::Direct) {
                let mut place = a.clone();
                place.sector = None;
                place.place_like = true;
                place.name = None;
                place.role = None;
                // Not the actor's own mention: the country as a place.
                place.first = a.last;
                recipients = vec![place];
            }
        }
        // "Xi welcomed Vietnam's top leader To Lam to Beijing": welcoming a leader to a place
        // is hosting a visit.
        if plover == "SUPPORT"
            && toks[f.head].norm.starts_with("welcom")
            && recipients.iter().any(|r| {
                (r.person || r.role.is_some())
                    && toks.get(r.last).is_some_and(|t| t.norm == "to")
                    && toks.get(r.last + 1).is_some_and(|t| t.cap)
            })
        {
            plover = "CONSULT".into();
            cameo = "043".into();
            goldstein = 2.8;
            mode = "host".into();
            context = vec![];
        }
        // "U.S. warships arrived in the Caribbean": units that arrive are deployed, not visiting.
        if plover == "CONSULT"
            && matches!(cameo.as_str(), "042" | "043")
            && !actors.is_empty()
            && actors
                .iter()
                .all(|a| a.sector.as_deref() == Some("MIL") && a.role.is_none() && a.name.is_none())
        {
            plover = "MOBILIZE".into();
            cameo = "154".into();
            goldstein = -7.2;
            mode = String::new();
            context = vec!["military".into()];
            mutual = false;
        }
        if matches!(plover.as_str(), "AID" | "COOPERATE" | "AGREE") {
            if let Some(c) = context_from_words(
                toks,
                f.tokens[0],
                clause::clause_bounds(toks, self.first, self.last, end.min(self.last - 1))
                    .1
                    .max(end),
            ) {
                context = vec![c.to_string()];
            }
        }
        let narrative = if t.kind == 'N' {
            let (cs, ce) = clause;
            let w = |x: &Token| x.norm.clone();
            let words: Vec<String> = toks[cs..ce].iter().map(w).collect();
            !words
                .iter()
                .any(|x| matches!(x.as_str(), "will" | "has" | "have" | "would" | "is" | "are"))
                && words.iter().any(|x| {
                    x.ends_with("ed")
                        || matches!(
                            x.as_str(),
                            "took" | "was" | "were" | "held" | "met" | "came" | "began" | "went"
                        )
                })
        } else {
            clause::simple_past(toks, group, f.head)
        };
        // "threatened to stop talks if the United States goes ahead": the threat is
        // addressed to the subject of its condition; "threatened retaliation after the EU
        // imposed tariffs": to the author of what provoked it.
        if plover == "THREATEN" && recipients.is_empty() {
            if let Some(m) = self.condition_subject(end, &actors) {
                recipients = vec![m];
            }
        }
        Some(Event {
            found: f.clone(),
            plover,
            cameo,
            goldstein,
            mode,
            context,
            actors,
            recipients,
            mutual,
            negated,
            modality,
            narrative,
            clause,
        })
    }
}

impl Sentence<'_> {
    /// The subject of the first "if / unless / after" clause after `end`, when it is not the
    /// actor itself: the party a threat or an ultimatum is addressed to.
    fn condition_subject(&self, end: usize, actors: &[Mention]) -> Option<Mention> {
        let toks = self.tokens;
        let c = (end.min(self.last)..self.last)
            .find(|&i| matches!(toks[i].norm.as_str(), "if" | "unless" | "after"))?;
        self.mentions
            .iter()
            .find(|m| {
                m.first > c
                    && m.first <= c + 4
                    && self.usable(m)
                    && m.kind != MentionKind::Adjective
            })
            .filter(|m| !actors.iter().any(|a| same_actor(a, m)))
            .cloned()
    }
}

/// "would"/"will" in the verb group of a conditional clause: a promise on a condition.
pub(super) fn conditional_promise(toks: &[Token], group: std::ops::Range<usize>) -> bool {
    toks[group]
        .iter()
        .any(|t| matches!(t.norm.as_str(), "will" | "would" | "'ll"))
}

/// A purpose clause of help after a deployment: "... to protect", "... to help fight gangs".
pub(super) fn helping_purpose(toks: &[Token], from: usize, last: usize) -> bool {
    let end = clause::clause_bounds(
        toks,
        from.min(last.saturating_sub(1)),
        last,
        from.min(last.saturating_sub(1)),
    )
    .1;
    // "as part of NATO's forward land forces", "as part of a peacekeeping mission".
    // ("as" opens a clause of its own, so the search runs to the next comma.)
    let as_part = (from..last)
        .take_while(|&i| !matches!(toks[i].norm.as_str(), "," | ";"))
        .any(|i| {
            i + 2 < last
                && toks[i].norm == "as"
                && toks[i + 1].norm == "part"
                && toks[i + 2].norm == "of"
        });
    as_part
        || (from..end.min(last)).any(|i| {
            toks[i].norm == "to"
                && toks.get(i + 1).is_some_and(|t| {
                    matches!(
                        t.norm.as_str(),
                        "protect"
                            | "help"
                            | "support"
                            | "assist"
                            | "defend"
                            | "secure"
                            | "train"
                            | "bolster"
                            | "reinforce"
                            | "stabilise"
                            | "stabilize"
                            | "restore"
                            | "fight"
                            | "combat"
                            | "tackle"
                            | "guard"
                            | "keep"
                            | "aid"
                    )
                })
        })
}
