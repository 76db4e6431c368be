"""Topics: a topic applies when any of its keywords occurs in the text."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from extract.knowledge.lexicon import Lexicon
from extract.knowledge.vocabulary import topic_parents
from extract.knowledge.words import table
from extract.text.names import alternation

_WORD = re.compile(r"\w+")
_NON_ASCII_WORD_CHAR = re.compile(r"(?=[^\x00-\x7f])\w")


def find_topics(text: str, lexicon: Lexicon) -> list[str]:
    """Topic names whose keywords occur in ``text``, with the top-level topic of each narrower
    one: the top-level topics first, each part in ``topics.csv`` order.

    Keywords are whole words; a keyword with a capital letter ("WHO") must match its case.
    """
    topics = _topics(lexicon)
    found = _matched(text, topics)
    if not found:
        return found
    parents = topics.parents
    top = {parents[name] for name in found}
    return sorted(top, key=topics.ranks.__getitem__) + [n for n in found if n not in top]


def matched_topics(text: str, lexicon: Lexicon) -> list[str]:
    """Topic names whose own keywords occur in ``text``, in ``topics.csv`` order."""
    return _matched(text, _topics(lexicon))


def _matched(text: str, topics: _Topics) -> list[str]:
    if not text.isascii() and _NON_ASCII_WORD_CHAR.search(text):
        candidates: Iterable[int] = range(len(topics.names))  # no shortcut beyond ASCII
    else:
        candidates = topics.candidates(text)
    return [topics.names[i] for i in candidates if topics.patterns[i].search(text)]


def document_topic(text: str, lexicon: Lexicon) -> str:
    """The top-level topic a whole document is most about: the one whose keywords (its own and
    its narrower topics', as written) occur most often in ``text``; '' when none occurs."""
    pattern, tops = _keyword_index(lexicon)
    counts: dict[str, int] = {}
    for match in pattern.finditer(text):
        for top in tops[" ".join(match.group().split())]:
            counts[top] = counts.get(top, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else ""


@cache
def _keyword_index(lexicon: Lexicon) -> tuple[re.Pattern[str], dict[str, tuple[str, ...]]]:
    """One pattern for every keyword as written, and the top-level topics of each keyword."""
    parents = topic_parents(lexicon)
    tops: dict[str, dict[str, None]] = {}
    for topic in lexicon.topics:
        for keyword in topic.keywords:
            tops.setdefault(" ".join(keyword.split()), {})[parents[topic.name]] = None
    body = alternation(tops, r"\s+") or r"(?!)"
    pattern = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")
    return pattern, {keyword: tuple(names) for keyword, names in tops.items()}


def event_topic(kind: str) -> str:
    """The topic of a kind of event ("meeting", "arrest") for an event that has no other, from
    ``event_topics.csv``; '' for an unknown kind."""
    return _event_topics().get(kind, "")


@cache
def _event_topics() -> dict[str, str]:
    return {row["event"]: row["topic"] for row in table("event_topics.csv")}


@dataclass(frozen=True)
class _Topics:
    """The topics' names and patterns, and the topics a text can match by the first words of
    their keywords: an ASCII text without one of a topic's first words cannot match it."""

    names: tuple[str, ...]
    patterns: tuple[re.Pattern[str], ...]
    by_first_word: dict[str, tuple[int, ...]]  # the topics of each first word
    unfiltered: frozenset[int]  # topics with a keyword that does not start with an ASCII word
    parents: dict[str, str]  # see :func:`topic_parents`
    ranks: dict[str, int]  # the place of each name of ``parents`` in it

    def candidates(self, text: str) -> list[int]:
        """The numbers of the topics ``text`` may match, in order."""
        found = set(self.unfiltered)
        for word in self.by_first_word.keys() & _WORD.findall(text.lower()):
            found.update(self.by_first_word[word])
        return sorted(found)


@cache
def _topics(lexicon: Lexicon) -> _Topics:
    firsts = [_first_words(topic.keywords) for topic in lexicon.topics]
    parents = topic_parents(lexicon)
    by_first_word: dict[str, list[int]] = {}
    for index, words in enumerate(firsts):
        for word in words or ():
            by_first_word.setdefault(word, []).append(index)
    return _Topics(
        names=tuple(topic.name for topic in lexicon.topics),
        patterns=tuple(_keyword_pattern(topic.keywords) for topic in lexicon.topics),
        by_first_word={word: tuple(indexes) for word, indexes in by_first_word.items()},
        unfiltered=frozenset(index for index, words in enumerate(firsts) if words is None),
        parents=parents,
        ranks={name: rank for rank, name in enumerate(parents)},
    )


def _first_words(keywords: tuple[str, ...]) -> frozenset[str] | None:
    """The first word of each keyword in lowercase, or None when a keyword does not start with
    an ASCII word."""
    firsts = [_WORD.match(keyword.strip()) for keyword in keywords]
    if not all(first and first.group().isascii() for first in firsts):
        return None
    return frozenset(first.group().lower() for first in firsts if first)


def _keyword_pattern(keywords: tuple[str, ...]) -> re.Pattern[str]:
    words = [" ".join(keyword.split()) for keyword in keywords]
    cased = alternation((word for word in words if word != word.lower()), r"\s+")
    caseless = alternation((word for word in words if word == word.lower()), r"\s+")
    # A lowercase keyword matches as written, or in any case where a sentence starts: "Jobs"
    # further on is a name, not jobs.
    starts = r"(?:(?<=^)|(?<=[.!?\"“”]\s)|(?<=\x00))"
    body = (
        "|".join(
            [
                *([cased] if cased else []),
                *([caseless, f"{starts}(?i:{caseless})"] if caseless else []),
            ]
        )
        or r"(?!)"
    )
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")
