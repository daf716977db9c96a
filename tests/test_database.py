"""The data, queryable: the SQLite database built from data/datapackage.json holds every table
with its rows, types, primary and foreign keys and descriptions; a broken key or cell is named;
the same data give the same bytes; the site ships the package's files beside it."""

import json
import shutil
import sqlite3

import pytest

from analysis.contract.citations import citations
from analysis.contract.datapackage import read_descriptor
from analysis.contract.paths import DATA_DIR
from analysis.publish import database, datafiles


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("db") / database.DATABASE
    descriptor = read_descriptor()
    database.build_database(descriptor, DATA_DIR, out, citations(descriptor, DATA_DIR))
    return out


def test_every_table_is_there_with_its_rows_keys_and_descriptions(built):
    descriptor = read_descriptor()
    con = sqlite3.connect(built)
    tables = database.tabular(descriptor)
    assert len(tables) == len(descriptor["resources"]) - 1  # all but the GeoJSON
    for res in tables:
        name = res["name"]
        with (DATA_DIR / res["path"]).open(encoding="utf-8") as fh:
            lines = sum(1 for _ in fh) - 1
        assert con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] == lines, name
        info = con.execute(f'PRAGMA table_info("{name}")').fetchall()
        assert [c[1] for c in info] == [f["name"] for f in res["schema"]["fields"]]
        pk = res["schema"].get("primaryKey")
        pk = [pk] if isinstance(pk, str) else (pk or [])
        assert [c[1] for c in sorted(info, key=lambda c: c[5]) if c[5]] == pk, name
        fks = {(r[2], r[3], r[4]) for r in con.execute(f'PRAGMA foreign_key_list("{name}")')}
        for fk in res["schema"].get("foreignKeys", []):
            assert (fk["reference"]["resource"] or name, fk["fields"],
                    fk["reference"]["fields"]) in fks, (name, fk)
        sql = con.execute("SELECT sql FROM sqlite_master WHERE name = ?", (name,)).fetchone()[0]
        for f in res["schema"]["fields"]:
            if f.get("description"):
                assert " ".join(f["description"].split()) in sql, (name, f["name"])
    kinds = dict(con.execute("SELECT name, type FROM _fields WHERE table_name = 'unga_votes'"))
    assert kinds["resolution"] == "string"
    assert con.execute("SELECT typeof(tiv_musd), typeof(year), typeof(in_sipri_africa) "
                       "FROM sipri_africa_annual LIMIT 1").fetchone() == ("real", "integer",
                                                                          "integer")
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    assert con.execute("SELECT count(*) FROM _row_sources").fetchone()[0] > 300
    assert con.execute("SELECT loaded FROM _tables WHERE name = 'naturalearth_africa'"
                       ).fetchone() == (0,)


def test_a_question_a_reviewer_asks_in_sql(built):
    con = sqlite3.connect(built)
    rows = con.execute(
        "SELECT v.vote, count(*) FROM unga_votes v JOIN countries c ON c.iso3 = v.iso3 "
        "WHERE v.resolution = 'A/RES/ES-11/1' GROUP BY v.vote ORDER BY v.vote").fetchall()
    assert sum(n for _, n in rows) == 54  # Africa's 54 UN member states
    assert ("no", 1) in rows  # Eritrea


def test_same_data_same_bytes(built, tmp_path):
    descriptor = read_descriptor()
    again = database.build_database(descriptor, DATA_DIR, tmp_path / "again.sqlite",
                                    citations(descriptor, DATA_DIR))
    assert again.read_bytes() == built.read_bytes()


def test_a_broken_foreign_key_and_a_bad_cell_are_named(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    descriptor = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    votes = data / "unga_votes.csv"
    lines = votes.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace(lines[1].split(",")[1], "XXX", 1)
    votes.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(database.DatabaseError, match=r"unga_votes, row \d+: no matching row"):
        database.build_database(descriptor, data, tmp_path / "x.sqlite")
    shutil.copyfile(DATA_DIR / "unga_votes.csv", votes)
    annual = data / "derived" / "sipri_africa_annual.csv"
    lines = annual.read_text(encoding="utf-8").splitlines()
    cells = lines[1].split(",")
    cells[7] = "20x1"
    lines[1] = ",".join(cells)
    annual.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(database.DatabaseError,
                       match=r"data/derived/sipri_africa_annual.csv, row 2, column year: "
                             r"'20x1' is not a year"):
        database.build_database(descriptor, data, tmp_path / "y.sqlite")


def test_the_site_ships_the_package_and_datasette_metadata(rendered_site):
    out = rendered_site / "data"
    descriptor = read_descriptor()
    for res in descriptor["resources"]:
        assert (out / res["path"]).read_bytes() == (DATA_DIR / res["path"]).read_bytes()
    meta = json.loads((out / datafiles.METADATA).read_text(encoding="utf-8"))
    tables = meta["databases"]["lavrov-mali"]["tables"]
    assert set(tables) == {r["name"] for r in database.tabular(descriptor)}
    assert meta["license"] and meta["title"] == descriptor["title"]
    assert tables["unga_votes"]["columns"]["vote"].startswith("yes = in favour")
    page = (rendered_site / "data.html").read_text(encoding="utf-8")
    for res in descriptor["resources"]:
        assert f"id='table-{res['name']}'" in page
