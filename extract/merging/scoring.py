"""The score of two mentions: a date factor times the evidence they share (docs/merging.md)."""

from __future__ import annotations

from typing import NamedTuple

from rapidfuzz import fuzz

from extract.merging.features import Mention

#: Scores are rounded to four decimals.
SCORE_SCALE = 10_000
THRESHOLD = 0.5
#: Two mentions of one document are one happening from this score on: a document that tells a
#: happening twice mostly tells it alike, and one that tells two alike mostly says so.
SAME_DOCUMENT_THRESHOLD = 0.7
#: Scores up to this one round to less than ``THRESHOLD``: they are dropped without rounding.
_BELOW_THRESHOLD = THRESHOLD - 1 / SCORE_SCALE
MAX_GAP_DAYS = 2

_GAP_FACTORS = {0: 1.0, 1: 0.8, 2: 0.6}
_NESTED_FACTOR = 0.9
#: Weights of the evidence (see :func:`evidence`).
ACTOR_WEIGHT, KIND_WEIGHT, PLACE_WEIGHT, PARTICIPANT_WEIGHT = 0.35, 0.3, 0.15, 0.1
AMOUNT_WEIGHT, WORDING_WEIGHT = 0.15, 0.3
#: Wording at least this alike makes two reports of a vote or an agreement about one thing.
SAME_OBJECT_WORDING = 0.5
#: Wording at least this alike (and a shared kind) lets reports naming other actors merge.
SAME_WORDING = 0.8
#: What the evidence loses for kinds, or places, that both name and none of which is shared.
OTHER_KIND_PENALTY, OTHER_PLACE_PENALTY = 0.25, 0.15


class Evidence(NamedTuple):
    """What two mentions share, each part from 0 to 1 (kind and place from -1: they differ)."""

    actors: float
    kind: int
    place: int
    participants: bool
    amounts: bool
    wording: float

    @property
    def total(self) -> float:
        """The weighted sum of the parts, at most 1."""
        return min(
            1.0,
            ACTOR_WEIGHT * self.actors
            + (KIND_WEIGHT * self.kind if self.kind > 0 else OTHER_KIND_PENALTY * self.kind)
            + (PLACE_WEIGHT * self.place if self.place > 0 else OTHER_PLACE_PENALTY * self.place)
            + PARTICIPANT_WEIGHT * self.participants
            + AMOUNT_WEIGHT * self.amounts
            + WORDING_WEIGHT * self.wording,
        )


def pair_score(a: Mention, b: Mention) -> float:
    """The score of a pair, date factor times evidence, rounded to four decimals, or 0.0 when
    it is at most ``_BELOW_THRESHOLD`` (and so could only round to less than ``THRESHOLD``)."""
    factor = date_factor(a, b)
    if not factor:
        return 0.0
    shared = evidence(a, b)
    if shared is None:
        return 0.0
    score = factor * shared.total
    return round(score, 4) if score > _BELOW_THRESHOLD else 0.0  # most pairs: spare the rounding


def evidence(a: Mention, b: Mention) -> Evidence | None:
    """What ``a`` and ``b`` share, or None when they cannot be one happening: both give
    amounts but share none, or both name actors but share none, unless they tell of one kind
    of event in one place or in nearly the same words (one report names the signatories, the
    other their countries; actors of the sentence around a subordinate mention)."""
    amounts = bool(a.amounts and b.amounts)
    if amounts and a.amounts.isdisjoint(b.amounts):
        return None
    wording = fuzz.token_set_ratio(a.text, b.text) / 100 if a.text and b.text else 0.0
    kind, place = _kind(a, b, wording), _agreement(a.places, b.places)
    actors = 0.0
    if a.actors and b.actors:
        shared = len(a.actors & b.actors)
        if not shared and (kind < 1 or (place < 1 and wording < SAME_WORDING)):
            return None
        actors = shared / min(len(a.actors), len(b.actors))
    return Evidence(
        actors=actors,
        kind=kind,
        place=place,
        participants=not a.participants.isdisjoint(b.participants),
        amounts=amounts,
        wording=wording,
    )


def _kind(a: Mention, b: Mention, wording: float) -> int:
    """1 for a shared family of event words, -1 for none shared of those both name, else 0.
    Families identified by what they are about (votes, agreements) are only shared when what
    both are about, as far as both say, has something in common or their wording is alike
    (``wording`` from ``SAME_OBJECT_WORDING`` on): two votes of one day in one parliament are
    two happenings."""
    shared = a.families & b.families
    if not shared:
        return -1 if a.families and b.families else 0
    if (
        shared <= a.object_families
        and a.about
        and b.about
        and a.about.isdisjoint(b.about)
        and wording < SAME_OBJECT_WORDING
    ):
        return -1
    return 1


def _agreement(a: frozenset[str], b: frozenset[str]) -> int:
    if not a or not b:
        return 0
    return -1 if a.isdisjoint(b) else 1


def date_factor(a: Mention, b: Mention) -> float:
    if a.start == b.start and a.end == b.end:
        return 1.0
    if a.start <= b.end and b.start <= a.end:
        nested = (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)
        return _NESTED_FACTOR if nested else 0.0
    gap = max(b.start - a.end, a.start - b.end)
    return _GAP_FACTORS.get(gap, 0.0) if a.day and b.day else 0.0
