"""Assembling the site from the cache: each notebook's pre-rendered pages with the site's
layout and the sources of the tables it read, its charts (in ``charts/`` beside the site, and
inside the site with their download bundles, linked under each chart), then the site's own pages.

A notebook's part of the site depends on its cached result alone, so the build assembles it as
soon as that result is stored, while the other notebooks still run (:class:`Assembly`); what
is left for the end is the site's own pages (index, ledger, data, search).
"""

import json
import shutil
from pathlib import Path

from analysis.report.cache import cache_paths

_LOAD = object()


class SiteAssembly:
    """``site/`` and ``charts/`` in ``staging``: :meth:`add` each job, then :meth:`finish`.

    ``prov``: what :func:`.provenance.load_provenance` returned, when it was loaded already (by
    default it is loaded here). Jobs reading the same tables cite the same sources: their
    sources section and citations are worked out once."""

    def __init__(self, jobs: list, cache: Path, staging: Path, prov=_LOAD):
        from analysis.publish import layout, provenance
        from analysis.publish.siteinfo import site_info

        self.cache, self.site, self.charts = cache, staging / "site", staging / "charts"
        self.site.mkdir(parents=True)
        self.charts.mkdir()
        self.prov = provenance.load_provenance() if prov is _LOAD else prov
        self.info = site_info(pages=frozenset({layout.COUNTRY_PAGES})
                              if any(j.group for j in jobs) else frozenset())
        self.entries: dict[str, object] = {}
        self.sections: dict = {}  # search sections of the pages written, by their sha-256
        self._cited: dict = {}

    def _sources(self, reads: dict, cites: dict | None = None, page: str = "") -> tuple[str, list]:
        """The sources section of a page that read ``reads``, and the sources it cites.

        ``cites``: what the notebook recorded of the rows it shows (``record_facts(cites=...)``:
        ``ids``, the sources of those rows; ``tables``, the tables it counts over as a whole;
        ``subject``, whom the rows are about), checked against what it read: a source no row of
        those tables cites, or a table it did not read, is an error naming ``page``."""
        from analysis.contract.citations import sources_of_tables, tables_of_files
        from analysis.publish import downloads, provenance

        if self.prov is None:
            return "", []
        files = tuple(sorted(reads))  # which files, not their hashes, decide the sources
        if cites is not None:
            return cited_section(self.prov, [t for t in tables_of_files(files) if t != "sources"],
                                 cites, page)
        if files not in self._cited:
            tables = [t for t in tables_of_files(files) if t != "sources"]
            source_ids = sorted(sources_of_tables(tables, self.prov[1]))
            self._cited[files] = (
                provenance.notebook_sources(source_ids, self.prov[0], tables),
                downloads.sources_for(source_ids, self.prov[0]))
        return self._cited[files]

    def add(self, job) -> None:
        """The job's two pages, its charts and their bundles, and its entry on the index."""
        from analysis.publish import downloads, layout, provenance, search
        from analysis.publish import pages as site_pages

        paths = cache_paths(self.cache, job)
        meta = json.loads(paths["meta"].read_text(encoding="utf-8"))
        section, cited = self._sources(meta.get("reads", {}),
                                       meta.get("facts", {}).get("cites"), f"{job.slug}.html")
        shown = {}
        if paths["charts"].exists():
            for f in sorted(paths["charts"].iterdir()):
                shutil.copyfile(f, self.charts / f.name)
            shown = downloads.publish_charts(paths["charts"], self.site, job.slug,
                                             job.path.name, cited, self.info)
        for kind, name in (("html", f"{job.slug}.html"), ("editors", f"{job.slug}.editors.html")):
            page = paths[kind].read_text(encoding="utf-8")
            if section:
                page = provenance.append_to_page(page, section)
            page, unlinked = downloads.link_charts(page, shown, name)
            if unlinked:  # every chart on a page links its files: one shown without them
                raise ValueError(f"{name}: {unlinked} image(s) on the page match no chart "
                                 f"exported to {paths['charts'].name} (show charts with "
                                 "analysis.charts.show)")
            page = layout.decorate(page, name, self.info)
            (self.site / name).write_text(page, encoding="utf-8")
            if kind == "html":  # the search indexes the reviewers' pages
                key, sections = search.keyed_sections(page.encode("utf-8"))
                self.sections[key] = sections
        self.entries[job.slug] = site_pages.Entry(job.slug, job.path.name, meta["summary"],
                                                  job.params, group=job.group,
                                                  facts=meta.get("facts", {}))

    def finish(self, jobs: list, ledger=None) -> None:
        """The site's own pages (index, ledger, sources, data, search), once every job is in.

        ``ledger``: the ledger's rows, or a function that computes them (called only here),
        or None for a site without a ledger."""
        from analysis.publish import pages as site_pages

        site_pages.write_pages(self.site, [self.entries[j.slug] for j in jobs],
                               ledger() if callable(ledger) else ledger, self.prov, self.info,
                               memo=self.cache / "search", known=self.sections)


