"""One African state at a time: Russia's share of its major arms, Wagner, its UN votes, Lavrov's
visits, its dated events and the story's claims that name it (notebook 10, one page a country).

Everything here receives DataFrames the caller loaded and returns new ones (or plain values for
the sentences). Editorial decisions a reviewer should check:

- **The states** are the 54 African UN members of ``data/unga_votes.csv``; an ``iso3`` outside
  them is refused (:func:`check_iso3`), naming the parameter.
- **Imports** are the rows of ``data/derived/sipri_africa_annual.csv`` whose ``iso3`` is the
  country: deliveries to an armed group on its territory count there (``Libya HoR*`` is Libya),
  as in :mod:`analysis.subjects.wagner_arms`. TIV is SIPRI's volume of major arms, not money;
  the yearly split is an estimate (each deal spread evenly over its delivery years).
- **A share** is the supplier's TIV over all suppliers' TIV to the country in the period (both
  ends included, ``unknown supplier(s)`` in the denominator), in percent; a country with no
  recorded imports in a period has no share (None), never 0.
- **A period is computed only from the vintages that cover its last year**: the 2024-10-13
  export stops at 2023, so 2020-2024 comes from the 2025-03-13 export alone.
- **Claims** bear on a country when the claim or its notes in ``data/claims.csv`` name it
  (the longest country name wins: "South Sudan" is not "Sudan", "Guinea-Bissau" not "Guinea").
"""

import re
from collections.abc import Sequence

import pandas as pd

from analysis.contract.errors import DataError

RUSSIA = "Russia"
STORY_DECADE = (2012, 2021)  # the story's period (article, paragraph 6)
LATEST = (2020, 2024)  # SIPRI's latest five-year window in the committed exports
# The years of the page's table of what Russia delivered: the story's decade to the latest.
DELIVERED = (STORY_DECADE[0], LATEST[1])
# SIPRI's five-year windows shown on each page, from the first before the story's decade.
WINDOWS = [(y, y + 4) for y in range(2012, 2021)]
VOTES_FILE = "data/unga_votes.csv"


def african_members(votes: pd.DataFrame) -> list[str]:
    """The iso3 codes of the states in the votes table, sorted (54 for the committed table)."""
    return sorted(str(c) for c in votes["iso3"].unique())


def check_iso3(iso3, members: Sequence[str]) -> str:
    """``iso3`` if it is one of ``members``; otherwise ValueError naming the parameter.

    >>> check_iso3("MLI", ["MLI", "NER"])
    'MLI'
    >>> check_iso3("mali", ["MLI", "NER"])
    Traceback (most recent call last):
    ...
    ValueError: parameter iso3: 'mali' is not one of the 2 African UN members of \
data/unga_votes.csv; expected an upper-case ISO 3166 alpha-3 code such as 'MLI'
    """
    if not isinstance(iso3, str) or iso3 not in set(members):
        example = "MLI" if "MLI" in set(members) else sorted(members)[0]
        raise ValueError(f"parameter iso3: {iso3!r} is not one of the {len(set(members))} "
                         f"African UN members of {VOTES_FILE}; expected an upper-case ISO 3166 "
                         f"alpha-3 code such as {example!r}")
    return iso3


def period_label(years: tuple[int, int]) -> str:
    return f"{years[0]}-{years[1]}"


def covering_vintages(annual: pd.DataFrame, years: tuple[int, int]) -> list[str]:
    """The vintages (``YYYY-MM-DD``, oldest first) whose data reach the last year of ``years``.

    >>> ann = pd.DataFrame({"vintage": pd.to_datetime(["2024-10-13", "2025-03-13"]),
    ...                     "year": [2023, 2024]})
    >>> covering_vintages(ann, (2020, 2024)), covering_vintages(ann, (2012, 2021))
    (['2025-03-13'], ['2024-10-13', '2025-03-13'])
    """
    last = annual.groupby("vintage")["year"].max()
    return [v.strftime("%Y-%m-%d") for v, y in sorted(last.items()) if y >= years[1]]


def imports_of(annual: pd.DataFrame, iso3: str, vintage: str) -> pd.DataFrame:
    """The country's rows of one vintage (empty when SIPRI records no delivery to it)."""
    return annual[(annual["iso3"] == iso3) & (annual["vintage"] == pd.Timestamp(vintage))]


