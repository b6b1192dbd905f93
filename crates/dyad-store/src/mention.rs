//! A mention's codes (schema v4): a coded record without its evidence, as one compact blob.
//!
//! A mention keeps everything needed to show the report ([`crate::MentionRow`])
//! and to fold its event again when another document is replaced
//! ([`crate::ingest::refold`]): codes, date, and the actor, recipient, place and
//! trigger with their offsets. The evidence sentence is stored once, in
//! `sentences`; `reported_by` and `rule` are not kept.
//!
//! Version 3 stored these as 42 columns. Binding and writing 42 values per
//! mention was a tenth of the ingest's instructions, and nothing queried them
//! in SQL: a mention is always read whole, with its event. So version 4 writes
//! them as one blob in the format below, and keeps as columns only what joins
//! use (event, document, sentence). The stored events keep every code as a
//! column; `dyad query --mentions` and `dyad export` give the mentions in full.
//!
//! # Format
//!
//! A version byte ([`FORMAT`]), then the fields in a fixed order. An integer is
//! an unsigned LEB128 varint; a string is its length as a varint, then its
//! UTF-8 bytes; an optional string is `0` for none, else its length plus one,
//! then its bytes; a float is 8 bytes little-endian; an optional group is a
//! byte `0` (none) or `1` followed by the group.
//!
//! ```text
//! record   = id trig_text trig_start trig_end event_type cameo quad(byte)
//!            goldstein(f64) mode? n_context context* flags(byte: 1 negated, 2 mutual)
//!            modality date basis(byte: 0 text, 1 publication) actor? recipient? place?
//! actor    = text start end country? sector? name? role?
//! place    = text start end name country? admin1? lat(f64) lon(f64) geonames_id(varint, 0 none, else id+1) class?
//! ```

use dyad_core::schema::{ActorRef, DateBasis, EventRecord, Location, TextSpan};

/// The version byte every blob starts with.
const FORMAT: u8 = 1;

/// Bits of a sentence's or a mention's rowid under its document's row id.
///
/// Sentence and mention rows are numbered inside their document's block,
/// `doc << DOC_SHIFT` on: a document's rows are one rowid range (no index needed
/// to find or delete them), and no unique index is needed on (document, sentence
/// index). A document holds at most `2^24 - 1` records.
pub(crate) const DOC_SHIFT: u32 = 24;

/// The most rows of one kind a document's block holds.
pub(crate) const PER_DOC: i64 = (1 << DOC_SHIFT) - 1;

/// The first and last rowid of document row `doc`'s block, or `None` when `doc` is too
/// large for one (above 2^39: never for row ids SQLite hands out in order).
pub(crate) fn doc_block(doc: i64) -> Option<(i64, i64)> {
    (0..1 << (63 - DOC_SHIFT))
        .contains(&doc)
        .then_some((doc << DOC_SHIFT, (doc << DOC_SHIFT) | PER_DOC))
}

/// Appends record `r`'s blob to `out`.
pub(crate) fn encode(r: &EventRecord, out: &mut Vec<u8>) {
    let mut w = Writer(out);
    w.0.push(FORMAT);
    w.str(&r.id);
    w.str(&r.trigger.text);
    w.uint(r.trigger.start as u64);
    w.uint(r.trigger.end as u64);
    w.str(&r.event_type);
    w.str(&r.cameo);
    w.0.push(r.quad_class);
    w.f64(r.goldstein);
    w.opt(r.mode.as_deref());
    w.uint(r.context.len() as u64);
    for c in &r.context {
        w.str(c);
    }
    w.0.push(r.negated as u8 | (r.mutual as u8) << 1);
    w.str(&r.modality);
    w.str(&r.date);
    w.0.push(match r.date_basis {
        DateBasis::Text => 0,
        DateBasis::Publication => 1,
    });
    for a in [&r.actor, &r.recipient] {
        w.group(a.as_ref(), |w, a| {
            w.str(&a.text);
            w.uint(a.start as u64);
            w.uint(a.end as u64);
            for s in [&a.country, &a.sector, &a.name, &a.role] {
                w.opt(s.as_deref());
            }
        });
    }
    w.group(r.location.as_ref(), |w, l| {
        w.str(&l.text);
        w.uint(l.start as u64);
        w.uint(l.end as u64);
        w.str(&l.name);
        w.opt(l.country.as_deref());
        w.opt(l.admin1.as_deref());
        w.f64(l.lat);
        w.f64(l.lon);
        w.uint(l.geonames_id.map_or(0, |g| g.saturating_add(1)));
        w.opt(l.feature_class.as_deref());
    });
}

