"""Trigger words: the words that signal an event ("met", "agreed", "election")."""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from extract.knowledge.lexicon import Lexicon, Trigger
from extract.text.names import alternation

#: A word in lowercase (see :func:`find_triggers`): a trigger of another form is never found.
_WORD = re.compile(r"[a-z][a-z-]*")
#: The characters whose lowercase holds an ASCII letter although they are not one (dotted
#: capital I, Kelvin sign).
_LOWERCASE_ASCII_LETTER = ("\u0130", "\u212a")


class TriggerMention(NamedTuple):
    """A trigger word at an offset (a tuple: cheap to make, and most sentences have some)."""

    start: int
    trigger: Trigger


def find_triggers(text: str, lexicon: Lexicon) -> list[TriggerMention]:
    """Trigger words in ``text``, left to right (matched case-insensitively, whole words).

    A word is a run of ASCII letters and hyphens that starts with a letter: "re-met" and
    "talks--met" are one word each, and "-met" is "met".
    """
    triggers = lexicon.triggers
    return [
        TriggerMention(match.start(1) - 1, triggers[match[1]])
        for match in _pattern(lexicon, standalone=False).finditer(_searched(text))
    ]


def has_standalone_trigger(text: str, lexicon: Lexicon) -> bool:
    """Whether ``text`` holds a standalone trigger word (see :func:`find_triggers`)."""
    return _pattern(lexicon, standalone=True).search(_searched(text)) is not None


@cache
def _pattern(lexicon: Lexicon, standalone: bool) -> re.Pattern[str]:
    """A trigger word (only a standalone one if ``standalone``) as group 1, at the start of a
    word of :func:`_searched` text, after what comes before that word: a character that does
    not continue a word, then any hyphens. Starting with that character lets the regex engine
    skip the letters within words quickly."""
    words = alternation(
        word
        for word, trigger in lexicon.triggers.items()
        if _WORD.fullmatch(word) and (trigger.standalone or not standalone)
    )
    return re.compile(rf"[^a-z-]-*({words or '(?!)'})(?![a-z-])")


def _searched(text: str) -> str:
    """``text`` as the patterns search it: in lowercase, after a space that stands for the start
    of the text (so offsets in it are one more), with the same words at the same offsets (no
    character turns into an ASCII letter)."""
    for char in _LOWERCASE_ASCII_LETTER:
        if char in text:
            text = text.replace(char, " ")
    return " " + text.lower()


def main_trigger(
    mentions: list[TriggerMention], anchor: int, start: int, end: int
) -> TriggerMention | None:
    """The trigger an event anchored at ``anchor`` is about.

    Prefers standalone triggers (verbs such as "met") inside the clause ``start``..``end``,
    then any trigger in the clause, then any in the sentence; the nearest to the anchor wins.
    """
    in_clause = [mention for mention in mentions if start <= mention.start < end]
    for pool in (
        [mention for mention in in_clause if mention.trigger.standalone],
        in_clause,
        mentions,
    ):
        if pool:
            return min(pool, key=lambda mention: abs(mention.start - anchor))
    return None
