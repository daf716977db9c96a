"""The fact-check ledger: every claim of the story (``data/claims.csv``) with a verdict that a
check computes from the project's data.

A claim names its check (a function registered in :data:`CHECKS`) or says why it cannot be
checked. Each check receives DataFrames, computes the evidence and returns an
:class:`analysis.subjects.arms.Verdict`: a verdict from :data:`VERDICTS`, the values it computed and
one sentence a reader understands. No verdict or number is typed in: every value comes from a table.

How a check is called: its parameters *without* a default name the tables it needs, looked up by
name in the evidence from :func:`load_evidence` (``trips``, ``events``, ``wagner``,
``countries``, ``mali``, ``fact_sheets``, ``grid``); its keyword-only parameters are the
definitions a reviewer should check (period, region, vintage, tolerance...), each with a
documented default. The defaults are the ledger's editorial decisions:

- **Story date**: :data:`analysis.subjects.events.STORY_DATE` (Monday 6 Feb 2023). "On Monday" means
  the story's own day; "on Sunday", said of the past, the Sunday before it.
- **SIPRI**: the latest export vintage, SIPRI's Africa (without Egypt) and the periods of
  :mod:`analysis.subjects.arms` ("about 45" = within ``arms.ABOUT_TOLERANCE_PTS`` of 45).
- **Wagner** "deployed" = ``confirmed`` in ``data/wagner_deployments.csv`` and first reported by
  the story's date; ``withdrawn`` and ``alleged`` rows are left out by default (arguments bring
  them in); "accused" counts any documented accusation, press reports included, by default.
- **Tours**: Africa by geography (``data/countries.csv`` ``continent``), so Egypt counts and
  Iraq does not; months are days / :data:`analysis.subjects.trips.DAYS_PER_MONTH`.
- **Partial dates** in the events and Wagner tables stand for their whole period
  (:func:`analysis.subjects.events.period_bounds`); a claim about a day needs a day-precision date.

>>> sorted(VERDICTS)
['not checkable', 'not supported', 'partly supported', 'supported']
"""

import inspect
import json
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from analysis.contract.datapackage import load_table, resource
from analysis.contract.errors import DataError
from analysis.contract.paths import DATA_DIR, display_path
from analysis.subjects import arms
from analysis.subjects.arms import Verdict
from analysis.subjects.events import STORY_DATE, load_events, period_bounds
from analysis.subjects.trips import load_trips, tour_intervals
from analysis.subjects.wagner import load_wagner
from analysis.subjects.wagner_arms import classify_deployments

SUPPORTED, PARTLY, NOT_SUPPORTED, NOT_CHECKABLE = (
    "supported", "partly supported", "not supported", "not checkable")
VERDICTS = (SUPPORTED, PARTLY, NOT_SUPPORTED, NOT_CHECKABLE)
# Shown beside the verdict word so that no reader depends on colour (same as the site's index).
SYMBOLS = {SUPPORTED: "✓", PARTLY: "≈", NOT_SUPPORTED: "✗", NOT_CHECKABLE: "–"}
LEDGER_COLUMNS = ["claim_id", "paragraph", "claim", "kind", "verdict", "values", "reason"]
CSV_COLUMNS = ["claim_id", "paragraph", "claim", "verdict", "evidence"]
CLAIMS_RESOURCE = "claims"
CLAIMS_FILE = "data/claims.csv"  # how messages name the committed file
DAYS_PER_YEAR = 365.25  # mean Julian year, for operation lengths in years

CHECKS: dict[str, Callable[..., Verdict]] = {}


def register(fn: Callable[..., Verdict]) -> Callable[..., Verdict]:
    """Add ``fn`` to :data:`CHECKS` under its own name (the name ``data/claims.csv`` uses)."""
    CHECKS[fn.__name__] = fn
    return fn


# --- loading -------------------------------------------------------------------------------


