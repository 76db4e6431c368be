"""Lexicons: the data files that name actors, places, topics, triggers and boilerplate."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import NamedTuple

from extract.knowledge.happenings import HappeningWords, happening_words

#: The lexicons that ship with the package, one folder per language.
DEFAULT_DATA_DIR: Traversable = files(__package__) / "en"

ALIAS_SEPARATOR = "|"


@dataclass(frozen=True)
class Actor:
    """A canonical actor and the other names it goes by."""

    name: str
    aliases: tuple[str, ...]
    kind: str  # person, organization, outlet (a news outlet) or country


@dataclass(frozen=True)
class Place:
    """A country, city or region."""

    name: str
    aliases: tuple[str, ...]
    kind: str  # country, city or region
    country: str


@dataclass(frozen=True)
class Topic:
    """A topic and the keywords that signal it; a narrower topic names its ``parent``, one of
    the top-level topics (the default ones are the top level of the IPTC Media Topics)."""

    name: str
    keywords: tuple[str, ...]
    parent: str = ""


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
    #: What tells reports of one happening from reports of two (none by default).
    happenings: HappeningWords = field(default_factory=lambda: happening_words([], [], [], []))


class LexiconError(Exception):
    """A lexicon file cannot be read; the message is one line: "<file>: <reason>"."""


#: The lexicon files, each with its columns and the column that names a row (None: a file of
#: lines). A user's file of the same name replaces the rows with the same key and adds the others.
LEXICON_FILES: dict[str, tuple[tuple[str, ...], str | None]] = {
    "actors.csv": (("name", "aliases", "kind"), "name"),
    "places.csv": (("name", "aliases", "kind", "country"), "name"),
    "topics.csv": (("topic", "keywords"), "topic"),
    "triggers.csv": (("word", "event", "standalone"), "word"),
    "boilerplate.txt": ((), None),
    "person_titles.txt": ((), None),
    "event_families.csv": (("family", "identified_by", "words", "object_words"), "family"),
    "participants.csv": (("participant", "words"), "participant"),
    "aspect_words.txt": ((), None),
    "subordinators.txt": ((), None),
}
#: Columns a lexicon file may have besides its own: a narrower topic's ``parent``.
OPTIONAL_COLUMNS: dict[str, tuple[str, ...]] = {"topics.csv": ("parent",)}

Rows = list[dict[str, str]]
Source = Path | Traversable


def load_lexicon(extra: Path | str | None = None) -> Lexicon:
    """The lexicons shipped in the package, extended by the files in the directory ``extra``.

    A file of ``extra`` named like a shipped one is read in the same format: a CSV row whose key
    (first column: ``name``, ``topic`` or ``word``, compared without case) is already shipped
    replaces that row in place, other rows are added at the end; lines of a ``.txt`` file are
    added. Files of other names are an error when they end in ``.csv`` or ``.txt``, and
    ignored otherwise. Raises :class:`LexiconError` naming the file and what is wrong in it.

    The result is cached, and read again when a file of ``extra`` changes.
    """
    if not extra:
        return _load(())
    return _load(tuple(_Stamped.of(path) for path in _user_files(Path(extra).resolve())))


class _Stamped(NamedTuple):
    """A user's lexicon file and when it last changed, so that a change is read again."""

    path: Path
    changed: int
    size: int

    @classmethod
    def of(cls, path: Path) -> _Stamped:
        try:
            status = path.stat()
        except OSError as error:
            raise LexiconError(f"{path}: cannot read ({error.strerror or error})") from None
        return cls(path, status.st_mtime_ns, status.st_size)


@cache
def _load(user_files: tuple[_Stamped, ...]) -> Lexicon:
    tables = {name: _read(DEFAULT_DATA_DIR / name, name) for name in LEXICON_FILES}
    for file in user_files:
        name = file.path.name
        tables[name] = _extended(tables[name], _read(file.path, name), LEXICON_FILES[name][1])
    return _lexicon(tables)


