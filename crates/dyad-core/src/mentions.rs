//! The actor layer: find actor mentions in a sentence and code them.
//!
//! First every lexicon phrase is matched ([`PhraseTable`](crate::lexicon::PhraseTable)),
//! longest first, giving *atoms*. Then atoms are composed into mentions by a
//! small grammar over each noun phrase:
//!
//! ```text
//! mention := [det] [former] modifier* filler* head [name] [(of|in|from) [the] place]
//! modifier := country's | demonym | capital | org       ("North Korea's", "Belarusian", "Nairobi")
//! head     := title | agent | person | org | seat | country
//! ```
//!
//! A title's name is the run of capitalised words after it ("Vice Foreign
//! Minister Im Chon-il"). Coordinated modifiers share the head: "Hungarian and
//! Romanian officials" is two mentions. Pronouns, "counterpart" and "the two
//! sides" become unresolved mentions for the coreference stage.

use chrono::NaiveDate;

use crate::doc::Span;
use crate::lexicon::{AtomKind, Lexicons};
use crate::text::Token;

/// How a mention refers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MentionKind {
    /// Names or describes its referent ("Belarus", "Turkish police").
    Direct,
    /// A country, capital or demonym used only as an adjective ("Russian tactical weapons").
    Adjective,
    /// A pronoun: he, she, it, they, his, her, its, their.
    Pronoun,
    /// "his Belarusian counterpart": the same rank as the antecedent, another country.
    Counterpart,
    /// "the two sides", "both parties": the participants of the preceding event.
    Pair,
}

/// One actor mention.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// Byte span in the document.
    pub span: Span,
    /// First token index (document-wide).
    pub first: usize,
    /// One past the last token index.
    pub last: usize,
    /// How it refers.
    pub kind: MentionKind,
    /// Country or non-state code.
    pub country: Option<String>,
    /// PLOVER sector.
    pub sector: Option<String>,
    /// Person's or organisation's name.
    pub name: Option<String>,
    /// Title as written.
    pub role: Option<String>,
    /// Normalised rank, for counterparts.
    pub rank: Option<String>,
    /// Refers to a group or several actors.
    pub plural: bool,
    /// Refers to one person.
    pub person: bool,
    /// A possessive ("North Korea's", "his").
    pub possessive: bool,
    /// A capital or seat that may also be a place ("Pyongyang").
    pub place_like: bool,
    /// Marked "former" in the text.
    pub former: bool,
    /// Carries a title written in the text ("President Obama"): its sector beats the lexicon's dates.
    pub titled: bool,
    /// Mentions coordinated with this one ("North Korea and Belarus") share a group id.
    pub group: usize,
    /// The lexicon entries that coded it.
    pub rules: Vec<String>,
}

const PRONOUNS: &[(&str, bool, bool, bool)] = &[
    // (form, plural, person, possessive)
    ("he", false, true, false),
    ("she", false, true, false),
    ("his", false, true, true),
    ("her", false, true, true),
    ("him", false, true, false),
    ("it", false, false, false),
    ("its", false, false, true),
    ("they", true, false, false),
    ("their", true, false, true),
    ("them", true, false, false),
    // First person: the speaker, resolved to the sentence's reporter by the coder.
    ("we", true, false, false),
    ("our", true, false, true),
];

/// The rule a first-person pronoun carries ("We condemn …," the ministry said).
pub const FIRST_PERSON: &str = "pronoun:first-person";

/// Rule of a definite description that refers back to a named organisation
/// ("strikes against the group"); coreference resolves it like a pronoun, to a
/// named non-state actor only.
pub const ORG_ANAPHOR: &str = "anaphor:organisation";

/// Heads of such descriptions, after "the" (or "the militant", "the armed").
const ORG_HEADS: &[&str] = &[
    "group",
    "organisation",
    "organization",
    "movement",
    "militia",
];

/// Words that may sit between modifiers and the head without breaking the phrase.
const FILLERS: &[&str] = &[
    "senior",
    "top",
    "junior",
    "ordinary",
    "radical",
    "angry",
    "young",
    "local",
    "city",
    "state-owned",
    "official",
    "new",
    "main",
    "chief",
    "deputy",
    "acting",
    "interim",
    "ruling",
    "leading",
    "prominent",
    "armed",
    "national",
    "federal",
    "central",
    "regional",
    "provincial",
    "military-backed",
    "hardline",
    "moderate",
    "elderly",
    "ethnic",
    "rival",
    "islamist",
    "separatist",
    "pro-government",
    "anti-government",
    "mainstream",
    "traditional",
    "influential",
    "powerful",
    "outgoing",
    "incoming",
    "newly",
    "democratic",
    "government",
    "state",
    "security",
    "border",
    "riot",
    "secret",
    "special",
    "elite",
    "unidentified",
    "unknown",
    "suspected",
    "alleged",
    "so-called",
    "fellow",
    "many",
    "some",
    "several",
    "thousands",
    "hundreds",
    "dozens",
    "of",
];

/// Adjectives that make a people-demonym civilian ("ordinary Iranians").
const CIVILIAN: &[&str] = &[
    "ordinary",
    "young",
    "angry",
    "local",
    "elderly",
    "many",
    "thousands",
    "hundreds",
    "dozens",
    "ethnic",
    "some",
];

