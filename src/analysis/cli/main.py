"""Command line: ``python -m analysis COMMAND``. Bad input ends with a message, never a traceback.

Commands:

- ``sipri shares FILE --region africa --years 2017-2021 [--format csv] [--non-state exclude]``
- ``claims [--format csv]``: the fact-check ledger, every claim with its computed verdict
- ``data [--exports DIR]``: regenerate the derived SIPRI tables in ``data/``
- ``env [--write]``: environment.yml from requirements.lock (without --write: check it)
- ``datadict [--write]``: data/README.md from data/datapackage.json (without --write: check)
- ``report [--param NB:NAME=VALUE ...] [--jobs N] [--build-dir DIR] [--notebooks DIR]``:
  execute the notebooks and write ``build/site/``
- ``pair [--check]``: each notebook's percent-format script beside it (``notebooks/NN-slug.py``)
- ``notebooks``: re-execute the committed notebooks in place, without per-run metadata, and
  refresh their text pairs
- ``serve [--host 127.0.0.1] [--port 8001] [--build-dir DIR]``: the Data Package as SQLite,
  queryable in Datasette (``make serve``)
"""

import argparse
import os
import sys

from analysis.contract.errors import DataError, SipriFormatError

# The fact-check ledger the report's index shows, computed by the build where it is needed.
LEDGER = "analysis.claims.ledger:ledger_records"


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m analysis", description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)

    sipri = sub.add_parser("sipri", help="work with SIPRI exports").add_subparsers(
        dest="sipri_command", required=True)
    shares = sipri.add_parser("shares", help="each supplier's TIV and share, largest first")
    shares.add_argument("file", help="a SIPRI Trade Register export (CSV as downloaded)")
    shares.add_argument("--region", default="africa",
                        help="africa (SIPRI: without Egypt), africa-incl-egypt, north-africa, "
                             "sub-saharan-africa (default: africa)")
    shares.add_argument("--years", default="2017-2021", help="FIRST-LAST, inclusive")
    shares.add_argument("--format", choices=["table", "csv"], default="table")
    shares.add_argument("--non-state", choices=["attribute", "exclude"], default="attribute",
                        help="count armed groups (*) and the African Union (**) in the region "
                             "where they operate (default) or leave them out")

    data = sub.add_parser("data", help="regenerate the derived SIPRI tables in data/")
    data.add_argument("--exports", help="folder with SIPRI's exports (default: $SIPRI_EXPORT_DIR "
                                        "or sipri-exports/)")

    dd = sub.add_parser("datadict", help="data/README.md from data/datapackage.json")
    dd.add_argument("--write", action="store_true", help="rewrite data/README.md")

    env = sub.add_parser("env", help="environment.yml from requirements.lock")
    env.add_argument("--write", action="store_true", help="rewrite environment.yml")

    claims = sub.add_parser("claims", help="print the fact-check ledger (data/claims.csv)")
    claims.add_argument("--format", choices=["table", "csv"], default="table",
                        help="csv: claim_id,paragraph,claim,verdict,evidence,sources,rule")

    report = sub.add_parser("report", help="execute the notebooks and write build/site/")
    report.add_argument("--param", action="append", default=[], metavar="NB:NAME=VALUE",
                        help="run NB again with a parameter override (repeatable), e.g. "
                             "01-arms-share:region=north-africa")
    report.add_argument("--jobs", type=int, help="notebooks run at once (default: cores)")
    report.add_argument("--build-dir", help="where the cache, site/ and charts/ go "
                                            "(default: build/)")
    report.add_argument("--notebooks", help="the folder of NN-slug.ipynb notebooks to run "
                                            "(default: notebooks/)")

    pair = sub.add_parser("pair", help="write each notebook's text pair (notebooks/NN-slug.py)")
    pair.add_argument("--check", action="store_true", help="only list stale pairs (exit 1)")
    pair.add_argument("--new", metavar="NN-slug.py",
                      help="create the notebook of a new text-first script (then make notebooks)")
    sub.add_parser("notebooks", help="re-execute the committed notebooks in place, without "
                                     "per-run metadata, and refresh their text pairs")
    serve = sub.add_parser("serve", help="query the data in Datasette (SQLite from the "
                                         "descriptor), on this machine")
    serve.add_argument("--host", default="127.0.0.1", help="default: 127.0.0.1 (this machine)")
    serve.add_argument("--port", type=int, default=8001, help="default: 8001")
    serve.add_argument("--build-dir", help="where data/lavrov-mali.sqlite goes (default: build/)")
    return p


def _report(args) -> int:
    import gc
    from pathlib import Path

    from analysis.contract.paths import BUILD_DIR, NOTEBOOKS_DIR
    from analysis.report.build import build_report

    code = build_report(args.param, jobs_limit=args.jobs, ledger=LEDGER,
                        build_dir=Path(args.build_dir) if args.build_dir else BUILD_DIR,
                        folder=Path(args.notebooks) if args.notebooks else NOTEBOOKS_DIR)
    # The process ends now: with what it holds frozen, the interpreter's last garbage
    # collection has nothing to walk (0.45 s of the build's large heap, for nothing).
    gc.freeze()
    return code


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "sipri":
            from analysis.cli.sipri import run_shares
            return run_shares(args)
        if args.command == "data":
            from analysis.sipri.derive import run_data
            return run_data(args.exports)
        if args.command == "env":
            return _env(args.write)
        if args.command == "datadict":
            return _datadict(args.write)
        if args.command == "claims":
            from analysis.cli.claims import run_claims
            return run_claims(args)
        if args.command == "pair":
            from analysis.report.pairs import notebook_from_text, run_pair
            if args.new:
                print(f"wrote {notebook_from_text(args.new)}; now `make notebooks` runs it")
                return 0
            return run_pair(check=args.check)
        if args.command == "report":
            return _report(args)
        if args.command == "serve":
            from analysis.cli.serve import run_serve
            return run_serve(args)
        if args.command == "notebooks":
            from analysis.report.notebooks import refresh_notebooks
            from analysis.report.pairs import run_pair
            return refresh_notebooks() or run_pair()
    except (DataError, SipriFormatError, ValueError, FileNotFoundError, FileExistsError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `... | head`: the reader left; not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    return 1


def _env(write: bool) -> int:
    from analysis.contract.envfile import current_environment
    from analysis.contract.paths import ROOT

    return _generated(ROOT / "environment.yml", current_environment(), "requirements.lock",
                      "make env", write)


def _datadict(write: bool) -> int:
    from analysis.contract.datadict import render_datadict
    from analysis.contract.paths import DATA_DIR

    return _generated(DATA_DIR / "README.md", render_datadict(), "data/datapackage.json",
                      "python -m analysis datadict --write", write)


def _generated(path, text: str, origin: str, command: str, write: bool) -> int:
    """Write a generated file, or check that the committed one matches its origin."""
    from analysis.contract.paths import display_path

    name = display_path(path)
    if write:
        path.write_text(text, encoding="utf-8")
        print(f"wrote {name}")
        return 0
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        print(f"{name} differs from {origin}: run `{command}`", file=sys.stderr)
        return 1
    print(f"{name} matches {origin}")
    return 0

