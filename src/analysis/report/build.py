"""``make report``: execute the notebooks (cached, in parallel) and write the reviewers' site.

What it writes:

- ``build/site/index.html``: the story in brief, the fact-check ledger, each notebook's question
  and answer with links; per notebook ``<slug>.html`` (with code, for reviewers) and
  ``<slug>.editors.html`` (no code, no stray reprs); all offline, working from ``file://``;
- ``build/charts/``: every chart as PNG (1x, 2x), SVG, alt text and the data as CSV.

How:

- **Cache.** A notebook is executed only when its key changed: the hash of its cells (not its
  outputs), its parameters, the package code (``src/analysis``), and every data file it read
  last time (``load_table`` and the map loaders log what they open, see
  :func:`analysis.contract.paths.record_read`). Otherwise its last good executed copy is reused.
- **Parallel.** Stale notebooks run in separate processes, each in a fresh kernel, up to the
  number of cores.
- **Atomic.** The new site is assembled in a temporary folder and swapped in only when every
  notebook ran; a failure names the notebook, cell and error, exits non-zero and leaves the
  previous site as it was.
- **Deterministic.** No timestamps (``record_timing=False``, PNG/SVG metadata stripped, fixed
  SVG salt), no absolute paths: same inputs, same bytes.
- **Parameters.** A notebook with a cell tagged ``parameters`` accepts overrides
  (``--param 01-arms-share:region=north-africa``); such a run is written under its own name and
  its pages say which parameters produced it.
"""

import json
import os
import shutil
import signal
import sys
import tempfile
import threading
from pathlib import Path

from analysis.contract.facts import facts_of
from analysis.contract.paths import BUILD_DIR, NOTEBOOKS_DIR, ROOT, display_path
from analysis.publish.layout import git_commit
from analysis.publish.render import (  # noqa: F401 (re-exported: tests and benchmarks use them)
    editors_copy,
    page_with_note,
    params_note,
    summary_html,
    to_html,
)
from analysis.report.assemble import Assembly, build_site
from analysis.report.cache import (  # noqa: F401 (re-exported)
    PACKAGE_DIR,
    _sha,
    cache_paths,
    code_hash,
    files_hash,
    notebook_hash,
    site_files_hash,
)
from analysis.report.execute import NotebookFailed, inject_parameters  # noqa: F401 (re-exported)
from analysis.report.ledger_cache import _call, _ledger_cached, _ledger_store, _wait_for
from analysis.report.plan import (  # noqa: F401 (re-exported)
    Job,
    notebooks,
    parse_param,
    plan,
)

CACHE_VERSION = "1"  # bump to invalidate every cached result


# --- cache keys ------------------------------------------------------------------------------

def job_key(job: Job, code: str, reads: dict[str, str | None]) -> str:
    """The cache key of one job given the files it read last time."""
    payload = {"v": CACHE_VERSION, "nb": notebook_hash(job.path), "params": job.params,
               "code": code, "reads": reads}
    return _sha(json.dumps(payload, sort_keys=True, default=str).encode())


def is_fresh(job: Job, cache: Path, code: str) -> bool:
    """True when the cached result of ``job`` is still valid."""
    paths = cache_paths(cache, job)
    if not all(paths[k].exists() for k in ("meta", "nb", "html", "editors")):
        return False
    meta = json.loads(paths["meta"].read_text(encoding="utf-8"))
    return meta.get("key") == job_key(job, code, files_hash(list(meta.get("reads", {}))))


# --- storing a result (in the build's render thread) -----------------------------------------

