"""Actors: people, organizations and countries named in a text.

Known actors come from ``actors.csv`` (any alias maps to the canonical name). Others are found
by shape: a name after a title ("spokesman Dmitry Peskov"), a run of two or three capitalized
name words ("Maria Kolesnikova"), or a capitalized phrase ending in an organization word
("National Guard"). Month and weekday names, places and demonyms are never taken for names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache, lru_cache

from extract.lexicon import Lexicon
from extract.names import Mention, NameMatcher, alternation


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Last words that make a capitalized phrase an organization.
ORGANIZATION_WORDS: frozenset[str] = _word_set(
    """Organization Organisation Ministry Council Party Bank Committee Union Agency Institute
    University Corporation Company Group Post Times News Fund Court Commission Assembly
    Parliament Army Forces Guard Association Foundation Network Service Department Office
    Alliance Federation Front Movement Coalition Authority Board Bureau Police Navy Inc Ltd
    Corp Club League Society Press Media Television Radio Airlines Airways Centre Center"""
)
#: Capitalized words that start a sentence or name a time, never an actor's first word.
FUNCTION_WORDS: frozenset[str] = _word_set(
    """The A An On In At Of For And But Or Nor If As By To From With Without Both This That These
    Those Their His Her Its Our My Your We He She It They I You Mr Mrs Ms Dr Sir Lady Lord
    January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday
    Saturday Sunday Today Yesterday Tomorrow Last Next Early Late Earlier Later Then Now
    Separately Meanwhile However Indeed Also Following Supported According Despite After Before
    During Since Until While When Where What Who Why How Yes No Not Some Many Several Such
    Theme Note Disclaimer Comment Articles Become Visit Opposition"""
)
#: Capitalized words that can be part of an organization's name but not of a person's.
GENERIC_WORDS: frozenset[str] = _word_set(
    """President Minister Prime Chancellor Secretary Senator Governor Mayor Ambassador General
    Spokesman Spokeswoman Spokesperson Chairman Director Judge King Queen Prince Pope
    National Federal Republic State States United Central International Global World Union
    Treaty Security Collective Democratic Republican Independent Commonwealth Research
    Progressive Radio Hour Network God Internet Web Facebook Twitter Telegram YouTube Instagram
    Street Avenue Square Human Rights Interior Foreign Defense Defence Justice Health"""
)
#: Lowercase words that introduce an organization's name: "insurer Generali".
ORGANIZATION_INTRODUCERS: tuple[str, ...] = (
    "insurer", "company", "firm", "bank", "lender", "carrier", "airline", "retailer", "automaker",
    "carmaker", "manufacturer", "giant", "group", "startup", "broadcaster", "newspaper", "agency",
    "party", "outlet", "producer", "operator", "developer", "conglomerate", "miner",
)  # fmt: skip
_REPORTING_VERB = re.compile(
    r"\b(?:said|says|told|noted|added|stressed|explained|affirmed|declared|announced|wrote|"
    r"insisted|warned|argued|claimed|replied|recalled)\b|:\s*$"
)
_SPATIAL_BEFORE = re.compile(
    r"\b(?:in|at|near|from|to|into|inside|outside|across|via|visited|visit|visiting)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_COMMA = re.compile(r",\s*")
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_NAME_WORD = r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?"
_NAME_RUN = re.compile(rf"(?<![\w-]){_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,4}}(?![\w-])")
_ORGANIZATION_RUN = re.compile(
    rf"(?<![\w-])(?:{_NAME_WORD}|[A-Z]{{2,}})(?:\s+(?:of|for|and|on)?\s*(?:{_NAME_WORD}|[A-Z]{{2,}}))*"
    rf"\s+(?:{'|'.join(sorted(ORGANIZATION_WORDS))})(?![\w-])"
)


def find_actors(text: str, lexicon: Lexicon, extra: Mapping[str, str] | None = None) -> list[str]:
    """Canonical actor names in ``text``, in order of first mention.

    ``extra`` maps further surface forms to names, e.g. the surnames of people already seen in
    the same document.
    """
    mentions = actor_mentions(text, lexicon, extra or {})
    return list(dict.fromkeys(mention.name for mention in mentions))


def actor_mentions(text: str, lexicon: Lexicon, extra: Mapping[str, str]) -> list[Mention]:
    """Known, extra and shape-detected actor mentions in ``text``, sorted by position."""
    known = _known_mentions(text, lexicon)
    places = list(_places(lexicon).mentions(_blank(text, known)))
    found = [m for m in known if not _is_country_as_place(text, m, places, lexicon)]
    found += _governments(text, places, lexicon)
    found += _unknown(_blank(text, [*known, *places]), lexicon)
    if extra:
        matcher = _extra_matcher(frozenset(extra.items()))
        found += matcher.mentions(_blank(text, [*known, *found, *places]))
    return sorted(found, key=lambda mention: mention.start)


@lru_cache(maxsize=1024)
def _known_mentions(text: str, lexicon: Lexicon) -> tuple[Mention, ...]:
    """Known actors in a sentence: found once for its people, its actors and its speaker."""
    return tuple(_known(lexicon).mentions(text))


@lru_cache(maxsize=16)
def _extra_matcher(forms: frozenset[tuple[str, str]]) -> NameMatcher:
    """A matcher for a document's extra names, built once for all its sentences."""
    return NameMatcher(forms)


