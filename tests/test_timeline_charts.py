"""Tests for analysis.timeline_charts: the charts render to PNG with alt text, partial dates are
drawn at their precision, and bad input fails with a message that says what is wrong."""

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.text import Text

from analysis import charts
from analysis.charts import comparisons
from analysis.charts import timelines as tc

PNG = b"\x89PNG\r\n\x1a\n"
WORDS = {"title": "A finding", "subtitle": "A measure, unit", "source": "Tests", "alt": "Alt text"}


def _texts(fig) -> list[str]:
    return [t.get_text() for t in fig.findobj(Text)]


def _renders(fig) -> None:
    """PNG bytes, alt text, and the title, subtitle and source line on the figure."""
    assert charts.png_bytes(fig).startswith(PNG)
    assert charts.alt_text(fig) == WORDS["alt"]
    texts = _texts(fig)
    assert WORDS["title"] in texts and f"Source: {WORDS['source']}" in texts
    plt.close(fig)


@pytest.fixture
def reports() -> pd.DataFrame:
    return pd.DataFrame({
        "country": ["Mali", "Sudan", "Democratic Republic of the Congo"],
        "first_reported": ["2021-12", "2017", "2023-03"],
        "map_status": ["confirmed", "confirmed", "alleged after the story"],
    })


@pytest.fixture
def events_frame() -> pd.DataFrame:
    rows = [("mli-a-2013", "2013", "deployment", "A mission is set up."),
            ("mli-b-2020", "2020-08-18", "coup", "Soldiers take power."),
            ("mli-c-2021", "2021-12", "deployment", "Personnel start arriving."),
            ("mli-d-2023", "2023-02-05", "expulsion", "An official is expelled."),
            ("mli-e-2023", "2023-05-12", "UN finding", "A report after the visit.")]
    frame = pd.DataFrame(rows, columns=["event_id", "date", "category", "description"])
    starts = {"2013": "2013-01-01", "2021-12": "2021-12-01"}
    ends = {"2013": "2013-12-31", "2021-12": "2021-12-31"}
    frame["date_precision"] = ["year", "day", "month", "day", "day"]
    frame["date_start"] = pd.to_datetime([starts.get(d, d) for d in frame["date"]])
    frame["date_end"] = pd.to_datetime([ends.get(d, d) for d in frame["date"]])
    frame["after_story"] = frame["date_start"] > pd.Timestamp("2023-02-06")
    return frame


@pytest.fixture
def trips() -> pd.DataFrame:
    return pd.DataFrame({"trip": [3, 3], "stop": [1, 2], "iso3": ["IRQ", "MLI"],
                         "city": ["Baghdad", "Bamako"],
                         "arrival_date": pd.to_datetime(["2023-02-05", "2023-02-07"]),
                         "met": ["FM Fuad Hussein", "FM Abdoulaye Diop; Col. Assimi Goïta"]})


# --- date_label -------------------------------------------------------------------------------

def test_date_label_at_each_precision():
    assert [tc.date_label(v) for v in ("2013", "2013-01", "2023-02-05")] == \
        ["2013", "Jan 2013", "5 Feb 2023"]


def test_date_label_rejects_impossible_date():
    with pytest.raises(ValueError, match="'2023-02-31' is not a real date"):
        tc.date_label("2023-02-31")


# --- first_reports_chart ----------------------------------------------------------------------

def test_first_reports_chart_renders_with_precision_labels(reports):
    fig = tc.first_reports_chart(reports, categories=["confirmed", "alleged after the story"],
                                 reference=(pd.Timestamp("2023-02-06"), "story"), **WORDS)
    texts = _texts(fig)
    assert "2017 (year only)" in texts and "Dec 2021" in texts and "story" in texts
    # Rows run earliest first: Sudan is the top tick label.
    ax = fig.axes[0]
    by_height = dict(zip(ax.get_yticks(), [t.get_text() for t in ax.get_yticklabels()],
                         strict=True))
    assert by_height[max(by_height)] == "Sudan"
    assert by_height[min(by_height)] == "Democratic Republic of\nthe Congo"  # wrapped
    _renders(fig)


