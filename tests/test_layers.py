"""The package's architecture, checked: import-linter's contracts (pyproject.toml) hold, a
wrong-way import breaks them and is named, and no module grows past the size a reader can hold."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.contract.paths import ROOT

PACKAGE = ROOT / "src" / "analysis"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
MAX_LINES = 400  # "no module over about 400 lines" (issue 12)


def lint_imports(cwd: Path, src: Path) -> subprocess.CompletedProcess:
    if not LINT_IMPORTS.exists():
        pytest.fail(f"{LINT_IMPORTS} is missing: import-linter is pinned in requirements.lock; "
                    "run `make venv`")
    return subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=cwd, capture_output=True,
                          text=True, env={"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin"},
                          timeout=120)


def lint_with_import_planted(tmp_path: Path, module: str, bad_import: str):
    """import-linter over a copy of the package with ``bad_import`` added to ``module``: its
    result (which must fail) and the lines naming the broken contracts."""
    src = tmp_path / "src"
    shutil.copytree(PACKAGE, src / "analysis", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    target = src / "analysis" / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{bad_import}  # noqa\n",
                      encoding="utf-8")
    result = lint_imports(tmp_path, src)
    assert result.returncode != 0
    return result, [line for line in result.stdout.splitlines() if line.endswith("BROKEN")]


def test_import_contracts_are_kept():
    result = lint_imports(ROOT, ROOT / "src")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(("module", "bad_import", "contract"), [
    ("charts/maps.py", "from analysis.subjects import wagner", "Charts and the report"),
    ("contract/paths.py", "from analysis import sipri", "Layers"),
    ("claims/verdict.py", "from analysis.claims import ledger", "Inside the ledger"),
])
def test_a_wrong_way_import_breaks_a_contract_and_is_named(tmp_path, module, bad_import,
                                                           contract):
    result, broken = lint_with_import_planted(tmp_path, module, bad_import)
    assert any(line.startswith(contract) for line in broken), result.stdout
    assert f"analysis.{module[:-3].replace('/', '.')}" in result.stdout


@pytest.mark.parametrize(("module", "bad_import", "package", "pair"), [
    # build imports execute; execute importing build back is the cycle issue 17 removed
    ("report/execute.py", "from analysis.report import build", "analysis.report",
     (".execute", ".build")),
    ("publish/html.py", "from analysis.publish import render", "analysis.publish",
     (".html", ".render")),
    ("subjects/events.py", "from analysis.subjects import wagner", "analysis.subjects",
     (".events", ".wagner")),
])
def test_two_modules_importing_each_other_break_the_cycle_contract(tmp_path, module, bad_import,
                                                                   package, pair):
    result, broken = lint_with_import_planted(tmp_path, module, bad_import)
    assert [line for line in broken if line.startswith("No cycles")], result.stdout
    assert f"allowed in {package}" in result.stdout, result.stdout
    breakers = result.stdout.split(f"allowed in {package}", 1)[1]
    assert all(name in breakers for name in pair), result.stdout


def test_no_module_is_over_the_size_limit():
    sizes = {p.relative_to(PACKAGE).as_posix(): len(p.read_text(encoding="utf-8").splitlines())
             for p in PACKAGE.rglob("*.py")}
    too_long = {name: n for name, n in sizes.items() if n > MAX_LINES}
    assert not too_long, f"modules over {MAX_LINES} lines (split them by what they do): {too_long}"


def test_every_folder_of_the_package_is_a_layer_of_the_contract():
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    layers = config["tool"]["importlinter"]["contracts"][0]["layers"]
    named = {part.strip() for layer in layers for part in layer.split("|")}
    folders = {f"analysis.{p.name}" for p in PACKAGE.iterdir()
               if p.is_dir() and (p / "__init__.py").exists()}
    modules = {f"analysis.{p.stem}" for p in PACKAGE.glob("*.py")
               if p.stem not in {"__init__", "__main__"}}
    assert folders | modules == named, "every subpackage and top-level module must be a layer"


def test_notebook_names_are_the_modules_themselves():
    """``from analysis.events import X`` and ``analysis.subjects.events`` are one module object,
    for the chart modules' notebook names and for every module of the short-name packages."""
    import analysis
    from analysis import events
    from analysis.subjects import events as real

    assert events is real
    names = dict(analysis.NOTEBOOK_NAMES)
    for package in analysis.SHORT_NAME_PACKAGES:
        for path in (PACKAGE / package).glob("[a-z]*.py"):
            names[path.stem] = f"analysis.{package}.{path.stem}"
    assert {"wagner", "un_votes", "geo", "datapackage"} <= set(names)
    for short, full in names.items():
        __import__(full)
        assert getattr(analysis, short) is sys.modules[full]


def test_an_unknown_short_name_is_an_attribute_error():
    import analysis

    with pytest.raises(AttributeError, match="no attribute 'nonesuch'"):
        analysis.nonesuch  # noqa: B018
    with pytest.raises(ModuleNotFoundError):
        __import__("analysis.nonesuch")
