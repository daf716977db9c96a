"""Notebook pages: a notebook as an offline HTML page for reviewers (with code) or editors
(without), its summary for the index, and the note that names a parameterised run's parameters."""

import functools
import json
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent / "templates"


def editors_copy(nb):
    """No code, and only outputs a reader wants: tables (HTML), charts (PNG) and paragraphs
    written from the data (markdown, :func:`analysis.charts.prose.say`)."""
    import copy

    out = copy.deepcopy(nb)
    for cell in out.cells:
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.get("outputs", [])
                            if {"image/png", "text/html", "text/markdown"} & set(o.get("data", {}))]
    return out


@functools.cache
def _exporter(with_code: bool):
    """One exporter per page kind, kept: its Jinja templates are compiled once per process
    (compiling them is a quarter of rendering a page), not once per page. An exporter holds
    per-page state while it renders, so pages are rendered by one thread at a time (the build
    has one render thread); ``tests/test_report.py`` checks that a kept exporter renders a
    page exactly as a fresh one does."""
    from nbconvert import HTMLExporter
    from nbconvert.filters.strings import clean_html

    return HTMLExporter(template_name="offline", extra_template_basedirs=[str(TEMPLATES)],
                        exclude_input=not with_code, exclude_input_prompt=not with_code,
                        exclude_output_prompt=not with_code,
                        filters={"clean_html": functools.lru_cache(maxsize=MEMO)(clean_html)})


# Filters remembered by their input: the 54 runs of a notebook run once per country share every
# cell but the parameters, and highlighting and sanitising a cell's code are two thirds of
# rendering a page. Pure functions of their input (same input, same bytes), bounded.
MEMO = 4096


@functools.cache
def _highlighter(lexer: str | None, with_code: bool):
    """nbconvert's code highlighter for ``lexer``, remembering what it highlighted."""
    from nbconvert.filters.highlight import Highlight2HTML

    highlight = Highlight2HTML(pygments_lexer=lexer, parent=_exporter(with_code))

    @functools.lru_cache(maxsize=MEMO)
    def remembered(source: str, language, metadata_json: str) -> str:
        return highlight(source, language, json.loads(metadata_json))

    def highlight_code(source, language=None, metadata=None):
        return remembered(str(source), language,
                          json.dumps(metadata, sort_keys=True, default=str))

    return highlight_code


def to_html(nb, title: str, *, with_code: bool = True) -> str:
    """One notebook as an offline HTML page (lab template without any CDN script)."""
    exporter = _exporter(with_code)
    # The lexer nbconvert would pick for this notebook (HTMLExporter.from_notebook_node).
    langinfo = nb.metadata.get("language_info", {})
    lexer = langinfo.get("pygments_lexer", langinfo.get("name", None))
    exporter.filters = {**exporter.filters, "highlight_code": _highlighter(lexer, with_code)}
    body, _ = exporter.from_notebook_node(
        nb if with_code else editors_copy(nb), resources={"metadata": {"name": title}})
    from analysis.publish.html import clean_page

    return clean_page(body)  # what the HTML and accessibility validators reject, fixed


def summary_html(nb) -> str:
    """The notebook's first markdown cell (question and answer), rendered."""
    from nbconvert.filters.markdown import markdown2html

    first = next((c for c in nb.cells if c.get("cell_type") == "markdown"), None)
    return markdown2html(first.source) if first else ""


def params_note(params: dict) -> str:
    """A line saying which parameters produced a page (escaped)."""
    import html

    if not params:
        return ""
    given = ", ".join(f"{k} = {v!r}" for k, v in sorted(params.items()))
    return f"<p class='params'>Run with parameters: <code>{html.escape(given)}</code></p>"


def page_with_note(body: str, note: str) -> str:
    """Insert the parameters note at the top of a page's <main>."""
    return body.replace("<main>", "<main>\n" + note, 1) if note else body
