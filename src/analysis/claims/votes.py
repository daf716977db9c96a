"""Checks of the story's claims about African states' stance on the invasion of Ukraine, from
their votes at the UN General Assembly (``data/unga_votes.csv``, ``data/unga_resolutions.csv``).
"""

import pandas as pd

from analysis.claims.verdict import NOT_SUPPORTED, PARTLY, SUPPORTED, Figure, Verdict, register
from analysis.subjects.un_votes import CONDEMNING, stance_counts

# "Many" read as at least ten states: about a fifth of Africa's 54 UN members.
MANY_STATES = 10


def _short(symbol: str) -> str:
    return symbol.replace("A/RES/", "")


@register
def check_support_invasion(votes: pd.DataFrame, *, condemning=CONDEMNING,
                           many: int = MANY_STATES) -> Verdict:
    """"Many African states have supported the invasion" (paragraph 4), from the votes before
    the story on the texts that deplore or condemn it (:data:`CONDEMNING`).

    ``votes`` is :func:`analysis.subjects.un_votes.load_votes` output. A vote against such a text
    counts as support; abstaining and staying away are shown, never counted as support.
    """
    stances = stance_counts(votes, condemning)
    against, any_no, neither, not_es1 = (stances.iloc[i] for i in range(4))
    texts = " and ".join(_short(s) for s in condemning)
    rule = (f"Supported if at least {many} African states (about a fifth of the 54) voted "
            f"against a text deploring or condemning the invasion ({texts}) before the story; "
            f"partly supported if fewer did but at least {many} declined to back one (voted no, "
            "abstained or stayed away on both); not supported otherwise. Abstaining and staying "
            "away are not counted as support.")
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
               f"at least {any_no['states']} ({any_no['open_states']} more could have: some "
               "votes on ES-11/2 and ES-11/5 are unknown)"),
    ]
    counted = sorted(set(against["iso3"]) | set(neither["iso3"]))
    rows = [("unga_resolutions", s) for s in condemning]
    rows += [("unga_votes", f"resolution={s}, iso3={c}") for s in condemning for c in counted]
    values = {r["reading"]: int(r["states"]) for _, r in stances.iterrows()}
    if against["states"] >= many:
        verdict, reason = SUPPORTED, (f"{against['states']} African states voted against a text "
                                      "deploring or condemning the invasion.")
    elif neither["states"] >= many:
        verdict, reason = PARTLY, (
            f"Only {against['states']} African state ({named}) voted against a text deploring or "
            f"condemning the invasion, but {neither['states']} backed neither such text before "
            "the story: many declined to condemn it, few supported it.")
    else:
        verdict, reason = NOT_SUPPORTED, (
            f"{against['states']} African states voted against, and {neither['states']} backed "
            "neither condemning text: not many.")
    return Verdict(verdict, values, reason).explained(rule, figures, rows)
