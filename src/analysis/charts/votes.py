"""Charts of how Africa voted at the UN General Assembly on Russia's invasion of Ukraine: a
country-by-resolution grid, and Africa's votes beside the rest of the world's.

Like every chart module, these receive DataFrames (from :mod:`analysis.subjects.un_votes`), load
nothing and return a Figure finished with :func:`analysis.charts.finish`. A vote is never told by
colour alone: each cell and segment carries its letter (Y, A, -, A-, N, ?) and the legend spells
them out. Colours pass the contrast bar of the house style: fills at least 3:1 against the white
page, letters at least 4.5:1 against their fill (white on dark fills, ink on light ones).
"""

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.patches import Patch, Rectangle

from analysis import charts

VOTE_ORDER = ["yes", "abstain", "absent", "abstain_or_absent", "no", "unknown"]
VOTE_LABELS = {"yes": "Yes (for the text)", "abstain": "Abstained", "absent": "Did not vote",
               "abstain_or_absent": "Abstained or did not vote", "no": "No (against)",
               "unknown": "Not known"}
VOTE_LETTERS = {"yes": "Y", "abstain": "A", "absent": "–", "abstain_or_absent": "A–", "no": "N",
                "unknown": "?"}
# Okabe-Ito blue for yes; a darkened vermillion for no (Russia's side), dark enough for white
# letters (4.6:1); reddish purple and grey for the two ways of not voting yes, light enough for
# ink letters (above 4.5:1) and dark enough against white (above 3:1), and a greyed mauve
# between them for a vote known to be one of the two but not which (4.9:1 and 3.3:1); white
# with a grey outline for a vote nobody could source.
VOTE_COLORS = {"yes": "#0072B2", "abstain": "#CC79A7", "absent": "#8C8C8C",
               "abstain_or_absent": "#AC8299", "no": "#C45100", "unknown": "#FFFFFF"}
INK = charts.PALETTE["ink"]
LETTER_COLORS = {"yes": "#FFFFFF", "abstain": INK, "absent": INK, "abstain_or_absent": INK,
                 "no": "#FFFFFF", "unknown": INK}
UNKNOWN_EDGE = "#767676"
CELL_IN = 0.19  # inches per country row in the grid
LETTER_SIZE = 9  # points: 12.5 px at the 1x export


def _legend(ax, votes, **kw):
    handles = [Patch(facecolor=VOTE_COLORS[v], edgecolor=UNKNOWN_EDGE if v == "unknown" else
                     VOTE_COLORS[v], label=f"{VOTE_LETTERS[v]}  {VOTE_LABELS[v]}") for v in votes]
    ax.legend(handles=handles, frameon=False, fontsize=9, **kw)


def vote_grid_chart(grid: pd.DataFrame, names: pd.Series, *, columns: dict, title: str,
                    subtitle: str, source: str, alt: str, after_story=()):
    """Every state (rows, in ``grid``'s order) by resolution (columns): one cell per vote.

    ``grid`` is :func:`analysis.subjects.un_votes.vote_grid` output, reordered as the chart
    should read; ``names`` maps iso3 to the country's name; ``columns`` maps each resolution
    symbol to its column label. Resolutions in ``after_story`` are set apart by a rule and
    labelled as later than the story.
    """
    unknown = set(grid.stack()) - set(VOTE_ORDER)
    if unknown:
        raise ValueError(f"votes not in {VOTE_ORDER}: {sorted(unknown)}")
    n_rows, n_cols = grid.shape
    height = n_rows * CELL_IN + 2.6
    fig, ax = charts.new_figure(figsize=(8, height))
    ax.grid(False)
    for r, iso3 in enumerate(grid.index):
        for c, symbol in enumerate(grid.columns):
            vote = grid.loc[iso3, symbol]
            edge = UNKNOWN_EDGE if vote == "unknown" else "white"
            ax.add_patch(Rectangle((c, -r - 1), 1, 1, facecolor=VOTE_COLORS[vote],
                                   edgecolor=edge, linewidth=0.8))
            ax.text(c + 0.5, -r - 0.5, VOTE_LETTERS[vote], ha="center", va="center",
                    fontsize=LETTER_SIZE, color=LETTER_COLORS[vote], fontweight="bold")
    later = [c for c, symbol in enumerate(grid.columns) if symbol in set(after_story)]
    if later:
        ax.axvline(min(later), color=charts.PALETTE["ink"], linewidth=1.6)
    ax.set_xlim(0, n_cols)
    ax.set_ylim(-n_rows, 0)
    labels = [columns[s] + ("\n(after the story)" if s in set(after_story) else "")
              for s in grid.columns]
    ax.set_xticks([c + 0.5 for c in range(n_cols)], labels, fontsize=9)
    ax.xaxis.tick_top()
    ax.tick_params(axis="x", length=0, colors=charts.PALETTE["ink"])
    ax.set_yticks([-r - 0.5 for r in range(n_rows)], [names[i] for i in grid.index], fontsize=9)
    ax.tick_params(axis="y", length=0, colors=charts.PALETTE["ink"])
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    present = [v for v in VOTE_ORDER if (grid == v).any().any()]
    _legend(ax, present, loc="upper left", bbox_to_anchor=(-0.45, -0.2 / height),
            ncols=len(present), handlelength=1.2, columnspacing=1.0)
    fig.subplots_adjust(left=0.36, right=0.98, top=1 - 1.45 / height, bottom=0.75 / height)
    data = grid.rename(columns=columns).rename_axis("iso3").reset_index()
    data.insert(1, "country", [names[i] for i in grid.index])
    return charts.finish(fig, title=title, subtitle=subtitle, source=source, alt=alt, data=data)


