"""What tells two reports of one happening apart from reports of two: families of event words
("met", "held talks", "summit" are one meeting), unnamed participants ("protesters",
"demonstrators"), and words that only tell a happening's stage or size ("began", "due").

Data files beside the lexicons: ``event_families.csv`` (``family``, ``identified_by``: ``kind``
when the kind, place and date identify a happening, ``object`` when what it is about does too,
as for votes and agreements; ``words`` and ``object_words``, ``|``-separated, the latter naming
what the happening is about: "budget", "treaty"), ``participants.csv`` (``participant``,
``words``), ``aspect_words.txt`` and ``subordinators.txt``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple


class Found(NamedTuple):
    """What a text says of its happening (see :meth:`HappeningWords.find`); a named tuple, as
    it is made for every title merged."""

    families: frozenset[str]
    main_families: frozenset[str]
    #: Families identified by what they are about, of which the text names the object.
    object_families: frozenset[str]
    participants: frozenset[str]
    #: The family and participant phrases found, in order.
    phrases: tuple[str, ...]


#: A word of a lowercase text as the phrases are matched, or a comma or semicolon.
_TOKEN = re.compile(r"[a-z][a-z'-]*|[,;]")
#: Phrases are matched up to this many words long.
_LONGEST = 4
#: Words that open a reference to a happening the reader knows of ("the agreement").
_DEFINITE = frozenset({"the", "this", "that"})
#: How many words after them an object word ("the digital trade agreement") may stand.
_REFERENCE_REACH = 3


@dataclass(frozen=True, eq=False)
class HappeningWords:
    """The families, participants and aspect words, and the phrases of all of them by word."""

    family_of: dict[str, str]  # phrase -> family
    objects: frozenset[str]  # phrases that name what a happening is about
    by_object: frozenset[str]  # families identified by their object
    participant_of: dict[str, str]  # phrase -> participant
    aspect_words: frozenset[str]
    #: The lengths in words of the phrases that start with each word, longest first.
    lengths: dict[str, tuple[int, ...]]
    #: Words (and two-word phrases) that end a main clause, as commas and semicolons do.
    subordinators: frozenset[str]

    @cached_property
    def _clause_ends(self) -> frozenset[str]:
        """The tokens that end a main clause on their own: one-word subordinators, "," and ";"."""
        return self.subordinators | {",", ";"}

    @cached_property
    def _pair_starts(self) -> frozenset[str]:
        """The first words of the two-word subordinators."""
        return frozenset(phrase.split()[0] for phrase in self.subordinators if " " in phrase)

    @cached_property
    def _marks(self) -> frozenset[str]:
        """The tokens :meth:`find` stops at: those that start a phrase or may end a main clause
        (the others change nothing)."""
        return frozenset(self.lengths) | self._clause_ends | self._pair_starts

    def find(self, text: str) -> Found:
        """The families and participants whose phrases ``text`` holds (the longest phrase at
        each word, case ignored); ``main_families``: those of its main clause (up to a comma,
        a semicolon or a subordinator)."""
        return self.find_in(tokens_of(text))

    def find_in(self, tokens: list[str]) -> Found:
        """:meth:`find` of a text given as its :func:`tokens_of`."""
        family_of, lengths = self.family_of, self.lengths
        clause_ends, pair_starts, count = self._clause_ends, self._pair_starts, len(tokens)
        families: list[str] = []
        main: list[str] = []
        about: list[str] = []
        participants: list[str] = []
        phrases: list[str] = []
        in_main = True
        free = 0  # the first token after the phrases found so far
        for at in [at for at, word in enumerate(tokens) if word in self._marks]:
            if at < free:
                continue
            word = tokens[at]
            if in_main and (
                word in clause_ends
                or (
                    word in pair_starts
                    and at + 1 < count
                    and f"{word} {tokens[at + 1]}" in self.subordinators
                )
            ):
                in_main = False
            for length in lengths.get(word, ()):
                phrase = " ".join(tokens[at : at + length]) if length > 1 else word
                if phrase in family_of:
                    family = family_of[phrase]
                    families.append(family)
                    if in_main:
                        main.append(family)
                    if phrase in self.objects:
                        about.append(family)
                elif phrase in self.participant_of:
                    participants.append(self.participant_of[phrase])
                else:
                    continue
                phrases.append(phrase)
                free = at + length
                break
        return Found(
            frozenset(families),
            frozenset(main),
            frozenset(about),
            frozenset(participants),
            tuple(phrases),
        )

    def referred_in(self, tokens: list[str]) -> frozenset[str]:
        """The family of the happening a text (as :func:`tokens_of`) opens by naming as known:
        an event word right after "the", "this" or "that" ("The talks ended"), or an object
        word a few words after ("The digital trade agreement was signed"); else none."""
        if not tokens or tokens[0] not in _DEFINITE:
            return frozenset()
        for at in range(1, min(len(tokens), 1 + _REFERENCE_REACH)):
            for length in self.lengths.get(tokens[at], ()):
                phrase = " ".join(tokens[at : at + length])
                family = self.family_of.get(phrase)
                if family and (at == 1 or phrase in self.objects):
                    return frozenset((family,))
        return frozenset()


def tokens_of(text: str) -> list[str]:
    """The words of ``text`` in lowercase, and its commas and semicolons, as phrases are
    matched."""
    return _TOKEN.findall(text.lower())


def happening_words(
    families: list[dict[str, str]],
    participants: list[dict[str, str]],
    aspect_words: list[str],
    subordinators: list[str],
) -> HappeningWords:
    """The words of the rows of ``event_families.csv`` and ``participants.csv`` and the lines
    of ``aspect_words.txt`` and ``subordinators.txt`` (see
    :func:`extract.knowledge.lexicon.load_lexicon`)."""
    family_of: dict[str, str] = {}
    objects: set[str] = set()
    by_object: set[str] = set()
    for row in families:
        family = row["family"]
        if row["identified_by"] == "object":
            by_object.add(family)
        for phrase in _split(row["words"]):
            family_of[phrase] = family
        for phrase in _split(row["object_words"]):
            family_of[phrase] = family
            objects.add(phrase)
    participant_of = {
        phrase: row["participant"]
        for row in participants
        for phrase in _split(row["words"])
        if phrase not in family_of
    }
    lengths: dict[str, set[int]] = {}
    for phrase in (*family_of, *participant_of):
        words = phrase.split()
        if len(words) <= _LONGEST:
            lengths.setdefault(words[0], set()).add(len(words))
    return HappeningWords(
        family_of=family_of,
        objects=frozenset(objects),
        by_object=frozenset(by_object),
        participant_of=participant_of,
        aspect_words=frozenset(word.lower() for word in aspect_words),
        lengths={word: tuple(sorted(found, reverse=True)) for word, found in lengths.items()},
        subordinators=frozenset(" ".join(word.lower().split()) for word in subordinators),
    )


def _split(value: str) -> list[str]:
    return [" ".join(part.lower().split()) for part in value.split("|") if part.strip()]
