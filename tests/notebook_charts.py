"""Every chart the notebooks draw, collected by running each committed notebook's code cells
in this process, in order, from the notebooks folder, the way the kernel runs them:
``charts.show`` is replaced by a collector that keeps the figure open for the checks."""

import os
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import nbformat


@dataclass
class Chart:
    notebook: str
    cell: int
    fig: object

    @property
    def house(self) -> dict:
        return getattr(self.fig, "_house", {})

    @property
    def name(self) -> str:
        return f"{self.notebook} cell {self.cell}: {self.house.get('title', '?')}"


@contextmanager
def _cwd(path: Path):
    before = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)


def notebook_charts(paths: list[Path]) -> list[Chart]:
    """Run the code cells of ``paths`` and return every figure passed to ``charts.show``."""
    import matplotlib
    from IPython.core.inputtransformer2 import TransformerManager

    import analysis.charts as charts
    from analysis.charts import style

    found: list[Chart] = []
    where = {}

    def collect(fig, slug=None):
        found.append(Chart(where["nb"], where["cell"], fig))

    saved = (charts.show, style.show)
    charts.show = style.show = collect
    transform = TransformerManager().transform_cell
    try:
        with matplotlib.rc_context({"figure.max_open_warning": 0}):  # kept open on purpose
            for path in paths:
                nb = nbformat.read(path, as_version=4)
                namespace = {"__name__": "__main__"}
                with _cwd(path.parent):
                    for i, cell in enumerate(nb.cells):
                        if cell.cell_type != "code":
                            continue
                        where.update(nb=path.stem, cell=i)
                        exec(compile(transform(cell.source), f"{path.name}[{i}]", "exec"),
                             namespace)
    finally:
        charts.show, style.show = saved
    return found
