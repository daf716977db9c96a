"""Checks of the story's claims about Lavrov's tours (``data/lavrov_trips.csv``): where he went,
on which day, for how long, and the exercise announced on the way; and the tables the fact-check
notebook shows beside them."""

import pandas as pd

from analysis.claims.common import (
    DAY_READING,
    date_text,
    days_text,
    event_row,
    exact_day,
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
    register,
)
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
        out[col.replace("_date", "_weekday")] = [weekday_name(d) or "" for d in frame[col]]
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
    stop = trip_stop(trips, iso3)
    gap = (stop["arrival_date"] - pd.Timestamp(story_date)).days
    values = {"trip": int(stop["trip"]), "stop": int(stop["stop"]),
              "arrival_date": iso_day(stop["arrival_date"]), "days_from_story": int(gap)}
    if abs(gap) <= window_days:
        v = Verdict(SUPPORTED, values, f"{stop['country']} is stop {stop['stop']} of tour "
                    f"{stop['trip']}, reached on {date_text(stop['arrival_date'])}, "
                    f"{days_text(abs(gap))} from the story's date.")
    else:
        v = Verdict(NOT_SUPPORTED, values, f"The nearest stop in {stop['country']} is "
                    f"{abs(gap)} days from the story's date, more than {window_days}.")
    return v.explained(
        f"Supported if the itinerary has a stop in {iso3} reached within {days_text(window_days)} "
        "of the story's date; otherwise not supported.",
        [Figure("arrival in Mali", iso_day(stop["arrival_date"]), "date",
                f"reached on {date_text(stop['arrival_date'])} (tour {stop['trip']}, stop "
                f"{stop['stop']})"),
         Figure("days from the story", int(gap), "day", f"{days_text(int(gap))} after 6 Feb 2023")],
        [trip_ref(stop)])


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
    this = int(trip_stop(trips, iso3)["trip"])
    row = tours[tours["trip"] == this].iloc[0]
    number = int(tours.index[tours["trip"] == this][0]) + 1
    months = float(row["months_since_first"])
    values = {"tour_number": number, "african_tours": len(tours),
              "first_tour_start": iso_day(tours["start"].iloc[0]),
              "this_tour_start": iso_day(row["start"]),
              "days_since_first": int(row["days_since_first"]),
              "months_since_first": round(months, 1),
              "about_months": about_months, "tolerance_months": tolerance_months}
    right_number = number == ordinal
    about = abs(months - about_months) <= tolerance_months
    span = f"{months:.1f} months after the first began ({date_text(tours['start'].iloc[0])})"
    if right_number and about:
        v = Verdict(SUPPORTED, values, f"The tour reaching Mali is his tour number {number} "
                    f"with an African stop, starting {span}.")
    else:
        v = Verdict(PARTLY if right_number or about else NOT_SUPPORTED, values,
                    f"The tour reaching Mali is African tour number {number}, starting {span}; "
                    f"the claim needs number {ordinal} within {about_months:g} ± "
                    f"{tolerance_months:g} months.")
    on = set(countries.loc[countries["continent"] == continent, "iso3"])
    rows = [trip_ref(r) for _, r in trips[trips["iso3"].isin(on)].iterrows()]
    return v.explained(
        f"Supported if the tour reaching {iso3} is tour number {ordinal} with a stop in "
        f"{continent.title()} (by geography, so Egypt counts) and began {about_months:g} ± "
        f"{tolerance_months:g} months after the first; one of the two: partly supported.",
        [Figure("African tours", len(tours), "tour", f"tour {number} of {len(tours)} with an "
                "African stop"),
         Figure("time since the first tour", round(months, 1), "month",
                f"{int(row['days_since_first'])} days, {months:.1f} months")],
        rows)


@register
def check_iraq_sunday(trips: pd.DataFrame, *, iso3: str = "IRQ", weekday: str = "Sunday",
                      story_date=STORY_DATE) -> Verdict:
    """"Visited Iraq on Sunday": the ``weekday`` before the story against the days he was there.

    One reading of a named day for the whole ledger (:data:`DAY_READING`): the local calendar
    day, midnight to midnight. A visit "on" that day means he was in the country that day, from
    his landing to his talks; the landing's own day is the day of an arrival (so a landing at
    01:30 on Tuesday is a Tuesday arrival, claim c02). On that day: supported; not: not
    supported."""
    stop = trip_stop(trips, iso3)
    claimed = named_day(weekday, story_date, "before")
    values = {"claimed_date": iso_day(claimed),
              "arrival_date": iso_day(stop["arrival_date"]),
              "arrival_weekday": weekday_name(stop["arrival_date"]),
              "talks_date": iso_day(stop["talks_date"]),
              "talks_weekday": weekday_name(stop["talks_date"])}
    last = max(d for d in (stop["arrival_date"], stop["talks_date"], stop["departure_date"])
               if not pd.isna(d))
    if stop["arrival_date"] <= claimed <= last:
        v = Verdict(SUPPORTED, values, f"He was in {stop['country']} on {weekday} "
                    f"{date_text(claimed)}: he landed that day, and his talks followed on "
                    f"{weekday_name(stop['talks_date'])} {date_text(stop['talks_date'])}."
                    if stop["arrival_date"] == claimed else
                    f"He was in {stop['country']} on {weekday} {date_text(claimed)}.")
    else:
        v = Verdict(NOT_SUPPORTED, values, f"He was not in {stop['country']} on {weekday} "
                    f"{date_text(claimed)}.")
    return v.explained(
        f"A visit 'on {weekday}' is supported if he was in the country on the local calendar day "
        f"({DAY_READING}), from landing to talks; otherwise not supported.",
        [Figure("arrival in Iraq", values["arrival_date"], "date",
                f"landed on {values['arrival_weekday']} {date_text(stop['arrival_date'])}"),
         Figure("talks in Iraq", values["talks_date"], "date",
                f"talks on {values['talks_weekday']} {date_text(stop['talks_date'])}")],
        [trip_ref(stop)])


