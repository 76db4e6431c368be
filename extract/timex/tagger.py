"""tag(): recognition, then resolution of each expression in document order."""

from __future__ import annotations

import datetime as dt

from .grammar import grammar
from .model import Timex
from .ranges import complete_ranges
from .resolve import Resolver
from .tense import Sentences, TenseCues


def tag(text: str, dct: dt.date | None) -> list[Timex]:
    """Temporal expressions of ``text``, sorted by start and non-overlapping.

    Relative expressions are resolved against ``dct``, the document's creation date; without it
    their values stay underspecified and ``anchored`` is False.
    """
    candidates = [c for c in grammar().scan(text) if c.rule.type != "NONE"]
    candidates = complete_ranges(text, candidates)
    sentences = Sentences(text)
    cues = TenseCues(text)
    resolver = Resolver(dct)
    found: list[Timex] = []
    sentence, nearby = -1, []
    for cand in candidates:
        index = sentences.index(cand.start)
        if index != sentence:
            sentence, nearby = index, []
        tense = cues.tense(cand.start, cand.end, sentences.bounds(cand.start))
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
