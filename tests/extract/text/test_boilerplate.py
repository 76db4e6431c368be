from extract.knowledge.lexicon import Lexicon
from extract.text.boilerplate import story_paragraphs
from extract.text.sentences import paragraph_spans

STORY = "\n\n".join(
    [
        "Theme: Intelligence",
        "On Monday the leaders met in Sochi. They talked for hours.",
        "*",
        "Note to readers: please click the share buttons below.",
        "Award-winning author Jane Doe lives in Chicago.",
        "Disclaimer: The contents of this article are of sole responsibility of the author.",
    ]
)


def kept(text: str, lexicon: Lexicon, title: str = "") -> list[str]:
    spans = paragraph_spans(text)
    indexes = story_paragraphs(text, spans, lexicon.boilerplate, title)
    return [text[start:end] for number, (start, end) in enumerate(spans) if number in indexes]


def test_notes_bios_disclaimers_and_markers_are_dropped(lexicon: Lexicon) -> None:
    assert kept(STORY, lexicon) == ["On Monday the leaders met in Sochi. They talked for hours."]


def test_a_repeated_title_is_dropped(lexicon: Lexicon) -> None:
    assert kept("Big News\n\nSomething happened on Monday.", lexicon, "Big News") == [
        "Something happened on Monday."
    ]


def test_a_footer_rule_near_the_top_drops_only_its_paragraph(lexicon: Lexicon) -> None:
    text = "Note to readers: share this.\n\n" + "The summit opened on Monday in Geneva. " * 20
    assert kept(text, lexicon) == [text.split("\n\n")[1].strip()]