def store_result(job: Job, nb, work: Path, cache: Path, code: str, timing: dict,
                 finish=dict) -> None:
    """Render ``job``'s pages and put its executed notebook, pages and charts in the cache.

    The meta file, which makes the entry fresh, is removed first and written last: a build
    stopped half way never leaves a cache entry that looks valid."""
    import nbformat

    paths = cache_paths(cache, job)
    paths["meta"].unlink(missing_ok=True)
    reads = [ln for ln in (work / "reads.txt").read_text(encoding="utf-8").splitlines() if ln]
    nbformat.write(nb, paths["nb"])
    note = params_note(job.params)
    facts = facts_of(nb)  # what the notebook recorded for the index (charts.prose)
    title = str(facts.get("title", job.slug))
    paths["html"].write_text(page_with_note(to_html(nb, title), note), encoding="utf-8")
    paths["editors"].write_text(page_with_note(to_html(nb, title, with_code=False), note),
                                encoding="utf-8")
    if paths["charts"].exists():
        shutil.rmtree(paths["charts"])
    (work / "charts").rename(paths["charts"])
    timing.update(finish())
    meta = {"seconds": timing.get("total", 0), "timing": timing,
            "key": job_key(job, code, files_hash(reads)), "reads": files_hash(reads),
            "params": job.params, "source": job.path.name, "summary": summary_html(nb),
            "facts": facts}
    paths["meta"].write_text(json.dumps(meta, indent=1, sort_keys=True, default=str),
                             encoding="utf-8")


def skip_iri_grammars() -> None:
    """Keep ``rfc3987_syntax`` out of the build process: 1.6 s of the critical path.

    ``import nbformat`` imports jsonschema, whose format module imports ``rfc3987_syntax``
    when it is installed (JupyterLab's jupyter-events pulls it in), and that module compiles
    38 parser grammars at import time. It serves only jsonschema's optional "iri" format check,
    which nothing in the build asks for: nbformat's schemas use no "format" keyword and
    nbformat validates with fastjsonschema. ``sys.modules[name] = None`` is Python's way of
    saying "not installed" (import raises ImportError, which jsonschema expects). Done only
    when jsonschema is not imported yet (after that it would change nothing)."""
    if "jsonschema" not in sys.modules:
        sys.modules.setdefault("rfc3987_syntax", None)


def _last_seconds(cache: Path, job: Job) -> float:
    meta = cache_paths(cache, job)["meta"]
    try:
        return float(json.loads(meta.read_text(encoding="utf-8")).get("seconds", 0))
    except (OSError, ValueError):
        return 0.0


def build_report(overrides: list[str] | None = None, build_dir: Path = BUILD_DIR,
                 jobs_limit: int | None = None, folder: Path = NOTEBOOKS_DIR,
                 ledger=None) -> int:
    """Run what is stale, then (if anything changed) swap in a new site. Exit code.

    ``ledger``: the fact-check ledger for the index, as its rows (a list of dicts), or as the
    ``"module:function"`` that computes them (the command line passes
    ``analysis.claims.ledger:ledger_records``: the report machinery imports no check), or None
    for a site without a ledger. A named function runs in a forked child while the notebooks
    run, and its rows are cached by the files it read.

    Ctrl-C or SIGTERM at any point: one line, exit 130 or 143, nothing left running
    (:mod:`.runstate`)."""
    from analysis.report.runstate import (
        RunState,
        become_subreaper,
        on_interrupt,
        reap_children,
        reap_stale,
    )

    skip_iri_grammars()
    jobs = plan(overrides, folder)
    build_dir.mkdir(parents=True, exist_ok=True)
    cleaned = reap_stale(build_dir)
    if cleaned:
        print(cleaned, file=sys.stderr)
    state = RunState(build_dir)
    previous = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    on_interrupt(state)
    become_subreaper()
    try:
        return _build(jobs, build_dir, jobs_limit, ledger, state)
    finally:
        for folder in list(state.folders):
            state.remove_folder(Path(folder))
        state.close()
        reap_children()
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _build(jobs, build_dir, jobs_limit, ledger, state) -> int:
    from analysis.report.execute import Runner, Template

    cache = build_dir / "cache"
    cache.mkdir(parents=True, exist_ok=True)
    # The kernel template starts importing now, while the cache is checked.
    template = Template(state)
    try:
        code = code_hash()
        # Longest first packs the slots best: by last run's time, else (a cold cache) by the
        # committed notebook's size, which grows with its charts.
        stale = sorted((j for j in jobs if not is_fresh(j, cache, code)),
                       key=lambda j: (-_last_seconds(cache, j), -j.path.stat().st_size))
        if not stale:
            template.stop()
            template = None
        return _run_and_swap(jobs, stale, cache, code, build_dir, jobs_limit, ledger, state,
                             template, Runner)
    finally:
        if template is not None:
            template.stop()


