"""Tests for analysis.wagner: the committed table, its checks, and the helpers notebooks use."""


import pandas as pd
import pytest
from helpers import copy_data, set_cell

from analysis.contract.datapackage import load_table
from analysis.contract.errors import DataError
from analysis.subjects.wagner import (
    abuse_table,
    check_wagner,
    count_by_status,
    host_spans,
    load_wagner,
)

FILE = "wagner_deployments.csv"


@pytest.fixture(scope="module")
def wagner() -> pd.DataFrame:
    return load_wagner()


def test_load_wagner_committed_table_loads(wagner):
    assert len(wagner) == 8
    assert wagner["iso3"].is_unique
    assert set(wagner["iso3"]) == {"SDN", "CAF", "MDG", "LBY", "MOZ", "MLI", "BFA", "COD"}


def test_load_wagner_every_row_cites_an_existing_source(wagner):
    known = set(load_table("sources")["source_id"])
    for ids in wagner["source_ids"]:
        assert ids, "every row must cite at least one source"
        assert set(ids) <= known


def test_load_wagner_pins_story_facts(wagner):
    by_iso = wagner.set_index("iso3")
    assert by_iso.loc["BFA", "status"] == "alleged"
    assert by_iso.loc["MOZ", "status"] == "withdrawn"
    assert by_iso.loc["COD", "status"] == "alleged"
    assert by_iso.loc["COD", "confidence"] == "low"
    assert by_iso.loc["MLI", "first_reported"] == "2021-12"
    assert by_iso.loc["MDG", "first_reported"] == "2018-04"
    assert (wagner["status"] == "confirmed").sum() == 5


def test_load_wagner_uncertain_rows_are_not_high_confidence(wagner):
    alleged = wagner.loc[wagner["status"] == "alleged"]
    assert not (alleged["confidence"] == "high").any()


def test_count_by_status_counts_every_status(wagner):
    counts = count_by_status(wagner).set_index("status")["n_countries"].to_dict()
    assert counts == {"confirmed": 5, "withdrawn": 1, "alleged": 2}


def test_count_by_status_does_not_mutate_input(wagner):
    before = wagner.copy()
    count_by_status(wagner)
    pd.testing.assert_frame_equal(wagner, before)


def test_abuse_table_names_who_documented(wagner):
    table = abuse_table(wagner).set_index("country")
    assert table.loc["Mali", "documented_by"] == "UN experts (HRC); HRW"
    assert table.loc["Central African Republic", "documented_by"].startswith(
        "UN Working Group on mercenaries"
    )
    assert table.loc["Madagascar", "documented_by"] == ""
    assert not table.loc["Mozambique", "abuses_reported"]


def test_abuse_table_documented_only_keeps_reported_rows(wagner):
    table = abuse_table(wagner, documented_only=True)
    assert table["country"].tolist() == ["Sudan", "Central African Republic", "Libya", "Mali"]
    assert (table["abuse_summary"] != "").all()


def test_abuse_table_does_not_mutate_input(wagner):
    before = wagner.copy()
    abuse_table(wagner, documented_only=True)
    pd.testing.assert_frame_equal(wagner, before)


@pytest.mark.parametrize(
    ("row", "column", "value", "error_column", "expected"),
    [
        (3, "iso3", "XXX", "iso3", "'XXX' is not a iso3 of countries"),
        (2, "first_reported", "2023-02-30", "first_reported", "is not a real date"),
        (4, "status", "rumoured", "status", "'rumoured' is not one of"),
        (5, "source_ids", "wag-moscowtimes-2019-10-31-mozambique;wag-nope", "source_ids",
         "'wag-nope' is not a source_id of sources"),
        (3, "first_reported_precision", "day", "first_reported_precision",
         "'day' disagrees with first_reported '2018-04', which is given to the month"),
        (6, "activities", "training;looting", "activities", "'looting' is not one of"),
        (6, "country", "Republic of Mali", "country", "not the name data/countries.csv gives"),
        (6, "ended", "2020-01", "ended", "ended 2020-01 comes before first_reported 2021-12"),
        (1, "successor", "Africa Corps", "successor", "successor 'Africa Corps' without an ended"),
    ],
)
def test_load_wagner_rejects_bad_row_naming_file_row_column(
    tmp_path, row, column, value, error_column, expected
):
    folder = copy_data(tmp_path)
    set_cell(folder, FILE, row, column, value)
    with pytest.raises(DataError) as info:
        load_wagner(data_dir=folder)
    err = info.value
    assert err.file.endswith(FILE)
    assert (err.row, err.column) == (row, error_column)
    assert expected in str(err)


def test_check_wagner_rejects_bad_frame_without_mutating_it():
    frame = pd.DataFrame({
        "iso3": ["MLI", "MOZ"],
        "country": ["Mali", "Mozambique"],
        "first_reported": ["2021-12", "2019-09"],
        "first_reported_precision": ["month", "year"],
    })
    before = frame.copy()
    with pytest.raises(DataError, match=r"row 2, column first_reported_precision"):
        check_wagner(frame, "data/wagner_deployments.csv")
    pd.testing.assert_frame_equal(frame, before)


def test_check_wagner_rejects_impossible_date_in_frame():
    frame = pd.DataFrame({"first_reported": ["2023-02-30"], "first_reported_precision": ["day"]})
    with pytest.raises(DataError) as info:
        check_wagner(frame, "data/wagner_deployments.csv")
    assert (info.value.row, info.value.column) == (1, "first_reported")


def test_mali_records_wagners_exit_and_its_successor(wagner):
    mali = wagner.set_index("iso3").loc["MLI"]
    assert mali["ended"] == "2025-06-06" and mali["successor"].startswith("Africa Corps")
    assert mali["status"] == "confirmed"  # the status stays as it stood on the story's day
    assert wagner["successor"].notna().sum() == 1


def test_host_spans_draws_wagner_then_its_successor_from_the_committed_tables(wagner):
    spans = host_spans(wagner, load_table("events"), load_table("countries"))
    corps = spans[spans["force"] == "Africa Corps"].set_index("iso3")
    assert corps.index.tolist() == ["BFA", "NER", "MLI"]  # in order of arrival
    assert corps.loc["NER", "country"] == "Niger" and corps["end"].isna().all()
    assert f"{corps.loc['MLI', 'start']:%Y-%m-%d}" == "2025-06-06"
    mali = spans[(spans["force"] == "Wagner") & (spans["iso3"] == "MLI")].iloc[0]
    assert f"{mali['end']:%Y-%m-%d}" == "2025-06-06"
    # one Wagner span per row of the table; only Mali's has an end on record
    wagner_spans = spans[spans["force"] == "Wagner"]
    assert len(wagner_spans) == len(wagner) and wagner_spans["end"].notna().sum() == 1
