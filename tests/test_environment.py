"""The pip lock and the conda environment name the same versions."""

import re

import pytest

from analysis.contract.envfile import (
    current_environment,
    direct_dependencies,
    read_lock,
    render_environment,
)
from analysis.contract.paths import ROOT


def test_environment_yml_matches_lock():
    committed = (ROOT / "environment.yml").read_text(encoding="utf-8")
    assert committed == current_environment(), "environment.yml is stale: run `make env`"


def test_environment_yml_pins_every_direct_dependency_at_lock_version():
    pins = read_lock((ROOT / "requirements.lock").read_text(encoding="utf-8"))
    text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    conda = dict(re.findall(r"^  - ([a-z0-9-]+)==(\S+)$", text, flags=re.M))
    for dep in direct_dependencies():
        name = {"matplotlib": "matplotlib-base"}.get(dep, dep)
        assert conda.get(name) == pins[dep], f"{dep}: conda {conda.get(name)} vs pip {pins[dep]}"


def test_read_lock_rejects_a_loose_pin():
    with pytest.raises(ValueError, match="'pandas>=2' is not an exact pin"):
        read_lock("pandas>=2\n")


def test_render_environment_names_a_dependency_missing_from_the_lock():
    with pytest.raises(ValueError, match=r"no pin for \['nbval'\]"):
        render_environment("pandas==3.1.1\n", ["pandas", "nbval"])


def test_installed_versions_are_the_locked_ones():
    from importlib.metadata import version

    pins = read_lock((ROOT / "requirements.lock").read_text(encoding="utf-8"))
    for dep in direct_dependencies():
        assert version(dep) == pins[dep], f"{dep} installed {version(dep)}, locked {pins[dep]}"


def test_read_lock_reads_hashed_pins_and_rejects_other_options():
    digest = "a" * 64
    text = f"six==1.17.0 \\\n    --hash=sha256:{digest} \\\n    --hash=sha256:{'b' * 64}\n"
    text += "    # via python-dateutil\n"
    assert read_lock(text) == {"six": "1.17.0"}
    with pytest.raises(ValueError, match="'--index-url=x' is not a --hash"):
        read_lock(f"six==1.17.0 --hash=sha256:{digest} --index-url=x\n")


def test_every_locked_pin_carries_a_hash():
    # `make venv` installs with --require-hashes: one unhashed pin would fail the bootstrap.
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    blocks = re.split(r"\n(?=[A-Za-z0-9])", re.sub(r"(?m)^\s*#.*\n", "", text).strip())
    unhashed = [b.split()[0] for b in blocks if "--hash=sha256:" not in b]
    assert not unhashed, f"pins without hashes: {unhashed}"
    assert len(blocks) == len(read_lock(text))


def test_lock_pins_the_build_backend_of_pyproject():
    # The editable install runs without build isolation on the locked setuptools.
    import tomllib

    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (backend,) = pyproject["build-system"]["requires"]
    name, version = backend.split("==")
    assert read_lock((ROOT / "requirements.lock").read_text(encoding="utf-8"))[name] == version
    assert pyproject["dependency-groups"]["build"] == [backend]


@pytest.mark.parametrize("module", ["pandas", "matplotlib.pyplot", "ipykernel.kernelapp"])
def test_the_venv_ships_compiled_bytecode(module):
    """`make venv` compiles what it installs (uv does not by default; pip does): every notebook
    kernel imports pandas and matplotlib cold, and without .pyc files each one compiles them
    again (or writes nothing at all under PYTHONDONTWRITEBYTECODE)."""
    import importlib
    import importlib.util
    from pathlib import Path

    source = Path(importlib.import_module(module).__file__)
    assert Path(importlib.util.cache_from_source(str(source))).is_file(), source
