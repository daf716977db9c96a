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
