"""Short labels written next to timeline events where there is room for them.

The most important events are labelled first (highest confidence, then most sources); a
label is left out where it would cover a marker or another label of its row, or run out of
the plot. Positions are those of :mod:`dashboard.layout`, in pixels; labels are drawn in data
coordinates, so they follow zoom and pan.
"""

from __future__ import annotations

import bisect

import numpy as np
import pandas as pd

from dashboard.layout import PLOT_WIDTH_PX
from dashboard.loading import SOURCES

#: Longest label (characters, ellipsis included).
LABEL_CHARS = 28
#: Width of a character of the label font (pixels; generous for 11 px Open Sans) and the space
#: between a marker and its label.
CHAR_PX, LABEL_GAP_PX = 6.6, 4
#: Views with more lane rows than this are not labelled (hover only).
MAX_LABELLED_ROWS = 800


def short_title(title: str, limit: int = LABEL_CHARS) -> str:
    """``title`` cut at a word to at most ``limit`` characters, with an ellipsis when cut."""
    title = " ".join(title.split())
    if len(title) <= limit:
        return title
    cut = title[: limit - 1]
    if " " in cut and not title[limit - 1].isspace():
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:-–—") + "…"


def label_width(text: str) -> float:
    """Estimated width of a label (pixels)."""
    return len(text) * CHAR_PX


def _free(left: float, right: float, markers: tuple[list[float], list[float]], taken: list) -> bool:
    """Whether the span [left, right] of a row is inside the plot and free of its markers
    (sorted, not overlapping) and labels."""
    if left < 0 or right > PLOT_WIDTH_PX:
        return False
    lefts, rights = markers
    first = bisect.bisect_left(rights, left)
    if first < len(lefts) and lefts[first] < right:
        return False
    return not any(a < right and left < b for a, b in taken)


def choose_labels(points: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """The label of each placed one-day lane row, in order ("" for none), and its side
    ("middle right" or "middle left" of the marker); the most important events first.

    ``points`` has ``title``, ``confidence``, ``event_id``, ``_xpx``, ``_size`` and ``_row``
    (see :func:`dashboard.layout.place`). An event is labelled once, in its first lane with
    room; on the right of its marker, else on the left.
    """
    labels = np.full(len(points), "", dtype=object)
    sides = np.full(len(points), "middle right", dtype=object)
    if points.empty or len(points) > MAX_LABELLED_ROWS:
        return labels, sides
    x = points["_xpx"].to_numpy(dtype=float)
    half = points["_size"].to_numpy(dtype=float) / 2
    row = points["_row"].to_numpy()
    markers: dict[str, tuple[list[float], list[float]]] = {}
    for key in dict.fromkeys(row):
        mine = np.flatnonzero(row == key)
        order = mine[np.argsort(x[mine])]
        markers[key] = (list(x[order] - half[order]), list(x[order] + half[order]))
    taken: dict[str, list[tuple[float, float]]] = {key: [] for key in markers}
    confidence = pd.to_numeric(points["confidence"], errors="coerce").fillna(0).to_numpy()
    rank = np.lexsort((x, -points[SOURCES].to_numpy(), -confidence))
    done: set[str] = set()
    titles = points["title"].to_numpy()
    ids = points["event_id"].to_numpy()
    for i in rank:
        text = short_title(str(titles[i]))
        if ids[i] in done or not text or not 0 <= x[i] <= PLOT_WIDTH_PX:
            continue
        width = label_width(text)
        right = (x[i] + half[i] + LABEL_GAP_PX, x[i] + half[i] + LABEL_GAP_PX + width)
        left = (x[i] - half[i] - LABEL_GAP_PX - width, x[i] - half[i] - LABEL_GAP_PX)
        for (start, end), side in ((right, "middle right"), (left, "middle left")):
            if _free(start, end, markers[row[i]], taken[row[i]]):
                taken[row[i]].append((start, end))
                labels[i], sides[i] = text, side
                done.add(ids[i])
                break
    return labels, sides
