//! The event layer: triggers, their codes, and who did what to whom.
//!
//! For each sentence: match trigger patterns; drop triggers absorbed by a
//! complement-taking verb ("agreed *to strengthen*") or by a means clause
//! ("*by hosting*"); find the actor (the nearest subject-like mention to the
//! left, skipping prepositional phrases, appositives and reporting clauses)
//! and the recipient (the pattern's preposition, else the first object-like
//! mention to the right); read negation and modality from the verb group;
//! recode intentions (a promise to cooperate is AGREE, to attack THREATEN).

use crate::clause::{self, Modality, PREPS, REPORT};
use crate::lexicon::triggers::Trigger;
use crate::lexicon::Lexicons;
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

const DETS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "'s", "this", "that", "these", "those", "any",
    "no", "new", "further", "fresh", "first", "second", "latest", "recent", "previous",
];

/// Verbs whose object noun is an event of their subject ("held talks", "staged a protest").
const LIGHT: &[&str] = &[
    "held",
    "hold",
    "holds",
    "holding",
    "launched",
    "launch",
    "launches",
    "staged",
    "stage",
    "stages",
    "conducted",
    "conduct",
    "began",
    "begin",
    "begins",
    "started",
    "start",
    "carried",
    "made",
    "make",
    "makes",
    "led",
    "lead",
    "organised",
    "organized",
    "attended",
    "attend",
    "joined",
    "join",
    "continued",
    "resumed",
    "resume",
    "opened",
    "completed",
    "concluded",
    "mounted",
    "waged",
    "wage",
    "imposed",
    "impose",
    "announced",
    "ordered",
    "approved",
    "offered",
    "signed",
    "reached",
    "sent",
    "provided",
    "provide",
    "provides",
    "providing",
    "delivered",
    "deliver",
    "pledged",
    "promised",
    "gave",
    "give",
    "granted",
    "extended",
    "returned",
    "had",
    "has",
    "have",
    "kicked",
    "wrapped",
    "ended",
    "end",
    "completed",
    "hosted",
    "host",
];

/// Reporters' formulas that look like events but are not: "declined to comment",
/// "did not respond to requests for comment", "spoke on condition of anonymity to discuss".
fn newsroom_idiom(toks: &[Token], f: &Found, first: usize) -> bool {
    let end = *f.tokens.last().unwrap_or(&f.head) + 1;
    let next: Vec<&str> = toks[end..(end + 3).min(toks.len())]
        .iter()
        .map(|t| t.norm.as_str())
        .collect();
    let after = |w: &[&str]| next.len() >= w.len() && next[..w.len()] == *w;
    let start = f.tokens[0];
    let before = |w: &str| {
        start > first
            && toks[start - 1].norm == "to"
            && start > first + 1
            && toks[start - 2].norm == w
    };
    after(&["for", "comment"])
        || after(&["to", "comment"])
        || after(&["comment"])
        || after(&["to", "respond"])
        || after(&["to", "elaborate"])
        || after(&["to", "be", "identified"])
        || after(&["to", "be", "named"])
        || [
            "anonymity",
            "authorized",
            "authorised",
            "permitted",
            "allowed",
        ]
        .iter()
        .any(|w| before(w))
}

/// Sectors of society rather than of the state.
fn non_state(s: &str) -> bool {
    matches!(
        s,
        "CVL"
            | "OPP"
            | "REB"
            | "CRM"
            | "MED"
            | "EDU"
            | "LAB"
            | "AGR"
            | "REF"
            | "REL"
            | "HLH"
            | "BUS"
            | "PTY"
            | "NGO"
            | "ETH"
    )
}

/// Words after which a verb's base form is still a verb: "to meet", "they meet", "and agree".
const NOT_NOUN: &[&str] = &[
    "to",
    "and",
    "or",
    "not",
    "never",
    "also",
    "jointly",
    "they",
    "we",
    "i",
    "you",
    "who",
    "which",
    "that",
    "still",
    "further",
    "then",
    "both",
    "nations",
    "countries",
    "sides",
    "leaders",
    "ministers",
    "officials",
    "must",
    "should",
    "could",
    "would",
    "will",
    "can",
    "may",
    "might",
    "shall",
    "did",
    "do",
    "does",
    "n't",
    "cannot",
    "often",
    "now",
    "again",
    "first",
    "directly",
    "publicly",
    "immediately",
    "formally",
];

