"""House-style chart of Lavrov's trips to Africa over time, before and after the story: one row
per trip in date order, a bar as long as its African stops, the countries written beside it.

Like :mod:`analysis.charts`, the function receives the table (``analysis.trips.africa_travel``),
loads nothing and returns a Figure finished with :func:`analysis.charts.finish`. Nothing is said
by colour alone: the trips after the story are hatched as well as coloured, a multilateral
meeting is named in its row's label, and a rule with its own words marks the story.
"""

import pandas as pd

from analysis import charts
from analysis.charts.accessibility import as_context

BEFORE, AFTER = charts.PALETTE["Russia"], charts.PALETTE["United States"]
GREY = "#666666"


def _label(trip) -> str:
    """'Jul 2022 tour', 'May-Jun 2023 tour', 'Feb 2025 meeting'."""
    start, end = trip.start, trip.end if pd.notna(trip.end) else trip.start
    when = (f"{start:%b %Y}" if (start.year, start.month) == (end.year, end.month)
            else f"{start:%b}-{end:%b %Y}" if start.year == end.year
            else f"{start:%b %Y}-{end:%b %Y}")
    return f"{when} {'tour' if trip.kind == 'tour' else 'meeting'}"


def travel_chart(travel: pd.DataFrame, *, story_date, title: str, subtitle: str, source: str,
                 alt: str):
    """One row per trip (earliest at the top), a bar of ``african_stops``, the ``countries``
    beside it, and a rule between the story's trips and the later ones. ``travel`` has the
    columns of :func:`analysis.subjects.trips.africa_travel`."""
    needed = {"trip", "kind", "start", "end", "african_stops", "countries", "after_story"}
    if missing := needed - set(travel.columns):
        raise ValueError(f"travel_chart: travel lacks the columns {sorted(missing)}")
    frame = travel.sort_values("start", kind="stable").reset_index(drop=True)
    n = len(frame)
    fig, ax = charts.new_figure(figsize=(9, 0.5 * n + 2.4))
    fig.subplots_adjust(top=1 - 1.15 / fig.get_figheight(), bottom=1.0 / fig.get_figheight(),
                        left=0.22, right=0.97)
    y = [n - 1 - i for i in range(n)]
    for row, trip in zip(y, frame.itertuples(index=False), strict=True):
        after = bool(trip.after_story)
        ax.barh(row, trip.african_stops, height=0.6, color=AFTER if after else BEFORE,
                hatch="//" if after else "", edgecolor="white", linewidth=0)
        ax.text(trip.african_stops + 0.08, row, trip.countries, va="center", ha="left",
                fontsize=charts.SMALL_PT, color=charts.PALETTE["ink"])
    lowest_before = min((r for r, a in zip(y, frame["after_story"], strict=True) if not a),
                        default=None)
    if lowest_before is not None and lowest_before > 0:
        rule = lowest_before - 0.5
        as_context(ax.axhline(rule, color=GREY, linewidth=1, linestyle="--"))
        ax.text(9.9, rule + 0.08, f"The story, {pd.Timestamp(story_date):%-d %b %Y}: the tours "
                "it counted above, later trips below", ha="right", va="bottom",
                fontsize=charts.SMALL_PT, color=charts.PALETTE["ink"])
    ax.set_yticks(y, [_label(t) for t in frame.itertuples(index=False)])
    ax.set_xlim(0, 10)
    ax.set_xticks(range(0, 5))
    ax.set_xlabel("stops in Africa", loc="left")
    ax.set_ylim(-0.6, n - 0.4)
    ax.grid(axis="y", visible=False)
    data = frame.assign(start=frame["start"].dt.strftime("%Y-%m-%d"),
                        end=frame["end"].dt.strftime("%Y-%m-%d"))
    return charts.finish(fig, title=title, subtitle=subtitle, source=source, alt=alt,
                         data=data)
