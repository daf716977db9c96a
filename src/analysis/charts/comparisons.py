"""House-style charts that compare periods: a two-period dot chart (a country's share before and
after) and stacked yearly imports by supplier. They receive DataFrames, load nothing and return a
Figure finished with :func:`analysis.charts.finish`; categories are told apart by hatch as well
as colour. Notebooks reach them as ``comparison_charts`` (``from analysis import
comparison_charts``)."""

import textwrap

import numpy as np
import pandas as pd
from matplotlib.lines import Line2D

from analysis import charts
from analysis.charts.timelines import (
    GREY,
    INK,
    SMALL,
    _check_columns,
    _finish,
)

# --- two periods per row ----------------------------------------------------------------------

def dumbbell_chart(frame: pd.DataFrame, *, before_label: str, after_label: str, title: str,
                   subtitle: str, source: str, alt: str, label: str = "label",
                   before: str = "before_pct", after: str = "after_pct",
                   section: str | None = None, xlabel: str = "", fmt: str = "{:.0f}%",
                   missing_note: str = "no imports in {period}"):
    """A value in two periods per row: hollow circle = before, filled = after, joined by a line.

    Rows are drawn top to bottom in frame order; a change in the ``section`` column (if given)
    leaves a gap and a bold section heading. A missing value (NaN) is not drawn: the row says
    ``missing_note`` with the period's label instead.
    """
    cols = [label, before, after] + ([section] if section else [])
    _check_columns(frame, cols, "dumbbell_chart")
    rows = frame.reset_index(drop=True)
    ypos, heads, y = [], [], 0.0
    for i, row in rows.iterrows():
        if section and (i == 0 or row[section] != rows.loc[i - 1, section]):
            y += 0.9 if i else 0.4
            heads.append((y, str(row[section])))
            y += 0.75
        ypos.append(y)
        y += 1.0
    height = max(3.6, 0.34 * y + 1.9)
    fig, ax = charts.new_figure(figsize=(8, height))
    left, right = 0.33, 0.95
    fig.subplots_adjust(left=left, right=right, top=1 - 1.05 / height, bottom=0.8 / height)
    edge = -(left * 8 - 0.15) / ((right - left) * 8)  # 0.15 in from the figure's left edge
    values = pd.concat([rows[before], rows[after]]).astype("float64")
    hi = float(np.nanmax(values.to_numpy())) if values.notna().any() else 1.0
    ax.set_xlim(-0.08 * hi, hi * 1.12)
    for yy, row in zip(ypos, rows.itertuples(index=False), strict=True):
        b, a = getattr(row, before), getattr(row, after)
        b = None if pd.isna(b) else float(b)
        a = None if pd.isna(a) else float(a)
        if b is not None and a is not None:
            ax.plot([b, a], [yy, yy], color=charts.PALETTE["other"], lw=2, zorder=2)
        if b is not None:
            ax.plot([b], [yy], marker="o", ms=8, mfc="white", mec=INK, mew=1.3, zorder=3,
                    linestyle="")
        if a is not None:
            ax.plot([a], [yy], marker="o", ms=8, color=charts.PALETTE["Russia"], mec=INK,
                    mew=0.6, zorder=4, linestyle="")
        for value, other in ((b, a), (a, b)):
            if value is None or (value is b and a is not None and fmt.format(a) == fmt.format(b)):
                continue  # equal values as printed: label once
            left = other is not None and other > value
            ax.annotate(fmt.format(value), (value, yy), xytext=(-8 if left else 8, 0),
                        textcoords="offset points", ha="right" if left else "left",
                        va="center", fontsize=SMALL, color=INK)
        gaps = [p for p, v in ((before_label, b), (after_label, a)) if v is None]
        if gaps:
            shown = [v for v in (a, b) if v is not None]
            x = max(shown) if shown else 0.0
            ax.annotate(missing_note.format(period=" or ".join(gaps)), (x, yy),
                        xytext=(32 if shown else 0, 0), textcoords="offset points",
                        ha="left", va="center", fontsize=SMALL, color=GREY, style="italic")
    ax.set_yticks(ypos, [str(v) for v in rows[label]], fontsize=9.5)
    for yy, text in heads:
        ax.text(edge, yy, text, transform=ax.get_yaxis_transform(), ha="left", va="center",
                fontsize=9.5, fontweight="bold", color=INK)
    ax.set_ylim(y, -0.2)
    ax.grid(False)
    ax.grid(True, axis="x", color="#eeeeee")
    ax.set_xlabel(xlabel, fontsize=9)
    ax.tick_params(axis="x", labelsize=SMALL)
    handles = [Line2D([], [], marker="o", ms=8, mfc="white", mec=INK, mew=1.3, linestyle="",
                      label=before_label),
               Line2D([], [], marker="o", ms=8, color=charts.PALETTE["Russia"], mec=INK,
                      mew=0.6, linestyle="", label=after_label)]
    ax.legend(handles=handles, frameon=False, fontsize=9, ncols=2, loc="lower left",
              bbox_to_anchor=(edge, 1.0), borderaxespad=0, borderpad=0.2)
    return _finish(fig, title=title, subtitle=subtitle, source=source, alt=alt,
                   data=frame)


