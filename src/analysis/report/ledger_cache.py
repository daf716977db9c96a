"""The fact-check ledger for the site's index, computed by a function the command line names
(``"module:function"``), cached by the code and the files it read, or waited for from the forked
child that computed it while the notebooks ran."""

import importlib
import json
import os
import time
from pathlib import Path

from analysis.report.cache import files_hash


def _ledger_cached(cache: Path, code: str) -> list[dict] | None:
    """The ledger rows of the last build, when neither the code nor a file it read changed."""
    try:
        meta = json.loads((cache / "ledger.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if meta.get("code") != code or files_hash(list(meta["reads"])) != meta["reads"]:
        return None
    return meta["rows"]


def _ledger_store(cache: Path, code: str, rows, read_log: Path) -> None:
    reads = [ln for ln in read_log.read_text(encoding="utf-8").splitlines() if ln]
    (cache / "ledger.json").write_text(json.dumps(
        {"code": code, "reads": files_hash(reads), "rows": rows}, sort_keys=True),
        encoding="utf-8")


def _call(spec: str):
    """Call ``"package.module:function"`` and return what it returns."""
    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)()


def _wait_for(path: Path, pid: int) -> list[dict] | None:
    """The ledger rows the forked child wrote; None (computed here instead) if it failed."""
    while not path.exists():
        try:
            os.kill(pid, 0)  # still running (or not yet reaped by the template)
        except ProcessLookupError:
            if not path.exists():
                return None
        time.sleep(0.02)
    return json.loads(path.read_text(encoding="utf-8"))
