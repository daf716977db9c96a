"""The report build: cache keys, the failure path, escaping, offline pages, determinism,
parameters, and the shortcuts it takes to be fast. Builds run on tiny notebooks written here,
in a temporary folder."""

import json
import os
import re
import shutil
import subprocess
import sys
import uuid

import nbformat
import pandas as pd
import pytest

from analysis.charts.export import export_chart, neutralise_formulas
from analysis.contract.errors import DataError
from analysis.contract.paths import NOTEBOOKS_DIR, ROOT
from analysis.publish import pages as site_pages
from analysis.publish import provenance, render
from analysis.report import build as report
from analysis.report import execute

EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//|url\(\s*["']?(?:https?:)?//|"""
                      r"""@import\s+["']?(?:https?:)?//""", re.I)
OUTBOUND_LINK = re.compile(r"""<a href=(["'])https?://[^"']*\1>""")


def _notebook(path, cells, params_cell=None):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nb.cells.append(nbformat.v4.new_markdown_cell("# A question\n\nThe answer."))
    if params_cell:
        cell = nbformat.v4.new_code_cell(params_cell)
        cell.metadata["tags"] = ["parameters"]
        nb.cells.append(cell)
    nb.cells += [nbformat.v4.new_code_cell(c) for c in cells]
    nbformat.write(nb, path)
    return path