def test_first_reports_chart_draws_a_bar_for_partial_dates_only(reports):
    fig = tc.first_reports_chart(reports.iloc[[1]], categories=["confirmed"], **WORDS)
    bars = fig.axes[0].patches
    assert len(bars) == 1  # the year-only report
    assert bars[0].get_width() == pytest.approx(365)  # all of 2017, in days
    plt.close(fig)
    day = reports.iloc[[1]].assign(first_reported="2017-06-01")
    fig = tc.first_reports_chart(day, categories=["confirmed"], **WORDS)
    assert not fig.axes[0].patches  # a day is a point, not a bar
    plt.close(fig)


@pytest.mark.parametrize("change, message", [
    ({"categories": ["confirmed"]}, r"categories \['alleged after the story'\]"),
    ({"date": "when"}, r"lacks columns \['when'\]"),
])
def test_first_reports_chart_rejects_bad_input(reports, change, message):
    kwargs = {"categories": ["confirmed", "alleged after the story"], **WORDS, **change}
    with pytest.raises(ValueError, match=message):
        tc.first_reports_chart(reports, **kwargs)


def test_first_reports_chart_rejects_empty_frame(reports):
    with pytest.raises(ValueError, match="empty"):
        tc.first_reports_chart(reports.iloc[:0], categories=["confirmed"], **WORDS)


def test_first_reports_chart_needs_alt_text(reports):
    with pytest.raises(ValueError, match="alt text"):
        tc.first_reports_chart(reports, categories=["confirmed", "alleged after the story"],
                               **{**WORDS, "alt": " "})


# --- story_timeline and event_timeline_chart --------------------------------------------------

def test_story_timeline_adds_the_visit_and_stops_there(events_frame, trips):
    out = tc.story_timeline(events_frame, trips, "MLI",
                            ["deployment", "coup", "expulsion", "UN finding"])
    assert out["event_id"].tolist() == ["mli-a-2013", "mli-b-2020", "mli-c-2021", "mli-d-2023",
                                        "mli-lavrov-visit-3-2"]
    visit = out.iloc[-1]
    assert (visit["date"], visit["date_precision"], visit["category"]) == \
        ("2023-02-07", "day", tc.VISIT_CATEGORY)
    assert visit["description"] == ("Sergey Lavrov lands in Bamako and meets FM Abdoulaye Diop "
                                    "and Col. Assimi Goïta.")
    assert bool(visit["after_story"]) and not out["after_story"].iloc[:-1].any()


def test_story_timeline_keeps_only_the_categories_asked_for(events_frame, trips):
    out = tc.story_timeline(events_frame, trips, "MLI", ["coup"])
    assert set(out["category"]) == {"coup", tc.VISIT_CATEGORY}


@pytest.mark.parametrize("iso3, categories, message", [
    ("NER", ["coup"], r"no trip stop in 'NER'"),
    ("MLI", ["coup", "exercise"], r"no event of categories \['exercise'\]"),
])
def test_story_timeline_failure_paths(events_frame, trips, iso3, categories, message):
    with pytest.raises(ValueError, match=message):
        tc.story_timeline(events_frame, trips, iso3, categories)


def test_event_timeline_chart_renders_years_gaps_and_reference(events_frame):
    frame = events_frame.iloc[:4]
    fig = tc.event_timeline_chart(frame, categories=["deployment", "coup", "expulsion"],
                                  reference=(pd.Timestamp("2023-02-04"), "the story"), **WORDS)
    texts = _texts(fig)
    assert {"2013", "2020", "2021", "2023"} <= set(texts)
    assert "2014-2019: no event shown" in texts
    assert "2013 (year only)" in texts and "Dec 2021" in texts and "5 Feb 2023" in texts
    assert "the story" in texts
    # Hollow markers (white face) for the two partial dates, filled for the two days.
    faces = [line.get_markerfacecolor() for line in fig.axes[0].get_lines()
             if line.get_marker() not in ("None", None, "")]
    assert sum(face == "white" for face in faces) == 2
    _renders(fig)


