from extract.schema import EVENT_COLUMNS

CORE = [
    "event_id",
    "doc_id",
    "date",
    "end_date",
    "precision",
    "timex",
    "date_text",
    "title",
    "actors",
    "topics",
    "location",
    "amount",
    "sentence",
    "char_start",
    "char_end",
    "source",
    "url",
    "published",
    "confidence",
    "mentions",
]


def test_core_columns_come_first_in_order() -> None:
    assert list(EVENT_COLUMNS[: len(CORE)]) == CORE


def test_column_names_are_unique() -> None:
    assert len(set(EVENT_COLUMNS)) == len(EVENT_COLUMNS)
