"""House-style chart of who hosted Wagner, and then Russia's defence-ministry Africa Corps, over
time: one row per country, a bar from the first report to the end (or to the as-of line where
no end is on record), the successor drawn in its own colour and hatch.

Like :mod:`analysis.charts`, the function receives the spans (``analysis.wagner.host_spans``),
loads nothing and returns a Figure finished with :func:`analysis.charts.finish`. What the
record does not say is drawn as such: a Wagner row whose status is not sourced after a date is
solid to that date and dotted to the as-of line; a withdrawal with no recorded day is a point
at the first report; an allegation is a hollow marker.
"""

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from analysis import charts
from analysis.charts.accessibility import as_context

WAGNER, CORPS = "Wagner", "Africa Corps"
COLOURS = {WAGNER: charts.PALETTE["Russia"], CORPS: charts.PALETTE["United States"]}
HATCH = {WAGNER: "", CORPS: "//"}
GREY = "#666666"
BAR = 0.36  # bar height, rows 1 apart; Wagner above the row's centre, Africa Corps below


def hosts_chart(spans: pd.DataFrame, *, as_of, story_date, title: str, subtitle: str,
                source: str, alt: str):
    """One row per country (in order of first report), Wagner and Africa Corps bars, a line at
    the story's date and one at ``as_of``. ``spans`` has the columns of ``host_spans``."""
    needed = {"country", "force", "status", "start", "end", "last_sourced"}
    if missing := needed - set(spans.columns):
        raise ValueError(f"hosts_chart: spans lack the columns {sorted(missing)}")
    as_of, story = pd.Timestamp(as_of), pd.Timestamp(story_date)
    order = list(dict.fromkeys(spans.sort_values("start", kind="stable")["country"]))
    fig, ax = charts.new_figure(figsize=(9, 0.5 * len(order) + 2.6))
    fig.subplots_adjust(top=1 - 1.25 / fig.get_figheight(), bottom=1.35 / fig.get_figheight(),
                        left=0.30, right=0.97)
    y = {c: len(order) - 1 - i for i, c in enumerate(order)}
    for _, s in spans.iterrows():
        force, row = s["force"], y[s["country"]]
        top = row + (BAR / 2 + 0.02 if force == WAGNER else -BAR / 2 - 0.02)
        start = mdates.date2num(s["start"])
        if force == WAGNER and s["status"] == "alleged":
            ax.plot(start, top, marker="o", markersize=8, markerfacecolor="white",
                    markeredgecolor=COLOURS[WAGNER], markeredgewidth=2, linestyle="none")
            continue
        if force == WAGNER and s["status"] == "withdrawn":
            ax.plot(start, top, marker="D", markersize=7, color=COLOURS[WAGNER],
                    linestyle="none")
            continue
        known = s["end"] if pd.notna(s["end"]) else min(s["last_sourced"], as_of)
        if force == CORPS and pd.isna(s["end"]):
            known = as_of  # a successor's presence is drawn to the as-of line (see docs)
        ax.barh(top, mdates.date2num(known) - start, left=start, height=BAR,
                color=COLOURS[force], hatch=HATCH[force], edgecolor="white", linewidth=0)
        if force == WAGNER and pd.isna(s["end"]) and s["last_sourced"] < as_of:
            ax.plot([mdates.date2num(known), mdates.date2num(as_of)], [top, top], color=GREY,
                    linestyle=(0, (1, 2)), linewidth=2)
    for day, label in ((story, f"The story, {story:%-d %b %Y} "),
                       (as_of, f"As of {as_of:%-d %b %Y} ")):
        as_context(ax.axvline(mdates.date2num(day), color=GREY, linewidth=1, linestyle="--"))
        ax.text(mdates.date2num(day), len(order) - 0.45, label, ha="right", va="bottom",
                fontsize=charts.SMALL_PT, color=charts.PALETTE["ink"])
    ax.set_yticks(list(y.values()), list(y.keys()))
    ax.set_ylim(-0.7, len(order) - 0.1)
    ax.xaxis_date()
    ax.xaxis.set_major_locator(mdates.YearLocator(2))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.grid(axis="y", visible=False)
    handles = [Patch(facecolor=COLOURS[WAGNER], label="Wagner, documented"),
               Line2D([], [], color=GREY, linestyle=(0, (1, 2)), linewidth=2,
                      label="Wagner, status not sourced since"),
               Line2D([], [], marker="D", color=COLOURS[WAGNER], linestyle="none",
                      label="Wagner, left before the story (day not recorded)"),
               Line2D([], [], marker="o", markerfacecolor="white", markeredgewidth=2,
                      markeredgecolor=COLOURS[WAGNER], linestyle="none",
                      label="Wagner, alleged only"),
               Patch(facecolor=COLOURS[CORPS], hatch=HATCH[CORPS], edgecolor="white",
                     label="Africa Corps (Russia's defence ministry)")]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.35, -0.09), ncol=2,
              fontsize=charts.SMALL_PT, frameon=False)
    data = spans.assign(**{c: spans[c].dt.strftime("%Y-%m-%d")
                           for c in ("start", "end", "last_sourced")})
    return charts.finish(fig, title=title, subtitle=subtitle, source=source, alt=alt,
                         data=data)
