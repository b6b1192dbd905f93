//! Scoring the coder against gold events.
//!
//! Two gold formats are read, one JSON object per line:
//! - the PLOVER gold standard (`event`, `source`/`target` lists of `{code}`),
//!   with the 2016 type names mapped to PLOVER 2.0 ([`codes::modern_type`](crate::codes::modern_type));
//! - dyad's own: `{"id", "date", "text", "events": [{"event_type", "actor": {"country"}, "recipient": {"country"} | null}]}`.
//!
//! A sentence's *type* is found when some event has the gold type; its *actor*
//! when such an event's actor country is one of the gold actors; its
//! *recipient* likewise (a gold event with no recipient accepts none, or
//! another of its own compound actors); a *full match* needs all three in one
//! event. *Extra* events are distinct (type, actor, recipient) triples beyond the
//! one that matched, a mutual pair counting once; a text with several gold events
//! counts its extras once, beyond the gold events found. Codes are compared after
//! folding the non-state codes IGO, UNO, EUR and NGO together and mending a few
//! non-ISO codes of the old gold (JAP, ITL).

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::codes::modern_type;
use crate::schema::{EventRecord, InputDoc};
use crate::Coder;

/// One gold sentence.
#[derive(Clone, Debug)]
pub struct Gold {
    /// Identifier.
    pub id: String,
    /// The article to code.
    pub doc: InputDoc,
    /// PLOVER 2.0 type.
    pub event_type: String,
    /// Acceptable actor codes.
    pub actors: Vec<String>,
    /// Acceptable recipient codes; empty when the gold has none.
    pub recipients: Vec<String>,
}

/// Folds codes that the old gold spells differently.
pub fn fold_code(c: &str) -> String {
    let c = c.trim().to_uppercase();
    let c = if c.len() > 3 && c.chars().take(3).all(|ch| ch.is_ascii_uppercase()) {
        c[..3].to_string()
    } else {
        c
    };
    match c.as_str() {
        "UNO" | "EUR" | "NGO" | "IGO" => "IGO".into(),
        "JAP" => "JPN".into(),
        "ITL" => "ITA".into(),
        _ => c,
    }
}

fn codes(v: &serde_json::Value) -> Vec<String> {
    match v {
        serde_json::Value::Array(a) => a
            .iter()
            .filter_map(|x| {
                x.get("code")
                    .or_else(|| x.get("country"))
                    .and_then(|c| c.as_str())
            })
            .filter(|c| !c.trim().is_empty())
            .map(fold_code)
            .collect(),
        serde_json::Value::Object(_) => v
            .get("country")
            .and_then(|c| c.as_str())
            .map(fold_code)
            .into_iter()
            .collect(),
        _ => vec![],
    }
}

/// Parses one gold line in either format; dyad's own format may give several events, one `Gold` each.
pub fn parse_gold(line: &str) -> Result<Vec<Gold>, String> {
    let v: serde_json::Value =
        serde_json::from_str(line).map_err(|e| format!("invalid JSON: {e}"))?;
    let s = |k: &str| v.get(k).and_then(|x| x.as_str()).map(String::from);
    let id = s("id").ok_or("missing `id`")?;
    let text = s("text").ok_or("missing `text`")?;
    let date = s("date").unwrap_or_else(|| "2000-01-01".into());
    let doc = InputDoc {
        id: id.clone(),
        date,
        text,
        title: None,
        source: None,
        url: None,
    };
    if let Some(evs) = v.get("events").and_then(|e| e.as_array()) {
        return Ok(evs
            .iter()
            .map(|e| Gold {
                id: id.clone(),
                doc: doc.clone(),
                event_type: e
                    .get("event_type")
                    .and_then(|t| t.as_str())
                    .unwrap_or("")
                    .to_string(),
                actors: e.get("actor").map(codes).unwrap_or_default(),
                recipients: e.get("recipient").map(codes).unwrap_or_default(),
            })
            .collect());
    }
    let t = s("event").ok_or("missing `event` (PLOVER gold) or `events` (dyad gold)")?;
    Ok(vec![Gold {
        id,
        doc,
        event_type: modern_type(&t).to_string(),
        actors: v.get("source").map(codes).unwrap_or_default(),
        recipients: v.get("target").map(codes).unwrap_or_default(),
    }])
}

/// The outcome for one gold event.
#[derive(Clone, Debug, Serialize)]
pub struct Outcome {
    /// Gold id.
    pub id: String,
    /// Gold type.
    pub gold_type: String,
    /// Some event has the gold type.
    pub type_found: bool,
    /// ...and an actor among the gold actors.
    pub actor: bool,
    /// ...and a recipient among the gold recipients.
    pub recipient: bool,
    /// One event matches type, actor and recipient.
    pub full: bool,
    /// Extra (type, actor, recipient) triples.
    pub extra: usize,
    /// What was coded: `TYPE ACTOR>RECIPIENT`.
    pub coded: Vec<String>,
}

fn c(a: &Option<crate::schema::ActorRef>) -> Option<String> {
    a.as_ref().and_then(|a| a.country.as_deref()).map(fold_code)
}