/// Rebuilds the record of document `doc_id`, sentence index `sentence`, from its blob.
/// The evidence is left empty.
pub(crate) fn decode(doc_id: String, sentence: usize, blob: &[u8]) -> Result<EventRecord, String> {
    let mut r = Reader(blob);
    match r.byte()? {
        FORMAT => {}
        v => return Err(format!("mention codes in unknown format {v}")),
    }
    let id = r.str()?;
    let trigger = TextSpan {
        text: r.str()?,
        start: r.usize()?,
        end: r.usize()?,
    };
    let event_type = r.str()?;
    let cameo = r.str()?;
    let quad_class = r.byte()?;
    let goldstein = r.f64()?;
    let mode = r.opt()?;
    let n = r.uint()?;
    let mut context = Vec::new();
    for _ in 0..n {
        context.push(r.str()?);
    }
    let flags = r.byte()?;
    let modality = r.str()?;
    let date = r.str()?;
    let date_basis = match r.byte()? {
        1 => DateBasis::Publication,
        _ => DateBasis::Text,
    };
    let actor = r.group(read_actor)?;
    let recipient = r.group(read_actor)?;
    let location = r.group(|r| {
        Ok(Location {
            text: r.str()?,
            start: r.usize()?,
            end: r.usize()?,
            name: r.str()?,
            country: r.opt()?,
            admin1: r.opt()?,
            lat: r.f64()?,
            lon: r.f64()?,
            geonames_id: r.uint()?.checked_sub(1),
            feature_class: r.opt()?,
        })
    })?;
    if !r.0.is_empty() {
        return Err(format!("{} stray bytes after the mention codes", r.0.len()));
    }
    Ok(EventRecord {
        id,
        doc_id,
        sentence,
        event_type,
        mode,
        context,
        cameo,
        quad_class,
        goldstein,
        actor,
        recipient,
        mutual: flags & 2 != 0,
        date,
        date_basis,
        location,
        reported_by: None,
        negated: flags & 1 != 0,
        modality,
        trigger,
        rule: None,
        evidence: String::new(),
    })
}

fn read_actor(r: &mut Reader) -> Result<ActorRef, String> {
    Ok(ActorRef {
        text: r.str()?,
        start: r.usize()?,
        end: r.usize()?,
        country: r.opt()?,
        sector: r.opt()?,
        name: r.opt()?,
        role: r.opt()?,
    })
}

/// Reads the record from a row holding the document key at `i`, the sentence index at
/// `i + 1` and the codes blob at `i + 2`.
pub(crate) fn record_from_row(row: &rusqlite::Row, i: usize) -> rusqlite::Result<EventRecord> {
    let doc_id: String = row.get(i)?;
    let sentence = row.get::<_, i64>(i + 1)?.max(0) as usize;
    let blob = row.get_ref(i + 2)?.as_blob()?;
    decode(doc_id, sentence, blob).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(i + 2, rusqlite::types::Type::Blob, e.into())
    })
}

struct Writer<'a>(&'a mut Vec<u8>);

impl Writer<'_> {
    fn uint(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.0.push(v as u8 | 0x80);
            v >>= 7;
        }
        self.0.push(v as u8);
    }
    fn str(&mut self, s: &str) {
        self.uint(s.len() as u64);
        self.0.extend_from_slice(s.as_bytes());
    }
    fn opt(&mut self, s: Option<&str>) {
        match s {
            None => self.0.push(0),
            Some(s) => {
                self.uint(s.len() as u64 + 1);
                self.0.extend_from_slice(s.as_bytes());
            }
        }
    }
    fn f64(&mut self, v: f64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn group<T>(&mut self, v: Option<&T>, f: impl FnOnce(&mut Self, &T)) {
        match v {
            None => self.0.push(0),
            Some(v) => {
                self.0.push(1);
                f(self, v);
            }
        }
    }
}

struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn byte(&mut self) -> Result<u8, String> {
        let (&b, rest) = self.0.split_first().ok_or("mention codes cut short")?;
        self.0 = rest;
        Ok(b)
    }
    fn uint(&mut self) -> Result<u64, String> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= ((b & 0x7f) as u64) << shift;
            if b < 0x80 {
                return Ok(v);
            }
        }
        Err("a mention varint is too long".into())
    }
    fn usize(&mut self) -> Result<usize, String> {
        Ok(self.uint()?.min(usize::MAX as u64) as usize)
    }
    fn bytes(&mut self, n: u64) -> Result<String, String> {
        if n > self.0.len() as u64 {
            return Err("mention codes cut short".into());
        }
        let (s, rest) = self.0.split_at(n as usize);
        self.0 = rest;
        String::from_utf8(s.to_vec()).map_err(|_| "mention text is not UTF-8".to_string())
    }
    fn str(&mut self) -> Result<String, String> {
        let n = self.uint()?;
        self.bytes(n)
    }
    fn opt(&mut self) -> Result<Option<String>, String> {
        match self.uint()? {
            0 => Ok(None),
            n => self.bytes(n - 1).map(Some),
        }
    }
    fn f64(&mut self) -> Result<f64, String> {
        if self.0.len() < 8 {
            return Err("mention codes cut short".into());
        }
        let (b, rest) = self.0.split_at(8);
        self.0 = rest;
        Ok(f64::from_le_bytes(b.try_into().unwrap_or([0; 8])))
    }
    fn group<T>(
        &mut self,
        f: impl FnOnce(&mut Self) -> Result<T, String>,
    ) -> Result<Option<T>, String> {
        match self.byte()? {
            0 => Ok(None),
            1 => f(self).map(Some),
            b => Err(format!("bad group mark {b} in mention codes")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture() -> Vec<EventRecord> {
        include_str!("../tests/data/coded_talks.jsonl")
            .lines()
            .map(|l| serde_json::from_str(l).expect("fixture parses"))
            .collect()
    }

    /// What the blob keeps of a record: all but the evidence, `reported_by` and `rule`.
    fn kept(mut r: EventRecord) -> EventRecord {
        r.evidence.clear();
        r.reported_by = None;
        r.rule = None;
        r
    }

    #[test]
    fn every_field_round_trips() {
        let mut recs = fixture();
        // Cover what the fixture may not: no parties, odd numbers, a context, flags.
        let mut odd = recs[0].clone();
        odd.actor = None;
        odd.recipient = None;
        odd.location = None;
        odd.mode = None;
        odd.context = vec!["economic".into(), "diplomatic".into()];
        odd.negated = true;
        odd.mutual = true;
        odd.goldstein = -9.75;
        odd.trigger.start = 300_000;
        odd.date_basis = DateBasis::Publication;
        recs.push(odd);
        let mut placed = recs[0].clone();
        placed.location = Some(Location {
            text: "Łódź".into(),
            start: 1,
            end: 7,
            name: "Łódź".into(),
            country: Some("POL".into()),
            admin1: None,
            lat: 51.75,
            lon: 19.4667,
            geonames_id: Some(0),
            feature_class: None,
        });
        recs.push(placed);
        for r in recs {
            let mut buf = Vec::new();
            encode(&r, &mut buf);
            let back = decode(r.doc_id.clone(), r.sentence, &buf).unwrap();
            assert_eq!(back, kept(r));
        }
    }

    #[test]
    fn damaged_blobs_are_errors_not_panics() {
        let mut buf = Vec::new();
        encode(&fixture()[0], &mut buf);
        for n in 0..buf.len() {
            assert!(decode("d".into(), 0, &buf[..n]).is_err(), "cut at {n}");
        }
        let mut long = buf.clone();
        long.push(0);
        assert!(decode("d".into(), 0, &long).is_err());
        buf[0] = 9;
        assert!(decode("d".into(), 0, &buf).is_err());
    }

    #[test]
    fn document_blocks_do_not_overlap() {
        let (a0, a1) = doc_block(1).unwrap();
        let (b0, _) = doc_block(2).unwrap();
        assert_eq!(a1 - a0, PER_DOC);
        assert_eq!(a1 + 1, b0);
        assert!(doc_block(1 << 39).is_none());
        assert!(doc_block(-1).is_none());
        assert!(doc_block((1 << 39) - 1).is_some());
    }
}
