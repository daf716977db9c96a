"""data/sources.csv records what was actually read, and every source is cited somewhere.

The rules (issue 9, part 1): every row names the original publisher, the published headline (a
bracketed description only where the headline could not be found, and then the notes say so),
the date published (partial allowed), the publisher's URL where known and the URL of the copy
read where it differs, the date accessed (a full day, never before publication) and the rights.
No source is an orphan: each is cited by a row of a table with a source_id / source_ids column,
by a resource's ``sources`` in the descriptor, or by the corrections log. Each check below is run
on the committed data and on a broken copy of it, so that none of them can pass whatever the data.
"""

import json
import re
from pathlib import Path

import pandas as pd
import pytest
from helpers import copy_data, set_cell

from analysis.contract.datapackage import load_table
from analysis.contract.paths import DATA_DIR, NOTEBOOKS_DIR

STORY_ID = "nyt-2023-02-06"
URL = re.compile(r"https?://\S+")
NOT_FOUND = "not found"


def _descriptor(data_dir: Path) -> dict:
    return json.loads((Path(data_dir) / "datapackage.json").read_text(encoding="utf-8"))


def _load(data_dir: Path, name: str) -> pd.DataFrame:
    return load_table(name, data_dir=data_dir, descriptor=_descriptor(data_dir))


def _where(row: int, column: str) -> str:
    """'data/sources.csv, row N, column C' (row 1 = the first row after the header)."""
    return f"data/sources.csv, row {row}, column {column}"


def _start(partial: str) -> pd.Timestamp:
    """First day of a partial ISO date: '2023' -> 2023-01-01, '2023-02' -> 2023-02-01."""
    parts = partial.split("-")
    return pd.Timestamp("-".join(parts + ["01"] * (3 - len(parts))))


