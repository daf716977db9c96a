"""Every chart the notebooks draw meets the web's bar, checked from its matplotlib artists
(:mod:`analysis.charts.accessibility`): text 4.5:1, marks 3:1, no text under 12 px at the 1x
export; and every number its alt text states is one the chart shows (its data, or text drawn
from it), so that alt text and chart cannot drift apart unnoticed.

The charts are collected by running the committed notebooks' code in this process
(``tests/notebook_charts.py``), so every chart a notebook draws is checked, with the committed
data, called exactly as the notebook calls it."""

import re

import matplotlib.pyplot as plt
import nbformat
import numpy as np
import pandas as pd
import pytest
from notebook_charts import notebook_charts

from analysis import charts
from analysis.charts.accessibility import as_context, chart_violations
from analysis.charts.colour import contrast_ratio, mark_colour
from analysis.contract.paths import NOTEBOOKS_DIR
from analysis.report import build as report

NUMBER = re.compile(r"(?<![\w.])\d+(?:,\d{3})*(?:\.\d+)?")
SHORT_PERIOD = re.compile(r"\b(\d{2})(\d{2})-(\d{2})\b")  # "2012-16" -> "2012-2016"


@pytest.fixture(scope="module")
def drawn():
    found = notebook_charts(report.notebooks(NOTEBOOKS_DIR))
    yield found
    for chart in found:
        plt.close(chart.fig)


def _committed_chart_count() -> int:
    n = 0
    for path in report.notebooks(NOTEBOOKS_DIR):
        for cell in nbformat.read(path, as_version=4).cells:
            n += sum("image/png" in o.get("data", {}) for o in cell.get("outputs", []))
    return n


@pytest.mark.slow
def test_every_notebook_chart_is_collected(drawn):
    assert len(drawn) == _committed_chart_count() > 0


@pytest.mark.slow
def test_every_notebook_chart_passes_contrast_and_text_size(drawn):
    problems = [f"{chart.name}: {v}" for chart in drawn for v in chart_violations(chart.fig)]
    assert not problems, f"{len(problems)} chart violations:\n" + "\n".join(problems[:80])


def _shown(chart) -> tuple[set[float], str]:
    """Numbers in the chart's data (and column sums), and all the text the chart draws."""
    data = chart.house.get("data")
    numbers, words = set(), []
    if data is not None:
        frame = (data.to_frame() if isinstance(data, pd.Series) else data).reset_index()
        for col in frame.columns:
            words.append(str(col))
            values = frame[col]
            if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
                numbers |= {float(v) for v in values.dropna()}
                numbers.add(float(values.sum()))
            else:
                for v in values.dropna():
                    words.append(v.strftime("%Y-%m-%d %-d %B %Y") if isinstance(v, pd.Timestamp)
                                 else str(v))
    fig = chart.fig
    fig.canvas.draw()
    drawn = [t.get_text() for t in fig.findobj(plt.Text)]
    numbers |= {float(m.group(0).replace(",", "")) for t in drawn for m in NUMBER.finditer(t)}
    return numbers, SHORT_PERIOD.sub(r"\1\2-\1\3", " ".join(words + drawn))


def _stated_number_is_shown(token: str, numbers: set[float], words: str) -> bool:
    """``token`` is drawn as text, or a value rounds to it at its stated precision (an integer
    with z trailing zeros is taken as rounded to 10^z: "about 6,900" matches 6,884)."""
    if re.search(rf"(?<!\d)(?<!\d[.,]){re.escape(token)}(?!\d|[.,]\d)", words):
        return True
    plain = token.replace(",", "")
    value = float(plain)
    if "." in plain:
        places = len(plain.split(".")[1])
        return any(round(v, places) == value for v in numbers)
    zeros = len(plain) - len(plain.rstrip("0")) if value else 0
    return any(round(v, -zeros) == value or round(v) == value for v in numbers)


def test_stated_number_is_shown_uses_the_stated_precision():
    assert _stated_number_is_shown("6,900", {6884.2}, "")
    assert not _stated_number_is_shown("6,900", {6984.2}, "")
    assert _stated_number_is_shown("39", {38.8}, "")
    assert _stated_number_is_shown("2015", set(), "2015-2019: no event shown")
    assert not _stated_number_is_shown("19", set(), "2019")
    assert _stated_number_is_shown("2021", set(), "2012-2021, top 8")


