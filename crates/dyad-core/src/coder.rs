//! The [`Coder`]: compiled lexicons plus the pipeline that runs over a [`Doc`](crate::Doc).
//!
//! Stages, in order, each reading the layers before it:
//! text (tokens, sentences) → times → places → per sentence: mentions →
//! coreference → triggers and roles → dates, places, reporters → records.

use chrono::NaiveDate;

use crate::clause::Modality;
use crate::coref::{self, History};
use crate::doc::{Doc, Span};
use crate::events::{self, Event};
use crate::lexicon::Lexicons;
use crate::mentions::{self, Mention, MentionKind};
use crate::schema::{
    ActorRef, AnnotatedDoc, DateBasis, EventRecord, InputDoc, Location, TextSpan, TimexRecord,
};
use crate::text;

/// Errors from coding one document.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input record failed validation.
    #[error(transparent)]
    Input(#[from] crate::input::InputError),
}

/// Owns the lexicons, the time tagger and the gazetteer; share it across threads by reference.
pub struct Coder {
    lex: Lexicons,
    time: dyad_time::Tagger,
    gaz: dyad_geo::Gazetteer,
}

/// A time expression as the event stage sees it.
#[derive(Clone, Debug)]
struct Tx {
    span: Span,
    date: Option<String>,
    anchor: Option<dyad_time::EventAnchor>,
}

/// What one sentence leaves for the next.
#[derive(Default)]
struct Story {
    history: History,
    /// Date of the latest event dated by the text.
    date: Option<String>,
    /// Reporter of the latest sentence that had one.
    reporter: Option<ActorRef>,
}

impl Coder {
    /// A coder with the lexicons compiled into the binary.
    pub fn builtin() -> Coder {
        Coder::with_lexicons(Lexicons::builtin())
    }

    /// A coder with the given lexicons (built-in ones extended by the user's).
    pub fn with_lexicons(lex: Lexicons) -> Coder {
        Coder::with_parts(lex, dyad_geo::Gazetteer::builtin())
    }

    /// A coder with the given lexicons and gazetteer.
    pub fn with_parts(lex: Lexicons, gaz: dyad_geo::Gazetteer) -> Coder {
        Coder {
            lex,
            time: dyad_time::Tagger::new(),
            gaz,
        }
    }

    /// The gazetteer in use.
    pub fn gazetteer(&self) -> &dyad_geo::Gazetteer {
        &self.gaz
    }

    /// The lexicons in use.
    pub fn lexicons(&self) -> &Lexicons {
        &self.lex
    }

    /// Codes one article into event records.
    pub fn code(&self, doc: &InputDoc) -> Result<Vec<EventRecord>, Error> {
        Ok(self.layers(doc, false)?.events)
    }

    /// Runs every layer and returns them all.
    pub fn annotate(&self, input: &InputDoc) -> Result<AnnotatedDoc, Error> {
        self.layers(input, true)
    }

    /// `full`: also keep the entity and time-expression records (events need neither).
    fn layers(&self, input: &InputDoc, full: bool) -> Result<AnnotatedDoc, Error> {
        let date = crate::input::parse_date(&input.date)?;
        let doc = Doc {
            id: input.id.clone(),
            text: input.text.clone(),
            date,
        };
        Ok(self.run(&doc, full))
    }

    /// Resolves one actor phrase, as `dyad actor` does. `context` is text that
    /// precedes it (for pronouns and counterparts).
    pub fn actor(&self, phrase: &str, context: &str, date: NaiveDate) -> Option<ActorRef> {
        let text = if context.is_empty() {
            phrase.to_string()
        } else {
            format!("{context}\n{phrase}")
        };
        let offset = text.len() - phrase.len();
        let tokens = text::tokenize(&text);
        let sents = text::split_sentences(&tokens);
        let mut history = History::default();
        let mut group = 0;
        let mut best = None;
        for s in &sents {
            let mut ms =
                mentions::find(&self.lex, &text, &tokens, s.first, s.last, date, &mut group);
            coref::resolve(&mut ms, &history, &tokens, s.first);
            for m in &ms {
                if m.span.start >= offset && (m.kind != MentionKind::Adjective || ms.len() == 1) {
                    let covers = (m.span.end - m.span.start) as isize;
                    if best
                        .as_ref()
                        .is_none_or(|(c, _): &(isize, Mention)| covers > *c)
                        && m.country.is_some()
                    {
                        best = Some((covers, m.clone()));
                    }
                }
            }
            history.push_sentence(ms.into_iter().filter(|m| m.country.is_some()));
        }
        best.map(|(_, m)| {
            let mut r = actor_ref(&text, &m);
            r.start -= offset.min(r.start);
            r.end -= offset.min(r.end);
            r
        })
    }