def check_claims(claims: pd.DataFrame, file: str = CLAIMS_FILE,
                 registry: dict | None = None) -> pd.DataFrame:
    """What the descriptor cannot express; returns ``claims`` unchanged if it passes.

    A row names a check if and only if it gives no ``not_checkable_reason``, and every check is
    a key of ``registry`` (default :data:`CHECKS`). Rows are 1-based data rows.

    >>> bad = pd.DataFrame({"claim_id": ["c01"], "check": [None], "not_checkable_reason": [None]})
    >>> check_claims(bad)
    Traceback (most recent call last):
    ...
    analysis.contract.errors.DataError: data/claims.csv, row 1, column check: claim c01 names no \
check and gives no not_checkable_reason: give exactly one
    """
    registry = CHECKS if registry is None else registry
    rows = zip(claims["claim_id"], claims["check"], claims["not_checkable_reason"], strict=True)
    for row, (claim_id, check, reason) in enumerate(rows, start=1):
        has_check, has_reason = _given(check), _given(reason)
        if has_check == has_reason:
            problem = ("names a check and gives a not_checkable_reason" if has_check
                       else "names no check and gives no not_checkable_reason")
            raise DataError(file, f"claim {claim_id} {problem}: give exactly one", row=row,
                            column="check")
        if has_check and check not in registry:
            raise DataError(file, f"claim {claim_id}: {check!r} is not a check in "
                                  f"analysis.claims (known: {', '.join(sorted(registry))})",
                            row=row, column="check")
    return claims


def _given(value) -> bool:
    """A non-empty cell (None, NA and NaN are empty)."""
    return not (value is None or pd.isna(value)) and str(value).strip() != ""


