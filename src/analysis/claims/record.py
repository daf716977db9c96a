"""Checks of claims settled by a dated, sourced row: what a ministry or an agency said before the
story (``data/announcements.csv``) and facts of the record (``data/events.csv``): Wagner's
fighters in Ukraine, France as Mali's former colonial ruler.

Each check names the rows it rests on by id (a keyword argument a reviewer can change) and
fails loudly if a row is missing; the verdict comes from the rows' dates, announcers and
values, never from their wording alone.
"""

import pandas as pd

from analysis.claims.common import announcement_row, date_text, event_row
from analysis.claims.verdict import (
    NOT_CHECKABLE,
    NOT_SUPPORTED,
    PARTLY,
    SUPPORTED,
    Figure,
    Verdict,
    register,
)
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


# Events after which Wagner's part in the war changed (data/events.csv): its units left the
# front (May-June 2023), its mutiny's deal sent its fighters to Belarus or into Russia's regular
# army, and its chief died.
WAGNER_TURNS = ("ukr-wagner-bakhmut-exit-2023", "rus-wagner-mutiny-2023",
                "rus-prigozhin-death-2023")
# Records of former Wagner fighters back in the war under other command, not as Wagner's units.
WAGNER_FORMER = ("ukr-wagner-return-2023",)


@register
def check_wagner_in_ukraine(events: pd.DataFrame, *,
                            fighting: tuple[str, ...] = ("ukr-wagner-soledar-2023",),
                            turns: tuple[str, ...] = WAGNER_TURNS,
                            former: tuple[str, ...] = WAGNER_FORMER,
                            searched_after_turns: bool = False,
                            iso3: str = "UKR", story_date=STORY_DATE) -> Verdict:
    """"Wagner's fighters are taking part in the war in Ukraine", a present-tense state, judged
    on the LATEST evidence by ``story_date``, whichever kind it is: the ``fighting`` rows
    (Wagner's units in combat in ``iso3``), the ``turns`` (events after which Wagner's part in
    the war changed: its units' withdrawal, the mutiny, Prigozhin's death) and the ``former``
    rows (former Wagner fighters back in combat under other command), all dated by then.

    The latest is a combat record of Wagner's units: supported on at least two sources between
    the records, partly on one. The latest is of former fighters only: partly supported (the
    claim holds for Wagner's men, not for Wagner). The latest is a turn: the old record no
    longer shows the present, and the answer is the search for combat since the turn. Only if
    ``searched_after_turns`` (the events table was researched for Wagner units in the war after
    the turn) is an empty record read as their absence (not supported); otherwise the claim is
    not checkable, and the reason names the turn and the missing search. No record at all: not
    supported."""
    def by_then(ids):
        rows = [event_row(events, e) for e in ids]
        return [r for r in rows if _by_story(r["date"], story_date)]

    def last_day(rows):
        return max((period_bounds(str(r["date"]))[1] for r in rows), default=None)

    dated = [r for r in by_then(fighting) if r["iso3"] == iso3]
    sources = sorted({s for r in dated for s in r["source_ids"]})
    values = {"events": [str(r["event_id"]) for r in dated], "sources": len(sources)}
    when = ", ".join(_when(r["date"]) for r in dated) or "none"
    latest = last_day(dated)
    after = [r for r in by_then(turns)
             if latest is None or period_bounds(str(r["date"]))[0] > latest]
    values["turns_since"] = [str(r["event_id"]) for r in after]
    turned = "; ".join(f"{r['description'].rstrip('.')} ({_when(r['date'])})" for r in after)
    last_turn = last_day(after)
    back = [r for r in by_then(former) if r["iso3"] == iso3 and last_turn is not None
            and period_bounds(str(r["date"]))[0] > last_turn]
    values["former_since"] = [str(r["event_id"]) for r in back]
    back_sources = sorted({s for r in back for s in r["source_ids"]})
    returned = "; ".join(f"{r['description'].rstrip('.')} ({_when(r['date'])})" for r in back)
    if back:
        v = Verdict(PARTLY, values, f"Wagner's own units are last recorded in combat in "
                    f"Ukraine on {when}; since then: {turned}. The latest record is of former "
                    f"Wagner fighters, not its units: {returned}; {len(back_sources)} "
                    "sources. The claim holds for Wagner's men, no longer for Wagner.")
    elif after and not searched_after_turns:
        v = Verdict(NOT_CHECKABLE, values, f"The latest record of Wagner's fighters in combat "
                    f"in Ukraine is of {when}; since then: {turned}. The research did not "
                    "search for Wagner units fighting in Ukraine after that, so the absence of a "
                    "later record cannot be read as their absence.")
    elif after:
        v = Verdict(NOT_SUPPORTED, values, f"No record of Wagner's fighters in combat in "
                    f"Ukraine after {turned} (the latest: {when}).")
    elif dated and len(sources) >= 2:
        v = Verdict(SUPPORTED, values, f"Wagner's combat in Ukraine is on record before the "
                    f"story ({when}), from {len(sources)} independent sources.")
    elif dated:
        v = Verdict(PARTLY, values, f"Wagner's combat in Ukraine before the story ({when}) "
                    "rests on one source.")
    else:
        v = Verdict(NOT_SUPPORTED, values, "No record of Wagner fighting in Ukraine before "
                    "the story.")
    return v.explained(
        "A present-tense state, judged on the latest record by the date judged: supported if "
        "it is of Wagner's units in combat in Ukraine on at least two sources (data/events.csv), "
        "partly supported on one; partly supported if it is of former Wagner fighters back in "
        "the war under other command (true of its men, not of Wagner); if it is an event that "
        "changed Wagner's part in the war (its units' withdrawal, its mutiny, its chief's "
        "death), only a search since decides: none made, not checkable; made and nothing "
        "found, not supported. No record: not supported.",
        [Figure("records of Wagner in combat in Ukraine", len(dated), "event",
                f"{len(dated)} ({when}), {len(sources)} sources"),
         *([Figure("changes since the latest record", len(after), "event", turned)]
           if after else []),
         *([Figure("former Wagner fighters back in the war since", len(back), "event",
                   f"{returned}; {len(back_sources)} sources")] if back else [])],
        [("events", e) for e in [*fighting, *values["turns_since"], *values["former_since"]]])


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
