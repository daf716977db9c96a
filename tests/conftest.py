"""Shared fixtures. Real SIPRI exports come from $SIPRI_EXPORT_DIR (CI: ../shared/data/sipri)."""

import os
from pathlib import Path

import pytest

from analysis.contract.paths import SIPRI_EXPORT_ENV, sipri_export_dir

SIPRI_FILES = {
    "register_2024": "trade-register_2024-10-13.csv",
    "register_2025": "trade-register_2025-03-13.csv",
    "imports_2024": "import-values_2024-10-13.csv",
    "exports_2024": "export-values_2024-10-13.csv",
}
HOW_TO_GET = (
    "the real SIPRI exports are not here: download them from the SIPRI Arms Transfers Database "
    f"into sipri-exports/ (or point {SIPRI_EXPORT_ENV} at them; CI uses ../shared/data/sipri)"
)


@pytest.fixture(scope="session")
def sipri_exports() -> dict[str, Path]:
    """Paths of the four real exports; skips the test, saying how to get them, if absent."""
    folder = sipri_export_dir()
    paths = {key: folder / name for key, name in SIPRI_FILES.items()}
    missing = [p.name for p in paths.values() if not p.exists()]
    if missing:
        message = f"{HOW_TO_GET} (missing in {folder}: {', '.join(missing)})"
        if os.environ.get("CI"):  # CI has ../shared beside the clone: missing exports fail
            pytest.fail(message)
        pytest.skip(message)
    return paths


@pytest.fixture(scope="session")
def real_exports(sipri_exports):
    """The four real exports, read once per session."""
    from analysis.sipri.read import read_export

    return {key: read_export(path) for key, path in sipri_exports.items()}


@pytest.fixture(scope="session")
def rendered_site(tmp_path_factory):
    """Every kind of page the build writes, rendered once per session from the committed
    executed notebooks (no kernel): per notebook the reviewers' and editors' pages, one page
    carrying the parameters note of a parameterised run, the index and the ledger."""
    import nbformat

    from analysis.claims.ledger import ledger_records
    from analysis.contract.facts import facts_of
    from analysis.contract.paths import NOTEBOOKS_DIR
    from analysis.publish import layout, provenance
    from analysis.publish import pages as site_pages
    from analysis.publish.siteinfo import site_info
    from analysis.report import assemble, plan
    from analysis.report import build as report
    from analysis.subjects.country_sources import PAGE_TABLES

    out = tmp_path_factory.mktemp("site")
    entries = []
    for path in report.notebooks(NOTEBOOKS_DIR):
        nb = nbformat.read(path, as_version=4)
        # a notebook run once per state is committed for one (Mali): its page as the build
        # names it, on the index's grid
        fanned = next((j for j in plan.fanned_jobs(path) or [] if j.params.get("iso3") == "MLI"),
                      None)
        slug = fanned.slug if fanned else path.stem
        (out / f"{slug}.html").write_text(report.to_html(nb, slug), encoding="utf-8")
        (out / f"{slug}.editors.html").write_text(
            report.to_html(nb, slug, with_code=False), encoding="utf-8")
        entries.append(site_pages.Entry(slug, path.name, report.summary_html(nb),
                                        group=fanned.group if fanned else "",
                                        facts=facts_of(nb) if fanned else {}))
    first = report.notebooks(NOTEBOOKS_DIR)[0]
    params = {"region": "north-africa"}
    job = report.Job(first, params)
    note = report.params_note(params)
    nb = nbformat.read(first, as_version=4)
    (out / f"{job.slug}.html").write_text(
        report.page_with_note(report.to_html(nb, job.slug), note), encoding="utf-8")
    (out / f"{job.slug}.editors.html").write_text(
        report.page_with_note(report.to_html(nb, job.slug, with_code=False), note),
        encoding="utf-8")
    entries.append(site_pages.Entry(job.slug, first.name, report.summary_html(nb), params))
    prov = provenance.load_provenance()
    section = provenance.notebook_sources(sorted(set(prov[1]["source_id"]))[:5], prov[0],
                                          ["events"])
    info = site_info(pages=frozenset({layout.COUNTRY_PAGES}))
    # a country page ends with the sources of its own rows, as the build writes it
    mali = facts_of(nbformat.read(NOTEBOOKS_DIR / "10-country.ipynb", as_version=4))
    read = [*PAGE_TABLES, "sipri_recipients"]  # the loaders read SIPRI's names as well
    country, _ = assemble.cited_section(prov, read, mali["cites"], "country-MLI.html")
    for page in [*out.glob("0*.html"), *out.glob("country-*.html")]:  # sources, layout
        ends = country if page.name.startswith("country-") else section
        page.write_text(layout.decorate(provenance.append_to_page(
            page.read_text(encoding="utf-8"), ends), page.name, info), encoding="utf-8")
    site_pages.write_pages(out, entries, ledger_records(), prov, info)  # as the command line does
    return out
