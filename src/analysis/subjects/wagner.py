"""Wagner Group deployments in Africa, as the reporting stood on 6 Feb 2023 (the story's date).

One row per country in ``data/wagner_deployments.csv``. ``status`` is the state of the
*reporting*, not a headcount: ``confirmed`` (documented, no withdrawal reported; it does not
assert a presence in Feb 2023 where the sources are silent), ``withdrawn`` and ``alleged``. The
table keeps only countries with a sourced report, so it undercounts Wagner's footprint (The
Times put it at ten or more countries in April 2023).
"""

from pathlib import Path

import pandas as pd

from analysis.contract.datapackage import load_table, resource
from analysis.contract.errors import DataError
from analysis.contract.partial_dates import period_bounds
from analysis.contract.paths import DATA_DIR, display_path
from analysis.story import STORY_DATE
from analysis.subjects.events import check_precision


def _statuses() -> list[str]:
    """The status scheme, in the descriptor's order (confirmed, withdrawn, alleged)."""
    fields = resource("wagner_deployments")["schema"]["fields"]
    return next(f for f in fields if f["name"] == "status")["constraints"]["enum"]


def check_wagner(wagner: pd.DataFrame, file: str = "data/wagner_deployments.csv",
                 countries: pd.DataFrame | None = None) -> pd.DataFrame:
    """Table-level checks on a typed Wagner frame; returns it unchanged.

    - ``first_reported_precision`` agrees with the precision of ``first_reported``;
    - if ``countries`` is given, ``country`` is the display name it gives for ``iso3``;
    - an ``ended`` date does not come before ``first_reported``, and a ``successor`` is given
      only for a deployment that ended.
    """
    check_precision(wagner, "first_reported", "first_reported_precision", file)
    if "ended" in wagner:
        for row, (first, ended, after) in enumerate(
                zip(wagner["first_reported"], wagner["ended"], wagner["successor"],
                    strict=True), start=1):
            if pd.notna(ended) and period_bounds(str(ended))[1] < period_bounds(str(first))[0]:
                raise DataError(file, f"ended {ended} comes before first_reported {first}: "
                                "expected the end on or after the first report", row=row,
                                column="ended")
            if pd.notna(after) and pd.isna(ended):
                raise DataError(file, f"successor {after!r} without an ended date: expected "
                                "the date Wagner left", row=row, column="successor")
    if countries is not None:
        names = dict(zip(countries["iso3"], countries["country"], strict=True))
        rows = zip(wagner["iso3"], wagner["country"], strict=True)
        for row, (iso3, country) in enumerate(rows, start=1):
            if iso3 in names and country != names[iso3]:
                raise DataError(
                    file,
                    f"{country!r} is not the name data/countries.csv gives {iso3} "
                    f"({names[iso3]!r})",
                    row=row,
                    column="country",
                )
    return wagner


