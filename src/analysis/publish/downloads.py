"""Charts a reader can take away: every chart's files inside the site (``site/charts/``), and
under each chart on both forms of its notebook page the links to its PNG, SVG, data (CSV) and a
bundle (zip).

A bundle holds the chart's CSV, ``<name>.metadata.json`` (title, subtitle, source line, alt
text, the notebook and page it came from, the sources of the tables that notebook read, the
licences, the data's vintages, the commit) and a README with the citation. Zip members carry
a fixed timestamp (1980-01-01, the earliest a zip can hold) and fixed permissions, written in
name order: the same chart gives the same bytes on every build.

A chart is found on a page by its pixels: the 1x PNG the build exported is the very PNG the
notebook displayed (:func:`analysis.charts.show` hands the same bytes to both).
"""

import base64
import functools
import html
import json
import re
import shutil
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path

from analysis.publish.evidence import source_rows
from analysis.publish.layout import SiteInfo, root_of

CHARTS = "charts"  # the folder of the site the chart files go to
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
# What a reader gets per chart, in the order the links show them: (suffix, link text).
FILES = ((".png", "PNG"), ("@2x.png", "PNG 2x"), (".svg", "SVG"), (".csv", "data (CSV)"),
         (".zip", "bundle (zip: data, metadata, README, citation)"))
_IMAGE = re.compile(r'(<div class="jp-RenderedImage[^"]*"[^>]*>\s*<img\b[^>]*?'
                    r'src="data:image/png;base64,([^"]+)"[^>]*>\s*</div>)')


@dataclass(frozen=True)
class Source:
    """A source a bundle cites (a row of ``data/sources.csv``)."""

    source_id: str
    publisher: str
    title: str
    date_published: str
    url: str
    rights: str


@functools.cache
def _as_dict(source: Source) -> dict:
    """A source as the bundle's metadata lists it (worked out once: a source is cited by the
    bundles of many charts; the dict is only read)."""
    return asdict(source)


