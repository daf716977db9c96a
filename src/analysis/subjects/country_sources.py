"""The sources a country page rests on: those of the rows it shows about the state, not of every
row of every table it read.

A page ends with its sources. Built from the tables it read, the page for Sao Tome and Principe
listed about 200, on Wagner in Mali, Lavrov's stops in Uganda and a coup in Burkina Faso, none
of them about the state. So a country page names its own (recorded with
:func:`analysis.charts.prose.record_facts` as ``cites``, which the report checks against the
tables the notebook read):

- **the state's rows** (``ids``): its SIPRI rows (both tables cite SIPRI's exports as a whole,
  so a state SIPRI records nothing for cites them too), its row of
  ``wagner_deployments``, its votes in ``unga_votes``, its stops in ``lavrov_trips``, its events
  in ``events`` (Africa Corps' arrival among them), the claims that name it, and the
  ``countries`` table (its name);
- **whole tables** (``tables``): where the page counts over every state, the count rests on
  every row. Africa's tally of each vote (``unga_votes``), the world's tally and each
  resolution's title and date (``unga_resolutions``), and the number of Lavrov's trips
  (``lavrov_trips``). Their sources are not repeated on 54 pages: the page links each table.

The same rule as the ledger's (:func:`analysis.contract.citations.sources_of_rows`): a row's
sources are its ``source_id(s)`` cells, or, for a table without such a column, the sources its
descriptor names for the table.
"""

import pandas as pd

from analysis.contract.citations import source_columns, sources_of_rows
from analysis.contract.datapackage import resource
from analysis.subjects.country import claims_naming

WHOLE_TABLES = ("unga_votes", "unga_resolutions", "lavrov_trips")
# The tables a country page passes in (notebook 10): those it shows rows of, and the whole ones.
PAGE_TABLES = ("sipri_africa_annual", "sipri_africa_russia", "countries", "wagner_deployments",
               "unga_votes", "unga_resolutions", "lavrov_trips", "events", "claims")


def state_rows(tables: dict[str, pd.DataFrame], iso3: str) -> dict[str, pd.DataFrame]:
    """The rows about the state, table by table, of the tables the page read (``tables``: name
    -> the whole table as loaded): those whose ``iso3`` is the state's, and the claims that name
    it (found by the names in ``countries``, which is required with ``claims``). A table with
    neither (``unga_resolutions``) has no rows about one state."""
    rows = {name: frame[frame["iso3"] == iso3]
            for name, frame in tables.items() if "iso3" in frame.columns}
    if "claims" in tables:
        named = claims_naming(tables["claims"], tables["countries"], iso3)["claim_id"]
        rows["claims"] = tables["claims"][tables["claims"]["claim_id"].isin(named)]
    return rows


def page_citations(tables: dict[str, pd.DataFrame], iso3: str) -> dict[str, list[str]]:
    """``{"ids": [...], "tables": [...]}``: the sorted source ids of the state's rows
    (a table whose rows cite their own sources adds those of the state's rows, none if it has
    none; a table cited as a whole, as SIPRI's are, adds its sources in any case: "SIPRI
    records nothing for the state" rests on SIPRI's register), and the tables whose every row
    the page counts over (those of :data:`WHOLE_TABLES` it read). Here Mali's vote cites
    ``a``; the claims table cites the story as a whole, the countries table its own source:

    >>> countries = pd.DataFrame({"iso3": ["MLI", "NER"], "country": ["Mali", "Niger"]})
    >>> claims = pd.DataFrame({"claim_id": ["c1"], "paragraph": [3], "claim": ["Niger"],
    ...                        "notes": [""]})
    >>> votes = pd.DataFrame({"iso3": ["MLI", "NER"], "source_ids": [["a"], ["b", "c"]]})
    >>> page_citations({"countries": countries, "claims": claims, "unga_votes": votes}, "MLI")
    {'ids': ['a', 'dw-russian-arms-africa', 'nyt-2023-02-06'], 'tables': ['unga_votes']}
    """
    ids: set[str] = set()
    for name, rows in state_rows(tables, iso3).items():
        res = resource(name)
        if len(rows) or not source_columns(res):  # a whole-table source: even for "none"
            ids.update(sources_of_rows(res, rows))
    return {"ids": sorted(ids), "tables": [t for t in WHOLE_TABLES if t in tables]}
