"""What both tour charts share: one style per tour, the stops' day spans and the tours' labels.
See :mod:`analysis.charts.trips` for the charts and the editorial decisions."""


import pandas as pd

from analysis import charts

SMALL = charts.SMALL_PT  # the smallest text: 12.5 px at the 1x export

# One style per tour (see the module docstring). Okabe-Ito orange and blue, and the house ink;
# the orange (#E69F00) darkened to just 3.0:1 on white, so that lines, bars and markers stand
# out (analysis.charts.accessibility) and it stays 15 L* lighter than the blue for greyscale.
TOUR_STYLES = {
    1: {"color": "#c68900", "linestyle": "-", "marker": "o", "hatch": ""},
    2: {"color": "#0072B2", "linestyle": "--", "marker": "s", "hatch": "///"},
    3: {"color": charts.PALETTE["ink"], "linestyle": "-.", "marker": "^", "hatch": "\\\\\\"},
}
# The assumed legs to and from Moscow: thin, dotted and faint, so they read as less certain.
ASSUMED_STYLE = {"linestyle": ":", "linewidth": 1.1, "alpha": 0.55}
VISITED_FILL = "#cfcfcf"  # countries on a tour: a shade darker than the context grey
# The NYT story's id in data/sources.csv: events citing it are events the story reports.
# Labels sit on a white, slightly see-through box rather than a stroked halo: matplotlib draws
# stroked text as paths, several percent wider than the size it measures, which would defeat
# the overlap checks.
LABEL_BOX = {"boxstyle": "square,pad=0.12", "facecolor": "white", "edgecolor": "none",
             "alpha": 0.8}
LABEL_SIZE = SMALL
# Days shown either side of each tour on the calendar: enough for the events that framed the
# January tour (Mosi II announced 4 days before it), few enough to keep a day legible.
PAD_DAYS = 4
# Break the calendar's time axis only where it saves at least a month of empty days.
MIN_GAP_DAYS = 30
ROW_IN = 0.25  # calendar: inches per row (one stop)
SUBTITLE_AT = 1 - 0.895  # charts.finish puts the subtitle's top this fraction below the top
ROUTE_FIGSIZE = (7.5, 8.4)
ROUTE_WIDTH = 2.2  # points: the tours' arcs, heavy enough for the light orange in greyscale


def tour_style(trip) -> dict:
    """The style of tour ``trip`` (1-3); a ValueError names the tours that have one."""
    style = TOUR_STYLES.get(int(trip)) if str(trip).isdigit() else None
    if style is None:
        raise ValueError(f"no style for tour {trip}: styles exist for tours "
                         f"{sorted(TOUR_STYLES)}")
    return style


def _check_trips(trips: pd.DataFrame, needed: list[str]) -> None:
    if trips.empty:
        raise ValueError("the itinerary has no stops: nothing to draw")
    missing = [c for c in needed if c not in trips.columns]
    if missing:
        raise ValueError(f"the itinerary lacks columns {missing}")
    for trip in trips["trip"].unique():
        tour_style(trip)


def stop_spans(trips: pd.DataFrame) -> pd.DataFrame:
    """Per stop, the days it covers on the calendar: ``start`` (arrival day) and ``end`` (the
    departure day if reported, else the talks day, else the arrival day), both inclusive, with
    ``departure_known``. A stop without an arrival date raises ValueError naming it.

    >>> t = pd.DataFrame({"trip": [1], "stop": [1], "city": ["Addis Ababa"],
    ...     "arrival_date": pd.to_datetime(["2022-07-26"]),
    ...     "talks_date": pd.to_datetime(["2022-07-27"]), "departure_date": [pd.NaT]})
    >>> stop_spans(t)[["start", "end", "departure_known"]].astype(str).values.tolist()
    [['2022-07-26', '2022-07-27', 'False']]
    """
    frame = trips.sort_values(["trip", "stop"]).reset_index(drop=True)
    no_arrival = frame[frame["arrival_date"].isna()]
    if len(no_arrival):
        row = no_arrival.iloc[0]
        raise ValueError(f"trip {row['trip']}, stop {row['stop']} ({row['city']}) has no "
                         "arrival date: it cannot be placed on a calendar")
    last = frame["departure_date"].fillna(frame["talks_date"]).fillna(frame["arrival_date"])
    return frame.assign(start=frame["arrival_date"], end=last,
                        departure_known=frame["departure_date"].notna())


def _stop_dates(start: pd.Timestamp, end: pd.Timestamp) -> str:
    """'23-24 Jul' (an en dash), '26 Jan' for one day, '31 Jan-1 Feb' across months."""
    if start == end:
        return f"{start.day} {start:%b}"
    if start.month == end.month:
        return f"{start.day}\u2013{end.day} {end:%b}"
    return f"{start.day} {start:%b}\u2013{end.day} {end:%b}"


def tour_label(trips: pd.DataFrame, trip) -> str:
    """'Tour 1, 23-27 Jul 2022' from the first arrival to the last known day of the tour."""
    spans = stop_spans(trips)
    one = spans[spans["trip"] == trip]
    start, end = one["start"].min(), one["end"].max()
    if start.year != end.year:
        return f"Tour {trip}, {start.day} {start:%b %Y}\u2013{end.day} {end:%b %Y}"
    return f"Tour {trip}, {_stop_dates(start, end)} {end:%Y}"
