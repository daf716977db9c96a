"""The ledger for people and machines: rows grouped and compact and linked to the data page;
each checked claim a permalink and a complete schema.org ClaimReview (the fields the tools
that collect fact-checks require) whose url resolves to its anchor; the ledger as JSON."""

import json
import re

import pytest

from analysis.claims.ledger import ledger_records
from analysis.publish import claimreview, evidence
from analysis.publish.layout import SiteInfo

LD = re.compile(r"<script type='application/ld\+json'>(.*?)</script>", re.S)


@pytest.fixture(scope="module")
def records():
    return ledger_records()


def _reviews(site) -> list[dict]:
    return [json.loads(t) for t in LD.findall((site / "ledger.html").read_text("utf-8"))]


def test_every_checked_claim_has_one_complete_claimreview(rendered_site, records):
    reviews = _reviews(rendered_site)
    checked = [r for r in records if r["verdict"] != "not checkable"]
    assert len(reviews) == len(checked) > 20
    ledger = (rendered_site / "ledger.html").read_text("utf-8")
    ids = set(re.findall(r"id='([^']+)'", ledger))
    sources = json.loads((rendered_site / "ledger.json").read_text("utf-8"))["story"]
    for r, cr in zip(checked, reviews, strict=True):
        assert cr["@context"] == "https://schema.org" and cr["@type"] == "ClaimReview"
        assert cr["claimReviewed"] == r["claim"]
        page, anchor = cr["url"].split("#")
        assert page == "ledger.html" and anchor in ids and anchor == f"claim-{r['claim_id']}"
        rating = cr["reviewRating"]
        assert rating["@type"] == "Rating" and rating["alternateName"] == r["verdict"]
        assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
        assert rating["ratingValue"] == claimreview.SCALE[r["verdict"]]
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", cr["datePublished"])
        assert cr["author"] and all(a["@type"] == "Organization" and a["name"]
                                    for a in cr["author"])
        item = cr["itemReviewed"]
        assert item["@type"] == "Claim" and item["datePublished"] == "2023-02-06"
        assert item["author"]["name"] == "The New York Times"
        assert item["appearance"]["headline"] == sources["headline"]
        # inside the claim's own section
        section = re.search(rf"<section id='{anchor}'>(.*?)</section>", ledger, re.S).group(1)
        assert cr["claimReviewed"] in json.dumps(_reviews_in(section), ensure_ascii=False)
        assert f"href='#{anchor}'" in section  # the permalink


def _reviews_in(section: str) -> list[dict]:
    return [json.loads(t) for t in LD.findall(section)]


def test_ledger_json_is_published_with_every_claim(rendered_site, records):
    doc = json.loads((rendered_site / "ledger.json").read_text("utf-8"))
    assert [c["claim_id"] for c in doc["claims"]] == [r["claim_id"] for r in records]
    assert doc["scale"] == claimreview.SCALE and doc["commit"] and doc["citation"]
    assert doc["story"]["publisher"] == "The New York Times"


def test_an_unknown_verdict_and_a_missing_story_are_named():
    row = {"claim_id": "c99", "claim": "x", "verdict": "half true"}
    story = {"headline": "h", "publisher": "p", "datePublished": "2023-02-06"}
    with pytest.raises(claimreview.ClaimReviewError, match="c99: verdict 'half true'"):
        claimreview.claim_review(row, story, SiteInfo(), "claim-c99")
    import pandas as pd

    with pytest.raises(claimreview.ClaimReviewError, match="no row 'nyt'"):
        claimreview.story_facts(pd.DataFrame({"source_id": ["x"]}), "nyt")


def test_markup_in_a_claim_cannot_close_the_json_ld_script():
    row = {"claim_id": "c1", "claim": "</script><script>alert(1)</script>",
           "verdict": "supported"}
    story = {"headline": "h", "publisher": "p", "datePublished": "2023-02-06"}
    out = claimreview.script(claimreview.claim_review(row, story, SiteInfo(), "claim-c1"))
    assert out.count("</script>") == 1 and "<script>alert" not in out
    assert json.loads(LD.search(out).group(1))["claimReviewed"] == row["claim"]


def test_the_rows_of_c14_are_grouped_compact_and_linked(rendered_site, records):
    c14 = next(r for r in records if r["claim_id"] == "c14")
    assert len(c14["rows"]) > 40
    cell = evidence.rows_cell(c14["rows"])
    line = re.search(r"<li><a href='data.html#table-unga_votes'><code>unga_votes</code></a>: "
                     r"(\d+) rows; resolution: A/RES/ES-11/1 and A/RES/ES-11/4; iso3: (\d+) "
                     r"values<details>", cell)
    assert line, cell[:400]
    assert int(line.group(1)) == sum(r["table"] == "unga_votes" for r in c14["rows"])
    ledger = (rendered_site / "ledger.html").read_text("utf-8")
    assert "<div class='scroll'" in ledger or "<details>" in ledger
    assert "data.html#table-unga_votes" in ledger
    few = evidence.rows_cell([{"table": "events", "key": "a"}, {"table": "events", "key": "b"}])
    assert few == ("<ul class='rows'><li><a href='data.html#table-events'><code>events</code>"
                   "</a>: a; b</li></ul>")
    assert "<li>resolution A/RES/ES-11/4: iso3 BDI, BFA," in cell  # the folded list, grouped
