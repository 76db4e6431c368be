"""Entities by shape, and the other names they go by within a document.

- Products: a brand written in mixed case ("iPhone", "iTunes", "MacBook") with its model
  number and product words ("iPhone 3G", "iTunes Store", "MacBook Air"), or a capitalized word
  with a model number ("Galaxy S10", "Windows 7", "Boeing 737"), or a model number of three or
  four digits before a capitalized word ("787 Dreamliner", never a year or a plural: "300
  Marines").
- Names cleaned of what is not the name: a job title before a person's name ("Manager John
  Eustace" is "John Eustace"), a possessive ("Apple's"), a legal form ("Acme Corp." is "Acme").
- Acronyms a document defines: "International Business Machines (IBM)" is "IBM", and so is a
  later "IBM".
- References: "he" or "she" opening a sentence stands for the person last named before it;
  "the company" (or "the firm", "the iPhone maker", ...) for the organization the document names
  most, when one clearly leads.
- Outlets are actors only where they act in the story: not in a dateline, a credit "(Reuters)",
  or an attribution ("according to Reuters", "told the BBC", "Reuters reported").

The word lists are data: ``job_titles.txt``, ``corporate_suffixes.txt``, ``product_words.txt``,
``numbered_words.txt``, ``company_references.txt`` and ``outlet_pieces.txt`` in the lexicon
folder.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from functools import cache

from extract.knowledge.words import word_list, word_set
from extract.text.names import Mention, alternation

_SPACE = r"[ \t]"
#: A brand in mixed case: "iPhone", "iOS", "eBay" (lowercase first) or "MacBook", "YouTube".
_MIXED_CASE = r"(?:[a-z]{1,3}[A-Z][A-Za-z]*|[A-Z][a-z]+[A-Z][A-Za-z]*)"
#: A model number: "4", "3G", "3GS", "S10", "A380"; never a year.
_MODEL = r"(?!(?:1[89]|20)\d\d(?![\w-]))[A-Z]{0,2}\d{1,4}[A-Za-z]{0,3}"
_END = r"(?![\w’'-]|[.,:]\d|\s*%)"
_POSSESSIVE = re.compile(r"['’]s?$")
_PRONOUN_SUBJECT = re.compile(r"^(?:[^,;:\"“]{0,30}?[\s,])??(?P<pronoun>[Hh]e|[Ss]he)\s+[a-z]")
#: The opening of a text that holds the pronoun of any ``_PRONOUN_SUBJECT`` match: up to 31
#: characters before it, and "She".
_PRONOUN_REACH = 31 + len("She")
_ATTRIBUTION_BEFORE = re.compile(
    r"(?:\(|\baccording\s+to|\btold|\bto|\bwith|\bby|\bin|\bfrom|\bfor)\s*(?:(?:the|an?)\s+)?$",
    re.I,
)
_ATTRIBUTION_AFTER = re.compile(
    r"^(?:\)|\s*(?:[-–—]|reported|reports|said|says|has\s+learned|learned|understands|"
    r"quoted|cited|wrote)\b|\s+[-–—])"
)
_DATELINE_REACH = 60


@cache
def title_words(person_titles: tuple[str, ...] = ()) -> frozenset[str]:
    """Capitalized words of job titles: the list's, and the one-word person titles'."""
    one_word = (title for title in person_titles if " " not in title and title[:1].isupper())
    return word_set("job_titles.txt") | frozenset(one_word)


@cache
def _suffixes() -> frozenset[str]:
    return word_set("corporate_suffixes.txt")


@cache
def _product_pattern() -> re.Pattern[str]:
    words = alternation(word_list("product_words.txt"))
    numbered = alternation(word_list("numbered_words.txt"))
    tail = rf"(?:{_SPACE}(?:{_MODEL}|(?:{words})(?![\w-])))*"
    return re.compile(
        rf"(?<![\w@.’'-])(?:{_MIXED_CASE}{tail}"
        rf"|(?!(?:{numbered})\s)[A-Z][a-z]+{_SPACE}{_MODEL}{tail}){_END}"
    )


@cache
def _numbered_product_pattern() -> re.Pattern[str]:
    """A model number of three or four digits before a capitalized word ("787 Dreamliner");
    it starts with a digit, which lets the regex engine skip to the digits."""
    words = alternation(word_list("product_words.txt"))
    tail = rf"(?:{_SPACE}(?:{_MODEL}|(?:{words})(?![\w-])))*"
    return re.compile(
        rf"\d(?<![\w@.’',$£€-]\d)\d{{2,3}}(?<!(?:1\d|20)\d\d)(?!\d)[A-Z]{{0,2}}{_SPACE}"
        rf"[A-Z][a-z]+(?<!s)"
        rf"{tail}{_END}"
    )


def products(text: str, excluded: Collection[str]) -> list[Mention]:
    """Product names in ``text`` by shape, named as written; a name whose first word is in
    ``excluded`` (months, titles, other words capitalized for another reason) is none."""
    found = [
        Mention(match.start(), match.end(), match.group())
        for match in _product_pattern().finditer(text)
        if match.group().split()[0] not in excluded
    ]
    numbered = [
        Mention(match.start(), match.end(), match.group())
        for match in _numbered_product_pattern().finditer(text)
        if match.group().split()[1] not in excluded  # "787 Dreamliner": its word
        and not any(m.start < match.end() and match.start() < m.end for m in found)
    ]
    return sorted(found + numbered) if numbered else found


def cleaned(
    mention: Mention, titles: Collection[str], is_person: Callable[[str], bool]
) -> Mention | None:
    """``mention`` (a name found by shape) without a possessive, the job title before a
    person's name (``is_person`` tells a person's name), a company's legal form and a plural
    before it ("Shares of Nvidia Corp."); None when it is only a title."""
    start, end, name = mention
    if (possessive := _POSSESSIVE.search(name)) and len(name) > 3:
        end -= len(name) - possessive.start()
        name = name[: possessive.start()]
    words = name.split()
    last_title = max((i for i, word in enumerate(words) if word in titles), default=-1)
    if last_title >= 0:
        rest = words[last_title + 1 :]
        if not rest:
            return None
        if is_person(" ".join(rest)):
            start = end - len(" ".join(rest))
            words = rest
    suffixes = _suffixes()
    if len(words) > 3 and words[1] == "of" and words[0].endswith("s") and words[-1] in suffixes:
        start += len(" ".join(words[:2])) + 1  # "Shares of Nvidia Corp"
        words = words[2:]
    while len(words) > 1 and words[-1].rstrip(",") in suffixes:
        words.pop()
    name = " ".join(words).rstrip(",")
    return Mention(start, start + len(name), name)


_OF = re.compile(r" of (?:the )?(?=[A-Z])")
#: The name after "of" in an organization's name: up to three capitalized words ("Japan",
#: "Homeland Security").
_OF_NAME = re.compile(r"[A-Z][\w&’'-]*(?: [A-Z][\w&’'-]*){0,2}")
#: How many capitalized words before the organization word belong to the name ("Central Bank").
_HEAD_MODIFIERS = 2


def of_organizations(text: str, heads: Collection[str], excluded: Collection[str]) -> list[Mention]:
    """Organizations named as an organization word "of" a name: "Bank of Japan", "the
    Ministry of Defence", "Central Bank of Russia", "Department of Homeland Security"; ``heads``
    are the organization words, ``excluded`` words that start no name (nor end one)."""
    found = []
    for match in _OF.finditer(text):
        start = text.rfind(" ", max(0, match.start() - 30), match.start()) + 1
        if text[start : match.start()] not in heads:
            continue
        name = _OF_NAME.match(text, match.end())
        words = name[0].split(" ") if name else []
        while words and words[-1] in excluded:
            words.pop()
        if not words or words[0] in excluded:
            continue
        end = match.end() + len(" ".join(words))
        for word in text[max(0, start - 40) : start].split(" ")[-_HEAD_MODIFIERS - 1 : -1][::-1]:
            if not word[:1].isupper() or word in excluded or not word.isalpha():
                break
            start -= len(word) + 1
        found.append(Mention(start, end, text[start:end]))
    return found


_DEFINED = re.compile(r"\((?P<acronym>[A-Z][A-Za-z&]{1,7})\)")
_TOKEN = re.compile(r"[^\s\x00]+")  # the texts of a joined text are apart
_CONNECTORS = frozenset(("of", "and", "for", "the", "de", "du", "la", "&"))


def defined_acronyms(text: str) -> list[Mention]:
    """Acronyms defined in parentheses after the name they stand for: "International Business
    Machines (IBM)", a mention of the whole named "IBM"."""
    found = []
    for match in _DEFINED.finditer(text):
        acronym = match.group("acronym")
        letters = [char for char in acronym if char.isupper()]
        before = text[max(0, match.start() - 120) : match.start()]
        words = list(_TOKEN.finditer(before))
        initials: list[str] = []
        first = None
        for word in reversed(words):
            token = word.group()
            if token in _CONNECTORS:
                continue
            if not token[0].isupper():
                break
            initials.insert(0, token[0])
            if initials == letters:
                first = word
                break
            if len(initials) >= len(letters):
                break
        if first is not None:
            start = match.start() - len(before) + first.start()
            found.append(Mention(start, match.end(), acronym))
    return found


