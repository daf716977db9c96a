"""Assembling the site from the cache: each notebook's pre-rendered pages with the site's
layout and the sources of the tables it read, its charts (in ``charts/`` beside the site, and
inside the site with their download bundles, linked under each chart), then the site's own pages.
"""

import json
import shutil
from pathlib import Path

from analysis.report.cache import cache_paths

_LOAD = object()


def build_site(jobs: list, cache: Path, staging: Path, ledger=None, prov=_LOAD) -> None:
    """Assemble site/ and charts/ in ``staging`` from the cache (pages are pre-rendered).

    ``ledger``: the ledger's rows, or a function that computes them (called only here, when the
    site is rebuilt), or None for a site without a ledger. Each notebook page ends with the
    sources cited by the rows of the tables it read (:mod:`.provenance`); ``prov``: what
    :func:`.provenance.load_provenance` returned, when it was loaded already (by default it
    is loaded here).
    """
    from analysis.contract.citations import sources_of_tables, tables_of_files
    from analysis.publish import downloads, layout, provenance
    from analysis.publish import pages as site_pages
    from analysis.publish.siteinfo import site_info

    site, charts = staging / "site", staging / "charts"
    site.mkdir(parents=True)
    charts.mkdir()
    if prov is _LOAD:
        prov = provenance.load_provenance()
    info = site_info(pages=frozenset({layout.COUNTRY_PAGES}) if any(j.group for j in jobs)
                     else frozenset())
    entries = []
    for job in jobs:
        paths = cache_paths(cache, job)
        meta = json.loads(paths["meta"].read_text(encoding="utf-8"))
        section, cited = "", []
        if prov is not None:
            tables = [t for t in tables_of_files(meta.get("reads", {})) if t != "sources"]
            source_ids = sources_of_tables(tables, prov[1])
            section = provenance.notebook_sources(source_ids, prov[0], tables)
            cited = downloads.sources_for(source_ids, prov[0])
        shown = {}
        if paths["charts"].exists():
            for f in sorted(paths["charts"].iterdir()):
                shutil.copyfile(f, charts / f.name)
            shown = downloads.publish_charts(paths["charts"], site, job.slug, job.path.name,
                                             cited, info)
        for kind, name in (("html", f"{job.slug}.html"), ("editors", f"{job.slug}.editors.html")):
            page = paths[kind].read_text(encoding="utf-8")
            if section:
                page = provenance.append_to_page(page, section)
            page, unlinked = downloads.link_charts(page, shown, name)
            if unlinked:  # every chart on a page links its files: one shown without them
                raise ValueError(f"{name}: {unlinked} image(s) on the page match no chart "
                                 f"exported to {paths['charts'].name} (show charts with "
                                 "analysis.charts.show)")
            (site / name).write_text(layout.decorate(page, name, info), encoding="utf-8")
        entries.append(site_pages.Entry(job.slug, job.path.name, meta["summary"], job.params,
                                        group=job.group, facts=meta.get("facts", {})))
    site_pages.write_pages(site, entries, ledger() if callable(ledger) else ledger, prov, info,
                           memo=cache / "search")
