"""Recognition: the rules of ``rules.tsv``, searched around anchor words of the text."""

from __future__ import annotations

import re
import re._compiler as _compiler
import re._parser as _parser
from dataclasses import dataclass
from functools import cache, lru_cache

from .fields import KINDS, Kind, clock
from .firsts import first_heads, head_of
from .tokens import TOKEN, Tokens
from .vocab import rows, table

_MACRO = re.compile(r"%([A-Z]+)")
_FIELD = re.compile(r"\{([a-z]+)(\d?)\}")
_GROUP = re.compile(r"\(\?P<([a-z]+\d?)>")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
#: The opening of a lookahead or lookbehind group.
_LOOKAROUND = re.compile(r"\(\?<?[=!]")
#: A regex read piece by piece: an escape, a character class, a group opening, or a character.
_ATOM = re.compile(r"\\.|\[\^?\]?(?:\\.|[^\]])*\]|\((?:\?<?[=!:]|\?P<\w+>)?|.", re.S)
#: Escape sequences and named groups, kept as written, or a capital letter, to lower-case.
_LETTER = re.compile(r"\\.|\(\?P|[A-Z]")
#: A pattern group of this name must be written with a capital initial.
_CAPITAL_GROUP = "cap"
#: The kind of a group that is not a field: no vocabulary, no capital needed.
_ANY = Kind(".*", str)
_NO_RULES: frozenset[int] = frozenset()
_DIGITS = frozenset("0123456789")
#: How many words before an anchor an expression may start, and how many anchors after it
#: (within a run of pattern words) may take part in the same expression.
_REACH, _AHEAD = 7, 4
#: Numbers are told apart by their length in digits, up to this many.
_LONG_NUMBER = 5
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
        """The pattern with macros and ``{kind}`` fields expanded, for lower-cased text.

        A space matches any whitespace; literal letters are lower-cased.
        """
        pattern = self._expanded().replace(" ?", r"\s*").replace(" ", r"\s+")
        pattern = _LETTER.sub(lambda m: m[0] if len(m[0]) > 1 else m[0].lower(), pattern)
        return _FIELD.sub(lambda m: f"(?P<{m[1]}{m[2]}>{KINDS[m[1]].regex})", pattern)

    def words(self, consumed: bool = False) -> set[str]:
        """Lower-cased literal words of the pattern and its macros (fields left out).

        With ``consumed``, only the words a match contains, not those of lookarounds.
        """
        pattern = self._expanded()
        literal = _GROUP.sub("", _FIELD.sub(" ", _consumed(pattern) if consumed else pattern))
        literal = re.sub(r"\\[a-zA-Z]", " ", literal)
        return set(re.findall(r"[a-z]+", literal.lower()))

    def kinds(self) -> set[str]:
        """The field kinds of the pattern and its macros."""
        return {m[1] for m in _FIELD.finditer(self._expanded())}

    def _expanded(self) -> str:
        pattern = self.pattern
        while _MACRO.search(pattern):
            pattern = _MACRO.sub(lambda m: macros()[m[1]], pattern)
        return pattern


@dataclass(frozen=True, slots=True)
class Candidate:
    """A recognised expression with its value template filled in but not yet resolved."""

    start: int
    end: int
    rule: Rule
    value: str


