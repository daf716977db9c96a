"""The fact-check ledger: every claim of the story (``data/claims.csv``) with a verdict that a
check computes from the project's data.

A claim names its check (a function registered in :data:`CHECKS`) or says why it cannot be
checked. Each check receives DataFrames, computes the evidence and returns an
:class:`analysis.claims.verdict.Verdict`: a verdict from :data:`VERDICTS`, the values it computed,
one sentence a reader understands, its rule, its figures in words and the rows it rests on; the
ledger turns the rows into sources (:func:`row_sources`). No verdict or number is typed in:
every value comes from a table.

How a check is called: its parameters *without* a default name the tables it needs, looked up by
name in the evidence from :func:`load_evidence` (``trips``, ``events``, ``announcements``,
``wagner``, ``countries``, ``mali`` (Mali's rows of ``sipri_africa_russia``), ``fact_sheets``,
``grid``); its keyword-only parameters are the definitions a reviewer should check (period,
region, vintage, tolerance...), each with a documented default. The defaults are the ledger's
editorial decisions:

- **Story date**: :data:`analysis.subjects.events.STORY_DATE` (Monday 6 Feb 2023). "On Monday" means
  the story's own day; "on Sunday", said of the past, the Sunday before it.
- **SIPRI**: the latest export vintage, SIPRI's Africa (without Egypt) and the periods of
  :mod:`analysis.subjects.arms` ("about 45" = within ``ABOUT_TOLERANCE_PTS`` of 45, see
  :mod:`analysis.claims.arms`).
- **Wagner** "have deployed" = ``confirmed`` or ``withdrawn`` in ``data/wagner_deployments.csv``
  (past hosts count) and first reported by the story's date; ``alleged`` rows never count;
  "accused" counts an accusation by a UN body, a rights group or the press by default.
- **Plans**: a claim about what was scheduled or announced is judged on the report
  (``data/announcements.csv``) and on the event, by :data:`analysis.claims.verdict.PLAN_RULE`.
- **Vintages**: a check with a ``vintage`` keyword rests on SIPRI data; it is run on every
  export vintage (:func:`run_vintages`) and a disagreement is written into the evidence.
- **Tours**: Africa by geography (``data/countries.csv`` ``continent``), so Egypt counts and
  Iraq does not; months are days / :data:`analysis.subjects.trips.DAYS_PER_MONTH`.
- **Partial dates** in the events and Wagner tables stand for their whole period
  (:func:`analysis.subjects.events.period_bounds`); a claim about a day needs a day-precision date.

>>> sorted(VERDICTS)
['not checkable', 'not supported', 'partly supported', 'supported']
"""

import inspect
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pandas as pd

# The checks register themselves in CHECKS when their modules are imported.
from analysis.claims import arms as _arms_checks  # noqa: F401
from analysis.claims import events as _events_checks  # noqa: F401
from analysis.claims import plans as _plans_checks  # noqa: F401
from analysis.claims import record as _record_checks  # noqa: F401
from analysis.claims import trips as _trips_checks  # noqa: F401
from analysis.claims import votes as _votes_checks  # noqa: F401
from analysis.claims import wagner as _wagner_checks  # noqa: F401
from analysis.claims.history import claim_history, load_history
from analysis.claims.now import data_as_of, judge_now
from analysis.claims.verdict import (
    CHECKS,
    EVENT,
    NOT_CHECKABLE,
    REPORT,
    SYMBOLS,
    VERDICTS,
    Verdict,
)
from analysis.contract.citations import sources_of_rows, table_sources
from analysis.contract.datapackage import load_table, resource
from analysis.contract.errors import DataError
from analysis.contract.paths import DATA_DIR, display_path
from analysis.story import STORY_DATE
from analysis.subjects import arms, deliveries
from analysis.subjects.events import load_events
from analysis.subjects.trips import load_trips
from analysis.subjects.un_votes import load_votes
from analysis.subjects.wagner import load_wagner

STORY_DAY = pd.Timestamp(STORY_DATE).strftime("%Y-%m-%d")  # what the first verdicts are as of
NOW_COLUMNS = ["tense", "as_of", "verdict_now", "as_of_now", "reason_now", "data_as_of"]
# The rows the verdict now rests on and their sources (for a claim re-judged over a later window).
NOW_ROWS = ["rows_now", "source_ids_now", "rule_now", "figures_now"]
LEDGER_COLUMNS = ["claim_id", "paragraph", "claim", "kind", "verdict", "values", "reason",
                  "rule", "figures", "rows", "source_ids", "evidence", "verdict_on_report",
                  "reason_on_report", "verdict_on_event", "reason_on_event", "vintages",
                  "vintages_agree", *NOW_COLUMNS, *NOW_ROWS]
CSV_COLUMNS = ["claim_id", "paragraph", "claim", "verdict", "evidence", "sources", "rule",
               *NOW_COLUMNS, "sources_now"]  # then, and now (analysis.claims.now)