const DETS: &[&str] = &[
    "the", "a", "an", "both", "two", "all", "other", "his", "her", "its", "their",
];

/// A lowercase word that may modify a noun: not a verb form, preposition, determiner or conjunction.
fn plain_word(t: &Token) -> bool {
    let w = t.norm.as_str();
    !t.cap
        && !t.punct
        && w.len() > 2
        && w.chars().all(|c| c.is_alphabetic() || c == '-')
        && !w.ends_with("ed")
        && !w.ends_with("ing")
        && !w.ends_with("ly")
        && !crate::lexicon::triggers::irregular_past(w)
        && !crate::clause::PREPS.contains(&w)
        && !crate::clause::AUX.contains(&w)
        && !crate::clause::REPORT.contains(&w)
        && !matches!(
            w,
            "and"
                | "or"
                | "but"
                | "the"
                | "that"
                | "this"
                | "who"
                | "which"
                | "said"
                | "says"
                | "its"
                | "their"
                | "his"
                | "her"
        )
}

/// A plain word that may stand between a country and its head noun ("French paper workers"):
/// not a count, and not a word in -s, which is a headline's present-tense verb ("Russia
/// expels two Estonian diplomats") far more often than a plural noun modifier.
fn noun_modifier(t: &Token) -> bool {
    let w = t.norm.as_str();
    plain_word(t)
        && (!w.ends_with('s') || w.ends_with("ss") || w.ends_with("us") || w == "arms")
        && !matches!(
            w,
            "one" | "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten"
        )
}

