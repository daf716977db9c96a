"""Extract the country shapes the maps need from Natural Earth 1:110m admin-0 countries.

Run once by hand, in a throwaway environment (pyogrio is NOT a dependency of the package; the
package reads only the GeoJSON written here):

    python3 -m venv /tmp/geo && /tmp/geo/bin/pip install pyogrio==0.13.0
    cd /work/main && /tmp/geo/bin/python scripts/extract_naturalearth.py

Input: the ``naturalearth_lowres`` shapefile that the pyogrio wheel ships as a test fixture
(``pyogrio/tests/fixtures/naturalearth_lowres/``), itself copied from GeoPandas, which built it
from Natural Earth 1:110m Cultural Vectors, Admin 0 - Countries (public domain).

Output (overwritten):
- ``data/geo/naturalearth_africa.geojson``: a FeatureCollection, one feature per line sorted by
  iso3, properties ``iso3`` and ``name`` only, coordinates rounded to 2 decimals (about 1 km);
- ``data/geo/PROVENANCE.md``: where it came from, the checksums, and what was changed.

Load: ``process`` below keeps every African feature, plus every other feature with a polygon
inside BBOX (enough of Europe, Russia and the Middle East for routes from Moscow to Africa and
Iraq); parts of a kept country that lie wholly outside BBOX (French Guiana, Svalbard, Sakhalin...)
are dropped. No other simplification: 1:110m is already coarse.
"""

import hashlib
import json
import struct
import sys
from pathlib import Path

import pyogrio

ROOT = Path(__file__).resolve().parents[1]
OUT_DIR = ROOT / "data" / "geo"
GEOJSON = OUT_DIR / "naturalearth_africa.geojson"
PROVENANCE = OUT_DIR / "PROVENANCE.md"

FIXTURE_DIR = Path(pyogrio.__file__).parent / "tests" / "fixtures" / "naturalearth_lowres"
SHAPEFILE = FIXTURE_DIR / "naturalearth_lowres.shp"

# lon_min, lat_min, lon_max, lat_max: Africa and its islands, the Middle East with Iraq, and
# Europe up to Moscow (55.8 N) with some margin, so that route maps have land around them.
BBOX = (-20.0, -36.0, 60.0, 62.0)
DECIMALS = 2

# The fixture keeps Natural Earth's ISO_A3 column, which is "-99" where ISO 3166 has no code or
# where Natural Earth 4.1.0 left it empty for overseas-territory reasons. Fixed by name with
# Natural Earth's own ADM0_A3 codes. FRA and NOR are real ISO codes; KOS, CYN and SOL are not
# (ISO 3166 has no code for Kosovo, Northern Cyprus or Somaliland) and are kept as Natural Earth
# spells them, so that nothing can be mistaken for an ISO code. The maps module merges SOL into
# SOM (see analysis.maps.MERGE_INTO).
ISO_FIXES = {
    "France": "FRA",
    "Norway": "NOR",
    "Kosovo": "KOS",
    "N. Cyprus": "CYN",
    "Somaliland": "SOL",
}


# Natural Earth 4.1.0 draws Crimea as a polygon of Russia (its "de facto" policy). This project
# draws it as part of Ukraine, the boundary the UN General Assembly affirmed in resolution
# 68/262 (2014). The polygon is found by its bounding box and merged into Ukraine's main
# polygon along their shared edge (same vertices in both), so no line is left at the isthmus.
CRIMEA_BOX = (32.0, 44.0, 37.0, 46.5)  # lon_min, lat_min, lon_max, lat_max


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def parse_wkb(blob: bytes) -> list[list[list[tuple[float, float]]]]:
    """Polygon or MultiPolygon WKB -> list of polygons, each a list of rings of (lon, lat)."""
    pos = 0

    def read(fmt):
        nonlocal pos
        values = struct.unpack_from(fmt, blob, pos)
        pos += struct.calcsize(fmt)
        return values

    def geometry():
        (order,) = read("B")
        end = "<" if order == 1 else ">"
        (kind,) = read(end + "I")
        if kind == 3:
            return [polygon(end)]
        if kind == 6:
            (count,) = read(end + "I")
            parts = []
            for _ in range(count):
                parts.extend(geometry())
            return parts
        raise ValueError(f"unexpected WKB geometry type {kind}")

    def polygon(end):
        (nrings,) = read(end + "I")
        rings = []
        for _ in range(nrings):
            (npoints,) = read(end + "I")
            rings.append([read(end + "dd") for _ in range(npoints)])
        return rings

    return geometry()


