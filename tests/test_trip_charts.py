"""The tours' route map and calendar: they render offline to PNG with alt text, keep every label
legible (no overlaps, nothing cut off), keep the tours apart in greyscale and fail clearly."""

import io

import matplotlib.image as mpimg
import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.lines import Line2D

from analysis import charts
from analysis.charts import maps
from analysis.charts.trips import (
    ASSUMED_STYLE,
    TOUR_STYLES,
    calendar_events,
    calendar_segments,
    label_overlaps,
    place_labels,
    route_extent,
    route_map,
    stop_spans,
    tour_calendar,
    tour_label,
    tour_style,
)
from analysis.contract import geo
from analysis.subjects.events import load_events
from analysis.subjects.trips import leg_distances, load_trips

FINISH = {"title": "A finding", "subtitle": "A measure", "source": "Test", "alt": "A test chart"}
SHAPES = geo.load_shapes()  # the country outlines the route map is handed


@pytest.fixture
def trips():
    """Two tours of two stops on the equator, one degree of longitude apart (111.195 km)."""
    return pd.DataFrame({
        "trip": [1, 1, 2, 2],
        "stop": [1, 2, 1, 2],
        "iso3": ["MLI", "NER", "SDN", "TCD"],
        "country": ["Mali", "Niger", "Sudan", "Chad"],
        "city": ["West", "East", "North", "South"],
        "lat": [0.0, 0.0, 10.0, 10.0],
        "lon": [10.0, 11.0, 20.0, 21.0],
        "arrival_date": pd.to_datetime(["2022-07-23", "2022-07-24", "2023-01-23", "2023-01-25"]),
        "talks_date": pd.to_datetime(["2022-07-24", "2022-07-25", "2023-01-24", "2023-01-25"]),
        "departure_date": pd.to_datetime(["2022-07-24", None, "2023-01-24", "2023-01-26"]),
    })


@pytest.fixture
def events():
    return pd.DataFrame({
        "event_id": ["mli-a-2023", "bfa-b-2023", "mli-c-2023", "mli-d-2023"],
        "date": ["2023-01-21", "2023-01", "2023-03-30", "2023-01-27"],
        "iso3": ["MLI", "BFA", "MLI", "MLI"],
        "description": ["In the window, cited by the story.", "Month only.",
                        "Far from every tour.", "In the window, after the story date."],
        "source_ids": [["nyt-2023-02-06", "x"], ["nyt-2023-02-06"], ["y"], ["z"]],
    })


def _png_ok(fig) -> None:
    png = charts.png_bytes(fig)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    image = mpimg.imread(io.BytesIO(png), format="png")
    assert image.shape[0] > 300 and image.shape[1] > 300


