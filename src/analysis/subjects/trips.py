"""Lavrov's trips to Africa: itinerary, durations, distances, intervals.

The data are ``data/lavrov_trips.csv`` (one row per stop; described in ``data/datapackage.json``).
Definitions a reviewer should check:

- **The story's window.** The table holds the three tours the story could see (July 2022 -
  February 2023) and the trips after it (2023-2025; ``kind`` tells a tour of bilateral visits
  from a trip to one multilateral meeting). :func:`load_trips` returns the tours begun by the
  story's date unless asked for more (``through=None``: all), so every number about the story
  (the third tour in about six months, the legs, the calendar) rests on trips 1-3 only;
  :func:`africa_travel` is the view over all of them.

- **Dates** are local calendar days as reported. Where sources disagree the table records the
  earlier arrival and says so in ``notes``; a departure is empty unless a source gives it or the
  sourced dates pin it. Nothing here fills a missing date.
- **Iraq** is stop 1 of trip 3. Summaries, distances and intervals count it as part of the tour;
  to measure Africa only, filter it out first (``trips[trips["iso3"] != "IRQ"]``).
- **Moscow as home base** (an assumption, not a sourced fact): :func:`leg_distances` assumes every
  tour started and ended in Moscow, so each tour has a first and last leg to or from
  ``MOSCOW_LAT``/``MOSCOW_LON``. Those legs are flagged ``assumed_moscow``.
- **Distances** are great-circle distances between approximate city centres on a sphere
  (``EARTH_RADIUS_KM``), in kilometres: a lower bound on the distance flown, which follows
  airways and lands at airports outside the centre (Oyo via Ollombo, for example).
- **Months** are days / ``DAYS_PER_MONTH``.
"""

from pathlib import Path

import numpy as np
import pandas as pd

from analysis.contract.datapackage import load_table, resource
from analysis.contract.errors import DataError
from analysis.contract.paths import DATA_DIR, display_path
from analysis.story import (  # noqa: F401  (the assumed home; re-exported)
    MOSCOW_LAT,
    MOSCOW_LON,
    STORY_DATE,
)

TRIPS_RESOURCE = "lavrov_trips"
TRIPS_FILE = "data/lavrov_trips.csv"  # how messages name the committed file

# IUGG mean Earth radius R1 = (2a + b) / 3 of the GRS 80 / WGS 84 ellipsoid, in km (Moritz,
# "Geodetic Reference System 1980"). The sphere that minimises error on average for haversine.
EARTH_RADIUS_KM = 6371.0088


# Mean length of a Gregorian month in days: 365.2425 / 12 = 30.436875, rounded to 2 decimals.
DAYS_PER_MONTH = 30.44

_DATES = ["arrival_date", "talks_date", "departure_date"]


def load_trips(data_dir=DATA_DIR, descriptor: dict | None = None, *,
               through=STORY_DATE) -> pd.DataFrame:
    """The itinerary, typed and validated: descriptor checks, then :func:`check_trips` (over
    every row, whatever ``through``).

    Only the trips whose first stop was reached by ``through`` (default: the story's date, so
    the three tours the story could see; trip 3 began in Iraq on 5 Feb 2023 and its later stops
    are kept); ``through=None`` returns every trip. One row per stop in file order;
    ``lat``/``lon`` in decimal degrees; dates as timestamps (``NaT`` where not sourced);
    ``source_ids`` as lists. Raises :class:`~analysis.contract.errors.DataError` naming file,
    row and column.

    >>> trips = load_trips()
    >>> trips.groupby("trip")["stop"].max().tolist()
    [4, 4, 4]
    >>> load_trips(through=None).groupby("trip")["stop"].max().tolist()
    [4, 4, 4, 4, 4, 1, 1]
    """
    trips = load_table(TRIPS_RESOURCE, data_dir=data_dir, descriptor=descriptor)
    path = Path(data_dir) / resource(TRIPS_RESOURCE, descriptor)["path"]
    trips = check_trips(trips, file=display_path(path))
    if through is None:
        return trips
    start = trips.groupby("trip")["arrival_date"].transform("min")
    return trips[start <= pd.Timestamp(through)]


