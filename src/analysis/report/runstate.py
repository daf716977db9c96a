"""What a running build has started, written down, so that nothing outlives it.

A build records under ``build/.run/<pid>.json`` its own pid, the kernel template it started
(:mod:`.zygote`, in a process group of its own), every kernel forked from it and every scratch
folder (staging, per-notebook work, kernel sockets). Then:

- **Ctrl-C or SIGTERM** (:func:`on_interrupt`): the handler kills the template's process group
  (template and kernels) outright, removes the scratch folders and the record, prints one line and
  exits 130 (SIGINT) or 143 (SIGTERM). The site is swapped in with both signals blocked, so it is
  either the previous site or the complete new one, and the line says which.
- **kill -9**: nothing runs in the dead build, but the template notices its parent is gone
  within a quarter of a second and kills its kernels, and each kernel exits when the template
  goes. Whatever is still there is ended by the next build (:func:`reap_stale`), which finds the
  record of a build that is no longer running, kills what it lists (checking each process's
  start time, so a reused pid is never hit) and removes the folders.
"""

import contextlib
import json
import os
import shutil
import signal
import sys
from pathlib import Path

SIGNAL_NAMES = {signal.SIGINT: "Ctrl-C (SIGINT)", signal.SIGTERM: "SIGTERM"}


def _started(pid: int) -> float | None:
    import psutil

    try:
        return psutil.Process(pid).create_time()
    except (psutil.NoSuchProcess, psutil.AccessDenied):
        return None


def _alive(pid: int | None, started: float | None) -> bool:
    return bool(pid) and started is not None and _started(pid) == started


class RunState:
    """This build's processes and scratch folders, mirrored to ``build/.run/<pid>.json``."""

    def __init__(self, build_dir: Path):
        self.dir = Path(build_dir) / ".run"
        self.path = self.dir / f"{os.getpid()}.json"
        self.template: tuple[int, float | None] | None = None
        self.kernels: dict[int, float | None] = {}
        self.folders: list[str] = []
        self.running: list[str] = []  # slugs now executing, for the interrupt message
        self.phase = "checking the cache"
        self.swapped = False

    def save(self) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        data = {"pid": os.getpid(), "started": _started(os.getpid()),
                "template": list(self.template) if self.template else None,
                "kernels": [[p, t] for p, t in self.kernels.items()], "folders": self.folders}
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data), encoding="utf-8")
        tmp.replace(self.path)

    def set_template(self, pid: int) -> None:
        self.template = (pid, _started(pid))
        self.save()

    def add_kernel(self, pid: int) -> None:
        self.kernels[pid] = _started(pid)
        self.save()

    def remove_kernel(self, pid: int) -> None:
        self.kernels.pop(pid, None)

    def add_folder(self, folder: Path) -> Path:
        self.folders.append(str(folder))
        if self.template:
            self.save()
        return folder

    def remove_folder(self, folder: Path) -> None:
        shutil.rmtree(folder, ignore_errors=True)
        if str(folder) in self.folders:
            self.folders.remove(str(folder))

    def terminate(self) -> None:
        """Kill the template's group and every kernel; remove the folders and the record."""
        if self.template:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.template[0], signal.SIGKILL)
        for pid in list(self.kernels):
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)
        for folder in list(self.folders):
            shutil.rmtree(folder, ignore_errors=True)
        self.close()

    def close(self) -> None:
        for path in (self.path, self.path.with_suffix(".tmp")):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()


def become_subreaper() -> None:
    """Kernels are the template's children; when the template is killed they would pass to
    init, which in a container may never collect them. As a subreaper the build collects them
    itself (Linux; elsewhere a no-op)."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        pass


def reap_children(deadline_s: float = 0.0) -> None:
    """Collect ended children (killed kernels passed to us); wait up to ``deadline_s``."""
    import time

    end = time.monotonic() + deadline_s
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            if time.monotonic() >= end:
                return
            time.sleep(0.01)


def on_interrupt(state: RunState) -> None:
    """Install the SIGINT/SIGTERM handlers: stop everything, say so in one line, exit 128+N."""

    def handler(signum, frame):
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
        state.terminate()
        reap_children(deadline_s=1.0)
        doing = (f"while running {', '.join(state.running)}" if state.running
                 else f"while {state.phase}")
        site = ("the new site had already been written to build/site" if state.swapped
                else "the previous site in build/site is unchanged")
        line = f"interrupted by {SIGNAL_NAMES.get(signum, signum)} {doing}: {site}.\n"
        os.write(sys.stderr.fileno(), line.encode())
        os._exit(128 + signum)

    signal.signal(signal.SIGINT, handler)
    signal.signal(signal.SIGTERM, handler)


def reap_stale(build_dir: Path) -> str:
    """End what builds that died (``kill -9``) left: their template, kernels and folders.

    Returns a line for the log, empty when there was nothing to do. When no other build is
    running, leftover staging and work folders without a record are removed too.
    """
    build_dir = Path(build_dir)
    run = build_dir / ".run"
    killed, removed, other_running = 0, 0, False
    for record in sorted(run.glob("*.json")) if run.is_dir() else []:
        try:
            data = json.loads(record.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            record.unlink(missing_ok=True)
            continue
        if data.get("pid") == os.getpid():
            continue
        if _alive(data.get("pid"), data.get("started")):
            other_running = True
            continue
        template = data.get("template")
        if template and _alive(*template):
            os.killpg(template[0], signal.SIGKILL)
            killed += 1
        for pid, started in data.get("kernels", []):
            if _alive(pid, started):
                os.kill(pid, signal.SIGKILL)
                killed += 1
        for folder in data.get("folders", []):
            if Path(folder).exists():
                shutil.rmtree(folder, ignore_errors=True)
                removed += 1
        record.unlink(missing_ok=True)
    if not other_running:
        leftovers = list(build_dir.glob(".staging-*"))
        cache = build_dir / "cache"
        leftovers += [p for p in cache.glob(".*") if p.is_dir()] if cache.is_dir() else []
        for folder in leftovers:
            shutil.rmtree(folder, ignore_errors=True)
            removed += 1
    if not (killed or removed):
        return ""
    return (f"cleaned up after a build that did not finish: ended {killed} process(es), "
            f"removed {removed} folder(s)")
