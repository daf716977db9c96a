"""The Trade Register (one row per deal): records found, one pass of pandas' C parser, checks.

**Records.** SIPRI's files quote nothing, so a record is a line with 15 commas. The commas of
every line are counted at once (numpy over the bytes); only the few lines that do not have 15
(blank lines, records that a raw line break in Comments split over two lines, damaged rows)
are looked at in Python, with the rules of :func:`analysis.sipri.checks.records`. A file with
quotes or a lone carriage return takes that general, line-by-line route instead; the two give
the same frame.

**Checks.** Column by column, vectorised; columns with few distinct values (countries, years,
status) are checked once per value. Flag cells of at most one character (checked on the bytes)
are parsed as booleans by the C parser; any other cell sends the file to the text route, which
names it.
"""

import io
import re

import numpy as np
import pandas as pd

from analysis.contract.errors import SipriFormatError
from analysis.sipri.checks import distinct, each, first_bad, numbers, parsed_numbers, records

REGISTER_HEADER = [
    "Recipient", "Supplier", "Year of order", " ", "Number ordered", " ",
    "Weapon designation", "Weapon description", "Number delivered", " ",
    "Year(s) of delivery", "status", "Comments", "SIPRI TIV per unit",
    "SIPRI TIV for total order", "SIPRI TIV of delivered weapons",
]
# Tidy names, in the order of REGISTER_HEADER. TIVs are millions of SIPRI trend-indicator
# values: a volume index built on 1990 US$ unit costs, not a price ("musd" names that base).
REGISTER_COLUMNS = [
    "recipient", "supplier", "order_year", "order_year_uncertain", "number_ordered",
    "number_ordered_uncertain", "designation", "description", "number_delivered",
    "number_delivered_uncertain", "delivery_years", "status", "comments",
    "tiv_per_unit_musd", "tiv_order_musd", "tiv_delivered_musd",
]
STATUSES = {"New", "Second hand", "Second hand but modernized"}
_LABEL = dict(zip(REGISTER_COLUMNS, REGISTER_HEADER, strict=True))
_NUMERIC = ["number_ordered", "number_delivered", "tiv_per_unit_musd", "tiv_order_musd",
            "tiv_delivered_musd"]
_WIDTH = len(REGISTER_COLUMNS)
_FLAG_COLUMNS = [c for c in REGISTER_COLUMNS if c.endswith("_uncertain")]
_FLAGS = [REGISTER_COLUMNS.index(c) for c in _FLAG_COLUMNS]
_CHUNK = 1 << 20
_YEARS = re.compile(r"^\d{4}(; \d{4})*$")


def parse_register(data: bytes, start: int, first: int, file: str):
    """(frame, repairs) of the Trade Register whose rows are ``data[start:]`` (UTF-8),
    the file's 0-based line ``first`` on (the line after the header)."""
    found = _scan(data, start, first, file)
    if found is not None:
        pieces, line, repairs, short_flags = found
        if not len(line):
            raise SipriFormatError(file, "the Trade Register has a header but no rows",
                                   line=first)
        try:
            table = _read_fields(pieces, typed=True, flags=short_flags)
        except ValueError:  # a cell is not a number or a flag: the checks name it
            table = _read_fields(pieces, typed=False)
        if len(table) == len(line):
            return _frame(table, line, file), repairs
    lines = data[start:].decode("utf-8").replace("\r\n", "\n").split("\n")
    line, rows, repairs = records(lines, first, _WIDTH, file)
    if not rows:
        raise SipriFormatError(file, "the Trade Register has a header but no rows", line=first)
    table = pd.DataFrame(rows, columns=REGISTER_COLUMNS, dtype=object)
    return _frame(table, np.array(line), file), repairs


