//! Event triggers: verb and noun patterns that code an event.
//!
//! Two files feed the [`TriggerTable`]:
//! - `cameo.tsv`: `code  goldstein  type  mode  context  description`, the CAMEO
//!   codes dyad emits with their Goldstein score and PLOVER type, mode, context;
//! - `triggers.tsv`: `kind  pattern  cameo  flags`, where `kind` is `V` (the
//!   first word is a verb lemma and matches every inflection), `N` (the last
//!   word also matches its plural) or `P` (literal). In a pattern, `*` skips up
//!   to four tokens. Flags (comma-separated): `comp` (takes a complement clause
//!   whose own triggers it absorbs: "agreed to strengthen"), `mutual`
//!   (symmetric: "met"), `rp=with/to` (prepositions that introduce the
//!   recipient), `norecip` (never takes a recipient), `type=`, `mode=`,
//!   `context=` (override the CAMEO row), `weak` (only an event when it has
//!   both an actor and a recipient), `intent` (a `comp` verb whose type comes
//!   from its complement: "vowed to fight" is THREATEN, "pledged to help" AGREE),
//!   `deontic` ("X said Y must": X requests of Y), `copula` (only after "be"),
//!   `adopt` (a `comp` verb that takes its complement's type: "ordered the expulsion").

use rustc_hash::FxHashMap as HashMap;

use super::{rows, LexiconError};
use crate::text::Token;

/// A row of `cameo.tsv`.
#[derive(Clone, Debug, PartialEq)]
pub struct Cameo {
    /// CAMEO code ("036").
    pub code: String,
    /// Goldstein score.
    pub goldstein: f64,
    /// PLOVER type.
    pub plover: String,
    /// PLOVER mode, may be empty.
    pub mode: String,
    /// PLOVER contexts.
    pub context: Vec<String>,
}

/// One token of a compiled pattern.
#[derive(Clone, Debug, PartialEq)]
enum Pat {
    /// Any of these normalised forms.
    Word(Vec<String>),
    /// Up to four tokens, not punctuation.
    Gap,
}

/// A compiled trigger pattern.
#[derive(Clone, Debug, PartialEq)]
pub struct Trigger {
    /// The pattern as written.
    pub pattern: String,
    /// `V`, `N` or `P`.
    pub kind: char,
    /// CAMEO code.
    pub cameo: String,
    /// PLOVER type.
    pub plover: String,
    /// PLOVER mode.
    pub mode: String,
    /// PLOVER contexts.
    pub context: Vec<String>,
    /// Goldstein score.
    pub goldstein: f64,
    /// Takes a complement clause.
    pub comp: bool,
    /// Symmetric.
    pub mutual: bool,
    /// Never takes a recipient.
    pub norecip: bool,
    /// Needs both actor and recipient.
    pub weak: bool,
    /// "X said Y must ...": the speaker demands it of the subject.
    pub deontic: bool,
    /// Takes the type of its complement when it has one ("ordered the expulsion" is the expulsion).
    pub adopt: bool,
    /// Only after a form of "be": "is ready to", "was prepared to".
    pub copula: bool,
    /// Takes its type from its complement: cooperation becomes AGREE, conflict THREATEN ("vowed to").
    pub intent: bool,
    /// Prepositions introducing the recipient.
    pub rp: Vec<String>,
    /// `file:line`.
    pub source: String,
    pats: Vec<Pat>,
}

/// All triggers, indexed by the forms of their first word.
#[derive(Clone, Debug, Default)]
pub struct TriggerTable {
    cameo: HashMap<String, Cameo>,
    triggers: Vec<Trigger>,
    by_first: HashMap<String, Vec<usize>>,
}

fn err(file: &str, line: usize, msg: impl Into<String>) -> LexiconError {
    LexiconError {
        file: file.into(),
        line,
        msg: msg.into(),
    }
}

/// Whether `w` is the irregular past or past participle of a verb ("sold", "fought").
pub fn irregular_past(w: &str) -> bool {
    IRREGULAR.iter().any(|r| r[2] == w || r[3] == w)
}

