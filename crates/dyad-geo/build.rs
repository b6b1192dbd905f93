//! Compiles `data/geo/gazetteer.tsv.gz` and `data/geo/english_words.txt.gz` into flat binary
//! tables in `OUT_DIR` (entries, strings, the sorted name-hash index, word hashes), so that
//! `Gazetteer::builtin()` copies tables instead of decompressing and parsing text at start-up.
//! No network: the inputs are committed files.
//!
//! Layout of `gazetteer.bin` (little endian): magic `DYGZ0001`, eight u32 counts/lengths
//! (entries, index pairs, max tokens, strings, codes, admin1 codes, iso pairs, demonyms),
//! then 40-byte entry records, 12-byte index pairs (u64 hash, u32 id | ALT), and the text
//! sections (strings, `\n`-joined codes, admin1 codes, `A2 A3` lines, `demonym\tid` lines).

#[path = "src/key.rs"]
mod key;

use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// Must match `ALT` and `ALT_MIN_POP` in src/gazetteer.rs.
const ALT: u32 = 1 << 31;
const ALT_MIN_POP: u64 = 15_000;

fn gunzip(path: &Path) -> String {
    let raw = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut s = String::new();
    flate2::read::GzDecoder::new(&raw[..])
        .read_to_string(&mut s)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    s
}

fn intern(table: &mut Vec<String>, ids: &mut HashMap<String, u16>, s: &str) -> u16 {
    if let Some(&i) = ids.get(s) {
        return i;
    }
    let i = table.len() as u16;
    table.push(s.to_string());
    ids.insert(s.to_string(), i);
    i
}

fn main() {
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/geo");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    for f in ["gazetteer.tsv.gz", "english_words.txt.gz"] {
        println!("cargo:rerun-if-changed={}", data.join(f).display());
    }
    println!("cargo:rerun-if-changed=src/key.rs");

    let raw = gunzip(&data.join("gazetteer.tsv.gz"));
    let (mut codes, mut code_ids) = (Vec::new(), HashMap::new());
    let (mut a1s, mut a1_ids) = (vec![String::new()], HashMap::from([(String::new(), 0u16)]));
    let mut strings = String::new();
    let mut entries: Vec<u8> = Vec::new();
    let mut index: Vec<(u64, u32)> = Vec::new();
    let (mut iso, mut dem) = (String::new(), String::new());
    let mut n = 0u32;
    let mut max_tokens = 1usize;
    let mut add = |name: &str, id: u32, index: &mut Vec<(u64, u32)>| {
        let k = key::key(name);
        if !k.is_empty() {
            max_tokens = max_tokens.max(k.split(' ').count());
            index.push((key::hash(&k), id));
        }
    };
    for line in raw.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        if f.first() == Some(&"@") && f.len() >= 3 {
            iso.push_str(&format!("{} {}\n", f[1], f[2]));
            continue;
        }
        if f.len() < 11 {
            continue;
        }
        let pop: u64 = f[8].parse().unwrap_or(0);
        let class = f[2].bytes().next().unwrap_or(b'P');
        let (noff, nlen) = (strings.len() as u32, f[1].len() as u32);
        strings.push_str(f[1]);
        let (aoff, alen) = (strings.len() as u32, f[9].len() as u32);
        strings.push_str(f[9]);
        let code = intern(&mut codes, &mut code_ids, f[3]);
        let a1 = intern(&mut a1s, &mut a1_ids, f[5]);
        let cc = f[4].as_bytes();
        let cc = if cc.len() == 2 {
            [cc[0], cc[1]]
        } else {
            [0, 0]
        };
        let gid: u32 = f[0].parse().unwrap_or(0);
        let lat: f32 = f[6].parse().unwrap_or(0.0);
        let lon: f32 = f[7].parse().unwrap_or(0.0);
        for v in [
            gid.to_le_bytes(),
            lat.to_le_bytes(),
            lon.to_le_bytes(),
            (pop.min(u32::MAX as u64) as u32).to_le_bytes(),
        ] {
            entries.extend_from_slice(&v);
        }
        for v in [noff, nlen, aoff, alen] {
            entries.extend_from_slice(&v.to_le_bytes());
        }
        entries.extend_from_slice(&[class, code as u8, cc[0], cc[1]]);
        entries.extend_from_slice(&a1.to_le_bytes());
        entries.extend_from_slice(&[0, 0]);
        add(f[1], n, &mut index);
        if pop >= ALT_MIN_POP || class != b'P' {
            for a in f[9].split('|').filter(|a| !a.is_empty()) {
                add(a, n | ALT, &mut index);
            }
        }
        for d in f[10].split(['|', ',']).filter(|d| !d.is_empty()) {
            dem.push_str(&format!("{d}\t{n}\n"));
        }
        n += 1;
    }
    assert!(codes.len() < 256, "too many feature codes");
    index.sort_unstable();
    index.dedup();
    let codes = codes.join("\n");
    let a1s = a1s.join("\n");
    let mut blob: Vec<u8> = b"DYGZ0001".to_vec();
    let lens = [
        n,
        index.len() as u32,
        max_tokens.min(8) as u32,
        strings.len() as u32,
        codes.len() as u32,
        a1s.len() as u32,
        iso.len() as u32,
        dem.len() as u32,
    ];
    for v in lens {
        blob.extend_from_slice(&v.to_le_bytes());
    }
    blob.extend_from_slice(&entries);
    for (h, id) in &index {
        blob.extend_from_slice(&h.to_le_bytes());
        blob.extend_from_slice(&id.to_le_bytes());
    }
    for s in [&strings, &codes, &a1s, &iso, &dem] {
        blob.extend_from_slice(s.as_bytes());
    }
    std::fs::File::create(out.join("gazetteer.bin"))
        .and_then(|mut f| f.write_all(&blob))
        .expect("write gazetteer.bin");

    let words = gunzip(&data.join("english_words.txt.gz"));
    let mut hashes: Vec<u64> = words
        .lines()
        .filter(|w| !w.is_empty())
        .map(|w| key::hash(&key::key(w)))
        .collect();
    hashes.sort_unstable();
    hashes.dedup();
    let bytes: Vec<u8> = hashes.iter().flat_map(|h| h.to_le_bytes()).collect();
    std::fs::write(out.join("words.bin"), bytes).expect("write words.bin");
}
