"""Search that works offline, from ``file://`` as from a server: a box in every page's header
finds words across the site (claims, findings, sources, tables, country names).

At build time the written pages are cut into sections (at each heading or section with an id),
their text indexed with lunr.py (PyPI) in lunr.js's format, and written to ``search/index.js``
as a plain script (``window.SITE_SEARCH = ...``): a page loads it with ``<script src>``, as
``file://`` allows, never with fetch(). lunr.js itself comes from npm (``package-lock.json``,
``node_modules/lunr/lunr.min.js``), copied beside it; ``search.js`` (in ``templates/``) runs
the query and lists the sections found. ``?q=word`` in a page's address searches on load.

What is indexed: every page but the editors' copies of the notebook pages (the reviewers'
pages hold the same prose), without code cells, scripts, the header and the footer. Pages,
sections and terms go in sorted order: the same pages give the same index.

Remembered across builds (``memo``, a folder in the build's cache): each page's sections by the
hash of its bytes, and the index script by the hash of all the sections. Both are pure functions
of their input, so a page whose bytes did not change is not parsed again, and pages whose
indexed text did not change (a code cell edited: code is not indexed) give the same index
without running lunr again. Only the entries this build used are kept.
"""

import hashlib
import json
import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

from analysis.contract.paths import ROOT

