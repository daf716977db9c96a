"""The country view: visited countries beside Russia's arms sales (SIPRI) and Wagner.

Fixtures are tiny frames written here; every expected number is worked out by hand in a comment.
"""

import pandas as pd
import pytest

from analysis import load_table
from analysis.subjects.trip_countries import (
    IN_TABLE,
    MEASURES,
    NO_IMPORTS,
    NOT_IN_TABLE,
    WAGNER_NONE,
    country_table,
    country_view,
    previous_period,
    summarise_countries,
)
from analysis.subjects.trips import load_trips
from analysis.subjects.wagner import load_wagner

OLD, NEW = "2024-10-13", "2025-03-13"


@pytest.fixture
def trips():
    return pd.DataFrame({
        "trip": [1, 1, 2],
        "stop": [1, 2, 1],
        "iso3": ["MLI", "ZAF", "IRQ"],
        "country": ["Mali", "South Africa", "Iraq"],
        "city": ["Bamako", "Pretoria", "Baghdad"],
    })


def _annual(rows):
    """rows: (vintage, supplier, recipient, iso3, actor_type, year, tiv)."""
    frame = pd.DataFrame(rows, columns=["vintage", "supplier", "recipient", "iso3", "actor_type",
                                        "year", "tiv_musd"])
    return frame.assign(vintage=pd.to_datetime(frame["vintage"]),
                        tiv_musd=frame["tiv_musd"].astype("Float64"))


@pytest.fixture
def annual():
    return _annual([
        # Mali, latest vintage. 2017-21: Russia 30, China 10 -> Russia 75%.
        (NEW, "Russia", "Mali", "MLI", "state", 2018, 30.0),
        (NEW, "China", "Mali", "MLI", "state", 2021, 10.0),
        # 2012-16: Russia 5, France 15 -> Russia 25%; change +50 points.
        (NEW, "Russia", "Mali", "MLI", "state", 2014, 5.0),
        (NEW, "France", "Mali", "MLI", "state", 2012, 15.0),
        # Outside both periods: never counted.
        (NEW, "Russia", "Mali", "MLI", "state", 2022, 1000.0),
        # An armed group in Mali, 2019, from Libya: 60 -> with it, Russia 30 / 100 = 30%.
        (NEW, "Libya", "Rebels (Mali)*", "MLI", "non-state", 2019, 60.0),
        # South Africa: deliveries in 2012-16 only (Russia 2 of 8 = 25%), none in 2017-21.
        (NEW, "Russia", "South Africa", "ZAF", "state", 2013, 2.0),
        (NEW, "Germany", "South Africa", "ZAF", "state", 2015, 6.0),
        # The older vintage: 2017-21 Russia 10 of 40 -> 25%.
        (OLD, "Russia", "Mali", "MLI", "state", 2019, 10.0),
        (OLD, "China", "Mali", "MLI", "state", 2020, 30.0),
    ])


@pytest.fixture
def recipients():
    return pd.DataFrame({
        "sipri_name": ["Mali", "Rebels (Mali)*", "South Africa"],
        "iso3": ["MLI", "MLI", "ZAF"],
        "actor_type": ["state", "non-state", "state"],
        "sipri_subregion": ["sub-saharan-africa"] * 3,
    })


@pytest.fixture
def wagner():
    return pd.DataFrame({"iso3": ["MLI", "CAF"], "status": ["confirmed", "confirmed"],
                         "first_reported": ["2021-12", "2018"]})


def _row(view, iso3):
    return view.set_index("iso3").loc[iso3]


# --- country_view: numbers ------------------------------------------------------------------

def test_country_view_shares_hand_checked(trips, annual, recipients, wagner):
    view = country_view(trips, annual, recipients, wagner, non_state="exclude")
    mali = _row(view, "MLI")
    assert mali["imports_tiv_musd"] == pytest.approx(40.0)
    assert mali["russia_tiv_musd"] == pytest.approx(30.0)
    assert mali["russia_share_pct"] == pytest.approx(75.0)
    assert mali["russia_share_before_pct"] == pytest.approx(25.0)
    assert mali["change_pts"] == pytest.approx(50.0)
    assert mali["largest_supplier"] == "Russia"
    assert (mali["period"], mali["before_period"]) == ("2017-2021", "2012-2016")


def test_country_view_attributes_armed_groups_by_default(trips, annual, recipients, wagner):
    mali = _row(country_view(trips, annual, recipients, wagner), "MLI")
    # 30 of 30 + 10 + 60 = 100: Russia 30%, and Libya (60) is now the largest supplier.
    assert mali["imports_tiv_musd"] == pytest.approx(100.0)
    assert mali["russia_share_pct"] == pytest.approx(30.0)
    assert mali["largest_supplier"] == "Libya"


