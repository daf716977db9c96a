"""The map geometry, read once from ``data/geo`` and ``data/``: Natural Earth 1:110m country
outlines (``data/geo/naturalearth_africa.geojson``, see ``data/geo/PROVENANCE.md``), the island
states too small for a shape (``data/geo/island_states.csv``) and the tile grid of Africa
(``data/africa_tile_grid.csv``). The map charts (:mod:`analysis.charts.maps`) receive what these
functions return and read no file themselves. No network, no geopandas.

Somaliland (Natural Earth's ``SOL``, not an ISO code) is merged into Somalia (``SOM``) by
:func:`load_shapes`, because ISO 3166, the UN, SIPRI and ``data/countries.csv`` count it as part
of Somalia.
"""

import json
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.contract.datapackage import load_table
from analysis.contract.errors import DataError
from analysis.contract.paths import DATA_DIR, display_path, record_read

GEOJSON = DATA_DIR / "geo" / "naturalearth_africa.geojson"

# Natural Earth codes drawn as part of another country (see the module docstring).
MERGE_INTO = {"SOL": "SOM"}


def load_shapes(path: Path = GEOJSON, merge: bool = True) -> dict[str, list[np.ndarray]]:
    """Country outlines: iso3 -> list of rings, each an ``(n, 2)`` array of (lon, lat) degrees.

    Rings are closed; exterior rings run anticlockwise and holes clockwise (RFC 7946), so a
    country's rings drawn as one compound path fill correctly (South Africa has Lesotho as a
    hole). With ``merge`` (the default), codes in :data:`MERGE_INTO` are added to the country
    they belong to: Somaliland's rings are listed under ``SOM``.

    >>> shapes = load_shapes()
    >>> "SOL" in shapes, shapes["MLI"][0].shape[1]
    (False, 2)
    """
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(
            f"{display_path(path)} is missing: it is committed; rebuild it with "
            "scripts/extract_naturalearth.py (see its docstring)"
        )
    record_read(path)
    collection = json.loads(path.read_text(encoding="utf-8"))
    shapes: dict[str, list[np.ndarray]] = {}
    for number, feature in enumerate(collection.get("features", []), start=1):
        iso3 = (feature.get("properties") or {}).get("iso3")
        geometry = feature.get("geometry") or {}
        if not iso3:
            raise DataError(display_path(path), "feature has no iso3 property", row=number)
        if geometry.get("type") == "Polygon":
            polygons = [geometry["coordinates"]]
        elif geometry.get("type") == "MultiPolygon":
            polygons = geometry["coordinates"]
        else:
            raise DataError(display_path(path), f"{iso3}: geometry {geometry.get('type')!r} is "
                            "not a Polygon or MultiPolygon", row=number)
        key = MERGE_INTO.get(iso3, iso3) if merge else iso3
        rings = shapes.setdefault(key, [])
        for polygon in polygons:
            rings.extend(np.asarray(ring, dtype=float) for ring in polygon)
    return shapes


def load_island_states() -> pd.DataFrame:
    """The five island states without a 1:110m shape, with their capitals' lat/lon (degrees)."""
    return load_table("island_states")


def load_tile_grid() -> pd.DataFrame:
    """The tile-grid layout: iso3, row (0 = north), col (0 = west); one tile per country."""
    return load_table("africa_tile_grid")


def map_layers() -> dict:
    """Everything :func:`analysis.charts.maps.choropleth` draws besides the values: ``shapes``,
    ``islands`` and ``africa`` (the iso3 of the tile grid, the countries counted as Africa).

    >>> sorted(map_layers())
    ['africa', 'islands', 'shapes']
    """
    return {"shapes": load_shapes(), "islands": load_island_states(),
            "africa": list(load_tile_grid()["iso3"])}