CHART_CELL = """
import pandas as pd
from analysis import charts
frame = pd.DataFrame({"supplier": ["=cmd", "B"], "tiv": [3.0, 1.0]}).set_index("supplier")
charts.show(charts.hbar_chart(frame["tiv"], title="A finding", subtitle="A measure",
                              source="Test", alt="Two bars"))
"""


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A notebooks folder with two small notebooks, and an empty build folder.

    The package-code hash is pinned, so that an edit to src/ while the tests run cannot make
    a cached result look stale; code changes are tested by passing another hash."""
    monkeypatch.setattr(report, "code_hash", lambda: "pinned-code-hash")
    nbs = tmp_path / "notebooks"
    nbs.mkdir()
    data = tmp_path / "input.txt"
    data.write_text("one\n")
    _notebook(nbs / "01-first.ipynb", [
        "from analysis.contract.paths import record_read\n"
        f"record_read({str(data)!r})\nvalue = 41 + 1\nvalue",
        CHART_CELL])
    _notebook(nbs / "02-second.ipynb", ["region"], params_cell="region = 'africa'")
    return {"nbs": nbs, "build": tmp_path / "build", "data": data}


def _build(project, **kwargs):
    return report.build_report(build_dir=project["build"], folder=project["nbs"],
                               ledger=[], **kwargs)


def _site_bytes(build):
    return {p.relative_to(build).as_posix(): p.read_bytes()
            for p in sorted(build.rglob("*")) if p.is_file()
            and p.relative_to(build).parts[0] in ("site", "charts")}


# --- cache ------------------------------------------------------------------------------------

def test_is_fresh_tracks_cells_data_read_and_code_not_outputs(project):
    assert _build(project) == 0
    cache, code = project["build"] / "cache", report.code_hash()
    first = report.Job(project["nbs"] / "01-first.ipynb")
    second = report.Job(project["nbs"] / "02-second.ipynb")
    assert report.is_fresh(first, cache, code) and report.is_fresh(second, cache, code)

    # outputs and execution counts do not matter
    nb = nbformat.read(first.path, as_version=4)
    nb.cells[1].execution_count = 99
    nb.cells[1].outputs = [nbformat.v4.new_output("stream", text="noise")]
    nbformat.write(nb, first.path)
    assert report.is_fresh(first, cache, code)

    # a data file the notebook read changes: only that notebook is stale
    project["data"].write_text("two\n")
    assert not report.is_fresh(first, cache, code)
    assert report.is_fresh(second, cache, code)

    # package code changes: everything is stale
    assert not report.is_fresh(second, cache, code + "x")

    # a cell's source changes
    nb = nbformat.read(second.path, as_version=4)
    nb.cells[-1].source = "region * 2"
    nbformat.write(nb, second.path)
    assert not report.is_fresh(second, cache, code)


def test_second_build_is_a_no_op_and_a_changed_input_reruns_exactly_its_reader(project, capsys):
    assert _build(project) == 0
    capsys.readouterr()
    assert _build(project) == 0
    err = capsys.readouterr().err
    assert "nothing to do" in err and "running" not in err
    project["data"].write_text("changed\n")
    assert _build(project) == 0
    err = capsys.readouterr().err
    assert "running 01-first" in err and "running 02-second" not in err
    assert "cached  02-second" in err


# --- failure path -----------------------------------------------------------------------------

def test_failing_notebook_names_cell_and_error_and_keeps_the_old_site(project, capsys):
    assert _build(project) == 0
    before = _site_bytes(project["build"])
    _notebook(project["nbs"] / "02-second.ipynb", ["x = 1", "raise ValueError('bad row 7')"])
    assert _build(project) == 1
    err = capsys.readouterr().err
    assert "failed  02-second" in err
    assert "02-second.ipynb, cell 2: ValueError: bad row 7" in err
    assert "previous site in build/site is unchanged" in err
    assert _site_bytes(project["build"]) == before


# --- the pages --------------------------------------------------------------------------------

def test_site_has_both_versions_charts_and_no_external_reference(project):
    assert _build(project) == 0
    site = project["build"] / "site"
    names = sorted(p.name for p in site.iterdir() if not p.name.startswith("."))
    assert names == ["01-first.editors.html", "01-first.html", "02-second.editors.html",
                     "02-second.html", "charts", "corrections.html", "data", "data.html",
                     "index.html", "search", "sources.html"]
    for page in site.glob("*.html"):
        # Links a reader may follow (the sources page links every publisher's page) load
        # nothing; anything the page itself would fetch must be local.
        text = OUTBOUND_LINK.sub("<a>", page.read_text(encoding="utf-8"))
        assert not EXTERNAL.search(text), page.name
        # the only scripts a page loads are the site's own search, by a relative path
        assert set(re.findall(r"<script src=(['\"])([^'\"]*)\1", text)) == {
            ("'", f"search/{name}") for name in ("lunr.min.js", "index.js", "search.js")}
    editors = (site / "01-first.editors.html").read_text(encoding="utf-8")
    reviewers = (site / "01-first.html").read_text(encoding="utf-8")
    assert 'class="highlight' in reviewers and 'class="highlight' not in editors
    assert "data:image/png;base64" in editors and 'alt="Two bars"' in editors
    assert "[chart]" not in editors and "<pre>42</pre>" not in editors  # no stray text reprs
    assert "<pre>42</pre>" in reviewers
    charts = sorted(p.name for p in (project["build"] / "charts").iterdir())
    assert charts == [f"01-first--a-finding{s}" for s in
                      (".alt.txt", ".csv", ".json", ".png", ".svg", "@2x.png")]


def test_every_chart_links_its_files_inside_the_site_and_its_bundle_is_complete(project):
    import zipfile

    assert _build(project) == 0
    site = project["build"] / "site"
    stem = "01-first--a-finding"
    assert sorted(p.name for p in (site / "charts").iterdir()) == [
        f"{stem}{s}" for s in (".csv", ".png", ".svg", ".zip", "@2x.png")]
    for name in ("01-first.html", "01-first.editors.html"):
        text = (site / name).read_text(encoding="utf-8")
        assert text.count("class='chart-files'") == text.count('src="data:image/png') == 1, name
        after = text[text.index('src="data:image/png'):]
        assert after.index("class='chart-files'") < after.index("</main>")
        for suffix in (".png", "@2x.png", ".svg", ".csv", ".zip"):
            assert f"href='charts/{stem}{suffix}'" in text, (name, suffix)
    with zipfile.ZipFile(site / "charts" / f"{stem}.zip") as z:
        infos = z.infolist()
        assert [i.filename for i in infos] == [f"{stem}/{stem}.csv", f"{stem}/{stem}.metadata.json",
                                               f"{stem}/README.md"]
        assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
        assert z.read(f"{stem}/{stem}.csv") == (site / "charts" / f"{stem}.csv").read_bytes()
        meta = json.loads(z.read(f"{stem}/{stem}.metadata.json"))
        readme = z.read(f"{stem}/README.md").decode()
    assert meta["title"] == "A finding" and meta["subtitle"] == "A measure"
    assert meta["source_line"] == "Test" and meta["alt"] == "Two bars"
    assert meta["notebook"] == "01-first.ipynb" and meta["page"] == "01-first.html"
    assert meta["licences"] and all(lic["licence"] for lic in meta["licences"])
    assert meta["data_vintages"] and meta["citation"] and meta["commit"]
    assert meta["sources"] == []  # this notebook read no sourced table
    assert "# A finding" in readme and meta["citation"] in readme and "## Licences" in readme


def test_a_chart_on_a_page_without_its_files_fails_the_build_by_page(project):
    from analysis.report import assemble

    assert _build(project) == 0
    for f in (project["build"] / "cache" / "01-first.charts").glob("*.png"):
        f.write_bytes(f.read_bytes() + b"x")  # no longer the picture on the page
    staging = project["build"] / "again"
    with pytest.raises(ValueError, match=r"01-first.html: 1 image\(s\) on the page match no"):
        assemble.build_site(report.plan(folder=project["nbs"]), project["build"] / "cache",
                            staging, [])


def test_chart_data_csv_neutralises_spreadsheet_formulas(project):
    assert _build(project) == 0
    csv_text = (project["build"] / "charts" / "01-first--a-finding.csv").read_text()
    assert csv_text.splitlines() == ["supplier,tiv", "'=cmd,3.0", "B,1.0"]


def test_rebuilding_from_scratch_gives_byte_identical_site_and_charts(project):
    # with a parameterised run too: its injected cell is on its pages
    given = ["02-second:region=north-africa"]
    assert _build(project, overrides=given) == 0
    first = _site_bytes(project["build"])
    assert any(b"injected-parameters" in data for data in first.values())
    shutil.rmtree(project["build"])
    assert _build(project, overrides=given) == 0
    assert _site_bytes(project["build"]) == first
    for name, data in first.items():
        assert str(ROOT).encode() not in data, f"{name} holds an absolute path"


def test_ledger_and_data_text_are_escaped_in_the_pages(tmp_path):
    rows = [{"claim_id": "c01", "paragraph": 1, "verdict": "supported",
             "claim": "<script>alert(1)</script>", "evidence": "<img src=x onerror=alert(2)>"}]
    entry = site_pages.Entry("01-x", "01-x.ipynb", "<p>ok</p>", {"region": "<b>"})
    site_pages.write_pages(tmp_path, [entry], rows)
    for page in ("index.html", "ledger.html"):
        text = (tmp_path / page).read_text(encoding="utf-8")
        assert "<script>alert" not in text and "<img src=x" not in text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
        assert "✓ supported" in text  # verdict as symbol and word, not colour alone


def test_ledger_page_shows_then_and_now_and_each_claims_history(tmp_path):
    from analysis.claims.ledger import ledger_records

    rows = ledger_records()
    site_pages.write_pages(tmp_path, [site_pages.Entry("01-x", "01-x.ipynb", "<p>ok</p>", {})],
                           rows)
    text = (tmp_path / "ledger.html").read_text(encoding="utf-8")
    assert "<h2 id='then-and-now'>Then and now</h2>" in text
    # the index says how the claims about a state of the world stand now, linked to the table
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert ("Of the story's 14 claims about a state of the world, 9 are judged again as of the "
            "latest evidence: 4 supported, 2 partly supported, 3 not supported; 3 of them moved "
            "from its verdict on the story's day. The other 5 cannot be judged from the data, "
            "then or now. <a href='ledger.html#then-and-now'>") in index
    # c12: supported as of the story and as of SIPRI's data through 2024
    assert ("✓ supported (2023-02-06)</td><td class='v v-supported' data-label='Now'>"
            "✓ supported (2024-12-31)") in text
    # c14's history: the correction of the review of issue 18
    assert "2026-12-05, then: partly supported → not supported (correction)" in text
    assert text.count("<th scope='row'>History</th>") == len(rows)
    assert ("Partly supported at both bounds of what the research did not cover "
            "(rows SDN, CAF, MDG, LBY") in text  # c22, at both bounds of the unresearched rows
    assert "2026-12-06, now: not checkable → partly supported (later fact)" in text  # its history
    # a verdict now shows the rows and sources it rests on, linked (c21: the fighters' return)
    c21 = text[text.index("id='claim-c21'"):text.index("id='claim-c22'")]
    assert "<th scope='row'>Rows now</th>" in c21 and "ukr-wagner-return-2023" in c21
    assert "<th scope='row'>Sources now</th>" in c21
    assert "sources.html#src-evt-meduza-2023-09-27-wagner-bakhmut" in c21
    moment = text[text.index("id='claim-c01'"):text.index("id='claim-c02'")]
    assert "Rows now" not in moment and "Rule now" not in moment  # a moment is judged once
    # the verdict now shows its rule and figures, as the verdict then does (c14: the later texts)
    c14 = text[text.index("id='claim-c14'"):text.index("id='claim-c15'")]
    assert "<th scope='row'>Rule now</th><td>Support is a vote against a condemning text" in c14
    assert "on the texts adopted since the story (ES-11/6 and ES-11/7)" in c14
    assert "<li>voted against ES-11/7: 8 of 54 (Burkina Faso, Burundi" in c14
    # a bounded verdict gives both bounds' figures (c22: hosts 6 at the lower, 8 at the upper)
    c22 = text[text.index("id='claim-c22'"):text.index("id='claim-c22a'")]
    assert "<th scope='row'>Figures now</th>" in c22 and "Run twice, at the two bounds" in c22
    assert "(lower bound): 6 countries" in c22 and "(upper bound): 8 countries" in c22


def test_dataframe_text_in_a_notebook_output_is_escaped_in_html():
    frame = pd.DataFrame({"claim": ["<script>alert(1)</script>", "<img src=x onerror=alert(2)>"]})
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("frame")
    cell.outputs = [nbformat.v4.new_output("execute_result", data={
        "text/html": frame._repr_html_(), "text/plain": repr(frame)}, execution_count=1)]
    nb.cells.append(cell)
    for with_code in (True, False):
        html_text = report.to_html(nb, "t", with_code=with_code)
        assert "<script>alert" not in html_text and "<img src=x" not in html_text


def test_committed_notebooks_render_without_external_references():
    for path in sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        for with_code in (True, False):
            assert not EXTERNAL.search(report.to_html(nb, path.stem, with_code=with_code))


# --- parameters -------------------------------------------------------------------------------

def test_parameter_override_runs_under_its_own_name_and_says_so(project):
    assert _build(project, overrides=["02-second:region=north-africa"]) == 0
    site = project["build"] / "site"
    page = (site / "02-second--region-north-africa.html").read_text(encoding="utf-8")
    assert "Run with parameters: <code>region = &#x27;north-africa&#x27;</code>" in page
    assert "&#x27;north-africa&#x27;" in page or "'north-africa'" in page
    assert (site / "02-second.html").exists()  # the default run stays
    executed = nbformat.read(project["build"] / "cache" / "02-second--region-north-africa.ipynb",
                             as_version=4)
    injected = [c for c in executed.cells
                if "injected-parameters" in c.metadata.get("tags", [])]
    assert injected and injected[0].outputs == []
    assert executed.cells[-1].outputs[0]["data"]["text/plain"] == "'north-africa'"


@pytest.mark.parametrize("text", ["region=x", "01-arms:", "01-arms:1x=2", ":a=1"])
def test_parse_param_rejects_what_is_not_notebook_name_value(text):
    with pytest.raises(ValueError, match="expected NOTEBOOK:NAME=VALUE"):
        report.parse_param(text)


def test_plan_rejects_an_unknown_notebook_and_a_notebook_without_parameters(project):
    with pytest.raises(ValueError, match="no such notebook"):
        report.plan(["99-none:a=1"], project["nbs"])
    nb = nbformat.read(project["nbs"] / "01-first.ipynb", as_version=4)
    with pytest.raises(ValueError, match="no cell tagged 'parameters'"):
        report.inject_parameters(nb, {"a": 1})


# --- chart files ------------------------------------------------------------------------------

def test_export_chart_writes_every_format_and_is_byte_stable(tmp_path):
    from analysis import charts

    def draw():
        fig = charts.hbar_chart(pd.Series({"Russia": 3.0, "=HYPERLINK()": 1.0}), title="T",
                                subtitle="S", source="Src", alt="Alt text")
        return export_chart(fig, tmp_path / "a", "x", fig._house["data"], "Alt text", 100)

    first = {p.name: p.read_bytes() for p in draw()}
    second = {p.name: p.read_bytes() for p in draw()}
    assert first == second
    assert sorted(first) == ["x.alt.txt", "x.csv", "x.png", "x.svg", "x@2x.png"]
    assert b"'=HYPERLINK()" in first["x.csv"]
    assert b"<dc:date>" not in first["x.svg"]


def test_neutralise_formulas_leaves_numbers_and_safe_text_alone():
    frame = pd.DataFrame({"a": ["+1", "@SUM(A1)", "plain"], "n": [-2.5, 0, 3]})
    out = neutralise_formulas(frame)
    assert out["a"].tolist() == ["'+1", "'@SUM(A1)", "plain"]
    assert out["n"].tolist() == [-2.5, 0, 3]


def test_cache_meta_is_json_with_relative_paths(project):
    assert _build(project) == 0
    meta = json.loads((project["build"] / "cache" / "02-second.json").read_text())
    assert meta["source"] == "02-second.ipynb"
    assert all(not k.startswith(str(ROOT)) for k in meta["reads"])


def test_no_state_leaks_from_one_notebook_to_another(tmp_path, monkeypatch):
    """Kernels are forked from a template that only imported libraries: a name, a module
    attribute, an environment variable or a matplotlib setting one notebook sets is not seen
    by the next, even when both ran in turn on the same template."""
    monkeypatch.setattr(report, "code_hash", lambda: "pinned-code-hash")
    nbs = tmp_path / "notebooks"
    nbs.mkdir()
    _notebook(nbs / "01-sets.ipynb", [
        "import os, matplotlib, analysis\nleaked = 1\nanalysis.leaked = 1\n"
        "os.environ['LEAKED'] = '1'\nmatplotlib.rcParams['lines.linewidth'] = 9.0"])
    _notebook(nbs / "02-reads.ipynb", [
        "import os, matplotlib, analysis\nassert 'leaked' not in globals()\n"
        "assert not hasattr(analysis, 'leaked')\nassert 'LEAKED' not in os.environ\n"
        "assert matplotlib.rcParams['lines.linewidth'] != 9.0\nprint('clean')"])
    assert report.build_report(build_dir=tmp_path / "build", folder=nbs, ledger=[],
                               jobs_limit=1) == 0
    executed = nbformat.read(tmp_path / "build" / "cache" / "02-reads.ipynb", as_version=4)
    assert executed.cells[-1].outputs[0]["text"] == "clean\n"


# --- the shortcuts the build takes to be fast (issue 13) -------------------------------------
# What the report build skips to be fast (issue 13), and what it must still guarantee.
#
# Each shortcut has a test that fails if it stops holding: build kernels load no debugger and
# write no history, yet lose no output; a kernel that dies before answering is a named failure;
# a kept page renderer renders as a fresh one does; the build process never compiles the IRI
# grammars, yet nbformat still rejects a broken notebook; the sources read ahead of time fail
# the build exactly as when read at the end.

def test_build_kernels_have_no_debugger_no_history_database_and_lose_no_output(tmp_path,
                                                                              monkeypatch):
    monkeypatch.setattr(report, "code_hash", lambda: "pinned-code-hash")
    nbs = tmp_path / "notebooks"
    nbs.mkdir()
    _notebook(nbs / "01-kernel.ipynb", [
        "print('first output')",
        "import sys\nassert sys.modules.get('debugpy') is None\n"
        "hm = get_ipython().history_manager\nassert hm.enabled is False\nprint('checked')"])
    assert report.build_report(build_dir=tmp_path / "build", folder=nbs, ledger=[]) == 0
    cells = nbformat.read(tmp_path / "build" / "cache" / "01-kernel.ipynb", as_version=4).cells
    # the first cell's output arrives (IOPub was connected before it ran), as does the check
    assert cells[1].outputs[0]["text"] == "first output\n"
    assert cells[2].outputs[0]["text"] == "checked\n"


def test_a_kernel_that_dies_before_answering_fails_its_notebook_by_name(project, capsys,
                                                                        monkeypatch):
    def dead_fork(self, connection_file, cwd, env):
        pid = os.fork()
        if pid == 0:
            os._exit(3)
        os.waitpid(pid, 0)
        return pid  # a process that is gone: it never answers

    monkeypatch.setattr(execute.Template, "fork", dead_fork)
    assert _build(project) == 1
    err = capsys.readouterr().err
    assert "01-first.ipynb: the kernel did not start (the kernel exited before answering)" in err
    assert not (project["build"] / "site").exists()


def test_a_kernel_that_dies_in_a_cell_fails_its_notebook_by_name(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(report, "code_hash", lambda: "pinned-code-hash")
    nbs = tmp_path / "notebooks"
    nbs.mkdir()
    _notebook(nbs / "01-dies.ipynb", ["print('before')", "import os\nos._exit(3)", "print(1)"])
    assert report.build_report(build_dir=tmp_path / "build", folder=nbs, ledger=[]) == 1
    assert "01-dies.ipynb: the kernel died" in capsys.readouterr().err


def test_a_kept_renderer_renders_a_page_as_a_fresh_one_does():
    first, second = (nbformat.read(ROOT / "notebooks" / name, as_version=4)
                     for name in ("03-mali-timeline.ipynb", "05-un-votes.ipynb"))
    render._exporter.cache_clear()
    fresh = [render.to_html(second, "b"), render.to_html(second, "b", with_code=False)]
    render._exporter.cache_clear()
    render.to_html(first, "a")
    render.to_html(first, "a", with_code=False)
    kept = [render.to_html(second, "b"), render.to_html(second, "b", with_code=False)]
    assert kept == fresh


@pytest.mark.parametrize("name", ["00-fact-check.ipynb", "10-country.ipynb"])
def test_pages_parse_to_the_document_nbconvert_writes(name):
    """The page exporter adds alt texts and tabindex without nbconvert's second parse of the
    page (BeautifulSoup): parsed, its page and HTMLExporter's are the same document."""
    from bs4 import BeautifulSoup
    from nbconvert import HTMLExporter

    nb = nbformat.read(ROOT / "notebooks" / name, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("", outputs=[nbformat.v4.new_output(
        "display_data", {"image/png": "iVBORw0KGgo=", "text/plain": "<Figure>"})]))
    for with_code in (True, False):
        ours = render.to_html(nb, "t", with_code=with_code)
        theirs = render.to_html(nb, "t", with_code=with_code, exporter_class=HTMLExporter)
        assert ours != theirs  # not the same bytes: the check below compares documents
        assert (str(BeautifulSoup(ours, "html.parser"))
                == str(BeautifulSoup(theirs, "html.parser"))), (name, with_code)
        assert f'alt="{render.NO_ALT}"' in ours and ours.count('tabindex="0"') > 10
        # class lists as a parse writes them (html.py looks for 'class="highlight')
        assert not re.search(r'class="(\s|[^"]*(\s\s|\s"))', ours)
        assert with_code == ('class="highlight hl-ipython3"' in ours)


