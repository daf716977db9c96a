"""Tests for analysis.wagner_arms: hosts, Russia's shares by country, group comparisons.

Fixtures are tiny frames written here; every expected number is worked out by hand in a comment.
"""

import math

import pandas as pd
import pytest

from analysis.subjects import wagner_arms as wa
from analysis.subjects.events import STORY_DATE
from analysis.subjects.wagner import load_wagner

VINTAGE = pd.Timestamp("2025-03-13")


@pytest.fixture
def recipients() -> pd.DataFrame:
    return pd.DataFrame({
        "sipri_name": ["Mali", "Libya", "Libya HoR*", "Niger", "Algeria", "Burkina Faso",
                       "Egypt", "African Union**"],
        "iso3": ["MLI", "LBY", "LBY", "NER", "DZA", "BFA", "EGY", None],
        "actor_type": ["state", "state", "non-state", "state", "state", "state", "state",
                       "organisation"],
        "sipri_subregion": ["sub-saharan-africa", "north-africa", "north-africa",
                            "sub-saharan-africa", "north-africa", "sub-saharan-africa",
                            "middle-east", "sub-saharan-africa"],
    })


@pytest.fixture
def annual() -> pd.DataFrame:
    rows = [
        # supplier, recipient, iso3, year, tiv
        ("Russia", "Mali", "MLI", 2018, 6.0),
        ("France", "Mali", "MLI", 2019, 2.0),
        ("France", "Mali", "MLI", 2016, 5.0),  # 2012-16: Mali 0% Russian
        ("Russia", "Libya HoR*", "LBY", 2020, 3.0),
        ("UAE", "Libya", "LBY", 2019, 1.0),
        ("Russia", "Libya", "LBY", 2013, 1.0),  # 2012-16: Libya 100% Russian
        ("Russia", "Algeria", "DZA", 2017, 8.0),
        ("China", "Algeria", "DZA", 2021, 2.0),
        ("China", "Algeria", "DZA", 2012, 4.0),
        ("Turkiye", "Burkina Faso", "BFA", 2020, 1.0),
        ("Russia", "Egypt", "EGY", 2018, 50.0),  # not in SIPRI's Africa
        ("China", "African Union**", None, 2018, 9.0),  # no territory
        ("Russia", "Mali", "MLI", 2022, 7.0),  # after both periods
    ]
    frame = pd.DataFrame(rows, columns=["supplier", "recipient", "iso3", "year", "tiv_musd"])
    return frame.assign(vintage=VINTAGE)


PERIODS = [(2012, 2016), (2017, 2021)]


@pytest.fixture
def shares(annual, recipients) -> pd.DataFrame:
    return wa.russia_share_by_country(annual, recipients, PERIODS)


def _row(shares, iso3, period):
    return shares.set_index(["iso3", "period"]).loc[(iso3, period)]


# --- russia_share_by_country ------------------------------------------------------------------

def test_russia_share_by_country_hand_numbers(shares):
    # Mali 2017-21: Russia 6 of 6 + 2 = 8 -> 75 %.
    mali = _row(shares, "MLI", "2017-2021")
    assert (mali["russia_tiv_musd"], mali["total_tiv_musd"]) == (6.0, 8.0)
    assert mali["russia_share_pct"] == pytest.approx(75.0)
    # Libya 2017-21: Russia 3 to the HoR (counted as Libya) of 3 + 1 (UAE) = 4 -> 75 %.
    assert _row(shares, "LBY", "2017-2021")["russia_share_pct"] == pytest.approx(75.0)
    # Algeria 2017-21: 8 of 10 -> 80 %; 2012-16: 0 of 4 -> 0 %.
    assert _row(shares, "DZA", "2017-2021")["russia_share_pct"] == pytest.approx(80.0)
    assert _row(shares, "DZA", "2012-2016")["russia_share_pct"] == 0.0
    # Both ends of a period are included: France's 2016 delivery is in 2012-16.
    assert _row(shares, "MLI", "2012-2016")["total_tiv_musd"] == 5.0


def test_russia_share_by_country_no_imports_is_nan_not_zero(shares):
    niger = _row(shares, "NER", "2017-2021")
    assert niger["total_tiv_musd"] == 0.0
    assert math.isnan(niger["russia_share_pct"])


