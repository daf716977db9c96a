"""data/README.md is the descriptor, rendered: it cannot drift from what the loader enforces."""

from analysis.cli.main import main
from analysis.contract.datadict import render_datadict
from analysis.contract.datapackage import read_descriptor
from analysis.contract.paths import DATA_DIR


def test_data_readme_matches_the_descriptor():
    committed = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    assert committed == render_datadict(), "stale: run `python -m analysis datadict --write`"


def test_render_datadict_lists_every_resource_and_field():
    text = render_datadict()
    for res in read_descriptor()["resources"]:
        assert f"`{res['path']}`" in text
        for field in res.get("schema", {}).get("fields", []):
            assert f"| `{field['name']}` |" in text


def test_render_datadict_escapes_pipes_in_descriptions():
    dp = {"resources": [{"name": "t", "path": "t.csv", "description": "a | b",
                         "schema": {"fields": [{"name": "x", "description": "c|d"}]}}]}
    text = render_datadict(dp)
    assert "a \\| b" in text and "| `x` | c\\|d | string |" in text


def test_cli_datadict_check_exits_zero_when_in_sync(capsys):
    assert main(["datadict"]) == 0
    assert "matches" in capsys.readouterr().out
