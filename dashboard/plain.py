"""Text from files, uploads and links shown as plain text: never Markdown, HTML, terminal
escapes or bidirectional overrides.

Streamlit renders the body of ``st.info``, ``st.error``, ``st.caption`` and most labels as
Markdown (links, images, bold, ``:red[...]`` colours, ``$...$`` formulas). A link such as
``?actor=**Session expired.** [Log in again](https://evil.example)`` would otherwise show a bold
message with a working link, and ``![x](https://evil.example/t.png)`` would load an image.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pyarrow as pa

from extract.reading.controls import CONTROL_CLASS, strip_controls

__all__ = [
    "CONTROL_CLASS",
    "WORD_JOINER",
    "clean",
    "may_hold_controls",
    "notice",
    "plain",
    "without_folders",
]

#: What Markdown and Streamlit's extensions give a meaning to within a line: emphasis, code,
#: links and images, HTML and entities, strikethrough, formulas, colour directives and icons
#: (":red[", ":material/").
_INLINE = re.compile(r"[\\`*_\[\]<>&~$]|:(?=[A-Za-z0-9])")
#: Where a web address or e-mail address written out would become a link: escapes do not stop
#: that (it is found in the text after parsing), an invisible word joiner does.
_AUTOLINK = re.compile(r"(?<=:)(?=//)|(?<=www)(?=\.)|(?<=@)", re.IGNORECASE)
WORD_JOINER = "\u2060"
#: An absolute file path (not the path part of a URL): its folders are left out of notices.
_PATH = re.compile(r"(?<![\w:/.~-])/(?:[^\s/'\"]+/)+(?=[^\s/'\"]+)")
#: What makes a line a heading, a quote, a list item or a rule.
_BLOCK = re.compile(r"^(?:[#>+=-]|\d+(?=[.)]))")


def clean(text: str) -> str:
    """``text`` without terminal escapes, control characters or bidirectional overrides."""
    return strip_controls(text)


def may_hold_controls(cells: pd.Series) -> bool:
    """Whether some of the string ``cells`` may hold what :func:`clean` drops: a scan of their
    UTF-8 bytes (four times faster than a regex over 100,000 events), which may answer yes
    for a column that has none, never no for one that has some."""
    array = pa.array(cells.array if hasattr(cells, "array") else cells)
    chunks = array.chunks if isinstance(array, pa.ChunkedArray) else [array]
    return any(_bytes_may_hold_controls(chunk.buffers()[2]) for chunk in chunks)


def _bytes_may_hold_controls(buffer: pa.Buffer | None) -> bool:
    """Whether UTF-8 bytes hold a C0 control other than tab to carriage return, DEL, a C1
    control (C2 80-9F), the Arabic letter mark (D8 9C), or a bidirectional mark, embedding,
    override (E2 80 8E-8F, AA-AE) or isolate (E2 81 A6-A9)."""
    if buffer is None:
        return False
    data = np.frombuffer(buffer, dtype=np.uint8)
    if ((data < 0x09) | ((data > 0x0D) & (data < 0x20)) | (data == 0x7F)).any():
        return True
    lead = np.flatnonzero((data == 0xC2) | (data == 0xD8) | (data == 0xE2))
    first = data[lead]
    second, third = data.take(lead + 1, mode="clip"), data.take(lead + 2, mode="clip")
    c1 = (first == 0xC2) & (second >= 0x80) & (second <= 0x9F)
    letter_mark = (first == 0xD8) & (second == 0x9C)
    marks = (second == 0x80) & (
        (third == 0x8E) | (third == 0x8F) | (third >= 0xAA) & (third <= 0xAE)
    )
    isolates = (second == 0x81) & (third >= 0xA6) & (third <= 0xA9)
    return bool((c1 | letter_mark | (first == 0xE2) & (marks | isolates)).any())


def without_folders(text: str) -> str:
    """``text`` with the folders of the absolute paths it names left out (``/srv/data/w.sqlite``
    becomes ``w.sqlite``): visitors need not learn how the server's files are laid out."""
    return _PATH.sub("", text)


def notice(text: object) -> str:
    """A message for visitors: plain text (see :func:`plain`) naming no server folder."""
    return plain(without_folders(str(text)))


def plain(text: object) -> str:
    """``text`` cleaned and escaped so that Markdown shows it as written, on one line (web
    addresses with an invisible word joiner after ``:``, ``www`` or ``@``)."""
    flat = _AUTOLINK.sub(WORD_JOINER, " ".join(clean(str(text)).split()))
    flat = _INLINE.sub(lambda m: "\\" + m[0], flat)
    return _BLOCK.sub(lambda m: m[0] + "\\" if m[0][0].isdigit() else "\\" + m[0], flat)
