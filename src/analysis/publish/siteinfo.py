"""The facts every page's footer and every download bundle state, each read from where it is
kept: the commit and its date from git, the data's vintages from ``data/datapackage.json``
(``derived_from`` of the derived resources), the last day a source was read from
``data/sources.csv``, the citation from ``CITATION.cff``, the licences from the descriptor and
``pyproject.toml``. Nothing from the clock: a rebuild of the same commit gives the same bytes.
"""

import tomllib
from pathlib import Path

from analysis.publish.layout import SiteInfo, git_commit

CITATION_FILE = "CITATION.cff"


class CitationError(ValueError):
    """CITATION.cff is missing a field the citation line needs (names the file and field)."""


def read_citation(path: Path) -> dict:
    """``CITATION.cff`` as a dict (YAML), with the fields the citation line uses checked."""
    import yaml

    try:
        meta = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise CitationError(f"{path.name}: missing (how to cite the package)") from exc
    for key in ("title", "authors", "version"):
        if not meta.get(key):
            raise CitationError(f"{path.name}: no '{key}'")
    return meta


def author_names(meta: dict) -> list[str]:
    """The authors of ``CITATION.cff``: an entity's name, or a person's given and family names."""
    return [a.get("name") or " ".join(p for p in (a.get("given-names"), a.get("family-names"))
                                      if p) for a in meta["authors"]]


def citation_text(meta: dict, commit: str | None, commit_date: str | None) -> str:
    """The citation line: authors (year of the commit). Title. Version, commit.

    >>> citation_text({"title": "T", "version": "1", "authors": [{"name": "A"}]}, "abcdef1234567",
    ...               "2026-12-05")
    'A (2026). T. Version 1, commit abcdef123456 (2026-12-05).'
    """
    names = author_names(meta)
    year = f" ({commit_date[:4]})" if commit_date else ""
    built = (f", commit {commit[:12]} ({commit_date})" if commit else
             " (built outside git: no commit)")
    return f"{'; '.join(names)}{year}. {meta['title']}. Version {meta['version']}{built}."


def vintages(descriptor: dict) -> tuple[str, ...]:
    """The distinct vintages of the exports the derived resources were computed from."""
    seen = {str(d["vintage"]) for r in descriptor.get("resources", [])
            for d in r.get("derived_from", []) if d.get("vintage")}
    return tuple(sorted(seen))


def licences(descriptor: dict, pyproject: dict) -> tuple[tuple[str, str], ...]:
    """(what, licence) pairs: the package's (pyproject.toml) and the data's (descriptor)."""
    out = []
    text = pyproject.get("project", {}).get("license", {})
    if isinstance(text, dict) and text.get("text"):
        out.append(("Package", text["text"]))
    for lic in descriptor.get("licenses", []):
        out.append(("Data package", f"{lic.get('title') or lic.get('name')} "
                                    f"({lic.get('name')})"))
    return tuple(out)


def site_info(root: Path | None = None, pages: frozenset[str] = frozenset()) -> SiteInfo:
    """The footer's facts for the checkout at ``root`` (default: this package's)."""
    from analysis.contract.datapackage import load_table, read_descriptor
    from analysis.contract.paths import DATA_DIR, ROOT

    root = root or ROOT
    descriptor = read_descriptor()
    names = {r["name"] for r in descriptor["resources"]}
    accessed = None
    if "sources" in names:
        sources = load_table("sources", data_dir=DATA_DIR, descriptor=descriptor)
        accessed = str(max(str(d) for d in sources["date_accessed"] if str(d) not in ("", "nan")))
    commit, date = git_commit(root)
    pyproject = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    meta = read_citation(root / CITATION_FILE)
    return SiteInfo(commit=commit, commit_date=date, vintages=vintages(descriptor),
                    accessed=accessed, citation=citation_text(meta, commit, date),
                    authors=tuple(author_names(meta)),
                    licences=licences(descriptor, pyproject), pages=pages)
