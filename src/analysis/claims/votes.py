"""Checks of the story's claims about African states' stance on the invasion of Ukraine, from
their votes at the UN General Assembly (``data/unga_votes.csv``, ``data/unga_resolutions.csv``).
"""

import pandas as pd

from analysis.claims.common import date_text
from analysis.claims.verdict import (
    NOT_CHECKABLE,
    NOT_SUPPORTED,
    SUPPORTED,
    Figure,
    Verdict,
    register,
)
from analysis.subjects.un_votes import CONDEMNING, later_against, stance_counts

# "Many" read as at least ten states: about a fifth of Africa's 54 UN members.
MANY_STATES = 10


def _short(symbol: str) -> str:
    return symbol.replace("A/RES/", "")


READING = "explicit"  # the ledger's reading: only a vote against counts as support
READINGS = {
    "explicit": "a vote against a condemning text (abstaining and staying away are not support)",
    "tacit": "a vote against, or declining to back either condemning text (abstaining or "
             "staying away counted as tacit support)",
}


def _supporters(stances: pd.DataFrame, reading: str) -> dict:
    """The states counted as supporting the invasion under ``reading`` (a key of READINGS)."""
    if reading not in READINGS:
        raise ValueError(f"reading {reading!r} is not one of {sorted(READINGS)}")
    against, neither = stances.iloc[0], stances.iloc[2]
    iso = sorted(set(against["iso3"]) | (set(neither["iso3"]) if reading == "tacit" else set()))
    return {"states": len(iso), "iso3": iso, "of_states": int(against["of_states"])}


def support_readings(votes: pd.DataFrame, *, condemning=CONDEMNING,
                     many: int = MANY_STATES) -> pd.DataFrame:
    """The verdict on "many African states have supported the invasion" under each reading of
    support (:data:`READINGS`), the ledger's marked: one row per reading with the count."""
    stances = stance_counts(votes, condemning)
    rows = []
    for name, text in READINGS.items():
        n = _supporters(stances, name)["states"]
        rows.append({"reading": name, "counts as support": text, "states": n,
                     "verdict": SUPPORTED if n >= many else NOT_SUPPORTED,
                     "ledger's rule": name == READING})
    return pd.DataFrame(rows)


@register
def check_support_invasion(votes: pd.DataFrame, *, condemning=CONDEMNING,
                           many: int = MANY_STATES, reading: str = READING,
                           story_date=None) -> Verdict:
    """"Many African states have supported the invasion" (paragraph 4), from the votes before
    the story on the texts that deplore or condemn it (:data:`CONDEMNING`).

    ``votes`` is :func:`analysis.subjects.un_votes.load_votes` output. One rule: under the
    ledger's reading (:data:`READING`, ``explicit``) support is a vote against such a text;
    abstaining and staying away are declining to condemn, not support, because an abstention
    is also how states that criticise the invasion but will not vote with the West record
    themselves. Supported if at least ``many`` states support it under the reading; otherwise
    not supported. :func:`support_readings` shows the verdict under the tacit reading.

    ``story_date`` (the ledger's later window) judges the texts adopted after the story and on
    or before it instead: see :func:`_since_the_story`.
    """
    if story_date is not None:
        return _since_the_story(votes, pd.Timestamp(story_date), many, reading)
    stances = stance_counts(votes, condemning)
    against, any_no, neither, not_es1 = (stances.iloc[i] for i in range(4))
    support = _supporters(stances, reading)
    texts = " and ".join(_short(s) for s in condemning)
    rule = (f"Support is {READINGS[reading]}, on {texts} before the story. Supported if at "
            f"least {many} African states (about a fifth of the 54) support the invasion so; "
            "otherwise not supported. The verdict under the other reading is shown beside it, "
            "never mixed into it.")
    names = votes.drop_duplicates("iso3").set_index("iso3")["country"]
    named = ", ".join(names[c] for c in against["iso3"]) or "none"
    figures = [
        Figure("voted against a condemning text", int(against["states"]), "state",
               f"{against['states']} of {against['of_states']} ({named})"),
        Figure("backed neither condemning text", int(neither["states"]), "state",
               f"{neither['states']} of {neither['of_states']} (no, abstained or did not vote "
               "on both)"),
        Figure("did not back ES-11/1", int(not_es1["states"]), "state",
               f"{not_es1['states']} of {not_es1['of_states']}"),
        Figure("voted against any Ukraine text", int(any_no["states"]), "state",
               f"{any_no['states']} of {any_no['of_states']} (an unknown vote on ES-11/2 or "
               "ES-11/5 is not a no: the sources name every state against)"),
    ]
    counted = sorted(set(against["iso3"]) | set(neither["iso3"]))
    rows = [("unga_resolutions", s) for s in condemning]
    rows += [("unga_votes", f"resolution={s}, iso3={c}") for s in condemning for c in counted]
    values = {r["reading"]: int(r["states"]) for _, r in stances.iterrows()}
    values["supporters"] = support["states"]
    other = "tacit" if reading == "explicit" else "explicit"
    alt = _supporters(stances, other)["states"]
    alt_text = (f" Counting abstaining and staying away as tacit support would give {alt} "
                "states and a supported verdict." if other == "tacit" and alt >= many else "")
    if support["states"] >= many:
        verdict, reason = SUPPORTED, (f"{support['states']} African states supported the "
                                      f"invasion by the reading used ({READINGS[reading]}).")
    else:
        verdict, reason = NOT_SUPPORTED, (
            f"Only {against['states']} African state ({named}) voted against a text deploring "
            f"or condemning the invasion before the story; {neither['states']} backed neither "
            "such text, which is declining to condemn, not support." + alt_text)
    return Verdict(verdict, values, reason).explained(rule, figures, rows)


