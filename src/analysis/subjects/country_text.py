"""The sentences of a country page (notebook 10), written from the frames of
:mod:`analysis.subjects.country`: each function receives computed values and returns markdown.
The notebook asserts the numbers before it shows the words. Links point at the site's pages
(``ledger.html#claim-c07``, ``sources.html#src-ID``), which sit beside each country page.
"""

import pandas as pd

from analysis.story import STORY_DATE
from analysis.subjects.country import ordinal, percent_text

TIMES = {1: "once", 2: "twice"}
VOTE_WORDS = {"yes": "voted for it", "no": "voted against it", "abstain": "abstained",
              "absent": "did not vote",
              "abstain_or_absent": "abstained or did not vote (the sources do not say which)"}


def source_links(ids) -> str:
    """Markdown links to the sources page, one per source id.

    >>> source_links(["nyt-2023-02-06"])
    '[nyt-2023-02-06](sources.html#src-nyt-2023-02-06)'
    """
    return ", ".join(f"[{i}](sources.html#src-{i})" for i in ids)


def year_ranges(years) -> str:
    """Years as compact ranges.

    >>> year_ranges([1999, 2000, 2001, 2005, 2007, 2008])
    '1999-2001, 2005 and 2007-2008'
    >>> year_ranges([2019])
    '2019'
    """
    years = sorted(int(y) for y in years)
    runs: list[list[int]] = []
    for y in years:
        if runs and y == runs[-1][-1] + 1:
            runs[-1].append(y)
        else:
            runs.append([y])
    parts = [str(r[0]) if len(r) == 1 else f"{r[0]}-{r[-1]}" for r in runs]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def vintage_words(vintage: str) -> str:
    """An export vintage as the page names it.

    >>> vintage_words("2025-03-13")
    "SIPRI's export of 13 March 2025"
    """
    day = pd.Timestamp(vintage)
    return f"SIPRI's export of {day.day} {day:%B %Y}"


def partial_date_words(value: str, precision: str) -> str:
    """A partial date as a reader says it.

    >>> partial_date_words("2021-12", "month"), partial_date_words("2022-12-14", "day")
    ('December 2021', '14 December 2022')
    >>> partial_date_words("2018", "year")
    '2018'
    """
    if precision == "year":
        return str(value)[:4]
    day = pd.Timestamp(str(value))
    return f"{day:%B %Y}" if precision == "month" else f"{day.day} {day:%B %Y}"


def sentence_start(text: str) -> str:
    """``text`` as the start of a sentence: its first letter capitalised, the rest untouched
    (a country's ``in_sentence`` name, SIPRI's "unknown supplier(s)").

    >>> sentence_start("the Central African Republic voted"), sentence_start("Mali")
    ('The Central African Republic voted', 'Mali')
    """
    return text[:1].upper() + text[1:]


def supplier_title(supplier: str, name: str, years: tuple[int, int]) -> str:
    """The supplier chart's title, as a sentence (SIPRI's "unknown supplier(s)" included);
    ``name`` is the country as written inside a sentence.

    >>> supplier_title("unknown supplier(s)", "the Central African Republic", (2012, 2024))
    'Unknown supplier(s) delivered the most major arms to the Central African Republic, 2012-2024'
    """
    return sentence_start(f"{supplier} delivered the most major arms to {name}, "
                          f"{years[0]}-{years[1]}")


def deliveries_sentence(name: str, years: pd.Series, since: int) -> str:
    """Which years Russia delivered major arms to the country, from
    :func:`analysis.subjects.country.russia_years` (index: year; values: millions of TIV)."""
    if years.empty:
        return f"SIPRI's register records no delivery of major arms from Russia to {name} " \
               f"since {since}."
    n = len(years)
    return (f"SIPRI's register records Russian deliveries of major arms to {name} in {n} "
            f"year{'s' if n != 1 else ''} since {since}: {year_ranges(years.index)}; "
            f"{years.sum():,.0f} million TIV in all.")


