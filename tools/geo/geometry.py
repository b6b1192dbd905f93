"""Reference points for countries and first-level regions, from country outlines and places.

GeoNames gives countries and first-level regions a point near the middle of their land
(the contiguous United States' centre for the US, not Alaska's pull; the middle of Queensland,
not Brisbane). The PyPI packages used here carry no such points for regions, so they are
estimated: each country outline (countryinfo's GeoJSON) is covered by a grid, each grid cell
goes to the region of its nearest GeoNames place (cities500), and a region's point is the
area-weighted centre of its cells. A country's own point is the centre of its largest outline.
"""
import math

import numpy as np


def rings_of(geo):
    """Outer rings (lists of [lon, lat]) of a GeoJSON FeatureCollection / geometry."""
    out = []
    if not isinstance(geo, dict):
        return out
    if geo.get("type") == "FeatureCollection":
        for f in geo.get("features", []):
            out += rings_of(f.get("geometry") or {})
    elif geo.get("type") == "Feature":
        out += rings_of(geo.get("geometry") or {})
    elif geo.get("type") == "Polygon":
        if geo["coordinates"]:
            out.append(geo["coordinates"][0])
    elif geo.get("type") == "MultiPolygon":
        for poly in geo["coordinates"]:
            if poly:
                out.append(poly[0])
    return [np.asarray(r, dtype=float) for r in out if len(r) >= 4]


def ring_area_centroid(r):
    """Area (deg^2 scaled by cos lat) and centroid (lat, lon) of a ring."""
    lat0 = math.radians(float(np.mean(r[:, 1])))
    x = r[:, 0] * math.cos(lat0)
    y = r[:, 1]
    x1, y1 = np.roll(x, -1), np.roll(y, -1)
    cross = x * y1 - x1 * y
    a = cross.sum() / 2.0
    if abs(a) < 1e-12:
        return 0.0, (float(np.mean(y)), float(np.mean(r[:, 0])))
    cx = ((x + x1) * cross).sum() / (6 * a)
    cy = ((y + y1) * cross).sum() / (6 * a)
    return abs(a), (float(cy), float(cx / math.cos(lat0)))


def main_centroid(rings):
    """Centre of the largest outline."""
    best = max((ring_area_centroid(r) for r in rings), key=lambda t: t[0], default=None)
    return None if best is None else best[1]


def inside(px, py, ring):
    """Vectorised even-odd point-in-polygon."""
    xs, ys = ring[:, 0], ring[:, 1]
    x1, y1 = np.roll(xs, -1), np.roll(ys, -1)
    res = np.zeros(px.shape, dtype=bool)
    for a, b, c, d in zip(xs, ys, x1, y1):
        if b == d:
            continue
        cond = (b > py) != (d > py)
        xint = a + (py - b) * (c - a) / (d - b)
        res ^= cond & (px < xint)
    return res


def region_points(rings, places, target_cells=4000):
    """places: list of (lat, lon, admin1). Returns {admin1: (lat, lon)} from grid cells."""
    if not rings or not places:
        return {}
    allpts = np.concatenate(rings)
    lon0, lon1 = allpts[:, 0].min(), allpts[:, 0].max()
    lat0, lat1 = allpts[:, 1].min(), allpts[:, 1].max()
    if lon1 - lon0 > 300:  # crosses the antimeridian: skip the grid
        return {}
    area = sum(ring_area_centroid(r)[0] for r in rings)
    step = max(0.02, min(1.0, math.sqrt(max(area, 1e-6) / target_cells)))
    gx, gy = np.meshgrid(np.arange(lon0 + step / 2, lon1, step), np.arange(lat0 + step / 2, lat1, step))
    px, py = gx.ravel(), gy.ravel()
    mask = np.zeros(px.shape, dtype=bool)
    for r in rings:
        rx0, ry0 = r.min(axis=0)
        rx1, ry1 = r.max(axis=0)
        sel = (px >= rx0) & (px <= rx1) & (py >= ry0) & (py <= ry1) & ~mask
        if sel.any():
            idx = np.nonzero(sel)[0]
            mask[idx] |= inside(px[idx], py[idx], r)
    px, py = px[mask], py[mask]
    if len(px) == 0:
        return {}
    plat = np.array([p[0] for p in places])
    plon = np.array([p[1] for p in places])
    labels = [p[2] for p in places]
    coslat = np.cos(np.radians(py))
    owner = np.empty(len(px), dtype=np.int64)
    for s in range(0, len(px), 256):
        e = s + 256
        dx = (px[s:e, None] - plon[None, :]) * coslat[s:e, None]
        dy = py[s:e, None] - plat[None, :]
        owner[s:e] = np.argmin(dx * dx + dy * dy, axis=1)
    acc = {}
    for i, o in enumerate(owner):
        lab = labels[o]
        w = coslat[i]
        a = acc.setdefault(lab, [0.0, 0.0, 0.0])
        a[0] += w * py[i]
        a[1] += w * px[i]
        a[2] += w
    return {k: (round(v[0] / v[2], 4), round(v[1] / v[2], 4)) for k, v in acc.items() if v[2] > 0}
