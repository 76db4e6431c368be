"""Trigger words: the words that signal an event ("met", "agreed", "election")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.lexicon import Lexicon, Trigger

_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")


@dataclass(frozen=True)
class TriggerMention:
    """A trigger word at an offset."""

    start: int
    trigger: Trigger


def find_triggers(text: str, lexicon: Lexicon) -> list[TriggerMention]:
    """Trigger words in ``text``, left to right (matched case-insensitively, whole words)."""
    triggers = lexicon.triggers
    found = []
    for match in _WORD.finditer(text):
        word = match[0].lower()
        if word in triggers:
            found.append(TriggerMention(match.start(), triggers[word]))
    return found


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
