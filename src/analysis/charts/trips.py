"""Charts of Lavrov's three tours: a route map and a Gantt-style calendar, in the house style.

Both receive DataFrames (the itinerary from :func:`analysis.subjects.trips.load_trips`, its legs
from :func:`analysis.subjects.trips.leg_distances`, events from
:func:`analysis.subjects.events.load_events`) and return a Figure finished by
:func:`analysis.charts.finish`; they load nothing but the map geometry.

Each tour keeps one colour, one line style, one marker and one hatch in both charts
(:data:`TOUR_STYLES`), so the tours stay apart in greyscale print: the colours differ in lightness
(CIE L* about 71, 46 and 13), not only in hue.

Editorial decisions a reviewer should check:

- **Days** are local calendar days as recorded. A stop's bar runs from its arrival day to its
  departure day, or to its talks day where no departure was reported (marked as such); a day is
  drawn whole, so a late-evening arrival fills its day.
- **Moscow legs** are an assumption (see :mod:`analysis.subjects.trips`): the map draws them thin,
  dotted and faint, and says so in the legend and at Moscow.
- **Events on the calendar** are those given, known to the day (a month or a year cannot be placed
  on a day calendar), inside the calendar's windows (:func:`calendar_segments`). Events that the
  story itself reports (they cite :data:`STORY_SOURCE_ID`) are drawn filled, others hollow.
"""

import textwrap

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from matplotlib.transforms import Bbox

from analysis import charts
from analysis.charts import maps
from analysis.charts.accessibility import as_context
from analysis.contract.partial_dates import period_bounds
from analysis.story import MOSCOW_LAT, MOSCOW_LON, STORY_DATE, STORY_SOURCE_ID

SMALL = charts.SMALL_PT  # the smallest text: 12.5 px at the 1x export

# One style per tour (see the module docstring). Okabe-Ito orange and blue, and the house ink;
# the orange (#E69F00) darkened to just 3.0:1 on white, so that lines, bars and markers stand
# out (analysis.charts.accessibility) and it stays 15 L* lighter than the blue for greyscale.
TOUR_STYLES = {
    1: {"color": "#c68900", "linestyle": "-", "marker": "o", "hatch": ""},
    2: {"color": "#0072B2", "linestyle": "--", "marker": "s", "hatch": "///"},
    3: {"color": charts.PALETTE["ink"], "linestyle": "-.", "marker": "^", "hatch": "\\\\\\"},
}
# The assumed legs to and from Moscow: thin, dotted and faint, so they read as less certain.
ASSUMED_STYLE = {"linestyle": ":", "linewidth": 1.1, "alpha": 0.55}
VISITED_FILL = "#cfcfcf"  # countries on a tour: a shade darker than the context grey
# The NYT story's id in data/sources.csv: events citing it are events the story reports.
# Labels sit on a white, slightly see-through box rather than a stroked halo: matplotlib draws
# stroked text as paths, several percent wider than the size it measures, which would defeat
# the overlap checks.
LABEL_BOX = {"boxstyle": "square,pad=0.12", "facecolor": "white", "edgecolor": "none",
             "alpha": 0.8}
LABEL_SIZE = SMALL
# Days shown either side of each tour on the calendar: enough for the events that framed the
# January tour (Mosi II announced 4 days before it), few enough to keep a day legible.
PAD_DAYS = 4
# Break the calendar's time axis only where it saves at least a month of empty days.
MIN_GAP_DAYS = 30
ROW_IN = 0.25  # calendar: inches per row (one stop)
SUBTITLE_AT = 1 - 0.895  # charts.finish puts the subtitle's top this fraction below the top
ROUTE_FIGSIZE = (7.5, 8.4)
ROUTE_WIDTH = 2.2  # points: the tours' arcs, heavy enough for the light orange in greyscale


def tour_style(trip) -> dict:
    """The style of tour ``trip`` (1-3); a ValueError names the tours that have one."""
    style = TOUR_STYLES.get(int(trip)) if str(trip).isdigit() else None
    if style is None:
        raise ValueError(f"no style for tour {trip}: styles exist for tours "
                         f"{sorted(TOUR_STYLES)}")
    return style


def _check_trips(trips: pd.DataFrame, needed: list[str]) -> None:
    if trips.empty:
        raise ValueError("the itinerary has no stops: nothing to draw")
    missing = [c for c in needed if c not in trips.columns]
    if missing:
        raise ValueError(f"the itinerary lacks columns {missing}")
    for trip in trips["trip"].unique():
        tour_style(trip)


