"""Benchmark: where a cold `make report` spends its time, and the build against its baselines.

In one run, on the same notebooks and machine (named in the first line):

1. profile, the way a plain build runs a notebook (a fresh kernel each, as nbconvert does): per
   notebook, kernel start, the heavy imports (pandas, matplotlib, the package), the cells, the
   chart files the build publishes (timed inside the kernel), the export to HTML (both pages),
   and the site's own pages (ledger and index) once;
2. baseline: ``jupyter nbconvert --execute --to html`` on each notebook, one after another,
   and 3. cold build (``python -m analysis report``'s function, empty cache) right after it:
   target <= 0.35x, the median ratio of ``--rounds`` such pairs (default 3: this machine's
   speed drifts by 10-20 % between minutes), then the build's own per-notebook breakdown
   (wait: fork, handshake and a free slot; execute: the cells; render: the pages);
4. no-change rebuild: target < 0.5 s;
5. one notebook edited (a comment added to its last code cell, in a copy of the notebooks
   folder) against executing that notebook alone with nbclient in a fresh kernel: target
   <= 1.3x, the median of ``--rounds`` pairs;
6. one CSV changed (a byte appended to ``data/lavrov_trips.csv``, restored afterwards): only the
   notebooks that read it run again.

    .venv/bin/python benchmarks/bench_report.py [--rounds N]
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_countries import parameterised
from machine import machine

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
JUPYTER = str(Path(PY).with_name("jupyter"))
CHANGED_CSV = ROOT / "data" / "lavrov_trips.csv"
EDITED = "04-lavrov-tours.ipynb"
IMPORTS = ("import pandas, matplotlib\nmatplotlib.use('Agg')\nimport matplotlib.pyplot\n"
           "from analysis.report.zygote import preload\npreload()")
# In the profile's kernels: the chart files (PNG 1x, 2x, SVG, alt text, CSV) timed apart.
TIME_CHARTS = """
import time as _time
from analysis.charts import export as _export
_export.seconds, _export_chart = 0.0, _export.export_chart
def _timed_export(*args, **kwargs):
    start = _time.perf_counter()
    try:
        return _export_chart(*args, **kwargs)
    finally:
        _export.seconds += _time.perf_counter() - start
_export.export_chart = _timed_export
"""


def timed(cmd, **kwargs) -> tuple[float, str]:
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, **kwargs)
    if proc.returncode != 0:
        raise SystemExit(f"failed: {' '.join(map(str, cmd))}\n{proc.stderr[-2000:]}")
    return time.perf_counter() - start, proc.stderr


def build_cmd(build: Path, folder: Path | None = None) -> list[str]:
    """``python -m analysis report`` (what ``make report`` runs) into ``build``."""
    return [PY, "-m", "analysis", "report", "--build-dir", str(build),
            *(["--notebooks", str(folder)] if folder else [])]


def run_alone(path: Path) -> float:
    """Execute one notebook with nbclient in a fresh kernel (what the old build did)."""
    code = ("import sys, nbformat; from nbclient import NotebookClient; "
            f"nb = nbformat.read({str(path)!r}, as_version=4); "
            "NotebookClient(nb, kernel_name='python3', record_timing=False, "
            f"resources={{'metadata': {{'path': {str(path.parent)!r}}}}}).execute()")
    return timed([PY, "-c", code], env=dict(os.environ, MPLBACKEND="Agg"))[0]


def kernel_prints(kc, code: str) -> str:
    """What ``code`` prints in the kernel behind ``kc``."""
    said = []
    kc.execute_interactive(code, timeout=60, output_hook=lambda m: (
        said.append(m["content"]["text"]) if m["msg_type"] == "stream" else None))
    return "".join(said)


def profile(notebooks: list[Path]) -> None:
    """Per notebook: kernel start, imports, cells, HTML export; then the site's pages."""
    import nbformat
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient

    from analysis.claims.ledger import ledger_records
    from analysis.publish.pages import write_pages
    from analysis.publish.render import to_html

    os.environ["MPLBACKEND"] = "Agg"
    charts_dir = Path(tempfile.mkdtemp(prefix="bench-charts-"))
    print("  profile, a fresh kernel per notebook (s); cells without the chart files, charts = "
          "writing them (PNG 1x and 2x, SVG, alt, CSV), pages = both HTML pages:")
    print(f"    {'notebook':<22} {'kernel':>6} {'imports':>7} {'cells':>6} {'charts':>6} "
          f"{'pages':>6}")
    totals = [0.0] * 5
    for path in notebooks:
        nb = nbformat.read(path, as_version=4)
        t0 = time.perf_counter()
        sockets = Path(tempfile.mkdtemp(prefix="nbk-"))  # IPC, as the build's kernels use
        km = KernelManager(kernel_name="python3", transport="ipc", ip=str(sockets / "k"))
        km.start_kernel(cwd=str(path.parent), env=dict(
            os.environ, ANALYSIS_CHART_DIR=str(charts_dir), ANALYSIS_NOTEBOOK=path.stem))
        kc = km.client()
        kc.start_channels()
        kc.wait_for_ready(timeout=120)
        t1 = time.perf_counter()
        kc.execute_interactive(IMPORTS + TIME_CHARTS, timeout=120)
        t2 = time.perf_counter()
        client = NotebookClient(nb, km=km, record_timing=False,
                                resources={"metadata": {"path": str(path.parent)}})
        client.kc = kc
        client.execute()
        t3 = time.perf_counter()
        charts = float(kernel_prints(kc, "print(_export.seconds)"))
        t4 = time.perf_counter()
        to_html(nb, path.stem)
        to_html(nb, path.stem, with_code=False)
        t5 = time.perf_counter()
        kc.stop_channels()
        km.shutdown_kernel(now=True)
        shutil.rmtree(sockets, ignore_errors=True)
        parts = [t1 - t0, t2 - t1, t3 - t2 - charts, charts, t5 - t4]
        totals = [a + b for a, b in zip(totals, parts, strict=True)]
        print(f"    {path.stem:<22} " + " ".join(f"{x:>6.2f}" for x in parts))
    print(f"    {'total':<22} " + " ".join(f"{x:>6.2f}" for x in totals))
    t0 = time.perf_counter()
    rows = ledger_records()
    with tempfile.TemporaryDirectory() as site:
        write_pages(Path(site), [], rows)
    print(f"    site pages (ledger computed, index written): {time.perf_counter() - t0:.2f} s")
    shutil.rmtree(charts_dir, ignore_errors=True)


