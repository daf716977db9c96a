"""Partial ISO dates (``2013``, ``2013-01``, ``2013-01-11``): sources give dates at different
precisions, and a day that was only recalled is never filled in. A partial date stands for a
period: ``2022`` is 1 Jan to 31 Dec 2022.
"""

import re

import pandas as pd

_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_PAD = {"year": "-01-01", "month": "-01", "day": ""}
_LENGTH = {
    "year": pd.DateOffset(years=1),
    "month": pd.DateOffset(months=1),
    "day": pd.DateOffset(days=1),
}


def partial_date_precision(value: str) -> str:
    """``'year'``, ``'month'`` or ``'day'`` for a valid partial ISO date; ValueError otherwise.

    >>> [partial_date_precision(v) for v in ("2018", "2018-04", "2018-04-15")]
    ['year', 'month', 'day']
    >>> partial_date_precision("2023-02-31")
    Traceback (most recent call last):
    ...
    ValueError: '2023-02-31' is not a real date (expected YYYY, YYYY-MM or YYYY-MM-DD)
    """
    bad = ValueError(f"{value!r} is not a real date (expected YYYY, YYYY-MM or YYYY-MM-DD)")
    if not _PARTIAL_DATE.match(value):
        raise bad
    parts = value.split("-")
    padded = "-".join(parts + ["01"] * (3 - len(parts)))
    try:
        pd.Timestamp(padded)
        if pd.Timestamp(padded).strftime("%Y-%m-%d") != padded:
            raise ValueError
    except ValueError:
        raise bad from None
    return ("year", "month", "day")[len(parts) - 1]


def period_bounds(value: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """First and last day of the period a partial ISO date stands for (both inclusive).

    >>> [str(d.date()) for d in period_bounds("2022")]
    ['2022-01-01', '2022-12-31']
    >>> [str(d.date()) for d in period_bounds("2024-02")]
    ['2024-02-01', '2024-02-29']
    >>> [str(d.date()) for d in period_bounds("2022-03-27")]
    ['2022-03-27', '2022-03-27']
    """
    precision = partial_date_precision(value)
    start = pd.Timestamp(value + _PAD[precision])
    return start, start + _LENGTH[precision] - pd.Timedelta(days=1)
