//! Keeping the roll-ups exact: each batch's changes, summed in memory, written once.
//!
//! Before the ingest code changes or deletes a stored event it records the
//! event's [`Contrib`] (its share of every roll-up); new events record none.
//! At the end of the batch, after mention counts are final, it reads each
//! touched event's contribution again; the differences, summed per roll-up
//! cell in [`Deltas`], are upserted in one pass and emptied cells deleted.
//! This replaced schema v2's triggers, which opened a statement journal for
//! every event written.

use rustc_hash::FxHashMap as HashMap;

use rusqlite::{OptionalExtension, Transaction};

/// An event's share of the roll-ups.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Contrib {
    a: [String; 3],
    r: [String; 3],
    ym: i64,
    event_type: String,
    quad: i64,
    gold: f64,
    mentions: i64,
    place: Option<(String, String, f64, f64)>,
}

/// Reads event `id`'s contribution (`None` when it does not exist).
pub(crate) fn contrib(tx: &Transaction, id: i64) -> rusqlite::Result<Option<Contrib>> {
    let s = |r: &rusqlite::Row, i| -> rusqlite::Result<String> {
        Ok(r.get::<_, Option<String>>(i)?.unwrap_or_default())
    };
    tx.prepare_cached(
        "SELECT a_country, a_sector, a_name, r_country, r_sector, r_name, ym, event_type, quad_class, \
         goldstein, num_mentions, loc_name IS NOT NULL, loc_country, loc_admin1, lat, lon FROM events WHERE id = ?1",
    )?
    .query_row([id], |r| {
        let located: bool = r.get(11)?;
        Ok(Contrib {
            a: [s(r, 0)?, s(r, 1)?, s(r, 2)?],
            r: [s(r, 3)?, s(r, 4)?, s(r, 5)?],
            ym: r.get(6)?,
            event_type: r.get(7)?,
            quad: r.get(8)?,
            gold: r.get(9)?,
            mentions: r.get(10)?,
            place: if located {
                Some((
                    s(r, 12)?,
                    s(r, 13)?,
                    r.get::<_, Option<f64>>(14)?.unwrap_or(0.0),
                    r.get::<_, Option<f64>>(15)?.unwrap_or(0.0),
                ))
            } else {
                None
            },
        })
    })
    .optional()
}

type PairKey = (i64, String, String, String, i64);
type MonthKey = (i64, String, String, i64);
type PlaceKey = (i64, String, String, String, i64);
type ActorKey = (String, String, String);

/// The contribution of an event with codes `state` and `mentions` mentions
/// (what [`contrib`] reads from its row).
pub(crate) fn contrib_of(state: &crate::merge::EventState, mentions: i64) -> Contrib {
    let l = state.location.as_ref();
    let p = |x: &crate::rows::Party| {
        [
            x.country.clone().unwrap_or_default(),
            x.sector.clone().unwrap_or_default(),
            x.name.clone().unwrap_or_default(),
        ]
    };
    Contrib {
        a: p(&state.actor),
        r: p(&state.recipient),
        ym: crate::dates::year_month(state.day()) as i64,
        event_type: state.event_type.clone(),
        quad: state.quad_class as i64,
        gold: state.goldstein,
        mentions,
        place: l.map(|l| {
            (
                l.country.clone().unwrap_or_default(),
                l.admin1.clone().unwrap_or_default(),
                l.lat,
                l.lon,
            )
        }),
    }
}

/// Roll-up cells by key, found by a hash of the borrowed key so that a cell
/// already present costs no copy of its key's strings (most adds of a batch
/// hit a cell an earlier add created). Keys with equal hashes share a list.
struct Cells<K, V> {
    map: HashMap<u64, Vec<(K, V)>>,
}

impl<K, V> Default for Cells<K, V> {
    fn default() -> Self {
        Cells {
            map: HashMap::default(),
        }
    }
}

impl<K, V: Default> Cells<K, V> {
    /// The cell whose key hashes to `h` and satisfies `is`, made with `make` when absent.
    fn cell(&mut self, h: u64, is: impl Fn(&K) -> bool, make: impl FnOnce() -> K) -> &mut V {
        let list = self.map.entry(h).or_default();
        let i = match list.iter().position(|(k, _)| is(k)) {
            Some(i) => i,
            None => {
                list.push((make(), V::default()));
                list.len() - 1
            }
        };
        &mut list[i].1
    }

