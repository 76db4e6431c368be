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
#: A document naming a happening of a kind it told as known ("The agreement was signed by
#: ...") points back to it as surely as a shared actor does.
REFERENCE_WEIGHT = ACTOR_WEIGHT
#: Wording at least this alike makes two reports of a vote or an agreement about one thing.
SAME_OBJECT_WORDING = 0.5
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
    #: One of two mentions of one document names the kind of event they share as known.
    reference: bool = False

    @property
    def total(self) -> float:
        """The weighted sum of the parts, at most 1."""
        return _weighted(*self)


def _weighted(
    actors: float,
    kind: int,
    place: int,
    participants: bool,
    amounts: bool,
    wording: float,
    reference: bool = False,
) -> float:
    """The weighted sum of the parts of an :class:`Evidence`, at most 1."""
    return min(
        1.0,
        ACTOR_WEIGHT * actors
        + REFERENCE_WEIGHT * reference
        + (KIND_WEIGHT * kind if kind > 0 else OTHER_KIND_PENALTY * kind)
        + (PLACE_WEIGHT * place if place > 0 else OTHER_PLACE_PENALTY * place)
        + PARTICIPANT_WEIGHT * participants
        + AMOUNT_WEIGHT * amounts
        + WORDING_WEIGHT * wording,
    )


def pair_score(a: Mention, b: Mention) -> float:
    """The score of a pair, date factor times evidence, rounded to four decimals, or 0.0 when
    it is at most ``_BELOW_THRESHOLD`` (and so could only round to less than ``THRESHOLD``)."""
    factor = date_factor(a, b)
    if not factor:
        return 0.0
    if one_clause(a, b):
        return factor  # one clause with two dates ("overnight on Wednesday"): one happening
    shared = evidence(a, b, factor)
    if shared is None:
        return 0.0
    score = factor * shared.total
    return round(score, 4) if score > _BELOW_THRESHOLD else 0.0  # most pairs: spare the rounding


def one_clause(a: Mention, b: Mention) -> bool:
    """Whether two mentions are one clause of one sentence dated twice, once by a time of day
    ("overnight on Wednesday"): the same sentence of one document and the same title words.
    A list of days ("on Monday, Tuesday and Wednesday") tells one happening a day."""
    return (
        (a.timed or b.timed)
        and (a.doc_id, a.sentence, a.text) == (b.doc_id, b.sentence, b.text)
        and bool(a.text)
    )


def evidence(a: Mention, b: Mention, factor: float = 0.0) -> Evidence | None:
    """What ``a`` and ``b`` share, or None when they cannot be one happening: both give
    amounts but share none, or both name actors but share none, unless they tell of one kind
    of event in one place (one report names the signatories, the other their countries). Their
    wording
    counts when they share a key (see :attr:`Mention.keys`). Within one document, a mention
    that names the kind of event both tell as known ("The agreement was signed by ...") needs
    no shared actor or place, only none that differs. With a date ``factor``, also None
    when the score cannot reach ``THRESHOLD`` whatever the wording (which then is not read)."""
    amounts = bool(a.amounts and b.amounts)
    if amounts and a.amounts.isdisjoint(b.amounts):
        return None
    shared_actors = len(a.actors & b.actors)
    actors = shared_actors / min(len(a.actors), len(b.actors)) if shared_actors else 0.0
    unnamed = not shared_actors and a.actors and b.actors
    kind = _kind(a, b, 1.0)
    if unnamed and kind < 1:
        return None
    place = _agreement(a.places, b.places)
    participants = not a.participants.isdisjoint(b.participants)
    worded = not a.keys.isdisjoint(b.keys)
    referred = _referred(a, b)
    best = 1.0 if worded else 0.0
    if factor and (  # even with the best wording
        factor * _weighted(actors, kind, place, participants, amounts, best, referred)
        <= _BELOW_THRESHOLD
    ):
        return None
    wording = fuzz.token_set_ratio(a.text, b.text) / 100 if worded else 0.0
    if kind > 0 and a.object_families:
        kind = _kind(a, b, wording)
    reference = referred and kind > 0
    if unnamed and (kind < 1 or place < (0 if reference else 1)):
        return None
    return Evidence(actors, kind, place, participants, amounts, wording, reference)


def _referred(a: Mention, b: Mention) -> bool:
    """Whether two mentions of one document tell one kind of event, and only that, and one of
    them names it as known ("The agreement was signed by ...")."""
    return (
        a.doc_id == b.doc_id
        and len(a.families) == 1
        and a.families == b.families
        and not (a.refers | b.refers).isdisjoint(a.families)
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