/// Scores one gold event against the coder's events for its text.
pub fn score(g: &Gold, events: &[EventRecord]) -> Outcome {
    let typed: Vec<&EventRecord> = events
        .iter()
        .filter(|e| e.event_type == g.event_type)
        .collect();
    let actor_ok = |e: &EventRecord| c(&e.actor).is_some_and(|x| g.actors.contains(&x));
    let recip_ok = |e: &EventRecord| match c(&e.recipient) {
        None => g.recipients.is_empty(),
        Some(r) => g.recipients.contains(&r) || (g.recipients.is_empty() && g.actors.contains(&r)),
    };
    let mut triples = BTreeSet::new();
    for e in events {
        let (a, r) = (
            c(&e.actor).unwrap_or_default(),
            c(&e.recipient).unwrap_or_default(),
        );
        let (a, r) = if e.mutual && r < a { (r, a) } else { (a, r) };
        triples.insert((e.event_type.clone(), a, r));
    }
    let matched = !typed.is_empty();
    Outcome {
        id: g.id.clone(),
        gold_type: g.event_type.clone(),
        type_found: matched,
        actor: typed.iter().any(|e| actor_ok(e)),
        recipient: typed.iter().any(|e| recip_ok(e)),
        full: typed.iter().any(|e| actor_ok(e) && recip_ok(e)),
        extra: triples.len().saturating_sub(usize::from(matched)),
        coded: events
            .iter()
            .map(|e| {
                format!(
                    "{} {}>{}",
                    e.event_type,
                    c(&e.actor).unwrap_or_default(),
                    c(&e.recipient).unwrap_or_default()
                )
            })
            .collect(),
    }
}

/// Totals over a gold set.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Report {
    /// Gold events scored.
    pub sentences: usize,
    /// Share with the gold type found.
    pub type_rate: f64,
    /// Share with type and actor.
    pub actor_rate: f64,
    /// Share with type and recipient.
    pub recipient_rate: f64,
    /// Share with type, actor and recipient in one event.
    pub full_rate: f64,
    /// Extra events per sentence.
    pub extra_per_sentence: f64,
    /// Per gold type: (count, type found, full).
    pub per_type: BTreeMap<String, (usize, usize, usize)>,
    /// Every outcome.
    pub outcomes: Vec<Outcome>,
}

/// Codes every gold text and scores it.
pub fn evaluate(coder: &Coder, golds: &[Gold]) -> Report {
    let mut r = Report::default();
    for g in golds {
        let events = coder.code(&g.doc).unwrap_or_default();
        let o = score(g, &events);
        let e = r.per_type.entry(g.event_type.clone()).or_default();
        e.0 += 1;
        e.1 += usize::from(o.type_found);
        e.2 += usize::from(o.full);
        r.outcomes.push(o);
    }
    // A text with several gold events (dyad's own format): its coded triples are extra only
    // beyond the gold events found, counted once for the text rather than once per gold event.
    let mut i = 0;
    while i < r.outcomes.len() {
        let id = r.outcomes[i].id.clone();
        let j = (i..r.outcomes.len())
            .find(|&k| r.outcomes[k].id != id)
            .unwrap_or(r.outcomes.len());
        if j - i > 1 {
            let found = r.outcomes[i..j].iter().filter(|o| o.type_found).count();
            let triples = r.outcomes[i].extra + usize::from(r.outcomes[i].type_found);
            for (k, o) in r.outcomes[i..j].iter_mut().enumerate() {
                o.extra = if k == 0 {
                    triples.saturating_sub(found)
                } else {
                    0
                };
            }
        }
        i = j;
    }
    let n = r.outcomes.len().max(1) as f64;
    let share = |f: fn(&Outcome) -> bool| r.outcomes.iter().filter(|o| f(o)).count() as f64 / n;
    r.sentences = r.outcomes.len();
    r.type_rate = share(|o| o.type_found);
    r.actor_rate = share(|o| o.actor);
    r.recipient_rate = share(|o| o.recipient);
    r.full_rate = share(|o| o.full);
    r.extra_per_sentence = r.outcomes.iter().map(|o| o.extra).sum::<usize>() as f64 / n;
    r
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "sentences            {}", self.sentences)?;
        writeln!(f, "type found           {:.1}%", 100.0 * self.type_rate)?;
        writeln!(f, "type + actor         {:.1}%", 100.0 * self.actor_rate)?;
        writeln!(
            f,
            "type + recipient     {:.1}%",
            100.0 * self.recipient_rate
        )?;
        writeln!(f, "full match           {:.1}%", 100.0 * self.full_rate)?;
        writeln!(f, "extra events/sent.   {:.2}", self.extra_per_sentence)?;
        writeln!(
            f,
            "\n{:<12} {:>5} {:>7} {:>7}",
            "type", "n", "type%", "full%"
        )?;
        for (t, (n, ty, fu)) in &self.per_type {
            writeln!(
                f,
                "{:<12} {:>5} {:>6.0}% {:>6.0}%",
                t,
                n,
                100.0 * *ty as f64 / *n as f64,
                100.0 * *fu as f64 / *n as f64
            )?;
        }
        Ok(())
    }
}