    /// The place layer: toponyms resolved with the article's countries as hints.
    fn places(&self, text: &str, mentions: &[Vec<Mention>]) -> Vec<Location> {
        let mut countries: Vec<&str> = Vec::new();
        let mut exclude = Vec::new();
        for m in mentions.iter().flatten() {
            if let Some(c) = m
                .country
                .as_deref()
                .filter(|c| c.len() == 3 && !crate::lexicon::NON_STATE.contains(c))
            {
                if !countries.contains(&c) {
                    countries.push(c);
                }
            }
            // Names of people and organisations, and demonyms, are not places.
            if !m.place_like && (m.name.is_some() || m.kind == MentionKind::Adjective || m.person) {
                exclude.push((m.span.start, m.span.end));
            }
        }
        let hints = dyad_geo::Hints {
            countries: &countries,
            exclude: &exclude,
        };
        dyad_geo::find_places(&self.gaz, text, &hints)
            .into_iter()
            .map(|p| Location {
                text: text[p.start..p.end].to_string(),
                start: p.start,
                end: p.end,
                name: p.name,
                country: p.country,
                admin1: p.admin1,
                lat: p.lat,
                lon: p.lon,
                geonames_id: p.geonames_id,
                feature_class: Some(p.feature_class),
            })
            .collect()
    }

    fn timexes(&self, doc: &Doc, full: bool) -> (Vec<TimexRecord>, Vec<Tx>) {
        let tags = self.time.tag(&doc.text, doc.date);
        let records = tags
            .iter()
            .filter(|_| full)
            .map(|t| TimexRecord {
                text: doc.text[t.start..t.end].to_string(),
                start: t.start,
                end: t.end,
                kind: t.kind.as_str().into(),
                value: t.value.clone(),
                modifier: t.modifier.map(|m| m.as_str().to_string()),
            })
            .collect();
        let txs = tags
            .into_iter()
            .map(|t| Tx {
                span: Span::new(t.start, t.end),
                date: t.calendar_date(),
                anchor: t.event_anchor,
            })
            .collect();
        (records, txs)
    }

