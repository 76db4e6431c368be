"""The score of two mentions: a date factor times the evidence they share (docs/merging.md)."""

from __future__ import annotations

from extract.merging.features import Mention

#: Scores are rounded to four decimals.
SCORE_SCALE = 10_000
THRESHOLD = 0.5
#: Scores up to this one round to less than ``THRESHOLD``: they are dropped without rounding.
_BELOW_THRESHOLD = THRESHOLD - 1 / SCORE_SCALE
MAX_GAP_DAYS = 2

_GAP_FACTORS = {0: 1.0, 1: 0.8, 2: 0.6}
_NESTED_FACTOR = 0.9
_ACTOR_WEIGHT, _TITLE_WEIGHT, _KIND_WEIGHT, _AMOUNT_WEIGHT = 0.45, 0.25, 0.15, 0.15


def pair_score(a: Mention, b: Mention) -> float:
    """The score of a pair, rounded to four decimals, or 0.0 when it is at most
    ``_BELOW_THRESHOLD`` (and so could only round to less than ``THRESHOLD``)."""
    factor = _date_factor(a, b)
    if not factor:
        return 0.0
    actors = 0.0
    if a.actors and b.actors:
        shared = len(a.actors & b.actors)
        if not shared:
            return 0.0
        actors = shared / min(len(a.actors), len(b.actors))
    amounts = bool(a.amounts and b.amounts)
    if amounts and a.amounts.isdisjoint(b.amounts):
        return 0.0
    words = _overlap(a.words, b.words)
    evidence = (
        _ACTOR_WEIGHT * actors
        + _TITLE_WEIGHT * words
        + _KIND_WEIGHT * (not a.kinds.isdisjoint(b.kinds))
        + _AMOUNT_WEIGHT * amounts
    )
    score = factor * evidence
    return round(score, 4) if score > _BELOW_THRESHOLD else 0.0  # most pairs: spare the rounding


def _date_factor(a: Mention, b: Mention) -> float:
    if a.start == b.start and a.end == b.end:
        return 1.0
    if a.start <= b.end and b.start <= a.end:
        nested = (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)
        return _NESTED_FACTOR if nested else 0.0
    gap = max(b.start - a.end, a.start - b.end)
    return _GAP_FACTORS.get(gap, 0.0) if a.day and b.day else 0.0


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b or a.isdisjoint(b):  # most pairs: spare building the intersection
        return 0.0
    return len(a & b) / min(len(a), len(b))
