"""What every check returns, and the registry of checks, at the bottom of the ledger.

A :class:`Verdict` is one of :data:`VERDICTS`, the values the check computed and one sentence a
reader understands. :func:`register` adds a check to :data:`CHECKS` under its own name, the name
``data/claims.csv`` gives in its ``check`` column.

>>> sorted(VERDICTS)
['not checkable', 'not supported', 'partly supported', 'supported']
"""

from collections.abc import Callable
from dataclasses import dataclass

SUPPORTED, PARTLY, NOT_SUPPORTED, NOT_CHECKABLE = (
    "supported", "partly supported", "not supported", "not checkable")
VERDICTS = (SUPPORTED, PARTLY, NOT_SUPPORTED, NOT_CHECKABLE)
# Shown beside the verdict word so that no reader depends on colour (same as the site's index).
SYMBOLS = {SUPPORTED: "✓", PARTLY: "≈", NOT_SUPPORTED: "✗", NOT_CHECKABLE: "–"}


@dataclass(frozen=True)
class Verdict:
    """A verdict from the closed set, the numbers behind it and a sentence a reader understands."""

    verdict: str  # supported | partly supported | not supported | not checkable
    values: dict
    reason: str


CHECKS: dict[str, Callable[..., Verdict]] = {}


def register(fn: Callable[..., Verdict]) -> Callable[..., Verdict]:
    """Add ``fn`` to :data:`CHECKS` under its own name (the name ``data/claims.csv`` uses)."""
    CHECKS[fn.__name__] = fn
    return fn
