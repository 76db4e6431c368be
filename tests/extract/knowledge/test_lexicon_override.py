"""A user's lexicon directory extends the shipped lexicons (``--lexicons``)."""

from pathlib import Path

import pytest

from extract import LexiconError, load_lexicon
from extract.events.actors import find_actors
from extract.events.topics import find_topics


def write(directory: Path, name: str, text: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / name).write_text(text, encoding="utf-8")
    return directory


def test_a_row_with_a_shipped_name_replaces_it_in_place_and_new_rows_are_added(
    tmp_path: Path,
) -> None:
    shipped = load_lexicon()
    user = write(
        tmp_path,
        "actors.csv",
        "name,aliases,kind\n"
        "Qarlinta Harbour Board,harbour board of Qarlinta,organization\n"
        "vladimir putin,Vladimir Vladimirovich,person\n",
    )
    lexicon = load_lexicon(user)
    assert len(lexicon.actors) == len(shipped.actors) + 1
    assert lexicon.actors[-1].name == "Qarlinta Harbour Board"
    position = [actor.name for actor in shipped.actors].index("Vladimir Putin")
    assert lexicon.actors[position].name == "vladimir putin"
    assert lexicon.actors[position].aliases == ("Vladimir Vladimirovich",)
    text = "Vladimir Vladimirovich met the harbour board of Qarlinta."
    assert find_actors(text, lexicon) == ["vladimir putin", "Qarlinta Harbour Board"]
    assert lexicon.places == shipped.places  # files the user does not give stay as shipped


def test_lines_of_a_text_file_are_added(tmp_path: Path) -> None:
    shipped = load_lexicon()
    user = write(tmp_path, "person_titles.txt", "# mine\nHarbour Master\nPresident\n")
    assert load_lexicon(user).person_titles == (*shipped.person_titles, "Harbour Master")


def test_topics_and_triggers_are_extended(tmp_path: Path) -> None:
    write(tmp_path, "topics.csv", "topic,keywords\ntransport,ferry|ferry line\n")
    write(tmp_path, "triggers.csv", "word,event,standalone\nFerried,transport,yes\n")
    lexicon = load_lexicon(tmp_path)
    assert find_topics("A ferry line opened.", lexicon) == ["transport"]
    assert lexicon.triggers["ferried"].standalone
    assert lexicon.triggers["met"].event == "meeting"


def test_other_files_are_ignored_unless_they_look_like_a_misnamed_lexicon(tmp_path: Path) -> None:
    write(tmp_path, "README.md", "my lexicons")
    assert load_lexicon(tmp_path).actors == load_lexicon().actors
    write(tmp_path, "actor.csv", "name,aliases,kind\n")
    with pytest.raises(LexiconError, match=r"actor\.csv: not a lexicon file name \(expected one"):
        load_lexicon(tmp_path)


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            "actors.csv",
            "name,aliases\nQarlinta,\n",
            r"actors\.csv: missing column kind \(expected name, aliases, kind\)",
        ),
        ("places.csv", "name,aliases,kind,country\n,x,city,Y\n", r"places\.csv: line 2: empty"),
        ("boilerplate.txt", "footer: Subscribe\n", r"boilerplate\.txt: rule must start with"),
        ("boilerplate.txt", "end: (unclosed\n", r"boilerplate\.txt: bad regular expression"),
    ],
)
def test_a_bad_file_is_named_with_what_is_wrong(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    write(tmp_path, name, text)
    with pytest.raises(LexiconError, match=message) as error:
        load_lexicon(tmp_path)
    assert str(error.value).startswith(str(tmp_path / name))


def test_bytes_that_are_not_utf8_and_a_missing_directory_are_named(tmp_path: Path) -> None:
    (tmp_path / "topics.csv").write_bytes(b"topic,keywords\nf\xe9te,f\xeate\n")
    with pytest.raises(LexiconError, match=r"topics\.csv: not UTF-8 text"):
        load_lexicon(tmp_path)
    with pytest.raises(LexiconError, match=r"nowhere: not a directory"):
        load_lexicon(tmp_path / "nowhere")
