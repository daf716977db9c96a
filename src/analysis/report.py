"""``make report``: execute every notebook and write the site reviewers read.

Writes ``build/site/`` (``index.html`` and one page per notebook, offline: no script or style is
loaded from the network) and ``build/charts/`` (each chart as PNG with its alt text). The new
site is built in a temporary folder and swapped in only when every notebook ran, so a failing
notebook leaves the previous site intact.
"""

import base64
import html
import shutil
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbconvert import HTMLExporter
from nbconvert.filters.markdown import markdown2html

from analysis.paths import BUILD_DIR, NOTEBOOKS_DIR, ROOT

TEMPLATES = Path(__file__).parent / "templates"
KERNEL = "python3"
TIMEOUT_S = 600


class NotebookFailed(RuntimeError):
    """A notebook raised: names the notebook, the cell and the error."""


def notebooks(folder: Path = NOTEBOOKS_DIR) -> list[Path]:
    """The notebooks to run, in name order (``NN-slug.ipynb``)."""
    return sorted(folder.glob("[0-9][0-9]-*.ipynb"))


def execute(path: Path) -> nbformat.NotebookNode:
    """Run one notebook top to bottom in a fresh kernel, from the notebooks folder."""
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=TIMEOUT_S, kernel_name=KERNEL,
                            resources={"metadata": {"path": str(path.parent)}})
    try:
        client.execute()
    except CellExecutionError as exc:
        index = next((i for i, c in enumerate(nb.cells) if c.get("cell_type") == "code"
                      and any(o.get("output_type") == "error" for o in c.get("outputs", []))),
                     None)
        where = f"cell {index}" if index is not None else "a cell"
        last = str(exc).strip().splitlines()[-1] if str(exc).strip() else repr(exc)
        raise NotebookFailed(f"{path.name}, {where}: {last}") from None
    return nb


def to_html(nb: nbformat.NotebookNode, title: str) -> str:
    """One notebook as an offline HTML page (lab template without CDN scripts)."""
    exporter = HTMLExporter(template_name="offline", extra_template_basedirs=[str(TEMPLATES)])
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
    return body


def export_charts(nb: nbformat.NotebookNode, slug: str, folder: Path) -> list[str]:
    """Each PNG output as ``<slug>-<n>.png`` with its alt text beside it."""
    names = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            png = out.get("data", {}).get("image/png")
            if not png:
                continue
            name = f"{slug}-{len(names) + 1:02d}"
            (folder / f"{name}.png").write_bytes(base64.b64decode(png))
            alt = out.get("metadata", {}).get("image/png", {}).get("alt", "")
            (folder / f"{name}.alt.txt").write_text(alt + "\n", encoding="utf-8")
            names.append(name)
    return names


def summary_html(nb: nbformat.NotebookNode) -> str:
    """The notebook's first markdown cell (question and answer), rendered."""
    first = next((c for c in nb.cells if c.get("cell_type") == "markdown"), None)
    return markdown2html(first.source) if first else ""


def index_html(entries: list[tuple[str, str, str]]) -> str:
    """The landing page: the story in brief, then each notebook's question and answer."""
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        "<title>Lavrov heads to Mali: the data behind the story</title>",
        "<style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;"
        "padding:0 1rem;line-height:1.5;color:#222}h1{font-size:1.6rem}"
        "section{border-top:1px solid #ddd;margin-top:1.5rem;padding-top:.5rem}"
        "a{color:#0072B2}</style></head><body>",
        "<h1>Lavrov heads to Mali: the data behind the story</h1>",
        "<p>The New York Times reported on 6 February 2023 that Russia's foreign minister, "
        "Sergey Lavrov, was travelling to Mali on his third African tour in about six months. "
        "This site checks the story's numbers against sourced data: SIPRI's arms-transfer "
        "exports, and hand-built tables of Wagner deployments, Sahel events and Lavrov's "
        "itineraries, each row citing its source.</p>",
    ]
    for page, name, summary in entries:
        parts.append(f"<section>{summary}<p><a href='{html.escape(page)}'>Read the notebook "
                     f"({html.escape(name)})</a></p></section>")
    parts.append("</body></html>\n")
    return "\n".join(parts)


def build_report(build_dir: Path = BUILD_DIR) -> int:
    """Run every notebook and swap in the new site; exit code 1 if any notebook failed."""
    build_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=build_dir))
    charts = staging / "charts"
    site = staging / "site"
    charts.mkdir()
    site.mkdir()
    entries = []
    try:
        for path in notebooks():
            start = time.perf_counter()
            print(f"running {path.name} ...", file=sys.stderr, flush=True)
            nb = execute(path)
            slug = path.stem
            (site / f"{slug}.html").write_text(to_html(nb, slug), encoding="utf-8")
            export_charts(nb, slug, charts)
            entries.append((f"{slug}.html", path.name, summary_html(nb)))
            print(f"done    {path.name} ({time.perf_counter() - start:.1f} s)", file=sys.stderr)
        (site / "index.html").write_text(index_html(entries), encoding="utf-8")
    except NotebookFailed as exc:
        shutil.rmtree(staging)
        print(f"failed  {exc}\nThe previous site in {build_dir.relative_to(ROOT)}/site is "
              "unchanged.", file=sys.stderr)
        return 1
    for name in ("site", "charts"):
        old = build_dir / name
        if old.exists():
            shutil.rmtree(old)
        (staging / name).rename(old)
    shutil.rmtree(staging)
    print(f"wrote {build_dir / 'site' / 'index.html'}", file=sys.stderr)
    return 0
