"""Checks of the story's claims about Lavrov's tours (``data/lavrov_trips.csv``): where he went,
on which day, for how long, and the exercise announced on the way; and the tables the fact-check
notebook shows beside them."""

import pandas as pd

from analysis.claims.common import (
    _day,
    _days,
    _event,
    _event_day,
    _stop,
    _weekday,
    named_day,
)
from analysis.claims.verdict import (
    NOT_CHECKABLE,
    NOT_SUPPORTED,
    PARTLY,
    SUPPORTED,
    Verdict,
    register,
)
from analysis.contract.partial_dates import period_bounds
from analysis.story import STORY_DATE
from analysis.subjects.trips import tour_intervals


def stop_calendar(trips: pd.DataFrame, trip: int | None = None) -> pd.DataFrame:
    """Stops with their dates, weekday names and calendar days on the ground.

    ``calendar_days`` counts arrival and departure days both (a same-day stay is 1); it is
    empty where the departure is not recorded.
    """
    frame = trips if trip is None else trips[trips["trip"] == trip]
    frame = frame.sort_values(["trip", "stop"])
    out = frame[["trip", "stop", "iso3", "country"]].copy()
    for col in ("arrival_date", "talks_date", "departure_date"):
        out[col] = frame[col]
        out[col.replace("_date", "_weekday")] = [_weekday(d) or "" for d in frame[col]]
    out["calendar_days"] = ((frame["departure_date"] - frame["arrival_date"]).dt.days + 1
                            ).astype("Int64")
    return out.reset_index(drop=True)


def african_tours(trips: pd.DataFrame, countries: pd.DataFrame,
                  continent: str = "africa") -> pd.DataFrame:
    """:func:`analysis.subjects.trips.tour_intervals` over the stops on ``continent`` only (by
    geography in ``data/countries.csv``), so each tour starts at its first African arrival."""
    on = set(countries.loc[countries["continent"] == continent, "iso3"])
    return tour_intervals(trips[trips["iso3"].isin(on)])


@register
def check_visit_country(trips: pd.DataFrame, *, iso3: str = "MLI", story_date=STORY_DATE,
                        window_days: int = 7) -> Verdict:
    """Headline: a stop in ``iso3`` whose arrival is within ``window_days`` of the story."""
    stop = _stop(trips, iso3)
    gap = (stop["arrival_date"] - pd.Timestamp(story_date)).days
    values = {"trip": int(stop["trip"]), "stop": int(stop["stop"]),
              "arrival_date": _day(stop["arrival_date"]), "days_from_story": int(gap)}
    if abs(gap) <= window_days:
        return Verdict(SUPPORTED, values, f"{stop['country']} is stop {stop['stop']} of tour "
                       f"{stop['trip']}, reached on {_day(stop['arrival_date'])}, "
                       f"{_days(abs(gap))} from the story's date.")
    return Verdict(NOT_SUPPORTED, values, f"The nearest stop in {stop['country']} is {abs(gap)} "
                   f"days from the story's date, more than {window_days}.")


@register
def check_arrival_weekday(trips: pd.DataFrame, *, iso3: str = "MLI", weekday: str = "Monday",
                          story_date=STORY_DATE, slack_days: int = 1) -> Verdict:
    """"Scheduled to arrive on Monday": the first ``weekday`` on or after the story's date,
    against the recorded arrival day. Up to ``slack_days`` late (a landing in the small hours
    reported as the night before) is partly supported; later, or earlier, is not supported."""
    stop = _stop(trips, iso3)
    claimed = named_day(weekday, story_date, "after")
    late = (stop["arrival_date"] - claimed).days
    values = {"claimed_date": _day(claimed), "arrival_date": _day(stop["arrival_date"]),
              "arrival_weekday": _weekday(stop["arrival_date"]), "days_late": int(late)}
    if late == 0:
        return Verdict(SUPPORTED, values, f"He landed on {weekday} {_day(claimed)}.")
    if 0 < late <= slack_days:
        return Verdict(PARTLY, values,
                       f"He landed on {_weekday(stop['arrival_date'])} "
                       f"{_day(stop['arrival_date'])}, {_days(late)} after the {weekday} "
                       f"the story expected (within the {_days(slack_days)} allowed for a "
                       "landing in the small hours).")
    return Verdict(NOT_SUPPORTED, values, f"He landed on {_day(stop['arrival_date'])}, "
                   f"{late} days from the {weekday} the story expected.")


