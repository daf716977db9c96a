"""The kernel template: a process that imports once what every notebook imports, then forks one
fresh kernel per notebook. Run by the build as ``python -m analysis.report.zygote``.

Why a forked kernel is still a *fresh* kernel: the template imports libraries and the package
(ipykernel, IPython, pandas, matplotlib with the Agg backend, every ``analysis`` module a notebook
names) and does nothing else. It never executes a notebook cell, never loads a data file, never
creates an IPython shell, and starts no thread. Each kernel is a new process forked from it, in
which ipykernel builds its shell, user namespace, history and sockets from scratch, exactly as
``python -m ipykernel_launcher`` would after the same imports; whatever a notebook sets (names,
module attributes, environment, matplotlib state) lives and dies with its own process, so no
notebook can see another's (``tests/test_report.py`` checks it). What the fork saves is the
interpreter start and about a second of imports per notebook. Two things differ from a kernel
a notebook server starts, both tested: a build kernel loads no debugger (no front end could
attach to it) and keeps its input history in memory only (nothing written to ``~/.ipython``).

Protocol, one JSON line each way over stdin/stdout: the build sends ``{"connection_file",
"cwd", "env"}``, the template forks and answers ``{"pid"}``. The template exits when stdin
closes or its parent (the build) goes away, killing the kernels it forked; each kernel also
exits when the template goes away (``JPY_PARENT_PID``). A kernel that fails to import something
here is not broken: the notebook imports it again itself and fails at its own cell, named.
"""

import contextlib
import gc
import importlib
import json
import os
import select
import signal
import sys
from pathlib import Path

PRELOAD = ["ipykernel.kernelapp", "ipykernel.ipkernel", "IPython.core.interactiveshell",
           # what a kernel imports as it starts (its shell's magics, inspector and debugger
           # classes, the event loop glue), measured: 35 ms in each of 60 kernels
           "ipykernel.debugger", "IPython.core.completerlib", "IPython.core.debugger",
           "IPython.core.oinspect", "IPython.core.logger", "IPython.extensions.storemagic",
           "psutil", "tornado.gen", "tornado.locks", "tornado.queues",
           "tornado.platform.asyncio", "zmq.utils.garbage", "faulthandler", "resource",
           "numpy", "pandas", "matplotlib", "matplotlib.pyplot",
           # what showing a chart or a table imports on first use (writing PNG and SVG, a
           # frame's HTML and text reprs): a tenth of a second in every kernel that draws
           "matplotlib.backends.backend_agg", "matplotlib.backends.backend_svg",
           "PIL.PngImagePlugin", "pandas.io.formats.csvs", "pandas.core.reshape.reshape",
           "pandas.io.formats.html", "pandas.io.formats.string"]


def preload() -> None:
    """Import what notebooks import; failures are left for the notebook to meet itself.

    debugpy is made unimportable first, as each kernel makes it (see :func:`_kernel`), so that
    ipykernel's debugger module, imported here, finds what it finds in a kernel: no debugpy."""
    sys.modules["debugpy"] = None
    for name in PRELOAD:
        _try_import(name)
    with contextlib.suppress(Exception):  # the image formats Pillow registers on first save
        from PIL import Image

        Image.preinit()
    if _try_import("analysis"):
        import analysis

        for name in ["analysis.contract.datapackage", "analysis.charts", "analysis.claims",
                     "analysis.charts.export", *analysis.NOTEBOOK_NAMES.values(),
                     *_subjects()]:
            _try_import(name)


def _subjects() -> list[str]:
    """Every subject module (a notebook reaches them by short name: ``analysis.country``)."""
    import importlib.util
    import pkgutil

    # by name, as a notebook names them: the report imports no subject itself
    spec = importlib.util.find_spec("analysis.subjects")
    folders = list(spec.submodule_search_locations or []) if spec else []
    return [f"analysis.subjects.{m.name}" for m in pkgutil.iter_modules(folders)]


def _try_import(name: str) -> bool:
    try:
        importlib.import_module(name)
    except Exception:  # noqa: BLE001 - the notebook will raise it, in its own cell
        return False
    return True


def _kernel(request: dict, template_pid: int) -> None:
    """In the forked child: become an ipykernel for ``connection_file``. Never returns."""
    code = 1
    try:
        os.environ.update(request.get("env", {}))
        os.environ["JPY_PARENT_PID"] = str(template_pid)  # exit if the template goes away
        os.chdir(request["cwd"])
        null = os.open(os.devnull, os.O_RDWR)
        os.dup2(null, 0)
        os.dup2(null, 1)
        os.close(null)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        # A build kernel has no front end to debug from and no one to recall its history:
        # no debugpy (ipykernel offers its debugger only when debugpy imports; importing it
        # costs a tenth of a second per kernel and prints warnings) and no history database
        # (nothing written to ~/.ipython). Cells, outputs and errors are the same.
        sys.modules["debugpy"] = None
        argv = ["-f", request["connection_file"], "--HistoryManager.enabled=False"]
        sys.argv = ["ipykernel_launcher", *argv]
        from ipykernel import kernelapp

        kernelapp.launch_new_instance(argv=argv)
        code = 0
    finally:
        os._exit(code)


def _call(request: dict) -> None:
    """In the forked child: write ``module:function()`` as JSON to ``out``. Never returns."""
    code = 1
    try:
        os.chdir(request["cwd"])
        module, _, function = request["call"].partition(":")
        result = getattr(importlib.import_module(module), function)()
        out = Path(request["out"])
        tmp = out.with_name(out.name + ".tmp")
        tmp.write_text(json.dumps(result, sort_keys=True), encoding="utf-8")
        tmp.replace(out)
        code = 0
    finally:
        os._exit(code)


def _reap(children: set[int]) -> None:
    """Collect kernels that ended (so a pid is never reused under our feet)."""
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        children.discard(pid)


def _kill_children(children: set[int]) -> None:
    for pid in children:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    for pid in list(children):
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)
    children.clear()


def main() -> int:
    # Like ipykernel_launcher: the working folder is not on sys.path (IPython adds it back).
    if sys.path and (sys.path[0] == "" or Path(sys.path[0]) == Path.cwd()):
        del sys.path[0]
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the build decides; it kills us outright
    parent = os.getppid()
    preload()
    # What the imports made lives as long as any kernel: moved out of the collector's sight, a
    # kernel's collections never walk (and so never copy-on-write) the template's pages.
    gc.freeze()
    me = os.getpid()
    children: set[int] = set()
    print(json.dumps({"ready": me}), flush=True)
    stdin = sys.stdin.buffer
    while True:
        ready, _, _ = select.select([stdin], [], [], 0.25)
        _reap(children)
        if os.getppid() != parent:  # the build died (kill -9): take the kernels with us
            _kill_children(children)
            return 0
        if not ready:
            continue
        line = stdin.readline()
        if not line:  # the build closed the pipe: it is done
            _kill_children(children)
            return 0
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            _call(request) if "call" in request else _kernel(request, me)
        children.add(pid)
        print(json.dumps({"pid": pid}), flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