@pytest.mark.slow
def test_numbers_in_alt_text_are_numbers_the_chart_shows(drawn):
    problems = []
    for chart in drawn:
        numbers, words = _shown(chart)
        alt = SHORT_PERIOD.sub(r"\1\2-\1\3", charts.alt_text(chart.fig))
        missing = [m.group(0) for m in NUMBER.finditer(alt)
                   if not _stated_number_is_shown(m.group(0), numbers, words)]
        if missing:
            problems.append(f"{chart.name}: alt text states {missing}, not in the chart")
    assert not problems, "\n".join(problems)


# --- the checker itself can fail ------------------------------------------------------------

def _canary():
    fig, ax = charts.new_figure()
    ax.plot([0, 1], [0, 1], color=charts.PALETTE["yellow"], label="pale line")
    ax.bar([2], [1], color="#dddddd", edgecolor="white")
    ax.text(0.5, 0.5, "tiny", fontsize=7, color=charts.PALETTE["ink"])
    ax.text(0.2, 0.8, "faint", fontsize=10, color="#aaaaaa")
    ax.text(0.2, 0.2, "boxed", fontsize=10, color="#666666",
            bbox={"facecolor": "#333333", "edgecolor": "none"})
    return charts.finish(fig, title="t", subtitle="s", source="x", alt="a")


def test_chart_violations_names_pale_marks_small_and_faint_text():
    fig = _canary()
    found = {(v.kind, v.text) for v in chart_violations(fig)}
    kinds = {v.kind for v in chart_violations(fig)}
    plt.close(fig)
    assert ("text-size", "tiny") in found
    assert ("text-contrast", "faint") in found
    assert ("text-contrast", "boxed") in found  # grey on its dark box
    assert kinds == {"text-size", "text-contrast", "mark-contrast"}


def test_text_is_judged_against_the_bar_or_polygon_under_it_and_only_there():
    """The background under a text: a bar (a patch) or a filled polygon (a collection) when the
    text's centre is on it, the axes when it is beside it."""
    fig, ax = charts.new_figure()
    ax.bar([0], [10], width=0.8, color="#222222")
    ax.fill_between([2, 3], [0, 0], [10, 10], color="#222222")
    ax.set_xlim(-1, 5)
    ax.set_ylim(0, 12)
    for x, colour, name in ((0, "#111111", "dark on bar"), (0, "white", "white on bar"),
                            (2.5, "#111111", "dark on polygon"),
                            (2.5, "white", "white on polygon"), (4.2, "#111111", "dark beside")):
        ax.text(x, 5, name, color=colour, ha="center", zorder=5)
    charts.finish(fig, title="t", subtitle="s", source="x", alt="a")
    failed = {v.text for v in chart_violations(fig) if v.kind == "text-contrast"}
    plt.close(fig)
    assert failed == {"dark on bar", "dark on polygon"}


def test_text_past_the_figure_edge_is_clipped_but_an_undrawn_tick_label_is_not():
    fig, ax = charts.new_figure()
    ax.barh(["a"], [7.5])
    ax.set_xlim(0, 7.7)  # the tick at 8 is out of view: matplotlib keeps its label, undrawn
    ax.text(7.5, 0, "a label running well past the right edge", fontsize=10)
    charts.finish(fig, title="t", subtitle="s", source="x", alt="a")
    clipped = [v for v in chart_violations(fig) if v.kind == "text-clipped"]
    plt.close(fig)
    assert [v.text for v in clipped] == ["a label running well past the right edge"]
    assert clipped[0].value > 100


def test_context_artists_are_not_held_to_the_mark_bar():
    fig, ax = charts.new_figure()
    as_context(ax.plot([0, 1], [0, 1], color="#eeeeee")[0])
    charts.finish(fig, title="t", subtitle="s", source="x", alt="a")
    assert [v for v in chart_violations(fig) if v.kind == "mark-contrast"] == []
    plt.close(fig)


def test_mark_colour_keeps_strong_colours_and_darkens_light_ones():
    for name, colour in charts.PALETTE.items():
        darker = mark_colour(colour)
        assert contrast_ratio(darker, "white") >= 3, name
        if contrast_ratio(colour, "white") >= 3:
            assert darker == colour.lower(), name
    rgb = np.array([int(mark_colour("#E69F00")[i:i + 2], 16) for i in (1, 3, 5)])
    assert rgb[0] > rgb[1] > rgb[2]  # still an orange
