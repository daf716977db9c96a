"""Checks of the story's claims about dated events of Mali and the Sahel (``data/events.csv``):
the coups, France's operation and exit, the expulsion "on Sunday"; and the tables the fact-check
notebook shows beside them."""

import pandas as pd

from analysis.claims.common import (
    date_text,
    event_row,
    events_of,
    exact_day,
    iso_day,
    named_day,
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
from analysis.contract.partial_dates import period_bounds
from analysis.story import STORY_DATE

DAYS_PER_YEAR = 365.25  # mean Julian year, for operation lengths in years


def _expulsion_sunday(events: pd.DataFrame, *,
                           event_id: str = "mli-expulsion-hr-chief-2023",
                           weekday: str = "Sunday", story_date=STORY_DATE) -> Verdict:
    """"On Sunday, Mali's government said it was expelling ...": the event's day against the
    ``weekday`` before the story. The right weekday in another week: partly supported."""
    day = exact_day(events, event_id)
    if day is None:
        return Verdict(NOT_CHECKABLE, {"date": str(event_row(events, event_id)["date"])},
                       "The expulsion is not dated to the day.")
    claimed = named_day(weekday, story_date, "before")
    values = {"date": iso_day(day), "weekday": weekday_name(day), "claimed_date": iso_day(claimed)}
    if day == claimed:
        return Verdict(SUPPORTED, values, f"The expulsion was announced on {iso_day(day)}, "
                       f"a {weekday_name(day)}, the day before the story.")
    if day.day_name() == weekday:
        return Verdict(PARTLY, values, f"It was a {weekday}, but {iso_day(day)}.")
    return Verdict(NOT_SUPPORTED, values, f"{iso_day(day)} was a {weekday_name(day)}.")


def _coup_year(events: pd.DataFrame, *, iso3: str = "MLI", year: int = 2020) -> Verdict:
    """"A 2020 military coup": a ``coup`` event in ``iso3`` within ``year``."""
    coups = events_of(events, iso3, "coup")
    values = {"coups": coups["date"].tolist()}
    hit = coups[(coups["first_day"].dt.year == year) & (coups["last_day"].dt.year == year)]
    if len(hit):
        return Verdict(SUPPORTED, values, f"The military seized power on {hit['date'].iloc[0]} "
                       f"(coups recorded: {', '.join(coups['date'])}).")
    return Verdict(NOT_SUPPORTED, values, f"No coup is recorded in {year}.")


def events_table(events: pd.DataFrame, event_ids) -> pd.DataFrame:
    """The named events in date order, with the weekday of those known to the day."""
    hit = events[events["event_id"].isin(list(event_ids))]
    missing = sorted(set(event_ids) - set(hit["event_id"]))
    if missing:
        raise ValueError(f"no events {missing} in the events table")
    days = [period_bounds(str(d)) for d in hit["date"]]
    out = hit[["event_id", "date", "category", "description"]].assign(
        weekday=[a.day_name() if a == b else "" for a, b in days])
    return out[["event_id", "date", "weekday", "category", "description"]].sort_values(
        ["date", "event_id"]).reset_index(drop=True)


def operation_lengths(events: pd.DataFrame, *, start: str = "mli-serval-start-2013",
                      ends: tuple[str, ...] = ("mli-french-troops-leave-2022",
                                               "mli-barkhane-ended-2022")) -> pd.DataFrame:
    """Years from the operation's start to each possible end, shortest and longest: a
    month-precision start (``2013-01``) could be any day of that month. Years = days / 365.25."""
    first, last = period_bounds(str(event_row(events, start)["date"]))
    rows = []
    for end in ends:
        e = event_row(events, end)
        e_first, e_last = period_bounds(str(e["date"]))
        rows.append({"end": end, "started": str(event_row(events, start)["date"]),
                     "ended": str(e["date"]), "description": e["description"],
                     "years_min": round((e_first - last).days / DAYS_PER_YEAR, 2),
                     "years_max": round((e_last - first).days / DAYS_PER_YEAR, 2)})
    return pd.DataFrame(rows)


def _years(low: float, high: float) -> str:
    """``(9.54, 9.62)`` -> ``'9.5-9.6'``; one number where both round alike."""
    a, b = f"{low:.1f}", f"{high:.1f}"
    return a if a == b else f"{a}-{b}"


def _french_operation(events: pd.DataFrame, *, start: str = "mli-serval-start-2013",
                           ends: tuple[str, ...] = ("mli-french-troops-leave-2022",
                                                    "mli-barkhane-ended-2022"),
                           claimed_years: int = 9, story_date=STORY_DATE) -> Verdict:
    """"Ended a nine-year military operation in Mali last year": for each candidate end (the
    last troops leaving Mali; Barkhane declared over), the length must be ``claimed_years``
    whole years at both bounds (:func:`operation_lengths`) and the end in the year before the
    story. Every end fits: supported; some: partly supported; none: not supported."""
    lengths = operation_lengths(events, start=start, ends=ends)
    last_year = pd.Timestamp(story_date).year - 1
    fits = [(int(r.years_min) == claimed_years == int(r.years_max))
            and str(r.ended).startswith(str(last_year)) for r in lengths.itertuples()]
    values = {"started": lengths["started"].iloc[0],
              "ends": dict(zip(lengths["end"], lengths["ended"], strict=True)),
              "years": {r.end: [r.years_min, r.years_max] for r in lengths.itertuples()},
              "claimed_years": claimed_years, "claimed_end_year": last_year}
    span = "; ".join(f"{_years(r.years_min, r.years_max)} years to {r.ended}"
                     for r in lengths.itertuples())
    if all(fits):
        return Verdict(SUPPORTED, values, f"From {values['started']}: {span}; {claimed_years} "
                       f"whole years either way, ending in {last_year}.")
    return Verdict(PARTLY if any(fits) else NOT_SUPPORTED, values,
                   f"From {values['started']}: {span}; the claim needs {claimed_years} whole "
                   f"years ending in {last_year}.")


def _burkina_french_out(events: pd.DataFrame, *, iso3: str = "BFA",
                             story_date=STORY_DATE) -> Verdict:
    """"The military junta in Burkina Faso ... ordering France to pull out troops": an
    ``expulsion`` event in ``iso3`` before the story, after a ``coup`` there (so ordered by a
    junta). Expulsion without a recorded coup: partly supported."""
    story = pd.Timestamp(story_date)
    out = events_of(events, iso3, "expulsion")
    out = out[out["last_day"] < story]
    coups = events_of(events, iso3, "coup")
    values = {"expulsions": dict(zip(out["event_id"], out["date"], strict=True)),
              "coups": coups["date"].tolist()}
    if out.empty:
        return Verdict(NOT_SUPPORTED, values, "No order for French troops to leave is recorded.")
    coups = coups[coups["last_day"] < out["first_day"].min()]
    dates = " and ".join(out["date"])
    if len(coups):
        return Verdict(SUPPORTED, values, f"Orders for French troops to leave are recorded on "
                       f"{dates}, after the coup of {coups['date'].iloc[-1]}.")
    return Verdict(PARTLY, values, f"French troops were ordered out ({dates}), but no coup "
                   "before that is recorded.")


# --- the registered checks: each core verdict with its rule, figures and rows ----------------


@register
def check_expulsion_sunday(events: pd.DataFrame, *,
                           event_id: str = "mli-expulsion-hr-chief-2023",
                           weekday: str = "Sunday", story_date=STORY_DATE) -> Verdict:
    """:func:`_expulsion_sunday`, explained."""
    v = _expulsion_sunday(events, event_id=event_id, weekday=weekday, story_date=story_date)
    date = v.values.get("date")
    return v.explained(
        f"'On {weekday}' is supported if the event is dated to the {weekday} before the story, "
        f"partly if to a {weekday} of another week, otherwise not supported.",
        [Figure("expulsion announced", date, "date",
                f"announced on {weekday_name(date) or ''} {date_text(date)}".replace("  ", " ")
                if date and len(date) == 10 else f"dated {date}")],
        [("events", event_id)])


@register
def check_coup_year(events: pd.DataFrame, *, iso3: str = "MLI", year: int = 2020) -> Verdict:
    """:func:`_coup_year`, explained."""
    v = _coup_year(events, iso3=iso3, year=year)
    coups = events_of(events, iso3, "coup")
    return v.explained(
        f"Supported if a coup in {iso3} is dated within {year}, otherwise not supported.",
        [Figure("coups recorded", len(coups), "coup",
                f"{len(coups)} coups: "
                + ", ".join(date_text(d) if len(d) == 10 else d for d in coups["date"]))],
        [("events", e) for e in coups["event_id"]])


@register
def check_french_operation(events: pd.DataFrame, *, start: str = "mli-serval-start-2013",
                           ends: tuple[str, ...] = ("mli-french-troops-leave-2022",
                                                    "mli-barkhane-ended-2022"),
                           claimed_years: int = 9, story_date=STORY_DATE) -> Verdict:
    """:func:`_french_operation`, explained."""
    v = _french_operation(events, start=start, ends=ends, claimed_years=claimed_years,
                          story_date=story_date)
    figures = [Figure(f"length to {end}", lo_hi, "year",
                      f"{_years(*lo_hi)} years (from {v.values['started']} to "
                      f"{date_text(v.values['ends'][end])})")
               for end, lo_hi in v.values["years"].items()]
    return v.explained(
        f"Supported if the operation lasted {claimed_years} whole years, at both bounds of a "
        "partial start date, and ended in the year before the story, for every candidate end "
        "(last troops out of Mali; Barkhane declared over); for some: partly; none: not.",
        figures, [("events", e) for e in (start, *ends)])


@register
def check_burkina_french_out(events: pd.DataFrame, *, iso3: str = "BFA",
                             story_date=STORY_DATE) -> Verdict:
    """:func:`_burkina_french_out`, explained."""
    v = _burkina_french_out(events, iso3=iso3, story_date=story_date)
    coups = events_of(events, iso3, "coup")
    orders = v.values["expulsions"]
    return v.explained(
        "Supported if an order for French troops to leave is recorded before the story, after a "
        "coup there (so given by a junta); an order without a prior coup: partly supported.",
        [Figure("orders to leave", len(orders), "order",
                "; ".join(f"{date_text(d)}" for d in orders.values()) or "none"),
         Figure("coups before", len(coups), "coup",
                ", ".join(date_text(d) if len(d) == 10 else d for d in coups["date"]) or "none")],
        [("events", e) for e in [*orders, *coups["event_id"]]])


# The recorded traces of each side's break with Mali's rulers, before the story and after it
# (the window picks those dated in it). Western: the 23 Dec 2021 joint statement and the EU's
# sanctions on Wagner; later, Mali's arrest of a French embassy employee as a French agent and
# France's suspension of cooperation and expulsion of Malian diplomats (2025). West African:
# ECOWAS's sanctions of 9 Jan 2022; later, the juntas' announced exit from ECOWAS (Jan 2024)
# and its taking effect (29 Jan 2025).
WESTERN_SIGNALS = ("mli-joint-statement-2021", "rus-eu-sanctions-wagner-2021",
                   "mli-french-national-arrested-2025", "mli-france-suspends-cooperation-2025")
NEIGHBOUR_SIGNALS = ("mli-ecowas-sanctions-2022", "mli-ecowas-exit-announced-2024",
                     "mli-ecowas-exit-2025")


@register
def check_tensions(events: pd.DataFrame, *, western: tuple[str, ...] = WESTERN_SIGNALS,
                   neighbours: tuple[str, ...] = NEIGHBOUR_SIGNALS,
                   story_date=STORY_DATE, since=None) -> Verdict:
    """"Tensions with Western nations, and some West African neighbours, over the coup and its
    use of mercenaries": recorded measures in the window, one set per side. The window ends
    on ``story_date`` and starts after ``since`` (``None``: any time before). ``western``: the
    Western governments' measures against Mali's rulers or Mali's against them; ``neighbours``:
    ECOWAS's and the break with it. Both sides on record in the window: supported; one: partly;
    none: not supported. The tension itself has no measure: these are its recorded traces.

    As of the story the window is open-ended and only the 2021-22 measures fall in it (the
    statement and sanctions over Wagner, ECOWAS's over the delayed transition). Judged later
    (a present-tense state) the window starts after the story, so that old traces cannot carry
    the claim: the later breaks count, and the reason says what they were over."""
    story = pd.Timestamp(story_date)
    start = None if since is None else pd.Timestamp(since)
    found = {}
    for side, ids in (("Western", western), ("West African", neighbours)):
        hit = events[events["event_id"].isin(ids)]
        bounds = [period_bounds(str(d)) for d in hit["date"]]
        keep = [last < story and (start is None or first > start) for first, last in bounds]
        found[side] = hit[pd.Series(keep, index=hit.index, dtype=bool)]
    values = {side: dict(zip(h["event_id"], h["date"], strict=True)) for side, h in found.items()}
    sides = [side for side, h in found.items() if len(h)]
    listed = "; ".join(f"{side}: " + ", ".join(f"{r.description.rstrip('.')} ({date_text(r.date)})"
                                                for r in h.itertuples())
                       for side, h in found.items() if len(h))
    verdict = SUPPORTED if len(sides) == 2 else PARTLY if sides else NOT_SUPPORTED
    window = ("before the story" if start is None
              else f"from {date_text(start + pd.Timedelta(days=1))} to {date_text(story)}")
    reason = (f"Recorded {window}: {listed}." if sides else
              f"No Western or West African measure against Mali's rulers is recorded {window}.")
    return Verdict(verdict, values, reason).explained(
        f"Supported if the events record, {window}, a Western measure (before the story: the "
        "23 Dec 2021 joint statement and the EU's sanctions, over the mercenaries; later: "
        "France's and Mali's breaks of 2025) and a West African one (ECOWAS's sanctions; later: "
        "the exit from ECOWAS); one side only: partly; neither: not supported. Whether the "
        "visit was a show of support is not judged.",
        [Figure(f"{side} measures", len(h), "event", f"{len(h)} recorded") for side, h
         in found.items()],
        [("events", e) for h in found.values() for e in h["event_id"]])

