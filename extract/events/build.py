"""Events: the dated happenings of a document, one row of ``events.csv`` each.

A sentence with a date expression gives one event per date. A sentence without one that
continues the story (see :mod:`extract.events.narrative`) and holds a standalone trigger word
("agreed", "met") gives an event with the narrative's date, marked ``inferred``. Mentions of the
same event merge into one row whose ``mentions`` counts them (see :func:`same_event`); the row
keeps the first mention's sentence, offsets and paragraph, and the actors, topics, places and
amounts of all mentions.

``char_start``/``char_end`` are offsets into :attr:`Document.text` (the body after the front
matter): ``doc.text[char_start:char_end]`` is the sentence exactly; the ``sentence`` column holds
it with whitespace runs collapsed to single spaces. Add ``doc.body_offset`` for offsets into the
whole file.

Confidence: 0.5 for an explicit date (0.7 when stated to the day or week), 0.3 for one the
story lends (the narrative's or the publication date), 0.2 for an unanchored one; plus 0.15 with
a trigger word and 0.15 with a known or detected actor; plus 0.05 per further mention; at most 1.
An event without an explicit date stays below 0.5, under any event with one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property, lru_cache

from extract.events.actors import SentenceActors, find_speaker
from extract.events.amounts import find_amounts
from extract.events.anchored import (
    Happened,
    anchor_day,
    located_at,
    references,
    since_references,
)
from extract.events.dating import (
    EVENT_NOUNS,
    LEAD_SENTENCES,
    Dating,
    dates_an_event,
    default_dating,
    moves_narrative,
    news_anchor,
)
from extract.events.limits import paragraph_window
from extract.events.narrative import Anchor, Narrative, is_quote
from extract.events.periods import DayRange, precision_of, to_period
from extract.events.places import dateline_place, locations_in
from extract.events.titles import clause_span, headline
from extract.events.topics import document_topic, event_topic, find_topics
from extract.events.triggers import (
    TriggerMention,
    find_triggers,
    has_standalone_trigger,
    main_trigger,
)
from extract.knowledge.lexicon import Lexicon, load_lexicon
from extract.knowledge.words import word_list
from extract.reading.dateline import read_dateline
from extract.reading.documents import Document
from extract.schema import MULTI_VALUE_SEPARATOR
from extract.text.boilerplate import story_paragraphs
from extract.text.clauses import (
    MAIN,
    PAST,
    PERFECT,
    PLUPERFECT,
    REPORTING,
    Attachment,
    Predicate,
    has_past_form,
    is_single_verb,
    parse,
)
from extract.text.joined import Joined
from extract.text.names import alternation
from extract.text.sentences import Sentence, paragraph_spans, split_sentences, squeeze
from extract.text.textnorm import analysis_text
from extract.timex import Timex, tag

__all__ = ["Event", "event_rows", "extract_events", "find_events", "load_lexicon"]

#: Sentences shorter than this many words (datelines, headings) give no events.
MIN_WORDS = 4
DATE_TYPES = ("DATE", "TIME")
#: How events dated by the story rather than by a date expression of their own are marked.
_STORY_DATED = frozenset(("published", "inferred"))
#: A year written out in a date expression ("May 2020", "'19"): it is not moved.
_YEAR_WRITTEN = re.compile(r"\d{4}|['’]\d\d\b")
_LOWERCASE_WORDS = re.compile(r"(?:\s+[a-z][a-z-]*){1,3}")
#: The event noun phrase of a subordinate mention before its date: "since the disputed
#: election of", "after the summit on" (group 1: the phrase).
_PHRASE_BEFORE_DATE = re.compile(
    r"\b(?:since|after|before|until|following|ahead of)\s+the\s+"
    r"((?:[a-z][a-z-]*\s+){0,2}[a-z][a-z-]*)\s+(?:of|on|in)\s+$"
)


@dataclass(frozen=True)
class Event:
    """One event before it becomes a row."""

    sentence: Sentence
    dating: Dating
    title: str
    event_kind: str
    actors: tuple[str, ...]
    topics: tuple[str, ...]
    locations: tuple[str, ...]
    amounts: tuple[str, ...]
    has_trigger: bool
    verb_trigger: bool
    mentions: int = 1
    nominal: bool = False  # titled by the event noun its date modifies ("presidential election")


def extract_events(doc: Document, lexicon: Lexicon | None = None) -> list[dict[str, str]]:
    """The rows of ``events.csv`` for one document, keyed by ``EVENT_COLUMNS``."""
    return event_rows(doc, find_events(doc, lexicon or load_lexicon()))


def find_events(doc: Document, lexicon: Lexicon) -> list[Event]:
    """The document's events, merged, in document order."""
    spans = paragraph_spans(doc.text)
    story = story_paragraphs(doc.text, spans, lexicon.boilerplate, doc.title)
    sentences = [
        sentence
        for sentence in split_sentences(doc.text)
        if sentence.paragraph in story and _has_words(sentence.text, MIN_WORDS)
    ]
    text = analysis_text(doc.text)
    # a wire dateline gives the place, the outlet and the filing day: no actor, no event's date
    opening = read_dateline(text).end
    after_dateline = " " * opening + text[opening:]
    named = _Named([after_dateline[s.start : s.end] for s in sentences], lexicon)
    return _merged(list(_events(doc, text, sentences, lexicon, named)))