/// Irregular verbs: lemma, 3rd person, past, past participle, gerund.
const IRREGULAR: &[[&str; 5]] = &[
    ["be", "is", "was", "been", "being"],
    ["begin", "begins", "began", "begun", "beginning"],
    ["bring", "brings", "brought", "brought", "bringing"],
    ["build", "builds", "built", "built", "building"],
    ["buy", "buys", "bought", "bought", "buying"],
    ["catch", "catches", "caught", "caught", "catching"],
    ["choose", "chooses", "chose", "chosen", "choosing"],
    ["come", "comes", "came", "come", "coming"],
    ["cut", "cuts", "cut", "cut", "cutting"],
    ["deal", "deals", "dealt", "dealt", "dealing"],
    ["do", "does", "did", "done", "doing"],
    ["draw", "draws", "drew", "drawn", "drawing"],
    ["drive", "drives", "drove", "driven", "driving"],
    ["fall", "falls", "fell", "fallen", "falling"],
    ["feel", "feels", "felt", "felt", "feeling"],
    ["fight", "fights", "fought", "fought", "fighting"],
    ["find", "finds", "found", "found", "finding"],
    ["flee", "flees", "fled", "fled", "fleeing"],
    ["fly", "flies", "flew", "flown", "flying"],
    ["forbid", "forbids", "forbade", "forbidden", "forbidding"],
    ["forgive", "forgives", "forgave", "forgiven", "forgiving"],
    ["freeze", "freezes", "froze", "frozen", "freezing"],
    ["get", "gets", "got", "gotten", "getting"],
    ["give", "gives", "gave", "given", "giving"],
    ["go", "goes", "went", "gone", "going"],
    ["hang", "hangs", "hanged", "hanged", "hanging"],
    ["have", "has", "had", "had", "having"],
    ["hold", "holds", "held", "held", "holding"],
    ["hit", "hits", "hit", "hit", "hitting"],
    ["keep", "keeps", "kept", "kept", "keeping"],
    ["lay", "lays", "laid", "laid", "laying"],
    ["lead", "leads", "led", "led", "leading"],
    ["leave", "leaves", "left", "left", "leaving"],
    ["lend", "lends", "lent", "lent", "lending"],
    ["let", "lets", "let", "let", "letting"],
    ["lose", "loses", "lost", "lost", "losing"],
    ["make", "makes", "made", "made", "making"],
    ["meet", "meets", "met", "met", "meeting"],
    ["pay", "pays", "paid", "paid", "paying"],
    ["put", "puts", "put", "put", "putting"],
    ["quit", "quits", "quit", "quit", "quitting"],
    ["rise", "rises", "rose", "risen", "rising"],
    ["run", "runs", "ran", "run", "running"],
    ["say", "says", "said", "said", "saying"],
    ["see", "sees", "saw", "seen", "seeing"],
    ["seek", "seeks", "sought", "sought", "seeking"],
    ["sell", "sells", "sold", "sold", "selling"],
    ["send", "sends", "sent", "sent", "sending"],
    ["set", "sets", "set", "set", "setting"],
    ["shake", "shakes", "shook", "shaken", "shaking"],
    ["shoot", "shoots", "shot", "shot", "shooting"],
    ["shut", "shuts", "shut", "shut", "shutting"],
    ["sit", "sits", "sat", "sat", "sitting"],
    ["speak", "speaks", "spoke", "spoken", "speaking"],
    ["spend", "spends", "spent", "spent", "spending"],
    ["stand", "stands", "stood", "stood", "standing"],
    ["steal", "steals", "stole", "stolen", "stealing"],
    ["strike", "strikes", "struck", "struck", "striking"],
    ["swear", "swears", "swore", "sworn", "swearing"],
    ["take", "takes", "took", "taken", "taking"],
    ["teach", "teaches", "taught", "taught", "teaching"],
    ["tell", "tells", "told", "told", "telling"],
    ["think", "thinks", "thought", "thought", "thinking"],
    ["throw", "throws", "threw", "thrown", "throwing"],
    [
        "undertake",
        "undertakes",
        "undertook",
        "undertaken",
        "undertaking",
    ],
    ["upset", "upsets", "upset", "upset", "upsetting"],
    [
        "withdraw",
        "withdraws",
        "withdrew",
        "withdrawn",
        "withdrawing",
    ],
    [
        "withhold",
        "withholds",
        "withheld",
        "withheld",
        "withholding",
    ],
    ["win", "wins", "won", "won", "winning"],
    ["write", "writes", "wrote", "written", "writing"],
    [
        "overthrow",
        "overthrows",
        "overthrew",
        "overthrown",
        "overthrowing",
    ],
    ["shed", "sheds", "shed", "shed", "shedding"],
    ["beat", "beats", "beat", "beaten", "beating"],
    ["bear", "bears", "bore", "borne", "bearing"],
    ["forsake", "forsakes", "forsook", "forsaken", "forsaking"],
    ["uphold", "upholds", "upheld", "upheld", "upholding"],
    [
        "override",
        "overrides",
        "overrode",
        "overridden",
        "overriding",
    ],
    [
        "broadcast",
        "broadcasts",
        "broadcast",
        "broadcast",
        "broadcasting",
    ],
    ["spread", "spreads", "spread", "spread", "spreading"],
    [
        "forecast",
        "forecasts",
        "forecast",
        "forecast",
        "forecasting",
    ],
    ["bid", "bids", "bid", "bid", "bidding"],
    ["break", "breaks", "broke", "broken", "breaking"],
];

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// Every inflection of an English verb lemma.
pub fn inflect_verb(lemma: &str) -> Vec<String> {
    if let Some(row) = IRREGULAR.iter().find(|r| r[0] == lemma) {
        let mut v: Vec<String> = row.iter().map(|s| s.to_string()).collect();
        if lemma == "be" {
            v.extend(["are", "were", "am"].map(String::from));
        }
        return v;
    }
    // A prefixed irregular verb inflects like its base: retake → retook, overrun → overran.
    for prefix in ["re", "over", "under", "with", "out", "up", "mis", "fore"] {
        if let Some(base) = lemma.strip_prefix(prefix) {
            if let Some(row) = IRREGULAR.iter().find(|r| r[0] == base && base != "be") {
                return row.iter().map(|s| format!("{prefix}{s}")).collect();
            }
        }
    }
    let chars: Vec<char> = lemma.chars().collect();
    let n = chars.len();
    let last = chars.last().copied().unwrap_or('x');
    let prev = if n >= 2 { chars[n - 2] } else { 'x' };
    let third = if lemma.ends_with('s')
        || lemma.ends_with("sh")
        || lemma.ends_with("ch")
        || lemma.ends_with('x')
        || lemma.ends_with('z')
        || (last == 'o' && !is_vowel(prev))
    {
        format!("{lemma}es")
    } else if last == 'y' && !is_vowel(prev) {
        format!("{}ies", &lemma[..lemma.len() - 1])
    } else {
        format!("{lemma}s")
    };
    // Doubling of a final consonant after a single stressed vowel: ban → banned, but not "offer".
    let cvc = n >= 3
        && !is_vowel(last)
        && !matches!(last, 'w' | 'x' | 'y')
        && is_vowel(prev)
        && !is_vowel(chars[n - 3]);
    let syllables = chars
        .iter()
        .zip(std::iter::once(&'x').chain(chars.iter()))
        .filter(|(c, p)| is_vowel(**c) && !is_vowel(**p))
        .count();
    let double = cvc && (syllables == 1 || DOUBLING.contains(&lemma));
    let stem = if double {
        format!("{lemma}{last}")
    } else {
        lemma.to_string()
    };
    let past = if last == 'e' {
        format!("{lemma}d")
    } else if last == 'y' && !is_vowel(prev) {
        format!("{}ied", &lemma[..lemma.len() - 1])
    } else {
        format!("{stem}ed")
    };
    let ing = if lemma.ends_with("ee") || lemma.ends_with("ye") || lemma.ends_with("oe") {
        format!("{lemma}ing")
    } else if let Some(stem) = lemma.strip_suffix("ie") {
        format!("{stem}ying")
    } else if last == 'e' && n > 2 {
        format!("{}ing", &lemma[..lemma.len() - 1])
    } else {
        format!("{stem}ing")
    };
    let mut forms = vec![lemma.to_string(), third, past.clone(), past, ing];
    // British spelling doubles a final l: cancelled, travelling.
    if last == 'l' && is_vowel(prev) && !double && n >= 4 && !is_vowel(chars[n - 3]) {
        forms.push(format!("{lemma}led"));
        forms.push(format!("{lemma}ling"));
    }
    forms
}

