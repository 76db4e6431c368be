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


def dated_title(sentence: str, *dates: str, anchor: str = "") -> str:
    """The title of ``sentence`` for the event at ``anchor`` (its first date by default), its
    date expressions being ``dates``."""
    spans = [(sentence.find(d), sentence.find(d) + len(d)) for d in dates]
    return headline(sentence, sentence.find(anchor or dates[0]), spans)


def test_a_wire_dateline_is_not_part_of_the_title() -> None:
    sentence = "KYIV, March 5 (Reuters) - Ukraine's parliament approved the budget on Tuesday."
    assert dated_title(sentence, "March 5", "Tuesday", anchor="Tuesday") == (
        "Ukraine's parliament approved the budget"
    )
    sentence = "WASHINGTON (AP) — The Senate passed the bill on Monday."
    assert dated_title(sentence, "Monday") == "The Senate passed the bill"


def test_a_leading_conjunction_goes() -> None:
    sentence = "Officials insisted on Monday — that the agreement would be signed in Brussels."
    title = dated_title(sentence, "Monday", anchor="agreement")
    assert title == "The agreement would be signed in Brussels"


def test_a_possessive_date_becomes_the() -> None:
    sentence = "Shares fell 3% after Wednesday's close."
    assert dated_title(sentence, "Wednesday") == "Shares fell 3% after the close"


def test_two_dates_go_with_what_joins_them() -> None:
    sentence = "He made an appearance in March and June to unveil the new tablet."
    title = dated_title(sentence, "March", "June")
    assert title == "He made an appearance to unveil the new tablet"


def test_a_date_that_is_the_subject_stays() -> None:
    assert dated_title("2007 was the year of the smartphone.", "2007") == (
        "2007 was the year of the smartphone"
    )
    assert dated_title("Unfortunately, that day has come.", "that day") == "That day has come"


def test_no_dangling_fragments() -> None:
    sentence = "Acme's latest suit, filed in September 2003, claims that the retailer broke it."
    assert dated_title(sentence, "September 2003") == (
        "Acme's latest suit claims that the retailer broke it"
    )
    sentence = "The analyst, with Barclays, estimated on Friday that"
    assert dated_title(sentence, "Friday") == "The analyst, with Barclays, estimated"


def test_never_just_a_name_with_a_title() -> None:
    sentence = (
        "Steve Jobs, the Apple Chief Executive Officer, announced the new phone at a developers' "
        "conference on Monday, where he promoted the older model by saying it was twice as slow."
    )
    assert dated_title(sentence, "Monday") == (
        "Steve Jobs announced the new phone at a developers conference"  # quotes go, as before
    )
    sentence = "European Trade Commissioner Valdis Dombrovskis — on Tuesday, in Kyiv — signed it."
    assert dated_title(sentence, "Tuesday") != "European Trade Commissioner Valdis Dombrovskis"


def test_a_list_after_a_comma_is_no_apposition() -> None:
    sentence = (
        "Acme makes the best-selling drill, the D200 and launched the Acme Store, an online "
        "shop, on April 28, 2003."
    )
    assert dated_title(sentence, "April 28, 2003") == (
        "Acme makes the best-selling drill, the D200 and launched the Acme Store, an online shop"
    )


def test_an_aside_about_the_subject_leaves_no_bare_subject() -> None:
    sentence = (
        "The finance minister, who took office in 2019, told reporters the plan would be "
        "sent to the president next week."
    )
    assert dated_title(sentence, "2019", "next week", anchor="2019") == (
        "The finance minister took office"
    )
    assert dated_title(sentence, "2019", "next week", anchor="next week") == (
        "The finance minister told reporters the plan would be sent to the president"
    )
