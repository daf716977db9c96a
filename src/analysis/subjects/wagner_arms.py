"""Wagner's footprint against the SIPRI tables: did Wagner host countries buy more of their major
arms from Russia than other African countries, and did that change between 2012-16 and 2017-21?

The one-country helpers at the end (:func:`supplier_shares_of`, :func:`imports_by_supplier`,
:func:`estimate_check_country`) serve the same comparison and the Mali notebook (03); they could
move to :mod:`analysis.subjects.arms` if other notebooks need them.

Everything here receives DataFrames (``load_wagner()``, one vintage of
``load_table("sipri_africa_annual")``, ``load_table("sipri_recipients")``) and returns new ones.

Editorial decisions a reviewer should check:

- **Who is a host** (:func:`classify_deployments`): a country whose Wagner deployment was
  ``confirmed`` or ``withdrawn`` in ``data/wagner_deployments.csv`` *and* first reported on or
  before the story's date (:data:`analysis.subjects.events.STORY_DATE`). The same six countries are
  hosts in both periods: "host" means "Wagner was reported there by February 2023", not "Wagner was
  there during the period" (no deployment was reported before 2017, so 2012-16 is a baseline).
- **Alleged deployments** (Burkina Faso; DR Congo, alleged only after the story) are in neither
  group: they are not hosts on the evidence, and counting them as non-hosts would be wrong too.
- **Countries** are territories (iso3) in SIPRI's Africa, which excludes Egypt (see
  :mod:`analysis.sipri`). With ``non_state="attribute"`` (the default) arms delivered to an armed
  group count in the country where it operated: ``Libya HoR*`` (Haftar's eastern authorities,
  Wagner's partner in Libya) counts as Libya. Organisations without a territory (the African
  Union) are left out of per-country figures.
- **Shares** are Russia's TIV over all suppliers' TIV to that country in the period (both ends
  of the period included), in percent; ``unknown supplier(s)`` are in the denominator. A country
  with no recorded imports in a period has no share (NaN) and is not counted in that period's
  ``n_countries``. TIV measures the volume of major arms, not money paid, and the annual split is
  an estimate (each deal spread evenly over its delivery years).
- **Group figures** (:func:`compare_groups`): the *pooled* share (the group's Russian TIV over its
  total TIV: big buyers weigh most, so Algeria dominates the non-hosts) and the *median* of the
  country shares (each country counts once).
"""

from collections.abc import Iterable, Sequence

import pandas as pd

from analysis import sipri
from analysis.contract.partial_dates import period_bounds
from analysis.story import STORY_DATE

# Statuses of data/wagner_deployments.csv that make a country a host: a documented deployment,
# whether or not it ended (Mozambique withdrew in 2019 but had hosted Wagner).
HOST_STATUSES = ("confirmed", "withdrawn")
HOST = "Wagner host"
OTHER = "other African countries"
NO_REPORT = "no report"
AFTER = " after the story"  # suffix of a status first reported after ``as_of``
RUSSIA = "Russia"
# Map classes in legend order: "no report" first (plain light grey, no hatch), then the statuses
# of data/wagner_deployments.csv, then the one status the data holds as reported after the story
# (DR Congo's allegation, March 2023). Another "... after the story" value would be rejected by
# the map as an unknown class: loud, not silent.
STATUS_CLASSES = (NO_REPORT, "confirmed", "withdrawn", "alleged", f"alleged{AFTER}")


def _label(years: tuple[int, int]) -> str:
    return f"{years[0]}-{years[1]}"


def _single_vintage(annual: pd.DataFrame) -> None:
    if "vintage" in annual.columns and annual["vintage"].nunique() > 1:
        found = sorted(annual["vintage"].astype(str).unique())
        raise ValueError(f"annual holds {len(found)} export vintages ({', '.join(found)}): "
                         "pass one, e.g. arms.of_vintage(annual, vintage), or deliveries "
                         "are counted twice")


