"""Actors: people, organizations and countries named in a text.

Known actors come from ``actors.csv`` (any alias maps to the canonical name). Others are found
by shape: a name after a title ("spokesman Dmitry Peskov"), a run of two or three capitalized
name words ("Maria Kolesnikova"), or a capitalized phrase ending in an organization word
("National Guard"). Month and weekday names, places and demonyms are never taken for names.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache, cached_property
from operator import attrgetter

from extract.events.entities import (
    cleaned,
    company_forms,
    defined_acronyms,
    is_attribution,
    leading,
    of_organizations,
    products,
    pronoun_subject,
    refers_to_company,
    speaking_names,
    title_words,
)
from extract.knowledge.lexicon import Lexicon
from extract.knowledge.words import word_list, word_set
from extract.text.joined import ByText, Joined
from extract.text.letters import LETTER, LOWER, UPPER
from extract.text.names import (
    LeadWords,
    Mention,
    NameMatcher,
    alternation,
    matches_from,
    mentions_of,
)

#: Last words that make a capitalized phrase an organization.
ORGANIZATION_WORDS: frozenset[str] = word_set("organization_words.txt")
#: Capitalized words that start a sentence or name a time, never an actor's first word.
FUNCTION_WORDS: frozenset[str] = word_set("function_words.txt")
_TITLE_CASE_SMALL: frozenset[str] = word_set("title_case_small_words.txt")
#: Capitalized words that can be part of an organization's name but not of a person's.
GENERIC_WORDS: frozenset[str] = word_set("generic_words.txt")
#: Lowercase words that introduce an organization's name: "insurer Generali".
ORGANIZATION_INTRODUCERS: tuple[str, ...] = word_list("organization_introducers.txt")
_REPORTING_VERB = re.compile(
    r"\b(?:said|says|told|noted|added|stressed|explained|affirmed|declared|announced|wrote|"
    r"insisted|warned|argued|claimed|replied|recalled)\b|:\s*$"
)
#: Words before a capital that make it a place, not its government ("in Minsk").
_SPATIAL_WORDS = word_list("capital_place_words.txt")
#: A spatial word, whitespace and perhaps "the" ending a text ("visited the "), matched at the
#: start of the text reversed: one try instead of a search trying every position.
_SPATIAL_BEFORE_REVERSED = re.compile(
    rf"(?:\s+eht)?\s+(?:{'|'.join(word[::-1] for word in _SPATIAL_WORDS)})\b",
    re.IGNORECASE,
)
_COMMA = re.compile(r",\s*")
#: A currency sign right after a country's name makes it part of an amount: "US$5", "US $99".
_CURRENCY_SIGN = re.compile(r" ?[$€£¥]")
_START = attrgetter("start")
_INITIAL = re.compile(rf"([{LETTER}])[\w'’-]*")
# Possessive quantifiers (++) where giving characters back cannot lead to a match: a name word
# is always followed by whitespace, an apostrophe or hyphen, or a non-word character.
_NAME_WORD_REST = rf"[{LOWER}]++(?:[-'’][{UPPER}]?[{LOWER}]++)?"
_NAME_WORD = rf"[{UPPER}]{_NAME_WORD_REST}"
#: A capital letter that starts a word (not preceded by a word character or a hyphen); the
#: patterns start with it so that the regex engine can skip to the capitals.
_WORD_CAPITAL = rf"[{UPPER}](?<![\w-][{UPPER}])"
_NAME_RUN = re.compile(rf"{_WORD_CAPITAL}{_NAME_WORD_REST}(?:[ \t]{_NAME_WORD}){{1,4}}(?![\w-])")
_ORGANIZATION_RUN = re.compile(
    rf"{_WORD_CAPITAL}(?:{_NAME_WORD_REST}|[{UPPER}]++)"
    rf"(?:\s++(?:of|for|and|on)?\s*(?:{_NAME_WORD}|[{UPPER}]{{2,}}+))*"
    rf"\s++(?:{alternation(ORGANIZATION_WORDS)})(?![\w-])"
)


def find_actors(text: str, lexicon: Lexicon, extra: Mapping[str, str] | None = None) -> list[str]:
    """Canonical actor names in ``text``, in order of first mention.

    ``extra`` maps further surface forms to names, e.g. the surnames of people already seen in
    the same document.
    """
    return _names(actor_mentions(text, lexicon, extra or {}))


def actor_mentions(text: str, lexicon: Lexicon, extra: Mapping[str, str]) -> list[Mention]:
    """Known, extra and shape-detected actor mentions in ``text``, sorted by position."""
    known = _known(lexicon).mentions(text)
    without_known = _blank(text, known)
    places = place_forms(lexicon).mentions(without_known)
    for_unknown = _blank(without_known, places)
    unknown = _unknown(for_unknown, lexicon)
    extras = mentions_of(extra, _blank(for_unknown, unknown)) if extra else []
    return _actor_mentions(text, lexicon, known, places, unknown, extras)


def _actor_mentions(
    text: str,
    lexicon: Lexicon,
    known: Sequence[Mention],
    places: Sequence[Mention],
    unknown: Sequence[Mention],
    extras: Sequence[Mention],
    start: int = 0,
) -> list[Mention]:
    """The actor mentions of ``text`` from its known, place, shape-detected and extra ones;
    ``start`` is where the sentence they are in starts in ``text``."""
    countries = _countries(lexicon)
    found = [
        mention
        for mention in known
        if mention.name not in countries or not _is_place(text, mention, places, start)
    ]
    found += _governments(text, places, lexicon, start)
    found += unknown
    found += extras
    return sorted(found, key=_START)


def _names(mentions: Iterable[Mention]) -> list[str]:
    return list(dict.fromkeys(mention.name for mention in mentions))


def unknown_people(texts: Iterable[str], lexicon: Lexicon) -> dict[str, str]:
    """Surname -> full name for the people found by shape in a document's sentences."""
    return SentenceActors(Joined(list(texts)), lexicon).people


