"""Dated events of the Mali and Sahel story: loading, the checks the descriptor cannot express,
and slices for timelines.

Dates in ``data/events.csv`` are partial (``2013``, ``2013-01`` or ``2013-01-11``) because the
sources give them at different precisions; a day that was only recalled is never filled in. A
partial date stands for a period: ``2022`` is 1 Jan to 31 Dec 2022. Helpers here work on those
periods, so a year-precision event is never silently placed on 1 January of that year except
where a plot needs one point (``date_start``, documented as such).
"""

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from analysis.contract.datapackage import load_table, resource
from analysis.contract.errors import DataError
from analysis.contract.partial_dates import partial_date_precision, period_bounds
from analysis.contract.paths import DATA_DIR, display_path

# Events after the story's date are kept where they settle a fact the story relied on;
# timeline() flags them.
from analysis.story import STORY_DATE


def check_precision(frame: pd.DataFrame, date_column: str, precision_column: str,
                    file: str) -> None:
    """Raise DataError unless every ``precision_column`` names the precision of ``date_column``.

    Rows are 1-based data rows (row 1 = the line after the header). Empty dates are skipped: the
    descriptor decides whether they are allowed.
    """
    values = frame[date_column].tolist()
    precisions = frame[precision_column].tolist()
    for row, (value, precision) in enumerate(zip(values, precisions, strict=True), start=1):
        if value is None or value is pd.NA:
            continue
        try:
            actual = partial_date_precision(value)
        except ValueError as exc:
            raise DataError(file, str(exc), row=row, column=date_column) from None
        if precision != actual:
            raise DataError(
                file,
                f"{precision!r} disagrees with {date_column} {value!r}, which is given to the "
                f"{actual}",
                row=row,
                column=precision_column,
            )


def check_events(events: pd.DataFrame, file: str = "data/events.csv") -> pd.DataFrame:
    """Table-level checks on a typed events frame; returns it unchanged.

    - ``date_precision`` agrees with the precision of ``date``;
    - the ``event_id`` prefix (before the first ``-``) is ``iso3`` in lower case.
    """
    check_precision(events, "date", "date_precision", file)
    ids, codes = events["event_id"].tolist(), events["iso3"].tolist()
    for row, (event_id, iso3) in enumerate(zip(ids, codes, strict=True), start=1):
        prefix = str(event_id).split("-", 1)[0]
        if iso3 is not None and iso3 is not pd.NA and prefix != str(iso3).lower():
            raise DataError(
                file,
                f"{event_id!r} should start with '{str(iso3).lower()}-' to match iso3 {iso3!r}",
                row=row,
                column="event_id",
            )
    return events


def load_events(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """``data/events.csv``, typed and validated against the descriptor and :func:`check_events`.

    ``source_ids`` is a list per row; ``date`` stays a partial-date string (see
    :func:`timeline` for Timestamps).

    >>> events = load_events()
    >>> events.set_index("event_id").loc["mli-coup-2020", "date"]
    '2020-08-18'
    """
    typed = load_table("events", data_dir=data_dir)
    return check_events(typed, display_path(Path(data_dir) / resource("events")["path"]))


def _bound(value, end: bool) -> pd.Timestamp:
    if isinstance(value, str):
        return period_bounds(value)[1 if end else 0]
    return pd.Timestamp(value)


def events_between(events: pd.DataFrame, start, end) -> pd.DataFrame:
    """Events whose whole period lies within ``start``..``end`` (both inclusive).

    ``start`` and ``end`` may be partial dates (``"2022"`` = all of 2022) or Timestamps. An
    event known only to the year or month is included only if that whole year or month is
    inside the window: a ``2022`` event is not "in August 2022".

    >>> ev = pd.DataFrame({"event_id": ["mli-a-2013", "mli-b-2022", "mli-c-2022"],
    ...                    "date": ["2013-01", "2022", "2022-08-15"]})
    >>> events_between(ev, "2022", "2022")["event_id"].tolist()
    ['mli-b-2022', 'mli-c-2022']
    >>> events_between(ev, "2022-08", "2022-08")["event_id"].tolist()
    ['mli-c-2022']
    """
    lo, hi = _bound(start, end=False), _bound(end, end=True)
    bounds = [period_bounds(d) for d in events["date"]]
    keep = [lo <= first and last <= hi for first, last in bounds]
    return events.loc[keep].copy()


def timeline(events: pd.DataFrame, iso3: str | Iterable[str] | None = None) -> pd.DataFrame:
    """Events in date order, with Timestamps for plotting, optionally for some countries only.

    Adds ``date_start`` (first day of the period: ``2013-01`` -> 1 Jan 2013), ``date_end``
    (last day of the period) and ``after_story`` (the period starts after :data:`STORY_DATE`).
    Plot year- and month-precision events at ``date_start`` only with their precision shown.

    >>> ev = pd.DataFrame({"event_id": ["zaf-x-2023", "mli-y-2013"], "iso3": ["ZAF", "MLI"],
    ...                    "date": ["2023-02-17", "2013-01"]})
    >>> timeline(ev)[["event_id", "date_start", "after_story"]]
         event_id date_start  after_story
    0  mli-y-2013 2013-01-01        False
    1  zaf-x-2023 2023-02-17         True
    >>> timeline(ev, iso3="MLI")["event_id"].tolist()
    ['mli-y-2013']
    """
    out = events.copy()
    if iso3 is not None:
        wanted = [iso3] if isinstance(iso3, str) else list(iso3)
        out = out.loc[out["iso3"].isin(wanted)].copy()
    bounds = [period_bounds(d) for d in out["date"]]
    out["date_start"] = pd.to_datetime([b[0] for b in bounds])
    out["date_end"] = pd.to_datetime([b[1] for b in bounds])
    out["after_story"] = out["date_start"] > STORY_DATE
    return out.sort_values(["date_start", "event_id"], kind="stable").reset_index(drop=True)
