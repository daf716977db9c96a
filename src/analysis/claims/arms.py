"""Checks of the story's claims about arms (the derived SIPRI tables): the "about 45 percent"
share, "Africa's largest arms dealer", Mali's Russian aircraft; the verdict functions notebook 01
calls; and the tables the fact-check notebook shows beside them.

"About 45" means within :data:`ABOUT_TOLERANCE_PTS` of :data:`STORY_SHARE_PCT`."""

import pandas as pd

from analysis.claims.common import (
    events_of,
    iso_day,
)
from analysis.claims.verdict import NOT_SUPPORTED, PARTLY, SUPPORTED, Figure, Verdict, register
from analysis.contract.partial_dates import period_bounds
from analysis.story import STORY_DATE
from analysis.subjects import arms
from analysis.subjects.arms import (
    STORY_PERIOD,
    WINDOWS_BEFORE_STORY,
    largest_supplier,
    period_label,
    russia_share,
)
from analysis.subjects.wagner_arms import classify_deployments

STORY_SHARE_PCT = 45.0  # "about 45 percent" (article, paragraph 6)
# "About 45": we accept what rounds to 45 at the nearest 5 points, i.e. 42.5 to 47.5.
ABOUT_TOLERANCE_PTS = 2.5


def verdict_table(verdicts: dict) -> pd.DataFrame:
    """Verdicts by name, as a two-column table (verdict, reason)."""
    return pd.DataFrame({"verdict": [v.verdict for v in verdicts.values()],
                         "reason": [v.reason for v in verdicts.values()]},
                        index=list(verdicts))


def verdict_share_claim(grid: pd.DataFrame, vintage: str, region: str = "africa", *,
                        tolerance_pts: float = ABOUT_TOLERANCE_PTS,
                        published: dict[str, float] | None = None) -> Verdict:
    """"About 45 percent of major arms to Africa, 2012-2021" against the computed shares.

    "About" means within ``tolerance_pts`` of 45. ``published`` (from :func:`published_shares`)
    adds SIPRI's own figure for the matching periods to the reason, for comparison only.
    """
    decade = russia_share(grid, vintage, region, period_label(STORY_PERIOD))
    windows = {period_label(w): russia_share(grid, vintage, region, period_label(w))
               for w in WINDOWS_BEFORE_STORY}
    near = [p for p, v in windows.items() if abs(v - STORY_SHARE_PCT) <= tolerance_pts]
    values = {"decade_pct": round(decade, 1), "windows_pct": {p: round(v, 1)
                                                             for p, v in windows.items()},
              "matching_windows": near}
    if abs(decade - STORY_SHARE_PCT) <= tolerance_pts:
        return Verdict("supported", values,
                       f"Russia's share over 2012-2021 is {decade:.0f}%, about 45%.")
    if near:
        sheets = [f"{published[p]:g}% for {p}" for p in near if published and p in published]
        also = f" (SIPRI published {', '.join(sheets)})" if sheets else ""
        return Verdict(
            "partly supported", values,
            f"About 45% holds for {', '.join(near)}{also}, but over the whole 2012-2021 decade "
            f"Russia's share is {decade:.0f}%.")
    return Verdict("not supported", values,
                   f"Russia's share is {decade:.0f}% over 2012-2021 and never about 45% in a "
                   "five-year window of that decade.")


def verdict_largest_dealer(grid: pd.DataFrame, vintage: str, region: str = "africa",
                           periods=None) -> Verdict:
    """"Russia, Africa's largest arms dealer": top supplier in each window published by then
    (``periods``: labels; default the windows published before the story and its decade)."""
    top = largest_supplier(grid)
    top = top[(top["vintage"] == vintage) & (top["region"] == region)]
    wanted = list(periods or [period_label(w) for w in WINDOWS_BEFORE_STORY]
                  + ([] if periods else [period_label(STORY_PERIOD)]))
    missing = sorted(set(wanted) - set(top["period"]))
    if missing:
        raise ValueError(f"periods {missing} are not in the SIPRI grid for {vintage}, {region}")
    top = top[top["period"].isin(wanted)].set_index("period").loc[wanted]
    leaders = top["largest"].to_dict()
    values = {"largest_by_period": leaders}
    if all(s == "Russia" for s in leaders.values()):
        lead = (top["largest_pct"] - top["runner_up_pct"]).min()
        return Verdict("supported", values,
                       f"Russia is the largest supplier in every period ({', '.join(wanted)}), "
                       f"at least {lead:.0f} points ahead of the next.")
    others = sorted({p for p, s in leaders.items() if s != "Russia"})
    return Verdict("partly supported" if len(others) < len(leaders) else "not supported", values,
                   f"Russia is not the largest supplier in {', '.join(others)}.")


