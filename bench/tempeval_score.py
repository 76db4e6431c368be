"""TempEval-3 style scoring of temporal expression spans, types and values."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from tempeval_corpus import Span


@dataclass(slots=True)
class Alignment:
    """System spans matched one-to-one to gold spans of one document."""

    strict: list[tuple[Span, Span]]
    relaxed: list[tuple[Span, Span]]
    missed: list[Span]
    spurious: list[Span]


def align(gold: list[Span], system: list[Span]) -> Alignment:
    """Match system to gold spans: identical (strict) and overlapping (relaxed), one-to-one."""
    relaxed: list[tuple[Span, Span]] = []
    used: set[int] = set()
    missed = []
    for g in gold:
        best = None
        for i, s in enumerate(system):
            if i in used or s.end <= g.start or s.start >= g.end:
                continue
            overlap = min(s.end, g.end) - max(s.start, g.start)
            if best is None or overlap > best[0]:
                best = (overlap, i)
        if best is None:
            missed.append(g)
        else:
            used.add(best[1])
            relaxed.append((g, system[best[1]]))
    strict = [(g, s) for g, s in relaxed if (g.start, g.end) == (s.start, s.end)]
    spurious = [s for i, s in enumerate(system) if i not in used]
    return Alignment(strict, relaxed, missed, spurious)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Score:
    """Pooled counts over a corpus, and the TempEval-3 figures computed from them."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0
    figures: dict[str, float] = field(default_factory=dict)

    def add(self, gold: list[Span], system: list[Span], alignment: Alignment) -> None:
        """Count one document."""
        self.gold += len(gold)
        self.system += len(system)
        self.strict += len(alignment.strict)
        self.relaxed += len(alignment.relaxed)
        self.value += sum(g.value == s.value for g, s in alignment.relaxed)
        self.type += sum(g.type == s.type for g, s in alignment.relaxed)

    def compute(self) -> dict[str, float]:
        """Percentages: strict and relaxed P/R/F1, value F1 and type F1."""
        out: dict[str, float] = {}
        for name, hits in (("strict", self.strict), ("relaxed", self.relaxed)):
            p = hits / self.system if self.system else 0.0
            r = hits / self.gold if self.gold else 0.0
            out[f"{name}_p"], out[f"{name}_r"], out[f"{name}_f1"] = p, r, _f1(p, r)
        for name, hits in (("value", self.value), ("type", self.type)):
            accuracy = hits / self.relaxed if self.relaxed else 0.0
            out[f"{name}_f1"] = accuracy * out["relaxed_f1"]
        return {k: 100 * v for k, v in out.items()}


def pooled(pairs: Iterable[tuple[list[Span], list[Span]]]) -> Score:
    """Score gold/system span lists of many documents together."""
    score = Score()
    for gold, system in pairs:
        score.add(gold, system, align(gold, system))
    return score
