"""What one document may cost: how many events it gives and how much of its paragraph each
row repeats.

Text made of dates ("1 May 1990, 2 May 1990, …") would otherwise give an event per date, each
row repeating its sentence and paragraph: the output and the memory of a run would grow with
the square of the text. The limits leave real articles, chronologies included, untouched.
"""

from __future__ import annotations

from extract.text.sentences import squeeze

#: Events a document gives however long it is.
MIN_EVENTS = 200
#: Beyond ``MIN_EVENTS``, one event per this many characters of text: a dense chronology has
#: one per 80 to 150 characters, news one per several hundred.
CHARS_PER_EVENT = 50
#: Events of the largest document.
MAX_EVENTS = 20_000
#: Characters of the paragraph kept before and after the sentence in the ``paragraph`` column.
PARAGRAPH_CONTEXT = 500
ELLIPSIS = "…"


def event_limit(text: str) -> int:
    """How many events the document ``text`` may give (the first ones are kept)."""
    return min(MAX_EVENTS, max(MIN_EVENTS, len(text) // CHARS_PER_EVENT))


def limit_notice(found: int, limit: int) -> str:
    """What a document whose ``found`` events were cut to ``limit`` is told, or ""."""
    if found <= limit:
        return ""
    return (
        f"only the first {limit} of {found} events kept (at most {MIN_EVENTS}, or one per"
        f" {CHARS_PER_EVENT} characters of text, up to {MAX_EVENTS}, per document)"
    )


def paragraph_window(
    text: str,
    paragraph: tuple[int, int],
    sentence: tuple[int, int],
    context: int = PARAGRAPH_CONTEXT,
) -> str:
    """The paragraph spanning ``paragraph`` in ``text`` around the sentence spanning
    ``sentence``, on one line: whole when it reaches at most ``context`` characters beyond the
    sentence on either side, else cut at a space within that reach and marked with an
    ellipsis."""
    start, end = paragraph
    window_start = max(start, sentence[0] - context)
    window_end = min(end, sentence[1] + context)
    if window_start > start:
        space = text.find(" ", window_start, sentence[0])
        window_start = space + 1 if space >= 0 else sentence[0]
    if window_end < end:
        space = text.rfind(" ", sentence[1], window_end)
        window_end = space if space >= 0 else sentence[1]
    before = ELLIPSIS + " " if window_start > start else ""
    after = " " + ELLIPSIS if window_end < end else ""
    return before + squeeze(text[window_start:window_end]) + after
