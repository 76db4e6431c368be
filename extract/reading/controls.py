"""Characters that make text lie about itself: terminal escape sequences, control characters and
bidirectional overrides. They are dropped from every document's text and title, and from what
the command line prints, so that a file cannot clear or recolour a terminal, or show a name
that reads in another order than it is stored (``evil\u202etxt.exe``)."""

from __future__ import annotations

import re

#: Terminal escape sequences: CSI ("\x1b[31m"), OSC ("\x1b]0;title\x07") and two-character ones.
_TERMINAL = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
#: Control characters other than tab, line feed, vertical tab, form feed and carriage return
#: (C0, DEL and C1), and the bidirectional marks, embeddings, overrides and isolates. The
#: bidirectional characters are written as themselves, so that Arrow's RE2 reads the class too.
CONTROL_CLASS = r"[\x00-\x08\x0e-\x1f\x7f-\x9f" + "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
_CONTROLS = re.compile(CONTROL_CLASS)


def strip_controls(text: str) -> str:
    """``text`` without terminal escapes, control characters or bidirectional overrides."""
    if not _CONTROLS.search(text):
        return text
    return _CONTROLS.sub("", _TERMINAL.sub("", text))
