"""Benchmark: import a full SIPRI Trade Register and build the annual series.

Times, in one run on the same bytes (interleaved, best of REPEATS):
- ``importer``: :func:`analysis.sipri.read.parse_export` + :func:`analysis.sipri.annual_deliveries`
  (every check, the quirks, the flags, the annual series);
- ``read_csv``: the baseline, a plain ``pandas.read_csv`` of the same bytes with pandas'
  defaults: ``pd.read_csv(io.BytesIO(raw), skiprows=<preamble lines>, encoding="cp1252")``,
  i.e. the table rows after the preamble, the header as column names, types inferred. It does
  no checks and leaves the split records split;
- ``loop`` (1x only): a plain row-by-row Python loop doing the same parsing, checks and spread;

at 1x and on a synthetic register 10x the size (the real rows repeated), to show how the cost
grows. Prints importer / read_csv (target: at most 2x), loop / importer, and 10x / 1x (about 10
means linear), and names the machine. Before timing it checks that the importer's fast path
gives the same frame as its general, line-by-line route on these bytes
(``tests/test_sipri_read.py`` checks both real vintages against the importer as it was before
the fast path).

    SIPRI_EXPORT_DIR=../shared/data/sipri .venv/bin/python benchmarks/bench_sipri_import.py
"""

import csv
import io
import os
import platform
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from machine import cpu_model

from analysis import sipri  # noqa: E402
from analysis.contract.paths import sipri_export_dir  # noqa: E402
from analysis.sipri import register as register_module  # noqa: E402
from analysis.sipri.read import parse_export  # noqa: E402

REGISTER = "trade-register_2025-03-13.csv"
REPEATS = 7
YEARS = re.compile(r"^\d{4}(; \d{4})*$")


def with_analysis(raw: bytes):
    export = parse_export(raw, REGISTER)
    return export.frame, sipri.annual_deliveries(export.frame)


def preamble_lines(raw: bytes) -> int:
    """Lines before the header, for read_csv's ``skiprows``."""
    return raw[:raw.index(b"\nRecipient,") + 1].count(b"\n")


def with_read_csv(raw: bytes):
    return pd.read_csv(io.BytesIO(raw), skiprows=preamble_lines(raw), encoding="cp1252")


def with_loop(raw: bytes):
    """The baseline: one row at a time, same checks, same two tables as output."""
    text = raw.decode("cp1252").replace("\r\n", "\n")
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("Recipient,")) + 1
    rows = list(csv.reader(lines[start:]))
    records = []
    out = defaultdict(lambda: [0.0, 0])
    i = 0
    while i < len(rows):
        r = rows[i]
        if not r:
            i += 1
            continue
        if len(r) < 16 and i + 1 < len(rows) and lines[start + i + 1].startswith(","):
            r = r[:-1] + [r[-1].rstrip() + " " + rows[i + 1][0]] + rows[i + 1][1:]
            i += 1
        if len(r) != 16:
            raise ValueError(f"line {start + i + 1}: expected 16 fields")
        for flag in (r[3], r[5], r[9]):
            if flag not in ("", "?", " "):
                raise ValueError("bad flag")
        years = r[10].strip()
        if years and not YEARS.match(years):
            raise ValueError("bad years")
        if r[11] not in ("New", "Second hand", "Second hand but modernized"):
            raise ValueError("bad status")
        tivs = [float(x) if x.strip() else None for x in (r[13], r[14], r[15])]
        rec = {
            "recipient": r[0].strip(), "supplier": r[1].strip(), "order_year": int(r[2]),
            "order_year_uncertain": r[3] == "?",
            "number_ordered": int(r[4]) if r[4].strip() else None,
            "number_ordered_uncertain": r[5] == "?", "designation": r[6].strip(),
            "description": r[7].strip(),
            "number_delivered": int(r[8]) if r[8].strip() else None,
            "number_delivered_uncertain": r[9] == "?", "delivery_years": years,
            "status": r[11], "comments": r[12].strip(), "tiv_per_unit_musd": tivs[0],
            "tiv_order_musd": tivs[1], "tiv_delivered_musd": tivs[2],
            "tiv_below_half": r[15] == "0",
        }
        records.append(rec)
        if years and tivs[2]:
            ys = years.split("; ")
            for y in ys:
                cell = out[(rec["supplier"], rec["recipient"], int(y))]
                cell[0] += tivs[2] / len(ys)
                cell[1] += 1
        i += 1
    frame = pd.DataFrame.from_records(records)
    annual = pd.DataFrame([(s, r, y, v, n) for (s, r, y), (v, n) in sorted(out.items())],
                          columns=["supplier", "recipient", "year", "tiv_musd", "deals"])
    return frame, annual


