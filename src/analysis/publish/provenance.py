"""The site's provenance pages: every source (``sources.html``, one anchored entry each, with the
rows and claims that cite it), the corrections log (``corrections.html``), and the list of
sources that ends each notebook page, computed from the tables the notebook read (or, for a
page that names the rows it shows, as a country page does, from those rows).

Story-agnostic: it reads ``data/sources.csv``, ``data/corrections.csv`` and the descriptor
through the contract, and the ledger's rows as the command line hands them in. Every string
from data is escaped.
"""

import html
from pathlib import Path

import pandas as pd

from analysis.publish.evidence import rows_cell, source_rows

SOURCES_PAGE = "sources.html"
DATA_PAGE = "data.html"  # the tables, each anchored #table-NAME
CORRECTIONS_PAGE = "corrections.html"


def anchor(source_id: str) -> str:
    """The id of a source's entry on the sources page.

    >>> anchor("nyt-2023-02-06")
    'src-nyt-2023-02-06'
    """
    return f"src-{source_id}"


def source_link(source_id: str, label: str | None = None) -> str:
    """A link to a source's entry, labelled with its id unless ``label`` is given (escaped)."""
    text = html.escape(label if label is not None else source_id)
    return f"<a href='{SOURCES_PAGE}#{html.escape(anchor(source_id))}'>{text}</a>"


def claim_anchor(claim_id: str) -> str:
    return f"claim-{claim_id}"


def _given(value) -> bool:
    return value is not None and not (isinstance(value, float) and pd.isna(value)) \
        and value is not pd.NA and str(value).strip() != ""


def _title(row) -> str:
    title = html.escape(str(row["title"]))
    if row.get("title_from") == "description":
        return f"{title} <em>(our description: the headline was not found)</em>"
    return f"“{title}”"


def _links(row) -> str:
    links = []
    if _given(row.get("url")):
        links.append(f"<a href='{html.escape(str(row['url']))}'>the publisher's page</a>")
    if _given(row.get("read_url")):
        links.append(f"<a href='{html.escape(str(row['read_url']))}'>the copy read</a>"
                     + (f" ({html.escape(str(row['seen_via']))})"
                        if _given(row.get("seen_via")) else ""))
    elif _given(row.get("seen_via")):
        links.append(f"seen via {html.escape(str(row['seen_via']))}")
    return " · ".join(links) if links else "no URL: read from a local copy (see notes)"


def _cited_by(source_id: str, cites: dict[str, dict[str, set[str]]],
              claims: dict[str, list[str]]) -> str:
    parts = []
    for table, keys in sorted(cites.get(source_id, {}).items()):
        shown = ", ".join(html.escape(k) for k in sorted(keys))
        parts.append(f"<code>{html.escape(table)}</code>: {shown}")
    cited_claims = sorted(c for c, ids in claims.items() if source_id in ids)
    if cited_claims:
        parts.append("claims: " + ", ".join(
            f"<a href='ledger.html#{html.escape(claim_anchor(c))}'>{html.escape(c)}</a>"
            for c in cited_claims))
    return "; ".join(parts) if parts else "not cited"


def claim_sources(rows: list[dict] | None) -> dict[str, list[str]]:
    """Claim id -> the source ids its verdict rests on (empty for an uncheckable claim)."""
    return {str(r["claim_id"]): list(r.get("source_ids") or []) for r in rows or []}


