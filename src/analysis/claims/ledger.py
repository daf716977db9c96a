"""The fact-check ledger: every claim of the story (``data/claims.csv``) with a verdict that a
check computes from the project's data.

A claim names its check (a function registered in :data:`CHECKS`) or says why it cannot be
checked. Each check receives DataFrames, computes the evidence and returns an
:class:`analysis.claims.verdict.Verdict`: a verdict from :data:`VERDICTS`, the values it computed
and one sentence a reader understands. No verdict or number is typed in: every value comes from a
table.

How a check is called: its parameters *without* a default name the tables it needs, looked up by
name in the evidence from :func:`load_evidence` (``trips``, ``events``, ``wagner``,
``countries``, ``mali``, ``fact_sheets``, ``grid``); its keyword-only parameters are the
definitions a reviewer should check (period, region, vintage, tolerance...), each with a
documented default. The defaults are the ledger's editorial decisions:

- **Story date**: :data:`analysis.subjects.events.STORY_DATE` (Monday 6 Feb 2023). "On Monday" means
  the story's own day; "on Sunday", said of the past, the Sunday before it.
- **SIPRI**: the latest export vintage, SIPRI's Africa (without Egypt) and the periods of
  :mod:`analysis.subjects.arms` ("about 45" = within ``ABOUT_TOLERANCE_PTS`` of 45, see
  :mod:`analysis.claims.arms`).
- **Wagner** "deployed" = ``confirmed`` in ``data/wagner_deployments.csv`` and first reported by
  the story's date; ``withdrawn`` and ``alleged`` rows are left out by default (arguments bring
  them in); "accused" counts any documented accusation, press reports included, by default.
- **Tours**: Africa by geography (``data/countries.csv`` ``continent``), so Egypt counts and
  Iraq does not; months are days / :data:`analysis.subjects.trips.DAYS_PER_MONTH`.
- **Partial dates** in the events and Wagner tables stand for their whole period
  (:func:`analysis.subjects.events.period_bounds`); a claim about a day needs a day-precision date.

>>> sorted(VERDICTS)
['not checkable', 'not supported', 'partly supported', 'supported']
"""

import inspect
import json
from collections.abc import Callable
from pathlib import Path

import pandas as pd

# The checks register themselves in CHECKS when their modules are imported.
from analysis.claims import arms as _arms_checks  # noqa: F401
from analysis.claims import events as _events_checks  # noqa: F401
from analysis.claims import trips as _trips_checks  # noqa: F401
from analysis.claims import wagner as _wagner_checks  # noqa: F401
from analysis.claims.verdict import CHECKS, NOT_CHECKABLE, SYMBOLS, VERDICTS, Verdict
from analysis.contract.datapackage import load_table, resource
from analysis.contract.errors import DataError
from analysis.contract.paths import DATA_DIR, display_path
from analysis.subjects import arms
from analysis.subjects.events import load_events
from analysis.subjects.trips import load_trips
from analysis.subjects.wagner import load_wagner

LEDGER_COLUMNS = ["claim_id", "paragraph", "claim", "kind", "verdict", "values", "reason"]
CSV_COLUMNS = ["claim_id", "paragraph", "claim", "verdict", "evidence"]
CLAIMS_RESOURCE = "claims"
CLAIMS_FILE = "data/claims.csv"  # how messages name the committed file


# --- loading -------------------------------------------------------------------------------


def check_claims(claims: pd.DataFrame, file: str = CLAIMS_FILE,
                 registry: dict | None = None) -> pd.DataFrame:
    """What the descriptor cannot express; returns ``claims`` unchanged if it passes.

    A row names a check if and only if it gives no ``not_checkable_reason``, and every check is
    a key of ``registry`` (default :data:`CHECKS`). Rows are 1-based data rows.

    >>> bad = pd.DataFrame({"claim_id": ["c01"], "check": [None], "not_checkable_reason": [None]})
    >>> check_claims(bad)
    Traceback (most recent call last):
    ...
    analysis.contract.errors.DataError: data/claims.csv, row 1, column check: claim c01 names no \
check and gives no not_checkable_reason: give exactly one
    """
    registry = CHECKS if registry is None else registry
    rows = zip(claims["claim_id"], claims["check"], claims["not_checkable_reason"], strict=True)
    for row, (claim_id, check, reason) in enumerate(rows, start=1):
        has_check, has_reason = _given(check), _given(reason)
        if has_check == has_reason:
            problem = ("names a check and gives a not_checkable_reason" if has_check
                       else "names no check and gives no not_checkable_reason")
            raise DataError(file, f"claim {claim_id} {problem}: give exactly one", row=row,
                            column="check")
        if has_check and check not in registry:
            raise DataError(file, f"claim {claim_id}: {check!r} is not a check in "
                                  f"analysis.claims (known: {', '.join(sorted(registry))})",
                            row=row, column="check")
    return claims


def _given(value) -> bool:
    """A non-empty cell (None, NA and NaN are empty)."""
    return not (value is None or pd.isna(value)) and str(value).strip() != ""