def test_a_bundles_metadata_is_the_json_of_its_metadata_with_sources_written_once():
    """The sources list in a bundle's metadata.json is serialised once per set of sources and
    put in place: the text is json.dumps's, byte for byte, for the real sources and for
    characters JSON escapes."""
    from analysis.publish import downloads, provenance

    prov = provenance.load_provenance()
    real = downloads.sources_for(sorted(prov[1]["source_id"].unique()), prov[0])
    odd = [downloads.Source("x", "Ré\nseau", 'say "no"', "2023", "", "\\ \x00 \u2028")]
    for sources in (real, odd, []):
        meta = {"title": "T", "alt": "é", "sources": [downloads._as_dict(s) for s in sources],
                "licences": [{"what": "w", "licence": "l"}], "data_vintages": ["a"]}
        assert downloads.metadata_json(meta, sources) == json.dumps(meta, indent=1,
                                                                    ensure_ascii=False)
    assert len(real) > 50


def test_markdown_remembered_across_pages_renders_as_nbconvert_does():
    """The page exporter renders a markdown text once; a cell with attachments is rendered
    with its own, even when the same text was seen before without them or with others."""
    from bs4 import BeautifulSoup
    from nbconvert import HTMLExporter

    text = "## The same heading\n\nThe same *text*"

    def notebook(png: str):
        nb = nbformat.v4.new_notebook()
        nb.cells = [nbformat.v4.new_markdown_cell(text), nbformat.v4.new_markdown_cell(
            text + ", ![a picture](attachment:a.png)",
            attachments={"a.png": {"image/png": png}})]
        return nb

    for png in ("AAAA", "BBBB", "AAAA"):
        nb = notebook(png)
        ours = render.to_html(nb, "t")
        theirs = render.to_html(nb, "t", exporter_class=HTMLExporter)
        assert (str(BeautifulSoup(ours, "html.parser"))
                == str(BeautifulSoup(theirs, "html.parser")))
        assert ours.count(f"data:image/png;base64,{png}") == 1
        assert ours.count('id="The-same-heading"') == 2


