"""Weapon categories from SIPRI's free-text "Weapon description".

SIPRI's register spells descriptions several ways (``SRAAM`` / ``short-range air-to-air missile``,
``APC`` / ``APV``), and the two vintages differ. Categories follow SIPRI's own (aircraft, air
defence systems, armoured vehicles, artillery, engines, missiles, naval weapons, satellites,
sensors, ships, other), with one editorial change: **helicopters are split out of aircraft**,
because the story is about Russian helicopters delivered to Mali.

Rules are tried in order; the first match wins. Order matters: "anti-aircraft gun" is air defence
before "aircraft" can claim it; "anti-tank missile" is a missile before "tank" can claim it.
"""

import re

CATEGORIES = (
    "engines", "sensors", "satellites", "air defence", "missiles", "helicopters", "aircraft",
    "naval weapons", "ships", "artillery", "armoured vehicles", "other",
)

_RULES: list[tuple[str, str]] = [
    # Names that contain another category's word, settled first.
    ("ships", r"missile boat|torpedo boat|torpdeo boat"),
    ("artillery", r"ssm tel|ssm launcher|missile launcher"),
    ("armoured vehicles", r"tank destroyer|infantry fighting vehicle"),
    ("engines", r"engine\b|^turbo|gas turbine|reactor"),
    ("sensors", r"radar$|sonar|\beo\b|recce system|sigint system|signals intelligence system"
                r"|search system|ags/sigint"),
    ("satellites", r"satellite"),
    ("air defence", r"sam system|aa gun|anti-aircraft|air-defence|\bad system|abm system"
                    r"|abm/sam|sam/abm|self-propelled aa"),
    ("missiles", r"missile|\bsam\b|aam\b|\basm\b|\bssm\b|slbm|torpedo|guided|loitering"
                 r"|one-way attack|naval mine|coastal defence system"),
    ("helicopters", r"helicopter|\bheli\b"),
    ("aircraft", r"(?<!aircraft )aircraft(?! carrier)|uav|airship|\bac/"),
    ("naval weapons", r"naval gun|naval mrl|naval multiple|asw mrl|asw mortar|asw rocket"
                      r"|anti-submarine mortar|anti-submarine rocket"),
    ("ships", r"ship|boat|craft|corvette|frigate|destroyer|cruiser|submarine"
              r"|mine(hunter|sweeper|layer)|tanker|\btug\b|icebreaker|\bopv\b|\bfac\b|\bssb\b"
              r"|\bmcm\b|aircraft carrier"),
    ("artillery", r"gun|mortar|\bmrl\b|rocket launcher|howitzer|ssm launcher|ssm tel"
                  r"|missile launcher"),
    ("armoured vehicles", r"\bapc|\bifv|tank|armoured|afsv|\baev|\barv|\bapv|\balv|\bamv"
                          r"|reconnaissance av|fire-support vehicle|turret|ugv|bridgelayer"),
]
_COMPILED = [(cat, re.compile(rx)) for cat, rx in _RULES]


def weapon_category(description: str) -> str:
    """The category of one SIPRI weapon description (case-insensitive).

    >>> [weapon_category(d) for d in ("transport helicopter", "trainer/combat aircraft",
    ...                               "anti-aircraft gun", "anti-tank missile", "APC",
    ...                               "air search radar", "aircraft carrier", "tug")]
    ['helicopters', 'aircraft', 'air defence', 'missiles', 'armoured vehicles', 'sensors', \
'ships', 'ships']
    """
    text = description.strip().lower()
    for category, rx in _COMPILED:
        if rx.search(text):
            return category
    return "other"
