"""``make notebooks``: re-execute the committed notebooks in place, with nothing that changes
from run to run.

Each notebook runs top to bottom in a fresh kernel of the project's environment (``python3``,
the ``.venv`` the command runs from), from the notebooks folder, with the report's settings
(``MPLBACKEND=Agg``, ``PYTHONHASHSEED=0``; no chart files are written). Then what is per run is
dropped: the ``execution`` timestamps nbclient and JupyterLab put in cell metadata, and any
other timing key (:data:`RUN_KEYS`). What stays is what the kernel reports about itself in
``language_info`` (it changes only when Python does). Run twice on the same inputs, the files are
byte-identical; ``tests/test_notebooks_clean.py`` holds the committed ones to that.
"""

import os
import re
import sys
from pathlib import Path

from analysis.contract.paths import NOTEBOOKS_DIR

RUN_KEYS = ("execution", "ExecuteTime")  # per-run cell metadata (nbclient, JupyterLab)
ADDRESS = re.compile(r"\b0x[0-9a-fA-F]{6,}\b")  # an object's id in a default repr
KERNEL = "python3"
TIMEOUT_S = 600


def run_metadata(nb) -> list[str]:
    """Where ``nb`` carries per-run metadata: ``['cell 3: execution', ...]`` (empty if clean)."""
    found = []
    for i, cell in enumerate(nb.get("cells", [])):
        found += [f"cell {i}: {k}" for k in RUN_KEYS if k in cell.get("metadata", {})]
    found += [f"notebook: {k}" for k in nb.get("metadata", {})
              if k not in ("kernelspec", "language_info")]
    return found


def strip_run_metadata(nb):
    """``nb`` without per-run metadata (in place; returned for convenience).

    Memory addresses in plain-text reprs (``<pandas.io.formats.style.Styler at 0x7f...>``,
    shown beside the table's HTML) differ at every run: they are written as ``0xADDRESS``, the
    same masking nbval applies (``tests/nbval_sanitize.cfg``) when it compares outputs."""
    for cell in nb.cells:
        for key in RUN_KEYS:
            cell.metadata.pop(key, None)
        for out in cell.get("outputs", []):
            if "text/plain" in out.get("data", {}):
                out["data"]["text/plain"] = ADDRESS.sub("0xADDRESS", out["data"]["text/plain"])
    for key in list(nb.metadata):
        if key not in ("kernelspec", "language_info"):
            del nb.metadata[key]
    return nb


def refresh(path: Path) -> str:
    """Execute one notebook in a fresh kernel; write it back without per-run metadata.

    Returns '' or, when a cell raised, 'cell N: Error: message' (the file is then left as it
    was)."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    from analysis.report.execute import failed_cell

    nb = nbformat.read(path, as_version=4)
    try:
        NotebookClient(nb, kernel_name=KERNEL, timeout=TIMEOUT_S, record_timing=False,
                       resources={"metadata": {"path": str(path.parent)}}).execute()
    except CellExecutionError:
        return failed_cell(nb)
    nbformat.write(strip_run_metadata(nb), path)
    return ""


def refresh_notebooks(folder: Path = NOTEBOOKS_DIR) -> int:
    """Re-execute every ``NN-slug.ipynb`` in ``folder``, one after another. Exit code."""
    from analysis.report.build import notebooks

    os.environ.update({"MPLBACKEND": "Agg", "PYTHONHASHSEED": "0"})
    for var in ("ANALYSIS_CHART_DIR", "ANALYSIS_READ_LOG"):
        os.environ.pop(var, None)
    paths = notebooks(folder)
    for path in paths:
        print(f"running {path.name}", file=sys.stderr, flush=True)
        error = refresh(path)
        if error:
            print(f"failed  {path.name}, {error}; that notebook is unchanged", file=sys.stderr)
            return 1
    print(f"wrote {len(paths)} notebooks in {folder.name}/", file=sys.stderr)
    return 0