def _grid_row(vintage: str, region: str, period: str) -> tuple[str, str]:
    """The row reference of a share computed from the annual SIPRI table."""
    return ("sipri_africa_annual", f"vintage={vintage}, region={region}, period={period}")


def _latest(grid: pd.DataFrame) -> str:
    return sorted(grid["vintage"].unique())[-1]


def _periods(periods=None) -> list[str]:
    """SIPRI's five-year periods published before the story, then the story's decade."""
    return periods or [arms.period_label(w) for w in arms.WINDOWS_BEFORE_STORY] + [
        arms.period_label(arms.STORY_PERIOD)]


def russia_share_table(grid: pd.DataFrame, vintage: str | None = None,
                       periods=None) -> pd.DataFrame:
    """Russia's share (%) of each region's imports: periods (rows; default :func:`_periods`)
    by region (columns, labelled as in ``arms.REGION_LABELS``), for ``vintage`` (default
    latest)."""
    vintage = vintage or _latest(grid)
    periods = _periods(periods)
    sel = grid[(grid["supplier"] == "Russia") & (grid["vintage"] == vintage)
               & grid["period"].isin(periods)]
    wide = sel.pivot_table(index="period", columns="region", values="share_pct")
    return (wide.reindex(index=periods, columns=list(arms.REGION_LABELS))
            .rename(columns=arms.REGION_LABELS).rename_axis(index="period", columns=None))


def largest_table(grid: pd.DataFrame, vintage: str | None = None, periods=None) -> pd.DataFrame:
    """The largest supplier of each region (columns) in each period (rows), for ``vintage``."""
    vintage = vintage or _latest(grid)
    periods = _periods(periods)
    top = arms.largest_supplier(grid)
    top = top[(top["vintage"] == vintage) & top["period"].isin(periods)]
    wide = top.pivot(index="period", columns="region", values="largest")
    return (wide.reindex(index=periods, columns=list(arms.REGION_LABELS))
            .rename(columns=arms.REGION_LABELS).rename_axis(index="period", columns=None))


@register
def check_share_45(grid: pd.DataFrame, fact_sheets: pd.DataFrame, *, vintage: str | None = None,
                   region: str = "africa") -> Verdict:
    """"About 45 percent of major arms to Africa, 2012-2021": the verdict of
    :func:`analysis.subjects.verdict_share_claim` for ``vintage`` (default: the latest export)
    and ``region`` (default SIPRI's Africa, without Egypt). "About" = within
    ``ABOUT_TOLERANCE_PTS`` (2.5) points. The values add the decade share in every region
    and vintage, and SIPRI's published Russia shares for Africa, for comparison only."""
    vintage = vintage or _latest(grid)
    v = verdict_share_claim(grid, vintage, region,
                                 published=arms.published_shares(fact_sheets, region))
    decade = arms.period_label(arms.STORY_PERIOD)
    by_region = {r: round(arms.russia_share(grid, vintage, r, decade), 1)
                 for r in arms.REGION_LABELS}
    by_vintage = {x: round(arms.russia_share(grid, x, region, decade), 1)
                  for x in sorted(grid["vintage"].unique())}
    fs = fact_sheets[(fact_sheets["supplier"] == "Russia") & (fact_sheets["region"] == "africa")]
    published = {str(p): float(s) for p, s in zip(fs["period"], fs["share_pct"], strict=True)}
    values = {**v.values, "vintage": vintage, "region": region,
              "tolerance_pts": ABOUT_TOLERANCE_PTS, "decade_pct_by_region": by_region,
              "decade_pct_by_vintage": by_vintage, "published_africa_pct": published}
    windows = v.values["windows_pct"]
    return Verdict(v.verdict, values, v.reason).explained(
        f"'About 45 percent' over 2012-2021 is supported if Russia's share of the TIV delivered "
        f"to {arms.REGION_LABELS[region]} over the decade is within {ABOUT_TOLERANCE_PTS:g} "
        "points of 45, partly supported if only some five-year periods of the decade are, "
        "otherwise not supported (SIPRI export of the vintage shown).",
        [Figure("Russia's share, 2012-2021", v.values["decade_pct"], "% of TIV",
                f"{v.values['decade_pct']:.1f}% of major arms delivered to "
                f"{arms.REGION_LABELS[region]} in 2012-2021 (export of {vintage})"),
         Figure("five-year periods within the tolerance", len(v.values["matching_windows"]),
                "period", ", ".join(f"{p}: {windows[p]:.1f}%" for p in
                                    v.values["matching_windows"]) or "none"),
         *(Figure(f"SIPRI published, {p}", s_, "%", f"{s_:g}% for {p} (fact sheet, comparison "
                  "only)") for p, s_ in published.items() if p in windows)],
        [_grid_row(vintage, region, decade),
         *(("sipri_fact_sheets", f"period={p}, region=africa, supplier=Russia")
           for p in published if p in windows)])