class SentenceActors:
    """The actors of each of a document's sentences, found in one pass over all of them, with
    the other names they go by in the document (see :mod:`extract.events.entities`)."""

    def __init__(self, joined: Joined, lexicon: Lexicon) -> None:
        self.joined, self.lexicon = joined, lexicon
        text = joined.text
        known = _with_of_organizations(
            text, _longer_names(text, _known(lexicon).mentions(text), lexicon)
        )
        acronyms = defined_acronyms(_blank(text, known))
        named = sorted(known + acronyms, key=_START)
        without_known = _blank(text, named)
        listed = place_forms(lexicon).mentions(text)
        places, for_actors, for_people = _places_blanked(without_known, named, listed, lexicon)
        found = _singular(products(for_actors, _not_leading(lexicon)))
        self._products = frozenset(m.name for m in found)
        for_actors, for_people = _blank(for_actors, found), _blank(for_people, found)
        unknown = _unknown_in(joined, for_actors, lexicon)
        people = _found_again(joined, joined.split(unknown), for_actors, for_people, lexicon)
        self.people = _people_in(people)
        self._blanked = _blank(for_actors, unknown)
        surnames = {word for m in (*known, *unknown) for word in m.name.split()}
        self._forms = {
            **speaking_names(self._blanked, _not_leading(lexicon) | surnames | self.people.keys()),
            **{m.name: m.name for m in acronyms if m.name not in _known(lexicon).canonical},
            **company_forms(text, unknown, _not_leading(lexicon)),
        }
        self._known, self._places = ByText(joined, known), ByText(joined, places)
        self._unknown = ByText(joined, sorted(unknown + found + acronyms, key=_START))
        self._listed = ByText(joined, listed)
        self._persons: list[tuple[str, ...]] = []
        self._people_cache: dict[int, list[Mention]] = {}

    @cached_property
    def _extras(self) -> ByText:
        forms = {**self._forms, **self.people}
        found = mentions_of(forms, self._blanked) if forms else []
        return ByText(self.joined, found)

    def places(self, index: int) -> list[Mention]:
        """The mentions of listed places in sentence ``index`` as is (actors not blanked),
        named by their form, as :func:`place_forms` finds them."""
        return self._listed[index]

    def actors(self, index: int) -> list[str]:
        """The canonical actor names of sentence ``index``, as :func:`find_actors` with the
        document's other names, and the people and company it refers to by pronoun or
        description."""
        names = _names(self._mentions(index))
        person = self._pronoun_person(index)
        if person and person not in names:
            names.append(person)
        if refers_to_company(self.joined.texts[index]):
            company = self._leading_organization
            if company and company not in names:
                names.append(company)
        return names

    def _span(self, index: int) -> tuple[int, int]:
        start = self.joined.starts[index]
        return start, start + len(self.joined.texts[index])

    def _mentions(self, index: int) -> list[Mention]:
        start, end = self._span(index)
        text = self.joined.text
        mentions = _actor_mentions(
            text,
            self.lexicon,
            self._known.between(start, end),
            self._places.between(start, end),
            self._unknown.between(start, end),
            self._extras.between(start, end),
            start,
        )
        outlets = _outlets(self.lexicon)
        return [
            mention
            for mention in mentions
            if (mention.name not in outlets or not is_attribution(text, mention, start))
            and not _CURRENCY_SIGN.match(text, mention.end)  # "US$5.41" is an amount
        ]

    def person_opens(self, index: int, before: int) -> bool:
        """Whether sentence ``index`` tells of a person the story named before it: one it refers
        to by "he" or "she", or names again (not a product) last before offset ``before``."""
        if 0 <= pronoun_subject(self.joined.texts[index]) < before:
            return True
        start = self._span(index)[0]
        named = [
            m
            for m in self._people_named(index)
            if m.start < start + before and m.name not in self._products
        ]
        # the subject is the person named last before the verb: "Putin spokesman Dmitry Peskov"
        return bool(named) and self.joined.text.rfind(named[-1].name.split()[-1], 0, start) >= 0

    def _people_named(self, index: int) -> list[Mention]:
        """:meth:`_person_mentions`, found once per sentence."""
        if index not in self._people_cache:
            self._people_cache[index] = self._person_mentions(index)
        return self._people_cache[index]

    def _pronoun_person(self, index: int) -> str:
        """The person "he" or "she" opening sentence ``index`` stands for: the first person
        named in the nearest of the three sentences before it that names one."""
        at = pronoun_subject(self.joined.texts[index])
        if at < 0:
            return ""
        start = self._span(index)[0]
        if any(m.start < start + at for m in self._person_mentions(index)):
            return ""
        for before in range(index - 1, max(-1, index - 4), -1):
            if persons := self._persons_of(before):
                return persons[0]
        return ""

    def _persons_of(self, index: int) -> tuple[str, ...]:
        """The people sentence ``index`` names or refers to by pronoun, found in order for the
        sentences up to it."""
        while len(self._persons) <= index:
            number = len(self._persons)
            named = tuple(dict.fromkeys(m.name for m in self._person_mentions(number)))
            pronoun = () if named else tuple(filter(None, [self._pronoun_person(number)]))
            self._persons.append(named or pronoun)
        return self._persons[index]

    def _person_mentions(self, index: int) -> list[Mention]:
        start, end = self._span(index)
        people = _people(self.lexicon)
        found = [
            *self._known.between(start, end),
            *self._unknown.between(start, end),
            *self._extras.between(start, end),
        ]
        return [m for m in found if m.name in people or _is_person_name(m.name)]

    @cached_property
    def _leading_organization(self) -> str:
        """The organization the document names most, when one clearly leads."""
        kinds, forms = _kinds(self.lexicon), self._forms
        mentions = (*self._known.mentions, *self._unknown.mentions, *self._extras.mentions)
        return leading(
            [
                m.name
                for m in mentions
                if kinds.get(m.name) == "organization"
                or m.name in forms
                or (m.name not in kinds and _is_organization_name(m.name))
            ]
        )