    fn run(&self, doc: &Doc, full: bool) -> AnnotatedDoc {
        let text = &doc.text;
        let tokens = text::tokenize(text);
        let sents = text::split_sentences(&tokens);
        let (timex_records, txs) = self.timexes(doc, full);
        let mut story = Story::default();
        let mut entities = Vec::new();
        let mut records: Vec<EventRecord> = Vec::new();
        let mut group = 0;
        // Mentions first: their countries and names guide the geoparser.
        let mut per_sentence: Vec<Vec<Mention>> = sents
            .iter()
            .map(|s| {
                mentions::find(
                    &self.lex, text, &tokens, s.first, s.last, doc.date, &mut group,
                )
            })
            .collect();
        let places = self.places(text, &per_sentence);
        // A place the actor layer did not know is still a possible party: "drones struck Kharkiv".
        for (si, s) in sents.iter().enumerate() {
            for p in places
                .iter()
                .filter(|p| s.span.start <= p.start && p.end <= s.span.end)
            {
                let ms = &per_sentence[si];
                if ms
                    .iter()
                    .any(|m| m.span.start < p.end && p.start < m.span.end)
                    || p.country.is_none()
                {
                    continue;
                }
                let Some(first) = (s.first..s.last).find(|&i| tokens[i].span.start >= p.start)
                else {
                    continue;
                };
                let last = (first..s.last)
                    .find(|&i| tokens[i].span.end >= p.end)
                    .map_or(first + 1, |i| i + 1);
                group += 1;
                per_sentence[si].push(mentions::place_mention(
                    Span::new(p.start, p.end),
                    first,
                    last,
                    p.country.clone(),
                    group,
                ));
            }
            per_sentence[si].sort_by_key(|m| (m.first, m.last));
        }
        // "Vieira urged ...": a bare surname of a person named earlier.
        let bounds: Vec<(usize, usize)> = sents.iter().map(|s| (s.first, s.last)).collect();
        mentions::surname_mentions(text, &tokens, &bounds, &mut per_sentence, &mut group);
        for (si, s) in sents.iter().enumerate() {
            let mut ms = std::mem::take(&mut per_sentence[si]);
            coref::resolve(&mut ms, &story.history, &tokens, s.first);
            let reporters = reporters(&tokens, s.first, s.last, &ms);
            // "We condemn this attack," the ministry said: the speaker is the reporter.
            if let Some(&k) = reporters.first() {
                let speaker = ms[k].clone();
                for m in ms.iter_mut().filter(|m| {
                    m.country.is_none()
                        && m.rules.iter().any(|r| r == crate::mentions::FIRST_PERSON)
                }) {
                    m.country = speaker.country.clone();
                    m.sector = speaker.sector.clone();
                    m.name = speaker.name.clone();
                    m.role = speaker.role.clone();
                    m.person = speaker.person;
                }
            }
            let sentence = events::Sentence {
                tokens: &tokens,
                first: s.first,
                last: s.last,
                mentions: &ms,
                reporters: &reporters,
            };
            let found = events::triggers(&self.lex, &tokens, s.first, s.last, &ms);
            let evs = sentence.events(found);
            let reporter = reporters
                .first()
                .map(|&k| actor_ref(text, &ms[k]))
                .filter(|r| r.country.is_some());
            let sent_txs: Vec<&Tx> = txs.iter().filter(|t| s.span.contains(t.span)).collect();
            let evidence = &text[s.span.start..s.span.end];
            let n0 = records.len();
            let mut pair_next: Option<Vec<Mention>> = None;
            // "urged both sides to show restraint after clashes between India and Pakistan":
            // a pair reference before a mutual event of its own sentence stands for that
            // event's two parties.
            let local_pair = |ev: &Event| -> Option<Vec<Mention>> {
                let p = ev
                    .actors
                    .iter()
                    .chain(&ev.recipients)
                    .find(|m| m.kind == MentionKind::Pair)?;
                evs.iter()
                    .filter(|e| e.mutual && e.found.tokens[0] >= p.last)
                    .find_map(|e| match expand(e, &[]).first() {
                        Some((a, Some(r))) if a.country.is_some() && a.country != r.country => {
                            Some(vec![a.clone(), r.clone()])
                        }
                        _ => None,
                    })
            };
            for ev in &evs {
                let (date, basis) = self.date_of(doc, &tokens, ev, &sent_txs, &story);
                let location = event_location(&tokens, s.first, s.last, ev, &places);
                let reported_by = reporter.clone().or_else(|| {
                    if basis == DateBasis::Text && ev.narrative && sent_txs.is_empty() {
                        story.reporter.clone()
                    } else {
                        None
                    }
                });
                let pairs = match local_pair(ev) {
                    Some(p) => expand(ev, &p),
                    None => expand(ev, &story.history.pair),
                };
                // "the two sides/leaders" in a later sentence: the parties of this sentence's
                // mutual event, else of its first event between two countries ("X hosted Y").
                if let Some((a, Some(r))) = pairs.first() {
                    let two = a.country.is_some() && r.country.is_some() && a.country != r.country;
                    if ev.mutual || two && pair_next.is_none() {
                        pair_next = Some(vec![a.clone(), r.clone()]);
                    }
                }
                for (a, r) in pairs {
                    let n = records.len() - n0;
                    let rec = EventRecord {
                        id: format!("{}:{}:{}", doc.id, si, n),
                        doc_id: doc.id.clone(),
                        sentence: si,
                        event_type: ev.plover.clone(),
                        mode: Some(ev.mode.clone()).filter(|m| !m.is_empty()),
                        context: ev.context.clone(),
                        cameo: ev.cameo.clone(),
                        quad_class: crate::codes::quad_class(&ev.plover),
                        goldstein: ev.goldstein,
                        actor: Some(actor_ref(text, &self.at_date(&a, &date))),
                        recipient: r.as_ref().map(|r| actor_ref(text, &self.at_date(r, &date))),
                        mutual: ev.mutual && r.is_some(),
                        date: date.clone(),
                        date_basis: basis,
                        location: location.clone(),
                        reported_by: reported_by
                            .clone()
                            .filter(|rb| Some(rb) != Some(&actor_ref(text, &a))),
                        negated: ev.negated,
                        modality: ev.modality.as_str().into(),
                        trigger: trigger_span(text, &tokens, ev),
                        rule: Some(ev.found.trigger.source.clone()),
                        evidence: evidence.to_string(),
                    };
                    let dup = records[n0..].iter().any(|o| {
                        o.event_type == rec.event_type
                            && o.actor == rec.actor
                            && o.recipient.as_ref().map(key) == rec.recipient.as_ref().map(key)
                    });
                    if !dup {
                        records.push(rec);
                    }
                }
            }
            answer_accusations(&mut records, n0, &tokens[s.first..s.last]);
            if let Some(d) = records[n0..]
                .iter()
                .find(|r| r.date_basis == DateBasis::Text)
                .map(|r| r.date.clone())
            {
                story.date = Some(d);
            }
            if reporter.is_some() {
                story.reporter = reporter;
            }
            if let Some(p) = pair_next {
                story.history.pair = p;
            }
            for m in ms.iter().filter(|_| full) {
                if m.country.is_some() && m.kind != MentionKind::Adjective {
                    entities.push(actor_ref(text, m));
                }
            }
            story.history.push_sentence(
                ms.into_iter()
                    .filter(|m| m.country.is_some() && m.kind != MentionKind::Pair),
            );
        }
        AnnotatedDoc {
            id: doc.id.clone(),
            entities,
            timexes: timex_records,
            places,
            events: records,
        }
    }

