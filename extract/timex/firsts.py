"""How a regex match can begin, to skip the rules that cannot match at a given word.

A match begins with a *head*: its first word (a run of letters, or ``NUMBER`` for a run of digits)
and what follows it: after white space the next word (``"last year"``, ``"0 years"``), else the
next character (``"mid-"``, ``"0%"``). A head of the first word alone means that the match may
end right after it. A match beginning with another character begins with that character.
"""

from __future__ import annotations

import re._constants as c
import re._parser as p
from collections.abc import Iterable
from typing import Any

_DIGITS = frozenset("0123456789")
#: A run of digits as heads hold it (no other first word begins with a digit).
NUMBER = "0"
#: Classes by the characters standing for them: a digit, a space.
_CATEGORIES = {c.CATEGORY_DIGIT: _DIGITS, c.CATEGORY_SPACE: frozenset(" ")}
#: Above this many possible heads, a pattern is taken to begin with anything.
_MOST = 20000
#: Character classes wider than this are taken to hold any character.
_WIDEST = 64
#: How many times a repeated item is unrolled before it is taken to be open-ended.
_UNROLL = 4


class _Any(Exception):
    """The pattern can begin with anything (or the analysis gave up)."""


class _Heads:
    """A set of heads being read, open ones apart from complete ones.

    Heads within their first word are held as they are; those past it, which go on alike
    whatever that word, by their rest (the second word so far), each with the first words it
    follows.
    """

    __slots__ = ("first", "first_done", "second", "second_done")

    def __init__(self) -> None:
        self.first: set[str] = set()
        self.first_done: set[str] = set()
        self.second: dict[str, frozenset[str]] = {}
        self.second_done: dict[str, frozenset[str]] = {}

    def __len__(self) -> int:
        second = sum(map(len, self.second.values())) + sum(map(len, self.second_done.values()))
        return len(self.first) + len(self.first_done) + second

    def is_open(self) -> bool:
        """Whether some heads are not complete."""
        return bool(self.first or self.second)

    def open_part(self) -> _Heads:
        """The heads that are not complete."""
        heads = _Heads()
        heads.first, heads.second = self.first, self.second
        return heads

    def add_second(self, rest: str, done: bool, words: frozenset[str]) -> None:
        """Add the heads of ``rest`` after each of ``words``."""
        _add_second(self.second_done if done else self.second, rest, words)

    def update(self, other: _Heads, done_only: bool = False) -> None:
        """Add the heads of ``other`` (with ``done_only``, its complete ones)."""
        self.first_done |= other.first_done
        _merge(self.second_done, other.second_done)
        if not done_only:
            self.first |= other.first
            _merge(self.second, other.second)

    def issubset(self, other: _Heads) -> bool:
        """Whether all these heads are in ``other``."""
        return (
            self.first <= other.first
            and self.first_done <= other.first_done
            and _within(self.second, other.second)
            and _within(self.second_done, other.second_done)
        )

    def written(self) -> frozenset[str]:
        """The heads as strings; where the first word may end the match, that word alone."""
        out = self.first | self.first_done
        for rest, words in self.second.items():
            out |= {f"{word} {rest}" for word in words} if rest else words
        for rest, words in self.second_done.items():
            out |= {f"{word} {rest}" for word in words}
        return frozenset(out)


def first_heads(pattern: str | p.SubPattern) -> frozenset[str] | None:
    """The heads a match of ``pattern`` (or of it parsed) can begin with; None: with anything.

    The answer errs on the safe side: lookarounds are ignored, anything unusual widens it.
    """
    start = _Heads()
    start.first.add("")
    try:
        parsed = p.parse(pattern) if isinstance(pattern, str) else pattern
        heads = _sequence(_joined(parsed.data), start)
    except _Any:
        return None
    return None if "" in heads.first else heads.written()  # "": it can match the empty string


def head_of(word: str, gap: str, following: str) -> tuple[str, str] | None:
    """The first word and the head of a match beginning with the token ``word``.

    ``gap`` is the text between it and the next token ``following`` (or the end of the text).
    None where heads cannot tell the rules apart (a number in other digits than 0-9).
    """
    if word[0] in _DIGITS:
        first = NUMBER
    elif word[0].isdecimal():
        return None
    else:
        first = word
    after = (gap or following)[:1]
    if not after.isspace():
        return first, first + _char(after)
    if gap.isspace() and following and not following[0].isdecimal():
        return first, f"{first} {following}"
    return first, first + " "


def _char(char: str) -> str:
    """A character as heads hold it: white space as a space, any digit as 0."""
    if char.isspace():
        return " "
    return "0" if char.isdecimal() else char


#: Marks a run of single characters joined into one item (see ``_joined``).
_TEXT = object()


def _sequence(items: list[tuple[Any, Any]], heads: _Heads) -> _Heads:
    """The heads after ``items`` one after the other."""
    out = _Heads()
    out.update(heads, done_only=True)
    heads = heads.open_part()
    for op, arg in items:
        if not heads.is_open():
            break
        heads = _item(op, arg, heads)
        out.update(heads, done_only=True)
        heads = heads.open_part()
        if len(out) + len(heads) > _MOST:
            raise _Any
    out.update(heads)
    return out


