"""Checks of the story's claims about the Wagner Group (``data/wagner_deployments.csv``): where it
deployed, whether it was accused of abuses there, whether its footprint grew; and the tables the
fact-check notebook shows beside them."""

import pandas as pd

from analysis.claims.common import (
    date_text,
    events_of,
    iso_day,
)
from analysis.claims.verdict import NOT_SUPPORTED, PARTLY, SUPPORTED, Figure, Verdict, register
from analysis.contract.partial_dates import period_bounds
from analysis.story import STORY_DATE
from analysis.subjects.wagner_arms import classify_deployments

RIGHTS_GROUPS = ("HRW", "Amnesty International")  # names as in abuse_documented_by
# Who must have made an accusation for it to count, widest first (the ledger's default first).
ACCUSERS = {"anyone": "UN bodies, rights groups and press reports",
            "UN and rights groups": "UN bodies and rights groups",
            "UN bodies": "UN bodies only"}
PAST_AND_PRESENT = ("confirmed", "withdrawn")


def _counts(by: str, accusers: str) -> bool:
    if accusers == "anyone":
        return True
    if by.startswith("UN "):
        return True
    return accusers == "UN and rights groups" and by in RIGHTS_GROUPS


def _accused(documented_by, accusers: str) -> bool:
    if not isinstance(documented_by, list):
        return False
    return any(_counts(d, accusers) for d in documented_by)


def abuse_by_country(wagner: pd.DataFrame, *, story_date=STORY_DATE,
                     statuses: tuple[str, ...] = PAST_AND_PRESENT,
                     accusers: str = "anyone") -> pd.DataFrame:
    """One row per Wagner row: ``deployed`` (status in ``statuses`` and first reported by the
    story's date), ``accused`` (abuses documented by one of ``accusers``, see
    :data:`ACCUSERS`), who documented them and the kinds of abuse named."""
    w = classify_deployments(wagner, story_date).set_index("iso3")
    docs = wagner.set_index("iso3")["abuse_documented_by"].reindex(w.index)
    kinds = (wagner.set_index("iso3")["abuse_kinds"].reindex(w.index)
             if "abuse_kinds" in wagner else pd.Series(None, index=w.index))
    return pd.DataFrame({
        "country": w["country"], "status": w["status"],
        "deployed": w["status"].isin(statuses) & w["reported_by_as_of"],
        "accused": [_accused(d, accusers) for d in docs],
        "documented_by": ["; ".join(d) if isinstance(d, list) else "" for d in docs],
        "abuse_kinds": ["; ".join(k) if isinstance(k, list) else "" for k in kinds],
    }).reset_index()


def _abuse_verdict(wagner, story_date, statuses, accusers, most) -> Verdict:
    table = abuse_by_country(wagner, story_date=story_date, statuses=statuses,
                             accusers=accusers)
    deployed = table[table["deployed"]]
    accused = deployed[deployed["accused"]]
    share = len(accused) / len(deployed) if len(deployed) else 0.0
    values = {"deployed": len(deployed), "accused": len(accused),
              "share_pct": round(100 * share, 1), "accused_in": accused["country"].tolist(),
              "not_accused_in": deployed.loc[~deployed["accused"], "country"].tolist(),
              "statuses": list(statuses), "accusers": accusers}
    text = (f"Abuses were reported in {len(accused)} of the {len(deployed)} countries where "
            f"Wagner had deployed ({' or '.join(statuses)}) by {date_text(story_date)} "
            f"({', '.join(accused['country'])}; accusations by {ACCUSERS[accusers]})")
    verdict = SUPPORTED if share > most else PARTLY if len(accused) else NOT_SUPPORTED
    suffix = "." if share > most else ": half or fewer, not most." if len(accused) else "."
    return Verdict(verdict, values, text + suffix).explained(
        "", [Figure("host countries", len(deployed), "country",
                    f"{len(deployed)} countries ({', '.join(deployed['country'])})"),
             Figure("hosts where abuses were alleged", len(accused), "country",
                    f"{len(accused)} of {len(deployed)}, {100 * share:.0f}%")],
        [("wagner_deployments", c) for c in deployed["iso3"]])


