"""The route map of Lavrov's tours: great-circle arcs between stops, labels placed so that none
overlaps another (see :mod:`analysis.charts.trips` for the editorial decisions)."""


import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.transforms import Bbox

from analysis import charts
from analysis.charts import maps
from analysis.charts.tours import (
    ASSUMED_STYLE,
    LABEL_BOX,
    LABEL_SIZE,
    ROUTE_FIGSIZE,
    ROUTE_WIDTH,
    SMALL,
    VISITED_FILL,
    _check_trips,
    _stop_dates,
    stop_spans,
    tour_label,
    tour_style,
)
from analysis.story import MOSCOW_LAT, MOSCOW_LON

# --- the route map ----------------------------------------------------------------------------

# The map geometry reaches about 60 E in full (data/geo/PROVENANCE.md): east of it Afghanistan
# and Pakistan are missing, so a map must not show land there.
GEOMETRY_EAST_LIMIT = 60.0
MAP_MARGIN_DEG = 6.0  # around the outermost stops, for markers and labels


def route_extent(lons, lats, axes_ratio: float,
                 margin: float = MAP_MARGIN_DEG) -> tuple[float, float, float, float]:
    """(lon_min, lon_max, lat_min, lat_max) around the points, widened west or east so that the
    map fills axes of ``axes_ratio`` (height / width, inches), never past
    :data:`GEOMETRY_EAST_LIMIT`.

    >>> route_extent([0, 10], [0, 10], axes_ratio=0.5)  # twice as wide as high: widened
    (-17.084036, 27.084036, -6.0, 16.0)
    """
    lon0, lon1 = min(lons) - margin, max(lons) + margin
    lat0, lat1 = min(lats) - margin, max(lats) + margin
    aspect = 1 / np.cos(np.radians((lat0 + lat1) / 2))
    wanted = (lat1 - lat0) * aspect / axes_ratio
    if wanted > lon1 - lon0:
        extra = wanted - (lon1 - lon0)
        lon1 = min(GEOMETRY_EAST_LIMIT, max(lon1, lon1 + extra / 2))
        lon0 = lon1 - wanted
    return (round(float(lon0), 6), round(float(lon1), 6), float(lat0), float(lat1))


