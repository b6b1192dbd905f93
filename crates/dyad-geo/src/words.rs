//! Closed word lists used by recognition (lowercase keys).

/// Function words, months, weekdays, titles and abbreviations: never a place on their own.
#[rustfmt::skip]
pub(crate) const STOP: &[&str] = &[
    "a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "is", "it", "he", "she", "we",
    "they", "can", "will", "may", "man", "per", "so", "no", "not", "all", "any", "but", "for",
    "by", "as", "be", "do", "if", "me", "my", "our", "you", "his", "her", "its", "this", "that",
    "these", "those", "there", "here", "when", "where", "what", "who", "why", "how", "one", "two",
    "mr", "mrs", "ms", "dr", "rev", "sen", "gen", "gov", "rep", "sgt", "lt", "col", "capt", "st",
    "mt", "ft", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "january", "february", "march", "april", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "god", "christmas", "easter", "president", "police", "government",
    "minister", "congress", "parliament", "senate", "court", "army", "navy", "council",
    "city", "state", "university", "national", "new", "north", "south", "east", "west", "union",
    "county", "arab", "arabs", "kurdish", "kurds", "says", "said", "after", "before", "during", "while", "with", "from", "into", "over", "also",
];

/// Institutions named after their buildings: actors, not the towns that share the name
/// ("White House", Tennessee).
#[rustfmt::skip]
pub(crate) const INSTITUTIONS: &[&str] = &[
    "white house", "pentagon", "kremlin", "capitol", "capitol hill", "downing street",
    "elysee", "elysee palace", "blue house", "zhongnanhai", "foggy bottom", "whitehall",
];

/// Words allowed right before a place inside a capitalised sequence ("Northern Syria").
#[rustfmt::skip]
pub(crate) const DIRECTION: &[&str] = &[
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
    "southeastern", "southwestern", "upper", "lower", "greater", "downtown", "rural", "coastal",
    "metro", "mainland", "inner", "outer", "midtown", "uptown", "suburban", "occupied", "old",
    "provincial", "federal", "in", "at", "from", "to", "of", "and", "or", "the", "across",
    "outside", "near", "around", "by", "for", "on", "into", "toward", "towards", "via",
];

/// Prepositions that introduce a location ("in Reading", "near Mobile").
#[rustfmt::skip]
pub(crate) const LOCATIVE: &[&str] = &[
    "in", "at", "near", "from", "to", "outside", "across", "around", "toward", "towards", "into",
    "via", "through", "throughout", "between", "of", "inside", "within", "visit", "visited",
    "visiting", "left", "reached", "entered", "fled",
];

/// Heads of organisation names that a place name can modify ("Washington Post").
#[rustfmt::skip]
pub(crate) const ORG_AFTER: &[&str] = &[
    "post", "times", "herald", "globe", "journal", "tribune", "gazette", "chronicle", "star",
    "sun", "daily", "examiner", "inquirer", "observer", "telegraph", "courier", "mirror",
    "express", "standard", "citizen", "bulletin", "register", "dispatch", "sentinel",
    "university", "college", "institute", "school", "academy", "hospital", "clinic", "club",
    "fc", "united", "inc", "corp", "corporation", "company", "co", "ltd", "llc", "group",
    "holdings", "airlines", "airways", "motors", "partners", "capital", "fund", "foundation",
    "symphony", "orchestra", "opera", "ballet", "street", "st", "avenue", "ave", "road", "rd",
    "boulevard", "blvd", "drive", "lane", "highway", "hwy", "square", "magazine", "records",
    "press", "news",
];