def test_a_paragraph_written_by_code_is_rendered_once_for_both_pages(monkeypatch):
    """A run's page with code and its page without share the markdown rendered for either
    (a ``text/markdown`` output, unique to the run); each page is still nbconvert's own."""
    from bs4 import BeautifulSoup
    from nbconvert import HTMLExporter

    said = f"Mali is *one of 54* ({uuid.uuid4().hex})"  # never rendered before in this process
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("say()")
    cell.outputs = [nbformat.v4.new_output("display_data", data={"text/markdown": said})]
    nb.cells = [nbformat.v4.new_markdown_cell("# A page"), cell]
    calls = []
    real = HTMLExporter.markdown2html
    monkeypatch.setattr(HTMLExporter, "markdown2html",
                        lambda self, context, text: calls.append(text) or real(self, context, text))
    pages = [render.to_html(nb, "t"), render.to_html(nb, "t", with_code=False)]
    assert calls.count(said) == 1
    for with_code, ours in zip((True, False), pages, strict=True):
        assert "<em>one of 54</em>" in ours
        monkeypatch.setattr(HTMLExporter, "markdown2html", real)
        theirs = render.to_html(nb, "t", with_code=with_code, exporter_class=HTMLExporter)
        assert (str(BeautifulSoup(ours, "html.parser"))
                == str(BeautifulSoup(theirs, "html.parser")))