    /// A known person's office on the event's date: Sergei Aleinik was foreign
    /// minister in January 2024, a former one in July.
    fn at_date(&self, m: &Mention, date: &str) -> Mention {
        let mut m = m.clone();
        if !m.person || m.former || m.titled {
            return m;
        }
        let Some(p) = m
            .name
            .as_deref()
            .and_then(|n| self.lex.people.iter().find(|p| p.name == n))
        else {
            return m;
        };
        let day = match date.len() {
            4 => format!("{date}-07-01"),
            7 => format!("{date}-15"),
            _ => date.to_string(),
        };
        if let (Ok(d), true) = (NaiveDate::parse_from_str(&day, "%Y-%m-%d"), true) {
            if let Some(o) = p.office_on(d) {
                m.country = Some(o.country);
                m.sector = Some(o.sector);
            }
        }
        m
    }

    /// The event's date: a time expression in its sentence, else the story's date
    /// for narrative past, else the publication date.
    fn date_of(
        &self,
        doc: &Doc,
        tokens: &[text::Token],
        ev: &Event,
        txs: &[&Tx],
        story: &Story,
    ) -> (String, DateBasis) {
        let head = tokens[ev.found.head].span.start;
        // An event inside an anchor phrase: "two days after Putin's summit".
        for t in txs {
            if let Some(a) = &t.anchor {
                if a.anchor_start <= head && head > t.span.end {
                    if let Some(reference) = story
                        .date
                        .as_deref()
                        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                    {
                        let inverse = dyad_time::EventAnchor {
                            direction: match a.direction {
                                dyad_time::Direction::After => dyad_time::Direction::Before,
                                dyad_time::Direction::Before => dyad_time::Direction::After,
                            },
                            ..a.clone()
                        };
                        if let Some(d) = inverse.apply(reference) {
                            return (d.format("%Y-%m-%d").to_string(), DateBasis::Text);
                        }
                    }
                }
            }
        }
        // A narrative past event is not dated by a future expression ("signed ... and will meet next month").
        let pub_date = doc.date.format("%Y-%m-%d").to_string();
        let (cs, ce) = (
            tokens[ev.clause.0].span.start,
            tokens[ev.clause.1 - 1].span.end,
        );
        let dated = txs.iter().filter(|t| {
            t.anchor.is_none()
                && t.date.as_deref().is_some_and(|d| {
                    !(ev.narrative && ev.modality == Modality::Asserted && d > pub_date.as_str())
                })
        });
        // Nearest in the trigger's own clause, else nearest in the sentence.
        if let Some(t) = dated.min_by_key(|t| {
            (
                !(cs <= t.span.start && t.span.end <= ce),
                t.span.start.abs_diff(head),
            )
        }) {
            return (t.date.clone().unwrap_or_default(), DateBasis::Text);
        }
        if ev.narrative && ev.modality == Modality::Asserted {
            if let Some(d) = &story.date {
                return (d.clone(), DateBasis::Text);
            }
        }
        (
            doc.date.format("%Y-%m-%d").to_string(),
            DateBasis::Publication,
        )
    }
}

