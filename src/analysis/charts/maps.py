"""Offline maps of Africa in the house style: a choropleth, a tile-grid map, great-circle arcs.

The charts receive data (a :class:`pandas.Series` of values indexed by ISO 3166-1 alpha-3 code)
and return a :class:`matplotlib.figure.Figure` finished with :func:`analysis.charts.finish`. The
geometry is handed in too: :func:`analysis.contract.geo.map_layers` reads it (Natural Earth
1:110m outlines, the island states, the tile grid); this module reads no file. No network, no
geopandas.

Projection: equirectangular (x = longitude, y = latitude, in degrees) with the axes' aspect set to
``1 / cos(latitude at the middle of the map)``, so that distances east-west are right along that
latitude. Over Africa (37 S to 37 N) the correction is under 1 %, and shapes near the top and
bottom of the map are stretched east-west by up to 1 / cos(37 deg), about 25 %: fine for a
choropleth of countries, not for measuring areas.

Editorial decisions a reviewer should check:

- "Africa" on the maps is the tile grid: the 54 UN member states in Africa plus Western Sahara
  (ESH), as in data/countries.csv. An African country missing from the values is drawn as "no
  data"; countries outside Africa are drawn in a light context grey unless they have a value.
- Somaliland (Natural Earth's ``SOL``, not an ISO code) is merged into Somalia (``SOM``) by
  :func:`analysis.contract.geo.load_shapes`, because ISO 3166, the UN, SIPRI and
  data/countries.csv count it as part of Somalia: it takes Somalia's value, and the de facto
  line between them stays as a border.
- Cabo Verde, Comoros, Mauritius, Sao Tome and Principe and Seychelles have no shape at 1:110m:
  they are drawn as a circle at their capital, filled like a country.
"""

import math
from collections.abc import Mapping, Sequence

import matplotlib.patheffects as path_effects
import numpy as np
import pandas as pd
from matplotlib.colors import LinearSegmentedColormap, to_hex, to_rgb
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, PathPatch, Rectangle
from matplotlib.path import Path as MplPath

from analysis import charts
from analysis.charts.accessibility import as_context
from analysis.charts.colour import MARK_MIN_RATIO, contrast_ratio

SMALL = charts.SMALL_PT  # the smallest text: 12.5 px at the 1x export

# lon_min, lon_max, lat_min, lat_max of the Africa maps: Cabo Verde (23.5 W) to Mauritius
# (57.5 E), Cape Agulhas (34.8 S) to Bizerte (37.3 N), with a margin for markers and labels
# (4.5 degrees west: room for "Cabo Verde" beside its marker).
AFRICA_EXTENT = (-28.0, 60.0, -37.0, 39.0)

INK = charts.PALETTE["ink"]
NO_DATA = "#d4d4d4"  # light neutral for an African country without a value ("no data")
NO_DATA_EDGE = "#767676"  # its outline on the tile grid: 4.5:1 on white
CONTEXT = "#eeeeee"  # countries outside Africa without a value: background, not data
BORDER = "#ffffff"  # country borders: white lines, as on most news maps
HATCH_COLOR = "#333333"  # dark hatches on light and mid fills: they survive greyscale
HATCH_ON_DARK = "#ffffff"  # ... and light ones on dark fills (L* below 40), where dark vanish
# Okabe-Ito colours for categories, ordered so that neighbours in the list differ in lightness
# (CIE L*: blue 46, orange 71, pink 61, green 58, sky 70, yellow 89); together with the hatches
# (charts.HATCHES, one per category) categories stay apart in greyscale. Vermillion is left out:
# it is Russia's colour in every chart (pass colors= to use it for a Russia category).
CATEGORY_COLORS = ["#0072B2", "#E69F00", "#CC79A7", "#009E73", "#56B4E9", "#F0E442", "#999999"]
# Ordered bins: one hue from light to dark, so lightness alone gives the order. The light end
# (L* 78) stays darker than NO_DATA (L* 85), so "no data" never reads as the lowest class.
SEQUENTIAL = LinearSegmentedColormap.from_list("house_blues", ["#9ccbea", "#0072B2", "#00263d"])
# Where an island's name goes relative to its marker (default: below); STP's would run into
# Gabon's coast, so it goes to the left.
ISLAND_LABEL_LEFT = {"STP"}
MAP_FIGSIZE = (7.5, 8.2)
TILE_FIGSIZE = (7.5, 7.2)


