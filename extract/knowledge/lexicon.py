"""Lexicons: the data files that name actors, places, topics, triggers and boilerplate."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

#: The lexicons that ship with the package, one folder per language.
DEFAULT_DATA_DIR: Traversable = files(__package__) / "en"

ALIAS_SEPARATOR = "|"


@dataclass(frozen=True)
class Actor:
    """A canonical actor and the other names it goes by."""

    name: str
    aliases: tuple[str, ...]
    kind: str  # person, organization or country


@dataclass(frozen=True)
class Place:
    """A country, city or region."""

    name: str
    aliases: tuple[str, ...]
    kind: str  # country, city or region
    country: str


@dataclass(frozen=True)
class Topic:
    """A topic and the keywords that signal it."""

    name: str
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class Trigger:
    """A word that signals an event; ``standalone`` ones make a dateless sentence an event."""

    word: str
    event: str
    standalone: bool


@dataclass(frozen=True)
class BoilerplateRule:
    """A paragraph pattern; ``to_end`` rules also drop the rest of the text."""

    pattern: re.Pattern[str]
    to_end: bool


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Everything the event extractor looks up; hashed by identity so matchers can be cached."""

    actors: tuple[Actor, ...]
    places: tuple[Place, ...]
    topics: tuple[Topic, ...]
    triggers: dict[str, Trigger]
    boilerplate: tuple[BoilerplateRule, ...]
    person_titles: tuple[str, ...]


def load_lexicon(data_dir: Path | None = None) -> Lexicon:
    """Load the lexicon files from ``data_dir`` (default: the ones shipped in the package)."""
    return _load(Path(data_dir).resolve() if data_dir else DEFAULT_DATA_DIR)


@cache
def _load(data_dir: Path | Traversable) -> Lexicon:
    return Lexicon(
        actors=tuple(
            Actor(row["name"], _split(row["aliases"]), row["kind"])
            for row in _rows(data_dir / "actors.csv")
        ),
        places=tuple(
            Place(row["name"], _split(row["aliases"]), row["kind"], row["country"])
            for row in _rows(data_dir / "places.csv")
        ),
        topics=tuple(
            Topic(row["topic"], _split(row["keywords"])) for row in _rows(data_dir / "topics.csv")
        ),
        triggers={
            row["word"].lower(): Trigger(
                row["word"].lower(), row["event"], row["standalone"] == "yes"
            )
            for row in _rows(data_dir / "triggers.csv")
        },
        boilerplate=tuple(_boilerplate_rule(line) for line in _lines(data_dir / "boilerplate.txt")),
        person_titles=tuple(_lines(data_dir / "person_titles.txt")),
    )


def _rows(path: Path | Traversable) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return [
            {key: (value or "").strip() for key, value in row.items()}
            for row in csv.DictReader(stream)
        ]


def _lines(path: Path | Traversable) -> list[str]:
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(ALIAS_SEPARATOR) if part.strip())


def _boilerplate_rule(line: str) -> BoilerplateRule:
    kind, _, pattern = line.partition(":")
    if kind not in ("end", "paragraph"):
        raise ValueError(f"boilerplate rule must start with 'end:' or 'paragraph:': {line!r}")
    return BoilerplateRule(re.compile(pattern.strip(), re.IGNORECASE), kind == "end")