def route_map(trips: pd.DataFrame, legs: pd.DataFrame, *, title: str, subtitle: str,
              source: str, alt: str, home: tuple[float, float] = (MOSCOW_LAT, MOSCOW_LON),
              shapes, home_label: str = "Moscow", extent=None, figsize=ROUTE_FIGSIZE):
    """The tours on a map: great-circle arcs between consecutive stops, stops labelled with city
    and dates (arrival to departure, or to the talks day where no departure was reported; see
    :func:`stop_spans`), the assumed legs to and from ``home`` (Moscow) thin, dotted and faint.

    ``legs`` is :func:`analysis.subjects.trips.leg_distances` (one row per leg, ``assumed_moscow``
    True for legs touching home): the map draws exactly those legs, and the legend gives each tour's
    great-circle kilometres between stops (legs not touching home). Legs are matched to stops by
    trip and city; a leg naming a city not on that tour raises ValueError. ``extent`` defaults to
    every stop and ``home`` with a margin. ``shapes`` are the country outlines
    (:func:`analysis.contract.geo.load_shapes`). Labels are placed so that none overlaps another
    label or a stop marker (see :func:`place_labels`).
    """
    _check_trips(trips, ["trip", "stop", "iso3", "city", "lat", "lon", "arrival_date"])
    spans = stop_spans(trips)
    home_lat, home_lon = home
    needed = {"trip", "from_city", "to_city", "assumed_moscow", "distance_km"}
    if legs.empty or not needed <= set(legs.columns):
        raise ValueError(f"legs must be analysis.trips.leg_distances output with columns "
                         f"{sorted(needed)}")
    draw_home = bool(legs["assumed_moscow"].any())
    lons = spans["lon"].astype(float).tolist() + ([home_lon] if draw_home else [])
    lats = spans["lat"].astype(float).tolist() + ([home_lat] if draw_home else [])
    box = {"top": 0.87, "bottom": 0.05, "left": 0.01, "right": 0.99}
    if extent is None:
        ratio = ((box["top"] - box["bottom"]) * figsize[1]) / ((box["right"] - box["left"])
                                                               * figsize[0])
        extent = route_extent(lons, lats, ratio)
    fig, ax = maps.new_map(extent, figsize=figsize)
    fig.subplots_adjust(**box)
    maps.draw_countries(ax, shapes, {iso3: (VISITED_FILL, "") for iso3 in spans["iso3"]})

    arcs = []  # display-independent: (lons, lats) of every arc, for the label placement
    handles = []
    for trip, stops in spans.groupby("trip", sort=True):
        style = tour_style(trip)
        where = {row.city: (float(row.lat), float(row.lon)) for row in stops.itertuples()}
        where[home_label] = (home_lat, home_lon)
        tour_legs = legs[legs["trip"] == trip]
        for leg in tour_legs.itertuples():
            unknown = [c for c in (leg.from_city, leg.to_city) if c not in where]
            if unknown:
                raise ValueError(f"legs: tour {trip} has a leg from {leg.from_city!r} to "
                                 f"{leg.to_city!r}, but {unknown[0]!r} is not a stop of it")
            (lat1, lon1), (lat2, lon2) = where[leg.from_city], where[leg.to_city]
            lats_arc, lons_arc = maps.great_circle_points(lat1, lon1, lat2, lon2, n=96)
            arcs.append((lons_arc, lats_arc))
            if leg.assumed_moscow:
                ax.plot(lons_arc, lats_arc, color=style["color"], zorder=3, **ASSUMED_STYLE)
            else:
                ax.plot(lons_arc, lats_arc, color=style["color"], linewidth=ROUTE_WIDTH,
                        linestyle=style["linestyle"], zorder=4)
        ax.scatter(stops["lon"].astype(float), stops["lat"].astype(float), s=46,
                   marker=style["marker"], color=style["color"], edgecolor=charts.PALETTE["ink"],
                   linewidth=0.7, zorder=6)
        within = tour_legs.loc[~tour_legs["assumed_moscow"].astype(bool), "distance_km"].sum()
        handles.append(Line2D([], [], color=style["color"], linestyle=style["linestyle"],
                              linewidth=ROUTE_WIDTH, marker=style["marker"], markersize=6,
                              markeredgecolor=charts.PALETTE["ink"], markeredgewidth=0.7,
                              label=f"{tour_label(trips, trip)}: {within:,.0f} km"))
    points = [(float(r.lon), float(r.lat)) for r in spans.itertuples()]
    texts = [f"{r.city}\n{_stop_dates(r.start, r.end)}" for r in spans.itertuples()]
    if draw_home:
        ax.scatter([home_lon], [home_lat], s=60, marker="*", color=charts.PALETTE["ink"],
                   zorder=6)
        points.append((home_lon, home_lat))
        texts.append(f"{home_label}\n(assumed start and end)")
        handles.append(Line2D([], [], color="#555555", **ASSUMED_STYLE,
                              label=f"Assumed legs from and back to {home_label}"))
    legend = ax.legend(handles=handles, loc="lower left", frameon=True, framealpha=0.92,
                       edgecolor="none", fontsize=SMALL, title="Great-circle km between stops",
                       title_fontsize=SMALL, alignment="left", borderaxespad=0.3,
                       handlelength=3.2)
    place_labels(ax, points, texts, arcs=arcs, avoid=[legend])
    return charts.finish(fig, title=title, subtitle=subtitle, source=source, alt=alt,
                         data=legs)


