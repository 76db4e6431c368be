"""The dateparser baseline: ``search_dates`` matches turned into spans."""

from __future__ import annotations

import datetime as dt
import warnings

from tempeval_corpus import Span


def dateparser_spans(text: str, dct: dt.date) -> list[Span]:
    """Spans of ``dateparser.search.search_dates`` on ``text``, located in order of appearance."""
    from dateparser.search import search_dates

    base = dt.datetime.combine(dct, dt.time())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
    spans = []
    position = 0
    for substring, when in found:
        start = text.find(substring, position)
        if start < 0:
            continue
        position = start + len(substring)
        kind = "TIME" if (when.hour, when.minute, when.second) != (0, 0, 0) else "DATE"
        spans.append(Span(start, position, kind, when.date().isoformat()))
    return spans
