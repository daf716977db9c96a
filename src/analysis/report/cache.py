"""The build's content hashes: of the package's code, of a notebook's cells (not its outputs),
and of the files a notebook read. A notebook runs again only when one of them changed."""

import hashlib
import json
from pathlib import Path

from analysis.contract.paths import ROOT

PACKAGE_DIR = Path(__file__).resolve().parents[1]  # src/analysis: all of its code is hashed
# Data the site's pages read themselves, not through a notebook (so no job's key holds them):
# the index's tile grid of country pages (analysis.publish.countries.TILE_GRID).
SITE_FILES = ("data/africa_tile_grid.csv",)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def code_hash() -> str:
    """Hash of the package: every .py file and template under src/analysis."""
    h = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".j2", ".json", ".css"}:
            h.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def notebook_hash(path: Path) -> str:
    """Hash of a notebook's cells (type and source), ignoring outputs and execution counts."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    cells = [(c.get("cell_type"), "".join(c.get("source", [])),
              sorted(c.get("metadata", {}).get("tags", []))) for c in nb.get("cells", [])]
    return _sha(json.dumps(cells, sort_keys=True).encode())


def files_hash(paths: list[str]) -> dict[str, str | None]:
    """sha256 of each repo-relative path (None when it no longer exists)."""
    out = {}
    for rel in sorted(set(paths)):
        p = ROOT / rel
        out[rel] = _sha(p.read_bytes()) if p.is_file() else None
    return out


def site_files_hash() -> str:
    """Hash of :data:`SITE_FILES`, part of the site's key: a change to one rebuilds the site."""
    return _sha(json.dumps(files_hash(list(SITE_FILES)), sort_keys=True).encode())


def cache_paths(cache: Path, job) -> dict[str, Path]:
    return {"meta": cache / f"{job.slug}.json", "nb": cache / f"{job.slug}.ipynb",
            "charts": cache / f"{job.slug}.charts", "html": cache / f"{job.slug}.html",
            "editors": cache / f"{job.slug}.editors.html"}
