"""Words and numbers of a text, with their offsets: shared by recognition and tense."""

from __future__ import annotations

import re
from itertools import accumulate, compress, count
from operator import add
from string import ascii_lowercase, digits

#: A token: a run of letters or a run of digits.
TOKEN = re.compile(r"[^\W\d_]+|\d+")
_SPLIT = re.compile(f"({TOKEN.pattern})")
#: The same split for lower-cased ASCII text, where the letters are a-z: a faster regex.
_SPLIT_ASCII = re.compile(r"([a-z]+|[0-9]+)")
#: A letter or digit beyond ASCII.
_OTHER_TOKEN_CHAR = re.compile(r"[^\x00-\x7f\W]")
_ALNUM = ascii_lowercase + digits
_OTHERS = "".join(chr(c) for c in range(128) if chr(c) not in _ALNUM)
#: ASCII characters but letters and digits, as spaces.
_GAPS = str.maketrans(_OTHERS, " " * len(_OTHERS))
#: The same, and letters as "a", digits as "0": where a letter meets a digit, "a0" or "0a".
_SHAPES = str.maketrans(_OTHERS + _ALNUM, " " * len(_OTHERS) + "a" * 26 + "0" * 10)


class Tokens:
    """The tokens of a text (runs of letters or of digits), lower-cased, and where they start."""

    def __init__(self, text: str) -> None:
        low = text.lower()
        if len(low) != len(text):  # a few letters change length when lower-cased: keep those
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        self.low = low  # the text lower-cased, offsets unchanged
        self.words, self.starts = _tokens(low)

    def __len__(self) -> int:
        return len(self.words)


def _tokens(low: str) -> tuple[list[str], list[int]]:
    """The tokens of lower-cased ``low`` and their offsets.

    Where all letters and digits are ASCII, other characters are gaps: each becomes a "?", which
    keeps the tokens and the lengths of the gaps. There, unless a letter meets a digit ("3pm"),
    tokens are what is left between spaces once every gap character is one: faster than a regex.
    """
    if not low.isascii():
        if _OTHER_TOKEN_CHAR.search(low):
            return _split(_SPLIT, low)
        low = low.encode("ascii", "replace").decode("ascii")
    shapes = low.translate(_SHAPES)
    if "a0" in shapes or "0a" in shapes:
        return _split(_SPLIT_ASCII, low)
    pieces = low.translate(_GAPS).split(" ")  # tokens, and "" between two gap characters
    offsets = map(add, accumulate(map(len, pieces), initial=0), count())  # a space after each
    return list(filter(None, pieces)), list(compress(offsets, pieces))


def _split(regex: re.Pattern[str], low: str) -> tuple[list[str], list[int]]:
    """The tokens of ``low`` and their offsets, ``regex`` capturing tokens to split it."""
    parts = regex.split(low)  # gap, token, gap, token, ..., gap
    return parts[1::2], list(accumulate(map(len, parts)))[0:-1:2]
