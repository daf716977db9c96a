"""The UNGA votes table: all 54 African states on every resolution, African sub-totals that match
the totals the research notes give (and never exceed the global tallies), unknowns exactly where
the notes say so, and bad rows refused with file, row and column named."""

import json

import pandas as pd
import pytest
from helpers import copy_data, set_cell

from analysis.contract.datapackage import load_table
from analysis.contract.errors import DataError

VOTES = ["yes", "no", "abstain", "absent", "abstain_or_absent", "unknown"]
STORY_DATE = pd.Timestamp("2023-02-06")

# African sub-totals (yes, no, abstain, absent, unknown) as ../shared/reference/unga_votes.md
# gives them, and the published counts they were checked against (its summary table):
# ES-11/1 28/1/17/8 (The Africa Report, allAfrica, kapitalafrik); ES-11/3 10/9/24/11 (RFI);
# ES-11/4 19 abstain, 5 absent (Thiesinfo), none against (GA/12458); ES-11/6 2 no, 15 abstain,
# 6 absent (GhanaWeb, Morning Star). ES-11/2 and ES-11/5 are incomplete. ES-11/7 (24 Feb 2025):
# the 8 African no votes of since_the_story.md U03, the 13 African yes votes of Wikipedia's list
# of all 93 in favour, the 4 African abstentions in its abstention list as far as it was read
# (to 'Cuba'), Rwanda unknown (APA names it as a yes, Wikipedia's list does not), and the other
# 28 abstained or did not vote (in neither list). Columns: yes, no, abstain, absent,
# abstain_or_absent, unknown.
NOTES_TALLIES = {
    "A/RES/ES-11/1": (28, 1, 17, 8, 0, 0),
    "A/RES/ES-11/2": (2, 1, 2, 6, 0, 43),
    "A/RES/ES-11/3": (10, 9, 24, 11, 0, 0),
    "A/RES/ES-11/4": (30, 0, 19, 5, 0, 0),
    "A/RES/ES-11/5": (15, 5, 24, 5, 0, 5),
    "A/RES/ES-11/6": (31, 2, 15, 6, 0, 0),
    "A/RES/ES-11/7": (13, 8, 4, 0, 28, 1),
}
# ES-11/7: U03 names all 18 states against (Ukrainska Pravda's full list); the African ones.
ES11_7_NO = {"BFA", "BDI", "CAF", "GNQ", "ERI", "MLI", "NER", "SDN"}
# ES-11/7: the African states in Wikipedia's list of the 93 in favour (unga-wikipedia-es11-7).
ES11_7_YES = {"CPV", "COM", "CIV", "DJI", "EGY", "GMB", "LBR", "MUS", "NGA", "SYC", "SLE", "SOM",
              "TUN"}
# Arab News: every Arab state abstained but Lebanon. Its African Arab League members.
ARAB_LEAGUE_AFRICA = {"COM", "DJI", "DZA", "EGY", "LBY", "MAR", "MRT", "SDN", "SOM", "TUN"}
# ES-11/5, APA: 27 African abstentions and 7 absentees (Africa Presse: 5 against, 27 abstain).
ES11_5_PUBLISHED = {"no": 5, "abstain": 27, "absent": 7}
ES11_5_UNKNOWN = {"STP", "SLE", "TZA", "TUN", "UGA"}
# ES-11/2: the only votes the notes establish; everything else is unknown.
ES11_2_KNOWN = {"ERI": "no", "MAR": "absent", "BFA": "absent", "CMR": "absent", "COM": "absent",
                "GIN": "absent", "SOM": "absent", "SEN": "yes", "MRT": "yes", "ZAF": "abstain",
                "CAF": "abstain"}


@pytest.fixture(scope="module")
def votes():
    return load_table("unga_votes")


@pytest.fixture(scope="module")
def resolutions():
    return load_table("unga_resolutions")


@pytest.fixture(scope="module")
def tallies(votes):
    return (votes.groupby("resolution")["vote"].value_counts().unstack(fill_value=0)
            .reindex(columns=VOTES, fill_value=0))


def test_every_african_member_state_votes_on_every_resolution(votes, resolutions):
    africa = load_table("countries").query("continent == 'africa' and iso3 != 'ESH'")["iso3"]
    assert len(africa) == 54
    assert len(votes) == 54 * len(resolutions) == 378
    for symbol in resolutions["symbol"]:
        assert set(votes.loc[votes["resolution"] == symbol, "iso3"]) == set(africa), symbol


def test_african_tallies_match_the_research_notes(tallies):
    computed = {sym: tuple(int(n) for n in row) for sym, row in tallies.iterrows()}
    assert computed == NOTES_TALLIES


