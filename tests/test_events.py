"""Tests for analysis.events: the committed table, its checks, and the timeline helpers."""


import pandas as pd
import pytest
from helpers import copy_data, set_cell

from analysis.contract.datapackage import load_table
from analysis.contract.errors import DataError
from analysis.subjects.events import (
    STORY_DATE,
    check_events,
    events_between,
    load_events,
    period_bounds,
    timeline,
)

FILE = "events.csv"


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    return load_events()


@pytest.fixture(scope="module")
def by_id(events) -> pd.DataFrame:
    return events.set_index("event_id")


def test_load_events_committed_table_loads(events):
    assert len(events) >= 30
    assert events["event_id"].is_unique


def test_load_events_every_row_cites_an_existing_source(events):
    known = set(load_table("sources")["source_id"])
    for ids in events["source_ids"]:
        assert ids, "every row must cite at least one source"
        assert set(ids) <= known


@pytest.mark.parametrize(
    ("event_id", "date", "category"),
    [
        ("mli-coup-2020", "2020-08-18", "coup"),
        ("mli-coup-2021", "2021-05-24", "coup"),
        ("mli-goita-sworn-in-2021", "2021-06-07", "leadership"),
        ("mli-serval-start-2013", "2013-01", "military operation"),
        ("mli-barkhane-start-2014", "2014-08", "military operation"),
        ("mli-minusma-established-2013", "2013", "deployment"),
        ("mli-helicopters-2021-09", "2021-09-30", "arms delivery"),
        ("mli-wagner-arrival-2021", "2021-12", "deployment"),
        ("mli-france-withdrawal-announced-2022", "2022-02-17", "withdrawal"),
        ("mli-moura-2022", "2022-03-27", "mass killing"),
        ("mli-french-troops-leave-2022", "2022-08-15", "withdrawal"),
        ("mli-barkhane-ended-2022", "2022-11-09", "withdrawal"),
        ("mli-un-experts-2023", "2023-01-31", "UN finding"),
        ("mli-expulsion-hr-chief-2023", "2023-02-05", "expulsion"),
        ("bfa-coup-2022-09", "2022-09-30", "coup"),
        ("bfa-french-troops-ordered-out-2023", "2023-01-21", "expulsion"),
        ("zaf-mosi-ii-announced-2023", "2023-01-19", "exercise"),
        ("zaf-mosi-ii-held-2023", "2023-02-17", "exercise"),
        ("rus-eu-sanctions-wagner-2021", "2021-12-13", "sanctions"),
        ("rus-us-tco-designation-2023", "2023-01-26", "sanctions"),
    ],
)
def test_load_events_pins_dates_the_notebooks_state(by_id, event_id, date, category):
    assert by_id.loc[event_id, "date"] == date
    assert by_id.loc[event_id, "category"] == category


def test_load_events_recalled_days_are_not_used(by_id):
    # Serval's day and MINUSMA's resolution date are recalled only; Salgado's month is disputed.
    assert by_id.loc["mli-serval-start-2013", "date_precision"] == "month"
    assert by_id.loc["mli-minusma-established-2013", "date_precision"] == "year"
    assert by_id.loc["mli-salgado-expelled-2022", "date"] == "2022"
    assert by_id.loc["mli-salgado-expelled-2022", "confidence"] == "medium"
    # Burkina's January 2022 coup is recalled only: it stays out.
    burkina_coups = by_id.loc[(by_id["iso3"] == "BFA") & (by_id["category"] == "coup")]
    assert burkina_coups["date"].tolist() == ["2022-09-30"]


def test_load_events_ranges_and_later_events_are_noted(by_id):
    assert "27-31 Mar 2022" in by_id.loc["mli-moura-2022", "notes"]
    assert "17-27 Feb 2023" in by_id.loc["zaf-mosi-ii-held-2023", "notes"]
    assert "after the story" in by_id.loc["mli-ohchr-moura-report-2023", "notes"]


def test_period_bounds_covers_leap_february():
    assert period_bounds("2024-02") == (pd.Timestamp("2024-02-01"), pd.Timestamp("2024-02-29"))


