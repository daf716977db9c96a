"""Tests for analysis.claims.now: each claim judged as of the story and, for a state of the
world, again as of the latest evidence by the same check over a later window; a stale table
blocks the second verdict and says so."""

import csv
import io
import json

import pandas as pd
import pytest

from analysis import claims
from analysis.claims import now
from analysis.claims.verdict import Verdict
from analysis.cli.main import main

# The verdict now of every state claim that can be re-judged, with its as-of date. Update only
# after reading why it moved (and record the move in data/verdict_history.csv).
EXPECTED_NOW = {
    "c09": ("not supported", "2026-12-05"),  # Wagner left Mali (Jun 2025); Africa Corps took over
    "c12": ("supported", "2024-12-31"),  # Russia still first in 2018-22 to 2020-24 (SIPRI)
    # 8 African states against a text since the story even if every later text counts: not many
    "c14": ("not supported", "2025-02-24"),
    # Wagner's hosts: 6 on 5 Dec 2021, at most 6 (at least 0) on 5 Dec 2026: no growth at either
    # bound of the rows not researched since; Africa Corps is not counted as Wagner
    "c20": ("not supported", "2026-12-05"),
    # Wagner's units left the war in 2023; the latest record is of former fighters back at the
    # front under other command (Sep 2023): true of its men, not of Wagner
    "c21": ("partly supported", "2026-12-05"),
    # hosts searched for findings through 6 Dec 2026: 3 of 6, or 3 of 8 with the alleged ones
    "c22": ("partly supported", "2026-12-05"),
    # all three kinds documented in CAR and Mali: later rows or findings can only add
    "c22a": ("supported", "2026-12-05"),
    "c26": ("supported", "2024-12-31"),  # Russian deliveries to Mali 2021-24 above 2016-19
    # after the story: the exit from ECOWAS (2024-25) and the breaks with France (2025)
    "c32": ("supported", "2026-12-05"),
}


@pytest.fixture(scope="module")
def ledger():
    return claims.evaluate_ledger()


def test_every_claim_has_a_tense_and_moments_keep_their_verdict(ledger):
    assert set(ledger["tense"]) == {"moment", "state"}
    moments = ledger[ledger["tense"] == "moment"]
    assert (moments["verdict_now"] == moments["verdict"]).all()
    assert (moments["as_of_now"] == "2023-02-06").all()
    assert (ledger["as_of"] == "2023-02-06").all()


def test_state_claims_are_rejudged_or_say_why(ledger):
    state = ledger[ledger["tense"] == "state"].set_index("claim_id")
    judged = state[state["verdict_now"] != "not checkable"]
    assert {c: (r["verdict_now"], r["as_of_now"]) for c, r in judged.iterrows()} == EXPECTED_NOW
    for cid, row in state.drop(judged.index).iterrows():
        assert row["reason_now"] and pd.isna(row["as_of_now"]), cid
    # c22: which hosts were accused was searched through 6 Dec 2026, so only presence and
    # further kinds stay open: 3 of 6 hosts at the lower bound, 3 of 8 at the upper
    assert state.loc["c22", "reason_now"].startswith(
        "Partly supported at both bounds of what the research did not cover (rows SDN, CAF, MDG, "
        "LBY, MOZ, BFA, COD since their as_of; accusations searched host by host through 6 Dec "
        "2026: open only as further kinds of abuse where a host was already accused).")
    assert "Lower bound (those rows gone, no later accusation): partly supported: Abuses were " \
        "reported in 3 of the 6" in state.loc["c22", "reason_now"]
    assert "Upper bound (still there, alleged ones confirmed, the accused hosts with every kind " \
        "of abuse): partly supported: Abuses were reported in 3 of the 8" in \
        state.loc["c22", "reason_now"]
    # c21: Wagner's own units last in combat in Jan 2023; three turns since, then former fighters
    assert state.loc["c21", "reason_now"].startswith(
        "Wagner's own units are last recorded in combat in Ukraine on 10 Jan 2023; since then: "
        "Wagner's chief says his units have begun leaving Bakhmut")
    assert state.loc["c21", "reason_now"].endswith(
        "(27 Sep 2023); 3 sources. The claim holds for Wagner's men, no longer for Wagner.")