def cited_section(prov, tables: list[str], cites, page: str) -> tuple[str, list]:
    """The sources section of a page that read ``tables`` and recorded ``cites`` (see
    :meth:`SiteAssembly._sources`), and the sources its chart bundles cite."""
    from analysis.contract.citations import sources_of_tables
    from analysis.publish import downloads, provenance

    ids, whole = _checked_cites(cites, page, tables, set(sources_of_tables(tables, prov[1])))
    counts = {t: len(sources_of_tables([t], prov[1])) for t in whole}
    return (provenance.page_sources(ids, prov[0], tables, counts,
                                    str(cites.get("subject") or "the state")),
            downloads.sources_for(ids, prov[0]))


def _checked_cites(cites, page: str, tables: list[str], allowed: set[str]
                   ) -> tuple[list[str], list[str]]:
    """``cites``' source ids and whole tables, once checked against what the page read."""
    if not isinstance(cites, dict) or not isinstance(cites.get("ids"), list) \
            or not isinstance(cites.get("tables", []), list):
        raise ValueError(f"{page}: its recorded sources (record_facts cites) must be "
                         "{'ids': [source ids], 'tables': [table names], 'subject': text}, "
                         f"got {cites!r}")
    ids, whole = [str(i) for i in cites["ids"]], [str(t) for t in cites.get("tables", [])]
    unknown = sorted(set(ids) - allowed)
    if unknown:
        raise ValueError(f"{page}: its recorded sources name {', '.join(unknown)}, which no "
                         f"row of the tables it read ({', '.join(tables) or 'none'}) cites")
    unread = [t for t in whole if t not in tables]
    if unread:
        raise ValueError(f"{page}: it counts over table(s) {', '.join(unread)}, which it did "
                         f"not read (it read {', '.join(tables) or 'none'})")
    return ids, whole


def build_site(jobs: list, cache: Path, staging: Path, ledger=None, prov=_LOAD) -> None:
    """Assemble site/ and charts/ in ``staging`` from the cache (pages are pre-rendered), all
    at once (the build uses :class:`Assembly` to do most of it while notebooks run)."""
    site = SiteAssembly(jobs, cache, staging, prov)
    for job in jobs:
        site.add(job)
    site.finish(jobs, ledger)


class Assembly:
    """The site assembled while the notebooks run: started, then each job added as its result
    is stored (all in the build's render thread, one call at a time), finished at the end.

    An error (the sources unreadable, a chart without its files) is kept and raised by
    :meth:`finish`, where the build meets it as it would have assembling at the end: the
    notebooks still run and report, and the previous site stays as it is."""

    def __init__(self, jobs: list, cache: Path, staging: Path):
        self.jobs, self.cache, self.staging = jobs, cache, staging
        self.site: SiteAssembly | None = None
        self.error: BaseException | None = None

    def start(self, prov_loaded) -> None:
        """``prov_loaded``: a future of :func:`.provenance.load_provenance`."""
        try:
            self.site = SiteAssembly(self.jobs, self.cache, self.staging, prov_loaded.result())
        except Exception as exc:  # noqa: BLE001 - raised again by finish
            self.error = exc

    def add(self, job) -> None:
        if self.error is not None or self.site is None:
            return
        try:
            self.site.add(job)
        except Exception as exc:  # noqa: BLE001 - raised again by finish
            self.error = exc

    def finish(self, ledger=None) -> None:
        if self.error is not None:
            raise self.error
        self.site.finish(self.jobs, ledger)
