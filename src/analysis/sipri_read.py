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

Anything else is rejected with :class:`~analysis.errors.SipriFormatError`, naming the file, the
physical line (1-based) and the column, and saying what was expected. Nothing is returned for a
file that fails: there are no partial results.
"""

import csv
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis.errors import SipriFormatError

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


def _records(lines: list[str], start: int, width: int, file: str):
    """Yield (line number, fields) for each record, joining records split by a line break."""
    repairs: list[int] = []
    out: list[tuple[int, list[str]]] = []
    rows = list(csv.reader(lines[start:]))
    i = 0
    while i < len(rows):
        fields, lineno = rows[i], start + i + 1
        if not fields or (len(fields) == 1 and not fields[0].strip()):
            i += 1
            continue
        if (len(fields) < width and i + 1 < len(rows) and lines[start + i + 1].startswith(",")
                and len(fields) + len(rows[i + 1]) - 1 == width):
            nxt = rows[i + 1]
            fields = fields[:-1] + [f"{fields[-1].rstrip()} {nxt[0]}".rstrip()] + nxt[1:]
            repairs.append(lineno)
            i += 1
        if len(fields) != width:
            raise SipriFormatError(
                file, f"expected {width} fields, found {len(fields)} (truncated or damaged row)",
                line=lineno,
            )
        out.append((lineno, fields))
        i += 1
    return out, repairs


def _numbers(col: pd.Series, lines: pd.Series, file: str, column: str, kind=float) -> pd.Series:
    """Vectorised number parsing; the first cell that is not a number raises with its line."""
    text = col.str.strip()
    values = pd.to_numeric(text.where(text != ""), errors="coerce")
    bad = values.isna() & (text != "")
    if kind is int:
        bad |= values.notna() & (values % 1 != 0)
    if bad.any():
        i = bad.to_numpy().nonzero()[0][0]
        what = "a whole number" if kind is int else "a number"
        raise SipriFormatError(
            file, f"{col.iloc[i]!r} is not {what}", line=int(lines.iloc[i]), column=column
        )
    if (values < 0).any():
        i = (values < 0).to_numpy().nonzero()[0][0]
        raise SipriFormatError(file, f"{col.iloc[i]!r} is negative", line=int(lines.iloc[i]),
                               column=column)
    return values.astype("Int64") if kind is int else values.astype("Float64")


def _first_bad(mask: pd.Series, col: pd.Series, lines: pd.Series, file, column, expected):
    if mask.any():
        i = mask.to_numpy().nonzero()[0][0]
        raise SipriFormatError(file, f"{col.iloc[i]!r}: expected {expected}",
                               line=int(lines.iloc[i]), column=column)


def _parse_register(lines, h, header, file):
    if header != REGISTER_HEADER:
        missing = [c for c in REGISTER_HEADER if c.strip() and c not in header]
        detail = f"missing {missing}" if missing else f"found {header}"
        raise SipriFormatError(
            file, f"the Trade Register header is not SIPRI's 16 columns ({detail})", line=h + 1
        )
    records, repairs = _records(lines, h + 1, len(REGISTER_HEADER), file)
    if not records:
        raise SipriFormatError(file, "the Trade Register has a header but no rows", line=h + 1)
    raw = pd.DataFrame([r for _, r in records], columns=REGISTER_COLUMNS, dtype="string")
    line = pd.Series([n for n, _ in records])
    df = pd.DataFrame({"line": line})
    for c in ("recipient", "supplier", "designation", "description"):
        _first_bad(raw[c].str.strip() == "", raw[c], line, file, _label(c), "a name")
        df[c] = raw[c].str.strip()
    df["order_year"] = _numbers(raw["order_year"], line, file, "Year of order", int)
    _first_bad(~raw["order_year"].str.fullmatch(r"\d{4}"), raw["order_year"], line, file,
               "Year of order", "a four-digit year")
    for c in ("order_year", "number_ordered", "number_delivered"):
        flag = raw[f"{c}_uncertain"]
        _first_bad(~flag.isin(["", "?", " "]), flag, line, file, f"' ' after {_label(c)}",
                   "'?' or nothing")
        df[f"{c}_uncertain"] = (flag == "?").astype("boolean")
        if c != "order_year":
            df[c] = _numbers(raw[c], line, file, _label(c), int)
    years = raw["delivery_years"].str.strip()
    _first_bad(~((years == "") | years.str.fullmatch(_YEARS.pattern)), raw["delivery_years"],
               line, file, "Year(s) of delivery", "years like '2018; 2019' or nothing")
    df["delivery_years"] = years
    _first_bad(~raw["status"].isin(STATUSES), raw["status"], line, file, "status",
               f"one of {sorted(STATUSES)}")
    df["status"] = raw["status"]
    df["comments"] = raw["comments"].str.strip()
    for c in ("tiv_per_unit_musd", "tiv_order_musd", "tiv_delivered_musd"):
        df[c] = _numbers(raw[c], line, file, _label(c))
    df["tiv_below_half"] = (raw["tiv_delivered_musd"].str.strip() == "0").astype("boolean")
    undated = (years == "") & (df["tiv_delivered_musd"].fillna(0) > 0)
    _first_bad(undated, raw["tiv_delivered_musd"], line, file, "Year(s) of delivery",
               "delivery years for a deal with delivered TIV")
    df["non_state"] = df["recipient"].str.endswith("*") & ~df["recipient"].str.endswith("**")
    df["organisation"] = df["recipient"].str.endswith("**")
    return df, repairs


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
    records, _ = _records(lines, h + 1, len(header), file)
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
