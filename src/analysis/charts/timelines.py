"""House-style charts for the Wagner and Mali notebooks: timelines at the precision dates are
known. The period comparisons (a dot chart, stacked imports) are in
:mod:`analysis.charts.comparisons`.

Like :mod:`analysis.charts`, every function receives DataFrames, loads nothing and returns a Figure
finished with :func:`analysis.charts.finish` (title, subtitle, source line, alt text). Categories
are told apart by marker shape and hatch as well as colour, so the charts survive greyscale
print and colour-vision deficiencies; every category is also named in a legend.

Partial dates (``2017``, ``2018-04``, ``2022-12-14``, as in ``data/events.csv`` and
``data/wagner_deployments.csv``) are drawn as what they are: a date known to the day is a point;
one known to the month or year is a bar spanning that month or year, with its label saying so.
Nothing is placed on an invented 1 January.

:func:`story_timeline` shapes events and Lavrov's trip stops into the rows the event timeline
draws; it computes nothing else.
"""

import textwrap
from collections.abc import Mapping, Sequence

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.colors import to_rgba
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from analysis import charts
from analysis.charts.accessibility import as_context
from analysis.contract.partial_dates import partial_date_precision, period_bounds
from analysis.story import STORY_DATE

SMALL = charts.SMALL_PT  # the smallest text: 12.5 px at the 1x export

INK = charts.PALETTE["ink"]
GREY = "#666666"
# Marker shapes, one per category in the order given; with the colour and the legend they keep
# categories apart without colour.
MARKERS = ["o", "s", "^", "D", "v", "P", "X", "h", "<", ">", "*"]
# Colours for the statuses of data/wagner_deployments.csv (and "no report" for the map). Russia's
# vermillion marks confirmed deployments. The "after the story" class is a pale tint of the
# palette's pink (CIE L* 81, between "no report" at 88 and the other classes at 54-71), so that a
# large, weakly sourced, later allegation (DR Congo) does not dominate a map of what was known.
STATUS_COLORS = {
    "no report": "#dcdcdc",
    "confirmed": charts.PALETTE["Russia"],
    "withdrawn": charts.PALETTE["sky"],
    "alleged": charts.PALETTE["China"],  # Okabe-Ito orange; no China meaning here
    "alleged after the story": "#e7bdd6",
}
# Colours for event categories, grouped by actor so the eye finds threads: France's operations
# and withdrawal in France's green, Russia's deliveries and Lavrov in Russia's vermillion, the
# UN's findings in blue. Shapes (MARKERS) still tell every category apart.
EVENT_COLORS = {
    "coup": INK,
    "leadership": INK,
    "military operation": charts.PALETTE["France"],
    "withdrawal": charts.PALETTE["France"],
    "deployment": charts.PALETTE["sky"],
    "arms delivery": charts.PALETTE["Russia"],
    "Lavrov visit": charts.PALETTE["Russia"],
    "mass killing": charts.PALETTE["accent"],
    "UN finding": charts.PALETTE["United States"],
    "expulsion": charts.PALETTE["China"],
    "diplomacy": charts.PALETTE["other"],
    "sanctions": charts.PALETTE["other"],
    "exercise": charts.PALETTE["other"],
}
VISIT_CATEGORY = "Lavrov visit"

# Fixed distances in inches for tall figures: charts.finish places the title, subtitle and source
# at fractions of the figure height, tuned for the 4.8-inch house figure; here they are put back
# at the same distances from the edges whatever the height.


def date_label(value: str) -> str:
    """A partial ISO date as a reader writes it, at its precision.

    >>> [date_label(v) for v in ("2017", "2018-04", "2022-12-14")]
    ['2017', 'Apr 2018', '14 Dec 2022']
    """
    precision = partial_date_precision(value)
    start = period_bounds(value)[0]
    if precision == "year":
        return f"{start.year}"
    if precision == "month":
        return f"{start:%b %Y}"
    return f"{start.day} {start:%b %Y}"


def _finish(fig, *, title, subtitle, source, alt, data=None):
    """charts.finish (which places title, subtitle and source in inches from the edges)."""
    return charts.finish(fig, title=title, subtitle=subtitle, source=source, alt=alt, data=data)


