"""Synthetic events tables for load tests: a valid ``events.csv`` (or ``.parquet``) of any size.

Usage: python bench/events_generator.py [-n 100000] [--seed 7] [-o events.csv|events.parquet]

Deterministic for a seed: dates spread over 2000-2025 (busier in recent years), day, month
and year precision, a few hundred actors with a long tail, a dozen topics, one document per
about eight events. Importable: :func:`generate_events` returns the table as strings.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extract import EVENT_COLUMNS  # noqa: E402

TOPICS = (
    "diplomacy",
    "economy & finance",
    "protests",
    "elections",
    "sanctions",
    "security",
    "energy",
    "health",
    "trade",
    "justice",
    "climate",
    "technology",
)
SOURCES = (
    "Reuters",
    "Associated Press",
    "BBC News",
    "Deutsche Welle",
    "Le Monde",
    "Al Jazeera",
    "The Guardian",
    "Kyiv Independent",
    "Meduza",
    "Euronews",
    "Politico Europe",
    "Financial Times",
    "NHK World",
    "France 24",
    "RFE/RL",
)
PLACES = ("Minsk", "Moscow", "Brussels", "Kyiv", "Warsaw", "Berlin", "Geneva", "Vilnius", "")
FIRST = (
    *("Anna", "Pavel", "Olga", "Marek", "Elena", "Jonas", "Irina", "Tomas", "Sofia", "Ivan"),
    *("Lena", "Piotr", "Maria", "Karl", "Nadia", "Luca", "Eva", "Oskar", "Vera", "Milan"),
)
LAST = (
    *("Petrov", "Novak", "Kowalski", "Schmidt", "Ivanov", "Berg", "Moreau", "Costa", "Horvat"),
    *("Weber", "Popescu", "Nagy", "Lind", "Rossi", "Dvorak", "Ferreira", "Kuznets", "Olsen"),
    *("Marin", "Vogel"),
)
VERBS = ("met", "criticised", "announced talks with", "signed a deal with", "sanctioned", "warned")
PRECISIONS = ("day", "month", "year")
START_YEAR, END_YEAR = 2000, 2025


def actor_names(count: int = 400) -> np.ndarray:
    """A pool of distinct actor names: countries and bodies first, then people."""
    bodies = ["European Union", "NATO", "United Nations", "Russia", "Belarus", "Ukraine"]
    people = [f"{f} {s}" for s in LAST for f in FIRST]
    return np.array([*bodies, *people][:count], dtype=object)


def _pick(rng: np.random.Generator, pool: np.ndarray, n: int, skew: float) -> np.ndarray:
    """``n`` draws from ``pool`` with a Zipf-like preference for its first entries."""
    weights = 1.0 / np.arange(1, len(pool) + 1) ** skew
    return pool[rng.choice(len(pool), size=n, p=weights / weights.sum())]


def _join(*parts: np.ndarray, keep: list[np.ndarray]) -> np.ndarray:
    """Join parts with "; ", keeping part ``i`` only where ``keep[i]`` (first always kept)."""
    out = parts[0].astype(object)
    for part, mask in zip(parts[1:], keep, strict=True):
        out = np.where(mask & (part != out), out + "; " + part, out)
    return out


def generate_events(n: int = 100_000, seed: int = 7) -> pd.DataFrame:
    """``n`` events in schema column order, every cell a string, deterministic for ``seed``."""
    rng = np.random.default_rng(seed)
    actors_pool = actor_names()
    topics_pool = np.array(TOPICS, dtype=object)

    docs = max(1, n // 8)
    doc_number = np.sort(rng.integers(0, docs, size=n))
    first_day = pd.Timestamp(f"{START_YEAR}-01-01")
    span_days = (pd.Timestamp(f"{END_YEAR}-12-31") - first_day).days
    doc_days = (np.sqrt(rng.random(docs)) * span_days).astype(int)  # busier in recent years
    back = np.where(rng.random(n) < 0.9, rng.integers(0, 30, size=n), rng.integers(0, 3000, n))
    offsets = np.maximum(doc_days[doc_number] - back, 0)
    day = first_day + pd.to_timedelta(offsets, unit="D")
    precision = rng.choice(np.array(PRECISIONS, dtype=object), size=n, p=[0.72, 0.2, 0.08])
    start = pd.Series(day)
    start = start.where(precision != "month", start.dt.to_period("M").dt.start_time)
    start = start.where(precision != "year", start.dt.to_period("Y").dt.start_time)
    end = start.where(precision != "month", start + pd.offsets.MonthEnd(0))
    end = end.where(precision != "year", start + pd.offsets.YearEnd(0))
    date = start.dt.strftime("%Y-%m-%d").to_numpy(dtype=object)
    end_date = end.dt.strftime("%Y-%m-%d").to_numpy(dtype=object)
    timex = np.where(
        precision == "day", date, np.where(precision == "month", start.dt.strftime("%Y-%m"), "")
    )
    timex = np.where(precision == "year", start.dt.strftime("%Y"), timex)
    date_text = np.where(
        precision == "day",
        start.dt.strftime("%B %-d"),
        np.where(precision == "month", start.dt.strftime("in %B %Y"), start.dt.strftime("in %Y")),
    )

    unanchored = rng.random(n) < 0.01
    inferred = ~unanchored & (rng.random(n) < 0.15)
    date_source = np.where(unanchored, "unanchored", np.where(inferred, "inferred", "explicit"))
    for column in (date, end_date, timex):
        column[unanchored] = ""
    date_text = np.where(unanchored | inferred, "", date_text)

    first, second, third = (_pick(rng, actors_pool, n, 1.1) for _ in range(3))
    actor_count = rng.choice([1, 2, 3], size=n, p=[0.45, 0.4, 0.15])
    actors = _join(first, second, third, keep=[actor_count >= 2, actor_count >= 3])
    topic_a, topic_b = (_pick(rng, topics_pool, n, 0.8) for _ in range(2))
    topics = _join(topic_a, topic_b, keep=[rng.random(n) < 0.3])
    topics = np.where(rng.random(n) < 0.03, "", topics)

    doc_id = pd.Series(doc_number).map("doc-{:06d}".format).to_numpy(dtype=object)
    seq = pd.Series(doc_number).groupby(doc_number).cumcount().to_numpy() + 1
    event_id = doc_id + "-" + seq.astype(str).astype(object)
    source = _pick(rng, np.array(SOURCES, dtype=object), docs, 0.6)[doc_number]
    published = (first_day + pd.to_timedelta(doc_days[doc_number], unit="D")).strftime("%Y-%m-%d")
    published = published.to_numpy(dtype=object)

    verb = rng.choice(np.array(VERBS, dtype=object), size=n)
    object_actor = _pick(rng, actors_pool, n, 0.9)
    title = first + " " + verb + " " + object_actor + " over " + topic_a
    place = rng.choice(np.array(PLACES, dtype=object), size=n)
    where = np.where(place != "", " in " + place, "")
    when = np.where(date_text != "", " " + date_text, "")
    sentence = first + " " + verb + " " + object_actor + where + when + ", officials said."
    char_start = rng.integers(0, 6000, size=n)
    char_end = char_start + pd.Series(sentence).str.len().to_numpy()
    amount = np.where(
        rng.random(n) < 0.05, rng.integers(1, 900, size=n).astype(str) + "000000 EUR", ""
    )
    paragraph = "Background: talks continued for weeks. " + sentence + " More meetings followed."

    frame = pd.DataFrame(
        {
            "event_id": event_id,
            "doc_id": doc_id,
            "date": date,
            "end_date": end_date,
            "precision": np.where(unanchored, "", precision),
            "timex": timex,
            "date_text": date_text,
            "title": title,
            "actors": actors,
            "topics": topics,
            "location": place,
            "amount": amount,
            "sentence": sentence,
            "char_start": char_start.astype(str),
            "char_end": char_end.astype(str),
            "source": source,
            "url": "https://news.example.org/" + doc_id,
            "published": published,
            "confidence": np.round(rng.uniform(0.4, 0.99, size=n), 2).astype(str),
            "mentions": rng.choice([1, 1, 1, 2, 3], size=n).astype(str),
            "date_source": date_source,
            "doc_title": source + " report " + doc_id,
            "paragraph": paragraph,
        }
    )
    return frame[list(EVENT_COLUMNS)].astype(str)


def write_events(path: Path, n: int = 100_000, seed: int = 7) -> Path:
    """Write ``n`` generated events to ``path``: Parquet for ``.parquet``, else CSV."""
    frame = generate_events(n, seed)
    if path.suffix == ".parquet":
        frame.to_parquet(path, index=False)
    else:
        frame.to_csv(path, index=False)
    return path


def main(argv: list[str] | None = None) -> None:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", type=int, default=100_000, help="number of events")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("-o", "--output", type=Path, default=Path("events-generated.csv"))
    args = parser.parse_args(argv)
    print(write_events(args.output, args.n, args.seed))


if __name__ == "__main__":
    main()
