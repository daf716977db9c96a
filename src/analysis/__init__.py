"""Data and helpers behind the NYT story "Russia's Foreign Minister Lavrov Heads to Mali".

Layers (imports point down only):

1. data contract: :mod:`analysis.paths`, :mod:`analysis.errors`, :mod:`analysis.datapackage`;
2. subjects: :mod:`analysis.sipri_read` (SIPRI exports) and :mod:`analysis.sipri` (series,
   regions, shares), plus one module per hand-built dataset;
3. what combines them: :mod:`analysis.derive` (derived tables) and :mod:`analysis.cli`.

Beside them, :mod:`analysis.charts` draws in the house style from DataFrames it is given.
"""

from analysis.errors import DataError, SipriFormatError

__all__ = ["DataError", "SipriFormatError", "load_table"]


def __getattr__(name):
    # load_table pulls in pandas: imported on first use, so that commands that need no data
    # (a no-change `make report`) start fast.
    if name == "load_table":
        from analysis.datapackage import load_table

        return load_table
    raise AttributeError(f"module 'analysis' has no attribute {name!r}")
