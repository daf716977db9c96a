"""Data and helpers behind the NYT story "Russia's Foreign Minister Lavrov Heads to Mali".

The package is in layers; imports point down only (``tests/test_layers.py`` runs import-linter's
contracts from ``pyproject.toml``):

====================  =========================================================================
``cli``, ``report``   the command line; the cached report build and the site's pages
``charts``            house style, export, maps, one module per subject's charts (load nothing)
``claims``            the fact-check ledger: verdicts, the registry of checks, checks per subject
``subjects``          one module per subject: arms, wagner, events, trips, and their joins
``sipri``             SIPRI's exports: the reader, the annual series, regions and shares
``contract``          paths, errors, the Data Package loader, data dictionary, environment file
====================  =========================================================================

``contract``, ``sipri``, ``charts``, ``report``, ``cli`` and the ledger machinery know nothing of
this story; ``subjects``, the checks in ``claims`` and the per-subject chart modules do.

Notebooks stay short: the names they use are re-exported here, so ``from analysis import arms,
charts, load_table`` and ``from analysis.events import STORY_DATE`` work. A short name is a module
of :data:`SHORT_NAME_PACKAGES` (a new subject module is importable at once, nothing to
register) or one of :data:`NOTEBOOK_NAMES` (the chart modules, under the names notebooks use).
Each is imported on first use, so that commands that need no data (a no-change ``make report``)
never import pandas.
"""

import importlib
import importlib.abc
import importlib.util
import sys

from analysis.contract.errors import DataError, SipriFormatError

# Packages whose modules are importable by their short name: analysis.subjects.wagner is also
# analysis.wagner. Searched in this order.
SHORT_NAME_PACKAGES = ("subjects", "contract")
# Other short names a notebook uses -> the module that holds them.
NOTEBOOK_NAMES = {
    "claims_charts": "analysis.charts.ledger",
    "maps": "analysis.charts.maps",
    "timeline_charts": "analysis.charts.timelines",
    "comparison_charts": "analysis.charts.comparisons",
    "trip_charts": "analysis.charts.trips",
    "host_charts": "analysis.charts.hosts",
    "travel_charts": "analysis.charts.travel",
    "prose": "analysis.charts.prose",
}

__all__ = ["DataError", "SipriFormatError", "load_table", *NOTEBOOK_NAMES]


def _target(short: str) -> str | None:
    """The full name of the module a short name stands for, or None."""
    if short in NOTEBOOK_NAMES:
        return NOTEBOOK_NAMES[short]
    for package in SHORT_NAME_PACKAGES:
        full = f"{__name__}.{package}.{short}"
        if short.isidentifier() and importlib.util.find_spec(full) is not None:
            return full
    return None


class _NotebookNames(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Makes ``import analysis.events`` give :mod:`analysis.subjects.events` itself (one module
    object under two names, so state and ``isinstance`` checks agree)."""

    def find_spec(self, fullname, path=None, target=None):
        prefix, _, short = fullname.partition(".")
        if prefix == __name__ and "." not in short and _target(short):
            return importlib.util.spec_from_loader(fullname, self)
        return None

    def create_module(self, spec):
        return importlib.import_module(_target(spec.name.partition(".")[2]))

    def exec_module(self, module):
        pass  # already executed under its own name


if not any(isinstance(f, _NotebookNames) for f in sys.meta_path):
    sys.meta_path.append(_NotebookNames())


def __getattr__(name):
    if name == "load_table":
        from analysis.contract.datapackage import load_table

        return load_table
    full = None if name.startswith("_") else _target(name)
    if full:
        return importlib.import_module(full)
    raise AttributeError(f"module 'analysis' has no attribute {name!r}")
