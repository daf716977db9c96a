"""Notebook pages: a notebook as an offline HTML page for reviewers (with code) or editors
(without), its summary for the index, and the note that names a parameterised run's parameters."""

import functools
import json
import re
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent / "templates"


def editors_copy(nb):
    """No code, and only outputs a reader wants: tables (HTML), charts (PNG) and paragraphs
    written from the data (markdown, :func:`analysis.charts.prose.say`).

    A new notebook and new cells; the outputs and everything else are ``nb``'s own objects,
    shared, not copied (the page exporter copies what it renders before changing anything)."""
    import copy

    out = copy.copy(nb)
    out.cells = []
    for cell in nb.cells:
        cell = copy.copy(cell)
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.get("outputs", [])
                            if {"image/png", "text/html", "text/markdown"} & set(o.get("data", {}))]
        out.cells.append(cell)
    return out


# What nbconvert's HTMLExporter adds to the page its template wrote, by parsing the whole page
# with BeautifulSoup (html.parser, pure Python: three fifths of rendering a page) and writing it
# out again: an alt text on images without one, and ``tabindex="0"`` on every cell's input and
# every output, so that a keyboard reaches them; and, as any parse does, class lists written
# with single spaces (the template writes ``class=" highlight hl-ipython3"``). Done here on the
# template's output directly.
NO_ALT = "No description has been provided for this image"
_IMG_WITHOUT_ALT = re.compile(r"<img(?![^>]*\salt=)")
_CLASS = re.compile(r'(<[a-zA-Z][^<>]*?\sclass=")([^"]*)"')
_FOCUSABLE = re.compile(r'(<div class="[^"]*\b(?:jp-Cell-inputWrapper|jp-OutputArea-output)\b'
                        r'[^"]*"[^>]*?)(\s*/?>)')


# A chart's base64 text, which none of the patterns above can match inside (no quote, angle
# bracket or space) but which each would otherwise scan character by character, once per tag
# before it: set aside while they run.
_PAYLOAD = re.compile(r";base64,([A-Za-z0-9+/=]+)")
_PLACE = "\x00"  # not in an HTML page (a NUL is a parse error), never matched above


def focusable(page: str) -> str:
    """``page`` with HTMLExporter's two additions, without its second parse of the page.

    >>> focusable('<div class="jp-Cell-inputWrapper"><img src="a.png"><img alt="x" src="b">')
    '<div class="jp-Cell-inputWrapper" tabindex="0"><img alt="No description has been provided \
for this image" src="a.png"><img alt="x" src="b">'
    >>> focusable('<div class=" highlight  hl-ipython3">')
    '<div class="highlight hl-ipython3">'
    >>> focusable('<img src="data:image/png;base64,QUJD/+=">')
    '<img alt="No description has been provided for this image" \
src="data:image/png;base64,QUJD/+=">'
    """
    if _PLACE in page:  # not HTML, but not ours to refuse: done the slow way
        return _focusable(page)
    parts = _PAYLOAD.split(page)  # text, payload, text, payload, ..., text
    texts = _focusable(f";base64,{_PLACE}".join(parts[0::2])).split(_PLACE)
    return "".join(t + p for t, p in zip(texts, [*parts[1::2], ""], strict=True))


def _focusable(text: str) -> str:
    text = _CLASS.sub(lambda m: m.group(1) + " ".join(m.group(2).split()) + '"', text)
    text = _IMG_WITHOUT_ALT.sub(f'<img alt="{NO_ALT}"', text)
    return _FOCUSABLE.sub(lambda m: m.group(1) + ' tabindex="0"' + m.group(2)
                          if "tabindex=" not in m.group(1) else m.group(0), text)


