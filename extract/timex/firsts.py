"""How a regex match can begin, to skip the rules that cannot match at a given word.

A match begins with a *head*: its first word (a run of letters, or ``NUMBER`` for a run of digits)
and what follows it: after white space the next word (``"last year"``, ``"0 years"``), else the
next character (``"mid-"``, ``"0%"``). A head of the first word alone means that the match may
end right after it. A match beginning with another character begins with that character.
"""

from __future__ import annotations

import re._constants as c
import re._parser as p
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

#: A head being read, and whether it is complete.
_Head = tuple[str, bool]


class _Any(Exception):
    """The pattern can begin with anything (or the analysis gave up)."""


def first_heads(pattern: str) -> frozenset[str] | None:
    """The heads a match of ``pattern`` can begin with; None if it can begin with anything.

    The answer errs on the safe side: lookarounds are ignored, anything unusual widens it.
    """
    try:
        heads = _sequence(list(p.parse(pattern)), {("", False)})
    except _Any:
        return None
    if any(not head for head, _ in heads):  # it can match the empty string
        return None
    # Where the pattern ends after the first word (and white space), it may end there.
    return frozenset(head.rstrip(" ") if not done else head for head, done in heads)


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


def _sequence(items: list[tuple[Any, Any]], heads: set[_Head]) -> set[_Head]:
    for op, arg in items:
        done = {h for h in heads if h[1]}
        if done == heads:
            break
        heads = done | _item(op, arg, heads - done)
        if len(heads) > _MOST:
            raise _Any
    return heads


def _item(op: Any, arg: Any, heads: set[_Head]) -> set[_Head]:
    if op is c.LITERAL:
        return _extend(heads, {chr(arg)})
    if op is c.IN:
        return _extend(heads, _charset(arg))
    if op is c.BRANCH:
        return set().union(*(_sequence(list(branch), heads) for branch in arg[1]))
    if op is c.SUBPATTERN:
        if arg[1] or arg[2]:  # inline flags
            raise _Any
        return _sequence(list(arg[3]), heads)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        return _repeat(arg[0], arg[1], list(arg[2]), heads)
    if op is c.ATOMIC_GROUP:
        return _sequence(list(arg), heads)
    if op in (c.ASSERT, c.ASSERT_NOT, c.AT):  # zero width
        return heads
    raise _Any


def _repeat(least: int, most: int, body: list[tuple[Any, Any]], heads: set[_Head]) -> set[_Head]:
    """Heads after ``least`` to ``most`` repetitions of ``body``, unrolled until they settle."""
    out = set(heads) if least == 0 else set()
    current = heads
    for count in range(1, min(most, _UNROLL) + 1):
        current = _sequence(body, current)
        if count >= least:
            new = current - out
            out |= current
            if not new:
                return out
    if most > _UNROLL:
        raise _Any
    return out


def _extend(heads: set[_Head], chars: set[str]) -> set[_Head]:
    """``heads`` followed by one of ``chars``."""
    out: set[_Head] = set()
    for head, _ in heads:
        for char in map(_char, chars):
            if " " in head:  # the word after the first one and white space
                if char.isalpha():
                    out.add((head + char, False))
                else:
                    out.add((head, not (char == " " and head[-1] == " ")))
            elif head == NUMBER and char == "0" or head not in ("", NUMBER) and char.isalpha():
                out.add((head, False) if head == NUMBER else (head + char, False))
            elif not head:
                out.add((NUMBER, False) if char == "0" else (char, not char.isalpha()))
            elif char == " ":
                out.add((head + " ", False))
            else:
                out.add((head + char, True))
    return out


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
