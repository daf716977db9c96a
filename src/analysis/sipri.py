"""Annual series, African regions and supplier shares computed from SIPRI exports.

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
- **Annual series from the register are estimates**: SIPRI's register gives each deal's delivered
  TIV and the list of years with deliveries, not a value per year. :func:`annual_deliveries`
  spreads the delivered TIV evenly over those years. SIPRI's own value tables are exact; use
  :func:`compare_with_value_tables` to measure the gap.
- **Shares** are of the total TIV delivered to the region in the period, all suppliers
  (``unknown supplier(s)`` included in the denominator), in percent.
"""

import numpy as np
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


def annual_deliveries(register: pd.DataFrame) -> pd.DataFrame:
    """Estimated TIV delivered per deal-year: each deal's delivered TIV spread evenly.

    Returns one row per (supplier, recipient, year) with ``tiv_musd`` summed over deals and
    ``deals`` counting them. An estimate: SIPRI does not publish per-year values per deal.

    >>> reg = pd.DataFrame({"supplier": ["Russia"], "recipient": ["Mali"],
    ...                     "delivery_years": ["2021; 2022"], "tiv_delivered_musd": [10.0]})
    >>> annual_deliveries(reg)[["year", "tiv_musd"]].to_dict("records")
    [{'year': 2021, 'tiv_musd': 5.0}, {'year': 2022, 'tiv_musd': 5.0}]
    """
    return _spread(register, ["supplier", "recipient"])


def _spread(register: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    dated = register[register["delivery_years"].fillna("") != ""]
    parts = [v.split("; ") for v in dated["delivery_years"].tolist()]
    n = np.fromiter((len(p) for p in parts), dtype=np.int64, count=len(parts))
    years = np.array([y for p in parts for y in p]).astype(np.int64)
    row = np.repeat(np.arange(len(dated)), n)
    tiv = dated["tiv_delivered_musd"].astype("float64").fillna(0.0).to_numpy()
    long = pd.DataFrame({k: dated[k].to_numpy()[row] for k in keys})
    long["year"] = years
    long["tiv_musd"] = tiv[row] / n[row]
    return (long.groupby([*keys, "year"], as_index=False, sort=True)
            .agg(tiv_musd=("tiv_musd", "sum"), deals=("tiv_musd", "size")))


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


def compare_with_value_tables(annual: pd.DataFrame, import_values: pd.DataFrame,
                              members: set, periods: list[tuple[int, int]]) -> pd.DataFrame:
    """Register-based estimate against SIPRI's exact import table, by recipient and period.

    ``annual`` is :func:`annual_deliveries` output; ``import_values`` is the ``frame`` of an
    import-values export (party, year, tiv_musd). Returns recipient, period, the two totals,
    ``diff_musd`` (estimate - exact) and ``diff_pct`` (of exact; NaN where exact is 0).
    """
    rows = []
    for first, last in periods:
        est = (annual[annual["recipient"].isin(members) & annual["year"].between(first, last)]
               .groupby("recipient")["tiv_musd"].sum())
        iv = import_values
        exact = (iv[iv["party"].isin(members) & iv["year"].between(first, last)]
                 .groupby("party")["tiv_musd"].sum().astype("float64"))
        both = pd.concat({"estimate_musd": est, "exact_musd": exact}, axis=1).fillna(0.0)
        both["period"] = f"{first}-{last}"
        rows.append(both.rename_axis("recipient").reset_index())
    out = pd.concat(rows, ignore_index=True)
    out["diff_musd"] = out["estimate_musd"] - out["exact_musd"]
    exact = out["exact_musd"].where(out["exact_musd"] > 0)
    out["diff_pct"] = 100 * out["diff_musd"] / exact
    return out[["recipient", "period", "estimate_musd", "exact_musd", "diff_musd", "diff_pct"]]