@register
def check_wagner_abuses(wagner: pd.DataFrame, *, story_date=STORY_DATE,
                        statuses: tuple[str, ...] = PAST_AND_PRESENT,
                        accusers: str = "UN and rights groups", most: float = 0.5
                        ) -> Verdict:
    """"In most African countries where they have deployed, accused of widespread abuses":
    the share of host countries (see :func:`abuse_by_country`) where abuses were documented.

    Defaults: past hosts count ("have deployed": ``confirmed`` and ``withdrawn``, first
    reported by the story's date; ``alleged`` ones are unproven); an accusation counts when a
    UN body or a rights group made it by the story's date. A standards desk reads "accused of
    widespread abuses" as an accusation by a body that investigates and publishes its evidence;
    one press report (Sudan, The Times, 2019) is reporting, not such an accusation (issue 18,
    correction of the earlier "anyone" default). Above ``most`` (half): supported; some but not
    most: partly supported; none: not supported. :func:`abuse_sensitivity` shows the verdict
    under the alternatives.
    """
    v = _abuse_verdict(wagner, story_date, statuses, accusers, most)
    return v.explained(
        f"Supported if abuses were alleged in more than half of the countries where Wagner had "
        f"deployed by the story's date, past hosts included ({' and '.join(statuses)} rows), "
        f"counting accusations by {ACCUSERS[accusers]}; in some but not most: partly supported.",
        v.figures, v.rows)


def abuse_sensitivity(wagner: pd.DataFrame, story_date=STORY_DATE) -> pd.DataFrame:
    """:func:`check_wagner_abuses` under each definition: hosts = confirmed and withdrawn (the
    ledger's), or confirmed only; accusations by anyone, by UN bodies and rights groups (the
    ledger's), or by UN bodies only."""
    rows = []
    for statuses in (PAST_AND_PRESENT, ("confirmed",)):
        for accusers in ACCUSERS:
            v = _abuse_verdict(wagner, story_date, statuses, accusers, 0.5)
            rows.append({"hosts": " or ".join(statuses), "accusations by": ACCUSERS[accusers],
                         "hosts (n)": v.values["deployed"], "accused (n)": v.values["accused"],
                         "share_pct": v.values["share_pct"], "verdict": v.verdict,
                         "ledger's rule": statuses == PAST_AND_PRESENT
                         and accusers == "UN and rights groups"})
    return pd.DataFrame(rows)


NAMED_KINDS = ("killings of civilians", "sexual violence", "torture")  # paragraph 6


@register
def check_abuse_kinds(wagner: pd.DataFrame, *, kinds: tuple[str, ...] = NAMED_KINDS,
                      story_date=STORY_DATE, statuses: tuple[str, ...] = PAST_AND_PRESENT
                      ) -> Verdict:
    """"Abuses including killings of civilians, sexual violence and torture": each kind named
    must be documented (``abuse_kinds``) in at least one host country by the story's date.
    Every kind: supported; some: partly supported; none: not supported."""
    table = abuse_by_country(wagner, story_date=story_date, statuses=statuses)
    hosts = table[table["deployed"]]
    where = {k: hosts.loc[hosts["abuse_kinds"].str.contains(k, regex=False), "country"].tolist()
             for k in kinds}
    found = [k for k, c in where.items() if c]
    verdict = (SUPPORTED if len(found) == len(kinds) else PARTLY if found else NOT_SUPPORTED)
    text = "; ".join(f"{k}: {', '.join(c) or 'none'}" for k, c in where.items())
    return Verdict(verdict, {"countries_by_kind": where}, f"Documented by "
                   f"{date_text(story_date)}: {text}.").explained(
        "Supported if each kind of abuse the story names is documented in at least one country "
        "where Wagner had deployed (data/wagner_deployments.csv abuse_kinds); some: partly; "
        "none: not supported.",
        [Figure(k, len(c), "country", f"{len(c)} ({', '.join(c) or 'none'})")
         for k, c in where.items()],
        [("wagner_deployments", c) for c in hosts["iso3"]])


