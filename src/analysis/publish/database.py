"""The Data Package as one SQLite database, built from ``data/datapackage.json``: one table per
tabular resource, with the descriptor's types, primary key, foreign keys and ``required``
constraints, and every field's description kept as a comment in the table's ``CREATE``
statement (SQLite keeps that text in ``sqlite_master``). Two more tables say what the schema
cannot: ``_tables`` and ``_fields`` (titles, descriptions, units, sources, licences) and
``_row_sources`` (which source each row cites: the ``source_ids`` lists, as rows with a
foreign key to ``sources``). A resource that is not a table (GeoJSON) is listed, not loaded.

Values are the committed CSV's text cast by the descriptor's type: integers and years as
INTEGER, numbers as REAL, booleans as 0/1, empty cells as NULL; dates (partial ones too) and
lists stay text as written. Rows are inserted in the file's order and the file is vacuumed, so
the same data give the same bytes. A row that breaks a key names the table and the key.
"""

import csv
import sqlite3
from pathlib import Path

DATABASE = "lavrov-mali.sqlite"
SQL_TYPES = {"integer": "INTEGER", "year": "INTEGER", "number": "REAL", "boolean": "INTEGER"}


class DatabaseError(ValueError):
    """A value or key the database refuses: names the file, row and column, or the key."""


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _comment(text: str) -> str:
    return " ".join(str(text).split())


def _as_list(value) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def tabular(descriptor: dict) -> list[dict]:
    """The resources that are tables (CSV with a schema)."""
    return [r for r in descriptor["resources"]
            if r.get("format", "csv") == "csv" and r.get("schema", {}).get("fields")]


def create_statement(res: dict) -> str:
    """``CREATE TABLE`` for one resource: types, NOT NULL, primary and foreign keys, and each
    field's description as a comment."""
    schema = res["schema"]
    lines = []
    for f in schema["fields"]:
        sql = SQL_TYPES.get(f["type"], "TEXT")
        null = " NOT NULL" if f.get("constraints", {}).get("required") else ""
        check = f" CHECK ({_q(f['name'])} IN (0, 1))" if f["type"] == "boolean" else ""
        lines.append((f"  {_q(f['name'])} {sql}{null}{check}", f.get("description", "")))
    keys = []
    if schema.get("primaryKey"):
        keys.append(f"  PRIMARY KEY ({', '.join(_q(k) for k in _as_list(schema['primaryKey']))})")
    for fk in schema.get("foreignKeys", []):
        ref = fk["reference"]
        target = ref.get("resource") or res["name"]
        keys.append(f"  FOREIGN KEY ({', '.join(_q(k) for k in _as_list(fk['fields']))}) "
                    f"REFERENCES {_q(target)} "
                    f"({', '.join(_q(k) for k in _as_list(ref['fields']))})")
    body = [text + ("," if i < len(lines) + len(keys) - 1 else "")
            + (f" -- {_comment(desc)}" if desc else "")
            for i, (text, desc) in enumerate(lines)]
    body += [k + ("," if j < len(keys) - 1 else "") for j, k in enumerate(keys)]
    return (f"-- {_comment(res.get('title') or res['name'])}: "
            f"{_comment(res.get('description', ''))}\n"
            f"CREATE TABLE {_q(res['name'])} (\n" + "\n".join(body) + "\n)")


def _cast(text: str, field: dict, where: str):
    if text == "":
        return None
    kind = field["type"]
    try:
        if kind in ("integer", "year"):
            return int(text)
        if kind == "number":
            return float(text)
    except ValueError as exc:
        raise DatabaseError(f"{where}: {text!r} is not a {kind}") from exc
    if kind == "boolean":
        true = field.get("trueValues", ["true", "True", "TRUE", "1"])
        false = field.get("falseValues", ["false", "False", "FALSE", "0"])
        if text in true:
            return 1
        if text in false:
            return 0
        raise DatabaseError(f"{where}: {text!r} is not a boolean")
    return text


