"""The fact-check ledger: each claim of the story (``data/claims.csv``), the check that computes
its verdict, and the evidence tables the notebooks show.

- :mod:`.verdict`: :class:`Verdict`, the closed set of verdicts and the registry of checks (the
  bottom of the ledger; it knows no subject);
- :mod:`.ledger`: loading the claims and the evidence, running every check, the ledger's tables;
- one module of checks per subject: :mod:`.trips`, :mod:`.arms`, :mod:`.wagner`, :mod:`.events`
  (with :mod:`.common`, the helpers they share).

Everything a notebook or the command line uses is re-exported here: ``from analysis import
claims`` then ``claims.evaluate_ledger()``.
"""

from analysis.claims.arms import (
    ABOUT_TOLERANCE_PTS,
    STORY_SHARE_PCT,
    check_closer_to_russia,
    check_largest_dealer,
    check_mali_aircraft,
    check_share_45,
    largest_table,
    russia_share_table,
    tiv_by_year,
    verdict_largest_dealer,
    verdict_share_claim,
    verdict_table,
)
from analysis.claims.common import (
    named_day,
)
from analysis.claims.events import (
    DAYS_PER_YEAR,
    check_burkina_french_out,
    check_coup_year,
    check_expulsion_sunday,
    check_french_operation,
    events_table,
    operation_lengths,
)
from analysis.claims.ledger import (
    CLAIMS_FILE,
    CLAIMS_RESOURCE,
    CSV_COLUMNS,
    LEDGER_COLUMNS,
    check_claims,
    count_verdicts,
    data_parameters,
    evaluate_ledger,
    evidence_text,
    ledger_csv_frame,
    ledger_records,
    load_claims,
    load_evidence,
    readable_ledger,
    run_check,
)
from analysis.claims.trips import (
    african_tours,
    check_arrival_weekday,
    check_exercise_announcement,
    check_exercise_month,
    check_iraq_sunday,
    check_next_stops,
    check_south_africa_last_month,
    check_third_trip,
    check_visit_country,
    check_visit_length,
    stop_calendar,
)
from analysis.claims.verdict import (
    CHECKS,
    NOT_CHECKABLE,
    NOT_SUPPORTED,
    PARTLY,
    SUPPORTED,
    SYMBOLS,
    VERDICTS,
    Verdict,
    register,
)
from analysis.claims.wagner import (
    abuse_by_country,
    abuse_sensitivity,
    check_un_experts,
    check_wagner_abuses,
    check_wagner_growth,
    check_wagner_in_mali,
)

__all__ = [
    "CHECKS",
    "NOT_CHECKABLE",
    "NOT_SUPPORTED",
    "PARTLY",
    "SUPPORTED",
    "SYMBOLS",
    "VERDICTS",
    "register",
    "Verdict",
    "CLAIMS_FILE",
    "CLAIMS_RESOURCE",
    "CSV_COLUMNS",
    "LEDGER_COLUMNS",
    "check_claims",
    "count_verdicts",
    "data_parameters",
    "evaluate_ledger",
    "evidence_text",
    "ledger_csv_frame",
    "ledger_records",
    "load_claims",
    "load_evidence",
    "readable_ledger",
    "run_check",
    "african_tours",
    "check_arrival_weekday",
    "check_exercise_announcement",
    "check_exercise_month",
    "check_iraq_sunday",
    "check_next_stops",
    "check_south_africa_last_month",
    "check_third_trip",
    "check_visit_country",
    "check_visit_length",
    "stop_calendar",
    "ABOUT_TOLERANCE_PTS",
    "STORY_SHARE_PCT",
    "check_closer_to_russia",
    "check_largest_dealer",
    "check_mali_aircraft",
    "check_share_45",
    "largest_table",
    "russia_share_table",
    "tiv_by_year",
    "verdict_largest_dealer",
    "verdict_share_claim",
    "verdict_table",
    "abuse_by_country",
    "abuse_sensitivity",
    "check_un_experts",
    "check_wagner_abuses",
    "check_wagner_growth",
    "check_wagner_in_mali",
    "DAYS_PER_YEAR",
    "check_burkina_french_out",
    "check_coup_year",
    "check_expulsion_sunday",
    "check_french_operation",
    "events_table",
    "operation_lengths",
    "named_day",
]
