"""Dates told by another event ("two days after the strike"): the phrases and their days."""

from datetime import date

from extract.events.anchored import Happened, anchor_day, references
from extract.events.periods import DayRange
from extract.knowledge.lexicon import Lexicon
from extract.timex import Timex

MONDAY = DayRange(date(2024, 3, 4), date(2024, 3, 4), "day")
TUESDAY = DayRange(date(2024, 3, 5), date(2024, 3, 5), "day")


def test_a_count_of_days_before_after_the_noun_is_a_reference() -> None:
    text = "Two days after the strike, engineers restored power."
    (ref,) = references(text, [Timex(0, 8, "Two days", "DURATION", "P2D", True)])
    assert (ref.text, ref.noun, ref.days) == ("Two days after the strike", "strike", 2)


def test_the_day_before_the_noun_is_a_reference() -> None:
    text = "The day before the vote, the army warned residents."
    timex = Timex(0, 14, "The day before", "DATE", "2024-03-03", True)
    (ref,) = references(text, [timex])
    assert (ref.noun, ref.days) == ("vote", -1)


def test_months_and_plain_durations_are_no_references() -> None:
    text = "Two months after the strike, and for two days, nothing moved."
    durations = [
        Timex(0, 10, "Two months", "DURATION", "P2M", True),
        Timex(36, 44, "two days", "DURATION", "P2D", True),
    ]
    assert references(text, durations) == []


def test_the_anchor_is_the_latest_event_naming_the_happening(lexicon: Lexicon) -> None:
    (ref,) = references(
        "A week after the strike, it reopened.",
        [Timex(0, 6, "A week", "DURATION", "P1W", True)],
    )
    friday = DayRange(date(2024, 3, 1), date(2024, 3, 1), "day")
    happened = [
        Happened("workers went on strike on friday.", "", friday),
        Happened("missiles struck the plant on monday.", "", MONDAY),  # "struck": a form
        Happened("the mayor spoke on tuesday.", "", TUESDAY),
    ]
    assert anchor_day(ref, happened, lexicon.triggers) == DayRange(
        date(2024, 3, 11), date(2024, 3, 11), "day"
    )
    assert anchor_day(ref, happened[2:], lexicon.triggers) is None
