import pandas as pd

from dashboard import colours


def test_styles_follow_the_vocabulary_not_the_data() -> None:
    vocabulary = ["elections", "diplomacy", "economy"]
    styles = colours.topic_styles(vocabulary, ["economy", "diplomacy"])
    assert styles["diplomacy"] == colours.TopicStyle("#CC6677", "circle")
    assert styles["economy"] == colours.TopicStyle("#DDCC77", "circle")
    alone = colours.topic_styles(vocabulary, ["economy"])
    assert alone["economy"] == styles["economy"]
    assert styles[colours.NO_TOPIC].colour == colours.NO_TOPIC_COLOUR


def test_past_ten_topics_the_shape_changes() -> None:
    assert colours.style_at(0) == colours.TopicStyle("#88CCEE", "circle")
    assert colours.style_at(10) == colours.TopicStyle("#88CCEE", "square")
    assert colours.style_at(23) == colours.TopicStyle("#117733", "diamond")
    assert len({colours.style_at(i) for i in range(30)}) == 30


def test_unknown_topics_keep_a_style_of_their_own_name() -> None:
    first = colours.topic_styles(["a"], ["weather on mars"])["weather on mars"]
    again = colours.topic_styles(["a", "b", "c"], ["weather on mars", "x"])["weather on mars"]
    assert first == again and first.colour in colours.PALETTE


def test_the_shipped_vocabulary_gives_narrower_topics_the_first_styles() -> None:
    vocabulary = colours.load_vocabulary(None)
    assert vocabulary.names[:3] == ("elections", "legislature", "diplomacy")
    assert "politics" in vocabulary.names and "politics" not in vocabulary.narrower
    assert "elections" in vocabulary.narrower
    cells = pd.Series(["politics; elections", "politics"])
    assert list(colours.colour_topics(cells, vocabulary.narrower)) == ["elections", "politics"]
    assert colours.in_vocabulary_order(["politics", "zebra", "diplomacy"], vocabulary.names) == [
        "diplomacy",
        "politics",
        "zebra",
    ]
