"""Checks shared by the SIPRI readers. Each failure names the file, the physical line (1-based)
and the column, and says what was expected (:class:`~analysis.contract.errors.SipriFormatError`).

Cells are checked a column at a time: a vectorised test over the column, and only on a failure
the first bad cell is looked up to be named.
"""

import csv

import numpy as np
import pandas as pd

from analysis.contract.errors import SipriFormatError


def split(lines: list[str]) -> list[list[str]]:
    """CSV fields of each line. SIPRI's exports quote nothing, so a plain split is exact and
    fast; a file with quotes goes through the csv module."""
    if any('"' in line for line in lines):
        return [next(csv.reader([line]), []) for line in lines]
    return [line.split(",") if line else [] for line in lines]


def records(lines: list[str], first: int, width: int, file: str):
    """(line numbers, records, repairs) of ``lines``, the first being the file's 0-based line
    ``first``: every record, joining those that a line break split over two lines (the second
    line starts with ``,`` and the two together have ``width`` fields). Blank lines are skipped.
    """
    repairs: list[int] = []
    numbers: list[int] = []
    out: list[list[str]] = []
    rows = split(lines)
    i = 0
    while i < len(rows):
        fields = rows[i]
        if not fields or (len(fields) == 1 and not fields[0].strip()):
            i += 1
            continue
        lineno = first + i + 1
        if len(fields) != width:
            if (len(fields) < width and i + 1 < len(rows) and lines[i + 1].startswith(",")
                    and len(fields) + len(rows[i + 1]) - 1 == width):
                nxt = rows[i + 1]
                fields = fields[:-1] + [f"{fields[-1].rstrip()} {nxt[0]}".rstrip()] + nxt[1:]
                repairs.append(lineno)
                i += 1
            else:
                raise SipriFormatError(
                    file, f"expected {width} fields, found {len(fields)} (truncated or damaged "
                    "row)", line=lineno)
        numbers.append(lineno)
        out.append(fields)
        i += 1
    return numbers, out, repairs


def first_bad(mask, col, lines, file: str, column: str, expected: str) -> None:
    """Raise, naming the first cell where ``mask`` is true, if there is one."""
    mask = np.asarray(mask, dtype=bool)
    if mask.any():
        i = int(mask.nonzero()[0][0])
        raise SipriFormatError(file, f"{col[i]!r}: expected {expected}", line=int(lines[i]),
                               column=column)


def numbers(col, lines, file: str, column: str, kind=float) -> pd.Series:
    """Number cells as text to numbers; the first that is not a number (or, for ``kind=int``,
    not whole), then the first negative, raises with its line."""
    text = pd.Series(col, dtype=object)
    blank = text.str.strip() == "" if kind is int else text == ""
    values = pd.to_numeric(text.where(~blank), errors="coerce")
    bad = values.isna() & ~blank
    if kind is int:
        bad |= values.notna() & (values % 1 != 0)
    if bad.any():
        i = int(bad.to_numpy().nonzero()[0][0])
        what = "a whole number" if kind is int else "a number"
        raise SipriFormatError(file, f"{col[i]!r} is not {what}", line=int(lines[i]),
                               column=column)
    if (values < 0).any():
        i = int((values < 0).to_numpy().nonzero()[0][0])
        raise SipriFormatError(file, f"{col[i]!r} is negative", line=int(lines[i]),
                               column=column)
    return values.astype("Int64") if kind is int else values.astype("Float64")


def parsed_numbers(values: pd.Series, lines, file: str, column: str, kind=float) -> pd.Series:
    """Numbers the C parser already read: check sign and wholeness, give the nullable dtype."""
    arr = values.to_numpy(dtype="float64")
    for bad, what in ((arr < 0, "is negative"),
                      (~np.isnan(arr) & (arr % 1 != 0) if kind is int else None,
                       "is not a whole number")):
        if bad is not None and bad.any():
            i = int(bad.nonzero()[0][0])
            raise SipriFormatError(file, f"'{arr[i]:g}' {what}", line=int(lines[i]),
                                   column=column)
    return pd.Series(pd.array(values, dtype="Int64" if kind is int else "Float64"))


def distinct(values: np.ndarray) -> tuple[np.ndarray, list[str]]:
    """(codes, distinct values) of a column of strings, so that checks and conversions run
    once per distinct value (30,000 rows hold a few hundred countries or years); ``each``
    spreads the results back over the rows."""
    codes, uniques = pd.factorize(values)
    return codes, uniques.tolist()


def each(codes: np.ndarray, results: list, dtype=object) -> np.ndarray:
    """Per-distinct-value ``results`` (see :func:`distinct`) as one value per row."""
    return np.array(results, dtype=dtype)[codes]