def _lexicon(tables: dict[str, Rows]) -> Lexicon:
    return Lexicon(
        actors=tuple(
            Actor(row["name"], _split(row["aliases"]), row["kind"]) for row in tables["actors.csv"]
        ),
        places=tuple(
            Place(row["name"], _split(row["aliases"]), row["kind"], row["country"])
            for row in tables["places.csv"]
        ),
        topics=tuple(
            Topic(row["topic"], _split(row["keywords"]), row.get("parent", ""))
            for row in tables["topics.csv"]
        ),
        triggers={
            row["word"].lower(): Trigger(
                row["word"].lower(), row["event"], row["standalone"] == "yes"
            )
            for row in tables["triggers.csv"]
        },
        boilerplate=tuple(_boilerplate_rule(row["line"]) for row in tables["boilerplate.txt"]),
        person_titles=tuple(row["line"] for row in tables["person_titles.txt"]),
        happenings=happening_words(
            tables["event_families.csv"],
            tables["participants.csv"],
            [row["line"] for row in tables["aspect_words.txt"]],
            [row["line"] for row in tables["subordinators.txt"]],
        ),
    )


def _user_files(directory: Path) -> list[Path]:
    """The lexicon files in a user's ``directory``."""
    if not directory.is_dir():
        raise LexiconError(f"{directory}: not a directory")
    found = []
    for path in sorted(directory.iterdir()):
        if path.name in LEXICON_FILES:
            found.append(path)
        elif path.suffix in (".csv", ".txt"):
            expected = ", ".join(LEXICON_FILES)
            raise LexiconError(f"{path}: not a lexicon file name (expected one of {expected})")
    return found


def _read(path: Source, name: str) -> Rows:
    """The rows of a lexicon file (a ``.txt`` file gives rows of one ``line``)."""
    columns, _ = LEXICON_FILES[name]
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise LexiconError(f"{path}: cannot read ({error.strerror or error})") from None
    except UnicodeDecodeError:
        raise LexiconError(f"{path}: not UTF-8 text") from None
    if not columns:
        lines = (line.strip() for line in text.splitlines())
        rows = [{"line": line} for line in lines if line and not line.startswith("#")]
        if name == "boilerplate.txt":
            for row in rows:
                _boilerplate_rule(row["line"], path)
        return rows
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [column for column in columns if column not in (reader.fieldnames or ())]
    if missing:
        raise LexiconError(
            f"{path}: missing column {', '.join(missing)} (expected {', '.join(columns)})"
        )
    rows = []
    for row in reader:
        values = {column: (row[column] or "").strip() for column in columns}
        for column in OPTIONAL_COLUMNS.get(name, ()):
            values[column] = (row.get(column) or "").strip()
        if not values[columns[0]]:
            raise LexiconError(f"{path}: line {reader.line_num}: empty {columns[0]}")
        rows.append(values)
    return rows


def _extended(shipped: Rows, user: Rows, key: str | None) -> Rows:
    """``shipped`` with the ``user`` rows: same key replaces, new ones are added."""
    if key is None:
        known = {row["line"] for row in shipped}
        return shipped + [row for row in user if row["line"] not in known]
    replacing = {row[key].casefold(): row for row in user}
    shipped_keys = {row[key].casefold() for row in shipped}
    kept = [replacing.get(row[key].casefold(), row) for row in shipped]
    return kept + [row for name, row in replacing.items() if name not in shipped_keys]


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(ALIAS_SEPARATOR) if part.strip())


def _boilerplate_rule(line: str, path: Source = DEFAULT_DATA_DIR) -> BoilerplateRule:
    kind, _, pattern = line.partition(":")
    if kind not in ("end", "paragraph"):
        raise LexiconError(f"{path}: rule must start with 'end:' or 'paragraph:': {line!r}")
    try:
        return BoilerplateRule(re.compile(pattern.strip(), re.IGNORECASE), kind == "end")
    except re.error as error:
        raise LexiconError(f"{path}: bad regular expression {line!r} ({error})") from None
