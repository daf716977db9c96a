"""The history of every verdict (``data/verdict_history.csv``): each change of a claim's verdict
as of the story (``then``) or as of the latest evidence (``now``), with from, to, when and why.

:func:`history_problems` holds the table to the ledger: for every claim and verdict, the entries
chain (each ``from`` is the previous ``to``, the first is a first verdict) and the last ``to`` is
the verdict the ledger computes today. A verdict that moves without an entry is a problem that
names the claim, the file's row and what to add.
"""

from pathlib import Path

import pandas as pd

from analysis.contract.datapackage import load_table
from analysis.contract.paths import DATA_DIR

HISTORY_FILE = "data/verdict_history.csv"
LEDGER_COLUMN = {"then": "verdict", "now": "verdict_now"}


def load_history(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """``data/verdict_history.csv``, typed and validated by the descriptor."""
    return load_table("verdict_history", data_dir=data_dir)


def _blank(value) -> bool:
    return value is None or (not isinstance(value, list) and pd.isna(value)) or value == ""


def history_problems(history: pd.DataFrame, ledger: pd.DataFrame) -> list[str]:
    """Every way ``history`` and ``ledger`` (:func:`analysis.claims.evaluate_ledger`) disagree,
    each naming the file, row (1-based data row) and claim. Empty when they agree.

    ``now`` entries are required for claims about a state of the world only.
    """
    problems = []
    rows = history.reset_index(drop=True).assign(_row=lambda f: f.index + 1)
    for (cid, which), group in rows.sort_values(["date", "history_id"]).groupby(
            ["claim_id", "verdict"], sort=False):
        previous = None
        for _, r in group.iterrows():
            where = f"{HISTORY_FILE}, row {r['_row']}"
            if previous is None and not _blank(r["from_verdict"]):
                problems.append(f"{where}, column from_verdict: claim {cid} ({which}) starts "
                                f"from {r['from_verdict']!r}; its first entry has no from")
            if previous is not None and r["from_verdict"] != previous:
                problems.append(f"{where}, column from_verdict: claim {cid} ({which}) goes from "
                                f"{r['from_verdict']!r}, but the entry before ended at "
                                f"{previous!r}")
            if r["why"] == "correction" and _blank(r["correction_ids"]):
                problems.append(f"{where}, column correction_ids: a correction of claim {cid} "
                                "names no row of data/corrections.csv")
            previous = r["to_verdict"]
    last = (rows.sort_values(["date", "history_id"])
            .groupby(["claim_id", "verdict"])["to_verdict"].last())
    for _, claim in ledger.iterrows():
        for which, column in LEDGER_COLUMN.items():
            if which == "now" and claim.get("tense") != "state":
                continue
            have = claim[column]
            recorded = last.get((claim["claim_id"], which))
            if recorded is None:
                problems.append(f"{HISTORY_FILE}: claim {claim['claim_id']} has no '{which}' "
                                f"entry; add its first verdict ({have!r})")
            elif recorded != have:
                problems.append(
                    f"{HISTORY_FILE}: claim {claim['claim_id']}'s verdict {which} is {have!r} "
                    f"in the ledger but {recorded!r} after the last entry: add an entry from "
                    f"{recorded!r} to {have!r} with its date and why (correction, new data "
                    "vintage or later fact)")
    unknown = sorted(set(history["claim_id"]) - set(ledger["claim_id"]))
    if unknown:
        problems.append(f"{HISTORY_FILE}: claims {unknown} are not in the ledger")
    return problems


def claim_history(history: pd.DataFrame, claim_id: str) -> pd.DataFrame:
    """One claim's entries in date order, for reading (the site's ledger page)."""
    hit = history[history["claim_id"] == claim_id].sort_values(["date", "history_id"])
    return hit[["verdict", "from_verdict", "to_verdict", "date", "why", "notes"]].reset_index(
        drop=True)