/// Finds the actor mentions among `tokens[first..last]`.
pub fn find(
    lex: &Lexicons,
    text: &str,
    tokens: &[Token],
    first: usize,
    last: usize,
    date: NaiveDate,
    next_group: &mut usize,
) -> Vec<Mention> {
    let atoms = atoms(lex, text, tokens, first, last);
    let mut out: Vec<Mention> = Vec::new();
    let mut used = vec![false; atoms.len()];
    // Heads: titles, agents, people, orgs, seats. Build a mention around each, leftmost first.
    for h in 0..atoms.len() {
        if used[h] {
            continue;
        }
        let (s, e, kind, _) = atoms[h];
        let is_head = matches!(
            kind,
            AtomKind::Title { .. }
                | AtomKind::Agent { .. }
                | AtomKind::Person { .. }
                | AtomKind::Org { .. }
                | AtomKind::Seat { .. }
        );
        if !is_head {
            continue;
        }
        // Adjacent heads merge: "Red Cross officials", "intelligence officials", "leader Kim Jong-un".
        let mut hend = h;
        while hend + 1 < atoms.len()
            && atoms[hend + 1].0 == atoms[hend].1
            && !used[hend + 1]
            && matches!(
                atoms[hend + 1].2,
                AtomKind::Title { .. } | AtomKind::Agent { .. } | AtomKind::Person { .. }
            )
            && !matches!(atoms[hend].2, AtomKind::Person { .. })
        {
            hend += 1;
        }
        let mut m = Mention {
            span: Span::new(tokens[s].span.start, tokens[atoms[hend].1 - 1].span.end),
            first: s,
            last: atoms[hend].1,
            kind: MentionKind::Direct,
            country: None,
            sector: None,
            name: None,
            role: None,
            rank: None,
            plural: false,
            person: false,
            possessive: false,
            place_like: false,
            former: false,
            titled: false,
            group: 0,
            rules: vec![],
        };
        for a in h..=hend {
            used[a] = true;
            apply_head(lex, text, tokens, &atoms[a], &mut m, date);
        }
        if matches!(tokens[e - 1].norm.as_str(), "counterpart" | "counterparts") {
            m.kind = MentionKind::Counterpart;
            m.sector = Some("GOV".into());
        }
        // A title takes the capitalised name after it.
        if m.name.is_none() && matches!(atoms[hend].2, AtomKind::Title { .. }) {
            let (ns, ne) = name_after(tokens, text, atoms[hend].1, last);
            if ne > ns {
                let name = text[tokens[ns].span.start..tokens[ne - 1].span.end].to_string();
                // A known person by that name?
                if let Some(p) = lex
                    .actors
                    .lookup(&name)
                    .into_iter()
                    .find_map(|a| match a.kind {
                        AtomKind::Person { idx } => Some(idx),
                        _ => None,
                    })
                {
                    if let Some(o) = lex.people[p].office_on(date) {
                        m.country = Some(o.country.clone());
                        if m.sector.is_none() {
                            m.sector = Some(o.sector.clone());
                        }
                    }
                    m.name = Some(lex.people[p].name.clone());
                } else {
                    m.name = Some(name);
                }
                m.person = true;
                m.plural = false;
                m.last = ne;
                m.span.end = tokens[ne - 1].span.end;
                // Consume atoms inside the name.
                for (j, a) in atoms.iter().enumerate() {
                    if a.0 >= atoms[hend].1 && a.1 <= ne {
                        used[j] = true;
                    }
                }
            }
        }
        m.possessive = m.last < last && tokens[m.last].norm == "'s";
        // Left modifiers.
        let mut countries: Vec<(usize, String)> = Vec::new();
        let mut k = h;
        let mut left = s;
        let mut civilian = false;
        loop {
            // Skip fillers.
            let mut j = left;
            while j > first
                && (FILLERS.contains(&tokens[j - 1].norm.as_str())
                    || led_by_modifier(&tokens[j - 1]) && !atoms.iter().any(|a| a.1 == j))
            {
                civilian |= CIVILIAN.contains(&tokens[j - 1].norm.as_str());
                j -= 1;
            }
            // "French paper workers", "Israeli peace movement": up to two plain words,
            // but only when a country modifier stands right before them.
            let mut u = j;
            while u > first && j - u < 2 && noun_modifier(&tokens[u - 1]) {
                u -= 1;
            }
            if u < j
                && k > 0
                && atoms[k - 1].1 == u
                && !used[k - 1]
                && matches!(
                    atoms[k - 1].2,
                    AtomKind::Demonym { .. } | AtomKind::Country { .. } | AtomKind::Capital { .. }
                )
            {
                j = u;
            }
            if j > first && matches!(tokens[j - 1].norm.as_str(), "former" | "ex-" | "late") {
                m.sector = Some("ELI".into());
                m.former = true;
                j -= 1;
            }
            if k == 0 {
                left = j;
                break;
            }
            let prev = &atoms[k - 1];
            let mut pend = prev.1;
            let poss = pend < last && tokens[pend].norm == "'s";
            if poss {
                pend += 1;
            }
            if pend != j || used[k - 1] {
                left = j;
                break;
            }
            match &prev.2 {
                AtomKind::Country { code }
                | AtomKind::Demonym { code, .. }
                | AtomKind::Capital { code } => {
                    countries.push((k - 1, code.clone()));
                }
                AtomKind::Org { code, name, .. } if m.country.is_none() || poss => {
                    countries.push((k - 1, code.clone()));
                    if m.name.is_none() && !m.person {
                        m.name = Some(name.clone());
                    }
                }
                _ => {
                    left = j;
                    break;
                }
            }
            used[k - 1] = true;
            left = prev.0;
            k -= 1;
            // Coordination: "Hungarian and Romanian officials".
            if k > 0
                && left > first + 1
                && matches!(tokens[left - 1].norm.as_str(), "and" | "," | "or")
                && atoms[k - 1].1 == left - 1
                && !used[k - 1]
            {
                if let AtomKind::Demonym {
                    code,
                    people: false,
                }
                | AtomKind::Country { code } = &atoms[k - 1].2
                {
                    countries.push((k - 1, code.clone()));
                    used[k - 1] = true;
                    left = atoms[k - 1].0;
                    k -= 1;
                }
            }
        }
        while left > first
            && DETS.contains(&tokens[left - 1].norm.as_str())
            && !matches!(
                tokens[left - 1].norm.as_str(),
                "his" | "her" | "their" | "its"
            )
        {
            left -= 1;
        }
        // "the resignation of President Ruto": a filler "of" with no quantity before it
        // ("thousands of") belongs to the noun before, not to the mention.
        while left < m.first && tokens[left].norm == "of" {
            left += 1;
        }
        m.first = left.min(m.first);
        m.span.start = tokens[m.first].span.start;
        if civilian && m.sector.as_deref().is_none_or(|s| s == "CVL") {
            m.sector = Some("CVL".into());
        }
        // Right: "of Morocco", "in the Ivory Coast", "from Calgary"; not after "its"/"their".
        let owned = m.first > first
            && matches!(
                tokens[m.first - 1].norm.as_str(),
                "its" | "their" | "his" | "her"
            );
        if m.country.is_none() && countries.is_empty() && !owned {
            let mut j = m.last;
            if j + 1 < last && matches!(tokens[j].norm.as_str(), "of" | "in" | "from") {
                j += 1;
                while j < last
                    && (matches!(
                        tokens[j].norm.as_str(),
                        "the" | "southern" | "northern" | "eastern" | "western" | "central"
                    ) || FILLERS.contains(&tokens[j].norm.as_str()) && tokens[j].norm != "of")
                {
                    j += 1;
                }
                // Coordinated: "of North Korea and Belarus".
                let mut found = Vec::new();
                while let Some(ai) = atoms.iter().position(|a| a.0 == j) {
                    match &atoms[ai].2 {
                        AtomKind::Country { code }
                        | AtomKind::Capital { code }
                        | AtomKind::Demonym { code, people: true }
                        | AtomKind::Org { code, .. } => {
                            found.push((ai, code.clone()));
                            j = atoms[ai].1;
                            if j + 1 < last && matches!(tokens[j].norm.as_str(), "and" | ",") {
                                j += 1;
                                continue;
                            }
                        }
                        _ => {}
                    }
                    break;
                }
                if !found.is_empty() {
                    for (ai, _) in &found {
                        used[*ai] = true;
                    }
                    // "leaders of the Tigray People's Liberation Front", "members of Hamas":
                    // a generic agent of an organisation belongs to its sector.
                    if tokens[m.last].norm == "of" && matches!(kind, AtomKind::Agent { .. }) {
                        if let AtomKind::Org { sector, .. } = &atoms[found[0].0].2 {
                            if !sector.is_empty() && found.len() == 1 {
                                m.sector = Some(sector.clone());
                            }
                        }
                    }
                    m.last = atoms[found.last().unwrap().0].1;
                    m.span.end = tokens[m.last - 1].span.end;
                    countries.extend(found);
                }
            }
        }
        if countries.is_empty() {
            push_group(&mut out, vec![m], next_group);
        } else {
            countries.sort();
            let multi = countries.len() > 1;
            let ms = countries
                .into_iter()
                .map(|(ai, code)| {
                    let mut c = m.clone();
                    if (c.country.is_none()
                        || multi
                        || matches!(atoms[ai].2, AtomKind::Org { .. })
                            && c.country.as_deref().is_some_and(|x| x.len() == 3))
                        && (c.country.is_none() || multi)
                    {
                        c.country = Some(code);
                    }
                    c.rules.push(atom_source(lex, text, tokens, &atoms[ai]));
                    if multi {
                        c.plural = true;
                    }
                    c
                })
                .collect();
            push_group(&mut out, ms, next_group);
        }
    }
    // Leftover country, capital and demonym atoms, and coordinations of them.
    let mut a = 0;
    while a < atoms.len() {
        if used[a] {
            a += 1;
            continue;
        }
        let mut members = Vec::new();
        let mut b = a;
        loop {
            if used[b] {
                break;
            }
            if let Some(m) = standalone(lex, text, tokens, first, last, &atoms[b]) {
                members.push(m);
            } else {
                break;
            }
            used[b] = true;
            let end =
                atoms[b].1 + usize::from(atoms[b].1 < last && tokens[atoms[b].1].norm == "'s");
            // "North Korea and Belarus", "Iraq, Syria and Libya"
            let mut j = end;
            if j < last && tokens[j].norm == "," {
                j += 1;
            }
            if j < last && matches!(tokens[j].norm.as_str(), "and" | "or") {
                j += 1;
                if j < last && tokens[j].norm == "the" {
                    j += 1;
                }
            }
            if j > end && b + 1 < atoms.len() && atoms[b + 1].0 == j && !used[b + 1] {
                b += 1;
                continue;
            }
            break;
        }
        push_group(&mut out, members, next_group);
        a = b.max(a) + 1;
    }
    // Pair references ("the two sides", "both ministers"), then pronouns.
    for i in first..last {
        let w = tokens[i].norm.as_str();
        let next = if i + 1 < last {
            tokens[i + 1].norm.as_str()
        } else {
            ""
        };
        let pair_noun = matches!(
            next,
            "sides"
                | "parties"
                | "countries"
                | "nations"
                | "governments"
                | "leaders"
                | "ministers"
                | "men"
                | "presidents"
                | "delegations"
                | "neighbours"
                | "neighbors"
                | "allies"
                | "officials"
                | "diplomats"
                | "envoys"
                | "negotiators"
                | "states"
                | "heads"
                | "premiers"
                | "armies"
                | "militaries"
                | "rivals"
                | "foes"
                | "camps"
        );
        // "the two men", "both leaders"; not an indefinite count ("detained two men who ...").
        let definite = w == "both" || i > first && tokens[i - 1].norm == "the";
        if matches!(w, "both" | "two") && pair_noun && definite {
            let start = if i > first && tokens[i - 1].norm == "the" {
                i - 1
            } else {
                i
            };
            // Only when no country qualifies them: "the two countries", not "the two Korean leaders".
            if !out
                .iter()
                .any(|m| m.first <= i + 1 && i + 1 < m.last && m.country.is_some())
            {
                out.retain(|m| m.last <= start || m.first >= i + 2);
                let m = bare(tokens, start, i + 2, MentionKind::Pair, true, false, false);
                push_group(&mut out, vec![m], next_group);
            }
        }
    }
    out.sort_by_key(|m| (m.first, m.last));
    host_capitals(tokens, &mut out);
    join_coordinated(tokens, first, last, &mut out);
    for i in first..last {
        let w = tokens[i].norm.as_str();
        if out.iter().any(|m| m.first <= i && i < m.last) {
            continue;
        }
        // "the group", "the militant group": a named organisation mentioned before.
        if w == "the" {
            let mut h = i + 1;
            if h < last && matches!(tokens[h].norm.as_str(), "militant" | "armed" | "rebel") {
                h += 1;
            }
            let free = |j: usize| !out.iter().any(|m| m.first <= j && j < m.last);
            let possessive = h + 1 < last && tokens[h + 1].norm == "'s";
            if h < last
                && ORG_HEADS.contains(&tokens[h].norm.as_str())
                && (i + 1..=h).all(free)
                && !(h + 1 < last && tokens[h + 1].norm == "of")
            {
                let mut m = bare(
                    tokens,
                    i,
                    h + 1,
                    MentionKind::Pronoun,
                    false,
                    false,
                    possessive,
                );
                m.rules.push(ORG_ANAPHOR.into());
                push_group(&mut out, vec![m], next_group);
                continue;
            }
        }
        if let Some(&(_, plural, person, possessive)) = PRONOUNS.iter().find(|p| p.0 == w) {
            let mut m = bare(
                tokens,
                i,
                i + 1,
                MentionKind::Pronoun,
                plural,
                person,
                possessive,
            );
            if matches!(w, "we" | "our") {
                m.rules.push(FIRST_PERSON.into());
            }
            push_group(&mut out, vec![m], next_group);
        }
    }
    compound_partners(lex, tokens, &mut out);
    out.sort_by_key(|m| (m.first, m.last));
    out
}

