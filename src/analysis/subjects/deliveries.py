"""What Russia delivered, deal by deal, to one African state: from
``load_table("sipri_africa_russia")`` (SIPRI's register, one row per deal and delivery year, both
export vintages; built by :mod:`analysis.sipri.derive`).

Definitions a reviewer should check:

- **A deal** is one line of SIPRI's register: a recipient, a weapon designation, an order year
  and a number delivered. A state's deals include those of armed groups counted for it
  (``Libya HoR*`` for Libya), as everywhere in this package.
- **Number delivered** is the whole deal's, as SIPRI gives it (not the units of one year or one
  window); ``number_delivered_uncertain`` marks a number SIPRI flags with ``?``.
- **TIV in a window** is the sum of the deal's per-year rows in it: SIPRI gives one delivered
  TIV per deal, which the derived table spreads evenly over the delivery years (an estimate).
"""

import pandas as pd

from analysis.subjects.country_text import year_ranges

RUSSIA_TABLE = "sipri_africa_russia"
DEAL = ["recipient", "designation", "description", "order_year", "number_delivered"]
# Weapon categories (analysis.sipri.weapons) as a sentence names them.
CATEGORY_WORDS = {"air defence": "air-defence systems", "other": "other equipment"}


def of_country(table: pd.DataFrame, iso3: str) -> pd.DataFrame:
    """The rows of one state, every vintage, without the ``recipient`` and ``iso3`` columns and
    numbered from 0: the shape of the former Russia -> Mali table, which the Mali claims and
    notebooks 01 and 03 read.

    >>> t = pd.DataFrame({"vintage": ["2025-03-13"] * 2, "recipient": ["Mali", "Niger"],
    ...                   "iso3": ["MLI", "NER"], "year": [2021, 2024]})
    >>> of_country(t, "NER").to_dict("records")
    [{'vintage': '2025-03-13', 'year': 2024}]
    """
    rows = table[table["iso3"] == iso3]
    return rows.drop(columns=["recipient", "iso3"]).reset_index(drop=True)


def deals_in(table: pd.DataFrame, iso3: str, vintage: str, years: tuple[int, int]
             ) -> pd.DataFrame:
    """One row per deal with deliveries to ``iso3`` in ``years`` (inclusive) in one vintage
    (``YYYY-MM-DD``), largest TIV first: ``recipient``, ``weapon_category``, ``description``,
    ``designation``, ``order_year``, ``number_delivered``, ``number_delivered_uncertain``,
    ``first_year`` and ``last_year`` (of its deliveries in the window), ``years`` (their
    list), ``tiv_musd`` (its TIV in the window, millions). Empty when there is none.

    >>> t = pd.DataFrame({"vintage": pd.to_datetime(["2025-03-13"] * 3), "iso3": ["MLI"] * 3,
    ...     "recipient": ["Mali"] * 3, "weapon_category": ["helicopters"] * 3,
    ...     "description": ["combat helicopter"] * 3, "designation": ["Mi-35M"] * 3,
    ...     "order_year": [2016] * 3, "number_delivered": [4] * 3,
    ...     "number_delivered_uncertain": [False] * 3, "year": [2011, 2017, 2019],
    ...     "tiv_musd": [1.0, 2.0, 3.0]})
    >>> d = deals_in(t, "MLI", "2025-03-13", (2012, 2024)).iloc[0]
    >>> d["years"], int(d["first_year"]), float(d["tiv_musd"])
    ([2017, 2019], 2017, 5.0)
    """
    rows = table[(table["iso3"] == iso3) & (table["vintage"] == pd.Timestamp(vintage))
                 & table["year"].between(*years)]
    keys = [*DEAL, "weapon_category", "number_delivered_uncertain"]
    out = rows.groupby(keys, sort=False, dropna=False).agg(
        first_year=("year", "min"), last_year=("year", "max"),
        years=("year", lambda y: sorted(int(v) for v in y)), tiv_musd=("tiv_musd", "sum"))
    cols = ["recipient", "weapon_category", "description", "designation", "order_year",
            "number_delivered", "number_delivered_uncertain", "first_year", "last_year", "years",
            "tiv_musd"]
    out = out.reset_index()[cols]
    return out.sort_values(["tiv_musd", "first_year", "designation"],
                           ascending=[False, True, True], ignore_index=True, kind="stable")


def deals_summary(deals: pd.DataFrame) -> dict:
    """The figures a page states about :func:`deals_in`'s rows: ``deals``, ``first_year``,
    ``last_year``, ``tiv_musd`` (total), ``uncertain`` (deals whose number SIPRI marks
    uncertain) and ``kinds``: the weapon categories, largest TIV first.

    >>> deals_summary(pd.DataFrame(columns=["weapon_category", "first_year", "last_year",
    ...                                     "tiv_musd", "number_delivered_uncertain"]))
    {'deals': 0}
    """
    if deals.empty:
        return {"deals": 0}
    kinds = deals.groupby("weapon_category")["tiv_musd"].sum()
    kinds = sorted(kinds.index, key=lambda k: (-kinds[k], k))
    return {"deals": len(deals), "first_year": int(deals["first_year"].min()),
            "last_year": int(deals["last_year"].max()),
            "tiv_musd": float(deals["tiv_musd"].sum()),
            "uncertain": int(deals["number_delivered_uncertain"].sum()),
            "kinds": [CATEGORY_WORDS.get(k, k) for k in kinds]}


def number_text(number, uncertain) -> str:
    """A number delivered as the table shows it: SIPRI's ``?`` spelled out.

    >>> number_text(120, True), number_text(4, False)
    ('120 (uncertain)', '4')
    """
    return f"{int(number)} (uncertain)" if bool(uncertain) else f"{int(number)}"


# The columns of :func:`deals_display`, short enough for a phone; the page says what each holds.
SHOWN = {"designation": "Weapon", "description": "Description", "number": "Number",
         "years": "Delivered", "tiv_musd": "TIV (m)", "recipient": "Recipient"}


def deals_display(deals: pd.DataFrame) -> pd.DataFrame:
    """:func:`deals_in`'s rows as the page shows them: SIPRI's designation as the index, then
    its description, the number delivered (the whole deal's; SIPRI's uncertain ones marked),
    the years delivered in the window as ranges and the TIV in it to 0.1 million; the
    recipient only where the state's rows have several (an armed group counted for it)."""
    out = pd.DataFrame({
        SHOWN["description"]: deals["description"].to_numpy(),
        SHOWN["number"]: [number_text(n, u) for n, u in zip(
            deals["number_delivered"], deals["number_delivered_uncertain"], strict=True)],
        SHOWN["years"]: deals["years"].map(year_ranges).to_numpy(),
        SHOWN["tiv_musd"]: deals["tiv_musd"].round(1).to_numpy(),
    }, index=deals["designation"].to_numpy())
    if deals["recipient"].nunique() > 1:
        out.insert(0, SHOWN["recipient"], deals["recipient"].to_numpy())
    # named on the columns, not the index: one header row, "Weapon" over the designations
    return out.rename_axis(columns=SHOWN["designation"])