@register
def check_south_africa_last_month(trips: pd.DataFrame, *, iso3: str = "ZAF",
                                  story_date=STORY_DATE, months_before: int = 1) -> Verdict:
    """"Last month ... visited South Africa": an arrival in ``iso3`` in the calendar month
    ``months_before`` before the story's month."""
    month = (pd.Timestamp(story_date) - pd.DateOffset(months=months_before)).to_period("M")
    stop = trip_stop(trips, iso3)
    values = {"arrival_date": iso_day(stop["arrival_date"]), "claimed_month": str(month)}
    if stop["arrival_date"].to_period("M") == month:
        v = Verdict(SUPPORTED, values, f"He arrived in {stop['city']} on "
                    f"{date_text(stop['arrival_date'])}, the month before the story.")
    else:
        v = Verdict(NOT_SUPPORTED, values, f"His visit began on {date_text(stop['arrival_date'])}, "
                    f"not in {month}.")
    return v.explained(
        "'Last month' is supported by an arrival in the calendar month before the story's "
        "month, otherwise not supported.",
        [Figure("arrival in South Africa", values["arrival_date"], "date",
                f"landed in {stop['city']} on {date_text(stop['arrival_date'])}")],
        [trip_ref(stop)])


@register
def check_exercise_announcement(trips: pd.DataFrame, events: pd.DataFrame, *,
                                iso3: str = "ZAF",
                                announced: str = "zaf-mosi-ii-announced-2023",
                                first_reported: str = "zaf-mosi-ii-first-reported-2023",
                                max_days: int = 7) -> Verdict:
    """"Days after the government announced joint exercises", judged on both dates: the
    government's formal statement (event ``announced``) and the first public report of the plan
    from its information (event ``first_reported``). Both within 1 to ``max_days`` days (a week
    or less) before the arrival in ``iso3``: supported; the formal statement within that but
    the plan public weeks earlier: partly supported (the statement came days before, the news
    did not); the statement itself weeks before: partly supported; none before: not supported.
    A month- or year-precision date cannot be checked."""
    day, first = exact_day(events, announced), exact_day(events, first_reported)
    stop = trip_stop(trips, iso3)
    if day is None or first is None:
        return Verdict(NOT_CHECKABLE, {"announced": str(event_row(events, announced)["date"])},
                       "The announcement is not dated to the day.")
    gap = int((stop["arrival_date"] - day).days)
    gap_first = int((stop["arrival_date"] - first).days)
    values = {"announced": iso_day(day), "first_reported": iso_day(first),
              "arrival_date": iso_day(stop["arrival_date"]), "days_after": gap,
              "days_after_first_report": gap_first, "max_days": max_days}
    if 1 <= gap <= max_days and gap_first <= max_days:
        v = Verdict(SUPPORTED, values, f"The exercise was announced on {date_text(day)}, {gap} "
                    f"days before he landed on {date_text(stop['arrival_date'])}.")
    elif 1 <= gap <= max_days:
        v = Verdict(PARTLY, values, f"The government's formal statement came on "
                    f"{date_text(day)}, {gap} days before he landed, but the plan had been "
                    f"reported from its defence force's information on {date_text(first)}, "
                    f"{gap_first} days before: days after the statement, weeks after the news.")
    elif gap > max_days:
        v = Verdict(PARTLY, values, f"The announcement came {gap} days before the visit: "
                    "weeks rather than days.")
    else:
        v = Verdict(NOT_SUPPORTED, values, "The announcement did not come before the visit.")
    return v.explained(
        f"'Days after' is judged on the formal statement and on the first report of the plan: "
        f"both 1 to {max_days} days before his arrival, supported; only the statement, partly "
        "supported (the plan was public weeks before); neither before, not supported.",
        [Figure("formal statement", values["announced"], "date", f"announced on {date_text(day)}"),
         Figure("days from statement to arrival", gap, "day", days_text(gap)),
         Figure("first report of the plan", values["first_reported"], "date",
                f"first reported on {date_text(first)} ({days_text(gap_first)} before)")],
        [("events", first_reported), ("events", announced), trip_ref(stop)])
