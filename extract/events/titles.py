"""Headlines: a short "who did what" title from the clause around an event.

The clause is the part of the sentence between dashes, semicolons or colons that holds the
event's anchor (its date expression or trigger word). Date expressions, editorial marks,
parenthetical asides, discourse openers ("Separately,") and trailing "which ..." clauses are
removed; reported speech ("..., Putin explained") is turned around ("Putin explained ...").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache, lru_cache

from extract.knowledge.words import word_list
from extract.text.letters import UPPER
from extract.text.names import alternation

MAX_TITLE = 90

_SEPARATOR = re.compile(r"\s+[—–]\s+|\s+--\s+|;\s+|:\s+|:$|…[”\"]\s*")
#: What every separator holds: texts without any of these are one clause.
_SEPARATOR_MARKS = ("—", "–", "--", ";", ":", "…")
_PREPOSITION_BEFORE = re.compile(
    r"(?:^|(?<=\s))(?:on|in|at|during|since|by|until|from|of|for|as of|as early as)\s+$", re.I
)
_LONGEST_PREPOSITION = len("as early as")
_RELATIVE_CLAUSE = re.compile(
    r"\b(?:the|a|an|its|their|his|her|our)\s+(?P<head>(?:[\w-]+\s+){0,3}?[\w-]+\s+"
    r"(?:that|which|who)\s+(?:was|were|is|are|had|has|have)\b)",
    re.I,
)
#: What every relative clause holds, as a fast test (only ASCII letters match T and W case-blind).
_RELATIVE_PRONOUN = re.compile(r"[TtWw](?i:hat|hich|ho)\s")
_OPENER = re.compile(
    r"^(?:separately|meanwhile|indeed|however|also|moreover|now|either way|but|and|so|then|"
    r"instead|still|yet|earlier|later|unfortunately|(?:that|because|although|though|whereas|if)"
    r"(?=\s+(?:the|a|an|this|these|those|it|he|she|they|we|its|their|his|her|[A-Z])\b))\b,?\s*",
    re.I,
)
_REPORTED = re.compile(
    rf"^(?P<content>.+?),\s+(?P<speaker>(?:[{UPPER}][\w.’'-]*\s+){{0,3}}[{UPPER}][\w.’'-]*)\s+"
    r"(?P<verb>said|says|explained|noted|added|stressed|warned|wrote|insisted|told reporters)"
    r"(?:,?\s+adding)?$"
)
_LOWERCASE_OPENERS = re.compile(r"^(?:The|A|An|It|This|That|There|We|They|Our|Their|\w+ing)\b")
_COMMA_CLAUSE = re.compile(r",\s+(?:which|who|adding|saying|according to)\b.*$", re.I)
_JOINED_CLAUSE = re.compile(
    r"\s+(?:and|but)\s+(?:we|they|I|he|she|it)\b(?:\s+[\w’'-]+){0,4}$", re.I
)
_CITY_COUNTRY = re.compile(r"(\b(?:in|at|near)\s+[A-Z][\w-]+(?:\s[A-Z][\w-]+)?),\s+[A-Z][\w-]+$")
_COUNTRY_TAIL = re.compile(r",\s+[A-Z][\w-]+")
_LONG_ASIDE = re.compile(r"\s*\((?:[^()\s]+\s+){2,}[^()]*\)")
_SHORT_ASIDE = re.compile(r"\(([^()]*)\)")
#: Double quotes, and single quotes not between two word characters (not "Russia's").
_QUOTES = re.compile(r"[“”\"«»„‘’'](?:(?<=[“”\"«»„])|(?<!\w.)|(?!\w))")
_CLAUSE_CUT = re.compile(
    r",\s|\s(?=(?:and|but|which|who|if|because|while|when|where|although|though|unless|"
    r"despite|so)\s)"
)
_PHRASE_CUT = re.compile(
    r"\s(?=(?:with|by|in|on|at|as|along|during|after|before|for|to|from|against|over|under|"
    r"into|between|through|without|including|positioned|amid)\s)"
)
_FRONTED_ADVERBIAL = re.compile(
    r"(?<=\bthat )(?:during|in|amid|after|before|despite|following|given)\b[^,]{3,40},\s+", re.I
)
_DASH_ASIDE = re.compile(r"\s+[—–]\s+[a-z][^—–]{0,60}?\s+[—–]\s+")
_SPACE_BEFORE_WORD = re.compile(r"\s+(?=[A-Za-z])")
_SPACE_BEFORE_CONJUNCTION = re.compile(r"\s+(?:and|or)\b")
_MIN_CUT = 45
#: A wire dateline opening a sentence: "KYIV, March 5 (Reuters) - ", "WASHINGTON (AP) — ".
_DATELINE = re.compile(
    r"^[A-Z][A-Z.'’ -]{1,30}[A-Z.](?:,[^-–—()\n]{0,30})?\s*(?:\([^()]{1,30}\))?\s*(?:--|[-–—])\s+"
)
#: What joins two dates ("in March and June"), dropped with them.
_BETWEEN_DATES = re.compile(r"\s*(?:,|and|or|,\s*and|to|through)\s*")
#: A verb after a date that opens its clause, which makes the date its subject ("2007 was the
#: year ..."): the date stays.
_SUBJECT_DATE_VERB = re.compile(r"\s+(?:was|is|were|are|will|has|had|saw|marked|brought)\b")
#: A title that starts with an auxiliary verb lost its subject with a date.
_NO_SUBJECT = re.compile(r"^(?:has|have|had|is|was|were|are|will|would|can|could)\s")
_COPULA_BEFORE = re.compile(r"\b(?:was|is|were|are|be|been)\s+$")
_POSSESSIVE_AFTER = re.compile(r"['’]s\s+")
#: A one-word or a number aside between commas, left by a date removed from it ("filed [in
#: 2003]", "49"), and a noun phrase in apposition to a name ("Jobs, the chief executive, said").
_SHORT_ASIDE_COMMAS = re.compile(r",\s+(?:[a-z]+|\d{1,3}),\s+(?=[a-z])")
_APPOSITION = re.compile(
    r"(?<=[A-Za-z.]),\s+(?:the|a|an)\s+(?:(?!and\b|or\b|which\b|that\b)[^,\s]+\s+){0,7}"
    r"[^,\s]+,\s+(?=[a-z])(?!(?:a|an|the)\s)"
)
_DOUBLE_COMMA = re.compile(r",(?:\s*,)+")
#: Words a title does not end with.
_DANGLING_WORDS = (
    r"that|and|or|but|of|to|the|a|an|with|in|on|at|by|for|from|as|which|who|"
    r"before|after|along|since|until|during|than|its|their|his|her|beginning|intended"
)
_DANGLING = re.compile(rf"(?:[\s,]+(?:{_DANGLING_WORDS}))+$", re.I)
_DANGLING_WORD = re.compile(_DANGLING_WORDS, re.I)
#: What a word is made of, and a word that starts in lowercase.
_WORD_CHAR = r"[\w’'-]"
_LOWERCASE_WORD = re.compile(rf"(?<!{_WORD_CHAR})[a-z]{_WORD_CHAR}*")
#: Lowercase words that do not make a title more than a name: articles, "of", "former".
_NAME_ONLY_WORDS = frozenset(("the", "a", "an", "of", "and", "for", "former"))
_FIRST_PERSON = re.compile(r"^(?:We|I|Our|My|Us)\b")
_PARTICIPLE_OPENER = re.compile(r"^(?:\w+ing|According|Despite|Amid|After)\b[^,]*,")
#: A prepositional phrase before the subject ("At the conference, Jobs ..."): a long title is
#: never cut down to it.
_PREPOSITION_OPENER = re.compile(
    r"^(?:At|In|On|During|Before|With|For|From|By|Following|Since|Under|Over)\b[^,]*,"
)
_COMMA_OPENER = re.compile(r"^[^,]{3,60},\s+(?=\S)")
_ARTICLE = re.compile(r"^(?:a|an)\s+", re.I)
#: A name and its acronym in parentheses; the name starts at a word start, where the search
#: would find it first anyway.
_ACRONYM = re.compile(r"(?<![\w’'-])(?P<name>(?:[\w’'-]+\s+){1,12}?)\((?P<acronym>[A-Z]{2,})\)")
_ACRONYM_MARK = re.compile(r"\([A-Z]{2,}\)")
_SPACE_BEFORE_MARK = re.compile(r" (?=[,.;:!?])")  # spaces are single by then
#: Stripped from both ends of a title (with its whitespace already collapsed to spaces).
_EDGE_MARKS = " ,.;:!?—–-"


def clause_span(text: str, anchor: int) -> tuple[int, int]:
    """Offsets of the clause of ``text`` that holds the character at ``anchor``.

    Short lowercase asides between two dashes ("— written by X —") are skipped over, so the
    clause on each side of them counts as one.
    """
    for start, end in _clauses(text):
        if start <= anchor < max(end, start + 1):
            return start, end
    return 0, len(text)


@lru_cache(maxsize=64)
def _clauses(text: str) -> tuple[tuple[int, int], ...]:
    """The clause spans of a sentence; found once for all the events of the sentence."""
    if not any(mark in text for mark in _SEPARATOR_MARKS):
        return ((0, len(text)),)
    bounds = [0]
    for match in _SEPARATOR.finditer(text):
        bounds += [match.start(), match.end()]
    bounds.append(len(text))
    segments = list(zip(bounds[::2], bounds[1::2], strict=True))
    merged: list[tuple[int, int]] = []
    for start, end in segments:
        if merged and _is_aside(text, merged[-1]) and len(merged) > 1:
            merged.pop()
            start = merged.pop()[0]
        merged.append((start, end))
    return tuple(merged)


def headline(
    text: str,
    anchor: int,
    date_spans: list[tuple[int, int]],
    speaker: str | Callable[[], str] = "",
) -> str:
    """A title of at most ``MAX_TITLE`` characters for the event anchored at ``anchor``.

    ``text`` is the sentence; ``date_spans`` are the offsets of its date expressions. A title in
    the first person ("We agreed ...") is credited to ``speaker`` ("Putin: We agreed ..."), which
    may be a function, called only for such a title.
    """
    start, end = clause_span(text, anchor)
    relative = _relative_clause(text, start, end, anchor)
    if relative:
        start, end = relative
    if start == 0 and (dateline := _DATELINE.match(text)):
        start = dateline.end()
    title = _headline(text, start, end, bool(relative), tuple(date_spans))
    if _may_be_fragment(title, text) and (aside := _NAMED_ASIDE.search(text)):
        # "The finance minister, who took office in 2019, told reporters ...": the clause of the
        # aside, or the sentence without it, not the bare subject
        inside = aside.start() <= anchor < aside.end()
        text, date_spans = _without_aside(text, aside, date_spans, inside)
        title = _headline(text, 0, len(text), False, tuple(date_spans))
    if _is_name_only(title) and (start, end) != (0, len(text)):
        dateline = _DATELINE.match(text)
        opening = dateline.end() if dateline else 0
        title = _headline(text, opening, len(text), False, tuple(date_spans))
    if _FIRST_PERSON.match(title):
        name = speaker() if callable(speaker) else speaker
        if name:
            return _finished(f"{name}: {title}")
    return _finished(title)


#: An aside about the subject between commas: ", who took office in 2019," (group 1: its
#: clause after the pronoun).
_NAMED_ASIDE = re.compile(r",\s+(?:who|which)\s+([^,;:]+),")
#: A title of at most this many words may be a subject left alone by an aside.
_FRAGMENT_WORDS = 4


def _may_be_fragment(title: str, text: str) -> bool:
    """Whether ``title`` may be only the subject cut off by an aside (a cheap test)."""
    return (", who " in text or ", which " in text) and len(title.split()) <= _FRAGMENT_WORDS


def _without_aside(
    text: str, aside: re.Match[str], date_spans: Sequence[tuple[int, int]], inside: bool
) -> tuple[str, list[tuple[int, int]]]:
    """The sentence told around its aside: the subject with the aside's clause ("The finance
    minister took office in 2019") when the event is the aside's, else the sentence without
    it; with the date spans moved to match."""
    if inside:
        subject_end = aside.start()
        clause_start = aside.start(1)
        shift = clause_start - subject_end - 1
        new = text[:subject_end] + " " + text[clause_start : aside.end(1)]
        spans = [
            (s - shift, e - shift) for s, e in date_spans if clause_start <= s and e <= aside.end(1)
        ]
        return new, spans
    cut = aside.end() - aside.start()
    new = text[: aside.start()] + text[aside.end() :]
    spans = [
        (s - cut, e - cut) if s >= aside.end() else (s, e)
        for s, e in date_spans
        if e <= aside.start() or s >= aside.end()
    ]
    return new, spans


@lru_cache(maxsize=256)
def _headline(
    text: str, start: int, end: int, relative: bool, date_spans: tuple[tuple[int, int], ...]
) -> str:
    """The title of the clause ``text[start:end]`` before shortening: the same for all the
    events it holds."""
    clause = _without_dates(text, start, end, date_spans)
    if len(clause.split()) < 3:
        clause = _without_dates(text, 0, len(text), date_spans)
    title = _tidy(clause)
    if not relative:
        title = _without_trailing_clause(title)
    title = _without_country(_OPENER.sub("", title))
    title = _ARTICLE.sub("", title)
    if date_spans and _NO_SUBJECT.match(title):  # "that day has come": the date was the subject
        return _headline(text, start, end, relative, ())
    return _capitalized(_turn_reported_speech(title))


@lru_cache(maxsize=256)
def _finished(title: str) -> str:
    shortened = _shortened(title)
    if not shortened.endswith("…") and _may_dangle(shortened):
        shortened = _DANGLING.sub("", shortened) or shortened
    return _capitalized(shortened)


def _may_dangle(title: str) -> bool:
    """Whether ``title`` may end with a dangling word, as a fast test: its last word after
    whitespace or a comma is one (``_DANGLING`` needs that, and then searches the title)."""
    words = title.rsplit(maxsplit=1)
    last = words[-1][words[-1].rfind(",") + 1 :] if words else ""
    return _DANGLING_WORD.fullmatch(last) is not None


def _is_name_only(title: str) -> bool:
    """Whether ``title`` is no more than a name and a title ("Steve Jobs, the Apple Chief
    Executive Officer"): no lowercase word but articles, "of" and words of job titles."""
    return title[:1].isupper() and _other_lowercase_word().search(title) is None


@cache
def _other_lowercase_word() -> re.Pattern[str]:
    """A lowercase word (as ``_LOWERCASE_WORD`` finds them) that a name-only title may not
    hold: not one of ``_NAME_ONLY_WORDS`` nor a word of job titles in lowercase ("chief",
    "executive", "officer"). A search stops at the first, where most titles have one."""
    words = _NAME_ONLY_WORDS | {word.lower() for word in word_list("job_titles.txt")}
    allowed = alternation(word for word in words if _LOWERCASE_WORD.fullmatch(word))
    return re.compile(rf"(?<!{_WORD_CHAR})(?!(?:{allowed})(?!{_WORD_CHAR}))[a-z]{_WORD_CHAR}*")


def _is_aside(text: str, span: tuple[int, int]) -> bool:
    start, end = span
    before, after = text[max(0, start - 3) : start], text[end : end + 3]
    words = text[start:end].split()
    dashes = "—–-"
    return (
        any(d in before for d in dashes)
        and any(d in after for d in dashes)
        and 0 < len(words) <= 8
        and words[0][0].islower()
    )


def _relative_clause(text: str, start: int, end: int, anchor: int) -> tuple[int, int] | None:
    """The "exercises that were planned [last year]" span when the anchor is inside one."""
    for head_start, head_end, clause_end in _relative_clauses(text, start, end):
        if head_end <= anchor < clause_end:
            return head_start, clause_end
    return None


@lru_cache(maxsize=64)
def _relative_clauses(text: str, start: int, end: int) -> tuple[tuple[int, int, int], ...]:
    """Start of the head, end of the relative pronoun phrase and end of each relative clause."""
    if not _RELATIVE_PRONOUN.search(text, start, end):
        return ()
    found = []
    for match in _RELATIVE_CLAUSE.finditer(text, start, end):
        clause_end = text.find(",", match.end(), end)
        found.append((match.start("head"), match.end(), end if clause_end < 0 else clause_end))
    return tuple(found)


def _without_dates(text: str, start: int, end: int, date_spans: Sequence[tuple[int, int]]) -> str:
    """The clause ``text[start:end]`` without its date expressions and their prepositions; a
    date that is the clause's subject stays, a possessive one becomes "the" ("this year's
    conference": "the conference"), and what joins two dates goes with them."""
    pieces: list[str] = []
    position = start
    for date_start, date_end in sorted(date_spans):
        if date_end <= start or date_start >= end:
            continue
        between = text[position:date_start]
        if pieces and _BETWEEN_DATES.fullmatch(between):
            position = max(position, date_end)
            continue
        if not text[start:date_start].strip() and _SUBJECT_DATE_VERB.match(text, date_end, end):
            continue  # the clause's subject: "2007 was the year ..."
        if _COPULA_BEFORE.search(between):
            continue  # its complement: "... was the year of the iPhone"
        possessive = _POSSESSIVE_AFTER.match(text, date_end, end)
        if possessive:
            pieces += (between, "the ")
            position = max(position, possessive.end())
            continue
        before = _without_preposition(between)
        space = _SPACE_BEFORE_WORD.match(text, date_end, end)
        if space and not _SPACE_BEFORE_CONJUNCTION.match(text, date_end, end):
            date_end = space.end()
        pieces.append(before)
        position = max(position, date_end)
    pieces.append(text[position:end])
    return "".join(pieces)


def _tidy(text: str) -> str:
    text = _with_acronyms(text)
    if "—" in text or "–" in text:
        text = _DASH_ASIDE.sub(", ", text)
    if "that " in text.lower():  # what every fronted adverbial follows
        text = _FRONTED_ADVERBIAL.sub("", text)
    if "(" in text:
        text = _SHORT_ASIDE.sub(r"\1", _LONG_ASIDE.sub("", text))
    text = " ".join(_QUOTES.sub("", text).replace("…", " ").split())
    text = _SPACE_BEFORE_MARK.sub("", text)
    if "," in text:
        text = _DOUBLE_COMMA.sub(",", text)
        text = _APPOSITION.sub(" ", _SHORT_ASIDE_COMMAS.sub(" ", text))
    return text.strip(_EDGE_MARKS)


def _without_preposition(text: str) -> str:
    """``text`` without the preposition it ends with ("held on "), searched for at the end."""
    found = _PREPOSITION_BEFORE.search(text, max(0, len(text.rstrip()) - _LONGEST_PREPOSITION))
    return text[: found.start()] if found else text


def _without_trailing_clause(title: str) -> str:
    """The title without a trailing ", which ..." or "and we ..." clause, whichever starts first."""
    found = [_COMMA_CLAUSE.search(title) if "," in title else None]  # which every one holds
    lowered = title.lower()
    if "and" in lowered or "but" in lowered:  # a fast test of what every joined clause holds
        found.append(_JOINED_CLAUSE.search(title))
    matches = [match for match in found if match]
    if not matches:
        return title
    first = min(matches, key=lambda match: match.start())
    return title[: first.start()] + title[first.end() :]


def _without_country(title: str) -> str:
    """Turn "talks in Sochi, Russia" into "talks in Sochi"."""
    comma = title.rfind(",")
    if comma < 0 or not _COUNTRY_TAIL.fullmatch(title, comma):
        return title
    return _CITY_COUNTRY.sub(r"\1", title)


def _with_acronyms(text: str) -> str:
    """ "Collective Security Treaty Organization (CSTO)" becomes "CSTO"."""
    if not _ACRONYM_MARK.search(text):
        return text

    def shorten(match: re.Match[str]) -> str:
        acronym = match.group("acronym")
        words = match.group("name").split()
        initials = [word[0] for word in words if word[0].isupper()]
        if "".join(initials[-len(acronym) :]) != acronym:
            return match.group()
        kept, needed = list(words), len(acronym)
        while needed:
            needed -= kept.pop()[0].isupper()
        return " ".join([*kept, acronym])

    return _ACRONYM.sub(lambda match: shorten(match) + " ", text)


def _turn_reported_speech(title: str) -> str:
    """Turn "Russia will act, Putin said" into "Putin said Russia will act" (a comma always comes
    before the speaker)."""
    match = _REPORTED.match(title) if "," in title else None
    if match is None:
        return title
    content = match.group("content")
    if _LOWERCASE_OPENERS.match(content):
        content = content[0].lower() + content[1:]
    return f"{match.group('speaker')} {match.group('verb')} {content}"


def _shortened(title: str) -> str:
    """Cut a long title before a clause, then before a phrase, then drop its opener."""
    participle = _PARTICIPLE_OPENER.match(title) if "," in title else None  # it ends in one
    if len(title) <= MAX_TITLE and not participle:
        return title
    attempts = (title, _without_opener(title))
    if participle:
        attempts = attempts[::-1]
    opener = _PREPOSITION_OPENER.match(title)
    for attempt in attempts:
        if len(attempt) <= MAX_TITLE:
            return attempt
        for pattern in (_CLAUSE_CUT, _PHRASE_CUT):
            cuts = [
                m.start() for m in pattern.finditer(attempt) if _MIN_CUT <= m.start() <= MAX_TITLE
            ]
            if cuts and not (opener and attempt is title and cuts[-1] < opener.end()):
                return attempt[: cuts[-1]].rstrip(" ,;:")
    return title[: title.rfind(" ", 0, MAX_TITLE - 1)].rstrip(" ,;:") + "…"


def _without_opener(title: str) -> str:
    """The title without a leading phrase before its first comma ("Following talks, ...")."""
    opener = _COMMA_OPENER.match(title)
    if opener and len(title) - opener.end() >= 25:
        return title[opener.end() :]
    return title


def _capitalized(title: str) -> str:
    return title[:1].upper() + title[1:]