def test_russia_share_by_country_region_excludes_egypt_and_organisations(shares):
    assert "EGY" not in set(shares["iso3"])
    assert shares["iso3"].notna().all()
    assert set(shares["iso3"]) == {"MLI", "LBY", "NER", "DZA", "BFA"}
    assert len(shares) == 5 * len(PERIODS)


def test_russia_share_by_country_states_only_drops_non_state_recipients(annual, recipients):
    states = wa.russia_share_by_country(annual, recipients, PERIODS, non_state="exclude")
    libya = _row(states, "LBY", "2017-2021")
    # Without the HoR's 3, Libya got only the UAE's 1: Russia 0 %.
    assert (libya["russia_tiv_musd"], libya["total_tiv_musd"]) == (0.0, 1.0)


def test_russia_share_by_country_africa_incl_egypt(annual, recipients):
    wide = wa.russia_share_by_country(annual, recipients, PERIODS, region="africa-incl-egypt")
    assert _row(wide, "EGY", "2017-2021")["russia_share_pct"] == 100.0


def test_russia_share_by_country_rejects_two_vintages(annual, recipients):
    both = pd.concat([annual, annual.assign(vintage=pd.Timestamp("2024-10-13"))])
    with pytest.raises(ValueError, match="2 export vintages"):
        wa.russia_share_by_country(both, recipients, PERIODS)


@pytest.mark.parametrize("periods, message", [([], "no periods"),
                                              ([(2021, 2017)], "first <= last")])
def test_russia_share_by_country_rejects_bad_periods(annual, recipients, periods, message):
    with pytest.raises(ValueError, match=message):
        wa.russia_share_by_country(annual, recipients, periods)


def test_russia_share_by_country_rejects_unknown_region(annual, recipients):
    with pytest.raises(ValueError, match="region 'asia'"):
        wa.russia_share_by_country(annual, recipients, PERIODS, region="asia")


def test_russia_share_by_country_does_not_mutate_input(annual, recipients):
    before = annual.copy()
    wa.russia_share_by_country(annual, recipients, PERIODS)
    pd.testing.assert_frame_equal(annual, before)


# --- compare_groups ---------------------------------------------------------------------------

def test_compare_groups_hand_numbers(shares):
    groups = wa.compare_groups(shares, ["MLI", "LBY"], exclude=["BFA"])
    g = groups.set_index(["period", "group"])
    host = g.loc[("2017-2021", wa.HOST)]
    # Hosts 2017-21: Russia 6 + 3 = 9 of 8 + 4 = 12 -> 75 %; shares 75 and 75 -> median 75.
    assert (host["n_countries"], host["n_buying_russian"]) == (2, 2)
    assert host["pooled_share_pct"] == pytest.approx(75.0)
    assert host["median_share_pct"] == pytest.approx(75.0)
    other = g.loc[("2017-2021", wa.OTHER)]
    # Others 2017-21: Algeria only (Niger imported nothing, Burkina Faso excluded): 8 of 10.
    assert other["n_countries"] == 1
    assert other["pooled_share_pct"] == pytest.approx(80.0)
    early = g.loc[("2012-2016", wa.HOST)]
    # Hosts 2012-16: Mali 0 of 5, Libya 1 of 1 -> pooled 1/6; median of (0, 100) = 50.
    assert early["pooled_share_pct"] == pytest.approx(100 / 6)
    assert early["median_share_pct"] == pytest.approx(50.0)


def test_compare_groups_without_exclusion_counts_alleged_as_other(shares):
    groups = wa.compare_groups(shares, ["MLI", "LBY"])
    other = groups.set_index(["period", "group"]).loc[("2017-2021", wa.OTHER)]
    # Algeria (80 %) and Burkina Faso (0 of 1): median 40, pooled 8 of 11.
    assert other["n_countries"] == 2
    assert other["median_share_pct"] == pytest.approx(40.0)
    assert other["pooled_share_pct"] == pytest.approx(800 / 11)


@pytest.mark.parametrize("hosts, exclude, message", [
    (["MLI", "XXX"], [], r"unknown iso3 in host_iso3: \['XXX'\]"),
    (["MLI"], ["EGY"], r"unknown iso3 in exclude: \['EGY'\]"),
    ([], [], "no host countries"),
    (["MLI"], ["MLI"], "both hosts and excluded"),
])
def test_compare_groups_rejects_bad_groups(shares, hosts, exclude, message):
    with pytest.raises(ValueError, match=message):
        wa.compare_groups(shares, hosts, exclude=exclude)


