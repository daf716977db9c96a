"""How Africa's 54 UN members voted on the General Assembly's Ukraine resolutions (ES-11/1..6).

One loader (:func:`load_votes`) joins ``data/unga_votes.csv`` with the resolutions and the
countries; everything else receives that frame and returns a new one. Denominators are stated
per function. ``unknown`` is a vote category of its own everywhere: ES-11/2 (43 unknown) and
ES-11/5 (5 unknown) are incomplete, and no helper fills or drops an unknown silently.
"""

from pathlib import Path

import pandas as pd

from analysis.contract.datapackage import load_table
from analysis.contract.errors import DataError
from analysis.contract.paths import DATA_DIR, display_path

# Order of the vote categories in every table and chart: from the text's side to Russia's,
# then the two non-votes.
VOTES = ["yes", "abstain", "absent", "no", "unknown"]
RESOLUTION_COLUMNS = ["symbol", "short_title", "date", "after_story"]


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


def load_votes(data_dir: Path = DATA_DIR, descriptor: dict | None = None) -> pd.DataFrame:
    """Every vote, with its resolution's date, short title and after_story, and the country.

    One row per resolution and country (324), in resolution order then iso3; ``resolution``
    is an ordered categorical so that groupings keep ES-11/1..6 in order.

    >>> votes = load_votes()
    >>> len(votes), votes["iso3"].nunique(), votes["resolution"].nunique()
    (324, 54, 6)
    >>> votes.loc[votes["after_story"], "resolution"].unique().tolist()
    ['A/RES/ES-11/6']
    """
    kw = {"data_dir": data_dir, "descriptor": descriptor}
    raw = load_table("unga_votes", **kw)
    check_votes(raw, display_path(Path(data_dir) / "unga_votes.csv"))
    res = load_table("unga_resolutions", **kw)[RESOLUTION_COLUMNS]
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
    [28, 17, 8, 1, 0, 54]
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
    ['abstain', 'unknown', 'no', 'abstain', 'no', 'no']
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
    ['no', 'no', 'no', 'abstain', 'no', 'no']
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
