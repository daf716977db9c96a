"""House-style charts: a title that states the finding, a subtitle with measure and unit, a
left-aligned source line, few gridlines, colour-blind-safe colours, and alt text.

Chart functions receive DataFrames and return a :class:`matplotlib.figure.Figure`; they load
nothing. :func:`show` puts a figure in a notebook as a PNG with its alt text (nbconvert writes it
into the ``alt`` attribute) and closes it, so no ``<Figure size ...>`` repr reaches the output.
"""

import io

import matplotlib

matplotlib.use("Agg")  # charts are files and PNG outputs; no GUI anywhere

import matplotlib.pyplot as plt  # noqa: E402

from analysis.charts.colour import mark_colour  # noqa: E402

# Okabe & Ito (2008), "Color Universal Design": distinguishable with the common colour-vision
# deficiencies. Russia keeps one colour in every chart. Fills keep these hues; a line, marker
# or outline drawn in a hue lighter than 3:1 on white takes mark_colour() of it (same hue,
# darker), so that every mark stands out (analysis.charts.accessibility checks).
PALETTE = {
    "Russia": "#D55E00",
    "United States": "#0072B2",
    "China": "#E69F00",
    "France": "#009E73",
    "other": "#8a8a8a",  # Okabe-Ito grey #999999 darkened to 3.4:1 on white
    "accent": "#CC79A7",
    "sky": "#56B4E9",
    "yellow": "#F0E442",
    "ink": "#222222",
}
# Hatches so that series stay apart in greyscale print.
HATCHES = ["", "//", "..", "xx", "\\\\", "++", "oo", "--"]
# A named supplier keeps one fill and one hatch on every chart and every page (China is dotted
# orange on Mali's page and on Angola's); an unnamed one takes, by its position among the
# unnamed, a fill and a hatch no named supplier uses; "all others" is plain grey, cross-hatched.
SUPPLIER_HATCHES = {"Russia": "", "France": "//", "China": "..", "United States": "xx",
                    "all others": "--"}
_UNNAMED_FILLS = ["sky", "accent", "yellow"]
_UNNAMED_HATCHES = [h for h in HATCHES if h not in SUPPLIER_HATCHES.values()]


def supplier_styles(names) -> dict[str, tuple[str, str]]:
    """``{name: (fill colour, hatch)}`` for the layers of a chart, in the given order.

    >>> supplier_styles(["Ukraine", "China", "all others"])["China"] == (PALETTE["China"], "..")
    True
    >>> supplier_styles(["Ukraine", "Belarus"])["Belarus"]
    ('#CC79A7', '++')
    """
    styles, unnamed = {}, 0
    for name in names:
        if name in SUPPLIER_HATCHES:
            fill = PALETTE["other"] if name == "all others" else PALETTE[name]
            styles[name] = (fill, SUPPLIER_HATCHES[name])
        else:
            styles[name] = (PALETTE[_UNNAMED_FILLS[unnamed % len(_UNNAMED_FILLS)]],
                            _UNNAMED_HATCHES[unnamed % len(_UNNAMED_HATCHES)])
            unnamed += 1
    return styles
DPI = 100
# The smallest text any chart uses: 9 pt is 12.5 px at the 1x export (DPI), where 12 px is the
# floor (Chartability; analysis.charts.accessibility checks every text).
SMALL_PT = 9
FIGSIZE = (8, 4.8)
# Distances of title, subtitle (from the top) and source line (from the bottom), inches.
TITLE_IN, SUBTITLE_IN, SOURCE_IN = 0.17, 0.50, 0.10

STYLE = {
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.spines.left": False,
    "axes.grid": True,
    "axes.grid.axis": "y",
    "grid.color": "#dddddd",
    "grid.linewidth": 0.8,
    "axes.axisbelow": True,
    "axes.titlelocation": "left",
    "xtick.color": "#444444",
    "ytick.color": "#444444",
    "ytick.left": False,
    "figure.dpi": DPI,
    "savefig.dpi": DPI,
    "svg.hashsalt": "lavrov-mali",  # stable SVG ids: same input, same bytes
    "path.simplify": True,
}


def new_figure(figsize=FIGSIZE, **subplot_kw):
    """A figure and axes in the house style, room left above for title and subtitle."""
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=figsize, subplot_kw=subplot_kw or None)
    fig.subplots_adjust(top=0.80, bottom=0.16, left=0.10, right=0.97)
    return fig, ax