def _scan(data: bytes, start: int, first: int, file: str):
    """(pieces of ``data`` for the C parser, physical line of each record, repairs, whether
    every flag cell is at most one character), or None for a file with quotes or a lone CR
    (the general route). The rules are those of ``records``."""
    ends, commas, short_flags, cr = _line_table(data, start)
    whole = np.frombuffer(data, dtype=np.uint8)
    if data.find(b'"', start) >= 0 or (cr + 1 >= len(data)).any() or (
            whole[np.minimum(cr + 1, len(data) - 1)] != ord("\n")).any():
        return None
    starts = np.concatenate(([start], ends[:-1] + 1))  # line i: data[starts[i]:ends[i]]
    stops = ends - np.isin(ends - 1, cr)  # without the CR of a CRLF
    n = len(ends)
    text = lambda i: data[starts[i]:stops[i]].decode("utf-8")  # noqa: E731
    dropped, joined, repairs, skip = [], {}, [], -1
    for i in np.flatnonzero(commas != _WIDTH - 1).tolist():
        if i == skip:  # the second half of a record joined just before
            continue
        line = text(i)
        if not line.strip():
            dropped.append(i)
            continue
        nxt = text(i + 1) if i + 1 < n else ""
        if (commas[i] < _WIDTH - 1 and nxt.startswith(",")
                and commas[i] + commas[i + 1] == _WIDTH - 1):
            line = line.rstrip() + nxt
            joined[i] = line.encode("utf-8") + b"\n"
            short_flags &= all(len(line.split(",")[k]) <= 1 for k in _FLAGS)
            dropped.append(i + 1)
            repairs.append(first + i + 1)
            skip = i + 1
            continue
        raise SipriFormatError(
            file, f"expected {_WIDTH} fields, found {commas[i] + 1} (truncated or damaged row)",
            line=first + i + 1)
    view, pieces, pos = memoryview(data), [], start
    for i in sorted([*dropped, *joined]):
        pieces += [view[pos:starts[i]], joined.get(i, b"")]
        pos = ends[i] + 1
    keep = np.ones(n, dtype=bool)
    keep[dropped] = False
    return [*pieces, view[pos:]], np.flatnonzero(keep) + first + 1, repairs, short_flags


def _line_table(data: bytes, start: int):
    """(end of each line of ``data[start:]``, its commas, whether every flag cell of the lines
    with all 16 fields is at most one character, positions of CRs). Worked out about 1 MB at a
    time: temporaries the size of a 40 MB file would cost more than the work itself."""
    ends, commas, crs, short_flags, pos = [], [], [np.empty(0, np.int64)], True, start
    while True:
        stop = data.find(b"\n", min(pos + _CHUNK, len(data)))
        last = stop < 0
        stop = len(data) if last else stop + 1
        b = np.frombuffer(data, dtype=np.uint8, count=stop - pos, offset=pos) if stop > pos \
            else np.empty(0, np.uint8)
        nl = np.flatnonzero(b == ord("\n"))
        if last:  # the last line runs to the end of the file
            nl = np.append(nl, stop - pos)
        at = np.flatnonzero(b == ord(","))
        count = np.diff(np.searchsorted(at, nl), prepend=0)
        full = (np.cumsum(count) - count)[count == _WIDTH - 1]  # first comma of a full line
        short_flags &= all((at[full + k] - at[full + k - 1] <= 2).all()
                           for k in _FLAGS)  # flag k lies between commas k - 1 and k
        if data.find(b"\r", pos, stop) >= 0:
            crs.append(np.flatnonzero(b == ord("\r")) + pos)
        ends.append(nl + pos)
        commas.append(count)
        if last:
            return np.concatenate(ends), np.concatenate(commas), short_flags, np.concatenate(crs)
        pos = stop


class _Spliced(io.RawIOBase):
    """Pieces of bytes read as one file: the C parser reads the export's own buffer with the
    few joined records spliced in, without an edited copy of the whole file."""

    def __init__(self, pieces):
        self._pieces, self._i, self._at = pieces, 0, 0

    def readable(self) -> bool:
        return True

    def readinto(self, out) -> int:
        while self._i < len(self._pieces):
            piece = self._pieces[self._i]
            k = min(len(piece) - self._at, len(out))
            if k > 0:
                out[:k] = piece[self._at:self._at + k]
                self._at += k
                return k
            self._i, self._at = self._i + 1, 0
        return 0


