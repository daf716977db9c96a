"""Search that works offline: the index is built at build time from the written pages (no code
cells, header or footer), in the same bytes every time, loaded by <script src> (no fetch), and
in a real browser opened from file:// a query finds a word on exactly the pages that hold it."""

import re

import pytest

from analysis.publish import search

RESULT = re.compile(r'<li><a href="([^"]+)">')


def test_sections_skip_code_header_footer_and_scripts(tmp_path):
    (tmp_path / "p.html").write_text(
        "<html><head><title>Page</title><script>var hidden = 'scriptword';</script></head>"
        "<body><header class='site-header'>headerword</header><main>"
        "<h1 id='top'>Top</h1><p>intro alpha</p>"
        "<div class='jp-InputArea jp-Cell-inputArea'><div class='jp-InputPrompt'>In [1]:</div>"
        "<div class='jp-CodeMirrorEditor jp-InputArea-editor'><pre>codeword = 1</pre></div>"
        "</div><img alt='x'><div class='jp-InputArea jp-Cell-inputArea'>"
        "<div class='jp-RenderedMarkdown'><p>markdownword</p></div></div>"
        "<section id='s2'><h2>Second</h2><p>beta <b>gamma</b></p></section>"
        "</main><footer class='site-footer'>footerword</footer></body></html>",
        encoding="utf-8")
    (tmp_path / "p.editors.html").write_text("<html><body>editorsword</body></html>")
    docs = search.documents(tmp_path)
    assert [(d["url"], d["title"]) for d in docs] == [("p.html#top", "Top"),
                                                     ("p.html#s2", "Second")]
    text = " ".join(d["text"] for d in docs)
    assert "alpha" in text and "gamma" in text and "markdownword" in text
    assert "In [1]" not in text
    for word in ("scriptword", "headerword", "footerword", "codeword", "editorsword"):
        assert word not in text


def test_the_index_is_a_script_with_no_fetch_and_the_same_bytes_twice(rendered_site):
    out = rendered_site / "search"
    assert sorted(p.name for p in out.iterdir()) == ["index.js", "lunr.min.js", "search.js"]
    first = (out / "index.js").read_bytes()
    assert first.startswith(b"window.SITE_SEARCH = ")
    assert search.index_script(search.documents(rendered_site)).encode() == first
    assert "fetch(" not in (out / "search.js").read_text(encoding="utf-8")
    for page in rendered_site.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "<script src='search/index.js'></script>" in text, page.name
        assert "id='site-search-q'" in text, page.name


def test_a_build_without_lunr_js_says_how_to_get_it(tmp_path, monkeypatch):
    monkeypatch.setattr(search, "LUNR_JS", search.ROOT / "node_modules" / "nope" / "lunr.js")
    with pytest.raises(search.SearchError, match="make node_modules"):
        search.write_search(tmp_path)


def test_a_notebook_pages_findings_are_indexed_under_their_headings(rendered_site):
    docs = [d for d in search.documents(rendered_site) if d["url"].startswith("05-un-votes.html")]
    assert len(docs) > 3  # cut at the notebook's headings, not one lump
    assert any("Eritrea" in d["text"] for d in docs if "#" in d["url"])
    assert not any("load_table(" in d["text"] for d in docs)  # code is not indexed


