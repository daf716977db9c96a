"""Checks of the story's claims about what was scheduled or announced: the Monday arrival, the
two-day visit, the onward stops, the February exercise and who announced it.

Each plan claim is judged twice by :data:`analysis.claims.verdict.PLAN_RULE`: on the report
(the announcement in ``data/announcements.csv``) and on the event (the itinerary,
``data/lavrov_trips.csv``, or the events, ``data/events.csv``); :func:`plan_verdict` derives the
ledger's verdict from the two.
"""

import pandas as pd

from analysis.claims.common import (
    DAY_READING,
    announcement_row,
    date_text,
    days_text,
    event_row,
    iso_day,
    named_day,
    trip_ref,
    trip_stop,
    weekday_name,
)
from analysis.claims.verdict import (
    NOT_CHECKABLE,
    NOT_SUPPORTED,
    PARTLY,
    SUPPORTED,
    Figure,
    Verdict,
    plan_verdict,
    register,
)
from analysis.contract.partial_dates import period_bounds
from analysis.story import STORY_DATE

VISIT = "mli-lavrov-visit-2023"
ONWARD = "mli-lavrov-onward-2023"
EXERCISE = "zaf-mosi-ii-2023"


def _ann_row(announcement_id: str) -> tuple[str, str]:
    return ("announcements", announcement_id)


def _said(ann: pd.Series) -> str:
    return f"{ann['announced_by']}, as reported on {date_text(period_bounds(str(ann['date']))[0])},"


@register
def check_arrival_weekday(trips: pd.DataFrame, announcements: pd.DataFrame, *,
                          iso3: str = "MLI", weekday: str = "Monday", story_date=STORY_DATE,
                          slack_days: int = 0, announced: str = VISIT) -> Verdict:
    """"Scheduled to arrive on Monday". Report: the announced first day is the first
    ``weekday`` on or after the story's date. Event: the recorded arrival on that local calendar
    day (:data:`DAY_READING`, the ledger's one reading of a named day); ``slack_days`` (0 by
    default: a landing in the small hours of the next day is the next day) late is partly
    supported, later or earlier not."""
    claimed = named_day(weekday, story_date, "after")
    ann = announcement_row(announcements, announced)
    start = period_bounds(str(ann["planned_start"]))[0] if pd.notna(ann["planned_start"]) else None
    by = _said(ann).rstrip(",")
    fig_plan = Figure("announced arrival", iso_day(start), "date",
                      f"arrival announced for {weekday_name(start)} {date_text(start)} by {by}"
                      if start is not None else "no arrival day announced")
    if start is None:
        report = Verdict(NOT_CHECKABLE, {}, "No arrival day was announced.")
    else:
        report = Verdict(SUPPORTED if start == claimed else NOT_SUPPORTED,
                         {"announced_start": iso_day(start)},
                         f"{_said(ann)} expected him on {weekday_name(start)} {date_text(start)}.")
    report = report.explained("", [fig_plan], [_ann_row(announced)])
    stop = trip_stop(trips, iso3)
    late = (stop["arrival_date"] - claimed).days
    values = {"claimed_date": iso_day(claimed), "arrival_date": iso_day(stop["arrival_date"]),
              "arrival_weekday": weekday_name(stop["arrival_date"]), "days_late": int(late)}
    landed = f"{weekday_name(stop['arrival_date'])} {date_text(stop['arrival_date'])}"
    if late == 0:
        event = Verdict(SUPPORTED, values, f"He landed on {weekday} {date_text(claimed)}.")
    elif 0 < late <= slack_days:
        event = Verdict(PARTLY, values, f"He landed on {landed}, {days_text(late)} after the "
                        f"{weekday} announced (within the {days_text(slack_days)} allowed for a "
                        "landing in the small hours).")
    else:
        event = Verdict(NOT_SUPPORTED, values, f"He landed on {landed}, {days_text(late)} from "
                        f"the {weekday} announced.")
    event = event.explained("", [
        Figure("arrival in Mali", iso_day(stop["arrival_date"]), "date", f"landed on {landed}"),
        Figure("days after the announced day", int(late), "day", days_text(int(late)) + " late")],
        [trip_ref(stop)])
    return plan_verdict(report, event, claim_rule=(
        f"Here the report must give {weekday} {date_text(claimed)} as the arrival day; the event "
        f"is supported by a landing that day ({DAY_READING})"
        + (f", partly by one up to {days_text(slack_days)} late." if slack_days else ".")))


