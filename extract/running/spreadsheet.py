"""Cells a spreadsheet would run as formulas, neutralized (OWASP's advice on CSV injection).

The extractor's CSV is for programs and keeps every cell as extracted; ``--spreadsheet-safe``
and the dashboard's download pass their cells through :func:`neutralize`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping

#: Leading characters that make spreadsheets read a cell as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
#: A number or an ISO date, which a spreadsheet reads as such, never as a formula.
_NUMBER_OR_DATE = re.compile(r"-?\d+(?:\.\d+)?|\d{4}-\d{2}-\d{2}")


def neutralize(cell: str) -> str:
    """``cell``, prefixed with a single quote when a spreadsheet would read it as a formula."""
    if cell.startswith(FORMULA_PREFIXES) and not _NUMBER_OR_DATE.fullmatch(cell):
        return "'" + cell
    return cell


def neutralized(
    rows: Iterable[Mapping[str, str]] | Iterable[tuple[str, ...]],
) -> Iterator[dict[str, str] | tuple[str, ...]]:
    """``rows`` (keyed by column or tuples of values) with every cell neutralized."""
    for row in rows:
        if isinstance(row, tuple):
            yield tuple(map(neutralize, row))
        else:
            yield {column: neutralize(cell) for column, cell in row.items()}