/// Longer verbs that double their final consonant (stress on the last syllable).
const DOUBLING: &[&str] = &[
    "commit", "compel", "control", "equip", "expel", "occur", "omit", "patrol", "permit", "propel",
    "rebel", "refer", "regret", "repel", "submit", "transfer", "prefer", "deter", "embed", "abet",
    "kidnap", "worship", "acquit", "admit", "annul", "compel", "dispel", "impel", "outstrip",
];

fn plural(noun: &str) -> String {
    if noun.ends_with('s') || noun.ends_with("sh") || noun.ends_with("ch") || noun.ends_with('x') {
        format!("{noun}es")
    } else if noun.ends_with('y')
        && !noun.ends_with("ay")
        && !noun.ends_with("ey")
        && !noun.ends_with("oy")
    {
        format!("{}ies", &noun[..noun.len() - 1])
    } else {
        format!("{noun}s")
    }
}

impl TriggerTable {
    /// Reads `cameo.tsv` rows.
    pub fn load_cameo(&mut self, file: &str, content: &str) -> Result<usize, LexiconError> {
        let mut n = 0;
        for (line, cols) in rows(content) {
            let get = |i: usize| cols.get(i).copied().unwrap_or("");
            let code = get(0);
            if code.is_empty() || !code.chars().all(|c| c.is_ascii_digit()) {
                return Err(err(file, line, format!("bad CAMEO code {code:?}")));
            }
            let goldstein: f64 = get(1)
                .parse()
                .map_err(|_| err(file, line, "bad Goldstein score"))?;
            if !(-10.0..=10.0).contains(&goldstein) {
                return Err(err(file, line, "Goldstein score out of -10..10"));
            }
            let plover = get(2);
            if !crate::codes::PLOVER_TYPES.contains(&plover) {
                return Err(err(file, line, format!("unknown PLOVER type {plover:?}")));
            }
            let context = get(4)
                .split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect();
            self.cameo.insert(
                code.into(),
                Cameo {
                    code: code.into(),
                    goldstein,
                    plover: plover.into(),
                    mode: get(3).into(),
                    context,
                },
            );
            n += 1;
        }
        Ok(n)
    }

