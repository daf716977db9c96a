"""What a parameterised notebook says in words, and the figures it hands to the site.

A page run once per country cannot hold its narrative in fixed markdown cells: :func:`say`
shows a paragraph computed in the notebook (after the cell that asserts its numbers) as
markdown. :func:`record_facts` hands the site the few figures its index needs (e.g. the share
that colours a country's tile), in the notebook's own outputs, under :data:`FACTS_MIME`, the
way papermill's scrapbook "glues" values: the report reads them back from the executed
notebook (:func:`analysis.contract.facts.facts_of`) and never imports a subject to
recompute them. Both load nothing.
"""

import json

from analysis.contract.facts import FACTS_MIME, facts_of  # noqa: F401 (re-exported)


def say(markdown: str) -> None:
    """Show ``markdown`` (a paragraph or a heading written from the data) in the notebook."""
    from IPython.display import display

    if not isinstance(markdown, str) or not markdown.strip():
        raise ValueError("say(): expected a non-empty markdown string")
    display({"text/markdown": markdown, "text/plain": markdown}, raw=True)


def record_facts(**facts) -> None:
    """Put ``facts`` (JSON values: str, int, float, None, lists, dicts) in the notebook's
    outputs for the report; shown to a reader as the plain JSON it is."""
    from IPython.display import display

    text = json.dumps(facts, sort_keys=True, ensure_ascii=False, allow_nan=False)
    display({FACTS_MIME: json.loads(text), "text/plain": f"Figures for the site: {text}"},
            raw=True)