def _places_blanked(
    without_known: str, known: list[Mention], listed: list[Mention], lexicon: Lexicon
) -> tuple[list[Mention], str, str]:
    """The places in ``without_known``, a text with its ``known`` names blanked, where
    ``listed`` are its places as is; and that text with the places blanked, and with the places
    listed blanked."""
    matcher = place_forms(lexicon)
    places = matcher.blanked_mentions(listed, known)
    if places is None:
        places = matcher.mentions(without_known)
        return places, _blank(without_known, places), _blank(without_known, listed)
    blanked = _blank(without_known, places)  # the other places listed are blank already
    return places, blanked, blanked


def _found_again(
    joined: Joined, parts: list[list[Mention]], text: str, changed: str, lexicon: Lexicon
) -> list[list[Mention]]:
    """``parts``, the names found by shape in each part of ``text`` (a joined text with known
    names blanked), with those of the parts that differ in ``changed`` found there instead."""
    if changed == text:
        return parts
    found = []
    for index, part in enumerate(parts):
        new = joined.part(changed, index)
        found.append(part if new == joined.part(text, index) else _unknown(new, lexicon))
    return found


def _people_in(parts: Iterable[Iterable[Mention]]) -> dict[str, str]:
    """Surname -> full name for the person-shaped names among ``parts``' mentions, the last
    one of a surname winning."""
    people = {}
    for mentions in parts:
        for mention in mentions:
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


