"""Colour arithmetic for the accessibility bar: WCAG relative luminance and contrast, alpha
compositing, and :func:`mark_colour`, which darkens a light colour just enough to stand out.

Okabe and Ito's colour-blind-safe hues stay as the fills; where a fill is lighter than 3:1
against white (orange, sky blue, yellow, the greys), its outline, line or marker takes
:func:`mark_colour` of it: the same hue, darker.
"""

import matplotlib.colors as mcolors

MARK_MIN_RATIO = 3.0  # WCAG 1.4.11: graphical objects
TEXT_MIN_RATIO = 4.5  # WCAG 1.4.3: text


def relative_luminance(colour) -> float:
    """WCAG 2.1 relative luminance of an opaque colour.

    >>> round(relative_luminance("#ffffff"), 3), round(relative_luminance("black"), 3)
    (1.0, 0.0)
    """
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in mcolors.to_rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a, b) -> float:
    """WCAG contrast ratio of two opaque colours, 1 to 21.

    >>> round(contrast_ratio("#767676", "white"), 2)
    4.54
    """
    la, lb = sorted((relative_luminance(a), relative_luminance(b)))
    return (lb + 0.05) / (la + 0.05)


def over(colour, background) -> tuple:
    """``colour`` (RGBA, any alpha) composited over an opaque ``background``: RGB."""
    r, g, b, a = mcolors.to_rgba(colour)
    br, bg, bb = mcolors.to_rgb(background)
    return (r * a + br * (1 - a), g * a + bg * (1 - a), b * a + bb * (1 - a))


def mark_colour(colour, background="white", minimum: float = MARK_MIN_RATIO) -> str:
    """``colour`` as hex when it reaches ``minimum`` against ``background``, else the same hue
    darkened (scaled towards black) just enough, with a small margin.

    >>> mark_colour("#0072B2")
    '#0072b2'
    >>> mark_colour("#E69F00"), round(contrast_ratio(mark_colour("#E69F00"), "white"), 1)
    ('#c38700', 3.1)
    """
    rgb = mcolors.to_rgb(colour)
    if contrast_ratio(rgb, background) >= minimum:
        return mcolors.to_hex(rgb)
    for step in range(1, 101):
        scale = 1 - step / 100
        darker = tuple(c * scale for c in rgb)
        if contrast_ratio(darker, background) >= minimum + 0.05:
            return mcolors.to_hex(darker)
    return "#000000"