def words_list(items) -> str:
    """``['a', 'b', 'c']`` -> ``'a, b and c'``.

    >>> words_list(["aircraft"]), words_list(["aircraft", "helicopters", "sensors"])
    ('aircraft', 'aircraft, helicopters and sensors')
    """
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def deals_sentence(name: str, summary: dict, years: tuple[int, int]) -> str:
    """What Russia delivered in ``years``, from :func:`analysis.subjects.deliveries.deals_summary`.

    >>> deals_sentence("São Tomé and Príncipe", {"deals": 0}, (2012, 2024))
    "SIPRI's register records no delivery of major arms from Russia to São Tomé and Príncipe \
from 2012 to 2024."
    >>> deals_sentence("Mali", {"deals": 2, "first_year": 2017, "last_year": 2023,
    ...     "tiv_musd": 61.5, "uncertain": 1, "kinds": ["helicopters", "aircraft"]}, (2012, 2024))
    "From 2012 to 2024 SIPRI's register records 2 deals under which Russia delivered major \
arms to Mali, first in 2017 and last in 2023: helicopters and aircraft (largest first by TIV), \
62 million TIV in all. For 1 of the 2 deals SIPRI marks the number delivered as uncertain."
    """
    first, last = years
    n = summary["deals"]
    if not n:
        return (f"SIPRI's register records no delivery of major arms from Russia to {name} "
                f"from {first} to {last}.")
    when = (f"all in {summary['first_year']}" if summary["first_year"] == summary["last_year"]
            else f"first in {summary['first_year']} and last in {summary['last_year']}")
    kinds = summary["kinds"]
    text = (f"From {first} to {last} SIPRI's register records {n} deal{'s' if n != 1 else ''} "
            f"under which Russia delivered major arms to {name}, {when}: {words_list(kinds)}"
            + (" (largest first by TIV)" if len(kinds) > 1 else "")
            + f", {summary['tiv_musd']:,.0f} million TIV in all.")
    u = summary["uncertain"]
    if u:
        text += (" SIPRI marks the number delivered as uncertain." if n == 1 else
                 f" For {u} of the {n} deals SIPRI marks the number delivered as uncertain.")
    return text


def _first_reported(value: str, precision: str) -> str:
    """``first reported on 14 December 2022`` / ``in December 2021`` / ``in 2018``."""
    return ("on " if precision == "day" else "in ") + partial_date_words(value, precision)


def wagner_paragraph(name: str, record: dict | None, corps: list | None = None,
                     story_date=STORY_DATE) -> str:
    """Wagner in the country, from :func:`analysis.subjects.country.wagner_record`: its status,
    first report, activities, when it ended and who took over, how far its status is sourced
    (its row's ``as_of``), the abuses documented and by whom; then Russia's Africa Corps where
    ``corps`` gives the days it arrived (:func:`analysis.subjects.wagner.host_spans`).

    >>> print(wagner_paragraph("Niger", None, ["2024-04-10"]))  # doctest: +NORMALIZE_WHITESPACE
    The project's table of Wagner deployments (`data/wagner_deployments.csv`, built from
    published reports) records no report of Wagner in Niger. Russia's Africa Corps, run by its
    defence ministry, arrived on 10 April 2024 (`data/events.csv`).
    >>> r = {"status": "confirmed", "first_reported": "2018", "first_reported_precision":
    ...      "year", "ended": None, "successor": None, "as_of": "2023-02-06", "activities":
    ...      ["mining"], "abuse_documented_by": None, "abuse_summary": None, "source_ids": ["s"]}
    >>> print(wagner_paragraph("Sudan", r))  # doctest: +NORMALIZE_WHITESPACE
    The project's table of Wagner deployments records a confirmed deployment in Sudan, first
    reported in 2018; reported activities: mining. Its status after the story (6 February 2023)
    is not sourced. The table records no documented abuse there. Sources: [s](sources.html#src-s).
    """
    corps_text = "".join(f" Russia's Africa Corps, run by its defence ministry, arrived on "
                         f"{partial_date_words(d, 'day')} (`data/events.csv`)."
                         for d in corps or [])
    if record is None:
        return (f"The project's table of Wagner deployments (`data/wagner_deployments.csv`, "
                f"built from published reports) records no report of Wagner in {name}."
                + corps_text)
    status = {"confirmed": "a confirmed deployment", "withdrawn": "a deployment that ended",
              "alleged": "an alleged deployment"}.get(record["status"], record["status"])
    when = _first_reported(record["first_reported"], record["first_reported_precision"])
    text = (f"The project's table of Wagner deployments records {status} in {name}, first "
            f"reported {when}")
    activities = list(record.get("activities") or [])
    if activities:
        text += f"; reported activities: {', '.join(activities)}"
    text += "."
    ended, successor = record.get("ended"), record.get("successor")
    if isinstance(ended, str) and ended:
        text += f" Wagner's deployment ended on {partial_date_words(ended, 'day')}" + (
            f"; {successor} took over." if isinstance(successor, str) and successor else ".")
        corps_text = ""  # the successor is said: the same arrival
    elif record["status"] != "withdrawn":
        story_date = f"{pd.Timestamp(story_date):%Y-%m-%d}"
        as_of = f"{pd.Timestamp(str(record.get('as_of') or story_date)):%Y-%m-%d}"
        text += (f" Its status after the story ({partial_date_words(story_date, 'day')}) is "
                 "not sourced." if as_of <= story_date else
                 f" Its status is sourced to {partial_date_words(as_of, 'day')}, with no end on "
                 "record.")
    documented = list(record.get("abuse_documented_by") or [])
    summary = record.get("abuse_summary")
    if documented and isinstance(summary, str) and summary:
        kinds = list(record.get("abuse_kinds") or [])
        text += (f" Abuses documented by {', '.join(documented)}"
                 + (f" ({', '.join(kinds)})" if kinds else "") + f": {summary}")
    else:
        text += " The table records no documented abuse there."
    return text + f" Sources: {source_links(record['source_ids'])}." + corps_text