def test_event_timeline_chart_grows_with_the_events(events_frame):
    cats = ["deployment", "coup", "expulsion", "UN finding"]
    small = tc.event_timeline_chart(events_frame.iloc[:2], categories=cats, **WORDS)
    large = tc.event_timeline_chart(events_frame, categories=cats, **WORDS)
    assert large.get_figheight() > small.get_figheight()
    plt.close(small)
    plt.close(large)


def test_event_timeline_chart_rejects_unknown_category(events_frame):
    with pytest.raises(ValueError, match=r"categories \['UN finding'\] are not among"):
        tc.event_timeline_chart(events_frame, categories=["deployment", "coup", "expulsion"],
                                **WORDS)


def test_event_marks_midpoint_and_unknown_id(events_frame):
    marks = tc.event_marks(events_frame, {"mli-c-2021": "arrives", "mli-b-2020": "coup"})
    assert marks["date"].tolist() == [pd.Timestamp("2021-12-16"), pd.Timestamp("2020-08-18")]
    with pytest.raises(ValueError, match=r"unknown event_id \['mli-z-2020'\]"):
        tc.event_marks(events_frame, {"mli-z-2020": "nothing"})


# --- dumbbell_chart ---------------------------------------------------------------------------

@pytest.fixture
def two_periods() -> pd.DataFrame:
    return pd.DataFrame({"label": ["Libya", "Madagascar", "Others, median"],
                         "before_pct": [14.0, float("nan"), 0.0],
                         "after_pct": [70.0, 0.0, 0.0],
                         "section": ["Countries", "Countries", "Groups"]})


def test_dumbbell_chart_renders_notes_and_sections(two_periods):
    fig = comparisons.dumbbell_chart(two_periods, section="section", before_label="2012-16",
                            after_label="2017-21", missing_note="no imports in {period}", **WORDS)
    texts = _texts(fig)
    assert "no imports in 2012-16" in texts
    assert {"Countries", "Groups", "14%", "70%"} <= set(texts)
    assert texts.count("0%") == 2  # Madagascar's after, and one label for the equal 0 and 0
    _renders(fig)


def test_dumbbell_chart_rejects_missing_columns(two_periods):
    with pytest.raises(ValueError, match=r"lacks columns \['after_pct'\]"):
        comparisons.dumbbell_chart(two_periods.drop(columns="after_pct"), before_label="a",
                          after_label="b", **WORDS)


# --- supplier_bars_chart ----------------------------------------------------------------------

@pytest.fixture
def by_year() -> pd.DataFrame:
    return pd.DataFrame({"Russia": [0.0, 15.0, 41.0], "France": [3.7, 2.9, 0.0],
                         "all others": [18.0, 7.0, 23.0]}, index=[2016, 2017, 2018])


def test_supplier_bars_chart_colours_marks_and_png(by_year):
    marks = pd.DataFrame({"date": [pd.Timestamp("2017-12-16")], "label": ["arrives"]})
    fig = comparisons.supplier_bars_chart(by_year, marks=marks, ylabel="TIV", **WORDS)
    ax = fig.axes[0]
    colours = {bar.get_label() for bar in ax.containers}
    assert colours == {"Russia", "France", "all others"}
    russia = ax.containers[0].patches[0].get_facecolor()
    assert russia[:3] == pytest.approx(tuple(int(charts.PALETTE["Russia"][i:i + 2], 16) / 255
                                             for i in (1, 3, 5)))
    # Mid-December 2017 sits near the right edge of the 2017 bar (x = 1): 1 - 0.5 + 349.5/365.
    line = [ln for ln in ax.get_lines() if ln.get_linestyle() == "--"][0]
    assert line.get_xdata()[0] == pytest.approx(0.5 + 349.5 / 365)
    assert "arrives" in _texts(fig)
    _renders(fig)