def source_problems(data_dir: Path = DATA_DIR) -> list[str]:
    """Every breach of the rules for data/sources.csv, each naming file, row and column."""
    sources = _load(data_dir, "sources")
    problems = []
    for row, rec in enumerate(sources.to_dict("records"), start=1):
        required = ("publisher", "title", "title_from", "date_published", "date_accessed", "rights")
        for col in required:
            if rec[col] is None or rec[col] is pd.NA or not str(rec[col]).strip():
                problems.append(f"{_where(row, col)}: is empty")
        accessed, published = rec["date_accessed"], rec["date_published"]
        if isinstance(accessed, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", accessed):
            problems.append(f"{_where(row, 'date_accessed')}: {accessed!r} is not a full day")
        dated = isinstance(accessed, str) and isinstance(published, str)
        if dated and _start(accessed) < _start(published):
            problems.append(f"{_where(row, 'date_accessed')}: {accessed} is before the date "
                            f"published {published}")
        for col in ("url", "read_url"):
            value = rec[col]
            if isinstance(value, str) and not URL.fullmatch(value):
                problems.append(f"{_where(row, col)}: {value!r} is not an http(s) URL")
        if isinstance(rec["url"], str) and rec["url"] == rec["read_url"]:
            problems.append(f"{_where(row, 'read_url')}: repeats url (leave it empty)")
        title, notes = str(rec["title"] or ""), str(rec["notes"] or "")
        bracketed = title.startswith("[") and title.endswith("]")
        if bracketed and NOT_FOUND not in notes:
            problems.append(f"{_where(row, 'title')}: a bracketed description, but notes do not "
                            "say the headline was not found")
        if bracketed != (rec["title_from"] == "description"):
            problems.append(f"{_where(row, 'title_from')}: {rec['title_from']!r} does not agree "
                            f"with the title {title[:40]!r}")
        if "not identified" in str(rec["publisher"]).lower():
            problems.append(f"{_where(row, 'publisher')}: the original publisher is not identified")
    return problems


def citations(data_dir: Path = DATA_DIR) -> dict[str, set[str]]:
    """source_id -> where it is cited ('events:mli-coup-2020', 'descriptor:claims', ...)."""
    descriptor = _descriptor(data_dir)
    cited: dict[str, set[str]] = {}
    for res in descriptor["resources"]:
        for entry in res.get("sources") or []:
            if "source_id" in entry:
                cited.setdefault(entry["source_id"], set()).add(f"descriptor:{res['name']}")
        if "schema" not in res or res["name"] == "sources":
            continue
        names = [f["name"] for f in res["schema"]["fields"]]
        for col in [c for c in ("source_id", "source_ids") if c in names]:
            table = _load(data_dir, res["name"])
            for row, value in enumerate(table[col].tolist(), start=1):
                items = value if isinstance(value, list) else [value]
                for item in items:
                    if isinstance(item, str):
                        cited.setdefault(item, set()).add(f"{res['name']}:row {row}")
    return cited


def orphan_sources(data_dir: Path = DATA_DIR) -> list[str]:
    ids = _load(data_dir, "sources")["source_id"].tolist()
    cited = citations(data_dir)
    return [sid for sid in ids if sid not in cited]


# --- the committed data holds to the rules ---------------------------------------------------

def test_sources_have_every_required_field_and_valid_dates_urls_titles():
    assert source_problems() == []


def test_no_source_is_an_orphan():
    assert orphan_sources() == []


def test_the_descriptor_makes_the_provenance_fields_required():
    fields = {f["name"]: f for f in _descriptor(DATA_DIR)["resources"][0]["schema"]["fields"]}
    for name in ("publisher", "title", "title_from", "date_published", "date_accessed", "rights"):
        assert fields[name].get("constraints", {}).get("required") is True, name
    assert fields["date_published"]["partialDate"] is True


def test_rows_citing_the_story_also_cite_an_independent_source():
    """The story gives few dates (para. 3's Sunday, para. 7's Sunday): every dated row that cites
    it must also cite another source."""
    for name in ("events", "lavrov_trips", "wagner_deployments"):
        table = load_table(name)
        for row, ids in enumerate(table["source_ids"].tolist(), start=1):
            if STORY_ID in ids:
                others = [i for i in ids if i != STORY_ID]
                assert others, f"data/{name}.csv, row {row}: cites only the story"


def test_corrections_log_points_at_real_rows_and_sources():
    log = load_table("corrections")
    keys = {"sources": "source_id", "events": "event_id", "wagner_deployments": "iso3",
            "claims": "claim_id", "lavrov_trips": None, "sipri_fact_sheets": None,
            "announcements": "announcement_id", "unga_resolutions": "symbol", "unga_votes": None}
    for row, rec in enumerate(log.to_dict("records"), start=1):
        if rec["table"] == "notebook":  # a statement in a notebook's text
            assert (NOTEBOOKS_DIR / rec["row_key"]).exists(), f"row {row}: {rec['row_key']}"
            continue
        key = keys[rec["table"]]
        removed = rec["field"] == "(row)" and not rec["now"]
        if key is None or removed:
            continue
        present = set(load_table(rec["table"])[key].tolist())
        assert rec["row_key"] in present, f"data/corrections.csv, row {row}: {rec['row_key']!r}"


def test_removed_sources_are_gone_and_the_joint_statement_count_is_fifteen():
    sources = set(load_table("sources")["source_id"])
    log = load_table("corrections")
    removed = log[(log["field"] == "(row)") & log["now"].isna() & (log["table"] == "sources")]
    assert set(removed["row_key"]) & sources == set()
    events = load_table("events").set_index("event_id")
    statement = events.loc["mli-joint-statement-2021"]
    assert statement["description"].startswith("Fourteen European states and Canada")
    assert "Spain" in statement["notes"]


# --- each rule fails on a broken copy of data/ -----------------------------------------------

@pytest.fixture
def data_copy(tmp_path):
    return copy_data(tmp_path)


def _row_of(folder: Path, source_id: str) -> int:
    ids = pd.read_csv(folder / "sources.csv", dtype=str)["source_id"].tolist()
    return ids.index(source_id) + 1


def test_a_blank_date_accessed_is_refused_naming_file_row_and_column(data_copy):
    row = _row_of(data_copy, "wag-hrw-2022-04-05-moura")
    set_cell(data_copy, "sources.csv", row, "date_accessed", "")
    with pytest.raises(Exception) as err:
        _load(data_copy, "sources")
    message = str(err.value)
    assert "sources.csv" in message and f"row {row}" in message
    assert "column date_accessed: is empty but the column is required" in message


@pytest.mark.parametrize("column", ["publisher", "title", "date_published", "rights"])
def test_a_blank_required_field_is_refused(data_copy, column):
    set_cell(data_copy, "sources.csv", 3, column, "")
    with pytest.raises(Exception, match=f"row 3, column {column}: is empty"):
        _load(data_copy, "sources")


def test_access_before_publication_is_reported(data_copy):
    row = _row_of(data_copy, "evt-dw-mali-expels-hr-chief")
    set_cell(data_copy, "sources.csv", row, "date_accessed", "2023-02-01")
    assert source_problems(data_copy) == [
        f"{_where(row, 'date_accessed')}: 2023-02-01 is before the date published 2023-02-05"]


def test_a_partial_access_date_is_reported(data_copy):
    set_cell(data_copy, "sources.csv", 4, "date_accessed", "2026-11")
    assert source_problems(data_copy) == [
        f"{_where(4, 'date_accessed')}: '2026-11' is not a full day"]


def test_a_read_url_that_is_not_a_url_is_refused(data_copy):
    set_cell(data_copy, "sources.csv", 4, "read_url", "defenceWeb")
    with pytest.raises(Exception, match="row 4, column read_url: 'defenceWeb' does not match"):
        _load(data_copy, "sources")


def test_a_bracketed_title_without_a_not_found_note_is_reported(data_copy):
    row = _row_of(data_copy, "evt-defensepost-2022-03-31-helicopters")
    set_cell(data_copy, "sources.csv", row, "notes", "date from the URL")
    assert source_problems(data_copy) == [
        f"{_where(row, 'title')}: a bracketed description, but notes do not say the headline "
        "was not found"]


def test_a_headline_marked_as_description_is_reported(data_copy):
    row = _row_of(data_copy, "evt-dw-mali-expels-hr-chief")
    set_cell(data_copy, "sources.csv", row, "title_from", "description")
    problems = source_problems(data_copy)
    assert len(problems) == 1 and f"row {row}, column title_from" in problems[0]


def test_an_unidentified_publisher_is_reported(data_copy):
    set_cell(data_copy, "sources.csv", 5, "publisher", "Original publisher not identified")
    assert source_problems(data_copy) == [
        f"{_where(5, 'publisher')}: the original publisher is not identified"]


def test_an_uncited_source_is_an_orphan(data_copy):
    events = data_copy / "events.csv"
    text = events.read_text(encoding="utf-8")
    assert ";wag-hrw-2022-04-05-moura" in text
    events.write_text(text.replace(";wag-hrw-2022-04-05-moura", ""), encoding="utf-8")
    wagner = data_copy / "wagner_deployments.csv"
    text = wagner.read_text(encoding="utf-8")
    wagner.write_text(text.replace("wag-hrw-2022-04-05-moura;", ""), encoding="utf-8")
    log = data_copy / "corrections.csv"
    kept = [line for line in log.read_text(encoding="utf-8").splitlines()
            if "wag-hrw-2022-04-05-moura" not in line]
    log.write_text("\n".join(kept) + "\n", encoding="utf-8")
    assert orphan_sources(data_copy) == ["wag-hrw-2022-04-05-moura"]


def test_a_row_citing_only_the_story_fails_the_independence_check(data_copy):
    set_cell(data_copy, "events.csv", 4, "source_ids", STORY_ID)
    table = _load(data_copy, "events")
    only_story = [row for row, ids in enumerate(table["source_ids"].tolist(), start=1)
                  if ids == [STORY_ID]]
    assert only_story == [4]