# --- classes and legend -----------------------------------------------------------------------

def lightness(color) -> float:
    """CIE L* (0 black .. 100 white) of a colour: what is left of it in greyscale.

    >>> round(lightness("#0072B2")), round(lightness("white"))
    (46, 100)
    """
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in to_rgb(color)]
    y = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 116 * y ** (1 / 3) - 16 if y > 0.008856 else 903.3 * y


def classify(values: pd.Series, *, categories: Sequence | None = None,
             bins: Sequence[float] | None = None, labels: Sequence[str] | None = None,
             colors: Sequence[str] | Mapping | None = None
             ) -> tuple[pd.Series, list[tuple[str, str, str]]]:
    """Put each value in a class; return (label per iso3, legend entries).

    Give exactly one of ``categories`` (the allowed values, in legend order) or ``bins``
    (increasing edges; a class holds values from its lower edge, included, to its upper edge,
    excluded, except the last, which includes both). ``labels`` name the classes (default: the
    categories, or "a to <b" for bins); ``colors`` is a list in class order or a mapping from
    category (or label) to colour. Missing values give ``<NA>``. Legend entries are
    ``(label, colour, hatch)``, hatch from :data:`analysis.charts.HATCHES` by class position.

    >>> classes, legend = classify(pd.Series({"MLI": 12.0, "NER": 3.0}), bins=[0, 10, 20])
    >>> classes.tolist(), [entry[0] for entry in legend]
    (['10 to 20', '0 to <10'], ['0 to <10', '10 to 20'])
    """
    if (categories is None) == (bins is None):
        raise ValueError("give exactly one of categories= (a list of values) or bins= (edges)")
    present = values.dropna()
    if categories is not None:
        categories = list(categories)
        if len(set(categories)) != len(categories):
            raise ValueError(f"categories repeat a value: {categories}")
        unknown = sorted({str(v) for v in present if v not in categories})
        if unknown:
            raise ValueError(f"values not among the categories {categories}: {unknown}")
        names = [str(c) for c in categories] if labels is None else list(labels)
        index = {c: i for i, c in enumerate(categories)}
        positions = present.map(index)
        keys = categories
    else:
        edges = [float(b) for b in bins]
        if len(edges) < 2 or any(b <= a for a, b in zip(edges, edges[1:], strict=False)):
            raise ValueError(f"bins must be at least two strictly increasing edges, got {bins}")
        numbers = pd.to_numeric(present, errors="coerce")
        if numbers.isna().any():
            bad = present[numbers.isna()]
            raise ValueError(f"values are not numbers: {dict(bad.astype(str))}")
        outside = numbers[(numbers < edges[0]) | (numbers > edges[-1])]
        if len(outside):
            raise ValueError(f"values outside the bins {edges[0]:g} to {edges[-1]:g}: "
                             f"{dict(outside.astype(float))}")
        positions = pd.Series(
            np.clip(np.searchsorted(edges, numbers.to_numpy(float), side="right") - 1,
                    0, len(edges) - 2),
            index=numbers.index,
        )
        names = list(labels) if labels is not None else [
            f"{a:g} to <{b:g}" if i < len(edges) - 2 else f"{a:g} to {b:g}"
            for i, (a, b) in enumerate(zip(edges, edges[1:], strict=False))
        ]
        keys = names
    if len(names) != len(keys):
        raise ValueError(f"{len(names)} labels for {len(keys)} classes")
    if len(keys) > len(charts.HATCHES):
        raise ValueError(f"at most {len(charts.HATCHES)} classes (one hatch each), got {len(keys)}")
    fills = _class_colors(keys, names, colors, ordered=bins is not None)
    classes = pd.Series(pd.NA, index=values.index, dtype="string")
    classes[positions.index] = [names[int(p)] for p in positions]
    legend = [(name, fills[i], charts.HATCHES[i]) for i, name in enumerate(names)]
    return classes, legend