/// The light verb whose object the noun at `start` is: "announced $50 million in aid".
/// Looks back up to seven words, not across punctuation or a relative word.
fn light_verb(toks: &[Token], first: usize, start: usize) -> Option<usize> {
    let from = start.saturating_sub(7).max(first);
    for i in (from..start).rev() {
        let t = &toks[i];
        if LIGHT.contains(&t.norm.as_str()) {
            return Some(i);
        }
        if t.punct && !matches!(t.norm.as_str(), "$" | "€" | "£" | "%" | "-")
            || matches!(t.norm.as_str(), "that" | "which" | "who" | "whom" | "to")
            || FRAME.contains(&t.norm.as_str()) && !matches!(t.norm.as_str(), "in" | "on")
        {
            return None;
        }
    }
    None
}

/// Prepositions that introduce a background frame, not an object: "during his meeting".
const FRAME: &[&str] = &[
    "during",
    "at",
    "after",
    "before",
    "amid",
    "following",
    "ahead",
    "since",
    "until",
    "on",
    "in",
];

/// Finds the triggers of a sentence, longest match first, without overlaps.
pub fn triggers<'l>(
    lex: &'l Lexicons,
    tokens: &[Token],
    first: usize,
    last: usize,
    mentions: &[Mention],
) -> Vec<Found<'l>> {
    let mut cands: Vec<Found> = Vec::new();
    for i in first..last {
        for (t, covered) in lex.triggers.matches_at(tokens, i, last) {
            let head = if t.kind == 'N' {
                *covered.last().unwrap_or(&i)
            } else {
                i
            };
            cands.push(Found {
                trigger: t,
                tokens: covered,
                head,
            });
        }
    }
    // Noun or verb? After a determiner, a verb pattern's first word is a noun ("the meeting").
    cands.retain(|f| {
        let i = f.tokens[0];
        let prev = if i > first {
            tokens[i - 1].norm.as_str()
        } else {
            ""
        };
        // "the Israeli strikes": a demonym only modifies nouns.
        let after_adj = mentions
            .iter()
            .any(|m| m.kind == MentionKind::Adjective && m.last == i);
        // "an internal armed conflict": "armed" with no subject before it and no object
        // after it is an adjective.
        let armed_adj = f.trigger.kind == 'V'
            && tokens[i].norm == "armed"
            && !clause::AUX.contains(&prev)
            && !matches!(prev, "who" | "which" | "that" | "and")
            && !mentions.iter().any(|m| m.last == i)
            && tokens.get(i + 1).is_some_and(|n| {
                !n.cap
                    && !n.punct
                    && !DETS.contains(&n.norm.as_str())
                    && !matches!(n.norm.as_str(), "them" | "him" | "themselves" | "itself")
            });
        let after_det = DETS.contains(&prev)
            || (prev != "to" && PREPS.contains(&prev))
            || after_adj
            || armed_adj;
        let inside_name = mentions.iter().any(|m| {
            m.kind == MentionKind::Direct
                && m.first <= f.head
                && f.head < m.last
                // "Armed men", "striking workers": a verb form that modifies the head noun.
                && (m.name.is_some() || f.trigger.kind == 'V' && f.head + 1 < m.last)
        });
        let copula_ok = !f.trigger.copula
            || (i > first
                && matches!(
                    prev,
                    "is" | "was"
                        | "were"
                        | "are"
                        | "be"
                        | "been"
                        | "remain"
                        | "remains"
                        | "remained"
                        | "'s"
                ));
        // "via satellite phone", "a government supply boat": a verb's base form right
        // after a plain lower-case word is the head of a noun compound.
        let lemma = f.trigger.pattern.split_whitespace().next().unwrap_or("");
        let compound = f.trigger.kind == 'V' && tokens[i].norm == lemma && i > first && {
            let p = &tokens[i - 1];
            !p.punct
                && !p.cap
                && !p.norm.ends_with("ly")
                && !clause::AUX.contains(&prev)
                && !NOT_NOUN.contains(&prev)
                && !mentions.iter().any(|m| m.last == i)
        };
        // "trade war", "tariff-trade wars", "price war": no fighting.
        let figurative = matches!(
            tokens[f.head].norm.as_str(),
            "war" | "wars" | "battle" | "battles" | "offensive"
        ) && f.head > first
            && {
                let p = tokens[f.head - 1].norm.as_str();
                [
                    "trade",
                    "tariff",
                    "price",
                    "currency",
                    "culture",
                    "tech",
                    "chip",
                    "word",
                    "legal",
                    "propaganda",
                    "information",
                    "charm",
                    "bidding",
                    "court",
                    "ratings",
                ]
                .iter()
                .any(|w| p == *w || p.split('-').any(|x| x == *w))
            };
        // "sending them back", "bring him back": a particle after an object pronoun.
        let particle = f.trigger.kind == 'V'
            && f.tokens.len() == 1
            && (matches!(prev, "them" | "him" | "her" | "us" | "me")
                // "ordered him back to prison", "went back home": an adverb.
                || tokens[f.head].norm == "back"
                    && tokens.get(f.head + 1).is_some_and(|t| {
                        matches!(t.norm.as_str(), "to" | "home" | "into" | "from" | "in" | "at")
                    }));
        copula_ok
            && !inside_name
            && !compound
            && !particle
            && !figurative
            && (f.trigger.kind != 'V' || !after_det)
    });
    // A word that is both a verb and a noun pattern ("talks", "attack") is a verb
    // only after a subject or an auxiliary: "Israel attacked", "will talk".
    let nouns: Vec<(usize, usize)> = cands
        .iter()
        .filter(|f| f.trigger.kind == 'N')
        .map(|f| (f.tokens[0], f.head))
        .collect();
    cands.retain(|f| {
        if f.trigger.kind != 'V'
            || f.tokens.len() > 1
            || !nouns.iter().any(|&(s, h)| s <= f.head && f.head <= h)
        {
            return true;
        }
        let i = f.tokens[0];
        i > first && {
            let p = tokens[i - 1].norm.as_str();
            clause::AUX.contains(&p)
                || matches!(
                    p,
                    "he" | "she" | "they" | "it" | "we" | "who" | "which" | "and"
                )
                || mentions
                    .iter()
                    .any(|m| m.last == i && m.kind != MentionKind::Adjective)
        }
    });
    cands.sort_by_key(|f| {
        (
            std::cmp::Reverse(f.tokens.last().unwrap() - f.tokens[0]),
            std::cmp::Reverse(f.tokens.len()),
            f.tokens[0],
        )
    });
    let mut taken = vec![false; last - first];
    let mut out = Vec::new();
    for f in cands {
        let (s, e) = (f.tokens[0], *f.tokens.last().unwrap());
        if (s..=e).any(|k| taken[k - first]) {
            continue;
        }
        for k in s..=e {
            taken[k - first] = true;
        }
        out.push(f);
    }
    out.sort_by_key(|f| f.tokens[0]);
    out
}

