"""Notebooks paired with text, so that review happens on a diff a person can read.

Each ``notebooks/NN-slug.ipynb`` has a Jupytext percent-format script beside it,
``notebooks/NN-slug.py``: the same cells, markdown as comments, no outputs and no metadata. The
``.ipynb`` is the source (committed executed, for nbval, GitHub and the report); the script is
written from it with the options of ``jupytext.toml`` at the repository root, the file JupyterLab
(with Jupytext) reads too, so saving in JupyterLab and ``python -m analysis pair`` agree.

``python -m analysis pair`` rewrites every stale script; ``--check`` only names them and exits 1;
``--new notebooks/NN-slug.py`` goes the other way once, for a notebook written as text first: it
creates the (unexecuted) ``.ipynb`` with the project's kernel, for ``make notebooks`` to run.
``make notebooks`` runs it after executing the notebooks; ``tests/test_pairs.py`` fails when a
pair is missing or differs.
"""

from pathlib import Path

from analysis.contract.paths import NOTEBOOKS_DIR, ROOT, display_path

PAIR_FORMAT = "py:percent"
CONFIG = ROOT / "jupytext.toml"


def pair_path(notebook: Path) -> Path:
    """``notebooks/01-arms-share.ipynb`` -> ``notebooks/01-arms-share.py``."""
    return Path(notebook).with_suffix(".py")


def pair_text(notebook: Path) -> str:
    """The script the notebook pairs with, as the committed file should read."""
    import jupytext
    from jupytext.config import load_jupytext_configuration_file

    config = load_jupytext_configuration_file(str(CONFIG))
    return jupytext.writes(jupytext.read(notebook), fmt=PAIR_FORMAT, config=config)


def notebooks(folder: Path = NOTEBOOKS_DIR) -> list[Path]:
    return sorted(Path(folder).glob("[0-9][0-9]-*.ipynb"))


def stale_pairs(folder: Path = NOTEBOOKS_DIR) -> list[Path]:
    """Scripts that are missing or differ from their notebook."""
    stale = []
    for nb in notebooks(folder):
        script = pair_path(nb)
        if not script.exists() or script.read_text(encoding="utf-8") != pair_text(nb):
            stale.append(script)
    return stale


def orphan_scripts(folder: Path = NOTEBOOKS_DIR) -> list[Path]:
    """Scripts in the folder whose notebook is gone."""
    paired = {pair_path(nb) for nb in notebooks(folder)}
    return sorted(p for p in Path(folder).glob("[0-9][0-9]-*.py") if p not in paired)


KERNELSPEC = {"display_name": "Python 3", "language": "python", "name": "python3"}


def notebook_from_text(script: Path) -> Path:
    """Create ``NN-slug.ipynb`` from a new percent-format ``NN-slug.py``; refuse to overwrite."""
    import jupytext

    script = Path(script)
    notebook = script.with_suffix(".ipynb")
    if not script.exists():
        raise FileNotFoundError(f"{display_path(script)} does not exist")
    if notebook.exists():
        raise FileExistsError(f"{display_path(notebook)} exists: edit it in JupyterLab (the pair "
                              "follows), or delete it to start again from the text")
    if not script.name[:3].rstrip("-").isdigit() or script.suffix != ".py":
        raise ValueError(f"{script.name}: expected notebooks/NN-slug.py (two digits, a slug)")
    nb = jupytext.read(script, fmt=PAIR_FORMAT)
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    jupytext.write(nb, notebook, fmt="ipynb")
    return notebook


def run_pair(check: bool = False, folder: Path = NOTEBOOKS_DIR) -> int:
    """Rewrite stale scripts (or, with ``check``, list them); exit code for the command line."""
    stale, orphans = stale_pairs(folder), orphan_scripts(folder)
    for script in orphans:
        print(f"{display_path(script)}: no notebook of that name; delete it or restore the "
              "notebook")
    if check:
        for script in stale:
            print(f"{display_path(script)} is out of step with its notebook: run "
                  "`.venv/bin/python -m analysis pair` (or `make notebooks`)")
        return 1 if stale or orphans else 0
    for script in stale:
        nb = script.with_suffix(".ipynb")
        tmp = script.with_name(f".{script.name}.tmp")
        tmp.write_text(pair_text(nb), encoding="utf-8")
        tmp.replace(script)
        print(f"wrote {display_path(script)}")
    return 1 if orphans else 0
