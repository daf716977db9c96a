"""The index's way into the country pages: Africa as a tile grid of links, one square per state
(``data/africa_tile_grid.csv``), coloured by Russia's share of the state's major-arms imports in
2012-2021, the share written in the tile as well (never colour alone); a description for screen
readers; and the same figures as a table.

It receives the runs of a fanned-out notebook (:mod:`analysis.report.plan`) with the figures each
recorded (``facts``: ``iso3``, ``country``, ``share_2012_2021``, ``stated_2012_2021``,
``stated_2020_2024``, ``es11_1_vote``, ``wagner``, ``lavrov_stops``, ``vintage``): it computes
nothing about the story. Every string from data is escaped.
"""

import csv
import html
from pathlib import Path

from analysis.contract.paths import DATA_DIR

TILE_GRID = DATA_DIR / "africa_tile_grid.csv"
# Classes of Russia's share, lower edge included; text colour chosen for 4.5:1 on the fill.
CLASSES = [  # (label, lower edge in %, fill, text)
    ("less than 10%", 0.0, "#fde5d8", "#1a1a1a"),
    ("10% to less than 25%", 10.0, "#f9b99a", "#1a1a1a"),
    ("25% to less than 50%", 25.0, "#e8703f", "#1a1a1a"),
    ("50% or more", 50.0, "#a63603", "#ffffff"),
]
NO_IMPORTS = ("no imports recorded", "#ffffff", "#1a1a1a")
CSS = """
.tilewrap{overflow-x:auto}
.tiles{display:grid;grid-template-columns:repeat(var(--cols),3.3rem);
grid-auto-rows:3.3rem;gap:3px;margin:.8rem 0}
.tile{display:flex;flex-direction:column;align-items:center;justify-content:center;
border:1px solid #767676;font-size:.8rem;line-height:1.15;text-decoration:none}
.tile b{font-size:.85rem}.tile:focus,.tile:hover{outline:3px solid #0072B2;outline-offset:1px}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);
white-space:nowrap}
.tile.nopage{border-style:dashed;color:#1a1a1a;background:#f4f4f4}
.legend{display:flex;flex-wrap:wrap;gap:.3rem 1rem;padding:0;list-style:none;font-size:.9rem}
.legend span{display:inline-block;width:1rem;height:1rem;border:1px solid #767676;
vertical-align:middle;margin-right:.3rem}
@media (max-width:44rem){
.tiles{grid-template-columns:repeat(var(--cols),minmax(0,1fr));grid-auto-rows:auto;gap:2px}
.tile{aspect-ratio:1;min-width:0;font-size:.6rem}.tile b{font-size:.62rem}
}
"""


def share_class(share) -> tuple[str, str, str]:
    """(label, fill, text colour) of a share in percent; None = no imports recorded.

    >>> share_class(38.5)[0], share_class(0.0)[0], share_class(None)[0]
    ('25% to less than 50%', 'less than 10%', 'no imports recorded')
    """
    if share is None:
        return NO_IMPORTS
    found = CLASSES[0]
    for c in CLASSES:
        if float(share) >= c[1]:
            found = c
    return found[0], found[2], found[3]


def tile_text(stated: str) -> str:
    """The share as a tile has room for it: the page's words shortened.

    >>> [tile_text(s) for s in ("45%", "less than 1%", "no imports")]
    ['45%', '<1%', '–']
    """
    return {"no imports": "–", "less than 1%": "<1%"}.get(stated, stated)


def read_grid(path: Path = TILE_GRID) -> dict[str, tuple[int, int]]:
    """iso3 -> (row, col) of the tile grid."""
    with Path(path).open(encoding="utf-8", newline="") as f:
        return {r["iso3"]: (int(r["row"]), int(r["col"])) for r in csv.DictReader(f)}


def _facts(entries) -> list[dict]:
    out = []
    for e in entries:
        f = dict(e.facts)
        missing = [k for k in ("iso3", "country", "stated_2012_2021") if k not in f]
        if missing:
            raise ValueError(f"{e.slug}: the notebook recorded no {', '.join(missing)} "
                             "(charts.prose.record_facts) for the index's country grid")
        out.append(f | {"page": f"{e.slug}.html", "editors": f"{e.slug}.editors.html"})
    return sorted(out, key=lambda f: f["country"])


def _describe(states: list[dict]) -> str:
    """The grid in words, from the same figures it draws."""
    counts = {label: 0 for label, *_ in [*CLASSES, NO_IMPORTS]}
    for f in states:
        counts[share_class(f.get("share_2012_2021"))[0]] += 1
    parts = [f"{n} {label}" for label, n in counts.items() if n]
    return (f"Tile map of Africa, one square per state, for the {len(states)} African UN "
            "members, each square a link to the state's page, coloured by Russia's share of "
            "the state's major-arms imports in 2012-2021 and labelled with its code and the "
            f"share: {'; '.join(parts)}.")


