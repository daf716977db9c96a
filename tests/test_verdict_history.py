"""Tests for analysis.claims.history: data/verdict_history.csv records every change of a verdict,
and a verdict that moves without an entry fails here, naming the claim and what to add."""

import pandas as pd
import pytest

from analysis import claims
from analysis.claims.history import claim_history, history_problems, load_history


@pytest.fixture(scope="module")
def ledger():
    return claims.evaluate_ledger()


@pytest.fixture(scope="module")
def history():
    return load_history()


def test_every_verdict_is_the_last_entry_of_its_history(history, ledger):
    assert history_problems(history, ledger) == []


def test_a_verdict_that_moves_without_an_entry_fails(history, ledger):
    moved = ledger.copy()
    moved.loc[moved["claim_id"] == "c12", "verdict"] = "partly supported"
    problems = history_problems(history, moved)
    assert problems == [
        "data/verdict_history.csv: claim c12's verdict then is 'partly supported' in the ledger "
        "but 'supported' after the last entry: add an entry from 'supported' to 'partly "
        "supported' with its date and why (correction, new data vintage or later fact)"]
    moved_now = ledger.copy()
    moved_now.loc[moved_now["claim_id"] == "c12", "verdict_now"] = "not supported"
    assert any("c12's verdict now is 'not supported'" in p
               for p in history_problems(history, moved_now))


def test_entries_chain_and_corrections_name_the_log(history, ledger):
    broken = history.copy()
    i = broken.index[(broken["claim_id"] == "c14") & (broken["why"] == "correction")][0]
    broken.loc[i, "from_verdict"] = "supported"
    broken.at[i, "correction_ids"] = None
    problems = history_problems(broken, ledger)
    assert any("column from_verdict: claim c14 (then) goes from 'supported', but the entry "
               "before ended at 'partly supported'" in p for p in problems)
    assert any("column correction_ids: a correction of claim c14" in p for p in problems)
    extra = pd.concat([history, history.tail(1).assign(claim_id="c99")])
    assert any("claims ['c99'] are not in the ledger" in p
               for p in history_problems(extra, ledger))


def test_the_review_of_issue_18_is_recorded(history):
    changed = history[history["why"] == "correction"]
    assert dict(zip(changed["claim_id"], changed["to_verdict"], strict=True)) == {
        "c06": "supported", "c10": "supported", "c11a": "supported", "c14": "not supported",
        "c17": "partly supported", "c21": "supported", "c22": "partly supported",
        "c27": "supported"}
    log = set(claims.ledger._table("corrections", str(claims.ledger.DATA_DIR))["correction_id"])
    assert {k for ids in changed["correction_ids"] for k in ids} <= log


def test_claim_history_reads_in_date_order(history):
    c14 = claim_history(history, "c14")
    assert c14["to_verdict"].tolist() == ["partly supported", "not supported", "not checkable",
                                          "not supported"]
    assert c14["verdict"].tolist() == ["then", "then", "now", "now"]
