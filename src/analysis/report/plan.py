"""What the report runs: one job per notebook, one per value of a fanned-out notebook's
parameter, and one per set of ``--param`` overrides.

A notebook runs once per value of a table's column when its ``parameters`` cell carries the tag
``runs-each:TABLE.COLUMN`` (the column must be the parameter's name): ``notebooks/10-country``
is tagged ``runs-each:unga_votes.iso3`` and runs for each of the 54 states in
``data/unga_votes.csv``, not with its default. Each such run is named after the notebook
without its number and the value (``country-MLI``): its pages are ``country-MLI.html`` and
``country-MLI.editors.html``, its charts ``country-MLI--<chart>.*``, and the site lists it with
its group (``10-country``) instead of as a section of its own. Tags survive the text pairs
(Jupytext writes them on the cell's ``# %%`` line); the values are read with the csv module, so
a no-change build still imports no pandas.
"""

import ast
import csv
import json
from dataclasses import dataclass, field
from pathlib import Path

from analysis.contract.paths import DATA_DIR, NOTEBOOKS_DIR, display_path

EACH_TAG = "runs-each:"


@dataclass(frozen=True)
class Job:
    """One notebook run: the source notebook, its parameter overrides, and (for a run of a
    fanned-out notebook) its page name and group."""

    path: Path
    params: dict = field(default_factory=dict)
    name: str = ""
    group: str = ""

    @property
    def slug(self) -> str:
        if self.name:
            return self.name
        if not self.params:
            return self.path.stem
        parts = [f"{k}-{_slug_value(v)}" for k, v in sorted(self.params.items())]
        return "--".join([self.path.stem, *parts])


def _slug_value(value) -> str:
    return "".join(c if c.isalnum() or c in "-." else "-" for c in str(value)).strip("-")


def notebooks(folder: Path = NOTEBOOKS_DIR) -> list[Path]:
    """The notebooks to run, in name order (``NN-slug.ipynb``)."""
    return sorted(folder.glob("[0-9][0-9]-*.ipynb"))


def parse_param(text: str) -> tuple[str, str, object]:
    """``'01-arms-share:region=north-africa'`` -> (notebook stem, name, value).

    >>> parse_param("01-arms-share:years=2014-2018")
    ('01-arms-share', 'years', '2014-2018')
    >>> parse_param("01-arms-share:top=5")[2]
    5
    """
    stem, sep, assignment = text.partition(":")
    name, eq, raw = assignment.partition("=")
    if not (sep and eq and stem and name.isidentifier()):
        raise ValueError(f"parameter {text!r}: expected NOTEBOOK:NAME=VALUE, e.g. "
                         "01-arms-share:region=north-africa")
    try:
        value = ast.literal_eval(raw)
    except (ValueError, SyntaxError):
        value = raw
    return stem, name, value


def fan_out(path: Path) -> tuple[str, str] | None:
    """(table, column) of a notebook whose ``parameters`` cell is tagged
    ``runs-each:TABLE.COLUMN``, else None. ValueError when the tag is malformed or the column
    is not a parameter of that cell."""
    text = Path(path).read_text(encoding="utf-8")
    if EACH_TAG not in text:  # most notebooks: no need to parse them
        return None
    nb = json.loads(text)
    for cell in nb.get("cells", []):
        tags = cell.get("metadata", {}).get("tags", [])
        if "parameters" not in tags:
            continue
        for tag in tags:
            if not tag.startswith(EACH_TAG):
                continue
            table, dot, column = tag[len(EACH_TAG):].partition(".")
            source = "".join(cell.get("source", ""))
            assigned = {t.id for node in ast.parse(source).body if isinstance(node, ast.Assign)
                        for t in node.targets if isinstance(t, ast.Name)}
            if not (dot and table and column.isidentifier()) or column not in assigned:
                raise ValueError(f"{path.name}: tag {tag!r}: expected {EACH_TAG}TABLE.COLUMN "
                                 f"where COLUMN is a parameter of the cell (have: "
                                 f"{', '.join(sorted(assigned)) or 'none'})")
            return table, column
    return None


def each_value(table: str, column: str, data_dir: Path = DATA_DIR) -> list[str]:
    """The distinct values of ``data/TABLE.csv``'s ``column``, sorted (empty cells left out)."""
    path = Path(data_dir) / f"{table}.csv"
    try:
        with path.open(encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            if column not in (reader.fieldnames or []):
                raise ValueError(f"{display_path(path)}: no column {column!r} to run a "
                                 f"notebook for each value of (have: {reader.fieldnames})")
            return sorted({row[column] for row in reader if row[column]})
    except FileNotFoundError:
        raise ValueError(f"{display_path(path)}: no such table to run a notebook for each "
                         f"{column} of") from None


def fanned_jobs(path: Path, data_dir: Path = DATA_DIR) -> list[Job] | None:
    """One job per value for a fanned-out notebook (see the module notes), else None."""
    spec = fan_out(path)
    if spec is None:
        return None
    table, column = spec
    stem = path.stem.split("-", 1)[1] if path.stem[:2].isdigit() else path.stem
    return [Job(path, {column: value}, name=f"{stem}-{_slug_value(value)}", group=path.stem)
            for value in each_value(table, column, data_dir)]


def plan(overrides: list[str] | None = None, folder: Path = NOTEBOOKS_DIR,
         data_dir: Path = DATA_DIR) -> list[Job]:
    """Every notebook once with its defaults (a fanned-out notebook once per value), plus one
    run per notebook given overrides."""
    paths = notebooks(folder)
    jobs = []
    for p in paths:
        jobs += fanned_jobs(p, data_dir) or [Job(p)]
    extra: dict[str, dict] = {}
    for text in overrides or []:
        stem, name, value = parse_param(text)
        extra.setdefault(stem, {})[name] = value
    by_stem = {p.stem: p for p in paths}
    for stem, params in extra.items():
        if stem not in by_stem:
            raise ValueError(f"parameter for {stem!r}: no such notebook in notebooks/ "
                             f"(have: {', '.join(by_stem)})")
        jobs.append(Job(by_stem[stem], params))
    return jobs