def finish(fig, *, title: str, subtitle: str, source: str, alt: str, data=None):
    """Title (the finding), subtitle (measure and unit), source line, alt text. Returns fig.

    ``data`` is the table the chart draws; the report build publishes it beside the chart.
    """
    if not alt.strip():
        raise ValueError("every chart needs alt text: describe what it shows")
    # Placed in inches from the edges, so tall and short figures get the same spacing.
    height = fig.get_figheight()
    _shrink_to_figure(fig.text(0.02, 1 - TITLE_IN / height, title, fontsize=14,
                               fontweight="bold", ha="left", va="top", color=PALETTE["ink"]),
                      smallest=10)
    _shrink_to_figure(fig.text(0.02, 1 - SUBTITLE_IN / height, subtitle, fontsize=10.5,
                               ha="left", va="top", color="#555555"), smallest=9)
    line = fig.text(0.02, SOURCE_IN / height, f"Source: {source}", fontsize=SMALL_PT,
                    ha="left", va="bottom", color="#555555")
    _wrap_to_figure(line)
    # matplotlib has no slot for these: read back by alt_text(), show() and the report build
    fig._house = {"title": title, "subtitle": subtitle, "source": source, "alt": alt,
                  "data": data}
    return fig


def _shrink_to_figure(text, smallest: float, margin: float = 0.02) -> None:
    """Make a one-line figure text (a title, a subtitle written from the data, such as a long
    country name) smaller, half a point at a time down to ``smallest``, until it ends inside the
    figure, ``margin`` from its right edge; ValueError, naming it, if it still does not fit."""
    fig = text.get_figure()
    renderer = fig.canvas.get_renderer()
    room = fig.bbox.width * (1 - 2 * margin)
    while text.get_window_extent(renderer).width > room:
        if text.get_fontsize() - 0.5 < smallest:
            raise ValueError(f"chart title or subtitle too long for the chart even at "
                             f"{smallest} pt: {text.get_text()!r} (shorten it)")
        text.set_fontsize(text.get_fontsize() - 0.5)


def _wrap_to_figure(text, margin: float = 0.02) -> None:
    """Break ``text`` (a figure text at x = ``margin``) between words so that every line ends
    inside the figure, ``margin`` from its right edge; lines are added upwards (va=bottom)."""
    fig = text.get_figure()
    renderer = fig.canvas.get_renderer()
    room = fig.bbox.width * (1 - 2 * margin)
    if text.get_window_extent(renderer).width <= room:
        return
    lines, current = [], ""
    for word in text.get_text().split(" "):
        trial = f"{current} {word}".strip()
        text.set_text(trial)
        if current and text.get_window_extent(renderer).width > room:
            lines.append(current)
            current = word
        else:
            current = trial
    text.set_text("\n".join([*lines, current]))


def alt_text(fig) -> str:
    """The alt text given to :func:`finish`."""
    return getattr(fig, "_house", {}).get("alt", "")