def test_es11_5_unknowns_are_consistent_with_the_published_african_totals(tallies):
    t = tallies.loc["A/RES/ES-11/5"]
    assert t["no"] == ES11_5_PUBLISHED["no"]
    missing_abstain = ES11_5_PUBLISHED["abstain"] - t["abstain"]
    missing_absent = ES11_5_PUBLISHED["absent"] - t["absent"]
    assert (missing_abstain, missing_absent) == (3, 2)
    assert missing_abstain + missing_absent == t["unknown"]


def test_african_tallies_never_exceed_the_global_ones(tallies, resolutions):
    res = resolutions.set_index("symbol")
    for col, glob in [("yes", "global_yes"), ("no", "global_no"), ("abstain", "global_abstain"),
                      ("absent", "global_non_voting")]:
        over = tallies[col] > res.loc[tallies.index, glob]
        assert not over.any(), (col, list(tallies.index[over]))
    either = tallies["abstain"] + tallies["absent"] + tallies["abstain_or_absent"]
    over = either > res.loc[tallies.index, "global_abstain"] + res.loc[tallies.index,
                                                                        "global_non_voting"]
    assert not over.any(), list(tallies.index[over])


def test_global_tallies_add_up_to_the_193_members(resolutions):
    total = resolutions[["global_yes", "global_no", "global_abstain", "global_non_voting"]]
    assert (total.sum(axis=1) == 193).all()


def test_unknowns_only_where_the_notes_say_unknown(votes):
    unknown = votes[votes["vote"] == "unknown"]
    assert set(unknown["resolution"]) == {"A/RES/ES-11/2", "A/RES/ES-11/5", "A/RES/ES-11/7"}
    es11_5 = unknown.loc[unknown["resolution"] == "A/RES/ES-11/5", "iso3"]
    assert set(es11_5) == ES11_5_UNKNOWN
    es11_2 = votes[votes["resolution"] == "A/RES/ES-11/2"].set_index("iso3")["vote"]
    assert es11_2[es11_2 != "unknown"].to_dict() == ES11_2_KNOWN


def test_confidence_is_given_for_every_known_vote_and_only_for_those(votes):
    unknown = votes["vote"] == "unknown"
    assert votes.loc[unknown, "confidence"].isna().all()
    assert votes.loc[~unknown, "confidence"].notna().all()


def test_elimination_based_votes_are_never_high_confidence_unless_also_named(votes):
    by_elimination = votes["notes"].fillna("").str.contains("by elimination")
    also_named = votes["notes"].fillna("").str.contains("Also named")
    assert (votes.loc[by_elimination & ~also_named, "confidence"] == "medium").all()


def test_only_es11_6_and_es11_7_came_after_the_story(resolutions):
    after = resolutions.set_index("symbol")["after_story"]
    assert (after == (resolutions.set_index("symbol")["date"] > STORY_DATE)).all()
    assert list(after[after].index) == ["A/RES/ES-11/6", "A/RES/ES-11/7"]