def load_rows(res: dict, data_dir: Path) -> list[tuple]:
    """The resource's CSV rows cast for SQLite (errors name file, row and column)."""
    path = data_dir / res["path"]
    fields = res["schema"]["fields"]
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        names = [f["name"] for f in fields]
        if reader.fieldnames != names:
            raise DatabaseError(f"data/{res['path']}: columns {reader.fieldnames} are not the "
                                f"descriptor's {names}")
        return [tuple(_cast(row[f["name"]], f, f"data/{res['path']}, row {i}, column "
                            f"{f['name']}") for f in fields)
                for i, row in enumerate(reader, start=2)]


def _metadata_tables(con: sqlite3.Connection, descriptor: dict) -> None:
    con.execute("CREATE TABLE _tables (\n  name TEXT PRIMARY KEY, -- the table\n"
                "  title TEXT, description TEXT, path TEXT, -- the committed file\n"
                "  sources TEXT, -- the descriptor's sources, one per line\n"
                "  licences TEXT, loaded INTEGER NOT NULL -- 0: not a table (e.g. GeoJSON)\n)")
    con.execute("CREATE TABLE _fields (\n  table_name TEXT NOT NULL REFERENCES _tables (name),\n"
                "  name TEXT NOT NULL, position INTEGER NOT NULL, type TEXT NOT NULL,\n"
                "  description TEXT,\n  PRIMARY KEY (table_name, name)\n)")
    loaded = {r["name"] for r in tabular(descriptor)}
    licences = "\n".join(f"{lic.get('name')}: {lic.get('title', '')}"
                         for lic in descriptor.get("licenses", []))
    for res in descriptor["resources"]:
        sources = "\n".join(s.get("title", "") for s in res.get("sources", []))
        con.execute("INSERT INTO _tables VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (res["name"], res.get("title"), res.get("description"), res.get("path"),
                     sources, licences, int(res["name"] in loaded)))
        for i, f in enumerate(res.get("schema", {}).get("fields", []), start=1):
            con.execute("INSERT INTO _fields VALUES (?, ?, ?, ?, ?)",
                        (res["name"], f["name"], i, f["type"], f.get("description")))


def _row_sources(con: sqlite3.Connection, cites) -> None:
    con.execute("CREATE TABLE _row_sources (\n  table_name TEXT NOT NULL REFERENCES _tables "
                "(name),\n  row_key TEXT NOT NULL, -- the row's primary key, as the ledger "
                "writes it\n  source_id TEXT NOT NULL REFERENCES sources (source_id),\n"
                "  PRIMARY KEY (table_name, row_key, source_id)\n)")
    rows = sorted({(str(t), str(k), str(s)) for t, k, s in
                   zip(cites["table"], cites["key"], cites["source_id"], strict=True)})
    con.executemany("INSERT INTO _row_sources VALUES (?, ?, ?)", rows)


def build_database(descriptor: dict, data_dir: Path, out: Path, cites=None) -> Path:
    """Write the SQLite database to ``out`` (replaced); fails naming any broken key."""
    tmp = out.with_name(out.name + ".tmp")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    try:
        for res in tabular(descriptor):
            con.execute(create_statement(res))
            rows = load_rows(res, data_dir)
            marks = ", ".join("?" for _ in res["schema"]["fields"])
            try:
                con.executemany(f"INSERT INTO {_q(res['name'])} VALUES ({marks})", rows)
            except sqlite3.IntegrityError as exc:
                raise DatabaseError(f"data/{res['path']}: {exc}") from exc
        _metadata_tables(con, descriptor)
        if cites is not None:
            _row_sources(con, cites)
        con.commit()
        broken = con.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            table, rowid, parent, _ = broken[0]
            raise DatabaseError(f"{table}, row {rowid}: no matching row in {parent} "
                                f"({len(broken)} broken foreign keys)")
        con.execute("VACUUM")
    finally:
        con.close()
    tmp.replace(out)
    return out