def _zip(path: Path, members: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name in sorted(members):
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whatever machine builds it
            info.external_attr = 0o644 << 16
            z.writestr(info, members[name])


def metadata(about: dict, stem: str, slug: str, notebook: str, sources: list[Source],
             info: SiteInfo) -> dict:
    """The bundle's metadata: what the chart says, where it came from, how to cite it."""
    return {
        "title": about.get("title", ""), "subtitle": about.get("subtitle", ""),
        "source_line": about.get("source", ""), "alt": about.get("alt", ""),
        "chart": stem, "notebook": notebook, "page": f"{slug}.html",
        "sources": [_as_dict(s) for s in sources],
        "licences": [{"what": w, "licence": lic} for w, lic in info.licences],
        "data_vintages": list(info.vintages), "sources_last_read": info.accessed,
        "commit": info.commit, "commit_date": info.commit_date, "citation": info.citation,
    }


_SOURCES_HERE = "\x00sources"  # where the sources go (a NUL is never in a JSON text)


def metadata_json(meta: dict, sources: list[Source]) -> str:
    """``json.dumps(meta, indent=1, ensure_ascii=False)``, with its list of sources written
    once per set of sources (a notebook's charts all cite the same list, of up to hundreds of
    sources, and the indenting encoder is pure Python)."""
    text = json.dumps({**meta, "sources": _SOURCES_HERE}, indent=1, ensure_ascii=False)
    # the list one level down: each of its lines indented by one more space
    return text.replace(json.dumps(_SOURCES_HERE), _sources_json(tuple(sources)), 1)


@functools.lru_cache(maxsize=256)
def _sources_json(sources: tuple[Source, ...]) -> str:
    return json.dumps([_as_dict(s) for s in sources], indent=1,
                      ensure_ascii=False).replace("\n", "\n ")


def readme(meta: dict) -> str:
    """The bundle's README (Markdown): the chart, its files, its sources, how to cite it."""
    lines = [f"# {meta['title']}", "", meta["subtitle"], "",
             f"From the notebook `{meta['notebook']}` (page `{meta['page']}`).", "",
             "## Files", "",
             f"- `{meta['chart']}.csv`: the data the chart draws (text cells a spreadsheet "
             "would run as formulas start with `'`)",
             f"- `{meta['chart']}.metadata.json`: title, sources, licences, vintages, commit",
             "", "## Sources", ""]
    lines += [f"- {s['publisher']}, \"{s['title']}\" ({s['date_published']})"
              + (f", {s['url']}" if s["url"] else "") + f". Rights: {s['rights']}"
              for s in meta["sources"]] or ["- none: the notebook read no sourced table"]
    lines += ["", f"Chart's source line: {meta['source_line']}", "",
              f"Data vintages: {', '.join(meta['data_vintages']) or 'none recorded'}; "
              f"sources last read {meta['sources_last_read']}.", "",
              "## Licences", ""]
    lines += [f"- {lic['what']}: {lic['licence']}" for lic in meta["licences"]]
    lines += ["", "## How to cite", "", meta["citation"], ""]
    return "\n".join(lines)


def publish_charts(chart_dir: Path, site: Path, slug: str, notebook: str,
                   sources: list[Source], info: SiteInfo) -> dict[str, str]:
    """Copy a notebook's exported charts into ``site/charts/`` with a bundle each.

    Returns {base64 of the 1x PNG: chart file stem}, to find the charts on the pages."""
    out = site / CHARTS
    out.mkdir(exist_ok=True)
    found = {}
    for png in sorted(chart_dir.glob("*.png")):
        if png.name.endswith("@2x.png"):
            continue
        stem = png.stem
        for suffix, _ in FILES[:-1]:
            source = chart_dir / f"{stem}{suffix}"
            if not source.exists():
                raise FileNotFoundError(f"{source}: the chart {stem} has no {suffix} file")
            shutil.copyfile(source, out / source.name)
        about_file = chart_dir / f"{stem}.json"
        about = json.loads(about_file.read_text(encoding="utf-8")) if about_file.exists() else {}
        meta = metadata(about, stem, slug, notebook, sources, info)
        _zip(out / f"{stem}.zip", {
            f"{stem}/{stem}.csv": (chart_dir / f"{stem}.csv").read_bytes(),
            f"{stem}/{stem}.metadata.json": (metadata_json(meta, sources) + "\n").encode(),
            f"{stem}/README.md": readme(meta).encode(),
        })
        found[base64.b64encode(png.read_bytes()).decode()] = stem
    return found


def links(stem: str, root: str = "") -> str:
    """The line of download links under a chart."""
    items = [f"<a href='{html.escape(root + CHARTS + '/' + stem + suffix)}'>{text}</a>"
             for suffix, text in FILES]
    return f"<p class='chart-files'>Download this chart: {' '.join(items)}</p>"


def link_charts(page: str, charts: dict[str, str], page_path: str) -> tuple[str, int]:
    """``page`` with the download links under every chart found in ``charts``; and how many
    images had no chart files (a chart shown without going through the export)."""
    root = root_of(page_path)
    missing = 0

    def repl(m: re.Match) -> str:
        nonlocal missing
        payload = m.group(2)  # as written (a lookup), else as an HTML parser would read it
        stem = charts.get(payload) or charts.get(re.sub(r"\s+", "", html.unescape(payload)))
        if stem is None:
            missing += 1
            return m.group(1)
        return m.group(1) + "\n" + links(stem, root)

    return _IMAGE.sub(repl, page), missing


def sources_for(source_ids: list[str], sources) -> list[Source]:
    """The rows of ``sources`` (``data/sources.csv``) for ``source_ids``, in id order."""
    by_id = source_rows(sources)

    def text(v) -> str:
        return "" if v is None or str(v) in ("nan", "None", "<NA>") else str(v)

    return [Source(sid, text(r["publisher"]), text(r["title"]), text(r["date_published"]),
                   text(r.get("url")), text(r["rights"]))
            for sid in sorted(source_ids) if sid in by_id for r in [by_id[sid]]]
