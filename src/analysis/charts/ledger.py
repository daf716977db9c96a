"""The fact-check ledger drawn and styled: verdict counts as a chart, the ledger as a table.

Verdicts never rely on colour alone: every verdict keeps a symbol and its word
(:data:`analysis.claims.ledger.SYMBOLS`) beside its colour, and bars also differ by hatch, so the
chart and the table read the same in greyscale and to colour-blind readers. Colours are Okabe &
Ito's (see :mod:`analysis.charts`). Both functions receive DataFrames and load nothing.
"""

import pandas as pd
from matplotlib.ticker import MaxNLocator

from analysis import charts
from analysis.claims.verdict import SYMBOLS, VERDICTS

SMALL = charts.SMALL_PT  # the smallest text: 12.5 px at the 1x export

VERDICT_COLOURS = {
    "supported": "#009E73",  # Okabe-Ito bluish green
    "partly supported": "#E69F00",  # orange
    "not supported": "#D55E00",  # vermillion
    "not checkable": charts.PALETTE["other"],  # grey
}
# Light tints of the same colours for table cells, dark enough to tell apart, light enough for
# black text to keep a contrast ratio above 10:1.
VERDICT_TINTS = {
    "supported": "#cdeee3",
    "partly supported": "#fbe7bf",
    "not supported": "#f8d5c0",
    "not checkable": "#e8e8e8",
}
VERDICT_HATCHES = {"supported": "", "partly supported": "//", "not supported": "xx",
                   "not checkable": ".."}
TABLE_UUID = "ledger"  # fixed, so the table's HTML is the same on every run


def verdict_label(verdict: str) -> str:
    """``'supported'`` -> ``'✓ supported'``: symbol and word, never colour alone."""
    return f"{SYMBOLS[verdict]} {verdict}"


def verdict_chart(counts: pd.DataFrame, *, title: str, subtitle: str, source: str, alt: str):
    """Horizontal bars of claims per verdict, in the order of :data:`VERDICTS` (top first).

    ``counts`` has the columns ``verdict`` and ``claims``
    (:func:`analysis.claims.ledger.count_verdicts`); a verdict missing from it is drawn as zero.
    Each bar carries its symbol, word and count.
    """
    unknown = set(counts["verdict"]) - set(VERDICTS)
    if unknown:
        raise ValueError(f"verdicts {sorted(unknown)} are not in {list(VERDICTS)}")
    n = counts.set_index("verdict")["claims"].reindex(list(VERDICTS), fill_value=0)
    fig, ax = charts.new_figure(figsize=(8, 3.6))
    ys = list(range(len(n)))[::-1]
    for y, (verdict, value) in zip(ys, n.items(), strict=True):
        colour = VERDICT_COLOURS[verdict]  # outlined in its own hue, darker where it is light
        ax.barh(y, value, color=colour, hatch=VERDICT_HATCHES[verdict], hatchcolor="white",
                edgecolor=charts.mark_colour(colour), linewidth=0.8, height=0.7)
        ax.text(value, y, f" {value}", va="center", fontsize=10, color=charts.PALETTE["ink"])
    ax.set_yticks(ys, [verdict_label(v) for v in n.index], fontsize=10)
    ax.grid(False)
    ax.grid(True, axis="x", color="#eeeeee")
    ax.set_xlim(0, max(1, n.max()) * 1.15)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.tick_params(axis="x", labelsize=SMALL)
    ax.set_xlabel("claims")
    fig.subplots_adjust(left=0.24, top=1 - 1.1 / 3.6, bottom=0.85 / 3.6)
    data = pd.DataFrame({"verdict": n.index, "claims": n.to_numpy()})
    return charts.finish(fig, title=title, subtitle=subtitle, source=source, alt=alt, data=data)


def ledger_styler(table: pd.DataFrame, verdict_column: str = "verdict"):
    """A pandas Styler of a readable ledger (:func:`analysis.claims.reading.readable_ledger`): the
    verdict cells and the symbol column before them tinted by verdict, text escaped, no index.

    The HTML is plain HTML and CSS (no scripts, nothing fetched) and the same on every run
    (fixed uuid).
    """
    if verdict_column not in table.columns:
        raise ValueError(f"the table has no {verdict_column!r} column")
    where = table.columns.get_loc(verdict_column)
    tinted = [c for c in table.columns[max(0, where - 1):where + 1]]

    def tint(column: pd.Series) -> list[str]:
        return [f"background-color: {VERDICT_TINTS.get(v, '#ffffff')}; font-weight: 600; "
                "white-space: nowrap"
                for v in table[verdict_column]]

    return (table.style.set_uuid(TABLE_UUID)
            .hide(axis="index")
            .format(escape="html")
            .apply(tint, subset=tinted)
            .set_properties(**{"text-align": "left", "vertical-align": "top"})
            .set_table_styles([{"selector": "th", "props": "text-align: left;"}]))