def sources_body(sources: pd.DataFrame, cites: pd.DataFrame, rows: list[dict] | None) -> str:
    """Every source as an anchored entry: publisher, title, dates, links, rights, who cites it."""
    claims = claim_sources(rows)
    by_source: dict[str, dict[str, set[str]]] = {}  # source id -> table -> row keys
    for sid, table, key in zip(cites["source_id"], cites["table"], cites["key"], strict=True):
        by_source.setdefault(sid, {}).setdefault(table, set()).add(key)
    out = ["<h1>Sources</h1>",
           "<p><a href='index.html'>Back to the index</a> · "
           f"<a href='{CORRECTIONS_PAGE}'>Corrections log</a></p>",
           f"<p>Every source the data and the ledger cite ({len(sources)}), with what was read: "
           "the original publisher, the published headline, when it was published and read, "
           "the publisher's page and the copy read where they differ, and the rows and claims "
           "that rest on it.</p>"]
    for _, row in sources.sort_values("source_id").iterrows():
        sid = str(row["source_id"])
        out.append(
            f"<section id='{html.escape(anchor(sid))}'><h2>{html.escape(str(row['publisher']))}"
            f"</h2><p>{_title(row)}</p><table><tbody>"
            f"<tr><th scope='row'>Id</th><td><code>{html.escape(sid)}</code></td></tr>"
            f"<tr><th scope='row'>Published</th><td>{html.escape(str(row['date_published']))}"
            "</td></tr>"
            f"<tr><th scope='row'>Read</th><td>{html.escape(str(row['date_accessed']))}"
            f"</td></tr><tr><th scope='row'>Links</th><td>{_links(row)}</td></tr>"
            f"<tr><th scope='row'>Rights</th><td>{html.escape(str(row['rights']))}</td></tr>"
            + (f"<tr><th scope='row'>Notes</th><td>{html.escape(str(row['notes']))}</td></tr>"
               if _given(row.get("notes")) else "")
            + f"<tr><th scope='row'>Cited by</th><td>{_cited_by(sid, by_source, claims)}</td></tr>"
            "</tbody></table></section>")
    return "\n".join(out)


def corrections_body(corrections: pd.DataFrame) -> str:
    """The corrections log as a table: what was wrong, what it is now, why, when, on what."""
    out = ["<h1>Corrections log</h1>",
           f"<p><a href='index.html'>Back to the index</a> · <a href='{SOURCES_PAGE}'>Sources</a>"
           "</p>",
           f"<p>Every factual change to a committed row ({len(corrections)}), kept beside the "
           "data in <code>data/corrections.csv</code>.</p>",
           "<div class='scroll' role='region' tabindex='0' aria-label='Corrections'>"
           "<table><thead><tr><th scope='col'>Id</th><th scope='col'>Date</th>"
           "<th scope='col'>Row</th><th scope='col'>Was</th><th scope='col'>Now</th>"
           "<th scope='col'>Why</th><th scope='col'>Sources</th></tr></thead><tbody>"]
    for _, row in corrections.iterrows():
        ids = row["source_ids"] if isinstance(row["source_ids"], list) else []
        where = f"<code>{html.escape(str(row['table']))}</code> {html.escape(str(row['row_key']))}"
        where += f", {html.escape(str(row['field']))}"
        out.append(
            f"<tr><td>{html.escape(str(row['correction_id']))}</td>"
            f"<td>{html.escape(str(row['date']))}</td><td>{where}</td>"
            f"<td>{html.escape(str(row['was']) if _given(row['was']) else '(none)')}</td>"
            f"<td>{html.escape(str(row['now']) if _given(row['now']) else '(removed)')}</td>"
            f"<td>{html.escape(str(row['why']))}</td>"
            f"<td>{', '.join(source_link(i) for i in ids)}</td></tr>")
    out.append("</tbody></table></div>")
    return "\n".join(out)


def notebook_sources(source_ids: list[str], sources: pd.DataFrame, tables: list[str]) -> str:
    """The section that ends a notebook page: the sources cited by the rows it read."""
    items = _source_items(source_ids, sources)
    read = ", ".join(f"<code>{html.escape(t)}</code>" for t in tables) or "none"
    return ("<section class='nb-sources'><h2 id='sources-used'>Sources this notebook used</h2>"
            f"<p>Cited by the rows of the tables it read ({read}); each links to its entry on "
            f"<a href='{SOURCES_PAGE}'>the sources page</a>.</p>"
            + (f"<ul>{''.join(items)}</ul>" if items else "<p>No sourced rows read.</p>")
            + "</section>")


