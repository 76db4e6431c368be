"""Text from files, uploads and links shown as plain text: never Markdown, HTML, terminal
escapes or bidirectional overrides.

Streamlit renders the body of ``st.info``, ``st.error``, ``st.caption`` and most labels as
Markdown (links, images, bold, ``:red[...]`` colours, ``$...$`` formulas). A link such as
``?actor=**Session expired.** [Log in again](https://evil.example)`` would otherwise show a bold
message with a working link, and ``![x](https://evil.example/t.png)`` would load an image.
"""

from __future__ import annotations

import re

#: Terminal escape sequences (CSI, OSC and two-character escapes).
_TERMINAL = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
#: Control characters other than tab and line feed (C0, DEL and C1), and the bidirectional
#: embeddings, overrides and isolates that can make text read in another order than it is.
#: (Bidirectional characters written as themselves: the pattern also runs in Arrow's RE2.)
CONTROL_CLASS = r"[\x00-\x08\x0b-\x1f\x7f-\x9f" + "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
_CONTROLS = re.compile(CONTROL_CLASS)
#: What Markdown and Streamlit's extensions give a meaning to within a line: emphasis, code,
#: links and images, HTML and entities, strikethrough, formulas, colour directives and icons
#: (":red[", ":material/").
_INLINE = re.compile(r"[\\`*_\[\]<>&~$]|:(?=[A-Za-z0-9])")
#: Where a web address or e-mail address written out would become a link: escapes do not stop
#: that (it is found in the text after parsing), an invisible word joiner does.
_AUTOLINK = re.compile(r"(?<=:)(?=//)|(?<=www)(?=\.)|(?<=@)", re.IGNORECASE)
WORD_JOINER = "\u2060"
#: What makes a line a heading, a quote, a list item or a rule.
_BLOCK = re.compile(r"^(?:[#>+=-]|\d+(?=[.)]))")


def clean(text: str) -> str:
    """``text`` without terminal escapes, control characters or bidirectional overrides."""
    return _CONTROLS.sub("", _TERMINAL.sub("", text))


def plain(text: object) -> str:
    """``text`` cleaned and escaped so that Markdown shows it as written, on one line (web
    addresses with an invisible word joiner after ``:``, ``www`` or ``@``)."""
    flat = _AUTOLINK.sub(WORD_JOINER, " ".join(clean(str(text)).split()))
    flat = _INLINE.sub(lambda m: "\\" + m[0], flat)
    return _BLOCK.sub(lambda m: m[0] + "\\" if m[0][0].isdigit() else "\\" + m[0], flat)
