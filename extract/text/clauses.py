"""A light parse of a sentence: its verb groups, their tense and clause, and what each date
expression of the sentence is attached to.

No full syntax: words are classed by form and small closed vocabularies (auxiliaries,
modals, irregular past forms, reporting verbs, subordinators), which is enough to tell

- the *predicates* of a sentence (verb groups such as "has been fighting", "would cut"), each
  with its tense (past, present, perfect, pluperfect, future) and the kind of clause it heads:
  ``main``, ``complement`` (what is reported: "said *it would cut*"), ``relative`` (about a
  noun: "an agreement *reached* in 1991", "Jobs, *born* in 1955") or ``adverbial`` ("*when* he
  *left*");
- the *role* of a date expression: the ``time`` of the predicate it belongs to, the start of a
  state (``since``), a ``comparison`` base ("up 82% from 9 months ago", "the first time since
  1960"), a ``deadline`` ("by 2030"), the ``measure`` period of a figure ("a profit for last
  year") or a ``noun`` modifier ("the 1991 agreement", "Monday's email").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from extract.text.letters import LETTER
from extract.text.names import alternation


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_TOKEN = re.compile(
    rf"[{LETTER}][{LETTER}-]*(?:[’'](?![sS]\b)[{LETTER}]+)*|[’'][sS]\b|\d+(?:[.,:]\d+)*%?"
    rf"|[^\s{LETTER}\d]"
)

_BE_PRESENT = frozenset(("is", "are", "am", "'s", "’s", "isn't", "aren't"))
_BE_PAST = frozenset(("was", "were", "wasn't", "weren't"))
_HAVE_PRESENT = frozenset(("has", "have", "hasn't", "haven't", "'ve", "’ve"))
_HAVE_PAST = frozenset(("had", "hadn't", "'d", "’d"))
_FUTURE = frozenset(
    ("will", "would", "shall", "'ll", "’ll", "won't", "wouldn't", "going", "expected", "set")
)
_MODALS = frozenset(("can", "could", "may", "might", "must", "should", "cannot", "couldn't"))
_DO = {"do": "present", "does": "present", "did": "past", "didn't": "past", "doesn't": "present"}
_DO.update({"don't": "present"})
#: Words that may stand between an auxiliary and its verb ("has not yet been", "will also").
_BETWEEN = _words(
    "not also still now already yet never just only soon then again even ever all both first "
    "reportedly currently recently finally jointly officially formally once further"
)
_IRREGULAR_PAST = _words(
    """
    said told made took came went got gave rose fell saw began left held won met found built
    bought sold paid sent spent brought thought kept lost led became ran wrote spoke stood grew
    knew chose drew drove flew broke shot struck fought caught taught sought felt heard meant
    slid threw wore forgot sank swam beat fled froze dug overtook withdrew undertook underwent
    forbade arose awoke bore bound bred clung dealt dwelt fed forgave hung laid lit rode rang
    sang shook shone slept slung spun stole stung strove swore swept swung tore wept wound
    sat understood upheld withheld
    """
)
#: Irregular participles that are not also past forms (those are in ``_IRREGULAR_PAST``).
_IRREGULAR_PARTICIPLES = _words(
    """
    been done gone given taken seen known shown grown written spoken chosen driven broken
    stolen fallen risen begun drawn flown thrown worn born borne sworn torn forgotten frozen
    hidden ridden shaken eaten beaten bitten overtaken withdrawn undertaken undergone forbidden
    set put cut hit let shut spread cost hurt quit shed split
    """
)
#: Present forms of verbs frequent in news that the shape of a word does not tell.
_PRESENT_VERBS = _words(
    """
    says claims states adds includes reports plans expects comes has does seems appears
    remains owns sells features offers uses allows provides requires shows leaves marks costs
    works needs wants believes thinks holds faces accounts replaces supports runs lets goes
    gets makes takes gives keeps stands means knows tells calls sees looks becomes lies
    continues estimates predicts argues insists warns denies admits suggests
    """
)
#: Verbs whose object clause is what is reported.
REPORTING = _words(
    """
    said says told tells announced announces stated states added noted stressed explained
    confirmed confirms claimed claims reported declared warned warns insisted insists argued
    argues wrote acknowledged admitted denied revealed predicted estimated believes believed
    indicated suggested described say claim argue warn believe estimate predict report insist
    """
)
#: Reporting verbs in the present after a plural subject ("analysts say").
_PLURAL_REPORTING = _words("say claim argue warn believe estimate predict report insist")
_JOINING = frozenset(("and", "but", "or"))
_RELATIVE_WORDS = frozenset(("which", "who", "whom", "whose", "where"))
_SUBORDINATORS = _words(
    """
    when while because although though if unless whether as after before since until once
    whereas
    """
)
_SUBJECT_WORDS = _words(
    "i we you he she it they this that there these those the a an its his her their our"
)
_DETERMINERS = _words("the a an its his her their our this that these those each every some any no")
_NOT_VERB_AFTER = _DETERMINERS | frozenset(("to", "very", "more", "most", "less", "so", "too"))
_PRONOUNS = _words("he she it they we i you which who")
#: Participles that head a clause of their own after a noun or comma ("Jobs, born in 1955").
_LONE_PARTICIPLES = _words(
    "born known given taken seen shown written chosen held made built sold released founded "
    "reached signed launched introduced announced published elected appointed"
)
_ADVERBS = _words(
    "also now currently still only already often usually never reportedly then recently"
)
_COMPARISON = frozenset(("compared", "than", "versus", "vs", "relative"))
_CHANGE = _words(
    """
    up down rose fell rise fall risen fallen increase increased decrease decreased gain
    gained lost drop dropped climbed jumped slipped grew growth higher lower more less
    """
)
_SUPERLATIVE = re.compile(r"(?:[a-z]{2,}est|most|least|first|best|worst|only)$")
_SUPERLATIVE_NOT = frozenset(("latest", "interest", "protest", "request", "west", "rest"))
#: First words of a period a figure is compared with after "on" or "over" ("up 5% on a year
#: earlier", "over the same period"), unlike a day ("rose 4% on Wednesday").
_PERIOD_OPENERS = _words("a an one the last its this that previous")
_DEADLINE = frozenset(("by", "until", "till", "before"))
#: How many words an opening prepositional phrase may have before its comma.
_OPENING_REACH = 12
_MEASURES = _words(
    """
    profit profits loss losses revenue revenues sales earnings income result results growth
    output turnover figures forecast forecasts outlook guidance dividend deficit surplus budget
    gdp inflation spending costs margin margins
    """
)
#: Prepositions that place a clause at an event noun ("In a Wednesday media event, ...").
_LOCATING = frozenset(("in", "at", "during", "on", "after", "before", "following"))

PAST, PRESENT, PERFECT, PLUPERFECT, FUTURE = "past", "present", "perfect", "pluperfect", "future"
MAIN, COMPLEMENT, RELATIVE, ADVERBIAL = "main", "complement", "relative", "adverbial"


@dataclass(frozen=True, slots=True)
class Predicate:
    """A verb group: offsets of its first and last word, head verb, tense and clause kind."""

    start: int
    end: int
    head: str
    tense: str
    clause: str
    reporting: bool


@dataclass(frozen=True, slots=True)
class Attachment:
    """What a date expression belongs to: its role and the predicate it modifies (if any)."""

    role: str  # time, since, comparison, deadline, measure, noun
    predicate: Predicate | None


class Parse:
    """The predicates of one sentence and the attachment of its date expressions."""

    def __init__(self, text: str) -> None:
        self.text = text
        matches = list(_TOKEN.finditer(text))
        self.starts = list(map(re.Match.start, matches))
        self.raw = list(map(re.Match.group, matches))
        self.words = list(map(str.lower, self.raw))
        self.ends = list(map(re.Match.end, matches))
        self._opening_phrase_end = self._opening_phrase()
        self.predicates = tuple(self._predicates())

    @property
    def main(self) -> Predicate | None:
        """The predicate of the main clause: a reporting verb after its content ("..., Jobs
        said") counts as main; else the first main-clause predicate."""
        mains = [p for p in self.predicates if p.clause == MAIN]
        for predicate in mains:
            if predicate.reporting:
                return predicate
        return mains[0] if mains else None

    def attach(self, start: int, end: int) -> Attachment:
        """The role of the date expression at ``start:end`` and the predicate it modifies."""
        first = _index_at(self.starts, start)
        last = max(first, _index_at(self.starts, end - 1))
        words = self.words
        before = words[first - 1] if first else ""
        predicate = self._nearest(start, end)
        window = words[max(0, first - 8) : first]
        if before in _DEADLINE and not (before == "before" and self._change_before(first)):
            return Attachment("deadline", predicate)
        if before in ("since", "in", "over"):
            near = words[max(0, first - 4) : first - 1]
            if any(_superlative(w) for w in near) or "time" in near or "times" in near:
                return Attachment("comparison", predicate)
            if before == "since":
                return Attachment("since", predicate)
        base = before == "from" or (before in ("on", "over") and words[first] in _PERIOD_OPENERS)
        if (
            _COMPARISON & set(window[-6:])
            or before == "against"  # "against a year earlier"; "a suit against X in May" dates
            or (base and self._change_before(first - 1))
        ):
            return Attachment("comparison", predicate)
        if (
            words[first] in ("a", "one")
            and words[last] in ("earlier", "before")
            and (self._change_before(first) or _COMPARISON & set(window))
        ):
            return Attachment("comparison", predicate)
        if before in ("for", "over") and _MEASURES & set(words[max(0, first - 8) : first - 1]):
            return Attachment("measure", predicate)
        if self._modifies_noun(first, last):
            return Attachment("noun", predicate)
        return Attachment("time", predicate)

    def noun_after(self, end: int) -> str:
        """The lowercase noun phrase (up to three words) right after offset ``end``."""
        index = _index_at(self.starts, end)
        if index < len(self.starts) and self.starts[index] < end:
            index += 1
        words = []
        for raw in self.raw[index : index + 3]:
            if not raw[:1].isalpha():
                break
            words.append(raw.lower())
        return " ".join(words)

    # -- predicates -------------------------------------------------------------------------

    def _predicates(self) -> list[Predicate]:
        words, found = self.words, list[Predicate]()
        free = 0  # the first word not in a verb group found
        for i in self._group_starts():
            group = self._group(i) if i >= free else None
            if group is None:
                continue
            last, head, tense = group
            found.append(
                Predicate(
                    self.starts[i],
                    self.ends[last],
                    head,
                    tense,
                    self._clause_of(i, found),
                    head in REPORTING,
                )
            )
            free = last + 1
            infinitive = self._infinitive(free)
            if infinitive:
                found.append(
                    Predicate(
                        self.starts[infinitive],
                        self.ends[infinitive],
                        words[infinitive],
                        FUTURE,
                        COMPLEMENT,
                        False,
                    )
                )
                free = infinitive + 1
        return found

    def _group_starts(self) -> list[int]:
        """The words a verb group may start at (see :meth:`_group`): an auxiliary, or a word in
        lowercase that is a known verb form or ends like one; others start none."""
        raw = self.raw
        return [
            i
            for i, word in enumerate(self.words)
            if word in _AUXILIARIES
            or ((word in _VERB_FORMS or word.endswith(("ed", "s"))) and raw[i][:1].islower())
        ]

    def _opening_phrase(self) -> int:
        """The index of the comma that ends an opening prepositional phrase or subordinate
        clause ("In addition to its design features, ...", "After the vote ended, ..."), which
        holds no main verb; 0 without one."""
        words = self.words
        if len(words) < 3 or not (words[0] in _PREPOSITIONS or words[0] in _SUBORDINATORS):
            return 0
        comma = next((k for k, word in enumerate(words[:_OPENING_REACH]) if word == ","), 0)
        return comma

    def _infinitive(self, i: int) -> int:
        """The verb of a to-infinitive right after a verb group ending before word ``i``
        ("agreed *to meet* again in May", "plans *to open*"): a happening of its own, still to
        come when its verb group tells it; else 0."""
        words, raw = self.words, self.raw
        j = self._skip(i)
        if j + 1 >= len(words) or words[j] != "to":
            return 0
        verb = words[j + 1]
        if (
            not raw[j + 1].islower()
            or not verb.isalpha()
            or verb in _DETERMINERS
            or verb in _PREPOSITIONS
            or verb in _SUBJECT_WORDS
            or verb in ("be", "have")
        ):
            return 0
        return j + 1

    def _group(self, i: int) -> tuple[int, str, str] | None:
        """The verb group starting at word ``i``: its last word, head verb and tense."""
        words, raw = self.words, self.raw
        word = words[i]
        if word in _BE_PRESENT or word in _BE_PAST or word in _HAVE_PRESENT or word in _HAVE_PAST:
            if word in ("'s", "’s") and not self._contracted_is(i):
                return None
            j = self._skip(i + 1)
            nxt = words[j] if j < len(words) else ""
            if word in _HAVE_PRESENT or word in _HAVE_PAST:
                if _participle(nxt):
                    k = j
                    if nxt == "been":
                        k2 = self._skip(j + 1)
                        if k2 < len(words) and (
                            _participle(words[k2]) or words[k2].endswith("ing")
                        ):
                            k = k2
                    return k, words[k], PERFECT if word in _HAVE_PRESENT else PLUPERFECT
                if nxt == "to":
                    return j, word, PRESENT if word in _HAVE_PRESENT else PAST
                return i, word, PRESENT if word in _HAVE_PRESENT else PAST
            tense = PRESENT if word in _BE_PRESENT else PAST
            if nxt in ("going", "set", "due", "expected", "scheduled", "slated", "about") and (
                j + 1 < len(words) and words[j + 1] in ("to", "for")
            ):
                return j + 1, nxt, FUTURE
            if nxt == "to" and j + 1 < len(words):  # "is to visit"
                return j + 1, words[j + 1], FUTURE
            if _participle(nxt) or nxt.endswith("ing"):
                return j, nxt, tense
            return i, word, tense
        if word in _FUTURE and word not in ("going", "expected", "set"):
            j = self._skip(i + 1)
            if j < len(words) and words[j] == "have":  # "would have"
                j = self._skip(j + 1)
            if j < len(words) and words[j] == "be":
                j2 = self._skip(j + 1)
                if j2 < len(words) and (_participle(words[j2]) or words[j2].endswith("ing")):
                    j = j2
            return (min(j, len(words) - 1), words[min(j, len(words) - 1)], FUTURE)
        if word in _MODALS and raw[i][:1].islower():
            j = min(self._skip(i + 1), len(words) - 1)
            if words[j] in ("be", "have") and j + 1 < len(words) and _participle(words[j + 1]):
                j += 1
            return j, words[j], FUTURE
        if word in _DO:
            j = self._skip(i + 1)
            if j < len(words) and words[j].isalpha():
                return j, words[j], _DO[word]
            return None
        if not raw[i][:1].islower():
            return None
        previous = words[i - 1] if i else ""
        if (
            word in _IRREGULAR_PAST
            or word in _LONE_PARTICIPLES
            or (len(word) > 4 and word.endswith("ed"))
        ):
            if (
                previous in _NOT_VERB_AFTER
                or previous in _PREPOSITIONS
                or (previous.endswith("ly") and len(previous) > 5)
            ):
                return None
            if word in _IRREGULAR_PARTICIPLES and word not in _IRREGULAR_PAST and previous != ",":
                return None
            return i, word, PAST
        if self._present_form(i) or (
            word in _PLURAL_REPORTING and (previous in _PRONOUNS or previous.endswith("s"))
        ):
            return i, word, PRESENT
        return None

    def _skip(self, j: int) -> int:
        words = self.words
        while j < len(words) and (words[j] in _BETWEEN or words[j] in ("n't", "’t")):
            j += 1
        return j

    def _contracted_is(self, i: int) -> bool:
        """ "It's", "there's": a contracted "is" after a pronoun, not a possessive."""
        return i > 0 and self.words[i - 1] in ("it", "that", "there", "what", "he", "she", "who")

    def _present_form(self, i: int) -> bool:
        """A present form in -s: a known verb, or after a pronoun, an adverb or a name."""
        word, previous = self.words[i], self.words[i - 1] if i else ""
        if word in _PRESENT_VERBS:
            return bool(previous) and not (previous in _NOT_VERB_AFTER or previous in _PREPOSITIONS)
        if len(word) < 4 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
            return False
        if previous in _PRONOUNS or previous in _ADVERBS:
            return True
        after = self.words[i + 1] if i + 1 < len(self.words) else ""
        return (
            i > 1
            and self.raw[i - 1][:1].isupper()
            and (after in _DETERMINERS or after in _PREPOSITIONS or after[:1].isdigit())
        )

    def _reduced_relative(self, i: int, found: list[Predicate]) -> bool:
        """Whether the participle at word ``i`` heads a clause about the noun before it: after a
        comma ("Jobs, born in 1955") or after a noun, past a verb ("violates an agreement
        reached in 1991")."""
        word, previous = self.words[i], self.words[i - 1] if i else ""
        after = self.words[i + 1] if i + 1 < len(self.words) else ""
        if not _participle(word) or previous in _BE_PRESENT or after not in _PREPOSITIONS:
            return False
        if previous == ",":
            return True
        noun_before = (
            previous.isalpha()
            and previous not in _SUBJECT_WORDS
            and previous not in _PRONOUNS
            and previous not in _BETWEEN
            and not self.raw[i - 1][:1].isupper()
        )
        return bool(noun_before and found and found[-1].clause != RELATIVE)

    def _clause_of(self, i: int, found: list[Predicate]) -> str:
        """The kind of clause the verb group at word ``i`` heads, from the words before it back
        to the previous verb group or clause mark."""
        words = self.words
        limit = _index_at(self.starts, found[-1].end - 1) + 1 if found else 0
        if self._reduced_relative(i, found):
            return RELATIVE
        if i < self._opening_phrase_end:  # "In addition to its design features, Jobs showed"
            return ADVERBIAL
        if not _CLAUSE_MARKS.isdisjoint(words[limit:i]) and (
            marked := self._marked_clause(i, limit, found)
        ):
            return marked
        if found and found[-1].reporting and found[-1].clause == MAIN:
            return COMPLEMENT
        if (
            found
            and found[-1].clause != MAIN
            and not _coordinated(words, limit, i)
            and not (found[-1].clause == RELATIVE and "," in words[limit:i])
            and not (0 < self._opening_phrase_end < i and limit <= self._opening_phrase_end)
        ):
            return found[-1].clause
        return MAIN

    def _marked_clause(self, i: int, limit: int, found: list[Predicate]) -> str:
        """The kind of clause the nearest clause mark before word ``i`` (back to ``limit``)
        opens, or '' without one."""
        words, raw = self.words, self.raw
        for j in range(i - 1, limit - 1, -1):
            w = words[j]
            if w in (";", ":"):
                return MAIN
            if w in _RELATIVE_WORDS:
                return RELATIVE
            if w == "that":
                after_verb = found and _index_at(self.starts, found[-1].end - 1) == j - 1
                noun_before = j > 0 and words[j - 1].isalpha() and words[j - 1] not in _JOINING
                return RELATIVE if noun_before and not after_verb else COMPLEMENT
            if w in _SUBORDINATORS and (
                j + 1 < len(words) and words[j + 1] in _SUBJECT_WORDS or raw[j + 1][:1].isupper()
            ):
                return ADVERBIAL
        return ""

    # -- attachment -------------------------------------------------------------------------

    def _nearest(self, start: int, end: int) -> Predicate | None:
        """The predicate an expression at ``start:end`` modifies: the nearest one before it in
        its clause, else the first one after it (an opening "On Monday, ..."); never across a
        semicolon or colon."""
        left = right = None
        for predicate in self.predicates:
            if predicate.start < end and predicate.end > start:
                return predicate
            if predicate.end <= start:
                left = predicate
            elif right is None:
                right = predicate
        if left is not None and _SEPARATE.search(self.text, left.end, start):
            left = None
        if right is not None and _SEPARATE.search(self.text, end, right.start):
            right = None
        return left or right

    def _change_before(self, index: int) -> bool:
        """Whether a figure or a word of change stands in the five words before ``index``."""
        for word in self.words[max(0, index - 5) : index]:
            if word in _CHANGE or word.endswith("%") or word == "percent":
                return True
        return False

    def _modifies_noun(self, first: int, last: int) -> bool:
        """Whether the expression of words ``first..last`` stands before a noun it modifies,
        after a determiner ("the 1991 agreement", "Monday's email"), outside a phrase that
        places the clause ("In a Wednesday media event")."""
        words, raw = self.words, self.raw
        nxt = last + 1
        possessive = nxt < len(words) and words[nxt] in ("'s", "’s", "'", "’")
        if possessive:
            nxt += 1
        if nxt >= len(words) or not raw[nxt][:1].isalpha():
            return False
        if not possessive and not raw[nxt][:1].islower():
            return False
        if raw[nxt].lower() in _PREPOSITIONS or words[nxt] in _SUBJECT_WORDS:
            return False
        if self._group_at(nxt):
            return False
        before = words[first - 1] if first else ""
        if not possessive and before not in _DETERMINERS:
            return False
        opener = words[first - 2] if first >= 2 else ""
        return not (before in _DETERMINERS and opener in _LOCATING) and not (
            possessive and before in _LOCATING
        )

    def _group_at(self, index: int) -> bool:
        start = self.starts[index]
        return any(p.start == start for p in self.predicates)


#: What separates a date from the predicate before it: a new clause opens between them.
#: Words that start a verb group whatever their case (see :meth:`Parse._group`).
_AUXILIARIES = (
    _BE_PRESENT | _BE_PAST | _HAVE_PRESENT | _HAVE_PAST | _FUTURE | _MODALS | frozenset(_DO)
)
#: Words that tell the kind of clause a verb group heads (see :meth:`Parse._clause_of`).
_CLAUSE_MARKS = frozenset((";", ":", "that")) | _RELATIVE_WORDS | _SUBORDINATORS
#: Known verb forms in lowercase that may start a verb group of their own.
_VERB_FORMS = _IRREGULAR_PAST | _LONE_PARTICIPLES | _PRESENT_VERBS | _PLURAL_REPORTING

_SEPARATE = re.compile(
    r"[;:]|,\s*(?:and|but|while|when|which|who|where|as|after|before|although|though|because|"
    r"whereas|then)\b|\b(?:that|and|but)\s+(?:in|on|at|during|since|by|after|before)\b"
)
_PREPOSITIONS = _words(
    """
    of in on at for to from by with about over under after before during since until into
    onto through against between among as than
    """
)


def _coordinated(words: list[str], limit: int, i: int) -> bool:
    """Whether ", and"/"and" with a new subject opens a main clause between ``limit`` and ``i``."""
    for j in range(max(limit, 1), i):
        if words[j] in ("and", "but") and words[j - 1] == ",":
            return True
        if words[j] in ("and", "but") and j + 1 < i and words[j + 1] in _PRONOUNS:
            return True
    return False


def _participle(word: str) -> bool:
    return (
        word in _IRREGULAR_PARTICIPLES
        or word in _IRREGULAR_PAST
        or (len(word) > 3 and word.endswith("ed"))
    )


def _superlative(word: str) -> bool:
    return word not in _SUPERLATIVE_NOT and bool(_SUPERLATIVE.match(word))


def _index_at(starts: list[int], offset: int) -> int:
    """The index of the word that starts at or before ``offset``."""
    return max(0, bisect_right(starts, offset) - 1)


def is_single_verb(predicate: Predicate) -> bool:
    """Whether a verb group is one verb of action, no auxiliary or copula ("demoed", not "was
    defeated", "was soundly", "did not fare" or "had")."""
    head = predicate.head
    return predicate.end - predicate.start == len(head) and head not in _AUXILIARY_HEADS


_AUXILIARY_HEADS = _BE_PRESENT | _BE_PAST | _HAVE_PRESENT | _HAVE_PAST | frozenset(_DO)
_PAST_FORM = re.compile(rf"[a-z]ed\b|\b(?:{alternation(_IRREGULAR_PAST)})\b")


def has_past_form(text: str) -> bool:
    """Whether ``text`` holds a word that may be a verb in the past ("demoed", "left"): a cheap
    test before a parse."""
    return _PAST_FORM.search(text) is not None


@lru_cache(maxsize=256)
def parse(text: str) -> Parse:
    """The parse of a sentence; cached, as each of its events asks for it."""
    return Parse(text)
