"""Read any committed table through ``data/datapackage.json``, typed and validated.

The descriptor is a standard Frictionless Data Package: ``frictionless validate
data/datapackage.json`` (frictionless-py, the reference implementation) passes it, data included
(``tests/test_frictionless.py``). This module implements the part of the Table Schema spec the
project uses, strictly:

- field types ``string``, ``integer``, ``number``, ``boolean``, ``date`` (ISO 8601), ``year``
  and ``list`` (``delimiter`` and ``itemType``; e.g. ``source_ids`` = ``"S1;S2"``);
- constraints ``required``, ``unique``, ``enum``, ``minimum``, ``maximum``, ``pattern``;
- ``primaryKey`` and ``foreignKeys`` (to another resource or to the same one).

Three checks go beyond what Table Schema can say. They are custom properties, which other
tools ignore, listed with their meaning in the descriptor's own ``customProperties``:

- ``partialDate: true`` on a string field: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, each a real
  calendar date at its precision (a reported "April 2018" is kept as ``2018-04``); the field
  also carries the standard ``pattern`` of that shape, so other tools check the shape;
- ``itemConstraints`` on a list field: ``enum`` / ``pattern`` that every item must meet;
- ``itemForeignKeys`` in a schema: foreign keys checked item by item on list fields.

Every failure is a :class:`~analysis.contract.errors.DataError` naming the file, the row (1 = the
first row after the header, which is line 2 of the file) and the column, and saying what was
expected.
"""

import json
import re
from functools import cache
from pathlib import Path

import pandas as pd

from analysis.contract.errors import DataError
from analysis.contract.partial_dates import partial_date_precision
from analysis.contract.paths import DATA_DIR, DESCRIPTOR, display_path, record_read


@cache
def _descriptor_cached(path: str, mtime_ns: int) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def read_descriptor(path: Path = DESCRIPTOR) -> dict:
    """The parsed descriptor (cached until the file changes)."""
    path = Path(path)
    record_read(path)
    return _descriptor_cached(str(path), path.stat().st_mtime_ns)


def resource(name: str, descriptor: dict | None = None) -> dict:
    """The descriptor entry of one resource, by name."""
    descriptor = descriptor if descriptor is not None else read_descriptor()
    for res in descriptor["resources"]:
        if res["name"] == name:
            return res
    known = ", ".join(r["name"] for r in descriptor["resources"])
    raise KeyError(f"no resource {name!r} in data/datapackage.json (known: {known})")


def _cast_scalar(text: str, field: dict):
    """Convert one non-empty cell; raise ValueError with what was expected."""
    kind = field.get("type", "string")
    if kind == "string":
        if field.get("partialDate"):
            partial_date_precision(text)
        return text
    if kind == "integer":
        if not re.fullmatch(r"[+-]?\d+", text):
            raise ValueError(f"{text!r} is not a whole number")
        return int(text)
    if kind == "number":
        try:
            return float(text)
        except ValueError:
            raise ValueError(f"{text!r} is not a number") from None
    if kind == "year":
        if not re.fullmatch(r"\d{4}", text):
            raise ValueError(f"{text!r} is not a year (expected YYYY)")
        return int(text)
    if kind == "boolean":
        true = field.get("trueValues", ["true"])
        false = field.get("falseValues", ["false"])
        if text in true:
            return True
        if text in false:
            return False
        raise ValueError(f"{text!r} is not a boolean (expected one of {true + false})")
    if kind == "date":
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) or partial_date_precision(text) != "day":
            raise ValueError(f"{text!r} is not a date (expected YYYY-MM-DD)")
        return pd.Timestamp(text)
    raise ValueError(f"field type {kind!r} is not supported by the loader")


def _check_constraints(value, text: str, field: dict, c: dict | None = None):
    c = field.get("constraints", {}) if c is None else c
    if "enum" in c and text not in c["enum"]:
        raise ValueError(f"{text!r} is not one of {c['enum']}")
    if "pattern" in c and not re.fullmatch(c["pattern"], text):
        raise ValueError(f"{text!r} does not match the pattern {c['pattern']}")
    if "minimum" in c and value < _bound(c["minimum"], field):
        raise ValueError(f"{text!r} is below the minimum {c['minimum']}")
    if "maximum" in c and value > _bound(c["maximum"], field):
        raise ValueError(f"{text!r} is above the maximum {c['maximum']}")


def _bound(limit, field):
    return pd.Timestamp(limit) if field.get("type") == "date" else limit


