"""How Africa's 54 UN members voted on the General Assembly's Ukraine resolutions (ES-11/1..7).

One loader (:func:`load_votes`) joins ``data/unga_votes.csv`` with the resolutions and the
countries; everything else receives that frame and returns a new one. Denominators are stated
per function. ``unknown`` is a vote category of its own everywhere: ES-11/2 (43 unknown),
ES-11/5 (5 unknown) and ES-11/7 (1 unknown) are incomplete, and no helper fills or drops an
unknown silently. On those three the sources name every state that voted against, so an
unknown vote there is yes, abstain or absent, which the data cannot say. On ES-11/7 the sources
also name every state for, so the 28 African states in neither list (nor in the part of the
abstention list read) are ``abstain_or_absent``: a category of its own, which no helper splits
into abstentions and absences.
"""

from pathlib import Path

import pandas as pd

from analysis.contract.datapackage import load_table
from analysis.contract.errors import DataError
from analysis.contract.paths import DATA_DIR, display_path

# Order of the vote categories in every table and chart: from the text's side to Russia's,
# then the unknown. ``abstain_or_absent``: abstained or did not vote, which of the two not
# sourced (the state is in neither the complete list of the states for nor that against).
VOTES = ["yes", "abstain", "absent", "abstain_or_absent", "no", "unknown"]
NOT_YES = ("no", "abstain", "absent", "abstain_or_absent")
RESOLUTION_COLUMNS = ["symbol", "short_title", "date", "after_story"]
# The last vote of the session's first year (ES-11/6, 23 Feb 2023): notebook 05 reads the votes
# through it, so that its figures stay those of the story's time; notebook 06 reads them all.
FIRST_YEAR_LAST_VOTE = "2023-02-23"


def check_votes(votes: pd.DataFrame, file: str = "data/unga_votes.csv") -> None:
    """What the descriptor cannot say: a confidence on every known vote and on no unknown one.

    ``votes`` is the table as loaded (row 1 = the first row after the header).

    >>> bad = pd.DataFrame({"vote": ["yes", "unknown"], "confidence": ["high", "high"]})
    >>> check_votes(bad)
    Traceback (most recent call last):
    ...
    analysis.contract.errors.DataError: data/unga_votes.csv, row 2, column confidence: an unknown \
vote has no confidence (the notes give none); found 'high'
    """
    for row, (vote, conf) in enumerate(zip(votes["vote"], votes["confidence"],
                                           strict=True), start=1):
        has_conf = isinstance(conf, str)
        if vote == "unknown" and has_conf:
            raise DataError(file, f"an unknown vote has no confidence (the notes give none); "
                                  f"found {conf!r}", row=row, column="confidence")
        if vote != "unknown" and not has_conf:
            raise DataError(file, f"a {vote!r} vote needs a confidence (high, medium or low)",
                            row=row, column="confidence")


def load_votes(data_dir: Path = DATA_DIR, descriptor: dict | None = None,
               through: str | None = None) -> pd.DataFrame:
    """Every vote, with its resolution's date, short title and after_story, and the country.

    One row per resolution and country (378), in resolution order then iso3; ``resolution``
    is an ordered categorical so that groupings keep ES-11/1..7 in order. ``through`` (an ISO
    date) keeps only the resolutions voted on or before it, categories included, so that a
    crosstab over the result has no empty row for a later text.

    >>> votes = load_votes()
    >>> len(votes), votes["iso3"].nunique(), votes["resolution"].nunique()
    (378, 54, 7)
    >>> votes.loc[votes["after_story"], "resolution"].unique().tolist()
    ['A/RES/ES-11/6', 'A/RES/ES-11/7']
    >>> load_votes(through=FIRST_YEAR_LAST_VOTE)["resolution"].cat.categories[-1]
    'A/RES/ES-11/6'
    """
    kw = {"data_dir": data_dir, "descriptor": descriptor}
    raw = load_table("unga_votes", **kw)
    check_votes(raw, display_path(Path(data_dir) / "unga_votes.csv"))
    res = load_table("unga_resolutions", **kw)[RESOLUTION_COLUMNS]
    if through is not None:
        res = res[res["date"] <= pd.Timestamp(through)]
        raw = raw[raw["resolution"].isin(res["symbol"])]
    countries = load_table("countries", **kw)[["iso3", "country", "sipri_subregion"]]
    out = (raw.merge(res.rename(columns={"symbol": "resolution"}), on="resolution",
                     how="left", validate="many_to_one")
           .merge(countries, on="iso3", how="left", validate="many_to_one"))
    order = res.sort_values("date")["symbol"].tolist()
    out["resolution"] = pd.Categorical(out["resolution"], categories=order, ordered=True)
    out["vote"] = pd.Categorical(out["vote"], categories=VOTES)
    return out.sort_values(["resolution", "iso3"], ignore_index=True)