def stop_spans(trips: pd.DataFrame) -> pd.DataFrame:
    """Per stop, the days it covers on the calendar: ``start`` (arrival day) and ``end`` (the
    departure day if reported, else the talks day, else the arrival day), both inclusive, with
    ``departure_known``. A stop without an arrival date raises ValueError naming it.

    >>> t = pd.DataFrame({"trip": [1], "stop": [1], "city": ["Addis Ababa"],
    ...     "arrival_date": pd.to_datetime(["2022-07-26"]),
    ...     "talks_date": pd.to_datetime(["2022-07-27"]), "departure_date": [pd.NaT]})
    >>> stop_spans(t)[["start", "end", "departure_known"]].astype(str).values.tolist()
    [['2022-07-26', '2022-07-27', 'False']]
    """
    frame = trips.sort_values(["trip", "stop"]).reset_index(drop=True)
    no_arrival = frame[frame["arrival_date"].isna()]
    if len(no_arrival):
        row = no_arrival.iloc[0]
        raise ValueError(f"trip {row['trip']}, stop {row['stop']} ({row['city']}) has no "
                         "arrival date: it cannot be placed on a calendar")
    last = frame["departure_date"].fillna(frame["talks_date"]).fillna(frame["arrival_date"])
    return frame.assign(start=frame["arrival_date"], end=last,
                        departure_known=frame["departure_date"].notna())


def _stop_dates(start: pd.Timestamp, end: pd.Timestamp) -> str:
    """'23-24 Jul' (an en dash), '26 Jan' for one day, '31 Jan-1 Feb' across months."""
    if start == end:
        return f"{start.day} {start:%b}"
    if start.month == end.month:
        return f"{start.day}\u2013{end.day} {end:%b}"
    return f"{start.day} {start:%b}\u2013{end.day} {end:%b}"


def tour_label(trips: pd.DataFrame, trip) -> str:
    """'Tour 1, 23-27 Jul 2022' from the first arrival to the last known day of the tour."""
    spans = stop_spans(trips)
    one = spans[spans["trip"] == trip]
    start, end = one["start"].min(), one["end"].max()
    if start.year != end.year:
        return f"Tour {trip}, {start.day} {start:%b %Y}\u2013{end.day} {end:%b %Y}"
    return f"Tour {trip}, {_stop_dates(start, end)} {end:%Y}"


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


# --- the calendar -----------------------------------------------------------------------------

def calendar_segments(trips: pd.DataFrame, story_date=STORY_DATE, pad_days: int = PAD_DAYS,
                      min_gap_days: int = MIN_GAP_DAYS) -> pd.DataFrame:
    """The date windows the calendar shows: each tour (and the story's date) padded by
    ``pad_days`` on both sides; windows at most ``min_gap_days`` apart are merged, with the
    days between them. Columns ``start``, ``end`` (inclusive days) and ``trips`` (the tours
    inside, a list).

    The calendar breaks its time axis between windows, so that months without travel do not
    squeeze the days with it; every window is drawn at the same scale (days per inch).

    >>> t = pd.DataFrame({"trip": [1, 2], "stop": [1, 1], "city": ["A", "B"],
    ...     "arrival_date": pd.to_datetime(["2022-07-23", "2023-01-23"]),
    ...     "talks_date": pd.to_datetime(["2022-07-24", "2023-01-23"]),
    ...     "departure_date": [pd.NaT, pd.NaT]})
    >>> calendar_segments(t, story_date=None, pad_days=2).astype(str).values.tolist()
    [['2022-07-21', '2022-07-26', '[1]'], ['2023-01-21', '2023-01-25', '[2]']]
    """
    if pad_days < 0:
        raise ValueError(f"pad_days must be 0 or more, got {pad_days}")
    spans = stop_spans(trips)
    pad = pd.Timedelta(days=pad_days)
    windows = [(g["start"].min() - pad, g["end"].max() + pad, [int(trip)])
               for trip, g in spans.groupby("trip", sort=True)]
    if story_date is not None:
        day = pd.Timestamp(story_date)
        windows.append((day - pad, day + pad, []))
    windows.sort(key=lambda w: w[0])
    merged = [list(windows[0])]
    for start, end, tours in windows[1:]:
        if (start - merged[-1][1]).days <= min_gap_days:
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][2] = merged[-1][2] + tours
        else:
            merged.append([start, end, tours])
    return pd.DataFrame(merged, columns=["start", "end", "trips"])