/// Where an event happened: a place after "in", "at" or "near" in its sentence, nearest
/// its trigger; else the dateline. Never the actors' nationality.
fn event_location(
    tokens: &[text::Token],
    first: usize,
    last: usize,
    ev: &Event,
    places: &[Location],
) -> Option<Location> {
    let head = tokens[ev.found.head].span.start;
    let (s, e) = (tokens[first].span.start, tokens[last - 1].span.end);
    let prep_before = |p: &Location| {
        let i = tokens[first..last]
            .iter()
            .position(|t| t.span.start >= p.start)
            .map(|i| i + first)?;
        let mut j = i;
        while j > first
            && matches!(
                tokens[j - 1].norm.as_str(),
                "the"
                    | "central"
                    | "northern"
                    | "southern"
                    | "eastern"
                    | "western"
                    | "capital"
                    | "city"
                    | "town"
                    | "village"
                    | "province"
                    | "region"
                    | "of"
            )
        {
            j -= 1;
        }
        (j > first
            && matches!(
                tokens[j - 1].norm.as_str(),
                "in" | "at" | "near" | "outside" | "inside" | "across" | "around" | "into"
            ))
        .then_some(())
    };
    let in_sentence = places
        .iter()
        .filter(|p| p.start >= s && p.end <= e && prep_before(p).is_some());
    if let Some(p) = in_sentence.min_by_key(|p| (p.start < head, p.start.abs_diff(head))) {
        return Some(p.clone());
    }
    // A dateline place ("KYIV, Ukraine (AP) —") covers the whole story.
    places
        .iter()
        .find(|p| {
            p.start < 80
                && tokens.first().is_some_and(|t| t.span.start <= p.start)
                && is_dateline(tokens, p)
        })
        .cloned()
}

fn is_dateline(tokens: &[text::Token], p: &Location) -> bool {
    // The first token is the place, in capitals, followed by a comma or a dash.
    let Some(i) = tokens.iter().position(|t| t.span.start == p.start) else {
        return false;
    };
    i == 0
        && p.text
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_uppercase())
        && tokens
            .get(i + 1)
            .is_some_and(|t| matches!(t.norm.as_str(), "," | "-" | "("))
}

fn key(a: &ActorRef) -> (Option<String>, Option<String>, Option<String>) {
    (a.country.clone(), a.sector.clone(), a.name.clone())
}

/// Actor–recipient pairs of an event: compound actors, "the two sides", mutual events both ways.
fn expand(ev: &Event, pair: &[Mention]) -> Vec<(Mention, Option<Mention>)> {
    let resolve = |ms: &[Mention]| -> Vec<Mention> {
        ms.iter()
            .flat_map(|m| {
                if m.kind == MentionKind::Pair {
                    pair.iter()
                        .map(|p| Mention {
                            span: m.span,
                            first: m.first,
                            last: m.last,
                            kind: MentionKind::Pair,
                            ..p.clone()
                        })
                        .collect::<Vec<_>>()
                } else {
                    vec![m.clone()]
                }
            })
            .filter(|m| m.country.is_some())
            .collect()
    };
    let actors = resolve(&ev.actors);
    let recips = resolve(&ev.recipients);
    let mut out = Vec::new();
    let symmetric = ev.mutual || matches!(ev.plover.as_str(), "AGREE" | "CONSULT" | "COOPERATE");
    for a in &actors {
        // "soldiers arrested several officers": force on another group of one's own side.
        let rivals = matches!(ev.plover.as_str(), "ASSAULT" | "COERCE");
        let rs: Vec<&Mention> = recips
            .iter()
            .filter(|r| {
                !events::same_actor(a, r)
                    || rivals && events::rival_groups(a, r)
                    || events::domestic_target(a, r)
            })
            .collect();
        if rs.is_empty() {
            // "North Korea and Belarus agreed", "the two sides met": each with each other.
            let others: Vec<&Mention> = if symmetric {
                actors
                    .iter()
                    .filter(|b| !events::same_actor(a, b))
                    .collect()
            } else {
                vec![]
            };
            if others.is_empty() {
                out.push((a.clone(), None));
            }
            for b in others {
                out.push((a.clone(), Some(b.clone())));
            }
            continue;
        }
        for r in rs {
            out.push((a.clone(), Some(r.clone())));
            if ev.mutual && !actors.iter().any(|x| events::same_actor(x, r)) {
                out.push((r.clone(), Some(a.clone())));
            }
        }
    }
    out
}

fn trigger_span(text: &str, tokens: &[text::Token], ev: &Event) -> TextSpan {
    let s = tokens[ev.found.tokens[0]].span.start;
    let e = tokens[*ev.found.tokens.last().unwrap()].span.end;
    TextSpan {
        text: text[s..e].to_string(),
        start: s,
        end: e,
    }
}

