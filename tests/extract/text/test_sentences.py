from hypothesis import given
from hypothesis import strategies as st

from extract.text.sentences import paragraph_spans, split_sentences, squeeze


def texts(text: str) -> list[str]:
    return [sentence.text for sentence in split_sentences(text)]


def test_abbreviations_do_not_end_sentences() -> None:
    text = "Mr. Smith met Dr. Jones in the U.S. on Aug. 9 at 5 p.m. The talks ended."
    assert texts(text) == [
        "Mr. Smith met Dr. Jones in the U.S. on Aug. 9 at 5 p.m.",
        "The talks ended.",
    ]


def test_dotted_acronym_ends_a_sentence_before_a_sentence_starter() -> None:
    assert texts("He moved to the U.S. The rest followed.") == [
        "He moved to the U.S.",
        "The rest followed.",
    ]


def test_quotes_stay_with_their_sentence() -> None:
    text = "“We agreed.” He left. “Is it over?” she asked. “(W)e start today,” Putin said."
    assert texts(text) == [
        "“We agreed.”",
        "He left.",
        "“Is it over?” she asked.",
        "“(W)e start today,” Putin said.",
    ]


def test_a_detached_closing_quote_ends_its_sentence() -> None:
    text = 'Jobs called it " the best system in the world. " Sales rose. " We won. " He left.'
    assert texts(text) == [
        'Jobs called it " the best system in the world. "',
        "Sales rose.",
        '" We won. "',
        "He left.",
    ]


def test_a_name_written_with_inner_capitals_starts_a_sentence() -> None:
    text = (
        "Android phones outsold iPhones. iPhone users still browse more. eBay fell. "
        "He left. and so on."
    )
    assert texts(text) == [
        "Android phones outsold iPhones.",
        "iPhone users still browse more.",
        "eBay fell.",
        "He left. and so on.",
    ]


def test_paragraphs_split_on_blank_lines_and_number_sentences() -> None:
    text = "First one. Second one.\n\nThird\nwraps here.\n"
    sentences = split_sentences(text)
    assert [(s.text, s.paragraph) for s in sentences] == [
        ("First one.", 0),
        ("Second one.", 0),
        ("Third\nwraps here.", 1),
    ]
    assert squeeze(sentences[2].text) == "Third wraps here."
    assert [text[start:end] for start, end in paragraph_spans(text)] == [
        "First one. Second one.",
        "Third\nwraps here.",
    ]


@given(st.text(alphabet='ab .!?\n“”"A', max_size=80))
def test_offsets_are_exact_slices(text: str) -> None:
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()
