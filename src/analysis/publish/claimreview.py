"""The ledger for machines: a schema.org ``ClaimReview`` (JSON-LD) per checked claim, in that
claim's entry on the ledger page, and the whole ledger as ``ledger.json``.

Each ClaimReview has the fields the tools that collect fact-checks require (schema.org's and
Google's ClaimReview guidance): ``claimReviewed`` (the claim as the ledger words it),
``reviewRating`` (the verdict as ``alternateName`` on a numeric scale, :data:`SCALE`),
``itemReviewed`` (a ``Claim`` whose ``appearance`` is the story, with the story's author and
date from ``data/sources.csv``), ``author`` (the package's authors, from ``CITATION.cff``),
``datePublished`` (the date of the commit the site was built from) and ``url``, the claim's
permalink on the ledger page (relative: the site is published from wherever it is put, so
the page's own address is the base). A claim the data cannot check gets no ClaimReview.
"""

import html
import json

from analysis.publish.layout import SiteInfo

# The verdicts on a numeric scale, worst to best; "not checkable" is no rating.
SCALE = {"not supported": 1, "partly supported": 2, "supported": 3}
UNRATED = {"not checkable"}
LEDGER_PAGE = "ledger.html"
LEDGER_JSON = "ledger.json"


class ClaimReviewError(ValueError):
    """A verdict with no place on the scale, or a story without the facts a review needs."""


def story_facts(sources, source_id: str) -> dict:
    """The reviewed story's headline, publisher and date: its row of ``data/sources.csv``."""
    by_id = sources.set_index("source_id")
    if source_id not in by_id.index:
        raise ClaimReviewError(f"data/sources.csv: no row {source_id!r} (the story)")
    row = by_id.loc[source_id]
    facts = {"headline": str(row["title"]), "publisher": str(row["publisher"]),
             "datePublished": str(row["date_published"])}
    url = row.get("url")
    if url is not None and str(url) not in ("", "nan", "None", "<NA>"):
        facts["url"] = str(url)
    return facts


def is_checked(row: dict) -> bool:
    return str(row["verdict"]) not in UNRATED


def claim_review(row: dict, story: dict, info: SiteInfo, anchor: str) -> dict:
    """The ClaimReview of one checked claim (a dict ready for JSON-LD)."""
    verdict = str(row["verdict"])
    if verdict not in SCALE:
        raise ClaimReviewError(f"claim {row['claim_id']}: verdict {verdict!r} has no rating "
                               f"(known: {', '.join(SCALE)})")
    publisher = {"@type": "Organization", "name": story["publisher"]}
    appearance = {"@type": "NewsArticle", "headline": story["headline"],
                  "datePublished": story["datePublished"], "publisher": publisher,
                  "author": publisher}
    if "url" in story:
        appearance["url"] = story["url"]
    url = f"{LEDGER_PAGE}#{anchor}"
    return {
        "@context": "https://schema.org", "@type": "ClaimReview", "@id": url, "url": url,
        "claimReviewed": str(row["claim"]),
        "datePublished": info.commit_date or story["datePublished"],
        "author": [{"@type": "Organization", "name": a} for a in info.authors],
        "reviewRating": {"@type": "Rating", "ratingValue": SCALE[verdict],
                         "worstRating": min(SCALE.values()), "bestRating": max(SCALE.values()),
                         "alternateName": verdict,
                         "ratingExplanation": str(row.get("reason") or "")},
        "itemReviewed": {"@type": "Claim", "author": publisher,
                         "datePublished": story["datePublished"],
                         "appearance": appearance,
                         "firstAppearance": appearance},
    }


def script(review: dict) -> str:
    """The JSON-LD ``<script>`` element; ``<``, ``>`` and ``&`` escaped as JSON allows, so that
    no text from data can close the element."""
    text = json.dumps(review, ensure_ascii=False, sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f"<script type='application/ld+json'>{text}</script>"


def ledger_json(rows: list[dict], story: dict, info: SiteInfo) -> str:
    """The ledger as published JSON: every claim's record, the scale, the story, the build."""
    doc = {"story": story, "scale": SCALE, "commit": info.commit,
           "commit_date": info.commit_date, "citation": info.citation,
           "licences": [{"what": w, "licence": lic} for w, lic in info.licences],
           "claims": rows}
    return json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True, default=str) + "\n"


def json_link() -> str:
    return (f"<p><a href='{html.escape(LEDGER_JSON)}'>The ledger as JSON</a> "
            "(every claim, verdict, rule, figure, row and source) · each checked claim also "
            "carries a schema.org ClaimReview in its entry.</p>")