# Offsets (points) tried for each label, in order: right, left, above, below, then diagonals.
_CANDIDATES = [(7, 0, "left", "center"), (-7, 0, "right", "center"),
               (0, 7, "center", "bottom"), (0, -7, "center", "top"),
               (6, 6, "left", "bottom"), (-6, 6, "right", "bottom"),
               (6, -6, "left", "top"), (-6, -6, "right", "top"),
               (14, 0, "left", "center"), (-14, 0, "right", "center"),
               (0, 16, "center", "bottom"), (0, -16, "center", "top")]


def place_labels(ax, points, texts, arcs=(), avoid=(), fontsize: float = LABEL_SIZE) -> list:
    """Annotate each (lon, lat) in ``points`` with its text where it overlaps nothing.

    Greedy: for each label in turn, the first candidate offset (:data:`_CANDIDATES`) whose box
    overlaps no label placed so far, no marker, no artist of ``avoid`` (e.g. the legend) and
    stays inside the axes; among those that do,
    the one crossing fewest arc points. If every candidate collides, the least-overlapping one is
    kept (and :func:`label_overlaps` will report it). Returns the Text artists.
    """
    fig = ax.figure
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    to_display = ax.transData.transform
    marker_boxes = [Bbox.from_bounds(x - 4, y - 4, 8, 8)
                    for x, y in to_display(np.asarray(points, dtype=float))]
    arc_xy = (to_display(np.column_stack([np.concatenate([a[0] for a in arcs]),
                                          np.concatenate([a[1] for a in arcs])]))
              if len(arcs) else np.empty((0, 2)))
    frame = ax.get_window_extent(renderer)
    placed = [artist.get_window_extent(renderer) for artist in avoid]
    artists = []
    for i, ((x, y), text) in enumerate(zip(points, texts, strict=True)):
        best = None
        for dx, dy, ha, va in _CANDIDATES:
            artist = ax.annotate(text, (x, y), xytext=(dx, dy), textcoords="offset points",
                                 ha=ha, va=va, fontsize=fontsize, color=charts.PALETTE["ink"],
                                 linespacing=1.05, zorder=7, bbox=LABEL_BOX)
            box = _text_box(artist, renderer)
            others = placed + [b for j, b in enumerate(marker_boxes) if j != i]
            overlap = sum(_area(box, b) for b in others) + _outside(box, frame)
            on_arcs = int(((arc_xy[:, 0] > box.x0) & (arc_xy[:, 0] < box.x1)
                           & (arc_xy[:, 1] > box.y0) & (arc_xy[:, 1] < box.y1)).sum())
            score = (overlap, on_arcs)
            if best is None or score < best[0]:
                if best is not None:
                    best[1].remove()
                best = (score, artist, box)
            else:
                artist.remove()
            if overlap == 0 and on_arcs == 0:
                break
        placed.append(best[2])
        artists.append(best[1])
    return artists


def _text_box(text, renderer) -> Bbox:
    """A text's extent in pixels, with the white box's padding (LABEL_BOX pad x font size)."""
    pad = 0.12 * text.get_fontsize() * text.figure.dpi / 72 if text.get_bbox_patch() else 0.0
    return text.get_window_extent(renderer).padded(pad)


def _area(a: Bbox, b: Bbox) -> float:
    w = min(a.x1, b.x1) - max(a.x0, b.x0)
    h = min(a.y1, b.y1) - max(a.y0, b.y0)
    return max(w, 0.0) * max(h, 0.0)


def _outside(box: Bbox, frame: Bbox) -> float:
    return box.width * box.height - _area(box, frame)


def label_overlaps(fig) -> list[tuple[str, str]]:
    """Pairs of texts on the figure's axes whose boxes overlap (empty when all are legible)."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    texts = [t for ax in fig.axes for t in ax.texts if t.get_visible() and t.get_text()]
    boxes = [_text_box(t, renderer) for t in texts]
    return [(texts[i].get_text(), texts[j].get_text())
            for i in range(len(texts)) for j in range(i + 1, len(texts))
            if _area(boxes[i], boxes[j]) > 0]
