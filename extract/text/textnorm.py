"""Editorial marks removed from text without moving any character.

Articles quote with editorial insertions such as "(W)e", "(T)oday" and "(sic)". The analysis
text has the same length as the original, so offsets found in it are offsets in the original.
"""

from __future__ import annotations

import re

_BRACKETED_LETTER = re.compile(r"\((\w)\)(?=\w)")
_SIC = re.compile(r"\s?\(sic\)", re.IGNORECASE)
#: What every ``_SIC`` match holds, written to start with a literal, which makes the search fast.
_SIC_MARK = re.compile(r"\((?i:sic)\)")


def analysis_text(text: str) -> str:
    """``text`` with "(T)oday" as "  Today" and "(sic)" blanked, same length and offsets."""
    text = _BRACKETED_LETTER.sub(lambda match: "  " + match.group(1), text)
    if not _SIC_MARK.search(text):
        return text
    return _SIC.sub(lambda match: " " * len(match.group()), text)
