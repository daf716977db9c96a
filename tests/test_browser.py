"""The rendered site in a real browser: the project's headless Chromium (pinned in
package-lock.json, see tests/browser.py) opens every page from file://, and each must paint
something, log nothing to the console and request nothing from the network.

Pages are rendered from the committed executed notebooks (no kernel needed). A canary page with
a script error and a remote image proves the checks can fail. A missing browser, Node or npm
package fails these tests, saying how to get it: they never skip."""

from pathlib import Path

import pytest
from browser import browse, browser

from analysis.publish import pages as site_pages

pytestmark = pytest.mark.slow


def test_the_browser_is_the_one_pinned_in_the_lock():
    """Unless CHROME_PATH names another, the tests run the Chromium of package-lock.json,
    unpacked inside the project under a folder named by its version."""
    import json
    import os

    from analysis.contract.paths import ROOT

    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    pinned = lock["packages"]["node_modules/@sparticuz/chromium"]
    assert pinned["integrity"].startswith("sha512-")
    found = browser()
    if os.environ.get("CHROME_PATH"):
        assert found["source"] == "CHROME_PATH"
        return
    assert found["source"] == f"@sparticuz/chromium {pinned['version']}"
    where = Path(found["executablePath"])
    assert where.parent == ROOT / "node_modules" / ".cache" / "chromium" / pinned["version"]
    assert found["version"].startswith("Chromium "), found


def painted_share(shot: Path) -> float:
    """Share of pixels that are not (near) white."""
    from PIL import Image

    with Image.open(shot) as im:
        grey = im.convert("L")
        hist = grey.histogram()
    return 1 - sum(hist[245:]) / sum(hist)


@pytest.fixture(scope="module")
def site(rendered_site):
    """The site's pages, rendered from the committed executed notebooks (see conftest)."""
    return rendered_site


def test_canary_page_with_a_script_error_and_a_remote_image_is_caught(tmp_path):
    page = tmp_path / "canary.html"
    page.write_text("<!DOCTYPE html><html><body><h1>canary</h1>"
                    "<img src='http://127.0.0.1:9/x.png'>"
                    "<script>undefinedFunction();</script></body></html>")
    seen = browse([page], tmp_path / "out")["canary.html"]
    assert any("undefinedFunction" in ln for ln in seen["console"]), seen["console"]
    assert seen["requests"] == ["http://127.0.0.1:9/x.png"]
    assert painted_share(Path(seen["shot"])) > 0  # the heading was drawn


def test_every_page_paints_logs_nothing_and_stays_offline(site, tmp_path):
    pages = sorted(site.glob("*.html"))
    assert len(pages) >= 3  # index and at least one notebook in two versions
    seen_all = browse(pages, tmp_path / "shots")
    for page in pages:
        seen = seen_all[page.name]
        assert Path(seen["shot"]).exists(), f"{page.name}: no screenshot"
        assert painted_share(Path(seen["shot"])) > 0.01, f"{page.name}: blank screenshot"
        assert seen["console"] == [], f"{page.name}: console output {seen['console']}"
        assert seen["requests"] == [], f"{page.name}: network requests {seen['requests']}"
        misplaced = [c for c in seen["chartLinks"] if not c["below"] or c["width"] < 300]
        assert not misplaced, f"{page.name}: chart download links not under their chart"


def test_hostile_text_from_data_renders_as_text_in_the_browser(tmp_path):
    """A claim or evidence holding markup is shown, not run: the scripts would log if run."""
    rows = [{"claim_id": "c01", "paragraph": 1, "verdict": "supported",
             "claim": "<script>console.error('ran-script')</script>",
             "evidence": "<img src=x onerror=\"console.error('ran-onerror')\">"}]
    site_pages.write_pages(tmp_path, [], rows)
    seen = browse([tmp_path / "index.html", tmp_path / "ledger.html"], tmp_path / "out",
                  dom=True)
    for page in ("index.html", "ledger.html"):
        assert seen[page]["console"] == [], seen[page]["console"]
        assert painted_share(Path(seen[page]["shot"])) > 0.002  # a title and one row
    assert "&lt;script&gt;console.error('ran-script')&lt;/script&gt;" in seen["ledger.html"]["dom"]


@pytest.mark.parametrize("kind", ["html", "editors.html"])
def test_chart_download_links_sit_under_their_chart(site, tmp_path, kind):
    """The links the build adds under each chart (publish/downloads.py) are drawn below it at
    full width, in both forms of a notebook page (nbconvert lays an output out as a flex row)."""
    import re

    from analysis.publish import downloads

    page = site / f"01-arms-share.{kind}"
    text = page.read_text(encoding="utf-8")
    images = re.findall(r'src="data:image/png;base64,([^"]+)"', text)
    assert images
    charts = {re.sub(r"\s+", "", b64): f"chart-{i}" for i, b64 in enumerate(images)}
    linked, missing = downloads.link_charts(text, charts, page.name)
    assert missing == 0
    (tmp_path / page.name).write_text(linked, encoding="utf-8")
    seen = browse([tmp_path / page.name], tmp_path / "shots")[page.name]
    assert len(seen["chartLinks"]) == len(images)
    assert all(c["below"] and c["width"] >= 300 for c in seen["chartLinks"]), seen["chartLinks"]


def test_the_ledger_and_the_map_read_on_a_phone_without_scrolling_sideways(site, tmp_path):
    """At a phone's width (390 px) each claim of the ledger is a block of its own (paragraph,
    claim, verdict, why, sources, each named), not a row of five columns to scroll across;
    the then-and-now table likewise; and the tile map of Africa fits the screen, its east
    coast included. Wider screens keep the table."""
    pages = [site / "index.html", site / "ledger.html"]
    phone = browse(pages, tmp_path / "phone", width=390, dom=True)
    index = phone["index.html"]["dom"].replace('"', "'")
    assert "class='tiles'" in index and "data-label='Paragraph'" in index
    for name in ("index.html", "ledger.html"):
        ledgers = [t for t in phone[name]["wideTables"]
                   if t["first"] in ("¶", "Claim") or t["kind"] == "tiles"]
        assert ledgers == [], f"{name}: {ledgers}"
    desktop = browse(pages, tmp_path / "desktop", width=1100)
    assert all(seen["wideTables"] == [] for seen in desktop.values()), desktop
