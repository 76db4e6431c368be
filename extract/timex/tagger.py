"""tag(): recognition, then resolution of each expression in document order."""

from __future__ import annotations

import datetime as dt
from collections import deque

from .grammar import grammar
from .model import Timex
from .periods import CalendarPeriod
from .ranges import complete_ranges
from .resolve import MEMORY, Resolver
from .tense import Sentences, TenseCues
from .tokens import Tokens


def tag(text: str, dct: dt.date | None) -> list[Timex]:
    """Temporal expressions of ``text``, sorted by start and non-overlapping.

    Relative expressions are resolved against ``dct``, the document's creation date; without it
    their values stay underspecified and ``anchored`` is False.
    """
    tokens = Tokens(text)
    candidates = [c for c in grammar().scan(text, tokens) if c.rule.type != "NONE"]
    if not candidates:
        return []
    candidates = complete_ranges(text, candidates)
    sentences = Sentences(text)
    cues = TenseCues(text, tokens)
    resolver = Resolver(dct)
    found: list[Timex] = []
    sentence, nearby = -1, deque[CalendarPeriod](maxlen=MEMORY)
    for cand in candidates:
        index = sentences.index(cand.start)
        if index != sentence:
            sentence = index
            nearby.clear()
        needs_tense = cand.value.startswith("@near")
        tense = (
            cues.tense(cand.start, cand.end, sentences.bounds(cand.start)) if needs_tense else None
        )
        value, anchored = resolver.resolve(cand.value, tense, nearby)
        if cand.rule.type in ("DATE", "TIME") and anchored:
            explicit = not cand.value.startswith(("@dct", "@ref", "@shift"))
            period = resolver.remember(value, explicit)
            if period:
                nearby.append(period)
        found.append(
            Timex(
                cand.start, cand.end, text[cand.start : cand.end], cand.rule.type, value, anchored
            )
        )
    return found
