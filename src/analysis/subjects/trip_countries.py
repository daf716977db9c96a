"""The countries of Lavrov's three tours, beside Russia's arms sales to them and Wagner's presence.

:func:`country_view` joins each stop of the itinerary (``data/lavrov_trips.csv``) with the derived
SIPRI table ``sipri_africa_annual`` and with ``data/wagner_deployments.csv``. Editorial decisions a
reviewer should check:

- **Coverage.** The derived SIPRI tables hold African recipients and Egypt only (the recipients
  listed in ``data/sipri_recipients.csv``). A visited country outside them (Iraq, stop 1 of the
  third tour) gets ``arms_data = "not in table"`` and empty numbers, never a made-up zero.
- **Zero is a real zero only where the table covers the country**: a covered country with no
  deliveries in a period has ``imports_tiv_musd = 0.0`` and an empty share (no denominator), with
  ``arms_data = "no imports recorded"``.
- **Shares** are Russia's TIV over the country's total TIV from all suppliers (``unknown
  supplier(s)`` included in the denominator), summed over the period, in percent. Annual values
  are the derived table's *estimates* (each deal's TIV spread evenly over its delivery years; see
  :mod:`analysis.sipri`).
- **Armed groups** (SIPRI names ending in ``*``) count in the country where they operated, as in
  :mod:`analysis.sipri` (``non_state="attribute"``); ``non_state="exclude"`` counts the state
  only. The African Union has no country and never counts towards one.
- **Wagner** status is the state of the reporting on the story's date (see
  :mod:`analysis.subjects.wagner`); a country without a row in the Wagner table is
  ``"none reported"``, which is not proof of absence.
"""

import pandas as pd

from analysis import sipri
from analysis.subjects import arms

NOT_IN_TABLE = "not in table"
NO_IMPORTS = "no imports recorded"
IN_TABLE = "in table"
WAGNER_NONE = "none reported"
RUSSIA = "Russia"  # the supplier's name in SIPRI's exports

COLUMNS = [
    "trip", "stop", "iso3", "country", "city", "arms_data", "sipri_region", "vintage", "period",
    "imports_tiv_musd", "russia_tiv_musd", "russia_share_pct", "largest_supplier",
    "before_period", "russia_share_before_pct", "change_pts", "wagner_status",
    "wagner_first_reported",
]


def previous_period(years: tuple[int, int]) -> tuple[int, int]:
    """The period of the same length just before ``years`` (both inclusive).

    >>> previous_period((2017, 2021))
    (2012, 2016)
    """
    first, last = years
    if first > last:
        raise ValueError(f"years {years}: the first year must not be after the last")
    return first - (last - first + 1), first - 1


def _country_totals(rows: pd.DataFrame, years: tuple[int, int]) -> pd.DataFrame:
    """Per iso3 over ``years``: all suppliers' TIV, Russia's TIV and the largest supplier."""
    window = rows[rows["year"].between(*years)]
    by = (window.groupby(["iso3", "supplier"], as_index=False)["tiv_musd"].sum()
          .astype({"tiv_musd": "float64"}))
    total = by.groupby("iso3")["tiv_musd"].sum()
    russia = by[by["supplier"] == RUSSIA].set_index("iso3")["tiv_musd"]
    largest = (by.sort_values(["tiv_musd", "supplier"], ascending=[False, True])
               .drop_duplicates("iso3").set_index("iso3")["supplier"])
    return pd.DataFrame({"total": total, "russia": russia, "largest": largest})