def _check_columns(frame: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{what}: the frame lacks columns {missing}")
    if frame.empty:
        raise ValueError(f"{what}: the frame is empty, nothing to draw")


def _check_categories(values, categories: Sequence[str], what: str) -> None:
    unknown = sorted({str(v) for v in values} - set(categories))
    if unknown:
        raise ValueError(f"{what}: categories {unknown} are not among {list(categories)}")
    if len(categories) > len(MARKERS):
        raise ValueError(f"{what}: at most {len(MARKERS)} categories (one marker shape each)")


def _style(categories: Sequence[str], colors: Mapping[str, str]) -> dict:
    fallback = [charts.PALETTE[k] for k in ("United States", "China", "accent", "France", "sky",
                                            "other")]
    return {c: (colors.get(c, fallback[i % len(fallback)]), MARKERS[i])
            for i, c in enumerate(categories)}


# --- first reports, one row per country -------------------------------------------------------

def first_reports_chart(frame: pd.DataFrame, *, categories: Sequence[str], title: str,
                        subtitle: str, source: str, alt: str, label: str = "country",
                        date: str = "first_reported", category: str = "map_status",
                        reference: tuple[pd.Timestamp, str] | None = None,
                        colors: Mapping[str, str] | None = None):
    """When each row was first reported: one line per ``label``, earliest on top.

    ``date`` holds partial ISO dates: a day is a marker; a month or year is a bar spanning it
    with the marker at its middle, and the printed date says "(year only)" for years.
    ``category`` picks colour and marker shape from ``categories`` (legend order). ``reference``
    (a date and a label, e.g. the story's publication) is drawn as a dashed vertical line.
    """
    _check_columns(frame, [label, date, category], "first_reports_chart")
    _check_categories(frame[category], categories, "first_reports_chart")
    style = _style(categories, {**STATUS_COLORS, **(colors or {})})
    rows = frame.assign(_start=[period_bounds(str(v))[0] for v in frame[date]],
                        _end=[period_bounds(str(v))[1] + pd.Timedelta(days=1)
                              for v in frame[date]])
    rows = rows.sort_values(["_start", label], kind="stable").reset_index(drop=True)
    height = max(3.6, 0.42 * len(rows) + 2.3)
    fig, ax = charts.new_figure(figsize=(8, height))
    fig.subplots_adjust(left=0.25, right=0.97, top=1 - 1.35 / height, bottom=0.75 / height)
    ys = np.arange(len(rows))[::-1]
    for y, (_, row) in zip(ys, rows.iterrows(), strict=True):
        value, cat = str(row[date]), row[category]
        color, marker = style[cat]
        start, end = row["_start"], row["_end"]
        precision = partial_date_precision(value)
        if precision != "day":
            # a light tint inside, outlined in the hue (darkened where light) so it stands out
            ax.barh(y, end - start, left=start, height=0.42, color=to_rgba(color, 0.35),
                    edgecolor=charts.mark_colour(color),
                    hatch="//" if precision == "year" else None, linewidth=1)
        middle = start + (end - start) / 2
        ax.plot([middle], [y], marker=marker, color=color, markeredgecolor=INK, ms=8, mew=0.8,
                linestyle="", zorder=4)
        note = " (year only)" if precision == "year" else ""
        ax.annotate(date_label(value) + note, (mdates.date2num(end), y), xytext=(8, 0),
                    textcoords="offset points", va="center", fontsize=9, color=INK, zorder=5,
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
    ax.set_yticks(ys, ["\n".join(textwrap.wrap(str(v), 22)) for v in rows[label]], fontsize=10)
    first = rows["_start"].min()
    last = max(rows["_end"].max(), reference[0] if reference else rows["_end"].max())
    ax.set_xlim(pd.Timestamp(year=first.year, month=1, day=1) - pd.DateOffset(months=6),
                pd.Timestamp(year=last.year + 1, month=12, day=31))
    ax.set_ylim(-0.7, len(rows) - 0.3)
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.tick_params(axis="x", labelsize=9)
    ax.grid(False)
    ax.grid(True, axis="x", color="#eeeeee")
    if reference is not None:
        when, text = reference
        ax.axvline(pd.Timestamp(when), color=INK, lw=1, ls="--", zorder=3)
        ax.annotate(text, (mdates.date2num(pd.Timestamp(when)), len(rows) - 0.3),
                    xytext=(-4, -2), textcoords="offset points", ha="right", va="top",
                    fontsize=SMALL, color=INK, zorder=5,
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
    present = [c for c in categories if c in set(rows[category])]
    handles = [Line2D([], [], marker=style[c][1], color=style[c][0], markeredgecolor=INK,
                      linestyle="", ms=8, label=c) for c in present]
    handles.append(Patch(facecolor="#dddddd", edgecolor=GREY, hatch="//",
                         label="bar: date known to the year (or month) only"))
    ax.legend(handles=handles, frameon=False, fontsize=SMALL, ncols=3, loc="lower left",
              bbox_to_anchor=(-0.3, 1.0), handlelength=1.6, columnspacing=1.2)
    return _finish(fig, title=title, subtitle=subtitle, source=source, alt=alt,
                   data=frame)


# --- the event timeline -----------------------------------------------------------------------

def _and(names: list[str]) -> str:
    """``['a', 'b', 'c']`` -> ``'a, b and c'``."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def story_timeline(timeline: pd.DataFrame, trips: pd.DataFrame, iso3: str,
                   categories: Sequence[str], visit_category: str = VISIT_CATEGORY
                   ) -> pd.DataFrame:
    """Events of the given ``categories`` plus Lavrov's visits to ``iso3``, up to the last visit.

    ``timeline`` is :func:`analysis.subjects.events.timeline` output for the country; ``trips`` is
    :func:`analysis.subjects.trips.load_trips` output. Each stop in ``iso3`` becomes a day-precision
    row dated by its arrival, category ``visit_category``, described from the ``city`` and ``met``
    columns. Events after the last visit are dropped (the story is about the run-up to it).
    Returns ``event_id``, ``date``, ``date_precision``, ``date_start``, ``date_end``,
    ``category``, ``description``, ``after_story``, in date order.
    """
    _check_columns(timeline, ["event_id", "date", "date_precision", "date_start", "date_end",
                              "category", "description"], "story_timeline (events)")
    unknown = sorted(set(categories) - set(timeline["category"]) - {visit_category})
    if unknown:
        raise ValueError(f"story_timeline: no event of categories {unknown} in the timeline")
    stops = trips[trips["iso3"] == iso3]
    if stops.empty:
        raise ValueError(f"story_timeline: no trip stop in {iso3!r}: "
                         f"stops are in {sorted(set(trips['iso3']))}")
    visits = pd.DataFrame({
        "event_id": [f"{iso3.lower()}-lavrov-visit-{t}-{s}" for t, s in
                     zip(stops["trip"], stops["stop"], strict=True)],
        "date": stops["arrival_date"].dt.strftime("%Y-%m-%d").tolist(),
        "date_precision": "day",
        "date_start": stops["arrival_date"].to_numpy(),
        "date_end": stops["arrival_date"].to_numpy(),
        "category": visit_category,
        "description": [f"Sergey Lavrov lands in {city} and meets {_and(str(met).split('; '))}."
                        for city, met in zip(stops["city"], stops["met"], strict=True)],
    })
    until = visits["date_start"].max()
    kept = timeline[timeline["category"].isin(categories) & (timeline["date_start"] <= until)]
    cols = list(visits.columns)
    out = pd.concat([kept[cols], visits], ignore_index=True)
    out["after_story"] = out["date_start"] > STORY_DATE  # as analysis.events.timeline does
    return out.sort_values(["date_start", "event_id"], kind="stable").reset_index(drop=True)


def event_marks(timeline: pd.DataFrame, labels: Mapping[str, str]) -> pd.DataFrame:
    """Dates and short labels of chosen events, for ``marks=`` of :func:`supplier_bars_chart`.

    ``labels`` maps ``event_id`` -> the text to print. The date is the middle of the event's
    period (``date_start``..``date_end``): mid-December for an event known as "Dec 2021".

    >>> tl = pd.DataFrame({"event_id": ["mli-x-2021"], "date_start": [pd.Timestamp("2021-12-01")],
    ...                    "date_end": [pd.Timestamp("2021-12-31")]})
    >>> event_marks(tl, {"mli-x-2021": "arrives"}).to_dict("records")
    [{'date': Timestamp('2021-12-16 00:00:00'), 'label': 'arrives'}]
    """
    unknown = sorted(set(labels) - set(timeline["event_id"]))
    if unknown:
        raise ValueError(f"event_marks: unknown event_id {unknown}")
    rows = timeline.set_index("event_id").loc[list(labels)]
    middle = rows["date_start"] + (rows["date_end"] - rows["date_start"]) / 2
    return pd.DataFrame({"date": middle.dt.normalize().to_numpy(), "label": list(labels.values())})


def event_timeline_chart(frame: pd.DataFrame, *, categories: Sequence[str], title: str,
                         subtitle: str, source: str, alt: str,
                         colors: Mapping[str, str] | None = None, width: float = 8.0,
                         wrap: int = 80, reference: tuple[pd.Timestamp, str] | None = None):
    """A vertical timeline, earliest on top: one line per event, under a heading per year.

    ``frame`` needs ``date`` (partial ISO), ``date_start``, ``category`` and ``description``
    (e.g. :func:`story_timeline` output). Rows are evenly spaced, not to scale: the year
    headings carry the time, and a run of years without an event is named on the rail. The
    marker on the rail gives the category (shape and colour, named in the legend); it is hollow
    when the date is known only to the month or year. An event known only to the year comes
    first in its year, labelled "(year only)": its place in the list says nothing about its
    month. Descriptions wrap at ``wrap`` characters; the figure grows as tall as they need.
    ``reference`` (a date and a label, e.g. the story's publication) is drawn as a dashed line
    before the first event that starts after that date.
    """
    _check_columns(frame, ["date", "date_start", "category", "description"],
                   "event_timeline_chart")
    _check_categories(frame["category"], categories, "event_timeline_chart")
    style = _style(categories, {**EVENT_COLORS, **(colors or {})})
    rank = {"year": 0, "month": 1, "day": 2}  # within a day, the vaguer date first
    rows = (frame.assign(_rank=[rank[partial_date_precision(str(d))] for d in frame["date"]])
            .sort_values(["date_start", "_rank"], kind="stable").reset_index(drop=True))
    line_in, gap_in, head_gap_in = 0.17, 0.09, 0.40  # 8.5 pt text; between events; year heading
    items, y, previous = [], 0.0, None  # (kind, y in inches from the top, payload)
    pending = reference
    for _, row in rows.iterrows():
        if pending is not None and pd.Timestamp(row["date_start"]) > pd.Timestamp(pending[0]):
            items.append(("reference", y + 0.02, pending[1]))
            y += line_in + gap_in + 0.04
            pending = None
        year = pd.Timestamp(row["date_start"]).year
        if year != previous:
            if previous is not None and year - previous > 1:
                y += 0.05
                items.append(("gap", y, f"{previous + 1}-{year - 1}: no event shown"))
                y += line_in + 0.12
            items.append(("year", y + 0.05, str(year)))
            y += head_gap_in
            previous = year
        lines = textwrap.wrap(str(row["description"]), wrap) or [""]
        items.append(("event", y, (row, lines)))
        y += len(lines) * line_in + gap_in
    head_in, foot_in = 1.35, 0.40  # title, subtitle and legend above; source line below
    fig_h = y + head_in + foot_in
    fig, ax = charts.new_figure(figsize=(width, fig_h))
    fig.subplots_adjust(left=0.0, right=1.0, top=1 - head_in / fig_h, bottom=foot_in / fig_h)
    ax.set_xlim(0, width)
    ax.set_ylim(y, 0)
    ax.set_axis_off()
    x_rail, x_date, x_text = 0.45, 0.75, 2.1  # room for "2013 (year only)" at 9 pt
    rail_kw = {"color": "#bbbbbb", "lw": 1.2, "zorder": 1}
    as_context(ax.plot([x_rail, x_rail], [0, y], **rail_kw)[0])  # the time axis, not data
    for kind, yy, payload in items:
        if kind == "year":
            ax.text(x_rail - 0.05, yy, payload, ha="left", va="top", fontsize=10.5,
                    fontweight="bold", color=INK, zorder=3,
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.5})
        elif kind == "reference":
            ax.plot([x_rail - 0.25, width - 0.4], [yy + line_in / 2] * 2, color=INK, lw=0.9,
                    ls="--", zorder=2)
            ax.text(x_date, yy + line_in / 2, payload, ha="left", va="center", fontsize=SMALL,
                    color=INK, style="italic", zorder=3,
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 2})
        elif kind == "gap":
            for kw in ({"color": "white", "lw": 3}, {"color": "#999999", "lw": 1.2, "ls": ":"}):
                as_context(ax.plot([x_rail, x_rail], [yy - 0.05, yy + line_in + 0.05],
                                   zorder=2, **kw)[0])  # a break in the time axis
            ax.text(x_date, yy, payload, ha="left", va="top", fontsize=SMALL, color=GREY,
                    style="italic")
        else:
            row, lines = payload
            color, marker = style[row["category"]]
            precision = partial_date_precision(str(row["date"]))
            exact = precision == "day"
            ax.plot([x_rail], [yy + line_in / 2], marker=marker, ms=8, linestyle="",
                    color=color, mfc=color if exact else "white",
                    mec=charts.mark_colour(color) if not exact else INK,
                    mew=0.6 if exact else 1.8, zorder=4)
            when = date_label(str(row["date"])) + (" (year only)" if precision == "year"
                                                   else "")
            ax.text(x_date, yy, when, ha="left", va="top", fontsize=SMALL, fontweight="bold",
                    color=INK, linespacing=1.35)
            ax.text(x_text, yy, "\n".join(lines), ha="left", va="top", fontsize=SMALL,
                    color=INK, linespacing=1.35)
    present = [c for c in categories if c in set(rows["category"])]
    handles = [Line2D([], [], marker=style[c][1], color=style[c][0], markeredgecolor=INK,
                      mew=0.6, linestyle="", ms=7, label=c) for c in present]
    handles.append(Line2D([], [], marker="o", ms=7, mfc="white", mec=GREY, mew=1.8,
                          linestyle="", label="hollow: month or year only"))
    fig.legend(handles=handles, frameon=False, fontsize=SMALL, ncols=5, loc="upper left",
               bbox_to_anchor=(0.015, 1 - 0.68 / fig_h), handlelength=1.2, columnspacing=1.0)
    return _finish(fig, title=title, subtitle=subtitle, source=source, alt=alt,
                   data=frame)
