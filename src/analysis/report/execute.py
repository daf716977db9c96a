"""Running the stale notebooks: kernels forked from a warm template, driven from one event loop.

- The template (:mod:`.zygote`) is started first thing, before the cache is checked, and imports
  ipykernel, pandas, matplotlib and the package while the build hashes files; each notebook then
  gets its own kernel forked from it (a new process: see :mod:`.zygote` for why it is fresh), so
  a notebook's time is its cells, not a kernel start and a second of imports.
- Up to ``workers`` notebooks execute at once (nbclient's async API, one event loop); the next
  notebook's kernel is forked and ready before a slot frees up.
- The pages (nbconvert) are rendered in a thread while kernels run, off the critical path.
- On a failing cell the notebook is reported as ``NOTEBOOK.ipynb, cell N: Error: message``.
"""

import asyncio
import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from analysis.contract.paths import READ_LOG_ENV, ROOT

TIMEOUT_S = 600
STARTUP_TIMEOUT_S = 120


class NotebookFailed(RuntimeError):
    """A notebook raised: the message names the notebook, the cell and the error."""


class Template:
    """The kernel template process: started at once, forks a kernel per request."""

    def __init__(self, state):
        self.state = state
        env = dict(os.environ, MPLBACKEND="Agg", PYTHONHASHSEED="0",
                   PYDEVD_DISABLE_FILE_VALIDATION="1")
        env.pop(READ_LOG_ENV, None)
        # Its own session: a Ctrl-C in the terminal reaches the build only, which then kills
        # the whole group at once (no kernel prints a KeyboardInterrupt traceback).
        self.proc = subprocess.Popen([sys.executable, "-m", "analysis.report.zygote"],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env,
                                     cwd=ROOT, start_new_session=True)
        state.set_template(self.proc.pid)
        self.lock = threading.Lock()
        self.ready_at: float | None = None

    def _reply(self) -> dict:
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError("the kernel template exited (see the messages above)")
        return json.loads(line)

    def fork(self, connection_file: str, cwd: Path, env: dict) -> int:
        with self.lock:
            if self.ready_at is None:
                self._reply()  # {"ready": pid}: the imports are done
                self.ready_at = time.perf_counter()
            self.proc.stdin.write((json.dumps({"connection_file": connection_file,
                                               "cwd": str(cwd), "env": env}) + "\n").encode())
            self.proc.stdin.flush()
            return self._reply()["pid"]

    def call(self, function: str, out: Path, env: dict | None = None) -> int:
        """Fork a child that runs ``module:function()`` and writes its result as JSON."""
        with self.lock:
            if self.ready_at is None:
                self._reply()
                self.ready_at = time.perf_counter()
            request = {"call": function, "out": str(out), "cwd": str(ROOT), "env": env or {}}
            self.proc.stdin.write((json.dumps(request) + "\n").encode())
            self.proc.stdin.flush()
            return self._reply()["pid"]

    def stop(self) -> None:
        """Normal end: the kernels are gone already; kill the group in case, and reap."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait()
        for pipe in (self.proc.stdin, self.proc.stdout):
            with contextlib.suppress(OSError):
                pipe.close()


class ForkedKernel:
    """What nbclient needs of a kernel manager, for a kernel forked from the template."""

    has_kernel = True

    def __init__(self, pid: int, connection_file: str):
        self.pid, self.connection_file = pid, connection_file
        self.kernel_id = f"forked-{pid}"

    def client(self):
        from jupyter_client.asynchronous import AsyncKernelClient

        kc = AsyncKernelClient(connection_file=self.connection_file)
        kc.load_connection_file()
        return kc

    def is_alive(self) -> bool:
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return False
        return True

    def interrupt_kernel(self) -> None:
        os.kill(self.pid, signal.SIGINT)

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)

    def shutdown_kernel(self, now: bool = False, restart: bool = False) -> None:
        self.kill()

    def cleanup_resources(self, restart: bool = False) -> None:
        pass


def inject_parameters(nb, params: dict):
    """Papermill's convention: a cell tagged ``injected-parameters`` after ``parameters``."""
    import nbformat

    if not params:
        return nb
    index = next((i for i, c in enumerate(nb.cells)
                  if "parameters" in c.get("metadata", {}).get("tags", [])), None)
    if index is None:
        raise ValueError("this notebook has no cell tagged 'parameters': it takes no overrides")
    lines = ["# Parameters given to `make report`"]
    lines += [f"{k} = {v!r}" for k, v in sorted(params.items())]
    cell = nbformat.v4.new_code_cell("\n".join(lines))
    # A fixed id, not nbformat's random one: the id is written into the page (``cell-id=``),
    # and the same run must give the same bytes on every build.
    cell.id = "injected-parameters"
    cell.metadata["tags"] = ["injected-parameters"]
    nb.cells.insert(index + 1, cell)
    return nb


