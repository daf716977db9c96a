"""Every notebook has its Jupytext text pair beside it, in step (review happens on text)."""

import shutil

import pytest

from analysis.contract.paths import NOTEBOOKS_DIR
from analysis.report import pairs

NOTEBOOKS = pairs.notebooks()


def test_there_are_notebooks_to_pair():
    assert len(NOTEBOOKS) >= 5


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_each_notebook_has_its_pair_in_step(notebook):
    script = pairs.pair_path(notebook)
    assert script.exists(), f"{script.name} is missing: run `.venv/bin/python -m analysis pair`"
    assert script.read_text(encoding="utf-8") == pairs.pair_text(notebook), (
        f"{script.name} differs from {notebook.name}: run `.venv/bin/python -m analysis pair`")


def test_pairs_hold_code_and_prose_but_no_outputs_or_metadata():
    text = pairs.pair_text(NOTEBOOKS[1])
    assert text.startswith("# %% [markdown]")  # no metadata header
    assert "image/png" not in text and "execution" not in text
    assert "from analysis import" in text


def test_a_stale_or_missing_pair_is_named_and_fixed(tmp_path, capsys):
    for nb in NOTEBOOKS[:2]:
        shutil.copy(nb, tmp_path / nb.name)
        shutil.copy(pairs.pair_path(nb), tmp_path / pairs.pair_path(nb).name)
    edited = tmp_path / pairs.pair_path(NOTEBOOKS[0]).name
    edited.write_text(edited.read_text(encoding="utf-8") + "x = 1\n", encoding="utf-8")
    (tmp_path / pairs.pair_path(NOTEBOOKS[1]).name).unlink()
    (tmp_path / "99-gone.py").write_text("# %%\n", encoding="utf-8")
    assert pairs.run_pair(check=True, folder=tmp_path) == 1
    out = capsys.readouterr().out
    assert edited.name in out and pairs.pair_path(NOTEBOOKS[1]).name in out and "99-gone" in out
    assert pairs.run_pair(folder=tmp_path) == 1  # the orphan still needs a person
    (tmp_path / "99-gone.py").unlink()
    assert pairs.run_pair(check=True, folder=tmp_path) == 0
    assert pairs.stale_pairs(tmp_path) == []


def test_the_pairs_live_beside_the_notebooks():
    assert all(pairs.pair_path(nb).parent == NOTEBOOKS_DIR for nb in NOTEBOOKS)


def test_a_text_first_notebook_gets_its_ipynb_once(tmp_path):
    script = tmp_path / "07-new-question.py"
    script.write_text("# %% [markdown]\n# # A question?\n\n# %%\nx = 1\n", encoding="utf-8")
    notebook = pairs.notebook_from_text(script)
    assert notebook.name == "07-new-question.ipynb"
    import json

    nb = json.loads(notebook.read_text(encoding="utf-8"))
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    assert [c["cell_type"] for c in nb["cells"]] == ["markdown", "code"]
    assert pairs.pair_text(notebook) == script.read_text(encoding="utf-8")
    with pytest.raises(FileExistsError, match="exists"):
        pairs.notebook_from_text(script)


def test_a_text_first_notebook_needs_the_naming_scheme(tmp_path):
    script = tmp_path / "question.py"
    script.write_text("# %%\nx = 1\n", encoding="utf-8")
    with pytest.raises(ValueError, match="NN-slug"):
        pairs.notebook_from_text(script)