# --- imports by supplier and year -------------------------------------------------------------

def _fit_in_figure(note, label: str) -> None:
    """A label that would run past the figure's edges is broken onto two lines."""
    fig = note.get_figure()
    box = note.get_window_extent(fig.canvas.get_renderer())
    if box.x0 < fig.bbox.x0 or box.x1 > fig.bbox.x1 - 2:
        note.set_text("\n".join(textwrap.wrap(label, max(8, len(label) // 2 + 1))))


def supplier_bars_chart(wide: pd.DataFrame, *, title: str, subtitle: str, source: str, alt: str,
                        ylabel: str = "", marks: pd.DataFrame | None = None):
    """Stacked bars per year (index), one layer per supplier (columns), bottom layer first.

    Named suppliers keep their palette colour and hatch on every chart (Russia vermillion and
    plain, China orange and dotted...: :func:`analysis.charts.supplier_styles`); "all others" is
    grey; each layer has its own hatch. ``marks`` (columns ``date``, a Timestamp, and ``label``)
    adds dashed vertical lines at those dates, placed within the year's bar by day of year.
    """
    if wide.empty or not len(wide.columns):
        raise ValueError("supplier_bars_chart: the frame is empty, nothing to draw")
    years = [int(y) for y in wide.index]
    if years != list(range(years[0], years[0] + len(years))):
        raise ValueError("supplier_bars_chart: the index must be consecutive years "
                         "(reindex so that years without deliveries show as gaps)")
    fig, ax = charts.new_figure()
    fig.subplots_adjust(top=0.74)
    x = np.arange(len(years))
    bottom = np.zeros(len(years))
    styles = charts.supplier_styles(wide.columns)
    for col in wide.columns:
        values = wide[col].astype("float64").to_numpy()
        color, hatch = styles[col]
        ax.bar(x, values, bottom=bottom, width=0.72, color=color, label=str(col),
               hatch=hatch, hatchcolor="white",
               edgecolor=charts.mark_colour(color), linewidth=0.6)
        bottom = bottom + values
    step = 1 if len(years) <= 18 else 2
    ax.set_xticks(x[::step], [str(y) for y in years[::step]], fontsize=SMALL)
    ax.set_xlim(-0.7, len(years) - 0.3)
    ax.set_ylabel(ylabel)
    top = float(bottom.max()) if bottom.max() > 0 else 1.0
    ax.set_ylim(0, top * 1.18)
    if marks is not None and len(marks):
        for k, mark in enumerate(marks.sort_values("date").itertuples(index=False)):
            when = pd.Timestamp(mark.date)
            if not years[0] <= when.year <= years[-1]:
                raise ValueError(f"mark {mark.label!r} ({when:%Y-%m-%d}) is outside the years "
                                 f"{years[0]}-{years[-1]}")
            frac = (when.day_of_year - 0.5) / (366 if when.is_leap_year else 365)
            xm = years.index(when.year) - 0.5 + frac
            ax.axvline(xm, color=INK, lw=0.9, ls="--", zorder=3)
            left = k % 2 == 0  # alternate sides so neighbouring labels do not collide
            note = ax.annotate(mark.label, (xm, top * 1.12), xytext=(-4 if left else 4, 0),
                               textcoords="offset points", ha="right" if left else "left",
                               va="center", fontsize=SMALL, color=INK)
            _fit_in_figure(note, mark.label)
    ax.legend(frameon=False, fontsize=9, ncols=min(4, len(wide.columns)), loc="lower left",
              bbox_to_anchor=(0, 1.0))
    return charts.finish(fig, title=title, subtitle=subtitle, source=source, alt=alt,
                         data=wide)