/// Words that may follow a place used as a modifier ("Edmonton police", "Texas Gov.").
#[rustfmt::skip]
pub(crate) const MODIFIER_OK: &[&str] = &[
    "police", "mayor", "council", "city", "county", "province", "state", "region", "area",
    "district", "international", "airport", "government", "gov", "governor", "premier",
    "president", "prime", "minister", "ministry", "foreign", "defense", "defence", "army",
    "military", "forces", "border", "embassy", "consulate", "parliament", "congress", "senate",
    "senator", "sen", "rep", "attorney", "supreme", "court", "department", "officials",
    "authorities", "national", "federal", "public", "health", "emergency", "fire", "transit",
    "metro", "regional", "provincial", "general", "chief", "secretary", "ambassador", "king",
    "queen", "crown", "islands", "island", "valley", "river", "lake", "bay", "coast", "harbour",
    "harbor", "port", "station", "square", "park", "zoo", "museum", "cathedral", "bridge",
    "day", "time", "summit", "talks", "agreement", "accord", "peace", "war", "conference",
    "convention", "olympics", "games", "cup", "open", "marathon", "declaration", "protocol",
    "treaty", "process", "plan", "navy", "marines", "air", "force", "guard", "coast", "envoy",
    "delegation", "team", "troops", "citizens", "residents", "province's", "state's", "strip",
    "sea", "ocean", "gulf", "mountains", "desert", "region's", "capital", "metropolitan",
    "sheriff", "coroner", "commissioner", "commissioners", "commission", "schools", "board",
    "clerk", "jail", "courts", "judge", "prosecutor", "ems", "deputies", "deputy", "fair",
    "residents", "native", "natives", "district", "township", "borough", "parish", "office",
];

/// Heads of "<head> of <place>" organisation names.
#[rustfmt::skip]
pub(crate) const ORG_OF: &[&str] = &[
    "university", "college", "institute", "bank", "museum", "academy", "school", "church",
    "archdiocese", "diocese", "bishop", "archbishop", "duke", "duchess", "earl", "prince",
    "princess", "king", "queen", "marquess", "baron", "lord",
];

/// Generic heads of division names: "Karak district" may be the district of any Karak, not
/// only one the gazetteer lists as "Karak District".
#[rustfmt::skip]
pub(crate) const GENERIC_HEAD: &[&str] = &[
    "district", "county", "province", "region", "governorate",
    "prefecture", "municipality", "state", "oblast", "department", "parish", "borough",
    "township", "area", "division", "territory",
];

/// Lowercase halves of hyphenated words whose other half is a place ("Washington-based",
/// "mid-Ohio", "made-in-China").
#[rustfmt::skip]
pub(crate) const HYPHEN_AFFIX: &[&str] = &[
    "based", "area", "born", "led", "backed", "wide", "bound", "owned", "made", "run", "registered",
    "headquartered", "controlled", "held", "occupied", "allied", "linked", "affiliated", "funded",
    "sponsored", "brokered", "style", "speaking", "bred", "raised", "flagged", "listed", "focused",
    "centred", "centered", "bordering", "area's", "region", "border", "mid", "trans", "pan",
    "anti", "pro", "ex", "non", "post", "pre", "in", "greater", "north", "south", "east", "west",
    "central", "upstate", "downstate", "inner", "outer", "cross", "inter", "intra", "all",
];

/// Lowercase words that may appear inside a multiword place name ("Isle of Man").
#[rustfmt::skip]
pub(crate) const CONNECTORS: &[&str] = &[
    "of", "the", "de", "del", "la", "le", "du", "da", "do", "dos", "das", "al", "el", "on",
    "upon", "sur", "am", "an", "der", "den", "y", "and", "en", "di", "es", "au", "aux", "im",
];

/// True when `list` holds `w` (first byte and length compared before the bytes).
#[inline]
pub(crate) fn has(list: &[&str], w: &str) -> bool {
    let Some(&b0) = w.as_bytes().first() else {
        return list.iter().any(|x| x.is_empty());
    };
    list.iter()
        .any(|x| x.len() == w.len() && x.as_bytes()[0] == b0 && *x == w)
}

/// [`has`] ignoring ASCII case (the lists are lowercase ASCII; no allocation).
#[inline]
pub(crate) fn has_ci(list: &[&str], w: &str) -> bool {
    list.iter()
        .any(|x| x.len() == w.len() && x.eq_ignore_ascii_case(w))
}