def country_view(trips: pd.DataFrame, annual: pd.DataFrame, recipients: pd.DataFrame,
                 wagner: pd.DataFrame, years: tuple[int, int] = (2017, 2021), *,
                 vintage: str | None = None, before: tuple[int, int] | None = None,
                 non_state: str = "attribute") -> pd.DataFrame:
    """One row per stop of the itinerary, with Russia's arms sales to the country and Wagner.

    ``trips`` is :func:`analysis.subjects.trips.load_trips` (or any frame with trip, stop, iso3,
    country, city), ``annual`` is ``load_table("sipri_africa_annual")``, ``recipients`` is
    ``load_table("sipri_recipients")`` and ``wagner`` is
    :func:`analysis.subjects.wagner.load_wagner`. ``vintage`` (``YYYY-MM-DD``) picks the SIPRI
    export; the latest by default, and the one used is in the ``vintage`` column. ``before``
    defaults to the period of the same length before ``years`` (2012-16 for 2017-21). Columns:

    - ``arms_data``: ``"in table"``, ``"no imports recorded"`` (covered, but no deliveries in
      ``years``) or ``"not in table"`` (not in the derived tables: numbers stay empty);
    - ``sipri_region``: SIPRI's subregion (``north-africa``, ``sub-saharan-africa``, or
      ``middle-east`` for Egypt, which SIPRI does not count in Africa);
    - ``imports_tiv_musd``: the country's major-arms imports from all suppliers over ``years``,
      millions of TIV (SIPRI trend-indicator value: a volume, not money paid);
    - ``russia_tiv_musd``: the part from Russia (0.0 when covered and none);
    - ``russia_share_pct``: ``russia_tiv_musd / imports_tiv_musd * 100``; empty where the
      denominator is 0 or the country is not in the table;
    - ``largest_supplier``: the supplier with most TIV over ``years`` (ties: alphabetical);
    - ``russia_share_before_pct`` over ``before``, and ``change_pts`` = share minus share before,
      in percentage points (empty if either is empty);
    - ``wagner_status``: ``confirmed``, ``withdrawn`` or ``alleged`` from the Wagner table, else
      ``"none reported"``; ``wagner_first_reported``: its partial date, empty if none.

    Raises ValueError for an empty itinerary, an unknown vintage (listing those present) or
    periods the wrong way round.

    >>> trips = pd.DataFrame({"trip": [1, 1], "stop": [1, 2], "iso3": ["MLI", "IRQ"],
    ...                       "country": ["Mali", "Iraq"], "city": ["Bamako", "Baghdad"]})
    >>> annual = pd.DataFrame({"vintage": pd.to_datetime(["2025-03-13"] * 3),
    ...     "supplier": ["Russia", "China", "Russia"], "recipient": ["Mali"] * 3,
    ...     "iso3": ["MLI"] * 3, "actor_type": ["state"] * 3, "year": [2018, 2019, 2014],
    ...     "tiv_musd": [30.0, 10.0, 5.0]})
    >>> recipients = pd.DataFrame({"sipri_name": ["Mali"], "iso3": ["MLI"],
    ...     "actor_type": ["state"], "sipri_subregion": ["sub-saharan-africa"]})
    >>> wagner = pd.DataFrame({"iso3": ["MLI"], "status": ["confirmed"],
    ...                        "first_reported": ["2021-12"]})
    >>> view = country_view(trips, annual, recipients, wagner)
    >>> view[["iso3", "arms_data", "russia_share_pct", "change_pts", "wagner_status"]]
      iso3     arms_data  russia_share_pct  change_pts  wagner_status
    0  MLI      in table              75.0       -25.0      confirmed
    1  IRQ  not in table              <NA>        <NA>  none reported
    """
    if trips.empty:
        raise ValueError("the itinerary has no stops: nothing to join (check the trips frame "
                         "or the filter applied to it)")
    before = previous_period(years) if before is None else tuple(before)
    for name, (first, last) in (("years", years), ("before", before)):
        if first > last:
            raise ValueError(f"{name} {(first, last)}: the first year must not be after the last")
    if non_state not in sipri.NON_STATE_CHOICES:
        raise ValueError(f"non_state {non_state!r}: expected one of {sipri.NON_STATE_CHOICES}")
    present = arms.vintages(annual)
    if not present:
        raise ValueError("the SIPRI table is empty: no vintage to use")
    vintage = present[-1] if vintage is None else vintage
    if vintage not in present:
        raise ValueError(f"unknown SIPRI vintage {vintage!r}: the table holds "
                         f"{', '.join(present)} (YYYY-MM-DD)")
    rows = annual[annual["vintage"] == pd.Timestamp(vintage)]
    if non_state == "exclude":
        rows = rows[rows["actor_type"] == "state"]
    now, then = _country_totals(rows, years), _country_totals(rows, before)

    states = recipients[recipients["actor_type"] == "state"].drop_duplicates("iso3")
    region = states.set_index("iso3")["sipri_subregion"]
    status = wagner.set_index("iso3")["status"]
    first_reported = wagner.set_index("iso3")["first_reported"]

    out = (trips.sort_values(["trip", "stop"])[["trip", "stop", "iso3", "country", "city"]]
           .reset_index(drop=True))
    codes = out["iso3"]
    covered = codes.isin(region.index)
    imports = _lookup(codes, now["total"], covered)
    russia = _lookup(codes, now["russia"], covered)
    share = _share(russia, imports)
    share_then = _share(_lookup(codes, then["russia"], covered),
                        _lookup(codes, then["total"], covered))
    out = out.assign(
        arms_data=pd.Series(NOT_IN_TABLE, index=out.index, dtype="string")
        .mask(covered, IN_TABLE).mask(covered & (imports == 0).fillna(False), NO_IMPORTS),
        sipri_region=codes.map(region).astype("string"),
        vintage=vintage,
        period=arms.period_label(years),
        imports_tiv_musd=imports,
        russia_tiv_musd=russia,
        russia_share_pct=share,
        largest_supplier=codes.map(now["largest"]).astype("string"),
        before_period=arms.period_label(before),
        russia_share_before_pct=share_then,
        change_pts=share - share_then,
        wagner_status=codes.map(status).astype("string").fillna(WAGNER_NONE),
        wagner_first_reported=codes.map(first_reported).astype("string"),
    )
    return out[COLUMNS]