/// The country code of a country or demonym atom.
fn country_code(a: &crate::lexicon::Atom) -> Option<&str> {
    match &a.kind {
        AtomKind::Demonym { code, .. } | AtomKind::Country { code } => Some(code),
        _ => None,
    }
}

/// "French-German", "Israeli-Palestinian", "Nigerian-British": one capitalised token of two
/// country words joined by a hyphen; the atoms of both parts.
fn compound_demonym<'l>(
    lex: &'l Lexicons,
    t: &Token,
) -> Option<(&'l crate::lexicon::Atom, &'l crate::lexicon::Atom)> {
    if !t.cap {
        return None;
    }
    let (a, b) = t.norm.split_once('-')?;
    if a.len() < 3 || b.len() < 3 || b.contains('-') {
        return None;
    }
    let part = |w: &str| {
        lex.actors
            .lookup(w)
            .into_iter()
            .find(|x| matches!(x.kind, AtomKind::Demonym { .. } | AtomKind::Country { .. }))
    };
    let (x, y) = (part(a)?, part(b)?);
    (country_code(x) != country_code(y)).then_some((x, y))
}

/// A mention made of a compound demonym ("French-German talks", "a French-Iranian academic")
/// stands for its first country; a copy for the second joins its coordinated group, as
/// "French and German" would.
fn compound_partners(lex: &Lexicons, tokens: &[Token], out: &mut Vec<Mention>) {
    let mut extra = Vec::new();
    for m in out.iter() {
        if m.last != m.first + 1 {
            continue;
        }
        let Some((x, y)) = compound_demonym(lex, &tokens[m.first]) else {
            continue;
        };
        if m.country.as_deref() != country_code(x) {
            continue;
        }
        let mut p = m.clone();
        p.country = country_code(y).map(str::to_string);
        p.rules.push("demonym:compound".into());
        extra.push(p);
    }
    out.extend(extra);
}