def _since_the_story(votes: pd.DataFrame, through: pd.Timestamp, many: int,
                     reading: str) -> Verdict:
    """The same rule over the texts adopted since the story, through ``through``.

    Which of them deplores or condemns the invasion in its own words is not settled for all:
    ES-11/6 deplores the consequences of the aggression (as ES-11/2 did, which the rule does
    not count), and ES-11/7's operative paragraphs were not read. So the count is bounded:
    none of them condemning (no supporter) and all of them condemning (every state against
    any of them). An unknown vote is never a no (the sources name every state against), so the
    upper bound is exact. With none counting there is no supporter, so the claim is not
    supported if the upper bound is under ``many`` and not decided otherwise."""
    if reading != READING:
        raise ValueError(f"the later window is judged under the ledger's reading ({READING}), "
                         f"not {reading!r}")
    later = later_against(votes, through)
    if later.empty:
        return Verdict(NOT_CHECKABLE, {}, f"No Ukraine text was adopted after the story and "
                       f"by {date_text(through)}.")
    names = votes.drop_duplicates("iso3").set_index("iso3")["country"]
    of = len(names)  # Africa's UN members
    upper = sorted(set().union(*later["against"]), key=lambda c: names[c])
    texts = " and ".join(_short(s) for s in later["resolution"])
    rule = (f"Support is {READINGS[reading]}, on the texts adopted since the story ({texts}). "
            f"Supported if at least {many} African states support the invasion so; otherwise "
            "not supported. Which of these texts deplores or condemns the invasion in its own "
            "words is not settled for all, so the verdict is decided only if it is the same "
            "whether none or all of them count.")
    figures = [Figure(f"voted against {_short(r.resolution)}", len(r.against), "state",
                      f"{len(r.against)} of {of} "
                      f"({', '.join(sorted(names[c] for c in r.against))})"
                      + ((f"; {r.unknown} other votes not sourced, none of them a no"
                          if r.unknown != 1 else "; 1 other vote not sourced, not a no")
                         if r.unknown else ""))
               for r in later.itertuples(index=False)]
    figures.append(Figure("voted against any text since the story", len(upper), "state",
                          f"{len(upper)} of {of}"))
    tacit_text = "; ".join(
        f"on {_short(r.resolution)} alone it would count {len(r.not_yes)} states"
        + (f" ({len(r.not_yes) + r.unknown} if the {r.unknown} vote"
           f"{'s' if r.unknown != 1 else ''} not sourced {'were' if r.unknown != 1 else 'was'}"
           " not a yes)" if r.unknown else "")
        for r in later.itertuples(index=False))
    alt = f" Counting abstaining and staying away as tacit support: {tacit_text}."
    rows = [("unga_resolutions", r) for r in later["resolution"]]
    rows += [("unga_votes", f"resolution={r.resolution}, iso3={c}")
             for r in later.itertuples(index=False) for c in r.against]
    values = {"supporters_low": 0, "supporters_high": len(upper)}
    if len(upper) >= many:  # none counting gives no supporter: the bounds disagree
        return Verdict(NOT_CHECKABLE, values, (
            f"Not decided: {len(upper)} African states voted against a text adopted since the "
            f"story; whether that is {many} or more supporters turns on which texts condemn "
            "the invasion." + alt)).explained(rule, figures, rows)
    reason = (f"Fewer than {many} states whichever of the texts adopted since the story "
              f"({texts}) count as condemning: {len(upper)} African "
              f"state{'s' if len(upper) != 1 else ''} ({', '.join(names[c] for c in upper)}) "
              f"voted against at least one of them.{alt}")
    return Verdict(NOT_SUPPORTED, values, reason).explained(rule, figures, rows)
