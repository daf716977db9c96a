"""CITATION.cff: valid under cffconvert (the reference validator, in its own tool venv: `make
cffconvert`), a broken copy is rejected (so the check can fail), and it says what the committed
files say: the descriptor's title, pyproject's version, the authors git names, the licences."""

import json
import subprocess
import tomllib

import pytest
import yaml

from analysis.contract.paths import ROOT

CFFCONVERT = ROOT / ".tools" / "cffconvert" / "bin" / "cffconvert"
CITATION = ROOT / "CITATION.cff"


def _validate(path) -> subprocess.CompletedProcess:
    if not CFFCONVERT.exists():
        pytest.fail(f"{CFFCONVERT.relative_to(ROOT)} is missing: run `make cffconvert` (make test "
                    "does), which installs requirements-cffconvert.lock with hashes",
                    pytrace=False)
    return subprocess.run([str(CFFCONVERT), "--validate", "-i", str(path)], capture_output=True,
                          text=True, timeout=120, check=False)


def test_citation_cff_is_valid_under_cffconvert():
    proc = _validate(CITATION)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "valid according to schema version 1.2.0" in proc.stdout


def test_a_citation_without_authors_is_rejected(tmp_path):
    meta = yaml.safe_load(CITATION.read_text(encoding="utf-8"))
    del meta["authors"]
    broken = tmp_path / "CITATION.cff"
    broken.write_text(yaml.safe_dump(meta, sort_keys=False), encoding="utf-8")
    proc = _validate(broken)
    assert proc.returncode != 0
    assert "authors" in proc.stdout + proc.stderr


def test_citation_says_what_the_descriptor_pyproject_and_git_say():
    meta = yaml.safe_load(CITATION.read_text(encoding="utf-8"))
    descriptor = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert meta["title"] == descriptor["title"]
    assert str(meta["version"]) == project["version"]
    authors = subprocess.run(["git", "log", "--format=%an"], cwd=ROOT, capture_output=True,
                             text=True, check=True).stdout.split("\n")
    assert {a["name"] for a in meta["authors"]} <= {a for a in authors if a}
    assert set(meta["license"]) == {"MIT", "CC-BY-4.0"}
    assert {lic["name"] for lic in descriptor["licenses"]} <= set(meta["license"])
    assert "MIT" in project["license"]["text"] and "CC BY 4.0" in project["license"]["text"]
    from analysis.contract.datapackage import load_table
    from analysis.story import STORY_SOURCE_ID

    sources = load_table("sources").set_index("source_id")
    row, story = sources.loc[STORY_SOURCE_ID], meta["references"][0]
    assert story["title"] == row["title"].replace("\u2019", "'")
    assert story["publisher"]["name"] == row["publisher"]
    assert story["date-published"].isoformat() == str(row["date_published"])