def event_rows(doc: Document, events: list[Event]) -> list[dict[str, str]]:
    """``events`` as CSV rows, their keys in the order of ``EVENT_COLUMNS``."""
    if not events:
        return []
    spans = paragraph_spans(doc.text)
    published = doc.published.isoformat() if doc.published else ""
    rows = []
    for number, event in enumerate(events, start=1):
        sentence = event.sentence
        dating = event.dating
        period = dating.period
        row = {  # in the order of EVENT_COLUMNS
            "event_id": f"{doc.doc_id}-{number}",
            "doc_id": doc.doc_id,
            "date": period.start.isoformat() if period else "",
            "end_date": period.end.isoformat() if period else "",
            "precision": dating.precision,
            "timex": dating.timex,
            "date_text": dating.date_text,
            "title": event.title,
            "actors": MULTI_VALUE_SEPARATOR.join(event.actors),
            "topics": MULTI_VALUE_SEPARATOR.join(event.topics),
            "location": MULTI_VALUE_SEPARATOR.join(event.locations),
            "amount": MULTI_VALUE_SEPARATOR.join(event.amounts),
            "sentence": squeeze(event.sentence.text),
            "char_start": str(event.sentence.start),
            "char_end": str(event.sentence.end),
            "source": doc.source,
            "url": doc.url,
            "published": published,
            "confidence": f"{confidence(event):.2f}",
            "mentions": str(event.mentions),
            "date_source": dating.date_source,
            "doc_title": doc.title,
            "paragraph": paragraph_window(
                doc.text, spans[sentence.paragraph], (sentence.start, sentence.end)
            ),
        }
        rows.append(row)
    return rows


#: Confidence of an event by how its date is known (see :func:`confidence`).
EXPLICIT_DAY_CONFIDENCE, EXPLICIT_CONFIDENCE = 0.7, 0.5
STORY_CONFIDENCE, UNANCHORED_CONFIDENCE = 0.3, 0.2
#: The most an event without an explicit date reaches: below any explicitly dated one.
UNDATED_CEILING = 0.45
#: What a trigger word, an actor and each further mention add to it.
TRIGGER_WEIGHT, ACTOR_WEIGHT, MENTION_WEIGHT = 0.15, 0.15, 0.05


def confidence(event: Event) -> float:
    """The heuristic described in the module docstring."""
    dating = event.dating
    if dating.date_source == "explicit":
        to_the_day = dating.period and dating.period.precision in ("day", "week")
        score = EXPLICIT_DAY_CONFIDENCE if to_the_day else EXPLICIT_CONFIDENCE
        ceiling = 1.0
    else:
        story = dating.date_source in _STORY_DATED
        score = STORY_CONFIDENCE if story else UNANCHORED_CONFIDENCE
        ceiling = UNDATED_CEILING
    score += TRIGGER_WEIGHT * event.has_trigger + ACTOR_WEIGHT * bool(event.actors)
    return min(ceiling, score + MENTION_WEIGHT * (event.mentions - 1))


