"""The tables of a country page (notebook 10) as a reader sees them: headed in words, one row
per period or resolution named in its first column, figures rounded as the text states them.
They take the frames :mod:`analysis.subjects.country` computes and change no value; the
notebook asserts the values on those frames before it shows these.
"""

import pandas as pd

from analysis.subjects.country import percent_text

# A country's vote as a table cell.
VOTE_CELL = {"yes": "for", "no": "against", "abstain": "abstained", "absent": "did not vote",
             "abstain_or_absent": "abstained or did not vote", "unknown": "not sourced"}


def _day(value) -> str:
    """``2025-03-13`` -> ``'13 Mar 2025'``, with no-break spaces (a narrow column keeps a date
    on one line)."""
    day = pd.Timestamp(value)
    return f"{day.day}\u00a0{day:%b}\u00a0{day:%Y}"


def shares_display(shares: pd.DataFrame) -> pd.DataFrame:
    """:func:`analysis.subjects.country.shares_table` as the page shows it: the period as the
    row's name, the export it comes from, the TIV delivered by all suppliers and by Russia to
    0.1 million, Russia's share as the text states it, its rank ("none" where it delivered
    nothing), the number of suppliers and the largest.

    >>> s = pd.DataFrame([{"period": "2012-2021", "vintage": "2025-03-13",
    ...     "total_tiv_musd": 46.64, "russia_tiv_musd": 1.2, "share_pct": 2.57, "rank": 5,
    ...     "suppliers": 5, "largest": "Belarus"}, {"period": "2020-2024",
    ...     "vintage": "2025-03-13", "total_tiv_musd": 0.0, "russia_tiv_musd": 0.0,
    ...     "share_pct": None, "rank": None, "suppliers": 0, "largest": None}])
    >>> shares_display(s).to_dict("index")  # doctest: +NORMALIZE_WHITESPACE
    {'2012-2021': {'SIPRI export': '13\xa0Mar\xa02025', 'All suppliers (TIV, m)': 46.6,
                   'From Russia (TIV, m)': 1.2, "Russia's share": '3%', "Russia's rank": '5',
                   'Suppliers': 5, 'Largest supplier': 'Belarus'},
     '2020-2024': {'SIPRI export': '13\xa0Mar\xa02025', 'All suppliers (TIV, m)': 0.0,
                   'From Russia (TIV, m)': 0.0, "Russia's share": 'no imports',
                   "Russia's rank": 'none', 'Suppliers': 0, 'Largest supplier': 'none'}}
    """
    def rank(value) -> str:
        return "none" if value is None or pd.isna(value) else str(int(value))

    out = pd.DataFrame({
        "SIPRI export": [_day(v) for v in shares["vintage"]],
        "All suppliers (TIV, m)": shares["total_tiv_musd"].astype(float).round(1).to_numpy(),
        "From Russia (TIV, m)": shares["russia_tiv_musd"].astype(float).round(1).to_numpy(),
        "Russia's share": [percent_text(None if s is None or pd.isna(s) else float(s))
                           for s in shares["share_pct"]],
        "Russia's rank": [rank(r) for r in shares["rank"]],
        "Suppliers": shares["suppliers"].astype(int).to_numpy(),
        "Largest supplier": [s if isinstance(s, str) else "none" for s in shares["largest"]],
    }, index=shares["period"].to_numpy())
    return out.rename_axis(columns="Period")


def votes_display(table: pd.DataFrame) -> pd.DataFrame:
    """:func:`analysis.subjects.country.vote_comparison` as the page shows it: the resolution
    as the row's name, its date, the state's vote in words, Africa's 54 states by vote
    ("not sourced": not among the states named against, the vote not known) and the world's
    published tally.

    >>> t = pd.DataFrame([{"resolution": "A/RES/ES-11/7", "date": "2025-02-24",
    ...     "vote": "abstain_or_absent", "africa_yes": 13, "africa_abstain": 0,
    ...     "africa_absent": 0, "africa_abstain_or_absent": 32, "africa_no": 8,
    ...     "africa_unknown": 1, "global_yes": 93, "global_no": 18, "global_abstain": 65}])
    >>> [str(v) for v in votes_display(t).loc["ES-11/7"]]  # doctest: +NORMALIZE_WHITESPACE
    ['24\xa0Feb\xa02025', 'abstained or did not vote', '13', '8', '0', '0', '32', '1', '93',
     '18', '65']
    """
    out = pd.DataFrame({
        "Date": [_day(d) for d in table["date"]],
        "Its vote": [VOTE_CELL[str(v)] for v in table["vote"]],
        "Africa: for": table["africa_yes"].to_numpy(),
        "against": table["africa_no"].to_numpy(),
        "abstained": table["africa_abstain"].to_numpy(),
        "did not vote": table["africa_absent"].to_numpy(),
        "abstained or did not vote": table["africa_abstain_or_absent"].to_numpy(),
        "not sourced": table["africa_unknown"].to_numpy(),
        "World: for": table["global_yes"].to_numpy(),
        "World: against": table["global_no"].to_numpy(),
        "World: abstained": table["global_abstain"].to_numpy(),
    }, index=[str(r).replace("A/RES/", "") for r in table["resolution"]])
    return out.rename_axis(columns="Resolution")
