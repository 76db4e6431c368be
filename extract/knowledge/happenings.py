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


@dataclass(frozen=True)
class Found:
    """What a text says of its happening (see :meth:`HappeningWords.find`)."""

    families: frozenset[str]
    #: Families identified by what they are about, of which the text names the object.
    object_families: frozenset[str]
    participants: frozenset[str]
    #: The text with the family and participant words blanked out.
    rest: str


@dataclass(frozen=True, eq=False)
class HappeningWords:
    """The families, participants and aspect words, and a matcher over all of their phrases."""

    family_of: dict[str, str]  # phrase -> family
    objects: frozenset[str]  # phrases that name what a happening is about
    by_object: frozenset[str]  # families identified by their object
    participant_of: dict[str, str]  # phrase -> participant
    aspect_words: frozenset[str]
    pattern: re.Pattern[str]
    #: Where the main clause of a title ends: a comma, a semicolon or a subordinator.
    clause_end: re.Pattern[str]

    def main_clause(self, text: str) -> str:
        """``text`` up to the end of its first clause (all of it when it has one)."""
        return self.clause_end.split(text, maxsplit=1)[0]

    def find(self, text: str) -> Found:
        """The families and participants whose phrases ``text`` holds (longest phrase first)."""
        families: set[str] = set()
        objects: set[str] = set()
        participants: set[str] = set()
        lowered = text.lower()
        for match in self.pattern.finditer(lowered):
            phrase = match.group()
            family = self.family_of.get(phrase)
            if family:
                families.add(family)
                if phrase in self.objects:
                    objects.add(family)
            else:
                participants.add(self.participant_of[phrase])
        rest = self.pattern.sub(" ", lowered)
        return Found(frozenset(families), frozenset(objects), frozenset(participants), rest)


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
        phrase: row["participant"] for row in participants for phrase in _split(row["words"])
    }
    phrases = sorted({*family_of, *participant_of}, key=lambda p: (-len(p), p))
    words = "|".join(re.escape(phrase) for phrase in phrases)
    return HappeningWords(
        family_of=family_of,
        objects=frozenset(objects),
        by_object=frozenset(by_object),
        participant_of={p: g for p, g in participant_of.items() if p not in family_of},
        aspect_words=frozenset(word.lower() for word in aspect_words),
        pattern=re.compile(rf"(?<![\w-])(?:{words or '(?!)'})(?![\w-])"),
        clause_end=re.compile(
            "[,;]|"
            + "".join(rf"\s{re.escape(word.lower())}\s|" for word in subordinators)
            + "(?!)",
            re.IGNORECASE,
        ),
    )


def _split(value: str) -> list[str]:
    return [part.strip().lower() for part in value.split("|") if part.strip()]
