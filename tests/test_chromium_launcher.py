"""tests/js/chromium.mjs, the launcher of the project's own Chromium: two processes unpacking at
once end with one binary and no leftovers, and each way it cannot give a browser says why."""

import json
import subprocess

import pytest
from browser import JS, NODE_MODULES, node

from analysis.contract.paths import ROOT

pytestmark = pytest.mark.slow
LAUNCHER = (JS / "chromium.mjs").as_uri()


def resolve_in(root, options: str = "", env: dict | None = None) -> subprocess.Popen:
    code = (f"import {{ resolveBrowser }} from {json.dumps(LAUNCHER)};\n"
            f"try {{ console.log(JSON.stringify(await resolveBrowser({{ root: "
            f"{json.dumps(str(root))}{options} }}))); }}\n"
            "catch (e) { console.error(e.message); process.exit(2); }\n")
    return subprocess.Popen([node(), "--input-type=module", "-e", code], cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={"PATH": "/usr/bin:/bin", **(env or {})})


def fake_project(tmp_path):
    """A project folder whose node_modules holds the locked package (linked, not copied)."""
    root = tmp_path / "project"
    (root / "node_modules" / "@sparticuz").mkdir(parents=True)
    (root / "package.json").write_text("{}", encoding="utf-8")
    (root / "node_modules" / "@sparticuz" / "chromium").symlink_to(
        NODE_MODULES / "@sparticuz" / "chromium")
    return root


def test_two_runs_unpacking_at_once_share_one_binary(tmp_path):
    root = fake_project(tmp_path)
    procs = [resolve_in(root) for _ in range(2)]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err for _, err in outs]
    found = [json.loads(out) for out, _ in outs]
    assert found[0] == found[1]
    cache = root / "node_modules" / ".cache" / "chromium"
    version = json.loads((NODE_MODULES / "@sparticuz" / "chromium" / "package.json")
                         .read_text(encoding="utf-8"))["version"]
    assert [p.name for p in cache.iterdir()] == [version]  # the loser's copy is gone
    assert found[0]["executablePath"] == str(cache / version / "chromium")
    assert found[0]["version"].startswith("Chromium ")


def test_a_machine_the_package_has_no_binary_for_is_told_to_set_chrome_path(tmp_path):
    proc = resolve_in(fake_project(tmp_path), ', platform: "darwin", arch: "arm64"')
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 2
    assert "Linux x64 only; this is darwin-arm64: set CHROME_PATH" in err


def test_chrome_path_that_is_not_a_browser_is_named(tmp_path):
    bad = tmp_path / "not-a-browser"
    bad.write_text("", encoding="utf-8")
    proc = resolve_in(fake_project(tmp_path), f", env: {{ CHROME_PATH: {json.dumps(str(bad))} }}")
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 2
    assert f"CHROME_PATH={bad} is not an executable file" in err


def test_a_project_without_the_npm_package_is_told_how_to_get_it(tmp_path):
    root = tmp_path / "bare"
    root.mkdir()
    (root / "package.json").write_text("{}", encoding="utf-8")
    missing = resolve_in(root)
    _, err = missing.communicate(timeout=60)
    assert missing.returncode == 2
    assert "node_modules/@sparticuz/chromium is missing: run `make node_modules`" in err