def _events(
    doc: Document,
    text: str,
    sentences: list[Sentence],
    lexicon: Lexicon,
    named: _Named,
) -> Iterator[Event]:
    narrative = Narrative()
    opening = read_dateline(text).end  # a wire dateline's date is the filing day, no event's
    timexes = [timex for timex in tag(text, doc.published) if timex.start >= opening]
    dates, durations = _dates_by_sentence(timexes, sentences)
    dateline = dateline_place(text, lexicon)
    speaker: _Speaker | None = None
    news = _news_day(doc, named.texts, dates)
    happened: list[Happened] = []  # the events on a known day so far, for "after the strike"
    for index, sentence in enumerate(sentences):
        sentence_text = named.texts[index]
        quoted = is_quote(sentence_text)
        continuing = narrative.continues(index, sentence_text, quoted)
        reference = narrative.reference_date(continuing, quoted)
        if reference and reference != doc.published:
            retagged = _retagged(sentence_text, reference)
            timexes = [timex for timex in retagged if _is_event_date(timex)]
            spans_of = [timex for timex in retagged if _is_day_count(timex)]
        else:
            timexes, spans_of = dates.get(index, []), durations.get(index, [])
        if (
            spans_of
            or "ince " in sentence_text
            or any(timex.text.endswith(("after", "before")) for timex in timexes)
        ):
            timexes = _event_anchored(sentence_text, timexes, spans_of, happened, lexicon)
        speaker = _Speaker(sentence_text, lexicon, named.people, speaker if quoted else None)
        anchor = narrative.anchor if continuing else None
        at = located_at(sentence_text, happened, lexicon.triggers, EVENT_NOUNS)
        if at is not None:  # "at the annual conference": the story is back at that event
            anchor = Anchor(at.period, at.period.start.isoformat(), "", at.actors)
            narrative.move_to(index, anchor)
            continuing = True
        lead = index < LEAD_SENTENCES and sentence.paragraph == sentences[0].paragraph
        standalone = has_standalone_trigger(sentence_text, lexicon)
        # what a person did at the narrative's event: "He demoed the widget."
        narrating = (
            anchor is not None
            and sentence_text[:1] not in _OPENING_QUOTES  # it may end with what was said
            and not standalone
            and anchor.period.precision == "day"
        )
        clauses = (
            parse(sentence_text)
            if timexes
            or standalone
            or lead
            or _REPORTING_WORD.search(sentence_text)
            or (
                narrating
                and has_past_form(sentence_text)
                and named.actors.person_opens(index, _SUBJECT_REACH)
            )
            else None
        )
        attached = [(t, clauses.attach(t.start, t.end)) for t in timexes] if clauses else []
        own = _finest(
            [
                (t, a)
                for t, a in attached
                if dates_an_event(a, clauses.noun_after(t.end), lexicon.triggers)  # type: ignore[union-attr]
            ]
        )
        main = clauses.main if clauses else None
        default = None
        narrated = bool(
            narrating
            and main is not None
            and main.clause == MAIN
            and main.tense == PAST
            and is_single_verb(main)  # "demoed", not "was defeated"
            and not own
            and named.actors.person_opens(index, main.start)
        )
        if main is not None and _needs_default(
            main, own, standalone or narrated, lead, quoted and not narrated
        ):
            default = default_dating(
                main, published=doc.published, anchor=anchor, news=news, lead=lead
            )
        inferred = anchor if not own and default is None and standalone else None
        if not (own or default or inferred):
            if continuing:
                narrative.touch(index)
            continue
        context = _Context(
            sentence,
            sentence_text,
            lexicon,
            named(index),
            find_triggers(sentence_text, lexicon),
            anchor.actors if anchor and (quoted or not own) else (),
            bool(_ANAPHORIC_SUBJECT.match(sentence_text)),
            dateline if sentence.paragraph == sentences[0].paragraph else "",
            speaker,
        )
        spans = [(timex.start, timex.end) for timex, _ in attached]
        events = [
            context.dated(timex, spans, _by_publication(a, doc.published)) for timex, a in own
        ]
        movers = [
            (t, e)
            for (t, a), e in zip(own, events, strict=True)
            if t.anchored and moves_narrative(a)
        ]
        if movers and not quoted:
            narrative.move_to(index, _anchor(movers))
        if default is not None:
            assert main is not None
            events.append(context.by_default(main, spans, default))
            if news is not None and not movers and _at_news(default, news, narrative.anchor):
                narrative.return_to(index, news)  # back at the news after a flashback
        elif inferred is not None:
            events.append(context.inferred(inferred))
        if continuing:
            narrative.touch(index)
        lowered = sentence_text.lower()
        happened += [
            Happened(lowered, event.event_kind, event.dating.period, event.actors)
            for event in events
            if event.dating.period and event.dating.period.precision == "day"
        ]
        yield from events