    /// Reads `triggers.tsv` rows. The CAMEO table must be loaded first.
    pub fn load(&mut self, file: &str, content: &str) -> Result<usize, LexiconError> {
        let mut n = 0;
        for (line, cols) in rows(content) {
            let get = |i: usize| cols.get(i).copied().unwrap_or("");
            let kind = get(0)
                .chars()
                .next()
                .filter(|k| matches!(k, 'V' | 'N' | 'P'))
                .ok_or_else(|| err(file, line, "kind must be V, N or P"))?;
            let pattern = get(1);
            let cameo = self
                .cameo
                .get(get(2))
                .ok_or_else(|| err(file, line, format!("unknown CAMEO code {:?}", get(2))))?
                .clone();
            let mut t = Trigger {
                pattern: pattern.into(),
                kind,
                cameo: cameo.code.clone(),
                plover: cameo.plover.clone(),
                mode: cameo.mode.clone(),
                context: cameo.context.clone(),
                goldstein: cameo.goldstein,
                comp: false,
                mutual: false,
                norecip: false,
                weak: false,
                intent: false,
                deontic: false,
                copula: false,
                adopt: false,
                rp: vec![],
                source: format!("{file}:{line}"),
                pats: vec![],
            };
            for flag in get(3).split(',').map(str::trim).filter(|f| !f.is_empty()) {
                match flag.split_once('=') {
                    None if flag == "comp" => t.comp = true,
                    None if flag == "mutual" => t.mutual = true,
                    None if flag == "norecip" => t.norecip = true,
                    None if flag == "weak" => t.weak = true,
                    None if flag == "deontic" => t.deontic = true,
                    None if flag == "copula" => t.copula = true,
                    None if flag == "adopt" => {
                        t.adopt = true;
                        t.comp = true;
                    }
                    None if flag == "intent" => {
                        t.intent = true;
                        t.comp = true;
                    }
                    Some(("rp", v)) => t.rp = v.split('/').map(String::from).collect(),
                    Some(("type", v)) if crate::codes::PLOVER_TYPES.contains(&v) => {
                        t.plover = v.into()
                    }
                    Some(("mode", v)) => t.mode = v.into(),
                    Some(("context", v)) => t.context = v.split(';').map(String::from).collect(),
                    _ => return Err(err(file, line, format!("unknown flag {flag:?}"))),
                }
            }
            let words: Vec<&str> = pattern.split_whitespace().collect();
            if words.is_empty() {
                return Err(err(file, line, "empty pattern"));
            }
            let last = words.len() - 1;
            for (i, w) in words.iter().enumerate() {
                let w = crate::text::normalize(w);
                t.pats.push(if w == "*" {
                    Pat::Gap
                } else if i == 0 && kind == 'V' {
                    Pat::Word(inflect_verb(&w))
                } else if i == last
                    && (kind == 'N'
                        || kind == 'V'
                            && last > 0
                            && !crate::clause::PREPS.contains(&w.as_str())
                            && !w.ends_with('s'))
                {
                    Pat::Word(vec![plural(&w), w])
                } else {
                    Pat::Word(vec![w])
                });
            }
            self.triggers
                .retain(|o| o.pattern != t.pattern || o.kind != t.kind);
            self.triggers.push(t);
            n += 1;
        }
        Ok(n)
    }

