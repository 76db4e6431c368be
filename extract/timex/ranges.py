"""Ranges such as "Sept 14 to 25": the bare second day becomes an expression of its own."""

from __future__ import annotations

import re

from .grammar import Candidate, Rule

_TAIL = re.compile(
    r"\s*(?:-|–|—|to|through|until|till|and)\s*((?:3[01]|[12]\d|0?[1-9]))(?:st|nd|rd|th)?"
    r"(?![\d%:.,]\d|\d|\s*(?:%|percent|per cent))",
    re.IGNORECASE,
)
_DAY_VALUE = re.compile(r"(\d{4}|XXXX)-(\d\d)-\d\d")
RANGE_END = Rule("range_end", "DATE", "", r"{dnum}", "Sept 14 to 25")


def complete_ranges(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """``candidates`` plus the bare day that closes a day range after a full date."""
    out: list[Candidate] = []
    for i, cand in enumerate(candidates):
        out.append(cand)
        m = _TAIL.match(text, cand.end)
        nxt = candidates[i + 1].start if i + 1 < len(candidates) else len(text)
        day = _DAY_VALUE.search(cand.value)
        if cand.rule.type != "DATE" or not m or not day or m.end() > nxt:
            continue
        value = cand.value[: day.end() - 2] + f"{int(m[1]):02d}" + cand.value[day.end() :]
        out.append(Candidate(m.start(1), m.end(1), RANGE_END, value))
    return out