@register
def check_third_trip(trips: pd.DataFrame, countries: pd.DataFrame, *, iso3: str = "MLI",
                     ordinal: int = 3, about_months: float = 6.0,
                     tolerance_months: float = 1.0, continent: str = "africa") -> Verdict:
    """"Third trip to Africa in about six months": the tour that reaches ``iso3`` must be the
    ``ordinal``-th tour with a stop on ``continent``, starting within ``about_months`` ±
    ``tolerance_months`` of the first such tour's start (months = days / 30.44).

    Both parts hold: supported; one: partly supported; neither: not supported.
    """
    tours = african_tours(trips, countries, continent)
    this = int(_stop(trips, iso3)["trip"])
    row = tours[tours["trip"] == this].iloc[0]
    number = int(tours.index[tours["trip"] == this][0]) + 1
    months = float(row["months_since_first"])
    values = {"tour_number": number, "african_tours": len(tours),
              "first_tour_start": _day(tours["start"].iloc[0]),
              "this_tour_start": _day(row["start"]),
              "days_since_first": int(row["days_since_first"]),
              "months_since_first": round(months, 1),
              "about_months": about_months, "tolerance_months": tolerance_months}
    right_number = number == ordinal
    about = abs(months - about_months) <= tolerance_months
    span = (f"{months:.1f} months after the first began ({_day(tours['start'].iloc[0])})")
    if right_number and about:
        return Verdict(SUPPORTED, values, f"The tour reaching Mali is his tour number {number} "
                       f"with an African stop, starting {span}.")
    return Verdict(PARTLY if right_number or about else NOT_SUPPORTED, values,
                   f"The tour reaching Mali is African tour number {number}, starting {span}; "
                   f"the claim needs number {ordinal} within {about_months:g} ± "
                   f"{tolerance_months:g} months.")


@register
def check_visit_length(trips: pd.DataFrame, *, iso3: str = "MLI", claimed_days: int = 2
                       ) -> Verdict:
    """"A two-day visit": calendar days on the ground (arrival and departure days both
    counted) against ``claimed_days``. Where no departure is recorded, the arrival at the next
    stop bounds it; with neither, the length cannot be checked."""
    stop = _stop(trips, iso3)
    departure, bound = stop["departure_date"], "recorded departure"
    if pd.isna(departure):
        later = trips[(trips["trip"] == stop["trip"]) & (trips["stop"] == stop["stop"] + 1)]
        if later.empty:
            return Verdict(NOT_CHECKABLE, {"arrival_date": _day(stop["arrival_date"])},
                           "Neither the departure nor a next stop is recorded.")
        departure, bound = later["arrival_date"].iloc[0], "arrival at the next stop"
    days = int((departure - stop["arrival_date"]).days) + 1
    values = {"arrival_date": _day(stop["arrival_date"]), "departure_date": _day(departure),
              "departure_from": bound, "calendar_days": days, "claimed_days": claimed_days}
    if days == claimed_days:
        return Verdict(SUPPORTED, values, f"He was there on {days} calendar days "
                       f"({_day(stop['arrival_date'])} to {_day(departure)}).")
    if days == 1:
        return Verdict(NOT_SUPPORTED, values, f"He arrived and left on {_day(departure)}: one "
                       f"calendar day, not {claimed_days}.")
    return Verdict(NOT_SUPPORTED, values, f"He was there on {days} calendar days "
                   f"({_day(stop['arrival_date'])} to {_day(departure)}), not {claimed_days}.")


@register
def check_iraq_sunday(trips: pd.DataFrame, *, iso3: str = "IRQ", weekday: str = "Sunday",
                      story_date=STORY_DATE) -> Verdict:
    """"Visited Iraq on Sunday": the ``weekday`` before the story against the arrival and talks
    days. Talks that day (arrived then or earlier): supported; arrived that day but the talks
    on another: partly supported; neither: not supported."""
    stop = _stop(trips, iso3)
    claimed = named_day(weekday, story_date, "before")
    values = {"claimed_date": _day(claimed),
              "arrival_date": _day(stop["arrival_date"]),
              "arrival_weekday": _weekday(stop["arrival_date"]),
              "talks_date": _day(stop["talks_date"]), "talks_weekday": _weekday(stop["talks_date"])}
    arrived, talked = stop["arrival_date"] == claimed, stop["talks_date"] == claimed
    if talked:  # the visit itself (talks) fell on that day, whenever he landed
        return Verdict(SUPPORTED, values, f"He held his talks there on {weekday} "
                       f"{_day(claimed)}.")
    if arrived:
        return Verdict(PARTLY, values, f"He arrived on {weekday} {_day(claimed)}, but his talks "
                       f"were on {_weekday(stop['talks_date'])} {_day(stop['talks_date'])}.")
    return Verdict(NOT_SUPPORTED, values, f"He was not in {stop['country']} on {weekday} "
                   f"{_day(claimed)}.")


