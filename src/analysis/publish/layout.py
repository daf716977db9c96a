"""One site: the header, footer and type every page shares (the index, the ledger, the sources
and corrections pages, both forms of every notebook page, and pages one folder down such as
``countries/ISO3.html``).

- :func:`header`: the story, the ledger, the notebooks, the country pages (when the site has
  them), sources, corrections and the data, and the search box (:mod:`.search`); every link
  relative to the page's folder, so a page at any depth finds home (:func:`root_of`).
- :func:`footer`: which commit on which date the site was built from, the data's vintages and
  when the sources were last read, how to cite it, the licences. Everything in it is read from
  git, ``data/sources.csv``, ``data/datapackage.json`` and ``CITATION.cff`` (:func:`site_info`):
  nothing is invented, and nothing depends on the clock, so a rebuild gives the same bytes.
- :data:`CSS`: a readable measure (about 70 characters a line), tables that scroll inside their
  box on a phone, and a print stylesheet.
"""

import html
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from analysis.publish import search

# (label, target relative to the site's root, the file whose presence shows the link or None
# for always). "Countries" (the index's grid of the country pages) appears once they exist.
COUNTRY_PAGES = "country pages"  # in SiteInfo.pages when the site has them
NAV = (
    ("The story", "index.html", None),
    ("Fact-check ledger", "ledger.html", None),
    ("Notebooks", "index.html#notebooks", None),
    ("Countries", "index.html#countries", COUNTRY_PAGES),
    ("Sources", "sources.html", None),
    ("Corrections", "corrections.html", None),
    ("Data", "data.html", None),
)

CSS = """
.site-header,.site-footer{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;
font-size:15px;line-height:1.45;color:#222}
.site-header{border-bottom:1px solid #ccc;padding:.5rem 1rem;background:#fafafa}
.site-header nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.2rem 1.1rem}
.site-header .site-title{font-weight:700;margin:0 0 .2rem}
.site-header a,.site-footer a,#site-search-results a{color:#005a8c;text-decoration:underline}
.site-header a[aria-current]{font-weight:700;color:#222}
.site-footer{border-top:1px solid #ccc;margin-top:3rem;padding:1rem;background:#fafafa}
.site-footer p,.site-footer dl{max-width:70ch;margin:.3rem 0}
.site-footer dt{font-weight:600}.site-footer dd{margin:0 0 .4rem 0}
.site-footer .cite{font-family:ui-monospace,monospace;font-size:13px;white-space:pre-wrap}
main p,main li,main dd{max-width:70ch}
.scroll{overflow-x:auto;max-width:100%}
.jp-RenderedHTMLCommon{overflow-x:auto}
body.jp-Notebook main{max-width:64rem;margin:0 auto}
.site-search{margin:.4rem 0 0}.site-search input{font-size:1rem;padding:.15rem .4rem;
width:16rem;max-width:100%;margin-left:.3rem}
#site-search-results{max-width:70ch}#site-search-results ol{margin:.3rem 0;padding-left:1.4rem}
#site-search-results li{margin:.25rem 0}.search-snippet{color:#444;font-size:.9em}
.chart-files{font-family:system-ui,sans-serif;font-size:14px;margin:.2rem 0 1rem}
main>.params{font-family:system-ui,sans-serif;font-size:14px;background:#f4f4f4;
padding:.3rem .6rem;margin:.6rem 0}
.jp-OutputArea-child{flex-wrap:wrap}
.jp-OutputArea-child>.chart-files{flex:0 0 100%;display:table-caption;caption-side:bottom}
.chart-files a{margin-right:.9rem;color:#005a8c;text-decoration:underline}
@media print{
.site-header nav,.site-search,.chart-files{display:none}
.site-footer{background:none;border-top:1px solid #000}
a{color:#000}
main a[href^='http']::after{content:' (' attr(href) ')';font-size:90%;word-break:break-all}
.scroll{overflow:visible}
body{max-width:none}
}
"""


@dataclass(frozen=True)
class SiteInfo:
    """What the footer states, every item read from a file or from git (see :func:`site_info`).

    ``commit``/``commit_date``: the commit the site was built from and its date (None outside
    a git checkout, and said so); ``vintages``: the dates of the data exports the derived
    tables were computed from; ``accessed``: the latest day a source was read; ``citation``:
    the citation line and ``authors`` (from ``CITATION.cff``); ``licences``: (what, licence)
    pairs; ``pages``: the optional pages the site has (e.g. ``COUNTRY_PAGES``).
    """

    commit: str | None = None
    commit_date: str | None = None
    vintages: tuple[str, ...] = ()
    accessed: str | None = None
    citation: str = ""
    licences: tuple[tuple[str, str], ...] = ()
    authors: tuple[str, ...] = ()
    pages: frozenset[str] = field(default_factory=frozenset)  # optional pages that exist