_OPENING_QUOTES = '“"‘«„'
#: How far into a sentence the person a clause is told of may be named ("Apple CEO Steve Jobs
#: unveiled ...").
_SUBJECT_REACH = 60
_REPORTING_WORD = re.compile(rf"\b(?:{alternation(REPORTING)})\b")
_ANAPHORIC_SUBJECT = re.compile(
    rf"(?i:{alternation(word_list('anaphoric_subjects.txt'))})\b(?!\s+(?:of|who)\b)"
)


def _needs_default(
    main: Predicate,
    own: list[tuple[Timex, Attachment]],
    standalone: bool,
    lead: bool,
    quoted: bool,
) -> bool:
    """Whether the main clause makes an event of its own, dated by default: it has no date of
    its own, and it reports a statement, holds an event word or opens the story."""
    if any(a.predicate is None or a.predicate.clause == MAIN for _, a in own):
        return False  # a date of a main clause dates the clauses coordinated with it
    if quoted and not main.reporting:
        return False
    return main.reporting or standalone or lead


def _by_publication(attachment: Attachment, published: date | None) -> date | None:
    """The publication date, for a date of a clause told in the past (which happened by then);
    else None."""
    predicate = attachment.predicate
    told_past = predicate is not None and predicate.tense in (PAST, PERFECT, PLUPERFECT)
    return published if told_past else None


def _at_news(dating: Dating, news: Anchor, current: Anchor | None) -> bool:
    """Whether an event so dated by default tells the news and brings a story back to it from
    a flashback ("He fought cancer in 2004. ... Jobs has not said when he will return"); a
    story already at the news day keeps its narrative (and the actors of its event)."""
    if current is not None and current.period == news.period:
        return False
    return dating.date_source == "published" or dating.period == news.period


def _finest(own: list[tuple[Timex, Attachment]]) -> list[tuple[Timex, Attachment]]:
    """The dates of a sentence's events without those that hold a finer date of the same
    predicate: "this year's conference ... yesterday", "shares rose on Tuesday, the most in
    2010" tell one happening, on the finer date."""
    if len(own) < 2:
        return own
    periods = [_period(t.value) if t.anchored else None for t, _ in own]
    return [
        (timex, attachment)
        for (timex, attachment), period in zip(own, periods, strict=True)
        if period is None
        or not any(
            other is not None
            and other != period
            and period.start <= other.start
            and other.end <= period.end
            and attachment.predicate == own[k][1].predicate
            for k, other in enumerate(periods)
        )
    ]


def _news_day(doc: Document, texts: list[str], dates: dict[int, list[Timex]]) -> Anchor | None:
    """The day of the news (see :func:`news_anchor`) from the first day its lead dates a main
    clause by; None without a publication date."""
    if doc.published is None:
        return None
    for index in range(min(LEAD_SENTENCES, len(texts))):
        clauses = parse(texts[index]) if dates.get(index) else None
        for timex in dates.get(index, []):
            if not (
                timex.anchored
                and clauses
                and moves_narrative(clauses.attach(timex.start, timex.end))
            ):
                continue
            period = _period(timex.value)
            if period and period.precision == "day":
                lead = Anchor(period, timex.value, timex.text)
                return news_anchor(doc.published, lead)
    return news_anchor(doc.published, None)


class _Speaker:
    """Who a sentence quotes (see :func:`find_speaker`), else for a quote who the previous
    sentence quoted; found only when a first-person title asks for it."""

    def __init__(
        self, text: str, lexicon: Lexicon, people: dict[str, str], previous: _Speaker | None
    ) -> None:
        self.text, self.lexicon, self.people = text, lexicon, people
        self.previous = previous
        self.name: str | None = None

    def __call__(self) -> str:
        pending: list[_Speaker] = []
        node: _Speaker | None = self
        while node is not None and node.name is None:  # a loop: runs of quotes may be long
            pending.append(node)
            node = node.previous
        name = node.name if node is not None and node.name is not None else ""
        for node in reversed(pending):
            name = find_speaker(node.text, node.lexicon, node.people) or name
            node.name, node.previous = name, None
        return name