class Grammar:
    """The rules, searched around anchor words of a text.

    Each anchor word (a month, a unit, a number, "today", ...) selects the rules that can contain
    it. They are tried in file order at the anchor and at the few words before it that a pattern
    can start with, each rule only where its match can begin (its first words, see ``firsts``);
    of the matches covering the anchor the one reaching farthest wins, then the one starting first.
    Matching runs on the lower-cased text; names that need a capital ("May" the month, not "may"
    the verb) are checked on the text as written.
    """

    def __init__(self, rules: list[Rule]) -> None:
        self.rules = rules
        self._regexes = [rule.regex() for rule in rules]
        self._fields = [tuple(_GROUP.findall(regex)) for regex in self._regexes]
        #: The groups of each rule's fields, named as in ``_parse``.
        self._groups = [tuple(f"r{i}_{f}" for f in fields) for i, fields in enumerate(self._fields)]
        #: The groups that must be written with a capital initial.
        self._capitals = [
            tuple(f"r{i}_{f}" for f in fields if f == _CAPITAL_GROUP or _kind(f).capitalized)
            for i, fields in enumerate(self._fields)
        ]
        function_words = table("function_words.txt").keys()
        by_word: dict[str, set[int]] = {}
        by_length: dict[int, set[int]] = {n: set() for n in range(1, _LONG_NUMBER + 1)}
        prefix: set[str] = {"a", "an", "of"}
        for i, rule in enumerate(rules):
            own_kinds = {m[1] for m in _FIELD.finditer(rule.pattern)}
            own_kinds |= {m[1].rstrip("0123456789") for m in _GROUP.finditer(rule.pattern)}
            own_kinds &= KINDS.keys()
            for length, indices in by_length.items():
                if "\\d" in rule.pattern or any(_fits(kind, length) for kind in own_kinds):
                    indices.add(i)
            anchors = {w for w in rule.words(consumed=True) if len(w) > 2}
            prefix |= rule.words()
            for kind in rule.kinds():
                tokens = {t for word in KINDS[kind].words for t in TOKEN.findall(word.lower())}
                prefix |= tokens
                if kind in own_kinds and KINDS[kind].anchors:
                    anchors |= {t for t in tokens if len(t) > 1}
            for word in anchors - function_words:
                by_word.setdefault(word, set()).add(i)
        #: Rules by the anchor words they contain; a plural anchors what its singular does.
        self._by_word = {word: frozenset(indices) for word, indices in by_word.items()}
        for word, indices in by_word.items():
            self._by_word.setdefault(word + "s", frozenset(indices))
        #: Rules by the length of a number they can contain.
        self._by_length = {n: frozenset(indices) for n, indices in by_length.items()}
        #: Words a pattern may have before its anchor.
        self._prefix = frozenset(prefix)
        #: How each rule's matches can begin (None: anyhow), found on first use.
        self._firsts: dict[int, frozenset[str] | None] = {}
        #: Rules parsed for ``_firsts`` but not compiled yet.
        self._parsed: dict[int, _parser.SubPattern] = {}
        self._orders: dict[tuple[frozenset[int], tuple[str, str] | None], tuple[int, ...]] = {}
        self._heads: dict[frozenset[int], tuple[tuple[int, frozenset[str] | None], ...]] = {}
        self._patterns: list[re.Pattern[str] | None] = [None] * len(rules)

    def _parse(self, i: int) -> _parser.SubPattern:
        """Rule ``i`` alone, for lower-cased text, parsed; groups ``r<i>`` and ``r<i>_<field>``."""
        body = _GROUP.sub(lambda m: f"(?P<r{i}_{m[1]}>", self._regexes[i])
        return _parser.parse(f"{_LEFT}(?P<r{i}>{body}){_RIGHT}")

    def _first_heads(self, i: int) -> frozenset[str] | None:
        """How matches of rule ``i`` can begin (see ``firsts``)."""
        if i not in self._firsts:
            parsed = self._parsed[i] = self._parse(i)
            self._firsts[i] = first_heads(parsed)
        return self._firsts[i]

    def _compiled(self, i: int) -> re.Pattern[str]:
        """Rule ``i`` compiled (see ``_parse``), on first use: a text needs only a few rules."""
        pattern = self._patterns[i]
        if pattern is None:
            parsed = self._parsed.pop(i, None)
            if parsed is None:
                parsed = self._parse(i)
            pattern = self._patterns[i] = _compiler.compile(parsed)
        return pattern

    def _startable(self, rules: frozenset[int], head: tuple[str, str] | None) -> tuple[int, ...]:
        """Of ``rules``, in file order, those whose matches can begin with ``head``.

        ``head`` is how the text at a position begins (see ``firsts``): other rules cannot match.
        """
        key = (rules, head)
        order = self._orders.get(key)
        if order is None:
            order = self._orders[key] = tuple(
                i
                for i, heads in self._heads_of(rules)
                if heads is None or head is None or head[1] in heads or head[0] in heads
            )
        return order

    def _heads_of(self, rules: frozenset[int]) -> tuple[tuple[int, frozenset[str] | None], ...]:
        """Each of ``rules`` in file order, with how its matches can begin."""
        pairs = self._heads.get(rules)
        if pairs is None:
            pairs = self._heads[rules] = tuple((i, self._first_heads(i)) for i in sorted(rules))
        return pairs

    def _rules_for(self, word: str) -> frozenset[int]:
        """The rules a lower-cased token can anchor."""
        rules = self._by_word.get(word)
        if rules is None and word[0] in _DIGITS:
            return self._by_length[min(len(word), _LONG_NUMBER)]
        return rules or _NO_RULES

    def scan(self, text: str, tokens: Tokens) -> list[Candidate]:
        """All non-overlapping expressions in ``text``, negative rules included."""
        found: list[Candidate] = []
        done = 0  # text before this offset is settled
        starts, by_word = tokens.starts, self._by_word
        # Tokens are runs of letters or of digits, and no letter sorts before ":" (after "9").
        anchors = [i for i, word in enumerate(tokens.words) if word in by_word or word < ":"]
        for i in anchors:
            if starts[i] >= done and (match := self._best(text, tokens, i, done)):
                found.append(self._candidate(match))
                done = match.end()
        return found

    def _best(self, text: str, tokens: Tokens, i: int, done: int) -> re.Match[str] | None:
        """The match covering anchor ``i``, starting after ``done``, that wins (see the class)."""
        low, at = tokens.low, tokens.starts[i]
        tries = self._tries(text, tokens, i, done)
        best: re.Match[str] | None = None
        for rules in self._subsets(tokens.words, i):
            for start, head in tries:
                order = self._startable(rules, head)
                m = self._match(order, start, low, text) if order else None
                if m is not None and m.end() > at and (best is None or _rank(m) < _rank(best)):
                    best = m
        return best

    def _subsets(self, words: list[str], i: int) -> set[frozenset[int]]:
        """The rules that anchor ``i`` and the pattern words just after it can anchor."""
        subsets = {self._rules_for(words[i])}
        end = min(len(words), i + _AHEAD)
        j = i + 1
        while j < end and words[j] in self._prefix:
            subsets.add(self._rules_for(words[j]))
            j += 1
        subsets.discard(_NO_RULES)
        return subsets

    def _tries(
        self, text: str, tokens: Tokens, i: int, done: int
    ) -> list[tuple[int, tuple[str, str] | None]]:
        """Where a match covering anchor ``i`` may start, each with how the text there begins.

        At the anchor, at the words before it that a pattern may have there, and at a character
        opening the first of them.
        """
        starts, words, prefix = tokens.starts, tokens.words, self._prefix
        lowest, first = max(0, i - _REACH), i
        while first > lowest and starts[first - 1] >= done and words[first - 1] in prefix:
            first -= 1
        tries = [(starts[j], _head_at(tokens, j)) for j in range(first, i + 1)]
        start = starts[first]
        if start > done and text[start - 1] in _OPENERS:
            opener = text[start - 1]
            tries.insert(0, (start - 1, (opener, opener)))
        return tries

    def _match(self, order: tuple[int, ...], at: int, low: str, text: str) -> re.Match[str] | None:
        """The first rule of ``order`` matching ``low`` at ``at`` (capitals checked on ``text``)."""
        patterns, capitals = self._patterns, self._capitals
        for i in order:
            m = (patterns[i] or self._compiled(i)).match(low, at)
            if m is not None and (not capitals[i] or _capitalized(m, capitals[i], text)):
                return m
        return None

    def _candidate(self, m: re.Match[str]) -> Candidate:
        i = _rule_index(m)
        rule = self.rules[i]
        value = _filled(rule.value, self._fields[i], tuple(map(m.group, self._groups[i])))
        return Candidate(m.start(), m.end(), rule, value)


