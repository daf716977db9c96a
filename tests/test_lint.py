"""ruff (configured in pyproject.toml) is clean over code, tests and notebooks."""

import subprocess
import sys

from analysis.contract.paths import ROOT


def test_ruff_is_clean_over_code_tests_and_notebooks():
    proc = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "src", "tests", "notebooks",
         "benchmarks", "scripts"],
        cwd=ROOT, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