def test_country_view_latest_vintage_by_default(trips, annual, recipients, wagner):
    view = country_view(trips, annual, recipients, wagner, non_state="exclude")
    assert set(view["vintage"]) == {NEW}


def test_country_view_explicit_vintage(trips, annual, recipients, wagner):
    view = country_view(trips, annual, recipients, wagner, vintage=OLD)
    mali = _row(view, "MLI")
    assert set(view["vintage"]) == {OLD}
    assert mali["russia_share_pct"] == pytest.approx(25.0)  # 10 of 40
    assert mali["largest_supplier"] == "China"


def test_country_view_custom_periods(trips, annual, recipients, wagner):
    view = country_view(trips, annual, recipients, wagner, years=(2018, 2018),
                        before=(2014, 2014), non_state="exclude")
    mali = _row(view, "MLI")
    assert mali["russia_share_pct"] == pytest.approx(100.0)  # only Russia's 30 in 2018
    assert mali["russia_share_before_pct"] == pytest.approx(100.0)  # only Russia's 5 in 2014
    assert mali["change_pts"] == pytest.approx(0.0)


def test_country_view_largest_supplier_ties_go_alphabetical(recipients, wagner):
    trips = pd.DataFrame({"trip": [1], "stop": [1], "iso3": ["MLI"], "country": ["Mali"],
                          "city": ["Bamako"]})
    annual = _annual([(NEW, "Russia", "Mali", "MLI", "state", 2018, 5.0),
                      (NEW, "China", "Mali", "MLI", "state", 2018, 5.0)])
    view = country_view(trips, annual, recipients, wagner)
    assert _row(view, "MLI")["largest_supplier"] == "China"
    assert _row(view, "MLI")["russia_share_pct"] == pytest.approx(50.0)


# --- country_view: what is not a number ------------------------------------------------------

def test_country_view_not_in_table_is_missing_not_zero(trips, annual, recipients, wagner):
    iraq = _row(country_view(trips, annual, recipients, wagner), "IRQ")
    assert iraq["arms_data"] == NOT_IN_TABLE
    for column in ("imports_tiv_musd", "russia_tiv_musd", "russia_share_pct",
                   "russia_share_before_pct", "change_pts", "largest_supplier",
                   "sipri_region"):
        assert pd.isna(iraq[column]), column


def test_country_view_no_imports_is_zero_with_empty_share(trips, annual, recipients, wagner):
    south_africa = _row(country_view(trips, annual, recipients, wagner), "ZAF")
    assert south_africa["arms_data"] == NO_IMPORTS
    assert south_africa["imports_tiv_musd"] == 0.0  # covered, nothing delivered: a real zero
    assert pd.isna(south_africa["russia_share_pct"])  # ... but no denominator for a share
    assert south_africa["russia_share_before_pct"] == pytest.approx(25.0)  # 2 of 8
    assert pd.isna(south_africa["change_pts"])


def test_country_view_wagner_status_or_none_reported(trips, annual, recipients, wagner):
    view = country_view(trips, annual, recipients, wagner)
    assert view["wagner_status"].tolist() == ["confirmed", WAGNER_NONE, WAGNER_NONE]
    assert _row(view, "MLI")["wagner_first_reported"] == "2021-12"
    assert pd.isna(_row(view, "ZAF")["wagner_first_reported"])


def test_country_view_one_row_per_stop_in_order(trips, annual, recipients, wagner):
    shuffled = trips.iloc[[2, 0, 1]]
    view = country_view(shuffled, annual, recipients, wagner)
    assert view[["trip", "stop"]].values.tolist() == [[1, 1], [1, 2], [2, 1]]
    assert view["arms_data"].tolist() == [IN_TABLE, NO_IMPORTS, NOT_IN_TABLE]


def test_country_view_does_not_mutate_inputs(trips, annual, recipients, wagner):
    before = [frame.copy() for frame in (trips, annual, recipients, wagner)]
    country_view(trips, annual, recipients, wagner)
    for original, frame in zip(before, (trips, annual, recipients, wagner), strict=True):
        pd.testing.assert_frame_equal(original, frame)


# --- country_view: failure paths -------------------------------------------------------------

def test_country_view_unknown_vintage_names_those_present(trips, annual, recipients, wagner):
    with pytest.raises(ValueError, match=r"unknown SIPRI vintage '2023-01-01'.*2024-10-13, "
                                         r"2025-03-13"):
        country_view(trips, annual, recipients, wagner, vintage="2023-01-01")


