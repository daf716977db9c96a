"""``data/README.md``: the data dictionary, generated from ``data/datapackage.json``.

One table per file (column | content | type), with each resource's description, sources and
provenance, so the dictionary can never disagree with the descriptor the loader enforces.
``python -m analysis datadict --write`` rewrites it; ``tests/test_datadict.py`` fails when the
committed file is stale.
"""

from analysis.contract.datapackage import read_descriptor


def _cell(text) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _type(field: dict) -> str:
    kind = field.get("type", "string")
    if kind == "list":
        kind = f"list of {field.get('itemType', 'string')} ('{field.get('delimiter', ';')}')"
    if field.get("partialDate"):
        kind = "date at known precision (YYYY, YYYY-MM or YYYY-MM-DD)"
    c = field.get("constraints", {})
    extras = []
    if c.get("required"):
        extras.append("required")
    if "enum" in c:
        extras.append("one of: " + ", ".join(f"`{v}`" for v in c["enum"]))
    item = field.get("itemConstraints", {})
    if "enum" in item:
        extras.append("each one of: " + ", ".join(f"`{v}`" for v in item["enum"]))
    if "minimum" in c or "maximum" in c:
        extras.append(f"range {c.get('minimum', '')}..{c.get('maximum', '')}")
    if field.get("unit"):
        extras.append(f"unit: {field['unit']}")
    return kind + (f"; {'; '.join(extras)}" if extras else "")


def render_datadict(descriptor: dict | None = None) -> str:
    """The text of data/README.md."""
    dp = descriptor or read_descriptor()
    out = [
        "# Data dictionary",
        "",
        "Generated from `datapackage.json` by `python -m analysis datadict --write`; do not edit "
        "by hand. Every table is loaded through that descriptor (`analysis.load_table`), which "
        "enforces the types and constraints below and names file, row and column on any error.",
        "",
    ]
    for res in dp["resources"]:
        out += [f"## `{res['path']}` ({res['name']})", "", _cell(res.get("description", "")), ""]
        for item in res.get("derived_from", []):
            out.append(f"- derived from `{item['file']}` (SIPRI {item['kind']}, generated "
                       f"{item['vintage']}), sha256 `{item['sha256']}`")
        if res.get("hash"):
            out.append(f"- file hash `{res['hash']}`")
        if "schema" not in res:
            out.append("")
            continue
        schema = res["schema"]
        pk = schema.get("primaryKey")
        if pk:
            out.append(f"- primary key: {', '.join(pk) if isinstance(pk, list) else pk}")
        for fk in schema.get("foreignKeys", []) + schema.get("itemForeignKeys", []):
            out.append(f"- `{fk['fields']}` refers to `{fk['reference']['resource']}."
                       f"{fk['reference']['fields']}`")
        out += ["", "| column | content | type |", "| --- | --- | --- |"]
        for f in schema["fields"]:
            out.append(f"| `{f['name']}` | {_cell(f.get('description', ''))} | "
                       f"{_cell(_type(f))} |")
        out.append("")
    return "\n".join(out).rstrip() + "\n"