    fn iter(&self) -> impl Iterator<Item = &(K, V)> {
        self.map.values().flatten()
    }
}

fn hash_of(v: impl std::hash::Hash) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault};
    BuildHasherDefault::<rustc_hash::FxHasher>::default().hash_one(v)
}

/// Summed changes to the roll-up cells.
#[derive(Default)]
pub(crate) struct Deltas {
    pair: Cells<PairKey, (i64, f64, i64)>,
    month: Cells<MonthKey, (i64, f64, i64)>,
    place: Cells<PlaceKey, (i64, f64, i64, f64, f64)>,
    actor: Cells<ActorKey, (i64, i64)>,
}

impl Deltas {
    /// Adds (`sign` 1) or removes (`sign` -1) one event's contribution.
    pub fn add(&mut self, c: &Contrib, sign: i64) {
        let f = sign as f64;
        let (a, r, t) = (c.a[0].as_str(), c.r[0].as_str(), c.event_type.as_str());
        let e = self.pair.cell(
            hash_of((c.ym, a, r, t, c.quad)),
            |k| k.0 == c.ym && k.1 == a && k.2 == r && k.3 == t && k.4 == c.quad,
            || (c.ym, a.to_string(), r.to_string(), t.to_string(), c.quad),
        );
        e.0 += sign;
        e.1 += f * c.gold;
        e.2 += sign * c.mentions;
        let e = self.month.cell(
            hash_of((c.ym, a, t, c.quad)),
            |k| k.0 == c.ym && k.1 == a && k.2 == t && k.3 == c.quad,
            || (c.ym, a.to_string(), t.to_string(), c.quad),
        );
        e.0 += sign;
        e.1 += f * c.gold;
        e.2 += sign * c.mentions;
        if let Some((country, admin1, lat, lon)) = &c.place {
            let (pc, pa) = (country.as_str(), admin1.as_str());
            let e = self.place.cell(
                hash_of((c.ym, pc, pa, t, c.quad)),
                |k| k.0 == c.ym && k.1 == pc && k.2 == pa && k.3 == t && k.4 == c.quad,
                || (c.ym, pc.to_string(), pa.to_string(), t.to_string(), c.quad),
            );
            e.0 += sign;
            e.1 += f * c.gold;
            e.2 += sign * c.mentions;
            e.3 += f * lat;
            e.4 += f * lon;
        }
        for (side, p) in [(0, &c.a), (1, &c.r)] {
            if p[0].is_empty() && p[2].is_empty() {
                continue;
            }
            let (x, y, z) = (p[0].as_str(), p[1].as_str(), p[2].as_str());
            let e = self.actor.cell(
                hash_of((x, y, z)),
                |k| k.0 == x && k.1 == y && k.2 == z,
                || (x.to_string(), y.to_string(), z.to_string()),
            );
            if side == 0 {
                e.0 += sign;
            } else {
                e.1 += sign;
            }
        }
    }