@register
def check_wagner_in_mali(wagner: pd.DataFrame, *, iso3: str = "MLI", story_date=STORY_DATE
                         ) -> Verdict:
    """"Many of whom ... belong to the Wagner mercenary group": a Wagner deployment in ``iso3``
    documented (``confirmed``) by the story's date. ``alleged``: partly supported."""
    w = classify_deployments(wagner, story_date)
    w = w[w["iso3"] == iso3]
    if w.empty:
        return Verdict(NOT_SUPPORTED, {"status": None}, "No Wagner deployment is recorded.")
    row = w.iloc[0]
    values = {"status": row["status"], "first_reported": str(row["first_reported"]),
              "reported_by_story": bool(row["reported_by_as_of"])}
    ended = wagner.set_index("iso3")["ended"].get(iso3) if "ended" in wagner else None
    if isinstance(ended, str) and period_bounds(ended)[0] <= pd.Timestamp(story_date):
        after = wagner.set_index("iso3")["successor"].get(iso3)
        values["ended"] = ended
        v = Verdict(NOT_SUPPORTED, values, f"Wagner left {row['country']} ({ended})"
                    + (f"; {after} took over." if isinstance(after, str) else "."))
    elif row["status"] == "confirmed" and row["reported_by_as_of"]:
        v = Verdict(SUPPORTED, values, f"A Wagner deployment in {row['country']} is "
                    f"documented from {row['first_reported']}; what share of the Russian "
                    "personnel it makes up is not recorded.")
    elif row["status"] == "alleged":
        v = Verdict(PARTLY, values, f"Wagner's presence in {row['country']} is alleged only.")
    else:
        v = Verdict(NOT_SUPPORTED, values, f"Wagner's deployment in {row['country']} was "
                    f"{row['status']} as of the story.")
    return v.explained(
        "Supported if a Wagner deployment there is confirmed by the story's date (and has not "
        "ended by then), partly if only alleged; the share of Russian personnel it makes up is "
        "not judged.",
        [Figure("Wagner in Mali", row["status"], "status",
                f"{row['status']}, first reported {row['first_reported']}")],
        [("wagner_deployments", iso3)])


def _present(w: pd.DataFrame, date: pd.Timestamp, story: pd.Timestamp) -> pd.DataFrame:
    """Rows deployed on ``date``: begun by then; a withdrawn row (left before the story, on a
    day not recorded) counts before the story's date only; a row with an ``ended`` date (a
    departure after the story, e.g. Mali's in Jun 2025) no longer counts from that date, read
    at its earliest day (a successor is not Wagner: see :func:`check_wagner_growth`)."""
    first = pd.Series([period_bounds(str(d))[0] for d in w["first_reported"]], index=w.index)
    gone = (w["status"] == "withdrawn") & (date >= story)
    if "ended" in w:
        gone |= pd.Series([isinstance(e, str) and period_bounds(e)[0] <= date
                           for e in w["ended"]], index=w.index)
    return w[(first <= date) & ~gone]


@register
def check_wagner_growth(wagner: pd.DataFrame, *, story_date=STORY_DATE, recent_years: int = 5,
                        statuses: tuple[str, ...] = PAST_AND_PRESENT) -> Verdict:
    """"In recent years, a growing number of countries": countries hosting a documented Wagner
    deployment on two dates, ``recent_years`` before the story and on the story's date. A
    deployment counts from the first day of its partial date; a withdrawn one counts at the
    earlier date if it had begun (its withdrawal day is unknown), never at the story's; one
    that ended (``ended``) stops counting on its end date. The claim is about Wagner: a
    successor (Africa Corps) does not count as Wagner (docs/ledger.md shows the other
    reading). More at the story's date: supported; as many or fewer: not supported."""
    story = pd.Timestamp(story_date)
    start = story - pd.DateOffset(years=recent_years)
    w = wagner[wagner["status"].isin(statuses)]
    then, now = _present(w, start, story), _present(w, story, story)
    added = now[~now["iso3"].isin(then["iso3"])]
    values = {"since": iso_day(start), "countries_then": len(then), "countries_at_story": len(now),
              "added": added["country"].tolist(), "statuses": list(statuses)}
    if len(now) > len(then):
        v = Verdict(SUPPORTED, values, f"Countries hosting a documented Wagner deployment grew "
                    f"from {len(then)} to {len(now)} in the {recent_years} years to "
                    f"{date_text(story)} ({', '.join(added['country'])} added).")
    else:
        v = Verdict(NOT_SUPPORTED, values, f"{len(now)} countries hosted Wagner on "
                    f"{date_text(story)} against {len(then)} on {date_text(start)}, "
                    f"{recent_years} years before: no growth.")
    return v.explained(
        f"Supported if more countries hosted a documented Wagner deployment on the story's date "
        f"than {recent_years} years before (withdrawn ones count only while there); as many or "
        "fewer: not supported.",
        [Figure(f"hosts on {iso_day(start)}", len(then), "country",
                f"{len(then)} ({', '.join(then['country'])})"),
         Figure(f"hosts on {iso_day(story)}", len(now), "country",
                f"{len(now)} ({', '.join(now['country'])})")],
        [("wagner_deployments", c) for c in w["iso3"]])