def votes_paragraph(name: str, table: pd.DataFrame) -> str:
    """How the country voted on each resolution, beside Africa's votes and the world's, from
    :func:`analysis.subjects.country.vote_comparison`: a Markdown list, one item per
    resolution; ``name`` as written inside a sentence.

    An unknown vote is said as what is known: on every text with unknown votes (ES-11/2,
    ES-11/5, ES-11/7) the sources name each state that voted against, so the country was not
    among them, and how it voted is not sourced (or, where the row records sources that
    disagree, that they do; a known vote they dispute is given with its confidence). Where
    Africa's only known votes are the no
    votes, Africa is described by those, not by a yes count of zero. A vote known to be an
    abstention or an absence, but not which (ES-11/7), is said so.

    >>> t = pd.DataFrame([{"resolution": "A/RES/ES-11/7", "date": "2025-02-24",
    ...     "after_story": True, "vote": "abstain_or_absent", "africa_yes": 13,
    ...     "africa_abstain": 0, "africa_absent": 0, "africa_abstain_or_absent": 32,
    ...     "africa_no": 8, "africa_unknown": 1, "global_yes": 93},
    ...     {"resolution": "A/RES/ES-11/2", "date": "2022-03-24", "after_story": False,
    ...     "vote": "unknown", "africa_yes": 0, "africa_abstain": 0, "africa_absent": 0,
    ...     "africa_abstain_or_absent": 0, "africa_no": 1, "africa_unknown": 53,
    ...     "global_yes": 140},
    ...     {"resolution": "A/RES/ES-11/1", "date": "2022-03-02", "after_story": False,
    ...     "vote": "abstain", "africa_yes": 28, "africa_abstain": 17, "africa_absent": 8,
    ...     "africa_abstain_or_absent": 0, "africa_no": 1, "africa_unknown": 0,
    ...     "global_yes": 141}])
    >>> print(votes_paragraph("the Republic of the Congo", t))  # doctest: +NORMALIZE_WHITESPACE
    - **ES-11/7** (24 Feb 2025, after the story): the Republic of the Congo abstained or did
      not vote (the sources do not say which). For it: 13 of Africa's 54 states (1 African
      vote unknown) and 93 of the UN's 193 members.
    - **ES-11/2** (24 Mar 2022): the Republic of the Congo was not among the states named as
      voting against it, and how it voted is not sourced. Against it: 1 of Africa's 54 states
      (how the other 53 voted is not sourced). For it: 140 of the UN's 193 members.
    - **ES-11/1** (2 Mar 2022): the Republic of the Congo abstained. For it: 28 of Africa's 54
      states and 141 of the UN's 193 members.
    """
    items = []
    for r in table.itertuples(index=False):
        symbol = str(r.resolution).replace("A/RES/", "")
        when = pd.Timestamp(r.date)
        members = (r.africa_yes + r.africa_abstain + r.africa_absent
                   + r.africa_abstain_or_absent + r.africa_no
                   + r.africa_unknown)  # Africa's UN members
        known = members - r.africa_unknown
        dated = f"{when.day} {when:%b %Y}" + (", after the story" if r.after_story else "")
        world = f"{r.global_yes} of the UN's 193 members"
        if known and known == r.africa_no:
            tally = (f"Against it: {r.africa_no} of Africa's {members} states (how the other "
                     f"{r.africa_unknown} voted is not sourced). For it: {world}.")
        elif not known:
            tally = f"Africa's votes are unknown. For it: {world}."
        else:
            tally = (f"For it: {r.africa_yes} of Africa's {members} states"
                     + (f" ({r.africa_unknown} African vote{'s' if r.africa_unknown != 1 else ''}"
                   " unknown)" if r.africa_unknown
                        else "") + f" and {world}.")
        disputed = bool(getattr(r, "disputed", False))
        if r.vote == "unknown":
            vote = (f"{name} was not among the states named as voting against it, and "
                    + ("the sources disagree on how it voted" if disputed
                       else "how it voted is not sourced"))
        else:
            vote = f"{name} {VOTE_WORDS[r.vote]}" + (
                f" ({getattr(r, 'confidence', '') or 'unstated'} confidence: the sources "
                "disagree)" if disputed else "")
        items.append(f"- **{symbol}** ({dated}): {vote}. {tally}")
    return "\n".join(items)