@register
def check_visit_length(trips: pd.DataFrame, announcements: pd.DataFrame, *, iso3: str = "MLI",
                       claimed_days: int = 2, announced: str = VISIT) -> Verdict:
    """"A two-day visit" (attributed to Mali's foreign ministry). Report: the announced length
    is ``claimed_days``. Event: calendar days on the ground, arrival and departure days both
    counted; where no departure is recorded, the arrival at the next stop bounds it."""
    ann = announcement_row(announcements, announced)
    days_said = None if pd.isna(ann["planned_days"]) else int(ann["planned_days"])
    report = Verdict(
        NOT_CHECKABLE if days_said is None else
        SUPPORTED if days_said == claimed_days else NOT_SUPPORTED,
        {"announced_days": days_said},
        f"{_said(ann)} announced a visit of {days_said} days (48 hours)." if days_said else
        "No length was announced.").explained("", [Figure(
            "announced length", days_said, "day",
            f"{days_said} days announced by {_said(ann).rstrip(',')}")],
        [_ann_row(announced)])
    stop = trip_stop(trips, iso3)
    departure, bound = stop["departure_date"], "recorded departure"
    if pd.isna(departure):
        later = trips[(trips["trip"] == stop["trip"]) & (trips["stop"] == stop["stop"] + 1)]
        if later.empty:
            event = Verdict(NOT_CHECKABLE, {"arrival_date": iso_day(stop["arrival_date"])},
                            "Neither the departure nor a next stop is recorded.")
            return plan_verdict(report, event.explained("", [], [trip_ref(stop)]),
                                claim_rule="")
        departure, bound = later["arrival_date"].iloc[0], "arrival at the next stop"
    days = int((departure - stop["arrival_date"]).days) + 1
    values = {"arrival_date": iso_day(stop["arrival_date"]), "departure_date": iso_day(departure),
              "departure_from": bound, "calendar_days": days, "claimed_days": claimed_days}
    span = (f"{date_text(departure)}" if days == 1 else
            f"{date_text(stop['arrival_date'])} to {date_text(departure)}")
    event = Verdict(SUPPORTED if days == claimed_days else NOT_SUPPORTED, values,
                    f"He was there on {days} calendar day{'s' if days != 1 else ''} ({span}), "
                    f"{'as announced' if days == claimed_days else f'not {claimed_days}'}.")
    event = event.explained("", [Figure("calendar days in Mali", days, "day",
                                        f"{days_text(days).replace('day', 'calendar day')} "
                                        f"({span}; end from the {bound})")],
                            [trip_ref(stop)])
    return plan_verdict(report, event, claim_rule=(
        f"Here the report must give {claimed_days} days; the event counts calendar days on the "
        "ground (arrival and departure days both)."))


@register
def check_next_stops(trips: pd.DataFrame, announcements: pd.DataFrame, *, after: str = "MLI",
                     claimed: tuple[str, ...] = ("MRT", "SDN"), announced: str = ONWARD
                     ) -> Verdict:
    """"Scheduled to travel next to Mauritania and Sudan". Report: the announced next stops
    are ``claimed`` (iso3), in order. Event: the stops after ``after`` in the same tour; the
    same countries in another order are partly supported."""
    ann = announcement_row(announcements, announced)
    said = list(ann["planned_stops"] or [])
    report = Verdict(SUPPORTED if said == list(claimed) else
                     PARTLY if set(claimed) <= set(said) else NOT_SUPPORTED,
                     {"announced_stops": said},
                     f"{_said(ann)} gave the next stops as {', then '.join(said)}."
                     ).explained("", [Figure("announced next stops", ";".join(said), "iso3",
                                             f"{' then '.join(said)}, per "
                                             + _said(ann).rstrip(","))],
                                 [_ann_row(announced)])
    stop = trip_stop(trips, after)
    rest = trips[(trips["trip"] == stop["trip"]) & (trips["stop"] > stop["stop"])]
    rest = rest.sort_values("stop")
    went = rest["iso3"].tolist()
    names = ", then ".join(rest["country"]) or "none"
    values = {"stops_after": rest["country"].tolist(), "claimed": list(claimed)}
    verdict = (SUPPORTED if went == list(claimed) else
               PARTLY if set(claimed) <= set(went) else NOT_SUPPORTED)
    event = Verdict(verdict, values, f"After {stop['country']} the tour went on to {names}."
                    ).explained("", [Figure("stops after Mali", ";".join(went), "iso3",
                                            f"{names} (stops "
                                            + ", ".join(str(int(s)) for s in rest["stop"])
                                            + f" of tour {int(stop['trip'])})")],
                                [trip_ref(stop), *(trip_ref(r) for _, r in rest.iterrows())])
    return plan_verdict(report, event, claim_rule=(
        "Here both sides compare the countries in order; the same countries in another order "
        "are partly supported."))


