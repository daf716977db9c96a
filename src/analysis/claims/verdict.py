"""What every check returns, and the registry of checks, at the bottom of the ledger.

A :class:`Verdict` is one of :data:`VERDICTS` with everything a reviewer needs to follow it:

- ``reason``: one sentence a reader understands;
- ``rule``: one sentence saying what the check counts as support (a rule a reader can apply);
- ``figures``: the values it used, each a :class:`Figure` in words and units;
- ``rows``: the data rows it rests on, as ``(table, key)`` pairs (the ledger turns them into
  sources);
- ``values``: the same numbers as a dict, for programmatic use (tests, notebooks);
- ``parts``: for a claim about what was scheduled or announced, the verdict on the report and the
  verdict on the event (:func:`plan_verdict` derives the ledger's verdict from them by
  :data:`PLAN_RULE`).

:func:`register` adds a check to :data:`CHECKS` under its own name, the name
``data/claims.csv`` gives in its ``check`` column. This module knows no subject.

>>> sorted(VERDICTS)
['not checkable', 'not supported', 'partly supported', 'supported']
"""

from collections.abc import Callable
from dataclasses import dataclass, field, replace

SUPPORTED, PARTLY, NOT_SUPPORTED, NOT_CHECKABLE = (
    "supported", "partly supported", "not supported", "not checkable")
VERDICTS = (SUPPORTED, PARTLY, NOT_SUPPORTED, NOT_CHECKABLE)
# Shown beside the verdict word so that no reader depends on colour (same as the site's index).
SYMBOLS = {SUPPORTED: "✓", PARTLY: "≈", NOT_SUPPORTED: "✗", NOT_CHECKABLE: "–"}

# One rule for every claim about what was scheduled or announced (the Monday arrival, the two-day
# visit, the onward stops, the February exercise).
PLAN_RULE = ("A claim about a plan is judged twice, on the report (does an announcement on record "
             "say what the story says was planned?) and on the event (did it happen so?): "
             "supported if both hold; not supported if the report does not; partly supported if "
             "the plan was reported correctly but did not happen as planned, or only in part; "
             "where one side cannot be judged, the other decides.")
REPORT, EVENT = "report", "event"


@dataclass(frozen=True)
class Figure:
    """One value a check used: a label, the value, its unit and the same in words.

    >>> Figure("calendar days in Mali", 1, "day", "1 calendar day (7 Feb 2023)").as_dict()["text"]
    '1 calendar day (7 Feb 2023)'
    """

    label: str
    value: object
    unit: str
    text: str

    def as_dict(self) -> dict:
        return {"label": self.label, "value": self.value, "unit": self.unit, "text": self.text}


@dataclass(frozen=True)
class Verdict:
    """A verdict from the closed set, the numbers behind it and a sentence a reader understands;
    the rule it applied, its figures in words and the data rows it rests on."""

    verdict: str  # supported | partly supported | not supported | not checkable
    values: dict
    reason: str
    rule: str = ""
    figures: tuple[Figure, ...] = ()
    rows: tuple[tuple[str, str], ...] = ()  # (table, key), e.g. ("events", "mli-coup-2020")
    parts: dict = field(default_factory=dict)  # {"report": Verdict, "event": Verdict} for plans

    def explained(self, rule: str, figures, rows) -> "Verdict":
        """The same verdict with its rule, figures and rows filled in."""
        return replace(self, rule=rule, figures=tuple(figures), rows=tuple(rows))


def plan_verdict(report: Verdict, event: Verdict | None, *, claim_rule: str) -> Verdict:
    """The ledger's verdict on a claim about a plan, from the verdict on the report and the
    verdict on the event, by :data:`PLAN_RULE` (``claim_rule`` adds what each side compares).

    >>> yes = Verdict(SUPPORTED, {}, "Announced.")
    >>> no = Verdict(NOT_SUPPORTED, {}, "One day, not two.")
    >>> plan_verdict(yes, no, claim_rule="").verdict
    'partly supported'
    >>> plan_verdict(no, yes, claim_rule="").verdict, plan_verdict(yes, yes, claim_rule="").verdict
    ('not supported', 'supported')
    """
    e = event.verdict if event is not None else NOT_CHECKABLE
    r = report.verdict
    if r == NOT_SUPPORTED:
        final = NOT_SUPPORTED
    elif r == NOT_CHECKABLE:
        final = e
    elif e == NOT_CHECKABLE:
        final = r
    elif r == SUPPORTED and e == SUPPORTED:
        final = SUPPORTED
    else:
        final = PARTLY
    parts = {REPORT: report} if event is None else {REPORT: report, EVENT: event}
    reason = f"Report: {report.reason}" + (f" Event: {event.reason}" if event else "")
    figures = [*report.figures, *(event.figures if event else ())]
    rows = list(dict.fromkeys([*report.rows, *(event.rows if event else ())]))
    values = {"report": report.values, **({"event": event.values} if event else {})}
    return Verdict(final, values, reason, f"{PLAN_RULE} {claim_rule}".strip(), tuple(figures),
                   tuple(rows), parts)


CHECKS: dict[str, Callable[..., Verdict]] = {}


def register(fn: Callable[..., Verdict]) -> Callable[..., Verdict]:
    """Add ``fn`` to :data:`CHECKS` under its own name (the name ``data/claims.csv`` uses)."""
    CHECKS[fn.__name__] = fn
    return fn