def classify_deployments(wagner: pd.DataFrame, as_of: pd.Timestamp = STORY_DATE
                         ) -> pd.DataFrame:
    """Each Wagner row with what the notebooks draw and count, as the reporting stood ``as_of``.

    Returns the columns ``iso3``, ``country``, ``status``, ``first_reported``,
    ``first_reported_precision``, plus ``reported_by_as_of`` (the period ``first_reported``
    stands for starts on or before ``as_of``), ``map_status`` (the status, or the status
    followed by " after the story" when it was first reported later) and ``group``
    (:data:`HOST` for hosts as defined in the module notes, otherwise ``map_status``).

    >>> w = pd.DataFrame({"iso3": ["MLI", "BFA", "COD"], "country": ["Mali", "Burkina Faso",
    ...                   "DR Congo"], "status": ["confirmed", "alleged", "alleged"],
    ...                   "first_reported": ["2021-12", "2022-12-14", "2023-03"],
    ...                   "first_reported_precision": ["month", "day", "month"]})
    >>> classify_deployments(w)[["iso3", "map_status", "group"]].to_dict("list")
    ... # doctest: +NORMALIZE_WHITESPACE
    {'iso3': ['MLI', 'BFA', 'COD'],
     'map_status': ['confirmed', 'alleged', 'alleged after the story'],
     'group': ['Wagner host', 'alleged', 'alleged after the story']}
    """
    cols = ["iso3", "country", "status", "first_reported", "first_reported_precision"]
    missing = [c for c in cols if c not in wagner.columns]
    if missing:
        raise ValueError(f"wagner lacks columns {missing}: pass load_wagner()")
    out = wagner[cols].copy().reset_index(drop=True)
    starts = [period_bounds(str(v))[0] for v in out["first_reported"]]
    out["reported_by_as_of"] = [start <= pd.Timestamp(as_of) for start in starts]
    out["map_status"] = [s if known else f"{s}{AFTER}"
                         for s, known in zip(out["status"], out["reported_by_as_of"], strict=True)]
    is_host = out["status"].isin(HOST_STATUSES) & out["reported_by_as_of"]
    out["group"] = out["map_status"].where(~is_host, HOST)
    return out


def map_status(classified: pd.DataFrame, africa: Iterable[str]) -> pd.Series:
    """One status per African country (index iso3): ``map_status``, or :data:`NO_REPORT`.

    ``africa`` lists every iso3 to draw (e.g. the tile grid's). A Wagner country missing from it
    raises ValueError: it would silently vanish from the map.

    >>> c = pd.DataFrame({"iso3": ["MLI"], "map_status": ["confirmed"]})
    >>> map_status(c, ["MLI", "NER"]).to_dict()
    {'MLI': 'confirmed', 'NER': 'no report'}
    """
    africa = list(dict.fromkeys(africa))
    unknown = sorted(set(classified["iso3"]) - set(africa))
    if unknown:
        raise ValueError(f"unknown iso3 {unknown}: not among the {len(africa)} African "
                         "countries given")
    status = dict(zip(classified["iso3"], classified["map_status"], strict=True))
    return pd.Series([status.get(c, NO_REPORT) for c in africa], index=pd.Index(africa,
                     name="iso3"), name="map_status", dtype=object)


def hosts(classified: pd.DataFrame) -> list[str]:
    """The iso3 codes of the Wagner hosts in :func:`classify_deployments` output, in table order.

    >>> hosts(pd.DataFrame({"iso3": ["MLI", "BFA"], "group": ["Wagner host", "alleged"]}))
    ['MLI']
    """
    return classified.loc[classified["group"] == HOST, "iso3"].tolist()