def page_sources(source_ids: list[str], sources: pd.DataFrame, tables: list[str],
                 whole: dict[str, int], subject: str = "the state") -> str:
    """The section that ends a page that names its own sources (a country page): those of the
    rows it shows, and the tables it counts over as a whole (``whole``: table -> how many
    sources its rows cite), each linked to its table on the data page."""
    items = _source_items(source_ids, sources)
    read = ", ".join(f"<code>{html.escape(t)}</code>" for t in tables) or "none"
    counted = "; ".join(f"<a href='{DATA_PAGE}#table-{html.escape(t)}'><code>{html.escape(t)}"
                        f"</code></a> ({n} source{'' if n == 1 else 's'})"
                        for t, n in whole.items())
    return ("<section class='nb-sources'><h2 id='sources-used'>Sources this page used</h2>"
            f"<p>Cited by the rows about {html.escape(subject)} that this page shows, in the "
            f"tables it read ({read}); each links to its entry on "
            f"<a href='{SOURCES_PAGE}'>the sources page</a>.</p>"
            + (f"<ul>{''.join(items)}</ul>" if items else "<p>No sourced rows shown.</p>")
            + (f"<p>Its counts over every state rest on every row of a table: {counted}. Those "
               "sources are not repeated here; the sources page lists each with the rows that "
               "cite it.</p>" if whole else "")
            + "</section>")


def _source_items(source_ids: list[str], sources: pd.DataFrame) -> list[str]:
    by_id = source_rows(sources)
    return [f"<li>{source_link(sid, str(by_id[sid]['publisher']))}: "
            f"{html.escape(str(by_id[sid]['title']))} "
            f"({html.escape(str(by_id[sid]['date_published']))})</li>"
            for sid in sorted(source_ids) if sid in by_id]


def append_to_page(page: str, section: str) -> str:
    """``section`` at the end of the page's ``<main>`` (or ``<body>``)."""
    for closing in ("</main>", "</body>"):
        at = page.rfind(closing)
        if at != -1:
            return page[:at] + section + "\n" + page[at:]
    return page + section


def load_provenance(data_dir: Path | None = None):
    """(sources, citations, corrections) from the committed data, or None where the package
    has no sources table (a copy of the report machinery without data)."""
    from analysis.contract.citations import citations
    from analysis.contract.datapackage import load_table, read_descriptor
    from analysis.contract.paths import DATA_DIR

    data_dir = data_dir or DATA_DIR
    descriptor = read_descriptor()
    names = {r["name"] for r in descriptor["resources"]}
    if "sources" not in names:
        return None
    sources = load_table("sources", data_dir=data_dir, descriptor=descriptor)
    corrections = (load_table("corrections", data_dir=data_dir, descriptor=descriptor)
                   if "corrections" in names else None)
    return sources, citations(descriptor, data_dir), corrections


def source_labels(sources: pd.DataFrame) -> dict[str, str]:
    """Source id -> "Publisher, date" for links a reader can tell apart."""
    return {str(s): f"{p}, {d}" for s, p, d in
            zip(sources["source_id"], sources["publisher"], sources["date_published"],
                strict=True)}


