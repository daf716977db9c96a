"""`make data`: the committed derived tables are exactly what the real exports give, with their
provenance, and a failed run writes nothing."""

import hashlib
import io
import json
import shutil

import pytest

from analysis.contract.datapackage import load_table, read_descriptor, resource
from analysis.contract.errors import SipriFormatError
from analysis.contract.paths import DATA_DIR
from analysis.sipri import derive
from analysis.sipri.read import read_export
from analysis.subjects import deliveries

FORMER_MALI_TABLE_SHA256 = "b56c8d46e517a5ab7d3a14abc57c5a35d9ba6543c72e6a9d1df9b13caddefa74"


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
    mali = deliveries.of_country(load_table("sipri_africa_russia"), "MLI")
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


def test_russia_table_keeps_the_former_mali_table_byte_for_byte():
    """Mali's rows, without recipient and iso3, are the sipri_mali_russia table this one
    replaced: the sha256 is that of its last committed text (commit 06eb81e), which the Mali
    claims and notebooks 01 and 03 read."""
    mali = deliveries.of_country(load_table("sipri_africa_russia"), "MLI")
    mali["vintage"] = mali["vintage"].dt.strftime("%Y-%m-%d")
    assert hashlib.sha256(_csv_text(mali).encode()).hexdigest() == FORMER_MALI_TABLE_SHA256


def test_russia_table_holds_every_african_recipient_russia_delivered_to(sipri_exports):
    """Read the register a second way (plain csv, split records joined by hand): every
    Russia -> African recipient deal with delivery years, per vintage, is in the table."""
    import csv

    recipients = load_table("sipri_recipients").set_index("sipri_name")["iso3"]
    table = load_table("sipri_africa_russia")
    for key in ("register_2024", "register_2025"):
        text = sipri_exports[key].read_bytes().decode("cp1252").splitlines()
        start = next(i for i, line in enumerate(text) if line.startswith("Recipient,Supplier"))
        records: list[str] = []
        for line in text[start + 1:]:
            if line.startswith(","):
                records[-1] += " " + line
            elif line.strip():
                records.append(line)
        raw = [r for r in csv.reader(records) if r[1] == "Russia" and r[0] in recipients
               and r[10].strip()]
        vintage = sipri_exports[key].stem.rsplit("_", 1)[1]
        mine = table[table["vintage"] == vintage]
        assert len(mine) == sum(len(r[10].split("; ")) for r in raw)
        assert set(mine["recipient"]) == {r[0] for r in raw}
        assert (mine["iso3"] == mine["recipient"].map(recipients)).all()


def _bad_register(sipri_exports, tmp_path, old: bytes, new: bytes):
    """A copy of the four exports whose 2025 register has ``old`` (first hit) replaced."""
    for path in sipri_exports.values():
        shutil.copy(path, tmp_path / path.name)
    bad = tmp_path / derive.REGISTERS[1]
    raw = bad.read_bytes()
    at = raw.index(old)
    bad.write_bytes(raw[:at] + new + raw[at + len(old):])
    return bad, raw[:at].count(b"\n") + 1


def test_a_russian_delivery_to_an_unlisted_african_group_fails_naming_file_line_and_column(
        sipri_exports, tmp_path):
    bad, line = _bad_register(sipri_exports, tmp_path, b"\nSudan,Russia,",
                              b"\nRSF (Sudan)*,Russia,")
    with pytest.raises(SipriFormatError) as err:  # derive_tables: writes nothing, even if
        derive.derive_tables(tmp_path)              # the check were broken
    assert str(err.value) == (
        f"trade-register_2025-03-13.csv, line {line + 1}, column Recipient: 'RSF (Sudan)*' names "
        "Sudan, in Africa, but is not in data/sipri_recipients.csv: add it there with the iso3 "
        "it counts for")


def test_a_russian_delivery_to_a_listed_recipient_without_iso3_fails(sipri_exports, tmp_path):
    bad, line = _bad_register(sipri_exports, tmp_path, b"\nMali,Russia,",
                              b"\nAfrican Union**,Russia,")
    with pytest.raises(SipriFormatError) as err:
        derive.africa_russia(read_export(bad), load_table("sipri_recipients"),
                             load_table("countries"))
    assert str(err.value).startswith(
        f"trade-register_2025-03-13.csv, line {line + 1}, column Recipient: 'African Union**' "
        "is in data/sipri_recipients.csv without an iso3")
