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
