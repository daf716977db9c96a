"""Which rows cite which source: every row of every table with a ``source_id`` or ``source_ids``
column, and the sources a resource names in the descriptor. Story-agnostic: it reads only the
descriptor and the tables it describes.

A row is named by its table and its key: the primary key's values (``trip=3, stop=2``), or its
row number where the table has none (``row 4``). A source a resource names for the whole table
is cited by ``(the table)``.
"""

from pathlib import Path

import pandas as pd

from analysis.contract.datapackage import load_table, read_descriptor
from analysis.contract.paths import DATA_DIR, ROOT

SOURCE_COLUMNS = ("source_id", "source_ids")
WHOLE_TABLE = "(the table)"
COLUMNS = ["source_id", "table", "key"]


def row_key(row: pd.Series, primary_key) -> str:
    """``'mli-coup-2020'`` for a one-field key, ``'trip=3, stop=2'`` for a compound one."""
    fields = [primary_key] if isinstance(primary_key, str) else list(primary_key)
    if len(fields) == 1:
        return str(row[fields[0]])
    return ", ".join(f"{f}={row[f]}" for f in fields)


def cell_ids(value) -> list[str]:
    """The source ids in one ``source_id`` / ``source_ids`` cell (a list, one id, or empty).

    >>> cell_ids(["S1", "S2"]), cell_ids("S3"), cell_ids(None)
    (['S1', 'S2'], ['S3'], [])
    """
    ids = value if isinstance(value, list) else [value]
    return [i for i in ids if isinstance(i, str) and i]


def table_sources(res: dict) -> list[str]:
    """The source ids a resource's descriptor entry names for the table as a whole."""
    return [s["source_id"] for s in res.get("sources") or [] if s.get("source_id")]


def source_columns(res: dict) -> list[str]:
    """The columns of a resource whose cells name the row's sources (none for ``sources``)."""
    if res["name"] == "sources":
        return []
    fields = [f["name"] for f in res.get("schema", {}).get("fields", [])]
    return [c for c in SOURCE_COLUMNS if c in fields]


def sources_of_rows(res: dict, rows: pd.DataFrame) -> list[str]:
    """The sorted source ids that ``rows`` of resource ``res`` rest on: their source cells, or,
    for a table whose rows carry no source column, the sources named for the whole table. The
    same rule :func:`citations` lists row by row, so a verdict's sources (the ledger) and the
    rows citing a source (the sources page) agree by construction."""
    columns = source_columns(res)
    if not columns:
        return sorted(set(table_sources(res)))
    return sorted({i for c in columns for value in rows[c] for i in cell_ids(value)})


def citations(descriptor: dict | None = None, data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """One row per (source, citing row): columns ``source_id``, ``table``, ``key``."""
    descriptor = descriptor if descriptor is not None else read_descriptor()
    out = []
    for res in descriptor["resources"]:
        out.extend((i, res["name"], WHOLE_TABLE) for i in table_sources(res))
        cited = source_columns(res)
        if not cited:
            continue
        table = load_table(res["name"], check_references=False, data_dir=data_dir,
                           descriptor=descriptor)
        pk = res["schema"].get("primaryKey")
        for number, (_, row) in enumerate(table.iterrows(), start=1):
            key = row_key(row, pk) if pk else f"row {number}"
            out.extend((i, res["name"], key) for c in cited for i in cell_ids(row[c]))
    return pd.DataFrame(out, columns=COLUMNS).drop_duplicates(ignore_index=True)


def tables_of_files(paths, descriptor: dict | None = None,
                    data_dir: Path = DATA_DIR) -> list[str]:
    """The resources whose files are among ``paths`` (as the loaders record reads: relative to
    the repository root, or absolute), in descriptor order."""
    descriptor = descriptor if descriptor is not None else read_descriptor()
    wanted = {Path(p) if Path(p).is_absolute() else ROOT / p for p in paths}
    wanted = {p.resolve() for p in wanted}
    return [r["name"] for r in descriptor["resources"]
            if (Path(data_dir) / r["path"]).resolve() in wanted]


def sources_of_tables(tables, cites: pd.DataFrame) -> list[str]:
    """The source ids cited by any row of ``tables`` (or by the tables as a whole), sorted."""
    return sorted(set(cites.loc[cites["table"].isin(list(tables)), "source_id"]))