def failed_cell(nb) -> str:
    """'cell N: ErrorName: message' for the first code cell with an error output."""
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
            if out.get("output_type") == "error":
                return f"cell {i}: {out.get('ename')}: {out.get('evalue')}"
    return "a cell raised an error"


def render_pool() -> ThreadPoolExecutor:
    """The render thread, warmed at once: nbclient, nbconvert and its templates loaded (about
    a second) while the template imports, not when the first notebook is done."""

    def warm():
        import nbclient  # noqa: F401
        import nbformat
        from jupyter_client.asynchronous import AsyncKernelClient  # noqa: F401

        from analysis.publish.render import to_html

        nb = nbformat.v4.new_notebook()
        nb.cells = [nbformat.v4.new_markdown_cell("# x"), nbformat.v4.new_code_cell("1")]
        to_html(nb, "warm-up")
        to_html(nb, "warm-up", with_code=False)

    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="render")
    pool.submit(warm)
    return pool


class _Skip(Exception):
    pass


class _Loop(asyncio.SelectorEventLoop):
    """nbclient installs (and then removes) loop handlers for SIGINT/SIGTERM; the build's own
    handlers (:func:`.runstate.on_interrupt`) must stay, so the loop declines them."""

    def add_signal_handler(self, sig, callback, *args):
        raise RuntimeError("signals are handled by the build")

    def remove_signal_handler(self, sig):
        raise RuntimeError("signals are handled by the build")


