"""Tests for analysis.charts.travel: Lavrov's trips to Africa over time, the story's tours told
apart from the later trips by hatch, colour and a labelled rule."""

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from analysis import load_table, trips
from analysis.charts.accessibility import chart_violations
from analysis.charts.travel import travel_chart

FINISH = {"title": "t", "subtitle": "s", "source": "x", "alt": "a"}


@pytest.fixture(scope="module")
def travel():
    countries = load_table("countries")
    african = set(countries.loc[countries["continent"] == "africa", "iso3"])
    return trips.africa_travel(trips.load_trips(through=None), african)


def test_one_bar_per_trip_as_long_as_its_african_stops(travel):
    fig = travel_chart(travel, story_date=trips.STORY_DATE, **FINISH)
    ax = fig.axes[0]
    bars = sorted(ax.patches, key=lambda p: -p.get_y())  # top (earliest) first
    assert [p.get_width() for p in bars] == [4, 4, 3, 4, 4, 1, 1]
    assert [bool(p.get_hatch()) for p in bars] == [False] * 3 + [True] * 4
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["Jul 2022 tour", "Jan 2023 tour", "Feb 2023 tour", "May-Jun 2023 tour",
                      "Jun 2024 tour", "Feb 2025 meeting", "Dec 2025 meeting"]
    # the rule sits between the February 2023 tour and the first later trip
    rule = [line for line in ax.lines if line.get_linestyle() == "--"]
    assert len(rule) == 1 and rule[0].get_ydata()[0] == pytest.approx(3.5)
    assert any("The story, 6 Feb 2023" in t.get_text() for t in ax.texts)
    assert chart_violations(fig) == []
    plt.close(fig)


def test_no_rule_when_every_trip_is_the_story_s(travel):
    fig = travel_chart(travel[~travel["after_story"]], story_date=trips.STORY_DATE, **FINISH)
    assert not [line for line in fig.axes[0].lines if line.get_linestyle() == "--"]
    plt.close(fig)


def test_missing_columns_are_named():
    with pytest.raises(ValueError, match=r"travel lacks the columns \['after_story'"):
        travel_chart(pd.DataFrame({"trip": [1], "kind": ["tour"], "start": [pd.NaT],
                                   "end": [pd.NaT], "african_stops": [1], "countries": ["x"]}),
                     story_date=trips.STORY_DATE, **FINISH)