def root_of(page: str) -> str:
    """The relative path from ``page`` (relative to the site's root) back to the root.

    >>> root_of("index.html"), root_of("countries/MLI.html")
    ('', '../')
    """
    return "../" * (len(PurePosixPath(page).parts) - 1)


def header(page: str, info: SiteInfo) -> str:
    """The site's header for ``page`` (a path relative to the site's root), links relative."""
    root = root_of(page)
    items = []
    for label, target, needs in NAV:
        if needs is not None and needs not in info.pages:
            continue
        current = " aria-current='page'" if target == page else ""
        items.append(f"<li><a href='{html.escape(root + target)}'{current}>"
                     f"{html.escape(label)}</a></li>")
    return ("<header class='site-header'><p class='site-title'>"
            f"<a href='{html.escape(root)}index.html'>Lavrov heads to Mali: the data behind "
            "the story</a></p><nav aria-label='Site'><ul>" + "".join(items)
            + f"</ul></nav>{search.form(root)}</header>")


def _commit_text(info: SiteInfo) -> str:
    if info.commit is None:
        return "Built outside a git checkout: no commit recorded."
    return (f"Built from commit <code>{html.escape(info.commit[:12])}</code> of "
            f"{html.escape(info.commit_date or '?')}.")


def footer(page: str, info: SiteInfo) -> str:
    """The site's footer: build, data as of, how to cite, licences."""
    root = root_of(page)
    vintages = ", ".join(html.escape(v) for v in info.vintages) or "none recorded"
    accessed = html.escape(info.accessed or "not recorded")
    licences = "; ".join(f"{html.escape(what)}: {html.escape(lic)}"
                         for what, lic in info.licences)
    return ("<footer class='site-footer'><p>" + _commit_text(info) + "</p>"
            f"<p>Data as of: exports of {vintages}; sources last read {accessed} (each "
            f"source's dates are on <a href='{root}sources.html'>the sources page</a>).</p>"
            "<dl><dt>How to cite</dt>"
            f"<dd class='cite'>{html.escape(info.citation)}</dd>"
            f"<dt>Licences</dt><dd>{licences}</dd></dl></footer>" + search.scripts(root))


def page(title: str, body: str, page_path: str, info: SiteInfo, css: str = "") -> str:
    """A whole page of the site's own (not a notebook's): head, header, ``<main>``, footer."""
    return ("<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
            "<meta name='viewport' content='width=device-width, initial-scale=1'>"
            f"<title>{html.escape(title)}</title><style>{css}{CSS}</style></head>"
            f"<body>{header(page_path, info)}<main>\n{body}\n</main>"
            f"{footer(page_path, info)}</body></html>\n")


_BODY_OPEN = re.compile(r"<body[^>]*>")


def decorate(notebook_page: str, page_path: str, info: SiteInfo) -> str:
    """A notebook page (nbconvert's) with the site's CSS, header and footer."""
    out = notebook_page.replace("</head>", f"<style>{CSS}</style>\n</head>", 1)
    m = _BODY_OPEN.search(out)
    if m is None:
        raise ValueError(f"{page_path}: no <body> to put the site's header in")
    out = out[:m.end()] + "\n" + header(page_path, info) + out[m.end():]
    at = out.rfind("</body>")
    return out[:at] + footer(page_path, info) + "\n" + out[at:]


def scrolling(table: str, label: str) -> str:
    """A wide table in a box that scrolls sideways on a narrow screen (focusable, labelled, so
    a keyboard can scroll it)."""
    return (f"<div class='scroll' role='region' tabindex='0' aria-label='{html.escape(label)}'>"
            f"{table}</div>")


def git_commit(root) -> tuple[str | None, str | None]:
    """(commit hash, its date YYYY-MM-DD) of the checkout at ``root``, or (None, None)."""
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%H %cs"], cwd=root,
                             capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None, None
    parts = out.stdout.split()
    return (parts[0], parts[1]) if out.returncode == 0 and len(parts) == 2 else (None, None)