def company_forms(
    text: str, mentions: Iterable[Mention], excluded: Collection[str]
) -> dict[str, str]:
    """Names that ended in a legal form in ``text`` ("Acme Robotics Corp."), each under its
    own name and its first word, for their later mentions without it."""
    suffixes = _suffixes()
    forms: dict[str, str] = {}
    for _, end, name in mentions:
        after = text[end : end + 14].lstrip(" ,").split(maxsplit=1)
        if after and after[0] in suffixes:
            forms.setdefault(name, name)
            first = name.split()[0]
            if first not in excluded and len(first) > 2:
                forms.setdefault(first, name)
    return forms


#: A verb of speech after a word ("Samsung said"); found first, as it starts with a letter
#: the regex engine can skip to.
_SPEAKING_VERB = re.compile(
    r"(?<=[A-Za-z])[ \t]+(?:said|says|announced|announces|reported|reports|confirmed|confirms"
    r"|denied|denies)\b"
)
#: The single name before such a verb, matched on the text before it reversed.
_NAME_BEFORE_REVERSED = re.compile(r"([A-Za-z]*?[a-z][A-Z]|[A-Z]{2,5})(?![\w’'&.-])")


def speaking_names(text: str, excluded: Collection[str]) -> dict[str, str]:
    """Single names of organizations that speak in ``text`` ("Samsung said"), each under its
    own name, for all their mentions: a word the text also capitalizes after a lowercase word,
    so not one capitalized only to open a sentence ("Officials said"); none of ``excluded``
    (function words, titles, places, names already known)."""
    forms: dict[str, str] = {}
    for verb in _SPEAKING_VERB.finditer(text):
        before = _NAME_BEFORE_REVERSED.match(text[max(0, verb.start() - 30) : verb.start()][::-1])
        if before is None:
            continue
        name = before[1][::-1]
        if name in forms or name in excluded:
            continue
        if _after_lowercase(text, name):
            forms[name] = name
    return forms


