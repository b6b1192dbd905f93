//! The sentence pipeline: from the triggers found to the events kept. Complement and
//! means clauses absorb the triggers inside them ("agreed *to strengthen*", "*by
//! hosting*"); participles, reduced relatives, subordinate clauses and reporters' idioms
//! code nothing of their own; a judgement's target is the author of the act judged
//! ("condemned the Israeli strikes"); a repeated act without its recipient is dropped.

use super::bounds::{complement_end, object_end, same_actor};
use super::words::{light_verb, newsroom_idiom, FRAME};
use super::{Event, Found, Sentence};
use crate::clause::{self, PREPS};
use crate::mentions::Mention;

impl Sentence<'_> {
    /// Extracts events from the sentence's triggers.
    pub fn events<'l>(&self, found: Vec<Found<'l>>) -> Vec<Event<'l>> {
        let toks = self.tokens;
        let mut absorbed = vec![false; found.len()];
        // Complements and means clauses.
        for (a, f) in found.iter().enumerate() {
            if absorbed[a] {
                continue;
            }
            let end = complement_end(toks, *f.tokens.last().unwrap(), self.last);
            for (b, g) in found.iter().enumerate().skip(a + 1) {
                if g.tokens[0] >= end {
                    break;
                }
                let framed = g.tokens[0] > self.first
                    && FRAME.contains(&toks[g.tokens[0] - 1].norm.as_str())
                    || g.tokens[0] > self.first + 1
                        && FRAME.contains(&toks[g.tokens[0] - 2].norm.as_str());
                let by_means = g.tokens[0] > self.first
                    && toks[g.tokens[0] - 1].norm == "by"
                    && toks[g.head].norm.ends_with("ing");
                if (f.trigger.comp && !(g.trigger.kind == 'N' && framed)) || by_means {
                    absorbed[b] = true;
                }
            }
        }
        // "lifted a ban on opposition rallies": an event noun in the object of a verb
        // pattern that names its own object is part of that object.
        for a in 0..found.len() {
            let f = &found[a];
            if f.trigger.kind != 'V' || !f.trigger.pattern.contains(" * ") {
                continue;
            }
            let end = *f.tokens.last().unwrap_or(&f.head) + 1;
            if let Some(g) = found.get(a + 1) {
                let gap = g.tokens[0].saturating_sub(end);
                if g.trigger.kind == 'N'
                    && gap <= 4
                    && end < self.last
                    && matches!(toks[end].norm.as_str(), "on" | "against" | "of" | "for")
                    && !toks[end..g.tokens[0]].iter().any(|t| t.punct)
                {
                    absorbed[a + 1] = true;
                }
            }
        }
        let mut out: Vec<Event> = Vec::new();
        for a in 0..found.len() {
            let f = &found[a];
            if absorbed[a] {
                continue;
            }
            // A trigger in a subordinate clause ("unless the president agrees", "who
            // entered") adds nothing once the main clause has an event.
            let (cs, _) = clause::clause_bounds(toks, self.first, self.last, f.tokens[0]);
            let subordinate = cs > self.first
                && matches!(
                    toks[cs - 1].norm.as_str(),
                    "if" | "unless"
                        | "because"
                        | "although"
                        | "though"
                        | "who"
                        | "which"
                        | "whom"
                        | "whose"
                        | "when"
                        | "while"
                        | "whereas"
                        | "until"
                        | "since"
                )
                // "Rwanda, which denies ..., was hit with sanctions": the relative clause
                // closed before the trigger (a comma, then an auxiliary or a past verb).
                && !relative_closed(toks, cs, f.tokens[0]);
            // An infinitive that no verb took as its complement ("a proposal to settle") is not an event of its own.
            let infinitive = f.trigger.kind == 'V'
                && f.tokens[0] > self.first
                && toks[f.tokens[0] - 1].norm == "to";
            // "a statement criticizing Israel", ", killing three": a participle without an auxiliary.
            let participle = f.trigger.kind == 'V'
                && toks[f.head].norm.ends_with("ing")
                && !clause::verb_group(toks, self.first, f.tokens[0]).any(|i| {
                    matches!(
                        toks[i].norm.as_str(),
                        "is" | "was" | "are" | "were" | "be" | "been" | "am"
                    )
                });
            // "a deal brokered by the Vatican": a past participle right after a plain noun.
            let reduced = f.trigger.kind == 'V'
                && f.tokens[0] > self.first
                && (toks[f.head].norm.ends_with("ed") || toks[f.head].norm.ends_with("en"))
                && clause::verb_group(toks, self.first, f.tokens[0]).is_empty()
                && {
                    let p = &toks[f.tokens[0] - 1];
                    !p.punct
                        && !p.cap
                        && !matches!(
                            p.norm.as_str(),
                            "and"
                                | "or"
                                | "it"
                                | "he"
                                | "she"
                                | "they"
                                | "we"
                                | "who"
                                | "which"
                                | "that"
                        )
                        && !self.mentions.iter().any(|m| m.last == f.tokens[0])
                }
                // "a deal brokered by", "weapons sent to": a preposition or a break follows;
                // "airstrikes killed dozens" has an object, so it is a main verb.
                && toks.get(f.head + 1).is_none_or(|n| {
                    n.punct || PREPS.contains(&n.norm.as_str()) || n.norm == "by"
                });
            // "banks accused of helping Moscow": a gapped pattern with nothing in its object
            // slot and no auxiliary is a participle; its subject is the patient, its agent unknown.
            let no_object = f.trigger.kind == 'V'
                && f.trigger.pattern.split_whitespace().nth(1) == Some("*")
                && f.trigger
                    .pattern
                    .split_whitespace()
                    .nth(2)
                    .is_some_and(|w| {
                        matches!(
                            w,
                            "of" | "with"
                                | "for"
                                | "to"
                                | "on"
                                | "from"
                                | "against"
                                | "over"
                                | "as"
                        )
                    })
                && f.tokens.len() >= 2
                && f.tokens[1] == f.tokens[0] + 1
                && toks[f.head].norm.ends_with("ed")
                && clause::verb_group(toks, self.first, f.tokens[0]).is_empty();
            // "pledged $5 million in aid": the verb is the event; its object noun adds nothing.
            // (Not a mutual noun with its own parties: "hosted talks between X and Y" is the
            // host's act and the parties' talks.)
            let own_parties = f.trigger.mutual
                && (f.head + 1..(f.head + 3).min(self.last)).any(|i| toks[i].norm == "between");
            let light_taken = f.trigger.kind == 'N'
                && !own_parties
                && light_verb(toks, self.first, f.tokens[0]).is_some_and(|lv| {
                    found
                        .iter()
                        .any(|g| g.trigger.kind == 'V' && g.tokens[0] == lv && !g.trigger.adopt)
                });
            // "a man convicted of spying": a bare participle after a noun, then "of".
            let participle_of = f.trigger.kind == 'V'
                && f.tokens.len() == 1
                && toks[f.head].norm.ends_with("ed")
                && toks.get(f.head + 1).is_some_and(|x| x.norm == "of")
                && clause::verb_group(toks, self.first, f.tokens[0]).is_empty()
                && self.mentions.iter().any(|m| m.last == f.tokens[0]);
            // "struck Hezbollah targets", "launched strikes on Houthi targets": a verb form
            // right after the object of another trigger heads that object.
            let object_head = f.trigger.kind == 'V'
                && f.tokens.len() == 1
                && self.mentions.iter().any(|m| {
                    m.last == f.tokens[0]
                        && m.first > self.first
                        && found[..a].iter().any(|g| {
                            let g_end = *g.tokens.last().unwrap_or(&0) + 1;
                            g.trigger.kind == 'V'
                                && !toks[g.head].norm.ends_with("ing")
                                && g_end == m.first
                                || g_end + 1 == m.first
                                    && matches!(
                                        toks[m.first - 1].norm.as_str(),
                                        "on" | "against" | "at"
                                    )
                        })
                });
            if no_object
                || light_taken
                || participle_of
                || object_head
                || newsroom_idiom(toks, f, self.first)
            {
                continue;
            }
            // "denied supporting the rebels, accusing Congo of ...": a speech act after a comma
            // is the main subject's own, also when the main verb coded nothing ("closed the
            // country's largest university, accusing it of ...").
            let main_subject = match out.first() {
                Some(e) => e.actors.clone(),
                None => self.leading_subject(self.first, f.tokens[0]),
            };
            if participle
                && !main_subject.is_empty()
                && f.tokens[0] > self.first
                && toks[f.tokens[0] - 1].norm == ","
                && matches!(
                    f.trigger.plover.as_str(),
                    "ACCUSE" | "REQUEST" | "THREATEN" | "REJECT" | "SUPPORT"
                )
            {
                if let Some(mut ev) = self.event(f, &found[a + 1..]) {
                    ev.actors = main_subject;
                    let main = &ev.actors;
                    ev.recipients
                        .retain(|r| !main.iter().any(|m| same_actor(m, r)));
                    // "expelled two British diplomats, accusing them of spying": the object
                    // was set aside as the participle's own subject; look again.
                    if ev.recipients.is_empty() && !f.trigger.norecip {
                        let end = *f.tokens.last().unwrap_or(&f.head) + 1;
                        let obj_end = object_end(toks, end, self.last);
                        ev.recipients = self.objects(f.tokens[0] + 1, obj_end, &f.trigger.rp, main);
                    }
                    out.push(ev);
                }
                continue;
            }
            // "released 20 fishermen arrested for fishing": a participle right after an earlier
            // event's object describes that object; it is background, not a new event.
            let reduced_object = f.trigger.kind == 'V'
                && f.tokens.len() == 1
                && (toks[f.head].norm.ends_with("ed") || toks[f.head].norm.ends_with("en"))
                && clause::verb_group(toks, self.first, f.tokens[0]).is_empty()
                && toks
                    .get(f.head + 1)
                    .is_none_or(|n| n.punct || PREPS.contains(&n.norm.as_str()) && n.norm != "by")
                && out
                    .iter()
                    .any(|e| e.recipients.iter().any(|r| r.last == f.tokens[0]));
            if reduced_object {
                continue;
            }
            let infinitive = infinitive || participle || reduced;
            if (subordinate || infinitive) && !out.is_empty() {
                continue;
            }
            if let Some(mut ev) = self.event(f, &found[a + 1..]) {
                // "raided Serbian-run institutions, prompting protests from Belgrade": a
                // reaction noun after "prompting/sparking/drawing" answers the main actor.
                // "..., prompting South Korea to fire warning shots": a verb after "prompting X
                // to" reacts likewise.
                let prompted_verb = f.trigger.kind == 'V'
                    && f.tokens[0] > self.first
                    && toks[f.tokens[0] - 1].norm == "to";
                // (Its own craft or troops are no recipient: "prompting Tokyo to dispatch a
                // destroyer" answers the main actor.)
                let own_only = prompted_verb
                    && ev.recipients.iter().all(|r| {
                        r.name.is_none()
                            && ev
                                .actors
                                .iter()
                                .any(|a| a.country.is_some() && a.country == r.country)
                    });
                if (f.trigger.kind == 'N' || prompted_verb)
                    && (ev.recipients.is_empty() || own_only)
                    && !f.trigger.norecip
                {
                    let back = if prompted_verb { 6 } else { 3 };
                    let reaction = (f.tokens[0].saturating_sub(back).max(self.first)..f.tokens[0])
                        .any(|i| {
                            matches!(
                                toks[i].norm.as_str(),
                                "prompting"
                                    | "prompted"
                                    | "sparking"
                                    | "sparked"
                                    | "drawing"
                                    | "drew"
                                    | "triggering"
                                    | "triggered"
                                    | "provoking"
                                    | "provoked"
                            )
                        });
                    if reaction {
                        let main = match out.first() {
                            Some(e) => e.actors.clone(),
                            None => self.leading_subject(self.first, f.tokens[0]),
                        };
                        ev.recipients = main
                            .iter()
                            .filter(|m| !ev.actors.iter().any(|a| same_actor(a, m)))
                            .cloned()
                            .collect();
                    }
                }
                // "accused Eritrea of arming rebels, a charge Asmara denied": a refusal in an
                // appositive about the main clause answers the main event's actor.
                if ev.recipients.is_empty() {
                    let appositive = self.answers_charge(f.trigger, &ev.actors);
                    if let Some(main) = out.first().filter(|_| appositive) {
                        ev.recipients = main
                            .actors
                            .iter()
                            .filter(|m| !ev.actors.iter().any(|a| same_actor(a, m)))
                            .cloned()
                            .collect();
                    }
                }
                // "visited Panama and promised to help protect the canal": a coordinated verb
                // with no recipient of its own addresses the previous verb's recipient.
                if f.trigger.kind == 'V'
                    && ev.recipients.is_empty()
                    && !f.trigger.norecip
                    && !matches!(ev.plover.as_str(), "PROTEST" | "MOBILIZE")
                {
                    let g = clause::verb_group(toks, self.first, f.tokens[0]);
                    let coordinated = g.start > self.first && toks[g.start - 1].norm == "and";
                    if let Some(prev) = out.last().filter(|p| {
                        coordinated
                            && !p.recipients.is_empty()
                            && !p.actors.is_empty()
                            && p.actors.len() == ev.actors.len()
                            && p.actors
                                .iter()
                                .zip(&ev.actors)
                                .all(|(x, y)| same_actor(x, y))
                    }) {
                        ev.recipients = prev.recipients.clone();
                    }
                }
                // "condemned the Israeli strikes", "welcomed China's decision": the target of a
                // judgement is the author of the act judged, and the act is not coded again.
                if f.trigger.kind == 'V'
                    && matches!(ev.plover.as_str(), "ACCUSE" | "SUPPORT" | "REJECT")
                {
                    if let Some(b) = self.reason_act(f, &found, a) {
                        // "thanked Denmark for its military aid": the reason is not coded again.
                        absorbed[b] = true;
                    } else if let Some(b) = self.judged_act(f, &found, a) {
                        let judge = |x: &Mention| ev.actors.iter().any(|y| same_actor(x, y));
                        match self.event(&found[b], &found[b + 1..]) {
                            Some(act) if !act.actors.is_empty() => {
                                if !act.actors.iter().any(judge) {
                                    ev.recipients = act.actors;
                                    absorbed[b] = true;
                                }
                            }
                            // "Russia attacked Ukraine and Moldova condemned the strikes": a
                            // definite act noun with no author of its own is the earlier act
                            // of its type in the sentence.
                            _ => {
                                let definite = found[b].tokens[0] > self.first
                                    && matches!(
                                        toks[found[b].tokens[0] - 1].norm.as_str(),
                                        "the" | "these" | "this" | "those"
                                    );
                                if let Some(prev) = out.iter().rev().find(|e| {
                                    definite
                                        && e.plover == found[b].trigger.plover
                                        && !e.actors.is_empty()
                                        && !e.actors.iter().any(judge)
                                }) {
                                    ev.recipients = prev.actors.clone();
                                    absorbed[b] = true;
                                }
                            }
                        }
                    }
                    // "Iran's attack on Israel was condemned by the G7": a passive judgement
                    // whose subject is an act coded before it targets that act's author.
                    let passive_by = toks.get(f.head + 1).is_some_and(|n| n.norm == "by")
                        && clause::verb_group(toks, self.first, f.tokens[0]).any(|i| {
                            matches!(
                                toks[i].norm.as_str(),
                                "was" | "were" | "been" | "is" | "are"
                            )
                        });
                    if ev.recipients.is_empty() && passive_by {
                        if let Some(prev) = out.last().filter(|e| {
                            e.found.trigger.kind == 'N'
                                && !e.actors.is_empty()
                                && !e
                                    .actors
                                    .iter()
                                    .any(|x| ev.actors.iter().any(|y| same_actor(x, y)))
                        }) {
                            ev.recipients = prev.actors.clone();
                        }
                    }
                }
                out.push(ev);
            }
        }
        // "Rwanda, which denies backing the rebels, was hit with U.S. sanctions": an event in a
        // relative clause is background once the main clause has one, whatever the order.
        let opener = |e: &Event| {
            let (cs, _) = clause::clause_bounds(toks, self.first, self.last, e.found.tokens[0]);
            let closed = relative_closed(toks, cs, e.found.tokens[0]);
            (cs > self.first && !closed).then(|| toks[cs - 1].norm.clone())
        };
        let relative = |e: &Event| {
            opener(e).is_some_and(|w| matches!(w.as_str(), "who" | "which" | "whom" | "whose"))
        };
        // Only a main-clause event with an actor outweighs it, not one in another
        // subordinate clause ("militants who attacked a hotel where elders were meeting").
        let main = |e: &Event| {
            !e.actors.is_empty()
                && opener(e).is_none_or(|w| {
                    !matches!(
                        w.as_str(),
                        "who"
                            | "which"
                            | "whom"
                            | "whose"
                            | "where"
                            | "when"
                            | "while"
                            | "if"
                            | "unless"
                            | "because"
                            | "although"
                            | "though"
                            | "since"
                            | "until"
                            | "as"
                            | "after"
                            | "before"
                    )
                })
        };
        if out.iter().any(main) {
            out.retain(|e| !relative(e));
        }
        for ev in out.iter_mut() {
            if let Some(m) = self.addressee(ev) {
                ev.recipients = vec![m];
            }
        }
        let framed = self.framed_meetings(&found, &out);
        out.extend(framed);
        // "visited Saudi Arabia on his first trip abroad": the same act twice, once without
        // its recipient.
        let redundant: Vec<bool> = out
            .iter()
            .enumerate()
            .map(|(i, e)| {
                e.recipients.is_empty()
                    && out.iter().enumerate().any(|(j, o)| {
                        i != j
                            && o.plover == e.plover
                            && !o.recipients.is_empty()
                            && o.actors
                                .iter()
                                .any(|a| e.actors.iter().any(|b| same_actor(a, b)))
                    })
            })
            .collect();
        let mut k = 0;
        out.retain(|_| {
            k += 1;
            !redundant[k - 1]
        });
        out
    }
}

/// Whether a subordinate clause opened at `cs` has closed before the trigger at `at`: a comma
/// inside it is followed by an auxiliary ("Rwanda, which denies ..., was hit"), or the
/// trigger itself follows a comma as a past-tense verb ("Guterres, who has called for a
/// ceasefire, condemned ..."): the main clause resumes.
fn relative_closed(toks: &[crate::text::Token], cs: usize, at: usize) -> bool {
    (cs..at).any(|i| {
        toks[i].norm == ","
            && toks.get(i + 1).is_some_and(|t| {
                matches!(
                    t.norm.as_str(),
                    "was" | "were" | "is" | "are" | "has" | "have" | "had" | "will"
                ) || i + 1 == at
                    && i > cs + 1
                    && (t.norm.ends_with("ed") || crate::lexicon::triggers::irregular_past(&t.norm))
                    && toks.get(i + 2).is_none_or(|n| n.norm != "by")
            })
    })
}
