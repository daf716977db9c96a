"""The country notebook run for other states than its committed one (Mali), the report's plan of
one run per state, and the index's tile grid of country pages."""

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from analysis import country_text, un_votes
from analysis.contract.facts import facts_of
from analysis.contract.paths import NOTEBOOKS_DIR
from analysis.publish import countries
from analysis.publish.pages import Entry, index_body
from analysis.publish.render import to_html
from analysis.report import execute, plan

COUNTRY = NOTEBOOKS_DIR / "10-country.ipynb"


def _run(iso3):
    nb = execute.inject_parameters(nbformat.read(COUNTRY, as_version=4), {"iso3": iso3})
    client = NotebookClient(nb, kernel_name="python3", timeout=300,
                            resources={"metadata": {"path": str(NOTEBOOKS_DIR)}})
    client.execute()
    return nb


def test_a_state_sipri_records_nothing_for_gets_a_short_page_without_charts():
    nb = _run("STP")
    facts = facts_of(nb)
    assert facts["iso3"] == "STP" and facts["share_2012_2021"] is None
    assert facts["stated_2012_2021"] == facts["stated_2020_2024"] == "no imports"
    images = [o for c in nb.cells for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
    assert images == []  # a short honest page, not an empty chart
    page = to_html(nb, facts["title"], with_code=False)
    assert "SIPRI records no major arms delivered to São Tomé and Príncipe from 2012 to 2021" \
        in page
    assert ("SIPRI's register records no delivery of major arms from Russia to São Tomé and "
            "Príncipe since 1992.") in page  # said once, plainly: not again for 2012-2024
    assert "from Russia to São Tomé and Príncipe from 2012" not in page
    assert "<th>Delivered</th>" not in page  # no empty table of deals
    vote = un_votes.country_record(un_votes.load_votes(), "STP")["vote"].astype(str).iloc[0]
    assert (f"<strong>ES-11/1</strong> (2 Mar 2022): São Tomé and Príncipe "
            f"{country_text.VOTE_WORDS[vote]}.") in page


def test_a_bad_iso3_fails_naming_the_parameter():
    with pytest.raises(CellExecutionError) as err:
        _run("ZZZ")
    message = str(err.value)
    assert "parameter iso3: 'ZZZ' is not one of the 54 African UN members of " \
           "data/unga_votes.csv" in message


def test_the_plan_runs_the_country_notebook_once_per_state():
    jobs = plan.plan()
    fanned = [j for j in jobs if j.group == "10-country"]
    assert len(fanned) == 54
    assert {j.slug for j in fanned} >= {"country-MLI", "country-STP", "country-NGA"}
    assert all(j.params == {"iso3": j.slug.removeprefix("country-")} for j in fanned)
    assert not any(j.path == COUNTRY and not j.params for j in jobs)  # no default run
    stories = [j for j in jobs if not j.group]
    assert [j.slug for j in stories][:6] == ["00-fact-check", "01-arms-share",
                                             "02-wagner-footprint", "03-mali-timeline",
                                             "04-lavrov-tours", "05-un-votes"]


def test_a_malformed_fan_out_tag_is_refused(tmp_path):
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("region = 'africa'")
    cell.metadata["tags"] = ["parameters", "runs-each:unga_votes.iso3"]
    nb.cells.append(cell)
    path = tmp_path / "20-bad.ipynb"
    nbformat.write(nb, path)
    with pytest.raises(ValueError, match=r"20-bad.ipynb: tag 'runs-each:unga_votes.iso3'.*"
                                         r"\(have: region\)"):
        plan.fan_out(path)
    cell.source = "iso3 = 'MLI'"
    cell.metadata["tags"] = ["parameters", "runs-each:no_table.iso3"]
    nbformat.write(nb, path)
    with pytest.raises(ValueError, match=r"no_table.csv: no such table"):
        plan.fanned_jobs(path)


def _entry(iso3, name, share, stated):
    return Entry(f"country-{iso3}", "10-country.ipynb", "", {"iso3": iso3}, group="10-country",
                 facts={"iso3": iso3, "country": name, "share_2012_2021": share,
                        "stated_2012_2021": stated, "stated_2020_2024": stated,
                        "es11_1_vote": "yes", "wagner": None, "lavrov_stops": 0,
                        "vintage": "2025-03-13"})


def test_the_index_grid_links_every_page_with_legend_description_and_table():
    entries = [_entry("MLI", "Mali", 38.5, "38%"), _entry("STP", "São Tomé", None, "no imports"),
               _entry("DZA", "Algeria", 68.0, "68%")]
    grid = {"MLI": (2, 2), "STP": (5, 1), "DZA": (0, 4), "ESH": (1, 1)}
    body = countries.index_section(entries, grid)
    for iso3 in ("MLI", "STP", "DZA"):
        assert body.count(f"href='country-{iso3}.html'") == 2  # tile and table
    assert "aria-describedby='grid-desc'" in body and "<caption>" in body
    assert "1 25% to less than 50%; 1 50% or more; 1 no imports recorded" in body
    assert "<strong>Russia's share of the state's major-arms imports, 2012-2021</strong>" in body
    assert "class='tile nopage'" in body  # Western Sahara: a tile, no page
    index = index_body([Entry("05-un-votes", "05-un-votes.ipynb", "<h1>Q</h1>"), *entries],
                       None)
    assert index.count("<section>") == 1  # the country runs are on the grid, not sections


def test_the_grid_refuses_a_state_without_a_tile_or_figures():
    with pytest.raises(ValueError, match="no tile in africa_tile_grid.csv for MLI"):
        countries.index_section([_entry("MLI", "Mali", 38.5, "38%")], {"DZA": (0, 0)})
    bare = Entry("country-MLI", "10-country.ipynb", "", {"iso3": "MLI"}, group="10-country")
    with pytest.raises(ValueError, match="country-MLI: the notebook recorded no iso3"):
        countries.index_section([bare], {"MLI": (0, 0)})


def test_share_classes_have_readable_text():
    from analysis.charts.colour import contrast_ratio

    for label, _, fill, ink in countries.CLASSES:
        assert contrast_ratio(fill, ink) >= 4.5, label