def test_a_stale_table_blocks_the_verdict_now(monkeypatch):
    claim = pd.Series({"claim_id": "cX", "tense": "state", "check": "check_largest_dealer"})
    evidence = claims.load_evidence()
    then = claims.CHECKS["check_largest_dealer"](evidence["grid"])
    fresh = now.judge_now(claim, evidence, claims.CHECKS, claims.data_parameters, then)
    assert fresh["verdict_now"] == "supported" and fresh["as_of_now"] == "2024-12-31"
    # the same claim read through a table complete only to the story cannot be re-judged
    monkeypatch.setitem(now.EVIDENCE_TABLES, "grid", ("announcements",))
    stale = now.judge_now(claim, evidence, claims.CHECKS, claims.data_parameters, then)
    assert stale["verdict_now"] == "not checkable" and "data/announcements" in stale["reason_now"]


def test_the_later_window_is_the_periods_published_since_the_story():
    assert now._later_periods(pd.Timestamp("2024-12-31")) == {
        "periods": ("2018-2022", "2019-2023", "2020-2024")}
    assert now._later_periods(pd.Timestamp("2021-12-31")) == {}


def test_a_later_window_can_move_the_verdict():
    evidence = claims.load_evidence()
    # sub-Saharan Africa alone: China led in some of the periods since the story
    v = claims.check_largest_dealer(evidence["grid"], region="sub-saharan-africa",
                                    periods=("2018-2022", "2019-2023", "2020-2024"))
    assert v.verdict in ("partly supported", "not supported")
    with pytest.raises(ValueError, match="not in the SIPRI grid"):
        claims.check_largest_dealer(evidence["grid"], periods=("2030-2034",))


def test_bad_tense_and_missing_as_of_are_named(monkeypatch):
    then = Verdict("supported", {}, "x")
    with pytest.raises(ValueError, match="claim cX: tense 'sometimes' is not one of"):
        now.judge_now(pd.Series({"claim_id": "cX", "tense": "sometimes", "check": "c"}), {},
                      claims.CHECKS, claims.data_parameters, then)
    monkeypatch.setattr(now, "resource", lambda name: {})
    with pytest.raises(ValueError, match="resource events: no asOf"):
        now.table_as_of("events")


