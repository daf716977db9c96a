"""Benchmark: `make report` against running nbconvert on each notebook in turn.

In one run, on the same notebooks and machine:

1. baseline: ``jupyter nbconvert --execute --to html`` on each notebook, one after another;
2. cold build: ``python -m analysis report`` with an empty cache (target: at most 0.5x the
   baseline on 2 cores);
3. no-change rebuild (target: under 1 s);
4. rebuild after one CSV changes (one byte appended to ``data/lavrov_trips.csv``, restored
   afterwards): only the notebooks that read it run again.

    .venv/bin/python benchmarks/bench_report.py
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
JUPYTER = str(Path(PY).with_name("jupyter"))
CHANGED_CSV = ROOT / "data" / "lavrov_trips.csv"


def timed(cmd, **kwargs) -> tuple[float, str]:
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, **kwargs)
    if proc.returncode != 0:
        raise SystemExit(f"failed: {' '.join(map(str, cmd))}\n{proc.stderr[-2000:]}")
    return time.perf_counter() - start, proc.stderr


def main() -> int:
    notebooks = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
    build = Path(tempfile.mkdtemp(prefix="bench-report-"))
    print(f"{len(notebooks)} notebooks, {os.cpu_count()} cores")
    try:
        out = build / "nbconvert"
        start = time.perf_counter()
        for nb in notebooks:
            timed([JUPYTER, "nbconvert", "--execute", "--to", "html", "--output-dir", str(out),
                   str(nb)])
        baseline = time.perf_counter() - start
        print(f"  baseline nbconvert, one by one: {baseline:6.1f} s")

        env_build = build / "report"
        cmd = [PY, "-c", "import sys; from pathlib import Path; "
               "from analysis.report.build import build_report; "
               f"sys.exit(build_report(build_dir=Path({str(env_build)!r})))"]
        cold, _ = timed(cmd)
        print(f"  cold make report:               {cold:6.1f} s   ratio {cold / baseline:.2f}x "
              "(target <= 0.5x)")
        noop, log = timed(cmd)
        print(f"  no-change rebuild:              {noop:6.2f} s   (target < 1 s)")
        original = CHANGED_CSV.read_bytes()
        try:
            CHANGED_CSV.write_bytes(original + b"\n")
            one, log = timed(cmd)
        finally:
            CHANGED_CSV.write_bytes(original)
        reran = [ln.split()[1] for ln in log.splitlines() if ln.startswith("running")]
        print(f"  after one CSV changed:          {one:6.1f} s   re-ran: {', '.join(reran)}")
        timed(cmd)  # put the cache back in step with the restored file
    finally:
        shutil.rmtree(build, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