def russia_share_by_country(annual: pd.DataFrame, recipients: pd.DataFrame,
                            periods: Sequence[tuple[int, int]], *, region: str = "africa",
                            non_state: str = "attribute") -> pd.DataFrame:
    """Russia's share of each country's major-arms imports, per period: one row per iso3 x period.

    ``annual`` must hold one export vintage. Every territory of ``region`` (see the module notes)
    gets a row in every period, so countries that imported nothing are visible: their
    ``total_tiv_musd`` is 0 and ``russia_share_pct`` NaN. Columns: ``iso3``, ``period``
    (``'2012-2016'``), ``russia_tiv_musd``, ``total_tiv_musd`` (millions of TIV, all suppliers),
    ``russia_share_pct``.

    >>> rec = pd.DataFrame({"sipri_name": ["Mali", "Libya HoR*"], "iso3": ["MLI", "LBY"],
    ...                     "actor_type": ["state", "non-state"],
    ...                     "sipri_subregion": ["sub-saharan-africa", "north-africa"]})
    >>> ann = pd.DataFrame({"supplier": ["Russia", "France", "Russia"],
    ...                     "recipient": ["Mali", "Mali", "Libya HoR*"],
    ...                     "iso3": ["MLI", "MLI", "LBY"], "year": [2018, 2019, 2020],
    ...                     "tiv_musd": [3.0, 1.0, 5.0]})
    >>> russia_share_by_country(ann, rec, [(2017, 2021)]).to_dict("records")
    ... # doctest: +NORMALIZE_WHITESPACE
    [{'iso3': 'LBY', 'period': '2017-2021', 'russia_tiv_musd': 5.0, 'total_tiv_musd': 5.0,
      'russia_share_pct': 100.0},
     {'iso3': 'MLI', 'period': '2017-2021', 'russia_tiv_musd': 3.0, 'total_tiv_musd': 4.0,
      'russia_share_pct': 75.0}]
    """
    _single_vintage(annual)
    periods = [tuple(p) for p in periods]
    if not periods:
        raise ValueError("no periods given: pass e.g. [(2012, 2016), (2017, 2021)]")
    bad = [p for p in periods if len(p) != 2 or p[0] > p[1]]
    if bad:
        raise ValueError(f"periods must be (first, last) with first <= last, got {bad}")
    members = sipri.region_members(recipients, region, non_state)
    territories = sorted(set(recipients.loc[recipients["sipri_name"].isin(members), "iso3"]
                             .dropna().astype(str)))
    sel = annual[annual["recipient"].isin(members) & annual["iso3"].notna()]
    rows = []
    for first, last in periods:
        window = sel[(sel["year"] >= first) & (sel["year"] <= last)]
        total = window.groupby("iso3")["tiv_musd"].sum()
        russia = window[window["supplier"] == RUSSIA].groupby("iso3")["tiv_musd"].sum()
        part = pd.DataFrame({"iso3": territories, "period": _label((first, last))})
        part["russia_tiv_musd"] = part["iso3"].map(russia).astype("float64").fillna(0.0)
        part["total_tiv_musd"] = part["iso3"].map(total).astype("float64").fillna(0.0)
        rows.append(part)
    out = pd.concat(rows, ignore_index=True)
    total = out["total_tiv_musd"].where(out["total_tiv_musd"] > 0)
    out["russia_share_pct"] = 100 * out["russia_tiv_musd"] / total
    return out