def votes_by_resolution(votes: pd.DataFrame) -> pd.DataFrame:
    """States per vote category and resolution (rows: resolution; columns: VOTES, then states).

    Counts of states, not shares; ``states`` is the number of rows per resolution (54 for the
    whole table).

    >>> t = votes_by_resolution(load_votes())
    >>> t.loc["A/RES/ES-11/1"].tolist()
    [28, 17, 8, 0, 1, 0, 54]
    >>> t.loc["A/RES/ES-11/7"].tolist()
    [13, 4, 0, 28, 8, 1, 54]
    >>> int(t.loc["A/RES/ES-11/2", "unknown"])
    43
    """
    counts = pd.crosstab(votes["resolution"], votes["vote"], dropna=False)
    counts = counts.reindex(columns=VOTES, fill_value=0)
    counts["states"] = counts.sum(axis=1)
    counts.columns.name = None
    return counts.astype(int)


def country_record(votes: pd.DataFrame, iso3: str) -> pd.DataFrame:
    """One country's votes, resolution by resolution, with confidence and sources.

    >>> country_record(load_votes(), "MLI")["vote"].tolist()
    ['abstain', 'unknown', 'no', 'abstain', 'no', 'no', 'no']
    >>> country_record(load_votes(), "XXX")
    Traceback (most recent call last):
    ...
    KeyError: "no votes for iso3 'XXX' (the table holds the 54 African UN members)"
    """
    rows = votes[votes["iso3"] == iso3]
    if rows.empty:
        raise KeyError(f"no votes for iso3 {iso3!r} (the table holds the 54 African UN members)")
    cols = ["resolution", "date", "short_title", "vote", "confidence", "source_ids", "notes"]
    return rows.sort_values("resolution")[cols].reset_index(drop=True)


def vote_grid(votes: pd.DataFrame) -> pd.DataFrame:
    """Country by resolution: the vote in each cell (rows: iso3; columns: resolution symbols).

    >>> vote_grid(load_votes()).loc["ERI"].tolist()
    ['no', 'no', 'no', 'abstain', 'no', 'no', 'no']
    """
    grid = votes.pivot(index="iso3", columns="resolution", values="vote")
    grid.columns = grid.columns.astype(str)
    grid.columns.name = None
    return grid.astype(str)


def states_that_never(votes: pd.DataFrame, vote: str = "yes") -> pd.DataFrame:
    """States that cast no ``vote`` on any resolution in ``votes``, and how sure that is.

    ``open_votes`` counts the state's unknown votes: where it is above 0 the state may still
    have cast that vote on a resolution whose list is incomplete (ES-11/2, ES-11/5), so the
    answer is certain only where ``open_votes`` is 0. Filter ``votes`` first to ask about some
    resolutions only (e.g. those before the story).

    >>> before = load_votes().query("~after_story")
    >>> never = states_that_never(before, "yes")
    >>> never.query("open_votes == 0")["iso3"].tolist()
    ['BFA', 'CAF', 'CMR', 'ERI', 'GIN', 'ZAF']
    """
    if vote not in VOTES or vote == "unknown":
        raise ValueError(f"vote must be one of {VOTES[:-1]}, got {vote!r}")
    cast = votes.groupby("iso3")["vote"].apply(lambda v: (v == vote).any())
    unknown = votes.groupby("iso3")["vote"].apply(lambda v: int((v == "unknown").sum()))
    never = cast[~cast].index
    return (pd.DataFrame({"iso3": never, "open_votes": unknown.loc[never].to_numpy()})
            .merge(votes[["iso3", "country"]].drop_duplicates(), on="iso3", how="left")
            [["iso3", "country", "open_votes"]].reset_index(drop=True))