def visits_sentence(name: str, visits: pd.DataFrame, trips: pd.DataFrame) -> str:
    """Lavrov's stops in the country among the trips the project records, those before the
    story (the tours it could see) told apart from those after it (``visits`` from
    :func:`analysis.subjects.country.visits`)."""
    first, last = trips["arrival_date"].min(), trips["arrival_date"].max()
    span = f"{first:%B %Y} to {last:%B %Y}"
    n_trips = trips["trip"].nunique()
    if visits.empty:
        return (f"Lavrov did not stop in {name} on any of the {n_trips} trips to Africa the "
                f"project records ({span}: `data/lavrov_trips.csv`).")

    def stop(v) -> str:
        meeting = ", a multilateral meeting" if getattr(v, "kind", "") == "multilateral" else ""
        on = "on" if pd.notna(v.arrival_date) else "for talks on"
        return f"{v.city} {on} {v.day.day} {v.day:%B %Y} (trip {v.trip}{meeting})"

    parts = []
    for after, words in ((False, "on the tours the story counted"),
                         (True, "on later trips, after the story")):
        some = visits[visits["after_story"] == after]
        if len(some):
            parts.append(f"{words}, {TIMES.get(len(some), f'{len(some)} times')}: "
                         + "; ".join(stop(v) for v in some.itertuples(index=False)))
    ids = sorted({i for v in visits["source_ids"] for i in v})
    return (f"Of the {n_trips} trips to Africa the project records ({span}), Lavrov stopped in "
            f"{name} {'; and '.join(parts)}. Sources: {source_links(ids)}.")


def events_sentence(name: str, n: int) -> str:
    """How many dated events ``data/events.csv`` records for the country (a colon before the
    table of them, a full stop where there is none).

    >>> events_sentence("Chad", 0), events_sentence("Mali", 1), events_sentence("Mali", 12)
    ('`data/events.csv` records no dated event for Chad.', '`data/events.csv` records 1 dated \
event for Mali:', '`data/events.csv` records 12 dated events for Mali:')
    """
    if not n:
        return f"`data/events.csv` records no dated event for {name}."
    return f"`data/events.csv` records {n} dated event{'s' if n != 1 else ''} for {name}:"


def claims_list(name: str, claims: pd.DataFrame) -> str:
    """The story's claims that name the country, each linked to its ledger entry."""
    if claims.empty:
        return f"None of the story's claims in the fact-check ledger names {name}."
    items = [f"- [{c.claim_id}](ledger.html#claim-{c.claim_id}) (paragraph {c.paragraph}): "
             f"{c.claim}" for c in claims.itertuples(index=False)]
    return (f"{len(items)} of the story's claims in the fact-check ledger name {name}:\n\n"
            + "\n".join(items))


def standing_words(standing: dict) -> tuple[str, str]:
    """(share as stated, rank as stated) for one period's standing."""
    rank = standing.get("rank")
    rank_text = "not a supplier" if rank is None or pd.isna(rank) else ordinal(int(rank))
    return percent_text(standing.get("share_pct")), rank_text