/// Seats of international bodies that are also national capitals, with their host.
const HOST_CAPITALS: &[(&str, &str)] = &[("brussels", "BEL")];

/// "Belgian police in Brussels": a seat of an international body ("Brussels" is the EU) is
/// the host country's capital when the sentence names the host country.
fn host_capitals(tokens: &[Token], out: &mut [Mention]) {
    for i in 0..out.len() {
        let m = &out[i];
        if m.kind != MentionKind::Direct || m.last != m.first + 1 {
            continue;
        }
        let w = tokens[m.first].norm.as_str();
        let Some(&(_, host)) = HOST_CAPITALS.iter().find(|(n, _)| *n == w) else {
            continue;
        };
        if !out.iter().any(|o| o.country.as_deref() == Some(host)) {
            continue;
        }
        let m = &mut out[i];
        m.country = Some(host.into());
        m.sector = Some("GOV".into());
        m.name = None;
        m.place_like = true;
        m.rules.push("seat:host-capital".into());
    }
}

/// "Kurdish-led fighters", "Western-backed forces": a hyphenated "led/backed by" modifier
/// (one that names no country of its own) does not break the noun phrase.
fn led_by_modifier(t: &Token) -> bool {
    t.norm.rsplit_once('-').is_some_and(|(a, b)| {
        !a.is_empty()
            && matches!(
                b,
                "led" | "backed" | "allied" | "aligned" | "linked" | "affiliated" | "dominated"
            )
    })
}

/// "Israel and Hamas", "the United States, Britain and the EU": coordinated mentions
/// of different kinds form one group, unless the second one starts a new clause
/// ("Russia attacked Ukraine and Belarus condemned it").
fn join_coordinated(tokens: &[Token], first: usize, last: usize, out: &mut [Mention]) {
    for k in 1..out.len() {
        let (a, b) = (&out[k - 1], &out[k]);
        if a.group == b.group
            || a.kind != MentionKind::Direct
            || b.kind != MentionKind::Direct
            || a.possessive
            || b.possessive
            || a.country.is_none()
            // "Syrian forces and Kurdish-led fighters": an unnamed group whose country
            // coreference fills in later is coordinated too.
            || b.country.is_none() && !(b.plural && b.sector.is_some() && b.name.is_none())
        {
            continue;
        }
        let mut j = a.last;
        if j < b.first && tokens[j].norm == "," {
            j += 1;
        }
        if j < b.first && matches!(tokens[j].norm.as_str(), "and" | "or") {
            j += 1;
        } else {
            continue;
        }
        if j < b.first && tokens[j].norm == "the" {
            j += 1;
        }
        if j != b.first {
            continue;
        }
        // Only a coordination that could be a subject pair is checked for a following verb.
        let verb_before = tokens[first..a.first].iter().any(|t| {
            !t.cap
                && (t.norm.ends_with("ed")
                    || crate::lexicon::triggers::irregular_past(&t.norm)
                    || crate::clause::AUX.contains(&t.norm.as_str()))
        });
        let verb_next = verb_before && b.last < last && {
            let n = &tokens[b.last];
            !n.cap
                && !n.punct
                && (n.norm.ends_with("ed")
                    || n.norm.ends_with('s') && n.norm != "'s"
                    // "to" is not a new clause's verb: "urged Israel and Hamas to agree".
                    || crate::clause::AUX.contains(&n.norm.as_str()) && n.norm != "to"
                    || crate::events::is_report(n))
        };
        if verb_next {
            continue;
        }
        let (from, to) = (b.group, a.group);
        for m in out.iter_mut() {
            if m.group == from {
                m.group = to;
            }
        }
    }
}

