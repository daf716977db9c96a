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
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.contract.errors import SipriFormatError
from analysis.sipri.checks import numbers, records
from analysis.sipri.register import (  # noqa: F401 (re-exported)
    REGISTER_COLUMNS,
    REGISTER_HEADER,
    STATUSES,
    parse_register,
)

VALUE_TABLE_FIRST = {"Recipient": "import-values", "Exports by": "export-values"}
VALUE_TABLE_TAIL = ["Percentage", "Sum total years", "Percentage of total"]
PREAMBLE_MAX_LINES = 30
# Non-ASCII cp1252 byte -> its UTF-8 bytes; the five bytes undefined in cp1252 are left out.
_CP1252 = {b: bytes([b]).decode("cp1252", "replace").encode("utf-8") for b in range(0x80, 0x100)
           if bytes([b]).decode("cp1252", "replace") != "\ufffd"}


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
    return _utf8(raw, file).decode("utf-8")


def _utf8(raw: bytes, file: str) -> bytes:
    """The export as UTF-8 bytes (what pandas' C parser reads fastest), from UTF-8 (BOM
    allowed) or else cp1252; junk is refused. Line ends are left as they are: CRLF is read as
    LF wherever lines are taken apart."""
    if not raw or raw.isspace():
        raise SipriFormatError(file, "the file is empty: expected a SIPRI export")
    if b"\x00" in raw[:4096]:
        raise SipriFormatError(file, "the file holds binary data (NUL bytes): expected CSV text")
    try:
        raw.decode("utf-8-sig")
        return raw.removeprefix(b"\xef\xbb\xbf")
    except UnicodeDecodeError:
        pass
    high = np.flatnonzero(np.frombuffer(raw, dtype=np.uint8) >= 0x80).tolist()
    if len(high) > len(raw) // 64:  # much non-ASCII text: the codec is faster
        try:
            return raw.decode("cp1252").encode("utf-8")
        except UnicodeDecodeError as exc:
            high = [exc.start]
    pieces, pos = [], 0  # SIPRI's registers: a few hundred accented letters in 4 MB
    for i in high:
        if raw[i] not in _CP1252:
            raise SipriFormatError(file, f"byte 0x{raw[i]:02x} is neither UTF-8 nor cp1252 text",
                                   line=raw[:i].count(b"\n") + 1)
        pieces += [raw[pos:i], _CP1252[raw[i]]]
        pos = i + 1
    return b"".join([*pieces, raw[pos:]])


def _lines(data: bytes, pos: int = 0):
    """(line, offset of the next line) from ``pos`` on, one at a time: the preamble is found
    without splitting the whole file."""
    while pos <= len(data):
        end = data.find(b"\n", pos)
        end = len(data) if end < 0 else end
        yield data[pos:end - (data[pos:end + 1].endswith(b"\r\n"))].decode("utf-8"), end + 1
        pos = end + 1


def _preamble(data: bytes, file: str) -> tuple[pd.Timestamp, int, str, int]:
    """Find "Data generated:" and the header after it; return (date, header's 0-based line,
    header, offset of the line after it)."""
    lines = _lines(data)
    for i, (line, _) in zip(range(PREAMBLE_MAX_LINES), lines, strict=False):
        if line.startswith("Data generated:"):
            text = line.removeprefix("Data generated:").strip()
            try:
                generated = pd.to_datetime(text, format="%d %b %Y %I:%M:%S %p")
            except ValueError:
                raise SipriFormatError(
                    file, f"'{text}' is not a date like '13 Oct 2024 2:20:11 PM'", line=i + 1
                ) from None
            for h, (header, body) in enumerate(lines, start=i + 1):
                if header.strip():
                    return generated, h, header, body
            raise SipriFormatError(file, "the file ends before the table header", line=i + 1)
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
    data = _utf8(raw, file)
    generated, h, head, body = _preamble(data, file)
    header = next(csv.reader([head]))
    sha = hashlib.sha256(raw).hexdigest()
    if header and header[0] in VALUE_TABLE_FIRST and header[-3:] == VALUE_TABLE_TAIL:
        kind = VALUE_TABLE_FIRST[header[0]]
        lines = data[body:].decode("utf-8").replace("\r\n", "\n").split("\n")
        frame, totals = _parse_value_table(lines, h, header, file)
        return SipriExport(file, kind, generated, sha, frame, [], totals)
    if header[:1] == ["Recipient"]:
        if header != REGISTER_HEADER:
            missing = [c for c in REGISTER_HEADER if c.strip() and c not in header]
            detail = f"missing {missing}" if missing else f"found {header}"
            raise SipriFormatError(
                file, f"the Trade Register header is not SIPRI's 16 columns ({detail})",
                line=h + 1)
        frame, repairs = parse_register(data, body, h + 1, file)
        return SipriExport(file, "register", generated, sha, frame, repairs)
    raise SipriFormatError(
        file,
        f"header starts {header[:3]!r}: expected a Trade Register ('Recipient,Supplier,...') "
        "or a value table ('Recipient,1950,...' or 'Exports by,1950,...')",
        line=h + 1,
    )


def _parse_value_table(lines, h, header, file):
    """``lines``: the lines after the header (0-based line ``h``)."""
    years = header[1:-len(VALUE_TABLE_TAIL) - 1] if len(header) > 5 else []
    if not years or not all(re.fullmatch(r"\d{4}", y) for y in years):
        raise SipriFormatError(
            file, "the value table's header has no year columns (expected 1950,1951,...)",
            line=h + 1,
        )
    ints = [int(y) for y in years]
    if ints != list(range(ints[0], ints[-1] + 1)):
        raise SipriFormatError(file, "the year columns are not consecutive", line=h + 1)
    linenos, rows, _ = records(lines, h + 1, len(header), file)
    found = list(zip(linenos, rows, strict=True))
    totals = None
    party, cells, line_of = [], [], []
    for lineno, fields in found:
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
            f"{found[-1][0] if found else h + 1})"
        )
    if not party:
        raise SipriFormatError(file, "the value table has no rows", line=h + 1)
    wide = pd.DataFrame(cells, columns=ints, dtype="string")
    wide.insert(0, "party", party)
    wide.insert(0, "line", line_of)
    long = wide.melt(id_vars=["line", "party"], var_name="year", value_name="text")
    long = long[long["text"] != ""].reset_index(drop=True)
    values = numbers(long["text"], long["line"], file, "year value")
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
