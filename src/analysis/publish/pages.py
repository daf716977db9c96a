"""The site's own pages: the index (story in brief, the ledger, each notebook's answer).

Every string that comes from data is escaped here (``html.escape``); markdown written by the
project is rendered by nbconvert's renderer. The pages load nothing from the network.
"""

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from analysis.publish import claimreview, countries, datafiles, layout, provenance, search
from analysis.story import STORY_SOURCE_ID

CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:50rem;margin:2rem auto;
padding:0 1rem;line-height:1.5;color:#222}
h1{font-size:1.7rem;margin-bottom:.2rem}h2{margin-top:2rem}
section{border-top:1px solid #ddd;margin-top:1.5rem;padding-top:.5rem}
section h1{font-size:1.25rem}section h1 a.anchor-link{display:none}
a{color:#0072B2}table{border-collapse:collapse;width:100%;font-size:.92rem}
th,td{border-bottom:1px solid #e5e5e5;padding:.35rem .4rem;text-align:left;vertical-align:top}
.v{white-space:nowrap;font-weight:600}.v-supported{color:#006b4f}
.v-partly-supported{color:#8a5a00}.v-not-supported{color:#b23c00}.v-not-checkable{color:#555}
section table th{width:8.5rem}.links a{margin-right:1rem}
td.v .why{font-weight:normal;color:#333;white-space:normal}
.params{background:#f4f4f4;padding:.3rem .6rem}
@media (max-width:40rem){
table.stack thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);
white-space:nowrap}
table.stack tr{display:block;border-bottom:1px solid #bbb;padding:.5rem 0}
table.stack td{display:block;border:0;padding:.1rem 0}
table.stack td[data-label]::before{content:attr(data-label) ": ";font-weight:600;color:#444}
table.stack td.v{white-space:normal}
}
""" + countries.CSS
SYMBOLS = {"supported": "✓", "partly supported": "≈", "not supported": "✗",
           "not checkable": "–"}


@dataclass(frozen=True)
class Entry:
    """One notebook run on the index."""

    slug: str
    source: str
    summary_html: str
    params: dict = field(default_factory=dict)
    group: str = ""  # the notebook of a fanned-out run (one page per state): on the grid
    facts: dict = field(default_factory=dict)  # what the run recorded for the index


def _page(title: str, body: str, name: str, info: layout.SiteInfo) -> str:
    return layout.page(title, body, name, info, css=CSS)


def ledger_table(rows: list[dict], column: str = "evidence") -> str:
    """The ledger as an HTML table; verdict as symbol, word and colour (never colour alone).

    ``column``: ``evidence`` (reason and computed values) or ``reason`` (the sentence only).
    """
    head = "Evidence" if column == "evidence" else "Why"
    with_sources = any("source_ids" in r for r in rows)
    out = ["<table class='stack'><thead><tr><th>¶</th><th>The story says</th><th>Verdict</th>"
           f"<th>{head}</th>" + ("<th>Sources</th>" if with_sources else "")
           + "</tr></thead><tbody>"]
    for r in rows:
        verdict = str(r["verdict"])
        css = "v-" + verdict.replace(" ", "-")
        sources = ""
        if with_sources:
            ids = r.get("source_ids") or []
            if column == "reason" and ids:  # the index: a count, linked to the verdict's entry
                anchor = html.escape(provenance.claim_anchor(str(r["claim_id"])))
                n = len(ids)
                links = f"<a href='ledger.html#{anchor}'>{n} source{'s' if n != 1 else ''}</a>"
            else:
                links = ", ".join(provenance.source_link(s) for s in ids)
            sources = f"<td data-label='Sources'>{links or '–'}</td>"
        row_id = html.escape(provenance.claim_anchor(str(r["claim_id"]))) if "claim_id" in r else ""
        out.append(
            (f"<tr id='{row_id}'>" if row_id else "<tr>")
            + f"<td data-label='Paragraph'>{html.escape(str(r['paragraph']))}</td>"
            f"<td>{html.escape(str(r['claim']))}</td><td class='v {html.escape(css)}'>"
            f"{SYMBOLS.get(verdict, '?')} {html.escape(verdict)}</td><td data-label='{head}'>"
            f"{html.escape(str(r.get(column, r['evidence'])))}</td>{sources}</tr>")
    out.append("</tbody></table>")
    return layout.scrolling("\n".join(out), "The fact-check ledger")


def then_and_now_table(rows: list[dict]) -> str:
    """The claims about a state of the world, then and now side by side (symbol and word); the
    verdict now carries its reason (why it moved, or why it cannot be judged now)."""
    state = [r for r in rows if r.get("tense") == "state"]
    if not state:
        return ""
    out = ["<h2 id='then-and-now'>Then and now</h2><table class='stack'><thead><tr><th>Claim</th>"
           "<th>Then (as of)</th><th>Now (as of)</th></tr></thead><tbody>"]
    for r in state:
        cells = []
        for label, verdict, when in (("Then", r["verdict"], r.get("as_of")),
                                     ("Now", r.get("verdict_now"), r.get("as_of_now"))):
            css = "v-" + str(verdict).replace(" ", "-")
            date = f" ({html.escape(str(when))})" if when and str(when) != "nan" else ""
            cells.append(f"<td class='v {html.escape(css)}' data-label='{label}'>"
                         f"{SYMBOLS.get(str(verdict), '?')} "
                         f"{html.escape(str(verdict))}{date}</td>")
        reason = r.get("reason_now")
        if reason and str(reason) != "nan":
            cells[-1] = (cells[-1][:-len("</td>")]
                         + f"<br><span class='why'>{html.escape(str(reason))}</span></td>")
        anchor = html.escape(provenance.claim_anchor(str(r["claim_id"])))
        out.append(f"<tr><td><a href='#{anchor}'>{html.escape(str(r['claim_id']))}</a> "
                   f"{html.escape(str(r['claim']))}</td>{''.join(cells)}</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


def then_and_now_summary(rows: list[dict]) -> str:
    """One paragraph for the index: how many claims about a state of the world are judged
    again as of the latest evidence, by verdict now, and how many moved from their verdict on
    the story's day; linked to the ledger's table ("" without such claims).

    >>> rows = [{"tense": "state", "verdict": "supported", "verdict_now": "not supported"},
    ...         {"tense": "state", "verdict": "supported", "verdict_now": "supported"},
    ...         {"tense": "state", "verdict": "not checkable", "verdict_now": "not checkable"},
    ...         {"tense": "moment", "verdict": "supported", "verdict_now": "supported"}]
    >>> print(then_and_now_summary(rows))  # doctest: +NORMALIZE_WHITESPACE
    <p>Of the story's 3 claims about a state of the world, 2 are judged again as of the latest
    evidence: 1 supported, 1 not supported; 1 of them moved from its verdict on the story's day.
    The other 1 cannot be judged from the data, then or now. <a
    href='ledger.html#then-and-now'>Then and now, claim by claim, with their dates</a></p>
    """
    state = [r for r in rows if r.get("tense") == "state"]
    judged = [r for r in state if r.get("verdict_now") not in (None, "not checkable")]
    if not state:
        return ""
    by = [f"{sum(r['verdict_now'] == v for r in judged)} {v}" for v in SYMBOLS
          if v != "not checkable" and any(r["verdict_now"] == v for r in judged)]
    moved = sum(r["verdict_now"] != r["verdict"] for r in judged)
    rest = [r for r in state if r not in judged]
    never = sum(r.get("verdict") == "not checkable" for r in rest)
    waiting = len(rest) - never
    return (f"<p>Of the story's {len(state)} claims about a state of the world, {len(judged)} "
            f"are judged again as of the latest evidence: {', '.join(by) or 'none'}; {moved} of "
            "them moved from its verdict on the story's day."
            + (f" {waiting} cannot be judged again yet (the ledger says why)." if waiting
               else "")
            + (f" {'The other' if not waiting else 'And'} {never} cannot be judged from the "
               "data, then or now." if never else "")
            + f" <a href='{claimreview.LEDGER_PAGE}#then-and-now'>Then and now, claim by claim, "
            "with their dates</a></p>")


def verdict_counts(rows: list[dict]) -> str:
    counts = {v: 0 for v in SYMBOLS}  # always in the same order
    for r in rows:
        counts[r["verdict"]] = counts.get(r["verdict"], 0) + 1
    parts = [f"{SYMBOLS.get(v, '?')} {html.escape(v)}: {n}" for v, n in counts.items()]
    return "<p>" + " · ".join(parts) + "</p>"


_ID = re.compile(r"""(\sid=|\shref=)(["'])(#?)([^"']*)\2""")


def scoped_ids(fragment: str, prefix: str) -> str:
    """``fragment`` with every ``id`` and in-page link prefixed by ``prefix``: the index holds
    the first cell of several notebooks, and of one notebook run with several parameters, whose
    heading anchors would otherwise repeat (ids must be unique in a page).

    >>> scoped_ids('<h1 id="Q">Q<a href="#Q">¶</a></h1><a href="x.html">x</a>', "01")
    '<h1 id="01--Q">Q<a href="#01--Q">¶</a></h1><a href="x.html">x</a>'
    """
    def repl(m: re.Match) -> str:
        attr, quote, hash_, value = m.groups()
        if attr.strip() == "href=" and not hash_:
            return m.group(0)  # a link to another page
        return f"{attr}{quote}{hash_}{prefix}--{value}{quote}"

    return _ID.sub(repl, fragment)


def index_body(entries: list[Entry], rows: list[dict] | None, with_sources: bool = False) -> str:
    parts = [
        "<h1>Lavrov heads to Mali: the data behind the story</h1>",
        "<p>On 6 February 2023 the New York Times reported that Russia's foreign minister, "
        "Sergey Lavrov, was flying to Mali on his third African tour in about six months, and "
        "set the visit against Russia's arms sales to Africa, the Wagner Group's deployments and "
        "Mali's break with France. This site checks the story against sourced data: SIPRI's "
        "own arms-transfer exports, and hand-built tables of Lavrov's itineraries, Wagner "
        "deployments and Sahel events, every row citing its source.</p>",
    ]
    if rows:
        parts += ["<h2>The fact-check ledger</h2>", verdict_counts(rows),
                  ledger_table(rows, "reason"), then_and_now_summary(rows),
                  "<p class='links'><a href='ledger.html'>The ledger with the computed values "
                  "behind each verdict</a></p>"]
    if with_sources:
        parts.append(f"<p class='links'><a href='{provenance.SOURCES_PAGE}'>Every source, with "
                     "the rows and claims that cite it</a>"
                     f"<a href='{provenance.CORRECTIONS_PAGE}'>The corrections log</a></p>")
    parts.append(countries.index_section([e for e in entries if e.group]))
    parts.append("<h2 id='notebooks'>The notebooks</h2>")
    for e in (e for e in entries if not e.group):
        label = html.escape(e.slug)
        parts.append(
            f"<section>{scoped_ids(e.summary_html, label)}"
            + (f"<p class='params'>Parameters: <code>{html.escape(repr(e.params))}</code></p>"
               if e.params else "")
            + f"<p class='links'><a href='{label}.html'>With code (reviewers)</a>"
            f"<a href='{label}.editors.html'>Without code (editors)</a></p></section>")
    return "\n".join(parts)


def citation_block(info: layout.SiteInfo) -> str:
    """How to reuse and cite the site, on the index (the same citation line as every footer
    and bundle)."""
    return ("<h2 id='reuse'>Reuse the data</h2><ul class='links'>"
            f"<li><a href='{datafiles.DATA_PAGE}'>The data</a>: every table as CSV, the Data "
            "Package descriptor, and one SQLite database with its keys (to query it in "
            "Datasette: <code>make serve</code>)</li>"
            f"<li><a href='{claimreview.LEDGER_JSON}'>The ledger as JSON</a>, and a schema.org "
            "ClaimReview in each checked claim's entry on the ledger page</li>"
            "<li>Under every chart: its PNG, SVG, data (CSV) and a bundle (zip) with metadata "
            "and a README</li></ul>"
            "<h2 id='cite'>How to cite</h2><p>Cite the package, naming the commit it was "
            "built from (the metadata are in <code>CITATION.cff</code> at the repository's "
            f"root):</p><p class='params'>{html.escape(info.citation)}</p>")


def write_pages(site: Path, entries: list[Entry], rows: list[dict] | None = None,
                prov=None, info: layout.SiteInfo | None = None,
                memo: Path | None = None, known: dict | None = None) -> None:
    """Write index.html (and ledger.html when there is a ledger; sources.html and
    corrections.html when there is provenance) into ``site``.

    ``rows`` is the fact-check ledger as dicts (see :func:`analysis.claims.ledger.ledger_records`),
    handed in by the command line: the report machinery imports no subject and no check.
    ``prov`` is :func:`analysis.publish.provenance.load_provenance` output, or None.
    ``info``: the footer's facts (:func:`analysis.publish.siteinfo.site_info` by default).
    ``memo``: a folder where the search index remembers its work between builds; ``known``:
    the search sections of pages parsed already (:func:`analysis.publish.search.write_search`).
    """
    if info is None:
        from analysis.publish.siteinfo import site_info

        info = site_info()
    (site / "index.html").write_text(
        _page("Lavrov heads to Mali: the data behind the story",
              index_body(entries, rows, with_sources=prov is not None) + citation_block(info),
              "index.html", info),
        encoding="utf-8")
    if prov is not None:
        sources, cites, corrections = prov
        (site / provenance.SOURCES_PAGE).write_text(
            _page("Sources", provenance.sources_body(sources, cites, rows),
                  provenance.SOURCES_PAGE, info), encoding="utf-8")
        if corrections is not None:
            (site / provenance.CORRECTIONS_PAGE).write_text(
                _page("Corrections log", provenance.corrections_body(corrections),
                      provenance.CORRECTIONS_PAGE, info),
                encoding="utf-8")
    if rows:
        write_ledger(site, rows, prov, info)
    from analysis.contract.datapackage import read_descriptor
    from analysis.contract.paths import DATA_DIR

    datafiles.write_data(site, read_descriptor(), DATA_DIR, info,
                         prov[1] if prov is not None else None, css=CSS)
    search.write_search(site, memo, known)  # last: it indexes every page written


def write_ledger(site: Path, rows: list[dict], prov, info: layout.SiteInfo) -> None:
    """ledger.html (one anchored entry per claim, each checked one with its ClaimReview) and,
    with the sources (the story's row), ledger.json."""
    labels = provenance.source_labels(prov[0]) if prov is not None else None
    story = (claimreview.story_facts(prov[0], STORY_SOURCE_ID) if prov is not None else None)

    def review(r: dict) -> str:
        if story is None or not claimreview.is_checked(r):
            return ""
        anchor = provenance.claim_anchor(str(r["claim_id"]))
        return claimreview.script(claimreview.claim_review(r, story, info, anchor))

    body = ("<h1>The fact-check ledger</h1>" + verdict_counts(rows)
            + "<p>Each claim of the story, in our words, with the verdict the data give, the "
            "rule it applies, the figures it used, the rows it rests on and their sources. "
            "Each verdict is as of the story's day; a claim about a state of the world is "
            "judged again as of the latest evidence (its date given), or says why it cannot "
            "be. The history lists every change of a verdict.</p>"
            + (claimreview.json_link() if story is not None else "")
            + then_and_now_table(rows)
            + "\n".join(provenance.ledger_entry(r, SYMBOLS.get(str(r["verdict"]), "?"), labels,
                                                review(r)) for r in rows))
    (site / claimreview.LEDGER_PAGE).write_text(
        _page("The fact-check ledger", body, claimreview.LEDGER_PAGE, info), encoding="utf-8")
    if story is not None:
        (site / claimreview.LEDGER_JSON).write_text(claimreview.ledger_json(rows, story, info),
                                                    encoding="utf-8")
