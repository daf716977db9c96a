"""``make serve``: Datasette, pinned in the lock, serves the database built from the descriptor
on 127.0.0.1. The test starts the real command on a free port, queries it (a table's rows, a
SQL question, the metadata from the descriptor), and stops it; every wait is bounded."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from analysis.contract.paths import ROOT

START_TIMEOUT = 60  # seconds for Datasette to answer


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as r:  # noqa: S310 (127.0.0.1 only)
        return json.loads(r.read())


@pytest.fixture
def server(tmp_path):
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "analysis", "serve", "--port", str(port),
         "--build-dir", str(tmp_path)], cwd=ROOT, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if proc.poll() is not None:
                pytest.fail(f"datasette exited {proc.returncode}: {proc.stdout.read()[-2000:]}")
            try:
                _get(f"{base}/-/versions.json")
                break
            except (urllib.error.URLError, ConnectionError, OSError):
                if time.monotonic() > deadline:
                    pytest.fail(f"datasette did not answer within {START_TIMEOUT} s")
                time.sleep(0.3)
        yield base
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=15)


def test_datasette_serves_every_table_and_answers_sql(server):
    from analysis.contract.datapackage import read_descriptor
    from analysis.publish.database import tabular

    versions = _get(f"{server}/-/versions.json")
    import datasette

    assert versions["datasette"]["version"] == datasette.__version__
    tables = {t["name"]: t for t in _get(f"{server}/lavrov-mali.json")["tables"]}
    for res in tabular(read_descriptor()):
        assert res["name"] in tables, res["name"]
    assert tables["unga_votes"]["count"] == 378
    assert tables["unga_votes"]["primary_keys"] == ["resolution", "iso3"]
    sql = ("select vote, count(*) as n from unga_votes where resolution = 'A/RES/ES-11/1' "
           "group by vote order by vote")
    rows = _get(f"{server}/lavrov-mali.json?sql={urllib.parse.quote(sql)}&_shape=array")
    assert sum(r["n"] for r in rows) == 54 and {"vote": "no", "n": 1} in rows
    meta = _get(f"{server}/-/metadata.json")
    assert meta["title"].startswith("Data behind") and meta["license"]
    assert "unga_votes" in meta["databases"]["lavrov-mali"]["tables"]
