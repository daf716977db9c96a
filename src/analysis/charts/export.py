"""Charts ready to publish: each figure as PNG (1x and 2x), SVG, its alt text, its data and
its title, subtitle and source line (JSON, for the download bundles).

:func:`analysis.charts.show` calls :func:`export_chart` when the report build sets
``ANALYSIS_CHART_DIR`` (and ``ANALYSIS_NOTEBOOK``, the notebook's slug): files are named
``<notebook>--<chart slug>.*``, stable across runs, never counters. Outputs are byte-stable:
no timestamps in PNG or SVG metadata and a fixed SVG hash salt (see ``charts.STYLE``).
"""

import os
import re
import unicodedata
from pathlib import Path

import pandas as pd

CHART_DIR_ENV = "ANALYSIS_CHART_DIR"
NOTEBOOK_ENV = "ANALYSIS_NOTEBOOK"
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def slugify(text: str, max_len: int = 60) -> str:
    """A file-name slug: ASCII, lower case, words joined by hyphens.

    >>> slugify("Russia's share peaked at about 45% in the late 2010s")
    'russias-share-peaked-at-about-45-in-the-late-2010s'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower().replace("'", ""))
    slug = "-".join(words)[:max_len].rstrip("-")
    return slug or "chart"


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cells that a spreadsheet would run as formulas, prefixed with ``'``; numbers untouched.

    >>> safe = neutralise_formulas(pd.DataFrame({"a": ["=1+1", "ok", "-x"], "b": [-1, 2, 3]}))
    >>> safe["a"].tolist(), safe["b"].tolist()
    (["'=1+1", 'ok', "'-x"], [-1, 2, 3])
    """
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(
                lambda v: f"'{v}" if isinstance(v, str) and v.startswith(FORMULA_START) else v)
    safe_cols = [f"'{c}" if isinstance(c, str) and c.startswith(FORMULA_START) else c
                 for c in out.columns]
    out.columns = safe_cols
    return out


def export_chart(fig, folder: Path, name: str, data: pd.DataFrame | None, alt: str,
                 dpi: int, png: bytes | None = None, about: dict | None = None) -> list[Path]:
    """Write ``name``.png, ``name@2x``.png, ``name``.svg, ``name``.alt.txt, ``name``.csv and
    (given ``about``: the chart's title, subtitle and source line) ``name``.json.

    ``png``: the 1x PNG when the caller has already rendered it (saves drawing it twice).
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    import matplotlib

    for suffix, kwargs in ((".png", {"format": "png", "dpi": dpi,
                                     "metadata": {"Software": None}}),
                           ("@2x.png", {"format": "png", "dpi": 2 * dpi,
                                        "metadata": {"Software": None}}),
                           (".svg", {"format": "svg", "metadata": {"Date": None,
                                                                   "Creator": None}})):
        path = folder / f"{name}{suffix}"
        if suffix == ".png" and png is not None:
            path.write_bytes(png)
            written.append(path)
            continue
        # SVG ids are random unless salted; the salt is read when saving, not when drawing.
        with matplotlib.rc_context({"svg.hashsalt": name}):
            fig.savefig(path, **kwargs)
        written.append(path)
    alt_path = folder / f"{name}.alt.txt"
    alt_path.write_text(alt.strip() + "\n", encoding="utf-8")
    written.append(alt_path)
    if data is not None:
        csv_path = folder / f"{name}.csv"
        frame = data.to_frame() if isinstance(data, pd.Series) else data
        keep_index = not isinstance(frame.index, pd.RangeIndex)
        neutralise_formulas(frame.reset_index() if keep_index else frame).to_csv(
            csv_path, index=False, lineterminator="\n")
        written.append(csv_path)
    if about is not None:
        import json

        json_path = folder / f"{name}.json"
        json_path.write_text(json.dumps({**about, "alt": alt.strip()}, indent=1,
                                        ensure_ascii=False, sort_keys=True) + "\n",
                             encoding="utf-8")
        written.append(json_path)
    return written


def target(slug: str) -> tuple[Path, str] | None:
    """(folder, file stem) when the report build asked for files, else None."""
    folder = os.environ.get(CHART_DIR_ENV)
    if not folder:
        return None
    notebook = os.environ.get(NOTEBOOK_ENV, "notebook")
    return Path(folder), f"{notebook}--{slug}"
