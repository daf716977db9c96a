"""The descriptor is a standard Data Package: frictionless-py, the reference implementation,
validates it and every table it describes with zero errors, offline. Canaries prove the
validator really reads our data: a broken copy of data/ fails, naming the resource and row."""

import json
import shutil
import socket

import pytest

from analysis.contract.paths import DATA_DIR

try:  # a missing validator must fail the tests below, never skip them
    import frictionless
except ImportError:  # pragma: no cover - the lock pins it
    frictionless = None


@pytest.fixture
def offline(monkeypatch):
    """Validation must not reach the network (profiles are bundled with frictionless-py)."""
    def refuse(*args, **kwargs):
        raise OSError("network access attempted during validation")
    monkeypatch.setattr(socket.socket, "connect", refuse)


def problems(descriptor) -> list[str]:
    if frictionless is None:
        pytest.fail("frictionless-py is missing: it is pinned in requirements.lock; "
                    "run `make venv`")
    report = frictionless.validate(str(descriptor))
    found = [f"package: {e.type}: {e.message}" for e in report.errors]
    for task in report.tasks:
        found += [f"{task.name}, row {getattr(e, 'row_number', '-')}, field "
                  f"{getattr(e, 'field_name', '-')}: {e.type}: {e.message}" for e in task.errors]
    return found


def test_the_data_package_is_valid_under_frictionless(offline):
    found = problems(DATA_DIR / "datapackage.json")
    assert not found, "\n".join(found[:20])


def test_every_resource_was_validated_with_its_data(offline):
    report = frictionless.validate(str(DATA_DIR / "datapackage.json"))
    descriptor = json.loads((DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
    assert {t.name for t in report.tasks} == {r["name"] for r in descriptor["resources"]}
    rows = {t.name: t.stats.get("rows") for t in report.tasks}
    assert rows["sources"] and rows["events"] and rows["unga_votes"] == 378


@pytest.fixture
def broken_copy(tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(DATA_DIR, copy)
    return copy


@pytest.mark.parametrize(("file", "old", "new", "expect"), [
    ("events.csv", ",day,", ",fortnight,", "events, row"),  # enum on date_precision
    ("countries.csv", "MLI,Mali", "Mli,Mali", "countries, row"),  # pattern on iso3
    ("events.csv", ",2020-08-18,", ",18 Aug 2020,", "events, row"),  # partial-date shape
])
def test_frictionless_catches_a_broken_row(broken_copy, offline, file, old, new, expect):
    path = broken_copy / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    found = problems(broken_copy / "datapackage.json")
    assert any(p.startswith(expect) for p in found), found


def test_custom_properties_are_documented_in_the_descriptor():
    descriptor = json.loads((DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
    documented = set(descriptor["customProperties"])
    used = set()
    for res in descriptor["resources"]:
        schema = res.get("schema", {})
        used |= {"itemForeignKeys"} & set(schema)
        for field in schema.get("fields", []):
            used |= {"partialDate", "itemConstraints"} & set(field)
            assert field.get("format") != "partial-date", "not a Table Schema format"
            if field.get("type") == "list":
                assert not {"enum", "pattern"} & set(field.get("constraints", {})), (
                    f"{res['name']}.{field['name']}: Table Schema allows no enum/pattern on a "
                    "list; use itemConstraints")
        used |= {"derived_from"} & set(res)
    assert used <= documented