def ledger_entry(r: dict, symbol: str, labels: dict[str, str] | None = None,
                 extra: str = "") -> str:
    """One verdict laid out for a reviewer: the claim, the verdict and why, the rule, the figures
    in words, the rows it rests on (grouped, linked to the data page), their sources (links),
    and whether the SIPRI vintages agree; a permalink; ``extra`` (its ClaimReview) at the end."""
    cid = str(r["claim_id"])
    verdict = str(r["verdict"])
    css = "v-" + verdict.replace(" ", "-")
    lines = [f"<tr><th scope='row'>Verdict</th><td class='v {html.escape(css)}'>{symbol} "
             f"{html.escape(verdict)}</td></tr>",
             f"<tr><th scope='row'>Why</th><td>{html.escape(str(r.get('reason', '')))}</td></tr>"]
    if _given(r.get("verdict_on_report")):
        lines.append("<tr><th scope='row'>Judged twice</th><td>on the report: "
                     f"{html.escape(str(r['verdict_on_report']))}; on the event: "
                     f"{html.escape(str(r.get('verdict_on_event', '')))}</td></tr>")
    if r.get("rule"):
        lines.append(f"<tr><th scope='row'>Rule</th><td>{html.escape(str(r['rule']))}</td></tr>")
    if r.get("figures"):
        lines.append(f"<tr><th scope='row'>Figures</th><td>{_figures(r['figures'])}</td></tr>")
    if r.get("rows"):
        lines.append(f"<tr><th scope='row'>Rows</th><td>{rows_cell(r['rows'])}</td></tr>")
    if r.get("source_ids"):
        lines.append(_sources_row("Sources", r["source_ids"], labels))
    lines += _then_and_now(r, labels)
    if r.get("vintages"):
        per = "; ".join(f"{html.escape(str(v))}: {html.escape(str(x))}"
                        for v, x in sorted(r["vintages"].items()))
        agree = "agree" if r.get("vintages_agree", True) else "DISAGREE"
        lines.append(f"<tr><th scope='row'>SIPRI vintages</th><td>{agree} ({per})</td></tr>")
    anchor_id = html.escape(claim_anchor(cid))
    return (f"<section id='{anchor_id}'><h2>{html.escape(cid)} · ¶ "
            f"{html.escape(str(r['paragraph']))}: {html.escape(str(r['claim']))}</h2>"
            f"<p class='permalink'><a href='#{anchor_id}'>Permalink to {html.escape(cid)}</a></p>"
            f"<table><tbody>{''.join(lines)}</tbody></table>{extra}</section>")


def _figures(figures: list[dict]) -> str:
    """A verdict's figures in words, as a list."""
    items = "".join(f"<li>{html.escape(str(f['label']))}: {html.escape(str(f['text']))}</li>"
                    for f in figures)
    return f"<ul>{items}</ul>"


def _sources_row(header: str, source_ids: list[str], labels: dict[str, str] | None) -> str:
    """A ledger entry's row of sources, each linked to its entry on the sources page."""
    links = "; ".join(source_link(s, (labels or {}).get(s)) for s in source_ids)
    return f"<tr><th scope='row'>{html.escape(header)}</th><td>{links}</td></tr>"


def _then_and_now(r: dict, labels: dict[str, str] | None = None) -> list[str]:
    """The verdict's dates: as of the story and, for a claim about a state of the world, as of
    the latest evidence (or why it cannot be judged now) with the rows and sources that verdict
    rests on; then the claim's verdict history."""
    out = []
    if _given(r.get("as_of")):
        out.append(f"<tr><th scope='row'>As of</th><td>{html.escape(str(r['as_of']))} (the "
                   "story's day)</td></tr>")
    if _given(r.get("data_as_of")):
        out.append(f"<tr><th scope='row'>Data as of</th><td>{html.escape(str(r['data_as_of']))}"
                   "</td></tr>")
    if r.get("tense") == "state":
        when = (f" as of {html.escape(str(r['as_of_now']))}" if _given(r.get("as_of_now"))
                else "")
        out.append(f"<tr><th scope='row'>Now</th><td>{html.escape(str(r.get('verdict_now')))}"
                   f"{when}: {html.escape(str(r.get('reason_now', '')))}</td></tr>")
        if r.get("rule_now"):
            out.append(f"<tr><th scope='row'>Rule now</th><td>{html.escape(str(r['rule_now']))}"
                       "</td></tr>")
        if r.get("figures_now"):
            out.append(f"<tr><th scope='row'>Figures now</th><td>{_figures(r['figures_now'])}"
                       "</td></tr>")
        if r.get("rows_now"):
            out.append(f"<tr><th scope='row'>Rows now</th><td>{rows_cell(r['rows_now'])}"
                       "</td></tr>")
        if r.get("source_ids_now"):
            out.append(_sources_row("Sources now", r["source_ids_now"], labels))
    if r.get("history"):
        items = "".join(
            f"<li>{html.escape(str(h['date']))}, {html.escape(str(h['verdict']))}: "
            + (f"{html.escape(str(h['from_verdict']))} → " if _given(h.get("from_verdict"))
               else "")
            + f"{html.escape(str(h['to_verdict']))} ({html.escape(str(h['why']))})</li>"
            for h in r["history"])
        out.append(f"<tr><th scope='row'>History</th><td><ul>{items}</ul></td></tr>")
    return out