def index_section(entries, grid: dict[str, tuple[int, int]] | None = None) -> str:
    """The index's section on the country pages ("" when there are none)."""
    if not entries:
        return ""
    grid = read_grid() if grid is None else grid
    states = _facts(entries)
    by_iso = {f["iso3"]: f for f in states}
    unknown = sorted(set(by_iso) - set(grid))
    if unknown:
        raise ValueError(f"no tile in {TILE_GRID.name} for {', '.join(unknown)}")
    vintages = sorted({str(f.get("vintage", "")) for f in states} - {""})
    cols = max(c for _, c in grid.values()) + 1
    tiles = []
    for iso3, (row, col) in sorted(grid.items(), key=lambda kv: kv[1]):
        place = f"grid-row:{row + 1};grid-column:{col + 1}"
        f = by_iso.get(iso3)
        if f is None:
            tiles.append(f"<span class='tile nopage' style='{place}' title='no UN seat, no "
                         f"page'><b>{html.escape(iso3)}</b>none</span>")
            continue
        label, fill, ink = share_class(f.get("share_2012_2021"))
        stated = str(f["stated_2012_2021"])
        tiles.append(
            f"<a class='tile' href='{html.escape(f['page'])}' style='{place};background:{fill};"
            f"color:{ink}'><b>{html.escape(iso3)}</b>"
            f"<span aria-hidden='true'>{html.escape(tile_text(stated))}</span>"
            f"<span class='vh'>{html.escape(stated)}: "
            f"{html.escape(f['country'])}, Russia's share of its major arms in 2012-2021"
            "</span></a>")
    legend = "".join(f"<li><span style='background:{fill}'></span>{html.escape(label)}</li>"
                     for label, _, fill, _ in CLASSES)
    legend += (f"<li><span style='background:{NO_IMPORTS[1]}'></span>{NO_IMPORTS[0]} (–)</li>"
               "<li><span style='background:#f4f4f4;border-style:dashed'></span>no UN seat, "
               "no page (Western Sahara)</li>")
    source = ("SIPRI Arms Transfers Database" + (f", export of {html.escape(vintages[-1])}"
                                                 if vintages else "") + "; computed per state")
    return "\n".join([
        "<section aria-labelledby='countries'><h2 id='countries'>Every African state</h2>",
        "<p>One page per African UN member: Russia's share of its major arms and what Russia "
        "delivered, Wagner, its votes at the UN on the invasion of Ukraine, Lavrov's visits, "
        "its events and the story's claims that name it.</p>",
        f"<p id='legend-title'><strong>Russia's share of the state's major-arms imports, "
        f"2012-2021</strong> ({source})</p>",
        f"<ul class='legend' aria-labelledby='legend-title'>{legend}</ul>",
        f"<p id='grid-desc'>{html.escape(_describe(states))}</p>",
        f"<div class='tilewrap'><div class='tiles' role='group' aria-labelledby='countries' "
        f"aria-describedby='grid-desc' style='--cols:{cols}'>" + "".join(tiles)
        + "</div></div>",
        table(states), "</section>"])


def table(states: list[dict]) -> str:
    """The grid's figures as a table (the alternative to the map), by country name."""
    rows = []
    for f in states:
        rows.append(
            f"<tr><th scope='row'><a href='{html.escape(f['page'])}'>"
            f"{html.escape(f['country'])}</a></th>"
            f"<td>{html.escape(str(f['stated_2012_2021']))}</td>"
            f"<td>{html.escape(str(f.get('stated_2020_2024', '')))}</td>"
            f"<td>{html.escape(str(f.get('es11_1_vote', '')))}</td>"
            f"<td>{html.escape(str(f.get('wagner') or 'no report'))}</td>"
            f"<td>{html.escape(str(f.get('lavrov_stops', '')))}</td></tr>")
    return ("<details><summary>The same states as a table</summary><table><caption>Russia's "
            "share of each state's major-arms imports, its vote on ES-11/1 (2 March 2022), "
            "Wagner's reported status and Lavrov's stops</caption><thead><tr>"
            "<th scope='col'>State</th><th scope='col'>Russia, 2012-2021</th>"
            "<th scope='col'>Russia, 2020-2024</th><th scope='col'>ES-11/1 vote</th>"
            "<th scope='col'>Wagner</th><th scope='col'>Lavrov's stops</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table></details>")
