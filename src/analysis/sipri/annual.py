"""The annual series: each deal's delivered TIV spread over its delivery years, and its check.

**An estimate.** SIPRI's register gives each deal's delivered TIV and the list of years with
deliveries, not a value per year. :func:`annual_deliveries` spreads the delivered TIV evenly over
those years. SIPRI's own value tables are exact; :func:`compare_with_value_tables` measures the gap.
"""

import numpy as np
import pandas as pd


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
    """Vectorised: each distinct delivery-years text is split once, rows are expanded with
    numpy, and the groups are one int64 key (same sums, in the same order, as grouping by
    the key columns themselves)."""
    text = register["delivery_years"].to_numpy(dtype=object)
    dated = np.flatnonzero((text != "") & pd.notna(text))
    codes, uniques = pd.factorize(text[dated])
    parts = [u.split("; ") for u in uniques]
    per = np.array([len(p) for p in parts], dtype=np.int64)  # years of each distinct text
    flat = np.array([y for p in parts for y in p], dtype=object).astype(np.int64)  # as int()
    n = per[codes]  # years of each dated deal
    total = int(n.sum())
    row = np.repeat(np.arange(len(dated)), n)
    within = np.arange(total) - np.repeat(np.cumsum(n) - n, n)
    years = flat[(np.cumsum(per) - per)[codes][row] + within]
    tiv = register["tiv_delivered_musd"].astype("float64").fillna(0.0).to_numpy()[dated]
    value = tiv[row] / n[row]
    key = np.zeros(total, dtype=np.int64)
    valid = np.ones(total, dtype=bool)
    names = []
    for k in keys:  # sorted codes, so the key orders as the key columns do
        c, u = pd.factorize(register[k].to_numpy(dtype=object), sort=True)
        c = c[dated]
        key = key * (len(u) + 1) + c[row]
        valid &= c[row] >= 0  # like groupby, rows with a missing key are left out
        names.append(u)
    low = int(years.min()) if total else 0
    span = int(years.max()) - low + 1 if total else 1
    key = key * span + (years - low)
    groups = pd.Series(value[valid]).groupby(key[valid], sort=True)
    sums, deals = groups.sum(), groups.size()
    group = sums.index.to_numpy()
    out = {}
    rest = group // span
    for k, u in zip(reversed(keys), reversed(names), strict=True):
        rest, c = np.divmod(rest, len(u) + 1)
        out[k] = u[c]
    return pd.DataFrame({**{k: out[k] for k in keys}, "year": group % span + low,
                         "tiv_musd": sums.to_numpy(), "deals": deals.to_numpy()})


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
