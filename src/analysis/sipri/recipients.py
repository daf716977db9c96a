"""SIPRI's recipient names -> the ISO 3166 alpha-3 code of the African state they count for.

The mapping is ``data/sipri_recipients.csv`` (the same one ``sipri_africa_annual`` joins on):
states, armed groups (``*``, counted where they operated) and organisations (``**``). A register
row whose recipient is not in it is outside Africa and left out, with two exceptions that are
errors, because a silent drop would lose African deliveries:

- a recipient listed there without an iso3 (the ``African Union**``: no territory of its own);
- a recipient *not* listed whose name places it in Africa, SIPRI's way of naming armed groups:
  ``RSF (Sudan)*`` names Sudan. A new group in a new export fails here until it is added.

The error is a :class:`~analysis.contract.errors.SipriFormatError` naming the file, the register
line of the first such row and the column ``Recipient``.
"""

import re

import pandas as pd

from analysis.contract.errors import SipriFormatError

RECIPIENTS_FILE = "data/sipri_recipients.csv"
_PLACE = re.compile(r"\(([^)]*)\)")


def places_named(name: str) -> list[str]:
    """The places a SIPRI recipient name gives in brackets (``/`` separates two).

    >>> places_named("PIJ (Israel/Palestine)*"), places_named("Mali")
    (['Israel', 'Palestine'], [])
    """
    return [p.strip() for m in _PLACE.findall(name) for p in m.split("/")]


def african_iso3(frame: pd.DataFrame, recipients: pd.DataFrame, countries: pd.DataFrame,
                 file: str) -> pd.Series:
    """The iso3 each row's ``recipient`` counts for, missing for recipients outside Africa.

    ``frame`` is a register frame (columns ``recipient`` and ``line``, the physical line),
    ``recipients`` is ``load_table("sipri_recipients")`` and ``countries`` is
    ``load_table("countries")`` (whose African names, with SIPRI's, say what is in Africa).

    >>> rec = pd.DataFrame({"sipri_name": ["Mali", "African Union**"], "iso3": ["MLI", None],
    ...                     "actor_type": ["state", "organisation"]})
    >>> cty = pd.DataFrame({"iso3": ["MLI"], "country": ["Mali"], "continent": ["africa"]})
    >>> reg = pd.DataFrame({"recipient": ["Mali", "India"], "line": [20, 21]})
    >>> african_iso3(reg, rec, cty, "register.csv").tolist()
    ['MLI', nan]
    >>> bad = pd.DataFrame({"recipient": ["Mali", "FLA (Mali)*"], "line": [20, 31]})
    >>> african_iso3(bad, rec, cty, "register.csv")
    Traceback (most recent call last):
    ...
    analysis.contract.errors.SipriFormatError: register.csv, line 31, column Recipient: \
'FLA (Mali)*' names Mali, in Africa, but is not in data/sipri_recipients.csv: add it there \
with the iso3 it counts for
    """
    iso3 = recipients.set_index("sipri_name")["iso3"]
    listed = frame["recipient"].isin(iso3.index)
    no_code = listed & frame["recipient"].map(iso3).isna()
    if no_code.any():
        first = frame[no_code].iloc[0]
        raise SipriFormatError(
            file, f"{first['recipient']!r} is in {RECIPIENTS_FILE} without an iso3: give it the "
                  "state its deliveries count for", line=int(first["line"]), column="Recipient")
    african = set(recipients.loc[recipients["actor_type"] == "state", "sipri_name"])
    african |= set(countries.loc[countries["continent"] == "africa", "country"])
    for name, line in zip(frame.loc[~listed, "recipient"], frame.loc[~listed, "line"],
                          strict=True):
        inside = [p for p in places_named(name) if p in african]
        if inside:
            raise SipriFormatError(
                file, f"{name!r} names {inside[0]}, in Africa, but is not in "
                      f"{RECIPIENTS_FILE}: add it there with the iso3 it counts for",
                line=int(line), column="Recipient")
    return frame["recipient"].map(iso3)
