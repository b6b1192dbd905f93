//! Name keys and their hashes, shared with `build.rs` (which precomputes the builtin index).
//!
//! A *key* is the form under which names are indexed and looked up: lowercased, Latin
//! diacritics stripped ("São Paulo" → "sao paulo"), periods and apostrophes dropped
//! ("U.S." → "us", "Cote d’Ivoire" → "cote divoire"), hyphens and whitespace runs turned into
//! one space. The gazetteer stores only 64-bit FNV-1a hashes of keys, never the key strings.
#![allow(dead_code)]

/// Folds one character (lowercase, diacritics stripped, punctuation normalised), passing the
/// bytes of its folded form to `emit`.
#[inline]
fn fold_char(c: char, emit: &mut impl FnMut(u8)) {
    let s = match c {
        'A'..='Z' => {
            emit(c as u8 | 0x20);
            return;
        }
        'a'..='z' | '0'..='9' => {
            emit(c as u8);
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
            let mut buf = [0u8; 4];
            for l in c.to_lowercase() {
                l.encode_utf8(&mut buf).bytes().for_each(&mut *emit);
            }
            return;
        }
    };
    s.bytes().for_each(emit);
}

/// Whitespace state of key building: runs collapse to one space, trimmed at both ends.
#[derive(Clone, Copy, Default)]
struct Spaces {
    started: bool,
    space: bool,
}

impl Spaces {
    #[inline]
    fn push(&mut self, b: u8, emit: &mut impl FnMut(u8)) {
        if b == b' ' {
            self.space = self.started;
        } else {
            if self.space {
                emit(b' ');
                self.space = false;
            }
            self.started = true;
            emit(b);
        }
    }
}

/// Feeds the bytes of the key of `name` to `emit`, continuing from the whitespace state `sp`.
#[inline]
fn key_bytes_from(sp: &mut Spaces, name: &str, mut emit: impl FnMut(u8)) {
    let bytes = name.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // ASCII fast path (the same folding as `fold_char`).
        if b < 0x80 {
            match b {
                b'A'..=b'Z' => sp.push(b | 0x20, &mut emit),
                b'.' | b'\'' | b'`' => {}
                b'-' | b'_' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ' => {
                    sp.push(b' ', &mut emit)
                }
                _ => sp.push(b, &mut emit),
            }
            i += 1;
            continue;
        }
        let Some(c) = name.get(i..).and_then(|r| r.chars().next()) else {
            break;
        };
        fold_char(c, &mut |b| sp.push(b, &mut emit));
        i += c.len_utf8();
    }
}

/// Feeds the bytes of the key of `name` to `emit` (see the module docs).
#[inline]
fn key_bytes(name: &str, emit: impl FnMut(u8)) {
    key_bytes_from(&mut Spaces::default(), name, emit);
}

/// The lookup key of a name (see the module docs).
pub fn key(name: &str) -> String {
    let mut out = Vec::with_capacity(name.len());
    key_bytes(name, |b| out.push(b));
    // Folding emits whole UTF-8 sequences, so this never fails.
    String::from_utf8(out).unwrap_or_default()
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

/// Hash of the key of `name`, computed without building the key.
pub fn key_hash(name: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    key_bytes(name, |b| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    });
    h
}
