"""The arms story from the committed SIPRI tables: shares by region, period and vintage; Russia's
deliveries over time; its top African customers; Mali. The verdicts on the story's numbers are
in :mod:`analysis.claims.arms`.

Everything here reads DataFrames the caller loaded (``load_table("sipri_africa_annual")`` and
friends), so the notebooks work on a fresh clone without SIPRI's raw exports. Definitions:
see :mod:`analysis.sipri` (regions, non-state recipients, the annual estimate).
"""


import pandas as pd

from analysis import sipri

STORY_PERIOD = (2012, 2021)  # "between 2012 and 2021" (article, paragraph 6)
# SIPRI's five-year windows from 2012-16 to 2020-24 (the last complete one in our exports).
WINDOWS = sipri.five_year_windows(2012, 2020)
# The windows SIPRI had published when the story ran (6 Feb 2023): up to 2017-21.
WINDOWS_BEFORE_STORY = [w for w in WINDOWS if w[1] <= 2021]
REGION_LABELS = {
    "africa": "Africa (SIPRI: no Egypt)",
    "africa-incl-egypt": "Africa incl. Egypt",
    "north-africa": "North Africa",
    "sub-saharan-africa": "Sub-Saharan Africa",
}
MAJOR_SUPPLIERS = ("Russia", "United States", "China", "France")
# Every period the notebooks compute: 2011-15 (the oldest fact sheet we compare with), SIPRI's
# windows, and the story's decade.
ALL_PERIODS = [(2011, 2015), *WINDOWS, STORY_PERIOD]


def period_label(years: tuple[int, int]) -> str:
    """``(2012, 2021)`` -> ``'2012-2021'``."""
    return f"{years[0]}-{years[1]}"


def vintages(annual: pd.DataFrame) -> list[str]:
    """The export dates present, oldest first, as ``YYYY-MM-DD``."""
    return sorted(annual["vintage"].dt.strftime("%Y-%m-%d").unique())


def of_vintage(annual: pd.DataFrame, vintage: str) -> pd.DataFrame:
    """Rows of one export vintage (``YYYY-MM-DD``)."""
    out = annual[annual["vintage"] == pd.Timestamp(vintage)]
    if out.empty:
        raise ValueError(f"no rows for vintage {vintage}; present: {vintages(annual)}")
    return out


def shares_grid(annual: pd.DataFrame, recipients: pd.DataFrame, periods, regions=None,
                non_state: str = "attribute") -> pd.DataFrame:
    """Supplier shares for every vintage x region x period: one row per supplier.

    Columns: vintage, region, period, supplier, tiv_musd, share_pct, rank (1 = largest).
    """
    regions = list(regions or sipri.REGIONS)
    rows = []
    for vintage in vintages(annual):
        one = of_vintage(annual, vintage)
        for region in regions:
            sel = sipri.in_region(one, recipients, region, non_state)
            for years in periods:
                s = sipri.supplier_shares(sel, years)
                rows.append(s.assign(vintage=vintage, region=region, period=period_label(years),
                                     rank=range(1, len(s) + 1)))
    out = pd.concat(rows, ignore_index=True)
    return out[["vintage", "region", "period", "supplier", "tiv_musd", "share_pct", "rank"]]


def supplier_table(grid: pd.DataFrame, suppliers=MAJOR_SUPPLIERS) -> pd.DataFrame:
    """Shares of the named suppliers plus 'all others', one row per vintage/region/period."""
    keyed = grid.assign(supplier=grid["supplier"].where(grid["supplier"].isin(suppliers),
                                                        "all others"))
    wide = keyed.pivot_table(index=["vintage", "region", "period"], columns="supplier",
                             values="share_pct", aggfunc="sum", fill_value=0.0)
    return wide[[*suppliers, "all others"]].reset_index().rename_axis(columns=None)


def russia_share(grid: pd.DataFrame, vintage: str, region: str, period: str) -> float:
    """Russia's share (percent) in one cell of :func:`shares_grid`."""
    hit = grid[(grid["vintage"] == vintage) & (grid["region"] == region)
               & (grid["period"] == period) & (grid["supplier"] == "Russia")]
    return float(hit["share_pct"].iloc[0]) if len(hit) else 0.0


def largest_supplier(grid: pd.DataFrame) -> pd.DataFrame:
    """The top supplier and runner-up of each vintage/region/period, with their shares."""
    top = grid[grid["rank"] <= 2].copy()
    first = top[top["rank"] == 1].set_index(["vintage", "region", "period"])
    second = top[top["rank"] == 2].set_index(["vintage", "region", "period"])
    return pd.DataFrame({
        "largest": first["supplier"], "largest_pct": first["share_pct"],
        "runner_up": second["supplier"], "runner_up_pct": second["share_pct"],
    }).reset_index()


