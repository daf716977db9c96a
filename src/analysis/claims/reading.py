"""The ledger's tables for reading: the sources behind the verdicts, each verdict's rule,
figures, rows and sources as text, the verdicts on each SIPRI vintage, and the ledger with
symbols (:func:`analysis.claims.ledger.evaluate_ledger` output in, DataFrames out)."""

from pathlib import Path

import pandas as pd

from analysis.claims.ledger import _table
from analysis.claims.verdict import NOT_CHECKABLE, SYMBOLS
from analysis.contract.paths import DATA_DIR


def sources_table(ledger: pd.DataFrame, data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """One row per source a verdict rests on: id, publisher, headline, date published and the
    claims citing it (in claim order)."""
    cited: dict[str, list[str]] = {}
    for cid, ids in zip(ledger["claim_id"], ledger["source_ids"], strict=True):
        for i in ids:
            cited.setdefault(i, []).append(cid)
    sources = _table("sources", str(data_dir)).set_index("source_id")
    missing = sorted(set(cited) - set(sources.index))
    if missing:
        raise ValueError(f"sources {missing} are cited by verdicts but not in data/sources.csv")
    out = sources.loc[sorted(cited), ["publisher", "title", "date_published"]]
    return out.assign(claims=[", ".join(cited[i]) for i in out.index]).rename_axis(
        "source_id").reset_index()


def verdict_detail(ledger: pd.DataFrame) -> pd.DataFrame:
    """One row per checked claim: verdict, rule, figures in words, rows and sources, as text."""
    checked = ledger[ledger["verdict"] != NOT_CHECKABLE]
    return pd.DataFrame({
        "id": checked["claim_id"], "verdict": checked["verdict"],
        "on the report": checked["verdict_on_report"].fillna(""),
        "on the event": checked["verdict_on_event"].fillna(""),
        "rule": checked["rule"],
        "figures": ["; ".join(f"{f['label']}: {f['text']}" for f in fs)
                    for fs in checked["figures"]],
        "rows": ["; ".join(f"{r['table']} ({r['key']})" for r in rs) for rs in checked["rows"]],
        "sources": ["; ".join(s) for s in checked["source_ids"]],
    }).reset_index(drop=True)


def vintage_table(ledger: pd.DataFrame) -> pd.DataFrame:
    """Claims resting on SIPRI data: the verdict on each export vintage and whether they agree."""
    sipri = ledger[[bool(v) for v in ledger["vintages"]]]
    wide = pd.DataFrame(list(sipri["vintages"]), index=sipri["claim_id"])
    return wide.assign(ledger=sipri["verdict"].to_numpy(),
                       agree=sipri["vintages_agree"].to_numpy()).rename_axis("id").reset_index()


def readable_ledger(ledger: pd.DataFrame) -> pd.DataFrame:
    """The ledger for reading: ¶, symbol and verdict word, the claim and the reason."""
    out = pd.DataFrame({
        "id": ledger["claim_id"], "¶": ledger["paragraph"],
        "symbol": ledger["verdict"].map(SYMBOLS), "verdict": ledger["verdict"],
        "the story says (our words)": ledger["claim"], "why": ledger["reason"],
    })
    return out.reset_index(drop=True)