def _run_and_swap(jobs, stale, cache, code, build_dir, jobs_limit, ledger, state, template,
                  runner_class) -> int:
    for job in jobs:
        if job not in stale:
            print(f"cached  {job.slug}", file=sys.stderr)
    failures = []
    ledger_file, ledger_pid, spec, assembly = None, None, None, None
    if isinstance(ledger, str):
        spec, ledger = ledger, _ledger_cached(cache, code)
    if stale:
        from analysis.contract.paths import READ_LOG_ENV
        from analysis.report.execute import render_pool

        render = render_pool()
        # The site is assembled in the render thread while the kernels run: first the sources
        # and their citations, then the notebooks whose results are cached, then each one as
        # it is stored (an error is raised where the site is finished, as without this).
        from analysis.publish import provenance

        prov_loaded = render.submit(provenance.load_provenance)
        staging = state.add_folder(Path(tempfile.mkdtemp(prefix=".staging-", dir=build_dir)))
        assembly = Assembly(jobs, cache, staging)
        render.submit(assembly.start, prov_loaded)
        for job in jobs:
            if job not in stale:
                render.submit(assembly.add, job)
        if spec and ledger is None:  # computed in a forked child, while the notebooks run
            ledger_dir = state.add_folder(Path(tempfile.mkdtemp(prefix=".ledger-", dir=cache)))
            ledger_file, ledger_log = ledger_dir / "ledger.json", ledger_dir / "reads.txt"
            ledger_log.touch()
            # asked for in a thread: the template answers once its imports are done
            ledger_pid = []
            asking = threading.Thread(target=lambda: ledger_pid.append(template.call(
                spec, ledger_file, {READ_LOG_ENV: str(ledger_log)})))
            asking.start()
        workers = max(1, min(jobs_limit or os.cpu_count() or 1, len(stale)))
        state.phase = "running the notebooks"

        def report(job, status, seconds, message):
            if status == "running":
                print(f"running {job.slug}", file=sys.stderr, flush=True)
                return
            print(f"{status:<7} {job.slug} ({seconds:.1f} s)"
                  + (f": {message}" if message else ""), file=sys.stderr, flush=True)
            if status == "failed":
                failures.append(message)

        def store(job, nb, work, timing, finish):
            store_result(job, nb, work, cache, code, timing, finish)
            assembly.add(job)

        runner = runner_class(template, state, cache, workers, store, render)
        try:
            runner.run(stale, report)
        finally:
            render.shutdown(wait=True)
    if failures:
        print(f"{len(failures)} notebook(s) failed; the previous site in build/site is "
              "unchanged.", file=sys.stderr)
        return 1
    site_key = _sha(json.dumps(sorted(
        json.loads(cache_paths(cache, j)["meta"].read_text(encoding="utf-8"))["key"] + j.slug
        for j in jobs)).encode() + code.encode() + str(git_commit(ROOT)).encode()
        + site_files_hash().encode())
    stamp = build_dir / "site" / ".build-key"
    if not stale and stamp.exists() and stamp.read_text() == site_key:
        print("site up to date: nothing to do", file=sys.stderr)
        return 0
    if ledger_file is not None:
        asking.join()
        ledger = _wait_for(ledger_file, ledger_pid[0]) if ledger_pid else None
        if ledger is not None:
            _ledger_store(cache, code, ledger, ledger_log)
    if spec and ledger is None:  # the child failed, or nothing ran: compute it here
        ledger = _call(spec)
    state.phase = "assembling the site"
    if assembly is not None:
        assembly.finish(ledger)
    else:
        staging = state.add_folder(Path(tempfile.mkdtemp(prefix=".staging-", dir=build_dir)))
        build_site(jobs, cache, staging, ledger)
    (staging / "site" / ".build-key").write_text(site_key)
    # The swap runs with the signals held back: the site is the old one or the new one.
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        for name in ("site", "charts"):
            old = build_dir / name
            if old.exists():
                shutil.rmtree(old)
            (staging / name).rename(old)
        state.swapped = True
        state.remove_folder(staging)
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
    shown = display_path(build_dir)
    print(f"wrote {shown}/site/index.html and {shown}/charts/", file=sys.stderr)
    return 0
