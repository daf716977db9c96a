"""The UN-votes helpers and charts: Africa beside the rest of the world, the readings of
"supported the invasion", Russia's arms clients, and the charts' refusal to guess."""

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from analysis import load_table, un_votes
from analysis.charts import votes as vote_charts

FINISH = {"title": "A finding", "subtitle": "A measure", "source": "Test", "alt": "A test chart"}


@pytest.fixture(scope="module")
def votes():
    return un_votes.load_votes()


@pytest.fixture(scope="module")
def resolutions():
    return load_table("unga_resolutions")


def test_africa_and_world_adds_up_to_the_published_tallies(votes, resolutions):
    world = un_votes.africa_and_world(votes, resolutions)
    es1 = world[world["resolution"] == "A/RES/ES-11/1"].pivot(index="vote", columns="bloc",
                                                               values="states")
    assert es1.loc["yes"].sum() == 141 and es1.loc["no"].sum() == 5
    assert es1["rest of the world"].sum() == 193 - 54
    sums = world.groupby(["resolution", "bloc"])["share"].sum(min_count=1).dropna()
    # 7 resolutions x 2 blocs, less the rest of the world where African votes are unknown
    assert len(sums) == 11 and sums.round(6).eq(1).all()


def test_africa_and_world_never_splits_the_world_where_african_votes_are_unknown(votes,
                                                                                resolutions):
    world = un_votes.africa_and_world(votes, resolutions)
    rest = world[world["bloc"] == "rest of the world"].set_index(["resolution", "vote"])
    assert rest.loc["A/RES/ES-11/2", "states"].isna().all()
    assert rest.loc["A/RES/ES-11/5", "share"].isna().all()
    assert rest.loc["A/RES/ES-11/7", "states"].isna().all()
    assert rest.loc["A/RES/ES-11/4", "states"].notna().all()


def test_stance_counts_on_a_tiny_table():
    rows = [("A/RES/ES-11/1", "AAA", "no"), ("A/RES/ES-11/4", "AAA", "abstain"),
            ("A/RES/ES-11/1", "BBB", "abstain"), ("A/RES/ES-11/4", "BBB", "absent"),
            ("A/RES/ES-11/1", "CCC", "yes"), ("A/RES/ES-11/4", "CCC", "yes"),
            ("A/RES/ES-11/2", "CCC", "unknown"), ("A/RES/ES-11/2", "BBB", "no"),
            ("A/RES/ES-11/2", "AAA", "unknown"), ("A/RES/ES-11/6", "CCC", "no")]
    frame = pd.DataFrame(rows, columns=["resolution", "iso3", "vote"])
    frame["after_story"] = frame["resolution"] == "A/RES/ES-11/6"
    out = un_votes.stance_counts(frame).set_index("reading")
    assert out["states"].tolist() == [1, 2, 2, 2]  # ES-11/6 (after the story) never counts
    assert out.iloc[0]["iso3"] == ["AAA"] and out.iloc[1]["iso3"] == ["AAA", "BBB"]
    # an unknown vote is never a no (the sources name every state against): nothing open there
    assert out.iloc[1]["open_states"] == 0
    # ("backed neither" reads only the condemning texts, where no vote here is unknown)
    assert out["open_states"].tolist() == [0, 0, 0, 0]


def test_later_against_names_the_states_against_each_text_since_the_story():
    rows = [("A/RES/ES-11/1", "AAA", "no", "2022-03-02"), ("A/RES/ES-11/6", "AAA", "no",
            "2023-02-23"), ("A/RES/ES-11/6", "BBB", "abstain", "2023-02-23"),
            ("A/RES/ES-11/7", "BBB", "no", "2025-02-24"), ("A/RES/ES-11/7", "AAA", "unknown",
            "2025-02-24")]
    frame = pd.DataFrame(rows, columns=["resolution", "iso3", "vote", "date"])
    frame["after_story"] = frame["resolution"] != "A/RES/ES-11/1"
    out = un_votes.later_against(frame, "2025-02-24")
    assert out["resolution"].tolist() == ["A/RES/ES-11/6", "A/RES/ES-11/7"]
    assert out["against"].tolist() == [["AAA"], ["BBB"]]
    assert out["not_yes"].tolist() == [["AAA", "BBB"], ["BBB"]]
    assert out["unknown"].tolist() == [0, 1]
    # a window that ends before ES-11/7 leaves it out
    assert un_votes.later_against(frame, "2024-12-31")["resolution"].tolist() == ["A/RES/ES-11/6"]