def _lookup(codes: pd.Series, values: pd.Series, covered: pd.Series) -> pd.Series:
    """``values`` by iso3; 0.0 for a covered country without rows (no deliveries recorded),
    ``<NA>`` for a country the SIPRI tables do not cover."""
    return codes.map(values).astype("Float64").mask(covered, lambda s: s.fillna(0.0))


def _share(part: pd.Series, whole: pd.Series) -> pd.Series:
    """``100 * part / whole`` where ``whole`` is positive; empty (``<NA>``) otherwise."""
    return (100 * part / whole.where(whole > 0)).astype("Float64")


# What summarise_countries counts, in order: name -> what it means (its docstring says more).
MEASURES = {
    "countries": "countries visited",
    "in_table": "in the SIPRI tables",
    "with_imports": "imported major arms in the period",
    "russia_largest": "Russia the largest supplier",
    "russia_majority": "Russia more than half of imports",
    "russia_share_rose": "Russia's share up on the period before",
    "russia_share_fell": "Russia's share down on the period before",
    "wagner_confirmed": "Wagner deployment confirmed",
    "wagner_reported": "Wagner reported (any status)",
    "russia_largest_and_wagner": "Russia the largest supplier and Wagner confirmed",
}


def summarise_countries(view: pd.DataFrame) -> pd.DataFrame:
    """What the visited countries have in common, from :func:`country_view` output.

    One row per measure of :data:`MEASURES` (the index), with ``n_countries`` and ``countries``
    (names in stop order, ``"; "``-separated). Each country counts once. Shares compare with
    strict inequalities: "more than half" is a share above 50%; "up" and "down" need both
    periods' shares (a change of 0 is neither). Countries outside the SIPRI tables or without
    imports are in no arms measure.

    >>> view = pd.DataFrame({"iso3": ["MLI", "IRQ"], "country": ["Mali", "Iraq"],
    ...     "arms_data": ["in table", "not in table"],
    ...     "russia_share_pct": pd.array([75.0, None], dtype="Float64"),
    ...     "largest_supplier": pd.array(["Russia", None], dtype="string"),
    ...     "change_pts": pd.array([-25.0, None], dtype="Float64"),
    ...     "wagner_status": ["confirmed", "none reported"]})
    >>> summarise_countries(view).loc[["countries", "russia_majority"]].to_dict("index")
    ... # doctest: +NORMALIZE_WHITESPACE
    {'countries': {'n_countries': 2, 'countries': 'Mali; Iraq'},
     'russia_majority': {'n_countries': 1, 'countries': 'Mali'}}
    """
    once = view.drop_duplicates("iso3").reset_index(drop=True)
    share = once["russia_share_pct"].astype("Float64")
    change = once["change_pts"].astype("Float64")
    largest = (once["largest_supplier"] == RUSSIA).fillna(False)
    confirmed = once["wagner_status"] == "confirmed"
    masks = {
        "countries": pd.Series(True, index=once.index),
        "in_table": once["arms_data"] != NOT_IN_TABLE,
        "with_imports": once["arms_data"] == IN_TABLE,
        "russia_largest": largest,
        "russia_majority": (share > 50).fillna(False),
        "russia_share_rose": (change > 0).fillna(False),
        "russia_share_fell": (change < 0).fillna(False),
        "wagner_confirmed": confirmed,
        "wagner_reported": once["wagner_status"] != WAGNER_NONE,
        "russia_largest_and_wagner": largest & confirmed,
    }
    rows = [{"measure": name, "n_countries": int(mask.sum()),
             "countries": "; ".join(once.loc[mask.astype(bool), "country"].astype(str))}
            for name, mask in masks.items()]
    return pd.DataFrame(rows).set_index("measure")


