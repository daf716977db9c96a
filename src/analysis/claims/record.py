"""Checks of claims settled by a dated, sourced row: what a ministry or an agency said before the
story (``data/announcements.csv``) and facts of the record (``data/events.csv``): Wagner's
fighters in Ukraine, France as Mali's former colonial ruler.

Each check names the rows it rests on by id (a keyword argument a reviewer can change) and
fails loudly if a row is missing; the verdict comes from the rows' dates, announcers and
values, never from their wording alone.
"""

import pandas as pd

from analysis.claims.common import announcement_row, date_text, event_row
from analysis.claims.verdict import NOT_SUPPORTED, PARTLY, SUPPORTED, Figure, Verdict, register
from analysis.contract.partial_dates import period_bounds
from analysis.story import STORY_DATE

VISIT = "mli-lavrov-visit-2023"
ONWARD_TASS = "mli-lavrov-onward-tass-2023"


def _by_story(date: str, story_date) -> bool:
    """A (partial) date whose last possible day is on or before the story's day."""
    return period_bounds(str(date))[1] <= pd.Timestamp(story_date)


def _when(date: str) -> str:
    return date_text(date) if len(str(date)) == 10 else str(date)


@register
def check_ministry_aim(announcements: pd.DataFrame, *, announced: str = VISIT,
                       announcer: str = "Mali's foreign ministry",
                       aim: str = "defence and security", story_date=STORY_DATE) -> Verdict:
    """"The ministry said the visit aims at defence and security": the announcement ``announced``
    is by ``announcer``, dated by the story's day, and lists ``aim`` among its ``aims``.
    All three: supported; made by the announcer but without that aim: partly supported (the
    statement exists, the attribution of the aim does not hold); otherwise not supported."""
    ann = announcement_row(announcements, announced)
    aims = list(ann["aims"] or [])
    by_them = str(ann["announced_by"]) == announcer and _by_story(ann["date"], story_date)
    values = {"announced_by": str(ann["announced_by"]), "date": str(ann["date"]), "aims": aims}
    if by_them and aim in aims:
        v = Verdict(SUPPORTED, values, f"{announcer}'s statement (first reported "
                    f"{_when(ann['date'])}) names {aim} among the visit's aims.")
    elif by_them:
        v = Verdict(PARTLY, values, f"{announcer} announced the visit, but its stated aims "
                    f"({', '.join(aims) or 'none recorded'}) do not include {aim}.")
    else:
        v = Verdict(NOT_SUPPORTED, values, f"No statement by {announcer} before the story is "
                    "on record.")
    return v.explained(
        f"Supported if a statement by {announcer} dated by the story's day names '{aim}' among "
        "the visit's aims (data/announcements.csv aims); the statement without that aim: partly "
        "supported; no statement: not supported.",
        [Figure("stated aims", ";".join(aims), "aim", "; ".join(aims) or "none"),
         Figure("announced by", values["announced_by"], "body",
                f"{values['announced_by']}, first reported {_when(ann['date'])}")],
        [("announcements", announced)])


@register
def check_agency_report(announcements: pd.DataFrame, *, announced: str = ONWARD_TASS,
                        agency: str = "TASS", after: str = "MLI",
                        claimed: tuple[str, ...] = ("MRT", "SDN"),
                        story_date=STORY_DATE) -> Verdict:
    """"According to Tass": a report by ``agency`` (``announced``), dated by the story's day,
    giving the stops after ``after`` as ``claimed``, in order. All of it: supported; the agency
    reported the stops but in another order or with others: partly supported; no report by the
    agency before the story: not supported."""
    ann = announcement_row(announcements, announced)
    stops = list(ann["planned_stops"] or [])
    onward = stops[stops.index(after) + 1:] if after in stops else stops
    theirs = str(ann["announced_by"]).startswith(agency) and _by_story(ann["date"], story_date)
    values = {"announced_by": str(ann["announced_by"]), "date": str(ann["date"]),
              "stops_after": onward, "claimed": list(claimed)}
    if theirs and onward == list(claimed):
        v = Verdict(SUPPORTED, values, f"{agency} reported on {_when(ann['date'])}, before the "
                    f"story, that after {after} the tour would go to {' then '.join(onward)}.")
    elif theirs and set(claimed) <= set(onward):
        v = Verdict(PARTLY, values, f"{agency} reported the stops, but as {', '.join(onward)}.")
    else:
        v = Verdict(NOT_SUPPORTED, values, f"No report by {agency} of these stops before the "
                    "story is on record.")
    return v.explained(
        f"Supported if {agency} reported, by the story's day, the stops after {after} as the "
        "story gives them, in order; the same stops otherwise: partly; no such report: not "
        "supported.",
        [Figure(f"stops after {after} per {agency}", ";".join(onward), "iso3",
                f"{' then '.join(onward) or 'none'} ({agency}, {_when(ann['date'])})")],
        [("announcements", announced)])