/// A mention for a gazetteer place that no lexicon entry covered ("Kharkiv"): a country, no sector.
pub fn place_mention(
    span: Span,
    first: usize,
    last: usize,
    country: Option<String>,
    group: usize,
) -> Mention {
    Mention {
        span,
        first,
        last,
        kind: MentionKind::Direct,
        country,
        sector: None,
        name: None,
        role: None,
        rank: None,
        plural: false,
        person: false,
        possessive: false,
        place_like: true,
        former: false,
        titled: false,
        group,
        rules: vec!["gazetteer".into()],
    }
}

fn bare(
    tokens: &[Token],
    first: usize,
    last: usize,
    kind: MentionKind,
    plural: bool,
    person: bool,
    possessive: bool,
) -> Mention {
    Mention {
        span: Span::new(tokens[first].span.start, tokens[last - 1].span.end),
        first,
        last,
        kind,
        country: None,
        sector: None,
        name: None,
        role: None,
        rank: None,
        plural,
        person,
        possessive,
        place_like: false,
        former: false,
        titled: false,
        group: 0,
        rules: vec![],
    }
}

fn push_group(out: &mut Vec<Mention>, ms: Vec<Mention>, next_group: &mut usize) {
    if ms.is_empty() {
        return;
    }
    *next_group += 1;
    for mut m in ms {
        m.group = *next_group;
        out.push(m);
    }
}

fn atom_source(_lex: &Lexicons, _text: &str, _tokens: &[Token], a: &AtomAt) -> String {
    a.3.to_string()
}

/// A lexicon match: (first token, end token, kind, source).
type AtomAt<'l> = (usize, usize, &'l AtomKind, &'l str);

/// Longest lexicon matches in `tokens[first..last]`.
/// Words that turn a following demonym into a region's ("South American").
const COMPASS: &[&str] = &[
    "south",
    "north",
    "east",
    "west",
    "central",
    "latin",
    "southeast",
    "northeast",
    "northwest",
    "southwest",
    "pan",
];

fn atoms<'l>(
    lex: &'l Lexicons,
    text: &str,
    tokens: &[Token],
    first: usize,
    last: usize,
) -> Vec<AtomAt<'l>> {
    let mut out = Vec::new();
    let mut i = first;
    while i < last {
        let ms = lex.actors.matches_at(text, &tokens[..last], i);
        if let Some(&(n, _)) = ms.first() {
            // Among the longest, prefer the most specific kind.
            let best = ms
                .iter()
                .filter(|(k, _)| *k == n)
                .min_by_key(|(_, a)| priority(&a.kind))
                .map(|(_, a)| *a)
                .expect("non-empty");
            // "South American", "West African", "Latin American": a region, not the
            // country ("South Korean" is matched whole before it gets here).
            let region = matches!(best.kind, AtomKind::Demonym { .. })
                && i > first
                && tokens[i - 1].cap
                && COMPASS.contains(&tokens[i - 1].norm.as_str());
            if !region {
                out.push((i, i + n, &best.kind, best.source.as_str()));
            }
            i += n;
        } else if let Some(a) = compound_modifier(lex, &tokens[i]) {
            // "Vietnamese-led forces", "Russian-backed separatists"
            out.push((i, i + 1, &a.kind, a.source.as_str()));
            i += 1;
        } else if let Some((x, _)) = compound_demonym(lex, &tokens[i]) {
            // "French-German talks": the first country here; its partner is added to the mention's group.
            out.push((i, i + 1, &x.kind, x.source.as_str()));
            i += 1;
        } else if matches!(tokens[i].norm.as_str(), "counterpart" | "counterparts") {
            out.push((
                i,
                i + 1,
                &lex.counterpart.kind,
                lex.counterpart.source.as_str(),
            ));
            i += 1;
        } else {
            i += 1;
        }
    }
    out
}

/// "Vietnamese-led", "Iranian-backed", "US-based": a country word fused with a participle.
fn compound_modifier<'l>(lex: &'l Lexicons, t: &Token) -> Option<&'l crate::lexicon::Atom> {
    let (head, tail) = t.norm.rsplit_once('-')?;
    if !matches!(
        tail,
        "led"
            | "backed"
            | "based"
            | "allied"
            | "born"
            | "owned"
            | "funded"
            | "sponsored"
            | "run"
            | "dominated"
            | "controlled"
            | "supported"
            | "armed"
            | "trained"
    ) {
        return None;
    }
    let atoms = lex.actors.lookup(head);
    let a = atoms
        .into_iter()
        .find(|a| matches!(a.kind, AtomKind::Demonym { .. } | AtomKind::Country { .. }))?;
    Some(a)
}