def _cast_column(raw: pd.Series, field: dict, file: str) -> pd.Series:
    """Type one column, checking every cell; the first bad cell raises DataError."""
    name, kind = field["name"], field.get("type", "string")
    required = field.get("constraints", {}).get("required", False)
    out = []
    for row, text in enumerate(raw.tolist(), start=1):
        where = dict(row=row, column=name)
        if text == "":
            if required:
                raise DataError(file, "is empty but the column is required", **where)
            out.append(None)
            continue
        try:
            if kind == "list":
                item = {**field, "type": field.get("itemType", "string")}
                parts = text.split(field.get("delimiter", ";"))
                value = [_cast_scalar(p.strip(), item) for p in parts]
                for p, v in zip(parts, value, strict=True):
                    _check_constraints(v, p.strip(), field, field.get("itemConstraints", {}))
            else:
                value = _cast_scalar(text, field)
                _check_constraints(value, text, field)
        except ValueError as exc:
            raise DataError(file, str(exc), **where) from None
        out.append(value)
    return _typed_series(out, kind, name, raw.index)


def _typed_series(values: list, kind: str, name: str, index) -> pd.Series:
    dtype = {
        "string": "string",
        "integer": "Int64",
        "year": "Int64",
        "number": "Float64",
        "boolean": "boolean",
    }.get(kind)
    if kind == "date":
        return pd.Series(pd.to_datetime(values), index=index, name=name)
    if dtype is None:  # list
        return pd.Series(values, index=index, name=name, dtype=object)
    return pd.Series(values, index=index, name=name, dtype=dtype)


def read_raw(path: Path) -> pd.DataFrame:
    """A CSV as strings, empty cells as ``""``, nothing guessed."""
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(display_path(path), f"is not UTF-8 text ({exc.reason})") from None
    except pd.errors.ParserError as exc:
        raise DataError(display_path(path), f"is not a well-formed CSV ({exc})") from None


def validate_frame(raw: pd.DataFrame, res: dict, file: str) -> pd.DataFrame:
    """Check header, cells and keys of ``raw`` (all strings) against ``res``; return it typed."""
    fields = res["schema"]["fields"]
    expected = [f["name"] for f in fields]
    found = list(raw.columns)
    if found != expected:
        missing = [c for c in expected if c not in found]
        extra = [c for c in found if c not in expected]
        detail = []
        if missing:
            detail.append(f"missing {missing}")
        if extra:
            detail.append(f"unexpected {extra}")
        if not detail:
            detail.append(f"columns out of order, expected {expected}")
        raise DataError(file, f"header does not match the descriptor: {'; '.join(detail)}", row=0)
    typed = pd.DataFrame({f["name"]: _cast_column(raw[f["name"]], f, file) for f in fields})
    for f in fields:
        if f.get("constraints", {}).get("unique"):
            _check_unique(raw, [f["name"]], file, "unique")
    pk = res["schema"].get("primaryKey")
    if pk:
        _check_unique(raw, [pk] if isinstance(pk, str) else list(pk), file, "primary key")
    return typed


def _check_unique(raw: pd.DataFrame, cols: list[str], file: str, what: str):
    dup = raw.duplicated(subset=cols, keep="first")
    if dup.any():
        row = int(dup.to_numpy().nonzero()[0][0]) + 1
        values = ", ".join(f"{c}={raw.iloc[row - 1][c]!r}" for c in cols)
        raise DataError(file, f"{values} repeats an earlier row ({what})", row=row, column=cols[0])


def check_foreign_keys(name: str, typed: pd.DataFrame, descriptor: dict, file: str,
                       load=None) -> None:
    """Every foreign-key value of ``typed`` must exist in the referenced resource; for the
    ``itemForeignKeys`` of list fields, every item."""
    load = load or (lambda n: load_table(n, check_references=False))
    schema = resource(name, descriptor)["schema"]
    for fk in schema.get("foreignKeys", []) + schema.get("itemForeignKeys", []):
        fields = [fk["fields"]] if isinstance(fk["fields"], str) else fk["fields"]
        ref = fk["reference"]
        ref_fields = [ref["fields"]] if isinstance(ref["fields"], str) else ref["fields"]
        target = typed if ref["resource"] in ("", name) else load(ref["resource"])
        allowed = set(target[ref_fields[0]].dropna().tolist())
        column = fields[0]
        for row, value in enumerate(typed[column].tolist(), start=1):
            if value is None or value is pd.NA:
                continue
            for item in value if isinstance(value, list) else [value]:
                if item not in allowed:
                    raise DataError(
                        file,
                        f"{item!r} is not a {ref_fields[0]} of {ref['resource'] or name}",
                        row=row,
                        column=column,
                    )


def load_table(name: str, check_references: bool = True, data_dir: Path = DATA_DIR,
               descriptor: dict | None = None) -> pd.DataFrame:
    """Load the committed table ``name``, typed and validated against the descriptor.

    >>> sources = load_table("sources")
    >>> sources["source_id"].is_unique
    True
    """
    descriptor = descriptor if descriptor is not None else read_descriptor()
    res = resource(name, descriptor)
    path = Path(data_dir) / res["path"]
    file = display_path(path)
    if not path.exists():
        raise DataError(file, f"is missing (the descriptor lists it as resource {name!r})")
    record_read(path)
    typed = validate_frame(read_raw(path), res, file)
    if check_references:
        check_foreign_keys(
            name, typed, descriptor, file,
            load=lambda n: load_table(n, False, data_dir, descriptor),
        )
    return typed