def test_compare_groups_empty_group_raises(shares):
    with pytest.raises(ValueError, match="no Wagner host imported major arms"):
        wa.compare_groups(shares, ["NER"])


# --- deployments ------------------------------------------------------------------------------

def _deployments(**extra) -> pd.DataFrame:
    frame = pd.DataFrame({
        "iso3": ["SDN", "MOZ", "BFA", "COD", "XYZ"],
        "country": ["Sudan", "Mozambique", "Burkina Faso", "DR Congo", "Later"],
        "status": ["confirmed", "withdrawn", "alleged", "alleged", "confirmed"],
        "first_reported": ["2017", "2019-09", "2022-12-14", "2023-03", "2023-02-07"],
        "first_reported_precision": ["year", "month", "day", "month", "day"],
    })
    return frame.assign(**extra)


def test_classify_deployments_hosts_and_after_story():
    out = wa.classify_deployments(_deployments()).set_index("iso3")
    assert out.loc["SDN", "group"] == wa.HOST
    assert out.loc["MOZ", "group"] == wa.HOST  # withdrawn still counts as a host
    assert out.loc["BFA", "group"] == "alleged"
    assert out.loc["COD", "map_status"] == "alleged after the story"
    # The day after the story: a confirmed deployment not yet known is not a host.
    assert out.loc["XYZ", "map_status"] == "confirmed after the story"
    assert out.loc["XYZ", "group"] == "confirmed after the story"


def test_classify_deployments_partial_date_counts_from_period_start():
    # "2023" starts on 1 Jan 2023, before the story: reported by then at year precision.
    frame = _deployments().iloc[[0]].assign(first_reported="2023", first_reported_precision="year")
    out = wa.classify_deployments(frame)
    assert bool(out.loc[0, "reported_by_as_of"]) and out.loc[0, "group"] == wa.HOST
    later = wa.classify_deployments(frame, as_of=pd.Timestamp("2022-12-31"))
    assert later.loc[0, "group"] == "confirmed after the story"


def test_classify_deployments_missing_columns_raise():
    with pytest.raises(ValueError, match="lacks columns"):
        wa.classify_deployments(_deployments().drop(columns=["first_reported"]))


def test_classify_deployments_committed_table():
    out = wa.classify_deployments(load_wagner(), as_of=STORY_DATE)
    assert wa.hosts(out) == ["SDN", "CAF", "MDG", "LBY", "MOZ", "MLI"]
    assert set(out["map_status"]) <= set(wa.STATUS_CLASSES)


def test_map_status_fills_every_country():
    out = wa.classify_deployments(_deployments().iloc[:4])
    status = wa.map_status(out, ["SDN", "MOZ", "BFA", "COD", "NER"])
    assert status.to_dict() == {"SDN": "confirmed", "MOZ": "withdrawn", "BFA": "alleged",
                                "COD": "alleged after the story", "NER": wa.NO_REPORT}


def test_map_status_unknown_iso3_raises():
    out = wa.classify_deployments(_deployments().iloc[:2])
    with pytest.raises(ValueError, match=r"unknown iso3 \['MOZ'\]"):
        wa.map_status(out, ["SDN", "NER"])


# --- share_change and comparison_rows ---------------------------------------------------------

def test_share_change_hand_numbers(shares):
    names = pd.DataFrame({"iso3": ["MLI"], "country": ["Mali"]})
    out = wa.share_change(shares, ["MLI", "LBY", "NER"], "2012-2016", "2017-2021", names=names)
    rows = out.set_index("iso3")
    assert rows.loc["MLI", "country"] == "Mali" and rows.loc["LBY", "country"] == "LBY"
    assert (rows.loc["MLI", "before_pct"], rows.loc["MLI", "after_pct"]) == (0.0, 75.0)
    assert rows.loc["LBY", "change_pts"] == pytest.approx(-25.0)  # 100 % -> 75 %
    assert rows.loc[["NER"], ["before_pct", "after_pct", "change_pts"]].isna().all(axis=None)


@pytest.mark.parametrize("iso3, before, message", [
    (["XXX"], "2012-2016", r"unknown iso3 \['XXX'\]"),
    (["MLI"], "2013-2017", "period '2013-2017' not in the shares table"),
])
def test_share_change_rejects_unknowns(shares, iso3, before, message):
    with pytest.raises(ValueError, match=message):
        wa.share_change(shares, iso3, before, "2017-2021")