fn priority(k: &AtomKind) -> u8 {
    match k {
        AtomKind::Person { .. } => 0,
        AtomKind::Org { .. } => 1,
        AtomKind::Seat { .. } => 2,
        AtomKind::Country { .. } => 3,
        AtomKind::Demonym { .. } => 4,
        AtomKind::Capital { .. } => 5,
        AtomKind::Title { .. } => 6,
        AtomKind::Agent { .. } => 7,
    }
}

fn apply_head(
    lex: &Lexicons,
    text: &str,
    tokens: &[Token],
    atom: &AtomAt,
    m: &mut Mention,
    date: NaiveDate,
) {
    m.rules.push(atom.3.to_string());
    let surface = &text[tokens[atom.0].span.start..tokens[atom.1 - 1].span.end];
    match &atom.2 {
        AtomKind::Title { sector, rank } => {
            if m.sector.is_none() {
                m.sector = Some(sector.clone());
            }
            m.role = Some(surface.to_string());
            m.rank = Some(rank.clone());
            m.titled = true;
            m.person = true;
            m.plural = surface.ends_with('s') && !surface.ends_with("ss");
        }
        AtomKind::Agent {
            sector,
            person,
            plural,
        } => {
            // "intelligence officials": the more specific sector of the two wins.
            if m.sector.as_deref().is_none_or(|s| s == "GOV" || s == "CVL") {
                m.sector = Some(sector.clone());
            }
            m.person |= *person;
            m.plural = *plural || !*person && surface.ends_with('s') && !surface.ends_with("ss");
        }
        AtomKind::Person { idx } => {
            let p = &lex.people[*idx];
            if let Some(o) = p.office_on(date) {
                m.country = Some(o.country.clone());
                // A title written in the text ("Foreign Minister Sergei Aleinik") says what
                // the person was then, whatever the lexicon's dates say about today.
                if !m.titled {
                    m.sector = Some(o.sector.clone());
                }
                if m.role.is_none() {
                    m.role = Some(o.role.clone());
                }
            }
            m.name = Some(p.name.clone());
            m.person = true;
        }
        AtomKind::Org { code, sector, name } => {
            m.country = Some(code.clone());
            if !sector.is_empty() {
                m.sector = Some(sector.clone());
            }
            m.name = Some(name.clone());
        }
        AtomKind::Seat { code, sector } => {
            m.country = Some(code.clone());
            m.sector = Some(sector.clone());
            m.name = Some(surface.to_string());
            m.place_like = true;
        }
        AtomKind::Country { .. } | AtomKind::Demonym { .. } | AtomKind::Capital { .. } => {}
    }
}

/// A country, capital or demonym atom on its own.
fn standalone(
    _lex: &Lexicons,
    text: &str,
    tokens: &[Token],
    first: usize,
    last: usize,
    a: &AtomAt,
) -> Option<Mention> {
    let (s, e) = (a.0, a.1);
    let mut m = bare(tokens, s, e, MentionKind::Direct, false, false, false);
    m.rules.push(a.3.to_string());
    let next = tokens.get(e).filter(|_| e < last);
    m.possessive = next.is_some_and(|t| t.norm == "'s");
    // Demonyms and countries directly before a noun are adjectives: "Russian tactical weapons".
    let before_noun = next.is_some_and(|t| {
        !t.punct
            && t.norm != "'s"
            && !matches!(
                t.norm.as_str(),
                "and"
                    | "or"
                    | "of"
                    | "to"
                    | "for"
                    | "in"
                    | "on"
                    | "at"
                    | "with"
                    | "by"
                    | "from"
                    | "has"
                    | "have"
                    | "had"
                    | "is"
                    | "was"
                    | "were"
                    | "are"
                    | "will"
                    | "would"
                    | "said"
                    | "says"
            )
    });
    // "the South China Sea", "East Timor Sea": a country inside a longer capitalised name.
    let inside_name = matches!(a.2, AtomKind::Country { .. })
        && s > first
        && e < last
        && tokens[e].cap
        && !tokens[e].punct
        && {
            let p = &tokens[s - 1];
            p.cap
                && !p.punct
                && (s - 1 > first || matches!(p.norm.as_str(), "south" | "north" | "east" | "west"))
        };
    // "the Sea of Japan", "the Gulf of Guinea": a country after "of" in a water or cape name.
    let feature_of = s >= first + 2
        && tokens[s - 1].norm == "of"
        && tokens[s - 2].cap
        && matches!(
            tokens[s - 2].norm.as_str(),
            "sea" | "gulf" | "bay" | "strait" | "straits" | "horn" | "cape" | "isthmus" | "bight"
        );
    if inside_name || feature_of {
        return None;
    }
    match &a.2 {
        AtomKind::Country { code } => {
            m.country = Some(code.clone());
        }
        AtomKind::Capital { code } => {
            m.country = Some(code.clone());
            m.sector = Some("GOV".into());
            m.place_like = true;
        }
        AtomKind::Demonym { code, people } => {
            m.country = Some(code.clone());
            m.plural = *people;
            if *people && s > first && tokens[s - 1].norm == "ethnic" {
                // "ethnic Albanians" in Serbia are a people of the place, not Albania's:
                // coreference gives them the country of the story.
                m.country = None;
                m.sector = Some("CVL".into());
                m.first = s - 1;
                m.span.start = tokens[s - 1].span.start;
            } else if !*people {
                m.kind = MentionKind::Adjective;
            } else if s > first && CIVILIAN.contains(&tokens[s - 1].norm.as_str()) {
                // "ordinary Iranians", "thousands of Nigerians" stay with the people; "young Algerians" are civilians.
                m.sector = Some("CVL".into());
                m.first = s - 1;
                m.span.start = tokens[s - 1].span.start;
            }
        }
        _ => return None,
    }
    // "U.S. Navy" is a name we do not know; "Serbia lifted" is a subject.
    let abbrev = {
        let sfc = &text[tokens[s].span.start..tokens[e - 1].span.end];
        sfc.contains('.') || (sfc.len() <= 3 && sfc.chars().all(|c| c.is_ascii_uppercase()))
    };
    if m.kind == MentionKind::Direct
        && before_noun
        && !m.possessive
        && matches!(a.2, AtomKind::Country { .. })
        && (tokens[e].cap
            || abbrev
                && plain_word(&tokens[e])
                && s > first
                && (plain_word(&tokens[s - 1])
                    || matches!(tokens[s - 1].norm.as_str(), "a" | "an")))
    {
        m.kind = MentionKind::Adjective;
    }
    // "Iraqi Kurds", "Bosnian Serbs": a demonym before a capitalised plural is a people.
    if m.kind == MentionKind::Adjective && matches!(a.2, AtomKind::Demonym { .. }) {
        if let Some(t) = next {
            if t.cap && t.norm.ends_with('s') && t.norm.len() > 3 && !t.punct {
                m.kind = MentionKind::Direct;
                m.plural = true;
                m.last = e + 1;
                m.span.end = t.span.end;
            }
        }
    }
    let _ = (text, first);
    Some(m)
}