def signed_area(ring) -> float:
    """Shoelace area in square degrees; positive when the ring runs anticlockwise."""
    return 0.5 * sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False))


def clean_ring(ring, exterior: bool):
    """Round, drop repeated points, close, orient (RFC 7946: exterior anticlockwise, holes
    clockwise). None if the ring collapses."""
    out = []
    for x, y in ring:
        point = (round(x, DECIMALS) + 0.0, round(y, DECIMALS) + 0.0)  # + 0.0: no "-0.0"
        if not out or out[-1] != point:
            out.append(point)
    if out[0] != out[-1]:
        out.append(out[0])
    if len(out) < 4 or signed_area(out) == 0:
        return None
    if (signed_area(out) > 0) != exterior:
        out.reverse()
    return [list(p) for p in out]


def merge_rings(a, b):
    """Union of two rings that share one run of identical vertices (an edge chain).

    Both rings have the same orientation, so the shared chain runs one way in ``a`` and the
    other way in ``b``: walk ``a`` from the end of the chain round to its start, then ``b``.
    """
    a, b = a[:-1], b[:-1]  # open rings
    in_b = set(b)
    shared = [p in in_b for p in a]
    if sum(shared) < 2:
        raise ValueError("the rings share fewer than two vertices")
    n = len(a)
    starts = [i for i in range(n) if shared[i] and not shared[i - 1]]
    if len(starts) != 1:
        raise ValueError(f"the rings share {len(starts)} separate chains; expected one")
    i0 = starts[0]
    i1 = i0
    while shared[(i1 + 1) % n]:
        i1 = (i1 + 1) % n
    a_part = [a[(i1 + k) % n] for k in range((i0 - i1) % n + 1)]  # chain end ... chain start
    j0, j1 = b.index(a[i0]), b.index(a[i1])
    b_inner = [b[(j0 + k) % len(b)] for k in range(1, (j1 - j0) % len(b))]
    ring = a_part + b_inner
    return ring + [ring[0]]


def move_crimea(by_name):
    """Move the Crimea polygon from Russia to Ukraine (see CRIMEA_BOX); return a log line."""
    lon0, lat0, lon1, lat1 = CRIMEA_BOX
    russia, ukraine = by_name["Russia"], by_name["Ukraine"]
    found = [
        p for p in russia
        if all(lon0 <= x <= lon1 and lat0 <= y <= lat1 for x, y in p[0])
    ]
    if len(found) != 1:
        raise ValueError(f"expected one Crimea polygon in Russia, found {len(found)}")
    crimea = found[0]
    russia.remove(crimea)
    main = max(range(len(ukraine)), key=lambda i: len(ukraine[i][0]))
    merged = merge_rings([tuple(p) for p in ukraine[main][0]], [tuple(p) for p in crimea[0]])
    ukraine[main] = [merged, *ukraine[main][1:], *crimea[1:]]
    return f"Crimea ({len(crimea[0])} points) moved from Russia to Ukraine"


def in_bbox(rings) -> bool:
    """True when a vertex of the exterior ring lies in BBOX (at 1:110m, vertices are dense
    enough; a bounding-box test would let in Greenland, whose box but no land reaches it)."""
    lon0, lat0, lon1, lat1 = BBOX
    return any(lon0 <= x <= lon1 and lat0 <= y <= lat1 for x, y in rings[0])