def test_code_emptied_before_parsing_leaves_every_pages_sections_as_they_were(rendered_site):
    """Code cells' highlighted source is emptied before a page is parsed (it is never
    indexed): on every page the site writes, the sections are those of the whole page, and on
    the notebook pages the shortcut did apply (else this test would prove nothing)."""
    applied = 0
    for page in sorted(rendered_site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        assert search.page_sections(text) == search._parsed(text), page.name
        applied += bool(search._EDITOR_CODE.search(text))
    assert applied >= 7  # the notebooks' reviewers' pages, each with code cells


def _pages_holding(site, word: str) -> set[str]:
    return {d["url"].split("#")[0] for d in search.documents(site)
            if re.search(rf"\b{word}", d["text"], re.I)}


@pytest.mark.slow
def test_search_from_file_url_finds_a_word_on_the_pages_that_hold_it(rendered_site, tmp_path):
    """In the project's Chromium (tests/browser.py), from file://, with nothing fetched."""
    from browser import browse

    words = ["Barkhane", "Eritrea", "Wagner"]
    start = rendered_site / "corrections.html"
    seen = browse([f"{start}?q={w}" for w in words], tmp_path, dom=True)
    assert len(seen) == len(words)
    for word, (_, result) in zip(words, sorted(seen.items(), key=lambda kv: kv[1]["shot"]),
                                 strict=True):
        assert result["console"] == [] and result["requests"] == [], result
        expected = _pages_holding(rendered_site, word)
        assert expected, f"no page holds {word!r}: pick another word"
        box = re.search(r'<div id="site-search-results"[^>]*>(.*?)</div>', result["dom"], re.S)
        assert box and "found" in box.group(1), (word, box and box.group(1)[:300])
        hrefs = RESULT.findall(box.group(1))
        found = {h.split("#")[0] for h in hrefs}
        every = "shown)" not in box.group(1)  # otherwise the first 20 of more
        assert found <= expected and (found == expected or not every), (word, found, expected)
        assert all((rendered_site / h.split("#")[0]).exists() for h in hrefs), hrefs


@pytest.mark.slow
def test_search_from_a_page_one_folder_down_links_back_up(rendered_site, tmp_path):
    """Country pages live in countries/: the box's results climb to the root."""
    import shutil

    from browser import browse

    from analysis.publish import layout
    from analysis.publish.siteinfo import site_info

    site = tmp_path / "site"
    shutil.copytree(rendered_site, site)
    (site / "countries").mkdir()
    page = site / "countries" / "MLI.html"
    page.write_text(layout.page("Mali", "<h1>Mali</h1>", "countries/MLI.html", site_info()),
                    encoding="utf-8")
    seen = browse([f"{page}?q=Barkhane"], tmp_path / "shots", dom=True)
    (result,) = seen.values()
    assert result["console"] == [] and result["requests"] == [], result
    box = re.search(r'<div id="site-search-results"[^>]*>(.*?)</div>', result["dom"], re.S)
    hrefs = RESULT.findall(box.group(1))
    assert hrefs and all(h.startswith("../") for h in hrefs), hrefs
    assert all((page.parent / h.split("#")[0]).resolve().exists() for h in hrefs), hrefs


def _page(tmp_path, prose: str, code: str) -> None:
    (tmp_path / "a.html").write_text(
        "<html><head><title>A</title></head><body><main><h1 id='top'>Top</h1>"
        f"<p>{prose}</p><div class='jp-InputArea-editor'><pre>{code}</pre></div>"
        "</main></body></html>", encoding="utf-8")


def test_the_memo_gives_the_same_index_and_skips_what_did_not_change(tmp_path, monkeypatch):
    site, memo = tmp_path / "site", tmp_path / "memo"
    site.mkdir()
    _page(site, "alpha words", "x = 1")
    search.write_search(site)
    plain = (site / "search" / "index.js").read_bytes()
    search.write_search(site, memo)
    assert (site / "search" / "index.js").read_bytes() == plain
    # the code cell edited: its bytes changed (parsed again), its indexed text did not (no lunr)
    _page(site, "alpha words", "x = 2  # edited")
    real = search.index_script
    monkeypatch.setattr(search, "index_script", lambda docs: pytest.fail("lunr ran again"))
    search.write_search(site, memo)
    assert (site / "search" / "index.js").read_bytes() == plain
    # the prose changed: the index is built anew, as without a memo
    monkeypatch.setattr(search, "index_script", real)
    _page(site, "beta words", "x = 2")
    search.write_search(site, memo)
    fresh = search.index_script(search.documents(site))
    assert (site / "search" / "index.js").read_text(encoding="utf-8") == fresh != plain.decode()
    assert len(search._recall(memo / "pages.json")) == 1  # only what this build used is kept


def test_a_memo_that_cannot_be_read_is_rebuilt(tmp_path):
    site, memo = tmp_path / "site", tmp_path / "memo"
    site.mkdir()
    memo.mkdir()
    _page(site, "alpha words", "x = 1")
    (memo / "pages.json").write_text("{not json", encoding="utf-8")
    (memo / "index.json").write_text("[]", encoding="utf-8")
    search.write_search(site, memo)
    assert (site / "search" / "index.js").read_text(encoding="utf-8") == search.index_script(
        search.documents(site))
    assert search._recall(memo / "pages.json")  # written whole again