@functools.cache
def _page_exporter_class():
    from jinja2 import pass_context
    from nbconvert import HTMLExporter
    from nbconvert.exporters.templateexporter import TemplateExporter
    from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter

    class PageExporter(HTMLExporter):
        """HTMLExporter (nbconvert 7), whose ``from_notebook_node`` ends by parsing its page with
        BeautifulSoup to add alt texts and tabindex; here the same additions are made by
        :func:`focusable` (``tests/test_report.py`` checks that the two pages parse to the
        same document). Two more differences, neither changing a byte of the page:

        - a markdown text is rendered once per build (and notebook folder), whichever page
          asks first: the 54 runs of the country notebook share every markdown cell, and a
          run's two pages share the paragraphs its code wrote (``text/markdown`` outputs),
          rendered twice per run otherwise; a cell with attachments is rendered each time
          (its images are its own);
        - the notebook is validated once, after its preprocessors (nbconvert's documented
          ``optimistic_validation``), not after each of them (twelve times a page)."""

        @pass_context
        def markdown2html(self, context, source):
            if context.get("cell", {}).get("attachments"):
                return super().markdown2html(context, source)
            path = context.get("resources", {}).get("metadata", {}).get("path", "")
            return _markdown_memo(self, str(source), path)

        def _preprocess(self, nb, resources):
            """nbconvert's, less its first deep copy of the notebook: ``nb`` is already
            ``from_notebook_node``'s own copy, and ``normalize`` copies it once more before any
            preprocessor changes it (three copies of every page's notebook were made)."""
            import copy

            from nbformat.validator import normalize

            resources = copy.deepcopy(resources)
            _, nbc = normalize(nb)
            preprocessor = None
            for preprocessor in self._preprocessors:
                nbc, resources = preprocessor(nbc, resources)
                if not self.optimistic_validation:
                    self._validate_preprocessor(nbc, preprocessor)
            if self.optimistic_validation and preprocessor is not None:
                self._validate_preprocessor(nbc, preprocessor)
            return nbc, resources

        def from_notebook_node(self, nb, resources=None, **kw):
            if "highlight_code" not in self.filters:
                raise ValueError("PageExporter needs its highlight_code filter (see to_html)")
            resources = self._init_resources(resources)
            self.register_filter("highlight_code", self.filters["highlight_code"])
            self.register_filter("filter_data_type", WidgetsDataTypeFilter(
                notebook_metadata=self._nb_metadata, parent=self, resources=resources))
            page, resources = TemplateExporter.from_notebook_node(self, nb, resources, **kw)
            return focusable(page), resources

    return PageExporter


_MARKDOWN: dict = {}  # (text, folder, the exporter's markdown options) -> HTML, bounded


def _markdown_memo(exporter, text: str, folder: str) -> str:
    """A markdown text as HTML (nbconvert's own ``markdown2html``), remembered by the text, the
    notebook folder and the exporter options that reach markdown, so that a run's page with
    code and its page without share what either rendered first (``exclude_input`` and the
    prompts do not change a paragraph)."""
    from nbconvert import HTMLExporter

    key = (text, folder, exporter.embed_images, exporter.anchor_link_text,
           exporter.exclude_anchor_links, json.dumps(exporter.lexer_options, sort_keys=True))
    html = _MARKDOWN.get(key)
    if html is None:
        html = HTMLExporter.markdown2html(
            exporter, {"cell": {}, "resources": {"metadata": {"path": folder}}}, text)
        if len(_MARKDOWN) >= MEMO:
            del _MARKDOWN[next(iter(_MARKDOWN))]  # the oldest
        _MARKDOWN[key] = html
    return html


@functools.cache
def _exporter(with_code: bool, exporter_class=None):
    """One exporter per page kind, kept: its Jinja templates are compiled once per process
    (compiling them is a quarter of rendering a page), not once per page. An exporter holds
    per-page state while it renders, so pages are rendered by one thread at a time (the build
    has one render thread); ``tests/test_report.py`` checks that a kept exporter renders a
    page exactly as a fresh one does. ``exporter_class``: nbconvert's own HTMLExporter, for
    the test that compares the two (default: :func:`_page_exporter_class`)."""
    from nbconvert.filters.strings import clean_html

    cls = exporter_class or _page_exporter_class()
    return cls(template_name="offline", extra_template_basedirs=[str(TEMPLATES)],
               optimistic_validation=True, exclude_input=not with_code,
               exclude_input_prompt=not with_code, exclude_output_prompt=not with_code,
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


def to_html(nb, title: str, *, with_code: bool = True, exporter_class=None) -> str:
    """One notebook as an offline HTML page (lab template without any CDN script)."""
    exporter = _exporter(with_code, exporter_class)
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