@register
def check_largest_dealer(grid: pd.DataFrame, *, vintage: str | None = None,
                         region: str = "africa", caveat_region: str = "sub-saharan-africa",
                         periods: tuple[str, ...] | None = None) -> Verdict:
    """"Russia, Africa's largest arms dealer": :func:`analysis.subjects.verdict_largest_dealer`
    (every SIPRI five-year period published before the story, 2012-16 to 2017-21, and the
    decade 2012-2021) for ``vintage`` (default latest) and ``region``; the reason adds where
    Russia did not lead in ``caveat_region`` over the same periods. ``periods`` (labels)
    replaces the story's periods, for the judgement as of later evidence."""
    vintage = vintage or _latest(grid)
    v = verdict_largest_dealer(grid, vintage, region, periods)
    top = arms.largest_supplier(grid)
    top = top[(top["vintage"] == vintage) & (top["region"] == caveat_region)
              & top["period"].isin(v.values["largest_by_period"])]
    order = list(v.values["largest_by_period"])
    top = top.assign(_order=top["period"].map(order.index)).sort_values("_order")
    other = top[top["largest"] != "Russia"]
    values = {**v.values, "vintage": vintage, "region": region,
              f"largest_by_period_{caveat_region}": dict(zip(top["period"], top["largest"],
                                                             strict=True))}
    reason = v.reason
    if len(other):
        led = "; ".join(f"{s} in {', '.join(g['period'])}"
                        for s, g in other.groupby("largest"))
        reason = (f"{v.reason.rstrip('.')}; in {arms.REGION_LABELS[caveat_region]} alone the "
                  f"leader was {led}.")
    leaders = v.values["largest_by_period"]
    russia = [p for p, s_ in leaders.items() if s_ == "Russia"]
    return Verdict(v.verdict, values, reason).explained(
        f"Supported if Russia is the largest supplier to {arms.REGION_LABELS[region]} in every "
        + ("SIPRI five-year period published before the story (2012-16 to 2017-21) and over "
           "2012-2021" if not periods else f"SIPRI five-year period of {', '.join(periods)}")
        + "; in some: partly; in none: not supported.",
        [Figure("periods Russia led", len(russia), "period",
                f"{len(russia)} of {len(leaders)} periods ({', '.join(leaders)})"),
         Figure(f"leader in {arms.REGION_LABELS[caveat_region]}", len(other), "period",
                f"another supplier led in {len(other)} of them" if len(other) else
                "Russia led in every period")],
        [_grid_row(vintage, r, "2012-2016 to 2017-2021 and 2012-2021" if not periods
                   else " to ".join(dict.fromkeys([periods[0], periods[-1]])))
         for r in (region, caveat_region)])