/// "Pakistan accused India of ... India rejected the accusation": a denial of an accusation
/// made earlier in the story answers its author.
fn answer_accusations(records: &mut [EventRecord], n0: usize, sentence: &[text::Token]) {
    let refers_back = sentence.iter().any(|t| {
        matches!(
            t.norm.as_str(),
            "accusation"
                | "accusations"
                | "allegation"
                | "allegations"
                | "charge"
                | "charges"
                | "claim"
                | "claims"
                | "criticism"
        )
    });
    if !refers_back {
        return;
    }
    // "rejected the claims that ...": the claim is spelled out here, not an earlier one.
    let spelled_out = sentence.windows(2).any(|w| {
        matches!(
            w[0].norm.as_str(),
            "claim" | "claims" | "allegation" | "allegations" | "accusation" | "accusations"
        ) && matches!(w[1].norm.as_str(), "that" | "of" | "about" | "by")
    });
    let (before, now) = records.split_at_mut(n0);
    for r in now
        .iter_mut()
        .filter(|r| r.event_type == "REJECT" && r.recipient.is_none())
    {
        let who = r.actor.as_ref().and_then(|a| a.country.clone());
        let about_us = |e: &&EventRecord| {
            who.is_some() && e.recipient.as_ref().and_then(|x| x.country.clone()) == who
        };
        let accuser = before
            .iter()
            .rev()
            .find(|e| e.event_type == "ACCUSE" && about_us(e));
        if let Some(e) = accuser {
            r.recipient = e.actor.clone();
            continue;
        }
        // "Moscow said its troops had captured a village ... Kyiv denied the claim": the
        // claim is the latest report about the denier; its source, else its actor, made it.
        if let Some(e) = before.iter().rev().find(about_us).filter(|_| !spelled_out) {
            let source = e
                .reported_by
                .clone()
                .filter(|s| s.country.is_some() && s.country != who);
            r.recipient = source.or_else(|| e.actor.clone());
        }
    }
}

/// A mention as it appears in records.
fn actor_ref(text: &str, m: &Mention) -> ActorRef {
    ActorRef {
        text: text[m.span.start..m.span.end].to_string(),
        start: m.span.start,
        end: m.span.end,
        country: m.country.clone(),
        sector: m.sector.clone(),
        name: m.name.clone(),
        role: m.role.clone(),
    }
}

/// Mentions that report rather than act: the subject of "X said", "according to X", ", said X".
fn reporters(tokens: &[text::Token], first: usize, last: usize, ms: &[Mention]) -> Vec<usize> {
    let mut out = Vec::new();
    let usable = |m: &Mention| m.country.is_some() && m.kind != MentionKind::Adjective;
    for j in first..last {
        let w = tokens[j].norm.as_str();
        if w == "according" && j + 1 < last && tokens[j + 1].norm == "to" {
            if let Some(k) = ms
                .iter()
                .position(|m| m.first > j && m.first <= j + 4 && usable(m))
            {
                out.push(k);
            }
            continue;
        }
        // "the United States": a report word inside a name is no report verb.
        if !events::is_report(&tokens[j]) || ms.iter().any(|m| m.first <= j && j < m.last) {
            continue;
        }
        // Inverted: ", said the foreign ministry."
        if j > first && tokens[j - 1].norm == "," {
            if let Some(k) = ms
                .iter()
                .position(|m| m.first > j && m.first <= j + 4 && usable(m))
            {
                out.push(k);
            }
            continue;
        }
        // The speaker: the leftmost mention of the clause before the verb that is not in a prepositional phrase.
        let mut s = j;
        while s > first && !matches!(tokens[s - 1].norm.as_str(), "," | ";" | ":" | "\"" | "that") {
            s -= 1;
        }
        let speaker = ms.iter().position(|m| {
            m.first >= s && m.last <= j && usable(m) && events::prep_before(tokens, s, m).is_none()
        });
        let Some(k) = speaker else { continue };
        // "X said (that) Y ...": X reports Y's events only when Y is someone else; "X said it would" makes X the actor.
        let leading = s == first;
        let others_after = ms
            .iter()
            .any(|o| o.first > j && usable(o) && o.kind != MentionKind::Pronoun);
        if !leading || others_after {
            out.push(k);
        }
    }
    out.sort();
    out.dedup();
    out
}