def supplier_ranking(annual: pd.DataFrame, iso3: str, vintage: str, years: tuple[int, int]
                     ) -> pd.DataFrame:
    """Each supplier's TIV, share (percent) and rank (1 = largest) in one country's imports.

    Empty (same columns) when nothing was delivered in ``years``. Ties in TIV share a rank.

    >>> ann = pd.DataFrame({"vintage": pd.Timestamp("2025-03-13"), "iso3": "MLI",
    ...                     "supplier": ["Russia", "China", "France"], "year": [2020, 2021, 2010],
    ...                     "tiv_musd": [3.0, 1.0, 9.0]})
    >>> supplier_ranking(ann, "MLI", "2025-03-13", (2012, 2021)).to_dict("records")
    ... # doctest: +NORMALIZE_WHITESPACE
    [{'supplier': 'Russia', 'tiv_musd': 3.0, 'share_pct': 75.0, 'rank': 1},
     {'supplier': 'China', 'tiv_musd': 1.0, 'share_pct': 25.0, 'rank': 2}]
    """
    rows = imports_of(annual, iso3, vintage)
    rows = rows[(rows["year"] >= years[0]) & (rows["year"] <= years[1])]
    by = rows.groupby("supplier", as_index=False)["tiv_musd"].sum()
    by = by[by["tiv_musd"] > 0]
    by["tiv_musd"] = by["tiv_musd"].astype("float64")
    by["share_pct"] = 100 * by["tiv_musd"] / by["tiv_musd"].sum()
    by = by.sort_values(["tiv_musd", "supplier"], ascending=[False, True], ignore_index=True)
    by["rank"] = by["tiv_musd"].rank(method="min", ascending=False).astype("int64")
    by["supplier"] = by["supplier"].astype(str)
    return by[["supplier", "tiv_musd", "share_pct", "rank"]]


def russia_standing(annual: pd.DataFrame, iso3: str, vintage: str, years: tuple[int, int]
                    ) -> dict:
    """Russia in one country's imports: ``total_tiv_musd``, ``russia_tiv_musd``, ``share_pct``
    (None when there were no imports at all), ``rank`` (None when Russia delivered nothing),
    ``suppliers`` (how many), ``largest`` (the top supplier, or None)."""
    ranking = supplier_ranking(annual, iso3, vintage, years)
    russia = ranking[ranking["supplier"] == RUSSIA]
    total = float(ranking["tiv_musd"].sum())
    return {"period": period_label(years), "vintage": vintage, "total_tiv_musd": total,
            "russia_tiv_musd": float(russia["tiv_musd"].sum()),
            "share_pct": (float(russia["share_pct"].sum()) if total > 0 else None),
            "rank": int(russia["rank"].iloc[0]) if len(russia) else None,
            "suppliers": len(ranking),
            "largest": ranking["supplier"].iloc[0] if len(ranking) else None}


def shares_table(annual: pd.DataFrame, iso3: str, periods: Sequence[tuple[int, int]]
                 ) -> pd.DataFrame:
    """:func:`russia_standing` for every period and every vintage that covers it, as rows."""
    rows = [russia_standing(annual, iso3, v, tuple(p)) for p in periods
            for v in covering_vintages(annual, tuple(p))]
    return pd.DataFrame(rows)


def yearly_by_supplier(annual: pd.DataFrame, iso3: str, vintage: str, years: tuple[int, int],
                       n: int = 3) -> pd.DataFrame:
    """Estimated TIV per year (rows: every year of ``years``) from Russia and the ``n - 1``
    other largest suppliers of the period (columns, Russia first when it delivered), then
    ``all others``; 0.0 where nothing was delivered. Empty when nothing was delivered.
    SIPRI's ``unknown supplier(s)`` is a supplier like any other here: where it is among the
    largest it has its own column, so that a chart titled by the largest supplier shows it.

    >>> ann = pd.DataFrame({"vintage": pd.Timestamp("2025-03-13"), "iso3": "CAF",
    ...     "supplier": ["unknown supplier(s)", "Russia", "China", "France"],
    ...     "year": 2020, "tiv_musd": [9.0, 3.0, 2.0, 1.0]})
    >>> yearly_by_supplier(ann, "CAF", "2025-03-13", (2020, 2021)).columns.tolist()
    ['Russia', 'unknown supplier(s)', 'China', 'all others']
    """
    ranking = supplier_ranking(annual, iso3, vintage, years)
    if ranking.empty:
        return pd.DataFrame()
    named = ranking["supplier"].tolist()
    top = ([RUSSIA] if RUSSIA in named else []) + [s for s in named if s != RUSSIA]
    top = top[:n]
    rows = imports_of(annual, iso3, vintage)
    rows = rows[(rows["year"] >= years[0]) & (rows["year"] <= years[1])]
    keyed = rows.assign(supplier=rows["supplier"].where(rows["supplier"].isin(top), "all others"))
    wide = keyed.pivot_table(index="year", columns="supplier", values="tiv_musd",
                             aggfunc="sum", fill_value=0.0, observed=True)
    columns = [*top, *(["all others"] if len(ranking) > len(top) else [])]
    wide = wide.reindex(columns=columns, fill_value=0.0)
    wide = wide.reindex(range(years[0], years[1] + 1), fill_value=0.0).astype("float64")
    return wide.rename_axis(index="year", columns=None)