@register
def check_exercise_month(events: pd.DataFrame, announcements: pd.DataFrame, *,
                         held: str = "zaf-mosi-ii-held-2023", month: str = "February",
                         story_date=STORY_DATE, announced: str = EXERCISE) -> Verdict:
    """"Joint exercises ... in February". Report: the announced start falls in ``month`` of the
    story's year. Event: the exercise's recorded start (event ``held``) does."""
    year = pd.Timestamp(story_date).year
    ann = announcement_row(announcements, announced)
    start = period_bounds(str(ann["planned_start"]))[0]
    report = Verdict(SUPPORTED if (start.month_name(), start.year) == (month, year)
                     else NOT_SUPPORTED, {"announced_start": str(ann["planned_start"])},
                     f"{_said(ann)} announced it from {date_text(start)}.").explained(
        "", [Figure("announced start", str(ann["planned_start"]), "date",
                    f"announced to start on {date_text(start)}")], [_ann_row(announced)])
    first, _ = period_bounds(str(event_row(events, held)["date"]))
    values = {"began": str(event_row(events, held)["date"]),
              "after_story": bool(first > pd.Timestamp(story_date))}
    ok = first.month_name() == month and first.year == year
    event = Verdict(SUPPORTED if ok else NOT_SUPPORTED, values,
                    f"It began on {date_text(first)}"
                    + (", after the story ran" if values["after_story"] else "")
                    + ("" if ok else f", not in {month} {year}") + ".").explained(
        "", [Figure("exercise began", values["began"], "date", f"began on {date_text(first)}")],
        [("events", held)])
    return plan_verdict(report, event, claim_rule=(
        f"Here both the announced and the actual start must fall in {month} {year}."))


@register
def check_exercise_parties(announcements: pd.DataFrame, *, host: str = "ZAF",
                           partners: tuple[str, ...] = ("RUS", "CHN"),
                           announced: str = EXERCISE) -> Verdict:
    """"The government there announced that it would hold joint exercises with Russia and
    China": the announcer is a body of ``host``'s state and the participants announced are
    exactly ``host`` and ``partners``. Both: supported; one: partly; neither: not supported."""
    ann = announcement_row(announcements, announced)
    parties = list(ann["participants"] or [])
    by_host = ann["announced_by_iso3"] == host
    same = set(parties) == {host, *partners}
    verdict = SUPPORTED if by_host and same else PARTLY if by_host or same else NOT_SUPPORTED
    values = {"announced_by": ann["announced_by"], "announced_by_iso3": ann["announced_by_iso3"],
              "participants": parties}
    report = Verdict(verdict, values,
                     f"{ann['announced_by']} announced it on {date_text(ann['date'])}, with "
                     f"{', '.join(parties)} taking part.").explained(
        "", [Figure("announced by", ann["announced_by"], "body",
                    f"{ann['announced_by']}, a body of the {host} state"),
             Figure("participants announced", ";".join(parties), "iso3",
                    f"{len(parties)} countries: {', '.join(parties)}")],
        [_ann_row(announced)])
    return plan_verdict(report, None, claim_rule=(
        f"Here only the report can be judged: the announcer must be a {host} state body (its "
        f"defence force counts as the government) and the participants exactly {host}, "
        f"{' and '.join(partners)}."))
