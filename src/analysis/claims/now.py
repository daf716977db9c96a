"""Each claim judged twice: as of the story and as of the latest evidence.

A claim is a ``moment`` (Lavrov heads to Mali; the expulsion on Sunday: judged once, on the
story's day) or a ``state`` of the world (Russia the largest arms dealer, Wagner's hosts and
abuses, Africa's stance at the UN...), as ``data/claims.csv`` ``tense`` says. A state claim is
judged again by **the same check, over a later window**: :data:`LATER_WINDOWS` says, per check,
which keyword arguments move its window to the evidence's date (``story_date`` for the dated
tables, the SIPRI periods published since for the arms checks). The verdict now carries its
as-of date: the earliest date to which every table the check reads is complete.

A table's as-of date is the descriptor's ``asOf`` (hand-built tables: the date their research
covers through, a month standing for its last day; rows after it are incidental, not a
complete record) or, for the SIPRI tables, the last full year in the latest export. Where a
table the check needs is not complete past the story, or no later window is written for the
check, or the claim is a moment or not checkable, the verdict now is ``not checkable`` and
``reason_now`` says why. Nothing here extends a table: a stale table stays stale until its
rows and ``asOf`` are brought forward.
"""

import inspect
from collections.abc import Callable
from dataclasses import replace

import pandas as pd

from analysis.claims.verdict import NOT_CHECKABLE, Verdict
from analysis.contract.datapackage import resource
from analysis.contract.partial_dates import period_bounds
from analysis.story import STORY_DATE
from analysis.subjects.wagner import unresearched_bounds

MOMENT, STATE = "moment", "state"
TENSES = (MOMENT, STATE)

# The tables behind each evidence name a check can ask for (see ledger.load_evidence).
EVIDENCE_TABLES = {
    "trips": ("lavrov_trips",), "events": ("events",), "announcements": ("announcements",),
    "wagner": ("wagner_deployments",), "countries": ("countries",),
    "mali": ("sipri_africa_russia",), "fact_sheets": ("sipri_fact_sheets",),
    "grid": ("sipri_africa_annual", "sipri_recipients"),
    "votes": ("unga_votes", "unga_resolutions"),
}
SIPRI_DERIVED = ("sipri_africa_annual", "sipri_africa_russia", "sipri_recipients")


def _later_periods(as_of: pd.Timestamp) -> dict:
    """SIPRI's five-year periods published since the story (those not among the windows the
    story could see), up to the as-of year."""
    from analysis.subjects import arms

    periods = [arms.period_label(w) for w in arms.WINDOWS
               if w not in arms.WINDOWS_BEFORE_STORY and w[1] <= as_of.year]
    return {"periods": tuple(periods)} if periods else {}


# check name -> the keyword arguments that move its window to ``as_of`` (a Timestamp).
LATER_WINDOWS: dict[str, Callable[[pd.Timestamp], dict]] = {
    "check_largest_dealer": _later_periods,
    "check_wagner_in_mali": lambda as_of: {"story_date": as_of},
    "check_wagner_growth": lambda as_of: {"story_date": as_of},
    "check_wagner_abuses": lambda as_of: {"story_date": as_of},
    "check_abuse_kinds": lambda as_of: {"story_date": as_of},
    # the full years after the coup run to the year before story_date: the day after as_of
    "check_closer_to_russia": lambda as_of: {"story_date": as_of + pd.Timedelta(days=1)},
    # present-tense states: the later window holds only what happened after the story
    "check_tensions": lambda as_of: {"story_date": as_of, "since": STORY_DATE},
    "check_wagner_in_ukraine": lambda as_of: {"story_date": as_of},
    # the texts adopted after the story, through as_of (votes.py, _since_the_story)
    "check_support_invasion": lambda as_of: {"story_date": as_of},
}


# The evidence a later window actually moves, where the check also reads facts fixed before the
# story (the coup's day, Wagner's first report): only these tables must be complete past it.
CURRENT = {"check_closer_to_russia": ("mali",)}


# A check about one row (one country): the evidence, its key column and the check's keyword
# naming the key. The row's own as_of is enough; the rest of the table need not be current.
ROW_CURRENT = {"check_wagner_in_mali": ("wagner", "iso3", "iso3")}

# A check over every row of a table with a per-row as_of, whose rows not researched through the
# window's date may or may not change its answer: it is run at both bounds of those rows
# (analysis.wagner.unresearched_bounds) and judged now only where both give the same verdict.
# Any other check reading such a table is complete only as far as its least recent row.
ROW_BOUNDS = {n: "wagner" for n in ("check_wagner_growth", "check_wagner_abuses",
                                    "check_abuse_kinds")}


def _row_as_of(name: str, fn, evidence: dict) -> dict:
    """``{"<table> row <key>": as-of}`` for a check of :data:`ROW_CURRENT`."""
    ev, column, keyword = ROW_CURRENT[name]
    key = inspect.signature(fn).parameters[keyword].default
    frame = evidence[ev]
    hit = frame[frame[column] == key]
    if hit.empty or "as_of" not in hit:
        raise ValueError(f"{name}: no {ev} row {key!r} with an as_of date")
    return {f"{EVIDENCE_TABLES[ev][0]} row {key}": pd.Timestamp(hit["as_of"].iloc[0])}