@lru_cache(maxsize=1024)
def _retagged(text: str, reference: date) -> tuple[Timex, ...]:
    """The timexes of a sentence resolved against ``reference`` instead of the publication date;
    cached, as quotes recur with the same reference date (syndicated copies, repeated quotes)."""
    return tuple(tag(text, reference))


def _has_words(text: str, count: int) -> bool:
    """Whether ``text`` has at least ``count`` words (split no further than that)."""
    return len(text.split(maxsplit=count - 1)) >= count


def _dates_by_sentence(
    timexes: list[Timex], sentences: list[Sentence]
) -> tuple[dict[int, list[Timex]], dict[int, list[Timex]]]:
    """The event dates (see :func:`_is_event_date`) and the counts of days (see
    :func:`_is_day_count`) among a document's timexes, by the number of the sentence that holds
    them, in order, with offsets relative to it."""
    starts = [sentence.start for sentence in sentences]
    dates: dict[int, list[Timex]] = {}
    durations: dict[int, list[Timex]] = {}
    for timex in timexes:
        index = bisect_right(starts, timex.start) - 1
        if index < 0 or timex.end > sentences[index].end:
            continue
        found = dates if _is_event_date(timex) else durations if _is_day_count(timex) else None
        if found is not None:
            offset = starts[index]
            shifted = replace(timex, start=timex.start - offset, end=timex.end - offset)
            found.setdefault(index, []).append(shifted)
    return dates, durations


def _is_day_count(timex: Timex) -> bool:
    """Whether ``timex`` counts days or weeks ("two days"), which may date by an event ("two
    days after the strike", see :mod:`extract.events.anchored`)."""
    return timex.type == "DURATION" and timex.value[-1:] in ("D", "W")


def _event_anchored(
    text: str,
    timexes: list[Timex],
    durations: list[Timex],
    happened: list[Happened],
    lexicon: Lexicon,
) -> list[Timex]:
    """The dates of sentence ``text`` with each phrase that dates by an earlier event ("two
    days after the strike") as one date of the day it names, or as none when the story told
    no such event."""
    found = references(text, sorted((*timexes, *durations), key=lambda timex: timex.start))
    if "ince " in text:
        found += since_references(text, EVENT_NOUNS, lexicon.triggers)
    if not found:
        return timexes
    kept = [
        timex
        for timex in timexes
        if not any(ref.start <= timex.start and timex.end <= ref.end for ref in found)
    ]
    for ref in found:
        day = anchor_day(ref, happened, lexicon.triggers)
        if day is not None:
            kept.append(Timex(ref.start, ref.end, ref.text, "DATE", day.start.isoformat(), True))
    return sorted(kept, key=lambda timex: timex.start)


def _is_event_date(timex: Timex) -> bool:
    if timex.type not in DATE_TYPES:
        return False
    if timex.anchored:
        return _period(timex.value) is not None
    return bool(precision_of(timex.value))


@lru_cache(maxsize=4096)
def _period(value: str) -> DayRange | None:
    """:func:`to_period`, cached: the same dates recur within and across documents."""
    return to_period(value)


def _anchor(dated: list[tuple[Timex, Event]]) -> Anchor:
    """The narrative anchor of a sentence: its first day-precise date, else its first date."""
    daily = [(timex, event) for timex, event in dated if event.dating.precision == "day"]
    timex, event = (daily or dated)[0]
    assert event.dating.period is not None
    return Anchor(event.dating.period, timex.value, timex.text, event.actors)


class _Named:
    """What each of a document's sentences names, found for all of them at once."""

    def __init__(self, texts: list[str], lexicon: Lexicon) -> None:
        self.texts, self.lexicon = texts, lexicon
        self.actors = SentenceActors(Joined(texts), lexicon)
        self.people = self.actors.people

    @cached_property
    def document_topics(self) -> tuple[str, ...]:
        """The top-level topic of the whole story, for sentences that name none."""
        topic = document_topic(self.actors.joined.text, self.lexicon)
        return (topic,) if topic else ()

    def __call__(self, index: int) -> _Mentioned:
        text = self.texts[index]
        return _Mentioned(
            actors=tuple(self.actors.actors(index)),
            topics=tuple(find_topics(text, self.lexicon)) or self.document_topics,
            locations=tuple(locations_in(text, self.actors.places(index), self.lexicon)),
            amounts=tuple(find_amounts(text)),
        )