@register
def check_mali_aircraft(mali: pd.DataFrame, *, vintage: str | None = None,
                        before_year: int | None = None) -> Verdict:
    """"Russia has supplied Mali with military aircraft including helicopters": SIPRI deals
    whose deliveries all fall before ``before_year`` (default: the story's year, since SIPRI
    dates deliveries by year only and 2023 mixes before and after the story), in ``vintage``
    (default latest). Units are each deal's delivered total. Helicopters delivered: supported
    (they are aircraft); only fixed-wing: partly supported; none: not supported."""
    vintage = vintage or sorted(mali["vintage"].dt.strftime("%Y-%m-%d").unique())[-1]
    before_year = before_year or STORY_DATE.year
    one = mali[mali["vintage"] == pd.Timestamp(vintage)]
    last_year = one["delivery_years"].map(lambda s: max(int(y) for y in str(s).split("; ")))
    deals = one[last_year < before_year].drop_duplicates(["designation", "order_year"])
    units = deals.groupby("weapon_category")["number_delivered"].sum()
    heli, planes = int(units.get("helicopters", 0)), int(units.get("aircraft", 0))
    values = {"vintage": vintage, "delivered_before": before_year, "helicopters": heli,
              "fixed_wing_aircraft": planes,
              "designations": sorted(deals.loc[deals["weapon_category"].isin(
                  ["helicopters", "aircraft"]), "designation"].unique().tolist())}
    if heli:
        v = Verdict(SUPPORTED, values, f"SIPRI records {heli} helicopters and {planes} "
                    f"fixed-wing aircraft delivered by Russia to Mali before {before_year}.")
    elif planes:
        v = Verdict(PARTLY, values, f"SIPRI records {planes} aircraft but no helicopters "
                    f"delivered before {before_year}.")
    else:
        v = Verdict(NOT_SUPPORTED, values, f"SIPRI records no Russian aircraft delivered to "
                    f"Mali before {before_year}.")
    return v.explained(
        f"Supported if SIPRI's register lists Russian helicopters delivered to Mali in deals "
        f"completed before {before_year} (helicopters are aircraft); fixed-wing only: partly; "
        "none: not supported.",
        [Figure("helicopters delivered", heli, "helicopter", f"{heli} helicopters ("
                + ", ".join(d for d in values["designations"] if d.startswith("Mi")) + ")"),
         Figure("fixed-wing aircraft delivered", planes, "aircraft", f"{planes} aircraft")],
        [("sipri_africa_russia", f"vintage={vintage}, iso3=MLI, deliveries before {before_year}")])


def tiv_by_year(mali: pd.DataFrame, vintage: str | None = None) -> pd.Series:
    """Estimated TIV (millions) delivered by Russia to Mali per year, every year shown."""
    vintage = vintage or sorted(mali["vintage"].dt.strftime("%Y-%m-%d").unique())[-1]
    return arms.mali_by_category(mali, vintage).sum(axis=1).rename("tiv_musd")