def _read_fields(pieces: list, typed: bool, flags: bool = False) -> pd.DataFrame:
    """The records as a frame, by pandas' C parser; ``typed`` parses the numeric columns too,
    and ``flags`` the flag columns as booleans (True for '?'); either raises ValueError on a
    cell that does not parse. Flags as booleans need cells of at most one character: the
    parser would also take 'True' or 'false'."""
    kwargs = dict(header=None, names=REGISTER_COLUMNS, keep_default_na=False, engine="c",
                  low_memory=False)
    if typed:
        flag_type = bool if flags else object
        kwargs |= dict(dtype={c: ("float64" if c in _NUMERIC else flag_type if c in _FLAG_COLUMNS
                                  else object) for c in REGISTER_COLUMNS},
                       na_values={c: [""] for c in _NUMERIC})
        if flags:
            kwargs |= dict(true_values=["?"], false_values=["", " "])
    else:
        kwargs |= dict(dtype=object, na_filter=False)
    return pd.read_csv(_Spliced(pieces), **kwargs)


def _frame(table: pd.DataFrame, line: np.ndarray, file: str) -> pd.DataFrame:
    """The checked, tidy frame from the C parser's (or the general route's) table, whose
    numeric and flag columns may be parsed already."""
    col = {c: table[c].to_numpy() for c in REGISTER_COLUMNS}
    df = {"line": line}
    for c in ("recipient", "supplier", "designation", "description"):
        if c == "designation":  # nearly one per deal: strip them all
            values = np.array([v.strip() for v in col[c]], dtype=object)
        else:
            codes, names = distinct(col[c])
            values = each(codes, [v.strip() for v in names])
        first_bad(values == "", col[c], line, file, _LABEL[c], "a name")
        df[c] = _text(values)
        if c == "recipient":
            df["non_state"] = each(codes, [r.strip().endswith("*")
                                           and not r.strip().endswith("**") for r in names], bool)
            df["organisation"] = each(codes, [r.strip().endswith("**") for r in names], bool)
    codes, years = distinct(col["order_year"])
    first_bad(each(codes, [not (len(v) == 4 and v.isdecimal()) for v in years], bool),
              col["order_year"], line, file, "Year of order", "a four-digit year")
    df["order_year"] = pd.array(each(codes, [int(v) for v in years], np.int64), dtype="Int64")
    for c in ("order_year", "number_ordered", "number_delivered"):
        flag = col[f"{c}_uncertain"]
        if flag.dtype == object:
            first_bad((flag != "") & (flag != "?") & (flag != " "), flag, line, file,
                      f"' ' after {_LABEL[c]}", "'?' or nothing")
            flag = flag == "?"
        df[f"{c}_uncertain"] = pd.array(flag, dtype="boolean")
    for c in _NUMERIC:
        check = numbers if col[c].dtype == object else parsed_numbers
        df[c] = check(table[c] if check is parsed_numbers else col[c], line, file, _LABEL[c],
                      int if c.startswith("number") else float)
    codes, texts = distinct(col["delivery_years"])
    texts = [v.strip() for v in texts]
    first_bad(each(codes, [not (v == "" or _YEARS.match(v)) for v in texts], bool),
              col["delivery_years"], line, file, "Year(s) of delivery",
              "years like '2018; 2019' or nothing")
    years = each(codes, texts)
    df["delivery_years"] = _text(years)
    status = col["status"]
    codes, values = distinct(status)
    first_bad(each(codes, [v not in STATUSES for v in values], bool), status, line, file,
              "status", f"one of {sorted(STATUSES)}")
    df["status"] = _text(status)
    df["comments"] = _text(np.array([v.strip() for v in col["comments"]], dtype=object))
    delivered = df["tiv_delivered_musd"]
    df["tiv_below_half"] = pd.array((delivered == 0).fillna(False), dtype="boolean")
    undated = (years == "") & (delivered.fillna(0) > 0).to_numpy()
    if undated.any():  # format the values only when there is something to report
        first_bad(undated, [f"{v:g}" for v in delivered.fillna(0)], line, file,
                  "Year(s) of delivery", "delivery years for a deal with delivered TIV")
    order = ["line", *REGISTER_COLUMNS[:2], *REGISTER_COLUMNS[6:8], "order_year",
             *[f"{c}_uncertain" for c in ("order_year", "number_ordered", "number_delivered")],
             *_NUMERIC, *REGISTER_COLUMNS[10:13], "tiv_below_half", "non_state", "organisation"]
    return pd.DataFrame({c: df[c] for c in order})


def _text(values: np.ndarray):
    """Python strings as pandas' string column (what a frame built from them would infer)."""
    return pd.array(values, dtype="str")