@dataclass(frozen=True)
class _Mentioned:
    """The actors, topics, places and amounts a sentence names."""

    actors: tuple[str, ...]
    topics: tuple[str, ...]
    locations: tuple[str, ...]
    amounts: tuple[str, ...]


@dataclass(slots=True)
class _Context:
    """What an event needs to know about its sentence."""

    sentence: Sentence
    text: str
    lexicon: Lexicon
    mentioned: _Mentioned  # what the sentence names, the same for each of its events
    triggers: list[TriggerMention]
    #: The actors of the narrative event a quote or inference belongs to, for a sentence that
    #: names none: one that names its own tells who acts in it.
    inherited: tuple[str, ...]
    #: Whether the sentence opens with a subject that points back ("Both leaders", "He"), so
    #: that the inherited actors join those it names.
    anaphoric: bool
    dateline: str  # the dateline's place, for sentences of the first paragraph
    speaker: _Speaker  # who is quoted, for titles in the first person

    def dated(
        self, timex: Timex, date_spans: list[tuple[int, int]], until: date | None = None
    ) -> Event:
        """The event a date expression dates; one told in the past ends by ``until`` (the
        publication date): "has filed a lawsuit this week" was filed by the day of the news,
        and "was set in May", published in March, in the May before."""
        value = timex.value
        period = _period(value) if timex.anchored else None
        if period and until and period.start > until and not _YEAR_WRITTEN.search(timex.text):
            value = f"{int(value[:4]) - 1:04d}{value[4:]}" if value[:4].isdigit() else value
            period = _period(value)
        if period and until and period.start <= until < period.end:
            period = DayRange(period.start, until, period.precision)
        event = self._event(
            timex.start,
            date_spans,
            Dating(
                period=period,
                timex=value,
                date_text=timex.text,
                date_source="explicit" if timex.anchored else "unanchored",
                precision=period.precision if period else precision_of(timex.value),
            ),
        )
        phrase = self._nominal_phrase(timex.end) or self._phrase_before(timex.start)
        return (
            replace(event, title=phrase[:1].upper() + phrase[1:], nominal=True) if phrase else event
        )

    def _nominal_phrase(self, date_end: int) -> str:
        """The event noun a date modifies: "presidential election" in "Aug. 9 presidential
        election"; empty unless the phrase has a modifier, so it can stand as a title."""
        words = _LOWERCASE_WORDS.match(self.text, date_end)
        if not words:
            return ""
        phrase: list[str] = []
        for word in words.group().split():
            phrase.append(word)
            trigger = self.lexicon.triggers.get(word)
            if trigger and not trigger.standalone:
                return " ".join(phrase) if len(phrase) > 1 else ""
        return ""

    def _phrase_before(self, date_start: int) -> str:
        """The event noun phrase of a subordinate mention ending just before its date: "the
        disputed election" in "since the disputed election of August 9" (the main clause is
        another happening); empty unless its last word is an event noun."""
        found = _PHRASE_BEFORE_DATE.search(self.text, max(0, date_start - 80), date_start)
        if not found:
            return ""
        trigger = self.lexicon.triggers.get(found[1].rsplit(maxsplit=1)[-1])
        return found[1] if trigger and not trigger.standalone else ""

    def by_default(
        self, main: Predicate, date_spans: list[tuple[int, int]], dating: Dating
    ) -> Event:
        """The event of a main clause, dated by its tense and the story; of the kind its verb
        names (what its objects name is not what the clause tells happened)."""
        return self._event(main.start, date_spans, dating, (main.start, main.end))

    def inferred(self, anchor: Anchor) -> Event:
        standalone = [m for m in self.triggers if m.trigger.standalone]
        dating = Dating(
            anchor.period, anchor.value, anchor.text, "inferred", anchor.period.precision
        )
        return self._event(standalone[0].start, [], dating)

    def _event(
        self,
        anchor: int,
        date_spans: list[tuple[int, int]],
        dating: Dating,
        verb: tuple[int, int] | None = None,
    ) -> Event:
        """The event anchored at ``anchor``; of the kind its trigger names, or with ``verb``
        (the span of a main clause's verb group) the kind that verb names, if any."""
        start, end = clause_span(self.text, anchor)
        if verb is None:
            trigger = main_trigger(self.triggers, anchor, start, end)
        else:
            trigger = next((m for m in self.triggers if verb[0] <= m.start < verb[1]), None)
        mentioned = self.mentioned
        return Event(
            sentence=self.sentence,
            dating=dating,
            title=headline(self.text, anchor, date_spans, self.speaker),
            event_kind=trigger.trigger.event if trigger else "",
            actors=_lent(mentioned.actors, self.inherited, self.anaphoric),
            topics=mentioned.topics or _kind_topics(trigger),
            locations=mentioned.locations or ((self.dateline,) if self.dateline else ()),
            amounts=mentioned.amounts,
            has_trigger=trigger is not None,
            verb_trigger=bool(trigger and trigger.trigger.standalone),
        )