def _rows_held_back(table: str, evidence: dict) -> str:
    """For a table with a per-row ``as_of`` (data/wagner_deployments): which rows hold it at
    the story's date and which were brought forward, as ``"; rows ... "`` (``""`` otherwise).

    >>> w = pd.DataFrame({"iso3": ["SDN", "MLI"], "as_of": ["2023-02-06", "2026-12-05"]})
    >>> _rows_held_back("wagner_deployments", {"wagner": w})
    '; rows with no sourced status after the story: SDN; brought forward: MLI to 2026-12-05'
    """
    ev = next((e for e, ts in EVIDENCE_TABLES.items() if table in ts), None)
    frame = evidence.get(ev) if ev else None
    if frame is None or "as_of" not in frame or "iso3" not in frame:
        return ""
    day = pd.to_datetime(frame["as_of"])
    held = frame.loc[day <= pd.Timestamp(STORY_DATE), "iso3"].tolist()
    moved = frame.loc[day > pd.Timestamp(STORY_DATE)]
    text = f"; rows with no sourced status after the story: {', '.join(held) or 'none'}"
    if len(moved):
        text += "; brought forward: " + ", ".join(
            f"{k} to {pd.Timestamp(d):%Y-%m-%d}" for k, d in zip(moved["iso3"], moved["as_of"],
                                                                 strict=True))
    return text


def table_as_of(name: str, evidence: dict | None = None) -> pd.Timestamp:
    """The day through which table ``name`` is complete (see the module's docstring)."""
    if name in SIPRI_DERIVED and evidence is not None and "grid" in evidence:
        grid = evidence["grid"]
        latest = grid[grid["vintage"] == sorted(grid["vintage"].unique())[-1]]
        last_year = max(int(str(p)[-4:]) for p in latest["period"])
        return pd.Timestamp(f"{last_year}-12-31")
    value = resource(name).get("asOf")
    if not value:
        raise ValueError(f"data/datapackage.json, resource {name}: no asOf (the date the table "
                         "is complete through, YYYY-MM-DD or a partial date)")
    return pd.Timestamp(period_bounds(str(value))[1])  # a month stands for its last day


def judge_now(claim: pd.Series, evidence: dict, registry: dict, data_parameters,
              then: Verdict) -> dict:
    """``{"verdict_now", "as_of_now", "reason_now", "rows_now", "rule_now", "figures_now"}``:
    ``rows_now`` are the ``(table, key)`` rows the verdict now rests on (those its check read
    over the later window; none for a moment, or where no check ran again).

    ``data_parameters`` is :func:`analysis.claims.ledger.data_parameters` (passed in so that
    this module sits below the ledger). A moment or a not-checkable claim keeps its verdict of
    the story's day, with the reason; a state claim is re-run over :data:`LATER_WINDOWS`."""
    tense, name = claim.get("tense"), claim.get("check")
    story = pd.Timestamp(STORY_DATE).strftime("%Y-%m-%d")
    if tense not in TENSES:
        raise ValueError(f"claim {claim['claim_id']}: tense {tense!r} is not one of {TENSES}")
    if tense == MOMENT:
        return _answer(then.verdict, story, "A moment: judged once, as of the story.")
    if then.verdict == NOT_CHECKABLE or not isinstance(name, str) or not name:
        return _answer(NOT_CHECKABLE, None, "Not checkable then, and not now: " + then.reason)
    fn = registry[name]
    tables = [t for p in CURRENT.get(name, data_parameters(fn))
              for t in EVIDENCE_TABLES.get(p, ())]
    dates = (_row_as_of(name, fn, evidence) if name in ROW_CURRENT
             else {t: _least_recent(t, evidence, table_as_of(t, evidence), name)
                   for t in tables})
    stale = {t: d for t, d in dates.items() if d <= pd.Timestamp(STORY_DATE)}
    if stale:
        named = ", ".join(f"data/{t} (complete to {d:%Y-%m-%d}{_rows_held_back(t, evidence)})"
                          for t, d in stale.items())
        return _answer(NOT_CHECKABLE, None,
                       f"Cannot be re-judged: {named} not brought past the story.")
    if name not in LATER_WINDOWS:
        return _answer(NOT_CHECKABLE, None, f"No later window is written for {name}.")
    as_of = min(dates.values())
    kwargs = LATER_WINDOWS[name](as_of)
    unknown = set(kwargs) - set(inspect.signature(fn).parameters)
    if unknown or not kwargs:
        raise ValueError(f"claim {claim['claim_id']}: {name} has no window argument "
                         f"{sorted(unknown) or '(none given)'}")
    if name in ROW_BOUNDS:
        return _bounded(name, fn, evidence, data_parameters, kwargs, as_of)
    now = fn(**{p: evidence[p] for p in data_parameters(fn)}, **kwargs)
    if now.verdict == NOT_CHECKABLE:
        return _answer(NOT_CHECKABLE, None,
                       f"Cannot be judged as of {as_of:%Y-%m-%d}: {now.reason}", now.rows,
                       now.rule, now.figures)
    return _answer(now.verdict, f"{as_of:%Y-%m-%d}", now.reason, now.rows, now.rule,
                   now.figures)


