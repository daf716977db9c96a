"""One site: every page (index, ledger, sources, corrections, both forms of every notebook page)
carries the same header and footer, links home and to the ledger, and every relative link
lands on a file and, with a fragment, on an id; a page one folder down gets links that climb;
the footer's facts come from git and the committed files."""

import html
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from analysis.contract.paths import ROOT
from analysis.publish import layout
from analysis.publish.siteinfo import CitationError, citation_text, read_citation, site_info

HREF = re.compile(r"""<a\b[^>]*\bhref=(["'])([^"']*)\1""")
ID = re.compile(r"""\bid=(["'])([^"']*)\1""")


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def _header(text: str) -> str:
    m = re.search(r"<header class='site-header'>.*?</header>", text, re.S)
    assert m, "no site header"
    return m.group(0)


def test_every_page_has_the_header_and_footer_and_links_home_and_to_the_ledger(rendered_site):
    pages = _pages(rendered_site)
    names = {p.name for p in pages}
    assert {"index.html", "ledger.html", "sources.html", "corrections.html"} <= names
    assert any(n.endswith(".editors.html") for n in names) and len(pages) >= 16
    headers = set()
    for page in pages:
        text = page.read_text(encoding="utf-8")
        head = _header(text)
        hrefs = [h for _, h in HREF.findall(head)]
        assert "index.html" in hrefs and "ledger.html" in hrefs, page.name
        assert text.count("<footer class='site-footer'>") == 1, page.name
        assert "How to cite" in text and "Data as of" in text, page.name
        headers.add(re.sub(r" aria-current='page'", "", head))
    assert len(headers) == 1, "the header differs between pages"


def test_every_relative_link_lands_on_a_file_and_its_anchor(rendered_site):
    """Every link lands; the test site renders one country page (Mali's), so a link to another
    country's page must name one the build writes: an African UN member's, by the plan."""
    from analysis.report.plan import each_value

    members = {f"country-{iso3}.html" for iso3 in each_value("unga_votes", "iso3")}
    assert len(members) == 54
    ids = {p: {html.unescape(i) for _, i in ID.findall(p.read_text(encoding="utf-8"))}
           for p in _pages(rendered_site)}
    broken = []
    for page in ids:
        for _, href in HREF.findall(page.read_text(encoding="utf-8")):
            parts = urlsplit(html.unescape(href))
            if parts.scheme or href.startswith("//"):
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if not target.exists() and not (target.name in members and not parts.fragment):
                broken.append(f"{page.name}: {href}")
            elif parts.fragment and target.suffix == ".html" and not (
                    {parts.fragment, unquote(parts.fragment)} & ids.get(target, set())):
                # a browser looks for the fragment as written, then percent-decoded
                broken.append(f"{page.name}: {href} (no such id)")
    assert not broken, "\n".join(broken[:20])


def test_a_page_one_folder_down_climbs_to_the_root():
    info = layout.SiteInfo(citation="A (2026). T.", pages=frozenset({layout.COUNTRY_PAGES}))
    head = layout.header("countries/MLI.html", info)
    hrefs = [h for _, h in HREF.findall(head)]
    assert "../index.html" in hrefs and "../ledger.html" in hrefs
    assert "../index.html#countries" in hrefs
    assert "../sources.html" in layout.footer("countries/MLI.html", info)
    assert "index.html#countries" in layout.header("country-MLI.html", info)
    # without the country pages there is no Countries link to a missing page
    assert "Countries" not in layout.header("index.html", layout.SiteInfo())
    assert "aria-current='page'" in layout.header("ledger.html", info)


def test_notebook_page_gets_header_css_and_footer_and_a_page_without_body_is_named():
    page = "<html><head><title>x</title></head><body class='jp-Notebook'><main>m</main></body>"
    out = layout.decorate(page, "01-x.html", layout.SiteInfo(citation="c"))
    assert out.index("<header") < out.index("<main>") < out.index("<footer")
    assert ".scroll{" in out and "@media print" in out
    with pytest.raises(ValueError, match="01-x.html: no <body>"):
        layout.decorate("<p>no body</p>", "01-x.html", layout.SiteInfo())


def test_footer_facts_come_from_git_the_descriptor_sources_and_citation_cff():
    info = site_info()
    assert info.commit is not None and re.fullmatch(r"[0-9a-f]{40}", info.commit)
    assert info.vintages == ("2024-10-13", "2025-03-13")  # the SIPRI exports' vintages
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", info.accessed)
    meta = read_citation(ROOT / "CITATION.cff")
    assert info.citation.startswith(meta["authors"][0]["name"])
    assert meta["title"] in info.citation and info.commit[:12] in info.citation
    assert any("CC-BY-4.0" in lic for _, lic in info.licences)
    assert citation_text(meta, None, None).endswith("(built outside git: no commit).")


def test_a_citation_file_without_a_title_is_named(tmp_path):
    (tmp_path / "CITATION.cff").write_text("cff-version: 1.2.0\nversion: 1\nauthors: [{name: A}]\n")
    with pytest.raises(CitationError, match="CITATION.cff: no 'title'"):
        read_citation(tmp_path / "CITATION.cff")
    with pytest.raises(CitationError, match="missing"):
        read_citation(tmp_path / "nope" / "CITATION.cff")