def _capitalized(m: re.Match[str], groups: tuple[str, ...], text: str) -> bool:
    """Whether the ``groups`` that need a capital initial ("May", not "may") have one."""
    return all(m.start(group) < 0 or text[m.start(group)].isupper() for group in groups)


def _consumed(pattern: str) -> str:
    """``pattern`` without its lookaround groups."""
    if not _LOOKAROUND.search(pattern):  # most patterns have none: spare the walk through them
        return pattern
    out: list[str] = []
    depth = 0  # nesting within the lookaround being skipped
    for m in _ATOM.finditer(pattern):
        atom = m[0]
        if depth == 0 and _LOOKAROUND.match(atom):
            depth = 1
        elif depth and atom[0] == "(":
            depth += 1
        elif depth and atom == ")":
            depth -= 1
        elif depth == 0:
            out.append(atom)
    return "".join(out)


def _head_at(tokens: Tokens, j: int) -> tuple[str, str] | None:
    """How the text at token ``j`` begins, as ``firsts.head_of`` tells it."""
    words = tokens.words
    word, end = words[j], tokens.starts[j] + len(words[j])
    if j + 1 < len(words):
        return head_of(word, tokens.low[end : tokens.starts[j + 1]], words[j + 1])
    return head_of(word, tokens.low[end:], "")


def _kind(field: str) -> Kind:
    """The kind of a pattern field or group: ``month2`` is a ``month``; others match anything."""
    return KINDS.get(field.rstrip("0123456789"), _ANY)


@cache
def _fits(kind: str, length: int) -> bool:
    """Whether a field of ``kind`` can hold a number of ``length`` digits (5: five or more)."""
    sample = "20000"[:length] if length < _LONG_NUMBER else "2" * 9
    return KINDS[kind].numeric and any(
        re.match(KINDS[kind].regex + r"(?!\d)", prefix + sample + suffix, re.IGNORECASE)
        for prefix in ("", "'")
        for suffix in ("", "s", "th")
    )


def _rank(m: re.Match[str]) -> tuple[int, int, int]:
    """How a match ranks, lowest first: the one reaching farthest, then starting first, then
    that of the rule listed first."""
    return -m.end(), m.start(), _rule_index(m)


def _rule_index(m: re.Match[str]) -> int:
    """Which rule made a match: its outermost group is named ``r<index>``."""
    return int(str(m.lastgroup)[1:])


@lru_cache(maxsize=1 << 14)
def _filled(template: str, fields: tuple[str, ...], values: tuple[str | None, ...]) -> str:
    """``fill`` with the raw text of each of ``fields``, remembered: expressions recur."""
    return fill(template, dict(zip(fields, values, strict=True)))


def fill(template: str, raw: dict[str, str | None]) -> str:
    """The value template with its ``{field}`` placeholders replaced by normalized fields."""

    def value(m: re.Match[str]) -> str:
        name = m[1]
        if name == "clock":
            return clock({k: v for k, v in raw.items() if v is not None})
        if name == "qend":  # a period ending in month m lies mostly in the month before
            return str((int(KINDS["month"].normalize(str(raw["month"]))) + 10) % 12 // 3 + 1)
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