@register
def check_next_stops(trips: pd.DataFrame, *, after: str = "MLI",
                     claimed: tuple[str, ...] = ("MRT", "SDN")) -> Verdict:
    """"Next to Mauritania and Sudan": the stops after ``after`` in the same tour, in order,
    against ``claimed`` (iso3). Same countries in another order: partly supported."""
    stop = _stop(trips, after)
    rest = trips[(trips["trip"] == stop["trip"]) & (trips["stop"] > stop["stop"])]
    rest = rest.sort_values("stop")
    went = rest["iso3"].tolist()
    values = {"stops_after": rest["country"].tolist(), "claimed": list(claimed)}
    names = ", then ".join(rest["country"])
    if went == list(claimed):
        return Verdict(SUPPORTED, values, f"After {stop['country']} the tour went on to {names}.")
    if set(claimed) <= set(went):
        return Verdict(PARTLY, values, f"He went to the countries named, but the stops after "
                       f"{stop['country']} were {names}.")
    return Verdict(NOT_SUPPORTED, values, f"The stops after {stop['country']} were "
                   f"{names or 'none'}.")


@register
def check_south_africa_last_month(trips: pd.DataFrame, *, iso3: str = "ZAF",
                                  story_date=STORY_DATE, months_before: int = 1) -> Verdict:
    """"Last month ... visited South Africa": an arrival in ``iso3`` in the calendar month
    ``months_before`` before the story's month."""
    month = (pd.Timestamp(story_date) - pd.DateOffset(months=months_before)).to_period("M")
    stop = _stop(trips, iso3)
    values = {"arrival_date": _day(stop["arrival_date"]), "claimed_month": str(month)}
    if stop["arrival_date"].to_period("M") == month:
        return Verdict(SUPPORTED, values, f"He arrived in {stop['city']} on "
                       f"{_day(stop['arrival_date'])}, the month before the story.")
    return Verdict(NOT_SUPPORTED, values, f"His visit began on {_day(stop['arrival_date'])}, "
                   f"not in {month}.")


@register
def check_exercise_announcement(trips: pd.DataFrame, events: pd.DataFrame, *,
                                iso3: str = "ZAF",
                                announced: str = "zaf-mosi-ii-announced-2023",
                                max_days: int = 7) -> Verdict:
    """"Days after the government announced joint exercises": days from the announcement
    (event ``announced``) to the arrival in ``iso3``. 1 to ``max_days`` days (a week or less)
    is "days after"; longer is partly supported (weeks, not days); none or negative, not
    supported. A month- or year-precision announcement cannot be checked."""
    day = _event_day(events, announced)
    stop = _stop(trips, iso3)
    if day is None:
        return Verdict(NOT_CHECKABLE, {"announced": str(_event(events, announced)["date"])},
                       "The announcement is not dated to the day.")
    gap = int((stop["arrival_date"] - day).days)
    values = {"announced": _day(day), "arrival_date": _day(stop["arrival_date"]),
              "days_after": gap, "max_days": max_days}
    if 1 <= gap <= max_days:
        return Verdict(SUPPORTED, values, f"The exercise was announced on {_day(day)}, {gap} "
                       f"days before he landed on {_day(stop['arrival_date'])}.")
    if gap > max_days:
        return Verdict(PARTLY, values, f"The announcement came {gap} days before the visit: "
                       "weeks rather than days.")
    return Verdict(NOT_SUPPORTED, values, "The announcement did not come before the visit.")


@register
def check_exercise_month(events: pd.DataFrame, *, held: str = "zaf-mosi-ii-held-2023",
                         month: str = "February", story_date=STORY_DATE) -> Verdict:
    """"Exercises ... in February": the exercise's start (event ``held``) falls in ``month``
    of the story's year."""
    first, _ = period_bounds(str(_event(events, held)["date"]))
    values = {"began": str(_event(events, held)["date"]),
              "after_story": bool(first > pd.Timestamp(story_date))}
    if first.month_name() == month and first.year == pd.Timestamp(story_date).year:
        return Verdict(SUPPORTED, values, f"The exercise began on {values['began']}, in "
                       f"{month} as announced (after the story ran).")
    return Verdict(NOT_SUPPORTED, values, f"The exercise began on {values['began']}, not in "
                   f"{month} {pd.Timestamp(story_date).year}.")