def _is_place(text: str, mention: Mention, places: Sequence[Mention], start: int) -> bool:
    """A name used as a place, as countries are in "in Belarus", "Sochi, Russia"; the sentence
    it is in starts at ``start``."""
    qualifies_place = any(_COMMA.fullmatch(text, place.end, mention.start) for place in places)
    return qualifies_place or _is_after_spatial_word(text, mention, start)


def _is_after_spatial_word(text: str, mention: Mention, start: int) -> bool:
    """Whether a spatial word ("in", "visited") comes right before ``mention`` in its sentence,
    which starts at ``start``."""
    before = text[max(start, mention.start - 40) : mention.start]
    return bool(_SPATIAL_BEFORE_REVERSED.match(before[::-1]))


#: Organization words that make a longer name of a name before them ("Apple Corps"); not a
#: legal form, a store or a conference, which belong to the organization named before them.
_NAME_EXTENDING_WORDS = ORGANIZATION_WORDS - {"Inc", "Ltd", "Corp", "Store", "Stores", "Conference"}
_LONGER_NAME = re.compile(
    rf"[ \t](?:[A-Z][\w&-]*[ \t]){{0,2}}(?:{alternation(_NAME_EXTENDING_WORDS)})(?![\w-])"
)


def _longer_names(text: str, known: list[Mention], lexicon: Lexicon) -> list[Mention]:
    """``known`` with the names of organizations and countries that go on into a longer
    organization's name ("Apple Corps", "Japan Airlines") taken for that name."""
    kinds = _kinds(lexicon)
    longer = []
    for mention in known:
        after = text[mention.end + 1 : mention.end + 2]
        more = (
            after.isupper()
            and kinds.get(mention.name) in ("organization", "country")
            and _LONGER_NAME.match(text, mention.end)
        )
        if more:
            name = " ".join(text[mention.start : more.end()].split())
            mention = Mention(mention.start, more.end(), name)
        longer.append(mention)
    return longer


def _singular(found: list[Mention]) -> list[Mention]:
    """Products named in the plural ("sold 3 million iPhones") as the product, when the
    document names it in the singular too ("iPhone"); a name that only ends in "s" ("iTunes")
    has no singular to find."""
    names = {mention.name for mention in found}
    return [
        Mention(m.start, m.end, m.name[:-1]) if m.name[-1:] == "s" and m.name[:-1] in names else m
        for m in found
    ]


