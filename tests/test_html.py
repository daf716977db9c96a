"""analysis.publish.html: what it changes in nbconvert's pages, and the code colours' contrast."""

import re

import pytest

from analysis.charts.colour import contrast_ratio
from analysis.publish import html


def test_code_style_colours_reach_4_5_to_1_on_the_code_background():
    css = html.code_css()
    colours = set(re.findall(r"(?<![-\w])color: (#[0-9A-Fa-f]{6})", css))
    assert colours, css[:200]
    weak = {c: round(contrast_ratio(c, html.CODE_BACKGROUND), 2) for c in colours
            if contrast_ratio(c, html.CODE_BACKGROUND) < 4.5}
    assert not weak, weak
    assert "var(--jp-mirror-editor" not in css  # every variable resolved


def test_clean_page_strips_pandas_scoped_style_and_fills_empty_headers():
    page = ('<style scoped>\n    .dataframe tbody tr th {\n        vertical-align: top;\n    }\n'
            '</style>\n<table border="1" class="dataframe"><thead><tr><th></th><th>a</th></tr>'
            '<tr><th>idx</th><th></th></tr></thead><tbody><tr><th>x</th><td>1</td></tr>'
            '</tbody></table><table><tr><th></th></tr></table>')
    out = html.clean_page(page)
    assert "scoped" not in out
    assert out.count("<td></td>") == 2
    assert "<th>idx</th>" in out and "<th>a</th>" in out
    assert out.endswith("<table><tr><th></th></tr></table>")  # only DataFrame tables


def test_clean_page_replaces_jupyterlab_code_colours():
    page = f"<head><style>{html._jupyter_css()}</style></head><div class=\"highlight\"></div>"
    out = html.clean_page(page)
    assert html._jupyter_css() not in out and html.code_css() in out


@pytest.mark.parametrize("bad, good", [
    ("box-shadow: '0px 4px 4px rgba(0, 0, 0, 0.25)';",
     "box-shadow: 0px 4px 4px rgba(0, 0, 0, 0.25);"),
    ("overflow: overlay;", "overflow: auto;"),
])
def test_clean_page_fixes_the_lab_css_the_checker_rejects(bad, good):
    assert html.clean_page(f".a {{\n  {bad}\n}}") == f".a {{\n  {good}\n}}"


def test_clean_page_cleans_a_head_once_whatever_its_title():
    """Pages differ in their head by the title alone: the rest is cleaned once, and each page
    keeps its own title, its code colours and the fixed CSS."""
    css = f"<style>{html._jupyter_css()}\n.a {{\n  overflow: overlay;\n}}</style>"
    html._clean_head.cache_clear()
    pages = [html.clean_page(f"<head><meta charset=\"utf-8\">\n<title>{t}</title>\n{css}</head>"
                             "<body><div class=\"highlight\"></div></body>")
             for t in ("Mali", "Angola &amp; more", "Mali")]
    assert html._clean_head.cache_info().misses == 1
    assert [p.count(f"<title>{t}</title>") for p, t in
            zip(pages, ("Mali", "Angola &amp; more", "Mali"), strict=True)] == [1, 1, 1]
    for page in pages:
        assert html._jupyter_css() not in page and html.code_css() in page
        assert "overflow: auto;" in page and "\x00" not in page
    assert pages[0] == pages[2]
