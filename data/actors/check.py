#!/usr/bin/env python3
"""Validate (and optionally sort) the actor lexicons in this directory.

    python3 data/actors/check.py            # validate; exit 1 on any error
    python3 data/actors/check.py --sort     # rewrite files with data lines sorted, then validate
    python3 data/actors/check.py --cross    # also warn about phrases defined in several files
    python3 data/actors/check.py DIR        # check a user override directory (--lexicon DIR)

Checks: header line, column counts, sorted order (by first column, then the
whole line, in code-point order), duplicate lines, country codes, sectors,
`phrase:SECTOR` seats, date syntax and start <= end, and phrase collisions
(an alias meaning two different things is an error within a file).
Formats are documented in docs/lexicons.md.
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ARGS = [a for a in sys.argv[1:] if not a.startswith("--")]
USER = bool(ARGS)  # validating a user override directory
if USER:
    HERE = os.path.abspath(ARGS[0])
ISO3 = set("""
ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES BFA BGD BGR BHR
BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV CMR COD COG COK COL
COM CPV CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST ETH FIN FJI FLK
FRA FRO FSM GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY HKG HMD HND HRV
HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO
LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG
MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM NCL NER NFK NGA NIC NIU NLD NOR NPL NRU NZL OMN PAK PAN PCN
PER PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA SAU SDN SEN SGP SGS SHN SJM SLB SLE
SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK TKL TKM TLS TON TTO
TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN VGB VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE
""".split()) | {"XKX"}
SPECIAL = {"IGO", "UNO", "EUR", "NGO", "MNC", "ISM", "IMG"}
CODES = ISO3 | SPECIAL
SECTORS = set("GOV MIL COP JUD LEG ELI PTY OPP REB CVL MED EDU BUS LAB AGR REF REL HLH SPY CRM IGO NGO".split())
FLAGS = {"plural", "org", "person"}
DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")

FILES = {
    "countries.tsv": ["code", "names", "demonyms", "capitals", "seats"],
    "igos.tsv": ["code", "sector", "name", "aliases"],
    "groups.tsv": ["country", "sector", "name", "aliases"],
    "people.tsv": ["name", "aliases", "country", "sector", "role", "start", "end"],
    "agents.tsv": ["phrase", "sector", "flags"],
    "titles.tsv": ["title", "sector", "rank"],
}

errors = []


def err(f, n, msg):
    errors.append(f"{f}:{n}: {msg}")


def alts(cell):
    return [a for a in cell.split("|") if a] if cell else []


def read(name):
    path = os.path.join(HERE, name)
    head, rows = [], []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if line.startswith("#") or not line.strip():
                if not rows:
                    head.append(line)
                elif line.strip():
                    err(name, n, "comment line among data lines (keep comments in the header block)")
                continue
            rows.append((n, line))
    return head, rows


def sort_key(line):
    return (line.split("\t", 1)[0], line)


def sort_file(name):
    head, rows = read(name)
    lines = sorted({l for _, l in rows}, key=sort_key)
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as fh:
        fh.write("\n".join(head + lines) + "\n")


def dkey(d):
    # Compare partial dates by their earliest day for starts, latest for ends.
    return d


def check(name, cols):
    head, rows = read(name)
    hdr = [h for h in head if h.startswith("#") and "\t" in h]
    if not hdr or hdr[-1].lstrip("# ").split("\t") != cols:
        err(name, 1, f"missing header line '# " + "\t".join(cols) + "'")
    seen, prev = set(), None
    meaning = {}
    for n, line in rows:
        c = line.split("\t")
        if len(c) != len(cols):
            err(name, n, f"{len(c)} columns, want {len(cols)}")
            continue
        if any(x != x.strip() for x in c):
            err(name, n, "cell with leading/trailing space")
        if line in seen:
            err(name, n, "duplicate line")
        seen.add(line)
        if not USER and prev is not None and sort_key(line) < sort_key(prev):
            err(name, n, "not sorted (run check.py --sort)")
        prev = line
        yield n, dict(zip(cols, c)), meaning


def note(name, n, meaning, phrase, what):
    k = phrase.lower()
    if k in meaning and meaning[k] != what:
        err(name, n, f"phrase {phrase!r} means {what} here but {meaning[k]} elsewhere")
    meaning.setdefault(k, what)


def sector(name, n, s):
    if s not in SECTORS and not (USER and s == "-"):
        err(name, n, f"bad sector {s!r}")


def code(name, n, c):
    if c not in CODES:
        err(name, n, f"bad country code {c!r}")


def cross():
    """Print (as warnings, not errors) phrases that several files define."""
    seen = {}
    for f, cols in FILES.items():
        for n, r, _ in check(f, cols):
            if f == "countries.tsv":
                ph = [(a, r["code"]) for c in ("names", "demonyms", "capitals") for a in alts(r[c])]
                ph += [(s.rpartition(":")[0], r["code"]) for s in alts(r["seats"])]
            elif f in ("igos.tsv", "groups.tsv"):
                c = r.get("code") or r.get("country")
                ph = [(a, c) for a in [r["name"]] + alts(r["aliases"])]
            elif f == "people.tsv":
                ph = [(a, r["country"]) for a in [r["name"]] + alts(r["aliases"])]
            elif f == "agents.tsv":
                ph = [(a, "") for a in alts(r["phrase"])]
            else:
                ph = [(a, "") for a in alts(r["title"])]
            for a, c in ph:
                seen.setdefault(a.lower(), set()).add((f, c))
    for k, v in sorted(seen.items()):
        if len({f for f, _ in v}) > 1:
            print("warning: " + repr(k) + " in " + ", ".join(sorted(f"{f}({c})" if c else f for f, c in v)))


def main():
    if "--sort" in sys.argv:
        for f in FILES:
            if os.path.exists(os.path.join(HERE, f)):
                sort_file(f)
    counts = {}
    for f, cols in FILES.items():
        if not os.path.exists(os.path.join(HERE, f)):
            if not USER:
                err(f, 0, "missing")
            continue
        k = 0
        for n, r, meaning in check(f, cols):
            k += 1
            if f == "countries.tsv":
                code(f, n, r["code"])
                if r["code"] in SPECIAL:
                    err(f, n, "special code in countries.tsv")
                if not r["names"]:
                    err(f, n, "no names")
                for col in ("names", "demonyms", "capitals"):
                    for a in alts(r[col]):
                        note(f, n, meaning, a, r["code"])
                for s in alts(r["seats"]):
                    p, _, sec = s.rpartition(":")
                    if not p:
                        err(f, n, f"seat {s!r} is not phrase:SECTOR")
                        continue
                    sector(f, n, sec)
                    note(f, n, meaning, p, r["code"] + " " + sec)
            elif f in ("igos.tsv", "groups.tsv"):
                c = r["code"] if f == "igos.tsv" else r["country"]
                code(f, n, c)
                if f == "igos.tsv" and c not in SPECIAL:
                    err(f, n, "igos.tsv codes must be IGO/UNO/EUR/NGO/MNC/ISM/IMG")
                sector(f, n, r["sector"])
                for a in [r["name"]] + alts(r["aliases"]):
                    note(f, n, meaning, a, c + " " + r["sector"] + " " + r["name"])
            elif f == "people.tsv":
                code(f, n, r["country"])
                sector(f, n, r["sector"])
                if not r["role"]:
                    err(f, n, "empty role")
                for d in ("start", "end"):
                    if r[d] and not DATE.match(r[d]):
                        err(f, n, f"bad {d} date {r[d]!r}")
                if r["start"] and r["end"] and r["end"] < r["start"][: len(r["end"])]:
                    err(f, n, "end before start")
            elif f == "agents.tsv":
                sector(f, n, r["sector"])
                for fl in alts(r["flags"].replace(",", "|")):
                    if fl not in FLAGS:
                        err(f, n, f"bad flag {fl!r}")
                for a in alts(r["phrase"]):
                    if a != a.lower():
                        err(f, n, f"agent phrase {a!r} not lowercase")
                    note(f, n, meaning, a, r["sector"])
            elif f == "titles.tsv":
                sector(f, n, r["sector"])
                if not re.match(r"^[a-z0-9]+(-[a-z0-9]+)*$", r["rank"]):
                    err(f, n, f"bad rank key {r['rank']!r}")
                for a in alts(r["title"]):
                    note(f, n, meaning, a, r["sector"] + " " + r["rank"])
        counts[f] = k
    # People: an alias shared by two different persons is ambiguous.
    # Shared within one country is allowed (dates disambiguate: Bush, Assad).
    who = {}
    for n, r, _ in check("people.tsv", FILES["people.tsv"]) if os.path.exists(os.path.join(HERE, "people.tsv")) else []:
        for a in [r["name"]] + alts(r["aliases"]):
            k = a.lower()
            prev = who.setdefault(k, (r["name"], r["country"]))
            if prev[0] != r["name"] and prev[1] != r["country"]:
                err("people.tsv", n, f"alias {a!r} used for {prev[0]} ({prev[1]}) and {r['name']} ({r['country']})")
    if "--cross" in sys.argv:
        cross()
    errors[:] = sorted(set(errors), key=errors.index)
    for e in errors:
        print(e)
    print(" ".join(f"{f}={k}" for f, k in counts.items()))
    print(f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
