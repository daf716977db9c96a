"""A country page ends with the sources of the rows it shows about the state (and links the tables
it counts over as a whole), not with every source of every table it read; the report checks
what a page records against what it read."""

import csv
import re

import nbformat
import pytest

from analysis import load_table
from analysis.contract.citations import citations, sources_of_tables
from analysis.contract.facts import facts_of
from analysis.contract.paths import DATA_DIR, NOTEBOOKS_DIR
from analysis.report import build as report
from analysis.subjects.country_sources import PAGE_TABLES, WHOLE_TABLES, page_citations

LINK = re.compile(r"href='sources\.html#src-([^']+)'")
EVENTS_ONLY = "evt-afp-2023-01-mali-warplanes"  # cited by events.csv alone


@pytest.fixture(scope="module")
def tables():
    return {name: load_table(name) for name in PAGE_TABLES}


def _csv_ids(name: str, iso3: str) -> set[str]:
    """The source ids of the state's rows of ``data/NAME.csv``, read a second way (the csv
    module, ids split on ';')."""
    with open(DATA_DIR / f"{name}.csv", encoding="utf-8", newline="") as f:
        return {i for row in csv.DictReader(f) if row["iso3"] == iso3
                for i in row["source_ids"].split(";") if i}


def test_a_state_without_wagner_visits_or_events_cites_its_votes_sipri_and_the_story(tables):
    got = page_citations(tables, "STP")
    sipri = {"sipri-atd-2024-10-13", "sipri-atd-2025-03-13"}  # "SIPRI records nothing" rests
    expected = _csv_ids("unga_votes", "STP") | sipri | {"dw-russian-arms-africa",
                                                         "nyt-2023-02-06"}
    assert set(got["ids"]) == expected and got["ids"] == sorted(got["ids"])
    assert got["tables"] == list(WHOLE_TABLES)
    # before, the page listed every source of every table it read, Mali's Wagner row's among them
    read = set(sources_of_tables(PAGE_TABLES, citations()))
    others = _csv_ids("wagner_deployments", "MLI") - expected  # about Mali, not São Tomé
    assert others and others <= read - set(got["ids"])


def test_mali_cites_its_wagner_row_events_and_lavrov_stops(tables):
    got = set(page_citations(tables, "MLI")["ids"])
    for name in ("wagner_deployments", "events", "lavrov_trips", "unga_votes"):
        mine = _csv_ids(name, "MLI")
        assert mine and mine <= got, name
    # and nothing that only another state's rows cite
    assert not (_csv_ids("wagner_deployments", "CAF") - _csv_ids("wagner_deployments", "MLI")
                - _csv_ids("events", "MLI") - _csv_ids("lavrov_trips", "MLI")) & got


def _notebook(folder, name, cites):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nb.cells = [nbformat.v4.new_markdown_cell("# Q\n\nA."),
                nbformat.v4.new_code_cell(
                    "from analysis import load_table, prose\n"
                    "trips = load_table('lavrov_trips')\n"
                    f"prose.record_facts(cites={cites!r})")]
    nbformat.write(nb, folder / name)


def test_the_report_lists_the_sources_a_page_records_and_links_its_whole_tables(tmp_path):
    nbs = tmp_path / "notebooks"
    nbs.mkdir()
    one = sorted(_csv_ids("lavrov_trips", "MLI"))[0]
    _notebook(nbs, "01-trips.ipynb",
              {"ids": [one], "tables": ["lavrov_trips"], "subject": "Mali"})
    assert report.build_report(build_dir=tmp_path / "build", folder=nbs, ledger=[]) == 0
    for name in ("01-trips.html", "01-trips.editors.html"):
        page = (tmp_path / "build" / "site" / name).read_text(encoding="utf-8")
        section = page[page.index("Sources this page used"):page.index("</main>")]
        assert set(LINK.findall(section)) == {one}
        assert "Cited by the rows about Mali that this page shows" in section
        n = len(sources_of_tables(["lavrov_trips"], citations()))
        assert (f"<a href='data.html#table-lavrov_trips'><code>lavrov_trips</code></a> "
                f"({n} sources)") in section
        assert "Sources this notebook used" not in page


@pytest.mark.parametrize(("cites", "message"), [
    ({"ids": [EVENTS_ONLY], "tables": []},  # a real source, but not of the tables read
     rf"01-trips.html: its recorded sources name {EVENTS_ONLY}, which no row of the tables it "
     r"read \(.*lavrov_trips.*\) cites"),
    ({"ids": [], "tables": ["unga_votes"]},
     r"01-trips.html: it counts over table\(s\) unga_votes, which it did not read"),
    ({"ids": "a-string"},
     r"01-trips.html: its recorded sources \(record_facts cites\) must be"),
])
def test_a_page_recording_sources_it_did_not_read_fails_the_build_naming_it(tmp_path, cites,
                                                                             message):
    assert EVENTS_ONLY in sources_of_tables(["events"], citations())
    assert EVENTS_ONLY not in sources_of_tables(["lavrov_trips", "countries"], citations())
    nbs = tmp_path / "notebooks"
    nbs.mkdir()
    _notebook(nbs, "01-trips.ipynb", {"ids": [], "tables": []})
    build = tmp_path / "build"
    assert report.build_report(build_dir=build, folder=nbs, ledger=[]) == 0
    before = (build / "site" / "01-trips.html").read_bytes()
    _notebook(nbs, "01-trips.ipynb", cites)
    with pytest.raises(ValueError, match=message):
        report.build_report(build_dir=build, folder=nbs, ledger=[])
    assert (build / "site" / "01-trips.html").read_bytes() == before  # the old site stays


def test_the_validators_see_the_country_page_as_the_build_ends_it(rendered_site):
    """The site the HTML checker, axe-core and the link test read (tests/conftest.py) ends its
    country page with the section the build writes, so those checks cover it."""
    page = (rendered_site / "country-MLI.html").read_text(encoding="utf-8")
    assert "Sources this page used" in page and "Sources this notebook used" not in page
    assert "href='data.html#table-unga_votes'" in page
    mali = facts_of(nbformat.read(NOTEBOOKS_DIR / "10-country.ipynb", as_version=4))
    section = page[page.index("Sources this page used"):]
    assert set(LINK.findall(section)) == set(mali["cites"]["ids"])