def unknown_people(texts: Iterable[str], lexicon: Lexicon) -> dict[str, str]:
    """Surname -> full name for the people found by shape in a document's sentences."""
    people = {}
    for text in texts:
        known = [*_known_mentions(text, lexicon), *_places(lexicon).mentions(text)]
        for mention in _unknown(_blank(text, known), lexicon):
            if _is_person_name(mention.name):
                people[mention.name.split()[-1]] = mention.name
    return people


def find_speaker(text: str, lexicon: Lexicon, extra: Mapping[str, str] | None = None) -> str:
    """The surname of the person a sentence reports as speaking ("Putin said", "spokesman
    Dmitry Peskov affirmed"): the last person named before the first reporting verb, or ''."""
    verb = _REPORTING_VERB.search(text)
    if verb is None:
        return ""
    people = _people(lexicon)
    before = [
        mention.name
        for mention in actor_mentions(text[: verb.start()], lexicon, extra or {})
        if mention.name in people or _is_person_name(mention.name)
    ]
    return before[-1].split()[-1] if before else ""


def _is_country_as_place(
    text: str, mention: Mention, places: list[Mention], lexicon: Lexicon
) -> bool:
    """A country named as a place, not as an actor: "in Belarus", "Sochi, Russia"."""
    if mention.name not in _countries(lexicon):
        return False
    qualifies_place = any(_COMMA.fullmatch(text, place.end, mention.start) for place in places)
    return qualifies_place or bool(
        _SPATIAL_BEFORE.search(text[max(0, mention.start - 40) : mention.start])
    )


