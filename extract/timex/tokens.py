"""Words and numbers of a text, with their offsets: shared by recognition and tense."""

from __future__ import annotations

import re
from itertools import accumulate

#: A token: a run of letters or a run of digits.
TOKEN = re.compile(r"[^\W\d_]+|\d+")
_SPLIT = re.compile(f"({TOKEN.pattern})")
#: The same split for lower-cased ASCII text, where the letters are a-z: a faster regex.
_SPLIT_ASCII = re.compile(r"([a-z]+|[0-9]+)")
#: A letter or digit beyond ASCII.
_OTHER_TOKEN_CHAR = re.compile(r"[^\x00-\x7f\W]")


class Tokens:
    """The tokens of a text (runs of letters or of digits), lower-cased, and where they start."""

    def __init__(self, text: str) -> None:
        low = text.lower()
        if len(low) != len(text):  # a few letters change length when lower-cased: keep those
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        self.low = low  # the text lower-cased, offsets unchanged
        parts = _split(low)  # gap, token, gap, token, ..., gap
        self.words = parts[1::2]
        self.starts = list(accumulate(map(len, parts)))[0:-1:2]

    def __len__(self) -> int:
        return len(self.words)


def _split(low: str) -> list[str]:
    """Lower-cased ``low`` split into gap, token, gap, token, ..., gap; gaps may be altered.

    Where all letters and digits are ASCII, other characters are gaps: each becomes a "?", which
    keeps the tokens and the lengths of the gaps, and the text is split by the ASCII regex.
    """
    if not low.isascii():
        if _OTHER_TOKEN_CHAR.search(low):
            return _SPLIT.split(low)
        low = low.encode("ascii", "replace").decode("ascii")
    return _SPLIT_ASCII.split(low)
