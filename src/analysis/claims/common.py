"""Small helpers the checks share: days as text (:func:`iso_day`, :func:`date_text`,
:func:`days_text`, :func:`weekday_name`), the day a weekday in the story stands for
(:func:`named_day`), and lookups of one stop, event or announcement that fail with the id named
(:func:`trip_stop`, :func:`event_row`, :func:`exact_day`, :func:`events_of`,
:func:`announcement_row`); :func:`trip_ref` is a stop's row reference for the ledger."""

import pandas as pd

from analysis.contract.partial_dates import period_bounds
from analysis.story import STORY_DATE

# One reading of a day named in the story, for every check (issue 18, claims c02 and c10): the
# local calendar day, midnight to midnight. A landing at 01:30 on Tuesday is a Tuesday arrival,
# even after an evening arrival scheduled for Monday: a reader given a weekday takes it as a
# date, and the reports themselves wrote "the night of Monday to Tuesday".
DAY_READING = "local calendar day, midnight to midnight"


def iso_day(ts) -> str | None:
    return None if ts is None or pd.isna(ts) else pd.Timestamp(ts).strftime("%Y-%m-%d")


def days_text(n: int) -> str:
    """``1`` -> ``'1 day'``, ``4`` -> ``'4 days'``."""
    return f"{n} day" if abs(n) == 1 else f"{n} days"


def weekday_name(ts) -> str | None:
    return None if ts is None or pd.isna(ts) else pd.Timestamp(ts).day_name()


def named_day(weekday: str, story_date=STORY_DATE, direction: str = "before") -> pd.Timestamp:
    """The date a weekday named in the story stands for: the latest such day on or before
    ``story_date`` (``direction="before"``, for past events) or the first on or after it
    (``"after"``, for what was scheduled).

    >>> named_day("Sunday").date(), named_day("Monday", direction="after").date()
    (datetime.date(2023, 2, 5), datetime.date(2023, 2, 6))
    """
    names = [pd.Timestamp("2023-01-02") + pd.Timedelta(days=i) for i in range(7)]  # Mon..Sun
    if weekday not in [d.day_name() for d in names]:
        raise ValueError(f"weekday {weekday!r}: expected an English day name such as 'Sunday'")
    if direction not in ("before", "after"):
        raise ValueError(f"direction {direction!r}: expected 'before' or 'after'")
    day = pd.Timestamp(story_date).normalize()
    step = pd.Timedelta(days=-1 if direction == "before" else 1)
    while day.day_name() != weekday:
        day += step
    return day


def trip_stop(trips: pd.DataFrame, iso3: str) -> pd.Series:
    """The last stop in ``iso3`` (the latest tour that went there)."""
    hit = trips[trips["iso3"] == iso3].sort_values(["trip", "stop"])
    if hit.empty:
        raise ValueError(f"no stop in {iso3} in the itinerary")
    return hit.iloc[-1]


def event_row(events: pd.DataFrame, event_id: str) -> pd.Series:
    hit = events[events["event_id"] == event_id]
    if hit.empty:
        raise ValueError(f"no event {event_id!r} in the events table")
    return hit.iloc[0]


def exact_day(events: pd.DataFrame, event_id: str) -> pd.Timestamp | None:
    """The event's day, or None when the event is known only to the month or year."""
    first, last = period_bounds(str(event_row(events, event_id)["date"]))
    return first if first == last else None


def events_of(events: pd.DataFrame, iso3: str, category: str) -> pd.DataFrame:
    """Events of one country and category, each with its period's first and last day."""
    hit = events[(events["iso3"] == iso3) & (events["category"] == category)]
    bounds = [period_bounds(str(d)) for d in hit["date"]]
    return hit.assign(first_day=pd.to_datetime([b[0] for b in bounds]),
                      last_day=pd.to_datetime([b[1] for b in bounds]))


def date_text(ts) -> str:
    """A day in words: ``2023-02-07`` -> ``'7 Feb 2023'``."""
    ts = pd.Timestamp(ts)
    return f"{ts.day} {ts.strftime('%b %Y')}"


def trip_ref(stop: pd.Series) -> tuple[str, str]:
    """The ledger's row reference of one stop of the itinerary."""
    return ("lavrov_trips", f"trip={int(stop['trip'])}, stop={int(stop['stop'])}")


def announcement_row(announcements: pd.DataFrame, announcement_id: str) -> pd.Series:
    hit = announcements[announcements["announcement_id"] == announcement_id]
    if hit.empty:
        raise ValueError(f"no announcement {announcement_id!r} in data/announcements.csv")
    return hit.iloc[0]