def _with_of_organizations(text: str, known: list[Mention]) -> list[Mention]:
    """``known`` with the organizations named "Bank of Japan" (see :func:`of_organizations`)
    in place of the names inside them; one that overlaps a known name is left out."""
    found = [
        organization
        for organization in of_organizations(text, ORGANIZATION_WORDS, FUNCTION_WORDS)
        if not any(
            m.start < organization.end
            and organization.start < m.end
            and not (organization.start <= m.start and m.end <= organization.end)
            for m in known
        )
    ]
    if not found:
        return known
    kept = [m for m in known if not any(o.start <= m.start and m.end <= o.end for o in found)]
    return sorted(kept + found, key=_START)


@cache
def _kinds(lexicon: Lexicon) -> dict[str, str]:
    return {actor.name: actor.kind for actor in lexicon.actors}


@cache
def _outlets(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(actor.name for actor in lexicon.actors if actor.kind == "outlet")


@cache
def _not_leading(lexicon: Lexicon) -> frozenset[str]:
    """Words that start no product's or company's name: function and generic words, titles,
    organization words and places."""
    titles = title_words(lexicon.person_titles)
    return FUNCTION_WORDS | GENERIC_WORDS | ORGANIZATION_WORDS | titles | _place_names(lexicon)


def _is_organization_name(name: str) -> bool:
    head = name.split(" of ", 1)[0] if " of " in name else name
    return head.split()[-1] in ORGANIZATION_WORDS


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
def place_forms(lexicon: Lexicon) -> NameMatcher:
    """A matcher for the names and aliases of places, each named by itself."""
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


def _governments(
    text: str, places: Sequence[Mention], lexicon: Lexicon, start: int
) -> list[Mention]:
    """Capitals that stand for their country ("Moscow would grant Minsk a loan"), that is,
    capitals not introduced by a spatial word ("in Minsk"); their sentence starts at ``start``."""
    capitals = _capitals(lexicon)
    return [
        Mention(place.start, place.end, capitals[place.name])
        for place in places
        if place.name in capitals and not _is_after_spatial_word(text, place, start)
    ]


@cache
def _place_names(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(form for place in lexicon.places for form in (place.name, *place.aliases))


@cache
def _demonym_stems(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(place.name[:4] for place in lexicon.places if " " not in place.name)


def _unknown(text: str, lexicon: Lexicon) -> list[Mention]:
    """Names found by shape in ``text``, a sentence with known names blanked."""
    return _shaped(text, lexicon, lambda _: _is_headline(text))


def _unknown_in(joined: Joined, text: str, lexicon: Lexicon) -> list[Mention]:
    """Names found by shape in ``text``, the joined text with known names blanked; offsets are
    in the joined text."""
    headlines: dict[int, bool] = {}

    def is_headline(position: int) -> bool:
        index = joined.index(position)
        if index not in headlines:
            headlines[index] = _is_headline(joined.part(text, index))
        return headlines[index]

    return _shaped(text, lexicon, is_headline)


def _shaped(text: str, lexicon: Lexicon, is_headline: Callable[[int], bool]) -> list[Mention]:
    """Names found by shape in ``text``; ``is_headline(position)`` tells whether the sentence
    at ``position`` is Title Case, where runs of capitalized words are no names."""
    found = [
        _without_leading_function_words(match)
        for match in _ORGANIZATION_RUN.finditer(text)
        if not _starts_sentence_only(match.group())
    ]
    blanked = _blank(text, found)
    # Found before the titled names are blanked: an organization word leading a name after that
    # was followed by whitespace and a capital before too (titled names start with one).
    leads = _lead_words(lexicon).starts(blanked)
    titled = _titled(blanked, lexicon, leads)
    blanked = _blank(blanked, titled)
    introduced = _introduced_organizations(blanked, leads)
    found += titled + introduced
    for run in _NAME_RUN.finditer(_blank(blanked, introduced)):
        if (person := _person_in_run(run, lexicon)) and not is_headline(run.start()):
            found.append(person)
    titles = title_words(lexicon.person_titles)
    names = (Mention(start, end, " ".join(name.split())) for start, end, name in found)
    tidy = (cleaned(mention, titles, _is_person_name) for mention in names)
    return [mention for mention in tidy if mention]


@cache
def _titled_pattern(lexicon: Lexicon) -> re.Pattern[str]:
    alternatives = alternation(title.lower() for title in lexicon.person_titles)
    return re.compile(
        rf"(?<![\w-])(?i:{alternatives})\s+(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})(?![\w-])"
    )


_INTRODUCED_ORGANIZATION = re.compile(
    rf"\b(?:{'|'.join(ORGANIZATION_INTRODUCERS)})\s+(?P<name>(?:[A-Z][\w&.-]+)(?:\s+[A-Z][\w&.-]+){{0,2}})"
)


def _titled(text: str, lexicon: Lexicon, starts: list[int]) -> list[Mention]:
    """Names right after a title: "spokesman Dmitry Peskov", "President Tokayev"; ``starts``
    holds every position where one may start."""
    found = []
    for match in _titled_matches(text, lexicon, starts):
        name = match.group("name")
        if not any(word in FUNCTION_WORDS or word in GENERIC_WORDS for word in name.split()):
            found.append(Mention(match.start("name"), match.end("name"), name))
    return found


def _titled_matches(text: str, lexicon: Lexicon, starts: list[int]) -> list[re.Match[str]]:
    """The matches of the titled pattern, tried at ``starts``, where :func:`_lead_words` finds
    a word that may start one."""
    return matches_from(_titled_pattern(lexicon), text, starts)


@cache
def _lead_words(lexicon: Lexicon) -> LeadWords:
    """Where titled names and introduced organizations may start: the titles (as the titled
    pattern matches them, ignoring case) and the organization words; the case of these, and a
    hyphen before a title, are not told apart, which finds some more."""
    titles = (title.lower() for title in lexicon.person_titles)
    return LeadWords((*titles, *ORGANIZATION_INTRODUCERS))


def _introduced_organizations(text: str, starts: list[int]) -> list[Mention]:
    """Names right after a word for a kind of organization: "insurer Generali"; ``starts``
    holds every position where one may start."""
    matches = matches_from(_INTRODUCED_ORGANIZATION, text, starts)
    return [
        Mention(match.start("name"), match.end("name"), match.group("name"))
        for match in matches
        if match.group("name").split()[0] not in FUNCTION_WORDS
    ]


def _person_in_run(match: re.Match[str], lexicon: Lexicon) -> Mention | None:
    """The person's name in a run of capitalized words, without the non-name words around it
    ("Maria Kolesnikova" in "Opposition Leader Maria Kolesnikova Monday")."""
    words = list(re.finditer(r"\S+", match.group()))
    titles = title_words(lexicon.person_titles)
    last_title = max((i for i, word in enumerate(words) if word.group() in titles), default=-1)
    del words[: last_title + 1]
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
    """Title Case text ("Putin Affirms Support for Lukashenko"), where capitals say nothing:
    mostly capitalized words, and none in lower case but the small words Title Case leaves so
    (a sentence dense with names still has its verbs in lower case)."""
    words = [match.group() for match in _INITIAL.finditer(text)]
    capitalized = sum(word[0].isupper() for word in words)
    return (
        len(words) >= 4
        and capitalized >= 0.7 * len(words)
        and all(word[0].isupper() or word.lower() in _TITLE_CASE_SMALL for word in words)
    )


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
    pieces: list[str] = []
    position = 0
    for start, end, _ in sorted(mentions):
        if start < position:  # overlaps the mention before
            start = position
        if end > start:
            pieces += (text[position:start], " " * (end - start))
            position = end
    pieces.append(text[position:])
    return "".join(pieces)
