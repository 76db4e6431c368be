"""The one error type for a document that cannot be read."""

from __future__ import annotations


class DocumentError(Exception):
    """A document cannot be read; the message is one line: "<file>: <reason>"."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason
