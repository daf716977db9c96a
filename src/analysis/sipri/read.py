"""Read SIPRI Arms Transfers Database exports, as a reporter downloads them, into tidy frames.

Two kinds of export are understood, detected from the file itself:

- the **Trade Register** (``kind='register'``): one row per deal, 16 columns, three of them
  unnamed and holding the ``?`` uncertainty flag of the column before;
- the **value tables** (``kind='import-values'`` / ``'export-values'``): TIV by recipient (or
  supplier) and year, ending with a ``Total ...`` row.

Quirks handled (each one seen in real exports, see ``../shared/data/sipri/README.md``):

- text is cp1252, not UTF-8; a UTF-8 copy (with or without BOM) is read too; CRLF or LF;
- a preamble of notes, then ``Source:`` and ``Data generated:`` lines, then the header;
- a Comments field with a raw line break splits one record over two physical lines, the second
  starting with ``,``: such records are joined (with a space) and every join is reported in
  :attr:`SipriExport.repairs`, never silent;
- a TIV of ``0`` (register) or ``0 `` (value tables) means "between 0 and 0.5": the value is kept
  as 0.0 and flagged in ``tiv_below_half``; an empty field means "no deliveries identified".

Anything else is rejected with :class:`~analysis.contract.errors.SipriFormatError`, naming the
file, the physical line (1-based) and the column, and saying what was expected. Nothing is
returned for a file that fails: there are no partial results.
"""

import csv
import gc
import hashlib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.contract.errors import SipriFormatError

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
VALUE_TABLE_FIRST = {"Recipient": "import-values", "Exports by": "export-values"}
VALUE_TABLE_TAIL = ["Percentage", "Sum total years", "Percentage of total"]
PREAMBLE_MAX_LINES = 30
_YEARS = re.compile(r"^\d{4}(; \d{4})*$")
_YEARS_BLOCK = re.compile(r"(?:(?:\d{4}(?:; \d{4})*)?\n)*")


@dataclass(frozen=True)
class SipriExport:
    """One export file, read and checked.

    ``frame`` is the tidy table (one row per deal, or per party and year for value tables);
    ``repairs`` lists the physical line numbers of records that were joined across a line break.
    """

    file: str
    kind: str
    generated: pd.Timestamp
    sha256: str
    frame: pd.DataFrame
    repairs: list[int] = field(default_factory=list)
    totals: pd.Series | None = None

    @property
    def vintage(self) -> str:
        """The export's date, ``YYYY-MM-DD``, from its "Data generated" line."""
        return self.generated.strftime("%Y-%m-%d")


def decode_export(raw: bytes, file: str) -> str:
    """Bytes to text: UTF-8 (BOM allowed) if it decodes, else cp1252; junk is refused."""
    if not raw.strip():
        raise SipriFormatError(file, "the file is empty: expected a SIPRI export")
    if b"\x00" in raw[:4096]:
        raise SipriFormatError(file, "the file holds binary data (NUL bytes): expected CSV text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise SipriFormatError(
            file, f"byte 0x{raw[exc.start]:02x} is neither UTF-8 nor cp1252 text", line=line
        ) from None


def _preamble(lines: list[str], file: str) -> tuple[pd.Timestamp, int]:
    """Find "Data generated:" and the header after it; return (date, header index)."""
    for i, line in enumerate(lines[:PREAMBLE_MAX_LINES]):
        if line.startswith("Data generated:"):
            text = line.removeprefix("Data generated:").strip()
            try:
                generated = pd.to_datetime(text, format="%d %b %Y %I:%M:%S %p")
            except ValueError:
                raise SipriFormatError(
                    file, f"'{text}' is not a date like '13 Oct 2024 2:20:11 PM'", line=i + 1
                ) from None
            header = i + 1
            while header < len(lines) and not lines[header].strip():
                header += 1
            if header >= len(lines):
                raise SipriFormatError(file, "the file ends before the table header", line=i + 1)
            return generated, header
    raise SipriFormatError(
        file,
        f"no 'Data generated:' line in the first {PREAMBLE_MAX_LINES} lines: "
        "not a SIPRI Arms Transfers Database export (download it again from SIPRI)",
    )