def load_wagner(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """``data/wagner_deployments.csv``, typed and validated (descriptor and :func:`check_wagner`).

    ``activities``, ``abuse_documented_by`` and ``source_ids`` are lists (``None`` when empty).

    >>> load_wagner().set_index("iso3").loc["BFA", "status"]
    'alleged'
    """
    typed = load_table("wagner_deployments", data_dir=data_dir)
    countries = load_table("countries", data_dir=data_dir)
    file = display_path(Path(data_dir) / resource("wagner_deployments")["path"])
    return check_wagner(typed, file, countries)


def count_by_status(wagner: pd.DataFrame) -> pd.DataFrame:
    """Countries per status, every status of the scheme listed (zero if none).

    Columns: ``status``, ``n_countries`` (count of rows = countries), ``countries`` (names,
    ``"; "``-separated, in table order).

    >>> w = pd.DataFrame({"country": ["Mali", "Mozambique", "Libya"],
    ...                   "status": ["confirmed", "withdrawn", "confirmed"]})
    >>> count_by_status(w).to_dict("records")  # doctest: +NORMALIZE_WHITESPACE
    [{'status': 'confirmed', 'n_countries': 2, 'countries': 'Mali; Libya'},
     {'status': 'withdrawn', 'n_countries': 1, 'countries': 'Mozambique'},
     {'status': 'alleged', 'n_countries': 0, 'countries': ''}]
    """
    rows = []
    for status in _statuses():
        names = wagner.loc[wagner["status"] == status, "country"].tolist()
        rows.append({"status": status, "n_countries": len(names), "countries": "; ".join(names)})
    return pd.DataFrame(rows).astype({"n_countries": "int64"})


def _join(items) -> str:
    return "; ".join(items) if isinstance(items, list) else ""


def abuse_table(wagner: pd.DataFrame, documented_only: bool = False) -> pd.DataFrame:
    """Who documented abuses where: one row per country, in table order.

    Columns: ``country``, ``status``, ``documented_by`` (``"; "``-separated, ``""`` if none),
    ``abuse_summary`` (``""`` if none) and ``abuses_reported`` (True when anyone documented
    abuses, press reports included: see ``documented_by`` for who). ``documented_only`` keeps
    only rows with abuses reported.

    >>> w = pd.DataFrame({"country": ["Mali", "Madagascar"], "status": ["confirmed"] * 2,
    ...                   "abuse_documented_by": [["UN experts (HRC)", "HRW"], None],
    ...                   "abuse_summary": ["Executions at Moura", None]})
    >>> abuse_table(w)[["documented_by", "abuses_reported"]].to_dict("list")
    {'documented_by': ['UN experts (HRC); HRW', ''], 'abuses_reported': [True, False]}
    >>> abuse_table(w, documented_only=True)["country"].tolist()
    ['Mali']
    """
    documented_by = [_join(v) for v in wagner["abuse_documented_by"]]
    out = pd.DataFrame({
        "country": wagner["country"].tolist(),
        "status": wagner["status"].tolist(),
        "documented_by": documented_by,
        "abuse_summary": wagner["abuse_summary"].astype(object).fillna("").tolist(),
        "abuses_reported": [bool(v) for v in documented_by],
    })
    if documented_only:
        out = out.loc[out["abuses_reported"]].reset_index(drop=True)
    return out


AFRICA_CORPS = "Africa Corps"


def host_spans(wagner: pd.DataFrame, events: pd.DataFrame,
               countries: pd.DataFrame | None = None) -> pd.DataFrame:
    """Who hosted Wagner, and later Africa Corps, from when to when: one row per force and
    country, in order of first report (the chart of hosts over time draws these).

    Columns: ``iso3``, ``country``, ``force`` (``"Wagner"`` or :data:`AFRICA_CORPS`),
    ``status`` (the Wagner row's status as of the story; ``"deployed"`` for Africa Corps),
    ``start`` (first day of the first report), ``end`` (first day of ``ended``; NaT when no end
    is on record), ``last_sourced`` (the Wagner row's ``as_of``: the last day its status is
    sourced to; the arrival's day for Africa Corps). Africa Corps spans come from a Wagner row's
    ``successor`` (starting when Wagner left) and from ``deployment`` events naming Africa Corps
    (``data/events.csv``), named as ``countries`` gives them. A withdrawn row's end is not
    recorded (NaT): it left before the story.

    >>> w = pd.DataFrame({"iso3": ["MLI"], "country": ["Mali"], "status": ["confirmed"],
    ...                   "first_reported": ["2021-12"], "ended": ["2025-06-06"],
    ...                   "successor": ["Africa Corps (Russia's defence ministry)"],
    ...                   "as_of": ["2026-12-05"]})
    >>> e = pd.DataFrame({"event_id": ["b"], "date": ["2024-01-24"], "iso3": ["BFA"],
    ...                   "category": ["deployment"], "description": ["Africa Corps flies in"]})
    >>> spans = host_spans(w, e)
    >>> spans[["iso3", "force"]].values.tolist()
    [['MLI', 'Wagner'], ['BFA', 'Africa Corps'], ['MLI', 'Africa Corps']]
    >>> [f"{d:%Y-%m-%d}" for d in spans["start"]], spans["end"].isna().tolist()
    (['2021-12-01', '2024-01-24', '2025-06-06'], [False, True, True])
    """
    rows = []
    for _, r in wagner.iterrows():
        ended = r.get("ended")
        end = period_bounds(str(ended))[0] if isinstance(ended, str) else pd.NaT
        rows.append({"iso3": r["iso3"], "country": r["country"], "force": "Wagner",
                     "status": r["status"], "start": period_bounds(str(r["first_reported"]))[0],
                     "end": end, "last_sourced": pd.Timestamp(r["as_of"])})
        after = r.get("successor")
        if isinstance(after, str) and after.startswith(AFRICA_CORPS):
            rows.append({"iso3": r["iso3"], "country": r["country"], "force": AFRICA_CORPS,
                         "status": "deployed", "start": end, "end": pd.NaT,
                         "last_sourced": pd.Timestamp(r["as_of"])})
    names = dict(zip(wagner["iso3"], wagner["country"], strict=True))
    if countries is not None:
        names |= dict(zip(countries["iso3"], countries["country"], strict=True))
    corps = events[(events["category"] == "deployment")
                   & events["description"].str.contains(AFRICA_CORPS, regex=False)]
    for _, e in corps.iterrows():
        day = period_bounds(str(e["date"]))[0]
        rows.append({"iso3": e["iso3"], "country": names.get(e["iso3"], e["iso3"]),
                     "force": AFRICA_CORPS, "status": "deployed", "start": day, "end": pd.NaT,
                     "last_sourced": day})
    out = pd.DataFrame(rows)
    for column in ("start", "end", "last_sourced"):
        out[column] = pd.to_datetime(out[column])
    return out.sort_values(["start", "force"], kind="stable").reset_index(drop=True)


def africa_corps_arrivals(spans: pd.DataFrame, iso3: str) -> list[str]:
    """The days (``YYYY-MM-DD``, oldest first) Africa Corps arrived in ``iso3``, from
    :func:`host_spans` (a Wagner row's successor, or a deployment event).

    >>> spans = pd.DataFrame({"iso3": ["NER", "NER", "MLI"], "force": [AFRICA_CORPS, "Wagner",
    ...     AFRICA_CORPS], "start": pd.to_datetime(["2024-04-10", "2019-01-01", "2025-06-06"])})
    >>> africa_corps_arrivals(spans, "NER")
    ['2024-04-10']
    """
    mine = spans[(spans["iso3"] == iso3) & (spans["force"] == AFRICA_CORPS)]
    return sorted(f"{d:%Y-%m-%d}" for d in mine["start"])


LATER_FINDING = "UN body (bound: a finding not researched)"  # how the upper bound marks a row
_DESCRIPTOR = object()  # read the date from data/datapackage.json


def accusations_researched_through():
    """The descriptor's ``abusesAsOf`` for data/wagner_deployments (a Timestamp), or None:
    the day through which each host was searched for a UN body's or a rights group's finding
    of abuses by Wagner (``abusesAsOfNote`` says what was searched and found)."""
    value = resource("wagner_deployments").get("abusesAsOf")
    return pd.Timestamp(value) if value else None


def unresearched_bounds(wagner: pd.DataFrame, as_of, accusations_through=_DESCRIPTOR) -> dict:
    """The table at the two bounds of what the research through ``as_of`` did not cover, for a
    check over every row to be judged later only where both bounds give the same answer.

    Not covered: a row's presence after its own ``as_of`` (unless it ``ended``), and, past
    ``accusations_through`` (by default the descriptor's ``abusesAsOf``; the story's day if
    it has none), which hosts drew a finding of abuses. ``"low"``: each such row's deployment
    ended the day after its ``as_of`` and no later accusation was made. ``"high"``: each is
    still there, an alleged one confirmed, and every row drew a later UN finding of every kind
    of abuse; where the accusations were researched through ``as_of``, only the hosts already
    accused may have more kinds (the research asked who was accused, not every kind). Nothing
    is guessed: the bounds are the least and the most the unresearched rows could be. Also
    returns ``rows`` (the rows open), ``accusations_open`` (whether any host may have been
    accused since) and ``accusations`` (what is open of the accusations, in words).

    >>> w = pd.DataFrame({"iso3": ["SDN", "MLI"], "status": ["confirmed", "alleged"],
    ...     "ended": [None, None], "as_of": ["2023-02-06", "2026-12-05"],
    ...     "abuse_documented_by": [None, ["HRW"]], "abuse_kinds": [None, ["torture"]]})
    >>> b = unresearched_bounds(w, "2026-12-05", accusations_through="2023-02-06")
    >>> b["low"]["ended"].tolist(), b["high"]["status"].tolist()
    (['2023-02-07', None], ['confirmed', 'alleged'])
    >>> b["high"]["abuse_documented_by"].iloc[0], b["accusations_open"], b["accusations"]
    (['UN body (bound: a finding not researched)'], True, 'accusations after 6 Feb 2023')
    >>> b = unresearched_bounds(w, "2026-12-05", accusations_through="2026-12-06")
    >>> b["high"]["abuse_documented_by"].tolist(), len(b["high"]["abuse_kinds"].iloc[1]) > 1
    ([None, ['HRW']], True)
    """
    day = pd.Timestamp(as_of)
    if accusations_through is _DESCRIPTOR:
        accusations_through = accusations_researched_through()
    through = pd.Timestamp(accusations_through or STORY_DATE)
    open_ = wagner["ended"].isna() & (pd.to_datetime(wagner["as_of"]) < day)
    low = wagner.copy()
    low.loc[open_, "ended"] = [f"{pd.Timestamp(d) + pd.Timedelta(days=1):%Y-%m-%d}"
                               for d in wagner.loc[open_, "as_of"]]
    high = wagner.copy()
    high.loc[open_ & (wagner["status"] == "alleged"), "status"] = "confirmed"
    fields = resource("wagner_deployments")["schema"]["fields"]
    kinds = next(f for f in fields if f["name"] == "abuse_kinds")["itemConstraints"]["enum"]
    accusations_open = through < day
    if accusations_open:
        high["abuse_documented_by"] = [[*(d if isinstance(d, list) else []), LATER_FINDING]
                                       for d in wagner["abuse_documented_by"]]
        high["abuse_kinds"] = [list(kinds) for _ in range(len(wagner))]
        accusations = f"accusations after {through.day} {through:%b %Y}"
    else:
        accused = wagner["abuse_documented_by"].map(lambda d: isinstance(d, list) and bool(d))
        high["abuse_kinds"] = [list(kinds) if a else k
                               for a, k in zip(accused, wagner["abuse_kinds"], strict=True)]
        accusations = (f"accusations searched host by host through {through.day} "
                       f"{through:%b %Y}: open only as further kinds of abuse where a host was "
                       "already accused")
    return {"low": low, "high": high, "rows": wagner.loc[open_, "iso3"].tolist(),
            "accusations_open": accusations_open, "accusations": accusations}