def calendar_events(events: pd.DataFrame, segments: pd.DataFrame,
                    story_source_id: str = STORY_SOURCE_ID, story_date=STORY_DATE
                    ) -> pd.DataFrame:
    """The events the calendar draws: known to the day and inside a window of ``segments``.

    Adds ``day`` (Timestamp), ``in_story`` (the event cites ``story_source_id``: the story
    reports it) and ``after_story`` (after ``story_date``). In date order.
    """
    if events.empty:
        return events.assign(day=pd.Series(dtype="datetime64[ns]"), in_story=False,
                             after_story=False)
    bounds = [period_bounds(d) for d in events["date"]]
    day = pd.Series([b[0] if b[0] == b[1] else pd.NaT for b in bounds], index=events.index,
                    dtype="datetime64[ns]")
    inside = pd.Series(False, index=events.index)
    for window in segments.itertuples():
        inside |= day.between(window.start, window.end)
    cites = [story_source_id in (ids if isinstance(ids, list) else str(ids).split(";"))
             for ids in events["source_ids"]]
    out = events.assign(day=day, in_story=cites,
                        after_story=day > pd.Timestamp(story_date) if story_date is not None
                        else False)
    return out.loc[inside].sort_values(["day", "event_id"], kind="stable").reset_index(drop=True)


def tour_calendar(trips: pd.DataFrame, events: pd.DataFrame, *, title: str, subtitle: str,
                  source: str, alt: str, story_date=STORY_DATE, story_label: str = "NYT story",
                  pad_days: int = PAD_DAYS, min_gap_days: int = MIN_GAP_DAYS,
                  story_source_id: str = STORY_SOURCE_ID,
                  width: float = 8.0):
    """A Gantt-style calendar: one bar per stop (arrival day to departure day, or to the talks
    day where no departure was reported, drawn with an open end), a dot on the day of the main
    talks, the story's date as a vertical line, and dated events for context below the tours.

    The time axis is broken between the windows of :func:`calendar_segments` (tours far apart
    in time), each drawn at the same scale; events outside every window are left out (see
    :func:`calendar_events` for the list drawn). Returns the Figure.
    """
    _check_trips(trips, ["trip", "stop", "country", "city", "arrival_date", "talks_date",
                         "departure_date"])
    spans = stop_spans(trips)
    segments = calendar_segments(trips, story_date, pad_days, min_gap_days)
    placed = calendar_events(events, segments, story_source_id, story_date)
    days = [(s.end - s.start).days + 1 for s in segments.itertuples()]
    labels, heights = _event_labels(placed, segments, inches_per_day=(width - 2.3) / sum(days))

    # Rows, top to bottom: the stops in order, then the events; an event's row grows with the
    # lines of its description.
    n_stops = len(spans)
    gap = 0.8 if len(placed) else 0.0
    y_stops = np.arange(n_stops, dtype=float)
    y_events = (n_stops + gap + np.concatenate([[0.0], np.cumsum(heights)[:-1]])
                + (np.asarray(heights) - 1) / 2) if len(placed) else np.array([])
    total_rows = n_stops + gap + sum(heights)

    # Inches: above the axes, the title and subtitle (placed by charts.finish at fixed fractions
    # of the height) and the window titles; below, the dates, the legend and the source line.
    bottom_in = 1.45  # legend, and room for a source line on two lines
    height = (bottom_in + ROW_IN * total_rows + 0.9) / (1 - SUBTITLE_AT)
    top_in = SUBTITLE_AT * height + 0.55
    with plt.rc_context(charts.STYLE):
        fig, axes = plt.subplots(1, len(days), sharey=True, figsize=(width, height),
                                 gridspec_kw={"width_ratios": days, "wspace": 0.06})
    axes = np.atleast_1d(axes)
    fig.subplots_adjust(left=2.1 / width, right=1 - 0.2 / width, top=1 - top_in / height,
                        bottom=bottom_in / height)
    for ax, seg in zip(axes, segments.itertuples(), strict=True):
        _window_axes(ax, seg.start, seg.end, total_rows)
        _draw_stops(ax, spans, y_stops, seg.start, seg.end)
        _draw_events(ax, placed, y_events, labels, seg.start, seg.end)
        if story_date is not None and seg.start <= pd.Timestamp(story_date) <= seg.end:
            _draw_story_date(ax, pd.Timestamp(story_date), story_label)
        for trip, g in spans.groupby("trip", sort=True):
            if trip != spans["trip"].iloc[0]:  # a thin rule between tours
                as_context(ax.axhline(y_stops[g.index[0]] - 0.5, color="#cccccc",
                                      linewidth=0.7, zorder=1))
        if len(placed):  # a darker one between the tours and the events
            as_context(ax.axhline(n_stops - 0.5 + gap / 2, color="#999999", linewidth=0.9,
                                  zorder=1))
    names = [f"{r.city}, {r.country}" for r in spans.itertuples()] + [
        f"{r.day.day} {r.day:%b}" for r in placed.itertuples()]
    axes[0].set_yticks(list(y_stops) + list(y_events), names, fontsize=SMALL)
    for tick in axes[0].get_yticklabels()[:n_stops]:
        tick.set_color(charts.PALETTE["ink"])
    for ax in axes[1:]:
        ax.tick_params(axis="y", left=False, labelleft=False)
    _break_marks(axes)
    fig.legend(handles=_calendar_legend(trips, spans, placed), loc="upper left",
               bbox_to_anchor=(0.01, (bottom_in - 0.38) / height), ncols=3, frameon=False,
               fontsize=SMALL, handlelength=1.6, columnspacing=1.2, borderaxespad=0, borderpad=0)
    return charts.finish(fig, title=title, subtitle=subtitle, source=source, alt=alt,
                         data=stop_spans(trips))


