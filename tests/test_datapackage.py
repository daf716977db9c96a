"""Every committed table holds to data/datapackage.json, and the loader's errors name file, row
and column."""

import json

import pytest
from helpers import copy_data

from analysis.contract.datapackage import load_table, partial_date_precision, read_descriptor
from analysis.contract.errors import DataError
from analysis.contract.paths import DATA_DIR, DESCRIPTOR


def _tabular():
    return [r for r in read_descriptor()["resources"] if "schema" in r]


def test_every_csv_in_data_is_described_and_every_resource_has_a_file():
    described = {r["path"] for r in read_descriptor()["resources"]}
    on_disk = {p.relative_to(DATA_DIR).as_posix() for p in DATA_DIR.rglob("*.csv")}
    assert on_disk - described == set(), "CSV files missing from the descriptor"
    missing = [p for p in described if not (DATA_DIR / p).exists()]
    assert missing == [], "descriptor entries without a file"


@pytest.mark.parametrize("name", [r["name"] for r in _tabular()])
def test_load_table_accepts_every_committed_table(name):
    frame = load_table(name)
    assert len(frame) > 0


def test_every_row_that_cites_a_source_cites_an_existing_one():
    ids = set(load_table("sources")["source_id"])
    for res in _tabular():
        fields = {f["name"] for f in res["schema"]["fields"]}
        for col in {"source_id", "source_ids"} & fields:
            values = load_table(res["name"])[col].dropna()
            cited = {v for cell in values for v in (cell if isinstance(cell, list) else [cell])}
            assert cited <= ids, (res["name"], cited - ids)


def test_hand_built_tables_cite_a_source_on_every_row():
    for res in _tabular():
        fields = {f["name"]: f for f in res["schema"]["fields"]}
        if "derived_from" in res or res["name"] in {"sources", "countries", "sipri_recipients"}:
            continue
        cite = fields.get("source_id") or fields.get("source_ids")
        if cite is None:
            continue
        assert cite.get("constraints", {}).get("required"), f"{res['name']}: citation optional"


def test_sources_never_give_a_mirror_as_the_url():
    sources = load_table("sources")
    assert sources["url"].dropna().str.match(r"https?://").all()


def test_partial_date_precision_rejects_impossible_dates():
    assert partial_date_precision("2020-02-29") == "day"
    for bad in ("2023-02-29", "2023-13", "23-02-01", "2023/02/01", "2023-2-1"):
        with pytest.raises(ValueError, match="is not a real date"):
            partial_date_precision(bad)


# --- failure paths, on a temporary copy of data/ -------------------------------------------

@pytest.fixture
def data_copy(tmp_path):
    """A writable copy of data/ and its descriptor."""
    return copy_data(tmp_path)


def _corrupt(path, old, new, count=1):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not found in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _load(data_dir, name):
    descriptor = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    return load_table(name, data_dir=data_dir, descriptor=descriptor)


FS = "sipri_fact_sheets"
CASES = {
    "unknown enum value": (f"{FS}.csv", "Russia,44,sipri-fs-2022-03,high",
                           "Russia,44,sipri-fs-2022-03,certain", FS,
                           "row 22, column confidence: 'certain' is not one of"),
    "number that is not": (f"{FS}.csv", "Russia,44,", "Russia,forty-four,", FS,
                           "row 22, column share_pct: 'forty-four' is not a number"),
    "above maximum": (f"{FS}.csv", "Russia,44,", "Russia,144,", FS,
                      "row 22, column share_pct: '144' is above the maximum 100"),
    "dangling source id": (f"{FS}.csv", "44,sipri-fs-2022-03", "44,sipri-fs-2099", FS,
                           "row 22, column source_id: 'sipri-fs-2099' is not a source_id of "
                           "sources"),
    "duplicate primary key": ("sipri_fact_sheets.csv", "2017-2021,africa,United States,17",
                              "2017-2021,africa,Russia,17", "sipri_fact_sheets",
                              "row 23, column period: period='2017-2021', region='africa', "
                              "supplier='Russia' repeats an earlier row (primary key)"),
    "missing required": ("countries.csv", "MLI,Mali,africa", "MLI,,africa", "countries",
                         "column country: is empty but the column is required"),
    "bad pattern": ("countries.csv", "MLI,Mali", "Mli,Mali", "countries",
                    "column iso3: 'Mli' does not match the pattern [A-Z]{3}"),
    "unknown iso3 reference": ("sipri_recipients.csv", "Mali,MLI,", "Mali,MLX,",
                               "sipri_recipients", "column iso3: 'MLX' is not a iso3 of countries"),
    "impossible partial date": ("sources.csv", ",2023-02-06,", ",2023-02-30,", "sources",
                                "row 1, column date_published: '2023-02-30' is not a real date"),
    "renamed column": ("countries.csv", "iso3,country", "iso,country", "countries",
                       "row 0: header does not match the descriptor: missing ['iso3']; "
                       "unexpected ['iso']"),
    "boolean spelled wrong": ("derived/sipri_africa_russia.csv", ",4,false,", ",4,no,",
                              "sipri_africa_russia", "column number_delivered_uncertain: 'no' "
                              "is not a boolean"),
    "derived row of an unknown state": ("derived/sipri_africa_russia.csv", ",Mali,MLI,",
                                        ",Mali,MLX,", "sipri_africa_russia",
                                        "column iso3: 'MLX' is not a iso3 of countries"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_load_table_rejects_bad_rows_naming_file_row_and_column(data_copy, case):
    file, old, new, name, message = CASES[case]
    _corrupt(data_copy / file, old, new)
    with pytest.raises(DataError) as err:
        _load(data_copy, name)
    assert str(err.value).startswith(f"{data_copy / file}") or file in str(err.value)
    assert message in str(err.value)


def test_load_table_rejects_a_file_that_is_not_utf8(data_copy):
    path = data_copy / "countries.csv"
    path.write_bytes(path.read_bytes().replace("Côte".encode(), "Côte".encode("cp1252")))
    with pytest.raises(DataError, match="countries.csv: is not UTF-8 text"):
        _load(data_copy, "countries")


def test_load_table_names_a_missing_file(data_copy):
    (data_copy / "countries.csv").unlink()
    with pytest.raises(DataError, match="countries.csv: is missing"):
        _load(data_copy, "countries")


def test_descriptor_is_the_one_the_package_reads():
    assert read_descriptor(DESCRIPTOR)["name"] == "lavrov-mali-2023"