    /// Writes the summed changes.
    pub fn apply(&self, tx: &Transaction) -> rusqlite::Result<()> {
        let mut up = tx.prepare_cached(
            "INSERT INTO rollup(ym, a_country, r_country, event_type, quad_class, n, gold, mentions) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT DO UPDATE SET \
             n = n + excluded.n, gold = gold + excluded.gold, mentions = mentions + excluded.mentions",
        )?;
        let mut del = tx.prepare_cached(
            "DELETE FROM rollup WHERE ym = ?1 AND a_country = ?2 AND r_country = ?3 \
             AND event_type = ?4 AND quad_class = ?5 AND n <= 0",
        )?;
        for ((ym, a, r, t, q), (n, g, m)) in self.pair.iter() {
            if *n == 0 && *m == 0 && *g == 0.0 {
                continue;
            }
            up.execute(rusqlite::params![ym, a, r, t, q, n, g, m])?;
            if *n < 0 {
                del.execute(rusqlite::params![ym, a, r, t, q])?;
            }
        }
        let mut up = tx.prepare_cached(
            "INSERT INTO actor_month_rollup(ym, a_country, event_type, quad_class, n, gold, mentions) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO UPDATE SET \
             n = n + excluded.n, gold = gold + excluded.gold, mentions = mentions + excluded.mentions",
        )?;
        let mut del = tx.prepare_cached(
            "DELETE FROM actor_month_rollup WHERE ym = ?1 AND a_country = ?2 AND event_type = ?3 \
             AND quad_class = ?4 AND n <= 0",
        )?;
        for ((ym, a, t, q), (n, g, m)) in self.month.iter() {
            if *n == 0 && *m == 0 && *g == 0.0 {
                continue;
            }
            up.execute(rusqlite::params![ym, a, t, q, n, g, m])?;
            if *n < 0 {
                del.execute(rusqlite::params![ym, a, t, q])?;
            }
        }
        let mut up = tx.prepare_cached(
            "INSERT INTO place_rollup(ym, country, admin1, event_type, quad_class, n, gold, mentions, lat, lon) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT DO UPDATE SET \
             n = n + excluded.n, gold = gold + excluded.gold, mentions = mentions + excluded.mentions, \
             lat = lat + excluded.lat, lon = lon + excluded.lon",
        )?;
        let mut del = tx.prepare_cached(
            "DELETE FROM place_rollup WHERE ym = ?1 AND country = ?2 AND admin1 = ?3 \
             AND event_type = ?4 AND quad_class = ?5 AND n <= 0",
        )?;
        for ((ym, c, a1, t, q), (n, g, m, la, lo)) in self.place.iter() {
            if *n == 0 && *m == 0 && *g == 0.0 && *la == 0.0 && *lo == 0.0 {
                continue;
            }
            up.execute(rusqlite::params![ym, c, a1, t, q, n, g, m, la, lo])?;
            if *n < 0 {
                del.execute(rusqlite::params![ym, c, a1, t, q])?;
            }
        }
        let mut up = tx.prepare_cached(
            "INSERT INTO actor_rollup(country, sector, name, as_actor, as_recipient) VALUES (?1, ?2, ?3, ?4, ?5) \
             ON CONFLICT DO UPDATE SET as_actor = as_actor + excluded.as_actor, \
             as_recipient = as_recipient + excluded.as_recipient",
        )?;
        let mut del = tx.prepare_cached(
            "DELETE FROM actor_rollup WHERE country = ?1 AND sector = ?2 AND name = ?3 \
             AND as_actor <= 0 AND as_recipient <= 0",
        )?;
        for ((c, s, n), (a, r)) in self.actor.iter() {
            if *a == 0 && *r == 0 {
                continue;
            }
            up.execute(rusqlite::params![c, s, n, a, r])?;
            if *a < 0 || *r < 0 {
                del.execute(rusqlite::params![c, s, n])?;
            }
        }
        Ok(())
    }
}

/// The roll-up shares, before the batch, of events the batch repaired (a replaced
/// document) or wrote early (a [flush](crate::pending::Pending::flush)); their
/// shares after are read from their rows when the batch ends.
#[derive(Default)]
pub(crate) struct Before {
    /// `None`: the event did not exist before the batch.
    old: HashMap<i64, Option<Contrib>>,
}

impl Before {
    /// Remembers event `id` as it is in SQL now, unless already remembered.
    pub fn touch(&mut self, tx: &Transaction, id: i64) -> rusqlite::Result<()> {
        if let std::collections::hash_map::Entry::Vacant(e) = self.old.entry(id) {
            e.insert(contrib(tx, id)?);
        }
        Ok(())
    }

    /// Remembers event `id`'s share before the batch (`None`: created in it), unless already remembered.
    pub fn remember(&mut self, id: i64, share: Option<Contrib>) {
        self.old.entry(id).or_insert(share);
    }

    /// Whether event `id`'s share is tracked here.
    pub fn tracks(&self, id: i64) -> bool {
        self.old.contains_key(&id)
    }

    /// Compares every remembered event with its row now and adds the differences to `d`.
    pub fn finish(&self, tx: &Transaction, d: &mut Deltas) -> rusqlite::Result<()> {
        for (id, before) in &self.old {
            let after = contrib(tx, *id)?;
            if *before == after {
                continue;
            }
            if let Some(b) = before {
                d.add(b, -1);
            }
            if let Some(a) = &after {
                d.add(a, 1);
            }
        }
        Ok(())
    }
}
