"""Time `make venv` from scratch against `python -m venv X && X/bin/pip install -r` of its lock.

    .venv/bin/python benchmarks/bench_bootstrap.py

Each run starts from nothing it could reuse: the Makefile, pyproject.toml, both locks, README.md
and src/ are copied into a temporary folder (no .venv, no .tools, so uv itself is installed from
PyPI as on a fresh clone), and every cache a run could read is a new empty folder: UV_CACHE_DIR,
PIP_CACHE_DIR and MPLCONFIGDIR. Both routes download from PyPI and check every hash
(requirements.lock has them, so pip runs in hash-checking mode too). `make venv` does more than
the baseline: it also installs uv, the package itself (editable) and builds matplotlib's font
cache; all of that is inside its time. Informational extra rows: `make venv` with uv already
installed (empty uv cache), and with uv's cache warm. Needs network access to PyPI.
"""

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from machine import cpu_model

ROOT = Path(__file__).resolve().parent.parent
COPIED = ["Makefile", "pyproject.toml", "requirements.lock", "requirements-uv.lock", "README.md"]
LIST_DISTS = (
    "import importlib.metadata as m; "
    "print('\\n'.join(sorted(f\"{d.metadata['Name'].lower().replace('_', '-')}=={d.version}\" "
    "for d in m.distributions())))"
)


def run(cmd: list[str], cwd: Path, env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=1800)
    elapsed = time.perf_counter() - start
    if proc.returncode:
        sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return elapsed


def fresh_env(tmp: Path, name: str) -> dict[str, str]:
    env = dict(os.environ)
    for var in ("VIRTUAL_ENV", "UV", "BOOTSTRAP", "PYTHONPATH"):
        env.pop(var, None)
    for var, sub in (("UV_CACHE_DIR", "uv"), ("PIP_CACHE_DIR", "pip"), ("MPLCONFIGDIR", "mpl")):
        path = tmp / f"cache-{name}-{sub}"
        path.mkdir()
        env[var] = str(path)
    return env


def distributions(python: Path) -> set[str]:
    cmd = [str(python), "-c", LIST_DISTS]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", default=getattr(sys, "_base_executable", sys.executable),
                        help="interpreter both venvs are made from (default: this one's base)")
    args = parser.parse_args()
    python = args.python

    with tempfile.TemporaryDirectory(prefix="bench-bootstrap-") as tmp_name:
        tmp = Path(tmp_name)
        repo = tmp / "repo"
        repo.mkdir()
        for name in COPIED:
            shutil.copy2(ROOT / name, repo / name)
        shutil.copytree(ROOT / "src", repo / "src",
                        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        uv_version = next(line.split("==")[1].split()[0]
                          for line in (repo / "requirements-uv.lock").read_text().splitlines()
                          if line.startswith("uv=="))
        # Force the install of uv even if one of the same version is on PATH.
        make = ["make", "--no-print-directory", "venv", f"PYTHON={python}",
                f"UV=.tools/uv-{uv_version}/bin/uv"]

        # 1. make venv from scratch: uv installed from PyPI, empty caches.
        env = fresh_env(tmp, "make-cold")
        t_make = run(make, repo, env)
        # 2. uv already installed, venv and uv cache new (informational).
        shutil.rmtree(repo / ".venv")
        env_uv = fresh_env(tmp, "make-uv-present")
        t_make_uv = run(make, repo, env_uv)
        # 3. uv's cache warm from run 2 (informational: a re-bootstrap on the same machine).
        shutil.rmtree(repo / ".venv")
        t_make_warm = run(make, repo, env_uv)
        # Baseline: the same lock into a fresh venv with plain pip, empty pip cache.
        env_pip = fresh_env(tmp, "pip")
        venv = tmp / "pip-venv"
        t_venv = run([python, "-m", "venv", str(venv)], tmp, env_pip)
        t_pip = run([str(venv / "bin" / "pip"), "install", "--quiet", "--disable-pip-version-check",
                     "-r", str(repo / "requirements.lock")], tmp, env_pip)
        t_base = t_venv + t_pip

        ours = distributions(repo / ".venv" / "bin" / "python")
        theirs = distributions(venv / "bin" / "python")
        pip_version = next(d for d in theirs if d.startswith("pip==")).split("==")[1]
        same = {d for d in ours if not d.startswith("analysis==")} == {
            d for d in theirs if not d.startswith("pip==")}
        n_pins = len(ours) - 1

    print(f"machine: {os.cpu_count()} cores, {cpu_model()}, {platform.system()} "
          f"{platform.machine()}, Python {platform.python_version()} ({python})")
    print(f"tools:   uv {uv_version}; pip {pip_version} (the venv's own)")
    print(f"lock:    {n_pins} pinned distributions, hash-checked by both; "
          f"installed sets {'identical' if same else 'DIFFER'} (besides pip / the package)")
    print("caches:  every run below starts with empty uv, pip and matplotlib caches unless noted")
    print(f"baseline  python -m venv + pip install -r requirements.lock   {t_base:7.1f} s"
          f"  (venv {t_venv:.1f} s, pip {t_pip:.1f} s)")
    print(f"make venv from scratch (installs uv {uv_version} too)           {t_make:7.1f} s"
          f"  ratio {t_make / t_base:.2f}x  (target <= 0.20x)")
    print(f"make venv, uv already installed, empty uv cache          {t_make_uv:7.1f} s"
          f"  ratio {t_make_uv / t_base:.2f}x")
    print(f"make venv, uv already installed, warm uv cache           {t_make_warm:7.1f} s"
          f"  ratio {t_make_warm / t_base:.2f}x")
    if not same:
        sys.exit("the two venvs do not hold the same distributions")


if __name__ == "__main__":
    main()
