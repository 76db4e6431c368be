"""Cross-document merging: events that several articles report become one event with sources.

:func:`merge_events` takes the per-document rows of ``events.csv`` and returns the merged events
(``MERGED_EVENT_COLUMNS``) and the mentions (``MENTION_COLUMNS``: every input row, with the id of
its merged event). The modules beside this one do the work, each one step (docs/merging.md
explains the rules):

- :mod:`.features`: what scoring reads of a mergeable row; :mod:`.scoring`: the score of a pair;
- :mod:`.candidates`: the sweep over the dates that finds the pairs worth scoring;
  :mod:`.segments`: the same sweep cut into date segments for worker processes;
- :mod:`.keys`: pairs packed into sortable keys; :mod:`.clustering`: groups joined best first;
- :mod:`.planner`: the decision over compact records of the rows (:class:`.planner.Planner`);
- :mod:`.rows`: merged events and mentions as rows; :mod:`.spool`: the rows kept on disk.

In short:

- Only dated events stated to the day, week or month merge, and never two of one document.
- Candidates: events whose periods overlap, or day-precise ones at most ``MAX_GAP_DAYS`` apart,
  that share an actor or a title word (a sweep over the dates, not all pairs).
- Score = date factor x evidence. Date factor: 1 for the same period, 0.9 for nested periods
  ("August" and "Aug. 9"), 0.8 and 0.6 for day-precise dates one and two days apart. Evidence:
  0.45 x actor overlap + 0.25 x title-word overlap + 0.15 for a shared kind of event (trigger
  words; reporting verbs such as "said" do not count) + 0.15 for a shared amount. Overlaps are
  ``|A & B| / min(|A|, |B|)``. Events that both name actors but share none never merge, nor do
  events with different amounts.
- Pairs scoring at least ``THRESHOLD`` join, best first; two groups only join when they have no
  document in common.
- A merged event takes its date from its most precise mentions (on disagreement, the date most
  documents give, then the earlier one); the other dates stay visible in ``date_conflict``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from extract.knowledge.lexicon import Lexicon, load_lexicon
from extract.merging.features import Values
from extract.merging.planner import Planner
from extract.merging.rows import mention_values, merged_values, values_of
from extract.schema import MENTION_COLUMNS, MERGED_EVENT_COLUMNS


def merge_events(
    rows: Iterable[Mapping[str, object]], lexicon: Lexicon | None = None
) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """Merge the events of many documents; return ``(merged events, mentions)``.

    ``rows`` are ``events.csv`` rows (keyed by ``EVENT_COLUMNS``) with unique ``event_id``s.
    The merged events (``MERGED_EVENT_COLUMNS``) are sorted by date, undated last, then by id; a
    merged event's ``event_id`` is the id of the mention it takes its date and text from. The
    mentions (``MENTION_COLUMNS``) are the input rows in input order, each with ``merged_id``.
    The result does not depend on the order of ``rows``.
    """
    lexicon = lexicon or load_lexicon()
    table: list[Values] = []
    planner = Planner(lexicon, table)
    for row in rows:
        planner.add(values_of(row))
    plan = planner.plan()
    merged = [
        dict(
            zip(
                MERGED_EVENT_COLUMNS,
                merged_values([table[i] for i in members], lead, lexicon),
                strict=True,
            )
        )
        for members, lead in plan.groups()
    ]
    mentions = [
        dict(zip(MENTION_COLUMNS, mention_values(values, plan, i), strict=True))
        for i, values in enumerate(table)
    ]
    return merged, mentions