def _class_colors(keys, names, colors, ordered: bool) -> list[str]:
    n = len(keys)
    if colors is None:
        if ordered:
            return [to_hex(SEQUENTIAL(x)) for x in (np.linspace(0, 1, n) if n > 1 else [0.5])]
        if n > len(CATEGORY_COLORS):
            raise ValueError(f"{n} categories but {len(CATEGORY_COLORS)} default colours: "
                             "pass colors=")
        return CATEGORY_COLORS[:n]
    if isinstance(colors, Mapping):
        missing = [k for k, name in zip(keys, names, strict=True)
                   if k not in colors and name not in colors]
        if missing:
            raise ValueError(f"colors has no colour for {missing}")
        return [colors[k] if k in colors else colors[name]
                for k, name in zip(keys, names, strict=True)]
    colors = list(colors)
    if len(colors) < n:
        raise ValueError(f"{len(colors)} colours for {n} classes")
    return colors[:n]


def _check_values(values: pd.Series, known: set[str], where: str) -> None:
    if not isinstance(values, pd.Series):
        raise TypeError(f"values must be a pandas Series indexed by iso3, got {type(values)}")
    codes = [str(code) for code in values.index]
    repeated = sorted({c for c in codes if codes.count(c) > 1})
    if repeated:
        raise ValueError(f"values has iso3 codes more than once: {repeated}")
    unknown = sorted(set(codes) - known)
    if unknown:
        raise ValueError(f"unknown iso3 in values: {', '.join(repr(c) for c in unknown)} "
                         f"({where})")


def _legend(ax, legend, *, title, missing: bool, marker_note: bool, loc="lower left"):
    handles = [Patch(facecolor=color, edgecolor="#666666", hatch=hatch,
                     hatchcolor=_hatch_color(color), linewidth=0.6, label=label)
               for label, color, hatch in legend]
    if missing:
        handles.append(Patch(facecolor=NO_DATA, edgecolor="#666666", linewidth=0.6,
                             label="no data"))
    if marker_note:
        handles.append(Line2D([], [], marker="o", linestyle="", markersize=7,
                              markerfacecolor="white", markeredgecolor=INK,
                              markeredgewidth=0.8, label="island state (at its capital)"))
    return ax.legend(handles=handles, title=title, loc=loc, frameon=False, fontsize=9,
                     title_fontsize=9.5, handlelength=2.2, handleheight=1.4,
                     alignment="left", borderaxespad=0.2)


def _text_color(fill) -> str:
    return "white" if lightness(fill) < 55 else INK


def _border(fill) -> str:
    """White borders between countries, as on most news maps; a fill lighter than 3:1 on white
    (no data, pale classes) is outlined in its own hue, darker, so that it stands out."""
    if contrast_ratio(fill, "white") >= MARK_MIN_RATIO:
        return BORDER
    return charts.mark_colour(fill)


def _hatch_color(fill) -> str:
    return HATCH_ON_DARK if lightness(fill) < 40 else HATCH_COLOR


# --- map axes ---------------------------------------------------------------------------------

def new_map(extent: Sequence[float] = AFRICA_EXTENT, figsize=MAP_FIGSIZE):
    """A house-style figure whose axes are an equirectangular map of ``extent``.

    ``extent`` is (lon_min, lon_max, lat_min, lat_max) in degrees; the aspect is corrected by
    cos(middle latitude) (see the module docstring). Axes, ticks and gridlines are off.
    """
    lon0, lon1, lat0, lat1 = extent
    fig, ax = charts.new_figure(figsize=figsize)
    fig.subplots_adjust(top=0.86, bottom=0.05, left=0.02, right=0.98)
    ax.set_xlim(lon0, lon1)
    ax.set_ylim(lat0, lat1)
    ax.set_aspect(1 / math.cos(math.radians((lat0 + lat1) / 2)))
    ax.set_axis_off()
    return fig, ax


def draw_countries(ax, shapes: Mapping[str, list[np.ndarray]],
                   fills: Mapping[str, tuple[str, str]], default: str = CONTEXT) -> None:
    """Draw every shape: ``fills`` maps iso3 -> (colour, hatch); others get ``default``."""
    for iso3, rings in shapes.items():
        color, hatch = fills.get(iso3, (default, ""))
        vertices = np.concatenate(rings)
        codes = np.full(len(vertices), MplPath.LINETO, dtype=np.uint8)
        starts = np.cumsum([0] + [len(r) for r in rings[:-1]])
        codes[starts] = MplPath.MOVETO
        codes[starts + np.array([len(r) for r in rings]) - 1] = MplPath.CLOSEPOLY
        patch = ax.add_patch(PathPatch(
            MplPath(vertices, codes), facecolor=color, edgecolor=_border(color), linewidth=0.5,
            hatch=hatch or None, hatchcolor=_hatch_color(color),
            zorder=2 if iso3 in fills else 1,
        ))
        if iso3 not in fills:
            as_context(patch)  # a country without a value: the map's background


