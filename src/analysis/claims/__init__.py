"""The fact-check ledger: each claim of the story, the check that computes its verdict, and the
evidence tables the notebooks show (:mod:`.ledger`)."""

from analysis.claims.ledger import *  # noqa: F403  (the notebooks' ``claims.*``)