def load_claims(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """``data/claims.csv``, typed and validated (descriptor, then :func:`check_claims`)."""
    claims = load_table(CLAIMS_RESOURCE, data_dir=data_dir)
    return check_claims(claims, display_path(Path(data_dir) / resource(CLAIMS_RESOURCE)["path"]))


def load_evidence(data_dir: Path = DATA_DIR) -> dict[str, pd.DataFrame]:
    """Every table a check may need, loaded and validated once, by the names checks use.

    ``grid`` is :func:`analysis.subjects.arms.shares_grid` over ``arms.ALL_PERIODS``, every vintage
    and region (``non_state="attribute"``, see :mod:`analysis.sipri`).
    """
    annual = load_table("sipri_africa_annual", data_dir=data_dir)
    recipients = load_table("sipri_recipients", data_dir=data_dir)
    return {
        "trips": load_trips(data_dir),
        "events": load_events(data_dir),
        "wagner": load_wagner(data_dir),
        "countries": load_table("countries", data_dir=data_dir),
        "mali": load_table("sipri_mali_russia", data_dir=data_dir),
        "fact_sheets": load_table("sipri_fact_sheets", data_dir=data_dir),
        "grid": arms.shares_grid(annual, recipients, arms.ALL_PERIODS),
    }


# --- running the ledger --------------------------------------------------------------------


def data_parameters(fn: Callable) -> list[str]:
    """The tables a check needs: its parameters without a default.

    >>> data_parameters(CHECKS["check_visit_length"])
    ['trips']
    """
    return [p.name for p in inspect.signature(fn).parameters.values()
            if p.default is inspect.Parameter.empty
            and p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD]


def run_check(claim: pd.Series, evidence: dict, registry: dict | None = None) -> Verdict:
    """The verdict of one claim row; ``not checkable`` with its reason when it names no check.

    Raises ValueError naming the claim if the check is unknown, needs a table the evidence
    lacks, or returns something other than a Verdict from :data:`VERDICTS`.
    """
    registry = CHECKS if registry is None else registry
    claim_id, name = claim["claim_id"], claim["check"]
    if not _given(name):
        return Verdict(NOT_CHECKABLE, {}, str(claim["not_checkable_reason"]))
    if name not in registry:
        raise ValueError(f"{CLAIMS_FILE}, claim {claim_id}: {name!r} is not a check in "
                         f"analysis.claims (known: {', '.join(sorted(registry))})")
    fn = registry[name]
    missing = [p for p in data_parameters(fn) if p not in evidence]
    if missing:
        raise ValueError(f"claim {claim_id}: check {name} needs {missing}, which the evidence "
                         f"lacks (have: {sorted(evidence)})")
    verdict = fn(**{p: evidence[p] for p in data_parameters(fn)})
    if not isinstance(verdict, Verdict) or verdict.verdict not in VERDICTS:
        got = verdict.verdict if isinstance(verdict, Verdict) else type(verdict).__name__
        raise ValueError(f"claim {claim_id}: check {name} returned {got!r}, not a verdict from "
                         f"{list(VERDICTS)}")
    return verdict


def evaluate_ledger(claims: pd.DataFrame | None = None, evidence: dict | None = None,
                    registry: dict | None = None) -> pd.DataFrame:
    """Run every claim's check: one row per claim, in file order, columns :data:`LEDGER_COLUMNS`.

    ``claims`` defaults to :func:`load_claims`, ``evidence`` to :func:`load_evidence`,
    ``registry`` to :data:`CHECKS`. ``values`` holds each check's computed values (a dict);
    not-checkable claims have ``{}`` and their reason.
    """
    claims = load_claims() if claims is None else claims
    check_claims(claims, registry=CHECKS if registry is None else registry)
    evidence = load_evidence() if evidence is None else evidence
    rows = []
    for _, claim in claims.iterrows():
        v = run_check(claim, evidence, registry)
        rows.append({"claim_id": claim["claim_id"], "paragraph": int(claim["paragraph"]),
                     "claim": claim["claim"], "kind": claim["kind"], "verdict": v.verdict,
                     "values": v.values, "reason": v.reason})
    return pd.DataFrame(rows, columns=LEDGER_COLUMNS)


def evidence_text(values: dict, reason: str) -> str:
    """The reason, then the computed values as compact JSON, in one string (one CSV cell).

    >>> evidence_text({"calendar_days": 1}, "One day, not two.")
    'One day, not two. Values: {"calendar_days": 1}'
    """
    if not values:
        return reason
    return f"{reason} Values: {json.dumps(values, ensure_ascii=False, default=str)}"


def ledger_csv_frame(ledger: pd.DataFrame) -> pd.DataFrame:
    """The ledger with exactly :data:`CSV_COLUMNS` (``evidence`` = :func:`evidence_text`)."""
    evidence = [evidence_text(v, r) for v, r in zip(ledger["values"], ledger["reason"],
                                                    strict=True)]
    return ledger.assign(evidence=evidence)[CSV_COLUMNS]


def ledger_records() -> list[dict]:
    """The ledger as dicts with :data:`CSV_COLUMNS` plus ``reason``, for the report's pages."""
    ledger = evaluate_ledger()
    return ledger_csv_frame(ledger).assign(reason=ledger["reason"].to_numpy()).to_dict("records")


def readable_ledger(ledger: pd.DataFrame) -> pd.DataFrame:
    """The ledger for reading: ¶, symbol and verdict word, the claim and the reason."""
    out = pd.DataFrame({
        "id": ledger["claim_id"], "¶": ledger["paragraph"],
        "symbol": ledger["verdict"].map(SYMBOLS), "verdict": ledger["verdict"],
        "the story says (our words)": ledger["claim"], "why": ledger["reason"],
    })
    return out.reset_index(drop=True)


def count_verdicts(ledger: pd.DataFrame) -> pd.DataFrame:
    """Claims per verdict, every verdict of :data:`VERDICTS` listed (zero if none).

    >>> count_verdicts(pd.DataFrame({"verdict": ["supported", "supported"]}))["claims"].tolist()
    [2, 0, 0, 0]
    """
    n = ledger["verdict"].value_counts()
    return pd.DataFrame({"symbol": [SYMBOLS[v] for v in VERDICTS], "verdict": list(VERDICTS),
                         "claims": [int(n.get(v, 0)) for v in VERDICTS]})
