"""Recognition: the rule file compiled into one regex that finds expressions in text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .fields import KINDS, clock
from .vocab import rows, table

_MACRO = re.compile(r"%([A-Z]+)")
_FIELD = re.compile(r"\{([a-z]+)(\d?)\}")
_GROUP = re.compile(r"\(\?P<([a-z]+\d?)>")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_TOKEN = re.compile(r"[^\W\d_]+|\d+")
#: How many words before an anchor an expression may start, and how many anchors after it
#: (within a run of pattern words) may take part in the same expression.
_REACH, _AHEAD = 7, 4
#: Characters that may open an expression just before its first word: "(T)oday", "'80s".
_OPENERS = "('’$£€¥"
#: Expressions start and end at word edges, never inside a number or next to money or a percent.
_LEFT = r"(?<![\w$£€¥])(?<!\d[.,])"
_RIGHT = r"(?![\w%]|[.,]\d)"


@dataclass(frozen=True, slots=True)
class Rule:
    """One line of ``rules.tsv``: a pattern and the type and value template it yields."""

    name: str
    type: str  # DATE, TIME, DURATION, SET, or NONE for a negative rule
    value: str
    pattern: str
    example: str

    def regex(self) -> str:
        """The pattern with macros and ``{kind}`` fields expanded; a space matches whitespace."""
        pattern = self.pattern
        while _MACRO.search(pattern):
            pattern = _MACRO.sub(lambda m: macros()[m[1]], pattern)
        pattern = pattern.replace(" ?", r"\s*").replace(" ", r"\s+")
        return _FIELD.sub(lambda m: f"(?P<{m[1]}{m[2]}>{KINDS[m[1]].regex})", pattern)

    def words(self) -> set[str]:
        """Lower-cased literal words of the pattern and its macros (fields left out)."""
        pattern = self.pattern
        while _MACRO.search(pattern):
            pattern = _MACRO.sub(lambda m: macros()[m[1]], pattern)
        literal = _GROUP.sub("", _FIELD.sub(" ", pattern))
        literal = re.sub(r"\\[a-zA-Z]", " ", literal)
        return set(re.findall(r"[a-z]+", literal.lower()))


@dataclass(frozen=True, slots=True)
class Candidate:
    """A recognised expression with its value template filled in but not yet resolved."""

    start: int
    end: int
    rule: Rule
    value: str


class Grammar:
    """The rules, searched around anchor words; at one position the first listed rule wins.

    Each anchor word (a month, a unit, a number, "today", ...) selects the rules that can contain
    it. They are tried, as one regex per anchor kind, at the anchor and at the few words before it
    that a pattern can start with; of the matches covering the anchor the one reaching farthest
    wins, then the one starting first.
    """

    def __init__(self, rules: list[Rule]) -> None:
        self.rules = rules
        function_words = table("function_words.txt").keys()
        self._regexes = [rule.regex() for rule in rules]
        self._fields = [_GROUP.findall(regex) for regex in self._regexes]
        self._by_word: dict[str, set[int]] = {}
        self._digit_rules: set[int] = set()
        prefix: set[str] = {"a", "an", "of"}
        for i, rule in enumerate(rules):
            kinds = {m[1] for m in _FIELD.finditer(rule.pattern)}
            macro_kinds = {m[1] for m in _FIELD.finditer(" ".join(macros().values()))}
            words = rule.words()
            prefix |= words
            if any(KINDS[kind].numeric for kind in kinds) or "\\d" in rule.pattern:
                self._digit_rules.add(i)
            for kind in kinds | macro_kinds:
                for word in KINDS[kind].words:
                    for token in _TOKEN.findall(word.lower()):
                        prefix.add(token)
                        if (
                            kind in kinds
                            and KINDS[kind].anchors
                            and token not in function_words
                            and len(token) > 1
                        ):
                            self._by_word.setdefault(token, set()).add(i)
            for word in {w for w in words if len(w) > 2} - function_words:
                self._by_word.setdefault(word, set()).add(i)
        self._prefix = frozenset(prefix)

    @cache  # noqa: B019 - one grammar per process
    def _regex(self, subset: frozenset[int]) -> re.Pattern[str]:
        """One regex trying the rules of ``subset`` in file order."""
        branches = []
        for i in sorted(subset):
            body = _GROUP.sub(lambda m, i=i: f"(?P<r{i}_{m[1]}>", self._regexes[i])
            branches.append(f"(?P<r{i}>{body}){_RIGHT}")
        return re.compile(_LEFT + "(?:" + "|".join(branches) + ")", re.IGNORECASE)

    @cache  # noqa: B019 - one grammar per process
    def _rules_for(self, word: str) -> frozenset[int]:
        if word[0].isdigit():
            return frozenset(self._digit_rules)
        word = word.lower()
        rules = self._by_word.get(word)
        if rules is None and word.endswith("s"):
            rules = self._by_word.get(word[:-1])
        return frozenset(rules or ())

    def scan(self, text: str) -> list[Candidate]:
        """All non-overlapping expressions in ``text``, negative rules included."""
        tokens = [(m.start(), m[0]) for m in _TOKEN.finditer(text)]
        prefix = self._prefix
        found: list[Candidate] = []
        done = 0  # text before this offset is settled
        for i, (at, word) in enumerate(tokens):
            if at < done or not self._rules_for(word):
                continue
            first = i
            while first > 0 and i - first < _REACH and tokens[first - 1][0] >= done:
                if tokens[first - 1][1].lower() not in prefix:
                    break
                first -= 1
            last = i
            while (
                last + 1 < len(tokens) and last - i < _AHEAD and tokens[last][1].lower() in prefix
            ):
                last += 1
            subsets = {r for _, w in tokens[i : last + 1] if (r := self._rules_for(w))}
            regexes = [self._regex(subset) for subset in subsets]
            starts = [start for start, _ in tokens[first : i + 1]]
            if starts[0] > done and text[starts[0] - 1] in _OPENERS:
                starts.insert(0, starts[0] - 1)
            matches = [m for r in regexes for s in starts if (m := r.match(text, s))]
            covering = [m for m in matches if m.end() > at]
            if covering:
                match = min(covering, key=lambda m: (-m.end(), m.start()))
                found.append(self._candidate(match))
                done = match.end()
        return found

    def _candidate(self, m: re.Match[str]) -> Candidate:
        i = int(m.lastgroup[1:])
        rule = self.rules[i]
        raw = {name: m[f"r{i}_{name}"] for name in self._fields[i]}
        return Candidate(m.start(), m.end(), rule, fill(rule.value, raw))


def fill(template: str, raw: dict[str, str | None]) -> str:
    """The value template with its ``{field}`` placeholders replaced by normalized fields."""

    def value(m: re.Match[str]) -> str:
        name = m[1]
        if name == "clock":
            return clock({k: v for k, v in raw.items() if v is not None})
        text = raw[name]
        return "" if text is None else KINDS[name.rstrip("0123456789")].normalize(text)

    return _PLACEHOLDER.sub(value, template)


@cache
def macros() -> dict[str, str]:
    """Pattern macros by name."""
    return {row[0]: row[1] for row in rows("macros.tsv")}


@cache
def grammar() -> Grammar:
    """The grammar of the package's rule file."""
    return Grammar([Rule(*row[:5]) for row in rows("rules.tsv")])
