"""The web's own validators over every page of the site: the Nu HTML Checker (vnu.jar) finds no
error and axe-core (WCAG 2.0/2.1 A and AA, and best practice), run in the project's headless
Chromium through puppeteer-core, finds no violation. Both run once over all pages, plus a canary
page each must fault, so that a validator that silently checks nothing cannot pass.

The tools come from the committed ``package.json``/``package-lock.json``: ``make node_modules``
(which ``make test`` runs) installs them with ``npm ci --ignore-scripts``, the browser included
(``@sparticuz/chromium``, see tests/browser.py); no system browser, no apt step. Java is the
machine's (17 or later; Debian: ``apt-get install default-jre-headless``). A missing tool fails
these tests, saying how to install it: they never skip. Pages are opened from ``file://`` and
every request that is not ``file:`` or ``data:`` is blocked and reported.
"""

import json
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from browser import NODE_MODULES, NPM_HOW, ROOT, node_json
from browser import need as _need

pytestmark = pytest.mark.slow

VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
CANARY = ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>canary</title>"
          "</head><body><main><h1>canary</h1>"
          "<style scoped>.x{color:red}</style>"
          "<table><thead><tr><th></th><th>a</th></tr></thead><tbody><tr><th>b</th><td>1</td>"
          "</tr></tbody></table><p style='color:#b0b0b0'>faint text</p>"
          "<img src='http://127.0.0.1:9/x.png' alt='remote'></main></body></html>\n")


def _pages(site: Path) -> list[Path]:
    pages = sorted(site.glob("*.html"))
    kinds = {p.name for p in pages}
    assert {"index.html", "ledger.html"} <= kinds, kinds
    assert any(p.name.endswith(".editors.html") for p in pages)
    assert any("--" in p.name for p in pages)  # a parameterised run's page
    return pages


@pytest.fixture(scope="module")
def canary(tmp_path_factory) -> Path:
    page = tmp_path_factory.mktemp("canary") / "canary.html"
    page.write_text(CANARY, encoding="utf-8")
    return page


def test_nu_html_checker_finds_no_error_on_any_page(rendered_site, canary):
    java = shutil.which("java")
    _need(java is not None, "java is not installed: `apt-get install default-jre-headless` "
          "(Debian; .ci/run does it as root) to run the Nu HTML Checker")
    _need(VNU_JAR.is_file(), f"{VNU_JAR.relative_to(ROOT)} is missing: {NPM_HOW}")
    pages = _pages(rendered_site)
    proc = subprocess.run([java, "-Xss8m", "-jar", str(VNU_JAR), "--errors-only", "--format",
                           "json", "--exit-zero-always", *map(str, pages), str(canary)],
                          capture_output=True, text=True, timeout=600, check=False)
    _need(proc.returncode == 0, f"vnu.jar did not run (exit {proc.returncode}): "
          f"{proc.stderr[-2000:]}")
    messages = json.loads(proc.stderr or proc.stdout)["messages"]
    errors = Counter()
    for m in messages:
        if m.get("type") == "error" or m.get("subType") == "fatal":
            errors[(Path(m.get("url", "?")).name, m.get("message", ""))] += 1
    assert any(page == canary.name for page, _ in errors), "vnu.jar found nothing on the canary"
    found = {k: n for k, n in errors.items() if k[0] != canary.name}
    assert not found, "Nu HTML Checker errors:\n" + "\n".join(
        f"  {n} x {page}: {msg}" for (page, msg), n in sorted(found.items()))


def test_axe_core_finds_no_violation_on_any_page(rendered_site, canary):
    pages = _pages(rendered_site)
    report = node_json("axe.mjs", *map(str, pages), str(canary), timeout=900)["pages"]
    seen = report.pop(str(canary))
    rules = {v["id"] for v in seen["violations"]}
    assert {"empty-table-header", "color-contrast"} <= rules, rules
    assert seen["blocked"] == ["http://127.0.0.1:9/x.png"], seen["blocked"]
    problems = []
    for page, result in sorted(report.items()):
        name = Path(page).name
        for v in result["violations"]:
            targets = "; ".join(n["target"] for n in v["nodes"][:3])
            problems.append(f"  {name}: {v['id']} ({v['impact']}) x {len(v['nodes'])}: "
                            f"{v['help']} e.g. {targets}")
        problems += [f"  {name}: requested {url} (blocked)" for url in result["blocked"]]
    assert not problems, "axe-core violations:\n" + "\n".join(problems)