def process(meta, geometry, fields):
    names = list(meta["fields"])
    rows = [dict(zip(names, values, strict=True)) for values in zip(*fields, strict=True)]
    features, log = [], {"dropped_parts": [], "fixed_codes": [], "holes": []}
    by_name = {row["name"]: parse_wkb(blob) for row, blob in zip(rows, geometry, strict=True)}
    log["crimea"] = move_crimea(by_name)
    for row in rows:
        iso3 = row["iso_a3"]
        if iso3 == "-99":
            iso3 = ISO_FIXES.get(row["name"])
            if iso3 is None:
                continue  # every -99 feature near the map is in ISO_FIXES; the rest are far
            log["fixed_codes"].append(f"{row['name']}: -99 -> {iso3}")
        polygons = by_name[row["name"]]
        african = row["continent"] == "Africa"
        if not african and not any(in_bbox(p) for p in polygons):
            continue
        kept = []
        for poly in polygons:
            if not in_bbox(poly):
                log["dropped_parts"].append(row["name"])
                continue
            rings = [clean_ring(r, exterior=(i == 0)) for i, r in enumerate(poly)]
            if rings[0] is None:
                log["dropped_parts"].append(f"{row['name']} (collapsed when rounded)")
                continue
            holes = [r for r in rings[1:] if r is not None]
            if holes:
                log["holes"].append(row["name"])
            kept.append([rings[0], *holes])
        if not kept:
            continue
        geom = (
            {"type": "Polygon", "coordinates": kept[0]}
            if len(kept) == 1
            else {"type": "MultiPolygon", "coordinates": kept}
        )
        features.append(
            {"type": "Feature", "properties": {"iso3": iso3, "name": row["name"]},
             "geometry": geom}
        )
    features.sort(key=lambda f: f["properties"]["iso3"])
    return features, log


def write_geojson(features, path: Path):
    """One feature per line: small diffs when a shape changes."""
    lines = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features]
    text = (
        '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"
    )
    path.write_text(text, encoding="utf-8")


def count_points(features) -> int:
    total = 0
    for f in features:
        coords = f["geometry"]["coordinates"]
        polys = [coords] if f["geometry"]["type"] == "Polygon" else coords
        total += sum(len(r) for p in polys for r in p)
    return total