def _event_labels(placed: pd.DataFrame, segments: pd.DataFrame, inches_per_day: float):
    """Each event's wrapped text and side (``ha``), and its row height in rows.

    The text goes on the side of its marker with more room in its window, wrapped to fit it
    (at least 24 characters a line); an event after the story says so."""
    labels, heights = [], []
    for row in placed.itertuples():
        seg = segments[(segments["start"] <= row.day) & (segments["end"] >= row.day)].iloc[0]
        right = (seg.end - row.day).days + 0.5
        left = (row.day - seg.start).days + 0.5
        room_in = max(right, left) * inches_per_day - 0.15
        chars = max(24, int(room_in * 72 / (0.56 * LABEL_SIZE)))  # ~0.52 em a character, margin
        text = str(row.description)
        if row.after_story:
            text = text.rstrip(".") + " (after the story)."
        lines = textwrap.wrap(text, chars)
        labels.append(("\n".join(lines), "left" if right >= left else "right"))
        heights.append(max(1.0, 0.62 * len(lines) + 0.2))
    return labels, heights


def _window_axes(ax, start: pd.Timestamp, end: pd.Timestamp, total_rows: float) -> None:
    """One window of the calendar: days on x (a tick each Monday), rows on y, top down."""
    ax.set_xlim(mdates.date2num(start), mdates.date2num(end) + 1)
    ax.set_ylim(total_rows - 0.4, -0.6)
    ax.grid(False)
    ax.grid(True, axis="x", which="major", color="#e4e4e4", linewidth=0.8)
    ax.xaxis.set_major_locator(mdates.WeekdayLocator(byweekday=mdates.MO))
    ax.xaxis.set_minor_locator(mdates.DayLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%-d %b"))
    ax.tick_params(axis="x", labelsize=SMALL, length=3)
    ax.tick_params(axis="x", which="minor", length=1.5)
    ax.tick_params(axis="y", length=0)
    ax.set_title(_window_title(start, end), fontsize=9, color="#555555", loc="left", pad=4)
    for spine in ("left", "right", "top"):
        ax.spines[spine].set_visible(False)


def _draw_stops(ax, spans: pd.DataFrame, ys, start: pd.Timestamp, end: pd.Timestamp) -> None:
    """A bar per stop of the window (whole days), an open dashed end where the departure is not
    reported, and a dot on the talks day."""
    for row, y in zip(spans.itertuples(), ys, strict=True):
        if not start <= row.start <= end:
            continue
        style = tour_style(row.trip)
        x0, x1 = mdates.date2num(row.start), mdates.date2num(row.end) + 1
        ax.add_patch(Rectangle((x0, y - 0.32), x1 - x0, 0.64, facecolor=style["color"],
                               hatch=style["hatch"] or None, hatchcolor="white",
                               edgecolor=style["color"], linewidth=0.8, zorder=3))
        if not row.departure_known:
            ax.add_patch(Rectangle((x1, y - 0.32), 0.45, 0.64, facecolor="white",
                                   edgecolor=style["color"], linestyle=(0, (2, 1.5)),
                                   linewidth=0.9, zorder=3))
        if pd.notna(row.talks_date):
            ax.plot([mdates.date2num(row.talks_date) + 0.5], [y], **_TALKS_MARKER, zorder=4)


def _draw_events(ax, placed: pd.DataFrame, ys, labels, start, end) -> None:
    """A diamond per event of the window (filled if the story reports it) and its text."""
    for row, y, (text, side) in zip(placed.itertuples(), ys, labels, strict=True):
        if not start <= row.day <= end:
            continue
        x = mdates.date2num(row.day) + 0.5
        ax.plot([x], [y], **(_STORY_EVENT if row.in_story else _OTHER_EVENT), zorder=4)
        ax.annotate(text, (x, y), xytext=(6 if side == "left" else -6, 0),
                    textcoords="offset points", ha=side, va="center", fontsize=LABEL_SIZE,
                    color=charts.PALETTE["ink"], linespacing=1.05, bbox=LABEL_BOX, zorder=5,
                    annotation_clip=False)


def _draw_story_date(ax, day: pd.Timestamp, label: str) -> None:
    """A vertical line through the middle of the story's day, labelled above the axes."""
    x = mdates.date2num(day) + 0.5
    ax.axvline(x, color=charts.PALETTE["Russia"], linewidth=1.3, zorder=2)
    ax.annotate(f"{label}, {day.day} {day:%b}", (x, 1), xycoords=("data", "axes fraction"),
                xytext=(0, 3), textcoords="offset points", ha="center", va="bottom",
                fontsize=LABEL_SIZE, fontweight="bold",
                color=charts.mark_colour(charts.PALETTE["Russia"], minimum=4.5),  # text: 4.5:1
                annotation_clip=False)


def _calendar_legend(trips: pd.DataFrame, spans: pd.DataFrame, placed: pd.DataFrame) -> list:
    """Legend entries: the tours, the talks dot, and only the marks the chart uses."""
    handles = [Patch(facecolor=tour_style(t)["color"], hatch=tour_style(t)["hatch"] or None,
                     hatchcolor="white", edgecolor=tour_style(t)["color"],
                     label=tour_label(trips, t))
               for t in sorted(spans["trip"].unique())]
    handles.append(Line2D([], [], **_TALKS_MARKER, label="day of the main talks"))
    if not spans["departure_known"].all():
        handles.append(Patch(facecolor="white", edgecolor="#555555", linestyle=(0, (2, 1.5)),
                             label="departure not reported"))
    if placed["in_story"].any():
        handles.append(Line2D([], [], **_STORY_EVENT, label="event reported in the story"))
    if (~placed["in_story"].astype(bool)).any():
        handles.append(Line2D([], [], **_OTHER_EVENT, label="other event, for context"))
    return handles


_TALKS_MARKER = {"marker": "o", "ms": 4.2, "color": "white", "markeredgecolor": "#222222",
                 "markeredgewidth": 1.1, "linestyle": ""}
_STORY_EVENT = {"marker": "D", "ms": 5, "color": "#222222", "markeredgecolor": "#222222",
                "markeredgewidth": 1.1, "linestyle": ""}
_OTHER_EVENT = {**_STORY_EVENT, "color": "white"}


def _window_title(start: pd.Timestamp, end: pd.Timestamp) -> str:
    if start.year == end.year and start.month == end.month:
        return f"{start:%B %Y}"
    if start.year == end.year:
        return f"{start:%B}\u2013{end:%B %Y}"
    return f"{start:%B %Y}\u2013{end:%B %Y}"


def _break_marks(axes) -> None:
    """Short diagonal strokes where the time axis is broken between windows."""
    kw = {"marker": [(-1, -1.6), (1, 1.6)], "markersize": 8, "linestyle": "none",
          "color": "#555555", "mec": "#555555", "mew": 1, "clip_on": False}
    for left, right in zip(axes[:-1], axes[1:], strict=True):
        left.plot([1], [0], transform=left.transAxes, **kw)
        right.plot([0], [0], transform=right.transAxes, **kw)
