"""Stopping ``make report``: the real signals sent to a real build running in a subprocess.

Ctrl-C in a terminal sends SIGINT to the whole foreground process group; the build runs in a
session of its own here (``start_new_session``) and the signal goes to that group
(``os.killpg``), as a terminal would. Within 2 seconds the build prints one line, exits 130
(143 for SIGTERM) and leaves no process behind; after a ``kill -9`` the next build cleans up.
Under ``make``, make prints its own status line after the build's and then dies of the same
signal (a shell reports 130 or 143): that is GNU make's behaviour for any interrupted recipe.
"""

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import nbformat
import psutil
import pytest

from analysis.contract.paths import ROOT
from analysis.report import runstate

pytestmark = pytest.mark.slow
SLEEPY = "import time\nfor _ in range(600):\n    time.sleep(0.1)"


def _notebook(path: Path, source: str) -> None:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nb.cells = [nbformat.v4.new_markdown_cell("# Q\n\nA."), nbformat.v4.new_code_cell(source)]
    nbformat.write(nb, path)


class Build:
    """A command in its own session, its stderr collected line by line as it comes."""

    def __init__(self, cmd, **kwargs):
        self.proc = subprocess.Popen(cmd, cwd=ROOT, stderr=subprocess.PIPE, text=True,
                                     start_new_session=True, **kwargs)
        self.lines: list[tuple[float, str]] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        for line in self.proc.stderr:
            self.lines.append((time.monotonic(), line.rstrip("\n")))

    def wait_for(self, text: str, count: int = 1, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while sum(text in ln for _, ln in self.lines) < count:
            assert self.proc.poll() is None, f"ended early: {self.text()}"
            assert time.monotonic() < deadline, f"no {text!r} in: {self.text()}"
            time.sleep(0.05)

    def descendants(self) -> list[psutil.Process]:
        return psutil.Process(self.proc.pid).children(recursive=True)

    def text(self) -> str:
        return "\n".join(ln for _, ln in self.lines)

    def finish(self, timeout: float = 30) -> int:
        code = self.proc.wait(timeout)
        self.reader.join(5)
        return code


def _interrupt(build: Build, sig: int) -> tuple[float, list[str], list[psutil.Process]]:
    """Wait until kernels run, send ``sig`` to the group; (seconds to exit, lines after, procs)."""
    time.sleep(1.0)  # kernels well into their cells
    procs = build.descendants()
    assert len(procs) >= 2, "expected the template and a kernel to be running"
    before = len(build.lines)
    sent = time.monotonic()
    os.killpg(build.proc.pid, sig)
    build.finish()
    took = time.monotonic() - sent
    return took, [ln for _, ln in build.lines[before:]], procs


def _assert_gone(procs: list[psutil.Process], zombies_ok: bool = False) -> None:
    """Every process ended (and collected: the build reaps the kernels it started)."""
    _, alive = psutil.wait_procs(procs, timeout=1)
    if zombies_ok:  # after kill -9 nobody of ours is left to collect them: init's job
        alive = [p for p in alive if _status(p) != psutil.STATUS_ZOMBIE]
    assert not alive, f"left running: {[(p.pid, _status(p)) for p in alive]}"


def _status(proc: psutil.Process) -> str:
    try:
        return proc.status()
    except psutil.NoSuchProcess:
        return "gone"


def _site(build_dir: Path) -> dict[str, bytes]:
    site = build_dir / "site"
    return ({p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
             if p.is_file()} if site.exists() else {})  # the site has folders (charts/, data/)


@pytest.fixture
def tiny(tmp_path):
    """Two notebooks, built once (so there is a previous site); then made slow."""
    nbs = tmp_path / "notebooks"
    nbs.mkdir()
    for name in ("01-a", "02-b"):
        _notebook(nbs / f"{name}.ipynb", "1 + 1")
    build_dir = tmp_path / "build"
    cmd = [sys.executable, "-c", "import sys; from pathlib import Path; "
           "from analysis.report.build import build_report; "
           f"sys.exit(build_report(build_dir=Path({str(build_dir)!r}), "
           f"folder=Path({str(nbs)!r}), ledger=[]))"]
    assert subprocess.run(cmd, cwd=ROOT, capture_output=True).returncode == 0
    for name in ("01-a", "02-b"):
        _notebook(nbs / f"{name}.ipynb", SLEEPY)
    return {"cmd": cmd, "build": build_dir, "nbs": nbs}


@pytest.mark.parametrize("sig, code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_signal_stops_the_build_in_one_line_and_keeps_the_site(tiny, sig, code):
    before = _site(tiny["build"])
    build = Build(tiny["cmd"])
    build.wait_for("running", 2)
    took, after, procs = _interrupt(build, sig)
    assert build.proc.returncode == code
    assert took < 2.0, f"took {took:.1f} s"
    assert len(after) == 1 and after[0].startswith("interrupted by "), after
    assert "previous site in build/site is unchanged" in after[0]
    assert "running 01-a, 02-b" in after[0] or "running 02-b, 01-a" in after[0]
    assert "Traceback" not in build.text()
    _assert_gone(procs)
    assert _site(tiny["build"]) == before
    leftovers = [p.name for p in tiny["build"].rglob(".*") if p.name not in (".build-key", ".run")]
    leftovers += [p.name for p in (tiny["build"] / ".run").iterdir()]
    assert not leftovers, leftovers


def test_after_kill_9_the_next_build_cleans_up_and_succeeds(tiny):
    build = Build(tiny["cmd"])
    build.wait_for("running", 2)
    time.sleep(0.5)
    procs = build.descendants()
    record = json.loads(next((tiny["build"] / ".run").glob("*.json")).read_text())
    assert record["template"] and record["kernels"] and record["folders"]
    os.kill(build.proc.pid, signal.SIGKILL)
    build.finish()
    for name in ("01-a", "02-b"):
        _notebook(tiny["nbs"] / f"{name}.ipynb", "2 + 2")
    again = subprocess.run(tiny["cmd"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    _assert_gone(procs, zombies_ok=True)
    assert not list((tiny["build"] / ".run").glob("*"))
    assert not list(tiny["build"].glob(".staging-*"))
    assert not [p for p in (tiny["build"] / "cache").iterdir() if p.name.startswith(".")]


def test_reap_stale_ends_what_a_dead_build_recorded(tmp_path):
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    folder = tmp_path / "build" / "cache" / ".01-x-abc"
    folder.mkdir(parents=True)
    run = tmp_path / "build" / ".run"
    run.mkdir()
    started = psutil.Process(sleeper.pid).create_time()
    (run / f"{dead.pid}.json").write_text(json.dumps({
        "pid": dead.pid, "started": 1.0, "template": None,
        "kernels": [[sleeper.pid, started]], "folders": [str(folder)]}))
    line = runstate.reap_stale(tmp_path / "build")
    assert sleeper.wait(5) == -signal.SIGKILL
    assert "ended 1 process(es)" in line and not folder.exists() and not list(run.iterdir())


def test_reap_stale_never_kills_a_reused_pid(tmp_path):
    bystander = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    run = tmp_path / "build" / ".run"
    run.mkdir(parents=True)
    (run / "1.json").write_text(json.dumps({
        "pid": 999999999, "started": 1.0, "template": None,
        "kernels": [[bystander.pid, 12345.0]], "folders": []}))  # another start time
    runstate.reap_stale(tmp_path / "build")
    assert bystander.poll() is None
    bystander.kill()
    bystander.wait()


# --- the real commands, on the real notebooks ----------------------------------------------

# A parameter run that never completes here (it is always interrupted), so it is never cached.
FRESH_PARAM = "01-arms-share:years=2013-2017"


@pytest.mark.parametrize("sig, code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_python_m_analysis_report_stops_cleanly(sig, code):
    before = _site(ROOT / "build")
    build = Build([sys.executable, "-m", "analysis", "report", "--param", FRESH_PARAM])
    build.wait_for("running")
    took, after, procs = _interrupt(build, sig)
    assert build.proc.returncode == code and took < 2.0, (took, build.text())
    assert len(after) == 1 and after[0].startswith("interrupted by "), after
    assert "Traceback" not in build.text()
    _assert_gone(procs)
    assert _site(ROOT / "build") == before


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_make_report_stops_cleanly(sig):
    before = _site(ROOT / "build")
    # As from a terminal, not as a sub-make of `make test` (which would say "make[1]: ...").
    env = {k: v for k, v in os.environ.items() if k not in ("MAKELEVEL", "MAKEFLAGS", "MFLAGS")}
    env["PARAMS"] = FRESH_PARAM
    build = Build(["make", "--no-print-directory", "report"], env=env)
    build.wait_for("running")
    took, after, procs = _interrupt(build, sig)
    # make waits for the build, prints its own status line, then dies of the same signal:
    # a shell reports 128 + N (130 for Ctrl-C, 143 for SIGTERM).
    assert build.proc.returncode == -sig and took < 2.0, (took, build.text())
    assert after[0].startswith("interrupted by "), after
    assert len(after) == 2 and after[1].startswith("make: *** [Makefile:"), after
    assert "Traceback" not in build.text()
    _assert_gone(procs)
    assert _site(ROOT / "build") == before
