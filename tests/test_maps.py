"""The map geometry files hold what the maps need, and the maps render offline."""

import hashlib
import io
import json
import math
import socket

import matplotlib.image as mpimg
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.path import Path as MplPath

from analysis import charts
from analysis.charts import maps
from analysis.contract import geo
from analysis.contract.datapackage import load_table, resource
from analysis.contract.paths import DATA_DIR

ISLANDS = {"CPV", "COM", "MUS", "STP", "SYC"}

# Land borders between African countries (ISO 3166-1 alpha-3 pairs), written for this test
# from general knowledge; Western Sahara (ESH) included, maritime neighbours not.
_BORDERS_TEXT = """
DZA-MAR DZA-ESH DZA-MRT DZA-MLI DZA-NER DZA-LBY DZA-TUN MAR-ESH ESH-MRT MRT-MLI MRT-SEN
MLI-SEN MLI-GIN MLI-CIV MLI-BFA MLI-NER NER-BFA NER-BEN NER-NGA NER-TCD NER-LBY
LBY-TUN LBY-EGY LBY-SDN LBY-TCD EGY-SDN TCD-SDN TCD-CAF TCD-CMR TCD-NGA SDN-CAF SDN-SSD
SDN-ETH SDN-ERI ERI-ETH ERI-DJI DJI-ETH DJI-SOM ETH-SOM ETH-KEN ETH-SSD SOM-KEN SEN-GMB
SEN-GNB SEN-GIN GNB-GIN GIN-SLE GIN-LBR GIN-CIV SLE-LBR LBR-CIV CIV-BFA CIV-GHA BFA-GHA
BFA-TGO BFA-BEN GHA-TGO TGO-BEN BEN-NGA NGA-CMR CMR-CAF CMR-GNQ CMR-GAB CMR-COG CAF-SSD
CAF-COD CAF-COG SSD-KEN SSD-UGA SSD-COD GNQ-GAB GAB-COG COG-COD COG-AGO COD-UGA COD-RWA
COD-BDI COD-TZA COD-ZMB COD-AGO UGA-KEN UGA-RWA UGA-TZA KEN-TZA RWA-BDI RWA-TZA BDI-TZA
TZA-ZMB TZA-MWI TZA-MOZ AGO-ZMB AGO-NAM ZMB-MWI ZMB-MOZ ZMB-ZWE ZMB-BWA ZMB-NAM MWI-MOZ
MOZ-ZWE MOZ-ZAF MOZ-SWZ ZWE-BWA ZWE-ZAF BWA-NAM BWA-ZAF NAM-ZAF ZAF-LSO ZAF-SWZ
"""
LAND_BORDERS = _BORDERS_TEXT.split()


@pytest.fixture(scope="module")
def african_iso3() -> set[str]:
    countries = load_table("countries")
    return set(countries.loc[countries["continent"] == "africa", "iso3"])


@pytest.fixture(scope="module")
def shapes():
    return geo.load_shapes()


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a network connection fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError("the maps tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def _decode(png: bytes) -> np.ndarray:
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    return mpimg.imread(io.BytesIO(png), format="png")[..., :3]


def _has_colour(image: np.ndarray, hex_colour: str, min_pixels: int = 50) -> bool:
    rgb = np.array([int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)])
    return int((np.abs(image - rgb).max(axis=-1) < 0.01).sum()) >= min_pixels


def _legend_texts(fig) -> list[str]:
    return [t.get_text() for t in fig.axes[0].get_legend().get_texts()]


CATS = ["Wagner present", "Russian arms only", "neither"]
FINISH = dict(title="A finding", subtitle="A measure", source="Test", alt="A test map")
# The committed geometry, read once: the charts receive it and read no file themselves.
LAYERS = geo.map_layers()
GEOMETRY = {maps.choropleth: LAYERS, maps.tile_grid_map: {"grid": geo.load_tile_grid()}}


# --- the geometry files ----------------------------------------------------------------------

def test_load_shapes_covers_every_mainland_african_country(shapes, african_iso3):
    assert african_iso3 - ISLANDS - set(shapes) == set()


def test_load_shapes_has_the_context_countries_for_routes(shapes):
    assert {"RUS", "IRQ", "FRA", "NOR", "UKR", "SAU", "TUR"} <= set(shapes)
    assert not any(code.startswith("-") for code in shapes)


def test_load_shapes_gives_closed_rings_in_degrees(shapes):
    for iso3, rings in shapes.items():
        for ring in rings:
            assert ring.ndim == 2 and ring.shape[1] == 2 and len(ring) >= 4, iso3
            assert (ring[0] == ring[-1]).all(), iso3
            assert (np.abs(ring[:, 0]) <= 180).all() and (np.abs(ring[:, 1]) <= 90).all()


