"""A deterministic benchmark corpus: the bundled articles plus generated news articles.

Usage: python bench/corpus.py OUT_DIR [--mb 10] [--seed 0]

Generated articles have front matter with varied publication dates and sentences with varied
date expressions (explicit days, weekdays, relative phrases, months, years), actors, places and
topics, drawn from the lexicon files so the extractor finds events in them.
"""

from __future__ import annotations

import argparse
import csv
import random
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
MONTHS = tuple(date(2000, month, 1).strftime("%B") for month in range(1, 13))
WEEKDAYS = tuple(date(2000, 1, day).strftime("%A") for day in range(3, 10))
VERBS = (
    "met with",
    "signed an agreement with",
    "held talks with",
    "announced sanctions against",
    "agreed to a loan for",
    "warned",
    "visited",
    "discussed trade with",
    "criticized",
    "launched joint military exercises with",
)
NOUNS = ("election", "summit", "referendum", "ceasefire", "trade deal", "protests", "loan")
FILLER = (
    "Analysts said the move reflected a broader shift in the region.",
    "The ministry did not respond to a request for comment.",
    "Officials described the talks as constructive but difficult.",
    "Critics argued that the decision would deepen the crisis.",
    "Markets reacted calmly to the news, and the currency held steady.",
    "Diplomats said further negotiations were expected.",
    "The opposition called the announcement “a cynical maneuver.”",
)


def _names(path: Path, *kinds: str) -> list[str]:
    with path.open(encoding="utf-8", newline="") as stream:
        return [row["name"] for row in csv.DictReader(stream) if row["kind"] in kinds]


class ArticleWriter:
    """Writes one generated article at a time from a seeded random source."""

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)
        self.people = _names(DATA / "actors.csv", "person")
        self.countries = _names(DATA / "actors.csv", "country")
        self.places = _names(DATA / "places.csv", "city", "capital")

    def article(self, number: int) -> str:
        """One article in Markdown with front matter."""
        pick = self.random.choice
        published = date(2015, 1, 1) + timedelta(days=self.random.randrange(3650))
        person, country = pick(self.people), pick(self.countries)
        link = pick(("amid", "after", "before"))
        title = f"{person} {pick(VERBS)} {country} {link} {pick(NOUNS)}"
        paragraphs = [
            " ".join(self._sentence(published) for _ in range(self.random.randint(1, 4)))
            for _ in range(self.random.randint(6, 14))
        ]
        front = (
            f"---\nid: generated-{number:06d}\ntitle: {title.title()}\n"
            f"published: {published.isoformat()}\nsource: Example Wire\n"
            f"url: https://news.example.org/{number:06d}\n---\n"
        )
        return front + f"{title.title()}\n\n" + "\n\n".join(paragraphs) + "\n"

    def _sentence(self, published: date) -> str:
        pick = self.random.choice
        if self.random.random() < 0.3:
            return pick(FILLER)
        subject, verb, other = pick(self.people), pick(VERBS), pick(self.countries)
        when = self._date_expression(published)
        shapes = (
            f"{when[:1].upper()}{when[1:]}, {subject} {verb} {other} in {pick(self.places)}.",
            f"{subject} {verb} {other} {when}, officials said.",
            f"The {pick(NOUNS)} in {other} {when} drew criticism from {subject}.",
            f"{subject} said {other} would hold a {pick(NOUNS)} {when}.",
        )
        return pick(shapes)

    def _date_expression(self, published: date) -> str:
        pick, number = self.random.choice, self.random.randint
        day = published - timedelta(days=number(0, 400))
        month = MONTHS[day.month - 1]
        forms = (
            f"on {day.day} {month} {day.year}",
            f"on {month} {day.day}, {day.year}",
            f"on {month} {day.day}",
            f"on {pick(WEEKDAYS)}",
            pick(("yesterday", "today", "last week", "last month", "last year", "next week")),
            f"{number(2, 9)} days ago",
            f"in {month}",
            f"in {month} {day.year}",
            f"in {day.year}",
            f"since {number(1990, 2014)}",
            f"early {pick(('this', 'next', 'last'))} {pick(('month', 'year'))}",
        )
        return pick(forms)


def build_corpus(directory: Path, megabytes: float = 10, seed: int = 0) -> int:
    """Write about ``megabytes`` MB of articles into ``directory``; return the bytes written."""
    directory.mkdir(parents=True, exist_ok=True)
    target = int(megabytes * 1_000_000)
    bundled = [path.read_text(encoding="utf-8") for path in sorted((DATA / "articles").glob("*"))]
    writer = ArticleWriter(seed)
    written, number = 0, 0
    while written < target:
        number += 1
        if bundled and number % 50 == 1:
            text = bundled[(number // 50) % len(bundled)].replace(
                "\nid: ", f"\nid: copy{number:06d}-", 1
            )
        else:
            text = writer.article(number)
        data = text.encode("utf-8")
        (directory / f"article-{number:06d}.md").write_bytes(data)
        written += len(data)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--mb", type=float, default=10, help="corpus size in MB (default 10)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    written = build_corpus(args.directory, args.mb, args.seed)
    print(f"{written / 1e6:.1f} MB written to {args.directory}")


if __name__ == "__main__":
    main()
