"""Charts held to the web's bar (WCAG 2.1 AA, as Chartability and Datawrapper apply it), checked
from the matplotlib artists themselves:

- text at least 4.5:1 against what is behind it (a bbox's face where the text has one, else the
  mark, axes or figure under the text's centre);
- marks that carry data (lines, markers, bars, patches, scatter points) at least 3:1 against
  the axes background: by their fill, or by an outline at least 0.5 pt wide;
- no text under 12 px at the 1x export (font size in points x DPI / 72);
- no text reaching past the figure's edge (the export would cut it off).

An artist that carries no data (a base map, a shaded band) is marked with :func:`as_context`
and skipped by the mark check; its text, if any, is still checked.
:func:`chart_violations` returns every failure with the artist, its text and the ratio.
"""

from collections.abc import Callable
from dataclasses import dataclass
from numbers import Number

import matplotlib.colors as mcolors
from matplotlib.collections import Collection
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.text import Text

from analysis.charts.colour import MARK_MIN_RATIO, TEXT_MIN_RATIO, contrast_ratio, over
from analysis.charts.style import DPI

MIN_TEXT_PX = 12
MAX_OVERFLOW_PX = 0.5  # how far a text may reach past the figure's edge (anti-aliasing)
MIN_OUTLINE_PT = 0.5
CONTEXT_GID = "context"  # gid of artists that carry no data


@dataclass(frozen=True)
class Violation:
    """One failure: ``kind`` is text-contrast, mark-contrast, text-size or text-clipped (its
    value: the pixels past the figure's edge)."""

    kind: str
    artist: str
    text: str
    value: float
    minimum: float

    def __str__(self) -> str:
        what = f" {self.text!r}" if self.text else ""
        return (f"{self.kind}: {self.artist}{what}: {self.value:.2f} "
                f"(needs {self.minimum:g})")


def as_context(artist):
    """Mark ``artist`` as carrying no data (a base map, a band); returns it."""
    artist.set_gid(CONTEXT_GID)
    return artist


def _visible_alpha(colour) -> float:
    if colour is None or (isinstance(colour, str) and colour.lower() == "none"):
        return 0.0
    return mcolors.to_rgba(colour)[3]


def _describe(artist) -> str:
    label = artist.get_label() if hasattr(artist, "get_label") else ""
    label = "" if not label or str(label).startswith("_") else f" {label!r}"
    return f"{type(artist).__name__}{label}"


@dataclass(frozen=True)
class _Fill:
    """A filled data artist (or one path of a collection): its zorder, face, and a box in
    display pixels, padded to hold every point its ``contains`` test can accept."""

    zorder: float
    face: tuple
    box: tuple[float, float, float, float]
    contains: Callable[[tuple[float, float]], bool]


def _fill_index(ax) -> list[_Fill]:
    """Every visible filled patch and collection path of ``ax``, in draw-list order (computed
    once per chart: a map has hundreds of polygons, and every text is tested against them)."""
    fills = []
    for artist in [*ax.patches, *ax.collections]:
        if not artist.get_visible():
            continue
        if isinstance(artist, Patch):
            face = artist.get_facecolor()
            if not _visible_alpha(face):
                continue
            # Patch.contains_point accepts points up to the edge's line width (or a numeric
            # picker) outside the path: the box is padded by that, plus a pixel.
            picker = artist.get_picker()
            pad = 1 + max(artist.get_linewidth(), picker if isinstance(picker, Number) else 0)
            box = artist.get_path().get_extents(artist.get_transform())
            fills.append(_Fill(artist.get_zorder(), face,
                               (box.x0 - pad, box.y0 - pad, box.x1 + pad, box.y1 + pad),
                               artist.contains_point))
        elif isinstance(artist, Collection):
            faces = artist.get_facecolors()
            if not len(faces):
                continue
            transform = artist.get_transform()
            for i, path in enumerate(artist.get_paths()):
                face = faces[i % len(faces)]
                if not face[3]:
                    continue
                box = path.get_extents(transform)
                fills.append(_Fill(artist.get_zorder(), face,
                                   (box.x0 - 1, box.y0 - 1, box.x1 + 1, box.y1 + 1),
                                   lambda point, path=path, t=transform:
                                   path.contains_point(point, t)))
    return fills


def _fills_under(fills: list[_Fill], point, below_zorder):
    """(zorder, face colour) of every fill in ``fills`` at or below ``below_zorder`` that
    covers ``point``."""
    x, y = point
    return [(f.zorder, f.face) for f in fills
            if f.zorder <= below_zorder and f.box[0] <= x <= f.box[2]
            and f.box[1] <= y <= f.box[3] and f.contains(point)]


