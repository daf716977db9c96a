"""Charts of Lavrov's three tours: a route map (:mod:`.routes`) and a Gantt-style calendar
(:mod:`.calendar`), in the house style, with what they share (:mod:`.tours`); all re-exported
here, as notebooks use them (``trip_charts.route_map``).

Both receive DataFrames (the itinerary from :func:`analysis.subjects.trips.load_trips`, its legs
from :func:`analysis.subjects.trips.leg_distances`, events from
:func:`analysis.subjects.events.load_events`) and return a Figure finished by
:func:`analysis.charts.finish`; they load nothing but the map geometry.

Each tour keeps one colour, one line style, one marker and one hatch in both charts
(:data:`TOUR_STYLES`), so the tours stay apart in greyscale print: the colours differ in lightness
(CIE L* about 71, 46 and 13), not only in hue.

Editorial decisions a reviewer should check:

- **Days** are local calendar days as recorded. A stop's bar runs from its arrival day to its
  departure day, or to its talks day where no departure was reported (marked as such); a day is
  drawn whole, so a late-evening arrival fills its day.
- **Moscow legs** are an assumption (see :mod:`analysis.subjects.trips`): the map draws them thin,
  dotted and faint, and says so in the legend and at Moscow.
- **Events on the calendar** are those given, known to the day (a month or a year cannot be placed
  on a day calendar), inside the calendar's windows (:func:`calendar_segments`). Events that the
  story itself reports (they cite :data:`STORY_SOURCE_ID`) are drawn filled, others hollow.
"""

from analysis.charts.calendar import (
    calendar_events,
    calendar_segments,
    tour_calendar,
)
from analysis.charts.routes import (
    GEOMETRY_EAST_LIMIT,
    MAP_MARGIN_DEG,
    label_overlaps,
    place_labels,
    route_extent,
    route_map,
)
from analysis.charts.tours import (
    ASSUMED_STYLE,
    LABEL_BOX,
    LABEL_SIZE,
    MIN_GAP_DAYS,
    PAD_DAYS,
    ROUTE_FIGSIZE,
    ROUTE_WIDTH,
    ROW_IN,
    SMALL,
    SUBTITLE_AT,
    TOUR_STYLES,
    VISITED_FILL,
    stop_spans,
    tour_label,
    tour_style,
)

__all__ = [
    "ASSUMED_STYLE",
    "GEOMETRY_EAST_LIMIT",
    "LABEL_BOX",
    "LABEL_SIZE",
    "MAP_MARGIN_DEG",
    "MIN_GAP_DAYS",
    "PAD_DAYS",
    "ROUTE_FIGSIZE",
    "ROUTE_WIDTH",
    "ROW_IN",
    "SMALL",
    "SUBTITLE_AT",
    "TOUR_STYLES",
    "VISITED_FILL",
    "calendar_events",
    "calendar_segments",
    "label_overlaps",
    "place_labels",
    "route_extent",
    "route_map",
    "stop_spans",
    "tour_calendar",
    "tour_label",
    "tour_style",
]