REGION_NAMES = {
    "north-africa": "North Africa",
    "sub-saharan-africa": "sub-Saharan Africa",
    "middle-east": "Middle East (SIPRI)",  # Egypt: SIPRI does not count it in Africa
}


def country_table(view: pd.DataFrame, digits: int = 1) -> pd.DataFrame:
    """:func:`country_view` as a table to read: one row per stop, indexed by country, numbers
    rounded to ``digits`` and written as text, and the reason in words where there is no number:
    ``"not in table"`` (outside the SIPRI tables), ``"no imports recorded"`` (covered, nothing
    delivered in the period; for the earlier period, ``"no imports"``).

    >>> view = pd.DataFrame({"trip": [3], "country": ["Iraq"], "city": ["Baghdad"],
    ...     "arms_data": ["not in table"], "sipri_region": pd.array([None], dtype="string"),
    ...     "period": ["2017-2021"], "before_period": ["2012-2016"],
    ...     "imports_tiv_musd": pd.array([None], dtype="Float64"),
    ...     "russia_share_pct": pd.array([None], dtype="Float64"),
    ...     "russia_share_before_pct": pd.array([None], dtype="Float64"),
    ...     "change_pts": pd.array([None], dtype="Float64"),
    ...     "largest_supplier": pd.array([None], dtype="string"),
    ...     "wagner_status": ["none reported"],
    ...     "wagner_first_reported": pd.array([None], dtype="string")})
    >>> country_table(view).iloc[0].tolist()[2:5]
    ['not in table', 'not in table', 'not in table']
    """
    period, before = view["period"].iloc[0], view["before_period"].iloc[0]
    reason = view["arms_data"].astype(str).tolist()
    outside = [r == NOT_IN_TABLE for r in reason]
    reason_before = [NOT_IN_TABLE if o else "no imports" for o in outside]
    reason_change = [r if r != IN_TABLE else "no earlier imports" for r in reason]
    return pd.DataFrame({
        "tour": view["trip"].astype(int).tolist(),
        "city": view["city"].astype(str).tolist(),
        "SIPRI region": [NOT_IN_TABLE if pd.isna(r) else REGION_NAMES.get(r, r)
                         for r in view["sipri_region"]],
        f"imports {period}, TIV m": _numbers(view["imports_tiv_musd"], reason, digits),
        f"Russia's share {period}, %": _numbers(view["russia_share_pct"], reason, digits),
        f"Russia's share {before}, %": _numbers(view["russia_share_before_pct"],
                                                reason_before, digits),
        "change, points": _numbers(view["change_pts"], reason_change, digits, signed=True),
        f"largest supplier {period}": _numbers(view["largest_supplier"], reason, digits),
        "Wagner (reporting on the story's date)": [
            status if pd.isna(first) else f"{status}, first reported {_month(first)}"
            for status, first in zip(view["wagner_status"], view["wagner_first_reported"],
                                     strict=True)],
    }, index=pd.Index(view["country"].astype(str).tolist(), name="country"))


def _numbers(values: pd.Series, reasons: list[str], digits: int, signed: bool = False
             ) -> list[str]:
    """Each value as text (numbers rounded), or the reason where it is missing."""
    fmt = f"{{:+,.{digits}f}}" if signed else f"{{:,.{digits}f}}"
    # A change of exactly zero gets no sign: "+0.0" would suggest a rise.
    return [reason if pd.isna(v) else v if isinstance(v, str)
            else fmt.format(float(v)) if float(v) != 0 else f"{0:.{digits}f}"
            for v, reason in zip(values, reasons, strict=True)]


def _month(partial_date: str) -> str:
    """'2021-12' -> 'Dec 2021'; '2017' stays '2017'; a full date -> '14 Dec 2022'."""
    parts = str(partial_date).split("-")
    stamp = pd.Timestamp("-".join(parts + ["01"] * (3 - len(parts))))
    return {1: f"{stamp:%Y}", 2: f"{stamp:%b %Y}"}.get(len(parts), f"{stamp.day} {stamp:%b %Y}")