def test_a_page_of_an_invalid_notebook_is_refused_though_validated_once():
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("1")
    cell.outputs = [{"output_type": "stream", "name": "stdout", "text": 5}]  # text: a number
    nb.cells = [cell]
    with pytest.raises(nbformat.ValidationError):
        render.to_html(nb, "t")


def test_the_build_process_skips_the_iri_grammars_and_still_validates_notebooks(tmp_path):
    broken = tmp_path / "broken.ipynb"
    broken.write_text('{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, '
                      '"cells": [{"cell_type": "code", "source": "1"}]}')
    code = ("import sys\nfrom analysis.report.build import skip_iri_grammars\n"
            "skip_iri_grammars()\nimport nbformat\n"
            "assert sys.modules['rfc3987_syntax'] is None and 'lark' not in sys.modules\n"
            "from nbformat import ValidationError\n"
            f"try:\n    nbformat.read({str(broken)!r}, as_version=4)\n"
            "except ValidationError as exc:\n    print('rejected:', exc.message)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, check=True).stdout
    assert out.startswith("rejected:") and "missing an expected key" in out


def test_sources_read_ahead_fail_the_build_as_if_read_at_the_end(project, monkeypatch):
    assert _build(project) == 0
    before = _site_bytes(project["build"])
    (project["nbs"] / "01-first.ipynb").touch()
    _notebook(project["nbs"] / "02-second.ipynb", ["2 + 2"], params_cell="region = 'x'")

    def broken():
        raise DataError("data/sources.csv", "is empty but the column is required", row=4,
                        column="title")

    monkeypatch.setattr(provenance, "load_provenance", broken)
    with pytest.raises(DataError, match="sources.csv, row 4, column title"):
        _build(project)
    assert _site_bytes(project["build"]) == before


def test_the_command_line_builds_another_folder_into_another_build_dir(project):
    proc = subprocess.run([sys.executable, "-m", "analysis", "report", "--build-dir",
                           str(project["build"]), "--notebooks", str(project["nbs"])],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert "running 01-first" in proc.stderr and "running 02-second" in proc.stderr
    assert (project["build"] / "site" / "01-first.html").exists()
    assert f"wrote {project['build']}/site/index.html" in proc.stderr


def test_remembered_filters_render_the_bytes_nbconvert_does():
    """Highlighting and sanitising are remembered by input across pages (render.MEMO): the
    pages are byte for byte those of a plain exporter with nbconvert's own filters (both
    HTMLExporter here; the page exporter is compared with it below)."""
    from nbconvert import HTMLExporter

    from analysis.publish.html import clean_page

    for name in ("10-country.ipynb", "05-un-votes.ipynb", "10-country.ipynb"):
        nb = nbformat.read(ROOT / "notebooks" / name, as_version=4)
        for with_code in (True, False):
            plain = HTMLExporter(template_name="offline",
                                 extra_template_basedirs=[str(render.TEMPLATES)],
                                 exclude_input=not with_code,
                                 exclude_input_prompt=not with_code,
                                 exclude_output_prompt=not with_code)
            expected = clean_page(plain.from_notebook_node(
                nb if with_code else render.editors_copy(nb),
                resources={"metadata": {"name": "t"}})[0])
            assert render.to_html(nb, "t", with_code=with_code,
                                  exporter_class=HTMLExporter) == expected


def test_a_slow_kernel_answering_one_request_late_is_still_connected():
    """A kernel that answers each kernel_info request only after the next one is sent (a slow
    start under load) must be taken as ready, not asked forever."""
    import asyncio
    from queue import Empty

    class LateClient:
        def __init__(self):
            self.sent, self.waits, self.stopped = [], 0, False

        def start_channels(self):
            pass

        def stop_channels(self):
            self.stopped = True

        def kernel_info(self):
            self.sent.append(f"id-{len(self.sent)}")
            return self.sent[-1]

        async def get_shell_msg(self, timeout):
            self.waits += 1
            await asyncio.sleep(0)  # a real wait: wait_for can end a build asking forever
            if len(self.sent) < 2:
                raise Empty  # the first request: no answer within the timeout
            return {"msg_type": "kernel_info_reply",
                    "parent_header": {"msg_id": self.sent[-2]}}  # always one behind

        async def get_iopub_msg(self, timeout):
            return {"msg_type": "status"}

    class Kernel:
        def __init__(self):
            self.kc = LateClient()

        def client(self):
            return self.kc

        def is_alive(self):
            return True

    kernel = Kernel()
    kc = asyncio.run(asyncio.wait_for(execute.Runner._connect(kernel), timeout=10))
    assert kc is kernel.kc and len(kc.sent) == 2 and not kc.stopped


def test_the_site_key_holds_the_index_tile_grid(project, capsys, monkeypatch, tmp_path):
    """The index reads data/africa_tile_grid.csv itself (no notebook records it): a change to
    it rebuilds the site, without re-running a notebook."""
    from analysis.publish import countries
    from analysis.report import cache

    assert [ROOT / f for f in cache.SITE_FILES] == [countries.TILE_GRID]
    grid = tmp_path / "africa_tile_grid.csv"
    shutil.copy(countries.TILE_GRID, grid)
    monkeypatch.setattr(cache, "SITE_FILES", (str(grid),))  # an absolute path: read as is
    assert _build(project) == 0
    key = (project["build"] / "site" / ".build-key").read_text()
    assert _build(project) == 0
    assert "nothing to do" in capsys.readouterr().err
    grid.write_text(grid.read_text(encoding="utf-8").replace("MLI,", "MLI ,", 1),
                    encoding="utf-8")
    assert _build(project) == 0
    err = capsys.readouterr().err
    assert "nothing to do" not in err and "running" not in err
    assert (project["build"] / "site" / ".build-key").read_text() != key
