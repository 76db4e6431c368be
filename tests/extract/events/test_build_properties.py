from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.events.build import extract_events
from extract.knowledge.lexicon import Lexicon
from extract.reading.documents import Document, DocumentError, parse_document
from extract.text.sentences import squeeze

PHRASES = (
    "On Monday last week yesterday today 9 August 2020 Aug. 9 2019-03-04 in May June of the "
    "year 1992 month ago two days next Friday, Vladimir Putin met Lukashenko Sochi Russia Belarus "
    "said agreed signed election loan $1.5 billion “quoted” (CSTO) Collective Security Treaty "
    "Organization . . , ; : — - 12:30 p.m. 1990s spring Q3 early late \n \n\n"
)
WORDS = tuple(PHRASES.split(" "))
TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(WORDS) | st.text(max_size=6), max_size=80).map(" ".join),
)
PUBLISHED = st.none() | st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
FRONT_MATTER = st.dictionaries(
    st.sampled_from(("id", "title", "published", "source", "url", "author")),
    st.one_of(
        st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)).map(str),
        st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), max_size=20),
    ),
)
PROPERTY = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def check(doc: Document, lexicon: Lexicon) -> None:
    rows = extract_events(doc, lexicon)
    for row in rows:
        if row["date"]:
            assert row["date"] <= row["end_date"]
        start, end = int(row["char_start"]), int(row["char_end"])
        assert 0 <= start <= end <= len(doc.text)
        assert row["sentence"] == squeeze(doc.text[start:end])
    assert extract_events(doc, lexicon) == rows


@PROPERTY
@given(text=TEXTS, published=PUBLISHED)
def test_any_text_with_or_without_a_publication_date(
    lexicon: Lexicon, text: str, published: date | None
) -> None:
    check(Document(doc_id="doc", text=text, published=published), lexicon)


@PROPERTY
@given(fields=FRONT_MATTER, body=TEXTS)
def test_any_front_matter(lexicon: Lexicon, fields: dict[str, str], body: str) -> None:
    front = "".join(f"{key}: {' '.join(value.split())}\n" for key, value in fields.items())
    try:
        doc = parse_document(f"---\n{front}---\n{body}", "doc.md")
    except DocumentError:  # rejected with a reason, as the command line reports it
        return
    check(doc, lexicon)