def compare_groups(shares: pd.DataFrame, host_iso3: Iterable[str],
                   exclude: Iterable[str] = ()) -> pd.DataFrame:
    """Wagner hosts against all other countries, per period, from :func:`russia_share_by_country`.

    ``exclude`` (e.g. alleged deployments) is left out of both groups. Per period and group:
    ``n_countries`` (countries with imports), ``n_buying_russian`` (of which some from Russia),
    ``russia_tiv_musd``, ``total_tiv_musd``, ``pooled_share_pct`` and ``median_share_pct`` (see
    the module notes). An iso3 of ``host_iso3`` or ``exclude`` that ``shares`` lacks raises
    ValueError, and so does a group with no importing country in a period.

    >>> s = pd.DataFrame({"iso3": ["MLI", "NER", "DZA"], "period": ["2017-2021"] * 3,
    ...                   "russia_tiv_musd": [3.0, 0.0, 60.0],
    ...                   "total_tiv_musd": [4.0, 10.0, 100.0]})
    >>> s["russia_share_pct"] = 100 * s["russia_tiv_musd"] / s["total_tiv_musd"]
    >>> compare_groups(s, ["MLI"])[["group", "n_countries", "pooled_share_pct",
    ...                             "median_share_pct"]].to_dict("records")
    ... # doctest: +NORMALIZE_WHITESPACE
    [{'group': 'Wagner host', 'n_countries': 1, 'pooled_share_pct': 75.0,
      'median_share_pct': 75.0},
     {'group': 'other African countries', 'n_countries': 2, 'pooled_share_pct': 54.5454...,
      'median_share_pct': 30.0}]
    """
    host_iso3, exclude = list(host_iso3), list(exclude)
    known = set(shares["iso3"])
    for name, codes in (("host_iso3", host_iso3), ("exclude", exclude)):
        unknown = sorted(set(codes) - known)
        if unknown:
            raise ValueError(f"unknown iso3 in {name}: {unknown} (not in the shares table; "
                             "is it in SIPRI's Africa?)")
    if not host_iso3:
        raise ValueError("no host countries given: the comparison needs at least one")
    both = sorted(set(host_iso3) & set(exclude))
    if both:
        raise ValueError(f"{both} are both hosts and excluded")
    rows = []
    for period, part in shares.groupby("period", sort=True):
        buying = part[part["total_tiv_musd"] > 0]
        groups = {HOST: buying[buying["iso3"].isin(host_iso3)],
                  OTHER: buying[~buying["iso3"].isin(host_iso3 + exclude)]}
        for group, g in groups.items():
            if g.empty:
                raise ValueError(f"{period}: no {group} imported major arms: nothing to compare")
            russia, total = float(g["russia_tiv_musd"].sum()), float(g["total_tiv_musd"].sum())
            rows.append({"period": period, "group": group, "n_countries": len(g),
                         "n_buying_russian": int((g["russia_tiv_musd"] > 0).sum()),
                         "russia_tiv_musd": russia, "total_tiv_musd": total,
                         "pooled_share_pct": 100 * russia / total,
                         "median_share_pct": float(g["russia_share_pct"].median())})
    return pd.DataFrame(rows)


def share_change(shares: pd.DataFrame, iso3: Iterable[str], before: str, after: str,
                 names: pd.DataFrame | None = None) -> pd.DataFrame:
    """Russia's share in two periods side by side for the given countries (e.g. the hosts).

    Columns: ``iso3``, ``country`` (from ``names``, a frame with ``iso3`` and ``country``, else
    the iso3), ``before_pct``, ``after_pct`` (NaN when the country imported nothing),
    ``change_pts`` (NaN unless both are known). Rows keep the order of ``iso3``.

    >>> s = pd.DataFrame({"iso3": ["MLI", "MLI"], "period": ["2012-2016", "2017-2021"],
    ...                   "russia_share_pct": [0.0, 48.0]})
    >>> share_change(s, ["MLI"], "2012-2016", "2017-2021")[["before_pct", "after_pct",
    ...                                                     "change_pts"]].to_dict("records")
    [{'before_pct': 0.0, 'after_pct': 48.0, 'change_pts': 48.0}]
    """
    iso3 = list(iso3)
    for label in (before, after):
        if label not in set(shares["period"]):
            raise ValueError(f"period {label!r} not in the shares table: "
                             f"{sorted(set(shares['period']))}")
    unknown = sorted(set(iso3) - set(shares["iso3"]))
    if unknown:
        raise ValueError(f"unknown iso3 {unknown}: not in the shares table")
    wide = shares.pivot_table(index="iso3", columns="period", values="russia_share_pct",
                              aggfunc="first", dropna=False)
    out = pd.DataFrame({"iso3": iso3})
    if names is not None:
        lookup = dict(zip(names["iso3"], names["country"], strict=True))
        out["country"] = [lookup.get(c, c) for c in iso3]
    else:
        out["country"] = iso3
    out["before_pct"] = out["iso3"].map(wide[before]).astype("float64")
    out["after_pct"] = out["iso3"].map(wide[after]).astype("float64")
    out["change_pts"] = out["after_pct"] - out["before_pct"]
    return out