def test_cli_csv_gains_the_verdict_now_and_its_date(capsys):
    assert main(["claims", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {"tense", "as_of", "verdict_now", "as_of_now", "reason_now"} <= set(rows[0])
    c12 = next(r for r in rows if r["claim_id"] == "c12")
    assert (c12["verdict_now"], c12["as_of_now"]) == EXPECTED_NOW["c12"]


def test_descriptor_documents_as_of_and_tense():
    dp = json.loads((claims.ledger.DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
    assert "asOf" in dp["customProperties"]
    fields = {f["name"]: f for r in dp["resources"] if r["name"] == "claims"
              for f in r["schema"]["fields"]}
    assert fields["tense"]["constraints"]["enum"] == ["moment", "state"]


def test_every_verdict_says_what_its_data_are_as_of(ledger):
    fresh = ledger.set_index("claim_id")["data_as_of"]
    assert fresh["c12"] == "SIPRI exports of 2024-10-13 and 2025-03-13; sources read by 2025-03-13"
    assert fresh["c11a"] == "sources read by 2026-12-05"
    assert fresh["c04"] == "no data: not checkable"
    # c21's verdict now rests on sources read later than those of its verdict then
    assert fresh["c21"] == "sources read by 2026-12-06"
    assert fresh.str.len().gt(0).all()


def test_cli_table_shows_the_verdict_now_for_state_claims(capsys):
    assert main(["claims"]) == 0
    out = capsys.readouterr().out
    assert "    now: ✓ supported as of 2024-12-31: Russia is the largest supplier" in out
    assert out.count("    now: ") == 14
    assert "    now: ✗ not supported as of 2026-12-05: Not supported at both bounds" in out


def test_a_later_window_reads_only_what_it_moves():
    evidence = claims.load_evidence()
    claim = pd.Series({"claim_id": "c26", "tense": "state", "check": "check_closer_to_russia"})
    then = claims.CHECKS["check_closer_to_russia"](evidence["mali"], evidence["wagner"],
                                                   evidence["events"])
    got = now.judge_now(claim, evidence, claims.CHECKS, claims.data_parameters, then)
    assert got["verdict_now"] == "supported" and got["as_of_now"] == "2024-12-31"
    assert got["reason_now"].startswith("Russian deliveries to Mali came to 90m TIV in 2021-2024 "
                                        "against 31m in 2016-2019")


def test_a_claim_about_one_country_is_rejudged_from_its_row(monkeypatch):
    evidence = claims.load_evidence()
    claim = pd.Series({"claim_id": "c09", "tense": "state", "check": "check_wagner_in_mali"})
    then = claims.CHECKS["check_wagner_in_mali"](evidence["wagner"])
    assert then.verdict == "supported"  # the exit (2025) is after the story
    got = now.judge_now(claim, evidence, claims.CHECKS, claims.data_parameters, then)
    assert (got["verdict_now"], got["as_of_now"]) == ("not supported", "2026-12-05")
    assert got["reason_now"] == ("Wagner left Mali (2025-06-06); Africa Corps (Russia's defence "
                                 "ministry) took over.")
    # Mali's row not brought forward: no verdict now, and the row is named
    stale = evidence["wagner"].assign(as_of="2023-02-06")
    got = now.judge_now(claim, {**evidence, "wagner": stale}, claims.CHECKS,
                        claims.data_parameters, then)
    assert got["verdict_now"] == "not checkable"
    assert "data/wagner_deployments row MLI (complete to 2023-02-06)" in got["reason_now"]


def test_c14_now_is_decided_whichever_later_texts_count_as_condemning(ledger):
    # c14 (many African states backed the invasion): the votes are complete to 24 Feb 2025.
    # Which later texts condemn the invasion in their own words is not settled (ES-11/7's
    # operative paragraphs were not read), but even counting both, 8 states voted against one:
    # under the 10 that "many" needs, so not supported at both bounds
    assert now.table_as_of("unga_votes") == now.table_as_of("unga_resolutions") == \
        pd.Timestamp("2025-02-24")
    c14 = ledger.set_index("claim_id").loc["c14"]
    assert (c14["verdict_now"], c14["as_of_now"]) == ("not supported", "2025-02-24")
    assert c14["reason_now"].startswith(
        "Fewer than 10 states whichever of the texts adopted since the story (ES-11/6 and "
        "ES-11/7) count as condemning: 8 African states (Burkina Faso, Burundi, Central African "
        "Republic, Equatorial Guinea, Eritrea, Mali, Niger, Sudan) voted against at least one")
    assert c14["reason_now"].endswith(
        "Counting abstaining and staying away as tacit support: on ES-11/6 alone it would count "
        "23 states; on ES-11/7 alone it would count 40 states (41 if the 1 vote not sourced was "
        "not a yes).")
    assert {"table": "unga_votes", "key": "resolution=A/RES/ES-11/7, iso3=GNQ"} in c14["rows_now"]


def test_c14_now_is_not_decided_when_the_votes_against_reach_many():
    # two more states against ES-11/7 would reach 10 at the upper bound and none at the lower
    from analysis.claims import votes as vote_checks
    evidence = claims.load_evidence()
    votes = evidence["votes"].copy()
    votes["vote"] = votes["vote"].astype(str)
    more = (votes["resolution"] == "A/RES/ES-11/7") & votes["iso3"].isin(["GHA", "KEN"])
    votes.loc[more, "vote"] = "no"
    got = vote_checks.check_support_invasion(votes, story_date="2025-02-24")
    assert got.verdict == "not checkable"
    assert got.reason.startswith("Not decided: 10 African states voted against a text")
    # the same rule over a window with no later text has nothing to judge
    got = vote_checks.check_support_invasion(votes, story_date="2023-02-07")
    assert got.verdict == "not checkable" and got.reason.startswith("No Ukraine text")
    with pytest.raises(ValueError, match="ledger's reading"):
        vote_checks.check_support_invasion(votes, story_date="2025-02-24", reading="tacit")


def test_a_check_over_every_row_is_judged_only_where_both_bounds_agree(monkeypatch):
    evidence = claims.load_evidence()
    claim = pd.Series({"claim_id": "c20", "tense": "state", "check": "check_wagner_growth"})
    then = claims.CHECKS["check_wagner_growth"](evidence["wagner"])
    got = now.judge_now(claim, evidence, claims.CHECKS, claims.data_parameters, then)
    assert (got["verdict_now"], got["as_of_now"]) == ("not supported", "2026-12-05")
    assert "Lower bound (those rows gone, no later accusation): not supported: 0 countries " \
        "hosted Wagner on 5 Dec 2026 against 6 on 5 Dec 2021" in got["reason_now"]
    assert "Upper bound (still there, alleged ones confirmed, the accused hosts with every kind " \
        "of abuse): not supported: 6 countries hosted Wagner on 5 Dec 2026 against 6" in \
        got["reason_now"]
    # were a seventh host still there at the upper bound, the bounds would disagree: no verdict
    extra = evidence["wagner"].copy()
    extra.loc[extra["iso3"] == "MOZ", "status"] = "alleged"  # confirmed at the upper bound
    got = now.judge_now(claim, {**evidence, "wagner": extra}, claims.CHECKS,
                        claims.data_parameters, then)
    assert got["verdict_now"] == "not checkable" and pd.isna(got["as_of_now"])
    assert got["reason_now"].startswith("Cannot be decided as of 2026-12-05")
    # every row researched through the as-of date: nothing to bound, the plain verdict
    fresh = evidence["wagner"].assign(as_of="2026-12-05")
    got = now.judge_now(claim, {**evidence, "wagner": fresh}, claims.CHECKS,
                        claims.data_parameters, then)
    assert got["verdict_now"] == "not supported"
    assert "rows none since their as_of" in got["reason_now"]


def test_c22_now_turns_on_accusations_where_they_were_not_researched(monkeypatch):
    # without the search of 6 Dec 2026 (no abusesAsOf), every host could have been accused
    # since: 3 of 6 at the lower bound, 8 of 8 at the upper, so no verdict now
    from analysis.subjects import wagner as wagner_subject

    evidence = claims.load_evidence()
    claim = pd.Series({"claim_id": "c22", "tense": "state", "check": "check_wagner_abuses"})
    then = claims.CHECKS["check_wagner_abuses"](evidence["wagner"])
    monkeypatch.setattr(wagner_subject, "accusations_researched_through", lambda: None)
    got = now.judge_now(claim, evidence, claims.CHECKS, claims.data_parameters, then)
    assert got["verdict_now"] == "not checkable" and pd.isna(got["as_of_now"])
    assert got["reason_now"].startswith(
        "Cannot be decided as of 2026-12-05: it turns on what the research did not cover (rows "
        "SDN, CAF, MDG, LBY, MOZ, BFA, COD since their as_of; accusations after 6 Feb 2023).")
    assert "Upper bound (still there, alleged ones confirmed, every row accused since): " \
        "supported: Abuses were reported in 8 of the 8" in got["reason_now"]
    # a search that stopped before the window's date does not settle it either
    monkeypatch.setattr(wagner_subject, "accusations_researched_through",
                        lambda: pd.Timestamp("2024-01-01"))
    got = now.judge_now(claim, evidence, claims.CHECKS, claims.data_parameters, then)
    assert got["verdict_now"] == "not checkable"
    assert "accusations after 1 Jan 2024" in got["reason_now"]


def test_a_check_that_does_not_bound_its_rows_waits_for_the_least_recent(monkeypatch):
    evidence = claims.load_evidence()
    claim = pd.Series({"claim_id": "c22a", "tense": "state", "check": "check_abuse_kinds"})
    then = claims.CHECKS["check_abuse_kinds"](evidence["wagner"])
    monkeypatch.setattr(now, "ROW_BOUNDS", {})
    got = now.judge_now(claim, evidence, claims.CHECKS, claims.data_parameters, then)
    assert got["verdict_now"] == "not checkable"
    assert got["reason_now"].startswith(
        "Cannot be re-judged: data/wagner_deployments (complete to 2023-02-06; rows with no "
        "sourced status after the story: SDN, MDG, LBY, MOZ, BFA, COD")


def test_c21_is_judged_on_the_latest_evidence_not_any_evidence():
    events = claims.load_evidence()["events"]
    check = claims.CHECKS["check_wagner_in_ukraine"]
    assert check(events).verdict == "supported"  # as of the story: Soledar, two sources
    later = check(events, story_date=pd.Timestamp("2026-12-05"))
    assert later.verdict == "partly supported"
    assert later.values["turns_since"] == ["ukr-wagner-bakhmut-exit-2023",
                                           "rus-wagner-mutiny-2023", "rus-prigozhin-death-2023"]
    assert later.values["former_since"] == ["ukr-wagner-return-2023"]
    assert ("events", "ukr-wagner-return-2023") in later.rows
    # between the mutiny and the fighters' return the record stopped at a turn: not checkable
    summer = check(events, story_date=pd.Timestamp("2023-07-01"))
    assert summer.verdict == "not checkable" and summer.values["former_since"] == []
    # without the return on record, only a search since the turns decides
    assert check(events, former=(), story_date=pd.Timestamp("2026-12-05")).verdict == (
        "not checkable")
    assert check(events, former=(), story_date=pd.Timestamp("2026-12-05"),
                 searched_after_turns=True).verdict == "not supported"
    # a record of Wagner's own units in combat after every turn would make it current again
    fight = events[events["event_id"] == "ukr-wagner-soledar-2023"].assign(
        event_id="ukr-wagner-later-2024", date="2024-03-01")
    more = pd.concat([events, fight], ignore_index=True)
    assert check(more, fighting=("ukr-wagner-soledar-2023", "ukr-wagner-later-2024"),
                 story_date=pd.Timestamp("2026-12-05")).verdict == "supported"


def test_c32_later_window_holds_only_what_happened_after_the_story():
    events = claims.load_evidence()["events"]
    check = claims.CHECKS["check_tensions"]
    later = check(events, story_date=pd.Timestamp("2026-12-05"), since=pd.Timestamp("2023-02-06"))
    assert later.verdict == "supported"
    assert sorted(later.values["Western"]) == ["mli-france-suspends-cooperation-2025",
                                               "mli-french-national-arrested-2025"]
    assert sorted(later.values["West African"]) == ["mli-ecowas-exit-2025",
                                                    "mli-ecowas-exit-announced-2024"]
    # the old traces alone (before the story) do not carry the later window
    old = events[~events["event_id"].str.contains("2024|2025")]
    assert check(old, story_date=pd.Timestamp("2026-12-05"),
                 since=pd.Timestamp("2023-02-06")).verdict == "not supported"
    # and as of the story the later events are not seen
    then = check(events)
    assert sorted(then.values["Western"]) == ["mli-joint-statement-2021",
                                              "rus-eu-sanctions-wagner-2021"]


def test_a_state_claim_whose_check_has_no_later_window_says_so(monkeypatch):
    evidence = claims.load_evidence()
    claim = pd.Series({"claim_id": "c14", "tense": "state", "check": "check_support_invasion"})
    then = claims.CHECKS["check_support_invasion"](evidence["votes"])
    windows = {k: v for k, v in now.LATER_WINDOWS.items() if k != "check_support_invasion"}
    monkeypatch.setattr(now, "LATER_WINDOWS", windows)
    got = now.judge_now(claim, evidence, claims.CHECKS, claims.data_parameters, then)
    assert (got["verdict_now"], got["as_of_now"]) == ("not checkable", None)
    assert got["reason_now"] == "No later window is written for check_support_invasion."
