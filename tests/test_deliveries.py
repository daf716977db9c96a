"""What Russia delivered to one state, deal by deal (analysis.subjects.deliveries and the
sentence in country_text): Algeria checked against SIPRI's raw register read a second way,
a state with no Russian deliveries, uncertain numbers shown as such."""

import pandas as pd
import pytest

from analysis import country_text, deliveries, load_table

YEARS = (2012, 2024)
LATEST = "2025-03-13"


@pytest.fixture(scope="module")
def table():
    return load_table(deliveries.RUSSIA_TABLE)


def _raw_deals(path, recipient: str) -> pd.DataFrame:
    """Russia -> ``recipient`` deals of a raw Trade Register, read with plain pandas (not the
    package's reader): the header after the preamble, '?' flags in the unnamed columns."""
    lines = path.read_bytes().decode("cp1252").splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("Recipient,Supplier"))
    raw = pd.read_csv(path, encoding="cp1252", skiprows=header, dtype=str,
                      keep_default_na=False)
    raw.columns = ["recipient", "supplier", "order_year", "q_order", "ordered", "q_ordered",
                   "designation", "description", "delivered", "q_delivered", "years",
                   "status", "comments", "tiv_unit", "tiv_order", "tiv_delivered"]
    deals = raw[(raw["recipient"] == recipient) & (raw["supplier"] == "Russia")
                & (raw["years"] != "")].copy()
    deals["years"] = deals["years"].map(lambda s: [int(y) for y in s.split("; ")])
    inside = deals["years"].map(lambda ys: [y for y in ys if YEARS[0] <= y <= YEARS[1]])
    deals["tiv_window"] = [float(t) * len(i) / len(ys) for t, i, ys in
                           zip(deals["tiv_delivered"], inside, deals["years"], strict=True)]
    deals["inside"] = inside
    return deals[deals["inside"].map(len) > 0]


def test_algeria_matches_the_raw_register_read_a_second_way(table, sipri_exports):
    raw = _raw_deals(sipri_exports["register_2025"], "Algeria")
    deals = deliveries.deals_in(table, "DZA", LATEST, YEARS)
    summary = deliveries.deals_summary(deals)
    assert summary["deals"] == len(raw) == 35
    assert summary["first_year"] == min(min(i) for i in raw["inside"])
    assert summary["last_year"] == max(max(i) for i in raw["inside"])
    # the committed table keeps 6 significant digits per row
    assert summary["tiv_musd"] == pytest.approx(raw["tiv_window"].sum(), rel=1e-5)
    assert summary["uncertain"] == int((raw["q_delivered"] == "?").sum())
    mine = {(d, int(o), int(n)) for d, o, n in zip(
        deals["designation"], deals["order_year"], deals["number_delivered"], strict=True)}
    theirs = {(d.strip(), int(o), int(n)) for d, o, n in zip(
        raw["designation"], raw["order_year"], raw["delivered"], strict=True)}
    assert mine == theirs
    keys = zip(raw["designation"].str.strip(), raw["order_year"].astype(int),
               raw["delivered"].astype(int), strict=True)
    by_deal = dict(zip(keys, raw["tiv_window"], strict=True))
    for d in deals.itertuples(index=False):
        assert d.tiv_musd == pytest.approx(
            by_deal[(d.designation, d.order_year, d.number_delivered)], rel=1e-5)
    sentence = country_text.deals_sentence("Algeria", summary, YEARS)
    assert sentence.startswith(
        f"From 2012 to 2024 SIPRI's register records {len(raw)} deals under which Russia "
        f"delivered major arms to Algeria, first in {summary['first_year']} and last in "
        f"{summary['last_year']}: armoured vehicles, aircraft, helicopters")
    assert f"{raw['tiv_window'].sum():,.0f} million TIV in all" in sentence
    assert f"For {summary['uncertain']} of the 35 deals SIPRI marks the number delivered " \
           "as uncertain." in sentence


def test_a_state_with_no_russian_deliveries_gets_the_plain_sentence(table):
    deals = deliveries.deals_in(table, "STP", LATEST, YEARS)
    assert deals.empty and (table["iso3"] == "STP").sum() == 0
    assert country_text.deals_sentence("São Tomé and Príncipe", deliveries.deals_summary(deals),
                                       YEARS) == (
        "SIPRI's register records no delivery of major arms from Russia to São Tomé and "
        "Príncipe from 2012 to 2024.")


def test_uncertain_numbers_are_shown_as_such_and_groups_named_where_they_count(table):
    algeria = deliveries.deals_in(table, "DZA", LATEST, YEARS)
    shown = deliveries.deals_display(algeria)
    assert list(shown.index) == list(algeria["designation"])
    flagged = algeria["number_delivered_uncertain"].to_numpy()
    column = shown["Number"]
    assert column[flagged].str.endswith(" (uncertain)").all()
    assert not column[~flagged].str.contains("uncertain").any()
    assert "Recipient" not in shown  # one recipient: the state itself
    libya = deliveries.deals_display(deliveries.deals_in(table, "LBY", LATEST, YEARS))
    assert set(libya["Recipient"]) == {"Libya", "Libya HoR*"}


def test_of_country_is_the_state_rows_without_recipient_columns(table):
    mali = deliveries.of_country(table, "MLI")
    assert list(mali.index) == list(range(len(mali)))
    assert "iso3" not in mali and "recipient" not in mali
    assert len(mali) == int((table["iso3"] == "MLI").sum())