def test_comparison_rows_countries_then_groups(shares):
    change = wa.share_change(shares, ["MLI", "LBY"], "2012-2016", "2017-2021")
    groups = wa.compare_groups(shares, ["MLI", "LBY"], exclude=["BFA"])
    rows = wa.comparison_rows(change, groups, "2012-2016", "2017-2021")
    assert rows["label"].tolist()[:2] == ["MLI", "LBY"]  # tie at 75 %: stable order
    assert rows["section"].nunique() == 2 and len(rows) == 6
    pooled = rows.set_index("label").loc["Other countries, all imports pooled"]
    # Others 2012-16: Algeria 0 of 4 (Burkina Faso excluded): 0 %; 2017-21: 80 %.
    assert (pooled["before_pct"], pooled["after_pct"]) == (0.0, pytest.approx(80.0))


# --- one country ------------------------------------------------------------------------------

def test_supplier_shares_of_hand_numbers(annual):
    out = wa.supplier_shares_of(annual, "MLI", [(2017, 2021), (2012, 2022)])
    recent = out[out["period"] == "2017-2021"]
    assert recent[["supplier", "share_pct"]].values.tolist() == [["Russia", 75.0],
                                                                  ["France", 25.0]]
    # 2012-2022: Russia 6 + 7 = 13 of 20 -> 65 %.
    whole = out[out["period"] == "2012-2022"].set_index("supplier")["share_pct"]
    assert whole["Russia"] == pytest.approx(65.0)


def test_supplier_shares_of_failure_paths(annual):
    with pytest.raises(ValueError, match="unknown iso3 'XXX'"):
        wa.supplier_shares_of(annual, "XXX", [(2017, 2021)])
    with pytest.raises(ValueError, match="MLI: no deliveries in 2000-2004"):
        wa.supplier_shares_of(annual, "MLI", [(2000, 2004)])


def test_imports_by_supplier_every_year_and_all_others(annual):
    wide = wa.imports_by_supplier(annual, "MLI", (2015, 2022), ["Russia"])
    assert list(wide.index) == list(range(2015, 2023))
    assert list(wide.columns) == ["Russia", "all others"]
    assert wide.loc[2018, "Russia"] == 6.0 and wide.loc[2016, "all others"] == 5.0
    assert wide.loc[2017].sum() == 0.0  # a year without deliveries is shown, as zero
    assert wide["Russia"].sum() == 13.0


def test_imports_by_supplier_failure_paths(annual):
    with pytest.raises(ValueError, match="unknown iso3 'XXX'"):
        wa.imports_by_supplier(annual, "XXX", (2012, 2021))
    with pytest.raises(ValueError, match="first must not be after last"):
        wa.imports_by_supplier(annual, "MLI", (2021, 2012))
    with pytest.raises(ValueError, match="MLI: no deliveries in 1995-1999"):
        wa.imports_by_supplier(annual, "MLI", (1995, 1999))
    two = pd.concat([annual, annual.assign(vintage=pd.Timestamp("2024-10-13"))])
    with pytest.raises(ValueError, match="vintages"):
        wa.imports_by_supplier(two, "MLI", (2012, 2021))


def test_estimate_check_country_hand_numbers(annual):
    exact = pd.DataFrame({"vintage": VINTAGE, "iso3": "MLI", "year": [2016, 2018, 2019],
                          "tiv_musd": [5.0, 6.0, 2.5]})
    out = wa.estimate_check_country(annual, exact, "MLI", PERIODS).set_index("period")
    assert out.loc["2012-2016", "diff_pct"] == 0.0
    # 2017-21: estimate 6 + 2 = 8 against exact 8.5: -5.88 %.
    assert out.loc["2017-2021", "diff_pct"] == pytest.approx(100 * (8 / 8.5 - 1))


def test_estimate_check_country_failure_paths(annual):
    exact = pd.DataFrame({"vintage": pd.Timestamp("2024-10-13"), "iso3": "MLI", "year": [2018],
                          "tiv_musd": [6.0]})
    with pytest.raises(ValueError, match="no common vintage"):
        wa.estimate_check_country(annual, exact, "MLI", PERIODS)
    with pytest.raises(ValueError, match="not in the exact import table"):
        wa.estimate_check_country(annual, exact.assign(vintage=VINTAGE), "DZA", PERIODS)
