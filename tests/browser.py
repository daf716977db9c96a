"""The tests' way into the project's own headless Chromium and the npm tools around it.

The browser is the Chromium inside the npm package ``@sparticuz/chromium``, pinned with its
integrity hash in ``package-lock.json`` and installed by the ``npm ci`` that ``make test``
runs; ``tests/js/chromium.mjs`` unpacks it on first use into
``node_modules/.cache/chromium/<version>/`` (or uses ``CHROME_PATH``). No system browser and no
apt step. Anything missing fails the test that needs it, saying how to get it: never a skip.
"""

import functools
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from analysis.contract.paths import ROOT

NODE_MODULES = ROOT / "node_modules"
JS = ROOT / "tests" / "js"
NPM_HOW = "run `make node_modules` (npm ci from the committed package-lock.json)"


def need(condition: bool, message: str) -> None:
    """Fail (never skip) the calling test with ``message`` unless ``condition``."""
    if not condition:
        pytest.fail(message, pytrace=False)


def node() -> str:
    path = shutil.which("node")
    need(path is not None, "node is not installed: install Node.js 18 or later with npm "
         "(Debian: `apt-get install nodejs npm`)")
    for package in ("puppeteer-core", "axe-core", "@sparticuz/chromium"):
        need((NODE_MODULES / package / "package.json").is_file(),
             f"node_modules/{package} is missing: {NPM_HOW}")
    return path


def run_node(script: str, *args: str, timeout: float = 600,
             env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([node(), str(JS / script), *args], capture_output=True, text=True,
                          timeout=timeout, check=False, cwd=ROOT,
                          env={**os.environ, **(env or {})})


def node_json(script: str, *args: str, timeout: float = 600) -> dict:
    """Run ``tests/js/<script>`` and return the JSON it printed; a failure names its reason."""
    proc = run_node(script, *args, timeout=timeout)
    need(proc.returncode == 0, f"{script} did not run (exit {proc.returncode}): "
         f"{proc.stderr.strip()[-2000:]}")
    return json.loads(proc.stdout)


@functools.cache
def browser() -> dict:
    """``{executablePath, version, source, env}`` of the browser the tests use."""
    return node_json("chromium.mjs", timeout=300)


def browse(pages: list[Path], out: Path, *, width: int = 1100, dom: bool = False,
           full_page: bool = False) -> dict[str, dict]:
    """Open ``pages`` (file://) and return, per page path, its screenshot, console lines,
    refused network requests and (``dom``) its DOM after load."""
    args = ["--out", str(out), "--width", str(width)]
    args += ["--dom"] if dom else []
    args += ["--full-page"] if full_page else []
    report = node_json("browse.mjs", *args, *map(str, pages), timeout=900)
    return {Path(k).name: v for k, v in report["pages"].items()}
