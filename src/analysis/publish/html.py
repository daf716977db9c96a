"""nbconvert's pages, cleaned so that they pass the Nu HTML Checker and axe-core.

:func:`clean_page` is applied to every notebook page the build writes (reviewers' and editors').
It changes only what the validators reject; the CSS that replaces what it strips lives in the
template (``templates/offline/index.html.j2``):

- the ``<style scoped>`` block pandas puts before every DataFrame table (``scoped`` is not HTML;
  the same three rules are in the template, for every ``.dataframe``);
- empty ``<th>`` cells in DataFrame tables (the corner above the index, and the cells beside
  the index names): a header cell must label something, so an empty one becomes ``<td>``;
- the code highlighting: pygments classes coloured by :func:`code_style`, whose every colour
  is at least 4.5:1 against the code cell's background (JupyterLab's greens and purples are
  not);
- four declarations in JupyterLab's own CSS that no browser understands as written (a quoted
  ``box-shadow``, ``overflow: overlay``, WebKit's ``:horizontal``/``:vertical`` scrollbar
  pseudo-classes); they style JupyterLab's UI, which a static page does not have.

Plain string and regular-expression edits on nbconvert's fixed output, not a second HTML
parse: the pages are large and this runs on every build.
"""

import functools
import re
from functools import cache

from pygments.style import Style

# The code cell's background in JupyterLab's light theme (--jp-cell-editor-background).
CODE_BACKGROUND = "#f5f5f5"
# JupyterLab's light-theme colours for the CSS variables its pygments style uses, each at least
# 4.5:1 against CODE_BACKGROUND (tests/test_html.py checks). Where JupyterLab's own fell short
# (keyword 4.7 kept; number #080 4.3, operator #a2f 4.4, comment #408080 4.2, error #f00 3.7)
# the same hue is darkened just enough.
CODE_COLOURS = {
    "variable": "#212121",
    "error": "#d00000",
    "comment": "#3b7777",
    "keyword": "#008000",
    "operator": "#9a1ff0",
    "string": "#ba2121",
    "number": "#007a00",
    "punctuation": "#0055aa",
}
_VAR = re.compile(r"var\(--jp-mirror-editor-([a-z0-9-]+)-color\)")


def _resolved(styles: dict) -> dict:
    """JupyterLab's pygments styles with each ``var(--jp-mirror-editor-X-color)`` replaced by
    ``CODE_COLOURS[X]`` (a KeyError names a variable a new JupyterStyle added)."""
    return {token: _VAR.sub(lambda m: CODE_COLOURS[m.group(1)], rule)
            for token, rule in styles.items()}


@cache
def code_style() -> type[Style]:
    """The pygments style of the code cells: JupyterLab's, in :data:`CODE_COLOURS`."""
    from jupyterlab_pygments import JupyterStyle

    return type("CodeStyle", (Style,), {
        "__doc__": "JupyterLab's pygments style (token roles, bold, italics) in the colours of "
                   ":data:`CODE_COLOURS` on :data:`CODE_BACKGROUND`.",
        "background_color": CODE_BACKGROUND,
        "highlight_color": "#e0e0e0",
        "default_style": "",
        "styles": _resolved(JupyterStyle.styles),
    })


@cache
def _jupyter_css() -> str:
    """The pygments CSS nbconvert inlines (JupyterLab's style, coloured by CSS variables)."""
    from jupyterlab_pygments import JupyterStyle
    from pygments.formatters import HtmlFormatter

    return HtmlFormatter(style=JupyterStyle).get_style_defs(".highlight")


@cache
def code_css() -> str:
    """The pygments CSS of :func:`code_style`, for ``.highlight`` blocks."""
    from pygments.formatters import HtmlFormatter

    return HtmlFormatter(style=code_style()).get_style_defs(".highlight")


PANDAS_STYLE = re.compile(r"<style scoped(?:=\"\")?>\s*\.dataframe[^<]*</style>\n?")
DATAFRAME_TABLE = re.compile(r"<table[^>]*class=\"dataframe\"[^>]*>.*?</table>", re.S)
EMPTY_TH = re.compile(r"<th((?: [a-z-]+=\"[^\"]*\")*)>(?:&nbsp;|\s)*</th>")
# (what nbconvert's lab CSS has, what replaces it): see the module docstring.
LAB_CSS_FIXES = (
    (re.compile(r"\n[^{}\n]*::-webkit-scrollbar-track:(?:horizontal|vertical) \{[^}]*\}\n"), "\n"),
    (re.compile(r"box-shadow: '([^';]*)';"), r"box-shadow: \1;"),
    (re.compile(r"overflow: overlay;"), "overflow: auto;"),
)


def _td_for_empty_th(match: re.Match) -> str:
    return EMPTY_TH.sub(r"<td\1></td>", match.group(0))


def clean_page(page: str) -> str:
    """``page`` (nbconvert's HTML) with what the validators reject fixed; see the module doc.

    >>> clean_page('<style scoped>\\n.dataframe th {}\\n</style>\\n'
    ...            '<table border="1" class="dataframe"><tr><th></th><th>a</th></tr></table>')
    '<table border="1" class="dataframe"><tr><td></td><th>a</th></tr></table>'
    """
    page = PANDAS_STYLE.sub("", page)
    page = DATAFRAME_TABLE.sub(_td_for_empty_th, page)
    # The style sheets are in the head, the same on every page: fixed once per build, and the
    # body (charts as base64 text) is not searched for CSS.
    at = page.find("</head>")
    head, body = (page[:at], page[at:]) if at != -1 else (page, "")
    # The head differs from page to page by its title alone: set aside, the rest is cleaned
    # once per build (a NUL is not in an HTML page and no fix matches across it).
    title = _TITLE.search(head)
    if title and _PLACE not in head:
        head, has_code_css = _clean_head(head[:title.start()] + _PLACE + head[title.end():])
        head = head.replace(_PLACE, title.group(0), 1)
    else:
        head, has_code_css = _clean_head(head)
    if not has_code_css and 'class="highlight' in body:
        body = body.replace("</head>", f"<style>{code_css()}</style>\n</head>", 1)
    return head + body


_TITLE = re.compile(r"<title>[^<]*</title>")
_PLACE = "\x00"


@functools.lru_cache(maxsize=16)
def _clean_head(head: str) -> tuple[str, bool]:
    """``head`` with the code CSS in :func:`code_style`'s colours and JupyterLab's invalid
    declarations fixed; and whether it carried nbconvert's code CSS."""
    jupyter = _jupyter_css()
    found = jupyter in head
    if found:
        head = head.replace(jupyter, code_css(), 1)
    for pattern, replacement in LAB_CSS_FIXES:
        head = pattern.sub(replacement, head)
    return head, found
