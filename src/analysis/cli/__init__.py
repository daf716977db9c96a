"""The command line, ``python -m analysis COMMAND``: the parser and dispatch (:mod:`.main`), one
module per command group (:mod:`.sipri`, :mod:`.claims`)."""

from analysis.cli.main import main

__all__ = ["main"]