/// The capitalised name after a title: up to five words, with lowercase particles inside.
fn name_after(tokens: &[Token], text: &str, start: usize, last: usize) -> (usize, usize) {
    let mut j = start;
    let mut end = start;
    while j < last && j - start < 6 {
        let t = &tokens[j];
        let s = &text[t.span.start..t.span.end];
        if t.cap
            && !t.punct
            && !matches!(
                t.norm.as_str(),
                "the" | "on" | "in" | "said" | "says" | "and"
            )
        {
            j += 1;
            end = j;
        } else if matches!(
            t.norm.as_str(),
            "bin" | "ibn" | "al" | "el" | "de" | "da" | "van" | "von" | "der" | "la" | "le" | "du"
        ) || s.starts_with("al-")
        {
            j += 1;
        } else {
            break;
        }
    }
    (start, end)
}

/// "Brazilian Foreign Minister Mauro Vieira arrived ... Vieira urged Venezuela ...": a bare
/// capitalised word that is the last name of a person named earlier in the article (with a
/// title or from the lexicon) refers back to that person. `per_sentence[k]` holds sentence
/// `k`'s mentions over `sents[k] = (first, last)`; new mentions get fresh groups.
pub fn surname_mentions(
    text: &str,
    tokens: &[Token],
    sents: &[(usize, usize)],
    per_sentence: &mut [Vec<Mention>],
    next_group: &mut usize,
) {
    let mut people: Vec<(String, Mention)> = Vec::new();
    for (k, &(first, last)) in sents.iter().enumerate() {
        let mut found = Vec::new();
        for i in first..last {
            let t = &tokens[i];
            if !t.cap || t.punct || t.norm.len() < 3 {
                continue;
            }
            if per_sentence[k].iter().any(|m| m.first <= i && i < m.last) {
                continue;
            }
            // Part of a longer capitalised name ("Vieira Street", "Ana Vieira") is not it.
            let next_cap = i + 1 < last && tokens[i + 1].cap;
            let prev_cap = i > first && tokens[i - 1].cap;
            if next_cap || prev_cap {
                continue;
            }
            let surface = &text[t.span.start..t.span.end];
            let Some((_, p)) = people.iter().rev().find(|(n, _)| n == surface) else {
                continue;
            };
            let mut m = p.clone();
            m.span = t.span;
            m.first = i;
            m.last = i + 1;
            m.kind = MentionKind::Direct;
            m.possessive = i + 1 < last && tokens[i + 1].norm == "'s";
            *next_group += 1;
            m.group = *next_group;
            m.rules.push("coref:surname".into());
            found.push(m);
        }
        per_sentence[k].extend(found);
        per_sentence[k].sort_by_key(|m| (m.first, m.last));
        for m in &per_sentence[k] {
            if let (true, Some(name), Some(c)) = (m.person, m.name.as_deref(), m.country.as_deref())
            {
                // East Asian names put the family name first ("Wang Yi" is "Wang").
                let family_first = matches!(c, "CHN" | "TWN" | "KOR" | "PRK" | "VNM" | "HKG");
                let word = if family_first {
                    name.split_whitespace().next()
                } else {
                    name.split_whitespace().last()
                };
                if let Some(w) = word.filter(|w| w.len() >= 3 && name.contains(' ')) {
                    people.push((w.to_string(), m.clone()));
                }
            }
        }
    }
}
