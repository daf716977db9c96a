"""African regions, five-year periods and supplier shares, from an annual series of SIPRI deliveries
(:mod:`analysis.sipri.annual`).

Definitions a reviewer should check (each is an argument with a documented default):

- **Regions** (``REGIONS``): ``africa`` is SIPRI's Africa, which *excludes Egypt* (SIPRI counts it
  in the Middle East); ``africa-incl-egypt`` adds Egypt; ``north-africa`` is Algeria, Libya,
  Morocco and Tunisia; ``sub-saharan-africa`` is the rest of SIPRI's Africa. Membership comes from
  ``data/sipri_recipients.csv`` (SIPRI's recipient names -> ISO code and subregion).
- **Non-state and organisation recipients**: by default (``non_state="attribute"``) an armed
  group marked ``*`` counts in the country where it operated (``Libya HoR*`` -> Libya) and the
  ``African Union**`` counts in sub-Saharan Africa, where its missions served. This follows the
  idea that arms delivered into a region add to that region's holdings. ``non_state="exclude"``
  counts states only.
- **Shares** are of the total TIV delivered to the region in the period, all suppliers
  (``unknown supplier(s)`` included in the denominator), in percent.
"""

import pandas as pd

REGIONS = {
    "africa": {"north-africa", "sub-saharan-africa"},
    "africa-incl-egypt": {"north-africa", "sub-saharan-africa", "EGY"},
    "north-africa": {"north-africa"},
    "sub-saharan-africa": {"sub-saharan-africa"},
}
NON_STATE_CHOICES = ("attribute", "exclude")


def parse_years(text: str) -> tuple[int, int]:
    """``'2017-2021'`` (or ``'2021'``) to an inclusive (first, last) pair.

    >>> parse_years("2012-2021")
    (2012, 2021)
    >>> parse_years("2021-2017")
    Traceback (most recent call last):
    ...
    ValueError: years '2021-2017': expected FIRST-LAST with FIRST <= LAST, e.g. 2017-2021
    """
    parts = text.split("-")
    try:
        first, last = int(parts[0]), int(parts[-1])
        if len(parts) > 2 or first > last or not all(len(p) == 4 for p in parts):
            raise ValueError
    except ValueError:
        raise ValueError(
            f"years {text!r}: expected FIRST-LAST with FIRST <= LAST, e.g. 2017-2021"
        ) from None
    return first, last


def region_members(recipients: pd.DataFrame, region: str, non_state: str = "attribute") -> set:
    """SIPRI recipient names counted in ``region``.

    ``recipients`` is ``load_table("sipri_recipients")``.
    """
    if region not in REGIONS:
        raise ValueError(f"region {region!r}: expected one of {sorted(REGIONS)}")
    if non_state not in NON_STATE_CHOICES:
        raise ValueError(f"non_state {non_state!r}: expected one of {NON_STATE_CHOICES}")
    wanted = REGIONS[region]
    inside = recipients["sipri_subregion"].isin(wanted) | recipients["iso3"].isin(wanted)
    if non_state == "exclude":
        inside &= recipients["actor_type"] == "state"
    return set(recipients.loc[inside, "sipri_name"])


def in_region(annual: pd.DataFrame, recipients: pd.DataFrame, region: str,
              non_state: str = "attribute") -> pd.DataFrame:
    """Rows of ``annual`` whose recipient counts in ``region`` (see module notes)."""
    members = region_members(recipients, region, non_state)
    return annual[annual["recipient"].isin(members)]


def supplier_shares(annual: pd.DataFrame, years: tuple[int, int]) -> pd.DataFrame:
    """Each supplier's TIV and share of the total over ``years`` (inclusive), largest first.

    >>> a = pd.DataFrame({"supplier": ["Russia", "China", "Russia"],
    ...                   "year": [2017, 2018, 2030], "tiv_musd": [3.0, 1.0, 99.0]})
    >>> supplier_shares(a, (2017, 2021)).to_dict("records")
    [{'supplier': 'Russia', 'tiv_musd': 3.0, 'share_pct': 75.0}, \
{'supplier': 'China', 'tiv_musd': 1.0, 'share_pct': 25.0}]
    """
    first, last = years
    window = annual[(annual["year"] >= first) & (annual["year"] <= last)]
    by = window.groupby("supplier", as_index=False)["tiv_musd"].sum()
    total = by["tiv_musd"].sum()
    if total <= 0:
        raise ValueError(f"no deliveries in {first}-{last} for this selection: no shares")
    by["share_pct"] = 100 * by["tiv_musd"] / total
    return by.sort_values(["tiv_musd", "supplier"], ascending=[False, True], ignore_index=True)


def share_of(shares: pd.DataFrame, supplier: str) -> float:
    """One supplier's share in percent (0.0 when it delivered nothing)."""
    hit = shares.loc[shares["supplier"] == supplier, "share_pct"]
    return float(hit.iloc[0]) if len(hit) else 0.0


def five_year_windows(first: int, last: int) -> list[tuple[int, int]]:
    """SIPRI's rolling five-year periods whose first year runs from ``first`` to ``last``.

    >>> five_year_windows(2012, 2014)
    [(2012, 2016), (2013, 2017), (2014, 2018)]
    """
    return [(y, y + 4) for y in range(first, last + 1)]