SEARCH = "search"  # the site's folder for the search's scripts
LUNR_JS = ROOT / "node_modules" / "lunr" / "lunr.min.js"
SCRIPT = Path(__file__).resolve().parent / "templates" / "search.js"
SKIP_TAGS = {"script", "style", "header", "footer", "nav", "template", "button"}
# Code cells' source (the editor), the In/Out prompts and the search box itself; markdown cells
# sit in a jp-InputArea too, and are indexed.
SKIP_CLASSES = {"jp-InputArea-editor", "jp-InputPrompt", "jp-OutputPrompt", "site-search"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
SECTION_TAGS = {"section", "h1", "h2", "h3"}


class SearchError(FileNotFoundError):
    """What the search needs is missing (names the file and how to get it; the command line
    prints it as one line)."""


class _Sections(HTMLParser):
    """A page's text, cut at every heading or section that has an id."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []  # per open element: is it skipped?
        self.sections: list[dict] = [{"anchor": "", "title": [], "text": []}]
        self.heading = 0
        self.page_title: list[str] = []
        self.in_title = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = set((a.get("class") or "").split())
        skipped = (bool(self.stack) and self.stack[-1]) or tag in SKIP_TAGS or bool(
            classes & SKIP_CLASSES)
        if tag == "title":
            self.in_title = True
        if not skipped and tag in SECTION_TAGS and a.get("id"):
            self.sections.append({"anchor": a["id"], "title": [], "text": []})
        if not skipped and tag in ("h1", "h2", "h3"):
            self.heading += 1
        if tag not in VOID:
            self.stack.append(skipped)

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if tag in ("h1", "h2", "h3") and self.heading and not (self.stack and self.stack[-1]):
            self.heading -= 1
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if self.in_title:
            self.page_title.append(data)
            return
        if self.stack and self.stack[-1]:
            return
        current = self.sections[-1]
        current["text"].append(data)
        if self.heading and len(" ".join(current["title"])) < 200:
            current["title"].append(data)


def _clean(parts: list[str]) -> str:
    return " ".join(" ".join(parts).replace("¶", " ").split())


# A code cell's highlighted source: inside an editor (skipped), so never indexed, but three
# fifths of a notebook page's tags, one Python call each in the parser. Emptied before parsing;
# the sections are the same (tests/test_search.py compares both ways on the built pages). A
# page the pattern does not fit is parsed whole, as before.
_EDITOR_CODE = re.compile(r'(<div class="[^"]*\bjp-InputArea-editor\b[^"]*"[^>]*>\s*'
                          r'<div class="[^"]*">\s*<div class="highlight[^"]*"><pre>)(.*?)(</pre>)',
                          re.S)


def page_sections(page: str) -> list:
    """``[page title, [[anchor, section title, text], ...]]`` of one page (sections with
    text only)."""
    return _parsed(_EDITOR_CODE.sub(r"\1\3", page))


def _parsed(page: str) -> list:
    """:func:`page_sections` of ``page`` as it is, every tag parsed."""
    parser = _Sections()
    parser.feed(page)
    page_title = _clean(parser.page_title)
    return [page_title, [[s["anchor"], _clean(s["title"]), text] for s in parser.sections
                         if (text := _clean(s["text"]))]]


def keyed_sections(content: bytes, memo: dict | None = None) -> tuple[str, list]:
    """A page's key in the memo (the sha-256 of its bytes) and its :func:`page_sections`,
    taken from ``memo`` when there."""
    key = hashlib.sha256(content).hexdigest()
    return key, (memo or {}).get(key) or page_sections(content.decode("utf-8"))


def documents(site: Path, memo: dict | None = None, used: dict | None = None) -> list[dict]:
    """The sections of every indexed page: id, url (relative to the site's root), the page's
    title, the section's title and its text.

    ``memo``: :func:`page_sections` by the sha-256 of a page's bytes (read, not changed);
    ``used``: filled with the entries of the pages read."""
    docs = []
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        if rel.endswith(".editors.html"):
            continue
        key, parsed = keyed_sections(page.read_bytes(), memo)
        if used is not None:
            used[key] = parsed
        page_title, sections = parsed
        for anchor, title, text in sections:
            url = rel + (f"#{anchor}" if anchor else "")
            docs.append({"id": str(len(docs)), "url": url, "page": page_title,
                         "title": title or page_title, "text": text})
    return docs


def index_script(docs: list[dict]) -> str:
    """``search/index.js``: the lunr index and what a result shows, as one script."""
    from lunr import lunr

    index = lunr(ref="id", fields=[{"field_name": "title", "boost": 5}, "text"], documents=docs)
    shown = {d["id"]: {"url": d["url"], "page": d["page"], "title": d["title"],
                       "text": d["text"][:300]} for d in docs}
    payload = json.dumps({"index": index.serialize(), "docs": shown}, ensure_ascii=False,
                         sort_keys=True, separators=(",", ":"))
    payload = payload.replace("<", "\\u003c")
    return f"window.SITE_SEARCH = {payload};\n"


def _recall(path: Path) -> dict:
    """A memo file's entries; a missing or unreadable one is an empty memo (it is rebuilt)."""
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def _keep(path: Path, entries: dict) -> None:
    """Write a memo file whole or not at all (a stopped build never leaves half of one)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(entries, sort_keys=True, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)


def write_search(site: Path, memo: Path | None = None, known: dict | None = None) -> None:
    """``site/search/``: lunr.js (from node_modules), the index of the pages written so far,
    and the script that runs a query. Call it once every page is written. ``memo``: a folder
    where what was computed is remembered for the next build (see the module's docstring);
    ``known``: :func:`page_sections` of pages already parsed, by the sha-256 of their bytes."""
    if not LUNR_JS.is_file():
        raise SearchError(f"{LUNR_JS.relative_to(ROOT)} is missing: run `make node_modules` "
                          "(npm ci from package-lock.json), which installs lunr.js")
    out = site / SEARCH
    out.mkdir(exist_ok=True)
    shutil.copyfile(LUNR_JS, out / "lunr.min.js")
    shutil.copyfile(SCRIPT, out / "search.js")
    used: dict = {}
    docs = documents(site, {**(_recall(memo / "pages.json") if memo else {}), **(known or {})},
                     used)
    key = hashlib.sha256(json.dumps(docs, sort_keys=True).encode()).hexdigest()
    script = (_recall(memo / "index.json") if memo else {}).get(key) or index_script(docs)
    (out / "index.js").write_text(script, encoding="utf-8")
    if memo:
        _keep(memo / "pages.json", used)
        _keep(memo / "index.json", {key: script})


def form(root: str) -> str:
    """The search box every header carries; its scripts load at the end of the page."""
    return (f"<form class='site-search' role='search' id='site-search' data-root='{root}' "
            "action='#'><label for='site-search-q'>Search the site</label> "
            "<input type='search' id='site-search-q' name='q' autocomplete='off'>"
            "<div id='site-search-results' aria-live='polite'></div></form>")


def scripts(root: str) -> str:
    return "".join(f"<script src='{root}{SEARCH}/{name}'></script>"
                   for name in ("lunr.min.js", "index.js", "search.js"))
