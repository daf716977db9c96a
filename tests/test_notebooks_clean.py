"""The committed notebooks carry no per-run metadata (``make notebooks`` writes them so)."""

import nbformat
import pytest

from analysis.contract.paths import NOTEBOOKS_DIR
from analysis.report.notebooks import ADDRESS, run_metadata, strip_run_metadata

COMMITTED = sorted(NOTEBOOKS_DIR.glob("*.ipynb"))


@pytest.mark.parametrize("path", COMMITTED, ids=[p.name for p in COMMITTED])
def test_committed_notebook_has_no_per_run_metadata(path):
    nb = nbformat.read(path, as_version=4)
    assert run_metadata(nb) == [], f"{path.name}: run `make notebooks`"
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            text = "".join(out.get("data", {}).get("text/plain", ""))
            assert not ADDRESS.search(text), f"{path.name}, cell {i}: a memory address"


def test_strip_run_metadata_drops_timing_and_keeps_the_rest():
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("x")
    cell.metadata.update({"tags": ["parameters"], "execution": {"iopub.status.busy": "2026"},
                          "ExecuteTime": {"end_time": "2026"}})
    cell.outputs = [nbformat.v4.new_output("execute_result", execution_count=1, data={
        "text/plain": "<Styler at 0x7f643b4cdd90>", "text/html": "<table></table>"})]
    nb.cells.append(cell)
    nb.metadata.update({"kernelspec": {"name": "python3"}, "widgets": {}})
    out = strip_run_metadata(nb)
    assert out.cells[0].metadata == {"tags": ["parameters"]}
    assert out.cells[0].outputs[0]["data"]["text/plain"] == "<Styler at 0xADDRESS>"
    assert set(out.metadata) == {"kernelspec"} and run_metadata(out) == []