@register
def check_wagner_in_ukraine(events: pd.DataFrame, *,
                            fighting: tuple[str, ...] = ("ukr-wagner-soledar-2023",),
                            iso3: str = "UKR", story_date=STORY_DATE) -> Verdict:
    """"Wagner's fighters are active in the war in Ukraine": the ``fighting`` rows (combat by
    Wagner in ``iso3``) dated by the story's day, with at least two sources between them.
    Supported if so; dated by then on one source: partly supported; none: not supported."""
    rows = [event_row(events, e) for e in fighting]
    dated = [r for r in rows if r["iso3"] == iso3 and _by_story(r["date"], story_date)]
    sources = sorted({s for r in dated for s in r["source_ids"]})
    values = {"events": [str(r["event_id"]) for r in dated], "sources": len(sources)}
    when = ", ".join(_when(r["date"]) for r in dated) or "none"
    if dated and len(sources) >= 2:
        v = Verdict(SUPPORTED, values, f"Wagner's combat in Ukraine is on record before the "
                    f"story ({when}), from {len(sources)} independent sources.")
    elif dated:
        v = Verdict(PARTLY, values, f"Wagner's combat in Ukraine before the story ({when}) "
                    "rests on one source.")
    else:
        v = Verdict(NOT_SUPPORTED, values, "No record of Wagner fighting in Ukraine before "
                    "the story.")
    return v.explained(
        "Supported if data/events.csv records Wagner's fighters in combat in Ukraine by the "
        "story's day on at least two sources; on one: partly supported; none: not supported.",
        [Figure("records of Wagner in combat in Ukraine", len(dated), "event",
                f"{len(dated)} ({when}), {len(sources)} sources")],
        [("events", e) for e in fighting])


@register
def check_former_ruler(events: pd.DataFrame, *, independence: str = "mli-independence-1960",
                       iso3: str = "MLI", ruler: str = "France",
                       story_date=STORY_DATE) -> Verdict:
    """"France, Mali's former colonial ruler": the ``independence`` row is of ``iso3``, in the
    ``independence`` category, names ``ruler`` in its description (the descriptor requires the
    ruler be named) and is dated before the story. All of it: supported; an independence from
    another ruler: not supported."""
    row = event_row(events, independence)
    ok = (row["iso3"] == iso3 and row["category"] == "independence"
          and ruler in str(row["description"]) and _by_story(row["date"], story_date))
    values = {"independence": str(row["date"]), "ruler_named": ruler in str(row["description"])}
    v = (Verdict(SUPPORTED, values, f"{iso3} became independent of {ruler} on "
                 f"{_when(row['date'])}, having been its colony.") if ok else
         Verdict(NOT_SUPPORTED, values, f"The record does not show {iso3} as a former colony "
                 f"of {ruler}."))
    return v.explained(
        f"Supported if data/events.csv records {iso3}'s independence from {ruler} (category "
        "independence, the ruler named) before the story; otherwise not supported.",
        [Figure("independence", values["independence"], "date",
                f"independent from {ruler} on {_when(row['date'])}")],
        [("events", independence)])