def png_bytes(fig, dpi: int = DPI) -> bytes:
    """The figure as PNG, without timestamps in its metadata (byte-stable)."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, metadata={"Software": None})
    return buf.getvalue()


def show(fig, slug: str | None = None):
    """Display ``fig`` in a notebook as PNG with alt text, then close it.

    Under ``make report`` the chart is also written to ``build/charts/`` (PNG 1x and 2x, SVG,
    alt text, data as CSV, title/subtitle/source as JSON), named after the notebook and
    ``slug`` (default: from the title).
    """
    from IPython.display import display

    from analysis.charts import export as chart_export

    house = getattr(fig, "_house", {})
    data = png_bytes(fig)
    where = chart_export.target(slug or chart_export.slugify(house.get("title", "chart")))
    if where is not None:
        chart_export.export_chart(fig, where[0], where[1], house.get("data"), alt_text(fig), DPI,
                                  png=data, about={k: house.get(k, "") for k in
                                                   ("title", "subtitle", "source")})
    alt = alt_text(fig)
    plt.close(fig)
    display({"image/png": data, "text/plain": f"[chart] {alt}"}, raw=True,
            metadata={"image/png": {"alt": alt}})


def _colour(name: str, i: int, highlight=None) -> str:
    if name == highlight:
        return PALETTE["Russia"]
    order = ["United States", "sky", "accent", "ink"]  # strong on white; no yellow lines
    return mark_colour(PALETTE.get(name, PALETTE[order[i % len(order)]]))


def line_chart(wide, *, title, subtitle, source, alt, highlight="Russia", ylabel="",
               markers=None, ylim=None, top_at_least=None):
    """One line per column of ``wide`` (index = x). ``highlight`` is drawn thicker.

    ``markers``: optional DataFrame with columns x, y, label, drawn as hollow points (e.g.
    SIPRI's published figures beside the computed line). ``top_at_least``: the axis reaches at
    least this value, from zero (a share of a few tenths of a percent is drawn near the floor of
    a 0-10% axis, not stretched over the whole height); ignored with ``ylim``.
    """
    fig, ax = new_figure()
    for i, col in enumerate(wide.columns):
        strong = col == highlight
        ax.plot(range(len(wide)), wide[col], color=_colour(col, i, highlight),
                lw=2.8 if strong else 1.6, ls="-" if strong or i % 2 == 0 else "--",
                label=str(col), marker="o", ms=4 if strong else 3)
    if markers is not None and len(markers):
        pos = {x: i for i, x in enumerate(wide.index)}
        ax.scatter([pos[x] for x in markers["x"]], markers["y"], s=60, facecolors="none",
                   edgecolors=PALETTE["ink"], linewidths=1.4, zorder=5,
                   label=markers["label"].iloc[0])
    ax.set_xticks(range(len(wide)), [str(x) for x in wide.index], rotation=0, fontsize=SMALL_PT)
    ax.set_ylabel(ylabel)
    if ylim:
        ax.set_ylim(*ylim)
    else:  # room at the top for the legend, which sits inside the axes: no line runs under it
        low, high = ax.get_ylim()
        if top_at_least is not None:
            low, high = min(low, 0.0), max(high, top_at_least)
        ax.set_ylim(low, high + 0.15 * (high - low))
    ax.legend(frameon=False, fontsize=9, ncols=min(3, len(wide.columns) + 1), loc="upper left",
              bbox_to_anchor=(0, 1.02))
    data = wide
    if markers is not None and len(markers):
        data = wide.join(markers.set_index("x")["y"].rename(markers["label"].iloc[0]))
    return finish(fig, title=title, subtitle=subtitle, source=source, alt=alt, data=data)


def hbar_chart(series, *, title, subtitle, source, alt, highlight=("Russia",), fmt="{:.0f}",
               annotate=None):
    """Horizontal bars, largest on top; ``highlight`` labels in Russia's colour, others grey.

    ``annotate``: optional dict label -> note printed after the value (e.g. "(Middle East)").
    """
    s = series.sort_values()
    fig, ax = new_figure(figsize=(8, max(3.2, 0.42 * len(s) + 1.8)))
    colours = [PALETTE["Russia"] if k in highlight else PALETTE["other"] for k in s.index]
    hatches = ["" if k in highlight else "//" for k in s.index]
    bars = ax.barh([str(k) for k in s.index], s.to_numpy(), color=colours, hatch=hatches,
                   edgecolor="white", hatchcolor="white")
    for bar, key, value in zip(bars, s.index, s.to_numpy(), strict=True):
        note = f" {annotate[key]}" if annotate and key in annotate else ""
        ax.text(bar.get_width(), bar.get_y() + bar.get_height() / 2, f" {fmt.format(value)}{note}",
                va="center", fontsize=9, color=PALETTE["ink"])
    ax.grid(False)
    ax.grid(True, axis="x", color="#eeeeee")
    ax.set_xlim(0, s.max() * 1.25)
    ax.tick_params(axis="x", labelsize=SMALL_PT)
    fig.subplots_adjust(left=0.25, top=1 - 1.25 / fig.get_figheight(),
                        bottom=0.75 / fig.get_figheight())
    return finish(fig, title=title, subtitle=subtitle, source=source, alt=alt,
                  data=series.to_frame())


def stacked_bar_chart(wide, *, title, subtitle, source, alt, ylabel=""):
    """Stacked vertical bars: index = x (e.g. year), one layer per column, hatched for print."""
    fig, ax = new_figure()
    bottom = None
    colours = [PALETTE["Russia"], PALETTE["sky"], PALETTE["yellow"], PALETTE["United States"],
               PALETTE["accent"], PALETTE["France"], PALETTE["other"]]
    x = [str(i) for i in wide.index]
    for i, col in enumerate(wide.columns):
        colour = PALETTE.get(col, colours[i % len(colours)])  # Russia, France... keep theirs
        ax.bar(x, wide[col], bottom=bottom, label=str(col), color=colour,
               hatch=HATCHES[i % len(HATCHES)], hatchcolor="white",
               edgecolor=mark_colour(colour), linewidth=0.8,
               width=0.7)
        bottom = wide[col] if bottom is None else bottom + wide[col]
    ax.set_ylabel(ylabel)
    ax.legend(frameon=False, fontsize=9, ncols=min(4, len(wide.columns)), loc="upper left",
              bbox_to_anchor=(0, 1.02))
    return finish(fig, title=title, subtitle=subtitle, source=source, alt=alt, data=wide)


def bars_with_total(frame, x, bar, total, *, bar_label, total_label, title, subtitle, source,
                    alt, ylabel=""):
    """Bars for one series (e.g. Russia) and a line for the total it is part of."""
    fig, ax = new_figure()
    xs = frame[x].astype(str).tolist()
    ax.bar(xs, frame[bar], color=PALETTE["Russia"], label=bar_label, width=0.7)
    ax.plot(xs, frame[total], color=PALETTE["ink"], lw=1.6, ls="--", marker="o", ms=3,
            label=total_label)
    step = max(1, len(xs) // 12)
    ax.set_xticks(range(0, len(xs), step), xs[::step], fontsize=SMALL_PT)
    ax.set_ylabel(ylabel)
    ax.legend(frameon=False, fontsize=9, loc="upper left", bbox_to_anchor=(0, 1.02), ncols=2)
    return finish(fig, title=title, subtitle=subtitle, source=source, alt=alt,
                  data=frame[[x, bar, total]])
