"""One country's figures (analysis.subjects.country), checked against a second computation
straight from the committed CSV, and the edges: no imports, a bad iso3."""

import csv
from collections import defaultdict

import pandas as pd
import pytest

from analysis import country, country_tables, load_table, un_votes
from analysis.contract.paths import DATA_DIR


@pytest.fixture(scope="module")
def annual():
    return load_table("sipri_africa_annual")


def _by_hand(iso3: str, vintage: str, first: int, last: int) -> dict[str, float]:
    """Supplier -> TIV to ``iso3``, read with the csv module from the derived file."""
    totals: dict[str, float] = defaultdict(float)
    with open(DATA_DIR / "derived" / "sipri_africa_annual.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if (row["iso3"] == iso3 and row["vintage"] == vintage
                    and first <= int(row["year"]) <= last):
                totals[row["supplier"]] += float(row["tiv_musd"])
    return totals


@pytest.mark.parametrize("iso3", ["MLI", "NGA", "AGO", "DZA", "LBY"])
@pytest.mark.parametrize(("vintage", "years"), [("2024-10-13", (2012, 2021)),
                                                ("2025-03-13", (2012, 2021)),
                                                ("2025-03-13", (2020, 2024))])
def test_share_and_rank_match_a_second_computation(annual, iso3, vintage, years):
    hand = _by_hand(iso3, vintage, *years)
    total = sum(hand.values())
    standing = country.russia_standing(annual, iso3, vintage, years)
    assert standing["total_tiv_musd"] == pytest.approx(total)
    russia = hand.get("Russia", 0.0)
    assert standing["russia_tiv_musd"] == pytest.approx(russia)
    assert standing["share_pct"] == pytest.approx(100 * russia / total)
    if russia > 0:
        assert standing["rank"] == 1 + sum(v > russia for v in hand.values())
    else:
        assert standing["rank"] is None
    assert standing["suppliers"] == sum(v > 0 for v in hand.values())


def test_mali_shares_as_stated():
    """Mali's page states these (notebooks/10-country.ipynb, committed for MLI)."""
    table = country.shares_table(load_table("sipri_africa_annual"), "MLI",
                                 [country.STORY_DECADE, country.LATEST])
    latest = table.groupby("period").last()
    assert country.percent_text(latest.loc["2012-2021", "share_pct"]) == "38%"
    assert country.percent_text(latest.loc["2020-2024", "share_pct"]) == "44%"
    assert (table["rank"] == 1).all()


def test_a_country_sipri_records_nothing_for(annual):
    assert country.imports_of(annual, "STP", "2025-03-13").empty
    standing = country.russia_standing(annual, "STP", "2025-03-13", country.STORY_DECADE)
    assert standing["share_pct"] is None and standing["rank"] is None
    assert standing["suppliers"] == 0
    assert country.yearly_by_supplier(annual, "STP", "2025-03-13", country.STORY_DECADE).empty
    assert country.share_sentence("São Tomé and Príncipe", standing) == (
        "SIPRI records no major arms delivered to São Tomé and Príncipe from 2012 to 2021.")


def test_only_covering_vintages_give_the_latest_window(annual):
    table = country.shares_table(annual, "MLI", [country.LATEST])
    assert table["vintage"].tolist() == ["2025-03-13"]


@pytest.mark.parametrize("bad", ["mli", "XXX", "EGY ", 42, None, "RUS"])
def test_a_bad_iso3_is_refused_naming_the_parameter(bad):
    members = country.african_members(un_votes.load_votes())
    assert len(members) == 54
    with pytest.raises(ValueError, match=r"parameter iso3: .* not one of the 54 African UN "
                                         r"members of data/unga_votes.csv"):
        country.check_iso3(bad, members)


def test_yearly_by_supplier_keeps_every_year_and_the_total(annual):
    wide = country.yearly_by_supplier(annual, "MLI", "2025-03-13", (2012, 2024))
    assert wide.index.tolist() == list(range(2012, 2025))
    assert wide.columns[0] == "Russia" and wide.columns[-1] == "all others"
    assert wide.to_numpy().sum() == pytest.approx(sum(_by_hand("MLI", "2025-03-13",
                                                               2012, 2024).values()))