def check_trips(trips: pd.DataFrame, file: str = TRIPS_FILE) -> pd.DataFrame:
    """Check what the descriptor cannot express; return ``trips`` unchanged if it passes.

    Within each trip: stops run 1..n without gaps or repeats; at each stop
    arrival <= talks <= departure (empty dates are skipped); each arrival is on or after the
    previous stop's arrival and departure. Rows in the message are 1-based positions in
    ``trips``, which are the data rows of the file when ``trips`` comes from :func:`load_table`
    (row 1 = line 2). Dates must already be timestamps (as the loader gives them).
    """
    frame = trips.reset_index(drop=True)
    for trip, group in frame.groupby("trip", sort=True):
        _check_trip_start_and_kind(group, file)
        previous = None
        for expected, (pos, stop) in enumerate(group.sort_values("stop", kind="stable").iterrows(),
                                               start=1):
            row = pos + 1
            if stop["stop"] != expected:
                if previous is not None and stop["stop"] == previous["stop"]:
                    problem = f"stop {stop['stop']} appears twice in trip {trip}"
                elif previous is None:
                    problem = f"trip {trip} starts at stop {stop['stop']}, expected stop 1"
                else:
                    problem = (f"trip {trip} jumps from stop {previous['stop']} to stop "
                               f"{stop['stop']}; stops must run 1..n without gaps")
                raise DataError(file, problem, row=row, column="stop")
            _check_stop_dates(stop, previous, file, row)
            previous = stop
    return trips


def _check_trip_start_and_kind(group: pd.DataFrame, file: str) -> None:
    """A trip's first stop has an arrival date (a trip is dated by it) and every stop of a
    trip has the same ``kind`` (when the frame has the column)."""
    first = group.sort_values("stop", kind="stable").iloc[0]
    if "arrival_date" in group and pd.isna(first["arrival_date"]):
        raise DataError(file, f"trip {first['trip']} has no arrival date at its first stop",
                        row=int(first.name) + 1, column="arrival_date")
    if "kind" in group and group["kind"].nunique() > 1:
        odd = group[group["kind"] != first["kind"]].iloc[0]
        raise DataError(file, f"kind {odd['kind']!r} differs from {first['kind']!r} at stop 1 "
                        f"of trip {first['trip']}", row=int(odd.name) + 1, column="kind")


def _check_stop_dates(stop: pd.Series, previous: pd.Series | None, file: str, row: int) -> None:
    """Order of one stop's own dates, then against the previous stop of the same trip."""
    known = [(c, stop[c]) for c in _DATES if pd.notna(stop[c])]
    for (early_col, early), (late_col, late) in zip(known, known[1:], strict=False):
        if late < early:
            raise DataError(file, f"{late:%Y-%m-%d} is before {early_col} {early:%Y-%m-%d}",
                            row=row, column=late_col)
    if previous is None or pd.isna(stop["arrival_date"]):
        return
    arrival = stop["arrival_date"]
    for col in ("arrival_date", "departure_date"):
        if pd.notna(previous[col]) and arrival < previous[col]:
            raise DataError(
                file,
                f"{arrival:%Y-%m-%d} is before the {col} {previous[col]:%Y-%m-%d} of stop "
                f"{previous['stop']} of trip {stop['trip']}",
                row=row, column="arrival_date",
            )