def great_circle_points(lat1: float, lon1: float, lat2: float, lon2: float,
                        n: int = 64) -> tuple[np.ndarray, np.ndarray]:
    """``n`` points (lats, lons in degrees) on the shorter great circle between two points.

    Spherical linear interpolation between the two unit vectors. The first and last points are
    exactly the inputs, except that longitudes are unwrapped (no jump at 180 degrees, so the
    line can be plotted as it is): an arc crossing the antimeridian ends at ``lon2 +/- 360``.

    >>> lats, lons = great_circle_points(0, 0, 0, 90, n=3)
    >>> (lats.round(6) + 0.0).tolist(), lons.round(6).tolist()
    ([0.0, 0.0, 0.0], [0.0, 45.0, 90.0])
    """
    if n < 2:
        raise ValueError(f"n must be at least 2 (the two endpoints), got {n}")
    a, b = _unit_vector(lat1, lon1), _unit_vector(lat2, lon2)
    omega = math.atan2(np.linalg.norm(np.cross(a, b)), float(np.dot(a, b)))
    t = np.linspace(0.0, 1.0, n)
    if omega < 1e-12:
        points = np.repeat(a[None, :], n, axis=0)
    elif math.pi - omega < 1e-9:
        raise ValueError(f"({lat1}, {lon1}) and ({lat2}, {lon2}) are antipodal: every great "
                         "circle through them is equally short")
    else:
        points = (np.sin((1 - t) * omega)[:, None] * a
                  + np.sin(t * omega)[:, None] * b) / math.sin(omega)
    lats = np.degrees(np.arcsin(np.clip(points[:, 2], -1.0, 1.0)))
    lons = np.degrees(np.unwrap(np.arctan2(points[:, 1], points[:, 0])))
    lons += 360.0 * round((lon1 - lons[0]) / 360.0)  # start from lon1 as given (e.g. 190 E)
    lats[0], lons[0], lats[-1] = lat1, lon1, lat2
    lons[-1] = lon2 + 360.0 * round((lons[-2] - lon2) / 360.0)
    return lats, lons


def _unit_vector(lat: float, lon: float) -> np.ndarray:
    phi, lam = math.radians(lat), math.radians(lon)
    return np.array([math.cos(phi) * math.cos(lam), math.cos(phi) * math.sin(lam),
                     math.sin(phi)])


def draw_great_circle(ax, lat1: float, lon1: float, lat2: float, lon2: float, n: int = 64,
                      **line_kw):
    """Plot the great-circle arc between two points on map axes; returns the Line2D."""
    lats, lons = great_circle_points(lat1, lon1, lat2, lon2, n=n)
    line_kw = {"color": charts.PALETTE["Russia"], "linewidth": 1.5, "zorder": 4, **line_kw}
    (line,) = ax.plot(lons, lats, **line_kw)
    return line


# --- the charts -------------------------------------------------------------------------------