def test_largest_arms_clients_names_a_recipient_without_a_country():
    top = pd.DataFrame({"recipient": ["Egypt", "Nowhere"], "tiv_musd": [2.0, 1.0]})
    rec = pd.DataFrame({"sipri_name": ["Egypt"], "iso3": ["EGY"]})
    with pytest.raises(ValueError, match="Nowhere"):
        un_votes.largest_arms_clients(top, rec)


def test_vote_grid_chart_marks_every_cell_with_its_letter(votes):
    grid = un_votes.vote_grid(votes).iloc[:5]
    names = votes.drop_duplicates("iso3").set_index("iso3")["country"]
    fig = vote_charts.vote_grid_chart(grid, names, columns={c: c for c in grid.columns},
                                      after_story={"A/RES/ES-11/6"}, **FINISH)
    letters = [t.get_text() for t in fig.axes[0].texts]
    assert len(letters) == grid.size
    assert set(letters) <= set(vote_charts.VOTE_LETTERS.values())
    plt.close(fig)


def test_vote_grid_chart_refuses_a_vote_it_does_not_know():
    grid = pd.DataFrame({"A/RES/ES-11/1": ["maybe"]}, index=["MLI"])
    with pytest.raises(ValueError, match="maybe"):
        vote_charts.vote_grid_chart(grid, pd.Series({"MLI": "Mali"}),
                                    columns={"A/RES/ES-11/1": "ES-11/1"}, **FINISH)


def test_bloc_shares_chart_says_when_a_split_cannot_be_computed(votes, resolutions):
    world = un_votes.africa_and_world(votes, resolutions)
    fig = vote_charts.bloc_shares_chart(world, columns={s: s for s in resolutions["symbol"]},
                                        **FINISH)
    notes = [t.get_text() for t in fig.axes[0].texts if "not computable" in t.get_text()]
    assert len(notes) == 3  # ES-11/2, ES-11/5 and ES-11/7
    plt.close(fig)


def test_load_votes_through_a_date_drops_the_later_texts_and_their_categories():
    first_year = un_votes.load_votes(through=un_votes.FIRST_YEAR_LAST_VOTE)
    assert list(first_year["resolution"].cat.categories) == [f"A/RES/ES-11/{i}" for i in
                                                             range(1, 7)]
    assert len(first_year) == 6 * 54
    assert len(un_votes.votes_by_resolution(first_year)) == 6  # no empty row for ES-11/7


def test_votes_against_chart_shows_every_no_count_and_the_unknowns(votes, resolutions):
    counts = un_votes.votes_by_resolution(votes)
    fig = vote_charts.votes_against_chart(counts, resolutions, **FINISH)
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[0].startswith("ES-11/1, Mar 2022: 1 against")
    assert labels[-1] == "ES-11/7, Feb 2025: 8 against\nworld: 93 of 193 for"
    texts = [t.get_text() for t in ax.texts]
    assert {"A– 28", "A 4", "Y 13", "N 8", "? 43"} <= set(texts)
    # each bar holds the 54 states, the unknown ones outlined in white, never spread
    widths = {}
    for bar in ax.patches:
        widths[round(bar.get_y(), 2)] = widths.get(round(bar.get_y(), 2), 0) + bar.get_width()
    assert set(widths.values()) == {54}
    white = [b for b in ax.patches if b.get_facecolor()[:3] == (1.0, 1.0, 1.0)]
    assert sorted(b.get_width() for b in white) == [1, 5, 43]
    assert fig._house["data"]["no"].tolist() == [1, 1, 9, 0, 5, 2, 8]
    plt.close(fig)


def test_votes_against_chart_refuses_a_resolution_it_cannot_date(votes, resolutions):
    counts = un_votes.votes_by_resolution(votes)
    with pytest.raises(ValueError, match="ES-11/7"):
        vote_charts.votes_against_chart(counts, resolutions.iloc[:6], **FINISH)
