"""The rendered site in a real browser: headless Chromium opens every page from file://, and
each must paint something, log nothing to the console and request nothing from the network.

Pages are rendered from the committed executed notebooks (no kernel needed). A canary page with
a script error and a remote image proves the checks can fail. Skips, saying why, where
Chromium is absent (.ci/run installs Debian's `chromium`)."""

import json
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from analysis.publish import pages as site_pages

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def chromium_is_there():
    """A missing browser fails these tests, saying how to install it: it never skips them."""
    if CHROMIUM is None:
        pytest.fail("Chromium is not installed: `apt-get install chromium` (Debian; .ci/run "
                    "installs it in CI)")
# Flags that keep Chromium's own background traffic down; what remains carries no page
# initiator and is told apart below.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--enable-logging=stderr", "--v=0", "--window-size=1100,1400"]


def open_page(page: Path, work: Path) -> dict:
    """Load ``page`` from file:// and return its screenshot, console lines and requests."""
    work.mkdir(parents=True, exist_ok=True)
    shot, netlog = work / f"{page.stem}.png", work / f"{page.stem}.netlog.json"
    proc = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={work / 'profile'}", f"--screenshot={shot}",
         f"--log-net-log={netlog}", page.resolve().as_uri()],
        capture_output=True, text=True, timeout=120, check=False)
    console = [ln for ln in proc.stderr.splitlines() if ":CONSOLE" in ln]
    log = json.loads(netlog.read_text(encoding="utf-8"))
    kinds = {v: k for k, v in log["constants"]["logEventTypes"].items()}
    starts = [e.get("params", {}) for e in log["events"]
              if kinds.get(e["type"]) == "URL_REQUEST_START_JOB"]
    requests = [p["url"] for p in starts
                if p.get("initiator") != "not an origin"  # the browser's own traffic
                and p.get("url", "").startswith(("http:", "https:", "ws:", "wss:", "ftp:"))]
    return {"shot": shot, "console": console, "requests": requests, "rc": proc.returncode}


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
    seen = open_page(page, tmp_path / "out")
    assert any("undefinedFunction" in ln for ln in seen["console"])
    assert seen["requests"] == ["http://127.0.0.1:9/x.png"]


def test_every_page_paints_logs_nothing_and_stays_offline(site, tmp_path):
    pages = sorted(site.glob("*.html"))
    assert len(pages) >= 3  # index and at least one notebook in two versions
    # Each page in its own browser and profile, two at a time (a launch mostly waits).
    with ThreadPoolExecutor(max_workers=2) as pool:
        seen_all = list(pool.map(lambda page: open_page(page, tmp_path / page.stem), pages))
    for page, seen in zip(pages, seen_all, strict=True):
        assert seen["shot"].exists(), f"{page.name}: no screenshot (exit {seen['rc']})"
        assert painted_share(seen["shot"]) > 0.01, f"{page.name}: blank screenshot"
        assert seen["console"] == [], f"{page.name}: console output {seen['console']}"
        assert seen["requests"] == [], f"{page.name}: network requests {seen['requests']}"


def test_hostile_text_from_data_renders_as_text_in_the_browser(tmp_path):
    """A claim or evidence holding markup is shown, not run: the scripts would log if run."""
    rows = [{"claim_id": "c01", "paragraph": 1, "verdict": "supported",
             "claim": "<script>console.error('ran-script')</script>",
             "evidence": "<img src=x onerror=\"console.error('ran-onerror')\">"}]
    site_pages.write_pages(tmp_path, [], rows)
    for page in ("index.html", "ledger.html"):
        seen = open_page(tmp_path / page, tmp_path / f"out-{page}")
        assert seen["console"] == [], seen["console"]
        assert painted_share(seen["shot"]) > 0.002  # a short page: a title and one row
    dom = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'p2'}", "--dump-dom",
                          (tmp_path / "ledger.html").as_uri()],
                         capture_output=True, text=True, timeout=120, check=False).stdout
    assert "&lt;script&gt;console.error('ran-script')&lt;/script&gt;" in dom
