"""Benchmark: import a full SIPRI Trade Register and build the annual series.

Compares, in one run on the same bytes:
- ``analysis``: :func:`analysis.sipri.read.parse_export` + :func:`analysis.sipri.annual_deliveries`
  (csv module for splitting, pandas for typing and checking, vectorised spread);
- ``loop``: a plain row-by-row Python loop doing the same parsing, checks and spread.

and repeats both on a synthetic register 10x the size (the real rows repeated), to show how the
cost grows. Prints ratios (loop / analysis: higher is better; 10x / 1x: about 10 means linear).

    SIPRI_EXPORT_DIR=../shared/data/sipri .venv/bin/python benchmarks/bench_sipri_import.py
"""

import csv
import re
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import pandas as pd  # noqa: E402

from analysis import sipri  # noqa: E402
from analysis.contract.paths import sipri_export_dir  # noqa: E402
from analysis.sipri.read import parse_export  # noqa: E402

REGISTER = "trade-register_2025-03-13.csv"
REPEATS = 3
YEARS = re.compile(r"^\d{4}(; \d{4})*$")


def with_analysis(raw: bytes):
    export = parse_export(raw, REGISTER)
    return export.frame, sipri.annual_deliveries(export.frame)


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


def best_of(fn, raw):
    times = []
    for _ in range(REPEATS):
        t = time.perf_counter()
        result = fn(raw)
        times.append(time.perf_counter() - t)
    return min(times), statistics.median(times), result


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
    print(f"input: {REGISTER} ({len(raw) / 1e6:.1f} MB) and a 10x synthetic copy "
          f"({len(big) / 1e6:.1f} MB); best of {REPEATS}")
    res = {}
    for label, data in (("1x", raw), ("10x", big)):
        for name, fn in (("analysis", with_analysis), ("loop", with_loop)):
            best, median, result = best_of(fn, data)
            res[(label, name)] = best
            print(f"  {label:>3} {name:<8} best {best:6.2f} s  median {median:6.2f} s")
        # Same numbers from both, on the 1x input.
        if label == "1x":
            frame, annual = with_analysis(data)
            loop_frame, loop_annual = result
            assert len(frame) == len(loop_frame) and len(annual) == len(loop_annual)
            assert abs(annual["tiv_musd"].sum() - loop_annual["tiv_musd"].sum()) < 1e-6
    for label in ("1x", "10x"):
        print(f"speed-up at {label}: loop / analysis = "
              f"{res[(label, 'loop')] / res[(label, 'analysis')]:.2f}x (target >= 2x)")
    for name in ("analysis", "loop"):
        print(f"growth of {name}: 10x input / 1x input = "
              f"{res[('10x', name)] / res[('1x', name)]:.1f}x (linear = 10)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
