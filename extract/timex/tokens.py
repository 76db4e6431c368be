"""Words and numbers of a text, with their offsets: shared by recognition and tense."""

from __future__ import annotations

import re
from itertools import accumulate

#: A token: a run of letters or a run of digits.
TOKEN = re.compile(r"[^\W\d_]+|\d+")
_SPLIT = re.compile(f"({TOKEN.pattern})")


class Tokens:
    """The tokens of a text (runs of letters or of digits), lower-cased, and where they start."""

    def __init__(self, text: str) -> None:
        low = text.lower()
        if len(low) != len(text):  # a few letters change length when lower-cased: keep those
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        self.low = low  # the text lower-cased, offsets unchanged
        parts = _SPLIT.split(low)  # gap, token, gap, token, ..., gap
        self.words = parts[1::2]
        self.starts = list(accumulate(map(len, parts)))[0:-1:2]

    def __len__(self) -> int:
        return len(self.words)
