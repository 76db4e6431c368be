"""A deterministic benchmark corpus: the bundled articles, real news and generated articles.

Usage: python bench/corpus.py OUT_DIR [--mb 10] [--seed 0] [--dense] [--real DIR]

Generated articles have front matter with varied publication dates and sentences with varied
date expressions (explicit days, weekdays, relative phrases, months, years), actors, places and
topics, drawn from the lexicon files so the extractor finds events in them. By default they hold
about as many date expressions per MB as real news (``REAL_DATED_SHARE``); ``--dense`` writes
the pessimistic corpus of earlier measurements, about three times as dense.

Real news: every ``REAL_EVERY``-th article is the plain text of a TimeML file (TimeBank and
AQUAINT, with its creation date as publication date), read from ``--real`` when that directory
exists (default: the shared TempEval-3 corpus next to the repository); they are not copied into
the repository.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import random
import sys
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
LEXICONS = ROOT / "extract" / "knowledge" / "en"
REAL_NEWS = ROOT / ".." / "shared" / "benchmarks" / "tempeval3"
#: Every this many articles, one is real news (when available) and one is the bundled article.
REAL_EVERY = 5
BUNDLED_EVERY = 50
#: Share of generated sentences with a date expression: 0.21 gives about 3,000 date expressions
#: per MB like TimeBank and AQUAINT (docs/performance.md); 0.7 is the dense corpus. Another 0.3
#: are filler sentences, the rest statements without a date.
REAL_DATED_SHARE = 0.21
DENSE_DATED_SHARE = 0.7
FILLER_SHARE = 0.3
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

    def __init__(self, seed: int, dated_share: float = REAL_DATED_SHARE) -> None:
        self.random = random.Random(seed)
        self.dated_share = dated_share
        self.people = _names(LEXICONS / "actors.csv", "person")
        self.countries = _names(LEXICONS / "actors.csv", "country")
        self.places = _names(LEXICONS / "places.csv", "city", "capital")

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
        kind = self.random.random()
        if kind < FILLER_SHARE:
            return pick(FILLER)
        subject, verb, other = pick(self.people), pick(VERBS), pick(self.countries)
        if kind < 1 - self.dated_share:
            return self._statement(subject, verb, other)
        when = self._date_expression(published)
        shapes = (
            f"{when[:1].upper()}{when[1:]}, {subject} {verb} {other} in {pick(self.places)}.",
            f"{subject} {verb} {other} {when}, officials said.",
            f"The {pick(NOUNS)} in {other} {when} drew criticism from {subject}.",
            f"{subject} said {other} would hold a {pick(NOUNS)} {when}.",
        )
        return pick(shapes)

    def _statement(self, subject: str, verb: str, other: str) -> str:
        """A sentence without a date expression."""
        pick = self.random.choice
        shapes = (
            f"{subject} {verb} {other} in {pick(self.places)}, officials said.",
            f"{subject} said {other} would hold a {pick(NOUNS)}.",
            f"The {pick(NOUNS)} in {other} drew criticism from {subject}.",
            f"Officials in {pick(self.places)} said the {pick(NOUNS)} would go ahead as planned.",
            f"{subject} told reporters in {pick(self.places)} that {other} had been consulted.",
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


def build_corpus(
    directory: Path,
    megabytes: float = 10,
    seed: int = 0,
    dense: bool = False,
    real: Path = REAL_NEWS,
) -> int:
    """Write about ``megabytes`` MB of articles into ``directory``; return the bytes written."""
    directory.mkdir(parents=True, exist_ok=True)
    target = int(megabytes * 1_000_000)
    bundled = [path.read_text(encoding="utf-8") for path in sorted((DATA / "articles").glob("*"))]
    news = real_news(real)
    writer = ArticleWriter(seed, DENSE_DATED_SHARE if dense else REAL_DATED_SHARE)
    written, number = 0, 0
    while written < target:
        number += 1
        if bundled and number % BUNDLED_EVERY == 1:
            text = bundled[(number // BUNDLED_EVERY) % len(bundled)].replace(
                "\nid: ", f"\nid: copy{number:06d}-", 1
            )
        elif news and number % REAL_EVERY == 3:
            text = news[(number // REAL_EVERY) % len(news)].replace(
                "\nid: ", f"\nid: copy{number:06d}-", 1
            )
        else:
            text = writer.article(number)
        data = text.encode("utf-8")
        (directory / f"article-{number:06d}.md").write_bytes(data)
        written += len(data)
    return written


def real_news(directory: Path) -> list[str]:
    """The TimeML files under ``directory`` (TimeBank, AQUAINT) as articles with front matter;
    none when it does not exist."""
    corpora = [directory / name for name in ("TimeBank", "AQUAINT") if (directory / name).is_dir()]
    if not corpora:
        return []
    read_corpus = _tempeval_reader()
    articles = []
    for corpus in corpora:
        for document in read_corpus(corpus):
            front = (
                f"---\nid: {document.name}\ntitle: {document.name}\n"
                f"published: {document.dct.isoformat()}\nsource: {corpus.name}\n---\n"
            )
            articles.append(front + document.text.strip() + "\n")
    return articles


def _tempeval_reader() -> Callable[[Path], list]:
    """``tempeval_corpus.read_corpus``, loaded by path: tests load this module without bench/
    on the import path."""
    path = Path(__file__).with_name("tempeval_corpus.py")
    spec = importlib.util.spec_from_file_location("tempeval_corpus", path)
    assert spec and spec.loader
    module = sys.modules.setdefault("tempeval_corpus", importlib.util.module_from_spec(spec))
    if not hasattr(module, "read_corpus"):
        spec.loader.exec_module(module)
    return module.read_corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--mb", type=float, default=10, help="corpus size in MB (default 10)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--dense", action="store_true", help="as many dates as earlier runs")
    parser.add_argument("--real", type=Path, default=REAL_NEWS, help="TempEval-3 directory")
    args = parser.parse_args()
    written = build_corpus(args.directory, args.mb, args.seed, args.dense, args.real)
    print(f"{written / 1e6:.1f} MB written to {args.directory}")


if __name__ == "__main__":
    main()
