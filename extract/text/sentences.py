"""Paragraphs and sentences with their offsets in the document text.

A :class:`Sentence` is an exact slice: ``text[sentence.start:sentence.end] == sentence.text``,
with no leading or trailing whitespace. Line breaks inside a paragraph are kept in the slice;
:func:`squeeze` gives the one-line form written to ``events.csv``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from extract.knowledge.words import word_set

#: Words that end with a period without ending the sentence.
ABBREVIATIONS: frozenset[str] = word_set("abbreviations.txt")
#: After a dotted acronym such as "U.S." or "etc.", only these words start a new sentence.
SENTENCE_STARTERS: frozenset[str] = word_set("sentence_starters.txt")

#: Longer runs without a sentence end (tables, lists, garbled text) are cut at whitespace into
#: pieces of at most this many characters, which bounds the work spent on any one sentence.
MAX_SENTENCE = 2000

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
#: A run of end marks and closing quotes before whitespace, or a line break before a list item
#: or heading; written to start with one character class, which makes the search fast.
_CANDIDATE_END = re.compile(
    r"[.!?…\n](?:(?<=\n)(?=[ \t]*(?:[#>*-]|\d+[.)]\s))|(?<!\n)[.!?…]*[\"”’»)\]]*(?=\s))"
)
_NEXT_START = re.compile(r"\s*([\"“‘«(\[]?)(\w+)")
#: A closing quote set off by a space after a sentence's end mark ('the world. " iOS will'):
#: it belongs to the sentence it closes; an opening quote touches the word after it.
_DETACHED_QUOTE = re.compile(r"[ \t]+[\"”’»]+(?=\s|\Z)")
#: What ends the text before a period, matched on that text reversed (".S.U" for "U.S."): a
#: dotted acronym ("U.S.", "etc."), else an initial ("J."), else the last word.
_BEFORE_PERIOD_REVERSED = re.compile(
    r"\.(?:(?P<acronym>[A-Za-z]\b\.[A-Za-z]\b|cte\b)|[A-Z](?:\s|\Z)|(?P<word>\w+))"
)


class Sentence(NamedTuple):
    """A sentence, its offsets in the document text and the index of its paragraph (a tuple:
    cheap to make, and a document has many)."""

    start: int
    end: int
    text: str
    paragraph: int


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of the paragraphs (blocks separated by blank lines), whitespace trimmed."""
    return list(_paragraph_spans(text))


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences, paragraph by paragraph."""
    return list(_sentences(text))


@lru_cache(maxsize=4)
def _sentences(text: str) -> tuple[Sentence, ...]:
    """:func:`split_sentences`, found once for the tagger's and the extractor's passes over a
    document."""
    return tuple(
        Sentence(start, end, text[start:end], number)
        for number, (para_start, para_end) in enumerate(_paragraph_spans(text))
        for start, end in _sentence_spans(text, para_start, para_end)
    )


@lru_cache(maxsize=256)
def squeeze(text: str) -> str:
    """Collapse runs of whitespace to single spaces (cached: a paragraph is written once for
    each of its events)."""
    return " ".join(text.split())


@lru_cache(maxsize=4)
def _paragraph_spans(text: str) -> tuple[tuple[int, int], ...]:
    """:func:`paragraph_spans`, found once for the several passes over a document."""
    spans = []
    position = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans += _trimmed(text, position, match.start())
        position = match.end()
    return tuple(spans + _trimmed(text, position, len(text)))


def _sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    position = start
    for match in _CANDIDATE_END.finditer(text, start, end):
        mark, after = match.span()
        if text[mark] != "\n" and (quote := _DETACHED_QUOTE.match(text, after, end)):
            after = _closing_quote_end(text, position, quote)
        if text[mark] == "\n" or _ends_sentence(text, mark, after, end):
            spans += _bounded(text, position, after)
            position = after
    return spans + _bounded(text, position, end)


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """:func:`_trimmed`, cut at the last whitespace before every ``MAX_SENTENCE`` characters."""
    if end - start <= MAX_SENTENCE:
        return _trimmed(text, start, end)
    spans = []
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        cut = max(text.rfind(space, start + 1, limit) for space in " \n\t")
        cut = cut if cut > start else limit
        spans += _trimmed(text, start, cut)
        start = cut
    return spans + _trimmed(text, start, end)


def _ends_sentence(text: str, mark: int, after: int, limit: int) -> bool:
    following = _NEXT_START.match(text, after, limit)
    if following is None:
        return True
    opening, word = following.groups()
    if not opening and not (word[0].isupper() or word[0].isdigit() or _is_brand(word)):
        return False
    if text[mark] != ".":
        return True
    before = _BEFORE_PERIOD_REVERSED.match(text[max(0, mark - 20) : mark + 1][::-1])
    if before is None:
        return True
    if before["acronym"]:
        return word.lower() in SENTENCE_STARTERS
    last_word = before["word"]  # None after an initial
    return last_word is not None and last_word[::-1].lower() not in ABBREVIATIONS


def _closing_quote_end(text: str, start: int, quote: re.Match[str]) -> int:
    """The end of a detached quote after a sentence that starts at ``start`` when it closes a
    quote of that sentence (a straight quote closes when the sentence has an odd number of
    them: the opening one may be set off by a space too), else the end mark's end."""
    if '"' in quote[0] and text.count('"', start, quote.start()) % 2 == 0:
        return quote.start()
    return quote.end()


def _is_brand(word: str) -> bool:
    """Whether a lowercase-initial word is a name written with capitals inside ("iOS", "eBay"),
    which may start a sentence."""
    return any(char.isupper() for char in word[1:])


def _trimmed(text: str, start: int, end: int) -> list[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [(start, end)] if start < end else []