def _after_lowercase(text: str, name: str) -> bool:
    """Whether ``text`` has ``name`` as a whole word right after a lowercase word or comma."""
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        before = text[max(0, at - 2) : at]
        if (
            len(before) == 2
            and before[1] in " \t"
            and (before[0].islower() or before[0] == ",")
            and not text[end : end + 1].isalnum()
        ):
            return True
        at = text.find(name, at + 1)
    return False


@cache
def _reference_pattern() -> re.Pattern[str]:
    heads = alternation(word_list("company_references.txt"))
    return re.compile(rf"\b[Tt]he\s+(?:[\w-]+\s+)?(?:{heads})\b(?!\s+[A-Z])")


def refers_to_company(text: str) -> bool:
    """Whether ``text`` refers to a company by a description: "the company", "the iPhone maker"."""
    return bool(_reference_pattern().search(text))


def leading(names: Sequence[str]) -> str:
    """The name that clearly leads ``names`` (mentions of organizations in a document): named
    at least twice and at least half as often again as any other; else ''."""
    counts = Counter(names).most_common(2)
    if not counts or counts[0][1] < 2:
        return ""
    if len(counts) > 1 and counts[1][1] * 3 > counts[0][1] * 2:
        return ""
    return counts[0][0]


def pronoun_subject(text: str) -> int:
    """Where "he" or "she" opens ``text`` as its subject (perhaps after a short adverbial:
    "In 1986 he bought ..."), else -1."""
    opening = text[:_PRONOUN_REACH]
    if "he" not in opening and "He" not in opening:  # a fast test: every pronoun holds one
        return -1
    match = _PRONOUN_SUBJECT.match(text)
    return match.start("pronoun") if match else -1


def is_attribution(text: str, mention: Mention, sentence_start: int) -> bool:
    """Whether the outlet ``mention`` only credits or sources the story: in a dateline, in
    parentheses, after "according to"/"told"/"by"/"in a"..., before "reported"/"said", or
    naming what it published ("a Washington Post op-ed", see ``outlet_pieces.txt``)."""
    before = text[max(sentence_start, mention.start - 20) : mention.start]
    after = text[mention.end : mention.end + 20]
    if mention.start - sentence_start < _DATELINE_REACH and re.match(r"\s*\)?\s*[-–—]", after):
        return True
    return bool(
        _ATTRIBUTION_BEFORE.search(before)
        or _ATTRIBUTION_AFTER.match(after)
        or _piece_pattern().match(after)
    )


@cache
def _piece_pattern() -> re.Pattern[str]:
    pieces = alternation(word_list("outlet_pieces.txt"))
    return re.compile(rf"\s+(?:{pieces})s?\b", re.I)
