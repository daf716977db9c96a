"""The README and the docs hold together: every relative link resolves, the README stays short.

A link resolves when the file (or folder) it names exists and, if it carries an ``#anchor``,
the target Markdown file has a heading whose GitHub slug is that anchor (or an element with
that ``id``/``name``). External ``http(s)``/``mailto`` links are not fetched (no network in
tests). Links into ``build/`` are allowed only to the generated outputs listed in ``GENERATED``.
"""

import re
import unicodedata
from pathlib import Path
from urllib.parse import unquote

import pytest

from analysis.contract.paths import ROOT

README_MAX_LINES = 200

# Outputs of `make report` a page may link to although they are not committed (build/ is ignored).
GENERATED = frozenset({
    "build/site/index.html",
    "build/site/ledger.html",
    "build/site/sources.html",
    "build/site/corrections.html",
    "build/charts",
})

FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
ATX_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
INLINE_CODE = re.compile(r"(`+)(.+?)\1")
# [text](target) and ![alt](target); the text may hold one level of brackets (an image in a link).
INLINE_LINK = re.compile(
    r"!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]"  # [text], one level of nested brackets
    r"\(\s*(<[^>]*>|[^)\s]*)(?:\s+[\"'(][^)]*)?\)"  # (target "optional title")
)
REFERENCE_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)")
HTML_ANCHOR = re.compile(r"""<[a-zA-Z][^>]*\s(?:id|name)\s*=\s*["']([^"']+)["']""")
EXTERNAL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")  # http:, https:, mailto:, ...


def doc_files(root: Path = ROOT) -> list[Path]:
    """The Markdown files whose links are checked: README, CONTRIBUTING and docs/*.md."""
    return [root / "README.md", root / "CONTRIBUTING.md", *sorted((root / "docs").glob("*.md"))]


def prose_lines(text: str, blank_code: bool = True) -> list[tuple[int, str]]:
    """(line number, line) outside fenced code blocks; inline code spans blanked if asked."""
    lines, fence = [], None
    for number, line in enumerate(text.splitlines(), start=1):
        opened = FENCE.match(line)
        if fence is None and opened:
            fence = opened.group(1)[0]
            continue
        if fence is not None:
            if opened and opened.group(1)[0] == fence:
                fence = None
            continue
        if blank_code:
            line = INLINE_CODE.sub(lambda m: " " * len(m.group(0)), line)
        lines.append((number, line))
    return lines


def github_slug(heading: str) -> str:
    """The anchor GitHub gives a heading's text (before de-duplication).

    GitHub slugs the rendered text: lower case, punctuation dropped (letters, digits, spaces,
    hyphens and underscores kept), each space a hyphen.

    >>> github_slug("5. A claim and its check")
    '5-a-claim-and-its-check'
    >>> github_slug("Our estimate beside SIPRI's published shares")
    'our-estimate-beside-sipris-published-shares'
    >>> github_slug("How `.venv` is built")
    'how-venv-is-built'
    >>> github_slug("[Links](x.md) and **bold**  twice")
    'links-and-bold--twice'
    """
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # links and images: their text
    text = re.sub(r"<[^>]+>", "", text)  # inline HTML tags
    text = text.replace("`", "")
    text = re.sub(r"(?<![\w])_{1,3}(\S(?:.*?\S)?)_{1,3}(?![\w])", r"\1", text)  # _emphasis_
    text = unicodedata.normalize("NFC", text).strip().lower()
    text = "".join(ch for ch in text if ch in "-_ " or unicodedata.category(ch)[0] in "LNM")
    return text.replace(" ", "-")


def anchors(path: Path) -> set[str]:
    """Every anchor a Markdown file offers: heading slugs (duplicates numbered) and HTML ids."""
    text = path.read_text(encoding="utf-8")
    found, seen = set(), {}
    for _, line in prose_lines(text, blank_code=False):  # a heading slugs its code
        heading = ATX_HEADING.match(line)
        if heading:
            slug = github_slug(heading.group(2))
            count = seen.get(slug, 0)
            seen[slug] = count + 1
            found.add(slug if count == 0 else f"{slug}-{count}")
        found.update(HTML_ANCHOR.findall(line))
    return found


def links(path: Path) -> list[tuple[int, str]]:
    """(line number, target) of every inline link, image and reference definition in prose."""
    found = []
    for number, line in prose_lines(path.read_text(encoding="utf-8")):
        for match in INLINE_LINK.finditer(line):
            found.append((number, match.group(1)))
        definition = REFERENCE_DEF.match(line)
        if definition:
            found.append((number, definition.group(1)))
    return [(n, t[1:-1] if t.startswith("<") and t.endswith(">") else t) for n, t in found]


