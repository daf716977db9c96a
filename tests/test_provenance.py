"""A reviewer follows every verdict to its sources: the sources page lists every source with an
anchor and the rows and claims that cite it, the ledger page lays out each verdict's rule,
figures, rows and source links (no JSON), each notebook page ends with the sources of the
tables it read, and the corrections log is on the site."""

import re

import nbformat
import pytest

from analysis import load_table
from analysis.claims.ledger import ledger_records, row_sources
from analysis.contract.citations import citations, sources_of_tables, tables_of_files
from analysis.publish import provenance
from analysis.report import build as report

ANCHOR = re.compile(r"id='src-([^']+)'")
LINK = re.compile(r"href='sources\.html#src-([^']+)'")


@pytest.fixture(scope="module")
def records():
    return ledger_records()


def test_sources_page_has_one_anchored_entry_per_source(rendered_site):
    text = (rendered_site / "sources.html").read_text(encoding="utf-8")
    assert set(ANCHOR.findall(text)) == set(load_table("sources")["source_id"])
    assert "not cited" not in text  # every source is cited by a row or a claim


def test_every_link_to_a_source_lands_on_an_entry(rendered_site):
    anchors = set(ANCHOR.findall((rendered_site / "sources.html").read_text(encoding="utf-8")))
    for page in rendered_site.glob("*.html"):
        links = set(LINK.findall(page.read_text(encoding="utf-8")))
        assert links <= anchors, (page.name, sorted(links - anchors))


def test_every_checked_verdict_links_to_a_source_and_shows_its_rule(rendered_site, records):
    text = (rendered_site / "ledger.html").read_text(encoding="utf-8")
    shown = re.sub(r"<script type='application/ld\+json'>.*?</script>", "",
                   text.split("<main>", 1)[1], flags=re.S)  # the ClaimReviews are for machines
    assert "{" not in shown  # no JSON dump in what the ledger shows
    for r in records:
        section = re.search(rf"<section id='claim-{r['claim_id']}'>(.*?)</section>", text, re.S)
        assert section, r["claim_id"]
        if r["verdict"] != "not checkable":
            body = section.group(1)
            assert LINK.search(body), r["claim_id"]
            assert ">Rule<" in body and ">Figures<" in body and ">Rows<" in body, r["claim_id"]


def test_sources_page_names_the_claims_and_rows_that_cite_a_source(rendered_site, records):
    text = (rendered_site / "sources.html").read_text(encoding="utf-8")
    c05 = next(r for r in records if r["claim_id"] == "c05")
    entry = re.search(rf"<section id='src-{c05['source_ids'][1]}'>(.*?)</section>", text, re.S)
    assert "ledger.html#claim-c05" in entry.group(1)
    assert "<code>announcements</code>" in entry.group(1)


def test_a_verdicts_rows_cite_the_sources_the_sources_page_says_they_cite(records):
    """The ledger (which sources a verdict rests on) and the sources page (which rows cite a
    source) apply one rule; every row reference the citations table can name agrees."""
    cites = citations()
    checked = set()
    for r in records:
        for ref in r["rows"]:
            listed = cites[(cites["table"] == ref["table"]) & (cites["key"] == ref["key"])]
            if listed.empty:  # a key naming other columns, or a table without row sources
                continue
            expected = sorted(set(listed["source_id"]))
            assert row_sources([(ref["table"], ref["key"])]) == expected, ref
            checked.add((ref["table"], ref["key"]))
    assert len(checked) >= 50 and len({t for t, _ in checked}) >= 6


def test_corrections_page_lists_every_correction(rendered_site):
    text = (rendered_site / "corrections.html").read_text(encoding="utf-8")
    for cid in load_table("corrections")["correction_id"]:
        assert f"<td>{cid}</td>" in text


def test_citations_name_table_and_key():
    cites = citations()
    hit = cites[(cites["table"] == "lavrov_trips") & (cites["key"] == "trip=3, stop=2")]
    assert len(hit) >= 2
    assert set(sources_of_tables(["events"], cites)) >= {"nyt-2023-02-06"}
    assert tables_of_files(["data/events.csv", "data/nothing.csv"]) == ["events"]


def test_a_notebook_page_ends_with_the_sources_of_the_tables_it_read(tmp_path):
    nbs = tmp_path / "notebooks"
    nbs.mkdir()
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nb.cells = [nbformat.v4.new_markdown_cell("# Q\n\nA."),
                nbformat.v4.new_code_cell("from analysis import load_table\n"
                                          "len(load_table('lavrov_trips'))")]
    nbformat.write(nb, nbs / "01-trips.ipynb")
    assert report.build_report(build_dir=tmp_path / "build", folder=nbs, ledger=[]) == 0
    page = (tmp_path / "build" / "site" / "01-trips.html").read_text(encoding="utf-8")
    section = page[page.index("Sources this notebook used"):]
    assert section.index("</section>") < section.index("</main>")  # at the end of the page
    linked = set(LINK.findall(section))
    # the loader also read countries.csv, to check the itinerary's foreign keys
    expected = sources_of_tables(["lavrov_trips", "countries"], citations())
    assert linked == set(expected) and "<code>lavrov_trips</code>" in section
    editors = (tmp_path / "build" / "site" / "01-trips.editors.html").read_text(encoding="utf-8")
    assert "Sources this notebook used" in editors


def test_provenance_text_is_escaped():
    sources = load_table("sources").head(1).assign(title="<script>x</script>",
                                                  title_from="publisher")
    html = provenance.sources_body(sources, citations().head(0), [])
    assert "<script>x" not in html and "&lt;script&gt;" in html
