#!/usr/bin/env python3
"""Generates world.json, the embedded world outline of the Explore map.

Source: Natural Earth 1:110m admin-0 countries (public domain), as packaged in
the npm package world-atlas@2.0.2 (ISC). Reproduce with:

    cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python3 gen_world.py /tmp/package/countries-110m.json > world.json

Every TopoJSON arc (a coastline or a shared border) is decoded once, points
closer than MIN_STEP degrees to the last kept point are dropped, and
coordinates are rounded to 0.1 degree. The output is a flat list of
polylines, each a flat [lon, lat, lon, lat, ...] list.
"""
import json
import sys

MIN_STEP = 0.25


def main(path):
    topo = json.load(open(path, encoding="utf-8"))
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    lines = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        kept = [pts[0]]
        for i, p in enumerate(pts[1:], 1):
            last = kept[-1]
            far = abs(p[0] - last[0]) + abs(p[1] - last[1]) >= MIN_STEP
            if far or i == len(pts) - 1:
                kept.append(p)
        if len(kept) < 2:
            continue
        flat = []
        for lon, lat in kept:
            flat += [round(lon, 1), round(lat, 1)]
        lines.append(flat)
    out = {
        "source": "Natural Earth 1:110m admin-0 countries via world-atlas@2.0.2; see gen_world.py",
        "lines": lines,
    }
    json.dump(out, sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
