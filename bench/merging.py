"""Pairwise precision and recall of "same happening" decisions on multi-outlet story sets.

Usage: python bench/merging.py [--sets DIR] [--errors]

Each folder of ``--sets`` (default ``tests/fixtures/happenings``) is one story told by several
outlets: its articles (``*.md``) and ``gold.tsv``, whose lines name an event by its document,
its date and words of its sentence, and give the happening it reports. The articles of a folder
are extracted and merged as the command line does it; every two labelled mentions (of different
documents or of one) are a pair, "same" when they share a ``merged_id``. Precision: of the pairs
put together, the share that report one happening; recall: of the pairs that report one
happening, the share put together. Mentions no gold line names (stray dates) are left out.
``--errors`` lists the pairs decided wrongly.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

import extract

SETS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "happenings"


@dataclass(frozen=True)
class Gold:
    """A gold line: the event of ``doc_id`` on ``date`` whose sentence holds ``words``."""

    doc_id: str
    date: str
    words: str
    happening: str


@dataclass
class Counts:
    """Pairs decided together or apart, against the gold."""

    together_right: int = 0
    together_wrong: int = 0
    apart_wrong: int = 0

    def add(self, other: Counts) -> None:
        self.together_right += other.together_right
        self.together_wrong += other.together_wrong
        self.apart_wrong += other.apart_wrong

    @property
    def precision(self) -> float:
        return self.together_right / max(1, self.together_right + self.together_wrong)

    @property
    def recall(self) -> float:
        return self.together_right / max(1, self.together_right + self.apart_wrong)


def read_gold(path: Path) -> list[Gold]:
    """The gold lines of ``path`` (tab-separated; ``#`` starts a comment line)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [Gold(*line.split("\t")) for line in lines if line.strip() and not line.startswith("#")]


def labelled(mentions: list[dict[str, str]], gold: list[Gold]) -> list[tuple[dict[str, str], str]]:
    """Each mention a gold line names, with its happening (a gold line whose event was not
    extracted names none)."""
    found = []
    for line in gold:
        matches = [
            row
            for row in mentions
            if row["doc_id"] == line.doc_id
            and row["date"] == line.date
            and line.words in row["sentence"]
        ]
        found += [(row, line.happening) for row in matches]
    return found


def score_set(folder: Path, errors: bool) -> Counts:
    """Extract and merge the story in ``folder``; count its pairs against its gold."""
    lexicon = extract.load_lexicon()
    rows = [
        row
        for found in extract.find_documents([folder])
        for row in extract.extract_events(extract.read_document(found.path), lexicon)
    ]
    _, mentions = extract.merge_events(rows, lexicon)
    counts = Counts()
    for (a, gold_a), (b, gold_b) in combinations(
        labelled(mentions, read_gold(folder / "gold.tsv")), 2
    ):
        same, together = gold_a == gold_b, a["merged_id"] == b["merged_id"]
        counts.together_right += same and together
        counts.together_wrong += together and not same
        counts.apart_wrong += same and not together
        if errors and same != together:
            verdict = "joined, but" if together else "apart, but"
            print(f"  {verdict} {gold_a!r} / {gold_b!r}: {a['title']!r} / {b['title']!r}")
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", type=Path, default=SETS)
    parser.add_argument("--errors", action="store_true", help="list the pairs decided wrongly")
    args = parser.parse_args()
    total = Counts()
    print("| set | pairs joined | right | pairs of one happening | precision | recall |")
    print("|---|---|---|---|---|---|")
    lines = []
    for folder in sorted(path.parent for path in args.sets.glob("*/gold.tsv")):
        counts = score_set(folder, args.errors)
        total.add(counts)
        lines.append(row_of(folder.name, counts))
    for line in [*lines, row_of("all", total)]:
        print(line)


def row_of(name: str, counts: Counts) -> str:
    joined = counts.together_right + counts.together_wrong
    same = counts.together_right + counts.apart_wrong
    return (
        f"| {name} | {joined} | {counts.together_right} | {same} | "
        f"{counts.precision:.2f} | {counts.recall:.2f} |"
    )


if __name__ == "__main__":
    main()