def summarise_trips(trips: pd.DataFrame) -> pd.DataFrame:
    """One row per trip: dates, length and countries.

    - ``first_day``: earliest arrival; ``last_day``: latest known date of any kind (arrival,
      talks or departure), so where the last departure is unknown (trip 1, Ethiopia)
      ``last_day`` is the last talks date and ``days_on_road`` a minimum;
      ``last_departure_known`` says which.
    - ``days_on_road``: calendar days from ``first_day`` to ``last_day``, both counted.
    - ``stops``: rows; ``countries``: distinct ``iso3``; ``country_list``: names in stop order.
      Iraq is counted (see the module notes).

    >>> trips = pd.DataFrame({"trip": [1, 1], "stop": [1, 2], "iso3": ["EGY", "COG"],
    ...     "country": ["Egypt", "Republic of the Congo"],
    ...     "arrival_date": pd.to_datetime(["2022-07-23", "2022-07-24"]),
    ...     "talks_date": pd.to_datetime(["2022-07-24", "2022-07-25"]),
    ...     "departure_date": pd.to_datetime(["2022-07-24", None])})
    >>> summarise_trips(trips)[["days_on_road", "countries", "last_departure_known"]]
       days_on_road  countries  last_departure_known
    0             3          2                 False
    """
    frame = trips.sort_values(["trip", "stop"])
    frame = frame.assign(_last=frame[_DATES].max(axis=1))
    by_trip = frame.groupby("trip", sort=True)
    out = pd.DataFrame({
        "first_day": by_trip["arrival_date"].min(),
        "last_day": by_trip["_last"].max(),
        "stops": by_trip.size(),
        "countries": by_trip["iso3"].nunique(),
        "country_list": by_trip["country"].agg(lambda s: ", ".join(dict.fromkeys(s))),
        "last_departure_known": by_trip["departure_date"].agg(lambda s: bool(pd.notna(s.iloc[-1]))),
    })
    out.insert(2, "days_on_road", (out["last_day"] - out["first_day"]).dt.days + 1)
    return out.reset_index()


def haversine_km(lat1, lon1, lat2, lon2):
    """Great-circle distance in km between points given in decimal degrees.

    On a sphere of radius ``EARTH_RADIUS_KM``; the Earth's flattening makes real geodesic
    distances differ by up to about 0.5%. Accepts scalars (returns a float) or arrays.

    >>> round(haversine_km(0, 0, 0, 1), 3)  # 1 degree of the equator = 2 * pi * R / 360
    111.195
    >>> haversine_km(10, 20, 10, 20)
    0.0
    """
    phi1, phi2 = np.radians(lat1), np.radians(lat2)
    d_phi = phi2 - phi1
    d_lambda = np.radians(lon2) - np.radians(lon1)
    a = np.sin(d_phi / 2) ** 2 + np.cos(phi1) * np.cos(phi2) * np.sin(d_lambda / 2) ** 2
    distance = 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))
    return float(distance) if np.ndim(distance) == 0 else distance


def leg_distances(trips: pd.DataFrame) -> pd.DataFrame:
    """One row per leg, Moscow -> stop 1 -> ... -> stop n -> Moscow, with ``distance_km``.

    ASSUMPTION: every tour started and ended in Moscow (``MOSCOW_LAT``, ``MOSCOW_LON``); the
    sources do not say so for each tour (trip 2's published programme even had him flying home
    from Angola, before he went on to Eritrea). Legs touching Moscow have ``assumed_moscow``
    True. Distances are great-circle km between city centres (:func:`haversine_km`).
    Columns: trip, leg (1..n+1), from_city, from_iso3, to_city, to_iso3, assumed_moscow,
    distance_km.
    """
    home = {"city": "Moscow", "iso3": "RUS", "lat": MOSCOW_LAT, "lon": MOSCOW_LON}
    legs = []
    for trip, group in trips.sort_values(["trip", "stop"]).groupby("trip", sort=True):
        stops = group[["city", "iso3", "lat", "lon"]].astype({"lat": float, "lon": float})
        points = [home, *stops.to_dict("records"), home]
        for leg, (start, end) in enumerate(zip(points, points[1:], strict=False), start=1):
            legs.append({
                "trip": trip,
                "leg": leg,
                "from_city": start["city"],
                "from_iso3": start["iso3"],
                "to_city": end["city"],
                "to_iso3": end["iso3"],
                "assumed_moscow": start is home or end is home,
                "distance_km": haversine_km(start["lat"], start["lon"], end["lat"], end["lon"]),
            })
    return pd.DataFrame(legs)