def compare_groups(votes: pd.DataFrame, members, name: str = "group",
                   rest: str = "rest of Africa") -> pd.DataFrame:
    """Counts and shares of each vote per resolution, for ``members`` against the other states.

    Tidy: one row per resolution, group and vote category (all five, zeros kept). ``share`` is
    of the group's states on that resolution, unknown votes included in the denominator (so the
    shares of a group add up to 1). ``members`` is any collection of iso3 codes (Wagner hosts,
    Russia's largest arms clients...); a code that is not in the table raises ValueError. With
    a handful of states, a difference between groups is a description, not evidence of a cause.

    >>> g = compare_groups(load_votes(), {"CAF", "LBY", "MLI", "SDN"}, "four states")
    >>> g.query("resolution == 'A/RES/ES-11/1' and group == 'four states' and states > 0")
          resolution        group     vote  states  share
    0  A/RES/ES-11/1  four states      yes       1   0.25
    1  A/RES/ES-11/1  four states  abstain       3   0.75
    """
    members = set(members)
    unknown_codes = members - set(votes["iso3"])
    if unknown_codes:
        raise ValueError(f"not in the votes table: {sorted(unknown_codes)}")
    group = votes["iso3"].isin(members).map({True: name, False: rest})
    counts = (votes.assign(group=pd.Categorical(group, categories=[name, rest]))
              .groupby(["resolution", "group", "vote"], observed=False).size()
              .rename("states").reset_index())
    totals = counts.groupby(["resolution", "group"], observed=False)["states"].transform("sum")
    counts["share"] = (counts["states"] / totals.where(totals > 0)).round(4)
    counts["resolution"] = counts["resolution"].astype(str)
    counts["group"] = counts["group"].astype(str)
    counts["vote"] = counts["vote"].astype(str)
    return counts


# The members of the UN when the seven resolutions were voted (193 throughout).
UN_MEMBERS = 193
# Global tallies as published: the columns of data/unga_resolutions.csv for each vote category.
GLOBAL_COLUMNS = {"yes": "global_yes", "no": "global_no", "abstain": "global_abstain",
                  "absent": "global_non_voting"}


def africa_and_world(votes: pd.DataFrame, resolutions: pd.DataFrame) -> pd.DataFrame:
    """Africa's votes beside the rest of the world's, per resolution: tidy, one row per
    resolution, bloc (``Africa``, ``rest of the world``) and vote category.

    The rest of the world is the published global tally minus Africa's votes (193 - 54 = 139
    states). Where Africa has unknown votes (ES-11/2, ES-11/5) the rest of the world cannot be
    split by category: its ``states`` are NaN there, never guessed; where Africa has votes that
    are an abstention or an absence without saying which (ES-11/7), the rest of the world's
    abstentions and absences cannot be split either. ``share`` is of the bloc's
    states (Africa: 54, unknown included; the rest of the world: 139).

    ``resolutions`` is ``load_table("unga_resolutions")``.
    """
    africa = votes_by_resolution(votes)
    rows = []
    for res in resolutions.itertuples(index=False):
        counts = africa.loc[res.symbol]
        known = counts["unknown"] == 0
        split = known and counts["abstain_or_absent"] == 0
        for vote in VOTES:
            rows.append({"resolution": res.symbol, "bloc": "Africa", "vote": vote,
                         "states": float(counts[vote]), "share": counts[vote] / counts["states"]})
            world = None
            if vote in GLOBAL_COLUMNS and (split or (known and vote in ("yes", "no"))):
                world = float(getattr(res, GLOBAL_COLUMNS[vote]) - counts[vote])
            elif vote in ("unknown", "abstain_or_absent") and split:
                world = 0.0
            rest = UN_MEMBERS - counts["states"]
            rows.append({"resolution": res.symbol, "bloc": "rest of the world", "vote": vote,
                         "states": world, "share": None if world is None else world / rest})
    out = pd.DataFrame(rows)
    out[["states", "share"]] = out[["states", "share"]].astype("float64")
    return out


def largest_arms_clients(top: pd.DataFrame, recipients: pd.DataFrame) -> list[str]:
    """The iso3 of the African states in ``top`` (:func:`analysis.subjects.arms.top_recipients`
    output for Russia: its largest recipients by TIV, largest first), in that order.

    Egypt counts (it is an African UN member, though SIPRI puts it in the Middle East). Arms
    delivered to an armed group count for the country where it operated, as everywhere in this
    package: ``Libya HoR*`` (Haftar's eastern forces) counts as Libya, whose UN seat was held by
    the government in Tripoli, so Libya's votes are not its arms buyer's.

    >>> top = pd.DataFrame({"recipient": ["Egypt", "Libya HoR*"], "tiv_musd": [3.0, 1.0]})
    >>> rec = pd.DataFrame({"sipri_name": ["Egypt", "Libya HoR*"], "iso3": ["EGY", "LBY"]})
    >>> largest_arms_clients(top, rec)
    ['EGY', 'LBY']
    """
    iso3 = top["recipient"].map(recipients.set_index("sipri_name")["iso3"])
    if iso3.isna().any():
        missing = top.loc[iso3.isna(), "recipient"].tolist()
        raise ValueError(f"recipients without an iso3 in data/sipri_recipients.csv: {missing}")
    return list(dict.fromkeys(iso3.tolist()))


