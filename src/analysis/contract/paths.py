"""Every path the package uses, from one place.

The repository root is found from this file (src/analysis/contract/paths.py -> parents[3]), so
notebooks, tests and the command line agree wherever they are started from.
"""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
DATA_DIR = ROOT / "data"
DESCRIPTOR = DATA_DIR / "datapackage.json"
NOTEBOOKS_DIR = ROOT / "notebooks"
BUILD_DIR = ROOT / "build"

# Where the README tells reporters to save SIPRI's exports. Not committed (see .gitignore).
DEFAULT_SIPRI_EXPORT_DIR = ROOT / "sipri-exports"
SIPRI_EXPORT_ENV = "SIPRI_EXPORT_DIR"


def sipri_export_dir() -> Path:
    """The folder holding SIPRI's raw exports: ``$SIPRI_EXPORT_DIR`` or ``sipri-exports/``."""
    return Path(os.environ.get(SIPRI_EXPORT_ENV, DEFAULT_SIPRI_EXPORT_DIR))


def display_path(path: Path) -> str:
    """A path as a reader should see it in a message: relative to the repo when inside it.

    >>> display_path(DATA_DIR / "sources.csv")
    'data/sources.csv'
    """
    path = Path(path)
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


# The report build sets this so that it knows which data files each notebook read (its cache
# key includes their hashes). Loaders call record_read(); outside a build it does nothing.
READ_LOG_ENV = "ANALYSIS_READ_LOG"


def record_read(path: Path) -> None:
    """Note that ``path`` was read, when the report build asks for it."""
    log = os.environ.get(READ_LOG_ENV)
    if log:
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(display_path(Path(path)) + "\n")
