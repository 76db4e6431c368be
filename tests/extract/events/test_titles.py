import pytest

from extract.events.titles import MAX_TITLE, headline
from extract.text.textnorm import analysis_text

CASES = [
    (
        "On Monday, Vladimir Putin met with Belarusian President Alexander Lukashenko in Sochi, "
        "Russia.",
        "Monday",
        "Vladimir Putin met with Belarusian President Alexander Lukashenko in Sochi",
    ),
    (
        "“We will have to continue our cooperation in defense…”(T)oday we start the military "
        "exercises that were planned last year, which are scheduled to run for several days.”",
        "Today",
        "We start the military exercises that were planned",
    ),
    (
        "“We will have to continue our cooperation in defense…”(T)oday we start the military "
        "exercises that were planned last year, which are scheduled to run for several days.”",
        "last year",
        "Military exercises that were planned",
    ),
    (
        "Last month, Putin said it was formed in accordance with Russia’s Collective Security "
        "Treaty Organization (CSTO) obligations — a 1992 seven-nation Commonwealth of Independent "
        "States defense alliance (including Russia and Belarus) against foreign aggression.",
        "1992",
        "Seven-nation Commonwealth of Independent States defense alliance",
    ),
    (
        "Following Monday Putin/Lukashenko discussions, it was agreed that Russia will disband "
        "its law enforcement reserve unit and National Guard forces positioned along the border.",
        "Monday",
        "It was agreed that Russia will disband its law enforcement reserve unit",
    ),
    (
        "Russian security forces would only be used in Belarus if elements in the country “cross "
        "certain lines (by) torch(ing) houses,” Putin explained last month.",
        "last month",
        "Putin explained Russian security forces would only be used in Belarus",
    ),
    (
        "Separately in a Monday Washington Post op-ed — written by her US handlers — Svetlana "
        "Tikhanovskaya tried reinventing history by falsely claiming victory on August 9.",
        "Monday",
        "In a Washington Post op-ed, Svetlana Tikhanovskaya tried reinventing history",
    ),
]


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        (
            "Police arrested the suspect on Nov. 25 at his home.",
            "Police arrested the suspect at his home",
        ),
        (
            "The ship sank on Nov. 25 during a storm off the coast.",
            "The ship sank during a storm off the coast",
        ),
    ],
)
def test_the_preposition_of_a_date_goes_with_it(sentence: str, title: str) -> None:
    start = sentence.find("Nov. 25")
    assert headline(sentence, start, [(start, start + len("Nov. 25"))]) == title


@pytest.mark.parametrize(("sentence", "date_text", "title"), CASES)
def test_headline_is_the_clause_without_the_date(sentence: str, date_text: str, title: str) -> None:
    text = analysis_text(sentence)
    dates = ["Today", "last year", "Last month", "1992", "Monday", "August 9", "last month"]
    spans = [(text.find(d), text.find(d) + len(d)) for d in dates if d in text]
    anchor = text.find(date_text)
    assert headline(text, anchor, spans) == title


def test_long_titles_are_cut_at_a_word_boundary() -> None:
    text = "Officials " + "really " * 30 + "said so."
    title = headline(text, 0, [])
    assert len(title) <= MAX_TITLE
    assert title.endswith("…")


def test_first_person_titles_are_credited_to_the_speaker() -> None:
    text = "“We agreed that Moscow would grant Minsk a state loan of $1.5 billion.”"
    assert headline(text, 3, [], speaker="Putin") == (
        "Putin: We agreed that Moscow would grant Minsk a state loan of $1.5 billion"
    )
    assert (
        headline(text, 3, [])
        == "We agreed that Moscow would grant Minsk a state loan of $1.5 billion"
    )