def bloc_shares_chart(shares: pd.DataFrame, *, columns: dict, title: str, subtitle: str,
                      source: str, alt: str):
    """Per resolution, two bars (Africa, the rest of the world) split by vote, in percent.

    ``shares`` is :func:`analysis.subjects.un_votes.africa_and_world` output. A bloc whose split
    cannot be computed (the rest of the world where African votes are unknown) is drawn as an
    empty outline and labelled so, never filled by guess.
    """
    blocs = ["Africa", "rest of the world"]
    order = list(columns)
    rows = [(s, b) for s in order for b in blocs]
    height = 0.42 * len(rows) + 2.4
    fig, ax = charts.new_figure(figsize=(8, height))
    ax.grid(False)
    ax.grid(True, axis="x", color="#eeeeee")
    y_labels = []
    for y, (symbol, bloc) in enumerate(rows):
        part = shares[(shares["resolution"] == symbol) & (shares["bloc"] == bloc)]
        y_pos = -y - (y // 2) * 0.5
        y_labels.append((y_pos, f"{columns[symbol]}: {bloc}" if bloc == "Africa" else bloc))
        if part["share"].isna().any():
            ax.barh(y_pos, 100, left=0, color="white", edgecolor=UNKNOWN_EDGE, height=0.8)
            ax.text(50, y_pos, "not computable: some African votes unknown", ha="center",
                    va="center", fontsize=9, color=charts.PALETTE["ink"])
            continue
        left = 0.0
        for vote in VOTE_ORDER:
            pct = 100 * float(part.loc[part["vote"] == vote, "share"].iloc[0])
            if pct <= 0:
                continue
            ax.barh(y_pos, pct, left=left, color=VOTE_COLORS[vote], height=0.8,
                    edgecolor=UNKNOWN_EDGE if vote == "unknown" else "white", linewidth=0.6)
            if pct >= 7:
                ax.text(left + pct / 2, y_pos, f"{VOTE_LETTERS[vote]} {pct:.0f}", ha="center",
                        va="center", fontsize=9, color=LETTER_COLORS[vote])
            left += pct
    ax.set_yticks([y for y, _ in y_labels], [t for _, t in y_labels], fontsize=9)
    ax.tick_params(axis="y", length=0, colors=charts.PALETTE["ink"])
    ax.set_xlim(0, 100)
    ax.set_xlabel("% of the bloc's UN member states (Africa 54, the rest of the world 139)",
                  fontsize=9, color=charts.PALETTE["ink"])
    ax.tick_params(axis="x", labelsize=9)
    present = [v for v in VOTE_ORDER if (shares.loc[shares["vote"] == v, "share"] > 0).any()]
    _legend(ax, present, loc="lower left", bbox_to_anchor=(-0.42, 1.0), ncols=len(present),
            handlelength=1.0, columnspacing=0.8)
    fig.subplots_adjust(left=0.32, right=0.97, top=1 - 1.3 / height, bottom=0.95 / height)
    data = (shares.assign(pct=(100 * shares["share"]).round(1))
            .pivot_table(index=["resolution", "bloc"], columns="vote", values="pct",
                         dropna=False)
            .reindex(columns=present).reset_index())
    data.columns.name = None
    return charts.finish(fig, title=title, subtitle=subtitle, source=source, alt=alt, data=data)


# Order of the segments in the chart of votes against: Russia's side first, then the other
# known votes, the unknown last.
AGAINST_ORDER = ["no", "absent", "abstain_or_absent", "abstain", "yes", "unknown"]


def votes_against_chart(counts: pd.DataFrame, resolutions: pd.DataFrame, *, title: str,
                        subtitle: str, source: str, alt: str):
    """Per resolution, in date order from the top, Africa's 54 states as one bar split by vote,
    the votes against first; each bar's label gives the no votes and the world's yes votes.

    ``counts`` is :func:`analysis.subjects.un_votes.votes_by_resolution` output (rows: the
    resolution symbols; columns: the vote categories and ``states``); ``resolutions`` is
    ``load_table("unga_resolutions")`` (symbol, short_title, date, global_yes). Unknown votes
    are drawn as an outlined white segment with a question mark, never spread over the others.
    """
    missing = set(counts.index) - set(resolutions["symbol"])
    if missing:
        raise ValueError(f"resolutions not in unga_resolutions: {sorted(missing)}")
    res = resolutions.set_index("symbol").loc[list(counts.index)].sort_values("date")
    n = len(res)
    present = [v for v in AGAINST_ORDER if counts[v].sum() > 0]
    legend_rows = 1 if len(present) <= 5 else 2  # six labels do not fit on one line
    height = 0.62 * n + 2.6 + 0.25 * (legend_rows - 1)
    fig, ax = charts.new_figure(figsize=(8, height))
    ax.grid(False)
    ax.grid(True, axis="x", color="#eeeeee")
    labels = []
    for y, (symbol, r) in enumerate(res.iterrows()):
        row = counts.loc[symbol]
        left = 0
        for vote in AGAINST_ORDER:
            k = int(row[vote])
            if k == 0:
                continue
            ax.barh(-y, k, left=left, color=VOTE_COLORS[vote], height=0.72,
                    edgecolor=UNKNOWN_EDGE if vote == "unknown" else "white", linewidth=0.6)
            if k >= 4:
                ax.text(left + k / 2, -y, f"{VOTE_LETTERS[vote]} {k}", ha="center", va="center",
                        fontsize=9, color=LETTER_COLORS[vote])
            left += k
        when = pd.Timestamp(r["date"])
        labels.append(f"{symbol.replace('A/RES/', '')}, {when:%b %Y}: {int(row['no'])} against"
                      f"\nworld: {int(r['global_yes'])} of 193 for")
    ax.set_yticks([-y for y in range(n)], labels, fontsize=9)
    ax.tick_params(axis="y", length=0, colors=charts.PALETTE["ink"])
    ax.set_xlim(0, int(counts["states"].max()))
    ax.set_xlabel("African UN member states (54)", fontsize=9, color=charts.PALETTE["ink"])
    ax.tick_params(axis="x", labelsize=9)
    _legend(ax, present, loc="lower left", bbox_to_anchor=(-0.36, 1.0),
            ncols=-(-len(present) // legend_rows), handlelength=1.0, columnspacing=0.8)
    fig.subplots_adjust(left=0.30, right=0.97, top=1 - (1.3 + 0.25 * (legend_rows - 1)) / height,
                        bottom=0.95 / height)
    data = counts[AGAINST_ORDER + ["states"]].copy()
    data.insert(0, "date", res.loc[data.index, "date"].dt.strftime("%Y-%m-%d"))
    data["world_yes"] = res.loc[data.index, "global_yes"].astype(int)
    data = data.rename_axis("resolution").reset_index()
    return charts.finish(fig, title=title, subtitle=subtitle, source=source, alt=alt, data=data)


plt.rcParams.update(charts.STYLE)