class Runner:
    """Executes jobs in forked kernels; ``store(job, nb, work, seconds)`` renders and caches."""

    def __init__(self, template: Template, state, cache: Path, workers: int, store, render):
        self.template, self.state, self.cache = template, state, cache
        self.workers, self.store, self.render = workers, store, render
        self.results: list[tuple] = []

    def run(self, jobs, report) -> None:
        """Run every job; ``report(job, status, seconds, message)`` as each one ends."""
        with asyncio.Runner(loop_factory=_Loop) as runner:
            runner.run(self._all(jobs, report))

    async def _all(self, jobs, report) -> None:
        ready = asyncio.Semaphore(self.workers + 1)  # kernels forked and waiting, or running
        running = asyncio.Semaphore(self.workers)
        await asyncio.gather(*(self._one(j, ready, running, report) for j in jobs))

    async def _one(self, job, ready, running, report) -> None:
        import nbformat
        from nbclient import NotebookClient
        from nbclient.exceptions import CellExecutionError, DeadKernelError

        async with ready:
            start = time.perf_counter()
            work = self.state.add_folder(Path(tempfile.mkdtemp(prefix=f".{job.slug}-",
                                                               dir=self.cache)))
            sockets = self.state.add_folder(Path(tempfile.mkdtemp(prefix="nbk-")))
            charts_dir, read_log = work / "charts", work / "reads.txt"
            charts_dir.mkdir()
            read_log.touch()
            nb = inject_parameters(nbformat.read(job.path, as_version=4), job.params)
            kernel, kc, failure, started = None, None, "", start
            try:
                forked = time.perf_counter()
                try:
                    kernel = await self._fork(job, sockets, charts_dir, read_log)
                    kc = await self._connect(kernel)
                except (OSError, RuntimeError, ValueError) as exc:
                    failure = f"{job.path.name}: the kernel did not start ({exc})"
                    raise _Skip from None
                async with running:
                    self.state.running.append(job.slug)
                    report(job, "running", None, "")
                    started = time.perf_counter()
                    client = NotebookClient(nb, km=kernel, timeout=TIMEOUT_S,
                                            startup_timeout=STARTUP_TIMEOUT_S,
                                            record_timing=False,
                                            resources={"metadata": {"path": str(job.path.parent)}})
                    client.kc = kc
                    try:
                        await client.async_execute()
                    except CellExecutionError:
                        failure = f"{job.path.name}, {failed_cell(nb)}"
                    except DeadKernelError as exc:
                        failure = f"{job.path.name}: the kernel died ({exc})"
                    finally:
                        self.state.running.remove(job.slug)
            except _Skip:
                pass
            finally:
                if kc is not None:
                    kc.stop_channels()
                if kernel is not None:
                    kernel.kill()
                    self.state.remove_kernel(kernel.pid)
                self.state.remove_folder(sockets)
        cells = time.perf_counter() - started if kernel else 0.0
        timing = {"wait": round(started - forked, 2), "execute": round(cells, 2)}
        if failure:
            self.state.remove_folder(work)
            report(job, "failed", time.perf_counter() - start, failure)
            return
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(self.render, self._store, job, nb, work, start, timing)
        report(job, "done", time.perf_counter() - start, "")

    def _store(self, job, nb, work, start, timing) -> None:
        """Render and cache (in the render thread); ``timing``: wait (fork, the kernel's
        handshake, then a free slot), execute (the cells), render, total."""
        try:
            rendered = time.perf_counter()
            self.store(job, nb, work, dict(timing), lambda: {
                "render": round(time.perf_counter() - rendered, 2),
                "total": round(time.perf_counter() - start, 2)})
        finally:
            self.state.remove_folder(work)

    @staticmethod
    async def _connect(kernel: ForkedKernel):
        """The kernel's client, once the kernel has answered on both channels; done while the
        notebook waits for a slot, so that a slot's time is the cells.

        jupyter_client's ``wait_for_ready`` does the same with two fixed pauses this does not
        need (0.4 s a kernel): heartbeats polled every 0.2 s (here: the process is ours, its
        pid is watched) and a 0.2 s drain of the start-up messages at the end (nbclient skips
        every message that does not answer its own requests). The check that IOPub is
        connected, so that no output of the first cell is lost, is kept: a kernel_info reply
        counts only once a message has also come through IOPub."""
        from queue import Empty

        kc = kernel.client()
        kc.start_channels()
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        try:
            while True:
                kc.kernel_info()
                try:
                    # Any kernel_info reply will do (as in jupyter_client): a slow kernel answers
                    # the previous request after the next is sent, and waiting for the newest
                    # id alone kept a build one reply behind, asking forever (seen under load).
                    reply = await kc.get_shell_msg(timeout=1)
                    if reply.get("msg_type") == "kernel_info_reply":
                        await kc.get_iopub_msg(timeout=0.2)
                        break
                except Empty:
                    pass
                if not kernel.is_alive():
                    raise RuntimeError("the kernel exited before answering")
                if time.monotonic() > deadline:
                    raise RuntimeError(f"no answer from the kernel in {STARTUP_TIMEOUT_S} s")
        except BaseException:
            kc.stop_channels()
            raise
        kc.allow_stdin = False
        return kc

    async def _fork(self, job, sockets: Path, charts_dir: Path, read_log: Path) -> ForkedKernel:
        from jupyter_client.connect import write_connection_file

        connection_file = str(sockets / "kernel.json")
        # IPC sockets in a private folder: local only, short paths (limited to ~100 bytes).
        write_connection_file(connection_file, transport="ipc", ip=str(sockets / "k"))
        env = {"ANALYSIS_CHART_DIR": str(charts_dir), "ANALYSIS_NOTEBOOK": job.slug,
               READ_LOG_ENV: str(read_log)}
        pid = await asyncio.to_thread(self.template.fork, connection_file, job.path.parent, env)
        self.state.add_kernel(pid)
        return ForkedKernel(pid, connection_file)
