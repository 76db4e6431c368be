"""Which files to read: the given files, and article files under the given directories."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePath

from extract.reading.html import HTML_SUFFIXES

#: Extensions of the files read from directories: text, Markdown and saved web pages.
DOCUMENT_SUFFIXES: tuple[str, ...] = (".txt", ".md", *HTML_SUFFIXES)


def is_document_name(name: str) -> bool:
    """Whether the file ``name`` has the extension of an article (``DOCUMENT_SUFFIXES``)."""
    return PurePath(name).suffix.lower() in DOCUMENT_SUFFIXES


@dataclass(frozen=True)
class Found:
    """A path to read, or a path that cannot be read together with the reason."""

    path: Path
    problem: str = ""


def find_documents(paths: Iterable[Path]) -> Iterator[Found]:
    """Yield the documents under ``paths`` in a deterministic (sorted) order.

    Named files are taken whatever their extension; directories are searched recursively for
    ``DOCUMENT_SUFFIXES`` files, following symbolic links but never entering a directory twice.
    Paths that do not exist or loop are yielded with a ``problem``.
    """
    for path in paths:
        if path.is_dir():
            yield from _walk(path, set())
        elif path.exists() or path.is_symlink():
            yield Found(path)
        else:
            yield Found(path, "no such file or directory")


def _walk(directory: Path, seen: set[str]) -> Iterator[Found]:
    real = os.path.realpath(directory)
    if real in seen:
        yield Found(directory, "symbolic link loop")
        return
    seen.add(real)
    try:
        entries = sorted(directory.iterdir())
    except OSError as error:
        yield Found(directory, f"unreadable directory ({error.strerror or error})")
        return
    for entry in entries:
        if entry.is_dir():
            yield from _walk(entry, seen)
        elif is_document_name(entry.name):
            yield Found(entry)