def _joined(items: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """``items`` with each run of single characters as one ``_TEXT`` item, as heads hold it."""
    out: list[tuple[Any, Any]] = []
    run: list[str] = []  # the characters of the run being read
    for op, arg in items:
        char = _char(chr(arg)) if op is c.LITERAL else _single(op, arg)
        if char is not None:
            run.append(char)
            continue
        if run:
            out.append((_TEXT, "".join(run)))
            run = []
        out.append((op, arg))
    if run:
        out.append((_TEXT, "".join(run)))
    return out


def _single(op: Any, arg: Any) -> str | None:
    """The one character (as heads hold it) that an item stands for, if it is one.

    White space repeated at least once reads as a single space.
    """
    if op is c.LITERAL:
        return _char(chr(arg))
    if op is c.IN:
        try:
            chars = {_char(char) for char in _charset(arg)}
        except _Any:
            return None
        return chars.pop() if len(chars) == 1 else None
    if op is c.MAX_REPEAT and arg[0] == 1 and len(arg[2]) == 1:
        return " " if _single(*arg[2][0]) == " " else None
    return None


def _item(op: Any, arg: Any, heads: _Heads) -> _Heads:
    """The heads after item ``op`` of a parsed pattern, from the open ``heads``."""
    if op is _TEXT:
        return _extend(heads, (arg,))
    if op is c.IN:
        return _extend(heads, {_char(char) for char in _charset(arg)})
    if op is c.BRANCH:
        return _branch([_joined(branch.data) for branch in arg[1]], heads)
    if op is c.SUBPATTERN:
        if arg[1] or arg[2]:  # inline flags
            raise _Any
        return _sequence(_joined(arg[3].data), heads)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        return _repeat(arg[0], arg[1], _joined(arg[2].data), heads)
    if op is c.ATOMIC_GROUP:
        return _sequence(_joined(arg.data), heads)
    if op in (c.ASSERT, c.ASSERT_NOT, c.AT):  # zero width
        return heads
    raise _Any


def _branch(branches: list[list[tuple[Any, Any]]], heads: _Heads) -> _Heads:
    """The heads after any of ``branches``, those of literal text taken together."""
    texts = [items[0][1] for items in branches if len(items) == 1 and items[0][0] is _TEXT]
    out = _extend(heads, texts)
    for items in branches:
        if len(items) != 1 or items[0][0] is not _TEXT:
            out.update(_sequence(items, heads))
    return out


def _repeat(least: int, most: int, body: list[tuple[Any, Any]], heads: _Heads) -> _Heads:
    """Heads after ``least`` to ``most`` repetitions of ``body``, unrolled until they settle."""
    out = _Heads()
    if least == 0:
        out.update(heads)
    current = heads
    for count in range(1, min(most, _UNROLL) + 1):
        current = _sequence(body, current)
        if count >= least:
            settled = current.issubset(out)
            out.update(current)
            if settled:
                return out
    if most > _UNROLL:
        raise _Any
    return out


def _extend(heads: _Heads, texts: Iterable[str]) -> _Heads:
    """The open ``heads`` followed by one of ``texts`` (non-empty, as heads hold them)."""
    out = _Heads()
    for text in texts:
        letters = _letters(text)  # read once for all the heads it follows
        for head in heads.first:
            _follow_first(head, text, letters, out)
        for rest, words in heads.second.items():
            _follow_second(rest, words, text, letters, out)
    return out


def _follow_first(head: str, text: str, letters: int, out: _Heads) -> None:
    """Add to ``out`` the head ``head``, within its first word, followed by ``text``.

    ``text`` begins with ``letters`` letters.
    """
    if head == NUMBER or (not head and text[0] == NUMBER):
        head, end = NUMBER, len(text) - len(text.lstrip(NUMBER))
    elif head or letters:
        head, end = head + text[:letters], letters
    else:  # a match beginning with another character
        out.first_done.add(text[0])
        return
    if end == len(text):
        out.first.add(head)
    elif text[end] == " ":
        rest = text[end + 1 :]
        _follow_second("", frozenset((head,)), rest, _letters(rest), out)
    else:
        out.first_done.add(head + text[end])


def _follow_second(rest: str, words: frozenset[str], text: str, letters: int, out: _Heads) -> None:
    """Add to ``out`` the heads of ``rest`` after ``words`` followed by ``text``.

    ``text`` begins with ``letters`` letters. White space before the second word goes on,
    anything else but a letter ends it.
    """
    if not rest and text[:1] == " ":
        text = text.lstrip(" ")
        letters = _letters(text)
    out.add_second(rest + text[:letters], letters < len(text), words)


def _letters(text: str) -> int:
    """How many letters ``text`` begins with."""
    for at, char in enumerate(text):
        if not char.isalpha():
            return at
    return len(text)


def _merge(into: dict[str, frozenset[str]], other: dict[str, frozenset[str]]) -> None:
    """Add to ``into`` the heads past their first word held in ``other``.

    Heads are merged at every level of a pattern's nesting, mostly into none yet: that is quick.
    """
    if not into:
        into.update(other)
        return
    for rest, words in other.items():
        _add_second(into, rest, words)


def _add_second(second: dict[str, frozenset[str]], rest: str, words: frozenset[str]) -> None:
    """Add to ``second`` the heads of ``rest`` after each of ``words``."""
    known = second.get(rest)
    second[rest] = words if known is None or known is words else known | words


def _within(inner: dict[str, frozenset[str]], outer: dict[str, frozenset[str]]) -> bool:
    """Whether the heads past their first word held in ``inner`` are all in ``outer``."""
    return all(words <= outer.get(rest, frozenset()) for rest, words in inner.items())


def _charset(items: list[tuple[Any, Any]]) -> set[str]:
    found: set[str] = set()
    for op, arg in items:
        if op is c.LITERAL:
            found.add(chr(arg))
        elif op is c.RANGE and arg[1] - arg[0] < _WIDEST:
            found |= {chr(x) for x in range(arg[0], arg[1] + 1)}
        elif op is c.CATEGORY and arg in _CATEGORIES:
            found |= _CATEGORIES[arg]
        else:
            raise _Any
    return found