def russia_years(annual: pd.DataFrame, iso3: str, vintage: str) -> pd.Series:
    """Russia's estimated deliveries to the country by year (millions of TIV), years with
    deliveries only, oldest first."""
    rows = imports_of(annual, iso3, vintage)
    rows = rows[(rows["supplier"] == RUSSIA) & (rows["tiv_musd"] > 0)]
    return rows.groupby("year")["tiv_musd"].sum().astype("float64").sort_index()


def percent_text(share: float | None) -> str:
    """A share as the page states it: a rounded percent, "less than 1%" for a sliver.

    >>> percent_text(44.6), percent_text(0.3), percent_text(0.0), percent_text(None)
    ('45%', 'less than 1%', '0%', 'no imports')
    """
    if share is None or pd.isna(share):
        return "no imports"
    if 0 < share < 0.5:
        return "less than 1%"
    return f"{round(share)}%"


def ordinal(n: int) -> str:
    """Rank as words: 1 -> 'largest', 2 -> 'second-largest', 4 -> '4th-largest'.

    >>> [ordinal(i) for i in (1, 2, 3, 4, 11, 12, 22)]
    ['largest', 'second-largest', 'third-largest', '4th-largest', '11th-largest', \
'12th-largest', '22nd-largest']"""
    if n == 1:
        return "largest"
    words = {2: "second", 3: "third"}
    if n in words:
        return f"{words[n]}-largest"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}-largest"


def share_sentence(name: str, standing: dict) -> str:
    """One sentence on Russia's place in the country's imports over one period; ``standing``
    is :func:`russia_standing` (or a row of :func:`shares_table`).

    >>> share_sentence("Mali", {"period": "2012-2021", "share_pct": 38.6, "rank": 1,
    ...                         "suppliers": 15, "largest": "Russia"})
    "From 2012 to 2021, Russia supplied 39% of Mali's major arms, the largest of 15 suppliers."
    >>> share_sentence("Angola", {"period": "2020-2024", "share_pct": 0.0, "rank": float("nan"),
    ...                           "suppliers": 7, "largest": "China"})
    "From 2020 to 2024, Russia supplied none (0%) of Angola's major arms: SIPRI records 7 \
suppliers, the largest China."
    >>> share_sentence("Sudan", {"period": "2020-2024", "share_pct": 0.0, "rank": None,
    ...                          "suppliers": 4, "largest": "unknown supplier(s)"})
    "From 2020 to 2024, Russia supplied none (0%) of Sudan's major arms: SIPRI records 4 \
suppliers, the largest listed by SIPRI as unknown supplier(s)."
    """
    period = standing["period"].replace("-", " to ")
    standing = {k: (None if not isinstance(v, str) and pd.isna(v) else v)
                for k, v in standing.items()}
    if standing["share_pct"] is None:
        return f"SIPRI records no major arms delivered to {name} from {period}."
    share = percent_text(standing["share_pct"])
    if standing["rank"] is None:
        n = standing["suppliers"]
        largest = standing["largest"]
        largest = ("the largest listed by SIPRI as unknown supplier(s)"
                   if largest == "unknown supplier(s)" else f"the largest {largest}")
        return (f"From {period}, Russia supplied none (0%) of {name}'s major arms: SIPRI "
                f"records {n} supplier{'s' if n != 1 else ''}, {largest}.")
    return (f"From {period}, Russia supplied {share} of {name}'s major arms, the "
            f"{ordinal(standing['rank'])} of {standing['suppliers']} supplier"
            f"{'s' if standing['suppliers'] != 1 else ''}.")


def wagner_record(wagner: pd.DataFrame, iso3: str) -> dict | None:
    """The country's row of ``data/wagner_deployments.csv`` as a dict, or None (no report)."""
    rows = wagner[wagner["iso3"] == iso3]
    if len(rows) > 1:
        raise DataError("data/wagner_deployments.csv", f"{len(rows)} rows for {iso3}, expected "
                        "at most one")
    return None if rows.empty else rows.iloc[0].to_dict()


