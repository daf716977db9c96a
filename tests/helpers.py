"""Helpers shared by the tests of the data contract: a writable copy of data/ and cell edits."""

import csv
import shutil
from pathlib import Path

from analysis.contract.paths import DATA_DIR


def copy_data(tmp_path: Path) -> Path:
    """A writable copy of data/ (tables, derived tables, geometry and the descriptor)."""
    folder = tmp_path / "data"
    shutil.copytree(DATA_DIR, folder)
    return folder


def set_cell(folder: Path, name: str, row: int, column: str, value: str) -> None:
    """Set one cell of ``folder/name``; ``row`` is 1-based after the header."""
    path = folder / name
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    fieldnames = list(rows[0].keys())
    rows[row - 1][column] = value
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fieldnames, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
