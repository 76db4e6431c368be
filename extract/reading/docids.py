"""Unique document ids within one run: two files may share a name ("a/index.html",
"b/index.html") or a front-matter ``id``; the later one's events get the next free id."""

from __future__ import annotations

from collections.abc import Sequence


class DocIds:
    """The doc_ids taken so far in a run, and by which file."""

    def __init__(self) -> None:
        self._taken: dict[str, str] = {}

    def claim(self, name: str, rows: Sequence[dict[str, str]]) -> str:
        """Give the events ``rows`` of file ``name`` a doc_id no earlier file has, renumbering
        their ``event_id``s with it (in place); return a one-line notice when it was changed,
        else ''."""
        if not rows:
            return ""
        wanted = rows[0]["doc_id"]
        doc_id, number = wanted, 1
        while doc_id in self._taken:
            number += 1
            doc_id = f"{wanted}-{number}"
        self._taken[doc_id] = name
        if doc_id == wanted:
            return ""
        for row in rows:
            row["event_id"] = doc_id + row["event_id"].removeprefix(wanted)
            row["doc_id"] = doc_id
        return f'{name}: doc_id "{wanted}" is taken by {self._taken[wanted]}, using "{doc_id}"'