def read_export(path, *, name: str | None = None) -> SipriExport:
    """Read any SIPRI export file; the kind is detected from its header.

    ``name`` overrides the file name shown in messages and recorded as provenance.
    """
    path = Path(path)
    file = name or path.name
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SipriFormatError(file, f"cannot be read ({exc.strerror})") from None
    return parse_export(raw, file)


def parse_export(raw: bytes, file: str) -> SipriExport:
    """Like :func:`read_export`, from bytes already in memory."""
    # Hundreds of thousands of short-lived strings: the cyclic GC would rescan them over and
    # over (cost growing faster than the file). None of them form cycles, so pause it.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _parse_export(raw, file)
    finally:
        if enabled:
            gc.enable()


def _parse_export(raw: bytes, file: str) -> SipriExport:
    text = decode_export(raw, file)
    lines = text.replace("\r\n", "\n").split("\n")
    generated, h = _preamble(lines, file)
    header = next(csv.reader([lines[h]]))
    sha = hashlib.sha256(raw).hexdigest()
    if header and header[0] in VALUE_TABLE_FIRST and header[-3:] == VALUE_TABLE_TAIL:
        kind = VALUE_TABLE_FIRST[header[0]]
        frame, totals = _parse_value_table(lines, h, header, file)
        return SipriExport(file, kind, generated, sha, frame, [], totals)
    if header[:1] == ["Recipient"]:
        frame, repairs = _parse_register(lines, h, header, file)
        return SipriExport(file, "register", generated, sha, frame, repairs)
    raise SipriFormatError(
        file,
        f"header starts {header[:3]!r}: expected a Trade Register ('Recipient,Supplier,...') "
        "or a value table ('Recipient,1950,...' or 'Exports by,1950,...')",
        line=h + 1,
    )


def _split(lines: list[str]) -> list[list[str]]:
    """CSV fields of each line. SIPRI's exports quote nothing, so a plain split is exact and
    fast; a file with quotes goes through the csv module."""
    if any('"' in line for line in lines):
        return [next(csv.reader([line]), []) for line in lines]
    return [line.split(",") if line else [] for line in lines]


def _records(lines: list[str], start: int, width: int, file: str):
    """(line numbers, records): every record, joining those split by a line break."""
    repairs: list[int] = []
    numbers: list[int] = []
    out: list[list[str]] = []
    rows = _split(lines[start:])
    i = 0
    while i < len(rows):
        fields = rows[i]
        if not fields or (len(fields) == 1 and not fields[0].strip()):
            i += 1
            continue
        lineno = start + i + 1
        if len(fields) != width:
            if (len(fields) < width and i + 1 < len(rows) and lines[start + i + 1].startswith(",")
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


def _numbers(col, lines, file: str, column: str, kind=float) -> pd.Series:
    """Vectorised number parsing; the first cell that is not a number raises with its line."""
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


def _first_bad(mask, col, lines, file, column, expected):
    mask = np.asarray(mask, dtype=bool)
    if mask.any():
        i = int(mask.nonzero()[0][0])
        raise SipriFormatError(file, f"{col[i]!r}: expected {expected}", line=int(lines[i]),
                               column=column)


def _years_ok(values: list[str]) -> np.ndarray:
    """True where a delivery-years cell is empty or like '2018; 2019' (one regex pass)."""
    if _YEARS_BLOCK.fullmatch("\n".join(values) + "\n"):
        return np.ones(len(values), dtype=bool)
    return np.array([v == "" or bool(_YEARS.match(v)) for v in values])


_NUMERIC = ["number_ordered", "number_delivered", "tiv_per_unit_musd", "tiv_order_musd",
            "tiv_delivered_musd"]


def _record_lines(lines: list[str], start: int, width: int, file: str):
    """(physical line numbers, record texts, repairs), joining records split by a line break.

    Fast path for SIPRI's files, which quote nothing: fields are counted by commas.
    """
    if any('"' in line for line in lines[start:]):
        numbers, rows, repairs = _records(lines, start, width, file)
        return numbers, [",".join(r) for r in rows], repairs
    commas = width - 1
    numbers, texts, repairs = [], [], []
    i, n = start, len(lines)
    while i < n:
        text = lines[i]
        if not text.strip():
            i += 1
            continue
        count = text.count(",")
        if count != commas:
            nxt = lines[i + 1] if i + 1 < n else ""
            if count < commas and nxt.startswith(",") and count + nxt.count(",") == commas:
                text = text.rstrip() + nxt
                repairs.append(i + 1)
                numbers.append(i + 1)
                texts.append(text)
                i += 2
                continue
            raise SipriFormatError(
                file, f"expected {width} fields, found {count + 1} (truncated or damaged row)",
                line=i + 1)
        numbers.append(i + 1)
        texts.append(text)
        i += 1
    return numbers, texts, repairs


def _read_fields(texts: list[str], typed: bool) -> pd.DataFrame:
    """The records as a frame, by pandas' C parser; ``typed`` parses the numeric columns too
    (and raises ValueError on a cell that is not a number)."""
    kwargs = dict(header=None, names=REGISTER_COLUMNS, keep_default_na=False, engine="c")
    if typed:
        kwargs |= dict(dtype={c: ("float64" if c in _NUMERIC else object)
                              for c in REGISTER_COLUMNS},
                       na_values={c: [""] for c in _NUMERIC})
    else:
        kwargs |= dict(dtype=object, na_filter=False)
    return pd.read_csv(io.StringIO("\n".join(texts)), **kwargs)


def _parse_register(lines, h, header, file):
    if header != REGISTER_HEADER:
        missing = [c for c in REGISTER_HEADER if c.strip() and c not in header]
        detail = f"missing {missing}" if missing else f"found {header}"
        raise SipriFormatError(
            file, f"the Trade Register header is not SIPRI's 16 columns ({detail})", line=h + 1
        )
    line, texts, repairs = _record_lines(lines, h + 1, len(REGISTER_HEADER), file)
    if not texts:
        raise SipriFormatError(file, "the Trade Register has a header but no rows", line=h + 1)
    try:
        typed = _read_fields(texts, typed=True)
    except ValueError:
        typed = None  # a cell is not a number: the checks below name it
    raw = _read_fields(texts, typed=False) if typed is None else typed
    col = {c: raw[c].tolist() for c in REGISTER_COLUMNS if c not in _NUMERIC or typed is None}
    df = {"line": np.array(line)}
    for c in ("recipient", "supplier", "designation", "description"):
        values = [v.strip() for v in col[c]]
        _first_bad([not v for v in values], col[c], line, file, _label(c), "a name")
        df[c] = values
    order_year = col["order_year"]
    _first_bad([not (len(v) == 4 and v.isdigit()) for v in order_year], order_year, line, file,
               "Year of order", "a four-digit year")
    df["order_year"] = pd.array([int(v) for v in order_year], dtype="Int64")
    for c in ("order_year", "number_ordered", "number_delivered"):
        flag = np.array(col[f"{c}_uncertain"], dtype=object)
        _first_bad(~np.isin(flag, ["", "?", " "]), flag, line, file, f"' ' after {_label(c)}",
                   "'?' or nothing")
        df[f"{c}_uncertain"] = pd.array(flag == "?", dtype="boolean")
    for c in _NUMERIC:
        kind = int if c.startswith("number") else float
        if typed is None:
            df[c] = _numbers(col[c], line, file, _label(c), kind)
        else:
            df[c] = _checked(typed[c], line, file, _label(c), kind)
    years = [v.strip() for v in col["delivery_years"]]
    _first_bad(~_years_ok(years), col["delivery_years"], line, file, "Year(s) of delivery",
               "years like '2018; 2019' or nothing")
    df["delivery_years"] = years
    status = np.array(col["status"], dtype=object)
    _first_bad(~np.isin(status, list(STATUSES)), status, line, file, "status",
               f"one of {sorted(STATUSES)}")
    df["status"] = status
    df["comments"] = [v.strip() for v in col["comments"]]
    delivered = df["tiv_delivered_musd"]
    df["tiv_below_half"] = pd.array((delivered == 0).fillna(False), dtype="boolean")
    undated = (np.array(years, dtype=object) == "") & (delivered.fillna(0) > 0).to_numpy()
    if undated.any():  # format the values only when there is something to report
        _first_bad(undated, [f"{v:g}" for v in delivered.fillna(0)], line, file,
                   "Year(s) of delivery",
                   "delivery years for a deal with delivered TIV")
    df["non_state"] = [r.endswith("*") and not r.endswith("**") for r in df["recipient"]]
    df["organisation"] = [r.endswith("**") for r in df["recipient"]]
    return pd.DataFrame(df), repairs


def _checked(values: pd.Series, line, file, column, kind) -> pd.Series:
    """Numbers the C parser already read: check sign and wholeness, give the nullable dtype."""
    arr = values.to_numpy(dtype="float64")
    for bad, what in ((arr < 0, "is negative"),
                      (~np.isnan(arr) & (arr % 1 != 0) if kind is int else None,
                       "is not a whole number")):
        if bad is not None and bad.any():
            i = int(bad.nonzero()[0][0])
            raise SipriFormatError(file, f"'{arr[i]:g}' {what}", line=int(line[i]),
                                   column=column)
    return pd.Series(pd.array(values, dtype="Int64" if kind is int else "Float64"))


def _label(column: str) -> str:
    return dict(zip(REGISTER_COLUMNS, REGISTER_HEADER, strict=True))[column]


def _parse_value_table(lines, h, header, file):
    years = header[1:-len(VALUE_TABLE_TAIL) - 1] if len(header) > 5 else []
    if not years or not all(re.fullmatch(r"\d{4}", y) for y in years):
        raise SipriFormatError(
            file, "the value table's header has no year columns (expected 1950,1951,...)",
            line=h + 1,
        )
    ints = [int(y) for y in years]
    if ints != list(range(ints[0], ints[-1] + 1)):
        raise SipriFormatError(file, "the year columns are not consecutive", line=h + 1)
    numbers, rows, _ = _records(lines, h + 1, len(header), file)
    records = list(zip(numbers, rows, strict=True))
    totals = None
    party, cells, line_of = [], [], []
    for lineno, fields in records:
        name = fields[0].strip()
        if name.startswith("Total"):
            totals = fields
            break
        if not name:
            raise SipriFormatError(file, "the first field is empty: expected a name",
                                   line=lineno, column=header[0])
        party.append(name)
        cells.append(fields[1:1 + len(years)])
        line_of.append(lineno)
    if totals is None:
        raise SipriFormatError(
            file, f"no 'Total ...' row: the table is truncated (last line read: "
            f"{records[-1][0] if records else h + 1})"
        )
    if not party:
        raise SipriFormatError(file, "the value table has no rows", line=h + 1)
    wide = pd.DataFrame(cells, columns=ints, dtype="string")
    wide.insert(0, "party", party)
    wide.insert(0, "line", line_of)
    long = wide.melt(id_vars=["line", "party"], var_name="year", value_name="text")
    long = long[long["text"] != ""].reset_index(drop=True)
    values = _numbers(long["text"], long["line"], file, "year value")
    frame = pd.DataFrame({
        "party": long["party"].astype("string"),
        "year": long["year"].astype("Int64"),
        "tiv_musd": values,
        "tiv_below_half": long["text"].str.strip().eq("0").astype("boolean"),
        "line": long["line"],
    }).sort_values(["party", "year"], ignore_index=True)
    total_values = pd.to_numeric(pd.Series(totals[1:1 + len(years)], index=ints).str.strip()
                                 .replace("", "0"), errors="coerce")
    return frame, total_values