RECORD_FIELDS = ["claim_id", "paragraph", "claim", "kind", "verdict", "reason", "rule",
                 "figures", "rows", "source_ids", "evidence", "values", "verdict_on_report",
                 "reason_on_report", "verdict_on_event", "reason_on_event", "vintages",
                 "vintages_agree", *NOW_COLUMNS, *NOW_ROWS, "history"]
# Row references use a table's key column (or "col=value, ..." pairs); these hold no per-row
# sources, so their rows cite the resource's sources (of the vintage the key names, if any).
VINTAGED = ("sipri_africa_annual", "sipri_africa_russia", "sipri_africa_imports_exact")
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
        "announcements": load_table("announcements", data_dir=data_dir),
        "wagner": load_wagner(data_dir),
        "countries": load_table("countries", data_dir=data_dir),
        "mali": deliveries.of_country(
            load_table(deliveries.RUSSIA_TABLE, data_dir=data_dir), "MLI"),
        "fact_sheets": load_table("sipri_fact_sheets", data_dir=data_dir),
        "grid": arms.shares_grid(annual, recipients, arms.ALL_PERIODS),
        "votes": load_votes(data_dir),
    }


# --- running the ledger --------------------------------------------------------------------


def data_parameters(fn: Callable) -> list[str]:
    """The tables a check needs: its parameters without a default.

    >>> data_parameters(CHECKS["check_visit_length"])
    ['trips', 'announcements']
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
        return Verdict(NOT_CHECKABLE, {}, str(claim["not_checkable_reason"]),
                       "Not checked: the reason says why the data cannot decide it.")
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


def vintages_of(evidence: dict) -> list[str]:
    """The SIPRI export vintages the evidence holds (``YYYY-MM-DD``), oldest first."""
    grid = evidence.get("grid")
    if grid is None or "vintage" not in grid:
        return []
    return sorted(str(v) for v in grid["vintage"].unique())


def run_vintages(claim: pd.Series, evidence: dict, registry: dict | None = None) -> dict:
    """``{vintage: verdict}`` for a check that takes a ``vintage`` keyword (it rests on SIPRI
    data), run once per export vintage; ``{}`` for any other claim."""
    registry = CHECKS if registry is None else registry
    name = claim["check"]
    if not _given(name) or "vintage" not in inspect.signature(registry[name]).parameters:
        return {}
    fn = registry[name]
    tables = {p: evidence[p] for p in data_parameters(fn)}
    return {v: fn(**tables, vintage=v).verdict for v in vintages_of(evidence)}


def evaluate_ledger(claims: pd.DataFrame | None = None, evidence: dict | None = None,
                    registry: dict | None = None, data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """Run every claim's check: one row per claim, in file order, columns :data:`LEDGER_COLUMNS`.

    ``claims`` defaults to :func:`load_claims`, ``evidence`` to :func:`load_evidence`,
    ``registry`` to :data:`CHECKS`. ``values`` holds each check's computed values (a dict);
    ``figures`` and ``rows`` are lists of dicts; ``source_ids`` the sorted sources of those rows
    (:func:`row_sources`); ``vintages`` the verdict on each SIPRI export vintage (empty for
    claims not resting on SIPRI data), ``vintages_agree`` whether they agree. Where they do not,
    ``evidence`` says so. Not-checkable claims have ``{}`` and their reason.
    """
    claims = load_claims() if claims is None else claims
    check_claims(claims, registry=CHECKS if registry is None else registry)
    evidence = load_evidence() if evidence is None else evidence
    rows = []
    for _, claim in claims.iterrows():
        v = run_check(claim, evidence, registry)
        vintages = run_vintages(claim, evidence, registry)
        agree = len(set(vintages.values())) <= 1
        figures = [f.as_dict() for f in v.figures]
        report, event = v.parts.get(REPORT), v.parts.get(EVENT)
        rows.append({
            "claim_id": claim["claim_id"], "paragraph": int(claim["paragraph"]),
            "claim": claim["claim"], "kind": claim["kind"], "verdict": v.verdict,
            "values": v.values, "reason": v.reason, "rule": v.rule, "figures": figures,
            **_rows_and_sources(v.rows, data_dir),
            "evidence": evidence_text(v.reason, figures, vintages),
            "verdict_on_report": report.verdict if report else None,
            "verdict_on_event": event.verdict if event else None,
            "reason_on_report": report.reason if report else None,
            "reason_on_event": event.reason if event else None,
            "vintages": vintages, "vintages_agree": agree, "tense": claim["tense"],
            "as_of": STORY_DAY,
            **_now_with_sources(judge_now(claim, evidence, CHECKS if registry is None else
                                          registry, data_parameters, v), data_dir)})
    out = pd.DataFrame(rows, columns=LEDGER_COLUMNS)
    sources = _table("sources", str(data_dir))
    # as of the latest read among the sources of both verdicts, then and now
    out["data_as_of"] = [data_as_of(sorted({*ids, *now_ids}), sources, vin)
                         for ids, now_ids, vin in zip(out["source_ids"], out["source_ids_now"],
                                                      out["vintages"], strict=True)]
    return out


def _rows_and_sources(rows, data_dir: Path, suffix: str = "") -> dict:
    """``{"rows", "source_ids"}`` (each key + ``suffix``) of a verdict's ``(table, key)`` rows:
    the rows as dicts, and their sources (:func:`row_sources`)."""
    return {f"rows{suffix}": [{"table": t, "key": k} for t, k in rows],
            f"source_ids{suffix}": row_sources(rows, data_dir)}


def _now_with_sources(now: dict, data_dir: Path) -> dict:
    """:func:`.now.judge_now`'s answer with its rows as dicts and their sources."""
    return {**now, **_rows_and_sources(now["rows_now"], data_dir, suffix="_now")}