def test_supplier_bars_chart_keeps_a_named_supplier_style_on_every_page():
    """China is dotted orange whether it is the first layer on one page or the third on another;
    an unnamed supplier never takes a named one's hatch (a reader compares pages in greyscale)."""
    def styles(frame):
        fig = comparisons.supplier_bars_chart(frame, **WORDS)
        out = {bar.get_label(): (bar.patches[0].get_facecolor(), bar.patches[0].get_hatch())
               for bar in fig.axes[0].containers}
        plt.close(fig)
        return out

    years = [2016, 2017]
    one = styles(pd.DataFrame({"China": [1.0, 2.0], "Ukraine": [3.0, 1.0]}, index=years))
    two = styles(pd.DataFrame({"Russia": [4.0, 1.0], "Belarus": [1.0, 1.0], "China": [2.0, 2.0],
                               "all others": [1.0, 0.5]}, index=years))
    assert one["China"] == two["China"] and two["China"][1] == ".."
    assert two["Russia"][1] in ("", None) and two["all others"][1] == "--"
    named = {two[k][1] for k in ("Russia", "China", "all others")} | {"//", "xx"}
    assert one["Ukraine"][1] not in named and two["Belarus"][1] not in named


def test_supplier_bars_chart_failure_paths(by_year):
    with pytest.raises(ValueError, match="consecutive years"):
        comparisons.supplier_bars_chart(by_year.drop(index=2017), **WORDS)
    with pytest.raises(ValueError, match="empty"):
        comparisons.supplier_bars_chart(by_year.iloc[:0], **WORDS)
    late = pd.DataFrame({"date": [pd.Timestamp("2022-08-15")], "label": ["leave"]})
    with pytest.raises(ValueError, match="'leave' .* is outside the years 2016-2018"):
        comparisons.supplier_bars_chart(by_year, marks=late, **WORDS)
    plt.close("all")


def test_a_line_charts_legend_sits_above_its_lines():
    """Seen on Angola's page: a share near the top of the axes ran under the legend."""
    wide = pd.DataFrame({"older export": [54.0, 67.0, 63.0, 0.0],
                         "newer export": [54.0, 66.5, 63.0, 0.0]},
                        index=["2012-2016", "2015-2019", "2016-2020", "2020-2024"])
    fig = charts.line_chart(wide, highlight="newer export", **WORDS)
    try:
        fig.canvas.draw()
        ax = fig.axes[0]
        legend = ax.get_legend().get_window_extent().transformed(ax.transData.inverted())
        assert legend.y0 > wide.to_numpy().max()
    finally:
        plt.close(fig)


def test_a_small_share_is_drawn_on_an_axis_of_at_least_the_floor_given():
    """Seen on Côte d'Ivoire's page: a share of 0.3% filled an axis running to 0.35%, as steep
    as Angola's 67%. With a floor for the top, it lies near zero on a 0-10% axis."""
    wide = pd.DataFrame({"Russia": [0.0, 0.3, 0.2]}, index=["2012-2016", "2013-2017", "2014-2018"])
    fig = charts.line_chart(wide, top_at_least=10, **WORDS)
    try:
        low, high = fig.axes[0].get_ylim()
        assert low <= 0 and high >= 10
    finally:
        plt.close(fig)
    fig = charts.line_chart(wide * 100, top_at_least=10, **WORDS)  # a large share: as before
    try:
        assert fig.axes[0].get_ylim()[1] > 30
    finally:
        plt.close(fig)


def test_a_title_written_from_the_data_is_made_to_fit_the_chart():
    """Seen on the Central African Republic's and DR Congo's pages: a title naming the country
    ran past the chart's right edge and was cut. A long title is set smaller until it fits; one
    too long even at the smallest size is refused, named."""
    wide = pd.DataFrame({"Russia": [1.0, 2.0], "China": [2.0, 1.0]}, index=["2012", "2013"])
    long = ("Russia's share of Democratic Republic of the Congo's major arms, SIPRI's "
            "five-year windows")
    fig = charts.line_chart(wide, **{**WORDS, "title": long})
    try:
        fig.canvas.draw()
        title = next(t for t in fig.texts if t.get_text() == long)
        assert title.get_fontsize() < 14
        assert title.get_window_extent().x1 <= fig.bbox.width
    finally:
        plt.close(fig)
    with pytest.raises(ValueError, match="too long for the chart.*'Russia Russia"):
        charts.line_chart(wide, **{**WORDS, "title": "Russia " * 40})
    plt.close("all")