def _lent(own: tuple[str, ...], inherited: tuple[str, ...], anaphoric: bool) -> tuple[str, ...]:
    """The actors of an event: those its sentence names, else those it inherits from the
    narrative; both when its subject points back to the narrative's."""
    if not own or not anaphoric:
        return own or inherited
    return tuple(dict.fromkeys(own + inherited))


def _kind_topics(trigger: TriggerMention | None) -> tuple[str, ...]:
    """The topic of the kind of event a trigger names, for an event with no other topic."""
    topic = event_topic(trigger.trigger.event) if trigger else ""
    return (topic,) if topic else ()


def _merged(events: list[Event]) -> list[Event]:
    """Each event merged into the first earlier one it is the same as (see :func:`same_event`,
    which requires the same :func:`_when`: events are looked up by it, then compared by
    :func:`_told_alike`)."""
    kept: list[Event] = []
    by_when: dict[tuple[object, ...], list[int]] = {}
    for event in events:
        candidates = by_when.setdefault(_when(event), [])
        index = next((i for i in candidates if _told_alike(kept[i], event)), None)
        if index is None:
            candidates.append(len(kept))
            kept.append(event)
        else:
            kept[index] = _combined(kept[index], event)
    return kept


def same_event(first: Event, second: Event) -> bool:
    """Same date, and the same title or the same kind of event told the same way.

    Events of one kind on one day are the same when their triggers are nouns ("the election",
    "the talks") or when they share an actor; verb-triggered ones with no actor in common stay
    apart ("Russia agreed to X" and "Belarus agreed to Y").
    """
    return _when(first) == _when(second) and _told_alike(first, second)


def _told_alike(first: Event, second: Event) -> bool:
    """Whether two mentions of the same :func:`_when` tell the same event (see
    :func:`same_event`)."""
    if first.title.lower() == second.title.lower():
        return True
    if not first.event_kind or first.event_kind != second.event_kind:
        return False
    if first.dating.date_source != second.dating.date_source:
        return False
    if first.dating.date_source in _STORY_DATED:
        return False  # a date the story lends says nothing of which happening is told
    nouns = not (first.verb_trigger or second.verb_trigger)
    return nouns or bool(set(first.actors) & set(second.actors))


def _when(event: Event) -> tuple[object, ...]:
    """What two mentions must share to be one event: the period; for an unanchored date, its
    value when partly known ("XXXX-08-09"), else its value and wording ("last month")."""
    dating = event.dating
    if dating.period:
        return (dating.period,)
    if any(char.isdigit() for char in dating.timex):
        return (dating.timex,)
    return (dating.timex, dating.date_text.lower())


def _combined(first: Event, second: Event) -> Event:
    def union(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a + b))

    title = first.title
    if second.nominal and (not first.nominal or len(second.title) > len(title)):
        title = second.title
    return replace(
        first,
        title=title,
        nominal=first.nominal or second.nominal,
        actors=union(first.actors, second.actors),
        topics=union(first.topics, second.topics),
        locations=union(first.locations, second.locations),
        amounts=union(first.amounts, second.amounts),
        has_trigger=first.has_trigger or second.has_trigger,
        verb_trigger=first.verb_trigger or second.verb_trigger,
        mentions=first.mentions + second.mentions,
    )