def _country_rows(annual: pd.DataFrame, iso3: str) -> pd.DataFrame:
    _single_vintage(annual)
    rows = annual[annual["iso3"] == iso3]
    if rows.empty:
        raise ValueError(f"unknown iso3 {iso3!r}: no deliveries to it in this table")
    return rows


def supplier_shares_of(annual: pd.DataFrame, iso3: str, periods: Sequence[tuple[int, int]]
                       ) -> pd.DataFrame:
    """Each supplier's TIV and share of one country's imports, per period, largest first.

    Columns: ``period``, ``supplier``, ``tiv_musd``, ``share_pct``. Deliveries to armed groups
    on the country's territory count (rows are selected by ``iso3``). ValueError if the country
    has no deliveries at all, or none in a period.

    >>> ann = pd.DataFrame({"iso3": ["MLI"] * 2, "supplier": ["Russia", "France"],
    ...                     "year": [2019, 2020], "tiv_musd": [3.0, 1.0]})
    >>> supplier_shares_of(ann, "MLI", [(2017, 2021)])["share_pct"].tolist()
    [75.0, 25.0]
    """
    rows = _country_rows(annual, iso3)
    parts = []
    for years in periods:
        try:
            shares = sipri.supplier_shares(rows, tuple(years))
        except ValueError:
            raise ValueError(f"{iso3}: no deliveries in {_label(years)}") from None
        parts.append(shares.assign(period=_label(years)))
    out = pd.concat(parts, ignore_index=True)
    out["tiv_musd"] = out["tiv_musd"].astype("float64")
    out["share_pct"] = out["share_pct"].astype("float64")
    return out[["period", "supplier", "tiv_musd", "share_pct"]]


def imports_by_supplier(annual: pd.DataFrame, iso3: str, years: tuple[int, int],
                        suppliers: Sequence[str] = (RUSSIA, "France", "China")) -> pd.DataFrame:
    """One country's estimated imports per year (rows, every year of ``years``) by supplier.

    Columns: the named ``suppliers`` in order, then ``all others`` (every other supplier,
    ``unknown supplier(s)`` included); millions of TIV, 0.0 where nothing was delivered.

    >>> ann = pd.DataFrame({"iso3": ["MLI"] * 3, "supplier": ["Russia", "Spain", "France"],
    ...                     "year": [2021, 2021, 2023], "tiv_musd": [3.0, 1.0, 2.0]})
    >>> imports_by_supplier(ann, "MLI", (2021, 2023), ["Russia", "France"]).to_dict("index")
    ... # doctest: +NORMALIZE_WHITESPACE
    {2021: {'Russia': 3.0, 'France': 0.0, 'all others': 1.0},
     2022: {'Russia': 0.0, 'France': 0.0, 'all others': 0.0},
     2023: {'Russia': 0.0, 'France': 2.0, 'all others': 0.0}}
    """
    first, last = years
    if first > last:
        raise ValueError(f"years {years}: first must not be after last")
    rows = _country_rows(annual, iso3)
    rows = rows[(rows["year"] >= first) & (rows["year"] <= last)]
    if rows.empty:
        raise ValueError(f"{iso3}: no deliveries in {first}-{last}")
    keyed = rows.assign(supplier=rows["supplier"].where(rows["supplier"].isin(suppliers),
                                                        "all others"))
    wide = keyed.pivot_table(index="year", columns="supplier", values="tiv_musd",
                             aggfunc="sum", fill_value=0.0)
    wide = wide.reindex(columns=[*suppliers, "all others"], fill_value=0.0)
    wide = wide.reindex(range(first, last + 1), fill_value=0.0).astype("float64")
    return wide.rename_axis(index="year", columns=None)