def test_es11_7_votes_are_u03s_no_votes_wikipedias_yes_votes_and_neither(votes, resolutions):
    es7 = votes[votes["resolution"] == "A/RES/ES-11/7"].set_index("iso3")
    assert set(es7.index[es7["vote"] == "no"]) == ES11_7_NO
    assert set(es7.index[es7["vote"] == "yes"]) == ES11_7_YES
    yes = es7.loc[sorted(ES11_7_YES)]
    assert yes["source_ids"].map(lambda ids: "unga-wikipedia-es11-7" in ids).all()
    assert yes["notes"].str.startswith("In Wikipedia's list of the 93 states").all()
    # where Arab News disagrees, the yes is low unless APA also names it (Egypt: medium)
    disputed = yes[yes.index.isin(ARAB_LEAGUE_AFRICA)]
    assert disputed["confidence"].to_dict() == {"COM": "low", "DJI": "low", "EGY": "medium",
                                                "SOM": "low", "TUN": "low"}
    assert disputed["notes"].str.contains("Sources disagree: Arab News says").all()
    assert (yes.drop(disputed.index)["confidence"] == "medium").all()
    # every African Arab League member's row cites Arab News and says what it says
    arab = es7.loc[sorted(ARAB_LEAGUE_AFRICA)]
    assert arab["source_ids"].map(lambda ids: "unga-arabnews-es11-7" in ids).all()
    assert arab["notes"].str.contains("Arab News says every Arab state abstained save "
                                      "Lebanon").all()
    # Rwanda: APA's yes against Wikipedia's complete list, both recorded, neither used
    rwa = es7.loc["RWA"]
    assert rwa["vote"] == "unknown" and rwa["notes"].startswith("Sources disagree: APA")
    assert {"unga-apa-es11-7", "unga-wikipedia-es11-7"} <= set(rwa["source_ids"])
    # the abstention list, read as far as 'Cuba' (alphabetical): its African names abstained
    abstained = es7[es7["vote"] == "abstain"]
    assert list(abstained.index) == ["AGO", "BWA", "DZA", "TCD"]
    assert (abstained["confidence"] == "medium").all()
    assert abstained["notes"].str.startswith("In Wikipedia's list of the 65 states that "
                                             "abstained on ES-11/7, read as far as 'Cuba'").all()
    others = es7.drop(sorted(ES11_7_NO | ES11_7_YES | {"RWA"} | set(abstained.index)))
    assert len(others) == 28 and (others["vote"] == "abstain_or_absent").all()
    assert (others["confidence"] == "medium").all()
    assert others["notes"].str.startswith("In neither Wikipedia's list of the 93 states").all()
    assert others["source_ids"].map(
        lambda ids: {"unga-pravda-es11-7", "unga-wikipedia-es11-7"} <= set(ids)).all()
    # medium where one source names the no vote, high where two do
    named_by = es7.loc[sorted(ES11_7_NO), "source_ids"].map(len)
    assert (es7.loc[named_by.index, "confidence"] == named_by.map({1: "medium"}).fillna(
        "high")).all()
    assert set(es7.loc[named_by.index[named_by == 1]].index) == {"CAF", "GNQ"}
    # the UN's record of the vote was not seen: no record number is given for it
    assert pd.isna(resolutions.set_index("symbol").loc["A/RES/ES-11/7", "undl_record"])


def test_every_vote_cites_a_vote_list_source(votes):
    cited = {s for ids in votes["source_ids"] for s in ids}
    assert all(s.startswith(("unga-", "un-")) for s in cited)


# --- bad rows, on a copy of data/ -------------------------------------------------------------

def _load(folder, name):
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    return load_table(name, data_dir=folder, descriptor=descriptor)


BAD_ROWS = {
    "invalid vote": ("unga_votes.csv", 5, "vote", "maybe",
                     "row 5, column vote: 'maybe' is not one of ['yes', 'no', 'abstain'"),
    "invalid confidence": ("unga_votes.csv", 5, "confidence", "certain",
                           "row 5, column confidence: 'certain' is not one of"),
    "duplicate key": ("unga_votes.csv", 2, "iso3", "AGO",
                      "row 2, column resolution: resolution='A/RES/ES-11/1', iso3='AGO' repeats "
                      "an earlier row (primary key)"),
    "unknown iso3": ("unga_votes.csv", 7, "iso3", "XYZ",
                     "row 7, column iso3: 'XYZ' is not a iso3 of countries"),
    "unknown source id": ("unga_votes.csv", 9, "source_ids", "unga-wikipedia-es11-1;unga-nowhere",
                          "row 9, column source_ids: 'unga-nowhere' is not a source_id of sources"),
    "unknown resolution": ("unga_votes.csv", 3, "resolution", "A/RES/ES-11/9",
                           "row 3, column resolution: 'A/RES/ES-11/9' is not a symbol of "
                           "unga_resolutions"),
    "missing source": ("unga_votes.csv", 4, "source_ids", "",
                       "row 4, column source_ids: is empty but the column is required"),
    "tally not a number": ("unga_resolutions.csv", 2, "global_yes", "140?",
                           "row 2, column global_yes: '140?' is not a whole number"),
    "after_story not a boolean": ("unga_resolutions.csv", 6, "after_story", "yes",
                                  "row 6, column after_story: 'yes' is not a boolean"),
}


@pytest.mark.parametrize("case", sorted(BAD_ROWS))
def test_bad_rows_fail_naming_file_row_and_column(tmp_path, case):
    file, row, column, value, message = BAD_ROWS[case]
    folder = copy_data(tmp_path)
    set_cell(folder, file, row, column, value)
    name = file.removesuffix(".csv")
    with pytest.raises(DataError) as err:
        _load(folder, name)
    assert file in str(err.value)
    assert message in str(err.value)


def test_a_bad_source_in_the_resolutions_table_is_named(tmp_path):
    folder = copy_data(tmp_path)
    set_cell(folder, "unga_resolutions.csv", 1, "source_ids", "un-nowhere")
    with pytest.raises(DataError, match=r"unga_resolutions.csv, row 1, column source_ids: "
                                        r"'un-nowhere' is not a source_id of sources"):
        _load(folder, "unga_resolutions")