def write_provenance(features, log, path: Path):
    fixture_files = sorted(FIXTURE_DIR.iterdir())
    checksums = "\n".join(
        f"| `{p.name}` | {p.stat().st_size:,} | `{sha256(p)}` |" for p in fixture_files
    )
    codes = sorted(f["properties"]["iso3"] for f in features)
    dropped = sorted(set(log["dropped_parts"]))
    terms = ('public domain (Natural Earth\'s terms of use: "All versions of Natural Earth '
             'raster + vector map data found on this website are in the public domain")')
    obtained = (f"the `pyogrio` wheel, version {pyogrio.__version__}, from PyPI: its test "
                "fixture `pyogrio/tests/fixtures/naturalearth_lowres/` (the fixture README says "
                'it "was copied from GeoPandas", licence public domain)')
    gdal = (f"{pyogrio.__gdal_version_string__} (bundled in the pyogrio wheel; used only by "
            "the script)")
    command = (f"`python3 -m venv /tmp/geo && /tmp/geo/bin/pip install "
               f"pyogrio=={pyogrio.__version__}` then `/tmp/geo/bin/python "
               "scripts/extract_naturalearth.py` (from the repository root)")
    output = (f"{len(features)} features, {count_points(features):,} points, "
              f"{GEOJSON.stat().st_size:,} bytes")
    text = f"""# Provenance of data/geo/

## naturalearth_africa.geojson

| what | value |
| --- | --- |
| producer | Natural Earth (naturalearthdata.com), free vector and raster map data |
| title | Admin 0 - Countries, 1:110m Cultural Vectors |
| version | 4.1.0 (inferred, see below) |
| licence | {terms} |
| obtained from | {obtained} |
| GDAL used to read it | {gdal} |
| extracted by | `scripts/extract_naturalearth.py` |
| command | {command} |
| output | {output} |
| output sha256 | `{sha256(GEOJSON)}` (also in data/datapackage.json) |

Checksums of the fixture files (sha256):

| file | bytes | sha256 |
| --- | ---: | --- |
{checksums}

**Version.** The fixture does not record Natural Earth's version. Its columns (`pop_est`,
`continent`, `name`, `iso_a3`, `gdp_md_est`) are GeoPandas' `naturalearth_lowres` dataset; its
DBF is dated 2018-09-01 and still has `-99` for France and Norway, which GeoPandas' generating
script stated as Natural Earth 4.1.0 (its later 5.0.1 rebuild replaced those `-99`s with
`ADM0_A3`). Hence "4.1.0, inferred".

**What was changed.**
1. Kept: every feature whose `continent` is Africa, and every other feature with a polygon
   with a vertex within lon {BBOX[0]}..{BBOX[2]}, lat {BBOX[1]}..{BBOX[3]} (Europe, Russia, the
   Middle East including Iraq, and Central Asian neighbours that reach into that box).
2. Dropped: polygons of kept countries lying wholly outside that box: {', '.join(dropped)}.
   Russia's main polygon is kept whole (to 180 E).
3. `-99` codes fixed by name with Natural Earth's `ADM0_A3`: {'; '.join(log['fixed_codes'])}.
   FRA and NOR are ISO 3166-1 codes. KOS (Kosovo), CYN (Northern Cyprus) and SOL (Somaliland)
   are NOT: they are Natural Earth's codes, kept so that no shape carries a wrong ISO code.
4. Somaliland stays its own feature (`SOL`) as in Natural Earth. ISO 3166, the UN, SIPRI and
   data/countries.csv count it as part of Somalia, so `analysis.maps.load_shapes()` merges it
   into `SOM` by default: a choropleth colours it with Somalia's value, and the de facto line
   between the two stays visible as a thin border.
5. Coordinates rounded to {DECIMALS} decimals (about 1 km; the 1:110m source is far coarser),
   repeated points removed, rings re-oriented as RFC 7946 asks (exterior anticlockwise, holes
   clockwise; the hole in South Africa is Lesotho). No other simplification.
6. Crimea: Natural Earth 4.1.0 draws it as part of Russia (its de facto policy). Here it is
   part of Ukraine, the boundary the UN General Assembly affirmed in resolution 68/262 (2014).
   {log['crimea']}, merged into Ukraine's main polygon along their shared
   vertices, so no line is drawn at the isthmus.
7. Properties reduced to `iso3` and `name` (Natural Earth's short name, e.g. "Dem. Rep.
   Congo"; display names come from data/countries.csv).

Rings with holes: {', '.join(sorted(set(log['holes']))) or 'none'}.

Missing at this scale: Cabo Verde, Comoros, Mauritius, Sao Tome and Principe and Seychelles
have no polygon in the 1:110m data; the maps draw them as markers at their capitals
(island_states.csv).

Codes in the file: {', '.join(codes)}.

## island_states.csv

The five African island states missing from the 1:110m shapes, with the approximate coordinates
of their capitals (general knowledge, rounded to 2 decimals, good to a few kilometres), used only
to place a marker on the maps. Not a source for any number in the story.
"""
    path.write_text(text, encoding="utf-8")


def main() -> int:
    meta, _fids, geometry, fields = pyogrio.raw.read(SHAPEFILE)
    features, log = process(meta, geometry, fields)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    write_geojson(features, GEOJSON)
    write_provenance(features, log, PROVENANCE)
    print(f"wrote {GEOJSON.relative_to(ROOT)}: {len(features)} features, "
          f"{count_points(features)} points, {GEOJSON.stat().st_size} bytes")
    print(f"sha256:{sha256(GEOJSON)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
