//! Name keys and their hashes, shared with `build.rs` (which precomputes the builtin index).
//!
//! A *key* is the form under which names are indexed and looked up: lowercased, Latin
//! diacritics stripped ("São Paulo" → "sao paulo"), periods and apostrophes dropped
//! ("U.S." → "us", "Cote d’Ivoire" → "cote divoire"), hyphens and whitespace runs turned into
//! one space. The gazetteer stores only 64-bit FNV-1a hashes of keys, never the key strings.
#![allow(dead_code)]

/// Folds one character into `out` (lowercase, diacritics stripped, punctuation normalised).
fn fold_char(c: char, out: &mut String) {
    let s = match c {
        'A'..='Z' => {
            out.push(c.to_ascii_lowercase());
            return;
        }
        'a'..='z' | '0'..='9' => {
            out.push(c);
            return;
        }
        '.' | '\'' | '’' | '‘' | '`' | 'ʻ' | 'ʼ' | 'ʿ' | 'ʾ' => return,
        '-' | '‐' | '‑' | '–' | '—' | '_' => " ",
        'À'..='Å' | 'à'..='å' | 'Ā' | 'ā' | 'Ă' | 'ă' | 'Ą' | 'ą' | 'ạ' | 'ả' | 'ấ' | 'ầ' | 'ậ' => {
            "a"
        }
        'Æ' | 'æ' => "ae",
        'Ç' | 'ç' | 'Ć' | 'ć' | 'Č' | 'č' | 'Ĉ' | 'ĉ' | 'Ċ' | 'ċ' => "c",
        'Ď' | 'ď' | 'Đ' | 'đ' | 'Ð' | 'ð' => "d",
        'È'..='Ë' | 'è'..='ë' | 'Ē' | 'ē' | 'Ė' | 'ė' | 'Ę' | 'ę' | 'Ě' | 'ě' | 'ệ' | 'ế' | 'ề' => {
            "e"
        }
        'Ğ' | 'ğ' | 'Ģ' | 'ģ' | 'Ġ' | 'ġ' => "g",
        'Ħ' | 'ħ' | 'ḥ' | 'Ḥ' => "h",
        'Ì'..='Ï' | 'ì'..='ï' | 'Ī' | 'ī' | 'İ' | 'ı' | 'Į' | 'į' | 'ị' => "i",
        'Ķ' | 'ķ' => "k",
        'Ł' | 'ł' | 'Ľ' | 'ľ' | 'Ļ' | 'ļ' => "l",
        'Ñ' | 'ñ' | 'Ń' | 'ń' | 'Ň' | 'ň' | 'Ņ' | 'ņ' => "n",
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō' | 'ō' | 'Ő' | 'ő' | 'ơ' | 'ọ' | 'ố' | 'ồ' | 'ộ' => {
            "o"
        }
        'Œ' | 'œ' => "oe",
        'Ř' | 'ř' => "r",
        'Ś' | 'ś' | 'Š' | 'š' | 'Ş' | 'ş' | 'Ș' | 'ș' | 'ṣ' => "s",
        'ß' => "ss",
        'Ť' | 'ť' | 'Ţ' | 'ţ' | 'Ț' | 'ț' | 'ṭ' => "t",
        'Þ' | 'þ' => "th",
        'Ù'..='Ü' | 'ù'..='ü' | 'Ū' | 'ū' | 'Ů' | 'ů' | 'Ű' | 'ű' | 'ư' | 'ụ' => "u",
        'Ý' | 'ý' | 'ÿ' | 'Ÿ' => "y",
        'Ź' | 'ź' | 'Ž' | 'ž' | 'Ż' | 'ż' => "z",
        c if c.is_whitespace() => " ",
        c => {
            out.extend(c.to_lowercase());
            return;
        }
    };
    out.push_str(s);
}

/// The lookup key of a name (see the module docs).
pub fn key(name: &str) -> String {
    let mut raw = String::with_capacity(name.len());
    for c in name.chars() {
        fold_char(c, &mut raw);
    }
    let mut out = String::with_capacity(raw.len());
    for w in raw.split(' ').filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// FNV-1a 64-bit hash of a key.
pub fn hash(key: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in key.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Hash of the key of `name`.
pub fn key_hash(name: &str) -> u64 {
    hash(&key(name))
}
