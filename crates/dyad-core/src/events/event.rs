//! One trigger's roles. An event noun takes its possessor or modifier ("Israeli
//! strikes"), the parties "between X and Y", or its light verb's subject ("held talks");
//! a deontic verb is its reporter's demand of its subject; a passive takes its agent from
//! "by" and its patient from the subject; an active verb takes its (possibly shared)
//! subject and its object. Then mutual events, weak triggers and the implicit authorities
//! behind an agentless arrest.

use super::bounds::{complement_end, object_end, prep_before, same_actor};
use super::words::light_verb;
use super::{Event, Found, Sentence};
use crate::clause::{self, Modality};
use crate::mentions::{Mention, MentionKind};

impl Sentence<'_> {
    pub(super) fn event<'l>(&self, f: &Found<'l>, later: &[Found<'l>]) -> Option<Event<'l>> {
        let toks = self.tokens;
        let t = f.trigger;
        let head = f.head;
        let start = f.tokens[0];
        let end = *f.tokens.last().unwrap() + 1;
        let group = clause::verb_group(toks, self.first, start);
        let (cs, ce) = clause::clause_bounds(toks, self.first, self.last, start);
        // "did not attend the summit", "will attend the summit": an event noun takes the
        // negation and modality of its light verb.
        let light = (t.kind == 'N' && group.is_empty())
            .then(|| light_verb(toks, self.first, start))
            .flatten()
            .map(|lv| (lv, clause::verb_group(toks, self.first, lv)))
            .filter(|(_, g)| !g.is_empty());
        let negated = clause::negated(toks, group.clone())
            || light
                .as_ref()
                .is_some_and(|(_, g)| clause::negated(toks, g.clone()));
        let mut modality = match &light {
            Some((lv, g)) => clause::modality(toks, g.clone(), *lv, self.last),
            None => clause::modality(toks, group.clone(), start, self.last),
        };
        // "a man killed by police": a bare participle right after a noun, with its agent.
        let reduced_passive = t.kind == 'V'
            && group.is_empty()
            && f.tokens.len() == 1
            && start > self.first
            && toks[head].norm.ends_with("ed")
            && toks.get(head + 1).is_some_and(|x| x.norm == "by")
            // "retaliated by announcing tariffs" is active, with its means.
            && toks.get(head + 2).is_none_or(|x| !x.norm.ends_with("ing"))
            // "Somali forces, backed by U.S. airstrikes, ...": also after a comma.
            && self.mentions.iter().any(|m| {
                m.last == start || m.last + 1 == start && toks[m.last].norm == ","
            });
        let passive =
            t.kind == 'V' && (clause::passive(toks, group.clone(), head) || reduced_passive);
        let obj_end = object_end(toks, end, self.last);
        // Objects may sit inside a gapped pattern: "accused *the United States* of".
        let obj_start = if t.kind == 'V' { start + 1 } else { end };
        let mut actors;
        let mut recipients;
        let mut mutual = t.mutual;
        if t.kind == 'N' {
            // Possessor or modifier: "Putin's summit", "his meeting", "Israeli air strikes".
            actors = self
                .mentions
                .iter()
                .filter(|m| {
                    m.last <= start
                        && m.last + 3 >= start
                        && (m.possessive || m.kind == MentionKind::Adjective || m.last == start)
                        && self.usable(m)
                        && !self.between_is_verb(m.last, start)
                })
                .cloned()
                .collect::<Vec<_>>();
            actors.truncate(1);
            // "The Philippine and Vietnamese coast guards held their joint exercise": a plural
            // possessive stands for the whole coordinated group it resolved into.
            if let Some(p) = actors
                .first()
                .filter(|p| p.kind == MentionKind::Pronoun && p.plural)
                .cloned()
            {
                let group: Vec<Mention> = self
                    .mentions
                    .iter()
                    .rfind(|m| m.last <= p.first && m.country == p.country && self.usable(m))
                    .map(|a| {
                        self.mentions
                            .iter()
                            .filter(|m| m.group == a.group && self.usable(m))
                            .cloned()
                            .collect()
                    })
                    .unwrap_or_default();
                if group.len() >= 2 {
                    actors = group;
                }
            }
            // "between X and Y"
            let near = (end..obj_end.min(end + 5))
                .take_while(|&i| !toks[i].punct || toks[i].norm == "(" || toks[i].norm == ")");
            let btw = near
                .into_iter()
                .find(|&i| toks[i].norm == "between" || toks[i].norm == "among");
            if let Some(b) = btw {
                let mut ms: Vec<Mention> = self
                    .mentions
                    .iter()
                    .filter(|m| {
                        m.first > b
                            && m.last <= obj_end
                            && m.kind != MentionKind::Adjective
                            && self.usable(m)
                            && !self.determiner(m)
                    })
                    .cloned()
                    .collect();
                // "between X and Y": the first two participants, or one coordinated group.
                let g0 = ms.first().map(|m| m.group);
                let n = ms.iter().take_while(|m| Some(m.group) == g0).count().max(2);
                ms.truncate(n);
                if ms.len() >= 2 && actors.is_empty() {
                    actors = vec![ms[0].clone()];
                    recipients = ms[1..].to_vec();
                    mutual = true;
                    return self.finish(
                        f,
                        actors,
                        recipients,
                        mutual,
                        negated,
                        modality,
                        group,
                        (cs, ce),
                        later,
                    );
                }
            }
            // Object of a light verb: the clause subject is the actor.
            let light = light_verb(toks, self.first, start);
            if let (true, Some(lv)) = (actors.is_empty(), light) {
                let g = clause::verb_group(toks, self.first, lv);
                actors = self.subject_opts(g.start, cs, true);
                modality = clause::modality(toks, g.clone(), start, self.last);
            }
            // "flew to Manila for talks with Marcos": a purpose noun is the clause subject's.
            if actors.is_empty() && start > self.first && toks[start - 1].norm == "for" {
                actors = self.subject(start, cs);
            }
            // "Zelenskiy, speaking after talks with Merz, asked ...": a meeting noun after
            // "after / before / following" with its partner is the sentence subject's.
            if actors.is_empty()
                && mutual
                && start > self.first
                && matches!(
                    toks[start - 1].norm.as_str(),
                    "after" | "before" | "following"
                )
                && toks.get(end).is_some_and(|t| t.norm == "with")
            {
                actors = self.leading_subject(self.first, start - 1);
                actors.truncate(1);
            }
            // "prompting a protest from Tokyo", "drew condemnation from Washington": the
            // author after "from".
            if actors.is_empty()
                && matches!(
                    t.plover.as_str(),
                    "PROTEST" | "ACCUSE" | "REJECT" | "SUPPORT"
                )
                && end < self.last
                && toks[end].norm == "from"
            {
                actors = self.objects(end, obj_end, &["from".to_string()], &[]);
                actors.truncate(1);
            }
            // "an attack by X on Y"
            if actors.is_empty() && end < self.last && toks[end].norm == "by" {
                actors = self.objects(end, obj_end, &["by".to_string()], &[]);
                actors.truncate(1);
            }
            // "the arrest of an opposition leader by Tanzanian police": "of X by Y".
            if actors.is_empty() && end < self.last && toks[end].norm == "of" {
                // Not the agent of a participle ("a meeting of the Council requested by X",
                // "a base held by rebels"), nor one past a punctuation mark.
                let by = (end + 1..obj_end)
                    .take_while(|&i| !toks[i].punct)
                    .find(|&i| toks[i].norm == "by")
                    .filter(|&b| {
                        let p = toks[b - 1].norm.as_str();
                        !p.ends_with("ed") && !crate::lexicon::triggers::irregular_past(p)
                    });
                if let Some(b) = by {
                    actors = self.objects(b, obj_end, &["by".to_string()], &[]);
                    actors.retain(|m| prep_before(toks, self.first, m) == Some("by"));
                    actors.truncate(1);
                }
            }

            if actors.is_empty() {
                return None;
            }
            // "the attack on a hotel in Mogadishu": force acts on the place, as for verbs.
            let force = matches!(t.plover.as_str(), "ASSAULT" | "COERCE");
            recipients = if t.norecip {
                vec![]
            } else {
                self.objects_opts(end, obj_end, &t.rp, &actors, force, force)
            };
            // "Armenia and Azerbaijan held peace talks in Abu Dhabi": the coordinated parties
            // meet each other; only a partner "with" them is another recipient.
            if mutual && actors.len() >= 2 {
                recipients.retain(|r| prep_before(toks, self.first, r) == Some("with"));
            }
            // "Rwanda was hit with U.S. sanctions", "was slapped with tariffs": the subject of
            // the passive verb before "with" bears the act.
            if recipients.is_empty() && !t.norecip {
                let w = (start.saturating_sub(4).max(self.first)..start)
                    .rev()
                    .find(|&i| toks[i].norm == "with");
                if let Some(w) = w.filter(|&w| {
                    w > self.first
                        && matches!(
                            toks[w - 1].norm.as_str(),
                            "hit" | "slapped" | "targeted" | "punished"
                        )
                        && clause::passive(toks, clause::verb_group(toks, self.first, w - 1), w - 1)
                }) {
                    // The sentence's subject, past a relative clause ("Rwanda, which ...").
                    recipients = self
                        .leading_subject(self.first, w)
                        .into_iter()
                        .filter(|r| !actors.iter().any(|a| same_actor(a, r)))
                        .collect();
                }
            }
            // "French and German talks", "Israeli-Palestinian talks": a mutual noun's modifier
            // coordinated with others meets them.
            if mutual && actors.len() == 1 {
                let a = &actors[0];
                let partners: Vec<Mention> = self
                    .mentions
                    .iter()
                    .filter(|m| {
                        m.group == a.group
                            && m.last <= start
                            && m.kind == a.kind
                            && self.usable(m)
                            && !same_actor(a, m)
                    })
                    .cloned()
                    .collect();
                // The venue after "in" is then no recipient; only a partner "with" them is.
                if !partners.is_empty() {
                    recipients.retain(|r| prep_before(toks, self.first, r) == Some("with"));
                    recipients.splice(0..0, partners);
                }
            }
            if mutual && recipients.is_empty() && actors.len() < 2 {
                return None;
            }
        } else if t.deontic {
            // "The Red Cross said US and British forces must ensure security."
            recipients = self.subject(group.start, cs);
            actors = self
                .reporters
                .iter()
                .map(|&k| self.mentions[k].clone())
                .filter(|m| m.last <= start)
                .take(1)
                .collect();
            if recipients.is_empty() || actors.is_empty() {
                return None;
            }
            let mut f2 = f.clone();
            f2.tokens = vec![start];
            return self.finish(
                &f2,
                actors,
                recipients,
                false,
                negated,
                Modality::Asserted,
                group,
                (cs, ce),
                &[],
            );
        } else if passive {
            let by = (end..obj_end).find(|&i| toks[i].norm == "by");
            actors = match by {
                Some(b) => {
                    // The first agent, with those coordinated with it ("by the European
                    // Union and the United Nations").
                    // The agent is what "by" governs, not a place after it ("killed by a
                    // roadside bomb in Mali" names no agent).
                    let mut a = self.objects(b + 1, obj_end, &["by".to_string()], &[]);
                    if a.first()
                        .is_some_and(|m| prep_before(toks, self.first, m) != Some("by"))
                    {
                        a.clear();
                    }
                    if let Some(g) = a.first().map(|m| m.group) {
                        a.retain(|m| m.group == g);
                    }
                    a
                }
                None => vec![],
            };
            recipients = self.subject(group.start, cs);
            if recipients.is_empty() {
                recipients = self.subject(group.start, self.first);
            }
        } else {
            // "met Netanyahu in Jerusalem and pledged to ...": a verb coordinated with an
            // earlier one shares its subject, not the nearest name.
            let coordinated = group.start > cs.max(self.first)
                && toks[group.start - 1].norm == "and"
                && !self.mentions.iter().any(|m| {
                    m.last == group.start - 1
                        && m.first + 1 == m.last
                        && m.kind == MentionKind::Pronoun
                });
            // "visited India after meeting Biden": a gerund after a temporal conjunction
            // shares the main clause's subject, not the nearest name.
            let temporal = start > self.first
                && toks[head].norm.ends_with("ing")
                && matches!(
                    toks[start - 1].norm.as_str(),
                    "after" | "before" | "while" | "since"
                );
            actors = if coordinated {
                self.leading_subject(cs, group.start - 1)
            } else if temporal {
                self.leading_subject(self.first, start - 1)
            } else {
                vec![]
            };
            if actors.is_empty() {
                actors = self.subject(group.start, cs);
            }
            if actors.is_empty() {
                actors = self.subject(group.start, self.first);
            }
            if actors.is_empty() {
                // "US authorities said that removing sanctions is out of the question."
                actors = self
                    .reporters
                    .iter()
                    .map(|&k| self.mentions[k].clone())
                    .filter(|m| m.last <= start)
                    .take(1)
                    .collect();
            }
            // "declared a state of siege in Haiti": force and coercion act on the place.
            let force = matches!(t.plover.as_str(), "ASSAULT" | "MOBILIZE" | "COERCE");
            // "blocked the deployment of Kenyan police to Haiti": the "of" after a pattern's
            // own object noun names whose act it is, the party acted on.
            let mut rp = t.rp.clone();
            if t.pattern.contains(" * ") && end < self.last && toks[end].norm == "of" {
                rp.push("of".into());
            }
            recipients = if t.norecip {
                vec![]
            } else {
                self.objects_opts(
                    obj_start,
                    obj_end,
                    &rp,
                    &actors,
                    force,
                    matches!(t.plover.as_str(), "ASSAULT" | "COERCE"),
                )
            };
            // "condemned the Israeli raid on the Jenin camp", "criticised the Chinese
            // decision": a judgement's direct object modified by a demonym targets that
            // country, over places and parties named later in the object.
            if matches!(t.plover.as_str(), "ACCUSE" | "SUPPORT" | "REJECT") && !t.norecip {
                let adj = self.mentions.iter().find(|m| {
                    m.first >= end
                        && (end..m.first)
                            .all(|i| matches!(toks[i].norm.as_str(), "the" | "a" | "an"))
                });
                if let Some(adj) = adj.filter(|m| {
                    m.kind == MentionKind::Adjective
                        && self.usable(m)
                        && !actors.iter().any(|a| same_actor(a, m))
                        && toks.get(m.last).is_some_and(|n| !n.cap && !n.punct)
                }) {
                    recipients = vec![adj.clone()];
                }
            }
            // "launched 120 drones": the weapon a force pattern names as its own object is no
            // party ("expelled four vessels" keeps them: the vessels are acted on).
            if t.pattern.contains(" * ") && matches!(t.plover.as_str(), "ASSAULT" | "MOBILIZE") {
                recipients.retain(|r| {
                    r.last != end
                        || !crate::coref::INSTRUMENTS.contains(&toks[end - 1].norm.as_str())
                });
            }
            // "deported 200 Venezuelans to El Salvador": deportees whose country the text
            // names are the recipient, not the destination.
            if t.cameo == "174" {
                let deportees = self.mentions.iter().find(|m| {
                    m.first >= obj_start
                        && m.last <= obj_end
                        && m.kind == MentionKind::Direct
                        && m.country.is_some()
                        && prep_before(toks, self.first, m).is_none()
                        && !m.rules.iter().any(|r| r.starts_with("coref:"))
                        && !actors.iter().any(|a| same_actor(a, m))
                });
                if let Some(m) = deportees {
                    recipients = vec![m.clone()];
                }
            }
            // "signed a law ... on the Belarus border": a weak trigger's recipient is its
            // direct object or comes with one of its prepositions ("signed with Belarus").
            if t.weak && !t.rp.is_empty() {
                recipients.retain(|r| {
                    prep_before(toks, self.first, r).is_none_or(|p| t.rp.iter().any(|x| x == p))
                });
            }
            // "North Korea and Belarus agreed", "French and Egyptian warships launched war games": with each other.
            let several = actors.len() >= 2 || actors.iter().any(|a| a.kind == MentionKind::Pair);
            if several && mutual {
                recipients.clear();
            }
            // "agreed to allow aid into Gaza": a recipient that is not the partner
            // ("with X", or the direct object of "met X") makes the event one-way.
            if mutual && !several {
                let p = recipients
                    .first()
                    .and_then(|r| prep_before(toks, self.first, r));
                if p.is_some_and(|p| !matches!(p, "with" | "between" | "among" | "and")) {
                    mutual = false;
                }
            }
        }
        if actors.is_empty() && (recipients.is_empty() || !passive) {
            return None;
        }
        // "for these conditions to be met": a meeting needs its participants.
        if passive && actors.is_empty() && t.plover == "CONSULT" {
            return None;
        }
        // "warned that Tehran would respond to any attack": a warning of force needs no recipient.
        let force_warning = t.comp
            && t.plover == "THREATEN"
            && !actors.is_empty()
            && later.iter().any(|g| {
                g.tokens[0] < complement_end(toks, end - 1, self.last)
                    && crate::codes::quad_class(&g.trigger.plover) >= 3
            });
        // "Congolese troops and M23 rebels fought": two sides of a fight fight each other.
        // "Morocco and Algeria severed ties": a relation "with" someone, between the two.
        // "China and the Philippines blamed each other", "accused one another of": a
        // reciprocal object, likewise.
        let reciprocal = (start..(end + 3).min(self.last)).any(|k| {
            k + 1 < self.last
                && matches!(
                    (toks[k].norm.as_str(), toks[k + 1].norm.as_str()),
                    ("each", "other") | ("one", "another")
                )
        });
        if (t.weak && t.plover == "ASSAULT" || t.rp.iter().any(|r| r == "with") || reciprocal)
            && !passive
            && recipients.is_empty()
            && actors.len() >= 2
            && actors.iter().any(|a| !same_actor(a, &actors[0]))
        {
            mutual = true;
        } else if t.weak
            && !t.adopt
            && !passive
            && !force_warning
            && (actors.is_empty() || recipients.is_empty())
            && !(recipients.is_empty() && self.answers_charge(t, &actors))
        {
            return None;
        }
        // "the opposition leader was arrested": an arrest, charge or sentence with no agent
        // is the authorities' of the place named, else of the person's own country.
        // "Two French nationals held in Iran were freed": a release likewise, but only
        // where a place is named (hostages are freed by their captors).
        let coercion = t.plover == "COERCE" && t.cameo.starts_with("17");
        let release = t.cameo == "0841"
            && recipients
                .first()
                .is_some_and(|r| r.person || r.plural && r.sector.is_some() && !r.place_like);
        if passive && actors.is_empty() && (coercion || release) && modality == Modality::Asserted {
            if let Some(a) = self.implicit_authorities(f, &recipients, coercion) {
                actors = vec![a];
            }
        }
        self.finish(
            f,
            actors,
            recipients,
            mutual,
            negated,
            modality,
            group,
            (cs, ce),
            later,
        )
    }
}

impl Sentence<'_> {
    /// "..., a charge Asmara denied": a refusal whose subject follows ", a charge / claim /
    /// accusation / allegation" answers the main clause (its recipient is filled there).
    pub(super) fn answers_charge(
        &self,
        t: &crate::lexicon::triggers::Trigger,
        actors: &[Mention],
    ) -> bool {
        let toks = self.tokens;
        t.plover == "REJECT"
            && actors.first().is_some_and(|m| {
                m.first >= self.first + 3
                    && toks[m.first - 3].norm == ","
                    && matches!(toks[m.first - 2].norm.as_str(), "a" | "an")
                    && matches!(
                        toks[m.first - 1].norm.as_str(),
                        "charge" | "claim" | "accusation" | "allegation"
                    )
            })
    }
}