def yearly_supplier_tiv(annual: pd.DataFrame, recipients: pd.DataFrame, region: str,
                        supplier: str = "Russia", non_state: str = "attribute") -> pd.DataFrame:
    """Estimated TIV per year from ``supplier`` to ``region`` and the region's total, by vintage."""
    rows = []
    for vintage in vintages(annual):
        sel = sipri.in_region(of_vintage(annual, vintage), recipients, region, non_state)
        total = sel.groupby("year")["tiv_musd"].sum()
        own = sel[sel["supplier"] == supplier].groupby("year")["tiv_musd"].sum()
        rows.append(pd.DataFrame({"vintage": vintage, "supplier_tiv_musd": own,
                                  "total_tiv_musd": total}).fillna(0.0)
                    .rename_axis("year").reset_index())
    return pd.concat(rows, ignore_index=True)


def decline(yearly: pd.DataFrame, before: tuple[int, int], after: tuple[int, int]) -> float:
    """Average yearly ``supplier_tiv_musd`` in ``after`` as a share (0-1) of that in ``before``."""
    mean = {k: yearly[yearly["year"].between(*p)]["supplier_tiv_musd"].mean()
            for k, p in (("before", before), ("after", after))}
    return float(mean["after"] / mean["before"])


def top_recipients(annual: pd.DataFrame, supplier: str, years: tuple[int, int], n: int = 10
                   ) -> pd.DataFrame:
    """The ``n`` African recipients (Egypt included, flagged) taking most TIV from ``supplier``."""
    sel = annual[(annual["supplier"] == supplier) & annual["year"].between(*years)]
    by = (sel.groupby(["recipient", "in_sipri_africa"], as_index=False)["tiv_musd"].sum()
          .sort_values("tiv_musd", ascending=False, ignore_index=True))
    by["share_of_supplier_africa_pct"] = 100 * by["tiv_musd"] / by["tiv_musd"].sum()
    return by.head(n)


def estimate_check(annual: pd.DataFrame, exact: pd.DataFrame, recipients: pd.DataFrame,
                   region: str, periods) -> pd.DataFrame:
    """Register estimate against SIPRI's exact import table, same vintage, region totals."""
    vintage = exact["vintage"].dt.strftime("%Y-%m-%d").iloc[0]
    one = of_vintage(annual, vintage)
    members = sipri.region_members(recipients, region)
    by_recipient = sipri.compare_with_value_tables(
        one, exact.rename(columns={"recipient": "party"}), members, periods)
    totals = by_recipient.groupby("period", as_index=False)[["estimate_musd", "exact_musd"]].sum()
    totals["diff_pct"] = 100 * (totals["estimate_musd"] / totals["exact_musd"] - 1)
    return totals.assign(vintage=vintage, region=region)


def mali_by_category(mali: pd.DataFrame, vintage: str) -> pd.DataFrame:
    """Russia -> Mali estimated TIV by year (rows) and weapon category (columns)."""
    one = mali[mali["vintage"] == pd.Timestamp(vintage)]
    wide = one.pivot_table(index="year", columns="weapon_category", values="tiv_musd",
                           aggfunc="sum", fill_value=0.0).rename_axis(columns=None)
    years = range(wide.index.min(), wide.index.max() + 1)  # show years with no deliveries
    return wide.reindex(years, fill_value=0.0).rename_axis("year")


def published_vs_computed(fact_sheets: pd.DataFrame, grid: pd.DataFrame) -> pd.DataFrame:
    """SIPRI's published fact-sheet shares beside ours, for every vintage."""
    ours = grid.pivot_table(index=["region", "period", "supplier"], columns="vintage",
                            values="share_pct").add_prefix("computed_").reset_index()
    out = fact_sheets[["period", "region", "supplier", "share_pct", "source_id"]].rename(
        columns={"share_pct": "published_pct"}).merge(ours, on=["region", "period", "supplier"],
                                                      how="left")
    latest = sorted(c for c in out.columns if c.startswith("computed_"))[-1]
    out["diff_latest_pts"] = out[latest] - out["published_pct"]
    return out


def published_markers(fact_sheets: pd.DataFrame, periods: list[str], region: str = "africa",
                      supplier: str = "Russia") -> pd.DataFrame:
    """SIPRI's published shares as chart markers: columns x (period), y (percent), label."""
    hit = fact_sheets[(fact_sheets["supplier"] == supplier) & (fact_sheets["region"] == region)
                      & fact_sheets["period"].isin(periods)]
    return pd.DataFrame({"x": hit["period"].tolist(), "y": hit["share_pct"].tolist(),
                         "label": f"SIPRI fact sheet, {REGION_LABELS[region]}"})


def published_shares(fact_sheets: pd.DataFrame, region: str = "africa",
                     supplier: str = "Russia") -> dict[str, float]:
    """SIPRI's published shares for one region and supplier, by period (``'2017-2021'``)."""
    hit = fact_sheets[(fact_sheets["supplier"] == supplier) & (fact_sheets["region"] == region)]
    return {str(p): float(v) for p, v in zip(hit["period"], hit["share_pct"], strict=True)}