@register
def check_closer_to_russia(mali: pd.DataFrame, wagner: pd.DataFrame, events: pd.DataFrame, *,
                           iso3: str = "MLI", coup_year: int = 2020, vintage: str | None = None,
                           story_date=STORY_DATE) -> Verdict:
    """"Since a 2020 military coup ... drawn closer to Russia", measured two ways:

    - SIPRI TIV from Russia in the full years between the coup and the story (the coup's year
      + 1 to the story's year - 1) against as many years just before the coup's year;
    - Wagner first reported in ``iso3`` after the coup.

    Both: supported; one: partly supported; neither: not supported. Closeness has no measure of
    its own; these are its most direct traces in the data.
    """
    coups = events_of(events, iso3, "coup")
    coup = coups[coups["first_day"].dt.year == coup_year]
    if coup.empty:
        raise ValueError(f"no coup in {iso3} in {coup_year} in the events table")
    coup_day = coup["first_day"].min()
    after = (coup_year + 1, pd.Timestamp(story_date).year - 1)
    n = after[1] - after[0] + 1
    before = (coup_year - n, coup_year - 1)
    tiv = tiv_by_year(mali, vintage)
    sums = {k: float(tiv[tiv.index.to_series().between(*p)].sum()) for k, p in
            (("before", before), ("after", after))}
    w = classify_deployments(wagner, story_date)
    w = w[w["iso3"] == iso3]
    wagner_after = bool(len(w)) and period_bounds(str(w["first_reported"].iloc[0]))[0] > coup_day
    values = {"coup": iso_day(coup_day), "years_before": f"{before[0]}-{before[1]}",
              "years_after": f"{after[0]}-{after[1]}", "tiv_before_musd": round(sums["before"], 1),
              "tiv_after_musd": round(sums["after"], 1),
              "wagner_first_reported": str(w["first_reported"].iloc[0]) if len(w) else None}
    more = sums["after"] > sums["before"]
    text = (f"Russian deliveries to Mali came to {sums['after']:.0f}m TIV in "
            f"{values['years_after']} against {sums['before']:.0f}m in {values['years_before']}, "
            f"and Wagner was first reported there {'after' if wagner_after else 'before'} the "
            f"coup ({values['wagner_first_reported']}).")
    verdict = SUPPORTED if more and wagner_after else PARTLY if more or wagner_after else \
        NOT_SUPPORTED
    vintage = vintage or sorted(mali["vintage"].dt.strftime("%Y-%m-%d").unique())[-1]
    return Verdict(verdict, values, text).explained(
        "Supported if Russia delivered more (SIPRI TIV) in the full years between the coup and "
        "the story than in as many years before the coup, and Wagner was first reported after "
        "the coup; one of the two: partly; neither: not supported.",
        [Figure(f"TIV {values['years_after']}", values["tiv_after_musd"], "million TIV",
                f"{sums['after']:.0f} million TIV from Russia in {values['years_after']}"),
         Figure(f"TIV {values['years_before']}", values["tiv_before_musd"], "million TIV",
                f"{sums['before']:.0f} million TIV in {values['years_before']}"),
         Figure("Wagner first reported", values["wagner_first_reported"], "month",
                f"first reported {values['wagner_first_reported']}, "
                f"{'after' if wagner_after else 'before'} the coup of {iso_day(coup_day)}")],
        [("events", e) for e in coup["event_id"]] + [
            ("sipri_africa_russia",
             f"vintage={vintage}, iso3={iso3}, years {before[0]}-{after[1]}"),
            ("wagner_deployments", iso3)])


@register
def check_sipri_study(fact_sheets: pd.DataFrame, *, period: str = "2012-2021",
                      region: str = "africa", tolerance_pts: float = ABOUT_TOLERANCE_PTS
                      ) -> Verdict:
    """"According to a study by SIPRI" (the 45% for 2012-2021): a SIPRI publication on record
    (``data/sipri_fact_sheets.csv``) giving Russia's share of ``region`` for ``period``:
    supported. None, but one giving about 45% for a five-year period ending in the period's last
    year: partly supported (the figure is SIPRI's, the period is not). Neither: not supported."""
    fs = fact_sheets[(fact_sheets["supplier"] == "Russia") & (fact_sheets["region"] == region)]
    published = {str(p): float(s_) for p, s_ in zip(fs["period"], fs["share_pct"], strict=True)}
    end = period.split("-")[1]
    near = [p for p, s_ in published.items() if p.endswith(end)
            and abs(s_ - STORY_SHARE_PCT) <= tolerance_pts]
    values = {"published": published, "period_published": period in published, "near": near}
    ids = dict(zip(fs["period"].astype(str), fs["source_id"], strict=True))
    if period in published:
        v = Verdict(SUPPORTED, values, f"SIPRI published {published[period]:g}% for {period}.")
    elif near:
        v = Verdict(PARTLY, values, f"No SIPRI publication on record gives a {period} figure; "
                    f"the nearest is its fact sheet's {published[near[0]]:g}% for {near[0]} "
                    f"({ids[near[0]]}). SIPRI published shares for "
                    f"{', '.join(published)} only.")
    else:
        v = Verdict(NOT_SUPPORTED, values, f"No SIPRI publication on record gives about 45% "
                    f"for {period} or a period ending in {end}.")
    return v.explained(
        f"Supported if a SIPRI publication on record gives Russia's share of "
        f"{arms.REGION_LABELS[region]} for {period}; partly if one gives about 45 (within "
        f"{tolerance_pts:g} points) for a five-year period ending in {end}; otherwise not "
        "supported. The record holds the fact-sheet figures found, not every SIPRI publication.",
        [Figure("SIPRI periods on record", len(published), "period",
                ", ".join(f"{p}: {s_:g}%" for p, s_ in published.items())),
         Figure(f"published for {period}", published.get(period), "%",
                f"{published[period]:g}%" if period in published else "none")],
        [("sipri_fact_sheets", f"period={p}, region={region}, supplier=Russia")
         for p in published])