def test_load_shapes_merges_somaliland_into_somalia(shapes):
    raw = geo.load_shapes(merge=False)
    assert "SOL" in raw and "SOL" not in shapes
    assert len(shapes["SOM"]) == len(raw["SOM"]) + len(raw["SOL"])


def test_load_shapes_draws_crimea_in_ukraine(shapes):
    def contains(rings, lon, lat):
        return any(MplPath(ring).contains_point((lon, lat)) for ring in rings)

    simferopol = (34.10, 44.95)
    assert contains(shapes["UKR"], *simferopol)
    assert not contains(shapes["RUS"], *simferopol)


def test_geojson_is_small_and_matches_its_descriptor_entry():
    res = resource("naturalearth_africa")
    path = DATA_DIR / res["path"]
    data = path.read_bytes()
    assert len(data) < 1_000_000
    assert res["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
    assert res["bytes"] == len(data)
    features = json.loads(data)["features"]
    assert {tuple(sorted(f["properties"])) for f in features} == {("iso3", "name")}


def test_load_shapes_names_a_missing_file(tmp_path):
    with pytest.raises(FileNotFoundError, match="extract_naturalearth.py"):
        geo.load_shapes(tmp_path / "absent.geojson")


def test_island_states_are_the_five_states_without_a_shape(shapes, african_iso3):
    islands = geo.load_island_states()
    assert set(islands["iso3"]) == ISLANDS
    assert african_iso3 - set(shapes) == ISLANDS
    assert islands["lat"].between(-35, 38).all() and islands["lon"].between(-26, 60).all()


# --- the tile grid ---------------------------------------------------------------------------

def test_tile_grid_has_one_tile_per_african_country(african_iso3):
    grid = geo.load_tile_grid()
    # 54 UN member states plus Western Sahara, which data/countries.csv lists as African.
    assert len(grid) == 55 and len(african_iso3 - {"ESH"}) == 54
    assert set(grid["iso3"]) == african_iso3


def test_tile_grid_positions_are_unique():
    grid = geo.load_tile_grid()
    assert not grid.duplicated(["row", "col"]).any()


def test_tile_grid_keeps_land_neighbours_close():
    """A square tile touches at most 8 others, but DR Congo has 9 land neighbours and Zambia,
    Tanzania 8: not every border can be a touching pair. So every pair must be within 2 cells
    (Chebyshev distance: at most one tile between them) and at least 80 % must touch."""
    grid = geo.load_tile_grid().set_index("iso3")
    pairs = [pair.split("-") for pair in LAND_BORDERS]
    assert len(pairs) == len(set(LAND_BORDERS)) > 100
    distance = {
        f"{a}-{b}": max(abs(int(grid.at[a, "row"]) - int(grid.at[b, "row"])),
                        abs(int(grid.at[a, "col"]) - int(grid.at[b, "col"])))
        for a, b in pairs
    }
    assert {p: d for p, d in distance.items() if d > 2} == {}
    touching = sum(d == 1 for d in distance.values()) / len(distance)
    assert touching >= 0.8, f"only {touching:.0%} of neighbours touch"


# --- classes ---------------------------------------------------------------------------------

def test_classify_bins_include_lower_edges_and_the_top():
    values = pd.Series({"MLI": 0.0, "NER": 10.0, "TCD": 20.0, "SDN": None})
    classes, legend = maps.classify(values, bins=[0, 10, 20])
    assert classes.tolist()[:3] == ["0 to <10", "10 to 20", "10 to 20"]
    assert pd.isna(classes["SDN"])
    assert [hatch for _, _, hatch in legend] == charts.HATCHES[:2]


def test_classify_rejects_values_outside_bins_or_categories():
    with pytest.raises(ValueError, match="outside the bins"):
        maps.classify(pd.Series({"MLI": 21.0}), bins=[0, 10, 20])
    with pytest.raises(ValueError, match="not among the categories.*'other'"):
        maps.classify(pd.Series({"MLI": "other"}), categories=CATS)
    with pytest.raises(ValueError, match="exactly one"):
        maps.classify(pd.Series({"MLI": 1.0}), categories=CATS, bins=[0, 1])


def test_default_category_colours_differ_in_lightness():
    fills = maps.CATEGORY_COLORS[:3]
    lightness = sorted(maps.lightness(c) for c in fills + [maps.NO_DATA])
    assert min(b - a for a, b in zip(lightness, lightness[1:], strict=False)) >= 9


# --- the charts ------------------------------------------------------------------------------

def test_choropleth_renders_offline_with_islands_and_no_data(no_network, african_iso3):
    values = pd.Series({c: CATS[i % 3] for i, c in enumerate(sorted(african_iso3 - {"TCD"}))})
    fig = maps.choropleth(values, categories=CATS, legend_title="Example", **LAYERS, **FINISH)
    image = _decode(charts.png_bytes(fig))
    assert _legend_texts(fig) == [*CATS, "no data", "island state (at its capital)"]
    assert charts.alt_text(fig) == "A test map"
    plt.close(fig)
    assert image.shape[0] > 500 and image.std() > 0.1
    for colour in maps.CATEGORY_COLORS[:3] + [maps.NO_DATA, maps.CONTEXT]:
        assert _has_colour(image, colour), colour


def test_choropleth_without_gaps_has_no_no_data_entry(african_iso3):
    values = pd.Series(1.0, index=sorted(african_iso3))
    fig = maps.choropleth(values, bins=[0, 1, 2], **LAYERS, **FINISH)
    assert "no data" not in _legend_texts(fig)
    plt.close(fig)


def test_choropleth_colours_an_island_marker_like_a_country(no_network):
    fig = maps.choropleth(pd.Series({"MUS": "neither"}), categories=CATS, **LAYERS, **FINISH)
    markers = [c for c in fig.axes[0].collections if len(c.get_offsets()) == 1]
    mus = [c for c in markers if tuple(c.get_offsets()[0]) == (57.5, -20.16)]
    assert len(mus) == 1
    assert tuple(mus[0].get_facecolor()[0][:3]) == pytest.approx(
        tuple(int(maps.CATEGORY_COLORS[2][i:i + 2], 16) / 255 for i in (1, 3, 5)))
    plt.close(fig)


def test_tile_grid_map_renders_offline_with_a_label_per_tile(no_network):
    values = pd.Series({"MLI": "Wagner present", "CAF": "Wagner present", "EGY": "neither"})
    fig = maps.tile_grid_map(values, categories=CATS, grid=geo.load_tile_grid(), **FINISH)
    labels = {t.get_text() for t in fig.axes[0].texts}
    image = _decode(charts.png_bytes(fig))
    plt.close(fig)
    assert labels == set(geo.load_tile_grid()["iso3"])
    assert _has_colour(image, maps.CATEGORY_COLORS[0]) and _has_colour(image, maps.NO_DATA)


@pytest.mark.parametrize("chart", [maps.choropleth, maps.tile_grid_map])
def test_maps_reject_an_unknown_iso3_naming_it(chart):
    values = pd.Series({"MLI": "neither", "XYZ": "neither"})
    with pytest.raises(ValueError, match="'XYZ'"):
        chart(values, categories=CATS, **GEOMETRY[chart], **FINISH)


def test_tile_grid_map_rejects_a_country_outside_africa():
    with pytest.raises(ValueError, match="'IRQ'.*africa_tile_grid"):
        maps.tile_grid_map(pd.Series({"IRQ": "neither"}), categories=CATS,
                           grid=geo.load_tile_grid(), **FINISH)


def test_maps_reject_repeated_codes():
    values = pd.Series(["neither", "neither"], index=["MLI", "MLI"])
    with pytest.raises(ValueError, match="more than once: \\['MLI'\\]"):
        maps.choropleth(values, categories=CATS, **LAYERS, **FINISH)


# --- great circles ---------------------------------------------------------------------------

def test_great_circle_points_start_and_end_at_the_inputs():
    moscow, bamako = (55.75, 37.62), (12.64, -8.00)
    lats, lons = maps.great_circle_points(*moscow, *bamako, n=64)
    assert len(lats) == len(lons) == 64
    assert (lats[0], lons[0], lats[-1], lons[-1]) == (*moscow, *bamako)


def test_great_circle_points_midpoint_of_equator_points_is_on_the_equator():
    lats, lons = maps.great_circle_points(0, 10, 0, 50, n=5)
    assert lats[2] == pytest.approx(0, abs=1e-9) and lons[2] == pytest.approx(30)
    assert np.allclose(lats, 0, atol=1e-9)


def test_great_circle_points_bend_towards_the_pole():
    """North of the equator a great circle runs poleward of the straight line on the map."""
    lats, _ = maps.great_circle_points(45, -30, 45, 30, n=3)
    expected = math.degrees(math.atan(math.tan(math.radians(45)) / math.cos(math.radians(30))))
    assert lats[1] == pytest.approx(expected)


def test_great_circle_points_unwrap_across_the_antimeridian():
    _, lons = maps.great_circle_points(0, 170, 0, -170, n=3)
    assert lons.tolist() == pytest.approx([170, 180, 190])


def test_great_circle_points_reject_antipodes_and_too_few_points():
    with pytest.raises(ValueError, match="antipodal"):
        maps.great_circle_points(0, 0, 0, 180)
    with pytest.raises(ValueError, match="at least 2"):
        maps.great_circle_points(0, 0, 1, 1, n=1)
