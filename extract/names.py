"""Matching lexicon names in text: whole words, case-sensitive, longest name first."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Mention:
    """A name found in text, with the canonical name it stands for."""

    start: int
    end: int
    name: str


class NameMatcher:
    """Finds any of a set of surface forms and maps each to its canonical name."""

    def __init__(self, forms: Iterable[tuple[str, str]]) -> None:
        self.canonical = {form: name for form, name in forms if form}
        alternatives = sorted(self.canonical, key=len, reverse=True)
        body = "|".join(re.escape(form) for form in alternatives) or r"(?!)"
        self.pattern = re.compile(rf"(?<![\w@.])(?:{body})(?![\w@]|\.\w)")

    def mentions(self, text: str) -> Iterator[Mention]:
        """Non-overlapping mentions, left to right."""
        for match in self.pattern.finditer(text):
            yield Mention(match.start(), match.end(), self.canonical[match.group()])