def _text_background(text: Text, fig, renderer, fills: dict | None = None,
                     legends: list | None = None) -> tuple:
    """The opaque colour behind ``text``'s centre. ``fills`` (axes -> :func:`_fill_index`)
    and ``legends`` are the chart's, when the caller has them already."""
    fills = {} if fills is None else fills
    figure_face = mcolors.to_rgb(over(fig.get_facecolor(), "white"))
    box = text.get_window_extent(renderer)
    centre = ((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2)
    background = figure_face
    for ax in fig.axes:
        if not ax.get_visible() or not ax.patch.contains_point(centre):
            continue
        if ax.patch.get_visible():
            background = over(ax.patch.get_facecolor(), background)
        if ax not in fills:
            fills[ax] = _fill_index(ax)
        hits = _fills_under(fills[ax], centre, text.get_zorder())
        for _, face in sorted(hits, key=lambda h: h[0]):
            background = over(face, background)
    for legend in _legends(fig) if legends is None else legends:
        frame = legend.get_frame()
        if legend.get_frame_on() and frame.contains_point(centre):
            background = over(frame.get_facecolor(), background)
    patch = text.get_bbox_patch()
    if patch is not None and patch.get_visible() and _visible_alpha(patch.get_facecolor()):
        background = over(patch.get_facecolor(), background)
    return background


def _drawn(artist):
    """``artist`` and its descendants, leaving out what is invisible or under an invisible
    parent (the hidden second tick label of every tick, for one)."""
    if not artist.get_visible():
        return
    yield artist
    for child in artist.get_children():
        yield from _drawn(child)


def _legends(fig):
    return [a for a in _drawn(fig) if isinstance(a, Legend)]


def _undrawn_tick_labels(fig) -> set[int]:
    """Ids of the tick labels of ticks outside their axis's view: matplotlib keeps them as
    visible texts but does not draw them."""
    out = set()
    for ax in fig.axes:
        for axis, limits in ((ax.xaxis, ax.get_xlim()), (ax.yaxis, ax.get_ylim())):
            low, high = sorted(limits)
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                if not low - 1e-9 <= tick.get_loc() <= high + 1e-9:
                    out |= {id(tick.label1), id(tick.label2)}
    return out


def _overflow(box, frame) -> float:
    """How many pixels ``box`` reaches past ``frame`` on its worst side (0 if inside)."""
    return max(0.0, frame.x0 - box.x0, box.x1 - frame.x1, frame.y0 - box.y0, box.y1 - frame.y1)


def _texts(fig):
    seen = set()
    for text in _drawn(fig):
        if isinstance(text, Text) and text.get_text().strip() and id(text) not in seen:
            seen.add(id(text))
            yield text


def _mark_colours(artist):
    """(description, colours that each must reach 3:1; an empty list when one of a set
    suffices) for a data-carrying artist: yields (what, [candidate colours])."""
    if isinstance(artist, Line2D):
        if artist.get_linestyle() not in ("None", "none", "", " ") and artist.get_linewidth() > 0:
            yield "line", [artist.get_color()]
        marker = artist.get_marker()
        if marker not in (None, "None", "none", "", " ") and artist.get_markersize() > 0:
            yield "marker", [c for c in (artist.get_markerfacecolor(),
                                         artist.get_markeredgecolor()) if _visible_alpha(c)]
    elif isinstance(artist, Patch):
        candidates = []
        if _visible_alpha(artist.get_facecolor()) and artist.get_fill():
            candidates.append(artist.get_facecolor())
        if artist.get_linewidth() >= MIN_OUTLINE_PT and _visible_alpha(artist.get_edgecolor()):
            candidates.append(artist.get_edgecolor())
        if candidates:
            yield "patch", candidates
    elif isinstance(artist, Collection):
        faces, edges = artist.get_facecolors(), artist.get_edgecolors()
        widths = artist.get_linewidths()
        n = max(len(faces), len(edges), 1)
        for i in range(n):
            candidates = []
            if len(faces) and faces[i % len(faces)][3]:
                candidates.append(tuple(faces[i % len(faces)]))
            if (len(edges) and edges[i % len(edges)][3] and len(widths)
                    and widths[i % len(widths)] >= MIN_OUTLINE_PT):
                candidates.append(tuple(edges[i % len(edges)]))
            if candidates:
                yield f"item {i}", candidates


def chart_violations(fig, dpi: int = DPI) -> list[Violation]:
    """Every text and mark of ``fig`` that fails the bar above, at the 1x export ``dpi``."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    found = []
    fills, legends, undrawn = {}, _legends(fig), _undrawn_tick_labels(fig)
    for text in _texts(fig):
        if id(text) in undrawn:
            continue
        label = text.get_text().strip()[:60]
        px = text.get_fontsize() * dpi / 72
        if px < MIN_TEXT_PX - 1e-9:
            found.append(Violation("text-size", _describe(text), label, px, MIN_TEXT_PX))
        past = _overflow(text.get_window_extent(renderer), fig.bbox)
        if past > MAX_OVERFLOW_PX:
            found.append(Violation("text-clipped", _describe(text), label, past, 0))
        background = _text_background(text, fig, renderer, fills, legends)
        colour = over(text.get_color(), background)
        ratio = contrast_ratio(colour, background)
        if text.get_alpha() is not None:
            ratio = contrast_ratio(over((*colour, text.get_alpha()), background), background)
        if ratio < TEXT_MIN_RATIO:
            found.append(Violation("text-contrast", _describe(text), label, ratio,
                                   TEXT_MIN_RATIO))
    figure_face = mcolors.to_rgb(over(fig.get_facecolor(), "white"))
    for ax in fig.axes:
        if not ax.get_visible():
            continue
        background = over(ax.patch.get_facecolor(), figure_face) if ax.patch.get_visible() \
            else figure_face
        for artist in [*ax.lines, *ax.patches, *ax.collections]:
            if not artist.get_visible() or artist.get_gid() == CONTEXT_GID:
                continue
            for what, colours in _mark_colours(artist):
                if not colours:
                    continue
                best = max(contrast_ratio(over(c, background), background) for c in colours)
                if best < MARK_MIN_RATIO:
                    found.append(Violation("mark-contrast", f"{_describe(artist)} {what}", "",
                                           best, MARK_MIN_RATIO))
    return found
