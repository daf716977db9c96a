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