def test_the_largest_supplier_keeps_its_layer_even_when_unknown(annual):
    # SIPRI's largest supplier to the Central African Republic in 2012-2024 is "unknown
    # supplier(s)": the chart's title names it, so its legend must show it too
    ranking = country.supplier_ranking(annual, "CAF", "2025-03-13", (2012, 2024))
    wide = country.yearly_by_supplier(annual, "CAF", "2025-03-13", (2012, 2024))
    assert ranking["supplier"].iloc[0] == "unknown supplier(s)"
    assert "unknown supplier(s)" in wide.columns


@pytest.mark.parametrize(("iso3", "start"), [
    ("CAF", "The Central African Republic"), ("COD", "The Democratic Republic of the Congo"),
    ("COG", "The Republic of the Congo"), ("MLI", "Mali")])
def test_a_name_that_takes_the_reads_so_inside_and_at_the_start_of_a_sentence(iso3, start):
    # (the start of a sentence: a chart title that begins with the supplier, capitalised)
    from analysis import country_text

    called = load_table("countries").set_index("iso3").loc[iso3, "in_sentence"]
    votes = un_votes.load_votes()
    table = country.vote_comparison(votes, load_table("unga_resolutions"), iso3)
    inside = start.replace("The ", "the ", 1)
    assert called == inside
    items = country_text.votes_paragraph(called, table).split("\n")
    assert len(items) == len(table) and all(f"): {inside} " in i for i in items)
    assert country_text.supplier_title("Russia", called, (2012, 2024)) == \
        f"Russia delivered the most major arms to {inside}, 2012-2024"
    share = country.share_sentence(called, {"period": "2012-2021", "share_pct": None})
    assert share.endswith(f"to {called} from 2012 to 2021.") and (" to the " in share) == (
        iso3 != "MLI")


def test_votes_beside_africa_and_the_world():
    votes = un_votes.load_votes()
    table = country.vote_comparison(votes, load_table("unga_resolutions"), "MLI")
    assert table["vote"].tolist() == ["abstain", "unknown", "no", "abstain", "no", "no", "no"]
    es7 = table.set_index("resolution").loc["A/RES/ES-11/7"]
    assert (es7["africa_yes"], es7["africa_no"], es7["africa_abstain_or_absent"],
            es7["africa_unknown"], es7["global_yes"]) == (13, 8, 28, 1, 93)
    africa = table[[c for c in table.columns if c.startswith("africa_")]].sum(axis=1)
    assert (africa == 54).all()
    # the page's table shows every one of Africa's 54 on every row
    shown = country_tables.votes_display(table)
    cols = ["Africa: for", "against", "abstained", "did not vote", "abstained or did not vote",
            "not sourced"]
    assert (shown[cols].sum(axis=1) == 54).all()
    assert shown.loc["ES-11/7", "abstained or did not vote"] == 28
    assert table.loc[0, "global_yes"] == 141
    with pytest.raises(KeyError, match="XXX"):
        country.vote_comparison(votes, load_table("unga_resolutions"), "XXX")


def test_claims_that_name_a_country():
    claims = pd.DataFrame({"claim_id": ["a", "b", "c"], "paragraph": [1, 2, 3],
                           "claim": ["Lavrov went to South Sudan.", "Guinea-Bissau voted.",
                                     "Nothing here."],
                           "notes": ["", "Not Guinea itself.", None]})
    countries = pd.DataFrame({"iso3": ["SDN", "SSD", "GIN", "GNB"],
                              "country": ["Sudan", "South Sudan", "Guinea", "Guinea-Bissau"]})
    assert country.claims_naming(claims, countries, "SSD")["claim_id"].tolist() == ["a"]
    assert country.claims_naming(claims, countries, "SDN").empty
    assert country.claims_naming(claims, countries, "GIN")["claim_id"].tolist() == ["b"]
    real = country.claims_naming(load_table("claims"), load_table("countries"), "ZAF")
    assert real["claim_id"].tolist()[:3] == ["c16", "c17", "c17a"]


def test_wagner_record():
    from analysis import wagner

    frame = wagner.load_wagner()
    assert country.wagner_record(frame, "MLI")["status"] == "confirmed"
    assert country.wagner_record(frame, "GHA") is None