def tour_distances(trips: pd.DataFrame) -> pd.DataFrame:
    """Per trip: ``legs``, ``distance_km`` (all legs, Moscow legs included), ``within_tour_km``
    (between stops only, free of the Moscow assumption) and ``moscow_legs_km`` (the assumed
    first and last legs). Great-circle km, see :func:`leg_distances`."""
    legs = leg_distances(trips)
    legs = legs.assign(
        _within=legs["distance_km"].where(~legs["assumed_moscow"], 0.0),
        _moscow=legs["distance_km"].where(legs["assumed_moscow"], 0.0),
    )
    return legs.groupby("trip", sort=True).agg(
        legs=("leg", "size"),
        distance_km=("distance_km", "sum"),
        within_tour_km=("_within", "sum"),
        moscow_legs_km=("_moscow", "sum"),
    ).reset_index()


def tour_intervals(trips: pd.DataFrame) -> pd.DataFrame:
    """Per trip: its ``start`` (first arrival) and the gap to the previous and first tours.

    ``days_since_previous``: days from the previous tour's start (empty for the first tour);
    ``days_since_first``: days from the first tour's start, so the third row answers "third
    trip in about six months". ``months_*`` = days / ``DAYS_PER_MONTH`` (30.44). A tour's start
    is its first stop's arrival (Iraq for trip 3); filter stops out first to measure otherwise.

    >>> trips = pd.DataFrame({"trip": [1, 1, 2, 3], "arrival_date": pd.to_datetime(
    ...     ["2022-01-01", "2022-01-05", "2022-01-31", "2022-03-02"])})
    >>> tour_intervals(trips)[["trip", "days_since_previous", "days_since_first"]]
       trip  days_since_previous  days_since_first
    0     1                 <NA>                 0
    1     2                   30                30
    2     3                   30                60
    """
    start = trips.groupby("trip", sort=True)["arrival_date"].min()
    since_previous = start.diff().dt.days.astype("Int64")
    since_first = (start - start.iloc[0]).dt.days.astype("Int64")
    return pd.DataFrame({
        "start": start,
        "days_since_previous": since_previous,
        "months_since_previous": since_previous.astype("Float64") / DAYS_PER_MONTH,
        "days_since_first": since_first,
        "months_since_first": since_first.astype("Float64") / DAYS_PER_MONTH,
    }).reset_index()


def africa_travel(trips: pd.DataFrame, african, story_date=STORY_DATE) -> pd.DataFrame:
    """One row per trip, over all the trips given (``load_trips(through=None)``): ``trip``,
    ``kind``, ``start`` (first arrival), ``end`` (the latest known date of any kind, so a
    minimum where the last departure is not recorded), ``african_stops`` (stops in a country
    of ``african``, iso3 codes by geography, so Egypt counts and Iraq does not),
    ``countries`` (their names in stop order) and ``after_story`` (the trip began after
    ``story_date``; trip 3, begun in Iraq the day before the story, is the story's).

    >>> t = pd.DataFrame({"trip": [1, 1, 2], "stop": [1, 2, 1], "kind": ["tour", "tour",
    ...     "multilateral"], "iso3": ["IRQ", "MLI", "EGY"], "country": ["Iraq", "Mali", "Egypt"],
    ...     "arrival_date": pd.to_datetime(["2023-02-05", "2023-02-07", "2025-12-18"]),
    ...     "talks_date": pd.NaT, "departure_date": pd.NaT})
    >>> africa_travel(t, {"MLI", "EGY"})[["trip", "african_stops", "countries", "after_story"]]
       trip  african_stops countries  after_story
    0     1              1      Mali        False
    1     2              1     Egypt         True
    """
    frame = trips.sort_values(["trip", "stop"])
    frame = frame.assign(_last=frame[_DATES].max(axis=1),
                         _africa=frame["iso3"].isin(set(african)))
    rows = []
    for trip, g in frame.groupby("trip", sort=True):
        start = g["arrival_date"].min()
        on = g[g["_africa"]]
        rows.append({"trip": int(trip), "kind": g["kind"].iloc[0], "start": start,
                     "end": g["_last"].max(), "african_stops": len(on),
                     "countries": ", ".join(dict.fromkeys(on["country"])),
                     "after_story": bool(start > pd.Timestamp(story_date))})
    return pd.DataFrame(rows)
