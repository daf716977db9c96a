"""Benchmark: the report at scale, 6 story notebooks and 54 country pages (60 runs), side by side
with its baselines in one run, on the machine named in the first line.

1. floor: the country notebook run for each of the 54 states in one warm kernel (imports done,
   the notebook run once before), each cell's execution time as the kernel reports it
   (nbclient's ``record_timing``: from ``execute_input`` to ``execute_reply``); the floor of a
   re-run of the 54 is their sum divided by the cores the build uses;
2. baseline: ``jupyter nbconvert --execute --to html`` on each notebook and each parameter set
   (each country's notebook with its ``iso3`` injected, as the build does), one by one; then
   the cold build (empty cache) of the whole site: target <= 0.15x;
3. no-change rebuild: target < 0.5 s;
4. the country notebook edited (a comment added to its last code cell, in a copy of the
   notebooks folder): the 54 runs again, against their floor: target <= 1.3x. Measured in
   rounds (``--rounds``, default 3), each an edit and a floor taken one after the other, since
   this machine's speed drifts by 10-20 % from minute to minute; the median ratio is the verdict;
5. peak memory (maximum resident set) of the build process itself, and of the largest of its
   children (the kernel template and the kernels), for the cold build.

    .venv/bin/python benchmarks/bench_countries.py [--skip-baseline] [--rounds N]
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from machine import machine

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
JUPYTER = str(Path(PY).with_name("jupyter"))
COUNTRY = "10-country.ipynb"
# The build in a child that reports its own peak memory (ru_maxrss, KiB on Linux) and that of
# its largest descendant (the template, a kernel) on its last line of stderr.
BUILD = ("import resource, sys\nfrom analysis.cli.main import main\ncode = main(sys.argv[1:])\n"
         "own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
         "kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
         "print(f'peak-rss {own} {kids}', file=sys.stderr)\nsys.exit(code)")


def build(build_dir: Path, folder: Path | None = None) -> tuple[float, str, tuple[int, int]]:
    """``python -m analysis report`` into ``build_dir``: (seconds, stderr, (own, child) KiB)."""
    cmd = [PY, "-c", BUILD, "report", "--build-dir", str(build_dir),
           *(["--notebooks", str(folder)] if folder else [])]
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"the build failed:\n{proc.stderr[-3000:]}")
    last = proc.stderr.strip().splitlines()[-1].split()
    return seconds, proc.stderr, (int(last[1]), int(last[2]))


def parameterised(folder: Path) -> list[Path]:
    """Each job of the build's plan as a notebook file of its own in ``folder`` (parameters
    injected, as the build injects them)."""
    import nbformat

    from analysis.report.execute import inject_parameters
    from analysis.report.plan import plan

    folder.mkdir(parents=True)
    paths = []
    for job in plan():
        nb = inject_parameters(nbformat.read(job.path, as_version=4), job.params)
        path = folder / f"{job.slug}.ipynb"
        nbformat.write(nb, path)
        paths.append(path)
    return paths


def floor_seconds(states: list[str]) -> tuple[float, list[float]]:
    """Sum over the 54 states of the country notebook's cell times in one warm kernel."""
    import nbformat
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient

    from analysis.report.execute import inject_parameters

    os.environ["MPLBACKEND"] = "Agg"
    source = ROOT / "notebooks" / COUNTRY
    charts = Path(tempfile.mkdtemp(prefix="bench-charts-"))
    # local sockets, as the build's kernels use (over TCP ipykernel warns on stderr)
    km = KernelManager(kernel_name="python3", transport="ipc", ip=str(charts / "k"))
    km.start_kernel(cwd=str(source.parent), env=dict(os.environ, ANALYSIS_CHART_DIR=str(charts),
                                                     PYTHONHASHSEED="0"))
    per_state = []
    try:
        for i, iso3 in enumerate(["MLI", *states]):  # MLI first: the warm-up run, not counted
            nb = inject_parameters(nbformat.read(source, as_version=4), {"iso3": iso3})
            kc = km.client()  # nbclient stops the channels of the client it used
            kc.start_channels()
            kc.wait_for_ready(timeout=120)
            kc.execute_interactive(f"import os; os.environ['ANALYSIS_NOTEBOOK'] = "
                                   f"'country-{iso3}'", timeout=60)
            client = NotebookClient(nb, km=km, record_timing=True,
                                    resources={"metadata": {"path": str(source.parent)}})
            client.kc = kc
            client.execute()
            kc.stop_channels()
            if i == 0:
                continue
            total = 0.0
            for cell in nb.cells:
                timing = cell.get("metadata", {}).get("execution", {})
                if "iopub.execute_input" in timing and "shell.execute_reply" in timing:
                    start = datetime.fromisoformat(timing["iopub.execute_input"].rstrip("Z"))
                    end = datetime.fromisoformat(timing["shell.execute_reply"].rstrip("Z"))
                    total += (end - start).total_seconds()
            per_state.append(total)
    finally:
        km.shutdown_kernel(now=True)
        shutil.rmtree(charts, ignore_errors=True)
    return sum(per_state), per_state


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-baseline", action="store_true",
                        help="no nbconvert baseline (the cold ratio is then not printed)")
    parser.add_argument("--rounds", type=int, default=3,
                        help="rounds of (country notebook edited, floor), median ratio kept")
    args = parser.parse_args()
    from analysis.report.plan import plan

    jobs = plan()
    states = [j.params["iso3"] for j in jobs if j.group]
    workers = min(os.cpu_count() or 1, len(states))
    work = Path(tempfile.mkdtemp(prefix="bench-countries-"))
    print(f"{len(jobs)} runs ({len(jobs) - len(states)} story notebooks, {len(states)} country "
          f"pages); machine: {machine()}")
    try:
        if not args.skip_baseline:
            start = time.perf_counter()
            for nb in parameterised(work / "jobs"):
                proc = subprocess.run([JUPYTER, "nbconvert", "--execute", "--to", "html",
                                       "--output-dir", str(work / "nbconvert"), str(nb)],
                                      capture_output=True, text=True, cwd=ROOT / "notebooks",
                                      env=dict(os.environ, MPLBACKEND="Agg"))
                if proc.returncode != 0:
                    raise SystemExit(f"nbconvert failed on {nb.name}:\n{proc.stderr[-2000:]}")
            baseline = time.perf_counter() - start
        cold, _, (own, child) = build(work / "report")
        if not args.skip_baseline:
            print(f"  baseline nbconvert, each notebook and parameter set one by one "
                  f"{baseline:6.1f} s; cold make report {cold:5.1f} s: ratio "
                  f"{cold / baseline:.2f}x (target <= 0.15x)")
        else:
            print(f"  cold make report {cold:5.1f} s (no baseline run)")
        print(f"  peak memory, cold build: build process {own / 1024:.0f} MiB; largest child "
              f"(template or a kernel) {child / 1024:.0f} MiB")
        noop, _, _ = build(work / "report")
        print(f"  no-change rebuild:              {noop:6.2f} s   (target < 0.5 s)")

        copy = work / "notebooks"
        shutil.copytree(ROOT / "notebooks", copy)
        edited_build = work / "report-copy"
        build(edited_build, copy)
        ratios = []
        for round_ in range(1, args.rounds + 1):
            nb = json.loads((copy / COUNTRY).read_text(encoding="utf-8"))
            last = [c for c in nb["cells"] if c["cell_type"] == "code"][-1]
            last["source"] = "".join(last["source"]) + f"\n# edited ({round_})"
            (copy / COUNTRY).write_text(json.dumps(nb, indent=1), encoding="utf-8")
            edited, log, (own_e, _) = build(edited_build, copy)
            reran = [ln for ln in log.splitlines() if ln.startswith("running")]
            floor_sum, per_state = floor_seconds(states)
            floor = floor_sum / workers
            ratios.append(edited / floor)
            print(f"  round {round_}: country notebook edited, {len(reran)} runs again in "
                  f"{edited:5.1f} s; their floor (cells in a warm kernel, summed over "
                  f"{len(states)} states {floor_sum:5.1f} s, median state "
                  f"{sorted(per_state)[len(per_state) // 2]:.2f} s, / {workers} cores) "
                  f"{floor:5.1f} s: ratio {edited / floor:.2f}x; build process peak "
                  f"{own_e / 1024:.0f} MiB")
        print(f"  country notebook edited, median of {len(ratios)} rounds: "
              f"{sorted(ratios)[len(ratios) // 2]:.2f}x its floor (target <= 1.3x)")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
