"""The data, published with the site: every file of the Data Package under ``site/data/`` (the
descriptor and its tables, byte for byte, so that the descriptor's paths hold), the SQLite
database built from it (:mod:`.database`), the metadata Datasette serves it with (titles,
descriptions, sources, licences, from the descriptor), and ``data.html``, one anchored entry
per table with its description, key, file and row count.

``make serve`` starts Datasette over ``build/site/data/`` on 127.0.0.1 (see the README).
"""

import html
import json
import shutil
from pathlib import Path

from analysis.publish import layout
from analysis.publish.database import DATABASE, build_database, tabular

DATA = "data"  # the site's folder for the data
DATA_PAGE = "data.html"
METADATA = "datasette-metadata.json"


def datasette_metadata(descriptor: dict) -> dict:
    """Datasette's metadata for the database: the package's and each table's title,
    description, sources and licence, and each column's description."""
    lic = (descriptor.get("licenses") or [{}])[0]
    tables = {}
    for res in tabular(descriptor):
        sources = "; ".join(s.get("title", "") for s in res.get("sources", []))
        tables[res["name"]] = {
            "title": res.get("title") or res["name"],
            "description": res.get("description", ""),
            **({"source": sources} if sources else {}),
            "columns": {f["name"]: f.get("description", "")
                        for f in res["schema"]["fields"]},
        }
    return {
        "title": descriptor.get("title", ""),
        "description": descriptor.get("description", ""),
        "license": lic.get("title") or lic.get("name", ""),
        **({"license_url": lic["path"]} if lic.get("path") else {}),
        "source": "data/sources.csv (every row cites its sources: see _row_sources)",
        "databases": {Path(DATABASE).stem: {"tables": tables}},
    }


def _rows(path: Path) -> int:
    with path.open(encoding="utf-8") as fh:
        return max(sum(1 for _ in fh) - 1, 0)


def _key(res: dict) -> str:
    key = res.get("schema", {}).get("primaryKey")
    if not key:
        return "none"
    return ", ".join(f"<code>{html.escape(k)}</code>" for k in
                     ([key] if isinstance(key, str) else key))


def data_body(descriptor: dict, data_dir: Path) -> str:
    """The data page: how to get and query the data, then one entry per resource."""
    out = ["<h1>The data</h1>",
           f"<p>{html.escape(descriptor.get('description', ''))}</p>",
           "<ul class='links'>"
           f"<li><a href='{DATA}/datapackage.json'>datapackage.json</a>: the Frictionless Data "
           "Package descriptor (types, keys, constraints, sources, licences)</li>"
           f"<li><a href='{DATA}/{DATABASE}'>{DATABASE}</a>: every table in one SQLite "
           "database, with its primary and foreign keys, descriptions in <code>_tables</code> "
           "and <code>_fields</code>, and each row's sources in <code>_row_sources</code></li>"
           "<li>To query it in a browser, from a clone of the repository: <code>make serve"
           "</code> (Datasette on 127.0.0.1)</li></ul>"]
    for res in descriptor["resources"]:
        name = res["name"]
        path = data_dir / res["path"]
        rows = f"{_rows(path)} rows" if res.get("format", "csv") == "csv" else "not a table"
        out.append(
            f"<section id='table-{html.escape(name)}'><h2><code>{html.escape(name)}</code></h2>"
            f"<p>{html.escape(res.get('description', ''))}</p>"
            f"<p><a href='{DATA}/{html.escape(res['path'])}'>{html.escape(res['path'])}</a> · "
            f"{rows} · primary key: {_key(res)}</p></section>")
    return "\n".join(out)


def write_data(site: Path, descriptor: dict, data_dir: Path, info: layout.SiteInfo, cites=None,
               css: str = "") -> None:
    """``site/data/`` (files, database, Datasette metadata) and ``site/data.html``."""
    out = site / DATA
    out.mkdir(exist_ok=True)
    shutil.copyfile(data_dir / "datapackage.json", out / "datapackage.json")
    for res in descriptor["resources"]:
        target = out / res["path"]
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(data_dir / res["path"], target)
    build_database(descriptor, data_dir, out / DATABASE, cites)
    (out / METADATA).write_text(json.dumps(datasette_metadata(descriptor), indent=1,
                                           ensure_ascii=False, sort_keys=True) + "\n",
                                encoding="utf-8")
    (site / DATA_PAGE).write_text(
        layout.page("The data", data_body(descriptor, data_dir), DATA_PAGE, info, css=css),
        encoding="utf-8")
