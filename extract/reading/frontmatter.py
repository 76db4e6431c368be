"""Front matter: an optional leading block of ``key: value`` lines between ``---`` lines."""

from __future__ import annotations

import re
from datetime import date

from extract.reading.errors import DocumentError

_DELIMITER = "---"
_KEY_VALUE = re.compile(r"([A-Za-z_][\w-]*)\s*:\s*(.*)")  # on a stripped line
_ISO_DATE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")
_NUMERIC_DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
#: An absolute date names its year.
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")


def split_front_matter(text: str, name: str) -> tuple[dict[str, str], int]:
    """Return the front-matter fields and the offset where the body starts.

    Text without a leading ``---`` line has no front matter (empty dict, offset 0). Raises
    :class:`DocumentError` for an unclosed block or a line that is not ``key: value``.
    """
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != _DELIMITER:
        return {}, 0
    fields: dict[str, str] = {}
    offset = len(lines[0])
    for number, line in enumerate(lines[1:], start=2):
        offset += len(line)
        stripped = line.strip()
        if stripped == _DELIMITER:
            return fields, offset
        if not stripped or stripped.startswith("#"):
            continue
        match = _KEY_VALUE.fullmatch(stripped)
        if match is None:
            raise DocumentError(name, f"malformed front matter, line {number} is not 'key: value'")
        fields[match.group(1).lower()] = _unquote(match.group(2))
    raise DocumentError(name, "unclosed front matter, no closing '---' line")


def parse_date(value: str, name: str) -> date:
    """Parse a publication date such as ``2020-09-15`` or ``September 15, 2020``.

    Only absolute dates are taken: a relative one ("yesterday", "3 days ago") would be resolved
    against today's clock, and a numeric one that reads both ways (``03-02-2009``: 3 February
    or 2 March) is refused rather than guessed.
    """
    value = value.strip()
    if _ISO_DATE.match(value):
        try:
            return date.fromisoformat("-".join(part.zfill(2) for part in value.split("-")))
        except ValueError:
            raise DocumentError(name, f"impossible published date {value!r}") from None
    numeric = _NUMERIC_DATE.match(value)
    if numeric:
        return _numeric_date(value, name, *map(int, numeric.groups()))
    if not _YEAR.search(value):
        raise DocumentError(
            name,
            f"unreadable published date {value!r}: only an absolute date with its year is"
            " taken, such as 2020-09-15",
        )
    import dateparser

    parsed = dateparser.parse(
        value,
        languages=["en"],
        settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    if parsed is None:
        raise DocumentError(name, f"unreadable published date {value!r}")
    day: date = parsed.date()
    return day


def _numeric_date(value: str, name: str, first: int, second: int, year: int) -> date:
    """A day-month or month-day date, when only one reading is possible."""
    if first <= 12 and second <= 12 and first != second:
        raise DocumentError(
            name,
            f"ambiguous published date {value!r} (day and month could be either way);"
            " write it as YYYY-MM-DD",
        )
    day, month = (first, second) if first > 12 else (second, first)
    try:
        return date(year, month, day)
    except ValueError:
        raise DocumentError(name, f"impossible published date {value!r}") from None


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value
