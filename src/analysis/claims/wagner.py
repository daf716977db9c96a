"""Checks of the story's claims about the Wagner Group (``data/wagner_deployments.csv``): where it
deployed, whether it was accused of abuses there, whether its footprint grew; and the tables the
fact-check notebook shows beside them."""

import pandas as pd

from analysis.claims.common import (
    _day,
    _events_of,
)
from analysis.claims.verdict import NOT_SUPPORTED, PARTLY, SUPPORTED, Verdict, register
from analysis.contract.partial_dates import period_bounds
from analysis.story import STORY_DATE
from analysis.subjects.wagner_arms import classify_deployments


def _accused(documented_by, count_press_reports: bool) -> bool:
    if not isinstance(documented_by, list):
        return False
    return any(count_press_reports or not d.endswith("(press report)") for d in documented_by)


def abuse_by_country(wagner: pd.DataFrame, *, story_date=STORY_DATE,
                     statuses: tuple[str, ...] = ("confirmed",),
                     count_press_reports: bool = True) -> pd.DataFrame:
    """One row per Wagner row: ``deployed`` (status in ``statuses`` and first reported by the
    story's date) and ``accused`` (anyone documented abuses; press reports only if
    ``count_press_reports``), with who documented them."""
    w = classify_deployments(wagner, story_date).set_index("iso3")
    docs = wagner.set_index("iso3")["abuse_documented_by"]
    return pd.DataFrame({
        "country": w["country"], "status": w["status"],
        "deployed": w["status"].isin(statuses) & w["reported_by_as_of"],
        "accused": [_accused(d, count_press_reports) for d in docs.reindex(w.index)],
        "documented_by": ["; ".join(d) if isinstance(d, list) else "" for d in
                          docs.reindex(w.index)],
    }).reset_index()


@register
def check_wagner_abuses(wagner: pd.DataFrame, *, story_date=STORY_DATE,
                        statuses: tuple[str, ...] = ("confirmed",),
                        count_press_reports: bool = True, most: float = 0.5) -> Verdict:
    """"In most African countries where they have deployed, accused of widespread abuses":
    the share of deployed countries (see :func:`abuse_by_country`) where abuses were documented.

    Defaults: deployed = ``confirmed`` as of the story (``withdrawn`` rows had left, ``alleged``
    ones are unproven); any documented accusation counts, press reports included. Above
    ``most`` (half): supported; some but not most: partly supported; none: not supported.
    """
    table = abuse_by_country(wagner, story_date=story_date, statuses=statuses,
                             count_press_reports=count_press_reports)
    deployed = table[table["deployed"]]
    accused = deployed[deployed["accused"]]
    share = len(accused) / len(deployed) if len(deployed) else 0.0
    values = {"deployed": len(deployed), "accused": len(accused),
              "share_pct": round(100 * share, 1), "accused_in": accused["country"].tolist(),
              "not_accused_in": deployed.loc[~deployed["accused"], "country"].tolist(),
              "statuses": list(statuses), "press_reports_count": count_press_reports}
    text = (f"Abuses were reported in {len(accused)} of the {len(deployed)} countries where "
            f"Wagner's deployment was {' or '.join(statuses)} by the story's date "
            f"({', '.join(accused['country'])})")
    if share > most:
        return Verdict(SUPPORTED, values, text + ".")
    if len(accused):
        return Verdict(PARTLY, values, text + ": some, not most.")
    return Verdict(NOT_SUPPORTED, values, f"No abuses were reported in the {len(deployed)} "
                   "countries where Wagner was deployed.")


def abuse_sensitivity(wagner: pd.DataFrame, story_date=STORY_DATE) -> pd.DataFrame:
    """:func:`check_wagner_abuses` under each definition: deployed = confirmed, or confirmed
    and withdrawn; accusations from anyone, or from UN bodies and rights groups only."""
    rows = []
    for statuses in (("confirmed",), ("confirmed", "withdrawn")):
        for press in (True, False):
            v = check_wagner_abuses(wagner, story_date=story_date, statuses=statuses,
                                    count_press_reports=press)
            rows.append({"deployed means": " or ".join(statuses),
                         "accusations counted": "all" if press else "UN and rights groups",
                         "deployed": v.values["deployed"], "accused": v.values["accused"],
                         "share_pct": v.values["share_pct"], "verdict": v.verdict})
    return pd.DataFrame(rows)


@register
def check_wagner_in_mali(wagner: pd.DataFrame, *, iso3: str = "MLI", story_date=STORY_DATE
                         ) -> Verdict:
    """"Many of whom ... belong to the Wagner mercenary group": a Wagner deployment in ``iso3``
    documented (``confirmed``) by the story's date. ``alleged``: partly supported."""
    w = classify_deployments(wagner, story_date)
    w = w[w["iso3"] == iso3]
    if w.empty:
        return Verdict(NOT_SUPPORTED, {"status": None}, "No Wagner deployment is recorded.")
    row = w.iloc[0]
    values = {"status": row["status"], "first_reported": str(row["first_reported"]),
              "reported_by_story": bool(row["reported_by_as_of"])}
    if row["status"] == "confirmed" and row["reported_by_as_of"]:
        return Verdict(SUPPORTED, values, f"A Wagner deployment in {row['country']} is "
                       f"documented from {row['first_reported']}; what share of the Russian "
                       "personnel it makes up is not recorded.")
    if row["status"] == "alleged":
        return Verdict(PARTLY, values, f"Wagner's presence in {row['country']} is alleged only.")
    return Verdict(NOT_SUPPORTED, values, f"Wagner's deployment in {row['country']} was "
                   f"{row['status']} as of the story.")


@register
def check_wagner_growth(wagner: pd.DataFrame, *, story_date=STORY_DATE, recent_years: int = 5,
                        statuses: tuple[str, ...] = ("confirmed", "withdrawn")) -> Verdict:
    """"In recent years, a growing number of countries": countries with a documented Wagner
    deployment (``statuses``; withdrawn ones count, since they once signed up) first reported
    by the story's date, against those reported by ``recent_years`` before it. A deployment
    counts from the first day of the period its partial date stands for. More now: supported."""
    story = pd.Timestamp(story_date)
    start = story - pd.DateOffset(years=recent_years)
    w = wagner[wagner["status"].isin(statuses)]
    first = pd.Series([period_bounds(str(d))[0] for d in w["first_reported"]], index=w.index)
    then, now = w[first <= start], w[first <= story]
    added = now[~now["iso3"].isin(then["iso3"])]
    values = {"since": _day(start), "countries_then": len(then), "countries_at_story": len(now),
              "added": added["country"].tolist(), "statuses": list(statuses)}
    if len(now) > len(then):
        return Verdict(SUPPORTED, values, f"Documented Wagner deployments grew from "
                       f"{len(then)} to {len(now)} countries in the {recent_years} years before "
                       f"the story ({', '.join(added['country'])} added).")
    return Verdict(NOT_SUPPORTED, values, f"No country was added in the {recent_years} years "
                   "before the story.")




@register
def check_un_experts(events: pd.DataFrame, wagner: pd.DataFrame, *, iso3: str = "MLI",
                     body: str = "UN experts (HRC)", story_date=STORY_DATE) -> Verdict:
    """"UN experts have said Wagner ... may have committed war crimes": a ``UN finding`` event
    in ``iso3`` dated before the story, and ``body`` among those who documented Wagner's abuses
    there. Both: supported; one: partly supported."""
    found = _events_of(events, iso3, "UN finding")
    found = found[found["last_day"] < pd.Timestamp(story_date)]
    docs = wagner.loc[wagner["iso3"] == iso3, "abuse_documented_by"]
    listed = bool(len(docs)) and isinstance(docs.iloc[0], list) and body in docs.iloc[0]
    values = {"findings_before_story": dict(zip(found["event_id"], found["date"], strict=True)),
              "documented_by_includes": listed}
    if len(found) and listed:
        return Verdict(SUPPORTED, values, f"{body} published their finding on "
                       f"{found['date'].iloc[-1]}, before the story, and are recorded as "
                       "documenting Wagner's abuses in Mali.")
    if len(found) or listed:
        return Verdict(PARTLY, values, "Only one of the finding and the attribution to "
                       f"{body} is recorded.")
    return Verdict(NOT_SUPPORTED, values, "No UN finding before the story is recorded.")