def test_country_view_empty_trips_raises(trips, annual, recipients, wagner):
    with pytest.raises(ValueError, match="no stops"):
        country_view(trips.iloc[0:0], annual, recipients, wagner)


def test_country_view_empty_sipri_table_raises(trips, annual, recipients, wagner):
    with pytest.raises(ValueError, match="SIPRI table is empty"):
        country_view(trips, annual.iloc[0:0], recipients, wagner)


def test_country_view_reversed_years_raise(trips, annual, recipients, wagner):
    with pytest.raises(ValueError, match="first year must not be after the last"):
        country_view(trips, annual, recipients, wagner, years=(2021, 2017))
    with pytest.raises(ValueError, match="before"):
        country_view(trips, annual, recipients, wagner, before=(2016, 2012))


def test_country_view_unknown_non_state_choice_raises(trips, annual, recipients, wagner):
    with pytest.raises(ValueError, match="non_state 'include'"):
        country_view(trips, annual, recipients, wagner, non_state="include")


def test_previous_period_same_length_just_before():
    assert previous_period((2017, 2021)) == (2012, 2016)
    assert previous_period((2020, 2020)) == (2019, 2019)
    with pytest.raises(ValueError):
        previous_period((2021, 2017))


# --- summaries and the reader's table --------------------------------------------------------

def test_summarise_countries_counts(trips, annual, recipients, wagner):
    common = summarise_countries(country_view(trips, annual, recipients, wagner,
                                              non_state="exclude"))
    assert list(common.index) == list(MEASURES)
    assert common["n_countries"].to_dict() == {
        "countries": 3, "in_table": 2, "with_imports": 1, "russia_largest": 1,
        "russia_majority": 1, "russia_share_rose": 1, "russia_share_fell": 0,
        "wagner_confirmed": 1, "wagner_reported": 1, "russia_largest_and_wagner": 1}
    assert common.loc["in_table", "countries"] == "Mali; South Africa"
    assert common.loc["russia_share_fell", "countries"] == ""


def test_summarise_countries_counts_a_country_once(trips, annual, recipients, wagner):
    twice = pd.concat([trips, trips.assign(trip=3)], ignore_index=True)
    common = summarise_countries(country_view(twice, annual, recipients, wagner))
    assert common.loc["countries", "n_countries"] == 3


def test_summarise_countries_exactly_half_is_not_a_majority(recipients, wagner):
    trips = pd.DataFrame({"trip": [1], "stop": [1], "iso3": ["MLI"], "country": ["Mali"],
                          "city": ["Bamako"]})
    annual = _annual([(NEW, "Russia", "Mali", "MLI", "state", 2018, 5.0),
                      (NEW, "China", "Mali", "MLI", "state", 2018, 5.0)])
    common = summarise_countries(country_view(trips, annual, recipients, wagner))
    assert common.loc["russia_majority", "n_countries"] == 0


def test_country_table_writes_reasons_not_zeros(trips, annual, recipients, wagner):
    table = country_table(country_view(trips, annual, recipients, wagner, non_state="exclude"))
    assert list(table.index) == ["Mali", "South Africa", "Iraq"]
    assert table.loc["Mali", "Russia's share 2017-2021, %"] == "75.0"
    assert table.loc["Mali", "change, points"] == "+50.0"
    assert table.loc["Mali", "Wagner (reporting on the story's date)"] == (
        "confirmed, first reported Dec 2021")
    assert table.loc["South Africa", "imports 2017-2021, TIV m"] == "0.0"
    assert table.loc["South Africa", "Russia's share 2017-2021, %"] == NO_IMPORTS
    assert table.loc["South Africa", "Russia's share 2012-2016, %"] == "25.0"
    assert (table.loc["Iraq"].iloc[2:8] == NOT_IN_TABLE).all()


# --- on the committed data -------------------------------------------------------------------

def test_country_view_on_the_committed_tables():
    view = country_view(load_trips(), load_table("sipri_africa_annual"),
                        load_table("sipri_recipients"), load_wagner()).set_index("country")
    assert len(view) == 12
    assert view.loc["Iraq", "arms_data"] == NOT_IN_TABLE  # Iraq: never a made-up 0
    assert view.loc["Egypt", "sipri_region"] == "middle-east"  # SIPRI's Middle East
    assert set(view.index[view["arms_data"] == NO_IMPORTS]) == {"South Africa", "Eritrea"}
    assert view.loc["Mali", "wagner_status"] == "confirmed"
    assert view["russia_share_pct"].between(0, 100).all()