@cache
def _table(name: str, data_dir: str) -> pd.DataFrame:
    return load_table(name, data_dir=Path(data_dir))


def _resource_sources(name: str, key: str) -> list[str]:
    ids = table_sources(resource(name))
    vintage = next((p.split("=", 1)[1] for p in key.split(", ") if p.startswith("vintage=")),
                   None)
    if vintage and name in VINTAGED:
        ids = [i for i in ids if i.endswith(vintage)] or ids
    return ids


def row_sources(rows, data_dir: Path = DATA_DIR) -> list[str]:
    """The sorted source ids of ``(table, key)`` row references, by the rule the sources page
    uses (:func:`analysis.contract.citations.sources_of_rows`): the rows' ``source_ids`` /
    ``source_id`` cells, or, for a table whose rows carry no source, the resource's sources;
    for the derived SIPRI tables, those of the vintage the key names. An unknown table or key
    raises ValueError naming it.

    >>> row_sources([("events", "mli-coup-2020")])[:2]
    ['evt-aljazeera-2020-08-19-mali-live', 'evt-reuters-mali-detention-not-coup']
    """
    out: set[str] = set()
    for name, key in rows:
        if name in VINTAGED or name == "sipri_recipients":
            out.update(_resource_sources(name, key))
            continue
        table = _table(name, str(data_dir))
        if "=" in key:
            mask = pd.Series(True, index=table.index)
            for part in key.split(", "):
                col, value = part.split("=", 1)
                mask &= table[col].astype(str) == value
        else:  # a one-field primary key, named by the descriptor
            pk = resource(name)["schema"].get("primaryKey")
            if not isinstance(pk, str) and len(pk or []) != 1:
                raise ValueError(f"row reference ({name!r}, {key!r}): {name} has no one-field "
                                 "primary key: give col=value pairs")
            mask = table[pk if isinstance(pk, str) else pk[0]].astype(str) == key
        hit = table[mask]
        if hit.empty:
            raise ValueError(f"row reference ({name!r}, {key!r}) matches no row of {name}")
        out.update(sources_of_rows(resource(name), hit))
    return sorted(out)


def evidence_text(reason: str, figures: list[dict], vintages: dict | None = None) -> str:
    """The reason, then the figures in words, then (only if they disagree) the verdict on each
    SIPRI vintage: one readable string, no JSON.

    >>> evidence_text("One day, not two.", [{"label": "calendar days in Mali", "value": 1,
    ...     "unit": "day", "text": "1 calendar day (7 Feb 2023)"}])
    'One day, not two. Figures: calendar days in Mali: 1 calendar day (7 Feb 2023).'
    """
    text = reason
    if figures:
        text += " Figures: " + "; ".join(f"{f['label']}: {f['text']}" for f in figures) + "."
    if vintages and len(set(vintages.values())) > 1:
        text += (" The SIPRI vintages disagree: " +
                 "; ".join(f"{v} gives {w}" for v, w in vintages.items()) + ".")
    return text


def ledger_csv_frame(ledger: pd.DataFrame) -> pd.DataFrame:
    """The ledger with exactly :data:`CSV_COLUMNS` (``sources`` = source ids, ``;``-separated)."""
    return ledger.assign(sources=[";".join(s) for s in ledger["source_ids"]],
                         sources_now=[";".join(s) for s in ledger["source_ids_now"]])[CSV_COLUMNS]


def ledger_records(ledger: pd.DataFrame | None = None) -> list[dict]:
    """The ledger as dicts with :data:`RECORD_FIELDS`, for the report's pages; ``history`` is
    the claim's entries in ``data/verdict_history.csv`` (dicts, in date order)."""
    ledger = evaluate_ledger() if ledger is None else ledger
    past = load_history()
    return [{**{k: r[k] for k in RECORD_FIELDS if k != "history"},
             "history": claim_history(past, r["claim_id"]).to_dict("records")}
            for r in ledger.to_dict("records")]


def count_verdicts(ledger: pd.DataFrame) -> pd.DataFrame:
    """Claims per verdict, every verdict of :data:`VERDICTS` listed (zero if none).

    >>> count_verdicts(pd.DataFrame({"verdict": ["supported", "supported"]}))["claims"].tolist()
    [2, 0, 0, 0]
    """
    n = ledger["verdict"].value_counts()
    return pd.DataFrame({"symbol": [SYMBOLS[v] for v in VERDICTS], "verdict": list(VERDICTS),
                         "claims": [int(n.get(v, 0)) for v in VERDICTS]})