def link_problems(path: Path, root: Path = ROOT, generated=GENERATED) -> list[str]:
    """One message per relative link in ``path`` that does not resolve; [] when all do."""
    problems = []
    for number, target in links(path):
        where = f"{path.relative_to(root).as_posix()}:{number}: link '{target}'"
        if not target or EXTERNAL.match(target):
            continue  # external: not fetched
        file_part, _, anchor = target.partition("#")
        file_part, anchor = unquote(file_part), unquote(anchor)
        if file_part.startswith("/"):
            problems.append(f"{where}: absolute path; use a path relative to the file")
            continue
        resolved = (path.parent / file_part).resolve() if file_part else path.resolve()
        try:
            relative = resolved.relative_to(root.resolve()).as_posix()
        except ValueError:
            problems.append(f"{where}: points outside the repository")
            continue
        if relative == "build" or relative.startswith("build/"):
            if relative.rstrip("/") not in generated:
                problems.append(f"{where}: {relative} is under build/ (generated) but not listed "
                                "in GENERATED in tests/test_docs.py")
            continue
        if not resolved.exists():
            problems.append(f"{where}: {relative} does not exist")
            continue
        if not anchor:
            continue
        if resolved.suffix.lower() != ".md":
            problems.append(f"{where}: anchor '#{anchor}' into {relative}, which is not Markdown "
                            "and cannot be checked")
        elif anchor not in anchors(resolved):
            problems.append(f"{where}: no heading in {relative} has the anchor '#{anchor}'")
    return problems


@pytest.mark.parametrize("path", doc_files(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_doc_links_resolve(path):
    assert path.exists(), f"{path.relative_to(ROOT)} is missing"
    problems = link_problems(path)
    assert not problems, "\n".join(problems)


def test_docs_folder_has_pages_and_readme_links_each():
    pages = sorted(p.name for p in (ROOT / "docs").glob("*.md"))
    assert pages, "docs/ holds no pages"
    linked = {target.partition("#")[0] for _, target in links(ROOT / "README.md")}
    unlinked = [name for name in pages if f"docs/{name}" not in linked]
    assert not unlinked, f"README.md links no docs page named {unlinked}"


def length_problem(path: Path, limit: int = README_MAX_LINES) -> str | None:
    """A message if the file has more than ``limit`` lines, else None."""
    count = len(path.read_text(encoding="utf-8").splitlines())
    if count > limit:
        return f"{path.name} has {count} lines (at most {limit}): move detail into docs/"
    return None


def test_readme_is_at_most_200_lines():
    assert length_problem(ROOT / "README.md") is None, length_problem(ROOT / "README.md")


# The checker itself, on small files made here.

@pytest.fixture
def tree(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "page.md").write_text(
        "# Page\n\n## Our estimate beside SIPRI's published shares\n\n## Repeat\n\n## Repeat\n\n"
        '<a id="custom"></a>\n\n```\n## Not a heading\n```\n', encoding="utf-8")
    (tmp_path / "data.csv").write_text("a\n1\n", encoding="utf-8")
    return tmp_path


def write(tree, text):
    path = tree / "README.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_link_problems_accepts_good_links(tree):
    readme = write(tree, (
        "# Title\n\n## Two commands\n\n"
        "[page](docs/page.md), [anchor](docs/page.md#our-estimate-beside-sipris-published-shares),"
        " [dup](docs/page.md#repeat-1), [html](docs/page.md#custom), [self](#two-commands),"
        " [csv](data.csv), [folder](docs/), [site](build/site/index.html),"
        " [web](https://example.org/missing), ![img](<data.csv> \"title\")\n\n"
        "[ref]: docs/page.md#page\n\n"
        "`[in code](missing.md)`\n\n```\n[in a fence](missing.md)\n```\n"))
    assert link_problems(readme, root=tree) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("[gone](docs/missing.md)", "docs/missing.md does not exist"),
    ("[anchor](docs/page.md#no-such-heading)", "has the anchor '#no-such-heading'"),
    ("[fenced](docs/page.md#not-a-heading)", "has the anchor '#not-a-heading'"),
    ("[third](docs/page.md#repeat-2)", "has the anchor '#repeat-2'"),
    ("[self](#nowhere)", "no heading in README.md has the anchor '#nowhere'"),
    ("[csv](data.csv#row-1)", "which is not Markdown"),
    ("[build](build/site/secret.html)", "under build/ (generated) but not listed"),
    ("[up](../outside.md)", "points outside the repository"),
    ("[abs](/etc/passwd)", "absolute path"),
    ("[ref]: docs/nope.md", "docs/nope.md does not exist"),
])
def test_link_problems_names_a_broken_link(tree, text, expected):
    readme = write(tree, f"# Title\n\nSee {text} here.\n" if not text.startswith("[ref]")
                   else f"# Title\n\n{text}\n")
    problems = link_problems(readme, root=tree)
    assert len(problems) == 1, problems
    assert problems[0].startswith("README.md:3: link ")
    assert expected in problems[0]


def test_link_problems_checks_docs_pages_relative_to_themselves(tree):
    page = tree / "docs" / "other.md"
    page.write_text("[back](../README.md) [wrong](README.md)\n", encoding="utf-8")
    write(tree, "# Title\n")
    problems = link_problems(page, root=tree)
    assert problems == ["docs/other.md:1: link 'README.md': docs/README.md does not exist"]


def test_length_problem_names_a_long_readme(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("line\n" * README_MAX_LINES, encoding="utf-8")
    assert length_problem(readme) is None
    readme.write_text("line\n" * (README_MAX_LINES + 1), encoding="utf-8")
    assert length_problem(readme) == (
        "README.md has 201 lines (at most 200): move detail into docs/")