# The texts before the story that deplore or condemn Russia's actions in their own words:
# ES-11/1 "deplores" the aggression against Ukraine (UNRIC, un-unric-es11-1); ES-11/4 condemns
# the attempted annexation of four regions (UN press release GA/12458, un-press-ga12458). The
# other texts (humanitarian consequences, the Human Rights Council seat, reparation) are about
# the war's consequences; a vote on them is shown, not read as a stance on the invasion itself.
CONDEMNING = ("A/RES/ES-11/1", "A/RES/ES-11/4")


def stance_counts(votes: pd.DataFrame, condemning=CONDEMNING) -> pd.DataFrame:
    """How many African states took each stance on the invasion before the story, under four
    readings of "supported the invasion", from the strictest to the loosest.

    ``votes`` is :func:`load_votes` output; resolutions after the story are left out. One row
    per reading: ``reading``, ``states`` (count), ``iso3`` (sorted list), ``of_states`` (the
    denominator: the African UN members), and ``open_states``: states not counted whose unknown
    votes could still put them in, so that ``states`` is a floor wherever ``open_states`` is
    above 0. An unknown vote is never a no (the sources name every state that voted against
    each text: see the module's docstring), so only "backed neither" can be open: an unknown
    vote there may be an abstention or an absence.
    """
    before = votes[~votes["after_story"].astype(bool)]
    cond = before[before["resolution"].astype(str).isin(condemning)]
    by_state = cond.groupby("iso3")["vote"].agg(lambda v: set(v.astype(str)))
    any_text = before.groupby("iso3")["vote"].agg(lambda v: set(v.astype(str)))
    es1 = before[before["resolution"].astype(str) == condemning[0]].set_index("iso3")["vote"]

    def reading(name, sets, counted, could=lambda s: False):
        hit = sets[sets.map(counted)].index
        open_ = sets[~sets.map(counted) & sets.map(could)].index
        return {"reading": name, "states": len(hit), "iso3": sorted(hit),
                "of_states": len(sets), "open_states": len(open_)}

    rows = [
        reading("voted against a text deploring or condemning the invasion", by_state,
                lambda s: "no" in s),
        reading("voted against any of the Assembly's Ukraine texts", any_text,
                lambda s: "no" in s),
        reading("backed neither condemning text (no, abstained or did not vote on both)",
                by_state, lambda s: "yes" not in s and "unknown" not in s,
                lambda s: "yes" not in s and "unknown" in s),
        reading(f"did not back {condemning[0].replace('A/RES/', '')} (no, abstained or did not "
                "vote)", es1.astype(str).map(lambda v: {v}),
                lambda s: bool(s & set(NOT_YES))),
    ]
    return pd.DataFrame(rows)


def later_against(votes: pd.DataFrame, through) -> pd.DataFrame:
    """The African states that voted against each text adopted after the story and on or
    before ``through``, with the votes a tacit reading would need: one row per text,
    ``resolution``, ``date``, ``against`` (sorted iso3), ``not_yes`` (no, abstain or absent:
    sorted iso3) and ``unknown`` (how many votes are not sourced; never a no).

    >>> t = later_against(load_votes(), "2025-02-24")
    >>> [(r, len(a), u) for r, a, u in zip(t["resolution"], t["against"], t["unknown"])]
    [('A/RES/ES-11/6', 2, 0), ('A/RES/ES-11/7', 8, 1)]
    """
    later = votes[votes["after_story"].astype(bool)
                  & (pd.to_datetime(votes["date"]) <= pd.Timestamp(through))]
    rows = []
    for symbol, some in later.groupby("resolution", observed=True, sort=True):
        vote = some["vote"].astype(str)
        rows.append({"resolution": str(symbol), "date": pd.Timestamp(some["date"].iloc[0]),
                     "against": sorted(some.loc[vote == "no", "iso3"]),
                     "not_yes": sorted(some.loc[vote.isin(NOT_YES), "iso3"]),
                     "unknown": int((vote == "unknown").sum())})
    return pd.DataFrame(rows, columns=["resolution", "date", "against", "not_yes", "unknown"])