    /// Rebuilds the index; called after loading.
    pub fn finish(&mut self) {
        self.by_first.clear();
        for (i, t) in self.triggers.iter().enumerate() {
            if let Some(Pat::Word(forms)) = t.pats.first() {
                for f in forms {
                    self.by_first.entry(f.clone()).or_default().push(i);
                }
            }
        }
    }

    /// Number of trigger patterns.
    pub fn len(&self) -> usize {
        self.triggers.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.triggers.is_empty()
    }

    /// A CAMEO row by code.
    pub fn cameo(&self, code: &str) -> Option<&Cameo> {
        self.cameo.get(code)
    }

    /// Triggers matching at token `i` (not beyond `end`): each with the indexes of the tokens it covers.
    pub fn matches_at(
        &self,
        tokens: &[Token],
        i: usize,
        end: usize,
    ) -> Vec<(&Trigger, Vec<usize>)> {
        let mut out = Vec::new();
        let Some(cands) = self.by_first.get(&tokens[i].norm) else {
            return out;
        };
        for &ti in cands {
            let t = &self.triggers[ti];
            if let Some(covered) = match_pats(&t.pats[1..], tokens, i + 1, end) {
                let mut all = vec![i];
                all.extend(covered);
                out.push((t, all));
            }
        }
        out
    }
}

fn match_pats(pats: &[Pat], tokens: &[Token], i: usize, end: usize) -> Option<Vec<usize>> {
    let Some((p, rest)) = pats.split_first() else {
        return Some(vec![]);
    };
    match p {
        Pat::Word(forms) => {
            if i < end && forms.contains(&tokens[i].norm) {
                let mut r = match_pats(rest, tokens, i + 1, end)?;
                r.insert(0, i);
                Some(r)
            } else {
                None
            }
        }
        Pat::Gap => {
            // Up to four words; an amount ("$8 billion", "250 million") counts as one, and so
            // does a name: a run of capitalised words with its possessive ("the European
            // Union's latest package", "Zimbabwean President Emmerson Mnangagwa").
            let mut words = 0;
            for skip in 0..=10 {
                if skip > 0 {
                    let j = i + skip - 1;
                    if j >= end
                        || tokens[j].punct
                            && !matches!(tokens[j].norm.as_str(), "$" | "€" | "£" | "%" | "-")
                        // "ended without agreement", "reached no deal": the object is absent.
                        || matches!(tokens[j].norm.as_str(), "without" | "no")
                    {
                        return None;
                    }
                    let name_part =
                        j > i && tokens[j - 1].cap && (tokens[j].norm == "'s" || tokens[j].cap);
                    if (!amount_part(&tokens[j].norm)
                        || j == i
                        || !amount_part(&tokens[j - 1].norm))
                        && !name_part
                    {
                        words += 1;
                    }
                    if words > 4 {
                        return None;
                    }
                }
                if let Some(r) = match_pats(rest, tokens, i + skip, end) {
                    return Some(r);
                }
            }
            None
        }
    }
}

/// A token inside an amount: a number, a currency sign or a magnitude word.
fn amount_part(w: &str) -> bool {
    matches!(
        w,
        "$" | "€" | "£" | "million" | "billion" | "trillion" | "thousand" | "hundred"
    ) || w.bytes().next().is_some_and(|b| b.is_ascii_digit())
}