def interleaved(fns: dict, raw: bytes, repeats: int) -> dict:
    """Best time of each function, run in turn on the same bytes (a noisy shared machine
    slows all of them alike)."""
    times = {name: [] for name in fns}
    for _ in range(repeats):
        for name, fn in fns.items():
            start = time.perf_counter()
            fn(raw)
            times[name].append(time.perf_counter() - start)
    return {name: min(t) for name, t in times.items()}


def machine() -> str:
    return (f"{os.cpu_count()} cores, {cpu_model()}, Python {platform.python_version()}, "
            f"pandas {pd.__version__}, numpy {np.__version__}, OPENBLAS_CORETYPE="
            f"{os.environ.get('OPENBLAS_CORETYPE', '(unset)')}")


def same_as_general_route(raw: bytes) -> None:
    fast = parse_export(raw, REGISTER)
    scan = register_module._scan
    register_module._scan = lambda *args: None  # the csv module, line by line
    try:
        general = parse_export(raw, REGISTER)
    finally:
        register_module._scan = scan
    pd.testing.assert_frame_equal(fast.frame, general.frame, check_exact=True)
    assert fast.repairs == general.repairs


def synthetic(raw: bytes, factor: int) -> bytes:
    """The register with its data rows repeated ``factor`` times."""
    head, _, body = raw.partition(b"\nRecipient,")
    header, _, rows = body.partition(b"\n")
    return head + b"\nRecipient," + header + b"\n" + rows.rstrip(b"\n") * 1 + (
        b"\n" + rows.rstrip(b"\n")) * (factor - 1) + b"\n"


def main() -> int:
    path = sipri_export_dir() / REGISTER
    if not path.exists():
        print(f"needs {path} (set SIPRI_EXPORT_DIR)", file=sys.stderr)
        return 2
    raw = path.read_bytes()
    big = synthetic(raw, 10)
    print(f"machine: {machine()}")
    print(f"input: {REGISTER} ({len(raw) / 1e6:.1f} MB) and a 10x synthetic copy "
          f"({len(big) / 1e6:.1f} MB); best of {REPEATS}, interleaved")
    print(f"baseline: pd.read_csv(io.BytesIO(raw), skiprows={preamble_lines(raw)}, "
          "encoding='cp1252')")
    same_as_general_route(raw)
    frame, annual = with_analysis(raw)
    loop_frame, loop_annual = with_loop(raw)
    assert len(frame) == len(loop_frame) and len(annual) == len(loop_annual)
    assert abs(annual["tiv_musd"].sum() - loop_annual["tiv_musd"].sum()) < 1e-6
    print("outputs: fast path == general route (frame, repairs); loop gives the same totals")
    res = {}
    for label, data in (("1x", raw), ("10x", big)):
        fns = {"importer": with_analysis, "read_csv": with_read_csv}
        if label == "1x":
            fns["loop"] = with_loop
        for name, best in interleaved(fns, data, REPEATS).items():
            res[(label, name)] = best
            print(f"  {label:>3} {name:<8} best {best:6.3f} s")
    for label in ("1x", "10x"):
        print(f"importer / read_csv at {label:>3}: "
              f"{res[(label, 'importer')] / res[(label, 'read_csv')]:.2f}x (target <= 2x)")
    print(f"loop / importer at  1x: {res[('1x', 'loop')] / res[('1x', 'importer')]:.1f}x")
    for name in ("importer", "read_csv"):
        print(f"growth of {name}: 10x input / 1x input = "
              f"{res[('10x', name)] / res[('1x', name)]:.1f}x (linear = 10)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