def build_breakdown(cache: Path, notebooks: list[Path]) -> None:
    print("    the build's own breakdown (s): wait = fork, kernel ready, wait for a slot; "
          "execute = cells, render = pages in the render thread")
    for path in notebooks:
        if not (cache / f"{path.stem}.json").exists():
            continue  # run once per state (country-ISO3): bench_countries.py reports those
        timing = json.loads((cache / f"{path.stem}.json").read_text())["timing"]
        print(f"    {path.stem:<22} wait {timing['wait']:5.2f}  execute {timing['execute']:5.2f}"
              f"  render {timing['render']:5.2f}  total {timing['total']:5.2f}")


def cold_rounds(notebooks: list[Path], work: Path, rounds: int) -> Path:
    """Baseline and cold build side by side, ``rounds`` times (this machine's speed drifts by
    10-20 % from minute to minute); the verdict is the median ratio. Returns a built folder."""
    ratios = []
    for i in range(1, rounds + 1):
        start = time.perf_counter()
        for nb in parameterised(work / f"jobs-{i}"):  # every run of the build, one by one
            timed([JUPYTER, "nbconvert", "--execute", "--to", "html", "--output-dir",
                   str(work / f"nbconvert-{i}"), str(nb)])
        baseline = time.perf_counter() - start
        build = work / f"report-{i}"
        cold, _ = timed(build_cmd(build))
        ratios.append(cold / baseline)
        print(f"  round {i}: baseline nbconvert, one by one {baseline:5.1f} s; "
              f"cold make report {cold:5.1f} s: ratio {cold / baseline:.2f}x")
    print(f"  cold make report against nbconvert: median ratio "
          f"{statistics.median(ratios):.2f}x over {rounds} rounds (target <= 0.35x)")
    return build


def edit_rounds(work: Path, rounds: int) -> None:
    """One notebook edited (a comment added to its last code cell, in a copy of the folder: the
    cache is keyed by slug, not path), against that notebook alone with nbclient."""
    copy = work / "notebooks"
    shutil.copytree(ROOT / "notebooks", copy)
    copied_build = work / "report-copy"
    timed(build_cmd(copied_build, copy))
    ratios = []
    for i in range(1, rounds + 1):
        nb = json.loads((copy / EDITED).read_text(encoding="utf-8"))
        last = [c for c in nb["cells"] if c["cell_type"] == "code"][-1]
        last["source"] = "".join(last["source"]) + f"\n# edited {i}"
        (copy / EDITED).write_text(json.dumps(nb, indent=1), encoding="utf-8")
        edited, log = timed(build_cmd(copied_build, copy))
        alone = run_alone(copy / EDITED)
        reran = [ln.split()[1] for ln in log.splitlines() if ln.startswith("running")]
        ratios.append(edited / alone)
        print(f"  round {i}: one notebook edited ({', '.join(reran)}) {edited:4.1f} s; "
              f"nbclient alone {alone:4.1f} s: ratio {edited / alone:.2f}x")
    print(f"  one notebook edited against nbclient alone: median ratio "
          f"{statistics.median(ratios):.2f}x (target <= 1.3x)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="side-by-side rounds (default 3)")
    rounds = parser.parse_args().rounds
    notebooks = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
    work = Path(tempfile.mkdtemp(prefix="bench-report-"))
    print(f"{len(notebooks)} notebooks; machine: {machine()}")
    try:
        profile(notebooks)
        build = cold_rounds(notebooks, work, rounds)
        build_breakdown(build / "cache", notebooks)
        noop, _ = timed(build_cmd(build))
        print(f"  no-change rebuild:              {noop:6.2f} s   (target < 0.5 s)")
        edit_rounds(work, rounds)

        original = CHANGED_CSV.read_bytes()
        try:
            CHANGED_CSV.write_bytes(original + b"\n")
            one, log = timed(build_cmd(build))
        finally:
            CHANGED_CSV.write_bytes(original)
        reran = [ln.split()[1] for ln in log.splitlines() if ln.startswith("running")]
        print(f"  after one CSV changed:          {one:6.1f} s   re-ran: {', '.join(reran)}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
