"""``python -m analysis serve`` (``make serve``): Datasette over the Data Package as SQLite.

Builds ``<build dir>/data/lavrov-mali.sqlite`` and its Datasette metadata from
``data/datapackage.json`` (the same as the site ships, :mod:`analysis.publish.datafiles`), then
replaces this process with Datasette serving it read-only (immutable) on ``--host`` (default
127.0.0.1: this machine only) and ``--port``. Ctrl-C stops it.
"""

import os
import sys
from pathlib import Path


def prepare(build_dir: Path) -> tuple[Path, Path]:
    """Write the database and its metadata into ``build_dir/data``; return both paths."""
    import json

    from analysis.contract.citations import citations
    from analysis.contract.datapackage import read_descriptor
    from analysis.contract.paths import DATA_DIR
    from analysis.publish.database import DATABASE, build_database
    from analysis.publish.datafiles import METADATA, datasette_metadata

    out = build_dir / "data"
    out.mkdir(parents=True, exist_ok=True)
    descriptor = read_descriptor()
    db = build_database(descriptor, DATA_DIR, out / DATABASE, citations(descriptor, DATA_DIR))
    meta = out / METADATA
    meta.write_text(json.dumps(datasette_metadata(descriptor), indent=1, ensure_ascii=False,
                               sort_keys=True) + "\n", encoding="utf-8")
    return db, meta


def command(db: Path, meta: Path, host: str, port: int) -> list[str]:
    """The Datasette command line: the database read-only, with its metadata."""
    return [sys.executable, "-m", "datasette", "serve", "--immutable", str(db),
            "--metadata", str(meta), "--host", host, "--port", str(port),
            "--setting", "sql_time_limit_ms", "3000"]


def run_serve(args) -> int:
    from analysis.contract.paths import BUILD_DIR

    db, meta = prepare(Path(args.build_dir) if args.build_dir else BUILD_DIR)
    argv = command(db, meta, args.host, args.port)
    print(f"serving {db.name} at http://{args.host}:{args.port}/ (Ctrl-C stops it)",
          file=sys.stderr, flush=True)
    os.execv(argv[0], argv)
    return 1  # not reached: execv replaces the process
