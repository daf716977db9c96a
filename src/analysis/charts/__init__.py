"""Charts: the house style and its export, then one module per kind of chart. They receive
DataFrames and load nothing but map geometry handed to them.

- :mod:`analysis.charts.style`: the house style (title, subtitle, source, alt text), generic
  line, bar and stacked charts, and :func:`show`, which puts a chart in a notebook;
- :mod:`analysis.charts.export`: each chart as PNG (1x, 2x), SVG, alt text and data CSV;
- :mod:`analysis.charts.maps`: offline maps of Africa (choropleth, tile grid, arcs);
- :mod:`analysis.charts.timelines`, :mod:`analysis.charts.trips`, :mod:`analysis.charts.ledger`:
  one module per subject's charts.

The style's functions are re-exported here: ``from analysis import charts`` then
``charts.finish(...)``.
"""

from analysis.charts.colour import mark_colour
from analysis.charts.style import (
    DPI,
    FIGSIZE,
    HATCHES,
    PALETTE,
    SMALL_PT,
    STYLE,
    alt_text,
    bars_with_total,
    finish,
    hbar_chart,
    line_chart,
    new_figure,
    png_bytes,
    show,
    stacked_bar_chart,
    supplier_styles,
)

__all__ = [
    "DPI", "FIGSIZE", "HATCHES", "PALETTE", "SMALL_PT", "STYLE", "alt_text", "bars_with_total",
    "finish", "mark_colour",
    "hbar_chart", "line_chart", "new_figure", "png_bytes", "show", "stacked_bar_chart",
    "supplier_styles",
]
