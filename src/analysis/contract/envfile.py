"""environment.yml (conda-forge) generated from requirements.lock, so the two cannot drift.

The direct dependencies of ``pyproject.toml`` are pinned to the lock's versions; conda-forge
resolves their own dependencies. ``python -m analysis env --write`` rewrites the file;
``tests/test_environment.py`` fails when the committed file differs from what this renders.
"""

import re
import tomllib
from pathlib import Path

from analysis.contract.paths import ROOT

# conda-forge names that differ from PyPI's. matplotlib-base is matplotlib without the Qt GUI.
CONDA_NAMES = {"matplotlib": "matplotlib-base"}
PYTHON_SERIES = "3.11"  # the interpreter this project is tested on


def read_lock(text: str) -> dict[str, str]:
    """``name==version`` lines to a dict keyed by normalised name.

    The lock is pip's requirements format as ``uv pip compile --generate-hashes`` writes it: a
    pin may carry ``--hash=sha256:...`` options, continued over lines ending in a backslash.
    Any other option or specifier is refused.

    >>> read_lock("Pandas==3.1.1\\n# comment\\nnbval==0.11.0\\n")
    {'pandas': '3.1.1', 'nbval': '0.11.0'}
    >>> read_lock("six==1.17.0 \\\\\\n    --hash=sha256:" + "0" * 64 + "\\n    # via x\\n")
    {'six': '1.17.0'}
    """
    pins = {}
    for line in re.sub(r"\\[ \t]*\n", " ", text).splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        pin, *options = line.split()
        m = re.fullmatch(r"([A-Za-z0-9_.\-]+)==([^\s;]+)", pin)
        if not m:
            raise ValueError(f"requirements.lock: {line!r} is not an exact pin (name==version)")
        bad = [o for o in options if not re.fullmatch(r"--hash=sha256:[0-9a-f]{64}", o)]
        if bad:
            raise ValueError(f"requirements.lock: {m[1]}: {bad[0]!r} is not a --hash=sha256:...")
        pins[normalise(m[1])] = m[2]
    return pins


def normalise(name: str) -> str:
    """PEP 503 normalised project name."""
    return re.sub(r"[-_.]+", "-", name).lower()


def direct_dependencies(pyproject: Path = ROOT / "pyproject.toml") -> list[str]:
    """Names of the project's direct dependencies, normalised."""
    deps = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["dependencies"]
    return [normalise(re.split(r"[<>=!~;\[ ]", d, maxsplit=1)[0]) for d in deps]


def render_environment(lock_text: str, deps: list[str]) -> str:
    """The text of environment.yml for these pins."""
    pins = read_lock(lock_text)
    missing = [d for d in deps if d not in pins]
    if missing:
        raise ValueError(f"requirements.lock has no pin for {missing}: run `make env` after "
                         "adding them to the lock")
    lines = [
        "# Generated from requirements.lock by `make env`; do not edit by hand.",
        "# Same versions as the pip route (tests/test_environment.py checks it).",
        "name: lavrov-mali",
        "channels:",
        "  - conda-forge",
        "  - nodefaults",
        "dependencies:",
        f"  - python={PYTHON_SERIES}",
        "  - pip",
    ]
    lines += [f"  - {CONDA_NAMES.get(d, d)}=={pins[d]}" for d in sorted(deps)]
    lines += ["  - pip:", "      - -e ."]
    return "\n".join(lines) + "\n"


def current_environment() -> str:
    """environment.yml as the committed lock and pyproject.toml say it should read."""
    lock = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    return render_environment(lock, direct_dependencies())
