"""`make data`: the committed derived tables are exactly what the real exports give, with their
provenance, and a failed run writes nothing."""

import hashlib
import io
import json
import shutil

import pytest

from analysis.contract.datapackage import load_table, read_descriptor, resource
from analysis.contract.paths import DATA_DIR
from analysis.sipri import derive


def _csv_text(frame):
    buf = io.StringIO()
    derive._csv_ready(frame).to_csv(buf, index=False, lineterminator="\n", float_format="%.6g")
    return buf.getvalue()


@pytest.fixture(scope="module")
def derived(sipri_exports):
    folder = next(iter(sipri_exports.values())).parent
    return derive.derive_tables(folder)


def test_committed_derived_tables_match_a_fresh_derivation_byte_for_byte(derived):
    tables, _ = derived
    for name, frame in tables.items():
        committed = (DATA_DIR / derive.OUTPUTS[name]).read_text(encoding="utf-8")
        assert committed == _csv_text(frame), f"{name} is stale: run `make data`"


def test_descriptor_records_each_input_file_vintage_and_sha256(derived, sipri_exports):
    _, prov = derived
    for name, inputs in prov.items():
        assert resource(name)["derived_from"] == inputs
        for item in inputs:
            path = next(p for p in sipri_exports.values() if p.name == item["file"])
            assert item["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
            assert item["vintage"] == item["file"].rsplit("_", 1)[1].removesuffix(".csv")


def test_derived_tables_carry_provenance_without_the_exports():
    """What a fresh clone can check: every derived table says where it came from."""
    for name in derive.OUTPUTS:
        inputs = resource(name)["derived_from"]
        assert inputs and all(len(i["sha256"]) == 64 for i in inputs)
        vintages = set(load_table(name)["vintage"].dt.strftime("%Y-%m-%d"))
        assert vintages == {i["vintage"] for i in inputs}


def test_africa_annual_flags_egypt_outside_sipri_africa():
    annual = load_table("sipri_africa_annual")
    egypt = annual[annual["recipient"] == "Egypt"]
    assert len(egypt) and not egypt["in_sipri_africa"].any()
    assert annual.loc[annual["recipient"] != "Egypt", "in_sipri_africa"].all()


def test_mali_russia_holds_the_helicopters_the_story_mentions():
    mali = load_table("sipri_mali_russia")
    latest = mali[mali["vintage"] == mali["vintage"].max()]
    assert "helicopters" in set(latest["weapon_category"])
    assert set(latest["year"]) >= {2021, 2022, 2023}


def test_run_data_with_a_missing_export_writes_nothing(tmp_path, monkeypatch):
    before = {n: (DATA_DIR / p).read_bytes() for n, p in derive.OUTPUTS.items()}
    descriptor = json.dumps(read_descriptor())
    with pytest.raises(FileNotFoundError, match="download the Trade Register"):
        derive.run_data(str(tmp_path))
    assert {n: (DATA_DIR / p).read_bytes() for n, p in derive.OUTPUTS.items()} == before
    assert json.dumps(read_descriptor()) == descriptor


def test_run_data_with_a_damaged_export_writes_nothing(sipri_exports, tmp_path):
    for path in sipri_exports.values():
        shutil.copy(path, tmp_path / path.name)
    damaged = tmp_path / derive.REGISTERS[1]
    damaged.write_bytes(damaged.read_bytes()[:200_000])  # cut mid-row
    before = {n: (DATA_DIR / p).read_bytes() for n, p in derive.OUTPUTS.items()}
    with pytest.raises(ValueError, match=r"trade-register_2025-03-13.csv, line \d+: expected 16"):
        derive.run_data(str(tmp_path))
    assert {n: (DATA_DIR / p).read_bytes() for n, p in derive.OUTPUTS.items()} == before


def test_write_tables_writes_to_a_given_folder_and_descriptor(derived, tmp_path):
    tables, prov = derived
    shutil.copy(DATA_DIR / "datapackage.json", tmp_path / "datapackage.json")
    written = derive.write_tables(tables, prov, tmp_path, tmp_path / "datapackage.json")
    assert sorted(p.name for p in written) == sorted(p.split("/")[1]
                                                     for p in derive.OUTPUTS.values())
    assert not list(tmp_path.rglob("*.tmp"))
