"""The rows a verdict rests on, grouped and compact: one line per table, linked to the table on
the data page, saying how many rows and which values their keys take ("unga_votes: 42 rows;
resolution: A/RES/ES-11/1 and A/RES/ES-11/4; iso3: 21 values"), with the full list folded
under it. A handful of rows is listed as it is.

Keys come as the ledger writes them: ``"MLI"``, or ``"resolution=A/RES/ES-11/1, iso3=BDI"``.
"""

import html

INLINE = 3  # up to this many rows of a table are listed on the line itself
VALUES = 4  # up to this many distinct values of a key field are named; beyond, counted


def source_rows(sources) -> dict[str, dict]:
    """``data/sources.csv`` (a DataFrame) as source id -> its row (a dict), in one pass: a
    build looks sources up a few thousand times, and a dict is far quicker at it than pandas'
    row lookup.

    >>> import pandas as pd
    >>> source_rows(pd.DataFrame({"source_id": ["a"], "title": ["T"]}))
    {'a': {'source_id': 'a', 'title': 'T'}}
    """
    return {str(r["source_id"]): r for r in sources.to_dict("records")}


def key_parts(key: str) -> list[tuple[str, str]]:
    """``"resolution=A/RES/ES-11/1, iso3=BDI"`` -> [(field, value), ...]; a part without ``=``
    has the field ``""``.

    >>> key_parts("resolution=A/RES/ES-11/1, iso3=BDI")
    [('resolution', 'A/RES/ES-11/1'), ('iso3', 'BDI')]
    >>> key_parts("mli-coup-2020")
    [('', 'mli-coup-2020')]
    """
    out = []
    for part in key.split(", "):
        name, eq, value = part.partition("=")
        out.append((name, value) if eq else ("", part))
    return out


def _and(values: list[str]) -> str:
    return values[0] if len(values) == 1 else ", ".join(values[:-1]) + " and " + values[-1]


def summary(keys: list[str]) -> str:
    """What the keys of many rows of one table have in common, per key field (plain text).

    >>> summary(["resolution=R1, iso3=BDI", "resolution=R1, iso3=MLI", "resolution=R2, iso3=BDI",
    ...          "resolution=R2, iso3=MLI", "resolution=R2, iso3=TGO"])
    'resolution: R1 and R2; iso3: BDI, MLI and TGO'
    """
    parsed = [key_parts(k) for k in keys]
    names = [n for n, _ in parsed[0]]
    if any([n for n, _ in p] != names for p in parsed) or names == [""]:
        return f"{len(set(keys))} keys"
    parts = []
    for i, name in enumerate(names):
        values = list(dict.fromkeys(p[i][1] for p in parsed))
        shown = _and(values) if len(values) <= VALUES else f"{len(values)} values"
        parts.append(f"{name or 'key'}: {shown}")
    return "; ".join(parts)


def folded(keys: list[str]) -> str:
    """The full list of keys, grouped by all but their last field where they share fields
    (HTML, escaped).

    >>> folded(["resolution=R1, iso3=BDI", "resolution=R1, iso3=MLI", "resolution=R2, iso3=BDI"])
    '<ul><li>resolution R1: iso3 BDI, MLI</li><li>resolution R2: iso3 BDI</li></ul>'
    >>> folded(["a", "b"])
    '<p>a; b</p>'
    """
    parsed = [key_parts(k) for k in keys]
    names = [n for n, _ in parsed[0]]
    if len(names) < 2 or "" in names or any([n for n, _ in p] != names for p in parsed):
        return f"<p>{'; '.join(html.escape(k) for k in keys)}</p>"
    groups: dict[str, list[str]] = {}
    for p in parsed:
        head = ", ".join(f"{n} {v}" for n, v in p[:-1])
        groups.setdefault(head, []).append(p[-1][1])
    return "<ul>" + "".join(
        f"<li>{html.escape(head)}: {html.escape(names[-1])} "
        f"{', '.join(html.escape(v) for v in values)}</li>"
        for head, values in groups.items()) + "</ul>"


def rows_cell(rows: list[dict], data_page: str = "data.html") -> str:
    """The Rows cell of a ledger entry: per table a linked line, long lists folded (HTML)."""
    by_table: dict[str, list[str]] = {}
    for r in rows:
        by_table.setdefault(str(r["table"]), []).append(str(r["key"]))
    lines = []
    for table, keys in sorted(by_table.items()):
        link = (f"<a href='{html.escape(data_page)}#table-{html.escape(table)}'>"
                f"<code>{html.escape(table)}</code></a>")
        if len(keys) <= INLINE:
            lines.append(f"<li>{link}: {'; '.join(html.escape(k) for k in keys)}</li>")
        else:
            lines.append(f"<li>{link}: {len(keys)} rows; {html.escape(summary(keys))}"
                         f"<details><summary>the {len(keys)} rows</summary>{folded(keys)}"
                         "</details></li>")
    return f"<ul class='rows'>{''.join(lines)}</ul>" if lines else "–"