@register
def check_un_experts(events: pd.DataFrame, wagner: pd.DataFrame, *, iso3: str = "MLI",
                     body: str = "UN experts (HRC)", story_date=STORY_DATE) -> Verdict:
    """"UN experts have said Wagner ... may have committed war crimes": a ``UN finding`` event
    in ``iso3`` dated before the story, and ``body`` among those who documented Wagner's abuses
    there. Both: supported; one: partly supported."""
    found = events_of(events, iso3, "UN finding")
    found = found[found["last_day"] < pd.Timestamp(story_date)]
    docs = wagner.loc[wagner["iso3"] == iso3, "abuse_documented_by"]
    listed = bool(len(docs)) and isinstance(docs.iloc[0], list) and body in docs.iloc[0]
    values = {"findings_before_story": dict(zip(found["event_id"], found["date"], strict=True)),
              "documented_by_includes": listed}
    if len(found) and listed:
        v = Verdict(SUPPORTED, values, f"{body} published their finding on "
                    f"{found['date'].iloc[-1]}, before the story, and are recorded as "
                    "documenting Wagner's abuses in Mali.")
    elif len(found) or listed:
        v = Verdict(PARTLY, values, "Only one of the finding and the attribution to "
                    f"{body} is recorded.")
    else:
        v = Verdict(NOT_SUPPORTED, values, "No UN finding before the story is recorded.")
    return v.explained(
        f"Supported if a UN finding on {iso3} is dated before the story and {body} are recorded "
        "as documenting Wagner's abuses there; one of the two: partly supported.",
        [Figure("UN findings before the story", len(found), "finding",
                ", ".join(f"{d}" for d in found["date"]) or "none"),
         Figure("attributed to", body if listed else None, "body",
                f"{body} {'named' if listed else 'not named'} in the Wagner row")],
        [*(("events", e) for e in found["event_id"]), ("wagner_deployments", iso3)])


def growth_readings(wagner: pd.DataFrame, spans: pd.DataFrame, as_of, *,
                    story_date=STORY_DATE, recent_years: int = 5) -> pd.DataFrame:
    """"A growing number of countries" (c20) over a later window, read four ways, to show
    what the verdict now turns on while the Wagner table is not complete past the story.

    Hosts ``recent_years`` before ``as_of`` are counted by :func:`check_wagner_growth`'s rule.
    Hosts on ``as_of`` are counted from ``spans`` (``analysis.wagner.host_spans``): Wagner
    only (the claim's words and the ledger's rule) or Wagner or its successor Africa Corps;
    and a confirmed Wagner row whose status is not sourced after the story counted as still
    there (the rule's reading of "confirmed") or as gone (the other bound). The same test:
    more hosts on ``as_of``: supported; as many or fewer: not supported."""
    as_of, story = pd.Timestamp(as_of), pd.Timestamp(story_date)
    then = check_wagner_growth(wagner, story_date=as_of, recent_years=recent_years)
    n_then = then.values["countries_then"]
    begun = spans[(spans["start"] <= as_of) & ~(spans["end"] <= as_of)]
    rows = []
    for forces in (("Wagner",), ("Wagner", "Africa Corps")):
        for unknown in ("still there", "gone"):
            hosts = begun[begun["force"].isin(forces)
                          & begun["status"].isin(["confirmed", "deployed"])]
            if unknown == "gone":
                hosts = hosts[(hosts["force"] != "Wagner") | (hosts["last_sourced"] > story)]
            names = list(dict.fromkeys(hosts["country"]))
            rows.append({"hosts counted": " or ".join(forces),
                         "rows not sourced since the story": unknown,
                         f"hosts on {as_of - pd.DateOffset(years=recent_years):%Y-%m-%d}":
                             n_then,
                         f"hosts on {as_of:%Y-%m-%d}": len(names),
                         "verdict": SUPPORTED if len(names) > n_then else NOT_SUPPORTED,
                         "countries": "; ".join(names)})
    return pd.DataFrame(rows)
