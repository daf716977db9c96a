"""House-style charts: a title that states the finding, a subtitle with measure and unit, a
left-aligned source line, few gridlines, colour-blind-safe colours, and alt text.

Chart functions receive DataFrames and return a :class:`matplotlib.figure.Figure`; they load
nothing. :func:`show` puts a figure in a notebook as a PNG with its alt text (nbconvert writes it
into the ``alt`` attribute) and closes it, so no ``<Figure size ...>`` repr reaches the output.
"""

import io

import matplotlib

matplotlib.use("Agg")  # charts are files and PNG outputs; no GUI anywhere

import matplotlib.pyplot as plt  # noqa: E402

# Okabe & Ito (2008), "Color Universal Design": distinguishable with the common colour-vision
# deficiencies. Russia keeps one colour in every chart.
PALETTE = {
    "Russia": "#D55E00",
    "United States": "#0072B2",
    "China": "#E69F00",
    "France": "#009E73",
    "other": "#999999",
    "accent": "#CC79A7",
    "sky": "#56B4E9",
    "yellow": "#F0E442",
    "ink": "#222222",
}
# Hatches so that series stay apart in greyscale print.
HATCHES = ["", "//", "..", "xx", "\\\\", "++", "oo", "--"]
DPI = 100
FIGSIZE = (8, 4.8)

STYLE = {
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.spines.left": False,
    "axes.grid": True,
    "axes.grid.axis": "y",
    "grid.color": "#dddddd",
    "grid.linewidth": 0.8,
    "axes.axisbelow": True,
    "axes.titlelocation": "left",
    "xtick.color": "#444444",
    "ytick.color": "#444444",
    "ytick.left": False,
    "figure.dpi": DPI,
    "savefig.dpi": DPI,
    "svg.hashsalt": "lavrov-mali",  # stable SVG ids: same input, same bytes
    "path.simplify": True,
}


def new_figure(figsize=FIGSIZE, **subplot_kw):
    """A figure and axes in the house style, room left above for title and subtitle."""
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=figsize, subplot_kw=subplot_kw or None)
    fig.subplots_adjust(top=0.80, bottom=0.16, left=0.08, right=0.97)
    return fig, ax


def finish(fig, *, title: str, subtitle: str, source: str, alt: str):
    """Title (the finding), subtitle (measure and unit), source line, alt text. Returns fig."""
    if not alt.strip():
        raise ValueError("every chart needs alt text: describe what it shows")
    fig.text(0.02, 0.965, title, fontsize=14, fontweight="bold", ha="left", va="top",
             color=PALETTE["ink"])
    fig.text(0.02, 0.895, subtitle, fontsize=10.5, ha="left", va="top", color="#555555")
    fig.text(0.02, 0.02, f"Source: {source}", fontsize=8.5, ha="left", va="bottom",
             color="#555555")
    fig._house_alt = alt  # read back by alt_text(); matplotlib has no alt-text slot
    return fig


def alt_text(fig) -> str:
    """The alt text given to :func:`finish`."""
    return getattr(fig, "_house_alt", "")


def png_bytes(fig, dpi: int = DPI) -> bytes:
    """The figure as PNG, without timestamps in its metadata (byte-stable)."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, metadata={"Software": None})
    return buf.getvalue()


def show(fig):
    """Display ``fig`` in a notebook as PNG with alt text, then close it."""
    from IPython.display import display

    data = png_bytes(fig)
    alt = alt_text(fig)
    plt.close(fig)
    display({"image/png": data, "text/plain": f"[chart] {alt}"}, raw=True,
            metadata={"image/png": {"alt": alt}})
