"""Candidate pairs: a sweep over the mentions in date order, scoring each arrival only against
the open mentions that share an actor or a title word with it."""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator

from extract.merging.features import KIND_KEY, REFERENCE_KEY, Mention
from extract.merging.scoring import MAX_GAP_DAYS, SAME_DOCUMENT_THRESHOLD, THRESHOLD, pair_score

#: What :func:`pair_score` reads of a mention: all but its index and document.
_FEATURES = slice(2, None)


class _Class:
    """Open mentions of equal features (the copies of a story), by row, and how many of them
    each document gives; known by identity in the index's sets."""

    __slots__ = ("members", "documents")

    def __init__(self) -> None:
        self.members: dict[int, Mention] = {}
        self.documents: dict[str, int] = {}

    def add(self, mention: Mention) -> None:
        self.members[mention.index] = mention
        self.documents[mention.doc_id] = self.documents.get(mention.doc_id, 0) + 1

    def remove(self, mention: Mention) -> None:
        del self.members[mention.index]
        left = self.documents.pop(mention.doc_id) - 1
        if left:
            self.documents[mention.doc_id] = left


class _KeyIndex:
    """Open mentions in classes of equal features (see :class:`_Class`), and the classes by the
    actors and title words they can be found under: classes naming actors by their actors and
    title words, the others by their title words twice (``words`` and ``bare_words``)."""

    def __init__(self) -> None:
        self.classes: dict[tuple[object, ...], _Class] = {}  # by features
        self.actors: defaultdict[str, set[_Class]] = defaultdict(set)
        self.words: defaultdict[str, set[_Class]] = defaultdict(set)
        self.bare_words: defaultdict[str, set[_Class]] = defaultdict(set)

    def add(self, mention: Mention) -> None:
        features = mention[_FEATURES]
        found = self.classes.get(features)
        if found is None:
            found = self.classes[features] = _Class()
            self._update(mention, found, set.add)
        found.add(mention)

    def remove(self, mention: Mention) -> None:
        features = mention[_FEATURES]
        found = self.classes[features]
        found.remove(mention)
        if not found.members:
            del self.classes[features]
            self._update(mention, found, set.discard)

    def candidates(self, mention: Mention) -> set[_Class]:
        """The classes ``mention`` can merge with: with actors, classes sharing an actor or a
        kind of event with a word, place or participant, and those naming none that share a
        key; without actors, any sharing a key (see :attr:`Mention.keys`); and those of the
        kind of event it names as known."""
        if mention.actors:
            sets = [self.actors.get(actor) for actor in mention.actors]
            sets += [self.bare_words.get(word) for word in mention.keys]
            sets += [self.words.get(key) for key in mention.keys if key.startswith(KIND_KEY)]
        else:
            sets = [self.words.get(key) for key in mention.keys if key[0] != REFERENCE_KEY]
        sets += [self.words.get(REFERENCE_KEY + family) for family in mention.refers]
        return set().union(*filter(None, sets))

    def _update(
        self,
        mention: Mention,
        found: _Class,
        change: Callable[[set[_Class], _Class], None],
    ) -> None:
        """Apply ``change`` (add or discard) to ``found`` in each set ``mention`` is kept in."""
        for actor in mention.actors:
            change(self.actors[actor], found)
        for word in mention.keys:
            change(self.words[word], found)
        if not mention.actors:
            for word in mention.keys:
                change(self.bare_words[word], found)


def scored_pairs(
    arrivals: Iterable[Mention], opened: Iterable[Mention] = ()
) -> Iterator[tuple[float, list[int], int]]:
    """Candidate pairs scoring at least ``THRESHOLD`` with one of ``arrivals``, found by a
    sweep over their dates: they come in date order (see :func:`date_order`), after the
    mentions ``opened`` before them whose dates are still open at the first (see
    :func:`date_segments`), which are only indexed. The pairs of an arrival with a class of open
    mentions share its score: they come as the score, the rows of the class (from other
    documents, and from the arrival's document too when they tell one kind of event and the
    score reaches ``SAME_DOCUMENT_THRESHOLD``), and the arrival's row.

    Only mentions whose dates can match (see :func:`date_factor`) and that share a key (see
    :meth:`_KeyIndex.candidates`) are scored. No pair is lost: without a shared actor, title
    word, or kind of event with a shared place or participant, the wording counts nothing and
    the evidence is at most 0.45 (a shared kind and amount), below ``THRESHOLD``; two mentions
    both naming actors but sharing none can only merge when they share a kind and a place (see
    :func:`evidence`).
    """
    expiry: list[tuple[int, int, Mention]] = []  # open mentions by end and row (unique)
    index = _KeyIndex()
    for mention in opened:
        heapq.heappush(expiry, (mention.end, mention.index, mention))
        index.add(mention)
    for mention in arrivals:
        while expiry and mention.start - expiry[0][0] > MAX_GAP_DAYS:
            index.remove(heapq.heappop(expiry)[2])
        row, doc_id = mention.index, mention.doc_id
        for found in index.candidates(mention):
            members = found.members
            other = next(iter(members.values()))  # the same score for every member: scored once
            same_kind = not mention.families.isdisjoint(other.families)
            if doc_id not in found.documents:
                score = pair_score(other, mention)
                if score >= THRESHOLD:
                    yield score, list(members), row
                continue
            if same_kind:  # a document's own mentions score as such (see :func:`evidence`)
                own = [i for i, m in members.items() if m.doc_id == doc_id]
                score = pair_score(members[own[0]], mention)
                if score >= SAME_DOCUMENT_THRESHOLD:
                    yield score, own, row
            rows = [i for i, m in members.items() if m.doc_id != doc_id]
            if rows:
                score = pair_score(members[rows[0]], mention)
                if score >= THRESHOLD:
                    yield score, rows, row
        heapq.heappush(expiry, (mention.end, row, mention))
        index.add(mention)