@pytest.mark.parametrize("iso3, name, later", [
    ("KEN", "Kenya", "Nairobi on 29 May 2023 (trip 4)"),
    ("BDI", "Burundi", "Bujumbura on 30 May 2023 (trip 4)"),
    ("GIN", "Guinea", "Conakry on 3 June 2024 (trip 5)"),
    ("BFA", "Burkina Faso", "Ouagadougou on 4 June 2024 (trip 5)"),
    ("TCD", "Chad", "N'Djamena for talks on 5 June 2024 (trip 5)"),
])
def test_a_country_page_lists_the_visits_after_the_story_as_such(iso3, name, later):
    from analysis import trips
    from analysis.subjects import country_text

    every = trips.load_trips(through=None)
    stops = country.visits(every, iso3)
    assert stops["after_story"].all()
    text = country_text.visits_sentence(name, stops, every)
    assert f"on later trips, after the story, once: {later}." in text
    assert "the tours the story counted" not in text


def test_a_country_page_tells_the_story_s_tours_from_later_trips():
    from analysis import trips
    from analysis.subjects import country_text

    every = trips.load_trips(through=None)
    text = country_text.visits_sentence("South Africa", country.visits(every, "ZAF"), every)
    assert ("on the tours the story counted, once: Pretoria on 23 January 2023 (trip 2); and on "
            "later trips, after the story, twice: Cape Town for talks on 1 June 2023 (trip 4); "
            "Johannesburg on 20 February 2025 (trip 6, a multilateral meeting)") in text
    # Mali's stop (7 Feb 2023) is on the tour the story reported, which began the day before
    mali = country.visits(every, "MLI")
    assert not mali["after_story"].any()


@pytest.mark.parametrize(("iso3", "says"), [
    ("MLI", ["Wagner's deployment ended on 6 June 2025; Africa Corps (Russia's defence "
             "ministry) took over."]),
    ("NER", ["records no report of Wagner in Niger",
             "Russia's Africa Corps, run by its defence ministry, arrived on 10 April 2024"]),
    ("BFA", ["first reported on 14 December 2022", "Its status after the story (6 February "
             "2023) is not sourced.", "arrived on 24 January 2024"]),
    ("SDN", ["first reported in 2017", "Its status after the story (6 February 2023) is not "
             "sourced."]),
    ("CAF", ["Its status is sourced to 6 August 2025, with no end on record."]),
])
def test_the_wagner_paragraph_says_how_the_deployment_ended_and_who_came(iso3, says):
    # from the committed tables: Wagner's row, and Africa Corps' arrivals (a row's successor
    # or a deployment event)
    from analysis import country_text, events, wagner

    deployments = wagner.load_wagner()
    corps = wagner.africa_corps_arrivals(wagner.host_spans(deployments, events.load_events()),
                                         iso3)
    called = load_table("countries").set_index("iso3").loc[iso3, "in_sentence"]
    text = country_text.wagner_paragraph(called, country.wagner_record(deployments, iso3),
                                         corps)
    for phrase in says:
        assert phrase in text
    assert text.count("Africa Corps") <= 1  # Mali's successor is not said twice


def test_a_vote_the_sources_dispute_says_so_with_its_confidence():
    from analysis import country_text
    votes, resolutions = un_votes.load_votes(), load_table("unga_resolutions")

    def es7(iso3, name):
        table = country.vote_comparison(votes, resolutions, iso3)
        return next(i for i in country_text.votes_paragraph(name, table).split("\n")
                    if i.startswith("- **ES-11/7**"))

    # Wikipedia's list names Tunisia for; Arab News says every Arab state but Lebanon abstained
    assert "Tunisia voted for it (low confidence: the sources disagree)." in es7("TUN", "Tunisia")
    # Egypt: APA also names the yes, so medium
    assert "Egypt voted for it (medium confidence: the sources disagree)." in es7("EGY", "Egypt")
    # Rwanda: APA's yes against Wikipedia's complete list
    assert "Rwanda was not among the states named as voting against it, and the sources " \
        "disagree on how it voted." in es7("RWA", "Rwanda")
    # an undisputed vote carries no such words
    nigeria = es7("NGA", "Nigeria")
    assert "Nigeria voted for it." in nigeria and "disagree" not in nigeria
    angola = es7("AGO", "Angola")
    assert "Angola abstained." in angola