/// Context words that refine an AID, COOPERATE or AGREE event's context.
fn context_from_words(tokens: &[Token], s: usize, e: usize) -> Option<&'static str> {
    for t in &tokens[s..e] {
        let w = t.norm.as_str();
        if matches!(
            w,
            "weapons"
                | "arms"
                | "missiles"
                | "munitions"
                | "military"
                | "troops"
                | "ammunition"
                | "tanks"
                | "drones"
                | "jets"
                | "defense"
                | "defence"
                | "warships"
                | "artillery"
        ) {
            return Some("military");
        }
        if matches!(
            w,
            "food"
                | "humanitarian"
                | "medicine"
                | "medical"
                | "relief"
                | "shelter"
                | "refugees"
                | "tents"
                | "vaccines"
        ) {
            return Some("humanitarian");
        }
        if matches!(
            w,
            "economic"
                | "trade"
                | "loan"
                | "loans"
                | "investment"
                | "financial"
                | "grant"
                | "credit"
                | "dollars"
                | "euros"
                | "budget"
                | "economy"
        ) {
            return Some("economic");
        }
    }
    None
}

/// Heads of "N of X" phrases that stand for X: "thousands of Nigerians", "members of the party".
const QUANTITY: &[&str] = &[
    "thousands",
    "hundreds",
    "dozens",
    "tens",
    "millions",
    "scores",
    "some",
    "many",
    "most",
    "all",
    "member",
    "members",
    "group",
    "groups",
    "supporters",
    "part",
    "one",
    "two",
    "three",
    "several",
    "leader",
    "leaders",
    "head",
    "chief",
    "officials",
    "representatives",
    "delegation",
    "units",
    "elements",
];