def comparison_rows(change: pd.DataFrame, groups: pd.DataFrame, before: str, after: str
                    ) -> pd.DataFrame:
    """Rows for a two-period dot chart: each host country, then the two groups' figures.

    ``change`` is :func:`share_change` output (drawn largest ``after_pct`` first), ``groups`` is
    :func:`compare_groups` output. Returns ``label``, ``before_pct``, ``after_pct`` and
    ``section`` ("Wagner hosts, one by one", then "Hosts against other African countries").

    >>> ch = pd.DataFrame({"country": ["Mali"], "before_pct": [0.0], "after_pct": [48.0]})
    >>> gr = pd.DataFrame({"period": ["2012-2016", "2017-2021"] * 2,
    ...                    "group": ["Wagner host"] * 2 + ["other African countries"] * 2,
    ...                    "pooled_share_pct": [20.0, 47.0, 37.0, 46.0],
    ...                    "median_share_pct": [7.0, 18.0, 0.0, 0.0]})
    >>> comparison_rows(ch, gr, "2012-2016", "2017-2021")["label"].tolist()
    ... # doctest: +NORMALIZE_WHITESPACE
    ['Mali', 'Hosts, all imports pooled', 'Hosts, median country',
     'Other countries, all imports pooled', 'Other countries, median country']
    """
    countries = change.sort_values("after_pct", ascending=False, kind="stable")
    rows = [{"label": c, "before_pct": b, "after_pct": a, "section": "Wagner hosts, one by one"}
            for c, b, a in zip(countries["country"], countries["before_pct"],
                               countries["after_pct"], strict=True)]
    wide = groups.set_index(["group", "period"])
    for group, name in ((HOST, "Hosts"), (OTHER, "Other countries")):
        for measure, words in (("pooled_share_pct", "all imports pooled"),
                               ("median_share_pct", "median country")):
            rows.append({"label": f"{name}, {words}",
                         "before_pct": float(wide.loc[(group, before), measure]),
                         "after_pct": float(wide.loc[(group, after), measure]),
                         "section": "Hosts against other African countries"})
    return pd.DataFrame(rows)


def estimate_check_country(annual: pd.DataFrame, exact: pd.DataFrame, iso3: str,
                           periods: Sequence[tuple[int, int]]) -> pd.DataFrame:
    """One country's estimated imports (even split of deals) against SIPRI's exact table.

    ``exact`` is ``load_table("sipri_africa_imports_exact")``; ``annual`` must be of the same
    vintage (the exact table exists for one vintage only). Rows are matched on ``iso3``, all
    SIPRI recipients on that territory together. Columns: ``period``, ``estimate_musd``,
    ``exact_musd`` (SIPRI rounds each year to whole millions), ``diff_pct`` (of exact).

    >>> ann = pd.DataFrame({"iso3": ["MLI"] * 2, "supplier": ["Russia", "France"],
    ...                     "year": [2017, 2018], "tiv_musd": [10.2, 1.0]})
    >>> ex = pd.DataFrame({"iso3": ["MLI"] * 2, "year": [2017, 2018], "tiv_musd": [10.0, 1.0]})
    >>> estimate_check_country(ann, ex, "MLI", [(2017, 2021)]).round(1).to_dict("records")
    [{'period': '2017-2021', 'estimate_musd': 11.2, 'exact_musd': 11.0, 'diff_pct': 1.8}]
    """
    rows = _country_rows(annual, iso3)
    if "vintage" in exact.columns and "vintage" in annual.columns:
        mine, theirs = set(annual["vintage"]), set(exact["vintage"])
        if not mine & theirs:
            raise ValueError(f"no common vintage: annual is {sorted(map(str, mine))}, exact is "
                             f"{sorted(map(str, theirs))}; compare like with like")
    theirs = exact[exact["iso3"] == iso3]
    if theirs.empty:
        raise ValueError(f"unknown iso3 {iso3!r}: not in the exact import table")
    out = []
    for first, last in periods:
        est = float(rows.loc[rows["year"].between(first, last), "tiv_musd"].sum())
        ex = float(theirs.loc[theirs["year"].between(first, last), "tiv_musd"].sum())
        out.append({"period": _label((first, last)), "estimate_musd": est, "exact_musd": ex,
                    "diff_pct": 100 * (est / ex - 1) if ex else float("nan")})
    return pd.DataFrame(out)
