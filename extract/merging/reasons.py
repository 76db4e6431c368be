"""Why the mentions of a merged event were joined, in words, for the ``merge_reason`` column.

Each mention is set against the lead (the one the merged event takes its date and text from):
what they share of the evidence :func:`extract.merging.scoring.evidence` weighs (kind of
event, place, actors, participants, amount, wording) and how far apart their dates are.
"""

from __future__ import annotations

from collections.abc import Sequence

from extract.knowledge.happenings import HappeningWords
from extract.merging.features import Mention, Values, mention_of
from extract.merging.scoring import evidence, one_clause
from extract.schema import EVENT_COLUMNS, split_values

_DOC_ID, _ACTORS, _LOCATION = map(EVENT_COLUMNS.index, ("doc_id", "actors", "location"))


def merge_reason(rows: Sequence[Values], lead: int, words: HappeningWords) -> str:
    """Why ``rows`` (as values in the order of ``EVENT_COLUMNS``) are one happening, set against
    ``rows[lead]``: "same kind (meeting); same place (Sochi); shared actors (Vladimir Putin);
    same day, 1 day apart; wording 0.64-1.00"."""
    found = [mention_of(i, row, words) for i, row in enumerate(rows)]
    first = found[lead]
    others = [m for i, m in enumerate(found) if i != lead and m is not None]
    if first is None or not others:
        return ""
    kinds: dict[str, None] = {}
    places: dict[str, None] = {}
    actors: dict[str, None] = {}
    participants: dict[str, None] = {}
    amounts: dict[str, None] = {}
    wording: list[float] = []
    referred: dict[str, None] = {}
    for other in others:
        shared = evidence(first, other)
        if shared is None:
            continue
        if shared.kind > 0:
            kinds.update(dict.fromkeys(sorted(first.families & other.families)))
        if shared.reference:
            referred.update(dict.fromkeys(sorted(first.families)))
        places.update(dict.fromkeys(_ordered(rows[lead][_LOCATION], first.places & other.places)))
        actors.update(dict.fromkeys(_ordered(rows[lead][_ACTORS], first.actors & other.actors)))
        participants.update(dict.fromkeys(sorted(first.participants & other.participants)))
        amounts.update(dict.fromkeys(sorted(first.amounts & other.amounts)))
        wording.append(shared.wording)
    # in the lead's order, whichever other mention shared them first
    places = dict.fromkeys(_ordered(rows[lead][_LOCATION], frozenset(places)))
    actors = dict.fromkeys(_ordered(rows[lead][_ACTORS], frozenset(actors)))
    parts = [
        f"{label} ({', '.join(values)})"
        for label, values in (
            ("same kind", kinds),
            ("same place", places),
            ("shared actors", actors),
            ("same participants", participants),
            ("same amount", amounts),
            ("named as told before", referred),
        )
        if values
    ]
    parts.append(_dates(first, others))
    if wording:
        low, high = min(wording), max(wording)
        parts.append(f"wording {low:.2f}" if low == high else f"wording {low:.2f}-{high:.2f}")
    if any(one_clause(first, other) for other in others):
        parts.append("one clause with two dates")
    if len({row[_DOC_ID] for row in rows}) < len(rows):
        parts.append("told more than once by one document")
    return "; ".join(parts)


def _ordered(column: str, values: frozenset[str]) -> list[str]:
    """``values`` in the order of the multi-valued cell ``column``."""
    return [value for value in split_values(column) if value in values]


def _dates(first: Mention, others: list[Mention]) -> str:
    """How the others' dates stand to the lead's: "same day", "1 day apart", "within it"."""
    said: dict[str, None] = {}
    for other in sorted(others, key=lambda other: (other.start, other.end)):  # any input order
        if (other.start, other.end) == (first.start, first.end):
            said["same day" if first.day else "same period"] = None
        elif other.start <= first.start and first.end <= other.end:
            said["within its period"] = None
        elif first.start <= other.start and other.end <= first.end:
            said["a period within it"] = None
        else:
            gap = max(other.start - first.end, first.start - other.end)
            said[f"{gap} day{'s' if gap > 1 else ''} apart" if gap > 0 else "periods overlap"] = (
                None
            )
    return ", ".join(said)