@cache
def _countries(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(actor.name for actor in lexicon.actors if actor.kind == "country")


@cache
def _people(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(actor.name for actor in lexicon.actors if actor.kind == "person")


@cache
def _known(lexicon: Lexicon) -> NameMatcher:
    return NameMatcher(
        (form, actor.name) for actor in lexicon.actors for form in (actor.name, *actor.aliases)
    )


@cache
def _places(lexicon: Lexicon) -> NameMatcher:
    names = _place_names(lexicon)
    return NameMatcher((form, form) for form in names)


@cache
def _capitals(lexicon: Lexicon) -> dict[str, str]:
    actors = {actor.name for actor in lexicon.actors}
    return {
        form: place.country
        for place in lexicon.places
        if place.kind == "capital" and place.country in actors
        for form in (place.name, *place.aliases)
    }


def _governments(text: str, places: list[Mention], lexicon: Lexicon) -> list[Mention]:
    """Capitals that stand for their country ("Moscow would grant Minsk a loan"), that is,
    capitals not introduced by a spatial word ("in Minsk")."""
    capitals = _capitals(lexicon)
    return [
        Mention(place.start, place.end, capitals[place.name])
        for place in places
        if place.name in capitals
        and not _SPATIAL_BEFORE.search(text[max(0, place.start - 40) : place.start])
    ]


@cache
def _place_names(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(form for place in lexicon.places for form in (place.name, *place.aliases))


@cache
def _demonym_stems(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(place.name[:4] for place in lexicon.places if " " not in place.name)


@lru_cache(maxsize=1024)
def _unknown(text: str, lexicon: Lexicon) -> tuple[Mention, ...]:
    """Names found by shape in ``text`` (known names blanked); pure, so cached: a document's
    people and a sentence's actors look at the same blanked sentence."""
    found = [
        _without_leading_function_words(match)
        for match in _ORGANIZATION_RUN.finditer(text)
        if not _starts_sentence_only(match.group())
    ]
    found += _titled(_blank(text, found), lexicon)
    found += _introduced_organizations(_blank(text, found))
    runs = list(_NAME_RUN.finditer(_blank(text, found)))
    if runs and not _is_headline(text):
        people = (_person_in_run(match, lexicon) for match in runs)
        found += [mention for mention in people if mention]
    return tuple(
        Mention(mention.start, mention.end, " ".join(mention.name.split())) for mention in found
    )


@cache
def _titled_pattern(lexicon: Lexicon) -> re.Pattern[str]:
    alternatives = alternation(title.lower() for title in lexicon.person_titles)
    return re.compile(
        rf"(?<![\w-])(?i:{alternatives})\s+(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})(?![\w-])"
    )


_INTRODUCED_ORGANIZATION = re.compile(
    rf"\b(?:{'|'.join(ORGANIZATION_INTRODUCERS)})\s+(?P<name>(?:[A-Z][\w&.-]+)(?:\s+[A-Z][\w&.-]+){{0,2}})"
)


def _titled(text: str, lexicon: Lexicon) -> list[Mention]:
    """Names right after a title: "spokesman Dmitry Peskov", "President Tokayev"."""
    found = []
    for match in _titled_pattern(lexicon).finditer(text):
        name = match.group("name")
        if not any(word in FUNCTION_WORDS or word in GENERIC_WORDS for word in name.split()):
            found.append(Mention(match.start("name"), match.end("name"), name))
    return found


def _introduced_organizations(text: str) -> list[Mention]:
    """Names right after a word for a kind of organization: "insurer Generali"."""
    return [
        Mention(match.start("name"), match.end("name"), match.group("name"))
        for match in _INTRODUCED_ORGANIZATION.finditer(text)
        if match.group("name").split()[0] not in FUNCTION_WORDS
    ]


def _person_in_run(match: re.Match[str], lexicon: Lexicon) -> Mention | None:
    """The person's name in a run of capitalized words, without the non-name words around it
    ("Maria Kolesnikova" in "Opposition Leader Maria Kolesnikova Monday")."""
    words = list(re.finditer(r"\S+", match.group()))
    while words and _is_non_name(words[0].group(), lexicon):
        words.pop(0)
    while words and _is_non_name(words[-1].group(), lexicon):
        words.pop()
    if not words:
        return None
    start, end = match.start() + words[0].start(), match.start() + words[-1].end()
    name = " ".join(word.group() for word in words)
    if not _is_person_name(name) or any(_is_demonym(w.group(), lexicon) for w in words):
        return None
    return Mention(start, end, name)


def _is_non_name(word: str, lexicon: Lexicon) -> bool:
    return (
        word.lower() in _title_words(lexicon)
        or word in FUNCTION_WORDS
        or word in GENERIC_WORDS
        or word in ORGANIZATION_WORDS
        or _is_demonym(word, lexicon)
    )


@cache
def _title_words(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(title.lower() for title in lexicon.person_titles if " " not in title)


def _is_headline(text: str) -> bool:
    """Title Case text ("Putin Affirms Support for Lukashenko"), where capitals say nothing."""
    words = _WORD.findall(text)
    capitalized = sum(word[0].isupper() for word in words)
    return len(words) >= 4 and capitalized >= 0.7 * len(words)


def _is_person_name(name: str) -> bool:
    words = name.split()
    return 2 <= len(words) <= 3 and not any(
        word in FUNCTION_WORDS or word in GENERIC_WORDS or word in ORGANIZATION_WORDS
        for word in words
    )


def _is_demonym(word: str, lexicon: Lexicon) -> bool:
    return word.endswith(("ian", "ean", "ese", "ish", "an")) and word[:4] in _demonym_stems(lexicon)


def _without_leading_function_words(match: re.Match[str]) -> Mention:
    start, phrase = match.start(), match.group()
    while (first := phrase.split(maxsplit=1))[0] in FUNCTION_WORDS and len(first) > 1:
        start += len(phrase) - len(first[1])
        phrase = first[1]
    return Mention(start, match.end(), phrase)


def _starts_sentence_only(phrase: str) -> bool:
    """A phrase like "Both Army" whose first word is capitalized only by the sentence."""
    return phrase.split()[0] in FUNCTION_WORDS and len(phrase.split()) <= 2


def _blank(text: str, mentions: Sequence[Mention]) -> str:
    """``text`` with the mentioned spans replaced by spaces, so later matchers skip them."""
    if not mentions:
        return text
    pieces, position = [], 0
    for start, end in sorted((mention.start, mention.end) for mention in mentions):
        if end > position:
            start = max(start, position)
            pieces += [text[position:start], " " * (end - start)]
            position = end
    pieces.append(text[position:])
    return "".join(pieces)