/// Whether the mention at `m` sits right after a preposition (skipping determiners).
pub fn prep_before<'t>(tokens: &'t [Token], first: usize, m: &Mention) -> Option<&'t str> {
    let mut j = m.first;
    while j > first
        && matches!(
            tokens[j - 1].norm.as_str(),
            "the"
                | "a"
                | "an"
                | "both"
                | "neighbouring"
                | "neighboring"
                | "occupied"
                | "central"
                | "southern"
                | "northern"
                | "eastern"
                | "western"
                | "northeast"
                | "northwest"
                | "southeast"
                | "southwest"
                | "northeastern"
                | "northwestern"
                | "southeastern"
                | "southwestern"
                | "war-torn"
                | "besieged"
        )
    {
        j -= 1;
    }
    let quantity = j >= first + 2
        && tokens[j - 1].norm == "of"
        && QUANTITY.contains(&tokens[j - 2].norm.as_str());
    if j > first && PREPS.contains(&tokens[j - 1].norm.as_str()) && !quantity {
        Some(tokens[j - 1].norm.as_str())
    } else {
        None
    }
}

/// Whether the token range holds a report verb (a reporting clause).
pub fn is_report(t: &Token) -> bool {
    REPORT.contains(&t.norm.as_str())
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
    fn usable(&self, m: &Mention) -> bool {
        m.country.is_some() || m.kind == MentionKind::Pair
    }

    /// The subject of the verb at `head`: the nearest suitable mention to its left.
    fn subject(&self, head: usize, from: usize) -> Vec<Mention> {
        self.subject_opts(head, from, false)
    }

    fn subject_opts(&self, head: usize, from: usize, allow_reporters: bool) -> Vec<Mention> {
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
    fn leading_subject(&self, from: usize, to: usize) -> Vec<Mention> {
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
    fn objects(&self, from: usize, to: usize, rp: &[String], actors: &[Mention]) -> Vec<Mention> {
        self.objects_opts(from, to, rp, actors, false, false)
    }

    /// `places_in`: a place after "in" may be the target ("shelled towns in Idlib"), as for force;
    /// `rivals`: an unnamed group of the actor's own country and sector may be the target of
    /// force or coercion ("soldiers arrested several officers").
    fn objects_opts(
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
                );
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
            let light_taken = f.trigger.kind == 'N'
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
            // is the main subject's own.
            if participle
                && !out.is_empty()
                && f.tokens[0] > self.first
                && toks[f.tokens[0] - 1].norm == ","
                && matches!(
                    f.trigger.plover.as_str(),
                    "ACCUSE" | "REQUEST" | "THREATEN" | "REJECT" | "SUPPORT"
                )
            {
                if let Some(mut ev) = self.event(f, &found[a + 1..]) {
                    ev.actors = out[0].actors.clone();
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
                // "condemned the Israeli strikes", "welcomed China's decision": the target of a
                // judgement is the author of the act judged, and the act is not coded again.
                if f.trigger.kind == 'V'
                    && matches!(ev.plover.as_str(), "ACCUSE" | "SUPPORT" | "REJECT")
                {
                    if let Some(b) = self.reason_act(f, &found, a) {
                        // "thanked Denmark for its military aid": the reason is not coded again.
                        absorbed[b] = true;
                    } else if let Some(b) = self.judged_act(f, &found, a) {
                        if let Some(act) = self.event(&found[b], &found[b + 1..]) {
                            if !act.actors.is_empty()
                                && !act
                                    .actors
                                    .iter()
                                    .any(|x| ev.actors.iter().any(|y| same_actor(x, y)))
                            {
                                ev.recipients = act.actors;
                                absorbed[b] = true;
                            }
                        }
                    }
                }
                out.push(ev);
            }
        }
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

    /// The event noun in a reason phrase after the verb's object: "thanked Denmark *for its
    /// aid*", "criticised Israel *over its offensive*".
    fn reason_act(&self, f: &Found, found: &[Found], a: usize) -> Option<usize> {
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
    fn judged_act(&self, f: &Found, found: &[Found], a: usize) -> Option<usize> {
        let g = found.get(a + 1)?;
        if g.trigger.kind != 'N' {
            return None;
        }
        let mut i = *f.tokens.last()? + 1;
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

    fn event<'l>(&self, f: &Found<'l>, later: &[Found<'l>]) -> Option<Event<'l>> {
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
            && self.mentions.iter().any(|m| m.last == start);
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
            // "prompting a protest from Tokyo": the author after "from".
            if actors.is_empty()
                && t.plover == "PROTEST"
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
            if actors.is_empty() {
                return None;
            }
            recipients = if t.norecip {
                vec![]
            } else {
                self.objects(end, obj_end, &t.rp, &actors)
            };
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
            actors = if coordinated {
                self.leading_subject(cs, group.start - 1)
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
            recipients = if t.norecip {
                vec![]
            } else {
                self.objects_opts(
                    obj_start,
                    obj_end,
                    &t.rp,
                    &actors,
                    force,
                    matches!(t.plover.as_str(), "ASSAULT" | "COERCE"),
                )
            };
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
        {
            return None;
        }
        // "the opposition leader was arrested": an arrest, charge or sentence with no agent
        // is the authorities' of the place named, else of the person's own country.
        if passive
            && actors.is_empty()
            && t.plover == "COERCE"
            && t.cameo.starts_with("17")
            && modality == Modality::Asserted
        {
            if let Some(a) = self.implicit_authorities(f, &recipients) {
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

    /// The unnamed authorities behind an agentless coercion: the government of the place the
    /// sentence names ("was arrested in Lebanon"), else of the recipient's own state. The
    /// mention spans the trigger, since the text names no actor.
    fn implicit_authorities(&self, f: &Found, recipients: &[Mention]) -> Option<Mention> {
        let state = |m: &Mention| {
            m.country
                .as_deref()
                .filter(|c| c.len() == 3 && !crate::lexicon::NON_STATE.contains(c))
                .map(String::from)
        };
        let r = recipients.first()?;
        // Only for someone of a known state: "the 40 were deported" names no one.
        let own = state(r)?;
        let place = self.mentions.iter().find(|m| {
            m.kind == MentionKind::Direct
                && !m.person
                && !m.possessive
                && (m.name.is_none() || m.place_like)
                && !recipients.iter().any(|r| r.first == m.first)
                && prep_before(self.tokens, self.first, m)
                    .is_some_and(|p| matches!(p, "in" | "at" | "near" | "inside" | "outside"))
        });
        let country = place.and_then(state).unwrap_or(own);
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

    /// A possessive pronoun that only determines the next mention: "his counterpart".
    fn determiner(&self, m: &Mention) -> bool {
        m.kind == MentionKind::Pronoun
            && m.possessive
            && self.mentions.iter().any(|o| o.first == m.last)
    }

    fn between_is_verb(&self, a: usize, b: usize) -> bool {
        self.tokens[a..b]
            .iter()
            .any(|t| t.norm.ends_with("ed") || t.punct && t.norm != "'s")
    }

    #[allow(clippy::too_many_arguments)]
    fn finish<'l>(
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
        // Future and conditional events: intentions and threats.
        let conditional = toks[end.min(self.last)..self.last]
            .iter()
            .any(|x| x.norm == "unless");
        if matches!(modality, Modality::Future | Modality::Hypothetical) && !t.intent {
            let q = crate::codes::quad_class(&plover);
            if conditional && (q == 2 || q == 4) {
                mutual = false;
                plover = "THREATEN".into();
                cameo = "130".into();
                goldstein = -4.4;
                mode = String::new();
            } else if negated && q <= 2 {
                // "would not negotiate with protesters": a refusal is one-way.
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
        if plover == "COERCE"
            && matches!(cameo.as_str(), "171" | "192")
            && !actors.is_empty()
            && actors.iter().all(|a| {
                let head = toks[a.last.saturating_sub(1)].norm.as_str();
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
                );
                (protesters || matches!(a.sector.as_deref(), Some("EDU" | "LAB" | "OPP")))
                    && a.role.is_none()
                    && a.name.is_none()
            })
        {
            let riot = cameo == "171";
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
        // "held joint naval drills": drills held jointly are military cooperation.
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
        // addressed to the subject of its condition.
        if plover == "THREATEN" && recipients.is_empty() {
            if let Some(c) =
                (end..self.last).find(|&i| matches!(toks[i].norm.as_str(), "if" | "unless"))
            {
                let cond = self.mentions.iter().find(|m| {
                    m.first > c
                        && m.first <= c + 4
                        && self.usable(m)
                        && m.kind != MentionKind::Adjective
                });
                if let Some(m) = cond.filter(|m| !actors.iter().any(|a| same_actor(a, m))) {
                    recipients = vec![m.clone()];
                }
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

/// "would"/"will" in the verb group of a conditional clause: a promise on a condition.
fn conditional_promise(toks: &[Token], group: std::ops::Range<usize>) -> bool {
    toks[group]
        .iter()
        .any(|t| matches!(t.norm.as_str(), "will" | "would" | "'ll"))
}

/// A purpose clause of help after a deployment: "... to protect", "... to help fight gangs".
fn helping_purpose(toks: &[Token], from: usize, last: usize) -> bool {
    let end = clause::clause_bounds(
        toks,
        from.min(last.saturating_sub(1)),
        last,
        from.min(last.saturating_sub(1)),
    )
    .1;
    (from..end.min(last)).any(|i| {
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

/// Two distinct mentions of one country and sector, the second an unnamed group: the
/// target of the first's force or coercion is another group ("soldiers arrested officers").
pub fn rival_groups(a: &Mention, m: &Mention) -> bool {
    m.kind == MentionKind::Direct
        && a.kind == MentionKind::Direct
        && m.name.is_none()
        && m.role.is_none()
        && m.group != a.group
        && m.sector.is_some()
}

/// Two mentions that code the same actor (same country, compatible sectors).
pub fn same_actor(a: &Mention, b: &Mention) -> bool {
    if a.first == b.first && a.last == b.last && a.country == b.country {
        return true;
    }
    // A place is not its own government: "forces bombarded towns in Idlib".
    if a.place_like && a.sector.is_none() || b.place_like && b.sector.is_none() {
        return false;
    }
    if a.name.is_some() && a.name == b.name {
        return true;
    }
    a.country == b.country
        && (a.sector.is_none() || b.sector.is_none() || a.sector == b.sector)
        && a.country.is_some()
}

/// Where a complement clause ends: the sentence end, a semicolon, or a reporting clause.
fn complement_end(tokens: &[Token], from: usize, last: usize) -> usize {
    let mut i = from + 1;
    while i < last {
        let w = tokens[i].norm.as_str();
        if matches!(
            w,
            ";" | ":" | "but" | "while" | "whereas" | "although" | "though" | "("
        ) {
            return i;
        }
        if w == "," && i + 1 < last {
            // ", X said" / ", according to"
            let rest = &tokens[i + 1..last.min(i + 8)];
            if rest.iter().any(is_report) || rest.first().is_some_and(|t| t.norm == "according") {
                return i;
            }
        }
        i += 1;
    }
    last
}

/// Where the object search stops: a relative clause, a semicolon, a reporting clause.
fn object_end(tokens: &[Token], from: usize, last: usize) -> usize {
    let mut i = from;
    while i < last {
        let w = tokens[i].norm.as_str();
        if w == "that" && i > from + 1 {
            return i;
        }
        if matches!(
            w,
            ";" | ":"
                | "who"
                | "which"
                | "whom"
                | "whose"
                | "while"
                | "but"
                | "because"
                | "although"
                | "after"
                | "as"
                | "when"
                | "since"
                | "so"
                | "if"
                | "unless"
                | "until"
                | "despite"
                | "following"
                | "amid"
        ) {
            return i;
        }
        if w == "," && i + 1 < last {
            let rest = &tokens[i + 1..last.min(i + 8)];
            if rest.iter().any(is_report)
                || rest.first().is_some_and(|t| {
                    matches!(
                        t.norm.as_str(),
                        "according" | "saying" | "which" | "who" | "where" | "adding"
                    ) || t.norm.ends_with("ing") && !PREPS.contains(&t.norm.as_str())
                })
                // ", a move condemned by ...": an appositive about the whole clause.
                || matches!(rest.first().map(|t| t.norm.as_str()), Some("a" | "an"))
                    && rest.get(1).is_some_and(|t| {
                        matches!(
                            t.norm.as_str(),
                            "move" | "decision" | "step" | "measure" | "development" | "gesture"
                        )
                    })
            {
                return i;
            }
        }
        i += 1;
    }
    last
}
