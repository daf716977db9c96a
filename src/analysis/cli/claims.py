"""``python -m analysis claims [--format table|csv]``: print the fact-check ledger.

``--format csv`` writes exactly the columns
``claim_id,paragraph,claim,verdict,evidence,sources,rule,tense,as_of,verdict_now,as_of_now,
reason_now,data_as_of,sources_now`` (:data:`analysis.claims.ledger.CSV_COLUMNS`; evidence = the
reason and the figures in words, one cell, no JSON; sources = the source ids of the rows the
verdict rests on, ``;``-separated; the verdict now and its date for a claim about a state of the
world, see :mod:`analysis.claims.now`, and sources_now those of the rows it rests on). The
default table shows each claim's symbol, verdict and reason, and for a state of the world the
verdict now, for reading in a terminal.
"""

import sys
import textwrap

FORMATS = ("table", "csv")
WRAP = 96  # characters per line of the terminal table's text


def render_table(ledger) -> str:
    """The ledger as plain text: one block per claim, verdict as symbol and word."""
    from analysis.claims.ledger import SYMBOLS, count_verdicts

    blocks = []
    for r in ledger.itertuples():
        head = f"{r.claim_id}  ¶{r.paragraph}  {SYMBOLS[r.verdict]} {r.verdict.upper()}"
        body = textwrap.fill(r.claim, WRAP, initial_indent="    ", subsequent_indent="    ")
        why = textwrap.fill(r.reason, WRAP, initial_indent="    why: ",
                            subsequent_indent="         ")
        lines = [head, body, why]
        if getattr(r, "tense", None) == "state":
            when = f" as of {r.as_of_now}" if isinstance(r.as_of_now, str) else ""
            lines.append(textwrap.fill(f"{SYMBOLS[r.verdict_now]} {r.verdict_now}{when}: "
                                       f"{r.reason_now}", WRAP, initial_indent="    now: ",
                                       subsequent_indent="         "))
        blocks.append("\n".join(lines))
    counts = count_verdicts(ledger)
    total = " · ".join(f"{s} {v}: {n}" for s, v, n in counts.itertuples(index=False))
    return "\n\n".join(blocks) + f"\n\n{total}\n"


def run_claims(args) -> int:
    """Evaluate the ledger and print it in ``args.format``; 0 on success."""
    from analysis.claims.ledger import evaluate_ledger, ledger_csv_frame

    ledger = evaluate_ledger()
    if args.format == "csv":
        ledger_csv_frame(ledger).to_csv(sys.stdout, index=False, lineterminator="\n")
    else:
        sys.stdout.write(render_table(ledger))
    return 0