def vote_comparison(votes: pd.DataFrame, resolutions: pd.DataFrame, iso3: str) -> pd.DataFrame:
    """The country's vote on each resolution beside Africa's and the world's tallies.

    Columns: ``resolution``, ``date``, ``short_title``, ``after_story``, ``vote``,
    ``confidence`` (empty for an unknown vote), ``disputed`` (the vote's notes record sources
    that disagree: they begin "Sources disagree", as ``scripts/build_unga_votes.py`` writes
    them), the states of Africa voting yes/abstain/absent/abstain_or_absent/no/unknown
    (``africa_yes``...), and the world's published yes/no/abstain (``global_yes``...).
    ``votes`` is :func:`analysis.subjects.un_votes.load_votes`.
    """
    own = votes[votes["iso3"] == iso3].set_index("resolution")
    mine = own["vote"].astype(str)
    if mine.empty:
        raise KeyError(f"no votes for iso3 {iso3!r} in {VOTES_FILE}")
    africa = pd.crosstab(votes["resolution"], votes["vote"], dropna=False)
    rows = []
    for res in resolutions.sort_values("date").itertuples(index=False):
        rows.append({"resolution": res.symbol, "date": res.date, "short_title": res.short_title,
                     "after_story": bool(res.after_story), "vote": mine[res.symbol],
                     "confidence": own.loc[res.symbol, "confidence"]
                     if isinstance(own.loc[res.symbol, "confidence"], str) else "",
                     "disputed": "Sources disagree" in str(own.loc[res.symbol, "notes"]),
                     **{f"africa_{v}": int(africa.loc[res.symbol].get(v, 0))
                        for v in ("yes", "abstain", "absent", "abstain_or_absent", "no",
                                  "unknown")},
                     "global_yes": int(res.global_yes), "global_no": int(res.global_no),
                     "global_abstain": int(res.global_abstain)})
    return pd.DataFrame(rows)


def visits(trips: pd.DataFrame, iso3: str, story_date=None) -> pd.DataFrame:
    """Lavrov's stops in the country (``data/lavrov_trips.csv``): trip, city, dates, sources,
    the trip's ``kind`` where recorded, ``day`` (the arrival, or the day of the talks where
    the arrival is not recorded) and ``after_story`` (the trip began after ``story_date``,
    default the story's; trip 3 began the day before)."""
    from analysis.story import STORY_DATE

    story = pd.Timestamp(STORY_DATE if story_date is None else story_date)
    began = trips.groupby("trip")["arrival_date"].transform("min")
    frame = trips.assign(day=trips["arrival_date"].fillna(trips["talks_date"]),
                         after_story=began > story)
    cols = ["trip", "stop", "city", "day", "arrival_date", "departure_date", "met",
            "source_ids", "after_story", *(["kind"] if "kind" in trips else [])]
    return frame[frame["iso3"] == iso3][cols].sort_values("day", ignore_index=True)


def events_of(events: pd.DataFrame, iso3: str) -> pd.DataFrame:
    """The country's dated events (``data/events.csv``), in date order (partial dates sort by
    their text: ``2013-01`` before ``2013-01-11``)."""
    cols = ["date", "category", "description", "source_ids"]
    return events[events["iso3"] == iso3].sort_values(["date", "event_id"])[cols].reset_index(
        drop=True)


def countries_named(text: str, names: dict[str, str]) -> set[str]:
    """The iso3 of every country ``names`` (iso3 -> name) whose name appears in ``text``, the
    longest name winning where names overlap.

    >>> names = {"SDN": "Sudan", "SSD": "South Sudan", "GIN": "Guinea", "GNB": "Guinea-Bissau"}
    >>> sorted(countries_named("South Sudan and Guinea-Bissau", names))
    ['GNB', 'SSD']
    >>> sorted(countries_named("Sudan, Guinea; Equatorial", names))
    ['GIN', 'SDN']
    """
    found: list[tuple[int, int, str]] = []
    for iso3, name in names.items():
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            found.append((m.start(), m.end(), iso3))
    taken: list[tuple[int, int]] = []
    out = set()
    for start, end, iso3 in sorted(found, key=lambda f: f[0] - f[1]):  # longest first
        if all(end <= a or start >= b for a, b in taken):
            taken.append((start, end))
            out.add(iso3)
    return out


def claims_naming(claims: pd.DataFrame, countries: pd.DataFrame, iso3: str) -> pd.DataFrame:
    """The claims of ``data/claims.csv`` whose text or notes name the country: ``claim_id``,
    ``paragraph``, ``claim``."""
    names = dict(zip(countries["iso3"].astype(str), countries["country"].astype(str),
                     strict=True))
    text = claims["claim"].fillna("") + " " + claims["notes"].fillna("")
    hit = [iso3 in countries_named(t, names) for t in text]
    return claims[hit][["claim_id", "paragraph", "claim"]].reset_index(drop=True)