def load_claims(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """``data/claims.csv``, typed and validated (descriptor, then :func:`check_claims`)."""
    claims = load_table(CLAIMS_RESOURCE, data_dir=data_dir)
    return check_claims(claims, display_path(Path(data_dir) / resource(CLAIMS_RESOURCE)["path"]))


def load_evidence(data_dir: Path = DATA_DIR) -> dict[str, pd.DataFrame]:
    """Every table a check may need, loaded and validated once, by the names checks use.

    ``grid`` is :func:`analysis.subjects.arms.shares_grid` over ``arms.ALL_PERIODS``, every vintage
    and region (``non_state="attribute"``, see :mod:`analysis.sipri`).
    """
    annual = load_table("sipri_africa_annual", data_dir=data_dir)
    recipients = load_table("sipri_recipients", data_dir=data_dir)
    return {
        "trips": load_trips(data_dir),
        "events": load_events(data_dir),
        "wagner": load_wagner(data_dir),
        "countries": load_table("countries", data_dir=data_dir),
        "mali": load_table("sipri_mali_russia", data_dir=data_dir),
        "fact_sheets": load_table("sipri_fact_sheets", data_dir=data_dir),
        "grid": arms.shares_grid(annual, recipients, arms.ALL_PERIODS),
    }


# --- running the ledger --------------------------------------------------------------------


def data_parameters(fn: Callable) -> list[str]:
    """The tables a check needs: its parameters without a default.

    >>> data_parameters(check_visit_length)
    ['trips']
    """
    return [p.name for p in inspect.signature(fn).parameters.values()
            if p.default is inspect.Parameter.empty
            and p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD]


def run_check(claim: pd.Series, evidence: dict, registry: dict | None = None) -> Verdict:
    """The verdict of one claim row; ``not checkable`` with its reason when it names no check.

    Raises ValueError naming the claim if the check is unknown, needs a table the evidence
    lacks, or returns something other than a Verdict from :data:`VERDICTS`.
    """
    registry = CHECKS if registry is None else registry
    claim_id, name = claim["claim_id"], claim["check"]
    if not _given(name):
        return Verdict(NOT_CHECKABLE, {}, str(claim["not_checkable_reason"]))
    if name not in registry:
        raise ValueError(f"{CLAIMS_FILE}, claim {claim_id}: {name!r} is not a check in "
                         f"analysis.claims (known: {', '.join(sorted(registry))})")
    fn = registry[name]
    missing = [p for p in data_parameters(fn) if p not in evidence]
    if missing:
        raise ValueError(f"claim {claim_id}: check {name} needs {missing}, which the evidence "
                         f"lacks (have: {sorted(evidence)})")
    verdict = fn(**{p: evidence[p] for p in data_parameters(fn)})
    if not isinstance(verdict, Verdict) or verdict.verdict not in VERDICTS:
        got = verdict.verdict if isinstance(verdict, Verdict) else type(verdict).__name__
        raise ValueError(f"claim {claim_id}: check {name} returned {got!r}, not a verdict from "
                         f"{list(VERDICTS)}")
    return verdict


def evaluate_ledger(claims: pd.DataFrame | None = None, evidence: dict | None = None,
                    registry: dict | None = None) -> pd.DataFrame:
    """Run every claim's check: one row per claim, in file order, columns :data:`LEDGER_COLUMNS`.

    ``claims`` defaults to :func:`load_claims`, ``evidence`` to :func:`load_evidence`,
    ``registry`` to :data:`CHECKS`. ``values`` holds each check's computed values (a dict);
    not-checkable claims have ``{}`` and their reason.
    """
    claims = load_claims() if claims is None else claims
    check_claims(claims, registry=CHECKS if registry is None else registry)
    evidence = load_evidence() if evidence is None else evidence
    rows = []
    for _, claim in claims.iterrows():
        v = run_check(claim, evidence, registry)
        rows.append({"claim_id": claim["claim_id"], "paragraph": int(claim["paragraph"]),
                     "claim": claim["claim"], "kind": claim["kind"], "verdict": v.verdict,
                     "values": v.values, "reason": v.reason})
    return pd.DataFrame(rows, columns=LEDGER_COLUMNS)


def evidence_text(values: dict, reason: str) -> str:
    """The reason, then the computed values as compact JSON, in one string (one CSV cell).

    >>> evidence_text({"calendar_days": 1}, "One day, not two.")
    'One day, not two. Values: {"calendar_days": 1}'
    """
    if not values:
        return reason
    return f"{reason} Values: {json.dumps(values, ensure_ascii=False, default=str)}"


def ledger_csv_frame(ledger: pd.DataFrame) -> pd.DataFrame:
    """The ledger with exactly :data:`CSV_COLUMNS` (``evidence`` = :func:`evidence_text`)."""
    evidence = [evidence_text(v, r) for v, r in zip(ledger["values"], ledger["reason"],
                                                    strict=True)]
    return ledger.assign(evidence=evidence)[CSV_COLUMNS]


def ledger_records() -> list[dict]:
    """The ledger as dicts with :data:`CSV_COLUMNS` plus ``reason``, for the report's pages."""
    ledger = evaluate_ledger()
    return ledger_csv_frame(ledger).assign(reason=ledger["reason"].to_numpy()).to_dict("records")


def readable_ledger(ledger: pd.DataFrame) -> pd.DataFrame:
    """The ledger for reading: ¶, symbol and verdict word, the claim and the reason."""
    out = pd.DataFrame({
        "id": ledger["claim_id"], "¶": ledger["paragraph"],
        "symbol": ledger["verdict"].map(SYMBOLS), "verdict": ledger["verdict"],
        "the story says (our words)": ledger["claim"], "why": ledger["reason"],
    })
    return out.reset_index(drop=True)


def count_verdicts(ledger: pd.DataFrame) -> pd.DataFrame:
    """Claims per verdict, every verdict of :data:`VERDICTS` listed (zero if none).

    >>> count_verdicts(pd.DataFrame({"verdict": ["supported", "supported"]}))["claims"].tolist()
    [2, 0, 0, 0]
    """
    n = ledger["verdict"].value_counts()
    return pd.DataFrame({"symbol": [SYMBOLS[v] for v in VERDICTS], "verdict": list(VERDICTS),
                         "claims": [int(n.get(v, 0)) for v in VERDICTS]})


# --- small helpers -------------------------------------------------------------------------


def _day(ts) -> str | None:
    return None if ts is None or pd.isna(ts) else pd.Timestamp(ts).strftime("%Y-%m-%d")


def _days(n: int) -> str:
    """``1`` -> ``'1 day'``, ``4`` -> ``'4 days'``."""
    return f"{n} day" if abs(n) == 1 else f"{n} days"


def _weekday(ts) -> str | None:
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


def _stop(trips: pd.DataFrame, iso3: str) -> pd.Series:
    """The last stop in ``iso3`` (the latest tour that went there)."""
    hit = trips[trips["iso3"] == iso3].sort_values(["trip", "stop"])
    if hit.empty:
        raise ValueError(f"no stop in {iso3} in the itinerary")
    return hit.iloc[-1]


def _event(events: pd.DataFrame, event_id: str) -> pd.Series:
    hit = events[events["event_id"] == event_id]
    if hit.empty:
        raise ValueError(f"no event {event_id!r} in the events table")
    return hit.iloc[0]


def _event_day(events: pd.DataFrame, event_id: str) -> pd.Timestamp | None:
    """The event's day, or None when the event is known only to the month or year."""
    first, last = period_bounds(str(_event(events, event_id)["date"]))
    return first if first == last else None


def _events_of(events: pd.DataFrame, iso3: str, category: str) -> pd.DataFrame:
    """Events of one country and category, each with its period's first and last day."""
    hit = events[(events["iso3"] == iso3) & (events["category"] == category)]
    bounds = [period_bounds(str(d)) for d in hit["date"]]
    return hit.assign(first_day=pd.to_datetime([b[0] for b in bounds]),
                      last_day=pd.to_datetime([b[1] for b in bounds]))


# --- the itinerary -------------------------------------------------------------------------


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


# --- SIPRI ---------------------------------------------------------------------------------


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
    :func:`analysis.subjects.arms.verdict_share_claim` for ``vintage`` (default: the latest export)
    and ``region`` (default SIPRI's Africa, without Egypt). "About" = within
    ``arms.ABOUT_TOLERANCE_PTS`` (2.5) points. The values add the decade share in every region
    and vintage, and SIPRI's published Russia shares for Africa, for comparison only."""
    vintage = vintage or _latest(grid)
    v = arms.verdict_share_claim(grid, vintage, region,
                                 published=arms.published_shares(fact_sheets, region))
    decade = arms.period_label(arms.STORY_PERIOD)
    by_region = {r: round(arms.russia_share(grid, vintage, r, decade), 1)
                 for r in arms.REGION_LABELS}
    by_vintage = {x: round(arms.russia_share(grid, x, region, decade), 1)
                  for x in sorted(grid["vintage"].unique())}
    fs = fact_sheets[(fact_sheets["supplier"] == "Russia") & (fact_sheets["region"] == "africa")]
    published = {str(p): float(s) for p, s in zip(fs["period"], fs["share_pct"], strict=True)}
    values = {**v.values, "vintage": vintage, "region": region,
              "tolerance_pts": arms.ABOUT_TOLERANCE_PTS, "decade_pct_by_region": by_region,
              "decade_pct_by_vintage": by_vintage, "published_africa_pct": published}
    return Verdict(v.verdict, values, v.reason)


@register
def check_largest_dealer(grid: pd.DataFrame, *, vintage: str | None = None,
                         region: str = "africa", caveat_region: str = "sub-saharan-africa"
                         ) -> Verdict:
    """"Russia, Africa's largest arms dealer": :func:`analysis.subjects.arms.verdict_largest_dealer`
    (every SIPRI five-year period published before the story, 2012-16 to 2017-21, and the
    decade 2012-2021) for ``vintage`` (default latest) and ``region``; the reason adds where
    Russia did not lead in ``caveat_region`` over the same periods."""
    vintage = vintage or _latest(grid)
    v = arms.verdict_largest_dealer(grid, vintage, region)
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
    return Verdict(v.verdict, values, reason)


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
        return Verdict(SUPPORTED, values, f"SIPRI records {heli} helicopters and {planes} "
                       f"fixed-wing aircraft delivered by Russia to Mali before {before_year}.")
    if planes:
        return Verdict(PARTLY, values, f"SIPRI records {planes} aircraft but no helicopters "
                       f"delivered before {before_year}.")
    return Verdict(NOT_SUPPORTED, values, f"SIPRI records no Russian aircraft delivered to Mali "
                   f"before {before_year}.")


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
    coups = _events_of(events, iso3, "coup")
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
    values = {"coup": _day(coup_day), "years_before": f"{before[0]}-{before[1]}",
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
    return Verdict(verdict, values, text)


# --- Wagner --------------------------------------------------------------------------------


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


# --- events --------------------------------------------------------------------------------


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


@register
def check_expulsion_sunday(events: pd.DataFrame, *,
                           event_id: str = "mli-expulsion-hr-chief-2023",
                           weekday: str = "Sunday", story_date=STORY_DATE) -> Verdict:
    """"On Sunday, Mali's government said it was expelling ...": the event's day against the
    ``weekday`` before the story. The right weekday in another week: partly supported."""
    day = _event_day(events, event_id)
    if day is None:
        return Verdict(NOT_CHECKABLE, {"date": str(_event(events, event_id)["date"])},
                       "The expulsion is not dated to the day.")
    claimed = named_day(weekday, story_date, "before")
    values = {"date": _day(day), "weekday": _weekday(day), "claimed_date": _day(claimed)}
    if day == claimed:
        return Verdict(SUPPORTED, values, f"The expulsion was announced on {_day(day)}, "
                       f"a {_weekday(day)}, the day before the story.")
    if day.day_name() == weekday:
        return Verdict(PARTLY, values, f"It was a {weekday}, but {_day(day)}.")
    return Verdict(NOT_SUPPORTED, values, f"{_day(day)} was a {_weekday(day)}.")


@register
def check_coup_year(events: pd.DataFrame, *, iso3: str = "MLI", year: int = 2020) -> Verdict:
    """"A 2020 military coup": a ``coup`` event in ``iso3`` within ``year``."""
    coups = _events_of(events, iso3, "coup")
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
    first, last = period_bounds(str(_event(events, start)["date"]))
    rows = []
    for end in ends:
        e = _event(events, end)
        e_first, e_last = period_bounds(str(e["date"]))
        rows.append({"end": end, "started": str(_event(events, start)["date"]),
                     "ended": str(e["date"]), "description": e["description"],
                     "years_min": round((e_first - last).days / DAYS_PER_YEAR, 2),
                     "years_max": round((e_last - first).days / DAYS_PER_YEAR, 2)})
    return pd.DataFrame(rows)


def _years(low: float, high: float) -> str:
    """``(9.54, 9.62)`` -> ``'9.5-9.6'``; one number where both round alike."""
    a, b = f"{low:.1f}", f"{high:.1f}"
    return a if a == b else f"{a}-{b}"


@register
def check_french_operation(events: pd.DataFrame, *, start: str = "mli-serval-start-2013",
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


@register
def check_burkina_french_out(events: pd.DataFrame, *, iso3: str = "BFA",
                             story_date=STORY_DATE) -> Verdict:
    """"The military junta in Burkina Faso ... ordering France to pull out troops": an
    ``expulsion`` event in ``iso3`` before the story, after a ``coup`` there (so ordered by a
    junta). Expulsion without a recorded coup: partly supported."""
    story = pd.Timestamp(story_date)
    out = _events_of(events, iso3, "expulsion")
    out = out[out["last_day"] < story]
    coups = _events_of(events, iso3, "coup")
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
