"""The Gantt-style calendar of Lavrov's tours, with the events around them (see
:mod:`analysis.charts.trips` for the editorial decisions)."""

import textwrap

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle

from analysis import charts
from analysis.charts.accessibility import as_context
from analysis.charts.tours import (
    LABEL_BOX,
    LABEL_SIZE,
    MIN_GAP_DAYS,
    PAD_DAYS,
    ROW_IN,
    SMALL,
    SUBTITLE_AT,
    _check_trips,
    stop_spans,
    tour_label,
    tour_style,
)
from analysis.contract.partial_dates import period_bounds
from analysis.story import STORY_DATE, STORY_SOURCE_ID

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
