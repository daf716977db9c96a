"""Figures a notebook hands to the site, in its own outputs: a display of
:data:`FACTS_MIME` (written by :func:`analysis.charts.prose.record_facts`), read back from the
executed notebook by the report (:func:`facts_of`). Here, at the bottom of the layers, so that
the report reads them without importing the charts (and matplotlib)."""

FACTS_MIME = "application/vnd.analysis.facts+json"


def facts_of(nb) -> dict:
    """Every fact a notebook recorded, merged in output order ({} when it recorded none).

    >>> nb = {"cells": [{"cell_type": "code", "outputs": [
    ...     {"output_type": "display_data", "data": {FACTS_MIME: {"share": 38.1}}}]}]}
    >>> facts_of(nb)
    {'share': 38.1}
    """
    found: dict = {}
    for cell in nb["cells"]:
        for out in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
            data = out.get("data", {})
            if FACTS_MIME in data:
                found.update(data[FACTS_MIME])
    return found
