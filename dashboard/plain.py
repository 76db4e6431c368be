"""Text from files, uploads and links shown as plain text: never Markdown, HTML, terminal
escapes or bidirectional overrides.

Streamlit renders the body of ``st.info``, ``st.error``, ``st.caption`` and most labels as
Markdown (links, images, bold, ``:red[...]`` colours, ``$...$`` formulas). A link such as
``?actor=**Session expired.** [Log in again](https://evil.example)`` would otherwise show a bold
message with a working link, and ``![x](https://evil.example/t.png)`` would load an image.
"""

from __future__ import annotations

import re

from extract.reading.controls import CONTROL_CLASS, strip_controls

__all__ = ["CONTROL_CLASS", "WORD_JOINER", "clean", "notice", "plain", "without_folders"]

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