def test_events_between_counts_arms_deliveries_in_2022(events):
    in_2022 = events_between(events, "2022", "2022")
    deliveries = in_2022.loc[in_2022["category"] == "arms delivery", "date"].tolist()
    assert deliveries == ["2022-03-30", "2022-04-18", "2022-08-09"]


def test_events_between_excludes_coarser_dates_not_wholly_inside(events):
    august = events_between(events, "2022-08", "2022-08")["event_id"].tolist()
    assert "mli-salgado-expelled-2022" not in august
    assert august == ["mli-aircraft-2022-08", "mli-french-troops-leave-2022"]


def test_events_between_accepts_timestamps(events):
    window = events_between(events, pd.Timestamp("2023-02-05"), pd.Timestamp("2023-02-05"))
    assert window["event_id"].tolist() == ["mli-expulsion-hr-chief-2023"]


def test_timeline_filters_sorts_and_flags_after_story(events):
    mali = timeline(events, iso3="MLI")
    assert set(mali["iso3"]) == {"MLI"}
    assert mali["date_start"].is_monotonic_increasing
    assert mali.iloc[0]["event_id"] == "mli-independence-1960"  # the colonial past (c27)
    assert mali.iloc[1]["event_id"] == "mli-minusma-established-2013"  # 2013 -> 1 Jan 2013
    first_day = mali.set_index("event_id")["date_start"]
    assert first_day["mli-serval-start-2013"] == pd.Timestamp("2013-01-01")
    late = mali.loc[mali["after_story"], "event_id"].tolist()
    assert late == ["mli-ohchr-moura-report-2023", "mli-minusma-ended-2023",
                    "mli-minusma-withdrawn-2023", "mli-ecowas-exit-announced-2024",
                    "mli-ecowas-exit-2025", "mli-wagner-leaves-2025",
                    "mli-french-national-arrested-2025",
                    "mli-france-suspends-cooperation-2025"]  # later facts (issue 18)
    assert (mali.loc[mali["after_story"], "date_start"] > STORY_DATE).all()


def test_timeline_accepts_several_countries(events):
    sahel = timeline(events, iso3=["MLI", "BFA"])
    assert set(sahel["iso3"]) == {"MLI", "BFA"}


def test_timeline_and_events_between_do_not_mutate_input(events):
    before = events.copy()
    timeline(events, iso3="BFA")
    events_between(events, "2021", "2022")
    pd.testing.assert_frame_equal(events, before)


@pytest.mark.parametrize(
    ("row", "column", "value", "error_column", "expected"),
    [
        (4, "iso3", "XXX", "iso3", "'XXX' is not a iso3 of countries"),
        (4, "date", "2023-02-30", "date", "is not a real date"),
        (4, "category", "riot", "category", "'riot' is not one of"),
        (4, "source_ids", "evt-nope", "source_ids", "'evt-nope' is not a source_id of sources"),
        (1, "date_precision", "day", "date_precision",
         "'day' disagrees with date '2013-01', which is given to the month"),
        (4, "iso3", "BFA", "event_id", "should start with 'bfa-'"),
        (4, "confidence", "certain", "confidence", "'certain' is not one of"),
    ],
)
def test_load_events_rejects_bad_row_naming_file_row_column(
    tmp_path, row, column, value, error_column, expected
):
    folder = copy_data(tmp_path)
    set_cell(folder, FILE, row, column, value)
    with pytest.raises(DataError) as info:
        load_events(data_dir=folder)
    err = info.value
    assert err.file.endswith(FILE)
    assert (err.row, err.column) == (row, error_column)
    assert expected in str(err)


def test_check_events_rejects_bad_frame_without_mutating_it():
    frame = pd.DataFrame({
        "event_id": ["mli-coup-2020", "mli-serval-start-2013"],
        "date": ["2020-08-18", "2013-01"],
        "date_precision": ["day", "day"],
        "iso3": ["MLI", "MLI"],
    })
    before = frame.copy()
    with pytest.raises(DataError, match=r"events\.csv, row 2, column date_precision"):
        check_events(frame, "data/events.csv")
    pd.testing.assert_frame_equal(frame, before)