def _answer(verdict: str, as_of: str | None, reason: str, rows=(), rule: str = "",
            figures=()) -> dict:
    """What :func:`judge_now` returns: the verdict now, its date (None when not checkable),
    why, the ``(table, key)`` rows it rests on, and the rule and figures of the check that ran
    over the later window (empty where none ran), as the verdict then shows its own."""
    return {"verdict_now": verdict, "as_of_now": as_of, "reason_now": reason,
            "rows_now": list(rows), "rule_now": rule,
            "figures_now": [f.as_dict() for f in figures]}


def _least_recent(table: str, evidence: dict, as_of: pd.Timestamp, name: str) -> pd.Timestamp:
    """``as_of``, or for a table with a per-row ``as_of`` read by a check that does not bound
    its rows (:data:`ROW_BOUNDS`), its least recent row's."""
    ev = next((e for e, ts in EVIDENCE_TABLES.items() if table in ts), None)
    frame = evidence.get(ev) if ev else None
    if name in ROW_BOUNDS or frame is None or "as_of" not in frame:
        return as_of
    return min(as_of, pd.to_datetime(frame["as_of"]).min())


def _bounded(name, fn, evidence, data_parameters, kwargs, as_of) -> dict:
    """The verdict now of a :data:`ROW_BOUNDS` check: the same at both bounds, or not
    checkable with both answers and the rows that would decide."""
    ev = ROW_BOUNDS[name]
    bounds = unresearched_bounds(evidence[ev], as_of)
    got = {b: fn(**{p: bounds[b] if p == ev else evidence[p] for p in data_parameters(fn)},
                 **kwargs) for b in ("low", "high")}
    rows = ", ".join(bounds["rows"]) or "none"
    read = list(dict.fromkeys([*got["low"].rows, *got["high"].rows]))  # both bounds' rows
    same = got["low"].verdict == got["high"].verdict
    high = ("every row accused since" if bounds["accusations_open"]
            else "the accused hosts with every kind of abuse")
    text = (f"what the research did not cover (rows {rows} since their as_of; "
            f"{bounds['accusations']}). Lower bound (those rows gone, no later accusation): "
            f"{got['low'].verdict}: {got['low'].reason} Upper bound (still there, alleged ones "
            f"confirmed, {high}): {got['high'].verdict}: {got['high'].reason}")
    rule = (f"{got['low'].rule} Run twice, at the two bounds of what the research did not "
            "cover (lower: those rows gone and no later accusation; upper: still there, alleged "
            "ones confirmed, accusations as the bounds say); the verdict stands where both "
            "agree.")
    figures = [replace(f, label=f"{f.label} ({bound} bound)")
               for bound, key in (("lower", "low"), ("upper", "high"))
               for f in got[key].figures]
    if same:
        return _answer(got["low"].verdict, f"{as_of:%Y-%m-%d}",
                       f"{got['low'].verdict.capitalize()} at both bounds of {text}", read,
                       rule, figures)
    return _answer(NOT_CHECKABLE, None,
                   f"Cannot be decided as of {as_of:%Y-%m-%d}: it turns on {text}", read,
                   rule, figures)


def data_as_of(source_ids: list[str], sources: pd.DataFrame, vintages: dict) -> str:
    """What a verdict's data are as of: the SIPRI export vintages it was computed on, and the
    day its sources were last read (``date_accessed``, the latest among them).

    >>> s = pd.DataFrame({"source_id": ["a", "b"], "date_accessed": ["2026-11-27", "2026-12-05"]})
    >>> data_as_of(["a", "b"], s, {"2025-03-13": "supported"})
    'SIPRI export of 2025-03-13; sources read by 2026-12-05'
    >>> data_as_of([], s, {})
    'no data: not checkable'
    """
    parts = []
    if vintages:
        parts.append("SIPRI export" + ("s" if len(vintages) > 1 else "") + " of "
                     + " and ".join(sorted(vintages)))
    if source_ids:
        read = sources.set_index("source_id").loc[list(source_ids), "date_accessed"]
        parts.append(f"sources read by {max(str(d) for d in read)}")
    return "; ".join(parts) or "no data: not checkable"


def then_and_now(ledger: pd.DataFrame) -> pd.DataFrame:
    """The ledger's claims about a state of the world, then and now, side by side: the verdict
    as of the story, the verdict as of the latest evidence with its date, and why."""
    state = ledger[ledger["tense"] == STATE]
    return pd.DataFrame({
        "id": state["claim_id"], "the story says (our words)": state["claim"],
        "then": state["verdict"], "as of": state["as_of"],
        "now": state["verdict_now"], "now as of": state["as_of_now"].fillna("–"),
        "data as of": state["data_as_of"],
        "why now": state["reason_now"],
    }).reset_index(drop=True)