def choropleth(values: pd.Series, *, categories: Sequence | None = None,
               bins: Sequence[float] | None = None, labels: Sequence[str] | None = None,
               colors: Sequence[str] | Mapping | None = None, title: str, subtitle: str,
               source: str, alt: str, legend_title: str | None = None,
               shapes: Mapping[str, list[np.ndarray]], islands: pd.DataFrame,
               africa: Sequence[str], extent: Sequence[float] = AFRICA_EXTENT,
               label_islands: bool = True):
    """A map of Africa with each country filled by its class; returns the Figure.

    ``values`` is indexed by iso3 (any country with a shape or an island marker; an unknown
    code raises ValueError naming it). Classes come from ``categories`` or ``bins`` (see
    :func:`classify`). African countries without a value are drawn as "no data"; countries
    outside Africa without a value are light grey context. The five island states are circles
    at their capitals. ``shapes``, ``islands`` and ``africa`` (the iso3 counted as Africa) are
    the geometry: pass ``**analysis.contract.geo.map_layers()``.
    """
    africa = set(africa)
    island_codes = set(islands["iso3"])
    _check_values(values, set(shapes) | island_codes,
                  "no shape in data/geo/naturalearth_africa.geojson and no marker in "
                  "data/geo/island_states.csv")
    classes, legend = classify(values, categories=categories, bins=bins, labels=labels,
                               colors=colors)
    style = {label: (color, hatch) for label, color, hatch in legend}
    fills = {iso3: style[label] for iso3, label in classes.dropna().items()}
    missing = bool(africa - set(fills))
    fig, ax = new_map(extent)
    draw_countries(ax, shapes, {**{c: (NO_DATA, "") for c in africa & set(shapes)}, **fills})
    for row in islands.itertuples(index=False):
        color, hatch = fills.get(row.iso3, (NO_DATA, ""))
        ax.scatter([row.lon], [row.lat], s=80, marker="o", facecolor=color, edgecolor=INK,
                   linewidth=0.8, hatch=hatch or None, zorder=5)
        if label_islands:
            left = row.iso3 in ISLAND_LABEL_LEFT
            ax.annotate(row.country, (row.lon, row.lat), xytext=(-7, 0) if left else (0, -7),
                        textcoords="offset points", ha="right" if left else "center",
                        va="center" if left else "top", fontsize=SMALL, color="#444444", zorder=5)
    _legend(ax, legend, title=legend_title, missing=missing, marker_note=True)
    return charts.finish(fig, title=title, subtitle=subtitle, source=source, alt=alt,
                         data=values.rename("value").rename_axis("iso3").to_frame())


def tile_grid_map(values: pd.Series, *, categories: Sequence | None = None,
                  bins: Sequence[float] | None = None, labels: Sequence[str] | None = None,
                  colors: Sequence[str] | Mapping | None = None, title: str, subtitle: str,
                  source: str, alt: str, grid: pd.DataFrame, legend_title: str | None = None):
    """Africa as one equal square per country, labelled with its iso3; returns the Figure.

    Every country gets the same area, so small states count as much as large ones: use it
    when the unit is the country, not the land. Countries of the grid without a value are "no
    data"; an iso3 in ``values`` that is not in the grid raises ValueError naming it. ``grid`` is
    :func:`analysis.contract.geo.load_tile_grid` (iso3, row, col).
    """
    _check_values(values, set(grid["iso3"]), "not a tile of data/africa_tile_grid.csv")
    classes, legend = classify(values, categories=categories, bins=bins, labels=labels,
                               colors=colors)
    style = {label: (color, hatch) for label, color, hatch in legend}
    fig, ax = charts.new_figure(figsize=TILE_FIGSIZE)
    fig.subplots_adjust(top=0.85, bottom=0.06, left=0.02, right=0.98)
    gap = 0.08
    missing = False
    for row in grid.itertuples(index=False):
        label = classes.get(row.iso3) if row.iso3 in classes.index else None
        if label is None or pd.isna(label):
            color, hatch, missing = NO_DATA, "", True
        else:
            color, hatch = style[label]
        x, y = int(row.col), -int(row.row)
        no_value = label is None or pd.isna(label)
        # A tile without a value is light grey: its outline makes it a mark that stands out
        # from the page (3:1) without reading as a class.
        edge = NO_DATA_EDGE if no_value else (
            _border(color) if _border(color) != BORDER else "none")
        ax.add_patch(Rectangle((x + gap / 2, y + gap / 2), 1 - gap, 1 - gap, facecolor=color,
                               edgecolor=edge, hatch=hatch or None,
                               hatchcolor=_hatch_color(color),
                               linewidth=1.0 if no_value else 0))
        ax.text(x + 0.5, y + 0.5, row.iso3, ha="center", va="center", fontsize=SMALL,
                fontweight="bold", color=_text_color(color),
                path_effects=[path_effects.withStroke(linewidth=3, foreground=color)])
    ax.set_xlim(grid["col"].min() - 0.1, grid["col"].max() + 1.1)
    ax.set_ylim(-grid["row"].max() - 0.1, -grid["row"].min() + 1.1)
    ax.set_aspect("equal")
    ax.set_axis_off()
    _legend(ax, legend, title=legend_title, missing=missing, marker_note=False)
    return charts.finish(fig, title=title, subtitle=subtitle, source=source, alt=alt,
                         data=values.rename("value").rename_axis("iso3").to_frame())