def _texts_inside_figure(fig) -> list[str]:
    """Texts (titles, labels, legend, tick labels) that run past the figure's edges."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    frame = fig.bbox
    texts = list(fig.texts)
    for ax in fig.axes:
        texts += list(ax.texts)
        if ax.axison:  # a map's axes are off: its tick labels are never drawn
            texts += ax.get_yticklabels() + ax.get_xticklabels()
        if ax.get_legend():
            texts += ax.get_legend().get_texts()
    for legend in fig.legends:
        texts += legend.get_texts()
    out = []
    for text in texts:
        if not text.get_visible() or not text.get_text():
            continue
        box = text.get_window_extent(renderer)
        if box.x0 < frame.x0 - 0.5 or box.x1 > frame.x1 + 0.5 or box.y0 < frame.y0 - 0.5 \
                or box.y1 > frame.y1 + 0.5:
            out.append(text.get_text())
    return out


# --- styles and helpers ------------------------------------------------------------------------

def test_tour_styles_differ_in_every_channel():
    styles = list(TOUR_STYLES.values())
    for key in ("color", "linestyle", "marker", "hatch"):
        assert len({s[key] for s in styles}) == len(styles), key
    # Greyscale: lightness alone keeps every pair at least 15 L* apart.
    light = sorted(maps.lightness(s["color"]) for s in styles)
    assert min(b - a for a, b in zip(light, light[1:], strict=False)) >= 15
    assert ASSUMED_STYLE["linestyle"] not in {s["linestyle"] for s in styles}


def test_tour_style_unknown_tour_raises():
    with pytest.raises(ValueError, match=r"no style for tour 4.*\[1, 2, 3\]"):
        tour_style(4)


def test_stop_spans_end_is_departure_else_talks(trips):
    spans = stop_spans(trips)
    assert spans["end"].dt.strftime("%d %b").tolist() == ["24 Jul", "25 Jul", "24 Jan", "26 Jan"]
    assert spans["departure_known"].tolist() == [True, False, True, True]


def test_stop_spans_without_arrival_names_the_stop(trips):
    broken = trips.assign(arrival_date=trips["arrival_date"].where(trips["city"] != "East"))
    with pytest.raises(ValueError, match=r"trip 1, stop 2 \(East\) has no arrival date"):
        stop_spans(broken)


def test_tour_label_dates(trips):
    assert tour_label(trips, 1) == "Tour 1, 23\u201325 Jul 2022"
    assert tour_label(trips, 2) == "Tour 2, 23\u201326 Jan 2023"


def test_route_extent_fills_the_axes_but_stops_at_the_geometry():
    lon0, lon1, lat0, lat1 = route_extent([50.0, 58.0], [0.0, 40.0], axes_ratio=0.5)
    assert lon1 <= 60.0 and (lat0, lat1) == (-6.0, 46.0)
    assert lon1 - lon0 > 58.0 - 50.0 + 12.0  # widened westwards


# --- the route map -----------------------------------------------------------------------------

def test_route_map_renders_png_with_alt_text(trips):
    fig = route_map(trips, leg_distances(trips), shapes=SHAPES, **FINISH)
    try:
        assert charts.alt_text(fig) == "A test chart"
        _png_ok(fig)
    finally:
        plt.close(fig)


def test_route_map_legend_gives_hand_checked_km(trips):
    fig = route_map(trips, leg_distances(trips), shapes=SHAPES, **FINISH)
    try:
        labels = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
        # One degree of longitude on the equator: 2 * pi * 6371.0088 / 360 = 111.195 km.
        assert labels[0] == "Tour 1, 23\u201325 Jul 2022: 111 km"
        # One degree at 10 N: 111.195 * cos(10 deg) = 109.5 km (haversine: 109.51).
        assert labels[1] == "Tour 2, 23\u201326 Jan 2023: 110 km"
        assert labels[2] == "Assumed legs from and back to Moscow"
    finally:
        plt.close(fig)


def test_route_map_draws_assumed_legs_dotted_and_faint(trips):
    legs = leg_distances(trips)
    fig = route_map(trips, legs, shapes=SHAPES, **FINISH)
    try:
        dotted = [line for line in fig.axes[0].get_lines()
                  if line.get_linestyle() == ":" and line.get_alpha() == ASSUMED_STYLE["alpha"]]
        assert len(dotted) == int(legs["assumed_moscow"].sum()) == 4
        texts = [t.get_text() for t in fig.axes[0].texts]
        assert "Moscow\n(assumed start and end)" in texts
        assert "West\n23\u201324 Jul" in texts and "East\n24\u201325 Jul" in texts
    finally:
        plt.close(fig)


def test_route_map_without_home_legs_draws_no_moscow(trips):
    legs = leg_distances(trips)
    fig = route_map(trips, legs[~legs["assumed_moscow"]], shapes=SHAPES, **FINISH)
    try:
        assert not any("Moscow" in t.get_text() for t in fig.axes[0].texts)
    finally:
        plt.close(fig)


def test_route_map_committed_itinerary_labels_legible():
    itinerary = load_trips()
    fig = route_map(itinerary, leg_distances(itinerary), shapes=SHAPES, **FINISH)
    try:
        assert label_overlaps(fig) == []
        assert _texts_inside_figure(fig) == []
        assert len(fig.axes[0].texts) == 13  # twelve stops and Moscow
    finally:
        plt.close(fig)


def test_route_map_empty_trips_raises(trips):
    with pytest.raises(ValueError, match="no stops"):
        route_map(trips.iloc[0:0], leg_distances(trips), shapes=SHAPES, **FINISH)


def test_route_map_leg_to_unknown_city_raises(trips):
    legs = leg_distances(trips)
    legs.loc[1, "to_city"] = "Atlantis"
    with pytest.raises(ValueError, match="'Atlantis' is not a stop of it"):
        route_map(trips, legs, shapes=SHAPES, **FINISH)


def test_route_map_needs_legs(trips):
    with pytest.raises(ValueError, match="leg_distances output"):
        route_map(trips, pd.DataFrame(), shapes=SHAPES, **FINISH)


def test_route_map_needs_alt_text(trips):
    with pytest.raises(ValueError, match="alt text"):
        route_map(trips, leg_distances(trips), shapes=SHAPES, **{**FINISH, "alt": " "})
    plt.close("all")


def test_place_labels_keeps_close_points_apart():
    fig, ax = maps.new_map((0, 20, 0, 20), figsize=(4, 4))
    try:
        points = [(10.0, 10.0), (10.3, 10.0), (10.0, 10.3)]
        place_labels(ax, points, ["Alpha\n1 Jan", "Beta\n2 Jan", "Gamma\n3 Jan"])
        assert label_overlaps(fig) == []
    finally:
        plt.close(fig)


# --- the calendar ------------------------------------------------------------------------------

def test_calendar_segments_break_only_long_gaps(trips):
    segments = calendar_segments(trips, story_date="2023-02-06", pad_days=2, min_gap_days=30)
    # Tour 1: 23-25 Jul -> 21-27 Jul. Tour 2: 23-26 Jan -> 21-28 Jan; the story's 6 Feb ->
    # 4-8 Feb is 7 days after, so it joins tour 2's window: 21 Jan-8 Feb.
    assert segments["start"].dt.strftime("%Y-%m-%d").tolist() == ["2022-07-21", "2023-01-21"]
    assert segments["end"].dt.strftime("%Y-%m-%d").tolist() == ["2022-07-27", "2023-02-08"]
    assert segments["trips"].tolist() == [[1], [2]]
    apart = calendar_segments(trips, story_date="2023-02-06", pad_days=2, min_gap_days=3)
    assert len(apart) == 3


def test_calendar_segments_negative_pad_raises(trips):
    with pytest.raises(ValueError, match="pad_days"):
        calendar_segments(trips, pad_days=-1)


def test_calendar_events_day_precision_inside_windows(trips, events):
    segments = calendar_segments(trips, story_date="2023-01-25", pad_days=2)
    placed = calendar_events(events, segments, story_date="2023-01-25")
    # The month-only event cannot sit on a day; 30 Mar is outside every window.
    assert placed["event_id"].tolist() == ["mli-a-2023", "mli-d-2023"]
    assert placed["in_story"].tolist() == [True, False]
    assert placed["after_story"].tolist() == [False, True]


def test_calendar_events_empty(trips, events):
    placed = calendar_events(events.iloc[0:0], calendar_segments(trips))
    assert placed.empty and "day" in placed.columns


def test_tour_calendar_renders_png_with_alt_text(trips, events):
    fig = tour_calendar(trips, events, story_date="2023-01-25", **FINISH)
    try:
        assert charts.alt_text(fig) == "A test chart"
        _png_ok(fig)
        assert len(fig.axes) == 2  # July 2022 and January 2023, the axis broken between
        labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
        assert labels[:4] == ["West, Mali", "East, Niger", "North, Sudan", "South, Chad"]
        assert labels[4:] == ["21 Jan", "27 Jan"]
        legend = [t.get_text() for t in fig.legends[0].get_texts()]
        assert "departure not reported" in legend and "event reported in the story" in legend
    finally:
        plt.close(fig)


def test_tour_calendar_without_events(trips, events):
    fig = tour_calendar(trips, events.iloc[0:0], **FINISH)
    try:
        _png_ok(fig)
        legend = [t.get_text() for t in fig.legends[0].get_texts()]
        assert not any("event" in text for text in legend)
    finally:
        plt.close(fig)


def test_tour_calendar_committed_data_legible():
    fig = tour_calendar(load_trips(), load_events(), **FINISH)
    try:
        assert label_overlaps(fig) == []
        assert _texts_inside_figure(fig) == []
        story = [t for t in fig.axes[-1].texts if t.get_text() == "NYT story, 6 Feb"]
        assert len(story) == 1
    finally:
        plt.close(fig)


def test_tour_calendar_marks_talks_days(trips, events):
    fig = tour_calendar(trips, events.iloc[0:0], **FINISH)
    try:
        dots = [line for ax in fig.axes for line in ax.get_lines()
                if isinstance(line, Line2D) and line.get_marker() == "o"]
        assert len(dots) == len(trips)
    finally:
        plt.close(fig)


def test_tour_calendar_empty_trips_raises(trips, events):
    with pytest.raises(ValueError, match="no stops"):
        tour_calendar(trips.iloc[0:0], events, **FINISH)


def test_tour_calendar_unknown_tour_raises(trips, events):
    with pytest.raises(ValueError, match="no style for tour 9"):
        tour_calendar(trips.assign(trip=9), events, **FINISH)
