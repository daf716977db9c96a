"""Lavrov's itinerary: the committed table, its table-level checks, and the travel helpers."""

import json
import math

import pandas as pd
import pytest
from helpers import copy_data

from analysis.contract.datapackage import load_table
from analysis.contract.errors import DataError
from analysis.subjects.trips import (
    DAYS_PER_MONTH,
    EARTH_RADIUS_KM,
    MOSCOW_LAT,
    MOSCOW_LON,
    africa_travel,
    check_trips,
    haversine_km,
    leg_distances,
    load_trips,
    summarise_trips,
    tour_distances,
    tour_intervals,
)

EXPECTED_STOPS = {
    1: [("EGY", "Cairo"), ("COG", "Oyo"), ("UGA", "Entebbe"), ("ETH", "Addis Ababa")],
    2: [("ZAF", "Pretoria"), ("SWZ", "Mbabane"), ("AGO", "Luanda"), ("ERI", "Massawa")],
    3: [("IRQ", "Baghdad"), ("MLI", "Bamako"), ("MRT", "Nouakchott"), ("SDN", "Khartoum")],
}


@pytest.fixture(scope="module")
def trips():
    return load_trips()


def _cosine_law_km(lat1, lon1, lat2, lon2, radius=6371.0088):
    """Spherical law of cosines: an independent formula to check haversine against."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dl = math.radians(lon2 - lon1)
    cos_angle = math.sin(p1) * math.sin(p2) + math.cos(p1) * math.cos(p2) * math.cos(dl)
    return radius * math.acos(min(1.0, max(-1.0, cos_angle)))


def _frame(**columns):
    """A tiny itinerary: one trip unless ``trip`` is given, dates as ISO strings or None."""
    n = len(columns["arrival_date"])
    base = {
        "trip": [1] * n,
        "stop": list(range(1, n + 1)),
        "iso3": ["AAA"] * n,
        "country": [f"Country {i}" for i in range(1, n + 1)],
        "city": [f"City {i}" for i in range(1, n + 1)],
        "lat": [0.0] * n,
        "lon": [float(i) for i in range(1, n + 1)],
        "talks_date": [None] * n,
        "departure_date": [None] * n,
    }
    base.update(columns)
    for col in ("arrival_date", "talks_date", "departure_date"):
        base[col] = pd.to_datetime(base[col])
    return pd.DataFrame(base)


# --- the committed table ---------------------------------------------------------------------

def test_load_trips_holds_all_twelve_stops_in_order(trips):
    assert len(trips) == 12
    got = {
        trip: list(zip(group["iso3"], group["city"], strict=True))
        for trip, group in trips.groupby("trip")
    }
    assert got == EXPECTED_STOPS
    assert trips["stop"].tolist() == [1, 2, 3, 4] * 3
    assert trips["arrival_date"].is_monotonic_increasing


LATER = {  # the trips after the story (research notes since_the_story, L01-L12)
    4: ("tour", [("KEN", "Nairobi"), ("BDI", "Bujumbura"), ("MOZ", "Maputo"),
                 ("ZAF", "Cape Town")]),
    5: ("tour", [("GIN", "Conakry"), ("COG", "Oyo"), ("BFA", "Ouagadougou"), ("TCD", "N'Djamena")]),
    6: ("multilateral", [("ZAF", "Johannesburg")]),
    7: ("multilateral", [("EGY", "Cairo")]),
}


def test_the_story_window_is_the_default_and_all_trips_are_asked_for():
    every = load_trips(through=None)
    assert len(every) == 22
    got = {t: (g["kind"].iloc[0], list(zip(g["iso3"], g["city"], strict=True)))
           for t, g in every[every["trip"] > 3].groupby("trip")}
    assert got == LATER
    assert set(every.loc[every["trip"] <= 3, "kind"]) == {"tour"}
    # the default is the story's window: trip 3 began in Iraq on 5 Feb, the day before
    assert load_trips()["trip"].unique().tolist() == [1, 2, 3]
    assert load_trips(through="2023-02-04")["trip"].unique().tolist() == [1, 2]
    assert load_trips(through="2024-06-03")["trip"].max() == 5
    # meetings held in Russia are not trips (St Petersburg 2023, Sirius 2024)
    assert "RUS" not in set(every["iso3"])


def test_later_stops_keep_their_dates_uncertain_as_the_notes_give_them():
    every = load_trips(through=None).set_index("city")
    assert every.loc["Bujumbura", "confidence"] == "medium"  # the date is medium (L02)
    assert every.loc["Cape Town", "confidence"] == "medium"  # the meeting's day on one source
    assert pd.isna(every.loc["Cape Town", "arrival_date"])  # known only by the meeting's day
    assert every.loc["Cape Town", "talks_date"] == pd.Timestamp("2023-06-01")
    assert pd.isna(every.loc["Ouagadougou", "talks_date"])  # 4 or 5 June, not pinned down
    assert every["source_ids"].map(len).min() >= 2


def test_africa_travel_counts_african_stops_per_trip_before_and_after_the_story():
    countries = load_table("countries")
    african = set(countries.loc[countries["continent"] == "africa", "iso3"])
    table = africa_travel(load_trips(through=None), african)
    assert table["african_stops"].tolist() == [4, 4, 3, 4, 4, 1, 1]  # Iraq is not Africa
    assert table["after_story"].tolist() == [False] * 3 + [True] * 4
    assert table["kind"].tolist() == ["tour"] * 5 + ["multilateral"] * 2
    assert table.loc[3, "start"] == pd.Timestamp("2023-05-29")


def test_load_trips_keeps_the_sourced_key_dates(trips):
    by_city = trips.set_index("city")
    assert by_city.loc["Cairo", "arrival_date"] == pd.Timestamp("2022-07-23")
    assert by_city.loc["Bamako", "arrival_date"] == pd.Timestamp("2023-02-07")
    assert by_city.loc["Bamako", "departure_date"] == pd.Timestamp("2023-02-07")
    assert by_city.loc["Khartoum", "talks_date"] == pd.Timestamp("2023-02-09")
    assert pd.isna(by_city.loc["Addis Ababa", "departure_date"])  # not sourced: 27 or 28 Jul


def test_load_trips_keeps_disputed_rows_below_high(trips):
    confidence = trips.set_index("iso3")["confidence"]
    for iso3 in ("SWZ", "ERI", "SDN"):  # disputed arrival or meeting place
        assert confidence[iso3] != "high", iso3


def test_load_trips_cites_at_least_one_source_per_row(trips):
    assert trips["source_ids"].map(len).min() >= 1


# --- check_trips on frames -------------------------------------------------------------------

def test_check_trips_returns_the_committed_table_unchanged(trips):
    before = trips.copy()
    assert check_trips(trips) is trips
    pd.testing.assert_frame_equal(trips, before)


def test_check_trips_rejects_a_stop_number_twice(trips):
    bad = trips.copy()
    bad.loc[5, "stop"] = 1  # row 6: Eswatini numbered as a second stop 1 of trip 2
    with pytest.raises(DataError) as err:
        check_trips(bad)
    assert str(err.value) == (
        "data/lavrov_trips.csv, row 6, column stop: stop 1 appears twice in trip 2")


def test_check_trips_rejects_a_gap_in_stop_numbers(trips):
    bad = trips.copy()
    bad.loc[7, "stop"] = 5  # row 8: Eritrea as stop 5, no stop 4
    with pytest.raises(DataError) as err:
        check_trips(bad)
    assert str(err.value) == (
        "data/lavrov_trips.csv, row 8, column stop: trip 2 jumps from stop 3 to stop 5; "
        "stops must run 1..n without gaps"
    )


def test_check_trips_rejects_a_trip_that_does_not_start_at_stop_1():
    bad = _frame(arrival_date=["2023-01-01", "2023-01-02"], stop=[2, 3])
    with pytest.raises(DataError, match=r"row 1, column stop: trip 1 starts at stop 2"):
        check_trips(bad, file="x.csv")


def test_check_trips_rejects_talks_before_arrival(trips):
    bad = trips.copy()
    bad.loc[3, "talks_date"] = pd.Timestamp("2022-07-25")
    with pytest.raises(DataError) as err:
        check_trips(bad)
    assert str(err.value) == (
        "data/lavrov_trips.csv, row 4, column talks_date: "
        "2022-07-25 is before arrival_date 2022-07-26"
    )


def test_check_trips_rejects_departure_before_talks(trips):
    bad = trips.copy()
    bad.loc[0, "departure_date"] = pd.Timestamp("2022-07-23")
    with pytest.raises(DataError) as err:
        check_trips(bad)
    assert str(err.value) == (
        "data/lavrov_trips.csv, row 1, column departure_date: "
        "2022-07-23 is before talks_date 2022-07-24"
    )


def test_check_trips_compares_departure_with_arrival_when_talks_are_empty():
    bad = _frame(arrival_date=["2023-01-02"], departure_date=["2023-01-01"])
    with pytest.raises(DataError, match="row 1, column departure_date: 2023-01-01 is before "
                                        "arrival_date 2023-01-02"):
        check_trips(bad, file="x.csv")


def test_check_trips_rejects_an_arrival_before_the_previous_stop(trips):
    bad = trips.copy()
    bad.loc[9, "arrival_date"] = pd.Timestamp("2023-02-04")
    with pytest.raises(DataError) as err:
        check_trips(bad)
    assert str(err.value) == (
        "data/lavrov_trips.csv, row 10, column arrival_date: 2023-02-04 is before the "
        "arrival_date 2023-02-05 of stop 1 of trip 3"
    )


def test_check_trips_rejects_an_arrival_before_the_previous_departure():
    bad = _frame(arrival_date=["2023-01-01", "2023-01-02"],
                 departure_date=["2023-01-03", None])
    with pytest.raises(DataError, match="row 2, column arrival_date: 2023-01-02 is before the "
                                        "departure_date 2023-01-03 of stop 1 of trip 1"):
        check_trips(bad, file="x.csv")


def test_check_trips_names_rows_by_position_and_accepts_rows_out_of_order():
    frame = _frame(arrival_date=["2023-01-02", "2023-01-01"], stop=[2, 1])
    assert check_trips(frame, file="x.csv") is frame
    bad = _frame(arrival_date=["2022-12-31", "2023-01-01"], stop=[2, 1]).set_index(
        pd.Index([10, 20]))
    with pytest.raises(DataError, match="x.csv, row 1, column arrival_date"):
        check_trips(bad, file="x.csv")


# --- bad CSV files, through the loader -------------------------------------------------------

@pytest.fixture
def data_copy(tmp_path):
    """A writable copy of data/."""
    return copy_data(tmp_path)


def _load_corrupted(data_dir, old, new):
    path = data_dir / "lavrov_trips.csv"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"fixture text {old!r} must occur once"
    path.write_text(text.replace(old, new), encoding="utf-8")
    descriptor = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    return load_trips(data_dir=data_dir, descriptor=descriptor)


BAD_CSV = {
    "talks before arrival": (
        "2022-07-26,2022-07-27,", "2022-07-26,2022-07-25,",
        "row 4, column talks_date: 2022-07-25 is before arrival_date 2022-07-26"),
    "arrival before previous stop": (
        "3,2,MLI,Mali,Bamako,12.64,-8.00,2023-02-07", "3,2,MLI,Mali,Bamako,12.64,-8.00,2023-02-04",
        "row 10, column arrival_date: 2023-02-04 is before the arrival_date 2023-02-05 of stop 1"),
    "stop number twice": (
        "2,2,SWZ", "2,1,SWZ",
        "row 6, column trip: trip='2', stop='1' repeats an earlier row (primary key)"),
    "gap in stop numbers": (
        "2,4,ERI", "2,5,ERI",
        "row 8, column stop: trip 2 jumps from stop 3 to stop 5"),
    "latitude above 90": (
        "33.32,44.37", "133.32,44.37",
        "row 9, column lat: '133.32' is above the maximum 90"),
    "longitude below -180": (
        "12.64,-8.00", "12.64,-188.00",
        "row 10, column lon: '-188.00' is below the minimum -180"),
    "unknown iso3": (
        "3,2,MLI,Mali", "3,2,MLX,Mali",
        "row 10, column iso3: 'MLX' is not a iso3 of countries"),
    "dangling source id": (
        "trip-suna-2023-02-khartoum", "trip-suna-2099-01-01",
        "row 12, column source_ids: 'trip-suna-2099-01-01' is not a source_id of sources"),
    "impossible date": (
        "2023-01-24,2023-01-25,", "2023-01-24,2023-02-31,",
        "row 7, column talks_date: '2023-02-31' is not a real date"),
    "date outside the tours": (
        "2023-02-08,2023-02-09,2023-02-09", "2023-02-08,2032-02-09,2023-02-09",
        "row 12, column talks_date: '2032-02-09' is above the maximum 2026-12-31"),
    "unknown confidence": (
        ',medium,tour,"Arrival disputed: late Wednesday',
        ',certain,tour,"Arrival disputed: late Wednesday',
        "row 12, column confidence: 'certain' is not one of ['high', 'medium', 'low']"),
    "a trip's first stop without an arrival": (
        "Cairo,30.04,31.24,2022-07-23,", "Cairo,30.04,31.24,,",
        "row 1, column arrival_date: trip 1 has no arrival date at its first stop"),
    "two kinds in one trip": (
        ',medium,tour,"His first visit to Burundi',
        ',medium,multilateral,"His first visit to Burundi',
        "row 14, column kind: kind 'multilateral' differs from 'tour' at stop 1 of trip 4"),
    "unknown kind": (
        ',high,multilateral,"The G20', ',high,summit,"The G20',
        "row 21, column kind: 'summit' is not one of ['tour', 'multilateral']"),
}


@pytest.mark.parametrize("case", sorted(BAD_CSV))
def test_load_trips_rejects_bad_rows_naming_file_row_and_column(data_copy, case):
    old, new, message = BAD_CSV[case]
    with pytest.raises(DataError) as err:
        _load_corrupted(data_copy, old, new)
    assert str(err.value).startswith(f"{data_copy / 'lavrov_trips.csv'}, {message}")


# --- summaries -------------------------------------------------------------------------------

def test_summarise_trips_gives_dates_length_and_countries(trips):
    summary = summarise_trips(trips).set_index("trip")
    assert summary["first_day"].dt.strftime("%Y-%m-%d").tolist() == [
        "2022-07-23", "2023-01-23", "2023-02-05"]
    assert summary["last_day"].dt.strftime("%Y-%m-%d").tolist() == [
        "2022-07-27", "2023-01-26", "2023-02-09"]
    assert summary["days_on_road"].tolist() == [5, 4, 5]  # inclusive of both ends
    assert summary["stops"].tolist() == [4, 4, 4]
    assert summary["countries"].tolist() == [4, 4, 4]
    assert summary.loc[3, "country_list"] == "Iraq, Mali, Mauritania, Sudan"
    assert summary["last_departure_known"].tolist() == [False, True, True]


def test_summarise_trips_counts_a_country_once_and_a_single_day_as_one():
    frame = _frame(arrival_date=["2023-01-01", "2023-01-01"], iso3=["MLI", "MLI"],
                   country=["Mali", "Mali"], departure_date=[None, "2023-01-01"])
    summary = summarise_trips(frame)
    assert summary.loc[0, "days_on_road"] == 1
    assert summary.loc[0, "stops"] == 2
    assert summary.loc[0, "countries"] == 1
    assert summary.loc[0, "country_list"] == "Mali"


def test_summarise_trips_does_not_mutate_its_input(trips):
    before = trips.copy()
    summarise_trips(trips)
    leg_distances(trips)
    tour_intervals(trips)
    pd.testing.assert_frame_equal(trips, before)


# --- distances -------------------------------------------------------------------------------

def test_haversine_km_one_degree_of_equator_is_circumference_over_360():
    assert haversine_km(0, 0, 0, 1) == pytest.approx(2 * math.pi * 6371.0088 / 360, rel=1e-12)
    assert haversine_km(0, 179.5, 0, -179.5) == pytest.approx(2 * math.pi * 6371.0088 / 360)


def test_haversine_km_pole_to_pole_is_half_a_circumference():
    assert haversine_km(90, 0, -90, 0) == pytest.approx(math.pi * 6371.0088, rel=1e-12)


def test_haversine_km_moscow_cairo_matches_the_law_of_cosines():
    expected = _cosine_law_km(55.7558, 37.6173, 30.04, 31.24)
    assert haversine_km(MOSCOW_LAT, MOSCOW_LON, 30.04, 31.24) == pytest.approx(expected, rel=1e-9)
    assert 2_850 < expected < 2_950  # Moscow-Cairo is about 2,900 km


def test_haversine_km_is_symmetric_and_takes_arrays():
    lat1, lon1 = pd.Series([0.0, 12.64]), pd.Series([0.0, -8.0])
    lat2, lon2 = pd.Series([0.0, 18.09]), pd.Series([1.0, -15.98])
    out = haversine_km(lat1, lon1, lat2, lon2)
    assert list(out) == pytest.approx(list(haversine_km(lat2, lon2, lat1, lon1)))
    assert out[1] == pytest.approx(_cosine_law_km(12.64, -8.0, 18.09, -15.98), rel=1e-9)


def test_haversine_km_uses_the_iugg_mean_radius():
    assert EARTH_RADIUS_KM == 6371.0088


def test_leg_distances_goes_from_moscow_and_back_through_every_stop(trips):
    legs = leg_distances(trips)
    assert len(legs) == 15  # 4 stops -> 5 legs, for each of 3 trips
    first = legs[legs["trip"] == 3]
    assert first["from_city"].tolist() == ["Moscow", "Baghdad", "Bamako", "Nouakchott",
                                           "Khartoum"]
    assert first["to_city"].tolist() == ["Baghdad", "Bamako", "Nouakchott", "Khartoum", "Moscow"]
    assert first["assumed_moscow"].tolist() == [True, False, False, False, True]
    assert first["leg"].tolist() == [1, 2, 3, 4, 5]


def test_leg_distances_agrees_with_an_independent_formula(trips):
    legs = leg_distances(trips).set_index(["from_city", "to_city"])["distance_km"]
    cairo = trips.set_index("city").loc["Cairo"]
    bamako = trips.set_index("city").loc["Bamako"]
    nouakchott = trips.set_index("city").loc["Nouakchott"]
    assert legs["Moscow", "Cairo"] == pytest.approx(
        _cosine_law_km(55.7558, 37.6173, cairo["lat"], cairo["lon"]), rel=1e-9)
    assert legs["Bamako", "Nouakchott"] == pytest.approx(
        _cosine_law_km(bamako["lat"], bamako["lon"], nouakchott["lat"], nouakchott["lon"]),
        rel=1e-9)


def test_leg_distances_on_a_hand_made_trip_along_the_equator():
    frame = _frame(arrival_date=["2023-01-01", "2023-01-02"], lat=[0.0, 0.0], lon=[10.0, 12.0])
    legs = leg_distances(frame)
    one_degree = 2 * math.pi * 6371.0088 / 360
    assert legs["distance_km"][1] == pytest.approx(2 * one_degree)
    assert legs["distance_km"][0] == pytest.approx(_cosine_law_km(MOSCOW_LAT, MOSCOW_LON, 0, 10))


def test_tour_distances_totals_the_legs(trips):
    legs = leg_distances(trips)
    totals = tour_distances(trips).set_index("trip")
    assert totals["legs"].tolist() == [5, 5, 5]
    for trip, group in legs.groupby("trip"):
        assert totals.loc[trip, "distance_km"] == pytest.approx(group["distance_km"].sum())
        inner = group.loc[~group["assumed_moscow"], "distance_km"].sum()
        assert totals.loc[trip, "within_tour_km"] == pytest.approx(inner)
    assert (totals["within_tour_km"] + totals["moscow_legs_km"]).tolist() == pytest.approx(
        totals["distance_km"].tolist())


# --- intervals -------------------------------------------------------------------------------

def test_tour_intervals_on_a_hand_made_frame():
    frame = _frame(arrival_date=["2022-01-01", "2022-01-03", "2022-03-02", "2022-07-01"],
                   trip=[1, 1, 2, 3], stop=[1, 2, 1, 1])
    out = tour_intervals(frame)
    assert out["days_since_previous"].tolist() == [pd.NA, 60, 121]
    assert out["days_since_first"].tolist() == [0, 60, 181]
    assert out["months_since_first"].tolist()[2] == pytest.approx(181 / 30.44)
    assert out["start"].tolist()[1] == pd.Timestamp("2022-03-02")


def test_tour_intervals_third_trip_in_about_six_months(trips):
    out = tour_intervals(trips).set_index("trip")
    assert out.loc[2, "days_since_previous"] == 184  # 23 Jul 2022 -> 23 Jan 2023
    assert out.loc[3, "days_since_previous"] == 13  # 23 Jan -> 5 Feb 2023 (Iraq)
    assert out.loc[3, "days_since_first"] == 197
    assert out.loc[3, "months_since_first"] == pytest.approx(197 / DAYS_PER_MONTH)
    assert 6 <= out.loc[3, "months_since_first"] < 7
